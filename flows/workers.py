"""Worker processes that import nothing when they start: forked from a server that imported everything once.

Prefect's process pool spawns each worker as a fresh interpreter, which then imports Prefect, the flow's tasks
and the text library: about 2 s per worker before its first batch, on every run (measured in ``make bench``'s
worker timeline). Where the platform has the ``forkserver`` start method, ``zhetl run`` starts that server
early, while the API server boots, with those modules preloaded; the pool then forks its workers from it.
Elsewhere (Windows) the pool spawns workers as before.
"""

from __future__ import annotations

import multiprocessing
from multiprocessing import forkserver
from types import ModuleType
from typing import Any

import prefect.task_runners
from prefect.task_runners import ProcessPoolTaskRunner

# What a worker imports to run a batch, through a module that cannot fail (the stdlib's fork server only
# survives an ImportError in its preloads).
PRELOAD = ["flows.worker_preload"]


def forkserver_available() -> bool:
    return "forkserver" in multiprocessing.get_all_start_methods()


def start_forkserver() -> bool:
    """Start the fork server now, preloading what workers import, so it is ready when the first batch is.

    Returns whether workers will be forked from it. Cheap when it runs already.
    """
    if not forkserver_available():
        return False
    multiprocessing.set_forkserver_preload(PRELOAD)
    forkserver.ensure_running()
    return True


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
        if not start_forkserver():
            return super().__enter__()
        real = prefect.task_runners.multiprocessing
        prefect.task_runners.multiprocessing = _ForkServerMultiprocessing()  # type: ignore[assignment]
        try:
            return super().__enter__()
        finally:
            prefect.task_runners.multiprocessing = real
