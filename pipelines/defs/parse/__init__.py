"""Stage 2: per-document extraction, staged as JSON."""
from __future__ import annotations

import dagster as dg

from ...settings import Settings


def defs(settings: Settings) -> dg.Definitions:
    from .assets import extracted_documents_asset
    from .checks import parser_completed, tables_found

    return dg.Definitions(assets=[extracted_documents_asset(settings.parse_chunks)],
                          asset_checks=[parser_completed, tables_found])
