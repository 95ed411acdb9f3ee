"""Where parse time goes: cProfile of parse_document, own time grouped by package and stage."""
from __future__ import annotations

import cProfile
import pstats
import time
from collections import defaultdict
from pathlib import Path

_SITE = "site-packages/"


def group_of(filename: str) -> str:
    if _SITE in filename:
        return filename.split(_SITE, 1)[1].split("/", 1)[0].removesuffix(".py")
    if "/pipelines/" in filename:
        parts = filename.split("/pipelines/", 1)[1].removesuffix(".py").split("/")
        return "pipelines." + ".".join(parts)
    if filename.startswith("~") or filename.startswith("<"):
        return "builtins (C calls)"
    return "python stdlib"


def profile_parse(files: list[Path]) -> dict:
    from ..parse.document import parse_document

    prof = cProfile.Profile()
    t0 = time.perf_counter()
    prof.enable()
    for f in files:
        parse_document(f)
    prof.disable()
    wall = time.perf_counter() - t0
    # (file, line, function) -> (primitive calls, calls, own time, cumulative time, callers): the table
    # pstats.Stats keeps in .stats (not in typeshed's stubs)
    table: dict[tuple, tuple] = pstats.Stats(prof).stats  # type: ignore[attr-defined]
    groups: dict[str, float] = defaultdict(float)
    funcs = []
    for (filename, _line, name), (_cc, nc, tt, ct, _callers) in table.items():
        groups[group_of(filename)] += tt
        funcs.append((tt, ct, nc, f"{group_of(filename)}:{name}"))
    funcs.sort(reverse=True)
    stages = []
    for label, (suffix, name) in STAGES.items():
        ct = sum(v[3] for (fn, _, n), v in table.items() if n == name and fn.endswith(suffix))
        stages.append((label, ct))
    return {"seconds": wall, "groups": sorted(groups.items(), key=lambda kv: -kv[1]), "top": funcs[:20],
            "stages": stages, "files": len(files)}


# cumulative time of the parse stages (labels as they appear in the report)
STAGES = {
    "open_pdf: pdfium text of every page (char boxes -> lines)": ("intake/open_pdf.py", "open_pdf"),
    "triage: which pages get a table pass": ("parse/triage.py", "table_pages"),
    "read_page: table pass on triaged pages (pdfium chars + ruling, grids)": ("parse/layout.py", "read_page"),
    "  of which find_grids": ("parse/grid.py", "find_grids"),
    "build_chains: captions, titles, stitching": ("parse/tables.py", "build_chains"),
    "interpret: rows, columns, facts": ("parse/interpret.py", "interpret"),
    "identify: kind, department, year": ("intake/identify.py", "identify"),
}
