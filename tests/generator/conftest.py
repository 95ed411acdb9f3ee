
import pytest

from pipelines.generator import SPEC_DIR, load_spec, load_specs, render_pack

SEED_SPEC = SPEC_DIR / "yangquan_yjglj_2024_final.yaml"


@pytest.fixture(scope="session")
def all_specs():
    return load_specs(SPEC_DIR)


@pytest.fixture(scope="session")
def specs_by_id(all_specs):
    return {s.pack_id: s for s in all_specs}


@pytest.fixture(scope="session")
def seed_spec():
    return load_spec(SEED_SPEC)


@pytest.fixture(scope="session")
def rendered(tmp_path_factory, specs_by_id):
    """A few packs covering both layouts, 元 printing and a budget pack."""
    out = tmp_path_factory.mktemp("render")
    ids = ["yangquan_yjglj_2024_final", "shifan_jtysj_2024_final", "shifan_sfq_scjgj_2023_final",
           "shifan_sfq_scjgj_2024_budget", "shifan_yjglj_2022_budget", "shifan_jkzx_2023_final"]
    return {i: render_pack(specs_by_id[i], out / f"{i}.pdf") for i in ids}
