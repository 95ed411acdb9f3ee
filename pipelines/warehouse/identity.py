"""Department identity across years and renames.

A department is matched by a normalised name key (中国共产党…委员会 -> 中共…委, brackets unified),
then by the alias groups of pipelines/catalogue/departments.yaml (renames such as
安全生产监督管理局 -> 应急管理局). A 单位 pack is its own entity, linked to the 部门 of the same
name when that exists.
"""
from __future__ import annotations

import re
from functools import lru_cache

import duckdb
import yaml

from ..catalogue import HERE
from ..textutil.normalize import key

_PARTY = re.compile(r"^中国共产党")


def name_key(name: str) -> str:
    k = key(name)
    k = _PARTY.sub("中共", k)
    k = re.sub(r"^(中共[\u4e00-\u9fff]{2,6}?[省市区县])委员会", r"\1委", k)
    # "江苏省委办公厅" is the party committee's office: same body as 中共江苏省委办公厅
    k = re.sub(r"^(?!中共)([\u4e00-\u9fff]{2,6}?[省市])委(办公厅|办公室|宣传部|组织部|政法委员会)", r"中共\1委\2", k)
    return k


@lru_cache(maxsize=1)
def alias_groups() -> dict[str, str]:
    """name key -> group key (the first name of its group in departments.yaml)."""
    path = HERE / "departments.yaml"
    if not path.exists():
        return {}
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    out = {}
    for group in data.get("same_department", []):
        keys = [name_key(n) for n in group]
        for k in keys:
            out[k] = keys[0]
    return out


def group_key(name: str) -> str:
    k = name_key(name)
    return alias_groups().get(k, k)


def base_key(name: str) -> str:
    """The department a unit pack belongs to, when the unit is the department's own organ
    (上海市普陀区司法局 单位预算 -> 部门 上海市普陀区司法局; 深圳市交通运输局（本级） -> 深圳市交通运输局)."""
    return group_key(re.sub(r"（本级）$", "", key(name)))


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
        new_key = con.execute("SELECT coalesce(max(department_key), 0) + 1 FROM dim_department").fetchone()[0]
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
        latest = con.execute("SELECT max(fiscal_year) FROM dim_department_name WHERE department_key = ?",
                             [dkey]).fetchone()[0]
        if fiscal_year is not None and (latest is None or fiscal_year >= latest):
            con.execute("UPDATE dim_department SET canonical_name = ?, region = coalesce(?, region) "
                        "WHERE department_key = ?", [name, region or None, dkey])
    con.execute("INSERT INTO dim_department_name VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                [dkey, name, gk, fiscal_year, document_id])
    return dkey
