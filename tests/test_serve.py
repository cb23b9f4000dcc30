"""`report-lint serve` without a browser: who may ask (Host, Origin), limits, nothing kept,
the same results and messages as `report-lint check`, start-up untouched.

The application is exercised in this process through werkzeug's test client (every header as a
hostile page or another program could send it), and the real server as a person starts it
(tests/serving.py)."""

from __future__ import annotations

import base64
import http.client
import io
import json
import os
import random
import re
import socket
import stat
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("waitress")
pytest.importorskip("werkzeug")

from werkzeug.test import Client  # noqa: E402

from report_lint.config import Config  # noqa: E402
from report_lint.serve import app as serve_app  # noqa: E402
from report_lint.serve import page, server  # noqa: E402
from report_lint.serve.app import App, safe_name  # noqa: E402
from tests import documents as D  # noqa: E402
from tests import serving, synth  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "fixtures" / "examples" / "年报示例.txt"
PORT = 8765
ORIGIN = f"http://127.0.0.1:{PORT}"
HOST = f"127.0.0.1:{PORT}"


def planted_docx(seed: int = 3) -> tuple[bytes, str]:
    """A Word report with one planted slip (部分公开's total raised by 3), and that total."""
    pytest.importorskip("docx")
    rng = random.Random(seed)
    doc = D.report_document(synth.random_tables(rng, "2021"), rng, template="2021")
    new = str(doc.tables["requests"]["partially_granted"][6] + 3)
    D.change_cell(doc, ("requests", "partially_granted", 6), new)
    return D.to_docx(doc), new


@pytest.fixture
def app(tmp_path):
    root = tmp_path / "serve-tmp"
    root.mkdir(mode=0o700)
    return App(Config(), port=PORT, temp_root=str(root))


def client(app) -> Client:
    return Client(app)


def post(app, files=(), text=None, headers=None, host=HOST):
    data = {"files": [(io.BytesIO(content), name) for name, content in files]}
    if text is not None:
        data["text"] = text
    h = {"Origin": ORIGIN, "Sec-Fetch-Site": "same-origin"} if headers is None else headers
    return client(app).post("/check", data=data, headers={"Host": host, **h}, content_type="multipart/form-data")


def get(app, path="/", host=HOST, **headers):
    return client(app).get(path, headers={"Host": host, **headers})


def cli_json(path: Path) -> dict:
    out = subprocess.run([sys.executable, "-m", "report_lint", "check", str(path), "--format", "json"],
                         capture_output=True, text=True, encoding="utf-8", cwd=str(ROOT))
    return json.loads(out.stdout)


def payloads(body: str) -> dict[str, bytes]:
    """The downloads in a result page: file name -> bytes."""
    out = {}
    for k, name in re.findall(r'id="download-(\d+)" href="#" download="([^"]+)"', body):
        data = re.search(rf'<script type="application/octet-stream" id="payload-{k}">([^<]*)</script>', body)
        out[name] = base64.b64decode(data.group(1))
    return out


# ------------------------------------------------------------------------ who may ask


def test_the_page_is_served_with_a_strict_policy(app):
    r = get(app)
    assert r.status_code == 200 and r.mimetype == "text/html"
    body = r.get_data(as_text=True)
    assert "把报告文件拖到这里" in body and 'enctype="multipart/form-data"' in body
    csp = r.headers["Content-Security-Policy"]
    assert "default-src 'none'" in csp and "script-src 'self'" in csp and "'unsafe-inline'" not in csp
    assert "frame-ancestors 'none'" in csp and "form-action 'self'" in csp
    assert r.headers["X-Frame-Options"] == "DENY" and r.headers["X-Content-Type-Options"] == "nosniff"
    assert r.headers["Cache-Control"] == "no-store"
    # nothing from elsewhere: every src/href is a path on this server (or a fragment)
    for ref in re.findall(r'(?:src|href|action)="([^"]*)"', body):
        assert ref.startswith(("/", "#")) and not ref.startswith("//"), ref
    assert "<script>" not in body and " style=" not in body  # no inline script or style
    for asset in ("/static/page.js", "/static/page.css", "/static/report.css"):
        a = get(app, asset)
        assert a.status_code == 200 and a.headers["X-Content-Type-Options"] == "nosniff"
    assert get(app, "/static/page.js").mimetype == "text/javascript"
    assert get(app, "/static/../app.py").status_code == 404
    assert get(app, "/static/app.py").status_code == 404
    assert get(app, "/nothing").status_code == 404


@pytest.mark.parametrize("host", ["evil.example", f"evil.example:{PORT}", "127.0.0.1", f"127.0.0.1:{PORT + 1}",
                                  f"localhost.evil.example:{PORT}", "", f"[::1]:{PORT}"])
def test_other_hosts_are_refused(app, host):
    """DNS rebinding: a site whose name resolves to 127.0.0.1 sends its own name as Host."""
    r = get(app, host=host)
    assert r.status_code == 403
    assert "拒绝访问" in r.get_data(as_text=True)
    r = post(app, [("a.txt", b"x")], host=host)
    assert r.status_code == 403
    assert os.listdir(app.temp_root) == []


def test_localhost_by_name_is_served(app):
    assert get(app, host=f"localhost:{PORT}").status_code == 200
    assert get(app, host=f"LOCALHOST:{PORT}").status_code == 200


@pytest.mark.parametrize("headers", [
    {},  # no Origin, no Referer: not from the page
    {"Origin": "http://evil.example"},
    {"Origin": "null"},  # a sandboxed frame or a data: page
    {"Origin": f"http://127.0.0.1:{PORT + 1}"},
    {"Origin": f"https://127.0.0.1:{PORT}"},
    {"Origin": ORIGIN, "Sec-Fetch-Site": "cross-site"},
    {"Referer": "http://evil.example/page"},
    {"Referer": f"http://127.0.0.1:{PORT}.evil.example/"},
])
def test_posts_from_elsewhere_are_refused(app, headers):
    """CSRF: a form on another site posting to the page is refused before anything is read."""
    r = post(app, [("年报.txt", EXAMPLE.read_bytes())], headers=headers)
    assert r.status_code == 403, headers
    assert "只接受从检查页面本身提交" in r.get_data(as_text=True)
    assert os.listdir(app.temp_root) == []


@pytest.mark.parametrize("headers", [
    {"Origin": ORIGIN, "Sec-Fetch-Site": "same-origin"},
    {"Origin": f"http://localhost:{PORT}"},
    {"Referer": f"{ORIGIN}/"},  # a browser that sends no Origin
])
def test_posts_from_the_page_are_checked(app, headers):
    r = post(app, [("年报.txt", EXAMPLE.read_bytes())], headers=headers)
    assert r.status_code == 200
    assert "共发现 2 个错误。" in r.get_data(as_text=True)


def test_methods(app):
    c = client(app)
    assert c.get("/check", headers={"Host": HOST}).status_code == 303  # a reload: start again
    assert c.put("/check", headers={"Host": HOST, "Origin": ORIGIN}).status_code == 405
    assert c.post("/", headers={"Host": HOST, "Origin": ORIGIN}).status_code == 405
    assert c.delete("/static/page.js", headers={"Host": HOST, "Origin": ORIGIN}).status_code == 405


# ------------------------------------------------------------------------- the check


def test_a_word_report_with_a_planted_slip(app):
    data, new = planted_docx()
    r = post(app, [("示例市数据局2024年报.docx", data)])
    body = r.get_data(as_text=True)
    assert r.status_code == 200
    # the same findings as the command line gives for the same file
    path = Path(app.temp_root).parent / "示例市数据局2024年报.docx"
    path.write_bytes(data)
    want = cli_json(path)["diagnostics"]
    assert any(d["code"] == "RL102" for d in want)
    errors = sum(d["severity"] == "error" for d in want)
    assert f'<p class="big" id="totals">共发现 {errors} 个错误。</p>' in body
    for d in want:
        assert re.search(rf'<li id="f1-d\d+" class="e">\n.*?{re.escape(d["message"])}', body), d["message"]
    # the slip highlighted in the text, on the row of 部分公开, the changed number inside
    line = next(ln for ln in body.split("<div>") if "部分公开(区分处理的" in ln and ln.lstrip().startswith("|"))
    marked = "".join(re.findall(r'<a class="hl e[^"]*"[^>]*>([^<]*)</a>', line))
    assert re.search(rf"(?<!\d){new}(?!\d)", marked), line
    assert "<h2>示例市数据局2024年报.docx</h2>" in body
    assert app.temp_root not in body  # the private folder is never shown
    downloads = payloads(body)
    assert set(downloads) == {"示例市数据局2024年报_问题清单.xlsx", "示例市数据局2024年报_检查结果.html"}
    from openpyxl import load_workbook

    wb = load_workbook(io.BytesIO(downloads["示例市数据局2024年报_问题清单.xlsx"]))
    assert wb.sheetnames == ["问题清单", "汇总"]
    assert wb["问题清单"].max_row == 1 + len(want)
    report = downloads["示例市数据局2024年报_检查结果.html"].decode("utf-8")
    assert report.startswith("<!DOCTYPE html>") and '<meta name="generator" content="report-lint">' in report
    assert f"共发现 {errors} 个错误。" in report


def test_pasted_text(app):
    r = post(app, text=EXAMPLE.read_text(encoding="utf-8"))
    body = r.get_data(as_text=True)
    assert r.status_code == 200
    assert "<h2>粘贴的文字.txt</h2>" in body and "共发现 2 个错误。" in body
    assert set(payloads(body)) == {"粘贴的文字_问题清单.xlsx", "粘贴的文字_检查结果.html"}


def test_several_files_and_text_together(app):
    data, _ = planted_docx()
    r = post(app, [("年报.docx", data), ("年报.docx", data), ("示例.txt", EXAMPLE.read_bytes())], text="　")
    body = r.get_data(as_text=True)
    # two uploads of one name are both checked, told apart; blank pasted text is not a file
    assert [h for h in re.findall(r"<h2>([^<]*)</h2>", body)] == ["年报.docx", "年报（2）.docx", "示例.txt"]
    assert set(payloads(body)) == {"年报_问题清单.xlsx", "年报_检查结果.html"}


def test_bad_files_get_the_command_lines_messages(app, tmp_path):
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 200 + "WordDocument".encode("utf-16-le")
    png = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4
    letter = "关于召开2024年度工作会议的通知\n各科室：\n定于下周一召开工作会议，请准时参加。\n办公室\n2024年3月1日\n"
    uploads = [("旧版.doc", ole), ("照片.pdf", png), ("空白.txt", b""), ("通知.txt", letter.encode("utf-8"))]
    r = post(app, uploads)
    body = r.get_data(as_text=True)
    assert r.status_code == 200
    for name, content in uploads:
        p = tmp_path / name
        p.write_bytes(content)
        want = cli_json(p)["diagnostics"]
        assert want, name
        for d in want:
            assert d["message"] in body or _escaped(d["message"]) in body, (name, d["message"])
    assert "另存为" in body  # how to save an old .doc as .docx


def _escaped(s: str) -> str:
    from html import escape

    return escape(s)


def test_nothing_sent(app):
    r = post(app, [], text="  \n ")
    assert r.status_code == 400
    assert page.NOTHING in r.get_data(as_text=True)
    r = post(app, [("", b"")])  # a form sent with no file chosen: an empty part with no name
    assert r.status_code == 400


def test_too_many_files(app):
    r = post(app, [(f"{k}.txt", b"x") for k in range(serve_app.MAX_FILES + 1)])
    assert r.status_code in (400, 413)
    assert "请分几次检查" in r.get_data(as_text=True) or "文件太大" in r.get_data(as_text=True)
    assert os.listdir(app.temp_root) == []


def test_oversized_upload_is_refused_in_words(tmp_path):
    root = tmp_path / "t"
    root.mkdir()
    small = App(Config(), port=PORT, temp_root=str(root), limit=64 * 1024)
    r = post(small, [("大文件.txt", b"a" * (100 * 1024))])
    assert r.status_code == 413
    body = r.get_data(as_text=True)
    assert "文件太大" in body and "上限 0.06 MB" in body
    assert 'id="check"' in body  # the form again, to try another file
    assert os.listdir(root) == []
    # Pasted text over the size of a report's text: also in words
    small.text_limit = 1000
    r = post(small, text="字" * 2000)
    assert r.status_code == 413 and "粘贴的文字太长" in r.get_data(as_text=True)


def test_files_live_in_a_private_folder_only_while_checked(app, monkeypatch):
    seen = []
    real = serve_app.App.check

    def spy(self, uploads):
        from report_lint import commands

        original = commands.batch_results

        def watch(engine, inputs, opts, keep_source):
            for i in inputs:
                folder = os.path.dirname(i.path)
                seen.append((i.path, stat.S_IMODE(os.stat(folder).st_mode), stat.S_IMODE(os.stat(i.path).st_mode)))
                assert os.path.dirname(folder) == app.temp_root
            return original(engine, inputs, opts, keep_source)

        monkeypatch.setattr(commands, "batch_results", watch)
        return real(self, uploads)

    monkeypatch.setattr(serve_app.App, "check", spy)
    r = post(app, [("../../etc/年报.txt", EXAMPLE.read_bytes())])
    assert r.status_code == 200
    assert seen and all(mode_dir == 0o700 and mode_file == 0o600 for _, mode_dir, mode_file in seen)
    assert os.path.basename(seen[0][0]) == "年报.txt"  # no folder part from the browser's name
    assert os.listdir(app.temp_root) == []  # removed once checked
    assert "<h2>年报.txt</h2>" in r.get_data(as_text=True)


def test_a_failure_is_a_message_never_a_traceback(app, monkeypatch, capsys):
    def broken(self, uploads):
        raise RuntimeError("boom")

    lines = []
    app.log = lines.append
    monkeypatch.setattr(serve_app.App, "check", broken)
    r = post(app, [("年报.txt", b"x")])
    body = r.get_data(as_text=True)
    assert r.status_code == 500
    assert "内部错误" in body and "RuntimeError: boom" in body and "Traceback" not in body
    assert lines == ["report-lint: 内部错误（请报告此问题）/ internal error (please report it): RuntimeError: boom"]
    assert "Traceback" not in capsys.readouterr().err


def test_safe_names():
    taken: set = set()
    assert safe_name("..\\..\\年报.docx", taken) == "年报.docx"
    assert safe_name("年报.DOCX", taken) == "年报（2）.DOCX"
    assert safe_name("a\x00b\n<c>.txt", taken) == "abc.txt"
    assert safe_name("..", taken) == "文件"
    assert safe_name("CON.txt", taken) == "_CON.txt"
    assert safe_name("长" * 500 + ".pdf", taken) == "长" * 60 + ".pdf"  # 180 bytes and the suffix
    assert safe_name("a" * 500, taken) == "a" * 100


# -------------------------------------------------------------------- the real server


def served_folders(tmp: Path) -> list:
    """The server's own temporary folders (Lark may keep its grammar cache there too)."""
    return [p for p in tmp.iterdir() if p.name.startswith("report-lint-serve-")]


def test_started_as_a_person_starts_it(tmp_path):
    s = serving.start(tmp_path / "tmp")
    try:
        assert "检查页面已启动" in s.banner
        conn = http.client.HTTPConnection("127.0.0.1", s.port, timeout=10)
        conn.request("GET", "/")
        r = conn.getresponse()
        assert r.status == 200 and "把报告文件拖到这里" in r.read().decode("utf-8")
        # DNS rebinding over the wire
        conn.request("GET", "/", headers={"Host": "rebound.example"})
        r = conn.getresponse()
        assert r.status == 403
        r.read()
        # a request body larger than any upload is cut off by the server itself
        conn = http.client.HTTPConnection("127.0.0.1", s.port, timeout=10)
        conn.putrequest("POST", "/check", skip_host=True)
        conn.putheader("Host", f"127.0.0.1:{s.port}")
        conn.putheader("Origin", f"http://127.0.0.1:{s.port}")
        conn.putheader("Content-Type", "multipart/form-data; boundary=x")
        conn.putheader("Content-Length", str(10 * 1024 ** 3))
        conn.endheaders()
        r = conn.getresponse()
        assert r.status == 413
        r.read()
        # an upload checked through the wire, its temporary folder gone at once
        boundary = "rlboundary"
        body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"files\"; filename=\"年报.txt\"\r\n"
                "Content-Type: text/plain\r\n\r\n").encode("utf-8") + EXAMPLE.read_bytes() + f"\r\n--{boundary}--\r\n".encode()
        conn = http.client.HTTPConnection("127.0.0.1", s.port, timeout=30)
        conn.request("POST", "/check", body=body, headers={
            "Origin": f"http://127.0.0.1:{s.port}", "Content-Type": f"multipart/form-data; boundary={boundary}"})
        r = conn.getresponse()
        assert r.status == 200 and "共发现 2 个错误。" in r.read().decode("utf-8")
        roots = served_folders(tmp_path / "tmp")
        assert len(roots) == 1
        assert list(roots[0].iterdir()) == []
    finally:
        code = s.stop()
    assert code == 0
    assert "Ctrl+C" in s.out and "已停止" in s.out
    assert "Traceback" not in s.err and "Traceback" not in s.out
    assert "检查了 年报.txt：共发现 2 个错误。" in s.err
    assert served_folders(tmp_path / "tmp") == []  # the server's own folder removed on the way out


def test_sigterm_stops_it_cleanly(tmp_path):
    import signal

    s = serving.start(tmp_path / "tmp")
    code = s.stop(signal.SIGTERM)
    assert code == 0 and "Traceback" not in s.err
    assert served_folders(tmp_path / "tmp") == []


def test_listens_on_the_loopback_only_with_a_fallback_port(monkeypatch):
    busy = socket.socket()
    busy.bind(("127.0.0.1", 0))
    busy.listen()
    taken = busy.getsockname()[1]
    try:
        monkeypatch.setattr(server, "DEFAULT_PORT", taken)
        sock = server.bind(None)
        try:
            host, port = sock.getsockname()
            assert host == "127.0.0.1" and port != taken
        finally:
            sock.close()
        with pytest.raises(server.PortError) as e:
            server.bind(taken)  # a port asked for by name is that port or a clear error
        assert f"端口 {taken} 已被占用" in str(e.value)
    finally:
        busy.close()


def test_a_busy_port_asked_for_is_a_clear_error(tmp_path):
    busy = socket.socket()
    busy.bind(("127.0.0.1", 0))
    busy.listen()
    try:
        port = busy.getsockname()[1]
        r = subprocess.run([sys.executable, "-m", "report_lint", "serve", "--port", str(port)], capture_output=True,
                           text=True, encoding="utf-8", cwd=str(ROOT), timeout=60)
    finally:
        busy.close()
    assert r.returncode == 2
    assert f"端口 {port} 已被占用" in r.stderr and "Traceback" not in r.stderr


def test_plain_check_never_imports_the_server():
    """`report-lint 年报.txt` starts as before: nothing of the page is imported."""
    for args in ([str(EXAMPLE)], ["check", str(EXAMPLE), "--format", "json"]):
        r = subprocess.run([sys.executable, "-X", "importtime", "-m", "report_lint", *args], capture_output=True,
                           text=True, encoding="utf-8", cwd=str(ROOT), env={**os.environ, "REPORT_LINT_NO_CACHE": "1"})
        modules = {line.split("|")[-1].strip() for line in r.stderr.splitlines() if line.startswith("import time:")}
        assert "report_lint.engine" in modules  # the check ran
        assert not {m for m in modules if m.split(".")[0] in ("waitress", "werkzeug") or m.startswith("report_lint.serve")}


def test_open_opens_the_page_in_the_browser(tmp_path):
    """--open hands the address to the system's browser (here a stand-in named by $BROWSER)."""
    opened = tmp_path / "opened.txt"
    opener = tmp_path / "opener.py"
    opener.write_text(f"import sys\nopen({str(opened)!r}, 'w').write(sys.argv[1])\n", encoding="utf-8")
    s = serving.start(tmp_path / "tmp", "--open", env={"BROWSER": f"{sys.executable} {opener} %s"})
    try:
        import time

        end = time.monotonic() + 20
        while time.monotonic() < end and not (opened.exists() and opened.read_text()):
            time.sleep(0.1)
        assert opened.read_text() == s.url
    finally:
        assert s.stop() == 0


def test_a_very_long_file_name(app):
    name = "关于" + "某某" * 150 + "的年度报告.txt"  # longer than a file system takes
    r = post(app, [(name, EXAMPLE.read_bytes())])
    assert r.status_code == 200 and "共发现 2 个错误。" in r.get_data(as_text=True)


def test_two_years_of_one_body_get_the_cross_year_checks(app):
    """Two years of one body dropped together are one batch, as `report-lint check A B` is: the
    cross-year checks (RL6xx) run on them. Runs once that family is there (the years issue)."""
    pytest.importorskip("report_lint.series")
    helpers = pytest.importorskip("tests.test_series_cli")
    if not hasattr(helpers, "broken_pair") or not hasattr(synth, "year_pair"):
        pytest.skip("the cross-year test helpers are not there")
    r1, r2, line, _ = helpers.broken_pair(seed=1)
    r = post(app, [("2023年报.txt", r1.text.encode("utf-8")), ("2024年报.txt", r2.text.encode("utf-8"))])
    body = r.get_data(as_text=True)
    assert r.status_code == 200
    assert "RL601" in body  # the later year's 上年结转 against the earlier's 结转下年度
    assert re.search(rf'<a class="go" href="#f2-h\d+">第 {line} 行', body)  # on the later report's row
    # the same pair without the slip: nothing across years
    good1, good2, _, _ = synth.year_pair(random.Random(7), first_year=2023, style="value")
    r = post(app, [("2023年报.txt", good1.text.encode("utf-8")), ("2024年报.txt", good2.text.encode("utf-8"))])
    assert "RL6" not in r.get_data(as_text=True)
