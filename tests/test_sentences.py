import re

from hypothesis import given
from hypothesis import strategies as st

from zhetl.sentences import _MARKER, Sentence, list_marker_starts, split_sentences


def spans(text: str) -> list[str]:
    return [text[s.start:s.end] for s in split_sentences(text)]


def test_terminators_and_paragraphs() -> None:
    text = "脱贫攻坚取得胜利。乡村振兴全面推进！下一步怎么办？\n第二段；继续努力"
    sentences = split_sentences(text)
    assert spans(text) == ["脱贫攻坚取得胜利。", "乡村振兴全面推进！", "下一步怎么办？", "第二段；", "继续努力"]
    assert [s.paragraph_id for s in sentences] == [0, 0, 0, 1, 1]
    assert [s.sentence_id for s in sentences] == [0, 1, 2, 3, 4]


def test_quotes_are_not_split_and_closers_stay_with_the_sentence() -> None:
    text = "他说：“要巩固成果。要接续奋斗。”大家表示赞同。"
    assert spans(text) == ["他说：“要巩固成果。要接续奋斗。”", "大家表示赞同。"]


def test_ellipsis_and_list_markers() -> None:
    text = "工作很多……一是抓产业，二是抓就业；（三）抓教育"
    assert spans(text) == ["工作很多……", "一是抓产业，二是抓就业；", "（三）抓教育"]


def test_blank_lines_and_spaces_are_not_sentences() -> None:
    text = "  \n\n标题\n\n  正文。  "
    assert spans(text) == ["标题", "正文。"]


def test_a_line_without_end_marks_is_cut_into_bounded_sentences() -> None:
    """A 40 MB line would otherwise be one sentence; pieces stay under the limit and cover every character."""
    from zhetl.sentences import MAX_SENTENCE

    line = ("全县农村居民人均可支配收入增长8.5%，贫困发生率下降到2.7%" * 200) + "无标点" * 700
    sentences = split_sentences(line)
    assert all(s.end - s.start <= MAX_SENTENCE for s in sentences)
    assert "".join(line[s.start:s.end] for s in sentences) == line
    assert all(line[s.start - 1] == "，" for s in sentences[1:3])  # cut after a comma where there is one


# The plain statement of where a list marker counts: at a line's start or right after clause punctuation.
_MARKER_WHERE_ALLOWED = re.compile(r"(?:^|(?<=[。；;：:！？!? \t]))" + _MARKER, re.MULTILINE)
_SENTENCE_STUFF = "一二三四五六七八九十百是第条章节款（）()0123456789.．、。；;：:！？!? \t村“”…\n"


@given(st.text(alphabet=_SENTENCE_STUFF, max_size=40))
def test_list_marker_starts_are_where_the_plain_pattern_starts(text: str) -> None:
    assert list_marker_starts(text) == sorted({m.start() for m in _MARKER_WHERE_ALLOWED.finditer(text)})


@given(st.lists(st.text(alphabet=_SENTENCE_STUFF.replace("\n", ""), max_size=30), max_size=5))
def test_a_document_splits_as_its_lines_split_alone(lines: list[str]) -> None:
    """The document's scans for punctuation and markers, shared out to its lines, cut where each line's own would."""
    expected: list[tuple[int, int, int]] = []
    line_start = paragraph_id = 0
    for line in lines:
        alone = split_sentences(line)
        expected += [(paragraph_id, line_start + s.start, line_start + s.end) for s in alone]
        paragraph_id += 1 if alone else 0
        line_start += len(line) + 1
    assert [(s.paragraph_id, s.start, s.end) for s in split_sentences("\n".join(lines))] == expected


def test_sentences_compare_and_hash_as_values() -> None:
    first, same, other = Sentence(0, 0, 0, 5), Sentence(0, 0, 0, 5), Sentence(1, 0, 5, 9)
    assert first == same and first != other and len({first, same, other}) == 2
    assert repr(first) == "Sentence(sentence_id=0, paragraph_id=0, start=0, end=5)"
