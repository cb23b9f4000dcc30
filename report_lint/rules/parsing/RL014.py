"""RL014 recovered-cells."""

from ...findings import Finding, Message, Related, Severity
from ..base import Rule
from ._tables import TABLE_NAMES, row_name


class RecoveredCells(Rule):
    """What it does: notes, once per table, the rows whose numbers were not written cell by
    cell but could still be read with certainty: digits run together (text copied from a web
    page that lost its cell boundaries) that exactly one split makes consistent with the
    row's identity (or, among several, with the table's column identities), and values
    written apart from their labels that pair with them one to one and satisfy every identity.

    Why: the values are certain, but the published text is hard to read; the page's table
    should be fixed.

    Example (noted): 一、本年新收政府信息公开申请数量 713000074  (read as 71, 3, 0, 0, 0, 0, 74)
    Use instead: separate cells.
    """

    code = "RL014"
    name = "recovered-cells"
    severity = Severity.INFO
    scope = "template"  # the national template's tables and sections
    summary = Message("数字连在一起（或与行名分开）的行已按勾稽关系唯一地还原", "Run-together or detached values were read by the table's identities")
    doc_zh = """
    检查内容：每张表提示一次：有的行的数字不是逐格写出的，但仍能确定：数字连在一起（从丢失了单元格边界的网页复制而来），
    只有一种拆分方式能使本行平衡（或在几种方式中只有一种与各列的勾稽关系相符）；或者数字与行名分开书写，
    按顺序一一对应且所有勾稽关系都成立。

    原因：还原出的数字是确定的，但发布的文本难以阅读，应修正网页上的表格。

    提示示例：一、本年新收政府信息公开申请数量 713000074（读作 71、3、0、0、0、0、74）
    正确写法：分开的单元格。
    """

    def check(self, report, ctx):
        for kind, table in report.tables.items():
            if not table.found:
                continue
            rows = [r for r in table.rows.values() if r.inferred and not r.unread]
            if kind == "reviews":
                rows = rows[:1]
            if not rows:
                continue
            name = TABLE_NAMES[kind]
            split = [r for r in rows if r.inferred in ("split", "columns")]
            order = [r for r in rows if r.inferred == "order"]
            zh, en = [], []
            if split and kind == "reviews":
                zh.append(f"数字连在一起（{split[0].raw}），已按勾稽关系唯一地拆分还原")
                en.append(f"the digits ran together ({split[0].raw}) and were split by the identities")
            elif split and kind == "active":  # no identity: the digit count leaves one split
                zh.append(f"有 {len(split)} 行的数字连在一起，只有一种拆分方式，已据此还原（如“{row_name(split[0])}”{split[0].raw}）")
                en.append(f"the digits of {len(split)} rows ran together and split only one way "
                          f"(e.g. “{row_name(split[0])}” {split[0].raw})")
            elif split:
                zh.append(f"有 {len(split)} 行的数字连在一起，已按勾稽关系唯一地拆分还原（如“{row_name(split[0])}”{split[0].raw}）")
                en.append(f"the digits of {len(split)} rows ran together and were split by the identities "
                          f"(e.g. “{row_name(split[0])}” {split[0].raw})")
            if order:
                zh.append(f"有 {len(order)} 行的数字与行名分开书写，已按顺序一一对应，且勾稽关系均成立")
                en.append(f"the values of {len(order)} rows were written apart from their labels and were paired in order, every identity holding")
            yield Finding(self.code, Message(f"{name.zh}中" + "；".join(zh), f"{name.en}: " + "; ".join(en)),
                          rows[0].span or (rows[0].cells[0].span if rows[0].cells else None),
                          [Related(r.span, Message(f"“{row_name(r)}”", f"“{row_name(r)}”")) for r in rows[1:] if r.span is not None])
