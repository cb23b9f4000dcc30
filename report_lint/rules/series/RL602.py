"""RL602 in-force-not-carried."""

from __future__ import annotations

from ...findings import Finding, Message, Related, Severity
from ..base import SeriesRule
from ._common import fmt, row_name, span


class InForceNotCarried(SeriesRule):
    """What it does: for 规章 and 行政规范性文件 (2021 template, both years), checks that this
    year's 现行有效件数 equals last year's 现行有效件数 + this year's 本年制发件数 − 本年废止件数,
    and shows the arithmetic.

    Why: documents in force at the end of the year are those in force a year before, plus the
    ones issued, minus the ones repealed. Documents also lapse without being repealed (a term
    that ends, a 清理), so a difference is a warning to look at, not an error.

    Example (warns):
        2023 report: 行政规范性文件 | 3 | 1 | 20
        2024 report: 行政规范性文件 | 4 | 2 | 25     (20 + 4 − 2 = 22)
    Use instead: 行政规范性文件 | 4 | 2 | 22 (or say in the text why three more are in force)
    """

    code = "RL602"
    name = "in-force-not-carried"
    severity = Severity.WARNING
    summary = Message("现行有效件数与上一年度现行有效加本年制发减本年废止不符",
                      "In force differs from last year's in force + issued − repealed")
    doc_zh = """
    检查内容：规章和行政规范性文件（两年都是 2021 年格式时），本年“现行有效件数”应等于上一年度报告的
    “现行有效件数”加本年“本年制发件数”减“本年废止件数”，并列出算式。

    原因：年末现行有效的文件，就是上一年末现行有效的，加上本年制发的，减去本年废止的。文件也会因有效期
    届满、清理等原因失效而不是被废止，所以不符只是提醒（警告），不是错误。

    错误示例：
        2023 年报告：行政规范性文件 | 3 | 1 | 20
        2024 年报告：行政规范性文件 | 4 | 2 | 25     （20 + 4 − 2 = 22）
    正确写法：行政规范性文件 | 4 | 2 | 22（或在正文中说明另有文件失效或其他原因）
    """

    def check(self, series, ctx):
        for a, b in series.pairs():
            if a.template != "2021" or b.template != "2021":
                continue  # the 2019 template has no 现行有效件数 (对外公开总数量 is another count)
            for row in ("regulations", "normative_documents"):
                prev = a.cells.get(f"active:{row}.in_force")
                cur = b.cells.get(f"active:{row}.in_force")
                issued = b.cells.get(f"active:{row}.issued")
                repealed = b.cells.get(f"active:{row}.repealed")
                if None in (prev, cur, issued, repealed):
                    continue
                expected = prev[0] + issued[0] - repealed[0]
                if cur[0] == expected:
                    continue
                yield self._finding(a, b, row, prev, cur, issued, repealed, expected)

    def _finding(self, a, b, row, prev, cur, issued, repealed, expected) -> Finding:
        r_zh, r_en = row_name(row, "zh"), row_name(row, "en")
        diff = fmt(abs(cur[0] - expected))
        msg = Message(
            f"“{r_zh}”现行有效件数为 {fmt(cur[0])}，而 {a.year} 年报告的现行有效件数加本年制发减本年废止为 {fmt(expected)}",
            f"{r_en}: {fmt(cur[0])} in force, but the {a.year} report's in force + issued − repealed is {fmt(expected)}")
        detail = Message(
            f"{a.year} 年现行有效 {fmt(prev[0])} + 本年制发 {fmt(issued[0])} − 本年废止 {fmt(repealed[0])} = {fmt(expected)}"
            f" ≠ 现行有效 {fmt(cur[0])}（相差 {diff}；文件也可能因到期、清理而失效，请核实）",
            f"in force in {a.year} {fmt(prev[0])} + issued {fmt(issued[0])} − repealed {fmt(repealed[0])} = {fmt(expected)}"
            f" != in force {fmt(cur[0])} (difference {diff}; documents can also lapse: please check)")
        related = [
            Related(span(prev), Message(f"{a.year} 年报告 {r_zh} 现行有效件数 {fmt(prev[0])}",
                                        f"{a.year} report: {r_en} in force {fmt(prev[0])}"), a.path),
            Related(span(issued), Message(f"本年制发件数 {fmt(issued[0])}", f"issued {fmt(issued[0])}")),
            Related(span(repealed), Message(f"本年废止件数 {fmt(repealed[0])}", f"repealed {fmt(repealed[0])}")),
        ]
        return Finding(self.code, msg, span(cur), related, detail, path=b.path)
