"""The two reference passes over every page of the same files.

pdfplumber: extract_tables() + extract_text() on every page (what a naive parser does).
pdfium:     the text of every page (FPDFText_GetText via get_text_range).
Either runs in one process or, like the pipeline, in a pool of worker processes (one file per task).
"""
from __future__ import annotations

import resource
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path


def pdfplumber_file(path: str) -> tuple[int, float]:
    import pdfplumber

    t0 = time.perf_counter()
    n = 0
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_tables()
            page.extract_text()
            page.close()
            n += 1
    return n, time.perf_counter() - t0


def pdfium_file(path: str) -> tuple[int, float]:
    import pypdfium2 as pdfium

    t0 = time.perf_counter()
    pdf = pdfium.PdfDocument(path)
    try:
        n = len(pdf)
        for i in range(n):
            page = pdf[i]
            tp = page.get_textpage()
            tp.get_text_range()
            tp.close()
            page.close()
    finally:
        pdf.close()
    return n, time.perf_counter() - t0


PASSES = {"pdfplumber": pdfplumber_file, "pdfium": pdfium_file}


def _cpu() -> float:
    """CPU seconds of this process and of its reaped children (pool workers)."""
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def run_pass(name: str, files: list[Path], workers: int = 1) -> dict:
    """{'pages', 'seconds' (wall), 'cpu_seconds', 'per_file': {path: (pages, seconds)}}."""
    fn = PASSES[name]
    paths = [str(f) for f in files]
    c0 = _cpu()
    t0 = time.perf_counter()
    if workers <= 1:
        results = [fn(p) for p in paths]
    else:
        # biggest files first, so no worker is left with a long file at the end
        order = sorted(range(len(paths)), key=lambda i: -Path(paths[i]).stat().st_size)
        with ProcessPoolExecutor(max_workers=workers) as pool:
            done = dict(zip(order, pool.map(fn, [paths[i] for i in order])))
        results = [done[i] for i in range(len(paths))]
    wall = time.perf_counter() - t0
    return {"pages": sum(r[0] for r in results), "seconds": wall, "cpu_seconds": _cpu() - c0, "workers": workers,
            "per_file": {p: r for p, r in zip(paths, results)}}
