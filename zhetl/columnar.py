"""The rows of the tables of spans (paragraphs, sentences, tokens, mentions) gathered as NumPy arrays and lists,
Arrow built per chunk.

Each Arrow constructor costs a few microseconds whatever its length. Built per document, these three tables took
about fifteen arrays and three tables a document: 0.35 ms, over a second of the laws corpus's 3,504 documents. A
document now leaves plain columns (a :class:`Block`), and a batch turns a chunk of documents into Arrow at once.
"""

from __future__ import annotations

import itertools
from typing import Final, TypeAlias, cast

import numpy as np
import pyarrow as pa

from zhetl.schemas import TABLES, SchemaMismatch


class Utf8Pieces:
    """Consecutive string values as their UTF-8 bytes, one after another, and each value's length in bytes."""

    __slots__ = ("data", "lengths")

    def __init__(self, data: np.ndarray, lengths: np.ndarray) -> None:
        self.data = data
        self.lengths = lengths


# int32 values; Python strings; UTF-8 pieces (an explicit alias: where NumPy's types are not visible to the build,
# mypyc would otherwise take a plain assignment for a variable)
Column: TypeAlias = "np.ndarray | list | Utf8Pieces"


class Block:
    """One document's rows of one table: its id repeated ``count`` times, and every other column of the schema."""

    __slots__ = ("columns", "count", "doc_id")

    def __init__(self, doc_id: str, count: int, columns: dict[str, Column]) -> None:
        self.doc_id = doc_id
        self.count = count
        self.columns = columns


def utf8_bytes(text: str) -> np.ndarray:
    """The text's UTF-8 bytes as an array (a lone surrogate kept as its three bytes: one sequence per character)."""
    return np.frombuffer(text.encode("utf-8", "surrogatepass"), dtype=np.uint8)


def whole(data: np.ndarray) -> Utf8Pieces:
    """One value holding all of ``data`` (a document's whole text)."""
    return Utf8Pieces(data, np.array([len(data)], dtype=np.int64))


class Utf8Text:
    """A text's UTF-8 bytes and the byte where each character starts: made once for a document, whose sentences,
    paragraphs and tokens are all cut from it (each cut encoded the whole text again)."""

    __slots__ = ("byte_at", "data")

    def __init__(self, text: str) -> None:
        self.data = utf8_bytes(text)
        # Each character's first byte is the one byte of its UTF-8 sequence that is not a continuation (10xxxxxx):
        # one pass over the bytes, where summing each code point's length took an encoding to UTF-32 and four more.
        byte_at = np.empty(len(text) + 1, dtype=np.int64)
        byte_at[:-1] = np.flatnonzero((self.data & 0xC0) != 0x80)
        byte_at[-1] = len(self.data)
        self.byte_at = byte_at


def substrings(text: str | Utf8Text, starts: np.ndarray, ends: np.ndarray) -> Utf8Pieces:
    """``text[start:end]`` for each pair, cut from the text's UTF-8 bytes in bulk."""
    utf8 = text if isinstance(text, Utf8Text) else Utf8Text(text)
    data = utf8.data
    first, last = utf8.byte_at[starts], utf8.byte_at[ends]
    lengths = last - first
    if len(starts) > 1 and not (starts[1:] >= ends[:-1]).all():  # overlapping or unordered: gather byte by byte
        offsets = np.cumsum(lengths) - lengths
        return Utf8Pieces(data[np.arange(int(lengths.sum())) - np.repeat(offsets - first, lengths)], lengths)
    # In order and disjoint (a document's tokens), the pieces are the text's bytes with the gaps left out. Tokens
    # mostly touch, so the bytes to keep are a few runs (one a line or so): a mask repeated from the runs' edges,
    # where a mask from a mark at each token's edges took a running sum over every byte (a third of the time).
    if not len(first):
        return Utf8Pieces(data[:0], lengths)
    breaks = np.flatnonzero(first[1:] != last[:-1]) + 1  # tokens that start a new run
    edges = np.empty(2 * len(breaks) + 4, dtype=np.int64)  # 0, run start, run end, run start, …, run end, bytes
    edges[0] = 0
    edges[1] = first[0]
    edges[2:-2:2] = last[breaks - 1]
    edges[3:-2:2] = first[breaks]
    edges[-2] = last[-1]
    edges[-1] = len(data)
    keep = np.zeros(len(edges) - 1, dtype=np.bool_)
    keep[1::2] = True  # (between a run's start and its end)
    return Utf8Pieces(data[np.repeat(keep, np.diff(edges))], lengths)


_EMPTY: Final[dict[str, pa.Table]] = {}


def empty_table(name: str) -> pa.Table:
    """The table with no rows, made once (Arrow takes 50 µs to make one)."""
    table = _EMPTY.get(name)
    if table is None:
        table = _EMPTY[name] = TABLES[name].empty_table()
    return table


def build_table(name: str, blocks: list[Block]) -> pa.Table:
    """One Arrow table of ``name`` from the blocks, in their order."""
    blocks = [block for block in blocks if block.count]
    if not blocks:
        return empty_table(name)
    schema = TABLES[name]
    names = _BLOCK_COLUMNS[name]
    for block in blocks:
        if block.columns.keys() != names:  # (rows unlike the schema module are our bug: the run fails)
            raise SchemaMismatch(f"{name}: columns {sorted(block.columns)} where the schema has {sorted(names)}")
    columns: dict[str, pa.Array | pa.ChunkedArray] = {"doc_id": _repeated_ids(blocks)}
    for field in schema:
        if field.name != "doc_id":
            columns[field.name] = _column([block.columns[field.name] for block in blocks], field.type)
    return pa.table(columns, schema=schema)


# The columns a block of each table holds: every column of its schema but the document id.
_BLOCK_COLUMNS: Final = {name: frozenset(schema.names) - {"doc_id"} for name, schema in TABLES.items()}


def _repeated_ids(blocks: list[Block]) -> pa.Array | pa.ChunkedArray:
    """Each block's document id, once per row: its bytes repeated by ``bytes * count`` (a copy at memory speed).

    Arrow's take over the distinct ids cost 36 ns a row inside a batch. In isolation (17 ids, 51,000 rows) Arrow's
    repeat and this both take about 10 ns a row; this goes through the same string builder as the other columns.
    """
    pieces: list[Utf8Pieces] = []
    for block in blocks:
        encoded = block.doc_id.encode("utf-8")
        pieces.append(Utf8Pieces(np.frombuffer(encoded * block.count, dtype=np.uint8),
                                 np.full(block.count, len(encoded), dtype=np.int64)))
    return _strings(pieces)


def _column(parts: list[Column], kind: pa.DataType) -> pa.Array | pa.ChunkedArray:
    first = parts[0]
    # (a part of another kind than the first makes NumPy or _strings raise: the batch then blames its file)
    if isinstance(first, np.ndarray):  # (int32 columns: ids and offsets)
        return pa.array(np.concatenate(cast(list[np.ndarray], parts)).astype(np.int32, copy=False))
    if isinstance(first, Utf8Pieces):
        pieces = cast(list[Utf8Pieces], parts)
        return _string_array(pieces, large=True) if pa.types.is_large_string(kind) else _strings(pieces)
    # Python values, converted as Table.from_pylist converts a column (the column's type from the schema)
    return pa.array(list(itertools.chain.from_iterable(parts)), kind)  # type: ignore[arg-type]


STRING_ARRAY_BYTES = 1 << 30  # an Arrow string array's 32-bit offsets reach 2 GiB; each chunk stays under 1


def _strings(pieces: list[Utf8Pieces]) -> pa.Array | pa.ChunkedArray:
    """One string array of the pieces, or a chunked one when they hold more bytes than one array can."""
    groups: list[list[Utf8Pieces]] = [[]]
    size = 0
    for piece in pieces:
        if groups[-1] and size + len(piece.data) > STRING_ARRAY_BYTES:
            groups.append([])
            size = 0
        groups[-1].append(piece)
        size += len(piece.data)
    arrays = [_string_array(group) for group in groups if group]
    return arrays[0] if len(arrays) == 1 else pa.chunked_array(arrays, pa.string())


def _string_array(pieces: list[Utf8Pieces], large: bool = False) -> pa.Array:
    """One string array (64-bit offsets if ``large``: whole documents) holding the pieces' bytes as they are."""
    lengths = np.concatenate([piece.lengths for piece in pieces])
    offsets = np.zeros(len(lengths) + 1, dtype=np.int64 if large else np.int32)
    np.cumsum(lengths, out=offsets[1:])
    data = np.concatenate([piece.data for piece in pieces])
    kind = pa.LargeStringArray if large else pa.StringArray
    return kind.from_buffers(len(lengths), pa.py_buffer(offsets), pa.py_buffer(data))
