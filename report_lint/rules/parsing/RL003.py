"""RL003 replacement-character."""

from ...findings import Finding, Message, Severity
from ...model import Span
from ..base import Rule


class ReplacementCharacter(Rule):
    """What it does: reports characters that could not be decoded (shown as �).

    Why: a file saved with a broken encoding, or cut in the middle of a character, loses text;
    a lost digit changes a number.

    Example (fails): 共收到申请1�件
    Use instead: re-save the file in UTF-8 from the original document.
    """

    code = "RL003"
    name = "replacement-character"
    severity = Severity.WARNING
    summary = Message("文件中有无法解码的字符（�），可能丢失了文字或数字", "Undecodable characters (�): text or digits may be lost")
    doc_zh = """
    检查内容：文件中有无法解码的字符（显示为 �）。

    原因：文件编码损坏或在一个字符中间被截断，会丢失文字；丢失一个数字就会改变一个数。

    错误示例：共收到申请1�件
    正确做法：从原始文档重新另存为 UTF-8 文本。
    """

    def check(self, report, ctx):
        text = report.source.text
        i = text.find("\ufffd")
        count = 0
        while i >= 0 and count < 20:
            yield Finding(self.code, Message("此处有无法解码的字符（�），可能丢失了文字或数字", "undecodable character here: text or digits may be lost"), Span(i, i + 1))
            count += 1
            i = text.find("\ufffd", i + 1)
