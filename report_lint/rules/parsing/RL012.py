"""RL012 unknown-row."""

from ...findings import Finding, Message, Related, Severity
from ..base import Rule
from ._tables import TABLE_NAMES


class UnknownRow(Rule):
    """What it does: reports, once per table, the rows whose label matches no row of the
    national template.

    Why: rows are identified by their ordinal and label; a row that cannot be identified is not
    checked, and it may be a row typed under the wrong name (or a row a province added).

    Example (fails): | 其他情形 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
    Use instead: the template's wording, e.g. | 3.其他 | 0 | … |
    """

    code = "RL012"
    name = "unknown-row"
    severity = Severity.WARNING
    scope = "template"  # the national template's tables and sections
    summary = Message("表格中有的行与模板的任何一行都对不上", "Table rows that match no template row")
    doc_zh = """
    检查内容：表格中有的行的名称与国家模板中的任何一行都对不上（每张表报告一次）。

    原因：report-lint 按序号和名称识别每一行；识别不了的行不会被核对，也可能是把某一行的名称写错了（或是省里增加的行）。

    错误示例：| 其他情形 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
    正确写法：使用模板中的名称，例如 | 3.其他 | 0 | … |
    """

    def check(self, report, ctx):
        for kind, table in report.tables.items():
            rows = table.unknown_rows
            if not rows or not table.found:
                continue  # rows of a table that is not there are not its rows
            names = "、".join(f"“{_short(r.label)}”" for r in rows[:4]) + ("等" if len(rows) > 4 else "")
            yield Finding(self.code,
                          Message(f"{TABLE_NAMES[kind].zh}中有 {len(rows)} 行与模板的任何一行都对不上，未参与核对：{names}",
                                  f"{len(rows)} rows of {TABLE_NAMES[kind].en} match no template row and are not checked: {names}"),
                          rows[0].span,
                          [Related(r.span, Message(f"“{_short(r.label)}”", f"“{_short(r.label)}”")) for r in rows[1:] if r.span is not None])


def _short(label: str) -> str:
    return label if len(label) <= 24 else label[:24] + "…"
