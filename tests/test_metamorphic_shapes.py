"""Shapes found by the metamorphic sweep of the real corpus (tests/test_real_metamorphic.py):
each is the smallest text written by hand that shows one kind of problem a real pipeline's
rewriting of a report revealed (a PDF text layer's wrapped lines, a crawl on one line, ...)."""

from __future__ import annotations

from report_lint import source
from report_lint.config import Config
from report_lint.engine import Engine
from report_lint.narrative import clauses
from report_lint.report import build_report

ENGINE = Engine(Config())
HEAD = "某县人民政府2020年政府信息公开工作年度报告\n一、总体情况\n"


def check(text: str):
    return ENGINE.check_source(source.from_text(text, "r.txt")).diagnostics


def wrapped(line: str, width: int) -> str:
    return "\n".join(line[i:i + width] for i in range(0, len(line), width))


# ---------------------------------------------------------------- wrapped prose

LIST = "2020年，本机关通过政府网站共公布政府信息100条(其中政策文件类信息60条、工作动态类信息50条)，及时回应社会关切。"


def test_a_list_wrapped_across_lines_is_read_as_on_one_line():
    # the marker itself wrapped (其 / 中): the parts 60 + 50 exceed the whole 100 either way
    text = HEAD + wrapped(LIST, 14) + "\n"
    assert "(其\n中" in text
    for t in (HEAD + LIST + "\n", text):
        d = [x for x in check(t) if x.code == "RL202"]
        assert len(d) == 1 and "110" in d[0].message and "100" in d[0].message, t
    assert not [x for x in check(text) if x.code == "RL000"]


def test_clause_text_and_source_offsets_across_wraps():
    text = HEAD + wrapped(LIST, 9) + "\n"
    src = source.from_text(text, "r.txt")
    (c,) = [c for c in clauses(build_report(src)) if "100" in c.text]
    assert c.breaks and "\n" not in c.text
    for i, ch in enumerate(c.text):
        assert src.text[c.offset(i)] == ch and c.index(c.offset(i)) == i


# ---------------------------------------------------------------- dates wrapped across lines

PERIOD = "本报告中所列数据的统计期限为2024年1月1日至2024年12月31日。如对本报告有疑问，请联系本机关。"


def _codes(text: str) -> list[str]:
    return [d.code for d in check(text) if d.severity.name == "ERROR"]


def test_a_statistics_period_wrapped_inside_a_date_is_not_malformed():
    for cut in ("至2024\n年12月31日", "至2024年12\n月31日", "至2024年12月31\n日", "为2024\n年1月1日至"):
        text = HEAD.replace("2020", "2024") + PERIOD.replace(cut.replace("\n", ""), cut) + "\n"
        assert "\n" in text.split("一、总体情况\n")[1].rstrip("\n"), cut
        assert "RL404" not in _codes(text) and "RL401" not in _codes(text), cut


def test_a_malformed_period_wrapped_is_still_malformed():
    # 年 lost after the year (自20241月1日至202412月31日): a slip however the line wraps
    bad = PERIOD.replace("2024年1月1日至2024年12月31日", "20241月1日至202412月31日")
    for text in (bad, bad.replace("至2024", "至2024\n"), bad.replace("自", "自").replace("为2024", "为2024\n")):
        got = [d for d in check(HEAD.replace("2020", "2024") + text + "\n") if d.severity.name == "ERROR"]
        assert [d.code for d in got] == ["RL404"], (text, [d.message for d in got])


# ---------------------------------------------------------------- a one-line table re-wrapped

_ROWS = [  # a one-line page's 收到和处理 table: label, then its seven cells run together
    ("一、本年新收政府信息公开申请数量", "3000003"), ("二、上年结转政府信息公开申请数量", "0000000"),
    ("三、本年度办理结果（一）予以公开", "1000001"), ("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "0000000"),
    ("（三）不予公开1.属于国家秘密", "0000000"), ("2.其他法律行政法规禁止公开", "0000000"),
    ("3.危及“三安全一稳定”", "0000000"), ("4.保护第三方合法权益", "0000000"), ("5.属于三类内部事务信息", "0000000"),
    ("6.属于四类过程性信息", "0000000"), ("7.属于行政执法案卷", "0000000"), ("8.属于行政查询事项", "0000000"),
    ("（四）无法提供1.本机关不掌握相关政府信息", "0000000"), ("2.没有现成信息需要另行制作", "0000000"),
    ("3.补正后申请内容仍不明确", "0000000"), ("（五）不予处理1.信访举报投诉类申请", "0000000"), ("2.重复申请", "0000000"),
    ("3.要求提供公开出版物", "0000000"), ("4.无正当理由大量反复申请", "0000000"),
    ("5.要求行政机关确认或重新出具已获取信息", "0000000"),
    ("（六）其他处理1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "2000002"),
    ("2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "0000000"), ("3.其他", "0000000"),
    ("（七）总计", "3000003"), ("四、结转下年度继续办理", "0000000"),
]
ONE_LINE = ("三、收到和处理政府信息公开申请情况 本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和 "
            + "".join(f"{label} {values}" for label, values in _ROWS) + " 四、政府信息公开行政复议、行政诉讼情况")


def _requests(text: str) -> dict:
    from report_lint.extract import report_dict

    return report_dict(build_report(source.from_text(text, "r.txt")))["tables"]["requests"]


def test_a_one_line_table_wrapped_after_an_ordinal_keeps_each_row_its_values():
    # wrapped where the next row's ordinal runs into the digits (…申请 20000022. / 申请人…), with
    # a page footer between the ordinal and its label, or not
    want = _requests(ONE_LINE)
    assert want["other.overdue_correction"] == [2, 0, 0, 0, 0, 0, 2] and want["other.other"] == [0] * 7
    for brk in ("\n", "\n— 2 —\n"):
        text = ONE_LINE.replace("20000022.", "20000022." + brk)
        got = _requests(text)
        for key, values in got.items():
            assert all(v is None or v == w for v, w in zip(values, want[key])), (brk, key, values)
        assert got["other.overdue_correction"] == want["other.overdue_correction"], brk
    errors = [sorted(d.message for d in check(t) if d.severity.name == "ERROR")
              for t in (ONE_LINE, ONE_LINE.replace("20000022.", "20000022.\n"))]
    assert errors[0] == errors[1]


ACTIVE = ("二、主动公开政府信息情况 第二十条第（一）项信息内容本年新制作数量本年新公开数量对外公开总数量规章000"
          "规范性文件33120第二十条第（五）项信息内容上一年项目数量本年增/减处理决定数量行政许可12-280"
          "第二十条第（六）项信息内容上一年项目数量本年增/减处理决定数量行政处罚26-1853行政强制12614"
          "第二十条第（八）项信息内容上一年项目数量本年增/减行政事业性收费35-15第二十条第（九）项信息内容"
          "采购项目数量采购总金额政府集中采购3957380元")


def test_a_value_before_a_caption_wrapped_across_lines_is_a_cell():
    # 35-15 run into a caption that a wrap cuts (第二十 / 条第（九）项): the signed -15 is a cell
    # before it, and the 35 is never split into 3 and 5 (a row with no identity is never split)
    from report_lint.extract import report_dict

    def active(text):
        return report_dict(build_report(source.from_text(HEAD + text + "\n三、收到和处理政府信息公开申请情况\n",
                                                          "r.txt")))["tables"]["active"]

    want = active(ACTIVE)
    assert want["fees"] == {"previous": 35, "change": -15}
    got = active(ACTIVE.replace("-15第二十条", "-15第二十\n条"))
    assert got["fees"] == want["fees"]
    for key, fields in got.items():
        assert all(v is None or v == want[key][f] for f, v in fields.items()), (key, fields)


# ---------------------------------------------------------------- one cell a line, joined onto one line

CELLS = ("二、主动公开政府信息情况\n第二十条第（一）项\n信息内容\n本年新制作数量\n本年新公开数量\n对外公开总数量\n规章\n \n \n \n"
         "规范性文件\n \n \n \n第二十条第（五）项\n信息内容\n上一年项目数量\n本年增/减\n处理决定数量\n行政许可\n148\n \n \n"
         "其他对外管理服务事项\n257\n \n \n第二十条第（六）项\n信息内容\n上一年项目数量\n本年增/减\n处理决定数量\n行政处罚\n \n \n \n"
         "行政强制\n \n \n \n三、收到和处理政府信息公开申请情况\n")


def test_blank_cells_lost_in_a_crawl_never_split_a_lone_number():
    # one cell a line with blank (space) cells, joined onto one line: "行政许可 148 其他…" holds one
    # number where three cells belong; 148 is not 1, 4 and 8 (no identity checks that split)
    from report_lint.extract import report_dict

    for text in (CELLS, " ".join(CELLS.split("\n"))):
        got = report_dict(build_report(source.from_text(HEAD + text, "r.txt")))["tables"]["active"]
        assert got["licensing"]["previous"] in (148, None) and got["licensing"]["change"] is None, text
        assert got["other_services"]["previous"] in (257, None), text


# ---------------------------------------------------------------- headings wrapped across lines

def test_a_heading_wrapped_across_lines_is_still_its_section():
    from report_lint.sections import find_sections

    one = ("某县2020年政府信息公开工作年度报告 一、总体情况 本年度工作平稳。二、主动公开政府信息情况 见下表。"
           "三、收到和处理政府信息公开申请情况 见下表。四、政府信息公开行政复议、行政诉讼情况 无。"
           "五、存在的主要问题及改进情况 无。六、其他需要报告的事项 无。")
    want = [s.canonical for s in find_sections(one)]
    assert want == [1, 2, 3, 4, 5, 6]
    for cut in ("主动公开\n政府", "收到和处理政\n府", "行政复议、\n行政诉讼", "四\n、政府", "一、总\n体情况"):
        text = one.replace(cut.replace("\n", ""), cut, 1)
        assert "\n" in text
        got = find_sections(text)
        assert [s.canonical for s in got] == want, cut
        assert all("\n" not in s.title for s in got), cut
    # a heading's words wrapped inside prose are no heading of their own: 总体情况 needs a place a
    # heading may start
    assert [s.canonical for s in find_sections("我们统一、总\n体情况良好。二、主动公开政府信息情况")] == [2]


def test_a_heading_with_a_slip_wrapped_across_lines_is_still_its_section():
    # 行政法复议 (one character too many) and the line broken inside the heading: RL507 names the
    # slip; no part is said to be missing
    one = ("某县2020年政府信息公开工作年度报告\n一、总体情况\n本年度工作平稳。\n二、主动公开政府信息情况\n见下表。\n"
           "三、收到和处理政府信息公开申请情况\n见下表。\n四、政府信息公开行政法复议、行政诉讼情况\n无。\n"
           "五、存在的主要问题及改进情况\n无。\n六、其他需要报告的事项\n无。\n")
    for cut in (None, "行政法复议、行\n政诉讼", "政府信息公开行\n政法复议", "行政诉讼情\n况"):
        text = one if cut is None else one.replace(cut.replace("\n", ""), cut, 1)
        codes = [x.code for x in check(text) if x.code in ("RL501", "RL502", "RL507")]
        assert codes == ["RL507"], (cut, codes)


def test_a_heading_cut_after_its_first_word_is_a_heading_of_other_words_not_a_missing_part():
    # a page break right after 四、政 (the rest of the heading on the next page): the part is
    # there; at most a warning that its heading is not the template's, never a missing part
    text = ("某县2020年政府信息公开工作年度报告\n一、总体情况\n本年度工作平稳。\n二、主动公开政府信息情况\n见下表。\n"
            "三、收到和处理政府信息公开申请情况\n见下表。\n四、政\n— 3 —\n府信息公开行政复议、行\n政诉讼情况\n无。\n"
            "五、存在的主要问题及改进情况\n无。\n六、其他需要报告的事项\n无。\n")
    d = [x for x in check(text) if x.code == "RL501"]
    assert [x.severity.name for x in d] in ([], ["WARNING"]), [(x.severity, x.message) for x in d]


def test_a_malformed_period_whose_key_is_wrapped_is_still_one_period():
    # the key words wrapped (统计期 / 限, 统计期限 / 为): still one RL404 for the period, not an
    # RL401 for one of its dates
    bad = PERIOD.replace("为2024年1月1日至2024年12月31日", "为202411日至20241231日")
    for text in (bad, bad.replace("统计期限", "统计期\n限"), bad.replace("期限为", "期限\n为")):
        got = [d for d in check(HEAD.replace("2020", "2024") + text + "\n") if d.severity.name == "ERROR"]
        assert [d.code for d in got] == ["RL404"], (text, [d.message for d in got])


# ---------------------------------------------------------------- what the text is

PREAMBLE = ("本报告根据《中华人民共和国政府信息公开条例》(以下简称《条例》)和《中华人民共和国政府信息公开工作"
            "年度报告格式》的规定编制，由总体情况、主动公开政府信息情况等六部分组成。")


def test_a_first_line_wrapped_inside_a_cited_title_is_no_title_of_another_kind():
    # an excerpt without its title line, wrapped as a text layer: the first line ends inside
    # 《…条例 (or a later one begins with 》的规定); neither is the title of a regulation
    from report_lint.doctype import other_kind_title

    for width in (10, 15, 21, 30, 59):  # lines ending in …条例 or …》的规定
        text = wrapped(PREAMBLE, width) + "\n一、总体情况\n2020年，本机关主动公开政府信息120条。\n"
        assert not other_kind_title(text), wrapped(PREAMBLE, width)
        assert not [x for x in check(text) if x.code == "RL002"], width
    # a title of a regulation is still one, and so is a notice citing another title whole
    assert other_kind_title("某市政府信息公开管理办法\n第一条 为了……\n")
    assert other_kind_title("关于印发《某县政府信息公开工作制度》的通知\n各乡镇：\n")


NOTICE = ("国务院办公厅政府信息与政务公开办公室关于印发《中华人民共和国政府信息公开工作年度报告格式》的通知\n\n"
          "各省、自治区、直辖市人民政府办公厅：\n根据《中华人民共和国政府信息公开条例》第五十条的规定，现将修订后的格式印发给你们。\n"
          "一、总体情况\n本年度报告应说明主动公开政府信息情况。\n")


def test_a_notice_title_wrapped_over_lines_is_still_its_title():
    # a text layer wraps the long title anywhere: after 年度报告, inside 《…》, inside 的通知
    from report_lint.doctype import other_title

    title, rest = NOTICE.split("\n", 1)
    for width in (12, 17, 20, 26, 38, 45, len(title) - 1):
        text = wrapped(title, width) + "\n" + rest
        assert other_title(text) is not None and other_title(text).endswith("的通知"), wrapped(title, width)
        assert [x.code for x in check(text)] == ["RL002"], width
