"""Word segmentation and POS tagging behind one interface, with our domain lexicon loaded.

rjieba (jieba-rs: jieba's dictionary and algorithm, much faster) is the default; jieba is the reference
alternative. rjieba has ``add_word`` but no ``load_userdict``, so the lexicon loader feeds both engines
word by word. Engines are built once per process.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Final, Protocol

from zhetl.memo import WORD_MEMO_LIMIT, Lazy, WordFacts

ENGINES: Final = ("rjieba", "jieba")


@dataclass(frozen=True)
class LexiconEntry:
    word: str
    freq: int
    tag: str
    entity_type: str | None
    normalized: str


class Token:
    """A word with its tag and offsets; immutable by convention.

    A plain class, not a named tuple: where zhetl is compiled it becomes a native class, whose construction
    and attribute reads are direct (millions of tokens per run; every rule reads their fields). ``facts`` are
    the word's :class:`~zhetl.memo.WordFacts` where the tokenizer made the token (None elsewhere): the entity
    rules read their answers there.
    """

    __slots__ = ("end", "facts", "pos", "start", "token")

    def __init__(self, token: str, pos: str, start: int, end: int, facts: WordFacts | None = None) -> None:
        self.token = token
        self.pos = pos
        self.start = start
        self.end = end
        self.facts = facts

    def __repr__(self) -> str:
        return f"Token({self.token!r}, {self.pos!r}, {self.start}, {self.end})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Token) and self.start == other.start and self.end == other.end and \
            self.token == other.token and self.pos == other.pos

    def __hash__(self) -> int:
        return hash((self.token, self.pos, self.start, self.end))


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

    def cut(self, text: str) -> list[str]:
        """The words ``tag`` would give, without their tags: a quarter cheaper, and no tuple or tag object a word."""
        return self._engine.cut(text, True)

    def word_tag(self, word: str) -> str | None:
        """The tag jieba-rs gives ``word`` wherever it stands, or None if the word alone would be cut otherwise.

        jieba-rs tags a cut word by the word alone (its dictionary's tag, else x, m or eng by its characters),
        unlike jieba's posseg, whose HMM tags unknown words in context: so one word has one tag everywhere.
        """
        tagged = self._engine.tag(word, True)
        return tagged[0][1] if len(tagged) == 1 else None

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


def get_tagger(engine: str = "rjieba") -> Tagger:
    """The process-wide tagger for ``engine``, with the domain lexicon loaded (asked once per sentence)."""
    tagger = _TAGGERS.get(engine)
    if tagger is None:
        tagger = _TAGGERS[engine] = _new_tagger(engine)
    return tagger


_TAGGERS: Final[dict[str, Tagger]] = {}


def _new_tagger(engine: str) -> Tagger:
    if engine == "rjieba":
        return _RJiebaTagger(lexicon())
    if engine == "jieba":
        return _JiebaTagger(lexicon())
    raise ValueError(f"unknown segmenter {engine!r}; choose one of {', '.join(ENGINES)}")


def lexicon_tags() -> dict[str, str]:
    """Our lexicon's tags win over the engine's: rjieba keeps its dictionary's tag for a word it knew (出栏 v)."""
    return _LEXICON_TAGS.get()


_LEXICON_TAGS: Final = Lazy(lambda: {entry.word: entry.tag for entry in lexicon()})


@lru_cache(maxsize=1 << 17)
def known_word(word: str) -> bool:
    """True when the general dictionary (plus our lexicon) has ``word``."""
    tagger = get_tagger("rjieba")
    return isinstance(tagger, _RJiebaTagger) and tagger.has_word(word)


# Each word the tokenizer has met, with its facts, per engine (bounded like the rules' memos: it starts afresh
# when full). Per engine: a word's facts hold the tag its engine gave it, which the rjieba path trusts untested.
_VOCABULARIES: Final[dict[str, dict[str, WordFacts]]] = {}


def tokenize(text: str, engine: str = "rjieba", offset: int = 0) -> list[Token]:
    """Tokens of ``text`` with offsets (plus ``offset``); whitespace tokens are dropped.

    Our lexicon's tag replaces the engine's. Each token carries its word's facts (one string object and one set of
    rule answers per distinct word), unless the engine tagged this occurrence otherwise than the word's first.
    """
    tagger = get_tagger(engine)
    vocabulary = _vocabulary(engine)
    if isinstance(tagger, _RJiebaTagger):
        per_span = _window_tokens(text, [(0, len(text))], tagger, vocabulary)  # (one span: no edge to cross)
        if per_span is not None:
            tokens = per_span[0]
            return [Token(t.token, t.pos, t.start + offset, t.end + offset, t.facts) for t in tokens] \
                if offset else tokens
    return _tokenize_tagged(text, tagger, vocabulary, offset)


def _vocabulary(engine: str) -> dict[str, WordFacts]:
    vocabulary = _VOCABULARIES.get(engine)
    if vocabulary is None:
        vocabulary = _VOCABULARIES[engine] = {}
    return vocabulary


# Characters cut by one rjieba call when many sentences are cut at once (each call costs about 0.7 µs besides
# its text, and the tokenizer's own start-up as much again: 470,000 sentences in the laws corpus).
SEGMENT_WINDOW: Final = 20_000
# Characters jieba-rs may join into one block, cut as a whole (its Han, letter and digit runs, with +#&._%-):
# a superset, so that an edge between two sentences where neither side is one of these is an edge of its blocks.
_BLOCK_MARKS: Final = frozenset("+#&._%-")


def sentence_tokens(text: str, spans: list[tuple[int, int]], engine: str = "rjieba") -> Iterator[list[Token]]:
    """Each span's tokens, in order, the same as ``tokenize(text[start:end], engine, start)`` would give.

    With rjieba, neighbouring spans are cut by one call: jieba-rs cuts its blocks (runs of Han characters, letters
    and digits) one by one, so where two spans meet at an edge of its blocks, cutting them together gives the same
    words as cutting each alone. A span that meets another inside a block is cut alone.
    """
    tagger = get_tagger(engine)
    if not isinstance(tagger, _RJiebaTagger):
        for start, end in spans:
            yield tokenize(text[start:end], engine, start)
        return
    vocabulary = _vocabulary(engine)
    first = 0
    while first < len(spans):
        last = first + 1  # the window: spans[first:last]
        while last < len(spans) and spans[last][1] - spans[first][0] <= SEGMENT_WINDOW \
                and _block_edge(text, spans[last - 1][1]) and _block_edge(text, spans[last][0]):
            last += 1
        window = spans[first:last]
        per_span = _window_tokens(text, window, tagger, vocabulary)
        if per_span is None:  # (a word across an edge: never seen, but then each span is cut alone)
            per_span = [tokenize(text[start:end], engine, start) for start, end in window]
        yield from per_span
        first = last


def _block_edge(text: str, at: int) -> bool:
    """Whether jieba-rs's blocks cannot run across offset ``at`` (one side is neither CJK, letter nor digit)."""
    if at <= 0 or at >= len(text):
        return True
    before, after = text[at - 1], text[at]
    return not (before.isalnum() or before in _BLOCK_MARKS) or not (after.isalnum() or after in _BLOCK_MARKS)


def _window_tokens(text: str, window: list[tuple[int, int]], tagger: _RJiebaTagger,
                   vocabulary: dict[str, WordFacts]) -> list[list[Token]] | None:
    """The tokens of each span of the window, from one cut of the text from its first span's start to its last's
    end (what lies between spans is whitespace, dropped); None if a word crosses a span's edge."""
    per_span: list[list[Token]] = []
    tokens: list[Token] = []
    index = 0
    span_start, span_end = window[0]
    window_end = window[-1][1]
    position = span_start
    unknown = False  # a new word in this span whose tag the word alone cannot show
    for word in tagger.cut(text[span_start:window_end]):
        end = position + len(word)
        while position >= span_end:  # the current span is done
            per_span.append(_span_done(text, span_start, span_end, tokens, unknown, tagger, vocabulary))
            tokens, unknown = [], False
            index += 1
            span_start, span_end = window[index]
        if end <= span_start:  # between spans
            position = end
            continue
        if position < span_start or end > span_end:
            return None
        facts = vocabulary.get(word)
        if facts is None:
            if word.isspace():
                position = end
                continue
            pos = tagger.word_tag(word)
            if pos is None:
                unknown = True
                position = end
                continue
            facts = _new_facts(vocabulary, word, pos)
        tokens.append(Token(facts.word, facts.pos, position, end, facts))
        position = end
    if position != window_end or index != len(window) - 1:
        raise RuntimeError(f"rjieba lost characters: {position} of {window_end}")
    per_span.append(_span_done(text, span_start, span_end, tokens, unknown, tagger, vocabulary))
    return per_span


def _span_done(text: str, start: int, end: int, tokens: list[Token], unknown: bool, tagger: _RJiebaTagger,
               vocabulary: dict[str, WordFacts]) -> list[Token]:
    """A span's tokens from the window's cut, or, if it holds a word whose tag the word alone cannot show, from
    tagging the span."""
    return _tokenize_tagged(text[start:end], tagger, vocabulary, start) if unknown else tokens


def _tokenize_tagged(text: str, tagger: Tagger, vocabulary: dict[str, WordFacts], offset: int) -> list[Token]:
    """Tokens from the engine's tagging: for jieba, whose tags of unknown words depend on their context, and for a
    sentence holding a new word whose tag jieba-rs's word alone cannot show."""
    tokens: list[Token] = []
    position = offset
    ours = lexicon_tags()
    for word, pos in tagger.tag(text):
        end = position + len(word)
        facts = vocabulary.get(word)  # (never a whitespace word: those are dropped before they get facts)
        if facts is None:
            if word.isspace():
                position = end
                continue
            facts = _new_facts(vocabulary, word, pos)
        if facts.engine_pos == pos:
            tokens.append(Token(facts.word, facts.pos, position, end, facts))
        else:
            tokens.append(Token(word, ours.get(word, pos), position, end))
        position = end
    if position - offset != len(text):
        raise RuntimeError(f"segmenter lost characters: {position} of {len(text)}")
    return tokens


def _new_facts(vocabulary: dict[str, WordFacts], word: str, engine_pos: str) -> WordFacts:
    if len(vocabulary) >= WORD_MEMO_LIMIT:
        vocabulary.clear()
    facts = vocabulary[word] = WordFacts(word, engine_pos, lexicon_tags().get(word, engine_pos))
    return facts


def respect_mentions(tokens: list[Token], text: str, mentions: list[tuple[int, int, str]],
                     offset: int = 0, retag: bool = True) -> list[Token]:
    """Cut tokens at mention edges so that every mention is a run of whole tokens.

    Tokens inside a mention keep the engine's cut (so segmentation stays comparable to jieba's) and take
    the mention's tag ``pos`` (m for quantities, t for dates); with ``retag=False`` only pieces of cut
    tokens take it (entities: a name glued to the next character keeps the other tokens' own tags).
    ``mentions`` are (start, end, pos) in the tokens' coordinates; ``text`` starts at ``offset``.
    """
    if not mentions:
        return tokens  # (most sentences: the sort below, through the builtin, cost 1,600 instructions)
    spans = sorted((s, e, p) for s, e, p in mentions if e > s)
    if not spans:
        return tokens
    edges = sorted({edge for s, e, _ in spans for edge in (s, e)})
    first_edge, last_edge = edges[0], edges[-1]
    tagged: list[Token] = []
    position = 0  # the first span that does not end before the current token
    for token in tokens:
        if token.end <= first_edge or token.start >= last_edge:
            tagged.append(token)  # wholly before or after every mention: untouched
            continue
        low = bisect.bisect_right(edges, token.start)
        cuts = edges[low:bisect.bisect_left(edges, token.end, low)]
        if cuts:
            bounds = [token.start, *cuts, token.end]
            texts = [(text[left - offset:right - offset], left, right) for left, right in itertools.pairwise(bounds)]
            pieces = [(Token(piece, _piece_tag(token.pos, piece), left, right), True)
                      for piece, left, right in texts if piece.strip()]
        else:
            pieces = [(token, False)]
        for piece, was_cut in pieces:
            while position < len(spans) and spans[position][1] <= piece.start:
                position += 1
            inside = position < len(spans) and spans[position][0] <= piece.start and piece.end <= spans[position][1]
            if inside and (retag or was_cut):
                piece = Token(piece.token, spans[position][2], piece.start, piece.end)
            tagged.append(piece)
    return tagged


def _piece_tag(pos: str, piece: str) -> str:
    """The tag of a piece cut off a longer token: digits are numerals, anything else keeps the token's tag."""
    return "m" if piece.strip().replace(".", "").isdigit() else pos
