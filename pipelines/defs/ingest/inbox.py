"""The inbox: which files are there and which document (sha256) each holds.

A scan re-hashes a file only when its size or modification time changed since the previous scan,
so scanning an unchanged inbox reads no file contents. Files modified less than `settle` seconds
ago are still being written and are left for the next scan. The state (path -> document) is the
inbox sensor's cursor and is also saved as an index file that runs use to find a document's file.
"""
from __future__ import annotations

import json
import os
import time
from collections.abc import Iterable, Sequence
from dataclasses import astuple, dataclass
from pathlib import Path

from ...ingest.discover import discover
from ...intake.fingerprint import sha256_file


@dataclass(frozen=True)
class Seen:
    document_id: str
    name: str
    size: int
    mtime_ns: int


State = dict[str, Seen]  # by file path


@dataclass
class Scan:
    state: State
    problems: list[str]
    hashed: int = 0
    unsettled: int = 0


def scan(inbox: Path, previous: State, settle: float = 0.0) -> Scan:
    out = Scan({}, [])
    if not inbox.is_dir():
        out.problems.append(f"inbox {inbox} is not a folder")
        return out
    candidates, out.problems = discover([inbox])
    now = time.time_ns()
    for cand in candidates:
        key = str(cand.path)
        try:
            st = cand.path.stat()
        except OSError as exc:
            out.problems.append(f"{cand.path}: {exc.strerror or exc}")
            continue
        prev = previous.get(key)
        if prev and prev.size == st.st_size and prev.mtime_ns == st.st_mtime_ns:
            out.state[key] = prev
            continue
        if settle and now - st.st_mtime_ns < settle * 1e9:
            out.unsettled += 1
            continue
        try:
            doc_id = sha256_file(cand.path)
        except OSError as exc:
            out.problems.append(f"{cand.path}: cannot read: {exc.strerror or exc}")
            continue
        out.hashed += 1
        out.state[key] = Seen(doc_id, cand.name, st.st_size, st.st_mtime_ns)
    return out


def display(text: str) -> str:
    """A path or name as showable text: undecodable bytes become \\xNN escapes."""
    return os.fsencode(text).decode("utf-8", "backslashreplace")


def new_documents(state: State, existing: Iterable[str]) -> list[str]:
    """Documents in the inbox that are not partitions yet, in path order, each once."""
    known = set(existing)
    out: list[str] = []
    for path in sorted(state):
        doc_id = state[path].document_id
        if doc_id not in known:
            known.add(doc_id)
            out.append(doc_id)
    return out


def encode(state: State) -> str:
    # ASCII escapes keep odd file names (undecodable bytes held as surrogates) round-tripping
    return json.dumps({p: astuple(s) for p, s in sorted(state.items())})


def decode(text: str | None) -> State:
    if not text:
        return {}
    try:
        return {p: Seen(*v) for p, v in json.loads(text).items()}
    except (ValueError, TypeError):
        return {}  # an unreadable cursor costs one full re-hash, never a crash


def load_index(path: Path) -> State:
    try:
        return decode(path.read_text(encoding="utf-8"))
    except OSError:
        return {}


def save_index(path: Path, state: State) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + f".tmp{os.getpid()}")
    tmp.write_text(encode(state), encoding="utf-8")
    os.replace(tmp, path)


@dataclass(frozen=True)
class Located:
    document_id: str
    path: str
    name: str
    problem: str = ""  # why the file cannot be read as this document (empty when it can)


def locate(index_path: Path, inbox: Path, document_ids: Sequence[str]) -> dict[str, Located]:
    """Find each document's file from the index; when one is unknown, gone or changed, rescan the
    inbox once (it may have been renamed or moved) and look again.

    A file whose bytes changed since it was hashed is not this document any more: it is reported
    with a problem (the sensor turns its new content into a new partition).
    """
    state = load_index(index_path)
    out = _lookup(state, inbox, document_ids)
    if any(loc.problem for loc in out.values()):
        fresh = scan(inbox, state).state
        # a requested document whose file is gone stays indexed (under its last name) for the rest of the run
        have = {s.document_id for s in fresh.values()}
        save_index(index_path, {**{p: s for p, s in state.items() if s.document_id in document_ids
                                   and s.document_id not in have}, **fresh})
        again = _lookup(fresh, inbox, document_ids)
        # a document gone from the inbox keeps the name and path it was discovered under
        out = {d: loc if not loc.problem or not out[d].path else
               Located(d, out[d].path, out[d].name, loc.problem) for d, loc in again.items()}
    return out


def _lookup(state: State, inbox: Path, document_ids: Sequence[str]) -> dict[str, Located]:
    by_doc = {s.document_id: (p, s) for p, s in sorted(state.items(), reverse=True)}
    out: dict[str, Located] = {}
    for doc_id in document_ids:
        if doc_id not in by_doc:
            out[doc_id] = Located(doc_id, "", "", f"no file in the inbox {inbox} holds document {doc_id[:12]} any "
                                                  "more (deleted, or changed after it was discovered)")
            continue
        path, seen = by_doc[doc_id]
        problem = ""
        try:
            st = os.stat(path)
            if (st.st_size, st.st_mtime_ns) != (seen.size, seen.mtime_ns) and sha256_file(path) != doc_id:
                problem = f"{path} changed after it was discovered: it no longer holds document {doc_id[:12]}"
        except OSError as exc:
            problem = f"{path}: {exc.strerror or exc}"
        out[doc_id] = Located(doc_id, path, seen.name, problem)
    return out
