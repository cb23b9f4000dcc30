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
  REPORT_LINT_NO_CACHE=1 turns all of it off; a folder that cannot be written is simply not used.
* The plain `report-lint FILE…` (no options) runs the check directly: there is nothing for the
  option parser to do, and importing it costs more than checking a report. Anything else goes
  through the typer application in cli.py, which calls the same run_check.
"""

from __future__ import annotations

import os
import sys

COMMANDS = {"extract", "check", "text", "rules", "explain"}


def _cache_dir(kind: str) -> "str | None":
    """report-lint's own cache folder for ``kind`` (made if missing), or None: no cache."""
    if os.environ.get("REPORT_LINT_NO_CACHE"):
        return None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    folder = os.path.join(base, "report-lint", kind, sys.implementation.cache_tag or "py")
    try:
        os.makedirs(folder, exist_ok=True)
    except OSError:
        return None  # read-only home, no home: work without
    return folder


def _install_caches() -> None:
    from . import resources

    resources.CACHE_DIR = _cache_dir("data")
    if resources.CACHE_DIR is not None:
        _install_regex_cache(resources.CACHE_DIR)
    if sys.dont_write_bytecode and not sys.pycache_prefix:
        _install_bytecode_cache()


REGEX_CACHE_LIMIT = 4000  # patterns; past it the cache starts again (a config's own patterns vary)


def _install_regex_cache(folder: str) -> None:
    """Keep what re compiles a pattern to (the arguments of _sre.compile: flags, code, groups)
    in ``folder``, keyed by the pattern, its flags and this interpreter's engine version, and
    compile from there on later starts. CPython only; anything unexpected means no cache."""
    import re
    import zlib

    try:
        import _sre

        compiler = getattr(re, "_compiler", None) or sys.modules["sre_compile"]  # 3.11+ / 3.10
        compile_ = compiler.compile
        if compiler._sre is not _sre or sys.implementation.name != "cpython":
            return
    except (ImportError, KeyError, AttributeError):
        return
    from .resources import read_marshalled, write_marshalled

    path = os.path.join(folder, "regex")
    head = f"regex 2 {sys.version} {_sre.MAGIC} {_sre.CODESIZE}\n".encode("utf-8", "surrogateescape")
    # Code words kept as the bytes of an array (marshal reads a list of ints 10x slower, and
    # a start reads a few hundred patterns' code to use seventy)
    from array import array

    typecode = next((t for t in "HIL" if array(t).itemsize == _sre.CODESIZE), None)
    if typecode is None:
        return
    table: dict = {}
    stored = read_marshalled(path, head)
    try:  # (crc, marshalled table): a damaged file is never trusted
        if stored is not None and zlib.crc32(stored[1]) == stored[0]:
            import marshal

            table = marshal.loads(stored[1])
    except (TypeError, ValueError, EOFError, IndexError):
        table = {}
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

    def save() -> None:
        if not new:
            return
        import marshal

        merged = {**table, **new} if len(table) + len(new) <= REGEX_CACHE_LIMIT else new
        try:
            blob = marshal.dumps(merged)
        except ValueError:
            return
        write_marshalled(path, head, (zlib.crc32(blob), blob))

    import atexit

    compiler.compile = cached_compile
    atexit.register(save)


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
            cache = os.path.join(folder, f"{fullname}-{zlib.crc32(head):08x}")
            code = read_marshalled(cache, head)
            if code is None:
                code = self.source_to_code(self.get_data(path), path)
                write_marshalled(cache, head, code)
            return code

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


def main(argv: list[str] | None = None) -> None:
    args = list(sys.argv[1:] if argv is None else argv)
    _install_caches()
    try:
        if _plain_files(args):
            from .commands import CheckOptions, run_check

            code = run_check(CheckOptions(paths=args[1:] if args[0] == "check" else args))
        else:
            from .cli import main as typer_main

            typer_main(args)
            code = 0
    except KeyboardInterrupt:
        code = 130
    except BrokenPipeError:  # `report-lint … | head`: the reader left, which is not an error
        try:
            sys.stdout = open(os.devnull, "w")
        except OSError:
            pass
        code = 0
    sys.exit(code)
