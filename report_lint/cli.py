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

EXIT_OK, EXIT_FINDINGS, EXIT_INPUT = 0, 1, 2

app = typer.Typer(
    add_completion=False,
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


REPORT_SUFFIXES = {".txt", ".text", ".md"}


def expand_paths(paths: List[str]) -> tuple[list[str], list[tuple[str, str, str]]]:
    """Files to read, in order: files as given, directories searched recursively for report
    files. Returns (files, problems) where a problem is (path, code, message_zh/en key)."""
    files: list[str] = []
    problems: list[tuple[str, str, str]] = []
    for p in paths:
        if p == "-":
            files.append(p)
            continue
        path = Path(p)
        if path.is_dir():
            found = sorted(
                str(f) for f in path.rglob("*") if f.is_file() and f.suffix.lower() in REPORT_SUFFIXES
            )
            files.extend(found)
        else:
            files.append(p)
    return files, problems


def _load(path: str, stdin_filename: Optional[str]):
    from . import source

    if path == "-":
        data = sys.stdin.buffer.read()
        return source.from_bytes(data, stdin_filename or "-")
    return source.load(path)


def _say_input_error(path: str, err, lang: str) -> None:
    label = "错误" if lang == "zh" else "error"
    typer.echo(f"{path}: {label}: {err.message(lang)} [{err.code}]", err=True)


@app.command()
def extract(
    paths: List[str] = typer.Argument(..., help="报告文件或目录（目录递归查找 .txt）；- 表示标准输入。"),
    fmt: ExtractFormat = typer.Option(ExtractFormat.json, "--format", "-f", help="输出格式：json 或 csv。"),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="写入文件而不是标准输出。"),
    stdin_filename: Optional[str] = typer.Option(None, "--stdin-filename", help="从标准输入读取时使用的文件名。"),
    lang: Lang = typer.Option(Lang.zh, "--lang", help="消息语言：zh 或 en。"),
) -> None:
    """Print the three statistical tables as data (JSON or CSV). 以数据形式导出三张统计表。"""
    from .extract import report_dict, to_csv, to_json
    from .report import build_report
    from .source import InputError

    files, _ = expand_paths(paths)
    failed = False
    dicts, reports = [], []
    for f in files:
        try:
            rep = build_report(_load(f, stdin_filename))
        except InputError as err:
            _say_input_error(f, err, lang.value)
            failed = True
            dicts.append({"path": f, "error": err.code, "format": None, "report_year": None, "tables": None})
            continue
        reports.append(rep)
        dicts.append(report_dict(rep))
    out = to_json(dicts) if fmt == ExtractFormat.json else to_csv(reports)
    if output is not None:
        output.write_text(out, encoding="utf-8")
    else:
        sys.stdout.write(out)
    raise typer.Exit(EXIT_INPUT if failed or not files else EXIT_OK)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"report-lint {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="显示版本。"),
) -> None:
    """report-lint: 检查政府信息公开工作年度报告。"""


COMMANDS = {"extract"}


def main(argv: Optional[List[str]] = None) -> None:
    args = list(sys.argv[1:] if argv is None else argv)
    # `report-lint FILE…` is `report-lint check FILE…`
    if args and args[0] not in COMMANDS and not args[0].startswith("-") and "check" in COMMANDS:
        args.insert(0, "check")
    try:
        app(args=args, prog_name="report-lint")
    except KeyboardInterrupt:
        sys.exit(130)


if __name__ == "__main__":
    main()
