"""Lists of subjects that 分别 shares figures out to: their items, and the head the items share.

Helpers of ``zhetl.metrics._distribute`` (工资性收入、经营净收入和转移净收入分别占…, 城市低保和农村低保月人均补助水平
分别为…): pure functions over a clause's tokens.
"""

from __future__ import annotations

import re
from typing import Final

from zhetl.metric_words import MODIFIER_VERBS, NOUN_TAGS, PERIOD_WORDS, PHRASE_STOPS, SCOPE_WORDS, SKIP_WORDS
from zhetl.segment import Token

_AIMS: Final = frozenset({"力争", "确保", "预计", "计划", "争取"})  # what a plan aims at opens no listed item


def _list_items(clause: list[Token], separators: tuple[str, ...] = ("、", "和", "与", "及")) -> list[list[Token]]:
    """The coordinated items of a subject list: 第一、二、三产业增加值 → [第一] [二] [三 产业 增加值]."""
    while clause and (clause[-1].pos in ("v", "d", "p") or clause[-1].token in SKIP_WORDS) and \
            not clause[-1].token.endswith(("致贫", "返贫")):  # (因病、因学、缺劳力|致贫: the items' shared head)
        clause = clause[:-1]
    cause = clause[-1:] if clause and clause[-1].pos == "v" else []
    clause = clause[:-1] if cause else clause
    start = len(clause)
    joiners = ("、", "和", "与", "及")
    while start and (clause[start - 1].pos in NOUN_TAGS or clause[start - 1].pos.startswith("n")
                     or clause[start - 1].pos in ("m", "b", "a", "z") or clause[start - 1].token in joiners
                     or _verb_in_item(clause, start - 1, joiners)):
        start -= 1
    while start < len(clause) and (clause[start].token in SCOPE_WORDS or clause[start].pos in ("t", "ns")
                                   or clause[start].token in PERIOD_WORDS or clause[start].token in _AIMS
                                   or clause[start].token in PHRASE_STOPS):  # (结果显示|贫困人口漏评率、…)
        start += 1  # 全区|城镇居民和农村居民…, 全年|农村低保资金和…, 力争|农业总产值、…: not part of the item
    items: list[list[Token]] = [[]]
    for token in [*clause[start:], *cause]:
        if token.token in separators:
            items.append([])
        else:
            items[-1].append(token)
    return [item for item in items if item] if all(items) else []


def _verb_in_item(clause: list[Token], index: int, joiners: tuple[str, ...]) -> bool:
    """…、财产净收入和|转移|净收入, 集中|供水率和…: a verb that opens a listed item before its noun belongs to it."""
    following = clause[index + 1] if index + 1 < len(clause) else None
    opens_item = (index > 0 and clause[index - 1].token in joiners) or clause[index].token in MODIFIER_VERBS or \
        (index > 0 and clause[index - 1].pos.startswith("n") and clause[index - 1].end == clause[index].start
         and following is not None and following.token.endswith((*MEASURE_ENDINGS, "面积", "规模")))
    # (永久基本农田|保护|面积: a verb between a noun and the measure of one item is part of it)
    return clause[index].pos == "v" and opens_item and \
        following is not None and following.pos.startswith("n") and following.start == clause[index].end


def _verbal_items(clause: list[Token]) -> list[list[Token]]:
    """Items that are activities, not nouns: 省外|务工 和 省内|务工, 分散|供养 和 集中|供养.

    Only short items (at most three words) with a verb in each, after 其中 or the clause's opening scope.
    """
    while clause and (clause[-1].pos in ("d", "p") or clause[-1].token in SKIP_WORDS or clause[-1].token == "的"):
        clause = clause[:-1]  # (落实产业帮扶、就业帮扶的|分别为…: those who got each)
    allowed = ("v", "vn", "s", "b", "a", "f", "j", "ad")
    start = len(clause)
    while start and (clause[start - 1].pos in allowed or clause[start - 1].pos.startswith("n")
                     or clause[start - 1].token in ("和", "与", "及", "、")):
        start -= 1
    while start < len(clause) and (clause[start].token in SCOPE_WORDS or clause[start].pos == "t"):
        start += 1
    items: list[list[Token]] = [[]]
    for token in clause[start:]:
        if token.token in ("和", "与", "及", "、"):
            items.append([])
        else:
            items[-1].append(token)
    if len(items) > 1 and len(items[0]) > len(items[1]) and any(t.pos == "v" for t in items[0][:-len(items[1])]):
        items[0] = items[0][-len(items[1]):]  # 对监测对象落实|产业帮扶、就业帮扶: parallel items, the verb governs all
    if len(items) < 2 or not all(0 < len(item) <= 3 and any(t.pos == "v" for t in item) for item in items):
        return []
    return items


_SPENDING_HEADS: Final = frozenset({"支出", "投入", "收入", "资金", "增加值", "产值"})
MEASURE_ENDINGS: Final = ("量", "值", "额", "率", "数", "价", "积", "费", "款", "度", "幅", "重", "收入", "支出")


def _shared_head(items: list[list[Token]]) -> list[str]:
    """Give the earlier items the head that only the last one spells out."""
    last = items[-1]
    last_text = "".join(t.token for t in last)
    peer = "".join(t.token for t in items[-2])  # the last item begins with as much of its own as its peer
    head = last_text[len(peer):] if len(last_text) > len(peer) else ""
    peer_end = items[-2][-1].token
    if len(last) > 1 and peer_end in last_text[:-len(last[-1].token)] and not peer.endswith(MEASURE_ENDINGS):
        # 城市低保和农村低保|月人均补助水平, 农村低收入人口和脱贫人口|参保率: the head follows the word the peer ends on
        head = last_text[last_text.index(peer_end) + len(peer_end):]
    elif head and len(last) > len(items[-2]) and _cut_in_word(last, len(last_text) - len(head)) >= len(items[-2]):
        # 农民合作社和家庭|农场|总数: a cut inside a word is no head; take the words past the peer's count
        head = "".join(t.token for t in last[len(items[-2]):])
    elif len(head) == 1 and _cut_in_word(last, len(last_text) - len(head)) == 0:
        head = ""  # 脱贫不稳定户、边缘易致贫户和突发严重困难户: a last character is no head the items share
    elif head and len(last) > 1 and _cut_in_word(last, len(last_text) - len(head)) == 0 and \
            len(last[0].token) - (len(last_text) - len(head)) == 1:
        head = "".join(t.token for t in last[1:])  # 蔬菜、水果、食用|菌产量: one character cut off the item's own word
    elif head and _cut_in_word(last, len(last_text) - len(head)) > 0:
        # 乡镇卫生院和村卫生室|标准化|建设达标率: the peer is longer than the last item's own noun, so the count
        # cuts into the head's first word; the head starts with that word
        head = "".join(t.token for t in last[_cut_in_word(last, len(last_text) - len(head)):])
    if len(last) > 1 and last[-1].pos == "v" and len(last[-1].token) > 1 and \
            all(item[-1].pos != "v" for item in items[:-1]):
        head = last[-1].token  # 因病、因学、缺劳力|致贫: the verb only the last item spells out is what all share
    if peer.endswith(MEASURE_ENDINGS):
        head = ""  # 茶叶产量、茶叶综合产值: each item names its own measure
    elif not head and len(last) > 1 and last[-1].token in _SPENDING_HEADS and \
            not any("".join(t.token for t in item).endswith(last[-1].token) for item in items[:-1]):
        head = last[-1].token  # 教育、社会保障和就业、卫生健康|支出: a peer longer than the last item shares its head
    ordinal = items[0][0].token.startswith("第")
    names = []
    for item in items:
        text = "".join(t.token for t in item)
        if ordinal and not text.startswith("第"):
            text = "第" + text
        names.append(text if item is last else text + head)
    first = items[0]
    if len(first) > 1 and first[-1].token.endswith(MEASURE_ENDINGS) and \
            all(len(item) == 1 and item[0].token.endswith(MEASURE_ENDINGS) and len(item[0].token) <= 3
                for item in items[1:]):  # (a bare 完工率, not a whole indicator such as 农村自来水普及率)
        prefix = "".join(t.token for t in first[:-1])  # 项目开工率、完工率 → 项目完工率
        names = [names[0], *(prefix + name for name in names[1:])]
    return names


def _cut_in_word(item: list[Token], cut: int) -> int:
    """The index of the word that a cut at character ``cut`` falls inside (-1 when it falls between words)."""
    position = 0
    for index, token in enumerate(item):
        if position < cut < position + len(token.token):
            return index
        position += len(token.token)
    return -1


_CATEGORY_MARK: Final = re.compile(r"^(等|等等|[两二三四五六七八九十\d]+[类大种项级])$")


def category_items(subject: list[Token]) -> list[str] | None:
    """茶叶、中药材、精品水果等主导产业种植面积分别…, 马铃薯、中药材两类特色险种参保面积分别…: the items before 等 (or
    两类) each take the measure named at the end, not the category between (茶叶种植面积, 马铃薯参保面积); the items
    before 三级 take the level and all after it (县、乡、村三级医疗卫生机构… → 县级医疗卫生机构…)."""
    mark = next((i for i, t in enumerate(subject) if _CATEGORY_MARK.match(t.token) and i), None)
    if mark is None or mark + 2 > len(subject):
        return None
    tail = subject[mark + 1:]
    if subject[mark].token.endswith("级"):
        # 县、乡、村三级|医疗卫生机构…: 县级医疗卫生机构…
        head = [Token("级", "n", tail[0].start, tail[0].start), *tail]
        return _items_with(subject[:mark], head)
    head = [tail[-1]]
    if len(tail) > 1 and tail[-2].pos in ("v", "vn") and tail[-2].end == tail[-1].start:
        head = tail[-2:]  # 参保|面积
    if len(head) == len(tail) or not tail[-1].pos.startswith("n"):
        return None  # (no category between: the words after 等 are the measure itself)
    return _items_with(subject[:mark], head)


def _items_with(listed: list[Token], head: list[Token]) -> list[str] | None:
    """Each listed item (split at 、 和 与 及, past the scope) followed by the head."""
    items: list[list[Token]] = [[]]
    for token in listed:
        if token.token in ("、", "和", "与", "及"):
            items.append([])
        elif token.token not in SCOPE_WORDS and token.token not in ("其中",):
            items[-1].append(token)
    if len(items) < 2 or any(not item for item in items):
        return None
    measure = "".join(t.token for t in head)
    return ["".join(t.token for t in item) + measure for item in items]
