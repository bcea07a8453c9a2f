"""``ei init [DIR] [--sample] [--force]`` end to end."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from openpyxl import load_workbook
from helpers_cli import broken_stream_case, run_with_broken_stream
from typer.testing import CliRunner

from ei_cli.cli import app
from ei_cli.workbook import schema

runner = CliRunner()


def test_init_writes_the_blank_template(tmp_path):
    target = tmp_path / "new" / "dir"
    result = runner.invoke(app, ["init", str(target)])
    assert result.exit_code == 0, result.output
    path = target / "ei-modele.xlsx"
    assert path.is_file()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert "ei validate" in result.output and str(path) in result.output
    wb = load_workbook(path)
    assert {s.name for s in schema.SHEETS} <= set(wb.sheetnames) and "Lisez-moi" in wb.sheetnames
    assert wb["Personnel"].max_row == 1
    assert [p.name for p in target.iterdir()] == ["ei-modele.xlsx"], "no temporary file left behind"


def test_init_refuses_to_overwrite_without_force(tmp_path):
    path = tmp_path / "ei-modele.xlsx"
    path.write_bytes(b"mine")
    result = runner.invoke(app, ["init", str(tmp_path)])
    assert result.exit_code == 2
    assert "--force" in result.output and "existe déjà" in result.output
    assert path.read_bytes() == b"mine"
    result = runner.invoke(app, ["init", str(tmp_path), "--force"])
    assert result.exit_code == 0, result.output
    assert load_workbook(path)["Entreprise"]["A2"].value == "nom"


def test_init_refuses_a_file_as_directory(tmp_path):
    not_a_dir = tmp_path / "file"
    not_a_dir.write_text("x")
    result = runner.invoke(app, ["init", str(not_a_dir)])
    assert result.exit_code == 2


def test_init_refuses_a_workbook_name_instead_of_making_a_folder_of_it(tmp_path):
    """« ei init clients.xlsx » used to create the folder clients.xlsx/ and ei-modele.xlsx inside it."""
    result = runner.invoke(app, ["init", str(tmp_path / "clients.xlsx")])
    assert result.exit_code == 2 and "nom de classeur" in result.output
    assert list(tmp_path.iterdir()) == []


def test_init_hints_quote_the_path_for_the_users_shell(tmp_path, monkeypatch):
    """« Essayez : ei check 'mon ei\\ei-modele.xlsx' » (shlex.quote) did not run on Windows: cmd.exe hands
    the single quotes to ei. The command printed quotes the path for the user's shell (output.shell_quote):
    POSIX quotes here, double quotes on Windows; so does the hint of a workbook name given for the folder."""
    import shlex

    from ei_cli import output

    folder = tmp_path / "mon ei"
    result = runner.invoke(app, ["init", str(folder), "--sample"])
    assert result.exit_code == 0, result.output
    hint = result.output.strip().splitlines()[-1]
    assert hint.startswith("Essayez : ei check ")
    assert shlex.split(hint.removeprefix("Essayez : ")) == ["ei", "check", str(folder / "ei-modele.xlsx")]
    monkeypatch.setattr(output, "_windows_shell", lambda: True)
    result = runner.invoke(app, ["init", str(folder), "--force"])
    assert result.output.strip().splitlines()[-1] == f'Remplissez-le puis : ei validate "{folder / "ei-modele.xlsx"}"'
    result = runner.invoke(app, ["init", str(folder / "clients.xlsx")])
    assert result.exit_code == 2 and f'(par exemple : ei init "{folder}")' in result.output


def test_init_hint_for_a_folder_name_that_is_not_utf8_names_that_folder(tmp_path, monkeypatch, capsys):
    """``ei init $'Fran\\xe7ois'`` (latin-1 bytes, an old Windows archive): the hint printed
    « ei validate 'Fran\ufffdois/ei-modele.xlsx' » — U+FFFD, a file that does not exist (and the line before
    it, the path as text, failed on a strict UTF-8 stdout: « Erreur interne (UnicodeEncodeError) »). On POSIX such a path
    is printed in bash/zsh ANSI-C quoting, each byte that is not UTF-8 as \\xHH: bash gives back the real
    bytes, and the command copied runs. A quote, a backslash and valid UTF-8 beside such a byte: \\', \\\\, as
    they are."""
    import shutil
    import subprocess

    from helpers_cli import run_cli
    from ei_cli.output import shell_quote

    monkeypatch.chdir(tmp_path)
    code, _, err = run_cli(capsys, "init", os.fsdecode(b"Fran\xe7ois"))
    said, hint = err.splitlines()
    assert code == 0 and hint == "Remplissez-le puis : ei validate $'Fran\\xe7ois/ei-modele.xlsx'"
    assert said == "Modèle vierge écrit : Fran\ufffdois/ei-modele.xlsx"  # text, not a command: display_path
    assert shell_quote(Path(os.fsdecode(b"l'\xe9t\xe9 \xc3\xa9\\x")), windows=False) == "$'l\\'\\xe9t\\xe9 \u00e9\\\\x'"
    if shutil.which("bash"):
        word = hint.split(" validate ", 1)[1]
        back = subprocess.run(["bash", "-c", f"printf %s {word}"], capture_output=True, check=True).stdout
        assert back == b"Fran\xe7ois/ei-modele.xlsx"
        code, _, err = run_cli(capsys, "validate", os.fsdecode(back))
        assert code == 0, err


def test_init_defaults_to_the_current_directory(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["init"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "ei-modele.xlsx").is_file()


def test_init_sample_fills_the_workbook(tmp_path):
    result = runner.invoke(app, ["init", str(tmp_path), "--sample"])
    assert result.exit_code == 0, result.output
    wb = load_workbook(tmp_path / "ei-modele.xlsx")
    enterprise = {r[0].value: r[1].value for r in wb["Entreprise"].iter_rows(min_row=2)}
    assert enterprise["nom"] == "Recyclerie du Val" and enterprise["region"] == "wallonie"
    assert wb["Personnel"].max_row == 18  # header + 17 workers
    assert wb["Paie"].max_row > 400 and wb["Suivi"].max_row > 100


def test_a_workbook_still_named_like_the_blank_template_is_flagged(tmp_path):
    """``ei init`` pre-fills nom, region and date_agrement so that the blank workbook reads; one filled in
    without replacing them would be judged on a made-up agrément date. While the name is the template's,
    every read warns (template_placeholder, at the name's cell); the samples, renamed, do not."""
    from pathlib import Path

    from ei_cli.workbook import read_workbook

    assert runner.invoke(app, ["init", str(tmp_path)]).exit_code == 0
    warnings = [(p.code, p.sheet, p.cell) for p in read_workbook(tmp_path / "ei-modele.xlsx").problems]
    assert ("template_placeholder", "Entreprise", "B2") in warnings
    sample = Path(__file__).parent.parent / "sample_data" / "ei-wallonie.xlsx"
    assert "template_placeholder" not in {p.code for p in read_workbook(sample).problems}


def test_the_readme_and_lists_say_what_the_reader_accepts(tmp_path):
    """What the template tells an administrator must hold for the reader:
    - a worker id is unique in Personnel only; in Paie and Suivi it is one of Personnel's (the readme
      and the header comments said « texte ou nombre, unique » there too);
    - the Entreprise regime field offers the regime ids in a drop-down and the readme lists them (it
      said « texte »), and the reader takes them as loosely as the other lists (« Wallonie 2016 »);
    - the sample's readme no longer describes a blank template it is not;
    - dates between 1900 and 2099, and 31/12/9999 in date_sortie, are in the conventions."""
    from helpers_workbook import valid_sheets, write_workbook

    from ei_cli.workbook import read_workbook

    runner.invoke(app, ["init", str(tmp_path / "blank")])
    runner.invoke(app, ["init", "--sample", str(tmp_path / "sample")])
    blank = load_workbook(tmp_path / "blank" / "ei-modele.xlsx")
    rows = [[c.value for c in row] for row in blank["Lisez-moi"].iter_rows()]
    ids = {r[0]: r[3] for r in rows if r[1] == "id_travailleur"}
    assert ids == {"Personnel": "texte ou nombre, unique", "Paie": "l'id_travailleur d'une ligne de Personnel",
                   "Suivi": "l'id_travailleur d'une ligne de Personnel"}
    assert "unique" not in blank["Paie"]["A1"].comment.text
    regime = next(r for r in rows if r[0] == "Entreprise" and r[1] == "regime")
    assert regime[3].startswith("bruxelles-2004, bruxelles-2018, wallonie-2003, wallonie-2016")
    lists = [dv.formula1 for dv in blank["Entreprise"].data_validations.dataValidation]
    assert '"bruxelles-2004,bruxelles-2018,wallonie-2003,wallonie-2016"' in lists
    text = " ".join(str(r[0]) for r in rows if r[0])
    assert "entre 1900 et 2099" in text and "31/12/9999" in text and "Modèle vierge" in text
    sample_text = " ".join(str(c.value) for row in load_workbook(tmp_path / "sample" / "ei-modele.xlsx")["Lisez-moi"]
                           .iter_rows() for c in row if c.value)
    assert "Modèle vierge" not in sample_text and "entreprise fictive" in sample_text
    sheets = valid_sheets()
    next(r for r in sheets["Entreprise"] if r[0] == "regime")[1] = "Wallonie 2016"
    result = read_workbook(write_workbook(tmp_path / "loose.xlsx", sheets))
    assert result.enterprise.regime_id == "wallonie-2016" and not [p for p in result.problems if "regime" in p.code]


def test_the_command_to_copy_works_for_a_folder_whose_name_starts_with_a_dash(tmp_path, monkeypatch, capsys):
    """``ei init -- -2025`` printed « ei validate -2025/ei-modele.xlsx », which ei reads as options
    (« option inconnue : -2 », exit 2). The path to copy now starts with ``./`` (``output.shell_quote``),
    and the command printed runs."""
    import shlex

    from helpers_cli import run_cli

    monkeypatch.chdir(tmp_path)
    code, _, err = run_cli(capsys, "init", "--", "-2025")
    hint = err.splitlines()[-1]
    assert code == 0 and hint == "Remplissez-le puis : ei validate ./-2025/ei-modele.xlsx"
    code, out, err = run_cli(capsys, *shlex.split(hint.split(" : ", 1)[1])[1:])
    assert code == 0, err


@pytest.mark.parametrize("stdout", [broken_stream_case("full"), broken_stream_case("closed")])
def test_init_with_a_stdout_that_cannot_be_written_still_succeeds(tmp_path, stdout):
    """``ei init DIR > /dev/full`` wrote the template, then failed on its confirmation: « Erreur du système
    (disque plein) », exit 2 — which cli.md keeps for « nothing written » — and the script's retry was refused
    (« existe déjà »). The confirmation and the command to copy go to stderr, as ``ei report``'s: exit 0, the
    template written, stdout untouched (closed, ``>&-``, likewise)."""
    r = run_with_broken_stream(1, stdout, ["init", tmp_path / "mon-ei"])
    err = r.stderr.decode("utf-8")
    assert r.returncode == 0, err
    assert (tmp_path / "mon-ei" / "ei-modele.xlsx").is_file() and "Remplissez-le puis : ei validate" in err
