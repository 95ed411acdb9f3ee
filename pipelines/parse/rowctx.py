"""What a body row means beyond its own label: the sub-unit it belongs to, other classifications
printed beside its code, and the year it is for.

- Multi-unit tables (深圳 预算单位 column, 苏州/无锡 部门代码|部门名称 rows, unit-name rows in a
  label column) print the pack's consolidated figures on the first unit row (or a 合计 row) and each
  sub-unit's figures below its own name row. Sub-unit rows carry the unit as `entity`, so codes
  repeated per unit never mix with the pack's own figures.
- Cross-classified rows (北京 预算03表: 2010601-行政运行 | 50101-… | 30101-…) are keyed by the code of
  the table's row scheme; the other printed codes are kept as `cross`.
- Year rows (深圳 三公: 2025年 / 2026年 per unit): figures of an earlier year than the table's latest
  get the measure prefix `prior_`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .. import catalogue
from ..textutil.normalize import key, squash
from .keys import split_code_prefix

_YEAR_ROW = re.compile(r"^((?:19|20)\d{2})年(?:度)?(?:预算数|预算|执行数)?$")
_SCHEME_DIGITS = {"function": ("2",), "economic": ("3", "5")}
_ORG_SUFFIX = catalogue.organisations()["unit_row_suffixes"]


def year_of_row(name: str) -> int | None:
    m = _YEAR_ROW.match(key(name))
    return int(m.group(1)) if m else None


def looks_like_unit(name: str) -> bool:
    """A row label naming a publishing unit (深圳市审计局, 深圳市水务局（本级）)."""
    k = key(name)
    return 4 <= len(k) <= 60 and k.endswith(_ORG_SUFFIX) and not re.search(r"[、，。]|支出$|经费$|费$", k)


def valid_account_code(code: str) -> bool:
    """An account code (function 2xx, economic 3xx/5xx, revenue 1xx) and not, e.g., a 3/6-digit unit code."""
    return bool(code) and code[0] in "1235" and len(code) in (3, 5, 7)


_CODE_DASH = re.compile(r"(?<!\d)(\d{3}(?:\d{2}){0,2})[-—]")


def _coded(t: str) -> tuple[str, str] | None:
    c, rest = split_code_prefix(t)
    if c and valid_account_code(c):
        return c, squash(rest)
    m = _CODE_DASH.search(key(t))  # a wrapped tail printed first: "护2130306-水利工程运行与维"
    if m and valid_account_code(m.group(1)):
        return m.group(1), key(t)[m.end():]
    return None


def primary_code(labels: list[str], scheme: str, carried: str = "") -> tuple[str, str, str]:
    """(code, name, cross) for a row whose label columns print several `code-name` texts. `carried`:
    the table's last code of the wanted scheme, for rows whose merged code cell began on a page before."""
    coded = [(c, n, squash(t)) for t in labels if (cn := _coded(t)) for c, n in [cn]]
    want = _SCHEME_DIGITS.get(scheme, ())
    if len(coded) < 2:
        if carried and coded and not any(x[0].startswith(want) for x in coded):
            return carried, "", "|".join(x[2] for x in coded)
        return "", "", ""
    pick = next((x for d in want for x in coded if x[0].startswith(d)), None)
    if pick is None:
        if not carried:
            return "", "", ""
        return carried, "", "|".join(x[2] for x in coded)
    cross = "|".join(x[2] for x in coded if x is not pick)
    return pick[0], pick[1], cross


@dataclass
class EntityTracker:
    """Follows unit rows down a table: '' until a second unit (or a unit after a 合计 row) appears."""
    caption_entity: str = ""
    current: str = ""
    last: str = ""
    consolidated_seen: bool = False
    seen: set = field(default_factory=set)

    def total_row(self) -> None:
        self.consolidated_seen = True

    def unit_row(self, name: str) -> str:
        """Register a unit row; returns the entity its own figures belong to."""
        if name == self.last:
            return self.current
        self.last = name
        if not self.consolidated_seen:
            self.consolidated_seen = True
            self.current = ""
        else:
            self.current = name
        return self.current
