from zhetl import gazetteer


def test_division_list_comes_from_cpca() -> None:
    table = gazetteer.divisions()
    assert len(table) > 3000
    assert table["110105"].name == "朝阳区" and table["110105"].level == "county"


def test_short_names_strip_suffixes_and_ethnic_groups() -> None:
    assert gazetteer.short_name("广西壮族自治区") == "广西"
    assert gazetteer.short_name("恩施土家族苗族自治州") == "恩施"
    assert gazetteer.short_name("乐业县") == "乐业"
    assert gazetteer.short_name("忠县") == "忠县"


def test_resolution_never_guesses() -> None:
    assert gazetteer.resolve("朝阳区", []) is None
    beijing = gazetteer.resolve("北京", [])
    assert beijing is not None and beijing.code == "110000"
    assert gazetteer.resolve("朝阳区", [beijing]).code == "110105"
    assert gazetteer.resolve("吉林", []).code == "220000"  # the province contains its namesake city


def test_hierarchy_for_municipality_districts() -> None:
    levels = gazetteer.hierarchy(gazetteer.divisions()["110105"])
    assert levels == {"province": "北京市", "city": "北京市", "county": "朝阳区"}
