"""Our hand-annotated gold sets still point at the right text of ../shared."""

import json
from pathlib import Path

GOLD = Path(__file__).resolve().parent.parent / "bench" / "gold"


def test_ner_dev_offsets(shared) -> None:
    rows = [json.loads(line) for line in (GOLD / "ner_dev.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(rows) >= 400
    for row in rows:
        text = (shared / row["file"]).read_text(encoding="utf-8")
        for entity in row["entities"]:
            assert row["start"] <= entity["start"] < entity["end"] <= row["end"]
            assert text[entity["start"]:entity["end"]] == entity["text"]


def test_quantity_gold_offsets(shared) -> None:
    for name, minimum in (("quantities.jsonl", 150), ("quantity_negatives.jsonl", 40)):
        rows = [json.loads(line) for line in (GOLD / name).read_text(encoding="utf-8").splitlines()]
        assert len(rows) >= minimum
        for row in rows:
            text = (shared / row["file"]).read_text(encoding="utf-8")
            assert text[row["start"]:row["end"]] == row["text"]


def test_ner_wiki_offsets(shared) -> None:
    from bench.ner import conllu_sentences

    rows = [json.loads(line) for line in (GOLD / "ner_dev_wiki.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(rows) >= 400
    sentences = conllu_sentences(shared / rows[0]["file"])
    for row in rows:
        sentence = sentences[row["sent_id"]]
        for entity in row["entities"]:
            assert sentence[entity["start"]:entity["end"]] == entity["text"]
