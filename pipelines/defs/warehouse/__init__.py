"""Stage 3: the single-writer load into DuckDB (with its blocking load check)."""
from __future__ import annotations

import dagster as dg

from ...settings import Settings


def defs(settings: Settings) -> dg.Definitions:
    from .assets import warehouse_documents

    return dg.Definitions(assets=[warehouse_documents])
