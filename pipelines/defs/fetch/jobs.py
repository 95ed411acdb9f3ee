"""The fetch job: what the nightly schedule starts; ingestion follows it (sensors.ingest_after_fetch)."""
from __future__ import annotations

import dagster as dg

FETCH_GROUP = "fetch"

fetch_sources = dg.define_asset_job(
    "fetch_sources", selection=dg.AssetSelection.groups(FETCH_GROUP), executor_def=dg.in_process_executor,
    description="Fetch new packs from every enabled source into the inbox (listing pages -> articles -> PDFs). "
                "When it has finished, the sensor ingest_after_fetch starts the ingestion of what is new.")
