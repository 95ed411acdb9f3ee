"""BENCHMARKS.md from one bench run."""
from __future__ import annotations

import os
import platform
from datetime import datetime
from importlib import metadata

MB = 1024 * 1024
PHASE_LABELS = {  # the stages of pipelines/core.py (and the run records) that bench/phases.py times
    "ensure_schema": "schema (migrations, views, catalogue)",
    "ensure_snapshot": "first read snapshot",
    "start_run": "run record",
    "plan": "hash files, skip known ones, copy the others into staging",
    "parse_to_staging": "parse (one child process per document)",
    "load": "load staged documents (single writer)",
    "check": "consistency rules on loaded documents",
    "record_run": "run outcome record",
    "publish": "publication gate + checkpoint + publish read snapshot",
}


def _v(pkg: str) -> str:
    try:
        return metadata.version(pkg)
    except metadata.PackageNotFoundError:
        return "?"


def _rate(pages: int, seconds: float) -> str:
    return f"{pages / seconds:.1f}" if seconds > 0 else "-"


def render(r: dict) -> str:
    files, pages = r["files"], r["pages"]
    pipe = r["pipeline"]
    plumb = r["pdfplumber"]
    lines = [
        "# Benchmarks",
        "",
        f"Measured {r['when']:%Y-%m-%d %H:%M} on {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"pdfplumber {_v('pdfplumber')}, pypdfium2 {_v('pypdfium2')}, duckdb {_v('duckdb')}.",
        "",
        "Reproduce: `" + r["command"] + "` (or `make bench`).",
        "",
        f"Machine load (1-minute load average) before the first pass: {r['load'][0]:.1f} (at the end, this bench's "
        f"own processes included: {r['load'][1]:.1f}). On {os.cpu_count()} cores a load above ~0.5 before the run "
        "means other work shared the machine, which slows the multi-process passes most; the CPU columns are "
        "the ones to compare then.",
        "",
        f"All passes read the same {len(files)} corpus PDFs ({pages} pages; selection: "
        f"{'every text PDF of the corpus' if r['all'] else '`pipelines/bench/selection.csv`'}), one after the other "
        "in this one run. The pipeline is `fiscal ingest` into a fresh temporary warehouse, run as a subprocess "
        "(its time includes interpreter start-up, imports, hashing, parsing, loading and publishing the read "
        "snapshot); the bare passes run inside the bench process (imports already paid).",
        "",
        "## Speed",
        "",
        "CPU seconds are user + system time of every process of the pass (workers included): unlike wall time "
        "they barely move when other work shares the machine.",
        "",
        "| pass | processes | wall s | pages/s | wall vs bare pdfplumber | CPU s | CPU vs bare pdfplumber |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    base, base_cpu = plumb[0]["seconds"], plumb[0]["cpu_seconds"]

    def row(label, procs, wall, cpu, bold=False):
        b = "**" if bold else ""
        return (f"| {label} | {procs} | {b}{wall:.1f}{b} | {b}{_rate(pages, wall)}{b} | {b}{wall / base:.2f}×{b} | "
                f"{cpu:.1f} | {cpu / base_cpu:.2f}× |")

    for res in plumb:
        lines.append(row("bare pdfplumber: extract_tables + extract_text, every page", res["workers"], res["seconds"],
                         res["cpu_seconds"]))
    pdfium = r["pdfium"]
    lines.append(row("pdfium text, every page", pdfium["workers"], pdfium["seconds"], pdfium["cpu_seconds"]))
    run = pipe["run"]
    lines.append(row("**pipeline: `fiscal ingest`** (fresh warehouse)", f"{pipe['workers']} workers + 1", run.seconds,
                     run.cpu_seconds, bold=True))
    est = run.free_cores_estimate()
    lines.append(f"| pipeline on free cores (estimate: its own CPU + the busiest worker's CPU) | "
                 f"{pipe['workers']} workers + 1 | ({est:.1f}) | ({_rate(pages, est)}) | - | - | "
                 f"{est / base_cpu:.2f}× bare CPU |")
    if "noop" in pipe:
        lines.append(f"| no-op re-ingest of the same files | 1 | {pipe['noop'].seconds:.1f} | - | - | "
                     f"{pipe['noop'].cpu_seconds:.1f} | - |")
    lines.append("")
    if r.get("repeat", 1) > 1:
        lines.append(f"Each pass ran {r['repeat']} times, alternating; the table shows each pass's fastest run.")
        lines.append("")
    same = [p for p in plumb if p["workers"] == pipe["workers"]]
    if same and same[0] is not plumb[0]:
        lines.append(f"Against the bare pdfplumber pass with the same number of processes ({pipe['workers']}): "
                     f"pipeline / pdfplumber = {run.seconds / same[0]['seconds']:.2f}× wall, "
                     f"{run.cpu_seconds / same[0]['cpu_seconds']:.2f}× CPU.")
        lines.append("")
    oc = pipe["outcomes"]
    lines.append("Pipeline outcome: " + ", ".join(f"{v['documents']} {k} ({v['facts']} facts)" for k, v in oc.items())
                 + ".")
    lines.append("")
    ph = pipe.get("phases")
    if ph:
        lines += ["## Where the pipeline's time goes", "",
                  "The runner's steps, timed inside the `fiscal ingest` process (CPU includes its parse workers; "
                  "memory is the ingest process's own high-water mark when the step ended, workers excluded):", "",
                  "| step | wall s | CPU s | ingest process high-water MB |", "|---|---:|---:|---:|"]
        for name, vals in ph.items():
            w, c, m = (list(vals) + [0])[:3]
            if name != "total":
                label = "interpreter start-up and imports" if name == "imports" else PHASE_LABELS.get(name, name)
                lines.append(f"| {label} | {w:.1f} | {c:.1f} | {m} |")
        w, c, m = (list(ph.get("total", (0.0, 0.0))) + [0])[:3]
        lines.append(f"| whole `fiscal ingest` command after imports | {w:.1f} | {c:.1f} | {m} |")
        lines.append("")
        if "check" in ph:
            w, c = ph["check"][:2]
            lines.append(f"Without the consistency-rules step (`FISCAL_CHECKS=0`, rules run later by `fiscal check`) the "
                         f"same run would take about {run.seconds - w:.1f} s wall ({(run.seconds - w) / base:.2f}× the "
                         f"bare pdfplumber pass) and {run.cpu_seconds - c:.1f} CPU-s "
                         f"({(run.cpu_seconds - c) / base_cpu:.2f}×); derived from the step timings above, not "
                         "measured separately.")
            lines.append("")
    st = pipe["stages"]
    if st["documents"]:
        lines += [
            "## Inside the parse step",
            "",
            f"Summed over the {st['documents']} parsed documents (worker time, from `parse_document`'s timings): "
            f"the table pass (pdfium ruling and characters, pdfplumber's TableFinder) ran on {st['table_pages']} of {st['pages']} pages "
            f"({100 * st['table_pages'] / max(1, st['pages']):.0f} %) chosen by the pdfium triage; "
            f"{st['identified_pages']} pages ended up inside a table the catalogue identified.",
            "",
            "| stage | seconds | share |",
            "|---|---:|---:|",
        ]
        total = st["open_s"] + st["tables_s"] + st["interpret_s"]
        for k, label in (("open_s", "open: pdfium text of every page + identity"),
                         ("tables_s", "table pass on triaged pages: pdfium ruling + chars, pdfplumber TableFinder"),
                         ("interpret_s", "stitch + interpret tables into facts")):
            lines.append(f"| {label} | {st[k]:.1f} | {100 * st[k] / max(total, 1e-9):.0f} % |")
        lines.append(f"| total parse (worker time) | {total:.1f} | 100 % |")
        lines.append("")
    prof = r.get("profile")
    if prof:
        lines += [f"cProfile of `parse_document` on {prof['files']} of these files, in one process "
                  f"({prof['seconds']:.1f} s with profiling overhead); cumulative time per stage:", "",
                  "| stage | seconds |", "|---|---:|"]
        lines += [f"| {label} | {ct:.1f} |" for label, ct in prof["stages"]]
        lines += ["", "Own time by package:", "", "| package / module | seconds |", "|---|---:|"]
        lines += [f"| {g} | {t:.1f} |" for g, t in prof["groups"][:12]]
        lines.append("")
    mem = r.get("memory")
    if mem:
        res = mem["run"]
        lines += [
            "## Peak memory on the largest corpus PDF",
            "",
            f"`fiscal ingest` of `{mem['file'].rel}` ({mem['file'].pages} pages) into a fresh warehouse: "
            f"{res.seconds:.1f} s; peak RSS of the whole process tree (sampled every 50 ms, all processes summed) "
            f"**{res.peak_tree_rss / MB:.0f} MB**; largest single-process high-water mark (VmHWM) "
            f"{res.max_process_hwm / MB:.0f} MB; target ≤ 1024 MB.",
            "",
        ]
        if "selection_peak" in r:
            sel = pipe["run"]
            workers = [h for pid, h in sel.hwm.items() if pid != sel.root_pid]
            lines.append(f"During the selection run above ({pipe['workers']} workers) the tree peaked at "
                         f"{r['selection_peak'] / MB:.0f} MB; high-water marks: the ingest process "
                         f"{sel.hwm.get(sel.root_pid, 0) / MB:.0f} MB, the largest parse worker "
                         f"{max(workers, default=0) / MB:.0f} MB.")
            lines.append("")
    orch = r.get("orchestration")
    if orch:
        lines += ["## Orchestration (pipelines/bench/orchestration.py)", "", "| measure | value | note |",
                  "|---|---|---|"]
        lines += [f"| {row.get('measure', '')} | {row.get('value', '')} | {row.get('note', '')} |" for row in orch]
        lines.append("")
    lines += ["## Per file", "", "| family | file | pages | pdfplumber s | pdfium s | pipeline parse s | table pages |",
              "|---|---|---:|---:|---:|---:|---:|"]
    per_doc = st.get("per_doc", {})
    serial = plumb[0]["per_file"]
    for f in files:
        pd_ = per_doc.get(str(f.path), {})
        parse_s = sum(pd_.get(k) or 0 for k in ("open_s", "tables_s", "interpret_s")) if pd_ else None
        lines.append(f"| {f.family} | {f.rel} | {f.pages} | {serial[str(f.path)][1]:.1f} | "
                     f"{pdfium['per_file'][str(f.path)][1]:.2f} | {'' if parse_s is None else f'{parse_s:.1f}'} | "
                     f"{pd_.get('table_pages', '')} |")
    lines.append("")
    return "\n".join(lines)


def now() -> datetime:
    return datetime.now()
