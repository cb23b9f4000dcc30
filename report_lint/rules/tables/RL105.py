"""RL105 invalid-count."""

from ...findings import Finding, Message, Severity
from ..base import Rule

_SIGNED = {"change"}  # 2019 template: 本年增/减 may be negative
_AMOUNTS = {"amount"}  # money (万元 or 元) may have decimals


class InvalidCount(Rule):
    """What it does: reports a negative or fractional number where the table counts things
    (applications, cases, documents, decisions).

    Why: a count is a whole number of at least 0. Only amounts of money (行政事业性收费 本年收费金额)
    may have decimals, and only the 2019 template's 本年增/减 may be negative.

    Example (fails): | 2.重复申请 | 2.5 | 0 | … |   or   | 行政许可 | -3 |
    Use instead: | 2.重复申请 | 2 | 0 | … |
    """

    code = "RL105"
    name = "invalid-count"
    severity = Severity.ERROR
    scope = "template"  # the national template's tables and sections
    summary = Message("件数为负数或小数", "A count is negative or fractional")
    doc_zh = """
    检查内容：统计表中表示件数（申请、案件、文件、决定）的数字为负数或小数。

    原因：件数只能是不小于 0 的整数。只有金额（行政事业性收费的本年收费金额）可以有小数，
    只有 2019 年模板的“本年增/减”可以为负数。

    错误示例：| 2.重复申请 | 2.5 | 0 | … |  或  | 行政许可 | -3 |
    正确写法：| 2.重复申请 | 2 | 0 | … |
    """

    def check(self, report, ctx):
        from ...templates import load

        columns = load().columns
        for table in report.tables.values():
            if not table.found:
                continue
            for row in table.rows.values():
                fields = row.fields or columns
                for name, cell in zip(fields, row.cells):
                    v = cell.value
                    if v is None or name in _AMOUNTS:
                        continue
                    if v < 0 and name not in _SIGNED:
                        yield Finding(self.code, Message(f"“{row.label or row.key}”中的件数为负数（{cell.raw}）", f"negative count in “{row.label or row.key}” ({cell.raw})"), cell.span)
                    elif isinstance(v, float) and not v.is_integer():
                        yield Finding(self.code, Message(f"“{row.label or row.key}”中的件数不是整数（{cell.raw}）", f"count in “{row.label or row.key}” is not a whole number ({cell.raw})"), cell.span)
