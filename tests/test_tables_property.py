"""Property tests: random consistent tables, rendered in random layouts, read back exactly.

Every value and every position must round-trip, through traditional characters, full-width
digits, CRLF line ends and GB18030 bytes.
"""

from __future__ import annotations

import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from report_lint import source
from report_lint.extract import report_dict
from report_lint.report import build_report
from tests import synth


def _read(rendered: synth.Rendered, encoding: str, crlf: bool):
    text = rendered.text
    data = text.encode(encoding)
    return build_report(source.from_bytes(data, "report.txt"))


def _check(rendered: synth.Rendered, report) -> None:
    got = report_dict(report)["tables"]
    truth = rendered.tables
    recoverable = rendered.recoverable
    for kind in ("active", "requests", "reviews"):
        assert got[kind] is not None, f"{kind} table not found ({rendered.layout})"
    for key, values in truth["requests"].items():
        if recoverable.get(("requests", key), True):
            assert got["requests"].get(key) == values, f"requests.{key} ({rendered.layout})"
    for key, fields in truth["active"].items():
        if recoverable.get(("active", key), True):
            assert got["active"].get(key) == fields, f"active.{key} ({rendered.layout})"
    if recoverable.get(("reviews", "*"), True):
        assert got["reviews"] == truth["reviews"], f"reviews ({rendered.layout})"
    assert report.report_year == rendered.report_year
    assert report.template == rendered.template

    # Positions: every cell that has a known position points at exactly that place.
    src = report.source
    for (kind, key, col), (line, column) in rendered.positions.items():
        table = report.tables[kind]
        row = table.rows.get(key)
        if row is None or not recoverable.get((kind, key if kind != "reviews" else "*"), True):
            continue
        cell = row.cells[col] if isinstance(col, int) else row.cell(col)
        assert cell is not None and cell.span is not None
        assert src.position(cell.span.start) == (line, column), f"{kind}.{key}.{col} ({rendered.layout})"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    seed=st.integers(0, 2**32 - 1),
    layout=st.sampled_from(synth.ALL_LAYOUTS),
    template=st.sampled_from(("2021", "2019")),
    traditional=st.booleans(),
    fullwidth=st.booleans(),
    crlf=st.booleans(),
    encoding=st.sampled_from(("utf-8", "gb18030", "utf-16")),
    placeholders=st.booleans(),
)
def test_random_tables_round_trip(seed, layout, template, traditional, fullwidth, crlf, encoding, placeholders):
    rng = random.Random(seed)
    tables = synth.random_tables(rng, template)
    rendered = synth.render_report(
        tables, layout, rng, template=template, traditional=traditional,
        fullwidth_digits=fullwidth, crlf=crlf, placeholders=placeholders and layout != "web_oneline",
    )
    _check(rendered, _read(rendered, encoding, crlf))


@pytest.mark.parametrize("layout", synth.ALL_LAYOUTS)
def test_each_layout_clean(layout):
    """The cleanest rendering of each layout reads back exactly (a readable failure per layout)."""
    for seed in range(5):
        rng = random.Random(seed)
        tables = synth.random_tables(rng, "2021")
        rendered = synth.render_report(tables, layout, rng, noise=0)
        _check(rendered, _read(rendered, "utf-8", False))
