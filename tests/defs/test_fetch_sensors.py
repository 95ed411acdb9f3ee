"""pipelines/defs/fetch/sensors.py: a finished fetch run (succeeded or failed) is followed by one
ingestion of what is new; nothing else triggers it, and files still being written are waited for."""
from __future__ import annotations

import os
import time

import dagster as dg
import pytest

from pipelines.defs.fetch.sensors import ingest_after_fetch
from pipelines.defs.ingest.jobs import REFRESH_KEYS
from pipelines.defs.ingest.partitions import RANGE_END, RANGE_START


@pytest.fixture()
def fetch_res(tmp_path):
    from pipelines.defs.fetch.resources import FetchResource

    (tmp_path / "sources.yaml").write_text("sources: []\n", encoding="utf-8")
    return FetchResource(sources=str(tmp_path / "sources.yaml"), state=str(tmp_path / "fetch_state.sqlite"))


def fetch_run(instance, fiscal, fetch_res):
    from pipelines.definitions import defs

    return defs.resolve_job_def("fetch_sources").execute_in_process(
        instance=instance, resources={"fiscal": fiscal, "fetch": fetch_res}, raise_on_error=False,
        tags={"fiscal/nightly": "2026-11-30"})


def tick(instance, fiscal, cursor=None):
    return ingest_after_fetch(dg.build_sensor_context(instance=instance, cursor=cursor, resources={"fiscal": fiscal}))


def put(path, data: bytes, age: float = 120):
    path.write_bytes(data)
    os.utime(path, (time.time() - age, time.time() - age))


def test_no_fetch_run_no_ingestion(instance, fiscal):
    res = tick(instance, fiscal)
    assert isinstance(res, dg.SkipReason) and "no fetch run has finished" in res.skip_message


def test_a_finished_fetch_run_is_followed_by_one_ingestion(instance, fiscal, fetch_res, inbox):
    put(inbox / "a.pdf", b"%PDF a")
    run = fetch_run(instance, fiscal, fetch_res)
    assert run.success
    res = tick(instance, fiscal)
    (req,) = res.run_requests
    keys = instance.get_dynamic_partitions("documents")
    assert req.run_key == f"after-fetch-{run.run_id}"
    assert (req.tags[RANGE_START], req.tags[RANGE_END]) == (keys[0], keys[0])
    assert req.tags["fiscal/after_fetch"] == run.run_id and req.tags["fiscal/nightly"] == "2026-11-30"
    assert req.tags["fiscal/fetch_status"] == "SUCCESS"
    # the same fetch run is not followed twice
    again = tick(instance, fiscal, res.cursor)
    assert isinstance(again, dg.SkipReason)


def test_nothing_new_refreshes_checks_and_marts(instance, fiscal, fetch_res):
    fetch_run(instance, fiscal, fetch_res)
    (req,) = tick(instance, fiscal).run_requests
    assert list(req.asset_selection) == REFRESH_KEYS and req.tags["fiscal/pending_documents"] == "0"


def test_a_failed_fetch_is_followed_too(instance, fiscal, fetch_res, tmp_path):
    (tmp_path / "sources.yaml").write_text("sources: [{name: Bad}]\n", encoding="utf-8")
    run = fetch_run(instance, fiscal, fetch_res)
    assert not run.success  # the sources file is broken: the run fails with the reason ...
    failure = next(e for e in run.all_events if e.event_type_value == "STEP_FAILURE")
    assert "sources.yaml: sources[0] (Bad): name must be lower-case" in failure.event_specific_data.error.message
    (req,) = tick(instance, fiscal).run_requests  # ... and what is in the inbox is still ingested
    assert req.tags["fiscal/fetch_status"] == "FAILURE"


def test_files_still_being_written_are_waited_for(instance, fiscal_with, fetch_res, inbox):
    fiscal = fiscal_with(settle_seconds=60)
    fetch_run(instance, fiscal, fetch_res)
    put(inbox / "fresh.pdf", b"%PDF fresh", age=0)
    res = tick(instance, fiscal)
    assert isinstance(res, dg.SkipReason) and "1 inbox files are still being written" in res.skip_message
    os.utime(inbox / "fresh.pdf", (time.time() - 120, time.time() - 120))
    (req,) = tick(instance, fiscal).run_requests  # the cursor did not move: the next tick takes it
    assert req.tags["fiscal/pending_documents"] == "1"
