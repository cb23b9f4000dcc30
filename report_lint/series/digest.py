"""A report's YearData: what the rules over a body's years need of it (series/model.py)."""

from __future__ import annotations

import re
import zlib
from array import array
from functools import lru_cache
from typing import TYPE_CHECKING, Optional

from ..dates import report_signature
from ..report import _report_year
from ..templates import load as load_templates
from .bodies import find_body
from .model import YearData, sketch
from .prose import read

if TYPE_CHECKING:
    from ..model import Report

_CERTAIN = frozenset(("number", "recovered"))
# Rows of the applications table whose every column a check needs (RL601); of the others
# only the 总计 column (what the prose restates) is kept, unless ``full``.
_CARRIED = frozenset(("carried_over", "carried_forward"))


def digest(report: "Report", full: bool = False, keyed: bool = False) -> "Optional[YearData]":
    """The YearData of a report. ``full``: every cell (compare), not only those the checks use;
    ``keyed``: None for a report that cannot be paired by name (its body or year not certain),
    the common case of a batch, where nothing more is worth working out."""
    text = report.source.text
    strong = report.report_year_strong
    if strong is None:
        strong = _report_year(text, report.sections)[2]
    year = report.report_year
    sig = report_signature(report)
    if not strong and year is not None and sig is not None and sig.year == year + 1:
        strong = True  # a year read from the prose, confirmed by the date the report was signed
    body = find_body(text, year, sig.span if sig is not None and sig.year is not None else None)
    if keyed and (body is None or body.key is None or not strong or year is None):
        return None
    refs: list = []
    values: list = []
    nulls: list = []
    found = frozenset(k for k, t in report.tables.items() if t.found)
    # (reference, cell) of every cell kept; a loop of plain tuples: this runs for every report
    pairs: list = []
    if "requests" in found:
        for key, row in report.tables["requests"].rows.items():
            if full or key in _CARRIED:
                pairs.extend(zip(_refs("requests", key, load_templates().columns), row.cells))
            elif len(row.cells) == 7:
                pairs.append((_refs("requests", key, ("total",))[0], row.cells[6]))
    if "active" in found:
        for key, row in report.tables["active"].rows.items():
            pairs.extend(zip(_refs("active", key, row.fields), row.cells))
    if "reviews" in found:
        for key, row in report.tables["reviews"].rows.items():
            if full:
                pairs.extend(zip(_refs("reviews", key, row.fields), row.cells))
            elif "total" in row.fields:  # what the prose restates (行政复议N件)
                pairs.append((_refs("reviews", key, ("total",))[0], row.cells[row.fields.index("total")]))
    for ref, cell in pairs:
        v, sp = cell.value, cell.span
        if v is not None and sp is not None and cell.kind in _CERTAIN:
            refs += (ref, sp.start, sp.end, cell.kind == "recovered")
            values.append(v)
        else:
            nulls.append(ref)
    said_refs, said_values, about = read(report) if report.kind == "template" else ([], [], [])
    # the sections RL604 compares, as text: their sentences are worked out where the rules run,
    # for the reports that have an earlier year (most reports of a batch have none)
    texts = {s.canonical: (s.body.start, text[s.body.start:s.body.end]) for s in report.sections
             if s.canonical in _similar()["sections"]}
    title = body.span if body is not None and body.source == "title" else None
    anchor = (title.start, title.end) if title else (
        (report.report_year_span.start, report.report_year_span.end) if report.report_year_span else
        (body.span.start, body.span.end) if body else None)
    return YearData(
        path=report.path, year=year,
        year_span=(report.report_year_span.start, report.report_year_span.end) if report.report_year_span else None,
        year_certain=strong and year is not None, body=body.key if body else None,
        body_name=body.name if body else "", body_span=(body.span.start, body.span.end) if body else None,
        template=report.template, cell_refs=array("i", refs).tobytes(), cell_values=array("d", values).tobytes(),
        null_refs=array("i", nulls).tobytes(), found=found, said_refs=array("i", said_refs).tobytes(),
        said_values=array("d", said_values).tobytes(), about=about,
        texts=texts, fingerprint=fingerprint(text),
        title_span=(title.start, title.end) if title else None,
        anchor=sketch(report.source, anchor) if anchor is not None else None,
    )


def warm() -> None:
    """Load what digest() needs (modules, the bundled data) in this process: called before a
    batch's workers are forked, so that they share it instead of each loading it."""
    from ..claims import phrases
    from .bodies import _data
    from .prose import subject_table

    ref_table()
    _data()
    _similar()
    phrases()
    subject_table()


@lru_cache(maxsize=1)
def ref_table() -> "tuple[tuple[str, ...], dict[str, int]]":
    """Every cell reference the templates have ("requests:new.total"), numbered: a YearData
    carries numbers (cheap to send from a worker), the same in every process."""
    t = load_templates()
    refs: list[str] = []
    for (_, key), row in sorted(t.active.items()):
        refs.extend(f"active:{key}.{f}" for f in row.fields)
    for row in t.requests:
        if not row.is_group:
            refs.extend(f"requests:{row.key}.{c}" for c in t.columns)
    for g in t.review_groups:
        refs.extend(f"reviews:{g}.{f}" for f in t.review_fields)
    names = tuple(dict.fromkeys(refs))
    return names, {r: i for i, r in enumerate(names)}


@lru_cache(maxsize=1024)
def _refs(kind: str, key: str, fields: tuple) -> tuple:
    """The reference numbers of a row's cells, made once (-1: none such in the templates)."""
    index = ref_table()[1]
    return tuple(index.get(f"{kind}:{key}.{f}", -1) for f in fields)


def fingerprint(text: str) -> tuple:
    return len(text), zlib.crc32(text.encode("utf-8", "surrogatepass"))


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


def units(offset: int, text: str) -> list:
    """The sentences of a section's text (starting at ``offset`` in the report), flat: (crc32 of
    the normalised sentence, its length, start, end) each; sentences too short to say anything
    (headings) are left out."""
    min_unit = _similar()["min_unit"]
    out: list = []
    pos = 0
    for m in _UNIT_END.finditer(text):
        _add(out, text, pos, m.start(), min_unit, offset)
        pos = m.end()
    _add(out, text, pos, len(text), min_unit, offset)
    return out


def _add(out: list, text: str, a: int, b: int, min_unit: int, offset: int) -> None:
    raw = text[a:b]
    s = raw.strip(" \t\u3000")
    if not s:
        return
    norm = normalise_unit(s)
    if len(norm) < min_unit:
        return
    a += len(raw) - len(raw.lstrip(" \t\u3000")) + offset
    out += (zlib.crc32(norm.encode("utf-8")), len(norm), a, a + len(s))
