"""RL601 carried-over-mismatch."""

from __future__ import annotations

from ...findings import Finding, Message, Related, Severity
from ..base import SeriesRule
from ._common import fmt, name, span


class CarriedOverMismatch(SeriesRule):
    """What it does: compares this year's 上年结转政府信息公开申请数量 with last year's
    结转下年度继续办理, column by column, when a batch (or `--previous`) holds both reports of
    one body. The 2019 and 2021 templates have both rows, so a 2020 → 2021 pair is checked too.

    Why: the requests carried over into this year are exactly those last year's report carried
    forward. A report can balance on its own and still restate last year wrongly (本年新收 moved
    to make up for a changed 上年结转): only the two reports together show it. Cells that are
    blank, placeholders or not read with certainty are not compared.

    Example (fails):
        2023 report: 四、结转下年度继续办理 | 2 | 0 | 0 | 0 | 0 | 0 | 2
        2024 report: 二、上年结转政府信息公开申请数量 | 3 | 0 | 0 | 0 | 0 | 0 | 3
    Use instead: 2024 report: 二、上年结转政府信息公开申请数量 | 2 | 0 | 0 | 0 | 0 | 0 | 2
    """

    code = "RL601"
    name = "carried-over-mismatch"
    severity = Severity.ERROR
    summary = Message("上年结转与上一年度报告的结转下年度不一致", "Carried over differs from last year's carried forward")
    doc_zh = """
    检查内容：同一机关相邻两年的报告都在本次检查中（或用 --previous 指定上一年度报告）时，逐列比较本年
    “二、上年结转政府信息公开申请数量”与上一年度“四、结转下年度继续办理”。2019 年格式和 2021 年格式都有这
    两行，2020 年与 2021 年的报告也比较。

    原因：本年的上年结转就是上一年度结转下年度继续办理的申请，两者必然相等。只看一份报告，改动上年结转
    并相应调整本年新收后表格仍然平衡，只有两份报告放在一起才能发现。空白、占位符或未能确定读取的单元格不比较。

    错误示例：
        2023 年报告：四、结转下年度继续办理 | 2 | 0 | 0 | 0 | 0 | 0 | 2
        2024 年报告：二、上年结转政府信息公开申请数量 | 3 | 0 | 0 | 0 | 0 | 0 | 3
    正确写法：2024 年报告：二、上年结转政府信息公开申请数量 | 2 | 0 | 0 | 0 | 0 | 0 | 2
    """

    def check(self, series, ctx):
        from ...templates import load

        columns = load().columns
        for a, b in series.pairs():
            if "requests" not in a.found or "requests" not in b.found:
                continue
            differ, skipped = [], []
            for col in columns:
                ca = a.cells.get(f"requests:carried_forward.{col}")
                cb = b.cells.get(f"requests:carried_over.{col}")
                if ca is None or cb is None:
                    if f"requests:carried_forward.{col}" in a.nulls or f"requests:carried_over.{col}" in b.nulls:
                        skipped.append(col)
                    continue
                if ca[0] != cb[0]:
                    differ.append((col, ca, cb))
            if not differ:
                continue
            yield self._finding(a, b, differ, skipped)

    def _finding(self, a, b, differ, skipped) -> Finding:
        def message(lang: str) -> str:
            parts = "，".join(f"{name(c, lang)} {fmt(cb[0])} ≠ {fmt(ca[0])}" for c, ca, cb in differ) if lang == "zh" else \
                ", ".join(f"{name(c, lang)} {fmt(cb[0])} != {fmt(ca[0])}" for c, ca, cb in differ)
            if lang == "zh":
                return f"“上年结转”与 {a.year} 年报告的“结转下年度继续办理”不一致：{parts}"
            return f"carried over differs from the {a.year} report's carried forward: {parts}"

        def detail(lang: str) -> str:
            lines = []
            for c, ca, cb in differ:
                if lang == "zh":
                    lines.append(f"{name(c, lang)}：本报告上年结转 {fmt(cb[0])}，{a.year} 年报告（{a.path}）结转下年度 {fmt(ca[0])}"
                                 f"（相差 {fmt(abs(cb[0] - ca[0]))}）")
                else:
                    lines.append(f"{name(c, lang)}: carried over {fmt(cb[0])} here, carried forward {fmt(ca[0])} in the "
                                 f"{a.year} report ({a.path}) (difference {fmt(abs(cb[0] - ca[0]))})")
            if skipped:
                cols = ("、" if lang == "zh" else ", ").join(name(c, lang) for c in skipped)
                lines.append(f"未比较（空白或无法确定读取）：{cols}" if lang == "zh" else f"not compared (blank or not read with certainty): {cols}")
            return "\n".join(lines)

        related = []
        for c, ca, cb in differ:
            related.append(Related(span(ca), Message(f"{a.year} 年报告 结转下年度 {name(c, 'zh')} {fmt(ca[0])}",
                                                     f"{a.year} report: carried forward, {name(c, 'en')} {fmt(ca[0])}"), a.path))
        for c, ca, cb in differ[1:]:
            related.append(Related(span(cb), Message(f"上年结转 {name(c, 'zh')} {fmt(cb[0])}",
                                                     f"carried over, {name(c, 'en')} {fmt(cb[0])}")))
        unsure = any(ca[3] or cb[3] for _, ca, cb in differ)
        if unsure:
            note = ("（比较的数字中有从连在一起的数字拆分出来的，可能读错）", " (some of these cells were split out of run-together digits)")
        else:
            note = ("", "")
        return Finding(self.code, Message(message("zh") + note[0], message("en") + note[1]), span(differ[0][2]),
                       related, Message(detail("zh"), detail("en")), severity=Severity.WARNING if unsure else None,
                       path=b.path)
