"""Shapes of the 2008-2018 reports (the older structure) met on real pages: 其中 lists across
semicolons, a period called 统计数据时限, template-like headings on an old report, a notice that
publishes the report it precedes. Each test fails without its fix; the texts are written for the
test, after the shape of the real pages in fixtures/real."""

from __future__ import annotations

from report_lint import source
from report_lint.config import Config
from report_lint.engine import Engine
from report_lint.findings import Severity

ENGINE = Engine(Config())


def result(text: str):
    return ENGINE.check_source(source.from_text(text, "r.txt"))


def codes(text: str) -> list[tuple[int, str, str]]:
    return [(d.line, d.code, d.severity.name.lower()) for d in result(text).diagnostics]


# A 2012 report whose headings happen to read like the template's (一、总体情况, 三、收到和处理…)
# but whose preamble lists the old parts (收费及减免) and whose only year is 2012 in its text.
OLD_WITH_NEW_HEADINGS = (
    "本报告包括:概述,主动公开政府信息情况,依申请公开政府信息和不予公开政府信息情况,"
    "政府信息公开的收费及减免情况,政府信息公开工作存在的主要问题及改进情况。\n"
    "一、总体情况\n2012年,我局进一步加大工作力度。\n"
    "二、主动公开政府信息情况\n2012年,全局累计主动公开政府信息12条,其中概况类信息3条,其他类信息9条。\n"
    "三、收到和处理政府信息公开申请情况\n2012年度,本单位未收到申请。\n"
    "四、政府信息公开行政复议\n2012年,我局未收到行政复议。\n"
    "五、存在的主要问题及改进情况\n一是认识不够。\n"
)


def test_an_old_report_with_template_like_headings_is_not_held_to_the_template():
    r = result(OLD_WITH_NEW_HEADINGS)
    assert [d.code for d in r.diagnostics if d.code in ("RL010", "RL501", "RL005")] == []
    assert "2019年以前" in r.coverage.line


def test_a_template_report_naming_an_old_year_first_stays_a_template_report():
    # the first year of 总体情况 is a year of the past; the preamble does not list the old parts
    text = OLD_WITH_NEW_HEADINGS.replace("政府信息公开的收费及减免情况,", "").replace(
        "依申请公开政府信息和不予公开政府信息情况", "收到和处理政府信息公开申请情况")
    assert any(d.code == "RL010" for d in result(text).diagnostics)


# A notice that publishes the report, the report following it on the same page.
PUBLISHED = (
    "某某市人民政府办公室关于公布\n某某市2009年度政府信息公开工作年度报告的通知\n"
    "各县(区)人民政府:\n我办编制了《某某市2009年度政府信息公开工作年度报告》,现予公布。\n二〇一〇年一月十九日\n"
    "某某市2009年度政府信息公开工作年度报告\n"
    "本报告中所列数据的统计期限自2009年1月1日起至2009年12月31日止。\n"
    "一、概述\n2009年我市主动公开政府信息100条,其中文件类信息60条、动态类信息50条。\n"
)


def test_a_notice_publishing_the_report_above_it_is_checked_as_the_report():
    r = result(PUBLISHED)
    assert "RL002" not in [d.code for d in r.diagnostics]
    assert "2019年以前" in r.coverage.line
    assert (9, "RL202", "error") in codes(PUBLISHED)  # 60 + 50 > 100: the report is read


def test_a_notice_about_compiling_reports_is_still_a_notice():
    text = ("某某市人民政府办公室关于做好2009年度政府信息公开工作年度报告编制工作的通知\n各县(区)人民政府:\n"
            "请按要求编制年度报告。\n某某市2009年度政府信息公开工作年度报告\n")
    assert [d.code for d in result(text).diagnostics] == ["RL002"]


def _old(body: str) -> str:
    return "某某镇2014年政府信息公开工作年度报告\n一、概述\n正文。\n二、主动公开政府信息情况\n" + body + "\n"


def test_a_list_of_parts_separated_by_semicolons():
    # 59+1+5+8+22+45+28+2 = 170 > 160; an item label holds 、
    bad = ("2014年我镇主动公开政府信息数160条,其中,综合政务59条;人事工作信息1条;财政信息5条;教育8条;"
           "重要工作会议22条;安全监管45条;人口计划和生育、妇女儿童28条;监察信息2条。")
    assert [c for c in codes(_old(bad)) if c[1] == "RL202"] == [(5, "RL202", "error")]
    ok = bad.replace("160条", "170条")
    assert [c for c in codes(_old(ok)) if c[1] == "RL202"] == []


def test_semicolons_after_a_list_end_it_when_the_next_part_says_something_else():
    # what follows the ; is not an item of the list: what was done with the requests, another whole
    for text in ("共受理申请10件,其中当面申请5件;办结8件;答复7件。",
                 "共受理申请10件,其中当面申请5件;网上申请3件;另收到咨询9件。",
                 "主动公开信息10条,其中文件3条;比上年增加8条;同比增长4条。",
                 "主动公开信息10条,其中文件6条;全年共办理建议提案9件;接待来访5人次。"):
        assert [c for c in codes(_old(text)) if c[1] == "RL202"] == [], text


def test_a_period_named_with_statistics_data_whose_months_were_lost():
    text = ("某某市2018年政府信息公开工作年度报告\n本年度报告统计数据时限为2018年11日至2018年1231日,电子版在网站发布。\n"
            "一、概述\n正文。\n")
    assert (2, "RL404", "error") in codes(text)
    ok = text.replace("2018年11日至2018年1231日", "2018年1月1日至2018年12月31日")
    assert [c for c in codes(ok) if c[1] == "RL404"] == []
