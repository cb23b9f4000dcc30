"""RL005 text-stops."""

from ...findings import Finding, Message, Severity
from ..base import Rule
from ._tables import TABLE_NAMES
from ..structure._common import SECTION_NAMES, cn


_TABLE_PART = {"active": 2, "requests": 3, "reviews": 4}


class TextStops(Rule):
    """What it does: says, once, that the text ends before the report does: the last section
    found is not 六、其他需要报告的事项 and no signature date closes the text (a web-page
    excerpt, a copy cut short, a download that stopped). It names the section (and the table)
    where the text stops; what would come after is not checked.

    Why: a text that stops is not a report with missing parts. Saying once where it stops
    replaces an error for every section, table and row after that point — and says plainly
    that those parts were not checked.

    Likewise, once, where a text begins inside the report (one page of a flipbook: its first line
    is the last row of a table, or the header of page 8; a web excerpt whose first line is a
    part's second item, （二）…): the parts before it are not in the text, not missing. A text
    that opens with body text before 二、 with neither a title nor the heading of 一 (OCR that
    lost the page's first line) may hold part 一 without its heading: it is not checked.

    Example (fails): a page whose text ends in the middle of the applications table:
        三、收到和处理政府信息公开申请情况
        | 一、本年新收政府信息公开申请数量 | 12 | 0 | 1 |
    Use instead: the whole report, down to 六、其他需要报告的事项 and the signature.
    """

    code = "RL005"
    name = "text-stops"
    severity = Severity.WARNING
    scope = "template"
    summary = Message("文本在报告结束之前中断，之后的部分没有检查", "The text stops before the report ends; what follows was not checked")
    doc_zh = """
    检查内容：文本在报告结束之前就中断了：找到的最后一部分不是“六、其他需要报告的事项”，结尾也没有
    落款日期（网页节选、复制不全、下载中断）。指出文本停在哪一部分（和哪张表），之后的内容没有检查。

    原因：中断的文本不等于缺了内容的报告。在中断处说明一次，代替对之后每一部分、每张表、每一行
    分别报错——同时明确告诉您这些内容没有检查。

    文本从报告中间开始（例如翻页电子书的一页，第一行是某张表的最后一行，或第8页的页眉；网页节选的第一行是某部分的第二项“（二）……”）时，同样在开头说明一次：
    之前的部分不在文本中，不是缺项。文本在“二、”之前直接是正文、既没有报告标题也没有“一、”的标题（例如
    OCR 漏掉了页面第一行）时，这段正文可能就是缺了标题的第一部分：不检查第一部分，只说明一次。

    错误示例：网页文本停在申请情况表中间：
        三、收到和处理政府信息公开申请情况
        | 一、本年新收政府信息公开申请数量 | 12 | 0 | 1 |
    正确做法：检查完整的报告，直到“六、其他需要报告的事项”和落款。
    """

    def check(self, report, ctx):
        if report.begins_in is not None and report.begins_at is not None:
            # the text begins inside the report: the parts before it are not missing either
            k = report.begins_in
            if k == 0:  # one later page, its part unknown
                span_zh, span_en = "这一页之前的内容", "what comes before this page is"
            else:
                span_zh = "第一部分" if k == 2 else f"第一至第{cn(k - 1)}部分"
                span_en = "section 1 is" if k == 2 else f"sections 1–{k - 1} are"
            if report.begins_why == "page":
                span = report.begins_at
                page = "".join(ch for ch in report.source.text[span.start:span.end] if ch.isdigit()).lstrip("0")
                why_zh, why_en = f"开头是第{page}页的页眉", f"it opens with the header of page {page}"
            elif report.begins_why == "item":
                item = report.source.text[report.begins_at.start:report.begins_at.end]
                why_zh, why_en = f"开头是某一部分的第{item[1]}项“{item}”", f"it opens with item ({item[1]}) of a part, “{item}”"
            elif report.begins_why == "untitled":
                why_zh = why_en = None
            else:
                why_zh, why_en = "此处是前一部分统计表的末尾", "this is the end of an earlier section's table"
            if why_zh is None:
                # body text before 二 with no title and no heading of 一 may be part 一 whose
                # heading was lost: it is not said to be absent, only not checked
                message = Message(
                    "文本开头没有报告标题，也没有“一、总体情况”的标题，直接是正文：无法确定第一部分是否齐全，没有检查"
                    "（文本可能不完整，或标题未能识别）",
                    "the text opens with body text, with neither the report's title nor the heading of section 1: "
                    "whether section 1 is whole cannot be told and it was not checked (the text may be incomplete, "
                    "or the heading was not recognised)")
            else:
                message = Message(
                    f"文本从报告中间开始：{why_zh}，{span_zh}不在文本中，没有检查（文本不完整，不是报告缺项）",
                    f"the text begins inside the report: {why_en}; {span_en} "
                    f"not in the text and not checked (the text is incomplete)")
            yield Finding(self.code, message, report.begins_at)
        stop = report.stops_at
        if stop is None:
            return
        last = max((s for s in report.sections if s.canonical is not None), key=lambda s: s.heading.start, default=None)
        table = next((t for t in report.tables.values() if t.span is not None and t.span.end >= stop.start), None)
        where_zh, where_en = "", ""
        if last is not None:
            zh, en = SECTION_NAMES[last.canonical]
            where_zh, where_en = f"在“{cn(last.canonical)}、{zh}”", f" in section {last.canonical} ({en})"
        if table is not None:
            where_zh += f"的{TABLE_NAMES[table.kind].zh}处"
            where_en += f", in {TABLE_NAMES[table.kind].en}"
        # a table read before the stop shows its part is in the text even where no heading was
        # recognised (a page that gives only the body): the parts not checked come after it
        reached = max([last.canonical if last is not None else 0]
                      + [_TABLE_PART[t.kind] for t in report.tables.values()
                         if t.span is not None and t.span.start < stop.start and t.kind in _TABLE_PART])
        # one later page of unknown part (begins_in 0): which parts follow cannot be told
        later = [] if report.begins_in == 0 and reached == 0 else list(range(reached + 1, 7))
        if len(later) > 1:
            rest_zh, rest_en = f"，其后第{cn(later[0])}至第{cn(later[-1])}部分", f"; sections {later[0]}–{later[-1]}"
        elif later:
            rest_zh, rest_en = f"，其后第{cn(later[0])}部分", f"; section {later[0]}"
        else:
            rest_zh, rest_en = "，其后内容", "; what follows"
        yield Finding(self.code, Message(f"文本到此为止：报告{where_zh}中断{rest_zh}没有检查（文本不完整，不是报告缺项）",
                                         f"the text stops here{where_en}{rest_en} were not checked (the text is incomplete)"), stop)
