"""Same bytes, same facts on any machine: pdfium substitutes fonts from the project's folder only.

The facts of the sample packs (reportlab's STSong-Light is not embedded) and of real packs with
non-embedded fonts (烟台's STSongStd-Light, 广州's Helvetica) are parsed in this process, where the
system has a CJK font (make test installs fonts-wqy-zenhei), and in a child process that sees no
system font at all (an empty tmpfs over the font folders, in a private mount namespace). They must
be identical. Before the font folder was pinned, the child found 0 tables in every sample budget.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from pipelines.pdf.engine import font_paths
from pipelines.pdf.substitute_font import FONT_DIR, FONT_FILE, build

ROOT = Path(__file__).resolve().parents[2]
FONT_FOLDERS = ["/usr/share/fonts", "/usr/local/share/fonts", str(Path.home() / ".fonts"),
                str(Path.home() / ".local/share/fonts")]
CORPUS_FILES = ["renwu/025_烟台/2026年烟台市信访局部门预算.pdf", "renwu/005_广州/信访局_2026年部门预算.pdf"]

_DUMP = r"""
import json, sys
from pipelines.parse.document import parse_document
out = {}
for f in sys.argv[1:]:
    d = parse_document(f)
    out[f] = {"facts": sorted([x.table_id or "", x.account_code, x.line_item, x.measure, str(x.amount_wan), x.page,
                               [round(v, 2) for v in x.bbox]] for x in d.facts),
              "tables": [[t.table_id, t.title, t.page_start, t.page_end, t.n_rows] for t in d.tables],
              "text": d.page_texts}
json.dump(out, sys.stdout, ensure_ascii=False)
"""


def _in_ci() -> bool:
    return os.environ.get("CI", "").lower() == "true"


def _need(ok: bool, why: str) -> None:
    if not ok:
        (pytest.fail if _in_ci() else pytest.skip)(why)


def test_pdfium_looks_for_fonts_in_the_project_folder_only():
    assert font_paths() == [str(FONT_DIR)]
    assert [p.name for p in FONT_DIR.iterdir()] == [FONT_FILE.name]


def test_the_committed_substitute_font_is_what_the_builder_makes():
    pytest.importorskip("fontTools")
    assert FONT_FILE.read_bytes() == build()


def _system_has_cjk_font() -> bool:
    fc = shutil.which("fc-list")
    return bool(fc) and bool(subprocess.run([fc, ":lang=zh"], capture_output=True, text=True).stdout.strip())


def _dump(files: list[str], hide_fonts: bool) -> dict:
    cmd = [sys.executable, "-c", _DUMP, *files]
    if hide_fonts:
        mounts = "; ".join(f"if [ -d {d} ]; then mount -t tmpfs none {d}; fi" for d in FONT_FOLDERS)
        cmd = ["unshare", "--mount", "--propagation", "private", "sh", "-c", mounts + '; exec "$@"', "sh", *cmd]
    res = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, timeout=600)
    assert res.returncode == 0, res.stderr[-2000:]
    return json.loads(res.stdout)


def test_facts_do_not_depend_on_the_fonts_installed(sample_pdfs, corpus):
    _need(_system_has_cjk_font(), "this machine has no CJK font to compare against (make test installs one)")
    _need(shutil.which("unshare") is not None and subprocess.run(
        ["unshare", "--mount", "true"], capture_output=True).returncode == 0,
        "cannot hide the system fonts here (unshare --mount needs root or user namespaces)")
    files = [str(p) for p, _ in sample_pdfs if "2024" in p.name] + [str(corpus / f) for f in CORPUS_FILES]
    with_fonts, without = _dump(files, hide_fonts=False), _dump(files, hide_fonts=True)
    for f in files:
        assert with_fonts[f]["facts"], f"{f}: no facts"
        assert without[f] == with_fonts[f], f"{f}: parsed differently without system fonts"
    # the sample budgets are whole: every BUD table of the generator is found
    budget = next(f for f in files if f.endswith("shifan_yjglj_2024_budget.pdf"))
    assert len({t[0] for t in without[budget]["tables"] if t[0]}) >= 9
