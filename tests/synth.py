"""Synthetic 政府信息公开工作年度报告 with known truth, for property tests and benchmarks.

    tables = random_tables(rng, template="2021")
    r = render_report(tables, "pdf", rng, template="2021", year=2024)
    r.text        # the whole report as it would be in the file (decoded str)
    r.tables      # the truth in the shape of `report-lint extract` (placeholder cells are None)
    r.positions   # (table, row_key, index_or_field) -> (line, col), 1-based, code points
    r.cells       # same keys -> the value's text exactly as it appears at that position

Everything is driven by the `random.Random` passed in, so a seed reproduces a report
byte for byte. Nothing here imports report_lint: the generator is an independent oracle.
Also: random_report(rng, layout=None, template=None, **render_kw) picks what is not given;
check_identities(tables, template) lists broken FORMAT.md §3 identities; parse_cell_text()
decodes a rendered cell. render_report(noise=0) gives the cleanest rendering of a layout
(no typos, wraps, furniture, split headers); narrative_scale=k repeats the 总体情况 body k
times (benchmarks grow inputs with it).

Keys of `positions` / `cells`:
    ("requests", row_key, i)        i = 0..6 in the column order of FORMAT.md §2.2
    ("active", row_key, field)      e.g. ("active", "fees", "amount")
    ("reviews", group, field)       e.g. ("reviews", "review", "upheld")

Lines are counted by "\\n" ("\\r\\n" is one line end); columns count code points from 1.

Layout `web_oneline` (the whole report on one line, every table row's cells run together):
only the first cell of each row has a position, under the same key it has in the other
layouts, and `cells[key]` is then the whole run of digits of that row ("713000074").
`Rendered.recoverable[(table, row_key)]` says whether that run splits in exactly one way
that satisfies the row's own identities (FORMAT.md §7): requests rows (six cells summing to
the seventh, no leading zeros), review groups (four summing to the fifth; the reviews row
is keyed ("reviews", "*")) and active rows (no identity: unique only when the digit count
forces the split). In every other layout all rows are recoverable. Placeholders are never
used in web_oneline (a "/" inside a run would be a different problem).
"""

from __future__ import annotations

import bisect
import random
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache
from typing import Optional, Union

LAYOUTS = (
    "pipe",
    "pipe_group_cells",
    "cell_per_line",
    "cell_per_line_blank",
    "cell_per_line_lone_pipe",
    "markdown",
    "tsv",
    "pdf",
    "web_oneline",
)

# Shapes of real input that the first layouts do not cover (issue 12), kept apart so that
# benchmarks/bench.py keeps measuring the same mix; the property tests use ALL_LAYOUTS.
#   ocr_markdown  OCR / converter markdown: every row under its own "### …" heading, a made-up
#                 header row (| 类别 | 数据1 | … | 总计 |) and a |---| rule before every row
#   pdf_markdown  PDF-to-markdown: in some groups the labels come as a block of label-only
#                 lines (group captions wrapped: （三）不 / 予公开), then the rows' values as
#                 bare value lines, one per label, in order (Rendered.detached names them)
EXTRA_LAYOUTS = ("ocr_markdown", "pdf_markdown")
ALL_LAYOUTS = LAYOUTS + EXTRA_LAYOUTS

TEMPLATES = ("2021", "2019")

REQ_COLUMNS = ("natural_person", "commercial", "research", "social_org", "legal_service", "other_org", "total")
REVIEW_GROUPS = ("review", "litigation_direct", "litigation_after_review")
REVIEW_FIELDS = ("upheld", "corrected", "other", "pending", "total")

# active rows: key -> (label, fields), per template, in table order, with the group captions
ACTIVE_2021 = (
    ("一", (("regulations", "规章"), ("normative_documents", "行政规范性文件")),
     ("本年制发件数", "本年废止件数", "现行有效件数"), ("issued", "repealed", "in_force")),
    ("五", (("licensing", "行政许可"),), ("本年处理决定数量",), ("decisions",)),
    ("六", (("penalties", "行政处罚"), ("coercive_measures", "行政强制")), ("本年处理决定数量",), ("decisions",)),
    ("八", (("fees", "行政事业性收费"),), ("本年收费金额（单位：万元）",), ("amount",)),
)
ACTIVE_2019 = (
    ("一", (("regulations", "规章"), ("normative_documents", "规范性文件")),
     ("本年新制作数量", "本年新公开数量", "对外公开总数量"), ("made", "published", "total_public")),
    ("五", (("licensing", "行政许可"), ("other_services", "其他对外管理服务事项")),
     ("上一年项目数量", "本年增/减", "处理决定数量"), ("previous", "change", "decisions")),
    ("六", (("penalties", "行政处罚"), ("coercive_measures", "行政强制")),
     ("上一年项目数量", "本年增/减", "处理决定数量"), ("previous", "change", "decisions")),
    ("八", (("fees", "行政事业性收费"),), ("上一年项目数量", "本年增/减"), ("previous", "change")),
    ("九", (("procurement", "政府集中采购"),), ("采购项目数量", "采购总金额"), ("projects", "amount")),
)

_L1 = {"一": "本年新收政府信息公开申请数量", "二": "上年结转政府信息公开申请数量",
       "三": "本年度办理结果", "四": "结转下年度继续办理"}
_GROUPS = {"三": "不予公开", "四": "无法提供", "五": "不予处理", "六": "其他处理"}
# (key, level-1 ordinal, group ordinal or None, item number or None, own label or None)
_REQ_HEAD = (
    ("new", "一", None, None, None),
    ("carried_over", "二", None, None, None),
    ("granted", "三", "一", None, "予以公开"),
    ("partially_granted", "三", "二", None, "部分公开（区分处理的，只计这一情形，不计其他情形）"),
    ("withheld.state_secret", "三", "三", 1, "属于国家秘密"),
    ("withheld.prohibited_by_law", "三", "三", 2, "其他法律行政法规禁止公开"),
    ("withheld.security_stability", "三", "三", 3, "危及“三安全一稳定”"),
    ("withheld.third_party", "三", "三", 4, "保护第三方合法权益"),
    ("withheld.internal_affairs", "三", "三", 5, "属于三类内部事务信息"),
    ("withheld.process_info", "三", "三", 6, "属于四类过程性信息"),
    ("withheld.enforcement_file", "三", "三", 7, "属于行政执法案卷"),
    ("withheld.query_matter", "三", "三", 8, "属于行政查询事项"),
    ("unavailable.not_held", "三", "四", 1, "本机关不掌握相关政府信息"),
    ("unavailable.needs_creation", "三", "四", 2, "没有现成信息需要另行制作"),
    ("unavailable.unclear", "三", "四", 3, "补正后申请内容仍不明确"),
    ("not_processed.complaint", "三", "五", 1, "信访举报投诉类申请"),
    ("not_processed.repeated", "三", "五", 2, "重复申请"),
    ("not_processed.publication", "三", "五", 3, "要求提供公开出版物"),
    ("not_processed.excessive", "三", "五", 4, "无正当理由大量反复申请"),
    ("not_processed.confirmation", "三", "五", 5, "要求行政机关确认或重新出具已获取信息"),
)
_REQ_OTHER_2021 = (
    ("other.overdue_correction", "三", "六", 1, "申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
    ("other.unpaid_fee", "三", "六", 2, "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
    ("other.other", "三", "六", 3, "其他"),
)
_REQ_OTHER_2019 = (("other", "三", "六", None, "其他处理"),)
_REQ_TAIL = (
    ("total", "三", "七", None, "总计"),
    ("carried_forward", "四", None, None, None),
)


def request_rows(template: str = "2021") -> tuple:
    """The requests rows of a template: (key, l1, group, item, label) in table order."""
    other = _REQ_OTHER_2021 if template == "2021" else _REQ_OTHER_2019
    return _REQ_HEAD + other + _REQ_TAIL


def request_keys(template: str = "2021") -> tuple[str, ...]:
    return tuple(r[0] for r in request_rows(template))


OUTCOME_KEYS_2021 = tuple(k for k in request_keys("2021") if k not in ("new", "carried_over", "total", "carried_forward"))
OUTCOME_KEYS_2019 = tuple(k for k in request_keys("2019") if k not in ("new", "carried_over", "total", "carried_forward"))

PLACEHOLDERS = ("/", "-", "—", "－", "无")
_FW = str.maketrans("0123456789", "０１２３４５６７８９")
_UNFW = str.maketrans("０１２３４５６７８９", "0123456789")

Number = Union[int, float]


# ---------------------------------------------------------------------------- truth


def _count(rng: random.Random, zero_share: float, big: bool = True) -> int:
    if rng.random() < zero_share:
        return 0
    r = rng.random()
    if r < 0.70:
        return rng.randint(1, 9)
    if r < 0.92 or not big:
        return rng.randint(10, 99)
    if r < 0.985:
        return rng.randint(100, 999)
    return rng.randint(1000, 4000)


def _money(rng: random.Random, zero_share: float) -> Number:
    if rng.random() < zero_share:
        return 0
    if rng.random() < 0.5:
        return rng.randint(1, 300)
    v = round(rng.randint(1, 99999) / 100, 2)
    return int(v) if float(v).is_integer() else v


def random_tables(rng: random.Random, template: str = "2021", zero_share: float = 0.5) -> dict:
    """Consistent random tables in the canonical JSON shape of `report-lint extract`:
    {"active": {row_key: {field: value}}, "requests": {row_key: [7 values]},
     "reviews": {group: {upheld, corrected, other, pending, total}}}

    All identities of FORMAT.md §3 hold: per column new + carried_over = total +
    carried_forward; total column = sum of the six applicant columns in every row; total row
    = sum of all outcome rows; review totals = upheld+corrected+other+pending per group.
    `zero_share` is the probability that a free natural-person cell (and most other free
    cells) is 0; the five legal-person columns, 规章 and carried-over/forward cells are
    sparser still, as in real reports. 1.0 gives an all-zero report (many real ones are).
    Non-zero counts are mostly one digit, some two to four digits.
    Template "2021": 2021 active rows/fields and other.overdue_correction / other.unpaid_fee /
    other.other; "2019": the 2019 active rows/fields (`change` signed) and the single `other`.
    Fees (2021 `amount`) and 2019 procurement `amount` may be decimal (float); all else int.
    """
    if template not in TEMPLATES:
        raise ValueError(f"unknown template {template!r}")
    zs = min(max(zero_share, 0.0), 1.0)

    # requests: outcome leaves free; total, new derived
    outcome_keys = OUTCOME_KEYS_2021 if template == "2021" else OUTCOME_KEYS_2019
    req: dict[str, list[int]] = {}
    for k in outcome_keys:
        # legal-person columns are much sparser than natural persons in real reports
        row = [_count(rng, zs if i == 0 else zs + (1 - zs) * 0.6, big=(i == 0)) for i in range(6)]
        req[k] = row
    tot = [sum(req[k][i] for k in outcome_keys) for i in range(6)]
    cf = [_count(rng, max(zs, 0.3), big=False) for _ in range(6)]
    co = [min(_count(rng, max(zs, 0.3), big=False), tot[i] + cf[i]) for i in range(6)]
    new = [tot[i] + cf[i] - co[i] for i in range(6)]
    ordered: dict[str, list[int]] = {}
    for k in request_keys(template):
        six = {"new": new, "carried_over": co, "total": tot, "carried_forward": cf}.get(k) or req[k]
        ordered[k] = list(six) + [sum(six)]

    # active
    active: dict[str, dict[str, Number]] = {}
    groups = ACTIVE_2021 if template == "2021" else ACTIVE_2019
    for _, rows, _, fields in groups:
        for key, _ in rows:
            vals: dict[str, Number] = {}
            for f in fields:
                if key == "regulations":
                    v: Number = _count(rng, max(zs, 0.8), big=False)
                elif f in ("in_force", "total_public", "previous"):
                    v = _count(rng, zs * 0.6, big=False)
                elif f == "decisions":
                    v = _count(rng, zs) * (rng.choice((1, 1, 10)) if key == "licensing" else 1)
                elif f == "change":
                    v = _count(rng, max(zs, 0.4), big=False) % 12 * rng.choice((1, -1))
                elif f == "amount":
                    v = _money(rng, zs)
                    if key == "procurement" and isinstance(v, int):
                        v *= rng.choice((1, 1000))
                else:
                    v = _count(rng, zs, big=False)
                vals[f] = v
            active[key] = vals

    reviews: dict[str, dict[str, int]] = {}
    for g in REVIEW_GROUPS:
        four = [_count(rng, max(zs, 0.5), big=False) for _ in range(4)]
        reviews[g] = dict(zip(REVIEW_FIELDS, four + [sum(four)]))
    return {"active": active, "requests": ordered, "reviews": reviews}


def check_identities(tables: dict, template: str = "2021") -> list[str]:
    """Broken identities of FORMAT.md §3 (None counts as 0); empty when all hold."""
    z = lambda v: 0 if v is None else v  # noqa: E731
    bad: list[str] = []
    req = tables["requests"]
    outcome_keys = OUTCOME_KEYS_2021 if template == "2021" else OUTCOME_KEYS_2019
    for k, row in req.items():
        if len(row) != 7:
            bad.append(f"requests.{k}: {len(row)} values")
            continue
        if sum(z(v) for v in row[:6]) != z(row[6]):
            bad.append(f"row total {k}")
    for i in range(7):
        if z(req["new"][i]) + z(req["carried_over"][i]) != z(req["total"][i]) + z(req["carried_forward"][i]):
            bad.append(f"balance col {i}")
        if sum(z(req[k][i]) for k in outcome_keys) != z(req["total"][i]):
            bad.append(f"outcome total col {i}")
    for g, d in tables["reviews"].items():
        if sum(z(d[f]) for f in REVIEW_FIELDS[:4]) != z(d["total"]):
            bad.append(f"review total {g}")
    for k, d in tables["active"].items():
        for f, v in d.items():
            if v is not None and f != "change" and v < 0:
                bad.append(f"negative active.{k}.{f}")
    return bad


# ---------------------------------------------------------------------------- rendering


@dataclass
class Rendered:
    text: str  # the full report text, as it would be in the file (decoded str)
    tables: dict  # the truth, same shape as random_tables() (placeholder cells are None)
    positions: dict  # (table, row_key, index_or_field) -> (line, column), 1-based code points
    layout: str
    template: str
    report_year: int
    cells: dict = field(default_factory=dict)  # same keys -> value text as it appears in `text`
    recoverable: dict = field(default_factory=dict)  # (table, row_key) -> bool (see module doc)
    detached: set = field(default_factory=set)  # requests rows whose values stand apart from their labels
    unit: str = ""  # the reporting body named in title and signature
    signature_date: str = ""  # e.g. "2025年1月23日"
    # What the next year's report restates of this one (next_year_report): the count of
    # information published proactively, and section 五's problems and measures.
    published: int = 0
    problems: tuple = ()
    # The statement about last year when one was written: (its words, their 1-based line)
    prior: Optional[tuple] = None


class _V:
    """A value cell: its key and its rendered text."""

    __slots__ = ("key", "text")

    def __init__(self, key, text):
        self.key = key
        self.text = text


Cell = Union[str, _V]


class _Out:
    __slots__ = ("parts", "n", "pos", "cells")

    def __init__(self):
        self.parts: list[str] = []
        self.n = 0
        self.pos: dict = {}
        self.cells: dict = {}

    def add(self, s: str) -> None:
        if s:
            self.parts.append(s)
            self.n += len(s)

    def cell(self, c: Cell) -> None:
        if isinstance(c, _V):
            self.pos[c.key] = self.n
            self.cells[c.key] = c.text
            self.add(c.text)
        else:
            self.add(c)

    def nl(self) -> None:
        self.parts.append("\n")
        self.n += 1

    def line(self, s: str) -> None:
        self.add(s)
        self.nl()

    def text(self) -> str:
        return "".join(self.parts)


class _Sty:
    """Per-report rendering choices."""

    def __init__(self, rng: random.Random, layout: str, template: str, noise: float,
                 fullwidth: bool, placeholders: bool):
        p = lambda x: rng.random() < x * noise  # noqa: E731
        self.rng = rng
        self.layout = layout
        self.template = template
        self.noise = noise
        self.fw_paren = rng.random() < 0.6  # （一） vs (一)
        self.lp, self.rp = ("（", "）") if self.fw_paren else ("(", ")")
        self.comma = "，" if self.fw_paren else ","
        self.fullwidth = fullwidth
        self.plus = rng.random() < 0.5  # "+2" for a positive change
        self.thousands = p(0.3) and layout != "web_oneline"
        self.unit_in_cell = p(0.4)
        self.header_split = p(0.5)  # 商业 | 科研 / 企业 | 机构
        self.header_notes = p(0.3)
        self.note_on_partial = rng.random() < 0.8
        self.other_sep = rng.choice(("、", "，", ",")) if noise else "、"
        self.typos = rng.randint(0, 2) if noise else 0
        self.review_header = rng.randrange(3) if noise else 0
        self.lead = rng.random() < 0.6  # leading "| " on requests rows (pipe)
        self.trail = rng.choice((" |", " |", "|")) if layout != "cell_per_line_blank" else rng.choice((" |", ""))
        self.grid_aligned = rng.random() < 0.5  # tsv: pad label cells to 3
        self.md_rule = rng.choice(("|---|", "| --- |", "|:---:|"))
        self.gap = rng.choice(("one", "two", "var"))  # pdf cell gaps
        self.vertical_caption = p(0.5)
        self.group_own_line = p(0.3)
        self.wrap = 0.35 * noise
        self.furniture = 0.04 * noise
        self.page = rng.randint(1, 3)
        self.web_space = rng.random() < 0.5  # space between a row's label and its digits
        self.placeholders = placeholders and layout != "web_oneline"
        self.ph_style = rng.choice(("scatter", "legal", "mixed"))
        self.ph_char = rng.choice(PLACEHOLDERS)
        self.blank_paras = p(0.3)

    def gapstr(self) -> str:
        if self.gap == "one":
            return " "
        if self.gap == "two":
            return "  "
        return " " * self.rng.randint(1, 4)


def _fmt(v: Number, fieldname: str, key: str, sty: _Sty) -> str:
    if isinstance(v, float):
        s = repr(v)
        if key == "procurement" and sty.unit_in_cell:
            s += "万元"
    else:
        if sty.thousands and abs(v) >= 1000:
            s = f"{v:,}"
        else:
            s = str(v)
        if fieldname == "change" and v > 0 and sty.plus:
            s = "+" + s
        if key == "procurement" and fieldname == "amount" and sty.unit_in_cell and v:
            s += "元"
    if sty.fullwidth:
        s = s.translate(_FW)
    return s


def parse_cell_text(s: str) -> Optional[Number]:
    """Decode a rendered cell (as found in Rendered.cells) back to its value; None for a
    placeholder. Used by the self-checks."""
    t = s.translate(_UNFW).replace(",", "")
    if t in PLACEHOLDERS or t == "無":
        return None
    for unit in ("万元", "萬元", "元"):
        if t.endswith(unit):
            t = t[: -len(unit)]
            break
    if t.startswith("+"):
        t = t[1:]
    return float(t) if "." in t else int(t)


def _choose_placeholders(tables: dict, sty: _Sty, rng: random.Random) -> dict:
    """Keys of zero cells to render as placeholders -> the placeholder text."""
    out: dict = {}
    if not sty.placeholders:
        return out
    ch = lambda: rng.choice(PLACEHOLDERS) if sty.ph_style == "mixed" else sty.ph_char  # noqa: E731
    for k, row in tables["requests"].items():
        for i, v in enumerate(row):
            if v != 0:
                continue
            if sty.ph_style == "legal" and 1 <= i <= 5 or sty.ph_style != "legal" and rng.random() < 0.12:
                out[("requests", k, i)] = ch()
    for k, d in tables["active"].items():
        for f, v in d.items():
            if v == 0 and rng.random() < 0.15:
                out[("active", k, f)] = ch()
    for g, d in tables["reviews"].items():
        for f, v in d.items():
            if v == 0 and rng.random() < 0.1:
                out[("reviews", g, f)] = ch()
    return out


class _Vals:
    """Value cells of the truth tables, rendered."""

    def __init__(self, tables: dict, sty: _Sty, ph: dict):
        self.t = tables
        self.sty = sty
        self.ph = ph

    def v(self, table: str, key: str, idx) -> _V:
        k = (table, key, idx)
        if k in self.ph:
            return _V(k, self.ph[k])
        if table == "requests":
            val = self.t["requests"][key][idx]
            return _V(k, _fmt(val, "", key, self.sty))
        val = self.t[table][key][idx]
        return _V(k, _fmt(val, idx, key, self.sty))

    def req(self, key: str) -> list[_V]:
        return [self.v("requests", key, i) for i in range(7)]


# ------------------------------------------------------------------- label variations

_KNOWN_TYPOS = {
    "其他法律行政法规禁止公开": ("其他法律行政止公开", "其他法律行政法规禁止公"),
    "危及“三安全一稳定”": ("危及三安全一稳定", "危及\"三安全一稳定\""),
    "本机关不掌握相关政府信息": ("本机关不掌握相关信息",),
    "要求行政机关确认或重新出具已获取信息": ("要求行政机关确认或重新出具", "要求行政机关确认或出具已获取信息"),
    "没有现成信息需要另行制作": ("没有现成信息需另行制作",),
    "属于三类内部事务信息": ("属于三类内部事务",),
}


def _damage(label: str, rng: random.Random) -> str:
    if label in _KNOWN_TYPOS and rng.random() < 0.6:
        return rng.choice(_KNOWN_TYPOS[label])
    if len(label) < 7:
        return label
    i = rng.randint(2, len(label) - 3)
    n = rng.choice((1, 1, 2))
    return label[:i] + label[i + n:]


class _Labels:
    """Row label texts for one report (typos and variants applied once)."""

    def __init__(self, sty: _Sty, template: str, rng: random.Random):
        self.sty = sty
        rows = request_rows(template)
        own: dict[str, str] = {}
        for key, l1, grp, item, lab in rows:
            if lab is None:
                continue
            if key == "partially_granted" and not sty.note_on_partial:
                lab = "部分公开"
            elif key == "partially_granted" and not sty.fw_paren:
                lab = "部分公开(区分处理的,只计这一情形,不计其他情形)"
            if key.startswith("other.") and "、" in lab:
                lab = lab.replace("、", sty.other_sep)
            own[key] = lab
        damageable = [k for k, *_ in rows if k in own and k.count(".") == 1]
        for k in rng.sample(damageable, min(sty.typos, len(damageable))):
            own[k] = _damage(own[k], rng)
        self.own = own
        self.rows = rows

    def l1(self, o: str) -> str:
        return f"{o}、{_L1[o]}"

    def paren(self, o: str, text: str) -> str:
        return f"{self.sty.lp}{o}{self.sty.rp}{text}"

    def parts(self, row) -> tuple[Optional[str], Optional[str], str, bool]:
        """(caption 三、… on the first outcome row, group label on the group's first item,
        the row's own label, is-item) for one requests row."""
        key, l1, grp, item, _ = row
        if grp is None:
            return None, None, self.l1(l1), False
        cap = self.l1("三") if key == "granted" else None
        if item is None:
            return cap, None, self.paren(grp, self.own[key]), False
        glabel = self.paren(grp, _GROUPS[grp]) if item == 1 else None
        return cap, glabel, f"{item}.{self.own[key]}", True


def _req_header(sty: _Sty) -> list[list[str]]:
    note = f"{sty.lp}本列数据的勾稽关系为：第一项加第二项之和{sty.comma}等于第三项加第四项之和{sty.rp}"
    if not sty.fw_paren:
        note = note.replace("：", ":")
    tot = "总计" + (f"{sty.lp}件{sty.rp}" if sty.header_notes else "")
    rows = [[note, "申请人情况"], ["自然人", "法人或其他组织", tot]]
    if sty.header_split:
        rows += [["商业", "科研", "社会公益组织", "法律服务机构", "其他"], ["企业", "机构"]]
    else:
        rows += [["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]]
    return rows


def _review_header(sty: _Sty) -> list[list[str]]:
    full = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    if sty.review_header == 0:
        return [["行政复议", "行政诉讼"], full + ["未经复议直接起诉", "复议后起诉"], full + full]
    if sty.review_header == 1:  # seed 001
        return [["行政复议", "行政诉讼"],
                ["结果维持", "结果", "其他", "尚未", "总计", "未经复议直接起诉", "复议后起诉"],
                ["结果", "结果", "其他", "尚未", "总计", "结果", "结果", "其他", "尚未", "总计"]]
    return [["行政复议", "行政诉讼"], ["结果", "结果", "其他", "尚未", "总计", "未经复议", "复议后"],
            ["维持", "纠正", "结果", "审结", "直接起诉", "起诉"],
            ["结果", "结果", "其他", "尚未", "总计", "结果", "结果", "其他", "尚未", "总计"],
            ["维持", "纠正", "结果", "审结", "维持", "纠正", "结果", "审结"]]


def _active_groups(template: str, sty: _Sty):
    groups = ACTIVE_2021 if template == "2021" else ACTIVE_2019
    for o, rows, headers, fields in groups:
        caption = f"第二十条第{sty.lp}{o}{sty.rp}项"
        hdr = ["信息内容"] + [h if sty.fw_paren else h.replace("（", "(").replace("）", ")").replace("：", ":")
                             for h in headers]
        if sty.header_notes and o == "五":
            hdr[1] += f"{sty.lp}件{sty.rp}"
        yield caption, hdr, rows, fields


# ------------------------------------------------------------------ table writers

# Grid widths (label columns + value columns) as in seed 001.
_GRID_ACTIVE = 4
_GRID_REQ = 10
_GRID_REV = 15


def _row_lines_generic(out: _Out, cells: list[Cell], grid: int, sty: _Sty, lead: bool = False) -> None:
    """One table row in a line-oriented layout (all but pdf and web_oneline). The row is
    built as one string; value offsets are recorded relative to the row start."""
    lay = sty.layout
    buf: list[str] = []
    n = 0
    marks: list[tuple] = []

    def put(c) -> None:
        nonlocal n
        if c.__class__ is _V:
            marks.append((c.key, n, c.text))
            c = c.text
        buf.append(c)
        n += len(c)

    if lay == "pipe" or lay == "pipe_group_cells":
        if lead:
            put("| ")
        for i, c in enumerate(cells):
            if i:
                put(" ")
            if c == "":
                put("|")
            else:
                put(c)
                put(" |")
        if grid > len(cells):
            put(" " + "|" * (grid - len(cells)))
        put("\n")
    elif lay == "markdown":
        put("|")
        for c in cells:
            put(" ")
            put(c)
            put(" |")
        put("  |" * (grid - len(cells)))
        put("\n")
    elif lay == "tsv":
        for i, c in enumerate(cells):
            if i:
                put("\t")
            put(c)
        put("\n")
    else:  # cell_per_line family
        end = sty.trail + ("\n\n" if lay == "cell_per_line_blank" else "\n")
        filled = 0
        for c in cells:
            if c == "":
                continue
            filled += 1
            put(c)
            put(end)
        if lay == "cell_per_line_lone_pipe" and grid > filled:
            put("|" * (grid - filled) + "\n")
    base = out.n
    for key, off, text in marks:
        out.pos[key] = base + off
        out.cells[key] = text
    out.parts.append("".join(buf))
    out.n += n


def _md_rule(out: _Out, grid: int, sty: _Sty) -> None:
    cell = sty.md_rule[1:-1]
    out.line("|" + "|".join([cell] * grid) + "|")


def _write_active(out: _Out, vals: _Vals, sty: _Sty) -> None:
    first = True
    for caption, hdr, rows, fields in _active_groups(sty.template, sty):
        _row_lines_generic(out, [caption], _GRID_ACTIVE, sty)
        if first and sty.layout == "markdown":
            _md_rule(out, _GRID_ACTIVE, sty)
        first = False
        _row_lines_generic(out, hdr, _GRID_ACTIVE, sty)
        for key, label in rows:
            cells: list[Cell] = [label] + [vals.v("active", key, f) for f in fields]
            _row_lines_generic(out, cells, _GRID_ACTIVE, sty)


def _req_label_cells(labels: _Labels, row, style: str) -> list[str]:
    cap, grp, own, is_item = labels.parts(row)
    if style == "collapsed":
        return [x for x in (cap, grp, own) if x]
    if row[2] is None:  # 一、二、四、 rows span the three label columns
        return [own, "", ""] if style == "aligned" else [own]
    if not is_item:
        return [cap or "", own, ""] if style == "aligned" else [cap or "", own]
    return [cap or "", grp or "", own]


def _write_requests(out: _Out, vals: _Vals, labels: _Labels, sty: _Sty) -> None:
    lay = sty.layout
    style = {"pipe_group_cells": "ragged", "markdown": "aligned",
             "tsv": "aligned" if sty.grid_aligned else "ragged"}.get(lay, "collapsed")
    lead = sty.lead and lay == "pipe"
    for i, h in enumerate(_req_header(sty)):
        _row_lines_generic(out, h, _GRID_REQ, sty, lead)
        if i == 0 and lay == "markdown":
            _md_rule(out, _GRID_REQ, sty)
    for row in labels.rows:
        cells: list[Cell] = list(_req_label_cells(labels, row, style))
        cells += vals.req(row[0])
        _row_lines_generic(out, cells, _GRID_REQ, sty, lead)


def _review_values(vals: _Vals) -> list[_V]:
    return [vals.v("reviews", g, f) for g in REVIEW_GROUPS for f in REVIEW_FIELDS]


def _write_reviews(out: _Out, vals: _Vals, sty: _Sty) -> None:
    for i, h in enumerate(_review_header(sty)):
        _row_lines_generic(out, h, _GRID_REV, sty)
        if i == 0 and sty.layout == "markdown":
            _md_rule(out, _GRID_REV, sty)
    _row_lines_generic(out, list(_review_values(vals)), _GRID_REV, sty)


# pdf -----------------------------------------------------------------------------


def _pdf_furniture(out: _Out, sty: _Sty) -> None:
    if sty.rng.random() < sty.furniture:
        sty.page += 1
        out.line(sty.rng.choice(("- {} -", "— {} —", "-{}-", "— {} —")).format(sty.page))


def _pdf_values(out: _Out, values: list[_V], sty: _Sty, first_gap: bool = True) -> None:
    for i, v in enumerate(values):
        if i or first_gap:
            out.add(sty.gapstr())
        out.cell(v)


def _wrap_pieces(label: str, rng: random.Random) -> list[str]:
    """A long label broken like PDF text: 2 or 3 pieces; the last one goes with the values."""
    n = len(label)
    k = rng.randint(max(3, n // 3), n - 3)
    pieces = [label[:k], label[k:]]
    if rng.random() < 0.4 and len(pieces[0]) >= 8:  # a space inside the head: "确认或重 新出具"
        j = rng.randint(4, len(pieces[0]) - 2)
        pieces = [pieces[0][:j] + " " + pieces[0][j:], pieces[1]]
    return pieces


def _pdf_label_row(out: _Out, label_cells: list[str], values: list[_V], sty: _Sty, wrap_ok: bool = True) -> None:
    rng = sty.rng
    *heads, own = label_cells
    for h in heads:
        out.add(h + sty.gapstr() if h else "")
    if wrap_ok and len(own) >= 12 and rng.random() < sty.wrap:
        pieces = _wrap_pieces(own, rng)
        out.line(pieces[0])
        out.add(pieces[1])
    else:
        out.add(own)
    _pdf_values(out, values, sty)
    out.nl()


def _write_pdf(out: _Out, vals: _Vals, labels: _Labels, sty: _Sty, which: str) -> None:
    rng = sty.rng
    if which == "active":
        for caption, hdr, rows, fields in _active_groups(sty.template, sty):
            out.line(caption)
            if rng.random() < 0.3 * sty.noise:  # header fragments
                out.line(hdr[0] + sty.gapstr() + sty.gapstr().join(h[:4] for h in hdr[1:]))
                rest = [h[4:] for h in hdr[1:] if h[4:]]
                if rest:
                    out.line(sty.gapstr().join(rest))
            else:
                out.line(sty.gapstr().join(hdr))
            for key, label in rows:
                _pdf_label_row(out, [label], [vals.v("active", key, f) for f in fields], sty, wrap_ok=False)
                _pdf_furniture(out, sty)
        return
    if which == "reviews":
        for h in _review_header(sty):
            if rng.random() < 0.2 * sty.noise:  # one character per line
                for ch in "".join(h):
                    out.line(ch)
            else:
                out.line(sty.gapstr().join(h))
        _pdf_furniture(out, sty)
        vs = _review_values(vals)
        out.cell(vs[0])
        _pdf_values(out, vs[1:], sty)
        out.nl()
        return
    # requests
    for h in _req_header(sty):
        if len(h[0]) > 20 and rng.random() < 0.6:
            k = rng.randint(10, len(h[0]) - 5)
            out.line(h[0][:k])
            out.line(h[0][k:] + sty.gapstr() + sty.gapstr().join(h[1:]))
        else:
            out.line(sty.gapstr().join(h))
    pending_caption: list[str] = []
    for row in labels.rows:
        cap, grp, own, is_item = labels.parts(row)
        heads: list[str] = []
        if cap:
            if sty.vertical_caption:
                k = rng.randint(3, len(cap))
                for ch in cap[:k]:
                    out.line(ch)
                pending_caption = list(cap[k:])
            elif rng.random() < 0.5:
                out.line(cap)
            else:
                heads.append(cap)
        if grp:
            if sty.group_own_line:
                out.line(grp)
            else:
                heads.append(grp)
        _pdf_label_row(out, heads + [own], vals.req(row[0]), sty)
        if pending_caption:
            out.line(pending_caption.pop(0))
        _pdf_furniture(out, sty)
    for ch in pending_caption:
        out.line(ch)


# ocr_markdown / pdf_markdown --------------------------------------------------------


def _md_row(out: _Out, cells: list[Cell]) -> None:
    """| a | b | … |, recording value positions."""
    out.add("|")
    for c in cells:
        out.add(" ")
        out.cell(c)
        out.add(" |")
    out.nl()


def _ocr_header(out: _Out, n: int, sty: _Sty) -> None:
    first = sty.rng.choice(("类别", "项目", "指标"))
    names = [f"数据{i}" for i in range(1, n + 1)]
    if n == 7:
        names[-1] = "总计"
    out.line("| " + " | ".join([first] + names) + " |")
    out.line("|" + "|".join(["---"] * (n + 1)) + "|")


def _write_ocr(out: _Out, vals: _Vals, labels: _Labels, sty: _Sty, which: str) -> None:
    """Every row under its own markdown heading, with a made-up header row before it."""
    rng = sty.rng
    if which == "active":
        for caption, hdr, rows, fields in _active_groups(sty.template, sty):
            out.line(f"### {caption}")
            out.nl()
            for key, label in rows:
                _ocr_header(out, len(fields), sty)
                _md_row(out, [label] + [vals.v("active", key, f) for f in fields])
                out.nl()
        return
    if which == "reviews":
        out.line("### 行政复议、行政诉讼")
        out.nl()
        _ocr_header(out, 15, sty)
        _md_row(out, ["数据"] + list(_review_values(vals)))
        out.nl()
        return
    with_ordinal = rng.random() < 0.5  # does the data row repeat the ordinal of its heading?
    for row in labels.rows:
        cap, grp, own, is_item = labels.parts(row)
        if cap:
            out.line(f"### {cap}")
            out.nl()
        heading = f"{grp} {own}" if grp else own
        out.line(f"### {heading}")
        out.nl()
        _ocr_header(out, 7, sty)
        label = own if with_ordinal else own.split(".", 1)[-1] if is_item else own
        _md_row(out, [label] + vals.req(row[0]))
        out.nl()


def _write_pdf_md_requests(out: _Out, vals: _Vals, labels: _Labels, sty: _Sty, detached: set) -> None:
    """Markdown from a PDF converter: rows are markdown rows, but in some outcome groups the
    labels come first, one label-only line each (the group caption wrapped over two lines),
    and then one bare value line per label, in the same order."""
    rng = sty.rng
    grid = _GRID_REQ
    out.line("| " + " | ".join(["项目", "", "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]) + " |")
    out.line("|" + "|".join(["---"] * 9) + "|")
    groups: dict = {}
    for row in labels.rows:
        if row[2] in ("三", "四", "五") and row[3] is not None:
            groups.setdefault(row[2], []).append(row)
    split = {g for g in groups if rng.random() < 0.7} or {"三"}
    done: set = set()
    for row in labels.rows:
        g = row[2]
        if g in split and row[3] is not None:
            if g in done:
                continue
            done.add(g)
            items = groups[g]
            glabel = labels.paren(g, _GROUPS[g])
            k = rng.randint(2, len(glabel) - 1)  # （三）不 / 予公开
            heads = [glabel[:k], glabel[k:]]
            for i, item in enumerate(items):
                _, _, own, _ = labels.parts(item)
                head = heads[i] if i < len(heads) else ""
                cap = labels.l1("三") if item[0] == "granted" else None
                out.line(f"| {head} | {own} |" if not cap else f"| {cap} | {own} |")
            for item in items:
                _md_row(out, ["", ""] + vals.req(item[0]))
                detached.add(item[0])
            continue
        cap, grp, own, is_item = labels.parts(row)
        first = cap or grp or ""
        if row[2] is None:
            _md_row(out, [own, ""] + vals.req(row[0]))
        else:
            _md_row(out, [first, own] + vals.req(row[0]))


# web_oneline ---------------------------------------------------------------------


def _web_run(out: _Out, label: str, values: list[_V], sty: _Sty) -> str:
    out.add(label)
    if sty.web_space:
        out.add(" ")
    run = "".join(v.text for v in values)
    out.pos[values[0].key] = out.n
    out.cells[values[0].key] = run
    out.add(run)
    return run


def _write_web(out: _Out, vals: _Vals, labels: _Labels, sty: _Sty, which: str, recov: dict) -> None:
    if which == "active":
        for caption, hdr, rows, fields in _active_groups(sty.template, sty):
            out.add(caption + "".join(hdr))
            for key, label in rows:
                run = _web_run(out, label, [vals.v("active", key, f) for f in fields], sty)
                digits = run.translate(_UNFW)
                if digits.isdigit():
                    recov[("active", key)] = _count_splits(digits, ((len(fields), False),)) == 1
                else:
                    recov[("active", key)] = len(fields) == 1
        return
    if which == "reviews":
        out.add("".join("".join(h) for h in _review_header(sty)))
        run = _web_run(out, "", _review_values(vals), sty)
        recov[("reviews", "*")] = _count_splits(run.translate(_UNFW), ((5, True),) * 3) == 1
        return
    out.add("".join("".join(h) for h in _req_header(sty)))
    for row in labels.rows:
        run = _web_run(out, "".join(_req_label_cells(labels, row, "collapsed")), vals.req(row[0]), sty)
        recov[("requests", row[0])] = _count_splits(run.translate(_UNFW), ((7, True),)) == 1


def _count_splits(digits: str, groups: tuple, limit: int = 2) -> int:
    """How many ways `digits` splits into whole numbers without leading zeros, group by
    group: (size, constrained) where a constrained group's last number is the sum of the
    others. Counting stops at `limit`."""
    n = len(digits)
    ngroups = len(groups)
    min_after = [0] * (ngroups + 1)  # digits needed by groups g.. (one per part)
    for g in range(ngroups - 1, -1, -1):
        min_after[g] = min_after[g + 1] + groups[g][0]

    def parts(a: int, b: int):
        """Candidate numbers starting at a and ending before b: (end, value)."""
        if digits[a] == "0":
            if a + 1 <= b:
                yield a + 1, 0
            return
        for e in range(a + 1, b + 1):
            yield e, int(digits[a:e])

    memo_sum: dict = {}
    dsum = [0]
    for ch in digits:
        dsum.append(dsum[-1] + ord(ch) - 48)

    def sum_to(a: int, b: int, k: int, t: int) -> int:
        """Splits of digits[a:b] into k numbers summing to t."""
        if k == 0:
            return 1 if a == b and t == 0 else 0
        if t < 0:
            return 0
        tl = len(str(t))
        span = b - a
        if span < k or span > k * tl:  # every number is at most t, so at most tl digits
            return 0
        if t >= 10 ** (span - k + 1) + 9 * k:  # more than k numbers from span digits can add up to
            return 0
        if k == 1:
            return 1 if digits[a:b] == str(t) else 0
        key = (a, b, k, t)
        if key in memo_sum:
            return memo_sum[key]
        total = 0
        if digits[a] == "0":
            total = sum_to(a + 1, b, k - 1, t)
        else:
            for e in range(a + 1, min(b - (k - 1), a + tl) + 1):
                v = int(digits[a:e])
                if v > t:
                    break
                total += sum_to(e, b, k - 1, t - v)
                if total >= limit:
                    total = limit
                    break
        memo_sum[key] = total
        return total

    memo_free: dict = {}

    def free(a: int, k: int, g: int) -> int:
        """k unconstrained numbers from a, then groups g.."""
        if k == 0:
            return ways(a, g)
        key = (a, k, g)
        if key in memo_free:
            return memo_free[key]
        total = 0
        for e, _ in parts(a, n - (k - 1) - min_after[g]):
            total += free(e, k - 1, g)
            if total >= limit:
                total = limit
                break
        memo_free[key] = total
        return total

    memo_grp: dict = {}

    def grp(a: int, k: int, s: int, g: int) -> int:
        """The remaining k addends of constrained group g from a (running sum s), its total,
        then groups g+1.."""
        if k == 0:
            t = str(s)
            return ways(a + len(t), g + 1) if digits.startswith(t, a) else 0
        key = (a, k, s, g)
        if key in memo_grp:
            return memo_grp[key]
        total = 0
        room = n - a - min_after[g + 1]  # digits left for this group's addends and total
        for e, v in parts(a, n - k - min_after[g + 1]):
            # the total is at least s+v: it and the other addends must still fit
            if len(str(s + v)) + (k - 1) > room - (e - a):
                break
            total += grp(e, k - 1, s + v, g)
            if total >= limit:
                total = limit
                break
        memo_grp[key] = total
        return total

    def ways(a: int, g: int) -> int:
        if g == ngroups:
            return 1 if a == n else 0
        if n - a < min_after[g]:
            return 0
        size, constrained = groups[g]
        if not constrained:
            return free(a, size, g + 1)
        if g == ngroups - 1:  # the last total is the run's suffix
            total = 0
            for k in range(1, n - a - (size - 1) + 1):
                if k > 1 and digits[n - k] == "0":
                    continue
                t = int(digits[n - k:])
                if (t - dsum[n - k] + dsum[a]) % 9:  # a number is its digit sum mod 9
                    continue
                total += sum_to(a, n - k, size - 1, t)
                if total >= limit:
                    return limit
            return total
        return grp(a, size - 1, 0, g)

    return ways(0, 0) if n else 0


# ---------------------------------------------------------------------------- prose

_PLACES_CITY = ("厦门市", "江门市", "青岛市", "长沙市", "合肥市", "昆明市", "宁波市", "襄阳市", "佛山市", "贵阳市")
_PLACES_COUNTY = ("襄阳市襄城区", "张家港市", "广州市番禺区", "北京市海淀区", "成都市武侯区", "南京市鼓楼区",
                  "杭州市西湖区", "佛山市南海区", "郑州市金水区", "苏州市吴中区", "贵阳市南明区", "宁波市鄞州区")
_DEPTS = (("人力资源和社会保障局", "局"), ("生态环境局", "局"), ("财政局", "局"), ("交通运输局", "局"),
          ("教育局", "局"), ("卫生健康委员会", "委"), ("自然资源和规划局", "局"), ("市场监督管理局", "局"),
          ("住房和城乡建设局", "局"), ("民政局", "局"), ("司法局", "局"), ("农业农村局", "局"),
          ("应急管理局", "局"), ("文化广电旅游体育局", "局"), ("发展和改革委员会", "委"))

_HEADINGS = {
    1: ("总体情况",),
    2: ("主动公开政府信息情况", "主动公开政府信息情况", "行政机关主动公开政府信息情况"),
    3: ("收到和处理政府信息公开申请情况", "收到和处理政府信息公开申请情况", "收到和处理政府信息公开的申请情况"),
    4: ("政府信息公开行政复议、行政诉讼情况", "政府信息公开行政复议、行政诉讼情况",
        "因政府信息公开工作被申请行政复议、提起行政诉讼情况", "政府信息公开行政复议及行政诉讼情况"),
    5: ("存在的主要问题及改进情况", "存在的主要问题及改进情况", "政府信息公开工作存在的主要问题及改进情况"),
    6: ("其他需要报告的事项", "其他需要报告的事项", "其他报告的事项"),
}
_ORD = "一二三四五六"

_FILLER_1 = (
    "认真贯彻落实《中华人民共和国政府信息公开条例》和上级关于政务公开工作的部署要求，紧紧围绕中心工作，持续提升政务公开质量和实效",
    "坚持以人民为中心的发展思想，把政务公开作为建设法治政府、服务型政府的重要抓手，推动政府信息公开工作规范化、标准化",
    "坚持“以公开为常态、不公开为例外”的原则，强化组织领导，健全工作机制，不断提高政府工作透明度",
)
_FILLER_MGMT = (
    "严格落实信息发布“三审三校”制度，坚持先审查后公开，全年开展保密审查{n}次，未发生泄密事件",
    "建立健全政府信息公开工作制度，明确专人负责政府信息公开的日常工作，定期梳理更新主动公开目录",
    "对照法定主动公开内容清单，逐项核查栏目内容，及时清理过期信息，确保信息准确、完整、规范",
)
_FILLER_PLATFORM = (
    "依托政府门户网站政府信息公开专栏，及时更新机构职能、政策文件、工作动态等栏目，全年开展网站安全检测{n}次",
    "加强政务新媒体管理，“{short}发布”微信公众号全年推送信息{n}篇，进一步拓宽信息公开渠道",
    "完善政府信息公开平台功能，优化栏目设置，提升信息检索和查阅的便捷性",
)
_FILLER_SUPERVISE = (
    "将政务公开工作纳入年度绩效考核，组织开展政务公开业务培训{n}次，参训{m}人次",
    "主动接受社会监督，畅通意见反馈渠道，对发现的问题及时整改落实",
    "健全政务公开考核评议和责任追究制度，定期开展自查，确保各项工作落到实处",
)
_PROBLEMS = ("政策解读形式还不够丰富，解读的针对性有待加强", "部分栏目信息更新不够及时",
             "依申请公开答复的规范化水平有待提升", "工作人员业务能力有待进一步提高",
             "信息公开的深度和广度还需拓展", "政务新媒体互动回应能力不足")
_MEASURES = ("加强政策解读，综合运用图表、视频等多种形式解读政策", "建立栏目更新台账，压实各科室更新责任",
             "规范依申请公开办理流程，严格落实答复文书审核制度", "加强业务培训，提升工作人员业务能力",
             "持续拓展公开领域，推进重点领域信息公开", "强化政民互动，及时回应社会关切")


def _pct(part: int, base: int) -> str:
    q = (Decimal(part) * 100 / Decimal(base)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    return f"{q}%"


def _prior_words(new_t: int, prior: dict, qty: str, cm: str) -> str:
    """This year's requests compared with last year's, in one of the shapes reports use; the
    stated number is off by ``prior["offset"]`` (a planted slip) when that is not 0."""
    p, y, off = prior["new"], prior["year"], prior.get("offset", 0)
    d = new_t - p
    style = prior.get("style", "value")
    if style == "percent" and p:
        pct = (Decimal(d) * 100 / Decimal(p)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP) + Decimal(off)
        return f"同比{'增长' if pct >= 0 else '下降'}{abs(pct)}%"
    if style == "change":
        shown = d + off
        return f"比上年{'增加' if shown >= 0 else '减少'}{abs(shown)}{qty}" if shown else "与上年持平"
    if style == "both" and d:
        return f"较{y}年的{p + off}{qty}{'增加' if d > 0 else '减少'}{abs(d)}{qty}"
    return f"较{y}年的{p + off}{qty}有所{'增加' if d > 0 else '减少'}" if d else f"与{y}年的{p + off}{qty}持平"


def _prose(tables: dict, sty: _Sty, rng: random.Random, year: int, unit: str, we: str, scale: int,
           prior: Optional[dict] = None, facts: Optional[dict] = None) -> dict[int, list[str]]:
    """The narrative. ``prior`` (next_year_report): last year's numbers, and the prose then
    compares this year's with them and writes section 五 anew (or copied, when asked);
    ``facts`` receives what the next year needs (published count, problems, the statement)."""
    lp, rp, cm = sty.lp, sty.rp, sty.comma
    facts = facts if facts is not None else {}
    req = tables["requests"]
    yr = f"{year}年"
    out: dict[int, list[str]] = {i: [] for i in range(1, 7)}
    qty = rng.choice(("件", "件", "宗", "个"))

    s1 = [f"{yr}{cm}{unit}{rng.choice(_FILLER_1)}。"]
    if rng.random() < 0.6:
        s1.append(f"本报告所列数据的统计期限为{year}年1月1日至{year}年12月31日。")
    body: list[str] = []
    n = rng.randint(50, 5000)
    parts = [rng.randint(0, n // 4) for _ in range(3)]
    facts["published"] = n
    said_prior = ""
    if prior is not None and prior.get("published") and prior.get("style_published"):
        d = n - prior["published"] + prior.get("offset_published", 0)
        said_prior = f"{cm}比上年{'增加' if d >= 0 else '减少'}{abs(d)}条" if d else f"{cm}与上年持平"
        if not d and prior.get("offset_published", 0):
            said_prior = f"{cm}比上年增加{prior['offset_published']}条"
        facts["prior_published"] = said_prior.lstrip(cm)
    body.append(f"{lp}一{rp}主动公开情况。{yr}{cm}{we}通过政府门户网站主动公开政府信息{n}条{said_prior}{cm}其中政策文件{parts[0]}条、"
                f"工作动态{parts[1]}条、通知公告{parts[2]}条。")
    # 依申请公开: numbers that agree with the table (never a placeholder cell)
    new_t, co_t = req["new"][6], req["carried_over"][6]
    s = f"{lp}二{rp}依申请公开情况。"
    if new_t is None or co_t is None:
        s += "严格按照《条例》规定的程序和时限办理政府信息公开申请。"
    elif new_t == 0 and co_t == 0:
        s += f"{yr}{cm}{we}未收到政府信息公开申请{cm}无上年结转申请。"
    else:
        said_prior = ""
        if prior is not None and prior.get("new") is not None and new_t is not None:
            said_prior = _prior_words(new_t, prior, qty, cm)
            facts["prior"] = said_prior
            said_prior = cm + said_prior
        # Three wordings, chosen from numbers already drawn so that the random stream (and every
        # other choice of a seeded report) stays as it was: the subject said in the clause, or
        # given by the paragraph's heading (（二）依申请公开情况。…共收到N件 / 本年度共办结N件).
        tot = req["total"][6]
        shape = n % 3
        if shape == 1 and tot is not None:
            s += f"{yr}{cm}{we}共收到{new_t}{qty}{said_prior}{cm}上年结转{co_t}{qty}{cm}本年度共办结{tot}{qty}。"
        elif shape == 2:
            s += f"{yr}{cm}{we}共受理{new_t}{qty}{said_prior}{cm}上年结转{co_t}{qty}。"
        else:
            s += f"{yr}{cm}{we}共收到政府信息公开申请{new_t}{qty}{said_prior}{cm}上年结转{co_t}{qty}。"
        claims = []
        for key, name in (("granted", "予以公开"), ("partially_granted", "部分公开"),
                          ("unavailable.not_held", "因本机关不掌握相关政府信息无法提供"),
                          ("carried_forward", "结转下年度继续办理")):
            v = req[key][6]
            if v is None or (v == 0 and rng.random() < 0.5):
                continue
            c = f"{name}{v}{qty}"
            if key != "carried_forward" and new_t and rng.random() < 0.4:
                c += f"{cm}占{_pct(v, new_t)}"
            claims.append(c)
        if claims:
            s += "其中" + "；".join(claims) + "。"
    body.append(s)
    body.append(f"{lp}三{rp}政府信息管理。" + rng.choice(_FILLER_MGMT).format(n=rng.randint(2, 60)) + "。")
    body.append(f"{lp}四{rp}政府信息公开平台建设。"
                + rng.choice(_FILLER_PLATFORM).format(n=rng.randint(10, 900), short=unit[-4:]) + "。")
    m = rng.randint(2, 12)
    body.append(f"{lp}五{rp}监督保障。" + rng.choice(_FILLER_SUPERVISE).format(n=m, m=m * rng.randint(5, 40)) + "。")
    out[1] = s1 + body * max(1, scale)

    act = tables["active"]
    fee = act.get("fees", {}).get("amount")
    if sty.template == "2021" and fee is not None and rng.random() < 0.5:
        out[2].append(f"{yr}{cm}{we}行政事业性收费共计{fee}万元。" if fee else f"{yr}{cm}{we}未收取行政事业性收费。")
    if rng.random() < 0.3:
        out[3].append(f"{yr}{cm}{we}政府信息公开申请办理情况如下：")

    rv = tables["reviews"]
    tots = [rv[g]["total"] for g in REVIEW_GROUPS]
    if None not in tots and rng.random() < 0.6:
        lit = tots[1] + tots[2]
        if tots[0] == 0 and lit == 0:
            out[4].append(f"{yr}{cm}{we}未发生因政府信息公开引起的行政复议和行政诉讼案件。")
        else:
            s = f"{yr}{cm}{we}因政府信息公开被申请行政复议{tots[0]}件{cm}被提起行政诉讼{lit}件"
            all_upheld = all(rv[g]["upheld"] == rv[g]["total"] for g in REVIEW_GROUPS)
            s += f"{cm}均获维持。" if all_upheld else "。"
            out[4].append(s)

    probs = rng.sample(_PROBLEMS, 3)
    meas = rng.sample(_MEASURES, 3)
    if prior is not None and prior.get("problems"):
        if prior.get("copy_problems"):  # 内容雷同: last year's section 五 again
            probs, meas = list(prior["problems"][0]), list(prior["problems"][1])
        else:  # this year's problems: none of last year's
            probs = [p for p in _PROBLEMS if p not in prior["problems"][0]][:3]
            meas = [m for m in _MEASURES if m not in prior["problems"][1]][:3]
    facts["problems"] = (tuple(probs), tuple(meas))
    en = ("一是", "二是", "三是")
    out[5].append(f"{lp}一{rp}存在的主要问题。" + "；".join(e + p for e, p in zip(en, probs)) + "。")
    out[5].append(f"{lp}二{rp}改进措施。" + "；".join(e + p for e, p in zip(en, meas)) + "。")

    out[6].append(f"{lp}一{rp}信息处理费收取情况。{yr}度{we}未向申请人收取信息处理费"
                  f"{cm}发出收费通知0件{cm}收取信息处理费0元。")
    if rng.random() < 0.7:
        a, b = rng.randint(0, 40), rng.randint(0, 60)
        out[6].append(f"{lp}二{rp}建议提案办理情况。{yr}{cm}{we}共承办建议提案{a + b}件{cm}"
                      f"其中人大代表建议{a}件、政协委员提案{b}件{cm}均已按时办结。")
    return out


# ---------------------------------------------------------------------------- assembly


@lru_cache(maxsize=1)
def _s2t():
    import opencc

    for name in ("s2t", "s2t.json"):
        try:
            return opencc.OpenCC(name)
        except Exception:  # pragma: no cover - depends on the installed opencc
            continue
    raise RuntimeError("opencc has no s2t config")


def to_traditional(text: str) -> str:
    """s2t conversion that keeps every line's length (per character where a phrase
    conversion would change it), so line/column positions stay valid."""
    cc = _s2t()
    lines = text.split("\n")
    for i, ln in enumerate(lines):
        t = cc.convert(ln)
        if len(t) != len(ln):
            chars = []
            for ch in ln:
                c2 = cc.convert(ch)
                chars.append(c2 if len(c2) == 1 else ch)
            t = "".join(chars)
        lines[i] = t
    return "\n".join(lines)


def _line_col(starts: list[int], off: int) -> tuple[int, int]:
    ln = bisect.bisect_right(starts, off)
    return ln, off - starts[ln - 1] + 1


def render_report(tables: dict, layout: str, rng: random.Random, *, template: str = "2021", year: int = 2024,
                  traditional: bool = False, fullwidth_digits: bool = False, crlf: bool = False,
                  placeholders: bool = False, noise: float = 1.0, narrative_scale: int = 1,
                  unit: Optional[str] = None, prior: Optional[dict] = None) -> Rendered:
    """A whole plausible report around `tables` in `layout` (one of LAYOUTS).

    placeholders: render some zero cells as / - — － 无 (their truth becomes None).
    noise: scales every optional damage (label typos, wrapped labels, page furniture, split
        headers...); 0 gives the cleanest rendering of the layout.
    narrative_scale: repeat the 总体情况 paragraphs to grow the input (benchmarks).
    unit: the reporting body (else a random one); prior: last year's numbers to compare this
        year's with in the prose (next_year_report).
    """
    if layout not in ALL_LAYOUTS:
        raise ValueError(f"unknown layout {layout!r}")
    sty = _Sty(rng, layout, template, noise, fullwidth_digits, placeholders)
    truth = {"active": {k: dict(d) for k, d in tables["active"].items()},
             "requests": {k: list(v) for k, v in tables["requests"].items()},
             "reviews": {k: dict(d) for k, d in tables["reviews"].items()}}
    ph = _choose_placeholders(truth, sty, rng)
    for t, k, i in ph:
        truth[t][k][i] = None
    vals = _Vals(tables, sty, ph)
    labels = _Labels(sty, template, rng)

    has_regs = any(v for v in tables["active"].get("regulations", {}).values())
    place = rng.choice(_PLACES_CITY if has_regs or rng.random() < 0.4 else _PLACES_COUNTY)
    dept, suffix = rng.choice(_DEPTS)
    if unit is None:
        unit = place + dept
    else:
        suffix = "局" if unit.endswith("局") else "委" if unit.endswith(("委", "委员会")) else "单位"
    we = rng.choice((f"我{suffix}", f"我{suffix}", "本机关"))
    facts: dict = {}
    prose = _prose(truth, sty, rng, year, unit, we, narrative_scale, prior, facts)
    sig_date = f"{year + 1}年1月{rng.randint(5, 28)}日"

    out = _Out()
    recov: dict = {}
    detached: set = set()
    web = layout == "web_oneline"
    pdf = layout == "pdf"
    title_year = f"{year} 年" if pdf and rng.random() < 0.3 else f"{year}年"
    title = f"{unit}{title_year}{rng.choice(('', '度'))}政府信息公开工作年度报告"

    def para(s: str) -> None:
        if web:
            out.add(s + rng.choice(("", " ")))
        else:
            out.line(s)
            if sty.blank_paras:
                out.nl()

    def heading(i: int) -> None:
        h = f"{_ORD[i - 1]}、{rng.choice(_HEADINGS[i])}"
        if web:
            out.add(" " + h + " ")
        else:
            out.line(h)
            if sty.blank_paras:
                out.nl()

    if web:
        out.add(title + " ")
    else:
        if rng.random() < 0.3:
            out.nl()
        if rng.random() < 0.2 * noise:  # title broken over two lines, as in seed 001
            k = title.index("年度报告")
            out.line(title[:k])
            out.line(title[k:])
        else:
            out.line(title)
        if sty.blank_paras:
            out.nl()
    if rng.random() < 0.4:
        para(f"本报告根据《中华人民共和国政府信息公开条例》要求编制{sty.comma}由总体情况、主动公开政府信息情况、"
             f"收到和处理政府信息公开申请情况、政府信息公开行政复议及行政诉讼情况、存在的主要问题及改进情况、"
             f"其他需要报告的事项六部分组成。")

    for sec in range(1, 7):
        heading(sec)
        for p in prose[sec]:
            para(p)
        which = {2: "active", 3: "requests", 4: "reviews"}.get(sec)
        if which is None:
            continue
        if web:
            _write_web(out, vals, labels, sty, which, recov)
        elif pdf:
            _write_pdf(out, vals, labels, sty, which)
        elif layout == "ocr_markdown":
            _write_ocr(out, vals, labels, sty, which)
        elif layout == "pdf_markdown" and which == "requests":
            _write_pdf_md_requests(out, vals, labels, sty, detached)
        elif layout == "pdf_markdown":  # the other tables as plain markdown
            sty.layout = "markdown"
            _write_active(out, vals, sty) if which == "active" else _write_reviews(out, vals, sty)
            sty.layout = layout
        elif which == "active":
            _write_active(out, vals, sty)
        elif which == "requests":
            _write_requests(out, vals, labels, sty)
        else:
            _write_reviews(out, vals, sty)
        if pdf:
            _pdf_furniture(out, sty)
    if web:
        out.add(" " + unit + " " + sig_date)
    else:
        out.line(unit)
        out.line(sig_date)

    text = out.text()
    said = None
    if facts.get("prior"):  # where the statement about last year is (lines survive the conversions)
        k = text.find(facts["prior"])
        said = (facts["prior"], text.count("\n", 0, k) + 1 if k >= 0 and not web else 1 if k >= 0 else None)
    if traditional:
        text = to_traditional(text)
    starts = [0]
    if not web:
        idx = text.find("\n")
        while idx != -1:
            starts.append(idx + 1)
            idx = text.find("\n", idx + 1)
    positions = {k: _line_col(starts, off) for k, off in out.pos.items()}
    cells = {k: text[off:off + len(out.cells[k])] for k, off in out.pos.items()}
    if not web:
        recov = {("requests", k): True for k in truth["requests"]}
        recov.update({("active", k): True for k in truth["active"]})
        recov[("reviews", "*")] = True
    if crlf:
        text = text.replace("\n", "\r\n")
    return Rendered(text=text, tables=truth, positions=positions, layout=layout, template=template,
                    report_year=year, cells=cells, recoverable=recov, unit=unit, signature_date=sig_date,
                    detached=detached, published=facts.get("published", 0), problems=facts.get("problems", ()),
                    prior=said)


def random_report(rng: random.Random, layout: Optional[str] = None, template: Optional[str] = None,
                  **kw) -> Rendered:
    """random_tables + render_report with random choices for everything not given."""
    template = template or rng.choice(TEMPLATES)
    layout = layout or rng.choice(LAYOUTS)
    zero_share = kw.pop("zero_share", rng.choice((0.3, 0.5, 0.8, 0.95)))
    tables = random_tables(rng, template, zero_share)
    year = kw.pop("year", rng.randint(2019, 2020) if template == "2019" else rng.randint(2021, 2025))
    return render_report(tables, layout, rng, template=template, year=year, **kw)


# ------------------------------------------------------------------------ consecutive years


def _settle_items(tables: dict) -> None:
    """2019 template: no item count below zero after its change (上一年项目数量 + 本年增/减 ≥ 0)."""
    for d in tables["active"].values():
        if "previous" in d and "change" in d and d["previous"] + d["change"] < 0:
            d["change"] = -d["previous"]


def next_year_tables(rng: random.Random, prev: dict, template: str = "2021", prev_template: str = "2021",
                     zero_share: float = 0.5) -> dict:
    """Consistent tables for the year after ``prev`` (the same body's, unrendered): every
    identity of the year holds, and so do those across the two years: 上年结转 = last year's
    结转下年度 (per column), 现行有效 = last year's 现行有效 + 本年制发 − 本年废止 (2021 → 2021), 上一年
    项目数量 = last year's 上一年项目数量 + 本年增/减 (2019 → 2019)."""
    _settle_items(prev)
    t = random_tables(rng, template, zero_share)
    req = t["requests"]
    outcome_keys = OUTCOME_KEYS_2021 if template == "2021" else OUTCOME_KEYS_2019
    co = list(prev["requests"]["carried_forward"][:6])
    cf = req["carried_forward"][:6]
    for i in range(6):
        tot = sum(req[k][i] for k in outcome_keys)
        if tot + cf[i] < co[i]:  # more carried over than handled and carried on: handle more
            req["granted"][i] += co[i] - tot - cf[i]
    tot = [sum(req[k][i] for k in outcome_keys) for i in range(6)]
    new = [tot[i] + cf[i] - co[i] for i in range(6)]
    for key, six in (("new", new), ("carried_over", co), ("total", tot)):
        req[key] = list(six) + [sum(six)]
    for k in outcome_keys:
        req[k][6] = sum(req[k][:6])
    act = t["active"]
    if template == "2021" and prev_template == "2021":
        for key in ("regulations", "normative_documents"):
            p, d = prev["active"][key]["in_force"], act[key]
            d["repealed"] = min(d["repealed"], p + d["issued"])
            d["in_force"] = p + d["issued"] - d["repealed"]
    if template == "2019" and prev_template == "2019":
        for key, d in act.items():
            if "previous" in d:
                pd = prev["active"][key]
                d["previous"] = pd["previous"] + pd["change"]
        _settle_items(t)
    return t


def year_pair(rng: random.Random, first_year: int = 2023, layout: str = "pipe", templates=("2021", "2021"),
              unit: str = "示例市生态环境局", style: Optional[str] = None, noise: float = 0.0, copy_problems: bool = False,
              offset: int = 0, published: bool = False, **render_kw) -> tuple:
    """Two consecutive years of one body, each consistent on its own and with the other: the
    later report's prose compares its requests with the earlier's (in ``style``: value, both,
    change, percent) and, with ``published``, its proactively published count. ``offset`` puts
    a slip in the statement about last year. Returns (earlier Rendered, later Rendered,
    earlier tables, later tables)."""
    t1 = random_tables(rng, templates[0])
    _settle_items(t1)
    r1 = render_report(t1, layout, rng, template=templates[0], year=first_year, unit=unit, noise=noise, **render_kw)
    t2 = next_year_tables(rng, t1, templates[1], templates[0])
    prior = {"year": first_year, "new": t1["requests"]["new"][6], "style": style or rng.choice(("value", "both", "change", "percent")),
             "offset": offset, "problems": r1.problems, "copy_problems": copy_problems,
             "published": r1.published if published else None, "style_published": published}
    r2 = render_report(t2, layout, rng, template=templates[1], year=first_year + 1, unit=unit, noise=noise,
                       prior=prior, **render_kw)
    return r1, r2, t1, t2


def rerender(rendered: "Rendered", tables: dict, rng: random.Random, **kw) -> "Rendered":
    """The same report rendered again from changed tables (a planted slip), same layout,
    template, year and body."""
    return render_report(tables, rendered.layout, rng, template=rendered.template, year=rendered.report_year,
                         unit=rendered.unit, **kw)
