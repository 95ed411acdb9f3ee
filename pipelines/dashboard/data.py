"""Read-only queries for the dashboard. Every query opens its own connection to the published
snapshot (warehouse.connection.connect_read) and closes it (marts and views live in the snapshot), so a nightly ingestion is never blocked
and the dashboard always sees the latest published data. Parameters are always bound, never
formatted into SQL.
"""
from __future__ import annotations

import pandas as pd

from ..settings import Settings
from ..warehouse.connection import connect_read

_settings: Settings | None = None


def configure(settings: Settings) -> None:
    """The settings the dashboard reads with; the app sets them once per run (its edge)."""
    global _settings
    _settings = settings


def settings() -> Settings:
    if _settings is None:
        raise RuntimeError("pipelines.dashboard.data: configure(settings) first (the app does)")
    return _settings


def query(sql: str, params: list | None = None) -> pd.DataFrame:
    con = connect_read(settings().warehouse)
    try:
        return con.execute(sql, params or []).df()
    finally:
        con.close()


def regions() -> list[str]:
    df = query("SELECT DISTINCT region FROM dim_department WHERE region IS NOT NULL AND region <> '' ORDER BY 1")
    return df["region"].tolist()


def departments(region: str | None = None) -> pd.DataFrame:
    """department_key, department (latest printed name), entity_level, region, years with data."""
    return query("""
        SELECT d.department_key, d.canonical_name AS department, d.entity_level, d.region,
               list(DISTINCT c.fiscal_year ORDER BY c.fiscal_year) AS years
        FROM dim_department d
        JOIN document c ON c.department_key = d.department_key AND c.is_current AND c.status = 'loaded'
        WHERE (? IS NULL OR d.region = ?)
        GROUP BY ALL ORDER BY d.canonical_name, d.department_key""", [region, region])


def years(department_key: int) -> list[int]:
    df = query("""SELECT DISTINCT fiscal_year FROM document WHERE department_key = ? AND is_current
                  AND status = 'loaded' AND fiscal_year IS NOT NULL ORDER BY 1 DESC""", [department_key])
    return [int(y) for y in df["fiscal_year"]]


def kinds(department_key: int, year: int) -> list[str]:
    df = query("""SELECT DISTINCT doc_kind FROM mart_account_year WHERE department_key = ? AND fiscal_year = ?
                  ORDER BY CASE doc_kind WHEN 'final' THEN 0 WHEN 'budget' THEN 1 ELSE 2 END""",
               [department_key, year])
    return df["doc_kind"].tolist()


# The tables analysts open first: 一般公共预算 and 支出 by function code (决算, 预算).
PREFERRED_TABLES = ("FIN_05", "BUD_05", "FIN_03", "BUD_03")


def table_order(table_id: str, n_coded: int = 1) -> tuple:
    pref = PREFERRED_TABLES.index(table_id) // 2 if table_id in PREFERRED_TABLES else len(PREFERRED_TABLES)
    return (pref, n_coded == 0, table_id)


def tables(department_key: int, year: int, kind: str) -> pd.DataFrame:
    """Tables of the department-year: the preferred ones first, then those with coded rows, then the rest."""
    df = query("""
        SELECT table_id, any_value(table_name) AS table_name,
               count(*) FILTER (WHERE account_scheme IN ('function', 'economic')) AS n_coded, count(*) AS n
        FROM mart_account_year WHERE department_key = ? AND fiscal_year = ? AND doc_kind = ?
        GROUP BY table_id""", [department_key, year, kind])
    keys = [table_order(t, n) for t, n in zip(df["table_id"], df["n_coded"])]
    return df.assign(_k=keys).sort_values("_k").drop(columns="_k").reset_index(drop=True)


def measures(department_key: int, year: int, kind: str, table_id: str) -> list[str]:
    df = query("""SELECT measure, count(*) AS n FROM mart_account_year WHERE department_key = ? AND fiscal_year = ?
                  AND doc_kind = ? AND table_id = ? GROUP BY measure
                  ORDER BY measure <> 'total', measure <> 'final', measure <> 'budget', n DESC, measure""",
               [department_key, year, kind, table_id])
    return df["measure"].tolist()


def yoy(department_key: int, year: int, kind: str, table_id: str, measure: str) -> pd.DataFrame:
    return query("""SELECT * FROM mart_yoy WHERE department_key = ? AND fiscal_year = ? AND doc_kind = ?
                    AND table_id = ? AND measure = ?
                    ORDER BY account_scheme, account_code, item_key""", [department_key, year, kind, table_id, measure])


def biggest_changes(department_key: int, year: int, kind: str, limit: int = 10) -> pd.DataFrame:
    """The coded accounts that changed most from year−1 to year, over every table and measure."""
    return query("""SELECT * FROM mart_yoy WHERE department_key = ? AND fiscal_year = ? AND doc_kind = ?
                    AND comparison = 'both' AND account_code <> '' AND change_wan <> 0
                    ORDER BY abs_change_wan DESC, table_id, account_code, measure LIMIT ?""",
                 [department_key, year, kind, limit])


def budget_pairs(department_key: int, year: int) -> list[str]:
    df = query("""SELECT pair_label, min(final_table) AS t, count(*) AS n FROM mart_budget_vs_final
                  WHERE department_key = ? AND fiscal_year = ? GROUP BY pair_label
                  ORDER BY t, pair_label""", [department_key, year])
    return df["pair_label"].tolist()


def budget_vs_final(department_key: int, year: int, pair_label: str) -> pd.DataFrame:
    return query("""SELECT * FROM mart_budget_vs_final WHERE department_key = ? AND fiscal_year = ?
                    AND pair_label = ? ORDER BY account_scheme, account_code, item_key""",
                 [department_key, year, pair_label])


def compare_accounts(year: int, kind: str, table_id: str, measure: str, region: str | None) -> pd.DataFrame:
    """Accounts printed by at least one department: item_key, code, the most common name, departments."""
    return query("""SELECT item_key, any_value(account_code) AS account_code, mode(account_name) AS account_name,
                           count(amount_wan) AS n_departments
                    FROM mart_account_compare WHERE fiscal_year = ? AND doc_kind = ? AND table_id = ? AND measure = ?
                    AND (? IS NULL OR region = ?)
                    GROUP BY item_key ORDER BY n_departments DESC, account_code, item_key""",
                 [year, kind, table_id, measure, region, region])


def compare(year: int, kind: str, table_id: str, measure: str, item_key: str, region: str | None) -> pd.DataFrame:
    return query("""SELECT * FROM mart_account_compare WHERE fiscal_year = ? AND doc_kind = ? AND table_id = ?
                    AND measure = ? AND item_key = ? AND (? IS NULL OR region = ?)
                    ORDER BY amount_wan DESC NULLS LAST, department""",
                 [year, kind, table_id, measure, item_key, region, region])


def compare_options(region: str | None) -> pd.DataFrame:
    """(fiscal_year, doc_kind, table_id, table_name, measure) combinations printed by ≥ 2 departments first."""
    return query("""SELECT fiscal_year, doc_kind, table_id, any_value(table_name) AS table_name, measure,
                           count(DISTINCT department_key) AS n_departments
                    FROM mart_account_year WHERE (? IS NULL OR region = ?) GROUP BY ALL
                    ORDER BY fiscal_year DESC, doc_kind, table_id, measure""", [region, region])


def dq_documents(region: str | None, department_key: int | None) -> pd.DataFrame:
    return query("""SELECT * FROM mart_dq_document WHERE (? IS NULL OR region = ?) AND (? IS NULL OR department_key = ?)
                    ORDER BY n_fail DESC, n_error DESC, n_rounding DESC, file_name""",
                 [region, region, department_key, department_key])


def dq_rules() -> pd.DataFrame:
    return query("""SELECT * FROM mart_dq_rule ORDER BY n_documents_failing DESC, n_fail DESC, rule_id""")


def dq_trend() -> pd.DataFrame:
    return query("SELECT * FROM mart_dq_trend ORDER BY run_at")


def dq_findings(region: str | None, department_key: int | None, outcomes: list[str]) -> pd.DataFrame:
    return query("""SELECT * FROM mart_dq_result WHERE outcome IN (SELECT unnest(?))
                    AND (? IS NULL OR region = ?) AND (? IS NULL OR department_key = ?)
                    ORDER BY outcome_rank, abs(diff) DESC NULLS LAST, file_name, page, rule_id""",
                 [outcomes, region, region, department_key, department_key])


def dq_alerts() -> list[tuple[str, str]]:
    """(level warning|info, text) for the quality view: a held-back snapshot (the publication gate),
    the latest run's rules not evaluated or in error, current documents whose rules erred or never ran."""
    from ..checks.gate import read_state

    out = []
    pub = read_state(settings().warehouse)
    if pub is not None and not pub.published:
        out.append(("warning", f"只读快照自 {pub.at} 起暂停更新（此处显示 {pub.published_at or '首次导入前'} 发布的数据）："
                               f"{pub.reason}"))
    cols = set(query("DESCRIBE ingest_run")["column_name"])
    if "checks" in cols:
        last = query("SELECT run_id, checks FROM ingest_run WHERE coalesce(checks, '') <> '' "
                     "ORDER BY started_at DESC LIMIT 1")
        if not last.empty and not str(last.iloc[0]["checks"]).startswith("rules evaluated"):
            out.append(("warning", f"最近一次导入 {last.iloc[0]['run_id']} 的规则检查：{last.iloc[0]['checks']}"))
    counts = query("""SELECT count(*) FILTER (WHERE s.document_id IS NULL) AS not_run,
                             count(*) FILTER (WHERE s.n_error > 0) AS erred
                      FROM document d LEFT JOIN v_check_summary s USING (document_id)
                      WHERE d.status = 'loaded' AND d.is_current""").iloc[0]
    if counts["erred"]:
        out.append(("warning", f"{int(counts['erred'])} 个文件的规则检查出错（结果为“错误”），其余规则照常判定；见下方各文件的“错误”列。"))
    if counts["not_run"]:
        out.append(("info", f"{int(counts['not_run'])} 个文件尚未运行规则检查（运行 `fiscal check`）。"))
    return out


def document(document_id: str) -> dict | None:
    df = query("""SELECT document_id, file_name, source_path, n_pages, department, fiscal_year, doc_kind
                  FROM document WHERE document_id = ?""", [document_id])
    return None if df.empty else df.iloc[0].to_dict()


def coverage_documents(region: str | None, department_key: int | None) -> pd.DataFrame:
    """Current budget/final documents: figures printed in their tables, how many became facts, and why a
    document needs attention (v_document_attention)."""
    return query("""
        SELECT d.document_id, d.file_name, d.department, d.fiscal_year, d.doc_kind,
               coalesce(sum(t.n_figures), 0) AS n_figures, coalesce(sum(t.n_covered), 0) AS n_covered,
               coalesce(sum(t.n_garbled), 0) AS n_garbled, d.coverage,
               count(t.table_id) FILTER (WHERE t.table_id IN ('BUD_X', 'FIN_X', 'X')) AS n_unrecognised,
               coalesce(any_value(a.attention), '') AS attention
        FROM document d
        LEFT JOIN document_table t USING (document_id)
        LEFT JOIN v_document_attention a USING (document_id)
        WHERE d.status = 'loaded' AND d.is_current AND d.doc_kind IN ('budget', 'final')
          AND (? IS NULL OR d.region = ?) AND (? IS NULL OR d.department_key = ?)
        GROUP BY ALL ORDER BY coalesce(any_value(a.attention), '') = '', d.coverage NULLS LAST, d.file_name""",
                 [region, region, department_key, department_key])


def unrecognised_tables(region: str | None, department_key: int | None) -> pd.DataFrame:
    """Tables with amounts the catalogue does not know (BUD_X / FIN_X): kept, left out of the rules."""
    return query("""
        SELECT d.document_id, d.file_name, t.table_id, t.title, t.page_start, t.page_end, t.n_facts
        FROM document_table t JOIN document d USING (document_id)
        WHERE d.is_current AND t.table_id IN ('BUD_X', 'FIN_X', 'X')
          AND (? IS NULL OR d.region = ?) AND (? IS NULL OR d.department_key = ?)
        ORDER BY d.file_name, t.table_seq""", [region, region, department_key, department_key])
