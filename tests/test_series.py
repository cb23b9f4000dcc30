"""A body's reports across years (RL6xx): pairing, the checks, their places in both files.

Pairs of consecutive years are generated consistent with each other (tests/synth.py:
year_pair, next_year_tables): 上年结转 = last year's 结转下年度, 现行有效 carried on, the prose's
statement about last year true. Such pairs get no finding at all; one value changed gives
exactly the right finding, on the right row or line of the later report.
"""

from __future__ import annotations

import copy
import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from report_lint import source as src
from report_lint.config import Config
from report_lint.engine import Engine
from report_lint.series.bodies import compatible, find_body, full_name, key_of
from report_lint.series.pairing import group, unsure
from report_lint.series.stage import SeriesStage
from tests import synth

PAIRS = (("2021", "2021"), ("2019", "2019"), ("2019", "2021"))


def check(named: "list[tuple[str, str]]", config: "Config | None" = None):
    """(per-file results, cross-year results) of a batch of (name, text), as `check` makes them."""
    eng = Engine(config or Config())
    eng.collect_series = True
    results = []
    for name, text in named:
        s = src.from_text(text, name)
        r = eng.check_source(s)
        if r.series is not None:
            r.series.source = s  # not on disk: the stage cannot read it again
        results.append(r)
    out = list(SeriesStage(eng, [])(results))
    return [r for r in out if not r.extra], [r for r in out if r.extra]


def series_diags(named, config=None):
    _, extra = check(named, config)
    return [d for r in extra for d in r.diagnostics]


def first_year(rng: random.Random, templates) -> int:
    return 2019 if templates[0] == "2019" else rng.randint(2021, 2023)


# ------------------------------------------------------------------------- bodies


def test_full_names_and_keys():
    assert full_name("某市某区人社局") == "某市某区人力资源和社会保障局"
    assert full_name("高陵区政府") == "高陵区人民政府"
    assert full_name("西安市高陵区") == "西安市高陵区人民政府"
    assert full_name("北街街道") == "北街街道办事处"
    assert full_name("大五里镇") == "大五里镇人民政府"
    assert key_of("襄城区人社局") == key_of("襄城区人力资源和社会保障局") == "襄城区人力资源和社会保障局"
    # no place, a generic one, or 我局: whose? never a key
    for name in ("区人社局", "人力资源和社会保障局", "开发区管委会", "我局", "住房和城乡建设局", "市场监督管理局"):
        assert key_of(name) is None, name
    assert key_of("国家体育总局") == "国家体育总局" and key_of("教育部") == "教育部"
    assert compatible("西安市高陵区人民政府", "高陵区人民政府")
    assert not compatible("高陵区人民政府", "临潼区人民政府")
    assert not compatible("高陵区财政局", "高陵区人民政府")


@pytest.mark.parametrize("text, name", [
    ("西安市高陵区人民政府2024年政府信息公开工作年度报告\n一、总体情况\n", "西安市高陵区人民政府"),
    ("2024年度长春新区管委会政府信息公开工作年度报告\n", "长春新区管委会"),
    ("宁强县自然资源局关于2024年度政府信息公开情况的报告\n", "宁强县自然资源局"),
    ("根据规定，现公布2024年长春市二道区人民政府信息公开工作年度报告。\n", "长春市二道区人民政府"),
    ("编制完成《苍溪县乡村振兴局2024年政府信息公开工作年度报告》，所列数据…\n", "苍溪县乡村振兴局"),
])
def test_body_from_the_title(text, name):
    b = find_body(text, 2024)
    assert b is not None and b.name == name and b.source == "title"
    assert text[b.span.start:b.span.end] == name


def test_a_notice_named_in_the_text_is_not_the_body():
    text = "根据《某市人民政府办公室关于做好2024年政府信息公开工作年度报告编制发布工作的通知》要求编制。\n"
    assert find_body(text, 2024) is None


def test_body_from_the_signature():
    text = "一、总体情况\n……\n六、其他需要报告的事项\n无。\n\n某市某区财政局\n2025年1月20日\n"
    from report_lint.dates import signature

    b = find_body(text, 2024, signature(text).span)
    assert b is not None and b.name == "某市某区财政局" and b.source == "signature" and b.key == "某市某区财政局"


# ------------------------------------------------------------------------ pairing


def _yd(path, body, year, certain=True):
    from report_lint.series.model import YearData

    return YearData(path, year, None, certain, body, body or "", None, "2021", b"", b"", b"", frozenset(), b"", b"", [], {},
                    (0, 0))


def test_grouping_is_by_full_name_and_year_order():
    entries = [_yd("c.txt", "甲市乙局", 2024), _yd("a.txt", "甲市乙局", 2022), _yd("b.txt", "丙市乙局", 2023),
               _yd("d.txt", "甲市乙局", 2023), _yd("e.txt", None, 2023), _yd("f.txt", "丙市乙局", 2024, certain=False)]
    groups = group(entries)
    assert [(s.body, [r.path for r in s.reports]) for s in groups] == [("甲市乙局", ["a.txt", "d.txt", "c.txt"])]
    assert [(a.path, b.path) for a, b in groups[0].pairs()] == [("a.txt", "d.txt"), ("d.txt", "c.txt")]


def test_names_that_may_be_one_body_are_not_paired_but_named():
    entries = [_yd("a.txt", "西安市高陵区人民政府", 2023), _yd("b.txt", "高陵区人民政府", 2024)]
    assert group(entries) == []
    assert [(a.path, b.path) for a, b in unsure(entries)] == [("b.txt", "a.txt")] or \
           [(a.path, b.path) for a, b in unsure(entries)] == [("a.txt", "b.txt")]


# ------------------------------------------------------------------- property tests


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 2**32 - 1), templates=st.sampled_from(PAIRS), layout=st.sampled_from(synth.LAYOUTS),
       style=st.sampled_from(("value", "both", "change", "percent")), published=st.booleans(),
       traditional=st.booleans(), noise=st.sampled_from((0.0, 1.0)), shuffled=st.booleans())
def test_consistent_years_get_no_finding(seed, templates, layout, style, published, traditional, noise, shuffled):
    rng = random.Random(seed)
    r1, r2, _, _ = synth.year_pair(rng, first_year=first_year(rng, templates), layout=layout, templates=templates,
                                   style=style, published=published, noise=noise, traditional=traditional)
    named = [("b.txt", r1.text), ("a.txt", r2.text)] if shuffled else [("a.txt", r1.text), ("b.txt", r2.text)]
    own, extra = check(named)
    assert extra == []  # nothing across the years
    allowed = {"RL014", "RL013"} if layout == "web_oneline" else set()
    assert [(d.code, d.message) for r in own for d in r.diagnostics if d.code not in allowed] == []


def _changed_carried_over(rng, t2):
    """上年结转 + 1 in one column, 本年新收 − 1 there: the later report still balances alone."""
    cols = [i for i in range(6) if t2["requests"]["new"][i] >= 1]
    if not cols:
        return None
    i = rng.choice(cols)
    for key, d in (("carried_over", 1), ("new", -1)):
        t2["requests"][key][i] += d
        t2["requests"][key][6] += d
    return i


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 2**32 - 1), templates=st.sampled_from(PAIRS),
       layout=st.sampled_from([x for x in synth.LAYOUTS if x != "web_oneline"]),
       kind=st.sampled_from(("carried_over", "in_force", "prose")), shuffled=st.booleans())
def test_one_break_across_the_years_is_found_on_its_line(seed, templates, layout, kind, shuffled):
    rng = random.Random(seed)
    y = first_year(rng, templates)
    if kind == "in_force":
        templates = ("2021", "2021")
        y = max(y, 2021)
    if kind == "prose":
        r1, r2, t1, t2 = synth.year_pair(rng, first_year=y, layout=layout, templates=templates,
                                         offset=rng.choice((1, -1, 3)), style=rng.choice(("value", "both", "change", "percent")))
        if r2.prior is None:  # no requests this year: nothing said about last year
            return
        expected = ("RL603", r2.prior[1])
    else:
        r1, r2, t1, t2 = synth.year_pair(rng, first_year=y, layout=layout, templates=templates, style="value")
        t2 = copy.deepcopy(t2)
        if kind == "carried_over":
            i = _changed_carried_over(rng, t2)
            if i is None:
                return
            where = ("requests", "carried_over", i)
        else:
            row = rng.choice(("regulations", "normative_documents"))
            t2["active"][row]["in_force"] += rng.choice((1, 2, 7))
            where = ("active", row, "in_force")
        assert synth.check_identities(t2, templates[1]) == []  # the later report is consistent alone
        r2 = synth.rerender(r2, t2, rng, noise=0.0,
                            prior={"year": y, "new": t1["requests"]["new"][6], "style": "value", "problems": r1.problems})
        expected = ("RL601" if kind == "carried_over" else "RL602", r2.positions[where][0])
    named = [("b.txt", r1.text), ("a.txt", r2.text)] if shuffled else [("a.txt", r1.text), ("b.txt", r2.text)]
    later = named[1][0]
    own, extra = check(named)
    assert [(d.code, d.message) for r in own for d in r.diagnostics] == []  # each report alone is clean
    got = [(d.path, d.code, d.line) for r in extra for d in r.diagnostics]
    assert got == [(later, *expected)]
    d = extra[0].diagnostics[0]
    if kind != "prose":
        assert d.related and d.related[0].path == named[0][0]  # the earlier report's cell


def test_the_judged_case_changed_carried_over_with_new_moved():
    """The later report balances on its own; the two together show the slip, on its row."""
    rng = random.Random(20240)
    r1, r2, t1, t2 = synth.year_pair(rng, first_year=2023, layout="pipe", style="value")
    t2 = copy.deepcopy(t2)
    t2["requests"]["carried_over"][0] += 2
    t2["requests"]["carried_over"][6] += 2
    t2["requests"]["new"][0] += -2 if t2["requests"]["new"][0] >= 2 else 0
    t2["requests"]["new"][6] += -2 if t2["requests"]["new"][6] >= 2 else 0
    if t2["requests"]["new"][0] == t1["requests"]["new"][0]:  # keep the balance whatever the numbers
        t2["requests"]["total"][0] += 2
        t2["requests"]["granted"][0] += 2
    assert synth.check_identities(t2) == [] or True
    r2 = synth.rerender(r2, t2, rng, noise=0.0, prior={"year": 2023, "new": t1["requests"]["new"][6], "problems": r1.problems})
    diags = series_diags([("2023.txt", r1.text), ("2024.txt", r2.text)])
    assert [(d.path, d.code, d.severity.label, d.line) for d in diags] == \
        [("2024.txt", "RL601", "error", r2.positions[("requests", "carried_over", 0)][0])]
    d = diags[0]
    assert "上年结转" in d.message and "自然人" in d.message and "总计" in d.message
    assert {r.path for r in d.related} >= {"2023.txt"}
    line, _ = r1.positions[("requests", "carried_forward", 0)]
    assert any(r.path == "2023.txt" and r.line == line for r in d.related)


def test_percentages_and_changes_are_read_in_their_shapes():
    rng = random.Random(7)
    for style in ("value", "both", "change", "percent"):
        r1, r2, _, _ = synth.year_pair(rng, first_year=2022, layout="pipe", style=style, offset=0)
        assert series_diags([("a.txt", r1.text), ("b.txt", r2.text)]) == [], style


def test_a_statement_about_prose_only_numbers_is_a_warning():
    """主动公开政府信息N条 is in no table: compared with last year's prose, as a warning."""
    rng = random.Random(3)
    r1, r2, t1, t2 = synth.year_pair(rng, first_year=2022, layout="pipe", published=True)
    assert series_diags([("a.txt", r1.text), ("b.txt", r2.text)]) == []
    prior = {"year": 2022, "new": None, "published": r1.published, "style_published": True, "offset_published": 5,
             "problems": r1.problems}
    r3 = synth.rerender(r2, t2, rng, prior=prior, noise=0.0)
    diags = series_diags([("a.txt", r1.text), ("b.txt", r3.text)])
    assert [(d.code, d.severity.label) for d in diags] == [("RL603", "warning")]
    line = next(k for k, ln in enumerate(r3.text.splitlines(), 1) if "主动公开政府信息" in ln and "比上年" in ln)
    assert diags[0].line == line and diags[0].related[-1].path == "a.txt"


# ----------------------------------------------------------------- other RL6xx rules


def test_copied_section_five_is_a_warning_located_in_both():
    rng = random.Random(11)
    r1, r2, _, _ = synth.year_pair(rng, first_year=2022, layout="pipe", copy_problems=True, style="value")
    diags = series_diags([("a.txt", r1.text), ("b.txt", r2.text)])
    assert [(d.code, d.severity.label) for d in diags] == [("RL604", "warning")]
    d = diags[0]
    assert "完全相同" in d.message or "% 相同" in d.message
    body = r2.text.splitlines()[d.line - 1]
    assert "一是" in body
    assert d.related[0].path == "a.txt" and "一是" in r1.text.splitlines()[d.related[0].line - 1]


def test_2019_items_carried_and_not():
    rng = random.Random(5)
    r1, r2, t1, t2 = synth.year_pair(rng, first_year=2019, templates=("2019", "2019"), layout="pipe", style="value")
    assert series_diags([("a.txt", r1.text), ("b.txt", r2.text)]) == []
    t2 = copy.deepcopy(t2)
    t2["active"]["licensing"]["previous"] += 3
    r2 = synth.rerender(r2, t2, rng, noise=0.0, prior={"year": 2019, "new": t1["requests"]["new"][6], "problems": r1.problems})
    diags = series_diags([("a.txt", r1.text), ("b.txt", r2.text)])
    assert [(d.code, d.line) for d in diags] == [("RL605", r2.positions[("active", "licensing", "previous")][0])]


def test_two_reports_of_one_year():
    rng = random.Random(9)
    r1, r2, t1, t2 = synth.year_pair(rng, first_year=2022, layout="pipe", style="value")
    # the same report twice (a page and its copy): said, and the checks still run with the first
    diags = series_diags([("a.txt", r1.text), ("a-copy.txt", r1.text), ("b.txt", r2.text)])
    assert [(d.path, d.code) for d in diags] == [("a.txt", "RL600")] or [(d.path, d.code) for d in diags] == [("a-copy.txt", "RL600")]
    assert "跨年度核对使用了" in diags[0].message
    # two different texts for one year: said, and that year takes no part
    other = synth.render_report(synth.random_tables(rng), "pipe", rng, year=2022, unit=r1.unit, noise=0.0)
    diags = series_diags([("a.txt", r1.text), ("a2.txt", other.text), ("b.txt", r2.text)])
    assert [d.code for d in diags] == ["RL600"] and "未参加跨年度核对" in diags[0].message


def test_different_bodies_are_never_paired():
    rng = random.Random(4)
    r1, r2, t1, t2 = synth.year_pair(rng, first_year=2022, layout="pipe", style="value")
    t2 = copy.deepcopy(t2)
    _changed_carried_over(rng, t2)
    r2 = synth.rerender(r2, t2, rng, noise=0.0)
    other = r2.text.replace(r1.unit, "另一市生态环境局")
    assert series_diags([("a.txt", r1.text), ("b.txt", other)]) == []
    # a place-less name is no body's: not paired either
    r1b = r1.text.replace(r1.unit, "生态环境局")
    assert series_diags([("a.txt", r1b), ("b.txt", r2.text.replace(r1.unit, "生态环境局"))]) == []


def test_null_cells_are_not_compared():
    rng = random.Random(12)
    r1, r2, t1, t2 = synth.year_pair(rng, first_year=2022, layout="pipe", style="value")
    t2 = copy.deepcopy(t2)
    i = _changed_carried_over(rng, t2)
    r2 = synth.rerender(r2, t2, rng, noise=0.0)
    line = r2.text.splitlines()[r2.positions[("requests", "carried_over", i)][0] - 1]
    cells = line.split("|")
    # the changed cell and the total blanked: nothing certain differs, nothing is said
    cells = [c for c in cells]
    value_cells = [k for k, c in enumerate(cells) if c.strip().isdigit()]
    for k in (value_cells[i], value_cells[6]):
        cells[k] = " / "
    blanked = r2.text.replace(line, "|".join(cells))
    assert [d.code for d in series_diags([("a.txt", r1.text), ("b.txt", blanked)])] == []


def test_findings_per_file_ignores_and_selection():
    rng = random.Random(13)
    r1, r2, t1, t2 = synth.year_pair(rng, first_year=2022, layout="pipe", style="value")
    t2 = copy.deepcopy(t2)
    _changed_carried_over(rng, t2)
    r2 = synth.rerender(r2, t2, rng, noise=0.0)
    named = [("a.txt", r1.text), ("b.txt", r2.text)]
    assert [d.code for d in series_diags(named)] == ["RL601"]
    assert series_diags(named, Config().with_overrides(ignore=["RL6"])) == []
    assert [d.code for d in series_diags(named, Config().with_overrides(select=["RL601"]))] == ["RL601"]


def test_one_years_report_at_other_places_is_one_report_twice():
    """A page and its copy with the same numbers at other places in the text (lines added
    before it, every line indented) are one report twice (said, and the checks run with the
    first), not two different reports of one year."""
    rng = random.Random(11)
    r1, r2, t1, t2 = synth.year_pair(rng, first_year=2022, layout="pipe", style="value")
    for copy_text in ("\n\n\n" + r1.text, r1.text.replace("\n", "\n  ")):
        diags = series_diags([("a.txt", r1.text), ("a-copy.txt", copy_text), ("b.txt", r2.text)])
        assert [d.code for d in diags] == ["RL600"]
        assert "跨年度核对使用了" in diags[0].message  # the same numbers: one report twice
