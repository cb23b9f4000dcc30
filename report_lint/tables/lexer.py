"""The table lexer: any text layout in, one stream of typed cell tokens out.

Tables arrive as pipe rows, one cell per line, markdown, tab-separated rows, PDF text with
space-separated cells or as a single line with no separators at all (FORMAT.md §7). The
lexer treats every separator alike (a cell boundary) and classifies what lies between:

    MAJOR    一、 二、 …          ordinal of a top-level row
    PAREN    (一) (二) …          ordinal of an outcome row or group
    ITEM     1. 2. …             ordinal of a numbered sub-row
    CAPTION  第二十条第(一)项      group caption of the active table
    TEXT     label text
    NUM      a number cell (1, 3,711, +2, 19.5, 251000元)
    NULL     a placeholder cell (/ - — 无)
    EMPTY    a blank cell between two delimiters on one line

so the grammar sees the same stream whatever the layout. Row boundaries are not trusted:
the grammar finds rows from the alternation of labels and values.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lark import Token

ORDINALS = frozenset(("MAJOR", "PAREN", "ITEM"))
VALUES = frozenset(("NUM", "NULL", "EMPTY"))

CN_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}

_NUMERAL = "一二三四五六七八九十"
_DASHES = "/—–\\-~"
_BOUNDARY = " \t|\n"

_MASTER = re.compile(
    rf"""
    (?P<FURN>^[ \t]*(?:[{_DASHES}]+[ \t]*\d{{1,4}}[ \t]*[{_DASHES}]+
        |第[ \t]*\d+[ \t]*页(?:[ \t]*[/,]?[ \t]*共[ \t]*\d+[ \t]*页)?
        |\d+[ \t]*/[ \t]*\d+)[ \t]*$)
    |(?P<RULE>^[ \t]*\|?(?:[ \t]*:?-{{3,}}:?[ \t]*\|?)+[ \t]*$)
    |(?P<DELIM>[|\t])
    |(?P<NL>\n)
    |(?P<WS>[ \f\v]+)
    |(?P<MAJOR>[{_NUMERAL}]{{1,2}}[ \n]*、)
    |(?P<PAREN>\([ \n]*[{_NUMERAL}]{{1,2}}[ \n]*\))
    |(?P<ITEM>[1-9][ ]?[.、](?=[ ]?[^\d\s|.]))
    |(?P<NUMI>\d+?(?=[1-9][.、][^\d\s|.]))
    |(?P<NUM>[+-]?(?:\d{{1,3}}(?:,\d{{3}})+|\d+)(?:\.\d+)?(?:万元|元|万)?)
    |(?P<NULL>(?:[{_DASHES}]+|无)(?=[ \t|\n]|$))
    |(?P<TEXT>[^|\t\n \d({_NUMERAL}{_DASHES}]+|.)
    """,
    re.X | re.M,
)

_CAPTION = re.compile(rf"第[{_NUMERAL}]+条")


def ordinal_value(tok: Token) -> int:
    """The number an ordinal token stands for: 三、 -> 3, (四) -> 4, 2. -> 2."""
    s = tok.value
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
    tokens: list[Token]  # what the grammar parses
    stray: list[Token] = field(default_factory=list)  # text that belongs to no row (headers, wrap tails)


def _tok(kind: str, value: str, start: int, end: int) -> Token:
    return Token(kind, value, start_pos=start, end_pos=end)


def _raw_tokens(text: str, start: int, end: int, ordinals: bool, captions: bool) -> list[Token]:
    """First pass: classify the characters of text[start:end] into cell tokens."""
    out: list[Token] = []
    # The start of the current cell's text, merged across fragments with no boundary between.
    text_start = -1
    text_end = -1
    boundary = True  # a separator (or the region start) precedes the current position
    delim_pending = False  # a | or tab on this line with only spaces since
    prev_kind = ""  # kind of the last emitted token

    def flush_text() -> None:
        nonlocal text_start, prev_kind
        if text_start >= 0:
            value = text[text_start:text_end]
            kind = "CAPTION" if captions and _CAPTION.search(value) else "TEXT"
            out.append(_tok(kind, value, text_start, text_end))
            prev_kind = kind
            text_start = -1

    def add_text(s: int, e: int) -> None:
        nonlocal text_start, text_end
        if text_start < 0:
            text_start = s
        text_end = e

    for m in _MASTER.finditer(text, start, end):
        kind = m.lastgroup
        s, e = m.span()
        if kind in ("WS", "NL", "DELIM", "FURN", "RULE"):
            flush_text()
            if kind == "DELIM":
                if delim_pending and prev_kind in ("NUM", "NULL", "EMPTY", "TEXT"):
                    out.append(_tok("EMPTY", "", s, s))
                    prev_kind = "EMPTY"
                delim_pending = True
            elif kind != "WS":
                delim_pending = False
            boundary = True
            continue
        delim_pending = False
        after = text[e] if e < end else "\n"
        if kind in ("MAJOR", "PAREN", "ITEM"):
            prev_char = text[s - 1] if s > start else "\n"
            ok = ordinals and (
                boundary
                or prev_char.isdigit()
                or kind == "ITEM"
                or (kind == "PAREN" and prev_char != "第")
            )
            if ok:
                flush_text()
                out.append(_tok(kind, m.group(), s, e))
                prev_kind = kind
                boundary = False
                continue
            add_text(s, e)
            boundary = False
            continue
        if kind in ("NUM", "NUMI"):
            # A number is a cell only if it ends at a boundary or where a row ordinal begins:
            # "共计19万元。" and "2024年" are prose, "…数量 713000074二、…" is a run-together row.
            if kind == "NUMI" or after in _BOUNDARY or _starts_ordinal(text, e, end):
                flush_text()
                out.append(_tok("NUM", m.group(), s, e))
                prev_kind = "NUM"
                boundary = False
                continue
            add_text(s, e)
            boundary = False
            continue
        if kind == "NULL":
            if boundary and text_start < 0:
                out.append(_tok("NULL", m.group(), s, e))
                prev_kind = "NULL"
                boundary = False
                continue
        add_text(s, e)
        boundary = False
    flush_text()
    return out


_ORDINAL_START = re.compile(rf"[{_NUMERAL}]{{1,2}}[ \n]*、|\([ \n]*[{_NUMERAL}]{{1,2}}[ \n]*\)|[1-9][.、][^\d\s|.]")


def _starts_ordinal(text: str, pos: int, end: int) -> bool:
    return _ORDINAL_START.match(text, pos, end) is not None


def lex(text: str, start: int, end: int, *, ordinals: bool = True, captions: bool = False) -> Lexed:
    """Tokens for the grammar from text[start:end].

    With ``ordinals=False`` (active and reviews tables, which have no ordinal structure)
    ordinal-looking text stays label text; ``captions=True`` (active table) marks the
    第二十条第（一）项 group captions.

    Second pass: text that belongs to no row is set aside (a run of text that follows a
    row's values and runs into the next ordinal: captions printed one character per line,
    the tail of a wrapped label, header cells) and blank cells are kept only where they can
    be a value (after a value, or between a label and its values).
    """
    raw = _raw_tokens(text, start, end, ordinals, captions)
    tokens: list[Token] = []
    stray: list[Token] = []
    n = len(raw)
    i = 0
    while i < n:
        t = raw[i]
        ty = t.type
        if ty == "TEXT" or ty == "EMPTY":
            j = i
            while j < n and raw[j].type in ("TEXT", "EMPTY"):
                j += 1
            nxt = raw[j].type if j < n else ""
            prev = tokens[-1].type if tokens else ""
            run = raw[i:j]
            followed_by_values = nxt in ("NUM", "NULL")
            # Text is a label when an ordinal precedes it or values follow it; otherwise it
            # belongs to no row. Blanks before the first text finish the previous row; blanks
            # after the last text start this row's values; blanks between texts are residue.
            keep_text = prev in ORDINALS or followed_by_values
            texts = [k for k, r in enumerate(run) if r.type == "TEXT"]
            first_text = texts[0] if texts else len(run)
            last_text = texts[-1] if texts else len(run)
            for k, r in enumerate(run):
                if r.type == "TEXT":
                    (tokens if keep_text else stray).append(r)
                elif k < first_text:
                    if prev in ("NUM", "NULL") or (followed_by_values and prev in ORDINALS):
                        tokens.append(r)
                elif k > last_text and keep_text and followed_by_values:
                    tokens.append(r)
            i = j
            continue
        tokens.append(t)
        i += 1
    return Lexed(tokens, stray)
