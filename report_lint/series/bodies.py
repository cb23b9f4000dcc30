"""Who wrote a report, as a key two reports of one body share (rules/bodies.toml says how).

The name comes from the title (`…局2024年政府信息公开工作年度报告`, `2024年…局政府信息公开…`,
`…局关于2024年度政府信息公开情况的报告`) or, when there is none, from the signature (the name
on the line before the date, or before it on the same line). It is written out in full
(abbreviations, 政府 → 人民政府, a bare place → its 人民政府, 街道 → 街道办事处) and becomes a key
only when it certainly names one body: it ends like a body's name and starts with a place's
proper name (高陵区, never 区 alone, 开发区 or 城乡) or is a national body. Anything less is
None: such a report is never paired automatically (principle: never pair two bodies).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from ..model import Span

_NAME_CHARS = r"[\u4e00-\u9fff（）()·]"


@dataclass(frozen=True, slots=True)
class Body:
    name: str  # as written in the report (spaces removed)
    key: Optional[str]  # the full name when it certainly names one body, else None
    span: Span  # where the name is in the text
    source: str  # "title" | "signature"


@lru_cache(maxsize=1)
def _data() -> dict:
    from ..resources import data_file, load_toml

    d = load_toml(data_file("rules", "bodies.toml"))
    abbrev = sorted(d.get("abbreviations", {}).items(), key=lambda kv: -len(kv[0]))
    places = sorted(d["places"], key=len, reverse=True)
    unit = "|".join(map(re.escape, places))
    return {
        "abbrev": dict(abbrev),
        # one search finds the short form a name ends with (longest first)
        "abbrev_re": re.compile("(?:" + "|".join(re.escape(a) for a, _ in abbrev) + ")$"),
        "suffixes": tuple(d["suffixes"]),
        # leading places: two or more name characters (never 和/与/及: 住房和城乡…) then a unit
        "place": re.compile(rf"(?:[^\W\d_和与及、]{{2,12}}?(?:{unit}))+"),
        "generic": frozenset(d["generic_places"]),
        "units": tuple(places),
        "nat_pre": tuple(d["national_prefixes"]),
        "nat_suf": tuple(d["national_suffixes"]),
        "lead": re.compile("^.*(?:" + "|".join(map(re.escape, sorted(d["lead_words"], key=len, reverse=True))) + ")"),
    }


_GOV = re.compile(r"(?<=[省市县区镇乡旗州盟])政府")  # 高陵区政府… -> 高陵区人民政府…


def full_name(name: str) -> str:
    """The name written out in full (see the module docstring)."""
    d = _data()
    s = "".join(name.split())
    m = d["abbrev_re"].search(s)
    if m is not None:
        s = s[: m.start()] + d["abbrev"][m.group()]
    if "政府" in s:
        s = _GOV.sub("人民政府", s)
    if s.endswith("街道"):
        s += "办事处"
    elif s.endswith(("镇", "乡")) or s.endswith(d["units"]) and not s.endswith(("社区",)):
        s += "人民政府"
    return s


def key_of(name: str) -> Optional[str]:
    """The key of a name when it certainly names one body, else None."""
    d = _data()
    s = full_name(name)
    if not 3 <= len(s) <= 40 or s[0] in "我本该各全省市县区镇乡州旗盟" or not s.endswith(d["suffixes"]):
        return None  # 我局, 区人社局: whose?
    if s.startswith(d["nat_pre"]) or _place(s):
        return s
    if s.endswith(d["nat_suf"]) and len(s) <= 8:  # 教育部, 文化和旅游部
        return s
    return None


def _place(s: str) -> str:
    """The leading places of a full name ('' when it names none)."""
    d = _data()
    m = d["place"].match(s)
    if m is None or m.end() >= len(s):
        return ""
    place = m.group()
    return "" if place in d["generic"] else place  # a generic word alone (开发区) is no place's name


def compatible(a: str, b: str) -> bool:
    """Two full names that may be one body: equal, or one is the other with places added
    before it (西安市高陵区人民政府 / 高陵区人民政府). Never enough to pair automatically."""
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    if not long_.endswith(short):
        return False
    extra = long_[: -len(short)]
    d = _data()
    m = d["place"].fullmatch(extra)
    return m is not None


# ----------------------------------------------------------------------------- reading

_REPORT = r"(?:政府)?信息公开(?:工作)?(?:年度)?\s*(?:工作)?\s*(?:报告|情况的?报告)"
_NOT_AFTER = r"(?!\s*(?:编制|有关|格式|工作的?通知|的?通知|发布工作|相关))"
# Found from the year (a digit run the engine skips to), then read back for the body before it
# (…局2024年政府信息公开…) or forward for the body after it (2024年…局政府信息公开…): a scan of
# the head for the body itself would try every character.
_ANCHOR = re.compile(rf"(?P<year>20\d\d)\s*年\s*度?\s*(?:的)?\s*(?:(?P<after>{_NAME_CHARS}{{2,40}}?)\s*)?{_REPORT}{_NOT_AFTER}")
_BEFORE = re.compile(rf"{_NAME_CHARS}{{2,60}}$")
_HEAD = 800


def find_body(text: str, year: Optional[int], signature_span: Optional[Span] = None) -> Optional[Body]:
    """The body that wrote the report: from the title, else the signature; None when neither
    names one."""
    found = _from_title(text, year)
    if found is not None:
        return found
    if signature_span is not None:
        return _from_signature(text, signature_span)
    return None


def _inside_quotes(text: str, start: int, end: int) -> bool:
    """Whether [start, end) sits inside 《…》 that is more than the title itself (another
    document's title: 《关于做好2024年政府信息公开工作年度报告…的通知》)."""
    line_start = text.rfind("\n", 0, start) + 1
    before = text[line_start:start]
    if before.count("《") <= before.count("》"):
        return False
    return not (text.startswith("》", end) and before.endswith("《"))


def _from_title(text: str, year: Optional[int]) -> Optional[Body]:
    head = text[:_HEAD]
    d = _data()
    for m in _ANCHOR.finditer(head):
        if year is not None and int(m.group("year")) != year:
            continue
        after = m.group("after")
        if after and after not in ("政府", "人民政府"):  # 2024年度长春新区管委会政府信息公开…
            raw, a = after, m.start("after")
            if raw.endswith("人民") and text.startswith("政府", m.end("after")):
                raw += "政府"  # 长春市二道区人民|政府信息公开…: the body's 政府, not the report's
            if not raw.endswith(d["suffixes"]) and _place(full_name(raw)) == "":
                continue
        else:  # 西安市高陵区人民政府2024年… / …局关于2024年度…
            before = head[max(0, m.start() - 62):m.start()].rstrip(" \t\u3000")
            if before.endswith("关于"):
                before = before[:-2].rstrip(" \t\u3000")
            b = _BEFORE.search(before)
            if b is None:
                continue
            raw = b.group()
            a = m.start() - len(head[max(0, m.start() - 62):m.start()]) + b.start()
        lead = d["lead"].match(raw)
        if lead is not None:
            a += lead.end()
            raw = raw[lead.end():]
        stripped = raw.lstrip("（）()·")
        a += len(raw) - len(stripped)
        raw = stripped
        if len(raw) < 2 or _inside_quotes(text, a, m.end()):
            continue
        return Body(raw, key_of(raw), Span(a, a + len(raw)), "title")
    return None


_SIG_NAME = re.compile(rf"{_NAME_CHARS}{{2,40}}$")


def _from_signature(text: str, date: Span) -> Optional[Body]:
    """The name just before the signature date: on its own line, or before the date on the
    same line."""
    line_start = text.rfind("\n", 0, date.start) + 1
    same = text[line_start:date.start].rstrip(" \t\u3000")
    if same:
        m = _SIG_NAME.search(same)
        if m is None:
            return None
        a = line_start + m.start()
        name = m.group()
    else:
        e = line_start - 1
        while e > 0:
            s = text.rfind("\n", 0, e) + 1
            line = text[s:e].strip(" \t\u3000")
            if line:
                break
            e = s - 1
        else:
            return None
        if _SIG_NAME.fullmatch(line) is None:
            return None
        name = line
        a = text.find(line, s, e)
    d = _data()
    if not full_name(name).endswith(d["suffixes"]):
        return None
    return Body(name, key_of(name), Span(a, a + len(name)), "signature")
