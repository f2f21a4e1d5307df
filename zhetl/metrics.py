"""The metric a quantity measures and how it changes: the noun phrase of the same clause it is about.

Patterns: X由A下降到B (A from, B to), X从A增加到B, X减少N / X增长N% (delta), X达到N / X为N (level),
N个X (the noun after a classifier). The metric is a noun phrase: nouns, verbal nouns and modifiers that
end in a noun. A place or scope word that opens the phrase (全市, 全省, 贵州省) is not part of the metric;
it is returned as the place hint, so facts can be grouped by place.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from zhetl.segment import Token
from zhetl.wordlists import load_word_lists

CLAUSE_BREAKS = frozenset("，,。；;！？!?：:（）()“”\"")
NOUN_TAGS = frozenset({"n", "nz", "vn", "nt", "an", "ng", "nrt", "j", "nl", "ns", "s", "nr", "l", "zg"})
MODIFIER_TAGS = frozenset({"b", "a", "v", "l", "vd", "z"})
LEADING_DROP_TAGS = frozenset({"v", "d", "p", "c", "u", "uj", "ul", "r", "m", "q", "f", "vd", "ad"})
FROM_WORDS = frozenset({"由", "从"})
TO_WORDS = frozenset({"到", "至", "为"})
CHANGE_VERBS = ("下降", "减少", "增加", "增长", "提高", "降低", "上升", "扩大", "缩小", "提升", "减", "增", "降", "升",
                "回落", "压缩", "缩减", "翻", "上涨", "下跌")
DELTA_VERBS = frozenset({*CHANGE_VERBS, "新增", "净增", "净减", "增收", "减贫", "多", "少"})

_WORDS = load_word_lists("metric_words.txt")
AVERAGE_WORDS = _WORDS["AVERAGE_WORDS"]
TIME_AVERAGES = _WORDS["TIME_AVERAGES"]
PURE_CHANGES = _WORDS["PURE_CHANGES"]
COMPARISONS = _WORDS["COMPARISONS"]
RATIO_VERBS = _WORDS["RATIO_VERBS"]
COMPOUND_VERBS = _WORDS["COMPOUND_VERBS"]
ACTIVITY_UNITS = _WORDS["ACTIVITY_UNITS"]
GENERIC_NOUNS = _WORDS["GENERIC_NOUNS"]
FUNCTION_VERBS = _WORDS["FUNCTION_VERBS"]
CONTINUATIONS = _WORDS["CONTINUATIONS"]
REACH_WORDS = _WORDS["REACH_WORDS"]
LEADING_VERBS = _WORDS["LEADING_VERBS"]
SKIP_WORDS = _WORDS["SKIP_WORDS"]
SCOPE_WORDS = _WORDS["SCOPE_WORDS"]
COUNT_AFTER_UNITS = _WORDS["COUNT_AFTER_UNITS"] | {""}
MONEY_OR_MEASURE = _WORDS["MONEY_OR_MEASURE"]
DURATION_OR_AGE = _WORDS["DURATION_OR_AGE"]
PHRASE_STOPS = _WORDS["PHRASE_STOPS"]
RATE_WORDS = _WORDS["RATE_WORDS"]
RATIO_UNITS = frozenset({"%", "倍", "成", "‰", ""})
MODIFIER_VERBS = _WORDS["MODIFIER_VERBS"]
INNER_DETERMINERS = _WORDS["INNER_DETERMINERS"]
CONDITIONS = frozenset("符合条件 具备条件 满足条件 有劳动能力 有劳动力 无劳动能力".split())  # 1436名符合条件的脱贫人口
VERB_NOUN_HEADS = _WORDS["VERB_NOUN_HEADS"]
# Verbs whose object is the people a figure counts (jieba often tags them vn).
PEOPLE_VERBS = frozenset("培训 救助 资助 慰问 走访 招聘 表彰 选派 培养 救治 接收 吸纳".split())
PEOPLE_HEADS = ("人口", "群众", "户", "人员", "劳动力", "干部", "学生", "儿童", "老人", "农民", "居民", "职工", "家庭")
COUNT_HEADS = frozenset({"人数", "户数", "人次", "家庭数", "村数"})
# What a count of people, households or places counts ends so (农户, 村民, 监测对象, 自然村, 鲁企).
COUNTED_HEADS = ("人", "口", "民", "户", "员", "者", "生", "师", "农", "工", "众", "童", "对象", "干部", "家庭",
                 "劳动力", "村", "企")
TIME_HEADS = ("时间", "期限", "时长", "年限", "用时", "期", "工期", "周期")  # what a span of time can measure
COUNTED_ATTRIBUTES = frozenset("收入 纯收入 人均纯收入 比例 比重 占比".split())  # what a counted noun has
PERIOD_WORDS = frozenset({"全年", "当年", "年内", "全年度"})  # jieba tags 全年 m, not t


@dataclass(frozen=True)
class MetricLink:
    metric: str | None
    change: str | None
    place_hint: str | None = None


def link_metrics(tokens: list[Token], quantities: list[tuple[int, int, str]],
                 places: list[tuple[int, int]] = ()) -> list[MetricLink]:
    """Metric and change for each (start, end, unit) quantity of one sentence, in order.

    A quantity with no noun phrase of its own borrows from the one before it when they touch (2843户9993人)
    or when its clause only continues the change (…，下降到644户).
    """
    if not quantities:
        return []
    tokens = _normalise(tokens)
    if any(t.token in ("（", "(") for t in tokens):
        tokens = _glue_parentheses(tokens)
    links: list[MetricLink] = []
    for index, (start, end, unit) in enumerate(quantities):
        link = link_metric(tokens, start, end, unit, places)
        if link.metric is None and index:
            previous_index = next((i for i in range(index - 1, -1, -1) if links[i].metric), index - 1)
            previous = links[previous_index]
            touching = quantities[index - 1][1] == start
            clause = _clause([t for t in tokens if t.end <= start], backwards=True)
            nounless = not any(t.pos in NOUN_TAGS or t.pos.startswith("n") for t in clause)
            # …，占69.9%; …，比上年下降8.5%: a clause that only continues the previous figure.
            continues = bool(clause) and clause[0].token in CONTINUATIONS and nounless
            # …，共计386名; …，连续6年稳定在1.3万亿斤以上: no noun of its own, the same unit as before.
            same_unit = nounless and bool(unit) and quantities[previous_index][2] == unit
            # …，占农村常住人口的21.3%; 相当于种植玉米收益的三倍: a ratio whose subject came before.
            ratio = unit in RATIO_UNITS and _ratio_verb(clause) == 0
            # 高于全国农村平均增速1.9个百分点: a gap to a standard, with no subject of its own.
            compared = bool(clause) and clause[0].token in COMPARISONS
            if touching or (((link.change in ("to", "delta") and not compared) or continues or same_unit or ratio
                             or _part_of(clause) or _share_opens(clause)) and previous.metric):
                link = MetricLink(previous.metric, previous.change if touching else link.change, previous.place_hint)
            elif nounless and any(t.pos == "t" for t in clause) and _core(clause) and \
                    _core(clause)[-1].token in REACH_WORDS:
                # …，2020年达到12960元: the level the figures before were about, reached at a date.
                level = _level_before(quantities[:index], links, unit)
                if level is not None:
                    link = MetricLink(level.metric, link.change, level.place_hint)
        elif index and link.metric and link.metric != _achieved(_clause([t for t in tokens if t.start >= end],
                                                                        backwards=False)):
            link = _refer_back(tokens, start, link, links, [q[2] for q in quantities[:index]], unit)
        if link.metric is None:
            clause = _clause([t for t in tokens if t.end <= start], backwards=True)
            if len(clause) == 1 and clause[0].token in AVERAGE_WORDS - TIME_AVERAGES:
                link = MetricLink(clause[0].token, link.change, None)  # …，户均2529元: the average itself
        links.append(link)
    _share_forward(tokens, quantities, links)
    return _distribute(tokens, quantities, links)


def _level_before(quantities: list[tuple[int, int, str]], links: list[MetricLink], unit: str) -> MetricLink | None:
    """The latest earlier figure of the same unit, else the latest that is no gap in percentage points."""
    candidates = [(q, link) for q, link in zip(quantities, links, strict=True) if link.metric]
    same = [link for q, link in candidates if q[2] == unit]
    if same:
        return same[-1]
    plain = [link for q, link in candidates if q[2] != "个百分点"]
    return plain[-1] if plain else None


def _share_forward(tokens: list[Token], quantities: list[tuple[int, int, str]], links: list[MetricLink]) -> None:
    """1870户、7900余名搬迁群众, 48户156名脱贫群众: counts joined by 、 or touching before one noun all count it."""
    for index in range(len(quantities) - 2, -1, -1):
        _, end, unit = quantities[index]
        following = links[index + 1]
        if links[index].metric is not None or following.metric is None or unit not in COUNT_AFTER_UNITS:
            continue
        between = [t.token for t in tokens if end <= t.start and t.end <= quantities[index + 1][0]]
        if between in (["、"], []):  # (nothing between: 48户156名脱贫群众)
            links[index] = MetricLink(following.metric, links[index].change, following.place_hint)


def _refer_back(tokens: list[Token], start: int, link: MetricLink, links: list[MetricLink], units: list[str],
                unit: str) -> MetricLink:
    """16个贫困县中有8个…, 搬迁移民123万人，其中…搬迁34.6万人: a part of what an earlier figure counted.

    Only a figure of the same kind can be a part (10万元以上的村有71个 counts 村, not the income before it).
    """
    clause = _clause([t for t in tokens if t.end <= start], backwards=True)
    is_count = unit in COUNT_AFTER_UNITS
    earlier = [other.metric for other, other_unit in zip(links, units, strict=True)
               if other.metric and (other_unit in COUNT_AFTER_UNITS) == is_count]
    if not earlier:
        return link
    if _part_of(clause):
        return MetricLink(earlier[-1], link.change, link.place_hint)  # 16个贫困县中有8个: 8 of those 贫困县
    longer = next((metric for metric in reversed(earlier) if metric != link.metric and
                   metric.startswith(link.metric) and len(metric) - len(link.metric) >= 2), None)
    if longer is not None and len(link.metric) <= 2:
        return MetricLink(longer, link.change, link.place_hint)
    return link


_GLUED_PREPOSITIONS = {"数由": ("数", "由"), "数从": ("数", "从"), "率由": ("率", "由"), "率从": ("率", "从"),
                       "量由": ("量", "由"), "量从": ("量", "从"), "额由": ("额", "由"), "额从": ("额", "从")}


def _normalise(tokens: list[Token]) -> list[Token]:
    """Undo jieba's cuts and tags that hide a metric's structure.

    率 after a noun is the rate suffix, not 率领 (供水|率/v); 同比增加 is 同比 + a change verb, not a name;
    医师数由 is the noun suffix 数 and the preposition 由.
    """
    result: list[Token] = []
    for token in tokens:
        word = token.token
        if word == "率":
            result.append(Token(word, "n", token.start, token.end))
        elif word.startswith(("同比", "环比")) and word[2:] in PURE_CHANGES:
            result += [Token(word[:2], "d", token.start, token.start + 2),
                       Token(word[2:], "v", token.start + 2, token.end)]
        elif word.startswith("之比") and len(word) > 2:
            result += [Token("之比", "n", token.start, token.start + 2),
                       Token(word[2:], "p", token.start + 2, token.end)]  # 之比为: the ratio, then 为
        elif word == "比" and result and result[-1].token == "之" and result[-1].end == token.start:
            previous = result.pop()
            result.append(Token("之比", "n", previous.start, token.end))  # 城乡居民人均可支配收入之比
        elif word in ("点", "户") and token.pos in ("m", "q", "a") and result and \
                (result[-1].pos.startswith("n") or result[-1].pos == "vn") and result[-1].end == token.start:
            result.append(Token(word, "n", token.start, token.end))  # 村级服务|点, 边缘|户: a noun suffix
        elif word in COMPOUND_VERBS and token.pos == "v" and result and result[-1].end == token.start and \
                result[-1].pos in ("n", "nz") and result[-1].token not in SCOPE_WORDS and \
                not result[-1].token.endswith(("资金", "经费")):  # (资金|支出|为: the funds were spent)
            result.append(Token(word, "vn", token.start, token.end))  # 民生|支出, 产业|发展: a compound noun
        elif token.pos == "l" and len(word) >= 4 and (word[-2:] in PURE_CHANGES or word[-2:] in ("上涨", "下跌")):
            result += [Token(word[:-2], "n", token.start, token.end - 2),
                       Token(word[-2:], "v", token.end - 2, token.end)]  # 价格上涨/l: the price, then the change
        elif word in ("村", "县", "乡", "镇") and token.pos == "zg":
            result.append(Token(word, "n", token.start, token.end))  # 重点帮扶|村/zg: jieba's tag for a noun
        elif word in _GLUED_PREPOSITIONS:
            suffix, preposition = _GLUED_PREPOSITIONS[word]
            result += [Token(suffix, "n", token.start, token.start + 1),
                       Token(preposition, "p", token.start + 1, token.end)]
        else:
            result.append(token)
    return _without_method(result)


METHOD_ENDS = frozenset({"计算", "测算", "核算", "统计"})


def _without_method(tokens: list[Token]) -> list[Token]:
    """按可比价格计算比上年增长3.9%: how a figure was computed is an aside, never its subject."""
    for index, token in enumerate(tokens):
        if token.token in ("按", "按照"):
            end = next((j for j in range(index + 1, min(index + 5, len(tokens))) if tokens[j].token in METHOD_ENDS
                        or tokens[j].token in CLAUSE_BREAKS), None)
            if end is not None and tokens[end].token in METHOD_ENDS and end > index + 1:
                return tokens[:index] + _without_method(tokens[end + 1:])
    return tokens


def _part_of(clause: list[Token]) -> bool:
    """…N个X中(已)有M个: the clause names a part of what an earlier figure in it counted."""
    words = [t.token for t in clause]
    has = bool(words) and words[-1].endswith("有")
    return has and ("中" in words or "中有" in words) and any(t.pos == "m" for t in clause)


def _glue_parentheses(tokens: list[Token]) -> list[Token]:
    """县（市、区）, 执业（助理）医师: a short aside of nouns in brackets is part of the word before it."""
    glued: list[Token] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if token.token in ("（", "(") and glued and glued[-1].end == token.start:
            close = next((j for j in range(index + 1, min(index + 7, len(tokens)))
                          if tokens[j].token in ("）", ")")), None)
            inner = tokens[index + 1:close] if close else []
            if inner and all(t.token == "、" or t.pos in NOUN_TAGS or t.pos.startswith(("n", "v")) for t in inner):
                head = glued.pop()
                glued.append(Token(head.token + "".join(t.token for t in tokens[index:close + 1]), head.pos,
                                   head.start, tokens[close].end))
                index = close + 1
                continue
        glued.append(token)
        index += 1
    return glued


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
        items = _list_items(subject)
        if len(items) != len(group):
            # 教育文化和娱乐价格、医疗保健价格分别…: 和 inside an item, 、 between the items.
            items = _list_items(subject, ("、",)) if len(_list_items(subject, ("、",))) == len(group) else items
        if len(items) == len(group):
            metrics = _shared_head(items)
        elif len(items) == 1 and links[group[0]].metric:
            metrics = [links[group[0]].metric] * len(group)  # 销售收入分别达到3600万元和410万元
        else:
            earlier = [i for i in range(group[0]) if links[i].metric and quantities[i][1] <= marker.start]
            if len(earlier) < len(group):
                continue
            metrics = [links[i].metric for i in earlier[-len(group):]]
        first_change = links[group[0]].change  # 分别下降16.3%和12.3%: the verb serves the whole list
        for index, metric in zip(group, metrics, strict=True):
            change = first_change if links[index].change == "level" else links[index].change
            links[index] = MetricLink(metric, change, links[index].place_hint)
    return links


def _list_items(clause: list[Token], separators: tuple[str, ...] = ("、", "和", "与", "及")) -> list[list[Token]]:
    """The coordinated items of a subject list: 第一、二、三产业增加值 → [第一] [二] [三 产业 增加值]."""
    while clause and (clause[-1].pos in ("v", "d", "p") or clause[-1].token in SKIP_WORDS):
        clause = clause[:-1]
    start = len(clause)
    joiners = ("、", "和", "与", "及")
    while start and (clause[start - 1].pos in NOUN_TAGS or clause[start - 1].pos.startswith("n")
                     or clause[start - 1].pos in ("m", "b", "a") or clause[start - 1].token in joiners):
        start -= 1
    while start < len(clause) and (clause[start].token in SCOPE_WORDS or clause[start].pos in ("t", "ns")
                                   or clause[start].token in PERIOD_WORDS):
        start += 1  # 全区|城镇居民和农村居民…, 全年|农村低保资金和…: the scope or period is not part of the item
    items: list[list[Token]] = [[]]
    for token in clause[start:]:
        if token.token in separators:
            items.append([])
        else:
            items[-1].append(token)
    return [item for item in items if item] if all(items) else []


def _shared_head(items: list[list[Token]]) -> list[str]:
    """Give the earlier items the head that only the last one spells out."""
    last = items[-1]
    last_text = "".join(t.token for t in last)
    peer = "".join(t.token for t in items[-2])  # the last item begins with as much of its own as its peer
    head = last_text[len(peer):] if len(last_text) > len(peer) else ""
    ordinal = items[0][0].token.startswith("第")
    names = []
    for item in items:
        text = "".join(t.token for t in item)
        if ordinal and not text.startswith("第"):
            text = "第" + text
        names.append(text if item is last else text + head)
    return names


def link_metric(tokens: list[Token], start: int, end: int, unit: str,
                places: list[tuple[int, int]] = ()) -> MetricLink:
    """Find the metric and change type for a quantity spanning [start, end) among a sentence's tokens."""
    before = _clause([t for t in tokens if t.end <= start], backwards=True)
    after = _clause([t for t in tokens if t.start >= end], backwards=False)
    change = _change(before)
    metric, place = None, None
    noun_next = bool(after) and (after[0].pos in NOUN_TAGS or after[0].pos.startswith("n"))
    if unit in COUNT_AFTER_UNITS or (after and after[0].token == "的" and unit not in MONEY_OR_MEASURE) or \
            (unit in DURATION_OR_AGE and noun_next):
        counted = bool(unit) and unit in COUNT_AFTER_UNITS and unit != "家"  # (412家|农民合作社 counts the 社)
        metric, place = _phrase(after, forward=True, places=places, counted=counted)
        if metric is None and unit in COUNT_AFTER_UNITS and change == "level":
            metric = _achieved(after)
        if metric and metric.endswith(THRESHOLDS) and before and (before[-1].token in COMPARISONS
                                                                  or before[-1].token in _OUTER_LIMITS):
            metric, place = None, None  # 发生率低于3%的退出标准: the figure the standard is held against
    if metric is None and unit in ("岁", "周岁") and after:
        metric, place = _phrase(_past_count(after), forward=True, places=places)  # 60岁以上|领取待遇人数
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
    if metric is None and unit in RATIO_UNITS and _ratio_verb(before) is not None:
        ratio_metric, ratio_place = _phrase(_subject_zone(before[:_ratio_verb(before)]), forward=False, places=places)
        return MetricLink(ratio_metric, change, ratio_place)
    if metric is None:
        zone = _subject_zone(before)
        metric, place = _phrase(zone, forward=False, places=places)
        activity = _activity(before, unit, places)
        if activity is not None:
            metric = activity
    if metric and not from_after:
        metric = _compared_rate(before, metric)
    if not from_after and _is_span(unit):
        spent = _time_spent(before)
        if spent is not None:
            return MetricLink(spent, change, None)
    if metric and not from_after and _is_span(unit) and not metric.endswith(TIME_HEADS) and \
            metric not in MODIFIER_VERBS:
        metric = None  # 过去走山路要3个多小时, 在村里一干就是六年: a span of time is no amount of the noun before
    if metric in ("比重", "比例", "比率") and not from_after:
        if _share_opens(before):
            return MetricLink(None, change, None)  # …，占总人口的比重为59.6%: the part is the figure before
        share = _share_subject(before, places)
        metric = share or _described_share(before, metric) or metric
    if metric in GENERIC_NOUNS or metric in AVERAGE_WORDS or (not from_after and _span_of_time(before, unit)) or \
            _time_limit(before, after, unit):
        metric = None
    return MetricLink(metric, change, place)


THRESHOLDS = ("标准", "标准线", "要求", "红线", "底线")
_OUTER_LIMITS = frozenset({"不低于", "不高于", "不超过", "不少于", "超过", "控制在", "低于", "高于"})


def _achieved(after: list[Token]) -> str | None:
    """已有4650人实现就业, 172户实现稳定增收: people counted by what they achieved."""
    if len(after) == 1 and after[0].pos == "v" and after[0].token in MODIFIER_VERBS:
        return after[0].token  # 累计实现6.72万人|脱贫: the clause ends in what they did
    if len(after) < 2 or after[0].token != "实现":
        return None
    words = _core(after[1:])
    if not words or len(words) > 3 or any(t.pos in ("m", "t", "p", "uj") for t in words):
        return None
    return "".join(t.token for t in words)


def _past_count(after: list[Token]) -> list[Token]:
    """65周岁以上的|412名|特困老人: what an age bounds comes after 的 and any count of it."""
    index = 1 if after[0].token == "的" else 0
    while index < len(after) and after[index].pos == "m":
        index += 1
    return after[index:] if index < len(after) and after[index].token != "的" else after


def _time_spent(before: list[Token]) -> str | None:
    """累计加班超过900天, 驻村帮扶1800多天, 坚守村卫生室三十六年: time spent doing something measures the doing."""
    words = list(before)
    while words and words[-1].token in ("满", "了", "已", "已经", "连续", "累计", "共", "近", "长达"):
        words.pop()
    run: list[Token] = []
    for token in reversed(words):
        if len(run) == 3 or (run and token.end != run[0].start) or not (
                token.pos in ("v", "vn", "n", "nt", "zg") or token.token in MODIFIER_VERBS) or \
                token.token in FUNCTION_VERBS or token.token in REACH_WORDS or token.token in LEADING_VERBS:
            break  # (累计|加班: the adverbial verb before the activity is not part of it)
        run.insert(0, token)
    while run and not (run[0].pos == "v" or run[0].token in MODIFIER_VERBS):
        run.pop(0)  # 扶贫干部王秀英|驻村帮扶: who did it is not what was done
    if not run or len(run[0].token) < 2:
        return None
    if run[-1].pos.startswith("n") and run[-1].token not in MODIFIER_VERBS and run[0].token in MODIFIER_VERBS:
        return None  # 外出务工人数|连续3年…: a noun the state verbs describe is a subject, not an activity
    return "".join(t.token for t in run)


def _paid_to(before: list[Token]) -> str | None:
    """向全体村民分红42.6万元, 为市场主体减税降费520亿元: money a verb pays to someone measures the verb."""
    verbs: list[Token] = []
    for token in reversed(before):
        if token.pos == "v" and (not verbs or token.end == verbs[0].start) and token.token not in LEADING_VERBS \
                and token.token not in FUNCTION_VERBS and token.token not in REACH_WORDS:
            verbs.insert(0, token)
        else:
            break
    rest = before[:len(before) - len(verbs)]
    if not verbs or not rest or not (rest[-1].pos.startswith("n") or rest[-1].pos == "q"):
        return None
    if not any(t.token in ("向", "为", "给") and t.pos == "p" for t in rest):
        return None
    return "".join(t.token for t in verbs)


def _is_span(unit: str) -> bool:
    """年, 个月, 天: a unit of a span of time (an age in 岁 is not one)."""
    return unit in DURATION_OR_AGE and unit not in ("岁", "周岁")


def _span_of_time(before: list[Token], unit: str) -> bool:
    """连续5年, 仅用了不到10个月: a duration that says how long, not an amount of the metric."""
    words = [t.token for t in before[-2:] if t.pos not in ("d",)]
    return _is_span(unit) and bool(words) and \
        words[-1] in ("连续", "持续", "用了", "用", "历时", "经过", "花了", "耗时", "仅用了", "只用了")


def _rate_of_payment(before: list[Token], after: list[Token], places: list[tuple[int, int]]) -> str | None:
    """按每人90元的标准给予资助, 按每吨300元给予补助: a rate of payment measures the standard or the payment."""
    if not any(t.token in ("按", "按照") for t in before[-3:]):
        return None
    if len(after) > 1 and after[0].token == "的" and after[1].token == "标准":
        return "标准"
    if len(after) > 1 and after[0].token in ("给予", "予以", "发放"):
        return _phrase(after[1:], forward=True, places=places)[0]
    return None


def _names_actual(ordered: list[Token]) -> bool:
    """实际|到位投资: 实际 opening a noun phrase names the measure (实际增长 never gets this far)."""
    return ordered[0].token == "实际" and len(ordered) > 1


def _compared_rate(before: list[Token], metric: str) -> str:
    """农民收入|增速|高于全省平均水平1个百分点: a gap between growth rates measures the rate itself."""
    for index in range(2, len(before)):
        rate, compared = before[index - 1], before[index]
        if compared.token in COMPARISONS and rate.token in RATE_WORDS and \
                before[index - 2].end == rate.start and metric.endswith(before[index - 2].token):
            return metric + rate.token
    return metric


def _time_limit(before: list[Token], after: list[Token], unit: str) -> bool:
    """须在15个工作日内完成, 要在6个月内全部整改到位: a deadline for an action, not an amount of anything."""
    words = [t.token for t in before if t.pos != "d"]
    return (_is_span(unit) or unit.endswith("工作日")) and bool(words) and words[-1].endswith("在") and \
        bool(after) and after[0].pos.startswith(("v", "d"))


def _share_subject(before: list[Token], places: list[tuple[int, int]]) -> str | None:
    """第三产业增加值占地区生产总值的比重由…提高到46.9%: a share measures the part before 占."""
    verb = next((i for i in range(len(before) - 1, -1, -1) if before[i].token in ("占", "约占")), None)
    if verb is None:
        return None
    subject = before[:verb]
    if len(subject) > 1 and subject[-1].pos == "v" and subject[-2].pos in ("n", "nz") and \
            subject[-2].end == subject[-1].start:
        last = subject[-1]  # 食品烟酒|支出|占: a verb after a noun, before 占, is the subject's head noun
        subject = [*subject[:-1], Token(last.token, "n", last.start, last.end)]
    return _phrase(_subject_zone(subject), forward=False, places=places)[0]


def _share_opens(clause: list[Token]) -> bool:
    """占总人口的比重为59.6%: a share whose clause opens with 占 has its part in the figure before it."""
    words = [t.token for t in clause if t.pos != "d"]
    return bool(words) and words[0] in ("占", "约占")


def _described_share(before: list[Token], head: str) -> str | None:
    """用于发展产业的比例, 落实帮扶措施的比例: a share described by a clause names the clause with it."""
    index = next((i for i in range(len(before) - 1, 0, -1) if before[i].token == head), None)
    if index is None or before[index - 1].token != "的":
        return None
    clause = before[:index - 1]
    start = 0
    while start < len(clause) and (clause[start].token in SCOPE_WORDS or clause[start].pos in ("t", "d", "p", "c", "r",
                                                                                              "m", "q", "ns")):
        start += 1
    words = clause[start:]
    if words and words[0].token in ("占", "约占"):
        return None  # 占全部工业增加值的比重: the share of what came before
    if not words or len(words) > 6 or words[0].pos not in ("v", "a") or not any(t.pos == "v" for t in words) or \
            any(t.pos in ("m", "x") for t in words):
        return None
    return "".join(t.token for t in words) + "的" + head


def _ratio_verb(before: list[Token]) -> int | None:
    """是全省平均水平的1.6倍, 占农村常住人口的21.3%: where the verb stands whose subject a ratio measures."""
    if not before or before[-1].token not in ("的", "之"):
        return None
    verb = next((i for i in range(len(before) - 2, -1, -1) if before[i].token in RATIO_VERBS), None)
    if verb is None or not any(t.pos in NOUN_TAGS or t.pos == "t" for t in before[verb + 1:-1]):
        return None  # 是2015年的1.75倍: the standard may be the same metric at another time
    return verb


def _relative_clause(before: list[Token]) -> str | None:
    """因病致贫的占32%, 需完成搬迁的1.2万户: a short clause ending in a verb, then 的, names what is counted."""
    end = len(before)
    while end and (before[end - 1].token in ("占", "超过", "达", "达到", "约占", "约", "为", "有")
                   or before[end - 1].pos == "d"):
        end -= 1
    if end < 2 or before[end - 1].token != "的":
        return None
    possessive = end >= 4 and before[end - 4].token in ("有", "无", "没有") and before[end - 2].pos.startswith("n")
    if not before[end - 2].pos.startswith("v") and not possessive:
        # 享受产业扶持政策的1.87万户: a verb and its object, then 的, name the households too
        window = before[max(0, end - 5):end - 1]
        verbs = [i for i, t in enumerate(window) if t.pos == "v"]
        opens = bool(verbs) and (verbs[0] == 0 or window[verbs[0] - 1].token in CLAUSE_BREAKS
                                 or window[verbs[0] - 1].pos in ("f", "r", "d"))
        if not opens or window[verbs[0]].token in FUNCTION_VERBS | LEADING_VERBS | REACH_WORDS or \
                not all(t.pos.startswith(("n", "v")) for t in window[verbs[0]:]):
            return None  # 有劳动能力的: a clause of having counts too
    clause = before[:end - 1]
    if any(t.pos in ("m", "q") for t in clause[-4:]):
        return None  # 超过1万元的占43.7%: the clause holds a figure of its own
    start = max(0, len(clause) - 4)
    while start < len(clause) and (clause[start].token in SCOPE_WORDS or clause[start].pos in ("t", "f", "r", "ns", "m")
                                   or clause[start].token in LEADING_VERBS
                                   or clause[start].token in ("需", "要", "将", "已", "共", "其中", "中")):
        start += 1
    words = clause[start:]
    if not words or len(words) > 4 or any(t.token in CLAUSE_BREAKS for t in words):
        return None
    if start and clause[start - 1].token == "因" and len(words[0].token) == 1:
        words = [clause[start - 1], *words]  # 因|病|致贫返贫风险的: the cause glued to its noun
    return "".join(t.token for t in words)


def _activity(before: list[Token], unit: str, places: list[tuple[int, int]]) -> str | None:
    """跨省务工1.8万人, 每月走访不少于2次: the verb just before the number is what is counted."""
    if unit not in ACTIVITY_UNITS:
        return None
    end = len(before)
    while end and (before[end - 1].pos in ("d", "m", "p") or before[end - 1].token in ("约", "近", "共", "均", "已")):
        end -= 1
    if not end or before[end - 1].pos != "v" or before[end - 1].token in FUNCTION_VERBS | SKIP_WORDS | \
            REACH_WORDS | LEADING_VERBS | DELTA_VERBS or before[end - 1].token.startswith(CHANGE_VERBS) or \
            _after_average(before, before[end - 1]):
        return None
    verb = before[end - 1]
    if len(verb.token) < 2:
        return None  # 走两次, 讲两遍: a bare verb of narration, not an activity a report counts
    noun = before[end - 2] if end >= 2 else None
    if noun is not None and noun.end == verb.start and (noun.pos in ("n", "vn", "nz", "s", "f")
                                                         and (noun.token not in SCOPE_WORDS
                                                              or _contrasted_scope([noun, verb]))
                                                         and not _in_place(noun, places)):
        return noun.token + verb.token
    return verb.token


def _clause(tokens: list[Token], backwards: bool) -> list[Token]:
    """The tokens up to the nearest clause break, in text order."""
    sequence = list(reversed(tokens)) if backwards else tokens
    kept: list[Token] = []
    for token in sequence:
        if token.token in CLAUSE_BREAKS and not (token.token == "," and token.pos == "m"):
            break  # (the comma of 1,234 is part of a number)
        kept.append(token)
    return list(reversed(kept)) if backwards else kept


def _predicate(verb: Token, left: Token | None, right: Token, head: Token) -> bool:
    """企业|减免|社保费用: a verb with a noun on each side is the clause's predicate, not a modifier, unless it
    is a verb of state (贫困家庭|辍学|学生) or its head makes a noun of it (稳岗|返还|资金, 饮水安全|巩固|提升|资金)."""
    if verb.token in MODIFIER_VERBS or verb.token in COMPOUND_VERBS or right.token in VERB_NOUN_HEADS or \
            right.token.endswith("率") or (right.pos == "v" and head.token in VERB_NOUN_HEADS):
        return False
    return left is not None and left.end == verb.start and left.pos in ("n", "nz", "nt", "ns", "nr", "j") \
        and left.token not in AVERAGE_WORDS


def _contrasted_scope(ordered: list[Token]) -> bool:
    """县域内|就诊率, 省内|务工 (against 省外务工): inside or outside a scope, before a verb or a rate, is part of
    the measure, not the place it is measured in."""
    return len(ordered) > 1 and ordered[0].token in SCOPE_WORDS and ordered[0].token.endswith(("内", "外")) and \
        ordered[0].end == ordered[1].start and (ordered[1].pos in ("v", "vn") or ordered[1].token.endswith("率"))


def _verb_chain(verb: Token, left: Token | None, head: Token) -> bool:
    """直播|带货|卖出|猕猴桃, 排查|整改|问题: the last of two verbs in a row governs the noun after it (a verb of
    state, 劝返|辍学|学生, still modifies)."""
    if verb.token in MODIFIER_VERBS or left is None or left.end != verb.start or left.pos not in ("v", "vn") or \
            head.token in VERB_NOUN_HEADS:
        return False  # (巩固|提升|资金, 后续|扶持|资金: verbs before a head that nominalises them name it)
    # 搬迁|安置|贫困人口 counts people; in 集中|供养|能力 the verbs describe the head.
    return left.token not in MODIFIER_VERBS or head.token.endswith(PEOPLE_HEADS)


def _noun_idiom(token: Token) -> bool:
    """安全事故/i is a noun jieba files as an idiom; 晓之以理 is a real one (classical particles give it away)."""
    return token.pos == "i" and len(token.token) == 4 and not any(c in "之以而其不无所者也乎于为" for c in token.token)


def _acronym(token: Token) -> bool:
    """GDP, CPI: an upper-case abbreviation names a measure."""
    return token.pos == "eng" and len(token.token) >= 2 and token.token.isupper() and token.token.isalpha()


def _average_month(ordered: list[Token]) -> bool:
    """年|平均气温, 年|发电收益, 日|供水能力: a 年, 月 or 日 that opens the metric makes it a rate."""
    return len(ordered) > 1 and ordered[0].token in ("年", "月", "日") and ordered[0].end == ordered[1].start and \
        (ordered[1].pos.startswith(("n", "v")) or ordered[1].token.startswith(("平均", "均"))
         or ordered[1].token in AVERAGE_WORDS)  # 月|人均|保障标准


def _governs(token: Token, following: Token | None) -> bool:
    """A word that opens a clause rather than a noun phrase (实施, 已, 依托|基金); a verb before another verb or
    before a head that nominalises it modifies (劝返|辍学|学生, 帮扶|期限)."""
    if token.token == "因" and following is not None and len(following.token) == 1 and following.pos.startswith("n"):
        return False  # 因|病|致贫: the cause, glued to its noun
    if token.pos in ("n", "vn") and following is not None and following.token in VERB_NOUN_HEADS and \
            following.start == token.end:
        return False  # 资助|资金: a noun of a leading verb names the head after it
    if token.pos in LEADING_DROP_TAGS - {"v"} or token.token in LEADING_VERBS or token.token in FUNCTION_VERBS:
        return True
    if token.pos != "v" or token.token in MODIFIER_VERBS:
        return False
    if len(token.token) == 1 or token.token in REACH_WORDS or token.token.startswith(CHANGE_VERBS):
        return True
    return following is None or not (following.pos == "v" or following.token in VERB_NOUN_HEADS
                                     or following.token.endswith("率"))


def _compound_verb(tokens: list[Token], token: Token) -> bool:
    """产业|发展|指导员: a verbal noun between two nouns belongs to the compound, not to the clause."""
    index = tokens.index(token)
    return token.token in COMPOUND_VERBS and index > 0 and tokens[index - 1].pos in ("n", "nz", "vn") and \
        tokens[index - 1].token not in SCOPE_WORDS and tokens[index - 1].end == token.start


def _average_before(tokens: list[Token], index: int) -> Token | None:
    """The average word a verb measures (户均|增收, 户均|年|增收, 人均|月|收入), if any."""
    if index > 0 and tokens[index - 1].token in ("年", "月") and tokens[index - 1].end == tokens[index].start:
        index -= 1
    if index > 0 and tokens[index - 1].token in AVERAGE_WORDS and tokens[index - 1].end == tokens[index].start:
        return tokens[index - 1]
    return None


def _after_average(tokens: list[Token], token: Token) -> bool:
    """户均增收, 人均月收入, 年均减贫: a verb an average measures; 年均增长 is only a rate."""
    average = _average_before(tokens, tokens.index(token))
    return average is not None and not (average.token in TIME_AVERAGES and token.token in PURE_CHANGES)


def _in_place(token: Token, places: list[tuple[int, int]]) -> bool:
    return any(s <= token.start and token.end <= e for s, e in places)


def _core(clause: list[Token]) -> list[Token]:
    """The clause without trailing adverbs, particles and dates (已, 均, 了, 2012年底的…)."""
    end = len(clause)
    while end and (clause[end - 1].token in ("了", "已", "已经", "均", "分别", "约", "大约", "将近", "近", "共", "的")
                   or clause[end - 1].pos == "t"):
        end -= 1
    return clause[:end]


def _change(before: list[Token]) -> str:
    core = _core(before)
    if not core:
        return "level"
    last = core[-1].token
    if last in FROM_WORDS:
        return "from"
    froms = [i for i, t in enumerate(core) if t.token in FROM_WORDS]
    if froms and _is_moment(core[froms[-1] + 1:]):
        return "from"  # 由建档立卡时的15.3% (the core has lost its 的)
    earlier = [t.token for t in core[:-1]]
    if last.endswith(("到", "至", "为")) and len(last) > 1 and last[:-1] in DELTA_VERBS | {"降", "增", "升", "减"}:
        return "to"  # 下降到, 降至, 增加到, 降为
    if last in TO_WORDS and (any(w in FROM_WORDS for w in earlier) or any(w.startswith(CHANGE_VERBS) for w in earlier)):
        return "to"
    if last in DELTA_VERBS or last.startswith(CHANGE_VERBS) or last in RATE_WORDS:
        return "delta"
    if last in ("了",) and len(core) > 1 and core[-2].token.startswith(CHANGE_VERBS):
        return "delta"
    compared = next((i for i in range(len(core) - 1, -1, -1) if core[i].token in COMPARISONS), None)
    if compared is not None and any(t.pos.startswith("n") for t in core[compared + 1:]):
        return "delta"  # 高于全省平均水平1个百分点: a gap to a standard named in between
    return "level"


MOMENT_ENDS = ("时", "前", "初", "末")


def _is_moment(words: list[Token]) -> bool:
    """建档立卡|时: a moment named by an event (…时, …前, …初) stands where a date would."""
    return 0 < len(words) <= 4 and words[-1].token.endswith(MOMENT_ENDS)


def _after_moment(between: list[Token]) -> list[Token]:
    """由|建档立卡时的|15.3%: what follows a moment and its 的 (everything, when there is none)."""
    for index, token in enumerate(between[1:5], start=1):
        if token.token == "的" and _is_moment(between[:index]):
            return between[index + 1:]
    return between


def _subject_zone(before: list[Token]) -> list[Token]:
    """The part of the clause before the verb or preposition that leads to the number (its subject)."""
    index = len(before)
    for position in range(len(before) - 1, -1, -1):
        token = before[position]
        if token.token == "、" and position + 1 < len(before):
            break  # 粮食播种面积不低于68万亩、|脱贫人口人均纯收入增长: a comparison of the item before is not ours
        if token.token in COMPARISONS and position + 1 < len(before):
            index = position  # 增速高于全省平均水平1.2个百分点: the gap measures 增速
            break
        if token.token in FROM_WORDS or token.token in ("比", "较", "同比"):
            between = before[position + 1:]
            # 由|2012年的|…, 比|上年|增长: only dates, particles, verbs and adverbs lie between it and the number.
            if all(t.pos in ("t", "m", "uj", "v", "d", "p", "f", "r", "q") or t.token in SKIP_WORDS
                   or t.token.startswith((*CHANGE_VERBS, "每")) for t in _after_moment(between)):
                index = position
            elif token.token == "比":
                index = position  # 比原计划提前一年: what follows 比 is the standard, not the metric
            break
    zone = before[:index]
    # Drop what stands between the subject and the number: verbs, adverbs, earlier numbers, dates.
    while zone and (zone[-1].token in SKIP_WORDS or zone[-1].token in REACH_WORDS or zone[-1].token in PHRASE_STOPS
                    or (zone[-1].token == "中" and zone[-1].pos == "f")  # 岗位人员|中|60岁以上的占四成
                    or zone[-1].pos in ("v", "d", "p", "m", "t", "u", "uj", "ul", "c", "q", "r", "ad", "x")
                    or (zone[-1].token.startswith(CHANGE_VERBS) and not zone[-1].pos.startswith("n"))):
        if zone[-1].pos == "v" and _after_average(zone, zone[-1]):
            break  # 户均增收, 人均补助: the verb after an average is part of the metric
        if zone[-1].token in MODIFIER_VERBS and zone[-1].token not in DELTA_VERBS and len(zone) > 1 and \
                (zone[-2].pos.startswith("n") or zone[-2].token in MODIFIER_VERBS) and zone[-2].end == zone[-1].start:
            break  # 脱贫劳动力|外出|务工|达到268.4万人: what the people do is what is counted
        zone = zone[:-1]
    return zone


def _phrase(tokens: list[Token], forward: bool, places: list[tuple[int, int]] = (),
            counted: bool = False) -> tuple[str | None, str | None]:
    """The noun phrase at the start (forward) or end (backward) of ``tokens``, and a scope word it opened with."""
    if forward and tokens and tokens[0].token in ("的", "之"):
        tokens = tokens[1:]  # 75.3%的贫困人口, 一年的帮扶
    sequence = tokens if forward else list(reversed(tokens))
    run: list[Token] = []
    seen_noun = False
    skip = -1  # a token already taken with the one before it
    for position, token in enumerate(sequence):
        if position == skip:
            continue
        if run and (token.end != run[-1].start if not forward else token.start != run[-1].end):
            break  # a gap where whitespace or punctuation stood
        left = sequence[position + 1] if not forward and position + 1 < len(sequence) else None
        if not forward and run and token.token in ("以上", "及以上") and left is not None and \
                left.token.endswith("级") and left.end == token.start:
            run += [token, left]  # 省级|以上|农业产业化龙头企业: a class of rank is part of the noun
            skip = position + 1
            seen_noun = True
            continue
        if not forward and run and token.token == "因" and len(run[-1].token) == 1 and run[-1].pos.startswith("n"):
            run.append(token)  # 因|病|致贫返贫风险: the cause glued to its one-character noun
            break
        if forward and token.token == "的" and run and ((run[0].pos == "v" and run[0].token not in MODIFIER_VERBS)
                                                      or run[0].token in CONDITIONS):
            run, seen_noun = [], False  # 3.8万户|有劳动力的|贫困户: the head after the relative clause
            continue
        if not forward and token.token in ("和", "与", "及") and seen_noun and left is not None and \
                (left.pos.startswith("n") or left.pos == "j") and left.token not in SCOPE_WORDS and \
                not _in_place(left, places):
            run.append(token)  # 第一书记和驻村工作队员2.1万余名: one figure for the pair
            continue
        if token.token in CLAUSE_BREAKS or token.token in ("的", "之", "和", "与", "及", "、", "或") or \
                token.token in PHRASE_STOPS:
            break
        if not forward and run and token.token in ("年", "月", "日") and \
                (run[-1].token.startswith("平均") or left is None or left.token in SCOPE_WORDS or (
                    left.token in AVERAGE_WORDS or (left.pos in ("n", "nz") and left.end == token.start))):
            run.append(token)  # 年|平均气温, 户均|月|用水量
            continue
        if run and token.token in INNER_DETERMINERS:
            run.append(token)  # 人民币|各项|存款余额
            continue
        if not forward and run and (token.pos == "eng" or (token.token == "级" and left is not None
                                                           and left.pos == "eng")):
            run.append(token)  # 5G|基站, 国家|4A|级|旅游景区
            continue
        if token.pos in ("m", "t"):
            break  # another number or a date: the phrase ended
        if forward and seen_noun and (token.token in AVERAGE_WORDS or token.token in COUNTED_ATTRIBUTES
                                      or token.token in ("较", "比")):
            break  # 156名脱贫群众|人均纯收入, 1800多户脱贫户|收入不稳定: a count counts the people, not their income
        if forward and seen_noun and token.pos in ("nr", "nrfg") and 2 <= len(token.token) <= 3:
            break  # 今年56岁的驻村工作队队长|王建国: the person named after the noun is not what is measured
        if token.token in LEADING_VERBS and (forward or (run and not _compound_verb(tokens, token))) and \
                not (not forward and token.pos in ("n", "vn") and run[-1].token in VERB_NOUN_HEADS):
            break  # 建成|村级光伏扶贫电站, 贫困村|选派: a verb that governs the phrase is not in it
        if token.pos in NOUN_TAGS or (token.pos.startswith("n") and token.pos not in ("nr", "nrfg")) or \
                (not forward and _noun_idiom(token)) or _acronym(token):
            run.append(token)  # 安全事故/i, GDP: jieba's tags for nouns it files elsewhere
            seen_noun = True
        elif forward and seen_noun and token.pos in ("i", "l", "vn"):
            run.append(token)  # 国家|扶贫开发|重点县
        elif forward and seen_noun and token.token in MODIFIER_VERBS and position + 1 < len(sequence) and \
                sequence[position + 1].pos.startswith("n") and sequence[position + 1].start == token.end:
            run.append(token)  # 农村|留守|老人: a verb inside the noun phrase
        elif forward and not seen_noun and token.pos in MODIFIER_TAGS | {"d"} and len(run) < 4:
            run.append(token)  # 未|摘帽|贫困县, 集中|连片|特困地区
        elif not forward and run and len(run) < 6 and token.pos in MODIFIER_TAGS and token.token not in SKIP_WORDS \
                and not (token.pos == "v" and (len(token.token) == 1 or token.token in FUNCTION_VERBS
                                               or _predicate(token, left, run[-1], run[0])
                                               or (len(run) == 1 and _verb_chain(token, left, run[0])))):
            run.append(token)  # 劝返|辍学|学生
        elif not forward and run and token.token in AVERAGE_WORDS and run[-1].pos != "v":
            run.append(token)  # 平均|用时
        elif not forward and token.pos == "v" and token.token in MODIFIER_VERBS and token.token not in DELTA_VERBS \
                and all(t.pos == "v" for t in run) and len(run) < 2 and left is not None and left.end == token.start \
                and (left.pos.startswith("n") or left.token in MODIFIER_VERBS):
            run.append(token)  # 脱贫劳动力|外出|务工: what the people do, at the end of the subject
        elif not forward and not run and token.pos == "v" and _after_average(tokens, token):
            run.append(token)  # 户均|增收: the verb an average measures
            seen_noun = True
        else:
            break
    ordered = run if forward else list(reversed(run))
    if not forward and ordered and ordered[-1].pos == "v" and _after_average(tokens, ordered[-1]):
        average = _average_before(tokens, tokens.index(ordered[-1]))
        if average.token in TIME_AVERAGES or average.token.startswith("每"):
            return ordered[-1].token, None  # 年均|减贫 measures 减贫; 农户|每户|分红 measures 分红
        start = average.start
        index = tokens.index(average)
        if index and tokens[index - 1].end == start and tokens[index - 1].pos in ("n", "nz") and \
                tokens[index - 1].token not in SCOPE_WORDS and not _in_place(tokens[index - 1], places) and \
                ordered[-1].token.startswith("增"):
            return tokens[index - 1].token, None  # 带动186户脱贫户|户均|增收…: the gain is counted per 脱贫户
        return "".join(t.token for t in tokens if start <= t.start and t.end <= ordered[-1].end), None
    # A phrase ends in a noun and starts with no verb or adverb (建成|幸福美丽新村, 开展|专项检查).
    doing = 0  # trailing verbs of state after the noun (劳动力|外出|务工) stay when backward
    while not forward and doing < len(ordered) - 1 and ordered[-1 - doing].pos == "v" and \
            ordered[-1 - doing].token in MODIFIER_VERBS and ordered[-1 - doing].token not in DELTA_VERBS:
        doing += 1
    if doing and not (ordered[-1 - doing].pos.startswith("n") or ordered[-1 - doing].pos in NOUN_TAGS):
        doing = 0
    tail, ordered = (ordered[len(ordered) - doing:], ordered[:len(ordered) - doing]) if doing else ([], ordered)
    while ordered and not (ordered[-1].pos in NOUN_TAGS or ordered[-1].pos.startswith("n") or _acronym(ordered[-1])
                           or (not forward and _noun_idiom(ordered[-1]))):
        ordered = ordered[:-1]
    ordered = [*ordered, *tail] if ordered else ordered
    if forward and len(ordered) > 1 and ordered[-1].pos == "vn" and ordered[-1] is tokens[-1] and \
            ordered[-2].pos in ("n", "nz") and ordered[-1].token in MODIFIER_VERBS:
        ordered = ordered[:-1]  # 带动1.1万余名|群众|就业: the clause's last verbal noun is what they do
    if forward and counted:
        heads = [i for i, t in enumerate(ordered) if t.token.endswith(COUNTED_HEADS)]
        if heads and heads[-1] < len(ordered) - 1:
            ordered = ordered[:heads[-1] + 1]  # 2.9万户|农户|住房安全, 30户以上|自然村|通硬化路: what was counted
    while not forward and ordered and ordered[0].token in ("和", "与", "及"):
        ordered = ordered[1:]
    if not forward and len(ordered) > 1 and ordered[-1].token in RATE_WORDS and \
            ordered[-2].token not in AVERAGE_WORDS:
        ordered = ordered[:-1]  # 居民消费价格|涨幅: the metric is what rises (but 年均|增速 stays)
    while not forward and len(ordered) > 1 and _governs(ordered[0], ordered[1]) and not _average_month(ordered):
        ordered = ordered[1:]
    if not forward and len(ordered) > 2 and ordered[0].token in PEOPLE_VERBS and \
            all(t.pos in NOUN_TAGS or t.token in ("和", "与", "及") for t in ordered[1:]):
        ordered = ordered[1:]  # 培训|农村|劳动力: a verb done to people is not part of who they are
    place = None
    while ordered and not _average_month(ordered) and not _contrasted_scope(ordered) and (
            ordered[0].token in SCOPE_WORDS or ordered[0].pos in ("t", "f")
            or (ordered[0].token in SKIP_WORDS - AVERAGE_WORDS and not _names_actual(ordered))
            or _in_place(ordered[0], places)
            or (place is not None and len(ordered) > 1 and _governs(ordered[0], ordered[1]))):
        if ordered[0].token in SCOPE_WORDS or _in_place(ordered[0], places):
            place = ordered[0].token if place is None or not _in_place(ordered[0], places) else place + ordered[0].token
        ordered = ordered[1:]
    if not ordered or (not forward and not _average_month(ordered) and ordered[0].pos != "m"
                       and _governs(ordered[0], ordered[1] if len(ordered) > 1 else None)):
        return None, place
    if not forward and place is None:
        ordered = [*_leading_modifiers(tokens, tokens.index(ordered[0]), places), *ordered]
    if not forward and ordered[-1].token in COUNT_HEADS and len(ordered) > 1:
        index = tokens.index(ordered[0])
        verb = tokens[index - 1] if index else None
        if verb is not None and verb.pos == "v" and len(verb.token) == 2 and verb.end == ordered[0].start and \
                verb.token not in FUNCTION_VERBS | REACH_WORDS | LEADING_VERBS:
            ordered = [verb, *ordered]  # 参加|城乡居民基本养老保险|人数: the people who do something
    if not forward:
        ordered = [*_condition_before(tokens, tokens.index(ordered[0])), *ordered]
    return "".join(t.token for t in ordered), place


def _condition_before(tokens: list[Token], first: int) -> list[Token]:
    """具备条件的|建制村100%通硬化路, 有劳动能力的|搬迁家庭98.7%…: the condition names which ones are counted."""
    if first < 2 or tokens[first - 1].token != "的" or tokens[first - 1].end != tokens[first].start:
        return []
    for size in (1, 2, 3):
        words = tokens[max(first - 1 - size, 0):first - 1]
        if "".join(t.token for t in words) in CONDITIONS and all(a.end == b.start for a, b in itertools.pairwise(
                [*words, tokens[first - 1]])):
            return [*words, tokens[first - 1]]
    return []


_NOT_MODIFIERS = frozenset({"的", "之", "和", "与", "及", "、", "或", "比", "较", "同比"})


def _leading_modifiers(tokens: list[Token], first: int, places: list[tuple[int, int]]) -> list[Token]:
    """其中|因公牺牲|干部, 其中|线上|招聘会, 贫困|患者…: what stands between the clause's start and its subject.

    A subject before the number opens its clause; the words the phrase rules stopped at (an adjective, a
    locative, a subject-verb modifier) belong to it when at most three short tokens lie between a clause
    boundary (a break, 其中, a scope word, a place, a date, a leading verb) and the phrase. Built on the
    development sets only, where it mends five metrics (瞪羚|企业 among them) and loses none.
    """
    gap: list[Token] = []
    for token in reversed(tokens[:first]):
        if gap and token.end != gap[0].start:
            break  # punctuation stood there
        if _bounds_subject(token, places):
            break
        gap.insert(0, token)
        if len(gap) > 3 or sum(len(t.token) for t in gap) > 6:
            return []
    if gap and gap[0].pos.startswith("v") and gap[0].token not in MODIFIER_VERBS:
        return []  # 开展|技能培训: a verb that opens the gap governs the phrase
    if len(gap) > 1 and gap[-1].pos == "v" and gap[-1].token not in MODIFIER_VERBS and gap[-2].pos in ("n", "nz", "nt"):
        return []  # 合作社|流转|土地: a verb right before the phrase is its predicate, the rest its subject
    if all(t.pos in ("v", "vn") for t in gap):
        return []  # 搬迁安置|建档立卡贫困人口: verbs alone act on the phrase
    return gap


def _bounds_subject(token: Token, places: list[tuple[int, int]]) -> bool:
    word = token.token
    if word in CLAUSE_BREAKS or word in _NOT_MODIFIERS or not all("\u4e00" <= c <= "\u9fff" for c in word) or \
            _in_place(token, places):
        return True
    if token.pos in ("m", "t", "p", "c", "r", "u", "uj", "ul", "ud", "ug", "uv", "uz", "d", "ad"):
        return True
    if len(word) == 1 and token.pos in ("v", "f"):
        return True  # 时间|使|…, 现行标准|下|…, 毕业|后|…: a verb or locative of one character closes a phrase
    return word in SCOPE_WORDS or word in SKIP_WORDS or word in REACH_WORDS or word in LEADING_VERBS or \
        word in PHRASE_STOPS or word in FUNCTION_VERBS or word in COMPARISONS or word in FROM_WORDS or \
        word.startswith(CHANGE_VERBS)
