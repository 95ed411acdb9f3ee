"""Helpers of the crash and concurrency tests: run `fiscal ingest` as a real process (in its own
process group) and check that a warehouse left behind is whole."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import duckdb

from pipelines.generator import SPEC_DIR, load_spec, render_pack

ROOT = Path(__file__).resolve().parents[2]
PACKS = ["shifan_jtysj_2024_final", "shifan_jtysj_2023_final", "shifan_sfq_scjgj_2024_final",
         "shifan_jkzx_2024_budget", "shifan_yjglj_2023_budget", "shifan_sfq_scjgj_2023_budget"]


N_FILES = len(PACKS) + 2


def make_inbox(inbox: Path) -> Path:
    """Six generated packs and two files that are rejected (so quarantine is exercised too)."""
    for pack in PACKS:
        render_pack(load_spec(SPEC_DIR / f"{pack}.yaml"), inbox / f"{pack}.pdf")
    (inbox / "empty.pdf").write_bytes(b"")
    (inbox / "page.pdf").write_text("<html><body>404</body></html>", encoding="utf-8")
    return inbox


def ingest_env(warehouse: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("FISCAL_STAGING", "FISCAL_QUARANTINE")}
    env["FISCAL_WAREHOUSE"] = str(warehouse)
    env["PYTHONPATH"] = str(ROOT)
    return env


def start_ingest(warehouse: Path, *paths, wait: float | None = None, log: Path | None = None,
                 quiet: bool = True) -> subprocess.Popen:
    """`fiscal ingest` in its own process group (so kill -9 can take the workers too); its output
    (with quiet=False, the progress bars: "parse [...]", then "load  [...]") goes to log."""
    cmd = [sys.executable, "-m", "pipelines.cli.main", "ingest", *(["--quiet"] if quiet else []), *map(str, paths)]
    if wait is not None:
        cmd[4:4] = ["--wait", str(wait)]
    with open(log or os.devnull, "w") as out:  # the child keeps its own copy of the descriptor
        return subprocess.Popen(cmd, env=ingest_env(warehouse), cwd=ROOT, stdout=out, stderr=subprocess.STDOUT,
                                start_new_session=True)


def wait_for_output(proc: subprocess.Popen, log: Path, marker: str, timeout: float = 120.0) -> bool:
    """Wait until the process printed marker (True) or ended (False)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if marker in log.read_text(encoding="utf-8", errors="replace"):
            return True
        if proc.poll() is not None:
            return False
        time.sleep(0.01)
    raise TimeoutError(f"{marker!r} not printed within {timeout}s")


# Each query returns the offending rows; a whole warehouse returns none from any of them.
INVARIANTS = {
    "facts counted on the document match its facts": """
        SELECT d.document_id, d.n_facts, count(f.document_id) FROM document d
        LEFT JOIN fact_amount f USING (document_id) WHERE d.status = 'loaded'
        GROUP BY ALL HAVING d.n_facts <> count(f.document_id)""",
    "every page of a loaded document is stored": """
        SELECT d.document_id, d.n_pages, count(p.page) FROM document d
        LEFT JOIN document_page p USING (document_id) WHERE d.status = 'loaded'
        GROUP BY ALL HAVING d.n_pages <> count(p.page)""",
    "table fact counts add up to the document's": """
        SELECT d.document_id FROM document d JOIN document_table t USING (document_id)
        GROUP BY d.document_id, d.n_facts HAVING sum(t.n_facts) <> d.n_facts""",
    "every fact belongs to a stored table": """
        SELECT DISTINCT f.document_id, f.table_seq FROM fact_amount f
        LEFT JOIN document_table t USING (document_id, table_seq) WHERE t.document_id IS NULL""",
    "no facts, tables or pages without their document": """
        SELECT document_id FROM (SELECT document_id FROM fact_amount UNION SELECT document_id FROM document_table
                                  UNION SELECT document_id FROM document_page)
        WHERE document_id NOT IN (SELECT document_id FROM document)""",
    "a rejected document holds nothing": """
        SELECT d.document_id FROM document d WHERE d.status = 'rejected'
        AND (d.n_facts <> 0 OR EXISTS (SELECT 1 FROM fact_amount f WHERE f.document_id = d.document_id))""",
}


def check_whole(db: Path, read_only: bool = False) -> dict:
    """Open the warehouse (replaying its WAL) and verify every invariant; returns a summary."""
    con = duckdb.connect(str(db), read_only=read_only)
    try:
        tables = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
        if "document" not in tables:
            return {"loaded": 0, "rejected": 0, "facts": 0, "runs": 0, "unfinished_runs": 0}
        for name, sql in INVARIANTS.items():
            bad = con.execute(sql).fetchall()
            assert not bad, f"{db.name}: {name}: {bad[:5]}"
        for doc_id, qpath, src in con.execute(
                "SELECT document_id, quarantine_path, source_path FROM document WHERE status = 'rejected'").fetchall():
            assert qpath and Path(qpath).exists(), f"rejected {doc_id[:12]} has no quarantined copy"
            assert Path(qpath).read_bytes() == Path(src).read_bytes(), f"quarantined copy of {src} is not whole"
        n = dict(con.execute("SELECT status, count(*) FROM document GROUP BY 1").fetchall())
        facts = con.execute("SELECT count(*) FROM fact_amount").fetchone()[0]
        runs = con.execute("SELECT count(*), count(*) FILTER (WHERE finished_at IS NULL) FROM ingest_run").fetchone()
        return {"loaded": n.get("loaded", 0), "rejected": n.get("rejected", 0), "facts": facts, "runs": runs[0],
                "unfinished_runs": runs[1]}
    finally:
        con.close()


CONTENT_SQL = """
SELECT d.file_name, d.document_id, d.status, d.reason, d.is_current, d.n_facts,
       (SELECT coalesce(sum(hash(f.table_seq, f.row_index, f.col_index, f.measure, f.amount_text, f.page)), 0)
        FROM fact_amount f WHERE f.document_id = d.document_id) AS digest
FROM document d ORDER BY d.file_name
"""


def content(db: Path) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(CONTENT_SQL).fetchall()
    finally:
        con.close()
