"""Named entities from tagged tokens: people, places (with division codes), organisations, policy terms.

No offline model works here, so the method is rules over jieba's tags plus evidence we can check:
- ORG: the longest run that starts with a proper name (a place, a name, 中共, 国家…) and ends in an
  organisation head (委员会, 人民政府, 局, 医院, 公司…); places inside it belong to it.
- PER: a surname and plausible given-name characters (see ``names``), jieba's ``nr`` only as a hint;
  weak names need a title or a verb of saying beside them; titles stay outside the span.
- LOC: the division list and countries (``gazetteer``), jieba's ``ns`` minus ordinary words it mis-tags,
  a name plus an administrative or geographic suffix (庙坝村, 钱塘江), named zones (…经济技术开发区).
  Each place in a chain is its own span and gets its six-digit code when the chain makes it unique.
- TERM: words from our lexicon, with their normalised form.
Nothing inside a 《》 title is an entity; redaction marks never are.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Final, TypeVar

from zhetl import gazetteer
from zhetl.memo import Lazy, WordFacts, WordRule, remember
from zhetl.names import (
    COMMON_SURNAMES,
    COMPOUND_SURNAMES,
    NOT_GIVEN,
    ORDINARY_TAGS,
    SURNAMES,
    TRANSLIT_CHARS,
    chinese_name_strength,
    dictionary_entry,
    given_name_score,
    is_transliterated,
    mostly_transliterated,
    split_surname,
)
from zhetl.segment import Token, known_word, lexicon, lexicon_tags
from zhetl.wordlists import load_word_lists

WORDS: Final = load_word_lists("entity_words.txt")

ADMIN_SUFFIXES: Final = WORDS["ADMIN_SUFFIXES"]
GEO_SUFFIXES: Final = WORDS["GEO_SUFFIXES"]
ZONE_HEADS: Final = WORDS["ZONE_HEADS"]
ORG_HEADS: Final = WORDS["ORG_HEADS"]
# The heads of two or more characters, as tuples for one str.endswith call (a word ending in one is a head).
LONG_ORG_HEADS: Final = tuple(sorted(head for head in ORG_HEADS if len(head) >= 2))
LONG_ZONE_HEADS: Final = tuple(sorted(head for head in ZONE_HEADS if len(head) >= 2))
# Tokens ending in a one-character head that are ordinary words, not organisations.
NOT_ORG_WORDS: Final = WORDS["NOT_ORG_WORDS"]
NT_NOT_ORG_ENDINGS: Final = ("学", "化", "物", "车", "券", "器", "药", "系", "公报", "市场", "科学", "生物", "展", "邦",
                             "术", "网", "区", "路", "事物")
NT_STOPLIST: Final = WORDS["NT_STOPLIST"]
# A level word before a head makes the body generic: 县级以上人民政府, 有关部门, 各级党委.
GENERIC_BEFORE_HEAD: Final = WORDS["GENERIC_BEFORE_HEAD"]
MINISTRY_NOT: Final = WORDS["MINISTRY_NOT"]
CLAUSE_VERBS: Final = WORDS["CLAUSE_VERBS"]
STATE_WORDS: Final = WORDS["STATE_WORDS"]
NAME_TAGS: Final = frozenset({"ns", "nr", "nz", "j", "nt", "n", "nrt"})
TITLE_ENDINGS: Final = ("长", "员", "主席", "书记", "总统", "总理", "大使", "教练", "记者")
MEMBER_WORDS: Final = frozenset("成员 人员 官员 党员 队员 会员 团员".split())
ORG_STARTERS: Final = WORDS["ORG_STARTERS"]
GENERIC_ORGS: Final = WORDS["GENERIC_ORGS"]
KNOWN_ORGS: Final = WORDS["KNOWN_ORGS"]
PER_TITLES: Final = WORDS["PER_TITLES"]
LEADER_TITLES: Final = WORDS["LEADER_TITLES"]
SAYING_VERBS: Final = WORDS["SAYING_VERBS"]
PERSON_BREAK: Final = WORDS["PERSON_BREAK"]
LOC_STOPLIST: Final = WORDS["LOC_STOPLIST"]
# A place word glued to an extent word (黄河流域, 台湾地区): the place is the stem.
PLACE_EXTENT_TAILS: Final = ("流域", "地区", "沿线", "沿岸", "两岸", "一带", "境内", "全境", "大地", "省内", "市内",
                             "县内")
NUMERAL_CHARS: Final = frozenset("一二三四五六七八九十两几多数各")
# One-character names of countries and places, as news writes them (中美, 访华, 驻豫).
COUNTRY_ABBREVIATIONS: Final = frozenset("中美日俄英法德意韩朝越泰印巴以伊埃澳加新菲非欧苏蒙")
PLACE_ABBREVIATIONS: Final = COUNTRY_ABBREVIATIONS | frozenset("华京沪津渝港澳台粤闽浙苏皖赣鲁豫鄂湘川蜀黔滇藏陕甘宁青"
                                                            "新桂琼冀晋辽吉黑")
MOVEMENT_PREFIXES: Final = frozenset("访来驻在离抵赴旅援对侵反进返晋回出入去到至留")
REDACTION_CHARS: Final = frozenset("*＊_＿×Xx某")
# The same marks as a tuple: a sentence is searched for each (a substring scan), where a set test takes every
# character of the sentence as a new string object and hashes it (2.7 µs for 66 characters against 0.17 µs;
# 3.8% of all processing).
_REDACTION_MARKS: Final = tuple(sorted(REDACTION_CHARS))
# 闽宁两省区|共建|产业园区: a verb of building between a place and a zone head ends the place (the zone is built,
# not named).
BUILDING_VERBS: Final = frozenset("共建 建设 建成 新建 打造 创建 援建 规划 落户 引进 设立".split())
_TITLE_SPAN: Final = re.compile(r"《[^《》]{0,80}》")
_PLACEHOLDER: Final = re.compile(r"([\u4e00-\u9fff])(某{1,2})([\u4e00-\u9fff]?)")  # 李某, 李某某, 王某明
# (驻村, 进村, 入村, 到村, 包村: going to or staying in a village, so 选派驻村 is no village's name)
# Every alternative starts on its own character (the look-behind follows 村), so the engine skips ahead to one.
_SMALL_PLACE_SUFFIX: Final = re.compile(r"(?:乡|镇|村(?<![驻进入到包返]村)|街道|社区|屯|寨)(?![民委级里务干庄])")
_NOT_IN_NAMES: Final = frozenset("的了在是和与及或从到向对把被为由以于等各每全本该其这那个些上下中内外省市县区乡镇村"
                                 "一二三四五六七八九十百千万亿两几多新老大小要让使去进入好强配逐有用无实")
FUNCTION_CHARS: Final = frozenset("的了在是和与及或从到向对把被为由以于等")


RuleResult = TypeVar("RuleResult")


@dataclass(frozen=True, init=False)
class Entity:
    start: int
    end: int
    text: str
    type: str  # PER | LOC | ORG | TERM
    normalized: str
    admin_code: str | None = None
    province: str | None = None
    city: str | None = None
    county: str | None = None

    # (init=False with this __init__: compiled, it sets the fields directly, where the __init__ that dataclass
    # generates runs as interpreted Python, 20 times slower; the class stays frozen, hashable and replace()-able)
    def __init__(self, start: int, end: int, text: str, type: str, normalized: str, admin_code: str | None = None,
                 province: str | None = None, city: str | None = None, county: str | None = None) -> None:
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)
        object.__setattr__(self, "text", text)
        object.__setattr__(self, "type", type)
        object.__setattr__(self, "normalized", normalized)
        object.__setattr__(self, "admin_code", admin_code)
        object.__setattr__(self, "province", province)
        object.__setattr__(self, "city", city)
        object.__setattr__(self, "county", county)

    def shifted(self, offset: int) -> Entity:
        """The same entity ``offset`` characters later (built directly: ``dataclasses.replace`` runs as
        interpreted Python)."""
        return Entity(self.start + offset, self.end + offset, self.text, self.type, self.normalized, self.admin_code,
                      self.province, self.city, self.county)


def _terms() -> dict[str, str]:
    return _TERMS.get()


def _lexicon_orgs() -> dict[str, str]:
    return _LEXICON_ORGS.get()


_TERMS: Final = Lazy(lambda: {e.word: e.normalized for e in lexicon() if e.entity_type == "TERM"})
_LEXICON_ORGS: Final = Lazy(lambda: {e.word: e.normalized for e in lexicon() if e.entity_type == "ORG"})


def _on_bare_token(rule: Callable[[Token], RuleResult]) -> Callable[[str, str, WordFacts | None], RuleResult]:
    """A token rule asked of a word and its tag: the token it sees has no offsets, so its answer holds for every
    token of that word and tag (what lets a :class:`WordRule` remember it). It carries the word's facts, if the
    rule was asked with them, so that the rules it asks in turn keep their answers there."""
    return lambda word, pos, facts: rule(Token(word, pos, 0, len(word), facts))


_CJK_MEMO: Final[dict[str, bool]] = {}


def _is_cjk(text: str) -> bool:
    """Every character a CJK unified ideograph. Remembered per word: min and max make a string object per character
    (about 2,000 instructions a call, 6% of all processing), a remembered word costs one dictionary lookup."""
    known = _CJK_MEMO.get(text)
    if known is None:
        known = remember(_CJK_MEMO, text, bool(text) and min(text) >= "\u4e00" and max(text) <= "\u9fff")
    return known


def find_entities(tokens: list[Token], text: str, offset: int = 0,
                  document_places: list[gazetteer.Division] | None = None) -> list[Entity]:
    """Entities over a sentence's tokens; ``text`` is the sentence and ``offset`` its start in the document.

    ``document_places`` collects the divisions resolved so far in the document (pass one list per
    document, in sentence order) so later ambiguous names can use them.
    """
    titles = [(m.start() + offset, m.end() + offset) for m in _TITLE_SPAN.finditer(text)] if "《" in text else []
    if titles:
        tokens = [t for t in tokens if not any(s <= t.start and t.end <= e for s, e in titles)]
    if any(mark in text for mark in _REDACTION_MARKS):
        tokens = [t for t in tokens if not _has_redaction(t.token)]
    found: list[Entity] = []
    i = 0
    while i < len(tokens):
        if not may_start(tokens[i]):
            i += 1
            continue
        pair = _abbreviation_pair(tokens, i)
        if pair:
            found += pair
            i += 2
            continue
        inside = _inside_token(tokens[i])
        if inside:
            found += inside
            i += 1
            continue
        match = (_organisation(tokens, i) or _lexicon_match(tokens, i) or _person(tokens, i)
                 or _place(tokens, i))
        if match is None:
            stem = _place_stem(tokens[i])
            if stem:
                found.append(Entity(tokens[i].start, tokens[i].start + len(stem), stem, "LOC", stem))
            i += 1
            continue
        end_index, kind, normal = match
        start, end = tokens[i].start, tokens[end_index - 1].end
        if kind == "LOC" and end_index == i + 1:
            parts = _places_within(tokens[i].token)
            if parts:
                for part_start, part in parts:
                    found.append(Entity(start + part_start, start + part_start + len(part), part, "LOC", part))
                i = end_index
                continue
        surface = text[start - offset:end - offset]
        found.append(Entity(start, end, surface, kind, normal or surface))
        i = end_index
    found += _small_places(text, offset, found, titles, tokens)
    found += _surname_placeholders(text, offset, found, titles)
    if len(found) > 1:  # (sorting through the builtin with a key costs 1,700 instructions, even for one entity)
        found.sort(key=lambda e: e.start)
    return _with_admin_codes(found, document_places)


@lru_cache(maxsize=1 << 17)
def _has_redaction(word: str) -> bool:
    return any(c in REDACTION_CHARS for c in word)


def may_start(token: Token) -> bool:
    """:func:`_may_start` for the token's word and tag, remembered (asked for every token of every sentence)."""
    return _MAY_START_RULE.ask_about(token.token, token.pos, token.facts)


def _may_start(word: str, pos: str, facts: WordFacts | None) -> bool:
    """Could any rule start an entity at a token like this, whatever its neighbours? (Most tokens: no.)

    A superset of every rule's own first test, cached per distinct word, so the rules run only where
    they can fire: 了, 进行, 工作 and their like are dismissed in one dictionary lookup.
    """
    if not _is_cjk(word):
        return False
    token = Token(word, pos, 0, len(word), facts)
    if word in KNOWN_ORGS or word in _lexicon_orgs() or word in _terms() or _inside_word(word, pos, facts):
        return True
    if _organisation_word(token) or _proper_start_word(token) or _place_word(token) or _place_stem(token):
        return True
    if pos in ("ns", "nr", "nz", "j", "nrt", "nrfg", "x") or _translit_token(token):
        return True
    if chinese_name_strength(word) >= 1 or (len(word) == 1 and word in SURNAMES) or word[:2] in COMPOUND_SURNAMES:
        return True
    return len(word) >= 2 and mostly_transliterated(word)


_MAY_START_RULE: Final[WordRule[bool]] = WordRule(_may_start)


# --- organisations -------------------------------------------------------------------------------

def _is_head(token: Token) -> bool:
    return _IS_HEAD_RULE.ask_about(token.token, token.pos, token.facts)


def _is_head_rule(token: Token) -> bool:
    word = token.token
    if word in NOT_ORG_WORDS and word not in ORG_HEADS:
        return False
    if word in ORG_HEADS:
        return True
    return (len(word) >= 2 and word.endswith(LONG_ORG_HEADS)) or (
        token.pos in ("nt", "n", "nz") and 2 <= len(word) <= 4 and word[-1] in "委局厅部署院所处站社队馆"
        and word not in NOT_ORG_WORDS)


_IS_HEAD_RULE: Final[WordRule[bool]] = WordRule(_on_bare_token(_is_head_rule))


def _place_prefixes(word: str) -> list[str]:
    return [word[:k] for k in range(2, min(len(word), 8)) if word[:k] in gazetteer.COUNTRIES
            or word[:k] in gazetteer.full_names()]


def _organisation_word(token: Token) -> bool:
    return _ORGANISATION_WORD_RULE.ask_about(token.token, token.pos, token.facts)


def _organisation_word_rule(token: Token) -> bool:
    """jieba's ``nt`` minus the disciplines, processes and things it also tags so (天文学, 国际化, 国库券).

    Also a ministry written as one ordinary noun (公安部, 科技部): a named national body.
    """
    word = token.token
    if token.pos in ("n", "nz") and 3 <= len(word) <= 5 and word[-1] == "部" and word not in MINISTRY_NOT and \
            not word.endswith(("干部", "俱乐部", "内部", "全部", "局部")) and _is_cjk(word):
        return True
    if token.pos in ("n", "nz", "nt") and len(word) >= 4 and word.endswith(("日报", "晚报", "早报", "时报")):
        return True  # 人民日报, 工人日报: newspapers
    if token.pos in ("n", "nz", "nr", "ns") and _is_cjk(word) and len(word) >= 3 and _is_head(token) and \
            any(word.startswith(p) and len(word) - len(p) >= 1 for p in _place_prefixes(word)):
        return True  # 捷克队, 中国惠普有限公司: a named place and a head in one token
    return token.pos == "nt" and _is_cjk(word) and len(word) >= 2 and word not in GENERIC_ORGS and \
        word not in NOT_ORG_WORDS and word not in NT_STOPLIST and \
        (not word.endswith(NT_NOT_ORG_ENDINGS) or word.endswith(LONG_ORG_HEADS))


_ORGANISATION_WORD_RULE: Final[WordRule[bool]] = WordRule(_on_bare_token(_organisation_word_rule))


def _proper_start(tokens: list[Token], i: int) -> bool:
    return bool(_proper_start_word(tokens[i]))


def _proper_start_word(token: Token) -> bool:
    return _PROPER_START_WORD_RULE.ask_about(token.token, token.pos, token.facts)


def _proper_start_word_rule(token: Token) -> bool:
    word = token.token
    if not _is_cjk(word) or word in GENERIC_ORGS or word in LOC_STOPLIST:
        return False
    if word in ORG_STARTERS or (gazetteer.is_place_name(word) and token.pos in NAME_TAGS):
        return True
    if token.pos in ("ns", "nt", "nz", "j") and len(word) >= 2:
        return True
    if token.pos in ("nr", "nrt") and chinese_name_strength(word) == 0 and len(word) >= 2 and \
            dictionary_entry(word) is None:
        return True  # shop and company names jieba reads as a person (合力华通 → 华通)
    return _small_place_token(token)


_PROPER_START_WORD_RULE: Final[WordRule[bool]] = WordRule(_on_bare_token(_proper_start_word_rule))


def _small_place_token(token: Token) -> bool:
    """A village or township written as unknown name + suffix (公桥乡, 梧桐花镇)."""
    word = token.token
    return len(word) >= 2 and word[-1] in "乡镇村" and _is_cjk(word) and word not in LOC_STOPLIST and \
        not known_word(word)


def _organisation(tokens: list[Token], i: int) -> tuple[int, str, str] | None:
    """The longest organisation name starting at token i: (end index, "ORG", normal form)."""
    first = tokens[i]
    if first.token in KNOWN_ORGS or first.token in _lexicon_orgs():
        best: int | None = i + 1
    elif _organisation_word(first):
        best = i + 1
    elif _proper_start(tokens, i):
        best = None
    else:
        return None
    j = i + 1
    heads_seen = 1 if best else 0
    while j < len(tokens) and j - i < 10:
        token, previous = tokens[j], tokens[j - 1]
        if token.start != previous.end or (not _is_cjk(token.token) and not token.token.isdigit()):
            break
        if token.token in ("（", "("):
            break
        head = _is_head(token) or _organisation_word(token)
        if heads_seen and head and token.token in GENERIC_ORGS and token.token[0] in "省市县区乡镇村州":
            break  # 德江县委|县政府: the second body is unnamed
        if not head and token.pos not in ("ns", "nt", "nz", "n", "nr", "j", "vn", "an", "ng", "b", "m", "q", "l",
                                          "nrt", "a", "f", "s", "v", "i", "vd"):
            break
        if token.pos == "v" and not head and (heads_seen or len(token.token) < 2 or token.token in CLAUSE_VERBS):
            break  # 扶贫开发领导小组 keeps its verbs; …委员会|利用…, 上海|作为|… end the run
        if token.pos in ("a", "f") and not head and len(token.token) == 1:
            break
        if head and previous.token in GENERIC_BEFORE_HEAD:
            break
        if head and len(token.token) == 1 and j + 1 < len(tokens) and tokens[j + 1].pos.startswith("v"):
            break  # 日本|所|发生: the particle 所, not an institute
        if heads_seen and not head and token.pos in ("d", "a", "ad", "v", "vd"):
            break  # 成都军区后勤部|十分重视: after a head only more of the name may follow
        if head:
            best = j + 1
            heads_seen += 1
        j += 1
    if best is None:
        return None
    span = tokens[i:best]
    verbs = [k for k, t in enumerate(span) if k and t.pos == "v"]
    if verbs and verbs[-1] + 1 < len(span) and _proper_start(tokens, i + verbs[-1] + 1):
        return None  # 火箭圆满发射|美国摩托罗拉公司: the name starts after the verb
    surface = "".join(t.token for t in span)
    if len(span) == 2 and span[0].token in gazetteer.COUNTRIES and span[1].token in STATE_WORDS:
        return None  # 美国政府, 俄罗斯政局: news names the country, not an organisation
    if surface in GENERIC_ORGS or (len(span) == 1 and first.token not in KNOWN_ORGS and
                                   first.token not in _lexicon_orgs() and not _organisation_word(first)):
        return None
    return best, "ORG", _lexicon_orgs().get(surface, surface)


def _lexicon_match(tokens: list[Token], i: int) -> tuple[int, str, str] | None:
    word = tokens[i].token
    if word in _lexicon_orgs():
        return i + 1, "ORG", _lexicon_orgs()[word]
    if word in _terms():
        return i + 1, "TERM", _terms()[word]
    return None


# --- people --------------------------------------------------------------------------------------

def _is_title(token: Token) -> bool:
    return _IS_TITLE_RULE.ask_about(token.token, token.pos, token.facts)


def _is_title_rule(token: Token) -> bool:
    """书记, 总统, 副检察长, 财长, 协调员: a word naming a post or role."""
    word = token.token
    return word in PER_TITLES or word in LEADER_TITLES or (
        _is_cjk(word) and 2 <= len(word) <= 5 and word.endswith(TITLE_ENDINGS)
        and token.pos in ("n", "nr", "nz", "l") and word not in MEMBER_WORDS)


_IS_TITLE_RULE: Final[WordRule[bool]] = WordRule(_on_bare_token(_is_title_rule))


def _context_supports_person(tokens: list[Token], start: int, end: int) -> bool:
    """A title or kinship word beside the name, a verb of saying after it, or a list of names."""
    before = tokens[start - 1] if start > 0 else None
    after = tokens[end] if end < len(tokens) else None
    if before is not None and before.end == tokens[start].start and _is_title(before):
        return True
    if after is not None and (_is_title(after) or after.token in SAYING_VERBS):
        return True
    return (before is not None and before.token in ("、", "和", "与")) or \
        (after is not None and after.token in ("、",) and end + 1 < len(tokens) and
         tokens[end + 1].pos in ("nr", "nrfg"))


def _person(tokens: list[Token], i: int) -> tuple[int, str, str] | None:
    token = tokens[i]
    word = token.token
    if not _is_cjk(word):
        return None
    nxt = tokens[i + 1] if i + 1 < len(tokens) and tokens[i + 1].start == token.end else None
    # A name jieba split: 杨维|超, 黄|文秀.
    if nxt is not None and _is_cjk(nxt.token) and len(word) + len(nxt.token) in (3, 4) and \
            len(word) <= 2 and len(nxt.token) <= 2 and chinese_name_strength(word) < 2:
        merged = word + nxt.token
        entry = dictionary_entry(nxt.token)
        glued_char = len(nxt.token) == 1 and token.pos in ("nr", "nrfg") and nxt.pos in ("d", "a", "v", "ng", "zg")
        if chinese_name_strength(merged) == 2 and nxt.token not in PERSON_BREAK and \
                given_name_score(nxt.token) >= 20 and \
                (entry is None or entry[0] < 100 or entry[1] == "nr" or (glued_char and entry[0] < 5000)) and \
                (chinese_name_strength(word) >= 1 or len(word) == 1):
            return i + 2, "PER", merged
    # A foreign name in parts: 菲德尔·卡斯特罗, 叶甫根尼·普鲁申科.
    foreign_end = _foreign_name_end(tokens, i)
    if foreign_end is not None:
        return foreign_end, "PER", ""
    # A surname standing for a person before a title: 马|主任, 李|书记.
    if len(word) == 1 and word in COMMON_SURNAMES and word not in "于和向从对" and nxt is not None and \
            nxt.token in PER_TITLES and len(nxt.token) <= 3 and (i == 0 or tokens[i - 1].token not in ("老", "小")):
        previous = tokens[i - 1] if i > 0 else None
        if previous is None or previous.end != token.start or previous.pos not in ("n", "v", "a", "ns", "nz") or \
                previous.token in ("办", "的", "扶贫办"):
            return i + 1, "PER", word
    after_title = i > 0 and _is_title(tokens[i - 1]) and tokens[i - 1].end == token.start
    if after_title and len(word) >= 2 and chinese_name_strength(word) == 0 and not gazetteer.is_place_name(word) and \
            word not in LOC_STOPLIST and token.pos in ("nr", "nrt", "ns", "nz", "x", "j") and \
            mostly_transliterated(word):
        return i + 1, "PER", word  # 总理|拉宾, 秘书长|安南: a foreign name the dictionary files as a place
    if token.pos == "nrt" and (len(word) < 3 or word[0] in NUMERAL_CHARS) and \
            not _context_supports_person(tokens, i, i + 1):
        return None  # 科普, 五帝: two-character "foreign names" are mostly jieba's noise
    if token.pos == "nrt" or (token.pos in ("nr", "x", "ns", "nz") and len(word) >= 3 and
                              is_transliterated(word)
                              and split_surname(word) is None):
        if gazetteer.is_place_name(word) or word in LOC_STOPLIST or len(word) < 2:
            return None
        if token.pos in ("nrt", "nr") or _context_supports_person(tokens, i, i + 1):
            return i + 1, "PER", word
        return None
    # jieba guessed the word: any tag (but a word of our lexicon, 普惠型 or 安置区, is known)
    unknown_name = len(word) == 3 and dictionary_entry(word) is None and word not in lexicon_tags()
    if token.pos not in ("nr", "nrfg", "x", "n", "t", "ns", "nz") and not unknown_name:
        return None
    if token.pos in ("nr", "nrfg", "x") and len(word) == 4 and chinese_name_strength(word) == 0 and \
            chinese_name_strength(word[:3]) == 2:
        return None  # 叶铭汉交, 厉汝燕任: jieba's guess ran one character past the name; see _glued_person
    strength = chinese_name_strength(word)
    if token.pos not in ("nr", "nrfg") and dictionary_entry(word) is not None:
        strength = min(strength, 1)
    if strength == 2 or (strength == 1 and (_context_supports_person(tokens, i, i + 1) or
                                            (token.pos in ("nr", "nrfg") and _name_position(tokens, i)))):
        return i + 1, "PER", word
    return None


def _inside_token(token: Token) -> list[Entity]:
    """Entities that are part of one token (中美, 访华, 老王, 美国政府, 国防部长), found once per distinct word."""
    found = _INSIDE_WORD_RULE.ask_about(token.token, token.pos, token.facts)
    if not found or token.start == 0:
        return list(found)
    return [e.shifted(token.start) for e in found]


def _inside_word(word: str, pos: str, facts: WordFacts | None) -> tuple[Entity, ...]:
    """:func:`_entities_inside_word`, remembered per (tag, word), in the word's facts when given."""
    return _INSIDE_WORD_RULE.ask_about(word, pos, facts)


def _entities_inside_word(word: str, pos: str, facts: WordFacts | None) -> tuple[Entity, ...]:
    token = Token(word, pos, 0, len(word), facts)
    return tuple(_abbreviated_places(token) or _person_inside(token) or _country_state(token)
                 or _organisation_before_title(token))


_INSIDE_WORD_RULE: Final[WordRule[tuple[Entity, ...]]] = WordRule(_entities_inside_word)


def _organisation_before_title(token: Token) -> list[Entity]:
    """国防部长 → 国防部, 外交部长 → 外交部: a ministry glued to its head's title."""
    word = token.token
    for title in ("长", "部长", "副部长"):
        stem = word[: -len(title)]
        if word.endswith(title) and stem.endswith("部") and 3 <= len(stem) <= 5 and stem not in MINISTRY_NOT:
            return [Entity(token.start, token.start + len(stem), stem, "ORG", stem)]
    return []


def _abbreviation_pair(tokens: list[Token], i: int) -> list[Entity]:
    """中|美, 日|中 cut into one-character tokens: two adjacent country abbreviations are two places."""
    if i + 1 >= len(tokens):
        return []
    first, second = tokens[i], tokens[i + 1]
    if len(first.token) == 1 and len(second.token) == 1 and first.end == second.start and \
            first.token in COUNTRY_ABBREVIATIONS and second.token in COUNTRY_ABBREVIATIONS and \
            first.token != second.token:
        return [Entity(t.start, t.end, t.token, "LOC", t.token) for t in (first, second)]
    return []


def _country_state(token: Token) -> list[Entity]:
    """美国政府 in one token: the country is the entity."""
    for state in STATE_WORDS:
        country = token.token[: -len(state)]
        if token.token.endswith(state) and country in gazetteer.COUNTRIES:
            return [Entity(token.start, token.start + len(country), country, "LOC", country)]
    return []


ABBREVIATION_TAILS: Final = ("关系", "两国", "各国", "双方", "政府", "方", "军", "外长", "总统", "总理", "首脑", "会谈",
                             "合作", "贸易")
MOVEMENT_WORDS: Final = frozenset("来华 访华 驻华 在华 对华 来京 在京 进京 离京 抵京 赴京 驻京".split())


def _abbreviated_places(token: Token) -> list[Entity]:
    """One-character place names as news writes them.

    中美 / 中美关系 / 巴以 → each country; 日方, 俄政府 → the country; 访华, 驻豫 → 华, 豫; a lone 美 or 京
    that jieba tags as a place.
    """
    word = token.token
    if not _is_cjk(word):
        return []
    if len(word) == 1:
        if word in PLACE_ABBREVIATIONS and token.pos in ("ns", "j"):
            return [Entity(token.start, token.end, word, "LOC", word)]
        return []
    stem = word
    for tail in ABBREVIATION_TAILS:
        if word.endswith(tail) and 1 <= len(word) - len(tail) <= 3:
            stem = word[: -len(tail)]
            break
    if 1 <= len(stem) <= 3 and (len(stem) > 1 or stem != word) and all(c in COUNTRY_ABBREVIATIONS for c in stem) and \
            len(set(stem)) == len(stem) and stem not in ("中新", "新中", "中加") and \
            token.pos in ("ns", "j", "nz", "n", "x", "nt", "f", "t", "nr", "m"):
        return [Entity(token.start + k, token.start + k + 1, stem[k], "LOC", stem[k]) for k in range(len(stem))]
    if len(word) == 2 and word[0] in MOVEMENT_PREFIXES and word[1] in PLACE_ABBREVIATIONS and \
            word not in ("出台", "出新") and (token.pos.startswith("v") or token.pos == "j" or word in MOVEMENT_WORDS):
        return [Entity(token.start + 1, token.end, word[1], "LOC", word[1])]
    return []


NAME_SUFFIX_WORDS: Final = ("理论", "思想", "同志", "主义", "时代", "文选", "选集", "路线", "精神")


def _person_inside(token: Token) -> list[Entity]:
    """A person who is part of one token.

    叶铭汉交, 厉汝燕任 (jieba's guess ran one character past the name); 韩先生, 马主任 (surname and
    title glued: the surname is the person); 老王, 小李; 邓小平理论 (a name inside a longer word).
    """
    word = token.token
    if not _is_cjk(word):
        return []

    def person(start: int, end: int) -> list[Entity]:
        return [Entity(token.start + start, token.start + end, word[start:end], "PER", word[start:end])]

    if token.pos in ("nr", "nrfg", "x") and len(word) == 4 and chinese_name_strength(word) == 0 and \
            chinese_name_strength(word[:3]) == 2:
        return person(0, 3)
    if 2 <= len(word) <= 3 and word[0] in COMMON_SURNAMES and word[1:] in PER_TITLES and word[0] not in "于和向从对":
        return person(0, 1)
    if len(word) == 2 and word[0] in "老小" and word[1] in COMMON_SURNAMES and token.pos in ("nr", "n", "x", "nz"):
        return person(1, 2)
    for suffix in NAME_SUFFIX_WORDS:
        stem = word[: -len(suffix)]
        if word.endswith(suffix) and len(stem) in (2, 3) and (dictionary_entry(stem) or (0, ""))[1][:2] == "nr" \
                and chinese_name_strength(stem) >= 1:
            return person(0, len(stem))
    return []


NAME_DOTS: Final = frozenset("·•‧・")


def _translit_token(token: Token) -> bool:
    return _TRANSLIT_TOKEN_RULE.ask_about(token.token, token.pos, token.facts)


def _translit_token_rule(token: Token) -> bool:
    """A piece of a foreign name: transliteration characters, or a name-tagged token that is no Chinese name."""
    word = token.token
    if not _is_cjk(word) or word in LOC_STOPLIST or gazetteer.is_place_name(word):
        return False
    if len(word) >= 2 and (dictionary_entry(word) or (0, "nr"))[1] in ORDINARY_TAGS:
        return False
    if token.pos in ("nr", "nrt") and chinese_name_strength(word) < 2:
        return True
    return all(c in TRANSLIT_CHARS for c in word)


_TRANSLIT_TOKEN_RULE: Final[WordRule[bool]] = WordRule(_on_bare_token(_translit_token_rule))


def _foreign_name_end(tokens: list[Token], i: int) -> int | None:
    """End index of a transliterated name run starting at token i, when it is a person.

    Parts may be joined by middle dots (保罗·阿纳斯塔斯) and jieba may cut a part in pieces (斯坦|菲尔德).
    A dotted run is a person; an undotted one needs a title or a verb of saying beside it.
    """
    if not _translit_token(tokens[i]):
        return None
    j, dots = i + 1, 0
    while j < len(tokens) and tokens[j].start == tokens[j - 1].end:
        if tokens[j].token in NAME_DOTS and j + 1 < len(tokens) and _translit_token(tokens[j + 1]):
            dots += 1
        elif not _translit_token(tokens[j]):
            break
        j += 1
    surface = "".join(t.token for t in tokens[i:j])
    if j - i < 2 or len(surface) < 3 or gazetteer.is_place_name(surface):
        return None
    if (dictionary_entry(surface) or (0, ""))[1] == "ns":
        return None
    if dots or _context_supports_person(tokens, i, j) or (i > 0 and tokens[i - 1].token in LEADER_TITLES):
        return j
    return None


def _name_position(tokens: list[Token], i: int) -> bool:
    """Where news puts a bare two-character name: after 的 (八一队的李铁), or opening a clause before a verb."""
    before = tokens[i - 1] if i else None
    after = tokens[i + 1] if i + 1 < len(tokens) else None
    if before is not None and before.token == "的" and (after is None or not _is_cjk(after.token)):
        return True
    opens = before is None or not _is_cjk(before.token)
    return opens and after is not None and after.pos.startswith("v")


def _surname_placeholders(text: str, offset: int, found: list[Entity],
                          titles: list[tuple[int, int]]) -> list[Entity]:
    """李某, 李某某, 王某明 (legal texts name parties so), and names glued to a function word (陈井云因)."""
    extra: list[Entity] = []
    if "某" not in text:
        return extra
    taken = [(e.start - offset, e.end - offset) for e in found] + [(s - offset, e - offset) for s, e in titles]
    for match in _PLACEHOLDER.finditer(text):
        surname = match.group(1)
        if surname not in COMMON_SURNAMES or (match.start() > 0 and text[match.start() - 1] in "某"):
            continue
        end = match.end(2)
        tail = match.group(3)
        if tail and len(match.group(2)) == 1 and tail not in NOT_GIVEN and tail not in PERSON_BREAK and \
                given_name_score(tail) >= 20 and tail not in PER_TITLES and not known_word(text[end:end + 2]):
            end += 1
        start = match.start()
        if any(s < end and start < e for s, e in taken):
            continue
        extra.append(Entity(start + offset, end + offset, text[start:end], "PER", text[start:end]))
        taken.append((start, end))
    return extra


# --- places --------------------------------------------------------------------------------------

def _place_word(token: Token) -> bool:
    return _PLACE_WORD_RULE.ask_about(token.token, token.pos, token.facts)


def _place_word_rule(token: Token) -> bool:
    word = token.token
    if not _is_cjk(word) or word in LOC_STOPLIST or len(word) < 2 or (word[0] in NUMERAL_CHARS and len(word) == 2):
        return False
    if word in gazetteer.COUNTRIES or word in gazetteer.WORLD_PLACES:
        return True
    divisions = gazetteer.candidates(word)
    if divisions:
        entry = dictionary_entry(word)
        if word not in gazetteer.full_names() and entry is not None and entry[1] in ORDINARY_TAGS and \
                entry[0] >= 50 and all(d.level == "county" for d in divisions):
            return False  # 和平, 高明, 长达: county short names that are ordinary words (合肥 and 大连 are not)
        return token.pos in ("ns", "nr", "nz", "j", "nt", "n", "nrt") or len(word) >= 3 or \
            divisions[0].level != "county"
    return token.pos == "ns"


_PLACE_WORD_RULE: Final[WordRule[bool]] = WordRule(_on_bare_token(_place_word_rule))


def _place(tokens: list[Token], i: int) -> tuple[int, str, str] | None:
    """A place at token i: a name plus suffixes (庙坝村, 钱塘江, 北京经济技术开发区), or a place word."""
    token = tokens[i]
    word = token.token
    if not _is_cjk(word):
        return None
    name_like = _place_word(token) or (token.pos in ("ns", "nr", "nz", "j", "nrt") and len(word) >= 2 and
                                       word not in LOC_STOPLIST)
    if not name_like:
        return None
    end = i + 1
    # Name + administrative or geographic suffix token(s): 乐业 县, 钱塘 江, 南麂 列岛.
    while end < len(tokens) and tokens[end].start == tokens[end - 1].end and \
            (tokens[end].token in ADMIN_SUFFIXES or tokens[end].token in GEO_SUFFIXES) and end - i < 3:
        end += 1
    # Named zones: place + descriptive nouns + zone head, as one span.
    j = end
    while j < len(tokens) and j - i < 6 and tokens[j].start == tokens[j - 1].end and _is_cjk(tokens[j].token) and \
            tokens[j].pos in ("n", "vn", "nz", "b", "a", "ns", "l", "an", "j", "v") and \
            tokens[j].token not in GENERIC_BEFORE_HEAD and tokens[j].token not in BUILDING_VERBS:
        if tokens[j].token in ZONE_HEADS or tokens[j].token.endswith(LONG_ZONE_HEADS):
            end = j + 1
            break
        j += 1
    if end == i + 1 and not _place_word(token):
        return None
    if end == i + 1:
        for tail in PLACE_EXTENT_TAILS:
            stem = word[: -len(tail)]
            if (word.endswith(tail) and len(stem) >= 2 and gazetteer.is_place_name(stem)) or \
                    (word.endswith(tail) and (dictionary_entry(stem) or (0, ""))[1] == "ns"):
                return None  # handled as the stem by _place_stem

    surface = "".join(t.token for t in tokens[i:end])
    if end == i + 1 and token.pos == "nr" and chinese_name_strength(word) == 2:
        return None
    return end, "LOC", surface


GENERIC_PLACE_MODIFIERS: Final = WORDS["GENERIC_PLACE_MODIFIERS"]


def split_place_chain(word: str) -> list[tuple[int, str]]:
    """中国西藏自治区 → 中国|西藏自治区: a word the dictionary glued from known places, as its places."""
    parts: list[tuple[int, str]] = []
    position = 0
    while position < len(word):
        for end in range(len(word), position + 1, -1):
            piece = word[position:end]
            if piece in gazetteer.COUNTRIES or piece in gazetteer.full_names() or \
                    (len(piece) >= 2 and gazetteer.candidates(piece)):
                parts.append((position, piece))
                position = end
                break
        else:
            return [(0, word)]
    return parts


def _places_within(word: str) -> list[tuple[int, str]]:
    """The places that stand for a place token, when they are not the whole token (else [])."""
    if not gazetteer.is_place_name(word):
        parts = split_place_chain(word)
        if len(parts) > 1:
            return parts
    return _place_inside_word(word)


def _place_inside_word(word: str) -> list[tuple[int, str]]:
    """香港回归 → 香港, 首都北京 → 北京: a known place glued to an ordinary word in one dictionary entry."""
    if gazetteer.is_place_name(word) or len(word) < 4:
        return []
    for cut in range(len(word) - 2, 1, -1):
        head, tail = word[:cut], word[cut:]
        if gazetteer.is_place_name(head) and (dictionary_entry(tail) or (0, ""))[1] in ORDINARY_TAGS | {"vn", "t"}:
            return [(0, head)]
    for cut in range(2, len(word) - 1):
        head, tail = word[:cut], word[cut:]
        if gazetteer.is_place_name(tail) and (dictionary_entry(head) or (0, ""))[1] in ORDINARY_TAGS | {"vn", "t"}:
            return [(cut, tail)]
    return []


def _place_stem(token: Token) -> str | None:
    return _PLACE_STEM_RULE.ask_about(token.token, token.pos, token.facts)


def _place_stem_rule(token: Token) -> str | None:
    word = token.token
    for tail in PLACE_EXTENT_TAILS:
        stem = word[: -len(tail)]
        if word.endswith(tail) and len(stem) >= 2 and stem not in LOC_STOPLIST and (
                gazetteer.is_place_name(stem) or (dictionary_entry(stem) or (0, ""))[1] == "ns"):
            return stem
    return None


_PLACE_STEM_RULE: Final[WordRule[str | None]] = WordRule(_on_bare_token(_place_stem_rule))


def _small_places(text: str, offset: int, found: list[Entity], titles: list[tuple[int, int]],
                  tokens: list[Token]) -> list[Entity]:
    """Village, township and community names: a name of 2–4 characters, then 乡/镇/村/街道/社区/屯/寨.

    The name must start and end on token edges (so 完善|农村 never yields 善农村) and must not be a
    generic modifier (贫困村, 示范村); dictionary words are fine as names (炮台村, 向阳村).
    """
    places: list[Entity] = []
    if not _SMALL_PLACE_SUFFIX.search(text):
        return places
    taken = [(e.start - offset, e.end - offset) for e in found] + [(s - offset, e - offset) for s, e in titles]
    for match in _SMALL_PLACE_SUFFIX.finditer(text):
        if _crossed(tokens, offset, match.end()):
            continue
        for length in (4, 3, 2):
            start = match.start() - length
            name = text[max(start, 0):match.start()]
            if start < 0 or not _is_cjk(name) or _crossed(tokens, offset, start):
                continue
            if name in GENERIC_PLACE_MODIFIERS or name[-2:] in GENERIC_PLACE_MODIFIERS or \
                    any(c in _NOT_IN_NAMES for c in name[:1]) or any(c in FUNCTION_CHARS for c in name):
                continue
            if _crossed(tokens, offset, match.start()) and \
                    not any(t.start - offset == start and t.end - offset == match.end() for t in tokens):
                continue  # the suffix belongs to a word running across the name (农村, 城镇)
            inside = [t for t in tokens if start <= t.start - offset and t.end - offset <= match.start()
                      and known_word(t.token)]
            if any(t.pos[:1] in ("v", "r", "d", "p", "c", "u", "m", "q", "t", "f") for t in inside):
                continue  # 赞叹|公桥乡, 我们|村, 按照|村: the name must be name-like words
            if any(s < match.end() and start < e for s, e in taken):
                continue
            places.append(Entity(start + offset, match.end() + offset, text[start:match.end()], "LOC",
                                 text[start:match.end()]))
            taken.append((start, match.end()))
            break
    return places


def _crossed(tokens: list[Token], offset: int, position: int) -> bool:
    """A dictionary word of two or more characters runs across sentence offset ``position`` (jieba's own guesses
    like 乡庙|坝村 may): no name edge there. Asked for the few positions a suffix match needs, where building the
    set of every crossed position looked up every token of each sentence holding 村, 乡 or 镇 (农村, 乡镇: most
    sentences of a rural policy text). ``tokens`` are in order and disjoint."""
    for token in tokens:
        start = token.start - offset
        if start >= position:
            return False
        if position < token.end - offset and token.end - token.start > 1 and known_word(token.token):
            return True
    return False


def _within(entity: Entity, division: gazetteer.Division, normalized: str | None = None,
            admin_code: str | None = None) -> Entity:
    """The entity with the province, city and county names of ``division`` (the levels above it, and itself), and
    with ``normalized`` and ``admin_code`` when given. (Built directly: ``dataclasses.replace`` runs as interpreted
    Python, 4.6 µs a call, some 1,500 calls per million characters.)"""
    levels = gazetteer.hierarchy(division)
    return Entity(entity.start, entity.end, entity.text, entity.type,
                  entity.normalized if normalized is None else normalized,
                  entity.admin_code if admin_code is None else admin_code,
                  levels["province"], levels["city"], levels["county"])


def _with_admin_codes(entities: list[Entity], document_places: list[gazetteer.Division] | None) -> list[Entity]:
    """Give each place its division when the places before it make the name unique.

    The chain of the sentence (安徽省阜阳市阜南县…) narrows first; then the places the document named
    before (``document_places``, updated in place), so 朝阳区 in a Beijing report gets 110105. A village or
    township the division list lacks inherits province, city and county from the chain it stands in.
    """
    result: list[Entity] = []
    chain: list[gazetteer.Division] = []
    last_end = -1
    for entity in entities:
        if entity.type != "LOC":
            result.append(entity)
            continue
        if entity.start - last_end > 12:
            chain = []
        division = gazetteer.resolve(entity.text, chain)
        if division is None and not chain and document_places:
            division = gazetteer.resolve(entity.text, document_places[-8:], require_context=True)
        if division is not None:
            chain = [d for d in chain if d.contains(division)] + [division]
            if document_places is not None:
                document_places.append(division)
            entity = _within(entity, division, division.name, division.code)
        elif chain:
            entity = _within(entity, chain[-1])
        result.append(entity)
        last_end = entity.end
    return result
