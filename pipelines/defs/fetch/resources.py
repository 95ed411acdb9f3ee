"""Which sources file and which fetch-state store the fetch asset uses (from the environment).

FISCAL_SOURCES (default pipelines/catalogue/sources.yaml) and FISCAL_FETCH_STATE (default
fetch_state.sqlite next to the warehouse) are read when the code location loads; the inbox is the
`fiscal` resource's. `client()` makes the HTTP client of one run.
"""
from __future__ import annotations

from pathlib import Path

import dagster as dg

from ...fetch import sources, state
from ...fetch.client import Client


class FetchResource(dg.ConfigurableResource):
    sources: str
    state: str

    @classmethod
    def from_env(cls) -> FetchResource:
        return cls(sources=str(sources.sources_path()), state=str(state.state_path()))

    @property
    def sources_path(self) -> Path:
        return Path(self.sources)

    @property
    def state_path(self) -> Path:
        return Path(self.state)

    def client(self) -> Client:
        return Client()
