"""Entity precision, recall and F1 per type on our hand-annotated dev set (bench/gold/ner_dev.jsonl).

The set stores offsets into ../shared (never the text itself); exact-span matching over PER/LOC/ORG.
Usage: python -m bench.ner [--segmenter rjieba|jieba]
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from zhetl.entities import find_entities
from zhetl.segment import tokenize

GOLD = Path(__file__).resolve().parent / "gold" / "ner_dev.jsonl"
SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
TYPES = ("PER", "LOC", "ORG")


def score(segmenter: str = "rjieba") -> dict[str, dict[str, float]]:
    texts: dict[str, str] = {}
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    for line in GOLD.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if row["file"] not in texts:
            texts[row["file"]] = (SHARED / row["file"]).read_text(encoding="utf-8")
        sentence = texts[row["file"]][row["start"]:row["end"]]
        gold = {(e["start"] - row["start"], e["end"] - row["start"], e["type"]) for e in row["entities"]}
        found = {(e.start, e.end, e.type) for e in find_entities(tokenize(sentence, segmenter), sentence)
                 if e.type in TYPES}
        for kind in TYPES:
            g = {x for x in gold if x[2] == kind}
            f = {x for x in found if x[2] == kind}
            tp[kind] += len(g & f)
            fp[kind] += len(f - g)
            fn[kind] += len(g - f)
    report = {}
    for kind in (*TYPES, "micro"):
        t = sum(tp.values()) if kind == "micro" else tp[kind]
        p_den = t + (sum(fp.values()) if kind == "micro" else fp[kind])
        r_den = t + (sum(fn.values()) if kind == "micro" else fn[kind])
        precision = t / p_den if p_den else 0.0
        recall = t / r_den if r_den else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        report[kind] = {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4),
                        "gold": r_den}
    return report


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--segmenter", default="rjieba")
    args = parser.parse_args()
    if not SHARED.is_dir():
        print(f"bench: {SHARED} not found; nothing to measure")
        return 0
    report = score(args.segmenter)
    print(json.dumps({"bench": "ner", "segmenter": args.segmenter, **report}, ensure_ascii=False))
    print("\n| type | precision | recall | F1 | gold |\n|---|---:|---:|---:|---:|")
    for kind, row in report.items():
        print(f"| {kind} | {row['precision']:.3f} | {row['recall']:.3f} | {row['f1']:.3f} | {row['gold']} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
