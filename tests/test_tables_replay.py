"""A table whose token kinds run as an earlier table's is parsed again by the steps of that
parse (tables/replay.py): the entries must be those Lark's parser builds, token for token."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from report_lint import resources, source
from report_lint.tables import lexer, parser, replay
from tests import synth

ROOT = Path(__file__).resolve().parent.parent / "fixtures"
KINDS = (("requests", {}), ("active", {"ordinals": False, "captions": True}), ("reviews", {"ordinals": False}))


@pytest.fixture
def standalone(tmp_path, monkeypatch):
    """The generated parser (the command's), with its replayer; and Lark's own for reference."""
    monkeypatch.setattr(resources, "CACHE_DIR", str(tmp_path))
    parser._engine.cache_clear()
    run, _ = parser._engine()
    assert isinstance(run.__self__, replay.Replayer)
    yield run.__self__
    parser._engine.cache_clear()


def _lark_parse(tokens, kind):
    """What Lark's own parser (no standalone module, no replay) makes of the tokens."""
    saved = resources.CACHE_DIR
    resources.CACHE_DIR = None
    parser._engine.cache_clear()
    try:
        return parser.parse(tokens, kind)
    finally:
        resources.CACHE_DIR = saved
        parser._engine.cache_clear()


def _tables():
    texts = [p.read_text(encoding="utf-8") for p in sorted(ROOT.glob("seeds/*.txt"))]
    texts += [source.from_bytes(p.read_bytes(), p.name).text for p in sorted(ROOT.glob("real/*.txt"))]
    rng = random.Random(7)
    texts += [synth.random_report(rng, layout=layout).text for layout in synth.LAYOUTS for _ in range(3)]
    for text in texts:
        for kind, kw in KINDS:
            tokens = lexer.lex(text, 0, len(text), **kw).tokens
            if tokens:
                yield kind, tokens


def test_every_table_parsed_again_by_its_steps_as_lark_parses_it(standalone):
    tables = list(_tables())
    first = [parser.parse(tokens, kind) for kind, tokens in tables]  # recorded (or replayed: a shape seen)
    assert standalone.programs  # the shapes were kept
    replayed = [parser.parse(tokens, kind) for kind, tokens in tables]  # every one replayed now
    assert replayed == first
    # ... and both are what Lark itself makes of them
    saved = resources.CACHE_DIR
    resources.CACHE_DIR = None
    parser._engine.cache_clear()
    try:
        assert [parser.parse(tokens, kind) for kind, tokens in tables] == first
    finally:
        resources.CACHE_DIR = saved
        parser._engine.cache_clear()


def test_a_shape_is_replayed_with_each_tables_own_tokens(standalone):
    """Two tables of one layout and different numbers: one shape kept, each its own values."""
    rng = random.Random(3)
    by_shape: dict = {}
    for _ in range(60):
        text = synth.random_report(rng, layout="pipe").text
        tokens = lexer.lex(text, 0, len(text)).tokens
        shape = tuple(t.type for t in parser._joined(tokens))
        if shape in by_shape and by_shape[shape][1] != text:
            ta, tb = by_shape[shape][0], tokens
            break
        by_shape[shape] = (tokens, text)
    else:
        raise AssertionError("no two synthetic tables of one shape")
    pa = parser.parse(ta, "requests")
    n = len(standalone.programs)
    pb = parser.parse(tb, "requests")
    assert len(standalone.programs) == n  # replayed, not parsed again
    assert pb == _lark_parse(tb, "requests") and pb != pa


_PIECES = ["一、", "三、", "(二)", "(七)", "1.", "5.", "属于国家秘密", "总计", "第二十条第(一)项", "规章",
           "0", "12", "713000074", "/", "—", "|", "||", " ", "\n", "\t", "无", "2024年"]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=50), st.sampled_from(KINDS))
def test_token_soup_replayed_as_parsed(standalone, pieces, kind_kw):
    """Any stream the lexer emits: the second parse (replayed) equals the first (Lark's parser,
    its callbacks logged)."""
    kind, kw = kind_kw
    text = "".join(pieces)
    tokens = parser._joined(lexer.lex(text, 0, len(text), **kw).tokens)
    if not tokens:
        return  # parse() asks no parser for an empty table
    fresh = replay.Replayer(standalone.lalr)
    once = fresh.parse(tokens, kind)
    assert len(fresh.programs) == 1
    assert fresh.parse(tokens, kind) == once


def test_shapes_kept_are_bounded(standalone, monkeypatch):
    monkeypatch.setattr(replay, "MAX_PROGRAMS", 2)
    standalone.programs.clear()
    seen = []
    for kind, tokens in _tables():
        parser.parse(tokens, kind)
        seen.append(len(standalone.programs))
    assert max(seen) == 2
