"""What `report-lint check` does, without the command-line framework.

cli.py (typer) parses options into CheckOptions and calls run_check; so does the fast path in
_entry.py for the plain `report-lint FILE…`, which needs no option parsing at all. Messages go
to stderr, the report to stdout (or --output); the return value is the exit code.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterator, Optional

if TYPE_CHECKING:
    from pathlib import Path

    from .config import Config
    from .discover import Input
    from .engine import Engine
    from .findings import FileResult, Severity

EXIT_OK, EXIT_FINDINGS, EXIT_INPUT = 0, 1, 2
EXIT_TERMINATED = 128 + 15  # as a shell reports a process ended by SIGTERM
EXIT_INTERRUPTED = 128 + 2  # Ctrl-C
PROGRESS_FROM = 20  # files before a progress bar is worth showing


@dataclass
class CheckOptions:
    paths: list[str]
    fmt: str = "text"
    select: Optional[tuple[str, ...]] = None
    extend_select: Optional[tuple[str, ...]] = None
    ignore: Optional[tuple[str, ...]] = None
    fail_on: Optional["Severity"] = None
    exit_zero: bool = False
    config: Optional[Path] = None
    lang: Optional[str] = None
    stdin_filename: Optional[str] = None
    statistics: bool = False
    output: Optional[Path] = None
    jobs: Optional[int] = None  # None: every core this process may use
    baseline: Optional[Path] = None
    write_baseline: Optional[Path] = None
    progress: Optional[bool] = None  # None: when stderr is a terminal and the batch is large
    fix: bool = False  # apply available fixes to text files (fixes.py)
    diff: bool = False  # print what --fix would change, write nothing
    show_fixes: bool = False  # list the fixes applied
    unsafe_fixes: Optional[bool] = None  # None: the configuration's unsafe-fixes
    prune_baseline: bool = False  # drop entries whose finding is gone from --baseline
    previous: Optional[Path] = None  # the body's report of the year before (cross-year checks)


def say(msg: str) -> None:
    """A message on standard error (nowhere, if it is closed)."""
    if sys.stderr is None:
        return
    try:
        sys.stderr.write(msg + "\n")
        sys.stderr.flush()
    except (OSError, ValueError):
        pass


def expand_paths(paths: list[str]) -> "list[Input]":
    """What to read: files as given, folders searched (discover.py says what is skipped)."""
    from .discover import expand

    return expand(paths)


class UsageError(Exception):
    """Bad configuration or options: said once, exit code 2."""


def _on_signal(signum, frame):
    """SIGTERM (or Ctrl-C during a batch): stop now. Raising here could land inside the worker
    pool's own machinery (a fork, a lock) and leave it stuck, so nothing is unwound: the workers
    are ended, the unfinished output file removed, and the process exits (143, or 130 for Ctrl-C)."""
    import signal

    from . import batch, outputs

    batch.terminate_all()
    outputs.discard_all()
    code = EXIT_TERMINATED if signum == signal.SIGTERM else EXIT_INTERRUPTED
    say("report-lint: " + ("已终止" if code == EXIT_TERMINATED else "已中断"))
    os._exit(code)


def load_config(path: Optional[Path], lang: str, opts: Optional[CheckOptions] = None) -> "Config":
    """The configuration with the command line's selection applied. Unknown or malformed rule
    codes, in the file or on the command line, are usage errors (with a suggestion)."""
    from .config import ConfigError, load_config as load
    from .rules import RuleError, all_rules

    known = [r.code for r in all_rules()]
    try:
        cfg = load(path, known_codes=known)
        if opts is not None:
            cfg = cfg.with_overrides(select=opts.select, extend_select=opts.extend_select, ignore=opts.ignore,
                                     fail_on=opts.fail_on, lang=opts.lang, known_codes=known,
                                     unsafe_fixes=opts.unsafe_fixes)
        return cfg
    except (ConfigError, RuleError) as err:
        msg = err.message(lang) if hasattr(err, "message") else str(err)
        raise UsageError(f"report-lint: {'配置错误' if lang == 'zh' else 'configuration error'}: {msg}") from None


def use_color(output: Optional[Path], stderr: bool = False) -> bool:
    if output is not None or os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    stream = sys.stderr if stderr else sys.stdout
    try:
        return stream is not None and stream.isatty()
    except (OSError, ValueError):
        return False


def default_jobs() -> int:
    from .batch import default_jobs as jobs

    return jobs()


def run_check(opts: CheckOptions) -> int:
    """The check command; returns the exit code. SIGTERM ends it cleanly (exit 143): the
    output file is not written, the workers end."""
    import signal

    previous = {}
    try:
        for sig in (signal.SIGTERM, signal.SIGINT):
            previous[sig] = signal.signal(sig, _on_signal)
    except ValueError:  # not the main thread (library use): leave signals alone
        pass
    try:
        return _run_check(opts)
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def _run_check(opts: CheckOptions) -> int:
    from .outputs import OutputError

    lang = opts.lang or "zh"
    try:
        cfg = load_config(opts.config, lang, opts)
    except UsageError as err:
        say(str(err))
        return EXIT_INPUT
    lang = cfg.lang
    zh = lang == "zh"
    inputs = expand_paths(opts.paths)
    if not inputs:
        say("report-lint: " + ("没有找到要检查的文件" if zh else "no files to check"))
        return EXIT_INPUT
    if opts.previous is not None and len(inputs) != 1:
        say("report-lint: " + ("--previous 只能与一份报告一起使用" if zh else "--previous goes with exactly one report"))
        return EXIT_INPUT
    try:
        inputs = _guard_outputs(opts, inputs, cfg)
    except OutputError as err:
        say(f"report-lint: {err.message(lang)}")
        return EXIT_INPUT
    if (opts.fix or opts.diff) and any(i.path == "-" for i in inputs) and len(inputs) > 1:
        # As ruff: standard input is fixed only to standard output, so only alone.
        say("report-lint: " + ("修复标准输入时不能同时检查其他文件（修复后的文字写到标准输出）" if zh else
                               "standard input can be fixed only alone (the fixed text goes to standard output)"))
        return EXIT_INPUT
    from .reporters import BINARY

    if opts.fmt in BINARY and opts.output is None and not opts.diff and _stdout_is_terminal():
        say("report-lint: " + (f"{opts.fmt} 是二进制文件，不能输出到终端：请用 --output 指定文件，例如 -o 问题清单.{opts.fmt}" if zh else
                               f"{opts.fmt} is a binary format and cannot be written to a terminal; use --output FILE.{opts.fmt}"))
        return EXIT_INPUT
    baseline = None
    if opts.prune_baseline and opts.baseline is None:
        say("report-lint: " + ("--prune-baseline 需要同时给出 --baseline 审阅文件" if zh else "--prune-baseline needs --baseline FILE"))
        return EXIT_INPUT
    if opts.baseline is not None:
        from .baseline import BaselineError, read_baseline

        try:
            baseline = read_baseline(opts.baseline)
        except BaselineError as err:
            say(f"report-lint: {err.message(lang)}")
            return EXIT_INPUT

    from .engine import Engine

    engine = Engine(cfg, lang)
    previous = None
    if opts.previous is not None and engine.series_rules:
        previous = _read_previous(engine, opts.previous, lang)
        if isinstance(previous, int):
            return previous
    prepare_series(engine, inputs, opts, previous)
    from .reporters import WHOLE_TEXT

    keep_source = opts.fmt in WHOLE_TEXT
    # Path order: the order every format promises, and the one streamed output can keep.
    inputs = sorted(inputs, key=lambda i: i.path)
    state = _Outcome()

    if opts.write_baseline is not None:
        from .baseline import reasons_of, write_baseline

        try:  # the reasons already written for findings still there are kept
            keep = reasons_of(opts.write_baseline)
            results = batch_results(engine, inputs, opts, keep_source, previous)
            n = write_baseline(opts.write_baseline, map(state.add, results), keep)
        except OutputError as err:
            say(f"report-lint: {err.message(lang)}")
            return EXIT_INPUT
        say((f"已把 {n} 个问题写入基线文件 {opts.write_baseline}；以后用 --baseline 只报告新问题。" if zh else
             f"wrote {n} findings to the baseline {opts.write_baseline}; use --baseline to report only new ones."))
        return EXIT_INPUT if state.input_failure else EXIT_OK

    from .outputs import AtomicOutput

    if opts.diff:
        return _run_diff(engine, inputs, opts, state, lang)
    stdin_fix = opts.fix and any(i.path == "-" for i in inputs)
    binary = opts.fmt in BINARY
    try:  # opened first: a missing or read-only folder fails now, not after the batch
        if opts.output is not None:
            out = AtomicOutput(opts.output, binary=binary)
        else:  # the fixed standard input goes to standard output: the report to standard error
            out = _Stdout(binary=binary, stream=sys.stderr if stdin_fix else None)
    except OutputError as err:
        say(f"report-lint: {err.message(lang)}")
        return EXIT_INPUT
    fixes = _FixTally()
    with out:
        results = stage = batch_results(engine, inputs, opts, keep_source, previous)
        hidden = [0]
        accepted: dict = {}  # reason -> findings the review file accepts
        if baseline is not None:
            def known_removed(r: "FileResult") -> "FileResult":
                baseline.apply(r)
                for _, reason in r.accepted:
                    accepted[reason] = accepted.get(reason, 0) + 1
                hidden[0] += len(r.accepted)
                return r

            results = map(known_removed, results)
        results = map(fixes.add, map(state.add, results))

        from .reporters import HUMAN, STREAMING, render, stream

        color = opts.fmt in HUMAN and use_color(opts.output, stdin_fix)
        try:
            if opts.fmt in STREAMING:  # file by file: memory stays flat however many files
                stream(opts.fmt, results, out.write, lang=lang, color=color, statistics=opts.statistics)
            else:
                from .reporters._common import merge_extras

                out.write(render(opts.fmt, merge_extras(list(results)), lang=lang, color=color, statistics=opts.statistics))
            tail = fixes.summary(opts, lang, hints=opts.fmt in HUMAN)
            if baseline is not None:
                from .baseline import summary as baseline_summary

                tail += baseline_summary(baseline, accepted, lang)
            if tail and opts.fmt in HUMAN:
                out.write(tail)
            elif tail:
                say(tail.rstrip("\n"))
            out.commit()
        except OutputError as err:
            say(f"report-lint: {err.message(lang)}")
            return EXIT_INPUT
        except BrokenPipeError:  # `report-lint … | head`: the reader left, which is not an error
            quiet_stdout()
            return EXIT_OK
    for note in getattr(stage, "notes", ()):
        say(f"report-lint: {note.text(lang)}")
    if baseline is not None and opts.prune_baseline:
        try:
            n = baseline.prune()
        except OutputError as err:
            say(f"report-lint: {err.message(lang)}")
            return EXIT_INPUT
        say((f"已从审阅文件 {opts.baseline} 中删去 {n} 个已不存在的问题。" if zh else
             f"removed {n} stale entr{'ies' if n != 1 else 'y'} from the review file {opts.baseline}."))
    for path, why in fixes.refused:
        say(f"{path}: {why}")
    if stdin_fix and fixes.stdin_data is not None:
        try:
            sys.stdout.buffer.write(fixes.stdin_data)
            sys.stdout.flush()
        except BrokenPipeError:
            quiet_stdout()
        except (OSError, ValueError, AttributeError):
            say("report-lint: " + ("无法写出修复后的文字：标准输出已关闭" if zh else "cannot write the fixed text: standard output is closed"))
            return EXIT_INPUT
    return state.exit_code(cfg.fail_on, opts.exit_zero)


def _stdout_is_terminal() -> bool:
    try:
        return sys.stdout is not None and sys.stdout.isatty()
    except (OSError, ValueError):
        return False


def _run_diff(engine: "Engine", inputs: "list[Input]", opts: CheckOptions, state: "_Outcome", lang: str) -> int:
    """--diff: what --fix would change, as unified diffs (text files) or in words (pages,
    Word documents, PDFs); nothing is written but the diff. Exit 1 when something would change
    (as ruff), 2 on an input failure."""
    from .outputs import AtomicOutput, OutputError

    zh = lang != "en"
    fixes = _FixTally()
    try:
        out = AtomicOutput(opts.output) if opts.output is not None else _Stdout()
    except OutputError as err:
        say(f"report-lint: {err.message(lang)}")
        return EXIT_INPUT
    with out:
        try:
            for r in map(fixes.add, map(state.add, batch_results(engine, inputs, opts, False))):
                if r.fixed is not None and r.fixed.diff:
                    out.write(r.fixed.diff if r.fixed.diff.endswith("\n") else r.fixed.diff + "\n")
            out.commit()
        except OutputError as err:
            say(f"report-lint: {err.message(lang)}")
            return EXIT_INPUT
        except BrokenPipeError:
            quiet_stdout()
            return EXIT_OK
    n = fixes.would
    say((f"可自动修复 {n} 个问题（未写入任何文件；用 --fix 修复）。" if zh else f"Would fix {n} finding{'s' if n != 1 else ''}.")
        if n else ("没有可以自动修复的问题。" if zh else "No fixes available."))
    if state.input_failure:
        return EXIT_INPUT
    return EXIT_FINDINGS if n else EXIT_OK


class _FixTally:
    """What --fix did, or could do, over a batch (ruff's closing lines)."""

    def __init__(self) -> None:
        self.fixed: dict[str, dict[tuple[str, str], int]] = {}  # path -> (code, name) -> count
        self.fixable = self.hidden = self.would = 0
        self.refused: list[tuple[str, str]] = []
        self.stdin_data: Optional[bytes] = None

    def add(self, r: "FileResult") -> "FileResult":
        f = r.fixed
        if f is not None:
            if f.data is not None:
                self.stdin_data = f.data
            if f.refused:
                self.refused.append((r.path, f.refused))
            if f.written or f.data is not None:
                per = self.fixed.setdefault(r.path, {})
                for key in f.fixed:
                    per[key] = per.get(key, 0) + 1
            self.would += len(f.fixed)
        for d in r.diagnostics:
            if d.fix is not None:
                if d.fix.available:
                    self.fixable += 1
                else:
                    self.hidden += 1
        return r

    def summary(self, opts: CheckOptions, lang: str, hints: bool = True) -> str:
        """Closing lines: what was fixed (--fix, --show-fixes) and, for people (``hints``), what
        --fix or --unsafe-fixes could fix."""
        zh = lang != "en"
        n = sum(sum(per.values()) for per in self.fixed.values())
        lines = []
        if opts.fix and n:
            lines.append(f"已自动修复 {n} 个问题。" if zh else f"Fixed {n} finding{'s' if n != 1 else ''}.")
            if opts.show_fixes:
                for path in sorted(self.fixed):
                    lines.append(f"- {path}:")
                    for (code, name), k in sorted(self.fixed[path].items()):
                        lines.append(f"    {k} × {code} ({name})")
        elif opts.fix and opts.show_fixes:
            lines.append("没有修复任何问题。" if zh else "No findings were fixed.")
        if self.fixable and not opts.fix and hints:
            lines.append(f"[*] 其中 {self.fixable} 个可用 --fix 自动修复。" if zh else
                         f"[*] {self.fixable} fixable with the --fix option.")
        if self.hidden and hints:
            lines.append(f"（另有 {self.hidden} 个修复需加 --unsafe-fixes 才会应用。）" if zh else
                         f"({self.hidden} hidden fix{'es' if self.hidden != 1 else ''} can be enabled with the --unsafe-fixes option.)")
        return "".join(line + "\n" for line in lines)



class _with_series:
    """The results, then the cross-year findings (series/stage.py); its notes for stderr."""

    def __init__(self, engine, inputs, results, keep_source, previous=None, post=None, jobs=1) -> None:
        from .series.stage import SeriesStage

        self.stage = SeriesStage(engine, inputs, keep_source=keep_source, previous=previous, post=post, jobs=jobs)
        self.results = results

    def __iter__(self):
        return self.stage(self.results)

    @property
    def notes(self):
        return self.stage.notes


def _read_previous(engine: "Engine", path: "Path", lang: str):
    """The YearData of --previous, None when it is no template report (said), or the exit code
    when it cannot be read."""
    from .discover import display
    from .series.stage import read_previous
    from .source import InputError

    zh = lang == "zh"
    try:
        d = read_previous(engine, os.fspath(path))
    except InputError as err:
        say(f"report-lint: --previous {display(os.fspath(path))}: {err.message(lang)} [{err.code}]")
        return EXIT_INPUT
    except (Exception, RecursionError) as e:  # our bug, said as one
        say(f"report-lint: --previous {display(os.fspath(path))}: "
            + ("report-lint 内部错误" if zh else "report-lint internal error") + f": {type(e).__name__}")
        return EXIT_INPUT
    if d is None:
        say("report-lint: " + ("--previous 的文件不是 2019 年以后格式的年度报告，未做跨年度核对" if zh else
                               "the --previous file is not a report in the 2019/2021 template: no cross-year checks"))
    return d


def _guard_outputs(opts: CheckOptions, inputs: "list[Input]", cfg: "Config") -> "list[Input]":
    from .outputs import refuse_inputs

    config = [os.fspath(opts.config)] if opts.config else []
    if opts.previous is not None:
        config.append(os.fspath(opts.previous))  # an input too: never written over
    # --output must not replace the baseline it reads; --write-baseline may (it updates it)
    refuse_inputs([("--output", opts.output)], config + ([os.fspath(opts.baseline)] if opts.baseline else []))
    return guard_outputs(inputs, [("--output", opts.output), ("--write-baseline", opts.write_baseline)], config)


def guard_outputs(inputs: "list[Input]", outputs, extra_inputs=()) -> "list[Input]":
    """Refuse outputs (option, path) that would overwrite an input (OutputError), before
    anything is opened for writing; drop from the inputs a result file of an earlier run that
    the folder walk found where this run writes (report-lint's own output, never a report)."""
    from .outputs import refuse_inputs

    if not any(p is not None for _, p in outputs):
        return inputs
    targets = {_ident(p) for _, p in outputs if p is not None} - {None}
    kept = [i for i in inputs if i.explicit or _ident(i.path) not in targets or not _ours(i.path)]
    refuse_inputs(outputs, [i.path for i in kept] + list(extra_inputs))
    return kept


def _ident(path) -> "Optional[tuple[int, int]]":
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return None
    return st.st_dev, st.st_ino


def _ours(path: str) -> bool:
    """Whether a file found in a folder is a result report-lint wrote (safe to replace)."""
    from .outputs import written_by_report_lint
    from .source import InputError, read_bytes

    try:
        return written_by_report_lint(read_bytes(path, limit=64 * 1024 * 1024))
    except InputError:
        return False


def quiet_stdout() -> None:
    """The reader of our output left: nothing more is written, and Python's flush at exit must
    not complain either."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass


class _Stdout:
    """Standard output (or ``stream``) with the interface of AtomicOutput; a closed one is a
    usage failure. ``binary``: bytes, written to the stream's buffer."""

    def __init__(self, binary: bool = False, stream=None) -> None:
        from .outputs import OutputError

        self.stream = stream if stream is not None else sys.stdout
        self.binary = binary
        if self.stream is None:
            raise OutputError("标准输出已关闭：请用 --output 指定结果文件", "standard output is closed; use --output FILE")

    def write(self, s) -> None:
        if self.binary:
            self.stream.flush()
            self.stream.buffer.write(s)
        else:
            self.stream.write(s)

    def commit(self) -> None:
        self.stream.flush()

    def __enter__(self) -> "_Stdout":
        return self

    def __exit__(self, *exc) -> None:
        pass


class _Outcome:
    """What the exit code needs, kept while results stream past."""

    def __init__(self) -> None:
        self.input_failure = False
        self.worst = None

    def add(self, r: "FileResult") -> "FileResult":
        if r.error is not None:
            self.input_failure = True
        for d in r.diagnostics:
            if self.worst is None or d.severity > self.worst:
                self.worst = d.severity
        return r

    def exit_code(self, fail_on: "Severity", exit_zero: bool) -> int:
        """0 clean, 1 findings at or above the failing severity, 2 input failure."""
        if self.input_failure:
            return EXIT_INPUT
        if exit_zero:
            return EXIT_OK
        return EXIT_FINDINGS if self.worst is not None and self.worst >= fail_on else EXIT_OK


# ------------------------------------------------------------------------------- batches


def _keep_all(result: "FileResult") -> "FileResult":
    return result


def _slim(result: "FileResult") -> "FileResult":
    """Keep of a file's text only the lines its findings are on, so that memory (and what a
    worker sends back) grows with the findings, not with the batch."""
    if result.source is not None:
        lines = {n for d in result.diagnostics for n in (d.line, d.end_line)}
        shown = {n for d in result.diagnostics if d.locator is not None
                 for n in (d.locator.text_line, d.locator.text_end_line)}
        result.source = result.source.excerpt(lines, shown)
    return result


def check_files(engine: "Engine", files: list[str], opts: CheckOptions, keep_source: bool) -> "list[FileResult]":
    """Every file's result, in the order given, whatever the number of workers."""
    return list(iter_results(engine, expand_paths(files), opts, keep_source))


def prepare_series(engine: "Engine", inputs: "list[Input]", opts: CheckOptions, previous=None) -> None:
    """Whether a batch gathers what the cross-year rules read. They need two reports: a batch,
    or one report and --previous. (--fix and --diff change texts the cross-year findings would
    point into: not then.)"""
    engine.collect_series = (bool(engine.series_rules) and not (opts.fix or opts.diff)
                             and (len(inputs) > 1 or previous is not None))
    engine.series_keyed = previous is None  # --previous pairs whatever the names say
    if engine.collect_series:
        from .series.digest import warm

        warm()  # before any worker is forked: they share it


def batch_results(engine: "Engine", inputs: "list[Input]", opts: CheckOptions, keep_source: bool,
                  previous=None) -> "Iterator[FileResult]":
    """A batch's results in path order (the order every format promises), then the cross-year
    findings over a body's reports (series/stage.py; the returned iterable's ``notes`` hold what
    it says on stderr): what `report-lint check` reports and what the page of `report-lint
    serve` shows both come from here."""
    results = iter_results(engine, sorted(inputs, key=lambda i: i.path), opts, keep_source)
    if engine.collect_series:
        return _with_series(engine, inputs, results, keep_source, previous, jobs=_jobs(opts, len(inputs)))
    return results


def _jobs(opts: CheckOptions, files: int) -> int:
    """Worker processes for a batch: as asked, capped by the files and the cores."""
    from .batch import default_jobs

    cores = default_jobs()
    return max(1, min(opts.jobs or cores, cores, files))


def iter_results(engine: "Engine", inputs: "list[Input]", opts: CheckOptions, keep_source: bool) -> "Iterator[FileResult]":
    """Each input's result as soon as it (and every one before it) is checked, in the order
    given, whatever the number of workers. Jobs are capped by the files and the cores."""
    from . import batch

    jobs = _jobs(opts, len(inputs))
    stdin_data = None
    if any(i.path == "-" for i in inputs):
        from .source import InputError, read_stdin

        try:
            stdin_data = read_stdin()
        except InputError as err:
            stdin_data = err
    try:
        show = opts.progress if opts.progress is not None else (
            sys.stderr is not None and sys.stderr.isatty() and len(inputs) >= PROGRESS_FROM)
    except (OSError, ValueError):
        show = False
    slim = _keep_all if keep_source else _slim
    if opts.fix or opts.diff:  # fixed where the file is checked, before its text is slimmed
        from .fixes import FixStep

        slim = FixStep(engine, "diff" if opts.diff else "fix", slim,
                       stdin_data if isinstance(stdin_data, bytes) else None)
    parallel = jobs > 1 and len(inputs) >= batch.PARALLEL_FROM and stdin_data is None
    if isinstance(stdin_data, Exception):
        err = stdin_data
        inputs = [i for i in inputs if i.path != "-"]
        yield engine.input_failure(opts.stdin_filename or "-", err)
        stdin_data = None
    if parallel:
        results = batch.run_parallel(engine, inputs, jobs, slim)
    else:
        results = batch.run_serial(engine, inputs, slim, stdin_data, opts.stdin_filename)
    yield from _with_progress((r for r in results if r is not None), len(inputs), show, engine.lang)


def _with_progress(results, total: int, show: bool, lang: str) -> "Iterator[FileResult]":
    if not show:
        yield from results
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    label = "检查中" if lang == "zh" else "checking"
    with Progress(TextColumn(label), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                  console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task(label, total=total)
        for r in results:
            bar.advance(task)
            yield r
