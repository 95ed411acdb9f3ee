"""python -m pipelines.generator [out_dir]: render the sample packs (out_dir defaults to data/sample/pdfs,
as `fiscal generate` does)."""
import sys
from pathlib import Path

from ..settings import project_data_dir
from . import generate_sample

out = Path(sys.argv[1]) if len(sys.argv) > 1 else project_data_dir() / "sample" / "pdfs"
for pdf, csv_path in generate_sample(out):
    print(pdf, csv_path)
