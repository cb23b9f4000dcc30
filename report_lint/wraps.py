"""Line breaks that only wrap a line: a PDF's text layer, or text copied from one.

A PDF page gives its text a printed line at a time, so a sentence (and the 其中 list in it)
runs over several lines: "…共主动公示84条信息,其中通过区政府门户网站20条、襄城就业微信公众" / "号24条、…".
Read a line at a time, the list stopped at the wrap. Such a text is told by its lines: most
long lines are about as wide as the widest (the page's measure), and many of those end in the
middle of a sentence. A break after such a full line, not after the end of a sentence, and
not before a heading or a numbered item, continues the sentence. Text with a paragraph a line
(web pages, Word) has lines of every length that end with their sentences: none is soft.
"""

from __future__ import annotations

import re

_MIN_CHARS = 12  # shorter lines (headings, signatures, table cells) say nothing of the measure
_SENTENCE_END = "。!?！？;；:："
_SENTENCE_END_OR_SPACE = _SENTENCE_END + " \t\r|"
# what starts a line of its own: a heading or numbered item, a table row
_OWN_LINE = re.compile(r"[ \t]*(?:[一二三四五六七八九十]{1,3}[、.．]|[(（][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}[.、．](?!\d)|第[一二三四五六七八九十\d]+[条章节部分]|[|#])")


def _prose(line: str) -> bool:
    # a table's header or row: cells apart by |, a tab or a run of spaces
    return "|" not in line and "\t" not in line and "  " not in line.strip()  # (an indent is no gap)


def _width(line: str) -> int:
    # a CJK character is about twice as wide as a digit or a Latin letter: UTF-8 bytes are a
    # cheap measure of that (3 for a CJK character, 1 for ASCII)
    return len(line.encode("utf-8", "surrogatepass"))


def soft_breaks(text: str, spans=None) -> frozenset:
    """The offsets of the line breaks in ``text`` (in ``spans`` of it: the narrative) that only
    wrap a line (see the module)."""
    chunks = [(0, text)] if spans is None else [(sp.start, text[sp.start:sp.end]) for sp in spans]
    # most texts end their long lines with their sentences: told without measuring any line
    if sum(1 for _, chunk in chunks for ln in chunk.split("\n")
           if len(ln) >= 20 and ln[-1] not in _SENTENCE_END_OR_SPACE and _prose(ln)) < 3:
        return frozenset()
    lines: list[str] = []
    starts: list[int] = []
    for pos, chunk in chunks:
        for ln in chunk.split("\n"):
            lines.append(ln)
            starts.append(pos)
            pos += len(ln) + 1
    widths = [_width(ln.rstrip()) for ln in lines]
    long = sorted(w for ln, w in zip(lines, widths) if len(ln.strip()) >= _MIN_CHARS)
    if len(long) < 4:
        return frozenset()
    measure = long[int(len(long) * 0.9)]  # the page's measure: the 90th percentile width
    full = [w * 100 >= measure * 88 for w in widths]  # within ~12%: digits are narrower than their bytes say
    open_ = [bool(ln.rstrip()) and ln.rstrip()[-1] not in _SENTENCE_END and _prose(ln) for ln in lines]
    wrapped = sum(1 for f, o, ln in zip(full, open_, lines) if f and o and len(ln.strip()) >= _MIN_CHARS)
    if wrapped < 3 or wrapped * 4 < len(long):
        return frozenset()  # lines of every length, ending with their sentences: a line a paragraph
    out = []
    for i in range(len(lines) - 1):
        nxt = lines[i + 1]
        end = starts[i] + len(lines[i])
        if starts[i + 1] == end + 1 and full[i] and open_[i] and nxt.strip() and _OWN_LINE.match(nxt) is None:
            out.append(end)
    return frozenset(out)
