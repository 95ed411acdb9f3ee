"""The nightly run (02:00 Asia/Shanghai): fetch from the sources, then ingest whatever is new.

The schedule starts `fetch_sources` (pipelines/defs/fetch); when that run has finished (whether
or not every source could be read), the sensor `ingest_after_fetch` requests the ingestion built by
`ingest_request`: everything not yet loaded becomes one run over a partition range (documents are
loaded in insertion order; documents in the range that are already loaded are neither parsed nor
loaded again). With nothing new, the run only refreshes checks, marts and the dashboard snapshot.
"""
import dagster as dg

from ..fetch.jobs import fetch_sources
from ..warehouse.assets import KEY as WAREHOUSE_KEY
from . import inbox
from .jobs import REFRESH_KEYS
from .partitions import DOCUMENTS, range_tags
from .resources import FiscalResource

NIGHTLY_TAG = "fiscal/nightly"


def scan_inbox(instance, fiscal: FiscalResource) -> inbox.Scan:
    """Scan the inbox (saving the index) and add a partition for every new document."""
    found = inbox.scan(fiscal.inbox_dir, inbox.load_index(fiscal.index_path), settle=fiscal.settle_seconds)
    inbox.save_index(fiscal.index_path, found.state)
    new = inbox.new_documents(found.state, instance.get_dynamic_partitions(DOCUMENTS))
    if new:
        instance.add_dynamic_partitions(DOCUMENTS, new)
    return found


def pending_documents(instance, fiscal: FiscalResource) -> list[str]:
    """Add partitions for new inbox files; return every partition whose warehouse load has not happened."""
    scan_inbox(instance, fiscal)
    loaded = instance.get_materialized_partitions(WAREHOUSE_KEY)
    return [k for k in instance.get_dynamic_partitions(DOCUMENTS) if k not in loaded]


def ingest_request(instance, fiscal: FiscalResource, run_key: str, tags: dict | None = None) -> dg.RunRequest:
    """One run over every document not loaded yet, or a refresh of checks, marts and snapshot."""
    pending = pending_documents(instance, fiscal)
    tags = dict(tags or {})
    if pending:
        return dg.RunRequest(run_key=run_key,
                             tags={**tags, **range_tags(pending), "fiscal/pending_documents": str(len(pending))})
    return dg.RunRequest(run_key=run_key, asset_selection=REFRESH_KEYS, tags={**tags, "fiscal/pending_documents": "0"})


@dg.schedule(job=fetch_sources, cron_schedule="0 2 * * *", execution_timezone="Asia/Shanghai",
             default_status=dg.DefaultScheduleStatus.STOPPED,
             description="Nightly at 02:00 Asia/Shanghai: fetch new packs from the sources; when the fetch has "
                         "finished, the sensor ingest_after_fetch ingests what is new in the inbox in one run, then "
                         "checks, marts and the dashboard snapshot are refreshed.")
def nightly_ingest(context: dg.ScheduleEvaluationContext):
    day = context.scheduled_execution_time.strftime("%Y-%m-%d")
    return dg.RunRequest(run_key=f"nightly-{day}", tags={NIGHTLY_TAG: day})
