"""Helpers shared by the structure rules: ordinals, the spam/residue lexicon, table spans."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator, Optional

from ...model import Report, Span
from ...resources import data_file, load_toml
from ...scan import HIT, hits, scanner

ORDINALS = "一二三四五六七八九十"
SECTION_NAMES = {
    1: ("总体情况", "overall situation"),
    2: ("主动公开政府信息情况", "proactive disclosure"),
    3: ("收到和处理政府信息公开申请情况", "requests received and handled"),
    4: ("政府信息公开行政复议、行政诉讼情况", "administrative reviews and lawsuits"),
    5: ("存在的主要问题及改进情况", "main problems and improvements"),
    6: ("其他需要报告的事项", "other matters"),
}


def cn(n: int) -> str:
    """1..99 as a Chinese ordinal (一, 十, 十二, 二十一)."""
    if 1 <= n <= 10:
        return ORDINALS[n - 1]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else ORDINALS[tens - 1]) + "十" + (ORDINALS[ones - 1] if ones else "")


def cn_value(s: str) -> Optional[int]:
    """一..九十九 (and 两) as an int; None when it is not a Chinese numeral."""
    s = s.replace("两", "二")
    if not s or any(c not in ORDINALS for c in s):
        return None
    if len(s) == 1:
        return ORDINALS.index(s) + 1
    if s[0] == "十":
        return 10 + (ORDINALS.index(s[1]) + 1 if len(s) > 1 else 0)
    if len(s) >= 2 and s[1] == "十":
        return (ORDINALS.index(s[0]) + 1) * 10 + (ORDINALS.index(s[2]) + 1 if len(s) > 2 else 0)
    return None


def is_report(report: Report) -> bool:
    """The text has a section or a table, or is a page from inside a report (a flipbook's page
    of prose): otherwise RL002 already says it is not a report."""
    return bool(report.sections) or any(t.found for t in report.tables.values()) or report.begins_in is not None


# The end of the metadata header a crawler writes above a page's text (标题: …, 发布时间: …,
# 原文链接: …, then a line ==== 正文 ====): not the report's text.
_CRAWLER_END = re.compile(r"^=+[ \t]*正文[ \t]*=+[ \t]*$", re.M)


def crawler_header_end(text: str) -> int:
    """Where the report's text starts after a crawler's header in the first lines, else 0."""
    if text.find("正文", 0, 2000) < 0:  # most texts: no regex (an anchored one tries every position)
        return 0
    m = _CRAWLER_END.search(text, 0, min(len(text), 2000))
    return m.end() if m else 0


def table_spans(report: Report) -> list[Span]:
    return [t.span for t in report.tables.values() if t.span is not None]


def first_chars(pattern: str, flags: int) -> "Optional[set[str]]":
    """Every character a match of ``pattern`` can start with, or None when that cannot be
    told (a class like \\d or [^…], an empty match, a construct not handled here)."""
    try:
        from re import _constants as C, _parser as P  # Python 3.11+
    except ImportError:  # pragma: no cover - Python 3.10
        import sre_constants as C  # type: ignore[no-redef]
        import sre_parse as P  # type: ignore[no-redef]
    try:
        parsed = P.parse(pattern, flags)
    except Exception:
        return None

    def seq(items):
        chars: set[str] = set()
        for op, av in items:
            got = one(op, av)
            if got is None:
                return None
            chars |= got[0]
            if not got[1]:
                return chars, False
        return chars, True

    def one(op, av):
        if op is C.LITERAL:
            return {chr(av)}, False
        if op is C.IN:
            chars = set()
            for o, a in av:
                if o is C.LITERAL:
                    chars.add(chr(a))
                elif o is C.RANGE and a[1] - a[0] <= 512:
                    chars.update(map(chr, range(a[0], a[1] + 1)))
                else:
                    return None
            return chars, False
        if op is C.AT:
            return set(), True
        if op is C.SUBPATTERN:
            return seq(av[-1])
        if op is C.BRANCH:
            chars, nullable = set(), False
            for alt in av[1]:
                got = seq(alt)
                if got is None:
                    return None
                chars |= got[0]
                nullable = nullable or got[1]
            return chars, nullable
        if op in (C.MAX_REPEAT, C.MIN_REPEAT):
            got = seq(av[2])
            return None if got is None else (got[0], got[1] or av[0] == 0)
        return None

    got = seq(parsed)
    if got is None or got[1] or not got[0]:
        return None
    chars = got[0]
    if flags & re.I:
        chars = chars | {c.lower() for c in chars} | {c.upper() for c in chars}
    return chars


# Characters other than A-Z and a-z that re's IGNORECASE matches with an ASCII letter (İ ı ſ K)
_FOLDS_TO_ASCII = "\u0130\u0131\u017f\u212a"


@lru_cache(maxsize=None)  # lexicons share parts (porn's are spam's too)
def _first_of(part: str, flags: int, term: Optional[str] = None) -> "Optional[frozenset[str]]":
    """The characters a match of ``part`` can start with, as re's IGNORECASE sees them (both
    cases, and what it folds onto ASCII letters); None when not known or when a character other
    than an ASCII one has case. ``term``: the literal the part escapes (its first character is
    read off, not parsed: most parts are terms, and parsing each was most of a start's cost)."""
    first = {term[0]} if term else first_chars(part, flags)
    if not first or len(first) >= 2000 or not all(c.isascii() or c.lower() == c.upper() for c in first):
        return None
    first = first | {c.lower() for c in first} | {c.upper() for c in first}
    if any(c.isascii() and c.isalpha() for c in first):
        first |= set(_FOLDS_TO_ASCII)
    return frozenset(first)


def _groups(parts: "list[str]", firsts: "list[frozenset[str]]") -> "list[list[int]]":
    """The parts (their indexes, in order) in groups that share no first character: at any
    place of a text only one group can match."""
    owner = list(range(len(parts)))

    def root(i: int) -> int:
        while owner[i] != i:
            owner[i] = owner[owner[i]]
            i = owner[i]
        return i

    by_char: dict[str, int] = {}
    for i, chars in enumerate(firsts):
        for c in chars:
            j = by_char.setdefault(c, i)
            owner[root(i)] = root(j)
    groups: dict[int, list[int]] = {}
    for i in range(len(parts)):
        groups.setdefault(root(i), []).append(i)
    return list(groups.values())


class Lexicon:
    """An alternation of patterns and terms (IGNORECASE, MULTILINE), found in a text as
    ``finditer`` finds it, fast.

    Most characters of a text start no match: each scan is one re search in C for the possible
    first characters (scan.py). The parts are in up to three scans whose first characters
    differ: the patterns of a whole line, tried at every line break and nowhere else; where
    there are many terms, the literal terms, each of which re skips at a glance where its first
    character is not there (the commonest of them, 1 3 一, then never enter the patterns); and
    the rest. Only one scan can match at a place, so taking the leftmost match of them, again
    from its end, is the alternation's finditer (spam and residue: 0.7x the instructions of one
    scan of the whole alternation)."""

    def __init__(self, table: dict) -> None:
        # Patterns first (they carry context and match longer strings), then terms, longest first.
        parts = [f"(?:{p})" for p in table.get("patterns", [])]
        literal = [False] * len(parts)
        terms = sorted(table.get("terms", []), key=len, reverse=True)
        parts += [re.escape(t) for t in terms]
        literal += [True] * len(terms)
        flags = re.I | re.M
        self.regex = re.compile("|".join(parts), flags) if parts else None  # the plain alternation
        self._scans: "Optional[list]" = None  # the same matches, found faster
        firsts = [_first_of(p, flags, t) for p, t in zip(parts, [None] * (len(parts) - len(terms)) + terms)]
        if not parts or any(f is None for f in firsts):
            return
        split: "list[list[int]]" = [[], [], []]  # literal-term groups, the rest, those at line starts
        # Terms apart from the patterns pay for the second pass over the text only when there are
        # many of them (their first characters then start words everywhere: 开 1 3 一 作 十 …):
        # spam and porn, 2-3 terms a pattern, scan in 0.7x the instructions; residue, about one
        # term a pattern, in 1.3x.
        apart = len(terms) > 2 * (len(parts) - len(terms))
        for group in _groups(parts, firsts):
            if any("\n" in firsts[i] for i in group):
                split[2].extend(group)  # every line of a text is a place to try them: alone
            elif apart and all(literal[i] for i in group):
                split[0].extend(group)
            else:
                split[1].extend(group)
        self._scans = []
        for idx in split:
            if idx:
                idx.sort()  # the alternation's own order within each scan
                first = set().union(*(firsts[i] for i in idx))
                cls = "".join("\\" + c if c in "\\]^-[" else c for c in sorted(first))
                self._scans.append(scanner("(?i:" + "|".join(parts[i] for i in idx) + ")", cls, re.M))

    def spans(self, text: str, pos: int = 0) -> "Iterator[tuple[int, int]]":
        """(start, end) of each match in text[pos:], as ``regex.finditer`` finds them: left to
        right, none inside another."""
        scans = self._scans
        if scans is None:
            if self.regex is not None:
                for m in self.regex.finditer(text, pos):
                    yield m.span()
            return
        if len(scans) == 1:
            for m in hits(scans[0], text, pos):
                yield m.span(HIT)
            return
        # the next match of each scan from pos on (kept while it lies ahead), _DONE when none
        ahead: list = [None] * len(scans)
        while True:
            best = None
            for k, sc in enumerate(scans):
                got = ahead[k]
                if got is None or (got is not _DONE and got[0] < pos):
                    m = sc.search(text, pos)
                    got = ahead[k] = m.span(HIT) if m is not None else _DONE
                if got is not _DONE and (best is None or got[0] < best[0]):
                    best = got
            if best is None:
                return
            yield best
            pos = best[1] if best[1] > best[0] else best[0] + 1


_DONE = (-1, -1)


@lru_cache(maxsize=None)
def lexicon(*names: str) -> Lexicon:
    """Tables of rules/spam.toml ("spam", "porn", "residue", "residue_once"), loaded once; several
    names make one lexicon of them all (one pass over the text instead of one each)."""
    data = load_toml(data_file("rules", "spam.toml"))
    tables = [data.get(n, {}) for n in names]
    return Lexicon({"patterns": [p for t in tables for p in t.get("patterns", [])],
                    "terms": [w for t in tables for w in t.get("terms", [])]})
