"""A warehouse built from the shipped sample (data/sample/specs), in a folder of its own: what
`fiscal dashboard --sample DIR` serves, so the dashboard can be tried without touching the real
warehouse (and what the dashboard and mart tests run against)."""
from __future__ import annotations

from pathlib import Path

from ..settings import Settings


def sample_warehouse(out_dir: str | Path, workers: int | None = None, settings: Settings | None = None) -> Path:
    """The sample warehouse in out_dir, built unless a published snapshot is already there."""
    wh = Path(out_dir) / "warehouse.duckdb"
    if wh.exists() and wh.with_name("warehouse.read.duckdb").exists():
        return wh
    return build_sample_warehouse(out_dir, workers, settings)


def build_sample_warehouse(out_dir: str | Path, workers: int | None = None, settings: Settings | None = None) -> Path:
    """Render the sample packs to out_dir/pdfs and ingest them into out_dir/warehouse.duckdb.

    `settings`: the limits, backend and policies to ingest with (the defaults when not given); the
    warehouse, staging and quarantine are out_dir's own. Returns the warehouse path. Re-running is
    cheap: rendering is deterministic and unchanged files are skipped by the ingestion. Raises
    RuntimeError naming the files that did not load."""
    from ..core import ingest
    from . import generate_sample

    out_dir = Path(out_dir)
    pdfs = out_dir / "pdfs"
    generate_sample(pdfs)
    wh = out_dir / "warehouse.duckdb"
    mine = (settings or Settings.from_env({})).for_warehouse(wh)
    report = ingest(mine, [pdfs], workers=workers, progress=None, trigger="sample")
    bad = [f"{o.file}: {o.reason}" for o in report.outcomes if o.outcome == "rejected"] + report.problems
    if bad:
        raise RuntimeError("sample files not loaded: " + "; ".join(bad))
    return wh
