"""SARIF 2.1.0 output, for GitHub code scanning and other SARIF viewers.

One run. ``tool.driver`` is report-lint with its version (no ``informationUri``: the project
has no published home page yet) and ``rules`` lists every installed rule (``id`` = code,
``name``, ``shortDescription`` = the summary, ``fullDescription``/``help`` = the long
documentation, ``defaultConfiguration.level``), so ``ruleIndex`` does not depend on
``--select``. Each diagnostic is one result::

    {"ruleId": "RL102", "ruleIndex": 12, "level": "error" | "warning" | "note",
     "message": {"text": message, then the detail lines if any},
     "locations": [{"physicalLocation": {
         "artifactLocation": {"uri": "reports/%E5%B9%B4%E6%8A%A5.txt", "uriBaseId": "%SRCROOT%", "index": 0},
         "region": {"startLine", "startColumn", "endLine", "endColumn"}}}],
     "relatedLocations": [{"id", "physicalLocation": {..., "region": {"startLine", "startColumn"}},
                           "message": {"text"}}],   (in another report's artifact for RL6xx)
     "partialFingerprints": {"reportLint/v1": fingerprint}}

Positions are those of the JSON format unchanged: 1-based, in Unicode code points of the
original file (``run.columnKind`` is ``unicodeCodePoints``), ``endColumn`` exclusive, which is
SARIF's own convention. A finding about the file as a whole keeps the JSON format's 1:1-1:1 (an
empty region at the start of the file): GitHub needs a ``startLine`` on every result.

URIs: a file under the current directory gets a relative, POSIX, percent-encoded (RFC 3986,
UTF-8) URI against ``%SRCROOT%``, and ``run.originalUriBaseIds`` maps ``%SRCROOT%`` to the
current directory's ``file:`` URI; a file elsewhere gets an absolute ``file:`` URI and no base.
Standard input without ``--stdin-filename`` is the relative reference ``-`` with no base and a
description saying what it is. ``run.artifacts`` lists every file checked, clean or not; the
``properties.coverage`` of each says what was checked of it (as the JSON format's ``coverage``).

A file that could not be read is a result too (rule RL001, as in every format, so it is not
lost by viewers that only show results), and is repeated as a tool execution notification, with
``invocations[0].executionSuccessful`` false. Diagnostics are ordered as in the JSON format.
``statistics`` and ``color`` are ignored.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

from ._common import sorted_diagnostics

if TYPE_CHECKING:
    from ..findings import FileResult

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
BASE_ID = "%SRCROOT%"
FINGERPRINT_KEY = "reportLint/v1"
STDIN = "-"
INPUT_ERROR = "RL001"  # the engine's code for a file that could not be read

_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
_STDIN_TEXT = {"zh": "标准输入", "en": "standard input"}


def render(results: "list[FileResult]", *, lang: str = "zh", color: bool = False, statistics: bool = False) -> str:
    from .. import __version__
    from ..fingerprints import fingerprints
    from ..rules import all_rules

    cwd = Path.cwd()
    rules = all_rules()
    rule_index = {r.code: i for i, r in enumerate(rules)}
    fp = {id(d): f for d, f in fingerprints(results)}

    artifacts: list[dict] = []
    artifact_index: dict[str, int] = {}
    for r in results:
        if r.path not in artifact_index:  # the same file named twice is one artifact
            artifact_index[r.path] = len(artifacts)
            artifacts.append({"location": _artifact_location(r.path, cwd, lang)})
        if r.coverage is not None and not r.extra:  # what was checked of it (JSON's "coverage")
            artifacts[artifact_index[r.path]]["properties"] = {"coverage": r.coverage.as_dict()}
    for r in results:  # a related position in another report (RL6xx) is in that report's artifact
        for d in r.diagnostics:
            for rel in d.related:
                if rel.path is not None and rel.path not in artifact_index:
                    artifact_index[rel.path] = len(artifacts)
                    artifacts.append({"location": _artifact_location(rel.path, cwd, lang)})

    def location(path: str) -> dict:
        loc = _artifact_location(path, cwd, lang)
        if path in artifact_index:
            loc["index"] = artifact_index[path]
        return loc

    sarif_results = []
    for d in sorted_diagnostics(results):
        res: dict = {"ruleId": d.code}
        if d.code in rule_index:  # a diagnostic from no installed rule has no index to give
            res["ruleIndex"] = rule_index[d.code]
        res["level"] = _LEVEL[d.severity.label]
        res["message"] = {"text": d.message + ("\n" + d.detail if d.detail else "")}
        res["locations"] = [
            {
                "physicalLocation": {
                    "artifactLocation": location(d.path),
                    "region": {
                        "startLine": d.line,
                        "startColumn": d.column,
                        "endLine": d.end_line,
                        "endColumn": d.end_column,
                    },
                },
                **({"message": {"text": d.locator.place}} if d.locator is not None else {}),
            }
        ]
        if d.locator is not None:  # where in the page, document or PDF, and in `report-lint text`
            res["properties"] = {"locator": d.locator.as_dict()}
        if d.related:
            res["relatedLocations"] = [
                {
                    "id": i,
                    "physicalLocation": {
                        "artifactLocation": location(rel.path if rel.path is not None else d.path),
                        "region": {"startLine": rel.line, "startColumn": rel.column},
                    },
                    "message": {"text": rel.message},
                }
                for i, rel in enumerate(d.related, 1)
            ]
        res["partialFingerprints"] = {FINGERPRINT_KEY: fp[id(d)]}
        sarif_results.append(res)

    notifications = []
    for r in results:
        if r.error is None:
            continue
        note: dict = {
            "level": "error",
            "message": {"text": f"{r.error.message(lang)} [{r.error.code}]"},
            "locations": [{"physicalLocation": {"artifactLocation": location(r.path)}}],
            "descriptor": {"id": r.error.code},
        }
        if INPUT_ERROR in rule_index:
            note["associatedRule"] = {"id": INPUT_ERROR, "index": rule_index[INPUT_ERROR]}
        notifications.append(note)
    invocation: dict = {"executionSuccessful": not notifications, "workingDirectory": {"uri": _dir_uri(cwd)}}
    if notifications:
        invocation["toolExecutionNotifications"] = notifications

    run = {
        "tool": {
            "driver": {
                "name": "report-lint",
                "version": __version__,
                "rules": [_descriptor(rule, lang) for rule in rules],
            }
        },
        "invocations": [invocation],
        "language": "en-US" if lang == "en" else "zh-CN",
        "originalUriBaseIds": {BASE_ID: {"uri": _dir_uri(cwd)}},
        "artifacts": artifacts,
        "results": sarif_results,
        "columnKind": "unicodeCodePoints",
    }
    doc = {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def _descriptor(rule, lang: str) -> dict:
    out: dict = {"id": rule.code, "name": rule.name, "shortDescription": {"text": rule.summary.text(lang)}}
    doc = rule.doc(lang)
    if doc:
        out["fullDescription"] = {"text": doc}
        out["help"] = {"text": doc}
    out["defaultConfiguration"] = {"level": _LEVEL[rule.severity.label]}
    return out


def _dir_uri(directory: Path) -> str:
    uri = directory.as_uri()
    return uri if uri.endswith("/") else uri + "/"  # a base URI must end with "/" to resolve against


def _artifact_location(path: str, cwd: Path, lang: str) -> dict:
    if path == STDIN:
        return {"uri": STDIN, "description": {"text": _STDIN_TEXT[lang]}}
    # abspath, not resolve(): keep the path the user gave (symlinks and all), just made absolute;
    # a Windows path is still a path on POSIX (the fingerprints treat "\\" as "/" too).
    absolute = Path(os.path.abspath(path.replace("\\", "/")))
    try:
        relative = absolute.relative_to(cwd)
    except ValueError:  # outside the current directory (or on another drive)
        return {"uri": absolute.as_uri()}
    # quote() leaves RFC 3986 unreserved characters and "/" alone and encodes the rest as UTF-8.
    return {"uri": quote(relative.as_posix()), "uriBaseId": BASE_ID}
