"""Semantics of the analyst marts on a hand-made warehouse: every case has its own rows so the
expected answer is visible in the test (duplicates, contradictions, new/dropped accounts, blanks,
zero bases, budget vs final pairing, ranks and shares)."""
from decimal import Decimal

import duckdb
import pytest

from pipelines.warehouse.schema import ensure_schema

D = Decimal


def add_doc(con, doc_id, dept_key, dept, year, kind, region="示范市", current=True, status="loaded"):
    con.execute("INSERT INTO dim_department (department_key, canonical_name, name_key, region, entity_level) "
                "VALUES (?, ?, ?, ?, 'department') ON CONFLICT DO NOTHING", [dept_key, dept, dept, region])
    con.execute("INSERT INTO document (document_id, file_name, source_path, doc_kind, department_key, department, "
                "region, fiscal_year, parser_version, status, is_current) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 't', ?, ?)",
                [doc_id, f"{doc_id}.pdf", f"/x/{doc_id}.pdf", kind, dept_key, dept, region, year, status, current])


def add_fact(con, doc_id, table_id, code, measure, amount, page=3, name=None, line_item="", scheme=None):
    dkey, year, kind = con.execute("SELECT department_key, fiscal_year, doc_kind FROM document WHERE document_id = ?",
                                   [doc_id]).fetchone()
    scheme = scheme or ("function" if code else "line")
    con.execute("INSERT INTO fact_amount (document_id, table_seq, table_id, department_key, fiscal_year, doc_kind, "
                "account_scheme, account_code, line_item, account_name, measure, amount_wan, amount_text, "
                "amount_printed, unit_printed, page, x0, top, x1, bottom, row_index, col_index) "
                "VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS DECIMAL(28, 6)), ?, ?, '万元', ?, 10, 20, 30, 40, 1, 1)",
                [doc_id, table_id, dkey, year, kind, scheme, code, line_item, name or code, measure, amount, amount,
                 amount, page])


@pytest.fixture()
def con():
    c = duckdb.connect()
    ensure_schema(c)
    add_doc(c, "a22", 1, "甲局", 2022, "final")
    add_doc(c, "a23", 1, "甲局", 2023, "final")
    add_doc(c, "a23old", 1, "甲局", 2023, "final", current=False)       # superseded revision: ignored
    add_doc(c, "a23b", 1, "甲局", 2023, "budget")
    add_doc(c, "b23", 2, "乙局", 2023, "final")
    add_doc(c, "c23", 3, "丙局", 2023, "final", region="别市")
    for code, amount in [("208", "100.00"), ("20805", "100.00"), ("210", "0.00"), ("221", "50.00")]:
        add_fact(c, "a22", "FIN_05", code, "total", amount)
    for code, amount in [("208", "120.50"), ("20805", "120.50"), ("210", "30.00"), ("213", "7.00")]:
        add_fact(c, "a23", "FIN_05", code, "total", amount)
    add_fact(c, "a23", "FIN_05", "208", "total", "120.50", page=9)     # the same figure printed twice
    add_fact(c, "a23", "FIN_03", "208", "total", "120.50")             # FIN_03 has no 2022 table
    add_fact(c, "a23old", "FIN_05", "208", "total", "999.00")
    add_fact(c, "a23", "FIN_05", "", "total", "157.50", name="合计", line_item="total")
    add_fact(c, "a22", "FIN_05", "", "total", "150.00", name="合计", line_item="total")
    add_fact(c, "a23", "FIN_06", "30101", "final", "11.00", scheme="economic")
    add_fact(c, "a23", "FIN_06", "30101", "final", "12.00", scheme="economic", page=7)   # contradicting printings
    add_fact(c, "a22", "FIN_06", "30101", "final", "10.00", scheme="economic")
    for code, amount in [("208", "110.00"), ("210", "40.00"), ("212", "5.00")]:
        add_fact(c, "a23b", "BUD_05", code, "total", amount)
    add_fact(c, "a23b", "BUD_06", "30101", "total", "10.00", scheme="economic")
    add_fact(c, "b23", "FIN_05", "208", "total", "79.50")
    add_fact(c, "c23", "FIN_05", "208", "total", "0.00")
    return c


def rows(con, sql, *params):
    cur = con.execute(sql, list(params))
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, r)) for r in cur.fetchall()]


def yoy(con, table="FIN_05"):
    return {r["item_key"]: r for r in rows(con, "SELECT * FROM mart_yoy WHERE department_key = 1 AND fiscal_year = 2023 "
                                                "AND doc_kind = 'final' AND table_id = ?", table)}


def test_yoy_both_years(con):
    r = yoy(con)["208"]
    assert (r["prior_amount_wan"], r["amount_wan"], r["change_wan"], r["change_pct"], r["comparison"]) == \
        (D("100.00"), D("120.50"), D("20.50"), D("20.50"), "both")
    assert (r["document_id"], r["prior_document_id"], r["page"], r["prior_page"]) == ("a23", "a22", 3, 3)
    assert r["account_level"] == 1 and r["parent_code"] is None
    assert yoy(con)["20805"]["parent_code"] == "208"


def test_yoy_line_item_rows_key_on_their_line_item(con):
    r = yoy(con)["total"]
    assert (r["change_wan"], r["change_pct"]) == (D("7.50"), D("5.00"))


def test_yoy_zero_base_has_no_percentage(con):
    r = yoy(con)["210"]
    assert (r["change_wan"], r["change_pct"], r["comparison"]) == (D("30.00"), None, "both")


def test_yoy_new_and_dropped_accounts_are_not_zero(con):
    y = yoy(con)
    assert (y["213"]["comparison"], y["213"]["prior_amount_wan"], y["213"]["change_wan"]) == ("new", None, None)
    assert (y["221"]["comparison"], y["221"]["amount_wan"], y["221"]["prior_amount_wan"], y["221"]["change_wan"]) == \
        ("dropped", None, D("50.00"), None)
    assert y["221"]["prior_document_id"] == "a22"


def test_yoy_without_a_prior_table(con):
    assert yoy(con, "FIN_03")["208"]["comparison"] == "no_prior_table"


def test_superseded_revision_is_ignored_and_repeats_collapse(con):
    r = rows(con, "SELECT * FROM mart_account_year WHERE department_key = 1 AND fiscal_year = 2023 AND doc_kind = 'final' "
                  "AND table_id = 'FIN_05' AND item_key = '208'")
    assert len(r) == 1
    assert (r[0]["amount_wan"], r[0]["n_printed"], r[0]["n_values"], r[0]["page"]) == (D("120.50"), 2, 1, 3)


def test_contradicting_printings_give_no_amount(con):
    r = yoy(con, "FIN_06")["30101"]
    assert (r["amount_wan"], r["n_values"], r["values_printed"], r["change_wan"]) == (None, 2, "11.00 / 12.00", None)


def test_budget_vs_final(con):
    bf = {(r["final_table"], r["item_key"]): r for r in rows(con, "SELECT * FROM mart_budget_vs_final WHERE department_key = 1")}
    r = bf[("FIN_05", "208")]
    assert (r["budget_wan"], r["final_wan"], r["diff_wan"], r["execution_rate_pct"], r["status"]) == \
        (D("110.00"), D("120.50"), D("10.50"), D("109.55"), "both")
    assert (r["budget_document_id"], r["final_document_id"]) == ("a23b", "a23")
    assert (bf[("FIN_05", "210")]["execution_rate_pct"], bf[("FIN_05", "212")]["status"],
            bf[("FIN_05", "213")]["status"]) == (D("75.00"), "budget_only", "final_only")
    # FIN_06 prints 决算数 per economic code, BUD_06 合计: paired; the contradicting final stays NULL
    assert (bf[("FIN_06", "30101")]["budget_wan"], bf[("FIN_06", "30101")]["final_wan"]) == (D("10.00"), None)
    # departments without both kinds in a year are not compared
    assert rows(con, "SELECT * FROM mart_budget_vs_final WHERE department_key = 2") == []


def test_compare_ranks_and_shares(con):
    c = rows(con, "SELECT * FROM mart_account_compare WHERE fiscal_year = 2023 AND doc_kind = 'final' "
                  "AND table_id = 'FIN_05' AND item_key = '208' AND measure = 'total' ORDER BY rank_desc")
    assert [(r["department"], r["amount_wan"], r["rank_desc"], r["n_departments"], r["total_wan"], r["share_pct"])
            for r in c] == [("甲局", D("120.50"), 1, 3, D("200.00"), D("60.25")),
                            ("乙局", D("79.50"), 2, 3, D("200.00"), D("39.75")),
                            ("丙局", D("0.00"), 3, 3, D("200.00"), D("0.00"))]
