"""Throughput of the text library on the shared laws corpus, next to plain jieba.cut on the same text.

`make bench` runs this. Figures are ratios measured side by side in one run; absolute times drift.
Usage: python -m bench.run_all [--limit N]  (N files of shared/corpus/laws; default all)
"""

from __future__ import annotations

import argparse
import json
import shutil
import tempfile
import time
from pathlib import Path

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--limit", type=int, default=None, help="only the first N files")
    args = parser.parse_args()
    laws = SHARED / "corpus" / "laws"
    if not laws.is_dir():
        print(f"bench: {laws} not found; nothing to measure")
        return 0
    files = sorted(p for p in laws.rglob("*") if p.is_file())[: args.limit]
    work = Path(tempfile.mkdtemp(prefix="zhetl-bench-"))
    try:
        corpus = work / "in"
        for path in files:
            target = corpus / path.relative_to(laws)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target)
        texts = [p.read_text(encoding="utf-8") for p in files]
        chars = sum(len(t) for t in texts)
        results = [measure_pipeline(corpus, work / "out", chars), measure_jieba(texts, chars)]
    finally:
        shutil.rmtree(work, ignore_errors=True)
    for row in results:
        print(json.dumps(row, ensure_ascii=False))
    print("\n| what | seconds | chars/s |\n|---|---:|---:|")
    for row in results:
        print(f"| {row['name']} | {row['seconds']:.1f} | {row['chars_per_second']:,.0f} |")
    return 0


def measure_pipeline(corpus: Path, output: Path, chars: int) -> dict:
    from zhetl.runs import run_local

    started = time.perf_counter()
    summary = run_local(corpus, output)
    seconds = time.perf_counter() - started
    return {"name": "zhetl run_local (one process, every stage, Parquet)", "seconds": seconds, "chars": chars,
            "chars_per_second": chars / seconds, "documents": summary["documents"], "rejects": summary["rejects"]}


def measure_jieba(texts: list[str], chars: int) -> dict:
    import jieba

    jieba.initialize()
    started = time.perf_counter()
    for text in texts:
        for _ in jieba.cut(text):
            pass
    seconds = time.perf_counter() - started
    return {"name": "plain jieba.cut", "seconds": seconds, "chars": chars, "chars_per_second": chars / seconds}


if __name__ == "__main__":
    raise SystemExit(main())
