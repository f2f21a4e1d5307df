"""The etl flow as a scheduled deployment: ``zhetl serve --cron "0 2 * * *" --timezone Asia/Shanghai``.

Serving needs a real Prefect server (``make server`` starts one on 127.0.0.1 with the project's
PREFECT_HOME) and PREFECT_API_URL pointing at it: the embedded temporary server never fires schedules.
Runs of the deployment never overlap (concurrency limit 1); the output lock guards manual runs too.
"""

from __future__ import annotations

import os
import sys

DEPLOYMENT_CONCURRENCY = 1


def deployment(name: str, cron: str | None, timezone: str, input_dir: str, output_dir: str,
               workers: int | None):
    """The etl flow's runner deployment with its schedule and parameters (not yet served)."""
    from prefect.client.schemas.schedules import CronSchedule

    from flows.etl import etl

    schedules = [CronSchedule(cron=cron, timezone=timezone)] if cron else None
    parameters = {"input_dir": os.path.abspath(input_dir), "output_dir": os.path.abspath(output_dir)}
    if workers:
        parameters["workers"] = workers
    return etl.to_deployment(name=name, schedules=schedules, parameters=parameters,
                             concurrency_limit=DEPLOYMENT_CONCURRENCY,
                             description="Chinese policy text archives to Parquet tables")


def serve(name: str, cron: str, timezone: str, input_dir: str, output_dir: str, workers: int | None) -> int:
    """Register the deployment and serve it until interrupted; scheduled and manual runs execute here."""
    if not os.environ.get("PREFECT_API_URL"):
        print("zhetl serve: PREFECT_API_URL is not set; start a server with `make server` and export "
              "PREFECT_API_URL=http://127.0.0.1:4200/api", file=sys.stderr)
        return 2
    from prefect import serve as prefect_serve

    print(f"zhetl: serving etl/{name} on {cron!r} ({timezone}); trigger a run with "
          f"`prefect deployment run etl/{name}`", flush=True)
    prefect_serve(deployment(name, cron, timezone, input_dir, output_dir, workers))
    return 0
