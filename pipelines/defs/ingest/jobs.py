"""Jobs and their executors, chosen deliberately.

- `ingest_documents` (in-process executor): what the sensor, the nightly schedule and backfills run.
  A step costs milliseconds instead of the multiprocess executor's seconds of Python start-up; the
  parse step still uses every core through the runner's process pool.
- `ingest_documents_dask` (Dask executor): the same assets with parsing fanned out in chunks over a
  Dask cluster (FISCAL_DASK_SCHEDULER, or a local cluster on 127.0.0.1); steps that open the
  warehouse run only on the worker holding the `warehouse` resource (see scaleout.py).
"""
from __future__ import annotations

import dagster as dg

from ...settings import Settings
from ..fetch.jobs import FETCH_GROUP
from ..parse.ops import CHUNKS_TAG, WORKERS_TAG
from ..scaleout import dask_executor

# the ingestion graph; fetching is its own job (the nightly schedule runs it first)
EVERYTHING = dg.AssetSelection.all() - dg.AssetSelection.groups(FETCH_GROUP)
# what a night with no new document still refreshes
REFRESH_KEYS = [dg.AssetKey("check_results"), dg.AssetKey("marts"), dg.AssetKey("dashboard_snapshot")]

ingest_documents = dg.define_asset_job(
    "ingest_documents", selection=EVERYTHING, executor_def=dg.in_process_executor,
    description="Raw document -> extraction -> warehouse -> checks -> marts -> dashboard snapshot, for the "
                "documents (partitions) of the run.")


def dask_job(settings: Settings) -> dg.UnresolvedAssetJobDefinition:
    return dg.define_asset_job(
        "ingest_documents_dask", selection=EVERYTHING, executor_def=dask_executor(settings),
        tags={CHUNKS_TAG: str(settings.parse_chunks), WORKERS_TAG: "1"},
        description="ingest_documents on a Dask cluster: parse chunks fan out across workers, the warehouse "
                    "load stays on the single worker that holds the warehouse.")
