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


REPORT_BODY = ("一、总体情况\n2022年,我局认真落实条例,做好政府信息公开工作。\n"
               "二、主动公开政府信息情况\n全年主动公开政府信息120条。\n")


def test_notices_letters_samples_and_half_year_releases_are_not_reports():
    """Titled as another kind of document: the notice publishing the 2021 format (its title a
    cell of the page's metadata row, or with a mirror's pinyin glosses making it long), a
    letter answering a question (…的解释), a sample essay (…范文), a half-year release."""
    titles = [
        "信息名称 | 国务院办公厅政府信息与政务公开办公室关于印发《中华人民共和国政府信息公开工作年度报告格式》的通知 | 内容概述 |\n",
        "国务(wù)院办公厅政府信息与政务(wù)公开办公室关(guān)于印发(fā)《中华人民共和国政府信息公开工作年度报告格式》的通知\n",
        "国务院办公厅政府信息与政务公开办公室关于政府信息公开年度报告有关项目填报问题的解释\n",
        "政府信息公开年度工作报告范文\n",
        "2022年上半年政府信息公开数据统计\n",
    ]
    for title in titles:
        got = codes(title + REPORT_BODY)
        assert [c[1] for c in got] == ["RL002"], (title, got)
    # a report's own title, and a metadata row naming the report, stay reports
    for title in ("某局2022年政府信息公开工作年度报告\n", "信息名称 | 某局2022年政府信息公开工作年度报告 | 内容概述 |\n",
                  "分类 | 政府信息公开制度 | 文号 | |\n某局2022年政府信息公开工作年度报告\n"):
        assert "RL002" not in [c[1] for c in codes(title + REPORT_BODY)], title


def test_a_heading_naming_the_overall_disclosure_work_is_section_one():
    """一、政府信息公开总体工作情况 (an old report's first heading) is section 一: an excerpt of it
    is a report that stops, not a text that "does not seem to be a report"."""
    text = "一、政府信息公开总体工作情况\n(一)组织机构建设情况。市政府理顺了工作管理体制。\n(二)《指南》和《目录》的更新情况。各单位及时做好修订"
    assert [c[1] for c in codes(text)] == ["RL005"]


def test_an_old_report_excerpt_with_no_title_is_an_old_report():
    """一、概述 and a year before 2019 in its body, no title: a report of 2008-2018 (nothing of
    the template demanded, the stop not told in the template's parts)."""
    text = "一、概述\n公开透明是服务政府的重要标志。2009年,本市各级政府部门坚持以公开为原则。\n(一)明确目标,全面部署工作。2009年,本市进一步加强"
    assert codes(text) == []
    assert result(text).coverage.line.startswith("2019年以前结构的报告")


def test_porn_footer_phrases_of_a_hijacked_mirror_are_spam():
    text = REPORT_BODY + "分享到:\n车上震动A级作爱视频,又湿又紧又大又爽a视频,国产丝袜视频一区二区三区 观塘区| 和田县|\n"
    assert [c for c in codes(text) if c[1] == "RL505"] == [(6, "RL505", "error")] * 3
    # 合作爱心 is no spam
    assert [c for c in codes(REPORT_BODY + "开展合作爱心捐赠活动3次。\n") if c[1] == "RL505"] == []


def test_a_page_from_inside_a_report_gets_the_wording_and_integrity_checks():
    """A flipbook's page of prose from inside a report (no heading, no table: part unknown) is
    still report text: a doubled word, spam or page residue on it is said as on any report."""
    from report_lint import source
    from report_lint.config import Config
    from report_lint.engine import Engine

    text = ("Page 3 - 某某局2021年政府信息公开工作年度报告\nP. 3\n(二)保密审查。建立了保密审查领导小组，规范审查程序，严格遵循遵循“谁主管、谁负责”的原则。\n"
            "(三)政府信息管理。及时更新信息公开目录。\n")
    ds = Engine(Config()).check_source(source.from_text(text, "r.txt")).diagnostics
    assert [d.code for d in ds if d.code == "RL510"] == ["RL510"]
    assert "RL002" not in [d.code for d in ds]


SELF_CHECK_BODY = ("在区委、区政府的领导下,我单位政府信息公开工作取得了明显成效。根据关于做好2023年度政府信息公开工作"
                   "年度报告编制的通知要求,对本年度政府信息公开工作进行了认真自查,现报告如下:一、政府信息公开的组织领导和"
                   "制度建设情况一是建立健全了工作领导小组。二、主动公开政府信息及公开平台建设情况一是精心编制目录和指南,尤其是")


def test_a_self_check_report_or_work_points_are_not_reports():
    """A 自查报告 (a body's self-inspection, written for the annual report but not it) or a
    工作要点 (the year's plan) is another kind of document: one RL002 naming its title, not a
    report that stops "before parts 一 to 六" (field10, p_selfcheck_wnwk2023). The title may run
    into the body on one line (a document site's text layer, after its page header 第1页共7页)."""
    for text in ("第1页共7页政府信息公开自查报告" + SELF_CHECK_BODY,
                 "某区政务公开工作自查情况报告\n" + SELF_CHECK_BODY,
                 "2025年某县政务公开工作要点\n" + REPORT_BODY):
        got = result(text).diagnostics
        assert [d.code for d in got] == ["RL002"], (text[:20], [(d.line, d.code) for d in got])
        assert "另一种文件" in got[0].message
    # a report naming the plan or the self-check in its first sentence stays a report
    for text in ("根据2024年政务公开工作要点,编制本报告。\n" + REPORT_BODY,
                 "某局2024年政府信息公开工作年度报告\n结合自查报告反映的问题,编制本报告。\n" + REPORT_BODY):
        assert "RL002" not in [c[1] for c in codes(text)], text[:20]
    text = "某局2024年政务公开工作要点落实情况暨政府信息公开工作年度报告\n" + REPORT_BODY
    assert "RL002" not in [c[1] for c in codes(text)]


def test_a_website_self_check_or_a_report_card_is_not_a_report():
    """A month's check of a body's website (…政府网站与政务新媒体自查情况的报告, with 的) and a
    superior's report card on the bodies' disclosure work (…绩效考核情况通报, …测评成绩的通报) are
    other kinds of document: one RL002 naming the title (field13: the first was checked as a
    report stopping in 一, the second as an old report with no finding)."""
    for title in ("某区关于2024年3月政府网站与政务新媒体自查情况的报告",
                  "某州人民政府办公室关于2011年度政府信息公开工作绩效考核情况通报",
                  "某市人民政府办公室关于2016年1—11月份政务公开工作测评成绩的通报"):
        got = result(title + "\n" + SELF_CHECK_BODY).diagnostics
        assert [d.code for d in got] == ["RL002"], (title, [(d.line, d.code) for d in got])
        assert title in got[0].message
    # a report whose own title names neither stays a report
    text = "某局2024年政府信息公开工作年度报告\n根据考核情况通报的要求,编制本报告。\n" + REPORT_BODY
    assert "RL002" not in [c[1] for c in codes(text)]
