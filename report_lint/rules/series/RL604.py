"""RL604 section-copied."""

from __future__ import annotations

from functools import lru_cache

from ...findings import Finding, Message, Related, Severity
from ...model import Span
from ..base import SeriesRule

_TITLES = {1: ("总体情况", "overview"), 5: ("存在的主要问题及改进情况", "main problems and improvements"),
           6: ("其他需要报告的事项", "other matters")}
_ORD = "一二三四五六"


@lru_cache(maxsize=1)
def _settings() -> dict:
    from ...resources import data_file, load_toml

    return load_toml(data_file("rules", "series.toml"))["similar"]


def similarity(units_b: tuple, units_a: tuple) -> "tuple[float, list, list]":
    """The share (by characters) of b's sentences found in a, and the matched sentences of each."""
    seen = {}
    for u in units_a:
        seen.setdefault((u[0], u[1]), []).append(u)
    total = sum(u[1] for u in units_b)
    matched_b = [u for u in units_b if (u[0], u[1]) in seen]
    keys = {(u[0], u[1]) for u in matched_b}
    matched_a = [u for u in units_a if (u[0], u[1]) in keys]
    same = sum(u[1] for u in matched_b)
    return (same / total if total else 0.0), matched_b, matched_a


class SectionCopied(SeriesRule):
    """What it does: compares section 五、存在的主要问题及改进情况 of a report with the same section
    of the body's previous report in the batch, sentence by sentence (numbers, spaces,
    punctuation and enumerators such as 一是 left out), and warns when nearly all of it (90% of
    its text or more) is last year's text, with the passage located in both reports.

    Why: the national template notice (国办公开办函〔2021〕30号) names 内容雷同 — a report that
    repeats another — among the faults for which those responsible are held to account. The
    problems found and the improvements made are what should change most from year to year.

    Example (warns):
        2023 report: 五、… 一是政策解读形式不够丰富；二是部分栏目更新不及时。
        2024 report: 五、… 一是政策解读形式不够丰富；二是部分栏目更新不及时。
    Use instead: this year's problems and what was done about last year's.
    """

    code = "RL604"
    name = "section-copied"
    severity = Severity.WARNING
    summary = Message("与上一年度报告内容雷同", "A section repeats the previous report")
    doc_zh = """
    检查内容：把报告的“五、存在的主要问题及改进情况”与本次检查中同一机关上一份报告的同一部分逐句比较（不计
    数字、空格、标点和“一是”等序号），本部分 90% 以上的文字与上一年度相同时给出警告，并标出两份报告中相同的段落。

    原因：国办公开办函〔2021〕30号把“内容雷同”列为要追究责任的问题之一。存在的问题和改进情况，本应是每年变化
    最大的部分。

    错误示例：
        2023 年报告：五、… 一是政策解读形式不够丰富；二是部分栏目更新不及时。
        2024 年报告：五、… 一是政策解读形式不够丰富；二是部分栏目更新不及时。
    正确写法：写明本年发现的问题，以及上一年度问题的整改情况。
    """

    def check(self, series, ctx):
        s = _settings()
        for b in series.reports:
            a = series.before(b)
            if a is None:
                continue
            for n in s["sections"]:
                ub, ua = b.units(n), a.units(n)
                if not ub or not ua:
                    continue
                total = sum(u[1] for u in ub)
                if total < s["min_chars"]:
                    continue
                share, mb, ma = similarity(ub, ua)
                if share < s["threshold"]:
                    continue
                yield self._finding(a, b, n, share, len(ub), len(mb), mb, ma)

    def _finding(self, a, b, n, share, count, same, mb, ma) -> Finding:
        title_zh, title_en = _TITLES.get(n, ("", ""))
        pct = int(share * 100 + 1e-9)
        how_zh = "完全相同" if same == count else f"{pct}% 相同"
        how_en = "is the same text as" if same == count else f"is {pct}% the same as"
        msg = Message(f"“{_ORD[n - 1]}、{title_zh}”与 {a.year} 年报告的同一部分{how_zh}（{count} 句中 {same} 句相同，数字不计）",
                      f"section {n} ({title_en}) {how_en} the {a.year} report's ({same} of {count} sentences, numbers aside)")
        here = Span(mb[0][2], mb[-1][3])
        there = Span(ma[0][2], ma[-1][3])
        detail = Message(f"相同的段落也在 {a.path}（{a.year} 年）；国办公开办函〔2021〕30号把“内容雷同”列为要追究责任的问题",
                         f"the same passage is in {a.path} ({a.year}); 国办公开办函〔2021〕30号 names copied content among the faults")
        related = [Related(there, Message(f"{a.year} 年报告中相同的段落", f"the same passage in the {a.year} report"), a.path)]
        return Finding(self.code, msg, here, related, detail, path=b.path)
