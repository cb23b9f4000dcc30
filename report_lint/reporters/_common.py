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


def summarize(results: "list[FileResult]") -> Summary:
    counts = {s: 0 for s in Severity}
    clean = with_errors = 0
    for r in results:
        for d in r.diagnostics:
            counts[d.severity] += 1
        clean += not r.diagnostics
        with_errors += any(d.severity == Severity.ERROR for d in r.diagnostics)
    return Summary(len(results), counts[Severity.ERROR], counts[Severity.WARNING], counts[Severity.INFO],
                   clean, with_errors)


def rule_counts(results: "Iterable[FileResult]") -> list[RuleCount]:
    """Diagnostics per code, most frequent first, then by code."""
    counts: dict[str, int] = {}
    names: dict[str, str] = {}
    for r in results:
        for d in r.diagnostics:
            counts[d.code] = counts.get(d.code, 0) + 1
            names.setdefault(d.code, d.name)
    return [RuleCount(c, names[c], n) for c, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]
