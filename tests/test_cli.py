"""The zhetl command as a user runs it: help, and two runs over data/raw into a new folder."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import check_offsets, copy_tree, files_under, snapshot

ROOT = Path(__file__).resolve().parent.parent
ZHETL = [sys.executable, "-m", "flows.cli"]


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("PREFECT_API_URL", None)
    return subprocess.run([*ZHETL, *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=600)


def test_help_lists_the_commands() -> None:
    result = run("--help")
    assert result.returncode == 0
    assert "run" in result.stdout
    result = run("run", "--help")
    for option in ("--input", "--output", "--reference-date", "--workers", "--dask-address", "--full-refresh",
                   "--segmenter"):
        assert option in result.stdout


@pytest.mark.flow
def test_two_runs_over_data_raw_give_identical_tables_and_no_new_files(tmp_path: Path) -> None:
    output = tmp_path / "processed"
    first = run("run", "--input", str(ROOT / "data" / "raw"), "--output", str(output))
    assert first.returncode == 0, first.stderr[-3000:]
    assert (output / "report.html").is_file() and (output / "catalog.duckdb").is_file()
    assert "100%" in first.stderr and "report:" in first.stdout and "time:" in first.stdout  # progress, summary
    tables, files = snapshot(output), files_under(output)
    assert all(tables[name] for name in tables if name != "rejects")
    second = run("run", "--input", str(ROOT / "data" / "raw"), "--output", str(output))
    assert second.returncode == 0, second.stderr[-3000:]
    assert "0 processed" in second.stdout
    assert files_under(output) == files
    assert snapshot(output) == tables
    check_offsets(output)


@pytest.mark.flow
def test_a_run_whose_stderr_reader_has_gone_still_finishes(tmp_path: Path) -> None:
    """``zhetl run 2>&1 | head``: the log lines and the progress go nowhere, and the run (workers included) neither
    stops half-way nor waits forever."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("PREFECT_API_URL", None)
    output = tmp_path / "processed"
    process = subprocess.Popen([*ZHETL, "run", "--input", str(ROOT / "data" / "raw"), "--output", str(output),
                                "--workers", "2", "--batch-chars", "3000", "--json"], cwd=ROOT, env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert process.stderr is not None
    process.stderr.close()  # (every write to it from now on meets a broken pipe)
    try:
        stdout, _ = process.communicate(timeout=300)
    finally:
        process.kill()
    assert process.returncode == 0
    summary = json.loads(stdout)
    assert summary["documents"] == 9 and summary["batches"] > 2 and summary["reconciled"]
    assert (output / "_manifest.json").is_file()


SECRET = "机密标记ZX9Q"  # appears in file contents only; no log line or message may repeat it


@pytest.mark.flow
def test_rejected_files_are_listed_and_the_run_still_succeeds(tmp_path: Path, fixtures: Path) -> None:
    """Also: nothing the run prints or logs repeats what the files say."""
    corpus = copy_tree(fixtures / "bad", tmp_path / "in")
    (corpus / "secret.txt").write_text(f"{SECRET}。全县贫困发生率下降到2.7%。", encoding="utf-8")
    (corpus / "secret.bin.txt").write_bytes(SECRET.encode("utf-8") + bytes(range(256)) * 4)
    result = run("run", "--input", str(corpus), "--output", str(tmp_path / "out"), "--workers", "1")
    assert result.returncode == 0, result.stderr[-3000:]
    for name in ("empty.txt", "picture.png", "garbage.bin.txt", "secret.bin.txt"):
        assert name in result.stdout
    assert SECRET not in result.stdout and SECRET not in result.stderr
    prefect_logs = [p for p in (ROOT / ".prefect").rglob("*.log")] if (ROOT / ".prefect").exists() else []
    assert not any(SECRET in p.read_text(errors="replace") for p in prefect_logs)


def test_a_failed_run_exits_non_zero(tmp_path: Path) -> None:
    result = run("run", "--input", str(tmp_path / "missing"), "--output", str(tmp_path / "out"), "--workers", "0")
    assert result.returncode != 0


def test_a_failed_run_leaves_the_garbage_collector_on(monkeypatch, tmp_path: Path) -> None:
    """The run pauses the collector while it imports and surveys; a run that fails before resuming it must not
    leave it off in the calling process."""
    import gc

    import flows.etl
    import flows.server
    from flows.cli import main

    def failing_run(**_parameters: object) -> dict:
        raise RuntimeError("the input vanished")

    monkeypatch.setattr(flows.server, "start_early", lambda: None)
    monkeypatch.setattr(flows.etl, "run_etl", failing_run)
    assert main(["run", "--input", str(tmp_path), "--output", str(tmp_path / "out")]) == 1
    assert gc.isenabled()
