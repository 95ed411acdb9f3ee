"""One-line messages for what goes wrong outside the program: a warehouse that is not one, a folder
that cannot be written, a full disk. `fiscal` prints them (naming the path and the reason) and exits
with 2 instead of a traceback; anything else is a bug and keeps its traceback."""
from __future__ import annotations

import errno
import io
import re

# errno -> what the user reads
REASONS = {
    errno.ENOSPC: "disk full (no space left on device)",
    errno.EDQUOT: "disk quota exceeded",
    errno.EFBIG: "file too large for this file system or limit",
    errno.EROFS: "read-only file system",
    errno.EACCES: "permission denied",
    errno.EPERM: "operation not permitted",
    errno.EISDIR: "is a folder",
    errno.ENOTDIR: "a part of the path is not a folder",
    errno.EEXIST: "already exists",
    errno.ENOENT: "no such file or folder",
    errno.EIO: "input/output error",
}

# DuckDB reports operating-system errors in its message text (IOException, TransactionException on a
# failed commit, FatalException when the database was invalidated)
DUCKDB_REASONS = (("no space left on device", REASONS[errno.ENOSPC]), ("disk quota", REASONS[errno.EDQUOT]),
                  ("read-only file system", REASONS[errno.EROFS]), ("permission denied", REASONS[errno.EACCES]),
                  ("file too large", REASONS[errno.EFBIG]))


def explain(exc: BaseException, warehouse: object = "") -> str | None:
    """The message for an environmental failure, or None when `exc` is not one."""
    import duckdb

    from ..warehouse.connection import WarehouseError
    from ..warehouse.lock import WarehouseBusy

    if isinstance(exc, (WarehouseError, WarehouseBusy)):
        return str(exc)
    if isinstance(exc, OSError) and exc.errno in REASONS:
        where = exc.filename or written_file(exc)
        return f"{where}: {REASONS[exc.errno]}" if where else f"{REASONS[exc.errno]} (writing next to the warehouse {warehouse})"
    if isinstance(exc, duckdb.Error):
        text = str(exc).strip()
        first = text.splitlines()[0] if text else type(exc).__name__
        for needle, reason in DUCKDB_REASONS:
            if needle in text.lower():
                named = re.search(r'(?:file|database) "([^"]+)"', text)
                where = named.group(1) if named else first
                return f"{where}: {reason}; nothing of the failed step was committed"
        if isinstance(exc, duckdb.IOException):
            return first
    return None


def written_file(exc: BaseException) -> str | None:
    """The file a failed write() was writing: an OSError from write() names no file, but the open file
    object is a local of one of the frames it came through (innermost first)."""
    frames = []
    tb = exc.__traceback__
    while tb is not None:
        frames.append(tb.tb_frame)
        tb = tb.tb_next
    for frame in reversed(frames):
        for value in frame.f_locals.values():
            name = getattr(value, "name", None) if isinstance(value, io.IOBase) else None
            if isinstance(name, str):
                return name
    return None

