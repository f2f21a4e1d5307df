"""The progress bar and its artifact: every batch moves the line, the artifact follows at a bounded rate."""

from __future__ import annotations

import io

import pytest

from flows import progress
from flows.progress import Progress


@pytest.fixture
def sent(monkeypatch: pytest.MonkeyPatch) -> list[tuple[float, str]]:
    updates: list[tuple[float, str]] = []
    monkeypatch.setattr(progress, "create_artifact", lambda description: "artifact-id")
    monkeypatch.setattr(progress, "update_artifact",
                        lambda artifact_id, percent, description: updates.append((percent, description)))
    return updates


def test_every_batch_moves_the_line_but_the_artifact_waits_for_its_interval(sent):
    stream = io.StringIO()
    bar = Progress(4, 400, stream=stream, artifact_interval=3600)
    for _ in range(3):
        bar.advance(1, 100, 50)
    assert stream.getvalue().count("zhetl: [") == 4  # the start and three batches
    assert sent == []  # within the interval, not yet at the end


def test_the_artifact_is_sent_at_the_end_and_after_each_interval(sent):
    bar = Progress(4, 400, stream=io.StringIO(), artifact_interval=0)
    bar.advance(1, 100, 50)
    assert sent == [(25.0, "1 of 4 files, 50 characters")]
    slow = Progress(4, 400, stream=io.StringIO(), artifact_interval=3600)
    slow.advance(3, 300, 150)
    slow.advance(1, 100, 50)
    assert sent[-1] == (100.0, "4 of 4 files, 200 characters")  # the last batch is always sent


def test_closing_sends_what_the_artifact_has_not_shown_yet(sent):
    bar = Progress(4, 400, stream=io.StringIO(), artifact_interval=3600)
    bar.advance(2, 200, 100)
    bar.close()
    bar.close()  # (nothing new: nothing sent twice)
    assert sent == [(50.0, "2 of 4 files, 100 characters")]


def test_without_an_artifact_nothing_is_sent(sent):
    bar = Progress(1, 100, stream=io.StringIO(), artifact=False, artifact_interval=0)
    bar.advance(1, 100, 10)
    bar.close()
    assert sent == []
