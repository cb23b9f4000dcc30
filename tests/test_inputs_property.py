"""Property tests: random consistent tables rendered as a web page, a Word document (and a PDF
where a browser can print one), read back with every cell at its place; a changed cell is an
RL1xx error on its own row."""

from __future__ import annotations

import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from report_lint import source
from report_lint.config import Config
from report_lint.engine import Engine
from report_lint.extract import table_data
from report_lint.findings import Severity
from report_lint.report import build_report
from tests import documents as D
from tests import synth

pytest.importorskip("selectolax")
pytest.importorskip("docx")

KINDS = ("active", "requests", "reviews")
TABLE_NO = {"active": 1, "requests": 2, "reviews": 3}


def _expected_places(doc: D.Doc) -> dict:
    """key -> (table, row, column) of the value cell, 1-based on the grid."""
    out = {}
    for b in doc.blocks:
        if b[0] != "table":
            continue
        for (r, c), cell in D._grid(b[2]).items():
            if cell.key is not None:
                out[cell.key] = (TABLE_NO[b[1]], r + 1, c + 1)
    return out


def _check(doc: D.Doc, src) -> None:
    rep = build_report(src)
    for k in KINDS:
        assert table_data(rep.tables[k]) == doc.tables[k], k
    places = _expected_places(doc)
    lines = src.original.split("\n")
    for kind in KINDS:
        for key, row in rep.tables[kind].rows.items():
            names = row.fields or range(len(row.cells))
            for name, cell in zip(names, row.cells):
                k = (kind, key, name)
                _, fields = src.locate(cell.span.start, cell.span.end)
                assert (fields["table"], fields["row"], fields["column"]) == places[k], k
                line, col = src.position(cell.span.start)
                assert lines[line - 1][col - 1:].startswith(doc.values[k]), k


docs = st.builds(
    lambda seed, template, zero: (seed, template, zero),
    st.integers(0, 2**32 - 1), st.sampled_from(synth.TEMPLATES), st.sampled_from((0.0, 0.5, 1.0)),
)


def _make(seed: int, template: str, zero: float) -> D.Doc:
    rng = random.Random(seed)
    return D.report_document(synth.random_tables(rng, template, zero), rng, template=template)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(docs, st.sampled_from(("TRS_Editor", "zoom", "")), st.sampled_from(("utf-8", "gb18030")), st.booleans())
def test_html_round_trip(d, container, encoding, declared):
    doc = _make(*d)
    rng = random.Random(d[0])
    page = D.to_html(doc, container=container, charset=encoding if declared else None, rng=rng)
    _check(doc, source.from_bytes(page.encode(encoding), "年报.html"))


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(docs)
def test_docx_round_trip(d):
    doc = _make(*d)
    _check(doc, source.from_bytes(D.to_docx(doc), "年报.docx"))


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(docs, st.sampled_from(("html", "docx")), st.data())
def test_changed_cell_is_an_error_on_its_row(d, fmt, data):
    doc = _make(*d)
    keys = synth.request_keys(d[1])
    key = data.draw(st.sampled_from(keys))
    i = data.draw(st.integers(0, 6))
    old = doc.tables["requests"][key][i]
    D.change_cell(doc, ("requests", key, i), str(old + data.draw(st.integers(1, 50))))
    raw = D.to_html(doc).encode("utf-8") if fmt == "html" else D.to_docx(doc)
    src = source.from_bytes(raw, f"年报.{fmt}")
    diags = Engine(Config(), "zh").check_source(src).diagnostics
    row = _expected_places(doc)[("requests", key, i)][1]
    hits = [x for x in diags if x.severity == Severity.ERROR and x.code.startswith("RL1")
            and x.locator is not None and x.locator.fields.get("table") == 2 and x.locator.fields.get("row") == row]
    assert hits, [(x.code, x.locator and x.locator.place, x.message) for x in diags]


@pytest.mark.skipif(D.chromium() is None, reason="no chromium with a CJK font to print pages to PDF")
@settings(max_examples=3, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(docs)
def test_pdf_round_trip(tmp_path, d):
    doc = _make(*d)
    pdf = D.print_pdf(D.to_html(doc, furniture=False).encode("utf-8"), tmp_path, f"r{d[0]}")
    assert pdf is not None
    rep = build_report(source.from_bytes(pdf, "年报.pdf"))
    for k in KINDS:
        assert table_data(rep.tables[k]) == doc.tables[k], k
