"""RL600 duplicate-year."""

from __future__ import annotations

from ...findings import Finding, Message, Related, Severity
from ...model import Span
from ..base import SeriesRule


def _where(r) -> "Span | None":
    s = r.title_span or r.year_span or r.body_span
    return Span(*s) if s else None


class DuplicateYear(SeriesRule):
    """What it does: in a batch, finds two (or more) reports of the same body for the same
    year, by the body's name and the report year, and says which report the cross-year checks
    used: the first by path when their tables and statements agree, none when they differ.

    Why: one body publishes one report a year. Two in one batch are a page and its PDF (then
    the checks may use either), a draft beside the final text, or a report filed under the
    wrong year; report-lint never picks one of two different texts in silence.

    Example (warns):
        reports/2023/人社局.html and reports/2023/人社局-修订.pdf, both 2023 reports of
        某市人力资源和社会保障局, with different tables
    Use instead: keep the published version in the batch, or check the two apart.
    """

    code = "RL600"
    name = "duplicate-year"
    severity = Severity.WARNING
    summary = Message("同一机关同一年度有两份报告", "Two reports of one body for the same year")
    doc_zh = """
    检查内容：一批报告中，按机关名称和报告年度找出同一机关同一年度的两份（或多份）报告，并说明跨年度核对用了哪一份：
    两份统计表和正文所述数字一致时用路径排在前面的一份，不一致时都不用。

    原因：一个机关每年只发布一份报告。一批中出现两份，可能是网页和它的 PDF（用哪一份都一样），可能是草稿和定稿，
    也可能是年度写错了；两份内容不同时，report-lint 不会悄悄选用其中一份。

    错误示例：
        reports/2023/人社局.html 与 reports/2023/人社局-修订.pdf，都是某市人力资源和社会保障局的 2023 年报告，统计表不同
    正确写法：只保留发布的版本，或把两份分开检查。
    """

    def check(self, series, ctx):
        for year, copies in sorted(series.duplicates.items()):
            first, rest = copies[0], copies[1:]
            used = series.at(year) is first
            for r in rest:
                if used:
                    how = (f"两份报告的统计表和正文所述数字相同，跨年度核对使用了 {first.path}",
                           f"their tables and stated numbers agree; the cross-year checks used {first.path}")
                else:
                    how = ("两份报告的内容不同，该年度未参加跨年度核对",
                           "they differ; that year took no part in the cross-year checks")
                msg = Message(f"{series.name} {year} 年度的报告在本次检查中不止一份：{r.path} 与 {first.path}；{how[0]}",
                              f"more than one {year} report of {series.name} in this batch: {r.path} and {first.path}; {how[1]}")
                s = _where(first)
                related = [Related(s, Message(f"另一份 {year} 年度报告", f"the other {year} report"), first.path)] if s else []
                yield Finding(self.code, msg, _where(r), related, path=r.path)
