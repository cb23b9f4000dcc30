"""RL001 unreadable-input."""

from ...findings import Message, Severity
from ..base import Rule


class UnreadableInput(Rule):
    """What it does: reports a file that cannot be read as text: missing, unreadable, empty,
    binary (a PDF, a Word document, an image) or in an encoding that is not UTF-8, GB18030,
    Big5 or UTF-16.

    Why: nothing in it can be checked. The command exits with status 2.

    Example (fails): 年报.pdf, 年报.docx, an empty file.
    Use instead: save the report as plain text (.txt) and check that file.
    """

    code = "RL001"
    name = "unreadable-input"
    severity = Severity.ERROR
    summary = Message("文件无法作为文本读取（不存在、为空、是二进制文件或编码无法识别）", "The file cannot be read as text")
    doc_zh = """
    检查内容：文件无法作为文本读取——不存在、无权限、为空、是二进制文件（PDF、Word 文档、图片），
    或编码不是 UTF-8、GB18030、Big5、UTF-16 之一。

    原因：无法读取就无法检查。出现这种情况时命令以状态 2 退出。

    错误示例：年报.pdf、年报.docx、空文件。
    正确做法：把年报另存为纯文本（.txt）后再检查。
    """
    # Emitted by the engine when reading fails; there is no report to look at.
