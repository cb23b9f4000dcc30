"""--fix, --diff, --show-fixes, --unsafe-fixes: safe fixes only, written atomically in the file's
own encoding and line ends, idempotent, numbers never touched, other formats never rewritten."""

from __future__ import annotations

import codecs
import os
import random
import stat
import subprocess
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from report_lint import source
from report_lint.config import Config
from report_lint.engine import Engine
from report_lint.fixes import FixStep
from tests.test_hostile import digest, rl
from tests.test_tables_layouts import wrap

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "fixtures" / "examples" / "年报示例.txt"

SLIPS = wrap().replace("我局认真落实条例。", "我局进一步规范审核审核发布机制，打造统一的的网站界面。") + "某某局\n2025年01月09日\n"
FIXED = wrap().replace("我局认真落实条例。", "我局进一步规范审核发布机制，打造统一的网站界面。") + "某某局\n2025年1月9日\n"
ENCODINGS = [("utf-8", b""), ("utf-8", codecs.BOM_UTF8), ("gb18030", b""), ("utf-16-le", codecs.BOM_UTF16_LE),
             ("utf-16-be", codecs.BOM_UTF16_BE)]


def encode(text: str, encoding: str, bom: bytes, newline: str = "\n") -> bytes:
    return bom + text.replace("\n", newline).encode(encoding)


@pytest.mark.parametrize("encoding,bom", ENCODINGS)
@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_fix_keeps_encoding_and_line_ends_and_is_idempotent(tmp_path, encoding, bom, newline):
    p = tmp_path / "年报.txt"
    p.write_bytes(encode(SLIPS, encoding, bom, newline))
    os.chmod(p, 0o640)
    code, out, err = rl("check", p, "--fix", "--show-fixes")
    text = out.decode()
    assert code == 0, err
    assert p.read_bytes() == encode(FIXED, encoding, bom, newline)
    assert stat.S_IMODE(p.stat().st_mode) == 0o640
    assert "已自动修复 3 个问题" in text and "2 × RL510 (repeated-word)" in text and "1 × RL403 (date-style)" in text
    before = digest(p)
    code, out, _ = rl("check", p, "--fix")
    assert digest(p) == before and "已自动修复" not in out.decode()
    code, out, err = rl("check", p, "--diff")
    assert code == 0 and out == b"" and "没有可以自动修复的问题" in err
    assert not [f for f in os.listdir(tmp_path) if f.endswith(".tmp")]


def test_diff_writes_nothing_and_exits_1(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text(SLIPS, encoding="utf-8")
    before = digest(p)
    code, out, err = rl("check", p, "--diff")
    assert code == 1 and digest(p) == before
    diff = out.decode()
    assert diff.startswith(f"--- a/{p}\n+++ b/{p}\n")
    assert "-2025年01月09日\n+2025年1月9日\n" in diff and "规范审核审核发布" in diff
    assert "可自动修复 3 个问题" in err
    # --diff wins over --fix, as in ruff
    assert rl("check", p, "--diff", "--fix")[0] == 1 and digest(p) == before


def test_fixable_findings_are_marked_and_counted(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text(SLIPS, encoding="utf-8")
    code, out, _ = rl("check", p, "--select", "RL403,RL510")
    text = out.decode()
    assert text.count(" [*] ") == 3 and "[*] 其中 3 个可用 --fix 自动修复" in text


def test_numbers_are_never_fixed(tmp_path):
    p = tmp_path / "例.txt"
    p.write_bytes(EXAMPLE.read_bytes())
    code, out, _ = rl("check", p, "--fix")
    assert code == 1 and p.read_bytes() == EXAMPLE.read_bytes()  # three arithmetic errors, nothing to fix
    assert "已自动修复" not in out.decode()


def test_unsafe_fixes_only_when_asked(tmp_path):
    text = wrap().replace("我局认真落实条例。", "我局认真落实条例。\n扫一扫在手机打开当前页")
    p = tmp_path / "a.txt"
    p.write_text(text, encoding="utf-8")
    code, out, _ = rl("check", p, "--fix")
    assert p.read_text(encoding="utf-8") == text
    assert "--unsafe-fixes" in out.decode()
    code, out, _ = rl("check", p, "--fix", "--unsafe-fixes")
    assert p.read_text(encoding="utf-8") == text.replace("扫一扫在手机打开当前页", "")
    p.write_text(text, encoding="utf-8")
    (tmp_path / "report-lint.toml").write_text("unsafe-fixes = true\n", encoding="utf-8")
    rl("check", "a.txt", "--fix", cwd=tmp_path)
    assert p.read_text(encoding="utf-8") == text.replace("扫一扫在手机打开当前页", "")


def test_short_year_is_an_unsafe_fix(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text(wrap() + "某某局\n25年1月9日\n", encoding="utf-8")
    rl("check", p, "--fix")
    assert p.read_text(encoding="utf-8").endswith("25年1月9日\n") and not p.read_text(encoding="utf-8").endswith("2025年1月9日\n")
    rl("check", p, "--fix", "--unsafe-fixes")
    assert p.read_text(encoding="utf-8").endswith("\n2025年1月9日\n")


def test_chinese_numeral_signature_fixed(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text(wrap() + "某某局\n二〇二五年一月九日\n", encoding="utf-8")
    rl("check", p, "--fix")
    assert p.read_text(encoding="utf-8").endswith("某某局\n2025年1月9日\n")


def test_traditional_text_keeps_its_characters(tmp_path):
    trad = wrap().replace("我局认真落实条例。", "我局進一步規範審核審核發布機制。") + "某某局\n2025年01月09日\n"
    p = tmp_path / "a.txt"
    p.write_text(trad, encoding="utf-8")
    rl("check", p, "--fix")
    assert p.read_text(encoding="utf-8") == trad.replace("審核審核", "審核").replace("2025年01月09日", "2025年1月9日")


def test_an_edit_that_does_not_map_one_to_one_is_not_offered():
    # An entity inside the date: the finding stays, without a fix.
    text = wrap() + "某某局\n2025年01&nbsp;月09日\n"
    diags = Engine(Config()).check_source(source.from_text(text, "a.txt")).diagnostics
    rl403 = [d for d in diags if d.code == "RL403"]
    assert rl403 and rl403[0].fix is None


def test_symlink_and_folder(tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    real = folder / "a.txt"
    real.write_text(SLIPS, encoding="utf-8")
    link = folder / "b.txt"
    link.symlink_to(real)
    code, _, err = rl("check", folder, "--fix")
    assert code == 0, err
    assert link.is_symlink() and real.read_text(encoding="utf-8") == FIXED


def test_stdin_is_fixed_to_stdout_only_alone(tmp_path):
    out = subprocess.run([__import__("sys").executable, "-m", "report_lint", "check", "-", "--fix"],
                         input=encode(SLIPS, "gb18030", b""), capture_output=True, cwd=ROOT,
                         env={**os.environ, "REPORT_LINT_NO_CACHE": "1"}, timeout=120)
    assert out.returncode == 0 and out.stdout == encode(FIXED, "gb18030", b"")
    assert "已自动修复 3 个问题" in out.stderr.decode()
    p = tmp_path / "a.txt"
    p.write_text(SLIPS, encoding="utf-8")
    code, _, err = rl("check", "-", p, "--fix", stdin=subprocess.PIPE)
    assert code == 2 and "标准输入" in err and p.read_text(encoding="utf-8") == SLIPS
    # nothing to fix: the text comes back as it was
    clean = encode(FIXED, "utf-8", b"")
    out = subprocess.run([__import__("sys").executable, "-m", "report_lint", "check", "-", "--fix"], input=clean,
                         capture_output=True, cwd=ROOT, env={**os.environ, "REPORT_LINT_NO_CACHE": "1"}, timeout=120)
    assert out.returncode == 0 and out.stdout == clean


def test_pages_are_described_never_rewritten(tmp_path):
    page = ("<html><head><meta charset=\"utf-8\"></head><body><div class=\"TRS_Editor\">"
            + "".join(f"<p>{line}</p>" for line in SLIPS.splitlines()) + "</div></body></html>")
    p = tmp_path / "a.html"
    p.write_text(page, encoding="utf-8")
    before = digest(p)
    code, out, err = rl("check", p, "--diff")
    diff = out.decode()
    assert code == 1 and digest(p) == before
    assert "未改写" in diff and "“2025年01月09日” → “2025年1月9日”" in diff and "删去“审核”" in diff
    assert "段" in diff  # the place in words
    code, out, err = rl("check", p, "--fix")
    assert digest(p) == before and "不会被改写" in err


# ------------------------------------------------------------------- property: idempotent

_SENTENCES = ["规范审核发布机制", "打造统一的网站界面", "统筹使用资金", "加强工作指导", "认认真真做好工作",
              "一件一件抓落实", "研究研究新情况", "常常听取意见"]


def _doubled(s: str, rng: random.Random) -> str:
    for word in ("审核", "的", "资金", "工作"):
        if word in s and rng.random() < 0.5:
            return s.replace(word, word * 2, 1)
    return s


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(0, 10_000), enc=st.sampled_from(ENCODINGS), newline=st.sampled_from(["\n", "\r\n"]),
       date=st.sampled_from(["2025年01月09日", "二〇二五年一月九日", "2025-01-09", "2025.1.9", "2025年1月9日"]))
def test_fix_is_idempotent_and_touches_only_what_it_fixes(tmp_path, seed, enc, newline, date):
    rng = random.Random(seed)
    body = "，".join(_doubled(rng.choice(_SENTENCES), rng) for _ in range(rng.randint(1, 6))) + "。"
    text = wrap().replace("我局认真落实条例。", body) + f"某某局\n{date}\n"
    p = tmp_path / f"r{seed}.txt"
    p.write_bytes(encode(text, enc[0], enc[1], newline))
    engine = Engine(Config())
    step = FixStep(engine, "fix", lambda r: r)

    def run():
        return step(engine.check_source(source.from_bytes(p.read_bytes(), str(p))))

    first = run()
    once = p.read_bytes()
    second = run()
    assert p.read_bytes() == once  # a second --fix changes nothing
    assert second.fixed is None or not second.fixed.fixed
    assert not [d for d in second.diagnostics if d.fix is not None and d.fix.available]
    fixed_text, _ = source.decode(once)
    assert once.startswith(enc[1]) and fixed_text.count("\r\n") == (fixed_text.count("\n") if newline == "\r\n" else 0)
    expected = wrap().replace("我局认真落实条例。", body.replace("审核审核", "审核").replace("的的", "的")
                              .replace("资金资金", "资金").replace("工作工作", "工作")) + "某某局\n2025年1月9日\n"
    assert fixed_text == expected.replace("\n", newline)
    assert first.fixed is None or first.fixed.written or not first.fixed.fixed


def test_opt_in_punctuation_fix(tmp_path):
    text = wrap().replace("我局认真落实条例。", "一是加强组织领导, 二是完善制度(试行)。")
    p = tmp_path / "a.txt"
    p.write_text(text, encoding="gb18030")
    rl("check", p, "--fix")
    assert p.read_text(encoding="gb18030") == text  # RL511 is not selected: nothing to fix
    rl("check", p, "--fix", "--extend-select", "RL511")
    assert p.read_text(encoding="gb18030") == text.replace("领导, 二是完善制度(试行)", "领导，二是完善制度（试行）")
