"""The ``zhetl`` command: ``run`` runs the etl flow (exit 0 when it completes), ``serve`` schedules it,
``catalog`` writes an absolute-path catalog for BI tools and ``report`` rebuilds report.html."""

from __future__ import annotations

import argparse
import atexit
import contextlib
import gc
import json
import os
import sys
from datetime import date
from pathlib import Path

from flows.server import configure_environment
from zhetl.storagepath import as_location


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="zhetl", description="Chinese policy text archives → Parquet tables.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    run = commands.add_parser("run", help="run the etl flow over an input folder")
    run.add_argument("--input", default="data/raw", help="input folder (default: data/raw)")
    run.add_argument("--output", default="data/processed", help="output folder (default: data/processed)")
    run.add_argument("--reference-date", type=date.fromisoformat, default=None, metavar="YYYY-MM-DD",
                     help="resolves relative dates (今年, 去年) in documents without a published date")
    run.add_argument("--workers", type=int, default=None, help="worker processes (default: the machine's cores)")
    run.add_argument("--dask-address", default=None, metavar="ADDR",
                     help="run batches on an existing Dask cluster, e.g. tcp://127.0.0.1:8786")
    run.add_argument("--full-refresh", action="store_true", help="reprocess every file, not only changed ones")
    run.add_argument("--segmenter", choices=("rjieba", "jieba"), default="rjieba", help="word segmenter")
    run.add_argument("--batch-chars", type=int, default=None, help="characters per batch (default: 1,000,000)")
    run.add_argument("--json", action="store_true", help="print the run summary as JSON")
    serve = commands.add_parser("serve", help="serve the etl flow as a scheduled deployment (needs a Prefect "
                                              "server: make server)")
    serve.add_argument("--cron", default="0 2 * * *", help='cron schedule (default: "0 2 * * *")')
    serve.add_argument("--timezone", default="Asia/Shanghai", help="schedule time zone (default: Asia/Shanghai)")
    serve.add_argument("--name", default="nightly", help="deployment name (default: nightly)")
    serve.add_argument("--input", default="data/raw", help="input folder (default: data/raw)")
    serve.add_argument("--output", default="data/processed", help="output folder (default: data/processed)")
    serve.add_argument("--workers", type=int, default=None, help="worker processes per run")
    catalog = commands.add_parser("catalog", help="write a DuckDB catalog with absolute paths for BI tools")
    catalog.add_argument("--output", default="data/processed", help="output folder of a run")
    catalog.add_argument("--to", required=True, help="where to write the catalog, e.g. /srv/bi/zhetl.duckdb (a .sql "
                         "script for an s3:// output)")
    report = commands.add_parser("report", help="rebuild report.html from an output folder")
    report.add_argument("--output", default="data/processed", help="output folder of a run")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    configure_environment()
    if args.command == "catalog":
        from zhetl.storage import build_catalog

        print(build_catalog(as_location(args.output), Path(args.to), absolute=True))
        return 0
    if args.command == "report":
        from zhetl.report import write_report

        print(write_report(as_location(args.output)))
        return 0
    if args.command == "serve":
        from flows.deploy import serve

        return serve(name=args.name, cron=args.cron, timezone=args.timezone, input_dir=args.input,
                     output_dir=args.output, workers=args.workers)
    if args.command == "run":
        from flows.server import start_early

        # Until run_etl has imported and surveyed, everything this process builds lives as long as the run (the
        # modules, the survey's memos): the collector's passes over it found nothing to free, while the API server
        # boots on the same two cores. Without them the fork server (forked from here) warmed up in 0.82 s against
        # 0.90-0.92, and the imports took 1.17 s against 1.33 in two of three pairs. run_etl freezes it all and
        # resumes the collector.
        gc.disable()
        start_early()  # the API server boots while Prefect, the flow and the text library are imported
        from flows.etl import DEFAULT_BATCH_CHARS, run_etl

        try:
            summary = run_etl(
                input_dir=args.input, output_dir=args.output, reference_date=args.reference_date,
                batch_chars=args.batch_chars or DEFAULT_BATCH_CHARS, workers=args.workers,
                dask_address=args.dask_address, full_refresh=args.full_refresh, segmenter=args.segmenter)
        except Exception as error:
            print(f"zhetl: run failed: {type(error).__name__}: {error}", file=sys.stderr)
            return 1
        finally:
            gc.enable()  # (run_etl resumes it once surveyed; this covers a run that failed before)
        try:
            _report(summary, as_json=args.json)
        except BrokenPipeError:  # (nobody reads the summary: the tables are published, the exit code says the rest)
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            return 1
        return 0
    return 2


def _report(summary: dict, as_json: bool) -> None:
    if as_json:
        print(json.dumps(summary, ensure_ascii=False, indent=1))
        return
    print(f"zhetl: {summary['files_seen']} files: {summary['documents']} documents, {summary['rejects']} rejects "
          f"({summary['processed']} processed, {summary['skipped']} unchanged); reconciled: {summary['reconciled']}")
    for name, count in sorted(summary["new_rows"].items()):
        print(f"  {name:15s} +{count} rows")
    if summary["rejected_files"]:
        print("rejected files:")
        for reason, count in summary["rejects_by_reason"].items():
            print(f"  {reason}: {count}")
        for path in summary["rejected_files"]:
            print(f"  {path}")
    if "wall_seconds" in summary:
        print(f"time: {summary['wall_seconds']:.1f} s (waited {summary['server_start_seconds']:.1f} s for the "
              "Prefect server)")
    print(f"catalog: {summary['catalog']}")
    print(f"report:  {summary['report']}")


def entry() -> None:
    """The ``zhetl`` command: :func:`main`, then an exit without the interpreter's teardown.

    When main returns, the run is over: its tables are published, its API server has stopped, its summary is
    printed. Freeing every module the run imported (Prefect and its server's models, Arrow, the text library) one
    object at a time then took 0.08–0.15 s more, which the process's exit does at once. The exit handlers still
    run (logging's flush, multiprocessing's children), and the streams are flushed.
    """
    code = main()
    atexit._run_exitfuncs()
    with contextlib.suppress(BrokenPipeError, ValueError):  # (a reader gone, or a stream closed: nothing to flush)
        sys.stdout.flush()
        sys.stderr.flush()
    os._exit(code)


if __name__ == "__main__":
    entry()
