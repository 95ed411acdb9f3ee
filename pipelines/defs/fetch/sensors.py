"""After a fetch run has finished, ingest what is new: the second half of the nightly run.

A fetch run (the nightly schedule's, or one started by hand) that has finished, whether it
succeeded or failed, leads to one ingestion request (`ingest_request`: the inbox's documents not
yet loaded, in one run; with none, a refresh of checks, marts and the dashboard snapshot). The
cursor is the update time of the last fetch run handled; while fetched files are still settling
the sensor waits for its next tick. This sensor is on by default: it does nothing until a fetch
run finishes, so switching on the nightly schedule is enough.
"""
from __future__ import annotations

from datetime import UTC, datetime

import dagster as dg

from ..ingest.jobs import ingest_documents
from ..ingest.resources import FiscalResource
from ..ingest.schedules import NIGHTLY_TAG, ingest_request, scan_inbox
from .jobs import fetch_sources

AFTER_FETCH_TAG = "fiscal/after_fetch"
FINISHED = [dg.DagsterRunStatus.SUCCESS, dg.DagsterRunStatus.FAILURE, dg.DagsterRunStatus.CANCELED]


def finished_fetch_runs(instance, after: float | None) -> list:
    """Run records of fetch runs that finished after `after` (a POSIX time), newest first."""
    since = datetime.fromtimestamp(after, tz=UTC) if after else None
    records = instance.get_run_records(
        filters=dg.RunsFilter(job_name=fetch_sources.name, statuses=FINISHED, updated_after=since),
        limit=20, order_by="update_timestamp", ascending=False)
    return [r for r in records if after is None or r.update_timestamp.timestamp() > after]


@dg.sensor(job=ingest_documents, minimum_interval_seconds=30, default_status=dg.DefaultSensorStatus.RUNNING,
           description="When a fetch run (fetch_sources) has finished, ingest the inbox's new documents in one run, "
                       "then refresh checks, marts and the dashboard snapshot (the nightly run's second half).")
def ingest_after_fetch(context: dg.SensorEvaluationContext, fiscal: FiscalResource):
    after = float(context.cursor) if context.cursor else None
    runs = finished_fetch_runs(context.instance, after)
    if not runs:
        return dg.SkipReason("no fetch run has finished since the last ingestion it started")
    latest = runs[0]
    found = scan_inbox(context.instance, fiscal)
    if found.unsettled:
        return dg.SkipReason(f"fetch run {latest.dagster_run.run_id[:8]} finished; {found.unsettled} inbox files are "
                             "still being written: waiting for the next tick")
    run = latest.dagster_run
    tags = {AFTER_FETCH_TAG: run.run_id, "fiscal/fetch_status": run.status.value}
    if NIGHTLY_TAG in run.tags:
        tags[NIGHTLY_TAG] = run.tags[NIGHTLY_TAG]
    request = ingest_request(context.instance, fiscal, run_key=f"after-fetch-{run.run_id}", tags=tags)
    return dg.SensorResult(run_requests=[request], cursor=str(latest.update_timestamp.timestamp()))
