"""RL010 missing-table."""

from ...findings import Finding, Message, Severity
from ...model import ABSENT, MISSING
from ..base import Rule
from ._tables import TABLE_NAMES


_SECTION = {"active": 2, "requests": 3, "reviews": 4}  # the template section holding each table


class MissingTable(Rule):
    """What it does: reports a statistical table the template requires but the text does not
    hold: its section heading is there but no data follows (the table was an image, or did not
    survive copying), or neither heading nor data can be found.

    Why: the three tables are the core of the report (国办公开办函〔2021〕30号); a report published
    without them is incomplete, and a table pasted as an image cannot be read or checked. A
    warning: the text may have lost a table the report holds (an image, a failed copy).

    Example (fails):
        三、收到和处理政府信息公开申请情况
        四、政府信息公开行政复议、行政诉讼情况
    Use instead: the table itself, as text, under its heading.
    """

    code = "RL010"
    name = "missing-table"
    severity = Severity.WARNING  # the report may hold it as an image: not checked, not proven wrong
    scope = "template"  # the national template's tables and sections
    summary = Message("缺少模板要求的统计表（只有标题没有数据，或整张表不见了）", "A required statistical table is missing")
    doc_zh = """
    检查内容：模板要求的统计表在文本中找不到：有标题但标题下没有数据（表格是图片，或复制时丢失），或者连标题带数据都没有。

    原因：三张统计表是年报的核心内容（国办公开办函〔2021〕30号）；缺表的年报不完整，以图片形式贴出的表格也无法读取和核对。
    报告为警告：文本可能丢失了报告中实际存在的表格（图片，或复制失败）。

    错误示例：
        三、收到和处理政府信息公开申请情况
        四、政府信息公开行政复议、行政诉讼情况
    正确做法：在标题下以文字形式给出完整的表格。
    """

    def check(self, report, ctx):
        for kind, table in report.tables.items():
            name = TABLE_NAMES[kind]
            section = _SECTION[kind]
            if report.outside_text(section) or (table.status == MISSING and report.last_section() == section
                                               and report.stops_at is not None):
                continue  # the text stops before (or in the heading of) this table: RL005
            if table.status == ABSENT and len(report.sections) >= 2:
                continue  # its whole section is missing: RL501 says so, once
            if table.status == MISSING:
                if table.cut:
                    continue  # the text stops between the heading and the data (an excerpt)
                yield Finding(self.code, Message(f"标题下没有{name.zh}的数据（表格可能是图片，或复制时丢失）",
                                                 f"no data for {name.en} under its heading (an image, or lost when copied)"), table.heading)
            elif table.status == ABSENT:
                yield Finding(self.code, Message(f"没有找到{name.zh}", f"{name.en} was not found"), None)
