"""RL205 narrative-requests-unbalanced."""

from __future__ import annotations

import re
from collections import defaultdict

from ...findings import Finding, Message, Related, Severity
from ...model import Span
from ...narrative import clauses
from ..base import Rule

# The roles a count plays in a sentence about the year's applications, tried in this order: the
# subject of 共受理答复…34件(含2022年结转0件) holds 受理 and 结转, and 结转下年度 holds 结转 too.
_FORWARD = re.compile(r"(?:结转|转结|转入|转至)(?:至|到)?(?:下一?年|下一年度|20\d\d年)|继续办理")
_FORWARD_WORDS = ("结转", "转结", "转入", "转至", "继续办理")  # one of them is in every _FORWARD match
_CARRIED = re.compile(r"结转|转结")
_RECEIVED = re.compile(r"收到|受理|新收|接收|接到")
_HANDLED = re.compile(r"办结|答复|办理完毕|处理完毕|办理完成")
# a count that is none of the four, or is only like one: 不予受理 is an outcome, not a receipt
_OTHER = re.compile(r"不予|撤回|撤销|其中|平均|[日月]均|复议|诉讼|咨询|留言|信件|建议|提案|事项")
_UNITS = ("件", "宗", "个", "份", "条")


class RequestsUnbalanced(Rule):
    """What it does: reads a sentence that states the year's applications in words — received (收到/
    受理), carried over from last year (上年结转), concluded (办结/答复) and carried forward (结转下年度)
    — and warns when received + carried over cannot equal concluded + carried forward under either
    reading of 收到/受理 (new only, or new and carried over together). With no carried-over count
    said, it warns only when concluded + carried forward is less than received (a count carried
    over but not said could explain more, never less).

    Why: every application of the year is either concluded in it or carried into the next; the
    sentence restates the applications table's balance (第一项加第二项之和，等于第三项加第四项之和),
    and a sentence that does not balance has a wrong number. A sentence with another count of the
    same unit in it (撤回, 不予受理, 其中…) may account for the difference, and is not read. A
    warning: 办结 may be meant without applications withdrawn.

    Example (warns):
        除去上年结转的8件政府信息公开申请，今年共收到依申请公开783件，全年共办结788件，结转下年继续办理2件。
    Use instead: numbers that balance (8 + 783 = 789 + 2), or say what became of the rest.
    """

    code = "RL205"
    name = "narrative-requests-unbalanced"
    severity = Severity.WARNING
    summary = Message("正文中收到与上年结转之和不等于办结与结转下年度之和",
                      "Received and carried over do not equal concluded and carried forward in the prose")
    doc_zh = """
    检查内容：正文中一句话写明本年申请的收到（收到/受理）、上年结转、办结（办结/答复）和结转下年度，按“收到”的两种理解
    （只是新收，或新收加上年结转）都不能得出“收到 + 上年结转 = 办结 + 结转下年度”时提示。没有写上年结转数的，只在
    办结加结转下年度少于收到数时提示（没写出的上年结转只能解释多出来的，不能解释少了的）。

    原因：一年中的申请，不是当年办结，就是结转下年度；这句话复述的是申请情况表的勾稽关系（第一项加第二项之和，
    等于第三项加第四项之和），对不上说明有一个数写错了。句中还有同单位的其他数（撤回、不予受理、其中……）可能解释差额的，
    不检查。“办结”可能不含撤回的申请，所以是警告。

    错误示例：
        除去上年结转的8件政府信息公开申请，今年共收到依申请公开783件，全年共办结788件，结转下年继续办理2件。
    正确写法：数字相符（8 + 783 = 789 + 2），或写明其余申请的去向。
    """

    def check(self, report, ctx):
        text = report.source.text
        if "申请" not in text or ("结转" not in text and "转结" not in text):
            return
        by_sentence = defaultdict(list)
        for c in clauses(report):
            if c.counts:
                by_sentence[c.sentence].append(c)
        for cls in by_sentence.values():
            start, end = cls[0].span.start, cls[-1].span.end
            said = text[start:end]
            if "申请" not in said:
                continue  # 受理政务服务事项2190件: applications of another kind
            if not any(w in said for w in _FORWARD_WORDS):
                continue  # no count carried forward can be read in it (the words _FORWARD needs)
            roles = _roles([q for c in cls for q in c.counts])
            if roles is None:
                continue
            got, carried, done, forward = roles
            f = _check(got, carried, done, forward)
            if f is not None:
                yield Finding(self.code, f[0], Span(got[0].span.start, forward.span.end),
                              related=[Related(done.span, Message("办结", "concluded"))], detail=f[1])


def _roles(counts):
    got, carried, done, forward = [], [], [], []
    unit = None
    for q in counts:
        s = q.subject
        if q.approx or q.int_value is None:
            return None
        if _OTHER.search(s):
            if q.unit in _UNITS:
                return None  # another count of applications: it may account for the difference
            continue
        role = (forward if _FORWARD.search(s) else carried if _CARRIED.search(s)
                else got if _RECEIVED.search(s) else done if _HANDLED.search(s) else None)
        if role is None:
            if q.unit in _UNITS:
                return None
            continue
        if q.unit not in _UNITS or unit not in (None, q.unit):
            return None
        unit = q.unit
        role.append(q)
    if not got or len(carried) > 1 or len(done) != 1 or len(forward) != 1:
        return None
    return got, (carried[0] if carried else None), done[0], forward[0]


def _check(got, carried, done, forward):
    out = done.int_value + forward.int_value
    u = done.unit
    if carried is None:
        if any(g.int_value <= out for g in got):
            return None  # a carried-over count not said may make up the difference
        g = got[0].int_value
        return (Message(f"正文写收到 {g}{u}，但办结 {done.int_value}{u} + 结转下年度 {forward.int_value}{u} = {out}{u}，"
                        f"少于收到数（其余申请的去向没有写明）",
                        f"the prose says {g} received, but {done.int_value} concluded + {forward.int_value} carried "
                        f"forward = {out}, fewer than received"),
                Message(f"{done.int_value} + {forward.int_value} = {out} < {g}",
                        f"{done.int_value} + {forward.int_value} = {out} < {g}"))
    c = carried.int_value
    if any(g.int_value == out or g.int_value + c == out for g in got):
        return None  # 受理 read as new only, or as new and carried over together
    g = got[0].int_value
    return (Message(f"正文写收到 {g}{u}、上年结转 {c}{u}，办结 {done.int_value}{u}、结转下年度 {forward.int_value}{u}："
                    f"{g} + {c} = {g + c}，{done.int_value} + {forward.int_value} = {out}，两者不等"
                    f"（把收到数理解为已含上年结转也不等）",
                    f"the prose says {g} received and {c} carried over, {done.int_value} concluded and "
                    f"{forward.int_value} carried forward: {g} + {c} = {g + c} ≠ {out} (nor is {g} = {out})"),
            Message(f"{g} + {c} = {g + c} ≠ {done.int_value} + {forward.int_value} = {out}",
                    f"{g} + {c} = {g + c} ≠ {done.int_value} + {forward.int_value} = {out}"))
