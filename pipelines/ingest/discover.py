"""Files to ingest: explicit files as given, folders searched recursively for *.pdf."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Candidate:
    path: Path
    name: str  # the file name as ingested (shown to users; may contain odd characters)


def discover(paths: list[str | Path]) -> tuple[list[Candidate], list[str]]:
    """(candidates, problems). A missing path is a problem, not a crash."""
    out: list[Candidate] = []
    problems: list[str] = []
    seen: set[Path] = set()
    for p in paths:
        p = Path(p)
        if p.is_dir():
            for f in sorted(p.rglob("*")):
                if f.is_file() and f.suffix.lower() == ".pdf" and f.resolve() not in seen:
                    seen.add(f.resolve())
                    out.append(Candidate(f, f.name))
        elif p.is_file():
            if p.resolve() not in seen:
                seen.add(p.resolve())
                out.append(Candidate(p, p.name))
        else:
            problems.append(f"{p}: no such file or folder")
    return out, problems
