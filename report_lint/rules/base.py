"""The rule interface every check implements, built-in or third-party."""

from __future__ import annotations

import inspect
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, ClassVar, Iterable

from ..findings import Finding, Message, Severity

if TYPE_CHECKING:
    from ..model import Report


@dataclass
class Context:
    """What rules may know beyond the report: options from the configuration."""

    percent_tolerance: float = 0.0
    deadlines: dict = field(default_factory=lambda: {"department": (1, 31), "government": (3, 31)})
    body_kind: str = "auto"


class Rule:
    """A check over the report model.

    Subclasses set ``code`` (stable, never reused), ``name`` (kebab-case), ``severity``,
    ``summary`` (one line in both languages) and ``doc_zh`` (the Chinese explanation with a
    failing and a passing example); the class docstring is the English documentation, in
    ruff's shape: what it does, why, example.
    """

    code: ClassVar[str]
    name: ClassVar[str]
    severity: ClassVar[Severity]
    summary: ClassVar[Message]
    doc_zh: ClassVar[str] = ""
    # What the rule applies to (Report.kind, doctype.py): "report" — every report, those of
    # 2008-2018 too (prose arithmetic, dates, spam…); "template" — reports in the national
    # template only (its sections and tables); "any" — every text, not-reports too (RL002).
    scope: ClassVar[str] = "report"
    # False: an opt-in rule (ruff's preview rules are the model), off unless its full code is
    # named in select / extend-select (a prefix such as RL5 or RL does not turn it on).
    default_enabled: ClassVar[bool] = True

    def check(self, report: "Report", ctx: Context) -> Iterable[Finding]:
        return ()

    def doc(self, lang: str = "zh") -> str:
        if lang == "zh" and self.doc_zh:
            return inspect.cleandoc(self.doc_zh)
        return inspect.cleandoc(type(self).__doc__ or "")


class SeriesRule(Rule):
    """A check over one body's reports across years (RL6xx), run once a whole batch is read.

    ``check(series, ctx)`` receives a ``report_lint.series.Series``: the body's reports in year
    order, each a ``YearData`` (what the worker that read the file kept of it: certain table
    values with their spans, prose statements about other years, the units of section 五, the
    title). Each Finding names the report it is in (``Finding.path``) and may point into
    another (``Related.path``); spans are offsets into that report's analysis text, as for a
    rule over one report. The engine never gives a SeriesRule a single report.
    """

    scope: ClassVar[str] = "series"

    def check(self, series, ctx: Context) -> Iterable[Finding]:  # type: ignore[override]
        return ()
