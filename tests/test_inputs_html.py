"""Web pages: every cell of the real table shapes, furniture left out, positions in the page."""

from __future__ import annotations

import random
import re

import pytest

from report_lint import source
from report_lint.engine import Engine
from report_lint.config import Config
from report_lint.findings import Severity
from report_lint.inputs.detect import detect
from report_lint.report import build_report
from report_lint.extract import table_data
from tests import documents as D
from tests import synth

pytest.importorskip("selectolax")

KINDS = ("active", "requests", "reviews")


def _doc(seed: int, template: str = "2021"):
    rng = random.Random(seed)
    tables = synth.random_tables(rng, template)
    return D.report_document(tables, rng, template=template), rng


def _engine():
    return Engine(Config(), "zh")


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("container", ["TRS_Editor", "zoom", ""])
def test_every_cell_of_merged_tables(seed, container):
    template = "2021" if seed % 2 == 0 else "2019"
    doc, rng = _doc(seed, template)
    page = D.to_html(doc, container=container, rng=rng)
    src = source.from_bytes(page.encode("utf-8"), "年报.html")
    assert src.format == "html"
    rep = build_report(src)
    for k in KINDS:
        assert table_data(rep.tables[k]) == doc.tables[k], k
    assert rep.report_year == doc.year


def test_positions_point_into_the_page_source():
    doc, rng = _doc(3)
    page = D.to_html(doc, rng=rng)
    src = source.from_bytes(page.encode("utf-8"), "年报.html")
    assert src.original == page
    rep = build_report(src)
    lines = page.split("\n")
    req = rep.tables["requests"]
    for key, row in req.rows.items():
        for i, cell in enumerate(row.cells):
            line, col = src.position(cell.span.start)
            end_line, end_col = src.end_position(cell.span.end)
            text = doc.values[("requests", key, i)]
            assert (end_line, end_col) == (line, col + len(text))
            assert lines[line - 1][col - 1 : col - 1 + len(text)] == text
            # the cell's text is inside a <td> of the page
            assert lines[line - 1][: col - 1].rstrip().endswith(">")
    # the title, read from the page's <h1>
    line, col = src.position(src.text.index("政府信息公开工作年度报告"))
    assert "<h1" in lines[line - 1]


def test_furniture_is_not_report_text_and_not_findings():
    doc, rng = _doc(4)
    for container in ("", "TRS_Editor"):
        page = D.to_html(doc, container=container, furniture=True)
        src = source.from_bytes(page.encode("utf-8"), "年报.html")
        for words in ("首页", "互动交流", "政务服务", "当前位置", "索引号", "发布机构", "11370000MB2857", "2025-01-20",
                      "版权所有", "网站标识码", "ICP", "打印本页", "扫一扫", "关于我们", "不是正文", "示例市人民政府"):
            assert words not in src.text, (container, words)
        result = _engine().check_source(src)
        assert [d for d in result.diagnostics if d.severity == Severity.ERROR] == []
        assert not any(d.code == "RL506" for d in result.diagnostics)  # no web residue left


def test_gb2312_page_without_charset_declaration():
    doc, rng = _doc(5)
    page = D.to_html(doc, charset=None)
    data = page.encode("gb18030")
    assert detect(data, "report") == "html"  # by its markup, whatever its name
    src = source.from_bytes(data, "report")
    assert src.encoding == "gb18030"
    rep = build_report(src)
    for k in KINDS:
        assert table_data(rep.tables[k]) == doc.tables[k]


def test_declaration_guides_and_a_wrong_one_does_not_break():
    doc, _ = _doc(6)
    gbk_declared_utf8 = D.to_html(doc, charset="gb2312").encode("utf-8")  # a lie: UTF-8 wins
    assert "年度报告" in source.from_bytes(gbk_declared_utf8, "a.html").text
    utf8_declared_gbk = D.to_html(doc, charset="utf-8").encode("gb18030")
    src = source.from_bytes(utf8_declared_gbk, "b.htm")
    assert "年度报告" in src.text and src.encoding == "gb18030"
    big5 = D.to_html(doc, charset="big5").encode("big5", "replace")
    assert source.from_bytes(big5, "c.html").encoding == "big5"


def test_changed_cell_is_an_rl1xx_error_on_its_row_in_the_page():
    doc, rng = _doc(8)
    key = ("requests", "granted", 0)
    old = doc.tables["requests"]["granted"][0]
    D.change_cell(doc, key, str(old + 7))
    page = D.to_html(doc, rng=rng)
    src = source.from_bytes(page.encode("utf-8"), "年报.html")
    result = _engine().check_source(src)
    errors = [d for d in result.diagnostics if d.severity == Severity.ERROR]
    assert errors and all(d.code.startswith("RL1") or d.code.startswith("RL2") or d.code.startswith("RL3")
                          for d in errors)
    row_err = [d for d in errors if d.code.startswith("RL1")]
    assert row_err
    lines = page.split("\n")
    # the row total (RL102) is located on the granted row of the page source
    hit = [d for d in row_err if "予以公开" in lines[d.line - 1] or str(old + 7) in lines[d.line - 1]]
    assert hit, [(d.code, d.line, lines[d.line - 1][:80]) for d in row_err]


def test_entities_nbsp_and_breaks_in_cells():
    page = ("<html><body><div id='zoom'><p>一、总体情况</p><p>本年新收&nbsp;申请&amp;答复</p>"
            "<table><tr><td>三、本年度<br>办理结果</td><td>&nbsp;</td><td><p>1</p><p>2</p></td></tr></table>"
            "<p>二、主动公开政府信息情况</p></div></body></html>")
    src = source.from_bytes(page.encode(), "x.html")
    assert "本年新收 申请&答复" in src.text
    assert "| 三、本年度办理结果 |  | 1 2 |" in src.text
    k = src.text.index("&答复")
    line, col = src.position(k)
    assert page[col - 1 : col - 1 + 5] == "&amp;"
    assert src.end_position(k + 1) == (1, col + 5)


def test_layout_table_holding_the_page_is_not_a_data_table():
    doc, _ = _doc(9)
    inner = D.to_html(doc, furniture=False, container="")
    body = inner[inner.index("<body>") + 6 : inner.index("</body>")]
    page = f"<html><body><table width=100%><tr><td>{'导航 ' * 3}</td></tr><tr><td>{body}</td></tr></table></body></html>"
    rep = build_report(source.from_bytes(page.encode(), "x.html"))
    for k in KINDS:
        assert table_data(rep.tables[k]) == doc.tables[k]


def test_detection_by_content():
    assert detect(b"<!DOCTYPE html><html>", "a.txt") == "html"
    assert detect("一、总体情况 <p> 不是网页".encode(), "a.txt") == "text"
    assert detect(b"%PDF-1.7\n", "a.txt") == "pdf"
    assert detect(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"W\x00o\x00r\x00d\x00D\x00o\x00c\x00u\x00m\x00e\x00n\x00t", "x") == "doc"


def test_radicals_folded_for_every_input():
    src = source.from_text("⼀、总体情况\n⾏政机关 ⺠生\n")
    assert src.text == "一、总体情况\n行政机关 民生\n"
    assert src.position(src.text.index("民")) == (2, 6)


def test_compat_table_covers_the_folded_ranges():
    import os

    path = os.path.join(os.path.dirname(source.__file__), "data", "compat_chars.txt")
    pairs = [ln for ln in open(path, encoding="utf-8").read().split("\n") if len(ln) == 2]
    cps = {ord(p[0]) for p in pairs}
    want = set(range(0x2E81, 0x2E9A)) | set(range(0x2E9B, 0x2EF4)) | set(range(0x2F00, 0x2FD6))
    assert cps == want
    assert re.fullmatch(f"[{source._RADICALS}]+", "".join(chr(c) for c in sorted(want)))


def test_crlf_gb18030_page_positions():
    doc, rng = _doc(3)
    page = D.to_html(doc, rng=rng).replace("\n", "\r\n")
    src = source.from_bytes(page.encode("gb18030"), "年报.html")
    rep = build_report(src)
    lines = page.split("\r\n")
    for key, row in rep.tables["requests"].rows.items():
        for i, cell in enumerate(row.cells):
            line, col = src.position(cell.span.start)
            assert lines[line - 1][col - 1 :].startswith(doc.values[("requests", key, i)])


def test_a_reader_failure_is_a_message_not_a_traceback(monkeypatch):
    from report_lint.inputs import html

    def boom(*a, **k):
        raise ValueError("unexpected")

    monkeypatch.setattr(html, "render_page", boom)
    with pytest.raises(source.InputError) as e:
        source.from_bytes(b"<html><body><p>x</p></body></html>", "a.html")
    assert e.value.code == "read-failed" and "请报告" in e.value.message()


@pytest.mark.parametrize("page", [b"<html></html>", b"<html><body><p>abc<!-- unclosed",
                                  b"<table><tr><td rowspan=99999 colspan=99999>x</td></tr></table>",
                                  b"<div>" * 3000 + "一、总体情况".encode()])
def test_odd_pages_never_crash(page):
    try:
        source.from_bytes(page, "x.html")
    except source.InputError as e:
        assert e.code == "empty"
