"""The scheduled deployment: `zhetl serve` registers etl/<name> on a loopback server, and a triggered run
of it completes and publishes the tables."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from tests.helpers import copy_tree
from zhetl.storage import read_table

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.flow
def test_serve_registers_the_schedule_and_a_triggered_run_completes(tmp_path: Path, fixtures: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = copy_tree(fixtures / "mini", tmp_path / "in")
    output = tmp_path / "out"
    # A server started by an earlier test may still serve this process, with its database; a fresh name keeps
    # a deployment left there by an earlier run (with that run's folders) from being triggered instead.
    name = f"test-{uuid.uuid4().hex[:8]}"
    monkeypatch.setenv("PREFECT_HOME", str(tmp_path / "prefect-home"))  # a fresh database for this server
    monkeypatch.delenv("PREFECT_API_URL", raising=False)
    from flows.server import api_server, configure_environment

    configure_environment()
    from prefect.settings import PREFECT_API_URL, temporary_settings

    with temporary_settings({PREFECT_API_URL: None}), api_server() as url:
        assert url.startswith("http://127.0.0.1:")
        env = {**os.environ, "PREFECT_API_URL": url, "PYTHONPATH": str(ROOT)}
        serving = subprocess.Popen(
            [sys.executable, "-m", "flows.cli", "serve", "--name", name, "--cron", "0 3 1 1 *",
             "--timezone", "Asia/Shanghai", "--input", str(corpus), "--output", str(output), "--workers", "1"],
            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
            start_new_session=True)
        try:
            deployment = _wait_for_deployment(f"etl/{name}", serving)
            schedule = deployment.schedules[0].schedule
            assert (schedule.cron, schedule.timezone) == ("0 3 1 1 *", "Asia/Shanghai")
            assert deployment.global_concurrency_limit is not None
            assert deployment.global_concurrency_limit.limit == 1  # runs of the deployment never overlap
            from prefect.deployments import run_deployment

            flow_run = run_deployment(f"etl/{name}", timeout=600)
            print(f"triggered etl/{name}: flow run {flow_run.name} ended {flow_run.state.type.value}")
            assert flow_run.state.is_completed(), (str(corpus), corpus.is_dir(), flow_run.parameters,
                                                   flow_run.state.message)
        finally:
            os.killpg(serving.pid, signal.SIGINT)
            try:
                serving.wait(timeout=60)
            except subprocess.TimeoutExpired:
                os.killpg(serving.pid, signal.SIGKILL)
    assert read_table(output, "documents").num_rows == 4
    assert (output / "report.html").is_file() and (output / "catalog.duckdb").is_file()


def _wait_for_deployment(name: str, serving: subprocess.Popen, seconds: float = 120):
    from prefect.client.orchestration import get_client
    from prefect.exceptions import ObjectNotFound

    deadline = time.monotonic() + seconds
    with get_client(sync_client=True) as client:
        while True:
            assert serving.poll() is None, serving.stdout.read()
            try:
                return client.read_deployment_by_name(name)
            except ObjectNotFound:
                assert time.monotonic() < deadline, "the deployment was never registered"
                time.sleep(0.5)
