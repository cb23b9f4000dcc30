"""RL202 list-exceeds-whole."""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Optional

from ...findings import Finding, Message, Related, Severity
from ...model import Span
from ...narrative import Clause, Quantity, clauses
from ..base import Rule

LIST_MARKERS = ("其中", "分别为", "分别是", "包括", "包含", "含")
COMPLETE_MARKERS = ("分别为", "分别是")
_MARKER_STARTS = frozenset(m[0] for m in LIST_MARKERS)
WHOLE_MARKERS = ("共", "合计", "总计", "累计", "总数")
# a clause with one of these is not a plain part of the list
STOP_WORDS = ("共", "合计", "总计", "累计", "另", "此外", "同比", "比上年", "增长", "增加", "减少", "下降", "上年", "上一年",
              "平均", "以上", "以下", "不足", "超过", "每")
_STOP = re.compile("|".join(STOP_WORDS))
# Where any list marker stands (包括 is one): finding these is finding the candidate clauses.
_ANY_MARKER = re.compile("|".join(map(re.escape, LIST_MARKERS)))


def _candidates(text: str, cls: list[Clause]) -> list[int]:
    """Indexes of the clauses that hold a list marker or 包括, in order: the only ones that can
    start a list (a few of the hundred or more), found by one search of the report text (a
    clause's text is its span of it) instead of a look at each clause."""
    out: list[int] = []
    for m in _ANY_MARKER.finditer(text):
        k = bisect_right(cls, m.start(), key=_start) - 1
        if k >= 0 and m.end() <= cls[k].span.end and (not out or out[-1] != k):
            out.append(k)
    return out


def _start(c: Clause) -> int:
    return c.span.start


def _marker(text: str) -> str:
    t = text.lstrip(" ,:、()")
    if t[:1] not in _MARKER_STARTS:
        return ""
    for m in LIST_MARKERS:
        if t.startswith(m):
            return m
    return ""


# "…4336条，比上年增加1188条，其中…": a clause comparing with another year is not the whole
_COMPARED = re.compile(r"比上年|比去年|较上年|较去年|同比|与上年|[较比]\d{4}年")


def _whole(cls: list[Clause], k: int, marker: str) -> Optional[Quantity]:
    """The whole a list at clause k refers to: the last count of the clause right before it
    (or before the comparison with last year that follows it)."""
    if k == 0:
        return None
    prev, cur = cls[k - 1], cls[k]
    if _COMPARED.search(prev.text) and k >= 2 and cls[k - 2].segment == prev.segment:
        prev = cls[k - 2]
    if prev.paragraph != cur.paragraph:
        return None
    if prev.segment != cur.segment:
        # "…共X条。其中…": only for 其中, after a clause that says it is a total
        if marker != "其中" or prev.sep not in "。" or not any(w in prev.text for w in WHOLE_MARKERS):
            return None
    counts = prev.counts
    if not counts or prev.percents and prev.percents[-1].span.start > counts[-1].span.start:
        return None
    q = counts[-1]
    if q.approx or q.unit in ("", "万"):
        return None
    return q


def _items(cls: list[Clause], k: int, unit: str) -> tuple[Optional[list[Quantity]], bool, int]:
    """(parts, reached_end, next clause) of the list starting at clause k; parts None when unreadable."""
    parts: list[Quantity] = []
    seg = cls[k].segment
    j = k
    while j < len(cls) and cls[j].segment == seg:
        c = cls[j]
        if j > k and _marker(c.text):
            return parts, False, j  # a sub-list (含…) or a new list starts: stop here
        body = c.text
        if j == k:
            body = body.lstrip(" ,:、()")[len(_marker(body)):]
        same = [q for q in c.counts if q.unit == unit]
        if not same:
            if c.percents and not c.counts:
                j += 1
                continue  # "占9.1%"
            if parts or body.strip(" ,:、()"):
                return parts, False, j
            j += 1
            continue  # the bare "其中," clause
        if _STOP.search(body):
            return parts, False, j
        if len(same) > 1 or same[-1].approx:
            return None, False, j
        parts.append(same[-1])
        j += 1
    return parts, True, j


def _whole_after(cls: list[Clause], k: int, j: int, unit: str) -> Optional[Quantity]:
    """"包括A a件、B b件，共X件": the total closing a list that had no whole before it."""
    if j >= len(cls) or cls[j].segment != cls[k].segment:
        return None
    t = cls[j].text.lstrip(" ,:、()")
    if not t.startswith(("共", "合计", "总计")):
        return None
    same = [q for q in cls[j].counts if q.unit == unit]
    if len(same) != 1 or same[0].approx or any("等" in cls[i].text for i in range(k, j)):
        return None
    return same[0]


class ListExceedsWhole(Rule):
    """What it does: reads narrative lists of the shape "共X条，其中A a条、B b条、C c条" (also 包括, 含,
    分别为) and reports the list when its parts add up to more than the whole, or when the list is
    declared complete (分别为, or 包括… closed by 共X) and its parts do not add up to the whole.

    Why: the parts of a whole cannot exceed it; such a sentence contradicts itself, whatever the
    tables say. Parts that add up to less than the whole are normal (其中 lists are often partial)
    and are not reported.

    Example (fails):
        共主动公示84条信息，其中通过门户网站20条、微信公众号24条、市局网站14条、区局网站20条、头条号26条。
    Use instead: parts that fit the whole (20+24+14+20+6 = 84), or the right whole (共104条).
    """

    code = "RL202"
    name = "list-exceeds-whole"
    severity = Severity.ERROR
    summary = Message("正文中“其中”所列各项之和超过总数（或“分别为”各项之和不等于总数）",
                      "The parts listed in the narrative add up to more than their whole")
    doc_zh = """
    检查内容：正文中“共X条，其中A a条、B b条、C c条”（以及“包括”“含”“分别为”）这类列举，各项之和超过总数，
    或者用“分别为”“包括……共X件”表明列举完整、但各项之和不等于总数时报告。

    原因：部分之和不可能超过整体，这样的句子自相矛盾，与统计表无关。各项之和小于总数是正常的（“其中”往往只列部分），不报告。

    错误示例：
        共主动公示84条信息，其中通过门户网站20条、微信公众号24条、市局网站14条、区局网站20条、头条号26条。
    正确写法：各项之和与总数相符（20+24+14+20+6=84），或改正总数（共104条）。
    """

    def check(self, report, ctx):
        cls = clauses(report)
        for k in _candidates(report.source.text, cls):
            c = cls[k]
            marker = _marker(c.text)
            if not marker:
                i = c.text.find("包括")
                if i < 0 or not c.counts or c.counts[0].span.start - c.span.start < i:
                    continue
                marker = "包括"  # "收到的申请包括A 3件、B 2件，共5件"
            whole = _whole(cls, k, marker) if _marker(c.text) else None
            after = False
            if whole is None and marker in ("包括", "包含"):
                first = [q for q in c.counts if q.unit not in ("", "万")]
                if not first:
                    continue
                parts, _, j = _items(cls, k, first[-1].unit)
                whole = _whole_after(cls, k, j, first[-1].unit) if parts else None
                after = True
            if whole is None or whole.int_value is None:
                continue
            if not after:
                parts, reached_end, _ = _items(cls, k, whole.unit)
            if not parts or len(parts) < 2:
                continue
            total = sum(p.value for p in parts)
            w = whole.value
            exceeds = total > w
            complete = (after or marker in COMPLETE_MARKERS and reached_end) and total != w
            if not (exceeds or complete):
                continue
            expr = "+".join(_fmt(p.value) for p in parts)
            span = Span(min(whole.span.start, parts[0].span.start), max(whole.span.end, parts[-1].span.end))
            if exceeds and not after:
                msg = Message(f"所列各项之和 {_fmt(total)}{whole.unit} 超过总数 {_fmt(w)}{whole.unit}",
                              f"the listed parts add up to {_fmt(total)} {whole.unit}, more than the whole {_fmt(w)}")
            else:
                msg = Message(f"“{marker}”所列各项之和 {_fmt(total)}{whole.unit} 不等于总数 {_fmt(w)}{whole.unit}",
                              f"the parts listed with {marker} add up to {_fmt(total)}, not the whole {_fmt(w)}")
            yield Finding(self.code, msg, span,
                          related=[Related(whole.span, Message("总数", "the whole"))],
                          detail=Message(f"{expr} = {_fmt(total)} ≠ {_fmt(w)}", f"{expr} = {_fmt(total)} ≠ {_fmt(w)}"))


def _fmt(v) -> str:
    s = format(v, "f")
    return s.rstrip("0").rstrip(".") if "." in s else s
