"""docs/architecture.md names only what exists: every path it writes in backticks or links to, every
module-level name it gives with its file (`pipelines/core.py` (`ingest`), `CASES` in `tests/...py`),
every rule macro; its layer table is the one tests/test_layers.py enforces; README.md links to it."""
from __future__ import annotations

import ast
import os
import re
from pathlib import Path

from test_layers import LAYERS

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "architecture.md"
TEXT = DOC.read_text(encoding="utf-8")
CODE = re.findall(r"`([^`\n]+)`", TEXT)
SUFFIXES = (".py", ".yaml", ".sql", ".csv", ".md", ".json")


def _paths() -> list[str]:
    """Backticked tokens that are paths: a folder or file with a known suffix, no placeholders."""
    out = [t for t in CODE if ("/" in t or t.endswith(SUFFIXES)) and not re.search(r"[\s<>*…]", t)]
    shared = ROOT.parent / "shared"
    if not shared.exists() and os.environ.get("CI", "").lower() != "true":
        out = [t for t in out if not t.startswith("../shared/")]  # the shared folder is required in CI only
    return out


def _defines(path: Path, name: str) -> bool:
    """A module-level def, class or assignment of `name` in a Python file."""
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.FunctionDef | ast.ClassDef) and node.name == name:
            return True
        if isinstance(node, ast.Assign):
            targets = node.targets
        else:
            targets = [node.target] if isinstance(node, ast.AnnAssign) else []
        if any(isinstance(t, ast.Name) and t.id == name for t in targets):
            return True
    return False


def test_every_path_named_exists():
    paths = _paths()
    assert len(paths) >= 60, paths  # the page names the files a newcomer opens
    missing = [p for p in paths if not (ROOT / p.rstrip("/")).exists()]
    assert not missing, missing


def test_every_link_resolves():
    links = [t for t in re.findall(r"\]\(([^)\s]+)\)", TEXT) if "://" not in t]
    assert links
    assert not [t for t in links if not (DOC.parent / t.split("#")[0]).exists()]


def test_every_name_given_with_its_file_is_defined_there():
    pairs = re.findall(r"`(pipelines/[\w/]+\.py)`,?\s+(?:format\s+)?\(?`(\w+)`", TEXT)
    named_in = re.findall(r"`(\w+)`\s+(?:in|of)\s+`((?:pipelines|tests)/[\w/]+\.py)`", TEXT)
    pairs += [(path, name) for name, path in named_in]
    assert len(pairs) >= 15, pairs
    undefined = [f"{path}: {name}" for path, name in pairs if not _defines(ROOT / path, name)]
    assert not undefined, undefined


def test_rule_macros_named_exist():
    views = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "sql" / "views").glob("*.sql"))
    macros = {t for t in CODE if re.fullmatch(r"chk_\w+", t)}
    assert macros
    assert not [m for m in macros if not re.search(rf"CREATE OR REPLACE (?:MACRO|VIEW) {m}\b", views)], macros


def test_layer_table_is_the_enforced_one():
    rows = re.findall(r"^\| (\d+) \| ([^|]+) \|", TEXT, flags=re.M)
    assert [set(re.findall(r"`(\w+)`", packages)) for _, packages in rows] == LAYERS
    assert [int(n) for n, _ in rows] == list(range(len(LAYERS)))


def test_readme_links_the_page():
    assert "](docs/architecture.md)" in (ROOT / "README.md").read_text(encoding="utf-8")
