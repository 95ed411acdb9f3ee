"""Persist a check run: check_run + one check_result row per instance (with lineage), plus one
not_applicable / error row per (document, rule) that produced no instance."""
from __future__ import annotations

from datetime import datetime

import duckdb
import pandas as pd

from ..warehouse.connection import scalar
from ..warehouse.transaction import transaction
from .reconcile import INSTANCES


def store_run(con: duckdb.DuckDBPyConnection, run_id: str, started: datetime, trigger: str, ruleset: str,
              n_rules: int, outcomes: dict[int, str], extra: list[tuple], n_documents: int,
              docs_path: str | None) -> int:
    """extra: (document_id, rule_id, outcome, detail) rows for rules without instances."""
    verdicts = pd.DataFrame({"row_id": list(outcomes.keys()), "outcome": list(outcomes.values())},
                            columns=["row_id", "outcome"]).astype({"row_id": "int64", "outcome": "object"})
    others = pd.DataFrame(extra, columns=["document_id", "rule_id", "outcome", "detail"])
    with transaction(con, chk_verdict=verdicts, chk_other=others):
        con.execute(f"""
            INSERT INTO check_result (check_run_id, document_id, rule_id, outcome, location, expected, actual, diff,
                                      envelope, page, table_id, x0, top, x1, bottom, detail, checked_at, n_terms,
                                      comparison, excess)
            SELECT ?, i.document_id, i.rule_id, v.outcome, i.location, i.expected, i.actual, i.diff,
                   CAST(i.envelope AS DECIMAL(28, 6)), i.page, i.table_id, i.x0, i.top, i.x1, i.bottom, i.detail,
                   current_timestamp, i.n_terms, i.comparison, CAST(greatest(i.excess, 0) AS DECIMAL(28, 6))
            FROM {INSTANCES} i JOIN chk_verdict v ON v.row_id = i.row_id
            ORDER BY i.row_id""", [run_id])
        con.execute("""
            INSERT INTO check_result (check_run_id, document_id, rule_id, outcome, detail, checked_at)
            SELECT ?, document_id, rule_id, outcome, detail, current_timestamp FROM chk_other""", [run_id])
        n = scalar(con, "SELECT count(*) FROM check_result WHERE check_run_id = ?", [run_id])
        con.execute("""INSERT INTO check_run (check_run_id, started_at, finished_at, n_documents, n_results, ruleset,
                                              trigger, n_rules, docs_path)
                       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    [run_id, started, datetime.now(), n_documents, n, ruleset, trigger, n_rules, docs_path])
    return n
