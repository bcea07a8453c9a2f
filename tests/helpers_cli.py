"""Run ``ei`` in the test process exactly as the console script does."""

from __future__ import annotations

import functools

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
    import os

    real = os.scandir

    def scandir(path="."):
        if any(os.path.abspath(path) == os.path.abspath(d) for d in denied):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), os.fspath(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)



def cli_spec_sentence(start: str) -> str:
    """The text of docs/spec/cli.md from ``start`` to the end of its paragraph (up to the next line beginning
    with « Added — » or « `ei », or a blank line), lines joined: what the contract says, for a test to hold
    it to."""
    from pathlib import Path

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
