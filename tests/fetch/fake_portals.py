"""The web the fetch tests run against: the seven real 重庆 article pages of
../shared/fixtures/portal-pages at their own URLs, listing pages that link them, real corpus PDFs
at the paths their attachment links point to, and a page of everything that goes wrong.

Corpus files are read from ../shared/corpus when the server starts, never copied into the project.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from portal_server import Portal, Route

FIXTURES = Path(__file__).resolve().parents[2].parent / "shared" / "fixtures" / "portal-pages"
BJ = "renwu/002_北京/"

# the article pages at the URLs they were published under (cq-2 has no Url meta: a plausible one)
ARTICLES = {
    "cq-1": "https://fzggw.cq.gov.cn/zfxxgk/fdzdgknr/ysjs/ysgk/202603/t20260302_15478223.html",
    "cq-2": "http://cq.wenming.cn/gggs/202603/t20260302_9300461.html",
    "cq-3": "https://jw.cq.gov.cn/zwgk_209/fdzdgknr/czyjs/ysgk/202603/t20260302_15478234.html",
    "cq-4": "https://xfb.cq.gov.cn/zwgk_219/fdzdgknr/czyjs/ys/202603/t20260302_15478259.html",
    "cq-5": "https://fzggw.cq.gov.cn/zfxxgk/fdzdgknr/ysjs/ysgk/202603/t20260302_15478126.html",
    "cq-6": "https://gaj.cq.gov.cn/zwgk/zfxxgkml/czyjs/ysgk/202603/t20260302_15477907.html",
    "cq-7": "https://jtj.cq.gov.cn/zwgk_240/zfxxgk/fdzdgknr/czyjs/ys/202603/t20260302_15478132.html",
}
CQ7_SECOND_COLUMN = "https://jtj.cq.gov.cn/zwgk_240/zfxxgk/fdzdgknr/czyjs/yjs/202603/t20260302_15478132.html"
TITLES = {  # the listing's link texts: the articles' titles
    "cq-1": "重庆市发展和改革委员会（含下属单位）2026年预算公开",
    "cq-2": "中共重庆市委宣传部2026年部门预算情况说明",
    "cq-3": "重庆市教育委员会部门及所属预算单位2026年预算公开",
    "cq-4": "重庆市信访办公室2026年部门预算公开",
    "cq-5": "重庆市价格认定中心2026年单位预算公开",
    "cq-6": "重庆市公安局2026年部门预算情况说明",
    "cq-7": "重庆市交通运输委员会及委属单位2026年部门预算情况说明",
}
FZ = "https://fzggw.cq.gov.cn/zfxxgk/fdzdgknr/ysjs/ysgk/202603/"
WM = "/web_cq/gggs/202603/"
# every attachment link of the fixture pages -> the corpus PDF served there
ATTACHMENTS = {
    "cq-1": {
        FZ + "P020260302346748437806.pdf": BJ + "2026年北京市信访办公室部门预算.pdf",
        FZ + "P020260302348727714122.pdf": BJ + "2026年北京市宣传部部门预算.pdf",
        FZ + "P020260302348728687362.pdf": BJ + "政府办公厅_附件1：中共北京市委军民融合发展委员会办公室2026年度部门预算情况说明.pdf",
        FZ + "P020260302348729708801.pdf": BJ + "政府办公厅_附件1：北京城市副中心工程建设管理办公室2026年度部门预算情况说明.pdf",
        FZ + "P020260302348730445253.pdf": BJ + "政府办公厅_附件1：首都绿化委员会办公室2026年度部门预算情况说明.pdf",
        FZ + "P020260302348731284355.pdf": BJ + "2026年北京市公安局交通管理局部门预算.pdf",
        FZ + "P020260302348731818163.pdf": BJ + "2026年北京市医疗保障局部门预算.pdf",
    },
    "cq-2": {
        "http://images.wenming.cn" + WM + "W020260302537384806293.pdf": BJ + "2026年北京市城市管理综合行政执法局部门预算.pdf",
        "http://images1.wenming.cn" + WM + "W020260302421824996655.pdf": BJ + "2026年北京市生态环境局部门预算.pdf",
        "http://images.wenming.cn" + WM + "W020260302421825205723.pdf": BJ + "2026年北京市经济和信息化局部门预算.pdf",
        "http://images1.wenming.cn" + WM + "W020260302421825525665.pdf": BJ + "2026年北京市退役军人事务局部门预算.pdf",
        "http://images.wenming.cn" + WM + "W020260302421825729798.pdf":
            BJ + "政府办公厅_附件1：北京市重大项目建设指挥部办公室2026年度部门预算情况说明.pdf",
        "http://images1.wenming.cn" + WM + "W020260302421825917702.pdf": BJ + "2026年北京市住房和城乡建设委员会部门预算.pdf",
        "http://images.wenming.cn" + WM + "W020260302421826137528.pdf": BJ + "2026年北京市市场监督管理局部门预算.pdf",
        "http://images1.wenming.cn" + WM + "W020260302421826301033.pdf": BJ + "2026年北京市文化和旅游局部门预算.pdf",
    },
    "cq-3": {"https://www.cqksy.cn/uploadFile/infopub/202603/2028279589763555328.pdf?fileName=2026ksy-dwysqksm_0302.pdf"
             "&fileSize=363491": BJ + "2026年北京市民政局部门预算.pdf"},
    "cq-4": {"https://xfb.cq.gov.cn/zwgk_219/fdzdgknr/czyjs/ys/202603/P020260302349339916100.pdf":
             BJ + "2026年北京市统计局部门预算.pdf"},
    "cq-5": {FZ + "P020260302342075032631.pdf": BJ + "2026年北京市审计局部门预算.pdf"},
}

LISTING = "https://www.cq.gov.cn/zwgk/ysjs/index.html"
LISTING_2 = "https://www.cq.gov.cn/zwgk/ysjs/index_1.html"
LISTING_3 = "https://www.cq.gov.cn/zwgk/ysjs/index_2.html"  # not there: the listing has two pages
REVISED = "https://www.cq.gov.cn/zwgk/ysjs/202603/P020260305000000000001.pdf"
REVISED_V1 = "GovBudgetChecker/24年普陀区财政局（测试问题版本）.pdf"  # the same 决算, re-published ...
REVISED_V2 = "GovBudgetChecker/上海市普陀区财政局2024年度部门决算.pdf"  # ... with other bytes

CASES_HOST = "https://files.example-portal.cn"
CASES_LISTING = CASES_HOST + "/list/"
CASES_ARTICLE = CASES_HOST + "/list/202603/t20260302_1.html"
CASE = {
    "missing": CASES_HOST + "/files/missing.pdf",  # 404
    "slow": CASES_HOST + "/files/slow.pdf",  # answers after the read timeout
    "loop": CASES_HOST + "/files/loop-a.pdf",  # loop-a -> loop-b -> loop-a
    "copy": CASES_HOST + "/files/copy.pdf",  # the bytes of cq-4's attachment, under another URL
    "huge": CASES_HOST + "/files/huge.pdf",  # over the source's size cap, no Content-Length
    "html": CASES_HOST + "/files/page.pdf",  # an HTML article page named .pdf
    "inner": CASES_HOST + "/files/inner.pdf",  # the PDF that page links
    "notice": CASES_HOST + "/files/notice.pdf",  # a real PDF that is not a fiscal disclosure
    "xls": CASES_HOST + "/files/table.xls",  # an attachment that is not a PDF
    "robots": CASES_HOST + "/private/secret.pdf",  # disallowed by robots.txt
}
HUGE = "renwu/020_西安/卫生健康委员会_2026年部门预算.pdf"  # 2,731,777 bytes
INNER = "ae86jack-open-budget/江苏省委办公厅2017年部门预算.pdf"
NOTICE = "renwu/040_长春/2026年长春市财政局部门预算.pdf"  # 长春市财政局2025年度法治政府建设报告
CASES_CAP = 1_500_000
DOWN_LISTING = "https://down.example-portal.cn/list/"

SOURCES_YAML = f"""
defaults:
  politeness: {{requests_per_second: 20, retries: 1, backoff_seconds: 0.05, connect_timeout_seconds: 2,
               read_timeout_seconds: 2, user_agent: "fiscal-warehouse/test"}}
  links: {{words: [[预算, 决算]], exclude: [绩效], years: {{min: 2024}}, year_required: true}}
  pagination: {{pattern: "index_{{n}}.html", max_pages: 3}}
sources:
  - name: cq-portal
    region: 重庆市
    department: all
    listings: [{LISTING}]
  - name: cases
    region: 测试
    department: all
    listings: [{CASES_LISTING}]
    politeness: {{read_timeout_seconds: 0.5, max_bytes: {CASES_CAP}}}
  - name: down
    region: 测试
    department: all
    listings: [{DOWN_LISTING}]
"""


def _listing(title: str, links: list[tuple[str, str]]) -> str:
    items = "\n".join(f'<li><a href="{u}" target="_blank">{t}</a><span>2026-03-02</span></li>' for u, t in links)
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title}</title></head><body>"
            f"<div class='nav'><a href='/'>首页</a> &gt; <a href='/zwgk/'>政务公开</a> &gt; "
            f"<a href='/zwgk/ysjs/'>预算/决算</a></div><ul class='list'>{items}</ul>"
            f"<div class='page'><a href='index_1.html'>下一页</a></div></body></html>")


@dataclass
class Web:
    portal: Portal
    corpus: Path

    def pdf(self, rel: str) -> bytes:
        return (self.corpus / rel).read_bytes()


def build(portal: Portal, corpus: Path, articles: tuple[str, ...] = tuple(ARTICLES), cases: bool = True,
          revised: bool = True) -> Web:
    """Serve the fixture pages (those named in `articles`), their attachments, the listings, and
    (when `cases`) the page of everything that goes wrong and a source whose listing is down."""
    web = Web(portal, corpus)
    for name in articles:
        portal.page(ARTICLES[name], (FIXTURES / f"{name}.html").read_bytes())
        for url, rel in ATTACHMENTS.get(name, {}).items():
            portal.add(url, Route(web.pdf(rel), "application/pdf"))
    if "cq-7" in articles:
        portal.page(CQ7_SECOND_COLUMN, (FIXTURES / "cq-7.html").read_bytes())
    first = [(ARTICLES[n], TITLES[n]) for n in articles[:4]]
    second = [(ARTICLES[n], TITLES[n]) for n in articles[4:]]
    if "cq-7" in articles:
        second.append((CQ7_SECOND_COLUMN, TITLES["cq-7"] + "（预决算）"))
    noise = [("https://www.cq.gov.cn/zwgk/ysjs/201903/t20190301_1.html", "重庆市信访办公室2019年部门预算公开"),
             ("https://www.cq.gov.cn/zwgk/ysjs/202603/t20260303_2.html", "重庆市公安局2026年部门预算绩效目标表"),
             ("https://www.cq.gov.cn/zwgk/jsgk/", "决算公开")]
    if revised:
        first.append((REVISED, "上海市普陀区财政局2024年度部门决算"))
        portal.add(REVISED, Route(web.pdf(REVISED_V1), "application/pdf"))
    portal.page(LISTING, _listing("预算公开", first + noise))
    portal.page(LISTING_2, _listing("预算公开", second))
    if cases:
        _cases(web)
    return web


def revise(web: Web) -> None:
    """The re-published file: other bytes at the same URL, a later Last-Modified."""
    web.portal.add(REVISED, Route(web.pdf(REVISED_V2), "application/pdf", modified=1772928000.0))


def _cases(web: Web) -> None:
    p = web.portal
    p.page(CASES_LISTING, _listing("附件", [(CASES_ARTICLE, "2026年部门预算公开（附件汇总）")]))
    links = "".join(f'<p><a href="{url}">{name}</a></p>' for name, url in CASE.items() if name != "inner")
    p.page(CASES_ARTICLE, "<html><head><meta name='ArticleTitle' content='2026年部门预算公开（附件汇总）'></head>"
                          "<body><div class='info'>发布时间：2026-03-02</div>" + links + "</body></html>")
    p.page(CASES_HOST + "/robots.txt", "User-agent: *\nDisallow: /private/\n", content_type="text/plain")
    p.add(CASE["slow"], Route(web.pdf(INNER), "application/pdf", delay=3.0))
    p.redirect(CASE["loop"], "/files/loop-b.pdf")
    p.redirect(CASES_HOST + "/files/loop-b.pdf", CASE["loop"])
    p.add(CASE["copy"], Route(web.pdf(ATTACHMENTS["cq-4"][next(iter(ATTACHMENTS["cq-4"]))]), "application/pdf"))
    p.add(CASE["huge"], Route(web.pdf(HUGE), "application/pdf", length=False))
    p.page(CASE["html"], "<html><head><title>2026年部门预算公开</title></head><body><div>发布日期：2026-03-01</div>"
                         "<a href='inner.pdf'>江苏省委办公厅2017年部门预算.pdf</a></body></html>",
           content_type="application/pdf")  # mislabelled too: only the bytes tell
    p.add(CASE["inner"], Route(web.pdf(INNER), "application/pdf"))
    p.add(CASE["notice"], Route(web.pdf(NOTICE), "application/octet-stream"))
    p.add(CASE["xls"], Route(b"\xd0\xcf\x11\xe0 not fetched", "application/vnd.ms-excel"))
    p.add(CASE["robots"], Route(web.pdf(INNER), "application/pdf"))
    p.add(DOWN_LISTING, Route(b"busy", "text/plain", status=503, validators=False))
