"""RL403 date-style."""

from ...dates import gbt, is_valid, report_signature
from ...findings import SAFE, UNSAFE, Edit, Finding, Fix, Message, Severity
from ..base import Rule

_STYLE = {
    "leading-zero": ("月、日前面不加0", "month and day without a leading zero"),
    "short-year": ("年份写全4位", "the full four-digit year"),
    "chinese": ("使用阿拉伯数字", "Arabic numerals"),
    "iso": ("使用“年月日”而不是短横线", "年月日 rather than dashes"),
    "dotted": ("使用“年月日”而不是圆点", "年月日 rather than dots"),
    "slashed": ("使用“年月日”而不是斜线", "年月日 rather than slashes"),
}


class DateStyle(Rule):
    """What it does: reports a signature date (成文日期) not written as GB/T 9704-2012
    requires: Arabic numerals, the full year, month and day without a leading zero. Flags
    `2025年01月23日`, `25年1月23日`, `二〇二五年一月二十三日`, `2025-01-23`, `2025.1.23`; the
    message gives the corrected form.

    Why: GB/T 9704-2012《党政机关公文格式》7.3.5.1 fixes how the 成文日期 is written; the
    Chinese-numeral form is the old standard (GB/T 9704-1999).

    Example (fails):
        某某局
        2025年01月23日
    Use instead:
        某某局
        2025年1月23日
    """

    code = "RL403"
    name = "date-style"
    severity = Severity.WARNING
    summary = Message("落款日期不符合GB/T 9704-2012的写法（应为“2025年1月23日”）", "The signature date is not in GB/T 9704-2012 style (2025年1月23日)")
    doc_zh = """
    检查内容：落款（成文日期）没有按GB/T 9704-2012的要求书写：用阿拉伯数字，年份写全，月、日不编虚位（不加0）。`2025年01月23日`、`25年1月23日`、`二〇二五年一月二十三日`、`2025-01-23`、`2025.1.23` 都会报出，并给出正确写法。

    原因：《党政机关公文格式》（GB/T 9704-2012）7.3.5.1规定了成文日期的写法；汉字数字写法是旧标准（GB/T 9704-1999）的要求。

    错误示例：
        某某局
        2025年01月23日
    正确写法：
        某某局
        2025年1月23日
    """

    def check(self, report, ctx):
        sig = report_signature(report)
        if sig is None or sig.style not in _STYLE or not sig.full:
            return
        if not is_valid(sig.year, sig.month, sig.day):
            return  # RL401/RL402 report it; no sensible corrected form
        fixed = gbt(sig.year, sig.month, sig.day)
        zh, en = _STYLE[sig.style]
        # The same date in the standard's form: safe, except that a two-digit year's century
        # is an assumption (unsafe: applied only with --unsafe-fixes).
        fix = Fix([Edit(sig.span.start, sig.span.end, fixed)], Message(f"改为“{fixed}”", f"write {fixed}"),
                  UNSAFE if sig.style == "short-year" else SAFE)
        yield Finding(self.code, Message(f"落款日期“{sig.raw}”应写作“{fixed}”（{zh}）",
                                         f"signature date '{sig.raw}' should be written {fixed} ({en})"), sig.span, fix=fix)
