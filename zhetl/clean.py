"""Clean decoded text step by step, keeping a map from the cleaned text back to the raw text.

Each step is a small pure function from a :class:`MappedText` to a new one plus a count of what it
changed, so the documents table can say what cleaning did and every offset stays traceable.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Final

import numpy as np

from zhetl.boilerplate import remove_boilerplate, remove_truncation
from zhetl.markup import strip_markup
from zhetl.pinyin import remove_annotations
from zhetl.textmap import Edit, MappedText, regex_edits

_ZERO_WIDTH: Final = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
# Each pattern starts on a literal or a character class, never on a repetition, alternatives of other kinds or
# an anchor: only then does the regex engine skip ahead to a possible start at C speed (two to seven times faster
# over the laws corpus; it otherwise tries the whole pattern at every position).
_CONTROL: Final = re.compile(f"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f{_ZERO_WIDTH}]")
_FULLWIDTH_CHAR: Final = "[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\u3000]"
_FULLWIDTH_ALNUM: Final = re.compile(f"{_FULLWIDTH_CHAR}{_FULLWIDTH_CHAR}*")
_LINE_ENDINGS: Final = re.compile("\r\n?|\u2028|\u2029|\x85")
_SPACE_RUN: Final = re.compile(r"[ \t][ \t]*")  # kept where it touches a line's start or end (_line_edge_space)
_BLANK_RUN: Final = re.compile(r"\n\n\n+")
_INNER_SPACE_RUN: Final = re.compile(r"[ \t][ \t]+")
_COMBINING: Final = "\u0300-\u036f\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
_NON_NFC_RUN: Final = re.compile(f"[^{_COMBINING}][{_COMBINING}]+")


@dataclass
class Cleaned:
    """The cleaned text with its raw map, what each step changed, and the script it was written in."""

    mapped: MappedText
    changes: dict[str, int] = field(default_factory=dict)
    script: str = "simplified"

    @property
    def truncated(self) -> bool:
        return self.changes.get("truncation", 0) > 0

    @property
    def text(self) -> str:
        return self.mapped.text


def drop_controls(mapped: MappedText) -> tuple[MappedText, int]:
    """Drop control and zero-width characters and normalise line endings to ``\\n``."""
    edits: list[Edit] = [(m.start(), m.end(), "\n") for m in _LINE_ENDINGS.finditer(mapped.text)
                         if m.group(0) != "\n"]
    taken = {start for start, _, _ in edits}
    edits += [(m.start(), m.end(), "") for m in _CONTROL.finditer(mapped.text) if m.start() not in taken]
    return mapped.apply(edits), len(edits)


def halfwidth_alnum(mapped: MappedText) -> tuple[MappedText, int]:
    """Full-width ASCII letters, digits and the ideographic space become half-width; punctuation stays."""

    def narrow(match: re.Match[str]) -> str:
        return "".join(" " if c == "\u3000" else chr(ord(c) - 0xFEE0) for c in match.group(0))

    edits = regex_edits(_FULLWIDTH_ALNUM, mapped.text, narrow)
    return mapped.apply(edits), sum(e[1] - e[0] for e in edits)


def nfc(mapped: MappedText) -> tuple[MappedText, int]:
    """Compose combining sequences (NFC); runs are edited one by one so the map stays exact."""
    if unicodedata.is_normalized("NFC", mapped.text):
        return mapped, 0
    edits = regex_edits(_NON_NFC_RUN, mapped.text, lambda m: unicodedata.normalize("NFC", m.group(0)))
    result = mapped.apply(edits)
    if not unicodedata.is_normalized("NFC", result.text):  # stray precomposable pairs outside our runs
        leftovers = [(i, i + 1, unicodedata.normalize("NFC", c)) for i, c in enumerate(result.text)
                     if not unicodedata.is_normalized("NFC", c)]
        result = result.apply(leftovers)
        return result, len(edits) + len(leftovers)
    return result, len(edits)


def _always(replacement: str) -> Callable[[re.Match[str]], str]:
    """A replacement that ignores the match (a closure: the type checker cannot type a default-argument lambda)."""
    return lambda _match: replacement


def _has_line_edge_space(text: str) -> bool:
    """Could :func:`_line_edge_space` find anything: a space or tab at a line's start or end?"""
    return text.startswith((" ", "\t")) or text.endswith((" ", "\t")) or \
        any(pair in text for pair in (" \n", "\t\n", "\n ", "\n\t"))


def _line_edge_space(text: str) -> list[Edit]:
    """Deletions of the runs of spaces and tabs that start or end a line (what ``^[ \\t]+|[ \\t]+$`` finds line by
    line, without trying that pattern at every position)."""
    end_of_text = len(text)
    return [(m.start(), m.end(), "") for m in _SPACE_RUN.finditer(text)
            if m.start() == 0 or text[m.start() - 1] == "\n" or m.end() == end_of_text or text[m.end()] == "\n"]


def _has_inner_space_run(text: str) -> bool:
    return any(pair in text for pair in ("  ", "\t\t", " \t", "\t "))


def _has_blank_run(text: str) -> bool:
    return "\n\n\n" in text


def _replacing(pattern: re.Pattern[str], replacement: str) -> Callable[[str], list[Edit]]:
    """The edits that replace every match of ``pattern`` with ``replacement``."""
    return lambda text: regex_edits(pattern, text, _always(replacement))


# (the edits of one whitespace step, a substring test that says when it can find nothing), in order.
_WHITESPACE_STEPS: Final = ((_line_edge_space, _has_line_edge_space),
                            (_replacing(_INNER_SPACE_RUN, " "), _has_inner_space_run),
                            (_replacing(_BLANK_RUN, "\n\n"), _has_blank_run))


def tidy_whitespace(mapped: MappedText) -> tuple[MappedText, int]:
    """Trim each line, fold runs of spaces and keep at most one blank line between paragraphs."""
    changed = 0
    for edits_of, may_find in _WHITESPACE_STEPS:
        if not may_find(mapped.text):
            continue  # (the step cannot find anything: its scan is skipped)
        edits = edits_of(mapped.text)
        mapped = mapped.apply(edits)
        changed += len(edits)
    text = mapped.text
    lead = len(text) - len(text.lstrip())
    trail = len(text.rstrip())
    edge: list[Edit] = []
    if lead:
        edge.append((0, lead, ""))
    if trail < len(text) and trail >= lead:
        edge.append((trail, len(text), ""))
    return mapped.apply(edge), changed + len(edge)


@lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


def _code_points(text: str) -> np.ndarray:
    """The text's code points as an array, so counts over millions of characters run in C."""
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)


def to_simplified(mapped: MappedText) -> tuple[MappedText, int]:
    """Traditional → simplified with OpenCC's phrase tables, line by line when a phrase changes length."""
    converter = _t2s()
    converted = converter.convert(mapped.text)
    if len(converted) == len(mapped.text):
        changed = int(np.count_nonzero(_code_points(converted) != _code_points(mapped.text)))
        return mapped.replace_same_length(converted), changed
    edits: list[Edit] = []
    changed = 0
    offset = 0
    for line in mapped.text.split("\n"):
        new_line = converter.convert(line)
        if new_line != line:
            if len(new_line) == len(line):
                edits += [(offset + i, offset + i + 1, b) for i, (a, b) in enumerate(zip(line, new_line, strict=True))
                          if a != b]
            else:
                edits.append((offset, offset + len(line), new_line))
            changed += sum(1 for a, b in zip(line, new_line, strict=False) if a != b) or 1
        offset += len(line) + 1
    return mapped.apply(edits), changed


def script_of(cjk_chars: int, converted_chars: int) -> str:
    """Name the script from how many CJK characters t2s had to change."""
    if cjk_chars == 0 or converted_chars == 0:
        return "simplified"
    share = converted_chars / cjk_chars
    if share >= 0.08:
        return "traditional"
    return "mixed" if share >= 0.004 else "simplified"


# The cleaning steps in order; each maps a MappedText to a new one and a count of what it changed.
STEPS: Final = (
    ("controls", drop_controls),
    ("markup", strip_markup),
    ("halfwidth", halfwidth_alnum),
    ("nfc", nfc),
    ("pinyin", remove_annotations),
    ("truncation", remove_truncation),
    ("boilerplate", remove_boilerplate),
    ("whitespace", tidy_whitespace),
    ("t2s", to_simplified),
)


def pre_boilerplate(raw: str) -> str:
    """The text as the boilerplate step sees it (used to learn a site's repeated lines)."""
    mapped = MappedText.identity(raw)
    for name, step in STEPS:
        if name == "boilerplate":
            break
        mapped, _ = step(mapped)
    return mapped.text


def clean_text(raw: str, site_lines: frozenset[str] = frozenset()) -> Cleaned:
    """Run every cleaning step over decoded text; the result maps back to ``raw``.

    ``site_lines`` are lines the document's site repeats on many pages; they are dropped as boilerplate.
    """
    mapped = MappedText.identity(raw)
    changes: dict[str, int] = {}
    for name, step in STEPS:
        if name == "boilerplate":
            mapped, changes[name] = remove_boilerplate(mapped, site_lines)
            continue
        mapped, changes[name] = step(mapped)
    points = _code_points(mapped.text)
    cjk = int(np.count_nonzero((points >= 0x4E00) & (points <= 0x9FFF)))
    return Cleaned(mapped, changes, script_of(cjk, changes["t2s"]))
