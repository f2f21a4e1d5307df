"""The run's API server launcher: Prefect's own app, built with the collector paused and then frozen, and without
hashing the settings for the app cache."""

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
