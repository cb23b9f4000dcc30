"""Baselines: adopt report-lint on old reports without fixing them first.

``--write-baseline FILE`` records every current finding by its fingerprint (fingerprints.py:
path, rule, the flagged text with a little context, occurrence number; never the line), so an
edit elsewhere in a report (a paragraph added above, lines re-wrapped) keeps its old findings
known. ``--baseline FILE`` then reports only findings whose fingerprint is not in the file.
A finding fixed and later reintroduced with the same text is still known: that is what a
baseline is for. Run it from the same directory with the same paths as when it was written.

The file is JSON (UTF-8), sorted and one finding per line so that it diffs well in review::

    {"version": 1, "tool": "report-lint",
     "findings": [{"fingerprint": "…", "path": "…", "code": "RL102", "line": 71, "message": "…"}]}

Only ``fingerprint`` is read back; the rest is for the people reviewing the file.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

from .findings import Message

if TYPE_CHECKING:
    from .findings import FileResult

VERSION = 1


class BaselineError(Exception):
    def __init__(self, msg: Message) -> None:
        super().__init__(msg.en)
        self.msg = msg

    def message(self, lang: str = "zh") -> str:
        return self.msg.text(lang)


def write_baseline(path: Path, results: "Iterable[FileResult]") -> int:
    """Record the findings of ``results`` (consumed one file at a time); how many."""
    from .fingerprints import fingerprints

    rows = sorted(
        ({"fingerprint": fp, "path": d.path.replace("\\", "/"), "code": d.code, "line": d.line, "message": d.message}
         for r in results for d, fp in fingerprints([r]) if d.code != "RL001"),  # an unreadable file is never "known"
        key=lambda r: (r["path"], r["line"], r["code"], r["fingerprint"]),
    )
    body = ",\n".join("    " + json.dumps(r, ensure_ascii=False) for r in rows)
    text = (f'{{"version": {VERSION}, "tool": "report-lint",\n "findings": [\n{body}\n ]}}\n' if rows else
            f'{{"version": {VERSION}, "tool": "report-lint", "findings": []}}\n')
    from .outputs import write_text

    write_text(path, text)
    return len(rows)


def read_baseline(path: Path) -> frozenset[str]:
    from .discover import display
    from .source import MAX_BYTES, InputError, read_bytes

    shown = display(str(path))
    try:
        data = json.loads(read_bytes(str(path), limit=MAX_BYTES).decode("utf-8-sig"))
    except InputError as e:
        if e.code == "not-found":
            raise BaselineError(Message(f"找不到基线文件：{shown}", f"baseline file not found: {shown}")) from None
        raise BaselineError(Message(f"无法读取基线文件：{e.message_zh}", f"cannot read the baseline: {e.message_en}")) from None
    except RecursionError:
        raise BaselineError(Message(f"无法读取基线文件 {shown}：嵌套层次太深", f"cannot read the baseline {shown}: nested too deeply")) from None
    except (UnicodeDecodeError, ValueError) as e:
        raise BaselineError(Message(f"无法读取基线文件 {shown}：{e}", f"cannot read the baseline {shown}: {e}")) from None
    if not isinstance(data, dict) or data.get("version") != VERSION or not isinstance(data.get("findings"), list):
        raise BaselineError(Message(f"{path} 不是 report-lint 的基线文件（应由 --write-baseline 生成）",
                                    f"{path} is not a report-lint baseline (write one with --write-baseline)"))
    return frozenset(str(r.get("fingerprint")) for r in data["findings"] if isinstance(r, dict))


def apply_baseline(results: "list[FileResult]", known: frozenset[str]) -> "tuple[list[FileResult], int]":
    """The results without the findings the baseline knows, and how many were hidden."""
    from .fingerprints import fingerprints

    hidden_ids = {id(d) for d, fp in fingerprints(results) if fp in known}
    for r in results:
        r.diagnostics = [d for d in r.diagnostics if id(d) not in hidden_ids]
    return results, len(hidden_ids)
