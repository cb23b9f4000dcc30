"""RL509 empty-problems-section."""

import re

from ...findings import Finding, Message, Severity
from ..base import Rule
from ._wording import alternation, section_body

_SENTENCE_END = re.compile(r"[。!?！？;；\n]")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_MARKS = dict.fromkeys(map(ord, " \t\r\n\u3000。.,，、:：;；!！?？()（）-—…/|"))
_NOTHING = ("", "无", "暂无", "没有", "不存在")
MAX_SENTENCES = 2  # a longer section is given the benefit of the doubt


class EmptyProblemsSection(Rule):
    """What it does: reports a section 五、存在的主要问题及改进情况 that is empty, says only 无,
    or is a sentence or two that names no problem (本年度工作运行良好。). The template's own
    sub-headings (存在的主要问题 / 改进情况) and denials (未发现问题) do not count as a problem
    named. A section of three sentences or more is not judged.

    Why: the template (国办公开办函〔2021〕30号, and the 2019 trial) asks each body to state the
    main problems of its disclosure work and how last year's were improved; an empty section is
    what the national assessments mark down as 内容不全面.

    Example (fails):
        五、存在的主要问题及改进情况
        无。
    Use instead:
        五、存在的主要问题及改进情况
        一是政策解读形式较为单一；二是部分栏目更新不及时。下一步将……
    """

    code = "RL509"
    name = "empty-problems-section"
    severity = Severity.WARNING
    scope = "template"
    summary = Message("第五部分“存在的主要问题及改进情况”为空、只写“无”或没有写出具体问题",
                      "Section 五 (main problems and improvements) is empty, only 无, or names no problem")
    doc_zh = """
    检查内容：“五、存在的主要问题及改进情况”为空、只写了“无”，或者只有一两句话而没有写出任何具体问题（如“本年度工作运行良好。”）。模板自带的小标题（存在的主要问题、改进情况）和“未发现问题”之类的否定说法不算写出了问题。三句及以上的内容不作判断。

    原因：年报格式（国办公开办函〔2021〕30号，及2019年试行格式）要求写明政府信息公开工作存在的主要问题和上一年度问题的改进情况；这一部分为空，是各级考核中“内容不全面”的常见扣分项。

    错误示例：
        五、存在的主要问题及改进情况
        无。
    正确写法：
        五、存在的主要问题及改进情况
        一是政策解读形式较为单一；二是部分栏目更新不及时。下一步将……
    """

    def check(self, report, ctx):
        body = section_body(report, 5)
        if body is None:
            return
        if report.stops_at is not None and report.last_section() == 5:
            return  # the text stops inside section 五: what follows was not seen
        text = report.source.text[body.start:body.end]
        heading = report.section(5).heading
        if text.translate(_MARKS) in _NOTHING:  # (linear: no regex with adjacent repeats)
            empty = not text.strip(" \n\t。.")
            yield Finding(self.code, Message(
                "第五部分“存在的主要问题及改进情况”没有内容" if empty else "第五部分“存在的主要问题及改进情况”只写了“无”，没有说明存在的问题和改进情况",
                "section 五 (main problems and improvements) is empty" if empty else
                "section 五 (main problems and improvements) says only 无"), heading)
            return
        for name in ("headings", "denials"):
            pattern = alternation("problems", name)
            if pattern is not None:
                text = pattern.sub("", text)
        markers = alternation("problems", "markers")
        sentences = [x for x in _SENTENCE_END.split(text) if _CJK.search(x)]
        if len(sentences) > MAX_SENTENCES or (markers is not None and markers.search(text)):
            return
        yield Finding(self.code, Message(
            "第五部分“存在的主要问题及改进情况”没有写出具体问题，请说明本年度工作存在的主要问题和改进情况",
            "section 五 (main problems and improvements) names no problem"), heading)
