import re
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from zhetl.boilerplate import (
    _MENU_SEPARATORS,
    _RULE_WORDS,
    _RULES,
    _TRUNCATION,
    _WHITESPACE,
    _is_menu,
    _truncation_notices,
    is_boilerplate_line,
    remove_boilerplate,
    remove_truncation,
)
from zhetl.clean import clean_text
from zhetl.textmap import MappedText


@pytest.mark.parametrize("line", [
    "欢迎访问 特产关注网", "当前位置:首页 > 新闻中心 > 正文", "首页 | 新闻中心 | 政策法规 | 联系我们 | 网站地图",
    "版权所有 © 2021 某某网", "Copyright 2002-2022 example.org All Rights Reserved", "黔ICP备12345678号-1",
    "贵公网安备 52010202000123号", "联系电话:0851-5551234", "邮箱:someone@example.com", "上一篇:关于做好春耕的通知",
    "下一篇:", "相关栏目:扶贫 | 乡村振兴", "免责声明 网站地图", "分享到:微信 微博", "打印本页 关闭窗口",
    "http://example.org/a/b.html", "本站部分信息由相应民事主体自行提供,本网对此不承担任何责任。",
])
def test_boilerplate_lines(line: str) -> None:
    assert is_boilerplate_line(line)


@pytest.mark.parametrize("line", [
    "为绘就乡村振兴时代画卷接续奋斗",
    "发布时间:2021-03-09作者:来源:",
    "这是关于我们村脱贫攻坚工作的总结，全村贫困发生率由11.5%下降到0.8%，群众满意度明显提高，干部作风明显转变。"
    "下一步我们将继续巩固拓展脱贫攻坚成果，接续推进乡村振兴，确保不发生规模性返贫。",
    "(作者系南川区山王坪镇庙坝村第一书记兼驻村工作队队长)",
    "一、总体要求",
])
def test_article_lines_stay(line: str) -> None:
    assert not is_boilerplate_line(line)


def test_remove_boilerplate_counts_lines() -> None:
    mapped, count = remove_boilerplate(MappedText.identity("欢迎访问某网\n正文一句。\n版权所有 某网\n"))
    assert mapped.text == "正文一句。\n" and count == 2


def test_truncation_notice_and_glued_tail_are_cut() -> None:
    text = ("要以实施 ……(未完,全文共8523字,当前只显示3420字,请阅读下面提示信息。) "
            "上一篇:某讲话 下一篇:某文章 相关栏目:扶贫 |\n下一段")
    mapped, count = remove_truncation(MappedText.identity(text))
    assert count == 1
    assert mapped.text == "要以实施\n下一段"


_NOTICE_PIECES = ["未完", "全文", "全文共", "原文共", "(", "（", ")", "）", "…", ".", "。",
                  " ", "\u3000", "\n", "12", "字", "上一篇", "：", "a"]


@given(st.lists(st.sampled_from(_NOTICE_PIECES), max_size=30).map("".join))
def test_truncation_notices_are_what_the_pattern_finds_everywhere(text: str) -> None:
    """The notices are looked for only before their words; they must be exactly what a full scan finds."""
    assert [m.span() for m in _truncation_notices(text)] == [m.span() for m in _TRUNCATION.finditer(text)]


def test_seed_002_keeps_its_article_and_loses_navigation_and_footer(shared) -> None:
    raw = next((shared / "corpus/seeds").glob("002_*.txt")).read_text(encoding="utf-8")
    cleaned = clean_text(raw)
    lines = cleaned.text.split("\n")
    assert lines[0] == "为绘就乡村振兴时代画卷接续奋斗"
    assert lines[-1].startswith("(作者系南川区山王坪镇庙坝村第一书记")
    article = [line.strip() for line in raw.split("\n") if len(line.strip()) > 200]
    assert all(paragraph in cleaned.text for paragraph in article) and len(article) == 5
    for marker in ("欢迎访问", "当前位置", "版权所有", "ICP备", "联系电话", "免责声明", "http"):
        assert marker not in cleaned.text


@given(st.text(alphabet="首页新闻 |｜»>＞\u3000\t。", min_size=1, max_size=40))
def test_a_line_without_separators_or_whitespace_is_no_menu_as_the_split_says(line: str) -> None:
    items = [item for item in _MENU_SEPARATORS.split(line) if item]
    assert _is_menu(line) == (len(items) >= 4 and all(len(item) <= 8 for item in items) and "。" not in line)


def test_a_menu_separated_by_wide_spaces_is_still_found() -> None:
    assert _is_menu("首页\u3000\u3000新闻中心\u3000\u3000政策法规\u3000\u3000联系我们")
    assert not _is_menu("首页新闻中心政策法规联系我们")


# The rules' own characters, with a little prose, so generated lines often hold a marker or part of one.
_RULE_ALPHABET = "".join(sorted({c for _, _, words in _RULES for word in words for c in word}
                                | set("：: 0123456789-—.|/>电邮网站首页欢迎访问当前位置上下一篇条页相关大中小的了")))


@given(st.text(alphabet=_RULE_ALPHABET, max_size=24))
def test_a_line_rule_is_skipped_only_where_it_cannot_match(line: str) -> None:
    """A line without any rule's words skips every rule; each rule finds nothing where its words are absent."""
    for pattern, _, words in _RULES:
        assert any(word in line for word in words) or not re.search(pattern, line), pattern[:40]
    assert bool(_RULE_WORDS.search(line)) == any(word in line for _, _, words in _RULES for word in words)


def test_the_spelt_out_whitespace_class_is_what_backslash_s_matches() -> None:
    spelt, category = re.compile(f"[{_WHITESPACE}]"), re.compile(r"\s")
    assert [c for c in range(sys.maxunicode + 1) if spelt.match(chr(c))] == \
        [c for c in range(sys.maxunicode + 1) if category.match(chr(c))]
