"""`fiscal query` is read-only and reaches nothing but the warehouse (issue 10, item 7): every way
of writing (ATTACH of the writer's file or the snapshot then UPDATE/DELETE, COPY … TO, ATTACH of a
new file, EXPORT DATABASE) or of reading other files (read_csv of /etc/passwd, …), loading code or
undoing the lock fails with a message and exit 2, and both warehouse files stay byte for byte as
they were. Every query of the documentation still runs; --limit bounds what is fetched."""
from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest

from pipelines.cli.main import main
from pipelines.generator import SPEC_DIR, load_spec, render_pack
from pipelines.generator.sample_warehouse import sample_warehouse
from pipelines.settings import Settings

from fiscal_env import warehouse_env

ROOT = Path(__file__).resolve().parents[2]


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def small_wh(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("query-ro")
    pdf = render_pack(load_spec(SPEC_DIR / "shifan_jtysj_2023_final.yaml"), tmp / "in" / "pack.pdf").path
    wh = tmp / "wh" / "warehouse.duckdb"
    with warehouse_env(wh):
        import os
        os.environ["FISCAL_CHECKS"] = "0"
        try:
            assert main(["ingest", str(pdf), "--quiet"]) == 0
        finally:
            os.environ.pop("FISCAL_CHECKS", None)
    return wh


def _query(wh: Path, sql: str, *extra: str) -> int:
    with warehouse_env(wh):
        return main(["query", sql, *extra])


def _attacks(wh: Path, tmp: Path) -> dict[str, str]:
    snap = wh.with_name("warehouse.read.duckdb")
    return {
        "attach writer, update": f"ATTACH '{wh}' AS w2; UPDATE w2.document SET department = 'x'",
        "attach writer, delete": f"ATTACH '{wh}' AS w2 (READ_WRITE); DELETE FROM w2.fact_amount",
        "attach snapshot, delete": f"ATTACH '{snap}' AS s2; DELETE FROM s2.fact_amount",
        "detach and re-attach snapshot": f"ATTACH ':memory:' AS m; USE m; DETACH warehouse; "
                                         f"ATTACH '{snap}' AS s3; DELETE FROM s3.fact_amount",
        "update": "UPDATE document SET department = 'x'",
        "delete": "DELETE FROM fact_amount",
        "delete via alias": "DELETE FROM warehouse.main.fact_amount",
        "create table": "CREATE TABLE leak AS SELECT * FROM document",
        "drop view": "DROP VIEW v_fact",
        "copy to csv": f"COPY (SELECT * FROM document) TO '{tmp / 'leak.csv'}'",
        "copy table to parquet": f"COPY fact_amount TO '{tmp / 'leak.parquet'}' (FORMAT parquet)",
        "export database": f"EXPORT DATABASE '{tmp / 'dump'}'",
        "attach new file": f"ATTACH '{tmp / 'new.duckdb'}' AS n; CREATE TABLE n.t AS SELECT 1",
        "read_csv": "SELECT * FROM read_csv('/etc/passwd')",
        "read_text": "SELECT content FROM read_text('/etc/passwd')",
        "file as table": "SELECT * FROM '/etc/passwd'",
        "glob": "SELECT * FROM glob('/etc/*')",
        "install": "INSTALL httpfs",
        "load": "LOAD httpfs",
        "set external access": "SET enable_external_access = true",
        "unlock": "SET lock_configuration = false",
        "reset lock": "RESET lock_configuration",
        "re-enable file system": "SET disabled_filesystems = ''",
        "temp directory": f"SET temp_directory = '{tmp / 'spill'}'",
        "profiling output": f"PRAGMA enable_profiling = 'json'; SET profiling_output = '{tmp / 'p.json'}'",
        "persistent secret": "CREATE PERSISTENT SECRET s (TYPE s3, KEY_ID 'a', SECRET 'b')",
    }


def test_every_way_of_writing_or_reaching_out_fails(small_wh, tmp_path, capsys):
    snap = small_wh.with_name("warehouse.read.duckdb")
    before = {p: _sha(p) for p in (small_wh, snap)}
    outcomes = {}
    for name, sql in _attacks(small_wh, tmp_path).items():
        rc = _query(small_wh, sql)
        err = capsys.readouterr().err
        outcomes[name] = (rc, err.startswith("fiscal query: ") and "Traceback" not in err)
    assert outcomes == {name: (2, True) for name in outcomes}
    assert list(tmp_path.iterdir()) == []  # nothing written: no leak.csv, no new.duckdb, no dump
    assert {p: _sha(p) for p in (small_wh, snap)} == before
    assert _query(small_wh, "SELECT count(DISTINCT department) FROM document WHERE department = 'x'",
                  "--format", "csv") == 0
    assert capsys.readouterr().out.splitlines()[1] == "0"


def test_the_reason_is_given(small_wh, tmp_path, capsys):
    assert _query(small_wh, "DELETE FROM fact_amount") == 2
    assert "read-only" in capsys.readouterr().err
    assert _query(small_wh, f"COPY (SELECT 1) TO '{tmp_path / 'x.csv'}'") == 2
    assert "reads the warehouse only" in capsys.readouterr().err
    assert _query(small_wh, "SET enable_external_access = true") == 2
    assert "settings are fixed" in capsys.readouterr().err


def test_dashboard_reads_are_locked_down_too(small_wh, tmp_path):
    """pipelines.dashboard.data runs every dashboard query on the same connection kind."""
    import duckdb

    from pipelines.dashboard import data
    with warehouse_env(small_wh):
        data.configure(Settings.from_env())  # what the app does at its start
        assert data.query("SELECT count(*) AS n FROM mart_account_year")["n"][0] > 0
        with pytest.raises(duckdb.Error):
            data.query(f"COPY (SELECT 1) TO '{tmp_path / 'leak.csv'}'")
        with pytest.raises(duckdb.Error):
            data.query("DELETE FROM fact_amount")
    assert list(tmp_path.iterdir()) == []


def documented_queries() -> list[tuple[str, str]]:
    out = []
    for f in ("README.md", "docs/queries.md", "Makefile"):
        text = (ROOT / f).read_text(encoding="utf-8")
        for i, sql in enumerate(re.findall(r'fiscal query (?:--\S+ \S+ )*"((?:[^"\\]|\\.)*)"', text, re.S)):
            if "SELECT" in sql:
                out.append((f"{f}#{i}", sql))
    return out


@pytest.fixture(scope="session")
def sample_wh(tmp_path_factory):
    return sample_warehouse(tmp_path_factory.getbasetemp() / "sample-warehouse")


def test_every_documented_query_runs(sample_wh, capsys):
    queries = documented_queries()
    assert len(queries) >= 15
    failed = {}
    for where, sql in queries:
        rc = _query(sample_wh, sql)
        err = capsys.readouterr().err
        if rc != 0:
            failed[where] = err
    assert failed == {}


def test_limit_bounds_what_is_fetched(small_wh, capsys, monkeypatch):
    """--limit N fetches N + 1 rows (to say that more exist), never the whole result."""
    import duckdb

    from pipelines.warehouse import connection

    fetched = []
    real_fetchmany, real_fetchall = duckdb.DuckDBPyConnection.fetchmany, duckdb.DuckDBPyConnection.fetchall
    real_connect = connection.connect_read

    def spy(self, size=1):
        rows = real_fetchmany(self, size)
        fetched.append(len(rows))
        return rows

    def connect_read(*args, **kwargs):  # the query's connection: from here on no fetchall
        monkeypatch.setattr(duckdb.DuckDBPyConnection, "fetchall", real_fetchall)
        con = real_connect(*args, **kwargs)
        monkeypatch.setattr(duckdb.DuckDBPyConnection, "fetchall",
                            lambda self: pytest.fail("fetchall on a limited query"))
        return con

    monkeypatch.setattr(duckdb.DuckDBPyConnection, "fetchmany", spy)
    monkeypatch.setattr(connection, "connect_read", connect_read)
    assert _query(small_wh, "SELECT * FROM range(10000000)") == 0
    out = capsys.readouterr().out.splitlines()
    assert fetched == [201]
    assert out[2:4] == ["0", "1"] and out[-2] == "199"
    assert out[-1] == "(first 200 rows shown; more exist: --limit N for more, --limit 0 for all)"
    fetched.clear()
    assert _query(small_wh, "SELECT * FROM range(25)", "--limit", "30") == 0
    assert fetched == [25] and capsys.readouterr().out.splitlines()[-1] == "24"
    fetched.clear()
    assert _query(small_wh, "SELECT * FROM range(25000)", "--format", "csv", "--limit", "3") == 0
    assert fetched == [3] and capsys.readouterr().out.splitlines() == ["range", "0", "1", "2"]
