"""Stage 2: per-document extraction, staged as JSON."""
from __future__ import annotations

import dagster as dg


def defs() -> dg.Definitions:
    from .assets import extracted_documents
    from .checks import parser_completed, tables_found

    return dg.Definitions(assets=[extracted_documents], asset_checks=[parser_completed, tables_found])
