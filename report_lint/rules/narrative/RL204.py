"""RL204 handled-exceeds-received."""

from __future__ import annotations

import re

from ...findings import Finding, Message, Related, Severity
from ...narrative import clauses
from ..base import Rule

_RECEIVED = re.compile(r"受理|收到|新收|接收|接到")
# the handled count's subject says only that: 办结171件, 已全部办结171件, 答复171件
_HANDLED = re.compile(r"^(?:[,:、\s]|其中|共计?|已经?|全部|均|依法|按时|及时|累计)*(?:办结|答复|办理完毕|处理完毕)了?$")
# the sentence accounts for more handled than received: carried over from before
_CARRIED = re.compile(r"结转|上年|上一年|往年|以前年度|历年|遗留|积存|累计")
# a rate, not a count: 日均受理7.5件 (per day), 月均办结, 平均, 每天
_AVERAGE = re.compile(r"[日月周年人户]均|平均|每[日天月周年人]")


class HandledExceedsReceived(Rule):
    """What it does: reads "受理X件，办结Y件" (also 收到…，答复…) in one sentence and warns when more
    were handled than received (Y > X) while nothing carried over from the year before is said:
    neither the sentence nor the applications table (上年结转) accounts for the difference.

    Why: what is concluded in a year was received in it or carried over into it; more concluded
    than received with nothing carried over is usually two digits swapped (117 and 171). Old
    reports state no carried-over count, so this is a warning, not a proof.

    Example (warns):
        今年我局共受理审批事项117件，办结171件，办结率100%。
    Use instead: 受理117件，办结117件 (or say how many came from the year before).
    """

    code = "RL204"
    name = "handled-exceeds-received"
    severity = Severity.WARNING
    summary = Message("正文中办结数多于受理数，且没有说明上年结转", "More handled than received, with nothing carried over")
    doc_zh = """
    检查内容：同一句中“受理X件，办结Y件”（以及“收到……，答复……”），办结数多于受理数（Y > X），而句中和统计表（上年结转）
    都没有说明有上年结转时提示。

    原因：一年中办结的，要么是当年受理的，要么是上年结转的；没有结转却办结多于受理，多半是数字颠倒（117写成171）。
    旧式年报不写结转数，无法确证，所以是警告。

    错误示例：
        今年我局共受理审批事项117件，办结171件，办结率100%。
    正确写法：受理117件，办结117件（或写明其中多少件是上年结转的）。
    """

    def check(self, report, ctx):
        text = report.source.text
        if "办结" not in text and "答复" not in text and "办理完毕" not in text and "处理完毕" not in text:
            return
        if _carried_over(report):
            return  # the table says some came from the year before
        cls = clauses(report)
        for i in range(1, len(cls)):
            a, b = cls[i - 1], cls[i]
            if len(b.counts) != 1 or len(a.counts) != 1 or a.sentence != b.sentence:
                continue
            got, done = a.counts[0], b.counts[0]
            if got.unit != done.unit or got.approx or done.approx or got.unit in ("", "万", "万元", "元"):
                continue
            if done.value <= got.value or not _HANDLED.match(done.subject) or not _RECEIVED.search(got.subject):
                continue
            if got.value != int(got.value) or _AVERAGE.search(got.subject):
                continue  # an average per day or per month is no number of things received
            # the whole sentence: nothing in it may account for the difference
            j, k = i - 1, i
            while j > 0 and cls[j - 1].sentence == a.sentence:
                j -= 1
            while k + 1 < len(cls) and cls[k + 1].sentence == a.sentence:
                k += 1
            if _CARRIED.search(text, cls[j].span.start, cls[k].span.end):
                continue
            yield Finding(self.code,
                          Message(f"办结 {_fmt(done.value)}{done.unit} 多于受理 {_fmt(got.value)}{got.unit}，"
                                  f"且没有说明上年结转（是否数字颠倒？）",
                                  f"{_fmt(done.value)} handled but {_fmt(got.value)} received, and nothing carried over "
                                  f"from the year before is said (digits swapped?)"),
                          done.span, related=[Related(got.span, Message("受理数", "received"))])


def _carried_over(report) -> bool:
    t = report.tables.get("requests")
    if t is None or not t.found:
        return False
    r = t.row("carried_over")
    return r is not None and len(r.cells) == 7 and bool(r.cells[6].value)


def _fmt(v) -> str:
    s = format(v, "f")
    return s.rstrip("0").rstrip(".") if "." in s else s
