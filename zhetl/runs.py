"""A run's plan and its publication, as plain functions over paths (the tasks call these).

The plan is a JSON file in the run's staging folder, so batch tasks receive a path and an index, not data.
"""

from __future__ import annotations

import json
import os
import time
from collections import Counter
from dataclasses import replace
from datetime import UTC, datetime

from zhetl.batch import run_batch
from zhetl.inventory import InputFile, forget_hashes, inventory, plan_run
from zhetl.pipeline import Settings
from zhetl.profiles import forget_profiles, learn_profiles, survey_profiles
from zhetl.report import write_report
from zhetl.runlog import record_run, run_row
from zhetl.storage import (
    STAGING,
    FileEntry,
    Location,
    build_catalog,
    load_manifest,
    output_lock,
    plain_fields,
    read_table,
    recover,
)
from zhetl.storage import publish as publish_parts
from zhetl.storagepath import as_location, remove_tree
from zhetl.version import pipeline_version


def plan(input_dir: Location, output_dir: Location, batch_chars: int, workers: int, full_refresh: bool) -> dict:
    """Recover leftovers, inventory the input and write ``plan.json``; returns its path and counts."""
    if not input_dir.is_dir():
        raise FileNotFoundError(f"input folder {input_dir} does not exist")
    output_dir.mkdir(parents=True, exist_ok=True)
    recovered = recover(output_dir)
    manifest = load_manifest(output_dir)
    files, site_lines = learn_profiles(input_dir, output_dir, inventory(input_dir, manifest))
    forget_survey()  # the memos served this plan; a later run in this process surveys afresh
    version = pipeline_version()
    run_plan = plan_run(files, manifest, version, batch_chars, full_refresh, min_batches=workers)
    staging = output_dir / STAGING / f"run-{time.strftime('%Y%m%dT%H%M%S')}-{os.getpid()}"
    staging.mkdir(parents=True, exist_ok=True)
    document = {
        "input_dir": str(input_dir.resolve()),
        "output_dir": str(output_dir.resolve()),
        "staging": str(staging.resolve()),
        "pipeline_version": version,
        "files_seen": len(files),
        "skipped": run_plan.skipped,
        "drop_paths": sorted(run_plan.drop_paths),
        "batches": [[plain_fields(item) for item in batch] for batch in run_plan.batches],
        "site_lines": site_lines,
        "recovered": recovered,
    }
    plan_path = staging / "plan.json"
    plan_path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return {
        "plan_path": str(plan_path),
        "pipeline_version": version,
        "files_seen": len(files),
        "to_process": run_plan.to_process,
        "skipped": len(run_plan.skipped),
        "dropped": len(run_plan.drop_paths),
        "batches": len(run_plan.batches),
        "recovered": len(recovered),
        "chars_estimate": sum(item.size for batch in run_plan.batches for item in batch),
        "batch_files": [len(batch) for batch in run_plan.batches],
        "batch_bytes": [sum(item.size for item in batch) for batch in run_plan.batches],
    }


def survey(input_dir: Location, output_dir: Location) -> int:
    """Hash the input and learn its folders' lines into this process's memos, writing nothing.

    Read-only and safe without the output lock: the plan recomputes nothing the memos hold for files whose
    size and mtime are unchanged, so a run calls this while its Prefect server boots. Returns the file count.
    """
    if not input_dir.is_dir():
        return 0
    files = inventory(input_dir, load_manifest(output_dir))
    survey_profiles(input_dir, files)
    return len(files)


def forget_survey() -> None:
    """Drop what :func:`survey` memoised."""
    forget_hashes()
    forget_profiles()


_last_plan: tuple[bytes, dict] | None = None


def read_plan(plan_path: Location) -> dict:
    """The plan at ``plan_path``, parsed once per process while its bytes stay the same: a worker runs many
    batches of one plan, and parsing it (1 MB for 3,504 files) took 10 ms a batch. The plan is read-only."""
    global _last_plan
    data = plan_path.read_bytes()
    if _last_plan is None or _last_plan[0] != data:
        _last_plan = (data, json.loads(data))
    return _last_plan[1]


def batch_items(run_plan: dict, index: int) -> list[InputFile]:
    return [InputFile(**item) for item in run_plan["batches"][index]]


def run_planned_batch(run_plan: dict, index: int, settings: Settings) -> dict:
    """Run batch ``index`` of a plan, write its result file to staging; returns the path and counts."""
    staging = as_location(run_plan["staging"])
    started = time.time()
    result = run_batch(as_location(run_plan["input_dir"]), batch_items(run_plan, index), staging,
                       batch_settings(run_plan, settings))
    result_path = staging / f"batch-{index:05d}.json"
    result_path.write_text(json.dumps(result, ensure_ascii=False), encoding="utf-8")
    return {"result_path": str(result_path), "counts": result["counts"], "n_chars": result["n_chars"],
            "seconds": result["seconds"], "stage_seconds": result["stage_seconds"],
            "started": started, "finished": time.time(), "pid": os.getpid()}


def batch_settings(run_plan: dict, settings: Settings) -> Settings:
    """Settings for a batch of this plan: its pipeline version and the folders' repeated lines."""
    site_lines = {folder: frozenset(lines) for folder, lines in run_plan.get("site_lines", {}).items()}
    return replace(settings, pipeline_version=run_plan["pipeline_version"], site_lines=site_lines)


def publish(plan_path: Location, result_paths: list[Location]) -> dict:
    """Publish the staged batches of a run, then summarise what the output now holds."""
    run_plan = read_plan(plan_path)
    output = as_location(run_plan["output_dir"])
    results = [json.loads(path.read_text(encoding="utf-8")) for path in result_paths]
    entries = [FileEntry(**entry) for result in results for entry in result["entries"]]
    staged = [{"key": result["key"], "files": result["files"]} for result in results]
    manifest = publish_parts(output, staged, entries, set(run_plan["drop_paths"]), run_plan["pipeline_version"])
    remove_tree(as_location(run_plan["staging"]))
    with_staging = output / STAGING
    if with_staging.is_dir() and not any(with_staging.iterdir()):
        with_staging.rmdir()
    outcomes = Counter(entry.outcome for entry in manifest.files.values())
    rejects = read_table(output, "rejects")
    reasons = Counter(rejects.column("reason").to_pylist())
    new_rows: Counter[str] = Counter()
    stage_seconds: Counter[str] = Counter()
    for result in results:
        new_rows.update(result["counts"])
        stage_seconds.update(result.get("stage_seconds", {}))
    return {
        "files_seen": run_plan["files_seen"],
        "processed": len(entries),
        "skipped": len(run_plan["skipped"]),
        "documents": outcomes.get("document", 0),
        "rejects": outcomes.get("reject", 0),
        "rejects_by_reason": dict(sorted(reasons.items())),
        "rejected_files": sorted(rejects.column("source_path").to_pylist()),
        "new_rows": dict(new_rows),
        "reconciled": run_plan["files_seen"] == outcomes.get("document", 0) + outcomes.get("reject", 0),
        "n_chars": sum(result["n_chars"] for result in results),
        "stage_seconds": {name: round(seconds, 3) for name, seconds in sorted(stage_seconds.items())},
    }


def run_local(input_dir: Location, output_dir: Location, settings: Settings | None = None, batch_chars: int = 2_000_000,
              full_refresh: bool = False) -> dict:
    """The whole run in this process without Prefect: for tests, benchmarks and debugging."""
    settings = settings or Settings()
    started_at = datetime.now(UTC).replace(microsecond=0)
    with output_lock(output_dir, wait=True):
        planned = plan(input_dir, output_dir, batch_chars, 1, full_refresh)
        run_plan = read_plan(as_location(planned["plan_path"]))
        settings = replace(settings, ingested_at=settings.ingested_at or started_at)
        result_paths = [as_location(run_planned_batch(run_plan, index, settings)["result_path"])
                        for index in range(planned["batches"])]
        summary = publish(as_location(planned["plan_path"]), result_paths)
        record_run(output_dir, run_row(summary, started_at, datetime.now(UTC).replace(microsecond=0),
                                       str(input_dir.resolve()), str(output_dir.resolve()),
                                       planned["pipeline_version"], 1 if planned["batches"] else 0))
        write_report(output_dir)
        build_catalog(output_dir)
    return summary
