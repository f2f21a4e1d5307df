import json

import pytest

from zhetl.numerals import parse_chinese_integer, parse_number


@pytest.mark.parametrize(("text", "value"), [
    ("七千二百六十二", 7262), ("40.6466万", 406466), ("1万6千", 16000), ("1亿3千万", 130000000), ("两", 2),
    ("十五", 15), ("三千五", 3500), ("一万五", 15000), ("一百零五", 105), ("三亿五千万", 350000000),
    ("一万亿", 1e12), ("1,234", 1234), ("一九九七", 1997), ("二〇二一", 2021), ("3.5亿", 3.5e8),
    ("壹万贰仟", 12000), ("三点五", 3.5), ("一千零一十", 1010),
])
def test_parse_number(text: str, value: float) -> None:
    assert parse_number(text) == pytest.approx(value)


def test_not_a_numeral() -> None:
    with pytest.raises(ValueError):
        parse_chinese_integer("书记")


def test_cn2an_gold_integers(shared) -> None:
    cases = json.loads((shared / "gold/cn2an/cn2an_cases.json").read_text(encoding="utf-8"))
    strict = cases["cn2an_test"]["strict_data_dict"]
    pairs = [(k, v) for k, v in strict.items()
             if isinstance(v, int | float) and not any(c in k for c in "负点分之-.元圆")][:200]
    if not pairs:
        pytest.skip("cn2an gold has no strict integer cases in the expected layout")
    wrong = [(k, v, parse_number(k)) for k, v in pairs if parse_number(k) != pytest.approx(v)]
    assert len(wrong) <= len(pairs) * 0.02, wrong[:10]


def test_fold_width_keeps_offsets_and_a_lone_full_width_o() -> None:
    """One character for one; 二Ｏ二一年 keeps its Ｏ (read as zero elsewhere), and text with nothing to fold is
    returned as it is."""
    from zhetl.numerals import fold_width

    assert fold_width("下降１２．６％，共１，０４６处") == "下降12.6%，共1,046处"
    assert fold_width("二Ｏ二一年") == "二Ｏ二一年"
    text = "全县，共有"
    assert fold_width(text) is text
