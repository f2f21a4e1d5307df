"""Answers remembered per word, and values built once on first use, in forms compiled code calls directly.

``functools.lru_cache`` wraps a function in a Python-level object: compiled code reaches it through the module's
dictionary and calls it as a Python callable, with a key tuple, a hash and a recency list behind it. These do the
same work as plain native calls, a few hundred thousand times per million characters.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Final, Generic, TypeVar, cast

Answer = TypeVar("Answer")

# How many words a memo holds before it starts afresh (a bound on memory, as lru_cache's was).
WORD_MEMO_LIMIT: Final = 1 << 17


class Known(Generic[Answer]):
    """One remembered answer, for a word under the tag ``pos``; ``other`` holds the same word's answer under
    another tag, if any."""

    __slots__ = ("answer", "other", "pos")

    def __init__(self, pos: str, answer: Answer, other: Known[Answer] | None) -> None:
        self.pos = pos
        self.answer = answer
        self.other = other


class WordMemo(Generic[Answer]):
    """Answers remembered per (tag, word): one dictionary by word, each word's answers chained by tag.

    The entity rules are asked for every token (may_start) or some 300,000 times per million characters (the token
    rules). A word nearly always comes with one tag (rjieba tags from its dictionary: 40,033 words and as many
    (word, tag) pairs in 10M characters of laws), so an answer costs one dictionary lookup and a comparison of
    two short tags, where a dictionary per tag cost two lookups (and lru_cache's key tuple, hash and recency list
    more). A :class:`Known` tells a remembered None from a word not seen yet.
    """

    def __init__(self) -> None:
        self._by_word: dict[str, Known[Answer]] = {}

    def get(self, pos: str, word: str) -> Known[Answer] | None:
        known = self._by_word.get(word)
        while known is not None and known.pos != pos:
            known = known.other
        return known

    def put(self, pos: str, word: str, answer: Answer) -> Known[Answer]:
        if len(self._by_word) >= WORD_MEMO_LIMIT:
            self._by_word.clear()
        known = self._by_word[word] = Known(pos, answer, self._by_word.get(word))
        return known


class WordFacts:
    """One word as the tokenizer first met it, shared by all its tokens: the word itself (one string object for
    every occurrence), its tag, and the answers of the :class:`WordRule` s asked about it under that tag.

    A token that carries its word's facts gets a rule's answer by reading a list, where a :class:`WordMemo` costs a
    dictionary lookup: the lookups, each likely a cache miss in a memo of tens of thousands of words, were a third of
    the entity stage (``may_start`` alone is asked for every token).
    """

    __slots__ = ("answers", "engine_pos", "pos", "word")

    def __init__(self, word: str, engine_pos: str, pos: str) -> None:
        self.word = word
        self.engine_pos = engine_pos  # the tag the engine gave (pos may be the lexicon's instead)
        self.pos = pos
        self.answers: list[object] = []  # by rule number; _NOT_ASKED where a rule has not been asked yet


_NOT_ASKED: Final = object()
_RULES_MADE: Final[list[int]] = [0]  # how many WordRules exist: the next one's number


class WordRule(Generic[Answer]):
    """A rule of a word and its tag, its answers remembered in the words' facts, or in a :class:`WordMemo` for a
    token without them.

    Each rule is a module-level ``Final`` instance asked through a plain function, so compiled code calls it
    natively (a decorator's wrapper is a Python callable, reached through the module's dictionary); the rule
    itself runs once per word and tag (twice for a word met both with its facts and without).
    """

    def __init__(self, rule: Callable[[str, str, WordFacts | None], Answer]) -> None:
        self._rule = rule
        self._memo: WordMemo[Answer] = WordMemo()
        self._number = _RULES_MADE[0]
        _RULES_MADE[0] += 1

    def ask(self, word: str, pos: str) -> Answer:
        known = self._memo.get(pos, word)
        if known is None:
            known = self._memo.put(pos, word, self._rule(word, pos, None))
        return known.answer

    def ask_about(self, word: str, pos: str, facts: WordFacts | None) -> Answer:
        """:meth:`ask`, answered from ``facts`` (the facts of ``word``, or None) when they hold it for ``pos``."""
        if facts is None or facts.pos != pos:
            return self.ask(word, pos)
        answers = facts.answers
        number = self._number
        if number < len(answers):
            answer = answers[number]
            if answer is not _NOT_ASKED:
                return cast(Answer, answer)
        else:
            answers.extend([_NOT_ASKED] * (number + 1 - len(answers)))
        # (not kept in the memo as well: the facts hold it for every token of the word; the rule gets them, so the
        # rules it asks in turn keep their answers there too, where a new word's first tokens look for them)
        found = self._rule(word, pos, facts)
        answers[number] = found
        return found


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
