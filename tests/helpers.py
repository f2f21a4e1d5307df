"""Helpers shared by the integration tests: copying fixture trees and comparing published tables."""

from __future__ import annotations

import shutil
from pathlib import Path

import pyarrow as pa

from zhetl.schemas import MENTION_TABLES, TABLES
from zhetl.storage import read_table

VOLATILE = {"ingested_at"}


def copy_tree(source: Path, target: Path) -> Path:
    shutil.copytree(source, target)
    return target


def snapshot(output: Path) -> dict[str, list[tuple]]:
    """Every published table as sorted rows, without run-time columns."""
    tables = {}
    for name in TABLES:
        table = read_table(output, name)
        columns = [c for c in table.column_names if c not in VOLATILE]
        rows = table.select(columns).to_pylist()
        tables[name] = sorted(tuple(row.values()) for row in rows)
    return tables


def files_under(output: Path) -> dict[str, int]:
    """Part files and their modification times (ns): a re-run that writes nothing leaves this equal
    (apart from the run log, which records every run)."""
    return {str(p.relative_to(output)): p.stat().st_mtime_ns for p in output.rglob("*.parquet")
            if p.relative_to(output).parts[0] != "runs"}  # the run log grows by one part per run


def check_offsets(output: Path) -> int:
    """Assert text[char_start:char_end] == mention in every mention table; returns rows checked."""
    texts_table = read_table(output, "document_texts")
    texts = dict(zip(texts_table.column("doc_id").to_pylist(), texts_table.column("text").to_pylist(), strict=True))
    raws = dict(zip(texts_table.column("doc_id").to_pylist(), texts_table.column("raw_text").to_pylist(),
                    strict=True))
    checked = 0
    for name in MENTION_TABLES:
        table: pa.Table = read_table(output, name)
        mention_column = "token" if name == "tokens" else "text"
        for row in table.to_pylist():
            text = texts[row["doc_id"]]
            assert text[row["char_start"]:row["char_end"]] == row[mention_column], (name, row)
            raw = raws[row["doc_id"]]
            assert 0 <= row["raw_char_start"] < row["raw_char_end"] <= len(raw), (name, row)
            checked += 1
    return checked
