"""A non-editable install works on its own: built and installed with `pip install --no-deps --target`
(no network: the venv's setuptools builds it), then run from another folder with the installed copy
first on sys.path (dependencies from the project's venv). It ingests a real corpus PDF and answers
`fiscal query`, which needs everything read at run time to be shipped in the package: the SQL
(migrations, views, marts, rule reconciliations), the great-expectations suites, the YAML
catalogue and the substitute font."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PDF = "GovBudgetChecker/上海市普陀区财政局2024年度部门决算.pdf"
# what a source distribution holds: the package, its mapped folders and the build files
SOURCES = ("pyproject.toml", "setup.py", "README.md", "pipelines", "sql", "expectations", "data/sample/specs")

pytestmark = pytest.mark.corpus


def _copy_sources(dst: Path) -> None:
    skip = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info")
    for rel in SOURCES:
        src = ROOT / rel
        if src.is_dir():
            shutil.copytree(src, dst / rel, ignore=skip)
        else:
            (dst / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dst / rel)


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("install")
    src, target = tmp / "src", tmp / "site"
    _copy_sources(src)
    proc = subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-build-isolation",
                           "--no-index", "--target", str(target), str(src)],
                          capture_output=True, text=True, timeout=600, cwd=str(tmp))
    assert proc.returncode == 0, proc.stderr[-3000:]
    return target


def fiscal(site: Path, cwd: Path, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    """`fiscal ARGS` with the installed copy first on sys.path, run from `cwd`."""
    code = ("import sys; sys.path.insert(0, sys.argv[1]); import pipelines; "
            "assert pipelines.__file__.startswith(sys.argv[1]), pipelines.__file__; "
            "from pipelines.cli.main import main; sys.exit(main(sys.argv[2:]))")
    clean = {k: v for k, v in os.environ.items() if not k.startswith("FISCAL_") and k != "PYTHONPATH"}
    return subprocess.run([sys.executable, "-c", code, str(site), *args], capture_output=True, text=True,
                          timeout=900, cwd=str(cwd), env={**clean, **(env or {})})


def test_installed_copy_ships_its_files(installed):
    pkg = installed / "pipelines"
    assert len(list((pkg / "sql" / "checks").glob("*.sql"))) == len(list((ROOT / "sql" / "checks").glob("*.sql")))
    for rel in ("sql/ddl/000_warehouse_info.sql", "sql/checks/rules.csv", "sql/marts/020_mart_yoy.sql",
                "expectations/reconciliation.json", "catalogue/tables.yaml", "narrative/vocabulary.yaml",
                "pdf/fonts/fiscal-substitute.ttf", "generator/specs/yangquan_yjglj_2024_final.yaml"):
        assert (pkg / rel).is_file(), rel


def test_installed_copy_ingests_and_answers_queries(installed, corpus, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {"FISCAL_WAREHOUSE": str(elsewhere / "wh" / "warehouse.duckdb")}
    where = fiscal(installed, elsewhere, "query", "SELECT 1", env=env)
    assert where.returncode == 2 and "no warehouse at" in where.stderr  # the installed copy runs, nothing there yet
    ingest = fiscal(installed, elsewhere, "ingest", "--quiet", "--workers", "1", str(corpus / PDF), env=env)
    assert ingest.returncode in (0, 1), ingest.stderr[-3000:]
    assert "Traceback" not in ingest.stderr, ingest.stderr[-3000:]
    out = fiscal(installed, elsewhere, "query", "--format", "csv",
                 "SELECT (SELECT status FROM document) AS status, (SELECT count(*) FROM fact_amount) AS facts, "
                 "(SELECT count(*) FROM check_result) AS results, (SELECT count(*) FROM mart_account_year) AS mart, "
                 "(SELECT count(*) FROM schema_migration) AS migrations, "
                 "(SELECT count(*) FROM narrative_statement) AS statements", env=env)
    assert out.returncode == 0, out.stderr
    header, row = out.stdout.strip().splitlines()
    got = dict(zip(header.split(","), row.split(",")))
    assert got["status"] == "loaded"
    # the figures of this pack as the editable checkout loads them (195 facts, 101 narrative statements)
    assert (got["facts"], got["mart"], got["statements"]) == ("195", "195", "101")
    assert int(got["results"]) > 0  # rules ran: SQL reconciliations and GX suites were found
    assert int(got["migrations"]) == len(list((ROOT / "sql" / "ddl").glob("*.sql")))
    # the paths it used are the installed copy's, not this checkout's
    probe = subprocess.run([sys.executable, "-c", "import sys, json; sys.path.insert(0, sys.argv[1]); "
                            "from pipelines import resources; print(json.dumps([str(resources.sql_dir()), "
                            "str(resources.expectations_dir())]))", str(installed)],
                           capture_output=True, text=True, cwd=str(elsewhere), timeout=120)
    assert all(p.startswith(str(installed)) for p in json.loads(probe.stdout)), probe.stdout
