"""Running rules over reports: selection, severity overrides, positions, order."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable, Optional

from .findings import Diagnostic, FileResult, Finding, Locator, Message, RelatedPosition, Severity
from .rules import Context, Rule, all_rules

if TYPE_CHECKING:
    from .config import Config
    from .source import InputError, Source

INPUT_ERROR_CODE = "RL001"


def _crashed(rule: Rule, e: Exception) -> Finding:
    """A rule that failed on this report: said as an error of that rule, whole file."""
    what = f"{type(e).__name__}: {e}"[:200]
    return Finding(rule.code, Message(f"规则 {rule.code} 检查这份报告时出错，结果不完整（请报告此问题）：{what}",
                                      f"rule {rule.code} failed on this report, its result is incomplete (please report it): {what}"),
                   None, severity=Severity.ERROR, name=rule.name)


def _matches(code: str, prefixes: Iterable[str]) -> bool:
    return any(code.startswith(p) for p in prefixes)


class Engine:
    def __init__(self, config: "Config", lang: Optional[str] = None) -> None:
        self.config = config
        self.lang = lang or config.lang
        self.rules: list[Rule] = [r for r in all_rules() if config.is_selected(r.code)]
        self.by_code = {r.code: r for r in all_rules()}
        self.ctx = Context(
            percent_tolerance=config.percent_tolerance,
            deadlines=dict(config.deadlines),
            body_kind=config.body_kind,
        )

    def severity(self, code: str, finding: Optional[Finding] = None) -> Severity:
        rule = self.by_code.get(code)
        default = finding.severity if finding is not None and finding.severity is not None else (
            rule.severity if rule is not None else Severity.ERROR
        )
        return self.config.severity_of(code, default)

    def check_source(self, source: "Source") -> FileResult:
        from .report import build_report

        report = build_report(source)
        ignored = self.config.ignored_for(source.path)
        findings: list[Finding] = []
        for rule in self.rules:
            if ignored and _matches(rule.code, ignored):
                continue
            try:
                for f in rule.check(report, self.ctx):
                    f.name = rule.name
                    findings.append(f)
            except Exception as e:  # a rule's bug must not end the run (or a batch of thousands)
                findings.append(_crashed(rule, e))
        diags = [self._diagnostic(source, f) for f in findings]
        diags.sort(key=lambda d: (d.line, d.column, d.code))
        return FileResult(source.path, source, diags)

    def input_failure(self, path: str, err: "InputError") -> FileResult:
        # Said whatever the selection: a file that was not read must never look clean.
        rule = self.by_code.get(INPUT_ERROR_CODE)
        diag = Diagnostic(path, INPUT_ERROR_CODE, rule.name if rule else "unreadable-input",
                          Severity.ERROR, f"{err.message(self.lang)} [{err.code}]", 1, 1, 1, 1)
        return FileResult(path, None, [diag], err)

    def check_path(self, path: str, stdin_data: Optional[bytes] = None, stdin_name: Optional[str] = None) -> FileResult:
        from . import source as src
        from .source import InputError

        try:
            if path == "-":
                s = src.from_bytes(stdin_data or b"", stdin_name or "-")
            else:
                s = src.load(path)
        except InputError as err:
            return self.input_failure(stdin_name or path if path == "-" else path, err)
        return self.check_source(s)

    def _diagnostic(self, source: "Source", f: Finding) -> Diagnostic:
        lang = self.lang
        if f.span is None:
            line, col, end_line, end_col = 1, 1, 1, 1
        else:
            line, col = source.position(f.span.start)
            end_line, end_col = source.end_position(f.span.end) if f.span.end > f.span.start else (line, col)
        located = source._places is not None  # a page, document or PDF: say where in words too
        related = []
        for r in f.related:
            if r.span is None:
                continue
            rl, rc = source.position(r.span.start)
            loc = _locator(source, r.span.start, r.span.end, lang) if located else None
            related.append(RelatedPosition(rl, rc, r.message.text(lang), loc))
        locator = None
        if located:
            locator = _locator(source, f.span.start, f.span.end, lang) if f.span is not None else None
        return Diagnostic(
            path=source.path,
            code=f.code,
            name=f.name,
            severity=self.severity(f.code, f),
            message=f.message.text(lang),
            line=line,
            column=col,
            end_line=end_line,
            end_column=end_col,
            related=related,
            detail=f.detail.text(lang) if f.detail is not None else "",
            locator=locator,
        )


def _locator(source: "Source", start: int, end: int, lang: str) -> "Optional[Locator]":
    where = source.locate(start, end, lang)
    if where is None:
        return None
    line, col = source.text_position(start)
    end_line, end_col = source.text_position(end) if end > start else (line, col)
    return Locator(where[0], where[1], line, col, end_line, end_col)
