"""The bytes a document is identified by are the bytes that are parsed.

A file is copied once into a private folder of the staging area while it is hashed; the copy is
named by that hash and is what the parser reads and what quarantine keeps. A file replaced in the
inbox after it was hashed can then never be parsed under the first file's identity: the copy
holds the bytes that were hashed, whatever happens to the original afterwards.

The original is opened without blocking and must be a regular file (a FIFO or a device put in
place of a PDF is refused, never read forever), and at most Limits.file_bytes are read.
"""
from __future__ import annotations

import contextlib
import hashlib
import os
import stat
from pathlib import Path

from ..intake.limits import Limits, mb

CHUNK = 1 << 20


class NotCopied(Exception):
    """The file cannot be taken in; `reason` says why, `code` is the document's reject_code."""

    def __init__(self, reason: str, code: str):
        super().__init__(reason)
        self.reason = reason
        self.code = code


def folder(staging: Path) -> Path:
    return Path(staging) / "files"


def copy_path(staging: Path, document_id: str) -> Path:
    return folder(staging) / f"{document_id}.pdf"


def open_regular(path: Path) -> int:
    """A file descriptor on path, which must be a regular file (checked on the open file itself)."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise NotCopied(f"not a regular file: {describe_mode(st.st_mode)}", "not_regular")
        os.set_blocking(fd, True)
        return fd
    except BaseException:
        os.close(fd)
        raise


def describe_mode(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISDIR(mode):
        return "a folder"
    return "not a regular file"


def hash_file(path: Path, limits: Limits) -> str:
    """sha256 of the file (a cheap look before copying: known documents are not copied)."""
    fd = _open(path)
    h = hashlib.sha256()
    n = 0
    with os.fdopen(fd, "rb", buffering=0) as fh:
        while chunk := fh.read(CHUNK):
            n += len(chunk)
            if n > limits.file_bytes:
                raise _too_big(limits)
            h.update(chunk)
    return h.hexdigest()


def take(path: Path, staging: Path, limits: Limits) -> tuple[str, Path]:
    """Copy path into the private folder while hashing it; (sha256, the copy). The copy is written
    under a temporary name and renamed to <sha256>.pdf, so a copy by that name is always complete."""
    dest_dir = folder(staging)
    dest_dir.mkdir(parents=True, exist_ok=True)
    fd = _open(path)
    tmp = dest_dir / f".{os.getpid()}.{os.urandom(4).hex()}.partial"
    h = hashlib.sha256()
    n = 0
    try:
        with os.fdopen(fd, "rb", buffering=0) as src, open(tmp, "wb") as dst:
            while chunk := src.read(CHUNK):
                n += len(chunk)
                if n > limits.file_bytes:
                    raise _too_big(limits)
                h.update(chunk)
                dst.write(chunk)
        doc_id = h.hexdigest()
        dest = copy_path(staging, doc_id)
        os.replace(tmp, dest)
        return doc_id, dest
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


def verified(path: Path, staging: Path, document_id: str, limits: Limits) -> Path:
    """The private copy of document_id: the one already taken, else a copy of path taken now, which
    must hash to document_id (a file changed since it was hashed is not this document any more)."""
    have = copy_path(staging, document_id)
    if have.exists():
        return have
    doc_id, copy = take(path, staging, limits)
    if doc_id != document_id:
        discard(staging, doc_id)
        raise NotCopied(f"file changed after it was hashed: it no longer holds document {document_id[:12]} "
                        f"(its bytes now hash to {doc_id[:12]}); ingest it again", "changed")
    return copy


def discard(staging: Path, document_id: str) -> None:
    with contextlib.suppress(OSError):
        copy_path(staging, document_id).unlink()


def _open(path: Path) -> int:
    try:
        return open_regular(path)
    except NotCopied:
        raise
    except OSError as exc:
        raise NotCopied(f"cannot read file: {exc.strerror or exc}", "unreadable") from exc


def _too_big(limits: Limits) -> NotCopied:
    return NotCopied(f"file too large: more than {mb(limits.file_bytes)} (limit FISCAL_MAX_FILE_MB="
                     f"{limits.file_mb:g})", "too_large")
