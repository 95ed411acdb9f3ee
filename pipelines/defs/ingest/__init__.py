"""Stage 1: the inbox, its documents (partitions), the sensor, the nightly schedule and the jobs."""
from __future__ import annotations

import dagster as dg

from ...settings import Settings


def defs(settings: Settings) -> dg.Definitions:
    from .assets import raw_documents
    from .jobs import dask_job, ingest_documents
    from .resources import FiscalResource
    from .schedules import nightly_ingest
    from .sensors import inbox_sensor

    return dg.Definitions(assets=[raw_documents], jobs=[ingest_documents, dask_job(settings)], sensors=[inbox_sensor],
                          schedules=[nightly_ingest], resources={"fiscal": FiscalResource.from_settings(settings)})
