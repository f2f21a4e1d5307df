"""Word segmentation and POS tagging behind one interface, with our domain lexicon loaded.

rjieba (jieba-rs: jieba's dictionary and algorithm, much faster) is the default; jieba is the reference
alternative. rjieba has ``add_word`` but no ``load_userdict``, so the lexicon loader feeds both engines
word by word. Engines are built once per process.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import Protocol

ENGINES = ("rjieba", "jieba")


@dataclass(frozen=True)
class LexiconEntry:
    word: str
    freq: int
    tag: str
    entity_type: str | None
    normalized: str


@dataclass(frozen=True)
class Token:
    token: str
    pos: str
    start: int
    end: int


class Tagger(Protocol):
    def tag(self, text: str) -> list[tuple[str, str]]: ...


@lru_cache(maxsize=1)
def lexicon() -> tuple[LexiconEntry, ...]:
    """The domain lexicon shipped in ``zhetl/data/lexicon.tsv``."""
    text = resources.files("zhetl").joinpath("data/lexicon.tsv").read_text(encoding="utf-8")
    return tuple(parse_lexicon(text.splitlines()))


def parse_lexicon(lines: Iterable[str]) -> Iterable[LexiconEntry]:
    """Parse ``word, freq, tag, type, normalised`` rows; ``#`` starts a comment."""
    for line in lines:
        if not line.strip() or line.startswith("#"):
            continue
        fields = [*line.split("\t"), "", "", "", ""][:5]
        word, freq, tag, entity_type, normalized = (f.strip() for f in fields)
        yield LexiconEntry(word, int(freq or 100000), tag or "nz",
                           None if entity_type in ("", "-") else entity_type, normalized or word)


class _RJiebaTagger:
    def __init__(self, entries: Iterable[LexiconEntry]) -> None:
        import rjieba

        self._engine = rjieba.Jieba()
        for entry in entries:
            self._engine.add_word(entry.word, entry.freq, entry.tag)

    def tag(self, text: str) -> list[tuple[str, str]]:
        return self._engine.tag(text, True)

    def has_word(self, word: str) -> bool:
        return self._engine.has_word(word)


class _JiebaTagger:
    def __init__(self, entries: Iterable[LexiconEntry]) -> None:
        import logging

        import jieba
        import jieba.posseg

        jieba.setLogLevel(logging.WARNING)
        tokenizer = jieba.Tokenizer()
        for entry in entries:
            tokenizer.add_word(entry.word, entry.freq, entry.tag)
        self._engine = jieba.posseg.POSTokenizer(tokenizer)

    def tag(self, text: str) -> list[tuple[str, str]]:
        return [(pair.word, pair.flag) for pair in self._engine.cut(text)]


@cache
def get_tagger(engine: str = "rjieba") -> Tagger:
    """The process-wide tagger for ``engine``, with the domain lexicon loaded."""
    if engine == "rjieba":
        return _RJiebaTagger(lexicon())
    if engine == "jieba":
        return _JiebaTagger(lexicon())
    raise ValueError(f"unknown segmenter {engine!r}; choose one of {', '.join(ENGINES)}")


@lru_cache(maxsize=65536)
def known_word(word: str) -> bool:
    """True when the general dictionary (plus our lexicon) has ``word``."""
    return bool(get_tagger("rjieba").has_word(word))


def tokenize(text: str, engine: str = "rjieba", offset: int = 0) -> list[Token]:
    """Tokens of ``text`` with offsets (plus ``offset``); whitespace tokens are dropped."""
    tokens: list[Token] = []
    position = 0
    for word, pos in get_tagger(engine).tag(text):
        end = position + len(word)
        if word.strip():
            tokens.append(Token(word, pos, offset + position, offset + end))
        position = end
    if position != len(text):
        raise RuntimeError(f"{engine} lost characters: {position} of {len(text)}")
    return tokens


def respect_mentions(tokens: list[Token], text: str, mentions: Iterable[tuple[int, int, str]],
                     offset: int = 0) -> list[Token]:
    """Re-cut tokens so no token crosses a mention; each mention becomes one token tagged ``pos``.

    ``mentions`` are (start, end, pos) in the same coordinates as the tokens; ``text`` starts at ``offset``.
    """
    spans = sorted((s, e, p) for s, e, p in mentions if e > s)
    if not spans:
        return tokens
    tokens = list(tokens)
    result: list[Token] = []
    span_index = 0
    i = 0
    while i < len(tokens):
        token = tokens[i]
        while span_index < len(spans) and spans[span_index][1] <= token.start:
            span_index += 1
        if span_index >= len(spans) or spans[span_index][0] >= token.end:
            result.append(token)
            i += 1
            continue
        start, end, pos = spans[span_index]
        if token.start < start:
            result.append(Token(text[token.start - offset:start - offset], token.pos, token.start, start))
        result.append(Token(text[start - offset:end - offset], pos, start, end))
        while i < len(tokens) and tokens[i].end <= end:
            i += 1
        if i < len(tokens) and tokens[i].start < end:
            tail = tokens[i]
            tokens[i] = Token(text[end - offset:tail.end - offset], tail.pos, end, tail.end)
        span_index += 1
    return [t for t in result if t.token.strip()]
