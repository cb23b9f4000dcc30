"""Narrative claims: number parsing (report_lint.narrative), RL201, RL202, RL301, the seeds,
and a no-false-alarm property over synthetic reports (their narrative agrees with their tables)."""

from __future__ import annotations

import collections
import random
import re
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from report_lint import source
from report_lint.config import Config
from report_lint.engine import Engine
from report_lint.findings import Severity
from report_lint.narrative import cn_to_int, parse_text
from report_lint.rules.builtin import RULES
from tests import synth

SEEDS = Path(__file__).resolve().parent.parent / "fixtures" / "seeds"
ENGINE = Engine(Config())
CODES = ("RL201", "RL202", "RL203", "RL301", "RL302")


def check(text: str):
    return ENGINE.check_source(source.from_text(text, "r.txt")).diagnostics


def found(text: str, code: str) -> list:
    return [d for d in check(text) if d.code == code]


def seed(prefix: str) -> str:
    return next(SEEDS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


def nums(text: str) -> list[tuple]:
    t = source.from_text(text, "r.txt").text
    return [(q.value, q.unit, q.kind) for c in parse_text(t) for q in c.quantities]


# ---------------------------------------------------------------- parsing


@pytest.mark.parametrize("s,v", [("一", 1), ("十", 10), ("十一", 11), ("二十", 20), ("一百零五", 105),
                                 ("两千三百", 2300), ("三万五千", 35000), ("一千零一", 1001), ("两", 2)])
def test_cn_to_int(s, v):
    assert cn_to_int(s) == v


def test_counts_with_units():
    assert nums("共收到申请11宗，上年结转0宗") == [(11, "宗", "count"), (0, "宗", "count")]
    assert nums("受理一件、两宗，十一件，一百零五条") == [(1, "件", "count"), (2, "宗", "count"),
                                                    (11, "件", "count"), (105, "条", "count")]
    assert nums("共发布信息1,234条") == [(1234, "条", "count")]
    assert nums("收费共计19万元，0.5万元") == [(19, "万元", "count"), (Decimal("0.5"), "万元", "count")]
    assert nums("接听来电8634人次") == [(8634, "人次", "count")]
    assert nums("共收到１２宗") == [(12, "宗", "count")]  # full-width digits are normalised


def test_percentages():
    t = source.from_text("占９．１％，占75%，百分之九点一，百分之二十", "r.txt").text
    ps = [(q.value, q.decimals) for c in parse_text(t) for q in c.percents]
    assert ps == [(Decimal("9.1"), 1), (Decimal("75"), 0), (Decimal("9.1"), 1), (Decimal("20"), 0)]
    assert all(q.kind != "count" for c in parse_text(t) for q in c.quantities)


@pytest.mark.parametrize("text", [
    "2024年1月23日", "2024年度", "〔2021〕30号", "第二十条第(一)项", "排名第1名", "一是加强领导", "(一)主动公开",
    "1.加强培训", "《2024年政务公开工作要点10条》", "http://www.gov.cn/12条", "电话0750-3502316", "邮编529000",
    "12345热线", "7个工作日内", "3个月", "一次性告知", "一类",
])
def test_not_counts(text):
    assert [n for n in nums(text) if n[2] == "count"] == []


def test_numbers_at_clause_edges_and_unit_words():
    assert nums("5个项目") == [(5, "个", "count")]
    assert nums("一件") == [(1, "件", "count")]
    assert [n for n in nums("由12333人工坐席答复,依据3条例") if n[2] == "count"] == []


def test_clause_span_and_subject():
    text = "全年共收到公开申请11宗,上一年度结转公开申请0宗。"
    cl = parse_text(text)
    assert [c.text for c in cl] == ["全年共收到公开申请11宗", "上一年度结转公开申请0宗"]
    q = cl[0].quantities[0]
    assert text[q.span.start:q.span.end] == "11宗" and q.subject == "全年共收到公开申请"
    assert cl[0].sentence == cl[1].sentence


# ---------------------------------------------------------------- rules

def _wrap(narrative: str, new: int = 11, co: int = 0, fee: str = "0", reviews=(0, 0, 0), review_rows=None,
          active=None) -> str:
    """A small whole report with the narrative in section 一 and tables built by tests/synth.py."""
    rng = random.Random(1)
    tables = synth.random_tables(rng, "2021", zero_share=1.0)
    req = tables["requests"]
    req["new"] = [new, 0, 0, 0, 0, 0, new]
    req["carried_over"] = [co, 0, 0, 0, 0, 0, co]
    req["granted"] = [new + co, 0, 0, 0, 0, 0, new + co]
    req["total"] = [new + co, 0, 0, 0, 0, 0, new + co]
    tables["active"]["fees"]["amount"] = float(fee) if "." in fee else int(fee)
    for g, v in zip(synth.REVIEW_GROUPS, reviews):
        tables["reviews"][g] = {"upheld": v, "corrected": 0, "other": 0, "pending": 0, "total": v}
    for g, (up, cor, oth, pen) in (review_rows or {}).items():  # group -> (upheld, corrected, other, pending)
        tables["reviews"][g] = {"upheld": up, "corrected": cor, "other": oth, "pending": pen,
                                "total": up + cor + oth + pen}
    for key, fields in (active or {}).items():
        tables["active"][key].update(fields)
    r = synth.render_report(tables, "pipe", random.Random(2), template="2021", year=2024, noise=0)
    lines = r.text.split("\n")
    i = next(k for k, ln in enumerate(lines) if ln.startswith("一、"))
    lines.insert(i + 1, narrative)
    return "\n".join(lines), i + 2


def test_registered_and_documented():
    rules = {r.code: r for r in RULES()}
    for code in CODES:
        r = rules[code]()
        assert "What it does" in r.doc("en") and "错误示例" in r.doc("zh") and "正确写法" in r.doc("zh")


def test_rl202_exceeds():
    text, line = _wrap("2024年,我局共主动公开信息84条,其中通过网站20条、微信24条、微博14条、头条20条、抖音26条。")
    d = found(text, "RL202")
    assert [x.line for x in d] == [line] and "104" in d[0].message and "84" in d[0].message


def test_rl202_partial_and_sublist_silent():
    ok = [
        "共发布信息3682条,其中,通过部门频道主动公开政府信息1233条,含规范性文件类信息2条,其他文件类信息1231条。",
        "共主动公开信息84条,其中通过网站20条、微信24条。",
        "共承办建议提案123件,其中人大建议33件,政协提案90件,全部按时办结。",
        "共收到申请10件,上年结转3件。其中予以公开8件;部分公开5件。",  # not a list of one whole
        "共收到申请4件,其中,网上申请3件,占75%;当面申请1件,占25%。",
    ]
    for s in ok:
        text, _ = _wrap(s)
        assert found(text, "RL202") == [], s


def test_rl202_whole_before_two_comparisons_with_last_year():
    """共收到申请5件,比去年减少2件,同比下降28.6%,其中…: the list divides the 5, not the change
    (2件) of the first of two comparison clauses (field10: 同比 changes told twice, as a count
    and as a rate, before a 其中 list)."""
    ok = ("2024年收到政府信息公开申请5件,比去年减少2件,同比下降28.6%,其中自然人4件,法人1件。",
          "全年发布信息120条,较上年增加20条,同比增长20%,其中政策文件30条,其他信息90条。")
    for s in ok:
        text, _ = _wrap(s, new=5)
        assert found(text, "RL202") == [], s
    text, line = _wrap("2024年收到政府信息公开申请5件,比去年减少2件,同比下降28.6%,其中自然人4件,其他2件。", new=5)
    d = found(text, "RL202")
    assert [x.line for x in d] == [line] and "6" in d[0].message and "5" in d[0].message


def test_rl202_a_list_after_received_and_carried_over_counts_has_no_certain_whole():
    """收到申请9件,上年结转1件,其中网络申请5件,信函申请5件: the 其中 may split the 9, the 1 or
    their sum (here 10: right); the last count (the carried-over 1) is not its certain whole
    (field13, a county's 2022 report on a traditional mirror: a false RL202 "10 > 1")."""
    ok = ("2024年,我县收到政府信息公开申请9件,上年结转1件,其中网络申请5件,信函申请5件,均按时办理。",
          "2024年,我县收到政府信息公开申请9件,上年轉結1件,其中网络申请5件,信函申请5件。")
    for s in ok:
        text, _ = _wrap(s, new=9, co=1)
        assert found(text, "RL202") == [], s


def test_rl202_an_item_said_as_a_total_inside_a_list_ending_in_other():
    """…共计3437条,包括:A 12条,B 1740条,C 225条,解读及回应信息共计110条,其他类信息1827条: an item
    that says its own count with 共计 stays a part when the list goes on to a catch-all last item;
    the parts (3914) exceed the whole (field13, 子长市 2023: the list was read as its first three
    items, partial, and the slip missed). Without the catch-all, a 共计 clause may be a total and
    the list stops before it."""
    text, line = _wrap("2024年,网站公开信息共计3437条,包括:人事信息12条,政务动态1740条,公告公示225条,"
                       "解读及回应信息共计110条,其他类信息1827条。")
    d = found(text, "RL202")
    assert [x.line for x in d] == [line] and "3914" in d[0].message and "3437" in d[0].message
    for s in ("2024年,网站公开信息共计3437条,包括:人事信息12条,政务动态1740条,全年发布信息共计1900条,办结5条。",
              "2024年,网站公开信息共计3437条,其中人事信息12条,政务动态1740条,解读信息共计110条,图解信息20条。"):
        text, _ = _wrap(s)
        assert found(text, "RL202") == [], s


def test_rl202_sublist_exceeds():
    text, line = _wrap("共发布信息3682条,其中,主动公开政府信息1233条,含规范性文件2条,其他文件1241条。")
    assert [d.line for d in found(text, "RL202")] == [line]


def test_rl202_complete_list():
    text, line = _wrap("共办理提案10件,分别为人大建议3件、政协提案6件。")
    assert [d.line for d in found(text, "RL202")] == [line]
    text, _ = _wrap("共办理提案10件,分别为人大建议3件、政协提案7件。")
    assert found(text, "RL202") == []


def test_rl202_included_then_total():
    text, line = _wrap("全年收到的申请包括网上申请3件、信函申请2件,共6件。")
    assert [d.line for d in found(text, "RL202")] == [line]
    for ok in ("全年收到的申请包括网上申请3件、信函申请3件,共6件。", "包括网上申请3件、信函申请2件等,共6件。"):
        text, _ = _wrap(ok)
        assert found(text, "RL202") == [], ok


def test_rl201_requests():
    text, line = _wrap("2024年,我局共收到政府信息公开申请12件。", new=11)
    d = found(text, "RL201")
    assert [x.line for x in d] == [line] and "12" in d[0].message and "11" in d[0].message and d[0].related
    for s in ("2024年,我局共收到政府信息公开申请11件。", "全年共受理政府信息公开申请14件。"):
        text, _ = _wrap(s, new=11, co=3)
        assert found(text, "RL201") == [], s


def test_rl201_outcomes_reviews_fees():
    text, line = _wrap("予以公开12件,结转下年度0件。", new=11)
    assert [d.line for d in found(text, "RL201")] == [line]
    text, line = _wrap("因政府信息公开被申请行政复议2件,被提起行政诉讼5件。", reviews=(2, 3, 1))
    assert [d.line for d in found(text, "RL201")] == [line] and "5" in found(text, "RL201")[0].message
    text, _ = _wrap("因政府信息公开被申请行政复议2件,被提起行政诉讼4件。", reviews=(2, 3, 1))
    assert found(text, "RL201") == []
    text, line = _wrap("2024年,我局行政事业性收费共计20万元。", fee="19")
    assert [d.line for d in found(text, "RL201")] == [line]
    text, _ = _wrap("2024年,我局行政事业性收费共计19.5万元。", fee="19.5")
    assert found(text, "RL201") == []


def test_rl201_each_number_in_its_own_clause():
    """FORMAT.md §8: "复议…134件，诉讼…57件" must not tie 57 to 复议."""
    text, _ = _wrap("因政府信息公开被申请行政复议134件,被提起行政诉讼57件。", reviews=(134, 50, 7))
    assert found(text, "RL201") == []
    text, line = _wrap("因政府信息公开被申请行政复议57件,被提起行政诉讼134件。", reviews=(134, 50, 7))
    assert [d.line for d in found(text, "RL201")] == [line, line]
    text, _ = _wrap("行政复议和行政诉讼各1件。", reviews=(2, 0, 0))
    assert found(text, "RL201") == []


def test_rl201_other_body_or_period_silent():
    for s in ("区政府办代表区政府受理政府信息公开申请17件。", "全市共收到政府信息公开申请95件。",
              "上一年度收到政府信息公开申请30件。", "2023年收到政府信息公开申请8件。", "全年收到政府信息公开申请约20件。"):
        text, _ = _wrap(s, new=11)
        assert found(text, "RL201") == [], s


def test_rl301():
    text, _ = _wrap("全年共收到公开申请11宗,上一年度结转公开申请0宗。因本机关不掌握无法提供1宗,占9.1%;另行制作的8宗,占72.7%。")
    assert found(text, "RL301") == []
    text, line = _wrap("全年共收到公开申请11宗。因本机关不掌握无法提供1宗,占10%;另行制作的8宗,占72.7%。")
    d = found(text, "RL301")
    assert [x.line for x in d] == [line] and d[0].severity == Severity.ERROR
    text, line = _wrap("全年共收到公开申请23件,其中予以公开1件,占4.34%。", new=23)  # 4.348 truncated
    d = found(text, "RL301")
    assert [x.severity for x in d] == [Severity.WARNING]
    text, _ = _wrap("全年共收到公开申请23件,其中予以公开1件,占4.35%。", new=23)
    assert found(text, "RL301") == []
    # no whole anywhere (and no table): nothing
    assert [d for d in check("网上申请3件,占70%。") if d.code == "RL301"] == []


def test_rl301_a_part_with_its_own_share_is_no_whole_of_the_next():
    """A page break inside a list of shares (a text layer: the footer 第 1 页 共 2 页 and the
    running title between two items) leaves the next share with no whole in its paragraph: the
    item before it, which has its own share, is a part, never the whole (1/1 = 100%)."""
    head = "某某局2019年政府信息公开工作年度报告\n一、总体情况\n"

    def rl301(body):
        return [d.line for d in check(head + body) if d.code == "RL301"]

    assert rl301("2019年新增主动公开政府信息362条,其中,人事信息6条,占1.66%;政府信息公开工作年\n"
                 "第 1 页 共 2 页\n政府信息公开工作年度报告\n度报告信息1条,占0.28%;政府信息公\n"
                 "开指南信息1条,占0.28%。\n") == []
    # a whole stated before its parts is still one
    assert rl301("全年共收到公开申请11宗。因本机关不掌握无法提供1宗,占10%。\n") == [3]


def test_rl301_share_right_for_the_tables_count_is_not_a_second_finding():
    """部分公开6件,占100.0% of 受理5件 where the table says 5: the count is wrong (RL201), the share
    is right for the table's 5 out of 5, so RL301 stays silent even though 5 < 6 (found by hypothesis)."""
    def report(narrative):
        tables = synth.random_tables(random.Random(1), "2021", zero_share=1.0)
        req = tables["requests"]
        req["new"], req["carried_over"] = [5, 0, 0, 0, 0, 0, 5], [13, 0, 0, 0, 0, 0, 13]
        req["granted"], req["partially_granted"] = [13, 0, 0, 0, 0, 0, 13], [5, 0, 0, 0, 0, 0, 5]
        req["total"] = [18, 0, 0, 0, 0, 0, 18]
        lines = synth.render_report(tables, "pipe", random.Random(2), template="2021", year=2024, noise=0).text.split("\n")
        i = next(k for k, ln in enumerate(lines) if ln.startswith("一、"))
        return "\n".join(lines[:i + 1] + [narrative] + lines[i + 1:]), i + 2

    text, line = report("全年共受理5件,上年结转13件。其中部分公开6件,占100.0%。")
    assert [(d.code, d.line) for d in check(text) if d.code in CODES] == [("RL201", line)]
    text, line = report("全年共受理5件,上年结转13件。其中部分公开6件,占90.0%。")
    assert sorted(d.code for d in check(text) if d.code in CODES) == ["RL201", "RL301"]


def test_rl301_share_of_named_whole():
    """占全部申请的P% / 占办结总数的P%: the words after 占 say which whole."""
    text, _ = _wrap("全年共收到公开申请11宗,予以公开1宗,占全部申请的9.1%。")
    assert found(text, "RL301") == []
    text, line = _wrap("全年共收到公开申请11宗,予以公开1宗,占全部申请的9.5%。")
    assert [d.line for d in found(text, "RL301")] == [line]
    # 办结 names the outcomes total (here 14 = 11 new + 3 carried over), not the 11 received
    text, _ = _wrap("全年共收到公开申请11件。予以公开7件,占办结总数的50%。", new=11, co=3)
    assert found(text, "RL301") == []
    text, line = _wrap("全年共收到公开申请11件。予以公开7件,占办结总数的63.6%。", new=11, co=3)
    assert [d.line for d in found(text, "RL301")] == [line]
    # a share of something the tables do not hold as one number: no whole, no finding
    for s in ("全年共收到公开申请11件,网上申请7件,占自然人申请的90%。", "予以公开7件,占全市的3%。"):
        text, _ = _wrap(s)
        assert found(text, "RL301") == [], s


def test_rl302_listed_shares_exceed_100():
    text, line = _wrap("全年共收到公开申请11件,予以公开、部分公开、不予公开分别占60%、30%、20%。")
    d = found(text, "RL302")
    assert [(x.line, x.severity) for x in d] == [(line, Severity.WARNING)] and "110" in d[0].message
    for ok in ("予以公开、部分公开、不予公开分别占60%、30%、10%。",  # less than 100: others may exist
               "予以公开、部分公开分别占66.7%、33.4%。"):  # 100.1: within rounding
        text, _ = _wrap(ok)
        assert found(text, "RL302") == [], ok


def test_rl302_partition_with_tolerance():
    """Counts that add up to the whole make a complete partition: its shares must make 100%.
    Shares each right at the printed precision can only miss 100 by rounding, so the rule
    fires when a configured tolerance let a wrong share through RL301."""
    s = "全年共收到公开申请11件,其中予以公开5件,占45.5%;部分公开6件,占55.5%。"
    text, line = _wrap(s)
    assert [d.line for d in found(text, "RL301")] == [line]  # 55.5 is wrong (54.5): RL301's finding
    assert found(text, "RL302") == []
    eng = Engine(Config())
    eng.ctx.percent_tolerance = 1.0
    text, line = _wrap("全年共收到公开申请11件,其中予以公开5件,占46.5%;部分公开6件,占55.5%。")  # each 1 off
    ds = eng.check_source(source.from_text(text, "r.txt")).diagnostics
    assert [(d.code, d.line) for d in ds if d.code in ("RL301", "RL302")] == [("RL302", line)]
    text, _ = _wrap("全年共收到公开申请11件,其中予以公开5件,占45.5%;部分公开6件,占54.5%。")
    assert [d for d in eng.check_source(source.from_text(text, "r.txt")).diagnostics if d.code == "RL302"] == []


def test_rl302_shares_of_nothing():
    """Counts of 0 out of 0 with 0.0% beside them: no partition to check, and no crash."""
    text, _ = _wrap("全年共收到公开申请0件,其中予以公开0件,占0.0%;部分公开0件,占0.0%。", new=0)
    assert [d for d in check(text) if d.code in ("RL301", "RL302")] == []


def test_rl203_all_upheld():
    rows = {"review": (2, 1, 0, 0)}
    text, line = _wrap("因政府信息公开被申请行政复议3件,均获维持。", review_rows=rows)
    d = found(text, "RL203")
    assert [x.line for x in d] == [line] and "纠正" in d[0].message and d[0].related
    # litigation is named, reviews are not: the corrected review does not contradict it
    text, _ = _wrap("被提起行政诉讼2件,均获维持。", review_rows={"review": (2, 1, 0, 0), "litigation_direct": (2, 0, 0, 0)})
    assert found(text, "RL203") == []
    text, line = _wrap("行政复议2件,行政诉讼2件,均获维持。",
                       review_rows={"review": (2, 0, 0, 0), "litigation_after_review": (1, 0, 0, 1)})
    assert [x.line for x in found(text, "RL203")] == [line]
    text, line = _wrap("被申请行政复议3件,目前均已审结。", review_rows={"review": (2, 0, 0, 1)})
    assert [x.line for x in found(text, "RL203")] == [line]
    for ok, rows in (("因政府信息公开被申请行政复议3件,均获维持。", {"review": (3, 0, 0, 0)}),
                     ("上年度行政复议案件均获维持。", {"review": (2, 1, 0, 0)}),
                     ("行政复议3件,并非均获维持。", {"review": (2, 1, 0, 0)}),
                     ("建议提案均已按时办结。", {"review": (2, 0, 0, 1)})):
        text, _ = _wrap(ok, review_rows=rows)
        assert found(text, "RL203") == [], ok


def test_rl203_silent_on_a_row_that_contradicts_itself():
    """均获维持 against a review row whose results do not add up to its total (upheld 2 +
    corrected 1 ≠ total 2): the row is wrong (RL104), which cell is not known, so the prose is
    not judged against it (one slip, one finding; found by hypothesis)."""
    def report(row):
        tables = synth.random_tables(random.Random(1), "2021", zero_share=1.0)
        for g in synth.REVIEW_GROUPS:
            tables["reviews"][g] = {"upheld": 0, "corrected": 0, "other": 0, "pending": 0, "total": 0}
        tables["reviews"]["review"] = row
        lines = synth.render_report(tables, "pipe", random.Random(2), template="2021", year=2024, noise=0).text.split("\n")
        i = next(k for k, ln in enumerate(lines) if ln.startswith("一、"))
        return "\n".join(lines[:i + 1] + ["因政府信息公开被申请行政复议2件,均获维持。"] + lines[i + 1:])

    text = report({"upheld": 2, "corrected": 1, "other": 0, "pending": 0, "total": 2})
    assert found(text, "RL203") == [] and [d.code for d in check(text) if d.code == "RL104"] == ["RL104"]
    text = report({"upheld": 1, "corrected": 1, "other": 0, "pending": 0, "total": 2})
    assert len(found(text, "RL203")) == 1


def test_rl201_active_table():
    docs = {"normative_documents": {"issued": 3, "repealed": 1, "in_force": 40}}
    text, _ = _wrap("2024年,我局制发行政规范性文件3件,废止规范性文件1件,现行有效规范性文件40件。", active=docs)
    assert found(text, "RL201") == []
    text, line = _wrap("2024年,我局制发行政规范性文件4件。", active=docs)
    assert [d.line for d in found(text, "RL201")] == [line]
    text, line = _wrap("现行有效的规范性文件41件。", active=docs)
    assert [d.line for d in found(text, "RL201")] == [line]
    for ok in ("清理规范性文件12件。", "完善内部规章制度5项。", "发布规范性文件解读8篇。"):
        text, _ = _wrap(ok, active=docs)
        assert found(text, "RL201") == [], ok


def test_rl301_tolerance():
    text, line = _wrap("全年共收到公开申请11宗。无法提供1宗,占9.2%。")
    assert [d.line for d in found(text, "RL301")] == [line]
    eng = Engine(Config())
    eng.ctx.percent_tolerance = 0.1
    assert [d for d in eng.check_source(source.from_text(text, "r.txt")).diagnostics if d.code == "RL301"] == []


# ---------------------------------------------------------------- seeds

def _lines(prefix: str) -> dict:
    ds = ENGINE.check_source(source.from_text(seed(prefix), "r.txt")).diagnostics
    return {c: [d.line for d in ds if d.code == c] for c in CODES}


def test_seeds():
    quiet = dict.fromkeys(CODES, [])
    assert _lines("000") == quiet
    assert _lines("001") == {**quiet, "RL202": [7]}
    assert _lines("002") == {**quiet, "RL201": [5]}
    assert _lines("003") == quiet
    assert _lines("004") == quiet


def test_seed_002_received_and_handled():
    """共收到及办理依申请公开47件: new is 48, handled 47: the "received" half is false (an error
    whose message says the 47 is the handled total); a number matching neither is an error too."""
    ds = [d for d in ENGINE.check_source(source.from_text(seed("002"), "r.txt")).diagnostics if d.code == "RL201"]
    assert [(d.line, d.severity) for d in ds] == [(5, Severity.ERROR)] and "48" in ds[0].message
    assert "办理结果总计" in ds[0].message
    text = seed("002").replace("办理依申请公开47件", "办理依申请公开45件")
    ds = [d for d in ENGINE.check_source(source.from_text(text, "r.txt")).diagnostics if d.code == "RL201"]
    assert [(d.line, d.severity) for d in ds] == [(5, Severity.ERROR)]


@pytest.mark.parametrize("prefix,old,new,line", [("000", "占72.7%", "占70.7%", 5), ("004", "占75%;當面", "占70%;當面", 6)])
def test_seed_changed_percentage(prefix, old, new, line):
    text = seed(prefix)
    assert old in text
    ds = ENGINE.check_source(source.from_text(text.replace(old, new, 1), "r.txt")).diagnostics
    assert [d.line for d in ds if d.code == "RL301"] == [line]


# ---------------------------------------------------------------- property

@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 2**32 - 1), layout=st.sampled_from(synth.LAYOUTS),
       template=st.sampled_from(synth.TEMPLATES), traditional=st.booleans(), fullwidth=st.booleans())
def test_synth_narrative_no_false_alarm(seed, layout, template, traditional, fullwidth):
    rng = random.Random(seed)
    r = synth.random_report(rng, layout=layout, template=template, traditional=traditional,
                            fullwidth_digits=fullwidth)
    ds = ENGINE.check_source(source.from_bytes(r.text.encode("utf-8"), "r.txt")).diagnostics
    assert [(d.code, d.line, d.message) for d in ds if d.code in CODES] == []


# A number the synthetic narrative states, and what it restates; group 1 is the phrase, 2 the
# number (ASCII or full-width digits), or 3 a percentage.
_CLAIMED = re.compile(
    r"(共收到政府信息公开申请|上年结转|其中予以公开|；予以公开|部分公开|无法提供|结转下年度继续办理|被申请行政复议|被提起行政诉讼"
    r"|行政事业性收费共计|[局委关]共收到|[局委关]共受理|本年度共办结)([0-9０-９]+(?:\.[0-9]+)?)(?=件|宗|个|万元)"
    r"|占([0-9０-９]+\.[0-9０-９])%"
)
_FW = str.maketrans("０１２３４５６７８９", "0123456789")


def _near_values(r) -> set[Decimal]:
    """Every number a changed prose number could coincide with and so pass for consistent."""
    out = set()
    for row in r.tables["requests"].values():
        out.update(Decimal(v) for v in row if v is not None)
    for g in synth.REVIEW_GROUPS:
        out.update(Decimal(v) for v in r.tables["reviews"][g].values() if v is not None)
    req = r.tables["requests"]
    for group in ("withheld", "unavailable", "not_processed", "other"):  # 无法提供 may mean the group
        out.add(Decimal(sum(row[6] or 0 for k, row in req.items() if k.split(".")[0] == group)))
    if None not in (req["new"][6], req["carried_over"][6]):
        out.add(Decimal(req["new"][6] + req["carried_over"][6]))
    if None not in (req["total"][6], req["carried_forward"][6]):  # 办结 may count what goes on next year
        out.add(Decimal(req["total"][6] + req["carried_forward"][6]))
    tots = [r.tables["reviews"][g]["total"] for g in synth.REVIEW_GROUPS]
    if None not in tots:
        out.add(Decimal(tots[1] + tots[2]))
    return out


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 2**32 - 1), layout=st.sampled_from(synth.LAYOUTS),
       template=st.sampled_from(synth.TEMPLATES), fullwidth=st.booleans(), pick=st.integers(0, 10**6),
       delta=st.integers(1, 40))
def test_synth_narrative_one_changed_number_is_found(seed, layout, template, fullwidth, pick, delta):
    """Change one number or percentage of consistent prose: exactly one new finding, on its line."""
    r = synth.random_report(random.Random(seed), layout=layout, template=template, fullwidth_digits=fullwidth)
    assume(all(r.recoverable.values()))  # a row even we cannot read has nothing to compare with
    spots = list(_CLAIMED.finditer(r.text))
    assume(spots)
    m = spots[pick % len(spots)]
    g = 2 if m.group(2) else 3
    old = Decimal(m.group(g).translate(_FW))
    if g == 2:
        new = old + delta
        assume(new not in _near_values(r))
        shown = str(new)
    else:
        new = old + Decimal(delta) / 10 * (1 if old < 50 else -1)
        req = r.tables["requests"]
        # the share must fit no whole: neither rounded nor truncated, of any count the prose has
        wholes = {Decimal(v) for v in (req["new"][6], req["total"][6]) if v}
        if req["new"][6] is not None and req["carried_over"][6] is not None and req["new"][6] + req["carried_over"][6]:
            wholes.add(Decimal(req["new"][6] + req["carried_over"][6]))
        counts = _near_values(r)  # cells, and group sums a phrase may also mean (无法提供: Σunavailable)
        assume(all(abs(c * 100 / w - new) >= Decimal("0.1") for c in counts for w in wholes))
        shown = f"{new:.1f}"
    a, b = m.span(g)
    changed = r.text[:a] + shown + r.text[b:]
    line = r.text.count("\n", 0, a) + 1

    def codes(text):
        ds = ENGINE.check_source(source.from_bytes(text.encode("utf-8"), "r.txt")).diagnostics
        return collections.Counter((d.code, d.line) for d in ds)

    before, after = codes(r.text), codes(changed)
    assert not [k for k in before if k[0] in CODES], before
    extra, lost = after - before, before - after
    assert list(lost) == [] and len(list(extra.elements())) == 1, (m.group(), shown, extra, lost)
    code, at = next(iter(extra))
    assert at == line and code in CODES, (m.group(), shown, code, at, line)


# ---------------------------------------------------------------- real shapes (issue: trust on real reports)


@pytest.mark.parametrize("text,exp", [
    # a list in brackets after its whole, one label holding 、 (pingtan2020)
    ("全年共公布政府信息2602条(其中机构职能类信息82条,政策、规范性文件类信息80条,其他应主动公开政府信息2441条),"
     "对于主动公开的政府信息,主要通过网站发布。", "2603"),
    # the same list, a last item 其他… that takes in the rest: complete, and short of the whole (pingtan2019)
    ("共公布政府信息2599条,(其中机构职能类信息25条,政策、规范性文件类信息68条,其他应主动公开政府信息856条)对于主动公开的政府信息,"
     "主要通过网站发布。", "949"),
    # parts written alike in the next sentences (pingtan2012)
    ("2012年主动公开政府信息1913条。其中,区直、县直各单位主动公开政府信息1397条,占73%。各乡镇主动公开政府信息534条,占27%。",
     "1931"),
    # a list of categories whose whole was stated before, catch-all included (pingtan2014)
    ("2024年主动公开政府信息2543条。(二)主动公开政府信息的主要类别 2024年,我区各工作部门主动公开政府信息的主要类别有:"
     "机构职能类信息594条,政策、规范性文件类信息281条,其他应主动公开的信息1700条。", "2575"),
    # a sentence opening with what it splits, shares adding up to 100% (pingtan_county2012)
    ("制作、获取政府信息总数3978条,其中主动公开政府信息2026条,不予公开信息数1854条。主动公开的政府信息,"
     "县直各单位主动公开政府信息2475条,占62.2%。各乡镇主动公开政府信息1503条,占37.8%。", "3978"),
])
def test_rl202_real_shapes(text, exp):
    t, line = _wrap(text)
    d = found(t, "RL202")
    assert [x.line for x in d] == [line] and exp in d[0].message and d[0].severity == Severity.ERROR, text


@pytest.mark.parametrize("text", [
    "全年共公布政府信息2602条(其中机构职能类信息82条,政策、规范性文件类信息80条,其他应主动公开政府信息2440条),对于主动公开的政府信息,主要通过网站发布。",
    "2012年主动公开政府信息1913条。其中,区直、县直各单位主动公开政府信息1397条,占73%。各乡镇主动公开政府信息516条,占27%。",
    "2024年主动公开政府信息2543条。(二)主要类别 2024年,我区各工作部门主动公开政府信息的主要类别有:机构职能类信息594条,"
    "政策、规范性文件类信息281条,其他应主动公开的信息1668条。",
    # the whole named is last year's: not this list's whole
    "2023年主动公开政府信息2543条。(二)主要类别 2024年,我区各工作部门主动公开政府信息的主要类别有:机构职能类信息594条,"
    "政策、规范性文件类信息281条,其他应主动公开的信息1700条。",
    "主动公开市政府规章13件(含新制定5件,修改4件,废止4件)。",  # (含…) after its whole, exact
    "共发布信息314条,其中,人员招录信息3条,财政预算、决算信息2条,教育、科技、文化、卫生等信息268条。",  # partial
    "主动公开政府信息50条。其中机构类信息20条,内有领导成员10条、机构职能4条、机构概况1条、直属单位5条;工作类信息11条,其中镇街动态3条、"
    "计划总结3条、通知公告5条。",  # nested lists, each exact; a ; between lists is not one list
    "主动公开政府信息共计104208条,其中:通过网站公开信息69449条,政务新媒体公开政府信息80000余条。",  # approximate part
    "2012年,在网站主动公开的1913条政府信息中,机构职能信息133条,占6.95%;政策、规范性文件类信息403条,占21.07%。",  # partial
    "共发布信息500条,其中政策文件100条,其他信息200条等。",  # 等: not all there is
])
def test_rl202_real_shapes_silent(text):
    t, _ = _wrap(text)
    assert found(t, "RL202") == [], text


def test_rl301_base_of_a_list_and_said():
    """占P% of a part is taken of its list's whole first, and the message says where the whole is."""
    s = ("2012年,在网站主动公开的1913条政府信息中,机构职能信息133条,占6.95%;行政许可类信息145条,占8.05%;"
         "规划计划类信息12条,占0.63%。")
    t, line = _wrap(s)
    d = found(t, "RL301")
    assert [x.line for x in d] == [line] and "145/1913 = 7.58%" in d[0].message and "1913条" in d[0].message
    assert d[0].severity == Severity.ERROR
    t, line = _wrap("2012年主动公开政府信息1913条。其中,区直各单位主动公开政府信息1379条,占72%。各乡镇主动公开政府信息534条,占27%。")
    d = found(t, "RL301")
    assert [(x.line, x.severity) for x in d] == [(line, Severity.WARNING)] and "截断" in d[0].message  # 27.91 → 27


def test_rl301_a_whole_smaller_than_the_part_is_not_its_whole():
    """33.9% of 18 would be 1433.3%: 18 is not the whole of 258, and nothing is said about it."""
    t, _ = _wrap("全年共收到公开申请18件。予以公开258条,占33.9%。")
    assert found(t, "RL301") == []


@pytest.mark.parametrize("text,n", [
    ("(二)依申请公开情况。2024年,我局共收到12件,上年结转0件。", 1),
    ("(二)依申请公开情况。本年度共办结160件。", 1),
    ("(二)依申请公开情况。2024年,我局共收到11件,本年度共办结11件。", 0),
    ("(一)主动公开情况。本年度共办结160件。", 0),  # not about the requests
    ("(二)依申请公开情况。我局共受理审批事项117件。", 0),  # says what it received: not requests
])
def test_rl201_subject_given_by_the_paragraph(text, n):
    t, line = _wrap(text, new=11)
    assert [d.line for d in found(t, "RL201")] == [line] * n, text


@pytest.mark.parametrize("text,n", [
    ("予以公开及部分公开42件。", 1), ("予以公开、部分公开共42件。", 1), ("予以公开、部分公开共11件。", 0),
    ("不予公开、无法提供、不予处理共11件。", 0),  # one number for several rows: compared with none
    ("全年受理行政许可申请300件,办结审批事项280件。", 0),  # applications of another kind
])
def test_rl201_combined_categories(text, n):
    t, line = _wrap(text, new=11)
    assert [d.line for d in found(t, "RL201")] == [line] * n, text


def _wrap_fwd(narrative: str, fwd: int):
    rng = random.Random(1)
    tables = synth.random_tables(rng, "2021", zero_share=1.0)
    req = tables["requests"]
    req["new"] = [11, 0, 0, 0, 0, 0, 11]
    req["carried_over"] = [0] * 7
    req["granted"] = [11 - fwd, 0, 0, 0, 0, 0, 11 - fwd]
    req["total"] = [11 - fwd, 0, 0, 0, 0, 0, 11 - fwd]
    req["carried_forward"] = [fwd, 0, 0, 0, 0, 0, fwd]
    r = synth.render_report(tables, "pipe", random.Random(2), template="2021", year=2024, noise=0)
    lines = r.text.split("\n")
    i = next(k for k, ln in enumerate(lines) if ln.startswith("一、"))
    lines.insert(i + 1, narrative)
    return "\n".join(lines), i + 2


@pytest.mark.parametrize("text,fwd,n", [
    ("2024年共收到政府信息公开申请11件,所有申请均已办结。", 2, 1),
    ("2024年共收到政府信息公开申请11件,均按要求办理完成。", 2, 1),
    ("(二)依申请公开情况。本年度共受理11件,均已办结。", 2, 1),
    ("2024年共收到政府信息公开申请11件,已全部办结。", 0, 0),
    ("2024年共收到政府信息公开申请11件,除2件结转下年度外,其余均已办结。", 2, 0),
    ("2024年共收到政府信息公开申请11件,均在法定期限内答复。", 2, 0),
    ("建议提案均已按时办结。", 2, 0),
    ("全年受理行政许可申请300件,均已办结。", 2, 0),  # applications of another kind
])
def test_rl203_all_requests_concluded(text, fwd, n):
    t, line = _wrap_fwd(text, fwd)
    d = found(t, "RL203")
    assert [x.line for x in d] == [line] * n, text
    if n:
        assert str(fwd) in d[0].message and d[0].severity == Severity.ERROR


@pytest.mark.parametrize("text,co,n", [
    ("今年我局共受理审批事项117件,办结171件,办结率100%。", 0, 1),
    ("今年我局共受理申请11件,办结13件。", 0, 1),
    ("今年我局共受理申请11件,办结13件。", 2, 0),  # the table carries 2 over from last year
    ("今年我局共受理申请11件,办结13件(含上年结转2件)。", 0, 0),
    ("今年我局共受理申请11件,办结11件。", 0, 0),
])
def test_rl204_handled_exceeds_received(text, co, n):
    t, line = _wrap(text, co=co)
    d = found(t, "RL204")
    assert [(x.line, x.severity) for x in d] == [(line, Severity.WARNING)] * n, text


def test_rl204_on_an_old_report():
    text = ("某某地方税务局2013年政府信息公开工作年度报告\n一、概述\n今年我局共受理审批事项117件,办结171件,办结率100%。\n"
            "二、主动公开政府信息情况\n无。\n")
    assert [d.code for d in check(text) if d.code in CODES + ("RL204",)] == ["RL204"]


def test_rl406_plan_for_the_report_year():
    text = ("某某区2016年政府信息公开工作年度报告\n一、概述\n2016年,我区认真落实条例。\n六、主要问题和改进措施\n"
            "仍存在一些不足。2016年,我们将采取以下措施加以改进:一是加强培训。\n")
    d = [x for x in check(text) if x.code == "RL406"]
    assert [(x.line, x.severity) for x in d] == [(5, Severity.WARNING)] and "2017" in d[0].message
    ok = text.replace("仍存在一些不足。2016年,我们将", "仍存在一些不足。2017年,我们将")
    assert [x for x in check(ok) if x.code == "RL406"] == []
    ok = text.replace("2016年,我们将采取以下措施加以改进", "2016年,我局将政务公开纳入考核")  # 将 = 把: not a plan
    assert [x for x in check(ok) if x.code == "RL406"] == []


def test_shares_of_a_long_paragraph_take_linear_time():
    """A one-line page is one paragraph: every share weighs the wholes stated before it, so that
    must not be all of them (it was: 2000 shares took 2 s, 4000 took 8)."""
    import time

    def cost(n: int) -> float:
        text = ("2024年政府信息公开工作年度报告\n一、总体情况\n在主动公开的1913条政府信息中,"
                + "机构职能信息1条,占0.05%;共发布信息3条,占0.16%;" * n + "\n")
        best = 1e9
        for _ in range(3):
            t0 = time.process_time()
            check(text)
            best = min(best, time.process_time() - t0)
        return best

    small, big = cost(300), cost(2400)
    assert big < 24 * small + 0.05, (small, big)  # 8x the text: linear is ~8x, quadratic ~64x


def test_rl203_one_search_for_either_wording_finds_what_the_two_find():
    """RL203 looks once for either wording (upheld, concluded) before cutting sentences: the
    one pattern finds a text to look at exactly when one of the two does."""
    import random

    from report_lint.rules.narrative import RL203

    rng = random.Random(3)
    pieces = ["均", "全部", "都", "一律", "已", "被", "获", "获得", "予以", "得到", "维持", "胜诉", "审结", "结案", "办结", "x", "。"]
    for _ in range(5000):
        t = "".join(rng.choice(pieces) for _ in range(rng.randrange(8)))
        either = RL203._EITHER.search(t) is not None
        assert either == (RL203.UPHELD.search(t) is not None or RL203.CONCLUDED.search(t) is not None), t


# ------------------------------------------------ field15: prose lists of 地级市 and 省级 reports


@pytest.mark.parametrize("text", [
    # the list reaches its whole exactly, then the sentence goes on to counts of work done (留言收到,
    # 办结, 公开答复): another topic, not kinds of the information (林州 2023)
    "2024年度主动公开政府信息5648条。其中,信息公开目录信息4804条、政务动态信息838条、概况类信息6条,"
    "互动交流留言收到1465条、办结1213条、公开答复24条,解读信息发布22条。",
    # a ; between groups of items, the first group closing with 其他文件 (a kind of 文件, not
    # everything else): the sentence lists more items after it (广东省政府办公厅 2023)
    "主动公开政府信息345条,其中规章11条、行政规范性文件8条、其他文件102条;省政府工作报告2条、"
    "政务动态类信息213条、其他信息9条。",
])
def test_rl202_field15_silent(text):
    t, _ = _wrap(text)
    assert found(t, "RL202") == [], text


def test_rl202_parts_before_a_count_of_work_done_are_still_judged():
    """Stopping at 留言收到… does not hide parts that exceed the whole before it."""
    t, line = _wrap("2024年度主动公开政府信息5000条。其中,目录信息4804条、动态信息838条,留言收到1465条、办结1213条。")
    d = found(t, "RL202")
    assert [x.line for x in d] == [line] and "5642" in d[0].message and d[0].severity == Severity.ERROR


def test_rl202_forms_of_one_interpretation_may_overlap():
    """解读 counted by its forms (文字, 图片, 视频): one 解读 may take several forms, so parts one
    over the whole are not certainly a slip: a warning that says so, not an error (福州 2023)."""
    t, line = _wrap("2024年政府网站发布政策解读205篇,其中文字解读144篇,图片解读61篇,视频解读1篇。")
    d = found(t, "RL202")
    assert [x.line for x in d] == [line] and d[0].severity == Severity.WARNING and "形式" in d[0].message
    # kinds that cannot overlap stay an error
    t, _ = _wrap("2024年政府网站发布政策解读205篇,其中政策文件解读144篇,部门文件解读61篇,其他解读1篇。")
    assert [x.severity for x in found(t, "RL202")] == [Severity.ERROR]


# field17: a count said with the carried-over ones included, and a part "其中新收到" of the whole
@pytest.mark.parametrize("text,new,co,n", [
    ("2024年,我局共收到政府信息公开申请45件(含上年度结转3件)。", 38, 3, 1),  # 45 != 38 + 3
    ("2024年,我局共收到政府信息公开申请45件（含上年结转3件）。", 38, 3, 1),
    ("2024年,我局共收到政府信息公开申请41件(含上年度结转3件)。", 38, 3, 0),
    ("2024年,我局共收到政府信息公开申请41件(含上年度结转4件)。", 38, 3, 1),  # the carried-over count
    ("全年共收到政府信息公开申请20件,其中新收到13件。", 14, 6, 1),
    ("全年共收到政府信息公开申请20件,其中新收到14件。", 14, 6, 0),
    ("全年共收到政府信息公开申请20件,其中,本年度新收到14件,上年结转6件。", 14, 6, 0),
    ("全年共收到政府信息公开申请20件,其中,本年度新收到13件,上年结转6件。", 14, 6, 1),
    ("全年共收到政府信息公开申请20件,其中本年新收13件。", 14, 6, 1),
    ("全年共办理群众来信20件,其中新收到13件。", 14, 6, 0),  # a whole of another kind
    ("共发布信息20条,其中新收到13条。", 14, 6, 0),
])
def test_rl201_carried_over_included_and_new_part(text, new, co, n):
    t, line = _wrap(text, new=new, co=co)
    assert [d.line for d in found(t, "RL201")] == [line] * n, text


# field17: "内容包括" after the whole, items with bracketed notes and items said without a count
@pytest.mark.parametrize("text,n", [
    ("通过网站公开信息100条,内容包括工作动态60条(街道5个科室)、办事指南1条、法定主动公开内容30条(政策文件、机构职能、"
     "政府采购)、年度报告、基层政务公开10条(养老服务、社会救助等)。", 1),  # 60+1+30+10 = 101 > 100
    ("通过网站公开信息101条,内容包括工作动态60条(街道5个科室)、办事指南1条、法定主动公开内容30条(政策文件、机构职能、"
     "政府采购)、年度报告、基层政务公开10条(养老服务、社会救助等)。", 0),
    ("通过网站公开信息110条,内容包括工作动态60条、办事指南1条、年度报告、基层政务公开10条。", 0),  # less: partial
    ("通过网站公开信息50条,内容包括工作动态30条、办事指南30条。", 1),
])
def test_rl202_contents_list_with_notes_and_countless_items(text, n):
    t, line = _wrap(text)
    assert [d.line for d in found(t, "RL202")] == [line] * n, text
