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
