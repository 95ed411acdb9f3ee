"""Run rule reconciliations (sql/checks/<rule_id>.sql) into one instance table, in exact decimals.

Every rule returns, per instance: document_id, location, expected, actual, n_terms, envelope,
comparison, page, table_id, x0, top, x1, bottom (and optionally holds, detail). Here each
instance gets its difference, the miss (how far the comparison is from holding exactly) and the
excess over the rounding envelope, all as DECIMAL; great-expectations judges those columns.
"""
from __future__ import annotations

import re

import duckdb

from .. import resources
from ..warehouse.connection import scalar
from .catalogue import Rule

INSTANCES = "chk_instance"

# Columns a rule may omit, with the value they take.
OPTIONAL = {
    "n_terms": "NULL::INTEGER", "envelope": "CAST(0 AS DECIMAL(28, 8))", "comparison": "'eq'",
    "holds": "NULL::BOOLEAN", "page": "NULL::INTEGER", "table_id": "NULL::VARCHAR", "x0": "NULL::REAL",
    "top": "NULL::REAL", "x1": "NULL::REAL", "bottom": "NULL::REAL", "detail": "NULL::VARCHAR",
    "expected": "NULL::DECIMAL(28, 6)", "actual": "NULL::DECIMAL(28, 6)",
}
REQUIRED = ("document_id", "location")

CREATE = f"""
CREATE OR REPLACE TEMP TABLE {INSTANCES} (
    row_id INTEGER, rule_id VARCHAR, document_id VARCHAR, location VARCHAR,
    expected DECIMAL(28, 6), actual DECIMAL(28, 6), diff DECIMAL(28, 6), envelope DECIMAL(28, 8),
    miss DECIMAL(28, 8), excess DECIMAL(28, 8), n_terms INTEGER, comparison VARCHAR, holds BOOLEAN,
    page INTEGER, table_id VARCHAR, x0 REAL, top REAL, x1 REAL, bottom REAL, detail VARCHAR)
"""


SCRATCH = re.compile(r"CREATE OR REPLACE TABLE (chk_\w+) AS SELECT \* FROM (v_chk_\w+) LIMIT 0")


class RuleSQLError(Exception):
    pass


def scratch_tables() -> list[tuple[str, str]]:
    """(table, view) pairs of sql/views/020_checks_*.sql, in dependency (file) order."""
    out = []
    for f in sorted(resources.sql_dir("views").glob("020_checks*.sql")):
        out += SCRATCH.findall(f.read_text(encoding="utf-8"))
    return out


def materialize(con: duckdb.DuckDBPyConnection) -> None:
    """Fill the scratch tables the rules read from their views, for the documents in check_scope."""
    for table, view in scratch_tables():
        con.execute(f"DELETE FROM {table}")
        con.execute(f"INSERT INTO {table} SELECT * FROM {view}")


def reset(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(CREATE)


def _select_list(columns: list[str]) -> str:
    have = set(columns)
    missing = [c for c in REQUIRED if c not in have]
    if missing:
        raise RuleSQLError(f"result lacks column(s) {', '.join(missing)}")
    return ", ".join(f"r.{c}" if c in have else f"{expr} AS {c}" for c, expr in OPTIONAL.items())


def _insert(con: duckdb.DuckDBPyConnection, source: str, columns: list[str], rule_id: str | None,
            first_row_id: int) -> int:
    """Append the instances held in temp table `source` (target documents of check_scope only)."""
    select = _select_list(columns)
    rule = "r.rule_id" if rule_id is None else "?"
    return scalar(con, f"""
        INSERT INTO {INSTANCES}
        SELECT {first_row_id} + row_number() OVER (ORDER BY rule_id, n) - 1, rule_id, document_id, location, expected,
               actual, actual - expected, envelope,
               CASE comparison WHEN 'eq' THEN abs(actual - expected)
                               WHEN 'le' THEN greatest(actual - expected, 0)
                               WHEN 'ge' THEN greatest(expected - actual, 0) END,
               CASE comparison WHEN 'eq' THEN abs(actual - expected)
                               WHEN 'le' THEN greatest(actual - expected, 0)
                               WHEN 'ge' THEN greatest(expected - actual, 0) END - coalesce(envelope, 0),
               n_terms, comparison, holds, page, table_id, x0, top, x1, bottom, detail
        FROM (SELECT {rule} AS rule_id, row_number() OVER () AS n, r.document_id, r.location, {select}
              FROM {source} r
              WHERE r.document_id IN (SELECT document_id FROM check_scope WHERE is_target)) s
        """, [] if rule_id is None else [rule_id])


def _columns(con: duckdb.DuckDBPyConnection, table: str) -> list[str]:
    return [d[0] for d in con.execute(f"DESCRIBE {table}").fetchall()]


def run_rule(con: duckdb.DuckDBPyConnection, rule: Rule, first_row_id: int) -> int:
    """Append one rule's instances; returns how many."""
    sql = rule.sql.strip().rstrip(";")
    try:
        con.execute(f"CREATE OR REPLACE TEMP TABLE chk_rule_out AS {sql}")
        return _insert(con, "chk_rule_out", _columns(con, "chk_rule_out"), rule.rule_id, first_row_id)
    except (duckdb.Error, RuleSQLError) as exc:
        raise RuleSQLError(f"{rule.sql_path.name}: {type(exc).__name__}: {exc}") from exc


def run_rules(con: duckdb.DuckDBPyConnection, rules, first_row_id: int = 1,
              chunk: int = 4) -> tuple[int, dict[str, str]]:
    """Rules in a few statements of `chunk` rules each (DuckDB plans and runs a union at once: a
    rule alone costs ~50 ms; all 100 in one statement hold every hash table at once: 0.98 GB peak
    RSS on 26 packs, against 0.46 GB in statements of 4 rules, which is no slower);
    when a statement fails, its rules run one by one so one broken rule cannot hide the others.
    Returns (instances appended, {rule_id: error})."""
    rules = list(rules)
    n, errors = 0, {}
    for start in range(0, len(rules), chunk):
        part = rules[start:start + chunk]
        union = "\nUNION ALL BY NAME\n".join(
            f"SELECT '{r.rule_id}' AS rule_id, * FROM (\n{r.sql.strip().rstrip(';')}\n) q_{i}"
            for i, r in enumerate(part))
        try:
            con.execute(f"CREATE OR REPLACE TEMP TABLE chk_rule_out AS {union}")
            n += _insert(con, "chk_rule_out", _columns(con, "chk_rule_out"), None, first_row_id + n)
            continue
        except (duckdb.Error, RuleSQLError):
            pass
        for r in part:
            try:
                n += run_rule(con, r, first_row_id + n)
            except RuleSQLError as exc:
                errors[r.rule_id] = str(exc)
    return n, errors


def frames(con: duckdb.DuckDBPyConnection):
    """(numeric, assertion) pandas frames for great-expectations: floats only carry signs and sizes;
    the exact values stay in the instance table."""
    numeric = con.execute(f"""
        SELECT row_id, rule_id, document_id, CAST(expected AS DOUBLE) AS expected, CAST(actual AS DOUBLE) AS actual,
               CAST(miss AS DOUBLE) AS miss, CAST(excess AS DOUBLE) AS excess
        FROM {INSTANCES} WHERE comparison IN ('eq', 'le', 'ge') ORDER BY row_id""").df()
    assertion = con.execute(f"""
        SELECT row_id, rule_id, document_id, holds FROM {INSTANCES}
        WHERE comparison = 'holds' ORDER BY row_id""").df()
    return numeric, assertion


def unknown_comparisons(con: duckdb.DuckDBPyConnection) -> list[tuple[str, str]]:
    return con.execute(f"""SELECT DISTINCT rule_id, coalesce(comparison, 'NULL') FROM {INSTANCES}
                           WHERE comparison IS NULL OR comparison NOT IN ('eq', 'le', 'ge', 'holds')""").fetchall()
