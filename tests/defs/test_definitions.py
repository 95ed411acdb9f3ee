"""pipelines/definitions.py: the code location loads and has the shape the UI shows."""
from __future__ import annotations

import json

import dagster as dg
import pytest


@pytest.fixture(scope="module")
def defs():
    from pipelines.definitions import defs

    return defs


def keys(defs) -> list[str]:
    return sorted(k.to_user_string() for k in defs.resolve_asset_graph().get_all_asset_keys())


def test_code_location_loads_with_every_stage(defs):
    assert keys(defs) == ["check_results", "dashboard_snapshot", "extracted_documents", "fetched_files", "marts",
                          "raw_documents", "warehouse_documents"]
    graph = defs.resolve_asset_graph()
    groups = {k.to_user_string(): graph.get(k).group_name for k in graph.get_all_asset_keys()}
    assert groups == {"fetched_files": "fetch", "raw_documents": "ingest", "extracted_documents": "parse",
                      "warehouse_documents": "warehouse", "check_results": "checks", "marts": "reports",
                      "dashboard_snapshot": "reports"}
    assert {j.name for j in defs.resolve_all_job_defs()} >= {"fetch_sources", "ingest_documents",
                                                             "ingest_documents_dask"}
    assert defs.resolve_sensor_def("inbox_sensor").job_name == "ingest_documents"
    # the nightly run: the fetch first, then (when it has finished) the ingestion of what is new
    assert defs.resolve_schedule_def("nightly_ingest").job_name == "fetch_sources"
    after = defs.resolve_sensor_def("ingest_after_fetch")
    assert after.job_name == "ingest_documents" and after.default_status == dg.DefaultSensorStatus.RUNNING


def test_fetching_is_its_own_job(defs):
    def assets(job: str) -> set[str]:
        return {n for n in defs.resolve_job_def(job).graph.node_dict}

    assert assets("fetch_sources") == {"fetched_files"}
    for job in ("ingest_documents", "ingest_documents_dask"):  # an inbox run never fetches
        assert "fetched_files" not in assets(job) and "raw_documents" in assets(job)


def test_lineage(defs):
    graph = defs.resolve_asset_graph()
    parents = {k.to_user_string(): sorted(p.to_user_string() for p in graph.get(k).parent_keys)
               for k in graph.get_all_asset_keys()}
    assert parents == {"fetched_files": [], "raw_documents": ["fetched_files"], "extracted_documents": ["raw_documents"],
                       "warehouse_documents": ["extracted_documents"], "check_results": ["warehouse_documents"],
                       "marts": ["check_results"], "dashboard_snapshot": ["marts"]}


def test_one_partition_per_document_and_single_run_backfills(defs):
    graph = defs.resolve_asset_graph()
    for name in ("raw_documents", "extracted_documents", "warehouse_documents"):
        node = graph.get(dg.AssetKey(name))
        assert isinstance(node.partitions_def, dg.DynamicPartitionsDefinition)
        assert node.partitions_def.name == "documents"
        assert node.backfill_policy == dg.BackfillPolicy.single_run()  # a backfill of all documents: one run
    for name in ("check_results", "marts", "dashboard_snapshot"):
        assert graph.get(dg.AssetKey(name)).partitions_def is None


def test_asset_checks_are_attached(defs):
    graph = defs.resolve_asset_graph()
    checks = {(k.asset_key.to_user_string(), k.name): graph.get_check_spec(k).blocking
              for k in graph.asset_check_keys}
    assert checks == {
        ("fetched_files", "sources_reachable"): False,  # a source that fails warns; the others go on
        ("extracted_documents", "parser_completed"): False,
        ("extracted_documents", "tables_found"): False,
        ("warehouse_documents", "load_matches_extraction"): True,  # a broken load blocks checks and marts
        ("check_results", "parse_integrity"): True,  # parse-integrity rule failures block the marts
        ("check_results", "source_consistency"): False,  # inconsistencies printed in the source warn
    }


def test_executors_are_chosen_per_job(defs):
    assert defs.resolve_job_def("ingest_documents").executor_def.name == "in_process"
    dask = defs.resolve_job_def("ingest_documents_dask")
    assert dask.executor_def.name == "fiscal_dask"
    assert dask.tags["fiscal/workers_per_chunk"] == "1"


def test_only_warehouse_steps_are_pinned_to_the_warehouse_worker(defs):
    job = defs.resolve_job_def("ingest_documents_dask")
    pinned = {}
    for handle, node in job.graph.node_dict.items():
        tag = node.definition.tags.get("dagster-dask/resource_requirements")
        pinned[handle] = json.loads(tag) if tag else None
    assert pinned["warehouse_documents"] == {"warehouse": 1}
    assert pinned["check_results"] == pinned["marts"] == pinned["dashboard_snapshot"] == {"warehouse": 1}
    assert pinned["raw_documents"] is None and pinned["extracted_documents"] is None


def test_resource_comes_from_the_environment(monkeypatch, tmp_path):
    from pipelines.defs.ingest.resources import FiscalResource

    monkeypatch.setenv("FISCAL_WAREHOUSE", str(tmp_path / "w" / "x.duckdb"))
    monkeypatch.setenv("FISCAL_INBOX", str(tmp_path / "in"))
    monkeypatch.delenv("FISCAL_STAGING", raising=False)
    from pipelines.settings import Settings

    r = FiscalResource.from_settings(Settings.from_env())
    assert (r.warehouse, r.inbox, r.staging) == (str(tmp_path / "w" / "x.duckdb"), str(tmp_path / "in"),
                                                 str(tmp_path / "w" / "staging"))
    monkeypatch.delenv("FISCAL_INBOX")
    assert FiscalResource.from_settings(Settings.from_env()).inbox.endswith("data/inbox")
