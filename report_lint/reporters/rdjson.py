"""reviewdog's Diagnostic Format as one JSON document (``rdjson``, DiagnosticResult)::

    {"source": {"name": "report-lint"}, "severity": "ERROR",
     "diagnostics": [{"message": "…", "severity": "ERROR", "code": {"value": "RL102"},
                      "location": {"path": "年报.txt", "range": {"start": {"line": 23, "column": 15},
                                                              "end": {"line": 23, "column": 55}}},
                      "suggestions": [{"range": {…}, "text": "2025年1月9日"}],
                      "related_locations": [{"message": "总计 3", "location": {…}}]}]}

Columns are what reviewdog's format says they are, 1-based counts of UTF-8 bytes (a Chinese
character is three), computed from the line; the end is exclusive. ``severity`` per finding is
ERROR, WARNING or INFO; the top-level one is the worst found. A fixable finding carries its
edits as ``suggestions`` (reviewdog shows them as suggested changes); unsafe ones too, as
suggestions are only offered.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from ._common import sorted_diagnostics

if TYPE_CHECKING:
    from ..findings import FileResult

_SEVERITY = {"error": "ERROR", "warning": "WARNING", "info": "INFO"}


def render(results: "list[FileResult]", *, lang: str = "zh", color: bool = False, statistics: bool = False) -> str:
    sources = {r.path: r.source for r in results}
    diagnostics = []
    worst = None
    for d in sorted_diagnostics(results):
        src = sources.get(d.path)

        def pos(line: int, column: int) -> dict:
            return {"line": line, "column": byte_column(src, line, column)}

        item = {
            "message": d.message if not d.detail else f"{d.message}\n{d.detail}",
            "location": {"path": d.path.replace("\\", "/"),
                         "range": {"start": pos(d.line, d.column), "end": pos(d.end_line, d.end_column)}},
            "severity": _SEVERITY[d.severity.label],
            "code": {"value": d.code},
        }
        if d.fix is not None:
            item["suggestions"] = [{"range": {"start": pos(e.line, e.column), "end": pos(e.end_line, e.end_column)},
                                    "text": e.content} for e in d.fix.edits]
        if d.related:  # a related place in another report (RL6xx) names that report's path
            item["related_locations"] = [
                {"message": r.message,
                 "location": {"path": (r.path if r.path is not None else d.path).replace("\\", "/"),
                              "range": {"start": pos(r.line, r.column) if r.path is None else
                                        {"line": r.line, "column": byte_column(sources.get(r.path), r.line, r.column)}}}}
                for r in d.related]
        diagnostics.append(item)
        if worst is None or d.severity > worst:
            worst = d.severity
    doc = {"source": {"name": "report-lint"}, "severity": _SEVERITY[worst.label] if worst else "INFO",
           "diagnostics": diagnostics}
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def byte_column(source, line: int, column: int) -> int:
    """A 1-based code-point column as a 1-based UTF-8 byte column of that line (the column as
    it is when the line is not at hand)."""
    if source is None or column <= 1:
        return column
    try:
        text = source.line_text(line)
    except (IndexError, AttributeError):
        return column
    return len(text[:column - 1].encode("utf-8", "surrogatepass")) + 1 + max(0, column - 1 - len(text))
