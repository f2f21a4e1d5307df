"""The report scorer: a redacted date in a gold set counts as resolved when the extractor leaves it unresolved."""

from __future__ import annotations

import json
from pathlib import Path

from bench.report import score


def test_a_redacted_date_is_resolved_by_staying_unresolved(tmp_path: Path) -> None:
    text = "到20__年底，全县新建农村公路1250公里。"
    start = text.index("1250公里")
    row = {"text": text, "traps": [],
           "quantities": [{"text": "1250公里", "start": start, "end": start + len("1250公里"), "value": 1250,
                           "value_min": None, "value_max": None, "approximate": False, "unit": "公里",
                           "kind": "measure", "metric": "农村公路", "change": "level"}],
           "dates": [{"text": "20__年底", "start": 1, "end": 7, "start_date": None, "end_date": None}]}
    gold = tmp_path / "report_quantities_dev0.jsonl"
    gold.write_text(json.dumps(row, ensure_ascii=False) + "\n", encoding="utf-8")
    result = score(False, gold)
    assert result["dates"] == 1 and result["date_resolution"] == 1.0
    assert result["recall"] == 1.0
