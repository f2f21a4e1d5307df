"""Progress of a run, shown two ways: a bar on the terminal and a Prefect progress artifact in the UI.

Batches finish out of order on several workers, so progress counts files and bytes of finished batches;
the ETA extrapolates the bytes per second so far.

The terminal line moves with every batch; the artifact at most every ``ARTIFACT_INTERVAL_SECONDS`` (and at the
end). Each update is an API call the run's own server answers on the cores the workers use: on the laws corpus,
one per batch cost the server about 0.5 s of CPU (31 PATCH requests, each also recorded as an event).
"""

from __future__ import annotations

import sys
import time
from typing import TextIO
from uuid import UUID

BAR_WIDTH = 30
ARTIFACT_INTERVAL_SECONDS = 3.0


class Progress:
    def __init__(self, files_total: int, bytes_total: int, stream: TextIO | None = None,
                 artifact: bool = True, artifact_interval: float = ARTIFACT_INTERVAL_SECONDS) -> None:
        self.files_total, self.bytes_total = files_total, max(1, bytes_total)
        self.files_done = self.bytes_done = self.chars_done = 0
        self.stream: TextIO | None = stream or sys.stderr  # None once nobody reads it
        self.started = time.monotonic()
        self.interactive = hasattr(self.stream, "isatty") and bool(self.stream.isatty())
        self.artifact_id: UUID | None = None
        self.artifact_interval = artifact_interval
        self._artifact_at = self.started  # when the artifact was last sent
        self._artifact_behind = False  # whether the artifact lags the terminal line
        if artifact:
            self.artifact_id = create_artifact(self._describe())
        self._show()

    def advance(self, files: int, nbytes: int, chars: int) -> None:
        self.files_done += files
        self.bytes_done += nbytes
        self.chars_done += chars
        self._show()
        self._artifact_behind = True
        if self.fraction >= 1.0 or time.monotonic() - self._artifact_at >= self.artifact_interval:
            self._send_artifact()

    @property
    def fraction(self) -> float:
        return min(1.0, self.bytes_done / self.bytes_total)

    def close(self) -> None:
        self._send_artifact()
        if self.interactive:
            self._write("\n")

    def line(self) -> str:
        filled = round(BAR_WIDTH * self.fraction)
        elapsed = time.monotonic() - self.started
        rate = self.chars_done / elapsed if elapsed > 0 else 0.0
        left = elapsed * (1 - self.fraction) / self.fraction if self.fraction > 0 else None
        eta = "--:--" if left is None else time.strftime("%M:%S", time.gmtime(left)) if left < 3600 else \
            time.strftime("%H:%M:%S", time.gmtime(left))
        return (f"[{'#' * filled}{'.' * (BAR_WIDTH - filled)}] {100 * self.fraction:3.0f}% "
                f"{self.files_done:,}/{self.files_total:,} files  {self.bytes_done / 1e6:,.1f}/"
                f"{self.bytes_total / 1e6:,.1f} MB  {self.chars_done:,} chars  {rate / 1000:,.0f}K chars/s  "
                f"ETA {eta}")

    def _send_artifact(self) -> None:
        if self.artifact_id is not None and self._artifact_behind:
            update_artifact(self.artifact_id, 100.0 * self.fraction, self._describe())
            self._artifact_at = time.monotonic()
            self._artifact_behind = False

    def _describe(self) -> str:
        return f"{self.files_done:,} of {self.files_total:,} files, {self.chars_done:,} characters"

    def _show(self) -> None:
        self._write("\r" + self.line() if self.interactive else "zhetl: " + self.line() + "\n")

    def _write(self, text: str) -> None:
        """Write to the terminal; once its reader has gone (``zhetl run 2>&1 | head``), the run goes on without it."""
        if self.stream is None:
            return
        try:
            self.stream.write(text)
            self.stream.flush()
        except BrokenPipeError:
            self.stream = None


def create_artifact(description: str) -> UUID:
    """The run's progress artifact at 0%; returns its id."""
    from prefect.artifacts import create_progress_artifact

    return create_progress_artifact(0.0, key="etl-progress", description=description)


def update_artifact(artifact_id: UUID, percent: float, description: str) -> None:
    """Set the progress artifact to ``percent`` (Prefect's API call; tests replace it)."""
    from prefect.artifacts import update_progress_artifact

    update_progress_artifact(artifact_id, percent, description=description)
