"""Dates: absolute, partial, relative and redacted date expressions, resolved to a [start, end] range.

Relative and partial expressions resolve against a reference date (the document's published date, else
the run's reference date); without one they are kept unresolved. A redacted year (20__年) is marked and
never given an invented value.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from zhetl.numerals import parse_number

_CN_DIGIT = "〇零一二三四五六七八九两"
_CN_SMALL = "〇零一二三四五六七八九十两"
_YEAR = rf"(?P<year>(?:19|20)\d{{2}}|[{_CN_DIGIT}]{{4}})"
_MONTH = r"(?P<month>1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])"
_DAY = r"(?P<day>3[01]|[12]\d|0?[1-9]|[二三]?十[一二三四五六七八九]?|[一二三四五六七八九])"
_REDACTED_YEAR = r"(?P<redacted>(?:19|20)?(?:_{1,4}|＿{1,4}|[×Xx＊*]{2}))"
_PART = r"(?P<part>初|底|末|中|上半年|下半年|第[一二三四1-4]季度|[一二三四1-4]季度)"
_RELATIVE_YEAR = r"(?P<relyear>今|去|明|前|后|本|当|上)(?=年)"
_FIVE_YEAR = r"(?P<plan>十[一二三四]五)(?:规划|时期|期间)?"
_YEAR_SPAN = r"(?P<y1>(?:19|20)\d{2})年?\s*(?:至|到|—|–|-|~|～)\s*(?P<y2>(?:19|20)\d{2})年"

_TWO_DIGIT_YEAR = r"(?<![\d.])(?P<yy>\d{2})年(?=出生|生人|生|毕业|入党|入伍|参军|参加工作|入学|退休|以来|[01]?\d月)"
_RELATIVE_DAY = r"(?P<relday>今天|昨天|明天|前天|后天|今日|昨日|明日|当天|次日)"
_RELATIVE_MONTH = r"(?P<relmonth>上个?月|本月|这个月|下个?月|当月)"
_WEEK = r"(?P<week>上|本|这|下)?(?:个)?(?:周|星期|礼拜)(?P<weekday>[一二三四五六日天])"
_RECENT = rf"(?P<recent>近|过去|最近)(?P<recentn>[{_CN_SMALL}\d]{{1,3}})年(?:来|间|中)?"
_HOLIDAY = (r"(?P<hyear>(?:19|20)\d{2}年)?(?P<holiday>元旦|国庆节|国庆|劳动节|五一劳动节|儿童节|六一儿童节|建党节|"
            r"七一建党节|建军节|八一建军节|妇女节|三八妇女节|植树节|教师节|圣诞节|青年节|五四青年节)")
HOLIDAYS = {"元旦": (1, 1), "国庆节": (10, 1), "国庆": (10, 1), "劳动节": (5, 1), "五一劳动节": (5, 1),
            "儿童节": (6, 1), "六一儿童节": (6, 1), "建党节": (7, 1), "七一建党节": (7, 1), "建军节": (8, 1),
            "八一建军节": (8, 1), "妇女节": (3, 8), "三八妇女节": (3, 8), "植树节": (3, 12), "教师节": (9, 10),
            "圣诞节": (12, 25), "青年节": (5, 4), "五四青年节": (5, 4)}

_PATTERNS = (
    re.compile(_YEAR_SPAN),
    re.compile(_TWO_DIGIT_YEAR),
    re.compile(_RELATIVE_DAY),
    re.compile(_RELATIVE_MONTH),
    re.compile(_WEEK),
    re.compile(_RECENT),
    re.compile(_HOLIDAY),
    re.compile(r"(?<![年\d〇零一二三四五六七八九_＿×Xx*＊])(?:年(?P<part>初|底|末|中)|(?P<part2>第[一二三四1-4]季度|[一二三四1-4]季度|上半年|下半年))"),
    re.compile(rf"{_YEAR}\s*[-/.]\s*(?P<m2>1[0-2]|0?[1-9])\s*[-/.]\s*(?P<d2>3[01]|[12]\d|0?[1-9])(?!\d)"),
    re.compile(rf"(?:{_YEAR}|{_RELATIVE_YEAR}|{_REDACTED_YEAR})(?:年?{_MONTH}月(?:{_DAY}[日号])?|年年?{_PART}|年)"),
    re.compile(rf"(?<![\d年]){_MONTH}月(?:{_DAY}[日号])?"),
    re.compile(rf"{_FIVE_YEAR}"),
)


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    text: str
    kind: str  # absolute | partial | relative | period | redacted
    start_date: date | None
    end_date: date | None
    granularity: str  # day | month | quarter | half | year | period
    redacted: bool


def find_dates(text: str, reference: date | None = None) -> list[DateMention]:
    """Date mentions in ``text``, resolved against ``reference`` where they need it."""
    candidates = [m for pattern in _PATTERNS for m in pattern.finditer(text)]
    candidates.sort(key=lambda m: (m.start(), -(m.end() - m.start())))
    found: list[DateMention] = []
    taken_until = -1
    for match in candidates:
        if match.start() < taken_until:
            continue
        mention = _resolve(match, reference)
        if mention is not None:
            found.append(mention)
            taken_until = mention.end
    return found


def _int(text: str) -> int:
    if text.isdigit():
        return int(text)
    if len(text) == 4 and all(c in _CN_DIGIT for c in text):
        return int("".join(str(int(parse_number(c))) for c in text))
    return int(parse_number(text))


def _resolve(match: re.Match[str], reference: date | None) -> DateMention | None:
    g = {key: None for key in ("year", "m2", "d2", "month", "day", "redacted", "part", "relyear", "plan", "y1",
                                "y2", "yy", "relday", "relmonth", "weekday", "recent", "holiday", "part2")}
    g.update(match.groupdict())
    if g["part2"]:
        g["part"] = g["part2"]
    text = match.group(0)
    start, end = match.start(), match.end()
    special = _resolve_special(match, g, reference)
    if special is not None:
        return special
    if g["y1"]:
        first_year, last_year = int(g["y1"]), int(g["y2"])
        if last_year < first_year:
            return None
        return DateMention(start, end, text, "period", date(first_year, 1, 1), date(last_year, 12, 31), "period",
                           False)
    if g["plan"]:
        plan = _int(g["plan"][:-1])
        first = 1966 + (plan - 3) * 5  # the third plan began in 1966; every plan since runs five years
        return DateMention(start, end, text, "period", date(first, 1, 1), date(first + 4, 12, 31), "period", False)
    if g["redacted"]:
        return DateMention(start, end, text, "redacted", None, None, _granularity(g), True)
    kind = "absolute"
    year: int | None = None
    if g["year"]:
        year = _int(g["year"])
    elif g["relyear"]:
        kind = "relative"
        if reference is not None:
            offset = {"今": 0, "本": 0, "当": 0, "去": -1, "上": -1, "前": -2, "明": 1, "后": 2}
            year = reference.year + offset[g["relyear"]]
    else:
        kind = "partial"
        year = reference.year if reference is not None else None
    month = g["m2"] or g["month"]
    day = g["d2"] or g["day"]
    granularity = _granularity(g)
    if year is None:
        return DateMention(start, end, text, kind, None, None, granularity, False)
    try:
        if month and day:
            value = date(year, _int(month), _int(day))
            return DateMention(start, end, text, kind, value, value, "day", False)
        if month:
            m = _int(month)
            return DateMention(start, end, text, kind, date(year, m, 1),
                               date(year, m, calendar.monthrange(year, m)[1]), "month", False)
        if g["part"]:
            first, last = _part_range(g["part"], year)
            return DateMention(start, end, text, kind, first, last, granularity, False)
        return DateMention(start, end, text, kind, date(year, 1, 1), date(year, 12, 31), "year", False)
    except ValueError:
        return None


def _resolve_special(match: re.Match[str], g: dict[str, str | None], reference: date | None) -> DateMention | None:
    """Two-digit years, relative days, months and weeks, 近N年, and fixed-date holidays."""
    text, start, end = match.group(0), match.start(), match.end()

    def mention(kind: str, first: date | None, last: date | None, granularity: str) -> DateMention:
        return DateMention(start, end, text, kind, first, last, granularity, False)

    if g["yy"]:
        two = int(g["yy"])
        century = 2000 if reference is not None and two <= reference.year % 100 else 1900
        year = century + two
        return mention("absolute", date(year, 1, 1), date(year, 12, 31), "year")
    if g["holiday"]:
        month, day = HOLIDAYS[g["holiday"]]
        if match.group("hyear"):
            year = int(match.group("hyear")[:4])
            return mention("absolute", date(year, month, day), date(year, month, day), "day")
        if reference is None:
            return mention("relative", None, None, "day")
        value = date(reference.year, month, day)
        return mention("relative", value, value, "day")
    if g["relday"] or g["relmonth"] or g["weekday"] or g["recent"]:
        granularity = "period" if g["recent"] else "day" if g["relday"] or g["weekday"] else "month"
        if reference is None:
            return mention("relative", None, None, granularity)
        if g["relday"]:
            offset = {"今天": 0, "今日": 0, "当天": 0, "昨天": -1, "昨日": -1, "明天": 1, "明日": 1, "次日": 1,
                      "前天": -2, "后天": 2}[g["relday"]]
            value = reference + timedelta(days=offset)
            return mention("relative", value, value, "day")
        if g["relmonth"]:
            shift = -1 if g["relmonth"].startswith("上") else 1 if g["relmonth"].startswith("下") else 0
            month_index = reference.year * 12 + reference.month - 1 + shift
            year, month = divmod(month_index, 12)
            return mention("relative", date(year, month + 1, 1),
                           date(year, month + 1, calendar.monthrange(year, month + 1)[1]), "month")
        if g["weekday"]:
            weekday = "一二三四五六日".find(g["weekday"]) if g["weekday"] != "天" else 6
            shift = {"上": -7, "下": 7}.get(g.get("week") or "", 0)
            monday = reference - timedelta(days=reference.weekday())
            value = monday + timedelta(days=shift + weekday)
            return mention("relative", value, value, "day")
        years = _int(g["recentn"])
        if not 1 <= years <= 100:
            return None
        return mention("relative", date(reference.year - years + 1, 1, 1), reference, "period")
    return None


def _granularity(g: dict[str, str | None]) -> str:
    if g.get("d2") or g.get("day"):
        return "day"
    if g.get("month"):
        return "month"
    part = g.get("part") or ""
    if "季度" in part:
        return "quarter"
    if part in ("上半年", "下半年"):
        return "half"
    if part in ("初", "底", "末", "中"):
        return "month"
    return "year"


def _part_range(part: str, year: int) -> tuple[date, date]:
    if part == "初":
        return date(year, 1, 1), date(year, 1, 31)
    if part in ("底", "末"):
        return date(year, 12, 1), date(year, 12, 31)
    if part == "中":
        return date(year, 6, 1), date(year, 7, 31)
    if part == "上半年":
        return date(year, 1, 1), date(year, 6, 30)
    if part == "下半年":
        return date(year, 7, 1), date(year, 12, 31)
    if "季度" in part:
        quarter = _int(part.strip("第季度"))
        first_month = 3 * (quarter - 1) + 1
        last_month = first_month + 2
        return date(year, first_month, 1), date(year, last_month, calendar.monthrange(year, last_month)[1])
    return date(year, 1, 1), date(year, 12, 31)
