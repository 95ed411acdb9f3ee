"""The rule catalogue is data: every line has its SQL file, every group is covered."""
import shutil
from collections import Counter

import pytest

from pipelines.checks import catalogue
from pipelines.checks.catalogue import CatalogueError, load


def test_catalogue_covers_every_group_with_50_rules_or_more():
    rules = catalogue.rules()
    assert len(rules) >= 50
    groups = Counter(r.group for r in rules)
    assert set(groups) == set(catalogue.GROUPS)
    assert groups["table_internal"] >= 20 and groups["narrative"] >= 20 and groups["cross_table"] >= 10
    assert {r.severity for r in rules} == {"parse", "source"}
    assert all(r.sql_path.exists() and r.description for r in rules)


def test_missing_sql_file_is_named(tmp_path):
    shutil.copy(catalogue.CATALOGUE, tmp_path / "rules.csv")
    with pytest.raises(CatalogueError, match=r"rules.csv:2: TI01: reconciliation TI01.sql not found"):
        load(tmp_path / "rules.csv")


def test_orphan_sql_file_and_bad_severity_are_named(tmp_path):
    (tmp_path / "rules.csv").write_text(
        "rule_id,group,severity,applies_to,description,basis\nA1,integrity,source,final,x,\n", encoding="utf-8")
    (tmp_path / "A1.sql").write_text("SELECT 1", encoding="utf-8")
    (tmp_path / "B2.sql").write_text("SELECT 1", encoding="utf-8")
    with pytest.raises(CatalogueError, match="SQL files without a catalogue line: B2"):
        load(tmp_path / "rules.csv")
    (tmp_path / "B2.sql").unlink()
    (tmp_path / "rules.csv").write_text(
        "rule_id,group,severity,applies_to,description,basis\nA1,integrity,fatal,final,x,\n", encoding="utf-8")
    with pytest.raises(CatalogueError, match=r"rules.csv:2: A1: severity 'fatal'"):
        load(tmp_path / "rules.csv")


def test_empty_catalogue_file_is_named(tmp_path):
    (tmp_path / "rules.csv").write_text("", encoding="utf-8")
    with pytest.raises(CatalogueError, match=r"rules.csv: header must start with rule_id,group,.*got \[\]"):
        load(tmp_path / "rules.csv")
