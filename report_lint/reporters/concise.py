"""One line per finding, ruff's ``concise``, then the closing summary::

    年报.txt:23:15: RL102 错误 “予以公开”一行：“总计”为 3，而自然人与各类法人或其他组织之和为 2
    年报.txt:52:1: RL403 [*] 警告 落款日期“2025年01月09日”应写作“2025年1月9日”（月、日前面不加0）
    共检查 1 个文件：1 个错误，1 个警告，0 个提示。

``[*]``: the finding can be fixed with ``--fix``. A web page, Word document or PDF adds the place
in words (``表2 第6行第5列：``) before the message. Written file by file as results arrive.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable, Iterable

from ._common import Tally, joined

if TYPE_CHECKING:
    from ..findings import Diagnostic, FileResult


def line(d: "Diagnostic", lang: str, position: bool = True) -> str:
    from .text import _inline

    mark = " [*]" if d.fix is not None and d.fix.available else ""
    place = f"{_inline(d.locator.place)}{'：' if lang == 'zh' else ': '}" if d.locator is not None else ""
    head = f"{_inline(d.path)}:{d.line}:{d.column}: " if position else ""
    return f"{head}{d.code}{mark} {d.severity.text(lang)} {place}{_inline(d.message)}"


def render(results: "list[FileResult]", *, lang: str = "zh", color: bool = False, statistics: bool = False) -> str:
    return joined(stream, results, lang=lang, color=color, statistics=statistics)


def stream(results: "Iterable[FileResult]", write: "Callable[[str], object]", *, lang: str = "zh",
           color: bool = False, statistics: bool = False) -> None:
    tally = Tally()
    for r in results:
        tally.add(r)
        if r.diagnostics:
            write("".join(line(d, lang) + "\n" for d in r.diagnostics))
    write(closing(tally, lang, color, statistics))


def closing(tally: Tally, lang: str, color: bool, statistics: bool) -> str:
    """The statistics (if asked) and the summary line, as the text format writes them."""
    from .text import _join, _statistics, _summary

    tail: list = []
    if statistics:
        _statistics(tail.append, tally.rule_counts(), lang)
    _summary(tail.append, tally.summary(), lang)
    return _join(tail, color)
