"""Stage 0: fetching new packs from the publishers' portals into the inbox (pipelines/fetch)."""
from __future__ import annotations

import dagster as dg

from ...settings import Settings


def defs(settings: Settings) -> dg.Definitions:
    from .assets import fetched_files
    from .jobs import fetch_sources
    from .resources import FetchResource
    from .sensors import ingest_after_fetch

    return dg.Definitions(assets=[fetched_files], jobs=[fetch_sources], sensors=[ingest_after_fetch],
                          resources={"fetch": FetchResource.from_settings(settings)})
