"""Word's automatic numbering (word/numbering.xml): the label Word shows before a paragraph.

Offices often let Word number the headings (一、总体情况 typed as 总体情况 in a paragraph whose
list level prints "%1、" in Chinese counting). The label is in no text run, yet it is what the
reader and the PDF see, and what tells the report's parts apart; so the rendering writes it.

Counters follow Word: one sequence per abstract list (w:abstractNum), shared by the lists
(w:num) that point to it, except a list with a start override, which starts its own; a level
counts on until a higher level of its sequence moves, which starts it again. Where a label
cannot be told for certain (a format not known here, a bullet, a level not defined) nothing is
written: the paragraph reads as it did without numbering, never with a guessed number.
"""

from __future__ import annotations

import re
from typing import Optional

_CN = "零一二三四五六七八九"
_CN_LEGAL = "零壹贰叁肆伍陆柒捌玖"
_TIANGAN = "甲乙丙丁戊己庚辛壬癸"
_DIZHI = "子丑寅卯辰巳午未申酉戌亥"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
          (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
_PLACEHOLDER = re.compile(r"%([1-9])")


def _chinese(n: int, digits: str = _CN, ten: str = "十") -> Optional[str]:
    if not 0 < n < 100:
        return None
    tens, ones = divmod(n, 10)
    if tens == 0:
        return digits[ones]
    return ("" if tens == 1 else digits[tens]) + ten + (digits[ones] if ones else "")


def _roman(n: int) -> Optional[str]:
    if not 0 < n < 4000:
        return None
    out = []
    for value, letters in _ROMAN:
        while n >= value:
            out.append(letters)
            n -= value
    return "".join(out)


def _letters(n: int) -> Optional[str]:
    # Word's letters: a..z, then aa..zz, aaa..
    if n <= 0:
        return None
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def _cycle(chars: str):
    return lambda n: chars[n - 1] if 0 < n <= len(chars) else None


FORMATS = {
    "decimal": lambda n: str(n),
    "decimalZero": lambda n: f"{n:02d}",
    "decimalFullWidth": lambda n: str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９")),
    "decimalFullWidth2": lambda n: str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９")),
    "decimalHalfWidth": lambda n: str(n),
    "decimalEnclosedParen": lambda n: f"({n})",
    "decimalEnclosedFullstop": lambda n: f"{n}.",
    "decimalEnclosedCircle": _cycle(_CIRCLED),
    "decimalEnclosedCircleChinese": _cycle(_CIRCLED),
    "upperRoman": _roman,
    "lowerRoman": lambda n: (_roman(n) or "").lower() or None,
    "upperLetter": lambda n: (_letters(n) or "").upper() or None,
    "lowerLetter": _letters,
    "chineseCounting": _chinese,
    "chineseCountingThousand": _chinese,
    "japaneseCounting": _chinese,
    "taiwaneseCounting": _chinese,
    "ideographDigital": lambda n: "".join(_CN[int(d)] for d in str(n)) if n > 0 else None,
    "chineseLegalSimplified": lambda n: _chinese(n, _CN_LEGAL, "拾"),
    "ideographLegalTraditional": lambda n: _chinese(n, _CN_LEGAL, "拾"),
    "ideographTraditional": _cycle(_TIANGAN),
    "ideographZodiac": _cycle(_DIZHI),
}


class Level:
    __slots__ = ("fmt", "text", "start", "suffix")

    def __init__(self, fmt: str, text: Optional[str], start: int, suffix: str) -> None:
        self.fmt, self.text, self.start, self.suffix = fmt, text, start, suffix


class Numbering:
    """The lists of a document and the counters of the paragraphs read so far."""

    def __init__(self, abstract: dict, nums: dict, styles: dict) -> None:
        self.abstract = abstract  # abstractNumId -> {ilvl: Level}
        self.nums = nums  # numId -> (abstractNumId, {ilvl: start override}, {ilvl: Level override})
        self.styles = styles  # paragraph styleId -> (numId or None, ilvl or None, basedOn or None)
        self.counters: dict[str, dict[int, int]] = {}

    def label(self, num_id: Optional[str], ilvl: Optional[int], style: Optional[str]) -> str:
        """The label of the next paragraph with this numbering (its own, or its style's), and
        the counters moved on; "" when it has none or it cannot be told."""
        if num_id is None or ilvl is None:
            s_num, s_lvl = self._from_style(style)
            num_id = num_id if num_id is not None else s_num
            ilvl = ilvl if ilvl is not None else (s_lvl if s_lvl is not None else 0)
        if num_id is None or num_id == "0" or num_id not in self.nums:
            return ""
        aid, starts, overrides = self.nums[num_id]
        levels = {**self.abstract.get(aid, {}), **overrides}
        level = levels.get(ilvl)
        if level is None:
            return ""
        key = f"num:{num_id}" if starts else f"abs:{aid}"
        counts = self.counters.setdefault(key, {})
        counts[ilvl] = counts[ilvl] + 1 if ilvl in counts else starts.get(ilvl, level.start)
        for deeper in [k for k in counts if k > ilvl]:
            del counts[deeper]  # a higher level moved: the lower ones start again
        if level.fmt in ("bullet", "none") or level.text is None:
            return ""
        out = []
        pos = 0
        for m in _PLACEHOLDER.finditer(level.text):
            k = int(m.group(1)) - 1
            ref = levels.get(k)
            if ref is None:
                return ""
            n = counts.get(k, starts.get(k, ref.start))
            shown = FORMATS.get(ref.fmt, lambda _n: None)(n)
            if shown is None:
                return ""  # a format or a number we cannot write: no label rather than a wrong one
            out.append(level.text[pos:m.start()])
            out.append(shown)
            pos = m.end()
        out.append(level.text[pos:])
        label = "".join(out)
        return label + (" " if label and level.suffix != "nothing" else "")

    def _from_style(self, style: Optional[str]):
        seen = set()
        while style is not None and style not in seen:
            seen.add(style)
            num_id, ilvl, based = self.styles.get(style, (None, None, None))
            if num_id is not None:
                return num_id, ilvl
            style = based
        return None, None


def parse(numbering_root, styles_root, local, attr) -> Optional[Numbering]:
    """The lists of numbering.xml (and the paragraph styles that number, from styles.xml);
    None when the document has no lists. ``local``/``attr`` read tags and attributes in either
    WordprocessingML namespace."""
    if numbering_root is None:
        return None
    abstract: dict = {}
    nums: dict = {}
    for el in numbering_root:
        tag = local(el.tag)
        if tag == "abstractNum":
            abstract[attr(el, "abstractNumId")] = _levels(el, local, attr)
        elif tag == "num":
            aid = None
            starts: dict = {}
            overrides: dict = {}
            for x in el:
                t = local(x.tag)
                if t == "abstractNumId":
                    aid = attr(x, "val")
                elif t == "lvlOverride":
                    k = _int(attr(x, "ilvl"))
                    if k is None:
                        continue
                    for y in x:
                        if local(y.tag) == "startOverride" and _int(attr(y, "val")) is not None:
                            starts[k] = _int(attr(y, "val"))
                    overrides.update(_levels(x, local, attr))
            nums[attr(el, "numId")] = (aid, starts, overrides)
    if not nums:
        return None
    styles: dict = {}
    if styles_root is not None:
        for st in styles_root:
            if local(st.tag) != "style" or attr(st, "type") not in (None, "paragraph"):
                continue
            num_id = ilvl = based = None
            for x in st:
                t = local(x.tag)
                if t == "basedOn":
                    based = attr(x, "val")
                elif t == "pPr":
                    num_id, ilvl = num_pr(x, local, attr)
            styles[attr(st, "styleId")] = (num_id, ilvl, based)
    return Numbering(abstract, nums, styles)


def num_pr(ppr, local, attr):
    """(numId, ilvl) of a paragraph's (or a style's) properties; None where not given."""
    for x in ppr:
        if local(x.tag) == "numPr":
            num_id = ilvl = None
            for y in x:
                t = local(y.tag)
                if t == "numId":
                    num_id = attr(y, "val")
                elif t == "ilvl":
                    ilvl = _int(attr(y, "val"))
            return num_id, ilvl
    return None, None


def _levels(container, local, attr) -> dict:
    """The w:lvl children of an abstractNum or a lvlOverride, by level."""
    levels: dict = {}
    for lvl in container:
        if local(lvl.tag) != "lvl":
            continue
        k = _int(attr(lvl, "ilvl"))
        if k is None:
            continue
        fmt, text, start, suffix = "decimal", None, 1, "tab"
        for x in lvl:
            t = local(x.tag)
            if t == "numFmt":
                fmt = attr(x, "val") or "decimal"
            elif t == "lvlText":
                text = attr(x, "val")
            elif t == "start":
                start = _int(attr(x, "val"))
                start = 1 if start is None else start
            elif t == "suff":
                suffix = attr(x, "val") or "tab"
        levels[k] = Level(fmt, text, start, suffix)
    return levels


def _int(v) -> Optional[int]:
    try:
        return int(v)
    except (TypeError, ValueError):
        return None
