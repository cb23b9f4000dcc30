"""Shapes of real input that went wrong (issue 12, fixtures/real/TRIAGE.md §4), one test each.

The examples are written by us to look like the real thing (FORMAT.md §7); the real files are
in fixtures/real and checked by tests/test_real_extract.py. Each test asserts what is read,
what is not read (null, never a guess), what is said about it, and that doubt about our own
reading never becomes an error.
"""

from __future__ import annotations

import pytest

from report_lint.coverage import summary
from report_lint.extract import report_dict
from report_lint.findings import Severity
from tests.test_rules_tables import ACTIVE_OK, REVIEWS_OK, check
from tests.test_tables_layouts import EXPECTED, PIPE_REQUESTS, REQ_KEYS, read, wrap


def errors(text: str) -> list:
    """Errors of the table rules (the structure rules speak about sections, not tables)."""
    return [(d.code, d.line, d.message) for d in check(text)
            if d.severity == Severity.ERROR and d.code[:3] in ("RL0", "RL1") and d.code not in ("RL010", "RL002")]


def codes(text: str) -> list[str]:
    return [d.code for d in check(text)]


def line_of(text: str, needle: str) -> int:
    return next(i for i, l in enumerate(text.splitlines(), 1) if needle in l)


def _rows(body: str = PIPE_REQUESTS):
    """PIPE_REQUESTS data rows as (label cells, seven values)."""
    out = []
    for line in body.splitlines()[4:]:
        cells = [c.strip() for c in line.strip().strip("|").split("|") if c.strip()]
        out.append((cells[:-7], cells[-7:]))
    return out


# ------------------------------------------------------------- one cell per line, pipes


def test_one_cell_per_line_with_trailing_pipes_lone_pipe_lines_and_a_blank_cell():
    # Every cell on its own line ending in "|", a lone "|" line after each row, and one more
    # lone "|" where a cell was left empty (规章's 现行有效件数).
    active = (
        "第二十条第(一)项 | |||\n|\n信息内容 |\n本年制发件数 |\n本年废止件数 |\n现行有效件数 (历史累计) |\n|\n"
        "规章 |\n0 |\n0 |\n|\n|\n行政规范性文件 |\n5 |\n12 |\n8 |\n|\n第二十条第(五)项 | |||\n|\n信息内容 |\n"
        "本年处理决定数量 | ||\n|\n行政许可 |\n0 | ||\n|\n第二十条第(六)项 | |||\n|\n行政处罚 |\n0 | ||\n|\n"
        "行政强制 |\n0 | ||\n|\n第二十条第(八)项 | |||\n|\n行政事业性收费 |\n0 | ||\n|"
    )
    requests = "\n|\n".join(
        "\n".join([" ".join(lab) + " |"] + [v + " |" for v in vals[:-1]] + [vals[-1] + " | |||||||||"])
        for lab, vals in _rows()
    ) + "\n|"
    text = wrap(section2=active, section3=requests, section4=REVIEWS_OK)
    rep = read(text)
    got = report_dict(rep)["tables"]
    assert got["active"]["regulations"] == {"issued": 0, "repealed": 0, "in_force": None}
    assert rep.tables["active"].rows["regulations"].cells[2].kind == "blank"
    assert got["active"]["normative_documents"] == {"issued": 5, "repealed": 12, "in_force": 8}
    assert got["requests"] == EXPECTED
    # the blank cell is a warning, never "digits run together"
    d = check(text)
    assert [x.code for x in d] == ["RL106"] and d[0].line == line_of(text, "规章 |") + 3


def test_trailing_empty_cells_and_an_excerpt_that_stops_in_the_table():
    active = (
        "第二十条第(一)项 | ||||\n信息内容 | 本年新 | 本年新 | 对外公开总数量 | |\n规章 | 0 | 0 | 0 | |\n"
        "规范性文件 | 0 | 0 | 0 | |\n第二十条第(五)项 | ||||\n信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量 | |\n"
        "行政许可 | 0 | 0 | 0 | |\n其他对外管理服务事项 | 0 | 0 | 0 | |\n第二十条第(六)项 | ||||\n"
        "行政处罚 | 0 | 0 | 0 | |\n行政强制 | 0 | 0 | 0 | |\n第二十条第(八)项 | ||||\n行政事业性收费 | 0 | 0 | ||\n"
        "第二十条第(九)项 | ||||\n政府集中采购 | 0 | 0 |"
    )
    requests = (
        "(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和) | 申请人情况 | ||||||||\n"
        "一、本年新收政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | ||\n"
        "二、上年结转政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | ||\n三、本年度办理结果 | (一)予以公开 | "
    )
    text = "某镇2020年政府信息公开工作年度报告\n一、总体情况\n2020年，我镇认真落实条例。\n二、主动公开政府信息情况\n" + active + \
        "\n三、收到和处理政府信息公开申请情况\n" + requests
    rep = read(text)
    got = report_dict(rep)["tables"]
    assert rep.template == "2019"
    assert got["active"]["fees"] == {"previous": 0, "change": 0}
    assert got["requests"] == {"new": [0] * 7, "carried_over": [0] * 7}
    req = rep.tables["requests"]
    assert req.cut and req.coverage.status == "partial" and req.coverage.read == 2 and req.coverage.after_cut == 21
    # the text stops: nothing about the rows past that point (nor the review table after
    # it), and no error about the cut
    assert [c for c in codes(text) if c in ("RL010", "RL011", "RL013", "RL016", "RL018")] == []
    assert "申请情况表 23 行中 2 行已核对，21 行在文本截止处之后" in summary(rep)


# ----------------------------------------------------------------- mirrors, notes, prose


def test_pinyin_glosses_and_question_marks_of_a_mirror():
    active = (
        "第二十条第(一)项(xiàng) | |||\n信息內(nèi)容 |\n本年制發(fā)件數(shù) |\n本年廢止件數(shù) |\n現(xiàn)行有效件數(shù) |\n"
        "規(guī)章 |\n0 |\n? 0 |\n0 |\n行政規(guī)范性文件 |\n2 |\n? 0 |\n11 |\n第二十條第(五)項(xiàng) | |||\n"
        "行政許(xǔ)可 |\n0 | ||\n第二十條第(六)項(xiàng) | |||\n行政處(chù)罰 |\n3 | ||\n行政強(qiáng)制 |\n0 | ||\n"
        "第二十條第(八)項(xiàng) | |||\n行政事業(yè)性收費(fèi) |\n0 |"
    )
    text = wrap(section2=active, section3=PIPE_REQUESTS, section4=REVIEWS_OK)
    rep = read(text)
    a = report_dict(rep)["tables"]["active"]
    assert a == {
        "regulations": {"issued": 0, "repealed": 0, "in_force": 0},
        "normative_documents": {"issued": 2, "repealed": 0, "in_force": 11},
        "licensing": {"decisions": 0}, "penalties": {"decisions": 3}, "coercive_measures": {"decisions": 0},
        "fees": {"amount": 0},
    }
    # the tables are read whole; the glosses themselves are page residue the narrative rules report
    assert {(d.code, d.severity) for d in check(text)} == {("RL506", Severity.INFO)}


def test_long_bracketed_notes_in_labels():
    active = (
        "第二十条第(一)项\n信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量\n"
        "规章(设区的市、自治州人民政府应提供相关数据) | 0 | 0 | 0 |\n"
        "规范性文件(行政机关制定发布的决定、公告、通告、意见、通知,以及标题采用“规定”“办法”“细则”等字样的公文,"
        "一般情况下属于规范性文件) | 34 | 4 | 47 |\n"
        "其他主动公开文件(含以本单位名义正式签发的、除规范性文件以外的主动公开文件) | 5 | 5 | 20 |\n"
        "第二十条第(五)项\n信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量\n行政许可 | 12 | +2 | 340\n"
        "其他对外管理服务事项 | 3 | -1 | 20\n第二十条第(六)项\n行政处罚 | 5 | 0 | 7\n行政强制 | 0 | 0 | 0\n"
        "第二十条第(八)项\n信息内容 | 上一年项目数量 | 本年增/减\n行政事业性收费 | 4 | 0\n第二十条第(九)项\n"
        "信息内容 | 采购项目数量 | 采购总金额\n政府集中采购 | 3 | 251000元"
    )
    text = wrap(section2=active, year=2020)
    rep = read(text)
    a = report_dict(rep)["tables"]["active"]
    assert a["regulations"] == {"made": 0, "published": 0, "total_public": 0}
    assert a["normative_documents"] == {"made": 34, "published": 4, "total_public": 47}
    # a row a province added is not the template's 规范性文件 a second time
    assert [r.label[:8] for r in rep.tables["active"].unknown_rows] == ["其他主动公开文件"]
    d = [x.code for x in check(text) if x.code.startswith("RL01")]
    assert "RL017" not in d and d.count("RL012") == 1 and "RL016" not in d


def test_prose_before_a_table_is_not_a_row():
    # A sentence that names 行政许可 and ends with a number at the line end, then the table.
    prose = "2021年,我局主动公开信息66条,其中:信息公开年报1条、通知公告18条、行政许可事项3条、行政处罚1,回复公众诉求件9\n"
    active = prose + ACTIVE_OK.replace("行政许可 | 30", "行政许可 | 3")
    text = wrap(section2=active, section3=PIPE_REQUESTS, section4=REVIEWS_OK, year=2021)
    rep = read(text)
    assert report_dict(rep)["tables"]["active"]["licensing"] == {"decisions": 3}
    assert rep.tables["active"].rows["licensing"].label == "行政许可"
    # the sentence is narrative, not table: the table's span starts after it
    assert rep.source.text[rep.tables["active"].span.start:].startswith("第二十条") or \
        rep.source.text[rep.tables["active"].span.start:].startswith("规章")
    assert check(text) == []


def test_a_year_in_a_sentence_after_the_review_row_is_not_a_value():
    reviews = REVIEWS_OK + "\n注：以上数据统计截至 2021 年12月31日，共 3 件。"
    text = wrap(section2=ACTIVE_OK, section3=PIPE_REQUESTS, section4=reviews)
    rep = read(text)
    assert report_dict(rep)["tables"]["reviews"]["litigation_after_review"] == {
        "upheld": 1, "corrected": 0, "other": 0, "pending": 0, "total": 1}
    assert check(text) == []


# ------------------------------------------------------------------ excerpts and ordinals


def test_a_row_cut_by_the_end_of_an_excerpt_is_incomplete_not_wrong():
    body = "\n".join(PIPE_REQUESTS.splitlines()[:9]) + "\n| | 2.其他法律行政法规禁止公开 | 0 | 0 | 0 | 0"
    text = "某局2022年政府信息公开工作年度报告\n一、总体情况\n2022年，我局认真落实条例。\n二、主动公开政府信息情况\n" + \
        ACTIVE_OK + "\n三、收到和处理政府信息公开申请情况\n" + body
    rep = read(text)
    req = rep.tables["requests"]
    assert req.cut
    assert req.rows["withheld.prohibited_by_law"].unread == "cut"
    assert report_dict(rep)["tables"]["requests"]["withheld.prohibited_by_law"] == [None] * 7
    assert errors(text) == []
    assert not [c for c in codes(text) if c in ("RL011", "RL013", "RL016", "RL018")]
    cov = req.coverage
    assert cov.status == "partial" and cov.unread == {"withheld.prohibited_by_law": "cut"} and cov.after_cut == 19


@pytest.mark.parametrize("tail", ["\n\n2", "\n\n2.其他法律行政法规禁止公开\n\n0"])
def test_the_ordinal_of_the_next_row_is_not_a_value(tail):
    cells = "\n\n".join(["1.属于国家秘密"] + ["0"] * 7)
    body = "\n".join(PIPE_REQUESTS.splitlines()[:8]) + "\n(三)不予公开\n\n" + cells + tail
    text = "某局2020年政府信息公开工作年度报告\n一、总体情况\n2020年，我局认真落实条例。\n三、收到和处理政府信息公开申请情况\n" + body
    rep = read(text)
    assert report_dict(rep)["tables"]["requests"]["withheld.state_secret"] == [0] * 7
    assert "RL018" not in codes(text)


def test_the_next_tables_rows_are_not_read_as_this_tables():
    # One-line crawled text whose 三、 heading is not one report-lint knows: the requests
    # table's first ordinal ends the active table, whose section runs on.
    text = (
        "某局2020年政府信息公开工作年度报告 一、总体情况 2020年，我局认真落实条例。 二、主动公开政府信息情况 "
        "第二十条第（一）项 信息内容 本年新制作数量 本年新公开数量 对外公开总数量 规章 000规范性文件 123 "
        "三、政府信息公开申请的收到与办理 一、本年新收政府信息公开申请数量 2 0 0 0 0 0 2 二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0 "
        "三、本年度办理结果（一）予以公开 2 0 0 0 0 0 2 （六）其他处理 0 0 0 0 0 0 0 （七）总计 2 0 0 0 0 0 2 "
        "四、结转下年度继续办理 0 0 0 0 0 0 0 五、存在的主要问题及改进情况 无"
    )
    rep = read(text)
    assert rep.tables["active"].unknown_rows == []
    assert set(rep.tables["active"].rows) == {"regulations", "normative_documents"}
    assert report_dict(rep)["tables"]["requests"]["total"] == [2, 0, 0, 0, 0, 0, 2]
    assert "RL012" not in codes(text)


# ------------------------------------------------------------ OCR and converter markdown


OCR = """### 一、本年新收政府信息公开申请数量

| 类别 | 数据1 | 数据2 | 数据3 | 数据4 | 数据5 | 数据6 | 总计 |
|---|---|---|---|---|---|---|---|
| 本年新收政府信息公开申请数量 | 705 | 3 | 0 | 0 | 5 | 0 | 713 |

### 二、上年结转政府信息公开申请数量

| 类别 | 数据1 | 数据2 | 数据3 | 数据4 | 数据5 | 数据6 | 总计 |
|---|---|---|---|---|---|---|---|
| 上年结转政府信息公开申请数量 | 12 | 0 | 0 | 0 | 0 | 0 | 12 |
"""


def _ocr_requests(rows: dict) -> str:
    """The applications table as an OCR tool writes it: every row under its own heading."""
    out = []
    from tests import synth

    for key, l1, grp, item, lab in synth.request_rows("2021"):
        if key in ("new", "carried_over"):
            label = synth._L1["一" if key == "new" else "二"]
            cells = " | ".join("" if v is None else str(v) for v in rows[key])
            out.append(f"### {l1}、{label}\n\n| 类别 | 数据1 | 数据2 | 数据3 | 数据4 | 数据5 | 数据6 | 总计 |\n"
                       f"|---|---|---|---|---|---|---|---|\n| {label} | {cells} |\n")
            continue
        if key == "granted":
            out.append("### 三、本年度办理结果\n")
        if key in ("total",):
            heading, label = "（七）总计", "（七）总计"
        elif key == "carried_forward":
            heading, label = "四、结转下年度继续办理", "结转下年度继续办理"
        elif item is None:
            heading = label = f"（{grp}）{lab}"
        else:
            heading = (f"（{grp}）{synth._GROUPS[grp]} " if item == 1 else "") + f"{item}.{lab}"
            label = lab
        vals = rows[key]
        cells = " | ".join("" if v is None else str(v) for v in vals)
        out.append(f"### {heading}\n\n| 类别 | 数据1 | 数据2 | 数据3 | 数据4 | 数据5 | 数据6 | 总计 |\n"
                   f"|---|---|---|---|---|---|---|---|\n| {label} | {cells} |\n")
    return "\n".join(out)


def _ocr_truth() -> dict:
    rows = {k: [0] * 7 for k in REQ_KEYS}
    rows["new"] = [705, 3, 0, 0, 5, 0, 713]
    rows["carried_over"] = [12, 0, 0, 0, 0, 0, 12]
    rows["granted"] = [600, 3, 0, 0, 5, 0, 608]
    rows["unavailable.not_held"] = [100, 0, 0, 0, 0, 0, 100]
    rows["total"] = [700, 3, 0, 0, 5, 0, 708]
    rows["carried_forward"] = [17, 0, 0, 0, 0, 0, 17]
    return rows


def test_ocr_markdown_with_placeholder_headers_is_read_whole():
    truth = _ocr_truth()
    text = wrap(section2=ACTIVE_OK, section3=_ocr_requests(truth), section4=REVIEWS_OK)
    assert OCR.splitlines()[3] in text  # the shape of issue 12
    rep = read(text)
    assert report_dict(rep)["tables"]["requests"] == truth  # the 1 of 数据1 is no value
    assert rep.tables["requests"].coverage.status == "complete"
    assert check(text) == []  # no duplicate rows, no unknown rows, nothing


def test_blank_cells_and_a_blank_total_are_read_and_checked_where_they_can_be():
    truth = _ocr_truth()
    blank = {k: v[:6] + [None] for k, v in truth.items()}  # the whole 总计 column left empty
    blank["granted"] = [600, 3, None, None, 5, None, None]
    text = wrap(section2=ACTIVE_OK, section3=_ocr_requests(blank), section4=REVIEWS_OK)
    rep = read(text)
    assert report_dict(rep)["tables"]["requests"] == blank  # rows read, blanks null
    d = check(text)
    assert [x.code for x in d] == ["RL106"] and d[0].severity == Severity.WARNING
    assert "多种拆分" not in d[0].message and "连在一起" not in d[0].message
    # the checks that do not need the blank 总计 still run: a slip in 自然人 is found on its row
    slip = dict(blank, carried_forward=[18, 0, 0, 0, 0, 0, None])
    text = wrap(section2=ACTIVE_OK, section3=_ocr_requests(slip), section4=REVIEWS_OK)
    found = errors(text)
    assert [c for c, _, _ in found] == ["RL101"] and "“自然人”列" in found[0][2] and "717" in found[0][2]


# ------------------------------------------------------------- labels apart from values


DETACHED = """| 项目 | | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |
|---|---|---|---|---|---|---|---|---|
| 一、本年新收政府信息公开申请数量 | | 5 | 1 | 0 | 0 | 0 | 0 | 6 |
| 二、上年结转政府信息公开申请数量 | | 1 | 0 | 0 | 0 | 0 | 0 | 1 |
| 三、本年度办理结果 | （一）予以公开 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |
| | （二）部分公开（区分处理的，只计这一情形，不计其他情形） | 1 | 0 | 0 | 0 | 0 | 0 | 1 |
| （三）不 | 1.属于国家秘密 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| 予公开 | 2.其他法律行政法规禁止公开 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| | 3.危及“三安全一稳定” | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| | 4.保护第三方合法权益 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| | 5.属于三类内部事务信息 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| | 6.属于四类过程性信息 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| | 7.属于行政执法案卷 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| | 8.属于行政查询事项 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| （四）无法 | 1.本机关不掌握相关政府信息 |
| 提供 | 2.没有现成信息需要另行制作 |
| | 3.补正后申请内容仍不明确 |
| | | 2 | 1 | 0 | 0 | 0 | 0 | 3 |
| | | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| | | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| （五）不予处理 | 1.信访举报投诉类申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| | 2.重复申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| | 3.要求提供公开出版物 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| | 4.无正当理由大量反复申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| | 5.要求行政机关确认或重新出具已获取信息 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| （六）其他处理 | 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| | 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| | 3.其他 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |
| | （七）总计 | 6 | 1 | 0 | 0 | 0 | 0 | 7 |
| 四、结转下年度继续办理 | | 0 | 0 | 0 | 0 | 0 | 0 | 0 |"""


def test_detached_values_paired_one_to_one_and_confirmed_are_read():
    text = wrap(section2=ACTIVE_OK, section3=DETACHED, section4=REVIEWS_OK)
    rep = read(text)
    assert report_dict(rep)["tables"]["requests"] == EXPECTED
    assert rep.tables["requests"].rows["unavailable.not_held"].inferred == "order"
    assert [(d.code, d.severity) for d in check(text)] == [("RL014", Severity.INFO)]


def test_detached_values_that_do_not_pair_one_to_one_are_not_read():
    # one bare value line too few: which line belongs to which label is not certain
    body = DETACHED.replace("| | | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n| （五）", "| （五）")
    text = wrap(section2=ACTIVE_OK, section3=body, section4=REVIEWS_OK)
    rep = read(text)
    got = report_dict(rep)["tables"]["requests"]
    for key in ("unavailable.not_held", "unavailable.needs_creation", "unavailable.unclear"):
        assert got[key] == [None] * 7 and rep.tables["requests"].rows[key].unread == "detached"
    assert got["granted"] == EXPECTED["granted"]
    d = check(text)
    assert [(x.code, x.severity) for x in d] == [("RL013", Severity.WARNING)]
    assert "本机关不掌握相关政府信息" in d[0].message
    assert "3 行无法读取" in summary(rep)


def test_a_misread_of_detached_values_never_becomes_an_error():
    # The last three rows written as three labels, then three value lines, but the lines in
    # another order than the labels: paired in order, 总计 and 结转 would break the balance
    # and the outcome total; the other order agrees. The reading is doubtful, not the report.
    body = DETACHED.replace(
        "| | 3.其他 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |\n| | （七）总计 | 6 | 1 | 0 | 0 | 0 | 0 | 7 |\n"
        "| 四、结转下年度继续办理 | | 0 | 0 | 0 | 0 | 0 | 0 | 0 |",
        "| | 3.其他 |\n| | （七）总计 |\n| 四、结转下年度继续办理 | |\n"
        "| | | 6 | 1 | 0 | 0 | 0 | 0 | 7 |\n| | | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n| | | 1 | 0 | 0 | 0 | 0 | 0 | 1 |",
    )
    assert body != DETACHED
    text = wrap(section2=ACTIVE_OK, section3=body, section4=REVIEWS_OK)
    rep = read(text)
    got = report_dict(rep)["tables"]["requests"]
    for key in ("other.other", "total", "carried_forward"):
        assert got[key] == [None] * 7, key
    assert errors(text) == []
    d = [x for x in check(text) if x.code != "RL014" and x.code[:3] in ("RL0", "RL1")]
    assert [(x.code, x.severity) for x in d] == [("RL013", Severity.WARNING)]
    # written in the labels' order, the same block is read and checked
    right = body.replace("| | | 6 | 1 | 0 | 0 | 0 | 0 | 7 |\n| | | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n| | | 1 | 0 | 0 | 0 | 0 | 0 | 1 |",
                         "| | | 1 | 0 | 0 | 0 | 0 | 0 | 1 |\n| | | 6 | 1 | 0 | 0 | 0 | 0 | 7 |\n| | | 0 | 0 | 0 | 0 | 0 | 0 | 0 |")
    assert report_dict(read(wrap(section2=ACTIVE_OK, section3=right, section4=REVIEWS_OK)))["tables"]["requests"] == EXPECTED


def test_detached_active_rows_are_never_paired_by_guess():
    active = ACTIVE_OK.replace("规章 | 0 | 0 | 0\n行政规范性文件 | 1 | 0 | 12", "规章\n行政规范性文件\n0 | 0 | 0\n1 | 0 | 12")
    text = wrap(section2=active, section3=PIPE_REQUESTS, section4=REVIEWS_OK)
    got = report_dict(read(text))["tables"]["active"]
    assert got["regulations"] == {"issued": None, "repealed": None, "in_force": None}
    assert got["normative_documents"] == {"issued": None, "repealed": None, "in_force": None}
    assert errors(text) == []


# -------------------------------------------------------------- run-together digits


def _oneline(rows: dict) -> str:
    from tests import synth

    parts = []
    for key, l1, grp, item, lab in synth.request_rows("2021"):
        label = {"new": "一、本年新收政府信息公开申请数量", "carried_over": "二、上年结转政府信息公开申请数量",
                 "total": "（七）总计", "carried_forward": "四、结转下年度继续办理"}.get(key)
        if label is None:
            label = (f"（{grp}）{lab}" if item is None else (f"（{grp}）{synth._GROUPS[grp]}" if item == 1 else "") + f"{item}.{lab}")
            if key == "granted":
                label = "三、本年度办理结果" + label
        parts.append(label + " " + "".join(map(str, rows[key])))
    return "".join(parts)


_ONELINE_TAIL = (" 四、政府信息公开行政复议、行政诉讼情况 行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计 000000000000000"
                 " 五、存在的主要问题及改进情况 无。 六、其他需要报告的事项 无。")


def _oneline_report(rows: dict) -> str:
    return ("2021年政府信息公开工作年度报告 一、总体情况 2021年，我局认真落实条例。 二、主动公开政府信息情况 "
            "第二十条第（一）项 信息内容 本年制发件数 本年废止件数 现行有效件数 规章 0 0 0 行政规范性文件 0 0 0 "
            "第二十条第（五）项 行政许可 0 第二十条第（六）项 行政处罚 0 行政强制 0 第二十条第（八）项 行政事业性收费 0 "
            "三、收到和处理政府信息公开申请情况 " + _oneline(rows) + _ONELINE_TAIL)


def _flat_truth() -> dict:
    """The shape of a real flattened table: 予以公开 270020130 balances as 27,0,0,2,0,1,30 and
    as 2,7,0,0,20,1,30; 不掌握 220000325 as 22,0,0,0,0,3,25 and as 2,2,0,0,0,0,… (several)."""
    rows = {k: [0] * 7 for k in REQ_KEYS}
    rows["new"] = [64, 0, 0, 2, 0, 4, 70]
    rows["granted"] = [27, 0, 0, 2, 0, 1, 30]
    rows["partially_granted"] = [5, 0, 0, 0, 0, 0, 5]
    rows["withheld.internal_affairs"] = [1, 0, 0, 0, 0, 0, 1]
    rows["withheld.enforcement_file"] = [6, 0, 0, 0, 0, 0, 6]
    rows["withheld.query_matter"] = [1, 0, 0, 0, 0, 0, 1]
    rows["unavailable.not_held"] = [22, 0, 0, 0, 0, 3, 25]
    rows["other.other"] = [1, 0, 0, 0, 0, 0, 1]
    rows["total"] = [63, 0, 0, 2, 0, 4, 69]
    rows["carried_forward"] = [1, 0, 0, 0, 0, 0, 1]
    return rows


def test_the_column_identities_choose_the_split_of_an_ambiguous_row():
    truth = _flat_truth()
    text = _oneline_report(truth)
    rep = read(text)
    got = report_dict(rep)["tables"]["requests"]
    assert got["granted"] == [27, 0, 0, 2, 0, 1, 30]
    assert rep.tables["requests"].rows["granted"].inferred == "columns"
    assert got == truth
    # the requests and the review table (the prose rules of other sections are not this test's)
    assert [d.code for d in check(text) if d.code[:3] in ("RL0", "RL1")] == ["RL014", "RL014"]


def test_a_run_together_row_no_reading_confirms_stays_null_and_is_no_error():
    # The same digits of 予以公开, but the other rows now agree with neither of its splits
    # (the 社会公益组织 column is 0 everywhere else): the table has a slip somewhere, and
    # where cannot be said without guessing.
    truth = _flat_truth()
    truth["new"] = [64, 0, 0, 0, 0, 4, 68]
    truth["total"] = [63, 0, 0, 0, 0, 4, 67]
    text = _oneline_report(truth)
    got = report_dict(read(text))["tables"]["requests"]
    assert got["granted"] == [None] * 7
    assert errors(text) == []
    d = [x for x in check(text) if x.code != "RL014" and x.code[:3] in ("RL0", "RL1")]
    assert [x.code for x in d] == ["RL013"] and d[0].severity == Severity.WARNING
    assert "予以公开" in d[0].message


def test_a_one_line_page_cut_in_the_next_caption_keeps_the_rows_before_it():
    # A 2019 page run onto one line, cells run together, the excerpt stopping at the first
    # character of the next caption ("…141414第"): 规章 555 splits one way only (5, 5, 5);
    # 141414 several ways (14/14/14, 1/41/414 …): not read, and not "cut" either (第 follows
    # its digits, so none were lost where the text stops).
    head = ("随县某开发区2019年政府信息公开工作年度报告一、总体情况2019年,我区公开信息78条。"
            "二、主动公开政府信息情况第二十条第(一)项信息内容本年新制作数量本年新公开数量对外公开总数量")
    for tail in ("第", "第二十", "(", "行政"):
        text = head + "规章555规范性文件141414" + tail
        rep = read(text)
        got = report_dict(rep)["tables"]["active"]
        assert got["regulations"] == {"made": 5, "published": 5, "total_public": 5}, tail
        assert got["normative_documents"] == {"made": None, "published": None, "total_public": None}
        cov = report_dict(rep)["coverage"]["active"]
        assert cov["rows_unread"] == {"normative_documents": "ambiguous"}, tail
        assert "数字连在一起" in summary(rep) and "文本在此行中截止" not in summary(rep)
        assert errors(text) == []
    # where the digits themselves reach the end of the text, they may have lost some: cut
    rep = read(head + "规章555规范性文件141414")
    assert report_dict(rep)["coverage"]["active"]["rows_unread"] == {"normative_documents": "cut"}


def test_a_run_together_row_no_split_balances_is_the_reports_error_on_its_row():
    truth = _flat_truth()
    text = _oneline_report(truth).replace("予以公开 270020130", "予以公开 270020131")
    found = errors(text)
    assert [c for c, _, _ in found] == ["RL013"] and "270020131" in found[0][2]


def test_huge_numbers_in_a_table_are_not_read():
    body = PIPE_REQUESTS.replace("| 一、本年新收政府信息公开申请数量 | 5 |", "| 一、本年新收政府信息公开申请数量 | " + "9" * 5000 + " |")
    rep = read(wrap(section3=body))
    assert report_dict(rep)["tables"]["requests"]["new"][0] is None
    assert rep.tables["requests"].rows["new"].unread == "too-long"


# ----------------------------------------------------------------------- coverage line


def test_coverage_lines():
    clean = read(wrap(section2=ACTIVE_OK, section3=PIPE_REQUESTS, section4=REVIEWS_OK))
    assert summary(clean) == "三张表均已核对" and summary(clean, "en") == "all three tables checked"
    none = read("某局2024年政府信息公开工作年度报告\n一、总体情况\n2024年，我局认真落实条例。\n"
                "五、存在的主要问题及改进情况\n无。\n六、其他需要报告的事项\n无。\n")
    assert summary(none) == "没有统计表（仅检查正文）"
    excerpt = read("某局2024年政府信息公开工作年度报告\n一、总体情况\n2024年，我局认真落实条例，全年主动公开政府信息")
    assert summary(excerpt) == "统计表在文本截止处之后，未核对（仅检查正文）"
    body = DETACHED.replace("| | | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n| （五）", "| （五）")
    partial = read(wrap(section2=ACTIVE_OK, section3=body, section4=REVIEWS_OK))
    assert summary(partial) == ("主动公开表已核对；申请情况表 25 行中 22 行已核对，3 行无法读取"
                                "（数字与行名分离，无法确定对应关系）；复议诉讼表已核对")
    cov = partial.tables["requests"].coverage.as_dict()
    assert cov["status"] == "partial" and cov["rows_expected"] == 25 and cov["rows_read"] == 22
    assert cov["rows_unread"] == {k: "detached" for k in ("unavailable.not_held", "unavailable.needs_creation", "unavailable.unclear")}



def test_coverage_of_a_text_that_stops_in_a_section_before_its_table():
    """The text stops in 二's prose, before any word of its table: the table is past the point
    where the text stops, not a table "cut in its header"; a stop inside the header still is."""
    head = ("某医院2022年政府信息公开工作年度报告\n一、总体情况\n2022年，我院认真落实条例。\n"
            "二、主动公开政府信息情况\n全年主动公开信息18条。\n(一)依申请公开情况\n至今尚未收到申请。\n(二)政府")
    rep = read(head)
    assert summary(rep) == "统计表在文本截止处之后，未核对（仅检查正文）"
    assert summary(rep, "en").startswith("the statistical tables come after the point where the text stops")
    assert report_dict(rep)["table_status"]["active"] == "absent"
    header = read(head.replace("(二)政府", "第二十条第（一）项\n信息内容\n本年"))
    assert summary(header).startswith("主动公开表未能读取（文本在表头处截止）")

def test_a_sentence_naming_a_row_is_not_that_row():
    # No year, no 件: only the number count tells the sentence from the row.
    body = "经统计，本机关不掌握相关政府信息的申请为 3\n" + PIPE_REQUESTS
    text = wrap(section2=ACTIVE_OK, section3=body, section4=REVIEWS_OK)
    rep = read(text)
    assert report_dict(rep)["tables"]["requests"] == EXPECTED
    assert check(text) == []


def test_a_one_line_page_whose_header_ran_into_a_sentence():
    rows = _flat_truth()
    text = ("2021年政府信息公开工作年度报告 一、总体情况 2021年，我局认真落实条例。 三、收到和处理政府信息公开申请情况 "
            "2021年，我局政府信息公开申请办理情况如下（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
            "申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他" + _oneline(rows) + _ONELINE_TAIL)
    assert report_dict(read(text))["tables"]["requests"] == rows


def test_a_column_read_top_to_bottom_is_not_given_to_the_last_label():
    # A PDF text layer that gives the labels of every row, then the values column by column:
    # the first seven values below the last label are not that row's.
    labels = [lab for lab, _ in _rows()]
    values = [vals for _, vals in _rows()]
    body = "\n".join(" ".join(lab) for lab in labels) + "\n" + "\n".join(v[c] for c in range(7) for v in values)
    text = wrap(section2=ACTIVE_OK, section3=body, section4=REVIEWS_OK)
    got = report_dict(read(text))["tables"]["requests"] or {}
    assert all(v is None for row in got.values() for v in row)
    assert errors(text) == []


def test_the_total_of_a_row_whose_total_cell_is_blank():
    truth = _ocr_truth()
    blank = {k: v[:6] + [None] for k, v in truth.items()}
    rep = read(wrap(section2=ACTIVE_OK, section3=_ocr_requests(blank), section4=REVIEWS_OK))
    assert rep.tables["requests"].rows["granted"].total_or_sum() == 608
    assert read(wrap(section3=PIPE_REQUESTS)).tables["requests"].rows["new"].total_or_sum() == 6


def test_a_pdf_row_that_lost_its_empty_cells_is_not_run_together():
    # PDF text drops empty cells: "258 12 1 1" is four cells, not digits run together; no
    # split of them balances, which says nothing about the report.
    body = PIPE_REQUESTS.replace("| (一)予以公开 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |", "| (一)予以公开 258 12 1 1 |")
    text = wrap(section2=ACTIVE_OK, section3=body, section4=REVIEWS_OK)
    rep = read(text)
    assert rep.tables["requests"].rows["granted"].unread == "short"
    assert errors(text) == []
    assert [(d.code, d.severity) for d in check(text)] == [("RL013", Severity.WARNING)]


def test_a_slipped_run_together_row_read_as_another_balanced_split_is_no_error():
    # A 2021 one-line page whose 本年新收 row has a slip (自然人 28 more than the row total
    # allows). Its digits happen to balance under another split, and that reading makes the
    # columns fail all over with numbers the report never wrote; the split the report meant
    # agrees with the columns but for the slip. The reading is doubtful: null and a warning,
    # never arithmetic about numbers we made up.
    import copy
    import random

    from tests import synth

    tables = synth.random_tables(random.Random(28), "2021")
    changed = copy.deepcopy(tables)
    changed["requests"]["new"][0] += 28
    r = synth.render_report(changed, "web_oneline", random.Random(28), template="2021", year=2024)
    rep = read(r.text)
    row = rep.tables["requests"].rows["new"]
    assert row.unread == "contradicted" and row.values == [None] * 7
    assert [d for d in errors(r.text) if d[0].startswith("RL1")] == []
    assert any(d.code == "RL013" and "本年新收" in d.message for d in check(r.text))


def test_rows_left_wholly_blank_one_cell_per_line_are_rows_of_blanks():
    # One cell per line ending in "|"; an office filled only the rows it used and left every
    # other row blank (a lone "|" line per cell), as some district pages do. The blank rows
    # are read (null, never 0) and the blanks said once; a caption's merged cells before its
    # first sub-row (三、本年度办理结果 | | |, then （一）) are not a row.
    lines = []
    for lab, vals in _rows():
        head = lab[:-1]
        if head and head[0].startswith("三、"):
            lines += [head[0] + " |", "|", "|"]
            head = head[1:]
        lines += [c + " |" for c in head] + [lab[-1] + " |"]
        lines += ["|"] * 7 if vals == ["0"] * 7 else [v + " |" for v in vals]
    text = wrap(section2=ACTIVE_OK, section3="\n".join(lines), section4=REVIEWS_OK)
    rep = read(text)
    want = {k: (None if v == [0] * 7 else v) for k, v in EXPECTED.items()}
    got = report_dict(rep)["tables"]["requests"]
    assert {k: (None if v == [None] * 7 else v) for k, v in got.items()} == want
    assert rep.tables["requests"].coverage.status == "complete"
    found = check(text)
    assert [d.code for d in found] == ["RL106"] and found[0].severity == Severity.WARNING
    assert errors(text) == []


def test_active_rows_whose_labels_stand_with_no_value_are_unread_not_missing():
    # One cell per line with no mark of a blank cell: the office filled only 规章's first cell
    # and left the rest of the table empty. The rows are there (their labels are), their values
    # are not: unread (said once, a warning), never "missing rows", never 0.
    active = "\n".join([
        "第二十条第(一)项", "信息内容", "本年制发件数", "本年废止件数", "现行有效件数", "规章", "0", "行政规范性文件",
        "第二十条第(五)项", "本年处理决定数量", "行政许可", "第二十条第(六)项", "行政处罚", "行政强制",
        "第二十条第(八)项", "本年收费金额(单位:万元)", "行政事业性收费"])
    text = wrap(section2=active, section3=PIPE_REQUESTS, section4=REVIEWS_OK)
    rep = read(text)
    rows = rep.tables["active"].rows
    assert {k: r.unread for k, r in rows.items()} == {
        "regulations": "short", "normative_documents": "no-values", "licensing": "no-values",
        "penalties": "no-values", "coercive_measures": "no-values", "fees": "no-values"}
    assert all(c.value is None for r in rows.values() for c in r.cells)
    found = check(text)
    assert "RL016" not in [d.code for d in found]
    (d,) = [d for d in found if d.code == "RL013"]
    assert d.severity == Severity.WARNING and "行名后没有数字，空白或丢失" in d.message and "6 行" in d.message


def test_a_caption_with_blank_merged_cells_where_the_text_stops_is_not_a_row():
    # An excerpt that stops right after 三、本年度办理结果 and its empty merged cells: the
    # caption is no row of the table (no "row matches no template row" warning), the text stops.
    req = "\n".join(["一、本年新收政府信息公开申请数量 |"] + ["1 |"] + ["0 |"] * 5 + ["1 |"]
                    + ["二、上年结转政府信息公开申请数量 |"] + ["0 |"] * 7 + ["三、本年度办理结果 |", "|", "|", "|"])
    text = wrap(section2=ACTIVE_OK, section3=req, section4="").split("四、政府信息公开行政复议")[0].rstrip()
    assert codes(text) == ["RL005"]
    assert report_dict(read(text))["tables"]["requests"] == {"new": [1, 0, 0, 0, 0, 0, 1], "carried_over": [0] * 7}


ACTIVE_2019_SUBROWS = """第二十条第（一）项
信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量
规章 | 0 | 0 | 0
规范性文件 | 1 | 1 | 1
第二十条第（五）项
信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量
行政许可 | 0 | 0 | 0
其他对外管理服务事项 | 行政检查 | 3 | 0 | 4
行政确认 | 2 | 0 | 5
第二十条第（六）项
信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量
行政处罚 | 0 | 0 | 0
行政强制 | 0 | 0 | 0
第二十条第（八）项
信息内容 | 上一年项目数量 | 本年增/减
行政事业性收费 | 0 | 0
第二十条第（九）项
信息内容 | 采购项目数量 | 采购总金额
政府集中采购 | 0 | 0"""


@pytest.mark.parametrize("layout", ["pipes", "one cell per line"])
def test_a_template_row_split_into_sub_rows_is_not_given_the_first_sub_row(layout):
    """其他对外管理服务事项 written as two sub-rows, 行政检查 3 0 4 and 行政确认 2 0 5: the row's
    own values are not printed (its total is not certainly 3 0 4), so they are null and the
    coverage says why; the rows around it are read; no error."""
    body = ACTIVE_2019_SUBROWS
    if layout != "pipes":
        body = "\n".join(cell.strip() + " |" for line in body.splitlines() for cell in line.split("|"))
    rep = read(wrap(section2=body, year=2019))
    active = report_dict(rep)["tables"]["active"]
    assert active["other_services"] == {"previous": None, "change": None, "decisions": None}
    assert active["licensing"] == {"previous": 0, "change": 0, "decisions": 0}
    assert active["normative_documents"] == {"made": 1, "published": 1, "total_public": 1}
    assert rep.tables["active"].rows["other_services"].unread == "subrows"
    assert "分为子项" in summary(rep), summary(rep)
    assert [d for d in check(wrap(section2=body, year=2019)) if d.severity >= Severity.ERROR] == []


def test_a_2021_table_whose_first_block_keeps_the_2019_header_is_read_under_that_header():
    """A 2021 active table (本年处理决定数量, 本年收费金额) whose 规章/规范性文件 block still has the
    2019 header 本年新制作数量 | 本年新公开数量 | 对外公开总数量: those cells are what that header
    names (made / published / total_public), never 本年废止件数 (repealed)."""
    body = ("第二十条第(一)项\n信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量\n规章 | 0 | 0 | 0\n"
            "规范性文件 | 2 | 3 | 9\n第二十条第(五)项\n信息内容 | 本年处理决定数量\n行政许可 | 5\n第二十条第(六)项\n"
            "信息内容 | 本年处理决定数量\n行政处罚 | 0\n行政强制 | 0\n第二十条第(八)项\n"
            "信息内容 | 本年收费金额(单位:万元)\n行政事业性收费 | 282.1")
    rep = read(wrap(section2=body, year=2021))
    active = report_dict(rep)["tables"]["active"]
    assert active["normative_documents"] == {"made": 2, "published": 3, "total_public": 9}
    assert active["licensing"] == {"decisions": 5} and active["fees"] == {"amount": 282.1}
    # the ordinary 2021 header is read as before
    plain = body.replace("本年新制作数量 | 本年新公开数量 | 对外公开总数量", "本年制发件数 | 本年废止件数 | 现行有效件数")
    assert report_dict(read(wrap(section2=plain, year=2021)))["tables"]["active"]["normative_documents"] == {
        "issued": 2, "repealed": 3, "in_force": 9}


def test_a_wrapped_label_whose_piece_reads_as_a_header_word_is_read_whole():
    # A PDF text layer wrapped "3.补正后申请内容仍不明确" (a character lost: 仍明确) with a
    # space in its first line; "内容" starts a header row elsewhere (| 类别 | 内容 |), but here it
    # is a piece of the label: the whole label names the row, and its values are read.
    from tests.test_tables_layouts import _rows_as

    body = _rows_as(lambda cells: "  ".join(cells))
    wrapped = body.replace("3.补正后申请内容仍不明确  0", "3.补正后申请 内容\n仍明确  0")
    assert wrapped != body
    text = wrap(section3=wrapped)
    rep = read(text)
    assert report_dict(rep)["tables"]["requests"] == EXPECTED
    assert rep.tables["requests"].rows["unavailable.unclear"].unread == ""
    assert [c for c in codes(text) if c in ("RL012", "RL016")] == []
