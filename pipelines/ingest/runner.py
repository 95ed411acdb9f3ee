"""The ingestion job, shared by the CLI and the Dagster assets.

1. discover files and hash them; files already loaded with this parser version are skipped;
2. parse the rest in parallel worker processes, each staging its result as JSON;
3. under the writer lock, load every staged document in its own transaction (single writer);
4. publish the read-only snapshot for dashboards and queries.
"""
from __future__ import annotations

import os
import sys
import time
import uuid
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from ..intake.fingerprint import sha256_file
from ..parse.document import parse_document
from ..parse.model import DocumentResult
from ..checks.hook import check_loaded
from ..version import PARSER_VERSION
from ..warehouse import paths
from ..warehouse.connection import connect_write, ensure_snapshot, publish_snapshot
from ..warehouse.load import load_document
from ..warehouse.lock import writer_lock
from ..warehouse.schema import ensure_schema
from ..warehouse.staging import read_staged, stage_path, write_staged
from .discover import Candidate, discover, shown
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

    @property
    def rejected(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.outcome == "rejected"]


def parse_to_staging(path: str, name: str, document_id: str, staging: str) -> str:
    """Worker entry point: parse one file and stage the result. Never raises for bad input."""
    try:
        doc = parse_document(path, file_name=name, document_id=document_id)
    except Exception as exc:  # a parser bug must not take the batch down; the file is rejected
        doc = DocumentResult(document_id=document_id, file_name=name, path=path,
                             size_bytes=os.path.getsize(path) if os.path.exists(path) else 0, n_pages=0,
                             parser_version=PARSER_VERSION, status="rejected",
                             reason=f"parser error: {type(exc).__name__}: {exc}")
        doc.evidence["reject_code"] = "parser_error"
    doc.path = shown(path)  # undecodable bytes in the path become \xNN (JSON and DuckDB need text)
    return str(write_staged(doc, Path(staging)))


def die_with_parent() -> None:
    """Worker initializer: the kernel kills the worker when the ingestion dies (kill -9, OOM), so
    no orphaned worker keeps parsing for nobody (Linux; elsewhere a no-op)."""
    try:
        import ctypes
        import signal

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


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


def plan(con, candidates: list[Candidate]) -> tuple[list[tuple[Candidate, str]], list[Outcome]]:
    """Hash every candidate; (to parse, outcomes of files needing no work)."""
    known = known_documents(con)
    todo: list[tuple[Candidate, str]] = []
    done: list[Outcome] = []
    seen_ids: dict[str, str] = {}
    for cand in candidates:
        try:
            doc_id = sha256_file(cand.path)
        except OSError as exc:
            done.append(Outcome(cand.name, cand.shown_path, "", "rejected", f"cannot read file: {exc.strerror or exc}"))
            continue
        state = known.get(doc_id)
        if doc_id in seen_ids:
            done.append(Outcome(cand.name, cand.shown_path, doc_id, "unchanged",
                                f"same bytes as {seen_ids[doc_id]} (in this run)"))
            continue
        if state and state[1] == PARSER_VERSION:
            done.append(Outcome(cand.name, cand.shown_path, doc_id, "unchanged", "same bytes already in the warehouse"))
            continue
        seen_ids[doc_id] = cand.name
        todo.append((cand, doc_id))
    return todo, done


def load_staged(con, staged: list[tuple[Candidate, str, str]], run_id: str, progress=None) -> list[Outcome]:
    """Single writer: load each staged document in its own transaction (caller holds the lock)."""
    outcomes = []
    bar = Progress(len(staged), "load ", progress)
    for cand, doc_id, spath in staged:
        doc = read_staged(Path(spath))
        qpath = quarantine(cand.path, doc_id, cand.name, paths.quarantine_dir()) if doc.status != "loaded" else None
        outcome, detail = load_document(con, doc, run_id, qpath)
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
    return "; ".join(notes)


def start_run(con, run_id: str, trigger: str, started: datetime, n_files: int) -> None:
    """Recorded before any work, so a run killed midway still shows (finished_at stays NULL)."""
    con.execute("INSERT INTO ingest_run (run_id, started_at, n_files, trigger) VALUES (?, ?, ?, ?)",
                [run_id, started, n_files, trigger])


def record_run(con, run_id: str, trigger: str, started: datetime, n_files: int, outcomes: list[Outcome]) -> None:
    n = {k: sum(1 for o in outcomes if o.outcome == k) for k in ("unchanged", "rejected")}
    con.execute("INSERT OR REPLACE INTO ingest_run VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [run_id, started, datetime.now(), n_files, len(outcomes) - n["unchanged"] - n["rejected"],
                 n["unchanged"], n["rejected"], trigger])
    if outcomes:
        con.executemany("INSERT INTO ingest_event VALUES (?, ?, ?, ?, ?, ?, current_timestamp)",
                        [(run_id, o.document_id or None, o.file, o.path, o.outcome, o.reason) for o in outcomes])


def ingest(inputs: list[str | Path], workers: int | None = None, trigger: str = "cli", progress=sys.stderr,
           lock_wait: float = 600.0, publish: bool = True) -> RunReport:
    """The whole job: discover, plan, parse in parallel, load as the single writer, publish."""
    t0 = time.monotonic()
    started = datetime.now()
    report = RunReport(new_run_id())
    candidates, report.problems = discover(inputs)
    with writer_lock(paths.lock_path(), wait=lock_wait):
        con = connect_write()
        try:
            ensure_schema(con)
            ensure_snapshot(con)
            start_run(con, report.run_id, trigger, started, len(candidates))
            todo, report.outcomes = plan(con, candidates)
            staged = parse_all(todo, paths.staging_dir(), workers, progress)
            report.parsed = len(staged)
            report.outcomes += load_staged(con, staged, report.run_id, progress)
            note = check_loaded(con, report.outcomes, trigger)  # rules on what was loaded, same writer
            if note:
                report.problems.append(note)
            record_run(con, report.run_id, trigger, started, len(candidates), report.outcomes)
            if publish:
                publish_snapshot(con)
        finally:
            con.close()
    report.seconds = time.monotonic() - t0
    return report


def parse_all(todo, staging: Path, workers: int | None, progress):
    """Parse (in parallel when it pays) and return [(candidate, document_id, staged path)]."""
    if not todo:
        return []
    workers = workers or min(len(todo), os.cpu_count() or 1)
    bar = Progress(len(todo), "parse", progress)
    out = []
    if workers <= 1 or len(todo) == 1:
        for cand, doc_id in todo:
            existing = stage_path(staging, doc_id)
            sp = str(existing) if _fresh(existing) else parse_to_staging(str(cand.path), cand.name, doc_id, str(staging))
            out.append((cand, doc_id, sp))
            bar.step(cand.name)
        return out
    with ProcessPoolExecutor(max_workers=workers, initializer=die_with_parent) as pool:
        futs = {}
        for cand, doc_id in sorted(todo, key=_size, reverse=True):  # biggest first: no long file left for last
            existing = stage_path(staging, doc_id)
            if _fresh(existing):
                out.append((cand, doc_id, str(existing)))
                bar.step(cand.name)
                continue
            futs[pool.submit(parse_to_staging, str(cand.path), cand.name, doc_id, str(staging))] = (cand, doc_id)
        broken = []
        for fut in as_completed(futs):
            cand, doc_id = futs[fut]
            try:
                out.append((cand, doc_id, fut.result()))
                bar.step(cand.name)
            except Exception:  # a worker died (killed, out of memory, crashed): the pool is broken
                broken.append((cand, doc_id))
    for cand, doc_id in broken:  # each again in a process of its own: only the culprit is rejected
        out.append((cand, doc_id, _parse_alone(cand, doc_id, staging)))
        bar.step(cand.name)
    order = {doc_id: i for i, (_, doc_id) in enumerate(todo)}
    out.sort(key=lambda t: order[t[1]])
    return out


def _size(item: tuple[Candidate, str]) -> int:
    try:
        return item[0].path.stat().st_size
    except OSError:
        return 0


def _parse_alone(cand: Candidate, doc_id: str, staging: Path) -> str:
    try:
        with ProcessPoolExecutor(max_workers=1, initializer=die_with_parent) as pool:
            return pool.submit(parse_to_staging, str(cand.path), cand.name, doc_id, str(staging)).result()
    except Exception as exc:
        return _stage_failure(cand, doc_id, staging, exc)


def _stage_failure(cand: Candidate, doc_id: str, staging: Path, exc: BaseException) -> str:
    """Stage a rejection for a document whose worker failed, so the rest of the batch still loads."""
    doc = DocumentResult(document_id=doc_id, file_name=cand.name, path=cand.shown_path, size_bytes=0, n_pages=0,
                         parser_version=PARSER_VERSION, status="rejected",
                         reason=f"parser process failed: {type(exc).__name__}: {exc}")
    doc.evidence["reject_code"] = "parser_crash"
    return str(write_staged(doc, Path(staging)))


def _fresh(staged: Path) -> bool:
    """A staged result from an interrupted run with the current parser can be loaded as is."""
    if not staged.exists():
        return False
    try:
        with open(staged, encoding="utf-8") as fh:
            head = fh.read(4096)
        return f'"parser_version": "{PARSER_VERSION}"' in head
    except OSError:
        return False
