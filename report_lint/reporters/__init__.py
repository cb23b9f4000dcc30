"""Output formats: one module per format, each exposing ``render(results, *, lang, color,
statistics) -> str``, imported only when that format is asked for.

To add a format, write ``reporters/<name>.py`` with such a ``render`` function and add the
name to ``FORMATS``; the command line's ``--format`` choices are built from it. Helpers every format needs (summary
counts, per-rule statistics, the canonical diagnostic order) live in ``_common``.

Nothing here imports rich: only the text reporter does, and only when colour is on.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..findings import FileResult

__all__ = ["FORMATS", "render"]

FORMATS = ("text", "json", "sarif", "github", "junit", "gitlab", "html")


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
    module = import_module(f"{__name__}.{fmt}")
    lang = "en" if lang.lower().startswith("en") else "zh"
    return module.render(results, lang=lang, color=color, statistics=statistics)
