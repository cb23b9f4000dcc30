"""From the bytes of a file to the text the linter analyses, and back to file positions.

A ``Source`` holds the decoded file exactly as written (``original``) and a normalised
analysis text (``text``): line ends unified, invisible characters dropped, left-over HTML
entities resolved, full-width ASCII folded and traditional characters simplified. Every
offset into ``text`` maps exactly back to a 1-based line/column (in code points) of the
original, so findings point at what the user sees in their editor.

Nothing else in report-lint knows about encodings or OpenCC. OpenCC and charset-normalizer
are imported only when a file needs them, so importing this module stays cheap.
"""

from __future__ import annotations

import codecs
import os
import re
import stat
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import cached_property
from itertools import accumulate

__all__ = ["InputError", "MAX_BYTES", "Source", "decode", "from_bytes", "from_rendering", "from_text", "load",
           "read_bytes", "read_stdin"]

MAX_BYTES = 20 * 1024 * 1024  # text: a report's text is well under 1 MB
MAX_FILE_BYTES = 100 * 1024 * 1024  # a file read (a PDF with scanned pages can be large)


class InputError(Exception):
    """Input that cannot be read as a report. Never a traceback for the user."""

    def __init__(self, code: str, message_zh: str, message_en: str):
        # All three in args so the exception survives pickling (multiprocessing).
        super().__init__(code, message_zh, message_en)
        self.code = code
        self.message_zh = message_zh
        self.message_en = message_en

    def message(self, lang: str = "zh") -> str:
        return self.message_en if lang.lower().startswith("en") else self.message_zh

    def __str__(self) -> str:
        return self.message_en


def _empty() -> InputError:
    return InputError("empty", "文件为空", "the file is empty")


def _too_large(size: int, limit: int = MAX_BYTES) -> InputError:
    mb, cap = size / (1024 * 1024), limit // (1024 * 1024)
    return InputError(
        "too-large",
        f"文件太大（{mb:.1f} MB，上限 {cap} MB）：请检查是否选错了文件",
        f"the file is too large ({mb:.1f} MB, limit {cap} MB); is it the right file?",
    )


# --------------------------------------------------------------------------- decoding

_BOMS = (  # UTF-32 first: its LE BOM starts with the UTF-16 LE BOM
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_SAVE_AS_TXT = "请先另存为 .txt（纯文本）再检查"
_MAGIC = (  # (prefix, what it is in Chinese, in English)
    (b"%PDF", "PDF 文件", "a PDF file"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "旧版 Word/Excel/WPS 文件（.doc/.xls/.wps）",
     "an old Word/Excel/WPS file"),
    (b"{\\rtf", "RTF 文档", "an RTF document"),
    (b"\x89PNG\r\n\x1a\n", "PNG 图片", "a PNG image"),
    (b"\xff\xd8\xff", "JPEG 图片", "a JPEG image"),
    (b"GIF87a", "GIF 图片", "a GIF image"),
    (b"GIF89a", "GIF 图片", "a GIF image"),
)
_ZIP_KINDS = (  # ZIP containers, told apart by the member names they carry
    (b"word/", "Word 文档（.docx）", "a Word document (.docx)"),
    (b"xl/", "Excel 表格（.xlsx）", "an Excel workbook (.xlsx)"),
    (b"ppt/", "PowerPoint 文件（.pptx）", "a PowerPoint file (.pptx)"),
    (b"OFD.xml", "OFD 版式文件", "an OFD document"),
)

# Bytes that are not control characters (\t \n \f \r count as text); translate() with
# delete=_TEXT_BYTES leaves only the control bytes, counted at C speed.
_TEXT_BYTES = bytes(b for b in range(256) if (b >= 0x20 and b != 0x7F) or b in b"\t\n\f\r")
_CONTROL_CHARS = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f]")
_SNIFF = 65536

# Very common report characters in both scripts: text decoded with the wrong legacy codec
# is mojibake and contains few of them.
_COMMON = "的政府信息公开開工作年度报報告申请請情况況本年数數件和在为為行区區县縣市局办辦理复復议議诉訴讼訟"

# Unicode whitespace plus the invisible characters: a file of only these is empty.
_BLANK = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007"
    "\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff\u200b\u200c\u200d\u2060\u00ad"
)


def _binary(what_zh: str, what_en: str) -> InputError:
    hint = "图片里的文字无法检查：请提供报告的文字版本（.txt）" if "图片" in what_zh else _SAVE_AS_TXT
    hint_en = "save it as .txt first"
    if "旧版" in what_zh:  # an old Office file: the formats report-lint reads are one Save As away
        hint, hint_en = "请在 Word 或 WPS 中另存为 .docx 或 PDF 后再检查", "save it as .docx or PDF in Word or WPS first"
    space = " " if what_zh[0].isascii() else ""  # 这是 PDF 文件, 这是二进制文件
    return InputError(
        "binary",
        f"这是{space}{what_zh}，不是纯文本：{hint}",
        f"this is {what_en}, not plain text; {hint_en}",
    )


def _sniff_magic(data: bytes) -> InputError | None:
    head = data[:1024].lstrip()  # PDF and RTF writers sometimes emit leading whitespace
    if data.startswith(b"PK\x03\x04"):
        for marker, zh, en in _ZIP_KINDS:
            if marker in data:
                return _binary(zh, en)
        return _binary("ZIP 压缩包", "a ZIP archive")
    for magic, zh, en in _MAGIC:
        if head.startswith(magic):
            return _binary(zh, en)
    return None


def _sniff_utf16(data: bytes) -> str | None:
    """UTF-16 without BOM: ASCII characters put their NUL byte always at the same parity.

    Only mostly, as CJK characters such as 一 (U+4E00) put a NUL at the other one.
    """
    sample = data[:_SNIFF]
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if odd > 3 * even:
        return "utf-16-le"
    if even > 3 * odd:
        return "utf-16-be"
    return None


def _looks_binary(text: str) -> bool:
    sample = text[:_SNIFF]
    return len(_CONTROL_CHARS.findall(sample)) * 20 > len(sample)


def _score(text: str) -> int:
    return sum(map(text.count, _COMMON))


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def _decode_unicode(data: bytes, encoding: str) -> str:
    text = _strict(data, encoding)
    if text is None:
        raise InputError(
            "undecodable",
            f"文件看起来是 {encoding.upper()} 编码，但内容已损坏，无法解码",
            f"the file looks like {encoding} but cannot be decoded",
        )
    if _looks_binary(text):
        raise _binary("二进制文件", "a binary file")
    return text


def _decode_legacy(data: bytes) -> tuple[str, str] | None:
    """GB18030 or Big5 (cp950, HKSCS): Big5 bytes usually also decode as GB18030 mojibake."""
    candidates = []
    gb = _strict(data, "gb18030")
    if gb is not None:
        candidates.append((gb, "gb18030"))
    for enc in ("big5", "cp950", "big5hkscs"):
        big5 = _strict(data, enc)
        if big5 is not None:
            candidates.append((big5, enc))
            break
    if len(candidates) < 2:
        return candidates[0] if candidates else None
    # Stable max: GB18030 wins a tie (mainland reports are the vast majority).
    return max(candidates, key=lambda c: _score(c[0]))


def _decode_lossy(data: bytes) -> tuple[str, str] | None:
    """A few bad bytes (a truncated download, one stray byte) must not make a report unreadable.

    They become U+FFFD, visible in the text; the wrong codec produces far more of them.
    """
    best = None
    for enc in ("utf-8", "gb18030"):
        text = data.decode(enc, errors="replace")
        bad = text.count("\ufffd")
        if bad <= max(3, len(data) // 500) and (best is None or bad < best[0]):
            best = bad, text, enc
    return best and best[1:]


def _decode_guess(data: bytes) -> tuple[str, str] | None:
    try:
        from charset_normalizer import from_bytes as detect

        best = detect(data).best()
        if best is None:
            return None
        return str(best), codecs.lookup(best.encoding).name
    except Exception:  # a detector failure is just "could not decode"
        return None


def decode(data: bytes) -> tuple[str, str]:
    """Return (text, encoding_name). Raises InputError for empty/binary/undecodable."""
    if not isinstance(data, bytes):
        data = bytes(data)
    if len(data) > MAX_BYTES:
        raise _too_large(len(data))
    if not data:
        raise _empty()
    text, encoding = _decode(data)
    if not text.strip(_BLANK):
        raise _empty()
    return text, encoding


def _decode(data: bytes) -> tuple[str, str]:
    if (err := _sniff_magic(data)) is not None:
        raise err
    for bom, name in _BOMS:
        if data.startswith(bom):
            return _decode_unicode(data[len(bom) :], name.removesuffix("-sig")), name
    if b"\x00" in data:  # never in UTF-8 or legacy text; UTF-16 has plenty
        encoding = _sniff_utf16(data)
        text = _strict(data, encoding) if encoding else None
        if text is None or _looks_binary(text):
            raise _binary("二进制文件", "a binary file")
        return text, encoding
    sample = data[:_SNIFF]
    if len(sample.translate(None, _TEXT_BYTES)) * 20 > len(sample):
        raise _binary("二进制文件", "a binary file")
    text = _strict(data, "utf-8")
    if text is not None:
        return text, "utf-8"
    found = _decode_legacy(data) or _decode_lossy(data) or _decode_guess(data)
    if found is None:
        raise InputError(
            "undecodable",
            "无法识别文件编码（不是 UTF-8、GB18030 或 UTF-16）：请用记事本另存为 UTF-8 编码的 .txt",
            "cannot determine the file's encoding (not UTF-8, GB18030 or UTF-16); save it as UTF-8",
        )
    return found


# ---------------------------------------------------------------------- normalisation

# Length-changing edits, done in one regex pass: line ends, invisible characters, entities.
# (One pass, not three: an entity broken up by a zero-width character stays an entity's text.)
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"  # zero-width, word joiner, BOM, soft hyphen
_EDIT_HINTS = "\r&" + _INVISIBLE
_EDIT_RE = re.compile(
    r"\r\n?"
    rf"|[{_INVISIBLE}]+"
    # Space entities, also double-escaped (&amp;nbsp;) as scraped pages often have them;
    # without ";" only where HTML itself would accept it.
    r"|&(?:amp;)?(?:nbsp|ensp|emsp)(?:;|(?![a-z]))"
    r"|&(?:amp;)?#0*(?:160|8194|8195|12288)(?:;|(?![0-9]))"
    r"|&(?:amp;)?#x0*(?:a0|2002|2003|3000)(?:;|(?![0-9a-f]))"
    r"|&(?:amp|lt|gt|quot);",
    re.IGNORECASE,
)
_CHAR_ENTITIES = {"&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"'}

# 1:1 width folding. Not NFKC: that changes lengths and characters (①, ㈠) we must keep.
_FOLD = {chr(c): chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F)}
_FOLD.update(dict.fromkeys("\u3000\u00a0\u202f\u205f", " "))
_FOLD.update(dict.fromkeys(map(chr, range(0x2000, 0x200B)), " "))
# Radicals that PDF text layers put in place of the ideographs they look like (⼀ for 一, ⺠ for
# 民): folded 1:1 from data/compat_chars.txt, read only when a text has one. The ranges are
# exactly the file's (a test checks it).
_RADICALS = "\u2e81-\u2e99\u2e9b-\u2ef3\u2f00-\u2fd5"
_FOLD_RE = re.compile(f"[{''.join(_FOLD)}{_RADICALS}]")
_COMPAT_FILE = os.path.join(os.path.dirname(__file__), "data", "compat_chars.txt")


def _fold_char(ch: str) -> str:
    to = _FOLD.get(ch)
    if to is None:  # a radical: the table joins _FOLD the first time one is met
        with open(_COMPAT_FILE, encoding="utf-8") as f:
            _FOLD.update((ln[0], ln[1]) for ln in f.read().split("\n") if len(ln) == 2)
        to = _FOLD.get(ch, ch)
    return to

_TRAD_FILE = os.path.join(os.path.dirname(__file__), "data", "trad_chars.txt")
_trad: frozenset[str] | None = None
_trad_re: re.Pattern | None = None
_cc = None


def _trad_chars() -> frozenset[str]:
    global _trad
    if _trad is None:
        with open(_TRAD_FILE, encoding="utf-8") as f:
            lines = f.read().split("\n")
        _trad = frozenset("".join(ln for ln in lines if not ln.startswith("#")))
    return _trad


def _has_traditional(text: str) -> bool:
    """Whether any character of text is one that OpenCC t2s changes."""
    global _sets_asked
    if _trad_re is None and _sets_asked < _SEARCH_AFTER:
        # Compiling the search below takes ~5 ms and saves ~60 µs a report after that: the
        # first reports of a process (all of them for `report-lint 年报.txt`) ask a set.
        _sets_asked += 1
        return not _trad_chars().isdisjoint(set(text))
    return _trad_search(text)


_SEARCH_AFTER = 100
_sets_asked = 0


def _trad_search(text: str) -> bool:
    """_has_traditional() by one regex search: 5x faster than a set of the text's characters."""
    global _trad_re
    trad = _trad_chars()
    if _trad_re is None:
        # re makes a bitmap of a class of BMP characters but would compare astral ones one
        # by one for every character searched: any astral character matches, the set decides.
        bmp = "".join(sorted(c for c in trad if c <= "\uffff"))  # one order: the regex cache's key
        _trad_re = re.compile(f"[{bmp}\U00010000-\U0010ffff]")
    return any(m.group() in trad for m in _trad_re.finditer(text))


def _converter():
    global _cc
    if _cc is None:
        import opencc

        _cc = opencc.OpenCC("t2s")
    return _cc


def _convert(s: str) -> str:
    try:
        return _converter().convert(s)
    except UnicodeError:  # lone surrogates cannot reach OpenCC: convert around them
        parts = re.split("([\ud800-\udfff]+)", s)
        return "".join(p if i % 2 else _converter().convert(p) for i, p in enumerate(parts))


def _t2s(text: str) -> str:
    """Traditional -> simplified, never changing the length of any character's slot."""
    conv = _convert(text)
    if len(conv) == len(text):  # every OpenCC 1.4 table entry keeps its length
        return conv
    lines = []
    for line in text.split("\n"):
        c = _convert(line)
        if len(c) != len(line):
            # Characters alone, separated so no phrase spans them; keep any that would resize.
            alone = _convert("\n".join(line)).split("\n")
            if len(alone) != len(line):
                alone = list(line)
            c = "".join(a if len(a) == 1 else o for a, o in zip(alone, line))
        lines.append(c)
    return "\n".join(lines)


# The offset map: two parallel lists of breakpoints, normalised offsets and the original
# offsets of the characters there; between breakpoints the map is linear. Where an offset
# repeats, the later entry wins (bisect_right finds it). None means identity.
_Map = tuple[list[int], list[int]]


def _edit(s: str) -> tuple[str, _Map]:
    """Apply the length-changing edits; map each result character to its first original one.

    Deleted characters belong to no result character: the map skips over them.
    """
    s2 = s.replace("\r\n", "\n")
    if not any(c in s2 for c in _EDIT_HINTS):  # Windows line ends only: the common case
        ends = list(accumulate(len(line) + 2 for line in s.split("\r\n")[:-1]))
        return s2, ([0, *(e - k for k, e in enumerate(ends, 1))], [0, *ends])
    parts: list[str] = []
    ns, os_ = [0], [0]
    pos = norm = 0
    for m in _EDIT_RE.finditer(s):
        a, b = m.span()
        g = m.group()
        parts.append(s[pos:a])
        norm += a - pos
        pos = b
        if g[0] == "\r":
            parts.append("\n")
            norm += 1
            if b - a == 1:  # a lone CR is a 1:1 replacement
                continue
        elif g[0] == "&":
            parts.append(_CHAR_ENTITIES.get(g.lower(), " "))
            norm += 1
        # else invisible characters, deleted
        ns.append(norm)
        os_.append(b)
    parts.append(s[pos:])
    return "".join(parts), (ns, os_)


def _lookup(m: _Map | None, i: int) -> int:
    if m is None:
        return i
    ns, os_ = m
    j = bisect_right(ns, i) - 1
    return os_[j] + i - ns[j]


def _lookup_end(m: _Map, i: int) -> int:
    """Where the characters before offset ``i`` end: an entry at ``i`` itself that ends the
    previous run (inputs.render keeps one before a jump) wins over the next run's start."""
    ns, os_ = m
    j = bisect_left(ns, i)
    if j < len(ns) and ns[j] == i:
        return os_[j]
    j -= 1
    return os_[j] + i - ns[j]


@dataclass(eq=False)
class Source:
    """A decoded report: the original text, the analysis text and the map between them."""

    path: str  # as given by the user ("-" or a --stdin-filename for stdin)
    original: str  # decoded text exactly as in the file: BOM removed, line ends untouched
    text: str  # normalised analysis text
    encoding: str
    traditional: bool  # traditional->simplified conversion changed something
    _map: _Map | None = field(default=None, repr=False)
    # What the file was: "text", "html", "docx" or "pdf". For html, ``original`` is the page's
    # source and the text is read from its rendering; for docx and pdf, ``original`` is the
    # rendering itself (what `report-lint text` prints), there being no text file to point into.
    format: str = "text"
    _outer: _Map | None = field(default=None, repr=False)  # rendering -> original (html)
    _places: "object | None" = field(default=None, repr=False)  # inputs.render.Places

    def _check(self, offset: int) -> None:
        if not 0 <= offset <= len(self.text):
            raise IndexError(f"offset {offset} outside 0..{len(self.text)}")

    def to_original(self, offset: int) -> int:
        """Normalised offset -> original offset; len(text) maps to len(original)."""
        self._check(offset)
        if self._outer is None:
            return _lookup(self._map, offset)
        return _lookup(self._outer, _lookup(self._map, offset))

    def locate(self, start: int, end: int, lang: str = "zh") -> "tuple[str, dict] | None":
        """Where [start, end) of the analysis text is in a structured file, in words and as
        numbers (``表3 第5行第2列``, {"table": 3, "row": 5, "column": 2}); None for text files."""
        if self._places is None:
            return None
        self._check(start)
        self._check(end)
        return self._places.describe(_lookup(self._map, start), _lookup(self._map, end), lang)

    def text_position(self, offset: int) -> tuple[int, int]:
        """Normalised offset -> 1-based (line, column) in the analysis text itself."""
        self._check(offset)
        starts = self._text_line_starts
        i = bisect_right(starts, offset) - 1
        return i + 1, offset - starts[i] + 1

    def text_line(self, line: int) -> str:
        """A line (1-based) of the analysis text, what `report-lint text` prints."""
        starts = self._text_line_starts
        if not 1 <= line <= len(starts):
            raise IndexError(f"line {line} outside 1..{len(starts)}")
        end = starts[line] - 1 if line < len(starts) else len(self.text)
        return self.text[starts[line - 1] : end]

    @cached_property
    def _text_line_starts(self) -> list[int]:
        return [0, *accumulate(len(ln) + 1 for ln in self.text.split("\n")[:-1])]

    def position(self, offset: int) -> tuple[int, int]:
        """Normalised offset -> 1-based (line, column) in code points of the original."""
        return self._line_col(self.to_original(offset))

    def end_position(self, end: int) -> tuple[int, int]:
        """(line, column) just after the last original character a span ending at ``end`` covers.

        An &nbsp; normalised to one space covers all six characters; invisible characters
        deleted after the span's last character are not covered.
        """
        return self._line_col(self.end_original(end))

    def end_original(self, end: int) -> int:
        """The original offset just after the last character a span ending at ``end`` covers."""
        if self._outer is not None:
            self._check(end)
            orig = _lookup_end(self._outer, _lookup(self._map, end))
        else:
            orig = self.to_original(end)
        if self._map is not None:  # without a map nothing was deleted
            while orig and self.original[orig - 1] in _INVISIBLE:
                orig -= 1
        return orig

    def line_text_at(self, orig: int) -> str:
        """The original line holding original offset ``orig``, without its line end (what
        line_text gives for its number)."""
        s = self.original
        if "\r" in s:
            return self.line_text(self._line_col(orig)[0])
        end = s.find("\n", orig)
        return s[s.rfind("\n", 0, orig) + 1:len(s) if end < 0 else end]

    def line_text(self, line: int) -> str:
        """The original line (1-based) without its line end."""
        starts = self._line_starts
        if not 1 <= line <= len(starts):
            raise IndexError(f"line {line} outside 1..{len(starts)}")
        end = starts[line] if line < len(starts) else len(self.original)
        return self.original[starts[line - 1] : end].rstrip("\r\n")

    def context_key(self, start: int, end: int) -> str:
        """What a finding on [start, end) is about, from the analysis text (fingerprints.py)."""
        from .fingerprints import context_key

        return context_key(self.text, start, end)

    def excerpt(self, lines, text_lines=()) -> "Excerpt":
        """Only the given original lines (1-based), and lines of the analysis text (for the
        formats whose findings are shown there), for reporters after a batch: a few lines
        kept per file instead of its whole text."""
        count = self.line_count
        keep = {n: self.line_text(n) for n in lines if 1 <= n <= count}
        shown = {}
        for n in text_lines:
            try:
                shown[n] = self.text_line(n)
            except IndexError:
                pass
        return Excerpt(self.path, self.encoding, self.traditional, count, keep, self.format, shown)

    @property
    def line_count(self) -> int:
        """Lines in the original; a final line end does not start another line. (Counted, not
        read off _line_starts: a file without findings never needs those.)"""
        s = self.original
        if not s:
            return 0
        breaks = s.count("\n") + (s.count("\r") - s.count("\r\n") if "\r" in s else 0)
        return breaks + 1 - (s[-1] in "\r\n")

    @cached_property
    def _line_starts(self) -> list[int]:
        s = self.original
        if "\r" in s:  # the same lengths with one "\n" ending each line (a regex is 2x slower)
            s = s.replace("\r\n", " \n").replace("\r", "\n")
        # map, accumulate and int.__add__: no Python step per line
        return [0, *accumulate(map((1).__add__, map(len, s.split("\n")[:-1])))]

    def _line_col(self, orig: int) -> tuple[int, int]:
        starts = self.__dict__.get("_line_starts")
        if starts is None:
            # The first few positions of a file are counted (most files have one finding or
            # none; a sketch asks for one): the list of line starts is made from the fifth on.
            asked = self.__dict__.get("_counted", 0)
            if asked < 4 and "\r" not in self.original:
                self.__dict__["_counted"] = asked + 1
                s = self.original
                return s.count("\n", 0, orig) + 1, orig - s.rfind("\n", 0, orig)
            starts = self._line_starts
        i = bisect_right(starts, orig) - 1
        return i + 1, orig - starts[i] + 1


@dataclass(slots=True)
class Excerpt:
    """What reporters read of a Source (path, encoding, line_text) for some lines only."""

    path: str
    encoding: str
    traditional: bool
    line_count: int
    lines: dict
    format: str = "text"
    text_lines: dict = field(default_factory=dict)

    def line_text(self, line: int) -> str:
        try:
            return self.lines[line]
        except KeyError:
            raise IndexError(f"line {line} was not kept") from None

    def text_line(self, line: int) -> str:
        try:
            return self.text_lines[line]
        except KeyError:
            raise IndexError(f"line {line} of the text was not kept") from None


def _build(path: str, original: str, encoding: str, rendered: str | None = None) -> Source:
    """The Source of ``original``; ``rendered``: the text it is read from, when that is not the
    original itself (a web page's rendering: the caller adds the map back to the page)."""
    text = original if rendered is None else rendered
    offset_map = None
    if any(c in text for c in _EDIT_HINTS):
        text, offset_map = _edit(text)
        if len(offset_map[0]) == 1:  # only 1:1 edits (lone CRs): identity
            offset_map = None
    traditional = False
    # One replace per distinct character to fold (a report has a dozen or so): each search
    # starts where the last one found a character, as none are left before it.
    # (str.translate and set(text) make an object per character: several times slower.)
    m = _FOLD_RE.search(text)
    while m:
        ch = m.group()
        to = _fold_char(ch)
        text = text.replace(ch, to)
        m = _FOLD_RE.search(text, m.start() + (to == ch))
    if "**" in text:
        # markdown bold (a converter's 统计时限为 **2024** 年): layout, not text; blanked in
        # place so that every position stays where it was
        text = text.replace("**", "  ")
    if _has_traditional(text):
        simplified = _t2s(text)
        traditional = simplified != text
        text = simplified
    return Source(path, original, text, encoding, traditional, offset_map)


def from_bytes(data: bytes, path: str = "<bytes>") -> Source:
    """The one place where bytes become a Source: the format is told by the content (magic
    bytes, zip members, markup) and the name; anything but plain text is read by its module
    in report_lint.inputs, imported only then."""
    from .inputs.detect import detect

    kind = detect(data, path)
    if kind == "text":
        original, encoding = decode(data)
        return _build(path, original, encoding)
    from .inputs import read

    return read(kind, data, path)


def from_rendering(path: str, original: str, encoding: str, fmt: str, builder, rendered: bool = False) -> Source:
    """A Source for a structured file from what its inputs module wrote (an
    inputs.render.Builder). ``rendered=False``: the rendering is the original (docx, pdf);
    True: ``original`` is the file's own text and the builder maps the rendering onto it."""
    text = builder.text()
    if not text.strip(_BLANK):
        raise _empty_document(fmt)
    if rendered:
        src = _build(path, original, encoding, text)
        src._outer = builder.offset_map()
    else:
        src = _build(path, text, encoding)
    src.format = fmt
    src._places = builder.result()
    return src


def _empty_document(fmt: str) -> InputError:
    what = {"html": ("网页中没有找到正文文字", "the page has no text"),
            "docx": ("Word 文档中没有文字", "the Word document has no text"),
            "pdf": ("PDF 中没有文字", "the PDF has no text")}.get(fmt, ("文件中没有文字", "the file has no text"))
    return InputError("empty", *what)


def from_text(original: str, path: str = "<text>") -> Source:
    """A Source for already-decoded text (tests, stdin). Blank text is an InputError too."""
    if original.startswith("\ufeff"):
        original = original[1:]
    if not original.strip(_BLANK):
        raise _empty()
    return _build(path, original, "unicode")


def load(path: str | os.PathLike, roots: tuple[str, ...] | None = None) -> Source:
    """Read a file (never modifying it) and build its Source. ``roots``: the real folders a
    file found in a folder must lie in (checked on the file actually opened)."""
    name = os.fsdecode(path)
    return from_bytes(read_bytes(name, roots=roots), name)


def read_stdin() -> bytes:
    """Standard input, with the size limit of files; closed standard input is an InputError."""
    import sys

    stream = sys.stdin
    if stream is None:
        raise InputError("stdin-closed", "标准输入已关闭，无法读取", "standard input is closed")
    try:
        data = stream.buffer.read(MAX_FILE_BYTES + 1)
    except (OSError, ValueError) as e:
        raise InputError("stdin-closed", "无法读取标准输入", f"cannot read standard input: {e}") from None
    if len(data) > MAX_FILE_BYTES:
        raise _too_large(len(data), MAX_FILE_BYTES)
    return data


def read_bytes(name: str, *, roots: tuple[str, ...] | None = None, limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of a regular file, at most ``limit`` (more is an InputError).

    Opened without blocking, so a FIFO or a device named here is refused instead of hanging the
    run; standard input named as a path (/dev/stdin) is read as standard input. With ``roots``
    the file opened must lie inside one of them (a symlink swapped after the folder walk)."""
    from .discover import display, inside

    shown = display(name)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(name, flags)
    except (FileNotFoundError, NotADirectoryError):
        raise InputError("not-found", f"找不到文件：{shown}", f"file not found: {shown}") from None
    except IsADirectoryError:
        raise _is_dir(shown) from None
    except PermissionError:
        if os.path.isdir(name):  # Windows reports a directory as permission denied
            raise _is_dir(shown) from None
        raise InputError("unreadable", f"没有权限读取文件：{shown}", f"permission denied: {shown}") from None
    except (OSError, ValueError) as e:  # ValueError: a NUL in the path
        raise _unreadable(shown, e) from None
    try:
        st = os.fstat(fd)
        if _is_stdin(st):
            os.close(fd)
            fd = -1
            return read_stdin()
        if stat.S_ISDIR(st.st_mode):
            raise _is_dir(shown)
        if not stat.S_ISREG(st.st_mode):
            raise InputError("not-regular", f"这不是普通文件（可能是管道或设备），不予读取：{shown}",
                             f"not a regular file (a pipe or a device?), not read: {shown}")
        if roots is not None:
            real = _real_path(fd, name)
            if not inside(real, roots):
                raise InputError("outside", f"未读取：{shown} 指向所检查文件夹之外（{display(real)}）",
                                 f"not read: {shown} leads outside the folders being checked ({display(real)})")
        if st.st_size > limit:
            raise _too_large(st.st_size, limit)
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        # Ask for what st_size announces (a file may grow while read: go on up to the limit).
        chunks = [os.read(fd, st.st_size + 1)]
        total = len(chunks[0])
        while total > st.st_size and total <= limit:
            more = os.read(fd, min(1 << 20, limit + 1 - total))
            if not more:
                break
            chunks.append(more)
            total += len(more)
        if total > limit:
            raise _too_large(total, limit)
        return b"".join(chunks) if len(chunks) > 1 else chunks[0]
    except OSError as e:
        raise _unreadable(shown, e) from None
    finally:
        if fd >= 0:
            os.close(fd)


def _is_stdin(st: os.stat_result) -> bool:
    try:
        s0 = os.fstat(0)
    except OSError:
        return False
    return not stat.S_ISREG(st.st_mode) and (st.st_dev, st.st_ino) == (s0.st_dev, s0.st_ino)


def _real_path(fd: int, name: str) -> str:
    """Where the opened file really is (Linux: the kernel's own answer for the descriptor)."""
    try:
        real = os.readlink(f"/proc/self/fd/{fd}")
        if real.startswith("/"):
            return real
    except OSError:
        pass
    return os.path.realpath(name)


def _unreadable(shown: str, e: BaseException) -> InputError:
    reason = getattr(e, "strerror", None) or str(e)
    return InputError("unreadable", f"无法读取文件：{shown}（{reason}）", f"cannot read {shown}: {reason}")


def _is_dir(name: str) -> InputError:
    return InputError(
        "is-directory", f"这是一个文件夹，不是文件：{name}", f"this is a directory, not a file: {name}"
    )
