"""RL506 page-residue."""

from ...findings import UNSAFE, Edit, Finding, Fix, Message, Severity
from ...model import Span
from ..base import Rule
from ._common import is_report, lexicon


class PageResidue(Rule):
    """What it does: reports web-page furniture copied into the report with its text: the
    breadcrumb (当前位置), share and print buttons (扫一扫在手机打开当前页, 分享到, 打印 关闭), the font
    size switch (字号 大 中 小), 点击收藏, 回到顶部, hit counters (浏览次数: 123). The terms are
    listed in rules/spam.toml; at most one finding per line.

    Why: it does not change the numbers, but it does not belong in the published document and
    shows that the text was copied from a web page rather than from the approved report.

    Example (fails):
        扫一扫在手机打开当前页
        打印 关闭
    Use instead: the report text alone.
    """

    code = "RL506"
    name = "page-residue"
    severity = Severity.INFO
    summary = Message("文中残留网页上的按钮、导航等文字", "Web page furniture left in the text")
    doc_zh = """
    检查内容：随正文一起复制进来的网页元素：导航（当前位置）、分享和打印按钮（扫一扫在手机打开当前页、分享到、打印 关闭）、字号切换（字号 大 中 小）、点击收藏、回到顶部、访问计数（浏览次数：123）。词表见 rules/spam.toml；每行最多报告一次。

    原因：不影响统计数字，但不应出现在正式发布的文件中，也说明文本是从网页复制的，而不是审定的报告原文。

    错误示例：
        扫一扫在手机打开当前页
        打印 关闭
    正确写法：只保留报告正文。
    """

    def check(self, report, ctx):
        if not is_report(report):
            return  # RL002 already says this is not a report
        text = report.source.text
        by_line: dict[int, list] = {}
        for m in lexicon("residue").finditer(text):
            if m.end() > m.start():
                by_line.setdefault(text.count("\n", 0, m.start()), []).append(m)
        for ms in by_line.values():
            found = "、".join(dict.fromkeys(m.group().strip() for m in ms))
            # Unsafe (--unsafe-fixes): each residue term is deleted, the text between them kept.
            edits = [Edit(m.start(), m.end(), "") for m in ms]
            fix = Fix(edits, Message(f"删去“{found}”", f"delete “{found}”"), UNSAFE)
            yield Finding(self.code, Message(f"网页残留文字：“{found}”，不应出现在年报正文中",
                                             f"web page residue: “{found}”"), Span(ms[0].start(), ms[-1].end()), fix=fix)
