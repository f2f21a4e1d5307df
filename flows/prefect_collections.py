"""Prefect's installed collections (prefect-dask here), loaded before a run needs them rather than when it does.

Prefect imports every installed collection the first time a process builds a block, which each process does
when its first flow or task run starts: in each worker, hydrating the first task's context imported prefect-dask
and Dask (0.3 s a worker, py-spy), while the phase had begun. The fork server loads them once for every worker,
and the run's own process while its API server boots.
"""

from __future__ import annotations


def load_collections() -> None:
    """Load Prefect's collections now (cached by Prefect: a later call costs nothing)."""
    try:
        from prefect._internal.plugins.collections import load_prefect_collections
    except ImportError:  # (moved in another Prefect: it then loads them itself, on first use, as before)
        return
    load_prefect_collections()
