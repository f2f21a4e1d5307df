"""Word lists kept as data beside the code: ``[NAME]`` sections of whitespace-separated words."""

from __future__ import annotations

from functools import cache
from importlib import resources


@cache
def load_word_lists(filename: str) -> dict[str, frozenset[str]]:
    """Sections of ``zhetl/data/<filename>``; ``#`` starts a comment line."""
    text = resources.files("zhetl").joinpath(f"data/{filename}").read_text(encoding="utf-8")
    sections: dict[str, set[str]] = {}
    current: set[str] | None = None
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        if stripped.startswith("[") and stripped.endswith("]"):
            current = sections.setdefault(stripped[1:-1], set())
        elif current is not None:
            current.update(stripped.split())
    return {name: frozenset(words) for name, words in sections.items()}
