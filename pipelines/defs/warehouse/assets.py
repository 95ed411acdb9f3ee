"""Warehouse tables: the single writer loads each staged document in its own transaction."""
import time
from datetime import datetime
from pathlib import Path

import dagster as dg

from ... import core
from ...ingest.discover import Candidate
from ...ingest.runner import Outcome, known_documents, new_run_id, record_run
from ...version import PARSER_VERSION
from ...warehouse.staging import stage_path
from ..ingest.inbox import display, locate
from ..ingest.partitions import documents
from ..ingest.resources import FiscalResource
from ..parse.assets import KEY as EXTRACTED
from ..scaleout import WAREHOUSE_HOST
from . import checks
from .writer import warehouse_writer

KEY = dg.AssetKey("warehouse_documents")


def trigger(context) -> str:
    tags = context.run.tags
    how = (tags.get("dagster/sensor_name") or tags.get("dagster/schedule_name")
           or ("backfill" if "dagster/backfill" in tags else "manual"))
    return f"dagster:{how}:{context.run.run_id}"


@dg.asset(
    key=KEY,
    partitions_def=documents,
    backfill_policy=dg.BackfillPolicy.single_run(),
    group_name="warehouse",
    kinds={"duckdb"},
    deps=[EXTRACTED],
    op_tags=WAREHOUSE_HOST,
    check_specs=[checks.spec(KEY)],
    description="document, document_table, document_page, fact_amount and fact_quantity rows of each document, "
                "loaded under the writer lock, one transaction per document (same loader as `fiscal ingest`).",
)
def warehouse_documents(context: dg.AssetExecutionContext, fiscal: FiscalResource):
    ids = context.partition_keys
    started = datetime.now()
    run_id = new_run_id()
    found = locate(fiscal.index_path, fiscal.inbox_dir, ids)
    t0 = time.monotonic()
    settings = fiscal.to_settings()
    with warehouse_writer(fiscal) as con:
        known = known_documents(con)
        staged, outcomes = [], []
        for doc_id in ids:
            loc = found[doc_id]
            sp = stage_path(fiscal.staging_dir, doc_id)
            if sp.exists():
                staged.append((Candidate(Path(loc.path), loc.name or doc_id), doc_id, str(sp)))
            elif known.get(doc_id, ("", ""))[1] == PARSER_VERSION:
                outcomes.append(Outcome(loc.name, loc.path, doc_id, "unchanged", "same bytes already in the warehouse"))
            else:
                raise dg.Failure(f"document {doc_id[:12]} ({loc.name or 'unknown file'}): no staged extraction at "
                                 f"{sp}; materialize extracted_documents first")
        outcomes += core.load(settings, con, staged, run_id)
        record_run(con, run_id, trigger(context), started, len(ids), outcomes)
        check = checks.evaluate(con, {doc_id: Path(sp) for _, doc_id, sp in staged})
    counts: dict[str, int] = {}
    for o in outcomes:
        counts[o.outcome] = counts.get(o.outcome, 0) + 1
        meta = {"outcome": o.outcome, "file": display(o.file), "kind": o.kind, "department": o.department,
                "fiscal_year": o.fiscal_year, "tables": o.tables, "facts": o.facts, "reason": display(o.reason)}
        context.add_asset_metadata({k: v for k, v in meta.items() if v not in (None, "")}, partition_key=o.document_id)
    context.log.info(f"ingest run {run_id}: {counts or 'nothing to load'} in {time.monotonic() - t0:.1f}s")
    yield dg.MaterializeResult(metadata={"ingest_run": run_id, **{f"n_{k}": v for k, v in sorted(counts.items())}})
    yield check
