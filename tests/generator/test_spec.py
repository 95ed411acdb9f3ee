import pytest
import yaml

from pipelines.generator.spec import SpecError, dump_spec, load_spec, spec_from_dict, spec_to_dict


def test_all_specs_load_and_validate(all_specs):
    assert len(all_specs) >= 1 + 3 * 3 * 2
    kinds = {(s.kind, s.layout, s.unit) for s in all_specs}
    assert ("final", "seed", "万元") in kinds and ("final", "shanghai", "元") in kinds
    assert ("budget", "shanghai", "元") in kinds and ("budget", "seed", "万元") in kinds


def test_yaml_round_trip(tmp_path, all_specs):
    for spec in all_specs[:3]:
        path = tmp_path / "x.yaml"
        dump_spec(spec, path)
        assert load_spec(path) == spec


def test_floats_are_rejected(seed_spec):
    d = yaml.safe_load(yaml.safe_dump(spec_to_dict_plain(seed_spec), allow_unicode=True))
    d["tables"][1]["rows"][0]["values"]["total"] = 6061.09
    with pytest.raises(SpecError):
        spec_from_dict(d)


def test_unknown_measure_and_line_item_rejected(seed_spec):
    d = spec_to_dict_plain(seed_spec)
    d["tables"][1]["columns"][0]["measure"] = "amount"
    with pytest.raises(SpecError):
        spec_from_dict(d)
    d = spec_to_dict_plain(seed_spec)
    d["tables"][0]["rows"][0]["line_item"] = "gpb_income"
    with pytest.raises(SpecError):
        spec_from_dict(d)


def spec_to_dict_plain(spec):
    """spec_to_dict with plain dicts (flow-style markers stripped)."""
    def plain(x):
        if isinstance(x, dict):
            return {k: plain(v) for k, v in x.items()}
        if isinstance(x, list):
            return [plain(v) for v in x]
        return x
    return plain(spec_to_dict(spec))
