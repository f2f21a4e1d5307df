"""How far two people agree on metrics, and how far the extractor agrees with each of them.

Second annotators, who read only the two notes files, labelled metric and change again for the quantity
spans of development sentences written by other annotators (every other sentence of the first 40 lines of
three sets per file): bench/gold/agreement_*.jsonl, notes in AGREEMENT_NOTES.md. The first annotators'
labels are in the development sets. Exact metric agreement between two people bounds what any extractor can
score against one of them.
Usage: python -m bench.agreement
"""

from __future__ import annotations

import json
from pathlib import Path

from bench.report import GOLD_DIR, REFERENCE, _overlapping
from zhetl.pipeline import analyse_sentence

SECOND = sorted(GOLD_DIR.glob("agreement_*.jsonl"))


def first_labels(record_id: str) -> dict:
    """The development-set record ``devN:line`` (``first:line`` for the first set) relabelled."""
    name, line = record_id.split(":")
    path = GOLD_DIR / ("report_quantities.jsonl" if name == "first" else f"report_quantities_{name}.jsonl")
    lines = path.read_text(encoding="utf-8").splitlines()
    return json.loads(lines[int(line) - 1])


def score(files: list[Path] = SECOND) -> dict[str, float | int]:
    total = metric = overlap = change = ours_first = ours_second = ours_either = 0
    lines = [line for path in files for line in path.read_text(encoding="utf-8").splitlines()]
    for line in lines:
        second = json.loads(line)
        first = {(q["start"], q["end"]): q for q in first_labels(second["id"])["quantities"]}
        found = analyse_sentence(second["text"], reference=REFERENCE)
        ours = {(q.start, q.end): link.metric or None for q, link in zip(found.quantities, found.links, strict=True)}
        for quantity in second["quantities"]:
            span = (quantity["start"], quantity["end"])
            a, b = first[span]["metric"] or None, quantity["metric"] or None
            total += 1
            metric += a == b
            overlap += a == b or _overlapping(a, b)
            change += first[span]["change"] == quantity["change"]
            extracted = ours.get(span, "(not found)")
            ours_first += extracted == a
            ours_second += extracted == b
            ours_either += extracted in (a, b)
    return {"quantities": total, "people_metric": round(metric / total, 4),
            "people_metric_overlap": round(overlap / total, 4), "people_change": round(change / total, 4),
            "extractor_vs_first": round(ours_first / total, 4), "extractor_vs_second": round(ours_second / total, 4),
            "extractor_vs_either": round(ours_either / total, 4)}


def main() -> int:
    for path in SECOND:
        print(json.dumps({"bench": "agreement", "set": path.stem, **score([path])}, ensure_ascii=False))
    if len(SECOND) > 1:
        print(json.dumps({"bench": "agreement", "set": "pooled", **score()}, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
