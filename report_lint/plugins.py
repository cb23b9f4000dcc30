"""Entry points of one group, found without importing importlib.metadata.

importlib.metadata (with email, zipfile and csv behind it) costs more to import than reading
the few ``entry_points.txt`` files it would read, and rule discovery runs on every start. So
for the common case, plain directories on sys.path, the ``*.dist-info`` / ``*.egg-info``
folders are read directly; anything else on sys.path (a zip, an egg file) falls back to
importlib.metadata. The first distribution of a name on sys.path wins, as there.
"""

from __future__ import annotations

import os
import sys
from importlib import import_module
from typing import NamedTuple


class EntryPoint(NamedTuple):
    name: str
    value: str  # "module:attr" (extras in [] are ignored)
    dist: str

    def load(self):
        module, _, attr = self.value.partition(":")
        obj = import_module(module.strip())
        for part in filter(None, attr.split("[")[0].strip().split(".")):
            obj = getattr(obj, part)
        return obj


def _parse(text: str, group: str, dist: str) -> list[EntryPoint]:
    """The entries of ``[group]`` in an entry_points.txt (INI: ``name = module:attr``)."""
    out, inside = [], False
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line[0] in "#;":
            continue
        if line.startswith("["):
            inside = line[1:].split("]")[0].strip() == group
        elif inside and "=" in line:
            name, _, value = line.partition("=")
            out.append(EntryPoint(name.strip(), value.strip(), dist))
    return out


def _dist_name(folder: str) -> str:
    stem = folder.rsplit(".", 1)[0]  # name-version.dist-info, name.egg-info
    return stem.split("-")[0].replace("_", "-").replace(".", "-").lower()


def entry_points(group: str) -> list[EntryPoint]:
    seen: set[str] = set()
    out: list[EntryPoint] = []
    for entry in sys.path:
        where = entry or "."
        if not os.path.isdir(where):
            if os.path.isfile(where):  # a zip on sys.path: let the standard library read it
                from importlib.metadata import entry_points as std

                return [EntryPoint(e.name, e.value, getattr(e.dist, "name", "") or "") for e in std(group=group)]
            continue
        try:
            names = sorted(n for n in os.listdir(where) if n.endswith((".dist-info", ".egg-info")))
        except OSError:
            continue
        for folder in names:
            dist = _dist_name(folder)
            if dist in seen:
                continue
            seen.add(dist)
            try:
                with open(os.path.join(where, folder, "entry_points.txt"), encoding="utf-8") as f:
                    text = f.read()
            except OSError:
                continue
            if group in text:
                out.extend(_parse(text, group, dist))
    return out
