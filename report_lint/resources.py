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
    if CACHE_DIR is None:
        return _parse_toml(path)
    try:
        st = os.stat(path)
    except OSError:
        return _parse_toml(path)
    # keyed by where the file is and its mtime and size, as Python keys its bytecode
    return memo(f"toml-{os.path.basename(path)}", f"toml 1 {st.st_mtime_ns} {st.st_size} {path}",
                lambda: _parse_toml(path))


def _parse_toml(path: str) -> dict:
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        import tomli as tomllib  # type: ignore[no-redef]
    with open(path, "rb") as f:
        return tomllib.load(f)


# Every cache file: magic, a BLAKE2b digest of everything after it, the entry's key (``head``)
# and the marshalled value. The digest is checked before anything is unmarshalled: marshal
# trusts its input (damaged code objects or regex programs can crash the interpreter), so a file
# that does not verify is deleted and the value computed again, never used.
_MAGIC = b"RLC\x03"
_DIGEST = 16
_MAX_ENTRY = 64 * 1024 * 1024


def _digest(data) -> bytes:
    try:
        from _blake2 import blake2b  # what hashlib wraps; importing hashlib costs ~2.5 ms
    except ImportError:  # pragma: no cover - other Pythons
        from hashlib import blake2b
    return blake2b(data, digest_size=_DIGEST).digest()


def _read_entry(path: str):
    """The bytes of a cache file, or None: missing, not a regular file, a symlink, too large."""
    import stat

    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except (OSError, ValueError):
        return None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode) or st.st_size > _MAX_ENTRY:
            return None
        with open(fd, "rb", closefd=False) as f:
            return f.read(_MAX_ENTRY + 1)
    except (OSError, ValueError):
        return None
    finally:
        os.close(fd)


def read_marshalled(path: str, head: bytes):
    """The value marshalled in ``path`` after exactly ``head``; None when the file is missing,
    made for another key or damaged (a damaged file is removed; the caller computes again)."""
    import marshal

    data = _read_entry(path)
    if data is None:
        return None
    start = len(_MAGIC) + _DIGEST
    view = memoryview(data)
    if data[: len(_MAGIC)] != _MAGIC or _digest(view[start:]) != data[len(_MAGIC):start]:
        try:
            os.unlink(path)
        except OSError:
            pass
        return None
    if data[start:start + len(head)] != head:
        return None  # another key under the same name: a miss
    try:
        return marshal.loads(view[start + len(head):])
    except (ValueError, EOFError, TypeError):  # verified, so only another Python's format
        return None


def write_marshalled(path: str, head: bytes, value) -> None:
    """Write ``head`` and ``value`` marshalled, atomically (a concurrent reader never sees half
    a file); silently nothing when the value cannot be marshalled or the folder not written."""
    import marshal

    tmp = f"{path}.{os.getpid()}.{id(value) & 0xFFFF:x}.tmp"
    try:
        body = head + marshal.dumps(value)
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0), 0o600)
        with open(fd, "wb") as f:
            f.write(_MAGIC + _digest(body) + body)
        os.replace(tmp, path)
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
    import zlib

    raw = key.encode("utf-8", "surrogateescape")
    head = len(raw).to_bytes(8, "little") + raw
    path = os.path.join(CACHE_DIR, f"{name}-{zlib.crc32(raw):08x}")
    value = read_marshalled(path, head)
    if value is None:
        value = compute()
        write_marshalled(path, head, value)
    return value
