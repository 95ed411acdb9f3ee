"""Per-document extraction results: the staged JSON in the staging folder, one per document."""
from __future__ import annotations

import dagster as dg

from ..ingest.assets import raw_documents
from ..ingest.partitions import documents
from .ops import PARSE_CHUNKS, plan_extraction, record_extraction


@dg.graph_asset(
    partitions_def=documents,
    backfill_policy=dg.BackfillPolicy.single_run(),
    group_name="parse",
    kinds={"json"},
    ins={"raw_documents": dg.AssetIn(raw_documents.key, dagster_type=dg.Nothing)},
    description="Tables and facts parsed from each PDF, staged as <staging>/<document_id>.json "
                "(parse steps may run in parallel and on other machines; nothing is written to the warehouse).",
)
def extracted_documents(raw_documents):
    plan = plan_extraction(raw_documents)
    return record_extraction(**{f"parsed_{i}": parse(plan) for i, parse in enumerate(PARSE_CHUNKS)})
