"""Claims in the narrative: the numbers the prose states, each tied to its own clause.

Pure and deterministic: ``clauses(report)`` (or ``parse_text(text)`` for a bare string) splits
the narrative (the text before the first section heading and every section body, minus the
statistical tables) into sentences (。!? and line ends), segments (;) and clauses (, : 、), and
reads every number of a clause: Arabic (with thousands separators), Chinese numerals followed by
a unit (一件, 两宗, 十一件, 一百零五条) and percentages (9.1%, 百分之九点一).

Not counts, and never returned: years and dates (2024年, 1月, 23日), document numbers
(〔2021〕30号), ordinals (第二十条, 第1名, (一), 1.), numbers inside 《》 titles, brackets or URLs,
phone numbers and postal codes (long digit runs without a unit). A percentage is returned with
kind "percent" and never counted as a count.

Spans are offsets into ``report.source.text`` (FORMAT.md §8: a claim is tied to its clause).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Optional, Sequence

from .model import MAX_DIGITS, Span

if TYPE_CHECKING:
    from .model import Report

# Longest first: the unit is read greedily right after the number.
UNITS = (
    "万人次", "人次", "万元", "亿元", "千元", "万条", "万件", "万次", "万篇", "万个", "万人",
    "件次", "篇次", "条次",
    "件", "宗", "条", "个", "篇", "次", "元", "项", "家", "场", "期", "份", "则", "批", "人", "起", "部", "封",
    "通", "张", "本", "户", "类", "所",
)
# After a number these mean it is not a count.
_NOT_COUNT_AFTER = ("个工作日", "个月", "个小时", "年", "月", "日", "号", "名", "届", "季度", "时", "点", "分", "秒",
                    "倍", "天", "周", "岁", "位", "级", "星")
_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000, "万": 10000}
_CN = "零〇一二两三四五六七八九十百千万"

# A subject is the clause text before its number, but at most this many characters of it (the
# nearest): no wording a rule looks for lies further back (the longest subject in the real and
# synthetic reports is under 100 characters), and a bounded subject keeps the work per number
# bounded in a clause of thousands of numbers.
SUBJECT_MAX = 200

_MASK_TITLES = r"《[^《》\n]{0,120}》|〔[^〔〕\n]{0,20}〕|\[[^\[\]\n]{0,40}\]|【[^【】\n]{0,40}】"
_MASK_URLS = r"https?://[\x21-\x7e]+|www\.[\x21-\x7e]+"
_MASK_NO_EMAIL = re.compile(rf"{_MASK_TITLES}|{_MASK_URLS}")
# An e-mail address. Tried at every word character (every Chinese character), the plain pattern
# reads on to the end of the run each time: quadratic in a long run with an @ somewhere in the
# text. A match can start inside a run only where an earlier match (a URL) cut the run, so it is
# looked for there (_EMAIL.match) and elsewhere only at the start of a run (_EMAIL_RUN): the same
# matches as one alternation r"titles|urls|[\w.-]+@[\w.-]+", in linear time.
_EMAIL = re.compile(r"[\w.-]+@[\w.-]+")
_EMAIL_RUN = re.compile(r"(?<![\w.-])[\w.-]+@[\w.-]+")
_SENTENCE_END = "。!?！？\n"
_SEGMENT_END = ";"
_CLAUSE_END = ",:、"
_SPLIT = re.compile(f"([{_SENTENCE_END}{_SEGMENT_END}{_CLAUSE_END}])")  # captured: split keeps the separators
_SPACE = " \t\u3000"  # trimmed off each clause
# A clause without one of these has no quantity: the last digit of a run of digits unless a
# word follows that makes it no count (2024年, 1月 17日: an Arabic number ends where its last
# run does, and _quantities drops one followed by _NOT_COUNT_AFTER), 百分之, or a Chinese
# numeral with a unit after it (一是, 统一 and 十分 are not worth parsing). Written to start
# with a character class (then told apart by look-behinds) so that the engine skips to
# candidate characters instead of trying three alternatives at every position: 2x faster,
# same answers. A run of Chinese numerals is tried from its first numeral only: from any later
# one the answer is the same (the unit after the run decides), and trying each one read the rest
# of the run again (quadratic in a run of numerals with no unit).
_HAS_NUMBER = re.compile(rf"[\d{_CN}](?:(?<=\d)(?!\d|{'|'.join(_NOT_COUNT_AFTER)})|(?<=百)分之"
                         rf"|(?<=[{_CN}])(?<![{_CN}]{{2}})[{_CN}]*[余多]?(?:{'|'.join(UNITS)}))")

# An Arabic number, \d{1,3}(?:,\d{3})+(?![\d.])|\d+(?:\.\d+)?, or a run of Chinese numerals,
# [零〇一二两三四五六七八九十][{_CN}]*: they share no character, so one scan finds what a scan for
# each would. Starting with one character class (the look-behind tells the kinds apart) lets the
# engine skip to the next candidate.
_NUMBER = re.compile(rf"[\d零〇一二两三四五六七八九十](?:(?<=\d)(?:\d{{0,2}}(?:,\d{{3}})+(?![\d.])|\d*(?:\.\d+)?)|[{_CN}]*)")
# (?<!\d): a match never starts inside a run of digits (it would have started at the run's first
# digit); without it every digit of a long run read the rest of the run again.
_PCT = re.compile(r"(?<!\d)(\d+(?:\.\d+)?) ?%")  # 9.1 %: a PDF's text layer may space it
_PCT_CN = re.compile(rf"百分之([{_CN}]+)(?:点([零〇一二三四五六七八九]+))?")


# Treated as immutable but not frozen, like model.Span: a frozen dataclass sets each field through
# object.__setattr__, which made a Quantity 4x slower to build. It still hashes by value.
@dataclass(slots=True, unsafe_hash=True)
class Quantity:
    value: Decimal
    span: Span  # the number (with its unit or % sign)
    unit: str  # "件", "万元", "%" for a percentage, "" when there is none
    kind: str  # "count" (a number with a unit) | "percent" | "number" (no unit)
    # The subject (the clause text before the number) is cut from the line when asked for: a
    # copy made for each number is quadratic memory in a clause of thousands of numbers.
    line: str = field(repr=False, compare=False)  # the text the clause was read from (shared)
    subject_start: int = field(repr=False, compare=False)  # where the subject starts in line
    subject_end: int = field(repr=False, compare=False)  # where the number starts in line
    decimals: int = 0  # printed decimals (percentages)
    approx: bool = False  # 余 / 多 / 约 / 近 / 超过 ...
    number_span: Optional[Span] = None  # the digits alone
    # the head of an item label cut off by 、 (政策、规范性文件类信息80条: "政策、"), at most 40 characters
    label: str = field(default="", repr=False, compare=False)

    @property
    def subject(self) -> str:
        """The clause text before the number, trimmed (at most SUBJECT_MAX characters of it)."""
        own = self.line[max(self.subject_start, self.subject_end - SUBJECT_MAX):self.subject_end].strip(_SUBJECT_STRIP)
        return self.label + own if self.label else own

    @property
    def int_value(self) -> Optional[int]:
        return int(self.value) if self.value == self.value.to_integral_value() else None


@dataclass(slots=True)
class Clause:
    span: Span
    text: str  # the clause as in the normalised text
    sentence: int  # index of its sentence (。!? line end)
    segment: int  # index of its segment (; inside a sentence), global
    paragraph: int  # index of its line
    sep: str = ""  # the separator that ends it ("" at the end of a region)
    # Read-only. A clause without a number (most) shares the empty tuple: three new lists for
    # each clause made building the clauses 6% slower.
    quantities: Sequence[Quantity] = ()
    # quantities by kind, sorted once: every narrative rule asks for them, many times
    counts: Sequence[Quantity] = ()
    percents: Sequence[Quantity] = ()
    # Offsets in the normalised text of the line ends inside the clause that only wrapped it (a
    # PDF's text layer): ``text`` reads on without them, so an offset into the source text and
    # an index into ``text`` differ by the breaks before it. Use index()/offset() to convert.
    breaks: Sequence[int] = ()

    def index(self, offset: int) -> int:
        """The index into ``text`` of an offset into the normalised text inside the clause."""
        return offset - self.span.start - (bisect_left(self.breaks, offset) if self.breaks else 0)

    def offset(self, index: int) -> int:
        """The offset into the normalised text of an index into ``text``."""
        o = self.span.start + index
        for b in self.breaks:
            if b > o:
                break
            o += 1
        return o

    def set_quantities(self, quantities: list[Quantity]) -> None:
        # one loop: two list comprehensions cost twice as much for the one or two quantities a
        # clause has
        counts: list[Quantity] = []
        percents: list[Quantity] = []
        for q in quantities:
            if q.kind == "count":
                counts.append(q)
            elif q.kind == "percent":
                percents.append(q)
        self.quantities = quantities
        self.counts = counts
        self.percents = percents


def cn_to_int(s: str) -> Optional[int]:
    """一 → 1, 十一 → 11, 二十 → 20, 一百零五 → 105, 两千三百 → 2300, 三万五千 → 35000; None if malformed
    or more than MAX_DIGITS digits long."""
    if not s or any(c not in _CN for c in s):
        return None
    if all(c in _CN_DIGITS for c in s):
        if len(s) == 1:
            return _CN_DIGITS[s]
        if len(s) > MAX_DIGITS:
            return None
        return int("".join(str(_CN_DIGITS[c]) for c in s)) if s[0] not in "零〇" else None
    total, section, digit = 0, 0, None
    for c in s:
        if c in _CN_DIGITS:
            if digit is not None and _CN_DIGITS[c] and digit:
                return None  # 二三十: two digits in a row
            digit = _CN_DIGITS[c]
        elif c == "万":
            section += digit or 0
            if section == 0:
                return None
            total += section * 10000
            section, digit = 0, None
        else:
            mult = _CN_UNITS[c]
            section += (1 if digit is None else digit) * mult
            digit = None
    total += section + (digit or 0)
    return total if total < 10 ** MAX_DIGITS else None


def _mask(text: str) -> str:
    # most lines have nothing to mask: a few substring tests are cheaper than the regex (and
    # spelled out: a generator over the characters cost 2.5x as much)
    if ("《" not in text and "〔" not in text and "[" not in text and "【" not in text and "@" not in text
            and "http" not in text and "www." not in text):
        return text
    if "@" not in text:
        return _MASK_NO_EMAIL.sub(_blank, text)
    out: list[str] = []
    pos = 0
    other = _MASK_NO_EMAIL.search(text)
    email = _EMAIL_RUN.search(text)
    while other is not None or email is not None:
        # the leftmost match; at the same place a title or URL (the earlier alternatives)
        m = other if email is None or (other is not None and other.start() <= email.start()) else email
        a, b = m.span()
        out.append(text[pos:a])
        out.append("□" * (b - a))
        pos = b
        if other is not None and other.start() < pos:
            other = _MASK_NO_EMAIL.search(text, pos)
        cut = _EMAIL.match(text, pos) if m is not email else None  # a run a URL cut short
        if cut is not None:
            email = cut
        elif email is not None and email.start() < pos:
            email = _EMAIL_RUN.search(text, pos)
    out.append(text[pos:])
    return "".join(out)


def _blank(m: re.Match) -> str:
    return "□" * len(m.group())


# a unit character that starts a word is not a unit: 12333人工, 3条例, 一次性, 场所, 期间
_UNIT_WORDS = ("人工", "人员", "条例", "次性", "元素", "场所", "场景", "期间", "期限", "家庭", "个性", "个人", "件事", "项目",
               "份额", "批次", "起草", "部门", "通知", "通过", "本机关", "类型", "户籍")


_UNIT_RE = re.compile("|".join(UNITS))  # UNITS is longest first, so the alternation is too


def _unit_at(text: str, i: int) -> tuple[str, int, bool]:
    """The unit right after a number at ``i``: (unit, end, approx)."""
    approx = False
    j = i
    if j < len(text) and text[j] in "余多":
        approx, j = True, j + 1
    m = _UNIT_RE.match(text, j)
    if m is None:
        return "", i, False
    u = m.group()
    if len(u) == 1 and text.startswith(_UNIT_WORDS, j):
        return "", i, False
    return u, j + len(u), approx


_SUBJECT_STRIP = " \t,:、()□“”\"'"
_APPROX = ("约", "近", "超过", "逾", "达", "超", "大约", "将近")


_APPROX_LAST = "".join(w[-1] for w in _APPROX)


def _approx_before(text: str, start: int, i: int) -> bool:
    # most numbers follow no such word: one character tells, without max() and a slice
    return i > start and text[i - 1] in _APPROX_LAST and text[max(start, i - 3):i].endswith(_APPROX)


def _quantities(text: str, masked: str, start: int, end: int, offset: int) -> list[Quantity]:
    """The numbers of clause text[start:end] (masked: the same text with titles/URLs blanked)."""
    out: list[Quantity] = []
    # percentages, as (start, end) in text order: the numbers in them are not read again
    taken: list[tuple[int, int]] = []
    # finditer over masked[start:end] in place (no pattern here looks behind the clause start;
    # _NUMBER's look-behind reads the character it has just matched)
    if masked.find("%", start, end) >= 0:
        for m in _PCT.finditer(masked, start, end):
            a, b = m.span()
            taken.append((a, b))
            num = m.group(1)
            if len(num) - ("." in num) > MAX_DIGITS:
                continue  # no percentage
            dec = len(num.split(".")[1]) if "." in num else 0
            out.append(Quantity(Decimal(num), Span(a + offset, b + offset), "%", "percent", text, start, a, dec,
                                number_span=Span(a + offset, a + len(num) + offset)))
    if masked.find("百分之", start, end) >= 0:
        cn_taken = []
        for m in _PCT_CN.finditer(masked, start, end):
            whole = cn_to_int(m.group(1))
            if whole is None:
                continue
            a, b = m.span()
            digits = m.group(2) or ""
            if len(str(whole)) + len(digits) > MAX_DIGITS:
                cn_taken.append((a, b))
                continue  # no percentage
            frac = "".join(str(_CN_DIGITS[c]) for c in digits)
            out.append(Quantity(Decimal(f"{whole}.{frac}" if frac else str(whole)), Span(a + offset, b + offset), "%",
                                "percent", text, start, a, len(frac), number_span=Span(a + offset, b + offset)))
            cn_taken.append((a, b))
        if cn_taken:  # the two kinds never overlap: merged, they stay in text order
            taken = sorted(taken + cn_taken)
    # Numbers come in text order, so the percentages they may fall in are passed once.
    t = 0
    n_taken = len(taken)
    n = len(masked)
    for m in _NUMBER.finditer(masked, start, end):
        a, b = m.span()
        if t < n_taken:
            while t < n_taken and taken[t][1] <= a:
                t += 1
            if t < n_taken and taken[t][0] < b:
                continue
        if masked[a] not in _CN:  # Arabic
            prev = masked[a - 1] if a > 0 else " "
            nxt = masked[b] if b < n else " "
            if prev in "第-/.#~～—–:\\" or prev.isascii() and prev.isalpha() or nxt in "-/~～—–" or nxt.isascii() and nxt.isalpha():
                continue  # ordinal, date, range, code, phone, version, time
            if prev == "(" and nxt == ")":
                continue  # (1)
            if nxt == "." and (b + 1 >= n or not masked[b + 1].isdigit()):
                continue  # "1." enumerator
            # a PDF's text layer puts a space between a number and the Chinese after it (84 条,
            # 2024 年): one such space does not part a number from its unit
            u = b + 1 if nxt == " " and b + 1 < n and masked[b + 1] > "\u2e7f" else b
            if masked.startswith(_NOT_COUNT_AFTER, u):
                continue
            unit, uend, approx = _unit_at(masked, u)
            digits = m.group().replace(",", "")
            if not unit and (len(digits) >= 5 and "." not in digits):
                continue  # phone, postal code, hotline (12345), serial
            if len(digits) > MAX_DIGITS and len(digits) - ("." in digits) > MAX_DIGITS:
                continue  # no quantity
            if unit == "" and masked.startswith("万", u):
                unit, uend = "万", u + 1
            out.append(Quantity(Decimal(digits), Span(a + offset, (uend if unit else b) + offset), unit,
                                "count" if unit else "number", text, start, a, 0,
                                approx or _approx_before(text, start, a), Span(a + offset, b + offset)))
            continue
        # a Chinese numeral counts only with a unit right after it, and not after 第 / inside 百分之
        # (trailing 万s without a unit after them are not part of it)
        while b > a and masked[b - 1] == "万" and not _unit_at(masked, b)[0]:
            b -= 1
        if b == a:
            continue
        s = masked[a:b]
        prev = masked[a - 1] if a > 0 else " "
        if prev in "第(星周“\"" or masked[max(0, a - 3):a] == "百分之":
            continue
        unit, uend, approx = _unit_at(masked, b)
        if not unit or masked.startswith(_NOT_COUNT_AFTER, b) or masked.startswith("个工作日", b) or masked.startswith("个月", b):
            continue
        if uend < n and masked[uend] in _CN:
            continue  # “三个一”, 两个一百年: a name made of numerals, not a count
        if unit in ("类", "所", "本", "部", "张", "户") or (s in ("一",) and unit in ("次",) and masked.startswith("次性", b)):
            continue  # 一类 / 一次性: words, not counts
        v = cn_to_int(s)
        if v is None:
            continue
        out.append(Quantity(Decimal(v), Span(a + offset, uend + offset), unit, "count", text, start, a, 0,
                            approx or _approx_before(text, start, a), Span(a + offset, b + offset)))
    if len(out) > 1:
        out.sort(key=lambda q: q.span.start)
    return out


_THOUSANDS_AFTER = re.compile(r",\d{3}(?![\d.])")
_THOUSANDS_BEFORE = re.compile(r"(?:^|[^\d,])\d{1,3}(?:,\d{3})*$")


def _is_thousands_comma(text: str, i: int) -> bool:
    # the look-back reads a 20-character slice: its ^ may match where the slice starts
    return (i > 0 and text[i - 1].isdigit() and _THOUSANDS_AFTER.match(text, i) is not None
            and _THOUSANDS_BEFORE.search(text[max(0, i - 20):i]) is not None)


def parse_text(text: str, offset: int = 0, counters: Optional[list[int]] = None) -> list[Clause]:
    """Clauses of one stretch of narrative text; spans are ``offset`` + index into ``text``."""
    masked = _mask(text)
    sent, segm, para = counters or (0, 0, 0)
    # Where the next number may start. No match spans a separator or a space, so a clause has a
    # number iff this lies before its end; searching on only from the clauses that have one reads
    # the line once, where a search of each clause re-read it (most clauses have none).
    m = _HAS_NUMBER.search(masked)
    nxt = m.start() if m else len(text)
    out: list[Clause] = []
    start = i = 0
    # An item label that holds 、 (政策、规范性文件类信息80条) is cut into clauses by it: the
    # clauses without a number before the 、 are the head of the next number's subject.
    label = ""
    # the text between separators and the separators, alternately, cut by the regex engine
    parts = _SPLIT.split(masked)
    parts.append("")  # the end of the text ends the last clause
    for piece, c in zip(parts[::2], parts[1::2]):
        i += len(piece)
        if (c == "," or c == ":") and piece[-1:].isdigit():
            if c == "," and _is_thousands_comma(masked, i):
                i += 1
                continue
            if c == ":" and i + 1 < len(masked) and masked[i + 1].isdigit():
                i += 1
                continue  # 10:30
        t = text[start:i]
        s = t.strip(_SPACE)
        if s:
            a = start if len(s) == len(t) else start + len(t) - len(t.lstrip(_SPACE))
            b = a + len(s)
            cl = Clause(Span(a + offset, b + offset), s, sent, segm, para, c)
            if nxt < b:
                qs = _quantities(text, masked, a, b, offset)
                if qs:  # a year or an ordinal alone leaves the shared empty tuples
                    if label and qs[0].kind != "percent":
                        qs[0].label = label
                    cl.set_quantities(qs)
                m = _HAS_NUMBER.search(masked, b)
                nxt = m.start() if m else len(text)
            out.append(cl)
            # bounded: a long list of labels without numbers must not grow it without end
            label = (label + s + "、")[-40:] if c == "、" and not cl.quantities and len(s) <= 16 else ""
        if c in _SENTENCE_END:  # so is "", the end of the text
            sent += 1
            segm += 1
            if c == "\n":
                para += 1
        elif c == _SEGMENT_END:
            segm += 1
        i += 1
        start = i
    if counters is not None:
        counters[:] = [sent, segm, para]
    return out


def narrative_spans(report: "Report") -> list[Span]:
    """The narrative: text before the first heading and each section body, minus table bodies."""
    text = report.source.text
    regions: list[Span] = []
    if report.sections:
        regions.append(Span(0, report.sections[0].heading.start))
        regions.extend(s.body for s in report.sections)
    else:
        regions.append(Span(0, len(text)))
    cuts = sorted((t.span for t in report.tables.values() if t.span is not None), key=lambda s: s.start)
    out: list[Span] = []
    for r in regions:
        pieces = [r]
        for c in cuts:
            nxt = []
            for p in pieces:
                if c.end <= p.start or c.start >= p.end:
                    nxt.append(p)
                    continue
                if c.start > p.start:
                    nxt.append(Span(p.start, c.start))
                if c.end < p.end:
                    nxt.append(Span(c.end, p.end))
            pieces = nxt
        out.extend(p for p in pieces if p.end > p.start)
    return out


def clauses(report: "Report") -> list[Clause]:
    """Every narrative clause of the report, in text order (made once per report)."""
    return report.derive("clauses", lambda: _clauses(report))


def percent_clauses(report: "Report") -> list[int]:
    """The indexes into clauses(report) of the clauses that state a percentage, in order (made
    once): the percentage rules look at these alone, a few of the hundred or more."""
    return report.derive("percent-clauses", lambda: [k for k, c in enumerate(clauses(report)) if c.percents])


def sentences(report: "Report") -> list[list[int]]:
    """The indexes into clauses(report) of each sentence's clauses, in order (made once)."""

    def group() -> list[list[int]]:
        out: dict[int, list[int]] = {}
        for k, c in enumerate(clauses(report)):
            out.setdefault(c.sentence, []).append(k)
        return list(out.values())

    return report.derive("sentences", group)


# A sub-heading ordinal, （二） / 二、 / 2. at a line start or after a sentence end (pages
# scraped onto one line run headings into the text: …成效。（二）依申请公开情况今年…): the
# words after it say what the paragraphs under it are about, until the next one. Written to
# start with the sentence end or space before it, so that one pass over the text skips to the
# few candidates (starting with the ordinal, it stopped at every digit and 一).
_ORDINAL = r"(?:\([一二三四五六七八九十]{1,2}\)|[一二三四五六七八九十]{1,2}、|\d{1,2}[.、](?!\d))[ \t]*([^。,;:!?\n]{1,16})"
_SUBHEAD = re.compile(r"[。!?;\s]" + _ORDINAL)
_SUBHEAD_AT_START = re.compile(_ORDINAL)


def _spans(report: "Report") -> list[Span]:
    return report.derive("narrative-spans", lambda: narrative_spans(report))


def _clauses(report: "Report") -> list[Clause]:
    text = report.source.text
    out: list[Clause] = []
    counters = [0, 0, 0]
    for sp in _spans(report):
        # whole lines only; lines that look like table rows (| or tabs) are not narrative
        pos = sp.start
        lines = text[sp.start:sp.end].split("\n")
        i = 0
        while i < len(lines):
            line, start = lines[i], pos
            pos += len(line) + 1
            joins: list[int] = []
            # a break that only wraps the line (a PDF's text layer): the sentence reads on
            if i + 1 < len(lines) and _wrapped(line, lines[i + 1]):
                parts, size = [line], len(line)
                while (i + 1 < len(lines) and _wrapped(lines[i], lines[i + 1])
                       and "|" not in lines[i + 1] and "\t" not in lines[i + 1]):
                    i += 1
                    joins.append(size)
                    parts.append(lines[i])
                    size += len(lines[i])
                    pos += len(lines[i]) + 1
                line = "".join(parts)  # (joined once: linear however many lines wrap)
            if line and "|" not in line and "\t" not in line:
                out.extend(parse_text(line, start, counters) if not joins
                           else _unjoin(parse_text(line, 0, counters), start, joins))
            counters[0] += 1
            counters[1] += 1
            counters[2] += 1
            i += 1
    return out


_WRAPPED_UNIT = frozenset("件个条宗项次人份篇元万%％")
_LINE_END = frozenset("。！？!?；;：:")


def _wrapped(line: str, nxt: str) -> bool:
    """The next line goes on with this line's sentence, whatever the text (a paragraph wrapped
    at its width: 其中予以公开3 / 件, 因本机关不掌握相关政府信息 / 无法提供 3 件): this one does not
    end a sentence and the next is no sub-heading."""
    if not line or not nxt:
        return False
    if line[-1].isdigit() and nxt[0] in _WRAPPED_UNIT:
        return True
    last = line.rstrip()[-1:]
    return bool(last) and last not in _LINE_END and _SUBHEAD_AT_START.match(nxt.lstrip()) is None


def _unjoin(found: list[Clause], start: int, joins: list[int]) -> list[Clause]:
    """The clauses of lines read as one (joined where the text only wrapped, ``joins``: where each
    break was in the joined line) placed back in the text: one more for each break before."""
    def at(i: int, end: bool) -> int:
        return start + i + (bisect_left(joins, i) if end else bisect_right(joins, i))

    for c in found:
        a, b = c.span.start, c.span.end
        c.span = Span(at(a, False), at(b, True))
        inside = [start + j + n for n, j in enumerate(joins) if a < j < b]
        if inside:
            c.breaks = tuple(inside)
        for q in c.quantities:
            q.span = Span(at(q.span.start, False), at(q.span.end, True))
            if q.number_span is not None:
                q.number_span = Span(at(q.number_span.start, False), at(q.number_span.end, True))
    return found


def topic_at(report: "Report", offset: int) -> str:
    """What the paragraph at ``offset`` is about when its clause does not say it: the words after
    the last sub-heading ordinal before it in its section ("依申请公开情况" after （二）), or the
    section's title; "" when none. Read for subjects like "本年度共办结" (claims.restated): looked
    for backwards from the offset, through the narrative only (a table's rows are not headings),
    a stretch at a time, so that a report pays for the few clauses that ask."""
    text = report.source.text
    sec = None
    for s in report.sections:
        if s.body.start <= offset:
            sec = s
    floor = sec.body.start if sec is not None else 0
    for sp in reversed(_spans(report)):
        if sp.start >= offset or sp.end <= floor:
            continue
        lo, hi = max(sp.start, floor), min(sp.end, offset)
        while hi > lo:
            a = max(lo, hi - 600)
            last = None
            for last in _SUBHEAD.finditer(text, max(lo, a - 1), hi):
                pass
            if last is not None:
                return last.group(1)
            if a == lo:
                m = _SUBHEAD_AT_START.match(text, lo, hi)
                if m is not None:
                    return m.group(1)
            hi = a + 20  # overlap: a heading cut by the stretch's start is found in the next
            if a == lo:
                break
    return sec.title if sec is not None else ""


