"""great-expectations judges the reconciliation results (suites: expectations/*.json).

A suite's expectations each carry meta.outcome: the outcome of the rows it finds unexpected. A row
takes the worst outcome any expectation gives it, else `pass`. GX runs on pandas DataFrames (its SQL
datasource does not work on DuckDB) and is imported lazily: the import alone costs seconds.
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .. import resources

if TYPE_CHECKING:  # pandas is imported by the caller that builds the frames
    import pandas as pd

SUITES_DIR = resources.expectations_dir()
SUITE_FOR = {"numeric": "reconciliation", "assertion": "assertion"}
# worst first
PRECEDENCE = ("error", "insufficient_data", "fail", "rounding", "pass")


class SuiteError(ValueError):
    pass


def load_suite(name: str, folder: Path = SUITES_DIR) -> dict:
    path = folder / f"{name}.json"
    try:
        suite = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise SuiteError(f"{path}: expectation suite not found") from exc
    except json.JSONDecodeError as exc:
        raise SuiteError(f"{path}: not valid JSON: {exc}") from exc
    for i, e in enumerate(suite.get("expectations", [])):
        outcome = (e.get("meta") or {}).get("outcome")
        if outcome not in PRECEDENCE:
            raise SuiteError(f"{path}: expectation {i} ({e.get('type')}) needs meta.outcome in {PRECEDENCE}")
    return suite


@dataclass
class Verdicts:
    outcome: dict[int, str] = field(default_factory=dict)  # row_id -> outcome
    docs_index: Path | None = None
    statistics: dict[str, dict] = field(default_factory=dict)  # suite -> GX statistics


def _worst(a: str, b: str) -> str:
    return a if PRECEDENCE.index(a) <= PRECEDENCE.index(b) else b


def _context(docs_dir: Path | None):
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "False")
    import great_expectations as gx
    from great_expectations.data_context.types.base import ProgressBarsConfig

    ctx = gx.get_context(mode="ephemeral")
    ctx.variables.progress_bars = ProgressBarsConfig(globally=False)
    if docs_dir is not None:
        ctx.add_data_docs_site(site_name="checks", site_config={
            "class_name": "SiteBuilder",
            "store_backend": {"class_name": "TupleFilesystemStoreBackend", "base_directory": str(docs_dir)},
            "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"},
        })
    return gx, ctx


def judge(frames: dict[str, pd.DataFrame | None], docs_dir: Path | None = None, suites_dir: Path = SUITES_DIR) -> Verdicts:
    """frames: {'numeric': DataFrame, 'assertion': DataFrame}, each with a unique row_id column.

    Returns the outcome of every row; builds GX Data Docs into docs_dir when given.
    """
    verdicts = Verdicts()
    todo = {kind: df for kind, df in frames.items() if df is not None and len(df)}
    if not todo:
        return verdicts
    gx, ctx = _context(docs_dir)
    source = ctx.data_sources.add_pandas("check_results")
    actions = [gx.checkpoint.UpdateDataDocsAction(name="data_docs")] if docs_dir is not None else []
    for kind, df in todo.items():
        spec = load_suite(SUITE_FOR[kind], suites_dir)
        suite = ctx.suites.add(gx.ExpectationSuite(name=spec["name"], expectations=spec["expectations"],
                                                   meta=spec.get("meta")))
        batch = source.add_dataframe_asset(f"{kind}_instances").add_batch_definition_whole_dataframe("all")
        vd = ctx.validation_definitions.add(gx.ValidationDefinition(name=f"{kind}_rules", data=batch, suite=suite))
        checkpoint = ctx.checkpoints.add(gx.Checkpoint(
            name=f"{kind}_checkpoint", validation_definitions=[vd], actions=actions,
            result_format={"result_format": "COMPLETE", "unexpected_index_column_names": ["row_id"]}))
        result = checkpoint.run(batch_parameters={"dataframe": df})
        for row_id in df["row_id"]:
            verdicts.outcome[int(row_id)] = "pass"
        for run in result.run_results.values():
            verdicts.statistics[spec["name"]] = dict(run.statistics)
            for r in run.results:
                outcome = r.expectation_config.meta["outcome"]
                if r.exception_info and r.exception_info.get("raised_exception"):
                    raise SuiteError(f"suite {spec['name']}: {r.expectation_config.type} raised "
                                     f"{r.exception_info.get('exception_message')}")
                for hit in r.result.get("unexpected_index_list") or []:
                    rid = int(hit["row_id"])
                    verdicts.outcome[rid] = _worst(outcome, verdicts.outcome[rid])
    if docs_dir is not None:
        index = Path(docs_dir) / "index.html"
        verdicts.docs_index = index if index.exists() else None
    return verdicts
