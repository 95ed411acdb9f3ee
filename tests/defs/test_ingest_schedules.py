"""pipelines/defs/ingest/schedules.py: the nightly run starts the fetch; the ingestion it is followed by."""
from __future__ import annotations

import os
import time
from datetime import datetime
from zoneinfo import ZoneInfo

import dagster as dg

from pipelines.defs.ingest.jobs import REFRESH_KEYS
from pipelines.defs.ingest.partitions import RANGE_END, RANGE_START
from pipelines.defs.ingest.schedules import ingest_request, nightly_ingest

NIGHT = datetime(2026, 11, 30, 2, 0, tzinfo=ZoneInfo("Asia/Shanghai"))


def put(path, data: bytes):
    path.write_bytes(data)
    os.utime(path, (time.time() - 120, time.time() - 120))


def evaluate(instance, fiscal):
    """What the sensor ingest_after_fetch requests once the night's fetch run has finished."""
    return ingest_request(instance, fiscal, run_key="nightly-2026-11-30")


def test_nightly_at_two_in_shanghai_starts_the_fetch(instance):
    assert nightly_ingest.cron_schedule == "0 2 * * *"
    assert nightly_ingest.execution_timezone == "Asia/Shanghai"
    assert nightly_ingest.job_name == "fetch_sources"
    req = nightly_ingest(dg.build_schedule_context(instance=instance, scheduled_execution_time=NIGHT))
    assert (req.run_key, req.tags) == ("nightly-2026-11-30", {"fiscal/nightly": "2026-11-30"})
    assert req.partition_key is None and req.asset_selection is None


def test_nothing_new_refreshes_checks_and_marts_only(instance, fiscal):
    req = evaluate(instance, fiscal)
    assert req.run_key == "nightly-2026-11-30"
    assert list(req.asset_selection) == REFRESH_KEYS
    assert RANGE_START not in req.tags and req.partition_key is None


def test_new_files_are_ingested_in_one_run(instance, fiscal, inbox):
    put(inbox / "a.pdf", b"%PDF a")
    put(inbox / "b.pdf", b"%PDF b")
    req = evaluate(instance, fiscal)
    keys = instance.get_dynamic_partitions("documents")
    assert len(keys) == 2
    assert (req.tags[RANGE_START], req.tags[RANGE_END]) == (keys[0], keys[1])
    assert req.asset_selection is None  # the whole graph: ingest, then refresh

    # once the first document is in the warehouse, only the second is pending
    instance.report_runless_asset_event(dg.AssetMaterialization("warehouse_documents", partition=keys[0]))
    req = evaluate(instance, fiscal)
    assert (req.tags[RANGE_START], req.tags[RANGE_END]) == (keys[1], keys[1])
