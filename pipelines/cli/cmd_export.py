"""`fiscal export`."""
from __future__ import annotations

from pathlib import Path



def register(sub) -> None:
    p = sub.add_parser("export", help="write the canonical export (documents.csv, facts.csv)")
    p.add_argument("--out", required=True, help="output folder")
    p.set_defaults(func=cmd_export)


def cmd_export(args) -> int:
    from ..warehouse.connection import connect_read
    from ..warehouse.export import export_canonical
    con = connect_read()
    try:
        counts = export_canonical(con, Path(args.out))
        from ..export_formats import export_all  # Parquet, Excel workbook, Fiscal Data Package
        counts.update(export_all(con, Path(args.out), dict(counts)))
    finally:
        con.close()
    for name, n in counts.items():
        print(f"{Path(args.out) / name}: {n} rows")
    return 0
