"""The formats ruff has (concise, grouped, json-lines, pylint, azure, rdjson) and the office's issue
list (xlsx), produced for a batch of real and generated reports and parsed back against JSON."""

from __future__ import annotations

import io
import json
import re
import shutil
from pathlib import Path

import pytest

from tests.test_hostile import rl
from tests.test_tables_layouts import wrap

ROOT = Path(__file__).resolve().parent.parent
REAL = ["pingtan2020.txt", "pingtan2021.txt", "p_ccxi_gwh2022.txt", "p_spam_zwfw2023.txt", "p_gaoling2024.txt"]
SLIPS = wrap().replace("我局认真落实条例。", "我局进一步规范审核审核发布机制。") + "某某局\n2025年01月09日\n"


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    folder = tmp_path_factory.mktemp("batch")
    for p in sorted((ROOT / "fixtures" / "seeds").glob("*.txt")):
        shutil.copy(p, folder / p.name)
    for name in REAL:
        shutil.copy(ROOT / "fixtures" / "real" / name, folder / name)
    shutil.copy(ROOT / "fixtures" / "examples" / "年报示例.txt", folder / "年报示例.txt")
    (folder / "生成.txt").write_text(SLIPS, encoding="utf-8")
    page = ("<html><head><meta charset=\"utf-8\"></head><body><div class=\"TRS_Editor\">"
            + "".join(f"<p>{line}</p>" for line in SLIPS.splitlines()) + "</div></body></html>")
    (folder / "网页.html").write_text(page, encoding="utf-8")
    (folder / "公式.txt").write_text(wrap().replace("我局认真落实条例。", "=1+1 我局进一步规范审核审核发布机制。"),
                                   encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def reference(batch):
    code, out, _ = rl("check", batch, "--format", "json", "--jobs", "1")
    assert code == 1
    doc = json.loads(out)
    assert len(doc["diagnostics"]) > 30
    return doc


def run(batch, fmt, *extra):
    code, out, err = rl("check", batch, "--format", fmt, "--jobs", "1", *extra)
    assert code == 1, err
    return out.decode("utf-8")


def test_concise(batch, reference):
    lines = run(batch, "concise").splitlines()
    body = [l for l in lines if re.match(r".*:\d+:\d+: RL\d{3} ", l)]
    assert len(body) == len(reference["diagnostics"])
    for line, d in zip(body, reference["diagnostics"]):
        assert line.startswith(f"{d['path']}:{d['line']}:{d['column']}: {d['code']} ")
        assert d["message"] in line
        assert ("[*]" in line) == (d.get("fix", {}).get("applicability") == "safe")  # unsafe ones: not by --fix
    tail = lines[len(body):]
    assert tail[0].startswith("共检查 ") and any(l.startswith("[*] 其中") for l in tail)


def test_grouped(batch, reference):
    text = run(batch, "grouped")
    groups = re.findall(r"^(\S[^\n]*):\n((?:  [^\n]*\n)+)", text, re.M)
    by_path = {}
    for d in reference["diagnostics"]:
        by_path.setdefault(d["path"], []).append(d)
    covered = {f["path"]: f["coverage"] for f in reference["files"]}
    # a file with findings, or whose tables were not all read (its coverage line, last)
    assert [p for p, _ in groups] == [p for p in covered if p in by_path or not covered[p]["tables_checked"]]
    for path, rows in groups:
        rows = rows.splitlines()
        if not covered[path]["tables_checked"]:
            assert rows.pop() == "  检查范围：" + covered[path]["summary"]
        assert len(rows) == len(by_path.get(path, []))
        for row, d in zip(rows, by_path[path]):
            assert re.match(rf"  {d['line']}:{d['column']} +{d['code']} ", row) and d["message"] in row


def test_json_lines(batch, reference):
    lines = run(batch, "json-lines").splitlines()
    assert [json.loads(l) for l in lines] == reference["diagnostics"]


def test_pylint(batch, reference):
    lines = run(batch, "pylint").splitlines()
    assert lines == [f"{d['path']}:{d['line']}: [{d['code']}] {d['message']}" for d in reference["diagnostics"]]


def _unescape(s: str) -> str:
    return s.replace("%0D", "\r").replace("%0A", "\n").replace("%3B", ";").replace("%5D", "]").replace("%AZP25", "%")


def test_azure(batch, reference):
    lines = run(batch, "azure").splitlines()
    assert len(lines) == len(reference["diagnostics"])
    for line, d in zip(lines, reference["diagnostics"]):
        m = re.fullmatch(r"##vso\[task\.logissue ((?:[a-z]+=[^;\]]*;)+)\](.*)", line)
        assert m, line
        props = dict(p.split("=", 1) for p in m.group(1).rstrip(";").split(";"))
        assert props["type"] == ("error" if d["severity"] == "error" else "warning")
        assert (_unescape(props["sourcepath"]), int(props["linenumber"]), int(props["columnnumber"]), props["code"]) == \
            (d["path"], d["line"], d["column"], d["code"])
        assert d["message"] in _unescape(m.group(2))


def test_rdjson(batch, reference):
    doc = json.loads(run(batch, "rdjson"))
    assert doc["source"]["name"] == "report-lint" and doc["severity"] == "ERROR"
    diags = doc["diagnostics"]
    assert len(diags) == len(reference["diagnostics"])
    for rd, d in zip(diags, reference["diagnostics"]):
        assert rd["code"]["value"] == d["code"] and rd["location"]["path"] == d["path"]
        assert rd["severity"] == d["severity"].upper() and rd["message"].startswith(d["message"])
        assert ("suggestions" in rd) == ("fix" in d)
    # columns are UTF-8 bytes (reviewdog's format): the doubled word after 4 digits and 9 ideographs
    rd = next(x for x in diags if x["location"]["path"].endswith("生成.txt") and x["code"]["value"] == "RL510")
    assert rd["location"]["range"]["start"] == {"line": 3, "column": 4 + 9 * 3 + 1}
    assert rd["suggestions"][0]["text"] == ""


def test_xlsx(batch, reference, tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    out = tmp_path / "问题清单.xlsx"
    code, stdout, err = rl("check", batch, "--format", "xlsx", "-o", out, "--jobs", "1")
    assert code == 1 and stdout == b"", err
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["问题清单", "汇总"]
    ws = wb["问题清单"]
    assert [c.value for c in ws[1]] == ["文件", "位置", "规则", "严重程度", "问题", "等式/说明", "相关位置"]
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    assert len(rows) == len(reference["diagnostics"])
    for row, d in zip(rows, reference["diagnostics"]):
        assert row[0] == d["path"] and row[2].startswith(d["code"]) and row[4] == d["message"]
        assert row[3] == {"error": "错误", "warning": "警告", "info": "提示"}[d["severity"]]
        assert f"{d['line']}:{d['column']}" in row[1]
        if "locator" in d:
            assert row[1].startswith(d["locator"]["place"])
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref
    assert ws.column_dimensions["E"].width >= 30 and ws.column_dimensions["A"].width >= 8
    # a message that starts like a formula is text (no formula injection)
    assert any(r[4].startswith("“审核”") for r in rows) and any("=1+1" in (r[4] or "") or r[0].endswith("公式.txt") for r in rows)
    for row in ws.iter_rows(min_row=2):
        for c in row:
            assert c.data_type != "f"
    summary = wb["汇总"]
    files = list(summary.iter_rows(min_row=2, values_only=True))
    assert len(files) == reference["summary"]["files"]
    assert sum(r[4] for r in files) == len(reference["diagnostics"])
    assert sum(r[1] for r in files) == reference["summary"]["errors"]
    assert summary.freeze_panes == "A2"


def test_xlsx_english_headers(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    p = tmp_path / "a.txt"
    p.write_text(SLIPS, encoding="utf-8")
    out = tmp_path / "issues.xlsx"
    rl("check", p, "--format", "xlsx", "-o", out, "--lang", "en")
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["Findings", "Summary"] and wb["Findings"]["A1"].value == "File"


def test_xlsx_refuses_a_terminal(tmp_path, monkeypatch, capsys):
    from report_lint import commands

    p = tmp_path / "a.txt"
    p.write_text(SLIPS, encoding="utf-8")
    monkeypatch.setattr(commands, "_stdout_is_terminal", lambda: True)
    code = commands.run_check(commands.CheckOptions(paths=[str(p)], fmt="xlsx"))
    err = capsys.readouterr().err
    assert code == 2 and "--output" in err and "二进制" in err


@pytest.mark.parametrize("fmt", ["concise", "grouped", "json-lines", "pylint", "azure", "rdjson"])
def test_own_output_in_a_checked_folder_is_not_a_report(tmp_path, fmt):
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "a.txt").write_text(SLIPS, encoding="utf-8")
    result = folder / "结果.txt"
    rl("check", folder, "--format", fmt, "-o", result)
    before = result.read_bytes()
    code, out, err = rl("check", folder, "--format", "json")
    assert {d["path"] for d in json.loads(out)["diagnostics"]} == {str(folder / "a.txt")}
    rl("check", folder, "--format", fmt, "-o", result)  # and it may be replaced
    assert result.read_bytes() == before


def test_every_format_lists_the_new_names():
    from report_lint.reporters import FORMATS

    assert {"concise", "grouped", "json-lines", "pylint", "azure", "rdjson", "xlsx"} <= set(FORMATS)
    from report_lint.cli import OutputFormat

    assert {f.value for f in OutputFormat} == set(FORMATS)
