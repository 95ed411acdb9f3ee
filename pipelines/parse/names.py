"""Rows printed by name only, keyed by the codes the same pack prints for those names.

深圳's 收支总表 lists the expenditure side as 类 / 款 / 项 names without codes (the level shows only
in the indentation): 一、一般公共服务支出 / 审计事务 / 行政运行. The pack's own function-coded tables
print the same names with codes, so a name row takes the code that (a) the pack prints for that
name and (b) sits under the 类 (and 款) named just above it. A name the pack never codes, or codes
ambiguously, stays unresolved (an `unmapped_row` issue), never guessed.
"""
from __future__ import annotations

from collections import defaultdict

from ..textutil.normalize import key
from .model import DocumentResult


def _name_codes(doc: DocumentResult) -> dict[str, set[str]]:
    out: dict[str, set[str]] = defaultdict(set)
    for f in doc.facts:
        if f.account_scheme == "function" and f.account_code and f.account_name:
            out[key(f.account_name)].add(f.account_code)
    return out


def resolve_names(doc: DocumentResult) -> int:
    """Give uncoded expenditure name rows of summary tables their function code; returns how many rows."""
    codes = _name_codes(doc)
    resolved_rows = 0
    by_table: dict[int, list] = defaultdict(list)
    for f in doc.facts:
        if f.account_scheme in ("line", "function") and f.side != "income" and not f.entity:
            by_table[f.table_seq].append(f)
    for facts in by_table.values():
        if not any(f.account_scheme == "line" and not f.line_item and not f.account_code for f in facts):
            continue
        rows: dict[int, list] = defaultdict(list)
        for f in facts:
            rows[f.row].append(f)
        context: list[str] = []  # the codes of the rows above: 类, then 款
        for r in sorted(rows):
            fs = rows[r]
            f0 = fs[0]
            if f0.account_code:
                context = [c for c in context if f0.account_code.startswith(c) and c != f0.account_code]
                context.append(f0.account_code)
                continue
            if f0.line_item or not f0.account_name:
                continue
            cands = codes.get(key(f0.account_name), set())
            under = [c for c in cands if context and c.startswith(context[0]) and len(c) > len(context[0])]
            if len(under) > 1:
                deeper = [c for c in under if any(c.startswith(p) and len(c) == len(p) + 2 for p in context)]
                under = deeper or under
            if len(under) != 1:
                continue
            code = under[0]
            for f in fs:
                f.account_scheme, f.account_code = "function", code
            resolved_rows += 1
            context = [c for c in context if code.startswith(c)] + [code]
    if resolved_rows:
        coded = {(f.table_seq, f.account_name) for f in doc.facts if f.account_code}
        for t in doc.tables:
            t.issues = [i for i in t.issues
                        if not (i.startswith("unmapped_row") and (t.seq, i.split(": ", 1)[-1].strip("'\"")) in coded)]
    return resolved_rows
