"""Sentence-level readings of a linked figure: what the words around its phrase say the phrase names.

Helpers of ``zhetl.metrics.link_metrics``, applied after the clause's own noun phrase is read: a bare 比例 named by
its 的-clause, a target that is a value of its indicator, 减贫 as a figure's name, a value
per mu, a gap between rates, 新增 before what is counted, and bands of money and counts that measure what the
figure before them measured.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Final

from zhetl.metric_phrases import _phrase, _subject_zone
from zhetl.metric_tokens import _clause, _core
from zhetl.metric_words import COMPARISONS, COUNT_AFTER_UNITS, RATE_WORDS, SCOPE_WORDS
from zhetl.segment import Token


@dataclass(frozen=True, init=False)
class MetricLink:
    metric: str | None
    change: str | None
    place_hint: str | None = None

    # (init=False with this __init__: compiled, it sets the fields directly, where the __init__ that dataclass
    # generates runs as interpreted Python, 20 times slower; the class stays frozen, hashable and replace()-able)
    def __init__(self, metric: str | None, change: str | None, place_hint: str | None = None) -> None:
        object.__setattr__(self, "metric", metric)
        object.__setattr__(self, "change", change)
        object.__setattr__(self, "place_hint", place_hint)


_BANDED_UNITS: Final = ("村", "户", "县", "乡镇", "企业", "合作社", "问题")


def _clause_before(tokens: list[Token], start: int) -> list[Token]:
    """The tokens of the figure's clause up to the figure."""
    return _clause([t for t in tokens if t.end <= start], backwards=True)


def _text(words: list[Token]) -> str:
    return "".join(t.token for t in words)


def _borrowed(link: MetricLink, earlier: MetricLink | None) -> MetricLink:
    """``link`` with the metric and place of ``earlier`` (unchanged when there is none)."""
    return MetricLink(earlier.metric, link.change, earlier.place_hint) if earlier else link


def _last_with_metric(links: list[MetricLink], units: list[str] | None = None,
                      accepts: Callable[[str], bool] = lambda unit: True) -> MetricLink | None:
    """The latest earlier link with a metric (and, given the units, whose unit ``accepts``)."""
    if units is None:
        return next((other for other in reversed(links) if other.metric), None)
    return next((other for unit, other in zip(reversed(units), reversed(links), strict=True)
                 if accepts(unit) and other.metric), None)


def _banded_like_before(tokens: list[Token], end: int, link: MetricLink, earlier: list[tuple[int, int, str]],
                        links: list[MetricLink]) -> MetricLink:
    """…收入50万元以上的村有42个，10万—50万元的村有315个: a band of money that sorts the next noun, with no
    subject of its own, bands the same money as the figure of money before it."""
    after = [t for t in tokens if t.start >= end][:4]
    heads = [after[1].token] if len(after) > 1 else []
    for word in after[2:]:
        heads.append(heads[-1] + word.token)  # 的|薄弱|村
    shared = len(after) > 1 and (after[1].token in ("占", "约占", "占比") or after[1].pos == "m")  # …的占11.9%
    if not after or after[0].token != "的" or not (shared or any(head.endswith(_BANDED_UNITS) for head in heads)):
        return link  # (每户还获得200元的二次分红: what is paid, not a band)
    return _borrowed(link, _last_with_metric(links, [q[2] for q in earlier], lambda unit: unit.endswith("元")))


def _band_count(tokens: list[Token], start: int, unit: str, link: MetricLink,
                earlier: list[tuple[int, int, str]], links: list[MetricLink]) -> MetricLink:
    """…的特色产业集群36个，其中超过50亿元的9个: a count right after a 的-band counts what the count of the same
    unit before it counted."""
    before = [t for t in tokens if t.end <= start]
    if before and before[-1].token in ("有", "达", "为") and len(before) > 1:
        before = before[:-1]  # 其中年产值超过1亿元的|有215个
    if not before or before[-1].token != "的":
        return link
    return _borrowed(link, _last_with_metric(links, [q[2] for q in earlier], lambda other: other == unit))


def _share_of_whole(tokens: list[Token], start: int, link: MetricLink, places: Sequence[tuple[int, int]]) -> MetricLink:
    """服务业增加值占地区生产总值比重达到47.9%: the phrase read from 占 on (地区生产总值比重) is the whole's share,
    not what was measured; the figure is the part's share of the whole, named by the whole phrase, part first."""
    metric = link.metric or ""  # (named_in_sentence calls this only for a named figure)
    clause = _clause_before(tokens, start)
    text = _text(clause)
    if "占" + metric not in text:
        return link
    share = next((i for i in range(len(clause) - 1, -1, -1) if clause[i].token.startswith("占")), None)
    if not share:
        return link
    part, place = _phrase(_subject_zone(clause[:share]), forward=False, places=places)
    whole = f"{part}占{metric}" if part and clause[share - 1].end == clause[share].start else part
    return MetricLink(whole, link.change, place or link.place_hint) if part else link


_PER_MU_HEADS: Final = ("产值", "收益", "收入", "补贴标准", "补助标准")


def _per_mu(tokens: list[Token], start: int, link: MetricLink) -> MetricLink:
    """丰产茶园每亩产值达到6000元, 每亩补贴标准为105元: a value per mu is named with its 每亩 and the land it is
    counted on (but not a standard it is compared with: 较传统种粮|每亩收益增加4000多元)."""
    metric = link.metric or ""  # (named_in_sentence calls this only for a named figure)
    clause = _clause_before(tokens, start)
    text = _text(clause)
    at = text.rfind("每亩" + metric)
    if at < 0:
        return link
    index = next((i for i, t in enumerate(clause) if t.token == "每亩" and sum(len(u.token) for u in clause[:i]) == at),
                 None)
    if index is None:
        return link
    first = index
    while first and clause[first - 1].pos in ("n", "vn", "nz") and clause[first - 1].token not in SCOPE_WORDS:
        first -= 1
    if first and clause[first - 1].token in ("较", "比"):
        first = index
    return MetricLink("".join(t.token for t in clause[first:index]) + "每亩" + metric, link.change,
                      link.place_hint)


_TOURISM_COUNTS: Final = frozenset({"游客", "接待人数", "接待人次", "接待游客"})


def _rural_tourism(tokens: list[Token], start: int, link: MetricLink) -> MetricLink:
    """乡村旅游接待游客2860万人次: the statistic is named by its subject and verb (9 annotators of 11 wrote so)."""
    metric = link.metric or ""  # (named_in_sentence calls this only for a named figure)
    clause = _text(_clause_before(tokens, start))
    at = clause.rfind(metric)
    if at < 0:
        return link
    lead = clause[:at]
    for opening in ("乡村旅游接待", "乡村旅游"):
        if lead.endswith(opening) and not lead.endswith("和" + opening) and \
                (opening + metric).startswith("乡村旅游接待"):
            return MetricLink(opening + metric, link.change, link.place_hint)
    return link


_PROPORTION_VERBS: Final = frozenset({"用于", "参加", "参与", "投向"})
_PROPORTION_STOPS: Final = frozenset({"其中", "中", "而", "但", "并", "且"})


def _described_proportion(tokens: list[Token], start: int, link: MetricLink, links: list[MetricLink]) -> MetricLink:
    """参加基本医疗保险、大病保险的比例达到100%, 其中用于产业发展的比重为58.3%: a bare 比例 after a 的-clause is
    named by the clause (from the clause's start, past a scope, a date, 其中 or …中); 占…的比重 is the share of
    the figure before."""
    clause = _clause_before(tokens, start)
    at = next((i for i in range(len(clause) - 1, 0, -1) if clause[i].token == link.metric), None)
    if at is None:
        return link
    if clause[at - 1].token != "的":
        compound = at
        while compound and clause[compound - 1].pos in ("n", "vn", "nz") and \
                clause[compound - 1].token not in SCOPE_WORDS:
            compound -= 1
        if compound < at - 1:  # 畜禽|规模|养殖|比重达到七成: the nouns glued before it name the share
            return MetricLink("".join(t.token for t in clause[compound:at + 1]), link.change, link.place_hint)
        return link
    first = 0
    for index in range(at - 1):
        token = clause[index]
        if token.token in _PROPORTION_STOPS or token.token in SCOPE_WORDS or token.pos == "t":
            first = index + 1
    while first < at - 1 and (clause[first].token in SCOPE_WORDS or clause[first].pos in ("ns", "t")):
        first += 1
    if first >= at - 1:
        return link
    if clause[first].token.startswith("占"):
        return _borrowed(link, _last_with_metric(links))
    if clause[first].token in COMPARISONS or clause[first].token in ("较", "比"):
        return MetricLink(None, link.change, None)  # 较中央要求的比例提高两个百分点: a gap to a standard
    use = next((i for i in range(first + 1, at - 1) if clause[i].token in _PROPORTION_VERBS), None)
    if use is not None:
        first = use  # 农村贫困人口|参加…的比例, …补助资金|用于产业发展的比重: the clause starts at the verb
    return MetricLink("".join(t.token for t in clause[first:at + 1]), link.change, link.place_hint)


def _rate_of(tokens: list[Token], start: int, link: MetricLink) -> MetricLink:
    """农民收入增速快于城镇居民1个百分点: a gap in points is a gap between rates, so the rate stays in the name
    (a level in percent drops it: 居民消费价格|涨幅3%左右 measures 居民消费价格)."""
    metric = link.metric or ""  # (named_in_sentence calls this only for a named figure)
    clause = _text(_clause_before(tokens, start))
    rate = next((word for word in RATE_WORDS if metric + word in clause), None)
    return MetricLink(metric + rate, link.change, link.place_hint) if rate else link


TARGET_WORDS: Final = ("预期目标", "控制目标", "目标值", "指标值", "目标")


def _without_target(link: MetricLink, links: list[MetricLink]) -> MetricLink:
    """农村自来水普及率目标为90%: a target is a value of its indicator, so the indicator is the metric; a bare
    …的控制目标 takes the indicator named before it (失业率为3.2%，低于4.5%的控制目标)."""
    metric = link.metric or ""  # (named_in_sentence calls this only for a named figure)
    word = next(w for w in TARGET_WORDS if metric.endswith(w))
    rest = metric[:-len(word)]
    if len(rest) >= 2:
        return MetricLink(rest, link.change, link.place_hint)
    return _borrowed(link, _last_with_metric(links))


def _reduced_poverty(tokens: list[Token], start: int) -> bool:
    """减贫 right before the figure (past 均, 在, 约…): the verb names what the figure counts, as 年均减贫 does."""
    core = _core(_clause_before(tokens, start))
    while core and core[-1].token in ("在", "达", "达到"):
        core = _core(core[:-1])
    return bool(core) and core[-1].token == "减贫"


def named_in_sentence(tokens: list[Token], start: int, unit: str, link: MetricLink,
                      links: list[MetricLink], places: Sequence[tuple[int, int]] = ()) -> MetricLink:
    """The clause's own reading of the figure at ``start``, corrected by the words around its phrase."""
    if link.metric is None and _reduced_poverty(tokens, start):
        link = MetricLink("减贫", "delta", None)  # 实现减贫62.4万人, 每年减贫均在2万人以上: the figure's name
    if link.metric and link.metric.endswith(TARGET_WORDS):
        link = _without_target(link, links)
    if link.metric in ("比例", "比重"):
        link = _described_proportion(tokens, start, link, links)
    elif link.metric and link.metric.endswith(("比重", "比例")):
        link = _share_of_whole(tokens, start, link, places)
    if link.metric in _TOURISM_COUNTS:
        link = _rural_tourism(tokens, start, link)
    if unit == "个百分点" and link.metric and link.metric not in RATE_WORDS:
        link = _rate_of(tokens, start, link)
    if link.metric and link.metric.endswith(_PER_MU_HEADS):
        link = _per_mu(tokens, start, link)
    if link.change == "level" and link.metric and "新增" not in link.metric and _added(tokens, start, link.metric):
        link = MetricLink(link.metric, "delta", link.place_hint)
    if link.metric in _YEARLY_BUILT and links and links[-1].metric:
        link = MetricLink(links[-1].metric, link.change, links[-1].place_hint)  # 累计建成X32.6万亩，年均建设6.52万亩
    if link.metric in RATE_WORDS:
        link = _rate_past_period(tokens, start, link, places)
    if link.metric in _MONITORED or (link.metric and link.metric.endswith("占比") and link.metric[:-2] in _MONITORED):
        link = _risk_clause(tokens, start, link)
    if link.metric and link.metric.endswith(("人均纯收入", "人均可支配收入")) and unit.endswith("元"):
        link = _standard_set(tokens, start, link)
    if unit == "%":
        link = _share_of_target(tokens, start, link)
    return link


_TARGET_DONE: Final = re.compile(r"(?:超额)?完成(?P<target>[^，。；、]{0,10}?(?:目标任务|任务|目标))的$")


def _share_of_target(tokens: list[Token], start: int, link: MetricLink) -> MetricLink:
    """…，完成年度目标任务的103.5%: the figure is how much of the target was done, so the target names it (the
    readings split 23 to 17 against borrowing the subject before)."""
    done = _TARGET_DONE.search(_text(_clause_before(tokens, start)))
    return MetricLink(done.group("target"), link.change, link.place_hint) if done else link


_STANDARD_SET: Final = re.compile(r"([\u4e00-\u9fff]{0,8}(?:监测范围|监测标准|识别标准|扶贫标准))"
                                  r"(?:由|调整为|调整到|确定为|为|提高到|提高至)[^，。；]*$")


def _standard_set(tokens: list[Token], start: int, link: MetricLink) -> MetricLink:
    """防止返贫监测范围调整为年人均纯收入6800元: a standard set at an income is the standard's figure (6 readings
    of 6); a band of it (…6600元以下的农户) stays the income's."""
    figure, end = "", start
    for token in (t for t in tokens if t.start >= start):
        if token.start != end or token.pos != "m":
            break  # the figure's own tokens only (6600|元|以下)
        figure, end = figure + token.token, token.end
    if figure.endswith(("以下", "以上")):
        return link
    found = _STANDARD_SET.search(_text(_clause_before(tokens, start)))
    if found is None:
        return link
    name = re.split(r"[将把对]", found.group(1))[-1]  # (多数省份将|防止返贫监测范围确定为…)
    for scope in SCOPE_WORDS:
        name = name.removeprefix(scope)
    return MetricLink(name, link.change, link.place_hint)


def _rate_past_period(tokens: list[Token], start: int, link: MetricLink,
                      places: Sequence[tuple[int, int]]) -> MetricLink:
    """财政专项扶贫资金每年增幅不低于8%: a rate of change names what changes, past the period it is counted over
    (the rate word alone says nothing)."""
    clause = _clause_before(tokens, start)
    at = max((i for i, t in enumerate(clause) if t.token == link.metric), default=-1)
    before = at
    while before > 0 and clause[before - 1].token in ("每年", "每月", "年均", "同比", "平均", "逐年"):
        before -= 1
    if before == at or before <= 0:
        return link
    subject, place = _phrase(clause[:before], forward=False, places=places)
    return MetricLink(subject, link.change, place or link.place_hint) if subject else link


_MONITORED: Final = frozenset({"监测对象", "监测户", "脱贫户", "农户"})
_YEARLY_BUILT: Final = frozenset({"年均建设", "年均建成", "年均新建", "年均改造",
                                  "年均完成"})  # the yearly share of a total
_RISK_CLAUSE: Final = re.compile(r"(?:(?:已|未|尚未)?消除[^，。；、的]{0,8}风险|风险(?:已|未|尚未)?消除)的$")


def _risk_clause(tokens: list[Token], start: int, link: MetricLink) -> MetricLink:
    """已消除风险的监测对象占比超过六成, 未消除风险的监测对象由1.38万户下降到4120户: whether their risk was
    removed is part of whom the figure counts (11 development readings, none against)."""
    metric = link.metric or ""  # (named_in_sentence calls this only for a named figure)
    clause = _text(_clause_before(tokens, start))
    at = clause.rfind(metric)
    found = _RISK_CLAUSE.search(clause[:at]) if at > 0 else None
    return MetricLink(found.group(0) + metric, link.change, link.place_hint) if found else link


def _added(tokens: list[Token], start: int, metric: str) -> bool:
    """新增产业基地约15万亩, 新增帮扶车间不少于100个: 新增 right before what the figure counts makes it a delta, as the
    notes have it (新增…3家); 城镇新增就业, with 新增 inside the name, stays a level."""
    clause = _text(_clause_before(tokens, start))
    at = clause.rfind(metric)
    return at >= 2 and clause[at - 2:at] == "新增" and clause[at + len(metric):] in _BOUND_TAILS


_BOUND_TAILS: Final = frozenset({"", "约", "不少于", "不低于", "超过", "达", "达到", "共", "近", "逾"})


def band_of_before(tokens: list[Token], span: tuple[int, int, str], link: MetricLink,
                   earlier: list[tuple[int, int, str]], links: list[MetricLink]) -> MetricLink:
    """A figure inside a band (…的村, …的9个) with no metric of its own, or only the band's, measures what the
    figure before did."""
    start, end, unit = span
    if link.metric is None and unit.endswith("元"):
        link = _banded_like_before(tokens, end, link, earlier, links)
    if unit in COUNT_AFTER_UNITS:  # (also when the band's money lent the count its own metric: 年产值…的有215个)
        following = next((t for t in tokens if t.start >= end), None)
        if following is None or following.pos == "x":  # ending its clause (…以上的412名|特困老人 names its own)
            link = _band_count(tokens, start, unit, link, earlier, links)
    return link


_AGE_UNITS: Final = ("岁", "周岁")
_GENERIC_PEOPLE: Final = frozenset({"人口", "人员", "人数"})


def age_banded(tokens: list[Token], quantities: list[tuple[int, int, str]],
               links: list[MetricLink]) -> list[MetricLink]:
    """60岁及以上人口占21.8%, 其中35岁以下党员212名: an age band before the people a figure measures is part of
    their name when the people are no more than 人口 or 人员, or when the sentence already counted them whole
    (党员1386名，其中35岁以下党员…); otherwise (60岁以上老年人) the people name themselves."""
    bands = [(start, end) for start, end, unit in quantities if unit.endswith(_AGE_UNITS)]
    if not bands or not tokens:
        return links
    base = tokens[0].start  # (tokens carry document offsets; the text below starts at the sentence)
    text = _text_of(tokens)
    links = list(links)
    for index, ((start, _, unit), link) in enumerate(zip(quantities, links)):
        band = next(((s, e) for s, e in reversed(bands) if e <= start), None)
        metric = link.metric
        if band is None or not metric or unit.endswith(_AGE_UNITS):
            continue
        band_start, band_end = band[0] - base, band[1] - base
        opening = band_end + (text[band_end:band_end + 1] == "的")
        if not text.startswith(metric, opening) or any(c in "；;。" for c in text[opening:start - base]):
            continue
        counted_whole = metric in text[:band_start] and any(
            other.metric == metric for (s, _, _), other in zip(quantities, links) if s < band[0])
        if metric in _GENERIC_PEOPLE or counted_whole:
            links[index] = MetricLink(text[band_start:opening + len(metric)], link.change, link.place_hint)
    return links


def _text_of(tokens: list[Token]) -> str:
    """The sentence as its tokens spell it, from the first token on, with blanks where no token covers a
    character."""
    base = tokens[0].start
    chars = [" "] * (tokens[-1].end - base)
    for token in tokens:
        chars[token.start - base:token.end - base] = token.token
    return "".join(chars)
