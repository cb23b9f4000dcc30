"""What kind of text a file holds, and whether it stops before the report ends.

Rules must know what they are looking at before they demand anything of it (issue: "know what
the report is"):

* ``template``: a report in the national template (2019 trial or 2021 revision: reports of 2019
  onwards) — every rule applies;
* ``legacy``: a report written before the 2019 revision of the 条例 (2008–2018). Its structure
  is older (概述, 主动公开, 依申请公开, 收费及减免, 复议诉讼, 问题与改进) and it has no national
  table template: the template's sections and tables are not demanded, only what applies to any
  report is checked (arithmetic in the prose, percentages, dates, enumerations, spam, residue);
* ``school``: a school's or university's report by school year (高等学校信息公开办法, 教育部令
  第29号: 学年度信息公开工作报告, statistics from 9月1日 to the next 8月31日). Another national
  template: its parts are not the government template's and it has no statistical tables, so
  none of those is demanded (as for ``legacy``);
* ``not-report``: a letter, a notice, a guide, a list page: one finding (RL002), nothing else.

And ``stops_at``: a text that ends before the report does (a web-page excerpt, a copy cut short)
is said once, where it stops (RL005); what lies after that point is not demanded. Likewise
``begins_late``: a text that begins inside the report (one page of a flipbook, a copy that starts
with the last rows of a table) does not lack the sections before the point where it begins.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple, Optional

from .model import Section, Span

TEMPLATE, LEGACY, SCHOOL, NOT_REPORT = "template", "legacy", "school", "not-report"
FIRST_TEMPLATE_YEAR = 2019  # 国办公开办函〔2019〕60号: the first national template

# The document calls itself an annual report (outside a cited title 《…》).
_SELF = re.compile(r"(?:政府)?信息公开(?:工作)?(?:年度)?(?:报告|年报)|工作年度报告|信息公开年度工作报告")
# A document of another kind by its title (关于…的函, …通知, …指南, …办法; a letter answering a
# question, …的解释; a sample essay, …范文; a release of part of a year, 2022年上半年…数据统计).
# A mirror's pinyin glosses (关(guān)于印发(fā)) do not count towards the title's length; the
# title may be the cell of a page's metadata row (信息名称 | 关于…的通知 | 内容概述 |).
# A body's self-inspection (…自查报告, 自查情况报告, 自查自纠报告; a month's check of its website,
# …自查情况的报告) or the year's plan (…工作要点): written around the annual report, but not it. So is
# a superior's report card on the bodies' disclosure work (…考核情况通报, …测评成绩的通报).
_SELF_CHECK_OR_PLAN = r"自查(?:自纠)?(?:情况)?的?报告|工作要点"
_GLOSSED = r"(?:\([a-zü]{0,5}[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]{0,5}\)|[^\n。，,])"
_OTHER_TITLE = re.compile(
    r"^" + _GLOSSED + r"{0,60}?(?:的函|的通知|的批复|的请示|的意见|的解释|公开指南|公开目录|实施办法|管理办法|规定|条例|制度"
    r"|工作报告范文|年度报告范文|情况通报|的通报|(?:上半年|下半年|第?[一二三四1-4]季度)[^\n。，,]{0,16}?(?:数据统计|统计数据|统计)"
    r"|" + _SELF_CHECK_OR_PLAN + r")"
    r"(?:[(（]试行[)）])?\s*$"
    r"|^(?:信息名称|标题|名称)[ \t]*[|:：][ \t]*[^\n|]{0,80}?(?:的函|的通知|的批复|的解释)(?=[ \t]*\|)", re.M)
# What every match of _OTHER_TITLE ends with, as a cheap first look: most reports have none in
# their first lines (条例 there is followed by 》), and the title pattern is not tried at all.
# A title a text layer wrapped may be broken inside that word too (…填报问题的解 / 释).
_OTHER_END_WORDS = ("的函", "的通知", "的批复", "的请示", "的意见", "的解释", "公开指南", "公开目录", "实施办法",
                    "管理办法", "规定", "条例", "制度", "范文", "统计", "查报告", "况报告", "纠报告", "况的报告", "工作要点",
                    "况通报", "的通报")
_OTHER_END_WRAPPED = re.compile(
    "(?:" + "|".join("\n?".join(w) for w in _OTHER_END_WORDS) + r")(?:(?:[(（]试行[)）])?\s*$|[ \t]*\|)", re.M)


# Such a title run into the body on the text's first line (a document site's text layer, after
# its page header 第1页共7页: …自查报告在区委、区政府的领导下,…). No punctuation or cited title
# before it, so a sentence naming the plan (根据《…工作要点》…) is not one.
_RUN_IN_TITLE = re.compile(r"[ \t\u3000\n]*(?:第[ \t]*1[ \t]*页[ \t]*共[ \t]*\d+[ \t]*页[ \t]*)?"
                           r"([^\n。，,；;：:《》“”\d]{0,30}?(?:\d{4}年度?)?[^\n。，,；;：:《》“”]{0,30}?(?:"
                           + _SELF_CHECK_OR_PLAN + r"))")

# …工作要点落实情况及政府信息公开工作年度报告: the plan named in a report's own title
_REPORT_AFTER = re.compile(r"[^\n。，,；;]{0,40}?(?:报告|年报)")


class _Title(NamedTuple):
    text: str  # the title, its lines joined
    start: int
    end: int


def _other_title_match(text: str) -> "Optional[_Title]":
    """The title line of another kind of document near the top. A title a text layer wrapped
    over two or three lines (…年度报告 / 格式》的通知) is read joined: from the line it ends
    on, earlier lines are taken in while they hold no sentence punctuation. A line that opens
    a cited title and does not close it, or closes one it did not open, is a sentence wrapped
    inside the citation (…根据《中华人民共和国政府信息公开条例 / 》…), not a title."""
    # the title's words lie within its first ~160 characters (after leading blanks): most
    # texts have neither, and the bounded but lazy pattern is not tried at all
    lead = len(text) - len(text.lstrip(" \t\u3000\n"))
    head = text[lead:lead + 160]
    m = _RUN_IN_TITLE.match(text) if "自查" in head or "要点" in head else None
    if m is not None and not _SENTENCE_START.match(m.group(1)) and not _REPORT_AFTER.match(text, m.end(1)):
        return _Title(m.group(1), m.start(1), m.end(1))
    if _OTHER_END_WRAPPED.search(text, 0, 400) is None:
        return None
    lines = []
    pos, head = 0, min(len(text), 400)
    while pos < head:
        nl = text.find("\n", pos)
        end = len(text) if nl < 0 else nl
        lines.append((pos, end))
        pos = end + 1
    for i, (s, e) in enumerate(lines):
        found = None
        for first in range(i, max(-1, i - 3), -1):
            piece = text[lines[first][0]:lines[first][1]]
            if first < i and (not piece.strip() or _PROSE_MARK.search(piece)):
                break
            joined = "".join(text[a:b].strip() for a, b in lines[first:i + 1])
            m = _OTHER_TITLE.match(joined)
            if m is not None and _cited_whole(m.group()) and not _SENTENCE_START.match(joined):
                found = _Title(m.group(), lines[first][0], e)
        if found is not None:
            return found
    return None


_PROSE_MARK = re.compile(r"[。，,；;：:!！?？]")


# how a sentence of the preamble begins, never a title (本报告根据《…条例》…的规定 wrapped at
# 的规定 is a line that ends like the title of a regulation)
_SENTENCE_START = re.compile(r"\s*(?:本报告|本年报|根据|依据|按照)")


def _cited_whole(line: str) -> bool:
    """Every 《 of the line is closed by a 》 after it, and every 》 closes one."""
    depth = 0
    for ch in line:
        if ch == "《":
            depth += 1
        elif ch == "》":
            depth -= 1
            if depth < 0:
                return False
    return depth == 0


# Headings of the reports of 2008-2018 that the template does not have.
_LEGACY_HEADINGS = re.compile(
    r"[一二三四五六七八九十][、.．]\s*(?:主要工作)?概述"
    r"|[一二三四五六七八九十][、.．]\s*(?:政府信息公开的)?(?:收费|收取费用)(?:及|和|与)减免"
    r"|[一二三四五六七八九十][、.．]\s*(?:政府信息)?依申请公开(?:政府信息)?(?:工作)?(?:的)?情况"
    r"|[一二三四五六七八九十][、.．]\s*(?:因)?政府信息公开(?:申请)?(?:提起)?(?:行政复议|申请行政复议)"
    r"|[一二三四五六七八九十][、.．]\s*(?:存在的)?主要问题(?:和|及)改进措施"
)
# 一、概述 (主要工作概述): the first heading of the reports of 2008-2018, not the template's.
_OVERVIEW = re.compile(r"一[、.．]\s*(?:主要工作)?概述")
# Parts the 2008-2018 reports list in their preamble and the template has not.
_LEGACY_PREAMBLE = re.compile(r"收费(?:及|和|与)减免|不予公开政府信息(?:的)?情况")
# A school's report by school year: its title or preamble (中山大学2023—2024学年信息公开年度报告,
# 2022-2023学年度信息公开工作报告), or the ministry's rules for it cited next to a school year.
_SCHOOL_TITLE = re.compile(r"学年度?[^\n。，,；;]{0,12}信息公开[^\n。，,；;]{0,6}(?:报告|年报)")
_SCHOOL_RULES = re.compile(r"高等学校信息公开(?:办法|事项清单)")
# A signature date near the end: the report is complete.
_END_DATE = re.compile(r"(?:(?:19|20)\d\d|[〇○零一二]{4})\s*年\s*[\d一二三四五六七八九十]{1,3}\s*月(?:\s*[\d一二三四五六七八九十]{1,3}\s*日)?")


@dataclass(slots=True)
class Kind:
    kind: str  # TEMPLATE | LEGACY | NOT_REPORT
    why: str  # a short English reason (for tests and debugging)
    stops_at: Optional[Span] = None  # where the text ends before the report does


def _outside_citation(text: str, pos: int) -> bool:
    """Whether pos is not inside a cited title 《…》 (or a <…> title in web text)."""
    opened = max(text.rfind("《", 0, pos), text.rfind("<", 0, pos))
    closed = max(text.rfind("》", 0, pos), text.rfind(">", 0, pos))
    return opened <= closed


def calls_itself_a_report(text: str, limit: int = 1200) -> bool:
    head = text[:limit]
    return any(_outside_citation(head, m.start()) for m in _SELF.finditer(head))


def other_kind_title(text: str) -> bool:
    """A title line near the top names another kind of document (…的通知, …指南, …制度), even
    when it mentions the annual report (关于做好…年度报告编制工作的通知 is a notice). Not a notice
    that publishes the report when the report follows it on the page (关于公布…年度报告的通知,
    then the report's own title line and its body): that page is the report."""
    m = _other_title_match(text)
    return m is not None and not _publishes_report(text, m) and not _menu_entry(text, m)


# 关于公布/印发/发布…年度报告的通知 (the title may be broken after 关于公布)
_PUBLISHING = re.compile(r"(?:公布|印发|发布)[^。]{0,60}?(?:年度报告|年报)的通知")
# the report's own title on a line of its own (not cited in a sentence: no 《》 or punctuation)
_REPORT_TITLE_LINE = re.compile(r"^[^\n。，,《》]{0,40}(?:19|20)\d\d\s*年度?[^\n。，,《》]{0,40}(?:年度报告|年报)[ \t]*$", re.M)


def _publishes_report(text: str, title: _Title) -> bool:
    head = text[max(0, title.start - 20):title.end]
    if _PUBLISHING.search(head) is None:
        return False
    return _REPORT_TITLE_LINE.search(text, title.end, title.end + 1500) is not None


def _menu_entry(text: str, title: _Title) -> bool:
    """The "title" is an entry of the site's column menu printed above the page (政府信息公开指南,
    政府信息公开制度, 政府信息公开年报 … one short line each), not the page's title: it is short,
    names no year and no 关于, and the report's own title line follows it with no sentence between
    (only more menu lines, blank lines and page metadata). A guide's page goes on in prose."""
    name = title.text.strip()
    if len(name) > 16 or "关于" in name or re.search(r"(?:19|20)\d\d", name):
        return False
    m = _REPORT_TITLE_LINE.search(text, title.end, title.end + 400)
    if m is None:
        return False
    between = text[title.end:m.start()]
    return all(len(line.strip()) <= 16 and _PROSE_MARK.search(line) is None for line in between.split("\n"))


def other_title(text: str) -> "Optional[str]":
    """That title line, when there is one."""
    m = _other_title_match(text)
    if m is None:
        return None
    title = m.text.strip()
    return title.split("|", 1)[1].strip() if title.startswith(("信息名称", "标题", "名称")) and "|" in title else title


def school_report(text: str, limit: int = 1200) -> bool:
    """The text is a school's report by school year (see SCHOOL): a title or preamble naming a
    school year's disclosure report, or 学年 with the ministry's rules (高等学校信息公开办法)."""
    head = text[:limit]
    if _SCHOOL_TITLE.search(head) is not None:
        return True
    return "学年" in head and _SCHOOL_RULES.search(head) is not None


def classify(text: str, sections: list[Section], tables_found: bool, year: Optional[int], year_strong: bool) -> Kind:
    """The kind of text (see the module docstring). ``year`` is the report year; ``year_strong``
    whether it comes from the title or the statistics period (not from any year in the text)."""
    has_template_sections = any(s.canonical is not None for s in sections)
    if other_kind_title(text) and not tables_found:
        return Kind(NOT_REPORT, "titled as another kind of document")
    if not tables_found and school_report(text):
        return Kind(SCHOOL, "a school's report by school year")
    if year is not None and year_strong and year < FIRST_TEMPLATE_YEAR:
        return Kind(LEGACY, f"report year {year}")
    if (not tables_found and (year is None or year < FIRST_TEMPLATE_YEAR)
            and len({m.group() for m in _LEGACY_HEADINGS.finditer(text)}) >= 2):  # read only then
        return Kind(LEGACY, "old-structure headings")
    if (not tables_found and year is not None and year < FIRST_TEMPLATE_YEAR
            and _OVERVIEW.search(text, 0, sections[0].heading.end if sections else 0) is not None):
        # an excerpt of an old report with no title: it begins with 一、概述 (a heading the
        # template has not) and its body names a year before 2019
        return Kind(LEGACY, "an old-structure heading and an earlier year")
    if not tables_found and year is not None and year < FIRST_TEMPLATE_YEAR and _LEGACY_PREAMBLE.search(
            text, 0, sections[0].heading.start if sections else 1200):
        # headings that read like the template's (一、总体情况), but a year before 2019 and a
        # preamble listing the old parts (收费及减免): a report of 2008-2018
        return Kind(LEGACY, "old parts listed in the preamble")
    if has_template_sections or tables_found:
        return Kind(TEMPLATE, "template sections or tables")
    if calls_itself_a_report(text) and not other_kind_title(text):
        if year is not None and year < FIRST_TEMPLATE_YEAR:
            return Kind(LEGACY, "calls itself a report, before 2019")
        return Kind(TEMPLATE, "calls itself a report")
    return Kind(NOT_REPORT, "no section, table or title of a report")


def stops_early(text: str, sections: list[Section]) -> Optional[Span]:
    """Where a template report's text stops before the report does: the last section found is
    not the last of the template and no signature date closes the text. None when complete."""
    end = len(text.rstrip())
    if end == 0:
        return None
    present = [s.canonical for s in sections if s.canonical is not None]
    if present and max(present) == 6:
        return None
    tail = text[max(0, end - 40):end]
    if any(m.end() >= len(tail) - 2 for m in _END_DATE.finditer(tail)):
        return None  # signed and dated: the report ends here
    start = end - 1
    return Span(start, end)


# A row of the active or requests table: its label, then values to the end of its line. Before
# the first section heading of a text such a row can only be the tail of a section that began
# before the text did.
_TABLE_ROW = re.compile(
    r"(?:结转下年度继续办理|本年新收政府信息公开申请数量|上年结转政府信息公开申请数量|[(（]七[)）]\s*总计"
    r"|行政事业性收费|行政强制|行政处罚|行政许可|行政规范性文件)"
    r"(?:[ \t|]+[+-]?\d+(?:\.\d+)?)+[ \t|]*$",
    re.M,
)


# A page header of a later page at the top of the text (Page 8 - …, P. 8, 第8页): one page of
# a paged document (a flipbook, a PDF page saved alone).
_LATER_PAGE = re.compile(r"^[ \t]*(?:Page[ \t]*|P\.[ \t]*|第[ \t]*)0*([2-9]|[1-9]\d{1,2})(?:[ \t]*页)?(?=[ \t]*(?:-|$))", re.M)


# The first line of the text is a part's second or later item, （二）… : the text begins in the
# middle of that part's list (a web excerpt that starts inside 一、总体情况).
_LATER_ITEM = re.compile(r"[ \t\u3000\n]*([(（]([二三四五六七八九十])[)）][^\n]{1,40})")


# The first line of a text that opens with a sentence of body text (no heading, no title).
_FIRST_LINE = re.compile(r"[ \t\u3000\n]*([^\n]*[，,。；;][^\n]*)")
_TITLE_WORD = re.compile(r"报告|報告|年报|年報|总体情况|總體情況")


def begins_late(text: str, sections: list[Section]) -> "Optional[tuple[int, Span, str]]":
    """(first section the text holds, the evidence, "row", "page" or "item") when the text
    begins inside the report: the first template section found is not 一, and before its
    heading stands a row of a table of an earlier section, the header of a later page, the
    text opens with a later item of a part (（二）…), or it opens with body text before 二 with no
    title or heading of 一 ("untitled"). Section 0 when the text holds no template
    heading at all under the header of a later page (a flipbook page from the middle of 一 or
    of 五/六: which part it is cannot be told). None otherwise (a report without its first
    parts is another matter: RL501)."""
    first = next((s for s in sections if s.canonical is not None), None)
    if first is None:
        # no template heading at all, under the header of a later page: one page from inside
        # the report whose part cannot be told (part 0: nothing before or after it is demanded)
        m = _LATER_PAGE.search(text, 0, 300)
        return (0, Span(m.start(), m.end()), "page") if m is not None else None
    if first.canonical <= 1:
        return None
    m = _TABLE_ROW.search(text, 0, first.heading.start)
    if m is not None:
        return first.canonical, Span(m.start(), m.end()), "row"
    m = _LATER_PAGE.search(text, 0, min(first.heading.start, 300))
    if m is not None:
        return first.canonical, Span(m.start(), m.end()), "page"
    m = _LATER_ITEM.match(text, 0, first.heading.start)
    if m is not None:
        return first.canonical, Span(m.start(1), m.end(1)), "item"
    m = _FIRST_LINE.match(text, 0, first.heading.start)
    if m is not None and first.canonical == 2 and not _TITLE_WORD.search(text, 0, first.heading.start):
        # Body text with neither the report's title nor 一's heading before 二 (OCR that lost
        # the page's first line, a copy that starts in the middle of 一): whether part 一 is
        # whole cannot be told, so it is not demanded
        return first.canonical, Span(m.start(1), m.end(1)), "untitled"
    return None
