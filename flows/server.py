"""One Prefect API server per run, shared with every worker process.

Without it, each worker process of a process pool or Dask cluster would start its own temporary server.
When PREFECT_API_URL is already set (a real server, or Prefect's test harness) nothing is started.

``zhetl run`` calls :func:`start_early` before it imports Prefect: that starts uvicorn over Prefect's app in
a child process bound to 127.0.0.1 (the app and server Prefect's own temporary server runs, started through
:mod:`flows.server_boot`, which builds the app with the garbage collector paused) and exports its URL at
once, so the server boots while the run imports Prefect and the text library, the client never imports the
server's code (3–4 s), and every part of Prefect in this process (its event and log threads too) sees the
URL from the start. This is the one place zhetl starts a program: a fixed argument list, never a shell,
nothing from its input. Called later, with Prefect already imported, :func:`api_server` starts Prefect's
own temporary server instead, which Prefect's threads find through its registry of servers.
"""

from __future__ import annotations

import atexit
import contextlib
import functools
import os
import re
import socket
import subprocess
import sys
import time
import tomllib
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

STARTUP_TIMEOUT_SECONDS = int(os.environ.get("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "90"))
HOST = "127.0.0.1"
# What Prefect's own temporary server sets: no UI, and the server knows it is a temporary one (but not
# PREFECT__SERVER_FINAL: see flows.server_boot).
SERVER_ENVIRONMENT = {"PREFECT_UI_ENABLED": "0", "PREFECT__SERVER_EPHEMERAL": "1"}
# Settings of the run's own server only, unless one's environment sets them otherwise (see server_environment).
OWN_SERVER_DEFAULTS = {
    # Its task-run recorder writes each event of a task run (pending, running, completed) to the database as it
    # comes, one transaction and one compiled bulk insert each: 0.8 s of the server's CPU on the laws corpus (36
    # task runs), taken from the workers' cores. It holds them instead and writes the same rows when it stops,
    # which the run waits for, or once a thousand events (333 task runs) or an hour have gathered; nobody reads
    # them meanwhile (the run's futures come from its own pool, and the temporary server has no UI). Not every 5 s,
    # Prefect's default period: a periodic write that the stop interrupts is written again in the final one, but
    # Prefect logs the interruption as an error with a traceback, on the run's console (1 run in 6).
    "PREFECT_SERVER_SERVICES_TASK_RUN_RECORDER_BATCH_SIZE": "1000",
    "PREFECT_SERVER_SERVICES_TASK_RUN_RECORDER_FLUSH_INTERVAL": "3600",
    # Nor does it trim old events. Prefect's event vacuum runs as soon as a server starts, and its deletes raced
    # the run's first write: SQLite refused the new flow run ("database is locked"), the server answered 503 and
    # Prefect's client waited 2 s before trying again, in about 1 run in 15 (10 of 144 small runs; with the vacuum
    # off, none in 110; seen with PREFECT_API_LOG_RETRYABLE_ERRORS=true). "orphans" names only a vacuum that
    # temporary servers never run, leaving none; the real server (`make server`, its own settings) trims events.
    "PREFECT_SERVER_SERVICES_DB_VACUUM_ENABLED": "orphans",
    # Nor does it store every event in its events table, or match each against automations: nobody reads the feed of
    # a server that lives as long as one run, and no automation can be set up on it. Both took 0.2-0.5 s of its CPU
    # on the laws corpus, from the workers' cores (in two alternating pairs of cold runs: 2.89 and 2.91 s of server
    # CPU against 3.37 and 3.11 s). The flow runs, task runs, their states and artifacts are recorded as before; the
    # real server (`make server`, PREFECT_API_URL) keeps both services.
    "PREFECT_SERVER_SERVICES_EVENT_PERSISTER_ENABLED": "false",
    "PREFECT_SERVER_SERVICES_TRIGGERS_ENABLED": "false",
}


def configure_environment(prefect_home: str | None = None) -> None:
    """Defaults that keep Prefect quiet and local; call before importing prefect (and NumPy)."""
    # zhetl makes no BLAS call, but OpenBLAS starts a thread per core when NumPy is imported, and the thread spins
    # for about 0.1 s of CPU before it sleeps: on the cores where the API server boots (measured: importing NumPy
    # took 0.17-0.18 s of CPU, 0.06-0.08 s with one thread).
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", str(STARTUP_TIMEOUT_SECONDS))
    os.environ.setdefault("PREFECT_HOME", prefect_home or os.path.abspath(".prefect"))


def _prefect_home() -> Path:
    return Path(os.environ.get("PREFECT_HOME", "~/.prefect")).expanduser()


def _migrated_marker() -> Path:
    """The file that says this Prefect version has migrated the database in ``PREFECT_HOME``."""
    from importlib.metadata import version  # (cheap: Prefect itself is not imported)

    return _prefect_home() / f".zhetl-migrated-prefect-{version('prefect')}"


def prepare_database() -> None:
    """Create or upgrade Prefect's database once, at setup, and mark it done for this Prefect version.

    A run's server then skips the migration check (0.65 s of its start, measured); without the mark, or with a
    database elsewhere, it migrates as usual.
    """
    command = [sys.executable, "-m", "prefect", "server", "database", "upgrade", "-y"]
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, env={**os.environ, **SERVER_ENVIRONMENT})
    _migrated_marker().touch()


def server_environment() -> dict[str, str]:
    """The server child's environment: ours, Prefect's temporary-server settings, no API URL of its own."""
    environment = {**os.environ, **SERVER_ENVIRONMENT}
    environment.pop("PREFECT_API_URL", None)  # the child is the server, not a client of one
    for key, value in OWN_SERVER_DEFAULTS.items():
        environment.setdefault(key, value)
    named_database = any(key in os.environ for key in ("PREFECT_SERVER_DATABASE_CONNECTION_URL",
                                                       "PREFECT_API_DATABASE_CONNECTION_URL"))
    if not named_database and (_prefect_home() / "prefect.db").is_file() and _migrated_marker().is_file():
        environment.setdefault("PREFECT_SERVER_DATABASE_MIGRATE_ON_START", "false")
        # Nor does it register Prefect's block types (zhetl's flows use none; `make server` registers them):
        # checking whether they changed imports every block module and hashes them, 0.3 s of each start.
        environment.setdefault("PREFECT_API_BLOCKS_REGISTER_ON_START", "false")
        environment.setdefault("PREFECT_MEMOIZE_BLOCK_AUTO_REGISTRATION", "false")
    return environment


class ApiServer:
    """A Prefect API server in a child process on 127.0.0.1 and a free port."""

    def __init__(self) -> None:
        self.spawned_at = time.perf_counter()
        self.boot_seconds: float | None = None  # from spawn to the first healthy answer
        self.port = _free_port()
        environment = server_environment()
        self.process = subprocess.Popen([sys.executable, "-m", "flows.server_boot", "--port", str(self.port)],
                                        env=environment)

    @property
    def api_url(self) -> str:
        return f"http://{HOST}:{self.port}/api"

    def wait(self, timeout: float = STARTUP_TIMEOUT_SECONDS) -> str:
        """Block until the server answers its health check; returns its API URL."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            code = self.process.poll()
            if code is not None:  # e.g. another program took the port between the probe and the bind
                raise RuntimeError(f"the Prefect API server on port {self.port} exited with code {code}")
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
    """Start the server now, if a run will need one, so it boots while the caller imports the rest.

    Only before Prefect is imported (its settings are read once, at import) and when neither the
    environment nor the active Prefect profile names a server.
    """
    global _early
    if _early is not None or "prefect" in sys.modules or os.environ.get("PREFECT_API_URL") or _profile_api_url():
        return
    _early = ApiServer()
    os.environ["PREFECT_API_URL"] = _early.api_url
    # The run's own temporary server: its log lines are on the console already, and shipping each one to the
    # server as well cost 0.5–0.7 s of every run (the client batches them every 2 s and drains them at the end).
    # PREFECT_LOGGING_TO_API_ENABLED=true keeps them; a real server (PREFECT_API_URL set) always gets them.
    os.environ.setdefault("PREFECT_LOGGING_TO_API_ENABLED", "false")
    atexit.register(_stop_unused)  # a run that fails before it needs the server must not leave it behind


def booting() -> bool:
    """Whether a server started by :func:`start_early` is still booting (the caller has time to spare)."""
    return _early is not None and _early.boot_seconds is None


def _stop_unused() -> None:
    global _early
    if _early is not None:
        _early.stop()
        os.environ.pop("PREFECT_API_URL", None)
        _early = None


def _profile_api_url() -> str | None:
    """The API URL of the active profile in Prefect's profiles file, if it names one."""
    path = Path(os.environ.get("PREFECT_PROFILES_PATH", _prefect_home() / "profiles.toml")).expanduser()
    try:
        profiles = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError):
        return None
    active = os.environ.get("PREFECT_PROFILE") or profiles.get("active", "ephemeral")
    return profiles.get("profiles", {}).get(active, {}).get("PREFECT_API_URL")


@contextlib.contextmanager
def api_server() -> Iterator[str]:
    """Yield the API URL of a server bound to 127.0.0.1, starting a temporary one when none is configured."""
    global _early, last_boot_seconds
    from prefect.settings import PREFECT_API_URL, temporary_settings

    early, _early = _early, None
    last_boot_seconds = None
    own_values = _own_server_values()
    if early is not None:  # started by start_early, its URL exported before Prefect was imported
        url = early.wait()
        last_boot_seconds = early.boot_seconds
        stop = early.stop
        settings = contextlib.nullcontext() if _in_force(own_values) else temporary_settings(own_values)
    else:
        existing = os.environ.get("PREFECT_API_URL") or PREFECT_API_URL.value()
        if existing:
            yield existing
            return
        from prefect.server.api.server import SubprocessASGIServer

        started = time.perf_counter()
        server = SubprocessASGIServer()
        server.start(timeout=STARTUP_TIMEOUT_SECONDS)
        last_boot_seconds = time.perf_counter() - started
        url = os.environ["PREFECT_API_URL"] = server.api_url
        stop, settings = server.stop, temporary_settings({PREFECT_API_URL: url, **own_values})
    try:
        with settings:
            yield url
    finally:
        _drain_workers()
        os.environ.pop("PREFECT_API_URL", None)
        stop()


def own_server_settings() -> contextlib.AbstractContextManager:
    """The settings of a run on its own temporary server, for a caller that enters them before :func:`api_server`
    (which then keeps them): ``zhetl run`` forks its workers' fork server under them, so the workers hold the very
    settings the flow runs with (see ``flows.workers``)."""
    from prefect.settings import temporary_settings

    return temporary_settings(_own_server_values())


def _own_server_values() -> dict[str, object]:
    # A temporary server dies with the run, so flow-run heartbeats (which let a real server mark a crashed run)
    # have no one to tell; and Prefect's heartbeat thread sleeps in whole seconds, so stopping it held every
    # flow run's end by up to a second (an empty flow took 1.1 s with it).
    values: dict[str, object] = {"flows.heartbeat_frequency": None}
    if not os.environ.get("PREFECT_API_SSL_CERT_FILE"):
        values["api.ssl_cert_file"] = str(_plain_http_ca_file())
    return values


def _in_force(values: dict[str, object]) -> bool:
    """Whether the current settings hold ``values`` already (entered by :func:`own_server_settings`): each dotted
    name read from them, so a value added to :func:`_own_server_values` is checked too."""
    from prefect.settings import get_current_settings

    settings = get_current_settings()
    return all(str(functools.reduce(getattr, name.split("."), settings)) == str(value)
               for name, value in values.items())


def _plain_http_ca_file() -> Path:
    """One CA certificate for the TLS context Prefect's client builds for every task run, even on plain HTTP.

    The run's own server speaks HTTP on 127.0.0.1, so no certificate is ever checked; but each task run makes a
    client that loads the whole CA bundle into a new TLS context (25 ms, about a third of Prefect's cost per
    task in a worker, measured with py-spy). Loading one certificate takes 0.5 ms. Written once, atomically.
    """
    import certifi  # (only when a run starts its own server)

    path = _prefect_home() / "zhetl-plain-http-ca.pem"
    if not path.is_file():
        bundle = Path(certifi.where()).read_text(encoding="ascii")
        first = re.search(r"-----BEGIN CERTIFICATE-----.*?-----END CERTIFICATE-----\n", bundle, re.S)
        if first is None:
            return Path(certifi.where())
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        partial.write_text(first.group(0), encoding="ascii")
        partial.replace(path)
    return path


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


if __name__ == "__main__":  # `python -m flows.server`: what `make` setup runs once
    configure_environment()
    prepare_database()
