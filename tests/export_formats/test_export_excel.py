"""The Excel workbook: Chinese headers, one sheet per table, the printed figures exactly."""
import csv
import zipfile
from decimal import Decimal

from openpyxl import load_workbook


def test_sheets_and_headers(exported):
    wb = load_workbook(exported / "fiscal.xlsx", read_only=True)
    assert wb.sheetnames[:2] == ["说明", "文件"]
    assert "FIN_05 一般公共预算财政拨款支出决算表" in wb.sheetnames
    assert "BUD_07 一般公共预算“三公”经费支出表" in wb.sheetnames
    assert all(len(n) <= 31 for n in wb.sheetnames)
    head = next(wb["FIN_05 一般公共预算财政拨款支出决算表"].iter_rows(values_only=True))
    assert head == ("部门（单位）名称", "地区", "年度", "类型", "科目体系", "科目编码", "项目", "科目名称",
                    "合计（万元）", "基本支出（万元）", "项目支出（万元）", "页码", "文件名")
    docs = list(wb["文件"].iter_rows(values_only=True))
    assert docs[0][:3] == ("文件标识（SHA-256）", "文件名", "部门（单位）名称") and len(docs) == 26


def test_fin05_rows_are_the_printed_table(exported, sample_wh):
    """Every FIN_05 row of 示范市疾病预防控制中心 2023 决算 equals the generator's truth, column by column."""
    with open(sample_wh.parent / "pdfs" / "shifan_jkzx_2023_final.expected.csv", encoding="utf-8") as fh:
        truth = {}
        for r in csv.DictReader(fh):
            if r["table_id"] == "FIN_05":
                truth.setdefault(r["account_code"] or r["line_item"], {})[r["measure"]] = Decimal(r["amount_wan"])
    wb = load_workbook(exported / "fiscal.xlsx", read_only=True)
    got = {}
    for row in wb["FIN_05 一般公共预算财政拨款支出决算表"].iter_rows(min_row=2, values_only=True):
        if row[-1] == "shifan_jkzx_2023_final.pdf":
            got[row[5] or row[6]] = {m: Decimal(str(v)) for m, v in zip(("total", "basic", "project"), row[8:11])
                                     if v is not None}
    assert got.pop("合计") == truth.pop("total")
    assert got == truth


def test_amounts_are_stored_as_exact_decimal_text(exported):
    """The 市场监督管理局 pack prints 元: 2,423,291.00 元 is stored as the decimal text 242.3291 (万元)."""
    with zipfile.ZipFile(exported / "fiscal.xlsx") as z:
        xml = "".join(z.read(n).decode("utf-8") for n in z.namelist() if n.startswith("xl/worksheets/"))
    assert "<v>242.3291</v>" in xml
