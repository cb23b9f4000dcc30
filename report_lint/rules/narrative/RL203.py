"""RL203 all-upheld-contradicted."""

from __future__ import annotations

import re
from bisect import bisect_right

from ...findings import Finding, Message, Related, Severity
from ...model import Span
from ...narrative import clauses, sentences, topic_at
from ..base import Rule

# "all upheld" / "all concluded" as the reports say it
UPHELD = re.compile(r"(?:均|全部|都)(?:已|被|获得?|予以)?(?:得到)?(?:维持|胜诉)")
CONCLUDED = re.compile(r"(?:均|全部|都)已?(?:审结|结案|办结)")
# One scan of the text for either. Their shared start written once: a pattern that begins with
# the words' first characters is scanned for by re in C; an alternation of two is tried at
# every character.
_EITHER = re.compile(r"(?:均|全部|都)(?:(?:已|被|获得?|予以)?(?:得到)?(?:维持|胜诉)|已?(?:审结|结案|办结))")
# "all requests concluded" (所有申请均已办结, 均按要求办理完成, 全部办理完毕); not 均在法定期限内答复,
# which says they were answered in time
ALL_DONE = re.compile(r"(?:均|全部|都|一律)(?:已经?|已|能|得到)?(?:依法|依规|按时|按期|按要求|及时|在法定期限内|规范)*"
                      r"(?:办结|办理完毕|办理完成|处理完毕|完成办理|办理完结|予以办结)")
# what else is concluded in a report: suggestions, letters, hotline calls, reviews, what was
# carried over (除2件结转下年度外，其余均已办结)
NOT_REQUESTS = ("结转", "其余", "除", "剩余", "复议", "诉讼", "建议", "提案", "信访", "咨询", "投诉", "热线", "信件", "来信",
                "留言", "举报", "诉求", "工单", "上年", "上一年",
                # applications of other kinds (受理行政许可申请300件，均已办结)
                "许可", "审批", "事项", "办件", "政务服务", "低保", "补贴", "救助", "登记", "资质", "证照")
# the sentence is about another body or another period: not this report's table
OTHER_SCOPE = ("代表", "全市", "全区", "全县", "全省", "上一年度", "上年", "去年", "以来", "累计", "历年")
GROUPS = {
    "review": ("复议",),
    "litigation_direct": ("诉讼", "起诉"),
    "litigation_after_review": ("诉讼", "起诉"),
}
NAMES = {"review": ("行政复议", "administrative review"),
         "litigation_direct": ("行政诉讼（未经复议直接起诉）", "litigation (direct)"),
         "litigation_after_review": ("行政诉讼（复议后起诉）", "litigation (after review)")}
FIELDS = {"corrected": ("结果纠正", "corrected"), "pending": ("尚未审结", "pending"), "other": ("其他结果", "other")}


class AllUpheldContradicted(Rule):
    """What it does: finds "均获维持" (all upheld; also 均维持, 全部维持, 均胜诉) and "均已审结"
    (all concluded) in the narrative about administrative reviews and lawsuits, and compares them
    with the reviews table: "all upheld" is contradicted by any case whose result was corrected
    or is still pending, "all concluded" by any pending case, in the groups the sentence names
    (复议 → reviews, 诉讼/起诉 → both litigation groups). Likewise "所有申请均已办结" (均按要求办理
    完成, 全部办理完毕) about the requests is contradicted by requests carried into next year
    (结转下年度继续办理 above 0).

    Why: the sentence summarises the table; a corrected or pending case makes it false, and it is
    exactly the kind of claim readers quote.

    Example (fails):
        因政府信息公开被申请行政复议3件，均获维持。   (table: 行政复议 维持 2, 纠正 1)
    Use instead: 行政复议3件，其中维持2件、纠正1件。
    """

    code = "RL203"
    name = "all-upheld-contradicted"
    severity = Severity.ERROR
    scope = "template"  # the national template's tables and sections
    summary = Message("正文称“均获维持”“均已审结”或申请“均已办结”，统计表却有纠正、尚未审结或结转下年度的",
                      "The narrative says all cases were upheld or concluded (or all requests handled); the table disagrees")
    doc_zh = """
    检查内容：正文中关于行政复议、行政诉讼的“均获维持”（以及“均维持”“全部维持”“均胜诉”）和“均已审结”，
    与统计表对照：表中有“结果纠正”或“尚未审结”的案件，就不是“均获维持”；有“尚未审结”的案件，就不是“均已审结”。
    只看句子提到的那一类（复议 → 行政复议；诉讼、起诉 → 两类行政诉讼）。同样，关于政府信息公开申请的
    “所有申请均已办结”（“均按要求办理完成”“全部办理完毕”），与表中“结转下年度继续办理”大于0相矛盾。

    原因：这句话是对统计表的概括，只要有一件被纠正或未审结，它就不成立。

    错误示例：
        因政府信息公开被申请行政复议3件，均获维持。   （表中行政复议：维持2件，纠正1件）
    正确写法：被申请行政复议3件，其中维持2件、纠正1件。
    """

    def check(self, report, ctx):
        yield from self._requests(report)
        table = report.tables.get("reviews")
        if table is None or not table.found:
            return
        text = report.source.text
        # Most reports say neither. The patterns have no anchors or lookarounds, so a sentence
        # can match only if the whole text does: one search spares cutting it into sentences.
        if _EITHER.search(text) is None:
            return
        cls = clauses(report)
        for ks in sentences(report):
            group = [cls[k] for k in ks]
            start, end = group[0].span.start, group[-1].span.end
            sentence = text[start:end]
            for pattern, fields in ((UPHELD, ("corrected", "pending")), (CONCLUDED, ("pending",))):
                m = pattern.search(sentence)
                if m is None:
                    continue
                before = sentence[: m.start()]
                if any(w in before for w in OTHER_SCOPE) or re.search(r"[未不没非](?:是|能)?$", before):
                    continue
                groups = [g for g, words in GROUPS.items() if any(w in before for w in words)]
                f = self._judge(report, table, groups, fields, Span(start + m.start(), start + m.end()), m.group())
                if f is not None:
                    yield f

    def _requests(self, report):
        """所有申请均已办结 / 均按要求办理完成, while the table carries requests into next year."""
        table = report.tables.get("requests")
        if table is None or not table.found:
            return
        row = table.row("carried_forward")
        if row is None or len(row.cells) != 7 or not row.cells[6].value:
            return
        text = report.source.text
        said = [m.start() for m in ALL_DONE.finditer(text)]
        if not said:
            return
        cls = clauses(report)
        groups = sentences(report)
        firsts = [cls[ks[0]].span.start for ks in groups]
        seen: set[int] = set()
        for at in said:  # the sentences that say it (a few), found by where they start
            g = bisect_right(firsts, at) - 1
            if g < 0 or g in seen or cls[groups[g][-1]].span.end < at:
                continue
            seen.add(g)
            group = [cls[k] for k in groups[g]]
            start, end = group[0].span.start, group[-1].span.end
            sentence = text[start:end]
            m = ALL_DONE.search(sentence)
            if m is None:
                continue
            before = sentence[: m.start()]
            topic = topic_at(report, start)  # （二）依申请公开情况。本年度共受理11件，均已办结。
            about = "申请" in before or "申请" in topic and "复议" not in topic and "诉讼" not in topic
            if not about or any(w in sentence for w in NOT_REQUESTS) or re.search(r"[未不没非](?:是|能)?$", before):
                continue
            cell = row.cells[6]
            yield Finding(self.code,
                          Message(f"正文写“{m.group()}”，但统计表中结转下年度继续办理 {_fmt(cell.value)} 件",
                                  f"the narrative says “{m.group()}”, but the table carries {_fmt(cell.value)} "
                                  f"request(s) into next year"),
                          Span(start + m.start(), start + m.end()),
                          related=[Related(cell.span, Message("表中结转下年度继续办理", "carried forward"))]
                          if cell.span is not None else [])

    def _judge(self, report, table, groups, fields, span, said):
        bad, related, total = [], [], 0
        for g in groups:
            row = table.row(g)
            if row is None:
                continue
            t = row.cell("total")
            total += (t.value or 0) if t is not None else 0
            if not _balances(row):
                continue  # the row contradicts itself (RL104): which cell is wrong is not known
            for fld in fields:
                c = row.cell(fld)
                if c is not None and c.value:
                    bad.append((g, fld, c))
        if not bad or total == 0:
            return None
        zh = "、".join(f"{NAMES[g][0]}{FIELDS[f][0]} {_fmt(c.value)} 件" for g, f, c in bad)
        en = ", ".join(f"{NAMES[g][1]} {FIELDS[f][1]} {_fmt(c.value)}" for g, f, c in bad)
        related = [Related(c.span, Message(f"表中{NAMES[g][0]}{FIELDS[f][0]}", f"{NAMES[g][1]}: {FIELDS[f][1]}"))
                   for g, f, c in bad if c.span is not None]
        return Finding(self.code, Message(f"正文写“{said}”，但统计表中{zh}", f"the narrative says “{said}”, but the table has {en}"),
                       span, related=related)


def _balances(row) -> bool:
    """Whether a review row's results add up to its total (or cannot be checked)."""
    parts = [row.cell(f) for f in ("upheld", "corrected", "other", "pending", "total")]
    if any(c is None or c.value is None for c in parts):
        return True
    return sum(c.value for c in parts[:4]) == parts[4].value


def _fmt(v) -> str:
    return str(int(v)) if float(v).is_integer() else str(v)
