"""What the rules over a body's years read: per report a YearData, per body a Series.

A YearData is made where the report was read (a worker process of a batch) and is all that
comes back of it for these rules: numbers, offsets into the report's analysis text and a few
hashes, never the text (only the title's line or two, sketched: Sketch). Positions (line:column)
are worked out only for the findings, at the end of the batch, from the file read again
(stage.py), or from the sketch when a finding is at the title alone.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

# A cell read with certainty: (value, start, end, recovered). ``recovered``: split out of
# run-together digits by the table's own identities (unique, but the rules say so).
CellValue = tuple


@dataclass(slots=True)
class PriorClaim:
    """A statement of this year's prose about an earlier year's number (较2023年的160件,
    比上年增加20件, 同比增长12.5%, 与上年持平)."""

    kind: str  # "value" (that year's number) | "change" (signed difference) | "percent" | "same"
    year: int  # the year it is about
    stated: object  # Decimal: the number as printed (signed for change and percent); None for same
    decimals: int  # printed decimals (percent)
    start: int  # the stated number (with unit), or the 持平 words
    end: int
    subject: str  # a claim id of rules/phrases.toml, or of rules/series.toml [[prose]]
    table: bool  # the subject is a table's (True) or only the prose's (False)
    base: object  # Decimal: this year's number the statement is relative to
    base_start: int
    base_end: int
    alts: tuple = ()  # which of the claim's cell alternatives this year's table gives ``base`` for
    text: str = ""  # the words as written (for messages)


@dataclass(slots=True)
class YearData:
    path: str  # display path, as in the report's results
    year: Optional[int]
    year_span: Optional[tuple]  # (start, end) of the year the report names
    year_certain: bool  # from the title or the statistics period (or confirmed by the signature)
    body: Optional[str]  # the body's key (bodies.key_of); None when not certain
    body_name: str  # as written, "" when not found
    body_span: Optional[tuple]
    template: str  # "2021" | "2019" | "unknown"
    # Numbers as the bytes of arrays (a worker sends bytes in a memcpy; a batch keeps thousands):
    # read them through ``cells``, ``nulls``, ``said`` and ``units(n)``.
    cell_refs: bytes  # array i: (reference number (digest.ref_table), start, end, recovered) per certain cell
    cell_values: bytes  # array d: the value of each
    null_refs: bytes  # array i: references of cells there but not certain (blank, placeholder, unreadable)
    found: frozenset  # the tables found ("active", "requests", "reviews")
    said_refs: bytes  # array i: (subject number (prose.subject_table), start, end) per count the prose states
    said_values: bytes  # array d: the value of each
    about: list  # PriorClaim: statements about earlier years
    texts: dict  # section number -> (start, text) of the sections RL604 compares
    fingerprint: tuple  # (length, crc32) of the analysis text: the same file when read again
    title_span: Optional[tuple] = None  # the title (RL600 points at it), else the year
    # Where the anchor (the title, else the year, else the body: what RL600 points at) is in a
    # plain text file, worked out where the file was read: a finding there and nowhere else
    # is placed without reading the file again (stage.py). None for pages, documents, PDFs.
    anchor: "Optional[Sketch]" = None
    # The Source itself when the file cannot be read again (standard input, --previous)
    source: "Optional[object]" = field(default=None, repr=False)
    _units: dict = field(default_factory=dict, repr=False)
    _cells: "Optional[dict]" = field(default=None, repr=False)
    _nulls: "Optional[frozenset]" = field(default=None, repr=False)
    _said: "Optional[dict]" = field(default=None, repr=False)

    @property
    def cells(self) -> dict:
        """"requests:carried_over.total" -> CellValue, for the certain cells (made when first asked)."""
        if self._cells is None:
            from .digest import ref_table

            names = ref_table()[0]
            r, v = _array("i", self.cell_refs), _array("d", self.cell_values)
            self._cells = {names[r[4 * k]]: (_num(v[k]), r[4 * k + 1], r[4 * k + 2], bool(r[4 * k + 3]))
                           for k in range(len(v)) if r[4 * k] >= 0}
        return self._cells

    @property
    def nulls(self) -> frozenset:
        """The references of the cells there but not certain."""
        if self._nulls is None:
            from .digest import ref_table

            names = ref_table()[0]
            self._nulls = frozenset(names[i] for i in _array("i", self.null_refs) if i >= 0)
        return self._nulls

    @property
    def said(self) -> dict:
        """claim id -> [(value, start, end)]: the counts this year's prose states, by subject."""
        if self._said is None:
            from .prose import subject_table

            names = subject_table()[0]
            out: dict = {}
            r, v = _array("i", self.said_refs), _array("d", self.said_values)
            for k in range(len(v)):
                out.setdefault(names[r[3 * k]], []).append((_num(v[k]), r[3 * k + 1], r[3 * k + 2]))
            self._said = out
        return self._said

    def units(self, n: int) -> tuple:
        """The sentences of section ``n`` as RL604 compares them: (crc, chars, start, end), made
        when first asked."""
        got = self._units.get(n)
        if got is None:
            from .digest import units

            a = units(*self.texts[n]) if n in self.texts else []
            got = self._units[n] = tuple(tuple(a[i:i + 4]) for i in range(0, len(a), 4))
        return got


def _array(code: str, data: bytes):
    from array import array

    a = array(code)
    a.frombytes(data)
    return a


def _num(v: float):
    return int(v) if v.is_integer() else v

    def units(self, n: int) -> tuple:
        """The sentences of section ``n`` as RL604 compares them: (crc, chars, start, end), made
        when first asked (where the rules run, not in the worker that read the file)."""
        try:
            return self._units[n]
        except KeyError:
            pass
        from .digest import units

        got = self._units[n] = units(*self.texts[n]) if n in self.texts else ()
        return got

    def value(self, ref: str):
        """The certain value of a cell reference ("requests:new.total"), or None."""
        c = self.cells.get(ref)
        return None if c is None else c[0]


@dataclass(slots=True)
class Series:
    """One body's reports, one per year, in year order."""

    body: str  # the key (or, paired explicitly, the later report's name)
    name: str  # as written in the latest report
    reports: list  # YearData, one per year, ascending
    duplicates: dict = field(default_factory=dict)  # year -> [YearData, …] (the first is in reports if usable)
    skipped: dict = field(default_factory=dict)  # year -> why that year takes no part
    explicit: bool = False  # paired by --previous / compare A B, not by name

    def at(self, year: int) -> "Optional[YearData]":
        for r in self.reports:
            if r.year == year:
                return r
        return None

    def pairs(self):
        """(earlier, later) for each two consecutive years the series has."""
        for a, b in zip(self.reports, self.reports[1:]):
            if a.year is not None and b.year == a.year + 1:
                yield a, b

    def before(self, r: "YearData") -> "Optional[YearData]":
        """The nearest earlier report (any gap)."""
        prev = None
        for x in self.reports:
            if x is r:
                return prev
            prev = x
        return None


@dataclass(slots=True)
class Sketch:
    """What placing a finding on one span of a plain text file needs (the positions, the lines
    shown, the content key, as Source and the engine work them out), for that span only."""

    path: str
    span: tuple  # (start, end) in the analysis text
    start_at: tuple  # (line, column) of the start
    end_at: tuple  # (line, column) just after the end
    key: str  # fingerprints.context_key of the span
    lines: dict  # line number -> the original line, for the lines the span is on
    line_count: int
    encoding: str
    traditional: bool
    _places = None  # a plain text file: no locator (engine._diagnostic asks)

    def position(self, offset: int) -> tuple:
        if offset != self.span[0]:
            raise IndexError(f"offset {offset} is not the sketched span's start")
        return self.start_at

    def end_position(self, end: int) -> tuple:
        if end != self.span[1]:
            raise IndexError(f"offset {end} is not the sketched span's end")
        return self.end_at

    def context_key(self, start: int, end: int) -> str:
        if (start, end) != self.span:
            raise IndexError("not the sketched span")
        return self.key

    def excerpt(self, lines, text_lines=()):
        from ..source import Excerpt

        return Excerpt(self.path, self.encoding, self.traditional, self.line_count,
                       {n: self.lines[n] for n in lines if 1 <= n <= self.line_count}, "text", {})


SKETCH_LINES_MAX = 5000  # characters of the lines a sketch keeps (a batch keeps one a report)


def sketch(source, span: tuple) -> "Optional[Sketch]":
    """The Sketch of ``span`` in ``source``, or None when it is not a plain text file."""
    if source._places is not None or source._outer is not None or source.format != "text":
        return None
    start, end = span
    o_start = source.to_original(start)
    line, col = source._line_col(o_start)  # as source.position(start)
    o_end = source.end_original(end) if end > start else o_start
    end_at = source._line_col(o_end) if end > start else (line, col)
    lines = {line: source.line_text_at(o_start), end_at[0]: source.line_text_at(o_end)}
    if sum(map(len, lines.values())) > SKETCH_LINES_MAX:
        return None  # a page on one line: its whole text would travel; read again if needed
    return Sketch(source.path, (start, end), (line, col), end_at, source.context_key(start, end), lines,
                  source.line_count, source.encoding, source.traditional)
