"""Configuration, the way ruff does it.

Users write either a ``report-lint.toml`` (keys at the top level) or a ``[tool.report-lint]``
table in ``pyproject.toml``. Discovery walks up from the current directory; the first directory
with a ``report-lint.toml``, or a ``pyproject.toml`` that has a ``[tool.report-lint]`` table,
wins (``report-lint.toml`` first within a directory; a ``pyproject.toml`` without the table is
skipped and the walk goes on). ``--config PATH`` names a file explicitly: a file named
``pyproject.toml`` is read from its ``[tool.report-lint]`` table, any other name as top-level keys.

Keys (kebab-case, all optional)::

    select = ["RL1", "RL201"]          # codes or prefixes; default: every rule
    extend-select = []                 # added to select
    ignore = ["RL104"]
    fail-on = "error"                  # error | warning | info
    lang = "zh"                        # zh | en
    percent-tolerance = 0.0            # extra percentage points beyond rounding, >= 0
    body-kind = "auto"                 # auto | department | government
    unsafe-fixes = false               # --fix also applies unsafe fixes (as --unsafe-fixes)

    [severity]                         # per code (or prefix): error | warning | info
    RL201 = "warning"

    [per-file-ignores]                 # glob -> codes; globs relative to this file's directory
    "drafts/**" = ["RL3"]

    [deadlines]                        # "MM-DD" of the year after the report year
    department = "01-31"
    government = "03-31"

Selection follows ruff: between select/extend-select and ignore the most specific (longest)
matching prefix wins, and on a tie ignore wins. Per-file ignores always win.

Every problem is a ``ConfigError`` in Chinese and English that names the file, the (dotted) key
and what was expected. Importing this module is cheap: the TOML parser and difflib are imported
only when needed.
"""

from __future__ import annotations

import math
import os
import posixpath
import re
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, Iterable, Optional, Union

from .findings import Severity

if TYPE_CHECKING:  # pathlib is imported only when a configuration file is found (~4 ms)
    from pathlib import Path

__all__ = [
    "CONFIG_FILENAME",
    "PYPROJECT_FILENAME",
    "KNOWN_KEYS",
    "Config",
    "ConfigError",
    "find_config",
    "load_config",
    "parse_config",
    "unknown_codes",
]

CONFIG_FILENAME = "report-lint.toml"
PYPROJECT_FILENAME = "pyproject.toml"
TOOL_TABLE = "report-lint"

KNOWN_KEYS = (
    "select",
    "extend-select",
    "ignore",
    "severity",
    "per-file-ignores",
    "fail-on",
    "lang",
    "percent-tolerance",
    "deadlines",
    "body-kind",
    "unsafe-fixes",
)
DEADLINE_KEYS = ("department", "government")
BODY_KINDS = ("auto", "department", "government")
LANGS = ("zh", "en")
SEVERITIES = ("error", "warning", "info")

DEFAULT_DEADLINES = {"department": (1, 31), "government": (3, 31)}

_CODE_RE = re.compile(r"[A-Z]+[0-9]*")
_MMDD_RE = re.compile(r"(\d{1,2})-(\d{1,2})")
_DAYS_IN_MONTH = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)  # 02-29 is not every year's


# --------------------------------------------------------------------------- errors


class ConfigError(Exception):
    """A configuration problem, in both languages. Never a traceback for the user."""

    def __init__(
        self,
        message_zh: str,
        message_en: str,
        *,
        path: Optional[Path] = None,
        key: Optional[str] = None,
        line: Optional[int] = None,
        column: Optional[int] = None,
    ):
        super().__init__(message_zh, message_en)  # both in args: survives pickling
        self.message_zh = message_zh
        self.message_en = message_en
        self.path = path
        self.key = key
        self.line = line
        self.column = column

    def message(self, lang: str = "zh") -> str:
        return self.message_en if lang.lower().startswith("en") else self.message_zh

    def __str__(self) -> str:
        return self.message_en


class _Where:
    """How messages name the place a setting came from: a file, or the command line."""

    def __init__(self, path: Optional[Path], *, pyproject: bool = False, cli: bool = False):
        self.path = path
        self.item = "选项" if cli else "配置项"  # what a key is called in Chinese messages
        if cli:
            self.zh, self.en = "命令行", "command line"
        elif path is None:
            self.zh, self.en = "配置", "configuration"
        else:
            self.zh = self.en = _display(path) + (f" [tool.{TOOL_TABLE}]" if pyproject else "")

    def error(self, zh: str, en: str, key: Optional[str] = None, **kw: Any) -> ConfigError:
        return ConfigError(f"{self.zh}：{zh}", f"{self.en}: {en}", path=self.path, key=key, **kw)


def _display(path: Path) -> str:
    """The path relative to the current directory when it is inside it, else absolute."""
    try:
        rel = os.path.relpath(os.path.abspath(path))
    except ValueError:  # another drive on Windows
        return str(path)
    return str(path.absolute()) if rel == ".." or rel.startswith(".." + os.sep) else rel


def _suggest(word: str, choices: Iterable[str]) -> Optional[str]:
    """The closest choice (difflib), comparing case-insensitively with "_" read as "-"."""
    import difflib

    by_folded = {c.lower(): c for c in choices}
    folded = word.strip().lower().replace("_", "-").replace(" ", "-")
    if folded in by_folded and by_folded[folded] != word:
        return by_folded[folded]
    close = difflib.get_close_matches(folded, list(by_folded), n=1, cutoff=0.6)
    return by_folded[close[0]] if close else None


def _hint_zh(s: Optional[str]) -> str:
    return f"（是否想写 “{s}”？）" if s else ""


def _hint_en(s: Optional[str]) -> str:
    return f" (did you mean {s!r}?)" if s else ""


_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")


def _dotted(*parts: str) -> str:
    return ".".join(p if _BARE_KEY.fullmatch(p) else '"' + p.replace('"', '\\"') + '"' for p in parts)


def _type_name(value: Any) -> tuple[str, str]:
    import datetime

    if isinstance(value, bool):
        return "布尔值", "a boolean"
    if isinstance(value, int):
        return "整数", "an integer"
    if isinstance(value, float):
        return "数", "a number"
    if isinstance(value, str):
        return "字符串", "a string"
    if isinstance(value, (list, tuple)):
        return "数组", "an array"
    if isinstance(value, dict):
        return "表", "a table"
    if isinstance(value, (datetime.date, datetime.time)):  # datetime is a date
        return "日期/时间", "a date/time"
    return type(value).__name__, type(value).__name__


def _show(value: Any, lang: str) -> str:
    import datetime

    if isinstance(value, str):
        return f"“{value}”" if lang == "zh" else repr(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    return repr(value)


def _bad(where: _Where, key: str, zh_expected: str, en_expected: str, value: Any) -> ConfigError:
    """Wrong type: names the key, what was expected and what was found."""
    tzh, ten = _type_name(value)
    if not isinstance(value, (dict, list)):
        tzh, ten = f"{tzh} {_show(value, 'zh')}", f"{ten} {_show(value, 'en')}"
    return where.error(
        f"{where.item} “{key}” 应为{zh_expected}，实际为{tzh}",
        f"{key}: expected {en_expected}, got {ten}",
        key=key,
    )


# --------------------------------------------------------------------------- config


def _default_deadlines() -> dict[str, tuple[int, int]]:
    return dict(DEFAULT_DEADLINES)


@dataclass
class Config:
    select: tuple[str, ...] = ()  # empty: every rule
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: dict[str, Severity] = field(default_factory=dict)
    per_file_ignores: dict[str, tuple[str, ...]] = field(default_factory=dict)
    fail_on: Severity = Severity.ERROR
    lang: str = "zh"
    percent_tolerance: float = 0.0
    deadlines: dict[str, tuple[int, int]] = field(default_factory=_default_deadlines)
    body_kind: str = "auto"
    unsafe_fixes: bool = False
    path: Optional[Path] = None  # the file it came from; None for the defaults
    root: Optional[Path] = None  # the directory per-file-ignores are relative to

    # ------------------------------------------------------------------ selection

    def is_selected(self, code: str, opt_in: bool = False) -> bool:
        """Whether the rule is on (per-file-ignores aside). Ruff's rule: the longest matching
        prefix wins between select/extend-select and ignore; on a tie ignore wins. An opt-in
        rule (Rule.default_enabled False) is on only when its full code is selected."""
        chosen = -1
        for prefix in (self.select or ("",)) + self.extend_select:
            if opt_in and prefix != code:
                continue
            if code.startswith(prefix) and len(prefix) > chosen:
                chosen = len(prefix)
        if chosen < 0:
            return False
        return not any(code.startswith(p) and len(p) >= chosen for p in self.ignore)

    def ignored_for(self, path: Union[str, os.PathLike]) -> tuple[str, ...]:
        """The codes/prefixes per-file-ignores switch off for this file (in config order)."""
        if not self.per_file_ignores:
            return ()
        candidates = _Candidates(path, self.root)
        out: dict[str, None] = {}  # ordered, each code once
        for pattern, codes in self.per_file_ignores.items():
            if candidates.matches(pattern):
                out.update(dict.fromkeys(codes))
        return tuple(out)

    def is_enabled_for(self, code: str, path: Union[str, os.PathLike], opt_in: bool = False) -> bool:
        """is_selected and not switched off for this file by per-file-ignores."""
        return self.is_selected(code, opt_in) and not any(code.startswith(p) for p in self.ignored_for(path))

    def severity_of(self, code: str, default: Severity) -> Severity:
        """The configured severity (longest matching code/prefix in `severity`), else default."""
        best, best_len = default, -1
        for prefix, sev in self.severity.items():
            if code.startswith(prefix) and len(prefix) > best_len:
                best, best_len = sev, len(prefix)
        return best

    # ------------------------------------------------------------------ overrides

    def with_overrides(
        self,
        *,
        select: Optional[Iterable[str]] = None,
        extend_select: Optional[Iterable[str]] = None,
        ignore: Optional[Iterable[str]] = None,
        fail_on: Union[Severity, str, None] = None,
        lang: Optional[str] = None,
        known_codes: Optional[Iterable[str]] = None,
        unsafe_fixes: Optional[bool] = None,
    ) -> "Config":
        """A copy with command-line options applied: --select replaces select, --extend-select
        and --ignore extend the file's lists. Items may be comma-separated ("RL1,RL2").
        Raises ConfigError (naming the option) for a malformed code, or one that is not a
        prefix of any of known_codes when those are given."""
        changes: dict[str, Any] = {}
        known = tuple(known_codes) if known_codes is not None else None
        lists = (("select", "--select", select), ("extend_select", "--extend-select", extend_select), ("ignore", "--ignore", ignore))
        for attr, option, given in lists:
            if given is None:
                continue
            where = _Where(None, cli=True)
            items: list[str] = []
            for raw in [given] if isinstance(given, str) else given:
                items.extend(p for p in str(raw).split(",") if p.strip())
            codes = _codes(where, option, items)
            if not codes and attr == "select":  # `--select ""` would silently select every rule
                raise where.error(f"“{option}” 没有给出规则代码", f"{option}: no rule code given", key=option)
            if known is not None:
                _check_known(where, option, codes, known)
            changes[attr] = codes if attr == "select" else _unique(getattr(self, attr) + codes)
        if fail_on is not None:
            if isinstance(fail_on, Severity):
                changes["fail_on"] = fail_on
            else:
                changes["fail_on"] = _choice(_Where(None, cli=True), "--fail-on", fail_on, SEVERITIES, Severity)
        if lang is not None:
            changes["lang"] = _choice(_Where(None, cli=True), "--lang", lang, LANGS)
        if unsafe_fixes is not None:
            changes["unsafe_fixes"] = bool(unsafe_fixes)
        return replace(
            self,
            severity=dict(self.severity),
            per_file_ignores=dict(self.per_file_ignores),
            deadlines=dict(self.deadlines),
            **changes,
        )

    def validate_codes(self, known_codes: Iterable[str]) -> None:
        """Every code/prefix in the file's settings must be a prefix of a known rule code."""
        known = tuple(known_codes)
        where = _Where(self.path, pyproject=self.path is not None and self.path.name == PYPROJECT_FILENAME)
        _check_known(where, "select", self.select, known)
        _check_known(where, "extend-select", self.extend_select, known)
        _check_known(where, "ignore", self.ignore, known)
        for code in self.severity:
            _check_known(where, _dotted("severity", code), (code,), known, as_key=True)
        for pattern, codes in self.per_file_ignores.items():
            _check_known(where, _dotted("per-file-ignores", pattern), codes, known)


def unknown_codes(codes: Iterable[str], known_codes: Iterable[str]) -> list[str]:
    """The codes/prefixes that are not a prefix of any known code."""
    known = tuple(known_codes)
    return [c for c in codes if not any(k.startswith(c) for k in known)]


def _check_known(where: _Where, key: str, codes: Iterable[str], known: Iterable[str], *, as_key: bool = False) -> None:
    known = tuple(known)
    for code in codes:
        if any(k.startswith(code) for k in known):
            continue
        s = _suggest(code, sorted(set(known)))
        if as_key:
            zh = f"“{code}”（{key}）不是任何已知规则代码或其前缀{_hint_zh(s)}"
            en = f"{key}: {code!r} is not a known rule code or prefix of one{_hint_en(s)}"
        else:
            zh = f"{key} 中的 “{code}” 不是任何已知规则代码或其前缀{_hint_zh(s)}"
            en = f"{key}: {code!r} is not a known rule code or prefix of one{_hint_en(s)}"
        raise where.error(zh, en, key=key)


def _unique(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


# --------------------------------------------------------------------------- per-file globs


class _Candidates:
    """The forms of a file path a per-file-ignores glob is tried against."""

    __slots__ = ("given", "relative", "absolute", "name")

    def __init__(self, path: Union[str, os.PathLike], root: Optional[Path]):
        raw = os.fspath(path)
        given = posixpath.normpath(raw.replace(os.sep, "/")) if raw else raw
        while given.startswith("./"):
            given = given[2:]
        self.given = given
        absolute = os.path.abspath(raw) if raw else ""
        self.absolute = absolute.replace(os.sep, "/")
        self.name = posixpath.basename(given)
        self.relative: Optional[str] = None  # relative to the config's directory, if inside it
        if root is not None and absolute:
            try:
                rel = os.path.relpath(absolute, os.path.abspath(root)).replace(os.sep, "/")
            except ValueError:  # another drive on Windows
                rel = ".."
            if rel != ".." and not rel.startswith("../"):
                self.relative = rel

    def matches(self, pattern: str) -> bool:
        """Like ruff: the glob is tried against the path as given and relative to the config
        file's directory; a glob without "/" also against the bare file name (so "*.txt"
        matches in any directory); a glob starting with "/" is anchored at the config's
        directory (or is an absolute path)."""
        if pattern.startswith("/"):
            if _glob(pattern).fullmatch(self.absolute):
                return True
            rx = _glob(pattern.lstrip("/"))
            return self.relative is not None and rx.fullmatch(self.relative)
        rx = _glob(pattern)
        if rx.fullmatch(self.given) or (self.relative is not None and rx.fullmatch(self.relative)):
            return True
        return "/" not in pattern.rstrip("/") and rx.fullmatch(self.name)


# Each glob is compiled once per process, however many files and globs there are (an LRU of
# 256 recompiled every glob for every file when there were more).
_GLOBS: dict[str, "Union[_SimpleGlob, _Glob]"] = {}


def _glob(pattern: str) -> "Union[_SimpleGlob, _Glob]":
    g = _GLOBS.get(pattern)
    if g is None:
        tokens = _glob_tokens(pattern)
        wild = sum(1 for t in tokens if t[0] in ("*", "**", "**/"))
        # With one wildcard re's backtracking is linear (the rest has a fixed length); with
        # more it can take time to the power of their number ("*a*a*a*a*b" on a long name).
        g = _GLOBS[pattern] = _SimpleGlob(_glob_regex(pattern)) if wild <= 1 else _Glob(tokens)
    return g


class _SimpleGlob:
    __slots__ = ("rx",)

    def __init__(self, rx: "re.Pattern[str]") -> None:
        self.rx = rx

    def fullmatch(self, s: str) -> bool:
        return self.rx.fullmatch(s) is not None


class _Glob:
    """A glob with several wildcards, matched in time linear in the path: its automaton is run
    on sets of states (never backtracking), the sets met made into a cached deterministic
    automaton as they are reached. The same matches as _glob_regex."""

    __slots__ = ("steps", "closure", "accept", "start", "cache")

    _CACHE = 4096  # transitions kept; a glob met on paths of many new characters starts over

    def __init__(self, tokens: list) -> None:
        # state i stands before token i; "**/" (any directories, or none) is expanded to a
        # split: skip it, or read any characters and then a "/"
        steps: list = []  # per state: (kind, argument)
        for kind, arg in tokens:
            if kind == "**/":
                at = len(steps)
                steps += [("split", at + 3), ("**", None), ("char", "/")]
            elif kind == "class":
                steps.append((kind, re.compile(arg, re.DOTALL)))
            else:
                steps.append((kind, arg))
        self.steps = steps
        self.accept = len(steps)
        closure = []
        for i in range(len(steps) + 1):
            seen, todo = {i}, [i]
            while todo:
                k = todo.pop()
                nxt: tuple = ()
                if k < len(steps):
                    kind, arg = steps[k]
                    if kind in ("*", "**"):
                        nxt = (k + 1,)
                    elif kind == "split":
                        nxt = (k + 1, arg)
                for t in nxt:
                    if t not in seen:
                        seen.add(t)
                        todo.append(t)
            closure.append(frozenset(seen))
        self.closure = closure
        self.start = closure[0]
        self.cache: dict = {}

    def _step(self, states: frozenset, ch: str) -> frozenset:
        out: set = set()
        steps = self.steps
        for k in states:
            if k == self.accept:
                continue
            kind, arg = steps[k]
            if kind == "char":
                ok, to = ch == arg, k + 1
            elif kind == "?":
                ok, to = ch != "/", k + 1
            elif kind == "class":
                ok, to = arg.fullmatch(ch) is not None, k + 1
            elif kind == "*":
                ok, to = ch != "/", k
            elif kind == "**":
                ok, to = True, k
            else:  # split: no character of its own
                continue
            if ok:
                out |= self.closure[to]
        return frozenset(out)

    def fullmatch(self, s: str) -> bool:
        cache = self.cache
        states = self.start
        for ch in s:
            key = (states, ch)
            nxt = cache.get(key)
            if nxt is None:
                if len(cache) >= self._CACHE:
                    cache.clear()
                nxt = cache[key] = self._step(states, ch)
            if not nxt:
                return False
            states = nxt
        return self.accept in states


def _glob_tokens(pattern: str) -> list:
    """A glob as tokens: ("char", c), ("?", None), ("class", regex of one character), ("*", None)
    inside one path component, ("**", None) across components, ("**/", None) any directories
    or none (at a component's start)."""
    p = pattern.replace("\\", "/") if os.sep == "\\" else pattern
    while p.startswith("./"):
        p = p[2:]
    out: list = []
    i, n = 0, len(p)
    while i < n:
        c = p[i]
        if c == "*":
            if p.startswith("**", i):
                at_start = i == 0 or p[i - 1] == "/"
                j = i + 2
                while j < n and p[j] == "*":
                    j += 1
                if at_start and j < n and p[j] == "/":
                    out.append(("**/", None))
                    i = j + 1
                    continue
                out.append(("**", None))
                i = j
                continue
            out.append(("*", None))
        elif c == "?":
            out.append(("?", None))
        elif c == "[":
            j = i + 1
            if j < n and p[j] in "!^":
                j += 1
            if j < n and p[j] == "]":
                j += 1
            while j < n and p[j] != "]":
                j += 1
            if j >= n:  # unclosed: a literal [
                out.append(("char", c))
            else:
                body = p[i + 1 : j]
                negate = body[:1] in ("!", "^")
                if negate:
                    body = body[1:]
                out.append(("class", _class_regex(body, negate)))
                i = j
        else:
            out.append(("char", c))
        i += 1
    return out


def _class_regex(body: str, negate: bool) -> str:
    """A glob's [...] as a regex class: each character literal (a "[" or "&&" in it is not
    regex syntax), a-z a range, an empty range (z-a) nothing, as fnmatch reads them; it never
    fails to compile."""
    parts: list[str] = []
    k = 0
    while k < len(body):
        if k + 2 < len(body) and body[k + 1] == "-":
            lo, hi = body[k], body[k + 2]
            if lo <= hi:
                parts.append(f"{re.escape(lo)}-{re.escape(hi)}")
            k += 3
            continue
        parts.append(re.escape(body[k]))
        k += 1
    if negate:
        return "[^/" + "".join(parts) + "]"
    return "[" + "".join(parts) + "]" if parts else "(?!)"


def _glob_regex(pattern: str) -> "re.Pattern[str]":
    """Glob to regex: ``*`` and ``?`` stay inside one path component, ``**`` crosses them
    (``**/`` also matches no directory at all), ``[...]`` / ``[!...]`` are character classes."""
    return re.compile("".join(_REGEX[kind](arg) for kind, arg in _glob_tokens(pattern)), re.DOTALL)


_REGEX = {
    "char": re.escape,
    "?": lambda _: "[^/]",
    "class": lambda body: body,
    "*": lambda _: "[^/]*",
    "**": lambda _: ".*",
    "**/": lambda _: "(?:.*/)?",
}


# --------------------------------------------------------------------------- reading files


def _read_toml(path: Path, where: _Where) -> dict:
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        import tomli as tomllib  # type: ignore[no-redef]
    from .source import MAX_BYTES, InputError, read_bytes

    try:  # bounded and never blocking: --config /dev/zero or a FIFO is refused, not read for ever
        data = read_bytes(os.fspath(path), limit=MAX_BYTES)
    except InputError as e:
        if e.code == "not-found":
            raise where.error("配置文件不存在", "the configuration file does not exist") from None
        if e.code == "is-directory":
            raise where.error("这是一个目录，不是配置文件", "is a directory, not a configuration file") from None
        raise where.error(f"无法读取配置文件（{e.message_zh}）", f"cannot read the configuration file ({e.message_en})") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        line = data.count(b"\n", 0, e.start) + 1
        raise where.error(
            f"配置文件不是 UTF-8 编码（第 {line} 行），请另存为 UTF-8",
            f"the configuration file is not UTF-8 (line {line}); save it as UTF-8",
            line=line,
        ) from None
    if text.startswith("\ufeff"):  # Notepad's BOM is harmless
        text = text[1:]
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        raise _toml_error(where, str(e), text) from None
    except ValueError:  # an integer longer than Python converts (4300 digits)
        m = re.search(r"[0-9_]{4301,}", text)
        line = text.count("\n", 0, m.start()) + 1 if m else None
        at_zh, at_en = (f"第 {line} 行：", f"line {line}: ") if line else ("", "")
        raise where.error(f"{at_zh}数字位数太多，不是有效的配置值", f"{at_en}a number with too many digits", line=line) from None
    except RecursionError:  # tomllib recurses per nested array or table
        raise where.error("嵌套层次太深，不是合理的配置文件", "nested too deeply to be a configuration file") from None


def _toml_error(where: _Where, msg: str, text: str) -> ConfigError:
    m = re.search(r"\s*\(at line (\d+), column (\d+)\)\s*$", msg)
    if m:
        line, col = int(m.group(1)), int(m.group(2))
        reason = msg[: m.start()]
        return where.error(
            f"第 {line} 行第 {col} 列：不是有效的 TOML（{reason}）",
            f"line {line}, column {col}: invalid TOML ({reason})",
            line=line,
            column=col,
        )
    m = re.search(r"\s*\(at end of document\)\s*$", msg)
    reason = msg[: m.start()] if m else msg
    lines = text.split("\n")
    line, col = len(lines), len(lines[-1]) + 1
    return where.error(
        f"文件末尾（第 {line} 行）：不是有效的 TOML（{reason}）",
        f"end of file (line {line}): invalid TOML ({reason})",
        line=line,
        column=col,
    )


def _tool_table(doc: dict, path: Path, where: _Where, *, required: bool) -> Optional[dict]:
    tool = doc.get("tool")
    if tool is not None and not isinstance(tool, dict):
        if not required:
            return None
        raise _bad(where, "tool", "表", "a table", tool)
    table = (tool or {}).get(TOOL_TABLE)
    if table is None:
        if not required:
            return None
        s = _suggest(TOOL_TABLE, list(tool or {}))
        plain = _Where(path)
        raise plain.error(
            f"没有 [tool.{TOOL_TABLE}] 表{_hint_zh(f'[tool.{s}]' if s else None)}",
            f"has no [tool.{TOOL_TABLE}] table{_hint_en(f'[tool.{s}]' if s else None)}",
            key=f"tool.{TOOL_TABLE}",
        )
    if not isinstance(table, dict):
        raise _bad(_Where(path), f"tool.{TOOL_TABLE}", "表", "a table", table)
    return table


# In a pyproject.toml that does not parse: does the text plainly configure report-lint?
# (?:\[[ \t]*)? rather than \[?[ \t]*: one way to read a line's leading spaces, not quadratic many
_MENTIONS_TABLE_RE = re.compile(r"""^[ \t]*(?:\[[ \t]*)?tool[ \t]*\.[ \t]*["']?report-lint\b""", re.M)
_INLINE_TABLE_RE = re.compile(r"""["']?report-lint["']?[ \t]*=[ \t]*\{""")


def _pyproject_has_table(path: Path) -> bool:
    """Whether a pyproject.toml configures report-lint. One that cannot be parsed counts only
    when its text plainly has the table (then loading it reports the syntax error)."""
    where = _Where(path)
    try:
        doc = _read_toml(path, where)
    except ConfigError:
        from .source import InputError, read_bytes

        try:
            text = read_bytes(os.fspath(path), limit=1 << 20).decode("utf-8", errors="replace")
        except InputError:
            return False
        return _MENTIONS_TABLE_RE.search(text) is not None
    tool = doc.get("tool")
    return isinstance(tool, dict) and TOOL_TABLE in tool


def find_config(start: Optional[Path] = None) -> Optional[Path]:
    """The configuration file that applies to start (a directory, or a file whose directory
    is used; default the current directory): walking up, the first report-lint.toml, or
    pyproject.toml with a [tool.report-lint] table. None when there is none."""
    here = os.path.abspath(start if start is not None else os.getcwd())
    if os.path.isfile(here):
        here = os.path.dirname(here)
    while True:
        candidate = os.path.join(here, CONFIG_FILENAME)
        if os.path.isfile(candidate):
            from pathlib import Path

            return Path(candidate)
        candidate = os.path.join(here, PYPROJECT_FILENAME)
        if os.path.isfile(candidate) and _mentions_us(candidate):
            from pathlib import Path

            if _pyproject_has_table(Path(candidate)):
                return Path(candidate)
        parent = os.path.dirname(here)
        if parent == here:
            return None
        here = parent


def _mentions_us(path: str) -> bool:
    """Cheap first look before parsing: a pyproject.toml has our table only if it names it
    (`[tool.report-lint]`, `tool.report-lint.x = …`) or nests it inline under `tool`."""
    from .source import InputError, read_bytes

    try:
        text = read_bytes(path, limit=1 << 20).decode("utf-8", errors="replace")
    except InputError:
        return False
    return _MENTIONS_TABLE_RE.search(text) is not None or _INLINE_TABLE_RE.search(text) is not None


def load_config(
    path: Optional[Path] = None,
    *,
    start: Optional[Path] = None,
    known_codes: Optional[Iterable[str]] = None,
) -> Config:
    """Read path (--config) if given, else the file discovered from start (default: the
    current directory), else the defaults. Raises ConfigError for any problem; with
    known_codes, every code/prefix in the file must be a prefix of one of them."""
    if path is None:
        path = find_config(start)
        if path is None:
            return Config()
    from pathlib import Path

    path = Path(path)
    pyproject = path.name == PYPROJECT_FILENAME
    where = _Where(path, pyproject=pyproject)
    doc = _read_toml(path, _Where(path))
    if pyproject:
        doc = _tool_table(doc, path, where, required=True) or {}
    config = parse_config(doc, path=path, where=where)
    if known_codes is not None:
        config.validate_codes(known_codes)
    return config


# --------------------------------------------------------------------------- values


def parse_config(data: dict, *, path: Optional[Path] = None, where: Optional[_Where] = None) -> Config:
    """A Config from the keys of a report-lint.toml (or the [tool.report-lint] table)."""
    if where is None:
        where = _Where(path, pyproject=path is not None and path.name == PYPROJECT_FILENAME)
    kw: dict[str, Any] = {}
    for key, value in data.items():
        if key not in KNOWN_KEYS:
            s = _suggest(key, KNOWN_KEYS)
            raise where.error(
                f"未知的配置项 “{key}”{_hint_zh(s)}",
                f"unknown key {key!r}{_hint_en(s)}",
                key=key,
            )
        if key in ("select", "extend-select", "ignore"):
            kw[key.replace("-", "_")] = _codes(where, key, value)
        elif key == "severity":
            kw["severity"] = _severity_table(where, value)
        elif key == "per-file-ignores":
            kw["per_file_ignores"] = _per_file_ignores(where, value)
        elif key == "fail-on":
            kw["fail_on"] = _choice(where, key, value, SEVERITIES, Severity)
        elif key == "lang":
            kw["lang"] = _choice(where, key, value, LANGS)
        elif key == "percent-tolerance":
            kw["percent_tolerance"] = _tolerance(where, key, value)
        elif key == "deadlines":
            kw["deadlines"] = _deadlines(where, value)
        elif key == "body-kind":
            kw["body_kind"] = _choice(where, key, value, BODY_KINDS)
        elif key == "unsafe-fixes":
            if not isinstance(value, bool):
                raise _bad(where, key, "布尔值（true 或 false）", "a boolean (true or false)", value)
            kw["unsafe_fixes"] = value
    if path is not None:
        from pathlib import Path

        path = Path(os.path.abspath(path))
        kw["path"] = path
        kw["root"] = path.parent
    return Config(**kw)


def _code(where: _Where, key: str, value: Any) -> str:
    if not isinstance(value, str):
        raise _bad(where, key, "规则代码（字符串，如 “RL101”）", 'a rule code string such as "RL101"', value)
    code = value.strip().upper()
    if not _CODE_RE.fullmatch(code):
        raise where.error(
            f"“{key}” 中的 “{value}” 不是规则代码或代码前缀（应为字母后跟数字，如 “RL101”、“RL1”）",
            f"{key}: {value!r} is not a rule code or code prefix (letters then digits, e.g. \"RL101\", \"RL1\")",
            key=key,
        )
    return code


def _codes(where: _Where, key: str, value: Any) -> tuple[str, ...]:
    if not isinstance(value, (list, tuple)):
        raise _bad(where, key, "规则代码数组（如 [\"RL1\", \"RL201\"]）", 'an array of rule codes (e.g. ["RL1", "RL201"])', value)
    return _unique(_code(where, key, v) for v in value)


def _choice(where: _Where, key: str, value: Any, choices: tuple[str, ...], convert: Any = None) -> Any:
    options_zh = "、".join(f"“{c}”" for c in choices)
    options_en = ", ".join(f'"{c}"' for c in choices[:-1]) + f' or "{choices[-1]}"'
    if not isinstance(value, str):
        raise _bad(where, key, f"{options_zh}之一", options_en, value)
    v = value.strip().lower()
    if v not in choices:
        s = _suggest(v, choices)
        raise where.error(
            f"{where.item} “{key}” 应为{options_zh}之一，实际为 “{value}”{_hint_zh(s)}",
            f"{key}: expected {options_en}, got {value!r}{_hint_en(s)}",
            key=key,
        )
    return convert.parse(v) if convert is Severity else v


def _tolerance(where: _Where, key: str, value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise _bad(where, key, "不小于 0 的数（百分点）", "a number >= 0 (percentage points)", value)
    if not math.isfinite(value) or value < 0:
        raise where.error(
            f"{where.item} “{key}” 应为不小于 0 的有限数（百分点），实际为 {value!r}",
            f"{key}: expected a finite number >= 0 (percentage points), got {value!r}",
            key=key,
        )
    return float(value)


def _severity_table(where: _Where, value: Any) -> dict[str, Severity]:
    if not isinstance(value, dict):
        raise _bad(where, "severity", "表（规则代码 = \"error\" | \"warning\" | \"info\"）", 'a table (code = "error" | "warning" | "info")', value)
    out: dict[str, Severity] = {}
    for code, sev in value.items():
        key = _dotted("severity", code)
        out[_code(where, key, code)] = _choice(where, key, sev, SEVERITIES, Severity)
    return out


def _per_file_ignores(where: _Where, value: Any) -> dict[str, tuple[str, ...]]:
    if not isinstance(value, dict):
        raise _bad(where, "per-file-ignores", "表（文件通配符 = 规则代码数组）", "a table (glob = array of rule codes)", value)
    out: dict[str, tuple[str, ...]] = {}
    for pattern, codes in value.items():
        key = _dotted("per-file-ignores", pattern)
        if not pattern.strip():
            raise where.error(
                f"{where.item} “{key}”：文件通配符不能为空",
                f"{key}: the file pattern is empty",
                key=key,
            )
        out[pattern] = _codes(where, key, codes)
    return out


def _deadlines(where: _Where, value: Any) -> dict[str, tuple[int, int]]:
    if not isinstance(value, dict):
        raise _bad(where, "deadlines", "表（department = \"01-31\"，government = \"03-31\"）", 'a table (department = "01-31", government = "03-31")', value)
    out = _default_deadlines()
    for name, mmdd in value.items():
        key = _dotted("deadlines", name)
        if name not in DEADLINE_KEYS:
            s = _suggest(name, DEADLINE_KEYS)
            raise where.error(
                f"未知的配置项 “{key}”（应为 department 或 government）{_hint_zh(s and 'deadlines.' + s)}",
                f"unknown key {key!r} (expected department or government){_hint_en(s and 'deadlines.' + s)}",
                key=key,
            )
        if not isinstance(mmdd, str):
            raise _bad(where, key, "“MM-DD” 形式的日期字符串（如 “01-31”）", 'a date string "MM-DD" (e.g. "01-31")', mmdd)
        m = _MMDD_RE.fullmatch(mmdd.strip())
        if not m:
            raise where.error(
                f"{where.item} “{key}” 应为 “MM-DD” 形式的日期（如 “01-31”），实际为 “{mmdd}”",
                f"{key}: expected a date \"MM-DD\" (e.g. \"01-31\"), got {mmdd!r}",
                key=key,
            )
        month, day = int(m.group(1)), int(m.group(2))
        if not (1 <= month <= 12 and 1 <= day <= _DAYS_IN_MONTH[month - 1]):
            leap = month == 2 and day == 29
            raise where.error(
                f"{where.item} “{key}” 的 “{mmdd}” 不是有效日期" + ("（2 月 29 日不是每年都有）" if leap else ""),
                f"{key}: {mmdd!r} is not a valid date" + (" (February 29 is not in every year)" if leap else ""),
                key=key,
            )
        out[name] = (month, day)
    return out
