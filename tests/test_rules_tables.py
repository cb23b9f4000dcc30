"""Each RL0xx/RL1xx rule: a failing and a passing example, checked through the engine."""

from __future__ import annotations

import pytest

from report_lint import source
from report_lint.config import Config
from report_lint.engine import Engine
from report_lint.findings import Severity
from tests.test_tables_layouts import PIPE_REQUESTS, wrap

REVIEWS_OK = "行政复议 | 行政诉讼\n结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计\n2 | 0 | 0 | 1 | 3 | 0 | 0 | 0 | 0 | 0 | 1 | 0 | 0 | 0 | 1"
ACTIVE_OK = """第二十条第(一)项
信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数
规章 | 0 | 0 | 0
行政规范性文件 | 1 | 0 | 12
第二十条第(五)项
行政许可 | 30
第二十条第(六)项
行政处罚 | 4
行政强制 | 0
第二十条第(八)项
行政事业性收费 | 0"""
CLEAN = wrap(section2=ACTIVE_OK, section3=PIPE_REQUESTS, section4=REVIEWS_OK)


def check(text: str, **cfg):
    engine = Engine(Config(**cfg))
    return engine.check_source(source.from_text(text, "r.txt")).diagnostics


def codes(text: str) -> list[str]:
    return [d.code for d in check(text)]


def line_of(text: str, needle: str) -> int:
    return next(i for i, l in enumerate(text.splitlines(), 1) if needle in l)


def test_clean_report_has_no_findings():
    assert check(CLEAN) == []


# --------------------------------------------------------------------- RL0xx parsing


def test_rl001_unreadable_input_through_engine(tmp_path):
    p = tmp_path / "empty.txt"
    p.write_bytes(b"")
    r = Engine(Config()).check_path(str(p))
    assert [d.code for d in r.diagnostics] == ["RL001"] and r.error is not None


def test_rl002_not_a_report():
    assert codes("扫一扫在手机打开当前页\n分享到\n打印 关闭\n") == ["RL002"]
    assert "RL002" not in codes(CLEAN)


def test_rl003_replacement_character():
    bad = CLEAN.replace("我局认真落实条例", "我局认真落\ufffd条例")
    d = [x for x in check(bad) if x.code == "RL003"]
    assert len(d) == 1 and d[0].line == line_of(bad, "\ufffd")
    assert "RL003" not in codes(CLEAN)


def test_rl010_missing_and_absent_tables():
    text = wrap(section2="", section3=PIPE_REQUESTS, section4="本年度未发生行政复议、行政诉讼。")
    found = [d for d in check(text) if d.code == "RL010"]
    assert [d.line for d in found] == [line_of(text, "二、主动公开"), line_of(text, "四、政府信息公开行政复议")]
    # not read, so not checked: the page may hold it as an image (an error would claim the report is wrong)
    assert all(d.severity == Severity.WARNING for d in found)


def test_rl011_truncated_table():
    body = "\n".join(PIPE_REQUESTS.splitlines()[:12])
    text = wrap(section2=ACTIVE_OK, section3=body, section4=REVIEWS_OK)
    d = [x for x in check(text) if x.code == "RL011"]
    assert len(d) == 1 and d[0].line == line_of(text, "4.保护第三方合法权益")  # where it stops


def test_rl012_unknown_row():
    text = CLEAN.replace("| (七)总计", "| 甲乙丙丁戊 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n| (七)总计")
    d = [x for x in check(text) if x.code == "RL012"]
    assert len(d) == 1 and d[0].line == line_of(text, "甲乙丙丁戊")


def test_rl013_ambiguous_row_is_a_warning_and_unbalanceable_row_an_error():
    amb = CLEAN.replace("| 一、本年新收政府信息公开申请数量 | 5 | 1 | 0 | 0 | 0 | 0 | 6 | ||", "一、本年新收政府信息公开申请数量 101000011")
    d = [x for x in check(amb) if x.code == "RL013"]
    assert len(d) == 1 and d[0].severity == Severity.WARNING
    bad = CLEAN.replace("| 一、本年新收政府信息公开申请数量 | 5 | 1 | 0 | 0 | 0 | 0 | 6 | ||", "一、本年新收政府信息公开申请数量 51000007")
    d = [x for x in check(bad) if x.code == "RL013"]
    assert len(d) == 1 and d[0].severity == Severity.ERROR and d[0].line == line_of(bad, "51000007")


def test_rl014_recovered_cells_is_info():
    text = CLEAN.replace("| 一、本年新收政府信息公开申请数量 | 5 | 1 | 0 | 0 | 0 | 0 | 6 | ||", "一、本年新收政府信息公开申请数量 5100006")
    d = check(text)
    assert [(x.code, x.severity) for x in d] == [("RL014", Severity.INFO)]


def test_rl015_single_other_row_in_a_2021_report():
    lines = [l for l in PIPE_REQUESTS.splitlines() if "2.申请人逾期" not in l and "3.其他" not in l]
    body = "\n".join(lines).replace("| (六)其他处理 | 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | |",
                                    "| (六)其他处理 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |")
    text = wrap(section2=ACTIVE_OK, section3=body, section4=REVIEWS_OK, year=2023)
    d = [x for x in check(text) if x.code != "RL016"]
    assert [x.code for x in d] == ["RL015"] and d[0].line == line_of(text, "(六)其他处理")
    old = wrap(section3=body, section4=REVIEWS_OK, year=2020)
    assert "RL015" not in codes(old)


def test_rl016_missing_row():
    text = CLEAN.replace("| 8.属于行政查询事项 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | ||\n", "")
    d = [x for x in check(text) if x.code == "RL016"]
    assert len(d) == 1 and "属于行政查询事项" in d[0].message


def test_rl017_duplicate_row():
    text = CLEAN.replace("| 2.重复申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | ||", "| 2.重复申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | ||\n| 2.重复申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | ||")
    d = [x for x in check(text) if x.code == "RL017"]
    assert len(d) == 1


def test_rl018_extra_values():
    text = CLEAN.replace("| 2.重复申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | ||", "| 2.重复申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 3 | 4 |")
    d = [x for x in check(text) if x.code == "RL018"]
    assert len(d) == 1 and d[0].line == line_of(text, "| 3 | 4 |")


# ------------------------------------------------------------------ RL1xx arithmetic


def test_rl101_balance_located_on_the_row_to_blame():
    # carried forward 0 -> 2 in the natural-person column: the row total of 四、 breaks too,
    # so the column finding is shown on that row.
    text = CLEAN.replace("| 四、结转下年度继续办理 | 0 | 0 |", "| 四、结转下年度继续办理 | 2 | 0 |")
    d = check(text)
    line = line_of(text, "四、结转下年度")
    # one slip, one finding: the cell breaks its column (RL101) and its row (RL102) alike
    assert [(x.code, x.line) for x in d] == [("RL101", line)]
    rl101 = d[0]
    assert "自然人" in rl101.message and "6" in rl101.message and "8" in rl101.message
    assert "只改这一格为 0" in rl101.message and "RL102" in rl101.detail
    assert rl101.column == text.splitlines()[line - 1].index("| 2 |") + 3
    assert len(rl101.related) == 4 + 6  # the column's four terms, and the row's other cells


def test_rl102_row_total_with_equation():
    text = CLEAN.replace("| (一)予以公开 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |", "| (一)予以公开 | 2 | 0 | 0 | 0 | 0 | 0 | 3 |")
    d = check(text)
    line = line_of(text, "(一)予以公开")
    # an outcome row is not a term of the balance identity: no RL101; the one cell breaks its
    # row (RL102) and the 总计 column (RL103): one finding on that cell, naming both
    assert [(x.code, x.line) for x in d] == [("RL102", line)]
    rl102 = d[0]
    assert "总计" in rl102.message and "3" in rl102.message and "2" in rl102.message
    assert "≠" in rl102.detail and "自然人 2" in rl102.detail
    assert "也使“总计”列的办理结果总计核对不成立：只改这一格为 2，两处核对即都成立" in rl102.message
    assert "RL103 “总计”列" in rl102.detail
    assert rl102.column == text.splitlines()[line - 1].index("(一)予以公开") + 1  # its own place: the row


def test_rl103_outcome_total():
    # both the outcome row and its total column changed: the row balances, the column does not
    text = CLEAN.replace("| 3.其他 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |", "| 3.其他 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |")
    d = check(text)
    assert {x.code for x in d} == {"RL103"}
    rl103 = [x for x in d if x.code == "RL103"]
    assert len(rl103) == 2  # natural persons and total columns
    assert all(x.line == line_of(text, "(七)总计") for x in rl103)


def test_rl103_arithmetic_leaves_out_a_group_the_template_of_the_year_lacks():
    # a 2019 table: one (六)其他处理 row, none of the 2021 sub-rows of other.*; the sum shown
    # names 其他处理 once, with its value, never as "其他处理 0 + 其他处理 1"
    lines = [l for l in PIPE_REQUESTS.splitlines() if "2.申请人逾期" not in l and "3.其他" not in l]
    body = "\n".join(lines).replace("| (六)其他处理 | 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | |",
                                    "| (六)其他处理 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |")
    body = body.replace("| (六)其他处理 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |", "| (六)其他处理 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |")
    text = wrap(section2=ACTIVE_OK, section3=body, section4=REVIEWS_OK, year=2020)
    rl103 = [x for x in check(text) if x.code == "RL103"]
    assert len(rl103) == 2 and "自然人" in rl103[0].message
    assert rl103[0].detail.count("其他处理") == 1 and "其他处理 2 =" in rl103[0].detail


def test_rl104_reviews_total():
    text = CLEAN.replace("2 | 0 | 0 | 1 | 3 |", "2 | 0 | 0 | 1 | 4 |")
    d = check(text)
    assert [x.code for x in d] == ["RL104"]
    assert d[0].line == line_of(text, "2 | 0 | 0 | 1 | 4")
    assert "行政复议" in d[0].message and len(d[0].related) == 5


def test_rl105_invalid_counts():
    text = CLEAN.replace("行政处罚 | 4", "行政处罚 | -4").replace("行政许可 | 30", "行政许可 | 2.5")
    d = [x for x in check(text) if x.code == "RL105"]
    assert {x.line for x in d} == {line_of(text, "行政处罚"), line_of(text, "行政许可")}
    money = CLEAN.replace("行政事业性收费 | 0", "行政事业性收费 | 19.5")
    assert "RL105" not in codes(money)


def test_rl106_placeholders_one_per_row_and_counted_as_zero():
    text = CLEAN.replace("| 5 | 1 | 0 | 0 | 0 | 0 | 6 |", "| 5 | 1 | / | - | — | | 6 |")
    d = check(text)
    assert [x.code for x in d] == ["RL106"]
    assert d[0].severity == Severity.WARNING and "4" in d[0].message


def test_rl107_table_of_placeholders_not_checkable_once():
    reviews = "行政复议 | 行政诉讼\n" + " | ".join(["/"] * 15)
    text = wrap(section2=ACTIVE_OK, section3=PIPE_REQUESTS, section4=reviews)
    d = check(text)
    assert [x.code for x in d] == ["RL107"]


def test_rl108_regulations_by_county_body():
    county = CLEAN.replace("某某局2024年", "某某县人力资源和社会保障局2024年").replace("规章 | 0 | 0 | 0", "规章 | 2 | 0 | 5")
    d = [x for x in check(county) if x.code == "RL108"]
    assert len(d) == 1 and d[0].severity == Severity.INFO
    city = CLEAN.replace("某某局2024年", "某某市人民政府2024年").replace("规章 | 0 | 0 | 0", "规章 | 2 | 0 | 5")
    assert "RL108" not in codes(city)


def test_rl108_untitled_report_that_calls_itself_a_township():
    # A page without its title: the body names itself only as 我镇 / 本乡 in the text.
    body = CLEAN.split("\n", 1)[1].replace("规章 | 0 | 0 | 0", "规章 | 0 | 0 | 6")
    town = body.replace("我局认真落实条例", "我镇认真落实条例")
    assert "RL108" in codes(town.replace("2024年，我镇", "现汇报我镇2024年政府信息公开工作。2024年，我镇"))
    d = [x for x in check(town) if x.code == "RL108"]
    assert len(d) == 1 and d[0].severity == Severity.INFO and "我镇" in d[0].message
    # a body whose level the text does not tell is not noted; nor is 本区域 a district
    assert "RL108" not in codes(body)
    assert "RL108" not in codes(body.replace("我局认真落实条例", "我局在本区域认真落实条例"))


# ------------------------------------------------------------------ engine behaviour


def test_select_ignore_and_severity_override():
    text = CLEAN.replace("| (一)予以公开 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |", "| (一)予以公开 | 2 | 0 | 0 | 0 | 0 | 0 | 3 |")
    assert {d.code for d in check(text, select=("RL102",))} == {"RL102"}
    assert {d.code for d in check(text, ignore=("RL10",))} == set()
    d = check(text, severity={"RL102": Severity.WARNING})
    assert next(x for x in d if x.code == "RL102").severity == Severity.WARNING


def test_findings_sorted_by_position():
    text = CLEAN.replace("2 | 0 | 0 | 1 | 3 |", "2 | 0 | 0 | 1 | 4 |").replace("| (一)予以公开 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |", "| (一)予以公开 | 2 | 0 | 0 | 0 | 0 | 0 | 3 |")
    d = check(text)
    assert [(x.line, x.column) for x in d] == sorted((x.line, x.column) for x in d)


@pytest.mark.parametrize("code", ["RL101", "RL102", "RL103", "RL104", "RL010", "RL106"])
def test_every_rule_has_docs_with_examples_in_both_languages(code):
    from report_lint.rules import all_rules

    rule = next(r for r in all_rules() if r.code == code)
    assert "错误示例" in rule.doc("zh") and "正确" in rule.doc("zh")
    assert "Example" in rule.doc("en")


def test_all_rules_are_documented():
    from report_lint.rules import all_rules

    for rule in all_rules():
        assert rule.name == rule.name.lower() and " " not in rule.name
        assert rule.summary.zh and rule.summary.en
        assert ("示例" in rule.doc("zh")) and ("Example" in rule.doc("en") or "example" in rule.doc("en")), rule.code


# --------------------------------------------------------------------- a table read poorly


def _slip_in_granted(text: str) -> str:
    # 予以公开 2 -> 3 in its total: the row fails (RL102) and so does the total column (RL103)
    return text.replace("| (一)予以公开 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |", "| (一)予以公开 | 2 | 0 | 0 | 0 | 0 | 0 | 3 |")


def _garble(text: str) -> str:
    """Seven of the table's 25 rows as an OCR reads them: values lost (0 read as o: the row is
    short) and labels no template row has."""
    for label in ("3.危及“三安全一稳定”", "4.保护第三方合法权益", "6.属于四类过程性信息", "7.属于行政执法案卷",
                  "8.属于行政查询事项"):
        text = text.replace(f"| {label} | 0 | 0 | 0 | 0 | 0 | 0 | 0 |", f"| {label} | 0 | o | 0 |")
    return text.replace("| 5.属于三类内部事务信息 |", "| 5.属千三奕内都事努信息 |").replace(
        "| 2.重复申请 |", "| 2.重夏申滴 |")


def test_a_slip_in_a_poorly_read_table_is_doubt_not_an_error():
    """Principle 1: when many rows of a table could not be read (an OCR's lost digits, garbled
    labels), its other cells may be misread too (11 for 1). A row whose total then disagrees
    with its parts is said once with the table's doubtful rows, with the reason, and its cells
    are not exported; the same slip in a table read well is the report's error."""
    from report_lint.extract import report_dict
    from report_lint.report import build_report

    slip = wrap(section2=ACTIVE_OK, section3=_slip_in_granted(PIPE_REQUESTS), section4=REVIEWS_OK)
    well = [(d.code, d.severity) for d in check(slip) if d.code in ("RL102", "RL103")]
    assert well and all(s == Severity.ERROR for _, s in well)
    text = wrap(section2=ACTIVE_OK, section3=_garble(_slip_in_granted(PIPE_REQUESTS)), section4=REVIEWS_OK)
    poor = check(text)
    assert not [d for d in poor if d.severity == Severity.ERROR]
    assert not [d for d in poor if d.code == "RL102"]
    doubt = next(d for d in poor if d.code == "RL013")
    assert "予以公开" in doubt.message and "数字可能识别有误" in doubt.message
    assert report_dict(build_report(source.from_text(text, "r.txt")))["tables"]["requests"]["granted"] == [None] * 7


def test_rows_that_split_several_ways_are_no_sign_of_a_poor_reading():
    """Digits run together that split several ways are the layout's limit, not a misreading:
    the table's slips stay errors (pingtan2020: its active table's rows, its requests total)."""
    from report_lint.model import Row, Table

    t = Table("active", "ok")
    t.rows = {k: Row(k, k, None, [], unread="ambiguous") for k in ("a", "b", "c", "d")}
    assert not t.poorly_read()
    t.rows["a"].unread = t.rows["b"].unread = t.rows["c"].unread = "short"
    assert t.poorly_read()
