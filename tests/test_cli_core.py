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


def test_command_help_is_reflowed_paragraph_by_paragraph():
    """A command's help keeps its paragraphs (blank lines) but not the source's line breaks, which
    Typer's rich mode would print as they are: an 80-column terminal then showed an orphan word per line."""
    from ei_cli.cli import app

    def commands(typer_app):
        for info in typer_app.registered_commands:
            yield info
        for group in typer_app.registered_groups:
            yield from commands(group.typer_instance)

    helps = [info.help for info in commands(app) if info.help]
    assert len(helps) >= 10
    for text in helps:
        assert "\n" not in text.replace("\n\n", ""), text
