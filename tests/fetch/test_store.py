"""pipelines/fetch/store.py: readable names, atomic placement, the sidecar beside every file."""
from __future__ import annotations

import hashlib

import pytest

from pipelines.fetch import store
from pipelines.intake import provenance


@pytest.mark.parametrize("text, hint, title, url, name", [
    # the title attribute names the file (cq-1)
    ("重庆市综合经济研究院", "重庆市综合经济研究院2026年单位预算公开.pdf", "重庆市发展和改革委员会（含下属单位）2026年预算公开",
     "https://a/P0.pdf", "重庆市综合经济研究院2026年单位预算公开.pdf"),
    # the link text names it (cq-4, cq-5)
    ("重庆市信访办公室2026年部门预算公开.pdf", "", "重庆市信访办公室2026年部门预算公开", "https://a/P1.pdf",
     "重庆市信访办公室2026年部门预算公开.pdf"),
    # a unit's name only: the article title goes first (cq-2); '．' and spaces are not kept in names
    ("1．中共重庆市委宣传部", "", "中共重庆市委宣传部2026年部门预算情况说明", "https://a/W0.pdf",
     "中共重庆市委宣传部2026年部门预算情况说明_1_中共重庆市委宣传部.pdf"),
    # a generic link text: the article title
    ("附件1", "", "重庆市公安局2026年部门预算", "https://a/x.pdf", "重庆市公安局2026年部门预算.pdf"),
    # nothing to go on: the URL's fileName parameter
    ("", "", "", "https://a/d.jsp?fileName=2026ksy.pdf&fileSize=1", "2026ksy.pdf"),
    ("下载", "", "", "https://a/files/abc.pdf", "abc.pdf"),
    ("a/b\\c\n", "", "", "https://a/x.pdf", "a_b_c.pdf"),
])
def test_file_names(text, hint, title, url, name):
    assert store.file_name(text, hint, title, url) == name


def _tmp(inbox, data: bytes):
    tmp = store.new_partial(inbox)
    tmp.write_bytes(data)
    return tmp, hashlib.sha256(data).hexdigest()


def test_place_writes_the_sidecar_and_keeps_names_apart(tmp_path):
    inbox = tmp_path / "inbox"
    tmp, sha = _tmp(inbox, b"%PDF-1.4 one")
    path = store.place(tmp, inbox / "src", "a.pdf", sha, {"sha256": sha, "attachment_url": "https://a/1.pdf"})
    assert path == inbox / "src" / "a.pdf" and path.read_bytes() == b"%PDF-1.4 one" and not tmp.exists()
    side = provenance.read_sidecar(path)
    assert side["sha256"] == sha and side["file"] == "a.pdf" and side["format"] == provenance.FORMAT
    # other bytes under the same name: a second file, named by its hash
    tmp2, sha2 = _tmp(inbox, b"%PDF-1.4 two")
    path2 = store.place(tmp2, inbox / "src", "a.pdf", sha2, {"sha256": sha2, "attachment_url": "https://a/2.pdf"})
    assert path2.name == f"a_{sha2[:8]}.pdf" and path.read_bytes() == b"%PDF-1.4 one"
    # the same bytes again (an earlier run stored them, then stopped before recording it): kept once
    tmp3, _ = _tmp(inbox, b"%PDF-1.4 one")
    assert store.place(tmp3, inbox / "src", "a.pdf", sha, {"sha256": sha, "attachment_url": "u"}) == path
    assert sorted(p.name for p in (inbox / "src").iterdir()) == [
        "a.pdf", "a.pdf.provenance.json", f"a_{sha2[:8]}.pdf", f"a_{sha2[:8]}.pdf.provenance.json"]
    assert not list(store.partial_dir(inbox).iterdir())


def test_partials_are_never_taken_for_pdfs_and_are_cleared(tmp_path):
    from pipelines.ingest.discover import discover

    inbox = tmp_path / "inbox"
    _tmp(inbox, b"%PDF half")
    assert discover([inbox]) == ([], [])
    assert store.clear_partials(inbox) == 1 and not list(store.partial_dir(inbox).iterdir())


def test_add_sighting(tmp_path):
    pdf = tmp_path / "x.pdf"
    pdf.write_bytes(b"%PDF")
    provenance.write_sidecar(pdf, {"sha256": "s", "attachment_url": "https://a/1.pdf"})
    provenance.add_sighting(pdf, "https://b/copy.pdf")
    provenance.add_sighting(pdf, "https://b/copy.pdf")
    provenance.add_sighting(pdf, "https://a/1.pdf")
    assert provenance.read_sidecar(pdf)["also_at"] == ["https://b/copy.pdf"]
