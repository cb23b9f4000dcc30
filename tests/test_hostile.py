"""report-lint under hostile use: nothing lost, nothing leaked, never a traceback, a cache that
cannot lie. Each test runs the real command (`python -m report_lint`, the console script's entry)
the way a careless user, a hostile repository or a broken machine would.

(Growth in time and memory with the input is in test_hostile_linear.py.)
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import signal
import subprocess
import sys
import time
import xml.dom.minidom
from pathlib import Path

import pytest

from tests.test_cli_check import BROKEN, CLEAN

ROOT = Path(__file__).resolve().parent.parent
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
FORMATS = ("text", "json", "sarif", "github", "junit", "gitlab", "html")


def rl(*args, cwd=None, env=None, stdin=subprocess.DEVNULL, timeout=120, no_cache=True):
    """Run the command; never a traceback, always an exit code of 0, 1 or 2."""
    e = {**os.environ, **(env or {})}
    e.pop("FORCE_COLOR", None)
    if no_cache:
        e["REPORT_LINT_NO_CACHE"] = "1"
    out = subprocess.run([sys.executable, "-m", "report_lint", *map(os.fsdecode, args)], capture_output=True,
                         cwd=cwd or ROOT, env=e, stdin=stdin, timeout=timeout)
    err = out.stderr.decode("utf-8", "replace")
    assert "Traceback" not in err and "Error:" not in err.replace("错误", ""), err
    assert out.returncode in (0, 1, 2), (out.returncode, err)
    return out.returncode, out.stdout, err


def digest(p: Path) -> str:
    return hashlib.sha256(p.read_bytes()).hexdigest()


@pytest.fixture
def report(tmp_path):
    p = tmp_path / "年报.txt"
    p.write_text(BROKEN, encoding="utf-8")
    return p


# ------------------------------------------------------------------------------ nothing lost


@pytest.mark.parametrize("option", [["check", "--output"], ["check", "--write-baseline"], ["extract", "--output"]])
def test_an_output_onto_an_input_is_refused_and_the_input_kept(report, tmp_path, option):
    before = digest(report)
    link = tmp_path / "link.txt"
    link.symlink_to(report)
    hard = tmp_path / "hard.txt"
    os.link(report, hard)
    command, flag = option
    for target in (report, link, hard, tmp_path / "." / report.name):
        code, out, err = rl(command, report, flag, target)
        assert code == 2 and ("覆盖" in err or "overwrite" in err), err
        assert digest(report) == before
    # an input found in a folder is an input too
    code, _, err = rl(command, tmp_path, flag, report)
    assert code == 2 and digest(report) == before


def test_the_output_is_refused_before_anything_is_written(report, tmp_path):
    out = tmp_path / "out.txt"
    out.write_text("old result", encoding="utf-8")
    code, _, _ = rl("check", report, "--output", out, "--write-baseline", out)
    assert code == 2 and out.read_text(encoding="utf-8") == "old result"
    code, _, _ = rl("check", report, "--config", out, "--output", out)
    assert code == 2 and out.read_text(encoding="utf-8") == "old result"


def test_output_is_written_whole_or_not_at_all(report, tmp_path):
    out = tmp_path / "result.json"
    out.write_text("previous", encoding="utf-8")
    # an input failure still writes the (complete) result; a usage failure writes nothing
    code, _, _ = rl("check", report, "--select", "NOPE1", "--output", out)
    assert code == 2 and out.read_text(encoding="utf-8") == "previous"
    code, _, _ = rl("check", report, "--format", "json", "--output", out)
    assert code == 1 and json.loads(out.read_text(encoding="utf-8"))["summary"]["errors"] >= 1
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_a_folder_never_checks_report_lints_own_outputs(tmp_path):
    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / "a.txt").write_text(BROKEN, encoding="utf-8")
    (reports / "b.txt").write_text(CLEAN, encoding="utf-8")
    first = rl("check", reports, "--output", reports / "结果.txt")
    assert first[0] == 1
    for fmt in FORMATS:  # an earlier run's results of every format, named as reports
        rl("check", reports / "a.txt", "--format", fmt, "--output", reports / f"old-{fmt}.md")
    rl("extract", reports / "a.txt", "--format", "csv", "--output", reports / "cells.txt")
    rl("extract", reports / "a.txt", "--output", reports / "cells.md")
    alone = len(json.loads(rl("check", reports / "a.txt", "--format", "json")[1])["diagnostics"])
    code, out, _ = rl("check", reports, "--format", "json")
    assert code == 1 and alone >= 1
    assert sorted(Path(d["path"]).name for d in json.loads(out)["diagnostics"]) == ["a.txt"] * alone
    assert json.loads(out)["summary"]["files"] == 2
    again = rl("check", reports, "--output", reports / "结果.txt")
    assert again[0] == 1 and (reports / "结果.txt").read_text(encoding="utf-8") == (reports / "结果.txt").read_text(encoding="utf-8")
    assert (reports / "结果.txt").read_text(encoding="utf-8").count(": RL") == alone


def test_sigterm_during_a_batch_leaves_no_worker_and_no_output(tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(600):
        (folder / f"{i:04}.txt").write_text(BROKEN if i % 7 else CLEAN, encoding="utf-8")
    out = tmp_path / "out.json"
    out.write_text("previous", encoding="utf-8")
    env = {**os.environ, "REPORT_LINT_NO_CACHE": "1"}
    proc = subprocess.Popen([sys.executable, "-m", "report_lint", "check", str(folder), "--jobs", "2",
                             "--format", "sarif", "--output", str(out)], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    children = _wait_for_children(proc.pid, 2)
    assert children, "the batch did not start its workers"
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == 128 + 15 and b"Traceback" not in err
    assert _gone(children), "a worker outlived report-lint"
    assert out.read_text(encoding="utf-8") == "previous"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_workers_end_when_report_lint_is_killed(tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(600):
        (folder / f"{i:04}.txt").write_text(BROKEN, encoding="utf-8")
    env = {**os.environ, "REPORT_LINT_NO_CACHE": "1"}
    proc = subprocess.Popen([sys.executable, "-m", "report_lint", "check", str(folder), "--jobs", "2"],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    children = _wait_for_children(proc.pid, 2)
    assert children
    proc.kill()
    proc.wait(timeout=10)
    assert _gone(children), "a worker outlived a killed report-lint"


def _children(pid: int) -> list[int]:
    out = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            out += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            pass
    return out


def _wait_for_children(pid: int, n: int, timeout: float = 30) -> list[int]:
    if not Path(f"/proc/{pid}/task").exists():
        pytest.skip("needs Linux /proc")
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        kids = _children(pid)
        if len(kids) >= n:
            time.sleep(0.2)  # let them start checking
            return _children(pid)
        time.sleep(0.02)
    return []


def _gone(pids: list[int], timeout: float = 10) -> bool:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        alive = []
        for p in pids:
            try:
                state = Path(f"/proc/{p}/stat").read_text().split(")")[-1].split()[0]
                if state != "Z":
                    alive.append(p)
            except OSError:
                pass
        if not alive:
            return True
        time.sleep(0.05)
    return False


KILLER = r"""
import os, signal, sys
from report_lint import engine
from report_lint.commands import CheckOptions, run_check
victim, marker, parent = sys.argv[1], sys.argv[2], os.getpid()
original = engine.Engine.check_input
def check_input(self, item, *a, **k):
    # a worker dies while checking the victim (once, or every time when marker is "always")
    if os.getpid() != parent and item.path.endswith(victim) and (marker == "always" or not os.path.exists(marker)):
        if marker != "always":
            open(marker, "w").close()
        os.kill(os.getpid(), signal.SIGKILL)
    return original(self, item, *a, **k)
engine.Engine.check_input = check_input
sys.exit(run_check(CheckOptions(paths=[sys.argv[3]], fmt="json", jobs=2)))
"""


@pytest.mark.parametrize("always", [False, True])
def test_a_worker_killed_mid_batch(tmp_path, always):
    folder = tmp_path / "batch"
    folder.mkdir()
    for i in range(60):
        (folder / f"{i:03}.txt").write_text(BROKEN, encoding="utf-8")
    marker = "always" if always else str(tmp_path / "killed-once")
    out = subprocess.run([sys.executable, "-c", KILLER, "017.txt", marker, str(folder)], capture_output=True,
                         cwd=ROOT, env={**os.environ, "REPORT_LINT_NO_CACHE": "1"}, timeout=120)
    assert b"Traceback" not in out.stderr, out.stderr.decode()
    doc = json.loads(out.stdout)
    paths = {Path(d["path"]).name for d in doc["diagnostics"]}
    assert len(paths) == 60 and doc["summary"]["files"] == 60  # the batch completed
    victim = [d for d in doc["diagnostics"] if d["path"].endswith("017.txt")]
    if always:  # reported, and the batch fails as for an unreadable file
        assert [d["code"] for d in victim] == ["RL001"] and out.returncode == 2
    else:  # killed once: checked again, alone, and its findings are there
        assert sorted(d["code"] for d in victim) == sorted(d["code"] for d in doc["diagnostics"]
                                                           if d["path"].endswith("016.txt"))
        assert out.returncode == 1


# ----------------------------------------------------------------------------- nothing leaked


SECRET = "root:$6$SECRET-HASH-DO-NOT-LEAK:19000:0:99999:7:::"


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_symlink_out_of_the_folder_is_never_read(tmp_path, fmt):
    outside = tmp_path / "etc"
    outside.mkdir()
    (outside / "shadow").write_text(SECRET + "\n一、总体情况\n", encoding="utf-8")
    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / "a.txt").write_text(BROKEN, encoding="utf-8")
    (reports / "s.txt").symlink_to(outside / "shadow")
    (reports / "sub").symlink_to(outside, target_is_directory=True)
    (reports / "loop").symlink_to(reports, target_is_directory=True)
    (reports / "dangling.txt").symlink_to(tmp_path / "nowhere")
    code, out, err = rl("check", reports, "--format", fmt)
    text = out.decode("utf-8")
    assert "SECRET" not in text and "SECRET" not in err
    assert "s.txt" in text and "RL004" in text  # said, not silent
    assert code == 1


def test_a_file_named_explicitly_is_read_as_asked(tmp_path):
    target = tmp_path / "elsewhere.txt"
    target.write_text(BROKEN, encoding="utf-8")
    link = tmp_path / "reports" / "link.txt"
    link.parent.mkdir()
    link.symlink_to(target)
    code, out, _ = rl("check", link)
    assert code == 1 and b"RL102" in out


def test_pipes_and_devices(tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "a.txt").write_text(CLEAN, encoding="utf-8")
    os.mkfifo(folder / "pipe.txt")
    code, out, _ = rl("check", folder, timeout=30)  # a FIFO in a folder would block for ever
    assert code == 0 and b"pipe.txt" in out and b"RL004" in out
    code, out, _ = rl("check", folder / "pipe.txt", timeout=30)
    assert code == 2 and b"RL001" in out
    code, out, _ = rl("check", "/dev/zero", timeout=30)
    assert code == 2
    # standard input named as a path is standard input
    p = subprocess.run([sys.executable, "-m", "report_lint", "check", "/dev/stdin", "--format", "json"],
                       input=BROKEN.encode(), capture_output=True, cwd=ROOT, timeout=60,
                       env={**os.environ, "REPORT_LINT_NO_CACHE": "1"})
    assert p.returncode == 1 and b"RL102" in p.stdout


def test_an_unreadable_subfolder_is_an_input_failure(tmp_path, monkeypatch):
    from report_lint.discover import expand

    folder = tmp_path / "reports"
    (folder / "locked").mkdir(parents=True)
    (folder / "a.txt").write_text(CLEAN, encoding="utf-8")
    real = os.scandir

    def scandir(path="."):
        if os.fspath(path).endswith("locked"):
            raise PermissionError(13, "Permission denied")
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    items = expand([str(folder)])
    failures = [i for i in items if i.failure is not None]
    assert [Path(i.path).name for i in failures] == ["locked"] and "Permission denied" in failures[0].failure.en


@pytest.mark.skipif(IS_ROOT, reason="permissions do not stop root")
def test_an_unreadable_subfolder_exits_2(tmp_path):
    folder = tmp_path / "reports"
    (folder / "locked").mkdir(parents=True)
    (folder / "a.txt").write_text(CLEAN, encoding="utf-8")
    os.chmod(folder / "locked", 0)
    try:
        code, out, _ = rl("check", folder)
        assert code == 2 and b"locked" in out
    finally:
        os.chmod(folder / "locked", 0o755)


def test_a_very_deep_folder_tree(tmp_path):
    deep = tmp_path / "d"
    deep.mkdir()
    depth = 1500  # deeper than Python's recursion limit; still under PATH_MAX
    path = str(deep)
    for _ in range(depth):  # os.makedirs itself recurses
        path = os.path.join(path, "a")
        os.mkdir(path)
    leaf = os.path.join(deep, *(["a"] * depth), "r.txt")
    with open(leaf, "w", encoding="utf-8") as f:
        f.write(BROKEN)
    try:
        code, out, _ = rl("check", deep, "--format", "json")
        assert code == 1 and len(json.loads(out)["diagnostics"]) >= 1
    finally:  # pytest's own clean-up (shutil.rmtree) recurses: take the tree down first
        os.unlink(leaf)
        while path != str(deep):
            os.rmdir(path)
            path = os.path.dirname(path)


@pytest.mark.parametrize("home", ["/", "missing"])
def test_the_cache_never_goes_to_the_root_or_makes_a_home(tmp_path, report, home):
    home = "/" if home == "/" else str(tmp_path / "no-such-home")
    before = os.path.exists("/.cache")
    env = {"HOME": home, "PYTHONDONTWRITEBYTECODE": "1"}
    env_clean = {k: v for k, v in os.environ.items() if k != "XDG_CACHE_HOME"}
    out = subprocess.run([sys.executable, "-m", "report_lint", str(report)], capture_output=True, cwd=ROOT,
                         env={**env_clean, **env}, timeout=120)
    assert out.returncode == 1 and b"Traceback" not in out.stderr
    assert os.path.exists("/.cache") == before
    assert not os.path.exists(tmp_path / "no-such-home")
    # a $XDG_CACHE_HOME that does not exist is not created either
    xdg = tmp_path / "xdg"
    out = subprocess.run([sys.executable, "-m", "report_lint", str(report)], capture_output=True, cwd=ROOT,
                         env={**os.environ, "XDG_CACHE_HOME": str(xdg)}, timeout=120)
    assert out.returncode == 1 and not xdg.exists()


# ------------------------------------------------------------------------- never a traceback


def test_unknown_or_malformed_rule_codes_are_usage_errors(report, tmp_path):
    for args in (["--select", "RL99"], ["--ignore", "RL10!"], ["--extend-select", "XX"], ["--select", "rl1o1"],
                 ["--select", ""], ["--ignore", "RL1,,RL2,RL9"]):
        code, _, err = rl("check", report, *args)
        assert code == 2 and err, args
    code, _, err = rl("check", report, "--select", "RL11")
    assert code == 2 and "RL1" in err  # with a suggestion
    cfg = tmp_path / "report-lint.toml"
    cfg.write_text('select = ["RL1O1"]\n', encoding="utf-8")
    code, _, err = rl("check", report, "--config", cfg)
    assert code == 2 and "RL1O1" in err


def test_outputs_that_cannot_be_written(report, tmp_path):
    assert rl("check", report, "--output", tmp_path)[0] == 2  # a folder
    assert rl("check", report, "--output", tmp_path / "no" / "such" / "x.txt")[0] == 2
    assert rl("extract", report, "--output", tmp_path / "no" / "x.json")[0] == 2
    if os.path.exists("/dev/full"):  # a full disk
        code, _, err = rl("check", report, "--output", "/dev/full")
        assert code == 2 and err
        code, _, err = rl("extract", report, "--output", "/dev/full")
        assert code == 2 and err
    assert rl("check", report, "--output", "/dev/null")[0] == 1  # a device is written, not replaced
    assert os.path.exists("/dev/null") and not os.path.isfile("/dev/null")


@pytest.mark.skipif(IS_ROOT, reason="permissions do not stop root")
def test_a_read_only_folder(report, tmp_path):
    ro = tmp_path / "ro"
    ro.mkdir()
    os.chmod(ro, 0o555)
    try:
        code, _, err = rl("check", report, "--output", ro / "out.txt")
        assert code == 2 and err
    finally:
        os.chmod(ro, 0o755)


def test_closed_and_broken_streams(report):
    env = {**os.environ, "REPORT_LINT_NO_CACHE": "1"}
    cmd = [sys.executable, "-m", "report_lint"]
    for shell, want in ((f"{cmd[0]} -m report_lint '{report}' >&-", 2),
                        (f"{cmd[0]} -m report_lint - <&-", 2),
                        (f"{cmd[0]} -m report_lint extract '{report}' >&-", 2),
                        (f"{cmd[0]} -m report_lint '{report}' '{report.parent}' --format text | head -c 10", 0),
                        (f"{cmd[0]} -m report_lint extract '{report}' | head -c 10", 0)):
        p = subprocess.run(["sh", "-c", shell + "; echo rc=$?" if "head" not in shell else
                            "set -o pipefail 2>/dev/null; " + shell + "; echo; echo rc=${PIPESTATUS:-$?}"],
                           capture_output=True, cwd=ROOT, env=env, timeout=60)
        assert b"Traceback" not in p.stderr and b"Exception ignored" not in p.stderr, (shell, p.stderr)
        if "head" not in shell:
            assert p.stdout.strip().endswith(f"rc={want}".encode()), (shell, p.stdout, p.stderr)


def test_a_console_that_cannot_print_chinese(report):
    code, out, _ = rl(report, env={"PYTHONIOENCODING": "ascii", "LC_ALL": "C"})
    assert code == 1 and out.isascii() and b"RL102" in out


@pytest.mark.parametrize("fmt", FORMATS)
def test_file_names_that_are_not_utf8(tmp_path, fmt):
    folder = tmp_path / "r"
    folder.mkdir()
    bad = os.path.join(os.fsencode(folder), b"\xff\xfe bad\x1b[31m\nname.txt")
    with open(bad, "w", encoding="utf-8") as f:
        f.write(BROKEN)
    out_file = tmp_path / f"out.{fmt}"
    code, _, err = rl("check", folder, "--format", fmt, "--output", out_file)
    assert code == 1
    data = out_file.read_bytes()
    text = data.decode("utf-8")  # valid UTF-8
    assert "\x1b" not in text and "xff" in text  # escaped (SARIF percent-encodes the escape)
    if fmt in ("json", "sarif", "gitlab"):
        json.loads(text)
    elif fmt == "junit":
        xml.dom.minidom.parseString(data)
    elif fmt in ("text", "github"):  # a file name cannot forge a line of output
        assert not any(line.startswith("name.txt") for line in text.splitlines())


def test_extract_names_that_are_not_utf8(tmp_path):
    bad = os.path.join(os.fsencode(tmp_path), b"\xff.txt")
    with open(bad, "w", encoding="utf-8") as f:
        f.write(CLEAN)
    for fmt in ("json", "csv"):
        code, out, _ = rl("extract", bad, "--format", fmt)
        assert code == 0 and "\\xff" in out.decode("utf-8")


def test_deeply_nested_configuration_and_baseline(report, tmp_path):
    toml = tmp_path / "deep.toml"
    toml.write_text("select = " + "[" * 50000 + "]" * 50000 + "\n", encoding="utf-8")
    assert rl("check", report, "--config", toml)[0] == 2
    baseline = tmp_path / "deep.json"
    baseline.write_text("[" * 200000 + "]" * 200000, encoding="utf-8")
    assert rl("check", report, "--baseline", baseline)[0] == 2


def test_unbounded_inputs_are_refused(report):
    for args in (["--config", "/dev/zero"], ["--baseline", "/dev/zero"], ["--baseline", "/dev/urandom"]):
        code, _, err = rl("check", report, *args, timeout=30)
        assert code == 2 and err, args


def test_huge_jobs_and_numbers(report, tmp_path):
    assert rl("check", report, "--jobs", "99999999999999999999")[0] == 1
    big = tmp_path / "big.txt"
    big.write_text(CLEAN.replace("| 一、本年新收政府信息公开申请数量 | 5 |", "| 一、本年新收政府信息公开申请数量 | " + "9" * 5000 + " |")
                   + "\n共收到申请" + "8" * 6000 + "件，占" + "7" * 5000 + ".5%。\n", encoding="utf-8")
    code, out, _ = rl("check", big, "--format", "json")
    assert code in (0, 1) and json.loads(out)["summary"]["files"] == 1
    code, out, _ = rl("extract", big)
    assert code == 0 and json.loads(out)[0]["path"].endswith("big.txt")


def test_one_file_that_trips_the_parser_never_stops_a_batch(tmp_path):
    folder = tmp_path / "batch"
    folder.mkdir()
    for i in range(20):
        (folder / f"{i:02}.txt").write_text(BROKEN, encoding="utf-8")
    script = (
        "import sys; from report_lint import report; from report_lint.commands import CheckOptions, run_check\n"
        "real = report.build_report\n"
        "def build(source):\n"
        "    if source.path.endswith('07.txt'): raise RecursionError('deep')\n"
        "    return real(source)\n"
        "report.build_report = build\n"
        "sys.exit(run_check(CheckOptions(paths=[sys.argv[1]], fmt='json', jobs=2)))\n"
    )
    out = subprocess.run([sys.executable, "-c", script, str(folder)], capture_output=True, cwd=ROOT, timeout=120,
                         env={**os.environ, "REPORT_LINT_NO_CACHE": "1"})
    assert b"Traceback" not in out.stderr
    doc = json.loads(out.stdout)
    assert doc["summary"]["files"] == 20 and out.returncode == 2
    assert [d["code"] for d in doc["diagnostics"] if d["path"].endswith("07.txt")] == ["RL000"]


# ------------------------------------------------------------------------ a cache that cannot lie


def _cache_env(tmp_path):
    cache = tmp_path / "cache"
    cache.mkdir(exist_ok=True)
    return {"XDG_CACHE_HOME": str(cache), "PYTHONDONTWRITEBYTECODE": "1"}, cache / "report-lint"


def test_every_cache_entry_is_verified_before_use(tmp_path):
    """Flip bits at many places of every file the cache holds: each damaged file reads as a
    miss (and is removed), never as a value."""
    from report_lint import resources

    env, folder = _cache_env(tmp_path)
    args = [str(ROOT / "fixtures" / "examples" / "年报示例.txt"), "--format", "json"]
    rl(*args, env=env, no_cache=False)
    rl(*args, env=env, no_cache=False)
    files = [p for p in folder.rglob("*") if p.is_file()]
    assert len(files) > 20
    rng = random.Random(11)
    for path in files:
        good = path.read_bytes()
        for pos in {0, 3, 4, 19, 20, len(good) - 1, *rng.sample(range(len(good)), min(12, len(good)))}:
            bad = bytearray(good)
            bad[pos] ^= 1 << rng.randrange(8)
            path.write_bytes(bytes(bad))
            assert resources.read_marshalled(str(path), b"") is None, (path.name, pos)
            assert not path.exists()  # discarded, to be rebuilt
        path.write_bytes(good)


def test_bit_flips_across_the_cache_never_change_the_result(tmp_path):
    env, folder = _cache_env(tmp_path)
    seeds = sorted(str(p) for p in (ROOT / "fixtures" / "seeds").glob("*.txt"))
    args = [*seeds, str(ROOT / "fixtures" / "examples" / "年报示例.txt"), "--format", "json"]
    want = rl(*args)  # no cache at all
    assert rl(*args, env=env, no_cache=False) == want
    rng = random.Random(5)
    for _ in range(4):
        for path in [p for p in folder.rglob("*") if p.is_file()]:
            data = bytearray(path.read_bytes())
            for _ in range(3):
                data[rng.randrange(len(data))] ^= 1 << rng.randrange(8)
            path.write_bytes(bytes(data))
        assert rl(*args, env=env, no_cache=False) == want  # damaged: recomputed
        assert rl(*args, env=env, no_cache=False) == want  # rebuilt


def test_a_cache_folder_of_another_user_or_open_to_all_is_not_used(tmp_path):
    env, folder = _cache_env(tmp_path)
    folder.mkdir()
    os.chmod(folder, 0o777)
    report = ROOT / "fixtures" / "examples" / "年报示例.txt"
    code, _, _ = rl(report, env=env, no_cache=False)
    assert code == 1 and list(folder.iterdir()) == []
