"""RL503 enumeration-sequence."""

import re

from ...findings import Finding, Message, Related, Severity
from ...model import Span
from ..base import Rule
from ._common import cn, cn_value, table_spans

_N = "一二三四五六七八九十"
# (一) sub-headings and 1. items count at a line start or after a sentence end; 一是 items
# also after a comma. "第(一)项" and "2.5" are not markers.
_MARKER = re.compile(
    # The two assertions in front let the engine pass over a position at once unless it holds a
    # character a marker starts with and follows a line start or a character any marker may
    # follow (the 一是 set; the other two are subsets): most digits and numerals do not.
    rf"(?=[ \t(\d{_N}])(?:^|(?<=[\s。;:,!?)\"“”]))(?:"
    # (no [ \t]* after the look-behind: a space is itself a character a marker may follow;
    # reading a long run of spaces from each one of them was quadratic)
    rf"(?:^|(?<=[\s。;:]))(?P<major>[{_N}]{{1,3}})[ \t]*、"
    rf"|(?:^|(?<=[\s。;:]))\((?P<sub>[{_N}]{{1,3}})\)"
    rf"|(?:^|(?<=[。;:]))[ \t]*(?P<num>\d{{1,2}})[.、](?![\d.])"
    rf"|(?P<shi>[{_N}]{{1,3}})是)",
    re.M,
)
# A sub-heading whose ordinal was lost: "()人员及组织机构。" at a line start (a page that dropped
# the numerals of （一）（二）). Mid-sentence "()" is a link or a note emptied by a mirror, not this.
_EMPTY_ORDINAL = re.compile(r"^[ \t]*\(\)(?=[ \t]*[\u4e00-\u9fff])", re.M)
# outer to inner: a marker resets the levels inside it. "major" (一、 二、: a section heading,
# also the headings of reports before 2019 that are not the template's) only resets: the order
# of sections is RL502's.
_LEVELS = ("major", "sub", "num", "shi")


def _markers(text: str, body: Span, tables: list[Span]):
    """The markers of a section body, not scanning the tables inside it (the bulk of the text
    in some layouts, and never looked at): no marker found lies in a table."""
    pos = body.start
    for t in sorted(tables, key=lambda t: t.start):
        if t.end <= pos or t.start >= body.end:
            continue
        if t.start > pos:
            yield from _MARKER.finditer(text, pos, t.start)
        pos = max(pos, t.end)
    if pos < body.end:
        yield from _MARKER.finditer(text, pos, body.end)


def _markers_empty(text: str, body: Span, tables: list[Span]):
    """Empty ordinals "()" at line starts of the body, outside its tables."""
    if "()" not in text:  # most reports: nothing to look for
        return
    for m in _EMPTY_ORDINAL.finditer(text, body.start, body.end):
        if not any(t.start <= m.start() < t.end for t in tables):
            yield m


def _label(level: str, v: int) -> str:
    return {"sub": f"({cn(v)})", "num": f"{v}.", "shi": f"{cn(v)}是"}[level]


class EnumerationSequence(Rule):
    """What it does: reports an enumeration that repeats or skips an item: 一是 … 二是 … 二是,
    (一) … (三), 1. 2. 2., and sub-headings whose numerals were lost ("()人员及组织机构", said
    once for the report). The items are followed through a paragraph and through the paragraphs
    after it (blank lines do not end a list); a section heading ends every list, a (一)-level
    sub-heading ends the 1. and 一是 lists inside it, and a list that starts again at 一是, (一)
    or 1. is a new list, not an error. A section whose first sub-heading, on a line of its own,
    is (二) or later with no (一) since its heading lost its (一) (一、总体情况 … (二)依申请公开情况).
    Tables are not looked at.

    Why: a repeated or missing item is a slip left by editing (a paragraph deleted or copied);
    it makes the published report look careless and hides whether a point is missing.

    Example (fails):
        一是时效性不强。
        二是互动功能有待提升。
        二是创新创优力度不足。
    Use instead:
        三是创新创优力度不足。
    """

    code = "RL503"
    name = "enumeration-sequence"
    severity = Severity.WARNING
    summary = Message("列举的序号重复或跳号（一是、二是、二是；（一）（三）；1. 2. 2.）",
                      "An enumeration repeats or skips an item")
    doc_zh = """
    检查内容：段落中的列举序号重复或跳号：一是……二是……二是，（一）……（三），1. 2. 2.；以及小标题的序号丢失，只剩空括号（“（）人员及组织机构”，全文说明一次）。序号在一个段落内以及其后相连的段落中连续检查（空行不会中断列举）；遇到各部分标题时全部重新开始，遇到（一）级小标题时其下的“1.”和“一是”重新开始；从“一是”“（一）”“1.”重新开始的是新的列举，不算错误。某一部分标题之下第一个单独成行的小标题就是“（二）”或更后的序号、其间没有“（一）”的，也是跳号（一、总体情况……（二）依申请公开情况）。不检查统计表。

    原因：序号重复或缺失多是修改时留下的疏漏（删掉或复制了一段），让公开的年报显得不严谨，也让人看不出是否漏了内容。

    错误示例：
        一是时效性不强。
        二是互动功能有待提升。
        二是创新创优力度不足。
    正确写法：
        三是创新创优力度不足。
    """

    def check(self, report, ctx):
        text = report.source.text
        tables = table_spans(report)
        start = report.sections[0].heading.start if report.sections else 0
        lost = [Span(m.start() + m.group().index("("), m.end())
                for m in _markers_empty(text, Span(start, len(text)), tables)]
        if lost:
            # said once for the report: the page lost every such numeral the same way
            yield Finding(self.code, Message(
                f"列举序号丢失：小标题以“()”开头，括号中没有序号（如（一）（二）），共 {len(lost)} 处",
                f"enumeration numerals lost: {len(lost)} sub-heading(s) begin with an empty “()”"),
                lost[0], [Related(sp, Message("同样丢失序号", "numeral lost here too")) for sp in lost[1:]])
        yield from _first_sub_lost(report, text, tables)
        # Each level holds a stack of open lists: a list restarting at 一是 inside an item opens
        # an inner list, and an item that continues an outer list closes the inner ones
        # (一是A。一是a，二是b。二是B is two lists, not a repeat).
        open_: dict[str, list[tuple[int, Span]]] = {}
        for m in _markers(text, Span(start, len(text)), tables):
            level = m.lastgroup
            if level is None:
                continue
            for inner in _LEVELS[_LEVELS.index(level) + 1:]:
                open_.pop(inner, None)
            if level == "major":
                continue
            if level == "sub":
                # A sub-heading run into its first item (（二）扎实推进信息公开一是推进…): that 一是
                # follows no punctuation, so the marker pattern cannot see it; it opens the list.
                j = text.find("一是", m.end(), min(m.end() + 40, len(text)))
                if j > 0 and "。" not in text[m.end():j] and "\n" not in text[m.end():j]:
                    open_["shi"] = [(1, Span(j, j + 2))]
            v = int(m.group(level)) if level == "num" else cn_value(m.group(level))
            if v is None:
                continue
            span = Span(m.start(level), m.end())
            stack = open_.setdefault(level, [])
            if not stack or v == stack[-1][0] + 1:
                stack[-1:] = [(v, span)]
                continue
            if v == 1:
                stack.append((v, span))
                continue
            outer = next((i for i in range(len(stack) - 2, -1, -1) if v == stack[i][0] + 1), None)
            if outer is not None:
                del stack[outer + 1:]
                stack[-1] = (v, span)
                continue
            pv, pspan = stack[-1]
            stack[-1] = (v, span)
            here, before = _label(level, v), _label(level, pv)
            if v <= pv:
                msg = Message(f"列举序号重复：“{before}”之后又是“{here}”", f"enumeration repeats: “{here}” after “{before}”")
            else:
                missing = "、".join(_label(level, k) for k in range(pv + 1, v))
                msg = Message(f"列举序号跳号：“{before}”之后是“{here}”，缺少“{missing}”",
                              f"enumeration skips: “{here}” after “{before}”")
            yield Finding(self.code, msg, span, [Related(pspan, Message(f"上一项“{before}”", f"previous item “{before}”"))])


def _first_sub_lost(report, text: str, tables: list[Span]):
    """A section whose first (一)-level sub-heading is (二) or later, at a line start, with no
    (一) anywhere between the section's heading and it: the (一) was lost (一、总体情况 … (二)依申请
    公开情况). Only template headings the text holds count, and only sub-headings on a line of their
    own start: a table row's (二)部分公开 follows its (一)予以公开, and a page run onto one line
    joins its (一) to the heading where no marker can be told."""
    for sec in report.sections:
        m = _first_sub(text, sec.body, tables)
        if m is None:
            continue
        v = cn_value(m.group("sub"))
        at = m.start("sub") - 1
        line = text[text.rfind("\n", 0, at) + 1:at]
        if v is None or v < 2 or line.strip(" \t") or "(一)" in text[sec.heading.start:at]:
            continue
        missing = "、".join(_label("sub", k) for k in range(1, v))
        yield Finding("RL503", Message(
            f"列举序号跳号：“{cn(sec.number)}、{sec.title}”之下第一个小标题是“{_label('sub', v)}”，缺少“{missing}”",
            f"enumeration skips: the first sub-heading of section {sec.number} is “{_label('sub', v)}”"),
            Span(at, m.end()), [Related(sec.heading, Message("所在部分的标题", "the section heading"))])


# The (一)-level marker of _MARKER alone: one search a section finds its first (most sections
# hold none before their first table or none at all: running every marker kind through them
# for it doubled the rule's time).
# Written "(" first, the look back after it, so that re finds each "(" in C (as
# (?=\()(?:^|(?<=[\s。;:]))\( finds: at a line start, or after a space or a sentence's end).
_SUB = re.compile(rf"\((?:(?<=^\()|(?<=[\s。;:]\())(?P<sub>[{_N}]{{1,3}})\)", re.M)


def _first_sub(text: str, body: Span, tables: list[Span]):
    """The first (一)-level marker of a section body outside its tables, as _markers finds it."""
    pos = body.start
    for t in sorted(tables, key=lambda t: t.start):
        if t.end <= pos or t.start >= body.end:
            continue
        if t.start > pos:
            m = _SUB.search(text, pos, t.start)
            if m is not None:
                return m
        pos = max(pos, t.end)
    return _SUB.search(text, pos, body.end) if pos < body.end else None
