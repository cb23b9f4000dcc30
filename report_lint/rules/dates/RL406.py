"""RL406 year-mismatch."""

from ...dates import report_period
from ...findings import Finding, Message, Related, Severity
from ..base import Rule
from ._common import overview_year, title_year


class YearMismatch(Rule):
    """What it does: reports a report year named in the title (first three lines) that the
    body contradicts: the first sentence of 总体情况 opens with another year, or the
    statistics period names another year (reported here only when the report year the other
    rules use is not the title's; otherwise RL404 reports it).

    Why: a title left over from last year's report (or a body copied from it) means the
    report, or part of it, is about the wrong year.

    Example (fails):
        某某局2024年政府信息公开工作年度报告
        一、总体情况
        2023年，我局认真落实条例。
    Use instead:
        2024年，我局认真落实条例。
    """

    code = "RL406"
    name = "year-mismatch"
    severity = Severity.ERROR
    summary = Message("标题中的报告年度与正文（统计期限、总体情况）不一致", "The year in the title contradicts the body")
    doc_zh = """
    检查内容：标题（前三行）中的报告年度与正文不一致：总体情况第一句开头的年份不同，或统计期限的年份不同（统计期限一般由RL404报告，只有在其他规则所用的报告年度不是标题年份时才在这里报告）。

    原因：标题沿用了上一年的年报（或正文从上一年复制而来），说明年报或其中一部分写的是别的年度。

    错误示例：
        某某局2024年政府信息公开工作年度报告
        一、总体情况
        2023年，我局认真落实条例。
    正确写法：
        2024年，我局认真落实条例。
    """

    def check(self, report, ctx):
        text = report.source.text
        t = title_year(text)
        if t is None:
            return
        year, span, _ = t
        title = Related(span, Message(f"标题中的年度为{year}年", f"the title says {year}"))
        ov = overview_year(report)
        if ov is not None and ov[0] != year:
            yield Finding(self.code, Message(f"总体情况开头写的是{ov[0]}年，与标题中的{year}年不一致",
                                             f"总体情况 opens with {ov[0]}, the title says {year}"), ov[1], related=[title])
        if report.report_year == year:
            return  # RL404 compares the period with it
        period = report_period(report)
        if period is not None and period[0].year != year:
            yield Finding(self.code, Message(f"统计期限写的是{period[0].year}年，与标题中的{year}年不一致",
                                             f"the statistics period is in {period[0].year}, the title says {year}"),
                          period[2], related=[title])
