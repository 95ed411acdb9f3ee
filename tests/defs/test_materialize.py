"""An in-process materialization over three real 决算 packs: the same warehouse as `fiscal ingest`,
asset checks evaluated, check results recorded, and a second run that parses nothing."""
from __future__ import annotations

import dagster as dg
import duckdb
import pytest

from pipelines.defs.ingest.partitions import range_tags
from pipelines.defs.ingest.sensors import inbox_sensor
from pipelines.settings import Settings

pytestmark = pytest.mark.corpus

FACT_ROWS = ("SELECT document_id, table_id, account_scheme, account_code, line_item, measure, "
             "CAST(amount_wan AS VARCHAR), unit_printed, page FROM fact_amount ORDER BY ALL")


def events(result, kind: str):
    return [e for e in result.all_events if e.event_type_value == kind]


def partition_metadata(result, asset: str, field: str) -> dict:
    out = {}
    for e in events(result, "ASSET_MATERIALIZATION"):
        m = e.event_specific_data.materialization
        if m.asset_key.to_user_string() == asset:
            out[m.partition] = m.metadata[field].value if field in m.metadata else None
    return out


@pytest.fixture(scope="module")
def ingested(corpus, finals, tmp_path_factory):
    """One sensor tick and one run over the three packs, shared by the tests of this module."""
    from pipelines.definitions import defs
    from pipelines.defs.ingest.resources import FiscalResource

    root = tmp_path_factory.mktemp("materialize")
    box = root / "inbox"
    box.mkdir()
    for rel in finals:
        (box / rel.rsplit("/", 1)[1]).symlink_to(corpus / rel)
    fiscal = FiscalResource(warehouse=str(root / "wh" / "warehouse.duckdb"), inbox=str(box),
                            staging=str(root / "wh" / "staging"), parse_workers=2, settle_seconds=0)
    with pytest.MonkeyPatch.context() as mp, dg.instance_for_test() as instance:
        for var, value in (("FISCAL_WAREHOUSE", fiscal.warehouse), ("FISCAL_INBOX", fiscal.inbox),
                           ("FISCAL_STAGING", fiscal.staging)):
            mp.setenv(var, value)
        sensed = inbox_sensor(dg.build_sensor_context(instance=instance, resources={"fiscal": fiscal}))
        keys = [r.partition_key for r in sensed.run_requests]
        instance.add_dynamic_partitions("documents", keys)
        job = defs.resolve_job_def("ingest_documents")
        first = job.execute_in_process(instance=instance, tags=range_tags(keys), resources={"fiscal": fiscal},
                                       raise_on_error=False)
        yield job, keys, first, fiscal, instance


def succeeded(result) -> set[str]:
    return {e.step_key for e in events(result, "STEP_SUCCESS")}



def test_materialization_fills_the_warehouse_like_the_cli(ingested, manifest, tmp_path, monkeypatch):
    from pipelines.core import ingest

    job, keys, result, fiscal, _ = ingested
    assert len(keys) == 3
    assert {"raw_documents", "extracted_documents.record_extraction", "warehouse_documents"} <= succeeded(result)
    expected = {r["sha256"]: r for r in manifest if r["sha256"] in keys}
    con = duckdb.connect(fiscal.warehouse, read_only=True)
    try:
        docs = {r[0]: r[1:] for r in con.execute(
            "SELECT document_id, status, doc_kind, department, fiscal_year FROM document").fetchall()}
        dagster_facts = con.execute(FACT_ROWS).fetchall()
        by_doc = dict(con.execute("SELECT document_id, count(*) FROM fact_amount GROUP BY 1").fetchall())
        run = con.execute("SELECT trigger, n_files, n_loaded FROM ingest_run").fetchall()
    finally:
        con.close()
    assert set(docs) == set(keys)
    for doc_id, (status, kind, department, year) in docs.items():
        m = expected[doc_id]
        assert (status, kind, department, year) == ("loaded", m["kind"], m["department"], int(m["year"]))
        assert by_doc[doc_id] > 100  # every pack yields its tables' amounts
    assert run == [(f"dagster:manual:{result.run_id}", 3, 3)]

    # the CLI on the same files, into another warehouse: the same facts, row for row
    monkeypatch.setenv("FISCAL_WAREHOUSE", str(tmp_path / "cli" / "warehouse.duckdb"))
    monkeypatch.setenv("FISCAL_STAGING", str(tmp_path / "cli" / "staging"))
    report = ingest(Settings.from_env(), [fiscal.inbox], workers=1, progress=None)
    assert sorted(o.outcome for o in report.outcomes) == ["loaded"] * 3
    cli = duckdb.connect(str(tmp_path / "cli" / "warehouse.duckdb"), read_only=True)
    try:
        assert cli.execute(FACT_ROWS).fetchall() == dagster_facts
    finally:
        cli.close()


def test_asset_checks_and_check_results(ingested):
    _, keys, result, fiscal, _ = ingested
    evals = {(e.event_specific_data.asset_key.to_user_string(), e.event_specific_data.check_name):
             e.event_specific_data for e in events(result, "ASSET_CHECK_EVALUATION")}
    assert set(evals) == {("extracted_documents", "parser_completed"), ("extracted_documents", "tables_found"),
                          ("warehouse_documents", "load_matches_extraction"), ("check_results", "parse_integrity"),
                          ("check_results", "source_consistency")}
    load = evals[("warehouse_documents", "load_matches_extraction")]
    assert load.passed and load.metadata["documents"].value == 3 and load.metadata["mismatches"].value == 0
    assert evals[("extracted_documents", "parser_completed")].passed
    assert evals[("extracted_documents", "tables_found")].metadata["packs"].value == 3
    integrity = evals[("check_results", "parse_integrity")]
    con = duckdb.connect(fiscal.warehouse, read_only=True)
    try:
        checked = {r[0] for r in con.execute("SELECT DISTINCT document_id FROM check_result").fetchall()}
    finally:
        con.close()
    assert checked == set(keys)
    assert integrity.metadata["documents"].value == 3 and integrity.metadata["results"].value > 0
    # parse-integrity failures block the marts and the snapshot; source inconsistencies only warn
    refreshed = {"marts", "dashboard_snapshot"}
    if integrity.passed:
        assert refreshed <= succeeded(result) and result.success
    else:
        assert not refreshed & succeeded(result) and not result.success


def test_a_broken_load_blocks_checks_and_marts(finals_in_inbox, fiscal, instance, monkeypatch):
    """Simulate a load that lost a fact: the blocking load check fails, nothing downstream runs."""
    from pipelines.definitions import defs
    from pipelines.defs.warehouse import checks

    real = checks.warehouse_totals
    monkeypatch.setattr(checks, "warehouse_totals", lambda con, doc_id: {**real(con, doc_id),
                                                                          "facts": real(con, doc_id)["facts"] - 1})
    for link in finals_in_inbox[1:]:
        link.unlink()
    sensed = inbox_sensor(dg.build_sensor_context(instance=instance, resources={"fiscal": fiscal}))
    (key,) = [r.partition_key for r in sensed.run_requests]
    instance.add_dynamic_partitions("documents", [key])
    result = defs.resolve_job_def("ingest_documents").execute_in_process(
        instance=instance, partition_key=key, resources={"fiscal": fiscal}, raise_on_error=False)
    assert not result.success
    (load,) = [e.event_specific_data for e in events(result, "ASSET_CHECK_EVALUATION")
               if e.event_specific_data.check_name == "load_matches_extraction"]
    assert not load.passed and load.metadata["mismatches"].value == 1
    assert "| facts |" in load.metadata["mismatch_detail"].value
    assert not {"check_results", "marts", "dashboard_snapshot"} & succeeded(result)
    assert not (fiscal.staging_dir.parent / "wh" / "warehouse.read.duckdb").exists()


def test_second_run_over_the_same_documents_parses_nothing(ingested):
    job, keys, first, fiscal, instance = ingested
    assert set(partition_metadata(first, "extracted_documents", "parsed_in_this_run").values()) == {True}
    again = job.execute_in_process(instance=instance, tags=range_tags(keys), resources={"fiscal": fiscal},
                                   raise_on_error=False)
    assert "warehouse_documents" in succeeded(again)
    assert partition_metadata(again, "extracted_documents", "parsed_in_this_run") == {k: False for k in keys}
    assert partition_metadata(again, "warehouse_documents", "outcome") == {k: "unchanged" for k in keys}
