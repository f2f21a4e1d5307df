"""The metric a quantity measures and how it changes: the noun phrase of the same clause it is about.

Patterns: X由A下降到B (A from, B to), X从A增加到B, X减少N / X增长N% (delta), X达到N / X为N (level),
N个X (the noun after a classifier). The metric is a noun phrase: nouns, verbal nouns and modifiers that
end in a noun. A place or scope word that opens the phrase (全市, 全省, 贵州省) is not part of the metric;
it is returned as the place hint, so facts can be grouped by place.
"""

from __future__ import annotations

from dataclasses import dataclass

from zhetl.segment import Token

CLAUSE_BREAKS = frozenset("，。；;！？!?：:（）()“”\"")
NOUN_TAGS = frozenset({"n", "nz", "vn", "nt", "an", "ng", "nrt", "j", "nl", "ns", "s", "nr", "l"})
AVERAGE_WORDS = frozenset("人均 户均 亩均 年均 平均 每人 每户".split())  # part of a metric when they open it
CONTINUATIONS = frozenset("占 比 较 同比 环比 增长 下降 提高 降低 增加 减少 上升 达 达到 约".split())
# Verbs that open a clause about an amount; they are never the start of the metric (发展|设施农业).
LEADING_VERBS = frozenset("发展 新建 建成 建设 实施 完成 实现 带动 惠及 选聘 新增 累计 开展 投入 安排 创建 打造 "
                          "改造 配套 配套建设 年产 解决 办 办理 帮助 选派 组建 建立 落实 发放 筹措 整合 争取 吸引 接待 "
                          "实现了 完成了 建成了".split())
MODIFIER_TAGS = frozenset({"b", "a", "v", "l", "vd", "z"})
LEADING_DROP_TAGS = frozenset({"v", "d", "p", "c", "u", "uj", "ul", "r", "m", "q", "f", "vd", "ad"})
FROM_WORDS = frozenset({"由", "从"})
TO_WORDS = frozenset({"到", "至", "为"})
CHANGE_VERBS = ("下降", "减少", "增加", "增长", "提高", "降低", "上升", "扩大", "缩小", "提升", "减", "增", "降", "升",
                "回落", "压缩", "缩减", "翻")
DELTA_VERBS = frozenset({*CHANGE_VERBS, "新增", "增收", "减贫", "多", "少"})
SKIP_WORDS = frozenset("""
了 已 已经 均 分别 共 共计 累计 总计 合计 约 达 达到 为 是 有 占 实现 完成 突破 超过 保持 稳定 在 以上 以下 左右 比 较
同比 环比 上年 去年 年均 平均 人均 每年 全年 当年 名义 实际 的 将 要 再 又 还 就 则 仍 都 也 年 底 末 初
""".split())
SCOPE_WORDS = frozenset("全国 全省 全市 全县 全区 全州 全乡 全镇 全村 我国 我省 我市 我县 我区 本省 本市 本县 该省 "
                        "该市 该县 该村 全盟 全旗 各地 各省 各市 各县 全球 全世界".split())
COUNT_AFTER_UNITS = frozenset({"个", "所", "家", "项", "件", "篇", "座", "批", "类", "条", "处", "只", "头", "台",
                               "辆", "套", "间", "亩", "公顷", "部", "支", "本", "张", "份", "种", "村", "个村",
                               "位", "场", "名", "户", "人", "人次", "户次", ""})


MONEY_OR_MEASURE = frozenset("元 万元 亿元 千元 万亿元 美元 欧元 亩 公顷 公里 平方公里 吨 斤 公斤 千克 米 平方米 "
                             "立方米".split())
DURATION_OR_AGE = frozenset("年 个月 月 天 日 小时 周 周年 岁 周岁 年度 季度".split())


# Words that end a noun phrase even when jieba tags them as nouns (贫困县|全部摘帽, 贫困人口|基本).
PHRASE_STOPS = frozenset("全部 全都 均 已 已经 基本 基本上 全面 整体 分别 同比 累计 共 共计 总计 合计 其中 以上 "
                         "以下 左右 多 余 这 那 此 该".split())


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
    links: list[MetricLink] = []
    for index, (start, end, unit) in enumerate(quantities):
        link = link_metric(tokens, start, end, unit, places)
        if link.metric is None and index:
            previous = next((earlier for earlier in reversed(links) if earlier.metric), links[-1])
            touching = quantities[index - 1][1] == start
            clause = _clause([t for t in tokens if t.end <= start], backwards=True)
            # …，占69.9%; …，比上年下降8.5%: a clause that only continues the previous figure.
            continues = bool(clause) and clause[0].token in CONTINUATIONS and \
                not any(t.pos in NOUN_TAGS or t.pos.startswith("n") for t in clause)
            if touching or ((link.change in ("to", "delta") or continues) and previous.metric):
                link = MetricLink(previous.metric, previous.change if touching else link.change, previous.place_hint)
        links.append(link)
    return _distribute(tokens, quantities, links)


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
        items = _list_items(_clause([t for t in tokens if t.end <= marker.start], backwards=True))
        if len(items) == len(group):
            metrics = _shared_head(items)
        else:
            earlier = [i for i in range(group[0]) if links[i].metric and quantities[i][1] <= marker.start]
            if len(earlier) < len(group):
                continue
            metrics = [links[i].metric for i in earlier[-len(group):]]
        for index, metric in zip(group, metrics, strict=True):
            links[index] = MetricLink(metric, links[index].change, links[index].place_hint)
    return links


def _list_items(clause: list[Token]) -> list[list[Token]]:
    """The coordinated items of a subject list: 第一、二、三产业增加值 → [第一] [二] [三 产业 增加值]."""
    while clause and (clause[-1].pos in ("v", "d", "p") or clause[-1].token in SKIP_WORDS):
        clause = clause[:-1]
    start = len(clause)
    joiners = ("、", "和", "与", "及")
    while start and (clause[start - 1].pos in NOUN_TAGS or clause[start - 1].pos.startswith("n")
                     or clause[start - 1].pos in ("m", "b", "a") or clause[start - 1].token in joiners):
        start -= 1
    items: list[list[Token]] = [[]]
    for token in clause[start:]:
        if token.token in ("、", "和", "与", "及"):
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
        metric, place = _phrase(after, forward=True, places=places)
    if metric is None:
        metric, place = _phrase(_subject_zone(before), forward=False, places=places)
    return MetricLink(metric, change, place)


def _clause(tokens: list[Token], backwards: bool) -> list[Token]:
    """The tokens up to the nearest clause break, in text order."""
    sequence = list(reversed(tokens)) if backwards else tokens
    kept: list[Token] = []
    for token in sequence:
        if token.token in CLAUSE_BREAKS:
            break
        kept.append(token)
    return list(reversed(kept)) if backwards else kept


def _after_average(tokens: list[Token], token: Token) -> bool:
    index = tokens.index(token)
    return index > 0 and tokens[index - 1].token in AVERAGE_WORDS and tokens[index - 1].end == token.start


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
    earlier = [t.token for t in core[:-1]]
    if last.endswith(("到", "至")) and len(last) > 1 and last[:-1] in DELTA_VERBS | {"降", "增", "升", "减"}:
        return "to"  # 下降到, 降至, 增加到
    if last in TO_WORDS and (any(w in FROM_WORDS for w in earlier) or any(w.startswith(CHANGE_VERBS) for w in earlier)):
        return "to"
    if last in DELTA_VERBS or last.startswith(CHANGE_VERBS) or last in ("增幅", "降幅", "增速"):
        return "delta"
    if last in ("了",) and len(core) > 1 and core[-2].token.startswith(CHANGE_VERBS):
        return "delta"
    return "level"


def _subject_zone(before: list[Token]) -> list[Token]:
    """The part of the clause before the verb or preposition that leads to the number (its subject)."""
    index = len(before)
    for position in range(len(before) - 1, -1, -1):
        token = before[position]
        if token.token in FROM_WORDS or token.token in ("比", "较", "同比"):
            between = before[position + 1:]
            # 由|2012年的|…, 比|上年|增长: only dates, particles, verbs and adverbs lie between it and the number.
            if all(t.pos in ("t", "m", "uj", "v", "d", "p", "f", "r", "q") or t.token in SKIP_WORDS
                   or t.token.startswith((*CHANGE_VERBS, "每")) for t in between):
                index = position
            break
    zone = before[:index]
    # Drop what stands between the subject and the number: verbs, adverbs, earlier numbers, dates.
    while zone and (zone[-1].token in SKIP_WORDS or zone[-1].pos in ("v", "d", "p", "m", "t", "u", "uj", "ul",
                                                                      "c", "q", "r", "ad", "x")
                    or (zone[-1].token.startswith(CHANGE_VERBS) and not zone[-1].pos.startswith("n"))):
        if len(zone) > 1 and zone[-2].token in AVERAGE_WORDS and zone[-1].pos == "v":
            break  # 户均增收, 人均补助: the verb after an average is part of the metric
        zone = zone[:-1]
    return zone


def _phrase(tokens: list[Token], forward: bool, places: list[tuple[int, int]] = ()) -> tuple[str | None, str | None]:
    """The noun phrase at the start (forward) or end (backward) of ``tokens``, and a scope word it opened with."""
    if forward and tokens and tokens[0].token in ("的", "之"):
        tokens = tokens[1:]  # 75.3%的贫困人口, 一年的帮扶
    sequence = tokens if forward else list(reversed(tokens))
    run: list[Token] = []
    seen_noun = False
    for token in sequence:
        if run and (token.end != run[-1].start if not forward else token.start != run[-1].end):
            break  # a gap where whitespace or punctuation stood
        if token.token in CLAUSE_BREAKS or token.token in ("的", "之", "和", "与", "及", "、", "或") or \
                token.token in PHRASE_STOPS:
            break
        if token.pos in ("m", "t"):
            break  # another number or a date: the phrase ended
        if token.pos in NOUN_TAGS or (token.pos.startswith("n") and token.pos not in ("nr", "nrfg")):
            run.append(token)
            seen_noun = True
        elif forward and seen_noun and token.pos in ("i", "l", "vn"):
            run.append(token)  # 国家|扶贫开发|重点县
        elif forward and not seen_noun and token.pos in MODIFIER_TAGS | {"d"} and len(run) < 4:
            run.append(token)  # 未|摘帽|贫困县, 集中|连片|特困地区
        elif not forward and token.pos in MODIFIER_TAGS and token.token not in SKIP_WORDS and len(run) < 6 and run:
            run.append(token)
        elif not forward and not run and token.pos == "v" and _after_average(tokens, token):
            run.append(token)  # 户均|增收: the verb an average measures
            seen_noun = True
        else:
            break
    ordered = run if forward else list(reversed(run))
    if not forward and len(ordered) >= 2 and ordered[-1].pos == "v" and ordered[-2].token in AVERAGE_WORDS:
        return "".join(t.token for t in ordered[-2:]), None
    # A phrase ends in a noun and starts with no verb or adverb (建成|幸福美丽新村, 开展|专项检查).
    while ordered and not (ordered[-1].pos in NOUN_TAGS or ordered[-1].pos.startswith("n")):
        ordered = ordered[:-1]
    while not forward and ordered and (ordered[0].pos in LEADING_DROP_TAGS or ordered[0].token in LEADING_VERBS) \
            and len(ordered) > 1:
        ordered = ordered[1:]
    place = None
    while ordered and (ordered[0].token in SCOPE_WORDS or ordered[0].pos in ("t", "f")
                       or ordered[0].token in SKIP_WORDS - AVERAGE_WORDS or _in_place(ordered[0], places)):
        if ordered[0].token in SCOPE_WORDS or _in_place(ordered[0], places):
            place = ordered[0].token if place is None or not _in_place(ordered[0], places) else place + ordered[0].token
        ordered = ordered[1:]
    if not ordered or (not forward and ordered[0].pos in LEADING_DROP_TAGS):
        return None, place
    return "".join(t.token for t in ordered), place
