"""The text library stays plain Python: no module under zhetl/ imports Prefect."""

import re
from pathlib import Path

LIBRARY = Path(__file__).resolve().parent.parent / "zhetl"


def test_library_never_imports_prefect() -> None:
    offenders = [p.name for p in LIBRARY.rglob("*.py")
                 if re.search(r"^\s*(import|from)\s+(prefect|flows|tasks)\b", p.read_text(encoding="utf-8"), re.M)]
    assert offenders == []
