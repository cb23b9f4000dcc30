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
