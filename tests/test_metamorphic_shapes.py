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
