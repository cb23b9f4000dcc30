"""An LALR parse done again from the steps an earlier parse of the same token kinds took.

An LALR parser's shifts and reductions follow from the sequence of token kinds alone, never
from the tokens' text: two tables whose tokens run through the same kinds are parsed by the
same steps, and only the callbacks, which build the entries out of the tokens, see the
difference. The first parse of a sequence runs Lark's parser with its callbacks logged; a later
one runs the log (each token's reductions, then its shift) without the parse table. Tables of
one layout share their sequence: a batch of one site's pages, one office's years, the same
template printed by the same converter.
"""

from __future__ import annotations

from _thread import allocate_lock
from operator import itemgetter
from typing import Any, Callable

MAX_PROGRAMS = 512  # sequences kept; past it, a new sequence is parsed without being kept
_KIND = itemgetter(0)  # a token's type (Tok, TextRun and CellRun are tuples)
_SHIFT = None  # in a log: the parser takes the next token (or, after the last, the end)


class Replayer:
    """``parse(tokens, start)`` as Lark's LALR parser ``lalr`` gives it (same result, same
    exceptions), the steps of a sequence of token kinds kept after its first parse."""

    def __init__(self, lalr: Any) -> None:
        self.lalr = lalr
        self.inner = lalr.parser  # the parser whose callbacks build the entries
        self.programs: dict[tuple, tuple] = {}
        self.log: list = []
        self.lock = allocate_lock()  # a first parse swaps the callbacks: one at a time (threads)
        log = self.log

        def logged(callback: Callable) -> Callable:
            def call(children: list):
                log.append((callback, len(children)))
                return callback(children)

            return call

        callbacks = self.inner.callbacks
        self.recording = {rule: logged(cb) for rule, cb in callbacks.items()}
        # A callback on a terminal (a str key) would change what a shift pushes: never the
        # case with report-lint's transformer, but then every parse is Lark's own.
        self.usable = not any(isinstance(rule, str) for rule in callbacks)

    def parse(self, tokens: list, start: str):
        if not self.usable:
            return self.lalr.parse(_Tokens(tokens, None), start)
        key = (start, tuple(map(_KIND, tokens)))
        program = self.programs.get(key)
        if program is not None:
            return _run(program, tokens)
        with self.lock:
            log = self.log
            log.clear()
            inner = self.inner
            plain = inner.callbacks
            inner.callbacks = self.recording
            try:
                result = self.lalr.parse(_Tokens(tokens, log), start)  # a failed parse raises: not kept
            finally:
                inner.callbacks = plain
            if len(self.programs) < MAX_PROGRAMS:
                self.programs[key] = _program(log)
        return result


class _Tokens:
    """The token list as Lark's LALR parser pulls it, each pull said in ``log``."""

    __slots__ = ("tokens", "log")

    def __init__(self, tokens: list, log: "list | None") -> None:
        self.tokens = tokens
        self.log = log

    def lex(self, state):
        if self.log is None:
            return iter(self.tokens)
        return self._logged()

    def _logged(self):
        log = self.log
        for tok in self.tokens:
            log.append(_SHIFT)
            yield tok
        log.append(_SHIFT)  # asked past the last token: what follows reduces at the end


def _program(log: list) -> tuple:
    """For each token, the reductions made before it is shifted; then those made at the end."""
    steps: list = []
    current: list = []
    for entry in log:
        if entry is _SHIFT:
            steps.append(tuple(current))
            current = []
        else:
            current.append(entry)
    steps.append(tuple(current))
    return tuple(steps[1:])  # nothing is reduced before the first token is asked for


def _run(program: tuple, tokens: list):
    stack: list = []
    push = stack.append
    shifts = iter(tokens)
    for reductions in program:  # one more than the tokens: the last reduces at the end
        for callback, size in reductions:
            if size:
                children = stack[-size:]
                del stack[-size:]
            else:
                children = []
            push(callback(children))
        tok = next(shifts, None)
        if tok is not None:  # None: past the last token, the end's reductions are done
            push(tok)
    return stack[-1]
