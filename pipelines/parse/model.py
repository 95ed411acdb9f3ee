"""In-memory result of parsing one document (the unit that is staged and loaded atomically)."""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from ..narrative.extract import Statement


@dataclass
class Fact:
    table_seq: int
    table_id: str | None
    account_scheme: str  # function | economic | line
    account_code: str  # digits, '' for line items
    line_item: str  # canonical line id, '' for code rows
    account_name: str  # as printed (whitespace removed)
    measure: str
    amount: Decimal  # as printed, in unit_printed
    amount_wan: Decimal  # exact, in 万元
    unit_printed: str
    page: int
    bbox: tuple[float, float, float, float]
    row: int  # row index within the table (body rows, across pages)
    col: int  # grid column index on its page
    printed: str  # the cell text as printed
    side: str = ""  # income | expense for two-sided tables
    header: str = ""  # column header path joined with '/'
    entity: str = ""  # sub-unit of a multi-unit table (预算单位 rows); '' = the pack's own (consolidated) figures
    cross: str = ""  # other classifications printed on a cross-classified row (e.g. "50101-…|30101-…")


@dataclass
class Quantity:
    """Non-monetary printed figures (vehicle counts, equipment counts)."""
    table_seq: int
    table_id: str | None
    line_item: str
    name: str
    value: Decimal
    unit: str
    page: int
    bbox: tuple[float, float, float, float]


@dataclass
class TableResult:
    seq: int
    table_id: str | None
    title: str  # as printed ('' when identified by signature or continuation only)
    label: str  # 公开01表 / 预算01表 / 表一 … as printed
    unit_printed: str
    unit_source: str  # printed | document | assumed
    page_start: int
    page_end: int
    empty: bool
    note: str
    identified_by: str  # title | contents | signature | none
    header: list[str] = field(default_factory=list)  # column header paths
    n_rows: int = 0
    issues: list[str] = field(default_factory=list)
    n_figures: int = 0  # figures printed inside the table's area
    n_covered: int = 0  # of those, figures that became facts (or quantities)
    n_garbled: int = 0  # figures the text layer garbled (counted, never guessed)

    @property
    def coverage(self) -> float | None:
        return round(self.n_covered / self.n_figures, 4) if self.n_figures else None


@dataclass
class DocumentResult:
    document_id: str
    file_name: str
    path: str
    size_bytes: int
    n_pages: int
    parser_version: str
    status: str  # loaded | rejected
    reason: str = ""
    kind: str = "other"
    department: str = ""
    entity_level: str = ""
    region: str = ""
    fiscal_year: int | None = None
    unit_printed: str = ""
    evidence: dict = field(default_factory=dict)
    tables: list[TableResult] = field(default_factory=list)
    grid_pages: list[int] = field(default_factory=list)  # pages where a table grid was found
    facts: list[Fact] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    page_texts: list[str] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)  # the narrative's stated figures (pipelines.narrative)
    narrative_error: str = ""  # why there are none although the pages were read: the extractor failed
    issues: list[str] = field(default_factory=list)
    timings: dict = field(default_factory=dict)

    @property
    def n_figures(self) -> int:
        return sum(t.n_figures for t in self.tables)

    @property
    def coverage(self) -> float | None:
        """Share of the figures printed in the document's table areas that became facts."""
        n = self.n_figures
        return round(sum(t.n_covered for t in self.tables) / n, 4) if n else None
