"""A real browser for the tests: Debian's headless Chromium, driven over the Chrome DevTools
protocol on a pipe (``--remote-debugging-pipe``: messages are JSON separated by NUL bytes on
file descriptors 3 and 4 of the browser).

No driver and nothing from PyPI: the protocol is spoken with the standard library, so the
tests need only the ``chromium`` package (which .ci/run installs where it can), and they skip
with the reason where it is absent.

    with Browser.start(tmp_path) as b:
        page = b.page()
        page.goto("http://127.0.0.1:8765/")
        page.set_files("#files", [path])          # as a person choosing files in the dialog
        page.drop_files("#drop", [path])          # as a person dropping files on the box
        page.wait("location.pathname == '/check'")
        page.eval("document.title")
        page.screenshot(png)
"""

from __future__ import annotations

import json
import os
import queue
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Optional


def chromium() -> Optional[str]:
    if not sys.platform.startswith("linux"):
        return None  # the pipe is set up with Linux file descriptors
    return shutil.which("chromium") or shutil.which("chromium-browser")


SKIP_REASON = ("Chromium not found: install Debian's chromium package (with fonts-wqy-zenhei) to run the "
               "browser tests; .ci/run does where it can")


class BrowserError(Exception):
    pass


class Browser:
    def __init__(self, proc: subprocess.Popen, to_browser, from_browser, profile: Path) -> None:
        self.proc = proc
        self._out = to_browser
        self._in = from_browser
        self.profile = profile
        self._next = 0
        self._lock = threading.Lock()
        self._waiting: dict[int, queue.Queue] = {}
        self.events: list[dict] = []
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    @classmethod
    def start(cls, tmp: Path, width: int = 1200, height: int = 900) -> "Browser":
        exe = chromium()
        if exe is None:
            raise BrowserError(SKIP_REASON)
        profile = tmp / "chromium-profile"
        profile.mkdir(parents=True, exist_ok=True)
        # our ends, and the browser's ends (moved to fds 3 and 4 in the child)
        child_in, ours_out = os.pipe()
        ours_in, child_out = os.pipe()

        def wire():
            # dup above 4 first, so moving one end onto 3 or 4 cannot close the other
            a, b = os.dup(child_in), os.dup(child_out)
            a, b = os.dup2(a, 10), os.dup2(b, 11)
            os.dup2(a, 3)
            os.dup2(b, 4)

        args = [exe, "--headless", "--no-sandbox", "--disable-gpu", "--remote-debugging-pipe",
                f"--user-data-dir={profile}", "--no-first-run", "--no-default-browser-check",
                "--disable-extensions", "--disable-background-networking", "--disable-sync",
                "--disable-component-update", "--disable-features=Translate,MediaRouter",
                "--hide-scrollbars", "--mute-audio", f"--window-size={width},{height}", "about:blank"]
        proc = subprocess.Popen(args, preexec_fn=wire, pass_fds=(3, 4), stdin=subprocess.DEVNULL,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(child_in)
        os.close(child_out)
        b = cls(proc, os.fdopen(ours_out, "wb", buffering=0), os.fdopen(ours_in, "rb", buffering=0), profile)
        b.call("Browser.getVersion", timeout=60)
        return b

    # ----------------------------------------------------------------- the protocol

    def _read(self) -> None:
        buf = b""
        while True:
            try:
                chunk = self._in.read(1 << 16)
            except (OSError, ValueError):
                chunk = b""
            if not chunk:
                for q in list(self._waiting.values()):
                    q.put({"error": {"message": "the browser closed"}})
                return
            buf += chunk
            while b"\0" in buf:
                raw, buf = buf.split(b"\0", 1)
                msg = json.loads(raw)
                if "id" in msg:
                    q = self._waiting.pop(msg["id"], None)
                    if q is not None:
                        q.put(msg)
                else:
                    self.events.append(msg)

    def call(self, method: str, params: Optional[dict] = None, session: Optional[str] = None,
             timeout: float = 30) -> dict:
        with self._lock:
            self._next += 1
            ident = self._next
            q: queue.Queue = queue.Queue()
            self._waiting[ident] = q
            msg = {"id": ident, "method": method, "params": params or {}}
            if session:
                msg["sessionId"] = session
            self._out.write(json.dumps(msg).encode("utf-8") + b"\0")
        try:
            reply = q.get(timeout=timeout)
        except queue.Empty:
            raise BrowserError(f"{method}: no answer in {timeout} s") from None
        if "error" in reply:
            raise BrowserError(f"{method}: {reply['error'].get('message')}")
        return reply.get("result", {})

    def page(self) -> "Page":
        target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        return Page(self, session)

    def allow_downloads(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.call("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(folder)})

    def close(self) -> None:
        try:
            self.call("Browser.close", timeout=5)
        except BrowserError:
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        for f in (self._out, self._in):
            try:
                f.close()
            except OSError:
                pass

    def __enter__(self) -> "Browser":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


# What a page did that a test may want to see: CSP violations and script errors.
_WATCH = """
window.__violations = [];
document.addEventListener('securitypolicyviolation', function (e) {
  window.__violations.push(e.violatedDirective + ' ' + (e.blockedURI || '') + ' ' + (e.sourceFile || ''));
});
window.__errors = [];
window.addEventListener('error', function (e) { window.__errors.push(String(e.message)); });
"""


class Page:
    def __init__(self, browser: Browser, session: str) -> None:
        self.browser = browser
        self.session = session
        for domain in ("Page", "Runtime", "DOM", "Network"):
            self.call(f"{domain}.enable")
        self.call("Page.addScriptToEvaluateOnNewDocument", {"source": _WATCH})

    def call(self, method: str, params: Optional[dict] = None, timeout: float = 30) -> dict:
        return self.browser.call(method, params, session=self.session, timeout=timeout)

    def goto(self, url: str, timeout: float = 30) -> None:
        self.call("Page.navigate", {"url": url})
        self.wait(f"location.href == {json.dumps(url)} && document.readyState == 'complete'", timeout)

    def eval(self, expression: str):
        r = self.call("Runtime.evaluate", {"expression": expression, "returnByValue": True, "awaitPromise": True})
        if "exceptionDetails" in r:
            raise BrowserError(f"{expression[:80]}: {r['exceptionDetails'].get('text')} "
                               f"{r['exceptionDetails'].get('exception', {}).get('description', '')}")
        return r.get("result", {}).get("value")

    def wait(self, expression: str, timeout: float = 30):
        """The value of ``expression`` once it is truthy (retried across page loads)."""
        end = time.monotonic() + timeout
        last = None
        while time.monotonic() < end:
            try:
                value = self.eval(expression)
                if value:
                    return value
            except BrowserError as e:  # the page is changing under us: try again
                last = e
            time.sleep(0.05)
        raise BrowserError(f"waited {timeout} s for {expression!r}" + (f" ({last})" if last else ""))

    def _node(self, selector: str) -> int:
        root = self.call("DOM.getDocument", {"depth": 0})["root"]["nodeId"]
        node = self.call("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
        if not node:
            raise BrowserError(f"no element {selector}")
        return node

    def set_files(self, selector: str, paths: "list[Path]") -> None:
        """Files chosen in the file dialog of the input ``selector`` (a change event follows)."""
        self.call("DOM.setFileInputFiles", {"nodeId": self._node(selector), "files": [str(p) for p in paths]})

    def center(self, selector: str) -> tuple[float, float]:
        box = self.eval(f"(function(){{var r=document.querySelector({json.dumps(selector)}).getBoundingClientRect();"
                        "return [r.left + r.width / 2, r.top + r.height / 2];})()")
        return box[0], box[1]

    def drop_files(self, selector: str, paths: "list[Path]") -> None:
        """Files dragged from the desktop and dropped on the element ``selector``, as the mouse does."""
        x, y = self.center(selector)
        data = {"items": [], "files": [str(p) for p in paths], "dragOperationsMask": 1}
        for kind in ("dragEnter", "dragOver", "drop"):
            self.call("Input.dispatchDragEvent", {"type": kind, "x": x, "y": y, "data": data})

    def click(self, selector: str) -> None:
        x, y = self.center(selector)
        for kind in ("mousePressed", "mouseReleased"):
            self.call("Input.dispatchMouseEvent", {"type": kind, "x": x, "y": y, "button": "left", "clickCount": 1})

    def type_text(self, text: str) -> None:
        self.call("Input.insertText", {"text": text})

    def screenshot(self, path: Path, full_page: bool = False, clip_height: Optional[int] = None) -> None:
        import base64

        params: dict = {"format": "png"}
        if full_page or clip_height:
            width, height = self.eval("[document.documentElement.scrollWidth, document.documentElement.scrollHeight]")
            params["captureBeyondViewport"] = True
            params["clip"] = {"x": 0, "y": 0, "width": width, "height": min(height, clip_height or height), "scale": 1}
        data = self.call("Page.captureScreenshot", params, timeout=60)["data"]
        Path(path).write_bytes(base64.b64decode(data))

    def requests(self) -> list[str]:
        """Every URL this page asked for (documents, scripts, styles, images, downloads …)."""
        return [e["params"]["request"]["url"] for e in list(self.browser.events)
                if e.get("sessionId") == self.session and e.get("method") == "Network.requestWillBeSent"]

    def violations(self) -> list:
        return self.eval("window.__violations || []")

    def errors(self) -> list:
        return self.eval("window.__errors || []")
