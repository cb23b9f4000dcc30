"""From parsed table entries to the canonical Table model.

Rows are identified by their place in the ordinal hierarchy (which group they sit in, which
ordinal they carry) together with the best fuzzy match of their label against the template
wordings; never by their position in the file. Values are fitted to the row's arity: blank
cells fill the missing places, run-together digits are split by the table's identities, and a
row that cannot be read with certainty is marked unread (null cells and a reason) instead of
guessed.

Nothing is guessed (README, principle 2). A value is placed in a cell only when its row and
column are certain. Where a placement is inferred, the table's identities are the evidence:

* run-together digits are split when exactly one split balances the row ("split"); when
  several do, the column identities may choose one ("columns"); when the only balancing
  split contradicts the columns while another split of the same digits agrees with them, the
  reading is doubtful and the row is not read ("contradicted");
* values detached from their labels (a block of label lines, then a block of bare value
  lines, as PDF-to-markdown converters write) are paired in order only when the label rows
  and the value lines match one to one, and every identity they take part in holds
  ("order"); otherwise those rows are not read ("detached").

Prose near a table is not a row (a sentence that ends with a number at a line end), and the
text stopping inside a table (an excerpt) is recorded on the table (``Table.cut``): the rows
after that point are not missing from the report, only from the text.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from functools import lru_cache
from operator import itemgetter
from typing import Optional


from .. import templates as tpl
from ..coverage import expected_requests
from ..model import ABSENT, MAX_DIGITS, MISSING, OK, TRUNCATED, Cell, ParseNote, Row, Span, Table
from . import lexer, parser
from .labels import bigrams, clean, core, similarity
from .recover import splits

_ACCEPT = 0.5  # label similarity needed without ordinal support
_WITH_ORDINAL = 0.25  # label similarity needed when the ordinal path agrees
_MAX_CELL = 24  # characters: a longer "number" is no count of anything (and int() of it is slow)
_OPTIONS = 16  # balancing splits of one run-together row kept for the column identities
_COMBINATIONS = 4096  # combinations of such rows tried against the column identities
_ALTERNATIVES = 400  # other splits of a recovered row tried when the columns contradict it


# ---------------------------------------------------------------------------- cells


def _number(raw: str):
    """The value of a NUM token (1,234 / +2 / 19.5 / 251000元); None when it has more than
    MAX_DIGITS digits (an unreadable value)."""
    s = raw.replace(",", "")
    if s[:1] in "增减":  # 本年增/减 written in words: 减3 and 减少3 are -3, 增2 and 增加2 are +2
        s = ("-" if s[0] == "减" else "+") + s[2 if s[1:2] in ("加", "少") else 1 :]
    for unit in ("万元", "元", "万"):
        if s.endswith(unit):
            s = s[: -len(unit)]
            break
    if len(s) - (s[:1] in "+-") - ("." in s) > MAX_DIGITS:
        return None
    if "." in s:
        return float(s)
    return int(s)


_TYPE, _VALUE = itemgetter(0), itemgetter(1)  # of a token, with no Python step per token
_HUGE = [0]  # cells too long to be a number read so far: fit_values notices a new one cheaply


def _cell(tok: lexer.Tok) -> Cell:
    kind, raw, start, end = tok
    if kind == "NUM":
        if end - start <= MAX_DIGITS and raw.isdigit():  # the common case
            return Cell(int(raw), Span(start, end), raw, "number")
        # more than MAX_DIGITS digits is no count of anything: unreadable, never a number
        value = _number(raw) if end - start <= _MAX_CELL else None
        if value is not None:
            return Cell(value, Span(start, end), raw, "number")
        _HUGE[0] += 1
        return Cell(None, Span(start, end), raw[:_MAX_CELL] + ("…" if end - start > _MAX_CELL else ""), "unreadable")
    if kind == "NULL":
        return Cell(None, Span(start, end), raw, "placeholder")
    return Cell(None, Span(start, end), "", "blank")


def _too_long(tok: lexer.Tok) -> ParseNote:
    digits = sum(ch.isdigit() for ch in tok.value)
    shown = tok.value if len(tok.value) <= 24 else tok.value[:10] + "…" + tok.value[-10:]
    return ParseNote("value-too-long", Span(tok.start_pos, tok.end_pos), {"raw": shown, "digits": digits})


def _unreadable(n: int, span: Optional[Span]) -> list[Cell]:
    return [Cell(None, span, "", "unreadable") for _ in range(n)]


@dataclass(slots=True)
class Fit:
    """A row's value tokens fitted to its columns."""

    cells: list[Cell]
    unread: str = ""  # why the cells are not certain (model.UNREAD_REASONS), "" when they are
    inferred: str = ""  # "split" when run-together digits were split by the row's identity
    extra: Optional[ParseNote] = None  # more values than columns
    raw: str = ""  # run-together digits as printed
    options: Optional[tuple] = None  # (value tokens, identity) of a row several splits balance


def _split_cells(filled: list[lexer.Tok], split, kind: str = "recovered") -> list[Cell]:
    cells = []
    for i, s, e in split:
        t = filled[i]
        raw = t.value[s:e]
        cells.append(Cell(int(raw) if raw.isdigit() else _number(raw), Span(t.start_pos + s, t.start_pos + e), raw, kind))
    return cells


def _balances(cells: list[Cell], size: int, groups: int) -> bool:
    """Each group's last cell is the sum of the others (blank as 0)."""
    for g in range(groups):
        part = [c.value or 0 for c in cells[g * size : (g + 1) * size]]
        if len(part) < size or abs(sum(part[:-1]) - part[-1]) > 1e-6:
            return False
    return True


def _rejoin(filled: list[lexer.Tok], arity: int, identity: tuple[int, int]) -> Optional[list[Cell]]:
    """The row's cells when exactly one way of joining adjacent digit pieces (one join per
    extra piece) gives `arity` whole numbers that balance the row; else None."""
    extra = len(filled) - arity
    if extra > 2 or any(t.type != "NUM" or not t.value.isdigit() for t in filled):
        return None
    found = None
    for joins in itertools.combinations(range(len(filled) - 1), extra):
        pieces: list[tuple[int, int, str]] = []  # (first token, last token, digits)
        for i, t in enumerate(filled):
            if pieces and i - 1 in joins:
                a, _, v = pieces[-1]
                pieces[-1] = (a, i, v + t.value)
            else:
                pieces.append((i, i, t.value))
        if any(len(v) > 1 and v[0] == "0" for _, _, v in pieces) or any(len(v) > MAX_DIGITS for _, _, v in pieces):
            continue
        cells = [Cell(int(v), Span(filled[a].start_pos, filled[b].end_pos), v, "recovered") for a, b, v in pieces]
        if _balances(cells, *identity):
            if found is not None:
                return None  # two joins balance it: not known which
            found = cells
    return found


def _glued(text: str, filled: list) -> bool:
    """Whether a run of value tokens runs into the text before or after it (no separator)."""
    a, b = filled[0].start_pos, filled[-1].end_pos
    return (a > 0 and text[a - 1] not in lexer.SEPARATORS) or (b < len(text) and text[b] not in lexer.SEPARATORS)


def fit_values(
    tokens: list[lexer.Tok], arity: int, identity: Optional[tuple[int, int]] = None, *, last: bool = False,
    glued: bool = True, text: Optional[str] = None,
) -> Fit:
    """Fit a row's value tokens to `arity` cells.

    Blank cells are merged-cell residue unless the row needs them: they fill the missing
    places in order. A row still short is split by its identity (run-together digits;
    `identity` is (group size, groups): each group's last value is the sum of the rest) or
    left unread. ``last``: the text stops inside or right after this row (an excerpt), so a
    short row is cut, not wrong, and a lone value after a full row is the next row's ordinal.
    ``text``: the text the tokens are in; a number a pipe stands next to is a whole cell there,
    never split without an identity to confirm it.
    """
    huge = _HUGE[0]
    if len(tokens) == arity and "EMPTY" not in map(_TYPE, tokens):  # the common case
        cells = [_cell(t) for t in tokens]
        return Fit(cells) if _HUGE[0] == huge else Fit(cells, unread="too-long")
    filled = [t for t in tokens if t.type != "EMPTY"]
    span = Span(tokens[0].start_pos, tokens[-1].end_pos) if tokens else None
    if filled and len(filled) < arity and any(t.value == lexer.PAD for t in tokens):
        # a page's padding holds no place: the values' columns are not known from it
        tokens = [t for t in tokens if t.value != lexer.PAD]
    if len(filled) >= arity:
        cells = [_cell(t) for t in filled[:arity]]
        extra = filled[arity:]
        note = None
        bad = _HUGE[0] != huge
        # the ordinal of a row the text stops in ("… 0 0 0 0 0 0 0 2" and nothing after)
        trailing_ordinal = last and len(extra) == 1
        if any(t.type == "NUM" for t in extra) and not trailing_ordinal:
            note = ParseNote("row-extra-values", Span(extra[0].start_pos, extra[-1].end_pos),
                             {"expected": arity, "found": len(filled)})
            if identity is not None and not bad and not _balances(cells, *identity):
                # More values than cells, and the first ones do not balance the row: which
                # values are the row's is not known. A number wrapped inside a narrow cell
                # (118 printed as "11" over "8") is one extra piece: rejoined when exactly one
                # such join balances the row, as run-together digits are split.
                joined = _rejoin(filled, arity, identity)
                if joined is not None:
                    return Fit(joined, inferred="split", extra=None, raw=" ".join(t.value for t in filled))
                return Fit(_unreadable(arity, span), unread="extra",
                           raw=" ".join(t.value for t in filled))
        return Fit(cells, unread="too-long" if bad else "", extra=note)
    blanks = len(tokens) - len(filled)
    if filled and len(tokens) > arity and tokens[0].type == "EMPTY":
        if tokens[-1].type != "EMPTY" and all(t.type == "EMPTY" for t in tokens[:len(tokens) - arity]):
            # more places than columns, the last filled: the extra blanks lead (a merged label
            # cell's residue between the label and the values: |(一)予以公开||18|…|18|)
            tokens = tokens[len(tokens) - arity:]
        else:
            # blank at both ends (|(一)予以公开||18||||||| in a converter's grid): whether the
            # extra blanks lead (label residue) or trail (padding) is not known, so neither is
            # which column each value stands in
            return Fit(_unreadable(arity, span), unread="short", raw=" ".join(t.value for t in filled))
        blanks = len(tokens) - len(filled)
    if blanks and len(filled) + blanks >= arity:
        cells: list[Cell] = []
        need_blanks = arity - len(filled)
        left = len(filled)
        for t in tokens:
            if len(cells) == arity:
                break
            if t.type != "EMPTY":
                cells.append(_cell(t))
                left -= 1
            elif need_blanks > 0 and arity - len(cells) > left:
                cells.append(_cell(t))
                need_blanks -= 1
        return Fit(cells, unread="too-long" if _HUGE[0] != huge else "")
    if filled and all(t.type == "NUM" for t in filled):
        raw = " ".join(t.value for t in filled)
        digits = sum(len(t.value.lstrip("+-")) for t in filled)
        if last:
            # the run may have lost digits where the text stops: never split a cut run
            return Fit(_unreadable(arity, span), unread="cut", raw=raw)
        # Digits run together, or cells left empty and dropped (PDF text: "258 12 1 1")? One
        # unbroken run, or a piece no number is written as (000023), says run together; two
        # pieces may be; three or more whole numbers are cells with the empty ones lost.
        bare = [t.value.lstrip("+-") for t in filled]
        together = len(filled) == 1 or any(len(b) > 1 and b[0] == "0" for b in bare)
        if digits > arity * MAX_DIGITS:
            # too many digits for `arity` numbers of at most MAX_DIGITS each: no split is a row
            return Fit(_unreadable(arity, span), unread="too-long", raw=raw[:_MAX_CELL] + "…")
        if digits >= arity and (together or len(filled) <= 2):
            pieces = [t.value for t in filled]
            # one split, or none, or more (the search stops at the second)
            if identity is not None:
                found, complete = splits(pieces, *identity, limit=1)
            elif any(len(b) > 1 and b[0] == "0" for b in bare) or (
                    glued and not (text is not None and any(_piped(text, t) for t in filled))):
                found, complete = splits(pieces, arity, summed=False, limit=1)
            else:
                # No identity checks the split, and nothing shows the digits ran together:
                # " 148 " where three cells belong may be 1 4 8, or 148 with two blank cells lost
                # (a page of one cell a line joined onto one line with spaces). A table whose
                # values run into their labels (规章007行政…: ``glued``) or a piece no number is
                # written as (007) say they ran together; a cell boundary the page printed
                # (|行政规范性文件|3<br>0<br>101| read as 101 alone) says the number is one cell.
                found, complete = [], False
            if complete and len(found) == 1:
                return Fit(_split_cells(filled, found[0]), inferred="split", raw=raw)
            if complete and not found:
                # no split balances the row: whatever the split, the row is wrong (when the
                # digits certainly ran together; else the row may just have lost cells)
                why = ("unbalanced" if together else "short") if identity else "unreadable"
                return Fit(_unreadable(arity, span), unread=why, raw=raw)
            # several splits balance the row: the column identities may choose (settle())
            options = (filled, identity) if identity is not None and found else None
            return Fit(_unreadable(arity, span), unread="ambiguous", raw=raw, options=options)
    return Fit(_unreadable(arity, span), unread="cut" if last else "short",
               raw=" ".join(t.value for t in filled))


def _piped(text: str, tok: lexer.Tok) -> bool:
    """A pipe stands right before or after the token (spaces apart)."""
    i = tok.start_pos - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    j = tok.end_pos
    while j < len(text) and text[j] in " \t":
        j += 1
    return (i >= 0 and text[i] == "|") or (j < len(text) and text[j] == "|")


# ---------------------------------------------------------------------- identification


def _label_text(tokens: list[lexer.Tok]) -> str:
    return "".join(map(_VALUE, tokens))


def _label_span(ordinal: Optional[lexer.Tok], label: list[lexer.Tok], values: Optional[list[lexer.Tok]]) -> Optional[Span]:
    first = ordinal or (label[0] if label else None)
    if first is None:
        if values:
            return Span(values[0].start_pos, values[0].end_pos)
        return None
    last = label[-1] if label else first
    return Span(first.start_pos, last.end_pos)


# A row label is never a sentence: prose near a table that ends with a number at a line end
# ("…回复公众诉求件9") is not a row. Bracketed notes are set aside before looking.
_PROSE = re.compile(r"(?:19|20)\d\d\s*年|\d+\s*[条件宗项个次份篇人]")
_BRACKETED = re.compile(r"[(（][^()（）]*(?:[)）]|$)")
_SENTENCE_END = re.compile(r"[。；;！!？：:]")


_MAYBE_PROSE = re.compile(r"[\d。；;！!？：:]")


def _is_prose(label: str) -> bool:
    """The label is (the end of) a sentence. Only what follows the last full stop counts:
    a table's header run into the text after a paragraph (…67件。行政复议行政诉讼…) is not."""
    if not _MAYBE_PROSE.search(label):
        return False  # no digit, no stop: a row's name
    s = _BRACKETED.sub("", label)
    ends = list(_SENTENCE_END.finditer(s))
    if ends:
        s = s[ends[-1].end():]
        if not s.strip():
            return True
    return bool(_PROSE.search(s))


# Header cells that run into a row's label when a table repeats its header before every row
# (OCR and converter markdown: | 类别 | 数据1 | … | 总计 |), never a row's own label unless
# they are all of it ((七)总计, 3.其他).
_HEADER_WORDS = frozenset(
    clean(w) for w in (
        "类别", "项目", "类型", "指标", "名称", "内容", "信息内容", "申请人情况", "自然人", "法人或其他组织",
        "商业企业", "商业", "企业", "科研机构", "科研", "机构", "社会公益组织", "法律服务机构", "其他", "总计",
        "合计", "数量", "单位", "件",
    )
)
_HEADER_CELL = re.compile(r"(?:数据|列|字段|[Cc]olumn|[Cc]ol)\s?\d{1,2}")


def _is_header_word(tok: lexer.Tok) -> bool:
    c = clean(tok.value)
    return c in _HEADER_WORDS or bool(_HEADER_CELL.fullmatch(c))


_HEADER_START = frozenset(clean(w) for w in ("类别", "项目", "类型", "指标", "名称", "内容", "信息内容", "申请人情况", "自然人"))


def _own_label(tokens: list[lexer.Tok]) -> list[lexer.Tok]:
    """The row's own label when a header row ran into it: what follows the header cells
    (| 类别 | 数据1 | … | 总计 | then the row), else what precedes them (a heading, then the
    header row of its table)."""
    if len(tokens) < 2:
        return tokens
    i = next((k for k, t in enumerate(tokens) if clean(t.value) in _HEADER_START or _HEADER_CELL.fullmatch(clean(t.value))), -1)
    if i < 0:
        return tokens
    j = i
    while j < len(tokens) and _is_header_word(tokens[j]):
        j += 1
    if j < len(tokens):
        return tokens[j:]
    return tokens[:i] or tokens[-1:]


class Candidates:
    """Row definitions a label is matched against, with an index of their exact wordings
    (most labels in real reports are exact, and a lookup is far cheaper than scoring)."""

    __slots__ = ("defs", "exact")

    def __init__(self, defs) -> None:
        self.defs = tuple(defs)
        self.exact: dict[str, list] = {}
        for d in self.defs:
            for a in d.labels:
                self.exact.setdefault(clean(a), []).append(d)


def _best(label: str, cands: Candidates, path_tail: Optional[int], depth: int):
    """Best (rowdef, similarity, ordinal_agrees) among candidates for a label. A label with
    a note in brackets is matched by what stands before the note."""
    lc = clean(label)
    hits = cands.exact.get(lc) if lc else None
    if not hits:
        head = core(label)
        if head != label:
            lc = clean(head)
            hits = cands.exact.get(lc) if lc else None
    if hits:
        d = hits[0] if len(hits) == 1 else next(
            (h for h in hits if path_tail is not None and len(h.path) == depth and h.path[-1] == path_tail), hits[0]
        )
        return d, 1.0, path_tail is not None and len(d.path) == depth and d.path[-1] == path_tail
    lg = bigrams(lc)
    best = None
    best_score = -1.0
    for d in cands.defs:
        sim = similarity(lc, lg, d.labels)
        agrees = path_tail is not None and len(d.path) == depth and d.path[-1] == path_tail
        score = sim + (0.3 if agrees else 0.0)
        if score > best_score:
            best, best_score = (d, sim, agrees), score
    return best


def _accept(match) -> bool:
    if match is None:
        return False
    _, sim, agrees = match
    return sim >= _ACCEPT or (agrees and sim >= _WITH_ORDINAL)


@lru_cache(maxsize=None)
def _request_candidates(level: str, group: Optional[str]) -> tuple[Candidates, int]:
    """Which template rows a requests row can be, from its place in the hierarchy."""
    rows = [d for d in tpl.load().requests if not d.is_group]
    if level == "group":
        return Candidates(d for d in tpl.load().requests if d.is_group), 2
    if level == "any":
        return Candidates(rows), 0
    if level == "item" and group:
        return Candidates(d for d in rows if d.key.startswith(group + ".")), 3
    if level == "item":
        return Candidates(d for d in rows if len(d.path) == 3), 3
    if level == "paren":
        return Candidates(d for d in rows if len(d.path) == 2), 2
    if level == "major":
        return Candidates(d for d in rows if len(d.path) == 1), 1
    if group:  # a row whose ordinal was lost, inside a group: its group's rows first
        inside = [d for d in rows if d.key.startswith(group + ".")]
        return Candidates(inside + [d for d in rows if d not in inside]), 0
    return Candidates(rows), 0


_INNER_ORDINAL = re.compile(r"[一二三四五六七八九十]、|\([一二三四五六七八九十]\)|(?<!\d)[1-9]\.(?=\D)")


def _last_ordinal(label: str) -> Optional[int]:
    """Where the label text after the last ordinal inside it begins, or None."""
    last = None
    for m in _INNER_ORDINAL.finditer(label):
        last = m
    if last is None or last.end() >= len(label):
        return None
    return last.end()


# Where another row's label begins inside a label, the lexer having seen no ordinal there:
# a run of digits with label words after it (a row's values run together with the next row's
# label, the ordinal between them misread: 数量640020470=、上年结转…; no template label holds
# three digits in a row, and a year is prose), or an item ordinal 1. that OCR read as l. or I.
# after a group's caption ((六)其他处理l.申请人无正当理由…: the caption is no row of its own).
_RUN_IN = re.compile(r"\d{3,}(?![\d.]|[ \t]*[年月日号%％])(?=\D*[\u4e00-\u9fff])|(?<=[\u4e00-\u9fff)）])[lI][.．、](?=[\u4e00-\u9fff])")


_RUN_IN_HINT = re.compile(r"[\dlI]")  # what every _RUN_IN match holds: most labels have none


def _after_run_in(label: str) -> Optional[str]:
    """The label text after the last place another row's label begins inside it, or None."""
    if _RUN_IN_HINT.search(label) is None:
        return None
    m = None
    for m in _RUN_IN.finditer(label):
        pass
    return label[m.end():] if m is not None else None


def _looks_like_row(label: str, values) -> bool:
    """A bare label with values that is not prose: worth reporting as an unknown row."""
    if any(p in label for p in "。，,；;") or len(label) > 40 or _is_prose(label):
        return False
    return sum(1 for v in values if v.type != "EMPTY") >= 2


def _lines(text: str, tokens: list[lexer.Tok]) -> list[list[lexer.Tok]]:
    """Value tokens grouped by the line they stand on."""
    out: list[list[lexer.Tok]] = []
    prev = -1
    for t in tokens:
        if prev < 0 or text.count("\n", prev, t.start_pos):
            out.append([t])
        else:
            out[-1].append(t)
        prev = t.end_pos
    return out


def _row_line(line: list[lexer.Tok], arity: int) -> Optional[list[lexer.Tok]]:
    """A line that holds one whole row of values (leading blank label cells dropped)."""
    while len(line) > arity and line[0].type == "EMPTY":
        line = line[1:]
    filled = sum(1 for t in line if t.type != "EMPTY")
    if filled == arity or (filled < arity <= len(line) and filled):
        return line
    return None


def _detached_block(text: str, label_end: int, values: list[lexer.Tok], arity: int):
    """Values written apart from their label: below it, on two or more lines that each hold
    several values (a block of bare value rows). Returns the block's rows (one token list
    per line) when every line is one whole row; [] when it is such a block but not clean
    (which values belong to which row is then not certain); None when the values are the
    label's own (on its line, or one per line as in one-cell-per-line layouts)."""
    if len(values) <= arity + 1:
        return None  # no room for two rows, nor for a column of more values than the row has
    first = next((t for t in values if t.type != "EMPTY"), None)
    if first is None or "\n" not in text[label_end : first.start_pos]:
        return None  # values on the label's own line belong to it
    lines = [line for line in _lines(text, values) if any(t.type != "EMPTY" for t in line)]
    filled = sum(len(line) for line in lines)
    multi = sum(1 for line in lines if sum(1 for t in line if t.type != "EMPTY") >= 2)
    if len(lines) < 2 or multi < 2:
        # one value per line below the label: the row's own cells (one cell per line), unless
        # there are more of them than the row has columns (a column of a table read top to
        # bottom, as some PDF text layers give it): then whose values they are is not certain
        return [] if filled > arity + 1 and multi == 0 and len(lines) > arity + 1 else None
    rows = [_row_line(line, arity) for line in lines]
    if any(r is None for r in rows):
        return []
    return rows


# ---------------------------------------------------------------------------- requests


@dataclass(slots=True)
class _Leaf:
    """A data row of the applications table as parsed, in document order."""

    level: str
    ordinal: Optional[lexer.Tok]
    label: list[lexer.Tok]
    values: list[lexer.Tok]  # [] for a label with no values of its own
    group: Optional[str]
    maybe_group: bool = False  # a caption (其他处理) that is a data row only if values come


@dataclass
class _Settle:
    """What the identities must confirm once every row is placed."""

    ambiguous: dict = field(default_factory=dict)  # key -> (value tokens, identity)
    order: list = field(default_factory=list)  # [keys of one detached block]
    split: set = field(default_factory=set)  # keys split by their own identity
    confirm: list = field(default_factory=list)  # keys a column identity must confirm


class _RequestsReader:
    def __init__(self, t: tpl.Templates, table: Table, text: str) -> None:
        self.t = t
        self.table = table
        self.text = text
        self.arity = len(t.columns)
        self.identity = (len(t.columns), 1)
        self.settle = _Settle()
        self.after_extra: Optional[list] = None  # rows read after a run of unlabelled values
        self.lo = self.hi = -1  # where the rows and cells read as the table begin and end
        self.lost = False  # a row's label stood with no values at all
        self.prev: Optional[tuple] = None  # (key, value tokens) of the row read last
        self.placed: list = []  # (key, label end, first value) of rows read with their values
        self.bare_groups: list = []  # (group key, caption span): values whose sub-row labels were lost

    # -- the parse, flattened to data rows in document order ------------------------
    def leaves(self, entries, group: Optional[str] = None) -> list[_Leaf]:
        out: list[_Leaf] = []
        for e in entries:
            if e.values is None:  # a group or caption: 三、本年度办理结果, （三）不予公开
                ordv = lexer.ordinal_value(e.ordinal) if e.ordinal is not None else None
                if e.level == "major":
                    if e.children:
                        out.extend(self.leaves(e.children, None))
                    else:  # a label with no values: a heading, or a row whose values are elsewhere
                        out.append(_Leaf("major", e.ordinal, e.label, [], None))
                    continue
                m = _best(_label_text(e.label), _request_candidates("group", None)[0], ordv, 2)
                is_group = _accept(m) and m[0].path[:1] == (3,)
                if e.children:
                    out.extend(self.leaves(e.children, m[0].key if is_group else None))
                else:
                    out.append(_Leaf(e.level, e.ordinal, e.label, [], group, maybe_group=is_group))
                continue
            out.append(_Leaf(e.level, e.ordinal, e.label, e.values, group))
        return out

    def identify(self, leaf: _Leaf):
        """((rowdef or None, similarity) or None for prose, label, label tokens) for a leaf."""
        own = _own_label(leaf.label) if len(leaf.label) > 1 else leaf.label
        label = _label_text(own)
        ordv = lexer.ordinal_value(leaf.ordinal) if leaf.ordinal is not None else None
        tail = _after_run_in(label)
        if tail is not None:
            # another row's label runs in (its ordinal misread by OCR: 数量640020470=、上年结转…,
            # 其他处理l.申请人…): the values that follow are the last label's, and the leaf's
            # ordinal and place are the first one's, so neither tells this row
            ident, label = _identify_request(tail, "any", None, None)
            return ident, label, own
        ident, label = _identify_request(label, leaf.level, ordv, leaf.group)
        if (ident is None or ident[0] is None) and len(own) < len(leaf.label):
            # a piece of a wrapped label that reads as a header word (3.补正后申请 内容 / 仍明确:
            # 内容 starts a header row elsewhere): the whole label is the row's, when it is one
            whole_ident, whole = _identify_request(_label_text(leaf.label), leaf.level, ordv, leaf.group)
            if whole_ident is not None and whole_ident[0] is not None:
                return whole_ident, whole, leaf.label
        return ident, label, own

    # -- placing values ------------------------------------------------------------------
    def read(self, entries, cut_at: Optional[int]) -> None:
        leaves = self.leaves(entries)
        last_values = next((lf.values[-1].end_pos for lf in reversed(leaves) if lf.values), -1)
        waiting: list[tuple] = []  # identified rows whose values have not come yet
        lead_blank: list[str] = []  # rows read with a blank first place (it may be label residue)
        narrow = False  # a row with blanks printed as cells and still too few places
        for leaf in leaves:
            ident, label, own = self.identify(leaf)
            d = ident[0] if ident else None
            sim = ident[1] if ident else 0.0
            span = _label_span(leaf.ordinal, own, leaf.values)
            if not leaf.values:
                if d is not None and not leaf.maybe_group:
                    waiting.append((d, sim, label, span))
                continue
            if d is None and self.unlabelled(leaf, own):
                continue
            block = None
            if len(leaf.values) > self.arity + 1:  # room for a block of rows apart from their labels
                label_end = own[-1].end_pos if own else leaf.ordinal.end_pos if leaf.ordinal else leaf.values[0].start_pos
                block = _detached_block(self.text, label_end, leaf.values, self.arity)
            if block is not None:
                targets = waiting + ([(d, sim, label, span)] if d is not None else [])
                self.place_block(targets, block, ident is not None and d is None)
                waiting = []
                continue
            if waiting:
                for w in waiting:
                    if d is None or w[0].key != d.key:  # a heading of this very row is no row
                        if self.add(w[0], w[2], w[3], _unreadable(self.arity, w[3]), w[1], unread="short"):
                            self.lost = True
                waiting = []
            if d is not None and self.prev is not None and self.prev[0] == d.key and self.wrapped(d.key, leaf.values):
                continue
            last = cut_at is not None and leaf.values[-1].end_pos == last_values
            fit = fit_values(leaf.values, self.arity, self.identity, last=last)
            if fit.extra is not None:
                fit.extra.detail["row"] = label
                self.table.notes.append(fit.extra)
            if ((fit.extra is not None or fit.unread == "extra") and self.after_extra is None
                    and len(leaf.values) >= 2 * self.arity):
                # a whole row of values with no label of its own (a converter that put a
                # row's values before its label): the labels after it may each be paired
                # with the values of the row before them; the identities must confirm
                self.after_extra = []
            if d is None:
                if (not self.table.rows and self.after_extra is None and not fit.unread and fit.extra is None
                        and sum(1 for c in fit.cells if c.kind == "number") == self.arity
                        and _balances(fit.cells, *self.identity)):
                    # a whole balanced row before the first row's label (markitdown writes a
                    # row's values on the line before its label): the labels after it may each
                    # hold the next row's values; the identities must confirm every pairing
                    self.after_extra = []
                # a label of no template row with only blank cells after it is a caption and its
                # merged cells (三、本年度办理结果 | | |), not a row
                if (ident is not None and any(v.type != "EMPTY" for v in leaf.values)
                        and (leaf.level != "bare" or _looks_like_row(label, leaf.values))):
                    row = Row("", label, span, fit.cells, score=sim, unread=fit.unread, inferred=fit.inferred)
                    self.table.unknown_rows.append(row)
                continue
            if (fit.unread in ("short", "cut") and any(v.type == "EMPTY" and v.value != lexer.PAD for v in leaf.values)
                    and any(v.type != "EMPTY" for v in leaf.values)
                    and (not last or "\n" not in self.text[leaf.values[0].start_pos:leaf.values[-1].end_pos])):
                # (where the text stops after the row, a row on one line is taken as whole)
                narrow = True
            if self.add(d, label, span, fit.cells, sim, fit=fit):
                if (not fit.unread and leaf.values[0].type == "EMPTY" and leaf.values[0].value != lexer.PAD
                        and any(v.type != "EMPTY" for v in leaf.values)):
                    lead_blank.append(d.key)
                self.prev = (d.key, leaf.values)
                if self.after_extra is not None:
                    self.after_extra.append(d.key)
                if span is not None:
                    self.placed.append((d.key, span.end, leaf.values[0].start_pos))
            self.use(leaf.values[0].start_pos, leaf.values[-1].end_pos)
        for w in waiting:
            if self.add(w[0], w[2], w[3], _unreadable(self.arity, w[3]), w[1], unread="cut" if cut_at is not None else "short"):
                self.lost = self.lost or cut_at is None
        for group, span in self.bare_groups:
            # the sub-rows whose labels were lost under a group caption holding their values:
            # present, not missing, and not read (which value is whose is not certain)
            for d in tpl.load().requests:
                if not d.is_group and d.key.startswith(group + ".") and d.key not in self.table.rows:
                    self.add(d, d.labels[0], span, _unreadable(self.arity, span), 1.0, unread="unlabelled")
        if narrow:
            # A grid narrower than the table (markitdown merged 商业企业 with 科研机构): rows with
            # blanks printed have too few places, so a row that has just enough only by counting
            # the blanks right after its label (| 一、本年新收… | | | 56 | | | | 56 |: a merged
            # label's residue) does not tell its values' columns either.
            for key in lead_blank:
                row = self.table.rows[key]
                row.cells, row.unread = _unreadable(self.arity, row.span), "short"
        if self.lost and self.after_extra is None:
            # A row's label with no values at all, in a table whose values stand on lines below
            # their labels: a converter that writes each row's values before its label (so each
            # label below holds the next row's values) reads just so. The rows read that way
            # are kept only where the column identities confirm them.
            below = [k for k, lab, val in self.placed if "\n" in self.text[lab:val]]
            if below:
                self.after_extra = below
        if self.after_extra:
            self.settle.confirm.extend(self.after_extra)

    def unlabelled(self, leaf: _Leaf, own: list[lexer.Tok]) -> bool:
        """A group caption ((三)不予公开) followed by more values than one row holds, its
        sub-rows' labels lost (a mirror printed a run of bare `0 |` lines under it): the values
        are its sub-rows', in an order nothing confirms. The sub-rows are kept as rows not read
        (at the end of read(), those no later label names); no value is placed. False when not
        this case."""
        if sum(1 for v in leaf.values if v.type != "EMPTY") <= self.arity or not own:
            return False
        ordv = lexer.ordinal_value(leaf.ordinal) if leaf.ordinal is not None else None
        m = _best(_label_text(own), _request_candidates("group", None)[0], ordv, 2)
        if not (_accept(m) and m[0].path[:1] == (3,)):
            return False
        span = _label_span(leaf.ordinal, own, leaf.values)
        self.bare_groups.append((m[0].key, span))
        self.use(leaf.values[0].start_pos, leaf.values[-1].end_pos)
        return True

    def wrapped(self, key: str, values: list[lexer.Tok]) -> bool:
        """A few digit pieces under the rest of the label of the row just read, which does not
        balance: the ends of its numbers wrapped in narrow cells (LibreOffice: 18343 printed as
        "1834" over "3"). Each piece ends one of the row's numbers, in order; rejoined when
        exactly one way balances the row, else the row is not read. False when not this case."""
        row = self.table.rows[key]
        pieces = [t for t in values if t.type != "EMPTY"]
        if (row.unread or row.inferred or not pieces or len(pieces) >= self.arity or len(row.cells) != self.arity
                or any(t.type != "NUM" or not t.value.isdigit() for t in pieces)
                or _balances(row.cells, *self.identity)):
            return False
        prev = [t for t in self.prev[1] if t.type != "EMPTY"]
        if len(prev) != self.arity or any(t.type != "NUM" or not t.value.isdigit() for t in prev):
            return False
        found = None
        for at in itertools.combinations(range(self.arity), len(pieces)):
            digits = [t.value for t in prev]
            if any(digits[i] == "0" for i in at):
                continue  # no number is written with a leading zero
            for i, p in zip(at, pieces):
                digits[i] += p.value
            if any(len(v) > MAX_DIGITS for v in digits):
                continue
            cells = [Cell(int(v), Span(t.start_pos, t.end_pos), v, "recovered") for v, t in zip(digits, prev)]
            if _balances(cells, *self.identity):
                if found is not None:
                    found = False  # two ways balance it: not known which
                    break
                found = cells
        raw = " ".join(t.value for t in prev + pieces)
        if found:
            row.cells, row.inferred, row.raw = found, "split", raw
            self.settle.split.add(key)
        else:
            row.cells, row.unread, row.raw = _unreadable(self.arity, row.span), "extra", raw
        self.use(values[0].start_pos, values[-1].end_pos)
        return True

    def place_block(self, targets: list, block: list[list[lexer.Tok]], unknown_label: bool) -> None:
        """Bare value lines after a run of labels with no values: paired in order only when
        they match one to one (the identities confirm it later, in settle())."""
        if block and len(targets) == len(block) and not unknown_label:
            keys = []
            for (d, sim, label, span), line in zip(targets, block):
                fit = fit_values(line, self.arity, None)
                if fit.unread:
                    break
                for c in fit.cells:
                    if c.kind == "number":
                        c.kind = "recovered"
                if self.add(d, label, span, fit.cells, sim, inferred="order"):
                    keys.append(d.key)
                self.use(line[0].start_pos, line[-1].end_pos)
            else:
                self.settle.order.append(keys)
                return
        for d, sim, label, span in targets:
            self.add(d, label, span, _unreadable(self.arity, span), sim, unread="detached")

    def use(self, start: int, end: int) -> None:
        if self.lo < 0 or start < self.lo:
            self.lo = start
        if end > self.hi:
            self.hi = end

    def add(self, d, label: str, span, cells: list[Cell], sim: float, *, fit: Optional[Fit] = None,
            unread: str = "", inferred: str = "") -> bool:
        if fit is not None:
            unread, inferred = fit.unread, fit.inferred
        old = self.table.rows.get(d.key)
        if old is not None and old.unread == "short" and not unread and sim >= old.score:
            # a line that named the row with a stray number was not the row: this is (when it
            # names the row at least as surely: OCR's "…申请8其他" far below is not 一's row)
            pass
        elif old is not None:
            self.table.notes.append(ParseNote("row-duplicate", span, {"key": d.key, "row": label}))
            return False
        self.table.rows[d.key] = Row(d.key, label, span, cells, (), round(min(1.0, sim), 3),
                                     unread, inferred, fit.raw if fit is not None else "")
        if span is not None:
            self.use(span.start, span.end)
        if fit is not None:
            if fit.inferred == "split":
                self.settle.split.add(d.key)
            if fit.options:
                self.settle.ambiguous[d.key] = fit.options
        return True


@lru_cache(maxsize=4096)  # a report's labels are mostly the template's wordings, met again and again
def _identify_request(label: str, level: str, ordv: Optional[int], group: Optional[str]):
    """((rowdef or None, similarity) or None for prose, the label matched) for a row label
    at its place in the hierarchy."""
    if ordv is None:
        # text with no separators: the row's ordinal ran into the text before it
        # (…其他一、本年新收…); what follows the last ordinal is the row's label
        m = _last_ordinal(label)
        if m is not None:
            label = label[m:]
    if _is_prose(label):
        return None, label
    cands, depth = _request_candidates(level, group)
    m = _best(label, cands, ordv, depth)
    if not _accept(m) and depth:
        # The ordinal context may be wrong (a lost group caption): try every row.
        m2 = _best(label, _request_candidates("any", None)[0], None, 0)
        if m2 is not None and m2[1] >= _ACCEPT:
            m = m2
    if not _accept(m):
        return (None, m[1] if m else 0.0), label
    return (m[0], m[1]), label


def read_requests(text: str, start: int, end: int, heading: Optional[Span], text_end: Optional[int] = None) -> Table:
    t = tpl.load()
    table = Table("requests", OK, heading=heading)
    lx = lexer.lex(text, start, end)
    parsed = parser.parse(lx.tokens, "requests")
    cut_at = _cut_at(text, end, lx.tokens, text_end)
    reader = _RequestsReader(t, table, text)
    reader.read(parsed.entries, cut_at)
    if not table.rows and not any(tok.type == "VALUES" for tok in lx.tokens):
        _labels_only(table, text, lx.stray, cut_at)
    _note_skipped(table, parsed.skipped)
    table.span = _table_span(lx.tokens, Span(reader.lo, reader.hi) if reader.lo >= 0 else None)
    # Order rows as in the template.
    order = _request_order()
    table.rows = dict(sorted(table.rows.items(), key=lambda kv: order.get(kv[0], (99,))))
    if "other" in table.rows and not any(k.startswith("other.") for k in table.rows):
        table.template = "2019"
    elif any(k.startswith("other.") for k in table.rows):
        table.template = "2021"
    table.cut = cut_at is not None
    _finish(table, heading, min_rows=1 if table.cut else 2)
    if table.status == OK:
        _settle(table, reader.settle)
        _check_truncated(table, expected_requests(table.template), lx.tokens)
    return table


ORDINAL_LEVEL = {"MAJOR": "major", "PAREN": "paren", "ITEM": "item"}


def _labels_only(table: Table, text: str, stray: list[lexer.Tok], cut_at: Optional[int]) -> None:
    """A table printed as its row labels only (no number anywhere in it: the page lost the
    cells, or they were left blank): the rows are there and their values are not, so each
    row named after an ordinal (一、 (一) 1.) is a row that could not be read, and the
    coverage says so rather than that the text stops in the header. Labels with no ordinal
    (header cells: 自然人, 总计) are not taken for rows. Nothing is guessed: every cell null."""
    found: list[tuple] = []
    toks = sorted(stray, key=lambda tok: tok.start_pos)
    group: Optional[str] = None
    i = 0
    while i < len(toks):
        ordinal = toks[i]
        if ordinal.type not in ORDINAL_LEVEL:
            i += 1
            continue
        j = i + 1
        while j < len(toks) and toks[j].type == "TEXT":
            j += 1
        label = list(toks[i + 1 : j])
        i = j
        if not label:
            continue
        level, ordv = ORDINAL_LEVEL[ordinal.type], lexer.ordinal_value(ordinal)
        if level != "item":
            m = _best(_label_text(label), _request_candidates("group", None)[0], ordv, 2)
            if _accept(m) and m[0].path[:1] == (3,) and i < len(toks) and toks[i].type == "ITEM":
                group = m[0].key  # (三)不予公开: a group caption, its items follow
                continue
            group = None  # (六)其他处理 with no items after it: the 2019 template's single row
        ident, shown = _identify_request(_label_text(label), level, ordv, group)
        if ident is not None and ident[0] is not None:
            found.append((ident[0], ident[1], shown, _label_span(ordinal, label, None)))
    if len({f[0].key for f in found}) < 2:
        return  # one label is a header's last word as likely as a row: leave the table unread
    for n, (d, sim, shown, span) in enumerate(found):
        if d.key in table.rows:
            continue
        cut = (n == len(found) - 1 and cut_at is not None and span is not None
               and not text[span.end:cut_at].strip(lexer.SEPARATORS))
        table.rows[d.key] = Row(d.key, shown, span, _unreadable(len(tpl.load().columns), span), (),
                                round(min(1.0, sim), 3), "cut" if cut else "no-values")


@lru_cache(maxsize=1)
def _request_order() -> dict:
    """Each requests row's place in the template, for ordering rows as printed there."""
    return {d.key: d.path for d in tpl.load().requests if not d.is_group}


# ------------------------------------------------------------------- identities as evidence


def _settle(table: Table, st: _Settle) -> None:
    """Confirm the placements the reader inferred, with the table's identities as evidence
    about the reading: ambiguous run-together rows take the one split the columns accept;
    detached values paired in order must satisfy every identity they take part in; a row
    split by its own identity whose only split contradicts the columns, where another split
    of its digits agrees with them, is doubtful. Doubt is never reported as the report's error."""
    if not (st.ambiguous or st.order or st.split or st.confirm):
        return
    from ..rules.identities import column_constraints, columns_hold, failing

    if st.confirm:
        # rows read after a run of values with no label: kept only where a column identity
        # that can be checked holds with them and none fails (else the pairing is a guess)
        doubt = []
        for k in st.confirm:
            row = table.rows.get(k)
            if row is None or row.unread:
                continue
            cons = column_constraints(table, frozenset((k,)))
            if not cons or not _holds(cons, {k: [c.value for c in row.cells]}):
                doubt.append(row)
        for row in doubt:
            _unread(row, "detached")

    if st.ambiguous:
        _choose_by_columns(table, st.ambiguous, column_constraints)
    for keys in st.order:
        bad = {k for _, ks, _ in failing(table) for k in ks} & set(keys)
        if bad:
            for k in keys:
                _unread(table.rows[k], "unconfirmed")
    if st.split:
        _check_splits(table, st, columns_hold, column_constraints)


def _holds(constraints, values: dict) -> bool:
    """Every constraint holds with these rows' values (key -> list of numbers, None as 0)."""
    for base, signs, c in constraints:
        total = base
        for k, sign in signs.items():
            total += sign * (values[k][c] or 0)
        if abs(total) > 1e-6:
            return False
    return True


def _failed(constraints, values: dict) -> frozenset:
    """The constraints (by index) that do not hold with these rows' values."""
    return frozenset(i for i, con in enumerate(constraints) if not _holds((con,), values))


def _implied(constraints, key: str, arity: int) -> Optional[list]:
    """The values the columns force on row `key` when it is the only unknown of a constraint
    in every column, else None."""
    values: list = [None] * arity
    for base, signs, c in constraints:
        if len(signs) == 1 and values[c] is None:
            values[c] = -base / signs[key]
    if any(v is None for v in values):
        return None
    return [int(v) if float(v).is_integer() else v for v in values]


def _as_split(filled: list[lexer.Tok], values: list) -> Optional[list]:
    """The split of the run into these values, if they are exactly its digits, piece by piece
    (no number across a gap, none with a leading zero); else None."""
    split, i, pos = [], 0, 0
    for v in values:
        if not isinstance(v, int) or v < 0:
            return None
        text = str(v)
        while i < len(filled) and pos == len(filled[i].value):
            i, pos = i + 1, 0
        if i == len(filled) or not filled[i].value.startswith(text, pos):
            return None
        split.append((i, pos, pos + len(text)))
        pos += len(text)
    if i != len(filled) - 1 or pos != len(filled[-1].value):
        return None
    return split


def _choose_by_columns(table: Table, ambiguous: dict, column_constraints) -> None:
    keys = [k for k in ambiguous if k in table.rows]
    if not keys:
        return
    # A row that is the only unknown of its columns: they say what it holds; its digits
    # confirm it or not (no search).
    constraints = column_constraints(table, frozenset(keys))
    for k in list(keys):
        filled, identity = ambiguous[k]
        own = [(base, signs, c) for base, signs, c in constraints if set(signs) == {k}]
        values = _implied(own, k, identity[0] * identity[1])
        split = _as_split(filled, values) if values is not None else None
        if split is not None:
            row = table.rows[k]
            row.cells = _split_cells(filled, split)
            row.unread = ""
            row.inferred = "columns"
            keys.remove(k)
        elif values is not None:
            keys.remove(k)  # the columns want numbers these digits are not: it stays unread
    if not keys:
        return
    cells_of = {}
    for k in keys:
        filled, identity = ambiguous[k]
        found, complete = splits([t.value for t in filled], *identity, limit=_OPTIONS, max_nodes=5000)
        if complete and len(found) > 1:
            cells_of[k] = [_split_cells(filled, f) for f in found]
    keys = list(cells_of)
    if not keys:
        return
    options = [[[c.value for c in cells] for cells in cells_of[k]] for k in keys]
    total = 1
    for o in options:
        total *= len(o)
    if total > _COMBINATIONS:
        return
    constraints = column_constraints(table, frozenset(keys))
    if not constraints:
        return  # nothing ties these rows: they stay not read
    good: list[tuple] = []
    for combo in itertools.product(*range_of(options)):
        values = {k: options[i][j] for i, (k, j) in enumerate(zip(keys, combo))}
        if _holds(constraints, values):
            good.append(combo)
            if len(good) > 64:
                break
    for i, k in enumerate(keys):
        chosen = {combo[i] for combo in good}
        if len(chosen) == 1:
            row = table.rows[k]
            row.cells = cells_of[k][chosen.pop()]
            row.unread = ""
            row.inferred = "columns"


def range_of(options) -> list:
    return [range(len(o)) for o in options]


def _check_splits(table: Table, st: _Settle, columns_hold, column_constraints) -> None:
    """A column identity that fails through a row whose digits were split by its own
    identity: if another split of those digits makes the columns hold, the reading is
    doubtful (the report may still be wrong, but not in the numbers we would quote)."""
    # a row of one digit per cell (0000000) splits no other way: nothing to doubt
    keys = frozenset(k for k in st.split if k in table.rows
                     and sum(len(p.lstrip("+-")) for p in table.rows[k].raw.split()) > len(table.rows[k].cells))
    if not keys or columns_hold(table):
        return  # every column identity holds (the common case), or nothing to doubt
    constraints = column_constraints(table, keys)
    current = {k: [c.value for c in table.rows[k].cells] for k in keys}
    failed = _failed(constraints, current)
    if not failed:
        return  # every column these rows are in holds (the common case)
    blamed = sorted({k for i in failed for k in constraints[i][1]})
    for key in blamed:
        row = table.rows[key]
        pieces = row.raw.split()
        if not pieces:
            continue
        constraints = column_constraints(table, frozenset((key,)))
        if not constraints:
            continue
        found, _ = splits(pieces, len(row.cells), summed=False, limit=_ALTERNATIVES)
        mine = [c.value for c in row.cells]
        failed = _failed(constraints, {key: mine})
        for f in found:
            alt = [_number(pieces[i][s:e]) for i, s, e in f]
            # another split of the same digits under which the columns it is in agree better
            # (all of them, or all but some that fail either way): the reading is doubtful
            if alt != mine and _failed(constraints, {key: alt}) < failed:
                _unread(row, "contradicted")
                break


def _unread(row: Row, reason: str) -> None:
    row.cells = [Cell(None, c.span, c.raw, "unreadable") for c in row.cells]
    row.unread = reason
    row.inferred = ""


def doubt_misread_rows(tables) -> None:
    """When a table was read poorly (Table.poorly_read: a scanned page's OCR, a scrambled
    conversion; one conversion made every table of the text), a row whose total disagrees
    with its parts is taken as misread (11 for 1), not as the report's slip: its cells are
    null, never exported as numbers, and the row is said once with its table's other doubtful
    rows (RL013)."""
    if not any(t.found and t.poorly_read() for t in tables):
        return
    for table in tables:
        if table.kind in ("requests", "reviews") and table.found:
            _doubt_rows(table)


def _doubt_rows(table: Table) -> None:
    for row in table.rows.values():
        if row.unread or len(row.cells) < 2 or any(c.kind == "unreadable" for c in row.cells):
            continue
        total = row.cells[-1].value
        if total is not None and abs(sum(c.value or 0 for c in row.cells[:-1]) - total) > 1e-6:
            _unread(row, "misread")


# ------------------------------------------------------------------------------ active


def read_active(text: str, start: int, end: int, heading: Optional[Span], report_year: Optional[int],
                text_end: Optional[int] = None) -> Table:
    t = tpl.load()
    table = Table("active", OK, heading=heading)
    lx = lexer.lex(text, start, end, ordinals=False, captions=True, row_start=_active_row_start())
    parsed = parser.parse(lx.tokens, "active")
    _note_skipped(table, parsed.skipped)
    cut_at = _cut_at(text, end, lx.tokens, text_end)
    defs = _active_candidates()
    found: list[tuple] = []
    used: list[Span] = []
    words = [tok.value for tok in lx.stray] + [tok.value for tok in lx.tokens if tok.type in ("TEXT", "CAPTION")]
    entries = [e for e in parsed.entries if e.level == "arow"]
    last_values = next((e.values[-1].end_pos for e in reversed(entries) if e.values), -1)
    orphan = False  # values on a line of their own below a label of no row (a header)
    for e in entries:
        d, sim, label_toks = _best_suffix(e.label, defs)
        if d is None or sim < _ACCEPT:
            first = next((v for v in e.values if v.type == "NUM"), None)
            orphan = first is not None and bool(e.label) and "\n" in text[e.label[-1].end_pos : first.start_pos]
            label = _label_text(_tail_text(e.label))
            if _looks_like_row(label, e.values):
                fit = fit_values(e.values, sum(1 for v in e.values if v.type != "EMPTY"))
                table.unknown_rows.append(Row("", label, _label_span(None, _tail_text(e.label), e.values), fit.cells, score=sim))
            continue
        # Labels of other rows before this one, with the values on lines of their own below
        # them all: which values belong to which row is not certain.
        others = [m for m in (_exact_active(tok, defs) for tok in e.label[: len(e.label) - len(label_toks)]) if m is not None]
        # After a header whose values stand below it (markitdown writes each row's values on
        # the line before its label), values below this label may be the next row's.
        detached = (bool(others) or orphan) and "\n" in text[label_toks[-1].end_pos : e.values[0].start_pos]
        orphan = False
        for od in others:
            if detached or od.key != d.key:
                found.append((od.key, od.labels[0], None, [], 1.0, "detached" if detached else "short"))
        # the text stops in this row, unless the next row's start follows its values (a
        # one-line page cut at "…141414第": the values are whole, the next label is cut)
        last = (cut_at is not None and e.values[-1].end_pos == last_values
                and not text[last_values:cut_at].strip(lexer.SEPARATORS))
        how = "detached" if detached else ("last" if last else "")
        if not detached and _sub_row(label_toks, d, defs):
            # 其他对外管理服务事项 | 行政检查 | 3 | 0 | 4, then 行政确认 | …: the row's own values
            # are not printed, only its sub-rows'; the first sub-row's are not the row's
            how = "subrows"
            label_toks = label_toks[:1]
        found.append((d.key, _shown_label(_label_text(label_toks), d), _label_span(None, label_toks, e.values),
                       e.values, sim, how))
    if cut_at is None:
        # Row labels with no value after them anywhere (cells left blank in a layout that keeps
        # no mark of a blank cell, one cell per line): the rows are there, their values are not.
        seen = {f[0] for f in found}
        for tok in lx.stray:
            od = _exact_active(tok, defs) if tok.type == "TEXT" else None
            if od is not None and od.key not in seen:
                seen.add(od.key)
                found.append((od.key, od.labels[0], Span(tok.start_pos, tok.end_pos), [], 1.0, "no-values"))
    table.template = _active_template(t, words, [f for f in found if f[3]], report_year)
    first_block = _first_block_template(t, text, start, found, table.template)
    # whether the table's values run into the text around them (a page that lost every cell
    # boundary): only then is a run of digits of a row no identity checks split into cells
    glued = any(_glued(text, [v for v in f[3] if v.type != "EMPTY"]) for f in found if any(v.type != "EMPTY" for v in f[3]))
    prev_short = False  # the row read just before has fewer values than columns
    for key, label, span, values, sim, how in found:
        tid = first_block if key in _FIRST_BLOCK else table.template
        d = t.active.get((tid, key)) or next(
            (v for (tid, k), v in t.active.items() if k == key), None
        )
        if d is None:
            continue
        if key in table.rows:
            table.notes.append(ParseNote("row-duplicate", span, {"key": key, "row": label}))
            continue
        arity = len(d.fields)
        filled = sum(1 for v in values if v.type != "EMPTY")
        if how in ("detached", "short", "no-values", "subrows"):
            row = Row(key, label, span, _unreadable(arity, span), fields=d.fields, score=1.0, unread=how)
        else:
            fit = fit_values(values, arity, last=how == "last", glued=glued, text=text)
            if fit.extra is not None and prev_short:
                # The row before has fewer values than columns and this one more (a text layer
                # read partly down the grid: 行政许可 8249, then 其他… 0 -1942 6307 0 0): values
                # drifted from that row into this one, so which are this row's is not known.
                # No identity checks these rows: not read (RL013 says why).
                fit = Fit(_unreadable(arity, span), unread="drifted",
                          raw=" ".join(v.value for v in values if v.type != "EMPTY"))
            if fit.extra is not None:
                fit.extra.detail["row"] = label
                table.notes.append(fit.extra)
            row = Row(key, label, span, fit.cells, fields=d.fields, score=round(min(1.0, sim), 3),
                      unread=fit.unread, inferred=fit.inferred, raw=fit.raw)
            if values:
                used.append(Span(values[0].start_pos, values[-1].end_pos))
        if span is not None:
            used.append(span)
        table.rows[key] = row
        prev_short = how != "no-values" and filled < arity
    table.span = _table_span(lx.tokens, _span(used))
    table.cut = cut_at is not None
    _finish(table, heading, min_rows=1)
    return table


_FIRST_BLOCK = ("regulations", "normative_documents")


def _first_block_template(t: tpl.Templates, text: str, start: int, found, template: str) -> str:
    """The template whose header stands over the 规章/规范性文件 block: the table's, unless the
    header words before that block are all another template's (a 2021 table that kept the
    2019 header 本年新制作数量 … there): its cells are what that header names."""
    first = min((f[2].start for f in found if f[0] in _FIRST_BLOCK and f[2] is not None), default=None)
    if first is None:
        return template
    head = clean(text[start:first])
    seen = [tid for tid, markers in t.active_markers.items() if any(clean(mk) in head for mk in markers)]
    if len(seen) == 1 and seen[0] != template and all((seen[0], k) in t.active for k in _FIRST_BLOCK):
        return seen[0]
    return template


_UNIT = re.compile(r"[(（]?(?:单位[:：])?(?:万?元|件|项|个|条|次|宗|起)[)）]?")


def _sub_row(label: list[lexer.Tok], d, cands: Candidates) -> bool:
    """Whether a row's label is the template row's name followed by a name of its own in a
    cell of its own (其他对外管理服务事项 | 行政检查 | …): a sub-row, the first of several."""
    if len(label) < 2 or _exact_active(label[-1], cands) is not None:
        return False
    first = _exact_active(label[0], cands)
    if first is None or first.key != d.key:
        return False
    tail = clean(core(_label_text(label[1:])))
    return len(tail) >= 2 and _UNIT.fullmatch(tail) is None and not any(ch.isdigit() for ch in tail)


def _shown_label(label: str, d) -> str:
    """The row's name as a person reads it: header text run into the label (信息内容本年制发件数
    …规章, one-line web pages) is dropped."""
    lc = clean(core(label))
    aliases = [clean(a) for a in d.labels]
    if lc in aliases:
        return label
    for alias, ac in zip(d.labels, aliases):
        if lc.endswith(ac):
            return alias
    return label


def _tail_text(label: list[lexer.Tok]) -> list[lexer.Tok]:
    return label[-1:] if label else []


@lru_cache(maxsize=1)
def _active_row_start() -> "re.Pattern":
    labels = sorted({lab for d in tpl.load().active_rows() for lab in d.labels}, key=lambda s: (-len(s), s))
    return re.compile("|".join(map(re.escape, labels)))


@lru_cache(maxsize=1)
def _active_candidates() -> Candidates:
    return Candidates(tpl.load().active_rows())


def _exact_active(tok: lexer.Tok, cands: Candidates):
    hit = cands.exact.get(clean(core(tok.value)))
    return hit[0] if hit else None


def _best_suffix(label: list[lexer.Tok], cands: Candidates):
    """Header cells run into the first row's label: match the label from its end. A note in
    brackets after the row's name is set aside; prose is never a row label."""
    best = (None, 0.0, label)
    if label:
        last = label[-1].value
        hit = cands.exact.get(clean(last)) or cands.exact.get(clean(core(last)))
        if hit:
            return hit[0], 1.0, label[-1:]
    for j in range(1, min(len(label), 4) + 1):
        toks = label[-j:]
        text = _label_text(toks)
        if _is_prose(text):
            break  # a longer label only takes in more of the sentence
        lc = clean(core(text))
        m = None
        lg = bigrams(lc)
        for d in cands.defs:
            sim = similarity(lc, lg, d.labels, tail=True)
            if m is None or sim > m[1]:
                m = (d, sim)
        if m and m[1] > best[1] + 1e-9:
            best = (m[0], m[1], toks)
    return best


def _active_template(t: tpl.Templates, words: list[str], found, report_year: Optional[int]) -> str:
    """Which template the active table follows: its header words, then the number of
    values its rows carry, then the report year."""
    votes = {tid: 0.0 for tid in t.ids}
    joined = clean("".join(words))
    for tid, markers in t.active_markers.items():
        votes[tid] += sum(1 for mk in markers if clean(mk) in joined)
    for key, _, _, values, _, _ in found:
        n = sum(1 for v in values if v.type != "EMPTY")
        fits = [tid for tid in t.ids if (tid, key) in t.active and len(t.active[(tid, key)].fields) == n]
        if len(fits) == 1:
            votes[fits[0]] += 0.5
        only = [tid for tid in t.ids if (tid, key) in t.active]
        if len(only) == 1:
            votes[only[0]] += 1
    ranked = sorted(votes.items(), key=lambda kv: -kv[1])
    if ranked and ranked[0][1] > (ranked[1][1] if len(ranked) > 1 else 0):
        return ranked[0][0]
    if report_year is not None:
        return "2019" if report_year <= 2020 else "2021"
    return "2021" if "2021" in t.ids else t.ids[-1]


# ----------------------------------------------------------------------------- reviews


def read_reviews(text: str, start: int, end: int, heading: Optional[Span], text_end: Optional[int] = None) -> Table:
    t = tpl.load()
    table = Table("reviews", OK, heading=heading, template="unknown")
    lx = lexer.lex(text, start, end, ordinals=False)
    parsed = parser.parse(lx.tokens, "reviews")
    _note_skipped(table, parsed.skipped)
    cut_at = _cut_at(text, end, lx.tokens, text_end)
    table.cut = cut_at is not None
    values: list[lexer.Tok] = []
    nfields = len(t.review_fields)
    broken = False  # header text stands between the values inside a group
    for e in parsed.entries:
        label = _label_text(e.label)
        if values and _is_prose(label):
            break  # prose after the table: its numbers are not the table's
        if not values and _is_prose(label) and len(e.values) < 3:
            continue  # a number at the end of a sentence before the table
        if e.values and label and sum(1 for v in values if v.type != "EMPTY") % nfields:
            broken = True
        values.extend(e.values or ())
    arity = nfields * len(t.review_groups)
    filled = [v for v in values if v.type != "EMPTY"]
    digits = sum(len(v.value) for v in filled)
    if len(filled) >= 3 or digits >= arity:  # a stray number in prose is not a table
        fit = fit_values(values, arity, (nfields, len(t.review_groups)), last=table.cut)
        if fit.extra is not None:
            table.notes.append(fit.extra)
        if not fit.unread and len(filled) == arity and broken:
            # Header text inside a group (复议后起诉 after the 14th value): a converter read the
            # cells out of order (the groups may still balance, by chance), not a report that
            # is wrong. Not read.
            fit = Fit(_unreadable(arity, Span(values[0].start_pos, values[-1].end_pos)), unread="scrambled",
                      raw=" ".join(v.value for v in filled))
        for g, group in enumerate(t.review_groups):
            part = fit.cells[g * nfields : (g + 1) * nfields]
            first = next((c.span for c in part if c.span), None)
            table.rows[group] = Row(group, "", first, part, fields=t.review_fields, unread=fit.unread,
                                    inferred=fit.inferred, raw=fit.raw)
        table.span = Span(values[0].start_pos, values[-1].end_pos)
        if fit.unread in ("cut", "short") and len(filled) < arity:
            table.status = TRUNCATED
            table.stopped_at = Span(values[-1].start_pos, values[-1].end_pos)
            return table
    _finish(table, heading, min_rows=1)
    return table


def doubt_scrambled(tables: dict, text: str) -> None:
    """In a report with a table read poorly (a conversion that scrambled the grid), a row
    whose values do not balance and stand mostly one per line with a line of several among
    them is read out of order, not certainly wrong: not read ("scrambled"). Report-lint's own
    PDF text layer of a Word table prints cells in order on such lines too ("0 35" amid single
    values), and there a row that does not balance is the report's: only where the reading is
    already in doubt is this doubt. Runs only then (off the hot path)."""
    if not any(t.found and t.poorly_read() for t in tables.values()):
        return
    req = tables.get("requests")
    if req is not None and req.found:
        for row in req.rows.values():
            if not row.unread and not row.inferred and not _balances(row.cells, len(row.cells), 1) \
                    and _scrambled(text, row.cells):
                _unread(row, "scrambled")
    rev = tables.get("reviews")
    if rev is not None and rev.found and rev.rows:
        rows = list(rev.rows.values())
        cells = [c for r in rows for c in r.cells]
        size = len(rows[0].cells)
        if (not any(r.unread or r.inferred for r in rows) and not _balances(cells, size, len(rows))
                and _scrambled(text, cells)):
            for r in rows:
                _unread(r, "scrambled")


def _scrambled(text: str, cells: list[Cell]) -> bool:
    """Values mostly one per line, with a line of several values followed by single ones (a
    grid read partly across, partly down: pdftotext without -layout)."""
    lines: list[int] = []
    prev = -1
    for c in cells:
        if c.span is None or c.kind == "blank":
            continue
        if prev < 0 or text.count("\n", prev, c.span.start):
            lines.append(1)
        else:
            lines[-1] += 1
        prev = c.span.end
    single = lines.count(1)
    if single < 3 or 2 * single < len(lines):
        return False
    return any(a > 1 and b == 1 for a, b in zip(lines, lines[1:]))


# ------------------------------------------------------------------------------ shared


def _cut_at(text: str, end: int, tokens, text_end: Optional[int]) -> Optional[int]:
    """Where the text stops, when it stops inside this table's region: the region runs to the
    end of the text and no sentence follows the last value read (an excerpt cut mid-table)."""
    if text_end is None or end < text_end:
        return None
    last = max((t.end_pos for t in tokens if t.type == "VALUES"), default=None)
    if last is not None and "。" in text[last:text_end]:
        return None
    return text_end


def _table_span(tokens, rows: Optional[Span]) -> Optional[Span]:
    """The table as a reader sees it: its rows, and before them the captions and header cells
    that lead into them, but not the prose before the table (a sentence ending in a number,
    which is no row): that is narrative, for the prose checks."""
    if rows is None:
        return None
    start = rows.start
    before = []
    for t in tokens:
        if t.end_pos > rows.start:
            break
        before.append(t)
    for t in reversed(before):
        if t.type == "VALUES" or (t.type == "TEXT" and _is_prose(t.value)):
            break
        start = t.start_pos
    return Span(start, rows.end)


def _span(spans: list[Span]) -> Optional[Span]:
    spans = [s for s in spans if s is not None]
    if not spans:
        return None
    return Span(min(s.start for s in spans), max(s.end for s in spans))


def _note_skipped(table: Table, skipped: list[lexer.Tok]) -> None:
    for tok in skipped:
        table.notes.append(ParseNote("token-skipped", Span(tok.start_pos, tok.end_pos), {"text": tok.value}))


def _finish(table: Table, heading: Optional[Span], min_rows: int) -> None:
    if len(table.rows) >= min_rows:
        table.status = OK
    else:
        table.rows.clear()
        table.unknown_rows.clear()
        table.status = MISSING if heading is not None else ABSENT


def _check_truncated(table: Table, expected, tokens: list[lexer.Tok]) -> None:
    """Rows present up to a point and none after it: the table stops (or the text does)."""
    have = [k for k in expected if k in table.rows]
    if not have:
        return
    last = max(expected.index(k) for k in have)
    if last < len(expected) - 1 and tokens:
        table.status = TRUNCATED
        tok = tokens[-1]
        table.stopped_at = Span(tok.start_pos, tok.end_pos)
