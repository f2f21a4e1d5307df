"""Which text-library modules run compiled (mypyc, see setup.py), and a guard against stale ones.

In a source checkout the compiled module sits beside its .py file and wins the import, so an edited rule
would silently not run until the next build; ``check_fresh`` turns that into an error that says what to do.
"""

from __future__ import annotations

import importlib.machinery
import sys
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def compiled_modules() -> list[str]:
    """Names of the zhetl modules built as extensions next to their sources (empty in a pure install)."""
    names = set()
    for suffix in importlib.machinery.EXTENSION_SUFFIXES:
        for path in _PACKAGE_DIR.glob(f"*{suffix}"):
            name = path.name[:-len(suffix)]
            if (_PACKAGE_DIR / f"{name}.py").exists():
                names.add(name)
    return sorted(names)


def stale_modules() -> list[str]:
    """Compiled modules whose .py file changed after they were built."""
    stale = []
    for suffix in importlib.machinery.EXTENSION_SUFFIXES:
        for path in _PACKAGE_DIR.glob(f"*{suffix}"):
            source = _PACKAGE_DIR / f"{path.name[:-len(suffix)]}.py"
            if source.exists() and source.stat().st_mtime > path.stat().st_mtime:
                stale.append(source.name)
    return sorted(stale)


def check_fresh() -> None:
    """Refuse to run a source checkout whose compiled modules are older than their sources."""
    stale = stale_modules()
    if stale:
        raise RuntimeError(f"zhetl: {', '.join(stale)} changed after the compiled modules were built; run "
                           "`make setup` to rebuild them, or delete zhetl/*.so to run pure Python")


def running_compiled(module: str) -> bool:
    """True when ``zhetl.<module>`` was imported from an extension, not from its .py file."""
    loaded = sys.modules.get(f"zhetl.{module}")
    return loaded is not None and not str(getattr(loaded, "__file__", "")).endswith(".py")
