"""Check results: the consistency rules run on the newly loaded documents (or on all, on request)."""
import time
from collections import Counter

import dagster as dg

from ..ingest.partitions import run_document_ids
from ..ingest.resources import FiscalResource
from ..scaleout import WAREHOUSE_HOST
from ..warehouse.assets import warehouse_documents
from ..warehouse.writer import warehouse_writer
from . import checks, rules

KEY = dg.AssetKey("check_results")


class CheckConfig(dg.Config):
    scope: str = "new"  # new: the run's documents, their cross-year partners and any never checked; all: every one
    data_docs: bool = False  # also build the great-expectations Data Docs (Settings.data_docs)


@dg.asset(
    key=KEY,
    group_name="checks",
    kinds={"duckdb"},
    deps=[warehouse_documents],
    op_tags=WAREHOUSE_HOST,
    check_specs=checks.specs(KEY),
    description="check_run / check_result rows: the rule catalogue (pipelines.checks) evaluated on the documents "
                "loaded by this run and on any document not checked yet; scope=all re-checks every current document.",
)
def check_results(context: dg.AssetExecutionContext, config: CheckConfig, fiscal: FiscalResource):
    if config.scope not in ("new", "all"):
        raise dg.Failure(f"check_results: scope must be 'new' or 'all', not {config.scope!r}")
    in_run = run_document_ids(context)
    t0 = time.monotonic()
    with warehouse_writer(fiscal) as con:
        loaded = set(rules.all_loaded(con))
        if config.scope == "all":
            ids = sorted(loaded)
        else:
            ids = sorted({d for d in in_run if d in loaded} | set(rules.to_check(con)))
        before = rules.check_run_ids(con)
        if ids:
            from ...checks import run_checks  # great-expectations is imported only when there is work

            run_checks(con, ids, trigger=f"dagster:{context.run.run_id}", related=config.scope == "new",
                       docs_dir=fiscal.to_settings().data_docs if config.data_docs else None)
        rows = rules.outcomes(con, rules.check_run_ids(con) - before)
    counts = Counter(r.outcome for r in rows)
    n = len(ids)
    context.log.info(f"checked {n} documents in {time.monotonic() - t0:.1f}s: {counts or 'nothing to check'}")
    yield dg.MaterializeResult(metadata={"documents_checked": n, "results": len(rows),
                                         **{f"n_{k}": v for k, v in sorted(counts.items())}})
    yield from checks.evaluate(rows, len(ids))
