"""Pylint's parseable form, as ruff writes it: ``path:line: [CODE] message``, one line per
finding (tools that read pylint's output, e.g. editors' problem matchers, read this)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable, Iterable

from ._common import joined

if TYPE_CHECKING:
    from ..findings import FileResult


def render(results: "list[FileResult]", *, lang: str = "zh", color: bool = False, statistics: bool = False) -> str:
    return joined(stream, results, lang=lang, color=color, statistics=statistics)


def stream(results: "Iterable[FileResult]", write: "Callable[[str], object]", *, lang: str = "zh",
           color: bool = False, statistics: bool = False) -> None:
    from .text import _inline

    for r in results:
        if r.diagnostics:
            write("".join(f"{_inline(d.path)}:{d.line}: [{d.code}] {_inline(d.message)}\n" for d in r.diagnostics))
