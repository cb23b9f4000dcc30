"""From parsed table entries to the canonical Table model.

Rows are identified by their place in the ordinal hierarchy (which group they sit in, which
ordinal they carry) together with the best fuzzy match of their label against the template
wordings; never by their position in the file. Values are fitted to the row's arity: blank
cells fill the missing places, run-together digits are split by the table's identities, and a
row that cannot be read with certainty is marked unreadable instead of guessed.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional


from .. import templates as tpl
from ..model import ABSENT, MAX_DIGITS, MISSING, OK, TRUNCATED, Cell, ParseNote, Row, Span, Table
from . import lexer, parser
from .labels import bigrams, clean, similarity
from .recover import recover

_ACCEPT = 0.5  # label similarity needed without ordinal support
_WITH_ORDINAL = 0.25  # label similarity needed when the ordinal path agrees


# ---------------------------------------------------------------------------- cells


def _number(raw: str):
    """The value of a NUM token (1,234 / +2 / 19.5 / 251000元); None when it has more than
    MAX_DIGITS digits (an unreadable value)."""
    s = raw.replace(",", "")
    for unit in ("万元", "元", "万"):
        if s.endswith(unit):
            s = s[: -len(unit)]
            break
    if len(s) - (s[:1] in "+-") - ("." in s) > MAX_DIGITS:
        return None
    if "." in s:
        return float(s)
    return int(s)


def _cell(tok: lexer.Tok) -> Cell:
    kind, raw, start, end = tok
    if kind == "NUM":
        if len(raw) <= MAX_DIGITS and raw.isdigit():  # the common case
            return Cell(int(raw), Span(start, end), raw, "number")
        value = _number(raw)
        return Cell(value, Span(start, end), raw, "number" if value is not None else "unreadable")
    if kind == "NULL":
        return Cell(None, Span(start, end), raw, "placeholder")
    return Cell(None, Span(start, end), "", "blank")


def _too_long(tok: lexer.Tok) -> ParseNote:
    digits = sum(ch.isdigit() for ch in tok.value)
    shown = tok.value if len(tok.value) <= 24 else tok.value[:10] + "…" + tok.value[-10:]
    return ParseNote("value-too-long", Span(tok.start_pos, tok.end_pos), {"raw": shown, "digits": digits})


def _unreadable(n: int, span: Optional[Span]) -> list[Cell]:
    return [Cell(None, span, "", "unreadable") for _ in range(n)]


def fit_values(
    tokens: list[lexer.Tok], arity: int, identity: Optional[tuple[int, int]] = None
) -> tuple[list[Cell], Optional[ParseNote]]:
    """Fit a row's value tokens to `arity` cells.

    Blank cells are merged-cell residue unless the row needs them: they fill the missing
    places in order. A row still short is split by its identity (run-together digits;
    `identity` is (group size, groups): each group's last value is the sum of the rest) or
    marked unreadable.
    """
    cells, note = _fit(tokens, arity, identity)
    if note is None:
        # a value too long to be a number (read as unreadable: the row is left out of the
        # arithmetic) is said, once per row
        for c in cells:
            if c.kind == "unreadable":
                return cells, _too_long(next(t for t in tokens if t.start_pos == c.span.start))
    return cells, note


def _fit(
    tokens: list[lexer.Tok], arity: int, identity: Optional[tuple[int, int]] = None
) -> tuple[list[Cell], Optional[ParseNote]]:
    if len(tokens) == arity and all(t[0] != "EMPTY" for t in tokens):  # the common case
        return [_cell(t) for t in tokens], None
    filled = [t for t in tokens if t.type != "EMPTY"]
    span = Span(tokens[0].start_pos, tokens[-1].end_pos) if tokens else None
    if len(filled) >= arity:
        cells = [_cell(t) for t in filled[:arity]]
        extra = filled[arity:]
        note = None
        if any(t.type == "NUM" for t in extra):
            note = ParseNote("row-extra-values", Span(extra[0].start_pos, extra[-1].end_pos),
                             {"expected": arity, "found": len(filled)})
        return cells, note
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
        return cells, None
    if filled and all(t.type == "NUM" for t in filled):
        if sum(len(t.value) for t in filled) > arity * MAX_DIGITS:
            # too many digits for `arity` numbers of at most MAX_DIGITS each: no split is a row
            return _unreadable(arity, span), _too_long(max(filled, key=lambda t: len(t.value)))
        if identity is not None:
            split, found = recover([t.value for t in filled], *identity)
        else:
            split, found = recover([t.value for t in filled], arity, summed=False)
        if split is not None:
            cells = []
            for i, s, e in split:
                t = filled[i]
                raw = t.value[s:e]
                cells.append(Cell(int(raw), Span(t.start_pos + s, t.start_pos + e), raw, "recovered"))
            return cells, ParseNote("cells-recovered", span, {"raw": " ".join(t.value for t in filled)})
        # "unreadable" (no split satisfies the identity) is certain only where there is one
        code = "row-ambiguous" if found > 1 or identity is None else "row-unreadable"
        return _unreadable(arity, span), ParseNote(code, span, {"raw": " ".join(t.value for t in filled), "expected": arity})
    return _unreadable(arity, span), ParseNote(
        "row-short", span, {"expected": arity, "found": len(filled)}
    )


# ---------------------------------------------------------------------- identification


def _label_text(tokens: list[lexer.Tok]) -> str:
    return "".join(t.value for t in tokens)


def _label_span(ordinal: Optional[lexer.Tok], label: list[lexer.Tok], values: Optional[list[lexer.Tok]]) -> Optional[Span]:
    first = ordinal or (label[0] if label else None)
    if first is None:
        if values:
            return Span(values[0].start_pos, values[0].end_pos)
        return None
    last = label[-1] if label else first
    return Span(first.start_pos, last.end_pos)


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
    """Best (rowdef, similarity, ordinal_agrees) among candidates for a label."""
    lc = clean(label)
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


class _RequestsReader:
    def __init__(self, t: tpl.Templates, table: Table) -> None:
        self.t = t
        self.table = table
        self.identity = (len(t.columns), 1)

    def walk(self, entries, group: Optional[str] = None, major: Optional[int] = None) -> None:
        for e in entries:
            ordv = lexer.ordinal_value(e.ordinal) if e.ordinal is not None else None
            label = _label_text(e.label)
            if e.values is None:  # a group or caption: 三、本年度办理结果, （三）不予公开
                if e.level == "major":
                    self.walk(e.children, None, ordv)
                    continue
                m = _best(label, _request_candidates("group", None)[0], ordv, 2)
                if _accept(m) and m[0].path[:1] == (3,):
                    self.walk(e.children, m[0].key, major)
                else:
                    # An unknown group still holds rows; let their labels speak.
                    self.walk(e.children, None, major)
                continue
            self.add_row(e, label, ordv, group)

    def add_row(self, e, label: str, ordv: Optional[int], group: Optional[str]) -> None:
        cands, depth = _request_candidates(e.level, group)
        m = _best(label, cands, ordv, depth)
        if not _accept(m) and depth:
            # The ordinal context may be wrong (a lost group caption): try every row.
            m2 = _best(label, _request_candidates("any", None)[0], None, 0)
            if m2 is not None and m2[1] >= _ACCEPT:
                m = m2
        span = _label_span(e.ordinal, e.label, e.values)
        cells, note = fit_values(e.values, len(self.t.columns), self.identity)
        if note is not None:
            note.detail["row"] = label
            self.table.notes.append(note)
        if not _accept(m):
            if e.level != "bare" or _looks_like_row(label, e.values):
                row = Row("", label, span, cells, score=m[1] if m else 0.0)
                self.table.unknown_rows.append(row)
            return
        d, sim, _ = m
        if d.key in self.table.rows:
            self.table.notes.append(ParseNote("row-duplicate", span, {"key": d.key, "row": label}))
            return
        self.table.rows[d.key] = Row(d.key, label, span, cells, score=round(min(1.0, sim), 3))


def _looks_like_row(label: str, values) -> bool:
    """A bare label with values that is not prose: worth reporting as an unknown row."""
    if any(p in label for p in "。，,；;") or len(label) > 40:
        return False
    return sum(1 for v in values if v.type != "EMPTY") >= 2


@lru_cache(maxsize=1)
def _request_order() -> dict:
    """Each requests row's place in the template, for ordering rows as printed there."""
    return {d.key: d.path for d in tpl.load().requests if not d.is_group}


@lru_cache(maxsize=None)
def _expected_requests(template: str) -> list[str]:
    """The requests rows a complete table of this template has, in order."""
    in_order = sorted((d for d in tpl.load().requests if not d.is_group), key=lambda d: d.path)
    expected = [d.key for d in in_order if template in d.templates or template == "unknown"]
    return [k for k in expected if not (k == "other" and template != "2019")]


def read_requests(text: str, start: int, end: int, heading: Optional[Span]) -> Table:
    t = tpl.load()
    table = Table("requests", OK, heading=heading)
    lx = lexer.lex(text, start, end)
    parsed = parser.parse(lx.tokens, "requests")
    reader = _RequestsReader(t, table)
    reader.walk(parsed.entries)
    _note_skipped(table, parsed.skipped)
    if lx.tokens:
        table.span = Span(lx.tokens[0].start_pos, lx.tokens[-1].end_pos)
    # Order rows as in the template.
    order = _request_order()
    table.rows = dict(sorted(table.rows.items(), key=lambda kv: order.get(kv[0], (99,))))
    if "other" in table.rows and not any(k.startswith("other.") for k in table.rows):
        table.template = "2019"
    elif any(k.startswith("other.") for k in table.rows):
        table.template = "2021"
    _finish(table, heading, lx.tokens, min_rows=3)
    if table.status == OK:
        _check_truncated(table, _expected_requests(table.template), lx.tokens)
    return table


# ------------------------------------------------------------------------------ active


def read_active(text: str, start: int, end: int, heading: Optional[Span], report_year: Optional[int]) -> Table:
    t = tpl.load()
    table = Table("active", OK, heading=heading)
    lx = lexer.lex(text, start, end, ordinals=False, captions=True, row_start=_active_row_start())
    parsed = parser.parse(lx.tokens, "active")
    _note_skipped(table, parsed.skipped)
    defs = _active_candidates()
    found: list[tuple[str, str, Optional[Span], list[lexer.Tok], float]] = []
    words = [tok.value for tok in lx.stray] + [tok.value for tok in lx.tokens if tok.type in ("TEXT", "CAPTION")]
    for e in parsed.entries:
        if e.level != "arow":
            continue
        d, sim, label_toks = _best_suffix(e.label, defs)
        if d is None or sim < _ACCEPT:
            label = _label_text(e.label)
            if _looks_like_row(label, e.values):
                cells, _ = fit_values(e.values, sum(1 for v in e.values if v.type != "EMPTY"))
                table.unknown_rows.append(Row("", label, _label_span(None, e.label, e.values), cells, score=sim))
            continue
        found.append((d.key, _label_text(label_toks), _label_span(None, label_toks, e.values), e.values, sim))
    table.template = _active_template(t, words, found, report_year)
    for key, label, span, values, sim in found:
        d = t.active.get((table.template, key)) or next(
            (v for (tid, k), v in t.active.items() if k == key), None
        )
        if d is None:
            continue
        if key in table.rows:
            table.notes.append(ParseNote("row-duplicate", span, {"key": key, "row": label}))
            continue
        cells, note = fit_values(values, len(d.fields))
        if note is not None:
            note.detail["row"] = label
            table.notes.append(note)
        table.rows[key] = Row(key, label, span, cells, fields=d.fields, score=round(min(1.0, sim), 3))
    if lx.tokens:
        table.span = Span(lx.tokens[0].start_pos, lx.tokens[-1].end_pos)
    _finish(table, heading, lx.tokens, min_rows=1)
    return table


@lru_cache(maxsize=1)
def _active_row_start() -> "re.Pattern":
    labels = sorted({lab for d in tpl.load().active_rows() for lab in d.labels}, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, labels)))


@lru_cache(maxsize=1)
def _active_candidates() -> Candidates:
    return Candidates(tpl.load().active_rows())


def _best_suffix(label: list[lexer.Tok], cands: Candidates):
    """Header cells run into the first row's label: match the label from its end."""
    best = (None, 0.0, label)
    if label:
        hit = cands.exact.get(clean(label[-1].value))
        if hit:
            return hit[0], 1.0, label[-1:]
    for j in range(1, min(len(label), 4) + 1):
        toks = label[-j:]
        lc = clean(_label_text(toks))
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
    for key, _, _, values, _ in found:
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


def read_reviews(text: str, start: int, end: int, heading: Optional[Span]) -> Table:
    t = tpl.load()
    table = Table("reviews", OK, heading=heading, template="unknown")
    lx = lexer.lex(text, start, end, ordinals=False)
    parsed = parser.parse(lx.tokens, "reviews")
    _note_skipped(table, parsed.skipped)
    values: list[lexer.Tok] = []
    for e in parsed.entries:
        values.extend(e.values or ())
    nfields = len(t.review_fields)
    arity = nfields * len(t.review_groups)
    filled = [v for v in values if v.type != "EMPTY"]
    digits = sum(len(v.value) for v in filled)
    if len(filled) >= 3 or digits >= arity:  # a stray number in prose is not a table
        cells, note = fit_values(values, arity, (nfields, len(t.review_groups)))
        if note is not None:
            table.notes.append(note)
        for g, group in enumerate(t.review_groups):
            part = cells[g * nfields : (g + 1) * nfields]
            first = next((c.span for c in part if c.span), None)
            table.rows[group] = Row(group, "", first, part, fields=t.review_fields)
        table.span = Span(values[0].start_pos, values[-1].end_pos)
        if len(filled) < arity and note is not None and note.code == "row-short":
            table.status = TRUNCATED
            table.stopped_at = Span(values[-1].start_pos, values[-1].end_pos)
            return table
    _finish(table, heading, lx.tokens, min_rows=1)
    return table


# ------------------------------------------------------------------------------ shared


def _note_skipped(table: Table, skipped: list[lexer.Tok]) -> None:
    for tok in skipped:
        table.notes.append(ParseNote("token-skipped", Span(tok.start_pos, tok.end_pos), {"text": tok.value}))


def _finish(table: Table, heading: Optional[Span], tokens: list[lexer.Tok], min_rows: int) -> None:
    if len(table.rows) >= min_rows:
        table.status = OK
    else:
        table.rows.clear()
        table.status = MISSING if heading is not None else ABSENT


def _check_truncated(table: Table, expected: list[str], tokens: list[lexer.Tok]) -> None:
    """Rows present up to a point and none after it: the table was cut off."""
    have = [k for k in expected if k in table.rows]
    if not have:
        return
    last = max(expected.index(k) for k in have)
    if last < len(expected) - 1 and tokens:
        table.status = TRUNCATED
        tok = tokens[-1]
        table.stopped_at = Span(tok.start_pos, tok.end_pos)
