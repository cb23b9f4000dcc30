"""Requests tables whose labels and values came apart (field round 14).

Two shapes met on real pages, written here by hand: a table printed as its row labels only (no
number anywhere, one label per line), and a 2019-template table whose 不予公开 sub-rows lost
their labels on a mirror, leaving a run of bare `0 |` lines under the (三)不予公开 caption. In
both the rows are there and their values are not certainly theirs: every such cell is null, the
rows are "not read" (never "missing"), the coverage line says which and why, and no error.
"""

from __future__ import annotations

from report_lint.coverage import summary
from report_lint.extract import report_dict
from report_lint.findings import Severity
from tests.test_rules_tables import REVIEWS_OK, check
from tests.test_tables_layouts import read, wrap

ACTIVE_2019 = """第二十条第(一)项
信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量
规章 | 0 | 0 | 0
规范性文件 | 1 | 1 | 3
第二十条第(五)项
信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量
行政许可 | 0 | 0 | 0
其他对外管理服务事项 | 0 | 0 | 0
第二十条第(六)项
信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量
行政处罚 | 0 | 0 | 0
行政强制 | 0 | 0 | 0
第二十条第(八)项
信息内容 | 上一年项目数量 | 本年增/减
行政事业性收费 | 0 | 0
第二十条第(九)项
信息内容 | 采购项目数量 | 采购总金额
政府集中采购 | 0 | 0"""

HEADER = ["(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)", "申请人情况", "自然人", "法人或其他组织",
          "总计", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]
LABELS_TO_UNAVAILABLE = [
    "一、本年新收政府信息公开申请数量", "二、上年结转政府信息公开申请数量", "三、本年度办理结果", "(一)予以公开",
    "(二)部分公开(区分处理的,只计这一情形,不计其他情形)", "(三)不予公开", "1.属于国家秘密", "2.其他法律行政法规禁止公开",
    "3.危及“三安全一稳定”", "4.保护第三方合法权益", "5.属于三类内部事务信息", "6.属于四类过程性信息", "7.属于行政执法案卷",
    "8.属于行政查询事项", "(四)无法提供", "1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作"]


def _errors(text: str) -> list:
    return [(d.code, d.line, d.message) for d in check(text) if d.severity >= Severity.ERROR]


def test_a_requests_table_printed_as_labels_only_where_the_text_stops_is_rows_not_read():
    # One label per line with blank lines, no number anywhere; the excerpt stops inside the
    # label 3.补正后申请内容(仍不明确). The text does not stop in the table's header: it runs on
    # through 15 row labels with no value after any of them.
    lines = HEADER + LABELS_TO_UNAVAILABLE + ["3.补正后申请内容"]
    text = (wrap(section2=ACTIVE_2019, year=2019).split("三、收到和处理")[0]
            + "三、收到和处理政府信息公开申请情况\n\n" + "\n\n".join(lines))
    rep = read(text)
    table = rep.tables["requests"]
    assert {k: r.unread for k, r in table.rows.items()} == {
        **{k: "no-values" for k in (
            "new", "carried_over", "granted", "partially_granted", "withheld.state_secret",
            "withheld.prohibited_by_law", "withheld.security_stability", "withheld.third_party",
            "withheld.internal_affairs", "withheld.process_info", "withheld.enforcement_file",
            "withheld.query_matter", "unavailable.not_held", "unavailable.needs_creation")},
        "unavailable.unclear": "cut"}
    assert all(c.value is None for r in table.rows.values() for c in r.cells)
    line = summary(rep)
    assert "表头处截止" not in line, line
    assert "15 行无法读取（行名后没有数字，空白或丢失；文本在此行中截止）" in line, line
    assert "在文本截止处之后" in line, line
    # the header cells (自然人, 总计) are no rows: 总计 is not (七)总计
    assert "total" not in table.rows
    assert _errors(text) == []


def test_a_requests_table_printed_as_labels_only_before_the_next_section_is_said_once():
    # the whole table as labels, then section 四: every row is there, none has a value
    lines = HEADER + LABELS_TO_UNAVAILABLE + [
        "3.补正后申请内容仍不明确", "(五)不予处理", "1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物",
        "4.无正当理由大量反复申请", "5.要求行政机关确认或重新出具已获取信息", "(六)其他处理", "(七)总计",
        "四、结转下年度继续办理"]
    text = wrap(section2=ACTIVE_2019, section3="\n".join(lines), section4=REVIEWS_OK, year=2019)
    rep = read(text)
    table = rep.tables["requests"]
    assert len(table.rows) == 23 and {r.unread for r in table.rows.values()} == {"no-values"}
    assert report_dict(rep)["tables"]["requests"]["new"] == [None] * 7
    found = [d for d in check(text) if d.code == "RL013"]
    assert len(found) == 1 and found[0].severity == Severity.WARNING and "申请情况表" in summary(rep)
    assert "RL016" not in [d.code for d in check(text)]
    assert _errors(text) == []


def test_a_single_row_label_after_the_header_is_still_the_text_stopping_in_the_header():
    # one label could be a header's last word as well as a row: no row is made of it
    lines = HEADER + ["一、本年新收政府信息公开申请数量"]
    text = (wrap(section2=ACTIVE_2019, year=2019).split("三、收到和处理")[0]
            + "三、收到和处理政府信息公开申请情况\n" + "\n".join(lines))
    rep = read(text)
    assert rep.tables["requests"].rows == {}
    assert "申请情况表未能读取（文本在表头处截止）" in summary(rep)


def _cells(values) -> list[str]:
    return [f"{v} |" for v in values]


def _bare_withheld(withheld_values: list[int]) -> str:
    """A 2019-template requests table, one cell per line ending in ' |', whose eight 不予公开
    sub-rows lost their labels: 56 bare value lines under (三)不予公开."""
    lines = [c + " |" for c in HEADER]
    lines += ["一、本年新收政府信息公开申请数量 |"] + _cells([3, 1, 0, 0, 0, 0, 4])
    lines += ["二、上年结转政府信息公开申请数量 |"] + _cells([0] * 7)
    lines += ["三、本年度办理结果 |", "(一)予以公开 |"] + _cells([2, 0, 0, 0, 0, 0, 2])
    lines += ["(二)部分公开(区分处理的,只计这一情形,不计其他情形) |"] + _cells([0] * 7)
    lines += ["(三)不予公开 |"] + _cells(withheld_values)
    lines += ["(四)无法提供 |", "1.本机关不掌握相关政府信息 |"] + _cells([1, 0, 0, 0, 0, 0, 1])
    lines += ["2.没有现成信息需要另行制作 |"] + _cells([0] * 7) + ["3.补正后申请内容仍不明确 |"] + _cells([0] * 7)
    lines += ["(五)不予处理 |"]
    for label in ("1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物", "4.无正当理由大量反复申请",
                  "5.要求行政机关确认或重新出具已获取信息"):
        lines += [label + " |"] + _cells([0] * 7)
    lines += ["(六)其他处理 |"] + _cells([0] * 7) + ["(七)总计 |"] + _cells([3, 1, 0, 0, 0, 0, 4])
    lines += ["四、结转下年度继续办理 |"] + _cells([0] * 7)
    return wrap(section2=ACTIVE_2019, section3="\n".join(lines), section4=REVIEWS_OK, year=2019)


WITHHELD = ("state_secret", "prohibited_by_law", "security_stability", "third_party", "internal_affairs",
            "process_info", "enforcement_file", "query_matter")


def test_withheld_rows_whose_labels_were_lost_are_not_read_and_not_missing():
    # 56 bare values: eight rows of seven, in an order nothing confirms (no label says which
    # row a line is): never placed, never called missing (RL016 would say the report lacks them)
    withheld = [0] * 56
    withheld[7:14] = [0, 1, 0, 0, 0, 0, 1]  # one application withheld, row unknown to a reader
    text = _bare_withheld(withheld)
    rep = read(text)
    table = rep.tables["requests"]
    got = report_dict(rep)["tables"]["requests"]
    for key in WITHHELD:
        assert got["withheld." + key] == [None] * 7
        assert table.rows["withheld." + key].unread == "unlabelled"
    # the rows around them are read, values where their labels are
    assert got["granted"] == [2, 0, 0, 0, 0, 0, 2] and got["unavailable.not_held"] == [1, 0, 0, 0, 0, 0, 1]
    assert got["total"] == [3, 1, 0, 0, 0, 0, 4]
    line = summary(rep)
    assert "8 行无法读取（数字前的行名丢失" in line and "缺失" not in line, line
    codes = [d.code for d in check(text)]
    assert "RL016" not in codes and codes.count("RL013") == 1
    assert _errors(text) == []


def test_a_group_caption_followed_by_its_labelled_rows_is_read_as_before():
    # the caption with no values of its own and labelled sub-rows: nothing changes
    text = _bare_withheld([0] * 56)
    labelled = [f"{i}.{lab} |\n" + "\n".join(_cells([0] * 7)) for i, lab in enumerate(
        ("属于国家秘密", "其他法律行政法规禁止公开", "危及“三安全一稳定”", "保护第三方合法权益", "属于三类内部事务信息",
         "属于四类过程性信息", "属于行政执法案卷", "属于行政查询事项"), 1)]
    text = text.replace("(三)不予公开 |\n" + "\n".join(_cells([0] * 56)),
                        "(三)不予公开 |\n" + "\n".join(labelled))
    rep = read(text)
    got = report_dict(rep)["tables"]["requests"]
    assert all(got["withheld." + k] == [0] * 7 for k in WITHHELD)
    assert rep.tables["requests"].coverage.status == "complete"
