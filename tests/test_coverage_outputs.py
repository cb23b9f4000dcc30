"""What was checked, said in every output (README principle 3): the text summary and a line per
file whose tables were not all read, JSON ``files[].coverage``, the HTML report (and so the
local page), SARIF artifact properties, the workbook's 汇总 sheet."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from report_lint import source
from report_lint.config import Config
from report_lint.engine import Engine
from report_lint.reporters import render
from tests.test_cli_check import cli
from tests.test_rules_tables import CLEAN
from tests.test_tables_layouts import PIPE_REQUESTS

ROOT = Path(__file__).resolve().parent.parent
# The applications table's heading with nothing under it (an image in the published page).
IMAGE = CLEAN.replace(PIPE_REQUESTS, "（表格为图片）\n")
LEGACY = ROOT / "fixtures" / "real" / "pingtan2012.txt"


def result(text: str, lang: str = "zh", path: str = "r.txt"):
    return Engine(Config(), lang).check_source(source.from_text(text, path))


def test_coverage_of_one_report():
    assert PIPE_REQUESTS in CLEAN
    full = result(CLEAN).coverage
    assert full.checked and full.line == "三张表均已核对"
    assert {k: v["status"] for k, v in full.tables.items()} == {"active": "complete", "requests": "complete",
                                                                 "reviews": "complete"}
    cut = result(IMAGE).coverage
    assert not cut.checked and cut.tables["requests"]["status"] == "unread"
    assert "申请情况表未能读取" in cut.line
    assert result(IMAGE, "en").coverage.line.startswith("the applications table could not be read") or \
        "the applications table could not be read" in result(IMAGE, "en").coverage.line
    legacy = result(LEGACY.read_text(encoding="utf-8")).coverage
    assert not legacy.checked and "2019年以前" in legacy.line
    assert result("扫一扫在手机打开当前页\n分享到\n打印 关闭\n").coverage.line.startswith("不是政府信息公开工作年度报告")


def test_text_says_coverage_once_per_file(tmp_path):
    (tmp_path / "a.txt").write_text(CLEAN, encoding="utf-8")
    (tmp_path / "b.txt").write_text(IMAGE, encoding="utf-8")
    code, out, _ = cli("check", tmp_path / "a.txt")
    assert code == 0 and out.rstrip().endswith("检查范围：三张表均已核对。")
    code, out, _ = cli("check", tmp_path / "b.txt")
    # one file: said once, in the summary, and the clean count does not read as all clear
    assert out.count("检查范围：") == 1 and "申请情况表未能读取" in out.splitlines()[-1]
    code, out, _ = cli("check", tmp_path)
    lines = out.splitlines()
    assert [ln for ln in lines if "检查范围：" in ln] == [f"{tmp_path / 'b.txt'}: 检查范围：" + result(IMAGE).coverage.line]
    assert lines[-1] == "其中 1 个文件的统计表未能全部核对。"
    code, out, _ = cli("check", tmp_path, "--lang", "en")
    assert out.splitlines()[-1] == "The statistical tables of 1 file were not all checked."
    code, out, _ = cli("check", tmp_path / "a.txt", "--lang", "en")
    assert out.rstrip().endswith("Coverage: all three tables checked.")


def test_json_files_coverage(tmp_path):
    (tmp_path / "a.txt").write_text(CLEAN, encoding="utf-8")
    (tmp_path / "b.txt").write_text(IMAGE, encoding="utf-8")
    (tmp_path / "c.txt").write_bytes(b"")  # not read at all: no coverage
    code, out, _ = cli("check", tmp_path, "--format", "json")
    doc = json.loads(out)
    files = {Path(f["path"]).name: f["coverage"] for f in doc["files"]}
    assert files["c.txt"] is None
    assert files["a.txt"]["tables_checked"] is True and files["a.txt"]["summary"] == "三张表均已核对"
    b = files["b.txt"]
    assert b["tables_checked"] is False and b["tables"]["requests"]["status"] == "unread"
    assert b["tables"]["active"]["rows_read"] == b["tables"]["active"]["rows_expected"] > 0
    assert doc["summary"]["tables_unchecked"] == 1


def test_html_sarif_xlsx_say_coverage():
    results = [result(CLEAN, path="a.txt"), result(IMAGE, path="b.txt")]
    page = render("html", results)
    assert '<p class="coverage">检查范围：三张表均已核对</p>' in page
    assert '<p class="coverage unchecked">检查范围：' in page and 'id="unchecked"' in page
    sarif = json.loads(render("sarif", results))
    props = [a.get("properties", {}).get("coverage") for a in sarif["runs"][0]["artifacts"]]
    assert [p["tables_checked"] for p in props] == [True, False]
    openpyxl = pytest.importorskip("openpyxl")
    wb = openpyxl.load_workbook(io.BytesIO(render("xlsx", results)))
    sheet = wb.worksheets[1]
    header = [c.value for c in sheet[1]]
    assert header[-1] == "检查范围"
    assert [row[-1].value for row in sheet.iter_rows(min_row=2)] == ["三张表均已核对", results[1].coverage.line]


def test_clean_but_unchecked_is_not_green():
    from report_lint.reporters.text import render as text_render

    quiet = Engine(Config(ignore=["RL010"])).check_source(source.from_text(IMAGE, "r.txt"))
    assert quiet.diagnostics == [] and not quiet.coverage.checked
    out = text_render([quiet], color=True)
    # no finding, but a table not read: the summary is yellow (33), never green (32)
    summary = out.splitlines()[-2]
    assert "未发现问题" in summary and "\x1b[1;32m" not in summary and "\x1b[1;33m" in summary
    assert "\x1b[1;32m" in text_render([result(CLEAN)], color=True).splitlines()[-2]
