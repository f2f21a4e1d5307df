"""The pipeline version: a fingerprint of the code and data that decide what a document's rows are.

Published documents are skipped on a re-run only when they were produced by the same pipeline version,
so any change to the text library (code or lexicons) re-processes everything, and nothing else does.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

from zhetl import __version__

_PACKAGE_DIR = Path(__file__).resolve().parent
_FINGERPRINTED = ("*.py", "data/*.txt", "data/*.tsv")
# Modules that move files around but do not decide what a document's rows are.
_NOT_FINGERPRINTED = frozenset({"batch.py", "inventory.py", "runs.py", "storage.py", "version.py"})


@lru_cache(maxsize=1)
def pipeline_version() -> str:
    """Return ``<release>+<12 hex digits>`` hashed over the library's sources and data files."""
    digest = hashlib.sha256()
    files = sorted({p for pattern in _FINGERPRINTED for p in _PACKAGE_DIR.glob(pattern)
                    if p.name not in _NOT_FINGERPRINTED})
    for path in files:
        digest.update(path.relative_to(_PACKAGE_DIR).as_posix().encode())
        digest.update(b"\0")
        digest.update(path.read_bytes().replace(b"\r\n", b"\n"))
        digest.update(b"\0")
    return f"{__version__}+{digest.hexdigest()[:12]}"
