"""The Excel workbook analysts here use: a 说明 sheet, a 文件 sheet listing every document, then one
sheet per standard table (FIN_xx / BUD_xx) laid out like the printed table: one row per department,
year and account, one column per printed column (合计, 基本支出, 项目支出 …) with Chinese headers.

Only the current documents' figures are in the table sheets (superseded revisions and duplicate
copies are listed on 文件). Amounts are in 万元 whatever unit the table printed, written from exact
decimals as 16 significant digits (exact for every amount below 10^10 万元); Excel shows 2 to 6
decimals. Amounts are numeric cells (a negative amount too); text from the documents (file names,
department names, printed labels) is always a text cell, never a formula (export_formats/cells.py).
"""
from __future__ import annotations

import re
from datetime import datetime
from decimal import Decimal
from pathlib import Path

import duckdb

from .atomic import replacing
from .cells import is_formula_like
from .labels import column, label, line_item_labels, measure

AMOUNT_FORMAT = "#,##0.00####"
KEY_COLUMNS = ["department", "region", "fiscal_year", "doc_kind", "account_scheme", "account_code", "line_item",
               "account_name"]
DOC_COLUMNS = ["document_id", "file", "department", "entity_level", "region", "fiscal_year", "doc_kind", "status",
               "reason", "is_current", "superseded_by", "copy_of", "n_pages", "unit_printed"]

FACTS_SQL = """
SELECT f.table_id, t.name AS table_name, d.department, d.region, f.fiscal_year, f.doc_kind, f.account_scheme,
       f.account_code, f.line_item, coalesce(f.account_name, '') AS account_name, f.measure, f.amount_wan,
       f.page, d.file_name, f.document_id, min(f.row_index) OVER (PARTITION BY f.document_id, f.table_seq,
       f.account_scheme, f.account_code, f.line_item, f.account_name) AS row_order
FROM fact_amount f
JOIN document d USING (document_id)
LEFT JOIN dim_table t USING (table_id)
WHERE d.is_current AND d.status = 'loaded'
ORDER BY f.table_id, d.department, f.fiscal_year, f.doc_kind, d.file_name, f.table_seq, row_order, f.col_index
"""

DOCS_SQL = """
SELECT document_id, file_name, coalesce(department, ''), coalesce(entity_level, ''), coalesce(region, ''),
       fiscal_year, doc_kind, status, coalesce(reason, ''), is_current, coalesce(superseded_by, ''),
       coalesce(copy_of, ''), n_pages, coalesce(unit_printed, '')
FROM document ORDER BY file_name, document_id
"""


def sheet_name(table_id: str, name: str | None, used: set[str]) -> str:
    """'FIN_05 一般公共预算财政拨款支出决算表' within Excel's 31 characters, without []:*?/\\."""
    base = re.sub(r"[\[\]:*?/\\]", "", f"{table_id} {name or ''}".strip())[:31]
    out, i = base, 2
    while out in used:
        out = f"{base[:28]}~{i}"
        i += 1
    used.add(out)
    return out


def _table_sheets(con: duckdb.DuckDBPyConnection) -> dict[str, dict]:
    """table_id -> {name, measures (in first-seen order), rows: {key: {measure: amount, page, file}}}."""
    tables: dict[str, dict] = {}
    cur = con.execute(FACTS_SQL)
    cols = [d[0] for d in cur.description]
    while batch := cur.fetchmany(20000):
        for values in batch:
            r = dict(zip(cols, values))
            t = tables.setdefault(r["table_id"], {"name": r["table_name"], "measures": [], "rows": {}})
            if r["measure"] not in t["measures"]:
                t["measures"].append(r["measure"])
            key = (r["document_id"],) + tuple(r[c] for c in KEY_COLUMNS)
            # the same row printed twice (a table repeated on two pages) is one row; a second printing
            # that disagrees gets a row of its own, so no printed figure is dropped or chosen
            n = 0
            while True:
                row = t["rows"].setdefault(key + (n,), {"page": r["page"], "file": r["file_name"], "values": {}})
                if row["values"].get(r["measure"], r["amount_wan"]) == r["amount_wan"]:
                    row["values"][r["measure"]] = r["amount_wan"]
                    break
                n += 1
    return tables


def export_excel(con: duckdb.DuckDBPyConnection, out: Path) -> dict[str, int]:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ERROR_CODES, ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Font

    wb = Workbook(write_only=True)
    bold = Font(bold=True)

    def header(ws, names):
        cells = []
        for n in names:
            c = WriteOnlyCell(ws, value=n)
            c.font = bold
            cells.append(c)
        ws.append(cells)

    def text(ws, v):
        """A string as a text cell: never a formula (=…), an error value (#N/A) or an illegal character."""
        if not isinstance(v, str):
            return v
        clean = ILLEGAL_CHARACTERS_RE.sub(lambda m: f"\\x{ord(m.group()):02x}", v)
        if not (is_formula_like(clean) or clean in ERROR_CODES):
            return clean
        c = WriteOnlyCell(ws, value=clean)
        c.data_type = "s"
        c.quotePrefix = True
        return c

    def row(ws, values):
        ws.append([text(ws, v) for v in values])

    def amount(ws, v):
        # openpyxl writes a Decimal as a number (openpyxl.compat.numbers.NUMERIC_TYPES); its stubs leave Decimal out
        c = WriteOnlyCell(ws, value=Decimal(v) if v is not None else None)  # type: ignore[arg-type]
        c.number_format = AMOUNT_FORMAT
        return c

    tables = _table_sheets(con)
    docs = con.execute(DOCS_SQL).fetchall()
    readme = wb.create_sheet("说明")
    for line in (["财政公开数据仓库导出"], ["导出时间", datetime.now().strftime("%Y-%m-%d %H:%M:%S")],
                 ["金额单位", "万元（原表以元或亿元列示的，已按原数折算为万元，未作舍入）"],
                 ["范围", "各表工作表只含现行版本文件的数据；全部文件（含被替代版本、重复副本、拒收文件）见“文件”工作表"],
                 ["空白", "原表空白单元格保持空白，不等于零"], ["文件数", len(docs)], ["表格数", len(tables)]):
        readme.append(line)
    ws = wb.create_sheet("文件")
    header(ws, [column(c) for c in DOC_COLUMNS])
    for d in docs:
        row(ws, [label("doc_kinds", v) if i == 6 else label("statuses", v) if i == 7 else
                 ("是" if v else "否") if i == 9 else v for i, v in enumerate(d)])
    counts = {"文件": len(docs)}
    used: set[str] = {"说明", "文件"}
    items = line_item_labels()
    for table_id in sorted(tables):
        t = tables[table_id]
        ws = wb.create_sheet(sheet_name(table_id, t["name"], used))
        header(ws, [column("department"), column("region"), column("fiscal_year"), column("doc_kind"),
                    column("account_scheme"), column("account_code"), "项目", column("account_name")]
               + [f"{measure(m)}（万元）" for m in t["measures"]] + [column("page"), column("file")])
        for key, printed in t["rows"].items():
            _doc, dept, region, year, kind, scheme, code, line_item, name, _n = key
            row(ws, [dept, region, year, label("doc_kinds", kind), label("account_schemes", scheme), code,
                     items.get(line_item, line_item), name]
                + [amount(ws, printed["values"].get(m)) for m in t["measures"]] + [printed["page"], printed["file"]])
        counts[table_id] = len(t["rows"])
    with replacing(out) as tmp:
        wb.save(tmp)
    return counts
