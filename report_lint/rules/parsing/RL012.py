"""RL012 unknown-row."""

from ...findings import Finding, Message, Severity
from ..base import Rule
from ._tables import TABLE_NAMES


class UnknownRow(Rule):
    """What it does: reports a table row whose label matches no row of the national template.

    Why: rows are identified by their ordinal and label; a row that cannot be identified is not
    checked, and it may be a row typed under the wrong name.

    Example (fails): | 其他情形 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
    Use instead: the template's wording, e.g. | 3.其他 | 0 | … |
    """

    code = "RL012"
    name = "unknown-row"
    severity = Severity.WARNING
    scope = "template"  # the national template's tables and sections
    summary = Message("表格中有一行与模板的任何一行都对不上", "A table row matches no template row")
    doc_zh = """
    检查内容：表格中某一行的名称与国家模板中的任何一行都对不上。

    原因：report-lint 按序号和名称识别每一行；识别不了的行不会被核对，也可能是把某一行的名称写错了。

    错误示例：| 其他情形 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
    正确写法：使用模板中的名称，例如 | 3.其他 | 0 | … |
    """

    def check(self, report, ctx):
        for kind, table in report.tables.items():
            for row in table.unknown_rows:
                yield Finding(self.code, Message(f"{TABLE_NAMES[kind].zh}中的“{row.label}”一行与模板的任何一行都对不上，未参与核对",
                                                 f"row “{row.label}” in {TABLE_NAMES[kind].en} matches no template row and is not checked"), row.span)
