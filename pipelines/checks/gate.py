"""The publication gate: one rule, used by `fiscal ingest`, `fiscal check` and Dagster's dashboard_snapshot.

Readers (dashboards, `fiscal query`, `fiscal status`) open the read snapshot, never the writer's
file. The gate looks at the failures (or errors) of rules of severity `parse` in the current
documents' latest results: such a failure means the extraction itself is wrong somewhere (a table
read without figures, a printed figure not read, an assumed unit …). What it does with them is the
publication policy (FISCAL_PUBLICATION, Settings.publication):
  * `flag` (default): publish, and record the failing documents with the publication, so
    `fiscal status`, the dashboard and documents.csv (attention) name them; one odd pack never
    keeps every other new document from the readers;
  * `strict`: hold the snapshot back; readers keep the previous snapshot rather than see a
    broken load. The same rows give the same
decision whoever asks, since the gate reads only the warehouse. An operator who reviewed such
failures can accept them (`fiscal check --publish-anyway`: one publication_waiver row per
document and rule); a new failure holds the snapshot back again.

Held back, the writer notes why in a small state file next to the warehouse
(<warehouse>.publication.json), which `fiscal status` and the dashboard show: the snapshot they
read is older than the warehouse, since when and because of which documents and rules.
"""
from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path

BLOCKING_SQL = """
SELECT l.document_id, d.file_name, l.rule_id, l.outcome, coalesce(l.location, ''), coalesce(l.detail, '')
FROM v_check_latest l
JOIN document d USING (document_id)
WHERE d.status = 'loaded' AND d.is_current AND l.severity = 'parse' AND l.outcome IN ('fail', 'error')
  AND NOT EXISTS (SELECT 1 FROM publication_waiver w WHERE w.document_id = l.document_id AND w.rule_id = l.rule_id)
ORDER BY d.file_name, l.rule_id, l.location
"""


@dataclass
class Gate:
    open: bool
    blocking: list[tuple] = field(default_factory=list)  # (document_id, file_name, rule_id, outcome, location, detail)

    @property
    def reason(self) -> str:
        if self.open:
            return ""
        docs = sorted({(b[1], b[0]) for b in self.blocking})
        rules = sorted({b[2] for b in self.blocking})
        shown = "; ".join(f"{name} ({doc[:12]})" for name, doc in docs[:3]) + (
            f" and {len(docs) - 3} more" if len(docs) > 3 else "")
        return (f"parse-integrity rules {', '.join(rules)} fail on {len(docs)} current document(s): {shown}")


POLICIES = ("flag", "strict")


def evaluate(con, policy: str = "flag") -> Gate:
    """The gate on the warehouse as it is now (the writer's connection): open unless parse-integrity
    failures stand and the policy is strict; `blocking` lists those failures either way."""
    if policy not in POLICIES:
        raise ValueError(f"publication policy {policy!r}: choose one of {', '.join(POLICIES)}")
    rows = con.execute(BLOCKING_SQL).fetchall()
    return Gate(open=not rows or policy == "flag", blocking=rows)


@dataclass
class Publication:
    published: bool
    at: str  # when this decision was taken (ISO time)
    reason: str = ""  # why the snapshot was held back ('' when published)
    snapshot: str = ""  # the snapshot's path
    published_at: str = ""  # when the snapshot readers see was published
    blocking: list[list] = field(default_factory=list)  # [document_id, file_name, rule_id, outcome, location]
    # (held back: what holds it; published: the failures waived for it)

    @property
    def summary(self) -> str:
        if self.published:
            flagged = sorted({b[1] for b in self.blocking}) if self.blocking else []
            note = (f"; {len(flagged)} document(s) flagged by parse-integrity rules: {', '.join(flagged[:3])}"
                    + (" …" if len(flagged) > 3 else "")) if flagged else ""
            return f"snapshot published ({self.snapshot}){note}"
        since = f" (readers see the snapshot of {self.published_at})" if self.published_at else ""
        return f"snapshot not published{since}: {self.reason}; fix or replace those documents, then `fiscal check`"


def state_path(warehouse: Path) -> Path:
    w = Path(warehouse)
    return w.with_name(w.name + ".publication.json")


def read_state(warehouse: Path) -> Publication | None:
    """The last publication decision, as the writer recorded it (None before any)."""
    try:
        d = json.loads(state_path(warehouse).read_text(encoding="utf-8"))
        return Publication(**d)
    except (OSError, ValueError, TypeError):
        return None


def _write_state(pub: Publication, warehouse: Path) -> None:
    target = state_path(warehouse)
    tmp = target.with_name(target.name + f".tmp{os.getpid()}")
    try:
        tmp.write_text(json.dumps(asdict(pub), ensure_ascii=False, indent=1), encoding="utf-8")
        os.replace(tmp, target)
    except OSError:
        pass  # the state file only informs readers; the decision stands without it


def waive(con, blocking: list[tuple]) -> int:
    """Accept these parse-integrity failures (document, rule): they no longer hold the snapshot back."""
    pairs = sorted({(b[0], b[2]) for b in blocking})
    if pairs:
        con.executemany("INSERT INTO publication_waiver (document_id, rule_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                        pairs)
    return len(pairs)


def ensure_snapshot(con, path: Path, policy: str = "flag") -> None:
    """Readers never open the writer's file: when no snapshot exists yet, publish one now, through
    the gate. Held back, the first snapshot holds the schema and no data (readers see an empty
    warehouse and, in `fiscal status`, why)."""
    from ..warehouse.connection import snapshot_of

    path = Path(path)
    snap = snapshot_of(path)
    if snap.exists():
        return
    pub = publish_if_open(con, path, policy)
    if not pub.published:
        _publish_empty(snap)


def _publish_empty(snap: Path) -> None:
    import duckdb

    from ..warehouse.connection import STORAGE_COMPATIBILITY
    from ..warehouse.schema import ensure_schema

    tmp = snap.with_name(snap.name + f".tmp{os.getpid()}")
    if tmp.exists():
        tmp.unlink()
    con = duckdb.connect(str(tmp), config={"storage_compatibility_version": STORAGE_COMPATIBILITY})
    try:
        ensure_schema(con)
    finally:
        con.close()
    os.replace(tmp, snap)


def publish_if_open(con, path: Path, policy: str = "flag", waive_blocking: bool = False) -> Publication:
    """Publish the read snapshot of the warehouse at `path` if the gate is open under `policy`;
    otherwise hold it back. Records the decision.
    waive_blocking: accept the failures that hold it back now (recorded), then publish."""
    from ..warehouse.connection import publish_snapshot

    gate = evaluate(con, policy)
    waived = []
    if gate.blocking and waive_blocking:
        waive(con, gate.blocking)
        waived = [list(b[:5]) for b in gate.blocking[:50]]
        gate = evaluate(con, policy)
    flagged = waived or [list(b[:5]) for b in gate.blocking[:50]]
    now = datetime.now().isoformat(timespec="seconds")
    before = read_state(path)
    if gate.open:
        snap = publish_snapshot(con, path)
        pub = Publication(True, now, snapshot=str(snap), published_at=now, blocking=flagged)
    else:
        last = before.published_at if before else ""
        pub = Publication(False, now, reason=gate.reason, published_at=last,
                          blocking=[list(b[:5]) for b in gate.blocking[:50]])
    _write_state(pub, path)
    return pub
