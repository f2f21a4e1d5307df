"""Entity precision, recall and F1 per type on our hand-annotated dev set (bench/gold/ner_dev.jsonl).

Entities come from the pipeline's own sentence analysis (dates and quantities found first, as in a run).
The set stores offsets into ../shared (never the text itself); exact-span matching over PER/LOC/ORG.
Usage: python -m bench.ner [--segmenter rjieba|jieba|posseg-baseline] [--sets policy wiki]
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from zhetl.pipeline import analyse_sentence

GOLD_DIR = Path(__file__).resolve().parent / "gold"
SETS = {"policy": GOLD_DIR / "ner_dev.jsonl", "wiki": GOLD_DIR / "ner_dev_wiki.jsonl"}
SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
TYPES = ("PER", "LOC", "ORG")


def conllu_sentences(path: Path) -> dict[str, str]:
    """sent_id → sentence text of a CoNLL-U file."""
    sentences, sent_id = {}, ""
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# sent_id = "):
            sent_id = line[len("# sent_id = "):]
        elif line.startswith("# text = "):
            sentences[sent_id] = line[len("# text = "):]
    return sentences


def gold_sentences(name: str) -> Iterator[tuple[str, set[tuple[int, int, str]]]]:
    """(sentence, gold spans relative to it) of one dev set; both sets store offsets, never text."""
    texts: dict[str, str] = {}
    conllu: dict[str, dict[str, str]] = {}
    for line in SETS[name].read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if "sent_id" in row:
            if row["file"] not in conllu:
                conllu[row["file"]] = conllu_sentences(SHARED / row["file"])
            yield conllu[row["file"]][row["sent_id"]], {(e["start"], e["end"], e["type"]) for e in row["entities"]}
            continue
        if row["file"] not in texts:
            texts[row["file"]] = (SHARED / row["file"]).read_text(encoding="utf-8")
        sentence = texts[row["file"]][row["start"]:row["end"]]
        yield sentence, {(e["start"] - row["start"], e["end"] - row["start"], e["type"]) for e in row["entities"]}


def baseline(sentence: str) -> set[tuple[int, int, str]]:
    """Plain jieba.posseg: nr → PER, ns → LOC, nt → ORG (the issue's reference point)."""
    import jieba.posseg

    found, position = set(), 0
    for pair in jieba.posseg.cut(sentence):
        kind = {"nr": "PER", "ns": "LOC", "nt": "ORG"}.get(pair.flag)
        if kind:
            found.add((position, position + len(pair.word), kind))
        position += len(pair.word)
    return found


def score(name: str = "policy", segmenter: str = "rjieba") -> dict[str, dict[str, float]]:
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    for sentence, gold in gold_sentences(name):
        found = baseline(sentence) if segmenter == "posseg-baseline" else {
            (e.start, e.end, e.type) for e in analyse_sentence(sentence, segmenter=segmenter).entities
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
    parser.add_argument("--sets", nargs="+", default=list(SETS), choices=list(SETS))
    args = parser.parse_args()
    if not SHARED.is_dir():
        print(f"bench: {SHARED} not found; nothing to measure")
        return 0
    print("| set | type | precision | recall | F1 | gold |\n|---|---|---:|---:|---:|---:|")
    for name in args.sets:
        report = score(name, args.segmenter)
        for kind, row in report.items():
            print(f"| {name} | {kind} | {row['precision']:.3f} | {row['recall']:.3f} | {row['f1']:.3f} | "
                  f"{row['gold']} |")
        print(json.dumps({"bench": "ner", "set": name, "segmenter": args.segmenter, **report}, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
