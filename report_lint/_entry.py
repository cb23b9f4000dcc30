"""The `report-lint` command's entry point: start fast, then hand over.

Two things happen before anything heavy is imported:

* report-lint's own cache folder (``$XDG_CACHE_HOME/report-lint``, else ``~/.cache/report-lint``;
  never the source tree) keeps the bundled TOML data parsed (resources.py). And when Python may
  not write bytecode (PYTHONDONTWRITEBYTECODE, common in containers and managed installs),
  every start would recompile all of report-lint (~70 ms, five times Python's own start): our
  modules, and only ours, then keep their compiled code there too, checked against each
  file's mtime and size as Python does. An explicit PYTHONPYCACHEPREFIX is left in charge.
  Compiling the ~70 regular expressions of the rules and the lexer costs ~25 ms a start
  (re parses and compiles in Python): the compiled form of each is kept there too, for this
  exact Python, and handed straight to re's C engine next time (_install_regex_cache).
  Each dataclass compiles its generated methods from source at import (~15 ms a start, a fifth
  of checking one report): that code is kept there too, keyed by its exact source text
  (_install_dataclass_cache).
  REPORT_LINT_NO_CACHE=1 turns all of it off; a folder that cannot be written is simply not used.
* The plain `report-lint FILE…` (no options) runs the check directly: there is nothing for the
  option parser to do, and importing it costs more than checking a report. Anything else goes
  through the typer application in cli.py, which calls the same run_check.
"""

from __future__ import annotations

import os
import sys

COMMANDS = {"extract", "check", "text", "rules", "explain", "compare", "serve"}


def _cache_base() -> "str | None":
    """Where caches may go: $XDG_CACHE_HOME when it is an existing absolute folder, else
    ~/.cache when the home folder exists (and is not the root: never /.cache). A home is never
    created, and a folder that is not ours (another user's, or writable by others) is not used."""
    xdg = os.environ.get("XDG_CACHE_HOME")
    if xdg:
        return xdg if os.path.isabs(xdg) and os.path.isdir(xdg) else None
    home = os.path.expanduser("~")
    if not os.path.isabs(home) or os.path.realpath(home) == os.path.realpath(os.sep) or not os.path.isdir(home):
        return None
    return os.path.join(home, ".cache")


def _ours(folder: str) -> bool:
    import stat

    try:
        st = os.lstat(folder)
    except OSError:
        return False
    if not stat.S_ISDIR(st.st_mode):
        return False
    if hasattr(os, "getuid") and (st.st_uid != os.getuid() or st.st_mode & 0o022):
        return False
    return True


def _cache_dir(kind: str) -> "str | None":
    """report-lint's own cache folder for ``kind`` (made if missing), or None: no cache."""
    if os.environ.get("REPORT_LINT_NO_CACHE"):
        return None
    base = _cache_base()
    if base is None:
        return None
    top = os.path.join(base, "report-lint")
    folder = os.path.join(top, kind, sys.implementation.cache_tag or "py")
    try:
        os.makedirs(top, mode=0o700, exist_ok=True)
        if not _ours(top):  # checked before anything is made or read inside it
            return None
        os.makedirs(folder, mode=0o700, exist_ok=True)
    except OSError:
        return None  # read-only home: work without
    if not (_ours(os.path.dirname(folder)) and _ours(folder)):
        return None
    return folder


def _install_caches() -> None:
    from . import resources

    resources.CACHE_DIR = _cache_dir("data")
    if resources.CACHE_DIR is not None:
        _install_regex_cache(resources.CACHE_DIR)
        _install_dataclass_cache(resources.CACHE_DIR)
    if sys.dont_write_bytecode and not sys.pycache_prefix:
        _install_bytecode_cache()


REGEX_CACHE_LIMIT = 1000  # patterns; past it the cache starts again (a config's own patterns vary)


def _own_table(folder: str, kind: str) -> str:
    """The cache table of this install of report-lint (one per package folder): two installs
    sharing a cache folder (two venvs, two checkouts, a CI runner) would otherwise grow one
    table with both's entries, and every start would read all of them."""
    import zlib

    here = os.path.dirname(os.path.abspath(__file__)).encode("utf-8", "surrogateescape")
    return os.path.join(folder, f"{kind}-{zlib.crc32(here):08x}")


def _install_regex_cache(folder: str) -> None:
    """Keep what re compiles a pattern to (the arguments of _sre.compile: flags, code, groups)
    in ``folder``, keyed by the pattern, its flags and this interpreter's engine version, and
    compile from there on later starts. CPython only; anything unexpected means no cache."""
    import re

    try:
        import _sre

        compiler = getattr(re, "_compiler", None) or sys.modules["sre_compile"]  # 3.11+ / 3.10
        compile_ = compiler.compile
        if compiler._sre is not _sre or sys.implementation.name != "cpython":
            return
    except (ImportError, KeyError, AttributeError):
        return
    from .resources import read_marshalled

    path = _own_table(folder, "regex")
    head = f"regex 3 {sys.version} {_sre.MAGIC} {_sre.CODESIZE}\n".encode("utf-8", "surrogateescape")
    # Code words kept as the bytes of an array (marshal reads a list of ints 10x slower, and
    # a start reads a few hundred patterns' code to use seventy)
    from array import array

    typecode = next((t for t in "HIL" if array(t).itemsize == _sre.CODESIZE), None)
    if typecode is None:
        return
    stored = read_marshalled(path, head)  # verified whole before it is unmarshalled
    table: dict = stored if isinstance(stored, dict) else {}
    new: dict = {}

    class Recorder:
        """Stands in for _sre while a new pattern is compiled, to keep what it was given."""

        args: tuple = ()

        def __getattr__(self, name):
            return getattr(_sre, name)

        def compile(self, *args):
            Recorder.args = args
            return _sre.compile(*args)

    recorder = Recorder()

    def cached_compile(p, flags=0):
        if type(p) is not str or flags & re.DEBUG:
            return compile_(p, flags)
        key = (p, int(flags))
        args = table.get(key)
        if args is not None:
            try:
                flags_, code, groups, groupindex, indexgroup = args
                return _sre.compile(p, flags_, array(typecode, code).tolist(), groups, groupindex, indexgroup)
            except Exception:  # noqa: BLE001 - a stale entry: compile it afresh below
                pass
        Recorder.args = ()
        compiler._sre = recorder
        try:
            compiled = compile_(p, flags)
        finally:
            compiler._sre = _sre
        try:
            if Recorder.args and Recorder.args[0] is p:
                flags_, code, groups, groupindex, indexgroup = Recorder.args[1:]
                new[key] = (int(flags_), array(typecode, code).tobytes(), int(groups), dict(groupindex), tuple(indexgroup))
        except (TypeError, ValueError, OverflowError):  # another engine's arguments: just not kept
            pass
        return compiled

    compiler.compile = cached_compile
    _save_at_exit(path, head, table, new, REGEX_CACHE_LIMIT)


def _save_at_exit(path: str, head: bytes, table: dict, new: dict, limit: int) -> None:
    """At exit, write what this process added to a cache table (``new``) with what it read
    (``table``); past ``limit`` entries the table starts again from what this process used."""
    import atexit

    def save() -> None:
        if not new:
            return
        from .resources import write_marshalled

        write_marshalled(path, head, {**table, **new} if len(table) + len(new) <= limit else new)

    atexit.register(save)


DATACLASS_CACHE_LIMIT = 2000  # method sources; past it the cache starts again


def _install_dataclass_cache(folder: str) -> None:
    """Keep the code that dataclasses compiles for each generated method (__init__, __eq__ …)
    in ``folder``, keyed by the method's whole source text and this exact Python, and run it
    from there on later starts. dataclasses runs that source through the built-in exec; a name
    exec in its own module shadows the built-in for it alone. CPython only."""
    import builtins
    import dataclasses

    if sys.implementation.name != "cpython" or "exec" in vars(dataclasses):
        return
    from .resources import read_marshalled

    try:
        from importlib._bootstrap_external import MAGIC_NUMBER
    except ImportError:
        from importlib.util import MAGIC_NUMBER
    path = _own_table(folder, "dataclass")
    head = f"dataclass 1 {sys.version} {MAGIC_NUMBER.hex()}\n".encode("utf-8", "surrogateescape")
    stored = read_marshalled(path, head)  # verified whole before it is unmarshalled
    table: dict = stored if isinstance(stored, dict) else {}
    new: dict = {}
    code_type = type(_install_dataclass_cache.__code__)
    compile_, exec_ = builtins.compile, builtins.exec

    def cached_exec(source, globals=None, locals=None, /):
        if type(source) is str:
            code = table.get(source)
            if type(code) is not code_type:
                code = compile_(source, "<string>", "exec")
                new[source] = code
            source = code
        return exec_(source, globals, locals)

    dataclasses.exec = cached_exec
    _save_at_exit(path, head, table, new, DATACLASS_CACHE_LIMIT)


def _install_bytecode_cache() -> None:
    import zlib
    from importlib.machinery import PathFinder, SourceFileLoader

    from .resources import read_marshalled, write_marshalled

    try:  # already loaded at start-up, unlike importlib.util (~3 ms)
        from importlib._bootstrap_external import MAGIC_NUMBER
    except ImportError:
        from importlib.util import MAGIC_NUMBER

    folder = _cache_dir("bytecode")
    if folder is None:
        return  # compile as Python would
    magic = MAGIC_NUMBER.hex()

    class CachedLoader(SourceFileLoader):
        def get_code(self, fullname):
            path = self.get_filename(fullname)
            try:
                st = os.stat(path)
            except OSError:
                return super().get_code(fullname)
            head = f"{magic} {st.st_mtime_ns} {st.st_size} {path}\n".encode("utf-8", "surrogateescape")
            # one entry per module and install: pruning an older version of this install's module
            # must not drop another install's (two venvs, two checkouts), or each recompiles all
            mine = f"{fullname}-{zlib.crc32(path.encode('utf-8', 'surrogateescape')):08x}-"
            cache = os.path.join(folder, f"{mine}{zlib.crc32(head):08x}")
            code = read_marshalled(cache, head)
            if code is None:
                code = self.source_to_code(self.get_data(path), path)
                _prune(folder, mine)
                write_marshalled(cache, head, code)
            return code

    def _prune(folder: str, prefix: str) -> None:
        """Entries of an older version of a module (written rarely: after an upgrade)."""
        try:
            for name in os.listdir(folder):
                if name.startswith(prefix):
                    os.unlink(os.path.join(folder, name))
        except OSError:
            pass

    class Finder:
        @staticmethod
        def find_spec(name, path=None, target=None):
            if not name.startswith("report_lint."):
                return None
            spec = PathFinder.find_spec(name, path, target)
            if spec is not None and type(spec.loader) is SourceFileLoader:
                spec.loader = CachedLoader(spec.loader.name, spec.loader.path)
            return spec

    sys.meta_path.insert(0, Finder)


def _plain_files(args: list[str]) -> bool:
    """`report-lint FILE…` / `report-lint check FILE…` with no option anywhere."""
    if args and args[0] == "check":
        args = args[1:]
    return bool(args) and args[0] not in COMMANDS and not any(a.startswith("-") for a in args)


def _guard_streams() -> None:
    """Output that the terminal's encoding cannot show (Chinese on an ASCII console) is escaped,
    never a UnicodeEncodeError; a closed stream stays None and is handled where it is used."""
    for stream in (sys.stdout, sys.stderr):
        if stream is not None and hasattr(stream, "reconfigure"):
            try:
                stream.reconfigure(errors="backslashreplace")
            except (OSError, ValueError):
                pass


def _quiet_stdout() -> None:
    from .commands import quiet_stdout

    quiet_stdout()


def _internal_error(e: BaseException) -> int:
    what = "RecursionError" if isinstance(e, RecursionError) else f"{type(e).__name__}: {e}"[:300]
    if os.environ.get("REPORT_LINT_DEBUG"):
        import traceback

        traceback.print_exc()
    if sys.stderr is not None:
        try:
            sys.stderr.write(f"report-lint: 内部错误（请报告此问题）/ internal error (please report it): {what}\n")
        except (OSError, ValueError):
            pass
    return 2


def main(argv: list[str] | None = None) -> None:
    """Every way out is an exit code and at most a message: never a traceback (set
    REPORT_LINT_DEBUG=1 to see one for an internal error)."""
    _guard_streams()
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        _install_caches()
        if _plain_files(args):
            from .commands import CheckOptions, run_check

            code = run_check(CheckOptions(paths=args[1:] if args[0] == "check" else args))
        else:
            from .cli import main as typer_main

            typer_main(args)
            code = 0
    except SystemExit as e:  # typer's exit codes; a non-int code is a message of click's
        code = e.code if isinstance(e.code, int) else (0 if e.code is None else 2)
    except KeyboardInterrupt:
        code = 130
    except BrokenPipeError:
        _quiet_stdout()
        code = 0
    except (Exception, RecursionError, MemoryError) as e:  # noqa: BLE001 - the last line of defence
        code = _internal_error(e)
    try:
        if sys.stdout is not None:
            sys.stdout.flush()
    except BrokenPipeError:
        _quiet_stdout()
    except (OSError, ValueError):
        pass
    sys.exit(code)
