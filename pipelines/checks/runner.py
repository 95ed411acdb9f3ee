"""One check run: scope -> reconciliations -> GX verdicts -> check_result (it only reads the documents)."""
from __future__ import annotations

import hashlib
import time
import uuid
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import NamedTuple

import duckdb

from ..warehouse.connection import scalar
from . import catalogue, judge, reconcile, store
from .catalogue import Rule


class Failure(NamedTuple):
    document_id: str
    rule_id: str
    severity: str
    location: str | None
    diff: object
    page: int | None


class ErrorRow(NamedTuple):
    document_id: str
    rule_id: str
    message: str | None


@dataclass
class CheckReport:
    check_run_id: str
    document_ids: list[str]
    n_rules: int
    counts: dict[str, int] = field(default_factory=dict)  # outcome -> results
    failures: list[Failure] = field(default_factory=list)  # outcome fail or error
    errors: dict[str, str] = field(default_factory=dict)  # rule_id -> message (the rule erred on some document)
    document_errors: dict[str, str] = field(default_factory=dict)  # document_id -> why its rules erred
    error_rows: list[ErrorRow] = field(default_factory=list)  # outcome error, with the message
    docs_index: Path | None = None
    seconds: float = 0.0

    @property
    def blocking(self) -> list[Failure]:
        """Failures of parse-integrity rules: the extraction is wrong, downstream marts should wait."""
        return [f for f in self.failures if f.severity == "parse"]


def ruleset_version(rules: tuple[Rule, ...]) -> str:
    h = hashlib.sha256()
    for r in rules:
        h.update(r.rule_id.encode())
        h.update(r.sql.encode("utf-8"))
    h.update(catalogue.CATALOGUE.read_bytes())
    for p in sorted(judge.SUITES_DIR.glob("*.json")):
        h.update(p.read_bytes())
    return "rules-" + h.hexdigest()[:12]


def related_documents(con: duckdb.DuckDBPyConnection, document_ids: list[str]) -> list[str]:
    """Current documents whose cross-year / budget-final rules pair with the given ones (same
    department, adjacent or same year): their verdicts change when a partner is loaded."""
    if not document_ids:
        return []
    marks = ", ".join("?" for _ in document_ids)
    return [r[0] for r in con.execute(f"""
        SELECT DISTINCT o.document_id
        FROM document d JOIN document o ON o.department_key = d.department_key AND o.is_current
             AND o.status = 'loaded' AND abs(o.fiscal_year - d.fiscal_year) <= 1
        WHERE d.document_id IN ({marks}) AND o.document_id NOT IN ({marks})""",
        document_ids + document_ids).fetchall()]


def _set_scope(con: duckdb.DuckDBPyConnection, document_ids: list[str]) -> dict[str, str]:
    """Fill check_scope with the loaded documents among document_ids (targets) and their partner
    documents (read by cross-year / budget-final rules, not checked); returns target id -> kind."""
    con.execute("DELETE FROM check_scope")
    if not document_ids:
        return {}
    marks = ", ".join("?" for _ in document_ids)
    rows = con.execute(f"SELECT document_id, doc_kind FROM document WHERE status = 'loaded' "
                       f"AND document_id IN ({marks})", list(document_ids)).fetchall()
    if rows:
        con.executemany("INSERT INTO check_scope (document_id, is_target) VALUES (?, TRUE)", [(r[0],) for r in rows])
        con.execute("""INSERT INTO check_scope (document_id, is_target)
                       SELECT DISTINCT p.partner_id, FALSE FROM v_chk_partner p
                       JOIN check_scope s ON s.document_id = p.document_id
                       WHERE p.partner_id NOT IN (SELECT document_id FROM check_scope)""")
    return {r[0]: r[1] for r in rows}


def _materialize(con: duckdb.DuckDBPyConnection, kinds: dict[str, str]) -> dict[str, str]:
    """Fill the scratch tables for the documents in scope. When that fails on some document's data,
    find which by preparing each alone, and leave them out; returns {document_id: message}."""
    try:
        reconcile.materialize(con)
        return {}
    except duckdb.Error:
        pass
    bad = {}
    for doc in kinds:
        _set_scope(con, [doc])
        try:
            reconcile.materialize(con)
        except duckdb.Error as exc:
            bad[doc] = f"rules not evaluated: the document's data could not be prepared: {type(exc).__name__}: {exc}"
    _set_scope(con, [d for d in kinds if d not in bad])
    reconcile.materialize(con)
    return bad


# Errors that depend on the data of a document (a value out of range), not on the rule's SQL.
DATA_ERRORS = ("ConversionException", "OutOfRangeException", "InvalidInputException")


def _isolate(con: duckdb.DuckDBPyConnection, rules: list[Rule], kinds: dict[str, str],
             errors: dict[str, str]) -> tuple[dict[tuple[str, str], str], set[str]]:
    """Rules whose statement failed on the data of some document: run each document alone, so only the
    documents it fails on get `error` and the others their verdict. Returns ({(document_id, rule_id):
    message}, ids of the rules so judged document by document)."""
    data_rules = [r for r in rules if any(e in errors[r.rule_id] for e in DATA_ERRORS)]
    if not data_rules or len(kinds) <= 1:
        return {}, set()
    out: dict[tuple[str, str], str] = {}
    for doc in kinds:
        _set_scope(con, [doc])
        try:
            reconcile.materialize(con)
        except duckdb.Error as exc:
            for rule in data_rules:
                out[(doc, rule.rule_id)] = f"the document's data could not be prepared: {type(exc).__name__}: {exc}"
            continue
        for rule in data_rules:
            first = scalar(con, f"SELECT coalesce(max(row_id), 0) + 1 FROM {reconcile.INSTANCES}")
            try:
                reconcile.run_rule(con, rule, first)
            except reconcile.RuleSQLError as exc:
                out[(doc, rule.rule_id)] = str(exc)
    for rule in data_rules:
        if not any(r == rule.rule_id for _, r in out):
            del errors[rule.rule_id]  # each document alone passed: the batch's failure came from none of them
        else:
            errors[rule.rule_id] = next(m for (_, r), m in out.items() if r == rule.rule_id)
    return out, {r.rule_id for r in data_rules}


def _reads_narrative(rule: Rule) -> bool:
    sql = rule.sql
    return rule.group == "narrative" or "narrative_statement" in sql or "chk_statement" in sql


def run_checks(con: duckdb.DuckDBPyConnection, document_ids, *, rules: list[str] | None = None,
               trigger: str = "api", docs_dir: Path | str | None = None, related: bool = False) -> CheckReport:
    """Evaluate the rule catalogue on documents; store check_run + check_result. See pipelines.checks."""
    t0 = time.monotonic()
    started = datetime.now()
    all_rules = catalogue.rules()
    selected = all_rules if rules is None else tuple(r for r in all_rules if r.rule_id in set(rules))
    unknown = set(rules or ()) - {r.rule_id for r in all_rules}
    if unknown:
        raise catalogue.CatalogueError(f"unknown rule id(s): {', '.join(sorted(unknown))}")
    catalogue.sync_dim_rule(con, all_rules)
    ids = list(dict.fromkeys(document_ids))
    if related:
        ids += related_documents(con, ids)
    kinds = _set_scope(con, ids)
    run_id = datetime.now().strftime("%Y%m%dT%H%M%S") + "-" + uuid.uuid4().hex[:6]
    report = CheckReport(run_id, sorted(kinds), len(selected))
    # statements were stored with their documents (parse stage); one the extractor failed on is named
    narrative_errors = dict(con.execute("""SELECT d.document_id, d.narrative_error FROM document d
                                           JOIN check_scope s USING (document_id)
                                           WHERE d.narrative_error IS NOT NULL""").fetchall())
    report.document_errors = _materialize(con, kinds)
    judged = {d: k for d, k in kinds.items() if d not in report.document_errors}
    reconcile.reset(con)
    _, report.errors = reconcile.run_rules(con, selected)
    pair_errors, isolated = _isolate(con, [r for r in selected if r.rule_id in report.errors], judged, report.errors)
    for rid, comp in reconcile.unknown_comparisons(con):
        report.errors[rid] = f"comparison {comp!r} is not eq | le | ge | holds"
        con.execute(f"DELETE FROM {reconcile.INSTANCES} WHERE rule_id = ?", [rid])
    # a rule's instances only count on the document kinds it applies to
    for rule in selected:
        other = [d for d, k in kinds.items() if not rule.applies(k)]
        if other:
            marks = ", ".join("?" for _ in other)
            con.execute(f"DELETE FROM {reconcile.INSTANCES} WHERE rule_id = ? AND document_id IN ({marks})",
                        [rule.rule_id] + other)
    # a document whose narrative could not be read: rules on its statements err, not judge an empty narrative
    for doc, msg in narrative_errors.items():
        if doc in judged:
            report.document_errors.setdefault(doc, msg)
            for rule in selected:
                if _reads_narrative(rule):
                    pair_errors[(doc, rule.rule_id)] = msg
                    con.execute(f"DELETE FROM {reconcile.INSTANCES} WHERE rule_id = ? AND document_id = ?",
                                [rule.rule_id, doc])
    numeric, assertion = reconcile.frames(con)
    docs = Path(docs_dir) if docs_dir else None
    verdicts = judge.judge({"numeric": numeric, "assertion": assertion}, docs)
    report.docs_index = verdicts.docs_index
    have = {(r[0], r[1]) for r in con.execute(
        f"SELECT DISTINCT document_id, rule_id FROM {reconcile.INSTANCES}").fetchall()}
    extra = []
    for rule in selected:
        for doc, kind in kinds.items():
            if not rule.applies(kind):
                extra.append((doc, rule.rule_id, "not_applicable",
                              f"rule applies to {','.join(rule.applies_to)} packs, this one is {kind}"))
            elif doc in report.document_errors and doc not in judged:
                extra.append((doc, rule.rule_id, "error", report.document_errors[doc][:2000]))
            elif (doc, rule.rule_id) in pair_errors:
                extra.append((doc, rule.rule_id, "error", pair_errors[(doc, rule.rule_id)][:2000]))
            elif rule.rule_id in report.errors and rule.rule_id not in isolated:
                extra.append((doc, rule.rule_id, "error", report.errors[rule.rule_id][:2000]))
            elif (doc, rule.rule_id) not in have:
                extra.append((doc, rule.rule_id, "not_applicable", "nothing to compare in this document"))
    store.store_run(con, run_id, started, trigger, ruleset_version(all_rules), len(selected), verdicts.outcome,
                    extra, len(kinds), str(report.docs_index) if report.docs_index else None)
    con.execute("DELETE FROM check_scope")
    for outcome, n in con.execute("SELECT outcome, count(*) FROM check_result WHERE check_run_id = ? GROUP BY 1",
                                  [run_id]).fetchall():
        report.counts[outcome] = n
    report.failures = [Failure(*r) for r in con.execute("""
        SELECT c.document_id, c.rule_id, r.severity, c.location, c.diff, c.page
        FROM check_result c JOIN dim_rule r USING (rule_id)
        WHERE c.check_run_id = ? AND c.outcome IN ('fail', 'error')
        ORDER BY c.document_id, c.rule_id, c.page""", [run_id]).fetchall()]
    report.error_rows = [ErrorRow(*r) for r in con.execute("""
        SELECT document_id, rule_id, detail FROM check_result
        WHERE check_run_id = ? AND outcome = 'error' ORDER BY document_id, rule_id""", [run_id]).fetchall()]
    report.seconds = time.monotonic() - t0
    return report
