"""Which packages the distribution holds (the rest of the metadata is in pyproject.toml).

The SQL (sql/), the great-expectations suites (expectations/) and the sample specs
(data/sample/specs/) stay where the repository layout has them and are shipped inside the package
as pipelines.sql, pipelines.expectations and pipelines.generator.specs, so an installed copy (`pip
install .`, a wheel) finds them with importlib.resources exactly as an editable checkout does
(pipelines/resources.py). Their files are package data (pyproject.toml [tool.setuptools.package-data]).
"""
from setuptools import find_namespace_packages, find_packages, setup

MAPPED = {"pipelines.sql": "sql", "pipelines.expectations": "expectations", "pipelines.generator.specs": "data/sample/specs"}


def packages() -> list[str]:
    out = find_packages(include=["pipelines", "pipelines.*"])
    for name, folder in MAPPED.items():
        out.append(name)
        out += [f"{name}.{sub}" for sub in find_namespace_packages(where=folder) if "__pycache__" not in sub]
    return out


setup(packages=packages(), package_dir=MAPPED)
