"""Machine-readable output: the CI contract.

    {"version": 1,
     "diagnostics": [{"path", "code", "name", "severity", "message",
                      "line", "column", "end_line", "end_column",
                      "related": [{"line", "column", "message"}]}],
     "summary": {"files": N, "errors": X, "warnings": Y, "infos": Z,
                 "clean": files without findings, "with_errors": files with an error}}

Positions are 1-based, in code points of the original file, end exclusive. ``severity`` is
``error``, ``warning`` or ``info``; messages are in the language asked for. Diagnostics are
ordered by path, line, column, then code. With ``statistics=True`` one more top-level key is
added, ``"statistics": [{"code", "name", "count"}]`` (most frequent first, then by code); without
it the keys are exactly the four above. ``color`` is ignored.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from ._common import rule_counts, sorted_diagnostics, summarize

if TYPE_CHECKING:
    from ..findings import FileResult

VERSION = 1


def render(results: "list[FileResult]", *, lang: str = "zh", color: bool = False, statistics: bool = False) -> str:
    s = summarize(results)
    doc: dict = {
        "version": VERSION,
        "diagnostics": [d.as_dict() for d in sorted_diagnostics(results)],
        "summary": {"files": s.files, "errors": s.errors, "warnings": s.warnings, "infos": s.infos,
                    "clean": s.clean, "with_errors": s.with_errors},
    }
    if statistics:
        doc["statistics"] = [{"code": c.code, "name": c.name, "count": c.count} for c in rule_counts(results)]
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
