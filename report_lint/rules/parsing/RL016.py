"""RL016 missing-row."""

from ...findings import Finding, Message, Severity
from ...model import OK
from ...templates import load
from ..base import Rule
from ._tables import TABLE_NAMES


class MissingRow(Rule):
    """What it does: reports rows of the template that a table which was otherwise read does
    not have (for example 8.属于行政查询事项 left out of the applications table).

    Why: the template fixes every row; a dropped row also hides its numbers from the totals.

    Example (fails): the applications table goes from 7.属于行政执法案卷 straight to (四)无法提供.
    Use instead: keep every template row, writing 0 where there is nothing to report.
    """

    code = "RL016"
    name = "missing-row"
    severity = Severity.WARNING
    scope = "template"  # the national template's tables and sections
    summary = Message("统计表缺少模板规定的行", "A table lacks rows the template requires")
    doc_zh = """
    检查内容：已读到的统计表缺少模板规定的某些行（例如申请情况表漏了“8.属于行政查询事项”）。

    原因：模板规定了每一行；漏掉一行也会使这一行的数字从合计中消失。

    错误示例：申请情况表从“7.属于行政执法案卷”直接到了“（四）无法提供”。
    正确写法：保留模板的每一行，没有数字的填 0。
    """

    def check(self, report, ctx):
        t = load()
        for kind in ("requests", "active"):
            table = report.tables[kind]
            # a table read in full, or up to where the text stops (rows past that point are
            # not missing from the report); a table that stops early is RL011's
            if not (table.status == OK or (table.found and table.cut)):
                continue
            if not table.cut and report.reaches_stop(table.span):
                continue  # the text stops in it (RL005 says so): nothing after is demanded
            if kind == "active" and table.template == "unknown":
                continue
            missing = table.coverage.missing
            if not missing:
                continue
            if kind == "requests":
                defs = {d.key: d for d in t.requests if not d.is_group}
                labels = [defs[k].labels[0] for k in missing if k in defs]
                names = "、".join(labels[:6]) + ("等" if len(labels) > 6 else "")
            else:
                defs = {key: d for (tid, key), d in t.active.items() if tid == table.template}
                names = "、".join(defs[k].labels[0] for k in missing if k in defs)
            name = TABLE_NAMES[kind]
            yield Finding(self.code, Message(f"{name.zh}缺少 {len(missing)} 行：{names}",
                                             f"{name.en} lacks {len(missing)} rows: " + ", ".join(missing)), table.span)
