"""Marts (sql/marts/*.sql, when present) and the read-only snapshot the dashboards and queries open."""
import dagster as dg

from ... import core
from ...warehouse.connection import one_row
from ..checks.assets import check_results
from ..ingest.resources import FiscalResource
from ..scaleout import WAREHOUSE_HOST
from ..warehouse.writer import warehouse_writer


@dg.asset(
    group_name="reports",
    kinds={"duckdb", "sql"},
    deps=[check_results],
    op_tags=WAREHOUSE_HOST,
    description="Analysts' marts (sql/marts/*.sql) and the warehouse views: they live in the warehouse file, created "
                "with the schema and re-created only when a definition changed (recorded by checksum in "
                "schema_object); the views read the current rows, so nothing is rebuilt per run.",
)
def marts(context: dg.AssetExecutionContext, fiscal: FiscalResource) -> dg.MaterializeResult:
    with warehouse_writer(fiscal) as con:
        recreated = core.marts(con)
        names = [r[0] for r in con.execute("SELECT name FROM schema_object WHERE folder = 'marts' ORDER BY name").fetchall()]
    context.log.info(f"{len(names)} mart files {'re-created (a definition changed)' if recreated else 'up to date'}")
    return dg.MaterializeResult(metadata={"mart_files": len(names), "files": ", ".join(names),
                                          "recreated": recreated})


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
    with warehouse_writer(fiscal) as con:
        pub = core.publish(fiscal.to_settings(), con)
        docs, facts = one_row(con, "SELECT count(*), coalesce(sum(n_facts), 0) FROM document "
                                   "WHERE is_current AND status = 'loaded'")
    if not pub.published:
        raise dg.Failure(pub.summary, metadata={"held_back_by": len(pub.blocking), "readers_see_snapshot_of":
                                                pub.published_at or "none yet"})
    return dg.MaterializeResult(metadata={"snapshot": dg.MetadataValue.path(pub.snapshot), "current_documents": docs,
                                          "current_facts": int(facts)})
