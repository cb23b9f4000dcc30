"""RL015 mixed-templates."""

from ...findings import Finding, Message, Severity
from ..base import Rule


class MixedTemplates(Rule):
    """What it does: reports a report that follows the 2019 trial template (国办公开办函〔2019〕60号)
    in a year the 2021 template (国办公开办函〔2021〕30号) applies, or that mixes the two: for
    example a 2023 report whose applications table has the single 2019 row (六)其他处理 instead of
    its three 2021 sub-rows, or a 2021-style active table beside a 2019-style applications table.

    Why: the 2021 template has applied since the 2021 reports; a stale template misses rows
    the current one requires.

    Example (fails, 2023 report): | (六)其他处理 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
    Use instead: 1.申请人无正当理由逾期不补正… 2.申请人逾期未按收费通知要求缴纳费用… 3.其他
    """

    code = "RL015"
    name = "mixed-templates"
    severity = Severity.WARNING
    scope = "template"  # the national template's tables and sections
    summary = Message("报告使用了过时的 2019 年模板，或混用了两版模板", "The report uses the 2019 template after 2020, or mixes templates")
    doc_zh = """
    检查内容：报告在应使用 2021 年模板（国办公开办函〔2021〕30号）的年份仍使用 2019 年试行模板（国办公开办函〔2019〕60号），
    或混用两版模板：例如 2023 年的年报在申请情况表中只有 2019 年模板的单行“（六）其他处理”，没有 2021 年模板的三个子项；
    或主动公开表用 2021 年模板而申请情况表用 2019 年模板。

    原因：自 2021 年度年报起适用 2021 年模板；沿用旧模板会缺少现行模板要求的行。

    错误示例（2023 年报）：| (六)其他处理 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
    正确写法：1.申请人无正当理由逾期不补正…… 2.申请人逾期未按收费通知要求缴纳费用…… 3.其他
    """

    def check(self, report, ctx):
        active, req = report.tables["active"], report.tables["requests"]
        year = report.report_year
        single_other = req.found and "other" in req.rows and not any(k.startswith("other.") for k in req.rows)
        current = (year is not None and year >= 2021) or (active.found and active.template == "2021")
        if single_other and current:
            when_zh = f"{year} 年度报告" if year else "本报告的主动公开表"
            when_en = f"a {year} report" if year else "this report's active table"
            yield Finding(self.code, Message(f"{when_zh}应使用 2021 年模板：“（六）其他处理”应分为三个子项（逾期不补正、逾期未缴费、其他），这里是 2019 年模板的单行",
                                             f"{when_en} follows the 2021 template, where (六)其他处理 has three sub-rows; this is the single row of the 2019 template"), req.rows["other"].span)
        elif active.found and active.template == "2019" and ((year is not None and year >= 2021) or any(k.startswith("other.") for k in req.rows)):
            when_zh = f"{year} 年度报告" if year else "本报告"
            yield Finding(self.code, Message(f"{when_zh}的主动公开表使用了 2019 年试行模板（本年新制作数量、本年新公开数量……），应使用 2021 年模板",
                                             "the active table follows the 2019 trial template; use the 2021 template"), active.span)
