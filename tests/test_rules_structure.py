"""RL5xx structure rules: a failing and a passing example each, and the seeds."""

from __future__ import annotations

from pathlib import Path

import pytest

from report_lint import source
from report_lint.config import Config
from report_lint.engine import Engine
from report_lint.findings import Severity
from report_lint.rules.builtin import RULES
from tests.test_tables_layouts import SECTION5, SECTION6, wrap

SEEDS = Path(__file__).resolve().parent.parent / "fixtures" / "seeds"
CLEAN = wrap()


def check(text: str):
    return Engine(Config()).check_source(source.from_text(text, "r.txt")).diagnostics


def found(text: str, code: str) -> list:
    return [d for d in check(text) if d.code == code]


def lines(text: str, code: str) -> list[int]:
    return [d.line for d in found(text, code)]


def seed(prefix: str) -> str:
    return next(SEEDS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


def test_registered_and_documented():
    rules = {r.code: r for r in RULES()}
    for code in ("RL501", "RL502", "RL503", "RL504", "RL505", "RL506"):
        r = rules[code]()
        assert "What it does" in r.doc("en") and "错误示例" in r.doc("zh") and "正确写法" in r.doc("zh")


def test_clean_report_is_silent():
    assert [d.code for d in check(CLEAN) if d.code.startswith("RL5")] == []


# ---------------------------------------------------------------------- RL501


def test_rl501_missing_section():
    text = CLEAN.replace("三、收到和处理政府信息公开申请情况\n", "")
    ds = found(text, "RL501")
    assert len(ds) == 1 and "第三部分" in ds[0].message
    assert ds[0].line == next(i for i, l in enumerate(text.splitlines(), 1) if l.startswith("四、"))
    assert found(CLEAN, "RL501") == []


def test_rl501_needs_a_report():
    assert found("某某局2024年政府信息公开工作年度报告\n一、总体情况\n正文。\n", "RL501") == []


def test_rl501_missing_last_section_is_file_level():
    """A signed report without 六、: the section is missing (the text does not just stop)."""
    text = CLEAN.split("六、其他需要报告的事项")[0] + "\n某某局\n2025年1月20日\n"
    ds = found(text, "RL501")
    assert [(d.line, d.column) for d in ds] == [(1, 1)] and "第六部分" in ds[0].message
    assert found(text, "RL005") == []


def test_a_text_that_stops_is_said_once_not_as_missing_parts():
    """Cut after the applications table: one RL005 where it stops, no RL501/RL010/RL504 for
    what would follow."""
    from tests.test_rules_tables import CLEAN as FULL  # all three tables

    text = PREAMBLE.format(n="六") + FULL.split("四、政府信息公开行政复议")[0]
    for code in ("RL501", "RL010", "RL504", "RL011", "RL016"):
        assert found(text, code) == [], code
    ds = found(text, "RL005")
    assert len(ds) == 1 and ds[0].line == len(text.rstrip().splitlines())
    assert "三、收到和处理政府信息公开申请情况" in ds[0].message and "第四至第六部分" in ds[0].message
    # cut inside a table: no missing rows, no truncated table, still one finding
    cut = text[: text.index("(四)无法提供")]
    assert [d.code for d in check(cut) if d.severity >= Severity.WARNING] == ["RL005"]


# ---------------------------------------------------------------------- RL502


def test_rl502_out_of_order():
    text = wrap().replace("二、主动公开政府信息情况", "二、收到和处理政府信息公开申请情况X").replace(
        "三、收到和处理政府信息公开申请情况\n", "三、主动公开政府信息情况\n")
    assert lines(text, "RL502") == [lines_of(text, "三、主动公开")]


def test_rl502_duplicated_ordinal():
    text = CLEAN.replace("四、政府信息公开行政复议", "三、政府信息公开行政复议")
    ds = found(text, "RL502")
    assert len(ds) == 1 and "重复" in ds[0].message and ds[0].line == lines_of(text, "三、政府信息公开行政复议")


def test_rl502_skipped_ordinal():
    text = CLEAN.replace("三、收到和处理", "四、收到和处理").replace("四、政府信息公开行政复议", "五、政府信息公开行政复议") \
        .replace("五、存在", "六、存在").replace("六、其他", "七、其他")
    ds = found(text, "RL502")
    assert len(ds) == 1 and "跳" in ds[0].message and ds[0].line == lines_of(text, "四、收到和处理")
    assert found(CLEAN, "RL502") == []


def lines_of(text: str, needle: str) -> int:
    return next(i for i, l in enumerate(text.splitlines(), 1) if needle in l)


# ---------------------------------------------------------------------- RL503


def with_section5(body: str) -> str:
    return CLEAN.replace(SECTION5, f"五、存在的主要问题及改进情况\n{body}\n")


def test_rl503_repeated_item_across_paragraphs():
    text = with_section5("一是时效性不强。\n\n二是互动不够。\n\n二是创新不足。")
    ds = found(text, "RL503")
    assert [(d.line, d.column) for d in ds] == [(lines_of(text, "二是创新"), 1)]


@pytest.mark.parametrize("body,bad", [
    ("(一)公开情况。\n(三)管理情况。", "(三)"),
    ("1.问题。\n2.措施。\n2.计划。", "2.计划"),
    ("主要有:一是不足;三是不够。", "不够"),
])
def test_rl503_fails(body, bad):
    text = with_section5(body)
    assert lines(text, "RL503") == [lines_of(text, bad)]


@pytest.mark.parametrize("body", [
    "一是不足;二是不够;三是不强。",
    "(一)问题。一是不足;二是不够。\n(二)措施。一是加强;二是改进。",
    "1.问题:一是不足。二是不够。\n2.措施:一是加强。二是改进。",
    "依据第二十条第(一)项和第(五)项。增长2.5%。",
    "一是不足。\n(一)新列表\n(二)继续",
])
def test_rl503_passes(body):
    assert found(with_section5(body), "RL503") == []


def test_rl503_resets_at_section_heading():
    text = CLEAN.replace(SECTION5, "五、存在的主要问题及改进情况\n一是不足。二是不够。\n") \
        .replace(SECTION6, "六、其他需要报告的事项\n二是另一回事。\n")
    assert found(text, "RL503") == []


# ---------------------------------------------------------------------- RL504

PREAMBLE = ("本报告由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议及行政诉讼情况、"
            "存在的主要问题及改进情况、其他需要报告的事项等{n}部分组成。\n")


def test_rl504_declared_count():
    ok = PREAMBLE.format(n="六") + CLEAN
    assert found(ok, "RL504") == []
    bad = PREAMBLE.format(n="五") + CLEAN
    ds = found(bad, "RL504")
    assert len(ds) == 1 and ds[0].line == 1 and "五部分" in ds[0].message


def test_rl504_named_part_missing():
    text = ("全文包括:总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议、行政诉讼情况、"
            "存在的主要问题及改进情况、其他需要报告的事项。\n" + CLEAN.split("六、其他需要报告的事项")[0]
            + "\n某某局\n2025年1月20日\n")
    ds = found(text, "RL504")
    assert len(ds) == 1 and ds[0].line == 1 and "其他需要报告的事项" in ds[0].message


# ---------------------------------------------------------------------- RL505


def test_rl505_spam_each_occurrence():
    text = CLEAN.replace("我局认真落实条例。", "我局bet365体育投注认真落实条例。澳门新葡京娱乐城,注册送88元。")
    ds = found(text, "RL505")
    assert len(ds) == 3 and all(d.severity.label == "error" for d in ds)


def test_rl505_lottery_is_not_spam():
    text = CLEAN.replace("我局认真落实条例。", "我中心负责体育彩票和福利彩票的发行管理,彩票销售额增长。")
    assert found(text, "RL505") == []


# ---------------------------------------------------------------------- RL506


def test_rl506_page_residue_one_per_line():
    text = CLEAN + "扫一扫在手机打开当前页 分享到\n【字体:大 中 小】\n打印本页 关闭窗口\n浏览次数:123\n"
    ds = found(text, "RL506")
    n = len(CLEAN.splitlines())
    assert [d.line for d in ds] == [n + 1, n + 2, n + 3, n + 4]
    assert all(d.severity.label == "info" for d in ds)


def test_rl506_prose_is_not_residue():
    text = CLEAN.replace("我局认真落实条例。", "全年网站访问量达120万次,当前位置优势明显,打印材料后关闭系统。")
    assert found(text, "RL506") == []


# ---------------------------------------------------------------------- seeds


def test_seed_003():
    text = seed("003")
    assert lines(text, "RL503") == [52]
    assert lines(text, "RL505") == [1, 14, 14]
    assert lines(text, "RL506") == [1, 62, 63, 64, 65, 66, 67]
    assert [d.code for d in check(text) if d.code in ("RL501", "RL502", "RL504")] == []


@pytest.mark.parametrize("prefix", ["000", "001", "002"])
def test_clean_seeds_have_no_structure_findings(prefix):
    assert [(d.code, d.line) for d in check(seed(prefix)) if d.code.startswith("RL5")] == []


def test_seed_004_states_no_fee():
    # A 2021 report whose 六 speaks of consultations only: the 信息处理费 is not stated (RL508).
    assert [(d.code, d.line) for d in check(seed("004")) if d.code.startswith("RL5")] == [("RL508", 19)]


def test_lexicon_prefilter_finds_exactly_what_the_plain_pattern_finds():
    """The first-character lookahead is only a speed-up: same matches as the bare pattern."""
    import re

    from report_lint.resources import data_file, load_toml
    from report_lint.rules.structure._common import first_chars, lexicon

    assert first_chars(r"^[ \t]*分享", re.M) == {" ", "\t", "分"}
    assert first_chars(r"\d+", 0) is None and first_chars(r"a?", 0) is None  # cannot tell: no prefilter
    assert first_chars("bet\\d", re.I) == {"b", "B"}
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))] + [
        "根据《市政府办公室bet36体育在线_bet36体育投注@:印发》\n  当前位置：首页 > 政务公开\n打印 | 关闭\n分享:\n",
        "BET365 娱乐城 皇冠体育 注册送彩金 字号：大 中 小 浏览次数：123 ",
    ]
    for name in ("spam", "residue"):
        table = load_toml(data_file("rules", "spam.toml"))[name]
        parts = [f"(?:{p})" for p in table.get("patterns", [])]
        parts += [re.escape(t) for t in sorted(table.get("terms", []), key=len, reverse=True)]
        plain = re.compile("|".join(parts), re.I | re.M)
        fast = lexicon(name).regex
        assert fast.pattern.startswith("(?=[")
        for t in texts:
            assert [m.span() for m in fast.finditer(t)] == [m.span() for m in plain.finditer(t)]
