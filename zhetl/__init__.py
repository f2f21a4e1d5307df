"""zhetl: turn archives of Chinese policy text into analysis-ready Parquet.

The package is the text library: plain Python over strings and Arrow tables, with no Prefect import.
Orchestration lives in the top-level ``tasks`` and ``flows`` packages.
"""

__version__ = "0.1.0"

from pathlib import Path as _Path

if (_Path(__file__).resolve().parent.parent / "setup.py").exists():  # a source checkout, built in place
    from zhetl.compiled import check_fresh as _check_fresh

    _check_fresh()
