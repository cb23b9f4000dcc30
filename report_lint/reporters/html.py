"""One self-contained HTML page for people who have never seen a terminal.

The page holds, in the language asked for (``<html lang="zh-CN">`` or ``"en"``):

* a summary across files (files checked, clean, with errors; errors, warnings and infos), a
  table linking to each file's section, a colour legend and, with ``statistics=True``, the
  count per rule;
* per file: the path and its counts; the findings list (severity, code and name, message,
  position linking to the highlight, detail lines, related positions linking to their lines,
  and the rule's explanation in a ``<details>``), findings about the file as a whole (reported
  at 1:1–1:1) first; then the file's full original text, line-numbered, with every finding
  highlighted in place. An unreadable file shows its error instead of the text; a clean file
  says so and keeps its text folded away.

Highlights cover exactly the code points from (line, column) to (end_line, end_column), end
exclusive. Findings may overlap or nest: the text is cut at every start and end, and each
piece becomes one ``<a class="hl">`` listing every finding covering it (``data-d``, numbers
into the file's findings list), coloured by the most severe of them and linking to the
innermost one. A zero-width finding is a visible bar at its point. Line ends are kept in the
text (as ``\\n``), so the page's text is the file's text with line ends unified.

Guarantees: the page never touches the network. There are no URLs, scripts, fonts or images,
only inline CSS (no JavaScript: the links and ``<details>`` work without it), and a
Content-Security-Policy meta forbids any load should some other tool add one. Everything from
the user (report text, paths, messages) is escaped. The markup grows with the number of lines
and findings, not with line length, so a 100 000-character pasted web page stays one wrapped
line. ``color`` is ignored.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from html import escape
from typing import TYPE_CHECKING, Optional

from ..findings import Severity
from ._common import rule_counts, summarize

if TYPE_CHECKING:
    from ..findings import Diagnostic, FileResult
    from ..source import Source

__all__ = ["render"]

# The line ends Source counts lines by: CRLF, lone CR, LF.
_LINE_END = re.compile(r"\r\n?|\n")
# Characters a browser draws as nothing; a highlight made only of them gets a visible label.
_INVISIBLE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u00ad\u200b-\u200f\u2028\u2029\u202a-\u202e"
    "\u2060-\u2064\u2066-\u2069\ufeff]"
)
# A finding over more lines than this has its full tooltip only on its first line, so a span
# over a whole huge file does not repeat its message on every line.
LONG_SPAN = 20
MAX_RELATED = 8  # shown at once; the rest fold into a <details>
QUOTE = 80  # characters of the highlighted text quoted in the findings list

_SEV_CLASS = {Severity.ERROR: "e", Severity.WARNING: "w", Severity.INFO: "i"}

_CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"

_WORDS: dict[str, dict[str, str]] = {
    "zh": {
        "html_lang": "zh-CN",
        "title": "年度报告检查结果",
        "h1": "政府信息公开工作年度报告检查结果",
        "intro": "下面先列出每个文件中发现的问题，再给出报告原文；原文中有问题的文字用颜色标出。"
                 "把鼠标停在彩色文字上可以看到问题说明，点击彩色文字可跳到对应的问题，"
                 "点击问题中的位置可跳回原文。",
        "checked": "共检查 {files} 个文件：{clean} 个未发现问题，{bad} 个有错误。",
        "unreadable_n": "其中 {n} 个文件无法读取。",
        "totals": "共发现 {n}。",
        "none": "未发现问题。",
        "none_all": "所有文件都未发现问题。",
        "coverage": "检查范围：",
        "cov_col": "检查范围",
        "unchecked_n": "其中 {n} 个文件的统计表未能全部核对（见各文件的“检查范围”）。",
        "legend": "颜色说明",
        "leg_e": "内容有误，必须改正",
        "leg_w": "可能有问题，请核实",
        "leg_i": "建议修改，供参考",
        "leg_zw": "竖条：此处缺少内容",
        "leg_x": "颜色加深、下方双线：几个问题重叠",
        "files": "文件",
        "file": "文件",
        "status": "结果",
        "st_clean": "未发现问题",
        "st_unreadable": "无法读取",
        "st_bad": "有问题",
        "stats": "按规则统计",
        "rule": "规则",
        "count": "次数",
        "counts": "{e}，{w}，{i}",
        "findings": "问题列表",
        "text": "报告原文",
        "show_text": "查看报告原文",
        "unreadable": "无法读取此文件：{msg}",
        "unreadable_generic": "无法读取此文件。",
        "whole": "整个文件",
        "at": "第 {l} 行第 {c} 个字",
        "to": "（至第 {l} 行）",
        "go": "在原文中查看",
        "quote": "原文：",
        "related": "相关位置：",
        "rel_at": "第 {l} 行",
        "more": "另有 {n} 处相关位置",
        "explain": "规则说明",
        "back": "回到顶部",
        "footer": "由 report-lint {v} 生成。本页面不联网，不含外部链接，可离线打开、打印或发送。",
        "sep": "：",
    },
    "en": {
        "html_lang": "en",
        "title": "Annual report check results",
        "h1": "Government information disclosure annual reports: check results",
        "intro": "The problems found in each file are listed first, then the report's text with "
                 "the problems highlighted in colour. Hover over highlighted text to see what is "
                 "wrong; click it to jump to the problem, and click a problem's position to jump back.",
        "checked": "Checked {files}: {clean} clean, {bad} with errors.",
        "unreadable_n": "{n} could not be read.",
        "totals": "Found {n}.",
        "none": "No problems found.",
        "none_all": "No problems found in any file.",
        "coverage": "Coverage: ",
        "cov_col": "Coverage",
        "unchecked_n": "The statistical tables of {n} file(s) were not all checked (see each file's coverage).",
        "legend": "Colours",
        "leg_e": "something is wrong and must be corrected",
        "leg_w": "may be wrong: please check",
        "leg_i": "a suggestion",
        "leg_zw": "bar: something is missing here",
        "leg_x": "darker with a double underline: several problems overlap",
        "files": "Files",
        "file": "File",
        "status": "Result",
        "st_clean": "no problems",
        "st_unreadable": "unreadable",
        "st_bad": "problems found",
        "stats": "Statistics by rule",
        "rule": "Rule",
        "count": "Count",
        "counts": "{e}, {w}, {i}",
        "findings": "Problems",
        "text": "Report text",
        "show_text": "Show the report text",
        "unreadable": "This file could not be read: {msg}",
        "unreadable_generic": "This file could not be read.",
        "whole": "whole file",
        "at": "line {l}, column {c}",
        "to": " (to line {l})",
        "go": "show in the text",
        "quote": "Text: ",
        "related": "Related: ",
        "rel_at": "line {l}",
        "more": "{n} more related locations",
        "explain": "About this rule",
        "back": "back to top",
        "footer": "Generated by report-lint {v}. This page uses no network and has no external links: "
                  "it can be opened offline, printed or sent on.",
        "sep": ": ",
    },
}

_CSS = STYLE = """
:root{color-scheme:light;--e:#ffd0d0;--e2:#ff9e9e;--eb:#c62828;--w:#ffe49a;--w2:#ffc940;--wb:#a86400;
--i:#d3e6ff;--i2:#a6cbff;--ib:#1f5fbf;--ok:#2e7d32}
*{box-sizing:border-box}
body{margin:0 auto;max-width:1100px;padding:24px 20px 60px;color:#1b1b1b;background:#fff;
font:16px/1.7 "PingFang SC","Hiragino Sans GB","Microsoft YaHei","微软雅黑","Noto Sans CJK SC",
"Source Han Sans SC","WenQuanYi Micro Hei","Segoe UI",Arial,sans-serif}
h1{font-size:1.6em;margin:0 0 .4em}
h2{font-size:1.3em;margin:0;word-break:break-all}
h3{font-size:1.1em;margin:1.2em 0 .5em}
a{color:#0b57d0}
p{margin:.4em 0}
.intro{color:#444}
.box{border:1px solid #d0d7de;border-radius:8px;padding:12px 16px;margin:16px 0;background:#f6f8fa}
.big{font-size:1.15em;font-weight:bold}
table{border-collapse:collapse;margin:.5em 0}
th,td{border:1px solid #d0d7de;padding:4px 10px;text-align:left;vertical-align:top}
th{background:#eef1f4}
td.n{text-align:right;font-variant-numeric:tabular-nums}
td.path{word-break:break-all}
.legend{list-style:none;padding:0;margin:.3em 0;display:flex;flex-wrap:wrap;gap:6px 24px}
.ok{color:var(--ok);font-weight:bold}
.unchecked{color:var(--wb);font-weight:bold}
.badge{display:inline-block;min-width:3em;padding:0 .5em;border-radius:4px;color:#fff;font-weight:bold;
text-align:center;font-size:.9em;line-height:1.6}
.badge.e{background:var(--eb)}.badge.w{background:var(--wb)}.badge.i{background:var(--ib)}
.file{border-top:3px solid #57606a;margin-top:40px;padding-top:12px}
.counts{color:#444;margin:.2em 0 0}
.unreadable{border-left:5px solid var(--eb);background:#fff0f0;padding:8px 12px}
ol.findings{padding-left:2.2em}
ol.findings>li{margin:0 0 14px;padding:6px 10px;border-left:5px solid #ccc;background:#fafbfc}
ol.findings>li.e{border-left-color:var(--eb)}ol.findings>li.w{border-left-color:var(--wb)}
ol.findings>li.i{border-left-color:var(--ib)}
ol.findings>li:target{outline:3px solid #0b57d0}
.msg{font-weight:bold}
.quote{margin:.2em 0;overflow-wrap:anywhere}
mark.q{color:inherit;padding:0 .15em;border-radius:2px}
mark.q.e{background:var(--e)}mark.q.w{background:var(--w)}mark.q.i{background:var(--i)}
.where{color:#444;font-size:.95em}
.rule{color:#57606a;font-size:.9em}
code{font-family:Consolas,"Courier New",monospace;font-size:.95em}
.detail{margin:.3em 0;padding:4px 10px;background:#fff;border:1px dashed #d0d7de;white-space:pre-wrap;
overflow-wrap:anywhere}
.related{margin:.3em 0;padding-left:1.4em}
details{margin:.3em 0}
summary{cursor:pointer;color:#0b57d0}
.doc{white-space:pre-wrap;overflow-wrap:anywhere;background:#fff;border:1px solid #d0d7de;padding:8px 12px;
margin:.3em 0}
.src{counter-reset:ln;border:1px solid #d0d7de;border-radius:6px;background:#fff;padding:6px 0;
font-size:15px;line-height:27px;tab-size:4}
.src>div{counter-increment:ln;position:relative;min-height:27px;padding:0 12px 0 4.6em;
white-space:pre-wrap;overflow-wrap:anywhere;word-break:normal}
.src>div::before{content:counter(ln);position:absolute;left:0;width:3.6em;text-align:right;color:#8c959f;
font-size:.85em;user-select:none}
.src>div:target{background:#fff8c5}
a.hl{color:inherit;text-decoration:none;border-radius:2px;-webkit-print-color-adjust:exact;print-color-adjust:exact}
a.hl.e{background:var(--e);border-bottom:2px solid var(--eb)}
a.hl.w{background:var(--w);border-bottom:2px dashed var(--wb)}
a.hl.i{background:var(--i);border-bottom:2px dotted var(--ib)}
a.hl.x.e{background:var(--e2);border-bottom:3px double var(--eb)}
a.hl.x.w{background:var(--w2);border-bottom:3px double var(--wb)}
a.hl.x.i{background:var(--i2);border-bottom:3px double var(--ib)}
a.hl:target{outline:3px solid #0b57d0}
a.hl:hover{filter:brightness(.92)}
a.hl.eol::before{content:"\\a0"}
a.hl.inv::before{content:attr(data-show);font-size:.7em;padding:0 .2em;vertical-align:.1em}
a.hl.inv{unicode-bidi:isolate}
a.zw{display:inline-block;width:.45em;height:1.3em;vertical-align:-.25em;margin:0 .1em;border-bottom:0}
a.zw.e{background:var(--eb)}a.zw.w{background:var(--wb)}a.zw.i{background:var(--ib)}
.sample{padding:0 .3em}
.top{font-size:.9em}
footer{margin-top:40px;color:#57606a;font-size:.9em}
@media print{
body{max-width:none;padding:0;font-size:11pt}
a{color:inherit;text-decoration:none}
.top,.go{display:none}
.file{break-before:page;border-top:0}
ol.findings>li{break-inside:avoid}
.src>div{break-inside:avoid}
details>summary{color:inherit}
.badge,.unreadable,.zw{-webkit-print-color-adjust:exact;print-color-adjust:exact}
}
"""


def render(results: "list[FileResult]", *, lang: str = "zh", color: bool = False, statistics: bool = False,
           standalone: bool = True) -> str:
    """The page; ``standalone=False``: only what goes inside its ``<body>`` before the footer
    (the summary and each file), for a page that brings its own head and styles (STYLE)."""
    from .. import __version__
    from ..rules import RuleError, all_rules

    w = _WORDS["en" if lang == "en" else "zh"]
    try:
        rules = {r.code: r for r in all_rules()}
    except RuleError:  # a broken plug-in costs the explanations, not the report
        rules = {}
    out: list[str] = []
    add = out.append
    title = w["title"] + (f"{w['sep']}{results[0].path}" if len(results) == 1 else "")
    if standalone:
        add(f'<!DOCTYPE html>\n<html lang="{w["html_lang"]}">\n<head>\n<meta charset="utf-8">\n'
            f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">\n'
            '<meta name="referrer" content="no-referrer">\n'
            '<meta name="generator" content="report-lint">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{escape(title)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n")
    add(f'<header id="top">\n<h1>{escape(w["h1"])}</h1>\n<p class="intro">{escape(w["intro"])}</p>\n')
    _summary(add, results, w, lang, statistics)
    add("</header>\n")
    # Related positions in another report (cross-year findings) link to that report's text.
    files = {}
    for k, result in enumerate(results, 1):
        src = result.source
        files.setdefault(result.path, (f"f{k}", src is not None and getattr(src, "format", "text") != "text"
                                        and hasattr(src, "text_line")))
    incoming: dict = {}
    for result in results:
        for d in result.diagnostics:
            for r in d.related:
                if r.path is not None and r.path in files:
                    incoming.setdefault(r.path, set()).add(_target_line(r, files[r.path][1]))
    for k, result in enumerate(results, 1):
        _file(add, result, f"f{k}", w, lang, rules, files, incoming.get(result.path, set()))
    if standalone:
        add(f'<footer>{escape(w["footer"].format(v=__version__))}</footer>\n</body>\n</html>\n')
    return "".join(out)


# ---------------------------------------------------------------------------- summary


def _n(n: int, sev: Severity, lang: str) -> str:
    if lang == "en":
        word = sev.text("en")
        return f"{n} {word}" if n == 1 else f"{n} {word}s"
    return f"{n} 个{sev.text('zh')}"


def totals(s, lang: str = "zh") -> str:
    """The summary's count of findings, each unit once and only the kinds found:
    共发现 18 个错误、2 个警告。 / Found 18 errors and 2 warnings. (The HTML report and the
    page of `report-lint serve` both say it with this.)"""
    parts = [_n(n, sev, lang) for n, sev in ((s.errors, Severity.ERROR), (s.warnings, Severity.WARNING),
                                             (s.infos, Severity.INFO)) if n]
    w = _WORDS["en" if lang == "en" else "zh"]
    if not parts:
        return w["none_all"]
    if lang == "en":
        n = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
    else:
        n = "、".join(parts)
    return w["totals"].format(n=n)


def _files(n: int, lang: str) -> str:
    if lang == "en":
        return f"{n} file" if n == 1 else f"{n} files"
    return str(n)


def _counts(result: "FileResult") -> tuple[int, int, int]:
    sev = [d.severity for d in result.diagnostics]
    return sev.count(Severity.ERROR), sev.count(Severity.WARNING), sev.count(Severity.INFO)


def _summary(add, results: "list[FileResult]", w: dict, lang: str, statistics: bool) -> None:
    s = summarize(results)
    clean = sum(1 for r in results if not r.diagnostics)
    bad = sum(1 for r in results if any(d.severity == Severity.ERROR for d in r.diagnostics))
    unreadable = sum(1 for r in results if r.source is None)
    add('<section class="box" id="summary">\n')
    files = _files(s.files, lang)
    add(f'<p class="big">{escape(w["checked"].format(files=files, clean=clean, bad=bad))}')
    if unreadable:
        add(" " + escape(w["unreadable_n"].format(n=unreadable)))
    add("</p>\n")
    unchecked = sum(1 for r in results if r.coverage is not None and not r.coverage.checked and not r.extra)
    if s.total:
        add(f'<p class="big" id="totals">{escape(totals(s, lang))}</p>\n')
    elif results:
        add(f'<p class="big{"" if unchecked else " ok"}">{escape(w["none_all"])}</p>\n')
    if unchecked:
        add(f'<p class="big unchecked" id="unchecked">{escape(w["unchecked_n"].format(n=unchecked))}</p>\n')
    # Legend: the same colours and marks the text uses.
    add(f'<h3>{escape(w["legend"])}</h3>\n<ul class="legend">\n')
    for sev in (Severity.ERROR, Severity.WARNING, Severity.INFO):
        c = _SEV_CLASS[sev]
        add(f'<li><span class="badge {c}">{escape(sev.text(lang))}</span> '
            f'<a class="hl {c} sample">{escape(w["leg_" + c])}</a></li>\n')
    add(f'<li><a class="hl zw e"></a> {escape(w["leg_zw"])}</li>\n')
    add(f'<li><a class="hl x e sample">{escape(w["leg_x"])}</a></li>\n</ul>\n')
    if results:
        add(f'<h3>{escape(w["files"])}</h3>\n<table class="files">\n<tr><th>{escape(w["file"])}</th>'
            f'<th>{escape(Severity.ERROR.text(lang))}</th><th>{escape(Severity.WARNING.text(lang))}</th>'
            f'<th>{escape(Severity.INFO.text(lang))}</th><th>{escape(w["status"])}</th><th>{escape(w["cov_col"])}</th></tr>\n')
        for k, r in enumerate(results, 1):
            e, wa, i = _counts(r)
            status = w["st_unreadable"] if r.source is None else w["st_bad"] if r.diagnostics else w["st_clean"]
            cls = ' class="ok"' if not r.diagnostics else ""
            cov = r.coverage
            cov_cell = "" if cov is None else f'<td class="{"cov" if cov.checked else "cov unchecked"}">{escape(cov.line)}</td>'
            add(f'<tr><td class="path"><a href="#f{k}">{escape(r.path)}</a></td><td class="n">{e}</td>'
                f'<td class="n">{wa}</td><td class="n">{i}</td><td{cls}>{escape(status)}</td>{cov_cell or "<td></td>"}</tr>\n')
        add("</table>\n")
    if statistics:
        rows = rule_counts(results)
        if rows:
            add(f'<h3>{escape(w["stats"])}</h3>\n<table class="stats">\n<tr><th>{escape(w["rule"])}</th>'
                f'<th></th><th>{escape(w["count"])}</th></tr>\n')
            for r in rows:
                add(f'<tr><td><code>{escape(r.code)}</code></td><td>{escape(r.name)}</td>'
                    f'<td class="n">{r.count}</td></tr>\n')
            add("</table>\n")
    add("</section>\n")


# ------------------------------------------------------------------------------- a file


def _whole_file(d: "Diagnostic") -> bool:
    return d.line == d.column == d.end_line == d.end_column == 1


def _target_line(r, text_view: bool) -> int:
    """The line of a related position in the view of its file the page shows."""
    return r.locator.text_line if text_view and r.locator is not None else r.line


def _file(add, result: "FileResult", fid: str, w: dict, lang: str, rules: dict, files: "Optional[dict]" = None,
          incoming: "set" = frozenset()) -> None:
    e, wa, i = _counts(result)
    add(f'<section class="file" id="{fid}">\n<h2>{escape(result.path)}</h2>\n')
    if result.diagnostics:
        counts = w["counts"].format(e=_n(e, Severity.ERROR, lang), w=_n(wa, Severity.WARNING, lang),
                                    i=_n(i, Severity.INFO, lang))
        add(f'<p class="counts">{escape(counts)} · <a class="top" href="#top">{escape(w["back"])}</a></p>\n')
    else:
        add(f'<p class="ok">{escape(w["none"])}</p>\n')
    cov = result.coverage
    if cov is not None:
        add(f'<p class="{"coverage" if cov.checked else "coverage unchecked"}">{escape(w["coverage"])}{escape(cov.line)}</p>\n')
    source = result.source
    diagnostics = result.diagnostics
    if source is not None and getattr(source, "format", "text") != "text" and hasattr(source, "text_line"):
        # A page, document or PDF: the report text shown is the text report-lint read from it
        # (`report-lint text`), the findings highlighted where they are in it.
        source, diagnostics = _TextView(source), [_in_text(d) for d in diagnostics]
    if source is None:
        msg = result.error.message(lang) if result.error is not None else None
        text = w["unreadable"].format(msg=msg) if msg else w["unreadable_generic"]
        add(f'<p class="unreadable">{escape(text)}</p>\n')
    # The text is rendered first (into its own list) so the findings list knows where each
    # finding's first highlight is; the list still comes first on the page.
    text_parts: list[str] = []
    targets: dict[int, str] = {}
    spans: dict[int, tuple[int, int]] = {}
    if source is not None:
        targets, spans = _text(text_parts.append, source, diagnostics, fid, lang, incoming)
    if diagnostics:
        add(f'<h3>{escape(w["findings"])}</h3>\n<ol class="findings">\n')
        # Findings about the file as a whole first: they have no place in the text.
        order = sorted(range(len(diagnostics)), key=lambda j: not _whole_file(diagnostics[j]))
        for j in order:
            quote = None
            if j + 1 in spans and source is not None:
                quote = _quote(source.original, *spans[j + 1])
            _finding(add, diagnostics[j], j + 1, fid, targets.get(j + 1), quote, source, w, lang, rules, files or {})
        add("</ol>\n")
    if source is not None:
        if diagnostics:
            add(f'<h3>{escape(w["text"])}</h3>\n')
            add("".join(text_parts))
        else:  # nothing to point at: keep a clean file's text out of the way
            add(f'<details><summary>{escape(w["show_text"])}</summary>\n{"".join(text_parts)}</details>\n')
    add("</section>\n")


_CHUNK = re.compile(r"\S{1,%d}" % (QUOTE + 1))


def _quote(original: str, a: int, b: int) -> str:
    """original[a:b] with its runs of whitespace made one space (" ".join(s.split())), read
    only as far as a quote shows (QUOTE characters and one more): a finding over a long span
    (a table, a one-line page) costs no more than a short one."""
    parts: list[str] = []
    size = 0
    end = -1
    for m in _CHUNK.finditer(original, a, b):
        if parts and m.start() != end:
            parts.append(" ")
            size += 1
        parts.append(m.group())
        size += len(parts[-1])
        end = m.end()
        if size > QUOTE:
            break
    return "".join(parts)


def _finding(add, d: "Diagnostic", j: int, fid: str, target: Optional[str], quote: Optional[str],
             source: "Optional[Source]", w: dict, lang: str, rules: dict, files: "Optional[dict]" = None) -> None:
    c = _SEV_CLASS.get(d.severity, "e")
    add(f'<li id="{fid}-d{j}" class="{c}">\n<div><span class="badge {c}">{escape(d.severity.text(lang))}</span> '
        f'<span class="msg">{escape(d.message)}</span></div>\n<div class="where">')
    if _whole_file(d):
        add(escape(w["whole"]))
    else:
        where = w["at"].format(l=d.line, c=d.column)
        if d.locator is not None:
            where = f"{d.locator.place}{w['sep']}{where}"
        if d.end_line > d.line and not (d.end_line == d.line + 1 and d.end_column == 1):
            where += w["to"].format(l=d.end_line)
        add(f'<a class="go" href="#{target}">{escape(where)}</a>' if target else escape(where))
    add(f' · <span class="rule"><code>{escape(d.code)}</code> {escape(d.name)}</span></div>\n')
    if quote:  # the words at fault, so the list reads without the text
        if len(quote) > QUOTE:
            quote = quote[: QUOTE - 1] + "…"
        add(f'<div class="quote">{escape(w["quote"])}<mark class="q {c}">{escape(quote)}</mark></div>\n')
    if d.detail:
        add(f'<div class="detail">{escape(d.detail)}</div>\n')
    if d.related:
        lines = source.line_count if source is not None else 0
        add(f'<div>{escape(w["related"])}</div>\n<ul class="related">\n')
        for n, r in enumerate(d.related):
            if n == MAX_RELATED - 1 and len(d.related) > MAX_RELATED:
                more = w["more"].format(n=len(d.related) - n)
                add(f'</ul>\n<details><summary>{escape(more)}</summary>\n<ul class="related">\n')
            at = escape(w["at"].format(l=r.line, c=r.column))
            if r.path is not None:  # in another report: link to it when the page shows it
                other = (files or {}).get(r.path)
                at = f"{escape(r.path)} {at}"
                link = f'<a href="#{other[0]}-L{_target_line(r, other[1])}">{at}</a>' if other else at
            else:
                link = f'<a href="#{fid}-L{r.line}">{at}</a>' if 1 <= r.line <= lines else at
            add(f"<li>{link} {escape(r.message)}</li>\n")
        add("</ul>\n</details>\n" if len(d.related) > MAX_RELATED else "</ul>\n")
    rule = rules.get(d.code)
    if rule is not None:
        doc = rule.doc(lang)
        summary = rule.summary.text(lang)
        add(f'<details><summary>{escape(w["explain"])}{escape(w["sep"])}{escape(summary)}</summary>\n'
            f'<div class="doc">{escape(doc)}</div></details>\n')
    add("</li>\n")


# ----------------------------------------------------------------------- the report text


class _TextView:
    """A page, document or PDF seen as the text report-lint read from it."""

    def __init__(self, source) -> None:
        self.original = source.text
        self.path = source.path
        self.line_count = source.text.count("\n") + (not source.text.endswith("\n"))


def _in_text(d: "Diagnostic") -> "Diagnostic":
    """The diagnostic with its positions in that text (where the locator puts it)."""
    from dataclasses import replace

    loc = d.locator
    related = [replace(r, line=r.locator.text_line, column=r.locator.text_column) if r.locator else r
               for r in d.related]
    if loc is None:
        return replace(d, related=related)
    return replace(d, line=loc.text_line, column=loc.text_column, end_line=loc.text_end_line,
                   end_column=loc.text_end_column, related=related)


def _line_table(original: str) -> list[tuple[int, int, int]]:
    """(start, end of content, start of next line) per line, as Source counts lines; a final
    line end is followed by an empty last line."""
    lines = []
    start = 0
    for m in _LINE_END.finditer(original):
        lines.append((start, m.start(), m.end()))
        start = m.end()
    lines.append((start, len(original), len(original)))
    return lines


def _offset(lines: list[tuple[int, int, int]], line: int, column: int) -> int:
    """Original offset of a 1-based position, clamped into the text (never inside a line end)."""
    if line < 1:
        return 0
    if line > len(lines):
        return lines[-1][2]
    start, end, _ = lines[line - 1]
    return min(start + max(column, 1) - 1, end)


def _text(add, source: "Source", diags: "list[Diagnostic]", fid: str, lang: str, incoming: "set" = frozenset()
          ) -> tuple[dict[int, str], dict[int, tuple[int, int]]]:
    """Write the line-numbered text with highlights; return each finding's first element id and
    its span (original offsets), by its number in the file's list."""
    original = source.original
    lines = _line_table(original)
    spans: dict[int, tuple[int, int]] = {}
    starts: dict[int, list[int]] = {}
    ends: dict[int, list[int]] = {}
    points: dict[int, list[int]] = {}  # zero-width findings by offset
    for j, d in enumerate(diags, 1):
        if _whole_file(d):
            continue
        a = _offset(lines, d.line, d.column)
        b = max(a, _offset(lines, d.end_line, d.end_column))
        spans[j] = (a, b)
        if a == b:
            points.setdefault(a, []).append(j)
        else:
            starts.setdefault(a, []).append(j)
            ends.setdefault(b, []).append(j)
    cuts = sorted({*starts, *ends, *points})
    anchored = {r.line for d in diags for r in d.related if r.path is None} | set(incoming)

    full: dict[int, str] = {}
    brief: dict[int, str] = {}
    first_line: dict[int, int] = {}
    for j in spans:
        d = diags[j - 1]
        head = f"{d.severity.text(lang)} {d.code}"
        full[j] = f"{head} {d.message}"
        # Long spans: the message once, on the first line, not on every line of a huge file.
        brief[j] = "" if d.end_line - d.line > LONG_SPAN else full[j]
        first_line[j] = d.line

    targets: dict[int, str] = {}
    active: set[int] = set()

    def severity_class(js) -> str:
        return _SEV_CLASS.get(max(diags[j - 1].severity for j in js), "e")

    def markers(p: int) -> None:
        for j in points.get(p, ()):
            hid = f"{fid}-h{j}"
            targets[j] = hid
            add(f'<a class="hl zw {severity_class((j,))}" id="{hid}" href="#{fid}-d{j}" data-d="{j}" '
                f'title="{escape(full[j])}"></a>')

    def piece(raw: str, newline: bool, line_no: int) -> None:
        shown = escape(raw.replace("\x00", "\ufffd"), quote=False) + ("\n" if newline else "")
        if not active:
            add(shown)
            return
        js = sorted(active)
        cls = "hl " + severity_class(js) + (" x" if len(js) > 1 else "")
        extra = ""
        if not _INVISIBLE.sub("", raw):  # nothing a browser would draw: give it a width
            m = _INVISIBLE.search(raw)
            if m:
                cls += " inv"
                extra = f' data-show="U+{ord(m.group()):04X}"'
            else:
                cls += " eol"
        fresh = [j for j in js if j not in targets]
        ident = ""
        if fresh:
            hid = f"{fid}-h{fresh[0]}"
            ident = f' id="{hid}"'
            for j in fresh:
                targets[j] = hid
        # Link to the innermost finding: the one a click most likely means.
        inner = min(js, key=lambda j: (spans[j][1] - spans[j][0], -diags[j - 1].severity, j))
        title = "\n".join(filter(None, (full[j] if line_no == first_line[j] else brief[j] for j in js)))
        if title:
            extra += f' title="{escape(title)}"'
        add(f'<a class="{cls}"{ident} href="#{fid}-d{inner}" data-d="{" ".join(map(str, js))}"{extra}>{shown}</a>')

    # A final line end is followed by an empty line (as Source counts lines); it is shown only
    # to hold a mark at the very end of the file.
    count = len(lines)
    if count > 1 and lines[-1][0] == len(original) and len(original) not in points:
        count -= 1
    add('<div class="src">')
    k = 0  # next cut point to process
    for n in range(1, count + 1):
        start, end, nxt = lines[n - 1]
        add(f'<div id="{fid}-L{n}">' if n in anchored else "<div>")
        lo = bisect_left(cuts, start, k)
        hi = bisect_right(cuts, end, lo)  # cut points never fall inside a line end
        pos = start
        for p in cuts[lo:hi]:
            if p > pos:
                piece(original[pos:p], False, n)
                pos = p
            for j in ends.get(p, ()):
                active.discard(j)
            markers(p)
            active.update(starts.get(p, ()))
        k = hi
        # The rest of the line with its line end (shown as one \n, covered like the text before
        # it: no cut falls inside a line end).
        if end > pos or nxt > end:
            piece(original[pos:end], nxt > end, n)
        if n == count:  # anything left (positions at the very end) goes on the last line
            for p in cuts[hi:]:
                for j in ends.get(p, ()):
                    active.discard(j)
                markers(p)
        add("</div>")  # no whitespace between lines: the page's text is the file's text
    add("</div>\n")
    return targets, spans
