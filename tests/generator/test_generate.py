import csv
import hashlib
import time

from pipelines.generator import generate_sample
from pipelines.generator.expected import COLUMNS


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
