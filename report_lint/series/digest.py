"""A report's YearData: what the rules over a body's years need of it (series/model.py)."""

from __future__ import annotations

import re
import zlib
from functools import lru_cache
from typing import TYPE_CHECKING

from .model import YearData

if TYPE_CHECKING:
    from ..model import Cell, Report

_CERTAIN = frozenset(("number", "recovered"))
# Rows of the applications table whose every column a check needs (RL601); of the others
# only the 总计 column (what the prose restates) is kept, unless ``full``.
_CARRIED = frozenset(("carried_over", "carried_forward"))


def digest(report: "Report", full: bool = False) -> YearData:
    """The YearData of a report. ``full``: every cell (compare), not only those the checks use."""
    from ..dates import report_signature
    from ..report import _report_year
    from .bodies import find_body
    from .prose import read

    text = report.source.text
    _, _, strong = _report_year(text, report.sections)
    year = report.report_year
    sig = report_signature(report)
    if not strong and year is not None and sig is not None and sig.year == year + 1:
        strong = True  # a year read from the prose, confirmed by the date the report was signed
    body = find_body(text, year, sig.span if sig is not None and sig.year is not None else None)
    cells: dict = {}
    nulls: set = set()
    found = frozenset(k for k, t in report.tables.items() if t.found)
    if "requests" in found:
        from ..templates import load

        columns = load().columns
        for key, row in report.tables["requests"].rows.items():
            if full or key in _CARRIED:
                for col, cell in zip(columns, row.cells):
                    _put(cells, nulls, f"requests:{key}.{col}", cell)
            elif len(row.cells) == 7:
                _put(cells, nulls, f"requests:{key}.total", row.cells[6])
    for kind in ("active", "reviews"):
        if kind in found:
            for key, row in report.tables[kind].rows.items():
                for fld, cell in zip(row.fields, row.cells):
                    _put(cells, nulls, f"{kind}:{key}.{fld}", cell)
    said, about = read(report) if report.kind == "template" else ({}, [])
    sections = {s.canonical: (s.body.start, s.body.end) for s in report.sections if s.canonical is not None}
    units = {}
    for n in _similar()["sections"]:
        if n in sections:
            units[n] = _units(text, *sections[n])
    title = body.span if body is not None and body.source == "title" else None
    return YearData(
        path=report.path, year=year,
        year_span=(report.report_year_span.start, report.report_year_span.end) if report.report_year_span else None,
        year_certain=strong and year is not None, body=body.key if body else None,
        body_name=body.name if body else "", body_span=(body.span.start, body.span.end) if body else None,
        template=report.template, cells=cells, nulls=frozenset(nulls), found=found, said=said, about=about,
        units=units, sections=sections, fingerprint=fingerprint(text),
        title_span=(title.start, title.end) if title else None,
    )


def fingerprint(text: str) -> tuple:
    return len(text), zlib.crc32(text.encode("utf-8", "surrogatepass"))


def _put(cells: dict, nulls: set, ref: str, cell: "Cell") -> None:
    if cell.value is not None and cell.kind in _CERTAIN and cell.span is not None:
        cells[ref] = (cell.value, cell.span.start, cell.span.end, cell.kind == "recovered")
    else:
        nulls.add(ref)


@lru_cache(maxsize=1)
def _similar() -> dict:
    from ..resources import data_file, load_toml

    return load_toml(data_file("rules", "series.toml"))["similar"]


_UNIT_END = re.compile(r"[。!?！？;；\n]")
_ENUM = re.compile(r"^\s*(?:[一二三四五六七八九十]+是|第[一二三四五六七八九十]+[,，、]?|[(（]?[一二三四五六七八九十\d]{1,3}[)）.、．]|首先|其次|再次|最后|此外|同时)")
_NOT_WORD = re.compile(r"[\W_]+")
_DIGITS = re.compile(r"\d+(?:\.\d+)?")


def normalise_unit(s: str) -> str:
    """A sentence as compared: without its enumerator, spaces and punctuation, every number #."""
    s = _ENUM.sub("", s)
    s = _NOT_WORD.sub("", s)
    return _DIGITS.sub("#", s)


def _units(text: str, start: int, end: int) -> tuple:
    """The sentences of text[start:end]: (crc32 of the normalised sentence, its length, start, end);
    sentences too short to say anything (headings) are left out."""
    min_unit = _similar()["min_unit"]
    out = []
    pos = start
    for m in _UNIT_END.finditer(text, start, end):
        _add(out, text, pos, m.start(), min_unit)
        pos = m.end()
    _add(out, text, pos, end, min_unit)
    return tuple(out)


def _add(out: list, text: str, a: int, b: int, min_unit: int) -> None:
    raw = text[a:b]
    s = raw.strip(" \t\u3000")
    if not s:
        return
    norm = normalise_unit(s)
    if len(norm) < min_unit:
        return
    a += len(raw) - len(raw.lstrip(" \t\u3000"))
    out.append((zlib.crc32(norm.encode("utf-8")), len(norm), a, a + len(s)))
