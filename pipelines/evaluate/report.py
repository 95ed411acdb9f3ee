"""The evaluation report: Markdown for people, JSON for tools (data/reports/, not committed)."""
from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

from .compare import DocumentCheck


def _pct(a: int, b: int) -> str:
    return f"{a}/{b} ({100.0 * a / b:.1f} %)" if b else "0/0"


def summary_lines(summary: dict) -> list[str]:
    out = []
    for kind in ("budget", "final"):
        s = summary.get(kind)
        if not s:
            continue
        out.append(f"{kind}: identified (kind, year, department) {_pct(s['identified'], s['text_documents'])}; "
                   f"kind {s['kind_ok']}, year {s['year_ok']}, department {s['department_ok']} "
                   f"(exact name {s['department_exact']}); core tables all found "
                   f"{_pct(s['core_tables_all_found'], s['table_bearing'])} of table-bearing; "
                   f"pack-linked {s['pack_linked']}; identity from a file name {s['evidence_filename']}")
    o = summary.get("overall")
    if o:
        out.append(f"core tables (FIN_01-09 / BUD_01-05) found {_pct(o['core_found'], o['core_expected'])} in "
                   f"{o['documents']} table-bearing documents; coverage {_pct(o['covered'], o['figures'])} of the "
                   f"figures printed in table areas ({o['garbled']} garbled, counted as missed)")
    for region, r in (summary.get("regions") or {}).items():
        out.append(f"  {region}: identified {_pct(r['identified'], r['text_documents'])}; core tables "
                   f"{_pct(r['core_found'], r['core_expected'])}; coverage {_pct(r['covered'], r['figures'])}")
    nf = summary.get("non_fiscal")
    if nf:
        out.append(f"non-fiscal documents: {nf['documents']}, loaded as a budget/final: {len(nf['loaded_as_pack'])}"
                   + (f" ({', '.join(nf['loaded_as_pack'])})" if nf["loaded_as_pack"] else ""))
    for kind, t in sorted((summary.get("identities") or {}).items()):
        out.append(f"{kind}: code-keyed tables whose hierarchy and row identities all hold "
                   f"{_pct(t['holds'], t['judged'])} of judged ({t['tables']} tables, {t['not_judged']} with no "
                   f"identity to judge); failing: {t['fails']} "
                   f"({sum(f['cause'] == 'parse suspected' for f in t['failures'])} with a parse-integrity failure)")
    for sc in summary.get("scanned", []):
        out.append(f"scanned: {sc['file']}: {sc['status']} — {sc['reason'] or '(no reason)'}")
    return out


def _row(c: DocumentCheck) -> str:
    flags = []
    if c.status != "loaded":
        flags.append(c.status)
    if c.status == "loaded":
        if not c.kind_ok:
            flags.append(f"kind {c.kind}≠{c.expected.kind}")
        if not c.year_ok:
            flags.append(f"year {c.fiscal_year}≠{c.expected.year}")
        if not c.department_ok:
            flags.append(f"department {c.department or '∅'}≠{c.expected.department}")
        elif not c.department_exact:
            flags.append(f"department printed as {c.department}")
        if c.table_bearing and c.core_missing:
            flags.append("missing " + ",".join(c.core_missing))
        if c.not_in_template:
            flags.append("template has no " + ",".join(c.not_in_template) + " (never named in the pack)")
        if c.coverage is not None and c.coverage < 0.98:
            flags.append(f"coverage {100 * c.coverage:.1f} % ({c.n_covered}/{c.n_figures})")
        if c.unrecognised:
            flags.append(f"{c.unrecognised} unrecognised tables kept")
    ev = c.evidence
    return (f"| {c.expected.file} | {c.expected.sha256[:12]} | {c.status} | {c.kind} | {c.fiscal_year or ''} | "
            f"{c.department} | {c.pack_part} | {c.partner[:12]} | {' '.join(c.tables)} | "
            f"{str(ev.get('department', ''))[:50]} | {'; '.join(flags) or 'ok'} |")


def write(out_dir: Path, corpus: Path, checks: list[DocumentCheck], summary: dict, seconds: float) -> tuple[Path, Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%dT%H%M%S")
    md = out_dir / f"evaluate-{stamp}.md"
    js = out_dir / f"evaluate-{stamp}.json"
    lines = [f"# Evaluation of {corpus} ({stamp})", "", f"{len(checks)} manifest documents, {seconds:.0f} s.", ""]
    lines += [f"- {ln}" for ln in summary_lines(summary)]
    lines += ["", "| file | sha256 | status | kind | year | department | part | partner | tables | department evidence | "
              "result |", "|" + "---|" * 11]
    lines += [_row(c) for c in checks]
    for kind, t in sorted((summary.get("identities") or {}).items()):
        if t["failures"]:
            lines += ["", f"## {kind}: tables whose identities fail", "",
                      "| file | table | page | cause | failing instances (printed vs sum) |", "|---|---|---|---|---|"]
            lines += [f"| {f['file']} | {f['table_id']} | {f['page']} | {f['cause']} | "
                      f"{(f['failures'] or '').replace('|', '/')[:600]} |" for f in t["failures"]]
    md.write_text("\n".join(lines) + "\n", encoding="utf-8")
    docs = [{"file": c.expected.file, "sha256": c.expected.sha256, "status": c.status, "reason": c.reason,
             "kind": c.kind, "fiscal_year": c.fiscal_year, "department": c.department,
             "entity_level": c.entity_level, "expected": {"kind": c.expected.kind, "year": c.expected.year,
                                                          "department": c.expected.department},
             "identified": c.identified, "department_exact": c.department_exact, "pack_part": c.pack_part,
             "partner": c.partner, "tables": c.tables, "empty_tables": c.empty_tables,
             "core_missing": c.core_missing if c.table_bearing else [], "n_figures": c.n_figures,
             "n_covered": c.n_covered, "n_garbled": c.n_garbled, "unrecognised": c.unrecognised,
             "attention": c.attention, "evidence": c.evidence} for c in checks]
    js.write_text(json.dumps({"corpus": str(corpus), "summary": summary, "documents": docs}, ensure_ascii=False,
                             indent=1), encoding="utf-8")
    return md, js
