"""The six sections of the national template and where each one starts.

Headings are an ordinal (一、 … 六、) followed by a title that matches one of the template's
sections (variants accepted, FORMAT.md §1). Headings are found anywhere in the text, not
only at line starts, because text scraped from some web pages has no line breaks at all;
a mid-line heading must follow a space or a sentence end so that enumerations in prose
("一是…、二是…") are not taken for headings.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from typing import Optional

from .model import Section, Span

# Title patterns per template section, most specific first. Titles vary between reports
# ("行政机关主动公开政府信息情况", "…行政复议及行政诉讼情况", "…及整改措施").
TITLES: dict[int, str] = {
    1: r"总体(?:工作)?(?:情况|概况)|概述",
    2: r"(?:行政机关)?主动公开(?:政府)?信息(?:的)?情况|主动公开(?:工作)?情况",
    3: r"收到和处理(?:政府信息)?(?:公开)?(?:的)?申请(?:的)?情况|收到和处理.{0,12}?申请.{0,3}?情况|依申请公开(?:政府)?(?:信息)?(?:工作)?情况",
    4: r"(?:因)?(?:政府信息公开)?(?:工作)?(?:被申请)?行政复议.{0,14}?行政诉讼(?:的)?情况|政府信息公开(?:工作)?行政复议.{0,3}?(?:情况)?",
    5: r"(?:政府信息公开)?(?:工作)?存在的?主要问题(?:及|和|与)(?:其?改进|整改).{0,6}?(?:情况|措施|举措|计划)?|存在的?(?:主要)?问题.{0,8}?(?:情况|措施)",
    6: r"其他需要报告的事项|其他(?:需要)?(?:报告)?的?事项",
}

_NUMERALS = "一二三四五六七八九十"
# The ordinal comes first so that re scans for its characters at C speed; the check that
# it starts a line or follows a separator looks back from its first character.
_HEADING = re.compile(
    rf"(?P<ord>[{_NUMERALS}](?<![^\s。；;:：][{_NUMERALS}])[{_NUMERALS}]?)[ \t]*[、.．][ \t]*"
    r"(?P<title>(?:政府信息公开(?:工作)?)?(?:" + "|".join(f"(?P<t{k}>{v})" for k, v in TITLES.items()) + "))"
)

# The template's own headings, word for word: so specific that they are headings wherever they
# stand, also run into the text before them as in pages scraped onto one line
# (`…4432.52元三、收到和处理政府信息公开申请情况`), and recognised with a slip of one character
# (`四、政府信息公开行政法复议、行政诉讼情况`, reported by RL507).
EXACT = {
    1: ("总体情况",),
    2: ("主动公开政府信息情况",),
    3: ("收到和处理政府信息公开申请情况",),
    4: ("政府信息公开行政复议、行政诉讼情况", "因政府信息公开工作被申请行政复议、提起行政诉讼情况"),
    5: ("存在的主要问题及改进情况", "政府信息公开工作存在的主要问题及改进情况"),
    6: ("其他需要报告的事项",),
}
# The ordinal's own character first (re scans for it at C speed), then the look back that no
# numeral precedes it: a pattern that starts with a look-behind is tried at every position.
_RUN_IN = re.compile(
    rf"(?P<ord>[{_NUMERALS}](?<![{_NUMERALS}][{_NUMERALS}]))[ \t]*[、.．][ \t]*"
    # 总体情况 is too short to be a heading wherever it stands (统一、总体情况)
    r"(?P<title>" + "|".join(f"(?P<t{k}>{'|'.join(map(re.escape, v))})" for k, v in EXACT.items() if k > 1) + ")"
)
# The same headings wrapped across lines (a PDF's text layer, a one-line page re-wrapped: 三、收到
# 和处理政府信息公开申 / 请情况): a line break may stand between any two of their characters. Only
# matches holding a line break are taken from it (the rest are _HEADING's and _RUN_IN's).
_BREAK = r"[ \t]*\n?[ \t]*"
_WRAP_JOIN = r"\n?"  # between two characters of a heading's words
_RUN_IN_WRAPPED = re.compile(
    rf"(?P<ord>[{_NUMERALS}](?<![{_NUMERALS}][{_NUMERALS}])){_BREAK}[、.．]{_BREAK}"
    r"(?P<title>" + "|".join(f"(?P<t{k}>{'|'.join(_WRAP_JOIN.join(map(re.escape, w)) for w in v)})"
                             for k, v in EXACT.items()) + ")"
)
_HEADING_BEFORE = frozenset(" \t\n\r。；;:：")

# Where a heading with a slip could start: the template's own ordinal, then the first character
# of one of its wordings (the typo is looked for after it).
# The ordinal may stand alone on its line, the title on the next (二、 / 主要公开政府信息情况).
# The slip may be in the first character (OCR reads 收 as 牧): then the second is the wording's.
_SLIP_AT = re.compile(rf"(?P<ord>[一二三四五六](?<![{_NUMERALS}][一二三四五六]))[ \t]*[、.．][ \t]*(?:\n[ \t]*)?"
                      r"(?=[总主收政因存其]|[\u4e00-\u9fff][体动到府政在他])")

CN = {ch: i + 1 for i, ch in enumerate(_NUMERALS)}


def _cn_number(s: str) -> int:
    if len(s) == 1:
        return CN[s]
    if s[0] == "十":
        return 10 + CN.get(s[1], 0)
    return CN[s[0]] * 10 + (CN.get(s[1], 0) if s[1] != "十" else 0)


# A pinyin gloss a mirror wrote into the words (主動(dòng)公開): the same pattern as RL506's
# residue (rules/spam.toml [residue_once]); a bracket opening on a Latin letter says one may be.
_GLOSS_OPEN = re.compile(r"\([a-z\u00e0-\u01dc]")
_GLOSS = re.compile(r"\((?:[a-zü]{0,5}[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]{0,5})\)")


def find_sections(text: str) -> list[Section]:
    """Section headings in document order with the body each one introduces. Headings are read
    past pinyin glosses (二、主動(dòng)公開政府信息情況 is section 二; RL506 reports the glosses)."""
    if not _GLOSS_OPEN.search(text):
        return _find_sections(text)
    cuts: list[int] = []  # in the text without glosses: where each gloss was
    removed: list[int] = []  # characters removed up to and including that gloss
    parts: list[str] = []
    pos = gone = 0
    for m in _GLOSS.finditer(text):
        parts.append(text[pos:m.start()])
        gone += m.end() - m.start()
        cuts.append(m.start() - (gone - (m.end() - m.start())))
        removed.append(gone)
        pos = m.end()
    if not cuts:
        return _find_sections(text)
    parts.append(text[pos:])

    def back(i: int) -> int:
        j = bisect_right(cuts, i) - 1
        return i + (removed[j] if j >= 0 else 0)

    def back_end(i: int) -> int:  # an end sits before a gloss that starts there
        j = bisect_left(cuts, i) - 1
        return i + (removed[j] if j >= 0 else 0)

    stripped = "".join(parts)
    out = []
    for sec in _find_sections(stripped):
        h, b = sec.heading, sec.body
        heading = Span(back(h.start), back_end(h.end))
        # a body ends where the next heading starts (the glosses before it are the body's)
        body = Span(heading.end, back(b.end) if b.end < len(stripped) else len(text))
        out.append(Section(sec.number, sec.title, sec.canonical, heading, body, sec.typo_of))
    return out


def _find_sections(text: str) -> list[Section]:
    found: list[tuple[int, Optional[int], str, Span]] = []
    starts = set()
    for m in _HEADING.finditer(text):
        canonical = next((k for k in TITLES if m.group(f"t{k}")), None)
        number = _cn_number(m.group("ord"))
        found.append((number, canonical, m.group("title"), Span(m.start(), m.end())))
        starts.add(m.start())
    typos: dict[int, str] = {}
    extra = False
    for m in _RUN_IN.finditer(text):
        canonical = next(k for k in EXACT if k > 1 and m.group(f"t{k}"))
        if m.start() not in starts and _cn_number(m.group("ord")) == canonical:  # its own ordinal
            found.append((canonical, canonical, m.group("title"), Span(m.start(), m.end())))
            starts.add(m.start())
            extra = True
    # only for a part not found yet (most texts have all six: the scan would read every numeral
    # of the text for nothing)
    missing = set(EXACT) - {f[1] for f in found}
    if missing and "\n" in text:
        for m in _RUN_IN_WRAPPED.finditer(text):
            if "\n" not in m.group() or m.start() in starts:
                continue
            canonical = next(k for k in EXACT if m.group(f"t{k}"))
            if canonical not in missing or _cn_number(m.group("ord")) != canonical:
                continue
            # 总体情况 is short: a heading only where a heading may start (as _HEADING asks)
            if canonical == 1 and m.start() > 0 and text[m.start() - 1] not in _HEADING_BEFORE:
                continue
            if any(f[3].start < m.end() and m.start() < f[3].end for f in found):
                continue
            found.append((canonical, canonical, m.group("title").replace("\n", ""), Span(m.start(), m.end())))
            starts.add(m.start())
            extra = True
    present = {f[1] for f in found}
    # a slip is looked for only in a part not found yet: none when all six are there (most texts)
    for m in _SLIP_AT.finditer(text) if not present.issuperset(EXACT) else ():
        k = CN[m.group("ord")]
        if k in present or m.start() in starts:
            continue
        hit = _near(text, m.end(), EXACT[k])
        if hit is not None:
            end, wording = hit
            title = text[m.end():end].replace("\n", "")
            found.append((k, k, title, Span(m.start(), end)))
            # a heading the text stops inside (an excerpt cut at …公开申请) is the wording's
            # start, not a slip of the report
            if not (wording.startswith(title) and not text[end:].strip()):
                typos[m.start()] = wording
            present.add(k)
            extra = True
    if extra:
        found.sort(key=lambda f: f[3].start)
    sections: list[Section] = []
    for i, (number, canonical, title, span) in enumerate(found):
        body_end = found[i + 1][3].start if i + 1 < len(found) else len(text)
        sections.append(Section(number, title, canonical, span, Span(span.end, body_end), typos.get(span.start, "")))
    return sections


def _near(text: str, at: int, wordings: tuple[str, ...]) -> "Optional[tuple[int, str]]":
    """(end, wording) when the text at ``at`` is one of the wordings (of 7 or more characters)
    with one character added, dropped or changed, or (9 or more characters) one two-character
    word inside it changed, or (12 or more characters) two characters added, dropped or changed;
    None otherwise."""
    for w in wordings:
        if len(w) < 7:
            continue  # 总体情况: one character off is another phrase
        # a heading a text layer wrapped (行政法复议、行 / 政诉讼情况) is read across the break
        flat, ends = _unwrapped(text, at, len(w) + 1)
        # a whole heading ends as the wording does: prefer the candidate with its last character
        hits = [n for n in (len(w) + 1, len(w), len(w) - 1)
                if n <= len(flat) and flat[:n] != w
                and (_one_edit(flat[:n], w) or (n == len(w) >= 9 and _one_word(flat[:n], w)))]
        if hits:
            n = next((n for n in hits if flat[n - 1] == w[-1]), hits[0])
            return ends[n - 1], w
    for w in wordings:
        # a long wording with two slips (an OCR misread in a heading that had a typo, or two
        # misreads): still only this heading after its own ordinal, ending as the wording does
        # when it can
        if len(w) < _TWO_SLIPS:
            continue
        # on its own line only: read across a break, a heading cut short (…公开申请 / (本列…)
        # would take the next line's first characters as its slips
        flat = text[at:at + len(w) + 2].split("\n", 1)[0]
        ends = list(range(at + 1, at + len(flat) + 1))
        hits = [(d, flat[n - 1] != w[-1], abs(n - len(w)), n) for n in range(len(w) - 2, len(w) + 3)
                if n <= len(flat) and (d := _edits(flat[:n], w, 2)) <= 2]
        if hits:
            return ends[min(hits)[3] - 1], w
    return None


_TWO_SLIPS = 12  # characters a wording needs for two slips in it to leave it unmistakable


def _edits(a: str, b: str, limit: int) -> int:
    """Levenshtein distance of a and b, or limit + 1 when it is more than limit."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        cur = [i]
        for j, y in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x != y)))
        if min(cur) > limit:
            return limit + 1
        prev = cur
    return prev[-1] if prev[-1] <= limit else limit + 1


def _unwrapped(text: str, at: int, n: int) -> "tuple[str, list[int]]":
    """Up to n characters from ``at``, across at most two line breaks (with the spaces around
    them), and where each one ends in the text."""
    chars: list[str] = []
    ends: list[int] = []
    breaks = 0
    i = at
    while i < len(text) and len(chars) < n:
        ch = text[i]
        if ch == "\n":
            breaks += 1
            if breaks > 2 or not chars:
                break
            while chars and chars[-1] in " \t":
                chars.pop()
                ends.pop()
            i += 1
            while i < len(text) and text[i] in " \t":
                i += 1
            continue
        chars.append(ch)
        i += 1
        ends.append(i)
    return "".join(chars), ends


def _one_word(a: str, b: str) -> bool:
    """Whether a and b (of one length) differ in exactly two adjacent characters: one two-character
    word written as another (主动公开政府政府情况: 信息 as 政府), not in the first or last word."""
    diff = [i for i, (x, y) in enumerate(zip(a, b)) if x != y]
    return len(diff) == 2 and diff[1] == diff[0] + 1 and diff[0] >= 2 and diff[1] <= len(a) - 3


def _one_edit(a: str, b: str) -> bool:
    """Whether a and b differ by exactly one insertion, deletion or substitution."""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i:] == b[i + 1:]
