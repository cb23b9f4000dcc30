"""Output for people at a terminal, modelled on ruff's full output::

    fixtures/r.txt:71:1: RL102 错误 第71行“本年新收”一行：各列之和 49 ≠ 总计 48
       |
    71 | 48 | 47 | 1 | 0 | 0 | 0 | 0 |
       | ^^
       |
       = 自然人 47 + 商业企业 1 + … = 49，总计 48
       = 相关：65:1 自然人 47

The excerpt shows the line exactly as written in the file, with the span underlined in display
cells: a CJK or full-width character takes two cells, a tab is expanded to the next multiple of
``TAB_SIZE`` (in the line and the underline alike), control characters are shown as visible
symbols (never sent raw to the terminal). East Asian *ambiguous* characters (“ ” … ① —) count
as one cell, as in nearly every terminal; a console set to draw them double-width will shift the
underline. A long line is cut to a window of about ``WINDOW`` cells around the span, with ``…``
on the cut sides.

The output is built as (text, style) pieces. Without colour they are simply joined (no ANSI
escapes, and nothing of rich but its cell widths is imported); with colour each styled piece is
rendered by rich's ``Style`` (see ``_ansi``). User text is never parsed as rich markup, so
``[`` ``]`` in a report or a path are printed as they are.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from itertools import accumulate
from typing import TYPE_CHECKING, Callable, Iterable, Optional, Sequence

from rich.cells import cell_len, get_character_cell_size

from ..findings import Severity
from ._common import RuleCount, Summary, Tally, joined

if TYPE_CHECKING:
    from ..findings import Diagnostic, FileResult
    from ..source import Source

TAB_SIZE = 4
WINDOW = 100  # display cells of a long line shown around the span
CONTEXT = 10  # cells kept before (or after) a span too wide to centre in the window
ELLIPSIS = "…"

_Piece = tuple[str, Optional[str]]
_Add = Callable[[_Piece], None]

_COLOR = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
_GUTTER = "bold blue"
_CUT = "dim"

# Characters a terminal would act on or not show: one visible cell each.
_VISIBLE: dict[int, str] = {c: chr(0x2400 + c) for c in range(0x20) if c != 0x09}  # ␀ … ␟
_VISIBLE[0x7F] = "\u2421"  # ␡
_VISIBLE.update(dict.fromkeys(range(0x80, 0xA0), "\ufffd"))  # C1 controls
_VISIBLE[0x2028] = "\u2424"  # ␤ line separator
_VISIBLE[0x2029] = "\u00b6"  # ¶ paragraph separator
_SPECIAL = re.compile("[\t\x00-\x1f\x7f-\x9f\u2028\u2029]")
# In one-line texts (path, message, detail lines): tabs and line ends become spaces.
_INLINE = dict(_VISIBLE)
_INLINE.update({0x09: " ", 0x0A: " ", 0x0D: " "})

MAX_RELATED = 8

_WORDS = {
    "zh": {"related": "相关：", "stats": "按规则统计：", "more": "另有 {n} 处相关位置（完整列表见 --format json）",
           "text": "（report-lint text 第 {l} 行第 {c} 列）", "years": "跨年度核对（同一机关不同年度的报告相互比较）：",
           "coverage": "检查范围："},
    "en": {"related": "related: ", "stats": "Statistics by rule:", "more": "{n} more related locations (see --format json)",
           "text": " (report-lint text {l}:{c})", "years": "Across years (one body's reports checked against each other):",
           "coverage": "coverage: "},
}


def render(results: "list[FileResult]", *, lang: str = "zh", color: bool = False, statistics: bool = False) -> str:
    return joined(stream, results, lang=lang, color=color, statistics=statistics)


def stream(results: "Iterable[FileResult]", write: "Callable[[str], object]", *, lang: str = "zh",
           color: bool = False, statistics: bool = False) -> None:
    """Write each file's findings as soon as it is checked (in the order given), then the
    statistics and the summary; nothing of a file is kept after it is written."""
    tally = Tally()
    across = False
    # The last file's coverage line waits: with one file only, the summary says it instead.
    pending = ""
    for result in results:
        tally.add(result)
        if pending:
            write(pending)
            pending = ""
        pieces: list[_Piece] = []
        add = pieces.append
        if result.extra and result.diagnostics and not across:  # the cross-year findings follow
            across = True
            add((_WORDS[lang]["years"] + "\n\n", "bold"))
        source = _LastLine(result.source) if result.source is not None else None
        for d in result.diagnostics:
            _diagnostic(add, d, source, lang)
            add(("\n", None))
        if pieces:
            write(_join(pieces, color))
        cov = result.coverage
        if cov is not None and not cov.checked and not result.extra:
            # what was not checked, said with the file: a clean file here is not all clear
            pending = _join([(_inline(result.path), "bold"), (": ", None), (_WORDS[lang]["coverage"], "bold yellow"),
                             (cov.line + "\n\n", None)], color)
    if pending and not tally.summary().coverage:
        write(pending)
    tail: list[_Piece] = []
    if statistics:
        _statistics(tail.append, tally.rule_counts(), lang)
    _summary(tail.append, tally.summary(), lang)
    write(_join(tail, color))


class _LastLine:
    """A source's lines, the last one asked for kept: a file's findings come sorted by line, so
    the findings on one line (thousands, on the one line of a web page) share one copy of it
    instead of each copying the whole line."""

    __slots__ = ("source", "number", "text")

    def __init__(self, source) -> None:
        self.source = source
        self.number = 0
        self.text = ""

    def __getattr__(self, name: str):  # the rest (text_line of a page or document…) is the source's
        return getattr(self.source, name)

    def line_text(self, line: int) -> str:
        if line != self.number:
            self.text = self.source.line_text(line)  # IndexError passes through
            self.number = line
        return self.text


def _join(pieces: "list[_Piece]", color: bool) -> str:
    return _ansi(pieces) if color else "".join(s for s, _ in pieces)


# ------------------------------------------------------------------------ one diagnostic


def _inline(s: str) -> str:
    return s.translate(_INLINE)


def _diagnostic(add: _Add, d: "Diagnostic", source: "Optional[Source]", lang: str) -> None:
    color = _COLOR.get(d.severity, "red")
    add((_inline(d.path), "bold"))
    add((f":{d.line}:{d.column}: ", None))
    add((d.code, "bold"))
    add((" [*] " if d.fix is not None and d.fix.available else " ", None))  # fixable with --fix (ruff's mark)
    add((d.severity.text(lang), f"bold {color}"))
    add((f" {_inline(d.message)}\n", None))
    if source is None:
        return
    loc = d.locator
    if loc is not None:
        # A page, document or PDF: the place in words, and the line of the text report-lint
        # read from it (`report-lint text FILE`), underlined there.
        text = _WORDS[lang]["text"]
        add((f"  --> {_inline(loc.place)}{text.format(l=loc.text_line, c=loc.text_column)}\n", _GUTTER))
        excerpt = _excerpt_lines(_TextLines(source), loc) if hasattr(source, "text_line") else None
    else:
        excerpt = _excerpt_lines(source, d)
    if excerpt is None:
        return
    width = len(str(excerpt[-1][0]))  # the last row is always a numbered line
    blank = " " * width + " |"
    add((blank + "\n", _GUTTER))
    for number, cut_left, text, cut_right, u0, u1 in excerpt:
        if number is None:  # lines left out of a long multi-line span
            add((f"{ELLIPSIS:>{width}} |\n", _GUTTER))
            continue
        add((f"{number:>{width}} |", _GUTTER))
        if not cut_right:
            text = text.rstrip(" ")
        if cut_left or text or cut_right:
            add((" ", None))
        if cut_left:
            add((ELLIPSIS, _CUT))
        add((text, None))
        if cut_right:
            add((ELLIPSIS, _CUT))
        add(("\n", None))
        add((blank, _GUTTER))
        add((" " * (1 + cut_left + u0), None))
        add(("^" * (u1 - u0) + "\n", f"bold {color}"))
    add((blank + "\n", _GUTTER))
    eq = " " * (width + 1) + "="
    for line in d.detail.split("\n") if d.detail else ():
        add((eq, _GUTTER))
        add((f" {_inline(line)}\n", None))
    related = _WORDS[lang]["related"]
    # A person reads a handful of locations; the full list is in the machine formats.
    shown = d.related if len(d.related) <= MAX_RELATED else d.related[: MAX_RELATED - 1]
    for r in shown:
        add((eq, _GUTTER))
        where = f"{r.line}:{r.column}" if r.locator is None else f"{r.line}:{r.column} {_inline(r.locator.place)}"
        if r.path is not None:  # in another report (a cross-year finding)
            where = f"{_inline(r.path)}:{where}"
        add((f" {related}{where} {_inline(r.message)}\n", None))
    if len(shown) < len(d.related):
        add((eq, _GUTTER))
        add((" " + _WORDS[lang]["more"].format(n=len(d.related) - len(shown)) + "\n", None))


# (line number, or None for the lines left out; cut on the left, shown text, cut on the right,
# underline start, underline end)
_Row = tuple[Optional[int], bool, str, bool, int, int]


class _TextLines:
    """A source seen through the lines of its analysis text."""

    __slots__ = ("line_text",)

    def __init__(self, source) -> None:
        self.line_text = source.text_line


def _excerpt_lines(source: "Source", d) -> Optional[list[_Row]]:
    """The excerpt rows for a diagnostic (or a locator's text positions), or None when its
    position is not in the file."""
    if hasattr(d, "text_line"):
        line, col, end_line, end_col = d.text_line, d.text_column, d.text_end_line, d.text_end_column
    else:
        line, col, end_line, end_col = d.line, d.column, d.end_line, d.end_column
    try:
        first = source.line_text(line)
    except IndexError:
        return None
    if end_line > line and end_col <= 1:  # ends right after a line end: ends on the line before
        end_line -= 1
        end_col = None  # to the end of that line
    if end_line <= line:
        if end_col is None:
            end = len(first)
        else:  # an end before the start (never from the engine) underlines one cell
            end = end_col - 1 if end_line == line else col - 1
        return [(line, *_excerpt(first, col - 1, end))]
    try:
        last = source.line_text(end_line)
    except IndexError:
        return [(line, *_excerpt(first, col - 1, len(first)))]
    rows: list[_Row] = [(line, *_excerpt(first, col - 1, len(first)))]
    if end_line - line > 1:
        rows.append((None, False, "", False, 0, 0))
    rows.append((end_line, *_excerpt(last, 0, len(last) if end_col is None else end_col - 1, anchor_end=True)))
    return rows


def _layout(line: str) -> tuple[Sequence[str], list[int]]:
    """Per code point of ``line``: what is shown for it and how many cells that takes."""
    if line.isascii() and line.isprintable():
        return line, [1] * len(line)
    if not _SPECIAL.search(line):
        return line, list(map(get_character_cell_size, line))
    pieces: list[str] = []
    widths: list[int] = []
    column = 0
    size = get_character_cell_size
    visible = _VISIBLE
    for ch in line:
        if ch == "\t":
            w = TAB_SIZE - column % TAB_SIZE
            s = " " * w
        else:
            s = visible.get(ord(ch), ch)
            w = size(s)
        pieces.append(s)
        widths.append(w)
        column += w
    return pieces, widths


def _excerpt(line: str, a: int, b: int, anchor_end: bool = False) -> tuple[bool, str, bool, int, int]:
    """Show code points [a, b) of ``line`` underlined.

    Returns (cut on the left, shown text, cut on the right, underline start, underline end), the
    underline in cells from the start of the shown text (after the left ``…`` if any).
    """
    n = len(line)
    a = min(max(a, 0), n)
    b = min(max(b, a), n)
    # Only the code points that can reach the window are laid out (a line can be a whole web
    # page); tab stops then count from the cut, which only changes how wide a tab looks.
    lo_cp = max(0, a - WINDOW, b - 2 * WINDOW if anchor_end else 0)
    hi_cp = min(n, b + WINDOW, 1 << 62 if anchor_end else a + 2 * WINDOW)
    cut_before, cut_after = lo_cp > 0, hi_cp < n
    if cut_before or cut_after:
        line = line[lo_cp:hi_cp]
        a, b = max(a, lo_cp) - lo_cp, min(b, hi_cp) - lo_cp
    pieces, widths = _layout(line)
    n = len(pieces)
    starts = [0, *accumulate(widths)]
    ua, ub = starts[a], starts[b]
    if ub == ua:  # a zero-width span (or only zero-width characters): one caret
        ub = ua + 1
    extent = max(starts[-1], ub)
    i, j = 0, n
    if extent > WINDOW or cut_before or cut_after:
        span = ub - ua
        if span <= WINDOW - 2 * CONTEXT:
            lo = ua - (WINDOW - span) // 2
        elif anchor_end:
            lo = ub + CONTEXT - WINDOW
        else:
            lo = ua - CONTEXT
        lo = max(0, min(lo, extent - WINDOW))
        i = bisect_left(starts, lo, 0, n)  # first character starting in the window
        j = bisect_right(starts, lo + WINDOW, i, n + 1) - 1  # characters before j end in it
    base = starts[i]
    u0 = max(ua, base) - base
    u1 = (min(ub, starts[j]) if j < n or cut_after else ub) - base
    if u1 <= u0:
        u1 = u0 + 1
    return cut_before or i > 0, "".join(pieces[i:j]), cut_after or j < n, u0, u1


# --------------------------------------------------------------------- closing lines


def _statistics(add: _Add, rows: "list[RuleCount]", lang: str) -> None:
    if not rows:
        return
    code_w = max(len(r.code) for r in rows)
    name_w = max(cell_len(r.name) for r in rows)
    count_w = max(len(str(r.count)) for r in rows)
    add((_WORDS[lang]["stats"] + "\n", "bold"))
    for r in rows:
        name = _inline(r.name)
        add(("  ", None))
        add((r.code.ljust(code_w), "bold"))
        add((f"  {name}{' ' * (name_w - cell_len(name))}  {r.count:>{count_w}}\n", None))
    add(("\n", None))


def _summary(add: _Add, s: "Summary", lang: str) -> None:
    parts = [(s.errors, Severity.ERROR), (s.warnings, Severity.WARNING), (s.infos, Severity.INFO)]
    if lang == "en":
        if not s.total:
            # a file whose tables could not all be read is no clean bill of health
            add((f"Checked {_plural(s.files, 'file')}: no problems found.\n", "bold yellow" if s.unchecked else "bold green"))
        else:
            files = f" ({s.clean} clean, {s.with_errors} with errors)" if s.files > 1 else ""
            add((f"Checked {_plural(s.files, 'file')}{files}: ", None))
            for k, (n, sev) in enumerate(parts):
                add((_plural(n, sev.text("en")), f"bold {_COLOR[sev]}" if n else None))
                add((", " if k < 2 else ".\n", None))
        if s.coverage:
            add(("Coverage: ", "bold yellow" if s.unchecked else "bold"))
            add((s.coverage + ".\n", None))
        elif s.unchecked:
            add((f"The statistical tables of {_plural(s.unchecked, 'file')} were not all checked.\n", "bold yellow"))
        return
    if not s.total:
        add((f"共检查 {s.files} 个文件，未发现问题。\n", "bold yellow" if s.unchecked else "bold green"))
    else:
        files = f"（{s.clean} 个无问题，{s.with_errors} 个有错误）" if s.files > 1 else ""
        add((f"共检查 {s.files} 个文件{files}：", None))
        for k, (n, sev) in enumerate(parts):
            add((f"{n} 个{sev.text('zh')}", f"bold {_COLOR[sev]}" if n else None))
            add(("，" if k < 2 else "。\n", None))
    if s.coverage:
        add(("检查范围：", "bold yellow" if s.unchecked else "bold"))
        add((s.coverage + "。\n", None))
    elif s.unchecked:
        add((f"其中 {s.unchecked} 个文件的统计表未能全部核对。\n", "bold yellow"))


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


# ----------------------------------------------------------------------------- colour


def _ansi(pieces: list[_Piece]) -> str:
    """The pieces with ANSI colour codes (8 standard colours), as rich renders them.

    Each styled piece is rendered with ``rich.style.Style.render``: the same escapes a rich
    ``Console(force_terminal=True, color_system="standard")`` prints for a ``Text`` made of these
    pieces (tests check this), forty times faster on a thousand files. Plain pieces are user
    text and pass through untouched, so nothing in them is ever read as markup.
    """
    from rich.color import ColorSystem
    from rich.style import Style

    styles: dict[str, Style] = {}
    parts: list[str] = []
    add = parts.append
    for s, name in pieces:
        if name is None:
            add(s)
            continue
        style = styles.get(name)
        if style is None:
            style = styles[name] = Style.parse(name)
        body = s.rstrip("\n")  # line ends outside the escapes, as rich does
        if body:
            add(style.render(body, color_system=ColorSystem.STANDARD))
        add(s[len(body):])
    return "".join(parts)
