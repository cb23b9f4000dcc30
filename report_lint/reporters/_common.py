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
        self.files = self.clean = self.with_errors = 0
        self.counts = {s: 0 for s in Severity}
        self.by_code: dict[str, int] = {}
        self.names: dict[str, str] = {}

    def add(self, r: "FileResult") -> "FileResult":
        self.files += 1
        self.clean += not r.diagnostics
        error = False
        for d in r.diagnostics:
            self.counts[d.severity] += 1
            error = error or d.severity == Severity.ERROR
            self.by_code[d.code] = self.by_code.get(d.code, 0) + 1
            self.names.setdefault(d.code, d.name)
        self.with_errors += error
        return r

    def summary(self) -> Summary:
        c = self.counts
        return Summary(self.files, c[Severity.ERROR], c[Severity.WARNING], c[Severity.INFO], self.clean, self.with_errors)

    def rule_counts(self) -> "list[RuleCount]":
        """Diagnostics per code, most frequent first, then by code."""
        return [RuleCount(c, self.names[c], n) for c, n in sorted(self.by_code.items(), key=lambda kv: (-kv[1], kv[0]))]


def by_path(results: "Iterable[FileResult]") -> "list[FileResult]":
    """Results in path order (stable), each file's diagnostics by line, column, code: streamed
    file by file, the order of sorted_diagnostics. (The engine's results are already so
    ordered within a file; these are copies, the caller's results are left alone.)"""
    from dataclasses import replace

    key = lambda d: (d.line, d.column, d.code)  # noqa: E731
    return [replace(r, diagnostics=sorted(r.diagnostics, key=key)) for r in sorted(results, key=lambda r: r.path)]


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
