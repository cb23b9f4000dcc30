"""report_lint.source: decoding, normalisation and the map back to original positions."""

from __future__ import annotations

import codecs
import hashlib
import os
import pickle
import random
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from report_lint import source
from report_lint.source import InputError, decode, from_bytes, from_text, load

SEEDS = Path(__file__).resolve().parent.parent / "fixtures" / "seeds"
TRAD_SEED = next(SEEDS.glob("004_*.txt")).read_text(encoding="utf-8")

# Three lines of a real simplified report (seed 001).
SIMPLIFIED = "襄城区人社局2024年政府信息公开工作\n年度报告\n一、总体情况\n"


def where(src: source.Source, needle: str, nth: int = 0) -> tuple[int, int]:
    """(line, column) in the original of the nth occurrence of needle in the normalised text."""
    i = -1
    for _ in range(nth + 1):
        i = src.text.index(needle, i + 1)
    return src.position(i)


def naive_position(original: str, offset: int) -> tuple[int, int]:
    line, col, i = 1, 1, 0
    while i < offset:
        if original[i] == "\r" and original[i + 1 : i + 2] == "\n":
            if offset == i + 1:  # inside a CRLF pair
                return line, col + 1
            i += 2
            line, col = line + 1, 1
        elif original[i] in "\r\n":
            i += 1
            line, col = line + 1, 1
        else:
            i += 1
            col += 1
    return line, col


# ------------------------------------------------------------------------- encodings


@pytest.mark.parametrize(
    "data, encoding",
    [
        (SIMPLIFIED.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + SIMPLIFIED.encode("utf-8"), "utf-8-sig"),
        (SIMPLIFIED.encode("gb18030"), "gb18030"),
        (codecs.BOM_UTF16_LE + SIMPLIFIED.encode("utf-16-le"), "utf-16-le"),
        (codecs.BOM_UTF16_BE + SIMPLIFIED.encode("utf-16-be"), "utf-16-be"),
        (SIMPLIFIED.encode("utf-16-le"), "utf-16-le"),  # no BOM: found by the NUL pattern
        (SIMPLIFIED.encode("utf-16-be"), "utf-16-be"),
        (codecs.BOM_UTF32_LE + SIMPLIFIED.encode("utf-32-le"), "utf-32-le"),
        (codecs.BOM_UTF32_BE + SIMPLIFIED.encode("utf-32-be"), "utf-32-be"),
    ],
    ids=["utf8", "utf8-bom", "gb18030", "utf16le-bom", "utf16be-bom", "utf16le", "utf16be",
         "utf32le", "utf32be"],
)
def test_encodings(data, encoding):
    src = from_bytes(data, "r.txt")
    assert src.encoding == encoding
    assert src.original == SIMPLIFIED  # BOM stripped
    assert src.text == SIMPLIFIED
    assert not src.traditional
    assert where(src, "2024") == (1, 7)
    assert where(src, "总体情况") == (3, 3)
    assert src.line_count == 3
    assert src.line_text(2) == "年度报告"


def test_gb18030_report_with_fullwidth_punctuation():
    text = "一、总体情况\n本年度共收到申请１２件，办结１０件。\n"
    src = from_bytes(text.encode("gb18030"))
    assert src.encoding == "gb18030"
    assert src.text == "一、总体情况\n本年度共收到申请12件,办结10件。\n"
    assert where(src, "10") == (2, 15)


def test_big5_traditional_seed():
    data = TRAD_SEED.encode("big5")
    src = from_bytes(data)
    assert src.encoding == "big5"  # GB18030 also decodes these bytes, as mojibake
    assert src.original == TRAD_SEED
    assert src.traditional
    assert src.text.startswith("一、总体情况\n2021年区人力资源和社会保障局坚持以《中华人民共和国政府信息公开条例》为总纲领")
    assert where(src, "(二)依申请公开情况") == (5, 1)
    assert where(src, "收到和处理政府信息公开申请情况") == (14, 3)
    assert src.line_text(5) == "(二)依申請公開情況。"


def test_traditional_utf8_seed_keeps_lengths_and_positions():
    src = from_bytes(TRAD_SEED.encode("utf-8"))
    assert src.traditional
    assert len(src.text) == len(src.original)
    assert "規範" not in src.text and "规范" in src.text
    line, col = where(src, "结合本单位工作职能")
    assert src.line_text(line)[col - 1 : col + 8] == "結合本單位工作職能"


def test_simplified_text_is_not_flagged_traditional():
    src = from_text("乾隆年间的覆盖率")  # 乾 is in the trigger set, but the phrase stays
    assert src.text == "乾隆年间的覆盖率"
    assert not src.traditional


def test_t2s_never_changes_lengths(monkeypatch):
    """OpenCC 1.4's tables are all 1:1; should a future one resize, keep that character."""

    class Resizing:
        def convert(self, s):
            return s.replace("開", "开").replace("數", "数数")

    monkeypatch.setattr(source, "_cc", Resizing())
    src = from_text("公開\n數據公開\n")
    assert src.text == "公开\n數據公开\n"  # line 2: 數 kept, 開 still converted
    assert where(src, "公开", 1) == (2, 3)
    assert src.traditional


def test_trad_chars_file_matches_opencc():
    from report_lint.data.gen_trad_chars import trad_chars

    shipped = source._trad_chars()
    assert shipped == frozenset(trad_chars()), "run: python -m report_lint.data.gen_trad_chars"
    assert {"開", "報", "區", "請", "數"} <= shipped
    assert not {"开", "报", "区", "的", "政"} & shipped


def test_has_traditional_is_set_membership():
    """The search for traditional characters (used once a process has read 100 reports)
    answers as a set of the text's characters would, astral characters (searched for as a
    range, then looked up) included."""
    trad = source._trad_chars()
    astral_trad = next(c for c in sorted(trad) if c > "\uffff")
    astral_other = next(chr(c) for c in range(0x20000, 0x30000) if chr(c) not in trad)
    samples = [SIMPLIFIED, TRAD_SEED, "开開", astral_trad, astral_other, f"{astral_other}报告{astral_trad}"]
    samples += [f"年度{c}报告" for c in sorted(trad)]
    for text in samples:
        assert source._trad_search(text) == (not trad.isdisjoint(text)), text


def test_import_is_cheap():
    code = (
        "import sys, report_lint.source;"
        "print('opencc' in sys.modules, 'charset_normalizer' in sys.modules)"
    )
    root = Path(__file__).resolve().parent.parent
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=root)
    assert out.stdout.split() == ["False", "False"]


# -------------------------------------------------------------------- normalisation


def test_crlf_and_cr_line_ends():
    src = from_bytes("一、总体情况\r\n本年新收申请5件。\r\n\r\n二、主动公开\r三、申请\r".encode())
    assert src.text == "一、总体情况\n本年新收申请5件。\n\n二、主动公开\n三、申请\n"
    assert src.original.count("\r") == 5
    assert where(src, "5件") == (2, 7)
    assert where(src, "二、") == (4, 1)
    assert where(src, "三、") == (5, 1)
    assert src.line_count == 5
    assert src.line_text(2) == "本年新收申请5件。"
    assert src.line_text(3) == ""
    assert src.position(len(src.text)) == (6, 1)
    # The first "\n" is a CRLF pair: it starts on the CR and ends after the LF.
    assert src.position(6) == (1, 7)
    assert src.end_position(7) == (2, 1)


def test_zero_width_characters_removed():
    original = "\ufeff一、总\u200b体情况\n本年\u200c\u200d新收\u2060申请\u00ad5件\ufeff"
    src = from_text(original)
    assert src.original == original[1:]  # only a leading BOM belongs to the encoding
    assert src.text == "一、总体情况\n本年新收申请5件"
    assert where(src, "体") == (1, 5)
    assert where(src, "新收") == (2, 5)
    assert where(src, "5件") == (2, 11)
    # The span "总体" ends right after 体, not after the invisible character before it.
    i = src.text.index("总体")
    assert src.end_position(i + 2) == (1, 6)
    # An end just before a deletion does not swallow it.
    assert src.end_position(src.text.index("新")) == (2, 3)
    assert src.to_original(len(src.text)) == len(src.original)


def test_html_entities():
    original = "本年&nbsp;新收&NBSP申请&#160;5&#12288;件&amp;nbsp;&lt;表&gt;&quot;x&quot;&amp;\n"
    src = from_text(original)
    assert src.text == '本年 新收 申请 5 件 <表>"x"&\n'
    assert where(src, "新收") == (1, 9)
    assert where(src, "申请") == (1, 16)
    # The space from &nbsp; covers all six original characters.
    i = src.text.index(" ")
    assert src.position(i) == (1, 3)
    assert src.end_position(i + 1) == (1, 9)
    assert src.end_position(len(src.text) - 1) == (1, len(original))


def test_entity_lookalikes_are_kept():
    src = from_text("R&D 投入 &nbspx &amp 5&#1601")
    assert src.text == "R&D 投入 &nbspx &amp 5&#1601"


def test_width_folding_is_one_to_one():
    original = "（一）予以公开\u3000１２３件；ＡＢ：ｘ\u00a0y\u2002z ①、“引号”《条例》——"
    src = from_text(original)
    assert src.text == "(一)予以公开 123件;AB:x y z ①、“引号”《条例》——"
    assert len(src.text) == len(src.original)
    assert where(src, "123") == (1, 9)


def test_everything_at_once_keeps_positions():
    original = "一、總體情況\r\n（二）依申請公開\u200b情況：共&nbsp;１２件\r\r\n結轉３件"
    src = from_text(original)
    assert src.traditional
    assert src.text == "一、总体情况\n(二)依申请公开情况:共 12件\n\n结转3件"
    assert where(src, "情况", 1) == (2, 10)
    assert where(src, "12件") == (2, 20)
    assert where(src, "结转") == (4, 1)
    assert src.line_text(4) == "結轉３件"
    assert src.line_count == 4


def test_position_bounds():
    src = from_text("一\n二\n")
    assert src.position(0) == (1, 1)
    assert src.position(len(src.text)) == (3, 1)
    assert src.end_position(0) == (1, 1)
    with pytest.raises(IndexError):
        src.position(-1)
    with pytest.raises(IndexError):
        src.position(len(src.text) + 1)
    with pytest.raises(IndexError):
        src.line_text(0)


# ---------------------------------------------------------------------- bad input


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"   \r\n\t",
        codecs.BOM_UTF8,
        codecs.BOM_UTF8 + b"\n",
        codecs.BOM_UTF16_LE + " \n".encode("utf-16-le"),
        "\u3000\u200b\n".encode(),
    ],
)
def test_empty(data):
    with pytest.raises(InputError) as e:
        decode(data)
    assert e.value.code == "empty"
    assert e.value.message() == "文件为空"
    assert e.value.message("en") == "the file is empty"


def test_from_text_blank_is_empty():
    with pytest.raises(InputError) as e:
        from_text("\ufeff \n")
    assert e.value.code == "empty"


@pytest.mark.parametrize(
    "data, what",
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "PDF"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG"),
        (b"PK\x03\x04\x14\x00\x06\x00[Content_Types].xml ... word/document.xml", "Word"),
        (b"PK\x03\x04\x14\x00\x06\x00xl/workbook.xml", "Excel"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100), ".doc"),
        (b"{\\rtf1\\ansi\\deff0 {\\fonttbl}}", "RTF"),
        (random.Random(1).randbytes(4096), "二进制"),
        (b"abc\x00def\x00\x00\x01\x02" * 50, "二进制"),
        (b"\x01\x02\x03\x1b[0m text" * 20, "二进制"),
    ],
    ids=["pdf", "png", "jpeg", "docx", "xlsx", "ole2", "rtf", "random", "nuls", "controls"],
)
def test_binary(data, what):
    with pytest.raises(InputError) as e:
        decode(data)
    assert e.value.code == "binary"
    assert what in e.value.message("zh")
    # what to do: an old Office file is saved as .docx or PDF (read directly), the rest as text
    assert ("另存为 .docx 或 PDF" if what == ".doc" else "txt") in e.value.message("zh")


def test_undecodable():
    # Invalid in UTF-8, GB18030 (0x80 and 0xFF are never valid there) and Big5.
    with pytest.raises(InputError) as e:
        decode(b"\x80\xff\x80\xff" * 64 + "政府信息公开".encode("utf-8"))
    assert e.value.code == "undecodable"
    assert "编码" in e.value.message()


def test_a_few_bad_bytes_are_replaced_not_fatal():
    data = (SIMPLIFIED * 20).encode("utf-8")
    truncated = from_bytes(data[:-2])  # a download cut inside the last character
    assert truncated.encoding == "utf-8"
    assert truncated.original.endswith("情\ufffd")
    i = len("襄城区人社局2024年政".encode())
    stray = from_bytes(data[:i] + b"\xff" + data[i:])
    assert stray.encoding == "utf-8"
    assert stray.text.count("\ufffd") == 1
    assert where(stray, "\ufffd") == (1, 13)
    gb = (SIMPLIFIED * 20).encode("gb18030")
    assert from_bytes(gb[:20] + b"\xff" + gb[20:]).encoding == "gb18030"


def test_too_large():
    with pytest.raises(InputError) as e:
        decode(b" " * (source.MAX_BYTES + 1))
    assert e.value.code == "too-large"


def test_input_error_pickles():
    err = pickle.loads(pickle.dumps(InputError("empty", "文件为空", "the file is empty")))
    assert (err.code, err.message(), err.message("en")) == ("empty", "文件为空", "the file is empty")


# ----------------------------------------------------------------------------- load


def test_load_reads_without_modifying(tmp_path):
    p = tmp_path / "报告.txt"
    data = ("\ufeff" + SIMPLIFIED.replace("\n", "\r\n")).encode("utf-8")
    p.write_bytes(data)
    before = (hashlib.sha256(p.read_bytes()).hexdigest(), os.stat(p).st_mtime_ns)
    src = load(p)
    assert src.path == str(p)
    assert src.encoding == "utf-8-sig"
    assert src.text == SIMPLIFIED
    assert where(src, "总体情况") == (3, 3)
    assert (hashlib.sha256(p.read_bytes()).hexdigest(), os.stat(p).st_mtime_ns) == before


def test_load_missing(tmp_path):
    with pytest.raises(InputError) as e:
        load(tmp_path / "nope.txt")
    assert e.value.code == "not-found"
    assert "nope.txt" in e.value.message()


def test_load_directory(tmp_path):
    with pytest.raises(InputError) as e:
        load(tmp_path)
    assert e.value.code == "is-directory"


def test_load_too_large_without_reading_it(tmp_path):
    p = tmp_path / "huge.txt"
    with open(p, "wb") as f:
        f.truncate(source.MAX_FILE_BYTES + 1)  # sparse: costs nothing
    with pytest.raises(InputError) as e:
        load(p)
    assert e.value.code == "too-large"
    assert "100 MB" in e.value.message()


def test_text_too_large(tmp_path):
    p = tmp_path / "long.txt"
    p.write_bytes("年报。".encode() * (source.MAX_BYTES // 9 + 1))
    with pytest.raises(InputError) as e:
        load(p)
    assert e.value.code == "too-large" and "20 MB" in e.value.message()


def test_load_binary_file(tmp_path):
    p = tmp_path / "report.pdf"
    p.write_bytes(b"%PDF-1.4\n...")  # read as a PDF (by its content), which it is not really
    with pytest.raises(InputError) as e:
        load(p)
    assert e.value.code == "damaged"
    assert e.value.message() == "PDF 文件已损坏，无法读取：请重新导出或下载 PDF，或提供 Word 文档"
    p = tmp_path / "report.png"
    p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(InputError) as e:
        load(p)
    assert e.value.code == "binary"


@pytest.mark.parametrize("seed", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.name[:3])
def test_seeds_load(seed):
    src = load(seed)
    assert src.encoding == "utf-8"
    assert src.original == seed.read_text(encoding="utf-8")
    assert src.traditional == seed.name.startswith("004")


# ------------------------------------------------------------------------- property

_PIECES = st.one_of(
    st.text(alphabet=st.characters(min_codepoint=0x20, max_codepoint=0x7E), max_size=4),
    st.text(alphabet="政府信息公开工作年度报告申请情况的本年数件乾隆", max_size=4),
    st.text(alphabet="開報區請況數據資訊結轉規範", max_size=4),  # traditional
    st.text(alphabet="（），：；０１２９ＡＺ\u3000\u00a0", max_size=4),  # full-width, spaces
    st.text(alphabet="\u200b\u200c\u200d\u2060\ufeff\u00ad", max_size=3),  # invisible
    st.sampled_from(["&nbsp;", "&NBSP", "&#160;", "&#12288;", "&#xA0;", "&amp;nbsp;"]),
    st.sampled_from(["&amp;", "&lt;", "&gt;", "&quot;", "&", "&nb"]),
    st.sampled_from(["\r\n", "\r", "\n", "\r\r\n", "\n\r"]),
    st.text(max_size=3),  # anything at all
    st.sampled_from(["\ud800", "\udfff"]),  # lone surrogates must not break OpenCC
)


CHAR_ENTITIES = {"&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"'}


def reference(original: str) -> tuple[str, list[tuple[int, int]]]:
    """Slow, obvious normalisation before t2s: text and each character's original [start, end)."""
    chars, spans, i = [], [], 0
    while i < len(original):
        c = original[i]
        m = source._EDIT_RE.match(original, i) if c == "&" else None  # entity recognition itself
        if original.startswith("\r\n", i):
            out, n = "\n", 2
        elif c == "\r":
            out, n = "\n", 1
        elif c in "\u200b\u200c\u200d\u2060\ufeff\u00ad":
            out, n = "", 1
        elif m:
            out, n = CHAR_ENTITIES.get(m.group().lower(), " "), m.end() - i
        else:
            out, n = source._FOLD.get(c, c), 1
        if out:
            chars.append(out)
            spans.append((i, i + n))
        i += n
    return "".join(chars).replace("**", "  "), spans  # markdown bold: blanked in place


@settings(max_examples=500, deadline=None)
@given(st.lists(_PIECES, min_size=1, max_size=25).map("".join))
def test_offset_map_property(original):
    original = original.lstrip("\ufeff")
    if not original.strip(source._BLANK):
        return
    src = from_text(original)
    assert src.original == original
    ref_text, spans = reference(original)
    assert src.text in (ref_text, source._convert(ref_text))  # t2s runs only when needed
    assert len(src.text) == len(spans)
    for i, (start, end) in enumerate(spans):
        assert src.to_original(i) == start
        assert src.position(i) == naive_position(original, start)
        assert src.end_position(i + 1) == naive_position(original, end)
        if end - start == 1:  # from a single character: it normalises to this one
            assert src.text[i] in normalised_char(original[start]), (i, original[start])
    assert src.to_original(len(src.text)) == len(original)
    assert src.position(len(src.text)) == naive_position(original, len(original))
    lines = re.split(r"\r\n|\r|\n", original)
    assert [src.line_text(n) for n in range(1, len(lines) + 1)] == lines
    assert src.line_count == len(lines) - (lines[-1] == "")


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["\r\n", "一、", "開", "（１）", "5"]), max_size=30).map("".join))
def test_crlf_only_fast_path_property(original):
    """CRLF as the only length-changing edit has its own map builder: same answers."""
    test_offset_map_property.hypothesis.inner_test(original)


def normalised_char(c: str) -> set[str]:
    """What a single character may normalise to: t2s alone, or kept as part of a phrase (乾隆)."""
    if c in "\r\n":
        return {"\n"}
    folded = source._FOLD.get(c, c)
    return {folded, source._convert(folded)} | ({" "} if folded == "*" else set())  # ** is blanked


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab中\n\r\t ", max_size=60), st.data())
def test_positions_counted_before_the_line_list_is_made_are_the_same(text, data):
    """The first positions of a file are counted, the later ones read off the list of line
    starts: both give the same line and column, and line_text_at the same line as line_text."""
    from report_lint.source import Source

    if not text.strip():
        return
    offsets = data.draw(st.lists(st.integers(0, len(text)), min_size=1, max_size=8))
    counted = Source("t", text, text, "utf-8", False)
    listed = Source("t", text, text, "utf-8", False)
    listed._line_starts  # made now: every position read off it
    for o in offsets:
        assert counted._line_col(o) == listed._line_col(o)
        line = listed._line_col(o)[0]
        if line <= listed.line_count:
            assert counted.line_text_at(o) == listed.line_text(line)
