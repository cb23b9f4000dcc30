"""RL505 injected-spam."""

import re

from ...findings import UNSAFE, Edit, Finding, Fix, Message, Severity
from ...model import Span
from ..base import Rule
from ._common import lexicon

# Matches joined only by these characters form one injected string: "bet36体育在线_bet36体育投注@:".
_GLUE = re.compile(r"[_@:|/\-.·~ ]{0,3}")
_TAIL = re.compile(r"[_@:]+")


class InjectedSpam(Rule):
    """What it does: reports gambling and casino advertising text injected into the report, as
    hacked government websites get it: a word replaced by "bet36体育在线_bet36体育投注@:" and the
    like. The terms are listed in rules/spam.toml; they are specific to gambling, so a lottery
    administration's report about 体育彩票 does not match. Each occurrence is reported.

    Why: text like this in a government report is the trace of a hacked site (or a copy of a
    hacked page) and must be removed and the site checked before the report is published.

    Example (fails):
        根据《市政府办公室bet36体育在线_bet36体育投注@:印发……的通知》
    Use instead:
        根据《市政府办公室关于印发……的通知》
    """

    code = "RL505"
    name = "injected-spam"
    severity = Severity.ERROR
    summary = Message("文中混入了博彩类垃圾广告文字（网站可能被入侵）", "Injected gambling spam in the text (the site may be hacked)")
    doc_zh = """
    检查内容：文中混入了博彩、赌场类广告文字，这是政府网站被入侵后常见的情形：某个词被替换成“bet36体育在线_bet36体育投注@:”之类的字样。词表见 rules/spam.toml，只收博彩专用词，因此体育彩票管理机构年报中的“体育彩票”不会被报告。每处都单独报告。

    原因：政府年报中出现这类文字，说明网站被入侵（或复制了被篡改的网页），发布前必须删除，并检查网站安全。

    错误示例：
        根据《市政府办公室bet36体育在线_bet36体育投注@:印发……的通知》
    正确写法：
        根据《市政府办公室关于印发……的通知》
    """

    def check(self, report, ctx):
        text = report.source.text
        spans: list[list[int]] = []
        for m in lexicon("spam").finditer(text):
            if m.end() == m.start():
                continue
            if spans:
                glue = _GLUE.match(text, spans[-1][1])
                if m.start() <= spans[-1][1] or (glue and glue.end() >= m.start() and "\n" not in text[spans[-1][1]:m.start()]):
                    spans[-1][1] = max(spans[-1][1], m.end())
                    continue
            spans.append([m.start(), m.end()])
        for start, end in spans:
            tail = _TAIL.match(text, end)
            if tail:
                end = tail.end()
            found = text[start:end]
            # Unsafe (--unsafe-fixes): the spam often took the place of a word that is then missing.
            fix = Fix([Edit(start, end, "")], Message(f"删去“{found}”", f"delete “{found}”"), UNSAFE)
            yield Finding(self.code, Message(f"疑似被植入的博彩广告文字：“{found}”，请删除并检查网站安全",
                                             f"injected gambling spam: “{found}”; remove it and check the website"), Span(start, end),
                          fix=fix)
