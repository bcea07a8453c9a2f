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


@pytest.mark.parametrize("lang, expected, other", [
    ("en", "Unknown regime 'no-such-regime'", "Régime inconnu"),
    ("fr", "Régime inconnu « no-such-regime »", "Unknown regime"),
])
def test_a_command_error_is_in_the_language_asked(capsys, lang, expected, other):
    """``--lang en`` also reaches the error ``main`` prints when a command stops (it printed French only)."""
    from helpers_cli import run_cli

    code, _, err = run_cli(capsys, "regimes", "no-such-regime", "--lang", lang)
    assert code == 2 and expected in err and other not in err


def test_a_system_error_is_in_the_language_asked_and_the_next_command_is_french_again(capsys, tmp_path):
    """``--out`` naming a file: the system refuses the folder; English with ``--lang en``. The next
    command in the same process has no ``--lang`` at all (``ei report``), so only ``main``'s reset
    can bring its error back to French."""
    from pathlib import Path

    from helpers_cli import run_cli

    samples = Path(__file__).parent.parent / "sample_data"
    blocker = tmp_path / "out"
    blocker.write_text("a file, not a folder")
    code, _, err = run_cli(capsys, "batch", samples, "--year", "2025", "--quiet", "--out", blocker, "--lang", "en")
    assert code == 2 and err.startswith("System error (") and str(blocker) in err
    code, _, err = run_cli(capsys, "report", "annual", samples / "ei-wallonie.xlsx", "--year", "2025",
                           "-o", tmp_path / "r.odt")
    assert code == 2 and "Format de document inconnu" in err and "Unknown" not in err
