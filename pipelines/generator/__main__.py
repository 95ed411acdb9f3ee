"""python -m pipelines.generator [out_dir]: render the sample packs."""
import sys

from . import generate_sample

for pdf, csv_path in generate_sample(*sys.argv[1:2]):
    print(pdf, csv_path)
