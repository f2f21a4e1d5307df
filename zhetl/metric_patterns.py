"""Sentence patterns whose metric is not the plain noun phrase: shares, ratios, payments, time spent."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from zhetl.metric_phrases import _phrase, _subject_zone
from zhetl.metric_tokens import _after_average, _contrasted_scope, _core, _in_place, _is_span
from zhetl.metric_words import (
    ACTIVITY_UNITS,
    CHANGE_VERBS,
    CLAUSE_BREAKS,
    COMPARISONS,
    DELTA_VERBS,
    FUNCTION_VERBS,
    LEADING_VERBS,
    MODIFIER_VERBS,
    NOUN_TAGS,
    PEOPLE_HEADS,
    PEOPLE_VERBS,
    PREFIX_MODIFIERS,
    RATE_WORDS,
    RATIO_VERBS,
    REACH_WORDS,
    SCOPE_WORDS,
    SKIP_WORDS,
)
from zhetl.segment import Token


def _achieved(after: list[Token]) -> str | None:
    """已有4650人实现就业, 172户实现稳定增收: people counted by what they achieved."""
    if len(after) == 1 and after[0].pos == "v" and after[0].token in MODIFIER_VERBS - PREFIX_MODIFIERS:
        return after[0].token  # 累计实现6.72万人|脱贫: the clause ends in what they did
    if len(after) > 1 and after[0].token in ("纳入", "纳入到") and all(t.pos.startswith("n") for t in after[1:]):
        return "".join(t.token for t in after[1:])  # 将6.2万户|纳入|防止返贫动态监测: what they were brought into
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
                token.token in FUNCTION_VERBS or token.token in REACH_WORDS or token.token in LEADING_VERBS or \
                token.token in DELTA_VERBS:
            break  # (累计|加班: the adverbial verb before the activity is not part of it; 减少|60小时: a change)
        run.insert(0, token)
    while run and not (run[0].pos == "v" or run[0].token in MODIFIER_VERBS):
        run.pop(0)  # 扶贫干部王秀英|驻村帮扶: who did it is not what was done
    if not run or len(run[0].token) < 2:
        return None
    if run[-1].pos.startswith("n") and run[-1].token not in MODIFIER_VERBS and run[0].token in MODIFIER_VERBS:
        return None  # 外出务工人数|连续3年…: a noun the state verbs describe is a subject, not an activity
    return "".join(t.token for t in run)


def timed_activity(before: list[Token], metric: str) -> str:
    """平均识别认定时间, 在村工作时间: the activity a span of time measures belongs to the name of the time."""
    zone = _subject_zone(before)
    text = "".join(t.token for t in zone)
    if not text.endswith(metric):
        return metric
    index, length = len(zone), 0
    while index and length < len(metric):
        index -= 1
        length += len(zone[index].token)
    added = 0
    while index and added < 4:
        token, right = zone[index - 1], zone[index]
        if token.end != right.start or token.token in SCOPE_WORDS or token.token in FUNCTION_VERBS or \
                token.token in REACH_WORDS:
            break
        if not (token.pos in ("v", "vn", "n", "ns", "nz") or token.token == "平均" or
                (token.token == "在" and right.pos.startswith("n"))):
            break
        index -= 1
        added += 1
    if added and index and zone[index - 1].token in ("到", "至"):
        return metric  # 从开工到入住平均用时: the end of a from-to span is not the activity
    while added and zone[index].pos == "ns":
        index += 1  # (a place name before the activity is where, not what)
        added -= 1
    return "".join(t.token for t in zone[index:]) if added else metric


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
    if not any((t.token in ("向", "为", "给") and t.pos == "p") or t.token in ("共为", "累计为", "共向")
               for t in rest):  # (共为: one word to jieba)
        return None
    return "".join(t.token for t in verbs)


def _span_of_time(before: list[Token], unit: str) -> bool:
    """连续5年, 仅用了不到10个月: a duration that says how long, not an amount of the metric."""
    words = [t.token for t in before[-2:] if t.pos not in ("d",)]
    return _is_span(unit) and bool(words) and \
        words[-1] in ("连续", "持续", "用了", "用", "历时", "经过", "花了", "耗时", "仅用了", "只用了")


BENEFITS: Final = frozenset("奖补 补助 补贴 奖励 资助 贴息 救助 分红 奖金 补偿".split())


def _rate_of_payment(before: list[Token], after: list[Token], places: Sequence[tuple[int, int]]) -> str | None:
    """按每人90元的标准给予资助, 按每吨300元给予补助: a rate of payment measures the standard or the payment.

    Likewise a sum a clause grants, named right after it: 对…给予20-50万元奖补, 给予每头300元的补助.
    """
    granted = after[1:] if after and after[0].token == "的" else after
    if len(granted) == 1 and granted[0].token in BENEFITS and \
            any(t.token in ("给予", "予以", "发放") for t in before[-3:]):
        return granted[0].token
    if not any(t.token in ("按", "按照") for t in before[-4:]):
        return None
    if len(after) > 1 and after[0].token == "的" and after[1].token == "标准":
        return "标准"
    if len(after) > 1 and after[0].token in ("给予", "予以", "发放"):
        named = _phrase(after[1:], forward=True, places=places)[0]
        return named or (after[1].token if len(after) == 2 and after[1].token in BENEFITS else None)
    return None


# A growth rate followed by where it went (增速由-8.6%回升到5.8%) or by a bound on it (增速超过10%, 增速不低于8%)
# is itself the figure: specification-only readers kept the rate word all 7 times.
_RATE_STATED: Final = frozenset({"由", "从", "超过", "不低于", "不少于", "不超过", "不高于", "突破", "接近"})


def _compared_rate(before: list[Token], metric: str, bound: Token | None = None) -> str:
    """农民收入|增速|高于全省平均水平1个百分点: a gap between growth rates measures the rate itself; so does a
    rate that moves from one figure to another or is bounded (增速由…回升到5.8%, 收入增速|超过10%: ``bound`` is
    the first word of the figure's mention, and 不|低于 may stand as two words before it)."""
    for index in range(1, len(before)):
        rate, named = before[index], before[index - 1]
        if rate.token not in RATE_WORDS or named.end != rate.start or not metric.endswith(named.token):
            continue
        after_rate = before[index + 1:]
        following = after_rate[0].token if after_rate else ""
        stated = "".join(t.token for t in after_rate) or (bound.token if bound is not None else "")
        if following in COMPARISONS or following in _RATE_STATED or stated in _RATE_STATED:
            return metric + rate.token
    return metric


def _time_limit(before: list[Token], after: list[Token], unit: str) -> bool:
    """须在15个工作日内完成, 要在6个月内全部整改到位: a deadline for an action, not an amount of anything."""
    words = [t.token for t in before if t.pos != "d"]
    return (_is_span(unit) or unit.endswith("工作日")) and bool(words) and words[-1].endswith("在") and \
        bool(after) and after[0].pos.startswith(("v", "d"))


def _share_subject(before: list[Token], places: Sequence[tuple[int, int]]) -> str | None:
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


def past_whereabouts(words: list[Token]) -> list[Token]:
    """所在自然村|通4G网络的农户比重: where the households are (所在 and a noun) is no part of a share's name."""
    if len(words) > 2 and words[0].token == "所在" and words[1].pos.startswith("n"):
        return words[2:]
    return words


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
    words = past_whereabouts(words)
    among = max((i + 1 for i, t in enumerate(words) if t.token == "中" and t.pos == "f"), default=0)
    words = words[among:]  # 补助资金中|用于产业发展的比重: the share is of the use named after 中
    if words and words[0].token in ("占", "约占"):
        return None  # 占全部工业增加值的比重: the share of what came before
    # 衔接资金|用于…, 财政|衔接资金|用于…: a short subject names whose share it is
    opens_with_subject = len(words) > 1 and words[0].pos.startswith("n") and (
        words[1].pos == "v" or (len(words) > 2 and words[1].pos.startswith("n") and words[2].pos == "v"))
    # (a clause that opens on its verb may run longer: 居住在钢筋混凝土房或砖混材料房的农户比重)
    longest = 9 if words and words[0].pos in ("v", "a") else 6
    if not words or len(words) > longest or (words[0].pos not in ("v", "a") and not opens_with_subject) or \
            not any(t.pos == "v" for t in words) or \
            any(t.pos in ("m", "x") for t in words):
        return None
    return "".join(t.token for t in words) + "的" + head


SPLIT_RATIO_VERBS: Final = frozenset({"恢复到", "控制在", "稳定在", "保持在",
                                      "提高到", "提升到", "增加到", "下降到", "降低到"})


def _ratio_verb(before: list[Token]) -> int | None:
    """是全省平均水平的1.6倍, 占农村常住人口的21.3%: where the verb stands whose subject a ratio measures."""
    if not before or before[-1].token not in ("的", "之"):
        return None
    verb = next((i for i in range(len(before) - 2, -1, -1) if before[i].token in RATIO_VERBS
                 or (i and before[i].token in ("到", "在") and before[i - 1].end == before[i].start
                     and before[i - 1].token + before[i].token in SPLIT_RATIO_VERBS)), None)
    if verb is not None and before[verb].token in ("到", "在") and before[verb].token not in RATIO_VERBS:
        verb -= 1  # 恢复|到|正常年份的95%, 控制|在|脱贫人口的3%以内: the verb jieba cut in two
    if verb is None or not any(t.pos in NOUN_TAGS or t.pos == "t" for t in before[verb + 1:-1]):
        return None  # 是2015年的1.75倍: the standard may be the same metric at another time
    if before[verb].token.startswith(CHANGE_VERBS) and not any(t.pos in NOUN_TAGS for t in before[verb + 2:-1]):
        return None  # 比重由…提高到2020年的17.3%: a change to a level, not a ratio to a standard
    return verb


def _only_doing(words: list[Token]) -> bool:
    """实现|就业的: with only verbal nouns after it, 实现 is part of what was achieved (but 需完成|搬迁的 is 搬迁)."""
    return bool(words) and all(t.pos in ("vn", "v") or t.token in ("稳定就业",) for t in words)


def _relative_clause(before: list[Token]) -> str | None:
    """因病致贫的占32%, 需完成搬迁的1.2万户: a short clause ending in a verb, then 的, names what is counted."""
    end = len(before)
    while end and (before[end - 1].token in ("占", "超过", "达", "达到", "约占", "约", "为", "有")
                   or before[end - 1].pos == "d"):
        end -= 1
    if end < 2 or before[end - 1].token != "的":
        return None
    if _ratio_verb(before[:end]) is not None:
        return None  # 失业保险金标准提高到最低工资标准的90%: a ratio to the standard, not a relative clause
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
                                   or (clause[start].token in LEADING_VERBS and not (clause[start].token == "实现"
                                                                                   and _only_doing(clause[start + 1:])))
                                   or clause[start].token in ("需", "要", "将", "已", "共", "其中", "中")):
        start += 1
    words = clause[start:]
    cut = max((i for i, t in enumerate(words) if t.token in ("中", "其中") and t.pos in ("f", "r")), default=-1)
    if 0 <= cut < len(words) - 1:
        start, words = start + cut + 1, words[cut + 1:]  # 劳动力|中|实现就业的: the part named after 中
    if not words or len(words) > 4 or any(t.token in CLAUSE_BREAKS for t in words):
        return None
    if start and clause[start - 1].token == "因" and len(words[0].token) == 1:
        words = [clause[start - 1], *words]  # 因|病|致贫返贫风险的: the cause glued to its noun
    return "".join(t.token for t in words)


_SHARE_VERBS: Final = frozenset({"占", "约占", "占比", "分别占", "占到"})
_CLAUSE_LEADS: Final = frozenset({"通过", "由", "按", "按照", "在", "用于", "已", "已经", "具有", "取得", "落实",
                                  "销往"})


def led_share(before: list[Token]) -> str | None:
    """通过危房改造解决的约占三分之一, 落实产业帮扶措施的占73.2%: a share of those a clause led by a verb or a
    preposition describes is named by the whole clause with its 的 (17 readings to 2 in the development sets;
    因病致贫的占32% and 省外务工的占 stay nouns)."""
    end = len(before)
    while end and (before[end - 1].token in ("达", "达到", "为", "超过") or before[end - 1].pos == "d"):
        end -= 1
    if not end or before[end - 1].token not in _SHARE_VERBS:
        return None
    share_word = before[end - 1].token
    end -= 1
    while end and before[end - 1].pos == "d":
        end -= 1  # 的|约|占, 的|分别|占
    if end < 3 or before[end - 1].token != "的":
        return None
    clause = before[:end - 1]
    cut = max((i for i, t in enumerate(clause) if t.token in ("中", "其中") or t.token in CLAUSE_BREAKS), default=-1)
    words = clause[cut + 1:]
    while words and (words[0].token in SCOPE_WORDS or words[0].pos in ("t", "r")):
        words = words[1:]
    if len(words) < 2 or any(t.pos in ("m", "q", "x") for t in words) or \
            not (words[0].token in _CLAUSE_LEADS or (words[0].pos in ("v", "p") and words[0].token not in
                                                       FUNCTION_VERBS | REACH_WORDS)):
        return None
    # 已消除风险的占比为67.8%: 占比 is the share itself, and every specification-only reading keeps it (10 of 10)
    return "".join(t.token for t in words) + ("的占比" if share_word == "占比" else "的")


def share_in_money_band(tokens: list[Token], start: int) -> str | None:
    """…脱贫户中，年人均纯收入在1万元以上的占87.2%, 其中35岁以下的不足一成: the share of a band of income or
    age is a share of the people the sentence named before it, not of the income or the age."""
    before = [t for t in tokens if t.end <= start]
    end = len(before)
    while end and (before[end - 1].token in ("占", "约占", "为", "达", "达到") or before[end - 1].pos == "d"):
        end -= 1
    if end < 2 or before[end - 1].token != "的":
        return None
    first = end - 1
    while first and before[first - 1].pos == "m":
        first -= 1  # 5000|元|以下|的: the band, as jieba cut it
    band = "".join(t.token for t in before[first:end - 1]).removesuffix("以上").removesuffix("以下")
    if not band.endswith(("元", "岁")):
        return None
    return population_before(before[:first])


# Who a band of income or age sorts (受访农户, 村“两委”成员, 脱贫劳动力).
POPULATION_HEADS: Final = (*PEOPLE_HEADS, "农户", "成员", "对象", "医生", "教师", "受访者", "人")
POPULATION_MODIFIERS: Final = frozenset({"受访", "抽样", "调查", "在册", "受助", "参保"})


def population_before(before: list[Token]) -> str | None:
    """样本农户中，…: the people named before 中, else the last people the clauses before name, with the words
    that make up their name (受访|农户, 村|“|两委|”|成员)."""
    among = next((i for i in range(len(before) - 1, 0, -1) if before[i].token in ("中", "当中")), None)
    if among is not None:
        named = _people_run(before, among)
        if named is not None:
            return named
    people = [i for i, t in enumerate(before) if t.pos.startswith("n") and t.token.endswith(POPULATION_HEADS)
              and t.token not in SCOPE_WORDS and len(t.token) > 1]
    return _people_run(before, people[-1] + 1) if people else None


def _people_run(before: list[Token], end: int) -> str | None:
    """The name of people ending right before ``end`` (at most five tokens, glued together)."""
    first = end
    while first > max(0, end - 5):
        token = before[first - 1]
        if first < end and token.end != before[first].start:
            break
        if token.token in SCOPE_WORDS or not (
                token.pos.startswith("n") or token.pos in ("j", "zg", "vn") or token.token in "“”" or
                token.token in MODIFIER_VERBS or token.token in POPULATION_MODIFIERS):
            break
        first -= 1
    while first < end and before[first].token in "“”":
        first += 1  # (an opening quote with nothing before it in the name)
    name = "".join(t.token for t in before[first:end])
    if not name.endswith(POPULATION_HEADS) or name.count("“") != name.count("”") or len(name) < 2:
        return None
    return name


# Verbs of moving that qualify the activity after them (外出务工, 返乡创业, 转移就业).
MOTION_VERBS: Final = frozenset({"外出", "返乡", "回乡", "转移", "就近", "就地", "异地", "跨省", "进城"})


def _activity(before: list[Token], unit: str, places: Sequence[tuple[int, int]]) -> str | None:
    """跨省务工1.8万人, 每月走访不少于2次: the verb just before the number is what is counted."""
    if unit not in ACTIVITY_UNITS:
        return None
    end = len(before)
    while end and (before[end - 1].pos in ("d", "m", "p") or before[end - 1].token in ("约", "近", "共", "均", "已")):
        end -= 1
    if end and before[end - 1].token in PEOPLE_VERBS and before[end - 1].pos in ("v", "vn") and \
            (end == 1 or before[end - 2].pos == "v" or before[end - 2].token in CLAUSE_BREAKS):
        return before[end - 1].token  # 实施|救助3870人次, 累计|救助2915户次: the help given is what is counted
    if not end or before[end - 1].pos != "v" or before[end - 1].token in FUNCTION_VERBS | SKIP_WORDS | \
            REACH_WORDS | LEADING_VERBS | DELTA_VERBS or before[end - 1].token.startswith(CHANGE_VERBS) or \
            _after_average(before, before[end - 1]):
        return None
    verb = before[end - 1]
    if len(verb.token) < 2:
        return None  # 走两次, 讲两遍: a bare verb of narration, not an activity a report counts
    noun = before[end - 2] if end >= 2 else None
    if noun is not None and noun.end == verb.start and noun.token in MOTION_VERBS:
        mover = before[end - 3] if end >= 3 else None  # 劳动力|外出|务工: who moves is part of it
        if mover is not None and mover.end == noun.start and mover.token.endswith(("劳动力", "农民工", "人口")):
            return mover.token + noun.token + verb.token
        return noun.token + verb.token  # 外出|务工, 返乡|创业
    if noun is not None and noun.end == verb.start and (noun.pos in ("n", "vn", "nz", "s", "f")
                                                         and (noun.token not in SCOPE_WORDS
                                                              or _contrasted_scope([noun, verb]))
                                                         and not _in_place(noun, places)):
        return noun.token + verb.token
    return verb.token
