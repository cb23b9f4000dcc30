"""The page's web application: a WSGI callable built on werkzeug's request parsing.

Who may ask
    Only the page itself. Every request must name this server in its ``Host`` header
    (``127.0.0.1:PORT`` or ``localhost:PORT``): a web site whose name is made to resolve to
    127.0.0.1 (DNS rebinding) sends its own name and is refused. A POST must come from the
    page: its ``Origin`` (or, where a browser sends none, its ``Referer``) must be this server,
    and ``Sec-Fetch-Site`` must not say another site; a form on another site that posts here
    (CSRF) is refused. Answers forbid framing, sniffing, caching and any load from elsewhere
    (CSP: scripts and styles only from this server, no inline script).

What is kept
    Nothing. The request body is held in memory (bounded); each file is written into a private
    folder (mode 0700, inside the server's own temporary folder) only for the time of its
    check, by the same batch code as ``report-lint check``, and the folder is removed before
    the answer is sent. The answer carries the 问题清单 and the HTML report as downloads
    inside the page, so nothing waits on the server to be fetched later.

Limits
    The whole upload (``limit``, 100 MB unless ``--max-size`` says less), at most MAX_FILES
    files, pasted text up to the size of a report's text (source.MAX_BYTES). Beyond a limit the
    page says so in words; a request larger still is cut off by waitress itself.

Failures
    A file that cannot be read gets the message the command line gives (RL001 …). Anything
    unexpected is one line on the terminal and a plain page saying so: never a traceback
    (REPORT_LINT_DEBUG=1 prints it on the terminal for a bug report).
"""

from __future__ import annotations

import base64
import io
import os
import shutil
import tempfile
import threading
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable, Optional

from werkzeug.exceptions import HTTPException, RequestEntityTooLarge
from werkzeug.wrappers import Request, Response

from ..commands import say  # a line on the terminal (standard error; nowhere if it is closed)
from . import page

if TYPE_CHECKING:
    from ..config import Config
    from ..findings import FileResult

MB = 1024 * 1024
DEFAULT_LIMIT = 100 * MB  # as much as `report-lint check` reads of one file (source.MAX_FILE_BYTES)
MAX_FILES = 50
PASTED_NAME = "粘贴的文字.txt"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; form-action 'self'; "
       "base-uri 'none'; frame-ancestors 'none'")
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    # same-origin, not no-referrer: under no-referrer a browser sends "Origin: null" with the
    # page's own form, which could then not be told from a forged one
    "Referrer-Policy": "same-origin",
    "Cache-Control": "no-store",  # a result holds the report's text: the browser keeps no copy
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
}


class _Request(Request):
    """Uploads parsed into memory (the body is bounded), never spooled to a shared temp file."""

    max_form_parts = MAX_FILES * 2 + 10

    def _get_file_stream(self, total_content_length, content_type, filename=None, content_length=None):
        return io.BytesIO()


@dataclass
class Upload:
    name: str  # as the browser named it (shown on the page)
    data: bytes


class App:
    """The WSGI application. ``port`` may be set after the socket is bound (``--port 0``)."""

    def __init__(self, config: "Config", *, port: int, temp_root: str, limit: int = DEFAULT_LIMIT,
                 lang: str = "zh", log: Optional[Callable[[str], None]] = None) -> None:
        from ..source import MAX_BYTES

        self.config = config
        self.port = port
        self.temp_root = temp_root
        self.limit = limit
        self.text_limit = MAX_BYTES
        self.lang = lang
        self.log = log or (lambda msg: None)
        self._lock = threading.Lock()  # one check at a time: memory bounded, CPU shared fairly

    # ------------------------------------------------------------------ who may ask

    def allowed_hosts(self) -> set[str]:
        return {f"127.0.0.1:{self.port}", f"localhost:{self.port}"}

    def allowed_origins(self) -> set[str]:
        return {f"http://{h}" for h in self.allowed_hosts()}

    def _refusal(self, req: Request) -> Optional[str]:
        """Why a request is refused, or None. Hosts and origins compare exactly (lower case)."""
        host = (req.environ.get("HTTP_HOST") or "").strip().lower()
        if host not in self.allowed_hosts():
            return "host"
        if req.method in ("GET", "HEAD"):
            return None
        site = (req.headers.get("Sec-Fetch-Site") or "").lower()
        if site and site not in ("same-origin", "none"):
            return "origin"
        origin = req.headers.get("Origin")
        if origin is not None:
            return None if origin.strip().lower() in self.allowed_origins() else "origin"
        referer = (req.headers.get("Referer") or "").lower()  # browsers that send no Origin
        if any(referer.startswith(o + "/") for o in self.allowed_origins()):
            return None
        return "origin"

    # ---------------------------------------------------------------------- answers

    def __call__(self, environ, start_response):
        try:
            response = self._respond(environ)
        except (Exception, RecursionError, MemoryError) as e:  # noqa: BLE001 - never a traceback
            response = self._internal(e)
        for k, v in SECURITY_HEADERS.items():
            response.headers[k] = v
        return response(environ, start_response)

    def _respond(self, environ) -> Response:
        req = _Request(environ)
        why = self._refusal(req)
        if why is not None:
            return _plain(page.refused(why, f"http://127.0.0.1:{self.port}/"), 403)
        path, method = req.path, req.method
        if path == "/":
            if method not in ("GET", "HEAD"):
                return _not_allowed("GET, HEAD")
            return _html(page.upload_page(self.limit))
        if path == "/check":
            if method == "POST":
                return self._check(req)
            if method in ("GET", "HEAD"):  # a reload of a result page: start again
                return Response(status=303, headers={"Location": "/"})
            return _not_allowed("POST")
        if path.startswith("/static/"):
            if method not in ("GET", "HEAD"):
                return _not_allowed("GET, HEAD")
            asset = page.static(path[len("/static/"):])
            if asset is None:
                return _plain(page.NOT_FOUND, 404)
            body, mimetype = asset
            return Response(body, mimetype=mimetype)
        if path == "/favicon.ico":
            return Response(status=204)
        return _plain(page.NOT_FOUND, 404)

    def _problem(self, message: str, status: int) -> Response:
        return _html(page.upload_page(self.limit, problem=message), status)

    def _internal(self, e: BaseException) -> Response:
        what = f"{type(e).__name__}: {e}"[:300]
        self.log(f"report-lint: 内部错误（请报告此问题）/ internal error (please report it): {what}")
        if os.environ.get("REPORT_LINT_DEBUG"):
            import traceback

            traceback.print_exc()
        return _html(page.message_page(page.INTERNAL.format(what=what)), 500)

    # ---------------------------------------------------------------------- checking

    def _uploads(self, req: _Request) -> "list[Upload] | Response":
        if req.content_length is not None and req.content_length > self.limit:
            return self._problem(page.too_large(req.content_length, self.limit), 413)
        req.max_content_length = self.limit
        req.max_form_memory_size = self.text_limit
        try:
            files = req.files.getlist("files")
            text = req.form.get("text", "")
        except RequestEntityTooLarge:
            if req.content_length is None or req.content_length > self.limit:
                return self._problem(page.too_large(req.content_length, self.limit), 413)
            return self._problem(page.form_too_large(self.text_limit, MAX_FILES), 413)
        except (HTTPException, ValueError, OSError):  # a body cut short, a broken form
            return self._problem(page.BAD_FORM, 400)
        uploads = []
        for f in files:
            if not f.filename:  # the empty part of a form sent with no file chosen
                continue
            uploads.append(Upload(f.filename, f.stream.getvalue() if isinstance(f.stream, io.BytesIO) else f.read()))
        if text.strip():
            uploads.append(Upload(PASTED_NAME, text.encode("utf-8")))
        if not uploads:
            return self._problem(page.NOTHING, 400)
        if len(uploads) > MAX_FILES:
            return self._problem(page.TOO_MANY.format(n=len(uploads), max=MAX_FILES), 400)
        return uploads

    def _check(self, req: _Request) -> Response:
        uploads = self._uploads(req)
        if isinstance(uploads, Response):
            return uploads
        started = time.perf_counter()
        with self._lock:
            results = self.check(uploads)
        from ..reporters import render
        from ..reporters.html import render as html_render, totals
        from ..reporters._common import summarize

        lang = self.lang
        fragment = html_render(results, lang=lang, standalone=False)
        report = html_render(results, lang=lang).encode("utf-8")
        xlsx = render("xlsx", results, lang=lang)
        stem = os.path.splitext(results[0].path)[0] if len(results) == 1 else "年报"
        downloads = [
            page.Download(f"{stem}_问题清单.xlsx", XLSX_TYPE, base64.b64encode(xlsx).decode("ascii"),
                          "下载问题清单（Excel）"),
            page.Download(f"{stem}_检查结果.html", "text/html;charset=utf-8",
                          base64.b64encode(report).decode("ascii"), "下载检查结果网页"),
        ]
        s = summarize(results)
        names = "、".join(r.path for r in results)
        if len(names) > 120:
            names = names[:119] + "…"
        self.log(f"{time.strftime('%H:%M:%S')} 检查了 {names}：{totals(s, lang) if s.total else '未发现问题。'}"
                 f"（{time.perf_counter() - started:.1f} 秒）")
        return _html(page.result_page(fragment, downloads, self.limit))

    def warm(self) -> None:
        """Load what the first check would (the rules, the table parser, the workbook writer)
        while the person opens the page: the first result comes as fast as the next ones."""
        try:
            with self._lock:
                from ..engine import Engine
                from ..reporters import html, xlsx  # noqa: F401
                from ..source import from_text

                Engine(self.config, self.lang).check_source(from_text(_WARM_TEXT, "warm.txt"))
                import openpyxl  # noqa: F401
                _gc_back_on()
        except Exception:  # noqa: BLE001 - only a head start: the first check does it otherwise
            pass

    def check(self, uploads: "list[Upload]") -> "list[FileResult]":
        """The results for ``uploads``, as `report-lint check` gets them for the same files: the
        files are written into a private folder, checked by commands.batch_results, and the
        folder is removed whatever happens. Paths are shown as the uploads were named."""
        from ..commands import CheckOptions, batch_results, expand_paths, prepare_series
        from ..engine import Engine
        from ..reporters._common import merge_extras

        folder = tempfile.mkdtemp(prefix="check-", dir=self.temp_root)
        try:
            paths = []
            taken: set[str] = set()
            for u in uploads:
                path = os.path.join(folder, safe_name(u.name, taken))
                flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
                with os.fdopen(os.open(path, flags, 0o600), "wb") as f:
                    f.write(u.data)
                paths.append(path)
            engine = Engine(self.config, self.lang)
            opts = CheckOptions(paths=paths, fmt="html", lang=self.lang, jobs=1, progress=False)
            inputs = expand_paths(paths)
            prepare_series(engine, inputs, opts)  # two years of one body: the cross-year checks
            try:
                results = merge_extras(list(batch_results(engine, inputs, opts, keep_source=True)))
            finally:
                _gc_back_on()
        finally:
            shutil.rmtree(folder, ignore_errors=True)
        return [relabel(r, folder) for r in results]


# ------------------------------------------------------------------------------ helpers

_WARM_TEXT = ("XX局2024年政府信息公开工作年度报告\n一、总体情况\n本年度共收到申请5件。\n"
              "三、收到和处理政府信息公开申请情况\n| 一、本年新收政府信息公开申请数量 | 5 | 0 | 0 | 0 | 0 | 0 | 5 |\n")


def _gc_back_on() -> None:
    """A batch pauses Python's cyclic collector for its duration (batch.quiet_gc); a server
    runs on after it, so the collector comes back on."""
    import gc

    gc.unfreeze()
    gc.enable()


_RESERVED = set('<>:"/\\|?*')
_WINDOWS_DEVICES = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))}


def safe_name(name: str, taken: set[str]) -> str:
    """A file name for an upload inside the private folder: the browser's name without any
    folder part, control or reserved characters, at most 100 characters (60 Chinese: file
    systems count bytes), never a name already taken (年报.docx, 年报（2）.docx …)."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    base = "".join(c for c in base if c.isprintable() and c not in _RESERVED).strip().strip(".")
    stem, ext = os.path.splitext(base)
    if len(ext) > 10:
        stem, ext = base, ""
    stem = stem[:100]
    while len(stem.encode("utf-8")) > 180:  # file systems count bytes (255 at most), Chinese takes 3 each
        stem = stem[:-1]
    stem = stem or "文件"
    if stem.upper() in _WINDOWS_DEVICES:  # CON.txt would be the console on Windows
        stem = "_" + stem
    candidate, k = stem + ext, 1
    while candidate.lower() in taken:
        k += 1
        candidate = f"{stem}（{k}）{ext}"
    taken.add(candidate.lower())
    return candidate


def relabel(result: "FileResult", folder: str) -> "FileResult":
    """The result with the private folder taken out of every path and message: the page and
    the downloads name the files as the browser did."""
    prefix = folder.rstrip(os.sep) + os.sep

    def clean(s):
        return s.replace(prefix, "") if isinstance(s, str) else s

    result.path = clean(result.path)
    if result.source is not None and hasattr(result.source, "path"):
        result.source.path = clean(result.source.path)
    if result.error is not None:
        result.error.message_zh = clean(result.error.message_zh)
        result.error.message_en = clean(result.error.message_en)
    for d in result.diagnostics:
        d.path = clean(d.path)
        d.message = clean(d.message)
        d.detail = clean(d.detail)
        for r in d.related:
            r.message = clean(r.message)
            if getattr(r, "path", None):
                r.path = clean(r.path)
    return result


def _html(body: str, status: int = 200) -> Response:
    return Response(body, status=status, mimetype="text/html")


def _plain(body: str, status: int) -> Response:
    return Response(body, status=status, mimetype="text/plain")


def _not_allowed(allow: str) -> Response:
    return Response(page.NOT_ALLOWED, status=405, mimetype="text/plain", headers={"Allow": allow})


