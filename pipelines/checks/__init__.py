"""Arithmetic-consistency rules, judged by great-expectations, stored with lineage.

The rules are data: sql/checks/rules.csv (rule_id, group, severity, applies_to, description,
basis) and one SQL reconciliation per rule, sql/checks/<rule_id>.sql, built on the views and macros
of sql/views/020_checks_*.sql. expectations/*.json are the great-expectations suites that judge the
reconciliation results. Adding a rule = a SQL file + a catalogue line.

API (for the CLI, the ingestion runner and the Dagster asset checks):

    from pipelines.checks import run_checks
    report = run_checks(con, document_ids)        # con: the writer connection (holds the lock)

    run_checks(con, document_ids, *, rules=None, trigger="api", docs_dir=None, related=False) -> CheckReport
        Evaluates every rule (or the given rule ids) on the given documents and stores one
        check_run row and its check_result rows (document, rule, outcome, location, expected,
        actual, diff, envelope, page, table_id, cell box, detail). Each (document, rule) gets at
        least one row: rules with nothing to compare, or written for the other pack kind, give
        `not_applicable`; a rule whose SQL fails gives `error` (the run goes on). A rule that fails
        on the data of some documents only (a value out of range) is run document by document, so
        only those get `error`; a document whose narrative or data cannot be prepared gets `error`
        on the rules that need them, with the message, and every other document is still judged.
        - related=True adds the same department's adjacent-year and same-year packs, whose
          cross-year / budget-final verdicts change when a partner document arrives;
        The checks only read: the 情况说明 statements (narrative_statement) were extracted by the
        parse stage and stored with their documents (pipelines/warehouse/statements.py);
        - docs_dir: build the GX Data Docs there (e.g. Settings.data_docs = data/reports/data_docs;
          pages are unstyled offline).
        Raises CatalogueError / SuiteError for a broken catalogue or suite (a programming error,
        not a data one). Never commits anything partial: the results of a run land in one
        transaction.

    CheckReport: check_run_id, document_ids, n_rules, counts {outcome: n}, failures
        [(document_id, rule_id, severity, location, diff, page)] (fail and error only), errors
        {rule_id: message}, document_errors {document_id: message}, error_rows [(document_id,
        rule_id, message)] (outcome error), docs_index, seconds; .blocking = failures of severity `parse`.

Outcomes: pass | rounding (inside the envelope (n + 1) × 0.005 万元 for n summed figures) | fail |
not_applicable | insufficient_data (a figure the rule needs is missing) | error.

Severity, for Dagster asset checks: `parse` rules test the extraction (a table read without
figures, one cell read with two values, a printed figure not read, an assumed unit, an unidentified
year or department): a failure should block downstream marts (AssetCheckSeverity.ERROR, blocking).
`source` rules find inconsistencies printed in the PDF itself: they warn (AssetCheckSeverity.WARN).
Read results with SQL (check_result JOIN dim_rule USING (rule_id), or the v_check_* views).
"""
from __future__ import annotations

from .catalogue import CatalogueError, Rule, rules
from .judge import SuiteError
from .runner import CheckReport, related_documents, run_checks

OUTCOMES = ("pass", "rounding", "fail", "not_applicable", "insufficient_data", "error")

__all__ = ["run_checks", "CheckReport", "CatalogueError", "SuiteError", "Rule", "rules", "related_documents",
           "OUTCOMES"]
