"""What the narrative's counts restate: the phrase table (rules/phrases.toml) and the cells.

Shared by the narrative and percentage rules so that a count is tied to the table the same way
everywhere (and a percentage of a miscopied count is judged with the table's number, leaving
the count itself to RL201).
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache
from typing import TYPE_CHECKING, Optional

from .resources import data_file, load_toml

if TYPE_CHECKING:
    from .model import Cell, Report
    from .narrative import Quantity


@lru_cache(maxsize=None)
def phrases() -> dict:
    return load_toml(data_file("rules", "phrases.toml"))


@lru_cache(maxsize=8192)  # subjects repeat within and across reports; the phrases never change
def match_claim(subject: str, unit: str) -> Optional[dict]:
    """The [[claim]] of phrases.toml a count with this subject and unit restates, if any."""
    data = phrases()
    scope = data.get("scope", {})
    masked = subject
    for k in scope.get("keep", ()):
        masked = masked.replace(k, "□")
    if any(w in masked for w in scope.get("not", ())):
        return None
    for claim in data.get("claim", ()):
        if unit not in claim.get("units", ()):
            continue
        if not all(w in subject for w in claim.get("all", ())):
            continue
        if claim.get("any") and not any(w in subject for w in claim["any"]):
            continue
        if any(w in subject for w in claim.get("not", ())):
            continue
        if not claim.get("joined") and _JOINED.search(subject) and any(
            c is not claim and c.get("any") and any(w in subject for w in c["any"]) for c in data.get("claim", ())
        ):
            # "不予公开、无法提供共10件", "受理和办结各5件": one number for several rows (unless a
            # claim says which, as granted_or_partially does, coming first)
            return None
        return claim
    return None


_JOINED = re.compile("[、及和与或并]")


def _cells(report: "Report", ref: str) -> "Optional[list[Cell]]":
    """The cells a reference names; None when any is missing or blank."""
    kind, _, path = ref.partition(":")
    table = report.tables.get(kind)
    if table is None or not table.found:
        return None
    if kind == "requests":
        if path.endswith(".*"):
            prefix = path[:-2]
            rows = [r for k, r in table.rows.items() if k == prefix or k.startswith(prefix + ".")]
        else:
            rows = [table.row(path)] if table.row(path) else []
        if not rows:
            return None
        out = []
        for r in rows:
            if len(r.cells) != 7:
                return None
            out.append(r.cells[6])
    else:
        key, _, fld = path.rpartition(".")
        row = table.row(key)
        c = row.cell(fld) if row else None
        if c is None:
            return None
        out = [c]
    if any(c.value is None for c in out):
        return None
    return out


def sums(report: "Report", alternatives) -> list:
    """(sum, cells) for each alternative list of references whose cells are all present."""
    out = []
    for alt in alternatives:
        cells: list = []
        for ref in alt:
            got = _cells(report, ref)
            if got is None:
                break
            cells.extend(got)
        else:
            out.append((sum((Decimal(str(c.value)) for c in cells), Decimal(0)), cells))
    return out


# A subject that says only what was done, and when and by whom (本年度共办结, 我局共收到): what
# was received or concluded is said by the paragraph, under a sub-heading such as （二）依申请公开情况
# or in the section 收到和处理政府信息公开申请情况.
_FILLER = (r"(?:(?:19|20)\d\d年度?|本年度?|全年|今年|年内|当年|本机关|本单位|本部门|"
           r"[我本](?:局|委|办|厅|院|部|署|中心|单位|区|县|市|镇|乡|街道|公司)|共计?|合计|总计|依法|新|已经?|及时|均|全部|"
           r"各类|[,:、\s])")
_BARE = re.compile(rf"^{_FILLER}*(?:收到|受理|新收|接收|办结|答复)了?{_FILLER}*$")
_YEAR = re.compile(r"((?:19|20)\d\d)年")


def topic_claim(subject: str, unit: str, topic: str) -> Optional[dict]:
    """The claim of a bare subject (_BARE) read with the paragraph's topic, when that topic is
    the requests for disclosure (and not the reviews or lawsuits about them)."""
    if not topic or "申请" not in topic or "复议" in topic or "诉讼" in topic or not _BARE.match(subject):
        return None
    return match_claim(subject + "申请", unit)


# "共收到申请20件,其中新收到13件": a part named by its verb alone ("其中新收到") counts what
# the whole before it in the sentence counts, when that whole is the requests received.
_PART = re.compile(r"^其中[,:、\s]*")
# the count that ends the text before the part ("共收到申请20件,其中"): searched for alone, its
# words then read back to the sentence's start (a lazy group before it, searched from every
# position of the 120 characters, read them over and over: ~13 µs a call)
_WHOLE_COUNT = re.compile(r"(?:\d+|[零〇一二两三四五六七八九十百千]+)(?:件|宗|个|条|项)[,、\s]*(其中[,:、\s]*)?$")


def part_claim(q: "Quantity", subject: str) -> Optional[dict]:
    m = _PART.match(subject)
    rest = subject[m.end():] if m else subject
    if not rest or not _BARE.match(rest):
        return None
    line, lo = q.line, max(0, q.subject_start - 120)
    w = _WHOLE_COUNT.search(line, lo, q.subject_start)
    if w is None or not (m or w.group(1)):
        return None  # no 其中: not a part of the count before it
    said = max(lo, max(line.rfind(c, lo, w.start()) for c in "。;!?") + 1)  # the sentence so far
    whole = match_claim(line[said:w.start()], q.unit)
    if whole is None or whole["id"] != "new":
        return None
    return match_claim(rest + "申请", q.unit)


def restated(report: "Report", q: "Quantity", paragraph_topic: bool = True) -> Optional[tuple[dict, list]]:
    """The claim a count restates and the table's values for it, or None when it restates nothing
    comparable (another body, another year, an approximate number, no such cells). A subject that
    does not say what is counted is read with its paragraph's topic (narrative.topic_at)."""
    if q.approx:
        return None
    subject = q.subject  # a property that cuts the text: once
    claim = match_claim(subject, q.unit)
    if claim is None:
        claim = part_claim(q, subject)
    if claim is None and paragraph_topic and _BARE.match(subject):
        from .narrative import topic_at

        claim = topic_claim(subject, q.unit, topic_at(report, q.span.start))
    if claim is None:
        return None
    years = {int(y) for y in _YEAR.findall(subject)} if "年" in subject else ()
    if report.report_year and years and years - {report.report_year}:
        return None  # "2023年收到申请8件": another year
    found = sums(report, claim["cells"])
    return (claim, found) if found else None
