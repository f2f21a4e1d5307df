"""The run's API server launcher: Prefect's own app, built with the collector paused and then frozen."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PROBE = """
import gc, json
from flows.server import configure_environment
configure_environment()
from flows.server_boot import build_app
from prefect.server.api.server import create_app
app = build_app()
print(json.dumps({"enabled": gc.isenabled(), "frozen": gc.get_freeze_count(), "same": app is create_app(),
                  "health": any(getattr(route, "path", "") == "/api" for route in app.routes)}))
"""


def test_the_launcher_builds_prefects_app_and_leaves_the_collector_on(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-c", PROBE], cwd=ROOT, capture_output=True, text=True, timeout=120,
                            check=True, env={"PATH": "/usr/bin:/bin", "PREFECT_HOME": str(tmp_path)})
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    assert seen["enabled"]
    assert seen["frozen"] > 100_000  # (what the import built, skipped by the collector from then on)
    assert seen["same"]  # the app uvicorn's factory would get: Prefect's cached one for these settings
    assert seen["health"]
