"""The run's Prefect API server: started early by the CLI, exactly one per run, never when one is named."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from flows import server

ROOT = Path(__file__).resolve().parent.parent


def test_the_active_profile_can_name_a_server(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    profiles = tmp_path / "profiles.toml"
    profiles.write_text('active = "remote"\n[profiles.remote]\nPREFECT_API_URL = "http://10.0.0.5:4200/api"\n'
                        '[profiles.local]\n', encoding="utf-8")
    monkeypatch.setenv("PREFECT_PROFILES_PATH", str(profiles))
    monkeypatch.delenv("PREFECT_PROFILE", raising=False)
    assert server._profile_api_url() == "http://10.0.0.5:4200/api"
    monkeypatch.setenv("PREFECT_PROFILE", "local")
    assert server._profile_api_url() is None
    monkeypatch.setenv("PREFECT_PROFILES_PATH", str(tmp_path / "missing.toml"))
    assert server._profile_api_url() is None


def test_the_server_skips_migrations_only_for_a_database_setup_migrated(tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PREFECT_HOME", str(tmp_path))
    monkeypatch.delenv("PREFECT_SERVER_DATABASE_CONNECTION_URL", raising=False)
    monkeypatch.delenv("PREFECT_API_DATABASE_CONNECTION_URL", raising=False)
    monkeypatch.delenv("PREFECT_SERVER_DATABASE_MIGRATE_ON_START", raising=False)
    key = "PREFECT_SERVER_DATABASE_MIGRATE_ON_START"
    assert key not in server.server_environment()  # no database yet: the server creates it
    (tmp_path / "prefect.db").write_bytes(b"")
    assert key not in server.server_environment()  # a database no setup of this Prefect version migrated
    server._migrated_marker().touch()
    prepared = server.server_environment()
    assert prepared[key] == "false"
    assert prepared["PREFECT_API_BLOCKS_REGISTER_ON_START"] == "false"  # nor checks its block types
    monkeypatch.setenv("PREFECT_SERVER_DATABASE_CONNECTION_URL", "postgresql+asyncpg://db/prefect")
    assert key not in server.server_environment()  # a database elsewhere migrates as usual
    assert "PREFECT_API_BLOCKS_REGISTER_ON_START" not in server.server_environment()
    assert "PREFECT_API_URL" not in server.server_environment()


def test_the_runs_own_server_records_task_runs_in_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    batch, period = ("PREFECT_SERVER_SERVICES_TASK_RUN_RECORDER_BATCH_SIZE",
                     "PREFECT_SERVER_SERVICES_TASK_RUN_RECORDER_FLUSH_INTERVAL")
    monkeypatch.delenv(batch, raising=False)
    monkeypatch.delenv(period, raising=False)
    assert server.server_environment()[batch] == "1000" and server.server_environment()[period] == "3600"
    monkeypatch.setenv(batch, "1")  # (one's own settings win)
    monkeypatch.setenv(period, "5")
    assert server.server_environment()[batch] == "1" and server.server_environment()[period] == "5"


def test_the_runs_own_server_runs_no_vacuum() -> None:
    """Prefect's event vacuum, run as a server starts, raced the run's first write (a 2 s retry): in the server's
    environment no vacuum is among the services a temporary server starts."""
    code = ("from prefect.server.services.perpetual_services import get_enabled_perpetual_services\n"
            "print(sorted(c.function.__name__ for c in get_enabled_perpetual_services(ephemeral=True)))\n")
    plain = {key: value for key, value in os.environ.items() if key != "PREFECT_SERVER_SERVICES_DB_VACUUM_ENABLED"}
    default = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=plain, capture_output=True, text=True)
    ours = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                          env={**plain, "PREFECT_SERVER_SERVICES_DB_VACUUM_ENABLED":
                               server.server_environment()["PREFECT_SERVER_SERVICES_DB_VACUUM_ENABLED"]})
    assert "vacuum" in default.stdout, default.stderr[-2000:]  # (Prefect's default: the event vacuum)
    assert ours.returncode == 0 and "vacuum" not in ours.stdout, ours.stdout + ours.stderr[-2000:]


def test_no_early_server_once_prefect_is_imported(monkeypatch: pytest.MonkeyPatch) -> None:
    """Prefect reads its settings at import, so a URL exported later would not reach all of it."""
    import prefect  # noqa: F401

    monkeypatch.delenv("PREFECT_API_URL", raising=False)
    server.start_early()
    assert server._early is None and "PREFECT_API_URL" not in os.environ


@pytest.mark.flow
def test_a_cli_run_starts_exactly_one_server_and_leaves_none(tmp_path: Path, fixtures: Path) -> None:
    psutil = pytest.importorskip("psutil")
    environment = {key: value for key, value in os.environ.items() if key != "PREFECT_API_URL"}
    run = subprocess.Popen([sys.executable, "-m", "flows.cli", "run", "--input", str(fixtures / "mini"),
                            "--output", str(tmp_path / "out"), "--workers", "2", "--batch-chars", "200"],
                           cwd=ROOT, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    parent = psutil.Process(run.pid)
    servers: set[int] = set()
    while run.poll() is None:
        try:
            for child in parent.children(recursive=True):
                # (a server's own short-lived children, forked before they exec, show its command line too)
                if "flows.server_boot" in " ".join(child.cmdline()) and child.ppid() not in servers:
                    servers.add(child.pid)
        except psutil.Error:
            pass
        time.sleep(0.1)
    assert run.returncode == 0
    assert len(servers) == 1, f"{len(servers)} API servers started for one run"
    assert not any(psutil.pid_exists(pid) and psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
                   for pid in servers), "the server outlived its run"
    # The server recorded every task run and its three states before it stopped (it writes them in batches).
    database = Path(os.environ.get("PREFECT_HOME", ROOT / ".prefect")).expanduser() / "prefect.db"
    with contextlib.closing(sqlite3.connect(database)) as connection:
        flow_run = connection.execute("SELECT id FROM flow_run ORDER BY created DESC LIMIT 1").fetchone()[0]
        recorded = connection.execute(
            "SELECT t.name, t.state_type, (SELECT COUNT(*) FROM task_run_state s WHERE s.task_run_id = t.id) "
            "FROM task_run t WHERE t.flow_run_id = ?", (flow_run,)).fetchall()
    names = sorted(name.rsplit("-", 1)[0] for name, _, _ in recorded)
    assert names.count("process_batch") >= 1
    assert {"plan", "publish", "record_run", "report", "build_catalog"} <= set(names)
    assert all(state == "COMPLETED" and states == 3 for _, state, states in recorded), recorded


def test_the_runs_own_server_gets_no_log_lines_unless_asked() -> None:
    """Log lines go to the console; shipping them to the run's temporary server too costs ~0.5 s a run."""
    code = ("import os; from flows import server; server.start_early(); "
            "print(os.environ.get('PREFECT_LOGGING_TO_API_ENABLED')); server._stop_unused()")
    environment = {key: value for key, value in os.environ.items()
                   if key not in ("PREFECT_API_URL", "PREFECT_LOGGING_TO_API_ENABLED")}
    plain = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=environment, capture_output=True, text=True)
    asked = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                           env={**environment, "PREFECT_LOGGING_TO_API_ENABLED": "true"})
    assert plain.stdout.split() == ["false"] and asked.stdout.split() == ["true"]


def test_flow_runs_on_the_runs_own_server_send_no_heartbeats() -> None:
    """Heartbeats let a real server mark a crashed run; a temporary one dies with the run, and stopping
    Prefect's heartbeat thread (it sleeps in whole seconds) held each flow run's end by up to a second."""
    code = ("from flows import server; server.start_early()\n"
            "from prefect.settings import get_current_settings\n"
            "with server.api_server():\n"
            "    print(get_current_settings().flows.heartbeat_frequency)\n"
            "print(get_current_settings().flows.heartbeat_frequency)")
    environment = {key: value for key, value in os.environ.items() if key != "PREFECT_API_URL"}
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=environment, capture_output=True, text=True,
                            timeout=120)
    assert result.stdout.split() == ["None", "180"], result.stderr[-2000:]


def test_clients_of_the_runs_own_server_load_one_ca_certificate(tmp_path) -> None:
    """Prefect's client builds a TLS context for every task run even on plain HTTP; on the run's own server it
    loads one certificate instead of the whole bundle (25 ms each), and a user's own setting is kept."""
    code = ("from flows import server; server.start_early()\n"
            "from prefect.settings import get_current_settings\n"
            "with server.api_server():\n"
            "    print(get_current_settings().api.ssl_cert_file)")
    environment = {key: value for key, value in os.environ.items()
                   if key not in ("PREFECT_API_URL", "PREFECT_API_SSL_CERT_FILE")}
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=environment, capture_output=True, text=True,
                            timeout=120)
    path = Path(result.stdout.split()[-1]) if result.stdout.split() else None
    assert path is not None and path.name == "zhetl-plain-http-ca.pem", result.stderr[-2000:]
    assert path.read_text(encoding="ascii").count("BEGIN CERTIFICATE") == 1
    mine = tmp_path / "mine.pem"
    mine.write_text(path.read_text(encoding="ascii"), encoding="ascii")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env={**environment, "PREFECT_API_SSL_CERT_FILE":
                                                                           str(mine)},
                            capture_output=True, text=True, timeout=120)
    assert result.stdout.split()[-1:] == [str(mine)], result.stderr[-2000:]


def test_the_environment_keeps_openblas_to_one_thread_unless_told(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OPENBLAS_NUM_THREADS", raising=False)
    server.configure_environment()
    assert os.environ["OPENBLAS_NUM_THREADS"] == "1"
    monkeypatch.setenv("OPENBLAS_NUM_THREADS", "4")
    server.configure_environment()
    assert os.environ["OPENBLAS_NUM_THREADS"] == "4"


def test_the_runs_own_server_keeps_no_event_feed_and_no_automations() -> None:
    """Its task-run recorder runs; its event persister and trigger services (a feed and automations no one can use
    on a server that lives for one run) do not, unless one's environment turns them on."""
    code = ("from prefect.server.services.base import RunInEphemeralServers\n"
            "from prefect.server.services.perpetual_services import get_enabled_perpetual_services\n"
            "print(sorted(s.__name__ for s in RunInEphemeralServers.enabled_services()),\n"
            "      sorted(c.function.__name__ for c in get_enabled_perpetual_services(ephemeral=True)))\n")
    names = ("PREFECT_SERVER_SERVICES_EVENT_PERSISTER_ENABLED", "PREFECT_SERVER_SERVICES_TRIGGERS_ENABLED")
    plain = {key: value for key, value in os.environ.items() if key not in names}
    environment = server.server_environment()
    ours = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                          env={**plain, **{name: environment[name] for name in names}})
    default = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=plain, capture_output=True, text=True)
    gone = ("EventPersister", "ReactiveTriggers", "'Actions'", "evaluate_proactive_triggers")
    assert all(name in default.stdout for name in gone), default.stdout + default.stderr[-2000:]
    assert ours.returncode == 0 and "TaskRunRecorder" in ours.stdout, ours.stderr[-2000:]
    assert not any(name in ours.stdout for name in gone), ours.stdout
