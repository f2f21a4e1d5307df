import pytest

from zhetl.names import chinese_name_strength, is_transliterated, split_surname


@pytest.mark.parametrize("name", ["李克强", "黄文秀", "杨维超", "钱其琛", "欧阳修", "毛泽东", "李某某"])
def test_names(name: str) -> None:
    assert chinese_name_strength(name) == 2


@pytest.mark.parametrize("word", ["弘扬", "阳光", "智慧", "嘉兴", "幸存者", "白衬衫", "张家口", "柳行村", "建立健全"])
def test_words_that_jieba_files_as_names(word: str) -> None:
    assert chinese_name_strength(word) == 0


def test_two_character_names_need_context() -> None:
    assert chinese_name_strength("李鹏") == 1


def test_surnames_and_transliteration() -> None:
    assert split_surname("司马光") == ("司马", "光")
    assert split_surname("的确") is None
    assert is_transliterated("古特雷斯") and not is_transliterated("李克强")
