"""report_lint.config: discovery, every key valid and invalid, selection semantics."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from report_lint.config import (
    Config,
    ConfigError,
    KNOWN_KEYS,
    find_config,
    load_config,
    parse_config,
    unknown_codes,
)
from report_lint.findings import Severity

KNOWN = ("RL101", "RL102", "RL110", "RL201", "RL202", "RL301")


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def cfg(tmp_path: Path, text: str, **kw) -> Config:
    return load_config(write(tmp_path / "report-lint.toml", text), **kw)


def error(tmp_path: Path, text: str, name: str = "report-lint.toml", **kw) -> ConfigError:
    with pytest.raises(ConfigError) as info:
        load_config(write(tmp_path / name, text), **kw)
    return info.value


@pytest.fixture
def in_tmp(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


# --------------------------------------------------------------------------- defaults


def test_defaults():
    c = Config()
    assert c.select == () and c.extend_select == () and c.ignore == ()
    assert c.severity == {} and c.per_file_ignores == {}
    assert c.fail_on is Severity.ERROR
    assert c.lang == "zh"
    assert c.percent_tolerance == 0.0
    assert c.deadlines == {"department": (1, 31), "government": (3, 31)}
    assert c.body_kind == "auto"
    assert c.path is None and c.root is None
    assert c.is_selected("RL101") and c.is_selected("XY9")
    # the default deadlines are not shared between instances
    Config().deadlines["department"] = (2, 1)
    assert Config().deadlines["department"] == (1, 31)


def test_nothing_found_gives_defaults(in_tmp):
    assert find_config(in_tmp) is None or not str(find_config(in_tmp)).startswith(str(in_tmp))
    c = load_config(start=in_tmp / "nowhere")  # a start that does not exist is fine
    assert isinstance(c, Config)


def test_empty_file_gives_defaults_with_path(tmp_path):
    c = cfg(tmp_path, "")
    assert c.path == (tmp_path / "report-lint.toml").absolute()
    assert c.root == tmp_path.absolute()
    assert c.fail_on is Severity.ERROR and c.select == ()


# --------------------------------------------------------------------------- discovery


def test_discovery_walks_up(tmp_path):
    write(tmp_path / "report-lint.toml", 'lang = "en"\n')
    deep = tmp_path / "a" / "b" / "c"
    deep.mkdir(parents=True)
    assert find_config(deep) == tmp_path / "report-lint.toml"
    c = load_config(start=deep)
    assert c.lang == "en" and c.root == tmp_path


def test_discovery_nearest_wins(tmp_path):
    write(tmp_path / "report-lint.toml", 'lang = "en"\n')
    write(tmp_path / "a" / "report-lint.toml", 'fail-on = "warning"\n')
    (tmp_path / "a" / "b").mkdir()
    c = load_config(start=tmp_path / "a" / "b")
    assert c.fail_on is Severity.WARNING and c.lang == "zh"  # no merging with the outer file
    assert c.path == tmp_path / "a" / "report-lint.toml"


def test_discovery_from_a_file(tmp_path):
    write(tmp_path / "report-lint.toml", "")
    report = write(tmp_path / "sub" / "年报.txt", "x")
    assert find_config(report) == tmp_path / "report-lint.toml"


def test_discovery_defaults_to_cwd(in_tmp):
    write(in_tmp / "report-lint.toml", 'body-kind = "government"\n')
    assert load_config().body_kind == "government"
    assert find_config() == in_tmp / "report-lint.toml"


def test_pyproject_with_table(tmp_path):
    write(tmp_path / "pyproject.toml", '[project]\nname = "x"\n\n[tool.report-lint]\nlang = "en"\n')
    (tmp_path / "sub").mkdir()
    assert find_config(tmp_path / "sub") == tmp_path / "pyproject.toml"
    c = load_config(start=tmp_path / "sub")
    assert c.lang == "en" and c.root == tmp_path


def test_pyproject_nested_tables(tmp_path):
    write(
        tmp_path / "pyproject.toml",
        '[tool.report-lint]\nselect = ["RL1"]\n[tool.report-lint.deadlines]\ngovernment = "04-01"\n'
        '[tool.report-lint.per-file-ignores]\n"old/*.txt" = ["RL2"]\n',
    )
    c = load_config(start=tmp_path)
    assert c.select == ("RL1",) and c.deadlines["government"] == (4, 1)
    assert c.per_file_ignores == {"old/*.txt": ("RL2",)}


def test_pyproject_without_table_is_skipped(tmp_path):
    write(tmp_path / "report-lint.toml", 'lang = "en"\n')
    write(tmp_path / "proj" / "pyproject.toml", '[project]\nname = "x"\n[tool.ruff]\nline-length = 99\n')
    assert find_config(tmp_path / "proj") == tmp_path / "report-lint.toml"
    assert load_config(start=tmp_path / "proj").lang == "en"


def test_broken_pyproject_without_our_table_is_skipped(tmp_path):
    write(tmp_path / "report-lint.toml", 'lang = "en"\n')
    write(tmp_path / "proj" / "pyproject.toml", "[project\nname = \n")
    assert find_config(tmp_path / "proj") == tmp_path / "report-lint.toml"


def test_broken_pyproject_with_our_table_is_an_error(tmp_path):
    write(tmp_path / "report-lint.toml", 'lang = "en"\n')
    write(tmp_path / "proj" / "pyproject.toml", '[tool.report-lint]\nlang = "en\n')
    assert find_config(tmp_path / "proj") == tmp_path / "proj" / "pyproject.toml"
    with pytest.raises(ConfigError) as info:
        load_config(start=tmp_path / "proj")
    assert info.value.line == 2


def test_report_lint_toml_beats_pyproject_in_same_dir(tmp_path):
    write(tmp_path / "pyproject.toml", '[tool.report-lint]\nlang = "en"\n')
    write(tmp_path / "report-lint.toml", 'fail-on = "info"\n')
    assert find_config(tmp_path) == tmp_path / "report-lint.toml"
    c = load_config(start=tmp_path)
    assert c.fail_on is Severity.INFO and c.lang == "zh"


def test_nearer_pyproject_beats_farther_report_lint_toml(tmp_path):
    write(tmp_path / "report-lint.toml", 'lang = "en"\n')
    write(tmp_path / "a" / "pyproject.toml", '[tool.report-lint]\nfail-on = "warning"\n')
    assert find_config(tmp_path / "a") == tmp_path / "a" / "pyproject.toml"


def test_empty_tool_table_counts(tmp_path):
    write(tmp_path / "report-lint.toml", 'lang = "en"\n')
    write(tmp_path / "a" / "pyproject.toml", "[tool.report-lint]\n")
    assert find_config(tmp_path / "a") == tmp_path / "a" / "pyproject.toml"
    assert load_config(start=tmp_path / "a").lang == "zh"


def test_explicit_report_lint_toml(tmp_path):
    p = write(tmp_path / "conf" / "mine.toml", 'lang = "en"\nselect = ["RL2"]\n')
    write(tmp_path / "report-lint.toml", 'fail-on = "info"\n')  # not consulted
    c = load_config(p, start=tmp_path)
    assert c.lang == "en" and c.select == ("RL2",) and c.fail_on is Severity.ERROR
    assert c.path == p and c.root == tmp_path / "conf"


def test_explicit_pyproject(tmp_path):
    p = write(tmp_path / "x" / "pyproject.toml", '[tool.report-lint]\nlang = "en"\n')
    assert load_config(p).lang == "en"


def test_explicit_pyproject_without_table_is_an_error(tmp_path):
    p = write(tmp_path / "pyproject.toml", '[tool.report_lint]\nlang = "en"\n')
    with pytest.raises(ConfigError) as info:
        load_config(p)
    e = info.value
    assert "[tool.report-lint]" in e.message("zh") and "[tool.report-lint]" in e.message("en")
    assert "tool.report_lint" in e.message("en")  # suggests the misspelt table


def test_explicit_other_name_reads_top_level(tmp_path):
    # a file not named pyproject.toml is read as top-level keys, even with a tool table
    p = write(tmp_path / "settings.toml", '[tool.report-lint]\nlang = "en"\n')
    e = error(tmp_path, '[tool.report-lint]\nlang = "en"\n', name="settings.toml")
    assert "tool" in e.message("en")
    assert p.exists()


def test_explicit_missing_file(tmp_path):
    with pytest.raises(ConfigError) as info:
        load_config(tmp_path / "nope.toml")
    assert "nope.toml" in info.value.message("zh") and "不存在" in info.value.message("zh")
    assert "does not exist" in info.value.message("en")


def test_explicit_directory(tmp_path):
    with pytest.raises(ConfigError) as info:
        load_config(tmp_path)
    assert "directory" in info.value.message("en")


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs POSIX permissions, not root")
def test_explicit_unreadable(tmp_path):
    p = write(tmp_path / "report-lint.toml", "")
    p.chmod(0)
    try:
        with pytest.raises(ConfigError) as info:
            load_config(p)
        assert "cannot read" in info.value.message("en")
    finally:
        p.chmod(0o644)


def test_utf8_bom_is_accepted(tmp_path):
    p = tmp_path / "report-lint.toml"
    p.write_bytes('\ufefflang = "en"\n'.encode("utf-8"))
    assert load_config(p).lang == "en"


def test_not_utf8(tmp_path):
    p = tmp_path / "report-lint.toml"
    p.write_bytes('lang = "en"\n# 注释\n'.encode("gb18030"))
    with pytest.raises(ConfigError) as info:
        load_config(p)
    assert "UTF-8" in info.value.message("zh") and info.value.line == 2


# --------------------------------------------------------------------------- invalid TOML


def test_invalid_toml_has_line_and_column(tmp_path):
    e = error(tmp_path, 'lang = "en"\n[deadlines\n')
    assert e.line == 2 and e.column is not None
    assert "第 2 行" in e.message("zh") and "TOML" in e.message("zh")
    assert "line 2, column" in e.message("en")
    assert "report-lint.toml" in e.message("zh")


def test_invalid_toml_at_end_of_document(tmp_path):
    e = error(tmp_path, 'lang = "en"\nselect = ')
    assert e.line == 2
    assert "TOML" in e.message("en")


def test_duplicate_key_is_invalid_toml(tmp_path):
    e = error(tmp_path, 'lang = "en"\nlang = "zh"\n')
    assert "TOML" in e.message("en")


# --------------------------------------------------------------------------- keys: valid


def test_every_key_valid(tmp_path):
    c = cfg(
        tmp_path,
        """
select = ["RL1", "RL201"]
extend-select = ["RL3"]
ignore = ["RL104"]
fail-on = "warning"
lang = "en"
percent-tolerance = 0.5
body-kind = "department"

[severity]
RL201 = "warning"
RL3 = "info"

[per-file-ignores]
"drafts/**" = ["RL3"]
"*.md" = ["RL1", "RL2"]

[deadlines]
department = "02-15"
government = "04-30"
""",
    )
    assert c.select == ("RL1", "RL201")
    assert c.extend_select == ("RL3",)
    assert c.ignore == ("RL104",)
    assert c.fail_on is Severity.WARNING
    assert c.lang == "en"
    assert c.percent_tolerance == 0.5
    assert c.body_kind == "department"
    assert c.severity == {"RL201": Severity.WARNING, "RL3": Severity.INFO}
    assert c.per_file_ignores == {"drafts/**": ("RL3",), "*.md": ("RL1", "RL2")}
    assert c.deadlines == {"department": (2, 15), "government": (4, 30)}


@pytest.mark.parametrize("value,expected", [('"error"', Severity.ERROR), ('"warning"', Severity.WARNING), ('"info"', Severity.INFO), ('"Warning"', Severity.WARNING)])
def test_fail_on_values(tmp_path, value, expected):
    assert cfg(tmp_path, f"fail-on = {value}\n").fail_on is expected


@pytest.mark.parametrize("value", ["zh", "en"])
def test_lang_values(tmp_path, value):
    assert cfg(tmp_path, f'lang = "{value}"\n').lang == value


@pytest.mark.parametrize("value", ["auto", "department", "government"])
def test_body_kind_values(tmp_path, value):
    assert cfg(tmp_path, f'body-kind = "{value}"\n').body_kind == value


@pytest.mark.parametrize("value,expected", [("0", 0.0), ("1", 1.0), ("0.25", 0.25), ("2.5e-1", 0.25)])
def test_percent_tolerance_values(tmp_path, value, expected):
    c = cfg(tmp_path, f"percent-tolerance = {value}\n")
    assert c.percent_tolerance == expected and isinstance(c.percent_tolerance, float)


def test_partial_deadlines_keep_the_other_default(tmp_path):
    assert cfg(tmp_path, '[deadlines]\ngovernment = "3-1"\n').deadlines == {"department": (1, 31), "government": (3, 1)}


def test_codes_are_normalised(tmp_path):
    c = cfg(tmp_path, 'select = [" rl1 ", "RL1", "RL2"]\nignore = []\n[severity]\nrl101 = "info"\n')
    assert c.select == ("RL1", "RL2")  # upper-cased, stripped, deduplicated
    assert c.severity == {"RL101": Severity.INFO}


def test_dotted_keys_inline_tables(tmp_path):
    c = cfg(tmp_path, 'deadlines.department = "01-15"\nseverity = { RL101 = "warning" }\n')
    assert c.deadlines["department"] == (1, 15)
    assert c.severity == {"RL101": Severity.WARNING}


# --------------------------------------------------------------------------- keys: invalid


def assert_names(e: ConfigError, key: str, *zh_en: str) -> None:
    zh, en = e.message("zh"), e.message("en")
    assert "report-lint.toml" in zh and "report-lint.toml" in en
    assert key in zh and key in en, (zh, en)
    assert e.key == key
    for word in zh_en:
        assert word in zh or word in en, (word, zh, en)


@pytest.mark.parametrize(
    "text,key,words",
    [
        ('select = "RL1"\n', "select", ["数组", "array of rule codes"]),
        ("select = [1]\n", "select", ["RL101"]),
        ('select = ["RL-1"]\n', "select", ["RL-1", "not a rule code"]),
        ('select = ["101"]\n', "select", ["101"]),
        ('select = [""]\n', "select", ["not a rule code"]),
        ('extend-select = {a = 1}\n', "extend-select", ["a table"]),
        ('ignore = ["RL1", true]\n', "ignore", ["a boolean"]),
        ('severity = "warning"\n', "severity", ["a table"]),
        ('[severity]\nRL101 = "fatal"\n', "severity.RL101", ["fatal", '"error"']),
        ('[severity]\nRL101 = 3\n', "severity.RL101", ["an integer"]),
        ('[severity]\n"RL 1" = "info"\n', 'severity."RL 1"', ["not a rule code"]),
        ('per-file-ignores = ["a"]\n', "per-file-ignores", ["an array", "glob"]),
        ('[per-file-ignores]\n"*.txt" = "RL1"\n', 'per-file-ignores."*.txt"', ["array of rule codes"]),
        ('[per-file-ignores]\n"*.txt" = ["R-1"]\n', 'per-file-ignores."*.txt"', ["R-1"]),
        ('[per-file-ignores]\n"" = ["RL1"]\n', 'per-file-ignores.""', ["empty"]),
        ('fail-on = "fatal"\n', "fail-on", ["fatal", '"error", "warning" or "info"']),
        ("fail-on = 3\n", "fail-on", ["an integer 3"]),
        ('lang = "fr"\n', "lang", ['"zh" or "en"', "“zh”、“en”之一"]),
        ("lang = true\n", "lang", ["a boolean true"]),
        ('percent-tolerance = "0.5"\n', "percent-tolerance", ["a string", ">= 0"]),
        ("percent-tolerance = -1\n", "percent-tolerance", [">= 0", "不小于 0"]),
        ("percent-tolerance = nan\n", "percent-tolerance", ["finite"]),
        ("percent-tolerance = inf\n", "percent-tolerance", ["finite"]),
        ("percent-tolerance = true\n", "percent-tolerance", ["a boolean"]),
        ('deadlines = "01-31"\n', "deadlines", ["a table"]),
        ('[deadlines]\ndepartment = "1/31"\n', "deadlines.department", ['"MM-DD"', "1/31"]),
        ('[deadlines]\ndepartment = "02-30"\n', "deadlines.department", ["not a valid date", "不是有效日期"]),
        ('[deadlines]\ngovernment = "13-01"\n', "deadlines.government", ["not a valid date"]),
        ('[deadlines]\ngovernment = "00-10"\n', "deadlines.government", ["not a valid date"]),
        ('[deadlines]\ngovernment = "04-31"\n', "deadlines.government", ["not a valid date"]),
        ('[deadlines]\ngovernment = "02-29"\n', "deadlines.government", ["February 29", "2 月 29 日"]),
        ("[deadlines]\ngovernment = 2025-03-31\n", "deadlines.government", ["a date/time", '"MM-DD"']),
        ('[deadlines]\ncounty = "03-31"\n', "deadlines.county", ["department or government"]),
        ('body-kind = "county"\n', "body-kind", ['"auto", "department" or "government"']),
        ('body-kind = ["auto"]\n', "body-kind", ["an array"]),
    ],
)
def test_invalid_values(tmp_path, text, key, words):
    assert_names(error(tmp_path, text), key, *words)


def test_unknown_key_suggests_closest(in_tmp):
    e = error(in_tmp, 'fail_on = "warning"\n')
    assert e.message("zh") == "report-lint.toml：未知的配置项 “fail_on”（是否想写 “fail-on”？）"
    assert e.message("en") == "report-lint.toml: unknown key 'fail_on' (did you mean 'fail-on'?)"
    assert str(e) == e.message("en") and e.key == "fail_on"


@pytest.mark.parametrize(
    "key,suggestion",
    [("selct", "select"), ("ignores", "ignore"), ("extend_select", "extend-select"), ("per_file_ignores", "per-file-ignores"),
     ("percent-tolerence", "percent-tolerance"), ("Lang", "lang"), ("deadline", "deadlines"), ("bodykind", "body-kind")],
)
def test_unknown_key_suggestions(tmp_path, key, suggestion):
    e = error(tmp_path, f"{key} = 1\n")
    assert f"“{suggestion}”" in e.message("zh") and f"'{suggestion}'" in e.message("en")


def test_unknown_key_without_suggestion(tmp_path):
    e = error(tmp_path, "xyzzy = 1\n")
    assert "xyzzy" in e.message("zh") and "是否" not in e.message("zh") and "did you mean" not in e.message("en")


def test_unknown_deadline_key_suggests(tmp_path):
    e = error(tmp_path, '[deadlines]\ngovernmnet = "03-31"\n')
    assert "deadlines.government" in e.message("en")


def test_error_in_pyproject_names_the_table(tmp_path):
    e = error(tmp_path, '[tool.report-lint]\nfail_on = "warning"\n', name="pyproject.toml")
    assert "pyproject.toml [tool.report-lint]" in e.message("zh")
    assert "fail-on" in e.message("en")


def test_tool_report_lint_not_a_table(tmp_path):
    e = error(tmp_path, 'tool = { report-lint = 1 }\n', name="pyproject.toml")
    assert "tool.report-lint" in e.message("en") and "a table" in e.message("en")


def test_every_known_key_is_accepted(tmp_path):
    values = {
        "select": "[]", "extend-select": "[]", "ignore": "[]", "severity": "{}", "per-file-ignores": "{}",
        "fail-on": '"info"', "lang": '"en"', "percent-tolerance": "1", "deadlines": "{}", "body-kind": '"auto"',
        "unsafe-fixes": "true",
    }
    assert set(values) == set(KNOWN_KEYS)
    cfg(tmp_path, "".join(f"{k} = {v}\n" for k, v in values.items()))


def test_error_pickles():
    e = ConfigError("中", "en", key="k", line=3)
    e2 = pickle.loads(pickle.dumps(e))
    assert e2.message("zh") == "中" and e2.message("en") == "en" and e2.key == "k" and e2.line == 3


def test_parse_config_without_a_file():
    with pytest.raises(ConfigError) as info:
        parse_config({"lang": "fr"})
    assert info.value.message("zh").startswith("配置：")
    assert parse_config({"lang": "en"}).path is None


# --------------------------------------------------------------------------- selection


def test_select_prefix_and_more_specific_ignore():
    c = Config(select=("RL1",), ignore=("RL10",))
    assert not c.is_selected("RL101")
    assert c.is_selected("RL110")
    assert not c.is_selected("RL201")


def test_more_specific_select_beats_ignore():
    c = Config(select=("RL101",), ignore=("RL1",))
    assert c.is_selected("RL101")
    assert not c.is_selected("RL102")


def test_tie_goes_to_ignore():
    c = Config(select=("RL101",), ignore=("RL101",))
    assert not c.is_selected("RL101")
    c = Config(select=("RL1",), extend_select=("RL1",), ignore=("RL1",))
    assert not c.is_selected("RL101")


def test_empty_select_means_all():
    c = Config(ignore=("RL2",))
    assert c.is_selected("RL101") and not c.is_selected("RL201")


def test_extend_select_adds_and_competes_on_specificity():
    c = Config(select=("RL1",), extend_select=("RL3",))
    assert c.is_selected("RL101") and c.is_selected("RL301") and not c.is_selected("RL201")
    c = Config(ignore=("RL1",), extend_select=("RL101",))  # all, minus RL1, plus RL101
    assert c.is_selected("RL101") and not c.is_selected("RL102") and c.is_selected("RL201")


def test_selection_from_file(tmp_path):
    c = cfg(tmp_path, 'select = ["RL1"]\nignore = ["RL10"]\n')
    assert not c.is_selected("RL101") and c.is_selected("RL110")


# --------------------------------------------------------------------------- per-file-ignores


def pfi(tmp_path: Path, table: str) -> Config:
    return cfg(tmp_path, "[per-file-ignores]\n" + table)


def test_per_file_ignores_globs(tmp_path):
    c = pfi(
        tmp_path,
        '"drafts/**" = ["RL3"]\n"*.md" = ["RL1"]\n"archive/*/old.txt" = ["RL2"]\n'
        '"**/2019/*.txt" = ["RL201"]\n"report-?.txt" = ["RL110"]\n"[ab].txt" = ["RL102"]\n',
    )
    root = tmp_path
    assert c.ignored_for(root / "drafts" / "x.txt") == ("RL3",)
    assert c.ignored_for(root / "drafts" / "a" / "b" / "x.txt") == ("RL3",)
    assert c.ignored_for(root / "notes.md") == ("RL1",)
    assert c.ignored_for(root / "deep" / "er" / "notes.md") == ("RL1",)  # bare name: any directory
    assert c.ignored_for(root / "archive" / "2020" / "old.txt") == ("RL2",)
    assert c.ignored_for(root / "archive" / "2020" / "x" / "old.txt") == ()  # * stays in one component
    assert c.ignored_for(root / "2019" / "z.txt") == ("RL201",)  # **/ matches no directory too
    assert c.ignored_for(root / "x" / "y" / "2019" / "z.txt") == ("RL201",)
    assert c.ignored_for(root / "report-1.txt") == ("RL110",)
    assert c.ignored_for(root / "report-12.txt") == ()
    assert c.ignored_for(root / "a.txt") == ("RL102",)
    assert c.ignored_for(root / "c.txt") == ()
    assert c.ignored_for(root / "sub" / "b.txt") == ("RL102",)
    assert c.ignored_for(root / "drafts" / "notes.md") == ("RL3", "RL1")


def test_per_file_ignores_relative_to_config_dir(tmp_path, monkeypatch):
    c = load_config(write(tmp_path / "proj" / "report-lint.toml", '[per-file-ignores]\n"reports/old/*.txt" = ["RL2"]\n'))
    target = tmp_path / "proj" / "reports" / "old" / "a.txt"
    # run from elsewhere: the path as given does not match, relative to the config file does
    monkeypatch.chdir(tmp_path)
    assert c.ignored_for("proj/reports/old/a.txt") == ("RL2",)
    assert c.ignored_for(str(target)) == ("RL2",)
    monkeypatch.chdir(tmp_path / "proj")
    assert c.ignored_for("reports/old/a.txt") == ("RL2",)
    assert c.ignored_for("./reports/old/a.txt") == ("RL2",)
    assert c.ignored_for("reports/new/a.txt") == ()


def test_per_file_ignores_path_as_given(tmp_path, monkeypatch):
    # a file outside the config directory is matched by the path as given
    c = load_config(write(tmp_path / "proj" / "report-lint.toml", '[per-file-ignores]\n"other/*.txt" = ["RL1"]\n'))
    monkeypatch.chdir(tmp_path)
    assert c.ignored_for("other/a.txt") == ("RL1",)


def test_per_file_ignores_anchored(tmp_path, monkeypatch):
    c = pfi(tmp_path, '"/top.txt" = ["RL1"]\n')
    monkeypatch.chdir(tmp_path)
    assert c.ignored_for("top.txt") == ("RL1",)
    assert c.ignored_for("sub/top.txt") == ()


def test_per_file_ignores_absolute_pattern(tmp_path):
    c = Config(per_file_ignores={str(tmp_path.absolute()).replace(os.sep, "/") + "/**": ("RL1",)})
    assert c.ignored_for(tmp_path / "a" / "b.txt") == ("RL1",)


def test_per_file_ignores_stdin_and_no_root():
    c = Config(per_file_ignores={"*.txt": ("RL1",)})
    assert c.ignored_for("-") == ()
    assert c.ignored_for("年报.txt") == ("RL1",)


def test_is_enabled_for(tmp_path):
    c = Config(select=("RL1",), per_file_ignores={"drafts/**": ("RL10",)}, root=tmp_path)
    assert c.is_enabled_for("RL110", tmp_path / "drafts" / "a.txt")
    assert not c.is_enabled_for("RL101", tmp_path / "drafts" / "a.txt")
    assert c.is_enabled_for("RL101", tmp_path / "final" / "a.txt")
    assert not c.is_enabled_for("RL201", tmp_path / "final" / "a.txt")


# --------------------------------------------------------------------------- severity


def test_severity_overrides():
    c = Config(severity={"RL2": Severity.INFO, "RL201": Severity.ERROR})
    assert c.severity_of("RL201", Severity.WARNING) is Severity.ERROR  # longest prefix wins
    assert c.severity_of("RL202", Severity.WARNING) is Severity.INFO
    assert c.severity_of("RL101", Severity.WARNING) is Severity.WARNING


def test_severity_from_file(tmp_path):
    c = cfg(tmp_path, '[severity]\nRL101 = "info"\nRL3 = "error"\n')
    assert c.severity_of("RL101", Severity.ERROR) is Severity.INFO
    assert c.severity_of("RL301", Severity.WARNING) is Severity.ERROR
    assert c.severity_of("RL102", Severity.WARNING) is Severity.WARNING


# --------------------------------------------------------------------------- overrides


def test_with_overrides(tmp_path):
    base = cfg(tmp_path, 'select = ["RL1"]\nextend-select = ["RL3"]\nignore = ["RL101"]\nlang = "en"\n[severity]\nRL1 = "info"\n')
    c = base.with_overrides(select=["RL2"], extend_select=["RL110"], ignore=["RL202"], fail_on="warning", lang="zh")
    assert c.select == ("RL2",)
    assert c.extend_select == ("RL3", "RL110")
    assert c.ignore == ("RL101", "RL202")
    assert c.fail_on is Severity.WARNING and c.lang == "zh"
    assert c.severity == base.severity and c.path == base.path and c.root == base.root
    # the original is untouched, and dicts are not shared
    assert base.select == ("RL1",) and base.lang == "en" and base.fail_on is Severity.ERROR
    c.severity["RL2"] = Severity.ERROR
    assert "RL2" not in base.severity
    assert c.is_selected("RL201") and not c.is_selected("RL202") and c.is_selected("RL110") and not c.is_selected("RL101")


def test_with_overrides_none_changes_nothing():
    base = Config(select=("RL1",), ignore=("RL2",), lang="en")
    assert base.with_overrides() == base


def test_with_overrides_accepts_severity_and_commas():
    c = Config().with_overrides(select=["RL1,RL2", "rl3"], ignore="RL101,RL102", fail_on=Severity.INFO)
    assert c.select == ("RL1", "RL2", "RL3") and c.ignore == ("RL101", "RL102") and c.fail_on is Severity.INFO


@pytest.mark.parametrize(
    "kw,words",
    [({"select": ["RL-1"]}, ["--select", "RL-1"]), ({"ignore": [""]}, []), ({"fail_on": "fatal"}, ["--fail-on", "fatal"]), ({"lang": "fr"}, ["--lang"])],
)
def test_with_overrides_invalid(kw, words):
    if kw == {"ignore": [""]}:
        assert Config().with_overrides(**kw).ignore == ()  # empty items are dropped
        return
    with pytest.raises(ConfigError) as info:
        Config().with_overrides(**kw)
    e = info.value
    assert e.message("zh").startswith("命令行：") and e.message("en").startswith("command line: ")
    for w in words:
        assert w in e.message("en")


def test_with_overrides_known_codes():
    with pytest.raises(ConfigError) as info:
        Config().with_overrides(ignore=["RL999"], known_codes=KNOWN)
    assert "--ignore" in info.value.message("zh") and "RL999" in info.value.message("en")
    assert Config().with_overrides(ignore=["RL1"], known_codes=KNOWN).ignore == ("RL1",)


# --------------------------------------------------------------------------- known codes


def test_known_codes_accepts_codes_and_prefixes(tmp_path):
    c = cfg(
        tmp_path,
        'select = ["RL", "RL1"]\nextend-select = ["RL301"]\nignore = ["RL10"]\n[severity]\nRL2 = "info"\n'
        '[per-file-ignores]\n"*.md" = ["RL110"]\n',
        known_codes=KNOWN,
    )
    assert c.select == ("RL", "RL1")


@pytest.mark.parametrize(
    "text,key,code",
    [
        ('select = ["RL9"]\n', "select", "RL9"),
        ('extend-select = ["RL4"]\n', "extend-select", "RL4"),
        ('ignore = ["RL1", "RL103"]\n', "ignore", "RL103"),
        ('[severity]\nRL999 = "info"\n', "severity.RL999", "RL999"),
        ('[per-file-ignores]\n"*.md" = ["XX1"]\n', 'per-file-ignores."*.md"', "XX1"),
    ],
)
def test_known_codes_rejects_unknown(tmp_path, text, key, code):
    e = error(tmp_path, text, known_codes=KNOWN)
    assert key in e.message("zh") and key in e.message("en") and e.key == key
    assert code in e.message("zh") and code in e.message("en")
    assert "已知规则代码" in e.message("zh") and "known rule code" in e.message("en")


def test_known_codes_suggests(tmp_path):
    e = error(tmp_path, 'ignore = ["RL1011"]\n', known_codes=KNOWN)
    assert "RL101" in e.message("en") and "did you mean" in e.message("en")


def test_without_known_codes_anything_well_formed_goes(tmp_path):
    assert cfg(tmp_path, 'select = ["ZZ9"]\n').select == ("ZZ9",)


def test_unknown_codes_helper():
    assert unknown_codes(["RL1", "RL9", "RL101", "X"], KNOWN) == ["RL9", "X"]


# --------------------------------------------------------------------------- import cost


def test_import_is_cheap():
    code = "import sys, report_lint.config; print(' '.join(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    for heavy in ("tomllib", "tomli", "difflib", "lark", "rich", "typer", "opencc", "charset_normalizer", "report_lint.engine", "report_lint.cli"):
        assert heavy not in out, heavy
