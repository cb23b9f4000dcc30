"""RL013 unreadable-row."""

from ...findings import Finding, Message, Related, Severity
from ...model import DOUBT_REASONS, UNREAD_REASONS
from ..base import Rule
from ._tables import TABLE_NAMES, row_name

# Doubt about our own reading: said once per table. "cut" rows are where the text stops (an
# excerpt), which is said once for the whole text; "unbalanced" rows are the report's error.
_DOUBT = DOUBT_REASONS


class UnreadableRow(Rule):
    """What it does: says, once per table, which rows could not be read with certainty and
    were left out of the arithmetic: fewer values than the row has columns, digits run together
    (a web page that lost its cell boundaries) that split more than one way, values written
    apart from their labels that cannot be paired with certainty; and, in a text where a table
    was read poorly (many rows lost: a scanned page's OCR), rows whose total disagrees with
    their parts, which may be misread (11 for 1). Where digits run together and no split at all
    makes the row's own total hold, the row is wrong whatever the split: that is an error, on
    the row (a warning, with the reason, in a text whose tables were read poorly).

    Why: report-lint never guesses a number; a row it cannot read is not checked, and the
    table's coverage says so. The published report should give every cell on its own, and
    the rows named here should be checked by hand.

    Example (fails): 一、本年新收政府信息公开申请数量 101000011  (10,1,0,0,0,0,11 or 1,0,10,0,0,0,11)
    Use instead: separate cells: 一、本年新收政府信息公开申请数量 | 10 | 1 | 0 | 0 | 0 | 0 | 11 |
    """

    code = "RL013"
    name = "unreadable-row"
    severity = Severity.WARNING
    scope = "template"  # the national template's tables and sections
    summary = Message("表格中有的行无法可靠读取，未参与核算", "Rows whose numbers cannot be read with certainty")
    doc_zh = """
    检查内容：每张表报告一次哪些行无法可靠读取、未参与核算：数字个数少于列数；数字连在一起（网页丢失了单元格边界），
    有多种拆分方式；数字与行名分开书写，无法确定对应关系；文本中有的表格多行无法读取时（例如扫描件的文字识别结果），
    “总计”与各项之和不符的行，数字可能识别有误（把 1 识别成 11）。如果数字连在一起而任何拆分方式都不能使本行的
    “总计”成立，那么无论怎样拆分这一行都有错，按“错误”报告在这一行上（表格多行无法读取时改为警告并说明原因）。

    原因：report-lint 从不猜测数字；读不准的行不参与核算，检查范围中也会注明。发布的报告应逐格写出数字，
    这里列出的行需要人工核对。

    错误示例：一、本年新收政府信息公开申请数量 101000011（既可读作 10,1,0,0,0,0,11，也可读作 1,0,10,0,0,0,11）
    正确写法：分开的单元格：一、本年新收政府信息公开申请数量 | 10 | 1 | 0 | 0 | 0 | 0 | 11 |
    """

    def check(self, report, ctx):
        for kind, table in report.tables.items():
            if not table.found:
                continue
            name = TABLE_NAMES[kind]
            doubtful = []
            seen_raw = set()
            for row in table.rows.values():
                if row.unread == "unbalanced":
                    if row.raw in seen_raw and kind == "reviews":
                        continue  # the review row's three groups share one run of digits
                    seen_raw.add(row.raw)
                    where = "复议诉讼表的数字" if kind == "reviews" else f"“{row_name(row)}”一行的数字"
                    yield Finding(self.code, Message(
                        f"{where}连在一起（{row.raw}），任何拆分方式都不能使总计成立：这一行有错，请逐格核对",
                        f"the digits of {'the review row' if kind == 'reviews' else 'row “' + row_name(row) + '”'} run together ({row.raw}) "
                        "and no split makes its total hold: the row is wrong; check it cell by cell"),
                        _row_span(row), severity=Severity.ERROR)
                elif row.unread in _DOUBT:
                    doubtful.append(row)
            if not doubtful:
                continue
            if kind == "reviews":
                why_zh, why_en = UNREAD_REASONS[doubtful[0].unread]
                yield Finding(self.code, Message(f"{name.zh}的数字无法可靠读取（{why_zh}），未参与核算",
                                                 f"{name.en} cannot be read with certainty ({why_en}); it is not checked"),
                              _row_span(doubtful[0]))
                continue
            # on the first of them that has a place (a row whose label and values were set apart
            # may have none): never the top of the file
            anchor = next((sp for sp in map(_row_span, doubtful) if sp is not None), None)
            parts_zh, parts_en = [], []
            for row in doubtful[:6]:
                why_zh, why_en = UNREAD_REASONS[row.unread]
                parts_zh.append(f"“{row_name(row)}”（{why_zh}）")
                parts_en.append(f"“{row_name(row)}” ({why_en})")
            more_zh = f"等 {len(doubtful)} 行" if len(doubtful) > 6 else ""
            yield Finding(
                self.code,
                Message(f"{name.zh}有 {len(doubtful)} 行无法可靠读取，未参与核算：" + "、".join(parts_zh) + more_zh,
                        f"{len(doubtful)} rows of {name.en} cannot be read with certainty and are not checked: " + ", ".join(parts_en)),
                anchor,
                [Related(_row_span(r), Message(f"“{row_name(r)}”", f"“{row_name(r)}”")) for r in doubtful[1:] if _row_span(r) is not None],
            )


def _row_span(row):
    spans = [row.span] + [c.span for c in row.cells]
    spans = [s for s in spans if s is not None]
    if not spans:
        return None
    from ...model import Span

    return Span(min(s.start for s in spans), max(s.end for s in spans))
