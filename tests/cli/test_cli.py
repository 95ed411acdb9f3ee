"""`fiscal` end to end as a user runs it: exit codes, the outcome table, status, read-only query, export."""
from __future__ import annotations

import csv
import os
import subprocess
import sys

import pytest

from pipelines.generator import SPEC_DIR, load_spec, render_pack

FISCAL = [sys.executable, "-m", "pipelines.cli.main"]


@pytest.fixture()
def env(tmp_path):
    e = dict(os.environ, FISCAL_WAREHOUSE=str(tmp_path / "wh" / "warehouse.duckdb"), FISCAL_CHECKS="0")
    return e


def run(env, *args):
    return subprocess.run(FISCAL + list(args), env=env, capture_output=True, text=True, timeout=300)


def test_ingest_status_query_export(tmp_path, env):
    inbox = tmp_path / "in" / "sub"
    inbox.mkdir(parents=True)
    render_pack(load_spec(SPEC_DIR / "shifan_jtysj_2023_final.yaml"), inbox / "pack.pdf")
    (inbox / "broken.pdf").write_bytes(b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog")  # truncated
    r = run(env, "ingest", str(tmp_path / "in"), "--quiet")
    assert r.returncode == 1, r.stderr  # something was rejected
    assert "pack.pdf" in r.stdout and "loaded" in r.stdout and "示范市交通运输局" in r.stdout
    assert "broken.pdf" in r.stdout and "rejected" in r.stdout
    assert "1 loaded, 1 rejected" in r.stdout

    s = run(env, "status")
    assert s.returncode == 0
    line = next(ln for ln in s.stdout.splitlines() if "broken.pdf" in ln)
    assert "rejected" in line and "corrupt" in line

    q = run(env, "query", "SELECT count(*) AS n FROM v_fact WHERE table_id = 'FIN_01'", "--format", "csv")
    assert q.returncode == 0 and q.stdout.splitlines()[0] == "n" and int(q.stdout.splitlines()[1]) > 5
    w = run(env, "query", "DELETE FROM fact_amount")
    assert w.returncode == 2 and "read-only" in w.stderr.lower()

    e = run(env, "export", "--out", str(tmp_path / "out"))
    assert e.returncode == 0
    with open(tmp_path / "out" / "facts.csv", encoding="utf-8") as fh:
        assert len(list(csv.DictReader(fh))) > 200

    again = run(env, "ingest", str(tmp_path / "in"), "--quiet")
    assert "2 unchanged" in again.stdout and again.returncode == 0


def test_missing_path_is_reported(tmp_path, env):
    r = run(env, "ingest", str(tmp_path / "nope"), "--quiet")
    assert r.returncode == 1 and "no such file or folder" in r.stderr


def test_help_lists_every_command(env):
    out = run(env, "--help").stdout
    for cmd in ("ingest", "status", "query", "export", "generate", "rules", "check", "dashboard", "dagster", "bench",
                "evaluate"):
        assert cmd in out


def test_status_lists_documents_loaded_with_notes(tmp_path, env):
    from pipelines.generator import RenderOptions
    inbox = tmp_path / "in"
    inbox.mkdir()
    render_pack(load_spec(SPEC_DIR / "shifan_jtysj_2024_final.yaml"), inbox / "no_unit.pdf",
                options=RenderOptions(omit_unit_line=True))
    assert run(env, "ingest", str(inbox), "--quiet").returncode == 0
    out = run(env, "status").stdout
    section = out.split("loaded with notes", 1)[1]
    assert "no_unit.pdf" in section and "no unit line: 9 tables assumed 万元" in section
