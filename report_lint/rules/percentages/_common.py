"""What the percentage rules share: rounding, the wholes a share may be of, the subject shapes."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from decimal import Context, Decimal
from typing import Optional

# a count said with one of these (before it, in its clause) is a whole a later 占P% may refer to
BASE_MARKERS = ("共", "合计", "总计", "收到", "受理", "新收", "办结", "答复", "办理")
COUNT_UNITS = ("件", "宗", "个", "条", "项")
# what the words between 占 and the percentage say the whole is
_SHARE = re.compile(r"^(?:占|占比|比例|所占比例)(.*?)(?:的|之)?(?:比例|比重|比)?(?:为|是|达|约)?$")
_HANDLED = ("办结", "答复", "办理", "处理")
_RECEIVED = ("收到", "受理", "新收", "申请")
_VAGUE = ("全部", "所有", "总", "总数", "总量", "全年", "本年", "年度", "政府信息公开", "依申请公开", "公开", "件数", "数")
# a whole outside this report's table
SHARE_MARKERS = {"handled": _HANDLED, "received": _RECEIVED + ("共", "合计")}
_ELSEWHERE = ("全市", "全区", "全县", "全省", "全国", "上年", "上一年", "同比", "去年")


def count_of(cls, k: int, p):
    """The count a percentage of clause k is a share of: the last count before it in its
    clause, else the last count of the clause just before, in the same segment (…1件，占9.1%),
    when that clause has no percentage of its own. None for an approximate or fractional one."""
    c = cls[k]
    # counts are in text order and never overlap: their ends are in order too
    i = bisect_right(c.counts, p.span.start, key=_end)
    if i:
        q = c.counts[i - 1]
    elif k > 0 and cls[k - 1].segment == c.segment and cls[k - 1].counts and not cls[k - 1].percents:
        q = cls[k - 1].counts[-1]
    else:
        return None
    return None if q.approx or q.int_value is None else q


def _end(q) -> int:
    return q.span.end


# Counts of at most MAX_DIGITS digits and shares of at most as many: computed at this precision
# the quotient is exact to far more places than any share prints, whatever the numbers (at the
# default 28 digits a 15-digit count of a 15-decimal whole could not be quantized at all).
_EXACT = Context(prec=80)


def pct(count: Decimal, base: Decimal, decimals: int, rounding) -> Decimal:
    ctx = _EXACT
    return ctx.divide(ctx.multiply(count, 100), base).quantize(Decimal(1).scaleb(-decimals), rounding=rounding, context=ctx)


def share_of(subject: str) -> Optional[str]:
    """What a percentage's subject says it is a share of: "any" (占, 占比, 占全部…的), "handled"
    (占办结总数的), "received" (占收到申请的); None when it is not a share of a whole we know."""
    if len(subject) > 16:
        return None
    m = _SHARE.match(subject)
    if m is None:
        return None
    whole = m.group(1)
    if any(w in whole for w in _ELSEWHERE):
        return None
    if any(w in whole for w in _HANDLED):
        return "handled"
    rest = whole
    for w in _RECEIVED + _VAGUE:
        rest = rest.replace(w, "")
    if rest:
        return None  # 占自然人申请的…: a share of something the tables do not give as one number
    return "received" if any(w in whole for w in _RECEIVED) else "any"


def table_bases(report, share: str = "any") -> list[tuple[Decimal, str]]:
    t = report.tables.get("requests")
    if t is None or not t.found:
        return []

    def v(key):
        r = t.row(key)
        if r is None or len(r.cells) != 7 or r.cells[6].value is None:
            return None
        return Decimal(str(r.cells[6].value))

    new, co, tot = v("new"), v("carried_over"), v("total")
    out = []
    if new is not None and share != "handled":
        out.append((new, "本年新收"))
        if co is not None:
            out.append((new + co, "本年新收+上年结转"))
    if tot is not None and share != "received":
        out.append((tot, "办理结果总计"))
    return out


def fmt(v) -> str:
    s = format(Decimal(str(v)), "f")
    return s.rstrip("0").rstrip(".") if "." in s else s


# How many stated wholes before a share are weighed, nearest first: the whole is stated near its
# parts, and a bound keeps a paragraph of a thousand shares linear (one-line pages are one
# paragraph).
NEAREST_WHOLES = 16


_OWN_SHARE = re.compile(r"[ \t]*[,，;；]?[ \t]*(?:占|约占)(?!用)")


def stated_wholes(report, cls) -> dict[int, tuple[list[int], list]]:
    """paragraph -> (starts, counts): the counts said with a BASE_MARKERS word (共, 收到, 办结 …),
    not approximate, in text order; made once per report."""

    text = report.source.text

    def build():
        out: dict[int, tuple[list[int], list]] = {}
        for c in cls:
            for q in c.counts:
                if q.approx:
                    continue
                # a count followed by its own share (…信息1条,占0.28%) is a part of a whole, never
                # one: a marker in its subject is another's (共 of a page footer 第 1 页 共 2 页
                # a page break put before it)
                if _OWN_SHARE.match(text, q.span.end):
                    continue
                subject = q.subject  # a property that cuts the text: once, not once a marker
                if any(w in subject for w in BASE_MARKERS):
                    starts, qs = out.setdefault(c.paragraph, ([], []))
                    starts.append(q.span.start)
                    qs.append(q)
        return out

    return report.derive("stated-wholes", build)


def wholes_before(report, cls, paragraph: int, before: int):
    """The stated wholes of a paragraph that start before offset ``before``, nearest first."""
    starts, qs = stated_wholes(report, cls).get(paragraph, ((), ()))
    i = bisect_left(starts, before)
    return reversed(qs[max(0, i - 4 * NEAREST_WHOLES):i])
