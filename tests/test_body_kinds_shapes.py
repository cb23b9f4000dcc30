"""Shapes met on real reports of bodies the corpus lacked (公安, 统计, 财政, 税务, 市场监管, 卫健,
人社, 生态环境, 住建, universities): a period called 统计时间段, shares each told in a sentence of
their own and rounded to add up to 100%, a university's report by school year. Each test fails
without its fix; the texts are written for the test, after the shape of the real pages in
fixtures/real (p_putian_czj2022, p_sysu_dx2024, p_ctbu_dx2023)."""

from __future__ import annotations

from report_lint import source
from report_lint.config import Config
from report_lint.engine import Engine

ENGINE = Engine(Config())


def result(text: str):
    return ENGINE.check_source(source.from_text(text, "r.txt"))


def codes(text: str) -> list[tuple[int, str, str]]:
    return [(d.line, d.code, d.severity.name.lower()) for d in result(text).diagnostics]


HEAD = "某市财政局2022年政府信息公开工作年度报告\n"


def test_a_period_called_statistics_time_span_is_read():
    text = HEAD + "本报告统计时间段自2022年1月1日起至2022年12月31日止。\n一、总体情况\n2022年,我局做好公开工作。\n"
    assert [c for c in codes(text) if c[1] == "RL404"] == []
    wrong = HEAD + "本报告统计时间段自2021年1月1日起至2021年12月31日止。\n一、总体情况\n2022年,我局做好公开工作。\n"
    assert [c[1:] for c in codes(wrong) if c[1] == "RL404"] == [("RL404", "error")]


# 17/104 = 16.35% is printed 16.4% so that the five shares make 100.0% (largest remainder);
# each share has a sentence of its own.
SHARES = (HEAD + "一、总体情况\n"
          "2022年,共公开文件104份。其中政策法规文件4份,占比3.8%。工作情况类17份,占比{}%。"
          "资金监管类41份,占比 39.4%。民众问题类39份,占比 37.5%,规范性文件3份,占比2.9%。\n")


def test_shares_rounded_to_make_100_across_sentences_are_right():
    assert [c for c in codes(SHARES.format("16.4")) if c[1] == "RL301"] == []


def test_a_wrong_share_among_sentences_is_still_found():
    # 16.9% is not 17/104 rounded either way, and the shares no longer make 100
    assert [c[1:] for c in codes(SHARES.format("16.9")) if c[1] == "RL301"] == [("RL301", "error")]


def test_two_lists_of_one_whole_in_a_paragraph_each_make_100():
    text = (HEAD + "一、总体情况\n共收到申请1046件。其中,网上提交862件,占比82.4%;信函提交171件,占比16.3%;"
            "当面提交13件,占比1.3%。公民提出1030件,占比98.5%;法人提出16件,占比1.5%。\n")
    assert [c for c in codes(text) if c[1] == "RL301"] == []


UNIVERSITY = (
    "某某大学2023—2024学年信息公开年度报告\n"
    "按照《高等学校信息公开办法》(教育部令第29号)要求,现编制2023—2024学年信息公开工作报告。\n"
    "报告内容包括概述,主动公开信息情况,依申请公开和不予公开情况,对学校信息公开的评议情况,"
    "因学校信息公开工作收到举报、复议、诉讼的情况,存在的问题和改进措施等六个部分。"
    "本年度报告中所列数据的统计期限为2023年9月1日到2024年8月31日止。\n"
    "一、概述\n2023—2024学年,学校坚持以公开为常态。\n"
    "二、主动公开信息情况\n学校主动公开信息120条。\n"
)


def test_a_university_report_by_school_year_is_not_held_to_the_government_template():
    r = result(UNIVERSITY)
    assert [(d.line, d.code) for d in r.diagnostics] == []
    assert "学年" in r.coverage.line and "没有政府信息公开统计表" in r.coverage.line


def test_a_school_year_period_in_a_government_report_is_still_wrong():
    text = (HEAD + "本报告中所列数据的统计期限为2022年9月1日到2023年8月31日止。\n"
            "一、总体情况\n2022年,我局做好公开工作。\n")
    assert [c[1:] for c in codes(text) if c[1] == "RL404"] == [("RL404", "error")]


def test_a_university_report_keeps_its_prose_checks():
    # the prose arithmetic applies to any report: 120 = 80 + 30 is not so
    text = UNIVERSITY.replace("学校主动公开信息120条。", "学校主动公开信息120条,其中通知公告80条,学校要闻50条。")
    assert [c[1] for c in codes(text)] == ["RL202"]


def test_shares_of_parts_that_exceed_the_whole_are_not_excused_as_rounding():
    # 1397 + 534 = 1931: 73% + 27% make 100 of neither 1913 nor 1931 by any rounding method
    text = (HEAD + "一、总体情况\n2022年主动公开政府信息1913条。其中,区直各单位主动公开政府信息1397条,占73%。"
            "各乡镇主动公开政府信息534条,占27%。\n")
    assert ("RL301", "warning") in [c[1:] for c in codes(text)]


def test_a_text_stopping_in_the_prose_of_part_two_has_its_table_after_the_stop():
    # a provincial report writes part 二 as prose; 法规规章 in a sentence is no table row
    text = (HEAD + "本报告所列数据统计时限为:2022年1月1日至2022年12月31日。\n一、总体情况\n2022年,我委做好公开工作。\n"
            "二、主动公开政府信息情况\n一是在网站设置“组织机构、医疗卫生、法规规章”等13个政府信息公开板块,及时更新信息。在省政府网站开设医疗卫")
    assert result(text).coverage.line == "统计表在文本截止处之后，未核对（仅检查正文）"
