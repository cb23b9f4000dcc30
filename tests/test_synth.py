"""Tests of the synthetic report generator itself (tests/synth.py): it is the oracle of the
property tests, so it must be right before anything is measured against it."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests import synth
from tests.synth import LAYOUTS, PLACEHOLDERS, check_identities, parse_cell_text, random_tables, render_report

SEEDS = st.integers(min_value=0, max_value=2**32 - 1)


def _at(text: str, line: int, col: int) -> str:
    """The text from 1-based (line, col): lines end at "\\n" ("\\r\\n" is one line end)."""
    lines = text.split("\n")
    return lines[line - 1][col - 1:]


def _truth_value(tables: dict, key: tuple):
    table, row, idx = key
    return tables[table][row][idx]


# ---------------------------------------------------------------------------- tables


@pytest.mark.parametrize("template", synth.TEMPLATES)
@settings(max_examples=200, deadline=None)
@given(seed=SEEDS, zero_share=st.floats(0.0, 1.0))
def test_identities_hold(template, seed, zero_share):
    t = random_tables(random.Random(seed), template, zero_share)
    assert check_identities(t, template) == []


@pytest.mark.parametrize("template", synth.TEMPLATES)
def test_table_shape(template):
    t = random_tables(random.Random(1), template)
    assert list(t["requests"]) == list(synth.request_keys(template))
    assert all(len(v) == 7 for v in t["requests"].values())
    assert list(t["reviews"]) == list(synth.REVIEW_GROUPS)
    assert all(list(d) == list(synth.REVIEW_FIELDS) for d in t["reviews"].values())
    groups = synth.ACTIVE_2021 if template == "2021" else synth.ACTIVE_2019
    expect = {k: fields for _, rows, _, fields in groups for k, _ in rows}
    assert {k: tuple(d) for k, d in t["active"].items()} == expect
    if template == "2021":
        assert "other" not in t["requests"] and "other.other" in t["requests"]
    else:
        assert "other" in t["requests"] and "other.other" not in t["requests"]
        assert "procurement" in t["active"] and "change" in t["active"]["licensing"]


def test_values_are_realistic():
    rng = random.Random(5)
    values = []
    signed = False
    for _ in range(300):
        t = random_tables(rng, rng.choice(synth.TEMPLATES), 0.5)
        values += [v for row in t["requests"].values() for v in row]
        signed |= any(d.get("change", 0) < 0 for d in t["active"].values())
        for k, d in t["active"].items():
            for f, v in d.items():
                assert isinstance(v, (int, float))
                if isinstance(v, float):
                    assert f == "amount"
    assert all(isinstance(v, int) and v >= 0 for v in values)
    assert values.count(0) > len(values) / 3  # many zeros, as in real reports
    assert any(v >= 10 for v in values) and any(v >= 100 for v in values)
    assert signed


def test_all_zero_report():
    t = random_tables(random.Random(3), "2021", zero_share=1.0)
    assert all(v == 0 for row in t["requests"].values() for v in row)
    assert check_identities(t) == []


def test_check_identities_catches_errors():
    t = random_tables(random.Random(9), "2021", 0.3)
    t["requests"]["granted"][0] += 1
    bad = check_identities(t)
    assert any("row total granted" in b for b in bad) and any("outcome total" in b for b in bad)


# ---------------------------------------------------------------------------- rendering


def _check_positions(r: synth.Rendered) -> None:
    assert r.positions, "no positions recorded"
    assert set(r.positions) == set(r.cells)
    for key, (line, col) in r.positions.items():
        raw = r.cells[key]
        assert raw, key
        here = _at(r.text, line, col)
        assert here.startswith(raw.replace("\r", "")), (r.layout, key, raw, here[:30])
        if r.layout == "web_oneline":
            continue
        truth = _truth_value(r.tables, key)
        got = parse_cell_text(raw)
        if truth is None:
            assert got is None and raw.strip() in PLACEHOLDERS + ("無",), (key, raw)
        else:
            assert got == truth, (r.layout, key, raw, truth)


def _expected_keys(r: synth.Rendered) -> set:
    keys = set()
    for k, row in r.tables["requests"].items():
        keys |= {("requests", k, i) for i in range(7)}
    for k, d in r.tables["active"].items():
        keys |= {("active", k, f) for f in d}
    for g, d in r.tables["reviews"].items():
        keys |= {("reviews", g, f) for f in d}
    return keys


@pytest.mark.parametrize("layout", synth.ALL_LAYOUTS)
@pytest.mark.parametrize("template", synth.TEMPLATES)
@settings(max_examples=40, deadline=None)
@given(seed=SEEDS, traditional=st.booleans(), fullwidth=st.booleans(), crlf=st.booleans(),
       placeholders=st.booleans(), noise=st.sampled_from((0.0, 1.0, 2.0)))
def test_positions_exact(layout, template, seed, traditional, fullwidth, crlf, placeholders, noise):
    rng = random.Random(seed)
    tables = random_tables(rng, template, rng.choice((0.2, 0.5, 0.9)))
    r = render_report(tables, layout, rng, template=template, year=2023, traditional=traditional,
                      fullwidth_digits=fullwidth, crlf=crlf, placeholders=placeholders, noise=noise)
    _check_positions(r)
    if layout != "web_oneline":
        assert set(r.positions) == _expected_keys(r)
    # truth still balances when placeholders count as 0
    assert check_identities(r.tables, template) == []
    if crlf and layout != "web_oneline":
        assert "\r\n" in r.text and "\n" not in r.text.replace("\r\n", "")
    else:
        assert "\r" not in r.text


@pytest.mark.parametrize("layout", synth.ALL_LAYOUTS)
def test_report_skeleton(layout):
    rng = random.Random(11)
    tables = random_tables(rng, "2021", 0.5)
    r = render_report(tables, layout, rng, template="2021", year=2024)
    t = r.text
    heads = [t.find(h) for h in ("一、总体情况", "二、", "三、收到和处理", "四、", "五、", "六、其他")]
    assert all(h >= 0 for h in heads), heads
    assert "2024" in t[:80] and "政府信息公开工作" in t[:80] and "年度报告" in t[:100]
    assert t.rstrip().endswith(r.signature_date) and r.signature_date.startswith("2025年1月")
    assert r.unit in t[:60]
    if layout == "web_oneline":
        assert "\n" not in t
    else:
        assert t.count("\n") > 30


def test_web_oneline_positions_are_runs():
    rng = random.Random(2)
    tables = random_tables(rng, "2021", 0.5)
    r = render_report(tables, "web_oneline", rng, template="2021")
    line = r.text
    assert "\n" not in line
    req_keys = [k for k in r.positions if k[0] == "requests"]
    assert len(req_keys) == len(tables["requests"]) and all(k[2] == 0 for k in req_keys)
    for key, (ln, col) in r.positions.items():
        assert ln == 1
        run = r.cells[key]
        assert line[col - 1:col - 1 + len(run)] == run and run.isdigit()
    for k, row in tables["requests"].items():
        assert r.cells[("requests", k, 0)] == "".join(str(v) for v in row)


def test_web_oneline_recoverable():
    # the FORMAT.md §7 example: 71,3,0,0,0,0,74 is the only split
    assert synth._count_splits("713000074", ((7, True),)) == 1
    assert synth._count_splits("0000000", ((7, True),)) == 1
    assert synth._count_splits("1100002", ((7, True),)) == 1  # 1,1,0,0,0,0,2
    # 11,0,0,0,0,0,11 and 1,10,0,0,0,0,11 both fit
    assert synth._count_splits("110000011", ((7, True),)) == 2
    # the next row's ordinal is not part of the run: 37,0,0,0,0,0,37
    assert synth._count_splits("370000037", ((7, True),)) == 1
    # ambiguous: 1,1,1,1,1,10,15 vs 11,1,1,1,1,0,15 ... count >= 2
    assert synth._count_splits("111111015", ((7, True),)) == 2
    assert synth._count_splits("000", ((3, False),)) == 1
    assert synth._count_splits("31332", ((3, False),)) == 2
    rng = random.Random(4)
    seen = set()
    for _ in range(50):
        r = synth.random_report(rng, layout="web_oneline")
        seen |= set(r.recoverable.values())
        assert ("requests", "total") in r.recoverable
    assert seen == {True, False}


def test_placeholders_are_none_in_truth():
    found = 0
    for seed in range(40):
        rng = random.Random(seed)
        tables = random_tables(rng, "2021", 0.8)
        r = render_report(tables, "pipe", rng, placeholders=True)
        for key, raw in r.cells.items():
            if _truth_value(r.tables, key) is None:
                found += 1
                assert _truth_value(tables, key) == 0
                assert raw in PLACEHOLDERS
    assert found > 0


def test_no_placeholders_by_default():
    for seed in range(20):
        r = synth.random_report(random.Random(seed))
        assert all(v is not None for row in r.tables["requests"].values() for v in row)


def test_traditional_fullwidth():
    rng = random.Random(8)
    tables = random_tables(rng, "2021", 0.3)
    r = render_report(tables, "pipe", rng, traditional=True, fullwidth_digits=True)
    assert "結轉" in r.text and "公開" in r.text
    vals = [v for k, v in r.cells.items()]
    assert all(not any(c in "0123456789" for c in v) for v in vals)
    assert any(c in "０１２３４５６７８９" for v in vals for c in v)
    _check_positions(r)


def test_to_traditional_keeps_line_lengths():
    s = "规范性文件 结转 本年度办理结果\n干部 发 后 里 于\n“三安全一稳定”（一）予以公开 1,234"
    t = synth.to_traditional(s)
    assert [len(x) for x in t.split("\n")] == [len(x) for x in s.split("\n")]
    assert "規範性文件" in t


def test_narrative_agrees_with_tables():
    for seed in range(60):
        rng = random.Random(seed)
        tables = random_tables(rng, "2021", 0.4)
        r = render_report(tables, "pipe", rng)
        new_t, co_t = r.tables["requests"]["new"][6], r.tables["requests"]["carried_over"][6]
        if "共收到政府信息公开申请" in r.text:
            assert f"共收到政府信息公开申请{new_t}" in r.text
            assert f"上年结转{co_t}" in r.text
        elif "依申请公开情况。" in r.text and f"上年结转{co_t}" in r.text:  # the paragraph says what is counted
            assert f"共收到{new_t}" in r.text or f"共受理{new_t}" in r.text
            if "本年度共办结" in r.text:
                assert f"本年度共办结{r.tables['requests']['total'][6]}" in r.text


def test_template_2019_labels():
    rng = random.Random(6)
    tables = random_tables(rng, "2019", 0.5)
    r = render_report(tables, "pipe", rng, template="2019", year=2020, noise=0)
    assert "本年新制作数量" in r.text and "政府集中采购" in r.text and "本年制发件数" not in r.text
    assert "其他处理" in r.text and "3.其他" not in r.text
    r21 = render_report(random_tables(rng, "2021"), "pipe", rng, noise=0)
    assert "本年制发件数" in r21.text and "3.其他" in r21.text


def test_deterministic():
    for layout in LAYOUTS:
        a = synth.random_report(random.Random(123), layout=layout, placeholders=True, traditional=True)
        b = synth.random_report(random.Random(123), layout=layout, placeholders=True, traditional=True)
        assert a.text == b.text and a.tables == b.tables and a.positions == b.positions
    c = synth.random_report(random.Random(124), layout="pipe")
    d = synth.random_report(random.Random(123), layout="pipe")
    assert c.text != d.text


def test_narrative_scale_grows_linearly():
    sizes = []
    for scale in (1, 4, 16):
        rng = random.Random(77)
        tables = random_tables(rng, "2021")
        sizes.append(len(render_report(tables, "pipe", rng, narrative_scale=scale).text))
    assert sizes[0] < sizes[1] < sizes[2]
    assert (sizes[2] - sizes[1]) == pytest.approx(4 * (sizes[1] - sizes[0]), rel=0.01)


def test_speed():
    import time

    rng = random.Random(0)
    n = 300
    t0 = time.perf_counter()
    for _ in range(n):
        synth.random_report(rng)
    rate = n / (time.perf_counter() - t0)
    assert rate > 300, f"{rate:.0f} reports/s"


def _brute_splits(digits: str, groups: tuple) -> int:
    import itertools

    nparts = sum(size for size, _ in groups)
    n = len(digits)
    count = 0
    for cuts in itertools.combinations(range(1, n), nparts - 1):
        bounds = (0,) + cuts + (n,)
        nums = [digits[bounds[i]:bounds[i + 1]] for i in range(nparts)]
        if any(len(x) > 1 and x[0] == "0" for x in nums):
            continue
        vals = [int(x) for x in nums]
        ok, i = True, 0
        for size, constrained in groups:
            g = vals[i:i + size]
            i += size
            if constrained and sum(g[:-1]) != g[-1]:
                ok = False
        count += ok
    return min(count, 2)


@settings(max_examples=300, deadline=None)
@given(digits=st.text("0123456789", min_size=1, max_size=12),
       groups=st.sampled_from((((7, True),), ((3, False),), ((1, False),), ((3, True), (2, True)),
                               ((2, False), (3, True)), ((3, True), (1, False)))))
def test_count_splits_matches_brute_force(digits, groups):
    assert synth._count_splits(digits, groups) == _brute_splits(digits, groups)


@settings(max_examples=60, deadline=None)
@given(seed=SEEDS)
def test_count_splits_on_real_rows(seed):
    rng = random.Random(seed)
    t = random_tables(rng, "2021", rng.choice((0.2, 0.6)))
    for row in t["requests"].values():
        run = "".join(map(str, row))
        assert synth._count_splits(run, ((7, True),)) >= 1
    rv = "".join(str(t["reviews"][g][f]) for g in synth.REVIEW_GROUPS for f in synth.REVIEW_FIELDS)
    assert synth._count_splits(rv, ((5, True),) * 3) >= 1


def test_bench_generate_only(tmp_path):
    """benchmarks/bench.py --generate-only writes decodable reports whose truth positions hold."""
    import json
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    out = tmp_path / "gen"
    proc = subprocess.run([sys.executable, str(root / "benchmarks" / "bench.py"), "--generate-only", str(out),
                           "-n", "27", "--seed", "5"], capture_output=True, text=True, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    files = sorted(out.glob("*.txt"))
    assert len(files) == 27
    recs = [json.loads(line) for line in (out / "truth.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [r["file"] for r in recs] == [f.name for f in files]
    assert {r["layout"] for r in recs} == set(LAYOUTS)
    assert {r["encoding"] for r in recs} >= {"utf-8", "gb18030"}
    for r in recs:
        text = (out / r["file"]).read_bytes().decode(r["encoding"])
        for key, (line, col) in r["positions"].items():
            table, row, idx = key.split("/")
            assert _at(text, line, col)[:1].strip(), key
            if r["layout"] != "web_oneline":
                truth = r["tables"][table][row][int(idx) if table == "requests" else idx]
                here = _at(text, line, col).replace("\r", "")
                if truth is not None:
                    assert parse_cell_text(here.split()[0].split("|")[0]) == truth, (r["file"], key)
