"""Stage 4: consistency-rule results, judged by asset checks (parse integrity blocks, source warns)."""
from __future__ import annotations

import dagster as dg

from ...settings import Settings


def defs(settings: Settings) -> dg.Definitions:
    from .assets import check_results

    return dg.Definitions(assets=[check_results])
