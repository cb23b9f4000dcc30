"""The page of `report-lint serve`, in Chinese: where a report is dropped in, and the result.

The result is the HTML report itself (reporters/html.py with ``standalone=False``: the same
summary, findings with their explanations and arithmetic, the text with every finding
highlighted) under a bar with the downloads and a smaller drop zone for the next report.

Everything the page loads comes from this server: two style sheets (the HTML report's own and
the page's) and one script (static/page.js), which is all the CSP allows; no inline script or
style. Without the script the form still works (a file can be chosen or dropped on the box,
and sent with the button); the script adds dropping anywhere on the page, checking sizes
before anything is sent, sending as soon as a file is chosen, and the downloads (built in the
browser from the data in the page: the server keeps nothing to be fetched later).
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import Optional

STATIC = Path(__file__).with_name("static")
ACCEPT = ".docx,.pdf,.html,.htm,.shtml,.txt,.text,.md"
MB = 1024 * 1024

NOTHING = "没有收到要检查的内容：请把报告文件拖到框里（或点“选择文件”），或者把报告的文字粘贴到下面的框里。"
TOO_MANY = "一次最多检查 {max} 个文件（这次有 {n} 个）：请分几次检查。"
BAD_FORM = "文件没有完整送到（可能是上传被中断）：请再试一次。"
INTERNAL = "report-lint 出了内部错误，没能完成检查（请报告此问题）：{what}"
NOT_FOUND = "没有这个页面（404）。\nNot found.\n"
NOT_ALLOWED = "不支持这种请求方式（405）。\nMethod not allowed.\n"


def too_large(size: Optional[int], limit: int) -> str:
    """As the command line says it of a file (source._too_large), for the whole upload."""
    cap = limit // MB if limit >= MB else round(limit / MB, 2)
    got = f"{size / MB:.1f} MB，" if size else ""
    return (f"文件太大（{got}上限 {cap} MB）：请检查是否选错了文件；"
            f"几个文件一起检查时，合计不能超过 {cap} MB，可以分几次检查。")


def form_too_large(text_limit: int, max_files: int) -> str:
    """The upload is within the limit but a part of it is not (werkzeug does not say which)."""
    return (f"粘贴的文字太长（上限 {text_limit // MB} MB），或者一次的文件太多（最多 {max_files} 个）："
            "请分几次检查。")


def refused(why: str, url: str) -> str:
    if why == "host":
        return (f"拒绝访问：这个检查页面只接受本机地址的访问。请在浏览器中打开 {url}\n"
                f"Forbidden: this page answers only to its local address. Open {url}\n")
    return (f"拒绝访问：只接受从检查页面本身提交的内容。请在浏览器中打开 {url} 再提交。\n"
            f"Forbidden: only the page at {url} may send files here.\n")


@dataclass(frozen=True)
class Download:
    name: str  # the file name the browser saves it under
    mimetype: str
    data: str  # base64
    label: str


# ---------------------------------------------------------------------------- assets

_CACHE: dict[str, tuple[bytes, str]] = {}
_TYPES = {".css": "text/css", ".js": "text/javascript"}


def static(name: str) -> Optional[tuple[bytes, str]]:
    """(bytes, mimetype) of a static asset by name, or None. Only the files listed are served."""
    if name not in ("page.css", "page.js", "report.css"):
        return None
    if name not in _CACHE:
        if name == "report.css":
            from ..reporters.html import STYLE

            body = STYLE.encode("utf-8")
        else:
            body = (STATIC / name).read_bytes()
        _CACHE[name] = (body, _TYPES[Path(name).suffix] + "; charset=utf-8")
    return _CACHE[name]


# ----------------------------------------------------------------------------- pages


def _head(title: str) -> str:
    return ('<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            '<meta name="referrer" content="same-origin">\n'
            f"<title>{escape(title)}</title>\n"
            '<link rel="stylesheet" href="/static/report.css">\n'
            '<link rel="stylesheet" href="/static/page.css">\n'
            '<script src="/static/page.js" defer></script>\n'
            "</head>\n")


def _limit_text(limit: int) -> str:
    return f"{limit // MB} MB" if limit >= MB else f"{round(limit / MB, 2)} MB"


def _form(limit: int, problem: Optional[str], compact: bool) -> str:
    hidden = "" if problem else " hidden"
    cls = "drop compact" if compact else "drop"
    big = "把下一份报告拖到这里" if compact else "把报告文件拖到这里"
    paste_open = "" if compact else " open"
    return (
        f'<form id="check" class="check" method="post" action="/check" enctype="multipart/form-data" '
        f'data-limit="{limit}" data-limit-text="{escape(_limit_text(limit))}">\n'
        f'<label class="{cls}" id="drop" for="files"><span class="drop-big">{escape(big)}</span>'
        '<span class="drop-or">或者</span><span class="drop-button">选择文件……</span>'
        f'<input type="file" id="files" name="files" multiple accept="{ACCEPT}"></label>\n'
        '<p id="chosen" class="chosen" aria-live="polite"></p>\n'
        '<p id="busy" class="busy" role="status" hidden>正在检查，请稍候……</p>\n'
        f'<p id="problem" class="problem" role="alert"{hidden}>{escape(problem or "")}</p>\n'
        f'<details class="paste"{paste_open}><summary>没有文件？把报告的文字粘贴在这里</summary>\n'
        '<textarea name="text" id="text" rows="8" spellcheck="false" '
        'placeholder="把年度报告的全部文字（包括表格）复制后粘贴到这里"></textarea>\n</details>\n'
        '<p class="actions"><button type="submit" class="start">开始检查</button></p>\n'
        "</form>\n"
    )


def upload_page(limit: int, problem: Optional[str] = None) -> str:
    lim = escape(_limit_text(limit))
    return (
        _head("年度报告检查")
        + '<body class="app">\n<main class="upload">\n'
        "<h1>政府信息公开工作年度报告检查</h1>\n"
        '<p class="lead">把年度报告文件拖到下面的框里，或者点“选择文件”，马上就能看到报告中'
        "算不平的表格、与表格不一致的文字、写错的日期等问题，以及它们在原文中的位置。</p>\n"
        + _form(limit, problem, compact=False)
        + '<ul class="notes">\n'
        "<li>可以检查 Word 文档（.docx）、PDF、网页（.html）和文本文件（.txt）。旧版 .doc、.wps 文件请先在 "
        "Word 或 WPS 中“另存为” .docx；扫描件（只有图片的 PDF）无法检查。</li>\n"
        "<li>可以一次放入几个文件；同一单位两个年度的报告一起放入时，还会核对前后两年的数字（上年结转、现行有效件数等）。</li>\n"
        f"<li>每次合计不超过 {lim}。</li>\n"
        '<li class="private">文件只在这台电脑上检查，不会发送到任何网站；检查完立即删除，不保存。</li>\n'
        "</ul>\n</main>\n</body>\n</html>\n"
    )


def result_page(fragment: str, downloads: "list[Download]", limit: int) -> str:
    parts = [_head("年度报告检查结果"), '<body class="app result">\n<nav class="bar">\n<div class="bar-row">'
             '<a class="again" href="/">← 检查其他报告</a>\n<div class="downloads">']
    for k, d in enumerate(downloads):
        parts.append(f'<a class="download" id="download-{k}" href="#" download="{escape(d.name)}" '
                     f'data-payload="payload-{k}" data-type="{escape(d.mimetype)}" aria-disabled="true">'
                     f"{escape(d.label)}</a>")
    parts.append('<noscript><span class="problem">下载需要浏览器允许运行本页的脚本。</span></noscript>'
                 "</div></div>\n")
    parts.append(_form(limit, None, compact=True))
    parts.append("</nav>\n<main>\n")
    parts.append(fragment)
    parts.append("</main>\n")
    for k, d in enumerate(downloads):  # data blocks: never run (CSP or not), read by page.js
        parts.append(f'<script type="application/octet-stream" id="payload-{k}">{d.data}</script>\n')
    parts.append('<footer class="app-footer">由 report-lint 在本机生成。文件没有离开这台电脑，也没有保存。</footer>\n'
                 "</body>\n</html>\n")
    return "".join(parts)


def message_page(message: str, status_title: str = "出错了") -> str:
    return (_head(status_title) + '<body class="app">\n<main class="upload">\n'
            f"<h1>{escape(status_title)}</h1>\n"
            f'<p class="problem" role="alert">{escape(message)}</p>\n'
            '<p><a class="again" href="/">← 回到检查页面</a></p>\n</main>\n</body>\n</html>\n')
