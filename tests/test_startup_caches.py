"""The command's caches (report_lint/_entry.py, resources.py, tables/parser.py) change how
fast report-lint starts, never what it says: the generated standalone parser parses exactly
as Lark does, cached data equals parsed data, and the command's output is the same with the
caches cold, warm, and turned off."""

from __future__ import annotations

import os
import random
import subprocess
import sys
from pathlib import Path

import pytest

from report_lint import resources, source
from report_lint.extract import report_dict
from report_lint.report import build_report
from report_lint.rules import identities
from report_lint.tables import parser
from tests import synth

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "fixtures" / "seeds").glob("*.txt"))


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setattr(resources, "CACHE_DIR", str(tmp_path))
    parser._engine.cache_clear()
    identities.identity_rules.cache_clear()
    yield tmp_path
    parser._engine.cache_clear()
    identities.identity_rules.cache_clear()


def _extract_all(texts):
    return [report_dict(build_report(source.from_text(t, "r.txt")))["tables"] for t in texts]


def test_standalone_parser_parses_as_lark_does(cache):
    rng = random.Random(11)
    texts = [p.read_text(encoding="utf-8") for p in SEEDS]
    texts += [synth.random_report(rng).text for _ in range(150)]
    parser._engine.cache_clear()
    with_standalone = _extract_all(texts)
    run, _ = parser._engine()
    assert type(getattr(run, "__self__", None)).__name__ == "Replayer"  # the generated parser, not Lark's own
    assert any(p.name.startswith("tables-parser-") for p in cache.iterdir())
    parser._engine.cache_clear()
    resources.CACHE_DIR = None
    assert _extract_all(texts) == with_standalone


def test_cached_data_equals_parsed(cache):
    fresh = resources.load_toml(resources.data_file("rules", "phrases.toml"))  # writes the cache
    assert resources.load_toml(resources.data_file("rules", "phrases.toml")) == fresh
    eqs = [r.equation for r in identities.identity_rules()]
    identities.identity_rules.cache_clear()
    assert [r.equation for r in identities.identity_rules()] == eqs  # now from the cache
    assert eqs == [identities.parse_equation(r.equation_text) for r in identities.identity_rules()]


def test_memo_compares_the_whole_key(cache):
    assert resources.memo("k", "one", lambda: [1]) == [1]
    assert resources.memo("k", "one", lambda: [2]) == [1]
    assert resources.memo("k", "two", lambda: [3]) == [3]
    for f in cache.iterdir():  # a damaged file is recomputed, not trusted
        f.write_bytes(b"garbage")
    assert resources.memo("k", "one", lambda: [4]) == [4]


def _run(args, env):
    out = subprocess.run([sys.executable, "-m", "report_lint", *args], capture_output=True, cwd=ROOT,
                         env={**os.environ, **env}, timeout=180)
    assert b"Traceback" not in out.stderr, out.stderr.decode()
    return out.returncode, out.stdout


def test_command_output_same_cold_warm_and_off(tmp_path):
    args = [*map(str, SEEDS), "fixtures/examples/年报示例.txt", "--format", "json"]
    (tmp_path / "c").mkdir()
    cached = {"XDG_CACHE_HOME": str(tmp_path / "c"), "PYTHONDONTWRITEBYTECODE": "1"}
    cold = _run(args, cached)
    warm = _run(args, cached)
    off = _run(args, {"REPORT_LINT_NO_CACHE": "1"})
    assert cold == warm == off and cold[0] == 1
    folder = tmp_path / "c" / "report-lint"
    assert any((folder / "bytecode").rglob("report_lint.engine-*"))
    assert any((folder / "data").rglob("tables-parser-*"))
    assert any((folder / "data").rglob("regex-*"))
    assert any((folder / "data").rglob("dataclass-*"))
    # the plain `report-lint FILE` path (no options) says what `check FILE` says
    plain = _run([str(SEEDS[1])], cached)
    assert plain == _run(["check", str(SEEDS[1]), "--format", "text"], {"REPORT_LINT_NO_CACHE": "1"})


def test_unwritable_cache_is_not_an_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    code, out = _run([str(SEEDS[1]), "--format", "json"], {"XDG_CACHE_HOME": str(blocker)})
    assert code == 1 and b'"diagnostics"' in out


# Compiled by a process with the regex cache installed (so that the cache, not re, compiles
# them on the second run), then matched against the same patterns compiled by re in a fresh
# process: names, flags, look-arounds, Unicode classes, backreferences.
_REGEX_PROBE = r"""
import json, re, sys
sys.path.insert(0, sys.argv[2])
if sys.argv[3] == "cached":
    from report_lint import _entry
    _entry._install_regex_cache(sys.argv[1])
patterns = [
    (r"(?P<y>(?:19|20)\d\d)\s*年(?P<m>\d{1,2})月", 0),
    (r"(?<![\d.])\d+(?:\.\d+)?%", 0),
    (r"^[一二三四五六七八九十]{1,2}、", re.M),
    (r"spam|赌博|CASINO", re.I),
    (r"(a)(?P<b>b)?(?(2)c|d)\1", 0),
    (r"[^\S\n]+|[\u4e00-\u9fff]{2,}(?=。)", 0),
]
text = "2024年12月，占9.1%。一、Casino赌博 spam  abca ad 报告全文。"
out = []
for p, f in patterns:
    c = re.compile(p, f)
    out.append([dict(c.groupindex), c.groups, c.flags,
                [(m.span(), m.groups(), m.groupdict()) for m in c.finditer(text)]])
print(json.dumps(out))
"""


def _probe(folder, mode, code=_REGEX_PROBE):
    out = subprocess.run([sys.executable, "-c", code, str(folder), str(ROOT), mode],
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    return out.stdout


def _cache_acts_as_plain(folder, name, code):
    """The probe prints the same plain, with the cache being filled, read, and damaged."""
    plain = _probe(folder, "plain", code)
    assert _probe(folder, "cached", code) == plain  # made afresh, recorded
    tables = list(folder.glob(f"{name}-*"))  # this install's own table
    assert len(tables) == 1
    assert _probe(folder, "cached", code) == plain  # made from the cache
    data = tables[0].read_bytes()
    tables[0].write_bytes(data[:-40] + bytes(40))  # damaged: never trusted
    assert _probe(folder, "cached", code) == plain
    return plain


def test_regex_cache_compiles_as_re_does(tmp_path):
    _cache_acts_as_plain(tmp_path, "regex", _REGEX_PROBE)


# Dataclasses made by a process with the dataclass cache installed (methods compiled, then run
# from the cache on the second run), against the same made by a plain process: every
# generated method behaves alike.
_DATACLASS_PROBE = r"""
import dataclasses, json, sys
from typing import Optional
sys.path.insert(0, sys.argv[2])
if sys.argv[3] == "cached":
    from report_lint import _entry
    _entry._install_dataclass_cache(sys.argv[1])

@dataclasses.dataclass(slots=True, unsafe_hash=True)
class Span:
    start: int
    end: int = 0

@dataclasses.dataclass(order=True, frozen=True)
class Cell:
    value: Optional[int]
    span: Span
    tags: list = dataclasses.field(default_factory=list, compare=False)

a, b = Cell(3, Span(1, 2)), Cell(3, Span(1))
out = [repr(a), a == b, a < Cell(4, Span(0)), hash(Span(1, 2)) == hash(Span(1, 2)), Span(5).end, a.tags is not b.tags]
try:
    a.value = 1
except dataclasses.FrozenInstanceError:
    out.append("frozen")
print(json.dumps(out))
"""


def test_dataclass_cache_makes_what_dataclasses_makes(tmp_path):
    assert '"frozen"' in _cache_acts_as_plain(tmp_path, "dataclass", _DATACLASS_PROBE)


def test_two_installs_sharing_a_cache_keep_their_own_tables(tmp_path):
    """Each install reads and writes its own regex and dataclass tables: another install's
    patterns (another version, a checkout with changes) never grow the table a start reads."""
    import shutil

    other = tmp_path / "other"
    shutil.copytree(ROOT / "report_lint", other / "report_lint")
    cache = tmp_path / "cache"
    cache.mkdir()
    for root in (ROOT, other):
        out = subprocess.run([sys.executable, "-c", _REGEX_PROBE, str(cache), str(root), "cached"],
                             capture_output=True, text=True, timeout=60)
        assert out.returncode == 0, out.stderr
    assert len(list(cache.glob("regex-*"))) == 2


def test_two_installs_sharing_a_cache_keep_their_own_bytecode(tmp_path):
    """Two copies of report-lint (two venvs, two checkouts) on one cache: each keeps its own
    compiled modules; pruning one's older entries must not drop the other's (both would then
    compile every module on every start)."""
    import shutil

    for name in ("a", "b"):
        for part in ("report_lint", "grammars", "rules"):
            shutil.copytree(ROOT / part, tmp_path / name / part,
                            ignore=shutil.ignore_patterns("__pycache__", "_data"))
    (tmp_path / "c").mkdir()
    env = {"XDG_CACHE_HOME": str(tmp_path / "c"), "PYTHONDONTWRITEBYTECODE": "1"}
    for name in ("a", "b", "a"):
        out = subprocess.run([sys.executable, "-m", "report_lint", "--version"], capture_output=True,
                             cwd=tmp_path / name, env={**os.environ, **env, "PYTHONPATH": str(tmp_path / name)},
                             timeout=180)
        assert out.returncode == 0, out.stderr.decode()
    entries = list((tmp_path / "c" / "report-lint" / "bytecode").rglob("report_lint.commands-*"))
    entries += list((tmp_path / "c" / "report-lint" / "bytecode").rglob("report_lint.cli-*"))
    assert len(entries) == 4, entries  # each module once per install


_PATTERNS_PROBE = r"""
import hashlib, re, sys
from pathlib import Path
sys.path.insert(0, sys.argv[1])
seen = set()
plain = re.compile
def record(p, flags=0):
    if isinstance(p, str):
        seen.add((p, int(flags)))
    return plain(p, flags)
re.compile = record
from report_lint import source
from report_lint.config import Config
from report_lint.engine import Engine
from report_lint.series.digest import warm, digest
from report_lint.report import build_report
source._SEARCH_AFTER = 0  # the traditional characters' search at once (a batch's, after 100 reports)
engine = Engine(Config(), "zh")
warm()
root = Path(sys.argv[1]) / "fixtures"
for p in sorted(root.glob("seeds/*.txt")) + sorted(root.glob("real/*_trad.txt"))[:2]:
    report = build_report(source.from_bytes(p.read_bytes(), p.name))
    for rule in engine.rules:
        list(rule.check(report, engine.ctx))
    digest(report)
print(hashlib.sha256(repr(sorted(seen)).encode()).hexdigest(), len(seen))
"""


def test_patterns_are_the_same_text_in_every_process():
    """The regex cache is keyed by each pattern's text: a pattern made from a set in its
    iteration order (which changes with every process's string hashing: the number run's
    separators, the active table's row labels, the traditional characters) missed the cache at
    every start, was compiled again and the cache file rewritten, larger each run."""
    outs = set()
    for seed in ("1", "2", "3"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        run = subprocess.run([sys.executable, "-c", _PATTERNS_PROBE, str(ROOT)], capture_output=True, text=True,
                             env=env, check=True)
        outs.add(run.stdout)
    assert len(outs) == 1, outs
