import re

from hypothesis import given
from hypothesis import strategies as st

from zhetl.clean import (
    _BLANK_RUN,
    _FULLWIDTH_ALNUM,
    _INNER_SPACE_RUN,
    _LINE_ENDINGS,
    _has_blank_run,
    _has_inner_space_run,
    _has_line_edge_space,
    _line_edge_space,
    clean_text,
    script_of,
)

# The plain forms of the cleaning patterns, which the module writes so that the regex engine can skip ahead.
_PLAIN_LINE_EDGE_SPACE = re.compile(r"^[ \t]+|[ \t]+$", re.MULTILINE)
_PLAIN_FORMS = ((_FULLWIDTH_ALNUM, re.compile("[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\u3000]+")),
                (_LINE_ENDINGS, re.compile("\r\n?|[\u2028\u2029\x85]")),
                (_BLANK_RUN, re.compile(r"\n{3,}")),
                (_INNER_SPACE_RUN, re.compile(r"[ \t]{2,}")))


def test_fullwidth_alnum_becomes_halfwidth_punctuation_stays() -> None:
    cleaned = clean_text("２０２１年ＧＤＰ增长，　达到１２％。")
    assert cleaned.text == "2021年GDP增长, 达到12％。".replace(",", "，")


def test_controls_zero_width_and_line_endings() -> None:
    cleaned = clean_text("第一行\u200b内容\r\n第二行\x07\r\r\n\n\n\n第三行  ")
    assert cleaned.text == "第一行内容\n第二行\n\n第三行"


def test_traditional_to_simplified_and_script() -> None:
    cleaned = clean_text("鞏固拓展脫貧攻堅成果同鄉村振興有效銜接")
    assert cleaned.text == "巩固拓展脱贫攻坚成果同乡村振兴有效衔接"
    assert cleaned.script == "traditional"
    assert clean_text("巩固拓展脱贫攻坚成果").script == "simplified"


def test_script_thresholds() -> None:
    assert script_of(1000, 0) == "simplified"
    assert script_of(1000, 20) == "mixed"
    assert script_of(1000, 300) == "traditional"


def test_map_points_into_raw_text() -> None:
    raw = "  標題：鄉村振興\r\n\r\n\r\n\r\n正文　２０２１年"
    cleaned = clean_text(raw)
    index = cleaned.text.index("2021")
    start, end = cleaned.mapped.raw_span(index, index + 4)
    assert raw[start:end] == "２０２１"
    index = cleaned.text.index("乡村")
    start, end = cleaned.mapped.raw_span(index, index + 2)
    assert raw[start:end] == "鄉村"


@given(st.text(max_size=80))
def test_cleaning_is_idempotent_and_mapped(raw: str) -> None:
    once = clean_text(raw)
    assert clean_text(once.text).text == once.text
    assert len(once.mapped.raw_start) == len(once.text)
    for index in range(len(once.text)):
        start, end = once.mapped.raw_span(index, index + 1)
        assert 0 <= start <= end <= len(raw)


@given(st.text(alphabet=" \t\na中", max_size=12))
def test_a_whitespace_pattern_is_skipped_only_where_it_cannot_match(text: str) -> None:
    """tidy_whitespace skips a pattern's scan when a substring test says it cannot match: never wrongly."""
    for pattern, may_match in ((_PLAIN_LINE_EDGE_SPACE, _has_line_edge_space), (_INNER_SPACE_RUN, _has_inner_space_run),
                               (_BLANK_RUN, _has_blank_run)):
        assert may_match(text) or not pattern.search(text)


@given(st.text(alphabet=" \t\n\r\u2028\x85a中０Ａ\u3000", max_size=16))
def test_the_cleaning_patterns_find_what_their_plain_forms_find(text: str) -> None:
    assert _line_edge_space(text) == [(m.start(), m.end(), "") for m in _PLAIN_LINE_EDGE_SPACE.finditer(text)]
    for pattern, plain in _PLAIN_FORMS:
        assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in plain.finditer(text)], plain.pattern
