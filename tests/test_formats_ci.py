"""The CI formats: SARIF, GitHub workflow commands, JUnit XML, GitLab Code Quality.

Each is produced for the seeds through the command line and through ``render()``, then read
back the way its consumer reads it: SARIF against the vendored 2.1.0 schema, GitHub lines with
the runner's own parsing and un-escaping, JUnit with ElementTree, GitLab as JSON. Positions must
be those of the JSON format for the same diagnostics.
"""

from __future__ import annotations

import codecs
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse
from urllib.request import url2pathname

import pytest
from typer.testing import CliRunner

from report_lint.cli import app
from report_lint.config import Config
from report_lint.engine import Engine
from report_lint.findings import Diagnostic, FileResult, RelatedPosition, Severity
from report_lint.fingerprints import fingerprints
from report_lint.reporters import render
from report_lint.rules import all_rules
from report_lint.source import from_text
from tests.test_rules_tables import CLEAN

BROKEN = CLEAN.replace("| (一)予以公开 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |", "| (一)予以公开 | 2 | 0 | 0 | 0 | 0 | 0 | 3 |")
assert BROKEN != CLEAN

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "fixtures" / "seeds").glob("*.txt"))
SCHEMA = json.loads((Path(__file__).resolve().parent / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
CI_FORMATS = ("sarif", "github", "junit", "gitlab")

runner = CliRunner()


def run(*args: str, stdin: bytes | None = None):
    return runner.invoke(app, list(args), input=stdin)


@pytest.fixture(autouse=True)
def in_root(monkeypatch):
    """Repository-relative paths are relative to the current directory: make it the checkout."""
    monkeypatch.chdir(ROOT)


@pytest.fixture(scope="module")
def seed_results() -> list[FileResult]:
    assert len(SEEDS) == 5
    engine = Engine(Config(), "zh")
    return [engine.check_path(str(p)) for p in SEEDS]


def json_positions(results) -> list[tuple]:
    data = json.loads(render("json", results))
    return [(d["path"], d["code"], d["line"], d["column"], d["end_line"], d["end_column"]) for d in data["diagnostics"]]


def ordered(results) -> list[Diagnostic]:
    """The diagnostics in the JSON format's order (every CI format uses it)."""
    order = [(d["path"], d["code"], d["line"], d["column"]) for d in json.loads(render("json", results))["diagnostics"]]
    diags = sorted((d for r in results for d in r.diagnostics), key=lambda d: (d.path, d.line, d.column, d.code))
    assert [(d.path, d.code, d.line, d.column) for d in diags] == order
    return diags


# --------------------------------------------------------------------------- synthetic input

NASTY = "100% 完成: a, b\r\n下一行 %0A %25 %3A ::x:: 末尾 "
TEXT = "第一行\n第二行：自然人 47，总计 48\n第三行 %25\n"


def synthetic(path: str = "reports/某县,2024:年报.txt") -> FileResult:
    """One file with awkward messages: markup, escapes, separators, line breaks, controls."""
    src = from_text(TEXT, path)
    diags = [
        Diagnostic(path, "RL102", "requests-row-total", Severity.ERROR, NASTY, 2, 5, 2, 11,
                   [RelatedPosition(1, 1, "相关, 位置: 1%")], detail="47 + 1 = 48\n≠ 49"),
        Diagnostic(path, "RL106", "placeholder-cell", Severity.WARNING, "<b>&amp;</b> \"引号\" 'x'", 2, 1, 3, 3),
        Diagnostic(path, "RL506", "page-residue", Severity.INFO, "控制\x00字符\x1b[31m\x0b\x0c\ufffe结束", 3, 1, 3, 4),
        # Two identical findings: their fingerprints must still differ.
        Diagnostic(path, "RL002", "not-a-report", Severity.ERROR, "整个文件", 1, 1, 1, 1),
        Diagnostic(path, "RL002", "not-a-report", Severity.ERROR, "整个文件", 1, 1, 1, 1),
    ]
    return FileResult(path, src, diags)


def unreadable(path: str = "no/such/年报.txt") -> FileResult:
    return Engine(Config(), "zh").check_path(path)


def clean_file(tmp_path: Path, name: str = "clean.txt") -> FileResult:
    p = tmp_path / name
    p.write_text(CLEAN, encoding="utf-8")
    r = Engine(Config(), "zh").check_path(str(p))
    assert r.diagnostics == [] and r.error is None
    return r


# --------------------------------------------------------------------------- all formats


@pytest.mark.parametrize("fmt", CI_FORMATS)
def test_cli_output_is_render_output(fmt, seed_results):
    r = run("check", *map(str, SEEDS), "--format", fmt)
    assert r.exit_code == 1, r.output  # the seeds have errors
    assert r.stdout == render(fmt, seed_results, lang="zh")
    assert r.stdout.strip()


@pytest.mark.parametrize("fmt", CI_FORMATS)
def test_statistics_and_color_are_ignored(fmt, seed_results):
    assert render(fmt, seed_results, statistics=True, color=True) == render(fmt, seed_results)


@pytest.mark.parametrize("fmt", CI_FORMATS)
def test_cli_output_file_is_utf8_without_bom(fmt, tmp_path):
    out = tmp_path / f"report.{fmt}"
    r = run("check", str(SEEDS[3]), "--format", fmt, "--output", str(out))
    assert r.exit_code == 1 and r.stdout == ""
    data = out.read_bytes()
    assert not data.startswith(codecs.BOM_UTF8)
    assert "博彩".encode("utf-8") in data  # the seed's injected-spam finding, not \u-escaped
    assert data.decode("utf-8") == render(fmt, [Engine(Config(), "zh").check_path(str(SEEDS[3]))])


def test_english_messages():
    engine = Engine(Config(), "en")
    results = [engine.check_path(str(p)) for p in SEEDS]
    expected = [d["message"] for d in json.loads(render("json", results, lang="en"))["diagnostics"]]
    run_ = json.loads(render("sarif", results, lang="en"))["runs"][0]
    assert run_["language"] == "en-US"
    assert [r["message"]["text"].split("\n")[0] for r in run_["results"]] == expected
    rl010 = next(r for r in run_["tool"]["driver"]["rules"] if r["id"] == "RL010")
    assert rl010["shortDescription"]["text"] == next(r for r in all_rules() if r.code == "RL010").summary.en
    assert [d[2] for d in parse_github(render("github", results, lang="en"))][0].split("\n")[0] == expected[0]
    assert [i["description"] for i in parse_gitlab(render("gitlab", results, lang="en"))] == expected


# --------------------------------------------------------------------------- SARIF


def validate_sarif(out: str) -> dict:
    jsonschema = pytest.importorskip("jsonschema")  # in the "test" extra; only the SARIF tests need it
    doc = json.loads(out)
    validator = jsonschema.Draft7Validator(SCHEMA, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)
    errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:5])
    assert doc["version"] == "2.1.0" and doc["$schema"].endswith("sarif-schema-2.1.0.json")
    assert len(doc["runs"]) == 1
    return doc


def resolve(location: dict, run_: dict) -> str:
    """An artifactLocation back to a filesystem path, as a SARIF viewer would."""
    uri = location["uri"]
    if "uriBaseId" in location:
        base = run_["originalUriBaseIds"][location["uriBaseId"]]["uri"]
        assert base.endswith("/")
        uri = urljoin(base, uri)
    parsed = urlparse(uri)
    assert parsed.scheme == "file"
    return url2pathname(parsed.path)


def test_sarif_seeds_validate_and_match_json(seed_results):
    doc = validate_sarif(render("sarif", seed_results))
    run_ = doc["runs"][0]
    assert run_["columnKind"] == "unicodeCodePoints"
    assert run_["originalUriBaseIds"] == {"%SRCROOT%": {"uri": ROOT.as_uri() + "/"}}
    driver = run_["tool"]["driver"]
    from report_lint import __version__

    assert driver["name"] == "report-lint" and driver["version"] == __version__
    rules = all_rules()
    assert [r["id"] for r in driver["rules"]] == [r.code for r in rules]
    level = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
    for desc, rule in zip(driver["rules"], rules):
        assert desc["name"] == rule.name
        assert desc["shortDescription"]["text"] == rule.summary.text("zh")
        assert desc["defaultConfiguration"]["level"] == level[rule.severity]
        if rule.doc("zh"):
            assert desc["fullDescription"]["text"] == desc["help"]["text"] == rule.doc("zh")

    diags = ordered(seed_results)
    results = run_["results"]
    assert len(results) == len(diags) > 0
    fps = {id(d): f for d, f in fingerprints(seed_results)}
    positions = []
    for res, d in zip(results, diags):
        assert res["ruleId"] == d.code and driver["rules"][res["ruleIndex"]]["id"] == d.code
        assert res["level"] == level[d.severity]
        assert res["message"]["text"].split("\n")[0] == d.message
        assert res["partialFingerprints"] == {"reportLint/v1": fps[id(d)]}
        (loc,) = res["locations"]
        phys = loc["physicalLocation"]
        assert phys["artifactLocation"]["uri"].startswith("fixtures/seeds/")
        assert resolve(phys["artifactLocation"], run_) == d.path
        assert run_["artifacts"][phys["artifactLocation"]["index"]]["location"]["uri"] == phys["artifactLocation"]["uri"]
        reg = phys["region"]
        positions.append((d.path, res["ruleId"], reg["startLine"], reg["startColumn"], reg["endLine"], reg["endColumn"]))
        assert [(x["physicalLocation"]["region"]["startLine"], x["message"]["text"]) for x in res.get("relatedLocations", [])] == [
            (rel.line, rel.message) for rel in d.related
        ]
    assert positions == json_positions(seed_results)
    assert len({r["partialFingerprints"]["reportLint/v1"] for r in results}) == len(results)
    assert len(run_["artifacts"]) == len(SEEDS)
    assert run_["invocations"][0]["executionSuccessful"] is True


def test_sarif_no_findings_and_no_files(tmp_path):
    doc = validate_sarif(render("sarif", [clean_file(tmp_path)]))
    run_ = doc["runs"][0]
    assert run_["results"] == [] and len(run_["artifacts"]) == 1
    assert len(run_["tool"]["driver"]["rules"]) == len(all_rules())
    doc = validate_sarif(render("sarif", []))
    assert doc["runs"][0]["results"] == []


def test_sarif_unreadable_file_is_a_result_and_a_notification(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"%PDF-1.5\n\x00\x01")
    results = [unreadable(), Engine(Config(), "zh").check_path(str(bad)), clean_file(tmp_path)]
    doc = validate_sarif(render("sarif", results))
    run_ = doc["runs"][0]
    assert [r["ruleId"] for r in run_["results"]] == ["RL001", "RL001"]
    assert {r["level"] for r in run_["results"]} == {"error"}
    inv = run_["invocations"][0]
    assert inv["executionSuccessful"] is False
    assert [n["descriptor"]["id"] for n in inv["toolExecutionNotifications"]] == [r.error.code for r in results[:2]]
    assert "not-found" in run_["results"][0]["message"]["text"] or "not-found" in run_["results"][1]["message"]["text"]


def test_sarif_chinese_and_reserved_characters_in_paths_are_percent_encoded(tmp_path, monkeypatch):
    sub = tmp_path / "年报 2024"
    sub.mkdir()
    p = sub / "某县#1%,政府.txt"
    p.write_text(BROKEN, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    for given in (str(p), "年报 2024/某县#1%,政府.txt"):
        r = run("check", given, "--format", "sarif")
        assert r.exit_code == 1, r.output
        run_ = validate_sarif(r.stdout)["runs"][0]
        assert run_["results"]
        loc = run_["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
        assert loc["uriBaseId"] == "%SRCROOT%"
        assert loc["uri"] == "%E5%B9%B4%E6%8A%A5%202024/%E6%9F%90%E5%8E%BF%231%25%2C%E6%94%BF%E5%BA%9C.txt"
        assert loc["uri"].isascii() and unquote(loc["uri"]) == "年报 2024/某县#1%,政府.txt"
        assert resolve(loc, run_) == str(p)
        assert run_["originalUriBaseIds"]["%SRCROOT%"]["uri"] == tmp_path.as_uri() + "/"


def test_sarif_file_outside_cwd_gets_an_absolute_uri(tmp_path, monkeypatch):
    p = tmp_path / "外部.txt"
    p.write_text(CLEAN, encoding="utf-8")
    inner = tmp_path / "inner"
    inner.mkdir()
    monkeypatch.chdir(inner)
    result = Engine(Config(), "zh").check_path("../外部.txt")
    result.diagnostics.append(Diagnostic(result.path, "RL002", "not-a-report", Severity.ERROR, "m", 1, 1, 1, 1))
    run_ = validate_sarif(render("sarif", [result]))["runs"][0]
    loc = run_["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert "uriBaseId" not in loc and loc["uri"] == p.as_uri() and loc["uri"].isascii()
    assert resolve(loc, run_) == str(p)


def test_sarif_stdin(tmp_path):
    broken = BROKEN.encode("gb18030")
    r = run("check", "-", "--format", "sarif", stdin=broken)
    run_ = validate_sarif(r.stdout)["runs"][0]
    assert len(run_["results"]) >= 1
    for res in run_["results"]:
        loc = res["locations"][0]["physicalLocation"]["artifactLocation"]
        assert loc == {"uri": "-", "description": {"text": "标准输入"}, "index": 0}
    r = run("check", "-", "--stdin-filename", "来自标准输入.txt", "--format", "sarif", stdin=broken)
    run_ = validate_sarif(r.stdout)["runs"][0]
    loc = run_["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert loc["uri"] == "%E6%9D%A5%E8%87%AA%E6%A0%87%E5%87%86%E8%BE%93%E5%85%A5.txt" and loc["uriBaseId"] == "%SRCROOT%"


def test_sarif_synthetic_messages_detail_and_related():
    result = synthetic()
    run_ = validate_sarif(render("sarif", [result]))["runs"][0]
    first = next(r for r in run_["results"] if r["ruleId"] == "RL102")
    assert first["message"]["text"] == NASTY + "\n47 + 1 = 48\n≠ 49"
    assert first["relatedLocations"] == [{
        "id": 1,
        "physicalLocation": {"artifactLocation": first["locations"][0]["physicalLocation"]["artifactLocation"],
                             "region": {"startLine": 1, "startColumn": 1}},
        "message": {"text": "相关, 位置: 1%"},
    }]
    fps = [r["partialFingerprints"]["reportLint/v1"] for r in run_["results"]]
    assert len(set(fps)) == len(fps) == 5


# --------------------------------------------------------------------------- GitHub

# The runner's syntax (actions/runner ActionCommand.TryParseV2): "::" command [" " properties]
# "::" data, the properties split on "," and each on the first "="; an escaped property value
# holds no ":" and no ",", so the first "::" after the command ends the properties.
COMMAND = re.compile(r"::(?P<cmd>error|warning|notice)(?: (?P<props>[^:\r\n]*))?::(?P<data>[^\r\n]*)")
PROPERTY = re.compile(r"(?P<key>file|line|endLine|col|endColumn|title)=(?P<value>[^,=:\r\n]+)")


def unescape_data(s: str) -> str:  # the runner's order: CR, LF, then "%"
    return s.replace("%0D", "\r").replace("%0A", "\n").replace("%25", "%")


def unescape_property(s: str) -> str:
    return s.replace("%0D", "\r").replace("%0A", "\n").replace("%3A", ":").replace("%2C", ",").replace("%25", "%")


def parse_github(out: str) -> list[tuple[str, dict, str]]:
    assert out == "" or out.endswith("\n")
    assert "\r" not in out
    commands = []
    for line in out.split("\n")[:-1]:
        m = COMMAND.fullmatch(line)
        assert m, line
        props = {}
        for item in (m["props"] or "").split(","):
            p = PROPERTY.fullmatch(item)
            assert p, item
            assert p["key"] not in props
            props[p["key"]] = unescape_property(p["value"])
        commands.append((m["cmd"], props, unescape_data(m["data"])))
    return commands


def test_github_seeds(seed_results):
    commands = parse_github(render("github", seed_results))
    diags = ordered(seed_results)
    assert len(commands) == len(diags) > 0
    cmd_of = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
    positions = []
    for (cmd, props, data), d in zip(commands, diags):
        assert cmd == cmd_of[d.severity]
        assert props["file"] == d.path.replace("\\", "/")
        assert props["title"] == f"{d.code} {d.name}"
        assert data.split("\n")[0] == d.message
        if d.detail:
            assert d.detail in data
        assert props["endLine"] == str(d.end_line) and d.end_line == d.line  # seeds: single-line spans
        positions.append((d.path, d.code, int(props["line"]), int(props["col"]), int(props["endLine"]), int(props["endColumn"])))
    assert positions == json_positions(seed_results)
    assert {c for c, _, _ in commands} == {"error", "warning", "notice"}


def test_github_escaping_round_trip_and_positions():
    result = synthetic("reports\\某县,2024:年报 100%.txt")
    commands = parse_github(render("github", [result]))
    assert len(commands) == 5
    cmd, props, data = commands[0]  # sorted by path, line, column, code: the whole-file ones first
    assert (cmd, props) == ("error", {"file": "reports/某县,2024:年报 100%.txt", "line": "1", "title": "RL002 not-a-report"})
    assert data == "整个文件"
    cmd, props, data = commands[2]
    assert cmd == "warning" and props == {
        "file": "reports/某县,2024:年报 100%.txt", "line": "2", "endLine": "3", "title": "RL106 placeholder-cell",
    }  # the runner drops columns of a multi-line span, so none are written
    assert data == "<b>&amp;</b> \"引号\" 'x'"
    cmd, props, data = commands[3]
    assert cmd == "error" and props["line"] == props["endLine"] == "2" and (props["col"], props["endColumn"]) == ("5", "11")
    assert data == NASTY + "\n47 + 1 = 48\n≠ 49\n相关：1:1 相关, 位置: 1%"
    assert commands[4][0] == "notice" and commands[4][2] == "控制\x00字符\x1b[31m\x0b\x0c\ufffe结束"


def test_github_stdin_has_no_file_and_english_related():
    d = Diagnostic("-", "RL102", "requests-row-total", Severity.ERROR, "m", 2, 1, 2, 3, [RelatedPosition(1, 1, "r")])
    ((cmd, props, data),) = parse_github(render("github", [FileResult("-", None, [d])], lang="en"))
    assert "file" not in props and data == "m\nrelated: 1:1 r"


def test_github_nothing_found_prints_nothing(tmp_path):
    assert render("github", [clean_file(tmp_path)]) == ""
    r = run("check", str(tmp_path / "clean.txt"), "--format", "github")
    assert r.exit_code == 0 and r.stdout == ""


# --------------------------------------------------------------------------- JUnit


def parse_junit(out: str) -> ET.Element:
    assert out.startswith('<?xml version="1.0" encoding="UTF-8"?>\n')
    root = ET.fromstring(out.encode("utf-8"))
    assert root.tag == "testsuites" and root.get("name") == "report-lint"
    suites = root.findall("testsuite")
    for key, tag in (("tests", "testcase"), ("failures", "testcase/failure"), ("errors", "testcase/error")):
        per_suite = [len(s.findall(tag)) for s in suites]
        assert [int(s.get(key)) for s in suites] == per_suite
        assert int(root.get(key)) == sum(per_suite)
    return root


def test_junit_seeds(seed_results):
    root = parse_junit(render("junit", seed_results))
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == [str(p) for p in SEEDS]
    for suite, result in zip(suites, seed_results):
        cases = suite.findall("testcase")
        if not result.diagnostics:
            assert [(c.get("classname"), c.get("name"), list(c)) for c in cases] == [(result.path, "report-lint", [])]
            continue
        assert len(cases) == len(result.diagnostics)
        for case, d in zip(cases, result.diagnostics):
            assert case.get("classname") == d.path and case.get("name") == f"{d.code} {d.line}:{d.column}"
            (failure,) = list(case)
            assert failure.tag == "failure" and failure.get("type") == d.code and failure.get("message") == d.message
            assert f"{d.line}:{d.column}-{d.end_line}:{d.end_column}" in failure.text and d.message in failure.text
    assert int(root.get("failures")) == sum(len(r.diagnostics) for r in seed_results)
    assert root.get("errors") == "0"


def test_junit_clean_unreadable_and_control_characters(tmp_path):
    results = [clean_file(tmp_path), unreadable(), synthetic()]
    root = parse_junit(render("junit", results))
    clean, bad, syn = root.findall("testsuite")
    assert [(c.get("name"), list(c)) for c in clean.findall("testcase")] == [("report-lint", [])]
    (case,) = bad.findall("testcase")
    assert case.get("name") == "RL001 1:1" and case.find("error").get("type") == "RL001"
    assert (bad.get("tests"), bad.get("failures"), bad.get("errors")) == ("1", "0", "1")
    messages = [c.find("failure").get("message") for c in syn.findall("testcase")]
    assert messages[0] == NASTY  # CR and LF in an attribute survive as character references
    assert messages[2] == "控制字符[31m结束"  # the illegal characters are gone, the rest kept
    assert messages[1] == "<b>&amp;</b> \"引号\" 'x'"
    assert "47 + 1 = 48\n≠ 49" in syn.find("testcase/failure").text
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("7", "5", "1")


def test_junit_no_files():
    root = parse_junit(render("junit", []))
    assert root.get("tests") == "0" and root.findall("testsuite") == []


# --------------------------------------------------------------------------- GitLab


def parse_gitlab(out: str) -> list[dict]:
    assert not out.startswith("\ufeff")
    issues = json.loads(out)
    assert isinstance(issues, list)
    for issue in issues:
        assert set(issue) == {"description", "check_name", "fingerprint", "severity", "location"}
        assert issue["severity"] in {"info", "minor", "major", "critical", "blocker"}
        assert set(issue["location"]) == {"path", "positions"}
        assert re.fullmatch("[0-9a-f]{64}", issue["fingerprint"])
    fps = [i["fingerprint"] for i in issues]
    assert len(set(fps)) == len(fps)
    return issues


def test_gitlab_seeds(seed_results):
    issues = parse_gitlab(render("gitlab", seed_results))
    diags = ordered(seed_results)
    assert len(issues) == len(diags) > 0
    fps = {id(d): f for d, f in fingerprints(seed_results)}
    severity = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}
    positions = []
    for issue, d in zip(issues, diags):
        assert issue["check_name"] == d.code and issue["description"] == d.message
        assert issue["fingerprint"] == fps[id(d)] and issue["severity"] == severity[d.severity]
        loc = issue["location"]
        assert loc["path"] == Path(d.path).relative_to(ROOT).as_posix() and loc["path"].startswith("fixtures/seeds/")
        b, e = loc["positions"]["begin"], loc["positions"]["end"]
        positions.append((d.path, d.code, b["line"], b["column"], e["line"], e["column"]))
    assert positions == json_positions(seed_results)


def test_gitlab_identical_findings_paths_and_empty(tmp_path, monkeypatch):
    issues = parse_gitlab(render("gitlab", [synthetic("reports\\某县 2024.txt"), unreadable("../外面/年报.txt")]))
    assert len(issues) == 6
    twins = [i for i in issues if i["check_name"] == "RL002"]
    assert len(twins) == 2 and twins[0]["fingerprint"] != twins[1]["fingerprint"]
    assert {i["location"]["path"] for i in issues} == {"reports/某县 2024.txt", (ROOT.parent / "外面" / "年报.txt").as_posix()}
    rl001 = next(i for i in issues if i["check_name"] == "RL001")
    assert rl001["severity"] == "major" and rl001["location"]["positions"]["begin"] == {"line": 1, "column": 1}
    assert render("gitlab", [clean_file(tmp_path)]) == "[]\n"
    d = Diagnostic("-", "RL102", "requests-row-total", Severity.WARNING, "m", 2, 1, 2, 3)
    assert parse_gitlab(render("gitlab", [FileResult("-", None, [d])]))[0]["location"]["path"] == "-"
