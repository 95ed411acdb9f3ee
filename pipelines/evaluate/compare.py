"""What the warehouse holds for each manifest document, compared with the manifest."""
from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field

import duckdb

from .. import catalogue
from ..catalogue.departments import group_key
from .manifest import Expected

# the core tables whose recall is measured (tables.yaml `core`): FIN_01-09, BUD_01-05
CORE = {kind: [t.id for t in catalogue.tables() if t.core and t.kind == kind] for kind in ("budget", "final")}
# Tables a pack prints only where its template has them (the catalogue's `named_by`, as DI05 reads it):
# older 决算 templates have no 国有资本经营 table; a pack that names the table anywhere must print it.
CONDITIONAL = {t.id: t.named_by for t in catalogue.tables() if t.named_by}


@dataclass
class DocumentCheck:
    expected: Expected
    status: str = "missing"  # loaded | rejected | missing (not ingested)
    reason: str = ""
    kind: str = ""
    fiscal_year: int | None = None
    department: str = ""
    entity_level: str = ""
    evidence: dict = field(default_factory=dict)
    pack_part: str = ""
    tables: list[str] = field(default_factory=list)  # table ids found (catalogue only)
    empty_tables: list[str] = field(default_factory=list)
    partner: str = ""  # pack partner document id
    copy_of: str = ""
    not_in_template: list[str] = field(default_factory=list)  # CONDITIONAL tables the pack never names
    n_figures: int = 0  # figures printed inside its tables
    n_covered: int = 0  # of those, figures that became facts
    n_garbled: int = 0
    unrecognised: int = 0  # tables kept as BUD_X / FIN_X
    attention: str = ""

    @property
    def core_expected(self) -> list[str]:
        return [t for t in CORE.get(self.expected.kind, []) if t not in self.not_in_template]

    @property
    def coverage(self) -> float | None:
        return self.n_covered / self.n_figures if self.n_figures else None

    @property
    def kind_ok(self) -> bool:
        return self.kind == self.expected.kind

    @property
    def year_ok(self) -> bool:
        return self.fiscal_year == self.expected.year

    @property
    def department_exact(self) -> bool:
        return self.department == self.expected.department

    @property
    def department_ok(self) -> bool:
        """The same department identity (one name of it, per the department alias groups)."""
        return self.department_exact or (bool(self.department) and group_key(self.department) ==
                                         group_key(self.expected.department))

    @property
    def identified(self) -> bool:
        return self.status == "loaded" and self.kind_ok and self.year_ok and self.department_ok

    @property
    def table_bearing(self) -> bool:
        return self.pack_part in ("tables", "full") or "TABLES-ONLY" in self.expected.notes

    @property
    def core_missing(self) -> list[str]:
        return [t for t in self.core_expected if t not in self.tables]


def collect(con: duckdb.DuckDBPyConnection, manifest: list[Expected]) -> list[DocumentCheck]:
    docs = {r[0]: r for r in con.execute(
        "SELECT document_id, status, reason, doc_kind, fiscal_year, department, entity_level, evidence, "
        "coalesce(copy_of, '') FROM document").fetchall()}
    tables: dict[str, list[tuple[str, bool]]] = {}
    for did, tid, empty in con.execute("SELECT document_id, table_id, coalesce(is_empty, FALSE) FROM document_table "
                                       "WHERE table_id IS NOT NULL").fetchall():
        tables.setdefault(did, []).append((tid, empty))
    not_named: dict[str, list[str]] = {}
    for tid, pattern in CONDITIONAL.items():
        for (did,) in con.execute(
                "SELECT document_id FROM document_page GROUP BY document_id "
                "HAVING NOT regexp_matches(string_agg(regexp_replace(coalesce(text, ''), '\\s', '', 'g'), ''), ?)",
                [pattern]).fetchall():
            not_named.setdefault(did, []).append(tid)
    figures = {r[0]: r[1:] for r in con.execute(
        "SELECT document_id, coalesce(sum(n_figures), 0), coalesce(sum(n_covered), 0), coalesce(sum(n_garbled), 0), "
        "count(*) FILTER (WHERE table_id IN ('BUD_X', 'FIN_X', 'X')) FROM document_table GROUP BY 1").fetchall()}
    attention = dict(con.execute("SELECT document_id, attention FROM v_document_attention").fetchall())
    partners: dict[str, str] = {}
    for t, n in con.execute("SELECT tables_document_id, narrative_document_id FROM pack_link").fetchall():
        partners[t], partners[n] = n, t
    out = []
    for e in manifest:
        chk = DocumentCheck(e)
        row = docs.get(e.sha256)
        if row is not None:
            _, chk.status, chk.reason, chk.kind, chk.fiscal_year, chk.department, chk.entity_level, ev, chk.copy_of = row
            chk.department = chk.department or ""
            chk.evidence = json.loads(ev) if ev else {}
            chk.pack_part = chk.evidence.get("pack_part", "")
            chk.tables = sorted({t for t, _ in tables.get(e.sha256, [])})
            chk.not_in_template = [t for t in not_named.get(e.sha256, []) if t not in chk.tables
                                   and t in CORE.get(e.kind, [])]
            chk.empty_tables = sorted({t for t, empty in tables.get(e.sha256, []) if empty})
            chk.partner = partners.get(e.sha256, "")
            chk.n_figures, chk.n_covered, chk.n_garbled, chk.unrecognised = figures.get(e.sha256, (0, 0, 0, 0))
            chk.attention = attention.get(e.sha256, "")
        out.append(chk)
    return out


def _recall(checks: list[DocumentCheck]) -> dict:
    """Core tables found / expected over table-bearing documents (a table printed empty counts)."""
    bearing = [c for c in checks if c.table_bearing and c.expected.kind in CORE and c.status == "loaded"]
    expected = sum(len(c.core_expected) for c in bearing)
    found = expected - sum(len(c.core_missing) for c in bearing)
    figures = sum(c.n_figures for c in checks if c.expected.kind in CORE)
    covered = sum(c.n_covered for c in checks if c.expected.kind in CORE)
    return {"documents": len(bearing), "core_expected": expected, "core_found": found,
            "core_recall": round(found / expected, 4) if expected else None,
            "figures": figures, "covered": covered, "garbled": sum(c.n_garbled for c in checks),
            "coverage": round(covered / figures, 4) if figures else None}


def summarise(checks: list[DocumentCheck]) -> dict:
    s: dict = {}
    for kind in ("budget", "final"):
        text = [c for c in checks if c.expected.kind == kind and c.expected.text_ok]
        if not text:
            continue
        bearing = [c for c in text if c.table_bearing]
        s[kind] = {
            "text_documents": len(text),
            "identified": sum(c.identified for c in text),
            "kind_ok": sum(c.kind_ok for c in text),
            "year_ok": sum(c.year_ok for c in text),
            "department_ok": sum(c.department_ok for c in text),
            "department_exact": sum(c.department_exact for c in text),
            "table_bearing": len(bearing),
            "core_tables_all_found": sum(not c.core_missing for c in bearing),
            "pack_linked": sum(bool(c.partner) for c in text),
            "evidence_filename": sum(str(c.evidence.get("department", "")).startswith("filename") or
                                     str(c.evidence.get("fiscal_year", "")).startswith("filename") for c in text),
            **_recall(text),
        }
    others = [c for c in checks if c.expected.kind not in ("budget", "final")]
    s["non_fiscal"] = {"documents": len(others),
                       "loaded_as_pack": [c.expected.file for c in others if c.status == "loaded"
                                          and c.kind in ("budget", "final")]}
    regions: dict[str, list[DocumentCheck]] = {}
    for c in checks:
        if c.expected.kind in CORE and c.expected.text_ok:
            regions.setdefault(c.expected.region or "?", []).append(c)
    s["regions"] = {r: {**_recall(cs), "identified": sum(c.identified for c in cs), "text_documents": len(cs)}
                    for r, cs in sorted(regions.items())}
    s["overall"] = _recall([c for c in checks if c.expected.kind in CORE and c.expected.text_ok])
    scanned = [c for c in checks if not c.expected.text_ok]
    s["scanned"] = [{"file": c.expected.file, "status": c.status, "reason": c.reason} for c in scanned]
    s["status"] = dict(Counter(c.status for c in checks))
    return s
