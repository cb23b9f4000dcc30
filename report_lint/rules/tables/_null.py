"""Whether a table holds any number at all."""

from ...model import Table


def all_null(table: Table) -> bool:
    cells = [c for r in table.rows.values() for c in r.cells]
    return bool(cells) and all(c.value is None and c.kind != "unreadable" for c in cells)
