"""GitLab Code Quality report (a subset of the Code Climate issue format)::

    [{"description": message, "check_name": "RL102", "fingerprint": "<sha-256 hex>",
      "severity": "major" | "minor" | "info",
      "location": {"path": "reports/年报.txt",
                   "positions": {"begin": {"line", "column"}, "end": {"line", "column"}}}}]

``error`` → ``major``, ``warning`` → ``minor``, ``info`` → ``info``; ``critical`` and
``blocker`` are not used.
The fingerprint is ``report_lint.fingerprints``', the one baselines and SARIF use: it survives
lines added elsewhere and is unique across the array even for two identical findings.

``location.path`` is relative to the current directory (GitLab's is the repository root, where
CI jobs run) with ``/`` separators, not percent-encoded; a file outside the current directory
keeps its absolute path, and standard input is ``-``. Positions are those of the JSON format:
1-based, columns in code points of the original file, the end exclusive (the format does not
say; this keeps every report-lint format alike). The description is the one-line message;
detail lines are left out because GitLab shows descriptions on one line.

Output is a UTF-8 JSON array (``[]`` when nothing was found), no BOM, non-ASCII kept as is,
diagnostics ordered as in the JSON format. ``statistics`` and ``color`` are ignored.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import TYPE_CHECKING

from ._common import sorted_diagnostics

if TYPE_CHECKING:
    from ..findings import FileResult

_SEVERITY = {"error": "major", "warning": "minor", "info": "info"}


def render(results: "list[FileResult]", *, lang: str = "zh", color: bool = False, statistics: bool = False) -> str:
    from ..fingerprints import fingerprints

    fp = {id(d): f for d, f in fingerprints(results)}
    cwd = Path.cwd()
    issues = [
        {
            "description": d.message,
            "check_name": d.code,
            "fingerprint": fp[id(d)],
            "severity": _SEVERITY[d.severity.label],
            "location": {
                "path": _relative_path(d.path, cwd),
                "positions": {
                    "begin": {"line": d.line, "column": d.column},
                    "end": {"line": d.end_line, "column": d.end_column},
                },
            },
        }
        for d in sorted_diagnostics(results)
    ]
    return json.dumps(issues, ensure_ascii=False, indent=2) + "\n"


def _relative_path(path: str, cwd: Path) -> str:
    if path == "-":
        return path
    # A Windows path is still a path on POSIX (the fingerprints treat "\\" as "/" too).
    absolute = Path(os.path.abspath(path.replace("\\", "/")))
    try:
        return absolute.relative_to(cwd).as_posix()
    except ValueError:  # outside the current directory (or on another drive)
        return absolute.as_posix()
