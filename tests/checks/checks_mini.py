"""A small hand-made warehouse: a document, its table list, its facts and page texts, inserted
directly, so a rule's arithmetic can be pinned figure by figure."""
from __future__ import annotations

import hashlib
from decimal import Decimal

import duckdb

from pipelines.warehouse import statements
from pipelines.warehouse.schema import ensure_schema


class MiniWarehouse:
    def __init__(self, path):
        self.con = duckdb.connect(str(path))
        ensure_schema(self.con)

    def document(self, name: str, facts=(), kind: str = "final", year: int = 2024, department: str = "示范市测试局",
                 pages: dict[int, str] | None = None, tables: dict[str, bool] | None = None,
                 department_key: int = 1, is_current: bool = True) -> str:
        """facts: (table_id, code or line item, measure, amount text in 万元[, page[, entity]]); tables: extra
        {table_id: is_empty} entries (tables with facts are present automatically)."""
        doc_id = hashlib.sha256(name.encode()).hexdigest()
        self.con.execute(
            "INSERT INTO document (document_id, file_name, doc_kind, department_key, department, entity_level, "
            "fiscal_year, parser_version, status, is_current) VALUES (?, ?, ?, ?, ?, 'department', ?, 'test', 'loaded', ?)",
            [doc_id, name, kind, department_key, department, year, is_current])
        present = dict(tables or {})
        for i, f in enumerate(facts):
            table_id, key, measure, text = f[:4]
            page = f[4] if len(f) > 4 else 1
            entity = f[5] if len(f) > 5 else ""
            present.setdefault(table_id, False)
            code = key if key.isdigit() else ""
            scheme = ("economic" if key[0] in "35" else "function") if code else "line"
            self.con.execute(
                "INSERT INTO fact_amount (document_id, table_seq, table_id, department_key, fiscal_year, doc_kind, "
                "account_scheme, account_code, line_item, account_name, measure, amount_wan, amount_text, "
                "amount_printed, unit_printed, page, x0, top, x1, bottom, row_index, col_index, side, header, entity) "
                "VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '万元', ?, 1, 1, 2, 2, ?, 0, '', '', ?)",
                [doc_id, table_id, department_key, year, kind, scheme, code, "" if code else key, key, measure,
                 Decimal(text), text, text, page, i, entity])
        for seq, (table_id, empty) in enumerate(sorted(present.items()), start=1):
            pages_of = [f[4] if len(f) > 4 else 1 for f in facts if f[0] == table_id] or [1]
            self.con.execute(
                "INSERT INTO document_table (document_id, table_seq, table_id, unit_printed, unit_source, page_start, "
                "page_end, is_empty, n_facts) VALUES (?, ?, ?, '万元', 'printed', ?, ?, ?, ?)",
                [doc_id, seq, table_id, min(pages_of), max(pages_of), empty, len(pages_of) if not empty else 0])
        for page, text in (pages or {}).items():
            self.con.execute("INSERT INTO document_page VALUES (?, ?, ?)", [doc_id, page, text])
        statements.refresh(self.con, doc_id)  # as the load stage stores them (the checks only read)
        return doc_id

    def outcomes(self, run_id: str, rule_id: str, document_id: str | None = None) -> list[tuple]:
        """(outcome, location, expected, actual, envelope) of one rule in one run, by location."""
        q = ("SELECT outcome, location, expected, actual, envelope FROM check_result WHERE check_run_id = ? "
             "AND rule_id = ?" + (" AND document_id = ?" if document_id else "") + " ORDER BY location")
        return self.con.execute(q, [run_id, rule_id] + ([document_id] if document_id else [])).fetchall()
