#!/usr/bin/env python3
"""Throughput, scaling and memory of report-lint on synthetic reports.

    python benchmarks/bench.py                      # 2000 reports, all measurements
    python benchmarks/bench.py -n 500 --jobs 4
    python benchmarks/bench.py --generate-only DIR  # just write the reports (and truth.jsonl)

Reports come from tests/synth.py (known truth, every table layout of FORMAT.md §7), written
as files in a mix of UTF-8 and GB18030. Measured:

  (a) in-process parse rate: report_lint.source.load(path) then
      report_lint.report.build_report(source), split into load and build time; also how
      many reports came back with exactly the true tables (a sanity figure, not a test);
  (b) the CLI batch `report-lint check DIR --format json --jobs N`, median of --batch-runs
      runs with bare `python -c pass` timed between them (the machine's speed then); the same
      batch made of the bundled real reports (fixtures/seeds) copied to as many files
      (skipped with a message when the command is not there or fails);
  (c) scaling: parse time per KB for the same report grown to 1x, 4x and 16x its size by
      repeating its narrative paragraphs (constant time per KB = linear);
  (d) peak memory (ru_maxrss of this process and of the CLI batch, at a quarter of the batch
      and at the whole batch: it should not grow with the number of files);
  (e) single-file start: `report-lint FILE` (the console script beside this interpreter, else
      `python -m report_lint`) against bare `python -c pass`, alternated, medians and ratio;
  (f) input formats: the same reports as plain text, web pages (UTF-8 and GB18030), Word
      documents and PDFs printed by chromium (when there is one): reports/s and start each.

Standard library plus the project only ((f) uses tests/documents.py: python-docx, chromium).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests import synth  # noqa: E402

ENCODINGS = (("utf-8", 0.6), ("gb18030", 0.3), ("utf-8-sig", 0.1))


# ---------------------------------------------------------------------------- generation


def _pick(rng: random.Random, weighted) -> str:
    r = rng.random()
    for name, w in weighted:
        r -= w
        if r < 0:
            return name
    return weighted[-1][0]


def _key(k: tuple) -> str:
    return "/".join(str(x) for x in k)


def generate(out_dir: Path, n: int, seed: int, manifest: bool = True) -> list[dict]:
    """Write n reports into out_dir; return one record per file (truth included)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    records = []
    for i in range(n):
        layout = synth.LAYOUTS[i % len(synth.LAYOUTS)]
        r = synth.random_report(
            rng,
            layout=layout,
            traditional=rng.random() < 0.1,
            fullwidth_digits=rng.random() < 0.1,
            crlf=rng.random() < 0.15,
            placeholders=rng.random() < 0.2,
        )
        enc = _pick(rng, ENCODINGS)
        name = f"{i:05d}_{layout}_{r.template}.txt"
        (out_dir / name).write_bytes(r.text.encode(enc))
        records.append({
            "file": name,
            "layout": layout,
            "template": r.template,
            "encoding": enc,
            "report_year": r.report_year,
            "tables": r.tables,
            "positions": {_key(k): list(v) for k, v in r.positions.items()},
            "recoverable": {_key(k): v for k, v in r.recoverable.items()},
        })
    if manifest:
        with open(out_dir / "truth.jsonl", "w", encoding="utf-8") as f:
            for rec in records:
                f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return records


# ---------------------------------------------------------------------------- (a) in-process


def _import_parser():
    try:
        from report_lint import report, source
    except Exception as e:  # the parser may not be complete yet
        return None, None, f"{type(e).__name__}: {e}"
    if not hasattr(report, "build_report") or not hasattr(source, "load"):
        return None, None, "report_lint.report.build_report or report_lint.source.load is missing"
    return source, report, None


def _tables_of(rep) -> dict | None:
    try:
        from report_lint.extract import table_data

        return {k: table_data(rep.tables[k]) for k in ("active", "requests", "reviews")}
    except Exception:
        return None


def _matches(got: dict | None, rec: dict) -> bool | None:
    """True when the parser read exactly the true tables (web_oneline: only the rows the
    generator marks recoverable are compared)."""
    if got is None:
        return None
    truth = rec["tables"]
    if rec["layout"] != "web_oneline":
        return got == truth
    req = got.get("requests") or {}
    for k, row in truth["requests"].items():
        if rec["recoverable"].get(f"requests/{k}") and req.get(k) != row:
            return False
    return True


def bench_inprocess(files: list[Path], records: list[dict], src_mod, rep_mod) -> dict:
    load_t, build_t = [], []
    errors: Counter = Counter()
    examples: dict[str, str] = {}
    per_layout = defaultdict(lambda: [0, 0])  # layout -> [exact, compared]
    layout_t = defaultdict(list)  # layout -> seconds per report
    nbytes = 0
    t_cold = time.perf_counter()
    try:  # first report pays for imports and grammar construction
        rep_mod.build_report(src_mod.load(files[0]))
    except Exception:
        pass
    cold = time.perf_counter() - t_cold
    for path, rec in zip(files, records):
        nbytes += path.stat().st_size
        t0 = time.perf_counter()
        try:
            src = src_mod.load(path)
        except Exception as e:
            errors[f"load:{type(e).__name__}"] += 1
            examples.setdefault(f"load:{type(e).__name__}", f"{path.name}: {e}")
            continue
        t1 = time.perf_counter()
        try:
            rep = rep_mod.build_report(src)
        except Exception as e:
            t2 = time.perf_counter()
            load_t.append(t1 - t0)
            build_t.append(t2 - t1)
            errors[f"build:{type(e).__name__}"] += 1
            examples.setdefault(f"build:{type(e).__name__}", f"{path.name}: {e}")
            continue
        t2 = time.perf_counter()
        load_t.append(t1 - t0)
        build_t.append(t2 - t1)
        layout_t[rec["layout"]].append(t2 - t0)
        ok = _matches(_tables_of(rep), rec)
        if ok is not None:
            per_layout[rec["layout"]][1] += 1
            per_layout[rec["layout"]][0] += ok
    total = sum(load_t) + sum(build_t)
    per = [a + b for a, b in zip(load_t, build_t)]
    return {
        "n": len(per),
        "cold_s": cold,
        "total_s": total,
        "rate": len(per) / total if total else 0.0,
        "load_ms": 1000 * statistics.mean(load_t) if load_t else 0.0,
        "build_ms": 1000 * statistics.mean(build_t) if build_t else 0.0,
        "p50_ms": 1000 * statistics.median(per) if per else 0.0,
        "p99_ms": 1000 * sorted(per)[int(0.99 * (len(per) - 1))] if per else 0.0,
        "max_ms": 1000 * max(per) if per else 0.0,
        "mb_s": nbytes / 1e6 / total if total else 0.0,
        "errors": errors,
        "examples": examples,
        "per_layout": dict(per_layout),
        "layout_ms": {k: 1000 * statistics.mean(v) for k, v in layout_t.items()},
    }


# ---------------------------------------------------------------------------- (b) CLI


def _cli_base() -> list[str]:
    # The checkout's package, run by this interpreter (the `report-lint` entry point of
    # some other installation could be a different version).
    return [sys.executable, "-m", "report_lint"]


def _console_script() -> list[str]:
    script = Path(sys.executable).parent / "report-lint"
    return [str(script)] if script.exists() else [sys.executable, "-m", "report_lint"]


def bench_startup(file: Path, runs: int = 21) -> dict:
    """Median wall time of `report-lint FILE` and of `python -c pass`, run alternately so
    that drift in the machine's speed hits both."""
    cmd = _console_script() + [str(file)]
    bare = [sys.executable, "-c", "pass"]
    subprocess.run(cmd, capture_output=True)  # warm the caches (bytecode, data, parser)
    subprocess.run(bare, capture_output=True)
    ours, base = [], []
    for _ in range(runs):
        for c, acc in ((cmd, ours), (bare, base)):
            t0 = time.perf_counter()
            subprocess.run(c, capture_output=True)
            acc.append(time.perf_counter() - t0)
    m_ours, m_base = statistics.median(ours), statistics.median(base)
    return {"cmd": cmd, "ours_ms": 1000 * m_ours, "bare_ms": 1000 * m_base, "ratio": m_ours / m_base}


def bench_cli(directory: Path, n: int, jobs: int, runs: int = 1) -> dict:
    """`check DIR --format json --jobs N` run `runs` times, each followed by a bare `python -c
    pass` (the machine's speed at that moment); the median run is reported with the range."""
    base = _cli_base()
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    probe = subprocess.run(base + ["check", "--help"], cwd=ROOT, env=env, capture_output=True, text=True)
    if probe.returncode != 0:
        text = probe.stderr + probe.stdout
        why = next((ln.strip(" │|") for ln in text.splitlines() if "No such command" in ln), "")
        return {"skipped": f"the `check` command is not available (`{' '.join(base[1:])} check --help` "
                           f"exited {probe.returncode}{': ' + why if why else ''})"}
    t0 = time.perf_counter()
    startup = subprocess.run(base + ["--version"], cwd=ROOT, env=env, capture_output=True)
    t_start = time.perf_counter() - t0
    cmd = base + ["check", str(directory), "--format", "json", "--jobs", str(jobs)]
    walls, bare = [], []
    for _ in range(max(1, runs)):
        # Run through a small launcher that times the batch and reads its peak RSS: measured
        # from this (large) process, a child's ru_maxrss would start at our own size.
        proc = subprocess.run([sys.executable, "-c", _LAUNCHER] + cmd, cwd=ROOT, env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        err = proc.stderr.decode("utf-8", "replace")
        wall, rss_kb = None, None
        for line in err.splitlines():
            if line.startswith("@@bench "):
                _, w, r = line.split()
                wall, rss_kb = float(w), int(r)
        err = "\n".join(ln for ln in err.splitlines() if not ln.startswith("@@bench "))
        if wall is None or "Traceback" in err or proc.returncode not in (0, 1):
            last = err.strip().splitlines()[-1] if err.strip() else ""
            return {"skipped": f"`check` exited with {proc.returncode}: {last[:200]}", "cmd": cmd}
        walls.append(wall)
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], capture_output=True)
        bare.append(time.perf_counter() - t0)
    wall = statistics.median(walls)
    return {
        "cmd": cmd,
        "wall_s": wall,
        "rate": n / wall if wall else 0.0,
        "rates": sorted(n / w for w in walls),
        "bare_ms": 1000 * statistics.median(bare),
        "rc": proc.returncode,
        "out_kb": len(proc.stdout) / 1024,
        "startup_s": t_start if startup.returncode == 0 else None,
        "peak_mb": rss_kb / (1024 * 1024) if sys.platform == "darwin" else rss_kb / 1024,
    }


def real_batch(work: Path, n: int) -> "Path | None":
    """The bundled real reports (fixtures/seeds), copied to n files: the batch figure for real
    text, which has more prose and, in these reports, often no tables (lost in copying)."""
    seeds = sorted((ROOT / "fixtures" / "seeds").glob("*.txt"))
    if not seeds:
        return None
    out = work / "real"
    out.mkdir(exist_ok=True)
    for i in range(n):
        src = seeds[i % len(seeds)]
        shutil.copy(src, out / f"{i:05d}_{src.name}")
    return out


_LAUNCHER = (
    "import resource, subprocess, sys, time\n"
    "t = time.perf_counter()\n"
    "rc = subprocess.run(sys.argv[1:]).returncode\n"
    "w = time.perf_counter() - t\n"
    "sys.stderr.write('\\n@@bench %.6f %d\\n' % (w, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss))\n"
    "sys.exit(rc)\n"
)


# ---------------------------------------------------------------------------- (c) scaling


def _render_scaled(seed: int, layout: str, target: int) -> str:
    """The same report (same seed, same tables) grown to about `target` times its size."""

    def at(scale: int) -> str:
        rng = random.Random(seed)
        tables = synth.random_tables(rng, "2021", 0.5)
        return synth.render_report(tables, layout, rng, template="2021", narrative_scale=scale).text

    if target == 1:
        return at(1)
    s1, s2 = len(at(1).encode("utf-8")), len(at(2).encode("utf-8"))  # the files are UTF-8
    step = max(1, s2 - s1)
    return at(1 + round((target - 1) * s1 / step))


def bench_scaling(work: Path, src_mod, rep_mod, layouts=("pipe", "pdf", "web_oneline"), reps: int = 7) -> list[dict]:
    """Best-of-`reps` load+build time of one report at 1x, 4x, 16x its size. `marginal` is
    the time per KB of what was added over the 1x report: flat across sizes = linear."""
    rows = []
    for layout in layouts:
        base = None
        for mult in (1, 4, 16):
            text = _render_scaled(1234, layout, mult)
            path = work / f"scale_{layout}_{mult}x.txt"
            path.write_bytes(text.encode("utf-8"))
            kb = path.stat().st_size / 1024
            times = []
            err = None
            for i in range(reps + 1):
                t0 = time.perf_counter()
                try:
                    rep_mod.build_report(src_mod.load(path))
                except Exception as e:
                    err = f"{type(e).__name__}: {e}"
                    break
                if i:  # the first run warms caches
                    times.append(time.perf_counter() - t0)
            if err:
                rows.append({"layout": layout, "mult": mult, "kb": kb, "error": err})
                continue
            best = min(times)
            row = {"layout": layout, "mult": mult, "kb": kb, "ms": 1000 * best, "us_per_kb": 1e6 * best / kb,
                   "marginal": None}
            if base is None:
                base = (kb, best)
            elif kb > base[0]:
                row["marginal"] = 1e6 * (best - base[1]) / (kb - base[0])
            rows.append(row)
    return rows


# ---------------------------------------------------------------------------- (d) memory


def _maxrss_mb(who) -> float:
    rss = resource.getrusage(who).ru_maxrss
    return rss / (1024 * 1024) if sys.platform == "darwin" else rss / 1024  # bytes on macOS, KB elsewhere


# ---------------------------------------------------------------------------- (f) formats


def bench_formats(work: Path, n: int, seed: int, src_mod, rep_mod, pdfs: int = 4) -> list[tuple[str, str]]:
    """The same kind of report as a web page, a Word document and (with chromium) a printed PDF:
    in-process reports/s (load + build, tables checked against the truth) and single-file
    start (`report-lint FILE`) for each, beside the plain text path."""
    from tests import documents as D

    out = []
    rng = random.Random(seed)
    folder = work / "formats"
    folder.mkdir(exist_ok=True)
    made: dict[str, list] = {"txt": [], "html": [], "docx": [], "pdf": []}
    for i in range(n):
        template = synth.TEMPLATES[i % 2]
        tables = synth.random_tables(rng, template)
        doc = D.report_document(tables, rng, template=template)
        page = D.to_html(doc, rng=rng, container=rng.choice(("TRS_Editor", "zoom", "")))
        enc = "gb18030" if i % 3 == 0 else "utf-8"
        f = folder / f"{i:04d}.html"
        f.write_bytes(page.encode(enc))
        made["html"].append((f, tables))
        f = folder / f"{i:04d}.docx"
        f.write_bytes(D.to_docx(doc))
        made["docx"].append((f, tables))
        r = synth.render_report(tables, "pipe", rng, template=template, noise=0)
        f = folder / f"{i:04d}.txt"
        f.write_bytes(r.text.encode("utf-8"))
        made["txt"].append((f, tables))
        if i < pdfs:
            pdf = D.print_pdf(D.to_html(doc, furniture=False).encode("utf-8"), folder, f"p{i:04d}")
            if pdf is not None:
                f = folder / f"p{i:04d}.pdf"
                made["pdf"].append((f, tables))
    if made["pdf"]:  # printing is slow: the few printed PDFs are read again and again
        base = list(made["pdf"])
        made["pdf"] = [base[k % len(base)] for k in range(n)]
    for fmt, items in made.items():
        if not items:
            out.append((f"    {fmt}", "skipped (no chromium with a CJK font to print PDFs)"))
            continue
        for f, _ in items[:2]:  # warm: imports, grammar
            rep_mod.build_report(src_mod.load(f))
        ok = 0
        t0 = time.perf_counter()
        for f, tables in items:
            rep = rep_mod.build_report(src_mod.load(f))
            got = _tables_of(rep)
            ok += got == {k: tables[k] for k in ("active", "requests", "reviews")}
        dt = time.perf_counter() - t0
        start = bench_startup(items[0][0], runs=7)
        out.append((f"    {fmt}", f"{len(items) / dt:5.0f} reports/s  {1000 * dt / len(items):6.2f} ms each, "
                                 f"tables right {ok}/{len(items)}; start {start['ours_ms']:.0f} ms "
                                 f"({start['ratio']:.1f}x python -c pass)"))
    return out


# ---------------------------------------------------------------------------- main


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-n", "--count", type=int, default=2000, help="number of reports (default 2000)")
    ap.add_argument("--seed", type=int, default=20240101, help="generator seed")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="--jobs for the CLI batch")
    ap.add_argument("--generate-only", metavar="DIR", type=Path,
                    help="write the reports and truth.jsonl into DIR and stop")
    ap.add_argument("--keep", metavar="DIR", type=Path, help="generate into DIR and keep it (default: a temp dir)")
    ap.add_argument("--skip-cli", action="store_true", help="skip (b)")
    ap.add_argument("--skip-scaling", action="store_true", help="skip (c)")
    ap.add_argument("--skip-startup", action="store_true", help="skip (e)")
    ap.add_argument("--formats", type=int, default=60, metavar="N",
                    help="reports per input format in (f) (0 skips it)")
    ap.add_argument("--scaling-reps", type=int, default=9, help="timed runs per size in (c), best is kept")
    ap.add_argument("--batch-runs", type=int, default=3, help="runs of the CLI batch in (b); the median is reported")
    args = ap.parse_args(argv)

    if args.generate_only:
        t0 = time.perf_counter()
        recs = generate(args.generate_only, args.count, args.seed)
        dt = time.perf_counter() - t0
        enc = Counter(r["encoding"] for r in recs)
        print(f"wrote {len(recs)} reports to {args.generate_only} in {dt:.2f}s "
              f"({len(recs) / dt:.0f}/s; {', '.join(f'{k} {v}' for k, v in sorted(enc.items()))}); "
              f"truth in {args.generate_only / 'truth.jsonl'}")
        return 0

    tmp = None
    if args.keep:
        work = args.keep
    else:
        tmp = tempfile.mkdtemp(prefix="report-lint-bench-")
        work = Path(tmp)
    try:
        reports_dir = work / "reports"
        t0 = time.perf_counter()
        records = generate(reports_dir, args.count, args.seed, manifest=bool(args.keep))
        gen_s = time.perf_counter() - t0
        files = [reports_dir / r["file"] for r in records]
        total_kb = sum(f.stat().st_size for f in files) / 1024
        enc = Counter(r["encoding"] for r in records)
        print(f"report-lint benchmark  python {sys.version.split()[0]}  cpus {os.cpu_count()}")
        print(f"generated {len(records)} reports ({total_kb / len(records):.1f} KB avg, "
              f"{', '.join(f'{k} {v}' for k, v in sorted(enc.items()))}) in {gen_s:.2f}s "
              f"= {len(records) / gen_s:.0f}/s")
        print()

        src_mod, rep_mod, why = _import_parser()
        lines: list[tuple[str, str]] = []
        if src_mod is None:
            lines.append(("(a) in-process", f"skipped: {why}"))
        else:
            a = bench_inprocess(files, records, src_mod, rep_mod)
            lines += [
                ("(a) in-process parse", f"{a['rate']:.0f} reports/s  ({a['mb_s']:.2f} MB/s, {a['n']} parsed)"),
                ("    load / build", f"{a['load_ms']:.2f} ms / {a['build_ms']:.2f} ms per report"),
                ("    p50 / p99 / max", f"{a['p50_ms']:.2f} / {a['p99_ms']:.2f} / {a['max_ms']:.2f} ms"),
                ("    first report (cold)", f"{1000 * a['cold_s']:.0f} ms"),
            ]
            if a["errors"]:
                lines.append(("    errors", ", ".join(f"{k} {v}" for k, v in a["errors"].most_common())))
                for k, ex in list(a["examples"].items())[:3]:
                    lines.append(("      e.g.", ex[:160]))
            if a["per_layout"]:
                exact = sum(ok for ok, _ in a["per_layout"].values())
                compared = sum(n for _, n in a["per_layout"].values())
                lines.append(("    tables exactly right", f"{exact}/{compared} ({100 * exact / max(1, compared):.1f}%)"
                              "  [web_oneline: recoverable requests rows only]"))
            lines.append(("    by layout", "mean ms   tables right"))
            for lay in synth.LAYOUTS:
                ms = a["layout_ms"].get(lay)
                ok, n = a["per_layout"].get(lay, (0, 0))
                if ms is not None:
                    lines.append((f"      {lay}", f"{ms:7.2f}   {ok}/{n}" if n else f"{ms:7.2f}"))

        cli_peak = None
        if args.skip_cli:
            lines.append(("(b) CLI batch", "skipped (--skip-cli)"))
        else:
            b = bench_cli(reports_dir, len(files), args.jobs, args.batch_runs)
            if "skipped" in b:
                lines.append(("(b) CLI batch", f"skipped: {b['skipped']}"))
            else:
                spread = f", runs {b['rates'][0]:.0f}-{b['rates'][-1]:.0f}" if len(b["rates"]) > 1 else ""
                lines.append((f"(b) CLI check --jobs {args.jobs}",
                              f"{b['rate']:.0f} reports/s  (median of {len(b['rates'])}: {b['wall_s']:.2f} s wall"
                              f"{spread}; exit {b['rc']}, {b['out_kb']:.0f} KB json)"))
                lines.append(("    python -c pass meanwhile", f"{b['bare_ms']:.0f} ms (the machine's speed)"))
                if b.get("startup_s") is not None:
                    lines.append(("    CLI startup (--version)", f"{1000 * b['startup_s']:.0f} ms"))
                cli_peak = b["peak_mb"]
                real = real_batch(work, len(files))
                if real is not None:
                    r = bench_cli(real, len(files), args.jobs, args.batch_runs)
                    if "skipped" not in r:
                        lines.append(("    same, real reports", f"{r['rate']:.0f} reports/s  (fixtures/seeds copied to "
                                      f"{len(files)} files; median of {len(r['rates'])})"))
                # the same command over a quarter of the files: memory should not follow the count
                quarter = work / "quarter"
                quarter.mkdir(exist_ok=True)
                for f in files[: max(1, len(files) // 4)]:
                    shutil.copy(f, quarter / f.name)
                q = bench_cli(quarter, max(1, len(files) // 4), args.jobs)
                if "skipped" not in q:
                    cli_peak = (q["peak_mb"], cli_peak)

        if args.skip_scaling or src_mod is None:
            lines.append(("(c) scaling", "skipped"))
        else:
            rows = bench_scaling(work, src_mod, rep_mod, reps=args.scaling_reps)
            lines.append((f"(c) scaling (best of {args.scaling_reps})", "   size       time     per KB   marginal per added KB"))
            for r in rows:
                if "error" in r:
                    lines.append((f"    {r['layout']} {r['mult']}x", f"{r['kb']:7.1f} KB  error: {r['error'][:80]}"))
                else:
                    marg = "" if r["marginal"] is None else f"{r['marginal']:8.1f} us"
                    lines.append((f"    {r['layout']} {r['mult']}x",
                                  f"{r['kb']:7.1f} KB {r['ms']:8.2f} ms {r['us_per_kb']:8.1f} us {marg}"))

        if isinstance(cli_peak, tuple):
            peak = f"{cli_peak[0]:.0f} MB for {max(1, len(files) // 4)} files, {cli_peak[1]:.0f} MB for {len(files)}"
        else:
            peak = f"{cli_peak:.0f} MB" if cli_peak is not None else "n/a"
        lines.append(("(d) peak RSS self / CLI batch",
                      f"{_maxrss_mb(resource.RUSAGE_SELF):.0f} MB / {peak} (largest process of the batch)"))
        if args.skip_startup:
            lines.append(("(e) single-file start", "skipped (--skip-startup)"))
        else:
            e = bench_startup(files[0])
            lines.append(("(e) single-file start", f"{e['ours_ms']:.0f} ms vs python -c pass {e['bare_ms']:.0f} ms"
                                                   f" = {e['ratio']:.1f}x  ({' '.join(Path(e['cmd'][0]).name for _ in [0])})"))
        if args.formats and src_mod is not None:
            lines.append(("(f) input formats", "in-process load + build; single-file start"))
            lines += bench_formats(work, args.formats, args.seed, src_mod, rep_mod)
        width = max(len(k) for k, _ in lines)
        for k, v in lines:
            print(f"{k:<{width}}  {v}")
        return 0
    finally:
        if tmp:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
