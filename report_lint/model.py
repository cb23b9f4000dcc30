"""The report model: what the parser produces and every rule reads.

Offsets in a Span are indices into ``Source.text`` (the normalised text). Only the
source module knows how to turn them into 1-based line/column positions in the
original file (``Source.position``), so rules never deal with normalisation.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal, Optional, Union

if TYPE_CHECKING:
    from .source import Source

Number = Union[int, float]

# The most digits a number may have and still be read as one (a table cell, a count in the prose,
# a percentage with its decimals). No count in a report comes near 15 digits (a thousand times the
# world's population), and 15 significant digits are what an IEEE double, and so every JSON
# reader, keeps exactly. A longer run of digits is an unreadable value, never a number: no
# arithmetic on it, and Python's limit on converting long digit strings (4300 digits) is never
# reached.
MAX_DIGITS = 15
TableKind = Literal["active", "requests", "reviews"]
TABLE_KINDS: tuple[TableKind, ...] = ("active", "requests", "reviews")


# Not frozen: a frozen dataclass sets each field through object.__setattr__ (2.4x slower to
# make), and a report makes some 400 spans. Treat it as immutable; it hashes by value.
@dataclass(slots=True, unsafe_hash=True)
class Span:
    """Half-open range [start, end) in the normalised text."""

    start: int
    end: int

    def __or__(self, other: "Span") -> "Span":
        return Span(min(self.start, other.start), max(self.end, other.end))


@dataclass(slots=True)
class Cell:
    """One value cell of a statistical table.

    ``value`` is None for a blank or placeholder cell: the model never turns a
    missing value into 0 (rules decide how to count it).
    """

    value: Optional[Number]
    span: Optional[Span]
    raw: str = ""
    # number | placeholder | blank | recovered (split out of run-together digits, or placed by
    # the table's identities) | unreadable (value not certain: null, never a guess)
    kind: str = "number"

    @property
    def is_null(self) -> bool:
        return self.value is None


# Why a row's cells were not read (Row.unread). A row with a reason has null cells that are
# not certain; it takes no part in the arithmetic and is counted as not read in the coverage.
UNREAD_REASONS = {
    "cut": ("文本在此行中截止", "the text stops inside the row"),
    "short": ("数字个数少于列数", "fewer values than columns"),
    "ambiguous": ("数字连在一起，无法确定如何拆分", "run-together digits that split more than one way"),
    "unbalanced": ("数字连在一起，任何拆分都不能使本行平衡", "run-together digits that no split balances"),
    "contradicted": ("数字连在一起，唯一使本行平衡的拆分与表中其他行矛盾", "the only split that balances the row contradicts the other rows"),
    "detached": ("数字与行名分离，无法确定对应关系", "values detached from their labels; the pairing is not certain"),
    "unconfirmed": ("数字与行名分离，按顺序一一对应后勾稽关系不成立，无法确认对应关系",
                    "values apart from their labels, paired one to one in order, but an identity fails: the pairing is not confirmed"),
    "unreadable": ("数字无法读取", "values that cannot be read"),
    "too-long": ("有的数字超过 15 位，不可能是计数", "a value of more than 15 digits, which no count has"),
    "no-values": ("行名后没有数字，空白或丢失", "no values after the label: left blank, or lost"),
    "unlabelled": ("数字前的行名丢失，无法确定每个数字属于哪一行", "the row labels before the values were lost: which row each value is in is not certain"),
    "subrows": ("本行分为子项填写，本行合计未列出", "the row is written as sub-rows; its own total is not printed"),
    "misread": ("表中多行无法读取，本行总计与各项之和也不符，数字可能识别有误",
                "many rows of the table could not be read and this row's total disagrees with its parts: "
                "the numbers may be misread"),
    "scrambled": ("数字的顺序与表格不一致（转换时打乱），无法确定每个数字属于哪一格",
                  "the values do not stand in the table's order (scrambled in conversion): which cell each is in is not certain"),
    "drifted": ("数字个数多于列数，而上一行的数字少于列数：数字可能从上一行错位而来，无法确定哪些属于本行",
                "more values than columns right after a row with fewer: values may have drifted from that row, "
                "so which are this row's is not certain"),
    "extra": ("数字个数多于列数，且前几个数字不能使本行平衡，无法确定哪些数字属于本行",
              "more values than columns, and the first ones do not balance the row: which are the row's is not certain"),
}


# Reasons that are doubt about our reading (the rest: the text stops in the row, "cut"; the
# row's own digits prove it wrong, "unbalanced"; sub-rows, said by RL012).
DOUBT_REASONS = frozenset(("short", "ambiguous", "contradicted", "detached", "unreadable", "too-long",
                           "no-values", "unlabelled", "extra", "drifted", "misread", "scrambled", "unconfirmed"))
# A table with this many rows whose values or labels were not read whole (and as many as a
# quarter of its rows) was read poorly: a scanned page's OCR, a converter that scrambled the
# grid; its other cells may be misread as well. Values read whole but not placed for certain
# (digits that split several ways, values apart from their labels, paired one to one with a run
# of labels that an identity does not confirm, a split the columns contradict, labels with no
# values) are a layout's limit, not a misreading, and do not count: the failing identity may be
# the report's own slip, which would otherwise make its own finding doubt.
POOR_READING_ROWS = 3
MISREAD_REASONS = frozenset(("short", "unreadable", "too-long", "extra", "misread", "scrambled"))


@dataclass(slots=True)
class Row:
    key: str  # canonical key, e.g. "withheld.state_secret"; "" when unidentified
    label: str  # label text as read (normalised, spaces removed)
    span: Optional[Span]  # the label (or the first cell when the label is lost)
    cells: list[Cell] = field(default_factory=list)
    fields: tuple[str, ...] = ()  # field name per cell (active/reviews); empty for requests
    score: float = 1.0  # label match confidence, 0..1
    # "" when every cell was read (a blank or placeholder cell is read: it is what the report
    # says); else a key of UNREAD_REASONS, and the cells are null.
    unread: str = ""
    # How the placement was inferred, when it was: "" (written cell by cell), "split" (run-
    # together digits split by the row's identity), "columns" (a split chosen by the column
    # identities), "order" (values detached from their labels, paired in order and confirmed
    # by the identities). Inferred values are certain enough to export, never guesses.
    inferred: str = ""
    raw: str = ""  # the values as printed, for an unread or inferred row ("713000074")

    @property
    def values(self) -> list[Optional[Number]]:
        return [c.value for c in self.cells]

    def cell(self, field_name: str) -> Optional[Cell]:
        try:
            return self.cells[self.fields.index(field_name)]
        except ValueError:
            return None

    def total_or_sum(self) -> Optional[Number]:
        """A requests row's 总计; where that cell was left blank beside filled applicant cells,
        their sum (blanks count as 0, FORMAT.md §2): what the prose is compared with. None when
        the row was not read or holds no number."""
        if self.unread or len(self.cells) != 7 or self.fields:
            return None
        total = self.cells[6]
        if total.value is not None:
            return total.value
        parts = [c.value for c in self.cells[:6]]
        if all(v is None for v in parts) or any(c.kind == "unreadable" for c in self.cells):
            return None
        return sum(v for v in parts if v is not None)


@dataclass(slots=True)
class ParseNote:
    """Something the parser noticed; RL0xx rules turn these into findings."""

    code: str  # stable id, e.g. "row-unidentified", "cells-recovered", "table-truncated"
    span: Optional[Span]
    detail: dict = field(default_factory=dict)


# Table status values
OK = "ok"  # found and read
MISSING = "missing"  # heading present, no data (image / lost when copied)
ABSENT = "absent"  # neither heading nor data
TRUNCATED = "truncated"  # data starts but stops part-way
NOT_APPLICABLE = "not-applicable"  # a report of 2008-2018: no national table template


@dataclass(slots=True)
class Coverage:
    """How much of one table was checked (principle 3: a clean result must say what it covers).

    status     "complete"  every template row read with certainty;
               "partial"   the table was read, but some rows were not (``unread``), are not in
                           the text (``missing``) or lie past the point where the text stops;
               "unread"    the heading is there, no row could be read (an image, lost data);
               "absent"    the table is not in the text;
               "not-applicable"  the report has no such table to check (set by the caller,
                           e.g. for reports of the older structure).
    expected   rows of a complete table in its template (reviews: its 3 groups)
    read       template rows whose every cell was read with certainty
    unread     row key -> reason (a key of UNREAD_REASONS) for rows found but not read
    missing    template rows not found although the text goes on past where they belong
    after_cut  template rows past the point where the text stops (an excerpt)
    unknown    rows found that match no template row (not checked)
    cut        the text stops inside this table (or before its data)
    """

    status: str
    expected: int = 0
    read: int = 0
    unread: dict = field(default_factory=dict)
    missing: tuple = ()
    after_cut: int = 0
    unknown: int = 0
    cut: bool = False

    @property
    def checked_all(self) -> bool:
        return self.status == "complete"

    def as_dict(self) -> dict:
        return {
            "status": self.status, "rows_expected": self.expected, "rows_read": self.read,
            "rows_unread": dict(self.unread), "rows_missing": list(self.missing),
            "rows_after_cut": self.after_cut, "rows_unknown": self.unknown, "text_stops": self.cut,
        }


@dataclass(slots=True)
class Table:
    kind: TableKind
    status: str
    heading: Optional[Span] = None  # the section heading that introduces the table
    span: Optional[Span] = None  # the table body as read
    rows: dict[str, Row] = field(default_factory=dict)
    unknown_rows: list[Row] = field(default_factory=list)
    template: str = "unknown"  # "2021" | "2019" | "unknown" as seen in this table
    stopped_at: Optional[Span] = None  # where reading stopped, when TRUNCATED
    notes: list[ParseNote] = field(default_factory=list)
    # The text itself stops inside this table, or between its heading and its data (an
    # excerpt): rows past that point are not missing from the report, only from the text.
    cut: bool = False
    # The text stops in the table's section before any word of the table (its prose): the
    # table is past that point, as a table of a later section would be.
    past_stop: bool = False
    # Set by the caller to override what the rows say (e.g. "not-applicable"); else computed.
    coverage_status: Optional[str] = None

    @property
    def found(self) -> bool:
        return self.status in (OK, TRUNCATED)

    @property
    def coverage(self) -> Coverage:
        from .coverage import table_coverage  # template data is loaded only when asked

        return table_coverage(self)

    def row(self, key: str) -> Optional[Row]:
        return self.rows.get(key)

    def poorly_read(self) -> bool:
        """Whether so many of the table's rows could not be read with certainty (or match no
        template row) that what was read is in doubt too: a finding that rests on its cells says
        the reading may be wrong, not that the report is."""
        doubtful = sum(1 for r in self.rows.values() if r.unread in MISREAD_REASONS) + len(self.unknown_rows)
        return doubtful >= POOR_READING_ROWS and doubtful * 4 >= len(self.rows) + len(self.unknown_rows)


@dataclass(slots=True)
class Section:
    number: int  # 1..6, from the Chinese ordinal of the heading
    title: str  # heading text after the ordinal
    canonical: Optional[int]  # which template section (1..6) the title matches, None if none
    heading: Span  # the heading itself
    body: Span  # from after the heading to the next section heading
    # The template wording when the title is it with a slip of a character (行政法复议), else ""
    typo_of: str = ""


@dataclass(slots=True)
class Report:
    source: "Source"
    sections: list[Section]
    tables: dict[str, Table]
    template: str  # "2021" | "2019" | "unknown"
    report_year: Optional[int]
    report_year_span: Optional[Span] = None
    # the year comes from the title or the statistics period (report._report_year); None when
    # the Report was not made by build_report (then it is worked out when asked)
    report_year_strong: Optional[bool] = None
    notes: list[ParseNote] = field(default_factory=list)
    # What the text is (doctype.py): "template" (2019 onwards), "legacy" (2008-2018, no table
    # template), "school" (a school's report by school year: no government tables), "not-report";
    # and where it stops when it ends before the report does.
    kind: str = "template"
    stops_at: Optional[Span] = None
    # Where the text begins inside the report (doctype.begins_late): the first template section
    # it holds and what shows it (an earlier section's table row, a later page's header); 0 for
    # one later page holding no template heading (its part cannot be told).
    begins_in: Optional[int] = None
    begins_at: Optional[Span] = None
    begins_why: str = ""  # "row" (an earlier table's row), "page" (a later page's header), "item" (（二）…)
    # What rules derive from the text once per report (dates, narrative clauses, ...), filled
    # on first use by the module that knows how (dates.py, narrative.py): never re-parsed.
    derived: dict = field(default_factory=dict, repr=False, compare=False)

    def derive(self, key: str, compute):
        try:
            return self.derived[key]
        except KeyError:
            value = self.derived[key] = compute()
            return value

    @property
    def path(self) -> str:
        return self.source.path

    def last_section(self) -> Optional[int]:
        """The template number (1..6) of the last template section in the text, or None."""
        found = [s for s in self.sections if s.canonical is not None]
        return max(found, key=lambda s: s.heading.start).canonical if found else None

    def beyond_text(self, section: int) -> bool:
        """Whether template section ``section`` (1..6) would come after the point where the
        text stops (doctype.py): nothing there can be demanded of the report."""
        if self.stops_at is None:
            return False
        last = self.last_section()
        return last is None or section > last

    def before_text(self, section: int) -> bool:
        """Whether template section ``section`` would come before the point where the text
        begins (a text that starts inside the report): nothing there can be demanded."""
        # begins_in 0: one later page whose part is unknown; no section can be demanded of it
        return self.begins_in is not None and (self.begins_in == 0 or section < self.begins_in)

    def outside_text(self, section: int) -> bool:
        """Whether template section ``section`` lies before the text begins or after it stops."""
        return self.before_text(section) or self.beyond_text(section)

    def reaches_stop(self, span: Optional[Span]) -> bool:
        """Whether ``span`` runs up to where the text stops (a table cut by the excerpt)."""
        if self.stops_at is None or span is None:
            return False
        if span.end >= self.stops_at.start:
            return True
        if any(s.heading.start >= span.end for s in self.sections):
            return False  # a section follows the table: it was not cut by the end of the text
        # only headers, captions and ordinals (1. 2、), no value, between the table and the end
        import re

        return re.search(r"\d(?![\d.、])", self.source.text[span.end:self.stops_at.end]) is None

    def section(self, number: int) -> Optional[Section]:
        for s in self.sections:
            if s.canonical == number:
                return s
        return None
