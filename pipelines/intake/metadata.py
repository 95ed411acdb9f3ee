"""Publication metadata of a PDF (used to order re-published revisions)."""
from __future__ import annotations

import re

from ..pdf.engine import pdfium

_PDF_DATE = re.compile(r"D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?")


def pdf_date(pdf: pdfium.PdfDocument) -> str:
    """The document's modification (else creation) date as 'YYYY-MM-DDTHH:MM:SS', '' when absent."""
    try:
        meta = pdf.get_metadata_dict()
    except Exception:  # damaged info dictionary: no date, nothing else depends on it
        return ""
    for field in ("ModDate", "CreationDate"):
        m = _PDF_DATE.match((meta.get(field) or "").strip())
        if m and 1990 <= int(m.group(1)) <= 2100:
            y, mo, d, h, mi, s = (m.group(i) or dflt for i, dflt in zip(range(1, 7), ("", "01", "01", "00", "00", "00")))
            return f"{y}-{mo}-{d}T{h}:{mi}:{s}"
    return ""
