"""Tables recognised by what their titles mean, not by a list of titles.

The catalogue holds no titles: tables.yaml says what each table is (fund, flow, spend, topic,
scheme) and title_words.yaml the words for those. These tests feed the recognizer the 162 titles
the catalogue used to list (tests/parse/catalogue_titles.csv), titles that use none of them
verbatim (synonyms, other word order, decoration), titles of tables the catalogue does not know,
and text that is no title; and render a whole pack whose tables carry unseen titles.
"""
from __future__ import annotations

import copy
import csv
from collections import Counter
from pathlib import Path

import pytest

from pipelines.generator import SPEC_DIR, load_spec, render_pack, write_expected
from pipelines.parse import meaning
from pipelines.parse.captions import match_title
from pipelines.parse.contents import label_number, table_titles
from pipelines.parse.document import parse_document

HERE = Path(__file__).resolve().parent
with open(HERE / "catalogue_titles.csv", encoding="utf-8") as _fh:
    KNOWN = list(csv.DictReader(_fh))

# (title, pack kind, table id): none of these is one of the 162 known titles
UNSEEN = [
    ("预算收入与支出汇总表", "budget", "BUD_01"),
    ("2027年度本部门收支预算汇总情况表", "budget", "BUD_01"),
    ("收入预算汇总表", "budget", "BUD_02"),
    ("部门支出预算汇总情况表", "budget", "BUD_03"),
    ("财政拨款收入和支出预算总表", "budget", "BUD_04"),
    ("一般公共预算安排的支出情况表（功能科目）", "budget", "BUD_05"),
    ("一般公共预算安排的基本支出经济分类明细表", "budget", "BUD_06"),
    ("“三公”经费预算安排情况表", "budget", "BUD_07"),
    ("政府性基金预算拨款收支情况表", "budget", "BUD_08"),
    ("国有资本经营预算拨款支出情况表", "budget", "BUD_09"),
    ("部门收入和支出决算汇总表", "final", "FIN_01"),
    ("本部门收入决算汇总情况表", "final", "FIN_02"),
    ("财政拨款收入与支出决算汇总表", "final", "FIN_04"),
    ("一般公共预算财政拨款基本支出决算明细情况表", "final", "FIN_06"),
    ("决算“三公”经费支出情况表", "final", "FIN_09"),
]
UNKNOWN = ["部门综合预算财政拨款上年结转资金支出表", "培训费明细表", "资产配置预算表",
           "一般公共预算项目支出情况表（按经济分类科目）", "一般公共预算基本支出明细表（按支出功能分类科目）"]
NOT_TITLES = ["第二部分 2026年部门预算表", "公开09表", "部门预算报表", "详见公开01表收支预算总表",
              "本表反映部门年度政府采购支出预算安排情况表", "省检察院本级划转240万元办案费；二是《财政拨款支出预算表"]


@pytest.mark.parametrize("row", KNOWN, ids=lambda r: r["title"])
def test_every_title_the_catalogue_once_listed_is_recognised(row):
    m = match_title(row["title"], row["kind"])
    assert m is not None and [s.id for s in m.specs][:1] == [row["table_id"]]


@pytest.mark.parametrize("title,kind,table_id", UNSEEN)
def test_titles_in_words_no_list_has(title, kind, table_id):
    assert title not in {r["title"] for r in KNOWN}
    m = match_title(title, kind)
    assert m is not None and [s.id for s in m.specs] == [table_id]


def test_the_pack_kind_in_a_title_or_its_label_decides_between_budget_and_final():
    assert [s.id for s in match_title("收支总表", None).specs] == ["FIN_01", "BUD_01"]  # the pack decides
    assert [s.id for s in match_title("预算01表收支总表", None).specs] == ["BUD_01"]
    assert [s.id for s in match_title("收入支出决算总表", None).specs] == ["FIN_01"]


@pytest.mark.parametrize("title", UNKNOWN)
def test_a_title_the_catalogue_does_not_know_is_recognised_as_unknown(title):
    m = match_title(title, "budget")
    assert m is not None and m.unknown  # kept as BUD_X with its printed title, never a wrong id


@pytest.mark.parametrize("text", NOT_TITLES)
def test_headings_labels_and_prose_are_no_titles(text):
    assert match_title(text, "budget") is None


def test_meaning_reads_fake_bold_and_brackets():
    assert meaning.read("222000222222年年年部部部门门门综综综合合合预预预算算算收收收支支支总总总表表表").flow == "both"
    m = meaning.read("一般公共预算支出明细表（按支出经济分类科目-不含上年结转）")
    assert (m.fund, m.flow, m.scheme) == ("gpb", "expense", "economic")


def test_contents_give_the_title_of_a_table_printed_with_its_label_only():
    toc = table_titles(["目录\n报表报表名称是否空表公开空表理由\n表12021年部门综合预算收支总表\n"
                        "表52021年部门综合预算一般公共预算支出明细表（按支出功能分类科目）\n",
                        "目录\n第二部分2026年部门预算表\n一、收支总体情况表\n五、一般公共预算支出情况表……12\n"])
    assert toc[1] == "2021年部门综合预算收支总表" and "一般公共预算支出明细表" in toc[5]
    assert [label_number(x) for x in ("表5", "公开05表", "预算表12", "表十二", "预算14表-1")] == [5, 5, 12, 12, 14]


UNSEEN_BY_TABLE = {t: title for title, _, t in UNSEEN}


@pytest.mark.parametrize("pack", ["shifan_yjglj_2024_budget", "shifan_yjglj_2024_final"])
def test_a_pack_printed_with_unseen_titles_parses_as_with_the_usual_ones(pack, tmp_path):
    spec = copy.deepcopy(load_spec(SPEC_DIR / f"{pack}.yaml"))
    renamed = 0
    for t in spec.tables:
        if t.table_id in UNSEEN_BY_TABLE:
            t.title, renamed = UNSEEN_BY_TABLE[t.table_id], renamed + 1
    assert renamed >= 5
    result = render_pack(spec, tmp_path / f"{pack}.pdf")
    want_csv = write_expected(result, tmp_path / f"{pack}.expected.csv")
    with open(want_csv, encoding="utf-8") as fh:
        want = Counter((r["table_id"], r["account_code"], r["line_item"], r["measure"], r["amount_wan"])
                       for r in csv.DictReader(fh))
    doc = parse_document(result.path)
    got = Counter((f.table_id, f.account_code, f.line_item, f.measure, format(f.amount_wan, "f")) for f in doc.facts)
    assert got == want
    assert [t.table_id for t in doc.tables if t.table_id] == [t.table_id for t in spec.tables]
