"""The extraction graph: plan which documents need parsing, parse them in chunks, record the results.

The graph has a fixed number of parse steps (Settings.parse_chunks, FISCAL_PARSE_CHUNKS, default 4:
the width is given to `extraction_ops` when the definitions are built),
so executors that cannot re-plan a run (dagster-dask) can run it; the plan deals the documents to
`chunks` of them (1 by default, all steps when the run is distributed) and the others get nothing.
Inside a step the runner's `parse_all` parses in a process pool, which is how the in-process
executor parses in parallel without paying a Python start-up per document.
"""
import multiprocessing
import os
import socket
import time
from pathlib import Path
from typing import NamedTuple

import dagster as dg

from ... import core
from ...ingest.discover import Candidate
from ...parse.model import DocumentResult
from ...version import PARSER_VERSION
from ...warehouse import staging as staged_format
from ..ingest.inbox import display, locate
from ..ingest.resources import FiscalResource

CHUNKS_TAG = "fiscal/parse_chunks"  # job tags set the defaults (the Dask job spreads over all parse steps)
WORKERS_TAG = "fiscal/workers_per_chunk"


class ExtractionConfig(dg.Config):
    chunks: int = 0  # parse steps that get documents (at most the graph's width); 0 = run tag fiscal/parse_chunks, else 1
    workers_per_chunk: int = 0  # parse processes per step; 0 = run tag fiscal/workers_per_chunk, else the resource
    force: bool = False  # parse again even when a staged result of this parser version exists


def unreadable(doc_id: str, loc, staging: Path) -> Path:
    """Stage a rejection for a document whose file is gone or changed, so the loader records why."""
    doc = DocumentResult(document_id=doc_id, file_name=display(loc.name) or doc_id, path=display(loc.path),
                         size_bytes=0, n_pages=0, parser_version=PARSER_VERSION, status="rejected",
                         reason=display(loc.problem))
    doc.evidence["reject_code"] = "missing_file"
    return staged_format.write(doc, staging)


class ParseTask(NamedTuple):
    """One document of the plan, as a parse step receives it."""

    path: str
    name: str
    document_id: str
    size: int
    workers: int  # parse processes of the step


def split(todo: list[ParseTask], n: int) -> list[list[ParseTask]]:
    """Largest files first, dealt round-robin: chunks of similar total size."""
    todo = sorted(todo, key=lambda t: -t.size)
    n = max(1, min(n, len(todo)))
    return [todo[i::n] for i in range(n)]


def _plan(width: int, context: dg.OpExecutionContext, config: ExtractionConfig, fiscal: FiscalResource) -> list:
    ids = context.partition_keys
    found = locate(fiscal.index_path, fiscal.inbox_dir, ids)
    tags = context.run.tags
    workers = config.workers_per_chunk or int(tags.get(WORKERS_TAG, 0)) or fiscal.workers()
    n_chunks = config.chunks or int(tags.get(CHUNKS_TAG, 1))
    todo, fresh = [], 0
    for doc_id in ids:
        loc = found[doc_id]
        sp = staged_format.stage_path(fiscal.staging_dir, doc_id)
        if loc.problem:
            unreadable(doc_id, loc, fiscal.staging_dir)
            continue
        if config.force and sp.exists():
            sp.unlink()
        if staged_format.is_fresh(sp):
            fresh += 1
            continue
        todo.append(ParseTask(str(loc.path), loc.name, doc_id, os.path.getsize(loc.path), workers))
    context.log.info(f"{len(ids)} documents: {len(todo)} to parse, {fresh} already staged by parser {PARSER_VERSION}")
    chunks = split(todo, min(n_chunks, width)) if todo else []
    return chunks + [[] for _ in range(width - len(chunks))]


def parse_chunk_op(index: int) -> dg.OpDefinition:
    @dg.op(name=f"parse_chunk_{index}", description=f"Parse chunk {index} of the plan into the staging folder "
                                                    "(runner.parse_all)")
    def parse_chunk(context: dg.OpExecutionContext, fiscal: FiscalResource, chunks: list) -> list:
        chunk = chunks[index]
        if not chunk:
            return []
        todo = [(Candidate(Path(t.path), t.name), t.document_id) for t in chunk]
        workers = min(chunk[0].workers, len(todo))
        if multiprocessing.current_process().daemon:  # a Dask worker process: no child processes allowed
            workers = 1
        t0 = time.monotonic()
        staged = core.parse_to_staging(fiscal.to_settings(), todo, workers, None)
        seconds = time.monotonic() - t0
        where = f"{socket.gethostname()}:{os.getpid()}"
        context.log.info(f"parsed {len(staged)} documents with {workers} workers on {where} in {seconds:.1f}s")
        return [(doc_id, where) for _, doc_id, _ in staged]

    return parse_chunk




def staged_summary(path: Path) -> dict:
    """The staged header as partition metadata."""
    h = staged_format.read_header(path)
    return {"status": h.status, "reason": h.reason, "kind": h.kind, "department": h.department,
            "fiscal_year": h.fiscal_year, "pages": h.pages, "tables_identified": h.tables_identified, "facts": h.facts,
            "reject_code": h.reject_code, "parser_version": h.parser_version}


def _record(context: dg.OpExecutionContext, fiscal: FiscalResource, **parsed) -> None:
    # one input per parse step, not a fan-in: dagster-dask loses fan-in inputs (each step is planned alone)
    parsed_now = {doc_id: where for chunk in parsed.values() for doc_id, where in chunk}
    step = context.get_step_execution_context()
    pages = 0
    for doc_id in context.partition_keys:
        sp = staged_format.stage_path(fiscal.staging_dir, doc_id)
        if not sp.exists():
            raise dg.Failure(f"document {doc_id[:12]}: no staged extraction at {sp}")
        s = staged_summary(sp)
        pages += s["pages"] if doc_id in parsed_now else 0
        step.add_asset_metadata({**{k: v for k, v in s.items() if v not in (None, "")},
                                 "parsed_in_this_run": doc_id in parsed_now,
                                 "parsed_by": parsed_now.get(doc_id, ""), "staged": dg.MetadataValue.path(str(sp))},
                                partition_key=doc_id)
    context.log.info(f"parsed {len(parsed_now)} of {len(context.partition_keys)} documents ({pages} pages)")


def extraction_ops(width: int) -> tuple[dg.OpDefinition, list[dg.OpDefinition], dg.OpDefinition]:
    """(plan, `width` parse steps, record): the extraction graph's ops for a graph `width` steps wide."""

    @dg.op(ins={"raw": dg.In(dg.Nothing)}, out=dg.Out(list),
           description="Deal the run's documents that need parsing to the parse steps")
    def plan_extraction(context: dg.OpExecutionContext, config: ExtractionConfig, fiscal: FiscalResource) -> list:
        return _plan(width, context, config, fiscal)

    # one input per parse step, not a fan-in: dagster-dask loses fan-in inputs (each step is planned alone)
    @dg.op(out=dg.Out(dg.Nothing), ins={f"parsed_{i}": dg.In(list) for i in range(width)},
           description="Record each document's staged extraction as partition metadata")
    def record_extraction(context: dg.OpExecutionContext, fiscal: FiscalResource, **parsed) -> None:
        _record(context, fiscal, **parsed)

    return plan_extraction, [parse_chunk_op(i) for i in range(width)], record_extraction
