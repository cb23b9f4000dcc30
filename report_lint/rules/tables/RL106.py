"""RL106 placeholder-cell."""

from ...findings import Finding, Message, Related, Severity
from ..base import Rule
from ._null import all_null


class PlaceholderCell(Rule):
    """What it does: reports table cells left blank or filled with a placeholder (/, -, —, 无)
    instead of a number; one finding per row.

    Why: the template's instruction is to write 0 where there is nothing to report. For the
    arithmetic a blank counts as 0, but a blank cannot be told apart from a number that was lost.

    Example (fails): | 一、本年新收政府信息公开申请数量 | 5 | / | / | / | / | / | 5 |
    Use instead:     | 一、本年新收政府信息公开申请数量 | 5 | 0 | 0 | 0 | 0 | 0 | 5 |
    """

    code = "RL106"
    name = "placeholder-cell"
    severity = Severity.WARNING
    scope = "template"  # the national template's tables and sections
    summary = Message("单元格空白或填了“/”“-”等占位符，应填 0", "Blank or placeholder cells where 0 is required")
    doc_zh = """
    检查内容：统计表的单元格空着，或填了“/”“-”“—”“无”等占位符，而不是数字；每行报告一次。

    原因：模板要求没有数字的填 0。核算时空白按 0 计，但空白无法与丢失的数字区分。

    错误示例：| 一、本年新收政府信息公开申请数量 | 5 | / | / | / | / | / | 5 |
    正确写法：| 一、本年新收政府信息公开申请数量 | 5 | 0 | 0 | 0 | 0 | 0 | 5 |
    """

    def check(self, report, ctx):
        for table in report.tables.values():
            if not table.found or all_null(table):
                continue  # RL107 says the table is not checkable, once
            for row in table.rows.values():
                empty = [c for c in row.cells if c.kind in ("placeholder", "blank")]
                if not empty:
                    continue
                first = next((c.span for c in empty if c.span is not None), row.span)
                shown = "、".join(f"“{c.raw}”" if c.raw else "空白" for c in empty[:3])
                yield Finding(
                    self.code,
                    Message(f"“{row.label or row.key}”一行有 {len(empty)} 个单元格未填数字（{shown}），应填 0；核算时按 0 计",
                            f"row “{row.label or row.key}” has {len(empty)} cells without a number; write 0 (counted as 0)"),
                    first,
                    [Related(c.span, Message(f"“{c.raw}”" if c.raw else "空白", c.raw or "blank")) for c in empty[1:] if c.span is not None],
                )
