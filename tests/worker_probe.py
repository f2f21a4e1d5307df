"""A task for tests/test_workers.py, in a module of its own so a spawned worker imports nothing else first."""

from __future__ import annotations

import os
import sys

from prefect import task
from prefect.cache_policies import NO_CACHE


@task(cache_policy=NO_CACHE)
def parent_and_preloaded() -> tuple[int, bool, bool]:
    """The worker's parent process, whether the text library was already imported when the task ran, and
    whether its dictionaries were already loaded (the fork server warms them up)."""
    warmup = sys.modules.get("zhetl.warmup")
    return os.getppid(), "zhetl.pipeline" in sys.modules, warmup is not None and warmup.last_seconds is not None


def parent_and_warmed() -> tuple[int, bool]:
    """The process's parent and whether the text library was warmed up before this ran (a plain function, for a
    bare multiprocessing pool)."""
    warmup = sys.modules.get("zhetl.warmup")
    return os.getppid(), warmup is not None and warmup.last_seconds is not None


def collector_enabled() -> bool:
    """Whether the process's cyclic garbage collector runs (a plain function, for a bare multiprocessing pool)."""
    import gc

    return gc.isenabled()


def niceness() -> int:
    """The process's scheduling niceness (a plain function, for a bare multiprocessing pool)."""
    return os.nice(0)


@task(cache_policy=NO_CACHE)
def settings_seen() -> tuple[str | None, str | None, object]:
    """The API URL, CA file and flow heartbeat the worker's settings name while the task runs."""
    from prefect.settings import get_current_settings

    settings = get_current_settings()
    return settings.api.url, str(settings.api.ssl_cert_file), settings.flows.heartbeat_frequency


@task(cache_policy=NO_CACHE)
def started_at(index: int) -> tuple[int, float]:
    """The task's index and when it started (the system's monotonic clock, the same in every process); it then
    takes 50 ms, so a task two places later in a pool of two can only start after this one did."""
    import time

    started = time.monotonic()
    time.sleep(0.05)
    return index, started
