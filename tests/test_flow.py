"""The etl flow under Prefect's test harness: threads for one worker, processes for two."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import check_offsets, copy_tree, snapshot
from zhetl.runs import run_local

pytestmark = pytest.mark.flow


@pytest.fixture
def corpus(tmp_path: Path, fixtures: Path) -> Path:
    root = copy_tree(fixtures / "mini", tmp_path / "in")
    copy_tree(fixtures / "bad", root / "bad")
    return root


def test_flow_matches_a_local_run_and_is_idempotent(harness, corpus: Path, tmp_path: Path) -> None:
    from flows.etl import etl

    summary = etl(input_dir=str(corpus), output_dir=str(tmp_path / "flow"), workers=1)
    assert summary["documents"] == 5 and summary["rejects"] == 3 and summary["reconciled"]
    assert (tmp_path / "flow" / "catalog.duckdb").exists()
    run_local(corpus, tmp_path / "local")
    assert snapshot(tmp_path / "flow") == snapshot(tmp_path / "local")
    again = etl(input_dir=str(corpus), output_dir=str(tmp_path / "flow"), workers=1)
    assert again["processed"] == 0 and again["skipped"] == 8
    check_offsets(tmp_path / "flow")


def test_flow_with_two_worker_processes(harness, corpus: Path, tmp_path: Path) -> None:
    from flows.etl import etl

    summary = etl(input_dir=str(corpus), output_dir=str(tmp_path / "flow"), workers=2, batch_chars=500)
    assert summary["batches"] >= 2 and summary["reconciled"]
    timeline = summary["worker_timeline"]  # which process ran how many batches, and when
    assert sum(worker["batches"] for worker in timeline.values()) == summary["batches"]
    assert all(0 <= worker["first_start"] <= worker["last_end"] for worker in timeline.values())
    run_local(corpus, tmp_path / "local")
    assert snapshot(tmp_path / "flow") == snapshot(tmp_path / "local")


def test_parameters_are_validated(harness) -> None:
    from flows.etl import EtlParameters

    with pytest.raises(ValueError):
        EtlParameters(workers=0)
    with pytest.raises(ValueError):
        EtlParameters(segmenter="nope")


def test_the_flow_process_loads_its_late_imports_before_the_server_is_up() -> None:
    """What the flow's steps would import on first use is loaded while the server boots (off the run's path)."""
    code = ("import sys; from flows.etl import load_late_imports; before = {'pandas', 'duckdb'} & set(sys.modules); "
            "load_late_imports(); print(sorted(before), sorted({'pandas', 'duckdb', 'fastapi'} & set(sys.modules)))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                            cwd=Path(__file__).resolve().parent.parent)
    assert result.stdout.split("\n")[-2] == "[] ['duckdb', 'fastapi', 'pandas']"
