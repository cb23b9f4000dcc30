"""Take the README's picture of `report-lint serve`: a Word report with a planted slip dropped on
the page, in headless Chromium (tests/browser.py), the top of the result and the highlighted row.

    python docs/screenshot.py            # writes docs/serve.png

Needs Debian's chromium with a CJK font (fonts-wqy-zenhei) and python-docx (the test extra).
"""

from __future__ import annotations

import random
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests import browser as B  # noqa: E402
from tests import documents as D  # noqa: E402
from tests import serving, synth  # noqa: E402

WIDTH, HEIGHT = 1000, 1010


def main() -> int:
    out = ROOT / "docs" / "serve.png"
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        rng = random.Random(3)
        doc = D.report_document(synth.random_tables(rng, "2021"), rng, template="2021")
        D.change_cell(doc, ("requests", "partially_granted", 6), str(doc.tables["requests"]["partially_granted"][6] + 3))
        path = tmp / "示例市数据局2024年政府信息公开工作年度报告.docx"
        path.write_bytes(D.to_docx(doc))
        served = serving.start(tmp / "serve")
        try:
            with B.Browser.start(tmp, WIDTH, HEIGHT) as b:
                page = b.page()
                page.call("Emulation.setDeviceMetricsOverride",
                          {"width": WIDTH, "height": HEIGHT, "deviceScaleFactor": 1, "mobile": False})
                page.goto(served.url)
                page.drop_files("#drop", [path])
                page.wait("location.pathname == '/check' && !!document.getElementById('summary')")
                page.wait("!document.querySelector('a.download[aria-disabled]')")
                # The page as it opens: downloads, the summary, then the first finding and the
                # highlighted table row brought together by hiding what lies between (legend, file table).
                page.eval("""(function () {
                    document.querySelector('.intro').remove();
                    document.querySelectorAll('#summary h3, #summary ul.legend, #summary table').forEach(function (e) { e.remove(); });
                    var first = Array.from(document.querySelectorAll('ol.findings > li.e')).find(function (li) {
                        return li.textContent.indexOf('RL102') >= 0; });
                    first.querySelectorAll('ul.related, .related + details').forEach(function (e) { e.remove(); });
                    Array.from(first.children).forEach(function (e) { if (e.textContent === '相关位置：') e.remove(); });
                    var rows = Array.from(document.querySelectorAll('.src > div'));
                    var row = rows.find(function (d) { return d.textContent.trim().startsWith('|') && d.querySelector('a.hl.e'); });
                    var i = rows.indexOf(row);
                    var src = document.querySelector('.src');
                    rows.forEach(function (d, k) { if (k < i - 2 || k > i + 2) d.remove(); });
                    rows[i - 2].style.counterSet = 'ln ' + (i - 1);  // its real number (set after the increment)
                    var list = document.querySelector('ol.findings');
                    Array.from(list.children).forEach(function (li) { if (li !== first) li.remove(); });
                    var h = document.createElement('h3'); h.textContent = '报告原文（节选）';
                    list.after(h); h.after(src);
                    document.querySelectorAll('section.file > h3').forEach(function (e) { if (e !== h && e.textContent === '报告原文') e.remove(); });
                })()""")
                page.screenshot(out, clip_height=HEIGHT)
        finally:
            served.stop()
    print(f"{out} ({out.stat().st_size // 1024} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
