"""Where the data directories (grammars/, rules/) are.

In a checkout they sit at the top level beside report_lint/; in a built wheel they travel
inside the package as report_lint/_data/ (pyproject force-include). Look there first.
"""

from __future__ import annotations

import os
from functools import lru_cache

# Plain strings, not pathlib: this is on every start's path, and pathlib costs ~4 ms to import.
_PKG = os.path.dirname(os.path.realpath(__file__))


@lru_cache(maxsize=None)
def data_dir(name: str) -> str:
    for candidate in (os.path.join(_PKG, "_data", name), os.path.join(os.path.dirname(_PKG), name)):
        if os.path.isdir(candidate):
            return candidate
    raise FileNotFoundError(f"report-lint data directory {name!r} is missing from the installation")


def data_file(name: str, *parts: str) -> str:
    return os.path.join(data_dir(name), *parts)


def read_text(path: str) -> str:
    with open(path, encoding="utf-8") as f:
        return f.read()


# Set by the command's entry point (_entry.py) to a folder of report-lint's own cache: the
# bundled TOML data (templates, phrases, identities, spam lexicon) is then parsed once per
# change instead of once per start (tomllib is pure Python: ~10 ms a start). Library use and
# the tests leave it None and always parse.
CACHE_DIR: "str | None" = None


def load_toml(path: str) -> dict:
    if CACHE_DIR is not None:
        cached = _cached(path)
        if cached is not None:
            return cached
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        import tomli as tomllib  # type: ignore[no-redef]
    with open(path, "rb") as f:
        data = tomllib.load(f)
    if CACHE_DIR is not None:
        _store(path, data)
    return data


def _cache_file(path: str) -> "tuple[str, bytes] | None":
    import zlib

    try:
        st = os.stat(path)
    except OSError:
        return None
    head = f"toml 1 {st.st_mtime_ns} {st.st_size} {path}\n".encode("utf-8", "surrogateescape")
    return os.path.join(CACHE_DIR, f"{os.path.basename(path)}-{zlib.crc32(head):08x}"), head


def _cached(path: str) -> "dict | None":
    import marshal

    key = _cache_file(path)
    if key is None:
        return None
    try:
        with open(key[0], "rb") as f:
            data = f.read()
        if data.startswith(key[1]):
            return marshal.loads(data[len(key[1]):])
    except (OSError, ValueError, EOFError, TypeError):
        pass
    return None


def _store(path: str, data: dict) -> None:
    import marshal

    key = _cache_file(path)
    if key is None:
        return
    tmp = f"{key[0]}.{os.getpid()}.tmp"
    try:
        blob = marshal.dumps(data)  # plain TOML values only; a date would raise ValueError
        with open(tmp, "wb") as f:
            f.write(key[1] + blob)
        os.replace(tmp, key[0])
    except (OSError, ValueError):
        try:
            os.unlink(tmp)
        except OSError:
            pass


def memo(name: str, key: str, compute):
    """``compute()`` (plain data that marshal can store), kept in the cache under ``name`` for
    exactly this ``key`` (the whole key is stored and compared, never just its hash)."""
    if CACHE_DIR is None:
        return compute()
    import marshal
    import zlib

    raw = key.encode("utf-8", "surrogatepass")
    head = len(raw).to_bytes(8, "little") + raw
    path = os.path.join(CACHE_DIR, f"{name}-{zlib.crc32(raw):08x}")
    try:
        with open(path, "rb") as f:
            data = f.read()
        if data.startswith(head):
            return marshal.loads(data[len(head):])
    except (OSError, ValueError, EOFError, TypeError):
        pass
    value = compute()
    tmp = f"{path}.{os.getpid()}.tmp"
    try:
        blob = marshal.dumps(value)
        with open(tmp, "wb") as f:
            f.write(head + blob)
        os.replace(tmp, path)
    except (OSError, ValueError):
        try:
            os.unlink(tmp)
        except OSError:
            pass
    return value
