"""Which format a file is, from its bytes (magic numbers, zip members, markup) and its name.

Cheap on purpose: it runs on every file, plain text included, and looks only at the first
few kilobytes (a zip's member list for zip files).
"""

from __future__ import annotations

import re

from ..source import InputError

_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_HTML_SUFFIXES = (".html", ".htm", ".shtml", ".xhtml", ".jsp", ".asp", ".aspx", ".php")
_BLANK = b" \t\r\n\f\xef\xbb\xbf"
_html_start = None


def _looks_like_page(data: bytes) -> bool:
    """Markup at the start: a doctype or one of the tags a page begins with."""
    global _html_start
    if not data[:512].lstrip(_BLANK).startswith(b"<"):
        return False  # every plain text file stops here, before any regex is compiled
    if _html_start is None:
        _html_start = re.compile(
            rb"\A(?:\xef\xbb\xbf)?\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title|div|table|p[\s>])",
            re.I | re.S,
        )
    return _html_start.match(data, 0, 4096) is not None


def _has_tags(data: bytes) -> bool:
    return re.search(rb"<(?:html|body|div|p|table|span|br|meta)[\s>/]", data[:65536], re.I) is not None


def detect(data: bytes, path: str = "") -> str:
    """"text", "html", "docx", "pdf", or a format that is refused: "doc" (old Word/WPS),
    "ofd", "zip" (another zip package). Anything else is left to the text decoder (which
    knows images, RTF and other binaries and says what they are)."""
    head = data[:1024]
    if data.startswith(b"PK\x03\x04"):
        return _zip_kind(data)
    if head.lstrip()[:5] == b"%PDF-" or b"%PDF-" in head:
        return "pdf"
    if data.startswith(_OLE2):
        word = b"W\x00o\x00r\x00d\x00D\x00o\x00c\x00u\x00m\x00e\x00n\x00t" in data[: 1 << 20]
        return "doc" if word or path.lower().endswith((".doc", ".wps", ".dot", ".wpt")) else "text"
    if _looks_like_page(data):
        return "html"
    if path.lower().endswith(_HTML_SUFFIXES) and _has_tags(data):
        return "html"
    return "text"


def _zip_kind(data: bytes) -> str:
    import io
    import zipfile

    try:
        names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return "text"  # the decoder says what a damaged zip is
    if "word/document.xml" in names:
        return "docx"
    if "OFD.xml" in names:
        return "ofd"
    if any(n.startswith(("xl/", "ppt/")) for n in names):
        return "text"  # Excel, PowerPoint: the decoder's message
    return "text"


def refuse(kind: str) -> InputError:
    """The message for a format report-lint does not read: how to save it as one it reads."""
    if kind == "doc":
        return InputError(
            "old-word",
            "这是旧版 Word/WPS 文档（.doc/.wps），report-lint 无法直接读取：请在 Word 或 WPS 中打开，"
            "选择“文件 → 另存为”，保存为 .docx（Word 文档）或 PDF 后再检查",
            "this is an old Word/WPS document (.doc/.wps), which report-lint cannot read: open it in "
            "Word or WPS and use File > Save As to save it as .docx or PDF, then check that file",
        )
    if kind == "ofd":
        return InputError(
            "ofd",
            "这是 OFD 版式文件，report-lint 无法直接读取：请用数科 OFD 阅读器或 WPS 打开，"
            "导出或另存为 PDF（或 .docx）后再检查",
            "this is an OFD document, which report-lint cannot read: open it in an OFD reader or WPS "
            "and export it as PDF (or .docx), then check that file",
        )
    return InputError("binary", "无法识别的文件格式", "unrecognised file format")
