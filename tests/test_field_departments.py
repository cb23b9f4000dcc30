"""Shapes met field-testing departments' reports of 2019-2021 (局, 委员会, 办公室, 中心), one test
each: the examples are written by us in the shape of the real pages (one cell per line with
&nbsp; cells, a page padding each row with a line of pipes, shares rounded to add up to 100%,
a per-day average beside a year's count). Each asserts what is read and what is said."""

from __future__ import annotations

from report_lint.findings import Severity
from tests.test_narrative import found
from tests.test_rules_tables import check
from tests.test_tables_layouts import read


def _active_2019(rows: str) -> str:
    return ("某某中心2020年政府信息公开工作年度报告\n一、总体情况\n2020年，本中心认真落实条例。\n"
            "二、主动公开政府信息情况\n\n第二十条第(五)项\n\n信息内容\n\n上一年项目数量\n\n本年增/减\n\n"
            "处理决定数量\n\n" + rows)


def test_nbsp_cells_one_per_line_are_blank_cells_not_run_together_digits():
    # Cells one per line with blank lines between them; an empty cell is a line holding only
    # a space (&nbsp;). "148" is one cell: never the digits 1, 4, 8 run together.
    text = _active_2019("行政许可\n\n 148\n\n \n\n \n\n其他对外管理服务事项\n\n 257\n\n \n\n \n\n")
    rows = read(text).tables["active"].rows
    assert rows["licensing"].values == [148, None, None] and rows["licensing"].inferred == ""
    assert rows["other_services"].values == [257, None, None]
    assert "RL014" not in [d.code for d in check(text)]
    # the same cells written out: one cell per line, all three read in place
    text = _active_2019("行政许可\n\n 148\n\n 2\n\n 30\n\n其他对外管理服务事项\n\n 257\n\n 0\n\n 1\n\n")
    assert read(text).tables["active"].rows["licensing"].values == [148, 2, 30]


_REQ_HEAD = ("三、收到和处理政府信息公开申请情况\n(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和) |\n"
             "申请人情况 |\n||||||||\n自然人 |\n法人或其他组织 |\n总计 |\n|||||||\n商业企业 |\n科研机构 |\n"
             "社会公益组织 |\n法律服务机构 |\n其他 |\n|||||\n")


def test_a_line_of_pipes_after_cells_one_per_line_is_padding_not_places():
    # The page padded every row to the table's width with a line of pipes: "3 | 3 |" then
    # "|||||||" says nothing about the columns of the two 3s (自然人 and 总计? 自然人 and 商业企业?).
    text = ("某某局2019年政府信息公开工作年度报告\n一、总体情况\n全年收到申请3件。\n" + _REQ_HEAD +
            "一、本年新收政府信息公开申请数量 |\n3 |\n3 |\n|||||||\n"
            "二、上年结转政府信息公开申请数量 |\n0 |\n0 |\n0 |\n0 |\n0 |\n0 |\n0 |\n||\n")
    rows = read(text).tables["requests"].rows
    assert rows["new"].values == [None] * 7 and rows["new"].unread == "short"
    # a row with all seven cells is read whatever padding follows it
    assert rows["carried_over"].values == [0] * 7
    diags = check(text)
    assert [d for d in diags if d.severity == Severity.ERROR and d.code.startswith("RL1")] == []
    assert any(d.code == "RL013" and "本年新收" in d.message for d in diags)


def _doc(narrative: str) -> str:
    """The narrative in section 一 of a report whose tables are not given (only prose checked)."""
    return f"某某局2020年政府信息公开工作年度报告\n一、总体情况\n{narrative}\n二、主动公开政府信息情况\n无。\n"


def test_shares_rounded_to_add_up_to_100_are_not_a_slip():
    # 382/2720 = 14.04%: printed 14.1% so that the four shares make 100.0% (largest remainder)
    text = ("2020年,热线共受理2720件,办结2680件。其中,按办件性质分:求助类2252件,占82.8%;"
            "咨询类77件,占2.8%;投诉类382件,占14.1%;建议类9件,占0.3%。")
    assert found(_doc(text), "RL301") == []
    # the last share taken as 100% minus the others: 13/1046 = 1.24% printed 1.3%
    text = ("2024年,共收到政府信息公开申请1046件。其中,通过网站提交的862件,占比82.4%;通过信函提交的171件,"
            "占比16.3%;当面提交13件,占比1.3%。")
    assert found(_doc(text), "RL301") == []
    # shares that do not make 100%: 14.5% is no rounding of 14.04%
    text = ("2020年,热线共受理2720件,办结2680件。其中,按办件性质分:求助类2252件,占82.8%;"
            "咨询类77件,占2.8%;投诉类382件,占14.5%;建议类9件,占0.3%。")
    assert [d.severity for d in found(_doc(text), "RL301")] == [Severity.ERROR]
    # a lone share rounded up is still wrong: 862/1046 = 82.41%, not 82.5%
    text = "2024年,共收到政府信息公开申请1046件。其中,通过网站提交的862件,占比82.5%。"
    assert [d.severity for d in found(_doc(text), "RL301")] == [Severity.ERROR]


def test_an_average_per_day_is_not_a_count_received():
    text = "2020年,热线共受理2720件,日均受理7.5件,办结2680件。"
    assert found(_doc(text), "RL204") == []
    text = "今年我局共受理审批事项117件,办结171件。"
    assert [d.code for d in found(_doc(text), "RL204")] == ["RL204"]


def test_headings_read_past_pinyin_glosses_of_a_mirror():
    # A mirror wrote pinyin into the words (主動(dòng)公開) and the tables were images: the headings
    # are there (no part is missing), their tables are not (RL010), the glosses are residue.
    text = ("開平市某某局2020年政府信息公開工作年度報(bào)告\n一、總體情況 本報(bào)告中所列數(shù)據(jù)的統(tǒng)計(jì)期限"
            "自2020年1月1日起至2020年12月31日止。 二、主動(dòng)公開政府信息情況 三、收到和處理政府信息公開申請(qǐng)情況 "
            "四、政府信息公開行政復(fù)議、行政訴訟情況 五、存在的主要問題及改進(jìn)情況 我局將繼續(xù)加強(qiáng)管理。 "
            "六、其他需要報(bào)告的事項(xiàng) 我局暫無(wú)其他事項(xiàng)需要報(bào)告。\n")
    rep = read(text)
    assert [s.canonical for s in rep.sections] == [1, 2, 3, 4, 5, 6]
    assert text[rep.sections[1].heading.start:rep.sections[1].heading.end].startswith("二、主動(dòng)公開")
    got = [(d.code, d.severity) for d in check(text)]
    assert ("RL501", Severity.ERROR) not in got and "RL005" not in [c for c, _ in got]
    assert [c for c, _ in got].count("RL010") == 3 and ("RL506", Severity.INFO) in got


def test_change_written_in_words_is_a_signed_value():
    # 2019 template, 本年增/减 written 减3 (traditional 減3 alike): -3, not a label "减".
    text = _active_2019("行政許可\n\n37\n\n減3\n\n1125\n\n其他對外管理服務事項\n\n5\n\n增2\n\n40\n\n")
    rows = read(text).tables["active"].rows
    assert rows["licensing"].values == [37, -3, 1125]
    assert rows["other_services"].values == [5, 2, 40]
    assert not {"RL012", "RL013"} & {d.code for d in check(text)}


def test_change_written_with_a_verb_or_as_two_counts():
    # 本年增/减 written 增加5 / 减少3 is +5 / -3; written 0/0 (增/减 as two counts) it is no one
    # value: that cell is null, the row's other cells are read, and no "0/" row is made up.
    text = _active_2019("行政许可\n\n24\n\n增加5\n\n0\n\n其他对外管理服务事项\n\n7\n\n减少3\n\n2\n\n"
                        "第二十条第(六)项\n\n信息内容\n\n上一年项目数量\n\n本年增/减\n\n处理决定数量\n\n"
                        "行政处罚\n\n0\n\n0/0\n\n4\n\n行政强制\n\n1\n\n0/0\n\n0\n\n")
    rows = read(text).tables["active"].rows
    assert rows["licensing"].values == [24, 5, 0] and rows["other_services"].values == [7, -3, 2]
    assert rows["penalties"].values == [0, None, 4] and rows["coercive_measures"].values == [1, None, 0]
    assert rows["penalties"].unread == ""
    got = {d.code for d in check(text)}
    assert not {"RL012", "RL013"} & got
    # pipe rows alike
    pipes = ("某某局2020年政府信息公开工作年度报告\n一、总体情况\n2020年，本局认真落实条例。\n"
             "二、主动公开政府信息情况\n第二十条第(五)项 |\n||||\n信息内容 |\n上一年项目数量 |\n本年增/减 |\n"
             "处理决定数量 |\n|\n行政许可 |\n0 |\n0/0 |\n0 |\n|\n其他对外管理服务事项 |\n24 |\n增加5 |\n0 |\n|\n")
    rows = read(pipes).tables["active"].rows
    assert rows["licensing"].values == [0, None, 0] and rows["other_services"].values == [24, 5, 0]
    span = rows["licensing"].cells[1].span
    assert rows["licensing"].cells[1].kind == "placeholder" and pipes[span.start:span.end] == "0/0"
    assert not {"RL012", "RL013"} & {d.code for d in check(pipes)}


def test_rows_whose_cells_cannot_be_placed_are_told_where_they_are():
    # 2021 template, one cell per line apart by blank lines, cells left empty so that the
    # blank lines cannot say which cell the one 3 is: not read, and said on the rows' lines
    # (not on the first line of the file).
    text = ("首页/ 政务公开/ 年报\n\n某某局2021年度政府信息公开工作报告\n\n一、总体情况\n\n全年公开信息30余条。\n\n"
            "二、主动公开政府信息情况\n\n第二十条第(一)项\n\n信息内容\n\n本年制发件数\n\n本年废止件数\n\n现行有效件数\n\n"
            "规章\n\n\n\n\n行政规范性文件\n\n\n\n3\n\n第二十")
    ds = [d for d in check(text) if d.code == "RL013"]
    assert len(ds) == 1 and "规章" in ds[0].message
    lines = text.splitlines()
    assert lines[ds[0].line - 1].startswith(("规章", "行政规范性文件"))


def test_a_row_left_all_blank_is_a_row_with_blank_cells_not_a_missing_row():
    # 规章 and 规范性文件 present with every cell blank (&nbsp; lines, or pipes): RL106 (fill 0),
    # never RL016 (row missing).
    nbsp = ("某某中心2020年政府信息公开工作年度报告\n一、总体情况\n2020年，本中心认真落实条例。\n"
            "二、主动公开政府信息情况\n\n第二十条第(一)项\n\n信息内容\n\n本年新制作数量\n\n本年新公开数量\n\n"
            "对外公开总数量\n\n规章\n\n \n\n \n\n \n\n规范性文件\n\n \n\n \n\n \n\n第二十条第(五)项\n\n信息内容\n\n"
            "上一年项目数量\n\n本年增/减\n\n处理决定数量\n\n行政许可\n\n 148\n\n \n\n \n\n")
    pipes = ("某某局2020年政府信息公开工作年度报告\n一、总体情况\n2020年，本局认真落实条例。\n"
             "二、主动公开政府信息情况\n第二十条第(一)项 | | | |\n信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量 |\n"
             "规章 | | | |\n规范性文件 | | | |\n第二十条第(五)项 | | | |\n"
             "信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量 |\n行政许可 | 148 | | |\n")
    for text in (nbsp, pipes):
        rows = read(text).tables["active"].rows
        assert rows["regulations"].values == [None] * 3 and rows["normative_documents"].values == [None] * 3
        assert [c.kind for c in rows["regulations"].cells] == ["blank"] * 3
        assert rows["licensing"].values == [148, None, None]
        got = {d.code for d in check(text)}
        assert "RL016" not in got and "RL106" in got
    # a header cell followed by blanks is not a row
    text = pipes.replace("规章 | | | |\n规范性文件 | | | |\n", "规章 | 0 | 0 | 0 |\n规范性文件 | 1 | 1 | 5 |\n")
    rows = read(text).tables["active"].rows
    assert rows["normative_documents"].values == [1, 1, 5]
    assert not {"RL012", "RL016"} & {d.code for d in check(text)}
