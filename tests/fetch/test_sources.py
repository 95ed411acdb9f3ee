"""pipelines/fetch/sources.py: the sources file, its defaults, and errors that name file, source and field."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from pipelines.fetch.sources import (
    DEFAULT_PATH,
    LinkRules,
    Politeness,
    SourcesError,
    load_sources,
    parse_sources,
    select,
)

GOOD = """
defaults:
  politeness: {requests_per_second: 1, retries: 3, contact: "mailto:ops@example.org"}
  links: {words: [[预算, 决算], [部门, 单位]], exclude: [绩效], years: {min: 2024}}
sources:
  - name: cq-xfb
    region: 重庆市
    department: 重庆市信访办公室
    listings: [https://xfb.cq.gov.cn/zwgk_219/fdzdgknr/czyjs/ys/]
    pagination: {pattern: "index_{n}.html", max_pages: 2}
  - name: bj-all
    region: 北京市
    department: all
    listings: https://www.beijing.gov.cn/gongkai/caizheng/
    links: {words: [预算], year_required: true, years: {min: 2025, max: 2026}}
    politeness: {requests_per_second: 0.2, max_bytes: 1000}
    article_selector: "div.article"
    enabled: false
"""


def parse(text: str):
    return parse_sources(yaml.safe_load(text), Path("s.yaml"))


def test_defaults_apply_and_sources_override_them():
    xfb, bj = parse(GOOD)
    assert xfb.politeness == Politeness(requests_per_second=1, retries=3, contact="mailto:ops@example.org")
    assert xfb.politeness.agent.endswith("+mailto:ops@example.org") and xfb.politeness.interval == 1.0
    assert xfb.links == LinkRules(words=(("预算", "决算"), ("部门", "单位")), exclude=("绩效",), min_year=2024)
    assert (xfb.pagination.pattern, xfb.pagination.max_pages) == ("index_{n}.html", 2)
    assert bj.listings == ("https://www.beijing.gov.cn/gongkai/caizheng/",)
    assert bj.links == LinkRules(words=(("预算",),), exclude=("绩效",), min_year=2025, max_year=2026,
                                 year_required=True)
    assert (bj.politeness.requests_per_second, bj.politeness.max_bytes, bj.politeness.retries) == (0.2, 1000, 3)
    assert bj.article_selector == "div.article" and not bj.enabled
    assert bj.department == "all"


def test_select_enabled_or_named():
    srcs = parse(GOOD)
    assert [s.name for s in select(srcs, None)] == ["cq-xfb"]
    assert [s.name for s in select(srcs, ["bj-all", "bj-all"])] == ["bj-all"]  # a disabled source can be named
    with pytest.raises(SourcesError, match="unknown source.*nope; known: bj-all, cq-xfb"):
        select(srcs, ["nope"])


@pytest.mark.parametrize("patch, message", [
    ("  - name: Bad Name\n", r"sources\[2\] \(Bad Name\): name must be lower-case"),
    ("  - name: x\n    region: r\n    department: d\n    listings: [ftp://x/]\n",
     r"sources\[2\] \(x\)\.listings: listing URL must be http\(s\)://host/\.\.\., got 'ftp://x/'"),
    ("  - name: x\n    region: r\n    department: d\n    listings: []\n", r"sources\[2\] \(x\): listings: at least one"),
    ("  - name: x\n    region: r\n    listings: [http://a/]\n", r"sources\[2\] \(x\): department is required"),
    ("  - name: cq-xfb\n    region: r\n    department: d\n    listings: [http://a/]\n", "is used by another source"),
    ("  - name: x\n    region: r\n    department: d\n    listings: [http://a/]\n    politness: {}\n",
     r"sources\[2\] \(x\): unknown field\(s\) politness"),
    ("  - name: x\n    region: r\n    department: d\n    listings: [http://a/]\n"
     "    politeness: {requests_per_second: 50}\n", "not polite"),
    ("  - name: x\n    region: r\n    department: d\n    listings: [http://a/]\n"
     "    politeness: {requests_per_second: 0}\n", "requests_per_second must be > 0"),
    ("  - name: x\n    region: r\n    department: d\n    listings: [http://a/]\n"
     "    politeness: {retries: -1}\n", "retries must be >= 0"),
    ("  - name: x\n    region: r\n    department: d\n    listings: [http://a/]\n"
     "    links: {years: {min: 2026, max: 2024}}\n", r"\.years: min 2026 is after max 2024"),
    ("  - name: x\n    region: r\n    department: d\n    listings: [http://a/]\n"
     "    pagination: {pattern: index.html}\n", r"pattern must contain \{n\}"),
    ("  - name: x\n    region: r\n    department: d\n    listings: [http://a/]\n"
     "    article_selector: 'div[['\n", "is not a valid CSS selector"),
])
def test_a_mistake_names_the_file_the_source_and_the_field(patch, message):
    with pytest.raises(SourcesError, match=r"^s\.yaml: .*" + message):
        parse(GOOD + patch)


def test_unreadable_files(tmp_path):
    with pytest.raises(SourcesError, match="no sources file"):
        load_sources(tmp_path / "missing.yaml")
    bad = tmp_path / "bad.yaml"
    bad.write_text("sources: [\n", encoding="utf-8")
    with pytest.raises(SourcesError, match="bad.yaml: not valid YAML"):
        load_sources(bad)


def test_the_shipped_sources_file_loads(monkeypatch):
    monkeypatch.delenv("FISCAL_SOURCES", raising=False)
    srcs = load_sources()
    assert DEFAULT_PATH.exists() and srcs
    assert all(s.listings and s.region and s.department for s in srcs)
    assert len({s.name for s in srcs}) == len(srcs)
    assert all(s.politeness.requests_per_second <= 1 and s.politeness.obey_robots for s in srcs)


def test_sources_path_from_the_environment(tmp_path, monkeypatch):
    f = tmp_path / "mine.yaml"
    f.write_text(GOOD, encoding="utf-8")
    monkeypatch.setenv("FISCAL_SOURCES", str(f))
    from pipelines.settings import Settings
    assert [s.name for s in load_sources(Settings.from_env().sources)] == ["cq-xfb", "bj-all"]
