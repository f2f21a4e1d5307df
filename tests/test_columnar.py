"""Plain columns per document, one Arrow table per chunk: the same table as rows built directly."""

from __future__ import annotations

import itertools

import numpy as np
import pyarrow as pa
import pytest
from hypothesis import given
from hypothesis import strategies as st

from zhetl import columnar
from zhetl.columnar import Block, build_table, substrings
from zhetl.schemas import TABLES


def _strings(pieces: columnar.Utf8Pieces) -> list[str]:
    data = bytes(pieces.data)
    ends = np.cumsum(pieces.lengths)
    return [data[end - length:end].decode("utf-8") for end, length in zip(ends, pieces.lengths, strict=True)]


@pytest.mark.parametrize("spans", [
    [(0, 2), (2, 3), (4, 7), (8, 9)],  # in order, with gaps (dropped whitespace)
    [(0, 9), (2, 4)],  # overlapping
    [(4, 7), (0, 2)],  # out of order
    [(3, 3), (3, 5)],  # an empty span
    [],
])
def test_substrings_are_the_spans_text(spans: list[tuple[int, int]]) -> None:
    text = "脱贫 攻坚𠀋é，2020年"
    starts = np.array([s for s, _ in spans], dtype=np.int64)
    ends = np.array([e for _, e in spans], dtype=np.int64)
    assert _strings(substrings(text, starts, ends)) == [text[s:e] for s, e in spans]


@given(st.text(alphabet="ab 中文𠀋é\n", max_size=30), st.data())
def test_disjoint_ordered_substrings_are_the_spans_text(text: str, data: st.DataObject) -> None:
    """Tokens in order, touching or with gaps between them, empty ones too (the path that keeps runs of bytes)."""
    cuts = sorted(data.draw(st.lists(st.integers(0, len(text)), max_size=12)))
    spans = [(a, b) for a, b in zip(cuts[::2], cuts[1::2], strict=False)]
    if data.draw(st.booleans()):  # touching: every cut both ends one span and starts the next
        spans = list(itertools.pairwise(cuts))
    starts = np.array([s for s, _ in spans], dtype=np.int64)
    ends = np.array([e for _, e in spans], dtype=np.int64)
    assert _strings(substrings(text, starts, ends)) == [text[s:e] for s, e in spans]


def _token_block(doc_id: str, words: list[str]) -> Block:
    count = len(words)
    offsets = np.arange(count, dtype=np.int32)
    text = "".join(words)
    return Block(doc_id, count, {
        "sentence_id": np.zeros(count, dtype=np.int32), "token_id": offsets,
        "token": substrings(text, offsets.astype(np.int64), offsets.astype(np.int64) + 1), "pos": ["n"] * count,
        "char_start": offsets, "char_end": offsets + 1, "raw_char_start": offsets, "raw_char_end": offsets + 1})


def test_blocks_become_one_table_in_order() -> None:
    table = build_table("tokens", [_token_block("a", ["脱", "贫"]), _token_block("b", []),
                                   _token_block("c", ["村"])])
    assert table.schema.equals(TABLES["tokens"])
    assert table.column("doc_id").to_pylist() == ["a", "a", "c"]
    assert table.column("token").to_pylist() == ["脱", "贫", "村"]
    assert table.column("char_end").to_pylist() == [1, 2, 1]


def test_no_rows_is_the_empty_table() -> None:
    assert build_table("tokens", []).equals(TABLES["tokens"].empty_table())
    assert build_table("tokens", [_token_block("a", [])]).num_rows == 0


def test_strings_past_one_arrays_reach_are_chunked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(columnar, "STRING_ARRAY_BYTES", 4)  # two three-byte characters overflow it
    table = build_table("tokens", [_token_block("a", ["脱"]), _token_block("b", ["贫"]), _token_block("c", ["村"])])
    assert table.column("token").num_chunks == 3
    assert table.column("token").to_pylist() == ["脱", "贫", "村"]
    assert pa.Table.from_pylist(table.to_pylist(), schema=TABLES["tokens"]).equals(table.combine_chunks())


def test_ids_past_one_arrays_reach_are_still_every_rows(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(columnar, "STRING_ARRAY_BYTES", 2)
    table = build_table("tokens", [_token_block("a", ["脱", "贫"]), _token_block("bb", ["村"])])
    assert table.column("doc_id").to_pylist() == ["a", "a", "bb"]
