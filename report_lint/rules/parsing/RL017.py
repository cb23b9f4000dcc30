"""RL017 duplicate-row."""

from ...findings import Finding, Message, Severity
from ..base import Rule


class DuplicateRow(Rule):
    """What it does: reports a table row that appears twice (the second one is not used).

    Why: a row pasted twice usually means another row was overwritten or lost.

    Example (fails): two rows labelled 2.重复申请 under (五)不予处理.
    Use instead: each template row once.
    """

    code = "RL017"
    name = "duplicate-row"
    severity = Severity.WARNING
    scope = "template"  # the national template's tables and sections
    summary = Message("统计表中同一行出现了两次", "A table row appears twice")
    doc_zh = """
    检查内容：统计表中同一行出现了两次（只采用第一次出现的数字）。

    原因：重复粘贴的行往往意味着另一行被覆盖或丢失了。

    错误示例：“（五）不予处理”下有两行“2.重复申请”。
    正确写法：模板的每一行只出现一次。
    """

    def check(self, report, ctx):
        for table in report.tables.values():
            for note in table.notes:
                if note.code == "row-duplicate":
                    yield Finding(self.code, Message(f"“{note.detail.get('row')}”一行重复出现，只采用了第一次出现的数字",
                                                     f"row “{note.detail.get('row')}” appears again; only the first one is used"), note.span)
