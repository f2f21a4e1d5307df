"""The metric a quantity measures and how it changes: the noun phrase of the same clause it is about.

Patterns: X由A下降到B (A from, B to), X从A增加到B, X减少N / X增长N% (delta), X达到N / X为N (level),
N个X (the noun after a classifier). The metric is a noun phrase: nouns, verbal nouns and modifiers that
end in a noun. A place or scope word that opens the phrase (全市, 全省, 贵州省) is not part of the metric;
it is returned as the place hint, so facts can be grouped by place.

This module links the figures of a sentence; the noun phrase itself is read in ``metric_phrases``, the
patterns whose metric is something else (shares, payments, time spent) in ``metric_patterns``, and both
stand on the token tests of ``metric_tokens`` and the word lists of ``metric_words``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Final

from zhetl.metric_clauses import (
    OUTER_LIMITS,
    THRESHOLDS,
    bare_share,
    gap_to_standard,
    kept_level,
    quoted_before,
    ratio_named,
    threshold_of,
)
from zhetl.metric_context import MetricLink, age_banded, band_of_before, named_in_sentence
from zhetl.metric_lists import _list_items, _shared_head, _verbal_items, category_items
from zhetl.metric_names import (
    MONEY_NOUNS,
    RESULT_WORDS,
    _above_threshold,
    _achieved_object,
    _counted_off,
    _described_head,
    _listed_access,
    _named_after,
    _paired_forward,
    _people_placed,
    _per_unit_alone,
    _superlative,
    _with_origin,
    finished_name,
    superlative_clause,
    villages_collective,
)
from zhetl.metric_patterns import (
    _achieved,
    _activity,
    _compared_rate,
    _described_share,
    _paid_to,
    _past_count,
    _rate_of_payment,
    _ratio_verb,
    _relative_clause,
    _share_opens,
    _share_subject,
    _span_of_time,
    _time_limit,
    _time_spent,
    led_share,
    population_before,
    share_in_money_band,
    timed_activity,
)
from zhetl.metric_phrases import _phrase, _subject_zone
from zhetl.metric_tokens import (
    _change,
    _clause,
    _contiguous,
    _core,
    _glue_parentheses,
    _in_place,
    _is_span,
    _normalise,
    beyond_target,
    is_gap,
)
from zhetl.metric_words import (
    AVERAGE_WORDS,
    CLAUSE_BREAKS,
    COMPARISONS,
    CONTINUATIONS,
    COUNT_AFTER_UNITS,
    COUNTED_HEADS,
    DURATION_OR_AGE,
    FROM_WORDS,
    GENERIC_NOUNS,
    LEADING_VERBS,
    MODIFIER_VERBS,
    MONEY_OR_MEASURE,
    NOUN_TAGS,
    ORGANISATION_HEADS,
    PEOPLE_HEADS,
    RATE_WORDS,
    RATIO_UNITS,
    REACH_WORDS,
    SCOPE_WORDS,
    TIME_AVERAGES,
    TIME_HEADS,
)
from zhetl.quantities import Quantity
from zhetl.segment import Token

RATIO_ENDINGS: Final = ("比", "之比", "倍差", "比值")
INDEX_ENDINGS: Final = ("系数", "指数", "得分", "评分")  # 灌溉水有效利用系数0.58, 空气质量综合指数3.41: no count


def ratio_kinds(quantities: list[Quantity], links: list[MetricLink]) -> list[Quantity]:
    """城乡居民收入比由2.8缩小到2.63: a bare number whose metric is a ratio is a fraction, not a count; 贫困发生率
    降至0: a bare zero of a rate is a percent."""
    if len(quantities) != len(links):
        raise ValueError(f"{len(quantities)} quantities but {len(links)} links")
    return [_kind_of_bare(quantity, link) for quantity, link in zip(quantities, links)]


def _kind_of_bare(quantity: Quantity, link: MetricLink) -> Quantity:
    if quantity.unit or quantity.kind != "count" or not link.metric:
        return quantity
    if link.metric.endswith(RATIO_ENDINGS + INDEX_ENDINGS):
        return replace(quantity, kind="fraction")
    if quantity.value == 0 and link.metric.endswith("率"):
        return replace(quantity, kind="percent")
    return quantity


def link_metrics(tokens: list[Token], quantities: list[tuple[int, int, str]],
                 places: Sequence[tuple[int, int]] = ()) -> list[MetricLink]:
    """Metric and change for each (start, end, unit) quantity of one sentence, in order.

    A quantity with no noun phrase of its own borrows from the one before it when they touch (2843户9993人)
    or when its clause only continues the change (…，下降到644户).
    """
    if not quantities:
        return []
    tokens = _normalise(tokens)
    money_starts = {start for start, _, unit in quantities if unit.endswith("元")}
    if any(t.token == "人民币" and t.end in money_starts for t in tokens):
        # 授信人民币|贰佰亿元: the currency's name belongs to the sum, not to what it measures
        tokens = [t for t in tokens if t.token != "人民币" or t.end not in money_starts]
    if any(t.token in ("（", "(") for t in tokens):
        tokens = _glue_parentheses(tokens)
    links: list[MetricLink] = []
    for index, (start, end, unit) in enumerate(quantities):
        link = named_in_sentence(tokens, start, unit, link_metric(tokens, start, end, unit, places), links, places)
        # (…的行政村150个、占比80%: a bare 占比 stays the figure's name, as 13 specification-only readings have it
        # against 3; the notes-trained sets gave it the count's name before, 38 times)
        if link.metric in _TOTALS and index:
            # 新增规上工业企业126家，总数突破1500家: the total of what the count before it added to
            same_index = _latest_in_unit(quantities, links, index, unit)
            if same_index is not None:
                same = links[same_index]
                link = MetricLink(same.metric, link.change, same.place_hint)
        if link.metric in RATE_WORDS and index and links[-1].metric and bare_share(tokens, start, RATE_WORDS):
            link = MetricLink(links[-1].metric, "delta", links[-1].place_hint)  # …至131.3万人，降幅为3.1%
        elif link.metric in ("比重", "比例") and index and links[-1].metric and bare_share(tokens, start):
            link = MetricLink(links[-1].metric, link.change, links[-1].place_hint)  # 乡村人口减少9.8万人，比重下降…
        clause = _clause([t for t in tokens if t.end <= start], backwards=True) if link.metric is None and index \
            else []
        done = _done_already(clause, start)
        if done is not None:
            link = MetricLink(done, link.change, link.place_hint)
        if link.metric is None and index:
            previous_index = next((i for i in range(index - 1, -1, -1) if links[i].metric), index - 1)
            # …减少贫困人口1.02万人，贫困发生率下降4.3个百分点；2019年又减少8410人: a count that names nothing
            # continues the latest count of its unit, not the rate between them
            same_count = _latest_in_unit(quantities, links, index, unit) if unit in COUNT_AFTER_UNITS else None
            if same_count is not None and _base_unit(quantities[previous_index][2]) != _base_unit(unit):
                previous_index = same_count
            previous = links[previous_index]
            touching = quantities[index - 1][1] == start
            nounless = not any((t.pos in NOUN_TAGS or t.pos.startswith("n")) and t.token not in CONTINUATIONS
                               and t.token not in REACH_WORDS for t in clause)  # (jieba tags 较 and 突破 nouns)
            # …，占69.9%; …，比上年下降8.5%: a clause that only continues the previous figure (but 较在本地务工
            # 高出约四成 is a gap to another standard).
            continues = bool(clause) and clause[0].token in CONTINUATIONS and nounless and \
                not any(t.token in COMPARISONS for t in clause)
            # …，共计386名; …，连续6年稳定在1.3万亿斤以上: no noun of its own, the same unit as before.
            same_unit = nounless and bool(unit) and quantities[previous_index][2] == unit
            # …，占农村常住人口的21.3%; 相当于种植玉米收益的三倍: a ratio whose subject came before.
            ratio = unit in RATIO_UNITS and _ratio_verb(clause) == 0
            # 高于全国农村平均增速1.9个百分点: a gap to a standard, with no subject of its own.
            compared = bool(clause) and (clause[0].token in COMPARISONS or is_gap(clause) or beyond_target(clause))
            # 售价每斤4.5元，比普通果高出1.2元; 出厂价600元，比普通茶叶高出3倍: a gap in the figure's own unit (or a
            # multiple) says how far the same figure stands above another (a gap in points: point_gap, below).
            gap = bool(clause) and unit != "个百分点" and gap_to_standard(clause) and \
                (unit == quantities[previous_index][2] or unit == "倍")
            # 增长3.6%，高于全国1.3个百分点: a gap in points after a rate measures that rate against the standard
            # (13 readings to 3 where annotators worked from the specification alone; older notes left it null).
            point_gap = compared and unit == "个百分点" and quantities[previous_index][2] in ("%", "‰", "个百分点")
            # …年均增长6.8%，由2020年的198.6亿元增加到…: a clause that opens on 由 with no noun starts the change
            # of the figure before, as its end (to) does.
            opens_change = link.change == "from" and nounless and bool(clause) and clause[0].token in FROM_WORDS
            if touching or (((link.change in ("to", "delta") and not compared) or continues or same_unit or ratio
                             or _part_of(clause) or _share_opens(clause) or gap or point_gap or opens_change)
                            and previous.metric):
                link = MetricLink(previous.metric, previous.change if touching else link.change, previous.place_hint)
            elif nounless and unit and kept_level(clause) and \
                    any(quantities[i][2] == unit and links[i].metric for i in range(index)):
                # 总产量3.62万吨，比上年增产1.7%，连续五年保持在3.5万吨以上: the level of the same unit before
                same = next(links[i] for i in range(index - 1, -1, -1) if quantities[i][2] == unit and links[i].metric)
                link = MetricLink(same.metric, link.change, same.place_hint)
            elif clause and unit and all(t.token in SCOPE_WORDS or t.token in ("其中", "、") or
                                         t.pos in ("ns", "s", "f", "m") or _in_place(t, places) for t in clause) and \
                    any(quantities[i][2] == unit and links[i].metric for i in range(index)):
                # 254个村入选，其中东部地区98个、中部地区76个: a place's share of the count before
                same = next(links[i] for i in range(index - 1, -1, -1) if quantities[i][2] == unit and links[i].metric)
                link = MetricLink(same.metric, link.change, link.place_hint)
            elif nounless and _core(clause) and (_core(clause)[-1].token in REACH_WORDS or (
                    _core(clause)[-1].token in LEADING_VERBS and
                    any(quantities[i][2] == unit and links[i].metric for i in range(index)))):
                # …，2020年达到12960元, …，首次突破千亿元大关, …，五年累计建成15万亩: the level the figures
                # before were about (a verb that builds needs a figure of the same unit before).
                level = _level_before(quantities[:index], links, unit)
                if level is not None:
                    link = MetricLink(level.metric, link.change, level.place_hint)
        elif index and link.metric and link.metric != _achieved(_clause([t for t in tokens if t.start >= end],
                                                                        backwards=False)):
            link = _refer_back(tokens, start, link, links, [q[2] for q in quantities[:index]], unit)
        if index and (link.metric in _STOCK_WORDS or link.metric is None):
            link = _stock_of(tokens, start, link, links)
        if index and (link.metric is None or (link.metric == links[-1].metric and quantities[index - 1][2] != unit)):
            link = band_of_before(tokens, (start, end, unit), link, quantities[:index], links)
        if index and quantities[index - 1][1] == start and link.change == "level" and \
                links[-1].change in ("from", "to") and link.metric == links[-1].metric:
            link = MetricLink(link.metric, links[-1].change, link.place_hint)  # 由7262户|2.5万多人减少到…: both from
        named = finished_name(tokens, start, link.metric)
        if named != link.metric:
            link = MetricLink(named, link.change, link.place_hint)
        if link.change == "delta" and link.metric and link.metric.endswith("涨幅") and link.metric != "涨幅":
            link = MetricLink(link.metric, "level", link.place_hint)  # 居民消费价格涨幅3%左右: a level of the rise
        if link.metric is None:
            clause = _clause([t for t in tokens if t.end <= start], backwards=True)
            cut = max((i + 1 for i, t in enumerate(clause) if t.token == "、" or t.pos == "m"), default=0)
            if len(clause) - cut == 1 and clause[-1].token in AVERAGE_WORDS - TIME_AVERAGES:
                # …，户均2529元; …总收入4.7亿元、村均82.7万元: the average itself
                link = MetricLink(clause[-1].token, link.change, None)
        if index and quantities[index - 1][1] + 1 == start and \
                any(t.token in (":", "：", "∶") and t.start == start - 1 for t in tokens):
            link = links[-1]  # 8.3:40.1:51.6: the terms of one structure share its name and its change
        links.append(link)
    _share_forward(tokens, quantities, links)
    links = _work_lasting(tokens, quantities, age_banded(tokens, quantities, _distribute(tokens, quantities, links)))
    return [_without_trailing_bound(link) for link in links]


_TOTALS: Final = frozenset({"总数", "总量"})


def _base_unit(unit: str) -> str:
    """万人 and 人, 亿元 and 元: one unit whatever its multiplier."""
    return unit.lstrip("十百千万亿") or unit


def _latest_in_unit(quantities: list[tuple[int, int, str]], links: list[MetricLink], index: int,
                    unit: str) -> int | None:
    """The latest figure before ``index`` that has a metric and the same unit, whatever its multiplier."""
    return next((i for i in range(index - 1, -1, -1)
                 if links[i].metric and _base_unit(quantities[i][2]) == _base_unit(unit)), None)


# Words that bound or average a figure and sit between its noun and the number (带动就业|接近|1万人, 领取失业保险金人数|
# 月均|9.8万人): they belong to the figure, never to what it measures (no development metric ends with one; 剩余
# opens 剩余贫困人口 but never ends a name).
_TRAILING_BOUNDS: Final = ("将近", "接近", "不少于", "不低于", "至少", "不超过", "不高于", "最高", "最多", "月均",
                           "日均", "人民币",
                           "剩余")  # (…，剩余74户: what remains of the figure before, never a name of its own)


def _without_trailing_bound(link: MetricLink) -> MetricLink:
    metric = link.metric
    if not metric or not metric.endswith(_TRAILING_BOUNDS):
        return link
    word = next(w for w in _TRAILING_BOUNDS if metric.endswith(w))
    return MetricLink(metric[:-len(word)] or None, link.change, link.place_hint)


def _level_before(quantities: list[tuple[int, int, str]], links: list[MetricLink], unit: str) -> MetricLink | None:
    """The latest earlier figure of the same unit, else the latest that is no gap in percentage points."""
    candidates = [(q, link) for q, link in zip(quantities, links) if link.metric]
    same = [link for q, link in candidates if q[2] == unit]
    if same:
        return same[-1]
    plain = [link for q, link in candidates if q[2] != "个百分点"]
    if not plain and unit == "%" and candidates:
        return candidates[-1][1]  # 森林覆盖率提高了5.8个百分点，到2020年达到42.6%: the rate's level after its change
    return plain[-1] if plain else None


def _share_forward(tokens: list[Token], quantities: list[tuple[int, int, str]], links: list[MetricLink]) -> None:
    """1870户、7900余名搬迁群众, 48户156名脱贫群众, 29个、287个和339个贫困县: counts joined by 、 (or 和 in one
    unit) or touching before one noun all count it."""
    for index in range(len(quantities) - 2, -1, -1):
        _, end, unit = quantities[index]
        following = links[index + 1]
        if links[index].metric is not None or following.metric is None or unit not in COUNT_AFTER_UNITS:
            continue
        between = [t.token for t in tokens if end <= t.start and t.end <= quantities[index + 1][0]]
        joined = between in (["和"], ["及"], ["与"], ["或"]) and unit == quantities[index + 1][2]
        if between in (["、"], []) or joined:
            # (nothing between: 48户156名脱贫群众; 287个和339个贫困县: the last pair of a list in one unit)
            links[index] = MetricLink(following.metric, links[index].change, following.place_hint)


def _refer_back(tokens: list[Token], start: int, link: MetricLink, links: list[MetricLink], units: list[str],
                unit: str) -> MetricLink:
    """16个贫困县中有8个…, 搬迁移民123万人，其中…搬迁34.6万人: a part of what an earlier figure counted.

    Only a figure of the same kind can be a part (10万元以上的村有71个 counts 村, not the income before it).
    """
    metric = link.metric or ""  # (called only for a named figure)
    clause = _clause([t for t in tokens if t.end <= start], backwards=True)
    is_count = unit in COUNT_AFTER_UNITS
    earlier = [other.metric for other, other_unit in zip(links, units)
               if other.metric and (other_unit in COUNT_AFTER_UNITS) == is_count]
    if not earlier:
        return link
    if _part_of(clause):
        return MetricLink(earlier[-1], link.change, link.place_hint)  # 16个贫困县中有8个: 8 of those 贫困县
    same_unit = [other.metric for other, other_unit in zip(links, units)
                 if other.metric is not None and other_unit == unit]  # 车间3.26万个，吸纳就业43.7万人: 人 are not 车间
    longer = next((other for other in reversed(same_unit) if other != metric and
                   other.startswith(metric) and len(other) - len(metric) >= 2), None)
    if longer is not None and len(metric) <= 2:
        return MetricLink(longer, link.change, link.place_hint)
    return link


def _part_of(clause: list[Token]) -> bool:
    """…N个X中(已)有M个: the clause names a part of what an earlier figure in it counted."""
    words = [t.token for t in clause]
    has = bool(words) and words[-1].endswith("有")
    return has and ("中" in words or "中有" in words) and any(t.pos == "m" for t in clause)


def _distribute(tokens: list[Token], quantities: list[tuple[int, int, str]],
                links: list[MetricLink]) -> list[MetricLink]:
    """A、B和C…分别X、Y和Z: the k-th figure after 分别 measures the k-th item before it.

    Items may share a head (城镇居民和农村居民人均可支配收入, 第一、二、三产业增加值); with no list before
    分别, the figures share out the metrics of the figures listed just before them (…资金1120亿元、…，分别占…).
    """
    links = list(links)
    for marker in (t for t in tokens if t.token == "分别"):
        group = [i for i, (start, _, _) in enumerate(quantities)
                 if start >= marker.end and not any(t.token in CLAUSE_BREAKS - {"、"} for t in tokens
                                                    if marker.end <= t.start < start)]
        if len(group) < 2:
            continue
        subject = _clause([t for t in tokens if t.end <= marker.start], backwards=True)
        by_category = category_items(subject)
        if by_category is not None and len(by_category) == len(group):
            _assign(links, group, by_category)
            continue
        items = _list_items(subject)
        if len(items) != len(group):
            # 教育文化和娱乐价格、医疗保健价格分别…: 和 inside an item, 、 between the items.
            enumerated = _list_items(subject, ("、",))
            items = enumerated if len(enumerated) == len(group) else items
        if len(items) != len(group):
            verbal = _verbal_items(subject)  # 省外务工和省内务工分别为…, 分散供养和集中供养分别为…
            items = verbal if len(verbal) == len(group) else items
        if len(items) == len(group):
            metrics = _shared_head(items)
        elif len(items) == 1 and (only := links[group[0]].metric) and only not in _BARE_SHARES:
            # 销售收入分别达到3600万元和410万元; 城乡低保标准分别提高到720元和560元 keeps the phrase as written (20
            # readings to none where annotators worked from the specification alone; older notes split 城乡).
            metrics = [only] * len(group)
        else:
            earlier = [i for i in range(group[0]) if links[i].metric and quantities[i][1] <= marker.start]
            if len(earlier) < len(group):
                continue
            metrics = [links[i].metric or "" for i in earlier[-len(group):]]
        _assign(links, group, metrics)
    return links


# …农村低保对象54.1万人、特困人员7.8万人，占比分别为62.7%和9.0%: shares of the figures before, one each
_BARE_SHARES: Final = frozenset({"占比", "比重", "比例"})


def _assign(links: list[MetricLink], group: list[int], metrics: list[str]) -> None:
    """Give the figures of a 分别 list their metrics; the list's verb serves them all (分别下降16.3%和12.3%)."""
    first_change = links[group[0]].change
    for index, metric in zip(group, metrics):
        change = first_change if links[index].change == "level" else links[index].change
        links[index] = MetricLink(metric, change, links[index].place_hint)


_ACTIVITIES_AFTER: Final = frozenset({"就业", "就近", "就地", "就近就业", "就地就业", "稳定就业", "务工", "增收",
                                      "稳定增收", "脱贫", "稳定脱贫"})


def _quoted_noun(after: list[Token]) -> str | None:
    """“两后生”, “空心村”: a short quoted noun right after a count, with no noun after the quote, is what it counts."""
    if not after or after[0].token not in ("“", '"'):
        return None
    close = next((i for i in range(1, min(len(after), 6)) if after[i].token in ("”", '"')), None)
    if close is None or close == 1 or (close + 1 < len(after) and after[close + 1].pos.startswith("n")):
        return None
    return "".join(t.token for t in after[1:close])


def _paid_after_standard(after: list[Token]) -> str | None:
    """按每户2.5万元标准|(违规)发放|补助资金: a standard written without 的 is the standard of what the verb pays."""
    verb = next((i for i, t in enumerate(after[:2]) if t.pos == "v"), None)
    return None if verb is None else _named_after(after[verb + 1:], MONEY_NOUNS)


def _people_then_activity(before: list[Token], after: list[Token], start: int) -> bool:
    """People named right before their number, then what they do (就业, 增收) or gain on average (户均增收)."""
    return bool(before) and bool(after) and before[-1].end == start and before[-1].pos.startswith("n") and \
        before[-1].token.endswith(COUNTED_HEADS) and \
        (after[0].token in _ACTIVITIES_AFTER or after[0].token in AVERAGE_WORDS) and \
        not (len(after) > 1 and after[1].pos.startswith("n") and after[1].start == after[0].end)  # (脱贫|村)


def _counted_heads(unit: str) -> tuple[str, ...]:
    """How what a unit counts ends: people, households and villages; bodies for 家; periods for spans of time."""
    if unit == "家":
        return ORGANISATION_HEADS  # 412家|农民合作社 counts the 社, 307家|中央单位|联系… the 单位
    if _is_span(unit):
        return TIME_HEADS  # 5年|过渡期|内, 五年|过渡期|政策: the period
    if unit in ("岁", "周岁"):
        return (*COUNTED_HEADS, "儿", "书记", "主任")  # 3岁以下|婴幼儿|托位, 5岁以下|儿童|死亡率: the people it sorts
    if not unit:
        return COUNTED_HEADS  # 6.3万|农村人口|饮水安全问题: a bare count of people counts the people
    return COUNTED_HEADS if unit in COUNT_AFTER_UNITS else ()


def link_metric(tokens: list[Token], start: int, end: int, unit: str,
                places: Sequence[tuple[int, int]] = ()) -> MetricLink:
    """Find the metric and change type for a quantity spanning [start, end) among a sentence's tokens."""
    before = _clause([t for t in tokens if t.end <= start], backwards=True)
    after = _clause([t for t in tokens if t.start >= end], backwards=False)
    change = _change(before)
    if unit in ("镇", "乡", "省", "县", "省市", "省区市"):
        return MetricLink(unit, change, None)  # 辖8镇11乡, 覆盖6省18县: the places are what is counted
    metric: str | None = None
    place: str | None = None
    noun_next = bool(after) and (after[0].pos in NOUN_TAGS or after[0].pos.startswith("n"))
    if unit in RATIO_UNITS:
        led = led_share(before) or share_in_money_band(tokens, start)
        if led is not None:
            return MetricLink(led, change, None)
        spent_on = _share_spent_on(tokens, start, after, places)
        if spent_on is not None:
            return MetricLink(spent_on, change, None)
    if threshold_of(before, after, start, places):
        # 收入超百万元的村, 期限3年以内的小额信贷, 用工规模在300人以下的企业: a bound inside a 的-phrase
        # measures the noun it bounds, not the noun the phrase describes
        metric, place = _phrase(_subject_zone(before), forward=False, places=places)
        if metric is not None:
            return MetricLink(metric, change, place)
    if unit in ("岁", "周岁") and len(after) > 1 and after[0].token == "的" and \
            (after[1].token in ("占", "约占", "仅占", "占比") or all(t.pos == "m" for t in after[1:])):
        people = population_before([t for t in tokens if t.end <= start])
        if people is not None:
            return MetricLink(people, change, None)  # 受访农户中60岁以上的占41.6%: the age sorts the people
    if unit in COUNT_AFTER_UNITS or (after and after[0].token == "的" and unit not in MONEY_OR_MEASURE) or \
            (unit in DURATION_OR_AGE and noun_next):
        metric, place = _phrase(after, forward=True, places=places, counted=_counted_heads(unit))
        if metric is not None and unit in COUNT_AFTER_UNITS:
            metric = _paired_forward(after, metric, places, _counted_heads(unit))
        if metric is not None and unit == "个" and villages_collective(after[0].token):
            metric = "村"  # 28个|村集体经济收入总额达到1860万元: the villages are counted, the sum is the next figure's
        elif metric is not None and unit == "个" and len(after) > 1 and after[0].token.endswith("村") and \
                villages_collective("村" + after[1].token):
            metric = after[0].token  # 128个行政村|集体经营性收入: likewise
        elif metric is not None and unit == "个" and len(after) > 1 and after[0].token in ("脱贫", "贫困") and \
                after[1].token.startswith("村集体") and not after[1].token.endswith("组织"):
            metric = after[0].token + "村"  # 632个脱贫|村集体经济|年收入: likewise (jieba glues 村 to what follows)
        if metric is None and unit in COUNT_AFTER_UNITS:  # 逾1.5万名“两后生”接受职业培训: the quoted noun is counted
            metric = _quoted_noun([t for t in tokens if t.start >= end][:8]) or metric
        if metric is None and unit in COUNT_AFTER_UNITS and after and after[0].pos == "m" and \
                any(t.token in ("岁", "周岁") for t in after[:3]):
            metric, place = _phrase(_past_count(after), forward=True, places=places,  # 34.2万名|65岁及以上|贫困老人
                                    counted=_counted_heads(unit))
        if metric is None and unit in COUNT_AFTER_UNITS and change == "level":
            metric = _achieved(after)
        if metric and metric.endswith(THRESHOLDS) and before and (before[-1].token in COMPARISONS
                                                                  or before[-1].token in OUTER_LIMITS):
            metric, place = None, None  # 发生率低于3%的退出标准: the figure the standard is held against
    if unit in COUNT_AFTER_UNITS and _people_then_activity(before, after, start):
        metric, place = None, None  # 吸纳搬迁群众|近900人|就业, 带动脱贫户|4100多户|户均增收: the people before it
    if metric in RESULT_WORDS and after and after[0].token == "的":
        metric, place = None, None  # 群众认可度97.8%的|成绩: the figure's own noun comes before it
    if metric is None and unit.endswith("元") and len(after) > 3 and after[0].token == "的" and \
            after[1].token == "标准" and after[2].pos.startswith("v"):
        # 按每人每年1万元的标准|安排|劳务补助: the standard of what is paid, named after the verb that pays it
        metric = _named_after(after[3:], MONEY_NOUNS)
    if metric is None and unit.endswith("元") and after and after[0].token == "标准":
        metric = _paid_after_standard(after[1:])
    if metric is None and unit.endswith("元") and after and after[0].token == "的":
        # 给予30元以上的|缴费补贴, 带来20万至30万元的|集体收入, 争取到一个5万元的|产业奖补项目
        metric = _named_after(after[1:], MONEY_NOUNS if _above_threshold(tokens, end) else (*MONEY_NOUNS, "项目"))
    if metric is None and unit.endswith("元") and len(after) > 1 and after[0].token in ("给予", "发放", "予以"):
        metric = _named_after(after[1:], MONEY_NOUNS)  # 按每户3000至5000元|给予|一次性奖补: what is paid
    if metric is None and unit.endswith("元") and after and after[0].start == end and (
            after[0].pos.startswith("n") or (len(after) > 1 and after[1].token in MONEY_NOUNS
                                             and after[0].token not in LEADING_VERBS)):
        metric = _named_after(after, MONEY_NOUNS)  # 将2860万元|财政扶贫资金|量化, 将1500万元|衔接|资金|折股
    if metric is None and unit.endswith("元") and after and after[0].start == end and after[0].pos.startswith("n") \
            and _above_threshold(tokens, end):
        metric, place = _phrase(after, forward=True, places=places)  # 新开工亿元以上|项目: what the bound sorts
    if metric is None and unit == "%" and after and after[0].token == "的":
        metric = _named_after(after[1:], ("率", "比例", "比重"))  # 不低于8%的|年收益率
    if metric is None and unit in ("%", "成") and after and after[0].start == end and after[0].pos.startswith("n") \
            and not [t for t in before if t.token not in SCOPE_WORDS and t.pos not in ("t", "d", "c")]:
        metric, place = _phrase(after, forward=True, places=places)  # ，近九成|监测对象|已消除风险: a share of them
    if metric is None and unit in MONEY_OR_MEASURE and after and after[0].start == end and \
            after[0].pos.startswith("n") and after[0].pos not in ("nr", "ns") and \
            all(t.token in _THERE_ARE or t.token in SCOPE_WORDS or t.pos in ("t", "d", "c") for t in before):
        metric, place = _phrase(after, forward=True, places=places)  # 发现有|1.27亿元|项目资产|未确权登记
    if metric is None and unit == "%" and _listed_access(before, after, end):
        metric = after[0].token  # 建制村100%|通硬化路、100%|通客车: each share names what it has
    if metric is None and unit in ("岁", "周岁") and after:
        metric, place = _phrase(_past_count(after), forward=True, places=places,  # 60岁以上|领取待遇人数
                                counted=COUNTED_HEADS)
    from_after = metric is not None
    if metric is None and unit.endswith("元") and len(after) > 1 and after[0].token in ("用于", "设立") and \
            not any(t.token.startswith("每") and t.token not in ("每年", "每月", "每季度") for t in before):
        # (每个脱贫村安排100-150万元用于…: a sum per village measures the village)
        # 安排2亿元|用于|农村人居环境整治, 拿出3亿元|设立|乡村振兴专项资金
        metric, place = _phrase(after[1:], forward=True, places=places)
        from_after = metric is not None
    if metric is None and unit.endswith("元"):
        paid = _paid_to(before)
        if paid is not None:
            return MetricLink(paid, change, None)
    if metric is None:
        rated = _rate_of_payment(before, after, places)
        if rated is not None:
            return MetricLink(rated, change, None)
    if metric is None:
        relative = _relative_clause(before)
        if relative is not None:
            return MetricLink(relative, change, None)
    if metric is None and unit in RATIO_UNITS and (verb := _ratio_verb(before)) is not None:
        ratio_metric, ratio_place = _phrase(_subject_zone(before[:verb]), forward=False, places=places)
        head = next((t.token for t in reversed(before[verb:]) if t.token in ("比重", "比例", "比率")), None)
        if ratio_metric and head:  # …占地区生产总值的比重由2015年的38.6%: the share's own name
            ratio_metric = _whole_share(before, ratio_metric, head)
        return MetricLink(ratio_metric, change, ratio_place)
    if metric is None:
        zone = _subject_zone(before)
        metric, place = _phrase(zone, forward=False, places=places)
        metric = _counted_off(before, metric)
        activity = _activity(before, unit, places)
        if activity is not None:
            metric = activity
        elif metric and unit not in COUNT_AFTER_UNITS:
            metric = _gain_of(before, metric)

    if metric and not from_after:
        opening = next((t for t in tokens if t.start >= start), None)  # (超过 in 超过10%, a word of the mention)
        metric = _compared_rate(before, metric, opening)
    if not from_after and _is_span(unit):
        spent = _time_spent(before)
        if spent is not None:
            return MetricLink(spent, change, None)
    if metric and not from_after and _is_span(unit) and metric.endswith(TIME_HEADS):
        metric = timed_activity(before, metric)
    if metric and not from_after and _is_span(unit) and not metric.endswith(TIME_HEADS) and \
            metric not in MODIFIER_VERBS:
        metric = None  # 过去走山路要3个多小时, 在村里一干就是六年: a span of time is no amount of the noun before
    if metric in ("比重", "比例", "比率") and not from_after:
        if _share_opens(before):
            return MetricLink(None, change, None)  # …，占总人口的比重为59.6%: the part is the figure before
        share = _share_subject(before, places)
        metric = _whole_share(before, share, metric) if share else _described_share(before, metric) or metric
    if metric is None and not from_after:
        metric = _superlative(before) or _per_unit_alone(before) or superlative_clause(tokens, start)
    if metric is None and unit == "票" and before and before[-1].token in ("赞成", "反对", "弃权"):
        metric = before[-1].token  # 赞成52票，反对0票: the votes each way
    if metric and not from_after:
        metric = _described_head(before, metric)
    if metric and not from_after:
        metric = _achieved_object(before, metric)
    if not from_after:
        metric = _with_origin(before, _people_placed(before, metric, unit))
    if metric and not from_after and unit in RATIO_UNITS and ratio_named(before, metric):
        metric += "比"  # 农产品加工业与农业总产值比达到2.8:1, 城乡居民人均可支配收入比由…: the ratio of the two
    if metric and metric.endswith(("目标任务", "任务", "目标")) and not from_after and \
            any(t.token in ("超过", "超出", "超额完成", "超") for t in before):
        metric = None  # 超过国家下达目标任务12.8万人: by how much a target was beaten, not the target
    if metric is None and not from_after:
        metric = quoted_before(tokens, start) or _quoted_subject(tokens, start, before)
    how_long = _span_of_time(before, unit) and not (from_after and metric and metric.endswith(TIME_HEADS))
    if metric in GENERIC_NOUNS or metric in AVERAGE_WORDS or how_long or \
            _time_limit(before, after, unit):
        metric = None
    return MetricLink(metric, change, place)


def _share_spent_on(tokens: list[Token], start: int, after: list[Token],
                    places: Sequence[tuple[int, int]]) -> str | None:
    """收益…，其中60%用于公益岗位工资、30%用于小型公益事业: a share that opens its item (after 其中, 、 or a clause
    break) and goes to a use is named by the use, not by the item listed before it."""
    if len(after) < 2 or after[0].token not in ("用于", "作为"):
        return None
    opening = [t for t in tokens if t.end <= start][-1:]
    if opening and opening[0].token not in ("其中", "、", "，", ",", "；", ";") and opening[0].pos != "x":
        return None
    return _phrase(after[1:], forward=True, places=places)[0]


def _whole_share(before: list[Token], part: str, head: str) -> str:
    """民生支出占一般公共预算支出的比重达到80.2%: the figure is the share, so its name is the whole phrase from the
    part to 比重 (10 of 10 readings by annotators who had only the specification; 占比 is read the same way). The
    part alone is what the notes-trained sets wrote (78 readings), and it mixes a share into the part's own figures."""
    verb = next((i for i in range(len(before) - 1, -1, -1) if before[i].token in ("占", "约占")), None)
    last = next((i for i in range(len(before) - 1, -1, -1) if before[i].token == head), None)
    if verb is None or last is None or last < verb or \
            not _contiguous(before[verb - 1:last + 1]) or \
            any(t.pos in ("x", "m") for t in before[verb:last + 1]):
        return part
    return part + "".join(t.token for t in before[verb:last + 1]).removeprefix("约")


def _done_already(clause: list[Token], start: int) -> str | None:
    """发现问题线索437条，已整改到位412条: what has been done is what the figure after 已 counts (23 development
    readings name the deed, 2 the count before it); 督促 is how it was done, not what (已督促整改48个 → 整改)."""
    words = clause[1:] if clause and clause[0].token == "其中" else clause
    if len(words) < 2 or words[0].token not in ("已", "已经", "均已") or words[-1].end != start:
        return None
    deed = words[2:] if words[1].token == "督促" and len(words) > 2 else words[1:]
    if len(deed) > 3 or deed[0].pos not in ("v", "vn") or any(t.pos not in ("v", "vn", "n") for t in deed) or \
            not _contiguous(deed):
        return None
    return "".join(t.token for t in deed)


_THERE_ARE: Final = frozenset({"有", "其中", "发现", "共有", "仍有", "尚有", "还有"})
_GAINERS: Final = (*PEOPLE_HEADS, "农", "户")


def _gain_of(before: list[Token], metric: str) -> str:
    """带动贫困人口增收近百亿元, 帮助脱贫户增收12%: the figure is the people's gain in income, not the people."""
    end = len(before)
    while end and before[end - 1].pos in ("d", "p"):
        end -= 1
    if end < 2 or before[end - 1].token != "增收" or before[end - 2].end != before[end - 1].start:
        return metric
    people = before[end - 2]
    if not people.token.endswith(_GAINERS) or not metric.endswith(people.token):
        return metric
    return metric + "增收"


def _work_lasting(tokens: list[Token], quantities: list[tuple[int, int, str]],
                  links: list[MetricLink]) -> list[MetricLink]:
    """其中稳定就业半年以上的2970人: how long people have worked is a span that sorts the work right before it.

    Read after every figure is linked, so the count that follows still names the people counted.
    """
    ends = {t.end: t for t in tokens}
    named = list(links)
    for index, ((start, _, unit), link) in enumerate(zip(quantities, links)):
        work = ends.get(start)
        if link.metric is None and _is_span(unit) and work is not None and work.token.endswith(("就业", "务工")):
            named[index] = MetricLink(work.token, link.change, link.place_hint)
    return named


def _quoted_subject(tokens: list[Token], start: int, clause: list[Token]) -> str | None:
    """，“空壳村”由3920个减少到零: a quoted name that is the whole subject is what the figures measure."""
    if any(t.pos.startswith("n") or t.pos in ("j", "zg", "v", "vn") for t in clause if t.token not in FROM_WORDS):
        return None
    before = [t for t in tokens if t.end <= start]
    before = before[:len(before) - len(clause)]
    if len(before) < 3 or before[-1].token != "”":
        return None
    opening = next((i for i in range(len(before) - 2, -1, -1) if before[i].token == "“"), None)
    if opening is None or (opening and before[opening - 1].token not in "，。；：,;:"):
        return None
    inside = before[opening + 1:-1]
    if not inside or len(inside) > 6 or any(t.pos in ("x", "m") for t in inside) or \
            not any(t.pos.startswith("n") or t.pos in ("j", "zg") for t in inside):
        return None
    return "".join(t.token for t in inside)


_STOCK_WORDS: Final = ("存栏", "出栏", "存栏量", "出栏量", "饲养量")


def _stock_of(tokens: list[Token], start: int, link: MetricLink, links: list[MetricLink]) -> MetricLink:
    """肉牛存栏12.4万头、出栏5.6万头: the second of a herd's figures is the same herd's (肉牛出栏)."""
    clause = [t for t in _clause([t for t in tokens if t.end <= start], backwards=True) if t.pos not in ("d", "v")
              or t.token in _STOCK_WORDS]
    word = link.metric or (clause[0].token if len(clause) == 1 and clause[0].token in _STOCK_WORDS else None)
    if word is None:
        return link
    for previous in reversed(links):
        herd = previous.metric or ""
        stock = next((s for s in _STOCK_WORDS if herd.endswith(s) and len(herd) > len(s)), None)
        if stock is not None:
            return MetricLink(herd[:-len(stock)] + word, link.change, previous.place_hint)
    return link
