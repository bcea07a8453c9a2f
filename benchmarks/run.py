"""Federation-scale benchmark of ``ei`` (issue 7). Not a test: run it by hand, record the figures.

    python3 -m venv .venv && .venv/bin/pip install -q .   # an installed ei, not an editable one
    .venv/bin/python benchmarks/run.py                     # generate once, then time (medians of 5)
    .venv/bin/python benchmarks/run.py --repeat 9 --markdown

An editable install (``pip install -e``) adds its import hook's ~20 ms to every start-up, and without an
``ei`` script beside the interpreter ``python -m ei_cli`` is timed instead: both are recorded in the
machine line and warned about (docs/performance.md).

1. Generates (once, seeded) 114 workbooks × 50 workers × 12 payroll months into
   ``benchmarks/_data/federation/`` (gitignored) with ``build_random_enterprise`` + ``write_template``.
2. Times, each as a fresh process (interpreter start-up included, like a user's run), median of
   ``--repeat`` runs after one warm-up run, the measures taken in turn round after round (a, b…, e, then a
   again): a host whose speed drifts from one minute to the next slows every measure alike, not one of them:
   (a) a raw python-calamine read of every cell of every sheet of those files (the floor for reading);
   (b) ``ei batch DIR --year 2025 --quiet --out TMP`` as the monthly job runs it (one worker process per
       CPU, the default), and for information with ``--jobs 1`` and without ``--out`` (summary only);
   (c) ``ei --help``; (d) ``--help`` of ``benchmarks/floor_app.py`` (a do-nothing two-command Typer app);
   (e) ``ei check FILE --year 2025`` on one 50-worker workbook.
3. Prints every median, b/a (target ≤ 2), c/d (target ≤ 1.2) and e (target < 0.5 s), and the machine; for
   information, the median of the rounds' own b/a and their spread.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE / "_data" / "federation"
N_FILES, N_WORKERS, N_MONTHS, END_YEAR, SEED = 114, 50, 12, 2025, 7000
STAMP = f"{N_FILES}x{N_WORKERS}x{N_MONTHS}-{END_YEAR}-seed{SEED}-v1"

RAW_READ = """
import sys
from pathlib import Path
from python_calamine import CalamineWorkbook
cells = 0
for path in sorted(Path(sys.argv[1]).glob('*.xlsx')):
    book = CalamineWorkbook.from_path(str(path))
    for name in book.sheet_names:
        for row in book.get_sheet_by_name(name).to_python():
            for value in row:
                cells += 1
print(cells)
"""


# ------------------------------------------------------------------------------------ data
def _one(i: int) -> str:
    from ei_cli.workbook.sample import build_random_enterprise
    from ei_cli.workbook.template import write_template

    # One enterprise in five is Brussels, like the sector's rough split between the two regions.
    region = "bruxelles" if i % 5 == 4 else "wallonie"
    data = build_random_enterprise(SEED + i, N_WORKERS, N_MONTHS, region, END_YEAR)
    path = DATA / f"ei-{i + 1:03d}.xlsx"
    write_template(path, **data)
    return path.name


def generate(force: bool = False) -> Path:
    stamp = DATA / ".stamp"
    if not force and stamp.is_file() and stamp.read_text() == STAMP:
        return DATA
    if DATA.exists():
        shutil.rmtree(DATA)
    DATA.mkdir(parents=True)
    started = time.perf_counter()
    with ProcessPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        list(pool.map(_one, range(N_FILES)))
    stamp.write_text(STAMP)
    print(f"generated {N_FILES} workbooks in {time.perf_counter() - started:.1f} s → {DATA}", file=sys.stderr)
    return DATA


# ------------------------------------------------------------------------------------ timing
def ei_command() -> list[str]:
    script = Path(sys.executable).with_name("ei")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "ei_cli"]


def environment() -> dict:
    """The children's environment: as an installed ``ei`` runs, with its byte-code cached.

    With PYTHONDONTWRITEBYTECODE set (some CI and sandbox images set it) every run would compile all
    of ei_cli from source again, while site-packages (Typer, rich) keep their installed .pyc files:
    that measures the sandbox, not ``ei``. The warm-up run writes the ``__pycache__`` folders.
    """
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def _children_cpu() -> float | None:
    """CPU time (user + system) of the finished child processes so far; None where unknown (Windows)."""
    try:
        import resource
    except ImportError:
        return None
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_once(cmd: list[str], env: dict, text: bool = False
             ) -> tuple[float, float | None, subprocess.CompletedProcess]:
    """One run of ``cmd``: its wall time, its CPU time (its processes' user + system; None where unknown), and it."""
    cpu, started = _children_cpu(), time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=text, env=env)
    wall, after = time.perf_counter() - started, _children_cpu()
    return wall, (after - cpu if cpu is not None and after is not None else None), done


def timed(measures: dict[str, tuple[list[str], tuple[int, ...]]], repeat: int
          ) -> dict[str, tuple[list[float], list[float], subprocess.CompletedProcess | RuntimeError]]:
    """Wall and CPU times of ``repeat`` runs of each measure's command (after one warm-up run each), taken in
    rounds: every measure once, in order, then the next round — so that a host slower for a minute (a busy
    neighbour of a virtual machine) slows every measure of the round, not one measure's runs. A command whose
    warm-up run exits with a code not in its ``ok`` is not timed: its RuntimeError is given instead of its last
    run. The CPU times are empty where the system does not give them."""
    env = environment()
    out: dict[str, tuple[list[float], list[float], subprocess.CompletedProcess | RuntimeError]] = {}
    for key, (cmd, ok) in measures.items():
        first = run_once(cmd, env, text=True)[2]
        out[key] = ([], [], first if first.returncode in ok else RuntimeError(
            f"{' '.join(cmd)} exited {first.returncode}: {first.stderr[-2000:]}"))
    for _ in range(repeat):
        for key, (cmd, _ok) in measures.items():
            times, cpus, last = out[key]
            if isinstance(last, RuntimeError):
                continue
            wall, cpu, last = run_once(cmd, env, text=True)
            times.append(wall)
            if cpu is not None:
                cpus.append(cpu)
            out[key] = (times, cpus, last)
    return out


def machine() -> dict:
    load = os.getloadavg() if hasattr(os, "getloadavg") else None
    return {"cpu_count": os.cpu_count(), "python": platform.python_version(), "uname": " ".join(platform.uname()),
            "processor": _cpu_model(), "load_average_at_end": load, "ei_command": " ".join(ei_command()),
            "ei_install": _ei_install()}


def _ei_install() -> str:
    """« installed », or « editable » (its import hook slows every start-up) or « not installed »."""
    from importlib import metadata

    try:
        direct_url = json.loads(metadata.distribution("ei-cli").read_text("direct_url.json") or "{}")
    except metadata.PackageNotFoundError:
        return "not installed"
    return "editable" if direct_url.get("dir_info", {}).get("editable") else "installed"


def install_warnings(info: dict) -> list[str]:
    warnings = []
    if info["ei_install"] != "installed":
        warnings.append(f"WARNING: ei is {info['ei_install']} in this environment; measure a `pip install .` "
                        "(docs/performance.md)")
    if not info["ei_command"].endswith("/ei"):
        warnings.append("WARNING: no `ei` script beside this Python: `python -m ei_cli` is timed instead")
    return warnings


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=5, help="runs per measure (median), at least 5")
    parser.add_argument("--regenerate", action="store_true", help="rewrite the data folder")
    parser.add_argument("--markdown", action="store_true", help="also print a Markdown block for docs/performance.md")
    parser.add_argument("--json", action="store_true", help="print the results as JSON only")
    parser.add_argument("--no-serial", action="store_true", help="skip the --jobs 1 run of (b) (quicker)")
    args = parser.parse_args(argv)
    repeat = max(5, args.repeat)
    data = generate(args.regenerate)
    ei = ei_command()
    results: dict[str, float | None] = {}
    notes: dict[str, str] = {}
    first = sorted(data.glob("*.xlsx"))[0]
    with tempfile.TemporaryDirectory(prefix="ei-bench-") as tmp:
        measures = {"a_raw_calamine_read": ([sys.executable, "-c", RAW_READ, str(data)], (0,))}
        # (b) as the monthly job runs it (every output written; one worker process per CPU, the default);
        # for information, on one process only, and without --out (the summary on stdout only).
        for key, options in (("b_batch", []), ("b_batch_jobs1", ["--jobs", "1"]), ("b_batch_no_out", None)):
            if key == "b_batch_jobs1" and args.no_serial:
                continue
            outputs = ["--out", str(Path(tmp) / key)] if options is not None else []
            measures[key] = ([*ei, "batch", str(data), "--year", str(END_YEAR), "--quiet", *(options or []),
                              *outputs, "--format", "json"], (0, 1, 2))
        measures["c_ei_help"] = ([*ei, "--help"], (0,))
        measures["d_floor_help"] = ([sys.executable, str(HERE / "floor_app.py"), "--help"], (0,))
        measures["e_ei_check_50_workers"] = ([*ei, "check", str(first), "--year", str(END_YEAR), "--format", "json"],
                                             (0, 1))
        runs = timed(measures, repeat)
    cpu_times: dict[str, float] = {}
    for key, (times, cpus, last) in runs.items():
        if isinstance(last, RuntimeError):
            if key != "e_ei_check_50_workers":
                raise last
            results[key] = None
            notes[key] = f"not measured: {str(last)[:300]}"
            continue
        results[key] = statistics.median(times)
        if cpus:
            cpu_times[key] = statistics.median(cpus)
        if key == "a_raw_calamine_read":
            notes[key] = f"{last.stdout.strip()} cells"
        elif key.startswith("b_"):
            summary = json.loads(last.stdout)["summary"]
            notes[key] = (f"exit {last.returncode}; {summary['files']} files: {summary['compliant']} "
                          f"compliant, {summary['not_compliant']} not, {summary['unknown']} unknown, "
                          f"{summary['unreadable']} unreadable")
        elif key == "e_ei_check_50_workers":
            notes[key] = f"{first.name}, exit {last.returncode}"
    # Each round's own b/a (its b against its a, taken seconds apart): their median and spread.
    paired = sorted(b / a for a, b in zip(runs["a_raw_calamine_read"][0], runs["b_batch"][0]))
    ratios = {"b/a": results["b_batch"] / results["a_raw_calamine_read"]}
    if "b_batch_jobs1" in results:
        ratios["b/a (--jobs 1)"] = results["b_batch_jobs1"] / results["a_raw_calamine_read"]
    ratios["b/a (no --out)"] = results["b_batch_no_out"] / results["a_raw_calamine_read"]
    ratios["b/a per round (median)"] = statistics.median(paired)
    ratios["c/d"] = results["c_ei_help"] / results["d_floor_help"]
    targets = {"b/a": 2.0, "b/a (--jobs 1)": None, "b/a (no --out)": None, "b/a per round (median)": None,
               "c/d": 1.2}
    report = {"machine": machine(), "repeat": repeat, "data": STAMP, "seconds": results, "cpu_seconds": cpu_times,
              "notes": notes,
              "ratios": ratios, "targets": {**targets, "e_ei_check_50_workers": 0.5},
              "b/a of each round": [round(r, 3) for r in paired]}
    if args.json:
        print(json.dumps(report, indent=2))
        return 0
    print(f"machine: {report['machine']}")
    for warning in install_warnings(report["machine"]):
        print(warning, file=sys.stderr)
    print(f"data: {STAMP} ({data}); medians of {repeat} runs, process start-up included")
    for key, value in results.items():
        shown = "n/a" if value is None else f"{value:8.3f} s"
        cpu = f"   (CPU {cpu_times[key]:.3f} s)" if key in cpu_times and key.startswith(("a_", "b_")) else ""
        print(f"  {key:24} {shown}   {notes.get(key, '')}{cpu}")
    for key, value in ratios.items():
        if key == "b/a per round (median)":
            print(f"  {key:24} {value:8.2f}   (for information; from {paired[0]:.2f} to {paired[-1]:.2f})")
        elif targets[key] is None:
            print(f"  {key:24} {value:8.2f}   (for information)")
        else:
            print(f"  {key:24} {value:8.2f}   target ≤ {targets[key]}  {'OK' if value <= targets[key] else 'MISSED'}")
    e = results["e_ei_check_50_workers"]
    print(f"  {'e (ei check)':24} {'n/a' if e is None else f'{e:8.3f} s'}   target < 0.5 s  "
          f"{'n/a' if e is None else ('OK' if e < 0.5 else 'MISSED')}")
    if args.markdown:
        print("\n| measure | median (s) | note |\n| --- | ---: | --- |")
        for key, value in results.items():
            print(f"| {key} | {'n/a' if value is None else f'{value:.3f}'} | {notes.get(key, '')} |")
        for key, value in ratios.items():
            print(f"| {key} | {value:.2f} | {'—' if targets[key] is None else f'target ≤ {targets[key]}'} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
