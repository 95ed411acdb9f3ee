"""One department identity across years, renames and printed variants."""
from __future__ import annotations

from pipelines.catalogue.departments import group_key, name_key
from pipelines.core import ingest
from pipelines.settings import Settings
from pipelines.warehouse.connection import connect_read

from wh_files import copy_to


def test_party_committee_name_variants_fold_to_one_key():
    a = name_key("中国共产党江苏省委员会办公厅")
    assert a == name_key("中共江苏省委办公厅") == name_key("江苏省委办公厅")
    assert name_key("上海市普陀区财政局") != a


def test_renamed_department_keeps_one_identity_with_names_per_year(wh_env, packs):
    assert group_key("示范市安全生产监督管理局") == group_key("示范市应急管理局")
    pdfs = [copy_to(packs[p], wh_env / "in") for p in ("shifan_yjglj_2022_final", "shifan_yjglj_2023_final")]
    report = ingest(Settings.from_env(), pdfs, progress=None)
    assert [o.department for o in report.outcomes] == ["示范市安全生产监督管理局", "示范市应急管理局"]
    con = connect_read(Settings.from_env().warehouse)
    try:
        assert con.execute("SELECT count(DISTINCT department_key) FROM document").fetchone()[0] == 1
        assert con.execute("SELECT fiscal_year, name FROM dim_department_name ORDER BY 1").fetchall() == [
            (2022, "示范市安全生产监督管理局"), (2023, "示范市应急管理局")]
        assert con.execute("SELECT canonical_name FROM dim_department").fetchall() == [("示范市应急管理局",)]
    finally:
        con.close()
