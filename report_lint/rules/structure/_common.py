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


class Lexicon:
    def __init__(self, table: dict) -> None:
        # Patterns first (they carry context and match longer strings), then terms, longest first.
        parts = [f"(?:{p})" for p in table.get("patterns", [])]
        parts += [re.escape(t) for t in sorted(table.get("terms", []), key=len, reverse=True)]
        self.regex = None  # the plain alternation (IGNORECASE, MULTILINE)
        self._scan = None  # the same matches, found faster (below)
        if parts:
            body, flags = "|".join(parts), re.I | re.M
            self.regex = re.compile(body, flags)
            # Most characters of a text start no match: scanned for by re in C (scan.py), 3x
            # faster on a report than the alternation behind a lookahead. The class holds both
            # cases of the first characters and what IGNORECASE folds onto ASCII letters; the
            # alternation stays case-insensitive. Where the first characters are known and
            # only ASCII ones have case.
            first = first_chars(body, flags)
            if first and len(first) < 2000 and all(c.isascii() or c.lower() == c.upper() for c in first):
                first = first | {c.lower() for c in first} | {c.upper() for c in first}
                if any(c.isascii() and c.isalpha() for c in first):
                    first |= set(_FOLDS_TO_ASCII)
                cls = "".join("\\" + c if c in "\\]^-[" else c for c in sorted(first))
                self._scan = scanner(f"(?i:{body})", cls, re.M)

    def spans(self, text: str, pos: int = 0) -> "Iterator[tuple[int, int]]":
        """(start, end) of each match in text[pos:], as ``regex.finditer`` finds them: left to
        right, none inside another."""
        if self._scan is None:
            if self.regex is not None:
                for m in self.regex.finditer(text, pos):
                    yield m.span()
            return
        for m in hits(self._scan, text, pos):
            yield m.span(HIT)


@lru_cache(maxsize=None)
def lexicon(*names: str) -> Lexicon:
    """Tables of rules/spam.toml ("spam", "porn", "residue", "residue_once"), loaded once; several
    names make one lexicon of them all (one pass over the text instead of one each)."""
    data = load_toml(data_file("rules", "spam.toml"))
    tables = [data.get(n, {}) for n in names]
    return Lexicon({"patterns": [p for t in tables for p in t.get("patterns", [])],
                    "terms": [w for t in tables for w in t.get("terms", [])]})
