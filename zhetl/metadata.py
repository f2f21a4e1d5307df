"""Document metadata found in the text or the file name: title and published date."""

from __future__ import annotations

import re
from datetime import date
from pathlib import PurePosixPath
from typing import Final

_TITLE_LINE: Final = re.compile(r"^\s*(?:标题|題目|题目|标 题)\s*[:：]\s*(?P<title>.+?)\s*[|｜]?\s*$", re.MULTILINE)
_PUBLISHED: Final = re.compile(
    r"(?:发布时间|发布日期|发表时间|发文日期|成文日期|日期|时间)\s*[:：]\s*"
    r"(?P<y>(?:19|20)\d{2})\s*(?:[-/.年])\s*(?P<m>\d{1,2})\s*(?:[-/.月])\s*(?P<d>\d{1,2})"
)
_NAME_DATE: Final = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})[-_.]?(?P<m>0[1-9]|1[0-2])[-_.]?"
                               r"(?P<d>0[1-9]|[12]\d|3[01])(?!\d)")
_NOT_A_TITLE: Final = re.compile(r"欢迎|当前位置|首页|登录|注册|网站|导航|^\W*$")
MAX_TITLE_CHARS: Final = 80
_FIELD_STOP: Final = r"(?=\s|发布时间|发布日期|作者|来源|责任编辑|编辑|浏览|字号|$)"
_AUTHOR: Final = re.compile(rf"(?:(?:作者|记者)\s*[:：]|(?<![\u4e00-\u9fff])文\s*/)\s*"
                            rf"(?P<value>[^\s:：|｜]{{1,30}}?){_FIELD_STOP}", re.MULTILINE)
_SOURCE: Final = re.compile(rf"(?:来源|出处|稿源)\s*[:：]\s*(?P<value>[^\s:：|｜]{{1,40}}?){_FIELD_STOP}", re.MULTILINE)
# Each field's pattern, and the words it cannot match without (a document holding none is not scanned).
_FIELDS: Final = {"author": (_AUTHOR, ("作者", "记者", "/")), "source": (_SOURCE, ("来源", "出处", "稿源"))}
_URL: Final = re.compile(r"https?://[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+")


# The words each header pattern cannot match without: a head holding none is not scanned (a search for a pattern
# that opens with ^\s* or an alternation tries every position, 0.6% of all processing each).
_TITLE_WORDS: Final = ("标题", "題目", "题目", "标 题")
_PUBLISHED_WORDS: Final = ("日期", "时间")


def find_title(text: str, source_path: str) -> str:
    """A ``标题:`` line, else the first short line that is not navigation, else the file name."""
    head = text[:5000]
    found = _TITLE_LINE.search(head) if any(word in head for word in _TITLE_WORDS) else None
    if found:
        return found.group("title").strip()
    for line in head.split("\n"):
        line = line.strip()
        if line and len(line) <= MAX_TITLE_CHARS and not _NOT_A_TITLE.search(line) \
                and not line.endswith(("。", "；", "，", ":", "：")):
            return line
    return PurePosixPath(source_path).stem


def find_published_date(text: str, source_path: str) -> date | None:
    """A 发布时间/日期 line in the text, else a date in the file name."""
    head = text[:8000]
    stated = _PUBLISHED.search(head) if any(word in head for word in _PUBLISHED_WORDS) else None
    for match in (stated, _NAME_DATE.search(PurePosixPath(source_path).name)):
        if match:
            try:
                return date(int(match["y"]), int(match["m"]), int(match["d"]))
            except ValueError:
                continue
    return None


def find_field(text: str, name: str) -> str | None:
    """The author or source stated in a header line (作者:…, 来源:…), if any."""
    pattern, needs = _FIELDS[name]
    head = text[:5000]
    if not any(word in head for word in needs):
        return None
    match = pattern.search(head)
    return match.group("value").strip() if match else None


def find_url(raw_text: str) -> str | None:
    """The first URL in the raw text (web pages often name their own address in the footer)."""
    match = _URL.search(raw_text)
    return match.group(0).rstrip(".,;)）") if match else None
