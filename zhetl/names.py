"""Is this string a person's name? Surnames, given-name characters and the dictionary's own evidence.

jieba's dictionary tags thousands of ordinary words as names (弘扬, 阳光, 智慧 are ``nr``), so a tag alone
proves little. A Chinese name here needs a surname from our list, given-name characters that real names
use, and no stronger reading as an ordinary word. The given-name statistics come from the 3-character
``nr`` entries of jieba's dictionary (about 60,000, nearly all real names), read at first use.
"""

from __future__ import annotations

import itertools
from collections import Counter
from typing import Final

from zhetl.memo import Lazy, remember
from zhetl.packagefiles import package_file

# Surnames by how common they are; the short list alone may start a 2-character name.
COMMON_SURNAMES: Final = frozenset(
    "王李张刘陈杨习萧黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
    "姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔汤"
    "常康施牛樊葛邢齐乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿焦俞柳甘祝包宁尚舒阮柯纪梅童凌毕单季裴霍涂苗谷盛"
    "翁冉骆蓝靳管柴蒙鲍喻祁蒲滕饶解牟艾尤穆卓缪褚娄窦戚岑费卜冷晏卫瞿桂佟臧闵苟邬卞栾隋刁巫寇桑郎甄"
)
RARE_SURNAMES: Final = frozenset(
    "白向温文安兰关左符成曲路游辛华房屈时农司古吉简车项连芦麦景党宫席米柏宗全应边姬师仇商沙荣丛仲虞敖巩"
    "明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜阚花权帅屠"
    "豆朴盖练廉禹井祖漆巴丰支卿狄计索宣晋相初门云容敬扈晁芮都普阙浦戈伏鹿薄邸雍辜羊乌母裘亓修邰赫杭况那"
    "宿鲜印逯隆茹诸战慕危玉银亢嵇哈湛宾戎勾茅利於呼居揭干尉冶斯元束檀衣展阴昝智幸奉植衡富尧闭钮郦瞿桓"
)
SURNAMES: Final = COMMON_SURNAMES | RARE_SURNAMES
COMPOUND_SURNAMES: Final = frozenset(
    "欧阳 司马 上官 诸葛 东方 皇甫 尉迟 公孙 慕容 长孙 宇文 司徒 夏侯 轩辕 令狐 钟离 独孤 南宫 西门 端木 申屠 "
    "呼延 万俟 闻人 澹台 公冶 太史 淳于 单于 赫连 拓跋".split()
)
# Characters of transliterated foreign names (克林顿, 古特雷斯, 普京); a name made only of these is plausible.
TRANSLIT_CHARS: Final = frozenset(
    "顿丝琴蒂赛瑞朗勃延夏黑耳萨贾迦瓜阿埃艾安奥巴拜班邦包保贝本比彼毕宾波伯博布查达戴丹道德登迪蒂丁东杜多恩尔法凡菲费芬弗福夫盖甘冈戈格古"
    "哈海汉豪赫亨胡霍基吉加嘉杰金卡凯坎康考柯科克肯库拉莱赖兰朗劳勒雷里利连林琳卢鲁伦罗洛马迈麦曼梅门蒙米明"
    "莫姆穆纳奈南内尼涅纽努诺欧帕佩彭皮珀普奇齐乔切琼萨塞桑瑟森沙尚舍什施斯苏索塔泰坦汤特提图托瓦万威韦维温"
    "沃乌西希谢辛休雅亚扬耶伊因英尤约泽扎詹珍朱茨兹茲丘戴黛娜娅莎丽妮玛"
)
NOT_GIVEN: Final = frozenset("的了在是与及或从到向对把被由于等各每该这那个们些也都就还又再只很最不没说")


_TAGS: Final[list[str]] = []


def _dictionary() -> dict[str, int]:
    return _DICTIONARY.get()


def _load_dictionary() -> dict[str, int]:
    """jieba's dictionary: word → frequency × 64 + tag number (one int per word: 350,000 words, ~60 MB)."""
    entries: dict[str, int] = {}
    numbers: dict[str, int] = {}
    with package_file("jieba", "dict.txt").open(encoding="utf-8") as handle:
        for line in handle:
            parts = line.split()
            if len(parts) == 3:
                tag = numbers.get(parts[2])
                if tag is None:
                    tag = numbers[parts[2]] = len(_TAGS)
                    _TAGS.append(parts[2])
                entries[parts[0]] = int(parts[1]) * 64 + tag
    return entries


_DICTIONARY: Final = Lazy(_load_dictionary)


def dictionary_entry(word: str) -> tuple[int, str] | None:
    """(frequency, tag) of ``word`` in jieba's dictionary, or None. (Not remembered: one lookup and a tuple cost
    less than a cache's key and recency list.)"""
    packed = _dictionary().get(word)
    return None if packed is None else (packed >> 6, _TAGS[packed & 63])


def given_name_counts() -> Counter[str]:
    return _GIVEN_NAME_COUNTS.get()


def _count_given_name_characters() -> Counter[str]:
    """How often each character appears in the given names of the dictionary's 3-character names."""
    # (one Counter over every character at once: a Counter.update per word cost 0.1 s of each warm-up)
    return Counter(itertools.chain.from_iterable(
        word[1:] for word, packed in _dictionary().items()
        if _TAGS[packed & 63] == "nr" and len(word) == 3 and word[0] in SURNAMES))


_GIVEN_NAME_COUNTS: Final = Lazy(_count_given_name_characters)


def word_usage_counts() -> Counter[str]:
    return _WORD_USAGE_COUNTS.get()


def _count_word_usage() -> Counter[str]:
    """In how many ordinary dictionary words (not names) each character appears."""
    return Counter(itertools.chain.from_iterable(
        set(word) for word, packed in _dictionary().items()
        if not _TAGS[packed & 63].startswith("nr") and packed >> 6 >= 5 and len(word) >= 2))


_WORD_USAGE_COUNTS: Final = Lazy(_count_word_usage)


def split_surname(name: str) -> tuple[str, str] | None:
    """(surname, given name) when ``name`` starts with a known surname."""
    if name[:2] in COMPOUND_SURNAMES and len(name) >= 3:
        return name[:2], name[2:]
    if name[:1] in SURNAMES and len(name) >= 2:
        return name[:1], name[1:]
    return None


def given_name_score(given: str) -> int:
    """The weakest character's count: a given name is as plausible as its least name-like character."""
    if not given or any(c in NOT_GIVEN for c in given):
        return 0
    counts = given_name_counts()
    usage = word_usage_counts()
    # A rare character (琛, 聿) is name-like precisely because ordinary words hardly use it.
    return min(counts.get(c, 0) if counts.get(c, 0) >= 3 or usage.get(c, 0) > 30 else 20 for c in given)


def mostly_transliterated(name: str) -> bool:
    """At least two thirds of the characters are ones foreign names use (克林顿, 基里延科)."""
    return len(name) >= 2 and 3 * sum(c in TRANSLIT_CHARS for c in name) >= 2 * len(name)


def is_transliterated(name: str) -> bool:
    parts = [p for p in name.replace("·", "•").split("•") if p]
    return bool(parts) and all(len(p) >= 2 and all(c in TRANSLIT_CHARS for c in p) for p in parts)


def _ordinary(word: str) -> bool:
    entry = dictionary_entry(word)
    return entry is not None and entry[1] in ORDINARY_TAGS and entry[0] >= 50


# A last character that makes a place of a name-shaped word (张家口, 柳行村, 韩村河, 王府井).
PLACE_FINALS: Final = frozenset("村镇乡县区市省州寺庄屯寨河湖路街港口沟峡坝营洼堡铺集井巷弄")
ORDINARY_TAGS: Final = frozenset({"n", "v", "a", "d", "l", "i", "vn", "ad", "an", "nz", "m", "q", "r", "p", "c", "u"})


def chinese_name_strength(name: str) -> int:
    """0 = not a name; 1 = possible (needs context: a title, a verb of saying); 2 = a name on its own.

    Remembered per name (asked some 50,000 times per million characters).
    """
    known = _NAME_STRENGTHS.get(name)
    if known is None:
        known = remember(_NAME_STRENGTHS, name, _name_strength(name))
    return known


_NAME_STRENGTHS: Final[dict[str, int]] = {}


def _name_strength(name: str) -> int:
    split = split_surname(name)
    if split is None or not 2 <= len(name) <= 4:
        return 0
    surname, given = split
    if given.startswith("某"):
        return 2 if set(given) <= set("某") or len(given) == 2 else 0
    if len(given) > 2 or name[-1] in PLACE_FINALS:
        return 0
    from zhetl.gazetteer import is_place_name

    if is_place_name(name):
        return 0
    score = given_name_score(given)
    entry = dictionary_entry(name)
    if score < 3 or (entry is not None and entry[1] in ORDINARY_TAGS and entry[0] >= 3):
        return 0
    if entry is not None and entry[0] >= 100 and name[-1] == "江":
        return 0  # 钱塘江, 嘉陵江: rivers the dictionary files as names
    rare_or_unknown = entry is None or surname not in COMMON_SURNAMES
    if len(name) == 3 and len(surname) == 1 and (_ordinary(name[:2]) or (rare_or_unknown and _ordinary(given))):
        return 0  # 幸存|者, 白|衬衫, 相|衔接: a word plus a character, not a surname plus a given name
    if len(given) == 2 or len(surname) == 2:
        # A word the dictionary lacks (jieba guessed it) with plausible characters is a name on its own.
        return 2 if score >= 20 or (entry is None and score >= 5) or (entry is not None and entry[1].startswith("nr")) \
            else 1
    # Two characters: a common surname and a given-name character; only context makes it certain.
    return 1 if surname in COMMON_SURNAMES and score >= 40 else 0
