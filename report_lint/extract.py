"""`report-lint extract`: the tables as data, for auditors.

JSON: one object per input file, in input order,
    {"path", "format", "report_year", "tables": {"active", "requests", "reviews"}, "table_status",
     "coverage"}
where a table that was not found is null and values are numbers or null (blank, placeholder,
or not read with certainty: a value is exported only when its row and column are certain).
``table_status`` is ok (every row read), partial (some rows not read, missing, or past the
point where the text stops), missing (heading, no data), absent or not-applicable; ``coverage``
says per table how many rows were expected and read, and why the others were not
(Coverage.as_dict). CSV: one line per cell with its position in the original file.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Iterable, Optional

from .model import Cell, Report, Table


def _value(c: Cell):
    return c.value


def table_data(table: Table, doubt: Optional[dict] = None) -> Optional[dict]:
    """The table's values; ``doubt`` (from `doubtful`): row key -> columns whose cells are
    not certain (None: the whole row), exported as null."""
    if not table.found:
        return None
    doubt = doubt or {}

    def values(k, r):
        cols = doubt.get(k)
        if not cols:
            return [_value(c) for c in r.cells]
        return [None if None in cols or i in cols else _value(c) for i, c in enumerate(r.cells)]

    if table.kind == "requests":
        return {k: values(k, r) for k, r in table.rows.items()}
    return {k: dict(zip(r.fields, values(k, r))) for k, r in table.rows.items()}


def doubtful(report: Report) -> dict:
    """The cells an identity fails over, in a report with a table read poorly (OCR, a
    scrambled conversion): there the failure says our reading may be wrong (the checks say
    so as warnings, engine._doubt_poor_tables), so which of its cells is right is not known
    and none is exported as a number. {table kind: {row key: {column index, or None for the
    whole row}}}; empty for a report read well (the common case: nothing is computed)."""
    found = [t for t in report.tables.values() if t.found]
    if not any(t.poorly_read() for t in found):
        return {}
    from .rules.identities import failing

    out: dict = {}
    for t in found:
        for _code, keys, col in failing(t):
            for k in keys:
                out.setdefault(t.kind, {}).setdefault(k, set()).add(col)
    return out


_STATUS = {"complete": "ok", "unread": "missing"}


def table_status(table: Table) -> str:
    """ok | partial | missing | absent | not-applicable, from the table's coverage."""
    status = table.coverage.status
    return _STATUS.get(status, status)


def report_dict(report: Report) -> dict:
    kinds = ("active", "requests", "reviews")
    doubt = doubtful(report)
    return {
        "path": report.path,
        "format": report.template,
        "report_year": report.report_year,
        "tables": {kind: table_data(report.tables[kind], doubt.get(kind)) for kind in kinds},
        "table_status": {kind: table_status(report.tables[kind]) for kind in kinds},
        "coverage": {kind: report.tables[kind].coverage.as_dict() for kind in kinds},
    }


def to_json(reports: Iterable[dict]) -> str:
    return json.dumps(list(reports), ensure_ascii=False, indent=2) + "\n"


CSV_HEADER = ("path", "table", "row", "column", "value", "line", "col")


def csv_rows(report: Report) -> Iterable[tuple]:
    from .templates import load

    columns = load().columns
    src = report.source
    doubt = doubtful(report)
    for kind in ("active", "requests", "reviews"):
        table = report.tables[kind]
        if not table.found:
            continue
        for key, row in table.rows.items():
            names = row.fields or columns
            cols = doubt.get(kind, {}).get(key, ())
            for i, (name, cell) in enumerate(zip(names, row.cells)):
                line, col = src.position(cell.span.start) if cell.span else ("", "")
                value = "" if cell.value is None or None in cols or i in cols else cell.value
                yield (report.path, kind, key, name, value, line, col)


def to_csv(reports: Iterable[Report], header: bool = True) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    if header:
        w.writerow(CSV_HEADER)
    for r in reports:
        w.writerows(csv_rows(r))
    return buf.getvalue()
