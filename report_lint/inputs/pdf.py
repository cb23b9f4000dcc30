"""PDF: the text layer, read with pypdfium2 (PDFium, the engine Chrome uses).

Each page's text comes out in the order it was drawn, one table row per line for reports
printed from a browser or exported from Word: the table lexer already reads that layout
(FORMAT.md §7). Page furniture is left out: page numbers (``- 3 -``, ``第3页 共5页``, ``3/5``)
and a header or footer line repeated at the top or bottom of the pages (a browser's date,
title and address lines). A PDF without any text (a scan) is refused with one clear message:
its numbers cannot be read without OCR, and a guess would not be a check.

The rendering is the original (line:col are those of `report-lint text FILE`); places are the
page and the line on it (第2页 第14行), counted in the page's text layer.
"""

from __future__ import annotations

import re

from ..source import InputError, from_rendering
from .render import Builder

_PAGE_NUMBER = re.compile(
    r"^\s*(?:[-—–~·]*\s*\d{1,4}\s*[-—–~·]*|第\s*\d+\s*页(?:\s*[/,，]?\s*共\s*\d+\s*页)?|\d+\s*/\s*\d+"
    r"|page\s*\d+(?:\s*of\s*\d+)?)\s*$",
    re.I,
)
_DIGITS = re.compile(r"\d+")
_WORDS = re.compile(r"[\d\s\W]+")
EDGE = 2  # lines at the top and at the bottom of a page that may be furniture


def _scanned() -> InputError:
    return InputError(
        "scanned",
        "这是扫描件：PDF 中只有图片，没有文字层，无法检查其中的数字。请提供报告的文字版本"
        "（原始 Word 文档、网页，或从 Word 导出的 PDF）",
        "this PDF is a scan (images only, no text layer): its numbers cannot be checked. Provide the "
        "report as text (the Word document, the web page, or a PDF exported from Word)",
    )


def read(data: bytes, path: str):
    try:
        import pypdfium2 as pdfium
    except ImportError:  # pragma: no cover - a broken installation
        raise InputError("missing-library", "读取 PDF 需要 pypdfium2：请运行 pip install pypdfium2",
                         "reading PDF needs pypdfium2: pip install pypdfium2") from None
    try:
        doc = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as e:
        if "password" in str(e).lower():
            raise InputError("encrypted", "PDF 文件有密码保护，无法读取：请去掉密码后重新导出再检查",
                             "the PDF is password-protected; remove the password and export it again") from None
        raise InputError("damaged", "PDF 文件已损坏，无法读取：请重新导出或下载 PDF，或提供 Word 文档",
                         "the PDF is damaged and cannot be read; export or download it again") from None
    try:
        pages = []
        for i in range(len(doc)):
            page = doc[i]
            try:
                tp = page.get_textpage()
                try:
                    text = tp.get_text_range()
                finally:
                    tp.close()
            finally:
                page.close()
            pages.append(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    except pdfium.PdfiumError:
        raise InputError("damaged", "PDF 文件已损坏，无法读取：请重新导出或下载 PDF，或提供 Word 文档",
                         "the PDF is damaged and cannot be read; export or download it again") from None
    finally:
        doc.close()
    if not any(ln.strip() for lines in pages for ln in lines):
        raise _scanned()
    furniture = _furniture(pages)
    b = Builder(track=False)
    for p, lines in enumerate(pages, 1):
        for n, line in enumerate(lines, 1):
            line = line.replace("\x00", "").replace("\ufffe", "").rstrip()
            if not line.strip() or (p, n) in furniture:
                continue
            b.place(("l", p, n))
            b.put(line)
            b.synth("\n")
    return from_rendering(path, "", "pdf", "pdf", b)


def _furniture(pages: list[list[str]]) -> set:
    """(page, line) of page numbers and of header/footer lines repeated across pages."""
    out = set()
    edges: dict[str, list] = {}
    for p, lines in enumerate(pages, 1):
        filled = [(n, ln.strip()) for n, ln in enumerate(lines, 1) if ln.strip()]
        for n, ln in filled[:EDGE] + filled[-EDGE:]:
            if _PAGE_NUMBER.match(ln):
                out.add((p, n))
            elif len(_WORDS.sub("", ln)) >= 2:  # never a row of numbers (a table's data)
                edges.setdefault(_DIGITS.sub("#", ln), []).append((p, n))
    if len(pages) >= 2:
        for places in edges.values():
            if len({p for p, _ in places}) >= max(2, len(pages) // 2 + 1):
                out.update(places)
    return out
