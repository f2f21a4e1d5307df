"""The metric a quantity measures: the noun phrase of the same clause that the number is about.

Patterns: X由A下降到B, X从A增加到B (change from/to), X减少N / X增长N% (delta), X达到N / X为N (level),
N个X (level, the noun after the classifier). The metric is the run of noun tokens nearest the pattern.
"""

from __future__ import annotations

from dataclasses import dataclass

from zhetl.segment import Token

CLAUSE_BREAKS = frozenset("，。；;！？!?：:、（）()")
NOUN_TAGS = frozenset({"n", "nz", "vn", "nt", "an", "ng", "nrt", "j"})
FROM_WORDS = frozenset({"由", "从"})
TO_WORDS = frozenset({"到", "至", "为"})
DELTA_VERBS = frozenset({"减少", "增加", "增长", "下降", "提高", "降低", "上升", "扩大", "缩小", "新增", "累计",
                         "减", "增", "降", "升", "超", "翻"})
LEVEL_VERBS = frozenset({"达到", "达", "为", "是", "有", "共", "共有", "占", "实现", "完成", "保持", "稳定在",
                         "突破", "超过", "累计", "投入", "安排", "落实", "帮助", "带动", "覆盖"})
COUNT_CLASSIFIERS = frozenset({"个", "户", "人", "名", "口", "家", "所", "项", "件", "次", "场", "村", "座", "批",
                               "位", "人次"})


@dataclass(frozen=True)
class MetricLink:
    metric: str | None
    change: str | None


def link_metric(tokens: list[Token], start: int, end: int, unit: str) -> MetricLink:
    """Find the metric and change type for a quantity spanning [start, end) among a sentence's tokens."""
    before = [t for t in tokens if t.end <= start]
    after = [t for t in tokens if t.start >= end]
    clause_before = _clause_tail(before)
    change = _change(clause_before)
    metric = None
    if unit in COUNT_CLASSIFIERS or unit == "":
        metric = _noun_run(after[:4], forward=True)
    if metric is None:
        metric = _left_metric(clause_before)
    return MetricLink(metric, change)


def _clause_tail(tokens: list[Token]) -> list[Token]:
    tail: list[Token] = []
    for token in reversed(tokens):
        if token.token in CLAUSE_BREAKS:
            break
        tail.append(token)
    return list(reversed(tail))


def _change(clause: list[Token]) -> str:
    if not clause:
        return "level"
    last = clause[-1].token
    if last in FROM_WORDS:
        return "from"
    if last in TO_WORDS or last.endswith(("到", "至")):
        return "to" if any(t.token in FROM_WORDS for t in clause) or len(last) > 1 else "level"
    if last in DELTA_VERBS or any(last.startswith(v) for v in ("减少", "增加", "增长", "下降", "提高")):
        return "delta"
    return "level"


def _left_metric(clause: list[Token]) -> str | None:
    """The nearest run of nouns before the verbs and prepositions that lead to the number."""
    anchor = len(clause)
    for index in range(len(clause) - 1, -1, -1):
        if clause[index].token in FROM_WORDS:
            anchor = index
            break
    return _noun_run(clause[:anchor], forward=False)


def _noun_run(tokens: list[Token], forward: bool) -> str | None:
    sequence = tokens if forward else list(reversed(tokens))
    run: list[Token] = []
    for token in sequence:
        if token.pos in NOUN_TAGS or (token.pos.startswith("n") and token.pos not in ("nr", "ns")):
            run.append(token)
        elif run:
            break
        elif token.pos in ("v", "p", "d", "m", "c", "u", "uj", "ul", "x", "a", "ad", "q", "f", "r") and not forward:
            continue
        else:
            break
    if not run:
        return None
    kept = [run[0]]
    for token in run[1:]:  # stop at a gap, where dropped whitespace or punctuation stood
        if (token.start != kept[-1].end) if forward else (token.end != kept[-1].start):
            break
        kept.append(token)
    ordered = kept if forward else list(reversed(kept))
    return "".join(t.token for t in ordered)
