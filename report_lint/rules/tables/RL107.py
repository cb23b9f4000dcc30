"""RL107 table-not-checkable."""

from ...findings import Finding, Message, Severity
from ..base import Rule
from ..parsing._tables import TABLE_NAMES
from ._null import all_null


class TableNotCheckable(Rule):
    """What it does: reports, once, a table written entirely with placeholders (/, -) or left
    blank: there is no number to check.

    Why: such a table cannot be told to balance or not; it is not "balanced". The template asks
    for 0 in every cell with nothing to report.

    Example (fails): every cell of the review table is "/".
    Use instead: 0 in every cell.
    """

    code = "RL107"
    name = "table-not-checkable"
    severity = Severity.WARNING
    scope = "template"  # the national template's tables and sections
    summary = Message("整张表都是空白或占位符，无法核对", "A table holds no number at all and cannot be checked")
    doc_zh = """
    检查内容：整张表都用“/”“-”等占位符填写或空着，没有任何数字可以核对（每张表只报告一次）。

    原因：这样的表无所谓平不平衡，不能算作“已核对无误”。模板要求没有数字的单元格填 0。

    错误示例：行政复议、行政诉讼情况表的每一格都是“/”。
    正确写法：每一格填 0。
    """

    def check(self, report, ctx):
        for kind, table in report.tables.items():
            if table.found and all_null(table):
                yield Finding(self.code, Message(f"{TABLE_NAMES[kind].zh}中没有任何数字（全是空白或占位符），无法核对",
                                                 f"{TABLE_NAMES[kind].en} holds no number (all blank or placeholders) and cannot be checked"), table.span)
