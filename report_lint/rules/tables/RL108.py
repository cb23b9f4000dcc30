"""RL108 regulations-by-non-issuer."""

import re

from ...findings import Finding, Message, Severity
from ..base import Rule

# The reporting body as named in the title: "XX县人力资源和社会保障局2024年政府信息公开工作年度报告".
_TITLE = re.compile(r"([^\s，。,;；:：|]{2,40}?)\s*20\d\d\s*年度?\s*(?:政府)?信息公开")
# County-level units. 乡/镇 only as a government (城乡建设局 is not a township), 区 not in
# 社区/园区/景区/地区/校区.
_LOCAL = re.compile(r"县|旗|(?<![社园景地校])区(?!域)|[乡镇](?:人民)?政府|街道")
# A page without its title: the body calls itself 我镇 / 本乡 / 我街道 in the opening (区 not 区域).
_SELF = re.compile(r"[我本](?:镇|乡|街道|县|旗|区(?!域))")


class RegulationsByNonIssuer(Rule):
    """What it does: notes a report from a county- or district-level body (县, 区, 乡, 镇,
    街道; named in the title, or, on a page without its title, calling itself 我镇 / 本乡) that
    gives a non-zero number of 规章 in the active-disclosure table.

    Why: under the 立法法 only State Council departments and the governments of provinces and
    of cities with districts (设区的市) make 规章; a county-level body reporting them has most
    likely put its normative documents in the wrong row. Only a note: the body is judged from
    its name in the title, which can mislead.

    Example (noted): 某县人力资源和社会保障局…  | 规章 | 2 | 0 | 5 |
    Use instead: | 规章 | 0 | 0 | 0 |  and the documents under 行政规范性文件.
    """

    code = "RL108"
    name = "regulations-by-non-issuer"
    severity = Severity.INFO
    scope = "template"  # the national template's tables and sections
    summary = Message("县级（区级）机关填报了规章数量，规章只能由省、设区的市政府和国务院部门制定", "A county-level body reports 规章, which it cannot make")
    doc_zh = """
    检查内容：县级、区级（县、区、乡、镇、街道）机关的年报在主动公开表中填报了非零的“规章”数量。

    原因：根据《立法法》，只有国务院部门和省、自治区、直辖市、设区的市、自治州人民政府可以制定规章；
    县级机关填报规章，多半是把规范性文件填到了规章一行。仅作提示：机关层级是根据标题中的名称判断的，可能有误。

    提示示例：某县人力资源和社会保障局……  | 规章 | 2 | 0 | 5 |
    正确写法：| 规章 | 0 | 0 | 0 |，文件填在“行政规范性文件”一行。
    """

    def check(self, report, ctx):
        row = report.tables["active"].rows.get("regulations")
        if row is None or not any(c.value for c in row.cells):
            return
        m = _TITLE.search(report.source.text[:400])
        if m is not None and re.search("[我本]", m.group(1)):
            m = None  # a sentence (…汇报我镇2023年政府信息公开工作), not a title naming the body
        if m is not None:
            if not _LOCAL.search(m.group(1)):
                return
            name = m.group(1)
        else:
            s = _SELF.search(report.source.text[:800])
            if s is None:
                return
            name = s.group()
        yield Finding(self.code, Message(f"“{name}”看来是县级或区级机关，但填报了规章数量；规章只能由国务院部门和省级、设区的市级人民政府制定，请确认是否应填在“行政规范性文件”一行",
                                         f"“{name}” looks like a county-level body but reports 规章, which only State Council departments and provincial or districted-city governments make"), row.span)
