"""Lists in the narrative: a whole and the parts it is made of (FORMAT.md §4).

"共X条，其中A a条、B b条" (also 包括, 含, 内有, 分别为), a list in brackets "共X条(其中…)", "在X条信息中，
A a条；B b条", a list of categories introduced by "…的主要类别有：" whose whole was stated before,
and parts written alike in the sentences after a 其中 (其中，A 1397条，占73%。B 534条，占27%。).
Item labels may hold 、 (政策、规范性文件类信息80条). A list says it is complete with 分别为, with
包括… closed by 共X, or with a last item "其他…" that takes in everything else.

Read once per report (``report_lists``): RL202 judges the sums, RL301 takes a part's share of
its list's whole.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from decimal import Decimal
from typing import Optional

from .narrative import Clause, Quantity, clauses

LIST_MARKERS = ("其中", "分别为", "分别是", "包括", "包含", "含", "内有")
COMPLETE_MARKERS = ("分别为", "分别是")
_MARKER_STARTS = frozenset(m[0] for m in LIST_MARKERS)
WHOLE_MARKERS = ("共", "合计", "总计", "累计", "总数")
# a clause with one of these is not a plain part of the list (结转: what is carried into next year
# is not a part of what was received)
STOP_WORDS = ("共", "合计", "总计", "累计", "另", "此外", "同比", "比上年", "增长", "增加", "减少", "下降", "上年", "上一年",
              "平均", "以上", "以下", "不足", "超过", "每", "结转")
_STOP = re.compile("|".join(STOP_WORDS))
# a clause after the first that opens with the year or a connective states something new (其中A、B、
# C,全年发布解读信息42条): the list ended before it
_NEW_STATEMENT = re.compile(r"(?:全年|今年|年内|同时)")
# A list is read over at most this many clauses (the longest in the real and synthetic reports
# has 7); a longer one is not read. Without a bound, a run of thousands of clauses that each
# hold 包括 was read once from each of them: quadratic.
MAX_LIST_CLAUSES = 64
# Where a list can start: a list marker, (其中 after a whole in the same clause, "N条X中" (在主动公开的
# 1913条政府信息中，A 133条…), or an introduction naming what is listed (…的主要类别有：).
_ANY_MARKER = re.compile("|".join(map(re.escape, LIST_MARKERS)))
_NAMED_END = ("中", "有", "为", "包括", "如下")
# a sentence opening with what it then splits (主动公开的政府信息，A 2475条，占62.2%。B …)
_TOPIC_END = ("信息", "申请", "文件")
# "N条政府信息中": the whole, then a few words naming what it counts, then 中
_AMONG = re.compile(r"^[^\d\s,:、;。]{0,10}中$")
# an introduction: what is listed, then 的主要类别有 / 分类如下 (the clause ends with :)
_INTRO = re.compile(r"^(?P<np>.{4,40}?)的?(?:主要)?(?:类别|分类|类型)(?:主要)?(?:有|为|包括|如下)$")
# the last item is "everything else": the list is complete (其他应主动公开的信息946条)
_CATCH_ALL = re.compile(r"^(?:以及|及|和|与)?(?:其他|其它)(?!组织|法人|单位|部门|机关|地区|省|市|县|区|乡|镇|人)")
_YEAR = re.compile(r"(?:19|20)\d\d年")
_NP_NOISE = re.compile(r"^(?:度|本年度?|全年|今年|年内|其中|全[区市县镇乡]|共计?|合计|总计|,|:|\s)+|(?:共计?|合计|总计|达|的|\s)+$")


@dataclass
class NarrativeList:
    whole: Quantity
    parts: list[Quantity]
    marker: str  # the marker, "中" or "类别" for an introduction
    complete: str  # why the list claims to be all of the whole ("" when it may be partial)
    after: bool = False  # the whole closes the list (包括… 共X件)


# the words that may stand before 包括 in a list of the contents of a count said just before
_CONTENTS = re.compile(r"^(?:其)?(?:主要)?(?:内容|类别|类型|种类)(?:主要)?$")


def _marker(text: str) -> str:
    t = text.lstrip(" ,:、()")
    if t[:1] not in _MARKER_STARTS:
        return ""
    for m in LIST_MARKERS:
        if t.startswith(m):
            return m
    return ""


def _usable(q: Optional[Quantity]) -> bool:
    return q is not None and not q.approx and q.unit not in ("", "万") and q.int_value is not None


# "…4336条，比上年增加1188条，其中…": a clause comparing with another year is not the whole
_COMPARED = re.compile(r"比上年|比去年|较上年|较去年|同比|与上年|[较比]\d{4}年")
_MAX_COMPARED = 3
# a count carried over from the year before (上年结转1件; 转结 and traditional forms as written)
_CARRIED = re.compile(r"上年(?:度)?(?:结转|转结|結轉|轉結)|(?:结转|結轉)自上年")


def _whole(cls: list[Clause], k: int, marker: str) -> Optional[Quantity]:
    """The whole a list at clause k refers to: the last count of the clause right before it
    (or before the comparisons with another year that follow it)."""
    if k == 0:
        return None
    cur, i = cls[k], k - 1
    # step back over the comparisons (a change told as a count, then as a rate: …5件,比去年减少2件,
    # 同比下降28.6%,其中…), a few at most
    while k - i <= _MAX_COMPARED and i >= 1 and cls[i - 1].segment == cls[i].segment and _COMPARED.search(cls[i].text):
        i -= 1
    prev = cls[i]
    if prev.paragraph != cur.paragraph:
        return None
    if prev.segment != cur.segment:
        # "…共X条。其中…": only for 其中 after a sentence that states this one number (or says it
        # is a total), the 其中 opening the next sentence
        if marker != "其中" or prev.sep not in "。" or prev.sentence + 1 != cur.sentence:
            return None
        if not any(w in prev.text for w in WHOLE_MARKERS):
            stated = [q for c in cls[max(0, k - 12):k] if c.sentence == prev.sentence for q in c.counts]
            if len(stated) != 1:
                return None
    counts = prev.counts
    if not counts or prev.percents and prev.percents[-1].span.start > counts[-1].span.start:
        return None
    if _CARRIED.search(prev.text) and i >= 1 and cls[i - 1].segment == prev.segment and any(
            q.unit == counts[-1].unit for q in cls[i - 1].counts):
        # 收到申请9件,上年结转1件,其中网络申请5件,信函申请5件: the list may split either count or
        # their sum (here 10); which one is not certain
        return None
    q = counts[-1]
    return q if _usable(q) else None


def _items(cls: list[Clause], k: int, unit: str, after: int = -1, cross: bool = False, paren: bool = False
           ) -> tuple[Optional[list[Quantity]], bool, int]:
    """(parts, reached_end, next clause) of the list starting at clause k (its counts after offset
    ``after`` when the list starts inside the clause); parts None when unreadable. ``cross``: the
    list may go on past a ; when every segment holds one part. ``paren``: the list opened with a
    bracket, and the bracket closing after a part ends it."""
    parts: list[Quantity] = []
    seg = cls[k].segment
    sent = cls[k].sentence
    etc = False
    # for crossing a ;: how many counts each segment read so far holds, and whether each holds
    # one at most (items parallel enough that a ; separates items, not lists: …20条，内有A、B；
    # 工作类信息11条 is two lists). Kept as the clauses are read: linear.
    per_segment: dict[int, int] = {}
    one_each = True
    held: Optional[tuple[int, int]] = None
    etc_gap = False  # an item was said without its count
    j = k
    while j < len(cls):
        if j - k >= MAX_LIST_CLAUSES:
            return None, False, j
        c = cls[j]
        n = per_segment.get(c.segment, 0) + len(c.counts)
        if not (c.segment == seg or cross and c.sentence == sent and one_each and n <= 1):
            break
        per_segment[c.segment] = n
        one_each = one_each and n <= 1
        body = c.text
        counts = c.counts
        if j == k:
            if after >= 0:
                counts = [q for q in counts if q.span.start > after]
                body = body[c.index(after):]
            body = body.lstrip(" ,:、()")
            body = body[len(_marker(body)):]
        elif _marker(c.text):
            return parts, False, j  # a sub-list (含…) or a new list starts: stop here
        elif parts and _NEW_STATEMENT.match(body.lstrip(" ,:、()")):
            return _unheld(parts, False, j, held)
        same = [q for q in counts if q.unit == unit]
        if not same:
            if c.percents and not counts:
                j += 1
                continue  # "占9.1%"
            if c.sep == "、" and j + 1 < len(cls) and cls[j + 1].segment == c.segment and len(body) <= 16:
                j += 1
                continue  # the head of a label holding 、 (政策、规范性文件类信息80条)
            if parts and c.sep == "、" and cls[j - 1].sep == "、" and len(body) <= 30 and not counts \
                    and _count_ahead(cls, j + 1, c.segment, unit):
                # an item said without its count (…36条、2022年政府信息公开工作年度报告、基层政务公开70条):
                # it adds what it holds, so the list goes on but can no longer be all of the whole
                etc_gap = True
                j += 1
                continue
            if parts or body.strip(" ,:、()"):
                return parts, False, j
            j += 1
            continue  # the bare "其中," clause
        if parts and _DONE_END.search(same[-1].subject) and not any(_DONE_END.search(q.subject) for q in parts):
            # 目录信息4804条、…,留言收到1465条、办结1213条: counts of work done, another topic
            return _unheld(parts, False, j, held)
        stop = _STOP.search(body)
        if stop and not (held is None and _item_total(body, stop) and j + 1 < len(cls)
                         and cls[j + 1].segment == c.segment and any(q.unit == unit for q in cls[j + 1].counts)):
            return parts, False, j
        if len(same) > 1 or same[-1].approx:
            return None, False, j
        if stop:
            held = (len(parts), j)  # 解读及回应信息共计110条 inside the list: kept if a catch-all ends it
        parts.append(same[-1])
        rest = c.text[c.index(same[-1].span.end):]
        etc = "等" in rest  # …其他200条等: the list says there is more; it does not claim to be whole
        if paren and ")" in rest:
            return _unheld(parts, not etc and not etc_gap, j + 1, held)  # (其中…1053条): the bracket closes the list
        j += 1
        if rest.count("(") > rest.count(")") and not paren:
            # 36条(政策文件、机关简介、…公示)、…: the bracket's labels are a note on this item
            k2 = j
            while k2 < len(cls) and k2 - j < MAX_LIST_CLAUSES and cls[k2].segment == seg and not cls[k2].counts:
                if ")" in cls[k2].text:
                    etc = etc or "等" in cls[k2].text
                    j = k2 + 1
                    break
                k2 += 1
    return _unheld(parts, not etc and not etc_gap, j, held)


def _count_ahead(cls: list[Clause], j: int, seg: int, unit: str) -> bool:
    """Whether a clause of the 、-joined run from j holds a count in ``unit`` (a few clauses on)."""
    for c in cls[j:j + 8]:
        if c.segment != seg:
            return False
        if any(q.unit == unit for q in c.counts):
            return True
        if c.sep != "、":
            return False
    return False


def _item_total(body: str, stop: "re.Match[str]") -> bool:
    """An item that says its own count as a total (…,解读及回应信息共计110条,其他类信息1827条): a
    label before 共/共计 and no other stop word; a bare 共X条 closes a list instead."""
    label = body[:stop.start()].strip(" ,:、()")
    return stop.group() == "共" and len(label) >= 2 and _STOP.search(body, stop.end()) is None


def _unheld(parts: list[Quantity], end: bool, j: int, held: Optional[tuple[int, int]]):
    """An item said as a total (held) stays a part only when the list goes on to a catch-all last
    item (其他类信息1827条): then the list is all of the whole and that item one of its kinds.
    Otherwise the list is read as it was before that item, which may have been a total."""
    if held is None or end and len(parts) > held[0] + 1 and _CATCH_ALL.match(parts[-1].subject.lstrip(" ,:、()")):
        return parts, end, j
    return parts[:held[0]], False, held[1]


# A part said with one of these is what was done (办结8件), not a kind of the whole
_DONE = re.compile("办结|答复|受理|收到|办理|处理|接待|回复|转办|新收|接收|提出|完成|发放")
# ... said right before its count (留言收到1465条, 办结1213条, 公开答复24条); not a label that only
# holds the word (提案办理信息34条)
_DONE_END = re.compile("(?:" + _DONE.pattern + ")$")


def _across_semicolons(cls: list[Clause], k: int, unit: str, parts: list[Quantity]) -> list[Quantity]:
    """A 其中 list whose items are separated by ; (其中,综合政务59条;人事工作信息1条;…;监察信息2条。):
    read on past the ; when the rest of the sentence is items alike, one in each segment, with
    nothing else in it (no comma clause, no count of what was done: 办结8件;答复7件 is not a list
    of kinds). Else the parts read up to the first ;."""
    more, end, j = _items(cls, k, unit, cross=True)
    if not end or more is None or len(more) < len(parts) + 2:
        return parts
    if j < len(cls) and cls[j].sentence == cls[k].sentence:
        return parts  # the sentence goes on after the items: not one list to its end
    first = next(i for i in range(k, j) if more[len(parts)] in cls[i].counts)
    if any(cls[i].sep not in (";", "、", "。", "!", "?", "\n", "") for i in range(first, j)):
        return parts
    if any(_DONE.search(q.subject) for q in more[len(parts):]):
        return parts
    return more


def _more_items(cls: list[Clause], j: int, unit: str) -> bool:
    """The sentence of clause j (after a ;) goes on with counts in the list's unit: more items
    that were not read as its parts, so its last part read is not certainly its last."""
    i = j
    while i < len(cls) and cls[i].sentence == cls[j].sentence and i - j < MAX_LIST_CLAUSES:
        if any(q.unit == unit for q in cls[i].counts):
            return True
        i += 1
    return False


def _whole_after(cls: list[Clause], k: int, j: int, unit: str) -> Optional[Quantity]:
    """"包括A a件、B b件，共X件": the total closing a list that had no whole before it."""
    if j >= len(cls) or cls[j].segment != cls[k].segment:
        return None
    t = cls[j].text.lstrip(" ,:、()")
    if not t.startswith(("共", "合计", "总计")):
        return None
    same = [q for q in cls[j].counts if q.unit == unit]
    if len(same) != 1 or same[0].approx or any("等" in cls[i].text for i in range(k, j)):
        return None
    return same[0]


def _shared(cls: list[Clause], i: int) -> bool:
    """Clause i's count is followed by 占P% (in it, or in the next clause of its segment)."""
    c = cls[i]
    if any(p.span.start > c.counts[-1].span.start and p.subject.startswith("占") for p in c.percents):
        return True
    return (i + 1 < len(cls) and cls[i + 1].segment == c.segment and not cls[i + 1].counts
            and any(p.subject.startswith("占") for p in cls[i + 1].percents))


def _suffix(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[-1 - n] == b[-1 - n]:
        n += 1
    return n


def _continued(cls: list[Clause], k: int, j: int, parts: list[Quantity], unit: str) -> list[Quantity]:
    """Parts of a 其中 list that go on in the next sentences, one each, when they are written
    alike: 其中，区直各单位主动公开政府信息1397条，占73%。各乡镇主动公开政府信息534条，占27%。"""
    first = next(i for i in range(k, j) if parts[0] in cls[i].counts)
    if not _shared(cls, first):
        return []
    out: list[Quantity] = []
    i = j
    while i < len(cls) and cls[i].paragraph == cls[k].paragraph and len(out) < MAX_LIST_CLAUSES:
        c = cls[i]
        if c.sentence == cls[i - 1].sentence or len(c.counts) != 1 or _marker(c.text) or _STOP.search(c.text):
            break
        q = c.counts[0]
        if q.unit != unit or not _usable(q) or c.percents and c.percents[0].span.start < q.span.start:
            break
        if _suffix(q.subject, parts[0].subject) < 4 or not _shared(cls, i):
            break
        out.append(q)
        i += 1
        while i < len(cls) and cls[i].sentence == c.sentence:
            i += 1
    return out


def _np(subject: str) -> str:
    """What a count counts, from its subject: after the last year named in it (a run-in heading
    may come before: (一)主动公开政府信息的数量2016年全区主动公开政府信息), without 的, the scope
    words of the whole body (全区) and the words of a total (共)."""
    m = None
    for m in _YEAR.finditer(subject):
        pass
    if m is not None:
        subject = subject[m.end():]
    return _NP_NOISE.sub("", subject.replace("的", ""))


def _named_whole(report, cls: list[Clause], k: int, np: str, unit: str, parts: list[Quantity]) -> Optional[Quantity]:
    """The whole an introduction's noun phrase names (…主动公开政府信息的主要类别有): the nearest
    count before it, in the same section, whose subject is that phrase (2014年主动公开政府信息2543条),
    not a part of it (各乡镇主动公开政府信息856条)."""
    np = np.replace("的", "")
    start = cls[k].span.start
    floor = max((s.heading.start for s in report.sections if s.heading.start < start), default=0)
    floor = max(floor, start - 2000)
    year = report.report_year
    i = k - 1
    while i >= 0 and cls[i].span.start >= floor:
        for q in reversed(cls[i].counts):
            if q.unit != unit or q in parts:
                continue
            name = _np(q.subject)
            if len(name) >= 4 and np.endswith(name):
                years = {int(y[:4]) for y in _YEAR.findall(q.subject)}
                if year is not None and years - {year}:
                    return None
                return q if _usable(q) else None
        i -= 1
    return None


def _markers_of(text: str, cls: list[Clause]) -> dict:
    """The list markers of each clause, {k: [(marker, index into the clause's text)]}: one search
    of the whole text for the clauses read as written (most), and a search of its own text for a
    clause joined across wrapped lines (a marker may be wrapped: 其\n中)."""
    out: dict = {}
    for m in _ANY_MARKER.finditer(text):
        k = bisect_right(cls, m.start(), key=_start) - 1
        if k >= 0 and m.end() <= cls[k].span.end and not cls[k].breaks:
            out.setdefault(k, []).append((m.group(), m.start() - cls[k].span.start))
    for k, c in enumerate(cls):
        if c.breaks:
            out[k] = [(m.group(), m.start()) for m in _ANY_MARKER.finditer(c.text)]
    return out


def _start(c: Clause) -> int:
    return c.span.start


def _lists(report, cls: list[Clause]) -> list[NarrativeList]:
    out: list[NarrativeList] = []
    seen: set[int] = set()
    found = _markers_of(report.source.text, cls)
    for k in sorted(found):
        c = cls[k]
        for word, rel in found[k]:
            got = _read(report, cls, k, c, word, rel)
            if got is not None and id(got.parts[0]) not in seen:
                seen.add(id(got.parts[0]))
                out.append(got)
    for k, c in enumerate(cls):
        if c.sep in ",:" and c.text.endswith(_NAMED_END):
            got = _read_named(report, cls, k, c)
        elif c.sep == "," and not c.counts and c.text.endswith(_TOPIC_END) and len(c.text) <= 16 and (
                k == 0 or cls[k - 1].sentence != c.sentence):
            got = _read_topic(report, cls, k, c)
        else:
            continue
        if got is not None and id(got.parts[0]) not in seen:
            seen.add(id(got.parts[0]))
            out.append(got)
    return out


def _read(report, cls: list[Clause], k: int, c: Clause, word: str, rel: int) -> Optional[NarrativeList]:
    # rel: where the marker word is in c.text; c.offset(rel) is where it is in the source text
    marker = _marker(c.text)
    if marker and c.text.lstrip(" ,:、()").startswith(word) and c.text.find(word) == rel:
        whole = _whole(cls, k, marker)
        if whole is None and marker in ("包括", "包含"):
            return _read_closed(cls, k, c, marker)
        if whole is None:
            return None
        paren = c.text.lstrip(" ,:、")[:1] == "("
        parts, end, j = _items(cls, k, whole.unit, paren=paren)
        if marker == "其中" and parts and end and not paren and j < len(cls) and cls[j - 1].sep == ";" \
                and cls[j].sentence == c.sentence:
            more = _across_semicolons(cls, k, whole.unit, parts)
            if more is parts and _more_items(cls, j, whole.unit):
                end = False  # 其他文件102条;省政府工作报告2条、…: the first group is not all the list
            parts = more
        if parts and end and marker == "其中":
            parts = parts + _continued(cls, k, j, parts, whole.unit)
        return _judge(parts, end, whole, marker)
    if word in ("包括", "包含") and not marker and _CONTENTS.match(c.text[:rel].lstrip(" ,:、()")):
        # "公开信息346条,内容包括A 240条、B 1条…": the contents of the count before, a list like 其中
        whole = _whole(cls, k, word)
        if whole is not None:
            parts, end, _ = _items(cls, k, whole.unit, after=c.offset(rel))
            return _judge(parts, end, whole, word)
    if word == "包括" and not marker:
        return _read_closed(cls, k, c, "包括")
    # 共公布政府信息2602条(其中…: the whole and the list's opening in one clause
    if rel > 0 and c.text[rel - 1] == "(":
        at = c.offset(rel)
        before = [q for q in c.counts if q.span.end <= at]
        if not before or not _usable(before[-1]):
            return None
        whole = before[-1]
        parts, end, _ = _items(cls, k, whole.unit, after=at, paren=True)
        return _judge(parts, end, whole, word)
    return None


def _read_closed(cls, k, c, marker) -> Optional[NarrativeList]:
    """"收到的申请包括A 3件、B 2件，共5件": the whole after the list."""
    i = c.text.find("包括")
    if i < 0 or not c.counts or c.index(c.counts[0].span.start) < i:
        return None
    first = [q for q in c.counts if q.unit not in ("", "万")]
    if not first:
        return None
    parts, _, j = _items(cls, k, first[-1].unit)
    whole = _whole_after(cls, k, j, first[-1].unit) if parts else None
    if whole is None or whole.int_value is None:
        return None
    return _judge(parts, True, whole, marker, after=True)


def _read_named(report, cls: list[Clause], k: int, c: Clause) -> Optional[NarrativeList]:
    if k + 1 >= len(cls) or cls[k + 1].sentence != c.sentence:
        return None
    if c.text.endswith("中"):
        # 在主动公开的1913条政府信息中，A 133条，占6.95%；B 403条，占21.07%
        if not c.counts or c.sep != ",":
            return None
        whole = c.counts[-1]
        if not _usable(whole) or not _AMONG.match(c.text[c.index(whole.span.end):]):
            return None
        parts, end, _ = _items(cls, k + 1, whole.unit, cross=True)
        return _judge(parts, end, whole, "中")
    # 我区各工作部门主动公开政府信息的主要类别有：A 594条，…，其他应主动公开的信息946条。
    mi = _INTRO.match(c.text)
    if mi is None or c.counts or c.sep != ":":
        return None
    first = next((q for q in cls[k + 1].counts), None)
    if first is None or first.unit in ("", "万"):
        return None
    parts, end, _ = _items(cls, k + 1, first.unit)
    if not parts or len(parts) < 2 or not end:
        return None
    whole = _named_whole(report, cls, k, mi.group("np"), first.unit, parts)
    if whole is None:
        return None
    return _judge(parts, end, whole, "类别")


def _read_topic(report, cls: list[Clause], k: int, c: Clause) -> Optional[NarrativeList]:
    """主动公开的政府信息，县直各单位主动公开政府信息2475条，占62.2%。各乡镇主动公开政府信息1503条，
    占37.8%。: a sentence opening with what it splits, then parts with their shares, written alike
    in the next sentences. The whole is the count the phrase names earlier (主动公开政府信息2026条);
    shares adding up to 100% say the split is complete."""
    if k + 1 >= len(cls) or cls[k + 1].sentence != c.sentence or len(cls[k + 1].counts) != 1:
        return None
    unit = cls[k + 1].counts[0].unit
    if unit in ("", "万"):
        return None
    parts, end, j = _items(cls, k + 1, unit)
    if not parts or not end:
        return None
    parts = parts + _continued(cls, k + 1, j, parts, unit)
    if len(parts) < 2:
        return None
    whole = _named_whole(report, cls, k, c.text, unit, parts)
    if whole is None:
        return None
    got = _judge(parts, end, whole, "topic")
    if got is not None and not got.complete:
        shares = [_share(cls, k + 1, p) for p in parts]
        if all(x is not None for x in shares):
            slack = sum(Decimal(5).scaleb(-1 - x.decimals) for x in shares)
            if abs(sum(x.value for x in shares) - 100) <= slack:
                got.complete = "shares"
    return got


def _share(cls: list[Clause], k: int, q: Quantity) -> Optional[Quantity]:
    """The 占P% right after a count (in its clause or the next of its segment); the count is in
    a clause from k on, near it (the parts of one list, a few sentences)."""
    for i in range(k, min(len(cls), k + 200)):
        c = cls[i]
        if q in c.counts:
            for p in c.percents:
                if p.span.start > q.span.start and p.subject.startswith("占"):
                    return p
            if i + 1 < len(cls) and cls[i + 1].segment == c.segment and not cls[i + 1].counts:
                return next((p for p in cls[i + 1].percents if p.subject.startswith("占")), None)
            return None
    return None


def _judge(parts, reached_end, whole, marker, after=False) -> Optional[NarrativeList]:
    if not parts or len(parts) < 2:
        return None
    complete = ""
    if after:
        complete = "closed"
    elif reached_end and marker in COMPLETE_MARKERS:
        complete = "marker"
    elif reached_end and _CATCH_ALL.match(parts[-1].subject.lstrip(" ,:、()")):
        complete = "catch-all"
    return NarrativeList(whole, parts, marker, complete, after)


def report_lists(report) -> list[NarrativeList]:
    """Every list of the report's narrative, in text order (read once per report)."""
    def build() -> list[NarrativeList]:
        cls = clauses(report)
        return sorted(_lists(report, cls), key=lambda lst: lst.parts[0].span.start) if cls else []

    return report.derive("lists", build)


def list_wholes(report) -> dict[int, tuple[Quantity, Optional[Decimal]]]:
    """id(part) -> (the whole of its list, the sum of its parts when they do not fit the whole),
    for every part of every list (made once). A list whose parts do not fit its whole (RL202's
    finding) may have had its shares taken of the parts' sum: both are wholes for RL301."""

    def build() -> dict[int, tuple[Quantity, Optional[Decimal]]]:
        out: dict[int, tuple[Quantity, Optional[Decimal]]] = {}
        for lst in report_lists(report):
            total = sum((p.value for p in lst.parts), Decimal(0))
            broken = total > lst.whole.value or bool(lst.complete) and total != lst.whole.value
            for p in lst.parts:
                out.setdefault(id(p), (lst.whole, total if broken else None))
        return out

    return report.derive("list-wholes", build)
