"""Azure Pipelines logging commands, as ruff writes them: one per finding::

    ##vso[task.logissue type=error;sourcepath=reports/年报.txt;linenumber=23;columnnumber=15;code=RL102;]message

Azure knows ``error`` and ``warning`` only: an info finding is a ``warning``. Escaped as the
Azure task library does (the agent reads one command per line): in property values ``%`` →
``%AZP25``, CR → ``%0D``, LF → ``%0A``, ``;`` → ``%3B``, ``]`` → ``%5D``; in the message the
first three. A web page, Word document or PDF puts the place in words before the message.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable, Iterable

from ._common import joined

if TYPE_CHECKING:
    from ..findings import Diagnostic, FileResult


def escape_data(s: str) -> str:
    return s.replace("%", "%AZP25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(s: str) -> str:
    return escape_data(s).replace(";", "%3B").replace("]", "%5D")


def render(results: "list[FileResult]", *, lang: str = "zh", color: bool = False, statistics: bool = False) -> str:
    return joined(stream, results, lang=lang, color=color, statistics=statistics)


def stream(results: "Iterable[FileResult]", write: "Callable[[str], object]", *, lang: str = "zh",
           color: bool = False, statistics: bool = False) -> None:
    for r in results:
        if r.diagnostics:
            write("".join(_command(d, lang) + "\n" for d in r.diagnostics))


def _command(d: "Diagnostic", lang: str) -> str:
    kind = "error" if d.severity.label == "error" else "warning"
    props = [("type", kind)]
    if d.path != "-":
        props.append(("sourcepath", d.path.replace("\\", "/")))
    props += [("linenumber", d.line), ("columnnumber", d.column), ("code", d.code)]
    message = d.message if d.locator is None else f"{d.locator.place}{'：' if lang == 'zh' else ': '}{d.message}"
    if d.detail:
        message += "\n" + d.detail
    return "##vso[task.logissue " + "".join(f"{k}={escape_property(str(v))};" for k, v in props) + "]" + escape_data(message)
