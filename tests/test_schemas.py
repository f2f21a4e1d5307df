"""The schema module is the single authority: tables that differ from it never reach the output."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pytest

from tests.helpers import copy_tree, files_under, snapshot
from zhetl.runs import run_local
from zhetl.schemas import TABLES, SchemaMismatch, to_table, validate


def test_every_table_has_flat_typed_columns() -> None:
    for name, schema in TABLES.items():
        for field in schema:
            assert not pa.types.is_nested(field.type), f"{name}.{field.name} is nested"


def test_validate_rejects_a_wrong_type_an_extra_column_and_nulls() -> None:
    good = TABLES["rejects"].empty_table()
    validate("rejects", good)
    with pytest.raises(SchemaMismatch):
        validate("rejects", good.append_column("extra", pa.array([], pa.string())))
    with pytest.raises(SchemaMismatch):
        to_table("dates", [{"doc_id": "x", "sentence_id": "not a number"}])
    with pytest.raises(SchemaMismatch, match="nulls"):
        to_table("rejects", [{"source_path": None, "stage": "read", "reason": "x"}])


def test_a_mismatch_fails_the_run_before_anything_is_published(tmp_path: Path, fixtures: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = copy_tree(fixtures / "mini", tmp_path / "in")
    output = tmp_path / "out"
    run_local(corpus, output)
    before, parts = snapshot(output), files_under(output)
    (corpus / "report.txt").write_text("全县农村居民人均可支配收入增长9.9%。", encoding="utf-8")

    import zhetl.batch as batch  # (interpreted: the compiled pipeline calls its own functions directly)

    real = batch.process_document

    def facts_with_a_stray_column(*args, **kwargs):
        rows = real(*args, **kwargs)
        for block in rows.blocks["facts"]:
            block.columns["stray"] = [1] * block.count
        return rows

    monkeypatch.setattr(batch, "process_document", facts_with_a_stray_column)
    with pytest.raises(SchemaMismatch, match="stray"):
        run_local(corpus, output)
    assert snapshot(output) == before and files_under(output) == parts  # nothing new was published
