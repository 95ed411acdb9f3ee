"""`fiscal rules`: the consistency-rule catalogue as CSV (rule_id, group, severity, applies_to, description)."""
from __future__ import annotations

import csv
import sys


def register(sub) -> None:
    p = sub.add_parser("rules", help="print the consistency-rule catalogue as CSV")
    p.add_argument("--basis", action="store_true", help="add the basis column (where each rule comes from)")
    p.set_defaults(func=cmd_rules)


def cmd_rules(args) -> int:
    from ..checks.catalogue import CatalogueError, rules
    try:
        catalogue = rules()
    except CatalogueError as exc:
        print(f"fiscal rules: {exc}", file=sys.stderr)
        return 2
    w = csv.writer(sys.stdout, lineterminator="\n")
    w.writerow(["rule_id", "group", "severity", "applies_to", "description"] + (["basis"] if args.basis else []))
    for r in catalogue:
        w.writerow([r.rule_id, r.group, r.severity, ",".join(r.applies_to), r.description]
                   + ([r.basis] if args.basis else []))
    return 0
