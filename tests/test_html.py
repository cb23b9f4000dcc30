"""report_lint.reporters.html: the self-contained page for office staff.

The page is parsed with the standard library's HTMLParser and checked against the findings:
every highlight holds exactly the text between its finding's positions, nothing points
outside the page, user text is escaped. The browser tests drive Debian's headless Chromium on
a test-only copy of the page (its CSP removed, a small script appended) to check that each
highlight is laid out with a size, on its line, coloured; a screenshot then shows the colour
really is there.
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import signal
import struct
import subprocess
import zlib
from html.parser import HTMLParser
from pathlib import Path

import pytest

from report_lint.config import Config
from report_lint.engine import Engine
from report_lint.findings import Diagnostic, FileResult, RelatedPosition, Severity
from report_lint.reporters import render
from report_lint.source import from_text

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "fixtures" / "seeds").glob("*.txt"))
SEED003 = next(p for p in SEEDS if p.name.startswith("003_"))

# -------------------------------------------------------------------------------- parsing


class Page(HTMLParser):
    """What the tests need from a page: tags and attributes, highlights with their text and
    line, ids, and the text of each file section."""

    VOID = {"meta", "br", "hr", "img", "input", "link", "wbr", "col", "area", "base", "source"}

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.ids: list[str] = []
        self.highlights: list[dict] = []  # {file, line, d: [int], text, cls, title, id, href}
        self.styles: list[str] = []
        self.html_lang = None
        self.title = ""
        self.section_text: dict[str, list[str]] = {}
        self._stack: list[tuple[str, dict]] = []
        self._file = None
        self._src_depth = None  # depth of the current div.src
        self._line = 0
        self._hl = None
        self._in = ""
        self.feed(text)
        self.close()

    def handle_starttag(self, tag, attrs):
        a = {k: (v or "") for k, v in attrs}
        self.tags.append((tag, a))
        if "id" in a:
            self.ids.append(a["id"])
        if tag == "html":
            self.html_lang = a.get("lang")
        if tag == "section" and re.fullmatch(r"f\d+", a.get("id", "")):
            self._file = a["id"]
            self.section_text[self._file] = []
        cls = a.get("class", "").split()
        if tag == "div" and "src" in cls:
            self._src_depth = len(self._stack)
            self._line = 0
        elif tag == "div" and self._src_depth is not None and len(self._stack) == self._src_depth + 1:
            self._line += 1
        if "data-d" in a:
            assert self._hl is None, "highlights must not nest"
            self._hl = {"file": self._file, "line": self._line, "d": [int(x) for x in a["data-d"].split()],
                        "text": "", "cls": cls, "title": a.get("title", ""), "id": a.get("id"),
                        "href": a.get("href"), "attrs": a}
            self.highlights.append(self._hl)
        if tag not in self.VOID:
            self._stack.append((tag, a))
        self._in = tag

    def handle_endtag(self, tag):
        if tag in self.VOID:
            return
        while self._stack:
            t, a = self._stack.pop()
            if self._hl is not None and "data-d" in a:
                self._hl = None
            if t == "div" and self._src_depth is not None and len(self._stack) == self._src_depth:
                self._src_depth = None
            if t == tag:
                break

    def handle_data(self, data):
        if self._stack and self._stack[-1][0] == "style":
            self.styles.append(data)
        if self._stack and self._stack[-1][0] == "title":
            self.title += data
        if self._hl is not None:
            self._hl["text"] += data
        if self._file is not None:
            self.section_text[self._file].append(data)

    def of(self, file_id: str, j: int) -> list[dict]:
        return [h for h in self.highlights if h["file"] == file_id and j in h["d"]]

    def text_of(self, file_id: str) -> str:
        return "".join(self.section_text.get(file_id, []))


def unified(s: str) -> str:
    return re.sub(r"\r\n?", "\n", s)


def offset(src_text: str, line: int, col: int) -> int:
    starts = [0] + [m.end() for m in re.finditer(r"\r\n?|\n", src_text)]
    return starts[line - 1] + col - 1


def slice_of(src_text: str, d: Diagnostic) -> str:
    return unified(src_text[offset(src_text, d.line, d.column):offset(src_text, d.end_line, d.end_column)])


def whole_file(d: Diagnostic) -> bool:
    return (d.line, d.column, d.end_line, d.end_column) == (1, 1, 1, 1)


def assert_highlights_match(page: Page, results: list[FileResult]) -> int:
    """Every finding placed in the text: its pieces, in order, are exactly its text; the first
    is on its line. Returns how many findings were checked."""
    checked = 0
    for k, r in enumerate(results, 1):
        if r.source is None:
            continue
        for j, d in enumerate(r.diagnostics, 1):
            pieces = page.of(f"f{k}", j)
            if whole_file(d):
                assert not pieces, f"whole-file finding {d.code} must not be placed in the text"
                continue
            assert pieces, f"{r.path}: {d.code} at {d.line}:{d.column} has no highlight"
            assert "".join(p["text"] for p in pieces) == slice_of(r.source.original, d), (d, pieces)
            assert pieces[0]["line"] == d.line, (d, pieces[0])
            assert pieces[-1]["line"] in (d.end_line, d.end_line - 1), (d, pieces[-1])
            assert [p["id"] for p in pieces].count(f"f{k}-h{j}") <= 1
            checked += 1
    return checked


def assert_links_resolve(page: Page) -> None:
    ids = set(page.ids)
    assert len(ids) == len(page.ids), "duplicate ids"
    for tag, a in page.tags:
        if "href" in a:
            assert a["href"].startswith("#") and a["href"][1:] in ids, (tag, a)


# ------------------------------------------------------------------------------ fixtures


def engine_results(paths, lang: str = "zh") -> list[FileResult]:
    engine = Engine(Config(), lang)
    return [engine.check_path(str(p)) for p in paths]


def diag(path: str, code: str, sev: Severity, where: tuple[int, int, int, int], msg: str = "消息",
         **kw) -> Diagnostic:
    return Diagnostic(path, code, "test-rule", sev, msg, *where, **kw)


OVERLAP_TEXT = "第一行：abcdefgh 结束\r\n第二行<script>alert(1)</script>&nbsp;\r\n\r\n第四行 zero\u200bwidth\n"


def overlap_results() -> list[FileResult]:
    """Overlapping, nested, multi-line (over CRLF and an empty line), zero-width, invisible
    and end-of-file findings in one small file."""
    path = "reports/重叠<b>.txt"
    src = from_text(OVERLAP_TEXT, path)
    diags = [
        diag(path, "RL102", Severity.ERROR, (1, 5, 1, 11), "外层 a–f"),       # abcdef
        diag(path, "RL105", Severity.WARNING, (1, 8, 1, 13), "交叉 d–h"),     # defgh
        diag(path, "RL014", Severity.INFO, (1, 6, 1, 8), "内层 bc"),          # bc
        diag(path, "RL011", Severity.ERROR, (1, 11, 4, 4), "跨行",            # gh … 第四行
             detail="第一行\n第二行", related=[RelatedPosition(2, 1, "相关行")]),
        diag(path, "RL016", Severity.WARNING, (2, 4, 2, 4), "这里缺少内容"),   # zero-width
        diag(path, "RL003", Severity.WARNING, (2, 4, 2, 12), "<script> 标签 & \"引号\""),
        diag(path, "RL002", Severity.INFO, (4, 9, 4, 10), "零宽字符"),        # only U+200B
        diag(path, "RL999", Severity.INFO, (5, 1, 5, 1), "文件末尾"),         # after the last line end
        diag(path, "RL001", Severity.ERROR, (1, 1, 1, 1), "整个文件的问题"),
    ]
    diags.sort(key=lambda d: (d.line, d.column, d.code))
    return [FileResult(path, src, diags)]


def unreadable_result(tmp_path: Path) -> FileResult:
    p = tmp_path / "扫描件.txt"
    p.write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")
    r = Engine(Config(), "zh").check_path(str(p))
    assert r.source is None and r.diagnostics  # the test relies on the engine's answer
    return r


# ------------------------------------------------------------------------------- unit tests


def test_seeds_every_highlight_is_its_text():
    results = engine_results(SEEDS)
    out = render("html", results, lang="zh")
    page = Page(out)
    assert page.html_lang == "zh-CN"
    assert sum(len(r.diagnostics) for r in results) > 10
    assert assert_highlights_match(page, results) >= 10
    assert_links_resolve(page)
    # Each section's text contains the whole file.
    for k, r in enumerate(results, 1):
        assert unified(r.source.original).rstrip("\n") in page.text_of(f"f{k}")


def test_no_network_anywhere():
    results = engine_results(SEEDS) + overlap_results()
    out = render("html", results, lang="zh", statistics=True)
    page = Page(out)
    assert '<meta charset="utf-8">' in out
    csp = [a for t, a in page.tags if t == "meta" and a.get("http-equiv", "").lower() == "content-security-policy"]
    assert len(csp) == 1 and "default-src 'none'" in csp[0]["content"] and "script-src" not in csp[0]["content"]
    names = {t for t, _ in page.tags}
    assert not names & {"script", "link", "img", "iframe", "object", "embed", "video", "audio", "source", "base",
                        "form"}
    for tag, a in page.tags:
        for key, value in a.items():
            if key in {"src", "href", "action", "data", "poster", "srcset", "background", "cite"}:
                assert not re.search(r"https?://|^\s*//|^\s*[a-z][a-z0-9+.-]*:", value, re.I), (tag, key, value)
            assert not key.startswith("on"), (tag, key)  # no inline event handlers either
    css = "".join(page.styles)
    assert css and "url(" not in css and "@import" not in css and "@font-face" not in css
    # Seeds 000 and 002 mention web addresses in their text: there they are text, never links.
    chrome = re.sub(r"<div class=\"src\">.*?</div></div>\n", "", out, flags=re.S)
    assert not re.search(r"https?://", chrome)


def test_english_chrome():
    results = engine_results([SEED003], lang="en")
    out = render("html", results, lang="en")
    page = Page(out)
    assert page.html_lang == "en"
    assert page.title.startswith("Annual report check results")
    for words in ("Problems", "Report text", "Colours", "Checked 1 file", "About this rule", "line 1, column 8"):
        assert words in out, words
    chrome = re.sub(r"<div class=\"src\">.*?</div></div>\n", "", out, flags=re.S)
    for words in ("问题列表", "报告原文", "共检查", "颜色说明", "规则说明", "第 1 行"):
        assert words not in chrome, words
    assert "injected gambling spam" in out  # the messages too
    zh = render("html", engine_results([SEED003]), lang="zh")
    for words in ("问题列表", "报告原文", "共检查 1 个文件", "颜色说明", "规则说明", "第 1 行第 8 个字"):
        assert words in zh, words
    assert '<html lang="zh-CN">' in zh and "Report text" not in zh


def test_escaping_and_overlaps():
    results = overlap_results()
    out = render("html", results, lang="zh")
    page = Page(out)
    assert not [t for t, _ in page.tags if t in {"script", "b"}], "user text became markup"
    assert "&lt;script>alert(1)&lt;/script>&amp;nbsp;" in out or "&lt;script&gt;alert(1)&lt;/script&gt;&amp;nbsp;" in out
    assert "重叠&lt;b&gt;.txt" in out
    assert assert_highlights_match(page, results) == 8
    assert_links_resolve(page)
    ds = results[0].diagnostics
    num = {d.message: j for j, d in enumerate(ds, 1)}
    outer, cross, inner, multi = num["外层 a–f"], num["交叉 d–h"], num["内层 bc"], num["跨行"]
    # Cut at every start and end: a | bc | def | gh | " 结束\n", each piece listing its findings.
    by_text = {h["text"]: h for h in page.highlights if h["line"] == 1}
    assert [h["text"] for h in page.highlights if h["line"] == 1] == ["a", "bc", "def", "gh", " 结束\n"]
    assert sorted(by_text["bc"]["d"]) == sorted([outer, inner])
    assert sorted(by_text["def"]["d"]) == sorted([outer, cross])
    assert sorted(by_text["gh"]["d"]) == sorted([cross, multi])
    assert by_text[" 结束\n"]["d"] == [multi]
    assert "x" in by_text["bc"]["cls"] and "x" not in by_text["a"]["cls"]
    assert "e" in by_text["def"]["cls"] and "w" not in by_text["def"]["cls"]  # the most severe colour wins
    assert by_text["bc"]["href"] == f"#f1-d{inner}"  # a click means the innermost
    assert "内层 bc" in by_text["bc"]["title"] and "外层 a–f" in by_text["bc"]["title"]
    # The multi-line span crosses the empty line: a line end alone still gets a visible mark.
    empty = [h for h in page.of("f1", multi) if h["line"] == 3]
    assert len(empty) == 1 and empty[0]["text"] == "\n" and "eol" in empty[0]["cls"]
    # Zero-width: an empty, visible marker at 2:4, inside the <script> warning's start.
    zw = page.of("f1", num["这里缺少内容"])
    assert len(zw) == 1 and zw[0]["text"] == "" and "zw" in zw[0]["cls"] and zw[0]["line"] == 2
    assert zw[0]["id"] == f"f1-h{num['这里缺少内容']}"
    # A highlight of only an invisible character is labelled.
    inv = page.of("f1", num["零宽字符"])
    assert [h["text"] for h in inv] == ["\u200b"] and inv[0]["attrs"].get("data-show") == "U+200B"
    # A mark after the final line end gets its own (fifth) line.
    end = page.of("f1", num["文件末尾"])
    assert len(end) == 1 and end[0]["line"] == 5 and "zw" in end[0]["cls"]
    # Quotes in a message are escaped inside the title attribute.
    script = page.of("f1", num["<script> 标签 & \"引号\""])
    assert any('<script> 标签 & "引号"' in h["title"] for h in script)
    # The whole-file finding is listed first, with no position.
    first = re.search(r'<ol class="findings">\n<li id="f1-d(\d+)"', out)
    assert first and int(first.group(1)) == num["整个文件的问题"]
    item = out[first.start():out.index("</li>", first.start())]
    assert "整个文件" in item and 'class="go"' not in item
    # Detail lines and related positions (linking to their line).
    assert '<div class="detail">第一行\n第二行</div>' in out
    assert 'href="#f1-L2"' in out and 'id="f1-L2"' in out


def test_rule_explanations_per_finding():
    results = engine_results([SEED003])
    out = render("html", results, lang="zh")
    from report_lint.rules import all_rules

    rules = {r.code: r for r in all_rules()}
    items = re.findall(r'<li id="f1-d\d+".*?</li>\n(?=<li id=|</ol>)', out, flags=re.S)
    assert len(items) == len(results[0].diagnostics) > 5
    for item, d in zip(items, results[0].diagnostics):
        doc = html.escape(rules[d.code].doc("zh"), quote=False)
        assert "<details><summary>规则说明" in item and doc in item, d.code
        assert f"<code>{d.code}</code> {d.name}" in item


def test_unreadable_and_clean_files(tmp_path):
    bad = unreadable_result(tmp_path)
    clean_src = from_text("某镇人民政府2024年政府信息公开工作年度报告\n一、总体情况\n", "reports/某镇.txt")
    clean = FileResult(clean_src.path, clean_src, [])
    out = render("html", [bad, clean], lang="zh")
    page = Page(out)
    assert "无法读取此文件：" + html.escape(bad.error.message("zh"), quote=False) in out
    bad_section = out[out.index('id="f1"'):out.index('id="f2"')]
    assert 'class="src"' not in bad_section and "PDF" in bad_section
    clean_section = out[out.index('id="f2"'):]
    assert "未发现问题。" in clean_section and "一、总体情况" in page.text_of("f2")
    assert "共检查 2 个文件：1 个未发现问题，1 个有错误。" in out and "其中 1 个文件无法读取。" in out
    en = render("html", [clean], lang="en")
    assert "No problems found" in en and "No problems found in any file." in en
    assert not Page(en).highlights


def test_empty_results_and_statistics():
    page = Page(render("html", [], lang="zh"))
    assert page.html_lang == "zh-CN" and not page.highlights
    out = render("html", engine_results([SEED003]), lang="zh", statistics=True)
    assert "按规则统计" in out and re.search(r"<code>RL506</code></td><td>page-residue</td><td class=\"n\">\d+", out)
    assert "按规则统计" not in render("html", engine_results([SEED003]), lang="zh")


def test_huge_file_stays_small():
    line = "<p>为进一步推进政务公开工作，&nbsp;</p>" * 4000  # ~100 000 characters on one line
    body = "\n".join(f"第{n}行：本年新收申请 {n} 件。" for n in range(20000))
    text = line + "\n" + body + "\n"
    src = from_text(text, "big.txt")
    last = src.line_count
    diags = [
        diag("big.txt", "RL506", Severity.INFO, (1, 50_000, 1, 50_010)),
        diag("big.txt", "RL105", Severity.ERROR, (100, 1, 103, 1)),
        diag("big.txt", "RL102", Severity.WARNING, (last, 1, last, 3)),
    ]
    base = len(text.encode("utf-8"))
    out = render("html", [FileResult("big.txt", src, diags)], lang="zh")
    assert len(out.encode("utf-8")) < 2 * base, (len(out.encode("utf-8")), base)
    assert assert_highlights_match(Page(out), [FileResult("big.txt", src, diags)]) == 3
    # A finding over the whole file costs a link per line, never its message per line.
    diags.append(diag("big.txt", "RL011", Severity.ERROR, (1, 1, last, 5), "覆盖整个文件的长问题" * 5))
    out = render("html", [FileResult("big.txt", src, diags)], lang="zh")
    assert len(out.encode("utf-8")) < 2 * base + 60 * last, (len(out.encode("utf-8")), base)
    assert out.count("覆盖整个文件的长问题") < 50  # list, quote, first line; 20 000 lines
    assert assert_highlights_match(Page(out), [FileResult("big.txt", src, diags)]) == 4


def test_cli_writes_the_page(tmp_path):
    from report_lint.cli import main

    target = tmp_path / "out" / "report.html"
    target.parent.mkdir()
    with pytest.raises(SystemExit) as e:
        main(["check", str(SEED003), "--format", "html", "-o", str(target), "--lang", "en"])
    assert e.value.code == 1
    out = target.read_text(encoding="utf-8")
    assert out == render("html", engine_results([SEED003], lang="en"), lang="en")
    assert out.startswith("<!DOCTYPE html>") and "\x1b[" not in out


# ------------------------------------------------------------------------- real browser

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None, reason="Chromium not found: install Debian's chromium package to run the browser test"
)
WINDOW = (1200, 3000)

# Appended to a test-only copy of the page: where each highlight is laid out.
PROBE = """<pre id="probe-result"></pre><script>
(function () {
  var out = {scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth, items: []};
  document.querySelectorAll('[data-d]').forEach(function (el) {
    var lineDiv = el.closest('.src > div');
    var src = el.closest('.src');
    var line = lineDiv ? Array.prototype.indexOf.call(src.children, lineDiv) + 1 : 0;
    var r = el.getBoundingClientRect(), l = lineDiv ? lineDiv.getBoundingClientRect() : r;
    var rects = Array.prototype.map.call(el.getClientRects(), function (q) {
      return [q.left + window.scrollX, q.top + window.scrollY, q.width, q.height];
    });
    out.items.push({
      file: el.closest('section.file').id, d: el.dataset.d, line: line,
      w: r.width, h: r.height, rects: rects,
      inside: r.top >= l.top - 0.5 && r.bottom <= l.bottom + 0.5 && r.left >= l.left - 0.5 && r.right <= l.right + 0.5,
      bg: getComputedStyle(el).backgroundColor
    });
  });
  document.getElementById('probe-result').textContent = JSON.stringify(out);
})();
</script>"""


def chromium(url: str, *args: str, profile: Path) -> str:
    """Run headless Chromium; never let it hang the suite (the whole process group is killed)."""
    cmd = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
           "--disable-background-networking", "--disable-component-update", "--disable-sync",
           "--disable-extensions", "--hide-scrollbars", "--force-device-scale-factor=1",
           "--force-color-profile=srgb", f"--window-size={WINDOW[0]},{WINDOW[1]}",
           f"--user-data-dir={profile}", *args, url]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    try:
        out, err = proc.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        pytest.fail(f"Chromium did not finish within 60 s: {' '.join(cmd)}")
    assert proc.returncode == 0, err.decode("utf-8", "replace")[-2000:]
    return out.decode("utf-8", "replace")


def probe_copy(page_html: str, path: Path) -> str:
    """A copy of the page that reports its layout: the CSP (which rightly forbids scripts) is
    dropped, the probe appended."""
    copy, n = re.subn(r'<meta http-equiv="Content-Security-Policy"[^>]*>\n', "", page_html)
    assert n == 1
    copy = copy.replace("</body>", PROBE + "\n</body>")
    path.write_text(copy, encoding="utf-8")
    return path.as_uri()


def layout(tmp_path: Path, page_html: str) -> tuple[dict, str]:
    url = probe_copy(page_html, tmp_path / "probe.html")
    dom = chromium(url, "--dump-dom", profile=tmp_path / "profile")
    m = re.search(r'<pre id="probe-result">(.*?)</pre>', dom, re.S)
    assert m and m.group(1), "the probe did not run"
    return json.loads(html.unescape(m.group(1))), url


def browser_results(tmp_path: Path) -> list[FileResult]:
    long_path = tmp_path / "网页.txt"
    # A web page pasted as one 100 000-character line, with a finding deep inside it.
    long_path.write_text("某县2024年政府信息公开工作年度报告\n" + "全面提升政府信息公开质量和实效。" * 6250
                         + "\n一、总体情况\n", encoding="utf-8")
    src = from_text(long_path.read_text(encoding="utf-8"), str(long_path))
    long = FileResult(str(long_path), src, [
        diag(str(long_path), "RL506", Severity.INFO, (2, 50_001, 2, 50_009), "长行中的提示"),
        diag(str(long_path), "RL102", Severity.ERROR, (3, 1, 3, 3), "第三行"),
    ])
    return overlap_results() + [long] + engine_results([SEED003])


@needs_chromium
def test_browser_highlights_are_laid_out_on_their_lines(tmp_path):
    results = browser_results(tmp_path)
    page_html = render("html", results, lang="zh")
    got, _ = layout(tmp_path, page_html)
    assert got["scrollWidth"] <= got["innerWidth"], "a long line overflows: it must wrap"
    items = [i for i in got["items"] if i["file"].startswith("f")]
    checked = 0
    for k, r in enumerate(results, 1):
        for j, d in enumerate(r.diagnostics, 1):
            if whole_file(d):
                continue
            mine = [i for i in items if i["file"] == f"f{k}" and str(j) in i["d"].split()]
            assert mine, (r.path, d)
            assert mine[0]["line"] == d.line, (d, mine[0])
            for i in mine:
                assert i["w"] > 0 and i["h"] > 0, ("invisible highlight", d, i)
                assert i["inside"], ("highlight outside its line", d, i)
                assert i["bg"] not in ("rgba(0, 0, 0, 0)", "transparent"), ("no colour", d, i)
            checked += 1
    assert checked >= 20


def read_png(path: Path) -> tuple[int, int, int, list[bytes]]:
    """Width, height, bytes per pixel and rows of an 8-bit RGB(A) PNG, with the stdlib only."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat = 8, b""
    while pos < len(data):
        (n,) = struct.unpack(">I", data[pos:pos + 4])
        kind, chunk = data[pos + 4:pos + 8], data[pos + 8:pos + 8 + n]
        pos += 12 + n
        if kind == b"IHDR":
            width, height, depth, ctype, _, _, interlace = struct.unpack(">IIBBBBB", chunk)
            assert depth == 8 and ctype in (2, 6) and interlace == 0
        elif kind == b"IDAT":
            idat += chunk
    bpp = 3 if ctype == 2 else 4
    raw, stride = zlib.decompress(idat), width * bpp
    rows: list[bytes] = []
    prev = bytearray(stride)
    i = 0
    for _ in range(height):
        f, line = raw[i], bytearray(raw[i + 1:i + 1 + stride])
        i += 1 + stride
        if f == 1:
            for x in range(bpp, stride):
                line[x] = (line[x] + line[x - bpp]) & 255
        elif f == 2:
            for x in range(stride):
                line[x] = (line[x] + prev[x]) & 255
        elif f == 3:
            for x in range(stride):
                line[x] = (line[x] + ((line[x - bpp] if x >= bpp else 0) + prev[x]) // 2) & 255
        elif f == 4:
            for x in range(stride):
                a = line[x - bpp] if x >= bpp else 0
                b, c = prev[x], (prev[x - bpp] if x >= bpp else 0)
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line))
        prev = line
    return width, height, bpp, rows


def rgb(css: str) -> tuple[int, int, int]:
    m = re.fullmatch(r"rgba?\((\d+), (\d+), (\d+)(?:, [\d.]+)?\)", css)
    assert m, css
    return tuple(int(x) for x in m.groups())


@needs_chromium
def test_browser_screenshot_shows_the_colours(tmp_path):
    results = overlap_results()
    page_html = render("html", results, lang="zh")
    got, url = layout(tmp_path, page_html)
    png = tmp_path / "shot.png"
    chromium(url, f"--screenshot={png}", profile=tmp_path / "profile")
    width, height, bpp, rows = read_png(png)
    assert (width, height) == WINDOW
    seen = set()
    for item in got["items"]:
        if item["file"] != "f1":
            continue
        want = rgb(item["bg"])
        for left, top, w, h in item["rects"]:
            x0, y0, x1, y1 = int(left) + 1, int(top) + 1, int(left + w) - 1, int(top + h) - 1
            if w < 3 or h < 3 or y1 >= height or x1 >= width:
                continue
            total = hits = 0
            for y in range(y0, y1):
                row = rows[y]
                for x in range(x0, x1):
                    px = row[x * bpp:x * bpp + 3]
                    total += 1
                    hits += all(abs(px[c] - want[c]) <= 8 for c in range(3))
            # Glyphs cover part of a highlight; its colour must show in the rest.
            assert hits >= 0.25 * total, (item, hits, total)
            seen.add(item["bg"])
    # Error, warning and info colours, overlaps in a darker shade, and the zero-width bar.
    assert len(seen) >= 5, seen


def test_summary_says_each_count_once():
    """共发现 18 个错误、2 个警告 (it once read 共发现 18 个错误 个错误、2 个警告 个警告): each unit
    once, only the kinds found; the page of `report-lint serve` says it with the same function."""
    path = "年报.txt"
    src = from_text("第一行\n第二行\n", path)
    errors = [diag(path, "RL101", Severity.ERROR, (1, 1, 1, 2)) for _ in range(18)]
    warnings = [diag(path, "RL106", Severity.WARNING, (2, 1, 2, 2)) for _ in range(2)]
    out = render("html", [FileResult(path, src, errors + warnings)], lang="zh")
    assert "<p class=\"big\" id=\"totals\">共发现 18 个错误、2 个警告。</p>" in out
    assert "个错误 个错误" not in out and "个警告 个警告" not in out
    info = [diag(path, "RL510", Severity.INFO, (1, 1, 1, 2))]
    assert "共发现 1 个提示。" in render("html", [FileResult(path, src, info)], lang="zh")
    en = render("html", [FileResult(path, src, errors + warnings + info)], lang="en")
    assert "Found 18 errors, 2 warnings and 1 info." in en
    assert "Found 1 error." in render("html", [FileResult(path, src, errors[:1])], lang="en")
