import re

from hypothesis import given
from hypothesis import strategies as st

from zhetl.clean import clean_text
from zhetl.pinyin import _ANNOTATION, is_annotation, remove_annotations
from zhetl.textmap import MappedText


def test_only_real_syllables_with_tones_are_annotations() -> None:
    assert is_annotation("biāo") and is_annotation("jiān") and is_annotation("biao1") and is_annotation("lv4")
    assert not is_annotation("A") and not is_annotation("China") and not is_annotation("yi")


def test_annotations_removed_parentheticals_kept() -> None:
    raw = "標(biāo)題:鄉(xiāng)村振興(一)總體要求(以下簡稱“辦法”),方案(A)和(B)"
    mapped, count = remove_annotations(MappedText.identity(raw))
    assert count == 2
    assert mapped.text == "標題:鄉村振興(一)總體要求(以下簡稱“辦法”),方案(A)和(B)"


def test_raw_offsets_skip_the_annotation() -> None:
    raw = "攻堅(jiān)成果"
    cleaned = clean_text(raw)
    assert cleaned.text == "攻坚成果"
    start, end = cleaned.mapped.raw_span(1, 3)
    assert raw[start:end] == "堅(jiān)成"


def test_seed_003_keeps_no_annotations_and_no_traditional(shared) -> None:
    import re

    import opencc

    raw = next((shared / "corpus/seeds").glob("003_*.txt")).read_text(encoding="utf-8")
    cleaned = clean_text(raw)
    assert cleaned.changes["pinyin"] > 500
    assert not re.search(r"[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+[1-5]?[)）]", cleaned.text)
    t2s = opencc.OpenCC("t2s")
    assert t2s.convert(cleaned.text) == cleaned.text
    assert cleaned.script == "traditional" and cleaned.truncated


@given(st.text(alphabet="标題中a（(）) biāoo1ü2\u0304", max_size=16))
def test_the_annotation_pattern_finds_what_its_look_behind_form_finds(text: str) -> None:
    plain = re.compile(r"(?<=[\u3400-\u9fff\uf900-\ufaff])[(（]"
                       r"\s*([a-zA-Zü\u00c0-\u024f\u0300-\u036f]{1,8}[1-5]?)\s*[)）]")
    assert [m.span(0) + m.span(1) for m in _ANNOTATION.finditer(text)] == \
        [m.span(0) + m.span(1) for m in plain.finditer(text)]
