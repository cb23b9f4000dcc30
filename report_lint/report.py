"""Build the Report model from a Source: sections, the report year, the three tables."""

from __future__ import annotations

import re
from typing import Optional

from . import doctype
from .dates import title_year_in
from .model import ABSENT, MISSING, NOT_APPLICABLE, TABLE_KINDS, Report, Section, Span, Table
from .sections import find_sections
from .source import Source

_PERIOD_YEAR = re.compile(r"统计(?:期限|时限|期间|周期|时间|区间)[^。\n]{0,24}?(20\d\d)\s*年\s*0?1\s*月\s*0?1\s*日")
_ANY_YEAR = re.compile(r"(20\d\d)\s*年")

# Where a table starts when its section heading is missing.
_ANCHORS = {
    # \s*(?:\|(?:[\t ]*\|)*\s*)? is \s*[|\t ]*\s* (spaces, then pipes among spaces and tabs, then
    # spaces) with one way only to read a run of spaces (three ways were cubic)
    "active": re.compile(r"第二十条\s*第\s*\(\s*一\s*\)\s*项|信息内容\s*(?:\|(?:[\t ]*\|)*\s*)?本年(?:制发|新制作)"),
    "requests": re.compile(r"一\s*、\s*本年新收|本年新收政府信息公开申请"),
    "reviews": re.compile(r"行政复议[\s|]*行政诉讼"),
}
# Where the next table's data begins, inside a region that runs on past it (a heading that was
# not recognised: run into the text before it, misspelt): the current table ends there, so
# the next table's rows are never read as its own.
# (One pattern per shape: a pattern with a literal start is searched at C speed.)
_NEXT = {
    "requests": (re.compile(r"一\s*、\s*本年新收"),),
    "reviews": (re.compile(r"行政复议[\s|]*行政诉讼"), re.compile(r"四\s*、\s*(?:政府信息公开)?行政法?复议")),
}
_ORDER = ("active", "requests", "reviews")
# Words of a table's header or rows: a section's text without any of them holds prose only.
_TABLE_WORDS = {
    # a row label counts as a cell (ending its line or a cell, or followed by a number that does):
    # in a sentence (设置“…法规规章”等板块, 行政处罚62条) it is a word of the prose
    "active": re.compile(r"第二十条|信息内容|本年(?:制发|新制作|新公开|处理决定|收费)|上一年项目"
                         r"|(?:规章|规范性文件|行政许可|行政处罚)(?=[ \t]*(?:[|\t]|$|\d+[ \t]*(?:[|\t]|$)))", re.M),
    "requests": re.compile(r"申请人情况|勾稽|自然人|本年新收|上年结转"),
    "reviews": re.compile(r"结果\s*维持|结果\s*纠正|尚未\s*审结|未经复议|复议后起诉"),
}


def report_year(text: str, sections: list[Section]) -> tuple[Optional[int], Optional[Span]]:
    """The report year: from the title, else the statistics period, else the first year
    named in 总体情况."""
    year, span, _ = _report_year(text, sections)
    return year, span


def _report_year(text: str, sections: list[Section]) -> tuple[Optional[int], Optional[Span], bool]:
    """(year, where, strong): strong when it comes from the title or the statistics period."""
    head = text[:600]
    t = title_year_in(text, 0, 600)  # also 2025年度某局政府信息公开工作年度报告 (dates.TITLE_YEAR)
    if t is not None:
        return t[0], t[1], True
    m = _PERIOD_YEAR.search(text)
    if m:
        return int(m.group(1)), Span(m.start(1), m.end(1)), True
    first = next((s for s in sections if s.canonical == 1), None)
    if first is not None:
        m = _ANY_YEAR.search(text, first.body.start, min(first.body.end, first.body.start + 300))
        if m:
            return int(m.group(1)), Span(m.start(1), m.end(1)), False
    m = _ANY_YEAR.search(head)
    if m:
        return int(m.group(1)), Span(m.start(1), m.end(1)), False
    return None, None, False


def _region(kind: str, number: int, text: str, sections: list[Section]) -> tuple[int, int, Optional[Span]]:
    """The text a table is read from: its section's body, or from its anchor onwards when
    the heading is missing. Returns (start, end, heading)."""
    sec = next((s for s in sections if s.canonical == number), None)
    if sec is not None:
        return sec.body.start, sec.body.end, sec.heading
    m = _ANCHORS[kind].search(text)
    if m is None:
        return 0, 0, None
    nxt = next((s.heading.start for s in sections if s.heading.start > m.start()), len(text))
    return m.start(), nxt, None


def _regions(text: str, sections: list[Section]) -> dict[str, tuple[int, int, Optional[Span]]]:
    """Each table's region, ended where a later table's data begins inside it."""
    out = {}
    for i, kind in enumerate(_ORDER):
        s, e, h = _region(kind, i + 2, text, sections)
        for later in _ORDER[i + 1 :]:
            for pattern in _NEXT[later]:
                m = pattern.search(text, s + 1, e) if e > s + 1 else None
                if m is not None:
                    e = m.start()
        out[kind] = (s, e, h)
    return out


def build_report(source: Source) -> Report:
    from .tables import reader  # lark is imported only when tables are read

    text = source.text
    sections = find_sections(text)
    year, year_span, strong = _report_year(text, sections)
    if strong and year < doctype.FIRST_TEMPLATE_YEAR and not doctype.other_kind_title(text):
        # A report of 2008-2018: its statistics tables are its own, not the template's
        kind = doctype.Kind(doctype.LEGACY, f"report year {year}")
        tables = {k: Table(k, NOT_APPLICABLE) for k in TABLE_KINDS}
        return Report(source, sections, tables, "none", year, year_span, kind=kind.kind, report_year_strong=strong)
    tables: dict[str, Table] = {}
    end = len(text.rstrip())  # where the text stops: a table read up to here may be cut off
    regions = _regions(text, sections)
    s, e, h = regions["active"]
    tables["active"] = reader.read_active(text, s, e, h, year, end) if e > s or h else Table("active", ABSENT)
    s, e, h = regions["requests"]
    tables["requests"] = reader.read_requests(text, s, e, h, end) if e > s or h else Table("requests", ABSENT)
    s, e, h = regions["reviews"]
    tables["reviews"] = reader.read_reviews(text, s, e, h, end) if e > s or h else Table("reviews", ABSENT)
    reader.doubt_scrambled(tables, text)
    reader.doubt_misread_rows(list(tables.values()))
    found = any(t.found for t in tables.values())
    kind = doctype.classify(text, sections, found, year, strong)
    if kind.kind in (doctype.LEGACY, doctype.SCHOOL):  # no government statistical tables
        tables = {k: Table(k, NOT_APPLICABLE) for k in TABLE_KINDS}
        return Report(source, sections, tables, "none", year, year_span, kind=kind.kind, report_year_strong=strong)
    template = _template(tables, year)
    req = tables["requests"]
    if req.found and req.template == "unknown" and template != "unknown":
        req.template = template  # too few rows to tell (an excerpt): the report's template
    stops = doctype.stops_early(text, sections) if kind.kind == doctype.TEMPLATE else None
    report = Report(source, sections, tables, template, year, year_span, kind=kind.kind, stops_at=stops,
                    report_year_strong=strong)
    late = doctype.begins_late(text, sections) if kind.kind == doctype.TEMPLATE else None
    if late is not None:
        report.begins_in, report.begins_at, report.begins_why = late
    if stops is not None:
        # where the text stops as doctype sees it (an excerpt) also cuts the table it is in
        for number, t in zip((2, 3, 4), (tables["active"], tables["requests"], tables["reviews"])):
            if ((t.found and report.reaches_stop(t.span)) or (t.status == MISSING and report.last_section() == number)
                    or (t.status == ABSENT and report.beyond_text(number))):
                t.cut = True
                if t.status == MISSING:
                    s, e, _ = regions[t.kind]
                    if _TABLE_WORDS[t.kind].search(text, s, e) is None:
                        # stopped in the section's prose: the table comes after the stop
                        t.past_stop, t.coverage_status = True, ABSENT
    return report


def _template(tables: dict[str, Table], year: Optional[int]) -> str:
    """The template the report follows: the active table's, else the requests table's."""
    active = tables.get("active")
    if active is not None and active.found and active.template != "unknown":
        return active.template
    req = tables.get("requests")
    if req is not None and req.found and req.template != "unknown":
        return req.template
    return "unknown"
