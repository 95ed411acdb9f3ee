"""The nightly run, materialized in process against a loopback server playing the portals: the
schedule starts the fetch (one source up, one down), the fetch stores the new packs with their
provenance and reports per source, the sensor follows with one ingestion run, and that run loads
the packs, runs the rule checks and refreshes the marts."""
from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import dagster as dg
import duckdb
import pytest
import requests

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fetch"))

from pipelines.defs.fetch.resources import FetchResource  # noqa: E402

import fake_portals as fp  # noqa: E402
from portal_server import Portal, Route, ToLoopback  # noqa: E402

pytestmark = pytest.mark.corpus

NIGHT = datetime(2026, 11, 30, 2, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
SOURCES = f"""
defaults:
  politeness: {{requests_per_second: 20, retries: 1, backoff_seconds: 0.05, read_timeout_seconds: 2}}
  links: {{words: [[预算, 决算]], exclude: [绩效], years: {{min: 2024}}, year_required: true}}
  pagination: {{pattern: "index_{{n}}.html", max_pages: 3}}
sources:
  - {{name: cq-portal, region: 重庆市, department: all, listings: ["{fp.LISTING}"]}}
  - {{name: down, region: 测试, department: all, listings: ["{fp.DOWN_LISTING}"]}}
"""


class LoopbackFetch(FetchResource):
    """The fetch resource with every URL sent to the test's loopback server."""

    port: int

    def client(self):
        from pipelines.fetch.client import Client

        s = requests.Session()
        s.trust_env = False
        s.mount("http://", ToLoopback(self.port))
        s.mount("https://", ToLoopback(self.port))
        return Client(session=s)


def events(result, kind: str):
    return [e for e in result.all_events if e.event_type_value == kind]


def succeeded(result) -> set[str]:
    return {e.step_key for e in events(result, "STEP_SUCCESS")}


@pytest.fixture(scope="module")
def night(corpus, tmp_path_factory):
    from pipelines.definitions import defs
    from pipelines.defs.fetch.sensors import ingest_after_fetch
    from pipelines.defs.ingest.resources import FiscalResource
    from pipelines.defs.ingest.schedules import nightly_ingest

    root = tmp_path_factory.mktemp("nightly")
    portal = Portal(lifetime=600).start()
    fp.build(portal, corpus, articles=("cq-4", "cq-5"), cases=False, revised=False)
    portal.add(fp.DOWN_LISTING, Route(b"busy", "text/plain", status=503, validators=False))
    (root / "sources.yaml").write_text(SOURCES, encoding="utf-8")
    fiscal = FiscalResource(warehouse=str(root / "wh" / "warehouse.duckdb"), inbox=str(root / "inbox"),
                            staging=str(root / "wh" / "staging"), parse_workers=2, settle_seconds=0)
    fetch = LoopbackFetch(sources=str(root / "sources.yaml"), state=str(root / "wh" / "fetch_state.sqlite"),
                          port=portal.port)
    out = {"fiscal": fiscal, "root": root}
    with pytest.MonkeyPatch.context() as mp, dg.instance_for_test() as instance:
        for var, value in (("FISCAL_WAREHOUSE", fiscal.warehouse), ("FISCAL_INBOX", fiscal.inbox),
                           ("FISCAL_STAGING", fiscal.staging)):
            mp.setenv(var, value)
        out["schedule"] = req = nightly_ingest(dg.build_schedule_context(instance=instance,
                                                                         scheduled_execution_time=NIGHT))
        out["fetch"] = defs.resolve_job_def(nightly_ingest.job_name).execute_in_process(
            instance=instance, tags=req.tags, resources={"fiscal": fiscal, "fetch": fetch}, raise_on_error=False)
        out["sensor"] = ingest_after_fetch(dg.build_sensor_context(instance=instance, resources={"fiscal": fiscal}))
        (ingest_req,) = out["sensor"].run_requests
        out["ingest"] = defs.resolve_job_def(ingest_after_fetch.job_name).execute_in_process(
            instance=instance, tags=ingest_req.tags, resources={"fiscal": fiscal}, raise_on_error=False)
        yield out
    portal.stop()


def test_the_schedule_starts_the_fetch(night):
    assert night["schedule"].run_key == "nightly-2026-11-30"


def test_the_fetch_reports_per_source_and_a_failing_source_does_not_stop_the_others(night):
    result = night["fetch"]
    assert result.success and succeeded(result) == {"fetched_files"}
    (mat,) = [e.event_specific_data.materialization for e in events(result, "ASSET_MATERIALIZATION")]
    meta = {k: v.value for k, v in mat.metadata.items()}
    assert (meta["n_new"], meta["n_failed"], meta["n_unchanged"]) == (2, 0, 0)
    table = meta["sources"]
    assert "| cq-portal | 2 | 0 | 0 | 0 | 0 | 0 | 0 |" in table
    assert "| down | 0 | 0 | 0 | 0 | 0 | 0 | 1 | 0 | 0 | no listing page could be read: HTTP 503 Service Unavailable " \
           "(after 2 attempts) |" in table
    assert "重庆市信访办公室2026年部门预算公开.pdf" in meta["details"]
    (check,) = [e.event_specific_data for e in events(result, "ASSET_CHECK_EVALUATION")]
    assert check.check_name == "sources_reachable" and not check.passed
    assert check.severity == dg.AssetCheckSeverity.WARN and check.metadata["failed_sources"].value == 1


def test_the_sensor_follows_with_one_ingestion_of_what_is_new(night):
    (req,) = night["sensor"].run_requests
    assert req.tags["fiscal/after_fetch"] == night["fetch"].run_id
    assert req.tags["fiscal/nightly"] == "2026-11-30" and req.tags["fiscal/pending_documents"] == "2"


def test_the_ingestion_loads_checks_and_refreshes_the_marts(night, corpus):
    import hashlib

    result = night["ingest"]
    steps = succeeded(result)
    assert {"raw_documents", "warehouse_documents", "check_results", "marts", "dashboard_snapshot"} <= steps, steps
    assert result.success
    con = duckdb.connect(night["fiscal"].warehouse, read_only=True)
    try:
        rows = con.execute("""SELECT d.document_id, d.status, d.doc_kind, p.source, p.attachment_url, p.article_title
                              FROM document d JOIN document_provenance p USING (document_id)
                              ORDER BY p.attachment_url""").fetchall()
        checked = con.execute("SELECT count(DISTINCT document_id) FROM check_result").fetchone()[0]
    finally:
        con.close()
    want = sorted((url, hashlib.sha256((corpus / rel).read_bytes()).hexdigest())
                  for name in ("cq-4", "cq-5") for url, rel in fp.ATTACHMENTS[name].items())
    assert [(r[4], r[0]) for r in rows] == want
    assert all(r[1:4] == ("loaded", "budget", "cq-portal") for r in rows)
    assert {r[5] for r in rows} == {fp.TITLES["cq-4"], fp.TITLES["cq-5"]}
    assert checked == 2
