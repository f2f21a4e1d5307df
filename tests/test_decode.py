import codecs

import pytest

from zhetl.decode import DecodeRejected, binary_kind, decode_bytes, plausibility

TEXT = "在贫困乡建立扶贫工作站，在贫困村选派好第一书记，建设好驻村工作队。2020年贫困发生率降到0.6%。\n"
TRADITIONAL = "在貧困鄉建立扶貧工作站，在貧困村選派好第一書記，建設好駐村工作隊。\n"


@pytest.mark.parametrize(("data", "codec", "method"), [
    (TEXT.encode("utf-8"), "utf-8", "utf8"),
    (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig", "bom"),
    (TEXT.encode("utf-16"), "utf-16", "bom"),
    (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16", "bom"),
    (TEXT.encode("utf-32"), "utf-32", "bom"),
])
def test_bom_and_utf8(data: bytes, codec: str, method: str) -> None:
    decoded = decode_bytes(data)
    assert (decoded.text, decoded.encoding, decoded.method) == (TEXT, codec, method)


@pytest.mark.parametrize("codec", ["gb18030", "gbk", "gb2312"])
def test_gb_family_decodes_as_gb18030(codec: str) -> None:
    decoded = decode_bytes((TEXT * 3).encode(codec))
    assert decoded.text == TEXT * 3
    assert decoded.encoding == "gb18030"


def test_gb18030_only_characters_survive() -> None:
    text = "䶮是一个罕见字，欧元符号€也在其中。" * 3
    assert decode_bytes(text.encode("gb18030")).text == text


def test_big5_decodes_as_cp950_family() -> None:
    decoded = decode_bytes((TRADITIONAL * 3).encode("big5"))
    assert decoded.text == TRADITIONAL * 3
    assert decoded.encoding in ("cp950", "big5hkscs", "big5")


def test_utf16_without_bom_found_by_nul_pattern() -> None:
    text = "Report 2021: 贫困村 128 个, rate 0.6%.\n" * 5
    decoded = decode_bytes(text.encode("utf-16-le"))
    assert decoded.text == text
    assert decoded.method == "utf16"


def test_utf8_cut_mid_character_keeps_the_rest() -> None:
    data = TEXT.encode("utf-8")[:-2]
    decoded = decode_bytes(data)
    assert decoded.text.endswith("\ufffd")
    assert decoded.replacement_chars == 1


@pytest.mark.parametrize(("data", "reason"), [
    (b"", "empty"),
    (b"  \n\t ", "empty"),
    (b"\x89PNG\r\n\x1a\n" + bytes(100), "binary"),
    (b"%PDF-1.7\n" + bytes(range(256)), "binary"),
    (b"\x7fELF" + bytes(64), "binary"),
    (bytes([0x81, 0x20, 0xFE, 0x7F, 0xA0]) * 100, "undecodable"),
])
def test_rejects(data: bytes, reason: str) -> None:
    with pytest.raises(DecodeRejected) as caught:
        decode_bytes(data)
    assert caught.value.reason == reason


def test_binary_kind_names_the_format() -> None:
    assert binary_kind(b"PK\x03\x04rest") == "zip"
    assert binary_kind("普通文本".encode()) is None


def test_plausibility_prefers_real_chinese() -> None:
    right = TEXT.encode("gb18030").decode("gb18030")
    wrong = TEXT.encode("gb18030").decode("cp950", errors="replace")
    assert plausibility(right) > 0.95 > plausibility(wrong)


def test_declared_charset_ranks_first() -> None:
    page = '<html><head><meta charset="gb2312"></head><body>脱贫攻坚取得全面胜利</body></html>'
    decoded = decode_bytes(page.encode("gb18030"))
    assert decoded.text == page and decoded.encoding == "gb18030"


def test_gbk_page_with_a_stray_byte_keeps_the_rest() -> None:
    text = "价格比去年增长了百分之八，达到一百元。" * 20
    data = text.encode("gbk")
    decoded = decode_bytes(data[:40] + b"\x80" + data[40:])
    assert decoded.encoding == "gb18030" and decoded.replacement_chars == 1


def test_big5hkscs_only_characters() -> None:
    text = "香港的屋邨和𨋢都很常見，市民生活方便。" * 3
    assert decode_bytes(text.encode("big5hkscs")).text == text


def test_utf8_with_a_stray_byte_stays_utf8() -> None:
    data = ("脱贫攻坚取得全面胜利，乡村振兴全面推进。" * 20).encode("utf-8")
    decoded = decode_bytes(data[:99] + b"\xff" + data[99:])
    assert decoded.encoding == "utf-8" and decoded.replacement_chars == 1


def test_short_utf16_without_bom() -> None:
    for codec in ("utf-16-le", "utf-16-be"):
        text = "巩固拓展脱贫攻坚成果同乡村振兴有效衔"
        assert decode_bytes(text.encode(codec)).text == text


SAMPLE = "全县农村居民人均可支配收入增长8.5%。贫困发生率由11.5%下降到2.7%。"


def test_mixed_encodings_recover_line_by_line() -> None:
    """A GBK line pasted into a UTF-8 file (and a Big5 one) is read in its own encoding, not replaced."""
    lines = [SAMPLE.encode("utf-8"), "繁體中文的段落，測試一下。".encode("big5"), SAMPLE.encode("gbk"),
             "只有一行是GB编码。".encode("gb18030")]
    decoded = decode_bytes(b"\n".join(lines))
    assert decoded.text.split("\n") == [SAMPLE, "繁體中文的段落，測試一下。", SAMPLE, "只有一行是GB编码。"]
    assert (decoded.encoding, decoded.method, decoded.replacement_chars) == ("mixed", "lines", 0)
    mostly_utf8 = b"\n".join([SAMPLE.encode()] * 20 + [SAMPLE.encode("gbk")])
    assert decode_bytes(mostly_utf8).text.split("\n") == [SAMPLE] * 21


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-16"])
def test_utf16_of_odd_length_keeps_the_text(codec: str) -> None:
    decoded = decode_bytes(SAMPLE.encode(codec) + b"\x41")
    assert decoded.text == SAMPLE + "\ufffd" and decoded.replacement_chars == 1
    cut = decode_bytes(SAMPLE.encode(codec)[:-1])
    assert cut.text.startswith(SAMPLE[:-1]) and cut.text.endswith("\ufffd")


def test_nul_bytes_inside_utf8_text_are_kept_for_cleaning() -> None:
    data = SAMPLE.encode()[:30] + b"\x00" + SAMPLE.encode()[30:]
    assert decode_bytes(data).text.replace("\x00", "") == SAMPLE


@pytest.mark.parametrize("data", [b"PK\x03\x04" + bytes(60), b"\x1f\x8b\x08" + bytes(60), b"GIF89a" + bytes(60)])
def test_archives_and_images_are_binary(data: bytes) -> None:
    with pytest.raises(DecodeRejected) as caught:
        decode_bytes(data)
    assert caught.value.reason == "binary"
