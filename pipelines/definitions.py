"""The Dagster code location (pyproject.toml [tool.dagster]): it only assembles the stages' definitions.

The settings are built once from the environment here and given to every stage. Global policy
applied here: the in-process executor is the default for every run (backfills included); jobs
that want another executor say so themselves (see defs/ingest/jobs.py). The single-run backfill
policy is a Dagster beta feature used on purpose: its warning is silenced.
"""
from __future__ import annotations

import warnings

import dagster as dg

from .defs import checks, fetch, ingest, parse, reports, warehouse
from .settings import Settings

STAGES = (fetch, ingest, parse, warehouse, checks, reports)


def build(settings: Settings) -> dg.Definitions:
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", category=dg.BetaWarning)
        return dg.Definitions.merge(*(stage.defs(settings) for stage in STAGES),
                                    dg.Definitions(executor=dg.in_process_executor))


defs = build(Settings.from_env())  # the code location's edge: the environment is read here, once
