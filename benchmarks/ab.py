"""Interleaved A/B timing of two versions of ``ei batch`` on the benchmark's workbooks, and a check that they
write the same outputs. Not a test: run it by hand before keeping a change meant to make ``ei`` faster, or one
that should cost nothing, and record what it says in docs/performance.md.

    .venv/bin/python benchmarks/ab.py c7716fa                 # commit c7716fa's ei (A) against this .venv's (B)
    .venv/bin/python benchmarks/ab.py HEAD~3 HEAD --repeat 9  # two commits, each installed in a venv of its own
    .venv/bin/python benchmarks/ab.py /other/.venv/bin/ei --jobs 1 --no-out

Why: the hosts this project is measured on change speed by a third from one quarter of an hour to the next
(docs/performance.md), so the ratio of two benchmark runs taken apart says more about the host than about the
code. Here A and B run turn about (A B, then B A, …) on the same files, each writing its outputs as the monthly
job does, and both wall time and CPU time (user + system of the run's processes) are given, with their spread.

A version is a path to an ``ei`` script, or a git revision of this repository: its files (``git archive``) are
installed once, non-editable, in ``benchmarks/_data/ab/<commit>/`` (gitignored; pip needs its package index
for the dependencies). B defaults to the ``ei`` beside this interpreter, as ``benchmarks/run.py`` measures it.

After the timed runs, the two versions' last outputs are compared: every per-file JSON and summary.json byte for
byte, summary.xlsx cell for cell (its file differs by its creation time), the JSON on stdout byte for byte and
the exit codes. Exit status: 0 when they are the same, 1 when they differ (the first differences are listed),
2 when a version cannot be built or run.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

from run import DATA, END_YEAR, environment, ei_command, generate, run_once  # the same data, environment, timing

REPO = Path(__file__).resolve().parent.parent
BUILDS = DATA.parent / "ab"
SHOWN = 10  # differences listed at most


# ------------------------------------------------------------------------------------ versions
def _git(*args: str) -> str:
    return subprocess.run(["git", "-C", str(REPO), *args], capture_output=True, text=True, check=True).stdout.strip()


def _in_venv(venv: Path, program: str) -> Path:
    return venv / (f"Scripts/{program}.exe" if os.name == "nt" else f"bin/{program}")


class Failed(Exception):
    """A version that cannot be built or run: said in one line, exit status 2."""


def version(spec: str | None) -> tuple[str, list[str]]:
    """(label, command) of a version: an ``ei`` script's path, a git revision (installed once), or None for the
    ``ei`` beside this interpreter."""
    if spec is None:
        return "this environment", ei_command()
    if Path(spec).is_file():
        return spec, [str(Path(spec).resolve())]
    try:
        commit = _git("rev-parse", "--verify", f"{spec}^{{commit}}")
    except subprocess.CalledProcessError:
        raise Failed(f"« {spec} » is neither an ei script nor a revision of {REPO}") from None
    return f"{spec} ({commit[:10]})", [str(build(commit))]


def build(commit: str) -> Path:
    """The ``ei`` script of ``commit`` installed in a venv of its own (made once, then reused)."""
    home = BUILDS / commit
    script = _in_venv(home / "venv", "ei")
    if (home / ".built").is_file() and script.is_file():
        return script
    if home.exists():
        shutil.rmtree(home)
    source = home / "src"
    source.mkdir(parents=True)
    archive = subprocess.run(["git", "-C", str(REPO), "archive", "--format=tar", commit],
                             capture_output=True, check=True).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        if hasattr(tarfile, "data_filter"):
            tar.extractall(source, filter="data")
        else:  # Python < 3.11.4: the archive is this repository's own
            tar.extractall(source)
    print(f"installing {commit[:10]} in {home} …", file=sys.stderr)
    try:
        subprocess.run([sys.executable, "-m", "venv", str(home / "venv")], check=True)
        subprocess.run([str(_in_venv(home / "venv", "python")), "-m", "pip", "install", "-q", str(source)], check=True)
    except subprocess.CalledProcessError as exc:
        raise Failed(f"installing {commit[:10]} failed ({' '.join(map(str, exc.cmd[:3]))}…, exit {exc.returncode})")
    (home / ".built").write_text(commit)
    return script


# ------------------------------------------------------------------------------------ timing
def interleaved(commands: dict[str, list[str]], repeat: int) -> dict[str, dict]:
    """Each command once to warm up (and to check it runs), then ``repeat`` rounds, the order swapped each round:
    a host slowing down during a round slows both versions, and neither always runs first."""
    env = environment()
    results = {key: {"wall": [], "cpu": [], "last": None} for key in commands}
    for key, cmd in commands.items():
        *_, done = run_once(cmd, env)
        if done.returncode not in (0, 1, 2) or not done.stdout:
            raise Failed(f"{key} failed (exit {done.returncode}):\n{done.stderr.decode(errors='replace')[-2000:]}")
    keys = list(commands)
    for i in range(repeat):
        for key in keys if i % 2 == 0 else keys[::-1]:
            wall, cpu, done = run_once(commands[key], env)
            results[key]["wall"].append(wall)
            if cpu is not None:
                results[key]["cpu"].append(cpu)
            results[key]["last"] = done
    return results


# ------------------------------------------------------------------------------------ outputs
def first_difference(a, b, where: str = "$") -> str | None:
    """The JSON path of the first place two JSON values differ (None when equal)."""
    if type(a) is not type(b):
        return f"{where}: {type(a).__name__} against {type(b).__name__}"
    if isinstance(a, dict):
        for key in list(a) + [k for k in b if k not in a]:
            if key not in a or key not in b:
                return f"{where}.{key}: only in {'B' if key not in a else 'A'}"
            found = first_difference(a[key], b[key], f"{where}.{key}")
            if found:
                return found
        return None if list(a) == list(b) else f"{where}: keys in another order"
    if isinstance(a, list):
        for i, (x, y) in enumerate(zip(a, b)):
            found = first_difference(x, y, f"{where}[{i}]")
            if found:
                return found
        return None if len(a) == len(b) else f"{where}: {len(a)} items against {len(b)}"
    if a == b:
        return None
    a, b = json.dumps(a, ensure_ascii=False), json.dumps(b, ensure_ascii=False)
    start = max(0, next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b))) - 20)
    cut = "…" if start else ""
    return f"{where}: {cut}{a[start:start + 60]} against {cut}{b[start:start + 60]}"


def _json_difference(a: bytes, b: bytes) -> str:
    try:
        found = first_difference(json.loads(a), json.loads(b))
    except ValueError as exc:
        return f"not JSON ({exc})"
    return found or "the same values, other bytes (spacing, number or key writing)"


def _cells(path: Path) -> dict[str, list[tuple]]:
    import openpyxl

    book = openpyxl.load_workbook(path, read_only=True)
    try:
        return {sheet.title: [tuple(row) for row in sheet.iter_rows(values_only=True)] for sheet in book.worksheets}
    finally:
        book.close()


def compare_outputs(out_a: Path | None, out_b: Path | None, last_a, last_b) -> list[str]:
    """What differs between the two versions' last run: exit codes, stdout, every file of the output folders."""
    differences = []
    if last_a.returncode != last_b.returncode:
        differences.append(f"exit code: {last_a.returncode} against {last_b.returncode}")
    if last_a.stdout != last_b.stdout:
        differences.append(f"stdout (summary JSON): {_json_difference(last_a.stdout, last_b.stdout)}")
    if out_a is None or out_b is None:
        return differences
    files_a = {p.relative_to(out_a).as_posix() for p in out_a.rglob("*") if p.is_file()}
    files_b = {p.relative_to(out_b).as_posix() for p in out_b.rglob("*") if p.is_file()}
    differences += [f"{name}: only in A" for name in sorted(files_a - files_b)]
    differences += [f"{name}: only in B" for name in sorted(files_b - files_a)]
    for name in sorted(files_a & files_b):
        a, b = out_a / name, out_b / name
        if name.endswith(".xlsx"):
            if _cells(a) != _cells(b):
                differences.append(f"{name}: cell values differ")
        elif (bytes_a := a.read_bytes()) != (bytes_b := b.read_bytes()):
            differences.append(f"{name}: {_json_difference(bytes_a, bytes_b)}" if name.endswith(".json")
                               else f"{name}: bytes differ")
    return differences


def _spread(values: list[float]) -> str:
    return f"{statistics.median(values):7.3f} s ({min(values):.3f}–{max(values):.3f})"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("a", help="version A: a git revision of this repository, or the path of an ei script")
    parser.add_argument("b", nargs="?", help="version B, likewise (default: the ei beside this interpreter)")
    parser.add_argument("--repeat", type=int, default=7, help="timed runs of each version, at least 5 (default 7)")
    parser.add_argument("--jobs", type=int, help="ei batch --jobs N for both (default: ei's own, one per CPU)")
    parser.add_argument("--no-out", action="store_true", help="without --out: the summary on stdout only")
    parser.add_argument("--regenerate", action="store_true", help="rewrite the benchmark's workbooks first")
    args = parser.parse_args(argv)
    data = generate(args.regenerate)
    try:
        return _compare(args, data, max(5, args.repeat))
    except Failed as exc:
        print(f"ab.py: {exc}", file=sys.stderr)
        return 2


def _compare(args: argparse.Namespace, data: Path, repeat: int) -> int:
    labels = {}
    commands = {}
    with tempfile.TemporaryDirectory(prefix="ei-ab-") as tmp:
        outs = {}
        for key, spec in (("A", args.a), ("B", args.b)):
            labels[key], ei = version(spec)
            outs[key] = None if args.no_out else Path(tmp) / key
            commands[key] = [*ei, "batch", str(data), "--year", str(END_YEAR), "--quiet", "--format", "json",
                             *(["--jobs", str(args.jobs)] if args.jobs else []),
                             *(["--out", str(outs[key])] if outs[key] else [])]
        results = interleaved(commands, repeat)
        differences = compare_outputs(outs["A"], outs["B"], results["A"]["last"], results["B"]["last"])
    shown = " ".join(commands["B"][1:]).replace(str(data), "DATA").replace(str(Path(tmp) / "B"), "TMP")
    for key in commands:
        print(f"{key}: {labels[key]} — {commands[key][0]}")
    print(f"command: ei {shown}")
    print(f"interleaved, {repeat} runs each after a warm-up; median (min–max)")
    cpu = all(results[k]["cpu"] for k in commands)
    print(f"     {'wall':>27}" + (f"   {'CPU (user + system)':>27}" if cpu else ""))
    for key in commands:
        print(f"  {key}  {_spread(results[key]['wall'])}" + (f"   {_spread(results[key]['cpu'])}" if cpu else ""))
    pairs = sorted(b / a for a, b in zip(results["A"]["wall"], results["B"]["wall"]))
    ratio = statistics.median(results["B"]["wall"]) / statistics.median(results["A"]["wall"])
    line = f"  B/A wall {ratio:.3f} (each round's own: median {statistics.median(pairs):.3f}, " \
           f"from {pairs[0]:.3f} to {pairs[-1]:.3f})"
    if cpu:
        line += f"; CPU {statistics.median(results['B']['cpu']) / statistics.median(results['A']['cpu']):.3f}"
    print(line)
    if differences:
        print(f"outputs DIFFER ({len(differences)}):")
        for difference in differences[:SHOWN]:
            print(f"  {difference}")
        if len(differences) > SHOWN:
            print(f"  … and {len(differences) - SHOWN} more")
        return 1
    written = "every output file, " if not args.no_out else ""
    print(f"outputs: the same ({written}stdout, exit code {results['B']['last'].returncode})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
