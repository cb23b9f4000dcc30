"""What rules report (Finding, in analysis offsets) and what reporters print (Diagnostic,
positioned in the original file and rendered in one language)."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum
from typing import TYPE_CHECKING, Optional

from .model import Span

if TYPE_CHECKING:
    from .source import InputError, Source


class Severity(IntEnum):
    INFO = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:  # error | warning | info
        return self.name.lower()

    def text(self, lang: str = "zh") -> str:
        return {"zh": {1: "提示", 2: "警告", 3: "错误"}, "en": {1: "info", 2: "warning", 3: "error"}}[lang][self.value]

    @classmethod
    def parse(cls, s: str) -> "Severity":
        try:
            return cls[s.strip().upper()]
        except KeyError:
            raise ValueError(f"unknown severity {s!r} (expected error, warning or info)") from None


@dataclass(frozen=True, slots=True)
class Message:
    """A message in both languages: Chinese for office staff by default, English on request."""

    zh: str
    en: str

    def text(self, lang: str = "zh") -> str:
        return self.en if lang == "en" else self.zh


@dataclass(slots=True)
class Related:
    span: Optional[Span]
    message: Message
    # Another report of the batch (a rule over a body's years: its display path), or None for
    # the report the finding is in.
    path: Optional[str] = None


@dataclass(slots=True)
class Edit:
    """Replace [start, end) by ``content``. In a Finding's fix the offsets are into the analysis
    text (Source.text); the engine maps them onto the original file (Source.original) and adds
    1-based line/column positions there (end exclusive), which is what a Diagnostic carries."""

    start: int
    end: int
    content: str
    line: int = 0
    column: int = 0
    end_line: int = 0
    end_column: int = 0
    old: str = ""  # the original text replaced (filled in by the engine)

    def as_dict(self) -> dict:
        return {"content": self.content, "location": {"row": self.line, "column": self.column},
                "end_location": {"row": self.end_line, "column": self.end_column}}


SAFE, UNSAFE = "safe", "unsafe"


@dataclass(slots=True)
class Fix:
    """A mechanical correction of a finding, as ruff has them: edits that never overlap, what
    they do in words, and whether they are safe (applied by --fix) or unsafe (only with
    --unsafe-fixes: what they remove might be meant). Never a fix for a number: the tool cannot
    know which of two disagreeing numbers is wrong.

    In a Finding: ``message`` is a Message and the edits are in analysis offsets; in a
    Diagnostic: ``message`` is the text in the run's language, the edits are in the original
    file's offsets, and ``available`` says whether this run's settings apply it."""

    edits: list[Edit]
    message: "Message | str"
    applicability: str = SAFE
    available: bool = True

    def as_dict(self) -> dict:
        return {"applicability": self.applicability, "message": self.message,
                "edits": [e.as_dict() for e in self.edits]}


@dataclass(slots=True)
class Finding:
    code: str
    message: Message
    span: Optional[Span]  # None: the file as a whole (reported at 1:1)
    related: list[Related] = field(default_factory=list)
    # Extra lines shown under the source excerpt, e.g. the equation with its numbers.
    detail: Optional[Message] = None
    severity: Optional[Severity] = None  # None: the rule's (configured) severity
    name: str = ""  # filled in by the engine from the rule
    fix: Optional[Fix] = None
    # The report the finding is in, for a rule over several reports (series/): its display
    # path; None for a rule over one report (the report it was given).
    path: Optional[str] = None
    # A table identity's cells, each with the change that alone would make it hold (Culprits).
    # Findings that one cell explains alike are said once (rules/identities.one_finding_per_cell).
    culprits: Optional["Culprits"] = None


@dataclass(slots=True)
class Culprits:
    """The cells of a failing identity instance, {(start, end): (change, value, (row, term))},
    and what names them (the identity rule, with where the instance is) when findings merge."""

    cells: dict
    rule: object  # rules.identities.IdentityRule: cell_name(), short_name()
    where: dict
    where_en: dict


@dataclass(slots=True)
class Locator:
    """Where a finding is in a web page, Word document or PDF, as a person names it, and where
    in the text report-lint read from it (what `report-lint text FILE` prints)."""

    place: str  # 表3 第5行第2列 | 第12段 | 第2页 第14行 (in the message language)
    fields: dict  # {"table": 3, "row": 5, "column": 2} | {"paragraph": 12} | {"page": 2, "line": 14}
    text_line: int
    text_column: int
    text_end_line: int
    text_end_column: int

    def as_dict(self) -> dict:
        return {"place": self.place, **self.fields, "text_line": self.text_line, "text_column": self.text_column,
                "text_end_line": self.text_end_line, "text_end_column": self.text_end_column}


@dataclass(slots=True)
class RelatedPosition:
    line: int
    column: int
    message: str
    locator: Optional[Locator] = None
    path: Optional[str] = None  # another file (a cross-year finding); None: the diagnostic's own


@dataclass(slots=True)
class Diagnostic:
    """A finding positioned in the original file (1-based, code points; end exclusive)."""

    path: str
    code: str
    name: str
    severity: Severity
    message: str
    line: int
    column: int
    end_line: int
    end_column: int
    related: list[RelatedPosition] = field(default_factory=list)
    detail: str = ""
    locator: Optional[Locator] = None  # web pages, Word documents, PDFs
    fix: Optional[Fix] = None  # edits in the original file's offsets
    # What the finding is about, independent of where it is and of the file's format (the
    # analysis text around it): fingerprints.py builds baselines and CI fingerprints on it.
    key: str = ""

    def as_dict(self) -> dict:
        d = {
            "path": self.path,
            "code": self.code,
            "name": self.name,
            "severity": self.severity.label,
            "message": self.message,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "related": [_related(r) for r in self.related],
        }
        if self.locator is not None:
            d["locator"] = self.locator.as_dict()
        if self.fix is not None:
            d["fix"] = self.fix.as_dict()
        return d


def _related(r: RelatedPosition) -> dict:
    d = {"line": r.line, "column": r.column, "message": r.message}
    if r.path is not None:
        d = {"path": r.path, **d}
    if r.locator is not None:
        d["locator"] = r.locator.as_dict()
    return d


@dataclass(slots=True)
class FileResult:
    """Everything about one input file that reporters need."""

    path: str
    source: Optional["Source"]  # None when the file could not be read
    diagnostics: list[Diagnostic] = field(default_factory=list)
    error: Optional["InputError"] = None
    # --fix / --diff (fixes.py): what was (or would be) fixed in this file
    fixed: Optional["FixOutcome"] = None
    # --baseline (baseline.py): the findings the review file accepts, with their reasons
    accepted: list = field(default_factory=list)
    # What the rules over a body's years need of this report (series.digest.YearData), carried
    # from the worker to the batch's series stage, which takes it off before any reporter.
    series: "Optional[object]" = None
    # Set on the extra result the series stage adds after a batch: the cross-year findings of
    # a file already reported (not another file). Its first result had findings / an error.
    extra: bool = False
    had_findings: bool = False
    had_error: bool = False
    # How much of the report was checked (coverage.FileCoverage); None when it was not read
    coverage: "Optional[object]" = None


@dataclass(slots=True)
class FixOutcome:
    """What --fix did to a file (or --diff would do): the fixed findings as (code, name), the
    unified diff (text files) or the changes in words (other formats), and why nothing was
    written when it was not."""

    fixed: list = field(default_factory=list)
    diff: str = ""
    written: bool = False
    refused: str = ""  # why the file was not rewritten (a format that cannot be, an encoding…)
    data: Optional[bytes] = None  # the fixed file (standard input, written to standard output)
