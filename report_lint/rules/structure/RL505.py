"""RL505 injected-spam."""

import re

from ...findings import UNSAFE, Edit, Finding, Fix, Message, Severity
from ...model import Span
from ..base import Rule
from ._common import lexicon

# Matches joined only by these characters form one injected string: "bet36体育在线_bet36体育投注@:",
# "英国威廉希尔公司,十大博彩公司"; and so do matches a few words apart in one run of a page title's
# search words joined by _ or - (2024欧洲杯买球平台-线上app官网, …极品内射_超碰在线人人干_…).
_GLUE = re.compile(r"[_@:|/\-.·~ ,]{0,3}")
_DOMAIN = re.compile(r"[a-z0-9][a-z0-9.-]*\.[a-z]{2,5}", re.I)
_SEO_GAP = re.compile(r"(?:[^\s。;!?]| (?! )){0,24}")
_TAIL = re.compile(r"[_@:]+")
_BRAND_BEFORE = re.compile(r"(?<![0-9A-Za-z])[0-9A-Za-z]{2,12}$")
# Words of gambling itself, not of its adverts: a public security or culture-market report names
# them where it tells what it fought (打击网络博彩, 查处赌场3家, 收缴老虎机12台). Alone in a
# sentence that speaks of enforcement they are the report's subject, not an injection.
_TOPIC = re.compile(r"博彩|赌场|百家乐|六合彩|时时彩|老虎机|澳门赌|网投平台|彩票平台|购彩平台|娱乐城|棋牌娱乐|真人娱乐"
                    r"|六宝典|六合宝典|马会资料|一肖一码|六开彩|六合开奖"
                    r"|(?:棋牌|博彩)(?:官网|app|注册|下载)")
_ENFORCEMENT = re.compile(
    r"打击|查处|查办|查获|查封|整治|取缔|严打|治理|防范|破获|侦破|收缴|没收|捣毁|涉赌|赌博|违法|犯罪|非法|"
    r"案件|专项|举报|监管|禁止|严禁|不得|警示|抵制|远离|诈骗|执法|检查|场所|经营|许可|投注站|管理")
_SENTENCE_EDGE = re.compile(r"[。;!?\n]")


class InjectedSpam(Rule):
    """What it does: reports gambling, casino and pornographic advertising text injected into the
    report, as hacked government websites get it: a word replaced by "bet36体育在线_bet36体育投注@:",
    a body's name replaced by a betting brand (英国威廉希尔公司市人民政府), a page title made of betting
    or pornographic search words (2024欧洲杯买球平台-线上app官网), a domain standing in for a place
    name (浙江省puroview.com溪下乡). The terms are listed in rules/spam.toml; they are specific to
    gambling and pornography, so a lottery administration's report about 体育彩票, or a report
    that names 体育 venues, 娱乐 or a 平台, does not match. A word of gambling itself (博彩, 赌场,
    六合彩, 老虎机 …) alone in a sentence about fighting or regulating it (打击网络博彩, 查处赌场3家)
    is what a police or culture-market report speaks of, not an injection. Each occurrence is
    reported, on any text (a guide or a notice on a hacked site too).

    Why: text like this in a government report is the trace of a hacked site (or a copy of a
    hacked page) and must be removed and the site checked before the report is published.

    Example (fails):
        根据《市政府办公室bet36体育在线_bet36体育投注@:印发……的通知》
    Use instead:
        根据《市政府办公室关于印发……的通知》
    """

    code = "RL505"
    name = "injected-spam"
    severity = Severity.ERROR
    # On a text that is not a report RL002 is the one finding, and it says the page holds spam
    scope = "report"
    summary = Message("文中混入了博彩类垃圾广告文字（网站可能被入侵）", "Injected gambling spam in the text (the site may be hacked)")
    doc_zh = """
    检查内容：文中混入了博彩、赌场、色情类广告文字，这是政府网站被入侵后常见的情形：某个词被替换成“bet36体育在线_bet36体育投注@:”之类的字样，机关名称被替换成博彩品牌（英国威廉希尔公司市人民政府），网页标题变成博彩或色情搜索词（2024欧洲杯买球平台-线上app官网），地名被换成一个域名（浙江省puroview.com溪下乡）。词表见 rules/spam.toml，只收博彩、色情专用词，因此体育彩票管理机构年报中的“体育彩票”、提到体育场馆、娱乐或某个平台的年报都不会被报告；“博彩”“赌场”“六合彩”“老虎机”等词单独出现在讲打击、查处、整治的句子里（打击网络博彩、查处赌场3家），是公安、文化市场等部门年报的正常内容，也不报告。每处都单独报告；不是年报的文本（被入侵网站上的指南、通知）只报告一条 RL002，并在其中说明页面含有此类文字。

    原因：政府年报中出现这类文字，说明网站被入侵（或复制了被篡改的网页），发布前必须删除，并检查网站安全。

    错误示例：
        根据《市政府办公室bet36体育在线_bet36体育投注@:印发……的通知》
    正确写法：
        根据《市政府办公室关于印发……的通知》
    """

    def check(self, report, ctx):
        text = report.source.text
        spans: list[list[int]] = []
        for a, b in lexicon("spam", "porn").spans(text):  # one pass; which kind is told below
            if b == a:
                continue
            if spans:
                end = spans[-1][1]
                glue = _GLUE.match(text, end)
                gap = text[end:a]
                if a <= end or (glue and glue.end() >= a and "\n" not in gap) or (
                        ("_" in gap or "-" in gap) and _SEO_GAP.fullmatch(gap)):
                    spans[-1][1] = max(end, b)
                    continue
            spans.append([a, b])
        porn = lexicon("porn")
        for start, end in spans:
            tail = _TAIL.match(text, end)
            if tail:
                end = tail.end()
            if _TOPIC.fullmatch(text[start:end].lower()) and _enforcement_around(text, start, end):
                continue
            brand = _BRAND_BEFORE.search(text, max(0, start - 12), start)
            if brand is not None:  # the letters and digits of a brand the match begins after
                start = brand.start()
            said = text[start:end]
            if next(porn.spans(said), None) is not None:
                msg = Message(f"疑似被植入的色情广告文字：“{said}”，请删除并检查网站安全",
                              f"injected pornographic spam: “{said}”; remove it and check the website")
            elif _DOMAIN.fullmatch(said):
                msg = Message(f"疑似被植入的网址：“{said}”出现在应为名称的位置（网站可能被劫持），请删除并检查网站安全",
                              f"an injected domain “{said}” stands where a name should be (the site may be hijacked); "
                              f"remove it and check the website")
            else:
                msg = Message(f"疑似被植入的博彩广告文字：“{said}”，请删除并检查网站安全",
                              f"injected gambling spam: “{said}”; remove it and check the website")
            # Unsafe (--unsafe-fixes): the spam often took the place of a word that is then missing.
            fix = Fix([Edit(start, end, "")], Message(f"删去“{said}”", f"delete “{said}”"), UNSAFE)
            yield Finding(self.code, msg, Span(start, end), fix=fix)


def _enforcement_around(text: str, start: int, end: int) -> bool:
    """Whether the sentence around text[start:end] (at most 60 characters each side) speaks of
    fighting or regulating gambling."""
    lo = max(0, start - 60)
    edges = [m.end() for m in _SENTENCE_EDGE.finditer(text, lo, start)]
    lo = edges[-1] if edges else lo
    m = _SENTENCE_EDGE.search(text, end, min(len(text), end + 60))
    hi = m.start() if m else min(len(text), end + 60)
    return _ENFORCEMENT.search(text, lo, hi) is not None
