"""The rendered text every structured format produces, with an exact map back and its places.

A format module walks its document and writes into a ``Builder``: running text as lines
(one paragraph a line), each table as pipe rows (``| 一、本年新收… | 5 | 1 | … |``), the shape
the table grammar already reads. Every character written carries where it came from:

* ``put``: characters taken from the original, linearly from an offset (or no offset at all
  when the original *is* the rendered text, as for .docx and PDF);
* ``synth``: characters the rendering adds (the pipes, spaces and line ends between cells),
  each mapped to one anchor in the original (where the cell or row starts or ends).

The map is the piecewise-linear breakpoint list source.py already uses (two parallel lists,
rendered offsets and original offsets). Where one run ends and the next starts elsewhere, the
end of the first run is kept as its own entry at the same rendered offset just before the start
of the next: a lookup of a start finds the later entry, a lookup of an end the earlier one, so
a finding's end never lands on the markup after its last character.

Places (paragraph k, table t row r column c, page p line l) are kept as a sorted list of
rendered offsets where each place begins; the locator of a finding is looked up there.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Optional

# A place: ("p", paragraph) | ("c", table, row, column) | ("l", page, line); numbers 1-based.
Place = tuple


class Builder:
    __slots__ = ("parts", "n", "ns", "os", "track", "_pend", "_lin", "pstarts", "places", "last")

    def __init__(self, track: bool = True) -> None:
        self.parts: list[str] = []
        self.n = 0  # rendered characters so far
        self.ns: list[int] = []
        self.os: list[int] = []
        self.track = track
        self._pend: Optional[int] = None  # original offset just after the last run
        self._lin: Optional[int] = None  # where the last run would continue linearly
        self.pstarts: list[int] = []
        self.places: list[Place] = []
        self.last = ""  # last character written ("" at the start)

    # ------------------------------------------------------------------ writing

    def _run(self, origin: int, length: int, end: Optional[int] = None) -> None:
        """``length`` characters from here map linearly from ``origin``; in the original they
        end at ``end`` (default origin + length: an entity is longer than its character)."""
        pend, lin = self._pend, self._lin
        if pend is None:
            self.ns.append(self.n)
            self.os.append(origin)
        elif lin != origin or pend != origin:
            if pend != origin:
                self.ns.append(self.n)  # where the previous run ends ...
                self.os.append(pend)
            self.ns.append(self.n)  # ... and where this one starts
            self.os.append(origin)
        self._lin = origin + length
        self._pend = origin + length if end is None else end

    def put(self, s: str, origin: int = 0) -> None:
        """Characters of the original, the first at ``origin``, the rest following it."""
        if not s:
            return
        if self.track:
            self._run(origin, len(s))
        self.parts.append(s)
        self.n += len(s)
        self.last = s[-1]

    def put_mapped(self, s: str, pairs: list, end: int) -> None:
        """``s`` with breakpoints ``pairs`` ((index into s, original offset), first at 0);
        ``end``: the original offset just after its last character."""
        if not s:
            return
        if self.track:
            base = self.n
            last = len(pairs) - 1
            for k, (i, o) in enumerate(pairs):
                j = pairs[k + 1][0] if k < last else len(s)
                if j > i:
                    self.n = base + i
                    self._run(o, j - i, pairs[k + 1][1] if k < last else end)
            self.n = base
        self.parts.append(s)
        self.n += len(s)
        self.last = s[-1]

    def synth(self, s: str, anchor: int = 0) -> None:
        """Characters the rendering adds: each maps to ``anchor``."""
        if not s:
            return
        if self.track:
            n = self.n
            for _ in s:  # one run per character, so each maps to the anchor itself
                self._run(anchor, 1)
                self.n += 1
            self.n = n
        self.parts.append(s)
        self.n += len(s)
        self.last = s[-1]

    def place(self, p: Place) -> None:
        """The characters written from here on belong to place ``p``."""
        if self.places and self.places[-1] == p:
            return
        if self.pstarts and self.pstarts[-1] == self.n:  # nothing was written for the last one
            self.places[-1] = p
            return
        self.pstarts.append(self.n)
        self.places.append(p)

    # -------------------------------------------------------------- sub-builders

    def mark(self) -> tuple:
        """A point to roll back to (furniture found after it was written)."""
        return (len(self.parts), self.n, len(self.ns), self._pend, self._lin, len(self.pstarts), self.last)

    def rollback(self, m: tuple) -> None:
        parts, n, ns, pend, lin, places, last = m
        del self.parts[parts:]
        del self.ns[ns:]
        del self.os[ns:]
        del self.pstarts[places:]
        del self.places[places:]
        self.n, self._pend, self._lin, self.last = n, pend, lin, last

    def text_since(self, m: tuple) -> str:
        return "".join(self.parts[m[0]:])

    def extend(self, sub: "Builder") -> None:
        """Append what another builder wrote (a table cell rendered on its own)."""
        if not sub.n:
            return
        base = self.n
        if self.track and sub.ns:
            # The sub-builder's first entry starts a run here: joined like any run.
            self._run(sub.os[0], 0)
            self.ns.extend(n + base for n in sub.ns[1:])
            self.os.extend(sub.os[1:])
            self._pend, self._lin = sub._pend, sub._lin
        for p0, p in zip(sub.pstarts, sub.places):
            self.pstarts.append(p0 + base)
            self.places.append(p)
        self.parts.extend(sub.parts)
        self.n += sub.n
        self.last = sub.last

    # -------------------------------------------------------------------- result

    def text(self) -> str:
        return "".join(self.parts)

    def offset_map(self):
        return (self.ns, self.os) if self.track and self.ns else None

    def result(self) -> "Places":
        return Places(self.pstarts, self.places)


@dataclass
class Places:
    """Where each rendered character sits in the document, as a person would name it."""

    starts: list[int] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)

    def at(self, offset: int) -> Optional[Place]:
        i = bisect_right(self.starts, offset) - 1
        return self.places[i] if i >= 0 else None

    def describe(self, start: int, end: int, lang: str = "zh") -> Optional[tuple[str, dict]]:
        """(words, fields) for rendered offsets [start, end): ``表3 第5行第2列`` and
        ``{"table": 3, "row": 5, "column": 2}``; a span over several places names the range."""
        a = self.at(start)
        if a is None:
            return None
        b = self.at(max(start, end - 1)) or a
        return _words(a, b, lang), _fields(a, b)


_KEYS = {"p": ("paragraph",), "c": ("table", "row", "column"), "l": ("page", "line")}


def _fields(a: Place, b: Place) -> dict:
    out = dict(zip(_KEYS[a[0]], a[1:]))
    if b != a and b[0] == a[0]:
        for k, v0, v1 in zip(_KEYS[a[0]], a[1:], b[1:]):
            if v1 != v0:
                out[f"end_{k}"] = v1
    return out


def _words(a: Place, b: Place, lang: str) -> str:
    en = lang == "en"
    kind = a[0]
    if b[0] != kind:
        b = a
    if kind == "p":
        if b[1] != a[1]:
            return f"paragraphs {a[1]}-{b[1]}" if en else f"第{a[1]}–{b[1]}段"
        return f"paragraph {a[1]}" if en else f"第{a[1]}段"
    if kind == "c":
        _, t, r, c = a
        if b[1] != t:
            return f"tables {t}-{b[1]}" if en else f"表{t}–表{b[1]}"
        if b[2] != r:
            return f"table {t}, rows {r}-{b[2]}" if en else f"表{t} 第{r}–{b[2]}行"
        if b[3] != c:
            return f"table {t}, row {r}, columns {c}-{b[3]}" if en else f"表{t} 第{r}行第{c}–{b[3]}列"
        return f"table {t}, row {r}, column {c}" if en else f"表{t} 第{r}行第{c}列"
    _, p, ln = a
    if b[1] != p:
        return (f"page {p}, line {ln} to page {b[1]}, line {b[2]}" if en
                else f"第{p}页 第{ln}行至第{b[1]}页 第{b[2]}行")
    if b[2] != ln:
        return f"page {p}, lines {ln}-{b[2]}" if en else f"第{p}页 第{ln}–{b[2]}行"
    return f"page {p}, line {ln}" if en else f"第{p}页 第{ln}行"


# ------------------------------------------------------------------------ tables


@dataclass
class GridCell:
    """A table cell placed on the grid (0-based row and column of its top-left corner)."""

    row: int
    col: int
    rowspan: int
    colspan: int
    content: Builder  # the cell's text, rendered on its own (one line)
    start: int = 0  # original anchors for the pipes around it
    end: int = 0


def place_cells(rows: list[list[tuple]]) -> list[GridCell]:
    """The HTML table model: ``rows`` of (rowspan, colspan, content, start, end, skip_before)
    in source order; each cell takes the first grid column its row has free, after
    ``skip_before`` columns (Word's gridBefore). Returns the cells with their grid places."""
    taken: set = set()
    out: list[GridCell] = []
    nrows = len(rows)
    for r, cells in enumerate(rows):
        col = 0
        for rowspan, colspan, content, start, end, skip in cells:
            col += skip
            while (r, col) in taken:
                col += 1
            rowspan = max(1, min(rowspan, nrows - r))
            colspan = max(1, min(colspan, 100))  # (HTML allows 1000: no report table is that wide)
            for dr in range(rowspan):
                for dc in range(colspan):
                    taken.add((r + dr, col + dc))
            out.append(GridCell(r, col, rowspan, colspan, content, start, end))
            col += colspan
    return out


def render_table(b: Builder, number: int, cells: list[GridCell], row_ends: list[int]) -> None:
    """Write a table as pipe rows: each cell once, in the row where it starts, in grid
    order. A merged cell's other rows and columns get nothing (its text never becomes a second
    value); a row with no text at all is left out. Each cell's place is (table, row, column),
    1-based, the column on the grid."""
    by_row: dict[int, list[GridCell]] = {}
    for c in cells:
        by_row.setdefault(c.row, []).append(c)
    for r in sorted(by_row):
        row = sorted(by_row[r], key=lambda c: c.col)
        if not any(c.content.n for c in row):
            continue
        for k, c in enumerate(row):
            b.place(("c", number, r + 1, c.col + 1))
            if k == 0:
                b.synth("| ", c.start)
            b.extend(c.content)
            b.synth(" |", c.end)
            if k + 1 < len(row):
                b.synth(" ", c.end)
        b.synth("\n", row_ends[r] if r < len(row_ends) else row[-1].end)


# ---------------------------------------------------------------- running text


def is_wide(ch: str) -> bool:
    """CJK characters and punctuation: no space is needed between two of them."""
    return ch >= "\u2e80"


class Flow:
    """Inline text into a Builder: whitespace runs collapse to one space (none at a line's
    start or end, none where a line break in the source falls between two CJK characters),
    block boundaries end the line. In a table cell (``cell=True``) a block boundary or <br>
    is a soft break instead: nothing between CJK characters, else a space."""

    __slots__ = ("b", "cell", "space", "soft", "line_open", "on_new_line")

    def __init__(self, b: Builder, cell: bool = False, on_new_line=None) -> None:
        self.b = b
        self.cell = cell
        self.space: Optional[int] = None  # original offset of a pending space
        self.soft = False  # the pending space came from a line break
        self.line_open = False  # the current line has text
        self.on_new_line = on_new_line  # called before the first text of each line

    def words(self, s: str, pairs: Optional[list], origin: int, end: int) -> None:
        """Text with collapsible whitespace; ``pairs`` is its map (None: linear from origin)."""
        for m in _WS_OR_WORD.finditer(s):
            i, j = m.span()
            if m.group(1) is not None:  # whitespace
                if self.line_open and self.space is None:
                    self.space = _orig(pairs, origin, i)
                    self.soft = "\n" in m.group(1)
                elif self.space is not None and "\n" in m.group(1):
                    self.soft = True
                continue
            self._before(s[i])
            if pairs is None:
                self.b.put(s[i:j], origin + i)
            else:
                sub, e = _slice(pairs, i, j, len(s), end)
                self.b.put_mapped(s[i:j], sub, e)

    def raw(self, s: str, origin: int) -> None:
        """Text written as it is (no collapsing), one line: .docx runs."""
        if not s:
            return
        self._before(s[0])
        self.b.put(s, origin)

    def _before(self, first: str) -> None:
        if not self.line_open:
            if self.on_new_line is not None:
                self.on_new_line()
            self.line_open = True
            self.space = None
            return
        if self.space is not None:
            if not (self.soft and is_wide(self.b.last) and is_wide(first)):
                self.b.synth(" ", self.space)
            self.space = None

    def brk(self, anchor: int) -> None:
        """A line break (<br>, w:br) or block boundary."""
        if self.cell:
            if self.line_open and self.space is None:
                self.space = anchor
                self.soft = True
            return
        self.end_line(anchor)

    def end_line(self, anchor: int) -> None:
        if self.line_open:
            self.b.synth("\n", anchor)
            self.line_open = False
        self.space = None


import re as _re  # noqa: E402

_WS_OR_WORD = _re.compile(r"([ \t\n\r\f\xa0\u3000]+)|[^ \t\n\r\f\xa0\u3000]+")  # no-break and ideographic spaces too: indentation


def _orig(pairs: Optional[list], origin: int, i: int) -> int:
    if pairs is None:
        return origin + i
    j = bisect_right(pairs, (i, float("inf"))) - 1
    k, o = pairs[max(j, 0)]
    return o + i - k


def _slice(pairs: list, i: int, j: int, n: int, end: int) -> tuple[list, int]:
    """The breakpoints of s[i:j] (indices from 0, len(s) == n) and the original offset after it."""
    out = [(0, _orig(pairs, 0, i))]
    for k, o in pairs:
        if i < k < j:
            out.append((k - i, o))
    return out, (end if j >= n else _orig(pairs, 0, j))
