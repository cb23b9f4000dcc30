"""Shared wording for the table rules."""

from ...findings import Message

TABLE_NAMES = {
    "active": Message("主动公开政府信息情况表", "the proactive disclosure table"),
    "requests": Message("收到和处理政府信息公开申请情况表", "the applications table"),
    "reviews": Message("政府信息公开行政复议、行政诉讼情况表", "the review and litigation table"),
}


def row_name(row) -> str:
    return row.label or row.key
