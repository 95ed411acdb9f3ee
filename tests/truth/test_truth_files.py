"""The hand-verified truth files (tests/truth/*.csv, read off the page images) are well formed:
the header, account codes of the right scheme and length, catalogue ids, exact decimal amounts in
万元, and pages of their source document whose text layer prints every amount.

These tests check the files, not the parser: the parse-vs-truth comparisons live in tests/parse/."""
from __future__ import annotations

import csv
import re
from collections import Counter
from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from pipelines import catalogue

HERE = Path(__file__).resolve().parent
HEADER = ["table_id", "account_scheme", "account_code", "line_item", "account_name", "measure", "amount_wan", "page"]

# truth file -> (source PDF under ../shared/corpus, document kind, unit the tables are printed in)
SOURCES = {
    "shpt_czj_2024_final.csv": ("GovBudgetChecker/上海市普陀区财政局2024年度部门决算.pdf", "final", "万元"),
    "xian_xfj_2026_budget.csv": ("renwu/020_西安/2026年西安市信访局部门预算.pdf", "budget", "元"),
    "yantai_xfj_2026_budget.csv": ("renwu/025_烟台/2026年烟台市信访局部门预算.pdf", "budget", "万元"),
}
# decimals of amount_wan: printed with 2 decimals, 元 shifted by 4 places (12,345.67 元 -> 1.234567)
DECIMALS = {"万元": 2, "元": 6}
SCALE = {"万元": Decimal(1), "元": Decimal(10000)}
CODE_LENGTHS = {"function": (3, 5, 7), "economic": (3, 5)}
AMOUNT = re.compile(r"^-?\d+\.(\d+)$")
PRINTED = re.compile(r"^-?\d{1,3}(?:,\d{3})*\.\d{2}$")


def _rows(name: str) -> list[dict]:
    with open(HERE / name, encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        assert reader.fieldnames == HEADER, f"{name}: header {reader.fieldnames}"
        return list(reader)


def _class_codes(name: str) -> set[str]:
    """The 3-digit class codes of a catalogue file (its keys: two classes may share a name)."""
    with open(catalogue.HERE / name, encoding="utf-8") as fh:
        return {str(code) for code in yaml.safe_load(fh)}


def _known_measures() -> set[str]:
    out = {r["measure"] for r in catalogue.measure_rules()}
    out |= {m for kids in catalogue.measure_compose().values() for m in kids.values()}
    for t in catalogue.tables():
        out.add(t.value_measure)
        out |= {r["measure"] for r in t.measures}
        out |= {m for _, _, m in t.compose}
    return out


def _problems(name: str, rows: list[dict]) -> list[str]:
    """Every way a row breaks the truth-file contract, as readable messages."""
    _, kind, unit = SOURCES[name]
    tables = catalogue.tables_by_id()
    items: dict[str, list] = {}  # an id may have several entries (expense_total: one for BUD_04/FIN_04 only)
    for it in catalogue.line_items():
        items.setdefault(it.id, []).append(it)
    classes = {"function": _class_codes("function_classes.yaml"), "economic": _class_codes("economic_classes.yaml")}
    measures = _known_measures()
    out = []
    last_page = 0
    for n, r in enumerate(rows, start=2):  # line 1 is the header
        where = f"{name}:{n}"
        spec = tables.get(r["table_id"])
        if spec is None or spec.kind != kind:
            out.append(f"{where}: table_id {r['table_id']!r} is not a {kind} table of the catalogue")
        scheme, code, item = r["account_scheme"], r["account_code"], r["line_item"]
        if scheme in CODE_LENGTHS:
            if not (code.isdigit() and len(code) in CODE_LENGTHS[scheme]):
                out.append(f"{where}: {scheme} code {code!r} is not {CODE_LENGTHS[scheme]} digits")
            elif code[:3] not in classes[scheme]:
                out.append(f"{where}: {scheme} code {code!r} is under no known class")
            if item:
                out.append(f"{where}: a {scheme} row carries line_item {item!r}")
        elif scheme == "line":
            if code:
                out.append(f"{where}: a line row carries account_code {code!r}")
            if item not in items:
                out.append(f"{where}: line_item {item!r} is not in line_items.yaml")
            elif all(it.tables and r["table_id"] not in it.tables for it in items[item]):
                out.append(f"{where}: line_item {item!r} does not belong to {r['table_id']}")
        else:
            out.append(f"{where}: account_scheme {scheme!r}")
        if not r["account_name"] or re.search(r"\s", r["account_name"]):
            out.append(f"{where}: account_name {r['account_name']!r} is empty or holds whitespace")
        if r["measure"] not in measures:
            out.append(f"{where}: measure {r['measure']!r} is not a catalogue measure")
        m = AMOUNT.match(r["amount_wan"])
        if not m or len(m.group(1)) != DECIMALS[unit]:
            out.append(f"{where}: amount_wan {r['amount_wan']!r} is not a {DECIMALS[unit]}-decimal figure "
                       f"(tables printed in {unit})")
        if not r["page"].isdigit() or int(r["page"]) < last_page:
            out.append(f"{where}: page {r['page']!r} is not a page number in print order")
        else:
            last_page = int(r["page"])
    return out


def test_every_truth_file_names_its_source():
    assert {p.name for p in HERE.glob("*.csv")} == set(SOURCES)


@pytest.mark.parametrize("name", sorted(SOURCES))
def test_rows_are_well_formed(name):
    rows = _rows(name)
    assert rows, f"{name} is empty"
    assert _problems(name, rows) == []


def test_problems_are_reported():
    """The checker itself catches each kind of malformed row."""
    good = {"table_id": "BUD_05", "account_scheme": "function", "account_code": "2010101", "line_item": "",
            "account_name": "行政运行", "measure": "total", "amount_wan": "12.50", "page": "7"}
    bad = [
        {"table_id": "FIN_05"}, {"account_code": "201010"}, {"account_code": "9990101"},
        {"line_item": "total"}, {"account_scheme": "line", "account_code": ""},
        {"account_name": "行政 运行"}, {"measure": "amount"}, {"amount_wan": "1,250.00"},
        {"amount_wan": "12.5"}, {"page": "3"},
    ]
    name = "yantai_xfj_2026_budget.csv"
    assert _problems(name, [good, good]) == []
    for change in bad:
        assert len(_problems(name, [good, {**good, **change}])) == 1, change


@pytest.mark.corpus
@pytest.mark.parametrize("name", sorted(SOURCES))
def test_every_amount_is_printed_on_its_page(name, corpus):
    """Each page holds, in its text layer, every amount the truth file puts there (as a multiset)."""
    import pypdfium2 as pdfium

    rel, _, unit = SOURCES[name]
    pdf = pdfium.PdfDocument(str(corpus / rel))
    try:
        want: dict[int, Counter] = {}
        for r in _rows(name):
            want.setdefault(int(r["page"]), Counter())[Decimal(r["amount_wan"]) * SCALE[unit]] += 1
        assert max(want) <= len(pdf), f"{name}: page {max(want)} beyond the {len(pdf)} pages of {rel}"
        for page, amounts in sorted(want.items()):
            text = pdf[page - 1].get_textpage().get_text_range()
            printed = Counter(Decimal(t.replace(",", "")) for t in text.split() if PRINTED.match(t))
            assert not amounts - printed, f"{name} p{page}: not in the text layer: {dict(amounts - printed)}"
    finally:
        pdf.close()
