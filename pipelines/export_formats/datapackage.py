"""A Fiscal Data Package (frictionless datapackage.json, profile fiscal-data-package) describing the
canonical export: facts.csv and documents.csv with their fields and column types, and the code
hierarchies of the two account classifications as resources of their own:
function_accounts.csv (类 3 digits -> 款 5 -> 项 7) and economic_accounts.csv (类 3 -> 款 5),
each code with its level, parent and the name printed in the latest year that printed it.
"""
from __future__ import annotations

import csv
import json
from pathlib import Path

import duckdb
import yaml

from .. import catalogue
from ..textutil.normalize import strip_ordinal
from ..version import PARSER_VERSION
from . import canonical
from .atomic import replacing
from .cells import neutralize
from .labels import column

HIERARCHY_SQL = """
WITH names AS (
    SELECT account_scheme, account_code AS code, account_name AS name, fiscal_year,
           count(DISTINCT document_id) AS n
    FROM fact_amount WHERE account_code <> '' AND account_name IS NOT NULL AND account_name <> ''
    GROUP BY ALL
),
best AS (
    SELECT account_scheme, code, name FROM names
    QUALIFY row_number() OVER (PARTITION BY account_scheme, code ORDER BY fiscal_year DESC, n DESC, name) = 1
),
codes AS (
    SELECT 'function' AS account_scheme, code, level, parent_code, class_code, NULL AS economic_scheme
    FROM dim_function_account
    UNION ALL
    SELECT 'economic', code, level, parent_code, class_code, scheme FROM dim_economic_account
)
SELECT c.account_scheme, c.code, b.name, c.level, c.parent_code, c.class_code, c.economic_scheme
FROM codes c LEFT JOIN best b USING (account_scheme, code)
ORDER BY c.account_scheme, c.code
"""

LEVEL_NAMES = {1: "类", 2: "款", 3: "项"}

# facts.csv / documents.csv fields: (name, frictionless type, FDP columnType or None, description)
FACT_FIELDS = [
    ("document_id", "string", None, "SHA-256 of the source PDF's bytes (documents.csv)"),
    ("department", "string", "administrative-classification:generic:level1:label", "部门（单位）名称, as printed"),
    ("fiscal_year", "integer", "date:fiscal-year", "the year the figures are for"),
    ("doc_kind", "string", "phase:id", "final (决算, executed) | budget (预算, approved)"),
    ("table_id", "string", None, "canonical table id (FIN_01..FIN_10, BUD_01..)"),
    ("account_scheme", "string", None, "function (功能分类) | economic (经济分类) | line (summary line)"),
    ("account_code", "string", None, "政府收支分类科目 code, digits; see function_accounts / economic_accounts"),
    ("line_item", "string", None, "canonical line id of summary-table rows"),
    ("account_name", "string", None, "the row label as printed"),
    ("measure", "string", "value-kind:code", "canonical measure (column) name"),
    ("amount_wan", "number", "value", "amount in 万元, exact decimal as printed (converted when printed in 元/亿元)"),
    ("unit_printed", "string", None, "unit printed on the table (万元, 元, 亿元)"),
    ("page", "integer", None, "1-based page of the source PDF"),
    ("table_seq", "integer", None, "table sequence number within the document"),
    ("x0", "number", None, "cell box, PDF points from the page's top-left corner"),
    ("top", "number", None, "cell box"),
    ("x1", "number", None, "cell box"),
    ("bottom", "number", None, "cell box"),
    ("is_current", "boolean", None, "false for superseded revisions and duplicate copies"),
]
DOCUMENT_TYPES = {"fiscal_year": "integer", "n_pages": "integer", "is_current": "boolean", "published_date": "date"}
HIERARCHY_FIELDS = [("code", "string"), ("name", "string"), ("level", "integer"), ("level_name", "string"),
                    ("parent_code", "string"), ("class_code", "string")]


def _fields(spec):
    out = []
    for name, typ, ctype, desc in spec:
        f = {"name": name, "title": column(name), "type": typ, "description": desc}
        if typ == "boolean":
            f.update(trueValues=["true"], falseValues=["false"])
        if ctype:
            f["columnType"] = ctype
        out.append(f)
    return out


def _class_names(file: str) -> dict[str, str]:
    """类 code -> its current name, from the catalogue (for 类 no table printed a name for)."""
    data = yaml.safe_load((catalogue.HERE / file).read_text(encoding="utf-8")) or {}
    return {str(code): names[0] for code, names in data.items() if names}


def write_hierarchies(con: duckdb.DuckDBPyConnection, out_dir: Path) -> dict[str, int]:
    class_names = {scheme: _class_names(f"{scheme}_classes.yaml") for scheme in ("function", "economic")}
    rows = con.execute(HIERARCHY_SQL).fetchall()
    counts = {}
    for scheme, fname in (("function", "function_accounts.csv"), ("economic", "economic_accounts.csv")):
        header = [f for f, _ in HIERARCHY_FIELDS] + (["scheme"] if scheme == "economic" else [])
        n = 0
        with replacing(out_dir / fname) as tmp, open(tmp, "w", encoding="utf-8", newline="") as fh:
            w = csv.writer(fh)
            w.writerow(header)
            for sch, code, name, level, parent, klass, eco in rows:
                if sch != scheme:
                    continue
                name = strip_ordinal(name) if name else class_names[scheme].get(code, "")
                w.writerow([neutralize(code), neutralize(name), level, LEVEL_NAMES.get(level, ""),
                            neutralize(parent or ""), neutralize(klass)] + ([eco] if scheme == "economic" else []))
                n += 1
        counts[fname] = n
    return counts


def _hierarchy_resource(name: str, path: str, title: str, extra: list[dict]) -> dict:
    fields = [{"name": f, "title": column(f) if f in ("account_code",) else f, "type": t} for f, t in HIERARCHY_FIELDS]
    for f in fields:
        f["title"] = {"code": "科目编码", "name": "科目名称", "level": "级次", "level_name": "级次名称",
                      "parent_code": "上级科目编码", "class_code": "类级科目编码"}[f["name"]]
    return {"name": name, "title": title, "path": path, "format": "csv", "mediatype": "text/csv",
            "encoding": "utf-8", "profile": "tabular-data-resource",
            "schema": {"fields": fields + extra, "primaryKey": ["code"],
                       "foreignKeys": [{"fields": ["parent_code"], "reference": {"resource": "", "fields": ["code"]}}]}}


def descriptor(counts: dict[str, int]) -> dict:
    doc_fields: list[dict[str, object]] = [{"name": c, "title": column(c), "type": DOCUMENT_TYPES.get(c, "string")}
                  for c in canonical.DOCUMENT_COLUMNS + canonical.DOCUMENT_EXTRA]
    for f in doc_fields:
        if f["type"] == "boolean":
            f.update(trueValues=["true"], falseValues=["false"])
    facts = {
        "name": "facts", "title": "财政公开表格金额（每个印刷金额一行）", "path": "facts.csv", "format": "csv",
        "mediatype": "text/csv", "encoding": "utf-8", "profile": "tabular-data-resource",
        "schema": {"fields": _fields(FACT_FIELDS), "missingValues": [""],
                   "foreignKeys": [{"fields": ["document_id"],
                                    "reference": {"resource": "documents", "fields": ["document_id"]}}]},
    }
    return {
        "profile": "fiscal-data-package",
        "name": "fiscal-disclosures-cn",
        "title": "部门决算／部门预算公开表格数据",
        "description": "Every amount printed in the standard tables of Chinese government departments' final-accounts "
                       "(部门决算) and budget (部门预算) disclosures, with the page and cell it was read from.",
        "version": PARSER_VERSION,
        "countryCode": "CN",
        "currency": "CNY",
        "fiscalPeriod": {"type": "year"},
        "resources": [
            facts,
            {"name": "documents", "title": "文件", "path": "documents.csv", "format": "csv", "mediatype": "text/csv",
             "encoding": "utf-8", "profile": "tabular-data-resource",
             "schema": {"fields": doc_fields, "primaryKey": ["document_id"], "missingValues": [""]}},
            _hierarchy_resource("function-accounts", "function_accounts.csv",
                                "支出功能分类科目（类 3 位 → 款 5 位 → 项 7 位）", []),
            _hierarchy_resource("economic-accounts", "economic_accounts.csv",
                                "支出经济分类科目（类 3 位 → 款 5 位）",
                                [{"name": "scheme", "title": "口径", "type": "string",
                                  "description": "department (部门预算支出经济分类 30x) | government (政府预算 50x)"}]),
        ],
        # FDP 0.3 logical model: the measure and the dimensions with their hierarchies
        "model": {
            "measures": {"amount": {"source": "amount_wan", "currency": "CNY", "factor": 10000,
                                    "title": "金额（万元）"}},
            "dimensions": {
                "department": {"dimensionType": "entity", "primaryKey": ["department"],
                               "attributes": {"department": {"source": "department"}}},
                "fiscal_year": {"dimensionType": "datetime", "primaryKey": ["fiscal_year"],
                                "attributes": {"year": {"source": "fiscal_year"}}},
                "phase": {"dimensionType": "classification", "primaryKey": ["doc_kind"],
                          "attributes": {"doc_kind": {"source": "doc_kind"}}},
                "table": {"dimensionType": "other", "primaryKey": ["table_id"],
                          "attributes": {"table_id": {"source": "table_id"}}},
                "account": {"dimensionType": "classification", "primaryKey": ["account_scheme", "account_code",
                                                                              "line_item"],
                            "attributes": {"account_scheme": {"source": "account_scheme"},
                                           "account_code": {"source": "account_code",
                                                            "hierarchy": ["function-accounts", "economic-accounts"]},
                                           "line_item": {"source": "line_item"},
                                           "account_name": {"source": "account_name", "labelfor": "account_code"}}},
                "measure": {"dimensionType": "other", "primaryKey": ["measure"],
                            "attributes": {"measure": {"source": "measure"}}},
            },
        },
        "counts": counts,
    }


def export_datapackage(con: duckdb.DuckDBPyConnection, out_dir: Path, counts: dict[str, int] | None = None) -> dict:
    """Write the code hierarchies and datapackage.json into out_dir (beside facts.csv / documents.csv).
    Returns the hierarchy files' row counts."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = write_hierarchies(con, out_dir)
    desc = descriptor({**(counts or {}), **written})
    with replacing(out_dir / "datapackage.json") as tmp:
        tmp.write_text(json.dumps(desc, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return written
