"""The sentence-level readings of zhetl.metric_context, one by one (end to end in test_metrics.py)."""

import pytest

from zhetl.metric_context import MetricLink, named_in_sentence
from zhetl.pipeline import analyse_sentence
from zhetl.segment import tokenize


@pytest.mark.parametrize(("text", "metric", "expected"), [
    ("农村自来水普及率目标为90%", "农村自来水普及率目标", "农村自来水普及率"),
    ("其中工资性收入占比为64.3%", "工资性收入占比", "工资性收入占比"),  # the share, as the specification reads it
    ("超过10万元的村占比达到41.6%", "村占比", "村占比"),
    ("全省实现减贫62.4万人", None, "减贫"),
    ("丰产茶园每亩产值达到6000元以上", "产值", "丰产茶园每亩产值"),  # a value per mu, and the land it is counted on
    ("较传统种粮每亩收益增加4000多元", "收益", "每亩收益"),  # (not the standard it is compared with)
])
def test_named_in_sentence(text, metric, expected) -> None:
    tokens = tokenize(text)
    start = next(t.start for t in tokens if t.pos == "m" and t.token[0].isdigit())
    assert named_in_sentence(tokens, start, "", MetricLink(metric, "level"), []).metric == expected


def test_whether_the_risk_was_removed_names_the_monitored() -> None:
    """已消除风险的监测对象, 未消除风险的监测对象: the clause is part of whom the figure counts."""
    found = analyse_sentence("其中已消除风险的监测对象占比超过七成，未消除风险的监测对象由2100户下降到860户。")
    assert [(q.text, link.metric, link.change) for q, link in zip(found.quantities, found.links, strict=True)] == [
        ("超过七成", "已消除风险的监测对象占比", "level"), ("2100户", "未消除风险的监测对象", "from"),
        ("860户", "未消除风险的监测对象", "to")]


def test_a_standard_set_at_an_income_is_the_standards_figure() -> None:
    """防止返贫监测范围调整为年人均纯收入7500元 is the standard's figure; a band of it stays the income's."""
    found = analyse_sentence("2023年，全省防止返贫监测范围调整为年人均纯收入7500元，较上年提高了700元。")
    assert [(q.text, link.metric, link.change) for q, link in zip(found.quantities, found.links, strict=True)] == [
        ("7500元", "防止返贫监测范围", "level"), ("700元", "防止返贫监测范围", "delta")]
    found = analyse_sentence("全县防返贫监测范围为年人均纯收入6600元以下的农户。")
    assert [link.metric for link in found.links] == ["年人均纯收入"]


def test_a_rate_of_change_names_what_changes_past_its_period() -> None:
    """财政专项扶贫资金每年增幅不低于8%: the funds' rate, past 每年 and the time 过渡期内 before them."""
    found = analyse_sentence("我省明确过渡期内财政专项扶贫资金每年增幅不低于8%，风险消除率约为百分之六十八。")
    assert [link.metric for link in found.links] == ["财政专项扶贫资金", "风险消除率"]


def test_a_yearly_share_of_a_total_built_and_a_level_kept() -> None:
    """累计建成X，年均建设N: the yearly share of X; 始终保持 leads to a figure and names nothing."""
    found = analyse_sentence("全县累计建成高标准农田32.6万亩，年均建设6.52万亩，县级财政投入占比始终保持在20%以上。")
    assert [link.metric for link in found.links] == ["高标准农田", "高标准农田", "县级财政投入占比"]
