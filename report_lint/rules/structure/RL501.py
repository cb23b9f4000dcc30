"""RL501 missing-section."""

from ...findings import Finding, Message, Severity
from ...model import Span
from ..base import Rule
from ._common import SECTION_NAMES, cn


class MissingSection(Rule):
    """What it does: reports a section of the national template (一、总体情况 … 六、其他需要报告的事项)
    that the report does not have. It only looks at text that is a report, i.e. where at least
    two of the six section headings are found; the finding is placed where the section should
    be (at the heading of the next section present), or on the whole file.

    Why: the content of the annual report is fixed by the national template
    (国办公开办函〔2021〕30号); a report without one of its six parts is incomplete.

    Example (fails):
        一、总体情况 …
        二、主动公开政府信息情况 …
        四、政府信息公开行政复议、行政诉讼情况 …
    Use instead: all six sections, each under its heading, e.g. 三、收到和处理政府信息公开申请情况
    between 二 and 四.
    """

    code = "RL501"
    name = "missing-section"
    severity = Severity.ERROR
    scope = "template"  # the national template's tables and sections
    summary = Message("缺少年报模板规定的某个部分", "A section of the template is missing")
    doc_zh = """
    检查内容：年报缺少全国统一格式规定的六个部分之一（一、总体情况 …… 六、其他需要报告的事项）。只在文本确实是一份年报（至少找到两个部分的标题）时检查；问题标在该部分应在的位置（下一个部分的标题处），找不到位置时标在整个文件上。

    原因：年报内容由全国统一格式规定（国办公开办函〔2021〕30号），缺少任何一个部分的年报都不完整。

    错误示例：
        一、总体情况 ……
        二、主动公开政府信息情况 ……
        四、政府信息公开行政复议、行政诉讼情况 ……
    正确写法：六个部分齐全，各有标题，例如在二和四之间写上“三、收到和处理政府信息公开申请情况”。
    """

    def check(self, report, ctx):
        sections = report.sections
        if len(sections) < 2:
            return
        present = {s.canonical for s in sections if s.canonical is not None}
        for k in range(1, 7):
            if k in present or report.beyond_text(k):  # after where the text stops: RL005
                continue
            zh, en = SECTION_NAMES[k]
            after = next((s for s in sections if s.canonical is not None and s.canonical > k), None)
            span = Span(after.heading.start, after.heading.start) if after is not None else None
            yield Finding(self.code, Message(f"缺少第{cn(k)}部分“{zh}”", f"section {k} ({en}) is missing"), span)
