"""What every output format needs: counts, per-rule statistics, the canonical order."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable

from ..findings import Severity

if TYPE_CHECKING:
    from ..findings import Diagnostic, FileResult


@dataclass(frozen=True, slots=True)
class Summary:
    files: int
    errors: int
    warnings: int
    infos: int
    clean: int = 0  # files without any finding
    with_errors: int = 0  # files with at least one error (an unreadable file is one)
    unchecked: int = 0  # files read whose statistical tables were not all checked (coverage)
    coverage: str = ""  # the coverage line when exactly one file was read

    @property
    def total(self) -> int:
        return self.errors + self.warnings + self.infos


@dataclass(frozen=True, slots=True)
class RuleCount:
    code: str
    name: str
    count: int


def all_diagnostics(results: "Iterable[FileResult]") -> "list[Diagnostic]":
    """Every diagnostic, in input order (files as given, each file's diagnostics as sorted)."""
    return [d for r in results for d in r.diagnostics]


def sorted_diagnostics(results: "Iterable[FileResult]") -> "list[Diagnostic]":
    """Every diagnostic ordered by path, line, column, then code (stable beyond that)."""
    return sorted(all_diagnostics(results), key=lambda d: (d.path, d.line, d.column, d.code))


class Tally:
    """Counts kept while results stream past (a batch never holds every result at once)."""

    def __init__(self) -> None:
        self.files = self.clean = self.with_errors = self.unchecked = 0
        self.covered = 0  # files with a coverage (read as a report)
        self.coverage = ""
        self.counts = {s: 0 for s in Severity}
        self.by_code: dict[str, int] = {}
        self.names: dict[str, str] = {}

    def add(self, r: "FileResult") -> "FileResult":
        error = False
        for d in r.diagnostics:
            self.counts[d.severity] += 1
            error = error or d.severity == Severity.ERROR
            self.by_code[d.code] = self.by_code.get(d.code, 0) + 1
            self.names.setdefault(d.code, d.name)
        if r.extra:  # cross-year findings of a file already counted (series/stage.py)
            self.clean -= bool(r.diagnostics) and not r.had_findings
            self.with_errors += error and not r.had_error
            return r
        self.files += 1
        self.clean += not r.diagnostics
        self.with_errors += error
        if r.coverage is not None:
            self.covered += 1
            self.unchecked += not r.coverage.checked
            self.coverage = r.coverage.line
        return r

    def summary(self) -> Summary:
        c = self.counts
        one = self.coverage if self.files == 1 and self.covered == 1 else ""
        return Summary(self.files, c[Severity.ERROR], c[Severity.WARNING], c[Severity.INFO], self.clean, self.with_errors,
                       self.unchecked, one)

    def rule_counts(self) -> "list[RuleCount]":
        """Diagnostics per code, most frequent first, then by code."""
        return [RuleCount(c, self.names[c], n) for c, n in sorted(self.by_code.items(), key=lambda kv: (-kv[1], kv[0]))]


def by_path(results: "Iterable[FileResult]") -> "list[FileResult]":
    """Results in path order (stable), each file's diagnostics by line, column, code: streamed
    file by file, the order of sorted_diagnostics. (The engine's results are already so
    ordered within a file; these are copies, the caller's results are left alone.)"""
    from dataclasses import replace

    key = lambda d: (d.line, d.column, d.code)  # noqa: E731
    # cross-year findings (extra results) after the files, as the command streams them
    return [replace(r, diagnostics=sorted(r.diagnostics, key=key))
            for r in sorted(results, key=lambda r: (r.extra, r.path))]


def merge_extras(results: "list[FileResult]") -> "list[FileResult]":
    """Each extra result's findings (series/stage.py) moved into its file's result, in order:
    for the formats that are one document (SARIF, JUnit, GitLab, HTML). Results are changed
    in place; the extras are dropped."""
    own = {r.path: r for r in results if not r.extra}
    out = []
    for r in results:
        if not r.extra:
            out.append(r)
            continue
        home = own.get(r.path)
        if home is None:  # never from the command; kept rather than lost
            out.append(r)
            continue
        home.diagnostics = sorted(home.diagnostics + r.diagnostics, key=lambda d: (d.line, d.column, d.code))
        if home.source is not None and r.source is not None and hasattr(home.source, "lines") and hasattr(r.source, "lines"):
            home.source.lines.update(r.source.lines)
            home.source.text_lines.update(r.source.text_lines)
        elif home.source is None:
            home.source = r.source
    return out


def summarize(results: "Iterable[FileResult]") -> Summary:
    t = Tally()
    for r in results:
        t.add(r)
    return t.summary()


def rule_counts(results: "Iterable[FileResult]") -> list[RuleCount]:
    """Diagnostics per code, most frequent first, then by code."""
    t = Tally()
    for r in results:
        t.add(r)
    return t.rule_counts()


def joined(stream, results, **options) -> str:
    """A streaming format's whole output as one string: what its ``render`` returns."""
    out: list[str] = []
    stream(results, out.append, **options)
    return "".join(out)
