"""Web boilerplate and truncation notices: what a scraped page adds around its article.

Whole lines are dropped when they are navigation, breadcrumbs, copyright, ICP/公网安备 numbers, contact
lines, 上一篇/下一篇, related-column lists, disclaimers, site maps, share and print widgets or a bare URL.
An article paragraph is never dropped: the rules only match short lines or lines made of such markers.
Truncation notices (……(未完,全文共8523字,当前只显示3420字…)) are cut and reported, and a 上一篇/下一篇 tail
glued to the last paragraph is cut with them.
"""

from __future__ import annotations

import re
from typing import Final

from zhetl.textmap import Edit, MappedText

MAX_BOILERPLATE_LINE: Final = 160

# (pattern, longest line it may remove, words every match holds): markers that also occur in prose only remove
# short lines. The words let one scan of a line rule out every pattern at once (most lines of a document hold
# none of them); tests/test_boilerplate.py checks each pattern against its words.
_RULES: Final = (
    (r"^\s*欢迎(?:访问|光临|来到|您访问)", 60, ("欢迎",)),
    (r"(?:当前|您的|你的|所在)位置\s*[:：]", MAX_BOILERPLATE_LINE, ("位置",)),
    (r"^\s*(?:首页|主页|网站首页)\s*(?:[>|｜»/>＞]|$)", MAX_BOILERPLATE_LINE, ("首页", "主页")),
    (r"版权所有|©|\(c\)\s*\d{4}|[Cc]opyright|All Rights Reserved|保留所有权利", MAX_BOILERPLATE_LINE,
            ("版权所有", "©", "(c)", "opyright", "All Rights Reserved", "保留所有权利")),
    (r"ICP\s*[备证]|公网安备|网安备|增值电信业务经营许可证", MAX_BOILERPLATE_LINE,
            ("ICP", "网安备", "增值电信业务经营许可证")),
    (r"^\s*(?:联系|咨询|值班|举报|监督|投诉|服务)?(?:电话|热线|手机|邮箱|传真|地址|邮编|E-?mail|QQ)\s*[:：]", 120,
            ("电话", "热线", "手机", "邮箱", "传真", "地址", "邮编", "mail", "QQ")),
    (r"^\s*(?:上一篇|下一篇|上一条|下一条|上一页|下一页)\s*[:：]?", MAX_BOILERPLATE_LINE, ("上一", "下一")),
    (r"^\s*(?:相关栏目|相关文章|相关链接|相关阅读|相关新闻|推荐阅读|热门文章|热点推荐|延伸阅读|猜你喜欢)",
            MAX_BOILERPLATE_LINE, ("相关", "推荐阅读", "热门文章", "热点推荐", "延伸阅读", "猜你喜欢")),
    (r"免责声明|网站地图|本网概况|关于我们|联系我们|会员服务|网站声明|隐私政策|意见反馈|站内搜索", 40,
            ("免责声明", "网站地图", "本网概况", "关于我们", "联系我们", "会员服务", "网站声明", "隐私政策", "意见反馈",
             "站内搜索")),
    (r"分享到|打印本页|关闭窗口|【打印】|【关闭】|返回顶部|^\s*字号\s*[:：]?\s*[大中小]|扫一扫", 40,
            ("分享到", "打印本页", "关闭窗口", "【打印】", "【关闭】", "返回顶部", "字号", "扫一扫")),
    (r"^\s*(?:https?://|www\.)\S+\s*$", MAX_BOILERPLATE_LINE, ("http", "www.")),
    (r"(?:本站|本网|本网站).{0,40}(?:信息|转载|稿酬|责任|主办|观点|立场)", 100, ("本站", "本网")),
    (r"主办\s*[-—:：]|承办\s*[:：]|技术支持\s*[:：]|主办单位\s*[:：]", MAX_BOILERPLATE_LINE,
            ("主办", "承办", "技术支持")),
    (r"^\s*(?:登录|注册|退出|设为首页|加入收藏|收藏本站)(?:\s*[|｜/]\s*\S+)*\s*$", 60,
            ("登录", "注册", "退出", "设为首页", "加入收藏", "收藏本站")),
    (r"浏览次数|阅读次数|点击数|点击量|访问量", 60, ("浏览次数", "阅读次数", "点击数", "点击量", "访问量")),
)
_LINE_RULES: Final = [(re.compile(pattern), limit) for pattern, limit, _ in _RULES]
_RULE_WORDS: Final = re.compile("|".join(sorted({re.escape(word) for _, _, words in _RULES for word in words},
                                                key=lambda word: (-len(word), word))))
_MENU_MARKS: Final = "|｜»>＞"  # the separators besides runs of whitespace
_MENU_SEPARATORS: Final = re.compile(rf"\s*[{re.escape(_MENU_MARKS)}]\s*|\s{{2,}}")
# What any separator holds (one space is none); two patterns, each starting on a character class, so the engine
# skips ahead (one alternation of the two would be tried at every position).
_MENU_MARK: Final = re.compile(rf"[{re.escape(_MENU_MARKS)}]")
# The characters \s matches in a str pattern (every character str.isspace calls whitespace), spelt out: the class
# tests each character in a table where \s asks Unicode's category of it, two thirds of the time.
_WHITESPACE: Final = "\t-\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
_DOUBLE_SPACE: Final = re.compile(f"[{_WHITESPACE}][{_WHITESPACE}]")
_SENTENCE_ENDS: Final = ("。", "！", "？", "；")  # a line holding one is prose, never a row of links
_TRUNCATION: Final = re.compile(
    r"\s*[…\.。]{0,8}\s*[(（]\s*未完[^()（）]{0,300}[)）]"
    r"|[(（]\s*(?:全文共|全文|原文共)\s*\d+\s*字[^()（）]{0,200}[)）]"
)
_TAIL: Final = re.compile(r"\s*(?:上一篇|下一篇)\s*[:：].{0,400}$")
# Every notice holds one of these words, with nothing but whitespace, dots and an opening bracket between its start
# and the word. _TRUNCATION starts on a repetition, so the engine would try it at every position of the text (8M
# instructions for a 6,000-character law that holds 全文); it is tried only at the few positions before a word.
_TRUNCATION_WORDS: Final = ("未完", "全文", "原文共")
_NOTICE_LEAD: Final = frozenset("….。(（")


def _truncation_notices(text: str) -> list[re.Match[str]]:
    """What ``_TRUNCATION.finditer(text)`` finds, trying the pattern only where a notice can start."""
    found: list[re.Match[str]] = []
    position = 0
    while True:
        word = min((at for at in (text.find(w, position) for w in _TRUNCATION_WORDS) if at >= 0), default=-1)
        if word < 0:
            return found
        start = word  # a notice starts in the run of lead characters right before its word
        while start > position and (text[start - 1].isspace() or text[start - 1] in _NOTICE_LEAD):
            start -= 1
        position = word + 1
        for candidate in range(start, word):
            match = _TRUNCATION.match(text, candidate)
            if match:
                found.append(match)
                position = match.end()
                break


def is_boilerplate_line(line: str) -> bool:
    """True for a line a web page adds around its article."""
    stripped = line.strip()
    if not stripped or len(stripped) > MAX_BOILERPLATE_LINE:
        return False
    if _RULE_WORDS.search(stripped) and \
            any(len(stripped) <= limit and rule.search(stripped) for rule, limit in _LINE_RULES):
        return True
    return _is_menu(stripped)


def _is_menu(line: str) -> bool:
    """A row of short links: 首页 | 新闻中心 | 政策法规 | 联系我们."""
    if any(end in line for end in _SENTENCE_ENDS):
        return False  # prose (most lines of most documents): four substring tests, before any scan of the line
    if not (_MENU_MARK.search(line) or _DOUBLE_SPACE.search(line)):
        return False  # no separator: one item (第一条 为了… too; the split is skipped)
    items = [item for item in _MENU_SEPARATORS.split(line) if item]
    return len(items) >= 4 and all(len(item) <= 8 for item in items)


def remove_boilerplate(mapped: MappedText, site_lines: frozenset[str] = frozenset()) -> tuple[MappedText, int]:
    """Drop boilerplate lines and the site's repeated lines; returns the text and the number dropped."""
    edits: list[Edit] = []
    position = 0
    for line in mapped.text.split("\n"):
        end = position + len(line)
        if is_boilerplate_line(line) or (site_lines and line.strip() in site_lines):
            edits.append((position, min(end + 1, len(mapped.text)), ""))
        position = end + 1
    return mapped.apply(edits), len(edits)


def remove_truncation(mapped: MappedText) -> tuple[MappedText, int]:
    """Cut truncation notices, and a 上一篇/下一篇 tail glued after one; returns the count of notices."""
    edits: list[Edit] = []
    for match in _truncation_notices(mapped.text):
        line_end = mapped.text.find("\n", match.end())
        line_end = len(mapped.text) if line_end < 0 else line_end
        tail = _TAIL.match(mapped.text, match.end(), line_end)
        edits.append((match.start(), tail.end() if tail else match.end(), ""))
    return mapped.apply(_merge(edits)), len(edits)


def _merge(edits: list[Edit]) -> list[Edit]:
    merged: list[Edit] = []
    for start, end, text in sorted(edits):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]), "")
        else:
            merged.append((start, end, text))
    return merged
