"""RL501 missing-section."""

from ...findings import Finding, Message, Severity
from ...model import Span
from ..base import Rule
from ._common import SECTION_NAMES, cn


class MissingSection(Rule):
    """What it does: reports a section of the national template (一、总体情况 … 六、其他需要报告的事项)
    that the report does not have. It only looks at text that is a report, i.e. where at least
    two of the six section headings are found; the finding is placed where the section should
    be (at the heading of the next section present), or on the whole file. Where a heading with the
    section's numeral but other words stands in its place (一、工作基本情况), the part is not
    missing: a warning says its heading differs from the template. Likewise, when part 一's
    heading is not found but paragraphs stand between the title and 二, the part may be there
    under a heading left out or lost (OCR drops a page's first lines): a warning asks to check.

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
    检查内容：年报缺少全国统一格式规定的六个部分之一（一、总体情况 …… 六、其他需要报告的事项）。只在文本确实是一份年报（至少找到两个部分的标题）时检查；问题标在该部分应在的位置（下一个部分的标题处），找不到位置时标在整个文件上。该位置上有同一序号、但用语不同的标题（如“一、工作基本情况”）时，不算缺少，只提示标题与模板不同（警告）。找不到“一、总体情况”标题、但标题和“二、”之间有正文时，这一部分可能只是标题漏写或在复制、识别时丢失，也只给警告，请核对原文。

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
            if k in present or report.outside_text(k):  # before the text begins or after it stops: RL005
                continue
            zh, en = SECTION_NAMES[k]
            after = next((s for s in sections if s.canonical is not None and s.canonical > k), None)
            before = next((s for s in reversed(sections) if s.canonical is not None and s.canonical < k), None)
            other = _numbered_heading(report.source.text, k, before.heading.end if before is not None else 0,
                                      after.heading.start if after is not None else len(report.source.text))
            if other is not None:
                # the part is there under a heading of other words (一、工作基本情况): a deviation
                # from the template's wording, not a missing part
                a, b = other
                said = report.source.text[a:b]
                yield Finding(self.code, Message(
                    f"第{cn(k)}部分的标题“{said}”与模板不同，模板为“{cn(k)}、{zh}”，请确认该部分的内容是否齐全",
                    f"section {k} is headed “{said}”, not the template's “{en}”; check that it holds what the template asks"),
                    Span(a, b), severity=Severity.WARNING)
                continue
            span = Span(after.heading.start, after.heading.start) if after is not None else None
            if k == 1 and after is not None and _prose_before(report.source.text, after.heading.start):
                # paragraphs stand before 二: part 一 may be there under a heading the report
                # left out, or that a copy or OCR lost (tesseract drops a page's first lines):
                # not known to be missing
                yield Finding(self.code, Message(
                    f"没有找到第一部分的标题“一、{zh}”：“{cn(after.canonical)}、”之前的文字可能就是这一部分（标题漏写，或复制、识别时丢失），请核对原文",
                    f"the heading of section 1 ({en}) was not found: the text before section {after.canonical} may be "
                    f"that section (its heading left out, or lost in copying or OCR); check the original"),
                    span, severity=Severity.WARNING)
                continue
            yield Finding(self.code, Message(f"缺少第{cn(k)}部分“{zh}”", f"section {k} ({en}) is missing"), span)


# a line that is a table row, not a heading: its label is one of the template's row words
_ROW_WORDS = ("本年新收", "上年结转", "办理结果", "结转下年度", "予以公开", "部分公开", "不予公开", "无法提供", "不予处理", "其他处理", "总计")


def _numbered_heading(text: str, k: int, start: int, end: int):
    """(start, end) of a short line "K、…" (K the section's numeral) between the sections around
    it: the section under words of its own. None when there is none."""
    import re

    # a converter's markdown heading marks (pymupdf4llm: "# 一、工作基本情况") are layout; one
    # character after the ordinal is a heading a page break cut (四、政 / — 3 — / 府信息公开…)
    for m in re.compile(rf"^[ \t　]*(?:#{{1,6}}[ \t]+)?{cn(k)}、[^\n|\d]{{1,24}}$", re.M).finditer(text, start, end):
        line = m.group().lstrip(" \t　#").strip(" \t　")
        if not any(w in line for w in _ROW_WORDS):
            return m.start() + m.group().index(line[0]), m.start() + m.group().index(line[0]) + len(line)
    return None


def _prose_before(text: str, at: int) -> bool:
    """Whether sentences of some length stand before ``at``, besides the text's first line (its
    title): the body of a part whose heading was not found."""
    head = text[:at].strip()
    body = head.split("\n", 1)[1] if "\n" in head else ""
    return len(body) >= 10 and any(p in body for p in "。，,；;")
