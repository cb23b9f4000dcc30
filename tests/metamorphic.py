"""Meaning-preserving rewrites of a report's text, imitating what a real pipeline does to it
(tests/test_real_metamorphic.py runs report-lint on each and compares with the original).

Each transform keeps every word and every number of the text and where it belongs; only the
layout changes: prose re-wrapped as a PDF text layer wraps it, table rows written as
`pdftotext -layout` / plain `pdftotext` / markitdown / OCR-to-markdown write them, page
furniture between lines, the whole text on one line (a crawl), blank lines doubled,
full-width and half-width characters swapped, simplified written as traditional, characters
of row labels and section titles misread as OCR misreads them (never a value: ocr_labels).

Table rows are found from the original's own reading: only rows read with certainty (no
inferred placement) whose lines hold nothing but the row's label, its values and separators
are rewritten; anything else stays as written. The rewriting never reorders values.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Callable

from report_lint.report import build_report
from report_lint.source import Source, from_text

# a value cell as written: a number (signed, decimal, thousands), a placeholder, or blank
_VALUE = re.compile(r"^(?:[+\-]?\d[\d,]*(?:\.\d+)?%?|[/\-—－–]|无)$")
# separators between cells in the forms of fixtures/real: pipes, tabs, line ends, space runs
_SEP = re.compile(r"\s*\|\s*|\t+|\n+|[ \u3000\u00a0]{2,}")


@dataclass
class Row:
    start: int  # original offset of the row's first line
    end: int  # original offset of the end of its last line (before the line end)
    label: list[str]  # label cells (a group label before the item is a cell of its own)
    values: list[str]  # value cells as written; "" for a blank cell


def _nfkc(s: str) -> str:
    return unicodedata.normalize("NFKC", s).strip()


def _tokens(region: str) -> list[str]:
    out: list[str] = []
    for tok in _SEP.split(region):
        tok = tok.strip()
        # values written with single spaces between them ("3 0 0 0 0 0 3"): one cell each
        parts = tok.split()
        if len(parts) > 1 and all(_VALUE.match(_nfkc(p)) for p in parts):
            out.extend(parts)
        else:
            out.append(tok)
    return out


def table_rows(src: Source) -> list[Row]:
    """The rows of the original that can be rewritten in another layout, in text order."""
    report = build_report(src)
    text = src.original
    found: list[Row] = []
    for table in report.tables.values():
        for row in table.rows.values():
            if row.unread or row.inferred or row.span is None or not row.cells:
                continue
            if any(c.kind not in ("number", "placeholder", "blank") for c in row.cells):
                continue
            spans = [c.span for c in row.cells if c.span is not None]
            if not spans:
                continue
            a = min(src.to_original(row.span.start), src.to_original(spans[0].start))
            b = max(src.end_original(s.end) for s in spans + [row.span])
            start = text.rfind("\n", 0, a) + 1
            end = text.find("\n", b)
            end = len(text) if end < 0 else end
            region = text[start:end]
            toks = _tokens(region)
            # blank cells survive only as empty tokens between pipes
            while toks and toks[-1] == "":
                toks.pop()
            while toks and toks[0] == "":
                toks.pop(0)
            raws = [c.raw.strip() for c in row.cells]
            written = [r for r in raws if r]
            nonblank = [t for t in toks if t]
            if len(nonblank) <= len(written) or not written:
                continue
            tail = nonblank[len(nonblank) - len(written):]
            if [_nfkc(t) for t in tail] != [_nfkc(r) for r in written]:
                continue
            label = nonblank[: len(nonblank) - len(written)]
            if any(_VALUE.match(_nfkc(t)) for t in label[-1:]) or not all(_VALUE.match(_nfkc(t)) for t in tail):
                continue
            # the blanks in their places, when the row says where they are
            values = written
            if any(not r for r in raws):
                seq = []
                for t in reversed(toks):
                    if len(seq) == len(raws):
                        break
                    seq.append(t)
                seq.reverse()
                if [_nfkc(t) for t in seq] != [_nfkc(r) for r in raws]:
                    continue  # cannot tell where the blank cells are: leave the row as written
                values = seq
            found.append(Row(start, end, label, values))
    found.sort(key=lambda r: r.start)
    rows: list[Row] = []
    for r in found:
        if rows and r.start <= rows[-1].end:
            continue  # two rows on one line (or overlapping): leave both as written
        rows.append(r)
    return rows


# --- row writers -----------------------------------------------------------------------------

def row_layout(r: Row) -> str:
    """`pdftotext -layout`: cells apart by runs of spaces; a blank cell is only a wider gap."""
    out = "    ".join(r.label)
    for v in r.values:
        out += "      " if not v else "     " + v
    return out


def row_layout_wrapped(r: Row) -> str:
    """`-layout` with a narrow label column: a long label wraps, the values on its last line."""
    label = "".join(r.label)
    if len(label) <= 12:
        return row_layout(r)
    return label[:10] + "\n" + row_layout(Row(r.start, r.end, [label[10:]], r.values))


def row_plain(r: Row) -> str:
    """Plain `pdftotext`: one cell a line (blank cells are not in the text layer)."""
    return "\n".join(r.label + [v for v in r.values if v])


def row_markdown(r: Row) -> str:
    """markitdown: a pipe row, blank cells kept empty."""
    return "| " + " | ".join(r.label + r.values) + " |"


def row_md_headers(r: Row) -> str:
    """OCR-to-markdown: every row its own little table under made-up header cells."""
    n = len(r.values)
    head = "| 类别 | " + " | ".join(f"数据{i + 1}" for i in range(n)) + " |"
    rule = "|" + "---|" * (n + 1)
    return head + "\n" + rule + "\n| " + " ".join(r.label) + " | " + " | ".join(r.values) + " |"


def rewrite_rows(text: str, rows: list[Row], writer: Callable[[Row], str]) -> tuple[str, list[tuple[int, int]]]:
    """The text with each row rewritten; also the (start, end) of each row in the new text."""
    out, spans, at = [], [], 0
    for r in rows:
        out.append(text[at:r.start])
        new = writer(r)
        pos = sum(map(len, out))
        spans.append((pos, pos + len(new)))
        out.append(new)
        at = r.end
    out.append(text[at:])
    return "".join(out), spans


# --- line transforms -------------------------------------------------------------------------

_NOBREAK = re.compile(r"[0-9A-Za-z０-９.,%．，％:/\-]")


def wrap(line: str, width: int) -> list[str]:
    """A prose line as a PDF text layer wraps it: ``width`` characters a line, never inside a
    number or a run of Latin letters (a PDF breaks where the text ran out of room, and a
    number is never broken across lines)."""
    if len(line) <= width:
        return [line]
    parts, cur = [], ""
    for i, ch in enumerate(line):
        if len(cur) >= width and not (_NOBREAK.match(cur[-1]) and _NOBREAK.match(ch)):
            parts.append(cur)
            cur = ""
        cur += ch
    parts.append(cur)
    return parts


def rewrap(text: str, width: int, keep: list[tuple[int, int]]) -> str:
    """Re-wrap prose lines (not table rows, not pipe lines) at ``width`` characters."""
    out, pos = [], 0
    for line in text.split("\n"):
        end = pos + len(line)
        in_row = any(s <= pos < e or s < end <= e for s, e in keep)
        if in_row or "|" in line or "\t" in line:
            out.append(line)
        else:
            out.extend(wrap(line, width))
        pos = end + 1
    return "\n".join(out)


def title_of(text: str) -> str:
    for line in text.split("\n")[:12]:
        if "年度报告" in line and len(line) <= 60:
            return line.strip()
    return "政府信息公开工作年度报告"


def paginate(text: str, every: int, footer: Callable[[int, int], str], header: str = "") -> str:
    """Page furniture every ``every`` lines: a footer line, then (on the next page) a running
    title, as a PDF's text layer has them."""
    lines = text.split("\n")
    pages = max(1, -(-len(lines) // every))
    out = []
    for i in range(0, len(lines), every):
        if i and header:
            out.append(header)
        out.extend(lines[i:i + every])
        if i + every < len(lines):
            out.append(footer(i // every + 1, pages))
    return "\n".join(out)


_FULL = {**{chr(0x30 + i): chr(0xFF10 + i) for i in range(10)},
         "(": "（", ")": "）", ",": "，", ":": "：", ";": "；", "%": "％"}
_HALF = {"（": "(", "）": ")", "，": ",", "：": ":", "；": ";", "％": "%",
         **{chr(0xFF10 + i): chr(0x30 + i) for i in range(10)}}


def to_full(text: str) -> str:
    # a decimal point between digits and a thousands comma stay what they are: only prose
    # commas become full-width (1,234 written 1，234 would be two numbers)
    text = re.sub(r"(?<!\d),|,(?!\d{3}\b)", "，", text)
    return text.translate(str.maketrans({k: v for k, v in _FULL.items() if k != ","}))


def to_half(text: str) -> str:
    # a full-width comma between digits stays (3，000 written 3,000 would be one number)
    text = re.sub(r"(?<![0-9０-９])，|，(?![0-9０-９])", ",", text)
    return text.translate(str.maketrans({k: v for k, v in _HALF.items() if k != "，"}))


_S2T = None


def to_trad(text: str) -> str:
    global _S2T
    if _S2T is None:
        import opencc

        _S2T = opencc.OpenCC("s2t")
    return _S2T.convert(text)


# --- the transforms --------------------------------------------------------------------------

def _pdf(src: Source, writer, width: int, every: int, footer, header: bool) -> str:
    text, spans = rewrite_rows(src.original, table_rows(src), writer)
    text = rewrap(text, width, spans)
    return paginate(text, every, footer, title_of(src.original) if header else "")


TRANSFORMS: dict[str, Callable[[Source], str]] = {
    # pdftotext -layout: rows on one line, prose wrapped at 38, a centred page number
    "layout": lambda s: _pdf(s, row_layout, 38, 40, lambda n, m: f"— {n} —", False),
    # -layout with a narrow label column, prose at 20, "第 n 页 共 m 页" and a running title
    "layout_wrapped": lambda s: _pdf(s, row_layout_wrapped, 20, 30, lambda n, m: f"第 {n} 页 共 {m} 页", True),
    # plain pdftotext: one cell a line, prose at 30, "- n -"
    "plain": lambda s: _pdf(s, row_plain, 30, 35, lambda n, m: f"- {n} -", False),
    # markitdown: pipe rows, paragraphs on one line
    "markdown": lambda s: rewrite_rows(s.original, table_rows(s), row_markdown)[0],
    # OCR-to-markdown: made-up header rows before each row
    "md_headers": lambda s: rewrite_rows(s.original, table_rows(s), row_md_headers)[0],
    # a crawl: every line break lost (a space where it was)
    "one_line": lambda s: " ".join(ln.strip() for ln in s.original.split("\n")),
    # blank lines doubled
    "blank_lines": lambda s: s.original.replace("\n", "\n\n"),
    "fullwidth": lambda s: to_full(s.original),
    "halfwidth": lambda s: to_half(s.original),
    "traditional": lambda s: to_trad(s.original),
}


# --- OCR label noise -------------------------------------------------------------------------

# Characters tesseract chi_sim misreads in the labels of these tables, each with what it reads
# instead (a character of the same shape); "" is a character it drops. Values are never touched.
OCR_CONFUSIONS: dict[str, tuple[str, ...]] = {
    "于": ("干",), "以": ("已",), "分": ("份",), "开": ("幵",), "息": ("患",), "收": ("牧",),
    "部": ("都",), "予": ("子",), "人": ("入",), "未": ("末",), "已": ("己",), "请": ("淸",),
    "一": ("-",), "二": ("=",), "三": ("＝",), "1": ("l",), "0": ("O",),
    "、": ("", ",", "，"), "）": ("",), ")": ("",), "。": ("",),
}


_GLOSS = re.compile(r"[(（][a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüêńňǹḿ]{1,7}[)）]")


def _ocr_noise(s: str, rng, at_most: int) -> str:
    """``s`` with one to ``at_most`` of its confusable characters misread."""
    # not inside a pinyin gloss a mirror site wrote (主動(dòng)): OCR reads pages, not mirrors
    glossed = {i for m in _GLOSS.finditer(s) for i in range(m.start(), m.end())}
    where = [i for i, ch in enumerate(s) if ch in OCR_CONFUSIONS and i not in glossed]
    if not where:
        return s
    picked = set(rng.sample(where, min(len(where), rng.randint(1, at_most))))
    return "".join(rng.choice(OCR_CONFUSIONS[ch]) if i in picked else ch for i, ch in enumerate(s))


def _rng(src: Source, seed: int):
    import os
    import random
    import zlib

    return random.Random(zlib.crc32(os.path.basename(src.path).encode()) ^ seed)


def _heading_edits(src: Source, report, rng) -> list[tuple[int, int, str]]:
    """One character misread in the title of every heading (the ordinal and its 、 stay: a
    heading OCR cannot read at all is another matter)."""
    edits = []
    for sec in report.sections:
        a, b = src.to_original(sec.heading.start), src.end_original(sec.heading.end)
        head = src.original[a:b]
        m = re.match(r"\s*[一二三四五六七八九十]+\s*[、.．]\s*", head)
        if m and "\n" not in head:
            edits.append((a + m.end(), b, _ocr_noise(head[m.end():], rng, 1)))
    return edits


def _apply(text: str, edits: list[tuple[int, int, str]]) -> str:
    edits.sort()
    out, at = [], 0
    for a, b, new in edits:
        if a < at:
            continue  # a heading inside a row's label: the row's edit stands
        out.append(text[at:a])
        out.append(new)
        at = b
    out.append(text[at:])
    return "".join(out)


def ocr_labels(src: Source, seed: int) -> str:
    """The text as OCR reads it: one or two characters misread in the label of every row the
    reader read (its span: ordinal to last label word) and one in the title of every section
    heading; values, layout and everything else as written. Deterministic for a file and seed."""
    rng = _rng(src, seed)
    text = src.original
    edits: list[tuple[int, int, str]] = []
    report = build_report(src)
    for table in report.tables.values():
        for row in table.rows.values():
            # not a row whose label was lost (its span is then its first value's)
            if row.unread or row.span is None or not row.label or (
                    row.cells and row.cells[0].span is not None and row.cells[0].span.start <= row.span.start):
                continue
            a, b = src.to_original(row.span.start), src.end_original(row.span.end)
            edits.append((a, b, _ocr_noise(text[a:b], rng, 2)))
    return _apply(text, edits + _heading_edits(src, report, rng))


def ocr_markdown(src: Source, seed: int) -> str:
    """OCR to markdown: the rows table_rows finds written as row_md_headers writes them, their
    label cells misread; then one character misread in every heading's title."""
    rng = _rng(src, seed)

    def noisy(r: Row) -> str:
        return row_md_headers(Row(r.start, r.end, [_ocr_noise(c, rng, 2) for c in r.label], r.values))

    text, _ = rewrite_rows(src.original, table_rows(src), noisy)
    rewritten = from_text(text, src.path)
    return _apply(text, _heading_edits(rewritten, build_report(rewritten), rng))


# two draws of each: a pair's failure is told apart from the luck of one draw
TRANSFORMS["ocr_labels"] = lambda s: ocr_labels(s, 1)
TRANSFORMS["ocr_labels_2"] = lambda s: ocr_labels(s, 2)
TRANSFORMS["ocr_markdown"] = lambda s: ocr_markdown(s, 3)
TRANSFORMS["ocr_markdown_2"] = lambda s: ocr_markdown(s, 4)
