"""RL507 heading-typo."""

from ...findings import Finding, Message, Severity
from ..base import Rule
from ._common import cn


class HeadingTypo(Rule):
    """What it does: reports a section heading that is the template's wording with one
    character added, dropped or changed (四、政府信息公开行政法复议、行政诉讼情况). The section is
    still recognised and checked as the template section it stands for.

    Why: the six headings are fixed by the national template; a slip in one is visible to
    every reader of the published report and is easy to correct.

    Example (fails): 四、政府信息公开行政法复议、行政诉讼情况
    Use instead: 四、政府信息公开行政复议、行政诉讼情况
    """

    code = "RL507"
    name = "heading-typo"
    severity = Severity.INFO
    scope = "template"
    summary = Message("章节标题与模板用语相差一个字（错字、多字或漏字）", "A section heading differs from the template's wording by one character")
    doc_zh = """
    检查内容：章节标题与模板用语相比多了、少了或错了一个字（例如“四、政府信息公开行政法复议、行政诉讼情况”）。
    这一部分仍按它所对应的模板部分识别和检查。

    原因：六个部分的标题由全国统一的模板规定；标题中的错字每位读者都看得到，也很容易改正。

    错误示例：四、政府信息公开行政法复议、行政诉讼情况
    正确写法：四、政府信息公开行政复议、行政诉讼情况
    """

    def check(self, report, ctx):
        for s in report.sections:
            if s.typo_of:
                yield Finding(self.code, Message(f"标题“{cn(s.number)}、{s.title}”与模板用语不一致，应为“{cn(s.number)}、{s.typo_of}”",
                                                 f"heading “{s.title}” differs from the template's “{s.typo_of}”"), s.heading)
