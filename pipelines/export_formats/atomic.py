"""Export files are written whole or not at all: to a temporary name beside the target, renamed over
it when complete. A failed write (a full disk, a read-only folder) leaves the previous file as it was,
removes the partial one, and raises an OSError that names the file."""
from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path


@contextmanager
def replacing(out: Path):
    """Yield the temporary path to write; on success it replaces `out`."""
    out = Path(out)
    tmp = out.with_name(out.name + ".tmp")
    try:
        yield tmp
        tmp.replace(out)
    except BaseException as exc:
        tmp.unlink(missing_ok=True)
        if isinstance(exc, OSError) and exc.filename is None:  # a failed write() names no file: say which
            raise OSError(exc.errno, exc.strerror, str(out)) from exc
        raise
