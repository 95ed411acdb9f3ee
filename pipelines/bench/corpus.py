"""The benchmark's corpus files: the fixed selection (selection.csv) or every text PDF."""
from __future__ import annotations

import csv
import os
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SELECTION = Path(__file__).with_name("selection.csv")


def corpus_dir() -> Path:
    return Path(os.environ.get("FISCAL_CORPUS", ROOT.parent / "shared" / "corpus"))


@dataclass(frozen=True)
class BenchFile:
    rel: str  # path inside the corpus
    family: str
    pages: int
    path: Path


def manifest(corpus: Path) -> dict[str, dict]:
    path = corpus / "MANIFEST.tsv"
    if not path.exists():
        raise FileNotFoundError(f"no corpus manifest at {path} (set FISCAL_CORPUS)")
    with open(path, encoding="utf-8") as fh:
        return {r["file"]: r for r in csv.DictReader(fh, delimiter="\t")}


def selected(corpus: Path | None = None, everything: bool = False) -> list[BenchFile]:
    """The selection (or, with everything, every corpus PDF with a text layer), in a fixed order."""
    corpus = corpus or corpus_dir()
    man = manifest(corpus)
    if everything:
        rows = [(r["file"].split("/")[0], r["file"]) for r in man.values() if r.get("text_ok") == "yes"]
    else:
        with open(SELECTION, encoding="utf-8") as fh:
            rows = [(r["family"], r["file"]) for r in csv.DictReader(fh)]
    out = []
    for family, rel in rows:
        if rel not in man:
            raise FileNotFoundError(f"{SELECTION.name}: {rel} is not in the corpus manifest")
        path = corpus / rel
        if not path.exists():
            raise FileNotFoundError(f"corpus file missing: {path}")
        out.append(BenchFile(rel, family, int(man[rel]["pages"]), path))
    return out


def largest(corpus: Path | None = None) -> BenchFile:
    corpus = corpus or corpus_dir()
    r = max(manifest(corpus).values(), key=lambda r: (int(r["pages"]), r["file"]))
    return BenchFile(r["file"], r["file"].split("/")[0], int(r["pages"]), corpus / r["file"])
