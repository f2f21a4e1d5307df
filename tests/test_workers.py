"""Worker processes forked from the preloaded fork server, and spawned where there is none."""

from __future__ import annotations

import os
import sys

import pytest

pytestmark = pytest.mark.flow


@pytest.fixture(scope="module")
def harness():
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=90):
        yield


def _where_workers_run(runner_type) -> list[tuple[int, bool]]:
    """Each worker's parent process, and whether the text library was imported before the task ran."""
    from prefect import flow

    from tests.worker_probe import parent_and_preloaded

    @flow
    def probe() -> list[tuple[int, bool]]:
        with runner_type(max_workers=2) as runner:
            futures = [runner.submit(parent_and_preloaded, parameters={}) for _ in range(2)]
            return [future.result() for future in futures]

    return probe()


@pytest.mark.skipif(sys.platform == "win32", reason="no fork server on Windows")
def test_workers_are_forked_from_the_preloaded_server(harness) -> None:
    from multiprocessing import forkserver

    from flows.workers import PreloadedProcessPoolTaskRunner

    found = _where_workers_run(PreloadedProcessPoolTaskRunner)
    server_pid = forkserver._forkserver._forkserver_pid  # (the stdlib's one fork server of this process)
    assert server_pid is not None and server_pid != os.getpid()
    assert found == [(server_pid, True), (server_pid, True)]


def test_without_a_fork_server_workers_are_spawned(harness, monkeypatch) -> None:
    from flows import workers

    monkeypatch.setattr(workers, "forkserver_available", lambda: False)
    found = _where_workers_run(workers.PreloadedProcessPoolTaskRunner)
    assert [parent for parent, _ in found] == [os.getpid(), os.getpid()]
