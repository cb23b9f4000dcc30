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


@dataclass(slots=True)
class RelatedPosition:
    line: int
    column: int
    message: str


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

    def as_dict(self) -> dict:
        return {
            "path": self.path,
            "code": self.code,
            "name": self.name,
            "severity": self.severity.label,
            "message": self.message,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "related": [{"line": r.line, "column": r.column, "message": r.message} for r in self.related],
        }


@dataclass(slots=True)
class FileResult:
    """Everything about one input file that reporters need."""

    path: str
    source: Optional["Source"]  # None when the file could not be read
    diagnostics: list[Diagnostic] = field(default_factory=list)
    error: Optional["InputError"] = None
