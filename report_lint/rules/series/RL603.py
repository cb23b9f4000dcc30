"""RL603 prior-year-claim-mismatch."""

from __future__ import annotations

from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal
from functools import lru_cache
from typing import Optional

from ...findings import Finding, Message, Related, Severity
from ...model import Span
from ..base import SeriesRule
from ._common import fmt, subject


@lru_cache(maxsize=1)
def _claims() -> dict:
    from ...claims import phrases

    return {c["id"]: c for c in phrases().get("claim", ())}


def _table_values(r, claim: dict, alts: tuple) -> list:
    """(value, cell or None) for each alternative of a claim's cells the report's tables give
    with certainty; ``alts``: only those alternatives, when the statement's own year says which."""
    out = []
    for i, alt in enumerate(claim.get("cells", ())):
        if alts and i not in alts:
            continue
        total, cells = Decimal(0), []
        for ref in alt:
            got = _cells(r, ref)
            if got is None:
                break
            for c in got:
                total += Decimal(str(c[0]))
                cells.append(c)
        else:
            out.append((total, cells[0] if len(cells) == 1 else None, any(c[3] for c in cells)))
    return out


def _cells(r, ref: str) -> "Optional[list]":
    """The certain cells a phrases.toml reference names in a YearData; None when one is missing."""
    kind, _, path = ref.partition(":")
    if kind not in r.found:
        return None
    if kind == "requests":
        if path.endswith(".*"):
            prefix = path[:-2]
            keys = [k for k in set(r.cells) | set(r.nulls) if k.startswith(f"requests:{prefix}")
                    and k.endswith(".total") and (k == f"requests:{prefix}.total" or k.startswith(f"requests:{prefix}."))]
        else:
            keys = [f"requests:{path}.total"]
        if not keys or any(k not in r.cells for k in keys):
            return None
        return [r.cells[k] for k in keys]
    c = r.cells.get(f"{kind}:{path}")
    return None if c is None else [c]


class PriorYearClaimMismatch(SeriesRule):
    """What it does: reads what this year's prose says about an earlier year (较2023年的160件,
    比上年增加20件, 同比增长12.5%, 与上年持平) about a count it has just stated, and compares it
    with that year's report in the batch: its tables (the cells rules/phrases.toml ties to the
    subject) and its prose. Only statements whose subject and shape are certain are read.

    Why: a number about last year that last year's own report contradicts is a slip of one of
    the two published reports, usually of the later one (a figure from a draft, a wrong base).
    A subject only the prose states (主动公开政府信息N条) is compared when last year's prose
    states it exactly once, and then as a warning.

    Example (fails):
        2023 report: 本年新收 … 总计 160
        2024 report: 共收到政府信息公开申请180件，较2023年的150件有所增加。
    Use instead: 共收到政府信息公开申请180件，较2023年的160件有所增加。
    """

    code = "RL603"
    name = "prior-year-claim-mismatch"
    severity = Severity.ERROR
    summary = Message("正文中关于上一年度的数字与上一年度报告不一致",
                      "What the prose says about last year differs from last year's report")
    doc_zh = """
    检查内容：正文在说出本年某个数字后，紧接着说到上一年度（较2023年的160件、比上年增加20件、同比增长12.5%、
    与上年持平）时，与本次检查中该年度的报告比较：其统计表（rules/phrases.toml 中与该说法对应的单元格）和正文。
    只读取含义确定的说法。

    原因：关于上一年度的数字，如果与上一年度自己发布的报告不符，两份已发布的报告中必有一处错误，通常是后一份
    （沿用了草稿中的数字、用错了基数）。统计表中没有、只在正文中出现的数字（主动公开政府信息N条），只有在上一年度
    正文中恰好出现一次时才比较，并且只作为警告。

    错误示例：
        2023 年报告：本年新收 … 总计 160
        2024 年报告：共收到政府信息公开申请180件，较2023年的150件有所增加。
    正确写法：共收到政府信息公开申请180件，较2023年的160件有所增加。
    """

    def check(self, series, ctx):
        for b in series.reports:
            for claim in b.about:
                a = series.at(claim.year)
                if a is None or a is b:
                    continue
                f = self._check(a, b, claim)
                if f is not None:
                    yield f

    def _values(self, a, claim) -> list:
        """(value, where, from the table?, recovered?) that year's report gives for the subject."""
        out = []
        if claim.table:
            c = _claims().get(claim.subject)
            if c is not None:
                for v, cell, rec in _table_values(a, c, claim.alts if len(claim.alts) == 1 else ()):
                    out.append((v, cell, True, rec))
            for v, s, e in a.said.get(claim.subject, ()):
                out.append((Decimal(v), (v, s, e, False), False, False))
        else:
            said = a.said.get(claim.subject, ())
            if len({v for v, _, _ in said}) == 1:
                v, s, e = said[0]
                out.append((Decimal(v), (v, s, e, False), False, False))
        return out

    def _check(self, a, b, claim) -> "Optional[Finding]":
        values = self._values(a, claim)
        if not values:
            return None
        base = Decimal(claim.base)
        for v, _, _, _ in values:
            if _holds(claim, base, v):
                return None
        return self._finding(a, b, claim, values)

    def _finding(self, a, b, claim, values) -> Finding:
        table = [x for x in values if x[2]]
        shown = list(dict.fromkeys(fmt(v) for v, _, _, _ in (table or values)))
        p = table[0][0] if table else values[0][0]
        base = Decimal(claim.base)
        what_zh, what_en = subject(claim.subject, "zh"), subject(claim.subject, "en")
        where_zh = "统计表" if table else "正文"
        where_en = "tables" if table else "prose"
        vals_zh, vals_en = " 或 ".join(shown), " or ".join(shown)
        if claim.kind == "value":
            msg = Message(f"正文说 {claim.year} 年{what_zh}为 {fmt(claim.stated)}，而 {claim.year} 年报告的{where_zh}为 {vals_zh}",
                          f"the prose gives {fmt(claim.stated)} for {what_en} in {claim.year}; the {claim.year} report's {where_en} have {vals_en}")
            detail = None
        elif claim.kind == "change":
            word_zh = "增加" if claim.stated >= 0 else "减少"
            word_en = "more" if claim.stated >= 0 else "fewer"
            msg = Message(f"正文说比 {claim.year} 年{word_zh} {fmt(abs(claim.stated))}，而按 {claim.year} 年报告的 {vals_zh} 计算为 {_signed(base - p)}",
                          f"the prose says {fmt(abs(claim.stated))} {word_en} than in {claim.year}; with the {claim.year} report's {vals_en} it is {_signed(base - p)}")
            detail = Message(f"本年 {fmt(base)} − {claim.year} 年 {fmt(p)} = {_signed(base - p)}（{what_zh}）",
                             f"this year {fmt(base)} − {claim.year} {fmt(p)} = {_signed(base - p)} ({what_en})")
        elif claim.kind == "percent":
            word_zh = "增长" if claim.stated >= 0 else "下降"
            word_en = "up" if claim.stated >= 0 else "down"
            got = _pct(base, p, claim.decimals)
            shown_pct = f"{_signed(got)}%" if got is not None else "无法计算（上年为 0）"
            msg = Message(f"正文说比 {claim.year} 年{word_zh} {fmt(abs(claim.stated))}%，而按 {claim.year} 年报告的 {vals_zh} 计算为 {shown_pct}",
                          f"the prose says {word_en} {fmt(abs(claim.stated))}% on {claim.year}; with the {claim.year} report's {vals_en} it is {shown_pct}")
            detail = Message(f"（本年 {fmt(base)} − {claim.year} 年 {fmt(p)}）÷ {fmt(p)} × 100 = {shown_pct}（{what_zh}）",
                             f"(this year {fmt(base)} − {claim.year} {fmt(p)}) ÷ {fmt(p)} × 100 = {shown_pct} ({what_en})")
        else:
            msg = Message(f"正文说与 {claim.year} 年持平，而 {claim.year} 年报告为 {vals_zh}，本年为 {fmt(base)}",
                          f"the prose says the same as {claim.year}; the {claim.year} report has {vals_en}, this year {fmt(base)}")
            detail = None
        related = [Related(Span(claim.base_start, claim.base_end), Message(f"本年 {fmt(base)}", f"this year {fmt(base)}"))]
        for v, cell, from_table, _ in (table or values)[:3]:
            if cell is None:
                continue
            related.append(Related(Span(cell[1], cell[2]),
                                   Message(f"{claim.year} 年报告{'表中' if from_table else '正文'} {fmt(v)}",
                                           f"{claim.year} report's {'table' if from_table else 'prose'}: {fmt(v)}"), a.path))
        unsure = not table or any(x[3] for x in table)
        return Finding(self.code, msg, Span(claim.start, claim.end), related, detail,
                       severity=Severity.WARNING if unsure else None, path=b.path)


def _signed(v) -> str:
    return ("+" if v > 0 else "") + fmt(v)


def _pct(base: Decimal, prev: Decimal, decimals: int) -> "Optional[Decimal]":
    if prev == 0:
        return None
    q = Decimal(1).scaleb(-decimals)
    return ((base - prev) * 100 / prev).quantize(q, rounding=ROUND_HALF_UP)


def _holds(claim, base: Decimal, prev: Decimal) -> bool:
    if claim.kind == "value":
        return Decimal(claim.stated) == prev
    if claim.kind == "same":
        return base == prev
    if claim.kind == "change":
        return base - prev == Decimal(claim.stated)
    if prev == 0:
        return True  # a change on nothing is no percentage: nothing to compare
    q = Decimal(1).scaleb(-claim.decimals)
    exact = (base - prev) * 100 / prev
    stated = Decimal(claim.stated)
    # the printed precision, rounded or cut (truncation is a style matter, not this rule's)
    return stated in (exact.quantize(q, rounding=ROUND_HALF_UP), exact.quantize(q, rounding=ROUND_DOWN))
