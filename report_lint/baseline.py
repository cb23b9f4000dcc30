"""Review files (baselines): findings an office has checked and accepts, each with its reason.

``--write-baseline FILE`` records every current finding by its fingerprint (fingerprints.py:
the report's path without extension, the rule, the flagged text of the analysis text with a
little context, an occurrence number; never the line, never the file's format), so a paragraph
added or moved elsewhere keeps its old findings known, and so do the .txt, .docx and .html copies
of one report. Each entry may carry a ``reason`` ("原件如此，已核实"); writing the file again
keeps the reasons already written for the findings that are still there.

``--baseline FILE`` then reports only findings that are not in the file; the accepted ones are
counted, by reason, in the summary. Entries of the files checked whose finding is gone (fixed,
or its text changed) are reported as stale; ``--prune-baseline`` removes them from the file
(entries of files not checked in this run are left alone).

The file is JSON (UTF-8), sorted, one finding per line, so that it diffs well in review::

    {"version": 2, "tool": "report-lint",
     "findings": [{"fingerprint": "…", "path": "…", "code": "RL102", "line": 71, "message": "…",
                   "reason": "…"}]}

Only ``fingerprint`` and ``reason`` are read back; the rest is for the people reviewing it.
A version 1 file (written before fingerprints were format-independent) is read, and said to need
writing again.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Optional

from .findings import Message

if TYPE_CHECKING:
    from .findings import FileResult

VERSION = 2
READS = (1, 2)


class BaselineError(Exception):
    def __init__(self, msg: Message) -> None:
        super().__init__(msg.en)
        self.msg = msg

    def message(self, lang: str = "zh") -> str:
        return self.msg.text(lang)


@dataclass
class Baseline:
    """A review file as read: its entries by fingerprint, and what this run made of them."""

    path: Path
    entries: dict = field(default_factory=dict)  # fingerprint -> entry (dict, as in the file)
    version: int = VERSION
    seen: set = field(default_factory=set)  # fingerprints found again in this run
    checked: set = field(default_factory=set)  # report names (fingerprints.report_name) checked

    @property
    def known(self) -> frozenset:
        return frozenset(self.entries)

    def apply(self, r: "FileResult") -> "FileResult":
        """Move the findings the file accepts from r.diagnostics to r.accepted (with reasons)."""
        from .fingerprints import fingerprints, report_name

        self.checked.add(report_name(r.path))
        kept, accepted = [], []
        for d, fp in fingerprints([r]):
            entry = self.entries.get(fp)
            if entry is None:
                kept.append(d)
            else:
                self.seen.add(fp)
                accepted.append((d, str(entry.get("reason") or "")))
        r.diagnostics, r.accepted = kept, accepted
        return r

    def stale(self) -> list:
        """Entries of the files checked whose finding did not come back."""
        from .fingerprints import report_name

        return [e for fp, e in self.entries.items()
                if fp not in self.seen and report_name(str(e.get("path", ""))) in self.checked]

    def prune(self) -> int:
        """Write the file again without its stale entries; how many were removed."""
        gone = {id(e) for e in self.stale()}
        rows = [e for e in self.entries.values() if id(e) not in gone]
        _write(self.path, rows)
        return len(gone)


def write_baseline(path: Path, results: "Iterable[FileResult]", keep: Optional[dict] = None) -> int:
    """Record the findings of ``results`` (consumed one file at a time); how many. ``keep``:
    reasons by fingerprint to carry over (from the file being replaced)."""
    from .fingerprints import fingerprints

    keep = keep or {}
    rows = []
    for r in results:
        for d, fp in fingerprints([r]):
            if d.code == "RL001":
                continue  # an unreadable file is never "known"
            row = {"fingerprint": fp, "path": d.path.replace("\\", "/"), "code": d.code, "line": d.line,
                   "message": d.message}
            if keep.get(fp):
                row["reason"] = keep[fp]
            rows.append(row)
    _write(path, rows)
    return len(rows)


def _write(path: Path, rows: list) -> None:
    rows = sorted(rows, key=lambda r: (str(r.get("path", "")), int(r.get("line") or 0), str(r.get("code", "")),
                                       str(r.get("fingerprint", ""))))
    body = ",\n".join("    " + json.dumps(r, ensure_ascii=False) for r in rows)
    text = (f'{{"version": {VERSION}, "tool": "report-lint",\n "findings": [\n{body}\n ]}}\n' if rows else
            f'{{"version": {VERSION}, "tool": "report-lint", "findings": []}}\n')
    from .outputs import write_text

    write_text(path, text)


def reasons_of(path: Path) -> dict:
    """The reasons written in an existing review file (fingerprint -> reason); nothing when the
    file does not exist or is not a review file (then it is simply replaced)."""
    try:
        b = read_baseline(path)
    except BaselineError:
        return {}
    return {fp: str(e["reason"]) for fp, e in b.entries.items() if e.get("reason")}


def read_baseline(path: Path) -> Baseline:
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
    if not isinstance(data, dict) or data.get("version") not in READS or not isinstance(data.get("findings"), list):
        raise BaselineError(Message(f"{path} 不是 report-lint 的基线文件（应由 --write-baseline 生成）",
                                    f"{path} is not a report-lint baseline (write one with --write-baseline)"))
    entries = {str(r.get("fingerprint")): r for r in data["findings"] if isinstance(r, dict)}
    return Baseline(Path(path), entries, data["version"])


def apply_baseline(results: "list[FileResult]", known) -> "tuple[list[FileResult], int]":
    """The results without the findings the baseline knows, and how many were hidden.
    ``known``: a Baseline, or a set of fingerprints."""
    b = known if isinstance(known, Baseline) else Baseline(Path(""), {fp: {} for fp in known})
    n = 0
    for r in results:
        b.apply(r)
        n += len(r.accepted)
    return results, n


def summary(b: Baseline, accepted: dict, lang: str) -> str:
    """Closing lines: how many findings the review file accepted and why, and its stale entries."""
    zh = lang != "en"
    lines = []
    total = sum(accepted.values())
    if total:
        parts = []
        for reason, n in sorted(accepted.items(), key=lambda kv: (-kv[1], kv[0])):
            if reason:
                parts.append(f"{n} 个：{reason}" if zh else f"{n}: {reason}")
            else:
                parts.append(f"{n} 个未写原因" if zh else f"{n} without a reason")
        lines.append((f"审阅文件已接受 {total} 个问题（未列出）：" + "；".join(parts) + "。") if zh else
                     f"{total} finding{'s' if total != 1 else ''} accepted by the review file (not shown): " + "; ".join(parts) + ".")
    stale = b.stale()
    if stale:
        lines.append((f"审阅文件中有 {len(stale)} 个问题已不存在（已修正或文字已改动），可用 --prune-baseline 删去。") if zh else
                     f"{len(stale)} entr{'ies' if len(stale) != 1 else 'y'} of the review file no longer match a finding; "
                     "remove them with --prune-baseline.")
    if b.version < VERSION:
        lines.append("审阅文件由旧版 report-lint 生成，其中的问题已无法对应：请用 --write-baseline 重新生成。" if zh else
                     "the review file was written by an older report-lint and no longer matches; write it again with --write-baseline.")
    return "".join(line + "\n" for line in lines)
