"""Document-level context that process_document carries from sentence to sentence."""

from __future__ import annotations

from datetime import UTC, datetime

from zhetl.pipeline import Settings, process_document


def test_a_document_carries_its_stated_year_to_later_sentences() -> None:
    """同年 and 当年 in later sentences follow the last year the document stated; 今年 still needs a reference."""
    text = "2021年2月25日，北京召开大会。同年4月6日，发布白皮书。当年全省新增就业3万人。今年计划完成。"
    rows = process_document(text.encode(), "x/a.txt", Settings(ingested_at=datetime(2024, 1, 1, tzinfo=UTC)))
    assert [(d["text"], str(d["start_date"])) for d in rows.tables["dates"]] == [
        ("2021年2月25日", "2021-02-25"), ("同年4月6日", "2021-04-06"), ("当年", "2021-01-01"), ("今年", "None")]
