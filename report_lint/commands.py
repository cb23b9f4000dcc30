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
    from .engine import Engine
    from .findings import FileResult, Severity

EXIT_OK, EXIT_FINDINGS, EXIT_INPUT = 0, 1, 2
REPORT_SUFFIXES = {".txt", ".text", ".md", ".html", ".htm", ".shtml", ".docx", ".pdf"}
PARALLEL_FROM = 16  # fewer files than this are checked in this process: workers cost more
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


def say(msg: str) -> None:
    sys.stderr.write(msg + "\n")


def expand_paths(paths: list[str]) -> list[str]:
    """Files to read: files as given (a missing one fails when it is read, with its own
    message), directories searched recursively for report files, sorted; each file once."""
    files: list[str] = []
    for p in paths:
        if p != "-" and os.path.isdir(p):
            from pathlib import Path

            files.extend(sorted(
                str(f) for f in Path(p).rglob("*") if f.is_file() and f.suffix.lower() in REPORT_SUFFIXES
            ))
        else:
            files.append(p)
    return list(dict.fromkeys(files))  # a file named twice (or found twice) is checked once


class UsageError(Exception):
    """Bad configuration or options: said once, exit code 2."""


def load_config(path: Optional[Path], lang: str) -> "Config":
    from .config import ConfigError, load_config as load
    from .rules import RuleError, all_rules

    try:
        return load(path, known_codes=[r.code for r in all_rules()])
    except (ConfigError, RuleError) as err:
        msg = err.message(lang) if hasattr(err, "message") else str(err)
        raise UsageError(f"report-lint: {'配置错误' if lang == 'zh' else 'configuration error'}: {msg}") from None


def use_color(output: Optional[Path]) -> bool:
    if output is not None or os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return sys.stdout.isatty()


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def run_check(opts: CheckOptions) -> int:
    lang = opts.lang or "zh"
    try:
        cfg = load_config(opts.config, lang)
        cfg = cfg.with_overrides(select=opts.select, extend_select=opts.extend_select, ignore=opts.ignore,
                                 fail_on=opts.fail_on, lang=opts.lang)
    except UsageError as err:
        say(str(err))
        return EXIT_INPUT
    lang = cfg.lang
    zh = lang == "zh"
    files = expand_paths(opts.paths)
    if not files:
        say("report-lint: " + ("没有找到要检查的文件" if zh else "no files to check"))
        return EXIT_INPUT
    baseline = None
    if opts.baseline is not None:
        from .baseline import BaselineError, read_baseline

        try:
            baseline = read_baseline(opts.baseline)
        except BaselineError as err:
            say(f"report-lint: {err.message(lang)}")
            return EXIT_INPUT

    from .engine import Engine

    engine = Engine(cfg, lang)
    from .reporters import WHOLE_TEXT

    keep_source = opts.fmt in WHOLE_TEXT
    # Path order: the order every format promises, and the one streamed output can keep.
    files = sorted(files)
    results = iter_results(engine, files, opts, keep_source)
    state = _Outcome()

    if opts.write_baseline is not None:
        from .baseline import write_baseline

        n = write_baseline(opts.write_baseline, map(state.add, results))
        say((f"已把 {n} 个问题写入基线文件 {opts.write_baseline}；以后用 --baseline 只报告新问题。" if zh else
             f"wrote {n} findings to the baseline {opts.write_baseline}; use --baseline to report only new ones."))
        return EXIT_INPUT if state.input_failure else EXIT_OK
    hidden = [0]
    if baseline is not None:
        from .baseline import apply_baseline

        def known_removed(r: "FileResult") -> "FileResult":
            _, n = apply_baseline([r], baseline)
            hidden[0] += n
            return r

        results = map(known_removed, results)
    results = map(state.add, results)

    from .reporters import STREAMING, render, stream

    color = opts.fmt == "text" and use_color(opts.output)
    try:
        out = open(opts.output, "w", encoding="utf-8") if opts.output is not None else sys.stdout
    except OSError as e:
        say(f"report-lint: {'无法写入' if zh else 'cannot write'} {opts.output}: {e.strerror or e}")
        return EXIT_INPUT
    try:
        if opts.fmt in STREAMING:  # file by file: memory stays flat however many files
            stream(opts.fmt, results, out.write, lang=lang, color=color, statistics=opts.statistics)
        else:
            out.write(render(opts.fmt, list(results), lang=lang, color=color, statistics=opts.statistics))
        out.flush()
    except OSError as e:
        if opts.output is None:
            raise  # a closed pipe: _entry handles it
        say(f"report-lint: {'无法写入' if zh else 'cannot write'} {opts.output}: {e.strerror or e}")
        return EXIT_INPUT
    finally:
        if out is not sys.stdout:
            out.close()
    if hidden[0] and opts.fmt == "text":
        say((f"基线中已有的 {hidden[0]} 个问题未列出。" if zh else f"{hidden[0]} findings already in the baseline are not shown."))
    return state.exit_code(cfg.fail_on, opts.exit_zero)


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

_ENGINE: "Optional[Engine]" = None
_KEEP_SOURCE = False


def _worker_init(engine: "Optional[Engine]", config, lang: str, keep_source: bool) -> None:
    global _ENGINE, _KEEP_SOURCE
    if engine is None:  # spawned, not forked: build our own (rules load once per worker)
        from .engine import Engine

        engine = Engine(config, lang)
    _ENGINE, _KEEP_SOURCE = engine, keep_source
    _quiet_gc()


_CHECKED = 0
GC_EVERY = 256  # files between full collections while the cyclic collector is paused


def _quiet_gc() -> None:
    """Checking allocates many small objects and makes almost no cycles: the cyclic collector
    would run thousands of times a batch for nothing (~5% of the time). Pause it, with what is
    loaded so far frozen out of its sight, and collect every GC_EVERY files instead, so memory
    stays flat however long the batch."""
    import gc

    gc.freeze()
    gc.disable()


def _tick() -> None:
    global _CHECKED
    _CHECKED += 1
    if _CHECKED % GC_EVERY == 0:
        import gc

        gc.collect()


def _check_one(path: str) -> "FileResult":
    result = _slim(_ENGINE.check_path(path), _KEEP_SOURCE)
    _tick()
    return result


def _slim(result: "FileResult", keep_source: bool) -> "FileResult":
    """Keep of a file's text only the lines its findings are on, so that memory (and what a
    worker sends back) grows with the findings, not with the batch."""
    if not keep_source and result.source is not None:
        lines = {n for d in result.diagnostics for n in (d.line, d.end_line)}
        shown = {n for d in result.diagnostics if d.locator is not None
                 for n in (d.locator.text_line, d.locator.text_end_line)}
        result.source = result.source.excerpt(lines, shown)
    return result


def check_files(engine: "Engine", files: list[str], opts: CheckOptions, keep_source: bool) -> "list[FileResult]":
    """Every file's result, in the order given, whatever the number of workers."""
    return list(iter_results(engine, files, opts, keep_source))


def iter_results(engine: "Engine", files: list[str], opts: CheckOptions, keep_source: bool) -> "Iterator[FileResult]":
    """Each file's result as soon as it (and every file before it) is checked, in the order
    given, whatever the number of workers."""
    jobs = opts.jobs or default_jobs()
    stdin_data = sys.stdin.buffer.read() if "-" in files else None
    show = opts.progress if opts.progress is not None else (sys.stderr.isatty() and len(files) >= PROGRESS_FROM)
    parallel = jobs > 1 and len(files) >= PARALLEL_FROM and "-" not in files
    if not parallel:
        def one(f: str) -> "FileResult":
            result = _slim(engine.check_path(f, stdin_data, opts.stdin_filename), keep_source)
            _tick()
            return result

        if len(files) > 1:
            _quiet_gc()
        yield from _with_progress(map(one, files), len(files), show, engine.lang)
        return

    import multiprocessing as mp
    from concurrent.futures import ProcessPoolExecutor

    # fork shares the loaded rules and parser with the workers; elsewhere they load their own
    forking = "fork" in mp.get_all_start_methods() and sys.platform == "linux"
    ctx = mp.get_context("fork" if forking else "spawn")
    init = (engine if forking else None, engine.config, engine.lang, keep_source)
    chunk = max(1, min(32, len(files) // (jobs * 8)))
    with ProcessPoolExecutor(max_workers=jobs, mp_context=ctx, initializer=_worker_init, initargs=init) as pool:
        yield from _with_progress(pool.map(_check_one, files, chunksize=chunk), len(files), show, engine.lang)


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
