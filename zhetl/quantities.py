"""Quantities: numbers with their bounds, unit and kind, found in a sentence.

A quantity is a numeral (Arabic, Chinese or mixed, with 万/亿 multipliers), optionally a range, wrapped
in approximation and bound words, and followed by a unit. ``value`` is in base units (40.6466万人 →
406466 人); for a range it is the midpoint, with ``value_min``/``value_max`` the ends. Years, ordinals,
list markers, idioms, codes and redactions are not quantities.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from itertools import pairwise
from typing import Final

from zhetl.numerals import ARABIC, BIG_UNITS, CN_NUMERAL_CHARS, SMALL_UNITS, fold_width, parse_number

_MULT: Final = r"(?:万亿|千亿|百亿|十亿|亿|千万|百万|十万|万|千(?![瓦米克伏])|百)"
_CN_RUN: Final = rf"[{CN_NUMERAL_CHARS}]+(?:[点點][{CN_NUMERAL_CHARS}]+)?"
# The tail after a multiplier never eats the 千 of a unit (4.5万千瓦 is 4.5万 千瓦).
_NUM: Final = rf"(?:{ARABIC}(?:{_MULT}(?:[\d零{CN_NUMERAL_CHARS}]*(?<![零])(?<!千(?=[瓦米克])))?)?|{_CN_RUN})"
_FUZZY: Final = r"(?:多|余|来|几)"
_RANGE_SEP: Final = r"(?:-|—|–|~|～|至|到)"

COUNT_UNITS: Final = ("人次", "人份", "户次", "村次", "场次", "车次", "架次", "趟次", "件次", "剂次", "架", "趟", "部",
                      "棒", "单", "户", "口人", "人", "桌", "股", "枚", "票", "眼", "对", "例", "粒", "款", "个位次",
                      "位次", "批次", "台次", "台套", "笔", "档", "宗", "镇", "乡", "省", "县", "家次", "门",
                      "名", "口", "家", "所", "项", "件", "次", "场", "个", "村", "期", "羽", "尾", "匹",
                      "座", "辆", "台", "张", "条", "批", "位", "支", "只", "头", "株", "棵", "种", "类", "处", "栋",
                      "篇", "册", "本", "方面", "部分", "组", "句", "遍", "起", "袋", "桶", "箱", "颗", "首", "轮",
                      "层", "份", "幅", "省区市", "省市", "盏", "轮次", "艘", "列",
                      "标箱")  # (中欧班列开行4860列, 吞吐量300万标箱)
# A price or rate per thing (19元/斤, 1.2万立方米/日, 650公斤/亩) keeps the per-unit in its unit.
_PER: Final = ("斤", "公斤", "千克", "吨", "亩", "人", "户", "月", "天", "日", "年", "平方米", "头", "只", "小时",
               "千瓦时", "度", "瓦", "千瓦", "立方米")
MONEY_UNITS: Final = ("万亿元", "亿元", "千万元", "百万元", "万元", "千元", "元", "圆", "美元", "欧元", "英镑", "日元",
                      "港元", "人民币", "块钱", "块", *(f"元/{per}" for per in _PER))
MEASURE_UNITS: Final = ("平方公里", "平方千米", "平方米", "立方米", "公顷", "公里", "千米", "米", "公斤", "千克", "克",
                        "吨", "亩次", "斤", "亩", "套", "间", "马力", "吨标准煤", "吨标煤", "千瓦时", "千瓦", "兆瓦",
                        "吉瓦", "千伏安", "千伏", "摄氏度", "℃",
                        "微克/立方米", "毫克/立方米", "克/千克", "毫克/千克", "克/公斤", "度", "升", "毫升", "厘米",
                        "毫米", "担", "Mbps", "Gbps", "M", "分",
                        *(f"{what}/{per}" for what in ("立方米", "吨", "公斤", "千克", "斤")
                          for per in ("日", "天", "亩", "小时")))
RATIO_UNITS: Final = ("倍",)
DURATION_UNITS: Final = ("个多月", "个多小时", "个多星期",
                         "个月", "个小时", "个星期", "个季度", "个工作日", "工作日", "年", "周年", "天", "日",
                         "小时", "分钟", "秒钟", "周", "星期", "季度", "学时", "课时")
AGE_UNITS: Final = ("周岁", "岁")
_CURRENCY: Final = {"美元": "USD", "欧元": "EUR", "英镑": "GBP", "日元": "JPY", "港元": "HKD"}

_ALL_UNITS: Final = sorted({*COUNT_UNITS, *MONEY_UNITS, *MEASURE_UNITS, *DURATION_UNITS, *AGE_UNITS, *RATIO_UNITS},
                           key=len, reverse=True)
_UNIT: Final = "(?:" + "|".join(map(re.escape, _ALL_UNITS)) + ")"

# 约 and 近 end words too (村规民约|12个, 签约|3个项目, 附近|3个村): then they are no "about" (but
# 折合|约66.5亿元 is).
_PREFIX: Final = (r"(?P<prefix>将近|大约|大概|(?<![公条契节制预签违履民特邀相集简婚])(?<![^折]合)约|"
                  r"(?<![接附最临邻就靠亲])近|"
                  r"(?<!不)(?<!不得)(?<!不能)(?<!不应)超过|(?<![不赶])超(?=\d)|"
                  r"逾|不到|不足|最多)?")
# (高达45.2%: "as high as" stays out of the span and sets no bound, as every development reading has it.)
# Bound words that stand apart from the number: they set a bound (不少于2次: value_min 2; 接近三成: at most 30, about);
# the most common of them join the span afterwards (SPAN_BOUND_WORDS, below).
_OUTER_BOUNDS: Final = {"不少于": "min", "不低于": "min", "至少": "min", "突破": "min", "不超过": "max",
                        "不高于": "max", "接近": "max",
                        "不得超过": "max", "不能超过": "max", "不应超过": "max", "不得低于": "min", "不得少于": "min",
                        "不多于": "max", "至多": "max",
                        # after the longer words that end the same way (不低于 before 低于): 收入低于6000元的农户,
                        # 年满60周岁, 保险金额最高10万元, 贷款期限最长3年
                        "低于": "max", "年满": "min", "满": "min", "最高": "max", "最长": "max", "最多": "max"}
# The same words with a phrase between them and the figure (不低于当地低保标准的1.3倍, 每月至少入户走访1次, 最高可达
# 300万元): still the figure's bound when it is the first figure after them in the clause.
# (Every alternative starts on a literal, the look-behinds follow 低于, so the engine skips ahead to a possible start.)
_BOUNDS_ACROSS: Final = re.compile(r"不低于|不得低于|不少于|不得少于|至少|不超过|不得超过|不高于|不足|最高可达|"
                                   r"最多可达|"
                                   r"低于(?<!不低于)(?<!不得低于)|不到")
_CEILINGS_BEFORE_OF: Final = frozenset({"低于",
                                        "不到"})  # only as the bound of a share or multiple of something (…的70%)
_PERCENT: Final = rf"(?:百分之(?P<cnpct>{_CN_RUN})|(?P<pct>{_NUM})\s*(?P<pctsign>[%％‰]))"
_RANGE_PERCENT: Final = rf"(?:(?P<rlo>{_NUM})[%％]?\s*{_RANGE_SEP}\s*(?P<rhi>{_NUM})\s*(?P<rpctsign>[%％]))"
_PLAIN: Final = (rf"(?:(?P<lo>{_NUM}){_FUZZY}?\s*{_RANGE_SEP}\s*)?(?P<num>{_NUM})(?P<fuzzy>{_FUZZY})?"
                 rf"(?P<mult2>{_MULT})?(?P<fuzzy2>{_FUZZY})?\s*(?P<unit>个多百分点|个百分点|{_UNIT})?")
_SUFFIX: Final = r"(?P<suffix>左右|上下|及以上|及以下|以上|以下|以内|之多|有余|出头|多|内(?![容部外地涵]))?"

_FRACTION: Final = (rf"(?:(?P<fden>{_CN_RUN}|{ARABIC})分之(?P<fnum>{_CN_RUN}|{ARABIC})"
                    rf"|(?<![\d/])(?P<fa>\d{{1,3}})/(?P<fb>\d{{1,3}})(?![\d/]))")
_CHENG: Final = rf"(?P<cheng>{_CN_RUN}|{ARABIC})成(?P<chenghalf>半)?(?![员为功立绩本果效都年长就熟形型片套批交品])"
# Every match starts with one of these; the lookahead lets the regex engine skip other positions at C speed.
_FIRST_CHARS: Final = rf"(?=[将接大约近超逾不最高多百\d０-９{CN_NUMERAL_CHARS}])"
QUANTITY_RE: Final = re.compile(rf"{_FIRST_CHARS}{_PREFIX}"
                                rf"(?:{_RANGE_PERCENT}|{_PERCENT}|{_FRACTION}|{_CHENG}|{_PLAIN}){_SUFFIX}")
# QUANTITY_RE's groups in order: _build unpacks match.groups(), a tuple, where groupdict built a dict of all 20 for
# every match (1.1 µs against 0.2 µs). A test holds this list to the pattern.
QUANTITY_GROUPS: Final = ("prefix", "rlo", "rhi", "rpctsign", "cnpct", "pct", "pctsign", "fden", "fnum", "fa", "fb",
                          "cheng", "chenghalf", "lo", "num", "fuzzy", "mult2", "fuzzy2", "unit", "suffix")

# 几年, 十几亩, 几千万, 半年, 四五户, 三四个小时: numbers written as a vague amount, a half or two neighbours.
_VAGUE: Final = (r"(?P<vague>十几|几十|几百|几千|几万|几十万|几百万|几千万|几亿|几|数十|数百|数千|数万|数十万|数百万|"
                 r"数千万|数亿|半|"
                 r"[一二三四五六七八九两][二三四五六七八九两])")
VAGUE_RE: Final = re.compile(rf"(?=[将接大约近超逾不最高多十几数半一二三四五六七八九两])"
                             rf"{_PREFIX}{_VAGUE}(?P<vmult>[十百千万亿]{{0,2}})(?P<vfuzzy>多)?\s*(?P<vunit>{_UNIT})?"
                             rf"(?P<vfuzzy2>多)?(?P<vlai>来)?")
# Every vague amount holds 几, 数, 半 or two neighbouring digits (四五户); VAGUE_RE starts on a look-ahead, so the
# engine tries it at every position: these tests skip it for most sentences.
_NEIGHBOUR_DIGITS: Final = re.compile(r"[一二三四五六七八九两][二三四五六七八九两]")


def _may_hold_vague(text: str) -> bool:
    return "几" in text or "数" in text or "半" in text or _NEIGHBOUR_DIGITS.search(text) is not None


_DURATION_SINCE: Final = re.compile(r"来(?![说自源看到])")

_IDIOMS: Final = ("一心一意", "一步一个脚印", "一个又一个", "一批又一批", "一项又一项", "一代又一代", "一年又一年",
                  "一天天", "一次次", "一个个", "一项项", "三心二意", "一五一十", "十全十美", "万无一失", "千方百计",
                  "千家万户", "千千万万", "一如既往", "一以贯之", "一体", "统一", "唯一", "同一", "第一", "万一",
                  "一起", "一直", "一定", "一切", "一般", "一致", "一道", "一些", "一样", "一系列", "一线", "一方面",
                  "进一步", "一把手", "两不愁", "三保障", "一带一路", "三农", "五位一体", "四个全面", "一是", "二是",
                  "三是", "四是", "五是", "六是", "七是", "八是", "九是", "十是", "百姓", "万物", "千里", "十分",
                  "一点", "一下", "一番", "一手", "一边", "一面", "一时", "一度", "一同", "一向", "一再", "一举",
                  "百年一遇", "千年一遇", "一朝一夕", "三番五次", "三五成群", "三天两头", "七上八下", "四面八方",
                  "五湖四海", "千百年", "千百万", "成千上万", "千千万", "九年义务教育", "九年一贯制", "学前三年",
                  "二次返利", "二次分配", "二次分红", "二次创业", "二次开发", "四类重点对象", "两项补贴", "三项制度",
                  "五个振兴", "五个一批", "三个一批", "四个不摘", "六个精准", "三支一扶", "三次产业", "千吨万人",
                  "三天打鱼", "两天晒网", "三格式", "零部件", "零配件", "四套班子", "四大班子")
_IDIOM_REACH: Final = max(map(len, _IDIOMS)) - 1  # how far before or after a number an idiom holding it can reach


# Any idiom, the longest first where several start at one position. A figure's window is searched with it from one
# idiom's start to the next, where a search for each of the 111 idioms took 16,000 instructions for every
# Chinese-numeral figure (1.7% of all).
_ANY_IDIOM: Final = re.compile("|".join(sorted(_IDIOMS, key=lambda idiom: (-len(idiom), idiom))))


_HOTLINE: Final = re.compile(r"[^，。；\d]{0,8}?(?:热线|电话|专线|号码|短信|服务号)")
_BOOK_TITLE: Final = re.compile(r"《[^《》]{1,60}》")


@dataclass(frozen=True, init=False)
class Quantity:
    start: int
    end: int
    text: str
    value: float
    value_min: float | None
    value_max: float | None
    approximate: bool
    unit: str
    kind: str
    currency: str | None = None

    # (init=False with this __init__: compiled, it sets the fields directly, where the __init__ that dataclass
    # generates runs as interpreted Python, 20 times slower; the class stays frozen, hashable and replace()-able)
    def __init__(self, start: int, end: int, text: str, value: float, value_min: float | None, value_max: float | None,
                 approximate: bool, unit: str, kind: str, currency: str | None = None) -> None:
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)
        object.__setattr__(self, "text", text)
        object.__setattr__(self, "value", value)
        object.__setattr__(self, "value_min", value_min)
        object.__setattr__(self, "value_max", value_max)
        object.__setattr__(self, "approximate", approximate)
        object.__setattr__(self, "unit", unit)
        object.__setattr__(self, "kind", kind)
        object.__setattr__(self, "currency", currency)


# 壹佰捌拾壹圆柒角, 壹拾壹元整: amounts written out as on cheques and in budgets.
_CHEQUE_RE: Final = re.compile(rf"(?P<yuan>{_CN_RUN}|{ARABIC})[元圆](?:(?P<jiao>[{CN_NUMERAL_CHARS}\d])角)?"
                               rf"(?:(?P<fen>[{CN_NUMERAL_CHARS}\d])分)?(?P<zheng>[整正])?")


def _cheque_amounts(text: str) -> list[Quantity]:
    # Each amount kept holds 元 or 圆 and one of 角, 分, 整, 正: most sentences lack either, and are not scanned
    # (the pattern starts on a group, so the engine would try it at every position).
    if not ("元" in text or "圆" in text) or not ("角" in text or "分" in text or "整" in text or "正" in text):
        return []
    found = []
    for match in _CHEQUE_RE.finditer(text):
        if not (match.group("jiao") or match.group("fen") or match.group("zheng")):
            continue
        try:
            value = _num(match.group("yuan"))
            value += _num(match.group("jiao")) / 10 if match.group("jiao") else 0
            value += _num(match.group("fen")) / 100 if match.group("fen") else 0
        except (ValueError, KeyError):
            continue
        found.append(Quantity(match.start(), match.end(), match.group(0), round(value, 2), None, None, False, "元",
                              "money", "CNY"))
    return found


# 2.5:1, 2.5∶1: a ratio to one (产值之比达到2.5:1) is a fraction with the first term as its value; a clock time
# (8:10) or a score (3:2) never ends in a lone 1.
_RATIO_TO_ONE_RE: Final = re.compile(r"(?<![\d.:：∶])(?P<first>\d+(?:\.\d+)?)[:：∶]1(?![\d.:：∶])"
                                     r"|(?<![零〇一二三四五六七八九十两点])(?P<cnfirst>[一二三四五六七八九十两]+(?:点[零〇一二三四五六七八九]+)?)"
                                     r"比一(?![零〇一二三四五六七八九十点])")  # (城乡居民收入比缩小到二点一五比一)


def _ratios_to_one(text: str) -> list[Quantity]:
    found = []
    for match in _RATIO_TO_ONE_RE.finditer(text):
        try:
            value = float(match.group("first")) if match.group("first") else _num(match.group("cnfirst"))
        except (ValueError, KeyError):
            continue
        found.append(Quantity(match.start(), match.end(), match.group(0), value, None, None, False, "", "fraction"))
    return found


_STRUCTURE_RE: Final = re.compile(r"(?<![\d.:：∶])\d+(?:\.\d+)?(?:[:：∶]\d+(?:\.\d+)?){2,}(?![\d.:：∶])")
_STRUCTURE_TERM: Final = re.compile(r"\d+(?:\.\d+)?")


def _structure_terms(text: str) -> list[Quantity]:
    """三次产业结构由8.3:40.1:51.6调整为8.0:39.3:52.7: each term of a structure in decimals is a share in percent
    (every annotator split them); whole-number ratios (按5:3:2比例分担) are no shares."""
    found = []
    for match in _STRUCTURE_RE.finditer(text):
        if "." not in match.group(0):
            continue
        for term in _STRUCTURE_TERM.finditer(match.group(0)):
            start, end = match.start() + term.start(), match.start() + term.end()
            found.append(Quantity(start, end, term.group(0), float(term.group(0)), None, None, False, "", "percent"))
    return found


# Every pattern below needs one of these characters; a third of all sentences have none.
_ANY_NUMERAL: Final = re.compile(rf"[\d{CN_NUMERAL_CHARS}几数半]")


_REDACTED_AMOUNT: Final = re.compile(r"(?<![A-Za-z])(?:\d+[.．])?(?:[_＿]+|[×X]+)(?:[.．](?:\d+|[_＿×X]+))?"
                                     r"(?P<unit>(?:万亿|亿|万|千)?元|万?人次|万?人|万?户|万?吨|万?亩|%|％)")


def redacted_amounts(text: str) -> list[tuple[int, int, str]]:
    """涉农贷款余额达到__亿元, 增长X.X%, 1.X万元: figures whose digits were blanked out, with their units.

    They are no quantities (no value can be read), but what they measure still names the clause after them
    (…达到××亿元，增长8%左右: the growth is of the figure blanked out).
    """
    if "_" not in text and "＿" not in text and "×" not in text and "X" not in text:
        return []  # (most sentences: no regex run)
    return [(m.start(), m.end(), m.group("unit")) for m in _REDACTED_AMOUNT.finditer(text)]


def find_quantities(text: str, blocked: list[tuple[int, int]] | None = None, *,
                    folded: str | None = None) -> list[Quantity]:
    """Quantities in ``text``; spans in ``blocked`` (dates, redactions) are never quantities.

    Full-width figures (１２．６％) are read as their half-width forms, and each mention keeps the text as written;
    a caller that has ``fold_width(text)`` already passes it as ``folded``.
    """
    folded = fold_width(text) if folded is None else folded
    if folded is text:
        return _with_bound_words([_tidy_values(q) for q in _quantities(text, blocked)], text)
    return _with_bound_words([_tidy_values(replace(q, text=text[q.start:q.end])) for q in _quantities(folded, blocked)],
                             text)


# Bound words a figure's mention takes in (突破30亿元, 不低于55%, 接近三成), as 超过, 逾 and 近 always were: readers
# who had only the specification put them inside the span 190 times against 21 (the notes-trained sets left them
# out). They still set value_min or value_max; the words stay tokens of their own for the metric rules.
# (年满60周岁, 最高10万元, 最长3年 keep theirs outside; longest first, so 不低于 is found before 低于)
_BOUNDS_KEPT_OUT: Final = frozenset({"年满", "满", "最高", "最长", "最多"})
SPAN_BOUND_WORDS: Final = tuple(sorted((w for w in _OUTER_BOUNDS if w not in _BOUNDS_KEPT_OUT), key=len, reverse=True))


def bound_word_length(quantity: Quantity) -> int:
    """How many characters of the mention are a bound word before the figure (突破30亿元 → 2, 30亿元 → 0)."""
    return next((len(word) for word in SPAN_BOUND_WORDS if quantity.text.startswith(word)), 0)


def _with_bound_words(quantities: list[Quantity], text: str) -> list[Quantity]:
    """Each figure with the bound word that touches it taken into its span (its bound is set already)."""
    extended: list[Quantity] = []
    for quantity in quantities:
        word = next((w for w in SPAN_BOUND_WORDS if text.endswith(w, 0, quantity.start)), None)
        start = quantity.start - len(word) if word else quantity.start
        if word is None or bound_word_length(quantity) or (extended and extended[-1].end > start):
            extended.append(quantity)
            continue
        extended.append(replace(quantity, start=start, text=text[start:quantity.end]))
    return extended


def _tidy(value: float) -> float:
    return float(f"{value:.15g}")


def _tidy_bound(value: float | None) -> float | None:
    return None if value is None else _tidy(value)


def _tidy_values(quantity: Quantity) -> Quantity:
    """17.4亿元 is 1,740,000,000 yuan, not the 1739999999.9999998 that 17.4 × 1e8 gives in binary floating point:
    values keep fifteen significant digits, which drops the binary noise and more than any report states (a
    fraction such as 三分之一 stays the exact ratio)."""
    if quantity.kind == "fraction":
        return quantity
    value, low, high = _tidy(quantity.value), _tidy_bound(quantity.value_min), _tidy_bound(quantity.value_max)
    if (value, low, high) == (quantity.value, quantity.value_min, quantity.value_max):
        return quantity
    return replace(quantity, value=value, value_min=low, value_max=high)


# 第十二条, 第三款, （三）, 一、: article numbers and list markers hold numerals but are never figures. The marks
# inside a sentence start on literals, so the engine skips ahead to them; a list marker can only open the sentence.
_ORDINAL_MARKS: Final = re.compile(r"第[零〇一二三四五六七八九十百千\d]+[条款项章节编目]"
                                   r"|（[一二三四五六七八九十]{1,3}[）)]"
                                   r"|\([一二三四五六七八九十]{1,3}[）)]")
_OPENING_LIST_MARKER: Final = re.compile(r"\s*[一二三四五六七八九十]+、")


def _without_ordinals(text: str) -> str:
    """``text`` with its article numbers and list markers taken out."""
    opening = _OPENING_LIST_MARKER.match(text)
    return _ORDINAL_MARKS.sub("", text[opening.end():] if opening else text)


def _may_hold_ordinals(text: str) -> bool:
    """Every article number or list marker holds 第, a bracket or 、 (most sentences of a report hold none)."""
    return "第" in text or "（" in text or "(" in text or "、" in text


def _quantities(text: str, blocked: list[tuple[int, int]] | None) -> list[Quantity]:
    # A sentence whose only numerals are article numbers (laws number every article) holds no figure; checked
    # first because the rules below cost far more (identical output on 4.4M characters of laws and the gold sets).
    if not _ANY_NUMERAL.search(text) or \
            (_may_hold_ordinals(text) and not _ANY_NUMERAL.search(_without_ordinals(text))):
        return []
    blocked = list(blocked or []) + [(m.start(), m.end()) for m in _BOOK_TITLE.finditer(text)]
    found: list[Quantity] = [q for q in _cheque_amounts(text)
                             if not any(s < q.end and q.start < e for s, e in blocked)]
    if _may_hold_vague(text):
        found += [q for q in (_safe_vague(m, text) for m in VAGUE_RE.finditer(text)) if q is not None
                  and not any(s < q.end and q.start < e for s, e in blocked + [(f.start, f.end) for f in found])]
    rare = (_bare_unit_above(text) if "以上" in text else []) + \
        (_ratios_to_one(text) if "比一" in text or ":1" in text or "：1" in text or "∶1" in text else []) + \
        (_halves(text) if "一半" in text else []) + \
        (_structure_terms(text) if ":" in text or "：" in text or "∶" in text else [])
    found += [q for q in _bare_multipliers(text) + rare if not any(s < q.end and q.start < e for s, e in blocked)]
    taken = [(q.start, q.end) for q in found]
    for match in QUANTITY_RE.finditer(text):
        if not match.group(0).strip():
            continue
        try:
            quantity = _build(match, text)
        except (ValueError, KeyError):
            continue  # not a well-formed numeral after all (十一十二)
        if quantity is None:
            continue
        if any(s < quantity.end and quantity.start < e for s, e in blocked + taken):
            continue
        if _session_ordinal(quantity, text):
            continue
        found.append(_with_sign(_with_since(_with_half(_outer_bound(quantity, text), text), text), text))
    found.sort(key=lambda q: q.start)
    if "表" in text or "图" in text:
        found = [q for q in found if not (q.start and text[q.start - 1] in "表图" and _is_reference(text, q.start))]
    if "省" in text:  # 中部六省, 东北三省: a region's name, not a count of provinces
        found = [q for q in found if not (q.unit == "省" and text[max(0, q.start - 2):q.start] in _REGIONS)]
    if "-" in text or "－" in text:  # 项目代码2020-530100-48-01-012345, ICP备05001234号-1: codes, not figures
        codes = [(m.start(), m.end()) for m in _CODE_CHAIN.finditer(text)]
        found = [q for q in found if not any(s <= q.start and q.end <= e for s, e in codes)]
    if "[" in text or "［" in text:  # 地区生产总值[1]: a footnote mark, not a figure
        found = [q for q in found if not (q.text.isdigit() and q.start and text[q.start - 1] in "[［"
                                          and text[q.end:q.end + 1] in ("]", "］"))]
    if "半" in text:  # 3个半小时 holds the 半小时 found on its own
        found = [q for q in found if not any(o.start <= q.start and q.end <= o.end and o.end - o.start > q.end - q.start
                                             for o in found)]
    if "村" in text:
        found = [_without_village_unit(q, text) for q in found]
    found = _with_zero_ends(found, text, blocked)
    if "零" in text or "0" in text:
        found = _stated_zeros(found, text, blocked)
    found = _shared_points(_joined_ranges(found, text), text)
    found = _bounded_across(found, text) if _BOUNDS_ACROSS.search(text) else found
    return _loosely_about(found, text) if "约" in text else found


_LIST_JOINERS: Final = ("和", "、", "与", "及")
_REGIONS: Final = frozenset({"东部", "中部", "西部", "东北", "华北", "华东", "华南", "华中", "西北", "西南"})
# 约 on the verb, not on the figure: 约占六成, 约为上年的1.5倍, 大约有…, 平均租金约每亩650元 (never 签约, 约定, 节约)
_ABOUT_VERBS: Final = re.compile(r"约占|约为|约合|约有|约达|约是|约等于|约相当于|大约|约(?=每)")


def _bounded_across(found: list[Quantity], text: str) -> list[Quantity]:
    """不低于当地低保标准的1.3倍, 每户至少有1名劳动力, 分别不少于8020万亩和6850万亩: a bound word earlier in the
    clause bounds the first figure after it and the figures listed right after that one."""
    for index, quantity in enumerate(found):
        if quantity.value_min is not None or quantity.value_max is not None:
            continue
        words = list(_BOUNDS_ACROSS.finditer(text, _clause_start(text, quantity.start), quantity.start))
        if not words:
            continue
        first = _list_start(found, index, words[-1].end(), text)
        if first is None or _ANY_NUMERAL.search(_without_idioms(text[words[-1].end():first])):
            continue  # (another figure, or a date, stands between the word and this one; 一般 is no figure)
        if words[-1].group(0) in _CEILINGS_BEFORE_OF and not text.endswith("的", 0, quantity.start):
            continue  # 低于设计值的70%, 不到承诺数的一半 (but 低于全国2个百分点 is a gap)
        ceiling = words[-1].group(0) in ("不超过", "不得超过", "不高于", "不足", "最高可达", "最多可达", "低于", "不到")
        found[index] = replace(quantity, value_max=quantity.value) if ceiling else \
            replace(quantity, value_min=quantity.value)
    return found


def _without_idioms(text: str) -> str:
    """The text with words that hold a numeral character but no figure (一般, 统一, 第一) taken out."""
    for idiom in _IDIOMS:
        if idiom in text:
            text = text.replace(idiom, "")
    return text


def _clause_start(text: str, position: int, marks: str = "，。；,;：:") -> int:
    """Where the clause holding ``position`` starts: after the last mark before it (colons too, by default)."""
    return max(text.rfind(mark, 0, position) for mark in marks) + 1


def _list_start(found: list[Quantity], index: int, anchor: int, text: str) -> int | None:
    """Where the list that ``found[index]`` closes starts, when it is the first figure after ``anchor`` or is
    listed right after that one (A、B和C); None when another figure stands between."""
    chain = [*(f for f in found[:index] if f.start >= anchor), found[index]]
    if any(text[a.end:b.start] not in _LIST_JOINERS for a, b in pairwise(chain)):
        return None
    return chain[0].start


def _loosely_about(found: list[Quantity], text: str) -> list[Quantity]:
    """约占六成, 分别约为860吨和120吨: 约 on the verb makes the first figure after it approximate, and the figures
    listed right after that one (分别约为A和B), as if it were glued to them; so does 约 glued to a list's first
    figure (约39%、10%和6%)."""
    for index, quantity in enumerate(found):
        if quantity.approximate:
            continue
        head = index
        while head and text[found[head - 1].end:found[head].start] in _LIST_JOINERS:
            head -= 1
        if head < index and found[head].text.startswith(("约", "大约")):
            found[index] = replace(quantity, approximate=True)  # 分别贡献了约39%、10%和6%
            continue
        verbs = list(_ABOUT_VERBS.finditer(text, _clause_start(text, quantity.start), quantity.start))
        if verbs and _list_start(found, index, verbs[-1].end(), text) is not None:
            found[index] = replace(quantity, approximate=True)
    return found


def _shared_points(found: list[Quantity], text: str) -> list[Quantity]:
    """分别提高14个和17个百分点, 提高41.7和25.4个百分点: the first figure of the pair shares the second's 百分点."""
    for index in range(len(found) - 2, -1, -1):  # backwards, so a list passes 百分点 along: 1.2、0.3和2.1个百分点
        first, second = found[index], found[index + 1]
        if first.unit in ("个", "") and second.unit == "个百分点" and text[first.end:second.start] in _LIST_JOINERS:
            found[index] = replace(first, unit="个百分点", kind="ppoint", currency=None)
    return found


def _session_ordinal(quantity: Quantity, text: str) -> bool:
    """十三届全国人大二次会议: the second session of a congress, not two meetings."""
    return quantity.unit == "次" and text.startswith(("会议", "全会", "全体会议"), quantity.end) and \
        "届" in text[max(0, quantity.start - 12):quantity.start]


# 1年半, 两个半月, 3倍半: a half after the unit adds one half of it.
_HALF_AFTER: Final = ("年", "倍", "天", "小时", "个")
_HALF_OF: Final = {"月": "个月", "小时": "个小时", "星期": "个星期"}  # 两个半月, 3个半小时


def _with_half(quantity: Quantity, text: str) -> Quantity:
    if text[quantity.end:quantity.end + 1] != "半" or quantity.unit not in _HALF_AFTER or quantity.value_min \
            is not None or quantity.value_max is not None:
        return quantity
    if quantity.unit == "个":
        rest = next((word for word in _HALF_OF if text.startswith(word, quantity.end + 1)), None)
        if rest is None:
            return quantity  # 两个半…, not a span of time
        unit, end = _HALF_OF[rest], quantity.end + 1 + len(rest)
    else:
        unit, end = quantity.unit, quantity.end + 1
        if text[end:end + 1] in ("年", "月", "天", "数", "径", "价", "成", "导", "岛", "小"):
            return quantity  # 1年半年, 3倍半径: 半 starts another word
    return Quantity(quantity.start, end, text[quantity.start:end], quantity.value + 0.5, None, None,
                    quantity.approximate, unit, _kind(unit)[0], quantity.currency)


def _without_village_unit(quantity: Quantity, text: str) -> Quantity:
    """数百万|村干部, 2.1万|村民: 村 that starts the next word is no unit of the figure before it."""
    if quantity.unit != "村" or text[quantity.end:quantity.end + 1] not in tuple("干民级庄委务"):
        return quantity
    return Quantity(quantity.start, quantity.end - 1, quantity.text[:-1], quantity.value, quantity.value_min,
                    quantity.value_max, quantity.approximate, "", quantity.kind, quantity.currency)


_JOINERS: Final = frozenset({"至", "到", "-", "—", "–", "~", "～", "－"})
# 减少4.2万人至131.3万人: a change by the first figure to a level ten times larger, not a range (but 每年增加
# 3000元至5000元 is one).
_BY_HOW_MUCH: Final = ("减少", "增加", "下降", "提高", "增长", "降低", "上升", "扩大", "缩小", "净减", "净增")


def _joined_ranges(found: list[Quantity], text: str) -> list[Quantity]:
    """3500元至4500元: two figures in one unit joined by 至 are one range (unless 从/由 makes them a change)."""
    joined: list[Quantity] = []
    for quantity in found:
        previous = joined[-1] if joined else None
        if previous is not None and previous.unit and previous.unit == quantity.unit and \
                previous.kind == quantity.kind and text[previous.end:quantity.start] in _JOINERS and \
                previous.value_min is None and previous.value_max is None and not quantity.approximate and \
                not any(word in _clause_before(text, previous.start) for word in ("从", "由")) and \
                not (_clause_before(text, previous.start).endswith(_BY_HOW_MUCH)
                     and quantity.value > 10 * previous.value):
            low, high = previous.value, quantity.value
            joined[-1] = Quantity(previous.start, quantity.end, text[previous.start:quantity.end], (low + high) / 2,
                                  low, high, False, quantity.unit, quantity.kind, quantity.currency)
            continue
        joined.append(quantity)
    return joined


def _clause_before(text: str, end: int) -> str:
    return text[_clause_start(text, end, "，。；,;"):end]


def _outer_bound(quantity: Quantity, text: str) -> Quantity:
    """不少于2次, 突破30亿元: the bound word before the span sets value_min or value_max."""
    for word, side in _OUTER_BOUNDS.items():
        if text[max(0, quantity.start - len(word)):quantity.start] == word:
            low = quantity.value_min if side == "max" else quantity.value_min or quantity.value
            high = quantity.value_max if side == "min" else quantity.value_max or quantity.value
            approximate = quantity.approximate or word == "接近"  # (接近三成: near it, as 近三成 is)
            return Quantity(quantity.start, quantity.end, quantity.text, quantity.value, low, high,
                            approximate, quantity.unit, quantity.kind, quantity.currency)
    return quantity


def _bare_multipliers(text: str) -> list[Quantity]:
    """超亿元 (≥ 1e8 元), 上万人 (≥ 10,000 people), 近亿 (≤ 1e8)."""
    found = []
    for match in _BARE_MULT_RE.finditer(text):
        unit = match.group("unit") or ""
        if match.group("bound") == "上" and not unit:
            continue  # 上 needs a unit to be a bound (上万人)
        if match.group("mult") in ("百", "千") and not unit:
            continue  # 近百, 超千 need a unit (近百个, 超千人)
        value = _num_mult(match.group("mult"))
        if match.group("mult") + unit in MONEY_UNITS:
            unit = match.group("mult") + unit  # 超亿元: the unit is 亿元, as in 3亿元
            kind = "money"
        elif unit == "元" and match.group("mult").endswith("亿"):
            unit, kind = "亿元", "money"  # 超百亿元: a hundred 亿元
        else:
            kind, factor = _kind(unit)
            value *= factor
        near = match.group("bound") == "近"
        found.append(Quantity(match.start(), match.end(), match.group(0), value, None if near else value,
                              value if near else None, near, unit, kind, "CNY" if kind == "money" else None))
    return found


# 近一半农户, 超过一半, 一半以上: half of something, as a fraction.
_HALF_RE: Final = re.compile(r"(?P<bound>将近|接近|近|超过|超|约|大约)?一半(?P<above>以上)?(?![天年月])")


def _halves(text: str) -> list[Quantity]:
    found = []
    for match in _HALF_RE.finditer(text):
        bound, above = match.group("bound") or "", bool(match.group("above"))
        low = 0.5 if bound in ("超过", "超") or above else None
        high = 0.5 if bound in ("将近", "接近", "近") else None
        approximate = bound in ("将近", "接近", "近", "约", "大约")
        found.append(Quantity(match.start(), match.end(), match.group(0), 0.5, low, high, approximate, "",
                              "fraction"))
    return found


def _bare_unit_above(text: str) -> list[Quantity]:
    """亿元以上 (money, at least 1e8 元), 万人以上 (a count, at least 10,000 people), 万头以上, 千亩以上."""
    found = []
    for match in _BARE_ABOVE_RE.finditer(text):
        if text[max(0, match.start() - 2):match.start()] == "千吨":
            continue  # 千吨万人以上: a class of waterworks, not ten thousand people
        value = _num_mult(match.group("mult"))
        if match.group("unit") == "元":
            found.append(Quantity(match.start(), match.end(), match.group(0), value, value, None, False,
                                  match.group("mult") + "元", "money", "CNY"))
        else:
            found.append(Quantity(match.start(), match.end(), match.group(0), value, value, None, False,
                                  match.group("unit"), _kind(match.group("unit"))[0]))
    return found


# 错退率为零, 集体经济收入还是零, 失学辍学人数保持为零, 收入从零增加到…: a level of zero that a clause states.
_STATED_ZERO_RE: Final = re.compile(r"[零0](?<=[为是从][零0])(?![\d.．%％万亿])(?=[，。；、！？的增\s“”]|$)")
_RATE_SUBJECT: Final = re.compile(r"(?:率|比例|比重)(?:均|都|仍|还|也|保持|一直)*(?:为|是)$")
_COUNT_SUBJECT: Final = re.compile(r"(?:人数|户数|数量|人口|人次|个数)(?:均|都|仍|还|也|保持|一直)*(?:为|是)$")
_MONEY_SUBJECT: Final = re.compile(r"(?:收入|资金|收益|金额|存款|负债|债务)(?:均|都|仍|还|也|保持|一直)*(?:为|是|从)$")


def _stated_zeros(found: list[Quantity], text: str, blocked: list[tuple[int, int]]) -> list[Quantity]:
    """A zero a clause states as a level: a rate's is a percent, money's is money, anything else a count."""
    zeros = []
    for match in _STATED_ZERO_RE.finditer(text):
        if any(s < match.end() and match.start() < e for s, e in blocked):
            continue
        clause = re.split(r"[，。；、！？：]", text[:match.start()])[-1]
        kind = "percent" if _RATE_SUBJECT.search(clause) else "money" if _MONEY_SUBJECT.search(clause) else None
        if kind is None and not _COUNT_SUBJECT.search(clause):
            continue  # 视为0, 一分为零: only a named level of something counts
        same = [q for q in found if q.start == match.start() and q.end == match.end()]
        found = [q for q in found if q not in same]
        zeros.append(Quantity(match.start(), match.end(), match.group(0), 0.0, None, None, False, "",
                              kind or "count", "CNY" if kind == "money" else None))
    return sorted(found + zeros, key=lambda q: q.start) if zeros else found


def _with_zero_ends(found: list[Quantity], text: str, blocked: list[tuple[int, int]]) -> list[Quantity]:
    """减少到零, 下降到0: zero as where a change ended, of the same kind as the figure it changed from."""
    for match in _ZERO_RE.finditer(text):
        if any(s < match.end() and match.start() < e for s, e in blocked):
            continue
        same = [q for q in found if q.start <= match.start() < q.end]
        if same and (same[0].unit or same[0].value):
            continue
        earlier = sorted((q for q in found if q.end <= match.start()), key=lambda q: q.end)
        if not earlier or not any(w in text[earlier[-1].end:match.start()] for w in ("减少", "下降", "降", "减")):
            continue
        kind = earlier[-1].kind if earlier[-1].kind in ("percent", "count") else "count"
        found = [q for q in found if q not in same]
        found.append(Quantity(match.start(), match.end(), match.group(0), 0.0, None, None, False, "", kind))
    if len(found) > 1:  # (sorting through the builtin with a key costs 1,700 instructions, even for one figure)
        found = sorted(found, key=lambda q: q.start)
    return found


def _safe_vague(match: re.Match[str], text: str) -> Quantity | None:
    try:
        return _build_vague(match, text)
    except (ValueError, KeyError):
        return None


def _with_since(quantity: Quantity, text: str) -> Quantity:
    """三年来, 一年来: 来 after a duration means "over the past N years"; it joins the span, not a bound."""
    if quantity.kind == "duration" and text[quantity.end:quantity.end + 1] == "来" and \
            _DURATION_SINCE.match(text, quantity.end):
        end = quantity.end + 1
        return Quantity(quantity.start, end, text[quantity.start:end], quantity.value, quantity.value_min,
                        quantity.value_max, quantity.approximate, quantity.unit, quantity.kind, quantity.currency)
    return quantity


_VAGUE_VALUES = {"几": (5.5, 2, 9), "十几": (15, 11, 19), "几十": (55, 20, 90), "几百": (550, 200, 900),
                 "几千": (5500, 2000, 9000), "几万": (5.5e4, 2e4, 9e4), "几十万": (5.5e5, 2e5, 9e5),
                 "几百万": (5.5e6, 2e6, 9e6), "几千万": (5.5e7, 2e7, 9e7), "几亿": (5.5e8, 2e8, 9e8)}
_VAGUE_VALUES |= {"数" + key[1:]: values for key, values in _VAGUE_VALUES.items()
                  if key.startswith("几") and key != "几"}

def _words_not_after(group: str, words: tuple[str, ...], before: str) -> str:
    """A named group of ``words`` none of which follows a character of the class ``before``: each word is matched
    first and the look-behind tested after it, so the pattern starts on literals and the engine skips ahead to a
    possible start instead of trying the pattern at every position."""
    return f"(?P<{group}>" + "|".join(f"{word}(?<![{before}]{word})" for word in words) + ")"


# 超亿元, 上万人, 过亿: a bare multiplier after a bound word means one of it, as a bound.
# 近千万贫困群众, 近亿农民: a large multiplier after 近 or 超 is a figure even before a noun.
# 亿元以上项目, 千万元以上企业, 万人以上的安置区: a bare multiplier with 以上 is a lower bound of one such unit.
_BARE_ABOVE_RE: Final = re.compile(_words_not_after("mult", ("亿", "千万", "百万", "万", "千"),
                                                    rf"\d{CN_NUMERAL_CHARS}.．超上过逾近")
                                   + r"(?P<unit>元|人|户|头|只|羽|亩|吨)以上")
_BARE_MULT_RE: Final = re.compile(_words_not_after("bound", ("超过", "超", "上", "过", "逾", "近"),
                                                   rf"\d{CN_NUMERAL_CHARS}以")
                                  + rf"(?P<mult>千亿|百亿|千万|百万|十万|万|亿|百(?=[个人户家名])|千(?=[个人户家名]))"
                                  rf"(?:(?P<unit>{_UNIT})|(?=[，。；、的！？\s]|$)|(?<=[近超]千万|[近超]百万)(?=[\u4e00-\u9fff])|(?<=[近超]亿)(?=[\u4e00-\u9fff]))")
# …减少到零, …下降到0: zero as the end point of a change.
_ZERO_RE: Final = re.compile(r"[零0](?<=[到至的为][零0])(?![\d.．%％万亿])(?=[，。；、！？\s]|$)")
_CN_DIGIT_VALUE: Final = {"一": 1, "两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def _build_vague(match: re.Match[str], text: str) -> Quantity | None:
    """几年 (5.5, 2–9), 十几亩, 几千万, 半年 (0.5), 半年多 (0.5–1), 四五户 (4.5, 4–5), 三四个小时, 三五名 (4, 3–5)."""
    vague, mult = match.group("vague"), match.group("vmult") or ""
    unit = match.group("vunit") or ""
    fuzzy = bool(match.group("vfuzzy") or match.group("vfuzzy2"))
    value_min: float | None
    value_max: float | None
    start, end = match.start(), match.end("vunit") if unit else match.end("vmult")
    if fuzzy:
        end = max(end, match.end("vfuzzy2") if match.group("vfuzzy2") else match.end("vfuzzy"))
    if text[max(0, match.start("vague") - 1):match.start("vague")] in ("第", "之", "一", "十", "百", "千", "万"):
        return None
    if vague in _VAGUE_VALUES:
        if not unit and not mult and not vague.endswith(("万", "亿")):
            return None  # (数百万村干部: a vague count of ten thousands needs no unit)
        value, low, high = _VAGUE_VALUES[vague]
        scale = _num_mult(mult) if mult else 1.0
        approximate, value_min, value_max = True, low * scale, high * scale
        value *= scale
    elif vague == "半":
        if unit not in DURATION_UNITS or mult:
            return None
        value, value_min, value_max, approximate = 0.5, None, None, False
        if fuzzy:
            value_min, value_max, approximate = 0.5, 1.0, True
        elif text.startswith(("以上", "以下", "以内"), end):  # 稳定就业半年以上: a bound, as for 3年以上
            value_min, value_max = (0.5, None) if text.startswith("以上", end) else (None, 0.5)
            end += 2
        # 拖延时间超过半年, 推迟发放近半年: the bound word before it, as before any figure
        value_min, value_max, approximate = _prefix_bounds(match.group("prefix"), value, value_min, value_max,
                                                           approximate)
    else:
        first, second = (_CN_DIGIT_VALUE.get(c) for c in vague)
        ordinal = text[match.start("vague") - 1:match.start("vague")] == "第"
        if first is None or second is None or not (second == first + 1 or (first, second) == (3, 5)) or not unit \
                or ordinal:
            return None  # (三五名: "three to five" too, an idiom of its own)
        scale = _num_mult(mult) if mult else 1.0
        value_min, value_max = first * scale, second * scale
        value, approximate = (value_min + value_max) / 2, True
    kind, factor = _kind(unit)
    value *= factor
    value_min = value_min * factor if value_min is not None else None
    value_max = value_max * factor if value_max is not None else None
    window = text[max(0, start - 3):end + 3]
    if any(idiom in window for idiom in _IDIOMS if vague in idiom):
        return None
    quantity = Quantity(start, end, text[start:end], value, value_min, value_max, approximate, unit, kind,
                        "CNY" if kind == "money" else None)
    return _with_since(quantity, text)


def _build(match: re.Match[str], text: str) -> Quantity | None:
    (prefix_word, rlo, rhi, _rpctsign, cnpct, pct, pctsign, fden, fnum, fa, fb, cheng, chenghalf, lo, number,
     fuzzy_word, mult2, fuzzy2, unit_word, suffix_word) = match.groups()  # (in QUANTITY_GROUPS order)
    prefix, suffix = prefix_word or "", suffix_word or ""
    if rhi:
        low, high = _num(rlo), _num(rhi)
        return _finish(match, text, (low + high) / 2, low, high, False, "%", "percent", prefix, suffix)
    if fden or fa:
        if fa:
            if text[match.end():match.end() + 1].isdigit():
                return None
            numerator, denominator = _num(fa), _num(fb)
        else:
            bare_place = {"十": 10.0, "百": 100.0, "千": 1000.0, "万": 1e4, "亿": 1e8}
            numerator = _num(fnum)
            denominator = bare_place.get(fden) or _num(fden)
        if not denominator:
            return None
        if fden in ("千",):
            return _finish(match, text, numerator, None, None, False, "‰", "percent", prefix, suffix)
        if fden in ("万",):
            return _finish(match, text, numerator / 100, None, None, False, "%", "percent", prefix, suffix)
        return _finish(match, text, numerator / denominator, None, None, False, "", "fraction", prefix, suffix)
    if cheng:
        if cheng == "一" and text[match.end():match.end() + 2] == "不变":
            return None
        window = text[max(0, match.start() - 3):match.end() + 3]
        if any(idiom in window for idiom in _IDIOMS if cheng + "成" in idiom):
            return None  # 三五成群: an idiom, not 350%
        half = 5 if chenghalf else 0  # 一成半: fifteen percent
        return _finish(match, text, _num(cheng) * 10 + half, None, None, False, "成", "percent", prefix,
                       suffix)
    if pct or cnpct:
        sign = pctsign or "%"
        value = _num(pct or cnpct)
        unit = "‰" if sign == "‰" else "%"
        return _finish(match, text, value, None, None, False, unit, "percent", prefix, suffix)
    if number is None:
        return None
    unit = unit_word or ""
    mult = mult2 or ""
    fuzzy = fuzzy_word or fuzzy2 or ""
    if unit.startswith("个多"):
        unit, fuzzy = "个" + unit[2:], "多"  # 9个多月, 6个多百分点: the 多 sits inside the unit
    if not _plausible_plain(match, text, number, unit, fuzzy or ("出头" if suffix == "出头" else ""), mult):
        return None
    value = _num(number + mult)
    kind, factor = _kind(unit)
    if suffix == "出头" and not unit:
        kind = "age"
    if suffix == "多" and not fuzzy:
        fuzzy = "多"  # 两年多: the next step of the last place, as 两多年 would be
    value *= factor
    if lo:
        low = _num(lo + (mult or _trailing_multiplier(lo, number))) * factor
        return _finish(match, text, (low + value) / 2, low, value, False, unit, kind, prefix, suffix)
    value_min = value_max = None
    approximate = False
    if fuzzy in ("多", "余", "来"):
        step = _fuzzy_step(number, mult) * factor
        value_min, value_max, approximate = value, value + step, True
    elif fuzzy == "几":
        approximate = True
    return _finish(match, text, value, value_min, value_max, approximate, unit, kind, prefix, suffix)


def _prefix_bounds(prefix: str | None, value: float, value_min: float | None, value_max: float | None,
                   approximate: bool) -> tuple[float | None, float | None, bool]:
    """近1亿 (≤ 1e8, approximate), 超过30亿元 (≥), 约66.5亿元 (approximate): what the word before a figure says."""
    if prefix in ("将近", "接近", "近", "不到", "不足", "最多"):
        return (value_min, value if value_max is None else min(value_max, value),
                approximate or prefix in ("将近", "接近", "近"))
    if prefix in ("超过", "超", "逾", "不少于", "至少"):
        return (value if value_min is None else value_min), value_max, approximate
    if prefix in ("约", "大约", "大概"):
        return value_min, value_max, True
    return value_min, value_max, approximate


def _finish(match: re.Match[str], text: str, value: float, value_min: float | None, value_max: float | None,
            approximate: bool, unit: str, kind: str, prefix: str, suffix: str) -> Quantity:
    start, end = match.start(), match.end()
    value_min, value_max, approximate = _prefix_bounds(prefix, value, value_min, value_max, approximate)
    if suffix in ("左右", "上下"):
        approximate = True
    elif suffix == "出头":
        value_min, value_max, approximate = value, value + 5, True
    elif suffix in ("以上", "及以上", "之多", "有余", "多"):
        value_min = value if value_min is None else value_min
        approximate = approximate or suffix in ("多", "有余")
        if suffix == "多" and unit == "成" and value_max is None:
            value_max = value + 10  # 三成多: up to the next tenth
    elif suffix in ("以下", "及以下", "以内", "内"):
        value_max = value if value_max is None else value_max
    currency = None
    if kind == "money":
        currency = next((code for name, code in _CURRENCY.items() if unit.endswith(name)), "CNY")
    return Quantity(start, end, text[start:end], value, value_min, value_max, approximate, unit, kind, currency)


# Units whose character also starts a word after a number: 对口/对象, 股份/股东, 票据, 例如, 眼前.
_WORD_STARTS: Final = {"对": "口接象照比于待应标外话策此称", "股": "份东权金票", "票": "据价", "例": "如",
                       "眼": "前光界", "枚": "举", "桌": "面", "档": "案次位", "笔": "记者试", "镇": "村长区政级",
                       "乡": "村镇亲土级长里下", "省": "市区级份长委政道内外际部直会",
                       "县": "市区级城长委政域道内外乡直", "门": "口户诊槛类票面店前"}
_NAMING_WORDS: Final = ("电话", "热线", "号码", "专线", "附件", "附表")
_SCORE_WORDS: Final = re.compile(r"(?:满意度|得分|评分|分数|总分|打分|考核|测评|成绩)[^，。；]{0,6}$")


def _scored(text: str, start: int, end: int) -> bool:
    """A score (群众满意度为96.5分, 综合得分92.6分): 分 after a number only counts after a word for a score, or
    after a score in the same sentence (平均得分为91.4分，…，对产业帮扶为86.2分)."""
    if _SCORE_WORDS.search(text[max(0, start - 12):start]):
        return True
    sentence = re.split(r"[。；！？]", text[:start])[-1]
    return any(_SCORE_WORDS.search(sentence[max(0, figure.start() - 12):figure.start()])
               for figure in _SCORE_FIGURE.finditer(sentence))


_SCORE_FIGURE: Final = re.compile(r"\d+(?:\.\d+)?分(?!钟)")


_DECISIVE: Final = frozenset({"关键", "决胜", "攻坚", "收官", "开局", "冲刺", "奋进"})


def _is_reference(text: str, start: int) -> bool:
    """表3, 附表2-1, 图5 (after 如, 见, 附 or at a clause's start): a numbered table or figure."""
    return bool(re.search(r"(?:^|[如见附据由从照，。；（(、])(?:附)?[表图]$", text[max(0, start - 3):start]))


_MINUS: Final = "-－−"


def _with_sign(quantity: Quantity, text: str) -> Quantity:
    """自然增长率为-0.28‰, 增长-3.2%: a minus sign after a word (not after a digit or a letter, as in 100-150 or
    DJ-30) makes the figure negative and belongs to its span."""
    start = quantity.start
    if not start or text[start - 1] not in _MINUS or not quantity.text[:1].isdigit():
        return quantity
    before = text[start - 2:start - 1] if start >= 2 else ""
    if before and ((before.isascii() and before.isalnum()) or before in _MINUS or before in "～~至到"):
        return quantity

    def negative(value: float | None) -> float | None:
        return -value if value is not None else None

    return replace(quantity, start=start - 1, text=text[start - 1:quantity.end], value=-quantity.value,
                   value_min=negative(quantity.value_max), value_max=negative(quantity.value_min))


# Three or more groups of digits joined by hyphens, or a hyphened number after a registration's 号.
_CODE_CHAIN: Final = re.compile(r"(?<![\d.])\d+(?:[-－]\d+){2,}(?![\d.])|(?<=号)[-－]\d+")
# 行政区划代码为520524: a code, not an amount
_CODE_NAMES: Final = re.compile(r"(?:代码|编码|编号|代号|邮编)[为是：:]?$")
_CODE_BEFORE: Final = re.compile(r"[A-Za-z][A-Za-z0-9-－]*[-－]$")


def _round_chinese_count(number: str) -> bool:
    """二百一十五万|贫困人口, 三千二百万|人次: a Chinese numeral of ten thousands or more counts the noun after it
    (a bare 十万 or 千万 stays a figure of speech)."""
    return len(number) >= 3 and number[-1] in "万亿" and number[-2] in "一二两三四五六七八九十百千"


def _idiom_holds(text: str, start: int, end: int, number_end: int, number_length: int) -> bool:
    """Does an idiom overlap the figure at ``start``–``end`` (一心一意, 万一)? Not one lying wholly inside a longer
    number (两万一千三百 holds 万一).

    Only the longest idiom starting at each position needs testing: a longer one overlaps the figure wherever a
    shorter one does, and lies inside the number only where the shorter one does too.
    """
    window_end = min(len(text), end + _IDIOM_REACH)
    found = _ANY_IDIOM.search(text, max(0, start - _IDIOM_REACH), window_end)
    while found is not None:
        position, length = found.start(), found.end() - found.start()
        inside_longer = start <= position and position + length <= number_end and number_length > length
        if _overlaps(position, length, start, end) and not inside_longer:
            return True
        found = _ANY_IDIOM.search(text, position + 1, window_end)
    return False


def _plausible_plain(match: re.Match[str], text: str, number: str, unit: str, fuzzy: str, mult: str) -> bool:
    """Reject years, ordinals, list markers, idioms, codes and bare Chinese numerals."""
    start, end = match.start("num"), match.end()
    before = text[max(0, start - 1):start]
    after = text[end:end + 1]
    if before in ("第", "《", "·", "届") or (before.isascii() and before.isalpha()):
        return False
    if before in "-－" and before and _CODE_BEFORE.search(text, max(0, start - 16), start):
        return False  # XZB-2023-046, DJ-30: a part of a code, not an amount
    if before == "“" and re.match(r"[^，。；：“”]{0,10}”", text[start:]):
        return False  # “15分钟养老服务圈”, “20条底线要求”, “832平台”: a quoted name, not an amount
    if (before and before in ":：∶") or text[end:end + 1] in (":", "：", "∶"):
        return False  # 按5:3:2比例分担: the terms of a ratio (a ratio to one is found on its own)
    if after.isascii() and after.isalpha() and after and not unit:
        return False  # C919, 5G: a model name (but 1200余户C级危房 is a count)
    if after == "型":
        return False  # D-150型, XN-72M型: a model's name
    is_arabic = number[0].isdigit()
    if not is_arabic:
        if not unit and not mult and not fuzzy and not _round_chinese_count(number):
            return False
        if _idiom_holds(text, start, end, match.end("num"), len(number)):
            return False
        if number == "一" and unit in COUNT_UNITS and not fuzzy:
            return False  # 一个/一项 are articles far more often than counts
    if number in ("千", "万", "百", "亿"):
        return False  # 千企帮千村, 万户: a figure of speech, not a count
    if unit == "千伏" and re.match(r"(?:及以上)?(?:线路|变电站|输变电|电网|主变|配电|供电)", text[end:end + 4]):
        return False  # 10千伏线路, 35千伏变电站: a voltage class, not an amount
    if unit == "年" and number.isdigit() and len(number) >= 5:
        return False  # 热线12316年均受理…: a hotline's number before 年均, not twelve thousand years
    if unit == "周年" or text[end:end + 1] == "级" or text[end:end + 2] == "年级":
        return False  # anniversaries and school grades
    if text[end:end + 1] in ("×", "Ｘ", "＊", "*") or (text[end:end + 1] in ("X", "x") and not unit):
        return False  # 中央资金4×亿元: a figure with digits blanked out, not the amount its first digit says
    if before == "前" and unit == "位":
        return False  # 连续4年居全省前三位: a rank among the first three, not three of anything
    if before == "双" and number.isdigit() and len(number) == 2:
        return False  # “双11”, 双12: a shopping festival's name
    if (before and before in "+＋") or text[end:end + 1] in ("+", "＋"):
        return False  # “3+1”保障, “1+N”政策体系: a formula's terms, not amounts
    if unit == "年" and number in ("一", "1") and text[max(0, start - 2):start] in _DECISIVE:
        return False  # …的关键一年, 决胜之年: which year it is, not a span of one year
    if (not unit and text[end:end + 1] == "强") or (unit == "位" and text[end:end + 1] == "数"):
        return False  # 世界500强, 百强县: a ranking's name; 两位数增长: a number of digits, not of anything
    following = text[end:end + 1]
    if unit == "部" and following and following in "门分署委长队落位":
        return False  # 3部门, 部分, 部长: 部 starts a word (but 268部移动电话 counts phones)
    if unit == "单" and following and following in "位户笔品个元次独项体身":
        return False  # 3单位, 单户: 单 starts a word (but 1.5万多单 counts orders)
    if unit == "分" and not _scored(text, start, end):
        return False  # 3分钟 and 十分 are no scores; 96.5分 after 满意度 or 得分 is
    if unit == "M" and ((following.isascii() and following.isalpha()) or before == "-"):
        return False  # 100MB, 5MW: another unit; XN-72M: a model
    if following and unit in _WORD_STARTS and following in _WORD_STARTS[unit]:
        return False  # 3对口, 5股份, 2票据, 1例如: the unit's character starts a word
    if unit == "类" and text[end:end + 4] == "重点对象":
        return False  # 4类重点对象: the name of the four groups housing aid serves
    if unit == "人" and following == "户" and text[end:end + 2] != "户均":
        return False  # 1人户, 3人以上户: a size of household, not a count of people
    if unit in DURATION_UNITS and text[end:end + 2] == "行动":
        return False  # 三年行动, 五年行动: a campaign's name
    if unit == "期" and text.startswith(("工程", "项目"), end):
        return False  # 防护林六期工程: the phase of a programme, not six periods
    if unit == "年" and text[end:end + 1] == "期" and not match.group("suffix"):
        return False  # 1年期贷款市场报价利率: the name of a loan's term
    if "_" in text[max(0, start - 1):end + 1] or "＿" in text[max(0, start - 1):end + 1]:
        return False  # next to a redaction: 20__多元, __0余人
    if text[end:end + 2] in ("**", "＊＊") or text[max(0, start - 2):start] in ("**", "＊＊"):
        return False  # 身份证号5224**********1236: the ends of a masked number
    if text[end:end + 1] in ".．" and text[end + 1:end + 2] in ("X", "x", "×"):
        return False  # 1.X万元: the redacted decimals of a figure left out
    if (number == "一" and before in ("前", "后", "上", "下") and
            text[max(0, start - 2):start] not in ("提前", "延后", "推后", "往后")) or \
            (text[max(0, start - 2):start] == "最后" and (number == "一" or unit in DURATION_UNITS)):
        return False  # 前一天, 最后一个月: a position in time, not an amount (but 最后4187名贫困人口 is one)
    quoted = bool(before) and bool(after) and before in "“\"'‘" and after in "”\"'’"
    marker = bool(after) and after in "、．.)）" and (not before or before in "（( \n　，。；：")
    if not unit and not mult and not fuzzy and (quoted or marker):
        return False  # “98”, list markers 1、 2.
    if not is_arabic and unit == "个" and after and after in "不没一二三四五六七八九十":
        return False  # 四个不摘, 五个一: slogans
    digits = number.replace(",", "").replace(".", "")
    if is_arabic and not unit and not mult and not fuzzy and number.isdigit() and len(number) == 4 and \
            1900 <= int(number) <= 2100:
        return False  # a bare year (2024脱贫攻坚…)
    if is_arabic and not unit and not mult and not fuzzy:
        if len(digits) >= 7 and "," not in number and "." not in number:
            return False  # phone, ID and document numbers
        if _HOTLINE.match(text, end) or (len(digits) == 5 and digits.startswith("123")):
            return False  # 12317扶贫监督举报电话, 12345热线, 12317…服务平台: a number to call
        if text[max(0, start - 2):start] in _NAMING_WORDS or text[end:end + 2] == "平台" or \
                _CODE_NAMES.search(text[max(0, start - 6):start]):
            return False  # 举报电话12314, 附件2, “832平台”: a number that names, not an amount
        if after in "年月日号时" and after:
            return False
        if before and "\u4e00" <= before <= "\u9fff" and before not in _LEADS_TO_NUMBER and after and \
                after in "、等）)" and "." not in number:
            return False  # 郑单958、济麦22等品种: a name that ends in digits, not an amount
    if is_arabic and unit in ("年",) and len(digits) == 4 and 1900 <= float(number.replace(",", "")) <= 2100:
        return False
    if unit == "日" and match.group("suffix") in ("内", "以内") and before != "月":
        return True  # 30日内分解下达: a deadline's span of days (but 3月15日 is a date)
    return not (unit in ("日", "月") and not fuzzy)


# Characters after which a bare number is an amount (达到2.8, 为0, 约3, 漏评率0): verbs, prepositions, bounds and
# the ends of what is measured.
_LEADS_TO_NUMBER: Final = frozenset("为是达到至由从比约近超逾共计有占及和与或余过增减降升提高低率数量额值")


def _overlaps(position: int, length: int, start: int, end: int) -> bool:
    return position < end and start < position + length


def _num(text: str) -> float:
    return parse_number(text)


def _num_mult(mult: str) -> float:
    return parse_number("1" + mult)


def _trailing_multiplier(low: str, high: str) -> str:
    """In 100-150万 the low end borrows the high end's multiplier unless it has its own."""
    if re.search(f"{_MULT}$", low):
        return ""
    found = re.search(f"{_MULT}$", high)
    return found.group(0) if found else ""


def _fuzzy_step(number: str, mult: str) -> float:
    """多/余 reach up to the next step of the lowest non-zero written place: 7000多 → +1000, 1亿3千多万 → +1000万,
    1.1万余 → +1000 (the tenth of a 万 is the last place written)."""
    scale = _num_mult(mult) if mult else 1.0
    last = number[-1]
    digits = number[:-1].replace(",", "")
    if last in BIG_UNITS and digits and digits.replace(".", "").isdigit():
        return _fuzzy_step(digits, "") * _num_mult(last) * scale  # 1.1万余 → +1000, 10万多 → +10万: the digits'
    if last in SMALL_UNITS or last in BIG_UNITS:
        return _num_mult(last) * scale
    plain = number.replace(",", "")
    if plain[0].isdigit() and plain.replace(".", "").isdigit():
        if "." in plain:
            return 10.0 ** -len(plain.split(".")[1]) * scale
        trailing_zeros = len(plain) - len(plain.rstrip("0"))
        return 10.0**trailing_zeros * scale
    return scale


def _kind(unit: str) -> tuple[str, float]:
    """The kind of quantity a unit implies and the factor to its base unit (万元 → 元 × 10⁴)."""
    if unit == "个百分点":
        return "ppoint", 1.0
    if unit in MONEY_UNITS:
        for prefix, factor in (("万亿", 1e12), ("亿", 1e8), ("千万", 1e7), ("百万", 1e6), ("万", 1e4), ("千", 1e3)):
            if unit.startswith(prefix):
                return "money", factor
        return "money", 1.0
    if unit in MEASURE_UNITS:
        return "measure", 1.0
    if unit in DURATION_UNITS:
        return "duration", 1.0
    if unit in AGE_UNITS:
        return "age", 1.0
    if unit in RATIO_UNITS:
        return "fraction", 1.0
    return "count", 1.0
