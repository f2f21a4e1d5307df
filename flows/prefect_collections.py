"""Prefect's installed collections, loaded before a run needs them rather than when it does, and only those it uses.

Prefect imports every installed collection the first time a process builds a block, which each process does
when its first flow or task run starts: in each worker, hydrating the first task's context imported prefect-dask
and Dask (0.3 s a worker, py-spy), while the phase had begun. The fork server loads them once for every worker,
and the run's own process while its API server boots.

A run on this machine's processes never uses prefect-dask, whose import is Dask's distributed scheduler (0.24 s
of CPU in the run's process and again in the fork server, both while the API server boots on the same two cores).
Such a run loads every other collection and records the set as loaded; a Dask run loads them all. A Dask runner
imports prefect-dask itself in any case, which registers its blocks.
"""

from __future__ import annotations

from importlib.metadata import EntryPoints, entry_points

DASK_COLLECTION = "prefect_dask"


def load_collections(dask: bool = True) -> None:
    """Load Prefect's collections now (cached by Prefect: a later call costs nothing); without ``dask``, all but
    prefect-dask."""
    try:
        from prefect._internal.plugins import collections as prefect_collections
    except ImportError:  # (moved in another Prefect: it then loads them itself, on first use, as before)
        return
    if dask or not hasattr(prefect_collections, "_collections"):
        prefect_collections.load_prefect_collections()
        return
    if prefect_collections._collections is not None:
        return  # already loaded, whichever way
    wanted = EntryPoints(point for point in entry_points(group="prefect.collections")
                         if (point.name or point.value) != DASK_COLLECTION)
    prefect_collections._collections = prefect_collections.safe_load_entrypoints(wanted)
