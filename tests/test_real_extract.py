"""Extract on the real-report corpus against the cells read by hand (fixtures/real/truth.toml).

Principle 2 of the README: nothing is guessed. Every value `extract` gives for a file of
fixtures/real must be the value a person read there; a cell that is not certain is null. Null
is allowed (the coverage then says the row was not read) but counted: the budget below may
only go down.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import pytest

from report_lint import source
from report_lint.extract import report_dict
from report_lint.report import build_report

REAL = Path(__file__).resolve().parent.parent / "fixtures" / "real"
FILES = sorted(p.name for p in REAL.glob("*.txt"))
REVIEW_FIELDS = ("upheld", "corrected", "other", "pending", "total")
NULL_BUDGET = 3  # hand-read cells extract leaves null (pingtan2022's 行政规范性文件 8855698)

# truth.toml notes a row with a blank cell in a comment under the file's cells:
#   # regulations: issued 0, repealed 0, in_force blank (null)
_COMMENT_ROW = re.compile(r"^#\s*([a-z_.]+):\s*(.+)$")


@lru_cache(maxsize=1)
def truth() -> dict:
    import tomllib

    data = tomllib.loads((REAL / "truth.toml").read_text(encoding="utf-8"))["files"]
    out = {name: dict(spec.get("cells", {})) for name, spec in data.items()}
    current = None
    for line in (REAL / "truth.toml").read_text(encoding="utf-8").splitlines():
        m = re.match(r'^\[files\."([^"]+)"\.cells\]', line)
        if m:
            current = m.group(1)
            continue
        if line.startswith("["):
            current = None
        m = _COMMENT_ROW.match(line)
        if current and m:
            fields = {}
            for part in m.group(2).split(","):
                name, _, value = part.strip().partition(" ")
                fields[name] = None if value.startswith("blank") else int(value)
            out[current].setdefault(f"active.{m.group(1)}", fields)
    return out


@lru_cache(maxsize=None)
def extracted(name: str) -> dict:
    path = REAL / name
    return report_dict(build_report(source.from_bytes(path.read_bytes(), str(path))))


def _cells(kind: str, value) -> dict:
    """Field or column -> value, for one extracted or hand-read row. A hand-read row writes a
    blank cell as "blank" (TOML has no null): no number may be exported there."""
    if isinstance(value, dict):
        return dict(value)
    names = REVIEW_FIELDS if kind == "reviews" else range(len(value))
    return dict(zip(names, (None if v == "blank" else v for v in value)))


def test_the_corpus_is_there():
    assert len(FILES) >= 80 and "truth.toml" not in FILES


@pytest.mark.parametrize("name", FILES)
def test_no_number_is_exported_that_was_not_read_there(name):
    """Every non-null cell equals the hand-read cell; a row nobody could read holds no number."""
    got = extracted(name)
    hand = truth().get(name, {})
    wrong = []
    for kind, table in got["tables"].items():
        for row, value in (table or {}).items():
            key = f"{kind}.{row}"
            cells = _cells(kind, value)
            if key not in hand:
                extra = {c: v for c, v in cells.items() if v is not None}
                if extra:
                    wrong.append(f"{key}: {extra} exported, but the hand check reads no such row")
                continue
            want = _cells(kind, hand[key])
            for c, v in cells.items():
                if v is not None and v != want.get(c):
                    wrong.append(f"{key}[{c}]: extract {v}, by hand {want.get(c)}")
    assert wrong == []


@pytest.mark.parametrize("name", FILES)
def test_a_table_with_rows_not_read_is_not_ok(name):
    """The status says partial wherever a row was not read; a row not read holds only nulls."""
    got = extracted(name)
    for kind, table in got["tables"].items():
        if table is None:
            continue
        cov = got["coverage"][kind]
        assert cov["rows_read"] + len(cov["rows_unread"]) == len(table)
        short = cov["rows_unread"] or cov["rows_missing"] or cov["rows_after_cut"]
        assert got["table_status"][kind] == ("partial" if short else "ok"), kind
        for row in cov["rows_unread"]:
            assert all(v is None for v in _cells(kind, table[row]).values()), (kind, row)


def test_hand_read_cells_left_null():
    null, total = [], 0
    for name, hand in truth().items():
        if name not in FILES:
            continue
        got = extracted(name)["tables"]
        for key, value in hand.items():
            kind, row = key.split(".", 1)
            want = _cells(kind, value)
            have = _cells(kind, (got.get(kind) or {}).get(row) or {})
            for c, v in want.items():
                if v is None:
                    continue
                total += 1
                if have.get(c) is None:
                    null.append(f"{name} {key}[{c}] = {v}")
    print(f"\n{len(null)} of {total} hand-read cells are null in extract")
    assert total >= 1000
    assert len(null) <= NULL_BUDGET, null
