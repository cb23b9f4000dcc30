"""The token the table grammar is parsed from.

The same shape as lark.Token (a str that also carries its type and offsets), so Lark's LALR
parser, and the standalone parser generated from the same grammar, accept it as their own.
It is ours so that reading a report never needs ``import lark`` (~25 ms) once the generated
parser is cached (tables/parser.py).
"""

from __future__ import annotations


class Token(str):
    __slots__ = ("type", "value", "start_pos", "end_pos")
    # what Lark reads when it makes the end-of-input token from the last one; offsets suffice
    line = column = end_line = end_column = None

    def __new__(cls, type: str, value: str, start_pos: int = 0, end_pos: int = 0):
        self = super().__new__(cls, value)
        self.type = type
        self.value = value
        self.start_pos = start_pos
        self.end_pos = end_pos
        return self

    def __repr__(self) -> str:
        return f"Token({self.type!r}, {self.value!r})"

    def __reduce__(self):
        return (type(self), (self.type, self.value, self.start_pos, self.end_pos))
