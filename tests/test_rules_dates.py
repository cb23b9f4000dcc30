"""RL4xx date rules (FORMAT.md §5): a failing and a passing example each, the seeds, and a
property test of date formatting; plus the date extraction in report_lint.dates."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from report_lint import dates, source
from report_lint.config import Config
from report_lint.engine import Engine

SEEDS = Path(__file__).resolve().parent.parent / "fixtures" / "seeds"
ENGINE = Engine(Config())


def report(year: int = 2024, sig: str = "2025年1月23日", body: str = "某某局", overview: str | None = None,
           period: str = "", title: str | None = None) -> str:
    title = title if title is not None else f"{body}{year}年政府信息公开工作年度报告"
    overview = overview if overview is not None else f"{year}年，我局认真落实条例。{period}"
    return (
        f"{title}\n一、总体情况\n{overview}\n二、主动公开政府信息情况\n无。\n"
        "三、收到和处理政府信息公开申请情况\n无。\n四、政府信息公开行政复议、行政诉讼情况\n无。\n"
        "五、存在的主要问题及改进情况\n无。\n六、其他需要报告的事项\n无。\n"
        f"{body}\n{sig}\n"
    )


def check(text: str, **cfg):
    engine = Engine(Config(**cfg)) if cfg else ENGINE
    return engine.check_source(source.from_text(text, "r.txt")).diagnostics


def rl4(text: str, **cfg):
    return [d for d in check(text, **cfg) if d.code.startswith("RL4")]


def codes(text: str, **cfg) -> list[str]:
    return [d.code for d in rl4(text, **cfg)]


# ------------------------------------------------------------------ extraction


@pytest.mark.parametrize("text,ymd,style", [
    ("2025年1月23日", (2025, 1, 23), "gbt"),
    ("2025 年 1 月 23 日", (2025, 1, 23), "gbt"),
    ("2025年01月23日", (2025, 1, 23), "leading-zero"),
    ("25年1月23日", (2025, 1, 23), "short-year"),
    ("二〇二五年一月二十三日", (2025, 1, 23), "chinese"),
    ("二〇二四年十二月三十一日", (2024, 12, 31), "chinese"),
    ("2025-01-23", (2025, 1, 23), "iso"),
    ("2025.1.23", (2025, 1, 23), "dotted"),
    ("2025/1/23", (2025, 1, 23), "slashed"),
    ("2024年度", (2024, None, None), "gbt"),
    ("1月31日前", (None, 1, 31), "gbt"),
])
def test_find_dates(text, ymd, style):
    (d,) = dates.find_dates(text)
    assert (d.year, d.month, d.day) == ymd and d.style == style
    assert text[d.span.start:d.span.end] == d.raw


def test_a_year_is_a_year_whatever_month_comes_later_in_the_text():
    # once dropped whenever a 月 followed anywhere before the next space
    assert [(d.year, d.month) for d in dates.find_dates("2024年工作报告,3月份")] == [(2024, None)]
    assert dates.find_dates("2024年123月") == []  # digits run into a 月: a broken date, not a year


def test_not_dates():
    assert dates.find_dates("联系电话:0592-2853213，比规定的20年工作日缩短，9.1%，12345热线") == []


@pytest.mark.parametrize("text", ["统计期限为2024年1月1日至12月31日。", "自2024年1月1日起至2024年12月31日止"])
def test_statistics_period(text):
    start, end, span = dates.statistics_period(text)
    assert (start.year, start.month, start.day) == (2024, 1, 1)
    assert (end.year, end.month, end.day) == (2024, 12, 31)
    assert text[span.start:span.end].startswith(("2024", "自"))


def test_signature_skips_page_furniture():
    text = "2023-01-20\n标题\n六、其他需要报告的事项\n无。\n某某局\n\u2002\u20022023120\n扫一扫\n分享:\nTOP 打印 关闭\n"
    sig = dates.signature(text)
    assert sig.style == "malformed" and sig.raw == "2023120"
    assert dates.guess_malformed("2023120") == ["2023年1月20日"]
    assert dates.signature("2023-01-20\n某某局2022年政府信息公开工作年度报告\n") is None



def test_a_date_that_goes_on_a_wrapped_sentence_is_no_signature():
    # field16: an excerpt cut mid-number (结转至2022年19), its lines wrapped as a text layer wraps
    # them: the last line is the sentence's date, not a malformed signature
    text = ("某市2021年政府信息公开工作年度报告\n一、总体情况\n全年共收到申请9695件,2020\n年结转312件,"
            "共办结9816件,结转至\n2022年19")
    assert dates.signature(text) is None
    assert "RL401" not in codes(text)
    # a signature after the body's name is still one
    assert dates.signature("六、其他需要报告的事项\n无。\n某某局\n2023120\n").raw == "2023120"
    assert dates.signature("六、其他需要报告的事项\n无。\n某某局\n2023年1月20日\n").year == 2023


# ------------------------------------------------------------------ seeds


def seed(prefix: str) -> str:
    return next(SEEDS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


@pytest.mark.parametrize("prefix", ["000", "001", "002", "004"])
def test_seeds_dates_are_fine(prefix):
    assert rl4(seed(prefix)) == []


def test_seed_003_malformed_signature():
    found = rl4(seed("003"))
    assert [(d.code, d.line) for d in found] == [("RL401", 60)]
    assert "2023年1月20日" in found[0].message


# ------------------------------------------------------------------ each rule: fails / passes


def test_clean_report():
    assert codes(report(period="统计期限为2024年1月1日至2024年12月31日。")) == []


def test_rl401_malformed():
    assert codes(report(sig="2025123")) == ["RL401"]
    assert codes(report(sig="1月23日")) == ["RL401"]
    assert codes(report(overview="2024年13月，我局认真落实条例。")) == ["RL401"]
    assert "RL401" not in codes(report(sig="2025年1月23日"))


def test_rl401_a_year_glued_to_its_month_in_the_text():
    """年 lost between the year and the month in a sentence (截至202012月31日): the date is reported
    once, where it stands; in the statistics period RL404 says it, not twice."""
    ds = rl4(report(overview="2024年，我局认真落实条例。\n截至202412月31日，门户网站共发布信息9条。"))
    assert [d.code for d in ds] == ["RL401"] and "2024年12月31日" in ds[0].message
    assert codes(report(period="统计期限自20241月1日起至202412月31日止。")) == ["RL404"]
    # a longer digit run, a decimal or a well-formed date is not this
    assert codes(report(overview="2024年，我局认真落实条例。编号1202412月31日，金额3.202412月。")) == []
    assert codes(report(overview="2024年，我局认真落实条例。截至2024年12月31日，共发布信息9条。")) == []


def test_rl402_impossible():
    assert codes(report(overview="2024年，我局于2024年4月31日开展培训。")) == ["RL402"]
    assert codes(report(overview="2023年，我局于2月30日开展培训。", year=2023, sig="2024年1月23日")) == ["RL402"]
    assert codes(report(year=2022, sig="2023年2月29日")) == ["RL402"]  # RL405 does not time an impossible date
    assert codes(report(overview="2024年，我局于2024年2月29日开展培训。")) == []


@pytest.mark.parametrize("sig,fixed", [
    ("2025年01月23日", "2025年1月23日"), ("25年1月23日", "2025年1月23日"),
    ("二〇二五年一月二十三日", "2025年1月23日"), ("2025-01-23", "2025年1月23日"), ("2025.1.3", "2025年1月3日"),
])
def test_rl403_style(sig, fixed):
    (d,) = rl4(report(sig=sig))
    assert d.code == "RL403" and d.severity.label == "warning" and fixed in d.message


def test_rl404_period():
    assert codes(report(period="统计期限为2023年1月1日至2023年12月31日。")) == ["RL404"]
    assert codes(report(period="统计期限为2024年1月1日至6月30日。")) == ["RL404"]
    assert codes(report(period="本报告所列数据的统计期限为2024年1月1日至12月31日。")) == []


def test_rl405_timing():
    late = rl4(report(sig="2025年3月10日"))
    assert [d.code for d in late] == ["RL405"] and "1月31日" in late[0].message
    early = rl4(report(sig="2024年12月20日"))
    assert [d.code for d in early] == ["RL405"]
    # the government's own report: 31 March
    assert codes(report(sig="2025年3月10日", body="某某市人民政府")) == []
    gov = rl4(report(sig="2025年4月10日", body="某某市人民政府"))
    assert [d.code for d in gov] == ["RL405"] and "3月31日" in gov[0].message
    # configured
    assert codes(report(sig="2025年3月10日"), body_kind="government") == []
    assert codes(report(sig="2025年1月30日")) == []


def test_rl406_year_mismatch():
    assert codes(report(overview="2023年，我局认真落实条例。")) == ["RL406"]
    assert codes(report(overview="自2024年起，我局认真落实条例。")) == []


# ------------------------------------------------------------------ property


_valid = st.dates(min_value=dt.date(2019, 1, 1), max_value=dt.date(2030, 12, 31))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_valid, st.booleans())
def test_property_date_formatting(d, zero_month):
    text = report(year=2024, sig=dates.gbt(d.year, d.month, d.day), overview=f"2024年，我局于{d.year}年{d.month}月{d.day}日开展培训。")
    assert not {"RL401", "RL402", "RL403"} & set(codes(text))
    if d.month < 10 and (zero_month or d.day >= 10):
        padded = f"{d.year}年0{d.month}月{d.day}日"
    elif d.day < 10:
        padded = f"{d.year}年{d.month}月0{d.day}日"
    else:
        padded = f"{d.year % 100}年{d.month}月{d.day}日"  # two-digit month and day: short year instead
    found = [x for x in rl4(report(year=2024, sig=padded)) if x.code in ("RL401", "RL402", "RL403")]
    assert [x.code for x in found] == ["RL403"]
    assert f"“{dates.gbt(d.year, d.month, d.day)}”" in found[0].message


@settings(max_examples=40, deadline=None)
@given(st.integers(2019, 2030), st.integers(1, 12), st.integers(1, 4))
def test_property_impossible_day(year, month, extra):
    day = dates.days_in_month(year, month) + extra
    if day > 99:
        return
    text = report(year=2024, overview=f"2024年，我局于{year}年{month}月{day}日开展培训。")
    assert "RL402" in codes(text)
    assert "RL401" not in codes(text)


# ------------------------------------------------------------------ malformed signatures: every time

def _bad_signature(kind: int, y: int, m: int, d: int, pad: bool) -> str:
    """A signature date that is not a date, in one of the shapes seen on real pages."""
    mm, dd = (f"{m:02d}", f"{d:02d}") if pad else (str(m), str(d))
    return [
        f"{y}{mm}{dd}",  # 2023120, 202519, 20231205: 年月日 all lost
        f"{y}{m}月{d}日",  # 年 lost
        f"{y}年{m}{d}日",  # 月 lost
        f"{y}年{m}月{d}",  # 日 lost
        f"{y}{m}{d}日",  # 年 and 月 lost
        f"{y}年2月{30 + d % 2}日",  # impossible day
        f"{y}年{(4, 6, 9, 11)[d % 4]}月31日",
        f"{y}年{13 + d % 7}月{d}日",  # impossible month
        f"{y}年{m}月{32 + d % 8}日",
        f"{y}年{m}月0日",
        f"{y}年0月{d}日",
    ][kind]


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 2**32 - 1), kind=st.integers(0, 10), y=st.integers(2019, 2030), m=st.integers(1, 12),
       d=st.integers(1, 28), pad=st.booleans())
def test_property_malformed_signature_found_every_time(seed, kind, y, m, d, pad):
    """A malformed or impossible signature date is found on its line, whatever its digits and
    whatever the layout (the one-line web layout too: the date closes the line after the body)."""
    import random

    from tests import synth

    r = synth.random_report(random.Random(seed))
    bad = _bad_signature(kind, y, m, d, pad)
    at = r.text.rindex(r.signature_date)
    text = r.text[:at] + bad + r.text[at + len(r.signature_date):]
    line = text.count("\n", 0, at) + 1
    found = [x for x in check(text) if x.code in ("RL401", "RL402") and x.line <= line <= x.end_line]
    assert found and all(x.severity.label == "error" for x in found), (r.layout, bad)


@pytest.mark.parametrize("sig", ["202519", "2023120", "20231205", "20251月15日", "2025年115日", "2025年1月15"])
def test_rl401_malformed_shapes(sig):
    found = rl4(report(sig=sig))
    assert [d.code for d in found] == ["RL401"] and sig in found[0].message


def test_rl401_malformed_after_the_body_on_one_line():
    one = report(sig="").replace("\n", " ").rstrip() + " 2025123"
    assert [d.code for d in rl4(one)] == ["RL401"]


def test_page_metadata_dates_are_not_the_signature():
    """发布时间 2012-04-11 00:00, 发文日期 | 2018-02-28 |: the page's dates, not the report's."""
    for tail in ("发布时间: 2025-03-20 10:30", "发文日期 | 2025-03-20 |", "成文日期: 2025-03-20"):
        text = report(sig="2025年1月20日") + tail + "\n"
        assert codes(text) == [], tail
        assert dates.signature(text).raw == "2025年1月20日"


@pytest.mark.parametrize("period", [
    "统计期限自20241月1日至202412月31日。", "统计期限为202411日至20241231日。", "统计期限自202411日起至20241231日止。",
    "统计期限自2024年1月1日起至202424年12月31日止。", "本报告所列数据的统计期限自至。",
])
def test_rl404_malformed_period(period):
    found = rl4(report(period=period))
    assert [d.code for d in found] == ["RL404"] and "残缺" in found[0].message and "2024年1月1日至2024年12月31日" in found[0].message


@pytest.mark.parametrize("period", [
    "统计期限自2024年1月1日起,至12月31日止。", "统计期限为:2024年1月1日-2024年12月31日。", "统计期限为2024年度。",
    "统计期限为二〇二四年一月一日至十二月三十一日。", "统计期限为2024 年 1 月 1 日至 2024 年 12 月 31 日。",
    "统计期限从2024年1月1日到12月31日止。", "统计期限为2024.1.1至2024.12.31。", "统计期限为2024年1月至12月。",
    "数据统计时间截至2024年12月31日。",
])
def test_rl404_well_formed_periods(period):
    assert codes(report(period=period)) == []


def test_rl404_period_cut_by_the_end_of_an_excerpt():
    assert dates.malformed_periods("2021年…本报告所列数据的统计期限为2021年1月1日至2021年") == []


@pytest.mark.parametrize("title,year", [
    ("2025年度某某局政府信息公开工作年度报告", 2025), ("某某县政府信息公开工作2023年度报告", 2023),
    ("某某局关于2021年度政府信息公开情况的报告", 2021), ("某某局2024年政府信息公开工作年度报告", 2024),
])
def test_title_names_the_report_year(title, year):
    got = dates.title_year_in(title)
    assert got is not None and got[0] == year
    text = report(year=year, title=title, sig=f"{year + 1}年1月20日",
                  period=f"统计期限自{year}1月1日至{year}12月31日。")
    from report_lint.report import build_report

    assert build_report(source.from_text(text, "r.txt")).report_year == year
    assert [d.code for d in rl4(text)] == ["RL404"]  # the malformed period, not a year mismatch


# --------------------------------------------------------------- searching long texts by line

_PIECES = ["2025年1月23日", "2025-01-23", "2024.12.31", "二〇二五年一月", "1月31日", "2024年", "年", "月",
           "12", "3.5", "-", "/", " ", "共计19件", "x" * 60, "20251月1日", "2023年123月"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.lists(st.sampled_from(_PIECES), max_size=5), max_size=30), st.integers(0, 20), st.integers(0, 20),
       st.booleans())
def test_long_texts_searched_by_line_find_every_date_a_whole_search_finds(lines, cut_a, cut_b, pad):
    """dates._dates searches a long text only on the lines that can hold a date: the matches
    are exactly those of the date pattern run over the whole range."""
    from report_lint import dates as D

    text = ("x" * 400 + "\n" if pad else "") + "\n".join("".join(line) for line in lines)
    start, end = min(cut_a, len(text)), max(0, len(text) - cut_b)
    whole = [(m.span(), m.lastgroup) for m in D._DATE.finditer(text, start, end)
             if not (m.group("yy") and D._month_follows(text, m.end(), end))]
    assert [(m.span(), m.lastgroup) for m in D._dates(text, start, end)] == whole


def test_markdown_bold_around_the_numbers_of_a_period_is_layout():
    """A converter's markdown (统计数据时限为 **2024** 年 **1** 月 **1** 日至 **12** 月 **31** 日)
    marks the numbers bold: the period is whole, and a malformed one is still found where it is."""
    ok = "本报告统计数据时限为 **2024** 年 **1** 月 **1** 日至 **12** 月 **31** 日。"
    assert codes(report(period=ok)) == []
    bad = "本报告统计数据时限为 **2024** 年 **1** 月 **1** 日至 **2024** 年 **12** 月 **31** 日至。"
    slip = "本报告统计数据时限为 **20241** 月 **1** 日至 **2024** 年 **12** 月 **31** 日。"
    ds = rl4(report(period=slip))
    assert [d.code for d in ds] == ["RL404"] and ds[0].line == 3
    assert "**" not in source.from_text(report(period=bad), "r.txt").text  # blanked, same length
    assert len(source.from_text(ok, "r.txt").text) == len(ok)


def test_rl401_a_date_that_lost_both_its_year_and_month_marks():
    """2017210日 under a title: 年 and 月 both lost. Found wherever it stands, with the readings
    that are dates; a run that is no date (a year of 20xx and a day no month has), or a count
    of days, is not reported."""
    text = report(overview="2024年，我局认真落实条例。(2024210日)本局发布信息。")
    ds = [d for d in rl4(text) if d.code == "RL401"]
    assert len(ds) == 1 and "2024年2月10日" in ds[0].message and ds[0].line == 3
    two = [d for d in rl4(report(overview="2024年，我局认真落实条例。(2024111日)本局发布信息。")) if d.code == "RL401"]
    assert len(two) == 1 and "2024年1月11日或2024年11月1日" in two[0].message
    for ok in ("全年累计服务1234567日。", "2024年，我局于2024年2月10日发布。", "编号2024-210日", "共有20241日"):
        assert [d for d in rl4(report(overview=ok)) if d.code == "RL401"] == [], ok


def test_rl404_a_whole_period_followed_by_words():
    """统计时限为…至2024年12月31日的一年时间: the dates are whole; the words after them are no
    lost 年月日 (重庆铜梁 2025)."""
    assert codes(report(period="本报告中所列数据统计时限为2024年1月1日至2024年12月31日的一年时间。")) == []


def test_rl404_a_part_year_period_is_not_told_to_be_the_whole_year():
    """A second period for data since a website opened (自2024410日起至202412月31日止, 年月 lost):
    malformed, but its start is 10 April, not 1 January: no suggestion of the whole year (海南 2023)."""
    text = report(period="统计期限2024年1月1日至12月31日止(由于门户网站于2024410上线,部分数据的统计期限自2024410日起至"
                         "202412月31日止)。")
    ds = rl4(text)
    assert [d.code for d in ds] == ["RL404"] and "残缺" in ds[0].message
    assert "应为2024年1月1日" not in ds[0].message
