"""Word documents: merged cells on the grid, tracked changes, fields, content controls."""

from __future__ import annotations

import random

import pytest

from report_lint import source
from report_lint.config import Config
from report_lint.engine import Engine
from report_lint.extract import table_data
from report_lint.findings import Severity
from report_lint.inputs.detect import detect
from report_lint.report import build_report
from tests import documents as D
from tests import synth

pytest.importorskip("docx")

KINDS = ("active", "requests", "reviews")


def _doc(seed: int, template: str = "2021"):
    rng = random.Random(seed)
    return D.report_document(synth.random_tables(rng, template), rng, template=template)


@pytest.mark.parametrize("seed", range(6))
def test_every_cell_of_merged_tables(seed):
    doc = _doc(seed, "2021" if seed % 2 == 0 else "2019")
    data = D.to_docx(doc)
    assert detect(data, "报告") == "docx"  # by its zip members, whatever its name
    src = source.from_bytes(data, "年报.docx")
    assert src.format == "docx"
    rep = build_report(src)
    for k in KINDS:
        assert table_data(rep.tables[k]) == doc.tables[k], k


def test_tracked_changes_fields_content_controls_headers():
    doc = _doc(1)
    src = source.from_bytes(D.to_docx(doc, extras=True), "年报.docx")
    assert "本报告由办公室编制,共6页。" in src.text  # w:ins kept, w:del dropped, the field's result
    assert "内容控件中的文字。" in src.text
    for gone in ("删除的文字", "NUMPAGES", "MERGEFORMAT", "隐藏的文字", "页眉", "页脚"):
        assert gone not in src.text
    rep = build_report(src)
    for k in KINDS:
        assert table_data(rep.tables[k]) == doc.tables[k]


def test_locators_name_paragraph_and_table_cell():
    doc = _doc(2)
    src = source.from_bytes(D.to_docx(doc), "年报.docx")
    text = src.text
    k = text.index("二、主动公开政府信息情况")
    words, fields = src.locate(k, k + 4)
    n = text[:k].count("\n") + 1  # no table before it: every line before is a paragraph
    assert words == f"第{n}段" and fields == {"paragraph": n}
    rep = build_report(src)
    cell = rep.tables["requests"].rows["granted"].cells[1]  # 商业企业 of （一）予以公开
    words, fields = src.locate(cell.span.start, cell.span.end)
    # table 2 (active is table 1); row 6 of the grid (3 header rows, new, carried_over, granted)
    # column 5: three label columns, 自然人, then 商业企业
    assert fields == {"table": 2, "row": 6, "column": 5}
    assert words == "表2 第6行第5列"
    assert src.locate(cell.span.start, cell.span.end, "en")[0] == "table 2, row 6, column 5"
    line, col = src.position(cell.span.start)
    assert src.original.split("\n")[line - 1][col - 1 :].startswith(doc.values[("requests", "granted", 1)])


def test_changed_cell_is_an_rl1xx_error_on_its_row():
    doc = _doc(3)
    old = doc.tables["requests"]["partially_granted"][6]
    D.change_cell(doc, ("requests", "partially_granted", 6), str(old + 3))
    src = source.from_bytes(D.to_docx(doc), "年报.docx")
    result = Engine(Config(), "zh").check_source(src)
    errors = [d for d in result.diagnostics if d.severity == Severity.ERROR]
    row = [d for d in errors if d.code == "RL102"]
    assert row, [(d.code, d.message) for d in errors]
    assert "部分公开" in src.original.split("\n")[row[0].line - 1]
    assert all(d.code[:3] in ("RL1", "RL2", "RL3") for d in errors)


def test_consistent_document_has_no_error():
    doc = _doc(4)
    result = Engine(Config(), "zh").check_source(source.from_bytes(D.to_docx(doc, extras=True), "年报.docx"))
    assert [d for d in result.diagnostics if d.severity == Severity.ERROR] == []


def test_damaged_and_old_formats_say_what_to_do():
    with pytest.raises(source.InputError) as e:
        source.from_bytes(b"PK\x03\x04" + b"\x00" * 100, "年报.docx")
    assert e.value.code in ("binary", "damaged")
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 200 + "WordDocument".encode("utf-16-le")
    with pytest.raises(source.InputError) as e:
        source.from_bytes(ole, "年报.doc")
    assert e.value.code == "old-word" and ".docx" in e.value.message() and "PDF" in e.value.message()
    with pytest.raises(source.InputError) as e:
        source.from_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 200, "年报.wps")
    assert e.value.code == "old-word"
    import io
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("OFD.xml", "<ofd:OFD/>")
    with pytest.raises(source.InputError) as e:
        source.from_bytes(buf.getvalue(), "年报.ofd")
    assert e.value.code == "ofd" and "PDF" in e.value.message()


# ------------------------------------------------------------------ automatic numbering

ENGINE = Engine(Config())


@pytest.mark.parametrize("seed", range(4))
def test_parts_numbered_by_word_read_as_typed(seed):
    """Offices let Word number the six parts (一、 is in no text run, only in numbering.xml).
    The label is written as Word shows it: the document reads, and is checked, exactly as the
    same document with the ordinals typed (without it 五、六 were not found: 'the text stops')."""
    doc = _doc(seed, "2021" if seed % 2 == 0 else "2019")
    typed = source.from_bytes(D.to_docx(doc), "年报.docx")
    numbered = source.from_bytes(D.to_docx(doc, numbered=True), "年报.docx")
    assert numbered.text == typed.text
    assert [(d.code, d.line, d.message) for d in ENGINE.check_source(numbered).diagnostics] == \
        [(d.code, d.line, d.message) for d in ENGINE.check_source(typed).diagnostics]


def _lists(levels: str, nums: str = '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>', styles: str = ""):
    import xml.etree.ElementTree as ET

    from report_lint.inputs import docx as X
    from report_lint.inputs import numbering

    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    root = ET.fromstring(f'<w:numbering {w}><w:abstractNum w:abstractNumId="1">{levels}</w:abstractNum>{nums}</w:numbering>')
    st = ET.fromstring(f"<w:styles {w}>{styles}</w:styles>") if styles else None
    return numbering.parse(root, st, X._local, X._attr)


def _lvl(ilvl: int, fmt: str, text: str, start: int = 1, suff: str = "nothing") -> str:
    return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
            f'<w:suff w:val="{suff}"/><w:lvlText w:val="{text}"/></w:lvl>')


def test_numbering_labels_count_as_word_does():
    lists = _lists(_lvl(0, "chineseCounting", "%1、") + _lvl(1, "chineseCounting", "(%2)") + _lvl(2, "decimal", "%3."))
    seq = [(0,), (1,), (1,), (2,), (0,), (1,), (2,), (2,)]
    got = [lists.label("1", lvl[0], None) for lvl in seq]
    # a lower level starts again when a higher one moves on
    assert got == ["一、", "(一)", "(二)", "1.", "二、", "(一)", "1.", "2."]
    many = _lists(_lvl(0, "chineseCounting", "%1、"))
    assert [many.label("1", 0, None) for _ in range(21)][9:] == [
        "十、", "十一、", "十二、", "十三、", "十四、", "十五、", "十六、", "十七、", "十八、", "十九、", "二十、", "二十一、"]


def test_numbering_formats_suffixes_starts_and_styles():
    assert _lists(_lvl(0, "decimal", "%1.", suff="tab")).label("1", 0, None) == "1. "  # a tab shows as a space
    assert _lists(_lvl(0, "decimalEnclosedCircle", "%1")).label("1", 0, None) == "①"
    assert _lists(_lvl(0, "upperRoman", "%1.", start=4)).label("1", 0, None) == "IV."
    assert _lists(_lvl(0, "ideographTraditional", "%1、")).label("1", 0, None) == "甲、"
    multi = _lists(_lvl(0, "decimal", "%1") + _lvl(1, "decimal", "%1.%2"))
    assert [multi.label("1", k, None) for k in (0, 1, 1)] == ["1", "1.1", "1.2"]
    # a list with a start override starts its own sequence; one without continues the shared one
    nums = ('<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>'
            '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>'
            '<w:num w:numId="3"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0">'
            '<w:startOverride w:val="1"/></w:lvlOverride></w:num>')
    shared = _lists(_lvl(0, "chineseCounting", "%1、"), nums)
    assert [shared.label(n, 0, None) for n in ("1", "2", "3", "3")] == ["一、", "二、", "一、", "二、"]
    # numbering given by the paragraph's style, through basedOn
    styles = ('<w:style w:type="paragraph" w:styleId="H"><w:pPr><w:numPr><w:ilvl w:val="0"/>'
              '<w:numId w:val="1"/></w:numPr></w:pPr></w:style>'
              '<w:style w:type="paragraph" w:styleId="H2"><w:basedOn w:val="H"/></w:style>')
    styled = _lists(_lvl(0, "chineseCounting", "%1、"), styles=styles)
    assert [styled.label(None, None, s) for s in ("H2", "H", "Normal")] == ["一、", "二、", ""]
    assert styled.label("0", None, "H") == ""  # numId 0: numbering switched off on the paragraph


def test_numbering_never_writes_a_label_it_cannot_tell():
    """A bullet, a format not known here, a level not defined, a number out of a format's
    range: no label (the paragraph reads as without numbering), never a guessed one."""
    assert _lists(_lvl(0, "bullet", "\uf06c")).label("1", 0, None) == ""
    assert _lists(_lvl(0, "hebrew1", "%1.")).label("1", 0, None) == ""
    assert _lists(_lvl(0, "decimal", "%1.")).label("1", 3, None) == ""
    assert _lists(_lvl(0, "decimal", "%1.")).label("9", 0, None) == ""
    assert _lists(_lvl(0, "decimalEnclosedCircle", "%1", start=21)).label("1", 0, None) == ""


def test_numbering_that_loops_or_lies_is_no_failure():
    """Styles based on each other in a circle, levels with no text, numbers that are no numbers,
    a list pointing at no abstract list: no label, no error."""
    lvl = '<w:lvl w:ilvl="0"><w:start w:val="x"/><w:numFmt w:val="decimal"/></w:lvl>'
    styles = ('<w:style w:type="paragraph" w:styleId="A"><w:basedOn w:val="B"/></w:style>'
              '<w:style w:type="paragraph" w:styleId="B"><w:basedOn w:val="A"/></w:style>')
    nums = ('<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>'
            '<w:num w:numId="2"><w:abstractNumId w:val="7"/><w:lvlOverride w:ilvl="q"/></w:num>')
    lists = _lists(lvl, nums, styles)
    assert lists.label(None, None, "A") == ""
    assert lists.label("1", 0, None) == ""  # a level with no lvlText shows nothing
    assert lists.label("2", 0, None) == ""
    assert lists.label("1", None, None) == ""
