import pytest

from pipelines.generator.sample_warehouse import sample_warehouse

from fiscal_env import warehouse_env


@pytest.fixture(scope="session")
def sample_wh(tmp_path_factory):
    return sample_warehouse(tmp_path_factory.getbasetemp() / "sample-warehouse")


@pytest.fixture(scope="session")
def exported(sample_wh, tmp_path_factory):
    """`fiscal export --out DIR` on the sample warehouse."""
    from pipelines.cli.main import main
    out = tmp_path_factory.mktemp("export")
    with warehouse_env(sample_wh):
        assert main(["export", "--out", str(out)]) == 0
    return out
