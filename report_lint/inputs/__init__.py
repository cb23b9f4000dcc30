"""Input formats: one module per format, each turning a file's bytes into the same Source.

    detect.py   which format the bytes are (by content first, then by the name)
    render.py   the rendered text with its exact map back and its places (shared)
    html.py     web pages (selectolax)
    docx.py     Word documents (zipfile + the WordprocessingML XML)
    pdf.py      PDF text layers (pypdfium2)

source.from_bytes() is the one entry: it asks detect() and calls read() for anything that is
not plain text. Each format module (and its library) is imported only when a file of that
format is read, so checking a .txt file never loads any of them.
"""

from __future__ import annotations

TYPE_CHECKING = False  # (typing itself is not imported for this)
if TYPE_CHECKING:
    from ..source import Source

FORMATS = ("html", "docx", "pdf")


def read(kind: str, data: bytes, path: str) -> "Source":
    """The Source of ``data`` in format ``kind`` (a name detect() returned)."""
    if kind in FORMATS:
        from importlib import import_module  # (not at the top: a .txt run never needs it)

        from ..source import InputError

        try:
            return import_module(f"{__name__}.{kind}").read(data, path)
        except InputError:
            raise
        except (Exception, RecursionError) as e:  # a reader's bug must not end a batch with a traceback
            what = f"{type(e).__name__}: {e}"[:200]
            name = {"html": "网页", "docx": "Word 文档", "pdf": "PDF"}[kind]
            raise InputError("read-failed", f"读取此{name}时出错，无法检查（请报告此问题）：{what}",
                             f"reading this {kind} file failed, it was not checked (please report it): {what}") from None
    from .detect import refuse

    raise refuse(kind)
