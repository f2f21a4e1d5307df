"""What the fork server imports and loads once for every worker it forks: Prefect's engine and its collections,
the tasks, the text library and its dictionaries (warmed on a small document; frozen, so the workers' collector
leaves them shared).

An import that fails here must not take the fork server down (it would fail every batch with an unexplained
EOFError); a worker then meets the same error on its own import, with its traceback, as a spawned one would.
"""

from __future__ import annotations

import contextlib
import gc

with contextlib.suppress(Exception):
    import prefect.task_engine  # noqa: F401

    from flows.prefect_collections import load_collections

    load_collections(dask=False)  # (its workers are this machine's processes)

    import tasks.etl  # noqa: F401
    import zhetl.batch  # noqa: F401
    from zhetl.warmup import warm_up

    warm_up()
    gc.freeze()
