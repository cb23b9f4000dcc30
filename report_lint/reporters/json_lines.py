"""JSON Lines (``json-lines``, as ruff names it): one JSON object per finding per line, the
objects of the JSON format's ``diagnostics`` (with ``locator`` and ``fix`` where they apply),
in the same order, and nothing else: no summary. Written file by file as results arrive."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Callable, Iterable

from ._common import joined

if TYPE_CHECKING:
    from ..findings import FileResult


def render(results: "list[FileResult]", *, lang: str = "zh", color: bool = False, statistics: bool = False) -> str:
    return joined(stream, results, lang=lang, color=color, statistics=statistics)


def stream(results: "Iterable[FileResult]", write: "Callable[[str], object]", *, lang: str = "zh",
           color: bool = False, statistics: bool = False) -> None:
    for r in results:
        if r.diagnostics:
            write("".join(json.dumps(d.as_dict(), ensure_ascii=False) + "\n" for d in r.diagnostics))
