"""Analyst export formats beside the canonical CSVs: Parquet, an Excel workbook, a Fiscal Data Package."""
