"""Machine-readable output: the CI contract.

    {"version": 1,
     "diagnostics": [{"path", "code", "name", "severity", "message",
                      "line", "column", "end_line", "end_column",
                      "related": [{"line", "column", "message"}],   ("path" first when in another file)
                      "locator": {...}   (web pages, Word documents, PDFs only)}],
     "files": [{"path", "coverage": {"summary", "tables_checked", "tables": {kind: {...}}} or null}],
     "summary": {"files": N, "errors": X, "warnings": Y, "infos": Z,
                 "clean": files without findings, "with_errors": files with an error,
                 "tables_unchecked": files read whose statistical tables were not all checked}}

``files`` says what was checked of each file, in the order checked: ``coverage.summary`` is the
sentence a person reads (三张表均已核对 / 申请情况表 25 行中 18 行已核对，7 行无法读取…),
``tables_checked`` whether every statistical table the report should hold was read whole, and
``tables`` the coverage of each table as ``extract`` gives it (status, rows_expected, rows_read,
rows_unread…). ``coverage`` is null for a file that could not be read.

Positions are 1-based, in code points of the original file, end exclusive. For a web page the
original is the page's HTML source; for a Word document or PDF, the text report-lint read from it
(`report-lint text FILE`). Those formats add ``"locator": {"place": "表3 第5行第2列", "table": 3,
"row": 5, "column": 2, "text_line", "text_column", "text_end_line", "text_end_column"}`` (or
``"paragraph"``, or ``"page"`` and ``"line"``; a span over several adds ``"end_row"`` …), the
text_* positions in the text report-lint read; related positions carry one too. A finding that
can be fixed mechanically adds ``"fix": {"applicability": "safe"|"unsafe", "message", "edits":
[{"content", "location": {"row", "column"}, "end_location": {"row", "column"}}]}`` (ruff's
shape; positions in the original file, end exclusive). ``severity`` is
``error``, ``warning`` or ``info``; messages are in the language asked for. Diagnostics are
ordered by path, line, column, then code (the command checks files in path order and writes
each file's diagnostics as soon as it is checked); the cross-year findings (RL6xx), known only
when the whole batch has been read, follow in the same order among themselves. A related
position in another report (a cross-year finding) starts with ``"path"``. With ``statistics=True`` one more top-level key is
added, ``"statistics": [{"code", "name", "count"}]`` (most frequent first, then by code); without
it the keys are exactly the four above (version, diagnostics, files, summary). ``color`` is ignored.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Callable, Iterable

from .. import jsontext
from ._common import Tally, by_path, joined

if TYPE_CHECKING:
    from ..findings import FileResult

VERSION = 1


def render(results: "list[FileResult]", *, lang: str = "zh", color: bool = False, statistics: bool = False) -> str:
    return joined(stream, by_path(results), lang=lang, color=color, statistics=statistics)


def stream(results: "Iterable[FileResult]", write: "Callable[[str], object]", *, lang: str = "zh",
           color: bool = False, statistics: bool = False) -> None:
    """The same document, written file by file as results arrive (in path order: the command
    checks files in that order), so a batch never holds the whole output. Byte for byte what
    ``json.dumps(doc, ensure_ascii=False, indent=2)`` makes of the whole (tests check it)."""
    tally = Tally()
    write(f'{{\n  "version": {VERSION},\n  "diagnostics": [')
    first = True
    # one small entry per file, what was checked, laid out as its result goes by (while the
    # workers still check, not after the batch, when nothing else is left to do)
    files: list[str] = []
    memo: dict[str, str] = {}
    for r in results:
        tally.add(r)
        for d in r.diagnostics:
            write(("\n    " if first else ",\n    ") + _diagnostic(d))
            first = False
        if not r.extra:
            files.append(_file(r.path, r.coverage.as_dict() if r.coverage is not None else None, memo))
    write("]" if first else "\n  ]")
    write(',\n  "files": ' + ("[\n" + ",\n".join(files) + "\n  ]" if files else "[]"))
    s = tally.summary()
    summary = {"files": s.files, "errors": s.errors, "warnings": s.warnings, "infos": s.infos,
               "clean": s.clean, "with_errors": s.with_errors, "tables_unchecked": s.unchecked}
    write(',\n  "summary": ' + _nested(summary, 1))
    if statistics:
        stats = [{"code": c.code, "name": c.name, "count": c.count} for c in tally.rule_counts()]
        write(',\n  "statistics": ' + _nested(stats, 1))
    write("\n}\n")


_dumps = json.JSONEncoder(ensure_ascii=False).encode  # the C encoder (indent= would not use it)


def _diagnostic(d) -> str:
    """d.as_dict() as json.dumps(indent=2) lays it out two levels deep, built from C-encoded
    values: json's indenting encoder is pure Python and was most of a batch's output time."""
    # pages, documents, PDFs (locators), fixes, positions in another report: the general path
    if d.locator is not None or d.fix is not None or any(r.locator is not None or r.path is not None for r in d.related):
        return _nested(d.as_dict(), 2)
    related = ",\n".join(
        f'        {{\n          "line": {r.line},\n          "column": {r.column},\n'
        f'          "message": {_dumps(r.message)}\n        }}'
        for r in d.related
    )
    related = f"[\n{related}\n      ]" if d.related else "[]"
    return (f'{{\n      "path": {_dumps(d.path)},\n      "code": {_dumps(d.code)},\n'
            f'      "name": {_dumps(d.name)},\n      "severity": {_dumps(d.severity.label)},\n'
            f'      "message": {_dumps(d.message)},\n      "line": {d.line},\n      "column": {d.column},\n'
            f'      "end_line": {d.end_line},\n      "end_column": {d.end_column},\n'
            f'      "related": {related}\n    }}')


def _file(path: str, cov, memo: "dict[str, str]") -> str:
    """One entry of ``files`` as _nested lays it out one level deep, each distinct coverage
    laid out once: most reports of a batch have one of a few (the C encoder's compact text is
    the key)."""
    if cov is None:
        shown = "null"
    else:
        key = _dumps(cov)
        shown = memo.get(key)
        if shown is None:
            shown = memo[key] = jsontext.dumps(cov, 3)
    return f'    {{\n      "path": {_dumps(path)},\n      "coverage": {shown}\n    }}'


def _nested(value, depth: int) -> str:
    """json.dumps(value, indent=2) as it appears ``depth`` levels deep in a document."""
    return jsontext.dumps(value, depth)
