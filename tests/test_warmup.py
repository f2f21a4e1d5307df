"""A warmed process writes the same rows as a cold one: the warm-up only fills pure caches."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "mini"

_DIGEST = """
import hashlib, sys
from datetime import UTC, datetime
from pathlib import Path
if sys.argv[1] == "warm":
    from zhetl.warmup import warm_up
    assert warm_up() > 0
from zhetl.pipeline import Settings, process_document
settings = Settings(ingested_at=datetime(2026, 1, 1, tzinfo=UTC))
digest = hashlib.sha256()
for path in sorted(Path(sys.argv[2]).rglob("*.txt")):
    for name, table in sorted(process_document(path.read_bytes(), path.name, settings).to_arrow().items()):
        digest.update(name.encode())
        digest.update(repr(table.to_pydict()).encode())
print(digest.hexdigest())
"""


def _digest(mode: str) -> str:
    done = subprocess.run([sys.executable, "-c", _DIGEST, mode, str(FIXTURES)], cwd=ROOT, capture_output=True,
                          text=True, check=True)
    return done.stdout.strip()


def test_a_warmed_process_writes_the_same_rows() -> None:
    assert _digest("warm") == _digest("cold")


def test_warm_up_reports_its_time() -> None:
    from zhetl import warmup

    seconds = warmup.warm_up()
    assert seconds > 0 and warmup.last_seconds == seconds
