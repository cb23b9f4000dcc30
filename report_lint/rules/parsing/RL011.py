"""RL011 truncated-table."""

from ...findings import Finding, Message, Severity
from ...model import TRUNCATED
from ..base import Rule
from ._tables import TABLE_NAMES


class TruncatedTable(Rule):
    """What it does: reports a table that starts but stops part-way: rows up to some point are
    there, the rest (for example 总计 and 结转下年度) are not.

    Why: a table cut off when copied or paged loses exactly the rows the identities are checked
    against; the rows that were read are kept and checked. A warning: the rows may be in the
    original and lost in the copy. Where the text itself stops inside the table (an excerpt),
    nothing is said here: the rows are not missing from the report, only from the text.

    Example (fails): the applications table ends after "3.危及“三安全一稳定”".
    Use instead: the whole table down to 四、结转下年度继续办理.
    """

    code = "RL011"
    name = "truncated-table"
    severity = Severity.WARNING  # rows lost in copying or never written: not checked either way
    scope = "template"  # the national template's tables and sections
    summary = Message("统计表不完整：读到一半就中断了", "A table stops part-way")
    doc_zh = """
    检查内容：统计表开了头却没有写完：前面的行都在，后面的行（例如“总计”“结转下年度”）不见了。

    原因：复制或分页时截断的表格恰好丢掉了核对所需的行；已读到的部分仍会被检查。报告为警告：这些行可能在原文中，
    只是复制时丢失了。如果文本本身在表格中截止（节选），这里不报告：缺的不是报告的行，只是文本的行。

    错误示例：申请情况表在“3.危及‘三安全一稳定’”之后就结束了。
    正确做法：给出完整的表格，直到“四、结转下年度继续办理”。
    """

    def check(self, report, ctx):
        for kind, table in report.tables.items():
            if table.status == TRUNCATED and not table.cut and not report.reaches_stop(table.span):  # else RL005
                name = TABLE_NAMES[kind]
                yield Finding(self.code, Message(f"{name.zh}在此处中断，后面的行缺失", f"{name.en} stops here; the rows after it are missing"),
                              table.stopped_at or table.span)
