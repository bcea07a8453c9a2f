"""The command line's frame: exit codes for usage errors, no traceback, `python -m ei_cli`."""

from __future__ import annotations

import codecs
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from helpers_cli import broken_stream_case, run_cli, run_with_broken_stream

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "sample_data" / "ei-wallonie.xlsx"


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
    ("en", "Unknown regime “no-such-regime”", "Régime inconnu"),
    ("fr", "Régime inconnu « no-such-regime »", "Unknown regime"),
])
def test_a_command_error_is_in_the_language_asked(capsys, lang, expected, other):
    """``--lang en`` also reaches the error ``main`` prints when a command stops (it printed French only)."""
    code, _, err = run_cli(capsys, "regimes", "no-such-regime", "--lang", lang)
    assert code == 2 and expected in err and other not in err


def test_a_system_error_is_in_the_language_asked_and_the_next_command_is_french_again(capsys, tmp_path):
    """``--out`` inside a file: the system refuses to make the folder; English with ``--lang en``. The
    next command in the same process has no ``--lang`` at all (``ei report``), so only ``main``'s reset
    can bring its error back to French."""
    import os
    from pathlib import Path

    samples = Path(__file__).parent.parent / "sample_data"
    blocker = tmp_path / "out"
    blocker.write_text("a file, not a folder")
    code, _, err = run_cli(capsys, "batch", samples, "--year", "2025", "--quiet", "--out", blocker / "sub",
                           "--lang", "en")
    assert code == 2 and err == f"Cannot write {blocker / 'sub'} ({os.strerror(20)}).\n"  # ENOTDIR
    code, _, err = run_cli(capsys, "report", "annual", samples / "ei-wallonie.xlsx", "--year", "2025",
                           "-o", tmp_path / "r.odt")
    assert code == 2 and "Format de document inconnu" in err and "Unknown" not in err


def test_every_common_refusal_of_the_system_has_its_french_reason():
    """« Impossible d'écrire … (File too large). »: EFBIG (``ulimit -f``, a FAT32 key's 4 GiB) had no French
    reason, nor ENFILE, ENOMEM… Each errno a read or write commonly meets is said in French."""
    import errno
    import os

    from ei_cli.errors import system_reason

    common = ("EACCES", "EPERM", "ENOENT", "EISDIR", "ENOTDIR", "ENOSPC", "EDQUOT", "EROFS", "EEXIST", "ELOOP",
              "EBADF", "ENAMETOOLONG", "EIO", "EMFILE", "ENFILE", "EFBIG", "EBUSY", "ETXTBSY", "ENOMEM",
              "EAGAIN", "ESTALE", "ETIMEDOUT", "EXDEV", "ENOTEMPTY", "EINVAL", "ENXIO", "ENODEV", "EPIPE", "ENOLCK")
    for name in common:
        code = getattr(errno, name)
        reason = system_reason(OSError(code, os.strerror(code)))
        assert reason.en == os.strerror(code) and reason.fr != reason.en, name
    assert system_reason(OSError(errno.EFBIG, "File too large")).fr == "fichier trop gros"


def test_out_of_memory_is_a_system_error_not_a_bug(capsys, monkeypatch):
    """A MemoryError (``ulimit -v``, a small container) said « Erreur interne (MemoryError) … signalez-la »:
    it is the system's limit — « Erreur du système (mémoire insuffisante). », exit 2, no traceback, and
    the one JSON document (``system_error``) with --format json."""
    from ei_cli import regimes

    def no_memory(*args, **kwargs):
        raise MemoryError

    monkeypatch.setattr(regimes, "all_regimes", no_memory)
    code, out, err = run_cli(capsys, "regimes", "--format", "json")
    assert code == 2 and err == "Erreur du système (mémoire insuffisante).\n"
    assert [(p["code"], p["message"]) for p in json.loads(out)["problems"]] == [
        ("system_error", "Erreur du système (mémoire insuffisante).")]


@pytest.mark.parametrize("sent", ["SIGINT", "SIGTERM"])
def test_an_interruption_while_ei_starts_exits_130_without_a_traceback(sent):
    """Ctrl-C or SIGTERM in the first ~100 ms, while ``ei_cli.cli`` imports Typer, rich and the commands:
    a KeyboardInterrupt traceback (exit −2) or a kill (exit −15). The interruption is now noted from the top
    of the module, and ``console_script`` ends with « Interrompu. », exit 130. The signal is sent at a known
    point of the import (an import hook), not after a delay."""
    code = ("import os, signal, sys\n"
            "class Hook:\n    def find_spec(self, name, path, target=None):\n"
            "        if name == 'ei_cli.commands':\n"
            f"            os.kill(os.getpid(), signal.{sent})\n        return None\n"
            "sys.meta_path.insert(0, Hook())\n"
            "from ei_cli.cli import console_script\n"
            "sys.argv = ['ei', 'regimes']\nconsole_script()\n")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert r.returncode == 130 and r.stderr == "\nInterrompu.\n" and r.stdout == ""


def test_importing_the_cli_leaves_the_signal_handlers_as_they_were():
    """The noting handlers live only while ``ei_cli.cli`` is imported: a program (or a test) that imports
    it keeps its own Ctrl-C and SIGTERM."""
    code = ("import signal\nbefore = (signal.getsignal(signal.SIGINT), signal.getsignal(signal.SIGTERM))\n"
            "import ei_cli.cli\n"
            "assert (signal.getsignal(signal.SIGINT), signal.getsignal(signal.SIGTERM)) == before\n")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr


def _refuse_temporary_files(monkeypatch, folder):
    """As root every folder is writable: make ``folder`` refuse new files the way a non-root user meets
    it — creating the temporary file beside the output fails with EACCES, naming that file."""
    import errno
    import os
    import tempfile

    real = tempfile.mkstemp

    def mkstemp(suffix=None, prefix=None, dir=None, *args, **kwargs):
        if dir is not None and os.path.samefile(dir, folder):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), os.path.join(dir, f"{prefix}x1y2z3{suffix}"))
        return real(suffix, prefix, dir, *args, **kwargs)

    monkeypatch.setattr(tempfile, "mkstemp", mkstemp)


@pytest.mark.parametrize("args, name", [(("check", "--year", "2025"), "r.json"),
                                        (("subsidy", "--year", "2025"), "claim.xlsx"),
                                        (("report", "annual", "--year", "2025"), "r.md")])
def test_a_refused_write_names_the_output_not_a_temporary_file(capsys, tmp_path, monkeypatch, args, name):
    """``-o ro/claim.xlsx`` in a folder without write permission: exit 2 and « Impossible d'écrire
    ro/claim.xlsx (accès refusé). » — the old message named the hidden temporary file beside it
    (« Erreur du système (accès refusé) : ro/.claim.xlsx.hm0mf36q.xlsx. »)."""
    folder = tmp_path / "ro"
    folder.mkdir()
    _refuse_temporary_files(monkeypatch, folder)
    words = args[:2] if args[0] == "report" else args[:1]
    code, out, err = run_cli(capsys, *words, SAMPLE, *args[len(words):], "-o", folder / name)
    assert code == 2 and out == ""
    assert err.splitlines()[-1] == f"Impossible d'écrire {folder / name} (accès refusé)."
    assert "x1y2z3" not in err and list(folder.iterdir()) == []


@pytest.mark.parametrize("fmt", [(), ("-f", "json")])
def test_an_internal_error_with_debug_prints_the_trace_and_exits_2(capsys, monkeypatch, fmt):
    """cli.md keeps exit 1 for « non conforme »; an internal error is 2. With --debug the error was
    re-raised and Python exited 1: a script read a bug as a non-compliant enterprise. The trace is now
    printed on stderr and the exit code is 2; with --format json stdout still holds one document."""
    import ei_cli.rules.wages as wages

    def broken(*args, **kwargs):
        raise ZeroDivisionError("boom")

    monkeypatch.setattr(wages, "wage_tension", broken)
    code, out, err = run_cli(capsys, "--debug", "check-wages", SAMPLE, "--year", "2025", *fmt)
    assert code == 2
    assert "Traceback (most recent call last)" in err and "ZeroDivisionError: boom" in err
    assert err.rstrip().endswith("Erreur interne (ZeroDivisionError) : la trace complète est ci-dessus, sur la "
                                 "sortie d'erreur ; signalez-la.")
    if fmt:
        assert [p["code"] for p in json.loads(out)["problems"]] == ["internal_error"]


def test_a_system_refusal_still_prints_one_json_document(capsys, tmp_path, monkeypatch):
    """cli.md: with --format json, exactly one JSON document on stdout, also when the system refuses
    (here: the folder given to ``ei batch --recursive`` cannot be listed; a sub-folder that cannot be is
    only skipped, test_batch): the error among the problems, code ``system_error``, exit 2. The old code
    printed nothing on stdout. The same when a write is refused: the folder ``--out`` cannot be written
    into (each workbook's JSON refused is that workbook's error; the summaries' refusal stops the run)."""
    import os

    from helpers_cli import deny_listing

    samples = SAMPLE.parent
    deny_listing(monkeypatch, samples)
    code, out, err = run_cli(capsys, "batch", samples, "--year", "2025", "--recursive", "-q", "-f", "json")
    doc = json.loads(out)
    message = f"Erreur du système (accès refusé) : {samples}."
    assert code == 2 and doc["command"] == "batch" and doc["compliant"] is None and err == message + "\n"
    assert [(p["code"], p["message"]) for p in doc["problems"]] == [("system_error", message)]
    monkeypatch.undo()

    out_dir = tmp_path / "ro"
    out_dir.mkdir()
    _refuse_temporary_files(monkeypatch, out_dir)
    code, out, err = run_cli(capsys, "batch", samples, "--year", "2025", "--out", out_dir, "-q", "-f", "json", "-j", "1")
    doc = json.loads(out)
    assert code == 2 and [p["code"] for p in doc["problems"]] == ["system_error"]
    # Each workbook's JSON refused is that workbook's error (test_batch); the run stops on its summaries.
    assert doc["problems"][0]["message"] == f"Impossible d'écrire {out_dir}{os.sep}summary.xlsx (accès refusé)."
    assert list(out_dir.iterdir()) == []


def test_the_readme_says_which_commands_take_format_and_o():
    """README said « Every command that reads workbooks takes --format table|json|csv, -o FILE », yet
    ``ei report`` refuses --format and ``ei batch`` refuses -o (its folder is --out). Every command that
    reads workbooks is named in the README's account of --format and -o, as the command takes them."""
    import re

    import typer.main

    from ei_cli.cli import app

    def leaves(command, words=()):
        if not hasattr(command, "commands"):
            yield words, command
        for name, sub in getattr(command, "commands", {}).items():
            yield from leaves(sub, (*words, name))

    options = {" ".join(words): {o for p in cmd.params for o in p.opts} for words, cmd in leaves(typer.main.get_command(app))}
    readme = re.sub(r"\s+", " ", (SAMPLE.parent.parent / "README.md").read_text(encoding="utf-8"))
    assert "Every command that reads workbooks takes `--format" not in readme
    single = ("validate", "check", "check-eligibility", "check-quota", "check-wages", "subsidy")
    assert all({"--format", "-o"} <= options[c] for c in single)
    assert "`ei validate`, the `ei check…` commands and `ei subsidy` take `--format table|json|csv` and `-o FILE`" in readme
    assert sorted(c for c in options if c.startswith("check")) == ["check", "check-eligibility", "check-quota",
                                                                   "check-wages"]
    assert all("--format" not in options[c] and "-o" in options[c] for c in ("report annual", "report agrement"))
    assert "`ei report annual|agrement` has no `--format`: its `-o FILE` is required" in readme
    assert "--format" in options["batch"] and "-o" not in options["batch"] and "--out" in options["batch"]
    assert "`ei batch` takes `--format` for the summary it prints, and writes its files into a folder, `--out DIR` " \
           "(it has no `-o`)" in readme
    assert set(options) - {*single, "report annual", "report agrement", "batch"} == {"init", "regimes"}  # read none


# ---------------------------------------------------------------------------------------- -o over an input


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


# ---------------------------------------------------------------------------------------- unreadable input
def _deny_reading(monkeypatch, denied):
    """As root every file is readable: make ``denied`` unreadable the way a non-root user meets it —
    ``os.access`` (what click's own check asks) says no, and opening it fails with EACCES."""
    import builtins
    import errno
    import os

    real_access, real_open = os.access, builtins.open

    def access(path, mode, *args, **kwargs):
        if mode & os.R_OK and os.fspath(path) == str(denied):
            return False
        return real_access(path, mode, *args, **kwargs)

    def fake_open(file, *args, **kwargs):
        if isinstance(file, (str, os.PathLike)) and os.fspath(file) == str(denied):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(denied))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(os, "access", access)
    monkeypatch.setattr("ei_cli.workbook.sniff.open", fake_open, raising=False)


def test_an_unreadable_file_is_a_problem_of_that_file_and_the_others_are_validated(capsys, tmp_path, monkeypatch):
    """``ei validate good.xlsx locked.xlsx -f json``, ``locked.xlsx`` without read permission: one JSON
    document with both files, ``locked.xlsx`` unreadable with the reader's French message
    (``unreadable_file``), ``good.xlsx`` valid, exit 2. The old code stopped at click's English usage
    error (« Path 'locked.xlsx' is not readable. »): no JSON, good.xlsx not validated."""
    good, locked = tmp_path / "good.xlsx", tmp_path / "locked.xlsx"
    good.write_bytes(SAMPLE.read_bytes())
    locked.write_bytes(SAMPLE.read_bytes())
    _deny_reading(monkeypatch, locked)
    code, out, err = run_cli(capsys, "validate", good, locked, "--format", "json")
    assert code == 2 and "not readable" not in err
    doc = json.loads(out)
    assert [(f["file"], f["valid"]) for f in doc["files"]] == [(str(good), True), (str(locked), False)]
    assert [(p["code"], p["file"]) for p in doc["problems"]] == [("unreadable_file", str(locked))]
    assert doc["problems"][0]["message"] == "Impossible de lire le fichier (accès refusé)."
    assert "Impossible de lire le fichier" in " ".join(err.split())  # stderr, wrapped to the terminal
    code, out, _ = run_cli(capsys, "validate", locked, "--format", "json", "--lang", "en")
    assert json.loads(out)["problems"][0]["message"] == "Cannot read the file (Permission denied)."


def test_excel_s_lock_file_among_the_workbooks_is_one_problem_and_the_others_are_validated(capsys, tmp_path):
    """``ei validate *.xlsx`` while ``staff.xlsx`` is open in Excel: on Windows the glob (which ei expands
    itself there) names Excel's lock file ``~$staff.xlsx`` too. One JSON document with both files:
    ``staff.xlsx`` valid, the lock file not, its one problem ``excel_lock_file`` saying what it is, exit 2
    (the old problem, ``not_a_zip``, said « fichier texte ou CSV renommé »). ``ei check`` on the lock file:
    the same problem in its own document."""
    staff, lock = tmp_path / "staff.xlsx", tmp_path / "~$staff.xlsx"
    staff.write_bytes(SAMPLE.read_bytes())
    lock.write_bytes(bytes([12]) + b"Marie Dupont".ljust(164, b" "))
    code, out, err = run_cli(capsys, "validate", staff, lock, "--format", "json")
    doc = json.loads(out)
    assert code == 2 and [(f["file"], f["valid"]) for f in doc["files"]] == [(str(staff), True), (str(lock), False)]
    assert [(p["code"], p["file"]) for p in doc["problems"]] == [("excel_lock_file", str(lock))]
    assert "« staff.xlsx » est ouvert dans Excel" in doc["problems"][0]["message"] and "Marie" not in out + err
    code, out, _ = run_cli(capsys, "check", lock, "--year", "2025", "--format", "json")
    assert code == 2 and [p["code"] for p in json.loads(out)["problems"]] == ["excel_lock_file"]


@pytest.mark.parametrize("command", ["check", "subsidy", "check-quota"])
def test_an_unreadable_workbook_gives_the_json_document_of_the_command(capsys, tmp_path, monkeypatch, command):
    """Every command reads its workbook through ei's reader: an unreadable file is one problem in the
    command's JSON document (French message), exit 2 — not click's English usage error."""
    locked = tmp_path / "locked.xlsx"
    locked.write_bytes(SAMPLE.read_bytes())
    _deny_reading(monkeypatch, locked)
    code, out, err = run_cli(capsys, command, locked, "--year", "2025", "--format", "json")
    doc = json.loads(out)
    assert code == 2 and doc["command"] == command
    assert [p["code"] for p in doc["problems"]] == ["unreadable_file"] and "not readable" not in err


@pytest.mark.skipif(not hasattr(__import__("os"), "geteuid") or __import__("os").geteuid() == 0,
                    reason="root reads every file")
def test_a_file_without_read_permission_is_reported_by_the_reader(capsys, tmp_path):
    """The real case (non-root): ``chmod 000``; the same outcome as the simulated one above."""
    good, locked = tmp_path / "good.xlsx", tmp_path / "locked.xlsx"
    good.write_bytes(SAMPLE.read_bytes())
    locked.write_bytes(SAMPLE.read_bytes())
    locked.chmod(0)
    code, out, _ = run_cli(capsys, "validate", good, locked, "--format", "json")
    doc = json.loads(out)
    assert code == 2 and [f["valid"] for f in doc["files"]] == [True, False]
    assert [p["code"] for p in doc["problems"]] == ["unreadable_file"]


def test_no_path_parameter_lets_click_check_readability():
    """Every path parameter of every command is ``readable=False``: whether a file can be read is told
    by ei's reader, per file, in French, never by click for the whole command (all of them had click's
    check, Typer's default)."""
    import typer

    from ei_cli.cli import app

    def commands(group):
        for command in group.commands.values():
            yield from commands(command) if hasattr(command, "commands") else [command]

    paths = [(c.name, p.name) for c in commands(typer.main.get_command(app)) for p in c.params
             if hasattr(p.type, "readable")]
    assert len(paths) >= 10
    assert [(c, p) for c in commands(typer.main.get_command(app)) for p in c.params
            if hasattr(p.type, "readable") and p.type.readable] == []


@pytest.mark.parametrize("args, error", [
    (["check"], "argument FICHIER manquant."),
    (["check", "x.xlsx", "--year", "abc"], "valeur invalide pour --year / -y : « abc » n'est pas un nombre entier."),
    (["check", "x.xlsx", "--year", "3000"], "valeur invalide pour --year / -y : 3000 n'est pas compris entre 1990 et 2100."),
    (["check", "x.xlsx", "--format", "xml"],
     "valeur invalide pour --format / -f : « xml » n'est pas l'une des valeurs « table », « json », « csv »."),
    (["check-eligibility", "x.xlsx", "--at", "2025-13-01"],
     "valeur invalide pour --at : « 2025-13-01 » n'est pas une date au format AAAA-MM-JJ ou JJ/MM/AAAA."),
    # Well-formed, but no such day: it read « n'est pas une date au format AAAA-MM-JJ ».
    (["check-quota", "x.xlsx", "--at", "2023-02-29"],
     "valeur invalide pour --at : « 2023-02-29 » : cette date n'existe pas au calendrier."),
    (["check-eligibility", "x.xlsx", "--at", "31/04/2025"],
     "valeur invalide pour --at : « 31/04/2025 » : cette date n'existe pas au calendrier."),
    (["check", "x.xlsx", "--year"], "l'option --year attend une valeur."),
    (["check", "x.xlsx", "--explain=3"], "l'option --explain ne prend pas de valeur."),
    (["check", "x.xlsx", "--foo"], "option inconnue : --foo (vouliez-vous dire --format ?)."),
    # click's « argument(s) » said by the count of the arguments it quotes.
    (["check", "a.xlsx", "b.xlsx"], "argument en trop : b.xlsx."),
    (["check", "a.xlsx", "b.xlsx", "c.xlsx"], "arguments en trop : b.xlsx c.xlsx."),
    (["eligibility"], "commande inconnue : « eligibility ». Vouliez-vous dire « check-eligibility » ?"),
    (["batch"], "argument DOSSIER manquant."),
])
def test_usage_errors_are_said_in_french(capsys, args, error):
    """click writes its usage errors in English; ei says them in French (``usage_errors``), after the
    usage line and where to find help, exit 2 as before."""
    code, out, err = run_cli(capsys, *args)
    assert code == 2 and out == ""
    assert err.splitlines()[-1] == "Erreur : " + error
    assert "Error" not in err and "Try '" not in err


@pytest.mark.parametrize("args, error", [
    (["check"], "Missing argument FILE."),
    (["batch"], "Missing argument FOLDER."),
    (["check", "x.xlsx", "--year", "abc"], "Invalid value for --year / -y: “abc” is not a whole number."),
    (["check", "x.xlsx", "--year", "3000"], "Invalid value for --year / -y: 3000 is not between 1990 and 2100."),
    (["check", "x.xlsx", "--format", "xml"],
     "Invalid value for --format / -f: “xml” is not one of “table”, “json”, “csv”."),
    (["check-quota", "x.xlsx", "--at", "2025-13-01"],
     "Invalid value for --at: “2025-13-01” is not a date in the format YYYY-MM-DD or DD/MM/YYYY."),
    # A well-formed date the calendar lacks: click said it « does not match the formats ».
    (["check-quota", "x.xlsx", "--at", "2023-02-29"],
     "Invalid value for --at: “2023-02-29”: this date does not exist in the calendar."),
    (["check", "x.xlsx", "--year"], "Option --year requires an argument."),
    (["check", "a.xlsx", "b.xlsx"], "Got unexpected extra argument (b.xlsx)"),
    (["check", "a.xlsx", "b.xlsx", "c.xlsx"], "Got unexpected extra arguments (b.xlsx c.xlsx)"),
    # An empty argument is one (click joins them with one space each): « arguments () » for one was wrong.
    (["check", "a.xlsx", ""], "Got unexpected extra argument ()"),
])
def test_usage_errors_in_english_are_worded_as_the_french_ones(capsys, args, error):
    """--lang en kept click's own words, with its Python placeholders (« does not match the formats '%Y-%m-%d',
    '%d/%m/%Y' », « 'abc' is not a valid int range ») and the French metavar (« Missing argument 'FICHIER' »,
    usage « ei check [OPTIONS] {FICHIER} »). A refused value is now worded as in French, dates in YYYY-MM-DD,
    and the usage line and the missing argument say FILE / FOLDER; click's other messages stay as they are."""
    code, out, err = run_cli(capsys, args[0], "--lang", "en", *args[1:])
    assert code == 2 and out == ""
    assert err.splitlines()[-1] == "Error: " + error
    assert "FICHIER" not in err and "DOSSIER" not in err and "%" not in err and "int range" not in err
    if args[-1] != "--year":   # click gives no usage line for an option left without its value
        assert err.splitlines()[0].startswith("Usage: ") and "for help." in err.splitlines()[1]
    if "--format" not in args and args[-1] != "--year":   # the JSON document says it in the same words
        code, out, _ = run_cli(capsys, args[0], "--lang", "en", "--format", "json", *args[1:])
        assert code == 2 and json.loads(out)["problems"][0]["message"] == error


@pytest.mark.parametrize("command", [[], ["check"], ["report"], ["report", "annual"]])
def test_help_is_framed_in_french(capsys, command):
    """Typer frames every --help in English (« Show this message and exit. », « [default: table] »,
    « [required] », « Commands »); ei's help text is French, and so is the frame."""
    code, out, _ = run_cli(capsys, *command, "--help")
    text = " ".join(out.replace("│", " ").split())
    assert code == 0 and "Afficher cette aide et quitter." in text
    for english in ("Show this message", "[default:", "[required]", "Commands"):
        assert english not in text
    if command == ["check"]:
        assert "[par défaut : table]" in text and "[obligatoire]" in text


def test_help_lists_the_commands_in_the_order_of_the_contract(capsys):
    """`ei --help` listed the commands in the order their modules are imported (batch, check,
    check-eligibility, init, check-quota, …): an accident. It follows the command table of
    docs/spec/cli.md, from writing the template to the documents, then the folder and the regimes."""
    import re

    code, out, _ = run_cli(capsys, "--help")
    listed = re.findall(r"^│ ([a-z][a-z-]*) ", out[out.index("Commandes"):], re.M)
    spec = (ROOT / "docs" / "spec" / "cli.md").read_text(encoding="utf-8")
    in_spec = list(dict.fromkeys(re.findall(r"^\| `ei ([a-z-]+)", spec, re.M)))
    assert code == 0 and listed == in_spec == ["init", "validate", "check-eligibility", "check-quota",
                                                "check-wages", "check", "subsidy", "report", "batch", "regimes"]


@pytest.mark.parametrize("args, en, fr", [
    (["chek"], "Error: No such command “chek”. Did you mean “check”?",
     "Erreur : commande inconnue : « chek ». Vouliez-vous dire « check » ?"),
    (["check", SAMPLE, "--format", "xml"],
     "Error: Invalid value for --format / -f: “xml” is not one of “table”, “json”, “csv”.",
     "Erreur : valeur invalide pour --format / -f : « xml » n'est pas l'une des valeurs « table », « json », « csv »."),
    (["check", SAMPLE, "--year"], "Error: Option --year requires an argument.", "Erreur : l'option --year attend une valeur."),
])
def test_usage_errors_quote_in_one_style_per_language(capsys, args, en, fr):
    """English usage errors mixed “xml” with click's 'table', 'json', 'csv', « No such command 'chek' »,
    « Option '--year' » and « Try 'ei check --help' »: a value or a command is quoted “…” in English (the
    style of the reader's messages), « … » in French, and an option is named bare, as in « Missing option »."""
    code, _, err = run_cli(capsys, args[0], "--lang", "en", *args[1:])
    lines = err.splitlines()
    assert code == 2 and lines[-1] == en and "'" not in err
    helps = [line for line in lines if line.startswith("Try ")]
    assert all(line.startswith("Try “") and line.endswith(" --help” for help.") for line in helps)
    assert bool(helps) == (args[-1] != "--year")   # click gives an option without its value no usage line
    code, _, err = run_cli(capsys, *args)
    assert code == 2 and err.splitlines()[-1] == fr


@pytest.mark.parametrize("args, code", [
    (["check", SAMPLE, "--regime", "nope"], "invalid_request"),
    (["subsidy", SAMPLE, "--year", "2025", "--regime", "nope"], "invalid_request"),
    (["subsidy", SAMPLE], "usage_error"),
    (["check-eligibility", SAMPLE, "--at", "2025-13-01"], "usage_error"),
    (["regimes", "nope"], "invalid_request"),
])
def test_a_command_that_cannot_run_still_prints_one_json_document(capsys, args, code):
    """cli.md: with --format json, exactly one JSON document on stdout. A command stopped before it
    could run (unknown regime, missing or bad option) printed nothing there; now the common fields,
    compliant null, and the error among the problems (also on stderr). Exit 2."""
    exit_code, out, err = run_cli(capsys, *args, "--format", "json")
    doc = json.loads(out)
    assert exit_code == 2 and doc["command"] == args[0] and doc["compliant"] is None
    assert [p["code"] for p in doc["problems"]] == [code] and doc["problems"][0]["message"] in " ".join(err.split())


def test_no_error_document_when_the_output_goes_to_a_file(capsys, tmp_path):
    """-o FILE: the document goes to the file — and exit 2 writes none; stdout stays empty."""
    exit_code, out, _ = run_cli(capsys, "check", SAMPLE, "--regime", "nope", "-o", tmp_path / "r.json")
    assert exit_code == 2 and out == "" and not (tmp_path / "r.json").exists()
    # with --format json too (the first version printed the document on stdout all the same)
    exit_code, out, _ = run_cli(capsys, "check", SAMPLE, "--regime", "nope", "-f", "json", "-o", tmp_path / "r.json")
    assert exit_code == 2 and out == "" and not (tmp_path / "r.json").exists()
    # a usage error before the options are parsed: « -fjson » is read from the command line, the command
    # named from click's context
    exit_code, out, _ = run_cli(capsys, "report", "annual", SAMPLE, "-fjson")
    assert exit_code == 2 and out == ""  # report has no --format: nothing to print it in
    exit_code, out, _ = run_cli(capsys, "check", SAMPLE, "--year", "abc", "-fjson")
    assert exit_code == 2 and __import__("json").loads(out)["command"] == "check"


@pytest.mark.parametrize("args, json_out", [
    (["check-quota", SAMPLE, "-f", "table", "-f", "json", "--year", "x"], True),
    (["check-quota", SAMPLE, "-f", "json", "-f", "table", "--year", "x"], False),
    (["check-quota", SAMPLE, "--year", "x", "-f", "json", "--", "-ftable"], True),
    (["check-quota", SAMPLE, "--year", "x", "--", "-fjson"], False),
    (["batch", SAMPLE.parent, "-qf", "json", "--year", "25"], True),
    (["batch", SAMPLE.parent, "-qfjson", "--year", "25"], True),
    (["batch", SAMPLE.parent, "-qfjson", "-f", "table", "--year", "25"], False),
])
def test_a_usage_error_reads_the_format_click_keeps(capsys, args, json_out):
    """A usage error comes before the options are all processed, so ei reads --format and -o from the
    command line itself: it took their FIRST occurrence while click keeps the last (`-f table -f json`
    printed nothing, `-f json -f table` printed JSON), and missed a bundle of flags (`batch -qf json`
    printed nothing, cli.md owes one JSON document). They are read now by click's own parser: the last
    occurrence, bundles, nothing after `--`."""
    code, out, _ = run_cli(capsys, *args)
    assert code == 2
    if json_out:
        assert [p["code"] for p in json.loads(out)["problems"]] == ["usage_error"]
    else:
        assert out == ""


def test_a_usage_error_is_said_in_the_last_language_given(capsys):
    """`--year x --lang fr --lang en`: click keeps en, the error was said in French (the first --lang)."""
    code, _, err = run_cli(capsys, "check-quota", SAMPLE, "--year", "x", "--lang", "fr", "--lang", "en")
    assert code == 2 and "Invalid value for --year / -y" in err
    code, _, err = run_cli(capsys, "check-quota", SAMPLE, "--year", "x", "--lang", "en", "--lang", "fr")
    assert code == 2 and "valeur invalide pour --year / -y" in err
    code, _, err = run_cli(capsys, "check-quota", SAMPLE, "--year", "x", "--", "--lang", "en")
    assert code == 2 and "valeur invalide pour --year / -y" in err


@pytest.mark.parametrize("args", [["check", SAMPLE, "-f", "json"], ["check-quota", SAMPLE, "--year", "2025", "-f", "csv"],
                                  ["check-wages", SAMPLE, "--year", "2025"], ["validate", SAMPLE, "-f", "json"],
                                  ["regimes", "-f", "csv"]])
def test_output_dash_is_standard_output(capsys, tmp_path, monkeypatch, args):
    """`-o -` wrote a file named « - » (0600) in the current folder; it is now standard output, the same
    bytes as without -o, and no file is written. A file of that name is still `-o ./-`."""
    monkeypatch.chdir(tmp_path)
    code, plain, _ = run_cli(capsys, *args)
    code_dash, dashed, _ = run_cli(capsys, *args, "-o", "-")
    assert code_dash == code and dashed == plain and plain and list(tmp_path.iterdir()) == []
    code, out, _ = run_cli(capsys, *args, "-o", "./-")
    assert out == "" and (tmp_path / "-").read_text(encoding="utf-8")


def test_output_dash_still_prints_the_json_failure_document(capsys, tmp_path, monkeypatch):
    """cli.md: with --format json, one document on stdout when the command cannot run — `-o -` is stdout,
    so the document is printed, after a usage error as after an unknown regime; nothing is written."""
    monkeypatch.chdir(tmp_path)
    for args, problem in ((["--year", "x"], "usage_error"), (["--regime", "nope"], "invalid_request")):
        code, out, _ = run_cli(capsys, "check", SAMPLE, *args, "-f", "json", "-o", "-")
        assert code == 2 and [p["code"] for p in json.loads(out)["problems"]] == [problem]
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("kind", [["annual", "--year", "2025"], ["agrement"]])
def test_a_document_to_standard_output_is_refused(capsys, tmp_path, monkeypatch, kind):
    """`ei report … -o -`: a document is a file whose suffix chooses the format (.docx and .pdf binary): refused,
    saying why, exit 2, nothing written (it said « Format de document inconnu « (aucune extension) » »)."""
    monkeypatch.chdir(tmp_path)
    code, out, err = run_cli(capsys, "report", kind[0], SAMPLE, *kind[1:], "-o", "-")
    assert code == 2 and out == "" and list(tmp_path.iterdir()) == []
    assert "« - » (la sortie standard) n'est pas possible pour un document" in " ".join(err.split())


def test_an_output_suffix_outside_the_list_keeps_the_format_asked(capsys, tmp_path):
    """spec/cli.md: the format follows -o's suffix « where it is unambiguous (.json, .csv, .xlsx, .html,
    .md, .docx, .pdf) ». `-f json -o result.txt` wrote the table; it writes the JSON asked, `-f csv` the
    CSV, and without -f a .txt still gets the table."""
    sample = SAMPLE
    for fmt, check in (("json", lambda s: json.loads(s)["command"] == "check-quota"),
                       ("csv", lambda s: s.splitlines()[0].count(",") >= 3),
                       (None, lambda s: "régime wallonie-2016" in s)):
        out = tmp_path / f"q-{fmt}.txt"
        code, _, err = run_cli(capsys, "check-quota", sample, "--year", "2025", *(("-f", fmt) if fmt else ()),
                               "-o", out)
        assert code == 0, err
        assert check(out.read_text(encoding="utf-8")), (fmt, out.read_text(encoding="utf-8")[:200])


def test_validate_writes_its_report_even_when_it_exits_2(capsys, tmp_path):
    """cli.md: exit 2 = nothing written; `ei validate -o FILE` is the exception (README, docs/interpretations.md):
    its report is its purpose, and is written, with the file in error listed, while the exit code stays 2.
    What stops it before reading (a foreign suffix) still writes nothing."""
    import csv

    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(SAMPLE.read_bytes()[:300])
    code, out, _ = run_cli(capsys, "validate", SAMPLE, broken, tmp_path / "absent.xlsx", "-o", tmp_path / "v.json")
    doc = json.loads((tmp_path / "v.json").read_text(encoding="utf-8"))
    assert code == 2 and out == "" and [f["valid"] for f in doc["files"]] == [True, False, False]
    assert {p["code"] for p in doc["problems"]} >= {"corrupt_file", "file_not_found"}
    code, _, _ = run_cli(capsys, "validate", broken, "-o", tmp_path / "v.csv")
    rows = list(csv.DictReader(io.StringIO((tmp_path / "v.csv").read_text(encoding="utf-8"))))
    assert code == 2 and [(Path(r["file"]).name, r["code"]) for r in rows] == [("broken.xlsx", "corrupt_file")]
    code, _, _ = run_cli(capsys, "validate", broken, "-o", tmp_path / "v.xlsx")
    assert code == 2 and not (tmp_path / "v.xlsx").exists()


def test_validate_json_names_the_enterprise_of_a_single_workbook(capsys, tmp_path):
    """spec/cli.md: every JSON document has `enterprise` {name, region, agrement_date}. `ei validate` on
    the Walloon sample gave null; it gives « Recyclerie du Val », wallonie, 2024-03-01 (the sample's
    Entreprise sheet), also in each `files[]` entry. Two workbooks: the top-level field stays null (no
    single enterprise), each entry has its own; an unreadable one has null."""
    code, out, _ = run_cli(capsys, "validate", SAMPLE, "--format", "json")
    doc = json.loads(out)
    expected = {"name": "Recyclerie du Val", "region": "wallonie", "agrement_date": "2024-03-01"}
    assert code == 0 and doc["enterprise"] == expected and doc["files"][0]["enterprise"] == expected
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"not a zip")
    code, out, _ = run_cli(capsys, "validate", SAMPLE, broken, "--format", "json")
    doc = json.loads(out)
    assert code == 2 and doc["enterprise"] is None
    assert [f["enterprise"] for f in doc["files"]] == [expected, None]


def test_english_output_has_english_usage_errors_and_colons(capsys, tmp_path):
    """--lang en: the --only and --year/--at usage errors were French (« contrôle inconnu », « --year
    et --at s'excluent »), and located problems, the quota's « judged on » and the subsidy's « Claim
    period » had the French space before the colon (« ei-bruxelles.xlsx : Regime… »)."""
    code, _, err = run_cli(capsys, "check", SAMPLE, "--lang", "en", "--only", "quota,foo")
    assert code == 2 and "unknown check: foo; choose among" in err and "inconnu" not in err
    code, _, err = run_cli(capsys, "check", SAMPLE, "--lang", "en", "--only", "foo,bar")
    assert code == 2 and "unknown checks: foo, bar; choose among" in " ".join(err.split())
    code, _, err = run_cli(capsys, "check", SAMPLE, "--only", "foo")
    assert code == 2 and "contrôle inconnu : foo ; choisissez parmi" in " ".join(err.split())
    code, _, err = run_cli(capsys, "check-quota", SAMPLE, "--lang", "en", "--year", "2025", "--at", "2025-06-30")
    assert code == 2 and "--year and --at exclude each other" in err
    brussels = SAMPLE.parent / "ei-bruxelles.xlsx"
    code, out, err = run_cli(capsys, "check-quota", brussels, "--year", "2025", "--lang", "en")
    assert "ei-bruxelles.xlsx: " in " ".join(err.split()) and "xlsx : " not in err
    assert " : " not in out.replace("€", "")
    code, out, _ = run_cli(capsys, "subsidy", SAMPLE, "--year", "2025", "--lang", "en")
    assert "Claim period: " in out


class _Terminal(io.BytesIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize("raw, environ, encoding, written", [
    # Windows, `ei check … -f json > result.json`: the ANSI code page, which has no « ≤ » → UTF-8.
    (io.BytesIO, {}, "utf-8", "≤ →".encode("utf-8")),
    # The user chose the encoding: kept, and what it cannot show is escaped as JSON escapes it.
    (io.BytesIO, {"PYTHONIOENCODING": "cp1252"}, "cp1252", b"\\u2264 \\u2192"),
    # A terminal keeps its encoding too.
    (_Terminal, {}, "cp1252", b"\\u2264 \\u2192"),
])
def test_a_stream_that_cannot_encode_every_character_still_takes_them(raw, environ, encoding, written):
    """« ≤ » (in the size check's reasons) is not in cp1252, the encoding Windows gives a redirected
    stream: the JSON document ended in « Erreur interne (UnicodeEncodeError) » with nothing on stdout."""
    from ei_cli.cli import _encodable_streams

    buffer = raw()
    stream = io.TextIOWrapper(buffer, encoding="cp1252")
    _encodable_streams([stream], environ)
    stream.write("≤ →")
    stream.flush()
    assert codecs.lookup(stream.encoding).name == encoding
    assert buffer.getvalue() == written


def test_a_utf8_stream_is_left_as_it_is():
    from ei_cli.cli import _encodable_streams

    stream = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", errors="strict")
    _encodable_streams([stream], {})
    assert (stream.encoding, stream.errors) == ("utf-8", "strict")


def test_the_json_document_goes_through_a_stream_in_cp1252(tmp_path):
    """End to end with the encoding Windows gives a redirected stream (here chosen, so kept and
    escaped): the same document as in UTF-8, not « Erreur interne »."""
    import os

    args = [sys.executable, "-m", "ei_cli", "check", "sample_data/ei-wallonie.xlsx", "--year", "2025", "-f", "json"]
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONIOENCODING", "PYTHONUTF8")}
    utf8 = subprocess.run(args, capture_output=True, cwd=ROOT, env=env, timeout=60)
    cp1252 = subprocess.run(args, capture_output=True, cwd=ROOT, env={**env, "PYTHONIOENCODING": "cp1252"},
                            timeout=60)
    assert cp1252.returncode == utf8.returncode == 0, cp1252.stderr.decode("cp1252", "replace")
    assert "≤".encode("utf-8") in utf8.stdout and b"\\u2264" in cp1252.stdout
    documents = [json.loads(r.stdout.decode(enc)) for r, enc in ((utf8, "utf-8"), (cp1252, "cp1252"))]
    for document in documents:
        document.pop("duration_ms", None)
    assert documents[0] == documents[1]


@pytest.mark.parametrize("encoding", ["ascii", "latin-1"])
@pytest.mark.parametrize("args, held", [
    (["check", "{workbook}", "-f", "json"], "🌱"),                       # a command's document (output.emit)
    (["check", "{folder}/absent.xlsx", "-f", "json"], "é"),             # a workbook in error (stop_on_problems)
    (["regimes", "nope", "-f", "json"], "é"),                           # a command that could not run (cli.main)
    (["batch", "{folder}", "-f", "json", "--year", "2026", "-q"], "🌱"),  # the batch summary
])
def test_a_json_document_is_valid_json_whatever_the_encoding_of_stdout(capsys, monkeypatch, make_workbook,
                                                                      workbook_sheets, encoding, args, held):
    """``PYTHONIOENCODING=ascii`` (or a terminal in ISO-8859-1): stdout keeps that encoding and escapes what it
    cannot hold in Python's way (``cli._encodable_streams``) — « ind\\xe9termin\\xe9 », « \\U0001f331 » in
    the enterprise's name, which no JSON reader takes (« Invalid \\escape »). Each way a JSON document reaches
    stdout writes it with JSON's own escapes (« \\u00e9 », « \\ud83c\\udf31 ») when the encoding cannot hold
    it: the same data, valid JSON (``held``: a character beyond ASCII the document holds); and as it is, unescaped,
    when the encoding holds the whole document (latin-1 and « é » in an error's document)."""
    from helpers_workbook import set_field

    workbook = make_workbook(set_field(workbook_sheets, "nom", "Recyclerie du Val 🌱"))
    stdout = io.TextIOWrapper(io.BytesIO(), encoding=encoding, errors="backslashreplace", newline="\n")
    monkeypatch.setattr(sys, "stdout", stdout)
    run_cli(capsys, *[a.format(workbook=workbook, folder=workbook.parent) for a in args])
    stdout.flush()
    written = stdout.buffer.getvalue()
    document = json.loads(written.decode(encoding))
    text = json.dumps(document, ensure_ascii=False)
    assert held in text
    try:
        text.encode(encoding)
    except UnicodeEncodeError:
        assert written.isascii(), written           # every character beyond ASCII as JSON escapes it
    else:
        assert held.encode(encoding) in written, written   # as it is


@pytest.mark.parametrize("word,windows,quoted", [
    # cmd.exe handed 'mon-ei\ei-modele.xlsx' to ei with its single quotes: a backslash needs no quote there
    (r"mon-ei\ei-modele.xlsx", True, r"mon-ei\ei-modele.xlsx"),
    (r"C:\Users\Marie Dupont\EI d'insertion\ei-modele.xlsx", True,
     r'"C:\Users\Marie Dupont\EI d' + "'" + r'insertion\ei-modele.xlsx"'),
    ("weasyprint>=60", True, '"weasyprint>=60"'),  # > redirects in cmd.exe and PowerShell
    (r"dossiers été\a&b (2025);x,y.xlsx", True, r'"dossiers été\a&b (2025);x,y.xlsx"'),
    ("C:\\mes dossiers\\", True, '"C:\\mes dossiers\\\\"'),  # \" would be a quote, \\" is \ then the end
    ("", True, '""'),
    ("mon ei/ei-modele.xlsx", False, "'mon ei/ei-modele.xlsx'"),
    ("weasyprint>=60", False, "'weasyprint>=60'"),
    ("ei-modele.xlsx", False, "ei-modele.xlsx"),
    (Path("-2025/ei-modele.xlsx"), False, "./-2025/ei-modele.xlsx"),
    (Path("-mon ei/ei-modele.xlsx"), False, "'./-mon ei/ei-modele.xlsx'"),
    (__import__("pathlib").PureWindowsPath(r"-2025\ei-modele.xlsx"), True, r".\-2025\ei-modele.xlsx"),
    ("-m", False, "-m"),
])
def test_a_word_to_copy_is_quoted_for_the_users_shell(word, windows, quoted):
    """Commands ei prints to be copied (ei init, ei batch, the PDF install hint) quote each word for the
    user's shell: POSIX quoting elsewhere; on Windows double quotes when needed, which cmd.exe and
    PowerShell both read back as the word (single quotes reach the program in cmd.exe). A relative path
    starting with « - » gets ``./`` (``.\\``) first, or ei reads it as options (an argument, never)."""
    import shlex

    from ei_cli.output import shell_quote

    assert shell_quote(word, windows=windows) == quoted
    if not windows:
        (back,) = shlex.split(quoted)
        assert (Path(back) if isinstance(word, Path) else back) == word


def test_a_program_to_copy_never_starts_with_a_quote_on_windows():
    """`"C:\\…\\python.exe" -m pip install weasyprint>=60` (list2cmdline): PowerShell reads a line starting
    with a quoted string as a string (« Unexpected token '-m' ») and cmd.exe sends the output of `pip install
    weasyprint` to a file named =60. The program's folders that need it are quoted, the requirement too."""
    from ei_cli.output import shell_command

    argv = [r"C:\Users\Marie Dupont\ei\.venv\Scripts\python.exe", "-m", "pip", "install", "weasyprint>=60"]
    assert (shell_command(argv, windows=True)
            == r'C:\Users\"Marie Dupont"\ei\.venv\Scripts\python.exe -m pip install "weasyprint>=60"')
    assert shell_command([r"C:\Python311\python.exe", "-m", "pip"], windows=True) == r"C:\Python311\python.exe -m pip"
    assert shell_command(["/opt/my py/bin/python", "-m", "pip", "install", "weasyprint>=60"], windows=False) == (
        "'/opt/my py/bin/python' -m pip install 'weasyprint>=60'")


@pytest.mark.parametrize("stdout, message", [
    broken_stream_case("full", "Erreur du système (disque plein)."),
    broken_stream_case("closed", "Erreur du système (flux fermé) : stdout."),
])
@pytest.mark.parametrize("fmt", ["json", "table"])
def test_a_stdout_that_cannot_be_written_exits_2_with_one_line(stdout, message, fmt):
    """A JSON document to a standard output that cannot be written — a full disk (``> /dev/full``) or
    closed (``>&-``) — printed a traceback and exited 1: cli.main wrote its error document to the failing
    stdout from inside its except block (``'NoneType' object has no attribute 'write'`` when closed), or
    Python failed flushing it at exit. Now: exit 2, the one system line on stderr, nothing else; a table
    likewise."""
    r = run_with_broken_stream(1, stdout, ["regimes", "wallonie-2016", "--format", fmt])
    assert (r.returncode, r.stderr.decode("utf-8")) == (2, message + "\n")


@pytest.mark.parametrize("stderr, args, code, json_code", [
    # the error message itself is lost
    broken_stream_case("full", ["check-quota", "absent.xlsx"], 2, None),
    broken_stream_case("closed", ["regimes", "nope"], 2, None),
    # the failure document still on stdout
    broken_stream_case("closed", ["regimes", "nope", "-f", "json"], 2, "invalid_request"),
    # runs, exits by its verdicts
    broken_stream_case("closed", ["batch", "{folder}", "--year", "2025"], 0, None),
    # 3 warnings with its table
    broken_stream_case("full", ["check", "sample_data/ei-bruxelles.xlsx", "--year", "2025"], 0, None),
    # unknown checks
    broken_stream_case("gone", ["check", "sample_data/ei-bruxelles.xlsx", "--year", "2025", "--strict"], 1, None),
    broken_stream_case("gone", ["check", "sample_data/ei-bruxelles.xlsx", "--year", "2025", "-f", "json"], 0, ""),
])
def test_a_stderr_that_cannot_be_written_changes_nothing_of_the_outcome(tmp_path, stderr, args, code, json_code):
    """Warnings and messages go to stderr; the outcome is the exit code and stdout. A stderr that could not be
    written changed it: a missing file under ``2>/dev/full`` or an unknown regime under ``2>&-`` exited 1
    (« non conforme »: the message written from inside ``cli.main``'s ``except`` failed in turn), with no JSON
    failure document; ``ei batch`` under ``2>&-`` ran nothing (``None.isatty()``), exit 1; ``ei check`` wrote
    its table, then its 3 warnings failed on the full disk (exit 1 for a verdict of 0); stderr's reader gone,
    the whole output was written and the exit was 2 (the EPIPE on stderr taken for stdout's), also for a
    verdict of 1 (``--strict``: its unknown checks). Now what stderr cannot take is dropped, and each exits as it would
    with a working stderr: stdout complete (``json_code``: a JSON document, whose last problem has that code
    when given)."""
    import shutil

    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copyfile(SAMPLE, folder / SAMPLE.name)
    r = run_with_broken_stream(2, stderr, [a.format(folder=folder) for a in args], cwd=ROOT)
    assert r.returncode == code
    if json_code is None:
        assert bool(r.stdout) == (code != 2), r.stdout
        return
    document = json.loads(r.stdout)
    assert not json_code or document["problems"][-1]["code"] == json_code


@pytest.mark.skipif(os.name == "nt", reason="closing descriptors before the start (preexec_fn): POSIX only")
@pytest.mark.parametrize("closed", [(2,), (0, 2), (1,), (1, 2), (0, 1, 2)])
def test_a_closed_standard_descriptor_is_no_free_descriptor_for_the_next_file(tmp_path, closed):
    """``2>&-`` (and ``<&-``, ``>&-``): the descriptor stayed free, and the first file ei opened took it (a
    workbook read, a summary written) — a write to it from below Python (a panic of calamine's Rust, a forked
    worker) then went into that file. Every closed standard descriptor is now held by the null device: a file
    opened after ``ei``'s start-up gets a descriptor above 2 (here after ``ei regimes nope``, exit 2 whether its
    error message reaches a stderr or not)."""
    report = tmp_path / "fd.txt"
    program = ("import os\n"
               "from ei_cli.cli import console_script\n"
               "try:\n"
               "    console_script()\n"
               "finally:\n"
               "    fd = os.open(os.devnull, os.O_RDONLY)\n"
               f"    open({str(report)!r}, 'w').write(str(fd))\n")

    def close():
        for fd in closed:
            os.close(fd)

    r = subprocess.run([sys.executable, "-c", program, "regimes", "nope"], cwd=ROOT, preexec_fn=close,
                       stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120)
    assert r.returncode == 2
    assert int(report.read_text()) > 2


@pytest.mark.parametrize("args", [("regimes", "wallonie-2016"), ("regimes", "wallonie-2016", "--format", "json"),
                                  ("regimes", "--help"),
                                  ("check", "sample_data/ei-wallonie.xlsx", "--year", "2025", "--format", "json")])
def test_a_reader_that_goes_away_exits_2_quietly(args):
    """``ei regimes wallonie-2016 | head -1``: the reader closes the pipe before ei has written all. Click
    and rich each turn the broken pipe into exit 1, which cli.md keeps for « non conforme ». Now exit 2
    (the output was not all delivered), with nothing on stderr: no message, no traceback, no « Exception
    ignored … BrokenPipeError » at exit. The pipe is closed before ei writes, so the write always fails."""
    with subprocess.Popen([sys.executable, "-m", "ei_cli", *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          cwd=ROOT) as p:
        p.stdout.close()
        err = p.stderr.read()
        assert (p.wait(timeout=60), err) == (2, b"")


@pytest.mark.parametrize("unbuffered", ["1", None])
def test_a_reader_that_goes_away_during_a_long_document_exits_2(unbuffered):
    """``ei check-eligibility ei-wallonie.xlsx --explain -f json | head -c 10``: a 112 618-byte document, more
    than a pipe holds (64 KiB); the reader takes 10 bytes and goes away while ei writes. Unbuffered
    (``PYTHONUNBUFFERED=1``, ``python -u``) stdout wrote the text once and ignored the short count: the rest
    was dropped without an error and ei exited 0, as if all had been delivered. docs/spec/cli.md: exit 2,
    nothing on stderr — buffered or not (``output.write_stdout``)."""
    import os

    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    if unbuffered:
        env["PYTHONUNBUFFERED"] = unbuffered
    with subprocess.Popen([sys.executable, "-m", "ei_cli", "check-eligibility", "sample_data/ei-wallonie.xlsx",
                           "--explain", "-f", "json"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT,
                          env=env) as p:
        assert os.read(p.stdout.fileno(), 10) == b'{\n  "comma'
        p.stdout.close()
        err = p.stderr.read()
        assert (p.wait(timeout=60), err) == (2, b"")


class SlowPipe(io.RawIOBase):
    """The file under a standard stream whose descriptor is non-blocking, with a slow reader: every other
    write would block (None, which a buffered writer turns into ``BlockingIOError``), the others take 7 bytes
    (``got``). ``fd``: a real descriptor, writable, for select."""

    def __init__(self, fd: int):
        self.fd, self.got, self.calls = fd, bytearray(), 0

    def writable(self):
        return True

    def fileno(self):
        return self.fd

    def write(self, b):
        self.calls += 1
        if self.calls % 2:
            return None   # would block
        taken = bytes(b[:7])
        self.got += taken
        return len(taken)


@pytest.mark.parametrize("buffered", [False, True])
def test_a_slow_reader_of_a_non_blocking_stdout_gets_the_whole_document(monkeypatch, buffered):
    """A stdout whose descriptor is non-blocking (a parent's pipe set O_NONBLOCK, a slow reader): a write that
    would block returns None, not 0. ``write_stdout`` read None as 0 — « the reader is gone » — and raised
    BrokenPipeError (exit 2, nothing said); a buffered stdout raised BlockingIOError (« Erreur du système »,
    exit 2). Only 0 is the reader gone: on None it waits until the descriptor can take more (select on it) and
    writes again, so the slow reader gets every byte, in order."""
    from ei_cli.output import write_stdout

    r, w = os.pipe()
    pipe = SlowPipe(w)
    stdout = io.TextIOWrapper(io.BufferedWriter(pipe) if buffered else pipe, encoding="utf-8", newline="\n")
    monkeypatch.setattr(sys, "stdout", stdout)
    text = "{\n  \"summary\": \"3 travailleurs — conformité à vérifier\"\n}\n" * 20
    try:
        write_stdout(text)
    finally:
        os.close(r)
        os.close(w)
    assert pipe.got.decode("utf-8") == text


@pytest.mark.parametrize("buffered", [False, True])
def test_a_slow_reader_of_a_non_blocking_stderr_gets_every_message(buffered):
    """A stderr whose descriptor is non-blocking, its pipe momentarily full (Node's child processes, some CI
    runners): Python's buffered stderr raised BlockingIOError, which ``cli._Stderr`` took for a stderr that
    cannot be written — the message explaining an exit 2 was dropped, and stderr sent to the null device for
    the rest of the run; unbuffered, the bytes refused were dropped without a word. It now waits until the
    descriptor can take more and writes the rest, as stdout does (``output.write_whole``); only a stream that
    cannot be written at all (closed, full disk, reader gone) is silenced."""
    from ei_cli.cli import _Stderr

    r, w = os.pipe()
    pipe = SlowPipe(w)
    stream = io.TextIOWrapper(io.BufferedWriter(pipe) if buffered else pipe, encoding="utf-8", newline="\n",
                              line_buffering=True)
    stderr = _Stderr(stream)
    messages = ["ERREUR absent.xlsx : Fichier introuvable. Vérifiez le nom et le dossier. (file_not_found)\n",
                "Aucun contrôle n'a pu être fait.\n"]
    try:
        for message in messages:
            stderr.write(message)
        stderr.flush()
    finally:
        os.close(r)
        os.close(w)
    assert pipe.got.decode("utf-8") == "".join(messages)


@pytest.mark.parametrize("suffix", [".ods", ".xlsm", ".xls", ".odt", ".doc"])
def test_an_output_suffix_of_a_format_ei_does_not_write_is_refused(capsys, tmp_path, suffix):
    """``-o reclamation.ods`` (or .xlsm, .xls, .odt, .doc) wrote the plain-text table under a spreadsheet's
    or a document's name, exit 0 — the file did not open, and the next ``ei batch`` of the folder counted it
    in error. cli.md: the format follows the suffix « where it is unambiguous »; such a suffix names a format
    ei does not write: refused, exit 2, nothing written, the message naming the formats the command can
    write. A neutral suffix (.txt, none) still gets the format asked (the test above)."""
    out = tmp_path / f"reclamation{suffix}"
    code, _, err = run_cli(capsys, "subsidy", SAMPLE, "--year", "2025", "-o", out)
    assert code == 2 and not out.exists() and list(tmp_path.iterdir()) == []
    assert err.splitlines()[-1] == (
        f"Format de sortie non disponible pour cette commande : {suffix[1:]} (avec -o : .json, .csv, .xlsx ; tout "
        "autre nom, .txt par exemple, reçoit le format demandé par --format).")
    code, _, err = run_cli(capsys, "check", SAMPLE, "--year", "2025", "-o", out, "--lang", "en")
    assert code == 2 and not out.exists()
    assert err.splitlines()[-1] == (f"Output format not available for this command: {suffix[1:]} (with -o: .json, "
                                    ".csv; any other name, .txt for instance, gets the format asked with --format).")
    code, _, _ = run_cli(capsys, "subsidy", SAMPLE, "--year", "2025", "-o", tmp_path / "reclamation")
    assert code == 0 and (tmp_path / "reclamation").read_text(encoding="utf-8").strip()


@pytest.mark.parametrize("args", [["check-quota", "x.xlsx", "--at", "9999-03-01"],
                                  ["check-quota", "x.xlsx", "--at", "31/12/9999"],
                                  ["check-eligibility", "x.xlsx", "--at", "0001-01-01"]])
def test_at_outside_the_years_ei_accepts_is_a_usage_error(capsys, args):
    """``--at 9999-03-01`` ended in « Erreur interne (ValueError) »: the agrément year holding that day ends in
    the year 10000, which Python's dates cannot hold. ``--at`` accepts the years ``--year`` accepts (1990–2100),
    with the same words: a usage error, exit 2, before any file is read."""
    code, out, err = run_cli(capsys, *args)
    year = int(args[-1][-4:] if "/" in args[-1] else args[-1][:4])
    assert code == 2 and out == ""
    assert err.splitlines()[-1] == f"Erreur : valeur invalide pour --at : {year} n'est pas compris entre 1990 et 2100."


def test_every_year_option_takes_the_bounds_of_one_place():
    """``--year`` is bounded by ``commands._options.YEAR_MIN`` / ``YEAR_MAX`` (1990–2100), which ``--at`` checks
    too; ``ei report``, ``ei subsidy`` and ``ei batch`` wrote ``min=1990, max=2100`` themselves, so a change of
    the bounds would have left them behind. Every command's ``--year`` has the constants' bounds, and no
    command module writes the years itself."""
    import re
    from pathlib import Path

    import typer

    from ei_cli.cli import app
    from ei_cli.commands._options import YEAR_MAX, YEAR_MIN

    def commands(cmd, path=()):
        yield path, cmd
        for name, sub in getattr(cmd, "commands", {}).items():
            yield from commands(sub, (*path, name))

    bounds = {" ".join(path): (p.type.min, p.type.max) for path, cmd in commands(typer.main.get_command(app))
              for p in cmd.params if p.name == "year" and hasattr(p.type, "min")}
    assert {"check", "subsidy", "batch", "report annual", "report agrement"} <= set(bounds)
    assert set(bounds.values()) == {(YEAR_MIN, YEAR_MAX)}
    folder = Path(__file__).resolve().parent.parent / "ei_cli" / "commands"
    written = [p.name for p in folder.glob("*.py")
               if p.name != "_options.py" and re.search(rf"\b({YEAR_MIN}|{YEAR_MAX})\b", p.read_text(encoding="utf-8"))]
    assert written == []


def test_every_test_the_docs_cite_exists():
    """docs/security.md lists, beside each guarantee, the tests that hold it (issue 8); two had been renamed
    or folded into another and the page still cited them. Every ``test_…`` name the docs and README cite is a
    test file or a test function of tests/."""
    import re

    defined = set(re.findall(r"^def (test_\w+)", "\n".join(
        p.read_text(encoding="utf-8") for p in (ROOT / "tests").glob("test_*.py")), re.M))
    files = {p.stem for p in (ROOT / "tests").glob("test_*.py")}
    docs = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md")), ROOT / "benchmarks" / "README.md"]
    cited = {(d.name, name, star) for d in docs
             for name, star in re.findall(r"\b(test_\w+)(\*?)", d.read_text(encoding="utf-8"))}
    # ``test_neutralise_*``: every test of that prefix.
    assert sorted((doc, n + star) for doc, n, star in cited
                  if n not in defined and n not in files and not (star and any(f.startswith(n) for f in defined))) == []


@pytest.mark.skipif(sys.platform == "win32", reason="bash's ANSI-C quoting")
@pytest.mark.parametrize("word, quoted", [
    ("x\u202eabc/", "$'x\\xe2\\x80\\xaeabc/'"), ("a\x9bb", "$'a\\xc2\\x9bb'"),
    (os.fsdecode(b"Fran\xe7ois\xe2\x80\xae\xc3\xa9"), "$'Fran\\xe7ois\\xe2\\x80\\xae\u00e9'")])
def test_an_invisible_character_in_a_word_to_copy_never_reaches_the_terminal_raw(word, quoted):
    """A right-to-left override (U+202E) or a C1 control reached the terminal raw in « Essayez : ei check … »
    (only C0 and DEL were escaped): every invisible character of ``problems.INVISIBLE`` is written in ANSI-C
    quoting as its UTF-8 bytes, each \\xHH, which bash gives back as the character in every locale. It was
    \\uHHHH, which bash decodes only in a locale that can encode the character: under ``LC_ALL=C`` (cron, ssh
    without a locale) it gave back ``\\u202E`` as text, and the command copied named a file that does not
    exist. A byte of the name that is not UTF-8 (``\\xe7``, PEP 383) stays \\xHH, valid UTF-8 (é) as it is."""
    import shutil

    from ei_cli.output import shell_quote

    assert shell_quote(word, windows=False) == quoted
    if shutil.which("bash"):
        for locale in ("C", "C.UTF-8"):
            env = {**os.environ, "LC_ALL": locale}
            back = subprocess.run(["bash", "-c", f"printf %s {quoted}"], capture_output=True, check=True,
                                  env=env).stdout
            assert back == os.fsencode(word), locale


def test_validate_counts_zero_in_the_singular_in_french_and_the_plural_in_english(capsys, make_workbook,
                                                                                 workbook_sheets):
    """The valid test workbook (3 workers, 6 pay rows) with its Suivi sheet kept with its headers only: 0
    follow-up actions. French puts 0 in the singular, English in the plural (``i18n.plural``, the one rule);
    `ei validate`'s line had its own copy, which said « 0 actions de suivi »."""
    workbook_sheets["Suivi"] = workbook_sheets["Suivi"][:1]
    path = make_workbook(workbook_sheets)
    code, out, _ = run_cli(capsys, "validate", path)
    assert code == 0 and "valide (3 travailleurs, 6 lignes de paie, 0 action de suivi)" in " ".join(out.split())
    code, out, _ = run_cli(capsys, "validate", path, "--lang", "en")
    assert code == 0 and "valid (3 workers, 6 pay rows, 0 follow-up actions)" in " ".join(out.split())


def test_a_warning_repeated_row_after_row_is_printed_three_times_then_summed_up_on_one_line(capsys, make_workbook,
                                                                                            workbook_sheets):
    """A workbook kept over the years: worker 1 re-hired 8 times (Personnel B5…B12, one ``duplicate_niss``
    each). Every command printed the 8 warnings in full, six lines each, on stderr; a real one (30 re-hires)
    gave 180 lines before every ``ei check``. Now the first 3 (``output.WARNINGS_SHOWN_PER_CODE``) in full,
    then one line naming the 5 others' cells and the command that shows them all; the JSON document still
    holds the 8 (spec/cli.md: every problem), and ``ei validate``, the command that lists them, prints the 8."""
    from helpers_workbook import with_rehires

    from ei_cli.output import WARNINGS_SHOWN_PER_CODE, shell_quote

    path = make_workbook(with_rehires(workbook_sheets, 8))
    _, _, err = run_cli(capsys, "check-eligibility", path)
    err = " ".join(err.split())
    assert WARNINGS_SHOWN_PER_CODE == 3 and err.count("(duplicate_niss)") == 3
    assert all(f"Personnel › B{row} :" in err for row in (5, 6, 7)), err
    assert err.endswith(f"attention : 5 autres avertissements « duplicate_niss » (Personnel › B8, B9, B10, B11, "
                        f"B12) — ei validate {shell_quote(str(path))} les montre tous.")
    _, out, err = run_cli(capsys, "check-eligibility", path, "--lang", "en", "--format", "json")

    assert [p["cell"] for p in json.loads(out)["problems"] if p["code"] == "duplicate_niss"] == [
        f"B{row}" for row in range(5, 13)]
    err = " ".join(err.split())
    assert err.count("(duplicate_niss)") == 3 and err.endswith(
        f"warning: 5 more warnings “duplicate_niss” (Personnel › B8, B9, B10, B11, B12) — ei validate "
        f"{shell_quote(str(path))} shows them all.")
    code, out, err = run_cli(capsys, "validate", path)
    err = " ".join(err.split())
    assert code == 0 and err.count("(duplicate_niss)") == 8 and "autres avertissements" not in err
    # The 8 re-hires and one person_over_full_time: each re-hire (etp 1) runs beside worker 1's own full-time CDI;
    # and 3 payroll_missing_month: the re-hires' Paie rows (2023-01 to 2023-08) take the Paie sheet back to 2023-01,
    # where workers 1, 2 and 3, employed, have no row before 2024-01 (``rules.common.payroll_gaps``).
    assert "valide, 12 avertissements" in " ".join(out.split())
    assert err.count("(payroll_missing_month)") == 3


def test_only_warnings_located_in_the_workbook_are_summed_up_and_their_cells_are_capped(capsys):
    """``print_problems`` on 16 warnings of one code at cells D2…D17 of Paie: 3 in full, then « 13 autres »
    naming the first 10 cells and « … » (``problems.CELLS_NAMED``). Errors are always all printed (5 of one code);
    a warning with no cell (a worker's missing payroll, one per worker, its months listed) too (4 of one code).
    One other warning: « 1 autre avertissement … le montre »."""
    from ei_cli.i18n import t
    from ei_cli.output import print_problems
    from ei_cli.problems import CELLS_NAMED, error, warning

    message = t("Valeur douteuse.", "Doubtful value.")
    many = [warning("odd_value", message, "x.xlsx", "Paie", f"D{row}") for row in range(2, 18)]
    errors = [error("bad_value", message, "x.xlsx", "Paie", f"C{row}") for row in range(2, 7)]
    unplaced = [warning("payroll_missing_month", message, "x.xlsx", "Paie") for _ in range(4)]
    four = [warning("other", message, "x.xlsx", "Suivi", f"B{row}") for row in range(2, 6)]
    capsys.readouterr()
    print_problems(many + errors + unplaced + four)
    err = " ".join(capsys.readouterr().err.split())
    assert CELLS_NAMED == 10
    assert (err.count("(odd_value)"), err.count("(bad_value)"), err.count("(payroll_missing_month)"),
            err.count("(other)")) == (3, 5, 4, 3)
    assert ("attention : 13 autres avertissements « odd_value » (Paie › D5, D6, D7, D8, D9, D10, D11, D12, D13, "
            "D14, …) — ei validate x.xlsx les montre tous.") in err
    assert err.endswith("attention : 1 autre avertissement « other » (Suivi › B5) — ei validate x.xlsx "
                        "le montre.")
    print_problems(many, "en", every=True)
    assert capsys.readouterr().err.count("(odd_value)") == 16


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_no_output_of_the_samples_hedges_a_plural_in_brackets(capsys, tmp_path, lang):
    """A count that can be 1 says its words by the language's rule (``i18n.plural``, docs/interpretations.md
    « A count and its words »): the samples' outputs printed « 10 travailleur(s) du public cible », « 11
    travailleur(s) suivi(s) », « 2 classeur(s) : 1 conforme(s) », « 1 workbook(s) », « breach(es) ». Every
    command a user runs on them — the dashboard with its reasons, the quota, the wages, the subsidies, the batch
    table and the annual report (French only) — prints no « (s) » nor « (es) », in French and in English."""
    import re

    samples = sorted(SAMPLE.parent.glob("*.xlsx"))
    assert len(samples) == 2
    texts = {}
    for sample in samples:
        for command in ("check", "check-quota", "check-wages", "subsidy"):
            code, out, err = run_cli(capsys, command, sample, "--year", 2025, "--explain", "--lang", lang)
            assert code in (0, 1), (command, sample.name, err)
            texts[command, sample.name] = out + err
    code, out, err = run_cli(capsys, "batch", SAMPLE.parent, "--year", 2025, "--explain", "--lang", lang)
    assert code in (0, 1), err
    texts["batch"] = out + err
    assert "2 classeurs :" in " ".join(out.split()) if lang == "fr" else "2 workbooks:" in " ".join(out.split())
    if lang == "fr":
        for sample in samples:
            report = tmp_path / f"{sample.stem}.md"
            code, _, err = run_cli(capsys, "report", "annual", sample, "--year", 2025, "-o", report)
            assert code == 0, err
            texts["report", sample.name] = report.read_text(encoding="utf-8")
    for where, text in texts.items():
        assert not re.search(r"\w\((?:s|es)\)", text), (where, re.findall(r".{30}\w\((?:s|es)\).{10}", text))


@pytest.mark.parametrize("fmt", ["table", "json", "csv"])
def test_a_result_written_with_o_says_each_warning_once(capsys, tmp_path, fmt):
    """The Brussels sample has one warning (regime_outline: bruxelles-2018 known only in part). Written with -o,
    a table said it twice on stderr (once while drawn into the file, once after); every format, to the terminal
    or to a file, says it once."""
    brussels = SAMPLE.parent / "ei-bruxelles.xlsx"
    for output in (None, tmp_path / f"out.{fmt}.txt"):
        args = ["check", brussels, "--year", "2025", "-f", fmt] + (["-o", output] if output else [])
        code, _, err = run_cli(capsys, *args)
        assert code == 0 and err.count("(regime_outline)") == 1, (fmt, output, err)


def test_validate_warns_of_the_months_a_worker_was_employed_without_a_pay_row(capsys, make_workbook, workbook_sheets):
    """Paie from 2023-03 to 2024-02 (the agrément year 2023-03-01 – 2024-02-29): workers 1 and 3 paid every month,
    worker 2 (employed 2023-03-01 – 2024-06-30) every month but June and July 2023. `ei validate` said « valide »
    without a word while every check warned that those two months fell back on Personnel.etp; it now gives that
    same warning (code, words, sheet), and only for them: not for the months before the first Paie month
    (worker 1 hired 2022-01-10) nor after the last (worker 2's 2024-03 to 2024-06: the payroll stops there, not
    known). Still valid, exit 0; a Paie sheet with no row says nothing more than its count (« 0 ligne de paie »)."""
    from datetime import date

    months = [date(2023 + (m > 9), (m + 2) % 12 + 1, 1) for m in range(12)]   # 2023-03 … 2024-02
    assert (months[0], months[-1]) == (date(2023, 3, 1), date(2024, 2, 1))
    workbook_sheets["Paie"] = workbook_sheets["Paie"][:1] + [
        [w, m, fte, 2000, 2800] for w, fte in ((1, 1), (2, 0.5), (3, 1)) for m in months
        if not (w == 2 and m in (date(2023, 6, 1), date(2023, 7, 1)))]
    path = make_workbook(workbook_sheets)
    code, out, _ = run_cli(capsys, "validate", path, "--format", "json")
    doc = json.loads(out)
    (gap,) = [p for p in doc["problems"] if p["code"] == "payroll_missing_month"]
    assert code == 0 and doc["files"][0]["valid"] is True
    assert (gap["severity"], gap["sheet"], gap["cell"]) == ("warning", "Paie", None)
    assert gap["message"] == ("Travailleur 2 : pas de ligne de paie pour 2023-06, 2023-07 ; etp contractuel utilisé "
                              "(au prorata des jours d'occupation).")
    _, out, _ = run_cli(capsys, "check-quota", path, "--year", "2024", "--format", "json")
    checked = [p for p in json.loads(out)["problems"] if p["code"] == "payroll_missing_month"]
    assert checked == [gap], checked   # the check's own warning, word for word
    workbook_sheets["Paie"] = workbook_sheets["Paie"][:1]
    code, out, _ = run_cli(capsys, "validate", make_workbook(workbook_sheets, "vide.xlsx"), "--format", "json")
    assert code == 0 and [p["code"] for p in json.loads(out)["problems"]] == []


def test_a_format_the_output_suffix_overrides_is_said_on_stderr(capsys, tmp_path):
    """``-o res.json --format csv``: the suffix chooses (cli.md), and the csv asked was dropped without a word.
    The file is JSON as before, exit as before, and one warning on stderr says the --format was not followed;
    nothing is said for ``-o res.json`` alone (the default table is not asked), ``--format json``, or a neutral
    name (``res.txt`` gets the csv asked)."""
    res = tmp_path / "res.json"
    code, _, err = run_cli(capsys, "check", SAMPLE, "--year", "2025", "-o", res, "--format", "csv")
    assert code == 0 and json.loads(res.read_text(encoding="utf-8"))["command"] == "check"
    assert " ".join(err.split()) == (f"attention --format csv non suivi : {res} est écrit en json, le format que dit "
                                     "son extension (un autre nom, .txt par exemple, reçoit le format demandé). "
                                     "(format_from_suffix)")
    for extra in ((), ("--format", "json")):
        assert "format_from_suffix" not in run_cli(capsys, "check", SAMPLE, "--year", "2025", "-o", res, *extra)[2]
    code, _, err = run_cli(capsys, "check", SAMPLE, "--year", "2025", "-o", tmp_path / "res.txt", "--format", "csv")
    assert "format_from_suffix" not in err
    assert (tmp_path / "res.txt").read_text(encoding="utf-8").startswith("name,compliant,summary")
