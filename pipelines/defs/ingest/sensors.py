"""The inbox sensor: new or changed files become partitions, each with its own run (run_key = sha256)."""
import dagster as dg

from . import inbox
from .jobs import ingest_documents
from .partitions import DOCUMENTS, documents
from .resources import FiscalResource


@dg.sensor(job=ingest_documents, minimum_interval_seconds=30, default_status=dg.DefaultSensorStatus.STOPPED,
           description="Watches the inbox (FISCAL_INBOX). Only files whose size or modification time changed are "
                       "hashed; a document (sha256) that is not a partition yet is added and gets one run.")
def inbox_sensor(context: dg.SensorEvaluationContext, fiscal: FiscalResource):
    previous = inbox.decode(context.cursor)
    found = inbox.scan(fiscal.inbox_dir, previous, settle=fiscal.settle_seconds)
    for problem in found.problems:
        context.log.warning(inbox.display(problem))
    inbox.save_index(fiscal.index_path, found.state)
    new = inbox.new_documents(found.state, context.instance.get_dynamic_partitions(DOCUMENTS))
    cursor = inbox.encode(found.state)
    if not new:
        trouble = f"; {len(found.problems)} problems, first: {inbox.display(found.problems[0])}" if found.problems else ""
        return dg.SensorResult(cursor=cursor, skip_reason=dg.SkipReason(
            f"no new document in {fiscal.inbox} ({len(found.state)} files, {found.hashed} hashed, "
            f"{found.unsettled} still being written{trouble})"))
    return dg.SensorResult(
        run_requests=[dg.RunRequest(partition_key=doc_id, run_key=doc_id) for doc_id in new],
        dynamic_partitions_requests=[documents.build_add_request(new)],
        cursor=cursor)
