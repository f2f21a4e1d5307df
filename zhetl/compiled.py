"""Which text-library modules run compiled (mypyc, see setup.py), and a guard against stale ones.

In a source checkout the compiled module sits beside its .py file and wins the import, so an edited rule
would silently not run until the next build; ``check_fresh`` turns that into an error that says what to do.
"""

from __future__ import annotations

import importlib.machinery
import sys
from collections.abc import Iterator
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def _built_beside_sources() -> Iterator[tuple[Path, Path]]:
    """(extension, source) for each zhetl module built next to its .py file (mypyc's own helpers have none)."""
    for suffix in importlib.machinery.EXTENSION_SUFFIXES:
        for extension in _PACKAGE_DIR.glob(f"*{suffix}"):
            source = _PACKAGE_DIR / f"{extension.name[:-len(suffix)]}.py"
            if source.exists():
                yield extension, source


def compiled_modules() -> list[str]:
    """Names of the zhetl modules built as extensions next to their sources (empty in a pure install)."""
    return sorted({source.stem for _, source in _built_beside_sources()})


def stale_modules() -> list[str]:
    """Compiled modules whose .py file changed after they were built."""
    return sorted(source.name for extension, source in _built_beside_sources()
                  if source.stat().st_mtime > extension.stat().st_mtime)


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
