"""Awkward inputs: odd names, links, FIFOs, files that vanish or change. Each ends as a document or a reject."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from tests.helpers import check_offsets
from zhetl.inventory import MIN_BATCH_BYTES, InputFile, NotRegularFile, list_files, plan_run, read_regular_file
from zhetl.runs import run_local
from zhetl.storage import Manifest, read_table

TEXT = "全县农村居民人均可支配收入增长8.5%。贫困发生率由11.5%下降到2.7%。\n".encode()


def outcomes(output: Path) -> tuple[set[str], dict[str, str]]:
    documents = {row["source_path"] for row in read_table(output, "documents").to_pylist()}
    rejects = {row["source_path"]: row["reason"] for row in read_table(output, "rejects").to_pylist()}
    return documents, rejects


def test_odd_file_names_and_subfolders(tmp_path: Path) -> None:
    root = tmp_path / "in"
    (root / "a b" / "深 层").mkdir(parents=True)
    (root / "a b" / "深 层" / "with space.txt").write_bytes(TEXT)
    (root / "line\nbreak.txt").write_bytes(TEXT.replace(b"8.5", b"9.5"))
    os.makedirs(os.fsencode(root) + b"/latin1-\xe9", exist_ok=True)
    with open(os.fsencode(root) + b"/latin1-\xe9/caf\xe9.txt", "wb") as handle:
        handle.write(TEXT.replace(b"8.5", b"7.5"))
    summary = run_local(root, tmp_path / "out")
    assert summary["files_seen"] == 3 and summary["documents"] == 3 and summary["reconciled"]
    documents, _ = outcomes(tmp_path / "out")
    assert documents == {"a b/深 层/with space.txt", "line\nbreak.txt", "latin1-\ufffd/caf\ufffd.txt"}
    assert check_offsets(tmp_path / "out") > 0


def test_links_are_never_followed(tmp_path: Path) -> None:
    outside = tmp_path / "secret.txt"
    outside.write_bytes(TEXT)
    root = tmp_path / "in"
    (root / "loop").mkdir(parents=True)
    (root / "real.txt").write_bytes(TEXT.replace(b"8.5", b"6.5"))
    (root / "to_outside.txt").symlink_to(outside)
    (root / "to_folder_outside").symlink_to(tmp_path)
    (root / "loop" / "self").symlink_to(root / "loop")
    (root / "dangling.txt").symlink_to(root / "missing.txt")
    summary = run_local(root, tmp_path / "out")
    assert summary["reconciled"] and summary["documents"] == 1
    documents, rejects = outcomes(tmp_path / "out")
    assert documents == {"real.txt"}
    assert rejects == {"to_outside.txt": "symlink", "to_folder_outside": "symlink", "loop/self": "symlink",
                       "dangling.txt": "symlink"}
    texts = read_table(tmp_path / "out", "document_texts").column("text").to_pylist()
    assert not any("8.5%" in text for text in texts)  # nothing from outside the input folder was read


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
def test_fifos_are_rejected_without_being_opened(tmp_path: Path) -> None:
    """Opening a FIFO with no writer blocks forever; a run must finish anyway."""
    root = tmp_path / "in"
    root.mkdir()
    (root / "real.txt").write_bytes(TEXT)
    os.mkfifo(root / "pipe.txt")
    finished = threading.Event()
    result: dict = {}

    def target() -> None:
        result["summary"] = run_local(root, tmp_path / "out")
        finished.set()

    threading.Thread(target=target, daemon=True).start()
    assert finished.wait(120), "the run blocked on a FIFO"
    assert result["summary"]["reconciled"]
    assert outcomes(tmp_path / "out")[1] == {"pipe.txt": "special_file"}


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
def test_a_file_swapped_for_a_fifo_or_link_after_the_inventory_is_not_read(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe")
    with pytest.raises(NotRegularFile) as caught:
        read_regular_file(tmp_path / "pipe")
    assert caught.value.reason == "special_file"
    (tmp_path / "target.txt").write_bytes(TEXT)
    (tmp_path / "link.txt").symlink_to(tmp_path / "target.txt")
    with pytest.raises(NotRegularFile) as caught:
        read_regular_file(tmp_path / "link.txt")
    assert caught.value.reason == "symlink"
    with pytest.raises(NotRegularFile) as caught:
        read_regular_file(tmp_path / "gone.txt")
    assert caught.value.reason == "vanished"


def test_files_that_vanish_or_change_during_the_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Between the inventory and the read one file disappears and another is rewritten."""
    import zhetl.runs as runs

    root = tmp_path / "in"
    root.mkdir()
    (root / "stays.txt").write_bytes(TEXT)
    (root / "vanishes.txt").write_bytes(TEXT.replace(b"8.5", b"5.5"))
    (root / "changes.txt").write_bytes(TEXT.replace(b"8.5", b"4.5"))
    real_inventory = runs.inventory

    def inventory_then_touch(*args, **kwargs):
        files = real_inventory(*args, **kwargs)
        (root / "vanishes.txt").unlink()
        (root / "changes.txt").write_bytes(TEXT.replace(b"8.5", b"3.5"))
        return files

    monkeypatch.setattr(runs, "inventory", inventory_then_touch)
    summary = run_local(root, tmp_path / "out")
    assert summary["files_seen"] == 3 and summary["reconciled"]
    documents, rejects = outcomes(tmp_path / "out")
    assert documents == {"stays.txt", "changes.txt"} and rejects == {"vanishes.txt": "vanished"}
    texts = read_table(tmp_path / "out", "document_texts").column("text").to_pylist()
    assert any("3.5%" in text for text in texts)  # the bytes actually read were processed
    monkeypatch.setattr(runs, "inventory", real_inventory)
    again = run_local(root, tmp_path / "out")  # the next run settles what changed
    assert again["reconciled"]
    assert outcomes(tmp_path / "out") == ({"stays.txt", "changes.txt"}, {})


def test_listing_reports_links_and_special_files_without_opening_them(tmp_path: Path) -> None:
    (tmp_path / "plain.txt").write_bytes(TEXT)
    (tmp_path / "link.txt").symlink_to(tmp_path / "plain.txt")
    problems = {entry.relative: entry.problem for entry in list_files(tmp_path)}
    assert problems == {"plain.txt": None, "link.txt": "symlink"}


def _planned_sizes(sizes: list[int], batch_chars: int, workers: int) -> list[int]:
    files = [InputFile(f"f{index:04d}.txt", size, 0, f"id{index}") for index, size in enumerate(sizes)]
    plan = plan_run(files, Manifest(), "v", batch_chars, min_batches=workers)
    assert [item for batch in plan.batches for item in batch] == files  # every file once, in order
    return [sum(item.size for item in batch) for batch in plan.batches]


def test_one_worker_takes_full_batches() -> None:
    sizes = _planned_sizes([100_000] * 200, batch_chars=400_000, workers=1)
    assert sizes == [1_000_000] * 20


def test_several_workers_take_full_batches_then_shrinking_ones_so_they_finish_together() -> None:
    sizes = _planned_sizes([10_000] * 2_000, batch_chars=400_000, workers=2)
    assert sizes[:10] == [1_000_000] * 10
    assert sizes == sorted(sizes, reverse=True)
    assert sizes[-1] <= MIN_BATCH_BYTES + 10_000  # the last batches are short
    # The work after the last full batch is spread over several batches, at least two per worker.
    assert len([size for size in sizes if size < 1_000_000]) >= 4


def test_little_work_is_still_shared_between_workers() -> None:
    assert len(_planned_sizes([100_000] * 6, batch_chars=1_000_000, workers=2)) >= 2
    assert _planned_sizes([100] * 30, batch_chars=200, workers=4) == [500] * 6  # tiny budgets are kept
