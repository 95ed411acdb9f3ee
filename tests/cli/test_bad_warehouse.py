"""A warehouse path that is not a usable warehouse (issue 10, items 9 and 10): a DuckDB file of another
application is refused untouched by every command (no table added, no byte changed); garbage bytes,
a folder, a read-only folder, a full disk, `export --out` at a file and `export` without a warehouse
each end in one line naming the path and the reason, exit 2, no traceback, and nothing already
loaded is lost."""
from __future__ import annotations

import errno
import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from pipelines.cli.main import main
from pipelines.generator import SPEC_DIR, load_spec, render_pack

from fiscal_env import warehouse_env

ROOT = Path(__file__).resolve().parents[2]
FISCAL = [sys.executable, "-m", "pipelines.cli.main"]


def _in_ci() -> bool:
    return os.environ.get("CI", "").lower() == "true"


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory):
    out = tmp_path_factory.mktemp("bad-wh-pdfs")
    return [render_pack(load_spec(SPEC_DIR / f"{p}.yaml"), out / f"{p}.pdf").path
            for p in ("shifan_jtysj_2023_final", "shifan_jtysj_2024_final")]


@pytest.fixture(scope="module")
def base_wh(pdfs, tmp_path_factory):
    """A warehouse holding the first pack (writer's file and published snapshot)."""
    wh = tmp_path_factory.mktemp("bad-wh-base") / "warehouse.duckdb"
    with warehouse_env(wh):
        os.environ["FISCAL_CHECKS"] = "0"
        try:
            assert main(["ingest", str(pdfs[0]), "--quiet"]) == 0
        finally:
            os.environ.pop("FISCAL_CHECKS", None)
    return wh


def commands(pdf: Path, out: Path) -> dict[str, list[str]]:
    """Every command that opens the warehouse (`rules` reads only the catalogue)."""
    return {"ingest": ["ingest", str(pdf), "--quiet"], "status": ["status"],
            "query": ["query", "SELECT count(*) FROM document"], "export": ["export", "--out", str(out)],
            "check": ["check", "--no-docs"], "dashboard": ["dashboard"]}


class Served(Exception):
    """`fiscal dashboard` got past its start-up check and would have become the Streamlit server."""


def _no_exec(*_args):
    raise Served()


def run_all(wh: Path, pdf: Path, out: Path, capsys) -> dict[str, tuple[int, str]]:
    results = {}
    with warehouse_env(wh), pytest.MonkeyPatch.context() as mp:
        mp.setattr(os, "execve", _no_exec)  # never replace the test process with a server
        for name, argv in commands(pdf, out).items():
            try:
                rc = main(argv)
            except Served:
                rc = "served"
            except Exception as exc:  # a traceback for the user
                rc = f"{type(exc).__name__}: {exc}"
            results[name] = (rc, capsys.readouterr().err)
    return results


def assert_one_line(results: dict[str, tuple[int, str]], *needles: str) -> None:
    bad = {}
    for cmd, (rc, err) in results.items():
        lines = [ln for ln in err.splitlines() if ln.strip()]
        if not (rc == 2 and len(lines) == 1 and lines[0].startswith(f"fiscal {cmd}: ")
                and all(n in lines[0] for n in needles)):
            bad[cmd] = (rc, err)
    assert bad == {}


def _tables(path: Path) -> list[str]:
    con = duckdb.connect(":memory:")
    try:
        con.execute(f"ATTACH '{path}' AS x (READ_ONLY)")
        return sorted(r[0] for r in con.execute("SELECT table_name FROM duckdb_tables() WHERE database_name = 'x'")
                      .fetchall())
    finally:
        con.close()


# ---- item 9: a DuckDB file of another application ----

def test_another_applications_database_is_refused_untouched(pdfs, tmp_path, capsys):
    other = tmp_path / "app" / "crm.duckdb"
    other.parent.mkdir()
    con = duckdb.connect(str(other))
    con.execute("CREATE TABLE customers (id INTEGER, name VARCHAR)")
    con.execute("INSERT INTO customers VALUES (1, '张三')")
    con.execute("CREATE VIEW v_customers AS SELECT * FROM customers")
    con.close()
    before, mtime = _sha(other), other.stat().st_mtime_ns
    results = run_all(other, pdfs[0], tmp_path / "out", capsys)
    assert_one_line(results, str(other), "another application", "customers", "refusing")
    assert (_sha(other), other.stat().st_mtime_ns) == (before, mtime)
    assert _tables(other) == ["customers"]
    # no snapshot, no staging, no export: only the lock file of the refused ingestion/check beside it
    assert sorted(p.name for p in other.parent.iterdir()) == ["crm.duckdb", "crm.duckdb.lock"]
    assert not (tmp_path / "out").exists()


def test_dagster_writer_refuses_it_too(tmp_path):
    from pipelines.warehouse.connection import NotAWarehouse, connect_write
    other = tmp_path / "crm.duckdb"
    con = duckdb.connect(str(other))
    con.execute("CREATE TABLE orders AS SELECT 1 AS id")
    con.close()
    before = _sha(other)
    with pytest.raises(NotAWarehouse, match="another application"):
        connect_write(other)
    assert _sha(other) == before


def test_legacy_warehouse_without_the_marker_is_still_ours(base_wh, pdfs, tmp_path, capsys):
    """A warehouse built before warehouse_info existed is recognised by its tables and stamped on the next write."""
    wh = tmp_path / "warehouse.duckdb"
    shutil.copyfile(base_wh, wh)
    con = duckdb.connect(str(wh))
    con.execute("DROP TABLE warehouse_info")
    con.execute("DROP TABLE schema_migration")  # it predates recorded migrations too
    con.execute("DROP TABLE schema_object")
    # ... and every object of the migrations after the baseline (000-009, sql/ddl/README.md)
    con.execute("ALTER TABLE document DROP COLUMN narrative_error")
    con.execute("DROP TABLE dim_unit")
    con.execute("DROP TABLE dim_rule_measure")
    con.close()
    with warehouse_env(wh):
        assert main(["status"]) == 0
        os.environ["FISCAL_CHECKS"] = "0"
        try:
            assert main(["ingest", str(pdfs[1]), "--quiet"]) == 0
        finally:
            os.environ.pop("FISCAL_CHECKS", None)
    capsys.readouterr()
    con = duckdb.connect(str(wh), read_only=True)
    assert con.execute("SELECT value FROM warehouse_info WHERE key = 'application'").fetchone() == ("fiscal-warehouse",)
    assert con.execute("SELECT count(*) FROM document").fetchone() == (2,)
    con.close()


def test_an_empty_duckdb_file_becomes_the_warehouse(pdfs, tmp_path, capsys):
    wh = tmp_path / "new.duckdb"
    duckdb.connect(str(wh)).close()
    with warehouse_env(wh):
        assert main(["status"]) == 2
        assert capsys.readouterr().err.startswith(f"fiscal status: no warehouse at {wh} yet")
        os.environ["FISCAL_CHECKS"] = "0"
        try:
            assert main(["ingest", str(pdfs[0]), "--quiet"]) == 0
        finally:
            os.environ.pop("FISCAL_CHECKS", None)
        assert main(["status"]) == 0


# ---- item 10: garbage, a folder, export mistakes ----

def test_garbage_bytes(pdfs, tmp_path, capsys):
    wh = tmp_path / "warehouse.duckdb"
    wh.write_bytes(b"\x00garbage, not a database\xff" * 400)
    before = _sha(wh)
    results = run_all(wh, pdfs[0], tmp_path / "out", capsys)
    assert_one_line(results, str(wh), "not a DuckDB database")
    assert _sha(wh) == before


def test_garbage_bytes_as_the_user_sees_it(tmp_path):
    """The real process: stderr is the one line, no traceback."""
    wh = tmp_path / "warehouse.duckdb"
    wh.write_bytes(b"garbage" * 1000)
    r = subprocess.run(FISCAL + ["status"], env=dict(os.environ, FISCAL_WAREHOUSE=str(wh)), cwd=ROOT,
                       capture_output=True, text=True, timeout=120)
    assert (r.returncode, r.stdout) == (2, "")
    assert r.stderr == (f"fiscal status: {wh}: not a DuckDB database (garbage or another program's file); "
                        f"refusing to use it\n")


def test_warehouse_path_is_a_folder(pdfs, tmp_path, capsys):
    wh = tmp_path / "warehouse.duckdb"
    wh.mkdir()
    results = run_all(wh, pdfs[0], tmp_path / "out", capsys)
    assert_one_line(results, str(wh), "is a folder, not a warehouse file")
    assert list(wh.iterdir()) == []


def test_export_out_is_an_existing_file(base_wh, tmp_path, capsys):
    out = tmp_path / "report.xlsx"
    out.write_bytes(b"mine")
    with warehouse_env(base_wh):
        assert main(["export", "--out", str(out)]) == 2
    assert capsys.readouterr().err == \
        f"fiscal export: --out {out}: exists and is not a folder (give a folder to write the export into)\n"
    assert out.read_bytes() == b"mine"


def test_export_without_a_warehouse(tmp_path, capsys):
    wh = tmp_path / "none" / "warehouse.duckdb"
    with warehouse_env(wh):
        assert main(["export", "--out", str(tmp_path / "out")]) == 2
    assert capsys.readouterr().err == f"fiscal export: no warehouse at {wh} (run `fiscal ingest` first)\n"
    assert not (tmp_path / "out").exists() and not wh.parent.exists()


def test_rules_needs_no_warehouse(tmp_path, capsys):
    wh = tmp_path / "warehouse.duckdb"
    wh.write_bytes(b"garbage" * 100)
    with warehouse_env(wh):
        assert main(["rules"]) == 0
    assert capsys.readouterr().out.startswith("rule_id,group,severity,applies_to,description\n")


# ---- a full disk, injected at the write call (runs everywhere) ----

def test_export_on_a_full_disk_keeps_the_previous_files(base_wh, tmp_path, capsys, monkeypatch):
    from pipelines.export_formats import canonical as export

    out = tmp_path / "out"
    with warehouse_env(base_wh):
        assert main(["export", "--out", str(out)]) == 0
    before = {p.name: _sha(p) for p in out.iterdir()}
    real_open = open

    def full_disk_open(file, mode="r", *args, **kwargs):
        fh = real_open(file, mode, *args, **kwargs)
        if "w" in mode:
            def write(_s):
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
            fh.write = write
        return fh

    monkeypatch.setattr(export, "open", full_disk_open, raising=False)
    capsys.readouterr()
    with warehouse_env(base_wh):
        assert main(["export", "--out", str(out)]) == 2
    assert capsys.readouterr().err == f"fiscal export: {out / 'documents.csv'}: disk full (no space left on device)\n"
    assert {p.name: _sha(p) for p in out.iterdir()} == before  # no partial file, no .tmp left


def test_publishing_on_a_full_disk_keeps_the_previous_snapshot(base_wh, pdfs, tmp_path, capsys, monkeypatch):
    from pipelines.warehouse import connection

    wh = tmp_path / "warehouse.duckdb"
    shutil.copyfile(base_wh, wh)
    snap = wh.with_name("warehouse.read.duckdb")
    shutil.copyfile(base_wh.with_name("warehouse.read.duckdb"), snap)
    before = _sha(snap)

    def copyfile(src, dst):
        with open(dst, "wb") as fh:
            fh.write(b"partial")
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(dst))

    monkeypatch.setattr(connection.shutil, "copyfile", copyfile)
    monkeypatch.setenv("FISCAL_CHECKS", "0")
    with warehouse_env(wh):
        assert main(["ingest", str(pdfs[1]), "--quiet"]) == 2
    err = capsys.readouterr().err
    assert err == (f"fiscal ingest: {snap}: cannot publish the read snapshot (No space left on device); "
                   f"readers keep the previous one\n")
    assert _sha(snap) == before and sorted(p.name for p in tmp_path.glob("*.tmp*")) == []


# ---- the real thing: a full tmpfs, a read-only bind mount (private mount namespace) ----

def _need_mounts() -> None:
    ok = shutil.which("unshare") is not None and subprocess.run(
        ["unshare", "--mount", "--propagation", "private", "sh", "-c",
         "mount -t tmpfs -o size=64k tmpfs /mnt && umount /mnt"], capture_output=True).returncode == 0
    if not ok:
        (pytest.fail if _in_ci() else pytest.skip)("cannot mount here (unshare --mount needs root or user namespaces)")


# Runs inside the mount namespace: each step a real `fiscal` process; prints what happened as JSON.
DRIVER = r"""
import json, os, subprocess, sys
steps = json.loads(sys.argv[1])
out = []
for step in steps:
    if step[0] == "sh":
        subprocess.run(step[1], shell=True, check=True)
        continue
    env = dict(os.environ, FISCAL_WAREHOUSE=step[1], FISCAL_CHECKS="0")
    r = subprocess.run([sys.executable, "-m", "pipelines.cli.main", *step[2]], env=env, capture_output=True,
                       text=True, timeout=300)
    out.append({"argv": step[2], "rc": r.returncode, "out": r.stdout, "err": r.stderr})
print(json.dumps(out))
"""


def _in_namespace(setup: str, steps: list) -> list[dict]:
    r = subprocess.run(["unshare", "--mount", "--propagation", "private", "sh", "-c", setup + ' && exec "$@"', "sh",
                        sys.executable, "-c", DRIVER, json.dumps(steps)], cwd=ROOT, capture_output=True, text=True,
                       timeout=900)
    assert r.returncode == 0, r.stderr[-3000:]
    return json.loads(r.stdout)


def _count_line(result: dict) -> int:
    return int(result["out"].splitlines()[1])


@pytest.mark.parametrize("free_kb", [0, 300])
def test_full_disk(base_wh, pdfs, tmp_path, free_kb):
    """A tmpfs holding the warehouse, filled up (entirely, or all but 300 KB): ingest, check and export
    each say which file could not be written and that the disk is full; the loaded document is still
    there, the snapshot unchanged, no partial export; with space freed, the ingestion then succeeds."""
    _need_mounts()
    mnt = tmp_path / "mnt"
    mnt.mkdir()
    wh, out = mnt / "wh" / "warehouse.duckdb", mnt / "out"
    src = base_wh.parent
    setup = (f"mount -t tmpfs -o size=48m tmpfs {mnt} && mkdir {mnt}/wh && "
             f"cp {src}/warehouse.duckdb {src}/warehouse.read.duckdb {mnt}/wh/ && "
             f"sha256sum {mnt}/wh/warehouse.read.duckdb > {tmp_path}/snap.sha && "
             f"(dd if=/dev/zero of={mnt}/fill bs=64k 2>/dev/null; true) && truncate -s -{free_kb}k {mnt}/fill")
    count = ["query", "SELECT count(*) FROM document", "--format", "csv"]
    steps = [("fiscal", str(wh), ["ingest", str(pdfs[1]), "--quiet"]),
             ("fiscal", str(wh), ["check", "--no-docs"]),
             ("fiscal", str(wh), ["export", "--out", str(out)]),
             ("fiscal", str(wh), count),
             ("sh", f"sha256sum -c --quiet {tmp_path}/snap.sha && ls -A {out} > {tmp_path}/out.ls"),
             ("sh", f"rm {mnt}/fill"),
             ("fiscal", str(wh), ["ingest", str(pdfs[1]), "--quiet"]),
             ("fiscal", str(wh), count)]
    ingest, check, export, before, again, after = _in_namespace(setup, steps)
    for res, cmd in ((ingest, "ingest"), (check, "check"), (export, "export")):
        lines = res["err"].strip().splitlines()
        assert res["rc"] == 2 and len(lines) == 1, res
        assert lines[0].startswith(f"fiscal {cmd}: {mnt}/") and "disk full (no space left on device)" in lines[0], res
    assert (before["rc"], _count_line(before)) == (0, 1)  # the loaded document is still there
    assert (tmp_path / "out.ls").read_text() == ""  # nothing half-written in the export folder
    assert again["rc"] == 0, again
    assert _count_line(after) == 2


def test_read_only_folder(base_wh, pdfs, tmp_path):
    """The warehouse's folder mounted read-only: reading works (status, query, dashboard start-up need no
    write); ingest and check say the folder is read-only; export into a read-only folder says so; a new
    warehouse in a read-only folder is refused the same way."""
    _need_mounts()
    folder = tmp_path / "wh"
    shutil.copytree(base_wh.parent, folder, ignore=shutil.ignore_patterns("staging"))
    wh = folder / "warehouse.duckdb"
    setup = f"mount --bind {folder} {folder} && mount -o remount,bind,ro {folder}"
    steps = [("fiscal", str(wh), ["status"]),
             ("fiscal", str(wh), ["query", "SELECT count(*) FROM document", "--format", "csv"]),
             ("fiscal", str(wh), ["ingest", str(pdfs[1]), "--quiet"]),
             ("fiscal", str(wh), ["check", "--no-docs"]),
             ("fiscal", str(wh), ["export", "--out", str(folder / "out")]),
             ("fiscal", str(folder / "new" / "warehouse.duckdb"), ["ingest", str(pdfs[1]), "--quiet"])]
    status, query, ingest, check, export, new = _in_namespace(setup, steps)
    assert status["rc"] == 0 and (query["rc"], _count_line(query)) == (0, 1)
    expect = {"ingest": (ingest, f"{wh}.lock: read-only file system"),
              "check": (check, f"{wh}.lock: read-only file system"),
              "export": (export, f"--out {folder / 'out'}: cannot create the folder (Read-only file system)"),
              "new ingest": (new, f"{folder / 'new'}: read-only file system")}
    for name, (res, text) in expect.items():
        lines = res["err"].strip().splitlines()
        assert res["rc"] == 2 and len(lines) == 1 and text in lines[0], (name, res)
