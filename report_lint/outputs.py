"""Writing what a command produces (--output, --write-baseline, extract -o) without ever
destroying an input.

* An output path that is, or resolves to (symlink, hard link, ``./`` spellings), one of the
  inputs of the run is refused before anything is opened for writing (exit 2).
* A regular file is written to a temporary file in the same folder and renamed into place when
  the run succeeds, so a failed or interrupted run leaves the old file (or none), never half a
  file. A path that exists and is not a regular file (``/dev/null``, ``/dev/stdout``, a FIFO) is
  written directly: renaming over a device would replace it.
* The temporary file's name starts with ``.`` and ends in ``.tmp``: a folder walk never takes
  it for a report.
"""

from __future__ import annotations

import os
import stat
from typing import Iterable, Optional

from .discover import display


class OutputError(Exception):
    """An output that cannot or must not be written: said once, exit code 2."""

    def __init__(self, zh: str, en: str) -> None:
        super().__init__(zh, en)
        self.zh, self.en = zh, en

    def message(self, lang: str = "zh") -> str:
        return self.en if lang == "en" else self.zh


def _identity(path: str) -> Optional[tuple[int, int]]:
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return None
    return st.st_dev, st.st_ino


def refuse_inputs(outputs: "Iterable[tuple[str, str]]", inputs: Iterable[str]) -> None:
    """Raise OutputError when an output (option, path) is one of ``inputs`` or another output.

    Compared by the file itself (device and inode, so links and other spellings are caught) and,
    for outputs that do not exist yet, by real path."""
    outputs = [(opt, os.fspath(p)) for opt, p in outputs if p is not None]
    if not outputs:
        return
    wanted: dict = {}
    for opt, p in outputs:
        key = _identity(p) or os.path.realpath(p)
        if key in wanted:
            raise OutputError(f"{wanted[key]} 和 {opt} 不能写入同一个文件：{display(p)}",
                              f"{wanted[key]} and {opt} cannot write to the same file: {display(p)}")
        wanted[key] = opt
    for path in inputs:
        if path == "-":
            continue
        key = _identity(path)
        if key is None:
            continue
        opt = wanted.get(key)
        if opt is not None:
            raise OutputError(
                f"{opt} 指向要检查的文件 {display(path)}：写入会覆盖它。请换一个输出文件名",
                f"{opt} names the input {display(path)}: writing would overwrite it. Choose another output file",
            )


def _refusal(path: str, e: OSError) -> OutputError:
    shown = display(path)
    if isinstance(e, IsADirectoryError) or os.path.isdir(path):
        return OutputError(f"无法写入 {shown}：这是一个文件夹，请给出文件名", f"cannot write {shown}: it is a folder; give a file name")
    if isinstance(e, (FileNotFoundError, NotADirectoryError)):
        return OutputError(f"无法写入 {shown}：所在文件夹不存在", f"cannot write {shown}: its folder does not exist")
    reason = e.strerror or type(e).__name__
    return OutputError(f"无法写入 {shown}：{reason}", f"cannot write {shown}: {reason}")


_PENDING: set = set()  # temporary files being written now (discard_all removes them)


def discard_all() -> None:
    """Remove every unfinished output (report-lint is being terminated)."""
    for tmp in list(_PENDING):
        try:
            os.unlink(tmp)
        except OSError:
            pass
        _PENDING.discard(tmp)


class AtomicOutput:
    """A text file written whole or not at all. Open it before the work starts (a missing or
    read-only folder fails at once, not after a long batch), ``commit()`` at the end;
    ``discard()`` (or leaving the ``with`` block by an exception) removes what was written."""

    def __init__(self, path: "str | os.PathLike", binary: bool = False) -> None:
        self.path = os.fspath(path)
        # binary: bytes are written as they are (an xlsx workbook, a fixed report in its encoding)
        kind = {"mode": "wb"} if binary else {"mode": "w", "encoding": "utf-8", "newline": ""}
        self.tmp: Optional[str] = None
        self.stream = None
        target = self.path
        try:
            st = os.stat(target)
        except (FileNotFoundError, NotADirectoryError):
            st = None
        except (OSError, ValueError) as e:
            raise _refusal(target, e if isinstance(e, OSError) else OSError(str(e))) from None
        if st is not None and stat.S_ISDIR(st.st_mode):
            raise _refusal(target, IsADirectoryError())
        try:
            if st is not None and not stat.S_ISREG(st.st_mode):  # a device or a pipe: as it is
                self.stream = open(target, **kind)
                return
            if os.path.islink(target):  # write where the link leads, keep the link
                target = os.path.realpath(target)
            self.target = target
            folder, name = os.path.split(target)
            import tempfile

            fd, self.tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=folder or ".")
            _PENDING.add(self.tmp)
            mode = stat.S_IMODE(st.st_mode) if st is not None else 0o666 & ~_umask()
            try:
                os.chmod(self.tmp, mode)
            except OSError:
                pass
            self.stream = open(fd, **kind)
        except OSError as e:
            raise _refusal(self.path, e) from None

    def write(self, s: "str | bytes") -> None:
        try:
            self.stream.write(s)
        except OSError as e:
            raise _refusal(self.path, e) from None

    def commit(self) -> None:
        try:
            self.stream.flush()
            if self.tmp is not None:
                os.fsync(self.stream.fileno())
            self.stream.close()
            if self.tmp is not None:
                os.replace(self.tmp, self.target)
                _PENDING.discard(self.tmp)
                self.tmp = None
        except OSError as e:
            self.discard()
            raise _refusal(self.path, e) from None

    def discard(self) -> None:
        try:
            if self.stream is not None and not self.stream.closed:
                self.stream.close()
        except OSError:
            pass
        if self.tmp is not None:
            try:
                os.unlink(self.tmp)
            except OSError:
                pass
            _PENDING.discard(self.tmp)
            self.tmp = None

    def __enter__(self) -> "AtomicOutput":
        return self

    def __exit__(self, kind, value, tb) -> None:
        if kind is not None:
            self.discard()


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_text(path: "str | os.PathLike", text: str) -> None:
    """Write a whole text file atomically (OutputError on failure)."""
    with AtomicOutput(path) as out:
        out.write(text)
        out.commit()


# What report-lint's own outputs start with (or carry near the start), by format: a folder walk
# never takes a result file of an earlier run (`-o 结果.txt` inside the checked folder) for a report.
_OWN_HEADS = (
    rb"[^\n]*:\d+:\d+: RL\d{3} ",  # text
    rb"(?:\xe5\x85\xb1\xe6\xa3\x80\xe6\x9f\xa5|Checked) \d+ ",  # text summary of a clean run (共检查)
    rb"::(?:error|warning|notice) ",  # github
    rb"path,table,row,column,value,line,col\r?\n",  # extract --format csv
    rb"[^\n]*:\n  \d+:\d+ +RL\d{3} ",  # grouped
    rb"[^\n]*:\d+: \[RL\d{3}\] ",  # pylint
    rb"##vso\[task\.logissue ",  # azure
    rb'\{"path": "[^\n]*", "code": "RL\d{3}"',  # json-lines
)
_OWN_MARKS = (
    b'<meta name="generator" content="report-lint',  # html
    b'<testsuites name="report-lint"',  # junit
    b'"tool": "report-lint"',  # baseline
    b'"name": "report-lint"',  # sarif
)


def written_by_report_lint(data: bytes) -> bool:
    """Whether ``data`` is a file report-lint wrote (any output format), not a report."""
    import re

    head = data[:4096]
    if head.startswith(b"\xef\xbb\xbf"):
        head = head[3:]
    if any(re.match(p, head) for p in _OWN_HEADS):
        return True
    if any(m in head for m in _OWN_MARKS):
        return True
    stripped = head.lstrip()
    if stripped.startswith(b"{") and b'"diagnostics"' in head and b'"version"' in head:
        return True  # json
    if stripped.startswith(b"[") and (b'"report_year"' in head or b'"check_name"' in head):
        return True  # extract --format json, gitlab
    return False
