"""RL406 year-mismatch."""

import re

from ...dates import report_period
from ...findings import Finding, Message, Related, Severity
from ...model import Span
from ...narrative import topic_at
from ..base import Rule
from ._common import overview_year, title_year


class YearMismatch(Rule):
    """What it does: reports a report year named in the title (first three lines) that the
    body contradicts: the first sentence of 总体情况 opens with another year, or the
    statistics period names another year (reported here only when the report year the other
    rules use is not the title's; otherwise RL404 reports it). And, as a warning, plans for
    improvement written for the report year itself ("2016年，我们将采取以下措施加以改进" in the 2016
    report, under 问题和改进): the year is over when the report is written, the next was meant.

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
    检查内容：标题（前三行）中的报告年度与正文不一致：总体情况第一句开头的年份不同，或统计期限的年份不同（统计期限一般由RL404报告，只有在其他规则所用的报告年度不是标题年份时才在这里报告）。另外，在“问题和改进”部分把改进措施写成报告年度本年（2016年年报中“2016年，我们将采取以下措施加以改进”）的，报告成文时该年度已经结束，应为下一年，提示警告。

    原因：标题沿用了上一年的年报（或正文从上一年复制而来），说明年报或其中一部分写的是别的年度。

    错误示例：
        某某局2024年政府信息公开工作年度报告
        一、总体情况
        2023年，我局认真落实条例。
    正确写法：
        2024年，我局认真落实条例。
    """

    def check(self, report, ctx):
        yield from self._plan_year(report)
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

    def _plan_year(self, report):
        """改进措施 for the report year: "2016年，我们将采取以下措施加以改进" in the 2016 report (written
        after the year ended) plans for a year that is over: the next year was meant. A warning."""
        year = report.report_year
        if year is None:
            return
        text = report.source.text
        for m in _PLAN.finditer(text):  # starts with a literal: the engine skips to the 2s
            if int(m.group("y")) != year or m.start() and text[m.start() - 1].isdigit():
                continue
            topic = topic_at(report, m.start())
            tail = text[m.end():m.end() + 40]
            if not any(w in topic for w in _PLAN_TOPIC) and not any(w in tail for w in ("改进", "整改")):
                continue
            yield Finding(self.code, Message(f"改进措施写的是{year}年（“{m.group()}”），而报告年度{year}年已经结束，"
                                             f"应为{year + 1}年？",
                                             f"the plan is written for {year} (“{m.group()}”), the report year, which "
                                             f"is over: {year + 1} was meant?"),
                          Span(m.start("y"), m.end("y")), severity=Severity.WARNING)


# "2016年，我们将采取以下措施…", "2023年，我区将进一步…": a plan (将 + what will be done; not 将 + a
# noun, which is 把: 2024年，我局将政务公开纳入考核)
_PLAN = re.compile(r"(?P<y>20\d\d)年(?:度)?[,，]?[^\S\n]*(?:我们|我区|我县|我市|我局|我委|我办|我厅|我镇|我乡|我街道|"
                   r"我单位|本机关|本单位|本部门)?将(?:继续|进一步|采取|着力|持续|重点|从以下|在以下|不断|切实|全面|围绕)")
# the sub-heading or section the plan stands under
_PLAN_TOPIC = ("改进", "整改", "问题", "下一步", "工作打算", "计划")
