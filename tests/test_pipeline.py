"""Document-level context that process_document carries from sentence to sentence."""

from __future__ import annotations

from datetime import UTC, date, datetime

from zhetl.clean import clean_text
from zhetl.pipeline import Settings, analyse_sentence, paragraph_hash, process_document
from zhetl.schemas import TABLES


def test_a_document_carries_its_stated_year_to_later_sentences() -> None:
    """同年 and 当年 in later sentences follow the last year the document stated; 今年 still needs a reference."""
    text = "2021年2月25日，北京召开大会。同年4月6日，发布白皮书。当年全省新增就业3万人。今年计划完成。"
    rows = process_document(text.encode(), "x/a.txt", Settings(ingested_at=datetime(2024, 1, 1, tzinfo=UTC)))
    assert [(d["text"], str(d["start_date"])) for d in rows.tables["dates"]] == [
        ("2021年2月25日", "2021-02-25"), ("同年4月6日", "2021-04-06"), ("当年", "2021-01-01"), ("今年", "None")]


def test_the_last_n_years_are_a_period_and_years_spent_a_duration() -> None:
    """近三年 opening a clause is a date and no quantity (21 development readings to none as both); after 经过 or
    时间 近七年 is how long something took, a duration and no date."""
    period = analyse_sentence("近三年，全县建成高标准农田18.5万亩。", reference=date(2021, 3, 9))
    assert [d.text for d in period.dates] == ["近三年"] and [q.text for q in period.quantities] == ["18.5万亩"]
    spent = analyse_sentence("经过近七年的持续攻坚，全县农村低保标准提高到每人每年5400元。", reference=date(2021, 3, 9))
    assert not spent.dates and spent.quantities[0].text == "近七年" and spent.quantities[0].kind == "duration"


def test_paragraph_and_sentence_rows_built_in_bulk_map_back_like_one_span_at_a_time() -> None:
    """The columnar paragraphs and sentences tables hold the same offsets, hashes and texts that
    ``MappedText.raw_span`` and ``paragraph_hash`` give span by span, after cleaning moved characters."""
    raw = "  第一条　为了ＡＢＣ，制定本法。\r\n\r\n\r\n第二条 本法自公布之日起施行。\n  标(biāo)题在此。"
    rows = process_document(raw.encode(), "x/law.txt", Settings(ingested_at=datetime(2024, 1, 1, tzinfo=UTC)))
    text = rows.tables["document_texts"][0]["text"]
    cleaned = clean_text(raw)
    assert cleaned.text == text
    tables = rows.to_arrow()
    assert tables["sentences"].num_rows >= 3 and tables["paragraphs"].num_rows >= 2
    for name in ("paragraphs", "sentences"):
        for row in tables[name].to_pylist():
            body = text[row["char_start"]:row["char_end"]]
            assert row["text"] == body and row["text_hash"] == paragraph_hash(body)
            assert (row["raw_char_start"], row["raw_char_end"]) == cleaned.mapped.raw_span(row["char_start"],
                                                                                       row["char_end"])
    assert list(tables) == [*(name for name in TABLES if name != "tokens"), "tokens"]

