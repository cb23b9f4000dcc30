"""Web pages: the report body of a page, rendered as text, every character mapped to the page's
source (so a finding's line:col is a place in the HTML file itself).

1. Decode with report-lint's own decoder, the page's ``<meta charset>`` breaking the tie
   between legacy encodings (a wrong or missing declaration still decodes: valid UTF-8 is
   UTF-8, GB2312/GBK pages are read as GB18030).
2. Find the text segments of the source (between tags, outside comments, scripts and styles)
   with a small scanner, and put a private-use marker character before each one.
3. Parse with selectolax (lexbor, an HTML5 parser: implied end tags, misnested tables, …).
   The markers travel with the text through the tree builder, so each text node of the tree
   says which source segment it came from; the segment's characters are decoded here (entities
   too) with their exact offsets.
4. Find the report body (government CMS containers such as ``.TRS_Editor``, ``#zoom``, else
   the smallest element holding the report's section headings, else the whole ``<body>``)
   and render it: a paragraph a line, tables as pipe rows with rowspan/colspan expanded onto
   the grid. Page furniture is left out: navigation (lines made of links), breadcrumbs,
   metadata tables (索引号/发布机构/发文日期), share/print bars, footers.
"""

from __future__ import annotations

import re
from typing import Optional

from ..source import InputError, decode, from_rendering
from .render import Builder, Flow, GridCell, place_cells, render_table

# ---------------------------------------------------------------------------- decoding

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_LEGACY = {"gb2312": "gb18030", "gbk": "gb18030", "gb18030": "gb18030", "x-gbk": "gb18030", "cp936": "gb18030",
           "big5": "big5", "big5-hkscs": "big5hkscs", "cp950": "cp950"}


def decode_page(data: bytes) -> tuple[str, str]:
    """(text, encoding) of a page. The declaration decides only what the bytes leave open:
    a BOM or valid UTF-8 wins over any declaration (pages declaring gb2312 are often UTF-8 and
    the other way round); a declared GB or Big5 encoding is tried before the decoder's guess."""
    m = _META_CHARSET.search(data, 0, 8192)
    declared = _LEGACY.get(m.group(1).decode("ascii", "replace").lower()) if m else None
    if declared and not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            try:
                return data.decode(declared), declared
            except UnicodeDecodeError:
                pass
    return decode(data)


# ---------------------------------------------------------------------- source segments

# Tags, comments, doctypes: everything that is not text. Raw-text elements are skipped whole.
_MARKUP = re.compile(
    r"""<!--.*?(?:--!?>|\Z)
    |<![^>]*>?
    |<\?[^>]*>?
    |</?[A-Za-z][^\s/>]*(?:[^>"']|"[^"]*"|'[^']*')*>?""",
    re.S | re.X,
)
_RAW = re.compile(r"<(script|style|textarea|title|xmp|iframe|noembed|noframes|noscript)\b", re.I)
_MARK0 = 0xF0000  # plane-15 private use: a marker is chr(_MARK0 + segment number)
_MAX_MARKS = 0xFFFE
_MARKS = re.compile("[\U000F0000-\U000FFFFD]")


_CELL_TAG = re.compile(r"<(td|th|tr)(?=[\s/>])", re.I)
ANCHOR = "data-rl-at"  # the attribute put into cell and row start tags: where their content starts


def _scan(src: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """The text segments of the source ((start, end) of each run of text with something besides
    whitespace, in source order) and its cell and row start tags ((where to insert an attribute,
    the offset just after the tag))."""
    segs: list[tuple[int, int]] = []
    tags: list[tuple[int, int]] = []
    pos = 0
    n = len(src)
    for m in _MARKUP.finditer(src):
        a, b = m.span()
        if a < pos:
            continue
        if a > pos and not src[pos:a].isspace():
            segs.append((pos, a))
        pos = b
        g = m.group()
        if g[1:2].isalpha():
            cell = _CELL_TAG.match(src, a)
            if cell is not None and g.endswith(">"):
                tags.append((cell.end(), b))
                continue
            raw = _RAW.match(src, a)
            if raw is not None:
                close = re.compile(rf"</{raw.group(1)}\s*>?", re.I).search(src, b)
                pos = close.end() if close else n
    if pos < n and not src[pos:].isspace():
        segs.append((pos, n))
    return segs, tags


def _marked(src: str, segs: list, tags: list) -> str:
    """The source with a marker before each text segment and an anchor in each cell tag."""
    inserts = [(a, chr(_MARK0 + k)) for k, (a, _) in enumerate(segs[:_MAX_MARKS])]
    inserts += [(at, f' {ANCHOR}="{end}"') for at, end in tags]
    inserts.sort(key=lambda t: t[0])
    pieces: list[str] = []
    pos = 0
    for at, s in inserts:
        pieces.append(src[pos:at])
        pieces.append(s)
        pos = at
    pieces.append(src[pos:])
    return "".join(pieces)


_ENTITY = re.compile(r"&(?:#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[A-Za-z][A-Za-z0-9]{0,31};?)|\r\n?")


def _decode_segment(src: str, a: int, b: int) -> tuple[str, Optional[list]]:
    """The characters of src[a:b] as the page shows them, and their breakpoints (index,
    source offset) when not simply linear from a (None then)."""
    s = src[a:b]
    if "&" not in s and "\r" not in s:
        return s, None
    from html import unescape

    parts: list[str] = []
    pairs: list = [(0, a)]
    n = 0
    pos = 0
    for m in _ENTITY.finditer(s):
        i, j = m.span()
        g = m.group()
        if g[0] == "\r":
            repl, used = "\n", j - i
        else:
            dec = unescape(g)
            if dec == g:
                continue
            k = 0  # characters of g left as they are at the end (a legacy entity without ";")
            while k < len(g) - 1 and k < len(dec) - 1 and g[-1 - k] == dec[-1 - k]:
                k += 1
            repl, used = dec[: len(dec) - k], len(g) - k
        parts.append(s[pos:i])
        n += i - pos
        if n != pairs[-1][0] or pairs[-1][1] != a + i - (n - pairs[-1][0]):
            pairs.append((n, a + i))
        parts.append(repl)
        n += len(repl)
        pos = i + used
        pairs.append((n, a + pos))
    parts.append(s[pos:])
    return "".join(parts), pairs


# ------------------------------------------------------------------------- the tree

_SKIP = frozenset("script style noscript template head title meta link select option optgroup button input "
                  "textarea iframe object embed svg canvas map area audio video nav img".split())
_BLOCK = frozenset("address article aside blockquote body center dd details dialog dir div dl dt fieldset "
                   "figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html li main menu ol p pre "
                   "section summary ul caption tbody thead tfoot tr".split())
_HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)

_BODY_SELECTORS = (".TRS_Editor", ".trs_editor_view", ".TRS_UEDITOR", "#zoom", "#Zoom", ".zoom", "#UCAP-CONTENT",
                   ".article-content", ".article_content", "#article-content", ".articleContent", ".art_con",
                   ".pages_content", ".content-text", ".main-txt", "#mainText", ".wzy", "#content", ".content",
                   "article", "main")
# The report's own headings and table captions: what makes an element the body.
_SIGNALS = re.compile(r"总体情况|主动公开政府信息|收到和处理政府信息公开申请|行政复议|存在的主要问题|其他需要报告|"
                      r"本年新收|年度报告")
_META_KEYS = re.compile(r"索引号|发布机构|发文机关|发文日期|成文日期|发布日期|主题分类|公开方式|公开范围|文\s*号|生效日期")
# Lines that are page furniture whatever their markup.
_FURNITURE = re.compile(
    r"^(?:当前位置|您的位置|您现在的位置|所在位置|当前的位置)"
    r"|版权所有|网站标识码|ICP\s*备|公网安备|主办单位|承办单位|技术支持|网站地图|联系我们"
    r"|扫一扫在手机|在手机打开当前页|分享到|打印本页|关闭窗口|【\s*打印\s*】|【\s*关闭\s*】|【\s*大\s*】"
    r"|字号[：:]|字体[：:]\s*[【\[]?\s*大|浏览次数|访问量|点击数|阅读次数"
)
_META_LINE = re.compile(r"^\s*(?:索引号|发布机构|发文机关|发文日期|成文日期|发布日期|主题分类|公开方式|公开范围|文号|信息来源|来源)\s*[：:]")


def read(data: bytes, path: str):
    src, encoding = decode_page(data)
    return render_page(src, path, encoding)


def render_page(src: str, path: str = "<html>", encoding: str = "unicode"):
    try:
        from selectolax.lexbor import LexborHTMLParser
    except ImportError:  # pragma: no cover - a broken installation
        raise InputError("missing-library", "读取网页需要 selectolax：请运行 pip install selectolax",
                         "reading web pages needs selectolax: pip install selectolax") from None
    segs, tags = _scan(src)
    tree = LexborHTMLParser(_marked(src, segs, tags))
    page = _Page(src, segs)
    body = page.find_body(tree)
    b = Builder(track=True)
    page.render(body, b, tree)
    return from_rendering(path, src, encoding, "html", b, rendered=True)


class _Page:
    def __init__(self, src: str, segs: list) -> None:
        self.src = src
        self.segs = segs
        self.decoded: dict[int, tuple] = {}
        self.tables = 0
        self.paragraphs = 0
        self.last = 0  # source offset after the last text used: the anchor of what follows

    # ------------------------------------------------------------ the body

    def find_body(self, tree):
        best, best_key = None, None
        for sel in _BODY_SELECTORS:
            for el in tree.css(sel):
                text = el.text(separator=" ")
                n = len(set(_SIGNALS.findall(text)))
                key = (n, -len(text))
                if n >= 2 and (best_key is None or key > best_key):
                    best, best_key = el, key
        if best is not None:
            return best
        body = tree.body or tree.root
        if body is None:
            return None
        total = len(set(_SIGNALS.findall(body.text(separator=" "))))
        if total < 2:
            return body
        best, size = body, None
        for sel in ("div, article, section, main, form, center", "td"):  # cells: a page laid out by a table
            for el in body.css(sel):
                text = el.text(separator=" ")
                if (size is None or len(text) < size) and len(set(_SIGNALS.findall(text))) >= total:
                    best, size = el, len(text)
            if best is not body:
                break
        return best

    def _title(self, tree, body):
        """The page's heading of the report when the body does not start with it."""
        head = body.text(separator="")[:100] if body is not None else ""
        if "年度报告" in head or "年报" in head:
            return None
        for el in tree.css("h1, h2, h3, .title, #title, .article-title, .tit, .biaoti, [class*=title]"):
            t = el.text(separator="").strip()
            if "报告" in t and len(t) < 120 and not _contains(body, el) and not _contains(el, body):
                return el
        return None

    # ------------------------------------------------------------ rendering

    def render(self, body, b: Builder, tree) -> None:
        if body is None:
            return
        title = self._title(tree, body)
        flow = self._flow(b)
        if title is not None:
            self.walk(title, b, flow)
            flow.end_line(self.last)
        self.walk(body, b, flow)
        flow.end_line(self.last)

    def _flow(self, b: Builder) -> Flow:
        def new_paragraph() -> None:
            self.paragraphs += 1
            b.place(("p", self.paragraphs))
        return Flow(b, on_new_line=new_paragraph)

    def walk(self, root, b: Builder, flow: Flow) -> None:
        """Render root's content into b (iteratively: pages nest deeply)."""
        stack = [(root, False)]
        lines: list = []  # (builder mark, link chars) of the current line, for furniture
        line = [b.mark(), 0, 0]  # mark, characters, characters inside links
        link_depth = 0

        def close_line():
            nonlocal line
            flow.end_line(self.last)
            self._drop_furniture(b, line)
            line = [b.mark(), 0, 0]

        while stack:
            node, leaving = stack.pop()
            if leaving:
                tag = node.tag
                if tag == "a":
                    link_depth -= 1
                elif tag in _BLOCK or tag == "td" or tag == "th":
                    close_line()
                continue
            if node.is_text_node:
                n0 = b.n
                self._text(node, flow)
                added = b.n - n0
                line[1] += added
                if link_depth:
                    line[2] += added
                continue
            if not node.is_element_node:
                continue
            tag = node.tag
            if tag in _SKIP:
                continue
            attrs = node.attributes
            if "hidden" in attrs or _HIDDEN.search(attrs.get("style") or ""):
                continue
            if tag == "br":
                close_line() if flow.line_open else None
                continue
            if tag == "table":
                kind = self._table_kind(node)
                if kind == "skip":
                    continue
                if kind == "data":
                    close_line()
                    self._table(node, b)
                    flow.line_open = False
                    line = [b.mark(), 0, 0]
                    continue
            if tag in _BLOCK:
                close_line()
            if tag == "a":
                link_depth += 1
            stack.append((node, True))
            kids = []
            child = node.child
            while child is not None:
                kids.append(child)
                child = child.next
            stack.extend((k, False) for k in reversed(kids))
        close_line()

    def _drop_furniture(self, b: Builder, line: list) -> None:
        mark, chars, links = line
        if not chars:
            return
        text = b.text_since(mark).strip()
        if (links * 10 >= chars * 6 and not _SIGNALS.search(text)) or (len(text) < 120 and (
                _FURNITURE.search(text) or _META_LINE.match(text) or len(_META_KEYS.findall(text)) >= 2)):
            if _SIGNALS.search(text) and len(text) > 40:
                return
            b.rollback(mark)
            # the paragraph number it took is given back
            self.paragraphs -= 1

    def _text(self, node, flow: Flow) -> None:
        raw = node.text_content
        if not raw:
            return
        pos = 0
        for m in _MARKS.finditer(raw):
            self._loose(raw[pos : m.start()], flow)
            k = ord(m.group()) - _MARK0
            pos = m.end()
            if k >= len(self.segs):
                continue
            a, e = self.segs[k]
            got = self.decoded.get(k)
            if got is None:
                got = self.decoded[k] = _decode_segment(self.src, a, e)
            s, pairs = got
            flow.words(s, pairs, a, e)
            self.last = e
            if raw.startswith(s, pos):  # as expected: the tree holds the segment's text
                pos += len(s)
        self._loose(raw[pos:], flow)

    def _loose(self, s: str, flow: Flow) -> None:
        """Text of the tree that no marker accounts for: whitespace between segments (or text
        the scanner missed, kept at the last known place rather than lost)."""
        if not s:
            return
        if s.isspace():
            flow.words(" ", None, self.last, self.last)
        else:
            flow.words(s, None, self.last, self.last)

    # ------------------------------------------------------------ tables

    def _table_kind(self, table) -> str:
        """"data" (rendered as rows), "layout" (a table that holds the page: its content is
        rendered as running text) or "skip" (a page metadata table)."""
        text = table.text(separator=" ")
        if len(_META_KEYS.findall(text)) >= 2 and not _SIGNALS.search(text) and len(text) < 600:
            return "skip"
        if table.css_first("td table, th table") is not None:  # (css() also matches the node itself)
            return "layout"
        for row in _rows(table):
            for cell in _cells(row):
                if len(cell.text(separator="")) > 300:
                    return "layout"
        return "data"

    def _table(self, table, b: Builder) -> None:
        self.tables += 1
        number = self.tables
        rows = []
        row_ends = []
        for tr in _rows(table):
            cells = []
            row_end = _anchor(tr, self.last)
            for td in _cells(tr):
                sub = Builder(track=True)
                start = _anchor(td, self.last)
                self.last = start
                self.walk_cell(td, Flow(sub, cell=True))
                row_end = self.last
                cells.append((_span(td, "rowspan"), _span(td, "colspan"), sub, start, self.last, 0))
            rows.append(cells)
            row_ends.append(row_end)
        grid: list[GridCell] = place_cells(rows)
        render_table(b, number, grid, row_ends)

    def walk_cell(self, td, flow: Flow) -> None:
        stack = [td.child] if td.child is not None else []
        # depth-first over the cell's content, siblings via .next
        while stack:
            node = stack.pop()
            if node is None:
                continue
            if node.next is not None:
                stack.append(node.next)
            if node.is_text_node:
                self._text(node, flow)
                continue
            if not node.is_element_node:
                continue
            tag = node.tag
            if tag in _SKIP:
                continue
            if tag == "br" or tag in _BLOCK:
                flow.brk(self.last)
            if node.child is not None:
                stack.append(node.child)


def _rows(table):
    """The table's own rows (not those of a table nested in a cell)."""
    out = []
    child = table.child
    while child is not None:
        tag = child.tag
        if tag == "tr":
            out.append(child)
        elif tag in ("thead", "tbody", "tfoot"):
            sub = child.child
            while sub is not None:
                if sub.tag == "tr":
                    out.append(sub)
                sub = sub.next
        child = child.next
    return out


def _cells(tr):
    out = []
    child = tr.child
    while child is not None:
        if child.tag in ("td", "th"):
            out.append(child)
        child = child.next
    return out


def _span(td, name: str) -> int:
    v = td.attributes.get(name)
    try:
        n = int(str(v).strip()) if v is not None else 1
    except ValueError:
        m = re.match(r"\s*(\d+)", str(v))
        n = int(m.group(1)) if m else 1
    return n if n > 0 else 1


def _anchor(el, default: int) -> int:
    try:
        return int(el.attributes.get(ANCHOR) or default)
    except ValueError:
        return default


def _contains(outer, inner) -> bool:
    node = inner
    while node is not None:
        if node.mem_id == outer.mem_id:
            return True
        node = node.parent
    return False
