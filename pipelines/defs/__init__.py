"""Dagster definitions, one folder per stage (ingest, parse, warehouse, checks, reports).

Each folder's `defs()` returns its own `Definitions`; `pipelines/definitions.py` only merges them.
The assets call the same functions as `fiscal ingest` (pipelines/ingest/runner.py), so the CLI and
Dagster produce the same warehouse.
"""
