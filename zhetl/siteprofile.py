"""Lines a site repeats on many of its pages (headers, footers, slogans), learnt per input folder.

Files of one site usually share a folder. A line counts as the site's boilerplate when it stands in the
first or last lines of at least ``MIN_FILES`` files and of at least ``MIN_SHARE`` of the folder's sampled
files, is short, and is not a heading (第一章, 一、, #), which laws and reports legitimately repeat.
The profile is part of what decides a document's rows: when it changes, the folder is reprocessed.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterable

HEAD_LINES = 12
TAIL_LINES = 15
MIN_FILES = 3
MIN_SHARE = 0.5
MAX_LINE_CHARS = 100
SAMPLE_FILES = 200
_HEADING = re.compile(
    r"^(?:#|第[一二三四五六七八九十百零〇\d]+[章节条编部分]|[一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）]|\d+[.、])"
)


def edge_lines(text: str) -> set[str]:
    """The distinct candidate lines at the top and bottom of one document."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    edges = lines[:HEAD_LINES] + lines[-TAIL_LINES:]
    return {line for line in edges if len(line) <= MAX_LINE_CHARS and not _HEADING.match(line)}


def repeated_lines(texts: Iterable[str]) -> frozenset[str]:
    """Lines that recur at the edges of many of these documents of one folder."""
    counts: Counter[str] = Counter()
    total = 0
    for text in texts:
        total += 1
        counts.update(edge_lines(text))
    needed = max(MIN_FILES, MIN_SHARE * total)
    return frozenset(line for line, count in counts.items() if count >= needed)


def profile_hash(lines: Iterable[str]) -> str:
    """A short fingerprint of a folder's profile, stored with each of its files' manifest entries."""
    digest = hashlib.sha256()
    for line in sorted(lines):
        digest.update(line.encode("utf-8") + b"\0")
    return digest.hexdigest()[:12]


def sample(paths: list[str]) -> list[str]:
    """An evenly spread, deterministic sample of a folder's files."""
    if len(paths) <= SAMPLE_FILES:
        return paths
    step = len(paths) / SAMPLE_FILES
    return [paths[int(i * step)] for i in range(SAMPLE_FILES)]
