"""The memos behind the entity rules and the lazily built word lists."""

from __future__ import annotations

from zhetl import memo
from zhetl.memo import Lazy, WordMemo


def test_a_word_memo_tells_a_remembered_none_from_a_word_not_seen() -> None:
    remembered: WordMemo[str | None] = WordMemo()
    assert remembered.get("n", "村") is None
    assert remembered.put("n", "村", None).answer is None
    known = remembered.get("n", "村")
    assert known is not None and known.answer is None
    assert remembered.get("v", "村") is None  # another tag is another question


def test_a_word_memo_keeps_a_word_s_answers_under_each_tag() -> None:
    remembered: WordMemo[str] = WordMemo()
    remembered.put("n", "村", "noun")
    remembered.put("ns", "村", "place")
    assert [remembered.get(tag, "村").answer for tag in ("n", "ns")] == ["noun", "place"]  # type: ignore[union-attr]
    assert remembered.get("v", "村") is None


def test_a_word_memo_starts_afresh_at_its_bound() -> None:
    remembered: WordMemo[int] = WordMemo()
    for number in range(memo.WORD_MEMO_LIMIT):
        remembered.put("m", str(number), number)
    assert remembered.get("m", "0").answer == 0  # type: ignore[union-attr]
    remembered.put("m", "one more", -1)
    assert remembered.get("m", "0") is None
    assert remembered.get("m", "one more").answer == -1  # type: ignore[union-attr]


def test_a_lazy_value_is_built_once_even_when_it_is_empty() -> None:
    builds: list[int] = []

    def build() -> dict[str, str]:
        builds.append(1)
        return {}

    lazy = Lazy(build)
    assert lazy.get() == {}
    assert lazy.get() is lazy.get()
    assert builds == [1]


def test_a_word_rule_asks_its_rule_once_per_word_and_tag() -> None:
    asked: list[tuple[str, str]] = []

    def rule(word: str, pos: str, facts: memo.WordFacts | None) -> bool:
        asked.append((word, pos))
        return word.endswith("村")

    rule_memo = memo.WordRule(rule)
    assert rule_memo.ask("王村", "ns") and rule_memo.ask("王村", "ns")
    assert not rule_memo.ask("工作", "vn")
    assert rule_memo.ask("王村", "nr")
    assert asked == [("王村", "ns"), ("工作", "vn"), ("王村", "nr")]


def test_a_word_rule_keeps_its_answers_in_the_word_s_facts() -> None:
    asked: list[tuple[str, str]] = []

    def rule(word: str, pos: str, facts: memo.WordFacts | None) -> str:
        asked.append((word, pos))
        return f"{word}/{pos}"

    first, second = memo.WordRule(rule), memo.WordRule(rule)
    facts = memo.WordFacts("王村", "n", "ns")
    assert first.ask_about("王村", "ns", facts) == "王村/ns"
    assert second.ask_about("王村", "ns", facts) == "王村/ns"
    assert len(asked) == 2
    first.ask_about("王村", "ns", facts)
    second.ask_about("王村", "ns", facts)
    assert len(asked) == 2  # answered from the facts
    assert first.ask_about("王村", "nr", facts) == "王村/nr"  # another tag than the facts': the memo answers
    assert second.ask_about("工作", "vn", None) == "工作/vn"
    assert asked[2:] == [("王村", "nr"), ("工作", "vn")]


def test_a_rule_asked_with_facts_hands_them_to_the_rules_it_asks() -> None:
    """A new word's first rule (may_start) asks the others: their answers go to the word's facts, not the memos."""
    asked: list[str] = []

    def inner_rule(word: str, pos: str, facts: memo.WordFacts | None) -> bool:
        asked.append(word)
        return word.endswith("村")

    inner = memo.WordRule(inner_rule)
    outer = memo.WordRule(lambda word, pos, facts: not inner.ask_about(word, pos, facts))
    facts = memo.WordFacts("王村", "ns", "ns")
    assert not outer.ask_about("王村", "ns", facts)
    assert inner.ask_about("王村", "ns", facts) and asked == ["王村"]  # answered from the facts
    assert inner.ask("王村", "ns") and asked == ["王村", "王村"]  # the memo never held it


def test_a_one_key_memo_starts_afresh_when_full() -> None:
    remembered: dict[str, int] = {str(number): number for number in range(memo.WORD_MEMO_LIMIT)}
    assert memo.remember(remembered, "one more", -1) == -1
    assert remembered == {"one more": -1}
