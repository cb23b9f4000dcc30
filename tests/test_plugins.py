"""Third-party rules arrive through the ``report_lint.rules`` entry point group."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from importlib import metadata

from report_lint.plugins import _parse, entry_points

PLUGIN = textwrap.dedent('''
    from report_lint.findings import Finding, Message, Severity
    from report_lint.rules import Rule

    class NoGambling(Rule):
        """What it does: a plug-in rule for the test."""
        code = "RL901"
        name = "plugin-no-gambling"
        severity = Severity.WARNING
        summary = Message("插件规则", "a plug-in rule")

        def check(self, report, ctx):
            i = report.source.text.find("博彩")
            if i >= 0:
                yield Finding(self.code, Message("发现博彩", "gambling"), None)
''')


def test_same_answer_as_importlib_metadata():
    for group in ("console_scripts", "report_lint.rules", "pytest11"):
        ours = sorted((e.name, e.value) for e in entry_points(group))
        std = sorted((e.name, e.value) for e in metadata.entry_points(group=group))
        assert ours == std, group
    assert ("builtin", "report_lint.rules.builtin:RULES") in [(e.name, e.value) for e in entry_points("report_lint.rules")]


def test_parse_sections_and_comments():
    text = "[console_scripts]\nx = a:b\n\n[report_lint.rules]\n# note\nmine = pkg.mod:RULES [extra]\n[other]\ny = c:d\n"
    got = _parse(text, "report_lint.rules", "d")
    assert [(e.name, e.value) for e in got] == [("mine", "pkg.mod:RULES [extra]")]


def test_plugin_rule_is_discovered_and_runs(tmp_path):
    (tmp_path / "rl_plugin_pkg").mkdir()
    (tmp_path / "rl_plugin_pkg" / "__init__.py").write_text(PLUGIN, encoding="utf-8")
    info = tmp_path / "rl_plugin_pkg-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: rl-plugin-pkg\nVersion: 1.0\n", encoding="utf-8")
    (info / "entry_points.txt").write_text("[report_lint.rules]\nmine = rl_plugin_pkg:NoGambling\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(tmp_path)}
    out = subprocess.run([sys.executable, "-m", "report_lint", "rules", "--format", "json"], env=env,
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert "RL901" in [r["code"] for r in json.loads(out.stdout)]
    report = tmp_path / "r.txt"
    report.write_text("某局2024年政府信息公开工作年度报告\n一、总体情况\n博彩网站链接。\n", encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "report_lint", "check", str(report), "--select", "RL901", "-f", "json"],
                         env=env, capture_output=True, text=True, timeout=120)
    assert [d["code"] for d in json.loads(out.stdout)["diagnostics"]] == ["RL901"]
