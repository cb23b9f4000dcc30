"""RL004 input-skipped."""

from ...findings import Message, Severity
from ..base import Rule


class InputSkipped(Rule):
    """What it does: names a file found in a checked folder that report-lint did not read,
    and why: a symbolic link that leads outside the folders given on the command line, a
    broken link, or something that is not a regular file (a named pipe, a socket, a device).

    Why: a link contributed to a checked repository must not make report-lint read (and print,
    or publish in an HTML report) files from elsewhere on the machine, such as /etc/shadow; and
    opening a named pipe would wait for ever. The file is skipped, never silently.

    Example (fails): reports/2024.txt -> /etc/shadow, checked as `report-lint reports/`.
    Use instead: put the report itself in the folder, or name the file on the command line
    (a file named explicitly is read as asked).
    """

    code = "RL004"
    name = "input-skipped"
    severity = Severity.WARNING
    summary = Message("文件夹中的某个文件未被读取（指向文件夹之外的链接、失效链接或非普通文件）",
                      "A file in a checked folder was not read (a link outside the folders, a broken link, not a regular file)")
    doc_zh = """
    检查内容：指出所检查文件夹中未被读取的文件及原因：指向命令行所给文件夹之外的符号链接、失效的
    链接，或不是普通文件（命名管道、套接字、设备）。

    原因：不能因为仓库里多了一个链接，就让 report-lint 读取（并打印，或写进 HTML 结果页）本机其他
    位置的文件，例如 /etc/shadow；打开命名管道则会一直等待。这类文件会被跳过，并且一定会说明。

    错误示例：用 `report-lint 年报目录/` 检查时，年报目录/2024.txt 是指向 /etc/shadow 的链接。
    正确做法：把报告文件本身放进文件夹，或在命令行上直接写出该文件（直接指定的文件按要求读取）。
    """
    # Emitted by the engine for what the folder walk did not read.
