"""The end-of-run summary as Prefect artifacts: a markdown overview and a table of rows per table."""

from __future__ import annotations


def summary_markdown(summary: dict) -> str:
    lines = [
        "# zhetl run",
        f"- files seen: **{summary['files_seen']}** → documents **{summary['documents']}**, "
        f"rejects **{summary['rejects']}** (reconciled: {summary['reconciled']})",
        f"- processed {summary['processed']}, unchanged {summary['skipped']}",
    ]
    if summary.get("phase_seconds"):
        lines.append("- seconds: " + ", ".join(f"{k} {v:.1f}" for k, v in summary["phase_seconds"].items()))
    if summary["rejects_by_reason"]:
        lines.append("\n## Rejects by reason\n")
        lines += [f"- {reason}: {count}" for reason, count in summary["rejects_by_reason"].items()]
    lines.append("\n## New rows per table\n")
    lines.append("| table | rows |\n|---|---:|")
    lines += [f"| {name} | {count} |" for name, count in sorted(summary["new_rows"].items())]
    return "\n".join(lines)


def publish_summary_artifacts(summary: dict) -> None:
    """Store the summary on the flow run (needs a flow run context)."""
    from prefect.artifacts import create_markdown_artifact, create_table_artifact

    create_markdown_artifact(summary_markdown(summary), key="etl-summary", description="what this run did")
    create_table_artifact([{"table": name, "new_rows": count} for name, count in sorted(summary["new_rows"].items())],
                          key="etl-rows", description="rows added per table")
