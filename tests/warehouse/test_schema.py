"""Schema migrations (pipelines/warehouse/schema.py): numbered, recorded, applied once; views and marts
created once per definition; a warehouse built before migrations were recorded is upgraded without loss.

The legacy warehouse is made here from legacy_ddl/: the sql/ddl files as every warehouse before
schema_migration applied them on each connect (copied, so later migrations cannot change them)."""
from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

import duckdb
import pytest

from pipelines import resources
from pipelines.warehouse import schema
from pipelines.warehouse.connection import connect_write, identify

LEGACY = Path(__file__).with_name("legacy_ddl")


def legacy_warehouse(path: Path) -> None:
    """A warehouse as the code before schema migrations left it: every DDL file applied (twice: it
    re-ran them on each connect), some rows in it, a document whose narrative statements were never
    extracted (they were extracted by the checks then; this one was loaded with checks off). Its
    views and marts are not made: today's definitions read tables it does not have yet, and the
    upgrade re-creates them anyway."""
    con = duckdb.connect(str(path))
    for _ in range(2):
        for f in sorted(LEGACY.glob("*.sql")):
            con.execute(f.read_text(encoding="utf-8"))
    con.execute("INSERT INTO document_page (document_id, page, text) VALUES ('d1', 2, ?)",
                ["第三部分 情况说明\n一、收入支出决算总体情况说明\n2024年度收入支出总计1,234.50万元。\n"])
    con.execute("INSERT INTO document (document_id, file_name, doc_kind, parser_version, status, is_current, n_facts, "
                "n_figures, coverage) VALUES ('d1', 'a.pdf', 'final', '0.3.0', 'loaded', TRUE, 1, 1, 1.0)")
    con.execute("INSERT INTO fact_amount (document_id, table_seq, table_id, doc_kind, account_scheme, account_code, "
                "line_item, measure, amount_wan, amount_text, amount_printed, unit_printed, page, entity, cross_class) "
                "VALUES ('d1', 1, 'FIN_05', 'final', 'function', '201', '', 'total', 1.234567, '1.234567', "
                "'12,345.67', '元', 3, '', '')")
    con.execute("INSERT INTO ingest_run (run_id, started_at, checks, note) VALUES ('r1', current_timestamp, 'ok', NULL)")
    con.execute("INSERT INTO check_scope (document_id) VALUES ('d1')")
    con.close()


def columns(con, table: str) -> list[str]:
    return [r[0] for r in con.execute(f"DESCRIBE {table}").fetchall()]


def test_legacy_ddl_is_the_baseline():
    """The baseline migrations are the legacy schema files, unchanged (their checksums are what legacy
    warehouses get recorded)."""
    current = {m.name: m.sql for m in schema.migrations() if m.version <= schema.BASELINE}
    legacy = {f.name: f.read_text(encoding="utf-8") for f in sorted(LEGACY.glob("*.sql"))}
    assert current == legacy


def test_fresh_warehouse_records_every_migration(tmp_path):
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    change = schema.ensure_schema(con)
    names = [m.name for m in schema.migrations()]
    assert change.applied == tuple(names) and change.objects and not change.legacy
    rows = con.execute("SELECT version, name, checksum FROM schema_migration ORDER BY version").fetchall()
    assert rows == [(m.version, m.name, m.checksum) for m in schema.migrations()]
    assert identify(con, "w", tmp_path / "w.duckdb") == "warehouse"
    # up to date: nothing runs again (no ALTER re-run on connect, no view re-created)
    again = schema.ensure_schema(con)
    assert again.applied == () and not again.objects and not again.changed
    assert con.execute("SELECT count(*) FROM schema_migration").fetchone() == (len(names),)


def test_legacy_warehouse_is_upgraded_without_loss(tmp_path):
    path = tmp_path / "legacy.duckdb"
    legacy_warehouse(path)
    before = duckdb.connect(str(path), read_only=True)
    want = {t: (columns(before, t), before.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall())
            for t in ("document", "fact_amount", "document_page", "ingest_run", "check_scope", "warehouse_info")}
    before.close()
    con = connect_write(path)  # recognised as this project's warehouse (warehouse_info), not refused
    change = schema.ensure_schema(con)
    assert change.legacy and change.objects
    assert change.applied == tuple(m.name for m in schema.migrations())
    for table, (cols, rows) in want.items():
        got_cols = columns(con, table)
        assert got_cols[: len(cols)] == cols  # a later migration may add columns, never reorder or drop
        got = con.execute(f"SELECT {', '.join(cols)} FROM {table} ORDER BY ALL").fetchall()
        assert got == rows, table
    assert con.execute("SELECT amount_wan FROM fact_amount").fetchone()[0] == Decimal("1.234567")
    assert con.execute("SELECT count(*) FROM mart_yoy").fetchone() == (0,)
    # migration 010: the statements of a document loaded before they were extracted at parse time
    assert con.execute("SELECT page, topic, measure, value, value_text FROM narrative_statement").fetchall() == [
        (2, "grand_total", "amount", Decimal("1234.500000"), "1,234.50万元")]
    assert con.execute("SELECT narrative_error FROM document").fetchall() == [(None,)]
    assert not schema.ensure_schema(con).changed
    con.close()


def test_changed_view_is_recreated_once(tmp_path, monkeypatch):
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    schema.ensure_schema(con)
    sql = tmp_path / "sql"
    shutil.copytree(resources.sql_dir(), sql)
    (sql / "marts" / "999_extra.sql").write_text("CREATE OR REPLACE VIEW mart_extra AS SELECT 42 AS answer;\n",
                                                 encoding="utf-8")
    monkeypatch.setattr(resources, "sql_dir", lambda sub="": sql / sub if sub else sql)
    assert schema.ensure_schema(con).objects
    assert con.execute("SELECT answer FROM mart_extra").fetchone() == (42,)
    assert ("marts", "999_extra.sql") in {tuple(r) for r in con.execute("SELECT folder, name FROM schema_object").fetchall()}
    assert not schema.ensure_schema(con).objects


def test_edited_migration_is_refused(tmp_path, monkeypatch):
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    schema.ensure_schema(con)
    sql = tmp_path / "sql"
    shutil.copytree(resources.sql_dir(), sql)
    edited = sql / "ddl" / "003_facts.sql"
    edited.write_text(edited.read_text(encoding="utf-8") + "\n-- edited\n", encoding="utf-8")
    monkeypatch.setattr(resources, "sql_dir", lambda sub="": sql / sub if sub else sql)
    with pytest.raises(schema.SchemaError, match="003_facts.sql: changed after it was applied"):
        schema.ensure_schema(con)


def test_failed_migration_leaves_nothing_behind(tmp_path, monkeypatch):
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    schema.ensure_schema(con)
    sql = tmp_path / "sql"
    shutil.copytree(resources.sql_dir(), sql)
    (sql / "ddl" / "900_broken.sql").write_text("CREATE TABLE half_done (x INTEGER);\nALTER TABLE nowhere ADD COLUMN y "
                                                "INTEGER;\n", encoding="utf-8")
    monkeypatch.setattr(resources, "sql_dir", lambda sub="": sql / sub if sub else sql)
    with pytest.raises(schema.SchemaError, match="900_broken.sql: migration failed, nothing of it was applied"):
        schema.ensure_schema(con)
    assert con.execute("SELECT count(*) FROM duckdb_tables() WHERE table_name = 'half_done'").fetchone() == (0,)
    assert con.execute("SELECT count(*) FROM schema_migration WHERE version = 900").fetchone() == (0,)


def test_newer_warehouse_is_refused(tmp_path):
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    schema.ensure_schema(con)
    con.execute("INSERT INTO schema_migration (version, name, checksum) VALUES (998, '998_future.sql', 'x')")
    with pytest.raises(schema.SchemaError, match="998_future.sql applied, which this program does not have"):
        schema.ensure_schema(con)
