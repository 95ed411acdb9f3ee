"""Marts (sql/marts/*.sql, when present) and the read-only snapshot the dashboards and queries open."""
import dagster as dg

from ...checks.gate import publish_if_open
from ... import resources
from ..checks.assets import check_results
from ..ingest.resources import FiscalResource
from ..scaleout import WAREHOUSE_HOST
from ..warehouse.writer import warehouse_writer


def mart_files() -> list:
    return resources.sql_files("marts")


@dg.asset(
    group_name="reports",
    kinds={"duckdb", "sql"},
    deps=[check_results],
    op_tags=WAREHOUSE_HOST,
    description="Analysts' marts, rebuilt from sql/marts/*.sql in file order (none yet: nothing to do).",
)
def marts(context: dg.AssetExecutionContext, fiscal: FiscalResource) -> dg.MaterializeResult:
    files = mart_files()
    with warehouse_writer(fiscal, upgrade=False) as con:
        for f in files:
            try:
                con.execute(f.read_text(encoding="utf-8"))
            except Exception as exc:
                raise dg.Failure(f"mart {f.name}: {type(exc).__name__}: {exc}") from None
    context.log.info(f"refreshed {len(files)} mart files")
    return dg.MaterializeResult(metadata={"mart_files": len(files), "files": ", ".join(f.name for f in files)})


@dg.asset(
    group_name="reports",
    kinds={"duckdb"},
    deps=[marts],
    op_tags=WAREHOUSE_HOST,
    description="The read-only copy of the warehouse that dashboards and `fiscal query` open; published only when "
                "the publication gate is open (no current document fails a parse-integrity rule: "
                "pipelines/checks/gate.py, the same gate as `fiscal ingest` and `fiscal check`), so readers "
                "never see a broken load.",
)
def dashboard_snapshot(context: dg.AssetExecutionContext, fiscal: FiscalResource) -> dg.MaterializeResult:
    with warehouse_writer(fiscal, upgrade=False) as con:
        pub = publish_if_open(con)
        docs, facts = con.execute("SELECT count(*), coalesce(sum(n_facts), 0) FROM document "
                                  "WHERE is_current AND status = 'loaded'").fetchone()
    if not pub.published:
        raise dg.Failure(pub.summary, metadata={"held_back_by": len(pub.blocking), "readers_see_snapshot_of":
                                                pub.published_at or "none yet"})
    return dg.MaterializeResult(metadata={"snapshot": dg.MetadataValue.path(pub.snapshot), "current_documents": docs,
                                          "current_facts": int(facts)})
