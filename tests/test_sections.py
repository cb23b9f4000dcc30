"""report_lint.sections: where a heading may start."""

from __future__ import annotations

import pytest

from report_lint.sections import find_sections


@pytest.mark.parametrize("text, expected", [
    ("一、总体情况\n正文", [(1, 0)]),  # at the start of the text
    ("标题\n二、主动公开政府信息情况", [(2, 3)]),  # at a line start
    ("正文。三、收到和处理政府信息公开申请情况", [(3, 3)]),  # after a sentence end
    ("正文：\u3000四. 政府信息公开行政复议、行政诉讼情况", [(4, 4)]),  # after (Unicode) space
    ("一是总体情况好，二、总体情况", []),  # mid-sentence: an enumeration, not a heading
    ("统一、总体情况", []),  # the ordinal must not continue a word
    ("第十一、其他需要报告的事项", []),  # nor a two-character one
    ("\n十一、其他需要报告的事项", [(11, 1)]),
    ("二十一、其他需要报告的事项", []),  # three numerals are no ordinal
])
def test_heading_boundaries(text, expected):
    assert [(s.number, s.heading.start) for s in find_sections(text)] == expected


def test_a_heading_with_one_word_written_as_another_is_still_its_section():
    # 二、主动公开政府政府情况 (信息 written as 政府, a real slip): section 二, flagged as a typo
    text = "一、总体情况\n正文。\n二、主动公开政府政府情况\n第二十条第(一)项\n"
    secs = find_sections(text)
    assert [(s.number, s.canonical) for s in secs] == [(1, 1), (2, 2)]
    assert secs[1].typo_of == "主动公开政府信息情况" and secs[1].title == "主动公开政府政府情况"
    # more than one word changed, or the first word: another heading, not a slip of this one
    for other in ("二、主动公开各类文件情况", "二、主动公开政府信息工作"):
        assert [s.canonical for s in find_sections("一、总体情况\n正文。\n" + other + "\n")] == [1]


def test_an_ordinal_alone_on_its_line_with_a_slip_in_the_title_on_the_next_is_its_section():
    # 二、 / 主要公开政府信息情况 (a real page: the ordinal on a line of its own, 主动 written 主要)
    text = "一、总体情况\n正文。\n二、\n主要公开政府信息情况\n第二十条第(一)项 |\n"
    secs = find_sections(text)
    assert [(s.number, s.canonical) for s in secs] == [(1, 1), (2, 2)]
    assert secs[1].typo_of == "主动公开政府信息情况" and secs[1].title == "主要公开政府信息情况"
    assert secs[1].heading.start == text.index("二、")
