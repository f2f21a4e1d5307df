from datetime import date

import pytest

from zhetl.dates import find_dates

REF = date(2021, 3, 9)


@pytest.mark.parametrize(("text", "mention", "kind", "start", "end", "granularity"), [
    ("2021年3月9日", "2021年3月9日", "absolute", date(2021, 3, 9), date(2021, 3, 9), "day"),
    ("发布于2021-03-09", "2021-03-09", "absolute", date(2021, 3, 9), date(2021, 3, 9), "day"),
    ("2021/3/9", "2021/3/9", "absolute", date(2021, 3, 9), date(2021, 3, 9), "day"),
    ("二〇二一年三月九日", "二〇二一年三月九日", "absolute", date(2021, 3, 9), date(2021, 3, 9), "day"),
    ("2020年12月", "2020年12月", "absolute", date(2020, 12, 1), date(2020, 12, 31), "month"),
    ("2020年底", "2020年底", "absolute", date(2020, 12, 1), date(2020, 12, 31), "month"),
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
