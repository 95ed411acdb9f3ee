"""The bench's step timer (pipelines/bench/phases.py) times every stage pipelines/core.py runs: a stage
renamed in the core must not silently drop out of BENCHMARKS.md."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from pipelines.bench.phases import CORE_STEPS, RUNNER_STEPS
from pipelines.bench.report import PHASE_LABELS

ROOT = Path(__file__).resolve().parents[2]


def test_every_stage_of_an_ingest_is_timed_and_labelled(sample_pdfs, tmp_path):
    pdf = sample_pdfs[0][0]
    out = tmp_path / "phases.json"
    env = dict(os.environ, FISCAL_WAREHOUSE=str(tmp_path / "wh" / "warehouse.duckdb"))
    r = subprocess.run([sys.executable, "-m", "pipelines.bench.phases", str(out), "ingest", "--quiet", str(pdf)],
                       cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr[-2000:]
    phases = json.loads(out.read_text(encoding="utf-8"))
    assert set(phases) == {"imports", "total", *CORE_STEPS, *RUNNER_STEPS}
    assert set(PHASE_LABELS) == {*CORE_STEPS, *RUNNER_STEPS}
    assert phases["parse_to_staging"][0] > 0 and phases["check"][0] > 0
    assert phases["total"][0] >= phases["parse_to_staging"][0] + phases["load"][0] + phases["check"][0]
