"""The narrative vocabulary (vocabulary.yaml), loaded once and pre-normalised."""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

import yaml

from ..textutil.normalize import key

HERE = Path(__file__).parent


@dataclass(frozen=True)
class Vocabulary:
    sections: tuple[tuple[str, tuple[str, ...]], ...]
    starts: tuple[str, ...]
    ends: tuple[str, ...]
    aliases: dict[str, str]  # alias key -> topic
    roles: tuple[tuple[str, tuple[str, ...]], ...]
    increase: tuple[str, ...]
    decrease: tuple[str, ...]
    parent_cues: tuple[str, ...]
    wording: tuple[tuple[str, str], ...]  # (phrase key, greater|less|equal), longest first
    empty_subjects: frozenset[str]
    strip_prefixes: tuple[re.Pattern, ...]
    share_base: dict[str, str]  # section -> topic a bare 占X% is a share of
    plausible: dict[str, Decimal]  # money_wan | percent | count -> largest absolute value a narrative can state

    def section_of(self, heading: str) -> str | None:
        k = key(heading)
        for section, words in self.sections:
            if any(w in k for w in words):
                return section
        return None

    def topic_of(self, subject: str) -> str | None:
        """Exact alias, else the longest alias the subject ends with."""
        if subject in self.aliases:
            return self.aliases[subject]
        best = None
        for alias, topic in self.aliases.items():
            if subject.endswith(alias) and (best is None or len(alias) > len(best[0])):
                best = (alias, topic)
        return best[1] if best else None


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    with open(HERE / "vocabulary.yaml", encoding="utf-8") as fh:
        v = yaml.safe_load(fh)
    aliases: dict[str, str] = {}
    for topic, names in v["topics"].items():
        for n in names:
            aliases.setdefault(key(n), topic)
    wording = sorted(((key(p), w) for w, phrases in v["wording"].items() for p in phrases), key=lambda t: -len(t[0]))
    return Vocabulary(
        sections=tuple((s["section"], tuple(key(w) for w in s["any"])) for s in v["sections"]),
        starts=tuple(key(s) for s in v["starts"]), ends=tuple(key(s) for s in v["ends"]),
        aliases=aliases,
        roles=tuple((r["measure"], tuple(sorted((key(e) for e in r["ends"]), key=len, reverse=True)))
                    for r in v["roles"]),
        increase=tuple(v["increase"]), decrease=tuple(v["decrease"]),
        parent_cues=tuple(key(c) for c in v["parent_cues"]), wording=tuple(wording),
        empty_subjects=frozenset(key(s) for s in v["empty_subjects"]),
        strip_prefixes=tuple(re.compile(p) for p in v["strip_prefixes"]),
        share_base=dict(v["share_base"]),
        plausible={k: Decimal(str(n)) for k, n in v["plausible"].items()},
    )
