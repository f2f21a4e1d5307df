"""The etl flow's tasks: plan, process a batch, publish, rebuild the catalog.

Each wraps one function of the text library; file-writing tasks are never cached (a cached task would
skip its writes).
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from prefect import task
from prefect.cache_policies import NO_CACHE

from zhetl import runs
from zhetl.pipeline import Settings
from zhetl.report import write_report
from zhetl.runlog import record_run as append_run
from zhetl.runlog import run_row
from zhetl.storage import build_catalog
from zhetl.storagepath import as_location


@task(name="plan", cache_policy=NO_CACHE)
def plan(input_dir: str, output_dir: str, batch_chars: int, workers: int, full_refresh: bool) -> dict:
    """Recover from a killed run, inventory the input and write the run plan; returns its path and counts."""
    return runs.plan(as_location(input_dir), as_location(output_dir), batch_chars, workers, full_refresh)


@task(name="process_batch", cache_policy=NO_CACHE, retries=1)
def process_batch(plan_path: str, batch_index: int, segmenter: str, reference_date: date | None,
                  pipeline_version: str, ingested_at: datetime) -> dict:
    """Run every stage over one batch and stage its parts; returns the result file's path and counts."""
    run_plan = runs.read_plan(as_location(plan_path))
    return runs.run_planned_batch(run_plan, batch_index, Settings(segmenter, reference_date, pipeline_version,
                                                                  ingested_at))


@task(name="publish", cache_policy=NO_CACHE)
def publish(plan_path: str, result_paths: list[str]) -> dict:
    """Move staged parts into place and commit the manifest; returns the run's counts."""
    return runs.publish(as_location(plan_path), [as_location(p) for p in result_paths])


@task(name="record_run", cache_policy=NO_CACHE)
def record_run(output_dir: str, summary: dict, started_at: datetime, input_dir: str, pipeline_version: str,
               workers: int) -> str:
    """Append this run's row to the runs table; returns the part written."""
    row = run_row(summary, started_at, datetime.now(UTC).replace(microsecond=0), input_dir,
                  str(as_location(output_dir).resolve()), pipeline_version, workers)
    return str(append_run(as_location(output_dir), row))


@task(name="report", cache_policy=NO_CACHE)
def report(output_dir: str) -> str:
    """Rebuild report.html from the published tables."""
    return str(write_report(as_location(output_dir)))


@task(name="build_catalog", cache_policy=NO_CACHE)
def catalog(output_dir: str) -> str:
    """Rebuild catalog.duckdb's views over the published parts (catalog.sql for an object-store output)."""
    return str(build_catalog(as_location(output_dir)))
