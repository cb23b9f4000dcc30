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
        req = report.tables["requests"]
        if req.status == OK and not report.reaches_stop(req.span):  # a table the text cuts: RL005
            tpl = req.template if req.template != "unknown" else "2021"
            expected = [d for d in sorted(t.requests, key=lambda d: d.path) if not d.is_group and tpl in d.templates]
            if tpl == "2021":
                # the single 其他处理 row stands in for its sub-rows (RL015 reports the template)
                has_single = "other" in req.rows
                expected = [d for d in expected if d.key != "other" and not (has_single and d.key.startswith("other."))]
            missing = [d for d in expected if d.key not in req.rows]
            if missing:
                names = "、".join(d.labels[0] for d in missing[:6]) + ("等" if len(missing) > 6 else "")
                yield Finding(self.code, Message(f"{TABLE_NAMES['requests'].zh}缺少 {len(missing)} 行：{names}",
                                                 f"{TABLE_NAMES['requests'].en} lacks {len(missing)} rows: " + ", ".join(d.key for d in missing)), req.span)
        act = report.tables["active"]
        if act.status == OK and act.template != "unknown" and not report.reaches_stop(act.span):
            missing = [d for (tid, key), d in t.active.items() if tid == act.template and key not in act.rows]
            if missing:
                names = "、".join(d.labels[0] for d in missing)
                yield Finding(self.code, Message(f"{TABLE_NAMES['active'].zh}缺少 {len(missing)} 行：{names}",
                                                 f"{TABLE_NAMES['active'].en} lacks {len(missing)} rows: " + ", ".join(d.key for d in missing)), act.span)
