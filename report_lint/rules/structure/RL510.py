"""RL510 repeated-word."""

import re
from functools import lru_cache

from ...findings import SAFE, Edit, Finding, Fix, Message, Severity
from ...model import Span
from ..base import Rule
from ._common import is_report
from ._wording import outside_tables, quoted, wording

_CJK = "\u4e00-\u9fff"
# A run of 2-4 ideographs written twice in a row (资金资金, 依申请依申请), or 的的.
_DOUBLED = re.compile(rf"([{_CJK}]{{2,4}})\1|的的")
_NUMERALS = frozenset("〇零○一二三四五六七八九十百千万亿两")


@lru_cache(maxsize=1)
def _lexicon() -> tuple[frozenset, "re.Pattern[str] | None"]:
    data = wording("repeated")
    idioms = data.get("idioms", [])
    return frozenset(data.get("allowed", [])), (re.compile("|".join(map(re.escape, idioms))) if idioms else None)


class RepeatedWord(Rule):
    """What it does: reports a word written twice in a row by mistake: 资金资金, 工作工作,
    依申请依申请, and 的的. Reduplication that Chinese uses on purpose is left alone: a single
    character doubled (常常, 一一, 年年, 人人, 天天, 各个), AABB forms (认认真真, 方方面面), verbs and
    adjectives doubled on purpose (研究研究, 雪白雪白), 一X一X (一件一件), numerals (二〇二〇年),
    idioms whose characters line up with a neighbour (同时适时适地), 目的的 / 的的确确, and anything
    quoted (《…》, “…”) or inside a table. The fix deletes the second copy.

    Why: a doubled word is a slip any reader sees; in a published government report it is
    worth the minute it takes to correct.

    Example (fails): 进一步规范审核审核发布机制。
    Use instead: 进一步规范审核发布机制。
    """

    code = "RL510"
    name = "repeated-word"
    severity = Severity.INFO
    summary = Message("同一个词连写了两遍（如“资金资金”“的的”）", "A word is written twice in a row (资金资金, 的的)")
    doc_zh = """
    检查内容：同一个词误写了两遍，例如“资金资金”“工作工作”“依申请依申请”和“的的”。汉语中有意的重叠不报告：单字重叠（常常、一一、年年、人人、天天、各个）、AABB式（认认真真、方方面面）、有意重叠的动词和形容词（研究研究、雪白雪白）、“一X一X”（一件一件）、数字（二〇二〇年）、与相邻字恰好组成重叠的成语（同时适时适地）、“目的的”“的的确确”，以及引号、书名号内的文字和表格中的内容。自动修复会删去重复的那一遍。

    原因：重复的词是读者一眼就能看到的笔误，在正式发布的政府报告中值得花一分钟改正。

    错误示例：进一步规范审核审核发布机制。
    正确写法：进一步规范审核发布机制。
    """

    def check(self, report, ctx):
        if not is_report(report):
            return
        text = report.source.text
        allowed, idioms = _lexicon()
        rows = _TableRows(text)
        for a, b in outside_tables(report, 0, len(text)):
            cited = quoted(text, a, b)
            for m in _DOUBLED.finditer(text, a, b):
                unit = m.group(1) or "的"
                if not _mistake(text, m, unit, allowed, idioms) or rows.holds(m.start()):
                    continue
                if any(q.start <= m.start() < q.end for q in cited):
                    continue
                half = m.start() + len(unit)
                yield Finding(self.code, Message(f"“{unit}”重复了：“{m.group()}”", f"“{unit}” is written twice: “{m.group()}”"),
                              Span(m.start(), m.end()),
                              fix=Fix([Edit(half, m.end(), "")], Message(f"删去重复的“{unit}”", f"delete the second “{unit}”"), SAFE))


class _TableRows:
    """Whether an offset is on a line with a table rule "|" (a table row not read as one, its
    headers run together): lines indexed once, on the first question, so the work stays linear."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts: "list[int] | None" = None
        self.bars: set = set()

    def holds(self, pos: int) -> bool:
        from bisect import bisect_right

        if self.starts is None:
            self.starts, offset = [], 0
            for i, line in enumerate(self.text.split("\n")):
                self.starts.append(offset)
                if "|" in line:
                    self.bars.add(i)
                offset += len(line) + 1
        return bisect_right(self.starts, pos) - 1 in self.bars


def _mistake(text: str, m: "re.Match", unit: str, allowed: frozenset, idioms) -> bool:
    start, end = m.start(), m.end()
    if unit == "的":
        before, after = text[start - 1:start], text[end:end + 1]
        return before not in ("目", "标", "端", "似") and after != "确"
    if unit in allowed or len(set(unit)) == 1 or all(c in _NUMERALS for c in unit):
        return False  # 研究研究, 久久久久, 二〇二〇
    if unit[0] == "一":
        return False  # 一件一件, 一步一步
    if text[end:end + len(unit)] == unit or text[start - len(unit):start] == unit:
        return False  # three times or more: a pattern of the text (furniture, spam), not a slip
    if idioms is not None:
        for i in idioms.finditer(text, max(0, start - 4), end + 4):
            if i.start() < end and i.end() > start:
                return False
    return True
