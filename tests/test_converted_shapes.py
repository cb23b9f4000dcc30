"""Shapes that real PDF converters make of a table (fixtures/converted/README.md), one test
each, written small by us. Each failed before its fix: a wrong number or a false error."""

from __future__ import annotations

from report_lint.findings import Severity
from tests.test_rules_tables import ACTIVE_OK, REVIEWS_OK, check
from tests.test_tables_layouts import PIPE_REQUESTS, tables, wrap

REVIEW_HEADER = "行政复议\n行政诉讼\n结果\n维持\n结果\n纠正\n其他\n结果\n尚未\n审结\n总计\n"


def _errors(text: str) -> list:
    return [(d.code, d.message) for d in check(text) if d.severity == Severity.ERROR]


def test_number_wrapped_inside_a_narrow_cell_is_rejoined_when_one_join_balances():
    # LibreOffice printing a Word table with narrow columns: 118 becomes "11" over "8", so the
    # text layer has 16 pieces for 15 cells. Before: 11 and a shifted row, three RL104 errors.
    text = wrap(section2=ACTIVE_OK, section3=PIPE_REQUESTS,
                section4=REVIEW_HEADER + "6 27 4 81 11\n8\n0 0 0 0 0 4 79 2 0 85")
    assert _errors(text) == []
    assert tables(text)["reviews"] == {
        "review": {"upheld": 6, "corrected": 27, "other": 4, "pending": 81, "total": 118},
        "litigation_direct": {"upheld": 0, "corrected": 0, "other": 0, "pending": 0, "total": 0},
        "litigation_after_review": {"upheld": 4, "corrected": 79, "other": 2, "pending": 0, "total": 85},
    }


def test_more_values_than_cells_that_no_join_balances_are_not_read():
    # 16 pieces, the first 15 do not balance and no join of two pieces does: which belong to
    # the row is not known. Before: the first 15 were taken and reported as the report's error.
    text = wrap(section2=ACTIVE_OK, section3=PIPE_REQUESTS,
                section4=REVIEW_HEADER + "1 1 0 0 5 0 0 0 0 0\n0 0 0 0 0 3")
    assert _errors(text) == []
    assert all(v is None for g in tables(text)["reviews"].values() for v in g.values())
    assert "RL013" in [d.code for d in check(text)]


def test_label_wrapped_around_its_values_leaves_the_group_sum_unchecked():
    # "8.属于行政查询事项" wrapped in a narrow cell, the values printed between its two halves:
    # the row is not identified ("属" matches nothing) and withheld.query_matter is missing.
    # Before: the outcome total failed without it (RL103, a false error in two columns).
    body = (PIPE_REQUESTS
            .replace("| 一、本年新收政府信息公开申请数量 | 5 | 1 | 0 | 0 | 0 | 0 | 6 |",
                     "| 一、本年新收政府信息公开申请数量 | 6 | 1 | 0 | 0 | 0 | 0 | 7 |")
            .replace("| (七)总计 | 6 | 1 | 0 | 0 | 0 | 0 | 7 |", "| (七)总计 | 7 | 1 | 0 | 0 | 0 | 0 | 8 |")
            .replace("| 8.属于行政查询事项 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | ||",
                     "| 8.属 | 1 | 0 | 0 | 0 | 0 | 0 | 1 | ||\n| 于行政查询事项 | ||"))
    text = wrap(section2=ACTIVE_OK, section3=body, section4=REVIEWS_OK)
    assert _errors(text) == []
    found = {d.code for d in check(text)}
    assert {"RL012", "RL016"} <= found  # what was not read is said
    assert "withheld.query_matter" not in tables(text)["requests"]

# The markitdown shape (a row's values on a line of their own before its label, the labels
# after it paired with the next row's values) is pinned on real output in test_converted.py.
