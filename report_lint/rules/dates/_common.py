"""Helpers shared by the RL4xx date rules."""

from __future__ import annotations

import re
from typing import Optional

from ...dates import title_year_in
from ...model import Span

_SEP = re.compile(r"[，,。：:；;、\s《》“”\"（）()]")
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)[^\S\n]*年")


def title_lines(text: str, n: int = 3) -> list[tuple[int, int]]:
    """(start, end) of the first ``n`` non-empty lines."""
    # line by line: the first lines are found without splitting the whole report
    out, pos = [], 0
    while len(out) < n and pos <= len(text):
        end = text.find("\n", pos)
        if end < 0:
            end = len(text)
        if text[pos:end].strip():
            out.append((pos, end))
        pos = end + 1
    return out


def title_year(text: str) -> Optional[tuple[int, Span, str]]:
    """The year named in the title (first three non-empty lines): (year, span, body named
    before it, e.g. 某某市人民政府, or between it and 政府信息公开: 2025年度某局政府信息公开…)."""
    for s, e in title_lines(text):
        t = title_year_in(text, s, e)
        if t is not None:
            year, span, body = t
            if not body:
                body = _SEP.split(text[s:span.start])[-1]
            return year, span, body
    return None


def overview_year(report) -> Optional[tuple[int, Span]]:
    """The year opening the first sentence of 总体情况 (2024年，我局…; 自2024年起…)."""
    sec = report.section(1)
    if sec is None:
        return None
    text = report.source.text
    start = sec.body.start
    while start < sec.body.end and text[start].isspace():
        start += 1
    m = _YEAR.search(text, start, min(sec.body.end, start + 20))
    if m is None:
        return None
    return int(m.group(1)), Span(m.start(1), m.end(1))
