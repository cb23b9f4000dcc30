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


def test_rl501_part_under_other_words_is_a_warning_on_its_heading():
    """一、工作基本情况 in the place of 一、总体情况 (a real report): the part is there, its heading
    is not the template's: one warning on that heading, no error."""
    assert "一、总体情况\n" in CLEAN
    text = CLEAN.replace("一、总体情况\n", "一、工作基本情况\n")
    ds = found(text, "RL501")
    line = next(i for i, l in enumerate(text.splitlines(), 1) if l == "一、工作基本情况")
    assert [(d.line, d.severity) for d in ds] == [(line, Severity.WARNING)] and "工作基本情况" in ds[0].message
    # a table row of section 三 is never taken for the heading of a missing section 三
    text = CLEAN.replace("三、收到和处理政府信息公开申请情况\n", "")
    assert [d.severity for d in found(text, "RL501")] == [Severity.ERROR]


def test_rl507_heading_typo():
    """One character off the template's heading (行政法复议, a real report): the section is still
    section 四 and checked as such; the slip is an info on the heading."""
    bad = "四、政府信息公开行政法复议、行政诉讼情况"
    text = CLEAN.replace("四、政府信息公开行政复议、行政诉讼情况", bad)
    assert bad in text
    ds = found(text, "RL507")
    line = next(i for i, l in enumerate(text.splitlines(), 1) if l == bad)
    assert [(d.line, d.severity) for d in ds] == [(line, Severity.INFO)]
    assert "四、政府信息公开行政复议、行政诉讼情况" in ds[0].message
    assert found(text, "RL501") == [] and found(CLEAN, "RL507") == []
    # wording two characters away is not a typo of the heading
    assert found(CLEAN.replace("四、政府信息公开行政复议、行政诉讼情况", "四、复议诉讼情况说明"), "RL507") == []


def test_rl507_a_heading_the_text_stops_inside_is_no_typo():
    """An excerpt cut inside a heading (…公开申请, the page goes on 情况): the section is found
    and told as where the text stops, not as a heading one character short of the template."""
    cut = CLEAN[: CLEAN.index("三、收到和处理政府信息公开申请情况") + len("三、收到和处理政府信息公开申请")]
    assert cut.endswith("公开申请")
    assert found(cut, "RL507") == []
    assert [d.code for d in found(cut, "RL005")] == ["RL005"]
    # the same heading short of its last character with the report going on is a slip
    short = CLEAN.replace("三、收到和处理政府信息公开申请情况", "三、收到和处理政府信息公开申请")
    assert len(found(short, "RL507")) == 1


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


def test_a_text_without_headings_stops_after_the_parts_its_tables_show():
    """A page giving only the body (no section heading recognised) that stops after the proactive
    disclosure table: the parts not checked are 三 to 六, not 一 to 六 (the table of 二 is there)."""
    text = ("根据有关要求，现将我局2024年度政府信息公开情况报告如下。\n"
            "第二十条第(一)项 |\n信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n"
            "规章 | 0 | 0 | 0 |\n行政规范性文件 | 1 | 0 | 5 |\n第二十条第(五)项 |\n"
            "信息内容 | 本年处理决定数量 |\n行政许可 | 3 |\n第二十条第(六)项 |\n信息内容 | 本年处理决定数量 |\n"
            "行政处罚 | 0 |\n行政强制 | 0 |\n第二十条第(八)项 |\n信息内容 | 本年收费金额(单位:万")
    ds = found(text, "RL005")
    assert len(ds) == 1 and "第三至第六部分" in ds[0].message and "第一至" not in ds[0].message


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


def test_rl503_sub_headings_that_lost_their_numerals_are_said_once():
    # a page that dropped the numerals of (一)(二): the headings begin with an empty "()"
    text = with_section5("()人员及组织机构。我局成立领导小组。\n()建立健全规章制度。制定了办法。")
    ds = found(text, "RL503")
    assert [(d.line, d.column) for d in ds] == [(lines_of(text, "()人员"), 1)]
    assert ds[0].severity == Severity.WARNING and "2 处" in ds[0].message
    assert [r.line for r in ds[0].related] == [lines_of(text, "()建立")]
    # a link or note a mirror emptied inside a sentence is not a heading
    assert found(with_section5("通过某某网站()集群子网站()和省局网站公开。"), "RL503") == []


def test_rl503_a_section_whose_first_sub_heading_is_not_its_first():
    # 一、总体情况, two paragraphs, then (二)依申请公开情况: the (一) was lost
    text = CLEAN.replace("我局认真落实条例。", "我局认真落实条例。\n全年公开信息12条。\n(二)依申请公开情况\n未收到申请。")
    ds = found(text, "RL503")
    assert [(d.line, d.column) for d in ds] == [(lines_of(text, "(二)依申请"), 1)]
    assert "缺少“(一)”" in ds[0].message and ds[0].severity == Severity.WARNING
    assert [r.line for r in ds[0].related] == [lines_of(text, "一、总体情况")]


@pytest.mark.parametrize("body", [
    "我局认真落实条例。(一)主动公开。\n(二)依申请公开情况",  # its (一) run into a sentence
    "我局认真落实条例。依据条例(二)项公开。",  # not at a line start
    "我局认真落实条例。\n(一)主动公开\n(二)依申请公开",
])
def test_rl503_a_section_whose_sub_headings_start_at_one_or_mid_line_is_left_alone(body):
    assert found(CLEAN.replace("我局认真落实条例。", body), "RL503") == []


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
    # one injection is one finding: the comma-joined advert 澳门新葡京娱乐城,注册送88 is one
    assert len(ds) == 2 and all(d.severity.label == "error" for d in ds)
    assert "澳门新葡京娱乐城,注册送88" in ds[1].message
    text = CLEAN.replace("我局认真落实条例。", "我局bet365体育投注认真落实条例。澳门新葡京娱乐城。注册送88元。")
    assert len(found(text, "RL505")) == 3


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


def test_rl506_template_formatting_note_left_in_a_heading():
    """A drafting template's note on how to set a heading (宋体加粗小四号字), left in the published
    text after the heading: an info on its line, said as a template note, not as page furniture;
    the heading is still read as section 一."""
    text = CLEAN.replace("一、总体情况", "一、总体情况(宋体加粗小四号字)", 1)
    ds = found(text, "RL506")
    assert len(ds) == 1 and ds[0].severity.label == "info"
    assert "排版说明" in ds[0].message and "(宋体加粗小四号字)" in ds[0].message
    assert ds[0].line == next(i for i, l in enumerate(text.splitlines(), 1) if "宋体" in l)
    assert found(text, "RL501") == []


@pytest.mark.parametrize("ok", [
    "公文标题使用方正小标宋体,正文使用仿宋体。",
    "印发了《公文格式规范》(黑体字标注),全年制发文件12件。",
])
def test_rl506_a_typeface_named_in_a_sentence_is_not_a_template_note(ok):
    assert found(CLEAN.replace("我局认真落实条例。", ok), "RL506") == []


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
    """The first-character class is only a speed-up: same matches as the bare pattern, also
    where matches overlap, in any case, with the letters IGNORECASE folds onto ASCII (ſ, K)."""
    import re

    from report_lint.resources import data_file, load_toml
    from report_lint.rules.structure._common import first_chars, lexicon

    assert first_chars(r"^[ \t]*分享", re.M) == {" ", "\t", "分"}
    assert first_chars(r"\d+", 0) is None and first_chars(r"a?", 0) is None  # cannot tell: no prefilter
    assert first_chars("bet\\d", re.I) == {"b", "B"}
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))] + [
        "根据《市政府办公室bet36体育在线_bet36体育投注@:印发》\n  当前位置：首页 > 政务公开\n打印 | 关闭\n分享:\n",
        "BET365 娱乐城 皇冠体育 注册送彩金 字号：大 中 小 浏览次数：123 ",
        "开云体育开云体育bet365bet36体育投注 Bet45 ſkok \u212aok İı PORN av在线AV天堂",  # overlaps, cases, folds
        # a term and a pattern overlapping across the scans (365bet, then bet365 inside it), a
        # line's residue after a term's: the leftmost wins, the next is looked for from its end
        "365bet365体育在线开户送彩金\n分享:\n打印 | 关闭 扫一扫在手机打开当前页\n当前位置\n",
    ]
    for name in ("spam", "porn", "residue", "residue_once"):
        table = load_toml(data_file("rules", "spam.toml"))[name]
        parts = [f"(?:{p})" for p in table.get("patterns", [])]
        parts += [re.escape(t) for t in sorted(table.get("terms", []), key=len, reverse=True)]
        plain = re.compile("|".join(parts), re.I | re.M)
        lx = lexicon(name)
        assert lx._scans and all(sc.pattern.startswith("[") for sc in lx._scans)  # classes re scans for in C
        for t in texts:
            for pos in (0, 5):
                assert list(lx.spans(t, pos)) == [m.span() for m in plain.finditer(t, pos)]


# ---------------------------------------------------------------------- RL505 / RL506: real shapes

@pytest.mark.parametrize("spam,kind", [
    ("英国威廉希尔公司市人民政府", "博彩"),  # a betting brand in place of the city's name
    ("2024欧洲杯买球平台-线上app官网", "博彩"),  # a betting page title
    ("乐鱼体育官网", "博彩"),
    ("365体育官网", "博彩"),  # a brand of digits
    ("188体育投注", "博彩"),
    ("青川县德赢VWIN门户网站", "博彩"),  # a brand in place of 人民政府 (a real hijacked page)
    ("棋牌app下载", "博彩"),  # a generic shape: 棋牌 next to what an advert invites to
    ("六合彩", "博彩"),  # a word of gambling in a sentence that is not about fighting it
    ("香港六宝典资料免费网站", "博彩"),  # a Mark Six tip site's name in place of a site's (a real mirror)
    ("一肖一码", "博彩"),
    ("免费菠萝视频app下载", "色情"),  # the app such pages advertise
    ("久久久久极品内射_超碰在线人人干_无码人妻精品一区二", "色情"),  # one run of a title: one finding
    ("浙江省puroview.com溪下乡人民政府", "网址"),  # a domain standing in for a place name
    ("省委、省政府欧洲杯足球网:推进政务公开", "博彩"),  # a tournament's betting site where 关于 was
    # a tournament's schedule with its year and a bar where 政府信息 was (a real mirror, 如东)
    ("按照县欧洲杯2020赛程|政务公开领导小组办公室的统一部署", "博彩"),
    # a Latin brand ending in bet before 体育, where 关于 was (field13, a mirror of 海门经开区)
    ("要求和上级UedBet体育政务公开工作的有关文件精神", "博彩"),
    # a tournament's betting title where 国务院办公厅…关于 was (field16, a mirror of 余杭区)
    ("依据条例和《欧洲杯预选赛附加赛_欧洲杯官网投注印发年度报告格式的通知》", "博彩"),
    # the leagues with a colon where 关于 was (field16, a mirror of 上饶市's report)
    ("政府信息与政务公开办公室欧洲五大联赛:印发年度报告格式的通知", "博彩"),
    # a Macau casino's name where 关于 was, and as a mirror's first line (field20, mirrors of 渭南's
    # 临渭区 and 华州区)
    ("以及中、省、市澳门金沙城中心:推进政府信息公开工作的具体要求", "博彩"),
    ("澳门金沙", "博彩"),
])
def test_rl505_real_shapes(spam, kind):
    text = CLEAN.replace("我局认真落实条例。", f"我局认真落实条例。地址:{spam}。")
    ds = found(text, "RL505")
    assert len(ds) == 1 and ds[0].severity.label == "error" and kind in ds[0].message, spam


@pytest.mark.parametrize("ok", [
    "全市新建体育场馆12个，规范娱乐场所管理，建设全民健身体育平台。",
    "我中心负责体育彩票销售，开展足球竞猜型彩票宣传，竞彩足球投注站120个。",
    "开展扫黄打非，清理黄色网站、色情网站120个。",
    "组织观看欧洲杯2020赛程直播,报道世界杯2022赛程。",
    "推动国产精品牌建设，帮扶困难老人妻子。说明升级改造情况。银河系科普活动，星空摄影展。",
    "通过jd.com网店和微信公众号发布，登录zjzwfw.gov.cn办理，电子邮箱abc@163.com，在taobao.com上公开。",
    "用户可在“浙里办”APP登录注册，体育app下载量增长，娱乐平台监管。",
    "举办Alphabet公司体育科技讲座,betting风险提示宣传。",
    "金沙县金沙镇开展金沙江流域治理，金沙城中心小区加装电梯，澳门回归纪念活动。",
])
def test_rl505_a_report_that_names_sport_or_platforms_is_not_spam(ok):
    assert found(CLEAN.replace("我局认真落实条例。", ok), "RL505") == []


@pytest.mark.parametrize("ok", [
    "严厉打击跨境赌博、网络博彩违法犯罪，公开查处赌场案件3起。",
    "收缴老虎机、百家乐赌博机23台，破获六合彩、时时彩赌博案件5起。",
    "破获利用一肖一码、六合宝典网站组织赌博案件2起。",
    "开展娱乐场所专项检查，检查娱乐城、棋牌娱乐场所45家。",
    "依法查处违规棋牌app12个。",
    "2024体育工作要点发布，全民健身活动120场。",
    "严厉打击网络赌博APP博彩违法犯罪。",
    "坚持以德赢得民心，以诚赢得信任。",
    "组织观看世界杯足球赛，欧洲杯期间加强体育场馆管理，通过中国足球网发布赛事信息。",
])
def test_rl505_a_report_about_fighting_gambling_is_not_spam(ok):
    """A police or culture-market report names the gambling it fought: words of gambling itself
    in a sentence about enforcement are its subject, not an injection."""
    assert found(CLEAN.replace("我局认真落实条例。", ok), "RL505") == []


def test_rl505_a_gambling_word_joined_to_other_spam_is_spam_whatever_the_sentence():
    ds = found(CLEAN.replace("我局认真落实条例。", "我局打击违法活动。百家乐_六合彩_时时彩官网。"), "RL505")
    assert len(ds) == 1 and "百家乐_六合彩_时时彩" in ds[0].message


def test_spam_on_a_text_that_is_not_a_report_is_said_by_its_one_finding():
    """A text that is not a report gets RL002 and nothing else: the spam on a hacked guide is
    said in it, not as findings of their own."""
    text = "欧洲杯决赛竞猜_2024欧洲杯买球平台-线上app官网\n某某市政府信息公开指南\n一、公开范围\n本机关主动公开政府信息。\n"
    ds = check(text)
    assert [d.code for d in ds] == ["RL002"] and "博彩" in ds[0].message
    clean = check(text.split("\n", 1)[1])
    assert [d.code for d in clean] == ["RL002"] and "博彩" not in clean[0].message


@pytest.mark.parametrize("residue", [
    "您现在所在的位置 : 首页 > 某某局 > 政务公开", "首页 > 政府信息公开 > 年报", "登录 注册", "登录| 注册", "无障碍",
    "按回车键在新窗口打开无障碍说明页面,按Ctrl+~键打开导盲模式。", "浏览次数:次", "发布日期:2026-02-03    点击数:",
    "字号:", "【字体:   打印", "字体:  打印   分享至:", "• 打印", "点击收听年报语音朗读",
    "首页 走进某县 新闻中心 政府信息公开 政务服务 互动交流 专题专栏", "| 索 引 号 | K45899617/2026-00221 | 主题分类 | |",
    "索引号:shg35/2025-693 | 主题分类:其他 | 发布机构:某街道办事处 |", "来源:区人民政府办公室 时间:2017-01-12 10:01",
    "<!--[if !supportLists]-->7、<!--[endif]-->加强培训。", "????一、总体情况",
    # a script-built page copied before its script ran (a real 水务局 page): its placeholders
    "{{ errorMessage }}",
    # field16: a counter left empty before a bar (桐庐), a font switch of letters (科右前旗)
    "访问次数: |", "字体大小:A+ A A- 分享: 打印",
    # field19: a metadata block with its labels in brackets (重庆市审计局)
    "[ 索引号 ] | 11500000009275844J/2023-00004 | [ 发文字号 ] | |", "【索引号】:11500000MB1234567X/2024-00001",
    # field20: the label and its number with only spaces between (山阳县)
    "索 引 号 01606072-9-30/2021-0223004 发布机构 市政府办",
    # field20: a breadcrumb with slashes (a mirror of 渭南市临渭区)
    "首页/ 政务公开 / 政府信息公开年报 / 2019年 / 县市区 / 正文",
])
def test_rl506_real_shapes(residue):
    text = CLEAN + residue + "\n"
    ds = found(text, "RL506")
    assert [d.line for d in ds] == [len(CLEAN.splitlines()) + 1] and ds[0].severity.label == "info", residue


def test_rl506_breadcrumb_over_two_lines_and_metadata_block():
    text = "首页\n> 政府信息公开 > 政府信息公开年报 > 2021\n  • 索 引 号:FZ0000/2022-42542\n" + CLEAN
    assert [d.line for d in found(text, "RL506")] == [1, 3]


def test_rl506_pinyin_glosses_said_once():
    text = CLEAN.replace("我局认真落实条例。", "在区(qū)委的领(lǐng)导(dǎo)下，认真落实条例。数(shù)据(jù)如下。")
    ds = found(text, "RL506")
    assert len(ds) == 1 and "(qū)" in ds[0].message and "5" in ds[0].message


def test_rl506_crawler_header_is_not_the_report():
    header = ("标题: 某某局2024年政府信息公开工作年度报告\n发布时间: 2025-01-20 00:00\n文号: \n发布机构: 某某局\n"
              "原文链接: https://example.gov.cn/a.htm\n==================== 正文 ====================\n")
    assert found(header + CLEAN, "RL506") == []
    assert [d.code for d in check(header + CLEAN) if d.code.startswith("RL4")] == []


@pytest.mark.parametrize("ok", [
    "网站适老化与无障碍改造完成，提供语音朗读功能，可打印、分享至朋友圈。",
    "统一身份认证平台实现一次登录注册，全年网站访问量达120万次。",
    "发文字号:某政发〔2024〕1号。",
    "> 注：本表数据截至2024年12月31日。",
    "规范信息索引号 编制规则，公开索引号 2000余个。",
    "优化网站首页/栏目设置，首页/二级页面改版12个。",
])
def test_rl506_report_sentences_are_not_residue(ok):
    assert found(CLEAN.replace("我局认真落实条例。", ok), "RL506") == []


def test_a_text_that_begins_inside_the_report_is_said_once_not_as_missing_parts():
    """One page of a flipbook: its first line is the last row of the applications table, then
    四、 to 六、. The parts before it are not in the text: one RL005 at that row, no RL501 for
    一 to 三, no RL010 for their tables; the review table is still read and checked."""
    from tests.test_rules_tables import CLEAN as FULL

    tail = FULL[FULL.index("四、政府信息公开行政复议"):]
    page = "Page 9 - 2020年报\nP. 9\n四、结转下年度继续办理 0 0 0 0 0 0 0\n" + tail
    assert [d.code for d in check(page) if d.severity >= Severity.WARNING] == ["RL005"]
    d = found(page, "RL005")[0]
    assert d.line == 3 and "文本从报告中间开始" in d.message and "第一至第三部分" in d.message
    from report_lint.coverage import summary
    from report_lint.report import build_report
    rep = build_report(source.from_text(page, "p.txt"))
    assert summary(rep) == "主动公开表、申请情况表在文本开始之前，未核对；复议诉讼表已核对"
    # the same sections under a title and an introduction, with no table row before them: a
    # report without its first parts (RL501), not a text that begins late
    bare = "某某局2024年政府信息公开工作年度报告\n本报告依据条例编制。\n" + tail
    assert [x.line for x in found(bare, "RL501")] and not [x for x in found(bare, "RL005") if "中间开始" in x.message]


def test_a_text_that_is_a_later_page_of_a_paged_document_begins_inside_the_report():
    """A flipbook's page 8 saved alone: its header, then 四、 … with no row before it."""
    from tests.test_rules_tables import CLEAN as FULL

    tail = FULL[FULL.index("四、政府信息公开行政复议"):]
    page = "Page 8 - 某某局2022年政府信息公开工作年度报告\nP. 8\n" + tail
    assert [d.code for d in check(page) if d.severity >= Severity.WARNING] == ["RL005"]
    d = found(page, "RL005")[0]
    assert d.line == 1 and "开头是第8页的页眉" in d.message and "第一至第三部分" in d.message
    # page 1, or a page number in prose, is not a later page
    for first in ("Page 1 - 某某局2022年政府信息公开工作年度报告\n", "某某局2022年政府信息公开工作年度报告\n全文共8页。\n"):
        assert [x.code for x in check(first + tail) if x.code == "RL501"] == ["RL501"] * 3


def test_a_text_that_opens_with_a_later_numbered_item_begins_inside_the_report():
    """A web excerpt that begins inside 一、总体情况: its first line is the part's second item,
    （二）…, and 二、 follows. 一 is before the text, not missing: one RL005 there, no RL501."""
    from tests.test_rules_tables import CLEAN as FULL

    tail = FULL[FULL.index("二、主动公开政府信息情况"):]
    for item in ("(二)政府信息依申请公开情况", "  （三）复议、诉讼和申诉情况"):
        page = f"{item}\n\n本年度依申请公开工作依法办理。\n\n" + tail
        assert [d.code for d in check(page) if d.severity >= Severity.WARNING] == ["RL005"], item
        d = found(page, "RL005")[0]
        assert d.line == 1 and "文本从报告中间开始" in d.message and "第一部分不在文本中" in d.message
    # a first item （一）, or an item after a title and an introduction, does not say so
    for text in ("(一)政府信息依申请公开情况\n本年度依申请公开工作依法办理。\n" + tail,
                 "某街道2019年政府信息公开工作年度报告\n本报告依据条例编制。\n(二)依申请公开情况\n" + tail):
        assert [x.code for x in check(text) if x.code == "RL501"] == ["RL501"], text[:20]


def test_a_text_that_names_itself_a_yearly_work_report_is_a_report():
    """政府信息公开年度工作报告 (年度 before 工作) is how many offices title their report: a text
    that stops before its first heading is a report cut short, not another kind of document."""
    text = "某某县民政局2023年政府信息公开年度工作报告\n根据《中华人民共和国政府信息公开条例》规定，现公布本局2023年度报告。\n"
    assert "RL002" not in [d.code for d in check(text)]


def test_rl506_an_article_metadata_line_with_the_time_first():
    """发布时间:2023-01-13 14:50 | 来源:莆田市财政局 (the time before the source) is the page's
    metadata line too; a sentence that names a date and a source is not."""
    for line in ("发布时间:2023-01-13 14:50 | 来源:莆田市财政局", "更新时间:2024-01-16 发布时间: |  来源:区卫健办"):
        assert [d.line for d in found(CLEAN.replace("我局认真落实条例。", "我局认真落实条例。\n" + line + "\n"), "RL506")] \
            == [CLEAN.split("\n").index(next(l for l in CLEAN.split("\n") if "我局认真落实条例。" in l)) + 2], line
    ok = "本报告发布时间为2024年1月16日，数据来源:本局统计。"
    assert found(CLEAN.replace("我局认真落实条例。", ok), "RL506") == []


def test_rl503_first_sub_pattern_finds_what_the_lookahead_form_finds():
    """RL503 looks for a section's first (一) with a pattern written "(" first (re finds each
    "(" in C): the same matches as the pattern written with its look-ahead first, on the corpus,
    on random texts and on ranges of them."""
    import random
    import re

    from report_lint.rules.structure import RL503 as R

    old_sub = re.compile(r"(?=\()(?:^|(?<=[\s。;:]))\((?P<sub>[一二三四五六七八九十]{1,3})\)", re.M)
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    texts += [p.read_bytes().decode("utf-8", "replace") for p in sorted((SEEDS.parent / "real").glob("*.txt"))[:80]]
    rng = random.Random(4)
    pieces = ["一", "二", "十", "(一)", "(", ")", "。", ";", ":", " ", "\t", "\n", "x"]
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randrange(14))) for _ in range(3000)]
    for t in texts:
        for a, b in ((0, len(t)), (min(3, len(t)), max(0, len(t) - 2))):
            got = [(m.span(), m.span("sub")) for m in R._SUB.finditer(t, a, b)]
            assert got == [(m.span(), m.span("sub")) for m in old_sub.finditer(t, a, b)]
