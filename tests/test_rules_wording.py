"""RL508-RL511: what the template asks to be said, doubled words, half-width punctuation."""

from __future__ import annotations

from pathlib import Path

import pytest

from report_lint import source
from report_lint.config import Config
from report_lint.engine import Engine
from report_lint.rules.builtin import RULES
from tests.test_tables_layouts import SECTION5, SECTION6, wrap

ROOT = Path(__file__).resolve().parent.parent
REAL = sorted((ROOT / "fixtures" / "real").glob("*.txt"))
CLEAN = wrap()
WORDING = ("RL508", "RL509", "RL510", "RL511")


def check(text: str, cfg: Config | None = None, name: str = "r.txt"):
    return Engine(cfg or Config()).check_source(source.from_text(text, name)).diagnostics


def found(text: str, code: str, cfg: Config | None = None) -> list:
    return [d for d in check(text, cfg) if d.code == code]


def opted(code: str) -> Config:
    return Config().with_overrides(extend_select=[code])


def test_registered_and_documented():
    rules = {r.code: r for r in RULES()}
    for code in WORDING:
        r = rules[code]()
        assert "What it does" in r.doc("en") and "错误示例" in r.doc("zh") and "正确写法" in r.doc("zh")


def test_clean_report_is_silent():
    assert [d.code for d in check(CLEAN, opted("RL511")) if d.code in WORDING] == []


# ---------------------------------------------------------------------- RL508


def with_section6(body: str, year: int = 2024) -> str:
    return wrap(year=year).replace(SECTION6, f"六、其他需要报告的事项\n{body}\n")


@pytest.mark.parametrize("body", ["无。", "无其他需要报告的事项。", "本年度我局认真办理人大代表建议12件。"])
def test_rl508_fee_not_stated(body):
    text = with_section6(body)
    ds = found(text, "RL508")
    assert len(ds) == 1 and ds[0].line == text.splitlines().index("六、其他需要报告的事项") + 1
    assert "信息处理费" in ds[0].message


@pytest.mark.parametrize("body", [
    "本年度未收取信息处理费。",
    "2024年度本机关发出收费通知的件数和总金额，以及实际收取的总金额均为0。",
    "目前我局尚未对依申请公开实施收费。",
    "本年度未向申请人收取任何费用。",
    "依申请公开均免费提供。",
])
def test_rl508_fee_stated(body):
    assert found(with_section6(body), "RL508") == []


def test_rl508_fee_stated_elsewhere_counts():
    text = with_section6("无。").replace("我局认真落实条例。", "我局认真落实条例，全年未收取信息处理费。")
    assert found(text, "RL508") == []


def test_rl508_other_charges_do_not_count():
    text = with_section6("无。").replace("我局认真落实条例。", "我局认真落实条例，行政事业性收费0万元。")
    assert len(found(text, "RL508")) == 1


def test_rl508_only_from_2021_and_only_what_was_seen():
    assert found(with_section6("无。", year=2020), "RL508") == []  # the 2019 trial template asked nothing
    cut = CLEAN.split("五、")[0]  # the text stops before 六
    assert found(cut, "RL508") == []
    unfinished = with_section6("2024年，本机关依据《政府信息公开信息")  # cut inside 六, unsigned
    assert found(unfinished.rstrip("\n"), "RL508") == []
    legacy = "某某局2016年政府信息公开工作年度报告\n一、概述\n正文。\n六、其他需要报告的事项\n无。\n"
    assert found(legacy, "RL508") == []


# ---------------------------------------------------------------------- RL509


def with_section5(body: str) -> str:
    return CLEAN.replace(SECTION5, f"五、存在的主要问题及改进情况\n{body}\n")


@pytest.mark.parametrize("body,word", [
    ("", "没有内容"), ("无。", "只写了"), ("暂无", "只写了"),
    ("本年度我局政府信息公开工作运行良好。", "没有写出"),
    ("（一）存在的主要问题：无。（二）改进情况：无。", "没有写出"),
    ("经自查，未发现存在问题。下一步将继续做好公开工作。", "没有写出"),
])
def test_rl509_fails(body, word):
    text = with_section5(body)
    ds = found(text, "RL509")
    assert len(ds) == 1 and word in ds[0].message
    assert ds[0].line == text.splitlines().index("五、存在的主要问题及改进情况") + 1


@pytest.mark.parametrize("body", [
    "一是政策解读形式较为单一；二是部分栏目更新不够及时。",
    "主要体现在公开信息内容需要完善、公开后信息动态管理不及时等问题。",
    "政务公开标准化规范化水平有待提升。",
    "本年度工作平稳。年初制定了计划。年中进行了检查。年底做了总结。",  # three sentences: not judged
])
def test_rl509_passes(body):
    assert found(with_section5(body), "RL509") == []


def test_rl509_not_when_the_text_stops_inside_section_five():
    text = CLEAN.split("五、存在的主要问题及改进情况")[0] + "五、存在的主要问题及改进情况\n无"
    assert found(text, "RL509") == []


# ---------------------------------------------------------------------- RL510


def overview(sentence: str) -> str:
    return CLEAN.replace("我局认真落实条例。", sentence)


@pytest.mark.parametrize("sentence,word", [
    ("进一步规范审核审核发布机制。", "审核审核"),
    ("统筹使用资金资金，推动工作。", "资金资金"),
    ("打造整体统一的的网站界面。", "的的"),
    ("加强工作工作指导。", "工作工作"),
    ("优化依申请依申请办理流程。", "依申请依申请"),
    ("公开预算执行情况情况和三公经费。", "情况情况"),
])
def test_rl510_doubled_word(sentence, word):
    text = overview(sentence)
    ds = found(text, "RL510")
    assert len(ds) == 1 and word in ds[0].message
    line = text.splitlines()[ds[0].line - 1]
    assert line[ds[0].column - 1:ds[0].end_column - 1] == word
    assert ds[0].fix is not None and ds[0].fix.applicability == "safe"


@pytest.mark.parametrize("sentence", [
    "认认真真做好工作，扎扎实实推进，方方面面都要顾及。",
    "常常听取意见，一一答复，年年如此，人人参与，天天更新，日日巡查，各个部门，事事有回音。",
    "要研究研究新情况，讨论讨论新问题。",
    "一件一件抓落实，一步一步推进。",
    "统计期限为二〇二二年一月一日至二〇二二年十二月三十一日。",
    "同时适时适地公布信息，随时随地可查。",
    "达到公开目的的要求，的的确确有效。",
    "转发《关于做好工作工作的通知》和“资金资金”字样的引文。",
    "哈哈哈哈，久久久久。",
    "公开公开公开。",
    # the 条例's own words (第二十条第（十五）项), copied into a report's list: a noun, then the verb
    "公开法律、法规、规章和国家有关规定规定应当主动公开的其他政府信息。",
    # a body's name ending in 政府, then the report's own subject 政府信息 (a title run together)
    "特向社会公布2024年连生乡人民政府政府信息公开工作情况报告。",
    "现将区政府政府信息公开工作情况报告如下。",
])
def test_rl510_reduplication_left_alone(sentence):
    assert found(overview(sentence), "RL510") == []


def test_rl510_not_in_tables():
    text = wrap(section4="| 行政复议 | 结果维持 | 结果结果 |")
    assert found(text, "RL510") == []


# ---------------------------------------------------------------------- RL511


def test_rl511_off_by_default_and_on_when_selected():
    text = overview("一是加强组织领导,二是完善制度(试行);三是强化考核:按季通报。")
    assert found(text, "RL511") == []
    for cfg in (Config().with_overrides(select=["RL511"]), opted("RL511")):
        ds = found(text, "RL511", cfg)
        assert len(ds) == 1 and "5处" in ds[0].message
        assert [e.content for e in ds[0].fix.edits] == ["，", "（", "）", "；", "："]
    # A prefix does not turn an opt-in rule on (ruff's preview rules)
    assert found(text, "RL511", Config().with_overrides(select=["RL5"])) == []
    assert found(text, "RL511", Config().with_overrides(extend_select=["RL"])) == []


def test_rl511_full_width_and_non_chinese_left_alone():
    text = overview("一是加强组织领导，二是完善制度（试行）。网址(www.gov.cn)，时间10:30,文件(PDF)。")
    assert found(text, "RL511", opted("RL511")) == []


def test_rl511_ignored_when_selected_code_is_ignored():
    cfg = Config().with_overrides(select=["RL511"], ignore=["RL511"])
    assert found(overview("工作,推进。"), "RL511", cfg) == []


# ---------------------------------------------------------------------- the real corpus


def test_real_reports_no_false_alarm():
    """On the hand-checked real reports: no RL508/RL509 at all (none of those with section 六
    leaves out the fee, none has an empty section 五), and RL510 only on the doubled words
    truth.toml lists (as debatable wording or a slip, info at most)."""
    got = []
    for path in REAL:
        src = source.from_bytes(path.read_bytes(), path.name)
        got += [(path.name, d.code, d.line) for d in Engine(Config()).check_source(src).diagnostics if d.code in WORDING]
    assert sorted(got) == [("p_bozhou_qiaocheng_cl2025.txt", "RL510", 4),  # field19: (一)主动公开主动公开
                           ("p_ccxi_gwh2022.txt", "RL510", 3), ("p_huaibei_rmyy2022.txt", "RL510", 3),
                           ("p_wendeng_zhzf2021.txt", "RL510", 11), ("p_wqx_zhouwan2021.txt", "RL510", 19),
                           ("p_wuhai_gxj2020.txt", "RL510", 6),
                           ("pingtan2021.txt", "RL510", 10), ("pingtan2022.txt", "RL510", 10)]
