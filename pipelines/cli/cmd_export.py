"""`fiscal export`: the canonical CSVs, Parquet, the Excel workbook and the Fiscal Data Package."""
from __future__ import annotations

import sys
from pathlib import Path


def register(sub) -> None:
    p = sub.add_parser("export", help="write the canonical export (documents.csv, facts.csv, checks.csv) and the "
                                      "analyst formats (Parquet, fiscal.xlsx, datapackage.json)")
    p.add_argument("--out", required=True, help="output folder (created if missing; files in it are replaced)")
    p.set_defaults(func=cmd_export)


def cmd_export(args) -> int:
    from .. import core
    from ..export_formats.canonical import export_canonical
    out = Path(args.out)
    if out.exists() and not out.is_dir():
        print(f"fiscal export: --out {out}: exists and is not a folder (give a folder to write the export into)",
              file=sys.stderr)
        return 2
    con = core.reader(args.settings, write_dir=out)  # no warehouse, not a warehouse: a one-line message (cli.errors)
    try:
        try:
            out.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            print(f"fiscal export: --out {out}: cannot create the folder ({exc.strerror})", file=sys.stderr)
            return 2
        counts = export_canonical(con, out)
        from ..export_formats import export_all  # Parquet, Excel workbook, Fiscal Data Package
        counts.update(export_all(con, out, dict(counts)))
    finally:
        con.close()
    for name, n in counts.items():
        print(f"{out / name}: {n} rows")
    return 0
