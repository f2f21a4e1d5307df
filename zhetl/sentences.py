"""Split cleaned text into paragraphs and sentences with exact offsets.

A line is a paragraph. Inside it a sentence ends at 。！？；!?; or an ellipsis, together with any closing
quotes or brackets that follow, but not inside quotes or brackets (unless they run on implausibly long,
which means a quote was never closed). List markers such as 一是, （一）, 1. start a new sentence.
"""

from __future__ import annotations

import bisect
import re
from typing import Final

TERMINATORS: Final = frozenset("。！？；!?;")
ELLIPSIS: Final = frozenset("…")
OPENERS: Final = {"“": "”", "‘": "’", "「": "」", "『": "』", "（": "）", "(": ")", "《": "》", "【": "】", "〔": "〕"}
CLOSERS: Final = frozenset(OPENERS.values()) | frozenset('"\'')
MAX_QUOTED_SENTENCE: Final = 300
# Longer runs without an end mark (a 40 MB line, a table flattened to one line) are cut at the last comma,
# pause or space before the limit, so work per sentence stays bounded.
MAX_SENTENCE: Final = 1000
_SOFT_BREAKS: Final = "，,、：:　 \t）)】」』”"

# A list marker counts only at the start of a line or right after clause punctuation. The scan looks for that
# punctuation, or a line's end, followed by a marker: starting on a character class lets the engine skip every other
# position at C speed (a third of the time of testing the position before each character; a scan for markers at
# ``^`` in multiline mode tested every position too, and took more than half of the finding).
_CLAUSE_START: Final = "。；;：:！？!? \t"
_MARKER: Final = (r"(?:[一二三四五六七八九十]+是"
                  r"|[（(][一二三四五六七八九十]{1,3}[）)]"
                  r"|(?<![\d.])\d{1,2}[.．、](?!\d)"
                  r"|[一二三四五六七八九十]{1,3}、"
                  r"|第[一二三四五六七八九十百]+[条章节款])")
_MARKER_AT_START: Final = re.compile(_MARKER)
_MARKER_AFTER_BREAK: Final = re.compile(rf"[{_CLAUSE_START}\n](?={_MARKER})")


def list_marker_starts(text: str) -> list[int]:
    """Offsets where a list marker (一是, （一）, 1., 一、, 第三条) starts a new sentence in ``text``, in order.

    No marker runs across a line's end, so one scan of a whole document finds what a scan of each line would.
    """
    starts = [m.end() for m in _MARKER_AFTER_BREAK.finditer(text)]  # (in order, each once: a match per break)
    return [0, *starts] if _MARKER_AT_START.match(text) else starts


class Sentence:
    """A sentence's ids and its offsets into the document text; immutable by convention.

    A plain class, not a frozen dataclass: compiled, it is built directly, where a dataclass's generated
    ``__init__`` runs as interpreted Python (about 6,000 instructions for each sentence, 1% of the processing).
    """

    __slots__ = ("end", "paragraph_id", "sentence_id", "start")

    def __init__(self, sentence_id: int, paragraph_id: int, start: int, end: int) -> None:
        self.sentence_id = sentence_id
        self.paragraph_id = paragraph_id
        self.start = start
        self.end = end

    def _key(self) -> tuple[int, int, int, int]:
        return self.sentence_id, self.paragraph_id, self.start, self.end

    def __repr__(self) -> str:
        return (f"Sentence(sentence_id={self.sentence_id}, paragraph_id={self.paragraph_id}, start={self.start}, "
                f"end={self.end})")

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Sentence) and self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())


def split_sentences(text: str) -> list[Sentence]:
    """Return sentences in order; ids count from 0 over the whole document."""
    # The punctuation and the list markers of the whole document, found by one scan each (no pattern matches
    # across a line's end) and handed to each line: a scan per line cost more in starting than in scanning (a
    # law's line is about one sentence).
    events = [m.start() for m in _EVENTS.finditer(text)]
    markers = list_marker_starts(text)
    next_event = next_marker = 0
    sentences: list[Sentence] = []
    paragraph_id = 0
    line_start = 0
    for line in text.split("\n"):
        line_end = line_start + len(line)
        line_events, next_event = _on_line(events, next_event, line_start, line_end)
        line_markers, next_marker = _on_line(markers, next_marker, line_start, line_end)
        if line.strip():
            for start, end in _split_line(line, line_events, set(line_markers)):
                sentences.append(Sentence(len(sentences), paragraph_id, line_start + start, line_start + end))
            paragraph_id += 1
        line_start = line_end + 1
    return sentences


def _on_line(positions: list[int], first: int, line_start: int, line_end: int) -> tuple[list[int], int]:
    """The document's ``positions`` (in order, from index ``first``) that fall on the line, as offsets into it, and
    the index of the first position after the line."""
    last = bisect.bisect_left(positions, line_end, first)
    return [position - line_start for position in positions[first:last]], last


def _split_line(line: str, events: list[int], markers: set[int]) -> list[tuple[int, int]]:
    cuts = _cut_points(line, events, markers)
    spans: list[tuple[int, int]] = []
    previous = 0
    for cut in [*cuts, len(line)]:
        span = _strip(line, previous, cut)
        if span:
            spans.extend(_bounded(line, *span))
        previous = cut
    return spans


def _bounded(line: str, start: int, end: int) -> list[tuple[int, int]]:
    """Cut a span longer than ``MAX_SENTENCE`` after soft breaks (or hard at the limit), never leaving blanks."""
    pieces: list[tuple[int, int]] = []
    while end - start > MAX_SENTENCE:
        limit = start + MAX_SENTENCE
        cut = max(line.rfind(mark, start + MAX_SENTENCE // 2, limit) for mark in _SOFT_BREAKS) + 1
        if cut <= start:
            cut = limit
        piece = _strip(line, start, cut)
        if piece:
            pieces.append(piece)
        start = cut
    piece = _strip(line, start, end)
    if piece:
        pieces.append(piece)
    return pieces


_EVENTS: Final = re.compile("[" + re.escape("".join(sorted({*OPENERS, *CLOSERS, *TERMINATORS, *ELLIPSIS}))) + "]")


def _cut_points(line: str, punctuation: list[int], markers: set[int]) -> list[int]:
    """Offsets after which a new sentence starts, given the line's punctuation (in order) and list markers.

    Only punctuation and list markers can change the state, so the scan visits just those positions.
    """
    events = sorted(markers.union(punctuation)) if markers else punctuation
    cuts: list[int] = []
    expected: list[str] = []
    sentence_start = 0
    resume = 0
    n = len(line)
    for i in events:
        if i < resume:
            continue
        char = line[i]
        if i in markers and i > sentence_start and not expected:
            cuts.append(i)
            sentence_start = i
        if char in OPENERS and not (char == "(" and i + 1 < n and line[i + 1].isascii()):
            expected.append(OPENERS[char])
        elif expected and char == expected[-1]:
            expected.pop()
            if not expected and i > 0 and line[i - 1] in TERMINATORS | ELLIPSIS and i + 1 < n:
                cuts.append(i + 1)  # 。” closes the quoted sentence and the sentence around it
                sentence_start = i + 1
        elif char in CLOSERS and char in expected:
            while expected and expected.pop() != char:
                pass
        ends_here = char in TERMINATORS or (char in ELLIPSIS and (i + 1 >= n or line[i + 1] not in ELLIPSIS))
        if ends_here and (not expected or i - sentence_start > MAX_QUOTED_SENTENCE):
            j = i + 1
            while j < n and (line[j] in CLOSERS or line[j] in TERMINATORS):
                j += 1
            if j < n:
                cuts.append(j)
            expected.clear()
            sentence_start = j
            resume = j
    return cuts


def _strip(line: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and line[start].isspace():
        start += 1
    while end > start and line[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None
