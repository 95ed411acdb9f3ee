"""Files to ingest: explicit files as given, folders searched recursively for *.pdf.

Whatever is named *.pdf but is not a regular file (a FIFO, a link to a device such as /dev/zero, a
symbolic link loop, a broken link) is reported as a problem, never silently skipped or read.

File names come from the internet: they may hold newlines, backslashes, bytes that are not UTF-8
or run to the file system's limit. The real path is kept for opening the file; what is stored and
shown is `shown(...)`, where undecodable bytes become visible \\xNN escapes (never a crash).
"""
from __future__ import annotations

import errno
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from .private_copy import describe_mode


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


def what_else(p: Path) -> str:
    """'' for a regular file (or a link to one); else what the path is, for the problem line: a
    FIFO would block the reader forever, a link to /dev/zero never ends, a link loop never resolves."""
    try:
        mode = p.stat().st_mode
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "a symbolic link loop"
        if p.is_symlink():
            return f"a broken symbolic link (to {shown(os.readlink(p))})"
        return f"cannot be read ({exc.strerror or exc})"
    if stat.S_ISREG(mode):
        return ""
    what = describe_mode(mode)
    if p.is_symlink():
        try:
            return f"a link to {shown(os.readlink(p))}, {what}"
        except OSError:
            pass
    return what


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
                other = what_else(f)
                if other:
                    problems.append(f"{shown(f)}: {other}, not a regular file (skipped)")
                else:
                    add(f)
        elif not what_else(p):
            add(p)
        elif p.exists() or p.is_symlink():
            problems.append(f"{shown(p)}: {what_else(p)}, not a regular file (skipped)")
        else:
            problems.append(f"{shown(p)}: no such file or folder")
    return out, problems
