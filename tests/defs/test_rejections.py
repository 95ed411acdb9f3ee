"""Bad input through the Dagster path: every document gets a recorded outcome and a reason."""
from __future__ import annotations

import os
import time

import dagster as dg
import duckdb

from pipelines.defs.ingest.partitions import range_tags
from pipelines.defs.ingest.sensors import inbox_sensor


def put(path, data: bytes):
    path.write_bytes(data)
    os.utime(path, (time.time() - 120, time.time() - 120))


def test_not_a_pdf_and_a_file_deleted_before_its_run_are_recorded(fiscal, instance, inbox):
    from pipelines.definitions import defs

    put(inbox / "page.pdf", b"<html><body>not a pdf</body></html>")
    put(inbox / "gone.pdf", b"%PDF-1.4 deleted before the run")
    sensed = inbox_sensor(dg.build_sensor_context(instance=instance, resources={"fiscal": fiscal}))
    keys = [r.partition_key for r in sensed.run_requests]
    instance.add_dynamic_partitions("documents", keys)
    (inbox / "gone.pdf").unlink()
    result = defs.resolve_job_def("ingest_documents").execute_in_process(
        instance=instance, tags=range_tags(keys), resources={"fiscal": fiscal})
    assert result.success
    con = duckdb.connect(fiscal.warehouse, read_only=True)
    try:
        rows = {r[0]: r[1:] for r in con.execute(
            "SELECT file_name, status, reject_code, reason FROM document").fetchall()}
        events = con.execute("SELECT file_name, outcome FROM ingest_event ORDER BY 1").fetchall()
    finally:
        con.close()
    assert rows["gone.pdf"][:2] == ("rejected", "missing_file")
    assert "no file in the inbox" in rows["gone.pdf"][2]
    assert rows["page.pdf"][0] == "rejected" and rows["page.pdf"][2]  # the parser's reason, recorded
    assert events == [("gone.pdf", "rejected"), ("page.pdf", "rejected")]
    raw = {e.event_specific_data.materialization.partition: e.event_specific_data.materialization.metadata
           for e in result.all_events if e.event_type_value == "ASSET_MATERIALIZATION"
           and e.event_specific_data.materialization.asset_key.to_user_string() == "raw_documents"}
    gone = [k for k in keys if not raw[k]["readable"].value]
    assert len(gone) == 1 and "deleted" in raw[gone[0]]["problem"].value
