"""Where the data directories (grammars/, rules/) are.

In a checkout they sit at the top level beside report_lint/; in a built wheel they travel
inside the package as report_lint/_data/ (pyproject force-include). Look there first.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

_PKG = Path(__file__).resolve().parent


@lru_cache(maxsize=None)
def data_dir(name: str) -> Path:
    for candidate in (_PKG / "_data" / name, _PKG.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"report-lint data directory {name!r} is missing from the installation")


def data_file(name: str, *parts: str) -> Path:
    return data_dir(name).joinpath(*parts)


def load_toml(path: Path) -> dict:
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        import tomli as tomllib  # type: ignore[no-redef]
    with open(path, "rb") as f:
        return tomllib.load(f)
