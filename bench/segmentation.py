"""Word F1 on UD Chinese GSDSimp (shared/gold/segmentation-ud-gsdsimp): our tokens against plain jieba.cut.

Scores exact word spans. ``pipeline`` is what the tokens table holds (rjieba with our lexicon, cut at
quantity and date edges); ``plain-jieba`` is jieba.cut with its own dictionary and nothing else, the bar.
Usage: python -m bench.segmentation [--split dev test]
"""

from __future__ import annotations

import argparse
import json
import logging
from collections.abc import Callable, Iterator
from pathlib import Path

from zhetl.pipeline import analyse_sentence
from zhetl.segment import tokenize

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
UD = SHARED / "gold" / "segmentation-ud-gsdsimp"


def read_conllu(path: Path) -> Iterator[tuple[str, list[str]]]:
    """(sentence text, gold words) per sentence; multiword ranges and empty nodes are skipped."""
    text, words = "", []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# text = "):
            text = line[len("# text = "):]
        elif line and not line.startswith("#"):
            columns = line.split("\t")
            if columns[0].isdigit():
                words.append(columns[1])
        elif not line and words:
            yield text, words
            text, words = "", []
    if words:
        yield text, words


def spans(words: list[str]) -> set[tuple[int, int]]:
    result, position = set(), 0
    for word in words:
        result.add((position, position + len(word)))
        position += len(word)
    return result


def _plain_jieba() -> Callable[[str], list[str]]:
    import jieba

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    return lambda text: [w for w in tokenizer.cut(text) if w.strip()]


def segmenters() -> dict[str, Callable[[str], list[str]]]:
    return {
        "plain-jieba": _plain_jieba(),
        "rjieba+lexicon": lambda text: [t.token for t in tokenize(text, "rjieba")],
        "jieba+lexicon": lambda text: [t.token for t in tokenize(text, "jieba")],
        "pipeline": lambda text: [t.token for t in analyse_sentence(text).tokens],
    }


def score(split: str) -> dict[str, dict[str, float]]:
    sentences = [(text.replace(" ", ""), words) for text, words in read_conllu(UD / f"zh_gsdsimp-ud-{split}.conllu")]
    report = {}
    for name, cut in segmenters().items():
        correct = predicted = gold = 0
        for text, words in sentences:
            gold_spans = spans(words)
            found = spans(cut(text))
            correct += len(gold_spans & found)
            predicted += len(found)
            gold += len(gold_spans)
        precision, recall = correct / predicted, correct / gold
        report[name] = {"precision": round(precision, 4), "recall": round(recall, 4),
                        "f1": round(2 * precision * recall / (precision + recall), 4), "words": gold}
    return report


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--split", nargs="+", default=["dev", "test"])
    args = parser.parse_args()
    if not UD.is_dir():
        print(f"bench: {UD} not found; nothing to measure")
        return 0
    print("| split | segmenter | precision | recall | F1 | Δ F1 vs plain jieba |\n|---|---|---:|---:|---:|---:|")
    for split in args.split:
        report = score(split)
        base = report["plain-jieba"]["f1"]
        for name, row in report.items():
            print(f"| {split} | {name} | {row['precision']:.4f} | {row['recall']:.4f} | {row['f1']:.4f} | "
                  f"{100 * (row['f1'] - base):+.2f} |")
        print(json.dumps({"bench": "segmentation", "split": split, **report}, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
