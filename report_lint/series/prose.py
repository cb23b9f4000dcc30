"""What this year's prose says about an earlier year, and the counts it states (series/).

A statement about last year is read only in shapes whose meaning is certain, right after the
count it is about, in the same sentence:

    共收到政府信息公开申请180件，较2023年的160件增加20件，增长12.5%。
    共收到政府信息公开申请180件，比上年增加20件。        （上年 = the report year − 1）
    共收到政府信息公开申请180件，同比增长12.5%。
    申请量同比下降10%。  与上年持平。   2023年为160件。

The count it is about (180 here) must be the last count of the clause before (or earlier in
the same clause), and say what it counts: a subject of rules/phrases.toml (a table's) or of
rules/series.toml [[prose]] (the prose's only). Between the marker and the number only a few
words may stand (的, 为, 有所, 增加 …); anything else (分别, another noun) and nothing is read.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from decimal import Decimal
from functools import lru_cache
from typing import TYPE_CHECKING, Optional

from ..claims import _BARE, match_claim, phrases, topic_claim
from ..narrative import clauses, sentences, topic_at
from .model import PriorClaim

if TYPE_CHECKING:
    from ..model import Report
    from ..narrative import Clause, Quantity



def _ref(name: str) -> str:
    return rf"(?:上一?年度?|上年同期|去年同期|去年|(?P<{name}>20\d\d)\s*年度?(?:同期)?)"


# 较2023年 / 比上年 / 与上年度相比 / 同比 / 2023年为 (at the start of a clause)
_MARK = re.compile(rf"(?:较|比|与)\s*{_ref('y1')}\s*(?:同期)?\s*(?:相比|相较)?|同比|^{_ref('y2')}\s*(?=为|是)")
_LEAD_OK = re.compile(r"(?:申请(?:数)?量|申请数|数量|总量|总数|受理量|办理量|件数|条数)?")
_VALUE_BEFORE = re.compile(r"\s*(?:同期)?\s*(?:相比|相较)?\s*(?:的|为|是|共|共计)?\s*")
_DIRS = {"增加": 1, "增长": 1, "上升": 1, "提高": 1, "多": 1, "减少": -1, "下降": -1, "降低": -1, "少": -1, "回落": -1}
_CHANGE_BEFORE = re.compile(r"\s*(?:同期)?\s*(?:相比|相较)?\s*(?:有所)?\s*(?P<dir>增加|增长|上升|提高|减少|下降|降低|回落|多|少)了?\s*")
_CONT = re.compile(r"\s*(?:有所)?\s*(?:增加|增长|上升|提高|减少|下降|降低|回落|多|少|持平)")
_SAME = re.compile(r"\s*(?:相比|相较)?\s*(?:基本)?持平")
# A sentence without one of these says nothing about another year (上年结转 alone is no statement).
# Written to start with a character class (the verification looks behind/ahead) so that the
# engine skips to candidate characters: one scan of the text, a few hits.
_HINT = re.compile(r"[较比与为是](?:(?<=[较比])|(?<=与)(?=上)|(?<=[年度期][为是]))")
_COUNT_UNITS = frozenset(("件", "宗", "个", "条", "项", "起", "次", "件次", "篇"))


@lru_cache(maxsize=1)
def prose_subjects() -> tuple:
    from ..resources import data_file, load_toml

    return tuple(load_toml(data_file("rules", "series.toml")).get("prose", ()))


@lru_cache(maxsize=4096)
def prose_subject(subject: str, unit: str) -> Optional[str]:
    """The [[prose]] subject of rules/series.toml a count states, if any."""
    scope = phrases().get("scope", {})
    if any(w in subject for w in scope.get("not", ())):
        return None
    for p in prose_subjects():
        if unit not in p.get("units", ()):
            continue
        if not all(w in subject for w in p.get("all", ())) or any(w in subject for w in p.get("not", ())):
            continue
        return p["id"]
    return None


_YEAR = re.compile(r"((?:19|20)\d\d)年")


def _subject(report: "Report", q: "Quantity") -> "Optional[tuple[str, bool, Optional[dict]]]":
    """(claim id, is a table's, the claim) of a count, or None."""
    if q.approx or q.kind != "count":
        return None
    subject = q.subject  # a property that cuts the text: once
    claim = match_claim(subject, q.unit)  # cached: subjects repeat
    if claim is None and _BARE.match(subject):  # 我局共收到180件 under （二）依申请公开情况
        claim = topic_claim(subject, q.unit, topic_at(report, q.span.start))
    if claim is not None:
        found = claim["id"], True, claim
    else:
        pid = prose_subject(subject, q.unit)
        if pid is None:
            return None
        found = pid, False, None
    if "年" in subject and report.report_year:
        if {int(y) for y in _YEAR.findall(subject)} - {report.report_year}:
            return None  # "2023年收到申请8件": another year's count
    return found


def _alternatives(report: "Report", claim: dict, value: Decimal) -> tuple:
    """Which alternatives of a claim's cells this report's tables give ``value`` for."""
    from ..claims import _cells

    out = []
    for i, alt in enumerate(claim.get("cells", ())):
        total = Decimal(0)
        for ref in alt:
            got = _cells(report, ref)
            if got is None:
                break
            total += sum((Decimal(str(c.value)) for c in got), Decimal(0))
        else:
            if total == value:
                out.append(i)
    return tuple(out)


@lru_cache(maxsize=1)
def subject_table() -> "tuple[tuple[str, ...], dict[str, int]]":
    """Every subject a count can have (phrases.toml claims, series.toml [[prose]]), numbered."""
    names = tuple(dict.fromkeys([c["id"] for c in phrases().get("claim", ())] + [p["id"] for p in prose_subjects()]))
    return names, {n: i for i, n in enumerate(names)}


def read(report: "Report") -> "tuple[list, list, list[PriorClaim]]":
    """(subjects and places, values, about): the counts this year's prose states, by subject
    number (subject_table) with their spans, flat; and its statements about earlier years."""
    cls = clauses(report)
    index = subject_table()[1]
    refs: list = []
    values: list = []
    # A count in a statement about last year (比上年增加20件) has 上年/比 in its subject, which
    # no subject takes (phrases.toml [scope]): every clause can be read for what it states.
    for c in cls:
        for q in c.counts:
            s = _subject(report, q)
            if s is not None:
                refs += (index[s[0]], q.span.start, q.span.end)
                values.append(float(q.value))
    year = report.report_year
    if year is None:
        return refs, values, []
    text = report.source.text
    hits = [m.start() for m in _HINT.finditer(text)]
    if not hits:
        return refs, values, []
    about: list = []
    groups = sentences(report)
    starts = [cls[g[0]].span.start for g in groups]
    done = set()
    for h in hits:
        i = bisect_right(starts, h) - 1
        if i < 0 or i in done or h >= cls[groups[i][-1]].span.end:
            continue
        done.add(i)
        about.extend(_sentence(report, cls, groups[i], year))
    return refs, values, about


def _sentence(report: "Report", cls: list, idx: list, year: int) -> "list[PriorClaim]":
    """The statements about earlier years of one sentence."""
    about: list = []
    base: "Optional[tuple]" = None  # (quantity, subject, table?, alternatives) statements are about
    last_count = None  # the count a statement that follows would be about (its base, once needed)
    context: Optional[int] = None  # the year a marker named, while its clauses go on
    for k in idx:
        c = cls[k]
        m = _MARK.search(c.text)
        if m is None and context is not None and not _CONT.match(c.text):
            context = None
        if m is None and context is None:
            last_count = c.counts[-1] if c.counts else None
            base = None
            continue
        if base is None and last_count is not None and m is not None:
            base = _base(report, last_count)
        last_count = None
        pos = 0
        if m is not None:
            before = [q for q in c.counts if c.index(q.span.end) <= m.start()]
            if before:  # 收到申请180件较上年增加20件: the count in the same clause
                if c.text[c.index(before[-1].span.end):m.start()].strip():
                    base, context = None, None
                    continue
                base = _base(report, before[-1])
            elif not _LEAD_OK.fullmatch(c.text, 0, m.start()):
                base, context = None, None  # another subject before the marker
                continue
            ref = m.group("y1") or m.group("y2")
            context = int(ref) if ref else year - 1
            pos = m.end()
        if base is None or context >= year:
            continue
        about.extend(_statements(c, pos, context, base))
    return about


def _base(report: "Report", q: "Quantity") -> "Optional[tuple]":
    """A count with its subject, when it can be a statement's base."""
    s = _subject(report, q)
    if s is None:
        return None
    sid, table, claim = s
    alts = _alternatives(report, claim, q.value) if table else ()
    return q, sid, table, alts


def _statements(c: "Clause", pos: int, year: int, base: tuple) -> "list[PriorClaim]":
    """The statements of one marker clause (or a clause that goes on with one), from ``pos``."""
    q0, sid, table, alts = base
    out: list[PriorClaim] = []
    rest = c.text  # indexes into it are not offsets into the source text (c.index, c.offset)
    same = _SAME.match(rest, pos)
    if same and not c.quantities:
        out.append(PriorClaim("same", year, None, 0, c.offset(same.start()), c.offset(same.end()), sid, table,
                              q0.value, q0.span.start, q0.span.end, alts, rest))
        return out
    for q in c.quantities:
        a = c.index(q.number_span.start if q.number_span else q.span.start)
        if a < pos:
            continue
        between = rest[pos:a]
        if q.kind == "count" and not q.approx and _VALUE_BEFORE.fullmatch(between) and _same_unit(q.unit, q0.unit):
            out.append(PriorClaim("value", year, q.value, 0, q.span.start, q.span.end, sid, table,
                                  q0.value, q0.span.start, q0.span.end, alts, rest))
        else:
            m = _CHANGE_BEFORE.fullmatch(between)
            if m is None or q.approx:
                break  # words the statement's meaning is not certain with
            sign = _DIRS[m.group("dir")]
            if q.kind == "percent":
                out.append(PriorClaim("percent", year, sign * q.value, q.decimals, q.span.start, q.span.end, sid,
                                      table, q0.value, q0.span.start, q0.span.end, alts, rest))
            elif q.kind == "count" and _same_unit(q.unit, q0.unit):
                out.append(PriorClaim("change", year, sign * q.value, 0, q.span.start, q.span.end, sid, table,
                                      q0.value, q0.span.start, q0.span.end, alts, rest))
            else:
                break
        pos = c.index(q.span.end)
    return out


def _same_unit(a: str, b: str) -> bool:
    return a == b or (a in _COUNT_UNITS and b in _COUNT_UNITS and "条" not in (a, b))
