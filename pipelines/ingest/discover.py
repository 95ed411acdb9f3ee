"""Files to ingest: explicit files as given, folders searched recursively for *.pdf.

File names come from the internet: they may hold newlines, backslashes, bytes that are not UTF-8
or run to the file system's limit. The real path is kept for opening the file; what is stored and
shown is `shown(...)`, where undecodable bytes become visible \\xNN escapes (never a crash).
"""
from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path


def shown(text: str | os.PathLike) -> str:
    """A name or path as storable text: bytes that are not UTF-8 become \\xNN escapes."""
    return os.fsencode(text).decode("utf-8", "backslashreplace")


@dataclass(frozen=True)
class Candidate:
    path: Path  # the real path (may hold undecodable bytes as surrogates; only for opening)
    name: str  # the file name as ingested, storable (shown to users; may contain odd characters)

    @property
    def shown_path(self) -> str:
        return shown(self.path)


def _walk(folder: Path, problems: list[str]) -> list[Path]:
    def onerror(exc: OSError) -> None:
        problems.append(f"{shown(exc.filename or folder)}: cannot list folder ({exc.strerror or exc})")

    found = []
    for root, dirs, files in os.walk(folder, onerror=onerror):
        dirs.sort()
        for f in sorted(files):
            if f.lower().endswith(".pdf"):
                found.append(Path(root) / f)
    return found


def _regular(p: Path) -> bool:
    try:
        return stat.S_ISREG(p.stat().st_mode)
    except OSError:
        return False


def discover(paths: list[str | Path]) -> tuple[list[Candidate], list[str]]:
    """(candidates, problems). A missing or odd path is a problem, not a crash."""
    out: list[Candidate] = []
    problems: list[str] = []
    seen: set[Path] = set()

    def add(f: Path) -> None:
        try:
            real = f.resolve()
        except OSError as exc:  # e.g. a symlink loop
            problems.append(f"{shown(f)}: cannot resolve path ({exc.strerror or exc})")
            return
        if real not in seen:
            seen.add(real)
            out.append(Candidate(f, shown(f.name)))

    for p in paths:
        p = Path(p)
        if p.is_dir():
            for f in _walk(p, problems):
                if _regular(f):
                    add(f)
        elif _regular(p):
            add(p)
        elif p.exists():
            problems.append(f"{shown(p)}: not a regular file (skipped)")
        else:
            problems.append(f"{shown(p)}: no such file or folder")
    return out, problems
