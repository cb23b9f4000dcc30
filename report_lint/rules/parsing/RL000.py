"""RL000 internal-error."""

from ...findings import Message, Severity
from ..base import Rule


class InternalError(Rule):
    """What it does: says that report-lint itself failed while checking a file (a bug of the
    tool, not of the report): the parser or one rule stopped, and what it would have checked
    was not checked. The other rules' findings on the file still stand.

    Why: a check that did not run must never look like a clean result. The command exits with
    status 2, as for a file that could not be read; the other files of a batch are checked.

    Example (fails): a rule raises an exception on an unusual report.
    Use instead: report the message to report-lint's maintainers with the file if you can;
    `--ignore` the rule named in the message to go on meanwhile.
    """

    code = "RL000"
    name = "internal-error"
    severity = Severity.ERROR
    summary = Message("report-lint 自身出错，这份报告的部分内容未能检查", "report-lint itself failed; part of the report was not checked")
    doc_zh = """
    检查内容：report-lint 在检查某个文件时自身出错（这是工具的问题，不是报告的问题）：解析器或某条规则
    中途停止，它本应检查的内容没有检查。其他规则对该文件的结论仍然有效。

    原因：没有完成的检查绝不能看起来像“未发现问题”。命令以状态 2 退出（与文件无法读取时相同），
    批量检查中的其他文件照常检查。

    错误示例：某条规则在一份不常见的报告上抛出异常。
    正确做法：请把提示信息（如可能连同文件）报告给 report-lint 的维护者；在此之前可用 --ignore
    跳过提示中指出的规则。
    """
    # Emitted by the engine; there is nothing for it to look at in a report.
