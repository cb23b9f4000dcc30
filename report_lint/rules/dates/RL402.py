"""RL402 impossible-date."""

from ...dates import days_in_month, report_dates
from ...findings import Finding, Message, Severity
from ..base import Rule


class ImpossibleDate(Rule):
    """What it does: reports a date whose day does not exist in its month: 2月30日, 4月31日,
    2月29日 in a year that is not a leap year, 1月0日 or 1月32日. Dates without a year are
    checked against the longest month (2月29日 is accepted).

    Why: an impossible date is a typing error; in the statistics period or the signature it
    leaves the report without a valid date.

    Example (fails):
        统计期限为2023年1月1日至2023年2月29日
    Use instead:
        统计期限为2023年1月1日至2023年12月31日
    """

    code = "RL402"
    name = "impossible-date"
    severity = Severity.ERROR
    summary = Message("日期不存在（如2月30日、4月31日、非闰年的2月29日）", "An impossible date (2月30日, 4月31日, 2月29日 in a non-leap year)")
    doc_zh = """
    检查内容：日期中的“日”在该月并不存在：2月30日、4月31日、非闰年的2月29日、1月0日、1月32日。没有年份的日期按闰年判断（2月29日不报）。

    原因：不存在的日期是录入错误；出现在统计期限或落款中，年报就没有有效的日期。

    错误示例：
        统计期限为2023年1月1日至2023年2月29日
    正确写法：
        统计期限为2023年1月1日至2023年12月31日
    """

    def check(self, report, ctx):
        for d in report_dates(report):
            if d.day is None or d.month is None or not 1 <= d.month <= 12:
                continue  # month errors are RL401's
            last = days_in_month(d.year, d.month)
            if not 1 <= d.day <= last:
                year = f"{d.year}年" if d.year is not None else ""
                yield Finding(self.code, Message(f"日期“{d.raw}”不存在：{year}{d.month}月只有{last}天",
                                                 f"'{d.raw}' does not exist: {year}{d.month}月 has {last} days"), d.span)
