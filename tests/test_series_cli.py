"""Cross-year checks through the real command: batches (files or folders, any order, any
--jobs), --previous, `compare`, every output format, every input format, a real series."""

from __future__ import annotations

import copy
import csv
import io
import json
import random
import re
from pathlib import Path

import pytest

from tests import documents as D
from tests import synth
from tests.test_batches import run
from tests.test_formats_ci import validate_sarif

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT / "fixtures" / "real"


def broken_pair(seed: int = 1, first_year: int = 2023, templates=("2021", "2021"), layout: str = "pipe"):
    """Two years of one body; the later's 上年结转 changed (本年新收 moved: it balances alone).
    Returns (earlier, later, the changed cell's line in the later, the earlier's cell line)."""
    rng = random.Random(seed)
    r1, r2, t1, t2 = synth.year_pair(rng, first_year=first_year, layout=layout, templates=templates, style="value")
    t2 = copy.deepcopy(t2)
    i = next(i for i in range(6) if t2["requests"]["new"][i] >= 1)
    for key, d in (("carried_over", 1), ("new", -1)):
        t2["requests"][key][i] += d
        t2["requests"][key][6] += d
    r2 = synth.rerender(r2, t2, rng, noise=0.0,
                        prior={"year": first_year, "new": t1["requests"]["new"][6], "problems": r1.problems})
    return r1, r2, r2.positions[("requests", "carried_over", i)][0], r1.positions[("requests", "carried_forward", i)][0]


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    """Nine bodies, two years each, named so that path order is not year order; one body's later
    report carries a break. 18 files: checked by worker processes with --jobs 2."""
    d = tmp_path_factory.mktemp("years")
    rng = random.Random(42)
    places = ["甲乙市", "丙丁市", "戊己市", "庚辛市", "壬癸市", "子丑市", "寅卯市", "辰巳市", "午未市"]
    for k, place in enumerate(places):
        unit = place + "生态环境局"
        if k == 4:
            r1, r2, line, prev_line = broken_pair(seed=99)
            r1.text, r2.text = r1.text.replace(r1.unit, unit), r2.text.replace(r2.unit, unit)
            d.joinpath("broken_line.txt").write_text(str(line))
            d.joinpath("broken_prev_line.txt").write_text(str(prev_line))
        else:
            r1, r2, _, _ = synth.year_pair(rng, first_year=2022, layout=synth.LAYOUTS[k % 8], unit=unit, style="value")
        # the later year first in path order, in another sub-folder
        (d / "z").mkdir(exist_ok=True)
        (d / "a").mkdir(exist_ok=True)
        (d / "a" / f"{k}-later.txt").write_text(r2.text, encoding="utf-8")
        (d / "z" / f"{k}-earlier.txt").write_text(r1.text, encoding="utf-8")
    return d


def _reports(d: Path) -> list:
    return [str(p) for p in (d / "a").iterdir()] + [str(p) for p in (d / "z").iterdir()]


def test_batch_finds_the_break_whatever_the_order_and_jobs(batch):
    line = int((batch / "broken_line.txt").read_text())
    prev_line = int((batch / "broken_prev_line.txt").read_text())
    folder = [run("check", batch / "a", batch / "z", "--format", "json", "--jobs", j) for j in ("1", "2")]
    files = _reports(batch)
    random.Random(3).shuffle(files)
    named = run("check", *files, "--format", "json", "--jobs", "2")
    assert folder[0] == folder[1]
    assert folder[0][1] == named[1]
    code, out, _ = named
    doc = json.loads(out)
    rl6 = [d for d in doc["diagnostics"] if d["code"].startswith("RL6")]
    assert [(Path(d["path"]).name, d["code"], d["line"]) for d in rl6] == [("4-later.txt", "RL601", line)]
    rel = [r for r in rl6[0]["related"] if "path" in r]
    assert rel and Path(rel[0]["path"]).name == "4-earlier.txt" and rel[0]["line"] == prev_line
    # the cross-year findings come after the files' own, which stay in path order
    own = [d["path"] for d in doc["diagnostics"] if not d["code"].startswith("RL6")]
    assert own == sorted(own) and doc["diagnostics"][-1]["code"] == "RL601"
    # the file counts once; it has an error now
    assert doc["summary"]["files"] == 18 and doc["summary"]["with_errors"] >= 1
    assert code == 1
    assert out == json.dumps(json.loads(out), ensure_ascii=False, indent=2) + "\n"


def test_text_output_says_across_years_and_where_in_the_other_file(batch):
    code, out, _ = run("check", batch / "a", batch / "z")
    assert code == 1
    head, _, tail = out.partition("跨年度核对")
    assert "RL601" not in head and "RL601" in tail
    assert re.search(r"相关：\S*4-earlier\.txt:\d+:\d+ 2023 年报告 结转下年度", tail)
    assert "共检查 18 个文件" in out
    en = run("check", batch / "a", batch / "z", "--lang", "en")[1]
    assert "Across years" in en and "carried over differs from the 2023 report" in en


def test_sarif_github_junit_gitlab_html_carry_the_other_file(batch, tmp_path):
    code, out, _ = run("check", batch / "a", batch / "z", "--format", "sarif")
    doc = validate_sarif(out)
    run_ = doc["runs"][0]
    res = [r for r in run_["results"] if r["ruleId"] == "RL601"]
    assert len(res) == 1
    own = res[0]["locations"][0]["physicalLocation"]["artifactLocation"]
    others = [r["physicalLocation"]["artifactLocation"] for r in res[0]["relatedLocations"]]
    assert {o["index"] for o in others} - {own["index"]}  # another artifact
    other = next(o for o in others if o["index"] != own["index"])
    assert run_["artifacts"][other["index"]]["location"]["uri"].endswith("4-earlier.txt")

    gh = run("check", batch / "a", batch / "z", "--format", "github")[1]
    line = next(ln for ln in gh.splitlines() if "RL601" in ln)
    assert "4-later.txt" in line and "4-earlier.txt%3A" not in line and re.search(r"4-earlier\.txt:\d+:\d+", line)
    junit = run("check", batch / "a", batch / "z", "--format", "junit")[1]
    assert "RL601" in junit and "4-earlier.txt:" in junit
    gl = json.loads(run("check", batch / "a", batch / "z", "--format", "gitlab")[1])
    assert any(i["check_name"].startswith("RL601") or "RL601" in i["description"] for i in gl)
    assert len({i["fingerprint"] for i in gl}) == len(gl)

    html = run("check", batch / "a", batch / "z", "--format", "html")[1]
    m = re.search(r'<a href="#(f\d+)-L(\d+)">[^<]*4-earlier\.txt', html)
    assert m, "a link into the earlier report"
    assert f'id="{m.group(1)}-L{m.group(2)}"' in html  # and the line it links to is there


def test_the_other_formats_carry_the_other_file_too(batch):
    rd = json.loads(run("check", batch / "a", batch / "z", "--format", "rdjson")[1])
    (item,) = [d for d in rd["diagnostics"] if d["code"]["value"] == "RL601"]
    assert item["location"]["path"].endswith("4-later.txt")
    assert any(r["location"]["path"].endswith("4-earlier.txt") for r in item["related_locations"])
    lines = [json.loads(x) for x in run("check", batch / "a", batch / "z", "--format", "json-lines")[1].splitlines()]
    (d,) = [x for x in lines if x["code"] == "RL601"]
    assert any(Path(r.get("path", "")).name == "4-earlier.txt" for r in d["related"])
    for fmt in ("concise", "grouped"):
        out = run("check", batch / "a", batch / "z", "--format", fmt)[1]
        assert "RL601" in out and "18" in out.splitlines()[-1]  # the summary counts 18 files, once each


def test_baseline_knows_cross_year_findings(batch, tmp_path):
    base = tmp_path / "b.json"
    assert run("check", batch / "a", batch / "z", "--write-baseline", base)[0] == 0
    assert "RL601" in base.read_text(encoding="utf-8")
    code, out, _ = run("check", batch / "a", batch / "z", "--baseline", base, "--format", "json")
    assert code == 0 and json.loads(out)["diagnostics"] == []


# ------------------------------------------------------------------------ --previous


def test_previous_pairs_explicitly(tmp_path):
    r1, r2, line, prev_line = broken_pair(seed=5)
    a, b = tmp_path / "2023.txt", tmp_path / "2024.txt"
    a.write_text(r1.text, encoding="utf-8")
    b.write_text(r2.text.replace(r2.unit, "另写的名称局"), encoding="utf-8")  # a name that cannot pair by itself
    code, out, err = run("check", b, "--previous", a, "--format", "json")
    doc = json.loads(out)
    assert code == 1 and [(d["code"], d["line"]) for d in doc["diagnostics"]] == [("RL601", line)]
    assert doc["summary"]["files"] == 1  # the previous report is context, not checked
    assert "写法不同" in err
    # without it, nothing across years
    assert json.loads(run("check", b, "--format", "json")[1])["diagnostics"] == []


def test_previous_refuses_what_cannot_pair(tmp_path):
    r1, r2, _, _ = broken_pair(seed=6)
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(r1.text, encoding="utf-8")
    b.write_text(r2.text, encoding="utf-8")
    code, _, err = run("check", a, b, "--previous", a)
    assert code == 2 and "--previous" in err
    code, _, err = run("check", b, "--previous", tmp_path / "missing.txt")
    assert code == 2 and "missing.txt" in err
    code, out, err = run("check", a, "--previous", b, "--format", "json")  # the later one as previous
    assert "不早于" in err and json.loads(out)["diagnostics"] == []
    other = tmp_path / "other.txt"
    other.write_text(r1.text.replace(r1.unit, "另一市财政局"), encoding="utf-8")
    code, out, err = run("check", b, "--previous", other, "--format", "json")
    assert "不是同一机关" in err and json.loads(out)["diagnostics"] == []
    code, _, err = run("check", b, "--previous", b, "-o", b)
    assert code == 2


# -------------------------------------------------------------------------- compare


def test_compare_side_by_side(tmp_path):
    r1, r2, line, _ = broken_pair(seed=8)
    a, b = tmp_path / "2023.txt", tmp_path / "2024.txt"
    a.write_text(r1.text, encoding="utf-8")
    b.write_text(r2.text, encoding="utf-8")
    code, out, _ = run("compare", b, a)
    assert code == 1
    assert "2023" in out and "2024" in out and "✗ RL601" in out and "上年结转" in out and "变化" in out
    code, out, _ = run("compare", a, b, "--format", "json")
    doc = json.loads(out)
    (s,) = doc["series"]
    assert s["years"] == [2023, 2024] and s["body"] == r1.unit
    row = next(x for x in s["rows"] if x["table"] == "requests" and x["row"] == "carried_over" and x["column"] == "total")
    assert row["values"] == {"2023": r1.tables["requests"]["carried_over"][6], "2024": r2.tables["requests"]["carried_over"][6]}
    assert row["changes"]["2024"] == row["values"]["2024"] - row["values"]["2023"]
    assert row["checks"] == {"2024": ["RL601"]}
    cf = next(x for x in s["rows"] if x["row"] == "carried_forward" and x["column"] == "total")
    assert cf["checks"] == {"2023": ["RL601"]}
    assert [f["code"] for f in s["findings"]] == ["RL601"] and s["findings"][0]["line"] == line
    code, out, _ = run("compare", a, b, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert {r["year"] for r in rows} == {"2023", "2024"}
    hit = [r for r in rows if r["row"] == "carried_over" and r["column"] == "total" and r["year"] == "2024"]
    assert hit and hit[0]["checks"] == "RL601"


def test_compare_a_folder_of_several_bodies(tmp_path):
    rng = random.Random(2)
    r1, r2, _, _ = synth.year_pair(rng, first_year=2022, unit="甲乙市财政局", style="value")
    s1, s2, _, _ = synth.year_pair(rng, first_year=2021, unit="丙丁市财政局", style="value")
    lone = synth.render_report(synth.random_tables(rng), "pipe", rng, year=2023, unit="高陵区人民政府")
    lone2 = synth.render_report(synth.random_tables(rng), "pipe", rng, year=2024, unit="西安市高陵区人民政府")
    for name, r in (("a1", r1), ("a2", r2), ("b1", s1), ("b2", s2), ("c", lone), ("d", lone2)):
        (tmp_path / f"{name}.txt").write_text(r.text, encoding="utf-8")
    code, out, _ = run("compare", tmp_path, "--format", "json")
    doc = json.loads(out)
    assert code == 0
    assert [(s["body"], s["years"]) for s in doc["series"]] == [("丙丁市财政局", [2021, 2022]), ("甲乙市财政局", [2022, 2023])]
    assert sorted(Path(u["path"]).name for u in doc["unpaired"]) == ["c.txt", "d.txt"]
    assert any("可能是同一机关" in n for n in doc["notes"])
    text = run("compare", tmp_path)[1]
    assert "未配对" in text and "可能是同一机关" in text and "跨年度核对均已通过" in text


def test_compare_across_the_two_templates(tmp_path):
    rng = random.Random(21)
    r1, r2, _, _ = synth.year_pair(rng, first_year=2020, templates=("2019", "2021"), style="value")
    (tmp_path / "2020.txt").write_text(r1.text, encoding="utf-8")
    (tmp_path / "2021.txt").write_text(r2.text, encoding="utf-8")
    doc = json.loads(run("compare", tmp_path, "--format", "json")[1])
    (s,) = doc["series"]
    made = next(x for x in s["rows"] if x["row"] == "normative_documents" and x["column"] == "issued")
    assert set(made["values"]) == {"2020", "2021"} and made["as_2019"] == {"2020": "active:normative_documents.made"}
    other = next(x for x in s["rows"] if x["row"] == "other.*" and x["column"] == "total")
    assert other["values"]["2020"] == r1.tables["requests"]["other"][6]
    assert other["values"]["2021"] == sum(r2.tables["requests"][k][6] for k in ("other.overdue_correction", "other.unpaid_fee", "other.other"))
    assert any("对外公开总数量" in n for n in s["notes"])
    assert s["findings"] == []


def test_compare_usage(tmp_path):
    assert run("compare", tmp_path / "missing.txt")[0] == 2
    code, out, _ = run("compare", REAL / "pingtan2021.txt")
    assert code == 0 and "未配对" in out


# ----------------------------------------------------------------------- input formats


def test_across_input_formats(tmp_path):
    """The earlier year as a web page, the later as a Word document (and a PDF when a browser
    can print one): paired by the title's body, the break found in the document's table."""
    rng = random.Random(31)
    t1 = synth.random_tables(rng)
    facts: dict = {}
    d1 = D.report_document(t1, rng, year=2023, facts=facts)
    t2 = synth.next_year_tables(rng, t1)
    prior = {"year": 2023, "new": t1["requests"]["new"][6], "style": "both", "problems": facts["problems"]}
    d2 = D.report_document(t2, rng, year=2024, prior=prior)
    page = tmp_path / "2023.html"
    page.write_text(D.to_html(d1), encoding="utf-8")
    docx = tmp_path / "2024.docx"
    docx.write_bytes(D.to_docx(d2))
    code, out, _ = run("check", page, docx, "--format", "json")
    assert json.loads(out)["diagnostics"] == [], out
    # 上年结转 changed in the document, 本年新收 moved: found in the document's table
    t2b = copy.deepcopy(t2)
    i = next(i for i in range(6) if t2b["requests"]["new"][i] >= 1)
    for key, dv in (("carried_over", 1), ("new", -1)):
        t2b["requests"][key][i] += dv
        t2b["requests"][key][6] += dv
    d2b = D.report_document(t2b, random.Random(32), year=2024,
                            prior={"year": 2023, "new": t1["requests"]["new"][6], "style": "value", "problems": facts["problems"]})
    docx.write_bytes(D.to_docx(d2b))
    doc = json.loads(run("check", page, docx, "--format", "json")[1])
    (d,) = doc["diagnostics"]
    assert d["code"] == "RL601" and d["path"].endswith("2024.docx")
    assert "表" in d["locator"]["place"]  # the document's table, in words
    rel = next(r for r in d["related"] if "path" in r)
    assert rel["path"].endswith("2023.html") and "表" in rel["locator"]["place"]
    pdf = D.print_pdf(D.to_html(d2b, furniture=False).encode("utf-8"), tmp_path, "2024")
    if pdf is not None:
        docx.unlink()
        (tmp_path / "2024.pdf").write_bytes(pdf)
        doc = json.loads(run("check", page, tmp_path / "2024.pdf", "--format", "json")[1])
        assert [x["code"] for x in doc["diagnostics"]] == ["RL601"]
        assert "页" in doc["diagnostics"][0]["locator"]["place"]


# ----------------------------------------------------------------------- a real series


def test_a_real_series_of_one_body():
    """平潭综合实验区 2019-2022 (fixtures/real): the 2019 template for 2019-2020, the 2021 template
    after; read by hand, the carried-over requests agree year to year (0, 0, 0 → 1 in 2022)."""
    files = [REAL / f"pingtan{y}.txt" for y in (2019, 2020, 2021, 2022)]
    doc = json.loads(run("compare", *files, "--format", "json")[1])
    (s,) = doc["series"]
    assert s["years"] == [2019, 2020, 2021, 2022] and s["findings"] == []
    co = next(x for x in s["rows"] if x["row"] == "carried_over" and x["column"] == "total")
    cf = next(x for x in s["rows"] if x["row"] == "carried_forward" and x["column"] == "total")
    assert co["values"] == {"2019": 0, "2020": 0, "2021": 0, "2022": 1}
    assert cf["values"] == {"2019": 0, "2020": 0, "2021": 1, "2022": 0}
    code, out, _ = run("check", *files, "--select", "RL6", "--format", "json")
    assert code == 0 and json.loads(out)["diagnostics"] == []
    # the whole corpus in one batch: one cross-year finding, and a true one: the corpus holds
    # the 高陵区 2024 report twice (simplified and traditional), which agree
    code, out, _ = run("check", REAL, "--select", "RL6", "--format", "json")
    got = [(Path(d["path"]).name, d["code"], d["severity"]) for d in json.loads(out)["diagnostics"]]
    assert got == [("p_gaoling2024_trad.txt", "RL600", "warning")]
    assert "数字相同" in json.loads(out)["diagnostics"][0]["message"]
