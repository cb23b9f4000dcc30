"""RL511 half-width-punctuation (opt-in)."""

import re
from bisect import bisect_left

from ...findings import SAFE, Edit, Finding, Fix, Message, Severity
from ...model import Span
from ..base import Rule
from ._common import is_report
from ._wording import outside_tables

_CJK = "\u4e00-\u9fff"
# In the analysis text full-width punctuation is already folded to ASCII (，→ ,): candidates
# are found there, and the original file's character decides.
_MARK = re.compile(rf"(?<=[{_CJK})”」])[,;:](?= ?[{_CJK}(“「])")
_PAIR = re.compile(r"\(([^()\n]{1,60})\)")
_HAS_CJK = re.compile(f"[{_CJK}]")
FULL = {",": "，", ";": "；", ":": "：", "(": "（", ")": "）"}


class HalfWidthPunctuation(Rule):
    """What it does: reports half-width punctuation in Chinese text: a comma, semicolon or colon
    between Chinese characters (`工作,推进`), and parentheses around Chinese text (`(一)`,
    `(试行)`). Text inside the statistical tables is not looked at. At most one finding per line,
    listing every mark on it; the fix writes the full-width marks (，；：（）) and drops a space
    that followed a comma, semicolon or colon.

    Opt-in: many published reports use half-width marks throughout, so this rule runs only when
    selected by its code (`--select RL511`, `--extend-select RL511`, or in the configuration).

    Why: GB/T 15834-2011《标点符号用法》 prescribes full-width marks in Chinese text; mixed
    widths are also what a text copied between systems looks like.

    Example (fails): 一是加强组织领导,二是完善制度(试行)。
    Use instead: 一是加强组织领导，二是完善制度（试行）。
    """

    code = "RL511"
    name = "half-width-punctuation"
    severity = Severity.INFO
    default_enabled = False
    summary = Message("中文中使用了半角标点（, ; : ( )），应为全角（默认不启用）",
                      "Half-width punctuation in Chinese text (opt-in)")
    doc_zh = """
    检查内容：中文文字中使用了半角标点：汉字之间的半角逗号、分号、冒号（如“工作,推进”），以及括住中文的半角括号（如“(一)”“(试行)”）。统计表内的文字不检查。每行最多报告一次，列出该行所有半角标点；自动修复改为全角标点（，；：（）），并删去半角逗号、分号、冒号后面多出的空格。

    默认不启用：不少已发布的年报通篇使用半角标点，因此只有在按代码选择时才检查（--select RL511、--extend-select RL511 或在配置文件中选择）。

    原因：《标点符号用法》（GB/T 15834-2011）规定中文使用全角标点；全角半角混用，也是文字在不同系统间复制粘贴留下的痕迹。

    错误示例：一是加强组织领导,二是完善制度(试行)。
    正确写法：一是加强组织领导，二是完善制度（试行）。
    """

    def check(self, report, ctx):
        if not is_report(report):
            return
        src = report.source
        text = src.text
        marks: dict[int, list[tuple[int, int]]] = {}  # line start -> [(start, end)] to replace

        def half(i: int) -> bool:
            o = src.to_original(i)
            return o < len(src.original) and src.original[o] in FULL

        breaks: list[int] = []  # line ends, indexed once on the first mark (linear work)

        def add(i: int, end: int) -> None:
            if not breaks:
                breaks.extend(m.start() for m in re.finditer("\n", text))
                breaks.append(len(text))
            marks.setdefault(bisect_left(breaks, i), []).append((i, end))

        for a, b in outside_tables(report, 0, len(text)):
            for m in _MARK.finditer(text, a, b):
                i = m.start()
                if half(i):
                    space = text[i + 1:i + 2] == " " and src.original[src.to_original(i + 1)] == " "
                    add(i, i + 2 if space else i + 1)
            for m in _PAIR.finditer(text, a, b):
                inner = m.group(1)
                if not _HAS_CJK.search(inner):
                    continue  # (PDF), (2024): not Chinese text
                for i in (m.start(), m.end() - 1):
                    if half(i):
                        add(i, i + 1)
        for found in marks.values():
            found.sort()
            shown = "".join(dict.fromkeys(text[s] for s, _ in found))
            edits = [Edit(s, e, FULL[text[s]]) for s, e in found]
            yield Finding(self.code, Message(f"中文中使用了{len(found)}处半角标点（{shown}），应使用全角标点",
                                             f"{len(found)} half-width punctuation mark(s) ({shown}) in Chinese text"),
                          Span(found[0][0], found[-1][1]),
                          fix=Fix(edits, Message("改为全角标点", "use full-width punctuation"), SAFE))
