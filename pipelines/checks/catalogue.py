"""The rule catalogue: sql/checks/rules.csv (one line per rule) + sql/checks/<rule_id>.sql.

Adding a rule is adding a SQL file and a catalogue line; nothing in Python changes.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .. import resources

CHECKS_DIR = resources.sql_dir("checks")
CATALOGUE = CHECKS_DIR / "rules.csv"
COLUMNS = ["rule_id", "group", "severity", "applies_to", "description", "basis"]
GROUPS = ("table_internal", "cross_table", "narrative", "integrity", "cross_year", "budget_final")
SEVERITIES = ("parse", "source")
KINDS = ("final", "budget")


class CatalogueError(ValueError):
    pass


@dataclass(frozen=True)
class Rule:
    rule_id: str
    group: str
    severity: str  # parse: the extraction is wrong (blocks marts) | source: the printed document disagrees (warns)
    applies_to: tuple[str, ...]  # document kinds
    description: str
    basis: str
    sql_path: Path

    @property
    def sql(self) -> str:
        return self.sql_path.read_text(encoding="utf-8")

    def applies(self, doc_kind: str | None) -> bool:
        return doc_kind in self.applies_to


def _row_error(path: Path, line: int, msg: str) -> CatalogueError:
    return CatalogueError(f"{path}:{line}: {msg}")


def load(path: Path = CATALOGUE) -> tuple[Rule, ...]:
    """Read and validate the catalogue; every rule must have its SQL file and every SQL file a rule."""
    if not path.exists():
        raise CatalogueError(f"{path}: rule catalogue not found")
    with open(path, encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        header = list(reader.fieldnames or [])  # None for an empty file
        if header[: len(COLUMNS)] != COLUMNS:
            raise CatalogueError(f"{path}: header must start with {','.join(COLUMNS)}, got {header}")
        rules, seen = [], set()
        for i, row in enumerate(reader, start=2):
            rid = (row["rule_id"] or "").strip()
            if not rid or rid in seen:
                raise _row_error(path, i, f"missing or duplicate rule_id {rid!r}")
            seen.add(rid)
            if row["group"] not in GROUPS:
                raise _row_error(path, i, f"{rid}: group {row['group']!r} not in {GROUPS}")
            if row["severity"] not in SEVERITIES:
                raise _row_error(path, i, f"{rid}: severity {row['severity']!r} not in {SEVERITIES}")
            kinds = tuple(k.strip() for k in row["applies_to"].split(",") if k.strip())
            if not kinds or any(k not in KINDS for k in kinds):
                raise _row_error(path, i, f"{rid}: applies_to {row['applies_to']!r} must list {KINDS}")
            if not (row["description"] or "").strip():
                raise _row_error(path, i, f"{rid}: empty description")
            sql_path = path.parent / f"{rid}.sql"
            if not sql_path.exists():
                raise _row_error(path, i, f"{rid}: reconciliation {sql_path.name} not found")
            rules.append(Rule(rid, row["group"], row["severity"], kinds, row["description"].strip(),
                              (row["basis"] or "").strip(), sql_path))
    orphans = sorted(p.stem for p in path.parent.glob("*.sql") if p.stem not in seen)
    if orphans:
        raise CatalogueError(f"{path}: SQL files without a catalogue line: {', '.join(orphans)}")
    return tuple(rules)


@lru_cache(maxsize=1)
def rules() -> tuple[Rule, ...]:
    return load()


def by_id() -> dict[str, Rule]:
    return {r.rule_id: r for r in rules()}


def sync_dim_rule(con, catalogue: tuple[Rule, ...] | None = None) -> None:
    """Make dim_rule mirror the catalogue (descriptions and severities may change between versions)."""
    import pandas as pd

    catalogue = catalogue or rules()
    frame = pd.DataFrame([(r.rule_id, r.group, r.severity, ",".join(r.applies_to), r.description, r.basis)
                          for r in catalogue],
                         columns=["rule_id", "rule_group", "severity", "applies_to", "description", "basis"])
    con.register("chk_catalogue", frame)
    try:
        con.execute("DELETE FROM dim_rule")
        con.execute("INSERT INTO dim_rule (rule_id, rule_group, severity, applies_to, description, basis) "
                    "SELECT rule_id, rule_group, severity, applies_to, description, basis FROM chk_catalogue")
    finally:
        con.unregister("chk_catalogue")
