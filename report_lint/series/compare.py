"""`report-lint compare A B …` (or a folder): a body's three tables side by side across years.

For each body (a folder may hold several) the figures of every report, year by year, the
change from the report before, and which cross-year checks fail on each figure. Files are
paired as `check` pairs them (bodies.py): named on the command line, they are one body's
reports unless their names certainly say otherwise; found in a folder, only equal full names
pair, and names that may be one body's (西安市高陵区… / 高陵区…) are listed, not paired.

The 2019 and 2021 templates are put side by side where rules/series.toml's crosswalk says
their rows count the same thing; a row of one template only has no value in the other's years.
A value is a number only when it was read with certainty: a blank, a placeholder or a cell not
read with certainty is shown as "?" (JSON null, CSV empty) and takes part in no check.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Optional

if TYPE_CHECKING:
    from ..engine import Engine
    from .model import Series, YearData

VERSION = 1

FIELD_ZH = {"issued": "本年制发件数", "repealed": "本年废止件数", "in_force": "现行有效件数", "decisions": "处理决定数量",
            "amount": "金额", "made": "本年新制作数量", "published": "本年新公开数量", "total_public": "对外公开总数量",
            "previous": "上一年项目数量", "change": "本年增/减", "projects": "采购项目数量",
            "upheld": "结果维持", "corrected": "结果纠正", "other": "其他结果", "pending": "尚未审结", "total": "总计"}
FIELD_EN = {"issued": "issued", "repealed": "repealed", "in_force": "in force", "decisions": "decisions", "amount": "amount",
            "made": "made", "published": "published", "total_public": "total published", "previous": "previous items",
            "change": "change", "projects": "projects", "upheld": "upheld", "corrected": "corrected", "other": "other",
            "pending": "pending", "total": "total"}
TABLE_ZH = {"active": "主动公开", "requests": "收到和处理申请", "reviews": "行政复议、行政诉讼"}
TABLE_EN = {"active": "proactive disclosure", "requests": "requests", "reviews": "reviews and lawsuits"}
OTHER_SUM = "requests:other.*.total"  # 2019's single 其他处理 row beside the sum of 2021's three


@lru_cache(maxsize=1)
def _crosswalk() -> tuple:
    from ..resources import data_file, load_toml

    d = load_toml(data_file("rules", "series.toml"))
    walk = {}
    for c in d.get("crosswalk", ()):
        if c["from"] == "requests:other":
            walk["requests:other.total"] = OTHER_SUM
        elif c["from"] != c["to"]:
            walk[c["from"]] = c["to"]
    return walk, tuple(d.get("not_compared", ()))


@lru_cache(maxsize=1)
def _order() -> dict:
    """Every reference in display order: the 2021 template first, then what only 2019 has."""
    from ..templates import load

    t = load()
    refs: list[str] = []
    for tid in ("2021", "2019"):
        for (tt, key), row in t.active.items():
            if tt == tid:
                refs.extend(f"active:{key}.{f}" for f in row.fields)
    rows = sorted((r for r in t.requests if not r.is_group), key=lambda r: (r.path, "." in r.key))
    for row in rows:
        if row.key == "total":
            refs.append(OTHER_SUM)  # after the 其他处理 rows, before 总计
        refs.extend(f"requests:{row.key}.{c}" for c in t.columns)
    for g in t.review_groups:
        refs.extend(f"reviews:{g}.{f}" for f in t.review_fields)
    return {r: i for i, r in enumerate(dict.fromkeys(refs))}


def label(ref: str, lang: str) -> str:
    from ..rules.series._common import name, row_name
    from ..templates import load

    kind, _, path = ref.partition(":")
    zh = lang == "zh"
    if ref == OTHER_SUM:
        return "（六）其他处理（合计）" if zh else "other handling (sum)"
    key, _, fld = path.rpartition(".")
    if kind == "requests":
        if zh:
            return f"{_request_label(key)} · {name(fld, 'zh')}"
        return f"{key} · {name(fld, 'en')}"
    if kind == "reviews":
        return f"{name(key, lang)} · {(FIELD_ZH if zh else FIELD_EN).get(fld, fld)}"
    return f"{row_name(key, lang)} · {(FIELD_ZH if zh else FIELD_EN).get(fld, fld)}"


@lru_cache(maxsize=64)
def _request_label(key: str) -> str:
    """A requests row in short words, with its group: 不予公开：属于国家秘密."""
    from ..templates import load

    rows = load().requests
    row = next((r for r in rows if r.key == key and not r.is_group), None)
    if row is None:
        return key
    text = min(row.labels, key=len)
    if len(row.path) == 3:
        group = next((g for g in rows if g.is_group and g.path == row.path[:2]), None)
        if group is not None:
            text = f"{min(group.labels, key=len)}：{text}"
    return text


@dataclass
class Row:
    ref: str
    values: dict  # year -> value (None: there but not certain; missing: not in that report)
    marks: dict = field(default_factory=dict)  # year -> [codes]
    aliases: dict = field(default_factory=dict)  # year -> the 2019 reference shown on this row


@dataclass
class View:
    series: "Series"
    rows: list
    diagnostics: list  # Diagnostic
    notes: list  # Message


# --------------------------------------------------------------------------------- reading


def load_inputs(paths: "list[str]", engine: "Engine") -> "tuple[list, list, bool]":
    """(YearData with their Sources, failures as (path, message), explicit): every file read
    and its full YearData made."""
    from .. import source as src_
    from ..discover import display, expand
    from ..report import build_report
    from ..source import InputError
    from .digest import digest

    inputs = expand(paths)
    explicit = bool(inputs) and all(i.explicit for i in inputs)
    out, failures = [], []
    lang = engine.lang
    for item in inputs:
        if item.failure is not None or item.skip is not None:
            failures.append((display(item.path), (item.failure or item.skip).text(lang)))
            continue
        try:
            data = src_.read_stdin() if item.path == "-" else src_.read_bytes(item.path, roots=None if item.explicit else item.roots)
            if not item.explicit:
                from ..outputs import written_by_report_lint

                if written_by_report_lint(data):
                    continue
            s = src_.from_bytes(data, display(item.path))
            report = build_report(s)
        except InputError as err:
            failures.append((display(item.path), f"{err.message(lang)} [{err.code}]"))
            continue
        except (Exception, RecursionError) as e:  # our bug: said for that file
            failures.append((display(item.path), ("report-lint 内部错误：" if lang == "zh" else "report-lint internal error: ")
                             + type(e).__name__))
            continue
        if report.kind != "template":
            why = ("不是 2019 年以后格式的年度报告" if lang == "zh" else "not a report in the 2019/2021 template")
            failures.append((display(item.path), why))
            continue
        d = digest(report, full=True)
        d.source = s
        out.append(d)
    return out, failures, explicit


def build(entries: "list[YearData]", explicit: bool, engine: "Engine") -> "tuple[list[View], list, list]":
    """(views, unpaired as (YearData, why), notes)."""
    from ..findings import Message
    from .bodies import compatible
    from .pairing import group, make_series, unsure

    notes: list = []
    unpaired: list = []
    series_list: list = []
    keys = {e.body for e in entries if e.body is not None}
    if explicit and len(entries) >= 2 and all(compatible(a, b) for a in keys for b in keys):
        names = sorted({e.body_name for e in entries if e.body_name})
        if len(names) > 1:
            notes.append(Message("所列报告的机关名称写法不同（" + " / ".join(names) + "），按命令行所列作为同一机关比较",
                                 "the reports name their body differently (" + " / ".join(names) + "); compared as one, as listed"))
        if any(e.body is None for e in entries):
            notes.append(Message("有报告未能确定机关名称，按命令行所列作为同一机关比较",
                                 "a report's body is not known; compared as one body, as listed"))
        latest = max(entries, key=lambda e: (e.year or 0, e.path))
        name = latest.body_name or next((e.body_name for e in entries if e.body_name), "") or latest.path
        series_list = [make_series(latest.body or name, name, entries, explicit=True)]
    else:
        if explicit and len(keys) > 1:
            notes.append(Message("所列报告不是同一机关的，按机关分别比较", "the reports are of more than one body: compared body by body"))
        series_list = group(entries)
        paired = {id(r) for s in series_list for rs in ([*s.reports], *s.duplicates.values()) for r in rs}
        for e in entries:
            if id(e) in paired:
                continue
            if e.body is None:
                why = Message("未能确定机关名称（标题或落款中没有完整的机关名称）", "the body is not known (no full name in the title or signature)")
            elif not e.year_certain:
                why = Message("未能确定报告年度", "the report year is not certain")
            else:
                why = Message("本次比较中没有同一机关其他年度的报告", "no other year of this body here")
            unpaired.append((e, why))
        for a, b in unsure([e for e in entries if e.year_certain]):
            notes.append(Message(f"“{a.body_name}”（{a.path}）与“{b.body_name}”（{b.path}）可能是同一机关，但名称写法不同，未配对；"
                                 f"确认是同一机关时请用 report-lint compare {a.path} {b.path}",
                                 f"“{a.body_name}” ({a.path}) and “{b.body_name}” ({b.path}) may be one body but are named "
                                 f"differently: not paired; if they are, run report-lint compare {a.path} {b.path}"))
    views = [_view(s, engine) for s in series_list]
    return views, unpaired, notes


def _view(s: "Series", engine: "Engine") -> View:
    from ..findings import Message
    from . import run

    walk, not_compared = _crosswalk()
    order = _order()
    rows: dict[str, Row] = {}
    templates = {r.template for r in s.reports}
    for r in s.reports:
        cells = dict(r.cells)
        shown: dict = {}
        for ref in set(cells) | set(r.nulls):
            target = walk.get(ref, ref) if r.template == "2019" else ref
            shown[target] = (cells[ref][0] if ref in cells else None, ref)
        if r.template != "2019" and "requests" in r.found:  # the sum of the three 其他处理 rows
            parts = [k for k in set(cells) | set(r.nulls) if k.startswith("requests:other.") and k.endswith(".total")]
            if parts:
                shown[OTHER_SUM] = (sum(cells[k][0] for k in parts) if all(k in cells for k in parts) else None, OTHER_SUM)
        for target, (value, ref) in shown.items():
            row = rows.setdefault(target, Row(target, {}))
            row.values[r.year] = value
            if ref != target:
                row.aliases[r.year] = ref
    # where each certain cell is: a finding on it marks it
    spans = {}
    for r in s.reports:
        for ref, c in r.cells.items():
            target = walk.get(ref, ref) if r.template == "2019" else ref
            spans[(r.path, c[1], c[2])] = (target, r.year)
    year_of = {r.path: r.year for r in s.reports}
    diagnostics = []
    stage = _Placer(engine, s)
    for rule, f in run([s], engine.series_rules, engine.ctx):
        ignored = engine.config.ignored_for(f.path or "")
        if ignored and any(f.code.startswith(p) for p in ignored):
            continue
        places = [(f.path, f.span)] + [(rel.path or f.path, rel.span) for rel in f.related]
        for path, sp in places:
            if sp is None:
                continue
            hit = spans.get((path, sp.start, sp.end))
            if hit is not None:
                marks = rows[hit[0]].marks.setdefault(hit[1], [])
                if f.code not in marks:
                    marks.append(f.code)
        diagnostics.append(stage.place(f))
    notes = []
    if len(templates) > 1:
        for nc in not_compared:
            notes.append(Message(nc["zh"], nc["en"]))
    for r in s.reports:
        if r.nulls:
            n = len(r.nulls)
            notes.append(Message(f"{r.year} 年报告（{r.path}）有 {n} 个单元格为空、是占位符或未能确定读取，显示为 ?，不参加核对",
                                 f"the {r.year} report ({r.path}) has {n} cells blank, placeholders or not read with certainty: shown as ?, not compared"))
        missing = [k for k in ("active", "requests", "reviews") if k not in r.found]
        if missing:
            names = "、".join(TABLE_ZH[k] for k in missing)
            notes.append(Message(f"{r.year} 年报告（{r.path}）没有读到这些表：{names}",
                                 f"the {r.year} report ({r.path}) has no readable table: {', '.join(TABLE_EN[k] for k in missing)}"))
    for year, why in sorted(s.skipped.items()):
        notes.append(Message(f"{year} 年：{why[0]}，未参加比较", f"{year}: {why[1]}; not compared"))
    ordered = sorted(rows.values(), key=lambda r: order.get(r.ref, len(order)))
    return View(s, ordered, diagnostics, notes)


class _Placer:
    """Findings placed in their files (the Sources are in memory here)."""

    def __init__(self, engine: "Engine", s: "Series") -> None:
        self.engine = engine
        self.sources = {r.path: r.source for r in s.reports if r.source is not None}
        for copies in s.duplicates.values():
            for r in copies:
                if r.source is not None:
                    self.sources.setdefault(r.path, r.source)

    def place(self, f):
        from ..findings import Diagnostic

        src = self.sources.get(f.path)
        if src is None:
            return Diagnostic(f.path or "", f.code, f.name, self.engine.severity(f.code, f), f.message.text(self.engine.lang),
                              1, 1, 1, 1)
        return self.engine._diagnostic(src, f, self.sources)


# --------------------------------------------------------------------------------- output


def _change(values: dict, years: list, y) -> "Optional[object]":
    i = years.index(y)
    if i == 0:
        return None
    a, b = values.get(years[i - 1]), values.get(y)
    if a is None or b is None:
        return None
    d = b - a
    return round(d, 6) if isinstance(d, float) else d


def _num(v):
    if isinstance(v, float) and v.is_integer():
        return int(v)
    return v


def to_json(views: "list[View]", unpaired: list, failures: list, notes: list, lang: str) -> str:
    doc = {"version": VERSION, "series": [], "unpaired": [], "failures": [], "notes": [n.text(lang) for n in notes]}
    for v in views:
        years = [r.year for r in v.series.reports]
        rows = []
        for row in v.rows:
            kind, _, path = row.ref.partition(":")
            key, _, fld = path.rpartition(".")
            rows.append({"table": kind, "row": key, "column": fld, "label": label(row.ref, lang),
                         "values": {str(y): _num(row.values.get(y)) for y in years},
                         "present": {str(y): y in row.values for y in years},
                         "changes": {str(y): _num(_change(row.values, years, y)) for y in years[1:]},
                         "checks": {str(y): row.marks[y] for y in years if y in row.marks},
                         **({"as_2019": {str(y): a for y, a in row.aliases.items()}} if row.aliases else {})})
        doc["series"].append({
            "body": v.series.name, "key": v.series.body, "explicit": v.series.explicit, "years": years,
            "reports": [{"year": r.year, "path": r.path, "template": r.template} for r in v.series.reports],
            "rows": rows, "findings": [d.as_dict() for d in v.diagnostics], "notes": [n.text(lang) for n in v.notes]})
    doc["unpaired"] = [{"path": e.path, "year": e.year, "body": e.body_name, "reason": why.text(lang)} for e, why in unpaired]
    doc["failures"] = [{"path": p, "reason": m} for p, m in failures]
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


CSV_HEADER = ("body", "table", "row", "column", "year", "value", "change", "checks", "path")


def to_csv(views: "list[View]") -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(CSV_HEADER)
    for v in views:
        years = [r.year for r in v.series.reports]
        paths = {r.year: r.path for r in v.series.reports}
        for row in v.rows:
            kind, _, path = row.ref.partition(":")
            key, _, fld = path.rpartition(".")
            for y in years:
                if y not in row.values:
                    continue
                val, ch = row.values[y], _change(row.values, years, y)
                w.writerow((v.series.name, kind, key, fld, y, "" if val is None else _num(val),
                            "" if ch is None else _num(ch), " ".join(row.marks.get(y, ())), paths[y]))
    return buf.getvalue()


def to_text(views: "list[View]", unpaired: list, failures: list, notes: list, lang: str, color: bool, width: Optional[int] = None) -> str:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    zh = lang == "zh"
    buf = io.StringIO()
    console = Console(file=buf, force_terminal=color, color_system="standard" if color else None,
                      width=width or 160, highlight=False, soft_wrap=False)
    if not views:
        console.print(Text("没有可以并列比较的同一机关不同年度的报告。" if zh else "No reports of one body's years to compare."))
    for v in views:
        years = [r.year for r in v.series.reports]
        head = f"{v.series.name}：" + "、".join(f"{y} 年" for y in years) if zh else f"{v.series.name}: " + ", ".join(map(str, years))
        console.print(Text(head, style="bold"))
        for r in v.series.reports:
            console.print(Text(f"  {r.year}  {r.path}（{r.template} 年格式）" if zh else f"  {r.year}  {r.path} ({r.template} template)"))
        failing = {row.ref for row in v.rows if row.marks}
        table = Table(box=None, pad_edge=False, show_edge=False)
        table.add_column("表" if zh else "table", no_wrap=True)
        table.add_column("项目" if zh else "item")
        for k, y in enumerate(years):
            table.add_column(str(y), justify="right", no_wrap=True)
            if k:
                table.add_column("变化" if zh else "change", justify="right", no_wrap=True, style="dim")
        table.add_column("核对" if zh else "checks", no_wrap=True)
        last_kind = None
        for row in v.rows:
            kind = row.ref.partition(":")[0]
            # the applications table by its 总计 column, but every column of a row a check fails on
            if kind == "requests" and not row.ref.endswith(".total") and row.ref not in failing:
                continue
            if not any(y in row.values for y in years):
                continue
            cells = [Text((TABLE_ZH if zh else TABLE_EN)[kind] if kind != last_kind else ""), Text(label(row.ref, lang))]
            last_kind = kind
            for k, y in enumerate(years):
                val = row.values.get(y, "")
                shown = "" if y not in row.values else ("?" if val is None else _fmt(val))
                cells.append(Text(shown, style="bold red" if y in row.marks else None))
                if k:
                    ch = _change(row.values, years, y)
                    cells.append(Text("" if ch is None else (("+" if ch > 0 else "") + _fmt(ch))))
            marks = sorted({c for cs in row.marks.values() for c in cs})
            cells.append(Text(("✗ " + " ".join(marks)) if marks else "", style="bold red" if marks else None))
            table.add_row(*cells)
        console.print(table)
        if v.diagnostics:
            console.print(Text("跨年度核对未通过：" if zh else "Cross-year checks that fail:", style="bold"))
            for d in v.diagnostics:
                sev = d.severity.text(lang)
                console.print(Text(f"  {d.path}:{d.line}:{d.column}: {d.code} {sev} {d.message}"))
        else:
            console.print(Text("跨年度核对均已通过。" if zh else "Every cross-year check holds.", style="green"))
        for n in v.notes:
            console.print(Text(("  注：" if zh else "  note: ") + n.text(lang), style="dim"))
        console.print()
    if unpaired:
        console.print(Text("未配对的报告：" if zh else "Reports not paired:", style="bold"))
        for e, why in unpaired:
            console.print(Text(f"  {e.path}（{e.body_name or '?'}，{e.year or '?'} 年）：{why.text(lang)}" if zh else
                               f"  {e.path} ({e.body_name or '?'}, {e.year or '?'}): {why.text(lang)}"))
    for p, m in failures:
        console.print(Text(f"{p}: {m}"))
    for n in notes:
        console.print(Text(("注：" if zh else "note: ") + n.text(lang)))
    return buf.getvalue()


def _fmt(v) -> str:
    from ..rules.series._common import fmt

    return fmt(v)
