import pytest

from pipelines.generator.sample_warehouse import sample_warehouse


@pytest.fixture(scope="session")
def sample_wh(tmp_path_factory):
    """The warehouse built from the shipped sample (data/sample/specs), once per test session."""
    return sample_warehouse(tmp_path_factory.getbasetemp() / "sample-warehouse")


@pytest.fixture(scope="session")
def sample_truth(sample_wh):
    """The generator's expected facts, per pack: {pack_id: [row dicts]} (amounts as printed, in 万元)."""
    import csv
    out = {}
    for p in sorted((sample_wh.parent / "pdfs").glob("*.expected.csv")):
        with open(p, encoding="utf-8") as fh:
            out[p.name.removesuffix(".expected.csv")] = list(csv.DictReader(fh))
    return out
