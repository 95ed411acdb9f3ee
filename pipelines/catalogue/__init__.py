"""Domain knowledge as data: the table, measure, line-item and account-class catalogues.

Everything a new regional variant needs (a title alias, a header word, a line label) is a change to
the YAML files next to this module, not to code.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from ..textutil.normalize import key, strip_ordinal

HERE = Path(__file__).parent


def _load(name: str):
    with open(HERE / name, encoding="utf-8") as fh:
        return yaml.safe_load(fh)


@dataclass(frozen=True)
class TableSpec:
    id: str
    kind: str
    name: str
    titles: tuple[str, ...]
    rows: str
    value_measure: str
    sides: bool = False
    signature_all: tuple[str, ...] = ()
    signature_any: tuple[str, ...] = ()
    measures: tuple[dict, ...] = ()
    extra: bool = False
    facts: bool = True  # False: cells are targets/indicators, not amounts (the table is only recorded)
    compose: tuple[tuple[str, str, str], ...] = ()  # (parent measure, child measure, measure): this table's own
    named_by: str = ""  # a pack prints this table only if its text matches this pattern (whitespace removed)

    @property
    def title_keys(self) -> tuple[str, ...]:
        return tuple(key(t) for t in self.titles)


@dataclass(frozen=True)
class LineItem:
    id: str
    aliases: tuple[str, ...]
    side: str | None = None
    tables: tuple[str, ...] = ()
    section: str | None = None
    after: str | None = None
    quantity: str | None = None  # a count (辆, 台（套）), not money
    beside: bool = False  # printed beside a table's own items, not one of its parts (会议费 in a 三公 table)
    total_of_all: bool = False  # a wide table's lone 合计 over its own items and those printed beside
    alias_keys: tuple[str, ...] = field(default=(), compare=False)


@lru_cache(maxsize=1)
def tables() -> tuple[TableSpec, ...]:
    out = []
    for t in _load("tables.yaml")["tables"]:
        sig = t.get("signature") or {}
        out.append(TableSpec(
            id=t["id"], kind=t["kind"], name=t["name"], titles=tuple(t["titles"]), rows=t["rows"],
            value_measure=t.get("value_measure", "value"), sides=bool(t.get("sides", False)),
            signature_all=tuple(sig.get("all", ())), signature_any=tuple(sig.get("any", ())),
            measures=tuple(t.get("measures", ())), extra=bool(t.get("extra", False)),
            facts=bool(t.get("facts", True)),
            compose=tuple((parent, child, m) for parent, kids in (t.get("compose") or {}).items()
                          for child, m in kids.items()),
            named_by=t.get("named_by", ""),
        ))
    return tuple(out)


@lru_cache(maxsize=1)
def tables_by_id() -> dict[str, TableSpec]:
    return {t.id: t for t in tables()}


@lru_cache(maxsize=1)
def measure_rules() -> tuple[dict, ...]:
    return tuple(_load("measures.yaml")["rules"])


@lru_cache(maxsize=1)
def measure_compose() -> dict[str, dict[str, str]]:
    """parent measure -> {child measure: measure} (a column under a 上年结转 / 基本支出 … header)."""
    return dict(_load("measures.yaml").get("compose") or {})


@lru_cache(maxsize=1)
def line_items() -> tuple[LineItem, ...]:
    out = []
    for it in _load("line_items.yaml")["items"]:
        aliases = tuple(it["aliases"])
        out.append(LineItem(
            id=it["id"], aliases=aliases, side=it.get("side"), tables=tuple(it.get("tables", ())),
            section=it.get("section"), after=it.get("after"), quantity=it.get("quantity"),
            beside=bool(it.get("beside", False)), total_of_all=bool(it.get("total_of_all", False)),
            alias_keys=tuple(key(a) for a in aliases),
        ))
    return tuple(out)


def _class_map(name: str) -> dict[str, str]:
    """name key -> 3-digit code."""
    out: dict[str, str] = {}
    for code, names in _load(name).items():
        for n in names:
            out.setdefault(key(n), str(code))
    return out


@lru_cache(maxsize=1)
def function_classes() -> dict[str, str]:
    return _class_map("function_classes.yaml")


@lru_cache(maxsize=1)
def economic_classes() -> dict[str, str]:
    return _class_map("economic_classes.yaml")


def label_key(label: str) -> str:
    return key(strip_ordinal(key(label)))


@lru_cache(maxsize=None)
def line_item_by_id(item_id: str) -> LineItem:
    return next(it for it in line_items() if it.id == item_id)
