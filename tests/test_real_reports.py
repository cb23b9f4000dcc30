"""Every finding and the coverage line on each real report of fixtures/real, as hand-checked in
fixtures/real/expected.toml (against truth.toml). Any new finding fails (a new false alarm is
seen at once), so does a lost one (a slip missed again) and a changed coverage line.

When a change of report-lint changes these on purpose, read each difference against truth.toml
before updating expected.toml: an error must be one of the report's slips.
"""

from __future__ import annotations

import collections
import json
import re
import tomllib
from pathlib import Path

import pytest

from report_lint import source
from report_lint.config import Config
from report_lint.engine import Engine
from tests.test_cli_check import cli

REAL = Path(__file__).resolve().parent.parent / "fixtures" / "real"
EXPECTED = tomllib.loads((REAL / "expected.toml").read_text(encoding="utf-8"))
TRUTH = tomllib.loads((REAL / "truth.toml").read_text(encoding="utf-8"))["files"]
FILES = sorted(p.name for p in REAL.glob("*.txt"))
ENGINE = Engine(Config())


def _expected(name: str) -> collections.Counter:
    out: collections.Counter = collections.Counter()
    for item in EXPECTED["findings"].get(name, []):
        where, _, times = item.partition(" x")
        line, code, severity = where.split(":")
        out[(int(line), code, severity)] += int(times or 1)
    return out


def test_the_corpus_is_whole():
    # 40 or more real reports of every kind; each has its truth and its expectations
    assert len(FILES) >= 40
    assert set(FILES) == set(TRUTH) == set(EXPECTED["coverage"])
    assert set(EXPECTED["findings"]) <= set(FILES)


@pytest.mark.parametrize("name", FILES)
def test_real_report(name):
    result = ENGINE.check_source(source.from_bytes((REAL / name).read_bytes(), str(REAL / name)))
    got = collections.Counter((d.line, d.code, d.severity.name.lower()) for d in result.diagnostics)
    want = _expected(name)
    assert got == want, {"new": sorted((got - want).elements()), "lost": sorted((want - got).elements()),
                         "messages": [f"{d.line}:{d.code} {d.message}" for d in result.diagnostics
                                      if (d.line, d.code, d.severity.name.lower()) in got - want]}
    assert result.coverage.line == EXPECTED["coverage"][name]


def test_every_error_is_a_slip_of_the_report():
    """Principle 1, on the corpus: an error sits on a line where truth.toml lists a slip."""
    for name in FILES:
        slips = {s["line"] for s in TRUTH[name].get("slips", [])}
        also = set()
        for s in TRUTH[name].get("slips", []):  # a slip met on other lines too: "(also lines 5, 15, 18, 22 …)"
            for group in re.findall(r"\blines? (\d+(?:(?:, | and )\d+)*)", s["what"]):
                also |= {int(n) for n in re.findall(r"\d+", group)}
            if "also line" in s["what"]:  # "(also lines 5, 15, 17 ×4, 21 在…, 23)"
                also |= {int(n) for n in re.findall(r"\d+", s["what"].split("also line", 1)[1].split(")")[0])}
        for line, code, severity in _expected(name):
            if severity == "error":
                assert line in slips | also, (name, line, code)


def test_the_batch_adds_only_the_cross_year_findings():
    """Checked as one batch, the files give their own findings, plus RL600 on the one report that
    is in the corpus twice (the same 2024 report of 高陵区, simplified and traditional)."""
    code, out, _ = cli("check", *(REAL / name for name in FILES), "--format", "json")
    doc = json.loads(out)
    assert code == 1 and doc["summary"]["files"] == len(FILES)
    got = collections.Counter((Path(d["path"]).name, d["line"], d["code"], d["severity"]) for d in doc["diagnostics"])
    want = collections.Counter()
    for name in FILES:
        for (line, c, sev), n in _expected(name).items():
            want[(name, line, c, sev)] += n
    extra = got - want
    assert not want - got
    assert [(n, c) for n, _, c, _ in extra.elements()] == [("p_gaoling2024_trad.txt", "RL600")]
    assert {Path(f["path"]).name: f["coverage"]["summary"] for f in doc["files"]} == EXPECTED["coverage"]
