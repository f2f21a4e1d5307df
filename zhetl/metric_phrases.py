"""The noun phrase a number measures: read forward from the number or backward from its verb."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from zhetl.metric_tokens import (
    ACTORS,
    GRADE,
    _acronym,
    _after_average,
    _after_moment,
    _average_before,
    _average_month,
    _compound_verb,
    _contiguous,
    _contrasted_scope,
    _governs,
    _in_place,
    _local_people,
    _noun_idiom,
    _predicate,
    _verb_chain,
    per_word,
)
from zhetl.metric_words import (
    AVERAGE_WORDS,
    CHANGE_VERBS,
    CLAUSE_BREAKS,
    COMPARISONS,
    CONDITIONS,
    COUNT_HEADS,
    COUNTED_ATTRIBUTES,
    DELTA_VERBS,
    FROM_WORDS,
    FUNCTION_VERBS,
    INNER_DETERMINERS,
    LEADING_VERBS,
    MODIFIER_TAGS,
    MODIFIER_VERBS,
    NEGATIONS,
    NOUN_TAGS,
    PEOPLE_HEADS,
    PEOPLE_VERBS,
    PHRASE_STOPS,
    PREFIX_MODIFIERS,
    RATE_WORDS,
    REACH_WORDS,
    SCOPE_WORDS,
    SKIP_WORDS,
    TIME_AVERAGES,
    TIME_HEADS,
    VERB_NOUN_HEADS,
)
from zhetl.segment import Token


def _names_actual(ordered: list[Token]) -> bool:
    """实际|到位投资: 实际 opening a noun phrase names the measure (实际增长 never gets this far)."""
    return ordered[0].token == "实际" and len(ordered) > 1


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
    per = next((i for i in range(len(zone) - 1, 0, -1) if zone[i].token in ("每个", "每名", "每位", "每")
                and zone[i - 1].token in ("为", "是", "达到", "达")), None)
    if per is not None and all(t.pos.startswith("n") for t in zone[per + 1:]):
        zone = zone[:per]  # 农业保险密度为|每个农业人口|546元: per whom the figure is counted is no metric
    # Drop what stands between the subject and the number: verbs, adverbs, earlier numbers, dates.
    while zone and (zone[-1].token in SKIP_WORDS or zone[-1].token in REACH_WORDS or zone[-1].token in PHRASE_STOPS
                    or (zone[-1].token == "中" and zone[-1].pos == "f")  # 岗位人员|中|60岁以上的占四成
                    or _distributive(zone)  # 补助标准为|每生|每学期|1500元, 补助标准为|户均|2万元
                    or zone[-1].pos in ("v", "d", "p", "m", "t", "u", "uj", "ul", "c", "q", "r", "ad", "x")
                    or (zone[-1].token.startswith(CHANGE_VERBS) and not zone[-1].pos.startswith("n"))):
        if zone[-1].pos == "v" and _after_average(zone, zone[-1]):
            break  # 户均增收, 人均补助: the verb after an average is part of the metric
        if zone[-1].pos == "vn" and len(zone) > 2 and zone[-2].pos.startswith("n") and zone[-3].token == "用于" and \
                zone[-2].end == zone[-1].start:
            break  # 用于|产业|发展|1.02亿元: what the money is for, 产业发展, is one noun
        if zone[-1].token in MODIFIER_VERBS and zone[-1].token not in DELTA_VERBS and len(zone) > 1 and \
                (zone[-2].pos.startswith("n") or zone[-2].pos == "s" or zone[-2].token in MODIFIER_VERBS) and \
                zone[-2].end == zone[-1].start:
            break  # 脱贫劳动力|外出|务工|达到268.4万人, 省外|务工|占41.2%: what the people do is what is counted
        zone = zone[:-1]
    return zone


_PER_HEAD: Final = frozenset({"户均", "人均", "生均"})


def _distributive(zone: list[Token]) -> bool:
    """每学期, 每亩 (any tag) or 户均 right after 为: a per-unit word before the number says per what, not what."""
    last = zone[-1]
    if per_word(last):
        return True
    return last.token in _PER_HEAD and len(zone) > 1 and zone[-2].token in ("为", "是", "按")


# Adjectives that say how something is done, not what kind it is (第一书记|连续|驻村).
ADVERBIAL_ADJECTIVES: Final = frozenset({"连续", "持续", "稳定", "长期", "全面", "基本", "主要", "直接", "积极",
                                         "及时"})


# A change verb before a noun says how the figure changed (年|增加|村集体经济收入); 巩固|提升|资金 names the fund.
_CHANGES_ALONE: Final = frozenset({"增加", "减少", "增长", "下降", "降低", "上升"})


_AREA_WORDS: Final = frozenset({"农村", "乡村", "乡镇", "城镇", "城乡", "村镇", "县乡", "县城"})

# Verbs of going after a count say where the people went, not what they are (36名|赴|拉萨).
_MOTION_VERBS: Final = frozenset({"到", "赴", "去", "前往", "来", "回", "回到", "进", "进入", "奔赴", "深入"})


def _phrase(tokens: list[Token], forward: bool, places: Sequence[tuple[int, int]] = (),
            counted: tuple[str, ...] = ()) -> tuple[str | None, str | None]:
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
        if not forward and not run and token.token in SCOPE_WORDS and left is not None and \
                left.end == token.start and left.pos.startswith("n") and left.token not in SCOPE_WORDS:
            continue  # 这样的幸福院|全区|已建成128个: the scope after the topic is not part of it
        if not forward and run and token.token in ("以上", "及以上") and left is not None and \
                left.token.endswith("级") and left.end == token.start:
            run += [token, left]  # 省级|以上|农业产业化龙头企业: a class of rank is part of the noun
            skip = position + 1
            seen_noun = True
            continue
        following = sequence[position + 1] if forward and position + 1 < len(sequence) else None
        if forward and token.token.endswith("级") and following is not None and \
                following.token in ("以上", "及以上") and following.start == token.end:
            run += [token, following]  # 146家|省级|以上|龙头企业: the class of rank opens the noun counted
            skip = position + 1
            continue
        if not forward and run and token.token == "因" and len(run[-1].token) == 1 and run[-1].pos.startswith("n"):
            run.append(token)  # 因|病|致贫返贫风险: the cause glued to its one-character noun
            break
        if forward and token.token == "的" and run and ((run[0].pos == "v" and run[0].token not in MODIFIER_VERBS)
                                                      or run[0].token in CONDITIONS or _negated_verb(run)):
            run, seen_noun = [], False  # 3.8万户|有劳动力的|贫困户: the head after the relative clause
            continue
        if not forward and token.token in ("和", "与", "及") and seen_noun and left is not None and \
                (left.pos.startswith("n") or left.pos == "j") and not _in_place(left, places) and \
                (left.token not in SCOPE_WORDS or run[-1].token.endswith("级")):  # (中央|和|省级)
            run.append(token)  # 第一书记和驻村工作队员2.1万余名: one figure for the pair
            continue
        if token.token in CLAUSE_BREAKS or token.token in ("的", "之", "和", "与", "及", "、", "或") or \
                token.token in PHRASE_STOPS or (forward and run and token.token in PREFIX_MODIFIERS):
            break  # (94.6%的贫困人口|参与产业发展: a modifier that only opens a noun ends the one before it)
        if not forward and run and token.token in ("年", "月", "日") and run[-1].pos != "v" and \
                not (left is not None and left.pos in ("m", "t") and left.end == token.start) and \
                (run[-1].token.startswith("平均") or left is None or left.token in SCOPE_WORDS or (
                    left.token in AVERAGE_WORDS or (left.pos in ("n", "nz") and left.end == token.start))
                 or (token.token == "年" and left.pos not in ("m", "t", "q", "x") and not left.token.endswith("年"))):
            run.append(token)  # 年|平均气温, 户均|月|用水量, 其中|年|收入 (no date or span before 年)
            continue
        if not forward and token.pos in ("q", "k") and token.token != "级" and left is not None and \
                left.pos in ("m", "eng") and left.end == token.start:
            break  # a number's classifier or a model's 型 (4|类|重点对象, XG-2000|型|装袋机) ends the phrase
        if not forward and run and token.pos == "h" and token.end == run[-1].start:
            run.append(token)  # 非|建档立卡|户: a prefix is part of its noun
            continue
        if not forward and run and token.token in NEGATIONS and token.end == run[-1].start and \
                run[-1].pos in ("v", "vn", "a", "n"):
            run.append(token)  # 未|分配|收益: what was not done is part of the noun
            continue
        if run and token.token in INNER_DETERMINERS:
            run.append(token)  # 人民币|各项|存款余额
            continue
        if not forward and run and (token.pos == "eng" or (token.token == "级" and left is not None
                                                           and left.pos == "eng")):
            run.append(token)  # 5G|基站, 国家|4A|级|旅游景区
            continue
        if run and GRADE.match(token.token):
            run.append(token)  # 两个国家|4A级|景区: a scenic area's grade is part of its name
            continue
        if token.pos in ("m", "t"):
            break  # another number or a date: the phrase ended
        if forward and seen_noun and (token.token in AVERAGE_WORDS or token.token in COUNTED_ATTRIBUTES
                                      or token.token in ("较", "比")):
            break  # 156名脱贫群众|人均纯收入, 1800多户脱贫户|收入不稳定: a count counts the people, not their income
        if forward and seen_noun and token.pos in ("nr", "nrfg") and len(token.token) <= 3:
            break  # 今年56岁的驻村工作队队长|王建国: the person named after the noun is not what is measured
        averaged = not forward and left is not None and left.token in AVERAGE_WORDS - TIME_AVERAGES and \
            left.end == token.start
        rated = not forward and bool(run) and run[-1].token.endswith("率") and len(run[-1].token) > 1 and \
            token.end == run[-1].start and left is not None and left.pos.startswith("n") and left.end == token.start
        if token.token in LEADING_VERBS and (forward or (run and not _compound_verb(tokens, token))) and \
                not (not forward and token.pos in ("n", "vn") and run[-1].token in VERB_NOUN_HEADS) and \
                not (not forward and token.pos == "v" and run[-1].token in TIME_HEADS and len(run) == 1
                     and token.end == run[-1].start) and \
                not averaged and not rated:  # (亩均|投入|标准, 资金|发放|准确率: the verb is part of the noun)
            break  # 建成|村级光伏扶贫电站, 贫困村|选派: a verb that governs the phrase is not in it
        if token.pos in NOUN_TAGS or (token.pos.startswith("n") and token.pos not in ("nr", "nrfg")) or \
                (not forward and _noun_idiom(token)) or _acronym(token):
            run.append(token)  # 安全事故/i, GDP: jieba's tags for nouns it files elsewhere
            seen_noun = True
        elif forward and seen_noun and token.pos in ("i", "l", "vn"):
            run.append(token)  # 国家|扶贫开发|重点县
        elif forward and seen_noun and token.pos == "a" and token.token not in ADVERBIAL_ADJECTIVES and \
                position + 1 < len(sequence) and \
                sequence[position + 1].pos.startswith("n") and sequence[position + 1].start == token.end:
            run.append(token)  # 农村|幸福|大院, 连片|特困|地区: an adjective between two nouns
        elif forward and seen_noun and token.token in MODIFIER_VERBS and position + 1 < len(sequence) and \
                sequence[position + 1].pos.startswith("n") and sequence[position + 1].start == token.end:
            run.append(token)  # 农村|留守|老人: a verb inside the noun phrase
        elif forward and not seen_noun and token.pos in MODIFIER_TAGS | {"d"} and len(run) < 4 and \
                not (not run and token.token in _MOTION_VERBS):  # (2326名|到|协作地区|挂职: where they went)
            run.append(token)  # 未|摘帽|贫困县, 集中|连片|特困地区
        elif not forward and run and (len(run) < 6 or token.token.endswith("级")) and token.pos in MODIFIER_TAGS \
                and token.token not in SKIP_WORDS and token.token not in _CHANGES_ALONE \
                and not (token.pos == "v" and (len(token.token) == 1 or token.token in FUNCTION_VERBS
                                               or _predicate(token, left, run[-1], run[0])
                                               or (len(run) == 1 and _verb_chain(token, left, run[0])))):
            run.append(token)  # 劝返|辍学|学生
        elif not forward and run and token.token in AVERAGE_WORDS and (run[-1].pos != "v" or (
                len(run) > 1 and run[-2].pos.startswith("n") and token.token == "平均")):
            run.append(token)  # 平均|用时, 农村低保|平均|保障|标准 (but 年均|增长 stays a rate)
        elif not forward and token.pos == "v" and token.token in MODIFIER_VERBS and token.token not in DELTA_VERBS \
                and token.token not in PREFIX_MODIFIERS and all(t.pos == "v" for t in run) and len(run) < 2 \
                and left is not None and left.end == token.start \
                and (left.pos.startswith("n") or left.pos == "s" or left.token in MODIFIER_VERBS):
            run.append(token)  # 脱贫劳动力|外出|务工, 省外|务工: what the people do, at the end of the subject
        elif not forward and not run and token.pos == "v" and _after_average(tokens, token):
            run.append(token)  # 户均|增收: the verb an average measures
            seen_noun = True
        else:
            break
    ordered = run if forward else list(reversed(run))
    average = _average_before(tokens, tokens.index(ordered[-1])) \
        if not forward and ordered and ordered[-1].pos == "v" and _after_average(tokens, ordered[-1]) else None
    if average is not None:
        start = average.start
        index = tokens.index(average)
        if index and tokens[index - 1].end == start and tokens[index - 1].pos in ("n", "nz") and \
                tokens[index - 1].token not in SCOPE_WORDS and not _in_place(tokens[index - 1], places) and \
                ordered[-1].token.startswith("增") and average.token in TIME_AVERAGES:
            return tokens[index - 1].token, None  # 带动脱贫户|年均|增收…: a yearly gain is counted per 脱贫户
        # (带动186户脱贫户|户均|增收 measures 户均增收: fresh annotators wrote so 11 times, the people alone 6 times)
        if average.token == "平均" or average.token.startswith("每"):
            return ordered[-1].token, None  # 农户|每户|分红 measures 分红
        # (年均|减贫98万人 measures 年均减贫: 24 development readings keep 年均, 8 drop it)
        return "".join(t.token for t in tokens if start <= t.start and t.end <= ordered[-1].end), None
    # A phrase ends in a noun and starts with no verb or adverb (建成|幸福美丽新村, 开展|专项检查).
    doing = 0  # trailing verbs of state after the noun (劳动力|外出|务工) stay when backward
    while not forward and doing < len(ordered) - 1 and ordered[-1 - doing].pos == "v" and \
            ordered[-1 - doing].token in MODIFIER_VERBS and ordered[-1 - doing].token not in DELTA_VERBS and \
            ordered[-1 - doing].token not in PREFIX_MODIFIERS and \
            ordered[-1 - doing].token != "到位":  # (协议资金|到位9.6亿元: the funds arrived; 到位|资金 is a noun)
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
    if forward and counted:  # (驻村 ends in 村 but is what they do, not what was counted)
        heads = [i for i, t in enumerate(ordered) if t.token.endswith(counted) and t.token not in MODIFIER_VERBS
                 and not (t.token in _AREA_WORDS and i + 1 < len(ordered) and ordered[i + 1].pos in ("n", "nz", "nt"))]
        # (农村|供水工程, 乡镇|卫生院: where, not who was counted; but 3个乡镇|违规使用…: the townships)
        if heads and heads[-1] < len(ordered) - 1:
            ordered = ordered[:heads[-1] + 1]  # 2.9万户|农户|住房安全, 30户以上|自然村|通硬化路: what was counted
    while not forward and ordered and ordered[0].token in ("和", "与", "及"):
        ordered = ordered[1:]
    while not forward and len(ordered) > 1 and ordered[-1].token.startswith("每") and len(ordered[-1].token) <= 3:
        ordered = ordered[:-1]  # 鲜叶收购价|每斤 不低于28元: the unit it is quoted per is not part of the price
    if not forward and len(ordered) > 1 and ordered[-1].token in RATE_WORDS and ordered[-1].token != "涨幅" and \
            ordered[-2].token not in AVERAGE_WORDS:
        ordered = ordered[:-1]  # 农村居民人均可支配收入|增速8%: the metric is what rises (but 年均|增速 stays)
    # (居民消费价格涨幅 is an indicator of its own, a target held at 3%: six development readings to one)
    while not forward and len(ordered) > 1 and _governs(ordered[0], ordered[1]) and not _average_month(ordered):
        ordered = ordered[1:]
    if not forward and len(ordered) > 1 and ordered[0].token == "培训" and ordered[-1].token.endswith(PEOPLE_HEADS) \
            and all(t.pos in NOUN_TAGS for t in ordered[1:]):
        ordered = ordered[1:]  # 培训|基层干部4860人次: who were trained (5 readings to 1)
    if not forward and len(ordered) > 2 and ordered[0].token in PEOPLE_VERBS and \
            all(t.pos in NOUN_TAGS or t.token in ("和", "与", "及") for t in ordered[1:]):
        ordered = ordered[1:]  # 培训|农村|劳动力: a verb done to people is not part of who they are
    place = None
    while ordered and not _average_month(ordered) and not _contrasted_scope(ordered) and \
            not _local_people(ordered) and \
            not _paired_levels(ordered) and (
            ordered[0].token in SCOPE_WORDS or ordered[0].pos in ("t", "f")
            or (ordered[0].token in SKIP_WORDS - AVERAGE_WORDS and not _names_actual(ordered))
            or _in_place(ordered[0], places)
            or (place is not None and len(ordered) > 1 and _governs(ordered[0], ordered[1]))):
        if ordered[0].token in SCOPE_WORDS or _in_place(ordered[0], places):
            place = ordered[0].token if place is None or not _in_place(ordered[0], places) else place + ordered[0].token
        ordered = ordered[1:]
    region = _named_region(ordered)
    if region:  # (青海省)|三江|源|地区|生态管护员岗位: a region's proper name is where, like a place
        place, ordered = place or "".join(t.token for t in ordered[:region]), ordered[region:]
    if not forward and len(ordered) > 2 and ordered[0].token in ACTORS and ordered[1].pos in ("v", "vn"):
        ordered = ordered[1:]  # 今年|计划|培训|高素质农民: who plans or acts is the subject, not part of the phrase
        if ordered[0].token in PEOPLE_VERBS and all(t.pos in NOUN_TAGS or t.pos in ("b", "a") for t in ordered[1:]):
            ordered = ordered[1:]  # (计划|培训|新型|职业农民)
    if not ordered or (not forward and not _average_month(ordered) and ordered[0].pos != "m"
                       and _governs(ordered[0], ordered[1] if len(ordered) > 1 else None)
                       and not _listed_noun(tokens, ordered)):
        return None, place
    if not forward and place is None:
        ordered = [*_leading_modifiers(tokens, tokens.index(ordered[0]), places), *ordered]
    if not forward and ordered[-1].token in COUNT_HEADS:
        index = tokens.index(ordered[0])
        verb = tokens[index - 1] if index else None
        governing = FUNCTION_VERBS | REACH_WORDS | (LEADING_VERBS if len(ordered) > 1 else frozenset())
        if verb is not None and verb.pos == "v" and len(verb.token) == 2 and verb.end == ordered[0].start and \
                verb.token not in governing:
            ordered = [verb, *ordered]  # 参加|城乡居民基本养老保险|人数, 接待|人次: the people who do something
    if not forward:
        ordered = [*_condition_before(tokens, tokens.index(ordered[0])), *ordered]
        per = next((i for i, t in enumerate(ordered) if t.token.startswith("每") and len(t.token) == 2), None)
        served = next((i for i in range(per + 1, len(ordered) - 1) if ordered[i].pos in ("v", "vn")), None) \
            if per is not None else None
        if served is not None:
            ordered = ordered[served + 1:]  # 每名|网格员|服务|搬迁群众约58户: per head of whom, what is served
    return "".join(t.token for t in ordered), place


def _negated_verb(run: list[Token]) -> bool:
    """不|符合条件 opening a 的-clause: a relative clause, like one opening with its verb."""
    return len(run) > 1 and run[0].token in NEGATIONS


def _named_region(ordered: list[Token]) -> int:
    """How many tokens a leading region name takes (西海固|地区, 三江|源|地区), or 0; 贫困|地区 is a kind of area."""
    for index in (1, 2):
        if index + 1 < len(ordered) and ordered[index].token == "地区" and ordered[0].pos in ("ns", "nr", "nrt") \
                and all(t.pos in ("ns", "nr", "nrt", "ng") for t in ordered[:index]):
            return index + 1
    return 0


def _paired_levels(ordered: list[Token]) -> bool:
    """中央|和|省级|财政…补助资金: two levels of government joined by 和 name whose fund it is, not a scope."""
    return len(ordered) > 3 and ordered[1].token in ("和", "与", "及") and ordered[2].token.endswith("级")


def _listed_noun(tokens: list[Token], ordered: list[Token]) -> bool:
    """存栏18.6万头、|出栏|7.9万头: a word of action tagged as a noun, listed after 、, names its figure."""
    index = tokens.index(ordered[0])
    return len(ordered) == 1 and ordered[0].pos == "n" and index > 0 and tokens[index - 1].token == "、"


def _condition_before(tokens: list[Token], first: int) -> list[Token]:
    """具备条件的|建制村100%通硬化路, 有劳动能力的|搬迁家庭98.7%…: the condition names which ones are counted."""
    if first < 2 or tokens[first - 1].token != "的" or tokens[first - 1].end != tokens[first].start:
        return []
    for size in (1, 2, 3):
        words = tokens[max(first - 1 - size, 0):first - 1]
        if "".join(t.token for t in words) in CONDITIONS and _contiguous([*words, tokens[first - 1]]):
            start = first - 1 - size
            if start > 0 and tokens[start - 1].token == "不" and tokens[start - 1].end == words[0].start:
                return [tokens[start - 1], *words, tokens[first - 1]]  # 不|符合条件的|低保户: the ones that do not
            return [*words, tokens[first - 1]]
    return []


_NOT_MODIFIERS: Final = frozenset({"的", "之", "和", "与", "及", "、", "或", "比", "较", "同比"})


def _leading_modifiers(tokens: list[Token], first: int, places: Sequence[tuple[int, int]]) -> list[Token]:
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
    if any(t.token in ACTORS for t in gap) and any(t.pos in ("v", "vn") for t in gap):
        return []  # 计划|培训|高素质农民: who plans or acts, and the verb, are no part of the phrase
    return gap


def _bounds_subject(token: Token, places: Sequence[tuple[int, int]]) -> bool:
    word = token.token
    if word in CLAUSE_BREAKS or word in _NOT_MODIFIERS or not all("\u4e00" <= c <= "\u9fff" for c in word) or \
            _in_place(token, places):
        return True
    if token.pos in ("m", "t", "p", "c", "r", "u", "uj", "ul", "ud", "ug", "uv", "uz", "d", "ad") or \
            (token.pos in ("q", "k") and not word.startswith("每") and word != "户"):
        return True  # (4|类|重点对象, XG-2000|型|装袋机: a classifier or model suffix closes the phrase)
    if len(word) == 1 and token.pos in ("v", "f"):
        return True  # 时间|使|…, 现行标准|下|…, 毕业|后|…: a verb or locative of one character closes a phrase
    return word in SCOPE_WORDS or word in SKIP_WORDS or word in REACH_WORDS or word in LEADING_VERBS or \
        word in PHRASE_STOPS or word in FUNCTION_VERBS or word in COMPARISONS or word in FROM_WORDS or \
        word.startswith(CHANGE_VERBS)
