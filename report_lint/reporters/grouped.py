"""Findings grouped by file, ruff's ``grouped``::

    年报.txt:
      23:15 RL102 错误 “予以公开”一行：“总计”为 3，而自然人与各类法人或其他组织之和为 2
      52:1 RL403 [*] 警告 落款日期“2025年01月09日”应写作“2025年1月9日”

    共检查 1 个文件：1 个错误，1 个警告，0 个提示。

A file without findings is not listed. Written file by file as results arrive.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable, Iterable

from ._common import Tally, joined
from .concise import closing, line

if TYPE_CHECKING:
    from ..findings import FileResult


def render(results: "list[FileResult]", *, lang: str = "zh", color: bool = False, statistics: bool = False) -> str:
    return joined(stream, results, lang=lang, color=color, statistics=statistics)


def stream(results: "Iterable[FileResult]", write: "Callable[[str], object]", *, lang: str = "zh",
           color: bool = False, statistics: bool = False) -> None:
    from .text import _inline

    tally = Tally()
    for r in results:
        tally.add(r)
        # a file whose tables were not all read says so under its name, findings or not
        cov = r.coverage if r.coverage is not None and not r.coverage.checked and not r.extra else None
        if not r.diagnostics and cov is None:
            continue
        width = max((len(f"{d.line}:{d.column}") for d in r.diagnostics), default=0)
        rows = [f"  {f'{d.line}:{d.column}':<{width}} {line(d, lang, position=False)}\n" for d in r.diagnostics]
        if cov is not None:
            rows.append(f"  {'检查范围：' if lang == 'zh' else 'coverage: '}{cov.line}\n")
        write(f"{_inline(r.path)}:\n" + "".join(rows) + "\n")
    write(closing(tally, lang, color, statistics))
