"""One Prefect API server per run, shared with every worker process.

Without it, each worker process of a process pool or Dask cluster would start its own temporary server.
When PREFECT_API_URL is already set (a real server, or Prefect's test harness) nothing is started.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator

STARTUP_TIMEOUT_SECONDS = int(os.environ.get("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "90"))


def configure_environment(prefect_home: str | None = None) -> None:
    """Defaults that keep Prefect quiet and local; call before importing prefect."""
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", str(STARTUP_TIMEOUT_SECONDS))
    os.environ.setdefault("PREFECT_HOME", prefect_home or os.path.abspath(".prefect"))


@contextlib.contextmanager
def api_server() -> Iterator[str]:
    """Yield the API URL of a server bound to 127.0.0.1, starting a temporary one when none is configured."""
    from prefect.settings import PREFECT_API_URL, temporary_settings

    existing = os.environ.get("PREFECT_API_URL") or PREFECT_API_URL.value()
    if existing:
        yield existing
        return
    from prefect.server.api.server import SubprocessASGIServer

    server = SubprocessASGIServer()
    server.start(timeout=STARTUP_TIMEOUT_SECONDS)
    os.environ["PREFECT_API_URL"] = server.api_url
    try:
        with temporary_settings({PREFECT_API_URL: server.api_url}):
            yield server.api_url
    finally:
        _drain_workers()
        os.environ.pop("PREFECT_API_URL", None)
        server.stop()


def _drain_workers() -> None:
    """Send queued logs and events before the server stops (else the client retries for a minute)."""
    from prefect.events.worker import EventsWorker
    from prefect.logging.handlers import APILogWorker

    for worker in (APILogWorker, EventsWorker):
        with contextlib.suppress(Exception):
            worker.drain_all(timeout=15)
