"""Chinese labels for canonical values (labels.yaml) and for line items (the catalogue's aliases)."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

from .. import catalogue

HERE = Path(__file__).parent


@lru_cache(maxsize=1)
def labels() -> dict:
    with open(HERE / "labels.yaml", encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def label(group: str, value, default: str | None = None) -> str:
    """The Chinese label of `value` in `group` (measures, doc_kinds, …); the value itself if unknown."""
    if value is None:
        return default or ""
    return str(labels().get(group, {}).get(value, default if default is not None else value))


@lru_cache(maxsize=1)
def line_item_labels() -> dict[str, str]:
    """line item id -> its first catalogue alias (e.g. income_gpb -> 一般公共预算财政拨款收入)."""
    return {li.id: li.aliases[0] for li in catalogue.line_items() if li.aliases}


def measure(m: str) -> str:
    return label("measures", m)


def column(c: str) -> str:
    return label("columns", c)
