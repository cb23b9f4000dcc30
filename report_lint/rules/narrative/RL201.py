"""RL201 narrative-table-mismatch."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Optional

from ...claims import restated, sums as table_sums
from ...findings import Finding, Message, Related, Severity
from ...model import Report
from ...narrative import Quantity, clauses
from ..base import Rule


class NarrativeTableMismatch(Rule):
    """What it does: compares the counts the narrative states (总体情况 and the other sections)
    with the cells of the statistical tables they restate: 收到/受理申请 with 本年新收 (or 新收 +
    上年结转), 予以公开, 部分公开, 不予公开, 无法提供, 不予处理, 其他处理, 办结, 结转下年度, 行政复议,
    行政诉讼 and 行政事业性收费. The phrases and cells are data (rules/phrases.toml).

    Why: the prose and the tables describe the same year; a number stated twice with two values
    means one of them is wrong. Clauses about another body (代表…, 全市, 下属…) or another period
    (上年, 同比) are not compared.

    Example (fails):
        2024年，我局共收到政府信息公开申请47件。   (table: 本年新收 48)
    Use instead: the table's number, 共收到政府信息公开申请48件。
    """

    code = "RL201"
    name = "narrative-table-mismatch"
    severity = Severity.ERROR
    scope = "template"  # the national template's tables and sections
    summary = Message("正文所述数字与统计表不一致", "A number stated in the narrative differs from the table")
    doc_zh = """
    检查内容：把正文（总体情况等部分）中复述的数字与统计表中对应的单元格比较：收到/受理申请与“本年新收”
    （或“本年新收+上年结转”）、予以公开、部分公开、不予公开、无法提供、不予处理、其他处理、办结、结转下年度、
    行政复议、行政诉讼、行政事业性收费。短语与单元格的对应关系见 rules/phrases.toml。

    原因：正文和统计表说的是同一年的数字，同一个数写成两个值，必有一个是错的。说的是其他机关（代表…、全市、下属…）
    或其他时期（上年、同比）的句子不比较。

    错误示例：
        2024年，我局共收到政府信息公开申请47件。   （表中本年新收为48）
    正确写法：与表一致，共收到政府信息公开申请48件。
    """

    def check(self, report, ctx):
        for clause in clauses(report):
            counts = clause.counts
            if len(counts) == 2 and counts[0].line is counts[1].line and _CARRIED_IN.fullmatch(
                    counts[0].line, counts[0].subject_end, counts[1].subject_end):
                # "收到45件(含上年度结转3件)": the first count is 新收 + 上年结转, the second 上年结转
                found = restated(report, counts[0])
                if found is not None and found[0]["id"] == "new":
                    both = [s for s in found[1] if len(s[1]) == 2]  # the sum with the carried-over cell
                    f = self._compare(report, counts[0], found[0], both) if both else None
                    if f is not None:
                        yield f
                counts = counts[1:]
            if len(counts) != 1:
                continue  # two counts in one clause: which phrase goes with which is unclear
            q = counts[0]
            found = restated(report, q)
            if found is None:
                continue
            f = self._compare(report, q, *found)
            if f is not None:
                yield f

    def _compare(self, report: Report, q: Quantity, claim: dict, sums: list) -> Optional[Finding]:
        if any(total == q.value for total, _ in sums):
            return None
        mixed = [w for w in claim.get("mixed_any", ()) if w in q.subject]
        if mixed:
            other = table_sums(report, claim.get("mixed_cells", ()))
            hit = [cells for total, cells in other if total == q.value]
            if hit:
                got = _fmt(sums[0][0])
                return Finding(self.code,
                               Message(f"正文把收到和{mixed[0]}写成一个数 {_fmt(q.value)}{q.unit}，但表中本年新收为 {got}"
                                       f"（{_fmt(q.value)} 只是办理结果总计），请分别写明收到和{mixed[0]}的数量",
                                       f"the narrative gives one number ({_fmt(q.value)}) for received and {mixed[0]}, "
                                       f"but the table has {got} new requests ({_fmt(q.value)} is the handled total)"),
                               q.span,
                               related=[Related(c.span, Message("本年新收", "new requests")) for c in sums[0][1]
                                        if c.span is not None][:1])
        total, cells = sums[0]
        distinct = list(dict.fromkeys(_fmt(t) for t, _ in sums))
        shown = " 或 ".join(distinct)
        shown_en = " or ".join(distinct)
        related = [Related(c.span, Message(f"表中数字 {c.raw or _fmt(c.value)}", f"the table has {c.raw or _fmt(c.value)}"))
                   for c in cells if c.span is not None][:3]
        # a cell the parser had to recover (run-together digits) may be the wrong one: say so, softly
        unsure = any(c.kind != "number" for _, cs in sums for c in cs)
        return Finding(self.code,
                       Message(f"正文写 {_fmt(q.value)}{q.unit}，统计表为 {shown}",
                               f"the narrative says {_fmt(q.value)} {q.unit}, the table has {shown_en}"),
                       q.span, related=related, severity=Severity.WARNING if unsure else None,
                       detail=Message(f"对应表中：{claim['id']}" + ("（表中数字是从连在一起的数字中拆分出来的，可能有误）" if unsure else ""),
                                      f"table cells: {claim['id']}" + (" (recovered from run-together digits)" if unsure else "")))


# what follows a count that includes the carried-over requests: "45件(含上年度结转3件)"
_CARRIED_IN = re.compile(r"[\d零〇一二两三四五六七八九十百千]+\s*(?:件|宗|个|条|项)\s*[(（]\s*(?:其中)?(?:含|包括)了?\s*(?:上年度?|上一年度?)结转(?:的|办理|申请|政府信息公开申请)?\s*")


def _fmt(v) -> str:
    s = format(Decimal(str(v)), "f")
    return s.rstrip("0").rstrip(".") if "." in s else s
