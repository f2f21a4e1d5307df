"""Process one batch of input files into staged Parquet parts: the body of the ``process_batch`` task.

Takes paths, returns paths and counts (never tables), so an orchestrator can run it anywhere that sees
the same file system.
"""

from __future__ import annotations

import gc
import time

import pyarrow as pa
import pyarrow.compute

from zhetl.inventory import InputFile, NotRegularFile, location, read_regular_file
from zhetl.pipeline import Rows, Settings, process_document, reject_row, stage_seconds
from zhetl.schemas import SchemaMismatch
from zhetl.storage import FileEntry, Location, part_key, plain_fields, stage_tables

CHUNK_CHARS = 100_000
# The cyclic garbage collector, at its defaults, spends a quarter of a batch re-scanning the tokens and the
# cached dictionaries; our rows hold no cycles worth chasing, so young collections run 140× less often.
GC_THRESHOLDS = (100_000, 50, 100)


def run_batch(input_root: Location, items: list[InputFile], staging: Location, settings: Settings) -> dict:
    """Run every stage over ``items`` and stage one part per table; returns keys, paths, counts, entries."""
    started = time.perf_counter()
    gc.set_threshold(*GC_THRESHOLDS)
    before = stage_seconds()
    chunk: list[tuple[InputFile, Rows]] = []
    chunks: list[dict[str, pa.Table]] = []
    pending = 0
    tabling = 0.0
    for item in items:
        file_rows = _process_item(input_root, item, settings)
        pending += sum(row["n_chars"] for row in file_rows.tables["documents"])
        chunk.append((item, file_rows))
        if pending >= CHUNK_CHARS:  # rows as Python objects and arrays cost far more than Arrow: convert as we go
            clock = time.perf_counter()
            chunks.append(_chunk_tables(chunk, settings))
            tabling += time.perf_counter() - clock
            chunk, pending = [], 0
    clock = time.perf_counter()
    chunks.append(_chunk_tables(chunk, settings))
    tables = {name: pa.concat_tables([part[name] for part in chunks]) for name in chunks[0]}
    tabling += time.perf_counter() - clock
    documents = dict(zip(tables["documents"].column("source_path").to_pylist(),
                         tables["documents"].column("doc_id").to_pylist(), strict=True))
    n_chars = int(pa.compute.sum(tables["documents"].column("n_chars")).as_py() or 0)
    key = part_key(((i.source_path, i.doc_id or "") for i in items), settings.pipeline_version)
    tabled = time.perf_counter()
    files = stage_tables(staging, key, tables)
    stages = {name: round(seconds - before[name], 3) for name, seconds in stage_seconds().items()}
    stages["tables"] = round(stages.get("tables", 0.0) + tabling, 3)  # token columns per document, Arrow per chunk
    stages["write"] = round(time.perf_counter() - tabled, 3)
    entries = []
    for item in items:
        outcome = "document" if item.source_path in documents else "reject"
        doc_id = documents.get(item.source_path, item.doc_id or "")
        entries.append(plain_fields(FileEntry(item.source_path, doc_id, item.size, item.mtime_ns, outcome, key,
                                        settings.pipeline_version, item.duplicate_of, item.site_profile)))
    counts = {name: table.num_rows for name, table in tables.items()}
    del chunk, chunks, tables
    gc.collect()
    gc.freeze()  # what survives a batch (engines, dictionaries, caches) lives as long as the process
    pa.default_memory_pool().release_unused()  # give the batch's Arrow memory back before the next batch
    return {
        "key": key,
        "files": files,
        "entries": entries,
        "counts": counts,
        "n_chars": n_chars,
        "seconds": round(time.perf_counter() - started, 3),
        "stage_seconds": stages,
    }


def _chunk_tables(chunk: list[tuple[InputFile, Rows]], settings: Settings) -> dict[str, pa.Table]:
    """The chunk's rows as Arrow tables, built once for all of its files.

    The big tables are built here, outside each file's own try (zhetl.columnar), so should they fail, each file
    is built alone and one that still fails becomes a rejects row (stage ``tables``): one bad file never stops
    the others. Rows that do not match the schema module are our bug, not a file's: that still fails the run
    before anything is published.
    """
    rows = Rows()
    for _, file_rows in chunk:
        rows.extend(file_rows)
    try:
        return rows.to_arrow()
    except SchemaMismatch:
        raise
    except Exception:  # (rare: find the files to blame, then build the rest)
        rows = Rows()
        for item, file_rows in chunk:
            rows.extend(_buildable(item, file_rows, settings))
        return rows.to_arrow()


def _buildable(item: InputFile, file_rows: Rows, settings: Settings) -> Rows:
    """The file's rows if they become tables on their own, else its rejects row (stage ``tables``)."""
    try:
        file_rows.to_arrow()
    except SchemaMismatch:
        raise
    except Exception as error:
        return _reject(item, "tables", "internal_error", f"{type(error).__name__}: {error}", settings)
    return file_rows


def _process_item(input_root: Location, item: InputFile, settings: Settings) -> Rows:
    """One file to rows; whatever goes wrong becomes a rejects row naming the stage."""
    if item.error:
        reason = item.error.split(":")[0]
        return _reject(item, "read", reason, item.error, settings)
    if item.duplicate_of:
        return _reject(item, "read", "duplicate", f"same bytes as {item.duplicate_of}", settings)
    try:
        data = read_regular_file(location(input_root, item))
    except NotRegularFile as problem:
        return _reject(item, "read", problem.reason, problem.detail, settings)
    except OSError as error:
        return _reject(item, "read", "unreadable", f"{type(error).__name__}: {error.strerror}", settings)
    try:
        return process_document(data, item.source_path, settings)
    except Exception as error:
        return _reject(item, "process", "internal_error", f"{type(error).__name__}: {error}", settings)


def _reject(item: InputFile, stage: str, reason: str, detail: str, settings: Settings) -> Rows:
    rows = Rows()
    rows.tables["rejects"].append(reject_row(item.source_path, stage, reason, detail, settings, item.doc_id,
                                             item.size))
    return rows
