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


# ---------------------------------------------------------------------------------------- -o over an input
SAMPLE = __import__("pathlib").Path(__file__).parent.parent / "sample_data" / "ei-wallonie.xlsx"


@pytest.mark.parametrize("args, name", [
    (("subsidy", "--year", "2025"), "a.xlsx"),          # -o a.xlsx wrote the claim workbook over the staff one
    (("check", "--year", "2025"), "staff"),             # no suffix: the table text replaced the workbook
    (("check-quota", "--year", "2025"), "staff"),
    (("check-wages", "--year", "2025"), "staff"),
    (("check-eligibility",), "staff"),
    (("validate", "--format", "json"), "staff"),
])
def test_output_over_the_input_workbook_is_refused(capsys, tmp_path, args, name):
    """``-o`` naming the workbook read: exit 2 and a French message, and the workbook is left byte for
    byte as it was (the old code wrote the result over it and exited 0). The same path spelled another
    way (``dir/../name``) is the same file."""
    from helpers_cli import run_cli

    source = tmp_path / name
    source.write_bytes(SAMPLE.read_bytes())
    spelled = tmp_path / "sub" / ".." / name
    (tmp_path / "sub").mkdir()
    code, out, err = run_cli(capsys, args[0], source, *args[1:], "-o", spelled)
    assert code == 2, err
    assert "est le classeur lu" in err and "il serait remplacé" in err
    assert source.read_bytes() == SAMPLE.read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([name, "sub"])  # no temporary file left either


@pytest.mark.parametrize("link", ["symlink", "hardlink"])
def test_output_that_is_a_link_to_the_input_is_refused(capsys, tmp_path, link):
    """A symbolic or hard link to the workbook read is the same file (``os.path.samefile``): refused,
    exit 2, in English with ``--lang en``; both names still hold the workbook (the old code replaced the
    link with the claim workbook and exited 0)."""
    import os

    from helpers_cli import run_cli

    source = tmp_path / "staff.xlsx"
    source.write_bytes(SAMPLE.read_bytes())
    other = tmp_path / "claim.xlsx"
    (os.symlink if link == "symlink" else os.link)(source, other)
    code, _, err = run_cli(capsys, "subsidy", source, "--year", "2025", "-o", other, "--lang", "en")
    assert code == 2 and "is the workbook read" in err
    assert other.read_bytes() == source.read_bytes() == SAMPLE.read_bytes()


def test_every_command_with_an_output_file_is_guarded():
    """The guard is in one place, the command class ``cli`` gives every command: each command (report's
    sub-commands included) that takes ``-o`` and input files is an ``EiCommand``, so a new command gets
    the guard too."""
    import typer

    from ei_cli.cli import app
    from ei_cli.commands._options import INPUT_PARAMS, OUTPUT_PARAM, EiCommand

    def commands(group, prefix=()):
        for name, command in group.commands.items():
            if hasattr(command, "commands"):
                yield from commands(command, prefix + (name,))
            else:
                yield prefix + (name,), command

    guarded = []
    for path, command in commands(typer.main.get_command(app)):
        names = {p.name for p in command.params}
        if OUTPUT_PARAM in names and names & set(INPUT_PARAMS):
            assert isinstance(command, EiCommand), path
            guarded.append(" ".join(path))
    assert {"check", "check-quota", "check-wages", "check-eligibility", "subsidy", "validate", "report annual",
            "report agrement"} <= set(guarded)
