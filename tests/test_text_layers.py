"""Prose as a PDF's text layer gives it: lines wrapped at the page's measure, in the middle of a
sentence, and a space between a number and the Chinese around it (84 条, 2024 年, 9.1 %).
The checks read such prose as they read the same prose written a paragraph a line."""

from __future__ import annotations

from report_lint import source
from report_lint.config import Config
from report_lint.engine import Engine
from report_lint.narrative import parse_text

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


def _paragraphs(text: str) -> list[tuple[int, str]]:
    from report_lint.narrative import clauses
    from report_lint.report import build_report

    return [(c.paragraph, c.text) for c in clauses(build_report(source.from_text(text, "r.txt")))]


def test_a_text_with_a_paragraph_a_line_is_read_a_line_at_a_time():
    text = _report([FILLER, SENTENCE, FILLER], wrap=False)
    got = _paragraphs(text)
    of = [next(p for p, t in got if t.startswith(w)) for w in ("局党组将", "(一)主动公开")]
    last = max(p for p, _ in got)
    assert len({*of, last}) == 3  # each paragraph its own, none run into the next


def test_a_heading_or_item_after_an_open_line_starts_its_own_line():
    """A line that ends mid-sentence reads on into the next, unless that one is a numbered
    sub-heading or item: (二)… starts a paragraph of its own."""
    lines = _wrap(FILLER)
    text = _report([], wrap=False) + "\n".join(lines[:1] + ["(二)依申请公开情况。本年度未收到申请。"] + lines[1:]) + "\n"
    got = _paragraphs(text)
    heading = next(p for p, t in got if t.startswith("(二)"))
    assert [p for p, t in got if t.startswith(lines[0][:10])] != [heading]
    assert all(p == heading for p, t in got if "未收到申请" in t)


def test_a_space_between_a_number_and_its_unit():
    spaced = parse_text("我局共主动公示 84 条信息,其中网站 20 条、微信 64 条,2024 年,占 9.1 %。")
    plain = parse_text("我局共主动公示84条信息,其中网站20条、微信64条,2024年,占9.1%。")
    def read(cls):
        return [(q.value, q.unit, q.kind) for c in cls for q in c.quantities]
    assert read(spaced) == read(plain)
    assert ("2024", "") not in [(str(v), u) for v, u, _ in read(spaced)]  # a year, not a count


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_PIECES = st.sampled_from(["我局", "共主动公开", "政府信息", "其中", "网站", "微信公众号", "条", "件", "、", ",", "。",
                           "84", "20", "3", "2024年", "占", "9.1%", "办理", "申请", "“谁主管”"])


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(_PIECES, min_size=5, max_size=60), min_size=3, max_size=8), st.integers(50, 90))
def test_clauses_read_across_wraps_point_at_their_own_text(paragraphs, measure):
    """Whatever the wrapping, each clause and number read across a soft break is placed back on
    its own characters: the text at its span, less the breaks, is what was read."""
    from report_lint.narrative import clauses
    from report_lint.report import build_report

    body = [line for p in paragraphs for line in _wrap("".join(p) + "。", measure)]
    text = "某某局2024年政府信息公开工作年度报告\n一、总体情况\n" + "\n".join(body) + "\n"
    rep = build_report(source.from_text(text, "r.txt"))
    for c in clauses(rep):
        assert text[c.span.start:c.span.end].replace("\n", "") == c.text.replace("\n", "")
        assert "\n" not in (text[c.span.start], text[c.span.end - 1])  # on its characters, not a break
        for q in c.quantities:
            assert "\n" not in (text[q.span.start], text[q.span.end - 1])
            got = text[q.span.start:q.span.end].replace("\n", "")
            assert got.replace(" ", "") == text[q.number_span.start:q.number_span.end].replace("\n", "") + q.unit \
                or q.kind != "count" or not q.unit, (got, q.unit)


def test_a_clause_that_starts_a_wrapped_line_is_placed_on_that_line():
    """A break right after 、: the next item begins the next line, and is found there."""
    first = "(一)主动公开。2024年,我局共主动公示84条信息,其中通过区政府门户网站20条、"
    lines = [FILLER[:38], FILLER[38:76], first, "襄城就业微信公众号24条、市人社局门户网站14条、区人社局门户网站20条、汉水",
             "襄阳号26条。", FILLER[:38], FILLER[38:76], FILLER[76:]]
    text = "襄城区人社局2024年政府信息公开工作年度报告\n一、总体情况\n" + "\n".join(lines) + "\n"
    ds = _findings(text, "RL202")
    assert len(ds) == 1
    from report_lint.narrative import clauses
    from report_lint.report import build_report

    rep = build_report(source.from_text(text, "r.txt"))
    item = next(c for c in clauses(rep) if c.text.startswith("襄城就业"))
    assert text[item.span.start:].startswith("襄城就业")
