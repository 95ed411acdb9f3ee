"""Domain knowledge as data: the table, measure, line-item and account-class catalogues.

Everything a new regional variant needs (a title alias, a header word, a line label) is a change to
the YAML files next to this module, not to code.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path

import yaml

from ..textutil.normalize import key, strip_ordinal

HERE = Path(__file__).parent


def _load(name: str):
    with open(HERE / name, encoding="utf-8") as fh:
        return yaml.safe_load(fh)


@dataclass(frozen=True)
class RuleMeasure:
    """How the rules read a measure of one table (tables.yaml `rule_measures`, dim_rule_measure): a
    fact whose parsed measure is in `measures` (any when empty) and not in `unless`, and whose
    column header contains `header` (any when empty), is read as `as_measure`; the first that fits wins."""

    as_measure: str
    measures: tuple[str, ...] = ()
    unless: tuple[str, ...] = ()
    header: str = ""


@dataclass(frozen=True)
class TableSpec:
    id: str
    kind: str
    name: str
    meaning: tuple[dict, ...]  # what its title says (title_words.yaml dimensions); any one fits
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
    attachment: bool = False  # a file of these tables alone is part of a pack of this kind
    core: bool = False  # recall is measured on these; a pack of standard tables without one needs attention
    required: bool = False  # rule DI05: every pack of this kind prints it (where `named_by` says so)
    rule_measures: tuple[RuleMeasure, ...] = ()  # how the rules read this table's generic columns

    @property
    def says_kind(self) -> bool:
        """Does finding this table tell what kind of pack the document is?"""
        return not self.extra or self.attachment

    @property
    def unrecognised(self) -> bool:
        """BUD_X / FIN_X: a table with amounts that fits no catalogue table (kept, left out of the rules)."""
        return self.id.endswith("_X")


UNRECOGNISED = {"final": "FIN_X", "budget": "BUD_X"}


def unrecognised_table(kind: str | None, rows: str) -> TableSpec:
    """The spec of a table the catalogue does not know, in a pack of `kind`, with `rows` as its body shows."""
    table_id = UNRECOGNISED.get(kind or "", "X")
    rows = rows if rows in ("function", "economic") else "named"
    return TableSpec(id=table_id, kind=kind or "other", name="（未识别的表）", meaning=(), rows=rows,
                     value_measure="value", extra=True)


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
    qualifies: str | None = None  # the class rows listed under this line in its block are measured as this
    alias_keys: tuple[str, ...] = field(default=(), compare=False)


@lru_cache(maxsize=1)
def tables() -> tuple[TableSpec, ...]:
    out = []
    for t in _load("tables.yaml")["tables"]:
        sig = t.get("signature") or {}
        out.append(TableSpec(
            id=t["id"], kind=t["kind"], name=t["name"],
            meaning=tuple(t["meaning"] if isinstance(t["meaning"], list) else [t["meaning"]]), rows=t["rows"],
            value_measure=t.get("value_measure", "value"), sides=bool(t.get("sides", False)),
            signature_all=tuple(sig.get("all", ())), signature_any=tuple(sig.get("any", ())),
            measures=tuple(t.get("measures", ())), extra=bool(t.get("extra", False)),
            facts=bool(t.get("facts", True)),
            compose=tuple((parent, child, m) for parent, kids in (t.get("compose") or {}).items()
                          for child, m in kids.items()),
            named_by=t.get("named_by", ""), attachment=bool(t.get("attachment", False)),
            core=bool(t.get("core", False)), required=bool(t.get("required", False)),
            rule_measures=tuple(RuleMeasure(as_measure=r["as"], measures=tuple(r.get("measures", ())),
                                            unless=tuple(r.get("unless", ())), header=r.get("header", ""))
                                for r in t.get("rule_measures", ())),
        ))
    return tuple(out)


@lru_cache(maxsize=1)
def tables_by_id() -> dict[str, TableSpec]:
    return {t.id: t for t in tables()}


@lru_cache(maxsize=1)
def headers() -> dict[str, tuple[str, ...]]:
    """Header vocabulary (headers.yaml): which words name code, name, row-number and unit columns."""
    return {k: tuple(v) for k, v in _load("headers.yaml").items()}


@lru_cache(maxsize=1)
def organisations() -> dict[str, tuple[str, ...]]:
    """Organisation suffixes, municipalities, provinces, central prefixes (organisations.yaml)."""
    return {k: tuple(v) for k, v in _load("organisations.yaml").items()}


@lru_cache(maxsize=1)
def title_words() -> dict:
    """The vocabulary titles are read with (title_words.yaml)."""
    return _load("title_words.yaml")


@lru_cache(maxsize=1)
def measure_rules() -> tuple[dict, ...]:
    """Header -> measure rules; `vocabulary: dim.concept` adds that concept's title words to `contains`."""
    out = []
    for rule in _load("measures.yaml")["rules"]:
        rule = dict(rule)
        if "vocabulary" in rule:
            dim, concept = rule.pop("vocabulary").split(".")
            rule["contains"] = list(rule.get("contains", ())) + list(title_words()[dim][concept])
        out.append(rule)
    return tuple(out)


@lru_cache(maxsize=1)
def measure_parts() -> dict[str, tuple[str, ...]]:
    """measure -> the measures it is the sum of, where a row prints only those (measures.yaml `derived`)."""
    return {m: tuple(parts) for m, parts in (_load("measures.yaml").get("derived") or {}).items()}


@lru_cache(maxsize=1)
def measure_compose() -> dict[str, dict[str, str]]:
    """parent measure -> {child measure: measure} (a column under a 上年结转 / 基本支出 … header)."""
    return dict(_load("measures.yaml").get("compose") or {})


@lru_cache(maxsize=1)
def line_items() -> tuple[LineItem, ...]:
    out = []
    for it in _load("line_items.yaml")["items"]:
        aliases = tuple(it.get("aliases", ()))
        if "vocabulary" in it:  # the words of title_words.yaml for a concept (spend.basic: 基本支出, …)
            dim, concept = it["vocabulary"].split(".")
            aliases += tuple(title_words()[dim][concept])
        out.append(LineItem(
            id=it["id"], aliases=aliases, side=it.get("side"), tables=tuple(it.get("tables", ())),
            section=it.get("section"), after=it.get("after"), quantity=it.get("quantity"),
            beside=bool(it.get("beside", False)), total_of_all=bool(it.get("total_of_all", False)),
            qualifies=it.get("qualifies"), alias_keys=tuple(key(a) for a in aliases),
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


@lru_cache(maxsize=2)
def economic_classes_of(first_digit: str) -> dict[str, str]:
    """name key -> class code of one economic scheme: '3' 部门预算支出经济分类, '5' 政府预算支出经济分类."""
    out: dict[str, str] = {}
    for code, names in _load("economic_classes.yaml").items():
        if str(code).startswith(first_digit):
            for n in names:
                out.setdefault(key(n), str(code))
    return out


def label_key(label: str) -> str:
    return key(strip_ordinal(key(label)))


@cache
def line_item_by_id(item_id: str) -> LineItem:
    return next(it for it in line_items() if it.id == item_id)
