"""Raw documents: one partition per PDF in the inbox, keyed by its sha256."""
import contextlib
import os
from typing import Any

import dagster as dg

from .inbox import display, locate
from .partitions import documents
from .resources import FiscalResource


@dg.asset(
    partitions_def=documents,
    backfill_policy=dg.BackfillPolicy.single_run(),
    group_name="ingest",
    kinds={"pdf"},
    deps=[dg.AssetKey("fetched_files")],  # the inbox is fed by the fetch (and by hand)
    description="A PDF from the inbox, identified by the sha256 of its bytes (the partition key); "
                "its path, name and size are in the materialization metadata.",
)
def raw_documents(context: dg.AssetExecutionContext, fiscal: FiscalResource) -> dg.MaterializeResult:
    found = locate(fiscal.index_path, fiscal.inbox_dir, context.partition_keys)
    problems = 0
    for doc_id, loc in found.items():
        meta: dict[str, Any] = {"file": display(loc.name), "path": dg.MetadataValue.path(display(loc.path)) if loc.path else "",
                "readable": not loc.problem}
        if loc.problem:
            problems += 1
            meta["problem"] = display(loc.problem)
            context.log.warning(f"document {doc_id[:12]}: {display(loc.problem)}")
        else:
            with contextlib.suppress(OSError):
                meta["size_bytes"] = os.path.getsize(loc.path)
        context.add_asset_metadata(meta, partition_key=doc_id)
    return dg.MaterializeResult(metadata={"documents": len(found), "unreadable": problems})
