"""Applying fixes: `--fix`, `--diff`, `--unsafe-fixes`, as ruff has them.

A finding may carry a Fix (findings.py): edits in the original file's offsets, safe or unsafe.
For a text file, `--fix` applies every available fix whose edits do not overlap one already
taken, checks the new text again and repeats (a fix can make another finding appear or go) until
nothing more is fixed (at most MAX_ROUNDS rounds), then writes the file:

* in its own encoding (UTF-8 with or without BOM, GB18030, Big5, UTF-16/32 with their BOM),
  and only when the new text decodes back to itself; line ends are never touched (an edit never
  spans a line end), so CRLF files stay CRLF;
* atomically (outputs.AtomicOutput: a temporary file renamed into place, the file's mode kept),
  and only when the file on disk is still what was checked;
* a second `--fix` changes nothing (each fix removes what its finding is about).

`--diff` writes nothing and prints a unified diff of what `--fix` would change. Web pages, Word
documents and PDFs are never rewritten: `--diff` says in words what to change where
(表2 第6行第5列：“2025年01月09日” → “2025年1月9日”), and `--fix` leaves them as they are.

Standard input is fixed only to standard output (commands.py), as ruff does.

The step runs where the file is checked (a worker of a batch, or this process), on the full
Source, before the result is slimmed for the reporters.
"""

from __future__ import annotations

import codecs
from typing import TYPE_CHECKING, Callable, Optional

from .findings import FixOutcome

if TYPE_CHECKING:
    from .engine import Engine
    from .findings import Diagnostic, FileResult

MAX_ROUNDS = 10

_BOMS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def fixable(result: "FileResult") -> "list[Diagnostic]":
    """The diagnostics whose fix this run applies."""
    return [d for d in result.diagnostics if d.fix is not None and d.fix.available]


def choose(diags: "list[Diagnostic]") -> "list[Diagnostic]":
    """The fixes to apply in one round: in file order, each whose edits do not overlap (or touch)
    the edits already taken."""
    taken, ends = [], []
    for d in sorted(diags, key=lambda d: (d.fix.edits[0].start, d.code)):
        spans = [(e.start, e.end) for e in d.fix.edits]
        if any((s < e2 and s2 < e) or s == s2 for s, e in spans for s2, e2 in ends):
            continue
        taken.append(d)
        ends.extend(spans)
    return taken


def apply(text: str, diags: "list[Diagnostic]") -> str:
    """``text`` (the original file's text) with the edits of ``diags`` made (non-overlapping)."""
    edits = sorted((e for d in diags for e in d.fix.edits), key=lambda e: e.start)
    out, pos = [], 0
    for e in edits:
        out.append(text[pos:e.start])
        out.append(e.content)
        pos = e.end
    out.append(text[pos:])
    return "".join(out)


def encode_like(text: str, data: bytes, encoding: str) -> Optional[bytes]:
    """``text`` encoded as ``data`` was (its BOM kept), or None when that is not possible or
    would not read back as ``text``."""
    from .source import InputError, decode

    bom = next((b for b in _BOMS if data.startswith(b)), b"")
    codec = encoding.removesuffix("-sig")
    try:
        new = bom + text.encode(codec)
    except (UnicodeError, LookupError):
        return None
    try:
        back, _ = decode(new)
    except InputError:
        return None
    return new if back == text else None


class FixStep:
    """Fix (or diff) a checked file, then hand its result on (``then``: the slimming the batch
    does anyway). Picklable for spawned workers: the engine is rebuilt there."""

    def __init__(self, engine: "Engine", mode: str, then: Callable, stdin_data: Optional[bytes] = None) -> None:
        self.engine = engine
        self.mode = mode  # "fix" | "diff"
        self.then = then
        self.stdin_data = stdin_data

    def __getstate__(self):
        return {"config": self.engine.config, "lang": self.engine.lang, "mode": self.mode, "then": self.then,
                "stdin_data": self.stdin_data}

    def __setstate__(self, state):
        from .engine import Engine

        self.engine = Engine(state["config"], state["lang"])
        self.mode, self.then, self.stdin_data = state["mode"], state["then"], state["stdin_data"]

    def __call__(self, result: "FileResult") -> "FileResult":
        try:
            result = self.fix(result)
        except (Exception, RecursionError, MemoryError) as e:  # our bug: the file stays as it was
            result.fixed = FixOutcome(refused=f"{type(e).__name__}: {e}"[:200])
        if self.stdin_data is not None and self.mode == "fix":
            if result.fixed is None:
                result.fixed = FixOutcome()
            if result.fixed.data is None and result.source is not None:
                result.fixed.data = self.stdin_data  # unchanged: standard output still gets the text
        return self.then(result)

    def fix(self, result: "FileResult") -> "FileResult":
        src = result.source
        if src is None or result.error is not None or not fixable(result):
            return result
        zh = self.engine.lang != "en"
        if src.format != "text":
            outcome = FixOutcome(fixed=[(d.code, d.name) for d in fixable(result)], diff=describe(result, self.engine.lang))
            outcome.refused = ("网页、Word 文档和 PDF 不会被改写：请按 --diff 的说明手工修改" if zh else
                               "web pages, Word documents and PDFs are not rewritten; see --diff for what to change")
            result.fixed = outcome
            return result
        stdin = self.stdin_data is not None  # commands.py fixes standard input only alone
        data = self.stdin_data if stdin else _read(result.path)
        if data is None or _decoded(data) != src.original:
            result.fixed = FixOutcome(refused="文件在检查后被改动或无法再次读取，未修复" if zh else
                                      "the file changed since it was checked or cannot be read again; not fixed")
            return result
        first, current, text, fixed = result, result, src.original, []
        for _ in range(MAX_ROUNDS):
            chosen = choose(fixable(current))
            if not chosen:
                break
            new_text = apply(text, chosen)
            if new_text == text:
                break
            new_data = encode_like(new_text, data, src.encoding)
            if new_data is None:
                if not fixed:
                    result.fixed = FixOutcome(refused=(f"修复后的文字无法用原来的编码（{src.encoding}）保存，未修复" if zh else
                                                       f"the fixed text cannot be saved in the file's encoding ({src.encoding}); not fixed"))
                    return result
                break
            from .source import from_bytes

            checked = self.engine.check_source(from_bytes(new_data, src.path))
            if checked.error is not None:
                break  # report-lint failed on its own fix: keep what was fixed so far
            fixed.extend((d.code, d.name) for d in chosen)
            current, text, final_data = checked, new_text, new_data
        if not fixed:
            return result
        outcome = FixOutcome(fixed=fixed, diff=unified(src.path, src.original, text))
        if self.mode == "diff":
            first.fixed = outcome
            return first
        if stdin:
            outcome.data = final_data
        else:
            from .outputs import AtomicOutput, OutputError

            try:
                if _read(result.path) != data:  # changed while we were fixing it
                    raise OutputError("文件在修复期间被改动", "the file changed while it was being fixed")
                with AtomicOutput(result.path, binary=True) as out:
                    out.write(final_data)
                    out.commit()
                outcome.written = True
            except (OutputError, OSError) as err:
                msg = err.message(self.engine.lang) if isinstance(err, OutputError) else str(err)
                first.fixed = FixOutcome(refused=("未能写回修复：" if zh else "fixes not written: ") + msg)
                return first
        current.fixed = outcome
        return current


def _read(path: str) -> Optional[bytes]:
    from .source import InputError, read_bytes

    try:
        return read_bytes(path)
    except InputError:
        return None


def _decoded(data: bytes) -> Optional[str]:
    from .source import InputError, decode

    try:
        return decode(data)[0]
    except InputError:
        return None


def unified(path: str, old: str, new: str) -> str:
    """A unified diff of the file's text, line ends as they are in the file."""
    import difflib

    a, b = old.splitlines(keepends=True), new.splitlines(keepends=True)
    for lines in (a, b):  # a last line without its line end would run into the next diff line
        if lines and not lines[-1].endswith(("\n", "\r")):
            lines[-1] += "\n\\ No newline at end of file\n"
    return "".join(difflib.unified_diff(a, b, fromfile=f"a/{path}", tofile=f"b/{path}"))


def describe(result: "FileResult", lang: str) -> str:
    """What --fix would change in a file that is not rewritten (a page, a Word document, a
    PDF), in words: one line per fix, where and what."""
    zh = lang != "en"
    head = (f"--- {result.path}\n+++ {result.path}（未改写：请按下列说明手工修改）\n" if zh else
            f"--- {result.path}\n+++ {result.path} (not rewritten: make these changes by hand)\n")
    lines = []
    for d in fixable(result):
        where = d.locator.place if d.locator is not None else f"{d.line}:{d.column}"
        changes = "；".join(_change(e.old, e.content, zh) for e in d.fix.edits) if zh else \
            "; ".join(_change(e.old, e.content, zh) for e in d.fix.edits)
        lines.append(f"{where}{'：' if zh else ': '}{changes}（{d.code} {d.fix.message}）\n" if zh else
                     f"{where}{'：' if zh else ': '}{changes} ({d.code} {d.fix.message})\n")
    return head + "".join(lines)


def _change(old: str, new: str, zh: bool) -> str:
    if not new:
        return f"删去“{old}”" if zh else f"delete “{old}”"
    return f"“{old}” → “{new}”"
