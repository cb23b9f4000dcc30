"""PDF: a report printed from its web page by a browser, a scan, damaged files."""

from __future__ import annotations

import random

import pytest

from report_lint import source
from report_lint.config import Config
from report_lint.engine import Engine
from report_lint.extract import table_data
from report_lint.findings import Severity
from report_lint.report import build_report
from tests import documents as D
from tests import synth

pytest.importorskip("pypdfium2")

KINDS = ("active", "requests", "reviews")
needs_browser = pytest.mark.skipif(D.chromium() is None, reason="no chromium to print pages to PDF "
                                   "(Debian: apt-get install chromium fonts-wqy-zenhei)")


def _doc(seed: int, template: str = "2021"):
    rng = random.Random(seed)
    return D.report_document(synth.random_tables(rng, template), rng, template=template)


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    """Two reports printed by chromium: (doc, pdf bytes), one with a changed cell."""
    tmp = tmp_path_factory.mktemp("pdf")
    out = {}
    for name, seed, template, change in (("a", 0, "2021", None), ("b", 1, "2019", ("requests", "granted", 0))):
        doc = _doc(seed, template)
        if change:
            D.change_cell(doc, change, str(doc.tables["requests"]["granted"][0] + 5))
        out[name] = (doc, D.print_pdf(D.to_html(doc, furniture=False).encode("utf-8"), tmp, name))
    return out


@needs_browser
def test_printed_page_every_cell(printed):
    doc, pdf = printed["a"]
    assert pdf is not None, "chromium did not print"
    src = source.from_bytes(pdf, "年报.pdf")
    assert src.format == "pdf"
    rep = build_report(src)
    for k in KINDS:
        assert table_data(rep.tables[k]) == doc.tables[k], k
    assert rep.report_year == doc.year
    result = Engine(Config(), "zh").check_source(src)
    assert [d for d in result.diagnostics if d.severity == Severity.ERROR] == []


@needs_browser
def test_printed_page_changed_cell_and_locator(printed):
    doc, pdf = printed["b"]
    src = source.from_bytes(pdf, "年报.pdf")
    result = Engine(Config(), "zh").check_source(src)
    row = [d for d in result.diagnostics if d.code == "RL102"]
    assert row
    d = row[0]
    assert "予以公开" in src.original.split("\n")[d.line - 1]
    rep = build_report(src)
    cell = rep.tables["requests"].rows["granted"].cells[0]
    words, fields = src.locate(cell.span.start, cell.span.end)
    assert set(fields) == {"page", "line"} and words == f"第{fields['page']}页 第{fields['line']}行"


def test_scanned_pdf_is_one_clear_message(tmp_path):
    fpdf = pytest.importorskip("fpdf")
    from PIL import Image, ImageDraw

    img = Image.new("L", (600, 300), 255)
    ImageDraw.Draw(img).rectangle((50, 50, 550, 250), outline=0)
    pdf = fpdf.FPDF()
    for _ in range(2):
        pdf.add_page()
        pdf.image(img, x=10, y=10, w=190)
    data = bytes(pdf.output())
    with pytest.raises(source.InputError) as e:
        source.from_bytes(data, "扫描件.pdf")
    assert e.value.code == "scanned"
    assert "扫描件" in e.value.message() and "scan" in e.value.message("en")
    path = tmp_path / "扫描件.pdf"
    path.write_bytes(data)
    result = Engine(Config(), "zh").check_path(str(path))
    assert [d.code for d in result.diagnostics] == ["RL001"] and result.error.code == "scanned"


def test_damaged_pdf():
    with pytest.raises(source.InputError) as e:
        source.from_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "坏.pdf")
    assert e.value.code == "damaged" and "PDF" in e.value.message()


def test_page_furniture_is_left_out():
    from report_lint.inputs.pdf import _furniture

    pages = [["2025/1/20 10:00 年度报告", "正文一", "0 0 0 0 0 0 0", "- 1 -"],
             ["2025/1/20 10:00 年度报告", "正文二", "0 0 0 0 0 0 0", "第2页 共3页"],
             ["2025/1/20 10:00 年度报告", "正文三", "3/3"]]
    f = _furniture(pages)
    assert (1, 1) in f and (2, 1) in f and (3, 1) in f  # a repeated header
    assert (1, 4) in f and (2, 4) in f and (3, 3) in f  # page numbers
    assert (1, 3) not in f and (2, 3) not in f  # a row of numbers is data, repeated or not
    assert (1, 2) not in f
