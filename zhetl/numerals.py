"""Numerals to numbers: Arabic (with separators and decimals), Chinese (小写 and 大写), and mixtures.

``parse_number`` takes a span already known to be a number (never free text), so idioms are safe:
the extractors decide what is a number, this module only says what it is worth.
"""

from __future__ import annotations

import re
from typing import Final

DIGITS: Final = {
    "零": 0, "〇": 0, "○": 0, "Ｏ": 0,
    "一": 1, "壹": 1, "幺": 1,
    "二": 2, "贰": 2, "貳": 2, "两": 2, "兩": 2,
    "三": 3, "叁": 3, "參": 3, "叄": 3,
    "四": 4, "肆": 4,
    "五": 5, "伍": 5,
    "六": 6, "陆": 6, "陸": 6,
    "七": 7, "柒": 7,
    "八": 8, "捌": 8,
    "九": 9, "玖": 9,
}
SMALL_UNITS: Final = {"十": 10, "拾": 10, "廿": 20, "卅": 30, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
BIG_UNITS: Final = {"万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8, "万亿": 10**12, "兆": 10**12}

CN_DIGIT_CHARS: Final = "".join(DIGITS)
CN_NUMERAL_CHARS: Final = CN_DIGIT_CHARS + "".join(SMALL_UNITS) + "万萬亿億"
ARABIC: Final = r"\d+(?:,\d{3})*(?:\.\d+)?"
_ARABIC_RE: Final = re.compile(ARABIC)


def parse_arabic(text: str) -> float:
    return float(text.replace(",", ""))


def parse_chinese_integer(text: str) -> int:
    """七千二百六十二 → 7262; 一九九七 → 1997 (digit strings read positionally); 十五 → 15."""
    if not text:
        raise ValueError("empty numeral")
    if all(c in DIGITS for c in text):
        return int("".join(str(DIGITS[c]) for c in text))
    pieces: list[float | str] = []
    for char in text:
        if char in DIGITS:
            pieces.append(float(DIGITS[char]))
        elif char in SMALL_UNITS or char in BIG_UNITS:
            pieces.append(char)
        else:
            raise ValueError(f"not a Chinese numeral: {text!r}")
    _check_order(pieces, text)
    return round(_combine(pieces))


def _check_order(pieces: list[float | str], text: str) -> None:
    """Reject numerals whose place units do not fall within a 万 section (十一十二, 一百一百)."""
    last_small = 10**5
    previous_digit = False
    for piece in pieces:
        if isinstance(piece, float):
            if previous_digit and piece != 0:
                raise ValueError(f"two digits in a row in {text!r}")
            previous_digit = piece != 0
            continue
        previous_digit = False
        if piece in SMALL_UNITS:
            value = SMALL_UNITS[piece]
            if value >= last_small:
                raise ValueError(f"place units out of order in {text!r}")
            last_small = value
        else:
            last_small = 10**5


def _combine(pieces: list[float | str]) -> float:
    """Fold numbers and unit characters: 3, 千, 5, 百 → 3500; 1, 亿, 3, 千, 万 → 130000000.

    A trailing bare digit after a unit is the abbreviated next place: 三千五 → 3500, 一万五 → 15000.
    """
    total = 0.0  # whole 亿 groups
    myriads = 0.0  # whole 万 groups below the current 亿
    section = 0.0  # below 万
    pending: float | None = None
    last_unit = 0
    directly_after_unit = False
    for piece in pieces:
        if isinstance(piece, float):
            if piece == 0:  # 零 only holds a place: 一千零十 is 1010, and 零 stops 三千五-style shorthand
                directly_after_unit = False
                last_unit = 0
                continue
            directly_after_unit = pending is None and last_unit > 0
            pending = piece
            continue
        if piece in SMALL_UNITS:
            unit = SMALL_UNITS[piece]
            section += (1.0 if pending is None else pending) * unit
        elif BIG_UNITS[piece] == 10**4:
            unit = 10**4
            myriads += (section + (pending or 0.0)) * unit
            section = 0.0
        else:
            unit = BIG_UNITS[piece]
            total = (total + myriads + section + (pending or 0.0)) * unit
            myriads = section = 0.0
        pending = None
        last_unit = unit
    if pending is not None:
        if directly_after_unit and last_unit >= 100 and pending < 10 and pending == int(pending):
            pending *= last_unit / 10
        section += pending
    return total + myriads + section


def parse_chinese_number(text: str) -> float:
    """Chinese numeral with an optional 点 decimal part: 三点五 → 3.5."""
    for mark in ("点", "點"):
        if mark in text:
            whole, _, frac = text.partition(mark)
            integer = parse_chinese_integer(whole) if whole else 0
            decimals = "".join(str(DIGITS[c]) for c in frac)
            return float(f"{integer}.{decimals}")
    return float(parse_chinese_integer(text))


def parse_number(text: str) -> float:
    """Parse a number span: 40.6466万 → 406466, 1万6千 → 16000, 1亿3千万 → 1.3e8, 两 → 2."""
    text = text.replace("，", ",").replace(" ", "").replace("万万", "亿").replace("萬萬", "亿")
    if _ARABIC_RE.fullmatch(text):
        return parse_arabic(text)
    if not any(c.isdigit() for c in text):
        decimal = re.fullmatch(r"(.+[点點][^万亿萬億]+)(万亿|亿|萬|億|万)", text)
        if decimal:  # 十二点六亿: a Chinese decimal, then its multiplier
            return parse_chinese_number(decimal.group(1)) * parse_chinese_number("一" + decimal.group(2))
        return parse_chinese_number(text)
    # Mixed: Arabic digits followed by Chinese units (1万6千, 3.5亿, 1亿3千万).
    pieces: list[float | str] = []
    for match in re.finditer(rf"{ARABIC}|万亿|[{CN_NUMERAL_CHARS}]", text):
        piece = match.group(0)
        if piece[0].isdigit():
            pieces.append(parse_arabic(piece))
        elif piece in DIGITS:
            pieces.append(float(DIGITS[piece]))
        elif piece == "万亿":
            pieces += ["万", "亿"]
        else:
            pieces.append(piece)
    return _combine(pieces)


# --- finding numbers in text ----------------------------------------------------------------------

_CN: Final = rf"[{CN_NUMERAL_CHARS}]+(?:[点點][{CN_DIGIT_CHARS}]+)?"
_MULTIPLIER: Final = r"(?:万亿|亿|萬|億|万|千|百|十)"
_ANY: Final = rf"(?:{ARABIC}(?:{_MULTIPLIER}(?:[\d{CN_NUMERAL_CHARS}]*)?)?|{_CN})"
_SIGN: Final = r"(?P<sign>负|負|-|−|\+|＋)?"
NUMBER_RE: Final = re.compile(
    rf"{_SIGN}(?:(?P<whole>{_ANY})又)?"
    rf"(?:(?P<den>{_ANY})分之(?P<fsign>负|負|-)?(?P<num>{_ANY})|(?P<a>\d+)\s*/\s*(?P<b>\d+)(?![\d/])"
    rf"|(?P<plain>{_ANY})(?:(?P<fuzzy>多|余|几|来)(?P<fuzzymult>万亿|亿|万|千|百))?)"
)


def find_numbers(text: str) -> list[tuple[int, int, float]]:
    """Every numeral in ``text`` as (start, end, value): integers, decimals, Chinese and mixed numerals,
    fractions (三分之一, 3/5, 一千零十又3分之1) and signs (负3).

    This is the number layer only; quantities decide which numbers count as amounts.
    """
    found: list[tuple[int, int, float]] = []
    for match in NUMBER_RE.finditer(text):
        if match.group("plain") in ("万", "萬", "亿", "億", "千", "百", "仟", "佰", "万亿"):
            continue  # a place word alone is not a number
        try:
            value = _number_value(match)
        except (ValueError, KeyError, ZeroDivisionError):
            continue
        found.append((match.start(), match.end(), value))
    return found


def _number_value(match: re.Match[str]) -> float:
    sign = -1.0 if match.group("sign") in ("负", "負", "-", "−") else 1.0
    if match.group("plain") is not None:
        value = parse_number(match.group("plain"))
        if match.group("fuzzymult"):
            value *= parse_number("1" + match.group("fuzzymult"))  # 一千多万 = 1千 × 1万, 500余万
        return sign * value
    if match.group("a") is not None:
        return sign * int(match.group("a")) / int(match.group("b"))
    fraction = parse_number(match.group("num")) / parse_number(match.group("den"))
    if match.group("fsign"):
        fraction = -fraction
    whole = parse_number(match.group("whole")) if match.group("whole") else 0.0
    return sign * (whole + fraction)


# Digits (of either width) with their decimal points and thousands separators, and the letters or ％ right after
# them (４Ａ级, 1．2亿, １，０４６); a lone Ｏ stays as written (二Ｏ二一年).
_FULLWIDTH_DIGIT_RUN: Final = re.compile(r"[0-9０-９]+(?:[，,][0-9０-９]{3}(?![0-9０-９]))*(?:[．.][0-9０-９]+)?"
                                         r"[Ａ-Ｚａ-ｚ％]*|％")
_FULLWIDTH: Final = re.compile(r"[０-９％．]")


def fold_width(text: str) -> str:
    """Full-width digits, ％, and the ． or ， inside a number in their half-width forms (１２．６％ → 12.6%).

    One character for one, so offsets into the result are offsets into ``text``: extractors read numbers from the
    folded text and keep the original characters as each mention's text.
    """
    if not _FULLWIDTH.search(text):
        return text
    folded = _FULLWIDTH_DIGIT_RUN.sub(lambda m: "".join(chr(ord(c) - 0xFEE0) if c > "\uff00" else c
                                                        for c in m.group(0)), text)
    return text if folded == text else folded
