"""A run killed with SIGKILL leaves only whole Parquet files, and the next run completes the work."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from tests.helpers import snapshot
from zhetl.runs import run_local
from zhetl.schemas import TABLES

ROOT = Path(__file__).resolve().parent.parent

RUNNER = """
import os, signal, sys
from pathlib import Path
import zhetl.storage as storage
from zhetl.runs import run_local

point = sys.argv[3]

def die(*args, **kwargs):
    os.kill(os.getpid(), signal.SIGKILL)

if point == "before_commit":
    storage.write_manifest = die
elif point == "after_commit":
    real = storage.write_manifest
    def commit_then_die(*args, **kwargs):
        real(*args, **kwargs)
        die()
    storage.write_manifest = commit_then_die
elif point == "mid_publish":
    real_replace = os.replace
    calls = {"n": 0}
    def replace_then_die(src, dst):
        real_replace(src, dst)
        calls["n"] += 1
        if calls["n"] == 5 and "part-" in str(dst):
            die()
    storage.os.replace = replace_then_die
run_local(Path(sys.argv[1]), Path(sys.argv[2]), batch_chars=4000)
"""


def make_corpus(root: Path, fixtures: Path, copies: int = 60) -> Path:
    """Many small distinct documents, so a run has many batches and takes a few seconds."""
    sources = [p for p in (fixtures / "mini").rglob("*.txt")]
    for index in range(copies):
        for source in sources:
            data = source.read_bytes()
            text = data.decode("utf-16") if "utf16" in source.name else None
            target = root / f"set{index:03d}" / source.relative_to(fixtures / "mini")
            target.parent.mkdir(parents=True, exist_ok=True)
            if text is not None:
                target.write_bytes((text + f"第{index}号。\n").encode("utf-16"))
            elif source.name.startswith("notes_gbk"):
                target.write_bytes(data + f"编号{index}。\n".encode("gbk"))
            elif "big5" in source.name:
                target.write_bytes(data + f"編號{index}。\n".encode("big5"))
            else:
                target.write_bytes(data + f"编号{index}。\n".encode())
    return root


def assert_only_whole_files(output: Path) -> None:
    for name in TABLES:
        for part in (output / name).glob("*.parquet") if (output / name).is_dir() else []:
            pq.read_table(part)  # raises on a torn file


def run_and_kill(corpus: Path, output: Path, point: str, delay: float | None = None) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen([sys.executable, "-c", RUNNER, str(corpus), str(output), point], env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    if delay is not None:
        deadline = time.monotonic() + 60
        while not list(output.glob("_staging/*/plan.json")) and time.monotonic() < deadline:
            time.sleep(0.01)  # wait until the run has planned, then let it work for `delay`
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
    process.wait(timeout=300)
    assert process.returncode == -signal.SIGKILL, process.stderr.read().decode()[-2000:]


@pytest.fixture(scope="module")
def clean_run(tmp_path_factory, fixtures: Path) -> tuple[Path, dict]:
    base = tmp_path_factory.mktemp("kill")
    corpus = make_corpus(base / "in", fixtures)
    started = time.perf_counter()
    run_local(corpus, base / "clean", batch_chars=4000)
    return corpus, snapshot(base / "clean"), time.perf_counter() - started


@pytest.mark.parametrize("point", ["before_commit", "mid_publish", "after_commit"])
def test_kill_at_publish_points(clean_run, tmp_path: Path, point: str) -> None:
    corpus, expected, _ = clean_run
    output = tmp_path / "out"
    run_and_kill(corpus, output, point)
    assert_only_whole_files(output)
    run_local(corpus, output, batch_chars=4000)
    assert snapshot(output) == expected


@pytest.mark.parametrize("fraction", [0.3, 0.6, 0.9])
def test_kill_at_arbitrary_moments(clean_run, tmp_path: Path, fraction: float) -> None:
    corpus, expected, seconds = clean_run
    output = tmp_path / "out"
    run_and_kill(corpus, output, "none", delay=fraction * seconds * 0.7)
    assert_only_whole_files(output)
    summary = run_local(corpus, output, batch_chars=4000)
    assert summary["reconciled"]
    assert snapshot(output) == expected
