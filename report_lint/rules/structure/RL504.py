"""RL504 declared-count."""

import re

from ...findings import Finding, Message, Severity
from ...model import Span
from ...sections import TITLES
from ..base import Rule
from ._common import SECTION_NAMES, cn, cn_value

# A sentence of the preamble that says what the report consists of.
_DECLARES = re.compile(r"组成|构成|包括|包含|分为|分成")
# [ \t]*(?:个[ \t]*)? rather than [ \t]*个?[ \t]*: the same text, without trying every way to
# share a run of spaces between two repetitions (quadratic)
_COUNT = re.compile(r"(?P<n>[一二三四五六七八九十两]{1,2}|\d{1,2})[ \t]*(?:个[ \t]*)?部分")
_NAMES = re.compile("|".join(f"(?P<t{k}>{v})" for k, v in TITLES.items()))
_SENTENCE = re.compile(r"[^。\n]+")


def _names(zh_list):
    return "、".join(f"“{SECTION_NAMES[k][0]}”" for k in sorted(zh_list))


class DeclaredCount(Rule):
    """What it does: reads the sentence before the first section that says what the report
    consists of ("本报告由总体情况、……等六部分组成", "全文包括：总体情况、……") and compares it with
    the sections the report has: the number of parts declared, and the parts it names.

    Why: a preamble copied from another year's report, or left unchanged after a section was
    dropped, promises content the report does not have.

    Example (fails): "本报告由……等六部分组成" in a report that has only five of the six sections.
    Use instead: a preamble that matches the report, and all six sections.
    """

    code = "RL504"
    name = "declared-count"
    severity = Severity.WARNING
    scope = "template"  # the national template's tables and sections
    summary = Message("报告开头声明的组成部分与实际的部分不一致", "The declared parts of the report disagree with its sections")
    doc_zh = """
    检查内容：读取第一部分之前说明报告组成的句子（“本报告由总体情况、……等六部分组成”“全文包括：总体情况、……”），与报告实际包含的部分比较：声明的部分数，以及列出的各部分名称。

    原因：从往年报告复制、或删去某部分后未修改的开头，承诺了报告中并没有的内容。

    错误示例：报告只有六部分中的五部分，开头却写“本报告由……等六部分组成”。
    正确写法：开头的说明与报告一致，并且六个部分齐全。
    """

    def check(self, report, ctx):
        sections = report.sections
        if len(sections) < 2 or report.stops_at is not None:  # the text stops: RL005
            return
        text = report.source.text
        present = {s.canonical for s in sections if s.canonical is not None}
        for sent in _SENTENCE.finditer(text, 0, sections[0].heading.start):
            if not _DECLARES.search(sent.group()):
                continue
            count = _COUNT.search(sent.group())
            named = {k for m in _NAMES.finditer(sent.group()) for k in TITLES if m.group(f"t{k}")}
            if count is not None:
                raw = count.group("n")
                n = int(raw) if raw.isdigit() else cn_value(raw)
                if n is not None and n != len(present):
                    span = Span(sent.start() + count.start(), sent.start() + count.end())
                    yield Finding(self.code, Message(f"开头声明报告由{raw}部分组成，实际找到{cn(len(present))}部分",
                                                     f"the preamble declares {n} parts; the report has {len(present)}"), span)
                    return
            if len(named) >= 3 and named - present:
                span = Span(sent.start(), sent.end())
                yield Finding(self.code, Message(f"开头列出的{_names(named - present)}在报告中没有找到",
                                                 "the preamble names parts the report does not have: "
                                                 + ", ".join(SECTION_NAMES[k][1] for k in sorted(named - present))), span)
                return
