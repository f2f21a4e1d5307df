"""How parts are written: dictionaries only where values repeat, statistics only where they can prune, and every
value read back as written."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from zhetl.schemas import TABLES
from zhetl.storage import dictionary_columns, statistics_columns, write_table


def _column_encodings(path: Path) -> dict[str, set[str]]:
    metadata = pq.ParquetFile(path).metadata
    encodings: dict[str, set[str]] = {}
    for group in range(metadata.num_row_groups):
        for index in range(metadata.num_columns):
            column = metadata.row_group(group).column(index)
            encodings.setdefault(column.path_in_schema, set()).update(column.encodings)
    return encodings


def test_dictionaries_for_repeating_strings_only() -> None:
    assert dictionary_columns("tokens", TABLES["tokens"]) == ["doc_id", "token", "pos"]
    assert dictionary_columns("sentences", TABLES["sentences"]) == ["doc_id"]
    assert dictionary_columns("document_texts", TABLES["document_texts"]) == ["doc_id"]
    assert "text" in dictionary_columns("entities", TABLES["entities"])  # a mention's text repeats (国务院)


def test_written_tokens_use_a_dictionary_for_words_and_plain_offsets(tmp_path: Path) -> None:
    words = ["脱贫", "攻坚", "，", "脱贫", "成果"] * 200
    starts = [2 * i for i in range(len(words))]
    table = pa.table({
        "doc_id": ["d" * 32] * len(words), "sentence_id": [0] * len(words), "token_id": list(range(len(words))),
        "token": words, "pos": ["v", "vn", "x", "v", "n"] * 200,
        "char_start": starts, "char_end": [s + 2 for s in starts],
        "raw_char_start": starts, "raw_char_end": [s + 2 for s in starts],
    }, schema=TABLES["tokens"])
    path = tmp_path / "tokens.parquet"
    write_table(path, "tokens", table)
    encodings = _column_encodings(path)
    assert "RLE_DICTIONARY" in encodings["token"]
    assert "RLE_DICTIONARY" not in encodings["char_start"]
    assert encodings["char_start"] <= {"PLAIN", "RLE"}  # (RLE: the definition levels)
    assert pq.read_table(path).equals(table)


def test_statistics_for_ids_and_offsets_not_for_words_or_texts(tmp_path: Path) -> None:
    assert statistics_columns("tokens", TABLES["tokens"]) == [
        "doc_id", "sentence_id", "token_id", "char_start", "char_end", "raw_char_start", "raw_char_end"]
    assert "text" not in statistics_columns("sentences", TABLES["sentences"])
    assert "doc_id" in statistics_columns("sentences", TABLES["sentences"])
    assert statistics_columns("entities", TABLES["entities"]) == TABLES["entities"].names
    table = pa.table({
        "doc_id": ["d" * 32] * 3, "sentence_id": [0, 0, 1], "token_id": [0, 1, 0], "token": ["脱贫", "攻坚", "成果"],
        "pos": ["v", "vn", "n"], "char_start": [0, 2, 5], "char_end": [2, 4, 7],
        "raw_char_start": [0, 2, 5], "raw_char_end": [2, 4, 7],
    }, schema=TABLES["tokens"])
    path = tmp_path / "tokens.parquet"
    write_table(path, "tokens", table)
    group = pq.ParquetFile(path).metadata.row_group(0)
    columns = {group.column(i).path_in_schema: group.column(i) for i in range(group.num_columns)}
    assert columns["char_start"].statistics.min == 0 and columns["char_start"].statistics.max == 5
    assert columns["token"].statistics is None or not columns["token"].statistics.has_min_max
    assert pq.read_table(path).equals(table)
