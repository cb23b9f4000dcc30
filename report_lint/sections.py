"""The six sections of the national template and where each one starts.

Headings are an ordinal (一、 … 六、) followed by a title that matches one of the template's
sections (variants accepted, FORMAT.md §1). Headings are found anywhere in the text, not
only at line starts, because text scraped from some web pages has no line breaks at all;
a mid-line heading must follow a space or a sentence end so that enumerations in prose
("一是…、二是…") are not taken for headings.
"""

from __future__ import annotations

import re
from typing import Optional

from .model import Section, Span

# Title patterns per template section, most specific first. Titles vary between reports
# ("行政机关主动公开政府信息情况", "…行政复议及行政诉讼情况", "…及整改措施").
TITLES: dict[int, str] = {
    1: r"总体(?:情况|概况)|概述",
    2: r"(?:行政机关)?主动公开(?:政府)?信息(?:的)?情况|主动公开(?:工作)?情况",
    3: r"收到和处理(?:政府信息)?(?:公开)?(?:的)?申请(?:的)?情况|收到和处理.{0,12}?申请.{0,3}?情况|依申请公开(?:政府)?(?:信息)?(?:工作)?情况",
    4: r"(?:因)?(?:政府信息公开)?(?:工作)?(?:被申请)?行政复议.{0,14}?行政诉讼(?:的)?情况|政府信息公开(?:工作)?行政复议.{0,3}?(?:情况)?",
    5: r"(?:政府信息公开)?(?:工作)?存在的?主要问题(?:及|和|与)(?:其?改进|整改).{0,6}?(?:情况|措施|举措|计划)?|存在的?(?:主要)?问题.{0,8}?(?:情况|措施)",
    6: r"其他需要报告的事项|其他(?:需要)?(?:报告)?的?事项",
}

_NUMERALS = "一二三四五六七八九十"
# The ordinal comes first so that re scans for its characters at C speed; the check that
# it starts a line or follows a separator looks back from its first character.
_HEADING = re.compile(
    rf"(?P<ord>[{_NUMERALS}](?<![^\s。；;:：][{_NUMERALS}])[{_NUMERALS}]?)[ \t]*[、.．][ \t]*"
    r"(?P<title>(?:政府信息公开工作)?(?:" + "|".join(f"(?P<t{k}>{v})" for k, v in TITLES.items()) + "))"
)

CN = {ch: i + 1 for i, ch in enumerate(_NUMERALS)}


def _cn_number(s: str) -> int:
    if len(s) == 1:
        return CN[s]
    if s[0] == "十":
        return 10 + CN.get(s[1], 0)
    return CN[s[0]] * 10 + (CN.get(s[1], 0) if s[1] != "十" else 0)


def find_sections(text: str) -> list[Section]:
    """Section headings in document order with the body each one introduces."""
    found: list[tuple[int, Optional[int], str, Span]] = []
    for m in _HEADING.finditer(text):
        canonical = next((k for k in TITLES if m.group(f"t{k}")), None)
        number = _cn_number(m.group("ord"))
        found.append((number, canonical, m.group("title"), Span(m.start(), m.end())))
    sections: list[Section] = []
    for i, (number, canonical, title, span) in enumerate(found):
        body_end = found[i + 1][3].start if i + 1 < len(found) else len(text)
        sections.append(Section(number, title, canonical, span, Span(span.end, body_end)))
    return sections
