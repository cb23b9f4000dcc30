"""RL301 percentage-mismatch."""

from __future__ import annotations

import re
from decimal import ROUND_DOWN, ROUND_HALF_UP, ROUND_UP, Decimal
from typing import Optional

from ...claims import restated
from ...lists import list_wholes
from ...findings import Finding, Message, Related, Severity
from ...narrative import Clause, Quantity, clauses, percent_clauses
from ..base import Rule
from ._common import (COUNT_UNITS, NEAREST_WHOLES, SHARE_MARKERS, count_of, fmt as _fmt, pct as _pct, share_of, table_bases,
                      wholes_before)

class PercentageMismatch(Rule):
    """What it does: checks "…N件，占P%" in the narrative: N divided by the whole it is a share of
    (a total stated earlier in the same paragraph, e.g. 全年共收到公开申请11宗, or the table's new
    requests, new + carried over, or outcomes total), rounded half up at the printed decimals,
    must give P. A percentage that matches the truncated value instead is a warning; when no whole
    can be found nothing is reported.

    Why: a wrong share misstates the report's own numbers; readers and assessors recompute them.

    Example (fails):
        全年共收到公开申请11宗。因本机关不掌握等原因无法提供1宗，占10%。
    Use instead: 1/11 = 9.09%: 占9.1%.
    """

    code = "RL301"
    name = "percentage-mismatch"
    severity = Severity.ERROR
    summary = Message("正文中的百分比与所述数字算出的不符", "A percentage in the narrative does not match its numbers")
    doc_zh = """
    检查内容：正文中“……N件，占P%”的百分比：N 除以它所占的总数（同一段前文所述总数，如“全年共收到公开申请11宗”，
    或统计表中的本年新收、本年新收+上年结转、办理结果总计），按印出的小数位四舍五入，应等于 P。
    若与截断（舍去）的结果相符，报警告；找不到总数时不报告。

    原因：占比算错会歪曲报告自己的数字，读者和考核者会重新计算。

    错误示例：
        全年共收到公开申请11宗。因本机关不掌握等原因无法提供1宗，占10%。
    正确写法：1/11 = 9.09%，应为“占9.1%”。
    """

    def check(self, report, ctx):
        cls = clauses(report)
        tol = Decimal(str(ctx.percent_tolerance or 0))
        wholes = list_wholes(report) if percent_clauses(report) else {}
        groups: dict = {}  # (paragraph, base, decimals) -> shares that fit; see _apportioned
        for k in percent_clauses(report):
            c = cls[k]
            for p in c.percents:
                share = share_of(p.subject)
                if share is None:
                    continue
                count = count_of(cls, k, p)
                if count is None:
                    continue
                text_bases = self._text_bases(report, cls, k, count, share)
                bases = [(b, "正文所述总数", q) for b, q in text_bases]
                bases += _with_carried(cls, k, count, text_bases, share)
                listed = wholes.get(id(count))
                if listed is not None and share == "any":
                    whole, parts_sum = listed
                    bases = [x for x in bases if x[2] is not whole]
                    if parts_sum is not None:
                        bases.insert(0, (parts_sum, PARTS_SUM, None))
                    bases.insert(0, (whole.value, "正文所述总数", whole))  # the whole of its list comes first
                if count.unit in COUNT_UNITS:
                    bases += [(b, name, None) for b, name in table_bases(report, share)]
                # a whole smaller than the part would make a share above 100%: not its whole
                # (unless the text prints one: then it divided by a smaller number itself)
                every = bases
                bases = [x for x in bases if x[0] > 0 and (x[0] >= count.value or p.value > 100)]
                if not bases:
                    continue
                # a count the table contradicts is RL201's finding; a share that is right for the
                # table's number is not a second one (of a whole the table's number fits under)
                found = restated(report, count)
                if found is not None and len(c.counts) <= 1 and any(
                    abs(_pct(v, b, p.decimals, ROUND_HALF_UP) - p.value) <= tol
                    for v, _ in found[1] for b, _, _ in every if b > 0 and (b >= v or p.value > 100)
                ):
                    continue
                if not any(abs(_pct(count.value, b, p.decimals, ROUND_HALF_UP) - p.value) <= tol for b, _, _ in bases) \
                        and any(_apportioned(cls, k, p, b, groups) for b, _, _ in bases[:_APPORTION_BASES]):
                    continue
                f = self._judge(count, p, bases, tol, any(q is not None or n == PARTS_SUM for _, n, q in bases))
                if f is not None:
                    yield f

    @staticmethod
    def _text_bases(report, cls: list[Clause], k: int, count: Quantity, share: str = "any") -> list[tuple[Decimal, Quantity]]:
        """Wholes stated earlier in the same paragraph, nearest first (at most NEAREST_WHOLES)."""
        out = []
        for q in wholes_before(report, cls, cls[k].paragraph, count.span.start):
            if q.unit != count.unit:
                continue
            if share == "any" or any(w in q.subject for w in SHARE_MARKERS[share]):
                out.append((q.value, q))
                if len(out) == NEAREST_WHOLES:
                    break
        return out

    def _judge(self, count: Quantity, p: Quantity, bases, tol: Decimal, from_text: bool) -> Optional[Finding]:
        for b, _, _ in bases:
            want = _pct(count.value, b, p.decimals, ROUND_HALF_UP)
            if abs(want - p.value) <= tol:
                return None
        base, name, q = bases[0]
        want = _pct(count.value, base, p.decimals, ROUND_HALF_UP)
        related = [Related(count.span, Message("所占数字", "the count"))]
        for b, n, bq in bases:
            if _pct(count.value, b, p.decimals, ROUND_DOWN) == p.value:
                r = _pct(count.value, b, p.decimals, ROUND_HALF_UP)
                zh, en = _source(b, n, bq, count.unit)
                if bq is not None:
                    related.append(Related(bq.span, Message("总数", "the whole")))
                return Finding(self.code,
                               Message(f"{_fmt(count.value)}/{_fmt(b)} 四舍五入为 {r}%，正文写 {_fmt(p.value)}%（截断；{zh}）",
                                       f"{_fmt(count.value)}/{_fmt(b)} rounds to {r}%, the text truncates it to "
                                       f"{_fmt(p.value)}% ({en})"),
                               p.span, related=related, severity=Severity.WARNING)
        if q is not None:
            related.append(Related(q.span, Message("总数", "the whole")))
        zh, en = _source(base, name, q, count.unit)
        rest = {b: n for b, n, _ in reversed(bases[1:]) if b != base}
        others_zh = "、".join(f"{_fmt(b)}（{n}）" for b, n in rest.items())
        others_en = ", ".join(_fmt(b) for b in rest)
        why_zh = "" if from_text else "正文没有写明总数，总数取自统计表，故为警告。"
        why_en = "" if from_text else "The text states no whole; the wholes come from the table, hence a warning. "
        return Finding(self.code,
                       Message(f"占比应为 {_fmt(count.value)}/{_fmt(base)} = {want}%（{zh}），正文写 {_fmt(p.value)}%",
                               f"{_fmt(count.value)}/{_fmt(base)} is {want}% ({en}), the text says {_fmt(p.value)}%"),
                       p.span, related=related,
                       severity=None if from_text else Severity.WARNING,
                       detail=Message(why_zh + (f"其他可能的总数也不相符：{others_zh}" if others_zh else ""),
                                      why_en + (f"Other possible wholes do not match either: {others_en}" if others_en else "")))


PARTS_SUM = "所列各项之和"
WITH_CARRIED = "收到+上年结转"
HANDLED_DERIVED = "收到+上年结转−结转下年度"

# 2022年结转…7件 / 上年结转7件 (into this year), not 结转至2024年9件 / 结转下年度 (out of it)
_CARRIED_IN = re.compile(r"结转|转结")
_CARRIED_OUT = re.compile(r"(?:结转|转结|转入|转至)(?:至|到)?(?:下一?年|下一年度|20\d\d年)|继续办理|顺延")
_RECEIVED_WORDS = ("收到", "受理", "新收", "接收")
_LOOKBACK = 24  # clauses of the paragraph looked back at for a carried-over count (linear time)


def _with_carried(cls: list[Clause], k: int, count: Quantity, text_bases, share: str) -> list:
    """Wholes the text gives in parts: 收到163件 … 上年结转7件 … 结转至下年9件, the shares taken of
    163 + 7 = 170 (all the year's requests) or of 170 − 9 = 161 (those handled). Both are wholes the
    reports use (FORMAT.md §4); a share that fits one of them is no slip."""
    received = next((q for _, q in text_bases if any(w in q.subject for w in _RECEIVED_WORDS)), None)
    if received is None or share == "handled":
        return []
    para = cls[k].paragraph
    carried = forward = None
    seen = 0
    for i in range(k, max(-1, k - _LOOKBACK), -1):
        if cls[i].paragraph != para or seen > 4 * _LOOKBACK:
            break
        seen += len(cls[i].counts)
        for q in cls[i].counts[-4 * _LOOKBACK:]:
            if q.unit != count.unit or q.approx or q.span.start >= count.span.start or q is received:
                continue
            s = q.subject
            if _CARRIED_OUT.search(s):
                forward = forward or q
            elif _CARRIED_IN.search(s):
                carried = carried or q
    if carried is None:
        return []
    whole = received.value + carried.value
    out = [(whole, WITH_CARRIED, None)]
    if forward is not None and whole > forward.value:
        out.append((whole - forward.value, HANDLED_DERIVED, None))
    return out


def _within_unit(count: Decimal, base: Decimal, p: Quantity) -> bool:
    """The printed share is the exact one rounded down or up at its decimals."""
    return p.value in (_pct(count, base, p.decimals, ROUND_DOWN), _pct(count, base, p.decimals, ROUND_UP))


def _apportioned(cls: list[Clause], k: int, p: Quantity, base: Decimal, groups: dict) -> bool:
    """The shares of one whole were rounded so that they add up to exactly 100% (the largest
    remainder method, or the last share taken as 100% minus the others): each is its exact
    value rounded down or up, and together they make 100. A correct way to print shares
    (82.8%, 2.8%, 14.1%, 0.3% of 2720), not a slip. Two shares at least, one after another in
    one paragraph (a list may give each share a sentence of its own: 4份,占比3.8%。17份,占比16.4%。…);
    a paragraph may hold two such lists of one whole (by channel, then by applicant), each
    adding up to 100 on its own.

    ``groups`` caches each paragraph's shares of a base, read once; a paragraph is read for at
    most _APPORTION_GROUPS bases (time linear in the text whatever it holds)."""
    if base <= 0:
        return False
    para = cls[k].paragraph
    key = (para, base, p.decimals)
    got = groups.get(key)
    if got is None:
        tried = groups.get(para, 0)
        if tried >= _APPORTION_GROUPS:
            return False
        groups[para] = tried + 1
        lo = k
        while lo > 0 and cls[lo - 1].paragraph == para:
            lo -= 1
        # the shares of this base in order; one of another whole ends a run
        runs: list[list] = [[]]
        for i in range(lo, len(cls)):
            c = cls[i]
            if c.paragraph != para:
                break
            for q in c.percents:
                if q.decimals != p.decimals or share_of(q.subject) is None:
                    continue
                cq = count_of(cls, i, q)
                if cq is None:
                    continue
                if _within_unit(cq.value, base, q):
                    runs[-1].append((q, cq.value))
                elif runs[-1]:
                    runs.append([])
        got = groups[key] = _adding_to_100(runs, base)
    return id(p) in got


def _adding_to_100(runs: "list[list[tuple[Quantity, Decimal]]]", base: Decimal) -> set:
    """The ids of the shares inside a stretch of two or more consecutive shares that add up to
    exactly 100 and whose counts add up to the whole (the parts are all of it: then their exact
    shares make 100 and rounding had to be apportioned; parts that exceed the whole, 1397 + 534 of
    1913, are not excused). Prefix sums: linear in the shares."""
    ids: set = set()
    for run in runs:
        seen = {(Decimal(0), Decimal(0)): 0}
        total = count = Decimal(0)
        for j, (q, v) in enumerate(run, 1):
            total += q.value
            count += v
            i = seen.get((total - 100, count - base))
            if i is not None and j - i >= 2 and _a_rounding(run[i:j], base):
                ids.update(id(x) for x, _ in run[i:j])
            seen.setdefault((total, count), j)
    return ids


def _a_rounding(shares: "list[tuple[Quantity, Decimal]]", base: Decimal) -> bool:
    """Shares that add up to 100 were rounded by a method: the largest remainder (a share rounded
    up never has a smaller remainder than one rounded down), or the last share taken as 100 minus
    the others, each of which is rounded half up. 73% and 27% of 1931 (72.35%, 27.65%) are neither."""
    ups, downs = [], []
    for q, v in shares:
        exact = v * 100 / base
        low = _pct(v, base, q.decimals, ROUND_DOWN)
        (ups if q.value > low else downs).append(exact - low)
    if not ups or not downs or min(ups) >= max(downs):
        return True
    return all(_pct(v, base, q.decimals, ROUND_HALF_UP) == q.value for q, v in shares[:-1])


_APPORTION_BASES = 4  # the nearest wholes a share is tried as apportioned of
_APPORTION_GROUPS = 8  # bases per sentence


def _source(base, name: str, q: Optional[Quantity], unit: str) -> tuple[str, str]:
    """Where the whole a share was taken of comes from, said so that the reader can check it."""
    if name == PARTS_SUM:
        return f"总数取所列各项之和{_fmt(base)}{unit}", f"the whole is the sum of the listed parts, {_fmt(base)}"
    if name in (WITH_CARRIED, HANDLED_DERIVED):
        return (f"总数取正文所述{name} = {_fmt(base)}{unit}",
                f"the whole is the text's received + carried over{' − carried forward' if name == HANDLED_DERIVED else ''}"
                f" = {_fmt(base)}")
    if q is None:
        return f"总数{_fmt(base)}为统计表的“{name}”", f"the whole {_fmt(base)} is the table's {name}"
    tail = q.subject.split()[-1] if q.subject.split() else ""
    if len(tail) > 18:
        tail = "…" + tail[-16:].lstrip("0123456789年度")
    said = tail + text_number(q)
    return f"总数取自正文“{said}”", f"the whole is the text's “{said}”"


def text_number(q: Quantity) -> str:
    return f"{_fmt(q.value)}{q.unit}"
