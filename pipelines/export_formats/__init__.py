"""Analyst export formats beside the canonical CSVs: Parquet, an Excel workbook, a Fiscal Data Package."""
from __future__ import annotations

from pathlib import Path

import duckdb


def export_all(con: duckdb.DuckDBPyConnection, out_dir: Path, counts: dict[str, int] | None = None) -> dict[str, int]:
    """Write facts/documents .parquet, fiscal.xlsx and datapackage.json (+ the code hierarchies) into out_dir.

    `counts` are the canonical CSVs' row counts, recorded in datapackage.json. Returns rows written per file."""
    from .datapackage import export_datapackage
    from .excel import export_excel
    from .parquet import export_parquet

    out_dir = Path(out_dir)
    written = export_parquet(con, out_dir)
    sheets = export_excel(con, out_dir / "fiscal.xlsx")
    written["fiscal.xlsx"] = sum(n for name, n in sheets.items() if name != "文件")
    written.update(export_datapackage(con, out_dir, counts))
    return written
