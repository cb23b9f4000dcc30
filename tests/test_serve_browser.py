"""The page of `report-lint serve` in a real browser (headless Chromium, tests/browser.py), used
as an office clerk uses it: a Word report with a planted slip dropped on the page, files chosen
in the dialog, text pasted, a file too large, a file that is no report, the downloads, and the
page without its script. Skipped, with the reason, where Chromium is not installed."""

from __future__ import annotations

import random
import re
import time
from pathlib import Path

import pytest

from tests import browser as B
from tests import documents as D
from tests import serving, synth

pytestmark = pytest.mark.skipif(B.chromium() is None, reason=B.SKIP_REASON)

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "fixtures" / "examples" / "年报示例.txt"
RESULT = "location.pathname == '/check' && document.readyState == 'complete' && !!document.getElementById('summary')"


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    s = serving.start(tmp_path_factory.mktemp("serve"), "--max-size", "1")
    yield s
    assert s.stop() == 0
    assert "Traceback" not in s.err


@pytest.fixture(scope="module")
def chrome(tmp_path_factory):
    b = B.Browser.start(tmp_path_factory.mktemp("chromium"))
    yield b
    b.close()


@pytest.fixture
def page(chrome, served):
    p = chrome.page()
    p.goto(served.url)
    yield p
    try:
        p.call("Page.close", timeout=5)
    except B.BrowserError:
        pass


@pytest.fixture(scope="module")
def planted(tmp_path_factory):
    """A Word report with one slip planted: 部分公开's total raised by 3."""
    pytest.importorskip("docx")
    rng = random.Random(3)
    doc = D.report_document(synth.random_tables(rng, "2021"), rng, template="2021")
    new = str(doc.tables["requests"]["partially_granted"][6] + 3)
    D.change_cell(doc, ("requests", "partially_granted", 6), new)
    path = tmp_path_factory.mktemp("docs") / "示例市数据局2024年报.docx"
    path.write_bytes(D.to_docx(doc))
    return path, new


def expected(path: Path) -> list:
    """What `report-lint check FILE` finds in the file (unreadable files included)."""
    from report_lint.config import Config
    from report_lint.engine import Engine

    return Engine(Config(), "zh").check_path(str(path)).diagnostics


def totals(page) -> str:
    return page.eval("document.getElementById('totals') ? document.getElementById('totals').textContent : "
                     "document.querySelector('#summary .big.ok').textContent")


def clean(page) -> None:
    assert page.violations() == []  # nothing the CSP had to block: no inline script, no outside load
    assert page.errors() == []
    origin = page.eval("location.origin")
    for url in page.requests():  # nothing leaves the machine
        assert url.startswith((origin + "/", "blob:" + origin + "/", "data:")), url


def test_a_dropped_word_report_shows_its_slip_where_it_is(page, planted):
    path, new = planted
    want = expected(path)
    errors = [d for d in want if d.severity.label == "error"]
    assert any(d.code == "RL102" for d in errors)
    page.drop_files("#drop", [path])
    page.wait(RESULT)
    assert totals(page) == f"共发现 {len(errors)} 个错误。"
    assert page.eval("document.querySelector('section.file h2').textContent") == path.name
    # The row of 部分公开 in the report's text: highlighted as an error, the changed total inside
    row = page.eval("""(function () {
        var rows = Array.from(document.querySelectorAll('.src > div'));
        var row = rows.find(function (d) { return d.textContent.trim().startsWith('|') && d.textContent.indexOf('部分公开') >= 0; });
        var marks = Array.from(row.querySelectorAll('a.hl.e'));
        return {marked: marks.map(function (a) { return a.textContent; }).join(''),
                visible: marks.every(function (a) { var r = a.getBoundingClientRect(); return r.width > 0 && r.height > 0; }),
                colour: getComputedStyle(marks[0]).backgroundColor,
                href: marks[0].getAttribute('href')};
    })()""")
    assert re.search(rf"(?<!\d){new}(?!\d)", row["marked"]) and row["visible"]
    assert row["colour"] not in ("rgba(0, 0, 0, 0)", "transparent")
    # Each finding listed with its explanation; the arithmetic of the row total shown
    listed = page.eval("Array.from(document.querySelectorAll('ol.findings > li')).map(function (li) { return li.textContent; })")
    assert len(listed) == len(want)
    for d in want:
        assert any(d.message in text for text in listed), d.message
    rl102 = next(d for d in want if d.code == "RL102")
    assert any(rl102.detail in text and "规则说明" in text for text in listed)
    # A click on the highlight leads to its finding
    page.eval(f"document.querySelector('a.hl.e[href=\"{row['href']}\"]').click()")
    assert page.wait(f"location.hash == '{row['href']}' && document.querySelector('{row['href']}:target') !== null")
    clean(page)


def test_files_chosen_in_the_dialog_are_checked_at_once(page, planted, tmp_path):
    path, _ = planted
    text = tmp_path / "示例.txt"
    text.write_bytes(EXAMPLE.read_bytes())
    page.set_files("#files", [path, text])  # no button: choosing is enough
    page.wait(RESULT)
    names = page.eval("Array.from(document.querySelectorAll('section.file h2')).map(function (h) { return h.textContent; })")
    assert names == sorted([path.name, "示例.txt"])  # in path order, as every format lists files
    errors = sum(d.severity.label == "error" for d in expected(path)) + 2
    assert totals(page) == f"共发现 {errors} 个错误。"
    assert page.eval("document.querySelector('#summary .big').textContent") == "共检查 2 个文件：0 个未发现问题，2 个有错误。"
    clean(page)


def test_pasted_text(page):
    page.eval("document.querySelector('details.paste').open = true; document.getElementById('text').focus()")
    page.type_text(EXAMPLE.read_text(encoding="utf-8"))
    page.click("button.start")
    page.wait(RESULT)
    assert page.eval("document.querySelector('section.file h2').textContent") == "粘贴的文字.txt"
    assert totals(page) == "共发现 2 个错误。"
    assert page.eval("document.querySelectorAll('.src a.hl.e').length") >= 2
    clean(page)


def test_a_file_too_large_is_refused_in_words_before_it_is_sent(page, served, tmp_path):
    big = tmp_path / "扫描版年报.pdf"
    big.write_bytes(b"%PDF-1.4\n" + b"0" * (3 * 1024 * 1024 // 2))  # 1.5 MB, the server takes 1 MB
    checks_before = served.proc.poll() is None
    page.set_files("#files", [big])
    message = page.wait("!document.getElementById('problem').hidden && document.getElementById('problem').textContent")
    assert message == "扫描版年报.pdf：文件太大（1.5 MB，上限 1 MB）：请检查是否选错了文件"
    assert page.eval("location.pathname") == "/"
    page.drop_files("#drop", [big])  # dropped: the same
    time.sleep(0.3)
    assert page.eval("location.pathname") == "/" and "文件太大" in page.eval("document.getElementById('problem').textContent")
    assert checks_before and served.proc.poll() is None
    clean(page)


def test_nothing_to_check_is_said(page):
    page.click("button.start")
    message = page.wait("!document.getElementById('problem').hidden && document.getElementById('problem').textContent")
    assert message.startswith("没有收到要检查的内容")


def test_files_that_are_no_report(page, tmp_path):
    notice = tmp_path / "通知.txt"
    notice.write_text("关于召开2024年度工作会议的通知\n各科室：\n定于下周一召开工作会议，请准时参加。\n办公室\n2024年3月1日\n",
                      encoding="utf-8")
    old = tmp_path / "年报.doc"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 200 + "WordDocument".encode("utf-16-le"))
    page.set_files("#files", [notice, old])
    page.wait(RESULT)
    body = page.eval("document.body.innerText")
    from report_lint.config import Config
    from report_lint.engine import Engine

    engine = Engine(Config(), "zh")
    for p in (notice, old):
        for d in engine.check_path(str(p)).diagnostics:  # the command line's words, on the page
            assert d.message in body, d.message
    assert "另存为" in body
    assert page.eval("document.querySelectorAll('section.file').length") == 2
    clean(page)


def test_downloads(chrome, page, planted, tmp_path):
    path, _ = planted
    folder = tmp_path / "downloads"
    chrome.allow_downloads(folder)
    page.drop_files("#drop", [path])
    page.wait(RESULT)
    page.wait("!document.querySelector('a.download[aria-disabled]')")
    stem = path.stem
    for k, name in enumerate((f"{stem}_问题清单.xlsx", f"{stem}_检查结果.html")):
        page.click(f"#download-{k}")
        target = folder / name
        end = time.monotonic() + 20
        while time.monotonic() < end and not (target.exists() and target.stat().st_size):
            time.sleep(0.1)
        assert target.exists(), sorted(p.name for p in folder.iterdir())
    from openpyxl import load_workbook

    wb = load_workbook(folder / f"{stem}_问题清单.xlsx")
    assert wb["问题清单"].max_row == 1 + len(expected(path))
    report = (folder / f"{stem}_检查结果.html").read_text(encoding="utf-8")
    errors = sum(d.severity.label == "error" for d in expected(path))
    assert f"共发现 {errors} 个错误。" in report and '<meta name="generator" content="report-lint">' in report
    clean(page)


def test_the_form_works_without_the_script(chrome, served, planted):
    path, new = planted
    p = chrome.page()
    try:
        p.call("Emulation.setScriptExecutionDisabled", {"value": True})
        p.goto(served.url)
        # scripts are off for the page (page.js never marked it), not for the protocol's evaluation
        assert p.eval("document.documentElement.classList.contains('js')") is False
        p.set_files("#files", [path])
        time.sleep(0.3)
        assert p.eval("location.pathname") == "/"  # nothing sent by itself without the script
        p.click("button.start")
        p.wait(RESULT)
        errors = sum(d.severity.label == "error" for d in expected(path))
        assert totals(p) == f"共发现 {errors} 个错误。"
    finally:
        p.call("Page.close", timeout=5)


def test_nothing_in_a_report_runs(page, tmp_path):
    """A page full of markup and script is read for its text: nothing of it runs or loads."""
    pytest.importorskip("docx")
    rng = random.Random(5)
    doc = D.report_document(synth.random_tables(rng, "2021"), rng, template="2021")
    planted = ('<p>&lt;script&gt;window.__pwned = 1&lt;/script&gt; <img src="http://evil.example/x.png" '
               'onerror="window.__pwned = 2"><script>window.__pwned = 3</script></p>')
    hostile = D.to_html(doc).replace('<div class="TRS_Editor">', '<div class="TRS_Editor">' + planted, 1)
    path = tmp_path / "网页年报.html"
    path.write_text(hostile, encoding="utf-8")
    page.set_files("#files", [path])
    page.wait(RESULT)
    assert page.eval("typeof window.__pwned") == "undefined"
    assert page.eval("document.querySelectorAll('main img, main script').length") == 0
    assert "<script>window.__pwned = 1</script>" in page.eval("document.querySelector('.src').textContent")  # shown as text
    clean(page)


def test_pdfs_printed_and_scanned(page, tmp_path):
    """A PDF printed from the report with a slip planted, and a scan with no text layer."""
    fpdf = pytest.importorskip("fpdf")
    from PIL import Image, ImageDraw

    rng = random.Random(1)
    doc = D.report_document(synth.random_tables(rng, "2021"), rng, template="2021")
    D.change_cell(doc, ("requests", "granted", 0), str(doc.tables["requests"]["granted"][0] + 5))
    pdf = D.print_pdf(D.to_html(doc, furniture=False).encode("utf-8"), tmp_path, "printed")
    if pdf is None:
        pytest.skip("chromium could not print a PDF with Chinese text (fonts-wqy-zenhei missing?)")
    printed = tmp_path / "年报.pdf"
    printed.write_bytes(pdf)
    img = Image.new("L", (600, 300), 255)
    ImageDraw.Draw(img).rectangle((50, 50, 550, 250), outline=0)
    scan = fpdf.FPDF()
    scan.add_page()
    scan.image(img, x=10, y=10, w=190)
    scanned = tmp_path / "扫描件.pdf"
    scanned.write_bytes(bytes(scan.output()))
    page.drop_files("#drop", [printed, scanned])
    page.wait(RESULT)
    body = page.eval("document.body.innerText")
    rl102 = [d for d in expected(printed) if d.code == "RL102"]
    assert rl102 and all(d.message in body for d in rl102)
    assert re.search(r"第\d+页 第\d+行：第 \d+ 行第 \d+ 个字", body)  # the place in the PDF, in words
    for d in expected(scanned):
        assert d.message in body and "扫描件" in d.message
    clean(page)
