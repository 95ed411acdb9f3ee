"""The rules on every 预算 pack of the corpus: they run without error and reach verdicts (what fails
there, and why, is in the checks report; budget parsing is still being improved)."""
import os

import duckdb
import pytest

from pipelines.checks import run_checks
from pipelines.core import ingest
from pipelines.settings import Settings

pytestmark = [pytest.mark.corpus, pytest.mark.slow]


def test_rules_run_on_every_budget_pack(corpus, manifest, tmp_path):
    saved = {k: os.environ.get(k) for k in ("FISCAL_WAREHOUSE", "FISCAL_CHECKS")}
    os.environ.update(FISCAL_WAREHOUSE=str(tmp_path / "w.duckdb"), FISCAL_CHECKS="0")
    try:
        ingest(Settings.from_env(), [corpus / m["file"] for m in manifest if m["kind"] == "budget"], progress=None, trigger="test")
    finally:
        for k, v in saved.items():
            os.environ.pop(k) if v is None else os.environ.__setitem__(k, v)
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    ids = [r[0] for r in con.execute("SELECT document_id FROM document WHERE status = 'loaded'").fetchall()]
    report = run_checks(con, ids, trigger="test")
    assert report.errors == {}
    judged = con.execute("""SELECT count(DISTINCT rule_id) FROM check_result c JOIN document d USING (document_id)
                            WHERE d.doc_kind = 'budget' AND c.check_run_id = ?
                              AND outcome IN ('pass', 'rounding', 'fail')""", [report.check_run_id]).fetchone()[0]
    assert judged >= 50
