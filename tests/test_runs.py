"""End-to-end behaviour of a run without Prefect: idempotence, changes, deletions, rejects, offsets."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import check_offsets, copy_tree, files_under, snapshot
from zhetl.runs import read_plan, run_local
from zhetl.storage import load_manifest, read_table


@pytest.fixture
def corpus(tmp_path: Path, fixtures: Path) -> Path:
    root = copy_tree(fixtures / "mini", tmp_path / "in")
    copy_tree(fixtures / "bad", root / "bad")
    return root


def test_every_file_is_a_document_or_a_reject(corpus: Path, tmp_path: Path) -> None:
    summary = run_local(corpus, tmp_path / "out")
    assert summary["files_seen"] == 8
    assert summary["documents"] == 5 and summary["rejects"] == 3 and summary["reconciled"]
    rejects = {r["source_path"]: (r["stage"], r["reason"]) for r in read_table(tmp_path / "out", "rejects").to_pylist()}
    assert rejects == {"bad/empty.txt": ("decode", "empty"), "bad/picture.png": ("decode", "binary"),
                       "bad/garbage.bin.txt": ("decode", "undecodable")}
    documents = read_table(tmp_path / "out", "documents").to_pylist()
    assert {d["source_path"] for d in documents} == {"report.txt", "notes_gbk.txt", "nested/big5_note.txt",
                                                     "nested/speech_utf16.txt", "bad/good.txt"}
    for name in ("documents", "document_texts", "sentences", "tokens", "entities", "quantities", "dates"):
        assert read_table(tmp_path / "out", name).num_rows > 0, name


def test_a_table_can_be_read_column_by_column(corpus: Path, tmp_path: Path) -> None:
    """The report reads only what it shows: the same rows, fewer columns (an empty output too)."""
    out = tmp_path / "out"
    assert read_table(out, "entities", ["type"]).column_names == ["type"]
    run_local(corpus, out)
    whole = read_table(out, "entities")
    keys = sorted(load_manifest(out).parts())
    assert read_table(out, "entities", ["type", "normalized"], keys) == whole.select(["type", "normalized"])


def test_offsets_are_valid_in_every_table(corpus: Path, tmp_path: Path) -> None:
    run_local(corpus, tmp_path / "out")
    assert check_offsets(tmp_path / "out") > 100


def test_second_run_writes_nothing_and_tables_stay_identical(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run_local(corpus, out)
    before, files = snapshot(out), files_under(out)
    catalog_mtime = (out / "catalog.duckdb").stat().st_mtime_ns
    summary = run_local(corpus, out)
    assert summary["processed"] == 0 and summary["skipped"] == 8
    assert files_under(out) == files
    assert (out / "catalog.duckdb").stat().st_mtime_ns == catalog_mtime
    assert snapshot(out) == before


def test_two_output_folders_get_identical_tables(corpus: Path, tmp_path: Path) -> None:
    run_local(corpus, tmp_path / "a")
    run_local(corpus, tmp_path / "b")
    assert snapshot(tmp_path / "a") == snapshot(tmp_path / "b")
    assert set(files_under(tmp_path / "a")) == set(files_under(tmp_path / "b"))


def test_changed_file_replaces_only_its_rows(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run_local(corpus, out)
    before = snapshot(out)
    old_ids = {d["source_path"]: d["doc_id"] for d in read_table(out, "documents").to_pylist()}
    (corpus / "report.txt").write_text("标题:新的报告\n2021年贫困人口减少了1000人。\n", encoding="utf-8")
    summary = run_local(corpus, out)
    assert summary["processed"] == 1
    after = snapshot(out)
    new_ids = {d["source_path"]: d["doc_id"] for d in read_table(out, "documents").to_pylist()}
    assert new_ids["report.txt"] != old_ids["report.txt"]
    assert {k: v for k, v in new_ids.items() if k != "report.txt"} == \
        {k: v for k, v in old_ids.items() if k != "report.txt"}
    for name in after:
        if name == "rejects":
            assert after[name] == before[name]
    sentences = read_table(out, "sentences").to_pylist()
    assert not [s for s in sentences if s["doc_id"] == old_ids["report.txt"]]
    assert [s["text"] for s in sentences if s["doc_id"] == new_ids["report.txt"]] == \
        ["标题:新的报告", "2021年贫困人口减少了1000人。"]
    check_offsets(out)


def test_deleted_file_rows_disappear(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run_local(corpus, out)
    gone = {d["source_path"]: d["doc_id"] for d in read_table(out, "documents").to_pylist()}["notes_gbk.txt"]
    (corpus / "notes_gbk.txt").unlink()
    (corpus / "bad" / "empty.txt").unlink()
    summary = run_local(corpus, out)
    assert summary["documents"] == 4 and summary["rejects"] == 2 and summary["reconciled"]
    for name in ("documents", "sentences", "tokens", "quantities"):
        assert gone not in read_table(out, name).column("doc_id").to_pylist()
    assert "bad/empty.txt" not in read_table(out, "rejects").column("source_path").to_pylist()
    assert set(load_manifest(out).files) == {p.relative_to(corpus).as_posix() for p in corpus.rglob("*") if p.is_file()}


def test_identical_files_become_one_document_and_a_duplicate_reject(corpus: Path, tmp_path: Path) -> None:
    (corpus / "copy_of_report.txt").write_bytes((corpus / "report.txt").read_bytes())
    summary = run_local(corpus, tmp_path / "out")
    assert summary["reconciled"]
    rejects = read_table(tmp_path / "out", "rejects").to_pylist()
    assert [r["detail"] for r in rejects if r["reason"] == "duplicate"] == ["same bytes as copy_of_report.txt"]


def test_full_refresh_reprocesses_everything(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run_local(corpus, out)
    before = snapshot(out)
    summary = run_local(corpus, out, full_refresh=True)
    assert summary["processed"] == 8
    assert snapshot(out) == before


def test_two_runs_at_once_never_interleave(corpus: Path, tmp_path: Path) -> None:
    """Two runs start on one output folder while a third party holds it: each waits, they then run one
    after the other, and the tables equal a single run's."""
    import subprocess
    import sys
    import time

    from zhetl.storage import output_lock

    output = tmp_path / "shared-out"
    script = ("import sys; from pathlib import Path; from zhetl.runs import run_local; "
              "s = run_local(Path(sys.argv[1]), Path(sys.argv[2])); print(s['reconciled'])")
    logs = [tmp_path / f"run{i}.err" for i in range(2)]
    with output_lock(output):
        runs = [subprocess.Popen([sys.executable, "-c", script, str(corpus), str(output)], stdout=subprocess.PIPE,
                                 stderr=log.open("w"), text=True) for log in logs]
        deadline = time.monotonic() + 120
        while not all("waiting for it to finish" in log.read_text() for log in logs):
            assert time.monotonic() < deadline, [log.read_text()[-500:] for log in logs]
            assert all(run.poll() is None for run in runs), "a run went ahead while the folder was locked"
            time.sleep(0.05)
    results = [run.communicate(timeout=600)[0].strip() for run in runs]
    assert results == ["True", "True"], [log.read_text()[-800:] for log in logs]
    run_local(corpus, tmp_path / "alone")
    assert snapshot(output) == snapshot(tmp_path / "alone")


def test_a_run_that_must_not_wait_says_who_holds_the_lock(tmp_path: Path) -> None:
    from zhetl.storage import OutputLocked, output_lock

    with output_lock(tmp_path), pytest.raises(OutputLocked, match="another zhetl run holds"), \
            output_lock(tmp_path, wait=False):
        pass


def test_a_plan_is_parsed_again_only_when_its_bytes_change(tmp_path: Path) -> None:
    plan_path = tmp_path / "plan.json"
    plan_path.write_text('{"batches": [[]]}', encoding="utf-8")
    first = read_plan(plan_path)
    assert read_plan(plan_path) is first  # the same bytes: the parse is reused
    plan_path.write_text('{"batches": [[], []]}', encoding="utf-8")  # a new plan at the same path
    assert read_plan(plan_path) == {"batches": [[], []]}
