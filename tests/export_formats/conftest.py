import pytest

from pipelines.dashboard.demo import sample_warehouse


@pytest.fixture(scope="session")
def sample_wh(tmp_path_factory):
    return sample_warehouse(tmp_path_factory.getbasetemp() / "sample-warehouse")


@pytest.fixture(scope="session")
def exported(sample_wh, tmp_path_factory):
    """`fiscal export --out DIR` on the sample warehouse."""
    import os

    from pipelines.cli.main import main
    out = tmp_path_factory.mktemp("export")
    old = os.environ.get("FISCAL_WAREHOUSE")
    os.environ["FISCAL_WAREHOUSE"] = str(sample_wh)
    try:
        assert main(["export", "--out", str(out)]) == 0
    finally:
        os.environ.pop("FISCAL_WAREHOUSE") if old is None else os.environ.update(FISCAL_WAREHOUSE=old)
    return out
