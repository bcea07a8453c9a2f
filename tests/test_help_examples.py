"""Every command's --help ends with an example, and every example runs as written.

The examples use the file names a user would copy: ``classeur.xlsx`` (and ``autre.xlsx``), a folder
``classeurs/``, output files and folders. They are run here, in a folder holding the filled sample
workbook under those names, exactly as printed (a parenthesis after an example is a comment).
"""

from __future__ import annotations

import re
import shlex
import shutil

import pytest

from ei_cli.cli import app


def _commands(typer_app, prefix=()):
    for info in typer_app.registered_commands:
        yield (*prefix, info.name), info.help or ""
    for group in typer_app.registered_groups:
        yield from _commands(group.typer_instance, (*prefix, group.name))


COMMANDS = dict(_commands(app))


def _examples(help_text: str) -> list[list[str]]:
    """The commands of the help's « Exemple(s) : » paragraph, each without its « (comment) »."""
    match = re.search(r"Exemples? : (.*)", help_text)
    assert match, help_text
    out = []
    for part in match.group(1).split(" ; "):
        words = shlex.split(re.sub(r"\s*\([^)]*\)", "", part))
        assert words[0] == "ei", part
        out.append(words[1:])
    return out


def test_every_command_has_an_example():
    assert len(COMMANDS) >= 11
    for name, help_text in COMMANDS.items():
        assert re.search(r"Exemples? : ei ", help_text), name


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    from ei_cli.workbook.template import write_template
    from ei_cli.workbook.sample import build_walloon_sample

    here = tmp_path_factory.mktemp("examples")
    write_template(here / "classeur.xlsx", **build_walloon_sample())
    shutil.copy(here / "classeur.xlsx", here / "autre.xlsx")
    (here / "classeurs").mkdir()
    shutil.copy(here / "classeur.xlsx", here / "classeurs" / "classeur.xlsx")
    return here


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_each_example_runs_as_written(name, folder, capsys, monkeypatch):
    """Exit 0 or 1 (1: the sample is not compliant on some check), never a usage or input error (2)."""
    from helpers_cli import run_cli

    monkeypatch.chdir(folder)
    for words in _examples(COMMANDS[name]):
        code, _, err = run_cli(capsys, *words)
        assert code in (0, 1), (words, err)
