"""RL605 items-not-carried."""

from __future__ import annotations

from ...findings import Finding, Message, Related, Severity
from ..base import SeriesRule
from ._common import fmt, row_name, span

_ROWS = ("licensing", "other_services", "penalties", "coercive_measures", "fees")


class ItemsNotCarried(SeriesRule):
    """What it does: in the 2019 template (2019 and 2020 reports), checks that this year's
    上一年项目数量 of 行政许可, 其他对外管理服务事项, 行政处罚, 行政强制 and 行政事业性收费 equals
    last year's 上一年项目数量 + 本年增/减.

    Why: last year's count of items plus last year's change is the count this year starts
    from. Offices often read these columns differently (the year's items, not last year's), so
    a difference is a warning.

    Example (warns):
        2019 report: 行政许可 | 120 | +5 | 3000
        2020 report: 行政许可 | 120 | -2 | 2800     (120 + 5 = 125)
    Use instead: 2020 report: 行政许可 | 125 | -2 | 2800
    """

    code = "RL605"
    name = "items-not-carried"
    severity = Severity.WARNING
    summary = Message("上一年项目数量与上一年度报告的项目数量加增减不符（2019 年格式）",
                      "Previous items differ from last year's items + change (2019 template)")
    doc_zh = """
    检查内容：2019 年格式（2019、2020 年度报告）中，行政许可、其他对外管理服务事项、行政处罚、行政强制、
    行政事业性收费的本年“上一年项目数量”，应等于上一年度报告的“上一年项目数量”加“本年增/减”。

    原因：上一年度的项目数量加上一年度的增减，就是本年开始时的项目数量。这两列常被不同地理解（写成本年的项目数），
    所以不符只作为警告。

    错误示例：
        2019 年报告：行政许可 | 120 | +5 | 3000
        2020 年报告：行政许可 | 120 | -2 | 2800     （120 + 5 = 125）
    正确写法：2020 年报告：行政许可 | 125 | -2 | 2800
    """

    def check(self, series, ctx):
        for a, b in series.pairs():
            if a.template != "2019" or b.template != "2019":
                continue
            for row in _ROWS:
                prev = a.cells.get(f"active:{row}.previous")
                change = a.cells.get(f"active:{row}.change")
                cur = b.cells.get(f"active:{row}.previous")
                if None in (prev, change, cur):
                    continue
                expected = prev[0] + change[0]
                if cur[0] == expected:
                    continue
                r_zh, r_en = row_name(row, "zh"), row_name(row, "en")
                msg = Message(f"“{r_zh}”上一年项目数量为 {fmt(cur[0])}，而 {a.year} 年报告的项目数量加增减为 {fmt(expected)}",
                              f"{r_en}: {fmt(cur[0])} previous items, but the {a.year} report's items + change is {fmt(expected)}")
                detail = Message(f"{a.year} 年上一年项目数量 {fmt(prev[0])} + 本年增/减 {fmt(change[0])} = {fmt(expected)} ≠ {fmt(cur[0])}",
                                 f"{a.year}: previous items {fmt(prev[0])} + change {fmt(change[0])} = {fmt(expected)} != {fmt(cur[0])}")
                related = [Related(span(prev), Message(f"{a.year} 年报告 上一年项目数量 {fmt(prev[0])}",
                                                       f"{a.year} report: previous items {fmt(prev[0])}"), a.path),
                           Related(span(change), Message(f"{a.year} 年报告 本年增/减 {fmt(change[0])}",
                                                         f"{a.year} report: change {fmt(change[0])}"), a.path)]
                yield Finding(self.code, msg, span(cur), related, detail, path=b.path)
