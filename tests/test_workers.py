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


def test_tasks_reach_the_pool_in_the_order_they_were_submitted(harness) -> None:
    """Prefect passes submissions on through a pool of threads, which could reorder them; the plan's last, small
    batches must run last, so the runner passes them on in order."""
    from prefect import flow

    from flows.workers import PreloadedProcessPoolTaskRunner
    from tests.worker_probe import started_at

    @flow
    def probe() -> list[tuple[int, float]]:
        with PreloadedProcessPoolTaskRunner(max_workers=2) as runner:
            futures = [runner.submit(started_at, parameters={"index": index}) for index in range(12)]
            return [future.result() for future in futures]

    starts = [started for _, started in sorted(probe())]
    assert all(starts[index] <= starts[index + 2] for index in range(len(starts) - 2)), starts


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


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the fork server is forked from the run on Linux")
def test_a_run_forks_its_fork_server_and_keeps_its_exit_handlers(tmp_path) -> None:
    """``zhetl run`` has imported everything a worker needs when it starts the fork server, and no thread runs yet:
    the server is a fork of the run (no second interpreter importing it all again), its workers come warmed up,
    and the run's exit handlers (which stop the API server) run in the run's process only."""
    import subprocess
    from pathlib import Path

    exits = tmp_path / "exits.txt"
    code = ("import atexit, os, sys\n"
            "from flows.server import configure_environment\n"
            "configure_environment()\n"
            "import flows.etl\n"
            f"atexit.register(lambda: open({str(exits)!r}, 'a').write(f'{{os.getpid()}}\\n'))\n"
            "from multiprocessing import forkserver, get_context\n"
            "from flows.workers import start_forkserver\n"
            "from tests.worker_probe import parent_and_warmed\n"
            "assert start_forkserver(fork_this_process=True)\n"
            "server = forkserver._forkserver._forkserver_pid\n"
            "command = open(f'/proc/{server}/cmdline', 'rb').read()\n"
            "print('forked' if command == open('/proc/self/cmdline', 'rb').read() else 'spawned')\n"
            "with get_context('forkserver').Pool(2) as pool:\n"
            "    found = pool.apply(parent_and_warmed)\n"
            "print(found == (server, True))\n"
            "forkserver._forkserver._stop()\n"
            "print(os.getpid())\n")
    root = Path(__file__).resolve().parent.parent
    result = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True, timeout=180,
                            env={**os.environ, "PREFECT_HOME": str(tmp_path / "prefect")})
    lines = result.stdout.split()
    assert lines[:2] == ["forked", "True"], result.stderr[-2000:]
    assert exits.read_text().split() == [lines[2]]  # the run's own exit only


def _in_a_forked_worker(tmp_path, shown: str, before: str = "",
                        environment: dict | None = None) -> tuple[list[str], str]:
    """Run a fresh interpreter that imports the flow, forks its fork server as ``zhetl run`` does, and prints
    ``shown`` (an expression; ``pool`` runs a function of tests.worker_probe, ``probe``, in a worker); ``before`` runs
    first. Returns the printed words and the end of stderr."""
    import subprocess
    from pathlib import Path

    code = (f"{before}"
            "import os\n"
            "from flows.server import configure_environment\n"
            "configure_environment()\n"
            "import flows.etl\n"
            "from multiprocessing import forkserver, get_context\n"
            "from flows.workers import start_forkserver\n"
            "import tests.worker_probe as probe\n"
            "assert start_forkserver(fork_this_process=True)\n"
            "with get_context('forkserver').Pool(1) as pool:\n"
            f"    print({shown})\n"
            "forkserver._forkserver._stop()\n")
    root = Path(__file__).resolve().parent.parent
    result = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True, timeout=180,
                            env={**(environment or os.environ), "PREFECT_HOME": str(tmp_path / "prefect")})
    return result.stdout.split(), result.stderr[-2000:]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the fork server is forked from the run on Linux")
def test_workers_collect_garbage_though_the_run_forked_them_with_the_collector_paused(tmp_path) -> None:
    """The CLI pauses the collector while it imports and surveys, and forks the fork server meanwhile; the fork
    server resumes it once warmed up, so its workers collect their batches' garbage as usual."""
    words, errors = _in_a_forked_worker(tmp_path, "gc.isenabled(), pool.apply(probe.collector_enabled)",
                                        before="import gc\ngc.disable()\n")
    assert words[-2:] == ["False", "True"], errors


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the fork server is forked from the run on Linux")
@pytest.mark.parametrize("setting", [None, "0", "3"])
def test_workers_run_below_the_run_s_priority(tmp_path, setting: str | None) -> None:
    """The fork server lowers its priority before it warms up (so its warm-up takes only the cycles the run and its
    booting API server leave), and its workers inherit it; ZHETL_WORKER_NICENESS sets by how much."""
    from flows.worker_preload import DEFAULT_NICENESS

    environment = {key: value for key, value in os.environ.items() if key != "ZHETL_WORKER_NICENESS"}
    if setting is not None:
        environment["ZHETL_WORKER_NICENESS"] = setting
    words, errors = _in_a_forked_worker(tmp_path, "os.nice(0), pool.apply(probe.niceness)", environment=environment)
    run_niceness, worker_niceness = (int(word) for word in words[-2:])
    lowered_by = DEFAULT_NICENESS if setting is None else int(setting)
    assert worker_niceness == min(run_niceness + lowered_by, 19), errors


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the fork server is forked from the run on Linux")
def test_workers_forked_from_the_run_are_not_sent_its_settings(tmp_path) -> None:
    """A run forks its fork server under the settings its flow runs with, so its workers hold them: from the first
    task on, Prefect's context goes without them (rebuilding them took 34 ms a task), and every task still sees the
    run's API server, its one-certificate CA file and no heartbeats."""
    import subprocess
    from pathlib import Path

    code = ("from flows.server import configure_environment, start_early, api_server, own_server_settings\n"
            "configure_environment()\n"
            "start_early()\n"
            "import flows.etl\n"
            "from prefect import flow\n"
            "from prefect.settings import get_current_settings\n"
            "from flows.workers import PreloadedProcessPoolTaskRunner, start_forkserver, workers_hold_settings\n"
            "from tests.worker_probe import settings_seen\n"
            "@flow\n"
            "def probe():\n"
            "    with PreloadedProcessPoolTaskRunner(max_workers=2) as runner:\n"
            "        first = runner.submit(settings_seen, parameters={}).result()\n"
            "        rest = [f.result() for f in [runner.submit(settings_seen, parameters={}) for _ in range(3)]]\n"
            "        return [first, *rest], runner._cached_context['settings_context']\n"
            "with own_server_settings():\n"
            "    assert start_forkserver(fork_this_process=True)\n"
            "    with api_server():\n"
            "        settings = get_current_settings()\n"
            "        expected = (settings.api.url, str(settings.api.ssl_cert_file), None)\n"
            "        print(workers_hold_settings())\n"
            "        seen, sent = probe()\n"
            "        print(all(found == expected for found in seen), sent == {})\n")
    root = Path(__file__).resolve().parent.parent
    environment = {key: value for key, value in os.environ.items() if key != "PREFECT_API_URL"}
    result = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True, timeout=180,
                            env={**environment, "PREFECT_HOME": str(tmp_path / "prefect")})
    assert result.stdout.split()[-3:] == ["True", "True", "True"], result.stderr[-3000:]


def test_workers_are_sent_the_settings_when_the_server_is_not_a_fork_of_this_process(harness) -> None:
    """Under Prefect's test harness (its own settings) or a spawned fork server, the settings go with each task."""
    from flows.workers import workers_hold_settings

    assert not workers_hold_settings()
