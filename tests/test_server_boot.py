"""The run's API server launcher: Prefect's own app, built with the collector paused and then frozen, and without
hashing the settings for the app cache."""

from __future__ import annotations

import http.client
import json
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from flows.server import _free_port

ROOT = Path(__file__).resolve().parents[1]
PROBE = """
import gc, json
from flows.server import configure_environment
configure_environment()
from flows.server_boot import build_app
from prefect.server.api.server import APP_CACHE
from prefect.settings import Settings
real_hash_key = Settings.hash_key
app = build_app()
print(json.dumps({"enabled": gc.isenabled(), "frozen": gc.get_freeze_count(),
                  "cached": [app] == list(APP_CACHE.values()), "restored": Settings.hash_key is real_hash_key,
                  "health": any(getattr(route, "path", "") == "/api" for route in app.routes)}))
"""


def test_the_launcher_builds_prefects_app_and_leaves_the_collector_on(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-c", PROBE], cwd=ROOT, capture_output=True, text=True, timeout=120,
                            check=True, env={"PATH": "/usr/bin:/bin", "PREFECT_HOME": str(tmp_path)})
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    assert seen["enabled"]
    assert seen["frozen"] > 100_000  # (what the import built, skipped by the collector from then on)
    assert seen["cached"]  # Prefect's app, built once (its cache holds it, under the boot's constant key)
    assert seen["restored"]  # the settings hash as before once the app is built
    assert seen["health"]


STOPPING_PROBE = """
import asyncio, sys
import uvicorn
from flows.server_boot import PromptServer

async def app(scope, receive, send):
    if scope["type"] == "lifespan":
        while True:
            message = await receive()
            if message["type"] == "lifespan.startup":
                await send({"type": "lifespan.startup.complete"})
            else:
                open(sys.argv[2], "w").write("shut down")
                await send({"type": "lifespan.shutdown.complete"})
                return
    await asyncio.sleep(float(scope["query_string"] or b"0"))  # a request still running when the stop comes
    await send({"type": "http.response.start", "status": 200, "headers": [(b"content-length", b"2")]})
    await send({"type": "http.response.body", "body": b"ok"})

PromptServer(uvicorn.Config(app, host="127.0.0.1", port=int(sys.argv[1]), log_level="error", lifespan="on")).run()
"""


def test_the_server_stops_when_asked_after_its_requests_and_its_apps_shutdown(tmp_path: Path) -> None:
    port = _free_port()
    marker = tmp_path / "shutdown"
    server = subprocess.Popen([sys.executable, "-c", STOPPING_PROBE, str(port), str(marker)], cwd=ROOT)
    try:
        idle = _connect(port)
        idle.request("GET", "/")
        assert idle.getresponse().read() == b"ok"  # (kept alive: open and idle when the stop comes)
        answers: list[bytes] = []
        busy = threading.Thread(target=lambda: answers.append(_slow_answer(port)))
        busy.start()
        time.sleep(0.2)
        server.send_signal(signal.SIGTERM)
        busy.join(30)
        assert server.wait(30) in (0, -signal.SIGTERM)  # (uvicorn raises the signal again once it has stopped)
    finally:
        server.kill()
    assert answers == [b"ok"]  # the request running at the stop was answered
    assert marker.read_text() == "shut down"  # and the app's own shutdown ran


def _connect(port: int) -> http.client.HTTPConnection:
    deadline = time.monotonic() + 60
    while True:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        try:
            connection.connect()
            return connection
        except ConnectionError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def _slow_answer(port: int) -> bytes:
    connection = _connect(port)
    connection.request("GET", "/?1.0")
    return connection.getresponse().read()
