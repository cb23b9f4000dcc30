"""Every format through the command line: check, extract, text, locators in every output."""

from __future__ import annotations

import json
import random

import pytest

from tests import documents as D
from tests import synth
from tests.test_cli_check import cli
from tests.test_formats_ci import SCHEMA

pytest.importorskip("selectolax")
pytest.importorskip("docx")


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    """A folder with the same broken report as a page, a Word document and a text file."""
    tmp = tmp_path_factory.mktemp("formats")
    rng = random.Random(8)
    tables = synth.random_tables(rng, "2021")
    doc = D.report_document(tables, rng)
    D.change_cell(doc, ("requests", "granted", 0), str(tables["requests"]["granted"][0] + 7))
    (tmp / "年报.html").write_text(D.to_html(doc), encoding="utf-8")
    (tmp / "年报.docx").write_bytes(D.to_docx(doc))
    (tmp / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(64))  # not picked up in a folder
    return tmp, doc


def test_json_has_locators_for_page_and_document(files):
    tmp, doc = files
    code, out, err = cli("check", tmp, "--format", "json")
    assert code == 1, err
    diags = json.loads(out)["diagnostics"]
    paths = {d["path"].rsplit("/", 1)[-1] for d in diags}
    assert paths == {"年报.html", "年报.docx"}
    for d in diags:
        if d["code"] != "RL102":
            continue
        loc = d["locator"]
        assert loc["place"].startswith("表2 第6行") and loc["table"] == 2 and loc["row"] == 6
        assert {"text_line", "text_column", "text_end_line", "text_end_column"} <= set(loc)
    html = next(d for d in diags if d["code"] == "RL102" and d["path"].endswith(".html"))
    page = (tmp / "年报.html").read_text(encoding="utf-8").split("\n")
    assert "予以公开" in page[html["line"] - 1]


def test_text_output_shows_place_and_rendered_line(files):
    tmp, _ = files
    code, out, _ = cli("check", tmp / "年报.docx")
    assert code == 1
    assert "--> 表2 第6行第2–10列（report-lint text 第 " in out
    assert "| 三、本年度办理结果 | (一)予以公开 |" in out
    code, out, _ = cli("check", tmp / "年报.html", "--lang", "en")
    assert "--> table 2, row 6, columns 2-10 (report-lint text " in out


def test_sarif_stays_valid(files):
    jsonschema = pytest.importorskip("jsonschema")
    tmp, _ = files
    code, out, _ = cli("check", tmp, "--format", "sarif")
    doc = json.loads(out)
    jsonschema.Draft7Validator(SCHEMA).validate(doc)
    res = [r for r in doc["runs"][0]["results"] if r["ruleId"] == "RL102"]
    assert res and all(r["properties"]["locator"]["table"] == 2 for r in res)


def test_github_junit_gitlab_html_take_every_format(files):
    tmp, _ = files
    for fmt in ("github", "junit", "gitlab"):
        code, out, err = cli("check", tmp, "--format", fmt)
        assert code == 1, (fmt, err)
    code, out, _ = cli("check", tmp, "--format", "github")
    assert "表2 第6行" in out
    code, out, _ = cli("check", tmp, "--format", "html")
    # the rendered report is shown, with the finding highlighted in it
    assert "| 自然人 | 法人或其他组织 | 总计 |" in out
    assert 'class="hl e' in out and "表2 第6行" in out
    assert "&lt;td" not in out  # not the page's source


def test_text_command(files):
    tmp, doc = files
    code, out, _ = cli("text", tmp / "年报.docx")
    assert code == 0
    assert out.startswith(doc.title + "\n")
    assert "| 四、结转下年度继续办理 |" in out
    code, out2, _ = cli("text", tmp / "年报.html")
    assert code == 0 and out2 == out  # the same report, whatever the format
    code, out, err = cli("text", tmp / "old.doc")
    assert code == 2 and "另存为" in err and "[old-word]" in err


def test_extract_takes_every_format(files):
    tmp, doc = files
    code, out, _ = cli("extract", tmp)
    got = json.loads(out)
    assert [g["path"].rsplit("/", 1)[-1] for g in got] == ["年报.docx", "年报.html"]
    for g in got:
        assert g["tables"]["reviews"] == doc.tables["reviews"]
        assert g["tables"]["active"] == doc.tables["active"]
