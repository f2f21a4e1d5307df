"""Worker processes forked from the preloaded fork server, and spawned where there is none."""

from __future__ import annotations

import os
import sys

import pytest

pytestmark = pytest.mark.flow


def _where_workers_run(runner_type) -> list[tuple[int, bool, bool]]:
    """Each worker's parent process, whether the text library was imported before the task ran, and whether its
    dictionaries were loaded."""
    from prefect import flow

    from tests.worker_probe import parent_and_preloaded

    @flow
    def probe() -> list[tuple[int, bool, bool]]:
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
    assert found == [(server_pid, True, True), (server_pid, True, True)]


def test_without_a_fork_server_workers_are_spawned(harness, monkeypatch) -> None:
    from flows import workers

    monkeypatch.setattr(workers, "forkserver_available", lambda: False)
    found = _where_workers_run(workers.PreloadedProcessPoolTaskRunner)
    assert [parent for parent, _, _ in found] == [os.getpid(), os.getpid()]


def test_a_failing_preload_leaves_the_fork_server_alive() -> None:
    """The stdlib's fork server survives only an ImportError in a preload; ours swallows any error, so a worker
    meets it on its own import with a traceback instead of every batch failing with an EOFError."""
    import subprocess
    from pathlib import Path

    code = ("import builtins\n"
            "real = builtins.__import__\n"
            "def failing(name, *args, **kwargs):\n"
            "    if name == 'tasks.etl':\n"
            "        raise RuntimeError('compiled modules are stale')\n"
            "    return real(name, *args, **kwargs)\n"
            "builtins.__import__ = failing\n"
            "import flows.worker_preload\n"
            "print('alive')")
    root = Path(__file__).resolve().parent.parent
    result = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True, timeout=120)
    assert result.stdout.split() == ["alive"], result.stderr[-2000:]
