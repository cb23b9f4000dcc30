"""Fuzzy row-label matching.

Labels in the wild are damaged (typos, dropped or split words, notes in brackets), so a
label is compared with the template wordings by character bigrams (Dice coefficient), after
dropping punctuation and spaces. A template wording of four or more characters found whole
inside the label scores at least 0.8, so notes appended to a label do not hide it.
"""

from __future__ import annotations

import re
from functools import lru_cache

_NOISE = re.compile(r"[\s、，,.。:：;；“”\"'‘’()（）【】\[\]《》<>\-—_/|·?？]+")
# Pinyin glosses that mirror sites put after characters: 规(guī)章, 拖市镇(zhèn).
_PINYIN = re.compile(r"[(（][a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüêńňǹḿ]{1,7}[)）]")
_OPEN = re.compile(r"[(（]")


def clean(s: str) -> str:
    # Long texts (a table's header words joined, a label that swallowed a page) are not kept:
    # the cache would hold thousands of them for the rest of a batch.
    return _clean(s) if len(s) <= 200 else _uncached(s)


@lru_cache(maxsize=4096)  # row labels are mostly the template's own wordings, met again and again
def _clean(s: str) -> str:
    return _uncached(s)


def _uncached(s: str) -> str:
    if "(" in s or "（" in s:
        s = _PINYIN.sub("", s)
    return _NOISE.sub("", s)


@lru_cache(maxsize=4096)
def core(label: str) -> str:
    """A label without pinyin glosses and without the note in brackets that ends it:
    规章(设区的市、自治州人民政府应提供相关数据) -> 规章. A bracket that does not end the label
    (a header run into the label: 本年收费金额(单位:万元)行政事业性收费) stays."""
    if "(" not in label and "（" not in label:
        return label
    s = _PINYIN.sub("", label).rstrip()
    depth = 0
    cut = -1
    for i in range(len(s) - 1, -1, -1):  # the bracket that closes at the end, or never closes
        ch = s[i]
        if ch in ")）":
            depth += 1
        elif ch in "(（":
            if depth:
                depth -= 1
                if depth == 0 and i < len(s) - 1 and s[-1] in ")）":
                    cut = i
                    break
            else:
                cut = i  # opened and never closed: the note runs to the end (text cut off)
    if cut > 0 and clean(s[:cut]):
        return s[:cut]
    return s


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
    a row label stands before it, never after it (so a wording found elsewhere inside the
    label, as in a sentence that mentions 规范性文件, counts for nothing)."""
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
        if len(ac) >= 4 and not tail and ac in label:
            score = max(score, 0.8)
        if tail and label.endswith(ac):
            score = max(score, 0.9)
        if score > best:
            best = score
    return best
