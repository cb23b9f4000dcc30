"""Helpers shared by the wording rules (RL508-RL511): the lexicons of rules/wording.toml,
prose outside the tables, quoted text."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from ...model import Report, Span
from ...resources import data_file, load_toml


@lru_cache(maxsize=None)
def wording(name: str) -> dict:
    return load_toml(data_file("rules", "wording.toml")).get(name, {})


@lru_cache(maxsize=None)
def alternation(name: str, key: str) -> "Optional[re.Pattern[str]]":
    items = wording(name).get(key, [])
    return re.compile("|".join(f"(?:{p})" for p in items)) if items else None


def _table_regions(report: Report, headers: bool) -> list[Span]:
    """Each table read; with ``headers``, from its section heading on (a flattened header's
    words run together: 结果维持结果纠正 → 结果结果)."""
    out = []
    for t in report.tables.values():
        if t.span is None:
            continue
        start = t.span.start
        if headers and t.heading is not None and t.heading.end <= t.span.start:
            start = t.heading.end
        out.append(Span(start, t.span.end))
    return out


def outside_tables(report: Report, start: int, end: int, headers: bool = True) -> list[tuple[int, int]]:
    """The parts of [start, end) that no table covers (with ``headers``, nor the text between a
    table's section heading and the table)."""
    parts = [(start, end)]
    for t in sorted(_table_regions(report, headers), key=lambda s: s.start):
        out = []
        for a, b in parts:
            if t.end <= a or t.start >= b:
                out.append((a, b))
                continue
            if a < t.start:
                out.append((a, t.start))
            if t.end < b:
                out.append((t.end, b))
        parts = out
    return parts


_QUOTES = {"《": "》", "“": "”", "「": "」", "『": "』", '"': '"', "<": ">"}
_QUOTE_RE = re.compile("|".join(f"{re.escape(a)}[^{re.escape(b)}\\n]{{0,80}}{re.escape(b)}" for a, b in _QUOTES.items()))


def quoted(text: str, start: int = 0, end: Optional[int] = None) -> list[Span]:
    """Spans of quoted text and titles (《…》, “…”) in text[start:end]: what a report cites is
    not its own wording."""
    return [Span(m.start(), m.end()) for m in _QUOTE_RE.finditer(text, start, len(text) if end is None else end)]


def section_body(report: Report, number: int) -> Optional[Span]:
    """The body of a template section, or None when it is not in the text (or lies after where
    the text stops: nothing there can be demanded)."""
    sec = report.section(number)
    if sec is None or report.outside_text(number):
        return None
    return sec.body
