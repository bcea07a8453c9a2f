"""Run ``ei`` in the test process exactly as the console script does."""

from __future__ import annotations

import functools
import os
import subprocess
import sys
from pathlib import Path

import pytest

from ei_cli.cli import main


def run_cli(capsys, *args) -> tuple[int, str, str]:
    """``ei ARGS`` (any value turned into text); (exit code, stdout, stderr) as the user sees them."""
    capsys.readouterr()
    try:
        main([str(a) for a in args])
        code = 0
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 2)
    out, err = capsys.readouterr()
    return code, out, err


@functools.lru_cache(maxsize=None)
def command_exists(*words: str) -> bool:
    """True when ``ei WORDS --help`` succeeds (a command or sub-command that is there)."""
    try:
        main([*words, "--help"])
    except SystemExit as exc:
        return exc.code == 0
    return False


def deny_listing(monkeypatch, *denied) -> None:
    """As root every folder can be listed: make ``denied`` refuse it the way a non-root user meets it
    (``os.scandir`` fails with EACCES, naming the folder), as Windows refuses ``System Volume Information``."""
    import errno

    real = os.scandir

    def scandir(path="."):
        if any(os.path.abspath(path) == os.path.abspath(d) for d in denied):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), os.fspath(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)


# What breaking a standard stream each way (``run_with_broken_stream``) needs of the system.
_BREAKING_NEEDS = {
    "full": pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full"),
    "closed": pytest.mark.skipif(sys.platform == "win32", reason="preexec_fn (closing the child's stream) is POSIX's"),
}


def broken_stream_case(how: str, *values) -> object:
    """A parametrised case (``how``, then ``values``) run with a stream broken ``how``
    (``run_with_broken_stream``), skipped where the system cannot break it so."""
    return pytest.param(how, *values, marks=_BREAKING_NEEDS.get(how, ()))


def run_with_broken_stream(fd: int, how: str, args, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """``python -m ei_cli ARGS`` whose stdout (``fd`` 1) or stderr (``fd`` 2) cannot be written: ``full``
    (``>/dev/full``), ``closed`` (``>&-``) or ``gone`` (a pipe whose reader has gone); the other one captured,
    as bytes."""
    command = [sys.executable, "-m", "ei_cli", *map(str, args)]
    streams = {1: "stdout", 2: "stderr"}
    other = {streams[3 - fd]: subprocess.PIPE}
    if how == "full":
        with open("/dev/full", "w") as full:
            return subprocess.run(command, **other, **{streams[fd]: full}, cwd=cwd, timeout=120)
    if how == "closed":
        return subprocess.run(command, **other, cwd=cwd, timeout=120, preexec_fn=lambda: os.close(fd))
    read, write = os.pipe()
    os.close(read)
    try:
        return subprocess.run(command, **other, **{streams[fd]: write}, cwd=cwd, timeout=120)
    finally:
        os.close(write)


def cli_spec_sentence(start: str) -> str:
    """The text of docs/spec/cli.md from ``start`` to the end of its paragraph (up to the next line beginning
    with « Added — » or « `ei », or a blank line), lines joined: what the contract says, for a test to hold
    it to."""
    text = (Path(__file__).resolve().parent.parent / "docs" / "spec" / "cli.md").read_text(encoding="utf-8")
    at = text.find(start)
    if at < 0:
        return ""
    lines = text[at:].split("\n")
    kept = [lines[0]]
    for line in lines[1:]:
        if not line.strip() or line.startswith(("Added —", "`ei ")):
            break
        kept.append(line)
    return " ".join(kept)
