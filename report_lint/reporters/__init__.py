"""Output formats: one module per format, each exposing ``render(results, *, lang, color,
statistics) -> str``, imported only when that format is asked for.

To add a format, write ``reporters/<name>.py`` (``-`` in a name is ``_`` in the module's) with
such a ``render`` function (``stream`` too for a format in STREAMING; ``render`` returns bytes
for one in BINARY) and add the name to ``FORMATS``; the command line's ``--format`` choices are built from it. Helpers every format needs (summary
counts, per-rule statistics, the canonical diagnostic order) live in ``_common``.

Nothing here imports rich: only the text reporter does, and only when colour is on.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Callable, Iterable

if TYPE_CHECKING:
    from ..findings import FileResult

__all__ = ["BINARY", "FORMATS", "HUMAN", "STREAMING", "WHOLE_TEXT", "render", "stream"]

FORMATS = ("text", "json", "sarif", "github", "junit", "gitlab", "html",
           "concise", "grouped", "json-lines", "pylint", "azure", "rdjson", "xlsx")
# Formats that can be written file by file while a batch runs (memory flat in the batch size);
# the others are one document that needs every result (SARIF, JUnit and GitLab totals, the
# HTML page with every text).
STREAMING = frozenset(("text", "json", "github", "concise", "grouped", "json-lines", "pylint", "azure"))
# Formats that show each report's whole text; the others need only the lines of findings, so a
# batch keeps just those (Source.excerpt) and memory follows the findings.
WHOLE_TEXT = frozenset(("html",))
# Formats whose render returns bytes (written to --output, never to a terminal).
BINARY = frozenset(("xlsx",))
# Formats read by people at a terminal: closing lines (fixes, hints) are written into them;
# machine formats get those on standard error instead.
HUMAN = frozenset(("text", "concise", "grouped"))


def render(
    fmt: str,
    results: "list[FileResult]",
    *,
    lang: str = "zh",
    color: bool = False,
    statistics: bool = False,
) -> str:
    """Render ``results`` (in input order, each file's diagnostics sorted) as ``fmt``."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown output format {fmt!r} (expected one of: {', '.join(FORMATS)})")
    module = import_module(f"{__name__}.{fmt.replace('-', '_')}")
    lang = "en" if lang.lower().startswith("en") else "zh"
    return module.render(results, lang=lang, color=color, statistics=statistics)


def stream(
    fmt: str,
    results: "Iterable[FileResult]",
    write: "Callable[[str], object]",
    *,
    lang: str = "zh",
    color: bool = False,
    statistics: bool = False,
) -> None:
    """Write ``results`` as ``fmt`` piece by piece, as they arrive (``fmt`` in STREAMING)."""
    if fmt not in STREAMING:
        raise ValueError(f"format {fmt!r} cannot be streamed")
    module = import_module(f"{__name__}.{fmt.replace('-', '_')}")
    lang = "en" if lang.lower().startswith("en") else "zh"
    module.stream(results, write, lang=lang, color=color, statistics=statistics)
