from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from zhetl import metadata
from zhetl.metadata import find_field, find_published_date, find_title


def test_title_line_and_fallbacks() -> None:
    assert find_title("标题:乡村振兴报告 |\n正文。", "a.txt") == "乡村振兴报告"
    page = "欢迎访问某网\n当前位置:首页\n为绘就乡村振兴画卷接续奋斗\n"
    assert find_title(page, "a.txt") == "为绘就乡村振兴画卷接续奋斗"
    assert find_title("这是一句很长的正文。", "dir/my_file.txt") == "my_file"


def test_published_date_from_text_then_file_name() -> None:
    assert find_published_date("发布时间:2021-03-09作者:", "x.txt") == date(2021, 3, 9)
    assert find_published_date("发布日期：2021年2月25日", "x.txt") == date(2021, 2, 25)
    assert find_published_date("正文", "web/news_2021-03-09.txt") == date(2021, 3, 9)
    assert find_published_date("正文", "web/20200101_report.txt") == date(2020, 1, 1)
    assert find_published_date("正文", "x.txt") is None


def test_author_source_and_url() -> None:
    from zhetl.metadata import find_field, find_url

    header = "发布时间:2021-03-09 来源:人民网 作者:张三 责任编辑:李四"
    assert find_field(header, "source") == "人民网"
    assert find_field(header, "author") == "张三"
    assert find_field("发布时间:2021-03-09作者:来源:", "author") is None
    assert find_url("正文\nhttp://example.org/a/t20210304_1.html\n") == "http://example.org/a/t20210304_1.html"


def test_seed_002_published_date(shared) -> None:
    from zhetl.clean import clean_text

    raw = next((shared / "corpus/seeds").glob("002_*.txt")).read_text(encoding="utf-8")
    text = clean_text(raw).text
    assert find_published_date(text, "002.txt") == date(2021, 3, 9)
    assert find_title(text, "002.txt") == "为绘就乡村振兴时代画卷接续奋斗"


def test_author_and_source_fields_are_found_only_where_their_words_stand() -> None:
    text = "标题：某县脱贫纪实\n来源：人民网 作者：张明\n正文……"
    assert (find_field(text, "source"), find_field(text, "author")) == ("人民网", "张明")
    assert find_field("文/李华 2020年\n正文", "author") == "李华"
    assert find_field("第一条 为了规范管理，制定本办法。", "author") is None
    assert find_field("第一条 为了规范管理，制定本办法。", "source") is None


_HEADER_PIECES = st.lists(st.sampled_from(["标题", "题目", "題目", "标 题", "标", "题", ":", "：", " ", "\n", "|",
                                           "发布时间", "发布", "日期", "时间", "成文", "2021", "-", "3", "09", "年",
                                           "月", "日", "报告", "正文。", "首页"]), max_size=30).map("".join)


@given(_HEADER_PIECES)
def test_header_patterns_are_searched_only_where_their_words_are(text: str) -> None:
    """The word tests before the searches change no answer: each pattern's every match holds one of its words."""
    title = metadata._TITLE_LINE.search(text[:5000])
    if title:
        assert find_title(text, "a.txt") == title.group("title").strip()
    stated = metadata._PUBLISHED.search(text[:8000])
    expected = None
    if stated:
        try:
            expected = date(int(stated["y"]), int(stated["m"]), int(stated["d"]))
        except ValueError:
            expected = None
    assert find_published_date(text, "x.txt") == expected
