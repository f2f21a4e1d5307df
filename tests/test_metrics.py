"""Metric, change, place and period of quantities: the facts analysts chart."""

import pytest

from zhetl.pipeline import analyse_sentence, facts_of


def links(text: str) -> list[tuple[str, str | None, str | None]]:
    found = analyse_sentence(text)
    return [(q.text, link.metric, link.change) for q, link in zip(found.quantities, found.links, strict=True)]


@pytest.mark.parametrize(("text", "expected"), [
    ("贫困发生率由11.5%下降到2.7%", [("11.5%", "贫困发生率", "from"), ("2.7%", "贫困发生率", "to")]),
    ("农村贫困人口从2012年底的9899万人减少到2019年底的551万人",
     [("9899万人", "农村贫困人口", "from"), ("551万人", "农村贫困人口", "to")]),
    ("全市建档立卡贫困人口减少40.6466万人", [("40.6466万人", "建档立卡贫困人口", "delta")]),
    ("农村居民人均可支配收入增长8.5%", [("8.5%", "农村居民人均可支配收入", "delta")]),
    ("全省共有7262个贫困村", [("7262个", "贫困村", "level")]),
    ("城镇新增就业达到1100万人", [("1100万人", "城镇新增就业", "level")]),
    ("集中了全省75.3%的贫困人口", [("75.3%", "贫困人口", "level")]),
    ("全国还有52个贫困县未摘帽", [("52个", "贫困县", "level")]),
    ("带动茶农4.2万户、户均增收1.1万元", [("4.2万户", "茶农", "level"), ("1.1万元", "户均增收", "delta")]),
    ("公桥乡贫困人员2843户9993人，下降到644户1843人",
     [("2843户", "贫困人员", "level"), ("9993人", "贫困人员", "level"), ("644户", "贫困人员", "to"),
      ("1843人", "贫困人员", "to")]),
])
def test_metric_and_change(text, expected) -> None:
    assert links(text) == expected


def test_facts_carry_place_and_period() -> None:
    found = analyse_sentence("贵州省贫困发生率由2012年的26.8%下降到2019年的0.85%。")
    facts = facts_of(found)
    assert [(f["metric"], f["value"], f["change"], f["place"], f["admin_code"], f["period_text"]) for f in facts] == [
        ("贫困发生率", 26.8, "from", "贵州省", "520000", "2012年"),
        ("贫困发生率", 0.85, "to", "贵州省", "520000", "2019年")]


def test_scope_word_reads_the_documents_place() -> None:
    places: list = []
    analyse_sentence("阜阳市召开会议。", document_places=places)
    found = analyse_sentence("全市建档立卡贫困人口减少到1.8万人。", document_places=places)
    fact = facts_of(found, 0, places)[0]
    assert (fact["place"], fact["admin_code"]) == ("阜阳市", "341200")


def test_seed_claims(shared) -> None:
    """On the seeds every 20__年 is a redacted date, and 贫困发生率由11.5%下降到2.7% gives two facts."""
    import re

    from zhetl.pipeline import Settings, process_document

    facts = []
    for path in sorted((shared / "corpus" / "seeds").iterdir()):
        tables = process_document(path.read_bytes(), path.name, Settings()).tables
        text = tables["document_texts"][0]["text"]
        redacted = {d["char_start"] for d in tables["dates"] if d["redacted"]}
        assert all(m.start() in redacted for m in re.finditer(r"20__年", text))
        facts += [(f["metric"], f["text"], f["change"]) for f in tables["facts"]]
    assert ("贫困发生率", "11.5%", "from") in facts and ("贫困发生率", "2.7%", "to") in facts


@pytest.mark.parametrize(("text", "expected"), [
    ("第一、二、三产业增加值分别增长5.8%、4.9%和6.8%。", ["第一产业增加值", "第二产业增加值", "第三产业增加值"]),
    ("城镇居民和农村居民人均可支配收入分别达到38540元和14670元",
     ["城镇居民人均可支配收入", "农村居民人均可支配收入"]),
    ("中央资金1120亿元、省级资金436.8亿元，分别占60.3%和23.5%。", ["中央资金", "省级资金", "中央资金", "省级资金"]),
])
def test_distributive_lists(text, expected) -> None:
    assert [metric for _, metric, _ in links(text)] == expected
