"""Department identity across years and renames.

A department is matched by a normalised name key (中国共产党…委员会 -> 中共…委, brackets unified),
then by the alias groups of pipelines/catalogue/departments.yaml (renames such as
安全生产监督管理局 -> 应急管理局). A 单位 pack is its own entity, linked to the 部门 of the same
name when that exists.
"""
from __future__ import annotations

import duckdb

from ..catalogue.departments import base_key, group_key
from .connection import scalar


def resolve(con: duckdb.DuckDBPyConnection, name: str, entity_level: str, region: str,
            fiscal_year: int | None, document_id: str) -> int | None:
    if not name:
        return None
    gk = group_key(name)
    level = entity_level or "department"
    row = con.execute(
        "SELECT department_key FROM dim_department WHERE name_key = ? AND entity_level = ?", [gk, level]).fetchone()
    if row is None:
        row = con.execute(
            "SELECT department_key FROM dim_department_name n JOIN dim_department d USING (department_key) "
            "WHERE n.name_key = ? AND d.entity_level = ? LIMIT 1", [gk, level]).fetchone()
    if row is None:
        new_key = scalar(con, "SELECT coalesce(max(department_key), 0) + 1 FROM dim_department")
        parent = None
        if level == "unit":
            p = con.execute("SELECT department_key FROM dim_department WHERE name_key = ? AND entity_level = 'department'",
                            [base_key(name)]).fetchone()
            parent = p[0] if p else None
        con.execute("INSERT INTO dim_department (department_key, canonical_name, name_key, region, entity_level, parent_key)"
                    " VALUES (?, ?, ?, ?, ?, ?)", [new_key, name, gk, region, level, parent])
        if level == "department":  # 单位 packs loaded before their 部门 pack
            for ukey, ukname in con.execute("SELECT department_key, name_key FROM dim_department "
                                            "WHERE entity_level = 'unit' AND parent_key IS NULL").fetchall():
                if base_key(ukname) == gk:
                    con.execute("UPDATE dim_department SET parent_key = ? WHERE department_key = ?", [new_key, ukey])
        dkey = new_key
    else:
        dkey = row[0]
        latest = scalar(con, "SELECT max(fiscal_year) FROM dim_department_name WHERE department_key = ?",
                        [dkey])
        if fiscal_year is not None and (latest is None or fiscal_year >= latest):
            con.execute("UPDATE dim_department SET canonical_name = ?, region = coalesce(?, region) "
                        "WHERE department_key = ?", [name, region or None, dkey])
    con.execute("INSERT INTO dim_department_name (department_key, name, name_key, fiscal_year, first_document_id) "
                "VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", [dkey, name, gk, fiscal_year, document_id])
    return dkey
