"""The compiled build (mypyc, see setup.py) and plain Python give the same rows, and no compiled module is stale."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from zhetl.compiled import compiled_modules, running_compiled, stale_modules

ROOT = Path(__file__).resolve().parent.parent
DIGEST_SCRIPT = """
import hashlib, json, sys
from datetime import datetime, timezone
from pathlib import Path
from zhetl.pipeline import Settings, process_document
settings = Settings(pipeline_version="test", ingested_at=datetime(2026, 1, 1, tzinfo=timezone.utc))
digests = {}
for path in sorted(Path(p) for root in sys.argv[1:] for p in Path(root).rglob("*") if Path(p).is_file()):
    tables = process_document(path.read_bytes(), path.name, settings).to_arrow()
    for name, table in sorted(tables.items()):
        digest = hashlib.sha256(digests.get(name, "").encode())
        digest.update(repr(table.to_pylist()).encode())
        digests[name] = digest.hexdigest()
print(json.dumps(digests))
"""


def _digests(python_path: Path, *roots: Path) -> dict[str, str]:
    done = subprocess.run([sys.executable, "-c", DIGEST_SCRIPT, *map(str, roots)], capture_output=True, text=True,
                          env={"PYTHONPATH": str(python_path), "PATH": "/usr/bin:/bin"}, check=True, timeout=600)
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_no_compiled_module_is_older_than_its_source() -> None:
    assert stale_modules() == []


@pytest.mark.skipif(not compiled_modules(), reason="pure-Python install (ZHETL_PURE_PYTHON=1): nothing compiled")
def test_the_rule_modules_run_compiled() -> None:
    import zhetl.entities
    import zhetl.quantities  # noqa: F401

    assert running_compiled("entities") and running_compiled("quantities")


@pytest.mark.skipif(not compiled_modules(), reason="pure-Python install (ZHETL_PURE_PYTHON=1): nothing compiled")
def test_compiled_and_pure_python_give_the_same_rows(tmp_path: Path) -> None:
    pure = tmp_path / "pure"
    shutil.copytree(ROOT / "zhetl", pure / "zhetl", ignore=shutil.ignore_patterns("*.so", "__pycache__"))
    roots = (ROOT / "data" / "raw", ROOT / "tests" / "fixtures" / "mini")
    compiled = _digests(ROOT, *roots)
    plain = _digests(pure, *roots)
    assert plain == compiled, [name for name in compiled if plain.get(name) != compiled[name]]
