"""Stage 5: marts and the read-only snapshot for dashboards."""
from __future__ import annotations

import dagster as dg

from ...settings import Settings


def defs(settings: Settings) -> dg.Definitions:
    from .assets import dashboard_snapshot, marts

    return dg.Definitions(assets=[marts, dashboard_snapshot])
