"""Each entity rule, and each false positive we know of, on sentences we wrote."""

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from zhetl.entities import _SMALL_PLACE_SUFFIX, find_entities, split_place_chain
from zhetl.pipeline import analyse_sentence
from zhetl.segment import tokenize


def entities(text: str) -> list[tuple[str, str]]:
    return [(e.text, e.type) for e in analyse_sentence(text).entities]


def test_person_title_outside_span() -> None:
    assert ("王建国", "PER") in entities("县委书记王建国在村里调研")
    assert ("习近平", "PER") in entities("习近平总书记强调")


def test_surname_standing_for_a_person() -> None:
    assert ("马", "PER") in entities("乡扶贫办马主任介绍了情况")
    assert ("韩", "PER") in entities("韩先生说")
    assert ("王", "PER") in entities("小王和老李都来了")


@pytest.mark.parametrize("text,name", [("被告人李某某到案", "李某某"), ("原告王某明诉称", "王某明"),
                                       ("被告人李某通过网络", "李某")])
def test_surname_placeholders(text: str, name: str) -> None:
    assert (name, "PER") in entities(text)


def test_name_glued_to_next_character() -> None:
    assert ("叶铭汉", "PER") in entities("叶企孙侄子叶铭汉交工资给叔父")


def test_name_inside_a_longer_word() -> None:
    assert ("邓小平", "PER") in entities("高举邓小平理论伟大旗帜")


@pytest.mark.parametrize("text,name", [("美国总统克林顿访华", "克林顿"), ("以色列总理拉宾遇刺", "拉宾"),
                                       ("俄罗斯总理基里延科表示", "基里延科"),
                                       ("主任胡安·路易斯先生陪同", "胡安·路易斯")])
def test_foreign_names(text: str, name: str) -> None:
    assert (name, "PER") in entities(text)


@pytest.mark.parametrize("word", ["今天下午", "宣传教育", "幸存者", "白衬衫", "农家娃", "纪念封", "弘扬", "阳光",
                                  "钱塘江",
                                  "张家口", "科普", "五帝", "东道主", "莫斯科"])
def test_known_false_persons(word: str) -> None:
    found = entities(f"我们看到{word}的变化")
    assert not [e for e in found if e[1] == "PER"], found


def test_place_with_admin_suffix_and_small_places() -> None:
    found = entities("他在公桥乡庙坝村调研")
    assert ("公桥乡", "LOC") in found and ("庙坝村", "LOC") in found
    assert ("炮台村", "LOC") in entities("笔者认为炮台村要脱贫")


@pytest.mark.parametrize("text", ["要完善农村基础设施", "赞叹公桥乡的变化", "逐村走访贫困户", "贫困村全部出列",
                                  "我们村的路修好了", "认定产业强镇3个", "建成农业强镇和经济强村",
                                  "累计选派驻村第一书记120名", "调整充实驻村干部", "打造典型镇3个、典型村15个",
                                  "建成城市社区养老服务设施1150个"])
def test_small_place_false_positives(text: str) -> None:
    wrong = ("农村", "叹公桥乡", "逐村", "贫困村", "我们村", "强镇", "强村", "驻村", "典型镇", "典型村", "城市社区")
    assert not [e for e in entities(text) if e[1] == "LOC" and e[0].endswith(wrong)]


def test_chain_of_places_is_one_entity_per_unit_with_codes() -> None:
    found = analyse_sentence("来到了安徽省阜阳市阜南县公桥乡巩堰村").entities
    assert [(e.text, e.admin_code) for e in found] == [
        ("安徽省", "340000"), ("阜阳市", "341200"), ("阜南县", "341225"), ("公桥乡", None), ("巩堰村", None)]
    village = found[-1]
    assert (village.province, village.city, village.county) == ("安徽省", "阜阳市", "阜南县")


def test_ambiguous_place_gets_no_code_unless_context_decides() -> None:
    alone = analyse_sentence("朝阳区的代表出席").entities
    assert [(e.text, e.admin_code) for e in alone] == [("朝阳区", None)]
    places: list = []
    analyse_sentence("北京市召开会议。", document_places=places)
    later = analyse_sentence("朝阳区的代表出席", document_places=places).entities
    assert [(e.text, e.admin_code, e.city) for e in later] == [("朝阳区", "110105", "北京市")]


def test_short_names_and_glued_places() -> None:
    found = analyse_sentence("广西百色市乐业县").entities
    assert [(e.text, e.normalized, e.admin_code) for e in found][:2] == [
        ("广西", "广西壮族自治区", "450000"), ("百色市", "百色市", "451000")]
    assert split_place_chain("中国西藏自治区") == [(0, "中国"), (2, "西藏自治区")]
    assert ("北京", "LOC") in entities("首都北京有七项工程")


def test_news_abbreviations() -> None:
    assert entities("中美关系") == [("中", "LOC"), ("美", "LOC")]
    assert ("华", "LOC") in entities("美国总统克林顿访华")
    assert ("日", "LOC") in entities("日方表示")
    assert ("豫", "LOC") in entities("驻豫人民解放军和武装警察部队")


def test_a_word_that_only_looks_like_a_movement_is_no_place() -> None:
    """出台 (to issue a policy) is not 出 + 台 (leaving Taiwan)."""
    assert entities("全省出台政策文件21件，出台率65.6%") == []


def test_country_government_is_the_country() -> None:
    assert entities("美国政府将会容忍") == [("美国", "LOC")]
    assert ("永嘉县人民政府", "ORG") in entities("永嘉县人民政府发布通告")


def test_long_organisation_is_one_span() -> None:
    assert ("中共广西壮族自治区党委宣传部", "ORG") in entities("中共广西壮族自治区党委宣传部发布通知")
    assert ("国务院扶贫开发领导小组", "ORG") in entities("国务院扶贫开发领导小组印发意见")


def test_organisation_rules() -> None:
    assert ("德江县委", "ORG") in entities("德江县委县政府高度重视")
    assert ("清华大学", "ORG") in entities("北大和清华大学的学生")
    assert ("公安部", "ORG") in entities("公安部和科技部联合发文")
    assert ("国防部", "ORG") in entities("国防部长出席")
    assert ("中国国家足球队", "ORG") in entities("他被调入中国国家足球队")


@pytest.mark.parametrize("text", ["县级以上人民政府应当加强领导", "党和政府高度重视", "全党全国各族人民",
                                  "推进国际化进程",
                                  "国家有关规定"])
def test_generic_organisations_are_not_entities(text: str) -> None:
    assert not [e for e in entities(text) if e[1] == "ORG"], entities(text)


def test_nothing_inside_titles() -> None:
    assert entities("根据《中华人民共和国宪法》制定") == []


def test_policy_terms_with_normal_form() -> None:
    found = find_entities(tokenize("推进易地搬迁"), "推进易地搬迁")
    assert [(e.text, e.type, e.normalized) for e in found] == [("易地搬迁", "TERM", "易地扶贫搬迁")]


def test_known_false_positives_and_redactions() -> None:
    found = entities("今天下午开展宣传教育，_总书记和**同志讲话，X区某公司")
    assert not [e for e in found if e[1] == "PER"]
    assert all("*" not in text and "_" not in text and "X" not in text for text, _ in found)


def test_offsets_match_and_tokens_agree() -> None:
    text = "岩溪县人民政府和贵州省毕节市、叶企孙侄子叶铭汉交工资"
    found = analyse_sentence(text, start=5)
    for entity in found.entities:
        assert text[entity.start - 5:entity.end - 5] == entity.text
    edges = {t.start for t in found.tokens} | {t.end for t in found.tokens}
    assert all(e.start in edges and e.end in edges for e in found.entities)


def test_a_lexicon_word_is_no_guessed_name_or_village() -> None:
    """普惠型 starts with a surname and 信用村 ends like a village, but both are words of the domain."""
    found = analyse_sentence("辖内普惠型涉农贷款余额增加386亿元，全省累计评定信用村1.26万个。")
    assert [(e.text, e.type) for e in found.entities] == []


def test_a_verb_of_building_ends_a_place_before_a_zone_head() -> None:
    """闽宁两省区共建产业园区: the provinces built a park; the park is no named zone of theirs."""
    from zhetl.pipeline import analyse_sentence

    found = analyse_sentence("截至2020年底，闽宁两省区共建产业园区11个。")
    assert "闽宁两省区共建产业园区" not in [e.text for e in found.entities]


@given(st.text(alphabet="乡镇村街道社区屯寨驻进入到包返民委级里务干庄王家", max_size=12))
def test_the_small_place_suffix_pattern_finds_what_its_look_behind_form_finds(text: str) -> None:
    plain = re.compile(r"(?:乡|镇|(?<![驻进入到包返])村|街道|社区|屯|寨)(?![民委级里务干庄])")
    assert [m.span() for m in _SMALL_PLACE_SUFFIX.finditer(text)] == [m.span() for m in plain.finditer(text)]
