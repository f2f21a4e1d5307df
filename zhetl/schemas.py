"""The one place that defines every output table's Arrow schema.

Columns are flat (no lists or structs) so BI tools read them directly. Offsets are 0-based and
end-exclusive into the document's cleaned text (``char_*``) and its decoded raw text (``raw_char_*``).
"""

from __future__ import annotations

import pyarrow as pa

TIMESTAMP = pa.timestamp("us", tz="UTC")


def _mention_columns() -> list[pa.Field]:
    return [
        pa.field("char_start", pa.int32(), nullable=False),
        pa.field("char_end", pa.int32(), nullable=False),
        pa.field("raw_char_start", pa.int32(), nullable=False),
        pa.field("raw_char_end", pa.int32(), nullable=False),
    ]


DOCUMENTS = pa.schema([
    pa.field("doc_id", pa.string(), nullable=False),
    pa.field("source_path", pa.string(), nullable=False),
    pa.field("size_bytes", pa.int64(), nullable=False),
    pa.field("encoding", pa.string(), nullable=False),
    pa.field("encoding_confidence", pa.float64(), nullable=False),
    pa.field("encoding_method", pa.string(), nullable=False),
    pa.field("replacement_chars", pa.int32(), nullable=False),
    pa.field("title", pa.string()),
    pa.field("published_date", pa.date32()),
    pa.field("script", pa.string(), nullable=False),
    pa.field("n_chars", pa.int64(), nullable=False),
    pa.field("n_raw_chars", pa.int64(), nullable=False),
    pa.field("n_sentences", pa.int32(), nullable=False),
    pa.field("redactions", pa.int32(), nullable=False),
    pa.field("truncated", pa.bool_(), nullable=False),
    pa.field("markup", pa.bool_(), nullable=False),
    pa.field("pinyin_annotations", pa.int32(), nullable=False),
    pa.field("boilerplate_lines", pa.int32(), nullable=False),
    pa.field("author", pa.string()),
    pa.field("source", pa.string()),
    pa.field("url", pa.string()),
    pa.field("pipeline_version", pa.string(), nullable=False),
    pa.field("ingested_at", TIMESTAMP, nullable=False),
])

DOCUMENT_TEXTS = pa.schema([
    pa.field("doc_id", pa.string(), nullable=False),
    pa.field("text", pa.large_string(), nullable=False),
    pa.field("raw_text", pa.large_string(), nullable=False),
])

PARAGRAPHS = pa.schema([
    pa.field("doc_id", pa.string(), nullable=False),
    pa.field("paragraph_id", pa.int32(), nullable=False),
    *_mention_columns(),
    pa.field("n_chars", pa.int32(), nullable=False),
    pa.field("text_hash", pa.string(), nullable=False),
    pa.field("text", pa.string(), nullable=False),
])

SENTENCES = pa.schema([
    pa.field("doc_id", pa.string(), nullable=False),
    pa.field("sentence_id", pa.int32(), nullable=False),
    pa.field("paragraph_id", pa.int32(), nullable=False),
    *_mention_columns(),
    pa.field("text_hash", pa.string(), nullable=False),
    pa.field("text", pa.string(), nullable=False),
])

TOKENS = pa.schema([
    pa.field("doc_id", pa.string(), nullable=False),
    pa.field("sentence_id", pa.int32(), nullable=False),
    pa.field("token_id", pa.int32(), nullable=False),
    pa.field("token", pa.string(), nullable=False),
    pa.field("pos", pa.string(), nullable=False),
    *_mention_columns(),
])

ENTITIES = pa.schema([
    pa.field("doc_id", pa.string(), nullable=False),
    pa.field("sentence_id", pa.int32(), nullable=False),
    pa.field("text", pa.string(), nullable=False),
    pa.field("type", pa.string(), nullable=False),
    pa.field("normalized", pa.string(), nullable=False),
    pa.field("admin_code", pa.string()),
    pa.field("province", pa.string()),
    pa.field("city", pa.string()),
    pa.field("county", pa.string()),
    *_mention_columns(),
])

def _amount_columns() -> list[pa.Field]:
    """What a quantity says, shared by the quantities and facts tables."""
    return [
        pa.field("text", pa.string(), nullable=False),
        pa.field("value", pa.float64(), nullable=False),
        pa.field("value_min", pa.float64()),
        pa.field("value_max", pa.float64()),
        pa.field("approximate", pa.bool_(), nullable=False),
        pa.field("unit", pa.string(), nullable=False),
        pa.field("kind", pa.string(), nullable=False),
        pa.field("currency", pa.string()),
    ]


QUANTITIES = pa.schema([
    pa.field("doc_id", pa.string(), nullable=False),
    pa.field("sentence_id", pa.int32(), nullable=False),
    *_amount_columns(),
    pa.field("metric", pa.string()),
    pa.field("change", pa.string()),
    *_mention_columns(),
])

# One row per quantity that has a metric: what BI tools chart (贫困发生率 by place and year).
FACTS = pa.schema([
    pa.field("doc_id", pa.string(), nullable=False),
    pa.field("sentence_id", pa.int32(), nullable=False),
    pa.field("metric", pa.string(), nullable=False),
    *_amount_columns(),
    pa.field("change", pa.string()),
    pa.field("place", pa.string()),
    pa.field("admin_code", pa.string()),
    pa.field("province", pa.string()),
    pa.field("period_text", pa.string()),
    pa.field("period_start", pa.date32()),
    pa.field("period_end", pa.date32()),
    *_mention_columns(),
])

DATES = pa.schema([
    pa.field("doc_id", pa.string(), nullable=False),
    pa.field("sentence_id", pa.int32(), nullable=False),
    pa.field("text", pa.string(), nullable=False),
    pa.field("kind", pa.string(), nullable=False),
    pa.field("start_date", pa.date32()),
    pa.field("end_date", pa.date32()),
    pa.field("granularity", pa.string(), nullable=False),
    pa.field("redacted", pa.bool_(), nullable=False),
    *_mention_columns(),
])

REJECTS = pa.schema([
    pa.field("source_path", pa.string(), nullable=False),
    pa.field("doc_id", pa.string()),
    pa.field("stage", pa.string(), nullable=False),
    pa.field("reason", pa.string(), nullable=False),
    pa.field("detail", pa.string(), nullable=False),
    pa.field("size_bytes", pa.int64()),
    pa.field("pipeline_version", pa.string(), nullable=False),
])

TABLES: dict[str, pa.Schema] = {
    "documents": DOCUMENTS,
    "document_texts": DOCUMENT_TEXTS,
    "paragraphs": PARAGRAPHS,
    "sentences": SENTENCES,
    "tokens": TOKENS,
    "entities": ENTITIES,
    "quantities": QUANTITIES,
    "facts": FACTS,
    "dates": DATES,
    "rejects": REJECTS,
}

# The run log: one row per run, appended (a part per run under runs/), so it lives outside TABLES, whose
# parts are replaced by content. Flat columns: rows added per table each get a column.
RUNS = pa.schema([
    pa.field("run_id", pa.string(), nullable=False),
    pa.field("started_at", TIMESTAMP, nullable=False),
    pa.field("finished_at", TIMESTAMP, nullable=False),
    pa.field("seconds", pa.float64(), nullable=False),
    pa.field("input_dir", pa.string(), nullable=False),
    pa.field("output_dir", pa.string(), nullable=False),
    pa.field("pipeline_version", pa.string(), nullable=False),
    pa.field("workers", pa.int32(), nullable=False),
    pa.field("files_seen", pa.int64(), nullable=False),
    pa.field("processed", pa.int64(), nullable=False),
    pa.field("skipped", pa.int64(), nullable=False),
    pa.field("documents", pa.int64(), nullable=False),
    pa.field("rejects", pa.int64(), nullable=False),
    pa.field("reconciled", pa.bool_(), nullable=False),
    pa.field("rejects_by_reason", pa.string(), nullable=False),  # "binary=2; empty=1"
    pa.field("n_chars", pa.int64(), nullable=False),
    *[pa.field(f"new_rows_{name}", pa.int64(), nullable=False) for name in TABLES],
])
LOG_TABLES: dict[str, pa.Schema] = {"runs": RUNS}

MENTION_TABLES = ("paragraphs", "sentences", "tokens", "entities", "quantities", "facts", "dates")


class SchemaMismatch(ValueError):
    """A table does not match the schema module; raised before anything is published."""


def to_table(name: str, rows: list[dict]) -> pa.Table:
    """Build table ``name`` from row dicts, typed and checked against its schema."""
    schema = TABLES.get(name) or LOG_TABLES[name]
    extra = {key for row in rows[:1] for key in row} - set(schema.names)
    if extra:
        raise SchemaMismatch(f"{name}: columns not in the schema: {sorted(extra)}")
    try:
        table = pa.Table.from_pylist(rows, schema=schema)
    except (pa.ArrowInvalid, pa.ArrowTypeError) as error:
        raise SchemaMismatch(f"{name}: {error}") from error
    validate(name, table)
    return table


def validate(name: str, table: pa.Table) -> None:
    """Raise :class:`SchemaMismatch` unless ``table`` has exactly the schema of ``name``."""
    schema = TABLES.get(name) or LOG_TABLES.get(name)
    if schema is None:
        raise SchemaMismatch(f"unknown table {name!r}")
    if not table.schema.equals(schema, check_metadata=False):
        raise SchemaMismatch(f"{name}: schema differs:\nexpected {schema}\ngot {table.schema}")
    for field in schema:
        if not field.nullable and table.column(field.name).null_count:
            raise SchemaMismatch(f"{name}.{field.name}: nulls in a non-nullable column")
