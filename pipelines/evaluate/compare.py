"""What the warehouse holds for each manifest document, compared with the manifest."""
from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field

import duckdb

from .. import catalogue
from ..warehouse.identity import group_key
from .manifest import Expected

CORE = {"budget": [f"BUD_0{i}" for i in range(1, 6)], "final": [f"FIN_0{i}" for i in range(1, 10)]}
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
        return [t for t in CORE.get(self.expected.kind, []) if t not in self.tables and t not in self.not_in_template]


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
        out.append(chk)
    return out


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
        }
    scanned = [c for c in checks if not c.expected.text_ok]
    s["scanned"] = [{"file": c.expected.file, "status": c.status, "reason": c.reason} for c in scanned]
    s["status"] = dict(Counter(c.status for c in checks))
    return s
