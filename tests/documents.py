"""Reports as they are published, made from code: a web page, a Word document, a PDF.

    doc = report_document(tables, rng, template="2021", year=2024)   # blocks with known truth
    page = to_html(doc, furniture=True, charset="utf-8")            # str, a government CMS page
    data = to_docx(doc)                                             # bytes (python-docx)
    pdf = print_pdf(html_bytes, tmp_path)                            # bytes or None (chromium)

The three statistical tables have the national template's real shapes: the applications table
with the merged note cell over three label columns, 申请人情况 over seven, 法人或其他组织 over
five, 三、本年度办理结果 down twenty-two rows and the group cells (（三）不予公开 …) down theirs;
the reviews table with its two-row merged header; the active table with captions across four
columns and single values across three. Every value cell carries its truth key
(table, row_key, index_or_field), as in tests/synth.py.
"""

from __future__ import annotations

import html as _html
import io
import random
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from tests import synth

NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
REQ_HEAD = "本年新收政府信息公开申请数量"


@dataclass
class C:
    """A table cell: text, spans, and the truth key of a value cell."""

    text: str
    rowspan: int = 1
    colspan: int = 1
    key: Optional[tuple] = None


@dataclass
class Doc:
    title: str
    blocks: list  # ("p", text) | ("table", name, rows of C)
    tables: dict  # truth (extract's shape)
    template: str
    year: int
    unit: str = ""
    values: dict = field(default_factory=dict)  # key -> text of the cell


def _fmt(v) -> str:
    return repr(v) if isinstance(v, float) else str(v)


def active_rows(tables: dict, template: str) -> list:
    rows = []
    for o, members, headers, fields in (synth.ACTIVE_2021 if template == "2021" else synth.ACTIVE_2019):
        width = 1 + 3
        rows.append([C(f"第二十条第（{o}）项", colspan=width)])
        if len(fields) == 1:
            rows.append([C("信息内容"), C(headers[0], colspan=3)])
        else:
            rows.append([C("信息内容")] + [C(h, colspan=3 // len(fields) if len(fields) < 3 else 1) for h in headers])
        for key, label in members:
            vals = tables["active"][key]
            if len(fields) == 1:
                f = fields[0]
                rows.append([C(label), C(_fmt(vals[f]), colspan=3, key=("active", key, f))])
            else:
                cells = [C(label)]
                for f in fields:
                    cells.append(C(_fmt(vals[f]), colspan=3 // len(fields) if len(fields) < 3 else 1,
                                   key=("active", key, f)))
                rows.append(cells)
    return rows


def request_rows(tables: dict, template: str) -> list:
    req = tables["requests"]
    rows = [
        [C(NOTE, rowspan=3, colspan=3), C("申请人情况", colspan=7)],
        [C("自然人", rowspan=2), C("法人或其他组织", colspan=5), C("总计", rowspan=2)],
        [C("商业企业"), C("科研机构"), C("社会公益组织"), C("法律服务机构"), C("其他")],
    ]
    spec = synth.request_rows(template)
    outcome = [r for r in spec if r[1] == "三"]
    group_sizes: dict = {}
    for key, l1, grp, item, lab in outcome:
        if item is not None:
            group_sizes[grp] = group_sizes.get(grp, 0) + 1

    def values(key):
        return [C(_fmt(v), key=("requests", key, i)) for i, v in enumerate(req[key])]

    for key, l1, grp, item, lab in spec:
        if grp is None:
            rows.append([C(f"{l1}、{synth._L1[l1]}", colspan=3)] + values(key))
            continue
        cells = []
        if key == "granted":
            cells.append(C("三、本年度办理结果", rowspan=len(outcome)))
        if item is None:
            cells.append(C(f"（{grp}）{lab}", colspan=2))
        else:
            if item == 1:
                cells.append(C(f"（{grp}）{synth._GROUPS[grp]}", rowspan=group_sizes[grp]))
            cells.append(C(f"{item}.{lab}"))
        rows.append(cells + values(key))
    return rows


def review_rows(tables: dict) -> list:
    full = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    rows = [
        [C("行政复议", colspan=5), C("行政诉讼", colspan=10)],
        [C(h, rowspan=2) for h in full] + [C("未经复议直接起诉", colspan=5), C("复议后起诉", colspan=5)],
        [C(h) for h in full + full],
        [C(_fmt(tables["reviews"][g][f]), key=("reviews", g, f)) for g in synth.REVIEW_GROUPS for f in synth.REVIEW_FIELDS],
    ]
    return rows


def report_document(tables: dict, rng: random.Random, template: str = "2021", year: int = 2024,
                    prior: Optional[dict] = None, facts: Optional[dict] = None) -> Doc:
    """``prior`` / ``facts``: as synth._prose (last year's numbers the prose compares with; what
    the next year needs of this one)."""
    sty = synth._Sty(rng, "pipe", template, 0.0, False, False)
    unit = "示例市数据局"
    prose = synth._prose(tables, sty, rng, year, unit, "我局", 1, prior, facts)
    title = f"{unit}{year}年政府信息公开工作年度报告"
    blocks: list = []
    tabs = {2: ("active", active_rows(tables, template)), 3: ("requests", request_rows(tables, template)),
            4: ("reviews", review_rows(tables))}
    for sec in range(1, 7):
        blocks.append(("p", f"{synth._ORD[sec - 1]}、{synth._HEADINGS[sec][0]}"))
        for p in prose[sec]:
            blocks.append(("p", p))
        if sec in tabs:
            name, rows = tabs[sec]
            blocks.append(("table", name, rows))
    blocks.append(("p", unit))
    blocks.append(("p", f"{year + 1}年1月20日"))
    doc = Doc(title, blocks, tables, template, year, unit)
    for b in blocks:
        if b[0] == "table":
            for row in b[2]:
                for c in row:
                    if c.key is not None:
                        doc.values[c.key] = c.text
    return doc


def change_cell(doc: Doc, key: tuple, text: str) -> None:
    for b in doc.blocks:
        if b[0] == "table":
            for row in b[2]:
                for c in row:
                    if c.key == key:
                        c.text = text
    doc.values[key] = text


# ------------------------------------------------------------------------------ HTML

_NAV = ('<div class="top-nav"><ul><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li>'
        '<li><a href="/hdjl/">互动交流</a></li><li><a href="/zwfw/">政务服务</a></li></ul></div>\n')
_CRUMB = '<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; 年度报告</div>\n'
_META = ('<table class="xxgk-meta" border="0"><tr><td>索引号：</td><td>11370000MB2857/2025-00012</td>'
         '<td>发布机构：</td><td>示例市数据局</td></tr><tr><td>发文日期：</td><td>2025-01-20</td>'
         '<td>主题分类：</td><td>政务公开</td></tr></table>\n')
_FOOTER = ('<div class="footer"><p><a href="/about">关于我们</a> | <a href="/map">网站地图</a></p>'
           '<p>主办单位：示例市人民政府办公室　版权所有　网站标识码：3700000001</p>'
           '<p>鲁ICP备12345678号</p></div>\n')
_SHARE = '<div class="share">【<a href="javascript:print()">打印本页</a>】【<a href="javascript:close()">关闭窗口</a>】 扫一扫在手机打开当前页</div>\n'


def _cell_html(c: C, tag: str = "td", rng: Optional[random.Random] = None) -> str:
    attrs = ""
    if c.rowspan > 1:
        attrs += f' rowspan="{c.rowspan}"'
    if c.colspan > 1:
        attrs += f' colspan="{c.colspan}"'
    text = _html.escape(c.text, quote=False)
    if rng is not None and rng.random() < 0.3:
        text = f'<p style="text-align:center"><span style="font-family:仿宋">{text}</span></p>'
    elif not text:
        text = "&nbsp;"
    return f"<{tag}{attrs}>{text}</{tag}>"


def table_html(rows: list, rng: Optional[random.Random] = None) -> str:
    out = ['<table border="1" cellspacing="0" cellpadding="0" style="border-collapse:collapse">\n<tbody>\n']
    for row in rows:
        out.append("<tr>" + "".join(_cell_html(c, rng=rng) for c in row) + "</tr>\n")
    out.append("</tbody>\n</table>\n")
    return "".join(out)


def to_html(doc: Doc, furniture: bool = True, charset: Optional[str] = "utf-8", container: str = "TRS_Editor",
            rng: Optional[random.Random] = None) -> str:
    """A government CMS page: navigation, breadcrumb, metadata table, title, the body in
    ``div.<container>`` (or no container at all: ``container=""``), share bar and footer."""
    head = f'<meta charset="{charset}">' if charset else ""
    parts = [f"<!DOCTYPE html>\n<html>\n<head>\n{head}\n<title>{_html.escape(doc.title)}_示例市人民政府</title>\n"
             "<style>td{border:1px solid #000;padding:2px}</style>\n"
             "<script>var a = '<p>不是正文</p>';</script>\n</head>\n<body>\n"]
    if furniture:
        parts += [_NAV, _CRUMB, _META]
    parts.append(f'<div class="article">\n<h1 class="title">{_html.escape(doc.title)}</h1>\n')
    if container:
        parts.append(f'<div class="{container}">\n')
    for b in doc.blocks:
        if b[0] == "p":
            parts.append(f'<p style="text-indent:2em">{_html.escape(b[1], quote=False)}</p>\n')
        else:
            parts.append(table_html(b[2], rng))
    if container:
        parts.append("</div>\n")
    parts.append("</div>\n")
    if furniture:
        parts += [_SHARE, _FOOTER]
    parts.append("</body>\n</html>\n")
    return "".join(parts)


# ------------------------------------------------------------------------------ DOCX


W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _run_xml(text: str, tag: str = "t") -> str:
    return f'<w:r><w:{tag} xml:space="preserve">{_html.escape(text, quote=False)}</w:{tag}></w:r>'


def _append_xml(paragraph, xml: str) -> None:
    """Append WordprocessingML (runs, w:ins, w:del, fields) to a python-docx paragraph."""
    from docx.oxml import parse_xml

    for el in parse_xml(f'<w:wrap xmlns:w="{W}">{xml}</w:wrap>'):
        paragraph._p.append(el)


# A list for the six parts, as offices set Word to number them: 一、 in Chinese counting, no tab.
_PART_LIST = (f'<w:abstractNum xmlns:w="{W}" w:abstractNumId="90"><w:multiLevelType w:val="multilevel"/>'
              '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:suff w:val="nothing"/>'
              '<w:lvlText w:val="%1、"/></w:lvl>'
              '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:suff w:val="nothing"/>'
              '<w:lvlText w:val="(%2)"/></w:lvl></w:abstractNum>',
              f'<w:num xmlns:w="{W}" w:numId="90"><w:abstractNumId w:val="90"/></w:num>')


def to_docx(doc: Doc, extras: bool = False, numbered: bool = False) -> bytes:
    """A Word document made with python-docx; merged cells merged as Word does (gridSpan,
    vMerge). ``extras``: the first paragraph of 总体情况 carries a tracked deletion and insertion,
    a field (instruction and result) and a content control; a hidden run; header and footer
    text (none of which but the inserted text and the field result is report text).
    ``numbered``: the six parts' ordinals (一、) are Word's automatic numbering, not typed."""
    import docx
    from docx.oxml import parse_xml

    d = docx.Document()
    if numbered:
        lists = d.part.numbering_part.element
        lists.insert(0, parse_xml(_PART_LIST[0]))
        lists.append(parse_xml(_PART_LIST[1]))
        parts = {f"{synth._ORD[k]}、{synth._HEADINGS[k + 1][0]}" for k in range(6)}
    d.sections[0].header.paragraphs[0].text = "页眉：示例市数据局（不是正文）"
    d.sections[0].footer.paragraphs[0].text = "页脚 第 1 页"
    d.add_paragraph(doc.title)
    first = True
    for b in doc.blocks:
        if b[0] == "p":
            if extras and first and not b[1].startswith("一、"):
                first = False
                p = d.add_paragraph()
                _append_xml(p, _run_xml("本报告由")
                            + f'<w:del w:id="1" w:author="a" w:date="2025-01-01T00:00:00Z">{_run_xml("删除的文字", "delText")}</w:del>'
                            + f'<w:ins w:id="2" w:author="a" w:date="2025-01-01T00:00:00Z">{_run_xml("办公室")}</w:ins>'
                            + _run_xml("编制，共")
                            + '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
                            + _run_xml(" NUMPAGES \\* MERGEFORMAT ", "instrText")
                            + '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
                            + _run_xml("6")
                            + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
                            + _run_xml("页。")
                            + '<w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏的文字</w:t></w:r>')
                sdt = d.add_paragraph()
                _append_xml(sdt, f'<w:sdt><w:sdtPr><w:alias w:val="x"/></w:sdtPr><w:sdtContent>{_run_xml("内容控件中的文字。")}</w:sdtContent></w:sdt>')
            if numbered and b[1] in parts:
                p = d.add_paragraph(b[1].split("、", 1)[1])
                p._p.get_or_add_pPr().append(parse_xml(
                    f'<w:numPr xmlns:w="{W}"><w:ilvl w:val="0"/><w:numId w:val="90"/></w:numPr>'))
                continue
            d.add_paragraph(b[1])
            continue
        rows = b[2]
        ncols = max(sum(c.colspan for c in rows[0]), 1)
        grid = _grid(rows)
        ncols = max(col + c.colspan for (r, col), c in grid.items())
        t = d.add_table(rows=len(rows), cols=ncols)
        t.style = "Table Grid"
        for (r, col), c in grid.items():
            cell = t.cell(r, col)
            if c.rowspan > 1 or c.colspan > 1:
                cell = cell.merge(t.cell(r + c.rowspan - 1, col + c.colspan - 1))
            cell.text = c.text
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


def _grid(rows: list) -> dict:
    taken: set = set()
    out = {}
    for r, row in enumerate(rows):
        col = 0
        for c in row:
            while (r, col) in taken:
                col += 1
            for dr in range(c.rowspan):
                for dc in range(c.colspan):
                    taken.add((r + dr, col + dc))
            out[(r, col)] = c
            col += c.colspan
    return out


# ------------------------------------------------------------------------------- PDF


def chromium() -> Optional[str]:
    """A headless browser that can print Chinese (a CJK font is installed), or None."""
    exe = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if exe is None or shutil.which("fc-list") is None:
        return None
    fonts = subprocess.run(["fc-list", ":lang=zh", "family"], capture_output=True, text=True).stdout
    return exe if fonts.strip() else None


def print_pdf(page: bytes, tmp: Path, name: str = "page") -> Optional[bytes]:
    """The page printed to PDF by headless Chromium (None when there is none)."""
    exe = chromium()
    if exe is None:
        return None
    src = tmp / f"{name}.html"
    src.write_bytes(page)
    out = tmp / f"{name}.pdf"
    cmd = [exe, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
           f"--print-to-pdf={out}", src.as_uri()]
    try:
        subprocess.run(cmd, capture_output=True, timeout=120)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return out.read_bytes() if out.exists() and out.stat().st_size else None
