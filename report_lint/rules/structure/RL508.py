"""RL508 fee-statement."""

import re

from ...dates import report_signature
from ...findings import Finding, Message, Severity
from ..base import Rule
from ._wording import alternation, outside_tables, section_body

FIRST_YEAR = 2021  # 国办公开办函〔2021〕30号, the fee measure (国办函〔2020〕109号) in force from 2021
_SENTENCE_END = re.compile(r"[。!?！？]")


class FeeStatement(Rule):
    """What it does: reports a report (for 2021 or later) whose 六、其他需要报告的事项 — or any
    other part of its prose — does not say whether an information-processing fee (信息处理费) was
    charged: how many charge notices were issued and for how much, and how much was actually
    collected, or that none was charged. The tables' 行政事业性收费 is another charge and does not
    count. Not checked when the text stops before section 六 or is cut inside it.

    Why: the 2021 template (国办公开办函〔2021〕30号) asks every report to state, under 六, the
    信息处理费 charged under 《政府信息公开信息处理费管理办法》 (国办函〔2020〕109号), even when it is
    zero; "无其他需要报告的事项" leaves the reader not knowing.

    Example (fails):
        六、其他需要报告的事项
        无。
    Use instead:
        六、其他需要报告的事项
        本年度未发出收费通知，未收取信息处理费。
    """

    code = "RL508"
    name = "fee-statement"
    severity = Severity.WARNING
    scope = "template"
    summary = Message("没有说明信息处理费的收取情况（2021年模板第六部分要求）",
                      "The report does not state the information-processing fee charged (section 六 of the 2021 template)")
    doc_zh = """
    检查内容：2021年及以后的年报，“六、其他需要报告的事项”（或正文其他部分）没有说明信息处理费的收取情况：发出收费通知的件数和金额、实际收取的金额，或者本年度未收取。统计表中的“行政事业性收费”是另一种收费，不算。文本在第六部分之前就结束、或在第六部分中被截断时不检查。

    原因：2021年版年报格式（国办公开办函〔2021〕30号）要求在第六部分报告依据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）收取信息处理费的情况，没有收取也要写明；只写“无其他需要报告的事项”，读者无从知道。

    错误示例：
        六、其他需要报告的事项
        无。
    正确写法：
        六、其他需要报告的事项
        本年度未发出收费通知，未收取信息处理费。
    """

    def check(self, report, ctx):
        if report.report_year is None or report.report_year < FIRST_YEAR:
            return  # the 2019 trial template asked nothing about the fee
        body = section_body(report, 6)
        if body is None:
            return  # no section 六 (RL501 says so) or the text stops before it (RL005)
        text = report.source.text
        if not _complete(report, body):
            return
        fee, not_fee = alternation("fee", "patterns"), alternation("fee", "not_fee")
        for a, b in outside_tables(report, 0, len(text), headers=False):
            chunk = text[a:b]
            if not_fee is not None:
                chunk = not_fee.sub(lambda m: "\x00" * len(m.group()), chunk)
            if fee.search(chunk):
                return
        heading = report.section(6).heading
        yield Finding(self.code, Message(
            "第六部分“其他需要报告的事项”没有说明信息处理费的收取情况（发出收费通知的件数和金额、实际收取的金额，或本年度未收取）",
            "section 六 does not state the information-processing fee (charge notices issued and their amount, "
            "the amount collected, or that none was charged)"), heading)


def _complete(report, body) -> bool:
    """Whether section 六 can be read whole: the report is signed, or the section ends with a
    finished sentence (at most a short tail of page furniture after it)."""
    if report_signature(report) is not None:
        return True
    text = report.source.text
    ends = list(_SENTENCE_END.finditer(text, body.start, body.end))
    if not ends:
        return False  # empty or unfinished, and unsigned: perhaps cut right after the heading
    return len(text[ends[-1].end():body.end].strip()) <= 40
