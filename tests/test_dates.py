import re
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from zhetl.dates import _GUARDED, _PATTERNS, _TRIGGER_CHARS, _TRIGGER_WORDS, _may_match, find_dates

REF = date(2021, 3, 9)


@pytest.mark.parametrize(("text", "mention", "kind", "start", "end", "granularity"), [
    ("2021年3月9日", "2021年3月9日", "absolute", date(2021, 3, 9), date(2021, 3, 9), "day"),
    ("发布于2021-03-09", "2021-03-09", "absolute", date(2021, 3, 9), date(2021, 3, 9), "day"),
    ("2021/3/9", "2021/3/9", "absolute", date(2021, 3, 9), date(2021, 3, 9), "day"),
    ("二〇二一年三月九日", "二〇二一年三月九日", "absolute", date(2021, 3, 9), date(2021, 3, 9), "day"),
    ("2020年12月", "2020年12月", "absolute", date(2020, 12, 1), date(2020, 12, 31), "month"),
    ("2020年底", "2020年底", "absolute", date(2020, 11, 1), date(2020, 12, 31), "month"),
    ("2021年第一季度", "2021年第一季度", "absolute", date(2021, 1, 1), date(2021, 3, 31), "quarter"),
    ("2021年上半年", "2021年上半年", "absolute", date(2021, 1, 1), date(2021, 6, 30), "half"),
    ("今年7月", "今年7月", "relative", date(2021, 7, 1), date(2021, 7, 31), "month"),
    ("去年", "去年", "relative", date(2020, 1, 1), date(2020, 12, 31), "year"),
    ("6月30日前", "6月30日", "partial", date(2021, 6, 30), date(2021, 6, 30), "day"),
    ("“十三五”期间", "十三五", "period", date(2016, 1, 1), date(2020, 12, 31), "period"),
    ("2019年至2021年", "2019年至2021年", "period", date(2019, 1, 1), date(2021, 12, 31), "period"),
])
def test_resolution(text, mention, kind, start, end, granularity) -> None:
    found = find_dates(text, REF)
    assert len(found) == 1, found
    d = found[0]
    assert (d.text, d.kind, d.start_date, d.end_date, d.granularity) == (mention, kind, start, end, granularity)
    assert text[d.start:d.end] == mention


@pytest.mark.parametrize("text", ["20__年", "__年底", "20××年"])
def test_redacted_years_are_never_invented(text: str) -> None:
    (d,) = find_dates(text, REF)
    assert d.redacted and d.start_date is None and d.kind == "redacted"


def test_relative_without_reference_stays_unresolved() -> None:
    (d,) = find_dates("去年", None)
    assert d.kind == "relative" and d.start_date is None


def test_durations_are_not_dates() -> None:
    assert find_dates("用了3年时间", REF) == []


@pytest.mark.parametrize(("text", "mention", "start", "end", "granularity"), [
    ("97年出生", "97年", date(1997, 1, 1), date(1997, 12, 31), "year"),
    ("98年4月", "98年4月", date(1998, 4, 1), date(1998, 4, 30), "month"),
    ("今年年底", "今年年底", date(2021, 11, 1), date(2021, 12, 31), "month"),
    ("昨天", "昨天", date(2021, 3, 8), date(2021, 3, 8), "day"),
    ("下周一", "下周一", date(2021, 3, 15), date(2021, 3, 15), "day"),
    ("上个月", "上个月", date(2021, 2, 1), date(2021, 2, 28), "month"),
    ("近三年来", "近三年来", date(2019, 1, 1), date(2021, 3, 9), "period"),
    ("2019年国庆节", "2019年国庆节", date(2019, 10, 1), date(2019, 10, 1), "day"),
    ("2019年春节", "2019年春节", date(2019, 2, 5), date(2019, 2, 5), "day"),
    ("第一季度", "第一季度", date(2021, 1, 1), date(2021, 3, 31), "quarter"),
    ("2021—2025年", "2021—2025年", date(2021, 1, 1), date(2025, 12, 31), "period"),
    ("2017年8月至11月", "2017年8月至11月", date(2017, 8, 1), date(2017, 11, 30), "period"),
    ("2019年4月12-19日", "2019年4月12-19日", date(2019, 4, 12), date(2019, 4, 19), "period"),
    ("上世纪80年代", "上世纪80年代", date(1980, 1, 1), date(1989, 12, 31), "period"),
    ("今年前三季度", "今年前三季度", date(2021, 1, 1), date(2021, 9, 30), "period"),
    ("两年前", "两年前", date(2019, 1, 1), date(2019, 12, 31), "year"),
])
def test_relative_partial_and_ranges(text, mention, start, end, granularity) -> None:
    found = find_dates(text, REF)
    assert [(d.text, d.start_date, d.end_date, d.granularity) for d in found] == [(mention, start, end, granularity)]


def test_unresolved_without_reference_and_redacted() -> None:
    assert [(d.kind, d.start_date) for d in find_dates("今年7月")] == [("relative", None)]
    found = find_dates("到20__年，__年底前完成")
    assert [(d.text, d.redacted, d.start_date) for d in found] == [("20__年", True, None), ("__年底", True, None)]


def test_last_year_follows_the_stated_year() -> None:
    found = find_dates("2019年全省农村居民人均可支配收入10756元，比上年增长11.5%", REF)
    assert [(d.text, d.start_date, d.end_date) for d in found] == [
        ("2019年", date(2019, 1, 1), date(2019, 12, 31)), ("上年", date(2018, 1, 1), date(2018, 12, 31))]
    assert find_dates("60岁以上年老体弱者", REF) == []


def test_party_congresses() -> None:
    since = find_dates("党的十八大以来，全国累计脱贫", REF)[0]
    assert (since.text, since.kind, since.start_date, since.end_date) == (
        "十八大以来", "period", date(2012, 11, 8), REF)
    congress = find_dates("十九大报告提出", REF)[0]
    assert (congress.text, congress.start_date) == ("十九大", date(2017, 10, 18))
    assert find_dates("第十九大", REF) == []


def test_same_period_follows_the_part_of_the_year_named_before() -> None:
    found = find_dates("今年1—2月，零售总额比去年同期增长34.7%，比2019年同期增长6.1%。", REF)
    assert [(d.text, d.start_date, d.end_date) for d in found] == [
        ("今年1—2月", date(2021, 1, 1), date(2021, 2, 28)),
        ("去年同期", date(2020, 1, 1), date(2020, 2, 29)),
        ("2019年同期", date(2019, 1, 1), date(2019, 2, 28))]


def test_since_this_year_and_plans() -> None:
    since = find_dates("今年以来，全市新增市场主体2.3万户", REF)[0]
    assert (since.text, since.start_date, since.end_date) == ("今年以来", date(2021, 1, 1), REF)
    plan = find_dates("十四五时期，全省力争", REF)[0]
    assert (plan.text, plan.start_date, plan.end_date) == ("十四五", date(2021, 1, 1), date(2025, 12, 31))


@pytest.mark.parametrize(("text", "mention"), [
    ("2020年中央财政投入衔接资金", "2020年"),
    ("2021年中国农村居民收入", "2021年"),
    ("2019年中西部地区", "2019年"),
    ("2019年中期评估", "2019年"),
    ("2022年中完成验收", "2022年中"),
])
def test_mid_year_is_not_the_start_of_the_next_word(text: str, mention: str) -> None:
    """年中 is mid-year only when 中 does not begin a word (中央, 中国, 中西部, 中期)."""
    assert find_dates(text, reference=REF)[0].text == mention


@pytest.mark.parametrize("text", ["生猪出栏1987.6万头", "产量2020.5吨", "收入2019.3亿元"])
def test_a_decimal_amount_is_no_dotted_date(text: str) -> None:
    """1987.6万头 is an amount; 2021.3 alone (or 2021.3.9) is still a date."""
    assert find_dates(text, reference=REF) == []
    assert [found.text for found in find_dates("于2021.3发布", reference=REF)] == ["2021.3"]


def test_year_du_census_moment_and_first_quarters() -> None:
    """2022年度 is the year; 11月1日零时 keeps its day; 前三季度 takes the year the sentence named."""
    assert [d.text for d in find_dates("开展2022年度考核", REF)] == ["2022年度"]
    census = find_dates("2020年11月1日零时全州常住人口", REF)[0]
    assert (census.text, census.start_date) == ("2020年11月1日", date(2020, 11, 1))
    quarters = find_dates("2020年一季度下降1.2%，前三季度转为增长3.4%。", REF)[-1]
    assert (quarters.text, quarters.start_date, quarters.end_date) == ("前三季度", date(2020, 1, 1), date(2020, 9, 30))
    assert find_dates("提前三个季度完成", REF) == []


def test_the_same_year_follows_the_year_stated() -> None:
    """当年 after 2018年 is 2018, not the reference year."""
    found = find_dates("2018年合作社成立，当年销售额300万元", REF)
    assert [(d.text, d.start_date) for d in found] == [("2018年", date(2018, 1, 1)), ("当年", date(2018, 1, 1))]


def test_month_end_is_its_last_third() -> None:
    """月底 and 月末 run from the 21st to the month's last day, as our report annotators read them."""
    end = find_dates("2021年2月底前完成", REF)[0]
    assert (end.start_date, end.end_date) == (date(2021, 2, 21), date(2021, 2, 28))
    assert find_dates("9月末", REF)[0].start_date == date(2021, 9, 21)


def test_seasons_of_a_year() -> None:
    """2022年夏季 is June to August; 冬季, which spans two years, is left out."""
    summer = find_dates("面对2022年夏季罕见旱情", REF)[0]
    assert (summer.text, summer.start_date, summer.end_date) == ("2022年夏季", date(2022, 6, 1), date(2022, 8, 31))


def test_the_same_year_follows_the_stated_year() -> None:
    """同年1月 after 2022年12月 is January 2022; 同年龄段 and 同年级 are no dates."""
    found = find_dates("2022年12月利率为4.86%，比同年1月下降0.41个百分点", REF)
    assert [(d.text, d.start_date, d.end_date) for d in found][1] == ("同年1月", date(2022, 1, 1), date(2022, 1, 31))
    assert find_dates("同年龄段人口和同年级学生", REF) == []


def test_the_same_period_last_year_follows_a_stated_stretch_of_months() -> None:
    """2024年1—9月…上年同期 is January to September 2023, not a year before the reference."""
    found = find_dates("2024年1—9月，外出务工人数较上年同期增加6.4万人", REF)
    assert [(d.text, d.start_date, d.end_date) for d in found][1] == ("上年同期", date(2023, 1, 1), date(2023, 9, 30))


def test_same_year_takes_the_year_an_earlier_sentence_stated() -> None:
    """同年4月6日 in the sentence after 2021年2月25日 is 6 April 2021, with or without a reference date."""
    assert [(d.text, d.start_date) for d in find_dates("同年4月6日，发布白皮书", None, stated_year=2021)] == [
        ("同年4月6日", date(2021, 4, 6))]
    assert [d.start_date for d in find_dates("今年计划完成", None, stated_year=2021)] == [None]


@pytest.mark.parametrize(("text", "start", "end"), [
    ("近三年，全县建成高标准农田18.5万亩。", date(2018, 1, 1), date(2020, 12, 31)),
    ("2023年，全县人均消费支出达到12680元，近三年年均增长7.2%。", date(2021, 1, 1), date(2023, 12, 31)),
    ("近三年，全县累计开展排查6轮，截至2024年底风险消除率达到81.7%。", date(2022, 1, 1), date(2024, 12, 31)),
    ("2015—2024年，全省生产总值年均增长6.1%，近三年年均增长5.4%。", date(2022, 1, 1), date(2024, 12, 31)),
])
def test_recent_years_are_whole_years_ending_in_the_year_stated(text: str, start: date, end: date) -> None:
    """近三年 in a report written early in 2021 is 2018–2020; in a sentence about 2023 it is 2021–2023."""
    recent = next(d for d in find_dates(text, date(2021, 3, 9)) if d.text == "近三年")
    assert (recent.start_date, recent.end_date) == (start, end)


def test_since_a_year_end_and_a_date_after_yi() -> None:
    """去年底以来 runs from November of last year to the reference day; 以去年11月1日为标准时点 is a day (以 before
    去年 is no 以前); a year the figures are compared with (是2015年的1.9倍) is not the year 上年 follows."""
    reference = date(2021, 3, 9)
    since = find_dates("去年底以来，全省开展回头看。", reference)
    assert [(d.text, d.start_date, d.end_date) for d in since] == [("去年底以来", date(2020, 11, 1), reference)]
    day = find_dates("以去年11月1日为标准时点。", reference)
    assert [(d.text, d.start_date) for d in day] == [("去年11月1日", date(2020, 11, 1))]
    compared = find_dates("2020年，教育支出是2015年的1.9倍，比上年提高0.8个百分点。", reference)
    assert ("上年", date(2019, 1, 1)) in [(d.text, d.start_date) for d in compared]


def test_full_width_years_are_dates() -> None:
    """２０２０年 is 2020, with the text as written."""
    found = find_dates("２０２０年，全市接待游客１．２亿人次。", date(2021, 3, 9))
    assert [(d.text, d.start_date, d.end_date) for d in found] == [("２０２０年", date(2020, 1, 1), date(2020, 12, 31))]


@pytest.mark.parametrize(("text", "mention", "start", "end"), [
    ("三年来，全省累计投入", "三年来", date(2018, 1, 1), date(2020, 12, 31)),
    ("4年来全县改造农村危房5432户", "4年来", date(2017, 1, 1), date(2020, 12, 31)),
    ("一年来投入了大量的财力", "一年来", date(2020, 1, 1), date(2020, 12, 31)),
])
def test_the_years_since_are_the_last_whole_years(text: str, mention: str, start: date, end: date) -> None:
    """五年来 in a report of early 2021: 2016–2020, as the readers who had only the specification read it."""
    assert [(d.text, d.kind, d.start_date, d.end_date) for d in find_dates(text, REF)] == \
        [(mention, "relative", start, end)]
    (unresolved,) = find_dates("三年来", None)
    assert unresolved.start_date is None


@pytest.mark.parametrize("text", ["二十多年来", "两年多来", "三年来说", "近百年来"])
def test_vague_years_since_are_no_dates(text: str) -> None:
    assert [d.text for d in find_dates(text, REF) if d.text.endswith("年来") and "近" not in d.text] == []


def test_two_digit_years_named_by_an_event_or_listed() -> None:
    assert [(d.text, d.start_date) for d in find_dates("97年、98年两次特大洪水后搬迁的库区移民", REF)] == \
        [("97年", date(1997, 1, 1)), ("98年", date(1998, 1, 1))]
    assert [(d.text, d.start_date) for d in find_dates("98年特大洪水后，08年地震后", REF)] == \
        [("98年", date(1998, 1, 1)), ("08年", date(2008, 1, 1))]
    for spans in ("使用期限70年、80年不等", "为期90年、95年", "承包期再延长30年"):
        assert find_dates(spans, REF) == []


def test_a_weekday_in_brackets_belongs_to_the_day_before_it() -> None:
    text = "2020年4月15日（星期三），县委书记带队检查"
    (d,) = find_dates(text, REF)
    assert (d.text, d.start_date, d.end_date) == ("2020年4月15日（星期三）", date(2020, 4, 15), date(2020, 4, 15))
    assert text[d.start:d.end] == d.text


_DATE_ALPHABET = ("年月日号天周星期礼拜季度世纪以来至今大十五二一三四两〇0123456789-/.节国庆元旦假劳动春除夕元宵端午"
                  "七中秋重阳腊八前后今去明本上下当次近过最初底末半第首农历阴个这")


@given(st.text(alphabet=_DATE_ALPHABET, max_size=14))
def test_a_date_pattern_is_skipped_only_where_it_cannot_match(text: str) -> None:
    """Each pattern runs only when its words are present (dates._NEEDS); where they are not, it finds nothing."""
    for pattern, needs in _GUARDED:
        assert _may_match(text, needs) or not pattern.search(text), pattern.pattern[:40]


def test_every_date_pattern_has_its_words() -> None:
    assert len(_GUARDED) == len(_PATTERNS) and all(needs for _, needs in _GUARDED)


@given(st.text(alphabet=_DATE_ALPHABET + "星期礼拜端午重阳七夕中秋元旦国庆大", max_size=14))
def test_the_two_trigger_scans_say_what_one_alternation_says(text: str) -> None:
    plain = re.compile(r"[年月日号天周季纪节旬夕宵腊假\d]|十[三四五六七八九]大|二十大|"
                       r"星期|礼拜|十[一二三四五]五|端午|重阳|七夕|中秋|元旦|国庆")
    assert bool(_TRIGGER_CHARS.search(text) or _TRIGGER_WORDS.search(text)) == bool(plain.search(text))
