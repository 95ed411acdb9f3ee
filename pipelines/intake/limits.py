"""The limits on reading one document, in one place (the settings of the parse).

Every document is parsed in a child process of its own (pipelines/ingest/isolation.py) under these
limits, also for a single file and `--workers 1`. A document that goes past one is rejected with a
reason that names the limit (and the setting that changes it); the rest of the batch goes on.

| limit | setting (environment, read by pipelines/settings.py) | default | largest on a real pack / generated worst case |
|---|---|---:|---|
| bytes of one PDF file | FISCAL_MAX_FILE_MB | 512 | 3.7 MB |
| pages of one PDF | FISCAL_MAX_PAGES | 3000 | 328 / 2,999 |
| decompressed size of one stream read (page content, form, font, object stream) | FISCAL_MAX_STREAM_MB | 256 | 8.8 MB / 1.2 GB (a bomb) |
| decompressed size of all such streams of one document | FISCAL_MAX_INFLATED_MB | 1024 | 17.6 MB / 66 MB |
| memory one parse may add to its process (address space, RLIMIT_AS) | FISCAL_PARSE_MEMORY_MB | 2048 | 47 MB / 589 MB |
| wall time of one document's parse | FISCAL_PARSE_SECONDS | 600 | 10 s (42 s at load 5) / 112-177 s |

Measured with `python -m pipelines.bench.limits` (docs/limits.md).
The stream limits are checked before pdfium inflates anything (pipelines/intake/streams.py), so a
decompression bomb is refused cheaply; the memory and time limits hold whatever else a file does.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
from typing import Any


@dataclass(frozen=True)
class Limits:
    file_mb: float = 512
    pages: int = 3000
    stream_mb: float = 256
    inflated_mb: float = 1024
    memory_mb: float = 2048
    seconds: float = 600

    @property
    def file_bytes(self) -> int:
        return int(self.file_mb * 2**20)

    @property
    def stream_bytes(self) -> int:
        return int(self.stream_mb * 2**20)

    @property
    def inflated_bytes(self) -> int:
        return int(self.inflated_mb * 2**20)

    @property
    def memory_bytes(self) -> int:
        return int(self.memory_mb * 2**20)


# limit field -> the environment variable that sets it
SETTING = {"file_mb": "FISCAL_MAX_FILE_MB", "pages": "FISCAL_MAX_PAGES", "stream_mb": "FISCAL_MAX_STREAM_MB",
           "inflated_mb": "FISCAL_MAX_INFLATED_MB", "memory_mb": "FISCAL_PARSE_MEMORY_MB",
           "seconds": "FISCAL_PARSE_SECONDS"}


class LimitSettingError(ValueError):
    pass


def limits_from(environ: Mapping[str, str]) -> Limits:
    """The limits an environment sets: the defaults above, each overridable by its variable (read by
    pipelines.settings.Settings.from_env; nothing else reads the environment)."""
    values: dict[str, Any] = {}  # field name -> int or float, as the field's type says
    for f in fields(Limits):
        raw = (environ.get(SETTING[f.name]) or "").strip()
        if not raw:
            continue
        try:
            value = int(raw) if f.type in (int, "int") else float(raw)
        except ValueError:
            value = None
        if value is None or value <= 0:
            raise LimitSettingError(f"{SETTING[f.name]} must be a positive number, not {raw!r}")
        values[f.name] = value
    return Limits(**values)


def mb(n_bytes: float) -> str:
    """A byte count as 'N MB' for messages."""
    return f"{n_bytes / 2**20:,.0f} MB" if n_bytes >= 2**20 else f"{n_bytes / 2**20:.1f} MB"
