"""The national report templates as data (rules/templates/*.toml).

Every template file describes the rows of the three tables. The parser identifies rows
against the union of all templates, so a report that mixes templates is still read and
the mix can be reported.
"""

from __future__ import annotations

import os

from dataclasses import dataclass
from functools import lru_cache

from .resources import data_dir, load_toml


@dataclass(frozen=True)
class RowDef:
    table: str
    key: str
    labels: tuple[str, ...]
    path: tuple[int, ...] = ()  # requests only: ordinal path
    fields: tuple[str, ...] = ()  # active only
    decimal: bool = False
    templates: frozenset[str] = frozenset()
    is_group: bool = False


@dataclass(frozen=True)
class Templates:
    ids: tuple[str, ...]
    active: dict[tuple[str, str], RowDef]  # (template id, key) -> def
    active_markers: dict[str, tuple[str, ...]]  # template id -> header words
    requests: tuple[RowDef, ...]  # union over templates, data rows and groups
    columns: tuple[str, ...]
    column_labels: tuple[str, ...]
    review_groups: tuple[str, ...]
    review_fields: tuple[str, ...]

    def active_rows(self) -> list[RowDef]:
        return list(self.active.values())


@lru_cache(maxsize=1)
def load() -> Templates:
    folder = os.path.join(data_dir("rules"), "templates")
    files = sorted(os.path.join(folder, n) for n in os.listdir(folder) if n.endswith(".toml"))
    ids: list[str] = []
    active: dict[tuple[str, str], RowDef] = {}
    markers: dict[str, tuple[str, ...]] = {}
    requests: dict[tuple[str, tuple[int, ...], bool], RowDef] = {}
    columns: tuple[str, ...] = ()
    column_labels: tuple[str, ...] = ()
    review_groups: tuple[str, ...] = ()
    review_fields: tuple[str, ...] = ()
    for f in files:
        d = load_toml(f)
        tid = str(d["id"])
        ids.append(tid)
        markers[tid] = tuple(d["active"].get("markers", ()))
        for r in d["active"]["rows"]:
            active[(tid, r["key"])] = RowDef(
                "active", r["key"], tuple(r["labels"]), fields=tuple(r["fields"]),
                decimal=bool(r.get("decimal")), templates=frozenset([tid]),
            )
        req = d["requests"]
        columns = tuple(req["columns"])
        column_labels = tuple(req["column_labels"])
        for is_group, items in ((True, req.get("groups", ())), (False, req["rows"])):
            for r in items:
                ident = (r["key"], tuple(r["path"]), is_group)
                prev = requests.get(ident)
                tids = (prev.templates if prev else frozenset()) | {tid}
                requests[ident] = RowDef(
                    "requests", r["key"], tuple(r["labels"]), path=tuple(r["path"]),
                    templates=tids, is_group=is_group,
                )
        review_groups = tuple(d["reviews"]["groups"])
        review_fields = tuple(d["reviews"]["fields"])
    return Templates(
        ids=tuple(ids), active=active, active_markers=markers, requests=tuple(requests.values()),
        columns=columns, column_labels=column_labels,
        review_groups=review_groups, review_fields=review_fields,
    )
