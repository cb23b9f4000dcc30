"""Shapes met on real crawled pages (field7): one page of a flipbook from inside a part, with no
template heading on it; notices and letters about the annual reports (the 2021 format, a
letter answering a question) on hijacked mirrors; a half-year statistics release; a sample
essay of a report. Each test fails without its fix; the texts are written for the test, after
the shape of the real pages in fixtures/real (p_wendeng_qzfb2022, p_wendeng_zhzf2021, …)."""

from __future__ import annotations

from report_lint import source
from report_lint.config import Config
from report_lint.coverage import summary
from report_lint.engine import Engine
from report_lint.report import build_report

ENGINE = Engine(Config())


def result(text: str):
    return ENGINE.check_source(source.from_text(text, "r.txt"))


def codes(text: str) -> list[tuple[int, str, str]]:
    return [(d.line, d.code, d.severity.name.lower()) for d in result(text).diagnostics]


LAST_PAGE = ("Page 9 - 某区人民政府办公室2022年政府信息公开工作年度报告\nP. 9\n"
             "全年办理答复政府信息公开申请 7 件,均按时答复。\n(三)人大代表建议和政协提案办理结果公开情况\n"
             "全部建议、提案均已办理完毕,办结率为 100%。\n(四)其他报告事项\n无。\n某区人民政府办公室\n2023 年 1 月 16 日")
MIDDLE_PAGE = ("Page 3 - 某局2021年政府信息公开工作年度报告\nP. 3\n(二)依申请公开工作情况\n"
               "2021 年,我局未收到政府信息公开申请。\n(三)政府信息管理情况\n我局安排 1 名工作人员负责政府信息公开工作,努力")


def test_a_later_page_with_no_template_heading_demands_no_table():
    """The last page of a flipbook (the end of 六, a signature) holds no template heading: its
    tables are on earlier pages, not missing (no RL010); said once at the page header."""
    got = codes(LAST_PAGE)
    assert [c for c in got if c[2] != "info"] == [(1, "RL005", "warning")]
    d = next(d for d in result(LAST_PAGE).diagnostics if d.code == "RL005")
    assert "开头是第9页的页眉" in d.message and "这一页之前的内容不在文本中" in d.message
    assert summary(build_report(source.from_text(LAST_PAGE, "p.txt"))) == \
        "统计表不在文本中（文本从报告中间开始），未核对（仅检查正文）"


def test_a_middle_page_that_stops_does_not_name_the_parts_after_it():
    """Page 3, inside 一 ((二)…(三)…), cut mid-sentence: which parts follow cannot be told, so
    the stop does not claim "第一至第六部分" were not checked."""
    stops = [d for d in result(MIDDLE_PAGE).diagnostics if d.code == "RL005"]
    assert [d.line for d in stops] == [1, 6]
    assert "第一至第六部分" not in stops[1].message and "其后内容没有检查" in stops[1].message
    assert [c for c in codes(MIDDLE_PAGE) if c[1] == "RL010"] == []
