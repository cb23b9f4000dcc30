"""How much of each statistical table was checked (principle 3 of the README).

``table_coverage(table)`` is what ``Table.coverage`` returns: rows expected by the table's
template, rows read with certainty, rows found but not read (and why), rows missing, rows past
the point where the text stops. ``summary(report, lang)`` is the one line a person reads:

    三张表均已核对
    申请情况表 25 行中 18 行已核对，7 行无法读取（数字连在一起，无法确定如何拆分）
    没有统计表（仅检查正文）
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Optional

from .model import ABSENT, MISSING, NOT_APPLICABLE, UNREAD_REASONS, Coverage

if TYPE_CHECKING:
    from .model import Report, Table

SHORT_NAMES = {
    "active": ("主动公开表", "the proactive disclosure table"),
    "requests": ("申请情况表", "the applications table"),
    "reviews": ("复议诉讼表", "the review and litigation table"),
}
_UNIT = {"reviews": ("组", "groups")}


@lru_cache(maxsize=None)
def expected_requests(template: str) -> tuple[str, ...]:
    """The requests rows a complete table of this template has, in template order (the 2021
    template's three 其他处理 rows; the 2019 template's single one)."""
    from .templates import load

    rows = sorted((d for d in load().requests if not d.is_group), key=lambda d: d.path)
    tpl = template if template in ("2019", "2021") else "2021"
    keys = [d.key for d in rows if tpl in d.templates]
    return tuple(k for k in keys if not (k == "other" and tpl != "2019"))


@lru_cache(maxsize=None)
def expected_active(template: str) -> tuple[str, ...]:
    from .templates import load

    t = load()
    tpl = template if template in t.ids else ("2021" if "2021" in t.ids else t.ids[-1])
    return tuple(key for (tid, key) in t.active if tid == tpl)


def expected_rows(table: "Table") -> tuple[str, ...]:
    """The template rows a complete table of this kind and template holds, in order."""
    if table.kind == "requests":
        keys = expected_requests(table.template)
        if "other" in table.rows and "other" not in keys:
            # the single 其他处理 row stands in for its three sub-rows (RL015 says so)
            first = next(i for i, k in enumerate(keys) if k.startswith("other."))
            keys = keys[:first] + ("other",) + tuple(k for k in keys[first:] if not k.startswith("other."))
        return keys
    if table.kind == "active":
        return expected_active(table.template)
    from .templates import load

    return load().review_groups


def table_coverage(table: "Table") -> Coverage:
    expected = expected_rows(table)
    unknown = len(table.unknown_rows)
    if table.status == NOT_APPLICABLE:  # a report of 2008-2018: no template table to check
        return Coverage(table.coverage_status or "not-applicable", len(expected))
    if table.status == ABSENT:
        return Coverage(table.coverage_status or "absent", len(expected), cut=table.cut)
    if table.status == MISSING:
        return Coverage(table.coverage_status or "unread", len(expected), cut=table.cut, unknown=unknown)
    unread = {k: r.unread for k, r in table.rows.items() if r.unread}
    read = sum(1 for r in table.rows.values() if not r.unread)
    present = [i for i, k in enumerate(expected) if k in table.rows]
    after_cut = 0
    if table.cut:
        # rows after the last one read lie past the point where the text stops
        last = max(present) if present else -1
        after_cut = len(expected) - 1 - last
        missing = tuple(k for k in expected[: last + 1] if k not in table.rows)
    else:
        missing = tuple(k for k in expected if k not in table.rows)
    complete = not unread and not missing and not after_cut
    status = table.coverage_status or ("complete" if complete else "partial")
    return Coverage(status, len(expected), read, unread, missing, after_cut, unknown, table.cut)


def _reasons(unread: dict, lang: str) -> str:
    seen: list[str] = []
    for why in unread.values():
        if why not in seen:
            seen.append(why)
    i = 0 if lang == "zh" else 1
    return ("；" if lang == "zh" else "; ").join(UNREAD_REASONS.get(w, (w, w))[i] for w in seen)


def table_line(kind: str, cov: Coverage, lang: str = "zh") -> str:
    """One table's part of the coverage line; "" for a table that does not apply."""
    zh, en = SHORT_NAMES[kind]
    uzh, uen = _UNIT.get(kind, ("行", "rows"))
    if cov.status == "not-applicable":
        return ""
    if lang == "zh":
        if cov.status == "complete":
            return f"{zh}已核对"
        if cov.status == "absent":
            return f"没有{zh}"
        if cov.status == "unread":
            return f"{zh}未能读取" + ("（文本在表头处截止）" if cov.cut else "（标题下没有可读的数据）")
        parts = [f"{zh} {cov.expected} {uzh}中 {cov.read} {uzh}已核对"]
        if cov.unread:
            parts.append(f"{len(cov.unread)} {uzh}无法读取（{_reasons(cov.unread, lang)}）")
        if cov.missing:
            parts.append(f"{len(cov.missing)} {uzh}缺失")
        if cov.after_cut:
            parts.append(f"{cov.after_cut} {uzh}在文本截止处之后")
        return "，".join(parts)
    if cov.status == "complete":
        return f"{en} checked"
    if cov.status == "absent":
        return f"no {en}"
    if cov.status == "unread":
        return f"{en} could not be read" + (" (the text stops in its header)" if cov.cut else " (no readable data under its heading)")
    parts = [f"{en}: {cov.read} of {cov.expected} {uen} checked"]
    if cov.unread:
        parts.append(f"{len(cov.unread)} not readable ({_reasons(cov.unread, lang)})")
    if cov.missing:
        parts.append(f"{len(cov.missing)} missing")
    if cov.after_cut:
        parts.append(f"{cov.after_cut} past the point where the text stops")
    return ", ".join(parts)


_SECTION = {"active": 2, "requests": 3, "reviews": 4}


def summary(report: "Report", lang: str = "zh", covs: "Optional[dict]" = None) -> str:
    """The one-line coverage sentence for a report, in Chinese (default) or English. ``covs``:
    the tables' coverage when the caller has it already (each one is worked out afresh)."""
    if covs is None:
        covs = _coverages(report)
    applicable = {k: c for k, c in covs.items() if c.status != "not-applicable"}
    # tables past the point where the text stops (an excerpt) are not missing from the report
    after = [k for k, c in applicable.items()
             if c.status in ("absent", "unread") and getattr(report, "stops_at", None) is not None
             and (report.beyond_text(_SECTION[k]) or report.tables[k].past_stop)]
    # likewise tables before the point where the text begins (a text that starts inside the report)
    before = [k for k, c in applicable.items()
              if c.status in ("absent", "unread") and getattr(report, "begins_in", None) is not None
              and report.before_text(_SECTION[k])]
    read = {k: c for k, c in applicable.items() if k not in after and k not in before}
    sep = "；" if lang == "zh" else "; "
    if applicable and len(applicable) == 3 and all(c.status == "complete" for c in applicable.values()):
        return "三张表均已核对" if lang == "zh" else "all three tables checked"
    if before and (not read or all(c.status == "absent" for c in read.values())):
        return ("统计表不在文本中（文本从报告中间开始），未核对（仅检查正文）" if lang == "zh"
                else "the statistical tables come before the point where the text begins: not checked (only the text was checked)")
    if not read or all(c.status == "absent" for c in read.values()):
        if after and lang == "zh":
            return "统计表在文本截止处之后，未核对（仅检查正文）"
        if after:
            return "the statistical tables come after the point where the text stops: not checked (only the text was checked)"
        return "没有统计表（仅检查正文）" if lang == "zh" else "no statistical table (only the text was checked)"
    if len(read) == 3 and not after and all(c.status == "unread" and not c.cut for c in read.values()):
        return ("三张表均未能读取（标题下没有可读的数据，表格可能是图片），仅检查正文" if lang == "zh"
                else "none of the three tables could be read (no readable data under their headings; images?): only the text was checked")
    parts = [p for p in (table_line(k, c, lang) for k, c in read.items()) if p]
    if before:
        if lang == "zh":
            parts.insert(0, "、".join(SHORT_NAMES[k][0] for k in before) + "在文本开始之前，未核对")
        else:
            parts.insert(0, ", ".join(SHORT_NAMES[k][1] for k in before) + ": before the point where the text begins, not checked")
    if after:
        if lang == "zh":
            parts.append("、".join(SHORT_NAMES[k][0] for k in after) + "在文本截止处之后，未核对")
        else:
            parts.append(", ".join(SHORT_NAMES[k][1] for k in after) + ": past the point where the text stops, not checked")
    return sep.join(parts)


def as_dict(report: "Report", covs: "Optional[dict]" = None) -> dict:
    """Coverage of every table, for machine output: {kind: Coverage.as_dict()}."""
    return {kind: c.as_dict() for kind, c in (covs or _coverages(report)).items()}


def _coverages(report: "Report") -> dict:
    return {kind: t.coverage for kind, t in report.tables.items()}


@dataclass(slots=True)
class FileCoverage:
    """What was checked of one report, carried on its FileResult to every output format.

    line     the coverage sentence (``summary``) in the run's language
    checked  every statistical table the report should hold was read whole (a report of the
             older structure or a text that is not a report has none: False, and ``line`` says so)
    tables   kind -> Coverage.as_dict() (empty for a text that is not a report)
    """

    line: str
    checked: bool
    tables: dict = field(default_factory=dict)

    def as_dict(self) -> dict:
        return {"summary": self.line, "tables_checked": self.checked, "tables": self.tables}


def of_report(report: "Report", lang: str = "zh") -> FileCoverage:
    """The coverage of one report as every output format shows it."""
    if report.kind == "not-report":
        return FileCoverage("不是政府信息公开工作年度报告，未核对" if lang == "zh"
                            else "not an annual disclosure report: nothing was checked", False)
    if report.kind == "legacy":
        return FileCoverage("2019年以前结构的报告，没有全国统一的统计表（仅检查正文）" if lang == "zh"
                            else "a report of the pre-2019 structure: no national statistical tables (only the text was checked)",
                            False, as_dict(report))
    if report.kind == "school":
        return FileCoverage("学校按学年编制的信息公开年度报告（高等学校信息公开办法），没有政府信息公开统计表（仅检查正文）" if lang == "zh"
                            else "a school's report by school year (高等学校信息公开办法): no government statistical tables "
                                 "(only the text was checked)", False, as_dict(report))
    covs = _coverages(report)
    checked = len(covs) == 3 and all(c.status == "complete" for c in covs.values())
    return FileCoverage(summary(report, lang, covs), checked, as_dict(report, covs))
