"""RL502 section-order."""

from ...findings import Finding, Message, Related, Severity
from ..base import Rule
from ._common import cn


class SectionOrder(Rule):
    """What it does: reports section headings that break the template's order: a section that
    comes after one it should precede (五 before 三), an ordinal used twice (两个“三、”), or a
    numbering that skips an ordinal where no section is missing (一、二、四、 where 四 is titled
    收到和处理政府信息公开申请情况). A skip caused by a missing section is reported by RL501.

    Why: the six parts and their order are fixed by the national template
    (国办公开办函〔2021〕30号); readers and reviewers find each part by its number.

    Example (fails):
        一、总体情况
        二、主动公开政府信息情况
        四、收到和处理政府信息公开申请情况
    Use instead:
        三、收到和处理政府信息公开申请情况
    """

    code = "RL502"
    name = "section-order"
    severity = Severity.ERROR
    scope = "template"  # the national template's tables and sections
    summary = Message("各部分的顺序或序号与模板不一致（顺序颠倒、序号重复或跳号）",
                      "Sections out of template order, duplicated or skipped ordinals")
    doc_zh = """
    检查内容：各部分标题不符合模板顺序：应在前面的部分排到了后面（五在三之前），同一序号用了两次（两个“三、”），或者在没有缺少部分的情况下序号跳号（一、二、四、，而“四、”下是收到和处理政府信息公开申请情况）。因缺少某个部分造成的跳号由 RL501 报告。

    原因：年报的六个部分及其顺序由全国统一格式规定（国办公开办函〔2021〕30号），读者和审核人员按序号查找各部分。

    错误示例：
        一、总体情况
        二、主动公开政府信息情况
        四、收到和处理政府信息公开申请情况
    正确写法：
        三、收到和处理政府信息公开申请情况
    """

    def check(self, report, ctx):
        seen_numbers: dict[int, object] = {}
        prev = None  # previous section heading
        top = None  # the section with the highest template position so far
        for s in report.sections:
            h = s.heading
            if s.number in seen_numbers:
                first = seen_numbers[s.number]
                yield Finding(self.code, Message(f"序号“{cn(s.number)}、”重复使用", f"ordinal {s.number} is used twice"), h,
                              [Related(first.heading, Message("第一次使用", "first used here"))])
            elif top is not None and s.canonical is not None and s.canonical <= top.canonical:
                what = (Message(f"“{s.title}”重复出现", f"section “{s.title}” appears twice")
                        if s.canonical == top.canonical else
                        Message(f"“{s.title}”（模板第{cn(s.canonical)}部分）应排在“{top.title}”（第{cn(top.canonical)}部分）之前",
                                f"“{s.title}” (template section {s.canonical}) should come before “{top.title}” (section {top.canonical})"))
                yield Finding(self.code, what, h, [Related(top.heading, Message("此前的部分", "earlier section"))])
            elif prev is not None and s.number > prev.number + 1 and s.number != s.canonical:
                yield Finding(self.code, Message(f"序号从“{cn(prev.number)}、”跳到“{cn(s.number)}、”，漏了“{cn(prev.number + 1)}、”",
                                                 f"ordinals skip from {prev.number} to {s.number}"), h,
                              [Related(prev.heading, Message("上一个部分", "previous section"))])
            seen_numbers.setdefault(s.number, s)
            if s.canonical is not None and (top is None or s.canonical > top.canonical):
                top = s
            prev = s
