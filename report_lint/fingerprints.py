"""Stable identities for findings, shared by baselines and the GitLab/SARIF reporters.

A fingerprint must survive edits elsewhere in the report (a paragraph added above shifts every
line) yet tell two findings apart. So it is built from what the finding is about, never from
where it is: the path, the rule code, the flagged text with a little of its line around it
(whitespace removed, so re-wrapping or re-indenting does not matter), and an occurrence number
among findings that share all of that.
"""

from __future__ import annotations

import hashlib
import posixpath
from typing import TYPE_CHECKING, Iterable

if TYPE_CHECKING:
    from .findings import Diagnostic, FileResult

CONTEXT = 8  # code points of the line kept on either side of the flagged text


def _squash(s: str) -> str:
    return "".join(s.split())


def content_key(result: "FileResult", d: "Diagnostic") -> str:
    """What the finding points at, independent of its line number."""
    src = result.source
    if src is None or (d.line, d.column) == (1, 1) and (d.end_line, d.end_column) == (1, 1):
        return ""  # the file as a whole, or a file that could not be read
    try:
        line = src.line_text(d.line)
    except IndexError:
        return ""
    start = d.column - 1
    end = d.end_column - 1 if d.end_line == d.line else len(line)
    end = max(end, start)
    return _squash(line[max(0, start - CONTEXT) : start]) + "[" + _squash(line[start:end]) + "]" + _squash(
        line[end : end + CONTEXT]
    )


def fingerprints(results: "Iterable[FileResult]") -> "list[tuple[Diagnostic, str]]":
    """Every diagnostic with its fingerprint (hex SHA-256, unique across the results)."""
    out: list[tuple["Diagnostic", str]] = []
    seen: dict[str, int] = {}
    for r in results:
        for d in r.diagnostics:
            base = "\x1f".join((posixpath.normpath(d.path.replace("\\", "/")), d.code, content_key(r, d)))
            n = seen.get(base, 0)
            seen[base] = n + 1
            out.append((d, hashlib.sha256(f"{base}\x1f{n}".encode("utf-8")).hexdigest()))
    return out
