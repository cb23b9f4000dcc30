"""Which reports of a batch are one body's years (rules/bodies.toml says how names are read).

Linear in the reports: they are grouped by the body's key in one dict, each group sorted by
year. Only reports whose body and year are certain take part; two reports of one body and
year are kept as duplicates (RL600) and used only when their numbers agree.
"""

from __future__ import annotations

from typing import Iterable

from .model import Series, YearData


def _same_numbers(a: YearData, b: YearData) -> bool:
    """Whether two copies of one year say the same (a page and its PDF)."""
    return a.template == b.template and _numbers(a) == _numbers(b)


def _numbers(r: YearData) -> tuple:
    """What a report says, wherever it says it: its certain cells as (reference, value), the
    counts its prose states as (subject, value), sorted, and its statements about earlier
    years. Made from the arrays by zip and sorted (no Python step per cell: a batch compares
    every pair of copies of a year)."""
    from bisect import bisect_left

    from .model import _array

    cells = sorted(zip(_array("i", r.cell_refs)[::4], _array("d", r.cell_values)))
    cells = cells[bisect_left(cells, (0, float("-inf"))):]  # reference -1: no such cell in the templates
    said = sorted(zip(_array("i", r.said_refs)[::3], _array("d", r.said_values)))
    about = sorted((c.kind, c.year, str(c.stated), c.subject, str(c.base)) for c in r.about)
    return cells, said, about


def make_series(body: str, name: str, items: "list[YearData]", explicit: bool = False) -> Series:
    """A Series of one body's reports (any order); copies of one year become duplicates."""
    items = sorted(items, key=lambda r: (r.year if r.year is not None else -1, r.path))
    by_year: dict = {}
    for r in items:
        by_year.setdefault(r.year, []).append(r)
    reports, duplicates, skipped = [], {}, {}
    for year, copies in by_year.items():
        if len(copies) > 1:
            duplicates[year] = copies
            if all(_same_numbers(copies[0], c) for c in copies[1:]):
                reports.append(copies[0])
            else:
                skipped[year] = ("同一年度有内容不同的两份报告", "two different reports for this year")
        else:
            reports.append(copies[0])
    latest = next((r.body_name for r in reversed(items) if r.body_name), name)
    return Series(body, latest or name, reports, duplicates, skipped, explicit)


def group(entries: "Iterable[YearData]") -> "list[Series]":
    """The series of a batch: one per body with at least two reports, sorted by body."""
    by_key: dict = {}
    for e in entries:
        if e.body is None or not e.year_certain:
            continue
        by_key.setdefault(e.body, []).append(e)
    return [make_series(key, key, items) for key, items in sorted(by_key.items()) if len(items) > 1]


def unsure(entries: "Iterable[YearData]") -> "list[tuple[YearData, YearData]]":
    """Reports of different keys that may be one body (西安市高陵区… / 高陵区…): never paired,
    said by `compare`. Pairs of representatives, one per key."""
    from .bodies import compatible

    firsts: dict = {}
    for e in entries:
        if e.body is not None:
            firsts.setdefault(e.body, e)
    keys = sorted(firsts)
    out = []
    # names that may be one body end the same way: compare each with the keys it ends with
    by_tail: dict = {}
    for k in keys:
        by_tail.setdefault(k[-6:], []).append(k)
    for group_ in by_tail.values():
        for i, a in enumerate(group_):
            for b in group_[i + 1:]:
                if compatible(a, b):
                    out.append((firsts[a], firsts[b]))
    return out
