"""Join a newly loaded document with its pack partner, inside the loader's transaction.

A narrative and a tables-only document are partners when they are of the same kind, their years
agree (or one has none), and the narrative states the tables' totals (see `match`): the best
candidate must be acceptable and better than every other. The link goes to `pack_link`. A member
whose identity came from nowhere but its file name (or is missing) takes the partner's department,
year and region; two members naming the department differently become one department identity
(the tables' printed name is kept as one of its names). Every decision is written to the
document's evidence.
"""
from __future__ import annotations

import json

import duckdb

from ..catalogue.departments import group_key
from .figures import stated_figures, table_figures
from .match import Match, best, match

WEAK = ("filename (last resort)", "not found")


def _weak(evidence: dict, field: str) -> bool:
    ev = str((evidence or {}).get(field, ""))
    return not ev or ev.startswith(WEAK)


def _doc(con: duckdb.DuckDBPyConnection, document_id: str) -> dict | None:
    row = con.execute("SELECT document_id, doc_kind, fiscal_year, department_key, department, region, evidence "
                      "FROM document WHERE document_id = ?", [document_id]).fetchone()
    if row is None:
        return None
    keys = ("document_id", "doc_kind", "fiscal_year", "department_key", "department", "region", "evidence")
    d = dict(zip(keys, row))
    d["evidence"] = json.loads(d["evidence"]) if d["evidence"] else {}
    return d


def _table_figs(con, document_id: str):
    rows = con.execute("SELECT table_id, account_code, line_item, amount_wan, coalesce(entity, '') AS entity "
                       "FROM fact_amount WHERE document_id = ?", [document_id]).fetchall()
    return table_figures([dict(zip(("table_id", "account_code", "line_item", "amount_wan", "entity"), r))
                          for r in rows])


def _stated(con, document_id: str):
    texts = [r[0] or "" for r in con.execute(
        "SELECT text FROM document_page WHERE document_id = ? ORDER BY page", [document_id]).fetchall()]
    return stated_figures(texts)


def _candidates(con, doc: dict, part: str) -> list[str]:
    other = "narrative" if part == "tables" else "tables"
    region = doc["region"] or None
    rows = con.execute(
        "SELECT document_id FROM document WHERE status = 'loaded' AND is_current AND doc_kind = ? "
        "AND coalesce(evidence->>'pack_part', 'full') = ? AND document_id <> ? "
        "AND (fiscal_year IS NULL OR ? IS NULL OR fiscal_year = ?) "
        "AND (coalesce(region, '') = '' OR ? IS NULL OR region = ?)",
        [doc["doc_kind"], other, doc["document_id"], doc["fiscal_year"], doc["fiscal_year"], region, region]).fetchall()
    return [r[0] for r in rows]


def link_document(con: duckdb.DuckDBPyConnection, document_id: str) -> dict | None:
    """Link a loaded narrative/tables document with its partner. Returns the link (or None)."""
    con.execute("DELETE FROM pack_link WHERE tables_document_id = ? OR narrative_document_id = ?",
                [document_id, document_id])
    doc = _doc(con, document_id)
    if doc is None or doc["doc_kind"] not in ("budget", "final"):
        return None
    part = doc["evidence"].get("pack_part")
    if part not in ("narrative", "tables"):
        return None
    linked = {r[0] for r in con.execute("SELECT tables_document_id FROM pack_link UNION ALL "
                                        "SELECT narrative_document_id FROM pack_link").fetchall()}
    cands = [c for c in _candidates(con, doc, part) if c not in linked]
    if not cands:
        return None
    scores: dict[str, Match] = {}
    if part == "tables":
        figs = _table_figs(con, document_id)
        for c in cands:
            scores[c] = match(figs, _stated(con, c))
    else:
        stated = _stated(con, document_id)
        for c in cands:
            scores[c] = match(_table_figs(con, c), stated)
    won = best(scores)
    if won is None:
        return None
    partner, m = won
    tables_id, narrative_id = (document_id, partner) if part == "tables" else (partner, document_id)
    tables_doc, narrative_doc = _doc(con, tables_id), _doc(con, narrative_id)
    assert tables_doc is not None and narrative_doc is not None  # the document and a candidate read from `document`
    identity_from = _share_identity(con, tables_doc, narrative_doc, m)
    matched = [[str(t), str(s)] for t, s in m.matched]
    con.execute("INSERT INTO pack_link (tables_document_id, narrative_document_id, method, n_matched, matched, "
                "identity_from) VALUES (?, ?, 'totals_match', ?, ?, ?)",
                [tables_id, narrative_id, m.score, json.dumps(matched), identity_from])
    return {"tables": tables_id, "narrative": narrative_id, "n_matched": m.score, "identity_from": identity_from}


def attach(con: duckdb.DuckDBPyConnection, document_id: str) -> list[str]:
    """Join attachment files and pack documents of one department, fiscal year and kind (either way
    round, so the order they arrive in does not matter). Returns the documents now joined to this one."""
    doc = _doc(con, document_id)
    if doc is None or doc["doc_kind"] not in ("budget", "final") or doc["department_key"] is None \
            or doc["fiscal_year"] is None:
        return []
    part = doc["evidence"].get("pack_part")
    want = "= 'attachment'" if part != "attachment" else "<> 'attachment'"
    others = [r[0] for r in con.execute(
        "SELECT document_id FROM document WHERE status = 'loaded' AND is_current AND doc_kind = ? "
        "AND department_key = ? AND fiscal_year = ? AND document_id <> ? "
        f"AND coalesce(evidence->>'pack_part', 'full') {want}",
        [doc["doc_kind"], doc["department_key"], doc["fiscal_year"], document_id]).fetchall()]
    for other in others:
        att, pack = (document_id, other) if part == "attachment" else (other, document_id)
        con.execute("INSERT INTO pack_attachment (attachment_document_id, pack_document_id, method) "
                    "VALUES (?, ?, 'identity') ON CONFLICT DO NOTHING", [att, pack])
    return others


def _share_identity(con, tables: dict, narrative: dict, m: Match) -> str | None:
    """Fill a weak member's identity from its partner; join two names of one department."""
    how = f"pack partner {{}}: its narrative states {m.score} of this pack's totals"
    moved = None
    for weak, strong, role in ((tables, narrative, "narrative"), (narrative, tables, "tables")):
        changes: dict[str, object] = {}
        if strong["department"] and _weak(weak["evidence"], "department"):
            changes.update(department=strong["department"], department_key=strong["department_key"],
                           region=strong["region"] or weak["region"])
            weak["evidence"]["department"] = how.format(strong["document_id"][:12]) + f" (was: {weak['evidence'].get('department', '')})"
        if strong["fiscal_year"] is not None and (weak["fiscal_year"] is None or _weak(weak["evidence"], "fiscal_year")):
            changes["fiscal_year"] = strong["fiscal_year"]
            weak["evidence"]["fiscal_year"] = how.format(strong["document_id"][:12]) + f" (was: {weak['evidence'].get('fiscal_year', '')})"
        if changes:
            _apply(con, weak["document_id"], changes, weak["evidence"])
            weak.update(changes)
            moved = role
    if tables["department_key"] is not None and narrative["department_key"] is not None \
            and tables["department_key"] != narrative["department_key"]:
        _merge_department(con, keep=narrative["department_key"], drop_doc=tables)
        moved = moved or "narrative"
    return moved


def _apply(con, document_id: str, changes: dict, evidence: dict) -> None:
    sets = ", ".join(f"{k} = ?" for k in changes)
    con.execute(f"UPDATE document SET {sets}, evidence = ? WHERE document_id = ?",
                [*changes.values(), json.dumps(evidence, ensure_ascii=False), document_id])
    fact_changes = {k: v for k, v in changes.items() if k in ("department_key", "fiscal_year")}
    if fact_changes:
        sets = ", ".join(f"{k} = ?" for k in fact_changes)
        con.execute(f"UPDATE fact_amount SET {sets} WHERE document_id = ?", [*fact_changes.values(), document_id])
    if changes.get("department_key") is not None:
        con.execute("INSERT INTO dim_department_name SELECT ?, department, ?, fiscal_year, document_id FROM document "
                    "WHERE document_id = ? ON CONFLICT DO NOTHING",
                    [changes["department_key"], group_key(changes.get("department", "")), document_id])


def _merge_department(con, keep: int, drop_doc: dict) -> None:
    """The tables printed the department under another name: one department, both names kept."""
    old = drop_doc["department_key"]
    con.execute("UPDATE document SET department_key = ? WHERE document_id = ?", [keep, drop_doc["document_id"]])
    con.execute("UPDATE fact_amount SET department_key = ? WHERE document_id = ?", [keep, drop_doc["document_id"]])
    con.execute("INSERT INTO dim_department_name SELECT ?, name, name_key, fiscal_year, first_document_id "
                "FROM dim_department_name WHERE department_key = ? AND first_document_id = ? ON CONFLICT DO NOTHING",
                [keep, old, drop_doc["document_id"]])
    con.execute("DELETE FROM dim_department_name WHERE department_key = ? AND first_document_id = ?",
                [old, drop_doc["document_id"]])
    if con.execute("SELECT count(*) FROM document WHERE department_key = ?", [old]).fetchone()[0] == 0:
        con.execute("DELETE FROM dim_department WHERE department_key = ?", [old])
