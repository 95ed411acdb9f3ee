"""Per-document extraction results: the staged file in the staging folder, one per document."""
from __future__ import annotations

import dagster as dg

from ..ingest.assets import raw_documents
from ..ingest.partitions import documents
from .ops import extraction_ops

KEY = dg.AssetKey("extracted_documents")


def extracted_documents_asset(width: int) -> dg.AssetsDefinition:
    """The extraction graph asset with `width` parse steps (Settings.parse_chunks)."""
    plan_extraction, parse_chunks, record_extraction = extraction_ops(width)

    @dg.graph_asset(
        name=KEY.path[-1],
        partitions_def=documents,
        backfill_policy=dg.BackfillPolicy.single_run(),
        group_name="parse",
        kinds={"json"},
        ins={"raw_documents": dg.AssetIn(raw_documents.key, dagster_type=dg.Nothing)},
        description="Tables, facts and narrative statements parsed from each PDF, staged as "
                    "<staging>/<document_id>.json (pipelines/warehouse/staging.py; parse steps may run in parallel "
                    "and on other machines; nothing is written to the warehouse).",
    )
    def extracted_documents(raw_documents):
        plan = plan_extraction(raw_documents)
        return record_extraction(**{f"parsed_{i}": parse(plan) for i, parse in enumerate(parse_chunks)})

    return extracted_documents
