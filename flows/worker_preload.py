"""What the fork server imports and loads once for every worker it forks: Prefect's engine and its collections,
the tasks, the text library and its dictionaries (warmed on a small document; frozen, so the workers' collector
leaves them shared).

First it lowers its own priority, and so its workers', by ``ZHETL_WORKER_NICENESS`` (default 10; 0 keeps the run's).
Its warm-up then takes only the cycles the run's process and the booting API server leave on the two cores: in
three alternating pairs of cold runs on the laws corpus the flow started 2.01–2.11 s after the run did, against
2.46–2.73 s at the run's priority, and the first batches started no later. During the batches the flow and the
server, which wait on each batch, are never queued behind a worker. On an otherwise idle machine the workers still
get every core; on a busy one they yield to programs at normal priority.

An import that fails here must not take the fork server down (it would fail every batch with an unexplained
EOFError); a worker then meets the same error on its own import, with its traceback, as a spawned one would.
"""

from __future__ import annotations

import contextlib
import gc
import os

DEFAULT_NICENESS = 10
gc.disable()  # (what is built below lives as long as the fork server and its workers: frozen, not collected)

with contextlib.suppress(Exception):
    if hasattr(os, "nice"):
        os.nice(int(os.environ.get("ZHETL_WORKER_NICENESS", DEFAULT_NICENESS)))

with contextlib.suppress(Exception):
    import prefect.task_engine  # noqa: F401

    from flows.prefect_collections import load_collections

    load_collections(dask=False)  # (its workers are this machine's processes)

    import tasks.etl  # noqa: F401
    import zhetl.batch  # noqa: F401
    from zhetl.warmup import warm_up

    warm_up()
    gc.freeze()
gc.enable()  # (a fork of the run starts with the collector paused: see flows.cli; its workers collect as usual)
