"""Batches on a Dask cluster: a local cluster of two worker processes and a Prefect API server on loopback."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import check_offsets, copy_tree, snapshot
from zhetl.runs import run_local

pytestmark = pytest.mark.flow


def test_dask_cluster_run_equals_a_local_run(tmp_path: Path, fixtures: Path, monkeypatch) -> None:
    distributed = pytest.importorskip("distributed")
    from flows.server import api_server

    corpus = copy_tree(fixtures / "mini", tmp_path / "in")
    copy_tree(fixtures / "bad", corpus / "bad")
    monkeypatch.delenv("PREFECT_API_URL", raising=False)
    with api_server() as url:
        assert url.startswith("http://127.0.0.1:")
        # The cluster starts after the server, so its worker processes inherit PREFECT_API_URL.
        with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                      dashboard_address=None, host="127.0.0.1") as cluster:
            from flows.etl import etl

            summary = etl(input_dir=str(corpus), output_dir=str(tmp_path / "dask"), batch_chars=500,
                          dask_address=cluster.scheduler_address)
    assert summary["batches"] >= 2 and summary["reconciled"]
    run_local(corpus, tmp_path / "local")
    assert snapshot(tmp_path / "dask") == snapshot(tmp_path / "local")
    check_offsets(tmp_path / "dask")
