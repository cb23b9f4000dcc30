"""Lark LALR parser over the lexer's cell tokens (grammars/tables.lark).

The transformer runs inline during the parse, so no parse tree is built. Which Lark runs:

* with report-lint's cache folder (the command sets resources.CACHE_DIR): Lark's standalone
  parser generated from grammars/tables.lark (lark.tools.standalone), kept in the cache as
  compiled code for this exact grammar text. The same LALR tables and parser code as Lark's,
  without ``import lark`` and grammar loading on every start (~25 ms);
* otherwise (library use, tests, no writable cache): ``Lark(..., cache=True)``.

With the standalone parser, a table whose token kinds run as an earlier table's is parsed by
the steps that parse took (replay.py): the same entries, without the parse table.

Tests check that both give the same parse.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple, Optional

from ..resources import data_file, read_text
from .lexer import Tok

START = ["requests", "active", "reviews"]
GENERATOR = "2"  # bump when the way the standalone module is generated changes


@dataclass
class Entry:
    """One node of a parsed table: a row (with values) or a group/caption (without)."""

    level: str  # major | paren | item | bare | caption | arow | rrow
    ordinal: Optional[Tok]
    label: list[Tok]
    values: Optional[list[Tok]]
    children: list["Entry"] = field(default_factory=list)


def _append(c):
    """A left-recursive list rule: the first item starts the list, each later one joins it."""
    if len(c) == 1:
        return [c[0]]
    c[0].append(c[1])
    return c[0]


class TextRun(NamedTuple):
    """Adjacent TEXT tokens handed to the parser as one TEXT token (see parse)."""

    type: str
    value: str
    start_pos: int
    end_pos: int
    toks: list

    line = column = end_line = end_column = None


def _texts(c):
    """texts: TEXT | texts TEXT, a label's text tokens as one list (a run given whole)."""
    if len(c) == 1:
        t = c[0]
        return list(t.toks) if type(t) is TextRun else [t]
    t = c[1]
    if type(t) is TextRun:
        c[0].extend(t.toks)
    else:
        c[0].append(t)
    return c[0]


class _Build:
    """Callbacks by rule name (Lark looks them up with getattr; no base class needed)."""

    requests = active = reviews = subs = leaves = staticmethod(_append)
    texts = staticmethod(_texts)

    def values(self, c):
        return c[0].cells

    def label(self, c):
        return c[0] if c and c[0] is not None else []

    def major_row(self, c):
        return Entry("major", c[0], c[1], c[2])

    def major_group(self, c):
        return Entry("major", c[0], c[1], None, c[2] if len(c) > 2 else [])

    def paren_row(self, c):
        return Entry("paren", c[0], c[1], c[2])

    def paren_group(self, c):
        return Entry("paren", c[0], c[1], None, c[2] if len(c) > 2 else [])

    def item(self, c):
        return Entry("item", c[0], c[1], c[2] if len(c) > 2 else [])

    def bare(self, c):
        return Entry("bare", None, c[0], c[1])

    def caption(self, c):
        return Entry("caption", None, c, None)

    def arow(self, c):
        return Entry("arow", None, c[0], c[1])

    def rrow(self, c):
        return Entry("rrow", None, c[0], c[1])


@lru_cache(maxsize=1)
def _engine():
    """(parse(tokens, start), the exception class a failed parse raises)."""
    from .. import resources

    grammar = read_text(data_file("grammars", "tables.lark"))
    module = _standalone(grammar) if resources.CACHE_DIR is not None else None
    if module is not None:
        # Straight to the LALR parser with our token list as its lexer (the frontend would
        # build a text lexer): the parser's loop pulls the tokens itself.
        lalr = module.Lark_StandAlone(transformer=_Build()).parser.parser
        _identity_rules(module, lalr)
        # A sequence of token kinds parsed before is parsed again by the same steps (replay.py)
        from .replay import Replayer

        return Replayer(lalr).parse, module.UnexpectedInput
    from lark import Lark
    from lark.exceptions import UnexpectedInput
    from lark.lexer import Lexer

    global _TokenListLexer

    class _TokenListLexer(Lexer):  # module-level name: Lark's cache pickles the class by name
        """The lexing already happened in tables.lexer: hand Lark the prepared token list."""

        def __init__(self, lexer_conf) -> None:
            pass

        def lex(self, data):  # data is whatever was passed to parse()
            return iter(data)

    _TokenListLexer.__qualname__ = "_TokenListLexer"
    lark = Lark(grammar, parser="lalr", lexer=_TokenListLexer, transformer=_Build(), start=START, cache=True)
    return (lambda tokens, start: lark.parse(tokens, start=start)), UnexpectedInput


def _identity_rules(module, lalr) -> None:
    """Every reduce looks its rule up in the callbacks dict, and the standalone module's Rule
    hashes in Python (a call per reduce, ~2% of checking a report). The parse table and the
    callbacks hold the very same Rule objects, so this private copy of the class (never Lark's
    own) hashes by identity, and the dict is rebuilt with those hashes. Left as it is unless
    every rule the table reduces by is then found."""
    original = getattr(module.Rule, "__hash__", None)
    try:
        inner = lalr.parser
        rules = {arg for acts in inner.parse_table.states.values() for action, arg in acts.values()
                 if action is not module.Shift}
        module.Rule.__hash__ = object.__hash__
        callbacks = dict(inner.callbacks.items())
        if not all(r in callbacks for r in rules):  # pragma: no cover - a table holding copies
            raise LookupError
        inner.callbacks = callbacks
    except Exception:  # pragma: no cover - another Lark's internals: parse as generated
        module.Rule.__hash__ = original


def _standalone(grammar: str):
    """The standalone parser module for this grammar, generated once and kept compiled in the
    cache; None when it cannot be made (then the caller uses Lark itself)."""
    import marshal
    import sys
    import types

    from ..resources import memo

    def generate():
        import io

        from lark import Lark
        from lark.tools.standalone import gen_standalone

        out = io.StringIO()
        gen_standalone(Lark(grammar, parser="lalr", lexer="basic", start=START), out=out)
        # optimize=1 drops the parser's internal asserts: one of them compares every reduced
        # rule with an int, a Python-level __eq__ call per reduce
        return marshal.dumps(compile(out.getvalue(), "<report-lint tables parser>", "exec", optimize=1))

    try:
        code = marshal.loads(memo("tables-parser", f"{GENERATOR}\x00{sys.version}\x00{grammar}", generate))
        name = "report_lint._tables_lalr"
        module = types.ModuleType(name)
        sys.modules[name] = module  # its dataclasses look their module up there
        exec(code, module.__dict__)
        return module
    except Exception:  # a broken cache or generator must never stop a check
        sys.modules.pop("report_lint._tables_lalr", None)
        return None


@dataclass
class Parsed:
    entries: list[Entry]
    skipped: list[Tok]  # tokens the parser had to skip to go on


def _joined(tokens: list[Tok]) -> list:
    """The tokens with each run of adjacent TEXT tokens as one TextRun. The grammar joins such a
    run into one label whatever follows (its texts rule is left-recursive and LALR shifts), so
    the parse is the same, with a shift and a reduce less per token joined: a header's cells
    (the reviews table's 15, the active table's) are a quarter of a report's tokens."""
    out: list = []
    run: Optional[list] = None
    for t in tokens:
        if t[0] == "TEXT":
            if run is not None:
                run.append(t)
                continue
            if out and out[-1][0] == "TEXT":
                run = [out.pop(), t]
                continue
        elif run is not None:
            out.append(_new_run(run))
            run = None
        out.append(t)
    if run is not None:
        out.append(_new_run(run))
    return out


def _new_run(toks: list) -> TextRun:
    return TextRun("TEXT", toks[0][1], toks[0][2], toks[-1][3], toks)


def parse(tokens: list[Tok], start: str, *, join: bool = True) -> Parsed:
    """Parse one table's tokens. The grammar accepts every stream the lexer emits; should
    that ever fail, the offending token is reported and nothing is invented. ``join``: hand
    runs of label text over whole (_joined; tests compare with False)."""
    if not tokens:
        return Parsed([], [])
    skipped: list[Tok] = []

    run, error = _engine()
    try:
        entries = run(_joined(tokens) if join else tokens, start)
    except error as e:
        tok = getattr(e, "token", None)
        if tok is not None:
            skipped.append(tok.toks[0] if type(tok) is TextRun else tok)
        entries = []
    return Parsed(entries or [], skipped)
