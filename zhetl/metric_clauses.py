"""Tests on the clause around a figure that the metric linker applies (zhetl/metrics.py).

Each says what the words next to a number do: bound it inside a 的-phrase, quote its name, set it against a
standard, hold a level, name a share, a rate or a ratio.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import Final

from zhetl.metric_tokens import _clause, _in_place, is_gap
from zhetl.metric_words import COMPARISONS, SCOPE_WORDS
from zhetl.segment import Token


def threshold_of(before: list[Token], after: list[Token], start: int, places: Sequence[tuple[int, int]]) -> bool:
    """A figure between its own noun and 的 + another noun (收入|超百万元|的|村, 就业|满|6个月以上|的|经营主体)."""
    if len(before) < 1 or len(after) < 2 or after[0].token != "的" or not after[1].pos.startswith("n"):
        return False
    last = before[-1]
    if last.token in ("满", "在") and len(before) > 1 and before[-2].end == last.start:
        last = before[-2]
    return last.end <= start and last.pos.startswith("n") and last.pos != "nr" and last.token not in SCOPE_WORDS \
        and not _in_place(last, places) and (last is before[-1] or last.pos != "ns")


def quoted_before(tokens: list[Token], start: int) -> str | None:
    """新改建“四好农村路”186公里: a quoted name right before the number is what it measures."""
    before = [t for t in tokens if t.end <= start]
    if len(before) < 3 or before[-1].token != "”" or before[-1].end != start:
        return None
    opening = next((i for i in range(len(before) - 2, -1, -1) if before[i].token == "“"), None)
    inside = before[opening + 1:-1] if opening is not None else []
    if not inside or len(inside) > 6 or not any(t.pos.startswith("n") for t in inside) or \
            any(t.pos == "x" and t.token != "、" for t in inside) or \
            any(t.pos == "m" and not _counted_kind(t, inside) for t in inside):
        return None
    return "".join(t.token for t in inside)


def _counted_kind(token: Token, inside: list[Token]) -> bool:
    """识别“三类对象”3218户: a Chinese numeral that sorts the noun it opens is part of the quoted name (but a
    slogan of several numbered parts, “两不愁三保障”, names no thing a figure counts)."""
    numerals = [t for t in inside if t.pos == "m"]
    return len(numerals) == 1 and token is inside[0] and not any(c.isdigit() for c in token.token) and \
        inside[-1].pos.startswith("n")


def gap_to_standard(clause: list[Token]) -> bool:
    """高于全省平均水平, 比普通果高出: the clause only sets the figure against a standard."""
    return (clause[0].token in COMPARISONS or (clause[0].token in ("比", "较") and is_gap(clause))) and \
        not any(t.pos.startswith("v") and t.token not in COMPARISONS for t in clause[1:-1])


def kept_level(clause: list[Token]) -> bool:
    """连续五年保持在, 稳定在: a clause that only says a level held."""
    return bool(clause) and clause[-1].token in ("保持在", "稳定在", "保持", "稳定", "在", "维持在")


def bare_share(tokens: list[Token], start: int, words: Collection[str] = ("比重", "比例")) -> bool:
    """…，比重下降11.2个百分点, …，增幅为18.2%: a share or a rate whose clause names nothing else is the share or
    the rate of the figure before."""
    clause = _clause([t for t in tokens if t.end <= start], backwards=True)
    return bool(clause) and clause[0].token in words and \
        all(t.pos.startswith(("v", "d", "p")) for t in clause[1:])


def ratio_named(before: list[Token], metric: str) -> bool:
    """X与Y比达到…, 城乡…收入比由…: 比 after the metric names a ratio, unless it compares (收入比上年增长)."""
    text = "".join(t.token for t in before)
    found = text.rfind(metric + "比")
    if found < 0:
        return False
    following = text[found + len(metric) + 1:found + len(metric) + 2]
    return "与" in metric or "和" in metric or (bool(following) and following in "由从为达缩扩降是")


THRESHOLDS: Final = ("标准", "标准线", "要求", "红线", "底线")

OUTER_LIMITS: Final = frozenset({"不低于", "不高于", "不超过", "不少于", "超过", "控制在", "低于", "高于"})
