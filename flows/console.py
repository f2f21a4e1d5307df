"""Prefect's log lines on a terminal that has gone away: dropped, and the run goes on.

Prefect's console log handler prints through rich, and rich answers a broken pipe (``zhetl run 2>&1 | head``)
by raising SystemExit. In the run's own process that ended the run half-way. In a worker it was worse: the
SystemExit came back through Prefect's process pool as a task's outcome, Prefect's callback re-raised it in the
pool's manager thread, the thread stopped, and the run waited for its remaining batches forever (measured: a run
of the laws corpus with its stderr piped into ``head -60`` still hung after 100 s).
"""

from __future__ import annotations

import functools
import logging

from rich.console import Console


def drop_lines_to_closed_streams() -> None:
    """Make every rich console of this process's log handlers go quiet on a broken pipe instead of exiting.

    Call it before the fork server starts: the workers it forks inherit the handlers as they are.
    """
    for logger in [logging.getLogger(), *logging.root.manager.loggerDict.values()]:
        for handler in getattr(logger, "handlers", ()):
            console = getattr(handler, "console", None)
            if isinstance(console, Console):
                console.on_broken_pipe = functools.partial(setattr, console, "quiet", True)  # type: ignore[method-assign]
