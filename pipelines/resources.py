"""Files the program reads at run time, shipped inside the package and found with importlib.resources.

The repository keeps them where its layout has them (sql/, expectations/, data/sample/specs/);
setup.py maps those folders into the package (pipelines.sql, pipelines.expectations,
pipelines.generator.specs), so an editable checkout and an installed copy (`pip install .`, a wheel)
find them the same way. The package must be installed as files (not zipped): these are folders.
"""
from __future__ import annotations

from importlib.resources import files
from pathlib import Path

SQL = "pipelines.sql"
EXPECTATIONS = "pipelines.expectations"
SAMPLE_SPECS = "pipelines.generator.specs"


def folder(package: str) -> Path:
    """The folder of a shipped resource package."""
    return Path(str(files(package)))


def sql_dir(sub: str = "") -> Path:
    """sql/ (or one of its folders: ddl, views, marts, checks)."""
    base = folder(SQL)
    return base / sub if sub else base


def sql_files(sub: str) -> list[Path]:
    """The *.sql files of one sql/ folder, in name (= application) order."""
    return sorted(sql_dir(sub).glob("*.sql"))


def expectations_dir() -> Path:
    return folder(EXPECTATIONS)


def sample_specs_dir() -> Path:
    return folder(SAMPLE_SPECS)
