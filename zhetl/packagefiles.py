"""Data files other packages ship, read in place without importing the package.

Importing a package runs its ``__init__``: cpca's pulls in pandas, jieba's pulls in pkg_resources and its
segmenter, pypinyin's its phrase dictionary and segmenters (0.2-0.4 s each, in every process that warms up, while
the run's API server boots beside it). We need only their data files.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path


def package_file(package: str, *parts: str) -> Path:
    """The path of a file inside an installed package, found without running the package's code."""
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError(f"the {package} package is missing; it ships {'/'.join(parts)}")
    return Path(next(iter(spec.submodule_search_locations))).joinpath(*parts)
