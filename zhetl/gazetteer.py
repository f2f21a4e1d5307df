"""Places we can name for sure: China's administrative divisions (from the cpca package) and countries.

The division list ships inside the ``cpca`` package (adcodes.csv: province, prefecture and county
levels); we read it in place, without importing cpca (which pulls in pandas at import time). A name that
several divisions share (朝阳区) resolves only when a place before it in the same chain narrows it down.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Final

from zhetl.memo import Lazy
from zhetl.packagefiles import package_file

# Our own list of country and region names as written in Chinese news (facts, not copied text).
COUNTRIES: Final = frozenset("""
中国 美国 英国 法国 德国 俄罗斯 日本 韩国 朝鲜 印度 巴基斯坦 孟加拉国 阿富汗 伊朗 伊拉克 叙利亚 约旦 黎巴嫩
以色列 巴勒斯坦 沙特阿拉伯 沙特 阿联酋 卡塔尔 科威特 阿曼 也门 巴林 土耳其 埃及 利比亚 突尼斯 阿尔及利亚 摩洛哥
苏丹 南苏丹 埃塞俄比亚 肯尼亚 坦桑尼亚 乌干达 卢旺达 刚果 尼日利亚 加纳 塞内加尔 马里 尼日尔 乍得 喀麦隆 安哥拉
赞比亚 津巴布韦 莫桑比克 马达加斯加 南非 纳米比亚 博茨瓦纳 索马里 吉布提 厄立特里亚 几内亚 科特迪瓦 多哥 贝宁
加蓬 毛里求斯 塞舌尔 越南 老挝 柬埔寨 泰国 缅甸 马来西亚 新加坡 印度尼西亚 印尼 菲律宾 文莱 东帝汶 蒙古 尼泊尔
不丹 斯里兰卡 马尔代夫 哈萨克斯坦 乌兹别克斯坦 吉尔吉斯斯坦 塔吉克斯坦 土库曼斯坦 阿塞拜疆 格鲁吉亚 亚美尼亚
乌克兰 白俄罗斯 摩尔多瓦 波兰 捷克 斯洛伐克 匈牙利 罗马尼亚 保加利亚 塞尔维亚 克罗地亚 斯洛文尼亚 波黑 黑山
北马其顿 马其顿 阿尔巴尼亚 希腊 意大利 西班牙 葡萄牙 荷兰 比利时 卢森堡 瑞士 奥地利 瑞典 挪威 芬兰 丹麦 冰岛
爱尔兰 爱沙尼亚 拉脱维亚 立陶宛 马耳他 塞浦路斯 摩纳哥 梵蒂冈 加拿大 墨西哥 古巴 牙买加 海地 多米尼加 危地马拉
洪都拉斯 萨尔瓦多 尼加拉瓜 哥斯达黎加 巴拿马 哥伦比亚 委内瑞拉 厄瓜多尔 秘鲁 玻利维亚 巴西 巴拉圭 乌拉圭 阿根廷
智利 苏里南 圭亚那 澳大利亚 新西兰 斐济 巴布亚新几内亚 萨摩亚 汤加 瓦努阿图 所罗门群岛 基里巴斯 苏联 南斯拉夫
欧盟 欧洲 亚洲 非洲 美洲 北美 南美 拉美 大洋洲 中东 亚太 东南亚 南亚 中亚 西亚 东亚 北非 西欧 东欧
""".split())

# Our own list of foreign cities, regions and landmarks news names often (the dictionary files some as people).
WORLD_PLACES: Final = frozenset("""
莫斯科 圣彼得堡 伦敦 巴黎 柏林 罗马 马德里 里斯本 维也纳 布鲁塞尔 阿姆斯特丹 日内瓦 苏黎世 斯德哥尔摩 奥斯陆 赫尔辛基
哥本哈根 华沙 布拉格 布达佩斯 布加勒斯特 索非亚 贝尔格莱德 雅典 伊斯坦布尔 安卡拉 基辅 明斯克 纽约 华盛顿 洛杉矶 芝加哥
旧金山 西雅图 波士顿 休斯敦 费城 底特律 迈阿密 亚特兰大 拉斯维加斯 夏威夷 阿拉斯加 加利福尼亚 加州 得克萨斯 德克萨斯
肯塔基 佛罗里达 渥太华 多伦多 温哥华 蒙特利尔 墨西哥城 哈瓦那 巴西利亚 里约热内卢 圣保罗 布宜诺斯艾利斯 圣地亚哥 利马
波哥大 加拉加斯 东京 大阪 京都 横滨 名古屋 神户 广岛 长崎 札幌 冲绳 首尔 汉城 釜山 平壤 板门店 河内 胡志明市 金边 万象
曼谷 仰光 吉隆坡 雅加达 马尼拉 新德里 德里 孟买 加尔各答 伊斯兰堡 卡拉奇 喀布尔 德黑兰 巴格达 大马士革 贝鲁特 安曼
耶路撒冷 特拉维夫 加沙 约旦河西岸 利雅得 麦加 迪拜 阿布扎比 多哈 开罗 亚历山大港 的黎波里 突尼斯城 阿尔及尔 拉巴特
内罗毕 亚的斯亚贝巴 拉各斯 阿布贾 约翰内斯堡 开普敦 比勒陀利亚 哈拉雷 卢萨卡 悉尼 墨尔本 堪培拉 惠灵顿 奥克兰
乌兰巴托 阿拉木图 阿斯塔纳 塔什干 比什凯克 杜尚别 阿什哈巴德 第比利斯 埃里温 巴库 科索沃 车臣 克里米亚 西伯利亚
巴尔干 中东 海湾 波斯湾 地中海 太平洋 大西洋 印度洋 北冰洋 南极 北极 南极洲 喜马拉雅 阿尔卑斯 亚马孙 尼罗河 多瑙河
地球 月球 火星 木星 土星 金星 水星 太阳系 银河系 莱茵河 伏尔加河 密西西比河 湄公河 恒河 苏伊士运河
巴拿马运河 法兰克福 汉堡 慕尼黑 科隆 波恩 米兰 威尼斯 佛罗伦萨
那不勒斯 巴塞罗那 马赛 里昂 曼彻斯特 利物浦 爱丁堡 牛津 剑桥 海牙 鹿特丹 安特卫普 达沃斯 洛桑 戛纳 摩纳哥
""".split())

_SUFFIXES: Final = ("特别行政区", "维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "自治州", "自治县", "自治旗",
                    "地区", "林区", "新区", "矿区", "省", "市", "县", "区", "旗", "盟")
# The 56 ethnic groups, longest first, to strip them from autonomous units' names (恩施土家族苗族自治州 → 恩施).
ETHNIC_GROUPS: Final = tuple(sorted("""
汉 壮 回 维吾尔 藏 蒙古 苗 彝 布依 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 拉祜 水 东乡 纳西 景颇 柯尔克孜 土
达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 怒 鄂温克 德昂 保安 裕固 京 独龙 鄂伦春 赫哲 门巴
珞巴 基诺 满 朝鲜 俄罗斯 乌孜别克 塔塔尔 高山 各
""".split(), key=len, reverse=True))
MUNICIPALITIES: Final = frozenset({"11", "12", "31", "50"})


@dataclass(frozen=True)
class Division:
    code: str  # six digits: province (xx0000), prefecture (xxxx00) or county
    name: str

    @property
    def level(self) -> str:
        if self.code.endswith("0000"):
            return "province"
        return "city" if self.code.endswith("00") else "county"

    def contains(self, other: Division) -> bool:
        width = {"province": 2, "city": 4, "county": 6}[self.level]
        return other.code.startswith(self.code[:width]) and other.code != self.code


def _adcodes_path() -> Path:
    return package_file("cpca", "resources", "adcodes.csv")


@lru_cache(maxsize=1)
def divisions() -> dict[str, Division]:
    """Every division by its six-digit code."""
    result: dict[str, Division] = {}
    with _adcodes_path().open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            name, code = row["name"].strip(), row["adcode"][:6]
            if name and "辖" not in name and code not in result:
                result[code] = Division(code, name)
    return result


def short_name(name: str) -> str:
    """广西壮族自治区 → 广西, 恩施土家族苗族自治州 → 恩施, 乐业县 → 乐业; names of 2 characters stay."""
    for suffix in _SUFFIXES:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            stem = name[: -len(suffix)]
            return _strip_ethnic(stem) if suffix.startswith("自治") else stem
    return name


def _strip_ethnic(stem: str) -> str:
    while stem.endswith("族"):
        for group in ETHNIC_GROUPS:
            if stem.endswith(group + "族") and len(stem) - len(group) - 1 >= 2:
                stem = stem[: -len(group) - 1]
                break
        else:
            break
    return stem


def _index() -> tuple[dict[str, tuple[Division, ...]], dict[str, tuple[Division, ...]]]:
    return _INDEX.get()


def _build_index() -> tuple[dict[str, tuple[Division, ...]], dict[str, tuple[Division, ...]]]:
    full: dict[str, list[Division]] = {}
    short: dict[str, list[Division]] = {}
    for division in divisions().values():
        full.setdefault(division.name, []).append(division)
        stem = short_name(division.name)
        if stem != division.name and len(stem) >= 2:
            short.setdefault(stem, []).append(division)
    return ({k: tuple(v) for k, v in full.items()}, {k: tuple(v) for k, v in short.items()})


_INDEX: Final = Lazy(_build_index)


def full_names() -> dict[str, tuple[Division, ...]]:
    return _index()[0]


def candidates(name: str) -> tuple[Division, ...]:
    """Divisions ``name`` may denote: by full name first, else by short name (贵州, 百色)."""
    full, short = _index()
    return full.get(name) or short.get(name, ())


def is_place_name(name: str) -> bool:
    """A known division (full or short name), country or foreign place."""
    return name in COUNTRIES or name in WORLD_PLACES or bool(candidates(name))


def resolve(name: str, context: list[Division], require_context: bool = False) -> Division | None:
    """The one division ``name`` denotes given the places before it, or None when it stays ambiguous.

    With ``require_context`` only an ambiguous name that the context narrows to one is resolved (the
    document-level pass: a unique name was already resolved in its own sentence).
    """
    found = candidates(name)
    if require_context and len(found) < 2:
        return None
    if context:
        narrowed = [d for d in found if any(c.contains(d) for c in context)]
        if narrowed:
            found = tuple(narrowed)
        elif require_context:
            return None
    if len(found) > 1:
        # 吉林 = 吉林省 or its 吉林市, 恩施 = the prefecture or its seat: the unit containing the others.
        tops = [d for d in found if all(d.contains(o) for o in found if o is not d)]
        found = tuple(tops)
    return found[0] if len(found) == 1 else None


def hierarchy(division: Division) -> dict[str, str | None]:
    """Province, city and county names of a division (the levels above it, and itself)."""
    table = divisions()
    province = table.get(division.code[:2] + "0000")
    city = table.get(division.code[:4] + "00") if division.level != "province" else None
    if city is None and division.level == "county" and division.code[:2] in MUNICIPALITIES:
        city = province  # 北京市朝阳区: the municipality is the city level too
    return {
        "province": province.name if province else None,
        "city": city.name if city else None,
        "county": division.name if division.level == "county" else None,
    }
