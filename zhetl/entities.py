"""Named entities from tagged tokens: people, places, organisations and policy terms.

Rules over POS tags: nr → PER, ns → LOC, nt → ORG; a place name followed by an administrative suffix
(乡, 村, 县…) is one LOC; a run of names and nouns ending in an organisation head (委员会, 局, 政府, 合作社…)
is one ORG, the longest such run; lexicon terms are TERM with their normalised form. Redaction marks and
known false positives (jieba tags 今天下午 as a name) are never entities.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from zhetl.segment import Token, known_word, lexicon

ADMIN_SUFFIXES = tuple("自治区 自治州 自治县 特别行政区 街道 社区 省 市 县 区 乡 镇 村 州 盟 旗 组 屯 寨".split())
ORG_HEADS = tuple(
    "委员会 常委会 人大常委会 办公室 办公厅 领导小组 工作队 政府 党委 党组 支部 委 局 厅 部 署 院 所 处 科 站"
    " 中心 协会 学会 基金会 联合会 合作社 公司 集团 银行 学校 大学 学院 中学 小学 医院 卫生院 法院 检察院"
    " 研究院 研究所 报社 电视台".split()
)
ORG_BODY_TAGS = frozenset({"ns", "nt", "nz", "n", "nr", "j", "vn", "an", "ng"})
PER_STOPLIST = frozenset(
    "今天下午 宣传教育 高度重视 张贴 于是 常态 司法 和平 向前 明天 万元 文明 安全 任务 全面 金融 黄金 高质量"
    " 严格 周年 方向 时期 云计算 包干 雷锋 石漠化".split()
)
LOC_STOPLIST = frozenset(
    "中 国 全国 各地 当地 本地 外地 地方 基层 城乡 农村 城市 乡村 山区 东部 西部 中部 东北 全市 全县 全省 全区"
    " 本市 本县 我省 我市 我县 我区 我国 该村 本村 全村 乡镇 村里 省里".split()
)
REDACTION_CHARS = frozenset("*＊_＿×Xx")
# Small places (庙坝村, 公桥乡) are rarely in the dictionary and get cut apart; find them by their suffix.
_SMALL_PLACE_SUFFIX = re.compile(r"(?:乡|镇|村|街道|社区)(?![民委级里务])")
_NOT_IN_NAMES = frozenset("的了在是和与及或从到向对把被为由以于等各每全本该其这那个些上下中内外省市县区乡镇村"
                          "一二三四五六七八九十百千万亿两几多新老大小")


@dataclass(frozen=True)
class Entity:
    start: int
    end: int
    text: str
    type: str  # PER | LOC | ORG | TERM
    normalized: str
    admin_code: str | None = None


@lru_cache(maxsize=1)
def _terms() -> dict[str, str]:
    return {e.word: e.normalized for e in lexicon() if e.entity_type == "TERM"}


@lru_cache(maxsize=1)
def _lexicon_orgs() -> dict[str, str]:
    return {e.word: e.normalized for e in lexicon() if e.entity_type == "ORG"}


def _redacted(text: str) -> bool:
    return any(c in REDACTION_CHARS for c in text)


def _is_cjk(text: str) -> bool:
    return bool(text) and all("\u4e00" <= c <= "\u9fff" for c in text)


def find_entities(tokens: list[Token], text: str, offset: int = 0) -> list[Entity]:
    """Entities over a sentence's tokens; ``text`` is the sentence and ``offset`` its start in the document."""
    entities: list[Entity] = []
    i = 0
    n = len(tokens)
    while i < n:
        token = tokens[i]
        if _redacted(token.token):
            i += 1
            continue
        org_end = _org_run(tokens, i)
        if org_end is not None:
            span = tokens[i:org_end]
            entities.append(_entity(span, text, offset, "ORG", _lexicon_orgs()))
            i = org_end
            continue
        if token.token in _lexicon_orgs():
            entities.append(_entity([token], text, offset, "ORG", _lexicon_orgs()))
        elif token.token in _terms():
            entities.append(_entity([token], text, offset, "TERM", _terms()))
        elif _is_person(token):
            entities.append(_entity([token], text, offset, "PER", {}))
        else:
            loc_end = _loc_run(tokens, i)
            if loc_end is not None:
                entities.append(_entity(tokens[i:loc_end], text, offset, "LOC", {}))
                i = loc_end
                continue
        i += 1
    return entities + _small_places(text, offset, entities)


def _small_places(text: str, offset: int, found: list[Entity]) -> list[Entity]:
    """Village, township and community names: 2–3 characters not in the dictionary, then the suffix."""
    places: list[Entity] = []
    taken = [(e.start - offset, e.end - offset) for e in found]
    for match in _SMALL_PLACE_SUFFIX.finditer(text):
        for length in (3, 2):
            start = match.start() - length
            name = text[max(start, 0):match.start()]
            if start < 0 or len(name) != length or not all("\u4e00" <= c <= "\u9fff" for c in name):
                continue
            if any(c in _NOT_IN_NAMES for c in name) or known_word(name) or known_word(name[:2]):
                continue
            if any(s < match.end() and start < e for s, e in taken):
                break
            places.append(Entity(start + offset, match.end() + offset, text[start:match.end()], "LOC",
                                 text[start:match.end()]))
            taken.append((start, match.end()))
            break
    return places


def _is_person(token: Token) -> bool:
    """jieba's nr (Chinese names, 2–4 characters, minus known false positives) and nrt (transliterated)."""
    if token.pos == "nrt":
        return True
    if token.pos != "nr":
        return False
    if _is_cjk(token.token):
        return 2 <= len(token.token) <= 4 and token.token not in PER_STOPLIST
    return len(token.token) > 1


def _loc_run(tokens: list[Token], i: int) -> int | None:
    """End index of a place starting at token i: an ns token, or a name plus an administrative suffix."""
    token = tokens[i]
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    adjacent = nxt is not None and nxt.start == token.end
    name_like = _is_cjk(token.token) and token.pos in ("ns", "nr", "nz", "n", "j")
    if adjacent and nxt.token in ADMIN_SUFFIXES and name_like:
        return i + 2
    if token.pos == "ns" and token.token not in LOC_STOPLIST and len(token.token) >= 2 and _is_cjk(token.token):
        return i + 1
    return None


def _org_run(tokens: list[Token], i: int) -> int | None:
    """End index of the longest organisation name starting at token i, or None.

    The run starts at a place, name or noun, continues over names and nouns, and must end in an
    organisation head; the first token must be a proper name (ns/nt/nz/nr/j) to avoid common nouns.
    """
    first = tokens[i]
    if first.pos not in ("ns", "nt", "nz", "j", "nr") and first.token not in ("中共", "中国共产党", "国家"):
        return None
    if first.pos == "nt" and _is_cjk(first.token) and len(first.token) >= 3:
        best: int | None = i + 1
    else:
        best = None
    j = i
    while j < len(tokens) and j - i < 8:
        token = tokens[j]
        if j > i and token.start != tokens[j - 1].end:
            break
        if _redacted(token.token) or not _is_cjk(token.token):
            break
        if j > i and token.pos not in ORG_BODY_TAGS and token.token not in ORG_HEADS and \
                not token.token.endswith(ORG_HEADS):
            break
        if j > i and (token.token in ORG_HEADS or (token.token.endswith(ORG_HEADS) and len(token.token) >= 2)):
            best = j + 1
        j += 1
    return best


def _entity(span: list[Token], text: str, offset: int, kind: str, normal: dict[str, str]) -> Entity:
    start, end = span[0].start, span[-1].end
    surface = text[start - offset:end - offset]
    return Entity(start, end, surface, kind, normal.get(surface, surface))
