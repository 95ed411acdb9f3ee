import csv
import hashlib
import runpy
import sys
import time
from pathlib import Path

import pipelines.generator
from pipelines.generator import generate_sample
from pipelines.generator.expected import COLUMNS
from pipelines.settings import project_data_dir


def test_generate_sample_renders_every_spec_quickly(tmp_path, all_specs):
    t0 = time.monotonic()
    pairs = generate_sample(tmp_path)
    assert time.monotonic() - t0 < 60
    assert len(pairs) == len(all_specs)
    for pdf, csv_path in pairs:
        assert pdf.read_bytes().startswith(b"%PDF")
        with open(csv_path, encoding="utf-8") as fh:
            rows = list(csv.reader(fh))
        assert rows[0] == COLUMNS and len(rows) > 20
    # a second run gives the same bytes
    again = generate_sample(tmp_path / "again")

    def digest(p):
        return hashlib.sha256(p.read_bytes()).hexdigest()

    assert [digest(p) for p, _ in pairs] == [digest(p) for p, _ in again]


def test_module_entry_point_renders_into_the_given_or_the_sample_folder(monkeypatch, capsys):
    """`python -m pipelines.generator [out_dir]`: without out_dir, the folder `fiscal generate` uses."""
    asked = []

    def fake_generate(out):
        asked.append(out)
        return [(out / "p.pdf", out / "p.expected.csv")]

    monkeypatch.setattr(pipelines.generator, "generate_sample", fake_generate)
    monkeypatch.setattr(sys, "argv", ["generator"])
    runpy.run_module("pipelines.generator", run_name="__main__")
    monkeypatch.setattr(sys, "argv", ["generator", "elsewhere"])
    runpy.run_module("pipelines.generator", run_name="__main__")
    sample = project_data_dir() / "sample" / "pdfs"
    assert asked == [sample, Path("elsewhere")]
    assert capsys.readouterr().out.splitlines() == [f"{sample / 'p.pdf'} {sample / 'p.expected.csv'}",
                                                    "elsewhere/p.pdf elsewhere/p.expected.csv"]
