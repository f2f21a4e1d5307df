"""Worker processes that import nothing when they start: forked from a server that imported everything once.

Prefect's process pool spawns each worker as a fresh interpreter, which then imports Prefect, the flow's tasks
and the text library: about 2 s per worker before its first batch, on every run (measured in ``make bench``'s
worker timeline). Where the platform has the ``forkserver`` start method, ``zhetl run`` starts that server
early, while the API server boots, with those modules preloaded; the pool then forks its workers from it.
On Linux that server is a fork of the run itself, which has imported all of it by then (it warms up only), and
its workers then hold the run's own settings, so Prefect need not send them with each task. Elsewhere (Windows)
the pool spawns workers as before.
"""

from __future__ import annotations

import multiprocessing
import os
import socket
import sys
import threading
import traceback
from concurrent.futures import ThreadPoolExecutor
from multiprocessing import connection, forkserver, resource_tracker, util
from types import ModuleType
from typing import Any, NoReturn

import prefect.task_engine  # (what a worker runs a task with: imported before the fork server forks)
import prefect.task_runners
from prefect.context import SettingsContext, serialize_context
from prefect.task_runners import ProcessPoolTaskRunner

# What a worker imports to run a batch, through a module that cannot fail (the stdlib's fork server only
# survives an ImportError in its preloads).
PRELOAD = ["flows.worker_preload"]


def forkserver_available() -> bool:
    return "forkserver" in multiprocessing.get_all_start_methods()


def start_forkserver(fork_this_process: bool = False) -> bool:
    """Start the fork server now, preloading what workers import, so it is ready when the first batch is.

    ``fork_this_process``: the caller has imported what workers need and holds no lock or open output yet, so the
    server may be a fork of it (see :func:`_fork_server_from_here`). Returns whether workers will be forked from
    the server. Cheap when it runs already.
    """
    if not forkserver_available():
        return False
    multiprocessing.set_forkserver_preload(PRELOAD)
    if not (fork_this_process and _fork_server_from_here()):
        forkserver.ensure_running()
    return True


# What a worker imports; a process that holds them all can be the fork server itself.
_WORKER_MODULES = ("prefect.task_engine", "tasks.etl", "zhetl.batch")
# The fork server this process forked (its pid) and the settings context it had then; None when the server is not a
# fork of it. Its workers hold a copy of those settings, so they need not be sent them (PreloadedProcessPoolTaskRunner).
_forked_server: tuple[int, SettingsContext] | None = None


def _fork_server_from_here() -> bool:
    """Start the stdlib's fork server as a fork of this process rather than a fresh interpreter.

    ``zhetl run`` has imported Prefect, the tasks and the text library by the time it starts the server; a fresh
    interpreter imports them all again (1.3 s of one core, measured, while the API server boots on the other).
    A fork shares them and only warms up. Only on Linux, only before any thread runs (forking a process with
    threads can copy a held lock) and only once: otherwise the stdlib starts its server as usual.
    """
    server = forkserver._forkserver  # (the stdlib's one fork server of this process)
    if not sys.platform.startswith("linux") or threading.active_count() > 1 \
            or not all(name in sys.modules for name in _WORKER_MODULES):
        return False
    with server._lock:
        if server._forkserver_pid is not None:
            return False  # started already: ensure_running checks it is alive
        resource_tracker.ensure_running()
        with socket.socket(socket.AF_UNIX) as listener:
            address = connection.arbitrary_address("AF_UNIX")
            listener.bind(address)
            if not util.is_abstract_socket_namespace(address):
                os.chmod(address, 0o600)
            listener.listen()
            alive_r, alive_w = os.pipe()  # clients hold the write end; the server stops when all have closed it
            sys.stdout.flush()
            sys.stderr.flush()
            pid = os.fork()
            if pid == 0:
                _serve_forks(listener.fileno(), alive_r, alive_w)
            os.close(alive_r)
        server._forkserver_address = address
        server._forkserver_alive_fd = alive_w
        server._forkserver_pid = pid
    global _forked_server
    _forked_server = pid, SettingsContext.get()
    return True


def _serve_forks(listener_fd: int, alive_r: int, alive_w: int) -> NoReturn:
    """The forked fork server: warm up, then serve until every client is gone. It leaves with ``os._exit``, so the
    run's exit handlers (which stop the API server) run in the run's process only."""
    code = 1
    try:
        os.close(alive_w)
        import flows.worker_preload  # noqa: F401  (warms up the text library and freezes it)

        forkserver.main(listener_fd, alive_r, [])
    except SystemExit:
        code = 0  # (the server's way out: every client closed its end of the alive pipe)
    except BaseException:
        traceback.print_exc()
    finally:
        os._exit(code)


class _ForkServerMultiprocessing(ModuleType):
    """``multiprocessing`` as Prefect's task runner module sees it while a pool starts: every context is the
    fork server's, everything else is the real module."""

    def __init__(self) -> None:
        super().__init__("multiprocessing")

    def __getattr__(self, name: str) -> Any:
        return getattr(multiprocessing, name)

    @staticmethod
    def get_context(method: str | None = None) -> Any:
        return multiprocessing.get_context("forkserver")


class PreloadedProcessPoolTaskRunner(ProcessPoolTaskRunner):
    """Prefect's process pool with its workers forked from the preloaded fork server (spawned where there is
    none). Prefect picks the start method inside ``__enter__``; the module it reads it from is swapped for
    that call only."""

    def __enter__(self):
        if start_forkserver():
            real = prefect.task_runners.multiprocessing
            prefect.task_runners.multiprocessing = _ForkServerMultiprocessing()  # type: ignore[assignment]
            try:
                super().__enter__()
            finally:
                prefect.task_runners.multiprocessing = real
        else:
            super().__enter__()
        self._submit_in_order()
        self._context_without_settings()
        return self

    def _context_without_settings(self) -> None:
        """Where the workers already hold this process's settings, make the context Prefect sends each task without
        them, before the first task is submitted.

        Prefect sends each task the flow's context, settings included, and a worker rebuilds the settings from it
        before every task: 34 ms a task, 3% of a worker's time (py-spy, laws corpus). A worker forked from a fork
        server that is a fork of this run already holds the very settings object the run uses, as long as the run
        still uses it; without the settings in the context a worker keeps its own. Anywhere else they are sent.
        Prefect builds that context on the first ``submit``, with the settings serialised and again as environment
        variables (22 and 25 ms, measured), while the first batch waits. Here it is Prefect's own serialisation but
        for the settings, and the environment is this process's, as Prefect also sends it (a worker forked earlier
        lacks a variable set since).
        """
        if not workers_hold_settings():
            return
        real_serialize = SettingsContext.serialize
        SettingsContext.serialize = _no_settings  # type: ignore[method-assign]  (for this one call, nothing else runs yet)
        try:
            context = serialize_context()
        finally:
            SettingsContext.serialize = real_serialize  # type: ignore[method-assign]
        self._cached_context = context
        self._cached_env = dict(os.environ)

    def _submit_in_order(self) -> None:
        """Pass tasks to the process pool in the order they were submitted.

        Prefect's ``submit`` hands each task to a pool of ``max_workers`` threads that resolve its inputs and then
        pass it on to the process pool, so two of them can pass batches on out of order. The plan's batches shrink
        towards the end so that the workers finish together; a full batch passed on late ran last, while the other
        worker had nothing left to do (seen on the laws corpus: batch 18 of 31 started after batch 23, and a run
        whose first worker idled 0.8 s at the end). The flow's batch tasks wait on no futures, so resolving their
        inputs is immediate and one thread keeps up.
        """
        threads = getattr(self, "_resolver_executor", None)
        if isinstance(threads, ThreadPoolExecutor):
            self._resolver_executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="zhetl-submit")
            threads.shutdown(wait=False)


def _no_settings(self: SettingsContext, include_secrets: bool = True) -> dict[str, Any]:
    """``SettingsContext.serialize`` while the context for workers that hold the settings is built: nothing to send."""
    return {}


def workers_hold_settings() -> bool:
    """True when workers are forked from a fork of this process made while it used the settings it uses now."""
    if _forked_server is None:
        return False
    pid, settings = _forked_server
    return forkserver._forkserver._forkserver_pid == pid and SettingsContext.get() is settings
