"""Quantity extraction on our hand-checked seed mentions (bench/gold/quantities.jsonl) and negatives.

Recall: gold mentions found with the same span; value, approximate flag, kind and metric are scored on
those. Precision: mentions found in the gold sentences that are gold, and negatives never extracted.
Usage: python -m bench.quantities
"""

from __future__ import annotations

import json
import math
import sys
from collections import defaultdict
from datetime import UTC, datetime
from pathlib import Path

from zhetl.pipeline import Settings, process_document

GOLD = Path(__file__).resolve().parent / "gold"
SHARED = Path(__file__).resolve().parent.parent.parent / "shared"


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)


def extracted(file: str) -> list[dict]:
    """Quantities the pipeline finds in one shared file, with offsets mapped to the raw text."""
    data = (SHARED / file).read_bytes()
    rows = process_document(data, file, Settings(ingested_at=datetime.now(UTC)))  # (every table's rows are typed)
    return rows.to_arrow()["quantities"].to_pylist()


def score(show: bool = False) -> dict:
    gold = [json.loads(line) for line in (GOLD / "quantities.jsonl").read_text(encoding="utf-8").splitlines()]
    negatives = [json.loads(x) for x in (GOLD / "quantity_negatives.jsonl").read_text(encoding="utf-8").splitlines()]
    by_file: dict[str, list[dict]] = defaultdict(list)
    for row in gold:
        by_file[row["file"]].append(row)
    found = {file: extracted(file) for file in {*by_file, *(n["file"] for n in negatives)}}
    hits = value_ok = approx_ok = kind_ok = metric_ok = 0
    for file, rows in by_file.items():
        spans = {(q["raw_char_start"], q["raw_char_end"]): q for q in found[file]}
        for row in rows:
            q = spans.get((row["start"], row["end"]))
            if q is None:
                continue
            hits += 1
            value_ok += _close(q["value"], row["value"])
            approx_ok += q["approximate"] == row["approximate"]
            kind_ok += q["kind"] == row["kind"]
            metric_ok += (q["metric"] or None) == (row["metric"] or None)
            if show and (q["metric"] or None) != (row["metric"] or None):
                print("METRIC", row["text"], row["metric"], "→", q["metric"], "|", row.get("sentence", "")[:60])
    sentences = {(r["file"], r["sentence_start"], r["sentence_end"]) for r in gold}
    gold_spans = {(r["file"], r["start"], r["end"]) for r in gold}
    in_sentences = [(f, q["raw_char_start"], q["raw_char_end"]) for f, qs in found.items() for q in qs
                    if any(f == s[0] and s[1] <= q["raw_char_start"] < s[2] for s in sentences)]
    true_found = sum(1 for x in in_sentences if x in gold_spans)
    negative_hits = sum(1 for n in negatives
                        if any(q["raw_char_start"] < n["end"] and n["start"] < q["raw_char_end"]
                               for q in found[n["file"]]))
    return {
        "gold": len(gold), "recall": round(hits / len(gold), 4),
        "precision_in_gold_sentences": round(true_found / len(in_sentences), 4) if in_sentences else 0.0,
        "value_on_found": round(value_ok / max(hits, 1), 4), "approximate_on_found": round(approx_ok / max(hits, 1), 4),
        "kind_on_found": round(kind_ok / max(hits, 1), 4), "metric_on_found": round(metric_ok / max(hits, 1), 4),
        "negatives": len(negatives), "negatives_extracted": negative_hits,
    }


def main() -> int:
    if not SHARED.is_dir():
        print(f"bench: {SHARED} not found; nothing to measure")
        return 0
    report = score(show="--show" in sys.argv)
    print(json.dumps({"bench": "quantities", **report}, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
