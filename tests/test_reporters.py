"""report_lint.reporters: the JSON contract and the text output people read.

Snapshots of the text output live in tests/snapshots/. After an intended change, regenerate
them and read the diff::

    REPORT_LINT_UPDATE_SNAPSHOTS=1 python -m pytest -q tests/test_reporters.py
"""

from __future__ import annotations

import difflib
import json
import os
import re
import subprocess
import sys
import time
import unicodedata
from pathlib import Path

import pytest

from report_lint.findings import Diagnostic, FileResult, RelatedPosition, Severity
from report_lint.reporters import FORMATS, render
from report_lint.reporters import text as text_reporter
from report_lint.source import Source, from_text

SNAPSHOTS = Path(__file__).resolve().parent / "snapshots"
ANSI = re.compile(r"\x1b\[[0-9;]*m")

# ------------------------------------------------------------------------------ fixture

# A report as office staff write it: CJK, full-width digits and brackets, a table with tabs,
# a one-line web page pasted in, and a table that stops part-way.
LONG_LINE = (
    '<div class="TRS_Editor"><p>'
    + "为进一步推进政务公开工作，" * 40
    + "本年度共办理\ufffd\ufffd件申请，"
    + "全面提升政府信息公开质量和实效。" * 40
    + "</p></div>"
)
REPORT = "\n".join(
    [
        "某县人民政府办公室2024年政府信息公开工作年度报告",
        "一、总体情况",
        "2024年，本机关全年共收到政府信息公开申请４９件，详见[附表]。",
        "三、收到和处理政府信息公开申请情况",
        "| （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |",
        "| 一、本年新收政府信息公开申请数量 | 47 | 1 | 1 | 0 | 0 | 0 | 48 |",
        "| 二、上年结转政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |",
        "（二）部分公开\t２.５\t0\t0\t0\t0\t0\t２.５",
        "（三）不予公开",
        "1.属于国家秘密",
        "2.其他法律行政法规禁止公开",
        LONG_LINE,
        "",
    ]
)
PATH = "reports/某县政府办2024年度报告.txt"


def locate(src: Source, needle: str, nth: int = 0, through: str | None = None) -> tuple[int, int, int, int]:
    """(line, column, end_line, end_column) of ``needle`` in the original (1-based, end
    exclusive); with ``through``, from ``needle`` to the end of the next ``through``."""
    start = -1
    for _ in range(nth + 1):
        start = src.original.index(needle, start + 1)
    end = start + len(needle)
    if through is not None:
        end = src.original.index(through, start) + len(through)

    def pos(i: int) -> tuple[int, int]:
        before = src.original[:i]
        return before.count("\n") + 1, i - (before.rfind("\n") + 1) + 1

    return (*pos(start), *pos(end))


def cell_at(src: Source, line: int, k: int) -> tuple[int, int, int, int]:
    """Position of the k-th value cell (1 = the first after the row label) of a "| … |" row."""
    text = src.line_text(line)
    bars = [i for i, c in enumerate(text) if c == "|"]
    a, b = bars[k] + 1, bars[k + 1]
    value = text[a:b].strip()
    col = text.index(value, a) + 1
    return line, col, line, col + len(value)


def diag(src: Source, code: str, name: str, sev: Severity, msg: str, where, detail: str = "", related=()) -> Diagnostic:
    line, col, end_line, end_col = where
    rel = [RelatedPosition(*pos[:2], m) for pos, m in related]
    return Diagnostic(src.path, code, name, sev, msg, line, col, end_line, end_col, rel, detail)


MESSAGES = {
    "zh": {
        "RL102": "“一、本年新收政府信息公开申请数量”一行：“总计”为 48，而自然人与各类法人或其他组织之和为 49",
        "RL102.detail": "总计 48 ≠ 自然人 47 + 商业企业 1 + 科研机构 1 + 社会公益组织 0 + 法律服务机构 0 + 其他 0 = 49（相差 1）",
        "RL102.rel": ["自然人 47", "商业企业 1", "科研机构 1"],
        "RL105": "“（二）部分公开”中的件数不是整数（２.５）",
        "RL016": "申请情况表缺少 1 行：（一）予以公开",
        "RL011": "办理结果表在此处中断，后面的行缺失",
        "RL011.detail": "最后读到的一行是“2.其他法律行政法规禁止公开”\n请对照模板补全“（四）无法提供”及以后各行",
        "RL003": "此处有无法解码的字符（�），可能丢失了文字或数字",
        "RL014": "正文中的“４９件”是全角数字，已按 49 读取",
        "RL001": "这是 PDF 文件，不是纯文本：请先另存为 .txt（纯文本）再检查 [binary]",
    },
    "en": {
        "RL102": "row “一、本年新收政府信息公开申请数量”: the total is 48 but the applicant columns add up to 49",
        "RL102.detail": "total 48 != natural persons 47 + commercial enterprises 1 + research institutions 1 + social welfare organisations 0 + legal service institutions 0 + others 0 = 49 (difference 1)",
        "RL102.rel": ["natural persons 47", "commercial enterprises 1", "research institutions 1"],
        "RL105": "count in “（二）部分公开” is not a whole number (２.５)",
        "RL016": "the applications table lacks 1 row: （一）予以公开",
        "RL011": "the outcomes table stops here; the rows after it are missing",
        "RL011.detail": "the last row read is “2.其他法律行政法规禁止公开”\ncompare with the template and add “（四）无法提供” and the rows after it",
        "RL003": "undecodable character here: text or digits may be lost",
        "RL014": "“４９件” in the text uses full-width digits; read as 49",
        "RL001": "this is a PDF file, not plain text; save it as .txt first [binary]",
    },
}


def fixture_results(lang: str = "zh") -> list[FileResult]:
    m = MESSAGES[lang]
    src = from_text(REPORT, PATH)
    diags = [
        diag(src, "RL014", "recovered-cells", Severity.INFO, m["RL014"], locate(src, "４９件")),
        diag(
            src, "RL102", "requests-row-total", Severity.ERROR, m["RL102"], cell_at(src, 6, 7), m["RL102.detail"],
            [(cell_at(src, 6, k), rel) for k, rel in enumerate(m["RL102.rel"], 1)],
        ),
        diag(src, "RL016", "missing-row", Severity.WARNING, m["RL016"], locate(src, "（二）部分公开")[:2] * 2),
        diag(src, "RL105", "invalid-count", Severity.ERROR, m["RL105"], locate(src, "２.５")),
        diag(src, "RL011", "truncated-table", Severity.ERROR, m["RL011"],
             locate(src, "（三）不予公开", through="禁止公开"), m["RL011.detail"]),
        diag(src, "RL003", "replacement-character", Severity.WARNING, m["RL003"], locate(src, "\ufffd\ufffd")),
    ]
    diags.sort(key=lambda d: (d.line, d.column, d.code))

    clean = from_text("某镇人民政府2024年政府信息公开工作年度报告\n一、总体情况\n", "reports/某镇2024.txt")
    pdf = Diagnostic("reports/扫描件.pdf", "RL001", "unreadable-input", Severity.ERROR, m["RL001"], 1, 1, 1, 1)
    return [
        FileResult(PATH, src, diags),
        FileResult(clean.path, clean, []),
        FileResult("reports/扫描件.pdf", None, [pdf]),
    ]


def one(source_text: str, line: int, col: int, end_line: int, end_col: int, *, path: str = "a.txt",
        severity: Severity = Severity.ERROR, message: str = "消息", **kw) -> list[FileResult]:
    src = from_text(source_text, path)
    d = Diagnostic(path, "RL999", "test-rule", severity, message, line, col, end_line, end_col, **kw)
    return [FileResult(path, src, [d])]


def cells(s: str) -> int:
    """Display width, computed independently of rich: East Asian Wide/Fullwidth take two cells."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


def excerpt(out: str) -> list[tuple[str, str]]:
    """(shown source line, underline line) pairs: the text after the gutter's "| "."""
    lines = out.split("\n")
    pairs = []
    for k, line in enumerate(lines):
        m = re.match(r"^ *(\d+) \| ?(.*)$", line)
        if m:
            under = re.match(r"^ +\| ?(.*)$", lines[k + 1])
            pairs.append((m.group(2), under.group(1)))
    return pairs


def caret_span(under: str) -> tuple[int, int]:
    """Start (in cells) and length of the run of carets."""
    m = re.search(r"\^+", under)
    return m.start(), len(m.group())


# --------------------------------------------------------------------------- snapshots


def assert_snapshot(name: str, actual: str) -> None:
    path = SNAPSHOTS / name
    if os.environ.get("REPORT_LINT_UPDATE_SNAPSHOTS") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            f.write(actual)
        return
    if not path.exists():
        pytest.fail(f"snapshot {path} is missing: run with REPORT_LINT_UPDATE_SNAPSHOTS=1 to create it", pytrace=False)
    expected = path.read_text(encoding="utf-8")
    if actual != expected:
        diff = "".join(
            difflib.unified_diff(
                expected.splitlines(keepends=True), actual.splitlines(keepends=True),
                f"tests/snapshots/{name} (expected)", f"{name} (rendered now)",
            )
        )
        pytest.fail(
            f"rendered output differs from tests/snapshots/{name}:\n{diff}\n"
            "If the change is intended: REPORT_LINT_UPDATE_SNAPSHOTS=1 python -m pytest tests/test_reporters.py",
            pytrace=False,
        )


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_text_snapshot(lang):
    assert_snapshot(f"text_{lang}.txt", render("text", fixture_results(lang), lang=lang, statistics=True))


def test_text_snapshot_without_statistics():
    out = render("text", fixture_results("zh"), lang="zh")
    with_stats = render("text", fixture_results("zh"), lang="zh", statistics=True)
    assert "按规则统计" not in out and "按规则统计" in with_stats
    assert_snapshot("text_zh_clean.txt", render("text", fixture_results("zh")[1:2], lang="zh"))


# ------------------------------------------------------------------------------- API


def test_formats_and_unknown_format():
    assert FORMATS[:2] == ("text", "json")
    assert set(FORMATS) >= {"sarif", "github", "junit", "gitlab", "html"}
    with pytest.raises(ValueError, match="unknown output format 'xml'"):
        render("xml", [])
    with pytest.raises(ValueError):
        render("_common", [])  # helper modules are not formats


def test_package_import_does_not_import_rich():
    code = (
        "import sys, report_lint.reporters as r\n"
        "assert not [m for m in sys.modules if m.split('.')[0] == 'rich'], 'rich at import'\n"
        "r.render('json', [])\n"
        "assert not [m for m in sys.modules if m.split('.')[0] == 'rich'], 'rich for json'\n"
        "r.render('text', [])\n"
        "assert 'rich.console' not in sys.modules, 'console for plain text'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_lang_is_normalised():
    out = render("text", fixture_results("en"), lang="en-US")
    assert "Checked 3 files" in out


# -------------------------------------------------------------------------------- JSON


def test_json_contract():
    out = render("json", fixture_results("zh"), lang="zh")
    assert out.endswith("}\n") and out.count("\n") > 10
    assert '\n  "version": 1,' in out  # indented by 2
    assert "总计" in out and "\\u" not in out  # ensure_ascii=False
    doc = json.loads(out)
    assert list(doc) == ["version", "diagnostics", "files", "summary"]
    assert doc["version"] == 1
    assert doc["summary"] == {"files": 3, "errors": 4, "warnings": 2, "infos": 1, "clean": 1, "with_errors": 2,
                              "tables_unchecked": 0}
    # one entry per file, in path order; these results were made by hand, without a coverage
    assert [f["path"] for f in doc["files"]] == sorted(f["path"] for f in doc["files"]) and len(doc["files"]) == 3
    assert all(f["coverage"] is None for f in doc["files"])
    keys = ["path", "code", "name", "severity", "message", "line", "column", "end_line", "end_column", "related"]
    types = [str, str, str, str, str, int, int, int, int, list]
    for d in doc["diagnostics"]:
        assert list(d) == keys
        assert [type(d[k]) for k in keys] == types
        assert d["severity"] in ("error", "warning", "info")
        for r in d["related"]:
            assert list(r) == ["line", "column", "message"]
            assert [type(r[k]) for k in r] == [int, int, str]
    order = [(d["path"], d["line"], d["column"], d["code"]) for d in doc["diagnostics"]]
    assert order == sorted(order)
    # By path (code point order, U+626B 扫 < U+67D0 某), not in input order.
    assert order[0][0] == "reports/扫描件.pdf" and order[-1][0] == PATH
    rl102 = next(d for d in doc["diagnostics"] if d["code"] == "RL102")
    assert rl102["related"][0] == {"line": 6, "column": 22, "message": "自然人 47"}
    assert (rl102["line"], rl102["column"], rl102["end_line"], rl102["end_column"]) == (6, 47, 6, 49)


def test_json_sorts_across_files_and_by_code():
    src_b, src_a = from_text("乙\n", "b.txt"), from_text("甲\n", "a.txt")

    def d(path, code, line, col):
        return Diagnostic(path, code, "n", Severity.INFO, "m", line, col, line, col)

    results = [
        FileResult("b.txt", src_b, [d("b.txt", "RL002", 1, 1)]),
        FileResult("a.txt", src_a, [d("a.txt", "RL009", 2, 1), d("a.txt", "RL003", 1, 5), d("a.txt", "RL001", 1, 5)]),
    ]
    doc = json.loads(render("json", results))
    assert [(x["path"], x["code"]) for x in doc["diagnostics"]] == [
        ("a.txt", "RL001"), ("a.txt", "RL003"), ("a.txt", "RL009"), ("b.txt", "RL002")
    ]
    assert doc["summary"] == {"files": 2, "errors": 0, "warnings": 0, "infos": 4, "clean": 0, "with_errors": 0,
                              "tables_unchecked": 0}


def test_json_empty_and_options():
    assert json.loads(render("json", [])) == {
        "version": 1, "diagnostics": [], "files": [],
        "summary": {"files": 0, "errors": 0, "warnings": 0, "infos": 0, "clean": 0, "with_errors": 0, "tables_unchecked": 0}
    }
    results = fixture_results("en")
    plain = render("json", results, lang="en")
    assert render("json", results, lang="en", color=True) == plain  # colour never reaches JSON
    assert "\x1b" not in render("json", results, color=True)
    doc = json.loads(render("json", results, lang="en", statistics=True))
    assert list(doc) == ["version", "diagnostics", "files", "summary", "statistics"]
    assert doc["statistics"][0] == {"code": "RL001", "name": "unreadable-input", "count": 1}
    counts = [(-s["count"], s["code"]) for s in doc["statistics"]]
    assert counts == sorted(counts) and sum(s["count"] for s in doc["statistics"]) == 7


# ------------------------------------------------------------------- text: the excerpt


def test_caret_under_cjk_span():
    out = render("text", fixture_results("zh"))
    src_line = REPORT.split("\n")[5]
    shown, under = next(p for p in excerpt(out) if p[0].startswith("| 一、本年新收"))
    assert shown == src_line
    start, length = caret_span(under)
    prefix = src_line[: src_line.index("48 |")]
    assert start == cells(prefix) and length == 2
    assert cells(prefix) != len(prefix)  # the CJK label really is double-width


def test_caret_under_full_width_characters():
    line = "全年共收到申请４９件（含“依申请”ＡＢ）"
    for needle in ["４９", "件", "“依申请”", "ＡＢ", "）"]:
        i = line.index(needle)
        out = render("text", one(line, 1, i + 1, 1, i + 1 + len(needle)))
        shown, under = excerpt(out)[0]
        assert shown == line
        assert caret_span(under) == (cells(line[:i]), cells(needle)), needle


def test_tabs_are_expanded_in_line_and_underline():
    line = "（二）部分公开\t２.５\t0\tx\t\t0"
    for needle in ["２.５", "x", "\t\t"]:
        i = line.index(needle)
        out = render("text", one(line, 1, i + 1, 1, i + 1 + len(needle)))
        assert "\t" not in out
        shown, under = excerpt(out)[0]
        expanded = text_reporter.TAB_SIZE
        # The prefix as displayed: each tab moves to the next multiple of TAB_SIZE.
        col = 0
        for ch in line[:i]:
            col = (col // expanded + 1) * expanded if ch == "\t" else col + cells(ch)
        start, length = caret_span(under)
        assert start == col, needle
        assert shown.startswith("（二）部分公开  ２.５")  # 14 cells, the tab to 16
        covered = shown_cells(shown, start, length)
        assert covered.strip() == needle.strip(), (needle, covered)


def shown_cells(shown: str, start: int, length: int) -> str:
    """The characters of ``shown`` occupying display cells [start, start + length)."""
    out, col = [], 0
    for ch in shown:
        w = cells(ch)
        if col >= start and col + w <= start + length:
            out.append(ch)
        col += w
    return "".join(out)


def test_zero_width_span_gets_one_caret():
    out = render("text", one("二、主动公开政府信息情况\n", 1, 3, 1, 3))
    shown, under = excerpt(out)[0]
    assert caret_span(under) == (4, 1)
    out = render("text", one("短行\n", 1, 3, 1, 3))  # at the end of the line
    assert caret_span(excerpt(out)[0][1]) == (4, 1)
    out = render("text", one("\n第二行\n", 1, 1, 1, 1))  # on an empty line
    assert "1 |\n" in out and caret_span(excerpt(out)[0][1]) == (0, 1)


def test_multi_line_span_shows_first_and_last_line():
    text = "第一行内容\n第二行\n第三行\n第四行结束了\n"
    out = render("text", one(text, 1, 3, 4, 4))
    assert excerpt(out) == [("第一行内容", "    ^^^^^^"), ("第四行结束了", "^^^^^^")]
    assert "\n … |\n" not in out and "\n… |\n" in out  # the gutter marks the lines left out
    assert "第二行" not in out
    two = render("text", one(text, 2, 1, 3, 3))
    assert excerpt(two) == [("第二行", "^^^^^^"), ("第三行", "^^^^")]
    assert "… |" not in two


def test_span_ending_at_a_line_end_stays_on_its_line():
    out = render("text", one("第一行\n第二行\n", 1, 2, 2, 1))
    assert excerpt(out) == [("第一行", "  ^^^^")]


def test_long_line_is_windowed_around_the_span():
    results = fixture_results("zh")
    out = render("text", results)
    shown, under = next(p for p in excerpt(out) if "\ufffd" in p[0])
    assert shown.startswith("…") and shown.endswith("…")
    window = text_reporter.WINDOW
    assert window - 4 <= cells(shown) <= window + 2
    start, length = caret_span(under)
    assert shown_cells(shown, start, length) == "\ufffd\ufffd"


@pytest.mark.parametrize("where", ["start", "end", "wide"])
def test_long_line_edges(where):
    line = "甲" * 5000
    if where == "start":
        a, b = 0, 1
    elif where == "end":
        a, b = 4999, 5000
    else:  # a span wider than the window: underlined up to the cut
        a, b = 1000, 3000
    src = line[:a] + "乙" * (b - a) + line[b:]
    shown, under = excerpt(render("text", one(src, 1, a + 1, 1, b + 1)))[0]
    assert cells(shown) <= text_reporter.WINDOW + 2
    assert shown.startswith("…") == (where != "start")
    assert shown.endswith("…") == (where != "end")
    start, length = caret_span(under)
    covered = shown_cells(shown, start, length)
    assert set(covered) == {"乙"}
    if where != "wide":
        assert covered == "乙"
    else:
        assert shown[-1] == "…" and cells(shown[:-1]) == start + length  # underline runs to the cut


def test_multi_line_span_over_long_lines():
    first, last = "甲" * 300 + "乙" * 300, "丙" * 300 + "丁" * 300
    out = render("text", one(f"{first}\n{last}\n", 1, 301, 2, 301))
    (s1, u1), (s2, u2) = excerpt(out)
    # The first line is shown from around the span's start, the last around its end.
    assert "甲" in s1 and "乙" in s1 and s1.endswith("…")
    assert "丙" in s2 and "丁" in s2 and s2.startswith("…")
    assert set(shown_cells(s1, *caret_span(u1))) == {"乙"}
    assert set(shown_cells(s2, *caret_span(u2))) == {"丙"}


def test_control_characters_are_shown_not_sent():
    out = render("text", one("前\x1b[31m后\x07\u2028尾\n", 1, 2, 1, 4), color=True)
    plain = ANSI.sub("", out)
    assert "\x07" not in out and "\u2028" not in out
    assert "\x1b[31m后" not in out and "␛[31m后" in plain
    shown, under = excerpt(plain)[0]
    assert caret_span(under) == (2, 2)  # under ␛ and "[": one cell each


def test_gutter_grows_with_line_numbers():
    text = "\n".join(f"第{i}行" for i in range(1, 121)) + "\n"
    out = render("text", one(text, 105, 1, 105, 2, related=[RelatedPosition(3, 1, "第3行")]))
    assert "\n    |\n105 | 第105行\n    | ^^\n    |\n    = 相关：3:1 第3行\n" in out


def test_unreadable_file_is_one_header_line():
    out = render("text", fixture_results("zh")[2:])
    assert out == (
        "reports/扫描件.pdf:1:1: RL001 错误 这是 PDF 文件，不是纯文本：请先另存为 .txt（纯文本）再检查 [binary]\n"
        "\n"
        "共检查 1 个文件：1 个错误，0 个警告，0 个提示。\n"
    )


def test_position_outside_the_file_shows_the_header_only():
    out = render("text", one("只有一行\n", 9, 1, 9, 2, detail="细节"))
    assert out.startswith("a.txt:9:1: RL999 错误 消息\n\n")


# --------------------------------------------------------------- text: words and colour


def test_header_detail_and_related_words():
    zh = render("text", fixture_results("zh"), lang="zh")
    en = render("text", fixture_results("en"), lang="en")
    assert f"{PATH}:6:47: RL102 错误 “一、本年新收" in zh
    assert f"{PATH}:6:47: RL102 error row “一、本年新收" in en
    assert ":12:" in zh and "RL003 警告" in zh and "RL014 提示" in zh
    assert "RL003 warning" in en and "RL014 info" in en
    assert "  = 总计 48 ≠ 自然人 47" in zh
    assert "  = 相关：6:22 自然人 47\n" in zh
    assert "  = related: 6:22 natural persons 47\n" in en
    for word in ["错误", "警告", "提示", "相关", "共检查"]:
        assert word not in en
    assert "error" not in zh and "related" not in zh
    # detail lines: each line of a multi-line detail gets its own "=".
    assert "   = 最后读到的一行是“2.其他法律行政法规禁止公开”\n   = 请对照模板" in zh


def test_blank_line_between_diagnostics():
    out = render("text", fixture_results("zh"))
    blocks = out.rstrip("\n").split("\n\n")
    assert len(blocks) == 7 + 1  # 7 diagnostics, then the summary
    assert all(re.match(r"^reports/\S+:\d+:\d+: RL\d{3} ", b) for b in blocks[:-1])


def test_no_ansi_without_colour_and_ansi_with_it(monkeypatch):
    results = fixture_results("zh")
    plain = render("text", results)
    assert "\x1b" not in plain
    monkeypatch.setenv("NO_COLOR", "1")  # the CLI decides; the reporter does what it is told
    monkeypatch.setenv("TERM", "dumb")
    colored = render("text", results, color=True)
    assert "\x1b[" in colored
    assert "\x1b[1;31m错误\x1b[0m" in colored and "\x1b[1;33m警告\x1b[0m" in colored
    assert "\x1b[1;36m提示\x1b[0m" in colored and "\x1b[1mRL102\x1b[0m" in colored
    assert ANSI.sub("", colored) == plain


def test_colour_output_is_what_a_rich_console_prints():
    from io import StringIO

    from rich.console import Console
    from rich.text import Text

    pieces: list = []
    for r in fixture_results("zh"):
        for d in r.diagnostics:
            text_reporter._diagnostic(pieces.append, d, r.source, "zh")
            pieces.append(("\n", None))
    console = Console(file=StringIO(), force_terminal=True, color_system="standard", width=10_000,
                      soft_wrap=True, highlight=False, emoji=False, markup=False, no_color=False)
    text = Text()
    for s, style in pieces:
        text.append(s, style)
    console.print(text, end="")
    assert text_reporter._ansi(pieces) == console.file.getvalue()


def test_user_text_is_never_markup():
    msg = "[bold]不是标记[/bold] [red]x[/] :smile:"
    out = render("text", one("[link=http://x]正文[/link]\n", 1, 1, 1, 3, message=msg, path="[b]a.txt"), color=True)
    plain = ANSI.sub("", out)
    assert f"[b]a.txt:1:1: RL999 错误 {msg}\n" in plain
    assert "1 | [link=http://x]正文[/link]\n" in plain


# ----------------------------------------------------------------- summary, statistics


def test_summary_wording():
    results = fixture_results("zh")
    assert render("text", results).endswith("\n共检查 3 个文件（1 个无问题，2 个有错误）：4 个错误，2 个警告，1 个提示。\n")
    assert render("text", results, lang="en").endswith(
        "\nChecked 3 files (1 clean, 2 with errors): 4 errors, 2 warnings, 1 info.\n")
    clean = [results[1]]
    assert render("text", clean) == "共检查 1 个文件，未发现问题。\n"
    assert render("text", clean * 2, lang="en") == "Checked 2 files: no problems found.\n"
    assert render("text", []) == "共检查 0 个文件，未发现问题。\n"
    assert render("text", clean * 2, statistics=True) == "共检查 2 个文件，未发现问题。\n"
    one_warning = one("一行\n", 1, 1, 1, 2, severity=Severity.WARNING)
    assert render("text", one_warning, lang="en").endswith("Checked 1 file: 0 errors, 1 warning, 0 infos.\n")


def test_statistics_table():
    results = fixture_results("zh")
    extra = Diagnostic(PATH, "RL003", "replacement-character", Severity.WARNING, "又一个", 1, 1, 1, 2)
    results[0].diagnostics.insert(0, extra)
    out = render("text", results, statistics=True)
    table = out.split("按规则统计：\n")[1].split("\n\n")[0].split("\n")
    assert table == [
        "  RL003  replacement-character  2",
        "  RL001  unreadable-input       1",
        "  RL011  truncated-table        1",
        "  RL014  recovered-cells        1",
        "  RL016  missing-row            1",
        "  RL102  requests-row-total     1",
        "  RL105  invalid-count          1",
    ]
    assert out.endswith("  RL105  invalid-count          1\n\n共检查 3 个文件（1 个无问题，2 个有错误）：4 个错误，3 个警告，1 个提示。\n")
    assert "Statistics by rule:\n  RL003" in render("text", results, lang="en", statistics=True)


# ---------------------------------------------------------------------------- speed


def test_a_thousand_files_render_fast():
    line = "| 一、本年新收政府信息公开申请数量 | 47 | 1 | 1 | 0 | 0 | 0 | 48 |"
    text = "\n".join(["某县政府办2024年度报告", LONG_LINE[:900], line, "（二）部分公开\t２.５\t0"] * 10) + "\n"
    results = []
    for k in range(1000):
        src = from_text(text, f"r/{k}.txt")
        diags = [
            Diagnostic(src.path, "RL102", "requests-row-total", Severity.ERROR, "总计不等", 3, 63, 3, 65,
                       [RelatedPosition(3, 20, "自然人 47")] * 3, "总计 48 ≠ 49\n相差 1"),
            Diagnostic(src.path, "RL003", "replacement-character", Severity.WARNING, "乱码", 2, 500, 2, 502),
            Diagnostic(src.path, "RL105", "invalid-count", Severity.ERROR, "小数", 4, 9, 4, 12),
        ]
        results.append(FileResult(src.path, src, diags))
    for color in (False, True):
        t = time.perf_counter()
        out = render("text", results, color=color, statistics=True)
        elapsed = time.perf_counter() - t
        assert out.count("RL102") == 1001
        assert elapsed < 1.0, f"color={color}: {elapsed:.2f}s"


# ------------------------------------------------------------------------ properties

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_ALPHABET = st.sampled_from(list("ab1 |.,-[]") + list("政府信息公开年度报告") + list("，。、“”（）") + list("４９ＡＢ\u3000") + ["\t"])


def _displayed(line: str) -> list[tuple[str, int]]:
    """An independent model of the excerpt: per code point, its text and width."""
    out, col = [], 0
    for ch in line:
        if ch == "\t":
            w = text_reporter.TAB_SIZE - col % text_reporter.TAB_SIZE
            out.append((" " * w, w))
        else:
            w = cells(ch)
            out.append((ch, w))
        col += w
    return out


@settings(max_examples=300, deadline=None)
@given(st.lists(_ALPHABET, min_size=1, max_size=160).map("".join), st.data())
def test_underline_covers_exactly_the_span(line, data):
    if not line.strip():
        line = "政" + line
    a = data.draw(st.integers(0, len(line)))
    b = data.draw(st.integers(a, len(line)))
    out = render("text", one(line + "\n", 1, a + 1, 1, b + 1))
    shown, under = excerpt(out)[0]
    start, length = caret_span(under)
    model = _displayed(line)
    widths = [w for _, w in model]
    total = sum(widths)
    if total <= text_reporter.WINDOW:
        assert shown == "".join(t for t, _ in model).rstrip(" ")
        assert start == sum(widths[:a])
        assert length == max(1, sum(widths[a:b]))
    else:  # windowed: the underline still sits under the span's characters
        left = 1 if shown.startswith("…") else 0
        assert cells(shown) <= text_reporter.WINDOW + 2
        span_w = sum(widths[a:b])
        if 0 < span_w <= text_reporter.WINDOW - 2 * text_reporter.CONTEXT:
            assert length == span_w
            covered = shown_cells(shown, start, length)
            assert covered.replace(" ", "") == line[a:b].replace("\t", "").replace(" ", "")
        assert start >= left


def test_json_stream_lays_out_diagnostics_as_json_dumps_does():
    """The JSON reporter writes diagnostics with the C encoder and its own layout: it must be
    byte for byte what json.dumps(indent=2) makes, quotes, escapes and CJK included."""
    from report_lint.reporters.json import _diagnostic, _nested

    tricky = Diagnostic('报告/"引号"\\路径.txt', "RL102", "n", Severity.ERROR, "消息\n第二行\t“”\u2028", 3, 4, 5, 6,
                        [RelatedPosition(1, 2, "相关 1"), RelatedPosition(7, 8, "")], detail="x")
    plain = Diagnostic("b.txt", "RL001", "m", Severity.INFO, "x", 1, 1, 1, 1)
    for d in (tricky, plain):
        assert _diagnostic(d) == _nested(d.as_dict(), 2)
    out = render("json", [FileResult("b.txt", None, [plain]), FileResult("a.txt", None, [tricky])])
    assert out == json.dumps(json.loads(out), ensure_ascii=False, indent=2) + "\n"
