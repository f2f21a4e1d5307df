"""One Prefect API server per run, shared with every worker process.

Without it, each worker process of a process pool or Dask cluster would start its own temporary server.
When PREFECT_API_URL is already set (a real server, or Prefect's test harness) nothing is started.

The server runs uvicorn over Prefect's app in a child process bound to 127.0.0.1, with the same command
Prefect's own temporary server uses. It is started by :func:`start_early` before the run imports Prefect
and the text library, so the two boot side by side, and the client never imports the server's code (3–4 s).
This is the one place zhetl starts a program: a fixed argument list, never a shell, nothing from its input.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator

STARTUP_TIMEOUT_SECONDS = int(os.environ.get("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "90"))
HOST = "127.0.0.1"
# What Prefect's own temporary server sets: no UI, and the server knows it is a temporary one.
SERVER_ENVIRONMENT = {"PREFECT_UI_ENABLED": "0", "PREFECT__SERVER_EPHEMERAL": "1", "PREFECT__SERVER_FINAL": "1"}


def configure_environment(prefect_home: str | None = None) -> None:
    """Defaults that keep Prefect quiet and local; call before importing prefect."""
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", str(STARTUP_TIMEOUT_SECONDS))
    os.environ.setdefault("PREFECT_HOME", prefect_home or os.path.abspath(".prefect"))


class ApiServer:
    """A Prefect API server in a child process on 127.0.0.1 and a free port."""

    def __init__(self) -> None:
        self.spawned_at = time.perf_counter()
        self.boot_seconds: float | None = None  # from spawn to the first healthy answer
        self._spawn()

    def _spawn(self) -> None:
        self.port = _free_port()
        environment = {**os.environ, **SERVER_ENVIRONMENT}
        environment.pop("PREFECT_API_URL", None)  # the child is the server, not a client of one
        self.process = subprocess.Popen(
            [sys.executable, "-m", "uvicorn", "--factory", "prefect.server.api.server:create_app", "--host", HOST,
             "--port", str(self.port), "--log-level", "error", "--lifespan", "on"], env=environment)

    @property
    def api_url(self) -> str:
        return f"http://{HOST}:{self.port}/api"

    def wait(self, timeout: float = STARTUP_TIMEOUT_SECONDS) -> str:
        """Block until the server answers its health check; returns its API URL."""
        deadline = time.monotonic() + timeout
        respawned = False
        while time.monotonic() < deadline:
            code = self.process.poll()
            if code is not None and not respawned:
                respawned = True  # another program took the port between the probe and the bind
                self._spawn()
            elif code is not None:
                raise RuntimeError(f"the Prefect API server exited with code {code}")
            try:
                with urllib.request.urlopen(f"{self.api_url}/health", timeout=2) as response:
                    if response.status == 200:
                        self.boot_seconds = time.perf_counter() - self.spawned_at
                        return self.api_url
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            time.sleep(0.05)
        self.stop()
        raise TimeoutError(f"the Prefect API server did not answer within {timeout:.0f} s")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


_early: ApiServer | None = None
last_boot_seconds: float | None = None  # of the server api_server started last (None: it used an existing one)


def start_early() -> None:
    """Start the server now, if a run will need one, so it boots while the caller imports the rest."""
    global _early
    if _early is None and not os.environ.get("PREFECT_API_URL"):
        _early = ApiServer()
        atexit.register(_stop_unused)  # a run that fails before it needs the server must not leave it behind


def _stop_unused() -> None:
    global _early
    if _early is not None:
        _early.stop()
        _early = None


@contextlib.contextmanager
def api_server() -> Iterator[str]:
    """Yield the API URL of a server bound to 127.0.0.1, starting a temporary one when none is configured."""
    global _early, last_boot_seconds
    from prefect.settings import PREFECT_API_URL, temporary_settings

    server, _early = _early, None
    last_boot_seconds = None
    existing = os.environ.get("PREFECT_API_URL") or PREFECT_API_URL.value()
    if existing:
        if server is not None:
            server.stop()  # a profile names a server after all
        yield existing
        return
    server = server or ApiServer()
    url = server.wait()
    last_boot_seconds = server.boot_seconds
    os.environ["PREFECT_API_URL"] = url
    try:
        with temporary_settings({PREFECT_API_URL: url}):
            yield url
    finally:
        _drain_workers()
        os.environ.pop("PREFECT_API_URL", None)
        server.stop()


def _free_port() -> int:
    with contextlib.closing(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def _drain_workers() -> None:
    """Send queued logs and events before the server stops (else the client retries for a minute)."""
    from prefect.events.worker import EventsWorker
    from prefect.logging.handlers import APILogWorker

    for worker in (APILogWorker, EventsWorker):
        with contextlib.suppress(Exception):
            worker.drain_all(timeout=15)
