"""The word lists and tag sets the metric rules share (most lists live in ``data/metric_words.txt``)."""

from __future__ import annotations

from typing import Final

from zhetl.wordlists import load_word_lists

CLAUSE_BREAKS: Final = frozenset("，,。；;！？!?：:（）()“”\"")
NOUN_TAGS: Final = frozenset({"n", "nz", "vn", "nt", "an", "ng", "nrt", "j", "nl", "ns", "s", "nr", "l", "zg"})
MODIFIER_TAGS: Final = frozenset({"b", "a", "v", "l", "vd", "z"})
LEADING_DROP_TAGS: Final = frozenset({"v", "d", "p", "c", "u", "uj", "ul", "r", "m", "q", "f", "vd", "ad"})
FROM_WORDS: Final = frozenset({"由", "从"})
TO_WORDS: Final = frozenset({"到", "至", "为"})
CHANGE_VERBS: Final = ("下降", "减少", "增加", "增长", "提高", "降低", "上升", "扩大", "缩小", "提升", "减", "增", "降",
                       "升", "回落", "压缩", "缩减", "翻", "上涨", "下跌", "精简", "压降", "削减")
DELTA_VERBS: Final = frozenset({*CHANGE_VERBS, "新增", "净增", "净减", "增收", "减贫", "多", "少"})

_WORDS: Final = load_word_lists("metric_words.txt")
AVERAGE_WORDS: Final = _WORDS["AVERAGE_WORDS"]
TIME_AVERAGES: Final = _WORDS["TIME_AVERAGES"]
PURE_CHANGES: Final = _WORDS["PURE_CHANGES"]
COMPARISONS: Final = _WORDS["COMPARISONS"]
RATIO_VERBS: Final = _WORDS["RATIO_VERBS"]
COMPOUND_VERBS: Final = _WORDS["COMPOUND_VERBS"]
ACTIVITY_UNITS: Final = _WORDS["ACTIVITY_UNITS"]
GENERIC_NOUNS: Final = _WORDS["GENERIC_NOUNS"]
FUNCTION_VERBS: Final = _WORDS["FUNCTION_VERBS"]
CONTINUATIONS: Final = _WORDS["CONTINUATIONS"]
REACH_WORDS: Final = _WORDS["REACH_WORDS"]
LEADING_VERBS: Final = _WORDS["LEADING_VERBS"]
SKIP_WORDS: Final = _WORDS["SKIP_WORDS"]
SCOPE_WORDS: Final = _WORDS["SCOPE_WORDS"]
COUNT_AFTER_UNITS: Final = _WORDS["COUNT_AFTER_UNITS"] | {""}
MONEY_OR_MEASURE: Final = _WORDS["MONEY_OR_MEASURE"]
DURATION_OR_AGE: Final = _WORDS["DURATION_OR_AGE"]
PHRASE_STOPS: Final = _WORDS["PHRASE_STOPS"]
RATE_WORDS: Final = _WORDS["RATE_WORDS"]
RATIO_UNITS: Final = frozenset({"%", "倍", "成", "‰", ""})
MODIFIER_VERBS: Final = _WORDS["MODIFIER_VERBS"]
# Modifiers that only open a noun (参与企业, 入驻供应商), never trail it as what people do (贫困人口|参与|产业).
PREFIX_MODIFIERS: Final = frozenset({"参与", "注册", "入驻", "停车", "审批"})
INNER_DETERMINERS: Final = _WORDS["INNER_DETERMINERS"]
# (1436名符合条件的脱贫人口)
CONDITIONS: Final = frozenset("符合条件 具备条件 满足条件 有劳动能力 有劳动力 无劳动能力".split())
VERB_NOUN_HEADS: Final = _WORDS["VERB_NOUN_HEADS"]
# Verbs whose object is the people a figure counts (jieba often tags them vn).
PEOPLE_VERBS: Final = frozenset("培训 救助 资助 慰问 走访 招聘 表彰 选派 培养 救治 接收 吸纳".split())
PEOPLE_HEADS: Final = ("人口", "群众", "户", "人员", "劳动力", "干部", "学生", "儿童", "老人", "农民", "居民", "职工",
                       "家庭")
COUNT_HEADS: Final = frozenset({"人数", "户数", "人次", "家庭数", "村数"})
# What a count of people, households or places counts ends so (农户, 村民, 监测对象, 自然村, 鲁企, 市州, 技术骨干).
COUNTED_HEADS: Final = ("人", "口", "民", "户", "员", "者", "生", "师", "农", "工", "众", "童", "对象", "干部", "家庭",
                        "劳动力", "村", "企", "县", "县（区）", "乡", "镇", "省区", "省份", "市州", "区县", "县区",
                        "骨干", "人才")
ORGANISATION_HEADS: Final = ("单位", "企业", "企", "机构", "社", "院", "所", "站", "店", "馆", "公司", "厂", "园",
                             "基地")
# what a span of time can measure
TIME_HEADS: Final = ("时间", "期限", "时长", "年限", "用时", "期", "工期", "周期", "时限", "天数")
NEGATIONS: Final = frozenset({"未", "不", "非", "没有"})  # 未|分配|收益, 不|符合|条件的: part of what they negate
COUNTED_ATTRIBUTES: Final = frozenset("收入 纯收入 人均纯收入 比例 比重 占比".split())  # what a counted noun has
PERIOD_WORDS: Final = frozenset({"全年", "当年", "年内", "全年度"})  # jieba tags 全年 m, not t
