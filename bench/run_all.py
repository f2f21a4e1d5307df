"""`make bench`: zhetl end to end on the shared laws corpus, next to plain jieba on the same text, in one run.

Measures, side by side (absolute times drift on shared machines, ratios much less):
- `zhetl run` from a cold start (a new process, embedded Prefect server included) with default settings
  (workers = the machine's cores): wall time, characters per second, seconds per stage, Prefect's share;
- peak memory of the whole process tree (sampled every 0.2 s);
- an unchanged re-run into the same output;
- baselines, each on both sides of the cold run (the ratio uses their mean): plain jieba.cut over all the text
  right before and right after it, and the processing phase with one worker before and after those; and a naive
  jieba.posseg pipeline over a sample.
Prints JSON lines, then a Markdown table.
Usage: python -m bench.run_all [--limit N] [--sample-chars N] [--skip-one-worker]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
ONE_WORKER = "zhetl run --workers 1"
ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--limit", type=int, default=None, help="only the first N files (default: all)")
    parser.add_argument("--sample-chars", type=int, default=300_000, help="text for the jieba.posseg baseline")
    parser.add_argument("--skip-one-worker", action="store_true", help="skip the one-worker comparison run")
    args = parser.parse_args()
    laws = SHARED / "corpus" / "laws"
    if not laws.is_dir():
        print(f"bench: {laws} not found; nothing to measure")
        return 0
    work = Path(tempfile.mkdtemp(prefix="zhetl-bench-"))
    try:
        corpus = laws if args.limit is None else _copy_subset(laws, work / "in", args.limit)
        files = sorted(p for p in corpus.rglob("*") if p.is_file())
        texts = [p.read_text(encoding="utf-8", errors="replace") for p in files]
        chars = sum(len(t) for t in texts)
        # This machine's speed drifts within minutes, so each baseline brackets the cold run: jieba.cut right before
        # and right after it, and the one-worker run before and after those. Each ratio is taken against the mean
        # of its two baselines.
        rows = []
        if not args.skip_one_worker:
            rows.append(_cold_run(corpus, work / "out-1a", chars, f"{ONE_WORKER} (before)", workers=1))
        rows.append(measure_jieba(texts, chars, "before"))
        rows.append(_cold_run(corpus, work / "out", chars, "zhetl run (cold, default workers)"))
        rows.append(measure_jieba(texts, chars, "after"))
        if not args.skip_one_worker:
            rows.append(_cold_run(corpus, work / "out-1b", chars, f"{ONE_WORKER} (after)", workers=1))
        rows.append(_cold_run(corpus, work / "out", chars, "zhetl run again (unchanged input)"))
        rows.append(measure_posseg(texts, args.sample_chars))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    for row in rows:
        print(json.dumps(row, ensure_ascii=False))
    print(markdown(rows, len(files), chars))
    return 0


def _copy_subset(laws: Path, target: Path, limit: int) -> Path:
    for path in sorted(p for p in laws.rglob("*") if p.is_file())[:limit]:
        destination = target / path.relative_to(laws)
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, destination)
    return target


class _TreeMemory:
    """Peak memory of a process and all its descendants, sampled in a thread.

    Two sums: RSS counts every shared page (libpython, pyarrow, rjieba…) once per process, so it overstates a
    tree of Python processes; PSS (proportional set size) splits each shared page between its sharers.
    """

    def __init__(self, pid: int) -> None:
        import psutil

        self._root = psutil.Process(pid)
        self.peak = 0
        self.peak_pss = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()

    def _sample(self) -> None:
        """RSS every 0.2 s (cheap: /proc/PID/statm); PSS, which makes the kernel walk every page of every
        process (~19 ms a sample here, CPU taken from the run it measures), at each new high of RSS and every 5 s."""
        import psutil

        last_pss, rss_at_pss = 0.0, 0
        while not self._stop.is_set():
            try:
                members = [self._root, *self._root.children(recursive=True)]
                total = 0
                for member in members:
                    with contextlib.suppress(psutil.Error):
                        total += member.memory_info().rss
                now = time.monotonic()
                if total > 1.01 * rss_at_pss or now - last_pss >= 5.0:  # a new high of RSS, or 5 s on
                    self.peak_pss = max(self.peak_pss, self._pss(members))
                    last_pss, rss_at_pss = now, max(rss_at_pss, total)
                self.peak = max(self.peak, total)
            except psutil.Error:
                pass
            self._stop.wait(0.2)

    @staticmethod
    def _pss(members: list) -> int:
        import psutil

        pss = 0
        for member in members:
            with contextlib.suppress(psutil.Error):
                info = member.memory_full_info()
                pss += getattr(info, "pss", info.rss)
        return pss

    def stop(self) -> tuple[int, int]:
        self._stop.set()
        self._thread.join()
        return self.peak, self.peak_pss


def _cold_run(corpus: Path, output: Path, chars: int, name: str, workers: int | None = None) -> dict:
    command = [sys.executable, "-m", "flows.cli", "run", "--input", str(corpus), "--output", str(output), "--json"]
    if workers is not None:
        command += ["--workers", str(workers)]
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               env={**os.environ, "PYTHONUNBUFFERED": "1"})
    memory = _TreeMemory(process.pid)
    stdout, stderr = process.communicate()
    peak, peak_pss = memory.stop()
    wall = time.perf_counter() - started
    if process.returncode != 0:
        raise RuntimeError(f"{name} failed ({process.returncode}): {stderr[-2000:]}")
    summary = json.loads(stdout[stdout.index("{"):])
    phases = summary.get("phase_seconds", {})
    orchestration = summary.get("flow_seconds", 0.0) - sum(phases.values())
    return {
        "name": name, "seconds": round(wall, 2), "chars": chars, "chars_per_second": round(chars / wall),
        "peak_rss_mib": round(peak / 2**20), "peak_pss_mib": round(peak_pss / 2**20),
        "workers": summary.get("workers"),
        "processed": summary.get("processed"), "documents": summary.get("documents"),
        "rejects": summary.get("rejects"), "reconciled": summary.get("reconciled"),
        # The run waits server_start_seconds for its API server; the server booted for server_boot_seconds,
        # partly while the run imported Prefect and the text library and surveyed the input (survey_seconds:
        # the plan's hashing and profile learning, done before the wait instead of after it).
        "server_start_seconds": summary.get("server_start_seconds"),
        "survey_seconds": summary.get("survey_seconds"),
        "server_boot_seconds": summary.get("server_boot_seconds"),
        "phase_seconds": phases, "stage_seconds": summary.get("stage_seconds", {}),
        "worker_timeline": summary.get("worker_timeline", {}),
        "prefect_orchestration_seconds": round(orchestration, 2),
        "prefect_share": round((orchestration + summary.get("server_start_seconds", 0.0)) / wall, 4),
        "prefect_orchestration_share": round(orchestration / wall, 4),
    }


def measure_jieba(texts: list[str], chars: int, when: str) -> dict:
    """Plain jieba.cut over every text in this process; ``when`` says where it stands beside the cold run."""
    import jieba

    jieba.initialize()
    started = time.perf_counter()
    for text in texts:
        for _ in jieba.cut(text):
            pass
    seconds = time.perf_counter() - started
    return {"name": f"plain jieba.cut (one process, {when} the cold run)", "seconds": round(seconds, 2), "chars": chars,
            "chars_per_second": round(chars / seconds)}


def measure_posseg(texts: list[str], sample_chars: int) -> dict:
    """A naive pipeline: jieba.posseg over each line, nr/ns/nt as entities, a regex for numbers."""
    import jieba.posseg

    number = re.compile(r"\d+(?:\.\d+)?(?:万|亿)?[%％个户人元]?")
    sample: list[str] = []
    size = 0
    for text in texts:
        if size >= sample_chars:
            break
        sample.append(text[: sample_chars - size])
        size += len(sample[-1])
    list(jieba.posseg.cut("预热"))
    started = time.perf_counter()
    entities = numbers = 0
    for text in sample:
        for line in text.splitlines():
            entities += sum(1 for pair in jieba.posseg.cut(line) if pair.flag in ("nr", "ns", "nt"))
            numbers += len(number.findall(line))
    seconds = time.perf_counter() - started
    return {"name": "naive jieba.posseg pipeline (sample)", "seconds": round(seconds, 2), "chars": size,
            "chars_per_second": round(size / seconds), "entities": entities, "numbers": numbers}


def markdown(rows: list[dict], files: int, chars: int) -> str:
    by_name = {row["name"]: row for row in rows}
    cold = by_name["zhetl run (cold, default workers)"]
    jieba_seconds = [r["seconds"] for r in rows if r["name"].startswith("plain jieba")]
    lines = [f"\n{files} files, {chars:,} characters.\n",
             "| measurement | seconds | chars/s | peak RSS MiB (sum) | peak PSS MiB (sum) |",
             "|---|---:|---:|---:|---:|"]
    for row in rows:
        lines.append(f"| {row['name']} | {row['seconds']:.1f} | {row['chars_per_second']:,} | "
                     f"{row.get('peak_rss_mib', '')} | {row.get('peak_pss_mib', '')} |")
    again = by_name.get("zhetl run again (unchanged input)")
    ones = [row for row in rows if row["name"].startswith(ONE_WORKER)]
    speeds = [seconds / cold["seconds"] for seconds in jieba_seconds]
    speed = sum(jieba_seconds) / len(jieba_seconds) / cold["seconds"]
    lines += ["", "| ratio | value |", "|---|---:|",
              f"| zhetl end to end ÷ jieba.cut (speed; against the mean of the runs before and after) | {speed:.2f}× |",
              f"| the same against each jieba.cut run | {' and '.join(f'{s:.2f}×' for s in speeds)} |",
              "| Prefect share of the cold run (waiting for the server + orchestration) | "
              f"{cold['prefect_share']:.1%} |",
              f"| Prefect orchestration alone | {cold['prefect_orchestration_share']:.1%} |"]
    if again:
        lines.append(f"| unchanged re-run ÷ first run (time) | {again['seconds'] / cold['seconds']:.1%} |")
    if ones and cold["phase_seconds"].get("batches"):
        phase = cold["phase_seconds"]["batches"]
        speedups = [one["phase_seconds"]["batches"] / phase for one in ones]
        lines.append(f"| processing phase, {cold['workers']} workers vs 1 (speed-up; against the mean of the "
                     f"one-worker runs before and after) | {sum(speedups) / len(speedups):.2f}× |")
        if len(speedups) > 1:
            lines.append(f"| the same against each one-worker run | {' and '.join(f'{x:.2f}×' for x in speedups)} |")
    lines += _worker_lines(cold, *ones)
    stages = cold["stage_seconds"]
    total = sum(stages.values()) or 1.0
    lines += ["", "| stage (summed over workers) | seconds | share |", "|---|---:|---:|"]
    for stage, seconds in sorted(stages.items(), key=lambda item: -item[1]):
        lines.append(f"| {stage} | {seconds:.1f} | {seconds / total:.0%} |")
    return "\n".join(lines)


def _worker_lines(*runs: dict | None) -> list[str]:
    """Where the processing phase went in each worker process: start-up before its first batch, gaps between
    batches (Prefect's per-task cost), busy time, and the idle tail after its last batch."""
    lines = ["", "| run | worker | batches | start-up s | busy s | gaps s | idle tail s |",
             "|---|---:|---:|---:|---:|---:|---:|"]
    for run in runs:
        if not run or not run.get("worker_timeline"):
            continue
        timeline = run["worker_timeline"]
        phase_end = max(worker["last_end"] for worker in timeline.values())
        for name, worker in sorted(timeline.items()):
            gaps = worker["last_end"] - worker["first_start"] - worker["busy"]
            lines.append(f"| {run['name']} | {name} | {worker['batches']} | {worker['first_start']:.1f} | "
                         f"{worker['busy']:.1f} | {gaps:.1f} | {phase_end - worker['last_end']:.1f} |")
    return lines if len(lines) > 3 else []


if __name__ == "__main__":
    raise SystemExit(main())
