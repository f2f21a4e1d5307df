"""One batch: every file becomes rows or a reject, the parts are staged, and the time is accounted for."""

from __future__ import annotations

import gc
from datetime import UTC, datetime
from pathlib import Path

import pyarrow.parquet as pq

from zhetl.batch import GC_THRESHOLDS, run_batch
from zhetl.inventory import inventory
from zhetl.pipeline import Rows, Settings
from zhetl.storage import Manifest

MINI = Path(__file__).parent / "fixtures" / "mini"


def _batch(tmp_path: Path) -> dict:
    items = inventory(MINI, Manifest())
    settings = Settings(ingested_at=datetime(2026, 1, 1, tzinfo=UTC), pipeline_version="test")
    return run_batch(MINI, items, tmp_path, settings)


def test_a_batch_stages_one_part_per_table_with_every_file_accounted_for(tmp_path: Path) -> None:
    result = _batch(tmp_path)
    files = inventory(MINI, Manifest())
    assert {entry["source_path"] for entry in result["entries"]} == {item.source_path for item in files}
    assert result["counts"]["documents"] + result["counts"]["rejects"] == len(files)
    tokens = pq.read_table(result["files"]["tokens"])
    assert tokens.num_rows == result["counts"]["tokens"] > 0


def test_the_stage_times_cover_rows_and_token_tables(tmp_path: Path) -> None:
    stages = _batch(tmp_path)["stage_seconds"]
    assert {"decode", "clean", "split", "segment", "entities", "rows", "tables", "write"} <= set(stages)


def test_a_batch_runs_the_collector_rarely(tmp_path: Path) -> None:
    """At the defaults the collector re-scanned millions of tokens and took a quarter of a batch."""
    before = gc.get_threshold()
    try:
        _batch(tmp_path)
        assert gc.get_threshold() == GC_THRESHOLDS
    finally:
        gc.set_threshold(*before)
        gc.unfreeze()


def test_a_file_whose_rows_cannot_become_tables_is_a_reject_and_the_others_stay(tmp_path: Path,
                                                                                 monkeypatch) -> None:
    """The big tables are built per chunk, outside each file's own try: a failure there is still one file's."""
    import zhetl.batch as batch

    real = batch.process_document
    broken: list[str] = []

    def process_then_break_one(data: bytes, source_path: str, settings: Settings) -> Rows:
        rows = real(data, source_path, settings)
        if not broken and rows.blocks["tokens"] and rows.blocks["tokens"][0].count:
            broken.append(source_path)
            rows.blocks["tokens"][0].columns["char_start"] = ["not", "offsets"]  # no int32 column can hold these
        return rows

    monkeypatch.setattr(batch, "process_document", process_then_break_one)
    result = _batch(tmp_path)
    files = inventory(MINI, Manifest())
    rejects = pq.read_table(result["files"]["rejects"]).to_pylist()
    assert [(r["source_path"], r["stage"]) for r in rejects if r["stage"] == "tables"] == [(broken[0], "tables")]
    assert result["counts"]["documents"] + result["counts"]["rejects"] == len(files)
    assert result["counts"]["documents"] == len(files) - len(rejects) > 0
    entry = next(e for e in result["entries"] if e["source_path"] == broken[0])
    assert entry["outcome"] == "reject"
    assert broken[0] not in pq.read_table(result["files"]["documents"]).column("source_path").to_pylist()
