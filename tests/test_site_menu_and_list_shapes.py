"""Shapes met on the pages of field18 (prose dense with numbers, 宁夏 甘肃 新疆 …): a site's column
menu printed above the report's title (政府信息公开指南 as a menu entry, not the page's title), a
list whose last clause starts a new statement (其中A、B、C,全年发布D), a Mark Six tip site's name
on a hijacked mirror, page furniture of a site's colour switch. The texts are written for the
tests, after the shape of the real pages in fixtures/real (p_hezuo_city2023,
p_spam_xinjiang_bgt2022, p_yinchuan_xingqing_zhcs2023). Each test fails without its fix."""

from __future__ import annotations

from report_lint import source
from report_lint.config import Config
from report_lint.engine import Engine

ENGINE = Engine(Config())


def codes(text: str) -> list[tuple[int, str, str]]:
    return [(d.line, d.code, d.severity.name.lower())
            for d in ENGINE.check_source(source.from_text(text, "r.txt")).diagnostics]


MENU = ("政务公开\n\n政府信息公开指南\n\n政府信息公开制度\n\n政府信息公开年报\n\n"
        "某市2023年政府信息公开工作年度报告\n\n时间:2024-01-30\n\n一、总体情况\n\n"
        "2023年,某市政府网站发布信息120条,其中政务动态信息70条,概况类信息50条。\n")


def test_a_menu_entry_above_the_title_is_not_the_pages_title():
    """政府信息公开指南 is one line of the site's column menu above the report's own title: the
    page is the report (checked), not a guide (RL002)."""
    got = codes(MENU)
    assert not any(c[1] == "RL002" for c in got)
    assert any(c[1] == "RL005" for c in got)  # read as a report that stops in 一


def test_a_guide_page_is_still_not_a_report():
    """A guide's own title, followed by its prose: still another kind of document."""
    guide = ("某市人民政府信息公开指南\n为了更好地提供政府信息公开服务,根据《条例》编制本指南。\n"
             "一、公开的主体\n某市人民政府办公室负责。\n")
    assert any(c[1] == "RL002" for c in codes(guide))


def test_a_clause_opening_with_the_year_ends_a_list():
    """其中A 70条,B 50条,C 30条,全年发布解读信息12条: the last clause is a new statement (全年…),
    not a fourth part; A + B + C = 150 is the whole."""
    text = ("某局2023年政府信息公开工作年度报告\n一、总体情况\n"
            "2023年网站信息发布总数150条,其中政务动态信息70条,概况类信息50条,目录信息30条,"
            "全年发布各类解读信息12条,回应关切4次。\n")
    assert not any(c[1] == "RL202" for c in codes(text))
    short = text.replace("目录信息30条", "目录信息40条")  # 160 > 150: still found
    assert (3, "RL202", "error") in codes(short)


def test_a_mark_six_picture_site_name_is_spam():
    """香港免费图库资料大全 (a Mark Six tip site) heading a hijacked mirror of a report."""
    text = ("香港免费图库资料大全 香港免费图库资料大全\n\n某区2022年政府信息公开工作年度报告\n"
            "一、总体情况\n2022年,我区主动公开政府信息100条。\n")
    assert (1, "RL505", "error") in codes(text)


def test_a_sites_colour_switch_is_page_residue():
    """保护视力色: … 字体颜色: 【 绿】 恢复默认 — the page's reading-colour switch."""
    text = ("某中心2023年政府信息公开工作年度报告\n发布日期:2024-01-31\n"
            "保护视力色:          字体颜色: 【      绿】         恢复默认\n"
            "一、总体情况\n2023年,中心主动公开信息38条。\n")
    assert (3, "RL506", "info") in codes(text)


def test_a_font_switch_with_bracketed_sizes_is_page_residue():
    """字体大小:【大】 【中】 【小】 under a breadcrumb (p_huguan_county2023)."""
    text = ("某县人民政府2023年政府信息公开工作年度报告\n字体大小:【大】 【中】 【小】\n"
            "一、总体情况\n2023年,我县主动公开政府信息120条。\n")
    assert (2, "RL506", "info") in codes(text)


def test_a_title_wrapped_inside_its_words_still_gives_the_report_year():
    """编制某市2024年政府信息公 / 开工作年度报告 (a text layer wrapped the words), and the body names
    last year's reports (发布2023年政府信息公开工作年度报告51篇): the year is 2024, as the period
    says; no RL404 error from reading 2023 (p_dali_city2024 re-wrapped at 38 characters)."""
    text = ("根据《中华人民共和国政府信息公开条例》的规定,编制某市2024年政府信息公\n开工作年度报告。"
            "统计数据时间段:2024年1月1日至2024年12月31日。\n一、总体情况\n(一)主动公开情况\n"
            "2024年,某市政府网站主动公开信息461条。具体为:\n"
            "1.更新政府信息公开指南26条,发布2023年政府信息公开工作年度报告51篇。\n")
    assert not any(c[1] == "RL404" for c in codes(text))
