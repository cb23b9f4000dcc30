"""RL401 malformed-date."""

import re

from ...dates import gbt, guess_malformed, is_valid, report_dates, report_malformed_periods, report_signature
from ...findings import Finding, Message, Severity
from ...model import Span
from ..base import Rule

# A year glued to its month, 年 lost: 202012月31日 (2020年12月31日). The year is four digits, so the
# month is what remains before 月; a longer digit run is some other number.
_GLUED_YEAR = re.compile(r"((?:19|20)\d\d)(1[0-2]|0?[1-9])月(\d{1,2})[日号]")


def glued_year_dates(text: str):
    """Matches of _GLUED_YEAR, found from each 月 (a regex scan from every position would cost a
    pass over the text per report; 月 is rare)."""
    i = text.find("月")
    while i != -1:
        j = i
        while j > 0 and text[j - 1].isdigit() and i - j < 7:
            j -= 1
        if 5 <= i - j <= 6 and not (j > 0 and text[j - 1] in ".．"):
            m = _GLUED_YEAR.match(text, j)
            if m is not None:
                yield m
        i = text.find("月", i + 1)


def glued_dates(text: str):
    """(start, end, raw) of each date whose 年 and 月 were both lost (2017210日: 2017年2月10日),
    found from each 日: four digits of a year and one to three more, glued before 日."""
    i = text.find("日")
    while i != -1:
        j = i
        while j > 0 and text[j - 1].isdigit() and i - j < 8:
            j -= 1
        if 6 <= i - j <= 7 and text[j:j + 2] in ("19", "20") and not (j > 0 and text[j - 1] in ".．-/年月"):
            yield j, i + 1, text[j:i + 1]
        i = text.find("日", i + 1)


class MalformedDate(Rule):
    """What it does: reports a date that is not a date any more: the signature date written as
    a bare digit run where 年/月/日 were lost (`2023120`), a month outside 1–12 (`2024年13月`),
    or a signature date that gives the month but not the year (`1月23日`), and a date in the text
    whose 年 was lost between the year and the month (`截至202012月31日`), or both 年 and 月
    (`2017210日`, a date under the title).

    Why: the 成文日期 dates the report and tells whether it was published on time
    (条例第四十九条); a date a reader cannot read, or one without a year, dates nothing.

    Example (fails):
        某某市人力资源和社会保障局
        2023120
    Use instead:
        某某市人力资源和社会保障局
        2023年1月20日
    """

    code = "RL401"
    name = "malformed-date"
    severity = Severity.ERROR
    summary = Message("日期写法残缺或无法识别（年月日丢失、月份超过12、落款日期缺年份）", "A malformed date (年/月/日 lost, month over 12, signature date without a year)")
    doc_zh = """
    检查内容：已经不成其为日期的日期：落款日期只剩一串数字、年月日丢失（`2023120`）；月份不在1至12之间（`2024年13月`）；落款日期只有月日没有年份（`1月23日`）；正文中年份和月份之间丢了“年”字的日期（`截至202012月31日`），或“年”“月”都丢了的日期（`2017210日`）。

    原因：成文日期标明年报的日期，也决定年报是否按时公布（条例第四十九条）；读不懂的日期、没有年份的日期都无法说明年报的日期。

    错误示例：
        某某市人力资源和社会保障局
        2023120
    正确写法：
        某某市人力资源和社会保障局
        2023年1月20日
    """

    def check(self, report, ctx):
        sig = report_signature(report)
        if sig is not None and sig.style == "malformed":
            guesses = guess_malformed(sig.raw)
            hint_zh = f"（可能是{'或'.join(guesses)}）" if guesses else ""
            hint_en = f" (perhaps {' or '.join(guesses)})" if guesses else ""
            yield Finding(self.code, Message(f"落款日期“{sig.raw}”缺少年、月、日{hint_zh}",
                                             f"signature date '{sig.raw}' has lost its 年/月/日{hint_en}"), sig.span)
        elif sig is not None and sig.year is None and sig.month is not None:
            yield Finding(self.code, Message(f"落款日期“{sig.raw}”没有年份", f"signature date '{sig.raw}' has no year"), sig.span)
        text = report.source.text
        periods = report_malformed_periods(report)  # RL404 says those
        for m in glued_year_dates(text):
            if any(s.start <= m.start() < s.end for s, _ in periods) or (
                    sig is not None and sig.span.start <= m.start() < sig.span.end):
                continue
            y, mo, d = (int(g) for g in m.groups())
            if not is_valid(y, mo, d):
                continue
            yield Finding(self.code, Message(f"日期“{m.group()}”丢了“年”字（应为{gbt(y, mo, d)}）",
                                             f"the date '{m.group()}' has lost its 年 (it should be {gbt(y, mo, d)})"),
                          Span(m.start(), m.end()))
        for a, b, raw in glued_dates(text):
            if any(s.start <= a < s.end for s, _ in periods) or (sig is not None and sig.span.start <= a < sig.span.end):
                continue
            guesses = guess_malformed(raw)
            if guesses:
                yield Finding(self.code, Message(f"日期“{raw}”丢了“年”“月”（可能是{'或'.join(guesses)}）",
                                                 f"the date '{raw}' has lost its 年 and 月 (perhaps {' or '.join(guesses)})"),
                              Span(a, b))
        for d in report_dates(report):
            if d.month is not None and not 1 <= d.month <= 12:
                yield Finding(self.code, Message(f"“{d.raw}”的月份{d.month}不存在", f"'{d.raw}': there is no month {d.month}"), d.span)
