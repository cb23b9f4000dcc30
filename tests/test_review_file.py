"""Review files (--baseline): reasons kept when written again, stale entries reported and pruned,
accepted findings counted by reason; surviving added and moved paragraphs and the .txt, .docx and
.html copies of one report."""

from __future__ import annotations

import json
import random

import pytest

from tests import documents, synth
from tests.test_hostile import rl
from tests.test_tables_layouts import wrap

SLIPS = wrap().replace("我局认真落实条例。", "我局进一步规范审核审核发布机制。\n全年办理建议提案12件。") + "某某局\n2025年01月09日\n"


def check(*args, cwd):
    return rl("check", *args, "--select", "RL403,RL510", cwd=cwd)


def findings(out: bytes) -> list:
    return json.loads(out)["diagnostics"]


def write(p, text):
    p.write_text(text, encoding="utf-8")


def test_reasons_are_kept_stale_entries_reported_and_pruned(tmp_path):
    report, review = tmp_path / "年报.txt", tmp_path / "review.json"
    write(report, SLIPS)
    code, _, err = check(report.name, "--write-baseline", review.name, cwd=tmp_path)
    assert code == 0
    data = json.loads(review.read_text(encoding="utf-8"))
    assert data["version"] == 2 and {f["code"] for f in data["findings"]} == {"RL403", "RL510"}
    # the office writes its reasons into the file
    for f in data["findings"]:
        f["reason"] = "原件如此，已核实" if f["code"] == "RL403" else "引用原文"
    review.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")

    code, out, _ = check(report.name, "--baseline", review.name, cwd=tmp_path)
    text = out.decode()
    assert code == 0 and "RL403" not in text and "RL510" not in text
    assert "审阅文件已接受 2 个问题（未列出）：1 个：原件如此，已核实；1 个：引用原文。" in text

    # written again: the reasons of the findings still there are kept, new findings come in without one
    write(report, SLIPS.replace("全年办理建议提案12件。", "全年办理建议提案12件，统筹资金资金。"))
    check(report.name, "--write-baseline", review.name, cwd=tmp_path)
    rows = {f["code"] + f["message"][:6]: f.get("reason") for f in json.loads(review.read_text(encoding="utf-8"))["findings"]}
    assert sorted(rows.values(), key=str) == sorted(["原件如此，已核实", "引用原文", None], key=str)

    # a finding fixed: its entry is stale, reported, and pruned only on request
    write(report, SLIPS.replace("审核审核", "审核").replace("全年办理建议提案12件。", "全年办理建议提案12件，统筹资金资金。"))
    code, out, err = check(report.name, "--baseline", review.name, "--lang", "en", cwd=tmp_path)
    assert "1 entry of the review file no longer match" in out.decode()
    assert len(json.loads(review.read_text(encoding="utf-8"))["findings"]) == 3
    code, out, err = check(report.name, "--baseline", review.name, "--prune-baseline", cwd=tmp_path)
    assert "删去 1 个" in err
    kept = json.loads(review.read_text(encoding="utf-8"))["findings"]
    assert len(kept) == 2 and {f.get("reason") for f in kept} == {"原件如此，已核实", None}
    # entries of files not checked in a run are never pruned
    other = tmp_path / "另一份.txt"
    write(other, wrap())
    check(other.name, "--baseline", review.name, "--prune-baseline", cwd=tmp_path)
    assert len(json.loads(review.read_text(encoding="utf-8"))["findings"]) == 2


def test_prune_needs_a_baseline(tmp_path):
    p = tmp_path / "a.txt"
    write(p, wrap())
    code, _, err = rl("check", p, "--prune-baseline")
    assert code == 2 and "--baseline" in err


def test_added_and_moved_paragraphs(tmp_path):
    report, review = tmp_path / "年报.txt", tmp_path / "review.json"
    write(report, SLIPS)
    check(report.name, "--write-baseline", review.name, cwd=tmp_path)
    lines = SLIPS.split("\n")
    i = lines.index("全年办理建议提案12件。")
    moved = lines[:i - 1] + [lines[i], lines[i - 1]] + lines[i + 1:]  # two paragraphs swapped
    write(report, "（本报告已经修订。）\n\n" + "\n".join(moved))
    code, out, _ = check(report.name, "--baseline", review.name, "--format", "json", cwd=tmp_path)
    assert code == 0 and findings(out) == []


@pytest.fixture(scope="module")
def copies(tmp_path_factory):
    """One report with a table slip, a doubled word and a signature date as .docx, .html and the
    text report-lint reads from the Word document (a .txt copy)."""
    folder = tmp_path_factory.mktemp("copies")
    rng = random.Random(7)
    doc = documents.report_document(synth.random_tables(rng, "2021"), rng)
    key = next(k for k in doc.values if k[0] == "requests" and k[1] == "granted" and k[2] == 0)
    documents.change_cell(doc, key, str(int(doc.values[key]) + 1))
    doc.blocks = [("p", b[1].replace("我局", "我局我局", 1)) if b[0] == "p" else b for b in doc.blocks]
    doc.blocks[-1] = ("p", "2025年01月20日")
    (folder / "年报.docx").write_bytes(documents.to_docx(doc))
    (folder / "年报.html").write_text(documents.to_html(doc, furniture=False), encoding="utf-8")
    code, out, _ = rl("text", folder / "年报.docx")
    (folder / "年报.txt").write_bytes(out)
    return folder


def test_one_review_file_for_every_copy(copies, tmp_path):
    review = tmp_path / "review.json"
    code, out, _ = rl("check", "年报.docx", "--format", "json", cwd=copies)
    codes = {d["code"] for d in findings(out)}
    assert {"RL403", "RL102"} <= codes
    rl("check", "年报.docx", "--write-baseline", review, cwd=copies)
    for name in ("年报.html", "年报.txt", "年报.docx"):
        code, out, err = rl("check", name, "--baseline", review, "--format", "json", cwd=copies)
        assert findings(out) == [], (name, findings(out))
