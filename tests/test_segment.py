import pytest

from zhetl import segment
from zhetl.memo import WordFacts
from zhetl.segment import Token, get_tagger, lexicon, parse_lexicon, respect_mentions, tokenize


@pytest.mark.parametrize("engine", ["rjieba", "jieba"])
def test_both_engines_honour_the_lexicon(engine: str) -> None:
    words = [t.token for t in tokenize("实现两不愁三保障，推进易地扶贫搬迁和驻村工作队建设", engine)]
    assert "两不愁三保障" in words
    assert "易地扶贫搬迁" in words
    assert "驻村工作队" in words


@pytest.mark.parametrize("engine", ["rjieba", "jieba"])
def test_offsets_and_whitespace(engine: str) -> None:
    text = "脱贫攻坚 取得 全面胜利"
    tokens = tokenize(text, engine, offset=10)
    assert all(text[t.start - 10:t.end - 10] == t.token for t in tokens)
    assert all(t.token.strip() for t in tokens)


def test_tokens_of_one_word_share_its_facts() -> None:
    first, second = (t for t in tokenize("脱贫攻坚，巩固脱贫攻坚成果") if t.token == "脱贫攻坚")
    assert first.facts is not None and first.facts is second.facts
    assert first.token is second.token is first.facts.word
    assert first.pos == first.facts.pos == "nz"  # our lexicon's tag


class _FixedTagger:
    def __init__(self, pairs: list[tuple[str, str]]) -> None:
        self.pairs = pairs

    def tag(self, text: str) -> list[tuple[str, str]]:
        return self.pairs


def test_a_word_tagged_otherwise_than_at_first_keeps_its_own_tag(monkeypatch: pytest.MonkeyPatch) -> None:
    tagger = _FixedTagger([("测试词甲", "n")])
    monkeypatch.setitem(segment._TAGGERS, "fixed", tagger)
    first = tokenize("测试词甲", "fixed")[0]
    tagger.pairs = [("测试词甲", "v")]  # (jieba's posseg tags an unknown word by its context)
    second = tokenize("测试词甲", "fixed")[0]
    assert (first.pos, second.pos) == ("n", "v")
    assert first.facts is not None and second.facts is None


MIXED = "脱贫攻坚取得了全面胜利，贫困发生率由10.2%降到0，ABC公司与Apple Inc. 在乌蒙山区的嘎啦嘎啦村帮扶　2020年"


def test_rjieba_tokens_from_cut_equal_those_from_tagging() -> None:
    tagger = get_tagger("rjieba")
    assert isinstance(tagger, segment._RJiebaTagger)
    tagged = segment._tokenize_tagged(MIXED, tagger, {}, 3)
    from_cut = tokenize(MIXED, "rjieba", 3)
    assert [(t.token, t.pos, t.start, t.end) for t in from_cut] == [(t.token, t.pos, t.start, t.end) for t in tagged]


def test_rjieba_tags_each_word_by_the_word_alone() -> None:
    """What the cut path relies on: jieba-rs gives a word one tag wherever it stands."""
    tagger = get_tagger("rjieba")
    assert isinstance(tagger, segment._RJiebaTagger)
    for word, pos in tagger.tag(MIXED):
        assert tagger.word_tag(word) in (pos, None)


def test_rjieba_tags_the_whole_text_when_a_new_word_alone_is_cut_otherwise() -> None:
    text = "各级政府所辖的村"  # 所辖 is one word here; alone, jieba-rs cuts it 所 / 辖
    tagger = get_tagger("rjieba")
    assert isinstance(tagger, segment._RJiebaTagger)
    assert "所辖" in tagger.cut(text) and tagger.word_tag("所辖") is None
    vocabulary: dict[str, WordFacts] = {}
    per_span = segment._window_tokens(text, [(0, len(text))], tagger, vocabulary)
    assert per_span is not None and vocabulary["所辖"].engine_pos == "n"  # (from tagging the whole sentence)
    expected = [(t.token, t.pos, t.start, t.end) for t in segment._tokenize_tagged(text, tagger, {}, 0)]
    assert [(t.token, t.pos, t.start, t.end) for t in tokenize(text)] == expected
    assert ("所辖", "n", 4, 6) in expected  # (the dictionary's tag, which the word alone would not show)


DOCUMENT = ("第一条 为了巩固拓展脱贫攻坚成果，制定本条例。\n\n各级政府所辖的村；一是ABC公司投入100.5万元。"
            "二是Apple Inc. 帮扶！\n  贫困发生率由10.2%降到0……“全面胜利。”\n")


def _spans(text: str) -> list[tuple[int, int]]:
    from zhetl.sentences import split_sentences
    return [(s.start, s.end) for s in split_sentences(text)]


def _plain(tokens: list[Token]) -> list[tuple[str, str, int, int]]:
    return [(t.token, t.pos, t.start, t.end) for t in tokens]


@pytest.mark.parametrize("engine", ["rjieba", "jieba"])
def test_sentence_tokens_equal_each_sentence_cut_alone(engine: str) -> None:
    spans = _spans(DOCUMENT)
    assert len(spans) > 4
    together = [_plain(tokens) for tokens in segment.sentence_tokens(DOCUMENT, spans, engine)]
    assert together == [_plain(tokenize(DOCUMENT[start:end], engine, start)) for start, end in spans]


def test_spans_meeting_inside_a_block_are_cut_alone() -> None:
    text = "巩固脱贫攻坚成果"
    tagger = get_tagger("rjieba")
    assert isinstance(tagger, segment._RJiebaTagger)
    assert not segment._block_edge(text, 5) and segment._block_edge("成果。巩固", 3)
    assert segment._window_tokens(text, [(0, 5), (5, 8)], tagger, {}) is None  # 攻坚 would cross the edge
    together = [_plain(tokens) for tokens in segment.sentence_tokens(text, [(0, 5), (5, 8)])]
    assert together == [_plain(tokenize(text[:5], "rjieba", 0)), _plain(tokenize(text[5:], "rjieba", 5))]


def test_a_window_retags_the_span_with_a_word_its_tag_cannot_be_had_for() -> None:
    tagger = get_tagger("rjieba")
    assert isinstance(tagger, segment._RJiebaTagger)
    spans = _spans(DOCUMENT)
    per_span = segment._window_tokens(DOCUMENT, spans, tagger, {})  # (a fresh vocabulary: 所辖 is new)
    assert per_span is not None
    expected = [_plain(segment._tokenize_tagged(DOCUMENT[start:end], tagger, {}, start)) for start, end in spans]
    assert [_plain(tokens) for tokens in per_span] == expected


def test_unknown_engine() -> None:
    with pytest.raises(ValueError):
        get_tagger("nope")


def test_lexicon_parses_types_and_normal_forms() -> None:
    entries = {e.word: e for e in lexicon()}
    assert entries["易地搬迁"].normalized == "易地扶贫搬迁"
    assert entries["国家乡村振兴局"].entity_type == "ORG"
    parsed = list(parse_lexicon(["# comment", "", "词语\t5\tn\t-\t"]))
    assert parsed[0].entity_type is None and parsed[0].normalized == "词语"


def test_respect_mentions_cuts_at_edges_and_keeps_inner_cuts() -> None:
    text = "由11.5%下降到2.7%"
    tokens = [Token("由1", "p", 0, 2), Token("1.5", "m", 2, 5), Token("%下降", "v", 5, 8), Token("到", "v", 8, 9),
              Token("2.7%", "x", 9, 13)]
    result = respect_mentions(tokens, text, [(1, 6, "m"), (9, 13, "m")])
    assert [(t.token, t.pos) for t in result] == [("由", "p"), ("1", "m"), ("1.5", "m"), ("%", "m"), ("下降", "v"),
                                                   ("到", "v"), ("2.7%", "m")]
    assert "".join(t.token for t in result) == text


@pytest.mark.parametrize("engine", ["rjieba", "jieba"])
def test_tokens_never_cross_a_mention(engine: str) -> None:
    text = "贫困发生率由23.4%下降到2.7%，2021年3月9日帮扶40.6466万人。"
    mentions = [(6, 11, "m"), (14, 18, "m"), (19, 28, "t"), (30, 39, "m")]
    tokens = respect_mentions(tokenize(text, engine), text, mentions)
    for start, end, _ in mentions:
        inside = [t for t in tokens if start <= t.start and t.end <= end]
        assert "".join(t.token for t in inside) == text[start:end]
        assert not any(t.start < start < t.end or t.start < end < t.end for t in tokens)
