"""Inputs and outputs behind fsspec URLs: an in-memory store, and S3 through moto's loopback server."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers import check_offsets, copy_tree, snapshot
from zhetl import storage
from zhetl.runs import run_local
from zhetl.storage import build_catalog, load_manifest, read_table
from zhetl.storagepath import RemotePath, as_location, is_url

AWS_ENV = {"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing", "AWS_DEFAULT_REGION": "us-east-1"}


@pytest.fixture(scope="module")
def s3_endpoint() -> Iterator[str]:
    """A moto S3 server on 127.0.0.1 for this module; AWS_ENDPOINT_URL points every client (and every
    worker process started afterwards) at it."""
    pytest.importorskip("s3fs")
    server_module = pytest.importorskip("moto.server")
    server = server_module.ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    saved = {name: os.environ.get(name) for name in [*AWS_ENV, "AWS_ENDPOINT_URL"]}
    os.environ.update(AWS_ENV, AWS_ENDPOINT_URL=f"http://{host}:{port}")
    _forget_filesystems()
    try:
        yield os.environ["AWS_ENDPOINT_URL"]
    finally:
        server.stop()
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
        _forget_filesystems()


def _forget_filesystems() -> None:
    """fsspec caches file system instances; a new endpoint needs new ones."""
    import s3fs

    from zhetl.storagepath import _filesystem

    s3fs.S3FileSystem.clear_instance_cache()
    _filesystem.cache_clear()


@pytest.fixture
def bucket(s3_endpoint: str) -> str:
    import boto3

    name = f"zhetl-{uuid.uuid4().hex[:12]}"
    boto3.client("s3").create_bucket(Bucket=name)
    return name


def _upload(folder: Path, url: str) -> None:
    target = as_location(url)
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            (target / path.relative_to(folder).as_posix()).write_bytes(path.read_bytes())


def test_urls_and_local_paths_are_told_apart() -> None:
    assert is_url("s3://bucket/prefix") and is_url("memory://x")
    assert not is_url("data/raw") and not is_url("file:///tmp/x")
    assert as_location("file:///tmp/x") == Path("/tmp/x")
    assert isinstance(as_location("s3://bucket/prefix/"), RemotePath)
    assert str(as_location("s3://bucket/prefix/")) == "s3://bucket/prefix"


def test_remote_path_does_what_the_storage_layer_needs() -> None:
    root = as_location(f"memory://zhetl-{uuid.uuid4().hex[:8]}")
    assert isinstance(root, RemotePath)
    assert list(root.iterdir()) == [] and not (root / "a.txt").exists()
    (root / "a.txt").write_text("甲")
    (root / "sub" / "b.parquet").write_bytes(b"x")
    assert (root / "a.txt").read_text() == "甲"
    assert [p.name for p in root.iterdir()] == ["a.txt", "sub"]
    assert [p.name for p in (root / "sub").glob("*.parquet")] == ["b.parquet"]
    (root / "a.txt").replace(root / "c.txt")
    assert not (root / "a.txt").exists() and (root / "c.txt").read_text() == "甲"
    (root / "c.txt").unlink()
    (root / "c.txt").unlink(missing_ok=True)
    with pytest.raises(FileNotFoundError):
        (root / "c.txt").unlink()
    (root / "sub").rmtree()
    assert list(root.iterdir()) == []


def test_a_run_between_memory_urls_equals_a_local_run(tmp_path: Path, fixtures: Path) -> None:
    """Both ends behind fsspec (in memory): same rows as local folders, and a re-run skips everything."""
    name = uuid.uuid4().hex[:8]
    corpus = copy_tree(fixtures / "mini", tmp_path / "in")
    copy_tree(fixtures / "bad", corpus / "bad")
    _upload(corpus, f"memory://in-{name}")
    remote_output = as_location(f"memory://out-{name}")
    summary = run_local(as_location(f"memory://in-{name}"), remote_output, batch_chars=500)
    assert summary["reconciled"] and summary["documents"] > 0 and summary["rejects"] > 0
    run_local(corpus, tmp_path / "local", batch_chars=500)
    assert snapshot(remote_output) == snapshot(tmp_path / "local")
    assert (remote_output / "report.html").exists()
    assert not (remote_output / storage.STAGING).exists()
    again = run_local(as_location(f"memory://in-{name}"), remote_output, batch_chars=500)
    assert again["processed"] == 0 and again["skipped"] == summary["files_seen"]


def test_s3_in_s3_out_equals_a_local_run(tmp_path: Path, fixtures: Path, bucket: str) -> None:
    corpus = copy_tree(fixtures / "mini", tmp_path / "in")
    _upload(corpus, f"s3://{bucket}/raw")
    output = as_location(f"s3://{bucket}/processed")
    summary = run_local(as_location(f"s3://{bucket}/raw"), output, batch_chars=500)
    assert summary["reconciled"] and summary["documents"] == summary["files_seen"]
    run_local(corpus, tmp_path / "local", batch_chars=500)
    assert snapshot(output) == snapshot(tmp_path / "local")
    check_offsets(output)
    # Changing one input object reprocesses only that file.
    changed = sorted(corpus.rglob("*.txt"))[0]
    key = changed.relative_to(corpus).as_posix()
    extra = "\n新增一句：全县脱贫1200户。".encode()
    (as_location(f"s3://{bucket}/raw") / key).write_bytes(changed.read_bytes() + extra)
    again = run_local(as_location(f"s3://{bucket}/raw"), output, batch_chars=500)
    assert again["processed"] == 1 and again["skipped"] == summary["files_seen"] - 1


def test_an_s3_publish_that_dies_before_the_manifest_changes_nothing(tmp_path: Path, fixtures: Path, bucket: str,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """The manifest is the commit: parts copied into place before a crash are invisible and later removed."""
    corpus = copy_tree(fixtures / "mini", tmp_path / "in")
    first, rest = sorted(corpus.rglob("*.txt"))[:1], sorted(corpus.rglob("*.txt"))[1:]
    for path in rest:
        path.rename(tmp_path / path.name)
    _upload(corpus, f"s3://{bucket}/raw")
    output = as_location(f"s3://{bucket}/processed")
    run_local(as_location(f"s3://{bucket}/raw"), output, batch_chars=500)
    committed = snapshot(output)
    manifest_before = (output / storage.MANIFEST).read_bytes()
    for path in rest:
        (as_location(f"s3://{bucket}/raw") / path.name).write_bytes((tmp_path / path.name).read_bytes())

    def crash(*args, **kwargs):
        raise KeyboardInterrupt("killed while publishing")

    monkeypatch.setattr(storage, "write_manifest", crash)
    with pytest.raises(KeyboardInterrupt):
        run_local(as_location(f"s3://{bucket}/raw"), output, batch_chars=500)
    monkeypatch.undo()
    assert (output / storage.MANIFEST).read_bytes() == manifest_before
    assert snapshot(output) == committed  # readers follow the manifest, so they still see the last commit
    published = {p.name for p in (output / "documents").iterdir()}
    assert len(published) > len(load_manifest(output).parts())  # the dead run's parts are there, unnamed
    summary = run_local(as_location(f"s3://{bucket}/raw"), output, batch_chars=500)
    assert summary["reconciled"] and summary["documents"] == 1 + len(rest)
    assert {p.name for p in (output / "documents").iterdir()} == {
        storage.part_name(key) for key in load_manifest(output).parts()}
    for path in [*first, *rest]:
        assert path.name in {Path(p).name for p in read_table(output, "documents").column("source_path").to_pylist()}


def test_an_s3_output_gets_a_catalog_script_naming_the_parts_by_url(tmp_path: Path, fixtures: Path,
                                                                    bucket: str) -> None:
    """A DuckDB file cannot live in a bucket: the run leaves catalog.sql, which creates the views there."""
    corpus = copy_tree(fixtures / "mini", tmp_path / "in")
    _upload(corpus, f"s3://{bucket}/raw")
    output = as_location(f"s3://{bucket}/processed")
    run_local(as_location(f"s3://{bucket}/raw"), output)
    script = (output / storage.CATALOG_SCRIPT).read_text()
    assert script.startswith("INSTALL httpfs;") and "PROVIDER credential_chain" in script
    for key in load_manifest(output).parts():
        assert f"'s3://{bucket}/processed/facts/{storage.part_name(key)}'" in script
    assert f"read_parquet('s3://{bucket}/processed/runs/*.parquet')" in script
    assert build_catalog(output, tmp_path / "bi.sql") == tmp_path / "bi.sql"
    assert (tmp_path / "bi.sql").read_text() == script


@pytest.mark.flow
def test_a_dask_cluster_reads_and_writes_s3(tmp_path: Path, fixtures: Path, bucket: str,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """Two Dask worker processes, a Prefect server on loopback and S3 at both ends: same tables as local."""
    distributed = pytest.importorskip("distributed")
    from flows.server import api_server

    corpus = copy_tree(fixtures / "mini", tmp_path / "in")
    copy_tree(fixtures / "bad", corpus / "bad")
    _upload(corpus, f"s3://{bucket}/raw")
    monkeypatch.delenv("PREFECT_API_URL", raising=False)
    from flows.etl import etl

    # Workers start after the server and the S3 endpoint, so they inherit both through the environment.
    with api_server(), distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                                dashboard_address=None, host="127.0.0.1") as cluster:
        summary = etl(input_dir=f"s3://{bucket}/raw", output_dir=f"s3://{bucket}/processed", batch_chars=500,
                      dask_address=cluster.scheduler_address)
    assert summary["batches"] >= 2 and summary["reconciled"]
    assert summary["catalog"] == f"s3://{bucket}/processed/catalog.sql"
    run_local(corpus, tmp_path / "local")
    output = as_location(f"s3://{bucket}/processed")
    assert snapshot(output) == snapshot(tmp_path / "local")
    assert (output / "report.html").exists() and list((output / "runs").glob("*.parquet"))
