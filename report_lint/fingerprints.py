"""Stable identities for findings, shared by baselines (review files) and the GitLab/SARIF
reporters.

A fingerprint must survive edits elsewhere in the report (a paragraph added above shifts every
line, a paragraph moved) and a change of format (the .txt, .docx and .html copies of one report),
yet tell two findings apart. So it is built from what the finding is about, never from where it
is: the file's path without its extension, the rule code, the flagged text of the analysis text
with a little context around it (spaces, line ends and table rules removed, so re-wrapping, a
table's layout or a page's markup do not matter), and an occurrence number among findings that
share all of that. The engine computes the content part (Diagnostic.key) while the whole text is
at hand.
"""

from __future__ import annotations

import posixpath
import re
from typing import TYPE_CHECKING, Iterable

if TYPE_CHECKING:
    from .findings import Diagnostic, FileResult

CONTEXT = 8  # characters of context kept on either side of the flagged text
_NOISE = re.compile(r"[\s|]+")


def _squash(s: str) -> str:
    return _NOISE.sub("", s)


def context_key(text: str, start: int, end: int) -> str:
    """The flagged text [start, end) of ``text`` with up to CONTEXT characters on each side from
    its own line (paragraph, table row), without spaces and table rules."""
    lo = max(0, start - 4 * CONTEXT)
    lo = text.rfind("\n", lo, start) + 1 or lo  # context within the paragraph: it may move
    hi = text.find("\n", end, end + 4 * CONTEXT)
    before = _squash(text[lo:start])[-CONTEXT:]
    after = _squash(text[end:hi if hi >= 0 else end + 4 * CONTEXT])[:CONTEXT]
    return before + "[" + _squash(text[start:min(end, start + 200)]) + "]" + after


def content_key(result: "FileResult", d: "Diagnostic") -> str:
    """What the finding points at, independent of its line number: Diagnostic.key, or for a
    diagnostic made outside the engine, its original line around it."""
    if d.key:
        return d.key
    src = result.source
    if src is None or (d.line, d.column) == (1, 1) and (d.end_line, d.end_column) == (1, 1):
        return ""  # the file as a whole, or a file that could not be read
    try:
        line = src.line_text(d.line)
    except IndexError:
        return ""
    end = d.end_column - 1 if d.end_line == d.line else len(line)
    return context_key(line, d.column - 1, max(end, d.column - 1))


def report_name(path: str) -> str:
    """The path without its extension (年报.txt, 年报.docx, 年报.html are one report)."""
    p = posixpath.normpath(path.replace("\\", "/"))
    stem, ext = posixpath.splitext(p)
    return stem if ext else p


def fingerprints(results: "Iterable[FileResult]") -> "list[tuple[Diagnostic, str]]":
    """Every diagnostic with its fingerprint (hex SHA-256, unique across the results)."""
    import hashlib  # here, not at the top: context_key is on every check's path (~3 ms)

    out: list[tuple["Diagnostic", str]] = []
    seen: dict[str, int] = {}
    for r in results:
        for d in r.diagnostics:
            base = "\x1f".join((report_name(d.path), d.code, content_key(r, d)))
            n = seen.get(base, 0)
            seen[base] = n + 1
            out.append((d, hashlib.sha256(f"{base}\x1f{n}".encode("utf-8")).hexdigest()))
    return out
