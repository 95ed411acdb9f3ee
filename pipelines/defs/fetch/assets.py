"""The fetch asset: new packs from the sources into the inbox, with what happened per source and why."""
import dagster as dg

from ...fetch.run import FetchBusy, fetch as fetch_run
from ...fetch.sources import SourcesError, load_sources, select
from ..ingest.resources import FiscalResource
from ..metadata import md_table
from .jobs import FETCH_GROUP
from .resources import FetchResource

KEY = dg.AssetKey("fetched_files")
REACHABLE = "sources_reachable"


class FetchConfig(dg.Config):
    sources: list[str] = []  # source names; empty: every enabled source


@dg.asset(
    key=KEY,
    group_name=FETCH_GROUP,
    kinds={"pdf"},
    check_specs=[dg.AssetCheckSpec(REACHABLE, asset=KEY, blocking=False,
                                   description="every source's listing could be read (a source that fails does not "
                                               "stop the others; it warns)")],
    description="PDFs fetched from the publishers' portals (sources.yaml) into the inbox, each with a provenance "
                "sidecar; metadata: per source what was new, a revision, unchanged, a duplicate, skipped or failed, "
                "and why.",
)
def fetched_files(context: dg.AssetExecutionContext, config: FetchConfig, fiscal: FiscalResource,
                  fetch: FetchResource):
    try:
        chosen = select(load_sources(fetch.sources_path), config.sources or None)
    except SourcesError as exc:
        raise dg.Failure(str(exc)) from None
    try:
        report = fetch_run(chosen, fiscal.inbox_dir, fetch.state_path, client=fetch.client(),
                       log=context.log.info)
    except FetchBusy as exc:
        raise dg.Failure(str(exc)) from None
    rows, failed = [], []
    for s in report.sources:
        c = s.counts()
        rows.append((s.name, c["new"], c["revision"], c["unchanged"], c["duplicate"], c["skipped"], c["failed"],
                     c["pages_failed"], s.bytes_files, s.bytes_pages, s.error))
        if s.error:
            failed.append((s.name, s.error))
            context.log.warning(f"source {s.name} failed: {s.error}")
    details = [(it.source, it.role, it.outcome, it.file or it.url, it.reason)
               for it in report.items if it.outcome != "unchanged"]
    total = {k: sum(s.counts()[k] for s in report.sources)
             for k in ("new", "revision", "unchanged", "duplicate", "skipped", "failed")}
    yield dg.MaterializeResult(metadata={
        "fetch_run": report.run_id,
        "sources": md_table(rows, ("source", "new", "revision", "unchanged", "duplicate", "skipped", "failed",
                                   "pages failed", "bytes (files)", "bytes (pages)", "error")),
        "details": md_table(details, ("source", "what", "outcome", "file or URL", "reason"), limit=300),
        **{f"n_{k}": v for k, v in total.items()},
        "bytes_received": report.received,
        "inbox": dg.MetadataValue.path(str(fiscal.inbox_dir)),
    })
    yield dg.AssetCheckResult(check_name=REACHABLE, passed=not failed, severity=dg.AssetCheckSeverity.WARN,
                              metadata={"sources": len(report.sources), "failed_sources": len(failed),
                                        "failures": md_table(failed, ("source", "error"))})
