"""Dates: absolute, partial, relative and redacted date expressions, resolved to a [start, end] range of days.

Relative and partial expressions resolve against a reference date (the document's published date, else
the run's reference date); without one they are kept, unresolved. A redacted year (20__年) is marked and
never given an invented value. Two mentions joined by 至/到/— become one period (2017年8月至11月).
Fuzzy parts follow the common reading: 年初 = January–February, 年底 = November–December, 月初 = days 1–5,
上旬/中旬/下旬 = thirds of the month, and 月底/月末 = the last third (the 21st on), as every annotator of our
report sets read it (JioNLP's cases take the last 7 days).
"""

from __future__ import annotations

import calendar
import contextlib
import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Final

from zhetl.numerals import fold_width, parse_number

_CN_DIGIT: Final = "〇零一二三四五六七八九两"
_NUMBER: Final = r"[\d〇零一二三四五六七八九十两]{1,3}"
_YEAR4: Final = rf"(?:19|20)\d{{2}}|[{_CN_DIGIT}]{{4}}"
_YEAR2: Final = r"\d{2}|[〇零一二三四五六七八九]{2}"
_MONTH: Final = r"1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九]"
_DAY: Final = r"3[01]|[12]\d|0?[1-9]|[二三]?十[一二三四五六七八九]?|[一二三四五六七八九]"
_QUARTER: Final = r"(?:第|首)?[一二三四1-4首]季度"
# 年中 is mid-year, but not in 2020年中央财政, 2021年中国, 年中西部: there 中 starts the next word.
_MID: Final = r"中(?![央国共部西东南北小等心医药职专学华期层级高老青外文方资])"
_YEAR_PART: Final = (rf"(?P<part>初|底|末|{_MID}|伊始|上半年|下半年|春季|夏季|秋季|"
                     rf"前(?P<firstn>{_NUMBER})个?(?P<firstunit>月|季度)|首月|"
                     rf"(?P<quarter>{_QUARTER})(?P<qpart>末|初)?)")
_MONTH_PART: Final = (rf"(?:月?(?P<mpart>初|底|末|上旬|中旬|下旬)|前(?P<firstdays>{_NUMBER})天"
                      rf"|最后(?P<lastdays>{_NUMBER})天"
                      rf"|(?:的)?第(?P<weekn>[1-6一二三四五六])周)")
# (2020年11月1日零时: 日 ends the day, whatever follows; without 日 no numeral may follow)
_AFTER_YEAR: Final = (rf"(?:年份?(?:的)?(?P<month>{_MONTH})月份?"
                      rf"(?:(?P<day>{_DAY})(?:[日号]|(?![\d〇零一二三四五六七八九十]))"
                      rf"|{_MONTH_PART})?|年(?:年)?{_YEAR_PART}|年度|年)")
# Years written with two digits only count when a month, a part of the year or a life event follows.
_YEAR2_NEXT: Final = (r"(?=年(?:份)?(?:[01]?\d月|[一二三四五六七八九十]{1,2}月|底|初|末|第|[一二三四]季度|"
                      r"出生|生人|生|毕业|入党|入伍|参军|参加工作|入学|退休|以来))")
# …or when it names a recent year of the last century, or of this one's first decade, by what happened then
# (98年特大洪水, 08年地震) or in a list of such years (97年、98年两次洪水: both; but 期限70年、80年不等 are spans).
_YEAR2_EVENT: Final = (r"(?<![\d.．])(?:[89]\d|0\d)"
                       r"(?=年(?:的)?(?:特大|大)?(?:洪水|洪灾|水灾|旱灾|地震|冰灾|雪灾|金融危机))")
_SPAN_LEADS: Final = "期为达满约近长"  # (为期90年, 长达80年: a span follows)
_YEAR2_LISTED: Final = (rf"(?:(?<![\d.．{_SPAN_LEADS}])[89]\d(?=年、[89]\d年)"
                        rf"|(?<=[89]\d年、)(?<![{_SPAN_LEADS}]\d\d年、)[89]\d(?=年))")
_REDACTED: Final = r"(?:19|20)?(?:_{1,4}|＿{1,4}|[×Xx＊*]{2})"

ABSOLUTE_RE: Final = re.compile(
    rf"(?=[\d〇零一二三四五六七八九两今去明前后本当同上这下次_＿×Xx＊*])"
    rf"(?:(?P<year>{_YEAR4})|(?P<yy>(?:{_YEAR2}){_YEAR2_NEXT}|{_YEAR2_EVENT}|{_YEAR2_LISTED})|(?P<relyear>(?<![以向之往])(?:今|去|明|前|后|本|当|同(?!年[龄级])|上一|上|这一|下一|次)|(?<=以)[今去])(?=年)"
    rf"|(?P<redacted>{_REDACTED})){_AFTER_YEAR}")
NUMERIC_RE: Final = re.compile(r"(?=[12])(?<![\d.])(?P<year>(?:19|20)\d{2})\s*(?P<sep>[-/.])\s*"
                               r"(?P<month>1[0-2]|0?[1-9])"
                               r"(?:\s*(?P=sep)\s*(?P<day>3[01]|[12]\d|0?[1-9]))?(?![\d万亿千百%％‰余多元吨亩人户个头只斤米倍])")
# (1987.6万头, 2020.5吨: a decimal with a multiplier or unit after it is an amount, not 1987年6月)
MONTH_DAY_RE: Final = re.compile(rf"(?=[\d十一二三四五六七八九])(?<![\d年〇零一二三四五六七八九十_＿])"
                                 rf"(?P<month>{_MONTH})月份?"
                                 rf"(?:(?P<day>{_DAY})(?:[日号]|(?![\d〇零一二三四五六七八九十个]))|{_MONTH_PART})?")
RELATIVE_MONTH_RE: Final = re.compile(rf"(?P<relmonth>上个?|上一个?|本|这个|下个?|下一个?|当)月"
                                      rf"(?:(?P<day>{_DAY})[日号]|{_MONTH_PART})?")
RELATIVE_QUARTER_RE: Final = re.compile(r"(?P<relquarter>上个?|上一个?|本|这个|下个?|下一个?|当)季度(?P<qpart>末|初)?")
RELATIVE_DAY_RE: Final = re.compile(r"(?P<relday>今天|昨天|明天|前天|后天|今日|昨日|明日|当天|次日)")
WEEK_RE: Final = re.compile(r"(?=[上本这下周星礼])"
                            r"(?P<week>上个?|本|这个?|下个?)?(?:周|星期|礼拜)(?:星期|周)?(?P<weekday>[一二三四五六日天])")
WHOLE_WEEK_RE: Final = re.compile(r"(?P<wholeweek>上个?|上一|本|这|这一|下个?|下一)(?:周|星期)(?![一二三四五六日天])")
YEAR_SPAN_RE: Final = re.compile(r"(?P<y1>(?:19|20)\d{2})年?\s*(?:至|到|——|—|–|-|~|～)\s*(?P<y2>(?:19|20)\d{2})年")
RECENT_RE: Final = re.compile(rf"(?P<recent>近|过去|最近)(?P<recentn>{_NUMBER})年(?:来|间|中)?")
# 五年来, 三年来 (not 近三年来, 二十多年来 or 三年来说): the last whole years before the time of writing.
YEARS_SINCE_RE: Final = re.compile(rf"(?=[\d〇零一二三四五六七八九十两])"
                                   rf"(?<![\d〇零一二三四五六七八九十两百千万几数多近去最.．])(?P<sincen>{_NUMBER})年来"
                                   rf"(?![说自源看到])")
YEARS_AGO_RE: Final = re.compile(rf"(?=[\d〇零一二三四五六七八九十两])"
                                 rf"(?<![\d〇零一二三四五六七八九十几数])(?P<agon>{_NUMBER})年"
                                 rf"(?P<ago>前|后|以前|以后|之前|之后)")
PLAN_RE: Final = re.compile(r"(?P<plan>十[一二三四五]五)(?:(?P<plansince>以来)|(?![一二三四五六七八九十]))")
CENTURY_RE: Final = re.compile(rf"(?=[上本\d〇零一二三四五六七八九十两])"
                               rf"(?:(?P<thiscentury>上|本)世纪|(?P<century>{_NUMBER})世纪)"
                               rf"(?:(?P<decade>\d0|[二三四五六七八九]十)年代)?(?P<cpart>初|末期|末|前期|中期|后期|中叶)?")
DAY_RANGE_RE: Final = re.compile(rf"(?P<year>{_YEAR4})年(?P<month>{_MONTH})月(?P<d1>{_DAY})[日号]?\s*[-－—至到~～]\s*"
                                 rf"(?P<d2>{_DAY})[日号]")
MONTH_RANGE_RE: Final = re.compile(rf"(?:(?P<year>{_YEAR4})|(?P<mrel>今|去|明|本|上))年"
                                   rf"(?P<m1>{_MONTH})月?\s*(?:——|[-－—至到~～])\s*(?P<m2>{_MONTH})月份?")
HOLIDAY_RE: Final = re.compile(r"(?=[12今去明前后五劳六儿七建八三妇青国元植教圣暑寒])"
                               r"(?:(?P<hyear>(?:19|20)\d{2}年)|(?P<hrel>今|去|明|前|后)年)?"
                               r"(?P<holiday>五一劳动节|劳动节|六一儿童节|儿童节|七一建党节|建党节|"
                               r"八一建军节|建军节|三八妇女节|妇女节|五四青年节|青年节|国庆节|国庆|元旦|植树节|教师节|圣诞节|"
                               r"暑假|寒假)")
HOLIDAYS: Final = {"元旦": (1, 1), "国庆节": (10, 1), "国庆": (10, 1), "劳动节": (5, 1), "五一劳动节": (5, 1),
                   "儿童节": (6, 1), "六一儿童节": (6, 1), "建党节": (7, 1), "七一建党节": (7, 1), "建军节": (8, 1),
                   "八一建军节": (8, 1), "妇女节": (3, 8), "三八妇女节": (3, 8), "植树节": (3, 12), "教师节": (9, 10),
                   "圣诞节": (12, 25), "青年节": (5, 4), "五四青年节": (5, 4)}
SEASONS: Final = {"暑假": (7, 8), "寒假": (1, 2)}
STANDALONE_PART_RE: Final = re.compile(
    rf"(?=[年第首一二三四1-4上下前])"
    rf"(?<![年\d〇零一二三四五六七八九_＿×Xx*＊])(?:年(?P<part>初|底|末|{_MID})|(?P<quarter>{_QUARTER})(?P<qpart>末|初)?"
    rf"|(?P<half>上半年|下半年)|(?<![目提之以])前(?P<firstn>[二三两23])个?(?P<firstunit>季度))")
_LUNAR_DAY: Final = (r"初[一二三四五六七八九十\d]|初\d|廿[一二三四五六七八九]?|二十[一二三四五六七八九]?"
                     r"|十[一二三四五六七八九]?|三十|[一二三四五六七八九]")
LUNAR_RE: Final = re.compile(
    rf"(?=[\d〇零一二三四五六七八九两今去明前后农阴正腊冬闰十大春除元端七中重])"
    rf"(?:(?P<lyear>{_YEAR4})年|(?P<lrel>今|去|明|前|后)年)?(?P<calendar>农历|阴历)?"
    rf"(?:(?P<lmonth>正|腊|冬|闰?(?:十[一二]|[一二三四五六七八九十]|\d{{1,2}}))月(?P<lday>{_LUNAR_DAY}|\d{{1,2}})?"
    rf"|大年(?P<bigday>初[一二三四五六七八九十]|三十)"
    rf"|(?P<festival>春节|除夕|元宵节|元宵|端午节|端午|七夕|中秋节|中秋|重阳节|重阳|腊八节|腊八))")
LUNAR_FESTIVALS: Final = {"春节": (1, 1), "元宵节": (1, 15), "元宵": (1, 15), "端午节": (5, 5), "端午": (5, 5),
                          "七夕": (7, 7), "中秋节": (8, 15), "中秋": (8, 15), "重阳节": (9, 9), "重阳": (9, 9),
                          "腊八节": (12, 8), "腊八": (12, 8)}
SINCE_RE: Final = re.compile(rf"(?:(?P<syear>{_YEAR4})|(?P<srel>今|去|前|本|上))年"
                             rf"(?:(?P<smonth>{_MONTH})月|年?(?P<spart>底|末|初))?(?:以来|至今)")
# 党的十八大以来: national party congresses open the periods policy texts count from.
CONGRESS_RE: Final = re.compile(r"(?<![第届])(?P<congress>十[三四五六七八九]大|二十大)(?P<csince>以来)?")
CONGRESS_OPENING: Final = {"十三大": date(1987, 10, 25), "十四大": date(1992, 10, 12), "十五大": date(1997, 9, 12),
                           "十六大": date(2002, 11, 8), "十七大": date(2007, 10, 15), "十八大": date(2012, 11, 8),
                           "十九大": date(2017, 10, 18), "二十大": date(2022, 10, 16)}
CONNECTOR_RE: Final = re.compile(r"起?\s*(?:至|到|——|—|–|-|－|~|～)\s*")

# Each pattern, in the order its matches are tried, with what it cannot match without: any one group of words, all
# of the group present. A sentence that passes the trigger (之日起 and 年度 do) scans only the patterns it can hold.
_GUARDED: Final[tuple[tuple[re.Pattern[str], tuple[tuple[str, ...], ...]], ...]] = (
    (SINCE_RE, (("年", "以来"), ("年", "至今"))),
    (CONGRESS_RE, (("大",),)),
    (LUNAR_RE, (("月",), ("大年",), ("春节",), ("除夕",), ("元宵",), ("端午",), ("七夕",), ("中秋",), ("重阳",),
                       ("腊八",))),
    (YEAR_SPAN_RE, (("年",),)),
    (WHOLE_WEEK_RE, (("周",), ("星期",))),
    (DAY_RANGE_RE, (("年", "月"),)),
    (MONTH_RANGE_RE, (("年", "月"),)),
    (CENTURY_RE, (("世纪",),)),
    (PLAN_RE, (("五",),)),
    (NUMERIC_RE, (("-",), ("/",), (".",))),
    (ABSOLUTE_RE, (("年",),)),
    (RELATIVE_MONTH_RE, (("月",),)),
    (RELATIVE_QUARTER_RE, (("季度",),)),
    (RELATIVE_DAY_RE, (("天",), ("日",))),
    (WEEK_RE, (("周",), ("星期",), ("礼拜",))),
    (RECENT_RE, (("年",),)),
    (YEARS_SINCE_RE, (("年来",),)),
    (YEARS_AGO_RE, (("年",),)),
    (HOLIDAY_RE, (("节",), ("国庆",), ("元旦",), ("假",))),
    (STANDALONE_PART_RE, (("年",), ("季度",))),
    (MONTH_DAY_RE, (("月",),)),
)
_PATTERNS: Final = tuple(pattern for pattern, _ in _GUARDED)


def _may_match(text: str, needs: tuple[tuple[str, ...], ...]) -> bool:
    return any(all(word in text for word in words) for words in needs)


# Every pattern needs one of these characters or words; a sentence without any has no date (most sentences of a
# law). Two scans, each starting on a character class or on literals, so the engine skips ahead (one alternation of
# both would be tried at every position).
_TRIGGER_CHARS: Final = re.compile(r"[年月日号天周季纪节旬夕宵腊假\d]")
_TRIGGER_WORDS: Final = re.compile(r"十[三四五六七八九]大|二十大|星期|礼拜|十[一二三四五]五"
                                   r"|端午|重阳|七夕|中秋|元旦|国庆")
_RELATIVE_YEARS: Final = {"今": 0, "本": 0, "当": 0, "同": 0, "这一": 0, "去": -1, "上": -1, "上一": -1, "前": -2,
                          "明": 1, "下一": 1, "次": 1, "后": 2}


@dataclass(frozen=True, init=False)
class DateMention:
    start: int
    end: int
    text: str
    kind: str  # absolute | partial | relative | period | redacted
    start_date: date | None
    end_date: date | None
    granularity: str  # day | month | quarter | half | year | period
    redacted: bool

    # (init=False with this __init__: compiled, it sets the fields directly, where the __init__ that dataclass
    # generates runs as interpreted Python, 20 times slower; the class stays frozen, hashable and replace()-able)
    def __init__(self, start: int, end: int, text: str, kind: str, start_date: date | None, end_date: date | None,
                 granularity: str, redacted: bool) -> None:
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)
        object.__setattr__(self, "text", text)
        object.__setattr__(self, "kind", kind)
        object.__setattr__(self, "start_date", start_date)
        object.__setattr__(self, "end_date", end_date)
        object.__setattr__(self, "granularity", granularity)
        object.__setattr__(self, "redacted", redacted)


def find_dates(text: str, reference: date | None = None, stated_year: int | None = None, *,
               folded: str | None = None) -> list[DateMention]:
    """Date mentions in ``text``, resolved against ``reference`` where they need it.

    ``stated_year`` is the year the sentences before stated last: 同年 and 当年 take it (…2021年2月25日…。同年4月6日).
    Full-width digits (２０２０年) are read as half-width, and each mention keeps the text as written; a caller
    that has ``fold_width(text)`` already passes it as ``folded``.
    """
    folded = fold_width(text) if folded is None else folded
    if folded is text:
        return _dates(text, reference, stated_year)
    return [replace(d, text=text[d.start:d.end]) for d in _dates(folded, reference, stated_year)]


def _dates(text: str, reference: date | None, stated_year: int | None) -> list[DateMention]:
    if not (_TRIGGER_CHARS.search(text) or _TRIGGER_WORDS.search(text)):
        return []
    candidates = [m for pattern, needs in _GUARDED if _may_match(text, needs) for m in pattern.finditer(text)
                  if m.group(0).strip()]
    candidates.sort(key=lambda m: (m.start(), -(m.end() - m.start())))
    found: list[DateMention] = []
    taken_until = -1
    for match in candidates:
        if match.start() < taken_until:
            continue
        try:
            anaphoric = stated_year is not None and match.group(0).startswith(("同年", "当年"))
            mention = _resolve(match, date(stated_year, 1, 1) if anaphoric and stated_year is not None else reference)
        except (ValueError, KeyError, OverflowError):
            mention = None
        if mention is not None:
            found.append(mention)
            taken_until = mention.end
    anchored = _anchor_to_stated_year(_merge_ranges(found, text, reference), text)
    return _with_stated_weekday(_same_period(_recent_years_stated(anchored), text), text)


_STATED_WEEKDAY: Final = re.compile(r"\s*[（(](?:星期|周|礼拜)[一二三四五六日天][）)]")


def _with_stated_weekday(found: list[DateMention], text: str) -> list[DateMention]:
    """2020年4月15日（星期三）: the weekday in brackets belongs to the day before it, not to this week."""
    result: list[DateMention] = []
    taken_until = -1
    for mention in found:
        if mention.start < taken_until:
            continue
        weekday = _STATED_WEEKDAY.match(text, mention.end) if mention.granularity == "day" else None
        if weekday is not None:
            mention = replace(mention, end=weekday.end(), text=text[mention.start:weekday.end()])
            taken_until = weekday.end()
        result.append(mention)
    return result


def _same_period(found: list[DateMention], text: str) -> list[DateMention]:
    """去年同期, 2019年同期: that year's stretch matching the part of a year named before (今年1—2月)."""
    result: list[DateMention] = []
    for mention in found:
        if text.startswith("同期", mention.end) and mention.granularity == "year" and mention.start_date:
            earlier = next((m for m in reversed(result) if m.start_date and m.end_date and m.granularity != "year"
                            and m.start_date.year == m.end_date.year), None)
            end = mention.end + 2
            span = (mention.start_date, mention.end_date)
            granularity = mention.granularity
            if earlier is not None and earlier.start_date and earlier.end_date:
                year = mention.start_date.year
                span = (_in_year(earlier.start_date, year), _in_year(earlier.end_date, year))
                granularity = earlier.granularity
            mention = replace(mention, end=end, text=text[mention.start:end], start_date=span[0],
                              end_date=span[1], granularity=granularity)
        result.append(mention)
    return result


def _in_year(day: date, year: int) -> date:
    """The same month and day in ``year``; 29 February becomes the 28th, and a month's last day stays last."""
    last = calendar.monthrange(year, day.month)[1]
    if day.day == calendar.monthrange(day.year, day.month)[1]:
        return date(year, day.month, last)
    return date(year, day.month, min(day.day, last))


_COMPARED_WITH: Final = ("是", "比", "较", "相当于")


def _anchor_to_stated_year(found: list[DateMention], text: str = "") -> list[DateMention]:
    """上年, 当年 and a date without a year (年末, 上半年, 6月30日) follow the year the sentence states
    (2019年…比上年 → 2018; 2018年…当年 → 2018; 2020年前三季度…比上半年 → 2020), not the reference; a year
    the figures are only compared with (2020年…是2015年的1.9倍，比上年…) states nothing."""
    anchored: list[DateMention] = []
    stated: int | None = None
    for mention in found:
        if mention.kind == "absolute" and text.endswith(_COMPARED_WITH, 0, mention.start):
            anchored.append(mention)
            continue
        if mention.start_date is not None and (mention.kind == "absolute" or (
                mention.kind == "period" and mention.end_date is not None
                and mention.start_date.year == mention.end_date.year) or (  # 2024年1—9月…上年同期
                mention.kind == "relative" and mention.text.startswith(("今年", "去年", "前年", "明年")))):
            stated = mention.start_date.year  # 去年底…比上年末: 上年 is the year before 去年
        elif stated is not None and mention.start_date is not None and mention.end_date is not None and \
                (mention.text.startswith(("上年", "当年", "同年")) or mention.kind == "partial"):
            year = stated - 1 if mention.text.startswith("上年") else stated
            shift = year - mention.start_date.year
            with contextlib.suppress(ValueError):
                mention = replace(mention, start_date=mention.start_date.replace(year=mention.start_date.year + shift),
                                  end_date=mention.end_date.replace(year=mention.end_date.year + shift))
        anchored.append(mention)
    return anchored


_STATED_YEAR: Final = re.compile(r"^(?:19|20)\d{2}(?:年|\s*[—–-]\s*(?:19|20)\d{2}年)")
_RECENT_YEARS: Final = re.compile(rf"^(?:近|过去|最近)(?P<n>{_NUMBER})年(?:间|中)?$")


def _recent_years_stated(found: list[DateMention]) -> list[DateMention]:
    """2023年…近三年年均增长7.2% → 2021–2023: the last years of a sentence that states its year end in that year
    (the nearest year stated before it, else the latest after it: 近三年…截至2024年底 → 2022–2024, 过去五年…由2015年
    的…增加到2020年的… → 2016–2020)."""
    years = [(m.start, m.end_date.year) for m in found
             if m.end_date is not None and m.kind != "relative" and _STATED_YEAR.match(m.text)]
    if not years:
        return found
    anchored = []
    for mention in found:
        recent = _RECENT_YEARS.match(mention.text) if mention.kind == "relative" else None
        if recent:
            before = [year for start, year in years if start < mention.start]
            year = before[-1] if before else max(year for start, year in years if start > mention.start)
            count = _int(recent.group("n"))
            mention = replace(mention, start_date=date(year - count + 1, 1, 1), end_date=date(year, 12, 31))
        anchored.append(mention)
    return anchored


def _stated_or_relative_year(relative: str | None, stated: str | None, reference: date | None) -> int | None:
    """The year a word such as 去年 names against ``reference`` (None without one), else the year written out."""
    if relative:
        return reference.year + _RELATIVE_YEARS[relative] if reference is not None else None
    return _int(stated) if stated is not None else None


def _int(text: str) -> int:
    if text.isdigit():
        return int(text)
    if len(text) >= 2 and all(c in _CN_DIGIT for c in text):
        return int("".join(str(int(parse_number(c))) for c in text))
    return int(parse_number(text))


def _last_day(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _month_span(year: int, first: int, last: int) -> tuple[date, date]:
    return date(year, first, 1), _last_day(year, last)


def _shift_month(year: int, month: int, shift: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + shift
    return index // 12, index % 12 + 1


def _resolve(match: re.Match[str], reference: date | None) -> DateMention | None:
    g = {key: value for key, value in match.groupdict().items()}
    text, start, end = match.group(0), match.start(), match.end()

    def mention(kind: str, span: tuple[date, date] | None, granularity: str, redacted: bool = False) -> DateMention:
        first, last = span if span else (None, None)
        return DateMention(start, end, text, kind, first, last, granularity, redacted)

    if match.re is SINCE_RE:
        year = _stated_or_relative_year(g["srel"], g["syear"], reference)
        if year is None:
            return mention("period", None, "period")
        month = _int(g["smonth"]) if g["smonth"] else 11 if g["spart"] in ("底", "末") else 1
        since = date(year, month, 1)  # 去年底以来: from the year-end (November–December) on
        if reference is None or reference < since:
            return mention("period", None, "period")
        return mention("period", (since, reference), "period")
    if match.re is CONGRESS_RE:
        opening = CONGRESS_OPENING[g["congress"]]
        if not g["csince"]:
            return mention("absolute", (opening, opening), "day")
        if reference is None or reference < opening:
            return mention("period", None, "period")
        return mention("period", (opening, reference), "period")
    if match.re is LUNAR_RE:
        return _lunar(g, reference, mention)
    if match.re is YEAR_SPAN_RE:
        first_year, last_year = int(g["y1"]), int(g["y2"])
        return mention("period", (date(first_year, 1, 1), date(last_year, 12, 31)), "period") \
            if first_year < last_year else None
    if match.re is WHOLE_WEEK_RE:
        if reference is None:
            return mention("relative", None, "period")
        shift = -7 if g["wholeweek"].startswith("上") else 7 if g["wholeweek"].startswith("下") else 0
        monday = reference - timedelta(days=reference.weekday()) + timedelta(days=shift)
        return mention("relative", (monday, monday + timedelta(days=6)), "period")
    if match.re is DAY_RANGE_RE:
        year, month = _int(g["year"]), _int(g["month"])
        return mention("period", (date(year, month, _int(g["d1"])), date(year, month, _int(g["d2"]))), "period")
    if match.re is MONTH_RANGE_RE:
        year = _stated_or_relative_year(g["mrel"], g["year"], reference)
        if year is None:
            return mention("relative", None, "period")
        first_month, last_month = _int(g["m1"]), _int(g["m2"])
        return mention("period", _month_span(year, first_month, last_month), "period") \
            if first_month < last_month else None
    if match.re is CENTURY_RE:
        return _century(g, reference, mention)
    if match.re is PLAN_RE:
        plan = _int(g["plan"][:-1])
        plan_year = 1966 + (plan - 3) * 5  # the third plan began in 1966; every plan since runs five years
        if g["plansince"]:
            if reference is None or reference < date(plan_year, 1, 1):
                return mention("period", None, "period")
            return mention("period", (date(plan_year, 1, 1), reference), "period")
        return mention("period", (date(plan_year, 1, 1), date(plan_year + 4, 12, 31)), "period")
    if match.re is HOLIDAY_RE:
        return _holiday(g, reference, mention)
    if match.re is RELATIVE_DAY_RE:
        if reference is None:
            return mention("relative", None, "day")
        offset = {"今天": 0, "今日": 0, "当天": 0, "昨天": -1, "昨日": -1, "明天": 1, "明日": 1, "次日": 1,
                  "前天": -2, "后天": 2}[g["relday"]]
        day = reference + timedelta(days=offset)
        return mention("relative", (day, day), "day")
    if match.re is WEEK_RE:
        if reference is None:
            return mention("relative", None, "day")
        weekday = 6 if g["weekday"] in "日天" else "一二三四五六".index(g["weekday"])
        shift = -7 if (g["week"] or "").startswith("上") else 7 if (g["week"] or "").startswith("下") else 0
        day = reference - timedelta(days=reference.weekday()) + timedelta(days=shift + weekday)
        return mention("relative", (day, day), "day")
    if match.re is RECENT_RE or match.re is YEARS_SINCE_RE:
        recent = match.re is RECENT_RE
        years = _int(g["recentn"] if recent else g["sincen"])
        if not 1 <= years <= 100 and (reference is not None or not recent):
            return None
        if reference is None:
            return mention("relative", None, "period")
        if recent and text.endswith("来"):  # 近三年来: up to the day of writing
            return mention("relative", (date(reference.year - years + 1, 1, 1), reference), "period")
        # 近三年, 过去五年, 五年来 in a report written early in a year: the last whole years before it
        return mention("relative", (date(reference.year - years, 1, 1), date(reference.year - 1, 12, 31)), "period")
    if match.re is YEARS_AGO_RE:
        years = _int(g["agon"])
        if reference is None:
            return mention("relative", None, "year")
        year = reference.year + (-years if "前" in g["ago"] else years)
        return mention("relative", (date(year, 1, 1), date(year, 12, 31)), "year")
    if match.re is RELATIVE_MONTH_RE:
        if reference is None:
            return mention("relative", None, "day" if g["day"] else "month")
        shift = -1 if g["relmonth"].startswith("上") else 1 if g["relmonth"].startswith("下") else 0
        year, month = _shift_month(reference.year, reference.month, shift)
        return _month_detail("relative", year, month, g, mention)
    if match.re is RELATIVE_QUARTER_RE:
        if reference is None:
            return mention("relative", None, "quarter")
        shift = -1 if g["relquarter"].startswith("上") else 1 if g["relquarter"].startswith("下") else 0
        index = reference.year * 4 + (reference.month - 1) // 3 + shift
        return mention("relative", _quarter_span(index // 4, index % 4 + 1, g["qpart"]),
                       "month" if g["qpart"] else "quarter")
    if match.re is NUMERIC_RE:
        year, month = int(g["year"]), int(g["month"])
        if g["day"]:
            day = date(year, month, int(g["day"]))
            return mention("absolute", (day, day), "day")
        if g["sep"] == "/":
            return None  # 2021/3 is more often a fraction or a code than a month
        return mention("absolute", _month_span(year, month, month), "month")
    if match.re is STANDALONE_PART_RE:
        if reference is None:
            return mention("partial", None, "quarter" if g["quarter"] else "half" if g["half"] else
                           "period" if g["firstn"] else "month")
        return _year_part("partial", reference.year, g["part"] or g["half"], g["quarter"], g["qpart"], g["firstn"],
                          g["firstunit"], mention)
    if match.re is MONTH_DAY_RE:
        if reference is None:
            return mention("partial", None, "day" if g["day"] else "month")
        return _month_detail("partial", reference.year, _int(g["month"]), g, mention)
    return _absolute(g, reference, mention)


def _absolute(g: dict, reference: date | None, mention) -> DateMention | None:
    """Year-led expressions: 2021年3月9日, 二〇二一年, 97年4月, 今年年底, 2022年前十一个月, 20__年."""
    if g["redacted"]:
        granularity = "day" if g["day"] else "month" if g["month"] or g["part"] in ("初", "底", "末", "中") else "year"
        return mention("redacted", None, granularity, True)
    kind = "absolute"
    if g["year"]:
        year = _int(g["year"])
    elif g["yy"]:
        two = _int(g["yy"])
        pivot = reference.year if reference is not None else 2000
        year = min((1900 + two, 2000 + two), key=lambda y: (abs(y - pivot), y > pivot))
    else:
        kind = "relative"
        if reference is None:
            return mention(kind, None, "day" if g["day"] else "month" if g["month"] else "year")
        year = reference.year + _RELATIVE_YEARS[g["relyear"]]
    if g["month"]:
        return _month_detail(kind, year, _int(g["month"]), g, mention)
    if g["part"]:
        return _year_part(kind, year, g["part"], g["quarter"], g["qpart"], g["firstn"], g["firstunit"], mention)
    return mention(kind, (date(year, 1, 1), date(year, 12, 31)), "year")


def _month_detail(kind: str, year: int, month: int, g: dict, mention) -> DateMention:
    if g.get("day"):
        day = date(year, month, _int(g["day"]))
        return mention(kind, (day, day), "day")
    part = g.get("mpart")
    last = _last_day(year, month)
    if g.get("firstdays"):
        return mention(kind, (date(year, month, 1), date(year, month, min(_int(g["firstdays"]), last.day))), "day")
    if g.get("lastdays"):
        return mention(kind, (last - timedelta(days=_int(g["lastdays"]) - 1), last), "day")
    if g.get("weekn"):
        first_monday = date(year, month, 1) + timedelta(days=(7 - date(year, month, 1).weekday()) % 7)
        monday = first_monday + timedelta(days=7 * (_int(g["weekn"]) - 1))
        return mention(kind, (monday, monday + timedelta(days=6)), "period")
    if part == "初":
        return mention(kind, (date(year, month, 1), date(year, month, 5)), "day")
    if part in ("底", "末"):
        return mention(kind, (date(year, month, 21), last), "day")  # the last third, as 下旬
    if part in ("上旬", "中旬", "下旬"):
        first_day = {"上旬": 1, "中旬": 11, "下旬": 21}[part]
        end_day = {"上旬": 10, "中旬": 20, "下旬": last.day}[part]
        return mention(kind, (date(year, month, first_day), date(year, month, end_day)), "day")
    return mention(kind, (date(year, month, 1), last), "month")


def _quarter_span(year: int, quarter: int, part: str | None) -> tuple[date, date]:
    first_month = 3 * (quarter - 1) + 1
    if part == "初":
        return _month_span(year, first_month, first_month)
    if part == "末":
        return _month_span(year, first_month + 2, first_month + 2)
    return _month_span(year, first_month, first_month + 2)


_SEASONS: Final = ("春季", "夏季", "秋季")  # (冬季 spans two years and is left out)


def _year_part(kind: str, year: int, part: str | None, quarter: str | None, qpart: str | None,
               firstn: str | None, firstunit: str | None, mention) -> DateMention:
    if quarter:
        number = 1 if "首" in quarter else _int(quarter.strip("第首季度"))
        return mention(kind, _quarter_span(year, number, qpart), "month" if qpart else "quarter")
    if firstn:
        count = _int(firstn)
        months = count * 3 if firstunit == "季度" else count
        return mention(kind, _month_span(year, 1, min(months, 12)), "period")
    spans = {"初": (1, 2), "伊始": (1, 1), "首月": (1, 1), "底": (11, 12), "末": (11, 12), "中": (6, 7),
             "上半年": (1, 6), "下半年": (7, 12), "春季": (3, 5), "夏季": (6, 8), "秋季": (9, 11)}
    first, last = spans.get(part or "", (1, 12))
    granularity = "half" if part in ("上半年", "下半年") else "period" if part in _SEASONS else "month"
    return mention(kind, _month_span(year, first, last), granularity)


def _lunar_day(text: str) -> int:
    text = text.removeprefix("初")
    return 20 + (_int(text[1:]) if len(text) > 1 else 0) if text.startswith("廿") else _int(text)


def _lunar(g: dict, reference: date | None, mention) -> DateMention | None:
    """农历八月十五, 正月初八, 腊月, 2019年春节, 去年中秋: lunar dates, converted with lunarcalendar.

    Without 农历/阴历, a month counts as lunar only in lunar forms (正月, 腊月, 初五, 廿二), so 五月初 stays solar.
    """
    if g["bigday"]:
        g = {**g, "festival": "除夕"} if g["bigday"] == "三十" else {**g, "lmonth": "正", "lday": g["bigday"]}
    lunar_form = bool(g["calendar"] or g["festival"] or (g["lmonth"] or "")[:1] in ("正", "腊", "冬", "闰")
                      or (g["lday"] or "")[:1] in ("初", "廿"))
    if not lunar_form:
        return None
    from lunarcalendar import Converter, Lunar  # imported here: only lunar text pays for it

    if g["lyear"]:
        year, kind = _int(g["lyear"]), "absolute"
    elif reference is not None:
        year, kind = reference.year + (_RELATIVE_YEARS[g["lrel"]] if g["lrel"] else 0), "relative"
    else:
        return mention("relative", None, "day")

    def solar(lunar_year: int, month: int, day: int, leap: bool = False) -> date:
        try:
            converted = Converter.Lunar2Solar(Lunar(lunar_year, month, day, isleap=leap))
        except Exception as error:  # lunarcalendar raises its own DateNotExist for 正月三十 in short months
            raise ValueError(str(error)) from error
        return date(converted.year, converted.month, converted.day)

    if g["festival"] == "除夕" or (g["festival"] and g["festival"] in LUNAR_FESTIVALS):
        if g["festival"] == "除夕":
            day = solar(year + 1, 1, 1) - timedelta(days=1)
        else:
            day = solar(year, *LUNAR_FESTIVALS[g["festival"]])
        return mention(kind, (day, day), "day")
    month_text = g["lmonth"]
    leap = month_text.startswith("闰")
    month_text = month_text.removeprefix("闰")
    month = {"正": 1, "腊": 12, "冬": 11}.get(month_text) or _int(month_text)
    if g["lday"]:
        day = solar(year, month, _lunar_day(g["lday"]), leap)
        return mention(kind, (day, day), "day")
    first = solar(year, month, 1, leap)
    following = solar(year + (month == 12), month % 12 + 1, 1) if not leap else solar(year, month + 1, 1)
    return mention(kind, (first, following - timedelta(days=1)), "month")


def _holiday(g: dict, reference: date | None, mention) -> DateMention:
    name = g["holiday"]
    if g["hyear"]:
        year, kind = int(g["hyear"][:4]), "absolute"
    elif g.get("hrel") and reference is not None:
        year, kind = reference.year + _RELATIVE_YEARS[g["hrel"]], "relative"
    elif reference is not None:
        year, kind = reference.year, "relative"
    else:
        return mention("relative", None, "day")
    if name in SEASONS:
        first, last = SEASONS[name]
        return mention(kind, _month_span(year, first, last), "period")
    month, day = HOLIDAYS[name]
    return mention(kind, (date(year, month, day), date(year, month, day)), "day")


def _century(g: dict, reference: date | None, mention) -> DateMention | None:
    if g["thiscentury"]:
        if reference is None:
            return mention("relative", None, "period")
        century = reference.year // 100 + (0 if g["thiscentury"] == "上" else 1)
    else:
        century = _int(g["century"])
    if not 1 <= century <= 30:
        return None
    first = (century - 1) * 100
    last = first + 99
    if g["decade"]:
        decade = _int(g["decade"][:-1]) * 10 if not g["decade"][0].isdigit() else int(g["decade"])
        first, last = first + decade, first + decade + 9
    part = g["cpart"]
    width = last - first + 1
    if part in ("初", "前期"):
        last = first + max(width // 5, 3) - 1 if width > 10 else first + 2
    elif part in ("末", "末期", "后期"):
        first = last - (max(width // 5, 3) - 1 if width > 10 else 2)
    elif part in ("中期", "中叶"):
        first, last = first + width // 3, last - width // 3
    kind = "relative" if g["thiscentury"] else "period"
    return mention(kind, (date(max(first, 1), 1, 1), date(last, 12, 31)), "period")


def _merge_ranges(found: list[DateMention], text: str, reference: date | None) -> list[DateMention]:
    """2017年8月至11月, 2008年——2018年, 上周三到这周二: two dates joined by 至/到/— as one period.

    A second date without a year takes the first one's year (it was resolved against the reference).
    """
    merged: list[DateMention] = []
    for mention in found:
        previous = merged[-1] if merged else None
        if previous is not None and previous.start_date is not None and mention.start_date is not None and \
                mention.end_date is not None and CONNECTOR_RE.fullmatch(text, previous.end, mention.start) and \
                not previous.redacted:
            second = mention
            if mention.kind == "partial" and previous.start_date.year != mention.start_date.year:
                try:
                    second = replace(mention, start_date=mention.start_date.replace(year=previous.start_date.year),
                                     end_date=mention.end_date.replace(year=previous.start_date.year))
                except ValueError:
                    second = mention
            if second.end_date is not None and second.end_date >= previous.start_date:
                merged[-1] = DateMention(previous.start, mention.end, text[previous.start:mention.end], "period",
                                         previous.start_date, second.end_date, "period", False)
                continue
        merged.append(mention)
    return merged
