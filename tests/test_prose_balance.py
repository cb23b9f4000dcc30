"""The year's applications said in words: received, carried over, concluded, carried forward.

RL205: such a sentence must balance as the applications table does (field16: a district's
除去上年结转的8件…收到783件，全年共办结788件，结转下年继续办理2件, 791 against 790).
RL301: shares of the outcomes may be taken of received + carried over (收到163件 … 上年结转7件:
占56.47% is 96/170), or of those handled; that is no slip (field16: a county's five right shares
were five false errors, each recomputed of 163)."""

from __future__ import annotations

import pytest

from report_lint import source
from report_lint.config import Config
from report_lint.engine import Engine
from report_lint.findings import Severity

ENGINE = Engine(Config())
HEAD = "某区人民政府2022年政府信息公开工作年度报告\n一、总体情况\n"


def rl205(sentence: str) -> list:
    ds = ENGINE.check_source(source.from_text(HEAD + sentence + "\n", "r.txt")).diagnostics
    return [(d.line, d.severity) for d in ds if d.code == "RL205"]


@pytest.mark.parametrize("sentence", [
    # the field16 shape: received new only, carried over said apart; 783 + 8 = 791, 788 + 2 = 790
    "在依申请公开办理工作中,除去上年结转的8件政府信息公开申请,今年共收到依申请公开783件,全年共办结788件,结转下年继续办理2件。",
    "全年接收政府信息公开申请120件,上年度结转5件,年内办结118件,结转下年度办理6件。",
    # no carried-over count said: fewer accounted for than received is a slip under any reading
    "全年共收到政府信息公开申请40件,办结35件,结转下年度办理3件。",
])
def test_unbalanced_sentence_warns(sentence):
    assert rl205(sentence) == [(3, Severity.WARNING)]


@pytest.mark.parametrize("sentence", [
    "全年接收政府信息公开申请1234件,上年度结转10件,年内办结1230件,结转下年度办理14件。",  # 1244 = 1244
    # 受理 read as new and carried over together (15 = 13 + 2), 其中新收到 a second received count
    "本机关共受理政府信息公开申请15件,其中新收到14件,结转上年度办理1件,办结13件,结转下年度继续办理2件。",
    "共受理答复依申请公开件34件(含2022年结转0件),办结34件,转结下年度继续办理0件。",
    # no carried-over count said and more accounted for: an unsaid carried-over count may explain it
    "全年共收到政府信息公开申请40件,办结39件,结转下年度办理3件。",
    # another count of applications in the sentence may account for the difference
    "全年共收到政府信息公开申请40件,上年结转2件,办结35件,申请人撤回3件,结转下年度办理2件。",
    # not applications for information: 受理政务服务事项
    "窗口共受理政务服务事项2190件,上年结转10件,办结1628件,结转下年度20件。",
    # approximate counts are no balance
    "全年共收到政府信息公开申请40余件,上年结转2件,办结35件,结转下年度办理2件。",
])
def test_balanced_or_unreadable_sentence_is_quiet(sentence):
    assert rl205(sentence) == []


def rl301(sentence: str) -> list:
    ds = ENGINE.check_source(source.from_text(HEAD + sentence + "\n", "r.txt")).diagnostics
    return [(d.line, d.severity) for d in ds if d.code == "RL301"]


TONGLU = ("2023年,全县共收到政府信息公开申请163件,申请量同比增长6.54%,2022年结转政府信息公开申请7件,结转至2024年9件。"
          "2023年,进一步规范政府信息公开申请答复流程,办复率94.7%,其中予以公开或部分公开96件、占{a};不予公开2件、占1.18 %;"
          "无法提供40件、占23.53%;不予处理1件、占0.59%;其他处理21件、占12.35%。")


def test_shares_of_received_and_carried_over_are_right():
    assert rl301(TONGLU.format(a="56.47%")) == []


def test_shares_of_those_handled_are_right():
    # 收到50件, 上年结转4件, 结转下年度6件: 48 handled; 12/48 = 25%
    text = "全年共收到政府信息公开申请50件,上年结转4件,结转下年度6件。其中予以公开12件,占25%;无法提供36件,占75%。"
    assert rl301(text) == []


def test_a_share_no_whole_fits_is_still_an_error():
    # 96/163 = 58.90, 96/170 = 56.47, 96/161 = 59.63: 50% fits none
    assert rl301(TONGLU.format(a="50%")) == [(3, Severity.ERROR)]
