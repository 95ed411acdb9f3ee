"""The ingestion job's steps (pipelines/core.py composes them; the CLI and the Dagster assets call the core).

1. discover files and hash them; files already loaded with this parser version are skipped; each
   other file is copied into the staging area while it is hashed (private_copy): that copy, named
   by its hash, is what is parsed and quarantined, so a document's identity is the bytes parsed;
2. parse each document in a child process of its own, under the memory and time limits of
   pipelines/intake/limits.py (isolation), several at once; each stages its result as JSON. A
   child that crashes or passes a limit becomes a recorded rejection naming the limit;
3. under the writer lock, load every staged document in its own transaction (single writer);
4. run the consistency rules on what was loaded and publish the read-only snapshot for dashboards
   and queries, unless the publication gate (pipelines/checks/gate.py) holds it back.
The run is recorded before any work and its end (finished_at) whatever happens.
"""
from __future__ import annotations

import contextlib
import os
import sys
import time
import uuid
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from ..checks.gate import Publication
from ..checks.hook import ChecksOutcome
from ..intake.limits import Limits, mb
from ..parse import repeats
from ..parse.document import parse_document
from ..parse.model import DocumentResult
from ..version import PARSER_VERSION
from ..warehouse import staging as staged_format
from ..warehouse.load import load_document
from . import private_copy
from .discover import Candidate, shown
from .isolation import EXIT_MEMORY, Finished, Task, run_isolated
from .quarantine import quarantine


@dataclass
class Outcome:
    file: str
    path: str
    document_id: str
    outcome: str
    reason: str = ""
    kind: str = ""
    department: str = ""
    fiscal_year: int | None = None
    tables: int = 0
    facts: int = 0


@dataclass
class RunReport:
    run_id: str
    outcomes: list[Outcome] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    parsed: int = 0
    seconds: float = 0.0
    checks: ChecksOutcome | None = None
    publication: Publication | None = None  # published, or held back by the gate (and why)

    @property
    def held_back(self) -> bool:
        return self.publication is not None and not self.publication.published

    @property
    def rejected(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.outcome == "rejected"]


def _rejection(document_id: str, name: str, path: str, reason: str, code: str, size: int = 0) -> DocumentResult:
    doc = DocumentResult(document_id=document_id, file_name=name, path=path, size_bytes=size, n_pages=0,
                         parser_version=PARSER_VERSION, status="rejected", reason=reason)
    doc.evidence["reject_code"] = code
    return doc


def memory_reason(lim: Limits) -> str:
    return (f"memory limit: parsing needed more than {mb(lim.memory_bytes)} "
            f"(limit FISCAL_PARSE_MEMORY_MB={lim.memory_mb:g})")


def parse_to_staging(path: str, name: str, document_id: str, staging: str, shown_path: str | None,
                     lim: Limits, table_backend: str) -> str:
    """Parse one file and stage the result. Never raises for bad input: the document is rejected.

    Runs in the document's own child process (parse_all), forked with the settings' limits and table
    backend as arguments. `path` is the file as found; what is parsed is the private copy holding
    exactly the bytes whose hash is document_id."""
    shown_path = shown_path or shown(path)
    try:
        copy = private_copy.verified(Path(path), Path(staging), document_id, lim)
        doc = parse_document(copy, file_name=name, document_id=document_id, limits=lim, table_backend=table_backend)
    except private_copy.NotCopied as exc:
        doc = _rejection(document_id, name, shown_path, exc.reason, exc.code)
    except MemoryError:
        doc = _rejection(document_id, name, shown_path, memory_reason(lim), "memory_limit")
    except Exception as exc:  # a parser bug must not take the batch down; the file is rejected
        doc = _rejection(document_id, name, shown_path, f"parser error: {type(exc).__name__}: {exc}", "parser_error")
    doc.path = shown_path  # undecodable bytes in the path become \xNN (JSON and DuckDB need text)
    return str(staged_format.write(doc, Path(staging)))


class Progress:
    def __init__(self, total: int, label: str, stream=sys.stderr):
        self.total, self.label, self.stream, self.done = total, label, stream, 0
        self.enabled = total > 0 and stream is not None
        self.t0 = time.monotonic()

    def step(self, note: str = "") -> None:
        """Advance by one item; redraws the bar on the stream (stderr), if any."""
        self.done += 1
        if not self.enabled:
            return
        width = 30
        filled = int(width * self.done / self.total)
        bar = "#" * filled + "-" * (width - filled)
        el = time.monotonic() - self.t0
        tail = (note[:40] + "…") if len(note) > 40 else note
        self.stream.write(f"\r{self.label} [{bar}] {self.done}/{self.total} {el:5.1f}s {tail:<42}")
        if self.done == self.total:
            self.stream.write("\n")
        self.stream.flush()


def known_documents(con) -> dict[str, tuple[str, str]]:
    return {r[0]: (r[1], r[2]) for r in con.execute("SELECT document_id, status, parser_version FROM document").fetchall()}


def new_run_id() -> str:
    return datetime.now().strftime("%Y%m%dT%H%M%S") + "-" + uuid.uuid4().hex[:6]


def plan(con, candidates: list[Candidate], staging: Path,
         lim: Limits) -> tuple[list[tuple[Candidate, str]], list[Outcome]]:
    """Hash every candidate; (to parse, outcomes of files needing no work). Each file to parse is
    copied into the staging area as it is hashed (private_copy): its document id is the hash of that
    copy, the bytes the parser will read."""
    staging = Path(staging)
    known = known_documents(con)
    todo: list[tuple[Candidate, str]] = []
    done: list[Outcome] = []
    seen_ids: dict[str, str] = {}

    def settled(cand: Candidate, doc_id: str) -> Outcome | None:
        state = known.get(doc_id)
        if doc_id in seen_ids:
            return Outcome(cand.name, cand.shown_path, doc_id, "unchanged", f"same bytes as {seen_ids[doc_id]} (in this run)")
        if state and state[1] == PARSER_VERSION:
            return Outcome(cand.name, cand.shown_path, doc_id, "unchanged", "same bytes already in the warehouse")
        return None

    for cand in candidates:
        try:
            first = private_copy.hash_file(cand.path, lim)
            if settled(cand, first) is None:
                doc_id, _ = private_copy.take(cand.path, staging, lim)
            else:
                doc_id = first
        except private_copy.NotCopied as exc:
            done.append(Outcome(cand.name, cand.shown_path, "", "rejected", exc.reason))
            continue
        except OSError as exc:
            done.append(Outcome(cand.name, cand.shown_path, "", "rejected", f"cannot read file: {exc.strerror or exc}"))
            continue
        same = settled(cand, doc_id)
        if same is not None:
            done.append(same)
            continue
        seen_ids[doc_id] = cand.name
        todo.append((cand, doc_id))
    return todo, done


def load_staged(con, staged: list[tuple[Candidate, str, str]], run_id: str, staging: Path, quarantine_dir: Path,
                progress=None) -> list[Outcome]:
    """Single writer: load each staged document in its own transaction (caller holds the lock)."""
    outcomes = []
    bar = Progress(len(staged), "load ", progress)
    staging = Path(staging)
    for cand, doc_id, spath in staged:
        doc = staged_format.read(Path(spath))
        copy = private_copy.copy_path(Path(spath).parent, doc_id)
        if not copy.exists():
            copy = private_copy.copy_path(staging, doc_id)
        # quarantine keeps the bytes that were parsed (the private copy), the inbox's file if there is none
        source = copy if copy.exists() else cand.path
        qpath = quarantine(source, doc_id, cand.name, Path(quarantine_dir)) if doc.status != "loaded" else None
        outcome, detail = load_document(con, doc, run_id, qpath)
        private_copy.discard(Path(spath).parent, doc_id)
        outcomes.append(Outcome(
            cand.name, cand.shown_path, doc_id, outcome, detail if outcome != "loaded" else load_notes(doc),
            doc.kind, doc.department, doc.fiscal_year, sum(1 for t in doc.tables if t.table_id), len(doc.facts)))
        bar.step(cand.name)
    return outcomes


def load_notes(doc) -> str:
    """What a user should know about a loaded document (its recorded reason stays '' by contract)."""
    notes = []
    assumed = [t for t in doc.tables if t.table_id and t.unit_source == "assumed"]
    if assumed:
        notes.append(f"no unit line: {len(assumed)} tables assumed {assumed[0].unit_printed}")
    units: dict[str, list[str]] = {}
    for t in doc.tables:
        if t.table_id and t.unit_source == "printed":
            units.setdefault(t.unit_printed, []).append(t.table_id)
    if len(units) > 1:
        notes.append("units differ between tables: " + ", ".join(
            f"{u} ({', '.join(ids) if len(ids) <= 2 else f'{len(ids)} tables'})" for u, ids in units.items()))
    garbled = sum(1 for t in doc.tables for i in t.issues if i.startswith("garbled_number"))
    if garbled:
        notes.append(f"{garbled} printed figures unreadable (garbled), not loaded")
    repeated = repeats.note(doc.evidence.get("repeated_tables") or [])
    if repeated:
        notes.append(repeated)
    layer = (doc.evidence.get("text_layer") or {}).get("note")
    if layer:
        notes.append(layer)
    turned = doc.evidence.get("turned_pages") or {}
    if turned:
        rot = sorted({v[0] for v in turned.values()})
        notes.append(f"{len(turned)} pages turned by /Rotate {'/'.join(map(str, rot))} against their text: read along "
                     "the text")
    return "; ".join(notes)


def start_run(con, run_id: str, trigger: str, started: datetime, n_files: int) -> None:
    """Recorded before any work, so a run killed midway still shows (finished_at stays NULL only
    when the process itself was killed; any error ends the run with its note)."""
    con.execute("INSERT INTO ingest_run (run_id, started_at, n_files, trigger) VALUES (?, ?, ?, ?)",
                [run_id, started, n_files, trigger])


def record_run(con, run_id: str, trigger: str, started: datetime, n_files: int, outcomes: list[Outcome],
               checks: str | None = None, note: str | None = None) -> None:
    """The run's end: counts, finished_at, what became of its rules (checks) and a note when it
    stopped early; one event per file."""
    n = {k: sum(1 for o in outcomes if o.outcome == k) for k in ("unchanged", "rejected")}
    con.execute("INSERT OR REPLACE INTO ingest_run (run_id, started_at, finished_at, n_files, n_loaded, n_unchanged, "
                "n_rejected, trigger, checks, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [run_id, started, datetime.now(), n_files, len(outcomes) - n["unchanged"] - n["rejected"],
                 n["unchanged"], n["rejected"], trigger, checks, note])
    if outcomes:
        con.executemany("INSERT INTO ingest_event (run_id, document_id, file_name, source_path, outcome, reason, event_at) "
                        "VALUES (?, ?, ?, ?, ?, ?, current_timestamp)",
                        [(run_id, o.document_id or None, o.file, o.path, o.outcome, o.reason) for o in outcomes])


def end_run(con, report: RunReport, trigger: str, started: datetime, n_files: int, checks, note: str) -> None:
    """A run that stopped on an error still gets its end recorded (finished_at and the note)."""
    # the database itself failing here (disk full …) is ignored: the original error is what matters
    with contextlib.suppress(Exception):
        record_run(con, report.run_id, trigger, started, n_files, report.outcomes,
                   checks.summary if checks else None, note)


def parse_all(todo, staging: Path, workers: int | None, progress, lim: Limits, table_backend: str = "pdfium"):
    """Parse each document in a child process of its own, `workers` at a time, under the limits;
    return [(candidate, document_id, staged path)] in the order of todo. A document whose child
    crashed or passed a limit is staged as a rejection that says which."""
    if not todo:
        return []
    staging = Path(staging)
    workers = workers or min(len(todo), os.cpu_count() or 1)
    bar = Progress(len(todo), "parse", progress)
    out = []
    tasks, by_id = [], {}
    for cand, doc_id in sorted(todo, key=_size, reverse=True):  # biggest first: no long file left for last
        existing = staged_format.stage_path(staging, doc_id)
        if staged_format.is_fresh(existing):
            out.append((cand, doc_id, str(existing)))
            bar.step(cand.name)
            continue
        with contextlib.suppress(OSError):
            existing.unlink()  # a stale result must never pass for this run's
        by_id[doc_id] = cand
        tasks.append(Task(doc_id, parse_to_staging, (str(cand.path), cand.name, doc_id, str(staging), cand.shown_path,
                                                     lim, table_backend)))
    for fin in run_isolated(tasks, workers, lim):
        cand = by_id[fin.key]
        sp = staged_format.stage_path(staging, fin.key)
        if not (fin.ok and staged_format.is_fresh(sp)):
            sp = _stage_failure(cand, fin.key, staging, *failure_reason(fin, lim))
        out.append((cand, fin.key, str(sp)))
        bar.step(cand.name)
    order = {doc_id: i for i, (_, doc_id) in enumerate(todo)}
    out.sort(key=lambda t: order[t[1]])
    return out


def failure_reason(fin: Finished, lim: Limits) -> tuple[str, str]:
    """(reason, reject_code) for a parse whose process did not end well."""
    if fin.timed_out:
        return (f"time limit: parsing took longer than {lim.seconds:g} s (limit FISCAL_PARSE_SECONDS="
                f"{lim.seconds:g})"), "time_limit"
    if fin.exitcode == EXIT_MEMORY or (fin.signal is not None and fin.near_memory_limit >= 0.8 * lim.memory_mb):
        how = "" if fin.exitcode == EXIT_MEMORY else f"; the parser process ended with {fin.signal_name}"
        return memory_reason(lim) + how, "memory_limit"
    if fin.signal is not None:
        return (f"parser process crashed: killed by {fin.signal_name} after {fin.seconds:.1f} s "
                f"(peak memory {fin.peak_mb:,.0f} MB)"), "parser_crash"
    if fin.error:
        return f"parser process failed: {fin.error}", "parser_error"
    return f"parser process failed: exit status {fin.exitcode} after {fin.seconds:.1f} s", "parser_crash"


def _size(item: tuple[Candidate, str]) -> int:
    try:
        return item[0].path.stat().st_size
    except OSError:
        return 0


def _stage_failure(cand: Candidate, doc_id: str, staging: Path, reason: str, code: str) -> Path:
    """Stage a rejection for a document whose parse process failed, so the rest of the batch still loads."""
    return staged_format.write(_rejection(doc_id, cand.name, cand.shown_path, reason, code), Path(staging))

