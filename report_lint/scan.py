"""Finding a pattern in a long text fast when few characters can start it.

re searches by trying its matcher at every position of the text, unless the pattern begins
with a character class it can read without IGNORECASE: then it skips, in its own C loop, every
character outside the class, and enters the matcher only where a match can start. A pattern
written as ``(?=[first])(?:alternatives)`` (an alternation behind a lookahead on its first
characters) gets none of that: the lookahead is tried at every character.

``scanner(body, first)`` makes the pattern ``[first](?<=(?=(?P<_hit>body))[\\s\\S])``: the class
comes first, and ``body`` is tried from the same character, in a lookahead inside a
one-character lookbehind. The match itself is that one character; ``body``'s match is the group
``_hit`` (its other groups are there as in ``body``). ``hits`` yields the matches as
``re.finditer`` of ``body`` finds them, left to right, none starting inside the one before.

Only for a ``body`` that cannot match the empty string and whose every match starts with a
character of ``first`` (the class may hold more: it only says where to look).
"""

from __future__ import annotations

import re
from typing import Iterator, Optional

HIT = "_hit"


def scanner(body: str, first: str, flags: int = 0) -> "re.Pattern[str]":
    """``first``: the characters of a class, as written between [ and ] (escapes included)."""
    return re.compile(f"[{first}](?<=(?=(?P<{HIT}>{body}))[\\s\\S])", flags)


def hits(pattern: "re.Pattern[str]", text: str, pos: int = 0, endpos: Optional[int] = None) -> Iterator[re.Match]:
    """The matches of a pattern made by ``scanner`` in text[pos:endpos], as body's finditer
    finds them: read each one's place with ``m.span(HIT)``."""
    last = pos
    for m in pattern.finditer(text, pos, len(text) if endpos is None else endpos):
        a, b = m.span(HIT)
        if a < last:
            continue  # inside the match before: finditer goes on from its end
        yield m
        last = b if b > a else a + 1
