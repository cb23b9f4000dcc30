"""What the RL6xx rules share: names of rows and columns, numbers as printed, spans."""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache

from ...findings import Message, Related
from ...model import Span


@lru_cache(maxsize=1)
def _names() -> dict:
    from ...resources import data_file, load_toml

    ids = load_toml(data_file("rules", "identities.toml")).get("names", {})
    series = load_toml(data_file("rules", "series.toml")).get("names", {})
    prose = {p["id"]: p for p in load_toml(data_file("rules", "series.toml")).get("prose", ())}
    return {"ids": ids, "series": series, "prose": prose}


def name(key: str, lang: str) -> str:
    """A column, row or group name (identities.toml [names])."""
    return _names()["ids"].get(lang, {}).get(key, key)


def subject(sid: str, lang: str) -> str:
    """What a claim id counts, in words (series.toml [names] and [[prose]])."""
    n = _names()
    if sid in n["prose"]:
        return n["prose"][sid].get(lang, sid)
    return n["series"].get(lang, {}).get(sid, sid)


def both(f) -> Message:
    """A Message from a function of the language."""
    return Message(f("zh"), f("en"))


def fmt(v) -> str:
    if v is None:
        return "—"
    d = Decimal(str(v))
    s = format(d, "f")
    return s.rstrip("0").rstrip(".") if "." in s else s


def span(cell) -> Span:
    return Span(cell[1], cell[2])


def at(cell, message: Message, path=None) -> Related:
    return Related(Span(cell[1], cell[2]), message, path)


def year_of(r, lang: str) -> str:
    return f"{r.year} 年报告" if lang == "zh" else f"the {r.year} report"


ROW_ZH = {"regulations": "规章", "normative_documents": "行政规范性文件", "licensing": "行政许可",
          "other_services": "其他对外管理服务事项", "penalties": "行政处罚", "coercive_measures": "行政强制",
          "fees": "行政事业性收费", "procurement": "政府集中采购"}
ROW_EN = {"regulations": "regulations", "normative_documents": "normative documents", "licensing": "licensing",
          "other_services": "other services", "penalties": "penalties", "coercive_measures": "coercive measures",
          "fees": "administrative fees", "procurement": "procurement"}


def row_name(key: str, lang: str) -> str:
    return (ROW_ZH if lang == "zh" else ROW_EN).get(key, key)
