"""RL202 list-exceeds-whole."""

from __future__ import annotations

import re

from ...findings import Finding, Message, Related, Severity
from ...lists import report_lists
from ...model import Span
from ..base import Rule


class ListExceedsWhole(Rule):
    """What it does: reads narrative lists of the shape "共X条，其中A a条、B b条、C c条" (also 包括, 含,
    分别为, a list in brackets "共X条(其中…)", "在X条信息中，A a条；B b条", and a list of categories
    introduced by "…的主要类别有：" whose whole was stated before) and reports the list when its
    parts add up to more than the whole, or when the list is declared complete (分别为; 包括…
    closed by 共X; a last item "其他…" that takes in everything else) and its parts do not add up
    to the whole. Item labels may hold 、 (政策、规范性文件类信息80条); parts written alike in the
    next sentences (其中，A 1397条，占73%。B 534条，占27%。) belong to the list.

    Why: the parts of a whole cannot exceed it; such a sentence contradicts itself, whatever the
    tables say. Parts that add up to less than the whole are normal (其中 lists are often partial)
    and are not reported, unless the list says it is complete.

    Example (fails):
        共主动公示84条信息，其中通过门户网站20条、微信公众号24条、市局网站14条、区局网站20条、头条号26条。
    Use instead: parts that fit the whole (20+24+14+20+6 = 84), or the right whole (共104条).
    """

    code = "RL202"
    name = "list-exceeds-whole"
    severity = Severity.ERROR
    summary = Message("正文中“其中”所列各项之和超过总数（或完整列举的各项之和不等于总数）",
                      "The parts listed in the narrative add up to more than their whole")
    doc_zh = """
    检查内容：正文中“共X条，其中A a条、B b条、C c条”这类列举（以及“包括”“含”“分别为”、括号中的“共X条（其中……）”、
    “在X条信息中，A a条；B b条”，和以“……的主要类别有：”引出、总数已在前文写明的分类列举），各项之和超过总数，
    或者列举表明是完整的（“分别为”，“包括……共X件”，最后一项是涵盖其余一切的“其他……”）、但各项之和不等于总数时报告。
    项目名称中可以有顿号（政策、规范性文件类信息80条）；紧接着的句子里写法相同的各项（其中，A 1397条，占73%。B 534条，占27%。）
    也属于同一列举。

    原因：部分之和不可能超过整体，这样的句子自相矛盾，与统计表无关。各项之和小于总数是正常的（“其中”往往只列部分），
    除非列举表明是完整的，否则不报告。

    错误示例：
        共主动公示84条信息，其中通过门户网站20条、微信公众号24条、市局网站14条、区局网站20条、头条号26条。
    正确写法：各项之和与总数相符（20+24+14+20+6=84），或改正总数（共104条）。
    """

    def check(self, report, ctx):
        for lst in report_lists(report):
            parts, whole = lst.parts, lst.whole
            total = sum(p.value for p in parts)
            w = whole.value
            exceeds = total > w
            if not (exceeds or lst.complete and total != w):
                continue
            expr = "+".join(_fmt(p.value) for p in parts)
            start = parts[0].span.start if lst.marker == "类别" else min(whole.span.start, parts[0].span.start)
            span = Span(start, max(whole.span.end, parts[-1].span.end) if lst.marker != "类别" else parts[-1].span.end)
            u = whole.unit
            severity = None
            if lst.complete == "catch-all" and not exceeds:
                msg = Message(f"所列各项（含“其他”一项，应为完整列举）之和 {_fmt(total)}{u}，不等于总数 {_fmt(w)}{u}",
                              f"the listed parts, “other” included (so the list is complete), add up to {_fmt(total)}, "
                              f"not the whole {_fmt(w)}")
            elif exceeds and not lst.after and _forms(parts):
                # one 解读 may be both 文字 and 图片: the forms may overlap, the sum is no certain slip
                msg = Message(f"所列各项之和 {_fmt(total)}{u} 超过总数 {_fmt(w)}{u}（各项是解读的形式，"
                              f"一篇解读可能兼有几种形式，请核对）",
                              f"the listed parts add up to {_fmt(total)} {u}, more than the whole {_fmt(w)} (the "
                              f"parts are forms, and one item may take several forms: please check)")
                severity = Severity.WARNING
            elif exceeds and not lst.after:
                msg = Message(f"所列各项之和 {_fmt(total)}{u} 超过总数 {_fmt(w)}{u}",
                              f"the listed parts add up to {_fmt(total)} {u}, more than the whole {_fmt(w)}")
            else:
                msg = Message(f"“{lst.marker}”所列各项之和 {_fmt(total)}{u} 不等于总数 {_fmt(w)}{u}",
                              f"the parts listed with {lst.marker} add up to {_fmt(total)}, not the whole {_fmt(w)}")
            yield Finding(self.code, msg, span,
                          related=[Related(whole.span, Message("总数", "the whole"))], severity=severity,
                          detail=Message(f"{expr} = {_fmt(total)} ≠ {_fmt(w)}", f"{expr} = {_fmt(total)} ≠ {_fmt(w)}"))


# 文字解读, 图片解读, 图解, 视频解读…: forms of one 解读, which one 解读 may take together
_FORM = re.compile(r"(?:文字|图片|图解|图文|视频|音频|动漫|漫画|动画|H5|h5|长图|海报|新闻发布会|在线访谈)(?:类|形式)?(?:解读)?$")


def _forms(parts) -> bool:
    """Every part names a form of 解读 (其中文字解读144篇,图片解读61篇,视频解读1篇)."""
    return all(_FORM.search(p.subject) for p in parts) and any("解读" in p.subject for p in parts)


def _fmt(v) -> str:
    s = format(v, "f")
    return s.rstrip("0").rstrip(".") if "." in s else s
