"""Starting and stopping the page's server.

The HTTP server is waitress (Pylons): pure Python, no dependencies, maintained for production
use, with its own bounds on what a client may send (request body, headers, connections, idle
time) and request bodies buffered in memory up to the bound set here. It listens on a socket
bound here to 127.0.0.1 only, so the port can be chosen first: DEFAULT_PORT, or the next free
one of the few after it when that one is busy (another report-lint, another program); a port
named with ``--port`` is that port or an error. ``--port 0``: any free port.

Ctrl-C or SIGTERM stop it: waitress finishes, the server's private temporary folder (with
any check still running inside it) is removed, and the exit code is 0. Nothing is printed but
the address, one line per check, and plain one-line messages: waitress's own log lines go
through a handler that never prints a traceback.
"""

from __future__ import annotations

import errno
import logging
import os
import shutil
import signal
import socket
import sys
import tempfile
import threading
from typing import Optional

from .app import DEFAULT_LIMIT, MB, App, say

HOST = "127.0.0.1"
DEFAULT_PORT = 8765
FALLBACK_PORTS = 10  # DEFAULT_PORT … DEFAULT_PORT + 9, then any free port


class PortError(Exception):
    pass


def bind(port: Optional[int]) -> socket.socket:
    """A socket bound to 127.0.0.1: ``port``, or (None) the default with its fallbacks."""
    if port is not None:
        return _bind_one(port)
    for p in list(range(DEFAULT_PORT, DEFAULT_PORT + FALLBACK_PORTS)) + [0]:
        try:
            return _bind_one(p)
        except PortError:
            continue
    raise PortError(f"没有可用的端口 / no free port near {DEFAULT_PORT}")


def _bind_one(port: int) -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        if os.name == "nt":  # another program must not be able to take the port over ours
            sock.setsockopt(socket.SOL_SOCKET, getattr(socket, "SO_EXCLUSIVEADDRUSE", socket.SO_REUSEADDR), 1)
        else:  # restart at once after a stop (TIME_WAIT); two listeners are still refused
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((HOST, port))
    except OSError as e:
        sock.close()
        if e.errno in (errno.EADDRINUSE, getattr(errno, "WSAEADDRINUSE", -1), errno.EACCES):
            raise PortError(
                f"端口 {port} 已被占用或不可用：请换一个端口，例如 report-lint serve --port {port + 1}"
                f" / port {port} is in use or not allowed") from None
        raise PortError(f"无法使用端口 {port}（{e.strerror or e}）/ cannot listen on port {port}") from None
    return sock


class _OneLine(logging.Handler):
    """waitress's log lines as one plain line each on standard error, never a traceback."""

    def emit(self, record: logging.LogRecord) -> None:
        try:
            msg = record.getMessage()
        except Exception:  # noqa: BLE001 - a bad log call must not become a traceback
            msg = str(record.msg)
        say(f"report-lint serve: {msg.splitlines()[0] if msg else record.levelname}")
        if record.exc_info and os.environ.get("REPORT_LINT_DEBUG"):
            import traceback

            traceback.print_exception(*record.exc_info)


def _quiet_waitress() -> None:
    log = logging.getLogger("waitress")
    log.handlers[:] = [_OneLine()]
    log.setLevel(logging.WARNING)
    log.propagate = False
    # "Task queue depth is N": checks wait their turn on purpose (one at a time)
    logging.getLogger("waitress.queue").setLevel(logging.ERROR)


def run(port: Optional[int] = None, open_browser: bool = False, config=None, max_mb: Optional[int] = None,
        lang: str = "zh") -> int:
    """Serve until stopped; the exit code (0, or 2 when it cannot start)."""
    from ..commands import UsageError, load_config

    try:
        cfg = load_config(config, lang)
    except UsageError as err:
        say(str(err))
        return 2
    limit = DEFAULT_LIMIT if max_mb is None else max_mb * MB
    try:
        sock = bind(port)
    except PortError as err:
        say(f"report-lint: {err}")
        return 2
    actual = sock.getsockname()[1]
    try:  # SIGTERM stops it as Ctrl-C does: the folder below is removed on the way out
        previous = signal.signal(signal.SIGTERM, _stop)
    except ValueError:  # not the main thread (a library caller): its signals are its own
        previous = None
    temp_root = tempfile.mkdtemp(prefix="report-lint-serve-")
    try:
        return _serve(sock, actual, cfg, limit, temp_root, open_browser, lang)
    finally:
        shutil.rmtree(temp_root, ignore_errors=True)
        sock.close()
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


def _stop(signum, frame):
    raise KeyboardInterrupt


def _serve(sock: socket.socket, port: int, cfg, limit: int, temp_root: str, open_browser: bool, lang: str) -> int:
    from waitress import create_server

    _quiet_waitress()
    app = App(cfg, port=port, temp_root=temp_root, limit=limit, lang=lang, log=say)
    bound = limit + limit // 4 + MB  # past the page's own limit (said in words), waitress cuts off
    server = create_server(
        app, sockets=[sock], threads=4, ident="report-lint", expose_tracebacks=False,
        max_request_body_size=bound, inbuf_overflow=bound,  # bodies in memory, never a temp file
        max_request_header_size=64 * 1024, connection_limit=32, channel_timeout=60,
        clear_untrusted_proxy_headers=True, asyncore_use_poll=True,
    )
    url = f"http://{HOST}:{port}/"
    try:
        _out(f"report-lint 年度报告检查页面已启动：{url}\n"
             "请在浏览器中打开这个地址，把报告文件拖进去。文件只在这台电脑上检查，不会发送到任何地方。\n"
             "按 Ctrl+C 停止。\n")
        threading.Thread(target=app.warm, name="report-lint-warm", daemon=True).start()
        if open_browser:
            threading.Timer(0.3, _open, (url,)).start()
        server.run()  # returns on Ctrl-C / SIGTERM (waitress stops its threads)
    except KeyboardInterrupt:
        pass
    finally:
        try:
            server.close()
        except (OSError, ValueError, AttributeError):
            pass
    _out("report-lint 检查页面已停止。\n")
    return 0


def _open(url: str) -> None:
    import webbrowser

    try:
        if not webbrowser.open(url):
            say(f"report-lint: 无法自动打开浏览器，请手动打开 {url}")
    except Exception:  # noqa: BLE001 - no browser: the address is printed anyway
        say(f"report-lint: 无法自动打开浏览器，请手动打开 {url}")


def _out(text: str) -> None:
    if sys.stdout is None:
        return
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except (OSError, ValueError):
        pass
