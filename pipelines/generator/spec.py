"""Pack spec: the structured truth a disclosure pack is rendered from.

Amounts are decimal strings in the table's printed unit (never floats); a value that is
absent from ``Row.values`` is a blank cell.  A value made only of dashes ("—", "-") is a
printed placeholder: drawn, but not an amount.
"""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field, fields
from decimal import Decimal
from pathlib import Path

import yaml

from . import vocabulary as V

DECIMAL_RE = re.compile(r"^-?\d+(\.\d+)?$")
DASH_RE = re.compile(r"^[—\-－–]+$")
KINDS = ("final", "budget")
ENTITY_LEVELS = ("department", "unit")
UNITS = ("万元", "元")
PACK_LAYOUTS = ("seed", "shanghai")
TABLE_LAYOUTS = ("two_sided", "coded", "blocks", "sangong", "stats")


class SpecError(ValueError):
    pass


@dataclass
class Column:
    measure: str
    path: list[str]
    side: str = ""  # income | expense for two-sided tables


@dataclass
class Row:
    key: str
    name: str
    code: str = ""
    line_item: str = ""
    values: dict[str, str] = field(default_factory=dict)
    side: str = ""  # income|expense (two-sided) or personnel|public (blocks)
    line_no: str = ""  # 行次 as printed
    count: bool = False  # a count (vehicles, devices), not an amount
    heading: bool = False  # a section heading row (no figures)

    def amount(self, measure: str) -> Decimal | None:
        v = self.values.get(measure, "")
        return Decimal(v) if v and DECIMAL_RE.match(v) else None


@dataclass
class Table:
    table_id: str
    title: str
    layout: str
    unit: str
    columns: list[Column]
    rows: list[Row]
    label: str = ""
    notes: list[str] = field(default_factory=list)
    empty_note: str = ""
    orientation: str = "portrait"
    repeat_header: bool = False
    column_numbers: bool = False  # print the 栏次 row
    org_label: str = "部门名称"
    unit_prefix: str = "金额单位"
    blocks: int = 2  # side-by-side blocks (FIN_06 style)

    def row(self, key: str, side: str = "") -> Row:
        for r in self.rows:
            if r.key == key and (not side or r.side == side):
                return r
        raise KeyError(f"{self.table_id}: no row {key!r}")

    def columns_for(self, side: str = "") -> list[Column]:
        return [c for c in self.columns if not side or c.side == side]

    def scheme_of(self, row: Row) -> str:
        if row.line_item:
            return "line"
        if row.code:
            return "economic" if self.table_id in V.ECONOMIC_TABLES else "function"
        return ""


@dataclass
class Section:
    heading: str
    paragraphs: list[str] = field(default_factory=list)


@dataclass
class PackSpec:
    pack_id: str
    department: str
    department_key: str
    region: str
    fiscal_year: int
    kind: str
    entity_level: str
    unit: str
    layout: str
    title: str
    tables: list[Table]
    overview: list[Section] = field(default_factory=list)
    narrative: list[Section] = field(default_factory=list)
    glossary: list[Section] = field(default_factory=list)
    source: str = ""

    def table(self, table_id: str) -> Table:
        for t in self.tables:
            if t.table_id == table_id:
                return t
        raise KeyError(table_id)

    def has_table(self, table_id: str) -> bool:
        return any(t.table_id == table_id for t in self.tables)


# ---------------------------------------------------------------- (de)serialisation

def _from(cls, data: dict):
    names = {f.name for f in fields(cls)}
    unknown = set(data) - names
    if unknown:
        raise SpecError(f"{cls.__name__}: unknown keys {sorted(unknown)}")
    return cls(**data)


def _row_from(d: dict) -> Row:
    d = dict(d)
    d.setdefault("key", d.get("line_item") or d.get("code") or d.get("name", ""))
    d["values"] = dict(d.get("values") or {})
    for k, v in d["values"].items():
        if not isinstance(v, str):
            raise SpecError(f"row {d['key']!r}: value {k}={v!r} must be a quoted decimal string")
    for k in ("code", "line_no"):
        if k in d:
            d[k] = str(d[k])
    return _from(Row, d)


def _table_from(d: dict) -> Table:
    d = dict(d)
    d["columns"] = [_from(Column, c) for c in d.get("columns", [])]
    d["rows"] = [_row_from(r) for r in d.get("rows", [])]
    return _from(Table, d)


def _sections(items) -> list[Section]:
    return [_from(Section, s) for s in items or []]


def spec_from_dict(d: dict) -> PackSpec:
    d = dict(d)
    d["tables"] = [_table_from(t) for t in d.get("tables", [])]
    for k in ("overview", "narrative", "glossary"):
        d[k] = _sections(d.get(k))
    spec = _from(PackSpec, d)
    validate(spec)
    return spec


def load_spec(path: str | Path) -> PackSpec:
    with open(path, encoding="utf-8") as fh:
        return spec_from_dict(yaml.safe_load(fh))


def load_specs(directory: str | Path) -> list[PackSpec]:
    return [load_spec(p) for p in sorted(Path(directory).glob("*.yaml"))]


class _Flow(dict):
    """A mapping dumped on one line."""


class _Dumper(yaml.SafeDumper):
    pass


_Dumper.add_representer(
    _Flow, lambda d, m: d.represent_mapping("tag:yaml.org,2002:map", m.items(), flow_style=True)
)


def _row_to(row: Row) -> _Flow:
    out = _Flow(key=row.key)
    for f in fields(Row):
        v = getattr(row, f.name)
        if f.name not in ("key", "values") and v not in ("", False, None):
            out[f.name] = v
    if row.values:
        out["values"] = _Flow(row.values)
    return out


def spec_to_dict(spec: PackSpec) -> dict:
    d = asdict(spec)
    tables = []
    for t in spec.tables:
        td = {}
        defaults = Table(t.table_id, "", "", "", [], [])
        names = [f.name for f in fields(Table)]
        order = ["table_id", "title", "label", "layout", "unit"]
        order += [n for n in names if n not in order + ["columns", "rows"]] + ["columns", "rows"]
        for name in order:
            v = getattr(t, name)
            if name == "columns":
                td["columns"] = [_Flow({k: x for k, x in asdict(c).items() if x != ""}) for c in v]
            elif name == "rows":
                td["rows"] = [_row_to(r) for r in v]
            elif name in ("table_id", "title", "layout", "unit") or v != getattr(defaults, name):
                td[name] = v
        tables.append(td)
    d["tables"] = tables
    return d


def dump_spec(spec: PackSpec, path: str | Path) -> None:
    validate(spec)
    text = yaml.dump(spec_to_dict(spec), Dumper=_Dumper, allow_unicode=True, sort_keys=False,
                     width=4096, default_flow_style=False)
    Path(path).write_text(text, encoding="utf-8")


# ---------------------------------------------------------------- validation

def _check(cond: bool, msg: str) -> None:
    if not cond:
        raise SpecError(msg)


def validate(spec: PackSpec) -> None:
    _check(spec.kind in KINDS, f"kind {spec.kind!r}")
    _check(spec.entity_level in ENTITY_LEVELS, f"entity_level {spec.entity_level!r}")
    _check(spec.unit in UNITS, f"unit {spec.unit!r}")
    _check(spec.layout in PACK_LAYOUTS, f"layout {spec.layout!r}")
    _check(isinstance(spec.fiscal_year, int), "fiscal_year must be an int")
    prefix = "FIN_" if spec.kind == "final" else "BUD_"
    seen = set()
    for t in spec.tables:
        where = f"{spec.pack_id}/{t.table_id}"
        _check(t.table_id in V.TABLE_IDS and t.table_id.startswith(prefix), f"{where}: table id")
        _check(t.table_id not in seen, f"{where}: duplicate table")
        seen.add(t.table_id)
        _check(t.layout in TABLE_LAYOUTS, f"{where}: layout {t.layout!r}")
        _check(t.unit in UNITS, f"{where}: unit {t.unit!r}")
        _check(t.orientation in ("portrait", "landscape"), f"{where}: orientation")
        allowed = set(V.MEASURES[t.table_id])
        measures = set()
        for c in t.columns:
            _check(c.measure in allowed, f"{where}: measure {c.measure!r}")
            _check(bool(c.path), f"{where}: column without header path")
            measures.add((c.side, c.measure))
        keys = set()
        for r in t.rows:
            _check(bool(r.key) and r.key not in keys, f"{where}: duplicate row key {r.key!r}")
            keys.add(r.key)
            if r.line_item:
                _check(r.line_item in V.LINE_ITEMS, f"{where}: line item {r.line_item!r}")
            if r.code:
                _check(r.code.isdigit(), f"{where}: code {r.code!r}")
                ok = (3, 5) if t.table_id in V.ECONOMIC_TABLES else (3, 5, 7)
                _check(len(r.code) in ok, f"{where}: code length {r.code!r}")
            for m, v in r.values.items():
                side = r.side if t.layout == "two_sided" else ""
                _check((side, m) in measures or ("", m) in measures,
                       f"{where}/{r.key}: value for unknown column {m!r}")
                _check(isinstance(v, str) and bool(DECIMAL_RE.match(v) or DASH_RE.match(v)),
                       f"{where}/{r.key}/{m}: not a decimal string: {v!r}")
