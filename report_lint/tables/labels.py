"""Fuzzy row-label matching.

Labels in the wild are damaged (typos, dropped or split words, notes in brackets), so a
label is compared with the template wordings by character bigrams (Dice coefficient), after
dropping punctuation and spaces. A template wording of four or more characters found whole
inside the label scores at least 0.8, so notes appended to a label do not hide it.
"""

from __future__ import annotations

import re
from functools import lru_cache

_NOISE = re.compile(r"[\s、，,.。:：;；“”\"'‘’()（）【】\[\]《》<>\-—_/|·]+")


def clean(s: str) -> str:
    # Long texts (a table's header words joined, a label that swallowed a page) are not kept:
    # the cache would hold thousands of them for the rest of a batch.
    return _clean(s) if len(s) <= 200 else _NOISE.sub("", s)


@lru_cache(maxsize=4096)  # row labels are mostly the template's own wordings, met again and again
def _clean(s: str) -> str:
    return _NOISE.sub("", s)


def bigrams(s: str) -> frozenset[str]:
    if len(s) < 2:
        return frozenset((s,)) if s else frozenset()
    return frozenset(s[i : i + 2] for i in range(len(s) - 1))


@lru_cache(maxsize=512)
def _alias(alias: str) -> tuple[str, frozenset[str]]:
    c = clean(alias)
    return c, bigrams(c)


def similarity(label: str, label_grams: frozenset[str], aliases: tuple[str, ...], tail: bool = False) -> float:
    """Best similarity of a cleaned label (and its bigrams) to any of the wordings, 0..1.

    With ``tail``, a label that ends with a wording scores 0.9: header text that ran into
    a row label stands before it, never after it."""
    best = 0.0
    if not label:
        return 0.0
    for a in aliases:
        ac, ag = _alias(a)
        if ac == label:
            return 1.0
        if not ag:
            continue
        inter = len(ag & label_grams)
        score = 2.0 * inter / (len(ag) + len(label_grams))
        if len(ac) >= 4 and ac in label:
            score = max(score, 0.8)
        if tail and label.endswith(ac):
            score = max(score, 0.9)
        if score > best:
            best = score
    return best
