"""Rules over one body's reports across years (RL6xx).

    digest.digest(report) -> YearData what a worker keeps of a report for these rules
    group(yeardatas) -> [Series]      a batch's reports grouped by body, ordered by year
    run(series, rules, ctx)           the findings of the series rules (Finding.path says where)

The batch stage (stage.py) does all of it for `report-lint check`: it takes each result's
YearData as the result goes by, and when the batch is done, groups, runs the rules and turns
their findings into diagnostics by reading again only the files they are in.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable, Iterator

from .model import PriorClaim, Series, YearData
from .pairing import group, make_series

if TYPE_CHECKING:
    from ..findings import Finding
    from ..rules.base import Context, SeriesRule

__all__ = ["PriorClaim", "Series", "YearData", "group", "make_series", "run"]


def run(series: "Iterable[Series]", rules: "Iterable[SeriesRule]", ctx: "Context") -> "Iterator[tuple[SeriesRule, Finding]]":
    """(rule, finding) for every finding of every rule over every series."""
    rules = list(rules)
    for s in series:
        for rule in rules:
            for f in rule.check(s, ctx):
                f.name = rule.name
                yield rule, f
