"""Prefect's collections: a local run loads all but prefect-dask (so never Dask's scheduler); a Dask run loads all.

Each case runs in a fresh interpreter: Prefect keeps the loaded collections for the life of the process.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PROBE = """
import json, sys
from flows.prefect_collections import load_collections
load_collections(dask={dask})
from prefect._internal.plugins import collections
from prefect.blocks.core import Block
Block.get_block_class_from_key("local-file-system")  # what a task's context looks up (it loads collections)
print(json.dumps({{"loaded": sorted(collections._collections), "distributed": "distributed" in sys.modules}}))
"""


def _probe(dask: bool) -> dict:
    result = subprocess.run([sys.executable, "-c", PROBE.format(dask=dask)], cwd=ROOT, capture_output=True,
                            text=True, timeout=120, check=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_a_local_run_never_imports_dask() -> None:
    seen = _probe(dask=False)
    assert "prefect_dask" not in seen["loaded"]
    assert not seen["distributed"]


def test_a_dask_run_loads_every_collection() -> None:
    seen = _probe(dask=True)
    assert "prefect_dask" in seen["loaded"]
    assert seen["distributed"]
