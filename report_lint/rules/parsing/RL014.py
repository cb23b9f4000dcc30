"""RL014 recovered-cells."""

from ...findings import Finding, Message, Severity
from ..base import Rule


class RecoveredCells(Rule):
    """What it does: notes a row whose digits ran together (text copied from a web page that
    lost its cell boundaries) and were split into cells because exactly one split satisfies the
    row's own identity.

    Why: the values are certain, but the published text is hard to read; the page's table
    should be fixed.

    Example (noted): 一、本年新收政府信息公开申请数量 713000074  (read as 71, 3, 0, 0, 0, 0, 74)
    Use instead: separate cells.
    """

    code = "RL014"
    name = "recovered-cells"
    severity = Severity.INFO
    scope = "template"  # the national template's tables and sections
    summary = Message("数字连在一起的行已按本行勾稽关系唯一地拆分还原", "Run-together digits were split by the row's identity")
    doc_zh = """
    检查内容：某一行的数字连在一起（从丢失了单元格边界的网页复制而来），由于只有一种拆分方式能使本行平衡，已据此还原。

    原因：还原出的数字是确定的，但发布的文本难以阅读，应修正网页上的表格。

    提示示例：一、本年新收政府信息公开申请数量 713000074（读作 71、3、0、0、0、0、74）
    正确写法：分开的单元格。
    """

    def check(self, report, ctx):
        for table in report.tables.values():
            for note in table.notes:
                if note.code == "cells-recovered":
                    row = note.detail.get("row", "")
                    yield Finding(self.code, Message(f"“{row}”一行的数字连在一起（{note.detail.get('raw')}），已按本行勾稽关系唯一地拆分还原" if row else f"数字连在一起（{note.detail.get('raw')}），已按勾稽关系唯一地拆分还原",
                                                     f"digits ran together ({note.detail.get('raw')}) and were split by the row's identity"), note.span)
