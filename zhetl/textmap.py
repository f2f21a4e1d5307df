"""Edited text that remembers where each character came from.

Every cleaning step is a list of edits (start, end, replacement) over its input. Applying edits yields the
new text and, for each new character, the span of the input it came from; composing the steps maps the
cleaned text back to the decoded raw text, so any mention can be shown in the original.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import numpy as np

Edit = tuple[int, int, str]


@dataclass
class MappedText:
    """``text`` plus, per character, the [start, end) span of the raw text it stands for."""

    text: str
    raw_start: np.ndarray
    raw_end: np.ndarray
    raw_length: int

    @classmethod
    def identity(cls, text: str) -> MappedText:
        index = np.arange(len(text), dtype=np.int32)
        return cls(text, index, index + 1, len(text))

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a [start, end) span of ``text`` to the raw text; an empty span maps to a point."""
        if not 0 <= start <= end <= len(self.text):
            raise ValueError(f"span {start}:{end} outside text of length {len(self.text)}")
        if start == end:
            point = int(self.raw_start[start]) if start < len(self.text) else self.raw_length
            return point, point
        return int(self.raw_start[start]), int(self.raw_end[end - 1])

    def raw_spans(self, starts: np.ndarray, ends: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """:meth:`raw_span` for many spans at once, as two arrays (for tables of sentences and tokens)."""
        if not len(self.raw_start):  # (an empty text: every span is the point at its end)
            raw_starts = np.full(len(starts), self.raw_length, dtype=np.int32)
            return raw_starts, raw_starts.copy()
        # A span may start at the text's end (an empty span there): clipped, then set to the raw text's end. This
        # costs a pass over the spans, where appending that end to the map copied the whole map on every call.
        raw_starts = self.raw_start.take(starts, mode="clip")
        at_end = starts >= len(self.raw_start)
        if at_end.any():
            raw_starts[at_end] = self.raw_length
        raw_ends = np.where(ends > starts, self.raw_end[np.maximum(ends - 1, 0)], raw_starts)
        return raw_starts, raw_ends

    def apply(self, edits: Iterable[Edit]) -> MappedText:
        """Apply non-overlapping edits (in any order) and keep the map to the raw text."""
        ordered = sorted(edits)
        if not ordered:
            return self
        pieces: list[str] = []
        starts: list[np.ndarray] = []
        ends: list[np.ndarray] = []
        cursor = 0
        for start, end, replacement in ordered:
            if start < cursor:
                raise ValueError(f"overlapping edit at {start}")
            pieces.append(self.text[cursor:start])
            starts.append(self.raw_start[cursor:start])
            ends.append(self.raw_end[cursor:start])
            if replacement:
                pieces.append(replacement)
                if len(replacement) == end - start:
                    starts.append(self.raw_start[start:end])
                    ends.append(self.raw_end[start:end])
                else:
                    raw_from = self.raw_start[start] if start < len(self.text) else self.raw_length
                    raw_to = self.raw_end[end - 1] if end > start else raw_from
                    starts.append(np.full(len(replacement), raw_from, dtype=np.int32))
                    ends.append(np.full(len(replacement), raw_to, dtype=np.int32))
            cursor = end
        pieces.append(self.text[cursor:])
        starts.append(self.raw_start[cursor:])
        ends.append(self.raw_end[cursor:])
        return MappedText(
            "".join(pieces),
            np.concatenate(starts).astype(np.int32, copy=False),
            np.concatenate(ends).astype(np.int32, copy=False),
            self.raw_length,
        )

    def replace_same_length(self, new_text: str) -> MappedText:
        """Swap in a text of equal length whose characters correspond one to one (e.g. t2s)."""
        if len(new_text) != len(self.text):
            raise ValueError("replacement must keep the length")
        return MappedText(new_text, self.raw_start, self.raw_end, self.raw_length)


def regex_edits(pattern: re.Pattern[str], text: str, replace: Callable[[re.Match[str]], str | None]) -> list[Edit]:
    """Edits for every match whose replacement differs; ``replace`` returns None to keep a match."""
    edits: list[Edit] = []
    for match in pattern.finditer(text):
        new = replace(match)
        if new is not None and new != match.group(0):
            edits.append((match.start(), match.end(), new))
    return edits
