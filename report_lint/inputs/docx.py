"""Word documents (.docx): the package read directly, no Word needed.

word/document.xml is read, with the lists of word/numbering.xml and the styles of
word/styles.xml for the labels Word's automatic numbering shows (一、 before a heading:
numbering.py); headers, footers, footnotes and comments live in other parts and are not report
text. The body is rendered a paragraph a line and each table as pipe rows,
merged cells (w:gridSpan across, w:vMerge down) once on the grid. Tracked changes count as
accepted: inserted text (w:ins, w:moveTo) is kept, deleted text (w:del, w:moveFrom,
w:delText) dropped. Fields show their result, never their instruction (w:instrText, and the
runs between w:fldChar begin and separate); content controls (w:sdt) and smart tags show
their content; hidden text (w:vanish) and drawings are left out.

The rendering is the original here (a .docx has no text file to point into): line:col are
those of `report-lint text FILE`, and places name the paragraph (第12段: the twelfth paragraph
with text, tables not counted) or the table cell (表3 第5行第2列: the third table, its fifth row,
the second column of its grid).
"""

from __future__ import annotations

import io
import zipfile

from typing import Optional

from ..source import InputError, from_rendering
from . import numbering
from .render import Builder, Flow, place_cells, render_table

_NS = ("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}",
       "{http://purl.oclc.org/ooxml/wordprocessingml/main}")  # transitional, strict
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
MAX_XML = 200 * 1024 * 1024  # an unpacked document.xml larger than this is refused (zip bombs)


def _damaged(why: str) -> InputError:
    return InputError("damaged", f"Word 文档已损坏，无法读取（{why}）：请在 Word 或 WPS 中打开后重新另存为 .docx",
                      f"the Word document is damaged ({why}); open it in Word or WPS and save it again")


def read(data: bytes, path: str):
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            info = z.getinfo("word/document.xml")
            if info.file_size > MAX_XML:
                raise _damaged("document.xml too large")
            xml = z.read(info)
            # lists and paragraph styles: Word's automatic numbering (一、 before a heading)
            extra = {}
            for part in ("word/numbering.xml", "word/styles.xml"):
                try:
                    pinfo = z.getinfo(part)
                except KeyError:
                    continue
                if pinfo.file_size <= MAX_XML:
                    extra[part] = z.read(pinfo)
    except (zipfile.BadZipFile, KeyError, OSError, EOFError, RuntimeError, NotImplementedError) as e:
        if isinstance(e, RuntimeError) and "encrypted" in str(e):
            raise InputError("encrypted", "Word 文档有密码保护，无法读取：请去掉密码后另存再检查",
                             "the Word document is password-protected") from None
        raise _damaged(type(e).__name__) from None
    import xml.etree.ElementTree as ET

    try:
        root = ET.fromstring(xml)
    except ET.ParseError as e:
        raise _damaged(f"XML: {e}") from None
    body = next((el for el in root if _local(el.tag) == "body"), None)
    b = Builder(track=False)
    if body is not None:
        _Doc(b, _numbering(extra, ET)).blocks(body)
    return from_rendering(path, "", "docx", "docx", b)


def _numbering(parts: dict, ET) -> "Optional[numbering.Numbering]":
    """The document's lists, or None (none, or a part that does not parse: then paragraphs
    read as they would without numbering)."""
    roots = []
    for part in ("word/numbering.xml", "word/styles.xml"):
        try:
            roots.append(ET.fromstring(parts[part]) if part in parts else None)
        except ET.ParseError:
            roots.append(None)
    return numbering.parse(roots[0], roots[1], _local, _attr)


def _local(tag) -> str:
    if not isinstance(tag, str):
        return ""  # comments, processing instructions
    for ns in _NS:
        if tag.startswith(ns):
            return tag[len(ns):]
    if tag.startswith(_MC):
        return "mc:" + tag[len(_MC):]
    return "?" + tag  # another namespace (drawings, math, …)


def _attr(el, name: str):
    for ns in _NS:
        v = el.get(ns + name)
        if v is not None:
            return v
    return None


_SKIP = frozenset(("del", "moveFrom", "delText", "instrText", "drawing", "pict", "object", "rPr", "pPr",
                   "tblPr", "tcPr", "trPr", "sectPr", "commentReference", "footnoteReference",
                   "endnoteReference", "mc:AlternateContent", "bookmarkStart", "bookmarkEnd"))


class _Doc:
    def __init__(self, b: Builder, lists: "Optional[numbering.Numbering]" = None) -> None:
        self.b = b
        self.paragraphs = 0
        self.tables = 0
        self.lists = lists

    def blocks(self, parent) -> None:
        for el in parent:
            tag = _local(el.tag)
            if tag == "p":
                self.paragraph(el)
            elif tag == "tbl":
                if _is_layout(el):
                    for cell in el.iter():
                        if _local(cell.tag) == "tc":
                            self.blocks(cell)
                else:
                    self.table(el)
            elif tag in ("sdt", "sdtContent", "customXml", "ins", "moveTo", "smartTag"):
                self.blocks(el)

    def paragraph(self, p) -> None:
        def new_paragraph() -> None:
            self.paragraphs += 1
            self.b.place(("p", self.paragraphs))

        flow = Flow(self.b, on_new_line=new_paragraph)
        flow.raw(_label(p, self.lists), 0)
        _inline(p, flow, [])
        flow.end_line(0)

    def table(self, tbl) -> None:
        self.tables += 1
        number = self.tables
        rows = []
        merged: dict[int, int] = {}  # grid column -> index into the cells of the vMerge start
        for tr in _rows(tbl):
            cells = []
            col = _grid(tr, "gridBefore")
            skip = col
            for tc in _cells(tr):
                pr = next((x for x in tc if _local(x.tag) == "tcPr"), None)
                span, vmerge = 1, None
                if pr is not None:
                    for x in pr:
                        t = _local(x.tag)
                        if t == "gridSpan":
                            span = _int(_attr(x, "val"), 1)
                        elif t == "vMerge":
                            vmerge = _attr(x, "val") or "continue"
                        elif t == "hMerge" and (_attr(x, "val") or "continue") == "continue":
                            span = 0  # legacy horizontal merge: part of the cell before
                if span == 0:
                    continue
                if vmerge == "continue" and col in merged:
                    r0, k = merged[col]
                    cell = rows[r0][k]
                    rows[r0][k] = (cell[0] + 1, *cell[1:])
                    col += span
                    skip += span
                    continue
                sub = Builder(track=False)
                flow = Flow(sub, cell=True)
                _cell_text(tc, flow, self.lists)
                if vmerge == "restart":
                    merged[col] = (len(rows), len(cells))
                else:
                    merged.pop(col, None)
                cells.append([1, span, sub, 0, 0, skip])
                skip = 0
                col += span
            rows.append(cells)
        # place_cells wants (rowspan, colspan, content, start, end, skip_before) tuples
        grid = place_cells([[tuple(c) for c in row] for row in rows])
        render_table(self.b, number, grid, [])


def _inline(el, flow: Flow, fields: list) -> None:
    """The text of a paragraph's content, in order; ``fields``: the state of each open field
    (True while its result shows)."""
    for x in el:
        tag = _local(x.tag)
        if tag == "r":
            pr = next((y for y in x if _local(y.tag) == "rPr"), None)
            if pr is not None and any(_local(y.tag) == "vanish" and (_attr(y, "val") or "true") not in ("0", "false")
                                      for y in pr):
                continue
            for y in x:
                t = _local(y.tag)
                if t == "fldChar":
                    kind = _attr(y, "fldCharType")
                    if kind == "begin":
                        fields.append(False)
                    elif kind == "separate" and fields:
                        fields[-1] = True
                    elif kind == "end" and fields:
                        fields.pop()
                    continue
                if fields and not all(fields):
                    continue  # inside a field's instruction
                if t == "t":
                    flow.raw(y.text or "", 0)
                elif t == "tab" or t == "ptab":
                    flow.raw("\t" if not flow.cell else " ", 0)
                elif t in ("br", "cr"):
                    flow.brk(0)
                elif t == "noBreakHyphen":
                    flow.raw("-", 0)
        elif tag in _SKIP:
            continue
        elif tag in ("ins", "moveTo", "hyperlink", "smartTag", "customXml", "fldSimple", "sdt", "sdtContent", "dir",
                     "bdo"):
            _inline(x, flow, fields)


def _label(p, lists: "Optional[numbering.Numbering]") -> str:
    """The label Word's automatic numbering shows before paragraph ``p`` ("" for none)."""
    if lists is None:
        return ""
    ppr = next((x for x in p if _local(x.tag) == "pPr"), None)
    if ppr is None:
        return lists.label(None, None, None)
    style = next((_attr(x, "val") for x in ppr if _local(x.tag) == "pStyle"), None)
    num_id, ilvl = numbering.num_pr(ppr, _local, _attr)
    return lists.label(num_id, ilvl, style)


def _cell_text(tc, flow: Flow, lists=None) -> None:
    for x in tc:
        tag = _local(x.tag)
        if tag == "p":
            flow.raw(_label(x, lists), 0)
            _inline(x, flow, [])
            flow.brk(0)
        elif tag == "tbl":  # a table inside a cell: its text, cell by cell
            for y in x.iter():
                if _local(y.tag) == "p":
                    flow.raw(_label(y, lists), 0)
                    _inline(y, flow, [])
                    flow.brk(0)
        elif tag in ("sdt", "sdtContent", "customXml"):
            _cell_text(x, flow, lists)


def _rows(tbl):
    for x in tbl:
        tag = _local(x.tag)
        if tag == "tr":
            yield x
        elif tag in ("sdt", "sdtContent", "customXml"):
            yield from _rows(x)


def _cells(tr):
    for x in tr:
        tag = _local(x.tag)
        if tag == "tc":
            yield x
        elif tag in ("sdt", "sdtContent", "customXml"):
            yield from _cells(x)


def _grid(tr, name: str) -> int:
    for pr in tr:
        if _local(pr.tag) == "trPr":
            for x in pr:
                if _local(x.tag) == name:
                    return _int(_attr(x, "val"), 0)
    return 0


def _int(v, default: int) -> int:
    try:
        return max(0, int(v))
    except (TypeError, ValueError):
        return default


def _is_layout(tbl) -> bool:
    """A table that holds the document (a nested table, or long text in a cell) is read as
    running text, not as a statistical table."""
    for tc in tbl.iter():
        if _local(tc.tag) != "tc":
            continue
        size = 0
        for x in tc.iter():
            t = _local(x.tag)
            if t == "tbl":
                return True
            if t == "t" and x.text:
                size += len(x.text)
        if size > 300:
            return True
    return False
