"""Narrative statements are extracted by the parse stage, stored by the load with their document
(pipelines/warehouse/statements.py), and only read by the checks."""
from __future__ import annotations

from decimal import Decimal

import duckdb
import pytest

from pipelines.checks import catalogue, run_checks
from pipelines.parse.document import parse_document
from pipelines.warehouse import statements
from pipelines.warehouse.load import load_document
from pipelines.warehouse.schema import ensure_schema

STATEMENT_COLUMNS = ", ".join(statements.COLUMNS)


@pytest.fixture(scope="module")
def parsed(packs):
    return parse_document(packs["shifan_jtysj_2024_final"])


def _warehouse(tmp_path):
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    ensure_schema(con)
    return con


def test_the_parse_stage_extracts_the_statements(parsed):
    assert parsed.narrative_error == "" and len(parsed.statements) > 20
    assert "narrative_s" in parsed.timings
    functions = [s for s in parsed.statements if s.topic == "function" and s.measure == "amount"]
    assert functions and all(s.account_code for s in functions)  # resolved against the pack's own tables


def test_the_load_stores_them_and_the_checks_only_read_them(parsed, tmp_path):
    con = _warehouse(tmp_path)
    assert load_document(con, parsed, "test")[0] == "loaded"
    stored = con.execute(f"SELECT {STATEMENT_COLUMNS} FROM narrative_statement ORDER BY stmt_seq").fetchall()
    assert len(stored) == len(parsed.statements)
    first = parsed.statements[0]
    assert stored[0][:3] == (parsed.document_id, first.stmt_seq, first.clause_id)
    assert stored[0][10] == (None if first.value is None else first.value.quantize(Decimal("0.000001")))
    # what the load stored is what the warehouse's own text gives (the same extraction)
    assert [s.value_text for s in statements.extract_stored(con, parsed.document_id)] == [r[11] for r in stored]
    report = run_checks(con, [parsed.document_id], trigger="test")
    assert report.document_errors == {}
    after = con.execute(f"SELECT {STATEMENT_COLUMNS} FROM narrative_statement ORDER BY stmt_seq").fetchall()
    assert after == stored
    narrative = {r[0] for r in con.execute("SELECT rule_id FROM check_result c JOIN dim_rule USING (rule_id) "
                                           "WHERE rule_group = 'narrative' AND outcome IN ('pass', 'rounding')").fetchall()}
    assert len(narrative) >= 5  # the rules judged the stored statements


def test_an_extractor_failure_is_recorded_and_its_rules_err(packs, tmp_path, monkeypatch):
    import pipelines.narrative.statements as narrative_statements

    def broken(pages, department):
        raise RuntimeError("cannot read this narrative")

    monkeypatch.setattr(narrative_statements, "extract", broken)
    doc = parse_document(packs["shifan_jtysj_2024_final"])
    assert doc.statements == [] and doc.facts
    assert doc.narrative_error == "narrative statements not extracted: RuntimeError: cannot read this narrative"
    con = _warehouse(tmp_path)
    assert load_document(con, doc, "test")[0] == "loaded"  # its tables are kept
    assert con.execute("SELECT narrative_error, n_facts > 0 FROM document").fetchall() == [(doc.narrative_error, True)]
    assert con.execute("SELECT count(*) FROM narrative_statement").fetchall() == [(0,)]
    report = run_checks(con, [doc.document_id], trigger="test")
    assert report.document_errors == {doc.document_id: doc.narrative_error}
    reads_narrative = {r.rule_id for r in catalogue.rules() if r.group == "narrative" and r.applies("final")}
    erred = {r[0] for r in con.execute("SELECT rule_id FROM check_result WHERE outcome = 'error' AND detail = ?",
                                       [doc.narrative_error]).fetchall()}
    assert reads_narrative <= erred
    judged = con.execute("SELECT count(*) FROM check_result WHERE outcome IN ('pass', 'rounding', 'fail')").fetchone()[0]
    assert judged > 20  # the table rules still judged


def test_refresh_extracts_again_from_what_the_warehouse_holds(parsed, tmp_path):
    """After a pack partner changed a document (packs/link.py may change its department, whose name is
    left out of subjects) the load extracts its statements again from the warehouse's own rows."""
    con = _warehouse(tmp_path)
    load_document(con, parsed, "test")
    first = parsed.statements[0]
    page_text = con.execute("SELECT text FROM document_page WHERE document_id = ? AND page = ?",
                            [parsed.document_id, first.page]).fetchall()[0][0]
    assert first.value_text in page_text
    con.execute("UPDATE document_page SET text = replace(text, ?, ?) WHERE document_id = ? AND page = ?",
                [first.value_text, "1,111.11万元", parsed.document_id, first.page])
    statements.refresh(con, parsed.document_id)
    rows = con.execute("SELECT value_text, value FROM narrative_statement WHERE stmt_seq = ?",
                       [first.stmt_seq]).fetchall()
    assert rows == [("1,111.11万元", Decimal("1111.110000"))]
    assert con.execute("SELECT count(*) FROM narrative_statement").fetchall() == [(len(parsed.statements),)]
    assert con.execute("SELECT narrative_error FROM document").fetchall() == [(None,)]
