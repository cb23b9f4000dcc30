"""Lark LALR parser over the lexer's cell tokens (grammars/tables.lark).

The grammar is compiled once per process and cached on disk by Lark (cache=True), and the
transformer runs inline during the parse, so no parse tree is built.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Optional

from lark import Lark, Token, Transformer
from lark.exceptions import UnexpectedInput
from lark.lexer import Lexer

from ..resources import data_file


@dataclass
class Entry:
    """One node of a parsed table: a row (with values) or a group/caption (without)."""

    level: str  # major | paren | item | bare | caption | arow | rrow
    ordinal: Optional[Token]
    label: list[Token]
    values: Optional[list[Token]]
    children: list["Entry"] = field(default_factory=list)


class _TokenListLexer(Lexer):
    """The lexing already happened in tables.lexer: hand Lark the prepared token list."""

    def __init__(self, lexer_conf) -> None:  # noqa: D401 - Lark's interface
        pass

    def lex(self, data):  # Lark's interface 0: data is whatever was passed to parse()
        return iter(data)


class _Build(Transformer):
    def values(self, c):
        return c[0].cells

    def label(self, c):
        return c

    def major_row(self, c):
        return Entry("major", c[0], c[1], c[2])

    def major_group(self, c):
        return Entry("major", c[0], c[1], None, c[2:])

    def paren_row(self, c):
        return Entry("paren", c[0], c[1], c[2])

    def paren_group(self, c):
        return Entry("paren", c[0], c[1], None, c[2:])

    def item(self, c):
        return Entry("item", c[0], c[1], c[2] if len(c) > 2 else [])

    def bare(self, c):
        return Entry("bare", None, c[:-1], c[-1])

    def caption(self, c):
        return Entry("caption", None, c, None)

    def arow(self, c):
        return Entry("arow", None, c[:-1], c[-1])

    def rrow(self, c):
        return Entry("rrow", None, c[0], c[1])

    def requests(self, c):
        return c

    active = reviews = requests


@lru_cache(maxsize=1)
def _parser() -> Lark:
    grammar = data_file("grammars", "tables.lark").read_text(encoding="utf-8")
    return Lark(
        grammar,
        parser="lalr",
        lexer=_TokenListLexer,
        transformer=_Build(),
        start=["requests", "active", "reviews"],
        cache=True,
    )


@dataclass
class Parsed:
    entries: list[Entry]
    skipped: list[Token]  # tokens the parser had to skip to go on


def parse(tokens: list[Token], start: str) -> Parsed:
    """Parse one table's tokens. The grammar accepts every stream the lexer emits; should
    that ever fail, the offending token is reported and nothing is invented."""
    if not tokens:
        return Parsed([], [])
    skipped: list[Token] = []

    try:
        entries = _parser().parse(tokens, start=start)
    except UnexpectedInput as e:
        tok = getattr(e, "token", None)
        if tok is not None:
            skipped.append(tok)
        entries = []
    return Parsed(entries or [], skipped)
