"""End to end in real headless Chromium (Debian's /usr/bin/chromium, driven by Playwright): `fiscal
dashboard` serves the data-quality warehouse; the test changes the department, compares departments,
opens a finding's source page and follows a 原文 link, saving screenshots to data/reports/screenshots.
A department named with HTML/JS is on screen as text and nothing of it runs."""
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import duckdb
import pytest

from dq_setup import HOSTILE

ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "data" / "reports" / "screenshots"
CHROMIUM = os.environ.get("FISCAL_CHROMIUM", "/usr/bin/chromium")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def need_browser():
    missing = [what for what, ok in (("chromium", shutil.which(CHROMIUM) or Path(CHROMIUM).exists()),
                                     ("playwright", _has_playwright())) if not ok]
    if missing:
        msg = f"{' and '.join(missing)} not installed (make test installs them: apt-get install chromium)"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(msg + " (required in CI)")
        pytest.skip(msg)


def _has_playwright() -> bool:
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return False
    return True


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture()
def served(dq_wh):
    """`fiscal dashboard` on a free port, stopped (its whole process group) afterwards."""
    port = free_port()
    env = dict(os.environ, FISCAL_WAREHOUSE=str(dq_wh))
    proc = subprocess.Popen([sys.executable, "-m", "pipelines.cli.main", "dashboard", "--port", str(port)],
                            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            start_new_session=True)
    base = f"http://127.0.0.1:{port}/"
    deadline = time.monotonic() + 60
    while True:
        try:
            if urllib.request.urlopen(base + "_stcore/health", timeout=2).read() == b"ok":
                break
        except OSError:
            pass
        if proc.poll() is not None or time.monotonic() > deadline:
            out = proc.stdout.read().decode() if proc.poll() is not None else ""
            os.killpg(proc.pid, signal.SIGKILL) if proc.poll() is None else None
            pytest.fail(f"fiscal dashboard did not come up on {base}: {out}")
        time.sleep(0.3)
    yield base
    stop(proc)


def stop(proc) -> None:
    """Ctrl-C the server (Streamlit ignores SIGTERM while it drains); kill it if it lingers."""
    os.killpg(proc.pid, signal.SIGINT)
    try:
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)


def choose(page, select, text: str) -> None:
    """Pick the option containing `text` in a Streamlit select box: type to filter, click the option."""
    box = select.get_by_role("combobox")
    box.click()
    box.fill(text)
    page.get_by_role("option").filter(has_text=text).first.click()
    settle(page)


def settle(page) -> None:
    """Wait until the app's script has finished its rerun and no element is stale any more."""
    page.wait_for_timeout(300)
    page.wait_for_function("""() => {
        const app = document.querySelector('[data-testid="stApp"]');
        return app && app.getAttribute('data-test-script-state') === 'notRunning'
            && !document.querySelector('[data-stale="true"]');
    }""")


def finding_link(wh: Path) -> str:
    con = duckdb.connect(str(wh.with_name("warehouse.read.duckdb")), read_only=True)
    doc, page, *box = con.execute("""SELECT document_id, page, x0, top, x1, bottom FROM mart_dq_result
                                     WHERE outcome = 'fail'""").fetchone()
    con.close()
    return f"?view=source&doc={doc}&page={page}&box=" + ",".join(f"{v:.2f}" for v in box)


def test_dashboard_in_chromium(served, dq_wh):
    need_browser()
    from playwright.sync_api import expect, sync_playwright

    SHOTS.mkdir(parents=True, exist_ok=True)
    dialogs = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        page = browser.new_page(viewport={"width": 1440, "height": 1400}, locale="zh-CN")
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.set_default_timeout(60000)
        page.goto(served)
        settle(page)
        main = page.get_by_test_id("stMain")
        sidebar = page.get_by_test_id("stSidebar")
        expect(main.get_by_role("heading", name="同比变化")).to_be_visible()
        expect(main.locator(".js-plotly-plot").first).to_be_visible()
        # the hostile department is the first in the list: shown literally, nothing executed
        expect(main.get_by_text("<script>window.__pwned=2</script>", exact=False)).to_be_visible()
        page.screenshot(path=str(SHOTS / "01_yoy_hostile_department.png"), full_page=True)
        assert page.evaluate("window.__pwned") is None
        assert page.locator('img[src="x"]').count() == 0

        # change the selection: another department, its YoY chart
        settle(page)
        choose(page, sidebar.get_by_test_id("stSelectbox").filter(has_text="部门"), "示范市疾病预防控制中心")
        expect(main.get_by_text("示范市疾病预防控制中心", exact=False).first).to_be_visible()
        expect(main.locator(".js-plotly-plot").first).to_be_visible()
        chart = main.locator(".js-plotly-plot").first
        expect(chart.get_by_text("210 卫生健康支出", exact=False).first).to_be_attached()
        expect(chart.get_by_text("214 交通运输支出", exact=False)).to_have_count(0)   # the previous department's
        page.screenshot(path=str(SHOTS / "02_yoy_cdc.png"), full_page=True)

        # compare departments on one account (the hostile name is a chart label, as text)
        sidebar.get_by_text("部门比较", exact=True).click()
        expect(main.get_by_role("heading", name="部门比较")).to_be_visible()
        settle(page)
        chart = main.locator(".js-plotly-plot").first
        expect(chart).to_be_visible()
        expect(chart.get_by_text("<img src=x", exact=False).first).to_be_attached()
        page.screenshot(path=str(SHOTS / "03_compare.png"), full_page=True)

        # data quality: open the finding's source page, the cell outlined
        sidebar.get_by_text("数据质量", exact=True).click()
        settle(page)
        expect(main.get_by_role("heading", name="发现与原文")).to_be_visible()
        settle(page)
        choose(page, main.get_by_test_id("stSelectbox").filter(has_text="查看原文"), "T-HIER-FUNC")
        img = main.get_by_test_id("stImage").locator("img")
        expect(img).to_be_visible()
        assert page.evaluate("(el) => el.naturalWidth", img.element_handle()) > 1000
        img.scroll_into_view_if_needed()
        page.screenshot(path=str(SHOTS / "04_quality_finding_source.png"), full_page=True)

        # a 原文 link opens the source view directly
        page.goto(served + finding_link(dq_wh))
        settle(page)
        expect(main.get_by_role("heading", name="原文")).to_be_visible()
        expect(main.get_by_test_id("stImage").locator("img")).to_be_visible()
        page.screenshot(path=str(SHOTS / "05_source_link.png"), full_page=True)
        assert page.evaluate("window.__pwned") is None
        browser.close()
    assert dialogs == []
    assert HOSTILE.startswith("<img")
