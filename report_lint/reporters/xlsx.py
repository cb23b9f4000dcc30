"""The office's issue list (问题清单) as an Excel workbook (``xlsx``, binary: ``-o 问题清单.xlsx``).

Sheet 问题清单: one row per finding, in the order of the other formats, with the columns
文件, 位置, 规则, 严重程度, 问题, 等式/说明, 相关位置 (English headers with ``--lang en``): 位置 is
``行:列`` of the file, with the place in words for a web page, Word document or PDF
(``表2 第6行第5列（32:25）``); 规则 the code and name; 相关位置 one related place a line.
Sheet 汇总: one row per file checked (clean files too): its errors, warnings, infos, the total,
the findings accepted by a review file, the rules found with their counts, and the coverage
(检查范围: 三张表均已核对 / which tables or rows were not checked).

Both sheets have their header row frozen and filtered, and columns sized to their content
(Chinese characters count double), long text wrapped. Every cell is written as text or a
number, never a formula (a message beginning with "=" stays text), and characters Excel cannot
hold are dropped.

Written with openpyxl (imported only for this format), a well-kept library that also reads the
workbooks back (the tests open every sheet and count the rows against the JSON format).
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from ._common import Tally, sorted_diagnostics

if TYPE_CHECKING:
    from ..findings import FileResult

BINARY = True

HEADERS = {
    "zh": ("文件", "位置", "规则", "严重程度", "问题", "等式/说明", "相关位置"),
    "en": ("File", "Position", "Rule", "Severity", "Problem", "Equation / detail", "Related"),
}
SUMMARY = {
    "zh": ("文件", "错误", "警告", "提示", "合计", "已接受", "规则", "检查范围"),
    "en": ("File", "Errors", "Warnings", "Infos", "Total", "Accepted", "Rules", "Coverage"),
}
SHEETS = {"zh": ("问题清单", "汇总"), "en": ("Findings", "Summary")}
MAX_WIDTH = 60  # characters of a column; longer text wraps


def rows(results: "list[FileResult]", lang: str) -> list[tuple]:
    """The 问题清单 rows, one per finding (what the tests count against the JSON)."""
    out = []
    for d in sorted_diagnostics(results):
        where = f"{d.line}:{d.column}"
        if d.locator is not None:
            where = f"{d.locator.place}（{where}）" if lang == "zh" else f"{d.locator.place} ({where})"
        related = "\n".join(f"{r.path + ':' if r.path is not None else ''}{r.line}:{r.column} {r.message}" for r in d.related)
        out.append((d.path, where, f"{d.code} {d.name}".strip(), d.severity.text(lang), d.message, d.detail, related))
    return out


def summary_rows(results: "list[FileResult]") -> list[tuple]:
    out = []
    for r in sorted(results, key=lambda r: r.path):
        t = Tally()
        t.add(r)
        s = t.summary()
        codes = "，".join(f"{c.code}×{c.count}" for c in t.rule_counts())
        cov = r.coverage.line if r.coverage is not None else ""
        out.append((r.path, s.errors, s.warnings, s.infos, s.total, len(r.accepted), codes, cov))
    return out


def render(results: "list[FileResult]", *, lang: str = "zh", color: bool = False, statistics: bool = False) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    lang = "en" if lang == "en" else "zh"
    wb = Workbook()
    findings = wb.active
    findings.title = SHEETS[lang][0]
    summary = wb.create_sheet(SHEETS[lang][1])
    head_font, head_fill = Font(bold=True), PatternFill("solid", fgColor="DDEBF7")
    wrap = Alignment(wrap_text=True, vertical="top")
    for sheet, header, body, wrapped in ((findings, HEADERS[lang], rows(results, lang), {4, 5, 6}),
                                         (summary, SUMMARY[lang], summary_rows(results), {6, 7})):
        sheet.append([_text(h) for h in header])
        for cell in sheet[1]:
            cell.font, cell.fill = head_font, head_fill
        for row in body:
            sheet.append([_value(v) for v in row])
        for col, cells in enumerate(sheet.iter_cols(min_row=1, max_row=sheet.max_row), start=0):
            width = max((_width(c.value) for c in cells), default=4)
            sheet.column_dimensions[cells[0].column_letter].width = min(MAX_WIDTH, width + 2)
            if col in wrapped:
                for c in cells[1:]:
                    c.alignment = wrap
            for c in cells[1:]:
                if isinstance(c.value, str):
                    c.data_type = "s"  # never a formula, whatever the text starts with
        sheet.freeze_panes = "A2"
        sheet.auto_filter.ref = sheet.dimensions
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _text(s: str) -> str:
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    return ILLEGAL_CHARACTERS_RE.sub("", s)


def _value(v):
    return _text(v) if isinstance(v, str) else v


def _width(v) -> int:
    """Display width of a cell's longest line (East Asian wide characters count two)."""
    if v is None:
        return 0
    import unicodedata

    return max((sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in line)
                for line in str(v).split("\n")), default=0)
