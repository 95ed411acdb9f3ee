"""数据质量 says when rules did not run or erred and when the snapshot it shows is held back."""
import json
import shutil

import duckdb

from pipelines.warehouse.connection import publish_snapshot

from apptest import app, view


def test_quality_view_says_when_rules_did_not_run_erred_or_the_snapshot_is_held_back(sample_wh, tmp_path,
                                                                                    monkeypatch):
    wh = tmp_path / "warehouse.duckdb"
    shutil.copyfile(sample_wh, wh)
    con = duckdb.connect(str(wh))
    docs = [r[0] for r in con.execute("SELECT document_id FROM document WHERE is_current ORDER BY file_name LIMIT 2")
            .fetchall()]
    con.execute("DELETE FROM check_result WHERE document_id = ?", [docs[0]])  # never checked
    con.execute("UPDATE check_result SET outcome = 'error', detail = 'narrative statements not stored' "
                "WHERE document_id = ? AND rule_id = (SELECT min(rule_id) FROM check_result WHERE document_id = ?)",
                [docs[1], docs[1]])
    con.execute("UPDATE ingest_run SET checks = 'consistency rules not evaluated: ConversionException: overflow' "
                "WHERE started_at = (SELECT max(started_at) FROM ingest_run)")
    publish_snapshot(con, wh)
    con.close()
    state = {"published": False, "at": "2026-12-03T10:00:00", "reason": "parse-integrity rules DI08 fail on 1 current "
             "document(s): x.pdf (abc)", "snapshot": "", "published_at": "2026-12-02T09:00:00", "blocking": []}
    (tmp_path / "warehouse.duckdb.publication.json").write_text(json.dumps(state), encoding="utf-8")
    monkeypatch.setenv("FISCAL_WAREHOUSE", str(wh))
    at = view(app(), "quality")
    warnings = [w.value.replace("\\", "") for w in at.warning]  # the text as shown (markdown escapes removed)
    assert warnings[0].startswith("只读快照自 2026-12-03T10:00:00 起暂停更新（此处显示 2026-12-02T09:00:00 发布的数据）："
                                  "parse-integrity rules DI08 fail")
    assert warnings[1].startswith("最近一次导入 ") and "consistency rules not evaluated: ConversionException" in warnings[1]
    assert warnings[2].startswith("1 个文件的规则检查出错")
    assert [i.value.replace("\\", "") for i in at.info][:1] == ["1 个文件尚未运行规则检查（运行 `fiscal check`）。"]
