"""`report-lint extract`: the JSON/CSV contract, encodings, batches and bad input."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from report_lint.cli import app

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "fixtures" / "seeds"
S001 = SEEDS / "001_f1295613e25d1688.txt"
S002 = SEEDS / "002_c83ecb007f44919e.txt"
S003 = SEEDS / "003_d2c3a1f8ae3b501d.txt"

runner = CliRunner()


def run(*args: str, stdin: bytes | None = None):
    return runner.invoke(app, list(args), input=stdin)


def test_json_contract_one_object_per_file_in_input_order():
    r = run("extract", str(S002), str(S003), str(S001), "--format", "json")
    assert r.exit_code == 0, r.output
    data = json.loads(r.stdout)
    assert [Path(d["path"]).name for d in data] == [S002.name, S003.name, S001.name]
    d = data[0]
    assert set(d) >= {"path", "format", "report_year", "tables"}
    assert d["format"] == "2021" and d["report_year"] == 2024
    assert set(d["tables"]) == {"active", "requests", "reviews"}
    assert d["tables"]["requests"]["new"] == [47, 1, 0, 0, 0, 0, 48]
    assert d["tables"]["reviews"]["litigation_direct"] == {"upheld": 0, "corrected": 0, "other": 1, "pending": 0, "total": 1}
    assert d["tables"]["active"]["licensing"] == {"decisions": 3711}
    # 003's tables did not survive copying: null, not invented
    assert data[1]["tables"] == {"active": None, "requests": None, "reviews": None}
    assert data[1]["table_status"] == {"active": "missing", "requests": "missing", "reviews": "missing"}


def test_csv_one_line_per_cell_with_positions():
    r = run("extract", str(S002), "--format", "csv")
    assert r.exit_code == 0, r.output
    rows = list(csv.reader(io.StringIO(r.stdout)))
    assert rows[0] == ["path", "table", "row", "column", "value", "line", "col"]
    body = rows[1:]
    assert len(body) == 10 + 23 * 7 + 15  # every cell once: active 10, requests 23 rows x 7, reviews 15
    new_total = next(x for x in body if x[1:4] == ["requests", "new", "total"])
    assert new_total[4:] == ["48", "71", "1"]
    lic = next(x for x in body if x[1:4] == ["active", "licensing", "decisions"])
    assert lic[4:] == ["3711", "30", "1"]
    keys = {(x[1], x[2], x[3]) for x in body}
    assert len(keys) == len(body)


def test_directory_is_searched_recursively_in_sorted_order(tmp_path):
    (tmp_path / "b").mkdir()
    shutil.copy(S002, tmp_path / "b" / "z.txt")
    shutil.copy(S001, tmp_path / "a.txt")
    (tmp_path / "scan.png").write_bytes(b"\x89PNG\r\n\x1a\n")  # not a report file: not picked up
    r = run("extract", str(tmp_path))
    assert r.exit_code == 0, r.output
    assert [Path(d["path"]).name for d in json.loads(r.stdout)] == ["a.txt", "z.txt"]


@pytest.mark.parametrize("encoding", ["utf-8-sig", "gb18030", "utf-16", "utf-16-le"])
def test_encodings_and_crlf(tmp_path, encoding):
    text = S002.read_text(encoding="utf-8").replace("\n", "\r\n")
    p = tmp_path / "r.txt"
    p.write_bytes(text.encode(encoding))
    r = run("extract", str(p), "--format", "csv")
    assert r.exit_code == 0, r.output
    rows = list(csv.reader(io.StringIO(r.stdout)))
    assert ["requests", "new", "total", "48", "71", "1"] == next(x[1:] for x in rows if x[1:4] == ["requests", "new", "total"])


def test_stdin_with_filename():
    r = run("extract", "-", "--stdin-filename", "年报.txt", stdin=S002.read_bytes())
    assert r.exit_code == 0, r.output
    d = json.loads(r.stdout)[0]
    assert d["path"] == "年报.txt"
    assert d["tables"]["requests"]["total"] == [46, 1, 0, 0, 0, 0, 47]


@pytest.mark.parametrize(
    "content,code",
    [(b"", "empty"), (b"   \n\n", "empty"), (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "damaged"), (b"\x00\x01\x02\x03" * 100, "binary")],
)
def test_bad_input_is_a_clear_message_and_exit_2(tmp_path, content, code):
    p = tmp_path / "bad.txt"
    p.write_bytes(content)
    r = run("extract", str(p), str(S002))
    assert r.exit_code == 2
    assert "Traceback" not in r.output
    assert f"[{code}]" in r.stderr and "bad.txt" in r.stderr
    data = json.loads(r.stdout)
    assert data[0]["error"] == code and data[0]["tables"] is None
    assert data[1]["tables"]["requests"] is not None  # the batch goes on


def test_missing_file_and_unknown_option():
    r = run("extract", "no/such/file.txt")
    assert r.exit_code == 2 and "[not-found]" in r.stderr and "Traceback" not in r.output
    r = run("extract", str(S002), "--no-such-option")
    assert r.exit_code == 2


def test_english_messages():
    r = run("extract", "no/such/file.txt", "--lang", "en")
    assert "error" in r.stderr and "[not-found]" in r.stderr


def test_input_files_are_never_modified(tmp_path):
    p = tmp_path / "r.txt"
    p.write_bytes(S002.read_text(encoding="utf-8").encode("gb18030"))
    before = hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns
    run("extract", str(p))
    run("extract", str(p), "--format", "csv")
    assert (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns) == before


def test_console_script_end_to_end():
    """The installed entry point, as a user runs it (python -m as a fallback)."""
    exe = shutil.which("report-lint")
    cmd = [exe] if exe else [sys.executable, "-m", "report_lint"]
    out = subprocess.run(cmd + ["extract", str(S001)], capture_output=True, timeout=60)
    assert out.returncode == 0, out.stderr.decode()
    assert json.loads(out.stdout)[0]["tables"]["active"]["fees"] == {"amount": 19}
