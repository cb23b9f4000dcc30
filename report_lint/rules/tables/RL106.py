"""RL106 placeholder-cell."""

from ...findings import Finding, Message, Related, Severity
from ..base import Rule
from ..parsing._tables import TABLE_NAMES
from ._null import all_null


class PlaceholderCell(Rule):
    """What it does: reports, once per table, cells left blank or filled with a placeholder
    (/, -, —, 无) instead of a number, naming the rows and pointing at each cell.

    Why: the template's instruction is to write 0 where there is nothing to report. For the
    arithmetic a blank counts as 0, but a blank cannot be told apart from a number that was lost;
    a 总计 left blank beside numbers is not taken for 0 (the checks that need it are skipped, the
    others still run).

    Example (fails): | 一、本年新收政府信息公开申请数量 | 5 | / | / | / | / | / | 5 |
    Use instead:     | 一、本年新收政府信息公开申请数量 | 5 | 0 | 0 | 0 | 0 | 0 | 5 |
    """

    code = "RL106"
    name = "placeholder-cell"
    severity = Severity.WARNING
    scope = "template"  # the national template's tables and sections
    summary = Message("单元格空白或填了“/”“-”等占位符，应填 0", "Blank or placeholder cells where 0 is required")
    doc_zh = """
    检查内容：统计表的单元格空着，或填了“/”“-”“—”“无”等占位符，而不是数字；每张表报告一次，列出涉及的行并标出每个单元格。

    原因：模板要求没有数字的填 0。核算时空白按 0 计，但空白无法与丢失的数字区分；有数字的行“总计”却空着时不按 0 计
    （需要它的核对跳过，其余核对照常进行）。

    错误示例：| 一、本年新收政府信息公开申请数量 | 5 | / | / | / | / | / | 5 |
    正确写法：| 一、本年新收政府信息公开申请数量 | 5 | 0 | 0 | 0 | 0 | 0 | 5 |
    """

    def check(self, report, ctx):
        for kind, table in report.tables.items():
            if not table.found or all_null(table):
                continue  # RL107 says the table is not checkable, once
            rows = []
            cells = []
            for row in table.rows.values():
                if row.unread:
                    continue
                empty = [c for c in row.cells if c.kind in ("placeholder", "blank")]
                if empty:
                    rows.append(row)
                    cells.extend(empty)
            if not cells:
                continue
            first = next((c.span for c in cells if c.span is not None), rows[0].span)
            shown = "、".join(dict.fromkeys(f"“{c.raw}”" if c.raw else "空白" for c in cells))
            names = "、".join(f"“{r.label or r.key}”" for r in rows[:4]) + ("等" if len(rows) > 4 else "")
            where_zh = f"{names}一行" if len(rows) == 1 else f"{names} {len(rows)} 行"
            yield Finding(
                self.code,
                Message(f"{TABLE_NAMES[kind].zh}中{where_zh}有 {len(cells)} 个单元格未填数字（{shown}），应填 0；核算时按 0 计",
                        f"{TABLE_NAMES[kind].en}: {len(cells)} cells without a number in {len(rows)} rows ({', '.join(r.label or r.key for r in rows[:4])}); write 0 (counted as 0)"),
                first,
                [Related(c.span, Message(f"“{c.raw}”" if c.raw else "空白", c.raw or "blank")) for c in cells[1:] if c.span is not None],
            )
