"""Shapes found by the OCR label noise of the real corpus (tests/metamorphic.py ocr_labels):
tesseract misreads characters of row labels and headings (二、 as =、, 收 as 牧, a dropped ）or
、). Each test is a small text written by hand with the noise in one place; what it asserts is
the module's invariant: no cell is read as another row's value (null is right when the place
is lost), and a heading misread is still its section, never a missing part."""

from __future__ import annotations

import pytest

from report_lint.extract import report_dict
from report_lint.findings import Severity
from tests.test_rules_tables import check
from tests.test_tables_layouts import read
from tests.test_tables_shapes import _flat_truth, _oneline_report


def _wrong_cells(got: dict, truth: dict) -> list:
    return [(k, i, v, truth[k][i]) for k, row in got.items() if row
            for i, v in enumerate(row) if v is not None and v != truth[k][i]]


# ---------------------------------------------------------------- a row swallowed by a label

@pytest.mark.parametrize("noise", [
    ("二、上年结转", "=、上年结转"),  # the next ordinal misread: 本年新收…数量640020470=、上年结转…
    ("（七）总计", "（七总计"),  # its ） dropped: 其他1000001（七总计630020469四、结转…
    ("四、结转下年度", "四结转下年度"),  # its 、 dropped
])
def test_a_label_that_swallowed_a_row_gives_its_values_to_no_other_row(noise):
    truth = _flat_truth()
    text = _oneline_report(truth).replace(" ", "").replace(*noise)
    assert noise[1] in text
    got = report_dict(read(text))["tables"]["requests"]
    assert _wrong_cells(got, truth) == []
    assert [d for d in check(text) if d.severity == Severity.ERROR and d.code[:3] in ("RL0", "RL1")] == []
