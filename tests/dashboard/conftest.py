"""Warehouses for the dashboard tests: the shipped sample as built, and a copy prepared for the
data-quality view and the hostile-name test (a department renamed to HTML/JS, rule results from
two check runs, and a revised pack with a planted misprint that a hierarchy rule catches)."""
import shutil

import duckdb
import pytest

from pipelines.generator.sample_warehouse import sample_warehouse
from pipelines.settings import Settings

from dq_setup import HOSTILE, MISPRINT, RULES, forget_other_checks, run_checks
from fiscal_env import warehouse_env


@pytest.fixture(scope="session")
def sample_wh(tmp_path_factory):
    return sample_warehouse(tmp_path_factory.getbasetemp() / "sample-warehouse")


@pytest.fixture(scope="session")
def dq_wh(sample_wh, tmp_path_factory):
    from pipelines.core import ingest
    from pipelines.generator import SPEC_DIR, load_spec, render_pack
    from pipelines.generator.mutations import CellMutation, apply_mutations
    from pipelines.warehouse.connection import publish_snapshot

    out = tmp_path_factory.mktemp("dq")
    wh = out / "warehouse.duckdb"
    shutil.copyfile(sample_wh, wh)
    con = duckdb.connect(str(wh))
    forget_other_checks(con)
    con.executemany("INSERT INTO dim_rule VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", RULES)
    dkey = con.execute("SELECT department_key FROM dim_department WHERE canonical_name = '示范市交通运输局'").fetchone()[0]
    con.execute("UPDATE dim_department SET canonical_name = ? WHERE department_key = ?", [HOSTILE, dkey])
    con.execute("UPDATE document SET department = ? WHERE department_key = ?", [HOSTILE, dkey])
    run_checks(con, "run-1", "2026-01-05 02:00:00")
    con.close()
    pack, table, row, measure, value = MISPRINT
    spec = apply_mutations(load_spec(SPEC_DIR / f"{pack}.yaml"), [CellMutation(table, row, measure, value)])
    pdf = render_pack(spec, out / "revised" / f"{pack}_revised.pdf").path
    with warehouse_env(wh):
        report = ingest(Settings.from_env(), [pdf], workers=1, progress=None, trigger="test")
    assert [o.outcome for o in report.outcomes] == ["revision"], report.outcomes
    con = duckdb.connect(str(wh))
    forget_other_checks(con)
    run_checks(con, "run-2", "2026-01-06 02:00:00")
    publish_snapshot(con, wh)
    con.close()
    return wh


@pytest.fixture()
def use_sample(sample_wh, monkeypatch):
    monkeypatch.setenv("FISCAL_WAREHOUSE", str(sample_wh))
    return sample_wh


@pytest.fixture()
def use_dq(dq_wh, monkeypatch):
    monkeypatch.setenv("FISCAL_WAREHOUSE", str(dq_wh))
    return dq_wh
