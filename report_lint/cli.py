"""Command line: argument parsing and exit codes only.

Heavy modules (the parser, rich) are imported inside the commands so that `--help` and a
single-file run start fast.
"""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer

from . import __version__
from .commands import EXIT_INPUT, EXIT_OK, expand_paths, guard_outputs, say

app = typer.Typer(
    add_completion=False,
    pretty_exceptions_enable=False,  # never a traceback: _entry.main turns failures into messages
    no_args_is_help=True,
    help="report-lint: 检查政府信息公开工作年度报告中的数字、表格与格式问题。",
    context_settings={"help_option_names": ["-h", "--help"]},
)


class ExtractFormat(str, Enum):
    json = "json"
    csv = "csv"


class Lang(str, Enum):
    zh = "zh"
    en = "en"


def _say_input_error(path: str, err, lang: str) -> None:
    from .discover import display

    label = "错误" if lang == "zh" else "error"
    say(f"{display(path)}: {label}: {err.message(lang)} [{err.code}]")


def _emit(text: str, out, lang: str) -> None:
    """Write a command's output: to ``out`` (an AtomicOutput, or a path written atomically) or
    to standard output. A reader that left (broken pipe) is quiet; a closed standard output or
    an output that cannot be written is a usage failure (exit 2)."""
    from .outputs import AtomicOutput, OutputError, write_text

    try:
        if isinstance(out, AtomicOutput):
            with out:
                out.write(text)
                out.commit()
        elif out is not None:
            write_text(out, text)
        elif sys.stdout is None:
            raise OutputError("标准输出已关闭：请用 --output 指定结果文件", "standard output is closed; use --output FILE")
        else:
            sys.stdout.write(text)
            sys.stdout.flush()
    except BrokenPipeError:
        from .commands import quiet_stdout

        quiet_stdout()
    except OutputError as err:
        say(f"report-lint: {err.message(lang)}")
        raise typer.Exit(EXIT_INPUT)


@app.command()
def extract(
    paths: List[str] = typer.Argument(..., help="报告文件或目录（目录递归查找 .txt、网页、.docx、.pdf）；- 表示标准输入。"),
    fmt: ExtractFormat = typer.Option(ExtractFormat.json, "--format", "-f", help="输出格式：json 或 csv。"),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="写入文件而不是标准输出。"),
    stdin_filename: Optional[str] = typer.Option(None, "--stdin-filename", help="从标准输入读取时使用的文件名。"),
    lang: Lang = typer.Option(Lang.zh, "--lang", help="消息语言：zh 或 en。"),
) -> None:
    """Print the three statistical tables as data (JSON or CSV). 以数据形式导出三张统计表。"""
    from . import source as src
    from .discover import display
    from .extract import report_dict, to_csv, to_json
    from .outputs import AtomicOutput, OutputError
    from .report import build_report
    from .source import InputError

    zh = lang == Lang.zh
    inputs = expand_paths(paths)
    try:
        inputs = guard_outputs(inputs, [("--output", output)])
        out = AtomicOutput(output) if output is not None else None
    except OutputError as err:
        say(f"report-lint: {err.message(lang.value)}")
        raise typer.Exit(EXIT_INPUT)
    failed = not inputs
    dicts, reports = [], []
    stdin = None
    for item in inputs:
        f = item.path
        if item.skip is not None or item.failure is not None:
            why = item.skip or item.failure
            say(f"{display(f)}: {why.text(lang.value)}")
            failed = failed or item.failure is not None
            continue
        try:
            if f == "-":
                stdin = src.read_stdin() if stdin is None else stdin
                data, name = stdin, stdin_filename or "-"
            else:
                data, name = src.read_bytes(f, roots=None if item.explicit else item.roots), f
                if not item.explicit:
                    from .outputs import written_by_report_lint

                    if written_by_report_lint(data):
                        continue
            rep = build_report(src.from_bytes(data, display(name)))
        except InputError as err:
            _say_input_error(f, err, lang.value)
            failed = True
            dicts.append({"path": display(f), "error": err.code, "format": None, "report_year": None, "tables": None})
            continue
        except (Exception, RecursionError) as e:  # our bug: said, and the file counts as failed
            say(f"{display(f)}: {'report-lint 内部错误' if zh else 'report-lint internal error'}: {type(e).__name__}")
            failed = True
            dicts.append({"path": display(f), "error": "internal-error", "format": None, "report_year": None, "tables": None})
            continue
        reports.append(rep)
        dicts.append(report_dict(rep))
    text = to_json(dicts) if fmt == ExtractFormat.json else to_csv(reports)
    _emit(text, out, lang.value)
    raise typer.Exit(EXIT_INPUT if failed else EXIT_OK)


@app.command("text")
def text_cmd(
    path: str = typer.Argument(..., help="报告文件（文本、网页、Word 文档或 PDF）；- 表示标准输入。"),
    stdin_filename: Optional[str] = typer.Option(None, "--stdin-filename", help="从标准输入读取时使用的文件名。"),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="写入文件而不是标准输出。"),
    lang: Lang = typer.Option(Lang.zh, "--lang", help="消息语言：zh 或 en。"),
) -> None:
    """Print the text report-lint reads from a file (what positions refer to). 显示 report-lint 读到的报告文字。

    For a web page, Word document or PDF: the rendered report (tables as | rows |), the lines
    that the "report-lint text" positions of the findings count. For a text file: its text as
    analysed (line ends unified, full-width forms and traditional characters folded)."""
    from . import source as src_
    from .discover import display
    from .outputs import OutputError, refuse_inputs
    from .source import InputError

    try:
        refuse_inputs([("--output", output)], [path])
    except OutputError as err:
        say(f"report-lint: {err.message(lang.value)}")
        raise typer.Exit(EXIT_INPUT)
    try:
        data = src_.read_stdin() if path == "-" else src_.read_bytes(path)
        src = src_.from_bytes(data, display(stdin_filename or "-" if path == "-" else path))
    except InputError as err:
        _say_input_error(path, err, lang.value)
        raise typer.Exit(EXIT_INPUT)
    text = src.text if src.text.endswith("\n") else src.text + "\n"
    _emit(text, output, lang.value)


from .reporters import FORMATS  # noqa: E402  (a tuple of names: imports nothing heavy)

OutputFormat = Enum("OutputFormat", {f: f for f in FORMATS}, type=str)


class ListFormat(str, Enum):
    text = "text"
    json = "json"


class FailOn(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"


def _split_codes(values: Optional[List[str]]) -> Optional[tuple[str, ...]]:
    if values is None:
        return None
    out: list[str] = []
    for v in values:
        out.extend(x.strip().upper() for x in v.split(",") if x.strip())
    return tuple(out)


@app.command()
def check(
    paths: List[str] = typer.Argument(..., help="报告文件或目录（目录递归查找 .txt、网页、.docx、.pdf）；- 表示标准输入。"),
    fmt: OutputFormat = typer.Option(OutputFormat.text, "--format", "-f", help="输出格式：" + "、".join(FORMATS) + "。"),
    select: Optional[List[str]] = typer.Option(None, "--select", help="只检查这些规则（代码或前缀，可用逗号分隔）。"),
    extend_select: Optional[List[str]] = typer.Option(None, "--extend-select", help="在配置之外再检查这些规则。"),
    ignore: Optional[List[str]] = typer.Option(None, "--ignore", help="不检查这些规则（代码或前缀）。"),
    fail_on: Optional[FailOn] = typer.Option(None, "--fail-on", help="达到此级别的问题使退出码为 1（默认 error）。"),
    exit_zero: bool = typer.Option(False, "--exit-zero", help="发现问题时退出码仍为 0。"),
    config: Optional[Path] = typer.Option(None, "--config", help="配置文件（report-lint.toml 或 pyproject.toml）。"),
    lang: Optional[Lang] = typer.Option(None, "--lang", help="消息语言：zh 或 en（默认 zh）。"),
    stdin_filename: Optional[str] = typer.Option(None, "--stdin-filename", help="从标准输入读取时使用的文件名。"),
    statistics: bool = typer.Option(False, "--statistics", help="按规则统计问题数量。"),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="写入文件而不是标准输出。"),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", help="同时检查的进程数（默认：全部 CPU 核）。"),
    baseline: Optional[Path] = typer.Option(None, "--baseline", help="只报告不在此基线文件中的新问题。"),
    write_baseline: Optional[Path] = typer.Option(None, "--write-baseline", help="把当前所有问题写入基线文件（退出码为 0）。"),
    progress: Optional[bool] = typer.Option(None, "--progress/--no-progress", help="显示进度条（默认：终端中且文件较多时）。"),
    previous: Optional[Path] = typer.Option(None, "--previous", help="同一机关上一年度的报告：与之逐项核对（上年结转、现行有效等）。"),
    fix: bool = typer.Option(False, "--fix", help="自动修复可以安全修复的问题（只改写文本文件，编码和换行不变）。"),
    unsafe_fixes: Optional[bool] = typer.Option(None, "--unsafe-fixes/--no-unsafe-fixes", help="同时应用不安全的修复（删除网页残留、垃圾广告等）。"),
    diff: bool = typer.Option(False, "--diff", help="不改写文件，只显示 --fix 将做的修改。"),
    show_fixes: bool = typer.Option(False, "--show-fixes", help="列出已修复的问题。"),
    prune_baseline: bool = typer.Option(False, "--prune-baseline", help="从 --baseline 指定的审阅文件中删去已不存在的问题。"),
) -> None:
    """Check reports and print what is wrong. 检查年度报告并列出问题。"""
    from .commands import CheckOptions, run_check
    from .findings import Severity

    if jobs is not None and jobs < 1:
        raise typer.BadParameter("--jobs 至少为 1 / must be at least 1", param_hint="--jobs")
    code = run_check(CheckOptions(
        paths=list(paths), fmt=fmt.value, select=_split_codes(select), extend_select=_split_codes(extend_select),
        ignore=_split_codes(ignore), fail_on=Severity.parse(fail_on.value) if fail_on else None,
        exit_zero=exit_zero, config=config, lang=lang.value if lang else None, stdin_filename=stdin_filename,
        statistics=statistics, output=output, jobs=jobs, baseline=baseline, write_baseline=write_baseline,
        progress=progress, fix=fix, diff=diff, show_fixes=show_fixes, unsafe_fixes=unsafe_fixes,
        prune_baseline=prune_baseline, previous=previous,
    ))
    raise typer.Exit(code)


class CompareFormat(str, Enum):
    text = "text"
    json = "json"
    csv = "csv"


@app.command()
def compare(
    paths: List[str] = typer.Argument(..., help="同一机关不同年度的报告，或包含它们的目录。"),
    fmt: CompareFormat = typer.Option(CompareFormat.text, "--format", "-f", help="输出格式：text、json 或 csv。"),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="写入文件而不是标准输出。"),
    config: Optional[Path] = typer.Option(None, "--config", help="配置文件（report-lint.toml 或 pyproject.toml）。"),
    lang: Optional[Lang] = typer.Option(None, "--lang", help="消息语言：zh 或 en（默认 zh）。"),
) -> None:
    """A body's three tables side by side across years, with the checks that fail. 同一机关各年度统计表并列比较。"""
    import os as _os

    from .commands import EXIT_FINDINGS, UsageError, load_config, use_color
    from .engine import Engine
    from .findings import Severity
    from .outputs import AtomicOutput, OutputError
    from .series import compare as cmp

    code_lang = lang.value if lang else "zh"
    try:
        cfg = load_config(config, code_lang)
    except UsageError as err:
        say(str(err))
        raise typer.Exit(EXIT_INPUT)
    language = lang.value if lang else cfg.lang
    inputs = expand_paths(paths)
    try:
        guard_outputs(inputs, [("--output", output)], [_os.fspath(config)] if config else [])
        out = AtomicOutput(output) if output is not None else None
    except OutputError as err:
        say(f"report-lint: {err.message(language)}")
        raise typer.Exit(EXIT_INPUT)
    engine = Engine(cfg, language)
    entries, failures, explicit = cmp.load_inputs(paths, engine)
    views, unpaired, notes = cmp.build(entries, explicit, engine)
    if fmt == CompareFormat.json:
        text = cmp.to_json(views, unpaired, failures, notes, language)
    elif fmt == CompareFormat.csv:
        text = cmp.to_csv(views)
        for p, m in failures:
            say(f"{p}: {m}")
    else:
        import shutil

        width = shutil.get_terminal_size((160, 24)).columns if out is None else 160
        text = cmp.to_text(views, unpaired, failures, notes, language, use_color(output), max(width, 100))
    _emit(text, out, language)
    if failures or not inputs:
        raise typer.Exit(EXIT_INPUT)
    failing = any(d.severity >= cfg.fail_on for v in views for d in v.diagnostics)
    raise typer.Exit(EXIT_FINDINGS if failing else EXIT_OK)


@app.command("rules")
def rules_cmd(
    lang: Lang = typer.Option(Lang.zh, "--lang", help="语言：zh 或 en。"),
    fmt: ListFormat = typer.Option(ListFormat.text, "--format", "-f", help="输出格式：text 或 json。"),
) -> None:
    """List every rule. 列出全部规则。"""
    from .rules import all_rules

    rules = all_rules()
    if fmt == ListFormat.json:
        import json

        data = [{"code": r.code, "name": r.name, "severity": r.severity.label, "summary": r.summary.text(lang.value),
                 "default": getattr(r, "default_enabled", True)} for r in rules]
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return
    from rich.console import Console
    from rich.table import Table

    zh = lang == Lang.zh
    table = Table(show_lines=False, box=None, pad_edge=False)
    for head in (("代码", "名称", "级别", "说明") if zh else ("code", "name", "severity", "summary")):
        table.add_column(head, no_wrap=head in ("代码", "code", "名称", "name"))
    for r in rules:
        table.add_row(r.code, r.name, r.severity.text(lang.value), r.summary.text(lang.value))
    Console(highlight=False, soft_wrap=not sys.stdout.isatty()).print(table)


@app.command()
def explain(
    code: str = typer.Argument(..., help="规则代码，例如 RL101。"),
    lang: Lang = typer.Option(Lang.zh, "--lang", help="语言：zh 或 en。"),
) -> None:
    """Explain one rule, with a failing and a passing example. 解释一条规则。"""
    from .rules import all_rules

    wanted = code.strip().upper()
    rule = next((r for r in all_rules() if r.code == wanted or r.name == code.strip().lower()), None)
    if rule is None:
        import difflib

        close = difflib.get_close_matches(wanted, [r.code for r in all_rules()], n=1)
        hint = (f"（是否想查 {close[0]}？）" if lang == Lang.zh else f" (did you mean {close[0]}?)") if close else ""
        typer.echo(("report-lint: 没有规则 " if lang == Lang.zh else "report-lint: no rule ") + f"{code}{hint}", err=True)
        raise typer.Exit(EXIT_INPUT)
    zh = lang == Lang.zh
    head = f"{rule.code} {rule.name}（{rule.severity.text('zh')}）" if zh else f"{rule.code} {rule.name} ({rule.severity.label})"
    sys.stdout.write(f"{head}\n\n{rule.summary.text(lang.value)}\n\n{rule.doc(lang.value)}\n")


@app.command()
def serve(
    port: Optional[int] = typer.Option(None, "--port", "-p", min=0, max=65535,
                                       help="端口（默认 8765，被占用时自动换下一个；0 表示任选一个空闲端口）。"),
    open_browser: bool = typer.Option(False, "--open", help="启动后自动在浏览器中打开检查页面。"),
    config: Optional[Path] = typer.Option(None, "--config", help="配置文件（report-lint.toml 或 pyproject.toml）。"),
    max_size: int = typer.Option(100, "--max-size", min=1, max=100, help="每次上传的文件合计上限（MB，默认 100）。"),
) -> None:
    """Start the checking page on this computer (http://127.0.0.1:8765/). 在本机打开检查网页：把报告拖进去即可检查。

    Only this computer can reach it (127.0.0.1); files are checked here and never kept. Ctrl+C stops it."""
    from .serve.server import run

    raise typer.Exit(run(port=port, open_browser=open_browser, config=config, max_mb=max_size))


def _version(value: bool) -> None:
    if value:
        typer.echo(f"report-lint {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="显示版本。"),
) -> None:
    """report-lint: 检查政府信息公开工作年度报告。"""


COMMANDS = {"extract", "check", "text", "rules", "explain", "compare", "serve"}


def main(argv: Optional[List[str]] = None) -> None:
    args = list(sys.argv[1:] if argv is None else argv)
    # `report-lint FILE…` is `report-lint check FILE…`
    if args and args[0] not in COMMANDS and args[0] not in ("-h", "--help", "--version"):
        args.insert(0, "check")
    try:
        app(args=args, prog_name="report-lint")
    except KeyboardInterrupt:
        sys.exit(130)


if __name__ == "__main__":
    main()
