"""The etl flow: plan → process_batch × N (in worker processes) → publish → run log, report, catalog.

Run it with ``zhetl run`` or ``python -m flows.etl``; both start one Prefect API server for the run and
hand its URL to the workers.
"""

from __future__ import annotations

import contextlib
import gc
import os
import sys
import time
from datetime import UTC, date, datetime
from typing import Literal

from pydantic import BaseModel, Field, field_validator

from flows import server
from flows.server import api_server, configure_environment

configure_environment()

from prefect import flow, get_run_logger  # noqa: E402
from prefect.futures import as_completed  # noqa: E402
from prefect.task_runners import ThreadPoolTaskRunner  # noqa: E402

from flows.console import drop_lines_to_closed_streams  # noqa: E402
from flows.prefect_collections import load_collections  # noqa: E402
from flows.progress import Progress  # noqa: E402
from flows.summary import publish_summary_artifacts  # noqa: E402
from flows.workers import PreloadedProcessPoolTaskRunner, start_forkserver  # noqa: E402
from tasks.etl import catalog, plan, process_batch, publish, record_run, report  # noqa: E402
from zhetl.runs import survey  # noqa: E402
from zhetl.storage import output_lock  # noqa: E402
from zhetl.storagepath import as_location  # noqa: E402
from zhetl.warmup import warm_up  # noqa: E402

# A million characters is ~4 s of work per task, so Prefect's ~0.14 s per task (its API calls, with the server
# on the same cores) costs ~3%, not the ~6% of half a million; the plan shrinks the last batches so workers
# finish together. Two workers and the server stay near 1.3 GiB (measured PSS 1,330 MiB on the laws corpus).
DEFAULT_BATCH_CHARS = 1_000_000


class EtlParameters(BaseModel):
    """The flow's parameters, validated before any work starts."""

    input_dir: str = "data/raw"
    output_dir: str = "data/processed"
    reference_date: date | None = None
    batch_chars: int = Field(DEFAULT_BATCH_CHARS, ge=100, le=200_000_000)
    workers: int | None = Field(None, ge=1, le=256)
    dask_address: str | None = None
    full_refresh: bool = False
    segmenter: Literal["rjieba", "jieba"] = "rjieba"

    @field_validator("input_dir", "output_dir")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("must not be empty")
        return value

    def worker_count(self) -> int:
        return self.workers or os.cpu_count() or 1


def _task_runner(params: EtlParameters, batches: int):
    """Threads for one worker, processes (forked from a preloaded server) for several, a Dask cluster when an
    address is given."""
    if params.dask_address:
        from prefect_dask import DaskTaskRunner

        return DaskTaskRunner(address=params.dask_address)
    workers = min(params.worker_count(), max(1, batches))
    if workers == 1:
        return ThreadPoolTaskRunner(max_workers=1)
    return PreloadedProcessPoolTaskRunner(max_workers=workers)


@flow(name="etl", log_prints=True)
def etl(
    input_dir: str = "data/raw",
    output_dir: str = "data/processed",
    reference_date: date | None = None,
    batch_chars: int = DEFAULT_BATCH_CHARS,
    workers: int | None = None,
    dask_address: str | None = None,
    full_refresh: bool = False,
    segmenter: Literal["rjieba", "jieba"] = "rjieba",
) -> dict:
    """Turn the files under ``input_dir`` into the Parquet tables under ``output_dir``."""
    params = EtlParameters(input_dir=input_dir, output_dir=output_dir, reference_date=reference_date,
                           batch_chars=batch_chars, workers=workers, dask_address=dask_address,
                           full_refresh=full_refresh, segmenter=segmenter)
    logger = get_run_logger()
    output = as_location(params.output_dir)
    phases: dict[str, float] = {}
    started_at = datetime.now(UTC).replace(microsecond=0)
    clock = time.perf_counter()
    with output_lock(output, wait=True):
        planned = plan(params.input_dir, params.output_dir, params.batch_chars, params.worker_count(),
                       params.full_refresh)
        phases["plan"], clock = time.perf_counter() - clock, time.perf_counter()
        logger.info("plan: %(files_seen)s files, %(to_process)s to process in %(batches)s batches, "
                    "%(skipped)s unchanged, %(dropped)s to drop", planned)
        results = []
        batches_began = time.time()
        if planned["batches"]:
            ingested_at = datetime.now(UTC).replace(microsecond=0)
            with _task_runner(params, planned["batches"]) as runner:
                futures = {
                    runner.submit(process_batch, parameters={
                        "plan_path": planned["plan_path"], "batch_index": index, "segmenter": params.segmenter,
                        "reference_date": params.reference_date, "pipeline_version": planned["pipeline_version"],
                        "ingested_at": ingested_at}): index
                    for index in range(planned["batches"])
                }
                # (after the batches are on their way: its artifact is an API call the first batch need not wait for)
                progress = Progress(planned["to_process"], planned["chars_estimate"])
                by_index = {}
                for future in as_completed(list(futures)):
                    index = futures[future]
                    by_index[index] = future.result()
                    progress.advance(planned["batch_files"][index], planned["batch_bytes"][index],
                                     by_index[index]["n_chars"])
                results = [by_index[index] for index in sorted(by_index)]
            progress.close()
        phases["batches"], clock = time.perf_counter() - clock, time.perf_counter()
        summary = publish(planned["plan_path"], [r["result_path"] for r in results])
        phases["publish"], clock = time.perf_counter() - clock, time.perf_counter()
        workers = params.worker_count() if planned["batches"] else 0
        input_location = str(as_location(params.input_dir).resolve())
        summary["run"] = record_run(params.output_dir, summary, started_at, input_location,
                                    planned["pipeline_version"], workers)
        summary["report"] = report(params.output_dir)
        phases["report"], clock = time.perf_counter() - clock, time.perf_counter()
        summary["catalog"] = catalog(params.output_dir)
        phases["catalog"] = time.perf_counter() - clock
    summary["batches"] = planned["batches"]
    summary["batch_seconds"] = round(sum(r["seconds"] for r in results), 3)
    summary["workers"] = params.worker_count() if planned["batches"] else 0
    summary["phase_seconds"] = {name: round(seconds, 3) for name, seconds in phases.items()}
    summary["worker_timeline"] = worker_timeline(results, batches_began)
    logger.info("done: %(documents)s documents, %(rejects)s rejects, %(processed)s processed, "
                "%(skipped)s skipped", summary)
    publish_summary_artifacts(summary)
    return summary


def worker_timeline(results: list[dict], began: float) -> dict:
    """Per worker process: when its first batch started and its last ended (seconds after the batches phase
    began) and how long it was busy, so a benchmark can tell start-up, idle tails and contention apart."""
    by_worker: dict[int, list[dict]] = {}
    for result in results:
        if "pid" in result:
            by_worker.setdefault(result["pid"], []).append(result)
    return {str(index): {"first_start": round(min(r["started"] for r in done) - began, 3),
                         "last_end": round(max(r["finished"] for r in done) - began, 3),
                         "busy": round(sum(r["finished"] - r["started"] for r in done), 3),
                         "batches": len(done)}
            for index, done in enumerate(sorted(by_worker.values(), key=lambda d: min(r["started"] for r in d)))}


def load_late_imports() -> None:
    """Import now what the flow's own steps would import on first use, while the server boots: Arrow's first
    conversion imports pandas (for its pandas support), Prefect's client loads FastAPI's models, the catalog
    step DuckDB, the report's first Parquet read Arrow's dataset modules; about 0.4 s that otherwise ran after
    the server was up. (Workers import theirs in the fork server; a one-worker run's warm-up imports them.)"""
    import duckdb  # noqa: F401
    import fastapi  # noqa: F401
    import pyarrow.dataset  # noqa: F401

    load_pandas_support()


def load_pandas_support() -> None:
    """Arrow's pandas support (pandas itself, 0.25 s), which the first conversion of rows to Arrow imports: in this
    process before it forks the fork server, it is imported once for both, where each imported it on its own while
    the API server booted on the same cores."""
    import pyarrow as pa

    pa.array([0])


def run_etl(**parameters) -> dict:
    """Run the flow with one API server shared by all workers (the CLI and ``python -m`` use this)."""
    checked = EtlParameters(**parameters)  # fail fast on bad parameters, before a server starts
    started = time.perf_counter()
    drop_lines_to_closed_streams()  # (before the fork server starts: its workers inherit the handlers)
    # On the run's own early server, its settings hold from here on, so the fork server (and every worker) is
    # forked holding the settings the flow runs with, and Prefect need not send them with each task.
    with server.own_server_settings() if server.booting() else contextlib.nullcontext():
        if checked.worker_count() > 1 and not checked.dask_address:
            load_pandas_support()
            start_forkserver(fork_this_process=True)  # it warms up on the other core while this one surveys
        if server.booting():
            # While the server boots, hash the input and learn its profiles into this process's memos; the plan
            # task reuses them (same results, writes nothing, needs no lock) instead of idling for the server.
            survey(as_location(checked.input_dir), as_location(checked.output_dir))
            if checked.worker_count() == 1 and not checked.dask_address:
                warm_up(checked.segmenter)  # batches run in this process: load the dictionaries while waiting
            else:
                load_late_imports()
            # (else the flow run's start imports them; prefect-dask and Dask only when the batches run on Dask)
            load_collections(dask=bool(checked.dask_address))
            # What the run has imported lives as long as the run: the collector need not scan it again in each
            # full pass (with Dask among it, publishing took 0.17 s longer).
            gc.freeze()
        gc.enable()  # (the CLI pauses the collector while it imports and surveys: see flows.cli)
        surveyed = time.perf_counter()
        with api_server():
            ready = time.perf_counter()
            summary = etl(**parameters)
            finished = time.perf_counter()
    # The wait for the server; it may have been started earlier (start_early) and booted meanwhile.
    summary["server_start_seconds"] = round(ready - surveyed, 3)
    summary["survey_seconds"] = round(surveyed - started, 3)
    summary["server_boot_seconds"] = round(server.last_boot_seconds or 0.0, 3)
    summary["flow_seconds"] = round(finished - ready, 3)
    summary["wall_seconds"] = round(time.perf_counter() - started, 3)
    return summary


if __name__ == "__main__":
    from flows.cli import main

    raise SystemExit(main(["run", *sys.argv[1:]]))
