"""`report-lint serve` as a person starts it: a process of its own, its address read from what
it prints; stopped with Ctrl-C (SIGINT) as a person stops it."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Optional

ROOT = Path(__file__).resolve().parents[1]


class Served:
    def __init__(self, proc: subprocess.Popen, url: str, port: int, banner: str, tmpdir: Path) -> None:
        self.proc, self.url, self.port, self.banner, self.tmpdir = proc, url, port, banner, tmpdir
        self.out = self.err = ""

    def stop(self, sig: int = signal.SIGINT) -> int:
        """Stop it (Ctrl-C by default); its exit code. What it printed is in out/err."""
        if self.proc.poll() is None:
            self.proc.send_signal(sig)
        try:
            out, err = self.proc.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            out, err = self.proc.communicate()
        self.out, self.err = self.banner + out, err
        return self.proc.returncode


def start(tmpdir: Path, *args: str, env: Optional[dict] = None, timeout: float = 30) -> Served:
    """`report-lint serve --port 0 ARGS…` with its temporary files under ``tmpdir``."""
    tmpdir.mkdir(parents=True, exist_ok=True)
    e = dict(os.environ)
    e.update({"TMPDIR": str(tmpdir), "PYTHONUNBUFFERED": "1", "REPORT_LINT_NO_CACHE": "1"})
    e.pop("REPORT_LINT_DEBUG", None)
    e.update(env or {})
    proc = subprocess.Popen([sys.executable, "-m", "report_lint", "serve", "--port", "0", *args],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8",
                            cwd=str(ROOT), env=e)
    end = time.monotonic() + timeout
    banner = ""
    while time.monotonic() < end:
        line = proc.stdout.readline()
        if not line:
            break
        banner += line
        m = re.search(r"http://127\.0\.0\.1:(\d+)/", banner)
        if m and "Ctrl+C" in line:  # the banner's last line: nothing more until it stops
            return Served(proc, m.group(0), int(m.group(1)), banner, tmpdir)
    proc.kill()
    out, err = proc.communicate()
    raise RuntimeError(f"report-lint serve did not start:\n{banner}{out}\n{err}")
