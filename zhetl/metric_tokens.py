"""Token-level tests for the metric rules: normalising jieba's cuts, clauses, and what a word does there."""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise
from typing import Final

from zhetl.metric_words import (
    AVERAGE_WORDS,
    CHANGE_VERBS,
    CLAUSE_BREAKS,
    COMPARISONS,
    COMPOUND_VERBS,
    COUNTED_HEADS,
    DELTA_VERBS,
    DURATION_OR_AGE,
    FROM_WORDS,
    FUNCTION_VERBS,
    LEADING_DROP_TAGS,
    LEADING_VERBS,
    MODIFIER_VERBS,
    NEGATIONS,
    NOUN_TAGS,
    PEOPLE_HEADS,
    PURE_CHANGES,
    RATE_WORDS,
    REACH_WORDS,
    SCOPE_WORDS,
    TO_WORDS,
    VERB_NOUN_HEADS,
)
from zhetl.segment import Token

_GLUED_PREPOSITIONS: Final = {"数由": ("数", "由"), "数从": ("数", "从"), "率由": ("率", "由"), "率从": ("率", "从"),
                              "量由": ("量", "由"), "量从": ("量", "从"), "额由": ("额", "由"), "额从": ("额", "从"),
                              # 整改|率达, 不良贷款|率仅, 高收入|组为, 高收入|组与: jieba glues the suffix to what
                              # follows
                              "率为": ("率", "为"), "率达": ("率", "达"), "率仅": ("率", "仅"), "组为": ("组", "为"),
                              # 执业医师|数达|1.9人, 交易|额达: the noun suffix, then 达
                              "数达": ("数", "达"), "额达": ("额", "达"), "量达": ("量", "达"),
                              "组与": ("组", "与"), "县为": ("县", "为"), "村为": ("村", "为"),
                              # 森林火灾受害|率控制|在: the rate, then the verb that holds it
                              "率控制": ("率", "控制"), "率保持": ("率", "保持"), "率稳定": ("率", "稳定"),
                              "率均": ("率", "均"),  # 通达|率均|达到100%: the rate, then 均 (each)
                              "比为": ("比", "为")}  # 存贷|比为: the ratio, then 为
_UNTAGGED_CHANGES: Final = frozenset({"精简", "压降", "削减"})  # change verbs jieba tags as nouns
_PER_MEASURE: Final = frozenset({"斤", "公斤", "千克", "吨", "亩", "只", "头", "台", "袋", "箱", "晚", "平方米",
                                 "立方米"})
_GLUED_TAGS: Final = {"由": "p", "从": "p", "为": "p", "达": "v", "仅": "d", "与": "c", "控制": "v", "保持": "v",
                      "稳定": "v", "均": "d"}


def _normalise(tokens: list[Token]) -> list[Token]:
    """Undo jieba's cuts and tags that hide a metric's structure.

    率 after a noun is the rate suffix, not 率领 (供水|率/v); 同比增加 is 同比 + a change verb, not a name;
    医师数由 is the noun suffix 数 and the preposition 由.
    """
    result: list[Token] = []
    for index, token in enumerate(tokens):
        word = token.token
        if word not in _NORMALISED_WORDS and token.pos != "l" and not word.startswith(_NORMALISED_PREFIXES):
            result.append(token)  # (most tokens: no rule below looks at them, and 28 comparisons are skipped)
            continue
        if word == "率" and result and result[-1].end == token.start and len(result[-1].token) == 2 and \
                (result[-1].pos == "v" or (result[-1].pos == "n" and token.pos == "v")):
            previous = result.pop()
            result.append(Token(previous.token + word, "n", previous.start, token.end))  # 支出|率/v: one rate
        elif word == "率":
            result.append(Token(word, "n", token.start, token.end))
        elif word == "每" or (word.startswith("每") and word[1:] in _PER_MEASURE):
            result.append(Token(word, "r", token.start, token.end))  # 每斤/n, 每/zg: per unit, never the metric
        elif word.startswith(("同比", "环比")) and word[2:] in PURE_CHANGES:
            result += [Token(word[:2], "d", token.start, token.start + 2),
                       Token(word[2:], "v", token.start + 2, token.end)]
        elif word.startswith("之比") and len(word) > 2:
            result += [Token("之比", "n", token.start, token.start + 2),
                       Token(word[2:], "p", token.start + 2, token.end)]  # 之比为: the ratio, then 为
        elif word == "比" and result and result[-1].token == "之" and result[-1].end == token.start:
            previous = result.pop()
            result.append(Token("之比", "n", previous.start, token.end))  # 城乡居民人均可支配收入之比
        elif word == "于" and result and result[-1].token + word in COMPARISONS and result[-1].end == token.start:
            previous = result.pop()
            result.append(Token(previous.token + word, "v", previous.start, token.end))  # 快|于 → 快于
        elif word == "类" and token.pos in ("q", "n") and result and result[-1].pos == "v" and \
                result[-1].end == token.start and len(result[-1].token) == 2:
            previous = result.pop()
            result.append(Token(previous.token + word, "n", previous.start, token.end))  # 电子元器件|组装类: one noun
        elif word in _NOUN_SUFFIXES_TAGGED_VERB and token.pos == "v" and result and result[-1].end == token.start and \
                result[-1].pos in ("n", "vn", "nz") and len(result[-1].token) >= 2:
            previous = result.pop()  # 污水处理|站/v, 基本养老保险|费/v: the noun's own suffix, not a verb
            result.append(Token(previous.token + word, "n", previous.start, token.end))
        elif word in ("点", "户", "类") and token.pos in ("m", "q", "a") and result and \
                (result[-1].pos.startswith("n") or result[-1].pos == "vn" or
                 (word == "户" and result[-1].pos in ("i", "j"))) and result[-1].end == token.start:
            # 村级服务|点, 边缘|户, 服装加工|类: a noun suffix (安全隐患/i|户, 农牧/j|户: the households of a kind)
            result.append(Token(word, "n", token.start, token.end))
        elif word in COMPOUND_VERBS and token.pos == "v" and result and result[-1].end == token.start and \
                (result[-1].pos in ("n", "nz") or (word == "支出" and result[-1].pos in ("vn", "a"))) and \
                result[-1].token not in SCOPE_WORDS and \
                not result[-1].token.endswith(("资金", "经费")):  # (资金|支出|为: the funds were spent)
            result.append(Token(word, "vn", token.start, token.end))  # 民生|支出, 就业|支出, 产业|发展: a compound noun
        elif (token.pos == "l" or word.startswith("价格")) and len(word) >= 4 and \
                (word[-2:] in PURE_CHANGES or word[-2:] in ("上涨", "下跌")):
            result += [Token(word[:-2], "n", token.start, token.end - 2),
                       Token(word[-2:], "v", token.end - 2, token.end)]  # 价格上涨/l, 价格下降/n: price, then change
        elif word in ("村", "县", "乡", "镇") and token.pos == "zg":
            result.append(Token(word, "n", token.start, token.end))  # 重点帮扶|村/zg: jieba's tag for a noun
        elif word in _GLUED_PREPOSITIONS:
            suffix, preposition = _GLUED_PREPOSITIONS[word]
            head = Token(suffix, "n", token.start, token.start + 1)
            if suffix == "率" and result and result[-1].end == token.start and len(result[-1].token) == 2 and \
                    result[-1].pos == "v":
                verb = result.pop()  # 支出|率为: the rate of spending, then 为
                head = Token(verb.token + suffix, "n", verb.start, token.start + 1)
            result += [head, Token(preposition, _GLUED_TAGS[preposition], token.start + 1, token.end)]
        elif word in ("时期", "期间") and result and (result[-1].pos == "t" or result[-1].token in ("”", '"')):
            result.append(Token(word, "t", token.start, token.end))  # “十四五”|时期: part of the period, not a noun
        elif word == "均" and result and result[-1].token == "年" and result[-1].end == token.start and \
                (len(result) < 2 or result[-2].end != result[-1].start or
                 not (result[-2].token[-1].isdigit() or result[-2].token[-1] in "〇零一二两三四五六七八九十")):
            previous = result.pop()  # 并网发电后|年|均|发电量: jieba cut 后年 apart from 均; one average over years
            result.append(Token("年均", "j", previous.start, token.end))
        elif word == "均" and result and result[-1].token in ("户", "人", "村") and result[-1].end == token.start \
                and len(result) > 1 and result[-2].token == result[-1].token and result[-2].end == result[-1].start:
            previous = result.pop()  # 136户|户|均|增收: the second 户 opens 户均 (the first is the number's unit)
            result.append(Token(previous.token + word, "r", previous.start, token.end))
        elif word == "就业" and result and result[-1].token in ("带动", "吸纳") and result[-1].end == token.start \
                and (len(result) == 1 or result[-2].token in CLAUSE_BREAKS or result[-2].token == "、") and \
                index + 1 < len(tokens) and tokens[index + 1].pos == "m":
            previous = result.pop()  # ，带动|就业1.9万人: the jobs, named with their verb (11 to 5 in the sets)
            result.append(Token(previous.token + word, "n", previous.start, token.end))
        elif word.startswith("村集体") and result and result[-1].token in ("行政", "建制", "自然") and \
                result[-1].end == token.start:
            previous = result.pop()  # 行政|村集体经营性收入: jieba took the village's 村 for the collective
            result += [Token(previous.token + "村", "n", previous.start, token.start + 1),
                       Token(word[1:], token.pos, token.start + 1, token.end)]
        elif word in ("内", "期间") and result and result[-1].token.endswith("期") and result[-1].end == token.start \
                and len(result[-1].token) >= 2 and (len(result) < 2 or result[-2].pos not in ("m", "t")):
            previous = result.pop()  # 过渡期|内: a time, not a noun before the subject (but 5年|过渡期 is measured)
            result.append(Token(previous.token + word, "t", previous.start, token.end))
        elif word in _UNTAGGED_CHANGES and token.pos != "v":
            result.append(Token(word, "v", token.start, token.end))  # 由286项|精简/n|至132项: a change, not a noun
        elif word in ("新创建", "创建") and token.pos != "v":
            result.append(Token(word, "v", token.start, token.end))  # 新创建/nz|国家4A级旅游景区: a verb, not a name
        elif word == "级" and len(result) > 1 and result[-1].token in ("A", "Ａ") and \
                result[-2].end == result[-1].start and result[-1].end == token.start and \
                GRADE.match(result[-2].token + result[-1].token):
            letter, digit = result.pop(), result.pop()  # 国家|４|Ａ|级 (full width): one grade
            result.append(Token(digit.token + letter.token + word, "b", digit.start, token.end))
        elif word == "级" and result and GRADE.match(result[-1].token) and result[-1].end == token.start:
            grade = result.pop()  # 国家|4A|级|旅游景区: one grade, part of the name
            result.append(Token(grade.token + word, "b", grade.start, token.end))
        elif word in ("及", "以上") and result and GRADE.match(result[-1].token) and result[-1].end == token.start \
                and (word == "以上" or (index + 1 < len(tokens) and tokens[index + 1].token == "以上")):
            grade = result.pop()  # 4A级|及|以上|旅游景区: the grade and those above it
            result.append(Token(grade.token + word, "b", grade.start, token.end))
        elif word == "基本" and (not result or result[-1].token in CLAUSE_BREAKS):
            result.append(Token(word, "d", token.start, token.end))  # ，基本|建成9.8万套: an adverb opening a clause
        else:
            result.append(token)
    return _without_method(result)


_NOUN_SUFFIXES_TAGGED_VERB: Final = frozenset({"站", "费"})
# Every word a rule of _normalise rewrites or reads as its own token, and the starts of the ones it cuts apart (a
# token with jieba's idiom tag l is read too): any other token passes through unchanged.
_NORMALISED_WORDS: Final = frozenset({
    "率", "每", "比", "于", "类", "点", "户", "村", "县", "乡", "镇", "时期", "期间", "均", "就业", "内",
    "新创建", "创建", "级", "及", "以上", "基本",
    *_NOUN_SUFFIXES_TAGGED_VERB, *COMPOUND_VERBS, *_GLUED_PREPOSITIONS, *_UNTAGGED_CHANGES})
_NORMALISED_PREFIXES: Final[tuple[str, ...]] = ("每", "同比", "环比", "之比", "价格", "村集体")
GRADE: Final = re.compile(r"[1-5１-５][AＡ]级?(?:及|及以上|以上)?$")  # 4A级 scenic areas (5A the highest)
METHOD_ENDS: Final = frozenset({"计算", "测算", "核算", "统计"})


def _without_method(tokens: list[Token]) -> list[Token]:
    """按可比价格计算比上年增长3.9%: how a figure was computed is an aside, never its subject."""
    for index, token in enumerate(tokens):
        if token.token in ("按", "按照"):
            end = next((j for j in range(index + 1, min(index + 5, len(tokens))) if tokens[j].token in METHOD_ENDS
                        or tokens[j].token in CLAUSE_BREAKS), None)
            if end is not None and tokens[end].token in METHOD_ENDS and end > index + 1:
                return tokens[:index] + _without_method(tokens[end + 1:])
    return tokens


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
            if close and inner and all(t.token == "、" or t.pos in NOUN_TAGS or t.pos.startswith(("n", "v"))
                                       for t in inner):
                head = glued.pop()
                glued.append(Token(head.token + "".join(t.token for t in tokens[index:close + 1]), head.pos,
                                   head.start, tokens[close].end))
                index = close + 1
                continue
        glued.append(token)
        index += 1
    return glued


def _is_span(unit: str) -> bool:
    """年, 个月, 天: a unit of a span of time (an age in 岁 is not one)."""
    return unit in DURATION_OR_AGE and unit not in ("岁", "周岁")


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


def _local_people(ordered: list[Token]) -> bool:
    """当地|劳动力, 当地|干部人才, 当地|群众|务工: 当地 before people sets the locals apart from those sent to help,
    and stays in the name (8 development readings kept it, none dropped it; before an indicator, 当地|低保标准,
    it is the scope, and all 8 readings dropped it)."""
    return len(ordered) > 1 and ordered[0].token == "当地" and \
        ordered[-1].token.endswith((*PEOPLE_HEADS, *COUNTED_HEADS, "人才"))


def _verb_chain(verb: Token, left: Token | None, head: Token) -> bool:
    """直播|带货|卖出|猕猴桃, 排查|整改|问题: the last of two verbs in a row governs the noun after it (a verb of
    state, 劝返|辍学|学生, still modifies)."""
    if verb.token in MODIFIER_VERBS or left is None or left.end != verb.start or left.pos not in ("v", "vn") or \
            head.token in VERB_NOUN_HEADS or (head.token.endswith("率") and len(head.token) > 1):
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
    if token.token in NEGATIONS and following is not None and following.pos in ("v", "vn", "a", "n") and \
            following.start == token.end:
        return False  # 未|分配|收益: the negation belongs to the verb it negates
    if token.pos in LEADING_DROP_TAGS - {"v"} or token.token in LEADING_VERBS or token.token in FUNCTION_VERBS:
        return True
    if token.pos != "v" or token.token in MODIFIER_VERBS:
        return False
    if len(token.token) == 1 or token.token in REACH_WORDS or token.token.startswith(CHANGE_VERBS):
        return True
    return following is None or not (following.pos == "v" or following.token in VERB_NOUN_HEADS
                                     or following.token.endswith("率"))


def _compound_verb(tokens: list[Token], token: Token) -> bool:
    """产业|发展|指导员: a verbal noun between two nouns belongs to the compound, not to the clause.

    Not after those who act or plan (群众|发展|油茶产业, 计划|改造|农村户用卫生厕所): there the verb has a subject.
    """
    index = tokens.index(token)
    facility = token.token in ("种植", "养殖") and index + 1 < len(tokens) and \
        tokens[index + 1].token in VERB_NOUN_HEADS  # 蔬菜|种植|大棚 (but 茶区|种植|茶叶 is a clause)
    return (token.token in COMPOUND_VERBS or facility) and index > 0 and \
        tokens[index - 1].pos in ("n", "nz", "vn") and \
        tokens[index - 1].token not in SCOPE_WORDS and tokens[index - 1].end == token.start and \
        tokens[index - 1].token not in ACTORS


# Who does or plans things: before a verb they are its subject, not part of a compound noun.
ACTORS: Final = frozenset({"群众", "农户", "农民", "村民", "贫困户", "脱贫户", "企业", "合作社", "计划", "政府"})


def _average_before(tokens: list[Token], index: int) -> Token | None:
    """The average word a verb measures (户均|增收, 户均|年|增收, 人均|月|收入, 每户|每年|分红), if any."""
    if index > 0 and tokens[index - 1].token in ("年", "月", "每年", "每月") and \
            tokens[index - 1].end == tokens[index].start:
        index -= 1
    if index > 0 and tokens[index - 1].token in AVERAGE_WORDS and tokens[index - 1].end == tokens[index].start:
        return tokens[index - 1]
    if index > 1 and tokens[index].token in ("分红", "补助", "补贴", "奖励", "增收") and \
            tokens[index - 2].token in ("每位", "每名", "每个") and tokens[index - 1].pos.startswith("n") and \
            tokens[index - 2].end == tokens[index - 1].start == tokens[index].start - len(tokens[index - 1].token):
        return tokens[index - 2]  # 每位|村民|分红200元: a payment per person measures it (but 分到350元 the person)
    return None


def _after_average(tokens: list[Token], token: Token) -> bool:
    """户均增收, 人均月收入, 年均减贫: a verb an average measures; 年均增长 and 人均每月增加 only say how much
    the noun before them changed."""
    if token.token in REACH_WORDS or token.token in ("达到", "达", "为", "是", "超过", "突破"):
        return False  # 收入平均|达到6.2万元: 达到 leads to the figure; it is not what the average measures
    average = _average_before(tokens, tokens.index(token))
    return average is not None and token.token not in PURE_CHANGES


def _contiguous(tokens: list[Token]) -> bool:
    """True when no space or punctuation stood between the tokens (each starts where the last ended)."""
    return all(a.end == b.start for a, b in pairwise(tokens))


def _in_place(token: Token, places: Sequence[tuple[int, int]]) -> bool:
    return any(s <= token.start and token.end <= e for s, e in places)


def per_word(token: Token) -> bool:
    """每学期, 每人, 每亩: a word that says per what a figure is counted, never what it counts."""
    return token.token.startswith("每") and len(token.token) > 1


def _core(clause: list[Token]) -> list[Token]:
    """The clause without trailing adverbs, particles, dates and per-unit words (已, 均, 了, 2012年底的…, 每人每月)."""
    end = len(clause)
    while end and (clause[end - 1].token in ("了", "已", "已经", "均", "分别", "约", "大约", "将近", "近", "共", "的")
                   or clause[end - 1].pos == "t"
                   or per_word(clause[end - 1])):
        end -= 1
    return clause[:end]


def _change(before: list[Token]) -> str:
    core = _core(before)
    if not core:
        return "level"
    last = core[-1].token
    if last in FROM_WORDS:
        return "from"
    froms = [i for i, t in enumerate(before) if t.token in FROM_WORDS]
    if froms and _is_moment([t for t in before[froms[-1] + 1:] if t.token != "的"]):
        return "from"  # 由建档立卡时的15.3%, 由投运初期的98%
    earlier = [t.token for t in core[:-1]]
    if last.endswith(("到", "至", "为")) and len(last) > 1 and last[:-1] in DELTA_VERBS | _TO_STEMS | {"降", "增", "升",
                                                                                                  "减"}:
        return "to"  # 下降到, 降至, 增加到, 降为, 缩短至
    if last in TO_WORDS and (any(w in FROM_WORDS for w in earlier) or any(w.startswith(CHANGE_VERBS) for w in earlier)
                             or (earlier and earlier[-1] in _TO_STEMS)):
        return "to"  # (面积发展|到, 平均用时缩短|至, 收入标准调整|为: where a change ended)
    if last in DELTA_VERBS or (last.startswith(CHANGE_VERBS) and not core[-1].pos.startswith("n")) or \
            last in RATE_WORDS:
        return "delta"  # (but 第一产业增加值/n is a value, not a change)
    if last in ("了",) and len(core) > 1 and core[-2].token.startswith(CHANGE_VERBS):
        return "delta"
    compared = next((i for i in range(len(core) - 1, -1, -1) if core[i].token in COMPARISONS), None)
    if compared is not None and any(t.pos.startswith("n") for t in core[compared + 1:]) and before[-1].token != "的":
        # (不低于当地低保标准的1.3倍 is a ratio to the standard: a level)
        return "delta"  # 高于全省平均水平1个百分点: a gap to a standard named in between
    if _change_of_object(core):
        return "delta"  # 累计减少贫困人口923万人, 新增国家4A级旅游景区3家: the change verb governs what is counted
    if is_gap(core):
        return "delta"  # 比全省平均增速高2.3个百分点, 降幅比一季度收窄8.9个百分点, 比原计划提前一年: a gap
    if beyond_target(core):
        return "delta"  # 超过年度目标任务21.3万人, 超额完成年度任务的12%, 超出预算4.6%: by how much
    return "level"


_BEYOND: Final = frozenset({"超过", "超额完成", "超出", "超", "超额"})
_TARGETS: Final = ("目标", "任务", "计划", "规模", "预算")


def beyond_target(core: list[Token]) -> bool:
    """…超过年度目标任务|N: the figure after a target it passed is the margin, a change against the target."""
    words = [t.token for t in core if t.token != "的"]
    return len(words) > 1 and words[-1].endswith(_TARGETS) and any(w in _BEYOND for w in words[:-1])


# Verbs whose 到/至/为 names where a change ended (the notes' 发展到 B is to).
_TO_STEMS: Final = frozenset({"发展", "缩短", "调整", "跌", "放宽", "回升", "压缩", "压减", "延长", "精简", "压降",
                               "削减"})


def is_gap(clause: list[Token]) -> bool:
    """…比全省平均增速高, …较上年提前: the clause ends in how far its figure stands from another."""
    core = _core(clause)
    return bool(core) and core[-1].token in _GAP_WORDS and any(t.token in ("比", "较") for t in core[:-1])


_GAP_WORDS: Final = frozenset({"高", "低", "快", "慢", "多", "少", "高出", "低出", "快出", "加快", "放缓", "收窄",
                               "扩大", "缩小", "提前", "推迟", "延长", "缩短", "多增", "少增", "多减", "少减", "多发",
                               "少发"})


_OBJECT_CHANGES: Final = frozenset({"新增", "净增", "净减", "减少", "增加"})  # (减贫, 增收 take no object)
_LIST_MARKERS: Final = frozenset("一是 二是 三是 四是 五是 六是 七是 八是 九是 十是".split())
_BEFORE_A_CHANGE: Final = frozenset({"累计", "共", "共计", "全年", "年均", "当年", "再", "又", "还", "已", "新", "其中",
                                     "将", "要", "计划", "力争", "预计"})


def _change_of_object(core: list[Token]) -> bool:
    """A change verb that governs the noun phrase right before the number and opens the clause or follows an
    adverb, a date or a scope (城镇|新增|就业 is the indicator, not a change: a noun right before the verb makes
    it part of the name)."""
    index = len(core) - 1
    while index >= 0 and (core[index].pos.startswith("n") or core[index].pos in ("vn", "b", "a", "j", "eng", "q", "l")
                          or core[index].token in ("和", "、", "级", "及", "“", "”")
                          or (core[index].token in MODIFIER_VERBS and core[index].token not in _OBJECT_CHANGES)):
        index -= 1
    if index < 0 or index == len(core) - 1 or core[index].token not in _OBJECT_CHANGES:
        return False
    if index == 0:
        return True
    before = core[index - 1]  # (湘西州|累计|减少: an adverb between a subject and the verb)
    return before.token in _BEFORE_A_CHANGE or before.token in SCOPE_WORDS or before.pos in ("t", "d", "ns", "r") \
        or before.token in _LIST_MARKERS  # 二是|新增|市场主体2万户


MOMENT_ENDS: Final = ("时", "前", "初", "末", "初期", "末期")


def _is_moment(words: list[Token]) -> bool:
    """建档立卡|时, 投运|初期: a moment named by an event (…时, …前, …初) stands where a date would."""
    return 0 < len(words) <= 4 and words[-1].token.endswith(MOMENT_ENDS)


def _after_moment(between: list[Token]) -> list[Token]:
    """由|建档立卡时的|15.3%: what follows a moment and its 的 (everything, when there is none)."""
    for index, token in enumerate(between[1:5], start=1):
        if token.token == "的" and _is_moment(between[:index]):
            return between[index + 1:]
    return between
