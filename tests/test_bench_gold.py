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


def test_report_sets_are_well_formed() -> None:
    """Spans match their text, bounds hold, kinds and changes are known, dates are ordered."""
    import math
    from datetime import date

    kinds = {"count", "money", "measure", "duration", "age", "percent", "ppoint", "fraction"}
    names = sorted(path.name for path in GOLD.glob("report_quantities*.jsonl"))
    assert len(names) == 171  # the first set, dev2-dev15, blind16-blind18, dev19-dev39, blind40-blind42, dev43-dev171
    for name in names:
        rows = [json.loads(line) for line in (GOLD / name).read_text(encoding="utf-8").splitlines() if line]
        assert len(rows) >= 50
        for row in rows:
            text = row["text"]
            for q in row["quantities"]:
                assert text[q["start"]:q["end"]] == q["text"]
                assert q["kind"] in kinds and q["change"] in {"from", "to", "delta", "level"}
                low = q["value_min"] if q["value_min"] is not None else -math.inf
                high = q["value_max"] if q["value_max"] is not None else math.inf
                assert low <= q["value"] <= high
            for d in row["dates"]:
                assert text[d["start"]:d["end"]] == d["text"]
                if d["start_date"] is None:  # a redacted date (20__年底): no year is invented
                    assert d["end_date"] is None and any(mark in d["text"] for mark in "_＿×Xx*＊")
                    continue
                assert date.fromisoformat(d["start_date"]) <= date.fromisoformat(d["end_date"])


def test_the_second_annotation_relabels_development_spans_only() -> None:
    """Each record names a development sentence and keeps its text and spans; only metric and change differ."""
    from bench.agreement import first_labels

    files = sorted(GOLD.glob("agreement_*.jsonl"))
    assert files
    rows = [json.loads(line) for path in files for line in path.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == 60 * len(files)
    for row in rows:
        name, _ = row["id"].split(":")
        assert name == "first" or name.startswith("dev")  # never a blind set
        first = first_labels(row["id"])
        assert first["text"] == row["text"]
        assert [(q["start"], q["end"], q["text"]) for q in first["quantities"]] == \
            [(q["start"], q["end"], q["text"]) for q in row["quantities"]]
        assert all(q["change"] in ("from", "to", "delta", "level") for q in row["quantities"])


def test_agreement_scores_are_fractions() -> None:
    """The agreement bench runs end to end and reports fractions of the relabelled quantities."""
    from bench.agreement import SECOND, score

    report = score(SECOND[:1])
    assert report["quantities"] > 200
    assert all(0.0 <= value <= 1.0 for key, value in report.items() if key != "quantities")
