"""JUnit XML, for CI systems that show test reports (GitLab, Jenkins, Azure Pipelines…)::

    <?xml version="1.0" encoding="UTF-8"?>
    <testsuites name="report-lint" tests="T" failures="F" errors="E">
      <testsuite name="{path}" tests="t" failures="f" errors="e">
        <testcase classname="{path}" name="{code} {line}:{column}">
          <failure type="{code}" message="{message}">{position, code, severity, name,
            message, detail and related positions, one per line}</failure>
        </testcase>
        …

One ``testsuite`` per input file, in input order; one ``testcase`` per diagnostic, in the file's
order. Every finding is a ``failure`` whatever its severity (warnings and infos are findings
too; the severity is in the body). A clean file gets one passing
``<testcase classname="{path}" name="report-lint"/>`` so it still shows as checked; a file that
could not be read gets its RL001 diagnostic as an ``<error>`` instead of a failure. Positions are
those of the JSON format (1-based, code points, end exclusive).

The tree is built with ElementTree, which escapes markup; characters XML 1.0 does not allow at all
(C0 controls other than tab, LF and CR; U+FFFE, U+FFFF; lone surrogates) are removed from every
text first, since no escaping makes them legal. ``statistics`` and ``color`` are ignored.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..findings import Diagnostic, FileResult

PASSING_NAME = "report-lint"
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_RELATED = {"zh": "相关：", "en": "related: "}


def _clean(s: str) -> str:
    return _ILLEGAL.sub("", s)


def render(results: "list[FileResult]", *, lang: str = "zh", color: bool = False, statistics: bool = False) -> str:
    root = ET.Element("testsuites", name="report-lint")
    totals = {"tests": 0, "failures": 0, "errors": 0}
    for r in results:
        path = _clean(r.path)
        suite = ET.SubElement(root, "testsuite", name=path)
        counts = {"tests": 0, "failures": 0, "errors": 0}
        for d in r.diagnostics:
            case = ET.SubElement(suite, "testcase", classname=path, name=_clean(f"{d.code} {d.line}:{d.column}"))
            # The unreadable-file diagnostic reports a file not checked at all: an error, not a failure.
            kind = "errors" if r.error is not None else "failures"
            outcome = ET.SubElement(case, kind[:-1], type=_clean(d.code), message=_clean(d.message))
            outcome.text = _clean(_body(d, lang))
            counts["tests"] += 1
            counts[kind] += 1
        if not r.diagnostics:
            ET.SubElement(suite, "testcase", classname=path, name=PASSING_NAME)
            counts["tests"] += 1
        for k, v in counts.items():
            suite.set(k, str(v))
            totals[k] += v
    for k, v in totals.items():
        root.set(k, str(v))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _body(d: "Diagnostic", lang: str) -> str:
    lines = [
        f"{d.path}:{d.line}:{d.column}-{d.end_line}:{d.end_column}: {d.code} {d.severity.text(lang)} ({d.name})",
        d.message,
    ]
    if d.detail:
        lines.append(d.detail)
    lines += [f"{_RELATED[lang]}{r.path + ':' if r.path is not None else ''}{r.line}:{r.column} {r.message}"
              for r in d.related]
    # A parser turns a raw CR in element text into LF anyway; say so up front.
    return "\n".join(lines).replace("\r\n", "\n").replace("\r", "\n")
