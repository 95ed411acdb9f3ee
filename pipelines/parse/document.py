"""Parse one PDF into a DocumentResult (identity, tables, facts with lineage). Pure: no I/O
besides reading the file, so it runs in parallel workers; loading is the warehouse's job."""
from __future__ import annotations

import os
import time
from collections import Counter
from pathlib import Path

from .. import catalogue
from ..intake import textlayer
from ..intake.fingerprint import sha256_file
from ..intake.identify import find_kind, identify
from ..intake.limits import Limits
from ..intake.metadata import pdf_date
from ..intake.open_pdf import Rejected, open_pdf
from ..narrative import statements_of
from ..pdf.orientation import page_sizes, remap
from ..textutil.normalize import squash
from ..version import PARSER_VERSION
from .captions import find_empty_note
from .contents import table_titles
from .coverage import measure
from .interpret import interpret
from .model import DocumentResult, Fact, Quantity, TableResult
from .names import resolve_names
from .pages import read_layouts
from .repeats import drop_repeats
from .signals import collect as collect_signals
from .tables import body_scheme, build_chains
from .triage import table_pages
from .units import crosscheck_units


def _unit_for(chain_unit: str, doc_units: Counter) -> tuple[str, str]:
    if chain_unit:
        return chain_unit, "printed"
    if doc_units:
        return doc_units.most_common(1)[0][0], "document"
    return "万元", "assumed"


def _checks_on_the_whole(doc: DocumentResult, opened) -> None:
    """What only the whole document shows: tables printed twice (repeats.py), pages read along their
    text against their /Rotate (orientation.py: boxes go back to the page as a viewer shows it), a
    text layer that is not readable text (intake/textlayer.py: a note, or a rejection when nothing
    could be read)."""
    repeats = drop_repeats(doc)
    if repeats:
        doc.evidence["repeated_tables"] = repeats
    turned = opened.turned
    if turned:
        sizes = page_sizes(opened.pdf, sorted(turned))
        items: list[Fact | Quantity] = [*doc.facts, *doc.quantities]
        for item in items:
            if item.page in turned:
                printed, turn = turned[item.page]
                item.bbox = remap(item.bbox, turn, printed, *sizes[item.page])
        doc.evidence["turned_pages"] = {str(p): [v[0], v[1]] for p, v in sorted(turned.items())}
    layer = textlayer.measure(opened.page_texts)
    doc.evidence["text_layer"] = {"garbled_share": round(layer.garbled_share, 4),
                                  "chinese_share": round(layer.chinese_share, 4), "chars": layer.chars}
    unrecognised = set(catalogue.UNRECOGNISED.values()) | {"X"}
    read = bool(doc.facts) or any(t.table_id and t.table_id not in unrecognised for t in doc.tables)
    verdict, why, code = textlayer.judge(layer, read)
    if verdict == "reject":
        doc.status, doc.reason = "rejected", why
        doc.evidence["reject_code"] = code
        doc.facts, doc.quantities = [], []
    elif verdict == "note":
        doc.evidence["text_layer"]["note"] = why


def _name_unrecognised(doc: DocumentResult) -> None:
    """Unrecognised tables are BUD_X / FIN_X by what the document turned out to be; an `other`
    document's tables are recorded, their figures are not facts of any pack."""
    want = catalogue.UNRECOGNISED.get(doc.kind, "X")
    unknown = {t.seq for t in doc.tables if t.table_id in ("BUD_X", "FIN_X", "X")}
    for t in doc.tables:
        if t.seq in unknown:
            t.table_id = want
    for f in doc.facts:
        if f.table_seq in unknown:
            f.table_id = want
    if doc.kind not in ("final", "budget"):
        doc.facts, doc.quantities = [], []
        for t in doc.tables:
            t.n_figures = t.n_covered = t.n_garbled = 0


def _read_narrative(doc: DocumentResult) -> None:
    """The figures the narrative states (DocumentResult.statements), codes resolved against the
    document's own function facts. A failure of the extractor is recorded (narrative_error), not
    raised: the tables stay, the rules reading the narrative report it."""
    try:
        doc.statements = statements_of(list(enumerate(doc.page_texts, 1)), doc.department,
                                       [(f.account_code, f.account_name) for f in doc.facts
                                        if f.account_scheme == "function" and f.account_code])
    except Exception as exc:  # the extractor on text it cannot read
        doc.statements = []
        doc.narrative_error = f"narrative statements not extracted: {type(exc).__name__}: {exc}"


def parse_document(path: str | Path, file_name: str | None = None, document_id: str | None = None,
                   limits: Limits | None = None, table_backend: str | None = None) -> DocumentResult:
    """limits and table_backend: the settings' (pipelines/settings.py); the defaults when not given."""
    path = Path(path)
    t0 = time.perf_counter()
    size = path.stat().st_size if path.exists() else 0
    doc = DocumentResult(
        document_id=document_id or (sha256_file(path) if path.exists() else ""), file_name=file_name or path.name,
        path=str(path), size_bytes=size, n_pages=0, parser_version=PARSER_VERSION, status="loaded")
    try:
        opened = open_pdf(path, limits)
    except Rejected as rej:
        doc.status, doc.reason = "rejected", rej.reason
        doc.evidence["reject_code"] = rej.code
        return doc
    doc.n_pages = opened.n_pages
    doc.evidence["pdf_date"] = pdf_date(opened.pdf)
    doc.page_texts = opened.page_texts
    if opened.encrypted:
        doc.issues.append("encrypted with an owner password only (content readable)")
    t1 = time.perf_counter()
    kind_guess, _ = find_kind(opened.page_texts, Counter())
    pages = table_pages(opened.page_texts)
    try:
        layouts = read_layouts(path, pages, pdf=opened.pdf, backend=table_backend, read=opened.take_chars(pages))
    except Exception as exc:  # failures on damaged files
        doc.status, doc.reason = "rejected", f"corrupt PDF: table pass failed ({type(exc).__name__}: {exc})"
        doc.evidence["reject_code"] = "corrupt"
        return doc
    t2 = time.perf_counter()
    doc.grid_pages = [lay.page for lay in layouts if lay.grids]
    chains = build_chains(layouts, kind_guess if kind_guess in ("final", "budget") else None,
                          table_titles(opened.page_texts))
    units = Counter(ch.unit for ch in chains if ch.unit)
    table_kinds: Counter = Counter()
    for seq, ch in enumerate(chains, 1):
        spec = ch.spec
        unit, unit_src = _unit_for(ch.unit, units)
        if spec is None and ch.grids:  # kept with its printed title and amounts, left out of the rules
            spec = catalogue.unrecognised_table(kind_guess, body_scheme(ch.grids[0]))
        tr = TableResult(
            seq=seq, table_id=spec.id if spec else None, title=squash(ch.title), label=ch.label, unit_printed=unit,
            unit_source=unit_src, page_start=ch.page_start, page_end=ch.page_end, empty=True, note="",
            identified_by=ch.identified_by)
        if ch.spec is None and ch.specs:
            tr.issues.append("ambiguous: " + ",".join(s.id for s in ch.specs))
        if ch.grids:
            res = interpret(ch.grids, spec, unit, seq, ch.entity)
            assert spec is not None  # a chain with grids and no catalogue table got the unrecognised spec above
            if spec.unrecognised and not res.has_values:  # ruled text (a fee schedule, a form): no table of amounts
                tr.table_id, spec = None, None
            tr.header = ["/".join(p) for p in res.paths]
            tr.n_rows = res.n_rows
            tr.empty = not res.has_values
            if spec is None or spec.facts:  # a form of targets (facts: false) has no figures to miss
                tr.issues.extend(res.issues)
            if spec is not None and spec.facts:
                doc.facts.extend(res.facts)
                doc.quantities.extend(res.quantities)
                cov = measure(ch.grids, [(f.page, f.bbox) for f in res.facts] +
                              [(q.page, q.bbox) for q in res.quantities], res.garbled)
                tr.n_figures, tr.n_covered, tr.n_garbled = cov.figures, cov.covered, cov.garbled
            tr.note = find_empty_note("".join(ch.notes) + res.body_text) if tr.empty else ""
        else:
            tr.note = ch.notes[0] if ch.notes else ""
        if ch.spec is not None and ch.spec.says_kind:  # the standard tables say what the pack is
            table_kinds[ch.spec.kind] += 1
        doc.tables.append(tr)
    resolve_names(doc)
    doc.issues.extend(crosscheck_units(doc))
    ident = identify(opened.page_texts, table_kinds, collect_signals(layouts, chains), doc.file_name)
    doc.kind, doc.department, doc.entity_level = ident.kind, ident.department, ident.entity_level
    doc.region, doc.fiscal_year = ident.region, ident.fiscal_year
    doc.evidence.update(ident.evidence)
    doc.unit_printed = units.most_common(1)[0][0] if units else ""
    _name_unrecognised(doc)
    if doc.kind in ("final", "budget"):
        # tables of the other kind's catalogue are kept only when the title said so explicitly
        wrong = [t for t in doc.tables if t.table_id and not t.table_id.startswith("FIN" if doc.kind == "final" else "BUD")]
        for t in wrong:
            t.issues.append(f"{t.table_id} in a {doc.kind} pack")
    _checks_on_the_whole(doc, opened)
    t3 = time.perf_counter()
    _read_narrative(doc)
    doc.timings = {"open_s": round(t1 - t0, 3), "tables_s": round(t2 - t1, 3),
                   "interpret_s": round(t3 - t2, 3),
                   "narrative_s": round(time.perf_counter() - t3, 3), "table_pages": len(pages),
                   "pid": os.getpid()}
    return doc
