"""Packs in the warehouse: split packs joined by content, identity shared, renamed departments kept
as one, re-saved copies as one publication, and year series queryable."""
from __future__ import annotations

import json

import duckdb
import pytest

from pipelines.warehouse.load import load_document
from pipelines.warehouse.schema import ensure_schema

BJ_TABLES = "renwu/002_北京/政府办公厅_附件2：中共北京市委军民融合发展委员会办公室2026年度部门预算报表.pdf"
BJ_NARRATIVE = "renwu/002_北京/政府办公厅_附件1：中共北京市委军民融合发展委员会办公室2026年度部门预算情况说明.pdf"
JS = {2017: ("ae86jack-open-budget/江苏省委办公厅2017年部门预算.pdf", "ae86jack-open-budget/江苏省委办公厅2017年预算公开表格.pdf"),
      2018: ("ae86jack-open-budget/江苏省委办公厅2018年度部门预算公开文件.pdf",
             "ae86jack-open-budget/江苏省委办公厅2018年度部门预算公开表.pdf"),
      2019: ("ae86jack-open-budget/江苏省委办公厅2019年度部门预算公开文件.pdf",
             "ae86jack-open-budget/江苏省委办公厅2019年度部门预算公开表格.pdf")}
COPY = ("ae86jack-open-budget/2017年省检察院部门预算.pdf", "ae86jack-open-budget/2017年省检察院部门预算__rev9a2cbe1.pdf")
WANLI = ["tianbaoxitong/1770007475548-818404804.pdf", "GovBudgetChecker/上海市普陀区人民政府万里街道办事处24年预算.pdf",
         "GovBudgetChecker/上海市普陀区人民政府万里街道办事处25年预算.pdf"]
DEPT_VS_UNIT = ("GovBudgetChecker/unit_budget.pdf", "GovBudgetChecker/dept_budget.pdf")


@pytest.fixture(scope="module")
def loaded(parse_corpus, tmp_path_factory):
    con = duckdb.connect(str(tmp_path_factory.mktemp("packs") / "w.duckdb"))
    ensure_schema(con)
    # tables before narrative for 北京 (the join must not depend on the order), the reverse for 江苏
    order = [BJ_TABLES, BJ_NARRATIVE, *[p for y in sorted(JS) for p in JS[y]], *COPY, *WANLI, *DEPT_VS_UNIT]
    outcomes = {}
    for rel in order:
        doc = parse_corpus(rel)
        outcomes[rel] = load_document(con, doc, "test")
    yield con, outcomes
    con.close()


def _doc(con, rel, parse_corpus):
    did = parse_corpus(rel).document_id
    row = con.execute("SELECT department, department_key, fiscal_year, evidence, is_current, copy_of FROM document "
                      "WHERE document_id = ?", [did]).fetchone()
    return did, row[0], row[1], row[2], json.loads(row[3]), row[4], row[5]


@pytest.mark.corpus
def test_split_pack_joined_by_totals_and_year_taken_from_the_narrative(loaded, parse_corpus):
    con, outcomes = loaded
    tid, dept, key, year, ev, *_ = _doc(con, BJ_TABLES, parse_corpus)
    nid, ndept, nkey, *_ = _doc(con, BJ_NARRATIVE, parse_corpus)
    link = con.execute("SELECT method, n_matched, matched, identity_from FROM pack_link WHERE tables_document_id = ?",
                       [tid]).fetchone()
    assert link[0] == "totals_match" and link[1] >= 3 and link[3] == "narrative"
    assert ["9151.309668", "9151.31"] in json.loads(link[2])  # 收支总计, stated rounded in the narrative
    # the tables print no year: it came from the file name, and is now the narrative's, saying so
    assert year == 2026 and ev["fiscal_year"].startswith(f"pack partner {nid[:12]}: its narrative states")
    assert "(was: filename (last resort)" in ev["fiscal_year"]
    assert (dept, key) == (ndept, nkey) == ("中共北京市委军民融合发展委员会办公室", nkey)
    assert "pack partner" in outcomes[BJ_NARRATIVE][1]
    pack = con.execute("SELECT narrative_document_id, tables_document_id, method, fiscal_year FROM v_pack "
                       "WHERE pack_id = ?", [nid]).fetchone()
    assert pack == (nid, tid, "totals_match", 2026)


@pytest.mark.corpus
def test_renamed_department_is_one_identity_across_years(loaded, parse_corpus):
    con, _ = loaded
    keys = set()
    for year, (narr, tables) in JS.items():
        nid, ndept, nkey, nyear, *_ = _doc(con, narr, parse_corpus)
        tid, tdept, tkey, tyear, *_ = _doc(con, tables, parse_corpus)
        assert (nyear, tyear) == (year, year)
        assert ndept == "江苏省委办公厅" and tdept in ("中国共产党江苏省委员会办公厅", "中共江苏省委办公厅")
        keys |= {nkey, tkey}
        assert con.execute("SELECT count(*) FROM pack_link WHERE tables_document_id = ? AND narrative_document_id = ?",
                           [tid, nid]).fetchone()[0] == 1
    assert len(keys) == 1
    names = {r[0] for r in con.execute("SELECT name FROM dim_department_name WHERE department_key = ?",
                                       [keys.pop()]).fetchall()}
    assert names == {"江苏省委办公厅", "中国共产党江苏省委员会办公厅", "中共江苏省委办公厅"}
    series = con.execute("SELECT fiscal_year, n_packs FROM v_department_year WHERE canonical_name LIKE '%江苏省委办公厅%' "
                         "AND doc_kind = 'budget' ORDER BY 1").fetchall()
    assert series == [(2017, 1), (2018, 1), (2019, 1)]  # narrative + tables = one pack a year


@pytest.mark.corpus
def test_resaved_copy_is_one_publication(loaded, parse_corpus):
    con, outcomes = loaded
    orig, copy = (parse_corpus(r).document_id for r in COPY)
    assert outcomes[COPY[1]][0] == "copy"
    assert con.execute("SELECT is_current, copy_of FROM document WHERE document_id = ?", [copy]).fetchone() == (False, orig)
    assert con.execute("SELECT count(*) FROM v_pack WHERE pack_id IN (?, ?)", [orig, copy]).fetchone()[0] == 1


@pytest.mark.corpus
def test_street_office_budget_series(loaded):
    con, _ = loaded
    rows = con.execute("SELECT fiscal_year FROM v_department_year WHERE canonical_name = '上海市普陀区人民政府万里街道办事处' "
                       "ORDER BY 1").fetchall()
    assert [r[0] for r in rows] == [2023, 2024, 2025]


@pytest.mark.corpus
def test_unit_pack_is_its_own_entity_linked_to_the_department(loaded, parse_corpus):
    con, _ = loaded
    unit, dept = (parse_corpus(r).document_id for r in DEPT_VS_UNIT)
    rows = {r[0]: r[1:] for r in con.execute(
        "SELECT d.document_id, dd.department_key, dd.entity_level, dd.parent_key FROM document d "
        "JOIN dim_department dd USING (department_key) WHERE d.document_id IN (?, ?)", [unit, dept]).fetchall()}
    dkey, dlevel, _ = rows[dept]
    ukey, ulevel, uparent = rows[unit]
    assert (dlevel, ulevel) == ("department", "unit") and ukey != dkey
    assert uparent == dkey  # the unit pack was loaded first: linked when its department arrived
