"""Rule discovery.

Built-in rules are found the way third-party rules are: through the entry-point group
``report_lint.rules``. An entry point may name a Rule subclass, a Rule instance, an iterable
of either, or a callable returning such an iterable.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Iterable

from .base import Context, Rule

GROUP = "report_lint.rules"

__all__ = ["Context", "Rule", "RuleError", "all_rules", "GROUP"]


class RuleError(Exception):
    """A rule plug-in that cannot be loaded or clashes with another."""


def _instances(obj, origin: str) -> Iterable[Rule]:
    if isinstance(obj, Rule):
        yield obj
    elif isinstance(obj, type) and issubclass(obj, Rule):
        yield obj()
    elif callable(obj) and not isinstance(obj, type):
        yield from _instances(list(obj()), origin)
    elif isinstance(obj, (list, tuple)):
        for item in obj:
            yield from _instances(item, origin)
    else:
        raise RuleError(f"entry point {origin} does not name rules: {obj!r}")


@lru_cache(maxsize=1)
def all_rules() -> tuple[Rule, ...]:
    """Every installed rule, sorted by code; two rules may not share a code."""
    from ..plugins import entry_points

    found: dict[str, Rule] = {}
    eps = entry_points(group=GROUP)
    if not any(ep.value.startswith("report_lint.") for ep in eps):
        # Running from a checkout that was never installed: the built-ins are still ours.
        from . import builtin

        found.update((r.code, r) for r in _instances(builtin.RULES, "builtin"))
    for ep in eps:
        try:
            obj = ep.load()
        except Exception as e:  # a broken plug-in must not take the tool down silently
            raise RuleError(f"cannot load rule plug-in {ep.name} ({ep.value}): {e}") from e
        for rule in _instances(obj, ep.value):
            other = found.get(rule.code)
            if other is not None and type(other) is not type(rule):
                raise RuleError(f"rule code {rule.code} is defined twice ({type(other).__module__}, {ep.value})")
            found[rule.code] = rule
    return tuple(sorted(found.values(), key=lambda r: r.code))
