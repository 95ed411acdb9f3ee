"""pipelines/defs/scaleout.py: the Dask path. A local Dask cluster on 127.0.0.1 runs a small
single-run backfill: parse steps on the cluster's worker processes, the load on the worker that
holds the `warehouse` resource, and the same warehouse as the in-process job."""
from __future__ import annotations

import os
import sys
import types

import dagster as dg
import duckdb
import pytest

from pipelines.defs.scaleout import _execute_step_on_worker, _Opaque, dask_cluster_config
from pipelines.settings import Settings

pytestmark = pytest.mark.corpus


def test_cluster_from_the_environment(monkeypatch):
    monkeypatch.delenv("FISCAL_DASK_SCHEDULER", raising=False)
    monkeypatch.setenv("FISCAL_DASK_WORKERS", "3")
    local = dask_cluster_config(Settings.from_env())["local"]
    assert (local["n_workers"], local["host"], local["resources"]) == (3, "127.0.0.1", {"warehouse": 1})
    monkeypatch.setenv("FISCAL_DASK_SCHEDULER", "tcp://10.1.2.3:8786")
    assert dask_cluster_config(Settings.from_env()) == {"existing": {"address": "tcp://10.1.2.3:8786"}}


def test_a_step_whose_upstream_failed_is_skipped_not_run():
    payload = _Opaque(("would fail if it were run",))
    result = _execute_step_on_worker([_Opaque([], ok=True), _Opaque(None, ok=False)], payload)
    assert result.value is None and result.ok is False


def test_backfill_on_a_local_dask_cluster(finals_in_inbox, fiscal, tmp_path, monkeypatch):
    from dagster._core.definitions.reconstruct import ReconstructableRepository

    from pipelines.defs.ingest.partitions import range_tags
    from pipelines.defs.ingest.schedules import pending_documents
    from pipelines.settings import project_data_dir

    # the cluster's spawned worker processes re-import __main__; other tests (Streamlit's AppTest) leave
    # a script there, so hand them an empty one, as a `dagster api execute_run` process would
    monkeypatch.setitem(sys.modules, "__main__", types.ModuleType("__main__"))
    monkeypatch.setenv("FISCAL_DASK_WORKERS", "2")
    monkeypatch.delenv("FISCAL_DASK_SCHEDULER", raising=False)
    for link in finals_in_inbox[2:]:  # two documents keep the test short
        link.unlink()
    (tmp_path / "dagster_home").mkdir()
    with dg.instance_for_test(temp_dir=str(tmp_path / "dagster_home")) as instance:
        keys = pending_documents(instance, fiscal)
        assert len(keys) == 2
        recon = ReconstructableRepository.for_module(
            "pipelines.definitions", "defs", working_directory=str(project_data_dir().parent),
        ).get_reconstructable_job("ingest_documents_dask")
        result = dg.execute_job(recon, instance=instance, tags=range_tags(keys))
        assert result.success
        mats = [e.event_specific_data.materialization for e in result.all_events
                if e.event_type_value == "ASSET_MATERIALIZATION"]
        parsed_by = {m.partition: m.metadata["parsed_by"].value for m in mats
                     if m.asset_key.to_user_string() == "extracted_documents"}
        assert set(parsed_by) == set(keys)
        assert all(where and not where.endswith(f":{os.getpid()}") for where in parsed_by.values()), parsed_by
        assert len(set(parsed_by.values())) == 2  # the two documents were parsed by the two workers
        steps = {e.step_key for e in result.all_events if e.event_type_value == "STEP_SUCCESS"}
        assert {"warehouse_documents", "check_results", "marts", "dashboard_snapshot"} <= steps
    con = duckdb.connect(fiscal.warehouse, read_only=True)
    try:
        rows = con.execute("SELECT document_id, status FROM document ORDER BY 1").fetchall()
        n_facts = con.execute("SELECT count(*) FROM fact_amount").fetchone()[0]
    finally:
        con.close()
    assert rows == [(k, "loaded") for k in sorted(keys)] and n_facts > 200
