"""Property tests of the table rules over synthetic reports in every layout.

Consistent tables produce no error and no warning; one changed number in the applications
or the review table produces exactly the identity errors that number takes part in, all on
the row that was changed.
"""

from __future__ import annotations

import copy
import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from report_lint import source
from report_lint.config import Config
from report_lint.engine import Engine
from report_lint.findings import Severity
from tests import synth

ENGINE = Engine(Config())
BALANCE = {"new", "carried_over", "total", "carried_forward"}
NOT_OUTCOMES = {"new", "carried_over", "carried_forward"}


def _render(tables, layout, seed, template, **kw):
    year = 2024 if template == "2021" else 2020
    return synth.render_report(tables, layout, random.Random(seed), template=template, year=year, **kw)


def _check(rendered):
    return ENGINE.check_source(source.from_bytes(rendered.text.encode("utf-8"), "r.txt")).diagnostics


common = dict(
    seed=st.integers(0, 2**32 - 1),
    layout=st.sampled_from(synth.ALL_LAYOUTS),
    template=st.sampled_from(("2021", "2019")),
    traditional=st.booleans(),
    fullwidth=st.booleans(),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(**common)
def test_consistent_tables_produce_no_findings(seed, layout, template, traditional, fullwidth):
    tables = synth.random_tables(random.Random(seed), template)
    r = _render(tables, layout, seed, template, traditional=traditional, fullwidth_digits=fullwidth)
    diags = _check(r)
    assert [(d.code, d.message) for d in diags if d.severity == Severity.ERROR] == []
    # Run-together web text is noted where cells were recovered (RL014) and warned about
    # where several splits balance a row (RL013); values written apart from their labels are
    # noted where they were paired (RL014); nothing else, and nothing elsewhere.
    allowed = {"RL014", "RL013"} if layout == "web_oneline" else {"RL014"} if layout == "pdf_markdown" else set()
    assert [(d.code, d.message) for d in diags if d.code not in allowed] == []


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(**common, which=st.integers(0, 10**6), delta=st.integers(1, 30), table=st.sampled_from(("requests", "reviews")))
def test_one_changed_number_is_found_on_its_row(seed, layout, template, traditional, fullwidth, which, delta, table):
    tables = synth.random_tables(random.Random(seed), template)
    changed = copy.deepcopy(tables)
    if table == "requests":
        key = sorted(changed["requests"])[which % len(changed["requests"])]
        col = (which // 97) % 7
        changed["requests"][key][col] += delta
        pos_key = ("requests", key, col)
    else:
        group = sorted(changed["reviews"])[which % 3]
        field = ("upheld", "corrected", "other", "pending", "total")[(which // 97) % 5]
        changed["reviews"][group][field] += delta
        pos_key = ("reviews", group, field)

    r = _render(changed, layout, seed, template, traditional=traditional, fullwidth_digits=fullwidth)
    if pos_key not in r.positions:
        return  # web text: only a row's first cell has a known position
    line = r.positions[pos_key][0]
    diags = _check(r)
    errors = [d for d in diags if d.severity == Severity.ERROR]
    if table == "requests" and key in r.detached:
        # Values paired with their labels only by their order: with an identity failing, the
        # pairing is not confirmed, so the block is not read. Said once, never an error.
        assert [d.code for d in errors if d.code.startswith("RL1")] == [], [(d.code, d.message) for d in errors]
        assert any(d.code == "RL013" and d.severity == Severity.WARNING for d in diags)
        return
    if layout == "pdf_markdown":
        # Identities that take in a block of paired values are not checked once one fails
        # (the pairing is no longer confirmed); the changed row's own total still is.
        assert errors and {d.code for d in errors} <= ({"RL102", "RL101", "RL103"} if table == "requests" else {"RL104"})
        own = "RL102" if table == "requests" else "RL104"  # said alone, or within the one finding of the cell
        assert any(d.code == own or own in d.detail for d in errors)
        for d in errors:
            assert d.line <= line <= d.end_line, (d.code, d.line, d.end_line, line, layout)
        return
    if layout == "web_oneline" and not errors and any(d.code == "RL013" for d in diags):
        # The changed row's digits balance under another split (read as that, uniquely),
        # and a row elsewhere that splits several ways takes the columns out of the
        # identities: nothing left to contradict the misread. Said as RL013, not guessed.
        return
    assert errors, f"no error for {pos_key} +{delta} ({layout})"

    if layout == "web_oneline" and any(d.code == "RL013" for d in errors):
        return  # the row's digits no longer split into a balanced row: said, never guessed
    if table == "reviews":
        expected = {"RL104"}
        if "均获维持" in r.text:
            # The prose is written from the changed table: a bump that makes 结果维持 equal the
            # total has it say 均获维持 beside outcomes that are not. A real contradiction, and
            # RL203 says so on the prose line; not the finding this test is about.
            errors = [d for d in errors if d.code != "RL203"]
    else:
        expected = {"RL102"}
        if key in BALANCE:
            expected.add("RL101")
        if key not in NOT_OUTCOMES:
            expected.add("RL103")
    # one slip, one finding: every identity the cell breaks is named in the first one's finding
    assert [d.code for d in errors] == [min(expected)], (pos_key, layout, [(d.code, d.line, d.message) for d in errors])
    assert all(code in errors[0].detail for code in expected - {min(expected)}), errors[0].detail
    if len(expected) > 1:  # the value that makes them all hold is the one before the change
        assert f"只改这一格为 {tables['requests'][key][col]}，" in errors[0].message, errors[0].message
    for d in errors:
        assert d.line <= line <= d.end_line, (d.code, d.line, d.end_line, line, layout)
    # the column identities point at the changed cell itself
    for d in errors:
        if d.code in ("RL101", "RL103"):
            assert (d.line, d.column) == r.positions[pos_key]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 2**32 - 1), template=st.sampled_from(("2021", "2019")), which=st.integers(0, 10**6))
def test_a_detached_block_that_does_not_pair_is_never_an_error(seed, template, which):
    """PDF-to-markdown values apart from their labels: drop one bare value line of a block, so
    labels and lines no longer pair one to one. Those rows are not read (null, one RL013
    warning), no arithmetic error is claimed, and every other row is still read exactly."""
    import re

    from report_lint.extract import report_dict
    from report_lint.report import build_report

    tables = synth.random_tables(random.Random(seed), template)
    r = _render(tables, "pdf_markdown", seed, template)
    bare = [m for m in re.finditer(r"^\|  \|  \|[^\n]*\n", r.text, re.M)]
    assert bare, "pdf_markdown renders at least one detached block"
    m = bare[which % len(bare)]
    text = r.text[: m.start()] + r.text[m.end():]
    diags = ENGINE.check_source(source.from_bytes(text.encode("utf-8"), "r.txt")).diagnostics
    assert [d.code for d in diags if d.severity == Severity.ERROR and d.code.startswith("RL1")] == []
    assert any(d.code == "RL013" and d.severity == Severity.WARNING for d in diags)
    got = report_dict(build_report(source.from_bytes(text.encode("utf-8"), "r.txt")))["tables"]["requests"]
    unread = {k for k, v in got.items() if all(x is None for x in v)}
    assert unread and unread <= r.detached
    for key, values in r.tables["requests"].items():
        if key not in unread:
            assert got[key] == values, key
