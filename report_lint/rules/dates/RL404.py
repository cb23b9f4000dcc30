"""RL404 statistics-period."""

from ...dates import report_malformed_periods, report_period
from ...findings import Finding, Message, Related, Severity
from ..base import Rule


class StatisticsPeriod(Rule):
    """What it does: reports a statistics period (统计期限) that is not the report year from
    1 January to 31 December: a different year from the report year, or other start and end
    days; and a period whose dates are not dates: missing (统计期限自至。) or with 年/月/日 lost
    (自20251月1日至202512月31日, 202311日至20231231日, 至202020年12月31日). A period the text
    cuts off (an excerpt that stops) is not reported, nor a school year (9月1日 to the next 8月31日)
    in a school's report by school year (高等学校信息公开办法: another template).

    Why: the annual report covers one calendar year (国办公开办函〔2021〕30号); figures for another
    year, or part of a year, cannot be compared with other reports or with last year's.

    Example (fails):
        2024年政府信息公开工作年度报告
        本报告所列数据的统计期限为2023年1月1日至2023年12月31日。
    Use instead:
        本报告所列数据的统计期限为2024年1月1日至2024年12月31日。
    """

    code = "RL404"
    name = "statistics-period"
    severity = Severity.ERROR
    summary = Message("统计期限不是报告年度的1月1日至12月31日", "The statistics period is not 1 January to 31 December of the report year")
    doc_zh = """
    检查内容：统计期限不是报告年度的1月1日至12月31日：年份与报告年度不同，或起止日期不对；统计期限的日期缺失
    （统计期限自至。）或年、月、日丢失（自20251月1日至202512月31日、202311日至20231231日、至202020年12月31日）。
    文本在统计期限中间截断（网页摘录到此为止）的不报告；学校按学年编制的年报（高等学校信息公开办法）统计期限为
    9月1日至次年8月31日，不报告。

    原因：年报统计的是一个完整的自然年度（国办公开办函〔2021〕30号）；其他年份或半年的数据无法与其他年报、与上一年度比较。

    错误示例：
        2024年政府信息公开工作年度报告
        本报告所列数据的统计期限为2023年1月1日至2023年12月31日。
    正确写法：
        本报告所列数据的统计期限为2024年1月1日至2024年12月31日。
    """

    def check(self, report, ctx):
        year = report.report_year
        bad = report_malformed_periods(report)
        for span, raw in bad:
            whole = year and _whole_year_lost(raw, year)
            fix_zh = f"，应为{year}年1月1日至{year}年12月31日" if whole else ""
            fix_en = f"; it should be {year}年1月1日 to {year}年12月31日" if whole else ""
            yield Finding(self.code, Message(f"统计期限写法残缺：“{raw}”（日期缺失，或年、月、日丢失）{fix_zh}",
                                             f"the statistics period is malformed: “{raw}” (dates missing, or "
                                             f"年/月/日 lost){fix_en}"), span)
        found = report_period(report)
        if found is None:
            return
        if any(s.start <= found[2].start < s.end or found[2].start <= s.start < found[2].end for s, _ in bad):
            return  # said above
        start, end, span = found
        if report.kind == "school" and _school_year(start, end):
            return  # a school's report counts a school year (9月1日 to the next 8月31日)
        if year is not None and (start.year != year or end.year != year):
            related = []
            if report.report_year_span is not None and not (span.start <= report.report_year_span.start < span.end):
                related.append(Related(report.report_year_span, Message(f"报告年度为{year}年", f"the report year is {year}")))
            yield Finding(self.code, Message(f"统计期限（{start.year}年至{end.year}年）与报告年度{year}年不符",
                                             f"the statistics period ({start.year} to {end.year}) is not the report year {year}"),
                          span, related=related)
        elif (start.month, start.day, end.month, end.day) != (1, 1, 12, 31) or start.year != end.year:
            y = year if year is not None else start.year
            yield Finding(self.code, Message(f"统计期限应为{y}年1月1日至{y}年12月31日",
                                             f"the statistics period should be {y}年1月1日 to {y}年12月31日"), span)


def _whole_year_lost(raw: str, year: int) -> bool:
    """Whether a malformed period reads as the whole report year with 年/月/日 lost (202511日至20251231日)
    or with its dates missing (自至): then the whole year is what to write. A period from another
    day (自2023410日起: data since a website opened on 10 April) is not told to start on 1 January."""
    digits = "".join(ch for ch in raw if ch.isdigit())
    if not digits.startswith(str(year)):
        return True  # no year to read the start from: the whole year, as before
    return digits[4:].startswith(("11", "0101", "101", "011"))


def _school_year(start, end) -> bool:
    """1 September to 31 August of the next year: the school year a school's report counts
    (高等学校信息公开办法)."""
    return (start.year is not None and end.year == start.year + 1
            and (start.month, start.day, end.month, end.day) == (9, 1, 8, 31))
