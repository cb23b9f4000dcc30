"""GitHub Actions workflow commands: one annotation per diagnostic, nothing else on stdout.

    ::error file=reports/年报.txt,line=71,endLine=71,col=1,endColumn=3,title=RL102 requests-row-total::第71行…

``error``, ``warning`` and ``info`` become ``::error``, ``::warning`` and ``::notice``. The data
is the message, then the detail lines and the related positions (``相关：65:1 …``), one per line.
Escaping is the runner's (actions/runner ActionCommand.cs, @actions/core command.ts): in the
data ``%`` → ``%25``, CR → ``%0D``, LF → ``%0A``; in property values ``:`` → ``%3A`` and ``,`` →
``%2C`` as well. After escaping no line break is left inside a command, so every annotation is
exactly one output line, and the runner's un-escaping gives back the text exactly.

Positions: ``line``/``col`` are 1-based, columns in code points of the original file; GitHub
does not say whether ``endColumn`` is inclusive, so it is passed through exclusive, as in the
JSON and SARIF formats (ruff's GitHub output does the same). The runner drops columns unless
``line`` = ``endLine``, so a multi-line span gets ``line`` and ``endLine`` only, and a finding
about the whole file (1:1-1:1) gets ``line=1`` only. Paths are written as given (GitHub resolves
them against the workspace) with ``\\`` turned into ``/``; standard input without
``--stdin-filename`` (``-``) gets no ``file``, which GitHub shows as an annotation on the run.

Diagnostics are ordered as in the JSON format. Note that GitHub shows only a limited number of
annotations per step; the rest are still in the log. ``statistics`` and ``color`` are ignored:
a summary line would not be a workflow command.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable, Iterable

from ._common import by_path, joined

if TYPE_CHECKING:
    from ..findings import Diagnostic, FileResult

_COMMAND = {"error": "error", "warning": "warning", "info": "notice"}
_RELATED = {"zh": "相关：", "en": "related: "}


def escape_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(s: str) -> str:
    return escape_data(s).replace(":", "%3A").replace(",", "%2C")


def render(results: "list[FileResult]", *, lang: str = "zh", color: bool = False, statistics: bool = False) -> str:
    return joined(stream, by_path(results), lang=lang, color=color, statistics=statistics)


def stream(results: "Iterable[FileResult]", write: "Callable[[str], object]", *, lang: str = "zh",
           color: bool = False, statistics: bool = False) -> None:
    """One line per diagnostic, file by file as results arrive (in path order, as the command
    checks them)."""
    for r in results:
        if r.diagnostics:
            write("".join(_command(d, lang) + "\n" for d in r.diagnostics))


def _where(r) -> str:
    """A related position: line:column, with the file first when it is another one."""
    return f"{r.path.replace(chr(92), '/')}:{r.line}:{r.column}" if r.path is not None else f"{r.line}:{r.column}"


def _command(d: "Diagnostic", lang: str) -> str:
    props: list[tuple[str, object]] = []
    if d.path != "-":
        props.append(("file", d.path.replace("\\", "/")))
    props.append(("line", d.line))
    whole_file = (d.line, d.column, d.end_line, d.end_column) == (1, 1, 1, 1)
    if not whole_file:
        props.append(("endLine", d.end_line))
        if d.end_line == d.line:
            props += [("col", d.column), ("endColumn", d.end_column)]
    props.append(("title", f"{d.code} {d.name}" if d.name else d.code))
    lines = [d.message if d.locator is None else f"{d.locator.place}: {d.message}"]
    if d.detail:
        lines.append(d.detail)
    lines += [f"{_RELATED[lang]}{_where(r)} {r.message}" for r in d.related]
    properties = ",".join(f"{k}={escape_property(str(v))}" for k, v in props)
    return f"::{_COMMAND[d.severity.label]} {properties}::{escape_data(chr(10).join(lines))}"
