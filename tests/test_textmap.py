import re

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from zhetl.clean import clean_text
from zhetl.textmap import MappedText, regex_edits


def test_apply_maps_each_character_back() -> None:
    mapped = MappedText.identity("ab  cd\r\nef").apply([(2, 4, " "), (6, 8, "\n")])
    assert mapped.text == "ab cd\nef"
    assert mapped.raw_span(3, 5) == (4, 6)  # "cd"
    assert mapped.raw_span(5, 6) == (6, 8)  # "\n" stands for "\r\n"
    assert mapped.raw_span(6, 8) == (8, 10)


def test_composition_of_steps() -> None:
    first = MappedText.identity("Ａ１  标题").apply([(0, 2, "A1")])
    second = first.apply([(2, 4, " ")])
    assert second.text == "A1 标题"
    assert second.raw_span(3, 5) == (4, 6)


def test_regex_edits_skip_unchanged_matches() -> None:
    edits = regex_edits(re.compile(r"\d+"), "a1b22", lambda m: "9" if m.group(0) == "1" else None)
    assert edits == [(1, 2, "9")]


@given(st.text(alphabet="ab \n\r\t中文", max_size=60))
def test_raw_spans_cover_the_source(text: str) -> None:
    mapped = MappedText.identity(text)
    mapped = mapped.apply(regex_edits(re.compile(r"\r\n?"), mapped.text, lambda m: "\n"))
    mapped = mapped.apply(regex_edits(re.compile(r"[ \t]{2,}"), mapped.text, lambda m: " "))
    for index, char in enumerate(mapped.text):
        start, end = mapped.raw_span(index, index + 1)
        original = text[start:end]
        assert char == original or (char == "\n" and original in ("\r", "\r\n")) or (
            char == " " and original.strip(" \t") == "")


def test_raw_spans_in_bulk_map_an_empty_span_to_a_point() -> None:
    mapped = clean_text("ＡＢ  C\r\nD").mapped
    starts, ends = np.array([0, 1, 2, len(mapped.text)]), np.array([2, 1, len(mapped.text), len(mapped.text)])
    raw_starts, raw_ends = mapped.raw_spans(starts, ends)
    assert list(zip(raw_starts.tolist(), raw_ends.tolist(), strict=True)) == [
        mapped.raw_span(int(s), int(e)) for s, e in zip(starts, ends, strict=True)]


@given(st.text(alphabet="ab \n\r\t中文", max_size=40), st.data())
def test_raw_spans_in_bulk_agree_with_one_span_at_a_time(text: str, data: st.DataObject) -> None:
    mapped = MappedText.identity(text)
    mapped = mapped.apply(regex_edits(re.compile(r"\r\n?"), mapped.text, lambda m: "\n"))
    mapped = mapped.apply(regex_edits(re.compile(r"[ \t]{2,}"), mapped.text, lambda m: " "))
    size = len(mapped.text)
    spans = [tuple(sorted(pair)) for pair in data.draw(st.lists(st.tuples(st.integers(0, size), st.integers(0, size)),
                                                                  max_size=8))]
    starts = np.array([s for s, _ in spans], dtype=np.int64)
    ends = np.array([e for _, e in spans], dtype=np.int64)
    raw_starts, raw_ends = mapped.raw_spans(starts, ends)
    assert list(zip(raw_starts.tolist(), raw_ends.tolist(), strict=True)) == [
        mapped.raw_span(s, e) for s, e in spans]
