from zhetl.clean import clean_text
from zhetl.markup import is_markup, strip_markup
from zhetl.textmap import MappedText

PAGE = ("<!DOCTYPE html><html><head><title>t</title><style>p{color:red}</style></head><body>"
        "<div class='nav'>首页</div><p>脱贫攻坚&amp;乡村振兴</p><p>第二段&nbsp;内容<br/>第三行</p>"
        "<script>var x = '<p>不是正文</p>';</script><!-- 注释 --></body></html>")


def test_markup_is_detected_only_in_markup_files() -> None:
    assert is_markup(PAGE)
    assert not is_markup("文中提到<p>标签一次。")


def test_strip_markup_keeps_text_and_maps_back() -> None:
    mapped, count = strip_markup(MappedText.identity(PAGE))
    assert count > 5
    lines = [line for line in mapped.text.split("\n") if line.strip()]
    assert lines == ["首页", "脱贫攻坚&乡村振兴", "第二段 内容", "第三行"]
    index = mapped.text.index("乡村振兴")
    start, end = mapped.raw_span(index, index + 4)
    assert PAGE[start:end] == "乡村振兴"


def test_clean_text_strips_markup() -> None:
    cleaned = clean_text(PAGE)
    assert "<" not in cleaned.text and "不是正文" not in cleaned.text and cleaned.changes["markup"] > 0
