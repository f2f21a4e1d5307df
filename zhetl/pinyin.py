"""Remove pinyin annotations such as 標(biāo)題 — only where the bracket holds a real syllable.

A bracket counts as an annotation when it directly follows a Chinese character and holds one syllable
from pypinyin's table, written with a tone mark or a tone digit; so list markers (一), letters (A) and
real parentheticals stay.
"""

from __future__ import annotations

import json
import re
import unicodedata
from functools import lru_cache
from typing import Final

from zhetl.packagefiles import package_file
from zhetl.textmap import MappedText, regex_edits

# The bracket comes first and the character before it is checked behind it: a pattern that starts on a character
# class lets the regex engine skip to the next bracket at C speed (a leading look-behind is tried at every position).
_ANNOTATION: Final = re.compile(
    r"[(（](?<=[\u3400-\u9fff\uf900-\ufaff][(（])\s*([a-zA-Zü\u00c0-\u024f\u0300-\u036f]{1,8}[1-5]?)\s*[)）]"
)
_TONE_MARKS: Final = frozenset("āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ\u0304\u0301\u030c\u0300")


def _toneless(syllable: str) -> str:
    decomposed = unicodedata.normalize("NFD", syllable.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c) or c == "\u0308").replace("u\u0308", "ü")


@lru_cache(maxsize=1)
def syllables() -> tuple[frozenset[str], frozenset[str]]:
    """(tone-marked syllables, toneless syllables) from pypinyin's character table."""
    pinyin_dict = json.loads(package_file("pypinyin", "pinyin_dict.json").read_text(encoding="utf-8"))
    marked: set[str] = set()
    for readings in pinyin_dict.values():
        marked.update(readings.split(","))
    marked = {unicodedata.normalize("NFC", s) for s in marked}
    return frozenset(marked), frozenset(_toneless(s) for s in marked) | {"v", "lv", "nv", "lve", "nve"}


def is_annotation(candidate: str) -> bool:
    """True for one pinyin syllable with a tone mark (biāo) or a tone digit (biao1).

    The syllable table is loaded only for a candidate with a tone: a bracketed WTO or A (the usual candidates in a
    law or a report) is dismissed without it, so a run's survey does not import pypinyin (0.27 s) for them.
    """
    candidate = unicodedata.normalize("NFC", candidate.strip().lower())
    if candidate[-1:].isdigit():
        _, toneless = syllables()
        return candidate[:-1].replace("v", "ü") in toneless or candidate[:-1] in toneless
    return any(c in _TONE_MARKS for c in unicodedata.normalize("NFD", candidate)) and candidate in syllables()[0]


def remove_annotations(mapped: MappedText) -> tuple[MappedText, int]:
    """Drop every pinyin annotation; returns the new text and how many were removed."""
    edits = regex_edits(_ANNOTATION, mapped.text, lambda m: "" if is_annotation(m.group(1)) else None)
    return mapped.apply(edits), len(edits)
