"""Answers remembered per word, and values built once on first use, in forms compiled code calls directly.

``functools.lru_cache`` wraps a function in a Python-level object: compiled code reaches it through the module's
dictionary and calls it as a Python callable, with a key tuple, a hash and a recency list behind it. These do the
same work as plain native calls, a few hundred thousand times per million characters.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Final, Generic, TypeVar

Answer = TypeVar("Answer")

# How many words a memo holds before it starts afresh (a bound on memory, as lru_cache's was).
WORD_MEMO_LIMIT: Final = 1 << 17


class WordMemo(Generic[Answer]):
    """Answers remembered per (tag, word), in two plain dictionaries.

    The entity rules are asked for every token (may_start) or some 300,000 times per million characters (the token
    rules): two dictionary lookups cost 115 ns where lru_cache's key tuple, hash and recency list cost 285 ns.
    An answer is kept in a one-item tuple, so a remembered None is told from a word not seen yet.
    """

    def __init__(self) -> None:
        self._by_tag: dict[str, dict[str, tuple[Answer]]] = {}
        self._size = 0

    def get(self, pos: str, word: str) -> tuple[Answer] | None:
        by_word = self._by_tag.get(pos)
        return None if by_word is None else by_word.get(word)

    def put(self, pos: str, word: str, answer: Answer) -> tuple[Answer]:
        if self._size >= WORD_MEMO_LIMIT:
            self._by_tag.clear()
            self._size = 0
        by_word = self._by_tag.get(pos)
        if by_word is None:
            by_word = self._by_tag[pos] = {}
        known = by_word[word] = (answer,)
        self._size += 1
        return known


class WordRule(Generic[Answer]):
    """A rule of a word and its tag, its answers remembered in a :class:`WordMemo`.

    Each rule is a module-level ``Final`` instance asked through a plain function, so compiled code calls it
    natively (a decorator's wrapper is a Python callable, reached through the module's dictionary); the rule
    itself is called only for a word and tag not seen yet.
    """

    def __init__(self, rule: Callable[[str, str], Answer]) -> None:
        self._rule = rule
        self._memo: WordMemo[Answer] = WordMemo()

    def ask(self, word: str, pos: str) -> Answer:
        known = self._memo.get(pos, word)
        if known is None:
            known = self._memo.put(pos, word, self._rule(word, pos))
        return known[0]


def remember(memo: dict[str, Answer], key: str, answer: Answer) -> Answer:
    """Keep ``answer`` for ``key`` in a one-key memo, which starts afresh when it holds ``WORD_MEMO_LIMIT`` keys."""
    if len(memo) >= WORD_MEMO_LIMIT:
        memo.clear()
    memo[key] = answer
    return answer


class Lazy(Generic[Answer]):
    """A value built on first use, once per process (what ``lru_cache(maxsize=1)`` on a function of no arguments
    did), kept where compiled code reads it directly."""

    def __init__(self, build: Callable[[], Answer]) -> None:
        self._build = build
        self._value: list[Answer] = []  # empty until built (a value may itself be empty or None)

    def get(self) -> Answer:
        if not self._value:
            self._value.append(self._build())
        return self._value[0]
