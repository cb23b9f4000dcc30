"""RL302 shares-not-100."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from ...findings import Finding, Message, Related, Severity
from ...model import Span
from ...narrative import Clause, Quantity, clauses, percent_clauses, sentences
from ..base import Rule
from ._common import NEAREST_WHOLES, count_of, fmt, pct, share_of, table_bases, wholes_before


def _slack(shares: list[Quantity]) -> Decimal:
    """How far from 100 correctly rounded shares can add up: half a printed unit each."""
    return sum((Decimal(5).scaleb(-1 - q.decimals) for q in shares), Decimal(0))


class SharesNot100(Rule):
    """What it does: reads the shares of one whole given in one sentence and checks that they add
    up to 100% when they must: either the counts they belong to add up to the whole (a complete
    partition: 予以公开30件，占60%；部分公开20件，占40%), or the shares are listed with 分别占
    (A、B、C分别占60%、30%、20%), which says they are shares of separate parts and so cannot add up
    to more than 100%. Rounding is allowed: each printed share may be half a unit off.

    Why: shares of a whole that add up to 110% (or to 90% when nothing is left out) show that at
    least one of them was computed wrongly or copied from another year.

    Example (fails):
        予以公开、部分公开、不予公开分别占60%、30%、20%。
    Use instead: shares that add up: 分别占60%、30%、10%。
    """

    code = "RL302"
    name = "shares-not-100"
    severity = Severity.WARNING
    summary = Message("同一总数的各项占比之和不等于100%", "Shares of one whole do not add up to 100%")
    doc_zh = """
    检查内容：同一句中对同一总数给出的各项占比，在应当合计为100%时检查其和：一是各项数字之和正好等于总数
    （完整划分，如“予以公开30件，占60%；部分公开20件，占40%”）；二是用“分别占”列出的占比
    （如“A、B、C分别占60%、30%、20%”），各项互不重叠，合计不能超过100%。允许四舍五入误差（每项半个末位）。

    原因：同一总数的各部分占比合计为110%（或在没有遗漏时只有90%），说明至少有一项算错或沿用了往年数字。

    错误示例：
        予以公开、部分公开、不予公开分别占60%、30%、20%。
    正确写法：各项占比合计为100%，如“分别占60%、30%、10%”。
    """

    def check(self, report, ctx):
        cls = clauses(report)
        tol = Decimal(str(ctx.percent_tolerance or 0))
        stating = {cls[k].sentence for k in percent_clauses(report)}
        for ks in sentences(report):
            if cls[ks[0]].sentence not in stating:
                continue  # both checks are about the shares a sentence states (most state none)
            f = self._listed(cls, ks, tol)
            if f is None:
                f = self._partition(report, cls, ks, tol)
            if f is not None:
                yield f

    def _listed(self, cls: list[Clause], ks: list[int], tol: Decimal):
        """分别占 P1%、P2%、P3%: separate parts, so never more than 100%."""
        for i, k in enumerate(ks):
            first = next((p for p in cls[k].percents if p.subject.endswith(("分别占", "分别为", "分别占比"))), None)
            if first is None:
                continue
            shares = [first]
            for k2 in ks[i + 1:]:
                c = cls[k2]
                if cls[k2 - 1].sep != "、" or len(c.percents) != 1 or c.percents[0].subject or c.counts:
                    break
                shares.append(c.percents[0])
            if len(shares) < 2:
                return None
            total = sum(p.value for p in shares)
            if total > 100 + _slack(shares) + tol:
                return self._finding(shares, total, Message("用“分别”列出的各项占比互不重叠，合计不能超过100%",
                                                            "shares listed with 分别 are of separate parts and cannot exceed 100%"))
            return None
        return None

    def _partition(self, report, cls: list[Clause], ks: list[int], tol: Decimal):
        """Counts with their shares whose counts add up to a whole: the shares must make 100%."""
        pairs: list[tuple[Quantity, Quantity]] = []
        for k in ks:
            c = cls[k]
            for p in c.percents:
                if share_of(p.subject) is None:
                    continue
                q = count_of(cls, k, p)
                if q is not None and (not pairs or pairs[-1][0] is not q):
                    pairs.append((q, p))
        if len(pairs) < 2 or len({q.unit for q, _ in pairs}) != 1:
            return None
        counts = sum(q.value for q, _ in pairs)
        wholes = self._wholes(report, cls, ks, pairs[0][0])
        if counts <= 0 or counts not in wholes:
            return None  # nothing to take shares of (0 of 0 is no partition)
        # a share that is wrong on its own is RL301's finding; this rule is about the sum
        if any(pct(q.value, counts, p.decimals, ROUND_HALF_UP) != p.value and
               abs(pct(q.value, counts, p.decimals, ROUND_HALF_UP) - p.value) > tol for q, p in pairs):
            return None
        shares = [p for _, p in pairs]
        total = sum(p.value for p in shares)
        if abs(total - 100) <= _slack(shares) + tol:
            return None
        return self._finding(shares, total, Message(f"各项数字之和 {fmt(counts)} 正好是总数，占比合计应为100%",
                                                    f"the counts add up to the whole ({fmt(counts)}), so the shares must make 100%"))

    @staticmethod
    def _wholes(report, cls: list[Clause], ks: list[int], first: Quantity) -> set[Decimal]:
        out = {b for b, _ in table_bases(report)} if first.unit in ("件", "宗", "个", "条", "项") else set()
        n = 0
        for q in wholes_before(report, cls, cls[ks[0]].paragraph, first.span.start):
            if q.unit == first.unit:
                out.add(q.value)
                n += 1
                if n == NEAREST_WHOLES:
                    break
        return out

    def _finding(self, shares: list[Quantity], total: Decimal, why: Message) -> Finding:
        expr = " + ".join(f"{fmt(p.value)}%" for p in shares)
        return Finding(self.code,
                       Message(f"各项占比合计 {fmt(total)}%，不是100%", f"the shares add up to {fmt(total)}%, not 100%"),
                       Span(shares[0].span.start, shares[-1].span.end),
                       related=[Related(p.span, Message("占比", "a share")) for p in shares[:1]],
                       detail=Message(f"{expr} = {fmt(total)}%。{why.zh}", f"{expr} = {fmt(total)}%. {why.en}"))
