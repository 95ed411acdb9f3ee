"""pipelines/fetch/links.py on the seven real portal pages, and the link rules."""
from __future__ import annotations

import pytest

from pipelines.fetch.links import (
    Link,
    Page,
    extension,
    kind_of,
    next_page,
    parse_page,
    pattern_pages,
    verdict,
    years_of,
)
from pipelines.fetch.sources import LinkRules, Pagination, Source

SRC = Source(name="t", region="重庆市", department="all", listings=("https://x/",))
BASE = "https://fzggw.cq.gov.cn/zfxxgk/fdzdgknr/ysjs/ysgk/202603/t20260302_15478223.html"
FZ = "https://fzggw.cq.gov.cn/zfxxgk/fdzdgknr/ysjs/ysgk/202603/"

# (page, URL it was published at) -> (title, published date, attachment links (URL, text, title attribute))
EXPECTED = {
    "cq-1": (BASE, "重庆市发展和改革委员会（含下属单位）2026年预算公开", "2026-03-02", [
        (FZ + "P020260302346748437806.pdf", "重庆市发展和改革委员会", "重庆市发展和改革委员会2026年部门预算公开.pdf"),
        (FZ + "P020260302348727714122.pdf", "重庆市发展和改革委员会（本级）", "重庆市发展和改革委员会（本级）2026年单位预算公开.pdf"),
        (FZ + "P020260302348728687362.pdf", "重庆市综合经济研究院", "重庆市综合经济研究院2026年单位预算公开.pdf"),
        (FZ + "P020260302348729708801.pdf", "重庆市价格认定中心", "重庆市价格认定中心2026年单位预算公开.pdf"),
        (FZ + "P020260302348730445253.pdf", "重庆市公共资源交易事务中心", "重庆市公共资源交易事务中心2026年单位预算公开.pdf"),
        (FZ + "P020260302348731284355.pdf", "重庆市重大项目服务中心", "重庆市重大项目服务中心2026年单位预算公开.pdf"),
        (FZ + "P020260302348731818163.pdf", "重庆市粮食和物资储备事务中心", "重庆市粮食和物资储备事务中心2026年单位预算公开.pdf"),
    ]),
    "cq-2": ("http://cq.wenming.cn/gggs/202603/t20260302_1.html", "中共重庆市委宣传部2026年部门预算情况说明", "2026-03-02", [
        ("http://images.wenming.cn/web_cq/gggs/202603/W020260302537384806293.pdf", "1．中共重庆市委宣传部", ""),
        ("http://images1.wenming.cn/web_cq/gggs/202603/W020260302421824996655.pdf", "2．中共重庆市委宣传部（本级）", ""),
        ("http://images.wenming.cn/web_cq/gggs/202603/W020260302421825205723.pdf", "3．重庆市社会思想动态研究中心", ""),
        ("http://images1.wenming.cn/web_cq/gggs/202603/W020260302421825525665.pdf", "4．重庆市出版监测中心", ""),
        ("http://images.wenming.cn/web_cq/gggs/202603/W020260302421825729798.pdf", "5．重庆市版权保护中心", ""),
        ("http://images1.wenming.cn/web_cq/gggs/202603/W020260302421825917702.pdf", "6．重庆市新时代文明实践指导中心", ""),
        ("http://images.wenming.cn/web_cq/gggs/202603/W020260302421826137528.pdf", "7．重庆市新闻工作者协会", ""),
        ("http://images1.wenming.cn/web_cq/gggs/202603/W020260302421826301033.pdf", "8．重庆红岩革命历史文化中心", ""),
    ]),
    "cq-3": ("https://jw.cq.gov.cn/zwgk_209/fdzdgknr/czyjs/ysgk/202603/t20260302_15478234.html",
             "重庆市教育委员会部门及所属预算单位2026年预算公开", "2026-03-02", [
                 ("https://www.cqksy.cn/uploadFile/infopub/202603/2028279589763555328.pdf?fileName=2026ksy-dwysqksm_0302.pdf"
                  "&fileSize=363491", "23 重庆市教育考试院", "")]),
    # the attachment link is written by an inline script (var hasFJ='<a href="./P0....pdf">...</a>')
    "cq-4": ("https://xfb.cq.gov.cn/zwgk_219/fdzdgknr/czyjs/ys/202603/t20260302_15478259.html",
             "重庆市信访办公室2026年部门预算公开", "2026-03-02", [
                 ("https://xfb.cq.gov.cn/zwgk_219/fdzdgknr/czyjs/ys/202603/P020260302349339916100.pdf",
                  "重庆市信访办公室2026年部门预算公开.pdf", "")]),
    "cq-5": ("https://fzggw.cq.gov.cn/zfxxgk/fdzdgknr/ysjs/ysgk/202603/t20260302_15478126.html",
             "重庆市价格认定中心2026年单位预算公开", "2026-03-02", [
                 (FZ + "P020260302342075032631.pdf", "重庆市价格认定中心2026年单位预算公开.pdf",
                  "重庆市价格认定中心2026年单位预算公开.pdf")]),
    "cq-6": ("https://gaj.cq.gov.cn/zwgk/zfxxgkml/czyjs/ysgk/202603/t20260302_15477907.html",
             "重庆市公安局2026年部门预算情况说明", "2026-03-02", []),
    "cq-7": ("https://jtj.cq.gov.cn/zwgk_240/zfxxgk/fdzdgknr/czyjs/ys/202603/t20260302_15478132.html",
             "重庆市交通运输委员会及委属单位2026年部门预算情况说明", "2026-03-02", []),
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_the_real_pages(portal_pages, name):
    url, title, date, attachments = EXPECTED[name]
    page = parse_page((portal_pages / f"{name}.html").read_bytes(), url)
    assert (page.title, page.published) == (title, date)
    assert page.published_from in ("page text: 发布日期", "page text: 发布时间")
    got = [(lk.url, lk.text, lk.hint) for lk in page.links if kind_of(lk.url, SRC) != "page"]
    assert got == attachments
    assert Page.from_json(url, page.to_json()) == page  # what the state store keeps for a 304


def test_cq7_links_its_units_articles_which_are_not_attachments(portal_pages):
    page = parse_page((portal_pages / "cq-7.html").read_bytes(), EXPECTED["cq-7"][0])
    units = [lk for lk in page.links if "单位预算情况说明" in lk.text]
    assert len(units) == 17 and all(kind_of(lk.url, SRC) == "page" for lk in units)


def test_encoding_base_selector_and_published_meta():
    html = ("<html><head><meta charset='gb2312'><base href='https://a.example/docs/'>"
            "<meta name='PubDate' content='2025-07-01 10:00'></head><body><div class='nav'><a href='x.pdf'>导航</a>"
            "</div><div class='body'><a href='2025/预算.pdf' title='部门预算'> 2025年 部门\n预算 </a>"
            "<a href='javascript:void(0)'>x</a><a href='#top'>top</a><a href='mailto:a@b'>m</a>"
            "<iframe src='/viewer/file.pdf'></iframe></div></body></html>").encode("gb18030")
    page = parse_page(html, "https://a.example/index.html", selector="div.body")
    assert page.published == "2025-07-01" and page.published_from == "meta PubDate"
    assert [(lk.url, lk.text) for lk in page.links] == [
        ("https://a.example/docs/2025/预算.pdf", "2025年 部门 预算"), ("https://a.example/viewer/file.pdf", "")]
    assert parse_page(html, "https://a.example/", selector="div.none").note.startswith("article_selector 'div.none'")


def test_extension_and_kind():
    assert extension("https://a/b/file.PDF") == "pdf"
    assert extension("https://a/download.jsp?fileName=%E9%A2%84%E7%AE%97.xls&id=3") == "xls"
    assert extension("https://a/x.pdf?fileName=y.doc", ("pdf",)) == "pdf"
    assert kind_of("https://a/download.do?filename=a.pdf", SRC) == "attachment"
    assert kind_of("https://a/b.docx", SRC) == "other_file"
    assert kind_of("https://a/t2026.html", SRC) == "page"


def test_years():
    assert years_of("2026年部门预算", "https://a/ys/202603/t20260302_15478223.html") == {2026}
    assert years_of("", "https://a/202603/P020260302346748437806.pdf") == {2026}  # the folder, not the long number
    assert years_of("2025年决算和2026年预算", "https://a/x") == {2025, 2026}
    assert years_of("附件", "https://a/15478223/index_1.html") == set()


RULES = LinkRules(words=(("预算", "决算"),), exclude=("绩效",), min_year=2024, year_required=True)


@pytest.mark.parametrize("text, url, want", [
    ("重庆市信访办公室2026年部门预算公开", "https://a/t20260302_1.html", (True, False, "")),
    ("通知公告", "https://a/t20260302_2.html", (False, False, "no word of 预算/决算")),
    ("2026年预算绩效目标表", "https://a/t20260302_3.html", (False, True, "holds the excluded word '绩效'")),
    ("2019年部门预算", "https://a/201903/t20190301_4.html", (False, True, "year 2019 outside 2024–")),
    ("决算公开", "https://a/jsgk/", (False, True, "no year in the link text or URL (year_required)")),
    ("部门预算", "https://a/ys/202603/t20260302_5.html", (True, False, "")),  # the year is in the URL
])
def test_verdict(text, url, want):
    assert verdict(Link(url, text), RULES) == want


def test_word_groups_all_must_match():
    rules = LinkRules(words=(("预算", "决算"), ("部门", "单位")))
    assert verdict(Link("https://a/1", "2026年预算公开"), rules)[:2] == (False, False)
    assert verdict(Link("https://a/1", "2026年单位预算公开"), rules)[0]


def test_pagination():
    assert pattern_pages("https://a/ys/", Pagination(pattern="index_{n}.html", max_pages=3)) == [
        "https://a/ys/index_1.html", "https://a/ys/index_2.html"]
    assert pattern_pages("https://a/ys/index.html", Pagination(pattern="index_{n}.html", first=2, max_pages=2)) == [
        "https://a/ys/index_2.html"]
    page = Page("https://a/ys/", links=[Link("https://a/ys/p2.html", "下一页")])
    assert next_page(page, Pagination()) == "https://a/ys/p2.html"
