"""The cross-year checks of a batch: after every file, before the output is finished.

Each file's result carries its YearData (FileResult.series) from the worker that read it. The
stage takes it off as the result goes by (the reporters never see it), keeps it, and when the
batch is done groups the reports by body, runs the series rules and turns their findings into
diagnostics. Positions need the files' texts, which no worker sent back: the files with a
finding (or pointed at by one) are read again here, and only those; a file that changed in
the meantime (its text no longer has the fingerprint it had) gets its findings at 1:1. A
finding whose every place is the one spot its worker sketched (a report's title, where a
duplicate year points: model.Sketch) is placed from the sketch, without reading anything.

The findings come as extra results after the batch's own, one per file, in path order
(FileResult.extra: the same file, not another one, for the summary's counts).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable, Iterable, Iterator, Optional

if TYPE_CHECKING:
    from ..discover import Input
    from ..engine import Engine
    from ..findings import FileResult, Finding
    from .model import YearData

CACHE = 8  # sources kept while findings are placed (a series' files are read one after another)
PLACE_IN_WORKERS_FROM = 500  # files to read again; fewer are placed here (forking costs more)


class SeriesStage:
    def __init__(self, engine: "Engine", inputs: "Iterable[Input]" = (), *, keep_source: bool = False,
                 previous: "Optional[YearData]" = None, post: "Optional[Callable]" = None, jobs: int = 1) -> None:
        self.engine = engine
        self.jobs = jobs  # worker processes that may place the findings (files read again)
        self.inputs = list(inputs)
        self.keep_source = keep_source
        self.previous = previous
        self.post = post
        self.entries: dict[str, "YearData"] = {}
        self.flags: dict[str, tuple[bool, bool]] = {}
        self.series: list = []
        self.notes: list = []  # Message: what a person should know about the pairing (stderr)

    def __call__(self, results: "Iterable[FileResult]") -> "Iterator[FileResult]":
        from ..findings import Severity

        for r in results:
            d = r.series
            if d is not None:
                r.series = None
                if d.body is not None or self.previous is not None:
                    self.entries[d.path] = d
                    self.flags[d.path] = (bool(r.diagnostics), any(x.severity == Severity.ERROR for x in r.diagnostics))
            yield r
        for extra in self.finish():
            yield self.post(extra) if self.post is not None else extra

    # ------------------------------------------------------------------------------------

    def make_series(self) -> list:
        from .pairing import group, make_series

        if self.previous is not None:
            from ..findings import Message
            from .bodies import compatible

            prev = self.previous
            current = list(self.entries.values())
            if len(current) != 1:
                return []
            cur = current[0]
            if prev.year is None or cur.year is None:
                self.notes.append(Message("无法确定两份报告的年度，未做跨年度核对",
                                          "the year of a report is not known: no cross-year checks"))
                return []
            if prev.year >= cur.year:
                self.notes.append(Message(f"--previous 的报告是 {prev.year} 年度的，不早于本报告（{cur.year} 年度），未做跨年度核对",
                                          f"the --previous report is for {prev.year}, not before this one ({cur.year}): no cross-year checks"))
                return []
            if prev.body and cur.body and not compatible(prev.body, cur.body):
                self.notes.append(Message(f"两份报告不是同一机关（{prev.body_name} / {cur.body_name}），未做跨年度核对",
                                          f"the reports are of two bodies ({prev.body_name} / {cur.body_name}): no cross-year checks"))
                return []
            if prev.body_name and cur.body_name and prev.body != cur.body:
                self.notes.append(Message(f"两份报告的机关名称写法不同（{prev.body_name} / {cur.body_name}），按 --previous 作为同一机关核对",
                                          f"the bodies are named differently ({prev.body_name} / {cur.body_name}); checked as one, as --previous says"))
            if prev.year != cur.year - 1:
                self.notes.append(Message(f"--previous 的报告是 {prev.year} 年度的，不是上一年度（{cur.year - 1}）：上年结转、现行有效等逐年核对未进行",
                                          f"the --previous report is for {prev.year}, not {cur.year - 1}: the year-to-year checks were not made"))
            name = cur.body_name or prev.body_name or cur.path
            return [make_series(cur.body or prev.body or name, name, [prev, cur], explicit=True)]
        return group(self.entries.values())

    def finish(self) -> "list[FileResult]":
        from . import run

        if not self.engine.series_rules:
            return []
        self.series = self.make_series()
        if self.previous is not None:
            self.entries[self.previous.path] = self.previous
        cfg = self.engine.config
        found: dict[str, list] = {}
        for rule, f in run(self.series, self.engine.series_rules, self.engine.ctx):
            path = f.path
            if path is None or path not in self.entries or (self.previous is not None and path == self.previous.path):
                continue
            ignored = cfg.ignored_for(path)
            if ignored and any(f.code.startswith(p) for p in ignored):
                continue
            found.setdefault(path, []).append(f)
        return self._place(sorted(found), found)

    def _place(self, paths: "list[str]", found: "dict[str, list]") -> "list[FileResult]":
        """The results of the files with findings, in path order. Placing a finding reads its
        file again (and the other reports it points into) unless its worker sketched the place
        (_sketched): with many files to read, worker processes share the reading, each taking a
        run of paths (a body's reports often sit together)."""
        def place(chunk: "list[str]") -> "list[FileResult]":
            return [self._result(path, found[path]) for path in chunk]

        if self.jobs > 1 and sum(self._sketched(p, found[p]) is None for p in paths) >= PLACE_IN_WORKERS_FROM:
            from ..batch import map_chunks

            size = -(-len(paths) // (self.jobs * 4))  # a few chunks a worker: none waits long on another
            placed = map_chunks(place, [paths[k:k + size] for k in range(0, len(paths), size)], self.jobs)
            if placed is not None:
                return placed
        return place(paths)

    # ------------------------------------------------------------------------------------

    def _result(self, path: str, findings: "list[Finding]") -> "FileResult":
        from ..findings import FileResult

        sketched = self._sketched(path, findings)
        if sketched is not None:
            source, others = sketched
        else:
            source = self._source(path)
            others = {}
            for f in findings:
                for r in f.related:
                    if r.path is not None and r.path != path and r.path not in others:
                        other = self._source(r.path)
                        if other is not None:
                            others[r.path] = other
        diags = []
        for f in findings:
            if source is None:
                diags.append(self._unplaced(path, f))
                continue
            try:
                diags.append(self.engine._diagnostic(source, f, others))
            except (IndexError, ValueError, TypeError):  # a span outside the text: placed at 1:1
                diags.append(self._unplaced(path, f))
        diags.sort(key=lambda d: (d.line, d.column, d.code))
        shown = source
        if source is not None and not self.keep_source:
            lines = {n for d in diags for n in (d.line, d.end_line)}
            text_lines = {n for d in diags if d.locator is not None for n in (d.locator.text_line, d.locator.text_end_line)}
            shown = source.excerpt(lines, text_lines)
        had, err = self.flags.get(path, (False, False))
        return FileResult(path, shown, diags, extra=True, had_findings=had, had_error=err)

    def _sketched(self, path: str, findings: "list[Finding]"):
        """(sketch, sketches of the other files) when every finding of the file, and every
        position it points at, is the anchor its worker sketched (a duplicate year, RL600, in
        plain text files): then no file is read again. None otherwise, or when the whole text
        is kept (the fixes, the page)."""
        if self.keep_source:
            return None
        own = self.entries.get(path)
        own = own.anchor if own is not None and own.source is None else None
        if own is None:
            return None
        others = {}
        for f in findings:
            if f.span is None or (f.span.start, f.span.end) != own.span or f.fix is not None:
                return None
            for r in f.related:
                if r.span is None:
                    continue
                where = own
                if r.path is not None and r.path != path:
                    entry = self.entries.get(r.path)
                    where = entry.anchor if entry is not None and entry.source is None else None
                    if where is None:
                        return None
                    others[r.path] = where
                if (r.span.start, r.span.end) != where.span:
                    return None
        return own, others

    def _unplaced(self, path: str, f: "Finding"):
        from ..findings import Diagnostic

        lang = self.engine.lang
        note = "（文件在检查期间发生了变化，无法定位）" if lang == "zh" else " (the file changed during the check: not placed)"
        return Diagnostic(path, f.code, f.name, self.engine.severity(f.code, f), f.message.text(lang) + note, 1, 1, 1, 1,
                          detail=f.detail.text(lang) if f.detail is not None else "")

    _cache: "Optional[dict]" = None

    def _source(self, path: str):
        """The Source of a report of the batch, read again; None when it cannot be (or is no
        longer the text the checks read)."""
        if self._cache is None:
            self._cache = {}
        if path in self._cache:
            return self._cache[path]
        entry = self.entries.get(path)
        src = None
        if entry is not None:
            src = entry.source if entry.source is not None else self._read(path, entry)
        if len(self._cache) >= CACHE:
            self._cache.pop(next(iter(self._cache)))
        self._cache[path] = src
        return src

    _by_display: "Optional[dict]" = None

    def _read(self, path: str, entry: "YearData"):
        from .. import source as src_
        from ..discover import display
        from ..source import InputError
        from .digest import fingerprint

        if self._by_display is None:
            self._by_display = {display(i.path): i for i in self.inputs if i.failure is None and i.skip is None}
        item = self._by_display.get(path)
        if item is None or item.path == "-":
            return None
        try:
            s = src_.from_bytes(src_.read_bytes(item.path, roots=None if item.explicit else item.roots), display(item.path))
        except InputError:
            return None
        return s if fingerprint(s.text) == entry.fingerprint else None


def read_previous(engine: "Engine", path: str):
    """The YearData of the report named by --previous, read here (its own findings are not
    reported), or an InputError / a str saying why it cannot take part."""
    from .. import source as src_
    from ..discover import display
    from ..report import build_report
    from .digest import digest

    s = src_.from_bytes(src_.read_bytes(path), display(path))  # InputError: the caller says it
    report = build_report(s)
    if report.kind != "template":
        return None
    d = digest(report)
    d.source = s
    return d
