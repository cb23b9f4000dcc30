"""RL013 unreadable-row."""

from ...findings import Finding, Message, Severity
from ..base import Rule

_WHY = {
    "row-ambiguous": ("数字连在一起，有多种拆分方式都能使本行平衡，无法确定", "the digits run together and more than one split balances the row"),
    "row-unreadable": ("数字连在一起，没有一种拆分方式能使本行平衡", "the digits run together and no split balances the row"),
    "row-short": ("数字个数少于应有的 {expected} 个（读到 {found} 个）", "fewer values than the {expected} expected ({found} found)"),
}


class UnreadableRow(Rule):
    """What it does: reports a table row whose numbers cannot be read with certainty: fewer
    values than the row has columns, or digits run together (a web page that lost its cell
    boundaries) that more than one split — or none — would make balance.

    Why: report-lint never guesses a number; such a row is left out of the arithmetic, so the
    report should be fixed or the row checked by hand. When no split at all balances the row,
    the row certainly holds an error and the finding is an error; otherwise a warning.

    Example (fails): 一、本年新收政府信息公开申请数量 101000011  (10,1,0,0,0,0,11 or 1,0,10,0,0,0,11)
    Use instead: separate cells: 一、本年新收政府信息公开申请数量 | 10 | 1 | 0 | 0 | 0 | 0 | 11 |
    """

    code = "RL013"
    name = "unreadable-row"
    severity = Severity.WARNING
    scope = "template"  # the national template's tables and sections
    summary = Message("表格中某一行的数字无法可靠读取，未参与核算", "A row's numbers cannot be read with certainty")
    doc_zh = """
    检查内容：表格中某一行的数字无法可靠读取：数字个数少于列数，或者数字连在一起（网页丢失了单元格边界），
    有多种拆分方式（或者没有任何一种）能使本行平衡。

    原因：report-lint 从不猜测数字；这样的行不参与核算，需要修改原文或人工核对。
    如果任何拆分方式都不能使本行平衡，这一行肯定有错，按“错误”报告；否则按“警告”报告。

    错误示例：一、本年新收政府信息公开申请数量 101000011（既可读作 10,1,0,0,0,0,11，也可读作 1,0,10,0,0,0,11）
    正确写法：分开的单元格：一、本年新收政府信息公开申请数量 | 10 | 1 | 0 | 0 | 0 | 0 | 11 |
    """

    def check(self, report, ctx):
        for table in report.tables.values():
            for note in table.notes:
                why = _WHY.get(note.code)
                if why is None:
                    continue
                row = note.detail.get("row", "")
                args = {k: note.detail.get(k, "?") for k in ("expected", "found")}
                zh, en = why[0].format(**args), why[1].format(**args)
                where_zh = f"“{row}”一行" if row else "这一行"
                where_en = f"row “{row}”" if row else "this row"
                # No split balancing the row is an arithmetic error whatever the cells are.
                certain = note.code == "row-unreadable"
                yield Finding(self.code, Message(f"{where_zh}的数字无法可靠读取：{zh}；本行未参与核算",
                                                 f"{where_en} cannot be read with certainty: {en}; it is left out of the arithmetic"), note.span,
                              severity=Severity.ERROR if certain else None)
