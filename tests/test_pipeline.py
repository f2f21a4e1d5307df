"""Document-level context that process_document carries from sentence to sentence."""

from __future__ import annotations

from datetime import UTC, date, datetime

from zhetl.pipeline import Settings, analyse_sentence, process_document


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
