"""MANIFEST.tsv of a labelled corpus: file, sha256, kind, department, region, year, pages, text_ok, notes."""
from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

REQUIRED = ("file", "sha256", "kind", "department", "year", "text_ok")


class ManifestError(ValueError):
    pass


@dataclass(frozen=True)
class Expected:
    file: str
    sha256: str
    kind: str
    department: str
    region: str
    year: int | None
    pages: int | None
    text_ok: bool
    notes: str

    @property
    def unit_level(self) -> bool:
        return "UNIT-level" in self.notes


def read_manifest(corpus: Path) -> list[Expected]:
    path = Path(corpus) / "MANIFEST.tsv"
    if not path.is_file():
        raise ManifestError(f"{path}: no MANIFEST.tsv in the corpus folder")
    with open(path, encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    if not rows:
        raise ManifestError(f"{path}: empty manifest")
    missing = [c for c in REQUIRED if c not in rows[0]]
    if missing:
        raise ManifestError(f"{path}: missing column(s) {', '.join(missing)}")
    out = []
    for i, r in enumerate(rows, 2):
        try:
            year = int(r["year"]) if r.get("year", "").strip().isdigit() else None
            pages = int(r["pages"]) if r.get("pages", "").strip().isdigit() else None
        except ValueError as exc:  # pragma: no cover - isdigit guards
            raise ManifestError(f"{path}:{i}: {exc}") from exc
        out.append(Expected(r["file"], r["sha256"].strip().lower(), r["kind"].strip(), r["department"].strip(),
                            r.get("region", "").strip(), year, pages, r["text_ok"].strip() == "yes",
                            r.get("notes", "")))
    return out
