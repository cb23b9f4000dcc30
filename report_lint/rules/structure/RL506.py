"""RL506 page-residue."""

import re

from ...findings import UNSAFE, Edit, Finding, Fix, Message, Severity
from ...model import Span
from ..base import Rule
from ._common import crawler_header_end, lexicon

# a gloss opens with a bracket and a Latin letter (pinyin): a text without one has none
_GLOSS_OPEN = re.compile(r"\([a-z\u00e0-\u01dc]")

# A drafting template's formatting note left in the heading it styles: 一、总体情况(宋体加粗小四号字).
# Looked for only in a text naming a typeface (four substring scans); the match starts at a bracket
# and is bounded, and it must also name a size or bold (号, 加粗), so that "(黑体字)" in a sentence
# about a document is not taken.
_FONTS = ("宋体", "黑体", "仿宋", "楷体")
_FONT_NOTE = re.compile(r"[(（][^()（）\n]{0,10}(?:宋体|黑体|仿宋|楷体)[^()（）\n]{0,14}[)）]")


class PageResidue(Rule):
    """What it does: reports web-page furniture copied into the report with its text: the
    breadcrumb (当前位置, 您现在所在的位置, 首页 > …), navigation bars, share and print buttons
    (扫一扫在手机打开当前页, 分享到, 分享至:, 打印 关闭), the font size switch (字号 大 中 小, 字体:),
    点击收藏, 回到顶部, hit counters (浏览次数: 123, 点击数:), login and accessibility bars (登录 注册,
    无障碍), 点击收听 (read aloud), the page's metadata block (索引号 | …), Word-to-web residue
    (<!--[if !supportLists]-->), a drafting template's formatting note left in a heading
    (一、总体情况(宋体加粗小四号字)) and characters a mirror lost (????, pinyin glosses 區(qū)委 — said
    once for the report). The terms are listed in rules/spam.toml; at most one finding per
    line. The metadata header a crawler writes above a page's text (ending with a line
    ==== 正文 ====) is not the report's and is not read.

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
    检查内容：随正文一起复制进来的网页元素：导航（当前位置、您现在所在的位置、首页 > ……）、导航栏、分享和打印按钮（扫一扫在手机打开当前页、分享到、分享至:、打印 关闭）、字号切换（字号 大 中 小、字体:）、点击收藏、回到顶部、访问计数（浏览次数：123、点击数:）、登录注册和无障碍按钮、点击收听（语音朗读）、网页的元数据（索引号 | ……）、Word转网页的残留（<!--[if !supportLists]-->）、留在标题中的模板排版说明（一、总体情况(宋体加粗小四号字)）以及镜像网站丢失的字符（????、词中的拼音注音“區(qū)委”，全文只报一次）。词表见 rules/spam.toml；每行最多报告一次。爬虫在网页正文前写的元数据（以“==== 正文 ====”一行结束）不属于年报，不检查。

    原因：不影响统计数字，但不应出现在正式发布的文件中，也说明文本是从网页复制的，而不是审定的报告原文。

    错误示例：
        扫一扫在手机打开当前页
        打印 关闭
    正确写法：只保留报告正文。
    """

    def check(self, report, ctx):
        # (a text that is not a report is not looked at: scope "report", RL002 says what it is)
        text = report.source.text
        skip = crawler_header_end(text)
        # read with a line break before the text, so that the patterns of a whole line (which start
        # with the break before it) find the first line too; offsets are one more than the text's
        padded = "\n" + text
        by_line: dict[int, list[tuple[int, int]]] = {}
        line, at = 0, 0
        for ma, mb in lexicon("residue").spans(padded, skip):
            a, b = ma - 1, mb - 1
            if padded[ma] == "\n":
                a += 1  # the line break belongs to the line before
            if b > a:
                line += text.count("\n", at, a)  # counted on from the last match: linear
                at = a
                by_line.setdefault(line, []).append((a, b))
        for spans in by_line.values():
            found = "、".join(dict.fromkeys(" ".join(text[a:b].split()) for a, b in spans))
            # Unsafe (--unsafe-fixes): each residue term is deleted, the text between them kept.
            fix = Fix([Edit(a, b, "") for a, b in spans], Message(f"删去“{found}”", f"delete “{found}”"), UNSAFE)
            yield Finding(self.code, Message(f"网页残留文字：“{found}”，不应出现在年报正文中",
                                             f"web page residue: “{found}”"), Span(spans[0][0], spans[-1][1]), fix=fix)
        if any(f in text for f in _FONTS):
            for m in _FONT_NOTE.finditer(text, skip):
                note = m.group()
                if "号" not in note and "加粗" not in note:
                    continue
                fix = Fix([Edit(m.start(), m.end(), "")], Message(f"删去“{note}”", f"delete “{note}”"), UNSAFE)
                yield Finding(self.code, Message(f"模板的排版说明“{note}”留在了正文中，不应出现在发布的年报里",
                                                 f"a formatting note of the drafting template left in the text: “{note}”"),
                              Span(m.start(), m.end()), fix=fix)
        # pinyin glosses open with "(" and a Latin letter: most reports have none (one fast scan)
        once = list(lexicon("residue_once").spans(text, skip)) if _GLOSS_OPEN.search(text, skip) else []
        if once:
            a, b = once[0]
            more_zh = f"等，共 {len(once)} 处" if len(once) > 1 else ""
            more_en = f" and {len(once) - 1} more" if len(once) > 1 else ""
            fix = Fix([Edit(ga, gb, "") for ga, gb in once], Message("删去全部拼音注音", "delete every pinyin gloss"),
                      UNSAFE)
            yield Finding(self.code, Message(f"网页残留文字：词中夹有拼音注音“{text[a:b]}”{more_zh}（镜像网站的转换残留），"
                                             f"不应出现在年报正文中",
                                             f"web page residue: pinyin glosses inside the words, “{text[a:b]}”{more_en}"),
                          Span(a, b), fix=fix)
