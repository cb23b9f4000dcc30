"""Which files a command reads: the paths given, and the report files inside the folders given.

What is promised (README, "What report-lint promises"):

* a file named on the command line is read as asked, through a symlink too (it was asked for);
* inside a folder, only regular files with a report suffix are read; a symlink is followed only
  when it leads to a place inside one of the folders given on the command line, so a link to
  ``/etc/shadow`` contributed to a checked repository is never read (its path is reported as
  skipped, with the reason); FIFOs, sockets and devices are skipped the same way (opening a FIFO
  would block for ever);
* a folder that cannot be read is an input failure (exit 2), never skipped in silence;
* tool and version-control folders (``.git``, ``node_modules`` …, as ruff excludes them) are
  not searched;
* the walk is iterative (trees thousands of levels deep) and each real folder is entered once
  (symlink loops end).

The result is a list of ``Input``: a path to read, or a path with the reason it is not read.
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass
from typing import Optional

from .findings import Message

# Report files looked for in folders (lower-case suffixes).
REPORT_SUFFIXES = {".txt", ".text", ".md", ".html", ".htm", ".shtml", ".docx", ".pdf"}

# Folders never searched (ruff's default exclusions that can occur in a reports repository).
EXCLUDED_DIRS = frozenset((
    ".bzr", ".direnv", ".eggs", ".git", ".git-rewrite", ".hg", ".mypy_cache", ".nox", ".pants.d",
    ".pytype", ".ruff_cache", ".svn", ".tox", ".venv", "__pypackages__", "_build", "buck-out",
    "node_modules", "venv", "__pycache__", ".pytest_cache", ".hypothesis",
))


@dataclass(frozen=True, slots=True)
class Input:
    """One path a command was asked to read, directly or by a folder."""

    path: str
    explicit: bool  # named on the command line (else found in a folder)
    # Set when the path is not read: why (shown as a finding on the path).
    skip: Optional[Message] = None
    # Set when a folder could not be searched: an input failure (exit 2).
    failure: Optional[Message] = None
    # The real folders a file found in a folder must stay inside when it is opened
    # (a link swapped between the walk and the read is caught then).
    roots: tuple[str, ...] = ()


_SURROGATE = re.compile("[\udc80-\udcff]")  # an undecodable byte of a file name


def display(path: str) -> str:
    """A path as it is shown in every output: bytes that are not UTF-8 (decoded by Python as
    lone surrogates) and control characters become ``\\xNN``, so JSON, XML and terminal
    output stay valid and a file name cannot forge lines of output."""
    if path.isprintable() and _SURROGATE.search(path) is None:
        return path
    out = []
    for c in path:
        o = ord(c)
        if 0xDC80 <= o <= 0xDCFF:
            out.append(f"\\x{o - 0xDC00:02x}")
        elif o < 0x20 or 0x7F <= o < 0xA0 or 0xD800 <= o <= 0xDFFF or c in "\u2028\u2029":
            out.append(f"\\x{o:02x}" if o < 0x100 else f"\\u{o:04x}")
        else:
            out.append(c)
    return "".join(out)


def inside(path: str, roots: tuple[str, ...]) -> bool:
    """Whether the real path ``path`` lies in one of the real folders ``roots``."""
    for root in roots:
        if path == root or path.startswith(root.rstrip(os.sep) + os.sep):
            return True
    return False


def _skip(path: str, zh: str, en: str) -> Input:
    return Input(path, False, skip=Message(zh, en))


def _outside(path: str, target: str) -> Input:
    shown = display(target)
    return _skip(path, f"未读取：这是指向所检查文件夹之外（{shown}）的符号链接",
                 f"not read: a symbolic link to {shown}, outside the folders being checked")


def _special(path: str, mode: int) -> Input:
    if stat.S_ISFIFO(mode):
        zh, en = "命名管道（FIFO）", "a named pipe (FIFO)"
    elif stat.S_ISSOCK(mode):
        zh, en = "套接字", "a socket"
    elif stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        zh, en = "设备文件", "a device"
    else:
        zh, en = "特殊文件", "a special file"
    return _skip(path, f"未读取：这不是普通文件，而是{zh}", f"not read: this is {en}, not a regular file")


def _unreadable_folder(path: str, err: OSError) -> Input:
    shown = display(path)
    reason = err.strerror or type(err).__name__
    return Input(path, False, failure=Message(f"无法读取文件夹：{shown}（{reason}）", f"cannot read the folder {shown}: {reason}"))


def expand(paths: list[str], suffixes=REPORT_SUFFIXES) -> list[Input]:
    """The inputs for ``paths``: files as given, folders searched (each folder's files sorted);
    a path found twice is read once."""
    roots = tuple(os.path.realpath(p) for p in paths if p != "-" and os.path.isdir(p))
    out: list[Input] = []
    seen: set[str] = set()
    for p in paths:
        if p != "-" and os.path.isdir(p):
            found = _walk(p, roots, suffixes)
        else:
            found = [Input(p, True)]
        for item in found:
            if item.path not in seen:
                seen.add(item.path)
                out.append(item)
    return out


def _walk(top: str, roots: tuple[str, ...], suffixes) -> list[Input]:
    """The report files under ``top``, depth first, each folder's entries in name order
    (the order of the paths themselves when sorted)."""
    found: list[Input] = []
    visited: set[tuple[int, int]] = set()
    try:
        st = os.stat(top)
        visited.add((st.st_dev, st.st_ino))
    except OSError as e:
        return [_unreadable_folder(top, e)]
    stack = [top]
    while stack:
        folder = stack.pop()
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as e:
            found.append(_unreadable_folder(folder, e))
            continue
        subfolders = []
        for entry in entries:
            item, sub = _classify(entry, roots, suffixes, visited)
            if item is not None:
                found.append(item)
            if sub is not None:
                subfolders.append(sub)
        stack.extend(reversed(subfolders))
    found.sort(key=lambda i: i.path)
    return found


def _classify(entry: "os.DirEntry", roots, suffixes, visited) -> tuple[Optional[Input], Optional[str]]:
    """(an input to report, a folder to enter) for one folder entry."""
    path = entry.path
    try:
        link = entry.is_symlink()
        mode = entry.stat(follow_symlinks=False).st_mode
    except OSError as e:
        return (_unreadable_folder(path, e) if e.errno not in (None, 2) else None), None
    is_report = os.path.splitext(entry.name)[1].lower() in suffixes
    if link:
        target = os.path.realpath(path)
        try:
            st = os.stat(path)
        except OSError:
            if is_report:
                return _skip(path, "未读取：符号链接指向的文件不存在", "not read: a broken symbolic link"), None
            return None, None
        if stat.S_ISDIR(st.st_mode):
            if entry.name in EXCLUDED_DIRS or not inside(target, roots) or (st.st_dev, st.st_ino) in visited:
                return None, None  # outside (never entered), or already searched: a loop
            visited.add((st.st_dev, st.st_ino))
            return None, path
        if not is_report:
            return None, None
        if not inside(target, roots):
            return _outside(path, target), None
        if not stat.S_ISREG(st.st_mode):
            return _special(path, st.st_mode), None
        return Input(path, False, roots=roots), None
    if stat.S_ISDIR(mode):
        if entry.name in EXCLUDED_DIRS:
            return None, None
        try:
            st = entry.stat()
            key = (st.st_dev, st.st_ino)
        except OSError as e:
            return _unreadable_folder(path, e), None
        if key in visited:
            return None, None
        visited.add(key)
        return None, path
    if not is_report:
        return None, None
    if not stat.S_ISREG(mode):
        return _special(path, mode), None
    return Input(path, False, roots=roots), None
