"""The nightly run (02:00 Asia/Shanghai): ingest whatever is new, then refresh checks and marts.

Everything not yet loaded becomes one run over a partition range (documents are loaded in
insertion order; documents in the range that are already loaded are neither parsed nor loaded
again). With nothing new, the run only refreshes checks, marts and the dashboard snapshot.
"""
import dagster as dg

from ..warehouse.assets import KEY as WAREHOUSE_KEY
from . import inbox
from .jobs import REFRESH_KEYS, ingest_documents
from .partitions import documents, range_tags
from .resources import FiscalResource


def pending_documents(instance, fiscal: FiscalResource) -> list[str]:
    """Add partitions for new inbox files; return every partition whose warehouse load has not happened."""
    found = inbox.scan(fiscal.inbox_dir, inbox.load_index(fiscal.index_path), settle=fiscal.settle_seconds)
    inbox.save_index(fiscal.index_path, found.state)
    new = inbox.new_documents(found.state, instance.get_dynamic_partitions(documents.name))
    if new:
        instance.add_dynamic_partitions(documents.name, new)
    loaded = instance.get_materialized_partitions(WAREHOUSE_KEY)
    return [k for k in instance.get_dynamic_partitions(documents.name) if k not in loaded]


@dg.schedule(job=ingest_documents, cron_schedule="0 2 * * *", execution_timezone="Asia/Shanghai",
             default_status=dg.DefaultScheduleStatus.STOPPED,
             description="Nightly at 02:00 Asia/Shanghai: new inbox files are ingested in one run, then checks, "
                         "marts and the dashboard snapshot are refreshed.")
def nightly_ingest(context: dg.ScheduleEvaluationContext, fiscal: FiscalResource):
    pending = pending_documents(context.instance, fiscal)
    day = context.scheduled_execution_time.strftime("%Y-%m-%d")
    if pending:
        return dg.RunRequest(run_key=f"nightly-{day}",
                             tags={**range_tags(pending), "fiscal/pending_documents": str(len(pending))})
    return dg.RunRequest(run_key=f"nightly-{day}", asset_selection=REFRESH_KEYS,
                         tags={"fiscal/pending_documents": "0"})
