"""RL002 not-a-report."""

from ...findings import Finding, Message, Severity
from ..base import Rule


class NotAReport(Rule):
    """What it does: reports text that has none of the six template sections and none of the
    three statistical tables.

    Why: report-lint checks 政府信息公开工作年度报告; other text (a notice, a web page that lost
    its content, the wrong file) cannot be checked and is most likely a mistake.

    Example (fails): a file holding only "扫一扫在手机打开当前页 分享到 打印 关闭".
    Use instead: the full text of the annual report, with its sections and tables.
    """

    code = "RL002"
    name = "not-a-report"
    severity = Severity.WARNING  # not a report: nothing of it is wrong as a report, it is the wrong text
    scope = "any"  # said of any text, and the only finding on a text that is not a report
    summary = Message("文本中既没有年报模板的章节，也没有统计表：这似乎不是一份年度报告", "No template section and no table: this does not look like an annual report")
    doc_zh = """
    检查内容：文本中找不到年报模板的六个部分（一、总体情况 …… 六、其他需要报告的事项），也找不到三张统计表。

    原因：report-lint 检查的是政府信息公开工作年度报告；其他文本（通知、内容丢失的网页、选错的文件）无法检查，多半是弄错了文件。

    错误示例：文件里只有“扫一扫在手机打开当前页 分享到 打印 关闭”。
    正确做法：检查年度报告的完整正文，包括各部分标题和统计表。
    """

    def check(self, report, ctx):
        if report.kind != "not-report":  # doctype.py decides
            return
        from ...doctype import other_title

        title = other_title(report.source.text)
        if title is not None:
            title = title.split(":", 1)[-1].split("：", 1)[-1].strip()
            msg = Message(f"这不是政府信息公开工作年度报告，而是另一种文件（标题：“{title}”），不按年报检查",
                          f"this is not an annual report but another kind of document (titled “{title}”); not checked as a report")
        else:
            msg = Message("这似乎不是一份政府信息公开工作年度报告：没有找到模板中的章节，也没有找到统计表",
                          "this does not look like an annual report: no template section and no statistical table found")
        if _has_spam(report):  # the one finding on such a text: it must not hide a hacked page
            msg = Message(msg.zh + "；另外，页面中有疑似被植入的博彩或色情广告文字（网站可能被入侵）",
                          msg.en + "; the page also holds what looks like injected gambling or pornographic spam (the site may be hacked)")
        yield Finding(self.code, msg, None)


def _has_spam(report) -> bool:
    from ..structure.RL505 import InjectedSpam

    return next(iter(InjectedSpam().check(report, None)), None) is not None
