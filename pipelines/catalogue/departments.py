"""Department names as keys: one department identity across years, renames and printings.

A department is matched by a normalised name key (中国共产党…委员会 -> 中共…委, brackets unified),
then by the alias groups of departments.yaml (renames such as 安全生产监督管理局 -> 应急管理局).
Pure domain knowledge: the warehouse (warehouse/identity.py), pack linking and the evaluation use it.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml

from ..textutil.normalize import key

HERE = Path(__file__).parent

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
