"""Sample-data generator: pack specs (structured truth) -> disclosure PDFs + expected facts.

    from pipelines.generator import generate_sample
    pairs = generate_sample("data/sample/pdfs")   # [(pdf_path, expected_csv_path), ...]
"""
from __future__ import annotations

from pathlib import Path

from .. import resources
from .expected import expected_facts, write_expected
from .mutations import CellMutation, NarrativeMutation
from .render import RenderOptions, RenderResult, render_pack
from .spec import PackSpec, load_spec, load_specs

SPEC_DIR = resources.sample_specs_dir()

__all__ = ["generate_sample", "render_pack", "RenderOptions", "RenderResult", "CellMutation",
           "NarrativeMutation", "expected_facts", "write_expected", "load_spec", "load_specs",
           "PackSpec", "SPEC_DIR"]


def generate_sample(out_dir: str | Path, spec_dir: Path = SPEC_DIR) -> list[tuple[Path, Path]]:
    """Render every spec in spec_dir to out_dir/<pack_id>.pdf + <pack_id>.expected.csv."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    pairs = []
    for spec in load_specs(spec_dir):
        result = render_pack(spec, out_dir / f"{spec.pack_id}.pdf")
        csv_path = write_expected(result, out_dir / f"{spec.pack_id}.expected.csv")
        pairs.append((result.path, csv_path))
    return pairs

