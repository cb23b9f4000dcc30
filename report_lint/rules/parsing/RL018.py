"""RL018 extra-values."""

from ...findings import Finding, Message, Severity
from ..base import Rule


class ExtraValues(Rule):
    """What it does: reports a row with more numbers than the table has columns.

    Why: extra numbers usually belong to a row whose label was lost; they are not used.

    Example (fails): | 2.重复申请 | 3 | 0 | 0 | 0 | 0 | 0 | 3 | 0 | 0 |
    Use instead: seven values, and the lost row restored with its label.
    """

    code = "RL018"
    name = "extra-values"
    severity = Severity.WARNING
    scope = "template"  # the national template's tables and sections
    summary = Message("某一行的数字个数多于表格的列数", "A row has more values than the table has columns")
    doc_zh = """
    检查内容：某一行的数字个数多于表格的列数。

    原因：多出来的数字通常属于另一行（那一行的名称丢失了），这些数字不会被采用。

    错误示例：| 2.重复申请 | 3 | 0 | 0 | 0 | 0 | 0 | 3 | 0 | 0 |
    正确写法：每行七个数，并补回丢失名称的那一行。
    """

    def check(self, report, ctx):
        for table in report.tables.values():
            for note in table.notes:
                if note.code == "row-extra-values":
                    row = note.detail.get("row", "")
                    yield Finding(self.code, Message(f"“{row}”一行有 {note.detail.get('found')} 个数字，多于应有的 {note.detail.get('expected')} 个；多出的数字未被采用",
                                                     f"row “{row}” has {note.detail.get('found')} values, more than the {note.detail.get('expected')} expected; the extra ones are not used"), note.span)
