"""No import runs from a lower layer to a higher one (docs/architecture.md).

The layers, lowest first; a module may import its own layer and the ones below. Tooling
(generator, bench, evaluate) may import the core; nothing in the core or its front ends imports
tooling except the CLI, which exposes the tools as commands. The test reads every module's
imports (module-level and inside functions) with `ast`; a violation names the file, the line
and both layers."""
from __future__ import annotations

import ast
from pathlib import Path

PIPELINES = Path(__file__).resolve().parents[1] / "pipelines"

LAYERS = [
    {"textutil", "version", "resources"},  # words and numbers; versions; the files shipped in the package
    {"catalogue", "pdf"},  # domain knowledge as data; reading a PDF
    {"intake"},  # what a file is: opening, limits, identity, provenance
    {"parse", "narrative", "packs"},  # tables and statements out of one document; pack parts and links
    {"warehouse"},  # the DuckDB star schema: load, schema, connections
    {"checks"},  # the rule catalogue and its verdicts, the publication gate
    {"ingest", "fetch", "export_formats", "core", "settings"},  # jobs over many documents; exports; the application core and its settings
    {"dashboard", "defs", "definitions"},  # front ends
    {"cli"},  # the command line (exposes the tools)
    {"generator", "bench", "evaluate"},  # tooling: depends on the core, never the reverse
]
TOOLING = LAYERS[-1]  # above every layer: only the CLI (and tooling itself) may import it
RANK = {pkg: i for i, layer in enumerate(LAYERS) for pkg in layer}


def _package(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[0] == "pipelines" else ""


def _imports(path: Path) -> list[tuple[int, str]]:
    mod = ["pipelines", *path.relative_to(PIPELINES).with_suffix("").parts]
    pkg_parts = mod if path.name == "__init__.py" else mod[:-1]
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = pkg_parts[:len(pkg_parts) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
                names = [] if node.module else [f"{target}.{a.name}" for a in node.names]
            else:
                target, names = node.module or "", []
            for t in names or [target]:
                out.append((node.lineno, t))
        elif isinstance(node, ast.Import):
            out.extend((node.lineno, a.name) for a in node.names)
    return [(line, t) for line, t in out if t.startswith("pipelines.")]


def test_every_package_has_a_layer():
    packages = {p.name for p in PIPELINES.iterdir() if p.is_dir() and (p / "__init__.py").exists()}
    packages |= {p.stem for p in PIPELINES.glob("*.py") if p.stem != "__init__"}
    assert packages <= set(RANK), sorted(packages - set(RANK))


def test_no_import_runs_upwards():
    bad = []
    for path in sorted(PIPELINES.rglob("*.py")):
        rel = path.relative_to(PIPELINES)
        own = rel.parts[0].removesuffix(".py") if rel.parts else ""
        if own == "__init__" or own not in RANK:
            continue
        for line, target in _imports(path):
            other = _package(target)
            if not other or other == own or other == "__init__" or other not in RANK:
                continue
            if own == "cli" and other in TOOLING:
                continue  # the command line exposes the tools
            if RANK[other] > RANK[own]:
                bad.append(f"pipelines/{rel}:{line}: {own} (layer {RANK[own]}) imports {target} (layer {RANK[other]})")
    assert not bad, "\n".join(bad)
