"""Running rules over reports: selection, severity overrides, positions, order."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable, Optional

from .findings import SAFE, Diagnostic, Edit, FileResult, Finding, Fix, Locator, Message, RelatedPosition, Severity
from .rules import Context, Rule, all_rules
from .rules.base import SeriesRule

from .discover import display

if TYPE_CHECKING:
    from .config import Config
    from .discover import Input
    from .source import InputError, Source

INPUT_ERROR_CODE = "RL001"


INTERNAL_ERROR_CODE = "RL000"
SKIPPED_CODE = "RL004"


def _failure_text(e: BaseException) -> str:
    if isinstance(e, RecursionError):
        return "RecursionError"
    if isinstance(e, MemoryError):
        return "MemoryError"
    return f"{type(e).__name__}: {e}"[:200]


def _internal(what: str, e: BaseException) -> Finding:
    """report-lint failed on this report (a bug of ours, never of the report): said once, and
    the file counts as not fully checked (exit 2)."""
    why = _failure_text(e)
    if what == "parser":
        msg = Message(f"report-lint 读取这份报告时出错，未能检查（请报告此问题）：{why}",
                      f"report-lint failed to read this report, nothing was checked (please report it): {why}")
    else:
        msg = Message(f"规则 {what} 检查这份报告时出错，该规则的结果不完整（请报告此问题）：{why}",
                      f"rule {what} failed on this report, its result is incomplete (please report it): {why}")
    return Finding(INTERNAL_ERROR_CODE, msg, None, severity=Severity.ERROR, name="internal-error")


def _applies(rule: Rule, kind: str) -> bool:
    """Whether a rule looks at this kind of text (Rule.scope, doctype.py)."""
    scope = getattr(rule, "scope", "report")
    if kind == "not-report":
        return scope == "any"
    return scope != "template" or kind == "template"


def _matches(code: str, prefixes: Iterable[str]) -> bool:
    return any(code.startswith(p) for p in prefixes)


_POOR_ZH = "（此表多行无法可靠读取，数字可能识别有误，请与原件核对）"
_POOR_EN = " (many rows of this table could not be read with certainty: the numbers may be misread; check the original)"


class Engine:
    def __init__(self, config: "Config", lang: Optional[str] = None) -> None:
        self.config = config
        self.lang = lang or config.lang
        selected = [r for r in all_rules() if config.is_selected(r.code, not getattr(r, "default_enabled", True))]
        # Rules over one report run here; rules over a body's years (RL6xx) once a batch is
        # read (series/stage.py), from the YearData each report leaves when collect_series is on.
        self.rules: list[Rule] = [r for r in selected if not isinstance(r, SeriesRule)]
        self.series_rules: list[SeriesRule] = [r for r in selected if isinstance(r, SeriesRule)]
        self.collect_series = False  # set by the command for a batch (or --previous)
        self.series_keyed = True  # only reports a name can pair (not so with --previous)
        self.by_code = {r.code: r for r in all_rules()}
        self._for_kind: "tuple[list, dict[str, list[Rule]]]" = (self.rules, {})
        self.ctx = Context(
            percent_tolerance=config.percent_tolerance,
            deadlines=dict(config.deadlines),
            body_kind=config.body_kind,
        )

    def _rules_for(self, kind: str) -> "list[Rule]":
        """The rules that look at this kind of text, in order (worked out once a kind, again if
        the rules are replaced)."""
        rules, by_kind = self._for_kind
        if rules is not self.rules:
            rules, by_kind = self._for_kind = (self.rules, {})
        got = by_kind.get(kind)
        if got is None:
            got = by_kind[kind] = [r for r in rules if _applies(r, kind)]
        return got

    def severity(self, code: str, finding: Optional[Finding] = None) -> Severity:
        rule = self.by_code.get(code)
        default = finding.severity if finding is not None and finding.severity is not None else (
            rule.severity if rule is not None else Severity.ERROR
        )
        return self.config.severity_of(code, default)

    def check_source(self, source: "Source") -> FileResult:
        from .report import build_report

        failed = False
        findings: list[Finding] = []
        try:
            report = build_report(source)
        except (Exception, RecursionError, MemoryError) as e:  # our bug: this file, not the batch
            findings.append(_internal("parser", e))
            report, failed = None, True
        ignored = self.config.ignored_for(source.path)
        for rule in self._rules_for(report.kind) if report is not None else ():
            if ignored and _matches(rule.code, ignored):
                continue
            try:
                for f in rule.check(report, self.ctx):
                    f.name = rule.name
                    findings.append(f)
            except (Exception, RecursionError, MemoryError) as e:  # a rule's bug must not end the run
                findings.append(_internal(rule.code, e))
                failed = True
        if sum(f.culprits is not None for f in findings) > 1:
            from .rules.identities import one_finding_per_cell

            one_finding_per_cell(findings)
        if report is not None and findings:
            self._doubt_poor_tables(report, findings)
        series = None
        if self.collect_series and self.series_rules and report is not None and report.kind == "template":
            try:
                from .series.digest import digest

                series = digest(report, keyed=self.series_keyed)
            except (Exception, RecursionError, MemoryError) as e:  # our bug: said, the file not clean
                findings.append(_internal("RL6xx", e))
                failed = True
        diags = []
        for f in findings:
            try:
                diags.append(self._diagnostic(source, f))
            except (IndexError, ValueError, TypeError) as e:  # a span outside the text: our bug
                diags.append(self._diagnostic(source, _internal(f.code, e)))
                failed = True
        diags.sort(key=lambda d: (d.line, d.column, d.code))
        result = FileResult(source.path, source, diags, series=series)
        if report is not None:
            try:
                from .coverage import of_report

                result.coverage = of_report(report, self.lang)
            except (Exception, RecursionError) as e:  # our bug: said, never a traceback
                result.diagnostics.append(self._diagnostic(source, _internal("coverage", e)))
                failed = True
        if failed:
            from .source import InputError

            result.error = InputError("internal-error", "report-lint 内部错误", "report-lint internal error")
        return result

    def _doubt_poor_tables(self, report, findings: list[Finding]) -> None:
        """When a table was read poorly (many of its rows not read with certainty: OCR, a
        scrambled conversion), an error that rests on a cell of any table is doubt about our
        reading, not the report's slip (the same conversion made every table of the text): it
        is said as a warning that asks for a look at the original. An error rests on a cell when
        it points at it, or names it among its related places."""
        found = [t for t in report.tables.values() if t.span is not None and t.found]
        if not any(t.poorly_read() for t in found):
            return
        poor = [t.span for t in found]
        for f in findings:
            if self.severity(f.code, f) != Severity.ERROR:
                continue
            places = [f.span] + [r.span for r in f.related]
            if any(p is not None and s.start <= p.start < s.end for p in places for s in poor):
                f.severity = Severity.WARNING
                f.message = Message(f.message.zh + _POOR_ZH, f.message.en + _POOR_EN)

    def input_failure(self, path: str, err: "InputError") -> FileResult:
        # Said whatever the selection: a file that was not read must never look clean.
        rule = self.by_code.get(INPUT_ERROR_CODE)
        path = display(path)
        diag = Diagnostic(path, INPUT_ERROR_CODE, rule.name if rule else "unreadable-input",
                          Severity.ERROR, f"{err.message(self.lang)} [{err.code}]", 1, 1, 1, 1)
        return FileResult(path, None, [diag], err)

    def skipped(self, path: str, why: Message) -> FileResult:
        """A file of a checked folder that was not read, and why (RL004, if selected)."""
        path = display(path)
        if not self.config.is_selected(SKIPPED_CODE):
            return FileResult(path, None, [])
        diag = Diagnostic(path, SKIPPED_CODE, "input-skipped", self.severity(SKIPPED_CODE), why.text(self.lang), 1, 1, 1, 1)
        return FileResult(path, None, [diag])

    def check_input(self, item: "Input", stdin_data: Optional[bytes] = None,
                    stdin_name: Optional[str] = None) -> "Optional[FileResult]":
        """The result for one input of discover.expand; None for a file report-lint wrote
        itself in an earlier run (found in a folder: never a report)."""
        if item.failure is not None:
            from .source import InputError

            return self.input_failure(item.path, InputError("unreadable-folder", item.failure.zh, item.failure.en))
        if item.skip is not None:
            return self.skipped(item.path, item.skip)
        if item.path == "-":
            result = self.check_path("-", stdin_data, stdin_name)
            if result.series is not None:  # standard input cannot be read again for positions
                result.series.source = result.source
            return result
        from . import source as src
        from .source import InputError

        try:
            data = src.read_bytes(item.path, roots=None if item.explicit else item.roots)
            if not item.explicit:
                from .outputs import written_by_report_lint

                if written_by_report_lint(data):
                    return None
            s = src.from_bytes(data, display(item.path))
        except InputError as err:
            if err.code == "outside":
                return self.skipped(item.path, Message(err.message_zh, err.message_en))
            return self.input_failure(item.path, err)
        return self.check_source(s)

    def check_path(self, path: str, stdin_data: Optional[bytes] = None, stdin_name: Optional[str] = None) -> FileResult:
        from . import source as src
        from .source import InputError

        try:
            if path == "-":
                s = src.from_bytes(stdin_data or b"", display(stdin_name or "-"))
            else:
                s = src.from_bytes(src.read_bytes(path), display(path))
        except InputError as err:
            return self.input_failure(stdin_name or path if path == "-" else path, err)
        return self.check_source(s)

    def _diagnostic(self, source: "Source", f: Finding, others: "Optional[dict]" = None) -> Diagnostic:
        """``others``: the Sources of other reports by display path, for related positions in
        another file (a rule over a body's years); a related position in a file not given is
        left out."""
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
            where = source
            if r.path is not None and r.path != source.path:
                where = (others or {}).get(r.path)
                if where is None:
                    continue
            rl, rc = where.position(r.span.start)
            loc = _locator(where, r.span.start, r.span.end, lang) if where._places is not None else None
            related.append(RelatedPosition(rl, rc, r.message.text(lang), loc, r.path if where is not source else None))
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
            fix=self._fix(source, f.fix) if f.fix is not None else None,
            key=_key(source, f),
        )

    def _fix(self, source: "Source", fix: Fix) -> "Optional[Fix]":
        """The fix with its edits moved onto the original file, or None when an edit does not
        map character for character (an entity, a deleted invisible character, a line end
        inside it): such a text is left for a person to correct."""
        edits = []
        for e in sorted(fix.edits, key=lambda e: e.start):
            start = source.to_original(e.start)
            end = source.to_original(e.end) if e.end > e.start else start
            old = source.original[start:end]
            if end - start != e.end - e.start or "\r" in old or "\n" in old or "\n" in e.content or "\r" in e.content:
                return None
            if edits and start < edits[-1].end:
                return None  # overlapping edits: a bug of the rule, never applied
            line, col = source.position(e.start)
            end_line, end_col = source.position(e.end) if e.end > e.start else (line, col)
            edits.append(Edit(start, end, e.content, line, col, end_line, end_col, old))
        if not edits:
            return None
        message = fix.message.text(self.lang) if isinstance(fix.message, Message) else str(fix.message)
        available = fix.applicability == SAFE or self.config.unsafe_fixes
        return Fix(edits, message, fix.applicability, available)


def _key(source: "Source", f: Finding) -> str:
    """What a finding is about, from the analysis text (the same for the .txt, .docx and .html
    copies of a report, and wherever the paragraph moves): the flagged text with a little context,
    spaces and table rules left out; for a finding on the whole file, its Chinese message."""
    if f.span is None:
        return "\x1e" + f.message.zh
    return source.context_key(f.span.start, f.span.end)


def _locator(source: "Source", start: int, end: int, lang: str) -> "Optional[Locator]":
    where = source.locate(start, end, lang)
    if where is None:
        return None
    line, col = source.text_position(start)
    end_line, end_col = source.text_position(end) if end > start else (line, col)
    return Locator(where[0], where[1], line, col, end_line, end_col)
