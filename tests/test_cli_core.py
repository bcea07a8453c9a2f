"""The command line's frame: exit codes for usage errors, no traceback, `python -m ei_cli`."""

from __future__ import annotations

import subprocess
import sys

import pytest


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "ei_cli", *args], capture_output=True, text=True, timeout=60)


@pytest.mark.parametrize("args", [("bogus",), ("validate",), ("regimes", "--format", "xml"),
                                  ("validate", "/nonexistent/ei.xlsx"), ("regimes", "no-such-regime")])
def test_usage_and_input_errors_exit_2_without_traceback(args):
    r = run(*args)
    assert r.returncode == 2, (r.stdout, r.stderr)
    assert "Traceback" not in r.stderr + r.stdout


def test_version_and_module_entry_point():
    r = run("--version")
    assert r.returncode == 0 and r.stdout.startswith("ei ")
