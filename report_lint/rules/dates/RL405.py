"""RL405 signature-timing."""

from datetime import date

from ...dates import is_valid, report_signature
from ...findings import Finding, Message, Severity
from ..base import Rule
from ._common import title_year

_KIND = {"department": ("部门", "department"), "government": ("人民政府", "government")}


def body_kind(report, ctx, sig) -> str:
    """department | government: configured, else from the body named in the title (or the
    line above the signature date): 人民政府/政府 -> government."""
    if ctx.body_kind in ("department", "government"):
        return ctx.body_kind
    text = report.source.text
    t = title_year(text)
    body = t[2] if t else ""
    if not body and sig is not None:
        before = text[:sig.span.start].rstrip().rsplit("\n", 1)[-1].strip()
        body = before
    return "government" if body.endswith(("人民政府", "政府")) else "department"


class SignatureTiming(Rule):
    """What it does: reports a signature date (成文日期) that falls within (or before) the
    report year, so the year was not over when the report was written, or after the deadline
    of 条例第四十九条: 31 January of the next year for a department of a government at or above
    county level, 31 March for the government's own report. The deadlines come from the
    configuration (`[deadlines]`); which one applies is `body_kind`, or, when `auto`, the
    government one if the body named in the title ends with 人民政府/政府. The message says
    which deadline was used.

    Why: 《政府信息公开条例》第四十九条 sets the publication deadlines.

    Example (fails):
        某某市人力资源和社会保障局2024年政府信息公开工作年度报告
        ……
        2025年3月10日
    Use instead: a date no later than 2025年1月31日.
    """

    code = "RL405"
    name = "signature-timing"
    severity = Severity.WARNING
    scope = "template"  # the national template's tables and sections
    summary = Message("落款日期早于报告年度结束或晚于条例第四十九条规定的公布期限", "The signature date is before the end of the report year or after the deadline")
    doc_zh = """
    检查内容：落款（成文日期）在报告年度之内（或更早），即年度尚未结束就成文；或晚于条例第四十九条的公布期限：县级以上人民政府部门为次年1月31日，县级以上地方人民政府的年报为次年3月31日。期限可在配置 `[deadlines]` 中修改；适用哪一个由 `body_kind` 决定，为 `auto` 时，标题中的发布机关以“人民政府”或“政府”结尾的按人民政府的期限，否则按部门的期限。提示信息会说明所用的期限。

    原因：《政府信息公开条例》第四十九条规定了年报的公布期限。

    错误示例：
        某某市人力资源和社会保障局2024年政府信息公开工作年度报告
        ……
        2025年3月10日
    正确写法：落款日期不晚于2025年1月31日。
    """

    def check(self, report, ctx):
        year = report.report_year
        sig = report_signature(report)
        if year is None or sig is None or not sig.full or not is_valid(sig.year, sig.month, sig.day):
            return
        signed = date(sig.year, sig.month, sig.day)
        if signed.year <= year:
            yield Finding(self.code, Message(f"落款日期{sig.raw}早于{year}年度结束",
                                             f"signature date {sig.raw} is before the end of the report year {year}"), sig.span)
            return
        kind = body_kind(report, ctx, sig)
        month, day = ctx.deadlines.get(kind, (1, 31) if kind == "department" else (3, 31))
        deadline = date(year + 1, month, day)
        if signed > deadline:
            zh, en = _KIND[kind]
            yield Finding(self.code, Message(
                f"落款日期{sig.raw}晚于公布期限{year + 1}年{month}月{day}日（按{zh}年报的期限，条例第四十九条）",
                f"signature date {sig.raw} is after the deadline {year + 1}年{month}月{day}日 (the {en} deadline, 条例第四十九条)"),
                sig.span)
