"""The ``runs`` table: one row per completed run, appended as its own part under ``<output>/runs/``.

Parts of the other tables are replaced by content; the run log only grows, so each run writes a new,
uniquely named part (atomically: temp file, then rename) and the catalog's view reads them all.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from zhetl.schemas import TABLES, to_table
from zhetl.storage import Location, read_parquet, write_table

RUNS_DIR = "runs"


def run_row(summary: dict, started_at: datetime, finished_at: datetime, input_dir: str, output_dir: str,
            pipeline_version: str, workers: int) -> dict:
    """The runs-table row for a run's summary (see :func:`zhetl.runs.publish`)."""
    new_rows = summary.get("new_rows", {})
    return {
        # Runs are events, not content: two runs in the same second still get two rows.
        "run_id": started_at.strftime("%Y%m%dT%H%M%S") + "-" + uuid.uuid4().hex[:12],
        "started_at": started_at, "finished_at": finished_at,
        "seconds": round((finished_at - started_at).total_seconds(), 3),
        "input_dir": input_dir, "output_dir": output_dir, "pipeline_version": pipeline_version,
        "workers": workers, "files_seen": summary["files_seen"], "processed": summary["processed"],
        "skipped": summary["skipped"], "documents": summary["documents"], "rejects": summary["rejects"],
        "reconciled": bool(summary["reconciled"]),
        "rejects_by_reason": "; ".join(f"{k}={v}" for k, v in sorted(summary["rejects_by_reason"].items())),
        "n_chars": summary.get("n_chars", 0),
        **{f"new_rows_{name}": int(new_rows.get(name, 0)) for name in TABLES},
    }


def record_run(output: Location, row: dict) -> Location:
    """Append ``row`` to the run log; returns the part written."""
    table = to_table("runs", [row])
    target = output / RUNS_DIR / f"run-{row['run_id']}.parquet"
    target.parent.mkdir(parents=True, exist_ok=True)
    write_table(target, "runs", table)
    return target


def read_runs(output: Location) -> list[dict]:
    """Every logged run, oldest first."""
    folder = output / RUNS_DIR
    rows = [row for part in sorted(folder.glob("run-*.parquet")) for row in read_parquet(part).to_pylist()]
    return sorted(rows, key=lambda row: row["finished_at"])
