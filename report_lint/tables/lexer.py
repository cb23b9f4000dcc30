"""The table lexer: any text layout in, one stream of typed cell tokens out.

Tables arrive as pipe rows, one cell per line, markdown, tab-separated rows, PDF text with
space-separated cells or as a single line with no separators at all (FORMAT.md §7). The
lexer treats every separator alike (a cell boundary) and classifies what lies between:

    MAJOR    一、 二、 …          ordinal of a top-level row
    PAREN    (一) (二) …          ordinal of an outcome row or group
    ITEM     1. 2. …             ordinal of a numbered sub-row
    CAPTION  第二十条第(一)项      group caption of the active table
    TEXT     label text
    NUM      a number cell (1, 3,711, +2, 减3 and 减少3 as -3, 19.5, 251000元)
    NULL     a placeholder cell (/ - — 无; 0/0, a 本年增/减 cell written as 增/减 counts: no one
             value)
    EMPTY    a blank cell between two delimiters on one line

so the grammar sees the same stream whatever the layout. Row boundaries are not trusted:
the grammar finds rows from the alternation of labels and values. Adjacent value cells
reach the parser as one VALUES token carrying its cells (as a lexer hands over a string
literal whole): the grammar decides which row they belong to, the reader fits them to the
row's columns. This keeps the parser's work per row, not per cell.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple, Optional, Union


ORDINALS = frozenset(("MAJOR", "PAREN", "ITEM"))
VALUES = frozenset(("NUM", "NULL", "EMPTY"))


_new = tuple.__new__  # Tok(...) without the Python-level __new__ NamedTuple adds


class Tok(NamedTuple):
    """A cell token, as the lexer makes it and as Lark's parser takes it (a tuple is cheaper
    to make than lark.Token, a str subclass; the parser reads only ``type``)."""

    type: str
    value: str
    start_pos: int
    end_pos: int

    # what Lark reads when it makes the end-of-input token from the last one
    line = column = end_line = end_column = None


class CellRun(NamedTuple):
    """A VALUES token: a run of adjacent value cells, handed to the parser as one token."""

    type: str
    value: str
    start_pos: int
    end_pos: int
    cells: list[Tok]

    line = column = end_line = end_column = None

CN_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}

_NUMERAL = "一二三四五六七八九十"
_DASHES = "/—–\\-~"
_BOUNDARY = " \t|\n"
SEPARATORS = " \t|\n\r\f\v\u3000\xa0"  # what stands between cells, never in one
_RUN_CHARS = frozenset(_DASHES + _NUMERAL)  # what _MASTER's look-behinds look for

# Page furniture (- 3 -, 第3页 共5页, 3/5) and markdown rules (|---|---|) are blanked out of
# the region first (same length, so positions hold); they are never cells. Each run of spaces,
# dashes or colons can be read one way only (two ways per run made a long run of dashes take
# exponential time): a markdown rule is runs of three or more dashes, each with an optional
# colon on either side, the runs apart by spaces and at most one pipe, a pipe allowed at
# either end.
_RULE_GAP = r"(?::(?:[ \t]+(?:\|[ \t]*)?|\|[ \t]*)?:?|(?:[ \t]+(?:\|[ \t]*)?|\|[ \t]*):?)?"
_FURNITURE = re.compile(
    rf"""^[ \t]*(?:[{_DASHES}]+[ \t]*\d{{1,4}}[ \t]*[{_DASHES}]+[ \t]*
        |第[ \t]*\d+[ \t]*页(?:[ \t]*(?:[/,][ \t]*)?共[ \t]*\d+[ \t]*页)?[ \t]*
        |\d+[ \t]*/[ \t]*\d+[ \t]*
        |(?:\|[ \t]*)?:?-{{3,}}(?!-)(?:{_RULE_GAP}-{{3,}}(?!-))*:?[ \t]*(?:\|[ \t]*)?)$""",
    re.X | re.M,
)

_FURNITURE_CHARS = "页" + _DASHES

# A line break after an ordinal that digits run into (…20000022. / 申请人…, a page's furniture
# blanked between them: a one-line page re-wrapped): the ordinal and its label wrapped apart.
# Only after digits: an ordinal on a line of its own above a label wrapped one character a line
# (3. / 补 / 正后 …) is another layout. Bounded, so that a long run of spaces is read once.
_WRAP = r"(?:[ \t]{0,8}\n[ \t\n]{0,60})?"

# One match per token, with the separators before it: fewer trips through the Python loop.
# No alternative starts inside a run of dashes or of numerals: a placeholder is a whole run of
# dashes (and where the run's first dash is not one, no later dash is), and a run of numerals
# in a label is taken whole (the look-ahead then reads the run once, not once per numeral: an
# atomic group, written as a look-ahead and a back-reference). Both made a long run quadratic.
# Each alternative's first character stands before its group (the group names the kind; only
# the end of the match is read): re skips an alternative that begins with a character class
# on the class alone, and enters one that begins with a group. A test compares this with the
# pattern written plainly (tests/test_tables_layouts.py, _plain_master).
_MASTER = re.compile(
    rf"""
    (?P<sep>[ \t|\f\v\n?]*)
    (?:[{_NUMERAL}](?P<MAJOR>[{_NUMERAL}]?[ \n]*、)
    |\((?P<PAREN>[ \n]*[{_NUMERAL}]{{1,2}}[ \n]*\))
    |[1-9](?P<ITEM>[ ]?[.、](?=[ ]?[^\d\s|.])|(?<=\d[1-9])[.、](?={_WRAP}[^\d\s|.]))
    |\d(?P<PROSE>\d*(?:\.\d+)?[ \t]{{1,2}}[年月日号条件宗项个次人份%％倍])
    |\d(?P<NUMI>\d*?(?=[1-9][.、]{_WRAP}[^\d\s|.]))
    |[\d+\-增减](?P<NUM>
        (?:(?<=\d)(?!\d*/\d+(?:[ \t|\n]|$))(?:\d{{0,2}}(?:,\d{{3}})+|\d*)
        |(?<=[+-])(?:\d{{1,3}}(?:,\d{{3}})+|\d+)
        |(?:(?<=增)加?|(?<=减)少?)(?=\d)(?:\d{{1,3}}(?:,\d{{3}})+|\d+))
        (?:\.\d+)?(?:万元|元|万)?)
    |[{_DASHES}无\d](?P<NULL>(?:(?<=[{_DASHES}])(?<![{_DASHES}][\s\S])[{_DASHES}]*|(?<=无)|(?<=\d)\d*/\d+)(?=[ \t|\n]|$))
    |(?P<TEXT>(?:[^|\t\n \f\v\d({_NUMERAL}{_DASHES}]+|(?=[{_NUMERAL}])(?<![{_NUMERAL}])(?=(?P<numerals>[{_NUMERAL}]+))(?P=numerals)(?![ \n]*、))+|.)
    |(?P<END>$))
    """,
    re.X,
)

_CAPTION = re.compile(rf"第[{_NUMERAL}]+条(?:第?\(?[{_NUMERAL}]+\)?项)?")

# Markdown heading marks (### 一、本年新收…, as OCR and converters write each row under its own
# heading) and bold marks are layout, not label text: blanked like furniture. So is a line break
# inside a markdown cell (pymupdf4llm: |行政规范性文件|3<br>0<br>101|): it stands between two
# cells' texts, which would otherwise run together (3<br>0<br> taken as label text).
_MARKUP = re.compile(r"^[ \t]*#{1,6}(?=[ \t])|\*\*|<br[ ]?/?>", re.M)

# A made-up header cell (数据1, 列2, Column 3): the number is part of its text.
_HEADER_CELL = re.compile(r"(?:数据|列|字段|[Cc]olumn|[Cc]ol)[ ]?$")
# A line holding nothing but "|" among separators: a blank cell where cell lines end in "|".
_LONE_PIPE = re.compile(r"\n[ \t]*\|[ \t]*(?=\n)")
# A line holding two or more pipes and nothing else (with cells one per line: padding).
_PAD_LINE = re.compile(r"\n[ \t]*\|(?:[ \t]*\|)+[ \t]*(?=\n|$)")
PAD = "pad"  # the value of an EMPTY token that is padding, not a cell in its place
# A line holding nothing but spaces, between two line breaks (the look-ahead lets two such
# lines share the break between them).
_WS_LINE = re.compile(r"\n[ \t]+(?=\n)")


def _own_line(src: str, start: int, sep_start: int) -> bool:
    """The token at ``start`` (its separators begin at ``sep_start``) stands alone on its line:
    only spaces before it since the line break and a line break right after it."""
    i = start - 1
    while i >= 0 and src[i] in " \t":
        i -= 1
    if i >= 0 and src[i] != "\n":
        return False
    j = sep_start
    while j < len(src) and src[j] in " \t":
        j += 1
    return j < len(src) and src[j] == "\n"


def ordinal_value(tok) -> int:
    """The number an ordinal token stands for: 三、 -> 3, (四) -> 4, 2. -> 2."""
    return _ordinal_number(tok.value)


@lru_cache(maxsize=256)  # a table's ordinals are a few dozen strings, read again and again
def _ordinal_number(s: str) -> int:
    digits = "".join(ch for ch in s if ch.isdigit())
    if digits:
        return int(digits)
    total = 0
    for ch in s:
        v = CN_DIGITS.get(ch)
        if v is None:
            continue
        if v == 10:
            total = (total or 1) * 10
        else:
            total += v
    return total


@dataclass
class Lexed:
    tokens: list[Union[Tok, CellRun]]  # what the grammar parses (VALUES tokens are CellRun)
    stray: list[Tok] = field(default_factory=list)  # text that belongs to no row (headers, wrap tails)


def _raw_tokens(
    text: str, start: int, end: int, ordinals: bool, captions: bool, row_start: Optional[re.Pattern]
) -> list[Tok]:
    """First pass: classify the characters of text[start:end] into cell tokens."""
    # Positions stay those of text: the regex runs over text[start:end] in place.
    src = text
    region = text[start:end]
    blanked = region
    # every kind of furniture holds 页, / or a dash: most tables hold none (no search then)
    if any(c in region for c in _FURNITURE_CHARS) and _FURNITURE.search(region):
        blanked = _FURNITURE.sub(lambda m: " " * len(m.group()), blanked)
    if ("#" in region or "**" in region or "<br" in region) and _MARKUP.search(region):
        blanked = _MARKUP.sub(lambda m: " " * len(m.group()), blanked)
    if blanked is not region:
        src = text[:start] + blanked + text[end:]
    if start and src[start - 1] in _RUN_CHARS:
        # _MASTER's look-behinds must not see a run going on before the region starts (the
        # region's first character starts a token whatever precedes it)
        src = src[: start - 1] + "\n" + src[start:]
    out: list[Tok] = []
    append = out.append
    # The current cell's text, merged across fragments with no boundary between.
    text_start = -1
    text_end = -1
    prev_kind = ""  # kind of the last emitted token

    def flush_text() -> str:
        nonlocal text_start
        pos = text_start
        if captions:
            # A caption is its own token even when text runs into it (one-line web pages).
            for m in _CAPTION.finditer(src, text_start, text_end):
                if m.start() > pos:
                    append(_new(Tok, ("TEXT", src[pos : m.start()], pos, m.start())))
                append(_new(Tok, ("CAPTION", m.group(), m.start(), m.end())))
                pos = m.end()
        if pos < text_end:
            append(_new(Tok, ("TEXT", src[pos:text_end], pos, text_end)))
        text_start = -1
        return out[-1].type

    match = _MASTER.match
    run_on = _NUM_RUN.match
    pos = start
    while True:
        m = match(src, pos, end)
        if m is None:  # not reached (every position matches something); as finditer would
            m = _MASTER.search(src, pos, end)
            if m is None:
                break
        pos = m.end()
        kind = m.lastgroup
        ss, s = m.span(1)
        boundary = s > ss or ss == start
        if boundary:
            if text_start >= 0:
                prev_kind = flush_text()
            # Two delimiters on one line with only spaces between enclose a blank cell (after
            # a cell or a label). Every token ends such a line's run, so the separators before
            # a token are all there is to look at. Where every cell line ends with its own
            # "|" (one cell per line), a line holding nothing but "|" is a blank cell too.
            if s - ss > 1 and prev_kind in _BLANK_AFTER and src[ss:s] not in _INERT_SEPS:
                sep = src[ss:s]
                pipes = sep.count("|")
                lone = pipes > 1 and sep.count("\n") > 1 and _LONE_PIPE.search(sep) is not None
                if pipes + sep.count("\t") > 1 and not lone:
                    pending = False
                    # One cell per line, each ending in "|", then a line of pipes alone: the
                    # page padded the row to the table's width there; those blanks hold no place.
                    pad = "\n" in sep and _PAD_LINE.search(sep) is not None and "|" in sep[: sep.index("\n")]
                    value = ""
                    for k, ch in enumerate(sep, ss):
                        if ch == "|" or ch == "\t":
                            if pending:
                                append(_new(Tok, ("EMPTY", value, k, k)))
                                prev_kind = "EMPTY"
                            pending = True
                        elif ch == "\n":
                            pending = False
                            value = PAD if pad else ""
                elif lone:  # a line of its own holding only "|" (rare: the slow loop)
                    pending = False
                    own_line = False  # the current line began inside these separators
                    closed = False  # the line before ended with "|"
                    lone = -1  # position of the only "|" of a line that holds nothing else
                    seen = 0  # delimiters on the current line
                    for k, ch in enumerate(sep, ss):
                        if ch == "|" or ch == "\t":
                            if pending:
                                append(_new(Tok, ("EMPTY", "", k, k)))
                                prev_kind = "EMPTY"
                            pending = True
                            seen += 1
                            lone = k if seen == 1 and ch == "|" else -1
                        elif ch == "\n":
                            if own_line and seen == 1 and lone >= 0 and closed:
                                append(_new(Tok, ("EMPTY", "", lone, lone)))
                                prev_kind = "EMPTY"
                            j = k - 1
                            while src[j] in " \t":
                                j -= 1
                            closed = src[j] == "|"
                            pending = False
                            own_line = True
                            seen = 0
                            lone = -1
                        elif ch not in " \t":
                            lone = -1
                elif not pipes and sep.count("\n") > 1 and _WS_LINE.search(sep) and out and _own_line(src, out[-1][2], ss):
                    # One cell per line with blank lines between cells: a line holding only
                    # spaces (a &nbsp; cell) is a blank cell, so a lone number is one cell
                    # (148, not the digits 1, 4, 8 run together).
                    for ws in _WS_LINE.finditer(sep):
                        k = ss + ws.start() + 1
                        append(_new(Tok, ("EMPTY", "", k, k)))
                        prev_kind = "EMPTY"
        if kind == "TEXT" or kind == "PROSE":  # PROSE: "2023 年", "3 件", spaces or not
            if text_start < 0:
                text_start = s
            text_end = m.end()
            continue
        if kind == "END":
            break
        e = m.end()
        value = src[s:e]
        if kind == "NUM" or kind == "NUMI":
            # A number is a cell only if it ends at a boundary or where a row begins:
            # "共计19万元。" and "2024年" are prose, "…数量 713000074二、…" is a run-together row.
            if not boundary and text_start >= 0 and e - s <= 2 and _HEADER_CELL.search(src, max(text_start, s - 8), s):
                pass  # 数据1: a made-up header cell, the number is part of it
            elif (
                kind == "NUMI"
                or e == end
                or src[e] in _BOUNDARY
                or (src[e] in "+-" and e + 1 < end and src[e + 1].isdigit())  # 45-8: a signed cell follows
                or _ORDINAL_START.match(src, e, end)
                or (row_start is not None and row_start.match(src, e, end))
                or _cut_start(src, e, end, row_start)
            ):
                if text_start >= 0:
                    flush_text()
                append(_new(Tok, ("NUM", value, s, e)))
                prev_kind = "NUM"
                r = run_on(src, e, end)
                if r is not None:  # more plain cells: each would be this branch again
                    pos = r.end()
                    out.extend([_new(Tok, ("NUM", d[0], d.start(), d.end())) for d in _DIGITS.finditer(src, e, pos)])
                continue
        elif kind == "NULL":
            if boundary and text_start < 0:
                append(_new(Tok, ("NULL", value, s, e)))
                prev_kind = "NULL"
                continue
        elif ordinals:  # MAJOR, PAREN, ITEM
            prev_char = src[s - 1] if s > start else "\n"
            if boundary or kind == "ITEM" or prev_char.isdigit() or (kind == "PAREN" and prev_char != "第"):
                if text_start >= 0:
                    flush_text()
                append(_new(Tok, (kind, value, s, e)))
                prev_kind = kind
                continue
        # Not a cell after all: part of the label text.
        if text_start < 0:
            text_start = s
        text_end = e
    if text_start >= 0:
        flush_text()
    return out


_BLANK_AFTER = frozenset(("NUM", "NULL", "EMPTY", "TEXT"))
# The separators most cells are apart by, which enclose no blank cell (at most one | or tab,
# no line of spaces alone): skipped without looking into them (two thirds of all tokens).
_INERT_SEPS = frozenset((" | ", " |\n", "|\n", " |\n\n", "|\n\n", "| ", "\n\n", "\n\n\n", "  ", "   ", "    "))


def _trie(words) -> str:
    """A regex matching exactly the given strings, written as a tree of their characters: each
    character is tested once, whatever the number of strings (an alternation of them tries each
    in turn), and the text of the pattern is the same in every process (a set's order is not)."""
    tree: dict = {}
    for w in words:
        node = tree
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        alts = [re.escape(ch) + emit(node[ch]) for ch in sorted(node) if ch]
        if "" in node and alts:
            alts.append("")  # a word ends here too: tried after the longer ones (not "(…)?",
            # which re runs as a repeat, several times slower than an empty branch)
        return "" if not alts else alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"

    return emit(tree)


# A run of plain number cells after a number cell, each after inert separators (above, or one
# separator character): what the loop would read as NUM tokens one by one, read at once. Each
# number must end where _MASTER would take it for a cell, and not where it would take it for
# an ordinal (3 、) or prose (5 件); anything else ends the run and the loop reads it.
_NUM_RUN = re.compile(
    "(?:(?:" + _trie(_INERT_SEPS | set(" \t|\n"))
    + r")\d+(?=[ \t|\n]|\Z)(?![ ]?[.、]|[ \t]{1,2}[年月日号条件宗项个次人份%％倍]))+"
)
_DIGITS = re.compile(r"\d+")

_LEVEL = {"MAJOR": 0, "PAREN": 1, "ITEM": 2}


def _blank_row(raw: list[Tok], last_text: int, j: int, i: int) -> bool:
    """Whether the blanks after an ordinal's label are that row's cells, left all blank.

    Some offices leave whole rows empty (every cell a lone "|"). Such a row has no value to
    anchor it, so its blanks count as its cells only where the next row begins at the same
    level or higher (1. … 2., （二）… （三）, 8. … （四）) or the table ends: blanks before a
    deeper ordinal (（三）不予公开 | | | 1.属于国家秘密) are a group caption's merged cells.
    """
    if sum(1 for k in range(last_text + 1, j) if raw[k][0] == "EMPTY") < 2:
        return False
    k = i - 1
    while k >= 0 and raw[k][0] not in ORDINALS:
        k -= 1
    if k < 0:
        return False
    if j >= len(raw):
        return True
    nxt = raw[j][0]
    return nxt in ORDINALS and _LEVEL[nxt] <= _LEVEL[raw[k][0]]


_ORDINAL_START = re.compile(
    rf"[{_NUMERAL}]{{1,2}}[ \n]*、|\([ \n]*[{_NUMERAL}]{{1,2}}[ \n]*\)|[1-9][.、]{_WRAP}[^\d\s|.]"
    rf"|第[ \n]*[{_NUMERAL}](?:[ \n]*[{_NUMERAL}])*[ \n]*条"
)

# Where the text stops right inside the next row's start (a one-line page cut at "…141414第"),
# what is left can only be the beginning of that start: the number before it is a cell.
_CUT_ORDINAL = re.compile(rf"第[{_NUMERAL}]*|\((?:[ ]*[{_NUMERAL}]{{1,2}})?")


def _cut_start(src: str, e: int, end: int, row_start: Optional[re.Pattern]) -> bool:
    if not 0 < end - e <= 8 or len(src) - end > 64 or src[end:].strip():
        return False  # not where the text itself stops
    tail = src[e:end]
    if _CUT_ORDINAL.fullmatch(tail):
        return True
    return row_start is not None and any(label.startswith(tail) for label in _labels(row_start))


@lru_cache(maxsize=8)
def _labels(row_start: re.Pattern) -> tuple[str, ...]:
    """The row labels an alternation of escaped labels (reader._active_row_start) was made of."""
    return tuple(re.sub(r"\\(.)", r"\1", a) for a in re.split(r"(?<!\\)\|", row_start.pattern))


def lex(
    text: str,
    start: int,
    end: int,
    *,
    ordinals: bool = True,
    captions: bool = False,
    row_start: Optional[re.Pattern] = None,
) -> Lexed:
    """Tokens for the grammar from text[start:end].

    With ``ordinals=False`` (active and reviews tables, which have no ordinal structure)
    ordinal-looking text stays label text; ``captions=True`` (active table) marks the
    第二十条第（一）项 group captions. ``row_start`` matches where a row can begin (the
    table's row labels): in text with no separators a number followed by one is a cell.

    Second pass: text that belongs to no row is set aside (a run of text that follows a
    row's values and runs into the next ordinal: captions printed one character per line,
    the tail of a wrapped label, header cells) and blank cells are kept only where they can
    be a value (after a value, or between a label and its values).
    """
    raw = _raw_tokens(text, start, end, ordinals, captions, row_start)
    out: list[Union[Tok, CellRun]] = []  # for the parser; adjacent values are collected in `cells`
    stray: list[Tok] = []
    cells: list[Tok] = []
    prev = ""  # type of the last token kept
    n = len(raw)
    i = 0
    while i < n:
        t = raw[i]
        ty = t[0]
        if ty != "TEXT" and ty != "EMPTY":
            if ty == "NUM" or ty == "NULL":
                cells.append(t)
            else:
                if cells:
                    out.append(_run(text, cells))
                    cells = []
                out.append(t)
            prev = ty
            i += 1
            continue
        j = i + 1
        while j < n and raw[j][0] in ("TEXT", "EMPTY"):
            j += 1
        followed_by_values = j < n and raw[j][0] in ("NUM", "NULL")
        # Text is a label when an ordinal precedes it or values follow it; otherwise it
        # belongs to no row. Blanks before the first text finish the previous row; blanks
        # after the last text start this row's values; blanks between texts are residue.
        keep_text = prev in ORDINALS or followed_by_values
        lead_blanks = prev in ("NUM", "NULL") or (followed_by_values and prev in ORDINALS)
        texts = [k for k in range(i, j) if raw[k][0] == "TEXT"]
        first_text = texts[0] if texts else j
        last_text = texts[-1] if texts else j
        if not followed_by_values and prev in ORDINALS and texts and _blank_row(raw, last_text, j, i):
            followed_by_values = True  # a row left wholly blank: its blank cells are its values
        blank_row = False  # the blanks that follow are the cells of a row left all blank
        for k in range(i, j):
            r = raw[k]
            if r[0] == "TEXT":
                # A row's own label (规章, 行政许可: row_start says) followed by blank cells and
                # then more text is a row whose cells are all blank, not residue.
                blank_row = (row_start is not None and k + 1 < j and raw[k + 1][0] == "EMPTY"
                             and (k != last_text or not followed_by_values)
                             and row_start.fullmatch(r[1].strip()) is not None)
                if keep_text or blank_row:
                    if cells:
                        out.append(_run(text, cells))
                        cells = []
                    out.append(r)
                    prev = "TEXT"
                else:
                    stray.append(r)
            elif (k < first_text and lead_blanks) or (k > last_text and keep_text and followed_by_values) or blank_row:
                cells.append(r)  # a blank value cell
        i = j
    if cells:
        out.append(_run(text, cells))
    # Every row ends with its values: ordinals and labels after the last values are
    # captions of nothing (a table cut off after a label). Set them aside.
    while out and out[-1].type != "VALUES":
        t = out.pop()
        stray.append(t if type(t) is Tok else Tok(t.type, t.value, t.start_pos, t.end_pos))
    # Likewise numbers before any label belong to no row.
    if out and out[0].type == "VALUES":
        t = out.pop(0)
        stray.extend(t.cells)
    return Lexed(out, stray)


def _run(text: str, cells: list[Tok]) -> CellRun:
    start, end = cells[0][2], cells[-1][3]
    return _new(CellRun, ("VALUES", text[start:end], start, end, cells))
