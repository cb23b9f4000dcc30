"""The table identities of rules/identities.toml, evaluated over the report model.

Each entry becomes one rule. Equations are parsed with their own small grammar
(grammars/expressions.lark), never eval'd. A blank or placeholder cell counts as 0, as the
template's instruction to write 0 implies; a cell the parser could not read makes that
instance of the identity uncheckable (the parsing rules report it), and an instance whose
terms are all blank is not checkable either (RL107 says so once per table).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Optional

from ..findings import Culprits, Finding, Message, Related, Severity
from ..model import Cell, Report, Row, Span, Table
from ..resources import data_file, load_toml, memo, read_text
from ..templates import load as load_templates
from .base import Context, Rule


@dataclass(frozen=True)
class Term:
    sign: int  # +1 or -1
    key: str  # canonical key; "group.*" sums a group
    optional: bool

    @property
    def wildcard(self) -> bool:
        return self.key.endswith(".*")


@dataclass(frozen=True)
class Equation:
    left: tuple[Term, ...]
    right: tuple[Term, ...]


@lru_cache(maxsize=1)
def _expression_parser():
    from lark import Lark

    # cache=True: Lark keeps the built LALR tables on disk, so a start does not rebuild them
    return Lark(read_text(data_file("grammars", "expressions.lark")), start="equation", parser="lalr", cache=True)


def parse_equation(text: str) -> Equation:
    tree = _expression_parser().parse(text)
    sides = []
    for side in tree.children:
        terms, sign = [], 1
        for child in side.children:
            if getattr(child, "type", None) == "SIGN":
                sign = 1 if child == "+" else -1
                continue
            key = str(child.children[0])
            terms.append(Term(sign, key, len(child.children) > 1))
            sign = 1
        sides.append(tuple(terms))
    return Equation(sides[0], sides[1])


@dataclass
class _Value:
    """One evaluated term: its number, where it came from, how to say it."""

    term: Term
    value: float
    cells: list[tuple[Row, Cell]]


class IdentityRule(Rule):
    """A table identity from rules/identities.toml."""

    scope = "template"  # the national template's tables

    def __init__(self, spec: dict, names: dict, equation: "Optional[Equation]" = None) -> None:
        self.code = spec["code"]
        self.name = spec["name"]
        self.severity = Severity.parse(spec["severity"])
        self.summary = Message(**spec["summary"])
        self.message = Message(**spec["message"])
        self.short = Message(**spec["short"]) if "short" in spec else None
        self.doc_zh = spec.get("doc_zh", "")
        self.doc_en = spec.get("doc_en", "")
        self.table = spec["table"]
        self.over = spec["over"]
        self.locate = spec.get("locate")
        self.equation_text = spec["equation"]
        self.equation = equation if equation is not None else parse_equation(spec["equation"])
        self.names = names
        self._row_plans: dict = {}

    def doc(self, lang: str = "zh") -> str:
        import inspect

        text = self.doc_zh if lang == "zh" and self.doc_zh else self.doc_en
        return inspect.cleandoc(f"{text}\n\nIdentity: {self.equation_text}")

    # -- naming -------------------------------------------------------------------
    def _name(self, key: str, lang: str) -> str:
        table = self.names.get(lang, {})
        return table.get(f"{self.table}.{key}") or table.get(key) or key

    def _say(self, values: list[_Value], lang: str) -> str:
        parts = []
        for i, v in enumerate(values):
            sign = "" if i == 0 and v.term.sign > 0 else (" + " if v.term.sign > 0 else " - ")
            parts.append(f"{sign}{self._name(v.term.key, lang)} {_fmt(v.value)}")
        total = sum(v.term.sign * v.value for v in values)
        text = "".join(parts)
        return text if len(values) == 1 else f"{text} = {_fmt(total)}"

    # -- evaluation ---------------------------------------------------------------
    def check(self, report: Report, ctx: Context) -> Iterable[Finding]:
        table = report.tables.get(self.table)
        if table is None or not table.found:
            return
        if self.over == "columns":
            yield from self._columns(report, table)
        else:
            for key, row in table.rows.items():
                yield from self._within(report, table, row)

    def _row_plan(self, fields: tuple) -> "Optional[tuple[list, list]]":
        """Both sides as (sign, field index) for rows with these fields; None when a term is
        not among them (the row cannot be checked). Made once per rule and field tuple."""
        try:
            return self._row_plans[fields]
        except KeyError:
            pass
        plan: "Optional[tuple[list, list]]" = ([], [])
        for side, terms in zip(plan, (self.equation.left, self.equation.right)):
            for term in terms:
                if term.key not in fields:
                    plan = None
                    break
                side.append((term.sign, fields.index(term.key)))
            if plan is None:
                break
        self._row_plans[fields] = plan
        return plan

    @staticmethod
    def _holds(sides) -> bool:
        """True when the equation holds or cannot be checked (a cell unreadable, every cell
        blank, or one whole side blank: a 总计 left empty beside numbers is not a claimed 0):
        the common case, decided with plain arithmetic and no objects. ``sides`` are the
        (sign, cell) pairs of the left and of the right side, in the equation's order."""
        any_value = False
        totals = [0, 0]
        filled = [False, False]
        for k, side in enumerate(sides):
            total = 0
            for sign, cell in side:
                if cell.kind == "unreadable":
                    return True
                if cell.value is not None:
                    any_value = True
                    filled[k] = True
                    total += sign * cell.value
            totals[k] = total
        if not any_value or _equal(totals[0], totals[1]):
            return True
        # a side with no number at all (every cell blank) cannot contradict the other side
        return not (filled[0] and filled[1])

    def _within(self, report: Report, table: Table, row: Row) -> Iterable[Finding]:
        """The equation over the fields (columns) of one row or review group."""
        fields = row.fields or _columns()
        plan = self._row_plan(fields)
        if plan is None:
            return
        cells_ = row.cells
        if len(cells_) >= len(fields) and self._holds([[(sign, cells_[i]) for sign, i in side] for side in plan]):
            return

        def get(term: Term) -> Optional[list[tuple[Row, Cell]]]:
            if term.key not in fields:
                return None
            return [(row, row.cells[fields.index(term.key)])]

        evaluated = self._evaluate(get)
        if evaluated is None:
            return
        sides, lv, rv = evaluated
        if _equal(lv, rv):
            return
        left, right = self._values(sides[0]), self._values(sides[1])
        span = _row_span(row)
        where = {"row": _row_name(row), "group": self._name(row.key, "zh")}
        where_en = {"row": _row_name(row), "group": self._name(row.key, "en")}
        yield self._finding(span, left, right, lv, rv, where, where_en)

    def _columns(self, report: Report, table: Table) -> Iterable[Finding]:
        """The equation over rows, once per column."""
        columns = _columns()
        plan = self._column_plan(table)
        if plan is None:
            return  # a required row is missing: RL016 reports it
        # each term's rows one by one, and the columns every one of them has
        flat = [[(sign, r.cells) for sign, rows in side for r in rows] for side in plan]
        width = min((len(cells) for side in flat for _, cells in side), default=len(columns))
        for c, column in enumerate(columns):
            if c < width and self._holds([[(sign, cells[c]) for sign, cells in side] for side in flat]):
                continue

            def get(term: Term, c=c) -> Optional[list[tuple[Row, Cell]]]:
                if term.wildcard:
                    prefix = term.key[:-1]
                    return [(r, r.cells[c]) for k, r in table.rows.items() if k.startswith(prefix)]
                r = table.rows.get(term.key)
                if r is None:
                    return [] if term.optional else None
                return [(r, r.cells[c])]

            evaluated = self._evaluate(get)
            if evaluated is None:
                return  # a required row is missing: RL016 reports it
            sides, lv, rv = evaluated
            if _equal(lv, rv):
                continue
            if self._sum_incomplete(table):
                return  # a summed row is missing while unidentified rows hold numbers: doubt
            left, right = self._values(sides[0]), self._values(sides[1])
            rows = list({id(r): r for v in left + right for r, _ in v.cells}.values())
            broken_rows = _rows_breaking_own_total(report, table)
            blamed = [r for r in rows if r.key in broken_rows]
            row = blamed[0] if len(blamed) == 1 else table.rows.get(self.locate or "") or rows[0]
            cell = row.cells[c]
            span = cell.span if cell.span is not None else _row_span(row)
            where = {"column": self._name(column, "zh")}
            where_en = {"column": self._name(column, "en")}
            yield self._finding(span, left, right, lv, rv, where, where_en)

    def _sum_incomplete(self, table: Table) -> bool:
        """A group summed by a wildcard (withheld.*) lacks a template row while the table holds
        rows with numbers that match no template row: the missing row's values are most likely
        among those (a label wrapped around its values, "8.属 … 于行政查询事项"), so a sum
        that fails is doubt about our reading, not a slip (RL012 and RL016 say what was not
        read). Only asked when a column fails."""
        if not any(c.value is not None for r in table.unknown_rows for c in r.cells):
            return False
        prefixes = [t.key[:-1] for t in self.equation.left + self.equation.right if t.wildcard]
        return any(k.startswith(p) for k in table.coverage.missing for p in prefixes)

    def _column_plan(self, table: Table) -> "Optional[tuple[list, list]]":
        """Both sides as (sign, rows) for this table; None when a required row is missing."""
        plan: tuple[list, list] = ([], [])
        for side, terms in zip(plan, (self.equation.left, self.equation.right)):
            for term in terms:
                if term.wildcard:
                    prefix = term.key[:-1]
                    rows = [r for k, r in table.rows.items() if k.startswith(prefix)]
                else:
                    r = table.rows.get(term.key)
                    if r is None:
                        if term.optional:
                            continue
                        return None
                    rows = [r]
                side.append((term.sign, rows))
        return plan

    def _evaluate(self, get):
        """Both sides as [(term, cells, sum)] with their totals; None when not checkable (a
        required row missing, a cell unreadable, or every cell blank). Plain loops: this runs
        for every row and column of every report, the _Value objects only for a failure."""
        sides: tuple[list, list] = ([], [])
        totals = [0, 0]
        filled = [False, False]
        for i, terms in enumerate((self.equation.left, self.equation.right)):
            side, total = sides[i], 0
            for term in terms:
                cells = get(term)
                if cells is None:
                    return None
                if not cells and term.optional:
                    continue  # an absent optional row (other? in a 2021 table) is not a term
                sub = 0
                for _, cell in cells:
                    if cell.kind == "unreadable":
                        return None
                    if cell.value is not None:
                        filled[i] = True
                        sub += cell.value
                side.append((term, cells, sub))
                total += term.sign * sub
            totals[i] = total
        if not filled[0] and not filled[1]:
            return None  # nothing to check: RL107 says the table is not checkable
        if not (filled[0] and filled[1]) and not _equal(totals[0], totals[1]):
            return None  # one side left entirely blank (a 总计 not filled in): RL106 says so
        return sides, totals[0], totals[1]

    @staticmethod
    def _values(side) -> list[_Value]:
        # a group with no row in this table (the 2021 其他处理 sub-rows in a 2019 table) adds
        # nothing: left out of the arithmetic shown ("其他处理 0 + 其他处理 4" read as a slip)
        return [_Value(term, sub, cells) for term, cells, sub in side if cells or not term.wildcard]

    def _culprits(self, left, right, lv, rv, where: dict, where_en: dict) -> "Optional[Culprits]":
        """Each cell of the instance, with the change that alone would make it hold: a cell of
        sign s on the left by -s·(left - right), on the right by +s·(left - right). Names are
        made only for the cell of findings merged (most findings are not)."""
        if self.short is None:
            return None
        gap = lv - rv
        out: dict = {}
        seen: set = set()
        for values, side in ((left, -1), (right, 1)):
            for v in values:
                for row, cell in v.cells:
                    if cell.span is None or cell.kind == "unreadable":
                        continue
                    key = (cell.span.start, cell.span.end)
                    if key in seen:  # in the equation twice: no single change is known
                        out.pop(key, None)
                        continue
                    seen.add(key)
                    out[key] = (side * v.term.sign * gap, cell.value, (row, v.term.key))
        return Culprits(out, self, where, where_en)

    def cell_name(self, row, term_key: str, where: dict, where_en: dict) -> Message:
        """How one cell of an instance is named in a merged finding."""
        if self.over == "columns":
            return Message(f"“{_row_name(row)}”行“{where['column']}”列", f"row “{row.key}”, column “{where_en['column']}”")
        return Message(f"“{where.get('row') or where.get('group')}”的“{self._name(term_key, 'zh')}”",
                       f"“{self._name(term_key, 'en')}” of “{where_en.get('row') or where_en.get('group')}”")

    def short_name(self, where: dict, where_en: dict) -> Message:
        return Message(self.short.zh.format(**where), self.short.en.format(**where_en))

    def _finding(self, span, left, right, lv, rv, where: dict, where_en: dict) -> Finding:
        zh = self.message.zh.format(left=_fmt(lv), right=_fmt(rv), **where)
        en = self.message.en.format(left=_fmt(lv), right=_fmt(rv), **where_en)
        detail = Message(
            f"{self._say(left, 'zh')} ≠ {self._say(right, 'zh')}（相差 {_fmt(abs(lv - rv))}）",
            f"{self._say(left, 'en')} != {self._say(right, 'en')} (difference {_fmt(abs(lv - rv))})",
        )
        related = []
        for v in left + right:
            for row, cell in v.cells:
                if cell.span is None:
                    continue
                label_zh = self._name(v.term.key, "zh") if not v.term.wildcard else _row_name(row)
                label_en = self._name(v.term.key, "en") if not v.term.wildcard else row.key
                shown = _fmt(cell.value) if cell.value is not None else (cell.raw or "空白")
                related.append(Related(cell.span, Message(f"{label_zh} {shown}", f"{label_en} {shown if cell.value is not None else (cell.raw or 'blank')}")))
        return Finding(self.code, Message(zh, en), span, related, detail,
                       culprits=self._culprits(left, right, lv, rv, where, where_en))


def one_finding_per_cell(findings: list[Finding]) -> None:
    """One slip, one finding: identity findings that a single cell explains alike (changing
    that cell alone, by the same amount, makes each of them hold: 予以公开's 总计 275 for 258
    breaks its row and the 总计 column) become one, the first by code; it names the cell, the
    other checks it breaks and the value that makes them all hold. In place."""
    by_cell: dict = {}
    for i, f in enumerate(findings):
        for key, (change, value, name) in (f.culprits.cells if f.culprits else {}).items():
            by_cell.setdefault(key, []).append((i, change, value, name))
    merged: set = set()
    drop: set = set()
    for key in sorted(by_cell):
        group = [x for x in by_cell[key] if x[0] not in merged]
        if len(group) < 2:
            continue
        group = [x for x in group if _equal(x[1], group[0][1])]
        if len(group) < 2:
            continue
        parts = sorted((findings[i] for i, *_ in group), key=lambda f: f.code)
        first, others = parts[0], parts[1:]
        _, change, value, (row, term_key) = group[0]
        c = findings[group[0][0]].culprits
        name = c.rule.cell_name(row, term_key, c.where, c.where_en)
        shorts = [o.culprits.rule.short_name(o.culprits.where, o.culprits.where_en) for o in others]
        target = _fmt((value or 0) + change)
        shown_zh = _fmt(value) if value is not None else "空白"
        shown_en = _fmt(value) if value is not None else "blank"
        n = len(parts)
        how_many = {2: "两", 3: "三", 4: "四"}.get(n, str(n))
        first.message = Message(
            f"{first.message.zh}；这一格（{name.zh} {shown_zh}）也使{'、'.join(x.zh for x in shorts)}"
            f"不成立：只改这一格为 {target}，{how_many}处核对即都成立",
            f"{first.message.en}; this cell ({name.en} {shown_en}) also breaks "
            f"{', '.join(x.en for x in shorts)}: changing only this cell to {target} makes {'both' if n == 2 else f'all {n}'} hold")
        zh_lines = [first.detail.zh] if first.detail else []
        en_lines = [first.detail.en] if first.detail else []
        spans = {(r.span.start, r.span.end) for r in first.related if r.span is not None}
        for o in others:
            zh_lines.append(f"{o.code} {o.message.zh}" + (f"：{o.detail.zh}" if o.detail else ""))
            en_lines.append(f"{o.code} {o.message.en}" + (f": {o.detail.en}" if o.detail else ""))
            for r in o.related:
                if r.span is not None and (r.span.start, r.span.end) not in spans:
                    spans.add((r.span.start, r.span.end))
                    first.related.append(r)
        first.detail = Message("\n".join(zh_lines), "\n".join(en_lines))
        # it keeps its own place (the row, or the cell for a column): where a finding sits, and
        # so its fingerprint in a baseline, must not depend on what else the table breaks
        first.culprits = None
        merged.update(i for i, *_ in group)
        drop.update(id(o) for o in others)
    if drop:
        findings[:] = [f for f in findings if id(f) not in drop]


def _columns() -> tuple[str, ...]:
    return load_templates().columns


def _rows_breaking_own_total(report: Report, table: Table) -> set[str]:
    """Rows whose own row identity fails: the likely culprits of a column that fails.
    Worked out once per table, and only when some column fails."""

    def compute() -> set[str]:
        out = set()
        for rule in identity_rules():
            if rule.table == table.kind and rule.over == "rows":
                for key, row in table.rows.items():
                    if any(True for _ in rule._within(report, table, row)):
                        out.add(key)
        return out

    return report.derive(f"rows-breaking-own-total:{table.kind}", compute)


def _row_span(row: Row) -> Optional[Span]:
    spans = [row.span] + [c.span for c in row.cells]
    spans = [s for s in spans if s is not None]
    if not spans:
        return None
    return Span(min(s.start for s in spans), max(s.end for s in spans))


def _row_name(row: Row) -> str:
    return row.label or row.key


def _equal(a: float, b: float) -> bool:
    return abs(a - b) < 1e-6


def _fmt(v) -> str:
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    return str(v)


def failing(table: Table) -> list[tuple[str, frozenset, Optional[int]]]:
    """The identity instances of one table that fail over the cells as they stand: (rule code,
    keys of the rows taking part, column index or None for a row or group identity). The
    reader asks this to test a placement it inferred; the rules report what remains."""
    out: list[tuple[str, frozenset, Optional[int]]] = []
    for rule in identity_rules():
        if rule.table != table.kind:
            continue
        if rule.over == "columns":
            plan = rule._column_plan(table)
            if plan is None:
                continue
            flat = [[(sign, r.cells) for sign, rows in side for r in rows] for side in plan]
            keys = frozenset(r.key for side in plan for _, rows in side for r in rows)
            width = min((len(cells) for side in flat for _, cells in side), default=0)
            for c in range(width):
                if not rule._holds([[(sign, cells[c]) for sign, cells in side] for side in flat]):
                    out.append((rule.code, keys, c))
        else:
            for key, row in table.rows.items():
                plan = rule._row_plan(row.fields or _columns())
                if plan is None or len(row.cells) < len(row.fields or _columns()):
                    continue
                if not rule._holds([[(sign, row.cells[i]) for sign, i in side] for side in plan]):
                    out.append((rule.code, frozenset((key,)), None))
    return out


def _column_plans(table: Table):
    """(rule, plan) for each column identity of the table's kind that can be laid over it."""
    for rule in identity_rules():
        if rule.table != table.kind or rule.over != "columns":
            continue
        plan = rule._column_plan(table)
        if plan is not None:
            yield rule, plan


def columns_hold(table: Table) -> bool:
    """Whether every column identity of the table holds (or cannot be checked): plain
    arithmetic over the cells, for the reader's quick look before it doubts a reading."""
    width = len(_columns())
    for rule, plan in _column_plans(table):
        flat = [[(sign, r.cells) for sign, rows in side for r in rows] for side in plan]
        for c in range(width):
            if not rule._holds([[(sign, cells[c]) for sign, cells in side if c < len(cells)] for side in flat]):
                return False
    return True


def column_constraints(table: Table, keys) -> list[tuple[float, dict, int]]:
    """The column identity instances of a table that take in any of the rows `keys`, as
    linear constraints on those rows: (left minus right over the other rows' cells, {key:
    sign of that row's cell}, column index). An instance is left out when a cell of another
    row was not read or one side is all blank (not checkable). The reader tries placements
    of the `keys` rows against these without re-evaluating the whole table each time."""
    out: list[tuple[float, dict, int]] = []
    width = len(_columns())
    for rule, plan in _column_plans(table):
        for c in range(width):
            base = 0
            signs: dict = {}
            filled = [False, False]
            ok = True
            for i, side in enumerate(plan):
                mult = 1 if i == 0 else -1
                for sign, rows in side:
                    for r in rows:
                        if r.key in keys:
                            signs[r.key] = signs.get(r.key, 0) + sign * mult
                            filled[i] = True
                            continue
                        cell = r.cells[c] if c < len(r.cells) else None
                        if cell is None or cell.kind == "unreadable":
                            ok = False
                            break
                        if cell.value is not None:
                            base += sign * mult * cell.value
                            filled[i] = True
                    if not ok:
                        break
                if not ok:
                    break
            if ok and signs and filled[0] and filled[1]:
                out.append((base, signs, c))
    return out


@lru_cache(maxsize=1)
def identity_rules() -> tuple[IdentityRule, ...]:
    data = load_toml(data_file("rules", "identities.toml"))
    names = data.get("names", {})
    specs = data.get("identity", ())
    texts = [spec["equation"] for spec in specs]

    def parse_all():  # as plain tuples, so the cache can keep them
        return [tuple(tuple((t.sign, t.key, t.optional) for t in side) for side in (e.left, e.right))
                for e in map(parse_equation, texts)]

    # The parses are kept for this grammar and these equations: a start then needs no Lark.
    key = "\x00".join([read_text(data_file("grammars", "expressions.lark")), *texts])
    parsed = [Equation(*(tuple(Term(*t) for t in side) for side in sides)) for sides in memo("equations", key, parse_all)]
    return tuple(IdentityRule(spec, names, eq) for spec, eq in zip(specs, parsed))
