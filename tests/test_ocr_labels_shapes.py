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


# ---------------------------------------------------------------- headings misread

BODY = "一、总体情况\n正文。\n二、主动公开政府信息情况\n正文。\n{three}\n正文。\n{four}\n正文。\n"
THREE, FOUR = "三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况"


@pytest.mark.parametrize("three, four", [
    ("三、牧到和处理政府信息公开申请情况", FOUR),  # the title's first character misread (收 as 牧)
    (THREE, "四、政府信患公开行政法复议、行政诉讼情况"),  # a misread in a heading that had a typo
    ("三、收到和处理政府信患公开申淸情况", FOUR),  # two misreads in one long title
])
def test_a_misread_heading_is_its_section_with_a_typo_not_a_missing_part(three, four):
    from report_lint.sections import find_sections

    text = BODY.format(three=three, four=four)
    secs = find_sections(text)
    assert [(s.number, s.canonical) for s in secs] == [(1, 1), (2, 2), (3, 3), (4, 4)]
    assert [s.typo_of for s in secs if s.typo_of] == [w for w, h in ((THREE[2:], three), (FOUR[2:], four)) if w != h[2:]]


@pytest.mark.parametrize("other", [
    "三、收到和处理群众来信来访情况",  # another heading: more than two characters off
    "四、其他行政复议、行政诉讼情况",
])
def test_a_heading_more_than_two_characters_off_is_not_the_templates(other):
    from report_lint.sections import find_sections

    text = BODY.format(three=other, four="")
    assert 3 not in [s.canonical for s in find_sections(text)]


# ---------------------------------------------------------------- an item ordinal misread

def test_an_item_ordinal_read_as_l_after_its_groups_caption_is_not_the_groups_single_row():
    # （六）其他处理l.申请人无正当理由逾期不补正…: the lexer sees no ordinal in l., so the caption
    # and the item are one label; 其他处理 in it matched the 2019 single row "other", which took
    # the item's values
    truth = _flat_truth()
    truth["other.overdue_correction"] = [2, 0, 0, 0, 0, 0, 2]
    truth["new"] = [66, 0, 0, 2, 0, 4, 72]
    truth["total"] = [65, 0, 0, 2, 0, 4, 71]
    clean = _oneline_report(truth).replace(" ", "")
    assert "其他处理1.申请人" in clean
    for text in (clean, clean.replace("其他处理1.申请人", "其他处理l.申请人")):
        got = report_dict(read(text))["tables"]["requests"]
        assert got.get("other") is None
        assert _wrong_cells({k: v for k, v in got.items() if k in truth}, truth) == []
        assert [d for d in check(text) if d.severity == Severity.ERROR and d.code[:3] in ("RL0", "RL1")] == []
    assert report_dict(read(clean))["tables"]["requests"]["other.overdue_correction"] == [2, 0, 0, 0, 0, 0, 2]


def test_a_heading_cut_short_at_its_line_end_takes_nothing_of_the_next_line():
    # 三、收到和处理政府信息公开申请 / (本列数据…): two characters off (情况 dropped), read on its
    # own line, not as 申请(本 (the next line's first characters taken for the slips)
    from report_lint.sections import find_sections

    text = BODY.format(three="三、收到和处理政府信息公开申请\n(本列数据的勾稽关系为…)", four=FOUR)
    (sec,) = [s for s in find_sections(text) if s.canonical == 3]
    assert sec.title == "收到和处理政府信息公开申请" and text[sec.heading.end] == "\n"
