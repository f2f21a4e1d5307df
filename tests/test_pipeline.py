"""Document-level context that process_document carries from sentence to sentence."""

from __future__ import annotations

from datetime import UTC, date, datetime

from zhetl import pipeline
from zhetl.clean import clean_text
from zhetl.columnar import Utf8Text
from zhetl.pipeline import Settings, _TokenColumns, analyse_sentence, paragraph_hash, process_document
from zhetl.schemas import TABLES
from zhetl.segment import Token


def test_a_document_carries_its_stated_year_to_later_sentences() -> None:
    """同年 and 当年 in later sentences follow the last year the document stated; 今年 still needs a reference."""
    text = "2021年2月25日，北京召开大会。同年4月6日，发布白皮书。当年全省新增就业3万人。今年计划完成。"
    rows = process_document(text.encode(), "x/a.txt", Settings(ingested_at=datetime(2024, 1, 1, tzinfo=UTC)))
    assert [(d["text"], str(d["start_date"])) for d in rows.to_arrow()["dates"].to_pylist()] == [
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
    tables = rows.to_arrow()
    text = tables["document_texts"].column("text")[0].as_py()
    cleaned = clean_text(raw)
    assert cleaned.text == text
    assert tables["sentences"].num_rows >= 3 and tables["paragraphs"].num_rows >= 2
    for name in ("paragraphs", "sentences"):
        for row in tables[name].to_pylist():
            body = text[row["char_start"]:row["char_end"]]
            assert row["text"] == body and row["text_hash"] == paragraph_hash(body)
            assert (row["raw_char_start"], row["raw_char_end"]) == cleaned.mapped.raw_span(row["char_start"],
                                                                                       row["char_end"])
    assert list(tables) == [*(name for name in TABLES if name != "tokens"), "tokens"]


def test_token_rows_keep_each_tokens_offsets_across_gaps_cuts_and_empty_sentences() -> None:
    """Token offsets travel as lengths and gaps and are added back up per sentence: after dropped whitespace, across
    a sentence without tokens and past a token out of order, each row still holds its own token's offsets."""
    text = "国务院 有关部门，增长8%。\n\n好。三 四"
    mapped = clean_text(text).mapped
    columns = _TokenColumns()
    sentences = [
        [Token("国务院", "nt", 0, 3), Token("有关", "vn", 4, 6), Token("部门", "n", 6, 8), Token("，", "x", 8, 9),
         Token("增长", "v", 9, 11), Token("8%", "m", 11, 13), Token("。", "x", 13, 14)],
        [],
        [Token("好", "a", 16, 17), Token("。", "x", 17, 18)],
        [Token("四", "m", 20, 21), Token("三", "m", 18, 19)],
    ]
    for sentence_id, tokens in enumerate(sentences):
        columns.add(sentence_id, tokens)
    block = columns.block("d", mapped, Utf8Text(mapped.text))
    expected = [(sentence_id, token) for sentence_id, tokens in enumerate(sentences) for token in tokens]
    assert block.count == len(expected)
    starts, ends = block.columns["char_start"].tolist(), block.columns["char_end"].tolist()
    assert [(s, e) for s, e in zip(starts, ends, strict=True)] == [(t.start, t.end) for _, t in expected]
    assert block.columns["sentence_id"].tolist() == [sentence_id for sentence_id, _ in expected]
    assert block.columns["token_id"].tolist() == [0, 1, 2, 3, 4, 5, 6, 0, 1, 0, 1]
    assert all(mapped.text[s:e] == t.token for s, e, (_, t) in zip(starts, ends, expected, strict=True))


def test_each_stage_index_names_its_own_stage() -> None:
    """The stage indices are written out one by one (Final constants), so they must still follow STAGES."""
    indices = [pipeline.DECODE, pipeline.CLEAN, pipeline.SPLIT, pipeline.DATES_QUANTITIES, pipeline.SEGMENT,
               pipeline.ENTITIES, pipeline.METRICS, pipeline.ROWS, pipeline.TABLES_STAGE]
    assert indices == list(range(len(pipeline.STAGES)))
    assert [pipeline.STAGES[i] for i in (pipeline.SEGMENT, pipeline.ENTITIES, pipeline.TABLES_STAGE)] == \
        ["segment", "entities", "tables"]
