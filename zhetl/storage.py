"""Parquet parts, the manifest and atomic publishing.

Layout of an output folder::

    <table>/part-<key>.parquet   one file per batch and table; key = hash of the batch's (path, doc_id) pairs
    _manifest.json               the commit record: every input file's outcome and the part it lives in
    _staging/<run>/...           parts written by batch tasks, moved into place by ``publish``
    catalog.duckdb               DuckDB views over the published parts (relative paths)

Every local file is written to a temporary name and renamed. On an object store (an fsspec URL) every
object is written by one PUT, which readers see whole or not at all, and "moving" a staged part copies it
to its final key. ``publish`` moves staged parts into place, rewrites
the old parts that held changed or deleted files, writes the manifest (the commit point), then deletes the
parts the manifest no longer names. A run killed at any point leaves only whole files; the next run's
:func:`recover` removes parts no manifest names, so the tables again equal the last committed state.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import io
import json
import logging
import os
import re
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from zhetl.schemas import TABLES, validate
from zhetl.storagepath import RemotePath, as_location, move, remove_tree

Location = Path | RemotePath  # a local folder or an object-store prefix (see zhetl.storagepath)

MANIFEST = "_manifest.json"
STAGING = "_staging"
CATALOG = "catalog.duckdb"
LOCK = ".zhetl.lock"
LOG = logging.getLogger("zhetl")
RUNS_GLOB = "runs/*.parquet"  # the run log's parts (see zhetl.runlog)
TMP_SUFFIX = ".tmp"
READ_THREADS = 4  # parts read at once by read_table
# zstd level 1 (Arrow's own default): on the parts of 200 laws files it wrote 17% faster than level 3 for files
# 12% larger; level 6 wrote 2.2× slower than level 3 for files only 4% smaller.
PARQUET_OPTIONS = {"compression": "zstd", "compression_level": 1}
# Columns whose values are nearly all distinct within a part: whole texts and their hashes.
DISTINCT_TEXT_COLUMNS = {"document_texts": frozenset({"text", "raw_text"}),
                         "paragraphs": frozenset({"text", "text_hash"}),
                         "sentences": frozenset({"text", "text_hash"})}


def dictionary_columns(name: str, schema: pa.Schema) -> list[str]:
    """The columns worth a Parquet dictionary: strings that repeat (ids, words, tags, names).

    A dictionary of whole texts or of integers (offsets) grows past its page limit and is dropped, after every
    value was hashed into it: dictionaries for these columns only made the laws corpus's parts 11% slower to
    write and 8% larger. Plain values stay readable by every Parquet reader (no newer encodings).
    """
    distinct = DISTINCT_TEXT_COLUMNS.get(name, frozenset())
    return [field.name for field in schema
            if (pa.types.is_string(field.type) or pa.types.is_large_string(field.type)) and field.name not in distinct]


# Columns whose min and max say nothing a reader can skip by: every part spans nearly all words, tags and texts.
# Their statistics cost the tokens table 10% of its write (the other columns keep theirs: ids and offsets prune).
UNSELECTIVE_COLUMNS = {"tokens": frozenset({"token", "pos"})}


def statistics_columns(name: str, schema: pa.Schema) -> list[str]:
    """The columns whose Parquet statistics are written: all but free texts, their hashes, words and tags."""
    skipped = DISTINCT_TEXT_COLUMNS.get(name, frozenset()) | UNSELECTIVE_COLUMNS.get(name, frozenset())
    return [field.name for field in schema if field.name not in skipped]


def plain_fields(record: object) -> dict:
    """A dataclass of plain values (str, int, None) as a dict: its ``__dict__``, copied. ``dataclasses.asdict``
    gives the same dict through deep copies, 15x slower (the plan and the manifest hold one per input file)."""
    return dict(vars(record))


@dataclass
class FileEntry:
    """One input file's published outcome."""

    source_path: str
    doc_id: str
    size: int
    mtime_ns: int
    outcome: str  # document | reject
    part: str
    pipeline_version: str
    duplicate_of: str | None = None
    site_profile: str = ""


@dataclass
class Manifest:
    files: dict[str, FileEntry] = field(default_factory=dict)

    def parts(self) -> dict[str, list[FileEntry]]:
        grouped: dict[str, list[FileEntry]] = {}
        for entry in self.files.values():
            grouped.setdefault(entry.part, []).append(entry)
        return grouped

    def to_json(self) -> str:
        files = {path: plain_fields(entry) for path, entry in sorted(self.files.items())}
        return json.dumps({"format": 1, "files": files}, ensure_ascii=False, indent=1, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> Manifest:
        data = json.loads(text)
        return cls({path: FileEntry(**entry) for path, entry in data.get("files", {}).items()})


def load_manifest(output: Location) -> Manifest:
    path = output / MANIFEST
    if not path.exists():
        return Manifest()
    return Manifest.from_json(path.read_text(encoding="utf-8"))


def published_keys(output: Location) -> list[str]:
    """The keys of the parts the manifest publishes, in order (every table has one part per key)."""
    return sorted(load_manifest(output).parts())


def atomic_write_bytes(path: Location, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file, fsync and rename (one PUT on an object store)."""
    if isinstance(path, RemotePath):
        path.write_bytes(data)
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}{TMP_SUFFIX}")
    tmp.write_bytes(data)
    _sync_into_place(tmp, path)


def write_manifest(output: Location, manifest: Manifest) -> None:
    atomic_write_bytes(output / MANIFEST, manifest.to_json().encode("utf-8"))


def part_key(pairs: Iterable[tuple[str, str]], pipeline_version: str) -> str:
    """A deterministic name for the part holding these (source_path, doc_id) pairs."""
    digest = hashlib.sha256(pipeline_version.encode())
    for path, doc_id in sorted(pairs):
        digest.update(f"\0{path}\0{doc_id}".encode())
    return digest.hexdigest()[:20]


def part_name(key: str) -> str:
    return f"part-{key}.parquet"


def write_table(path: Location, name: str, table: pa.Table, syncer: ThreadPoolExecutor | None = None) -> Future | None:
    """Validate ``table`` against the schema module and write it atomically as zstd Parquet.

    With ``syncer``, the wait for the disk (the fsync, then the rename) runs on its thread, and the future returned
    says when the file is in place.
    """
    validate(name, table)
    options = {**PARQUET_OPTIONS, "use_dictionary": dictionary_columns(name, table.schema),
               "write_statistics": statistics_columns(name, table.schema)}
    if isinstance(path, RemotePath):
        buffer = pa.BufferOutputStream()
        pq.write_table(table, buffer, **options)
        path.write_bytes(buffer.getvalue().to_pybytes())
        return None
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}{TMP_SUFFIX}")
    pq.write_table(table, tmp, **options)
    if syncer is not None:
        return syncer.submit(_sync_into_place, tmp, path)
    _sync_into_place(tmp, path)
    return None


def _sync_into_place(tmp: Path, path: Path) -> None:
    """Put a fully written temporary file in place: on disk first (fsync), then under its name (rename)."""
    with open(tmp, "rb") as handle:
        os.fsync(handle.fileno())
    os.replace(tmp, path)


def stage_tables(staging: Location, key: str, tables: dict[str, pa.Table]) -> dict[str, str]:
    """Write one batch's tables under ``staging/<table>/``; returns table → file path.

    Each file's fsync (about 1.3 ms on this machine, 310 files on the laws corpus, the worker's core idle meanwhile)
    runs on a thread while the next table is written; every file is synced and in place before this returns.
    """
    written = {}
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="zhetl-fsync") as syncer:
        syncing = []
        for name in TABLES:
            path = staging / name / part_name(key)
            done = write_table(path, name, tables[name], syncer)
            if done is not None:
                syncing.append(done)
            written[name] = str(path)
        for done in syncing:
            done.result()  # (raises the first failure: the batch fails, as an inline fsync would have)
    return written


def read_part(output: Location, name: str, key: str, columns: Sequence[str] | None = None) -> pa.Table:
    return read_parquet(output / name / part_name(key), TABLES[name], columns)


def read_parquet(path: Location, schema: pa.Schema | None = None, columns: Sequence[str] | None = None) -> pa.Table:
    """A Parquet file (local or remote) as a table; ``columns`` reads only those."""
    wanted = list(columns) if columns is not None else None
    if isinstance(path, RemotePath):
        return pq.read_table(io.BytesIO(path.read_bytes()), schema=schema, columns=wanted)
    return pq.read_table(path, schema=schema, columns=wanted)


def recover(output: Location) -> list[str]:
    """Delete what a killed run left: temp files, staging, and parts the manifest does not name."""
    removed: list[str] = []
    manifest = load_manifest(output)
    live = {part_name(key) for key in manifest.parts()}
    for name in TABLES:
        folder = output / name
        if not folder.is_dir():
            continue
        for path in folder.iterdir():
            if path.name not in live or path.name.endswith(TMP_SUFFIX):
                path.unlink()
                removed.append(f"{name}/{path.name}")
    for tmp in output.glob(f".*{TMP_SUFFIX}"):
        tmp.unlink()
        removed.append(tmp.name)
    remove_tree(output / STAGING)
    return removed


def publish(output: Location, staged: list[dict], entries: list[FileEntry], drop_paths: set[str],
            pipeline_version: str) -> Manifest:
    """Make staged batches visible and drop ``drop_paths``' old rows; the manifest is written last.

    ``staged`` holds each batch's ``{"key", "files"}`` from :func:`stage_tables`; ``entries`` are the new
    manifest entries for the files those batches processed.
    """
    manifest = load_manifest(output)
    old_parts = manifest.parts()
    replaced = drop_paths | {entry.source_path for entry in entries}
    obsolete: set[str] = set()
    for batch in staged:
        for name, staged_path in batch["files"].items():
            target = output / name / part_name(batch["key"])
            target.parent.mkdir(parents=True, exist_ok=True)
            move(as_location(staged_path), target)
    for key, members in old_parts.items():
        leaving = [m for m in members if m.source_path in replaced]
        if not leaving:
            continue
        obsolete.add(key)
        staying = [m for m in members if m.source_path not in replaced]
        if staying:
            new_key = _rewrite_part(output, key, staying, pipeline_version)
            for member in staying:
                manifest.files[member.source_path].part = new_key
            obsolete.discard(new_key)
    for path in replaced:
        manifest.files.pop(path, None)
    for entry in entries:
        manifest.files[entry.source_path] = entry
    write_manifest(output, manifest)
    live = set(manifest.parts())
    for key in obsolete - live:
        for name in TABLES:
            with contextlib.suppress(FileNotFoundError):
                (output / name / part_name(key)).unlink()
    return manifest


def _rewrite_part(output: Location, key: str, staying: list[FileEntry], pipeline_version: str) -> str:
    """Write a copy of part ``key`` holding only the rows of ``staying``; returns the new key."""
    new_key = part_key(((m.source_path, m.doc_id) for m in staying), pipeline_version + "/rewrite")
    doc_ids = pa.array(sorted({m.doc_id for m in staying if m.outcome == "document"}), pa.string())
    paths = pa.array(sorted(m.source_path for m in staying), pa.string())
    for name in TABLES:
        table = read_part(output, name, key)
        if name == "rejects":
            kept = table.filter(pc.is_in(table.column("source_path"), value_set=paths))
        else:
            kept = table.filter(pc.is_in(table.column("doc_id"), value_set=doc_ids))
        write_table(output / name / part_name(new_key), name, kept)
    return new_key


def read_table(output: Location, name: str, columns: Sequence[str] | None = None,
               keys: Sequence[str] | None = None) -> pa.Table:
    """The published rows of one table (parts named by the manifest), for tests and the report.

    ``columns`` reads only those columns; ``keys`` are the manifest's part keys, when the caller has them.
    """
    keys = published_keys(output) if keys is None else keys
    if not keys:
        empty = TABLES[name].empty_table()
        return empty if columns is None else empty.select(list(columns))
    # (parts read on a few threads, in order: Arrow decodes without the GIL, and an object store answers in parallel)
    with ThreadPoolExecutor(max_workers=min(READ_THREADS, len(keys))) as pool:
        return pa.concat_tables(list(pool.map(lambda key: read_part(output, name, key, columns), keys)))


MIN_DUPLICATE_CHARS = 15


def _duplicates_view(table: str, id_column: str) -> str:
    """Rows whose normalised text occurs more than once, each with the first copy (by doc_id) it repeats."""
    return f"""
        SELECT doc_id, {id_column}, char_start, char_end, text_hash, text,
               first_value(doc_id) OVER same_text AS first_doc_id,
               first_value({id_column}) OVER same_text AS first_{id_column},
               count(*) OVER (PARTITION BY text_hash) AS copies,
               count(DISTINCT doc_id) OVER (PARTITION BY text_hash) AS documents
        FROM {table}
        WHERE length(text) >= {MIN_DUPLICATE_CHARS}
        WINDOW same_text AS (PARTITION BY text_hash ORDER BY doc_id, {id_column})
        QUALIFY copies > 1"""


# Views computed at query time from the published tables, so they are always consistent with them.
DERIVED_VIEWS = {
    "paragraph_duplicates": _duplicates_view("paragraphs", "paragraph_id"),
    "sentence_duplicates": _duplicates_view("sentences", "sentence_id"),
}

_DUCKDB_TYPES = {
    pa.string(): "VARCHAR", pa.large_string(): "VARCHAR", pa.int32(): "INTEGER", pa.int64(): "BIGINT",
    pa.float64(): "DOUBLE", pa.bool_(): "BOOLEAN", pa.date32(): "DATE",
    pa.timestamp("us", tz="UTC"): "TIMESTAMP WITH TIME ZONE",
}


def build_catalog(output: Location, target: Path | None = None, absolute: bool = False) -> Location:
    """Rebuild ``catalog.duckdb``: one view per table over the published parts, by relative path.

    Relative paths keep the folder movable; DuckDB resolves them against the working directory, so open
    the catalog from the output folder (or ``SET file_search_path`` to it). With ``absolute`` the views
    name full paths instead, for BI tools that cannot choose their working directory; such a copy goes to
    ``target`` and must be rebuilt if the folder moves.

    An object-store output gets ``catalog.sql`` instead (or ``target``): DuckDB binds a view's files when
    it is created, which needs the httpfs extension and credentials, so the views are left for the BI side
    to create by running the script.
    """
    import duckdb

    keys = published_keys(output)
    has_runs = any((output / RUNS_GLOB.split("/")[0]).glob("*.parquet"))
    if isinstance(output, RemotePath):
        script = target or output / CATALOG_SCRIPT
        preamble = REMOTE_PREAMBLE.get(output.protocol, ["INSTALL httpfs", "LOAD httpfs"])
        statements = [*preamble, *_view_statements(keys, f"{output}/", has_runs)]
        atomic_write_bytes(script, "".join(f"{statement};\n" for statement in statements).encode("utf-8"))
        return script
    target = target or output / CATALOG
    base = f"{output.resolve().as_posix()}/" if absolute else ""
    views = _catalog_views(target) if not absolute and target.exists() else None
    if views is not None and _parts_read(views) == keys and (not has_runs or "runs" in views):
        return target  # unchanged: a re-run rewrites nothing (the runs view reads new run parts by glob)
    tmp = target.with_name(f".{target.name}.{os.getpid()}{TMP_SUFFIX}")
    tmp.unlink(missing_ok=True)
    connection = duckdb.connect(str(tmp))
    try:
        connection.execute(f"SET file_search_path = '{_sql_string(str(output.resolve()))}'")
        for statement in _view_statements(keys, base, has_runs):
            connection.execute(statement)
        connection.execute("CHECKPOINT")
    finally:
        connection.close()
    os.replace(tmp, target)
    return target


CATALOG_SCRIPT = "catalog.sql"
# DuckDB reads object stores through httpfs; for S3 the aws extension's credential chain finds the keys
# the AWS tools use (a custom endpoint, such as MinIO's, needs ENDPOINT and URL_STYLE added to the secret).
REMOTE_PREAMBLE = {
    "s3": ["INSTALL httpfs", "LOAD httpfs", "INSTALL aws", "LOAD aws",
           "CREATE OR REPLACE SECRET zhetl_s3 (TYPE s3, PROVIDER credential_chain)"],
}


def _view_statements(keys: list[str], base: str, has_runs: bool) -> list[str]:
    """CREATE VIEW statements for every table (over the parts ``keys`` under ``base``) and derived view."""
    statements = []
    for name, schema in TABLES.items():
        if keys:
            files = ", ".join(f"'{_sql_string(base)}{name}/{part_name(key)}'" for key in keys)
            source = f"read_parquet([{files}])"
        else:
            columns = ", ".join(f"CAST(NULL AS {_DUCKDB_TYPES[f.type]}) AS {f.name}" for f in schema)
            source = f"(SELECT {columns} WHERE false)"
        statements.append(f"CREATE OR REPLACE VIEW {name} AS SELECT * FROM {source}")
    statements += [f"CREATE OR REPLACE VIEW {name} AS {sql}" for name, sql in DERIVED_VIEWS.items()]
    if has_runs:
        runs = f"read_parquet('{_sql_string(base)}{RUNS_GLOB}')"
        statements.append(f"CREATE OR REPLACE VIEW runs AS SELECT * FROM {runs}")
    return statements


def _catalog_views(catalog: Path) -> dict[str, str] | None:
    """The catalog's views (name → SQL), or None when it cannot be read."""
    import duckdb

    try:
        connection = duckdb.connect(str(catalog), read_only=True)
    except duckdb.Error:
        return None
    try:
        return dict(connection.execute("SELECT view_name, sql FROM duckdb_views() WHERE NOT internal").fetchall())
    except duckdb.Error:
        return None
    finally:
        connection.close()


def _parts_read(views: dict[str, str]) -> list[str] | None:
    """The part keys the documents view reads."""
    if "documents" not in views:
        return None
    return sorted(re.findall(r"part-([0-9a-f]+)\.parquet", views["documents"]))


def _sql_string(value: str) -> str:
    return value.replace("'", "''")


def lock_file(output: Location) -> Path:
    """The lock file of an output: inside a local folder; in the user's cache folder for an object store.

    Object stores have no locks, so runs on one machine exclude each other through a local file named after
    the URL; runs started from several machines rely on the deployment's concurrency limit of 1.
    """
    if not isinstance(output, RemotePath):
        output.mkdir(parents=True, exist_ok=True)
        return output / LOCK
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "zhetl" / "locks"
    cache.mkdir(parents=True, exist_ok=True)
    return cache / f"{hashlib.sha256(str(output).encode()).hexdigest()[:24]}.lock"


@contextlib.contextmanager
def output_lock(output: Location, wait: bool = True) -> Iterator[None]:
    """Hold an exclusive lock on the output folder so two runs never interleave."""
    path = lock_file(output)
    with open(path, "a+") as handle:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as error:
            if not wait:
                raise OutputLocked(f"another zhetl run holds {path}") from error
            LOG.warning("another zhetl run is writing to %s; waiting for it to finish", output)
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
            LOG.warning("the other run finished; this run goes on")
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


class OutputLocked(RuntimeError):
    """Another run is writing to the same output folder."""
