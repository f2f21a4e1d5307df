"""Names a figure takes from the words around it: after it (N元的一次性补贴), or a bare head made whole.

Helpers of ``zhetl.metrics``: each takes the clause before or after a figure and returns a better name, or
the name it was given when the pattern does not apply.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from zhetl.metric_patterns import _described_share, past_whereabouts
from zhetl.metric_phrases import _phrase
from zhetl.metric_words import AVERAGE_WORDS, CLAUSE_BREAKS, LEADING_VERBS, PEOPLE_HEADS, SCOPE_WORDS, SKIP_WORDS
from zhetl.segment import Token

# Words for how well something went, never what a figure before them measures (97.8%的成绩).
RESULT_WORDS: Final = frozenset({"成绩", "水平", "好成绩", "成效"})

# What a sum of money can be, named after it with 的 (N元的一次性补贴); 10万元以上的村 is a threshold instead.
MONEY_NOUNS: Final = ("收入", "资金", "补贴", "补助", "奖励", "奖补", "分红", "收益", "津贴", "贷款", "投资", "费用",
                      "经费", "救助金", "救助", "补偿", "工资", "报酬")

# Heads too bare to stand alone when a clause with 的 describes them (用于产业发展的资金, 纳入监测帮扶的对象).
DESCRIBED_HEADS: Final = ("资金", "对象", "人员", "农户", "项目")


def _paired_forward(after: list[Token], metric: str, places: Sequence[tuple[int, int]],
                    counted: tuple[str, ...]) -> str:
    """1.8万名农村留守儿童和困难老人: a second noun after 和 with no number of its own is counted too.

    Not after 与, which more often means "with" (29.3万名党员干部与贫困户结对).
    """
    text = "".join(t.token for t in after)
    offset = text.find(metric)
    if offset < 0:
        return metric
    position = offset + len(metric)
    index, length = 0, 0
    while index < len(after) and length < position:
        length += len(after[index].token)
        index += 1
    if length != position or index + 1 >= len(after) or after[index].token not in ("和", "及"):
        return metric
    rest = after[index + 1:]
    second, _ = _phrase(rest, forward=True, places=places, counted=counted)
    if not second or any(t.pos == "m" for t in rest[:3]) or not "".join(t.token for t in rest).startswith(second):
        return metric
    return metric + after[index].token + second


def _above_threshold(tokens: list[Token], end: int) -> bool:
    """The figure ends in 以上 (亿元以上, 10万元以上): a threshold, not an amount of its own."""
    return any(t.end == end and t.token.endswith(("以上", "以下")) for t in tokens)


def _listed_access(before: list[Token], after: list[Token], end: int) -> bool:
    """100%通硬化路、100%通客车: shares listed with what they have (通…); a single one measures its subject."""
    def access(token: Token) -> bool:
        return token.token.startswith("通") and len(token.token) > 2 and token.pos.startswith("n")

    if not after or not access(after[0]) or after[0].start != end:
        return False
    listed_after = len(after) > 2 and after[1].token == "、" and after[2].pos == "m"
    listed_before = len(before) > 2 and before[-1].token == "、" and access(before[-2])
    return listed_after or listed_before


def _named_after(after: list[Token], endings: tuple[str, ...]) -> str | None:
    """The few words after a figure, up to the last one with one of ``endings`` (一次性补贴, 集体收入, 年收益率)."""
    words: list[Token] = []
    for token in after[:5]:
        if token.token == "年" and not words:
            words.append(token)  # 年|收益率: per year
            continue
        if token.token == "和" and words and words[-1].end == token.start:
            words.append(token)  # 务工|和|分红|收入: two sources of one income
            continue
        if (words and token.start != words[-1].end) or not token.pos.startswith(("n", "v", "a", "b", "d")) or \
                (token.pos.startswith("v") and any(t.pos.startswith("n") for t in words)
                 and token.token not in ("奖补", "补助", "补贴", "帮扶", "扶贫")):
            break  # (N元的标准|给予奖补: a verb after the noun starts the predicate; 产业|奖补|项目 is a noun)
        words.append(token)
    ends = [i for i, t in enumerate(words) if t.token.endswith(endings)]
    return "".join(t.token for t in words[:ends[-1] + 1]) if ends else None


def _counted_off(before: list[Token], metric: str | None) -> str | None:
    """238个行政村|集体经济收入全部达到5万元: the noun right after a count is what it counted, not this metric's."""
    if not metric:
        return metric
    firsts = [i for i, t in enumerate(before) if i and metric.startswith(t.token) and len(metric) > len(t.token)
              and "".join(x.token for x in before[i:]).startswith(metric)]
    if not firsts:
        return metric
    first = before[firsts[-1]]
    counter = before[firsts[-1] - 1]
    number = before[firsts[-1] - 2] if firsts[-1] > 1 else None
    counted = counter.token in ("个", "名", "户", "家", "所") and number is not None and number.pos == "m" and \
        any(c.isdigit() for c in number.token)
    if first.pos.startswith("n") and counted and counter.end == first.start and first.token not in AVERAGE_WORDS \
            and not villages_collective(first.token):
        return metric[len(first.token):]
    return metric


def villages_collective(word: str) -> bool:
    """村集体经济收入, 村集体收入: one word for a sum the villages hold together (28个|村集体经济收入总额 counts 村,
    but 15个|村集体经济组织 counts the bodies)."""
    return word.startswith("村集体") and word.endswith(("收入", "总额", "资金", "资产", "收益", "积累"))


def _achieved_object(before: list[Token], metric: str) -> str:
    """其中已消除风险5.4万户: what was achieved (消除|风险) names the part, not the bare object 风险."""
    index = max((i for i, t in enumerate(before) if t.token == metric), default=-1)
    if index < 1 or before[index - 1].token not in ("消除", "摆脱", "解除") or \
            before[index - 1].end != before[index].start:
        return metric
    # 已 stays out of what was achieved (消除风险: 10 readings to 3) but names the households (已消除风险户: 3 to 0)
    start = index - 2 if index > 1 and before[index - 2].token == "已" and metric != "风险" else index - 1
    return "".join(t.token for t in before[start:index + 1])


def _per_unit_alone(before: list[Token]) -> str | None:
    """平均每村超过40万元: a figure per village, with no other noun, measures the village (as the notes say).

    Not 每人 (达到每人每月128元): a sum per person is a standard paid, never a measure of the person.
    """
    words = [t.token for t in before if t.pos not in ("d", "m") and t.token not in SKIP_WORDS]
    if len(words) == 1 and len(words[0]) == 2 and words[0][0] == "每" and words[0][1] in "村户乡镇县校":
        return words[0][1]
    return None


def _superlative(before: list[Token]) -> str | None:
    """年龄最小的只有26岁, 面积最大的为120亩: the noun before 最…的 is what the extreme figure measures."""
    copulas = ("只有", "仅", "才", "是", "为", "有", "也", "就", "达")
    words = [t for t in before if t.pos != "d" and t.token not in copulas]
    if len(words) < 3 or words[-1].token != "的" or not words[-2].token.startswith("最"):
        return None
    noun = words[-3]
    return noun.token if noun.pos.startswith("n") and noun.token not in SCOPE_WORDS else None


def _described_clause(clause: list[Token]) -> str | None:
    """The clause before 的 that describes a noun: a few words with a verb or a predicate adjective, no figure
    (生活垃圾得到收运处理, 居住在钢筋混凝土房或砖混材料房, 上小学便利). 所在自然村 before it only says where the
    households are, and stays out (所在自然村|通4G网络的农户比重)."""
    start = max((i + 1 for i, t in enumerate(clause) if t.token in CLAUSE_BREAKS or t.token == "其中"), default=0)
    words = clause[start:]
    while words and (words[0].token in SCOPE_WORDS or words[0].pos in ("t", "d", "p", "c", "r")):
        words = words[1:]
    words = past_whereabouts(words)
    if not words or len(words) > 9 or not any(t.pos in ("v", "a") for t in words) or \
            any(t.pos in ("m", "x") for t in words):
        return None
    return "".join(t.token for t in words)


def _described_head(before: list[Token], metric: str) -> str:
    """资金占比 after 用于产业发展的 → 用于产业发展的资金占比: the describing clause is part of a bare head."""
    head = next((h for h in DESCRIBED_HEADS if metric == h or (metric.startswith(h) and metric[len(h):] in
                                                               ("占比", "比重", "比例"))), None)
    if head is None and metric.endswith(("比例", "比重")) and len(metric) > 2:
        head = metric[:-2]  # 生活垃圾得到收运处理的|行政村比例: a share of the villages the clause describes
        first = next((t for t in reversed(before) if head.startswith(t.token)), None)
        if first is None or before.index(first) == 0 or before[before.index(first) - 1].token != "的" or \
                "".join(t.token for t in before[before.index(first):]).find(metric) != 0:
            return metric
        described = _described_clause(before[:before.index(first) - 1])
        return described + "的" + metric if described else metric
    if head is None:
        return metric
    described = _described_share(before, head)
    if not described or "最" in described:
        return metric  # 分得最多的农户拿到了2400元: one household picked out, not a kind of household
    return described + metric[len(head):]


_PLACED_WORK: Final = frozenset({"就业", "务工", "稳岗就业", "稳定就业", "转移就业"})
_PEOPLE_ENDINGS: Final = ("劳动力", "人口", "群众", "农民", "农民工", "人员")


def _with_origin(before: list[Token], metric: str | None) -> str | None:
    """铜仁|籍|贫困劳动力: 籍 is bound to the place before it, which the phrase left out."""
    if not metric or not metric.startswith("籍"):
        return metric
    for index in range(len(before) - 1, 0, -1):
        if before[index].token == "籍" and "".join(t.token for t in before[index:]).startswith(metric):
            return before[index - 1].token + metric if before[index - 1].end == before[index].start else metric
    return metric


def _people_placed(before: list[Token], metric: str | None, unit: str) -> str | None:
    """帮助农村劳动力到东部稳岗就业, 帮助贫困劳动力实现就业 N万人: the people are counted, not the work."""
    if unit not in ("人", "名", "人次") or not before or before[-1].token not in _PLACED_WORK:
        return metric
    for index in range(len(before) - 2, max(len(before) - 6, 0), -1):
        if before[index].token in ("到", "赴", "实现") and index and \
                before[index - 1].token.endswith(_PEOPLE_ENDINGS) and before[index - 1].pos.startswith("n"):
            people, _ = _phrase(before[:index], forward=False)
            return people or before[index - 1].token
        if before[index].token in CLAUSE_BREAKS:
            break
    return metric


_WHOLE_SCOPES: Final = ("全县", "全市", "全省", "全区", "全州", "全镇", "全乡", "全村", "全国")

# Heads that name nothing without the word before them (流转面积, 涉及金额, 实际执行比例, 出台率).
BARE_HEADS: Final = frozenset("面积 期限 价格 金额 比例 比重 率 产值 总额 数量".split())
_NOT_NAMING: Final = frozenset("是 为 占 达 达到 有 共有 约 约为 按 按照 用于 其中 仅 已 均 和 与 及 涉及 培育 "
                               "力争".split())
_LIST_JOINS: Final = ("、", "和", "及")


def finished_name(tokens: list[Token], start: int, metric: str | None) -> str | None:
    """The last touches a name takes from the words right before its figure at ``start``, in order: what opens
    or ends no name is trimmed, a bare head takes its verb, a borrowed rate yields to the clause's own rise,
    quotes inside the name stay, bare jobs keep 吸纳, and a figure every listed item reached takes the list."""
    if not metric:
        return metric
    before = [t for t in tokens if t.end <= start]
    metric = _trimmed(before, metric)
    metric = _bare_head_named(before, metric)
    metric = _own_change_rate(before, metric)
    metric = _quoted_inside(before, metric)
    metric = _absorbed_into_work(before, metric)
    return _shared_by_list(before, metric)


_TRAILING_NOTE: Final = re.compile(r"(?<=.)[（(]([^（）()]+)[）)]$")
# 村（社区）, 贫困县（区）, 新时代文明实践所（站）: the places or sites a count covers, part of its name
_PLACE_ALTERNATIVES: Final = frozenset({"区", "市", "州", "县", "乡", "镇", "村", "社", "社区", "街道", "站", "室",
                                        "所", "场", "园区", "市区", "区县", "县区"})


def _trimmed(before: list[Token], metric: str) -> str:
    """受疫情影响全县|外出务工贫困劳动力, 有劳动能力的脱贫户|中, 剩余|未消除风险的, 部分|乡镇|帮扶措施落实率: a whole
    scope, 中 (among them), 剩余 before a negated clause and 部分 (some of them) are no part of the name."""
    inside = next((w for w in _WHOLE_SCOPES if 0 < metric.find(w) < len(metric) - 3), None)
    if inside and not any(c in metric[:metric.find(inside)] for c in "占的比"):
        metric = metric[metric.find(inside) + len(inside):]
    if len(metric) > 3 and metric.endswith("中"):
        run = _last_run(before, metric)
        if run is not None and _spelled(before[run:], metric)[-1].token == "中":
            metric = metric[:-1]  # (but 初中 is a school)
    note = _TRAILING_NOTE.search(metric)
    if note and note.group(1) not in _PLACE_ALTERNATIVES and "、" not in note.group(1):
        metric = metric[:note.start()]  # 化肥施用量（折纯）, 食品烟酒支出占比（恩格尔系数）: a note, not the name
    if metric.startswith(("剩余未", "剩余不")):
        return metric[2:]
    if metric.startswith("部分") and len(metric) > 3:
        rest = metric[2:]
        scope = next((w for w in ("乡镇", "地区", "县区", "县", "村") if rest.startswith(w)), "")
        return rest[len(scope):] if len(rest) - len(scope) > 2 else rest
    return metric


def _bare_head_named(before: list[Token], metric: str) -> str:
    """流转|面积3860万亩, 实际|执行|比例: a bare head takes the verb or modifier glued before it (涉及 is none)."""
    if metric not in BARE_HEADS:
        return metric
    head = next((i for i in range(len(before) - 1, -1, -1) if before[i].token == metric), None)
    if not head:
        return metric
    left = before[head - 1]
    if left.end != before[head].start or left.token in _NOT_NAMING or left.token in SKIP_WORDS or \
            left.token in CLAUSE_BREAKS or not (left.pos in ("v", "vn", "a", "b", "an") or left.token == "实际"):
        return metric
    if head > 1 and before[head - 2].token == "实际" and before[head - 2].end == left.start:
        return "实际" + left.token + metric  # what was really done, against the plan
    return left.token + metric


def superlative_clause(tokens: list[Token], start: int) -> str | None:
    """…的满意度最高，达到98.3%: the extreme the clause before names is what the figure measures."""
    before = [t for t in tokens if t.end <= start]
    opening = len(before)
    while opening and before[opening - 1].token not in CLAUSE_BREAKS:
        opening -= 1
    clause = before[opening:]
    if opening < 3 or before[opening - 1].token not in ("，", ",") or not clause or \
            not all(t.pos in ("d", "v", "p") for t in clause):
        return None
    previous = before[:opening - 1]
    if not previous[-1].token.startswith("最") or len(previous[-1].token) != 2:
        return None
    metric, _ = _phrase(previous[:-1], forward=False)
    return metric


def _own_change_rate(before: list[Token], metric: str) -> str:
    """居民消费价格涨幅预期3%左右，实际上涨0.9%: a clause with its own change verb measures the price, not the
    rate borrowed from the clause before."""
    if not metric.endswith("涨幅") or metric == "涨幅":
        return metric
    clause = []
    for token in reversed(before):
        if token.token in CLAUSE_BREAKS:
            break
        clause.append(token.token)
    if metric in "".join(reversed(clause)) or not any(word.startswith(("上涨", "下降", "增长", "上升", "回落"))
                                                     for word in clause):
        return metric
    return metric.removesuffix("涨幅")


def _quoted_inside(before: list[Token], metric: str) -> str:
    """村“两委”成员平均年龄, 村党组织书记和村委会主任“一肩挑”比例: a quoted word inside a noun phrase (a noun
    glued before its quotes, or a bare head after them) is part of the name; a quoted name opening the phrase
    (“三品一标”农产品) stays out, as most readings have it."""
    first = _last_run(before, metric)
    if first is None or first < 3 or before[first - 1].token != "”" or before[first - 1].end != before[first].start:
        return metric
    opening = next((i for i in range(first - 2, max(-1, first - 7), -1) if before[i].token == "“"), None)
    if opening is None:
        return metric
    inner = before[opening + 1:first - 1]
    if not inner or any(t.pos in ("m", "x") for t in inner):
        return metric
    prefix = opening
    while prefix > 0 and opening - prefix < 8 and before[prefix - 1].end == before[prefix].start and \
            (before[prefix - 1].pos in ("n", "nt", "j", "zg", "b") or before[prefix - 1].token in ("和", "、")) and \
            before[prefix - 1].token not in SCOPE_WORDS and before[prefix - 1].token not in LEADING_VERBS:
        prefix -= 1
    while prefix < opening and before[prefix].token in ("和", "、"):
        prefix += 1
    if prefix == opening and not metric.endswith(("比例", "比重", "率")):
        return metric
    return "".join(t.token for t in before[prefix:first]) + metric


# Indicators reports name by a verb and its object: the object, then the verb glued before it that stays.
VERB_KEPT: Final = {"就业": "吸纳", "土地": "流转", "创业": "扶持", "项目": "新开工"}


def _absorbed_into_work(before: list[Token], metric: str) -> str:
    """扶贫车间共吸纳就业2860人, 累计流转土地1.05万亩, 扶持创业736人, 新开工项目312个: indicators reports count
    under a verb and its object keep the verb wherever they stand (with the people named, 吸纳脱贫人口就业, see
    ``_people_taken_in``)."""
    verb = VERB_KEPT.get(metric)
    if verb is None:
        return _people_taken_in(before, metric)
    first = _glued_after(before, verb, metric)
    if first is None:
        return metric
    actor = before[first - 2] if first > 1 and before[first - 2].end == before[first - 1].start else None
    if actor is not None and actor.pos.startswith("n") and actor.token not in SCOPE_WORDS and verb != "吸纳":
        return metric  # 黄桃专业合作社流转土地620亩: who rents the land is said, and the land is the name
    return verb + metric


def _people_taken_in(before: list[Token], metric: str) -> str:
    """扶贫车间吸纳贫困人口就业43.7万人: the people a workshop took in are what is counted (19 development readings
    against 12 for 贫困人口就业; with 带动 the readings go the other way and stay)."""
    people = metric[:-2]
    if not metric.endswith("就业") or not people.endswith(PEOPLE_HEADS) or \
            _glued_after(before, "吸纳", metric) is None:
        return metric
    return people


def _glued_after(before: list[Token], verb: str, metric: str) -> int | None:
    """The first token of the last run spelling ``metric`` when ``verb`` stands glued right before it."""
    first = _last_run(before, metric)
    if not first or before[first - 1].token != verb or before[first - 1].end != before[first].start:
        return None
    return first


def _shared_by_list(before: list[Token], metric: str) -> str:
    """错退率、漏评率均为零, 住房安全有保障率、义务教育入学率、基本医疗保险参保率均达到100%: one figure that every
    item of a list reached (均) is named by the whole list, as written (11 development readings to 1)."""
    first = _last_run(before, metric)
    if first is None or first < 2 or before[first - 1].token not in _LIST_JOINS:
        return metric
    end = first + len(_spelled(before[first:], metric))
    if not any(t.token.startswith("均") for t in before[end:]):
        return metric
    items, current, index = [metric], "", first - 2  # (the joiner before the last item is read)
    while index >= 0:
        token = before[index]
        if token.token in _LIST_JOINS:
            if not current:
                return metric
            items.append(current)
            current = ""
        elif token.token in CLAUSE_BREAKS or token.token in SCOPE_WORDS or token.pos in ("m", "t", "r", "p", "d") \
                or len(current) + len(token.token) > max(len(item) for item in items):
            break
        else:
            current = token.token + current
        index -= 1
    if not current:
        return metric  # (the first item could not be read: keep the last item's name)
    return "".join(t.token for t in before[index + 1:first]) + metric


def _last_run(tokens: list[Token], text: str) -> int | None:
    """The index of the first token of the last run of tokens that spells ``text``."""
    for end in range(len(tokens), 0, -1):
        joined = ""
        for first in range(end - 1, max(-1, end - 12), -1):
            joined = tokens[first].token + joined
            if joined == text:
                return first
            if len(joined) >= len(text):
                break
    return None


def _spelled(tokens: list[Token], text: str) -> list[Token]:
    """The leading tokens that spell ``text``."""
    spelled, joined = [], ""
    for token in tokens:
        if joined == text:
            break
        spelled.append(token)
        joined += token.token
    return spelled
