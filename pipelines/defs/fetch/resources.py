"""Which sources file and which fetch-state store the fetch asset uses (Settings.sources, fetch_state).

FISCAL_SOURCES (default pipelines/catalogue/sources.yaml) and FISCAL_FETCH_STATE (default
fetch_state.sqlite next to the warehouse) come from the settings built when the code location loads; the inbox is the
`fiscal` resource's. `client()` makes the HTTP client of one run.
"""
from __future__ import annotations

from pathlib import Path

import dagster as dg

from ...fetch.client import Client
from ...settings import Settings


class FetchResource(dg.ConfigurableResource):
    sources: str
    state: str

    @classmethod
    def from_settings(cls, settings: Settings) -> FetchResource:
        return cls(sources=str(settings.sources), state=str(settings.fetch_state))

    @property
    def sources_path(self) -> Path:
        return Path(self.sources)

    @property
    def state_path(self) -> Path:
        return Path(self.state)

    def client(self) -> Client:
        return Client()
