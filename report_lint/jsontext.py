"""JSON laid out as ``json.dumps(value, ensure_ascii=False, indent=2)`` lays it out, byte for
byte, without json's indenting encoder: that one is a pure-Python generator chain (the C
encoder is used only without ``indent=``) and was most of the time a batch's JSON took to
write. Strings go through json's own C escaping; the layout is a plain recursion.
"""

from __future__ import annotations

import json
from json.encoder import encode_basestring  # C: ensure_ascii=False escaping

_floatstr = json.JSONEncoder(ensure_ascii=False).encode  # NaN/Infinity as json writes them


def dumps(value, level: int = 0) -> str:
    """``json.dumps(value, ensure_ascii=False, indent=2)``, as it appears ``level`` levels deep
    in a document (its inner lines indented by 2 * level more spaces)."""
    parts: list[str] = []
    _put(value, "\n" + "  " * level, parts.append)
    return "".join(parts)


def _scalar(v) -> str:
    if isinstance(v, str):
        return encode_basestring(v)
    if v is None:
        return "null"
    if v is True:
        return "true"
    if v is False:
        return "false"
    if isinstance(v, int):
        return int.__repr__(v)
    if isinstance(v, float):
        return _floatstr(v)
    raise TypeError(f"Object of type {type(v).__name__} is not JSON serializable")


def _key(k) -> str:
    if isinstance(k, str):
        return encode_basestring(k)
    if isinstance(k, (int, float)) or k is None:  # json writes these keys as strings
        return '"' + _scalar(k).strip('"') + '"'
    raise TypeError(f"keys must be str, int, float, bool or None, not {type(k).__name__}")


def _put(v, nl: str, put) -> None:
    if isinstance(v, dict):
        opening, closing, items = "{", "}", ((_key(k) + ": ", x) for k, x in v.items())
    elif isinstance(v, (list, tuple)):
        opening, closing, items = "[", "]", (("", x) for x in v)
    else:
        put(_scalar(v))
        return
    if not v:
        put(opening + closing)
        return
    inner = nl + "  "
    sep = opening + inner
    for prefix, x in items:
        put(sep + prefix)
        sep = "," + inner
        if isinstance(x, (dict, list, tuple)):
            _put(x, inner, put)
        else:
            put(_scalar(x))
    put(nl + closing)
