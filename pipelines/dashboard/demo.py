"""A warehouse built from the shipped sample (data/sample/specs), in a folder of its own: what
`fiscal dashboard --sample DIR` serves, so the dashboard can be tried without touching the real
warehouse (and what the dashboard and mart tests run against)."""
from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def warehouse_env(path: Path):
    """FISCAL_WAREHOUSE set to `path` for the duration (restored afterwards)."""
    old = os.environ.get("FISCAL_WAREHOUSE")
    os.environ["FISCAL_WAREHOUSE"] = str(path)
    try:
        yield path
    finally:
        if old is None:
            os.environ.pop("FISCAL_WAREHOUSE", None)
        else:
            os.environ["FISCAL_WAREHOUSE"] = old


def sample_warehouse(out_dir: str | Path, workers: int | None = None) -> Path:
    """The sample warehouse in out_dir, built unless a published snapshot is already there."""
    wh = Path(out_dir) / "warehouse.duckdb"
    if wh.exists() and wh.with_name("warehouse.read.duckdb").exists():
        return wh
    return build_sample_warehouse(out_dir, workers)


def build_sample_warehouse(out_dir: str | Path, workers: int | None = None) -> Path:
    """Render the sample packs to out_dir/pdfs and ingest them into out_dir/warehouse.duckdb.

    Returns the warehouse path. Re-running is cheap: rendering is deterministic and unchanged files
    are skipped by the ingestion. Raises RuntimeError naming the files that did not load."""
    from ..generator import generate_sample
    from ..ingest.runner import ingest

    out_dir = Path(out_dir)
    pdfs = out_dir / "pdfs"
    generate_sample(pdfs)
    wh = out_dir / "warehouse.duckdb"
    with warehouse_env(wh):
        report = ingest([pdfs], workers=workers, progress=None, trigger="sample")
    bad = [f"{o.file}: {o.reason}" for o in report.outcomes if o.outcome == "rejected"] + report.problems
    if bad:
        raise RuntimeError("sample files not loaded: " + "; ".join(bad))
    return wh
