"""The bytes identified are the bytes parsed: one read copies and hashes, the copy is named by its hash."""
from __future__ import annotations

import hashlib

import pytest

from pipelines.ingest import private_copy
from pipelines.intake.limits import Limits


def test_take_copies_exactly_what_it_hashes(tmp_path):
    src = tmp_path / "a.pdf"
    src.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 5000)
    doc_id, copy = private_copy.take(src, tmp_path / "staging", Limits())
    assert doc_id == hashlib.sha256(src.read_bytes()).hexdigest() == private_copy.hash_file(src, Limits())
    assert copy == tmp_path / "staging" / "files" / f"{doc_id}.pdf" and copy.read_bytes() == src.read_bytes()
    assert [p.name for p in copy.parent.iterdir()] == [copy.name]  # no partial file left behind


def test_verified_reuses_the_copy_and_refuses_a_changed_file(tmp_path):
    src = tmp_path / "a.pdf"
    src.write_bytes(b"first")
    doc_id, copy = private_copy.take(src, tmp_path / "s", Limits())
    src.write_bytes(b"second")
    assert private_copy.verified(src, tmp_path / "s", doc_id, Limits()) == copy  # the bytes hashed, not the file now
    private_copy.discard(tmp_path / "s", doc_id)
    with pytest.raises(private_copy.NotCopied) as exc:
        private_copy.verified(src, tmp_path / "s", doc_id, Limits())
    assert exc.value.code == "changed" and "no longer holds document" in exc.value.reason
    assert list((tmp_path / "s" / "files").iterdir()) == []


def test_a_file_over_the_size_limit_is_refused_while_reading(tmp_path):
    src = tmp_path / "big.pdf"
    src.write_bytes(b"x" * (3 << 20))
    with pytest.raises(private_copy.NotCopied) as exc:
        private_copy.take(src, tmp_path / "s", Limits(file_mb=2))
    assert (exc.value.reason, exc.value.code) == (
        "file too large: more than 2 MB (limit FISCAL_MAX_FILE_MB=2)", "too_large")
    assert list((tmp_path / "s" / "files").iterdir()) == []
