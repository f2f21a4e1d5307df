from zhetl.entities import find_entities
from zhetl.segment import tokenize


def entities(text: str) -> list[tuple[str, str]]:
    return [(e.text, e.type) for e in find_entities(tokenize(text), text)]


def test_person_title_outside_span() -> None:
    assert ("王建国", "PER") in entities("县委书记王建国在村里调研")


def test_place_with_admin_suffix() -> None:
    found = entities("他在公桥乡庙坝村调研")
    assert ("庙坝村", "LOC") in found


def test_long_organisation_is_one_span() -> None:
    found = entities("中共广西壮族自治区党委宣传部发布通知")
    assert ("中共广西壮族自治区党委宣传部", "ORG") in found


def test_policy_terms_with_normal_form() -> None:
    found = find_entities(tokenize("推进易地搬迁"), "推进易地搬迁")
    assert [(e.text, e.type, e.normalized) for e in found] == [("易地搬迁", "TERM", "易地扶贫搬迁")]


def test_known_false_positives_and_redactions() -> None:
    found = entities("今天下午开展宣传教育，_总书记和**同志讲话")
    assert not [e for e in found if e[1] == "PER"]
    assert all("*" not in text and "_" not in text for text, _ in found)


def test_offsets_match() -> None:
    text = "岩溪县人民政府和贵州省毕节市"
    for entity in find_entities(tokenize(text, offset=5), text, offset=5):
        assert text[entity.start - 5:entity.end - 5] == entity.text
