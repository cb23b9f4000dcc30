"""Prose as a PDF's text layer gives it: lines wrapped at the page's measure, in the middle of a
sentence, and a space between a number and the Chinese around it (84 条, 2024 年, 9.1 %).
The checks read such prose as they read the same prose written a paragraph a line."""

from __future__ import annotations

from report_lint import source
from report_lint.config import Config
from report_lint.engine import Engine
from report_lint.narrative import parse_text
from report_lint.wraps import soft_breaks

ENGINE = Engine(Config())

SENTENCE = ("(一)主动公开。2024年,我局共主动公示84条信息,其中通过区政府门户网站20条、襄城就业微信公众号24条、"
            "市人社局门户网站14条、区人社局门户网站20条、汉水襄阳号26条。")
FILLER = ("局党组将政府信息公开视为提升服务效能、增强公信力的重要抓手,建立起由主要领导亲自部署、分管领导细致推进、"
          "局办公室直接负责、各科室分工明确的工作体系。这一机制确保了信息公开工作的系统性与高效性。")


def _wrap(paragraph: str, measure: int = 76) -> list[str]:
    """Lines as a page sets them: as many characters as fill the measure (a Chinese character
    takes two, a digit or a Latin letter one)."""
    lines, line, width = [], "", 0
    for ch in paragraph:
        w = 1 if ch.isascii() else 2
        if width + w > measure:
            lines.append(line)
            line, width = "", 0
        line += ch
        width += w
    return lines + [line] if line else lines


def _report(paragraphs: list[str], wrap: bool) -> str:
    lines = ["襄城区人社局2024年政府信息公开工作年度报告", "一、总体情况"]
    for p in paragraphs:
        lines.extend(_wrap(p) if wrap else [p])
    return "\n".join(lines) + "\n"


def _findings(text: str, code: str):
    return [d for d in ENGINE.check_source(source.from_text(text, "r.txt")).diagnostics if d.code == code]


def test_a_list_wrapped_over_lines_is_read_as_one_sentence():
    """其中 … 20条、襄城就业微信公众 / 号24条、…: the parts add up to 104 of 84 whether the text
    has the paragraph on one line or wrapped at the page's measure; the finding is where the
    whole is, on its line."""
    one = _findings(_report([FILLER, SENTENCE, FILLER], wrap=False), "RL202")
    text = _report([FILLER, SENTENCE, FILLER], wrap=True)
    wrapped = _findings(text, "RL202")
    assert len(one) == len(wrapped) == 1 and "104条" in wrapped[0].message
    line = text.split("\n")[wrapped[0].line - 1]
    assert line[wrapped[0].column - 1:].startswith("84条")


def test_a_text_with_a_paragraph_a_line_has_no_soft_break():
    text = _report([FILLER, SENTENCE, FILLER, SENTENCE[:30] + "。", FILLER[:50] + "。"], wrap=False)
    assert soft_breaks(text) == frozenset()


def test_a_heading_or_item_after_a_full_line_starts_its_own_line():
    text = _report([FILLER, FILLER, FILLER], wrap=True)
    lines = text.split("\n")
    assert soft_breaks(text)  # wrapped: the filler's lines are full and end mid-sentence
    k = 4
    text2 = "\n".join(lines[:k] + ["二、主动公开政府信息情况"] + lines[k:])
    soft = soft_breaks(text2)
    pos = len("\n".join(lines[:k]))  # the break before the heading
    assert pos not in soft


def test_a_space_between_a_number_and_its_unit():
    spaced = parse_text("我局共主动公示 84 条信息,其中网站 20 条、微信 64 条,2024 年,占 9.1 %。")
    plain = parse_text("我局共主动公示84条信息,其中网站20条、微信64条,2024年,占9.1%。")
    def read(cls):
        return [(q.value, q.unit, q.kind) for c in cls for q in c.quantities]
    assert read(spaced) == read(plain)
    assert ("2024", "") not in [(str(v), u) for v, u, _ in read(spaced)]  # a year, not a count
