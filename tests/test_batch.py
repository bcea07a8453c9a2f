"""`ei batch DIR`: bad files among good ones, skipped files, exit codes, summary = per-file JSONs.

The CLI is run in-process through ``ei_cli.cli.main`` (so that exit codes are those of the console
script and ``monkeypatch`` reaches the rules); workbooks are the small valid one of
``helpers_workbook`` (payroll 2024-01 and 2024-02), written once per module and copied.
"""

from __future__ import annotations

import json
import shutil
from datetime import date
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ei_cli import batch
from ei_cli.batch import SUMMARY_JSON, BatchRequest, FileOutcome
from ei_cli.errors import ExitCode
from ei_cli.i18n import t
from ei_cli.rules.common import CheckResult
from helpers_cli import deny_listing, run_cli
from helpers_workbook import set_field, valid_sheets, write_workbook

YEAR = "2024"
OTHER_BCE = "0123.456.749"   # a valid BCE number (mod 97) other than helpers_workbook.VALID_BCE


@pytest.fixture(scope="module")
def good_workbook(tmp_path_factory) -> Path:
    return write_workbook(tmp_path_factory.mktemp("wb") / "good.xlsx", valid_sheets())


@pytest.fixture(scope="module")
def other_workbook(tmp_path_factory) -> Path:
    sheets = set_field(valid_sheets(), "nom", "-EI tiret")  # a name a spreadsheet would run
    set_field(sheets, "numero_bce", OTHER_BCE)              # another enterprise: not good.xlsx's number
    return write_workbook(tmp_path_factory.mktemp("wb") / "other.xlsx", sheets)


def folder_with(tmp_path: Path, files: dict[str, Path | bytes]) -> Path:
    folder = tmp_path / "in"
    folder.mkdir(exist_ok=True)
    for name, source in files.items():
        target = folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(source, Path):
            shutil.copyfile(source, target)
        else:
            target.write_bytes(source)
    return folder


def run(capsys, *args: str) -> tuple[int, str, str]:
    return run_cli(capsys, "batch", *args)


def fixed_checks(monkeypatch, verdict_of: dict[str, bool | None]):
    """Make every file's checks give one verdict, chosen by the enterprise's name."""

    def fake(enterprise, regime, period, report):
        verdict = verdict_of.get(enterprise.name, True)
        return [CheckResult("quota", verdict, t("quota", "quota"), details={"target_share": 0.5}),
                CheckResult("wages", True, t("salaires", "wages"), details={"ratio": 2.5})]

    monkeypatch.setattr(batch, "_run_checks", fake)


# ---------------------------------------------------------------------------------------- files
def test_find_workbooks_skips_lock_hidden_and_other_files(tmp_path):
    folder = folder_with(tmp_path, {name: b"x" for name in (
        "b.ods", "A.xlsx", "c.xlsm", "~$A.xlsx", ".hidden.xlsx", ".~lock.b.ods#", "notes.txt", "d.XLSX", "e.csv")})
    (folder / "sub.xlsx").mkdir()  # a folder, even with a workbook's suffix, is not a workbook
    assert [p.name for p in batch.find_workbooks(folder)] == ["A.xlsx", "b.ods", "c.xlsm", "d.XLSX"]


def test_files_are_listed_by_name_whatever_their_accents_case_and_unicode_form(tmp_path):
    """Audit R2: the order followed the raw text of the names, case-folded: « Élan.xlsx » came after « zed.xlsx »,
    and « Émile.xlsx » named by a Mac (NFD: « E » then a combining accent) sorted elsewhere than the same name
    typed on Windows (NFC: one character « É »). The names are now compared without their accents, in one
    Unicode form, case-folded; the raw name breaks a tie (the NFD « Émile » before the NFC one: « E » U+0045
    before « É » U+00C9), so that the order never depends on the order the system lists them in."""
    import unicodedata

    nfc, nfd = (unicodedata.normalize(form, "Émile.xlsx") for form in ("NFC", "NFD"))
    names = ["zed.xlsx", "warn.xlsx", nfc, unicodedata.normalize("NFC", "Élan.xlsx"), "Beta.xlsx", "alpha.xlsx", nfd]
    folder = folder_with(tmp_path, {name: b"x" for name in names})
    listed = [p.name for p in batch.find_workbooks(folder)]
    assert [unicodedata.normalize("NFC", n) for n in listed] == [
        "alpha.xlsx", "Beta.xlsx", "Élan.xlsx", "Émile.xlsx", "Émile.xlsx", "warn.xlsx", "zed.xlsx"]
    assert listed[3:5] == [nfd, nfc]


def test_a_legacy_xls_is_reported_unreadable_with_the_advice_of_validate(tmp_path, capsys, good_workbook):
    """An old Excel 97-2003 ``.xls`` in the folder is one of the files, unreadable, with the same advice
    as ``ei validate old.xls`` (``legacy_xls``: save it as .xlsx), on stderr and in files[]; exit 2 as for
    any unreadable file. A ``.csv`` is not one of the files (it goes to skipped[]). (The old code left
    the .xls out in silence: exit 0.)"""
    from ei_cli.workbook.sniff import OLE_MAGIC

    folder = folder_with(tmp_path, {"good.xlsx": good_workbook, "old.xls": OLE_MAGIC + b"\0" * 504,
                                    "notes.csv": b"a,b\n"})
    code, stdout, err = run(capsys, folder, "--year", YEAR, "--format", "json", "--quiet")
    doc = json.loads(stdout)
    assert code == doc["summary"]["exit_code"] == ExitCode.BAD_INPUT
    assert [(f["file"], f["readable"]) for f in doc["files"]] == [("good.xlsx", True), ("old.xls", False)]
    old = doc["files"][1]["problems"]
    assert [p["code"] for p in old] == ["legacy_xls"] and "enregistrez-le en .xlsx" in old[0]["message"]
    assert "legacy_xls" in err and doc["summary"]["unreadable"] == 1
    code, validated, _ = run_cli(capsys, "validate", folder / "old.xls", "--format", "json")
    assert json.loads(validated)["problems"][0]["message"] == old[0]["message"]


def test_a_csv_is_reported_in_skipped_with_the_advice_of_validate(tmp_path, capsys, monkeypatch, good_workbook):
    """A ``.csv`` in the folder — most likely a workbook saved in a format ei does not read — is not read
    but reported: one line on stderr and an entry of ``skipped[]`` with the reader's code and advice, as
    ``ei validate notes.csv`` gives them (``csv_not_supported``: save it as .xlsx; an empty one is
    ``empty_file``), in a sub-folder too with --recursive. It is not counted in error: the exit code
    stays that of the workbooks (0 here). The old code left it out in silence."""
    folder = folder_with(tmp_path, {"good.xlsx": good_workbook, "notes.csv": b"a,b\n1,2\n", "vide.CSV": b""})
    (folder / "client-a").mkdir()
    (folder / "client-a" / "paie.csv").write_bytes(b"a;b\n")
    fixed_checks(monkeypatch, {})
    code, stdout, err = run(capsys, folder, "--year", YEAR, "--recursive", "--format", "json", "--quiet")
    doc = json.loads(stdout)
    assert code == doc["summary"]["exit_code"] == ExitCode.OK and doc["summary"]["unreadable"] == 0
    assert [f["file"] for f in doc["files"]] == ["good.xlsx"]
    assert [(s["file"], s["reason"]) for s in doc["skipped"]] == [
        ("client-a/paie.csv", "csv_not_supported"), ("notes.csv", "csv_not_supported"), ("vide.CSV", "empty_file")]
    _, validated, _ = run_cli(capsys, "validate", folder / "notes.csv", "--format", "json")
    advice = json.loads(validated)["problems"][0]["message"]
    assert doc["skipped"][1]["message"] == f"ignoré : notes.csv : {advice[0].lower()}{advice[1:]}"
    assert "enregistrez-le en .xlsx" in advice
    assert [line for line in err.splitlines() if line.startswith("ignoré")] == [s["message"] for s in doc["skipped"]]


def test_only_a_summary_ei_wrote_is_left_out_and_in_silence_only_the_one_this_batch_replaces(tmp_path):
    """A summary.xlsx is left out of the workbooks only when ei wrote it (its mark): silently when it is
    the one of the output folder (this batch replaces it), reported (second list) anywhere else. A
    summary.xlsx that ei did not write is a workbook to read, whatever the output folder (the old code
    left out any file of that name in the output folder, unread, and then overwrote it)."""
    folder = folder_with(tmp_path, {"a.xlsx": b"x", "summary.xlsx": b"x"})
    for out in (folder, tmp_path / "out"):
        assert [[p.name for p in ps] for ps in batch.list_workbooks(folder, out_dir=out)] == [
            ["a.xlsx", "summary.xlsx"], []]
    batch.write_summary_xlsx(folder / "summary.xlsx", [], BatchRequest(2024), [])
    assert [[p.name for p in ps] for ps in batch.list_workbooks(folder, out_dir=folder)] == [["a.xlsx"], []]
    assert [[p.name for p in ps] for ps in batch.list_workbooks(folder, out_dir=tmp_path / "out")] == [
        ["a.xlsx"], ["summary.xlsx"]]


def test_output_names_unique_and_never_summary():
    paths = [Path("a.xlsx"), Path("a.ods"), Path("b.xlsm"), Path("summary.ods")]
    assert batch.output_names(paths) == ["a.xlsx.json", "a.ods.json", "b.json", "summary.ods.json"]
    # a.xlsx.xlsx's own stem is a.xlsx: its JSON would be the one of a.xlsx (shared with a.ods)
    paths = [Path("a.ods"), Path("a.xlsx"), Path("a.xlsx.xlsx"), Path("B.xlsx"), Path("b.XLSX")]
    assert batch.output_names(paths) == ["a.ods.json", "a.xlsx.json", "a.xlsx-2.json", "B.xlsx.json",
                                         "b.XLSX-2.json"]


def test_output_names_in_sub_folders_follow_the_workbooks():
    """With the sub-folders read, each JSON goes to the workbook's sub-folder; a stem is "shared" only
    within one sub-folder, and only the output folder itself has a summary.json to avoid."""
    folder = Path("in")
    paths = [folder / "a.xlsx", folder / "s" / "a.xlsx", folder / "s" / "a.ods", folder / "s" / "summary.xlsx",
             folder / "summary.xlsx", folder / "s" / "t" / "b.xlsm"]
    assert batch.output_names(paths, folder) == ["a.json", "s/a.xlsx.json", "s/a.ods.json", "s/summary.json",
                                                 "summary.xlsx.json", "s/t/b.json"]


@given(st.lists(st.tuples(st.sampled_from(["", "s", "S", "s/t"]),
                          st.sampled_from(["a", "A", "a.xlsx", "summary", "Summary", "a-2", "b"]),
                          st.sampled_from([".xlsx", ".XLSX", ".ods", ".xlsm"])), max_size=12))
def test_output_names_never_collide(files):
    """Two workbooks never get the same JSON, not even one differing only by case (one file on Windows
    and macOS); each JSON is in its workbook's sub-folder and ends in .json; the output folder's own
    summary.json is never taken. (The names are drawn to collide: a.xlsx.xlsx beside a.xlsx and a.ods.)"""
    folder = Path("in")
    relative = sorted({f"{sub}/{stem}{suffix}" if sub else f"{stem}{suffix}" for sub, stem, suffix in files})
    names = batch.output_names([folder / r for r in relative], folder)
    assert len({n.casefold() for n in names}) == len(names)
    assert SUMMARY_JSON not in {n.casefold() for n in names}
    for r, n in zip(relative, names):
        assert n.endswith(".json") and n.rpartition("/")[0] == r.rpartition("/")[0]


def test_recursive_reads_sub_folders_but_not_hidden_ones_nor_our_own_summary(tmp_path, capsys, good_workbook,
                                                                           other_workbook):
    """``--recursive``: the sub-folders' workbooks too, named by their path from the folder given; their
    JSONs in the same sub-folders of --out. A hidden folder is not read, nor the summary.xlsx of a
    previous run in the output folder (inside the input folder here); a workbook someone put in the
    output folder is. Without --recursive, only the folder itself."""
    folder = folder_with(tmp_path, {"good.xlsx": good_workbook})
    for sub, source in (("client-a", good_workbook), ("client-b/2025", other_workbook), (".old", good_workbook)):
        (folder / sub).mkdir(parents=True)
        shutil.copyfile(source, folder / sub / "good.xlsx")
    out = folder / "resultats"
    out.mkdir()
    batch.write_summary_xlsx(out / "summary.xlsx", [], BatchRequest(2024), [])  # a previous run's: not read
    shutil.copyfile(other_workbook, out / "mis-ici.xlsx")

    code, stdout, _ = run(capsys, folder, "--year", YEAR, "--recursive", "--out", out, "--format", "json")
    doc = json.loads(stdout)
    assert code == doc["summary"]["exit_code"] != ExitCode.BAD_INPUT and doc["summary"]["unreadable"] == 0
    assert [f["file"] for f in doc["files"]] == ["client-a/good.xlsx", "client-b/2025/good.xlsx", "good.xlsx",
                                                 "resultats/mis-ici.xlsx"]
    assert [f["output"] for f in doc["files"]] == ["client-a/good.json", "client-b/2025/good.json", "good.json",
                                                   "resultats/mis-ici.json"]
    assert [f["enterprise"] for f in doc["files"]] == ["EI Les Jardins de Test", "-EI tiret",
                                                       "EI Les Jardins de Test", "-EI tiret"]
    written = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.json"))
    assert written == ["client-a/good.json", "client-b/2025/good.json", "good.json", "resultats/mis-ici.json",
                       "summary.json"]
    assert json.loads((out / "client-b/2025/good.json").read_text())["enterprise"]["name"] == "-EI tiret"

    code, stdout, _ = run(capsys, folder, "--year", YEAR, "--format", "json")
    assert [f["file"] for f in json.loads(stdout)["files"]] == ["good.xlsx"]


def _interrupt_after_the_first_file(monkeypatch) -> None:
    """Ctrl-C as the second workbook starts (``--jobs 1``): the first is processed, then KeyboardInterrupt."""
    real, calls = batch.process_file, []

    def interrupted_after_one(*args, **kwargs):
        if calls:
            raise KeyboardInterrupt
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(batch, "process_file", interrupted_after_one)


def test_an_interrupted_recursive_run_removes_the_sub_folders_it_made(tmp_path, capsys, monkeypatch, good_workbook):
    """An interrupted ``--recursive`` run into an existing --out left the sub-folders it had made for the
    JSONs, empty — and ``client-a``, made for the one JSON published before Ctrl-C, with that JSON: a partial
    result (cli.md, 130: no partial output file left behind). Both are removed; the sub-folder that was there
    before stays, and so does the user's file."""
    folder = tmp_path / "in"
    for sub in ("client-a", "client-b", "client-c/deep"):
        (folder / sub).mkdir(parents=True)
        shutil.copyfile(good_workbook, folder / sub / "paie.xlsx")
    out = tmp_path / "out"
    (out / "client-c").mkdir(parents=True)
    (out / "keep.txt").write_text("the user's")
    _interrupt_after_the_first_file(monkeypatch)
    code, _, _ = run(capsys, folder, "--year", YEAR, "--out", out, "-q", "-r", "--jobs", "1")
    assert code == ExitCode.INTERRUPTED
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*")) == ["client-c", "keep.txt"]


@pytest.mark.parametrize("where", ["client-a", "clients/client-a/2025"])
def test_workbooks_only_in_sub_folders_the_message_says_recursive(tmp_path, capsys, good_workbook, where):
    """No workbook directly in the folder, one in a sub-folder — one level down, or three (the sub-folders
    reported in skipped[] are one level only; the message still looks through the whole tree)."""
    folder = folder_with(tmp_path, {})
    (folder / where).mkdir(parents=True)
    shutil.copyfile(good_workbook, folder / where / "good.xlsx")
    code, _, stderr = run(capsys, folder, "--year", YEAR)
    assert code == ExitCode.BAD_INPUT and "ajoutez --recursive pour les lire" in " ".join(stderr.split())
    code, stdout, _ = run(capsys, folder, "--year", YEAR, "-r", "--format", "json")
    assert code != ExitCode.BAD_INPUT and [f["file"] for f in json.loads(stdout)["files"]] == [f"{where}/good.xlsx"]


def test_an_unreadable_sub_folder_is_reported_in_skipped_and_the_others_run(tmp_path, capsys, monkeypatch,
                                                                           good_workbook):
    """``--recursive`` over a folder one of whose sub-folders cannot be listed (a USB stick's ``System
    Volume Information``, another user's folder): that sub-folder is left out and said so — a line on
    stderr, an entry of skipped[] with the reason ``unreadable_folder`` — and the others' workbooks are
    processed; it is not counted in error (exit 0 here). The old code stopped the batch: « Erreur du
    système (accès refusé) : …/verrouille. », exit 2, nothing processed. The folder given itself unreadable
    still stops it (exit 2, the system's reason)."""
    folder = folder_with(tmp_path, {"good.xlsx": good_workbook})
    for sub in ("client-a", "verrouille/2025"):
        (folder / sub).mkdir(parents=True)
        shutil.copyfile(good_workbook, folder / sub / "good.xlsx")
    deny_listing(monkeypatch, folder / "verrouille")
    fixed_checks(monkeypatch, {})
    code, stdout, err = run(capsys, folder, "--year", YEAR, "--recursive", "--format", "json", "--quiet")
    doc = json.loads(stdout)
    assert code == doc["summary"]["exit_code"] == ExitCode.OK and doc["summary"]["unreadable"] == 0
    assert [f["file"] for f in doc["files"]] == ["client-a/good.xlsx", "good.xlsx"]
    message = "ignoré : le dossier verrouille ne peut pas être lu (accès refusé) : ses classeurs ne sont pas traités."
    assert doc["skipped"] == [{"file": "verrouille", "reason": "unreadable_folder", "message": message}]
    assert message in err.splitlines()
    _, stdout, _ = run(capsys, folder, "--year", YEAR, "--recursive", "--format", "json", "--quiet", "--lang", "en")
    assert json.loads(stdout)["skipped"][0]["message"] == (
        "skipped: the folder verrouille cannot be read (Permission denied): its workbooks are not processed.")

    deny_listing(monkeypatch, folder)
    for recursive in ((), ("--recursive",)):
        code, stdout, err = run(capsys, folder, "--year", YEAR, *recursive, "--quiet")
        assert code == ExitCode.BAD_INPUT and stdout == "" and "accès refusé" in err


@pytest.mark.skipif(not hasattr(__import__("os"), "geteuid") or __import__("os").geteuid() == 0,
                    reason="root lists every folder")
def test_a_sub_folder_without_permission_is_skipped(tmp_path, capsys, monkeypatch, good_workbook):
    """The real case (non-root): ``chmod 000``; the same outcome as the simulated one above."""
    folder = folder_with(tmp_path, {"good.xlsx": good_workbook})
    (folder / "verrouille").mkdir()
    shutil.copyfile(good_workbook, folder / "verrouille" / "good.xlsx")
    (folder / "verrouille").chmod(0)
    try:
        fixed_checks(monkeypatch, {})
        code, stdout, _ = run(capsys, folder, "--year", YEAR, "--recursive", "--format", "json", "--quiet")
    finally:
        (folder / "verrouille").chmod(0o755)
    doc = json.loads(stdout)
    assert code == ExitCode.OK and [f["file"] for f in doc["files"]] == ["good.xlsx"]
    assert [(s["file"], s["reason"]) for s in doc["skipped"]] == [("verrouille", "unreadable_folder")]


def test_a_link_in_a_loop_or_to_nothing_is_a_file_in_error_and_the_others_run(tmp_path, capsys, monkeypatch,
                                                                               good_workbook):
    """A symbolic link under a workbook's name whose file cannot be looked at — here in a loop (ELOOP), as a
    link to a place the system refuses (EACCES) or a failing disk (EIO) — or that points to nothing (a
    workbook moved, a network share not connected) is a workbook the batch could not read: it is a file in
    error (files[], the reader's code and the system's reason), exit 2 (issue 7: « exit 2 if any file was
    unreadable »). The old code left the first out in skipped[] with exit 0, the second without a word: a
    monthly script reading the exit code never knew a workbook had not been processed. Under any other name
    such a link is left out in silence, as any file of another kind (a link is never descended into, with
    --recursive either). The other workbooks are processed: 3 files, 1 compliant, 2 unreadable."""
    import os

    folder = folder_with(tmp_path, {"good.xlsx": good_workbook})
    os.symlink("notes", folder / "notes")
    os.symlink("boucle.xlsx", folder / "boucle.xlsx")
    os.symlink(tmp_path / "partage" / "client-b.xlsx", folder / "client-b.xlsx")
    fixed_checks(monkeypatch, {})
    for recursive in ((), ("--recursive",)):
        code, stdout, err = run(capsys, folder, "--year", YEAR, *recursive, "--format", "json", "--quiet")
        doc = json.loads(stdout)
        assert code == doc["summary"]["exit_code"] == ExitCode.BAD_INPUT
        assert doc["skipped"] == []
        assert [(f["file"], [p["code"] for p in f["problems"]]) for f in doc["files"]] == [
            ("boucle.xlsx", ["unreadable_file"]), ("client-b.xlsx", ["file_not_found"]), ("good.xlsx", [])]
        assert (doc["summary"]["files"], doc["summary"]["unreadable"], doc["summary"]["compliant"]) == (3, 2, 1)
        assert "ERREUR boucle.xlsx : Impossible d'accéder au fichier (liens symboliques en boucle)." in " ".join(
            err.split())
        assert "ERREUR client-b.xlsx : Ce nom est un lien symbolique vers un fichier introuvable" in " ".join(
            err.split())


def test_sub_folders_holding_workbooks_are_reported_without_recursive(tmp_path, capsys, monkeypatch, good_workbook):
    """Without --recursive the sub-folders are not read; those holding workbooks directly are reported (stderr,
    skipped[] with the reason ``sub_folder`` and how many workbooks each holds directly: « 2025 » 1, « archives »
    2 — not « archives/old/c.xlsx »: one level only, a share's root is not walked to say so), not counted in
    error: the accountant who keeps a folder per client is told why fewer enterprises were read. Left out in
    silence: a sub-folder without workbooks of its own (``vide``; ``profond``, whose only workbook is one level
    further; ``--out`` inside the folder read, which holds only ei's own outputs), a hidden one (``.cache``).
    With --recursive, every workbook is read and nothing is reported. Exit 0: the one workbook read is
    compliant."""
    folder = folder_with(tmp_path, {"good.xlsx": good_workbook, "2025/a.xlsx": good_workbook,
                                    "archives/b.xlsx": good_workbook, "archives/b2.xlsx": good_workbook,
                                    "archives/old/c.xlsx": good_workbook, "profond/x/e.xlsx": good_workbook,
                                    ".cache/d.xlsx": good_workbook, "vide/notes.txt": b"x"})
    fixed_checks(monkeypatch, {})
    out = folder / "resultats"
    for _ in range(2):   # the second run: --out, inside the folder, now holds summary.xlsx and the JSONs
        code, stdout, err = run(capsys, folder, "--year", YEAR, "--out", str(out), "--format", "json", "--quiet")
        doc = json.loads(stdout)
        assert code == ExitCode.OK and [f["file"] for f in doc["files"]] == ["good.xlsx"]
        assert [(s["file"], s["reason"]) for s in doc["skipped"]] == [("2025", "sub_folder"),
                                                                     ("archives", "sub_folder")]
        assert doc["skipped"][1]["message"] == (
            "ignoré : le sous-dossier archives contient directement 2 classeurs, lus seulement avec --recursive.")
        assert ("ignoré : le sous-dossier 2025 contient directement 1 classeur, lu seulement avec --recursive."
                in err.splitlines())
    _, stdout, _ = run(capsys, folder, "--year", YEAR, "--format", "json", "--quiet", "--lang", "en")
    assert json.loads(stdout)["skipped"][0]["message"] == (
        "skipped: the sub-folder 2025 directly holds 1 workbook, read only with --recursive.")
    code, stdout, _ = run(capsys, folder, "--year", YEAR, "--recursive", "--out", str(out), "--format", "json",
                          "--quiet")
    doc = json.loads(stdout)
    assert [f["file"] for f in doc["files"]] == ["2025/a.xlsx", "archives/b.xlsx", "archives/b2.xlsx",
                                                 "archives/old/c.xlsx", "good.xlsx", "profond/x/e.xlsx"]
    assert doc["skipped"] == []


def test_a_link_to_a_workbook_read_elsewhere_is_read_once(tmp_path, capsys, monkeypatch, good_workbook):
    """``clientB/staff-A.xlsx -> ../clientA/staff.xlsx``: the old code read the workbook twice and summed its
    subsidies twice in the batch's total (2 × 1 450,25 = 2 900,50 €). A file is now read once, under its own
    name (the link's name goes to skipped[], reason ``same_file``, naming the file it is; not counted in
    error); a hard link likewise (the same device and inode), under the first name in the folder's order.
    Total: the workbook's own, as ``ei subsidy`` gives it (1 450,25 €), not 2 × 1 450,25 = 2 900,50 €."""
    import os

    folder = folder_with(tmp_path, {})
    for sub in ("clientA", "clientB"):
        (folder / sub).mkdir()
    shutil.copyfile(good_workbook, folder / "clientA" / "staff.xlsx")
    os.symlink("../clientA/staff.xlsx", folder / "clientB" / "staff-A.xlsx")
    os.link(folder / "clientA" / "staff.xlsx", folder / "clientA" / "copie.xlsx")
    code, stdout, err = run(capsys, folder, "--year", YEAR, "--recursive", "--format", "json", "--quiet")
    doc = json.loads(stdout)
    _, alone, _ = run_cli(capsys, "subsidy", good_workbook, "--year", YEAR, "--format", "json")
    assert [f["file"] for f in doc["files"]] == ["clientA/copie.xlsx"]
    assert doc["summary"]["total_subsidy"] == json.loads(alone)["total"] > 0   # counted once, as ei subsidy gives it
    message = "ignoré : {} est le même fichier que clientA/copie.xlsx (un lien) : il n'est lu qu'une fois."
    assert doc["skipped"] == [
        {"file": name, "reason": "same_file", "message": message.format(name)}
        for name in ("clientA/staff.xlsx", "clientB/staff-A.xlsx")]
    assert code == doc["summary"]["exit_code"] and message.format("clientB/staff-A.xlsx") in err.splitlines()


class _WindowsEntry:
    """An ``os.DirEntry`` as ``os.scandir`` gives it on Windows: its own stat carries the entry's file
    attributes and reparse tag (``st_file_attributes``, ``st_reparse_tag``, which exist only there)."""

    def __init__(self, entry, attributes: int, tag: int):
        self._entry, self._attributes, self._tag = entry, attributes, tag

    def __getattr__(self, name):
        return getattr(self._entry, name)

    def stat(self, *, follow_symlinks=True):
        from types import SimpleNamespace

        st = self._entry.stat(follow_symlinks=follow_symlinks)
        return SimpleNamespace(st_mode=st.st_mode, st_size=st.st_size, st_mtime=st.st_mtime,
                               st_file_attributes=self._attributes, st_reparse_tag=self._tag)


def _windows_listing(monkeypatch, marks: dict[str, tuple[int, int]]):
    """``os.scandir`` answering as on Windows: the entries named in ``marks`` with those (attributes,
    reparse tag), every other one with none (``FILE_ATTRIBUTE_NORMAL``)."""
    import os

    real = os.scandir

    class Listing:  # an iterator and a context manager, as os.scandir's
        def __init__(self, entries):
            self._entries = iter(entries)

        def __iter__(self):
            return self

        def __next__(self):
            return next(self._entries)

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return False

        def close(self):
            pass

    def scandir(path="."):
        with real(path) as listing:
            return Listing([_WindowsEntry(e, *marks.get(e.name, (0, 0))) for e in listing])

    monkeypatch.setattr(os, "scandir", scandir)
    monkeypatch.setattr(batch, "_ON_WINDOWS", True)


def test_windows_hidden_and_system_entries_and_junctions_are_left_out(tmp_path, monkeypatch, good_workbook):
    """On Windows « hidden » and « system » are attributes, not dot-names: a USB stick's ``$RECYCLE.BIN``
    (HIDDEN|SYSTEM) holds deleted workbooks (``$R8K2Q1Z.xlsx``) and their info files (``$I8K2Q1Z.xlsx``,
    not a workbook), which the old code processed and counted (the second in error, exit 2); a hidden
    or system file is left out too, in the folder itself as well. A junction (a name-surrogate reparse
    point: ``mklink /J``, Documents' legacy « Ma musique ») is not descended into, as a symbolic link is
    not (the old code, through os.walk, followed junctions: the same workbooks twice, or « accès refusé »);
    a folder that is another kind of reparse point (a cloud placeholder, IO_REPARSE_TAG_CLOUD
    0x9000001A, without the name-surrogate bit 0x20000000) is an ordinary folder and is read."""
    import os
    import stat

    hidden_system = stat.FILE_ATTRIBUTE_HIDDEN | stat.FILE_ATTRIBUTE_SYSTEM
    junction = (stat.FILE_ATTRIBUTE_REPARSE_POINT | stat.FILE_ATTRIBUTE_DIRECTORY, 0xA0000003)  # MOUNT_POINT
    cloud = (stat.FILE_ATTRIBUTE_REPARSE_POINT | stat.FILE_ATTRIBUTE_DIRECTORY, 0x9000001A)      # CLOUD
    folder = folder_with(tmp_path, {"good.xlsx": good_workbook, "copie-cachee.xlsx": good_workbook,
                                    "systeme.xlsx": good_workbook})
    bin_ = folder / "$RECYCLE.BIN" / "S-1-5-21-1004336348-1177238915-682003330-1001"
    for sub in (bin_, folder / "client-a", folder / "clients-bis", folder / "OneDrive"):
        sub.mkdir(parents=True)
    for target in (bin_ / "$R8K2Q1Z.xlsx", folder / "client-a" / "paie.xlsx", folder / "clients-bis" / "paie.xlsx",
                   folder / "OneDrive" / "paie.xlsx"):
        shutil.copyfile(good_workbook, target)
    (bin_ / "$I8K2Q1Z.xlsx").write_bytes(b"\x02" + b"\0" * 8 + b"\xa4" + b"\0" * 6)
    os.symlink(folder / "client-a", folder / "lien", target_is_directory=True)  # not followed, as before
    _windows_listing(monkeypatch, {"$RECYCLE.BIN": (hidden_system | stat.FILE_ATTRIBUTE_DIRECTORY, 0),
                                   "copie-cachee.xlsx": (stat.FILE_ATTRIBUTE_HIDDEN, 0),
                                   "systeme.xlsx": (stat.FILE_ATTRIBUTE_SYSTEM, 0),
                                   "clients-bis": junction, "OneDrive": cloud})

    def names(recursive):
        return [[getattr(p, "path", p).relative_to(folder).as_posix() for p in ps]
                for ps in batch.list_workbooks(folder, None, recursive)]

    assert names(True) == [["client-a/paie.xlsx", "good.xlsx", "OneDrive/paie.xlsx"], []]
    # Without --recursive, the two sub-folders it would read are reported (``sub_folder``), not the others.
    assert names(False) == [["good.xlsx"], ["client-a", "OneDrive"]]


# ---------------------------------------------------------------------------------------- bad file
def test_bad_file_among_good_ones_exit_2_and_the_others_are_processed(tmp_path, capsys, good_workbook,
                                                                       other_workbook):
    folder = folder_with(tmp_path, {"a-good.xlsx": good_workbook, "b-bad.xlsx": b"not a workbook",
                                    "c-other.xlsx": other_workbook,
                                    "~$a-good.xlsx": b"lock", ".d-hidden.xlsx": b"hidden"})
    out = tmp_path / "out"
    code, stdout, stderr = run(capsys, folder, "--year", YEAR, "--out", out, "--format", "json")
    assert code == ExitCode.BAD_INPUT
    doc = json.loads(stdout)
    assert [f["file"] for f in doc["files"]] == ["a-good.xlsx", "b-bad.xlsx", "c-other.xlsx"]
    assert [f["readable"] for f in doc["files"]] == [True, False, True]
    assert doc["summary"]["files"] == 3 and doc["summary"]["unreadable"] == 1
    assert doc["summary"]["exit_code"] == 2
    assert "b-bad.xlsx" in stderr  # the bad file is reported on stderr
    assert [p["file"] for p in doc["problems"]] and all("b-bad.xlsx" in p["file"] for p in doc["problems"])
    assert sorted(p.name for p in out.iterdir()) == ["a-good.json", "b-bad.json", "c-other.json",
                                                      "summary.json", "summary.xlsx"]
    good = json.loads((out / "a-good.json").read_text())
    assert good["command"] == "check" and good["regime"] == "wallonie-2016"
    assert {c["name"] for c in good["checks"]} >= {"eligibility"} and "subsidy" in good
    bad = json.loads((out / "b-bad.json").read_text())
    assert bad["problems"][0]["severity"] == "error"
    assert all((out / n).stat().st_mode & 0o777 == 0o600 for n in ("summary.json", "summary.xlsx", "a-good.json"))


def test_a_bug_on_one_file_is_recorded_and_the_others_still_run(tmp_path, capsys, monkeypatch, good_workbook,
                                                                  other_workbook):
    folder = folder_with(tmp_path, {"a.xlsx": good_workbook, "b.xlsx": other_workbook})

    def fragile(enterprise, regime, period, report):
        if enterprise.name.startswith("-"):
            raise ZeroDivisionError
        return [CheckResult("quota", True, t("ok", "ok"))]

    monkeypatch.setattr(batch, "_run_checks", fragile)
    code, stdout, _ = run(capsys, folder, "--year", YEAR, "-f", "json")
    doc = json.loads(stdout)
    assert code == ExitCode.BAD_INPUT
    assert [f["readable"] for f in doc["files"]] == [True, False]
    assert doc["files"][1]["problems"][0]["code"] == "internal_error"
    # The command it suggests runs as written from the folder read: --debug before the command, the file's path
    # from that folder (the folder's path is not written in the outputs, audit D1), the year (it said « ei check
    # b.xlsx --debug », an unknown option there, without saying from where).
    assert (f"depuis le dossier lu, relancez « ei --debug check b.xlsx --year {YEAR} » et « ei --debug subsidy "
            f"b.xlsx --year {YEAR} »") in doc["files"][1]["problems"][0]["message"]
    # with --month (ei check has no --at): the month's calendar year
    code, stdout, _ = run(capsys, folder, "--month", f"{YEAR}-03", "-f", "json", "--jobs", "1")
    assert f"« ei --debug check b.xlsx --year {YEAR} »" in json.loads(stdout)["files"][1]["problems"][0]["message"]


def test_a_file_that_runs_out_of_memory_is_that_file_s_system_error_not_a_bug(tmp_path, capsys, monkeypatch,
                                                                               good_workbook):
    """A MemoryError on one workbook (``ulimit -v``, a large file on a small machine) was « Erreur interne
    (MemoryError) … signalez-la »: it is the system's limit, that file's ``system_error`` with what to do;
    the others run (exit 2)."""
    real = batch.evaluate

    def evaluate(path, request):
        if Path(path).name == "b.xlsx":
            raise MemoryError
        return real(path, request)

    monkeypatch.setattr(batch, "evaluate", evaluate)
    folder = folder_with(tmp_path, {"a.xlsx": good_workbook, "b.xlsx": good_workbook})
    code, stdout, _ = run(capsys, folder, "--year", YEAR, "-q", "-f", "json", "-j", "1")
    files = json.loads(stdout)["files"]
    assert code == ExitCode.BAD_INPUT and [f["readable"] for f in files] == [True, False]
    assert [(p["code"], p["message"]) for p in files[1]["problems"]] == [(
        "system_error", "Mémoire insuffisante pour traiter ce classeur : fermez d'autres programmes, ou relancez "
                        "avec un --jobs plus petit.")]


@pytest.mark.parametrize("failure", ["IO_ENOSPC", "OSError"])
def test_summary_xlsx_refused_on_the_way_through_the_temporary_folder_is_a_write_error(
        tmp_path, capsys, monkeypatch, good_workbook, failure):
    """openpyxl writes summary.xlsx's sheet to the system's temporary folder first: a full disk there was
    « Erreur interne (SerialisationError) » (exit 2 all the same, but « signalez-la »). Now the run stops on
    the system's refusal naming summary.xlsx (``system_error``), and no summary is left — nor, the --out
    folder being the run's own, the JSON it published there (``output.output_folder``)."""
    import errno

    from lxml.etree import SerialisationError
    from openpyxl import Workbook

    def save(self, target):
        raise SerialisationError(failure) if failure != "OSError" else OSError(errno.ENOSPC, "No space left")

    monkeypatch.setattr(Workbook, "save", save)
    folder = folder_with(tmp_path, {"a.xlsx": good_workbook})
    out = tmp_path / "out"
    code, stdout, stderr = run(capsys, folder, "--year", YEAR, "--out", out, "-q", "-f", "json", "-j", "1")
    assert code == ExitCode.BAD_INPUT and stderr.startswith(f"Impossible d'écrire {out / 'summary.xlsx'} (disque plein")
    assert [p["code"] for p in json.loads(stdout)["problems"]] == ["system_error"]
    assert not out.exists()


def test_an_internal_error_still_prints_one_json_document(capsys, monkeypatch):
    """cli.md: with --format json, exactly one JSON document on stdout. A bug inside a command printed
    « Erreur interne » on stderr and nothing on stdout; it prints the common fields, compliant null, and
    the error as a problem `internal_error` (exit 2, as before)."""
    import ei_cli.rules.wages as wages

    def broken(*args, **kwargs):
        raise ZeroDivisionError

    monkeypatch.setattr(wages, "wage_tension", broken)
    sample = Path(__file__).parent.parent / "sample_data" / "ei-wallonie.xlsx"
    code, stdout, stderr = run_cli(capsys, "check-wages", sample, "--year", YEAR, "--format", "json")
    doc = json.loads(stdout)
    assert code == ExitCode.BAD_INPUT and "Erreur interne (ZeroDivisionError)" in stderr
    assert doc["command"] == "check-wages" and doc["compliant"] is None
    assert [p["code"] for p in doc["problems"]] == ["internal_error"]


# ---------------------------------------------------------------------------------------- exit codes
@pytest.mark.parametrize("verdict, strict, expected", [
    (True, False, ExitCode.OK),
    (False, False, ExitCode.NOT_COMPLIANT),
    (None, False, ExitCode.OK),             # unknown alone is not "not compliant" (cli.md)
    (None, True, ExitCode.NOT_COMPLIANT),   # ... unless --strict
])
def test_exit_codes(tmp_path, capsys, monkeypatch, good_workbook, other_workbook, verdict, strict, expected):
    folder = folder_with(tmp_path, {"a.xlsx": good_workbook, "b.xlsx": other_workbook})
    fixed_checks(monkeypatch, {"-EI tiret": verdict})
    code, stdout, _ = run(capsys, folder, "--year", YEAR, "-f", "json", *(["--strict"] if strict else []))
    assert code == expected
    doc = json.loads(stdout)
    assert [f["compliant"] for f in doc["files"]] == [True, verdict]
    assert doc["compliant"] is verdict
    assert doc["summary"]["exit_code"] == expected


@pytest.mark.parametrize("args", [
    (),                                        # no --year nor --month
    ("--year", "2024", "--month", "2025-01"),  # month outside the year
    ("--month", "2024-13"),
    ("--year", "2024", "--regime", "no-such-regime"),
])
def test_usage_errors_exit_2_and_write_nothing(tmp_path, capsys, good_workbook, args):
    folder = folder_with(tmp_path, {"a.xlsx": good_workbook})
    code, stdout, _ = run(capsys, folder, *args, "--out", tmp_path / "out")
    assert code == ExitCode.BAD_INPUT and stdout == ""
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("month", ["2024-13", "2024-3", "24-03", "2024-03-01", "abcd"])
def test_a_month_not_written_yyyy_mm_is_refused_in_its_words(tmp_path, capsys, good_workbook, month):
    """``--month`` is read by ``Month.parse`` (the one reading of « AAAA-MM »): anything else is refused as before,
    « --month attend AAAA-MM, pas « 2024-3 ». », exit 2, nothing run."""
    folder = folder_with(tmp_path, {"a.xlsx": good_workbook})
    code, stdout, err = run(capsys, folder, "--month", month, "--out", tmp_path / "out")
    assert code == ExitCode.BAD_INPUT and stdout == "" and not (tmp_path / "out").exists()
    assert err.splitlines()[-1].endswith(f"--month attend AAAA-MM, pas « {month} ».")


@pytest.mark.parametrize("month, year", [("9999-12", 9999), ("0001-01", 1)])
def test_a_month_outside_the_years_ei_accepts_is_a_usage_error(tmp_path, capsys, good_workbook, month, year):
    """``ei batch DIR --month 9999-12`` ran every file into « Erreur interne (ValueError) » (an agrément year
    ending in 10000), exit 2 with a report written, where ``--year 9999`` is refused. ``--month`` takes the years
    ``--year`` takes (``_options.YEAR_MIN`` / ``YEAR_MAX``), with the same words: a usage error, nothing run."""
    folder = folder_with(tmp_path, {"a.xlsx": good_workbook})
    code, stdout, err = run(capsys, folder, "--month", month, "--out", tmp_path / "out")
    assert code == ExitCode.BAD_INPUT and stdout == "" and not (tmp_path / "out").exists()
    assert err.splitlines()[-1] == (f"Erreur : valeur invalide pour --month : {year} n'est pas compris entre 1990 "
                                    "et 2100.")


def test_missing_or_empty_folder_exit_2(tmp_path, capsys):
    assert run(capsys, tmp_path / "nope", "--year", YEAR)[0] == ExitCode.BAD_INPUT
    folder = folder_with(tmp_path, {"~$a.xlsx": b"lock"})
    code, _, stderr = run(capsys, folder, "--year", YEAR)
    assert code == ExitCode.BAD_INPUT and "Aucun classeur" in stderr


def test_region_mismatch_with_forced_regime_is_a_bad_file(tmp_path, capsys, good_workbook):
    folder = folder_with(tmp_path, {"a.xlsx": good_workbook})
    code, stdout, _ = run(capsys, folder, "--year", YEAR, "--regime", "bruxelles-2004", "-f", "json")
    assert code == ExitCode.BAD_INPUT
    assert json.loads(stdout)["files"][0]["problems"][-1]["code"] == "regime_not_applicable"


# ---------------------------------------------------------------------------------------- summary
def test_summary_workbook_rows_equal_the_per_file_jsons(tmp_path, capsys, good_workbook, other_workbook):
    """Real checks and subsidies: every row of summary.xlsx is read back and compared to <stem>.json.
    d.xlsx is agreed in 2031: for 2024 the agrément's obligations are « non applicable » (JSON
    `applicable: false`), and its row says so rather than « indéterminé »."""
    from openpyxl import load_workbook

    later = write_workbook(tmp_path / "later.xlsx", set_field(valid_sheets(), "date_agrement", date(2031, 1, 1)))
    folder = folder_with(tmp_path, {"a.xlsx": good_workbook, "b.xlsx": other_workbook, "c.xlsx": b"junk",
                                    "d.xlsx": later})
    out = tmp_path / "out"
    code, _, _ = run(capsys, folder, "--year", YEAR, "--out", out, "-q")
    summary = json.loads((out / "summary.json").read_text())
    assert code == summary["summary"]["exit_code"] == ExitCode.BAD_INPUT
    ws = load_workbook(out / "summary.xlsx").active
    rows = list(ws.iter_rows(values_only=True))
    keys = [k for k, _, _ in batch.SUMMARY_COLUMNS]
    assert list(rows[0]) == [fr for _, fr, _ in batch.SUMMARY_COLUMNS]
    assert len(rows) == 1 + 4
    not_applicable = 0
    words = {w.fr: v for v, w in batch.VERDICT.items()}
    for row, entry in zip(rows[1:], summary["files"]):
        cells = dict(zip(keys, row))
        doc = json.loads((out / entry["output"]).read_text())
        assert cells["file"] == entry["file"]
        assert cells["problems"] == len(doc["problems"])
        assert cells["errors"] == sum(p["severity"] == "error" for p in doc["problems"])
        if doc.get("checks") is None:
            assert cells["compliant"] == "en erreur" and cells["enterprise"] is None
            continue
        # A text a spreadsheet would run as a formula is neutralised with a leading apostrophe.
        name = doc["enterprise"]["name"]
        assert cells["enterprise"] == ("'" + name if name.startswith("-") else name)
        assert cells["regime"] == doc["regime"]
        verdicts = {c["name"]: c["compliant"] for c in doc["checks"]}
        applies = {c["name"]: c.get("applicable", True) for c in doc["checks"]}
        if not any(applies[n] for n in ("quota", "wages", "employment", "follow_up")):
            assert cells["compliant"] == "non applicable" and doc["compliant"] is None  # d.xlsx
        else:
            assert words[cells["compliant"]] is doc["compliant"]
        for key, check in batch._CHECK_OF_COLUMN.items():
            if check in verdicts and not applies[check]:
                assert cells[key] == "non applicable" and verdicts[check] is None, key
                not_applicable += 1
            elif check in verdicts:
                assert words[cells[key]] is verdicts[check], key
            else:
                assert cells[key] is None
        subsidy = doc["subsidy"]
        assert cells["total_subsidy"] == subsidy["total"]
        assert cells["subsidy_complete"] == {True: "oui", False: "non"}[subsidy["complete"]]
        quota = next((c for c in doc["checks"] if c["name"] == "quota"), {})
        assert quota.get("judged_on") != "every_month"  # Wallonia: the share judged is the year's
        assert cells["quota_share"] == quota.get("target_share")
        wages = next((c for c in doc["checks"] if c["name"] == "wages"), {})
        assert cells["wage_ratio"] == wages.get("ratio")
    assert not_applicable == 4  # d.xlsx: quota, wages, employment, follow-up (the enterprise check applies)
    # The formats show those figures without rounding them again (0,6278 → 62,78 %, 4,0001 → 4,0001).
    ws = load_workbook(out / "summary.xlsx").active
    formats = {keys[c.column - 1]: c.number_format for c in ws[2]}
    assert (formats["quota_share"], formats["wage_ratio"]) == ("0.0#%", "0.00##")


def test_a_control_character_in_a_workbook_s_text_does_not_cost_the_summary_workbook(tmp_path, capsys,
                                                                                    good_workbook):
    """An enterprise name holding a vertical tab (Excel's ``_x000B_``, read back as U+000B): summary.xlsx
    ended in « Erreur interne (IllegalCharacterError) », exit 2, and no summary was written. It is now a
    space in the cell (``output.xlsx_cell``); the JSON keeps the name as read."""
    from openpyxl import load_workbook

    tabbed = write_workbook(tmp_path / "vt.xlsx", set_field(valid_sheets(), "nom", "EI_x000B_Test"))
    folder = folder_with(tmp_path, {"a.xlsx": good_workbook, "b.xlsx": tabbed})
    code, _, err = run(capsys, folder, "--year", YEAR, "--out", tmp_path / "out", "--quiet")
    assert code in (ExitCode.OK, ExitCode.NOT_COMPLIANT), err
    rows = list(load_workbook(tmp_path / "out" / "summary.xlsx").active.iter_rows(values_only=True))
    assert rows[2][:2] == ("b.xlsx", "EI Test")
    summary = json.loads((tmp_path / "out" / SUMMARY_JSON).read_text(encoding="utf-8"))
    assert summary["files"][1]["enterprise"] == "EI\x0bTest"


def test_a_file_name_that_is_not_utf8_is_named_in_valid_utf8(tmp_path, capsys, good_workbook):
    """A workbook named in latin-1 bytes (``Fran\\xe7ois.xlsx``): ``ei batch --out`` ended in « Erreur
    interne (UnicodeEncodeError) » writing its JSON. It is now named with U+FFFD for the odd byte
    (``problems.display_path``, through ``relative_name``), in files[], its problems and its JSON's name."""
    import os

    folder = folder_with(tmp_path, {"ok.xlsx": good_workbook, os.fsdecode(b"Fran\xe7ois.xlsx"): good_workbook})
    code, stdout, err = run(capsys, folder, "--year", YEAR, "--out", tmp_path / "out", "--format", "json", "--quiet")
    assert code in (ExitCode.OK, ExitCode.NOT_COMPLIANT), err
    stdout.encode("utf-8")
    doc = json.loads(stdout)
    assert [(f["file"], f["output"]) for f in doc["files"]] == [("Fran\ufffdois.xlsx", "Fran\ufffdois.json"),
                                                                ("ok.xlsx", "ok.json")]
    assert {p["file"] for p in doc["files"][0]["problems"]} == {"Fran\ufffdois.xlsx"}
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "Fran\ufffdois.json", "ok.json", "summary.json", "summary.xlsx"]


def test_the_outputs_name_each_file_from_the_folder_read_never_by_the_folder_s_path(tmp_path, capsys, monkeypatch,
                                                                                   good_workbook):
    """Audit D1: the problems of ``ei batch`` named their file by the path as typed — with an absolute DIR the
    full path (« /home/marie.dupont/… » names the person: docs/interpretations.md, « JSON d'un classeur
    disparu ») in every problem of every file, in summary.json and each file's JSON, where ``files[].file``
    says « a.xlsx ». Every problem now names its file from DIR, as ``files[].file`` does: ``ei batch in`` and
    ``ei batch /…/in`` write the same outputs, and none holds the folder's path. The reader's problems (an
    unreadable workbook), the rules' (``payroll_missing_month``) and a forced regime of another region
    (``regime_not_applicable``)."""
    from openpyxl import load_workbook

    folder = folder_with(tmp_path, {"a.xlsx": good_workbook, "c.xlsx": b"junk"})
    (folder / "client b").mkdir()
    shutil.copyfile(good_workbook, folder / "client b" / "b.xlsx")
    monkeypatch.chdir(tmp_path)
    outputs = {}
    for read_as, out in (("in", "rel"), (str(folder), "abs")):
        run(capsys, read_as, "--year", YEAR, "--recursive", "--out", out, "-q", "--jobs", "1")
        outputs[out] = {p.relative_to(out).as_posix(): p.read_text(encoding="utf-8")
                        for p in Path(out).rglob("*.json")}
        cells = [str(v) for ws in load_workbook(Path(out) / "summary.xlsx") for row in ws.iter_rows(values_only=True)
                 for v in row if v is not None]
        assert not [text for text in [*outputs[out].values(), *cells] if "in/" in text or str(tmp_path) in text]
    assert outputs["rel"] == outputs["abs"]
    doc = json.loads(outputs["abs"]["summary.json"])
    named = {f["file"]: {p["file"] for p in f["problems"]} for f in doc["files"]}
    assert named == {"a.xlsx": {"a.xlsx"}, "c.xlsx": {"c.xlsx"}, "client b/b.xlsx": {"client b/b.xlsx"}}
    assert "payroll_missing_month" in {p["code"] for p in doc["files"][0]["problems"]}
    code, stdout, _ = run(capsys, str(folder), "--year", YEAR, "--regime", "bruxelles-2004", "-f", "json")
    refused = [p for f in json.loads(stdout)["files"] for p in f["problems"] if p["code"] == "regime_not_applicable"]
    assert [p["file"] for p in refused] == ["a.xlsx"]


def test_csv_summary_on_stdout_is_the_summary_workbook_rows(tmp_path, capsys, good_workbook, other_workbook):
    """spec/cli.md: `--format csv` — one table on stdout; batch refused it. Its header is the columns'
    keys (as every command's CSV) and its rows are summary.xlsx's, cell for cell (text as written, a
    number as the JSON figure, an empty cell for none); the exit code is the same as with a table."""
    import csv
    import io

    from openpyxl import load_workbook

    folder = folder_with(tmp_path, {"a.xlsx": good_workbook, "b.xlsx": other_workbook, "c.xlsx": b"junk"})
    out = tmp_path / "out"
    code, stdout, _ = run(capsys, folder, "--year", YEAR, "--out", out, "-q", "-f", "csv")
    assert code == ExitCode.BAD_INPUT
    rows = list(csv.reader(io.StringIO(stdout)))
    assert rows[0] == [k for k, _, _ in batch.SUMMARY_COLUMNS]
    # The columns as they first were (49a0822): a new one may only come after them (spec/cli.md).
    assert rows[0][:16] == ["file", "enterprise", "regime", "compliant", "eligibility", "quota", "wages",
                            "employment", "enterprise_size", "follow_up", "quota_share", "wage_ratio",
                            "total_subsidy", "subsidy_complete", "problems", "errors"]
    sheet = list(load_workbook(out / "summary.xlsx").active.iter_rows(values_only=True))[1:]
    assert len(rows) == 1 + len(sheet) == 4
    for line, cells in zip(rows[1:], sheet):
        assert line == ["" if v is None else str(v) for v in cells]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_explain_gives_each_file_s_failing_checks_with_their_reasons(tmp_path, capsys, good_workbook,
                                                                    other_workbook, jobs):
    """spec/cli.md: every checking command takes --explain; batch refused it. With it, under the
    summary table, every check of every file that is not compliant (or unknown) gets a heading
    « <file> — <check> — <verdict> : <key figure> », its reasons with their legal references, and what
    to fix — as many headings as such verdicts in the per-file JSONs, in one process or in workers
    (the results cross a process boundary). summary.json is unchanged (no such field)."""
    import re

    folder = folder_with(tmp_path, {"a.xlsx": good_workbook, "b.xlsx": other_workbook})
    out = tmp_path / "out"
    code, stdout, _ = run(capsys, folder, "--year", YEAR, "--out", out, "-q", "--explain", "--jobs", jobs)
    summary = json.loads((out / "summary.json").read_text())
    assert code == summary["summary"]["exit_code"]
    assert all("explained" not in f for f in summary["files"])
    text = " ".join(stdout.split())  # the console wraps long lines
    expected = 0
    for entry in summary["files"]:
        doc = json.loads((out / entry["output"]).read_text())
        for check in doc["checks"]:
            if check["compliant"] is not True:
                expected += 1
                first = " ".join(check["reasons"][0]["text"].split())
                assert first in text, (entry["file"], check["name"])
    assert expected > 0
    assert len(re.findall(r"^[ab]\.xlsx — .+ — (non conforme|indéterminé) :", stdout, re.M)) == expected


def test_rerun_replaces_outputs_atomically(tmp_path, capsys, monkeypatch, good_workbook, other_workbook):
    folder = folder_with(tmp_path, {"a.xlsx": good_workbook, "b.xlsx": other_workbook})
    out = tmp_path / "out"
    fixed_checks(monkeypatch, {})
    assert run(capsys, folder, "--year", YEAR, "--out", out, "-q")[0] == ExitCode.OK
    first = json.loads((out / "b.json").read_text())
    assert first["compliant"] is True
    (folder / "b.xlsx").write_bytes(b"broken since")
    assert run(capsys, folder, "--year", YEAR, "--out", out, "-q")[0] == ExitCode.BAD_INPUT
    second = json.loads((out / "b.json").read_text())
    assert second["compliant"] is None and second["problems"][0]["severity"] == "error"
    assert json.loads((out / "summary.json").read_text())["summary"]["unreadable"] == 1
    # Only the outputs: no temporary file left behind by the atomic writes.
    assert sorted(p.name for p in out.iterdir()) == ["a.json", "b.json", "summary.json", "summary.xlsx"]


def test_output_into_the_input_folder_does_not_read_its_own_summary(tmp_path, capsys, monkeypatch, good_workbook):
    folder = folder_with(tmp_path, {"a.xlsx": good_workbook})
    fixed_checks(monkeypatch, {})
    for _ in range(2):
        code, stdout, _ = run(capsys, folder, "--year", YEAR, "--out", folder, "-q", "-f", "json")
        assert code == ExitCode.OK and [f["file"] for f in json.loads(stdout)["files"]] == ["a.xlsx"]


@pytest.mark.parametrize("into_input", [True, False])
def test_a_summary_xlsx_ei_did_not_write_is_never_replaced(tmp_path, capsys, good_workbook, other_workbook,
                                                          into_input):
    """An output folder holding a summary.xlsx that ei did not write (here an enterprise workbook, one of
    the inputs when --out is the input folder): refused, exit 2, a French message naming it, the file
    byte for byte as it was and nothing else written. The old code left it out of the workbooks and
    then overwrote it with the batch summary, exit 0."""
    folder = folder_with(tmp_path, {"a.xlsx": good_workbook, "summary.xlsx": other_workbook})
    out = folder if into_input else tmp_path / "out"
    if not into_input:
        out.mkdir()
        shutil.copyfile(other_workbook, out / "summary.xlsx")
    before = sorted(p.name for p in out.iterdir())
    code, stdout, err = run(capsys, folder, "--year", YEAR, "--out", out, "-q", "-f", "json")
    assert code == ExitCode.BAD_INPUT and json.loads(stdout)["compliant"] is None  # the error's JSON document
    assert "summary.xlsx qu'ei n'a pas écrit" in " ".join(err.split())
    assert (out / "summary.xlsx").read_bytes() == other_workbook.read_bytes()
    assert sorted(p.name for p in out.iterdir()) == before


def test_results_ei_wrote_in_the_folder_are_skipped_and_said_so(tmp_path, capsys, monkeypatch, good_workbook):
    """ei's own workbooks in the folder read — a claim workbook of ``ei subsidy -o``, an earlier batch's
    summary.xlsx copied under another name — are not enterprise workbooks: left out, one line each on
    stderr and in ``skipped[]`` of the JSON (reason ``ei_output``), not counted as unreadable, so a
    nightly batch exits 0. The old code read them and reported them unreadable: exit 2 every night."""
    folder = folder_with(tmp_path, {"a.xlsx": good_workbook})
    fixed_checks(monkeypatch, {})
    assert run_cli(capsys, "subsidy", folder / "a.xlsx", "--year", YEAR, "-o", folder / "claim.xlsx")[0] in (0, 1)
    out = tmp_path / "out"
    assert run(capsys, folder, "--year", YEAR, "--out", out, "-q")[0] == ExitCode.OK
    shutil.copyfile(out / "summary.xlsx", folder / "synthese-janvier.xlsx")
    code, stdout, err = run(capsys, folder, "--year", YEAR, "--out", out, "-q", "-f", "json")
    doc = json.loads(stdout)
    assert code == doc["summary"]["exit_code"] == ExitCode.OK and doc["summary"]["unreadable"] == 0
    assert [f["file"] for f in doc["files"]] == ["a.xlsx"]
    assert [(s["file"], s["reason"]) for s in doc["skipped"]] == [("claim.xlsx", "ei_output"),
                                                                  ("synthese-janvier.xlsx", "ei_output")]
    assert "ignoré : claim.xlsx est un résultat écrit par ei" in err and "synthese-janvier.xlsx" in err
    assert json.loads((out / "summary.json").read_text())["skipped"] == doc["skipped"]


def test_every_result_workbook_carries_the_mark_and_the_template_does_not(tmp_path, capsys, good_workbook):
    """The claim workbook and summary.xlsx carry ei's mark (a custom document property, kept when a
    spreadsheet program saves the file again); the blank workbook of ``ei init`` does not, since it is
    filled in and read (the old code marked nothing)."""
    from openpyxl import load_workbook

    from ei_cli.output import own_workbook_kind

    assert run_cli(capsys, "subsidy", good_workbook, "--year", YEAR, "-o", tmp_path / "claim.xlsx")[0] in (0, 1)
    batch.write_summary_xlsx(tmp_path / "summary.xlsx", [], BatchRequest(2024), [])
    assert run_cli(capsys, "init", tmp_path / "blank")[0] == 0
    wb = load_workbook(tmp_path / "claim.xlsx")
    wb.save(tmp_path / "claim-saved-again.xlsx")
    kinds = {name: own_workbook_kind(tmp_path / name)
             for name in ("claim.xlsx", "claim-saved-again.xlsx", "summary.xlsx", "blank/ei-modele.xlsx")}
    assert kinds == {"claim.xlsx": "claim", "claim-saved-again.xlsx": "claim", "summary.xlsx": "summary",
                     "blank/ei-modele.xlsx": None}
    assert own_workbook_kind(good_workbook) is None


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_summary_written_before_the_mark_is_still_ours(tmp_path, capsys, monkeypatch, good_workbook, lang):
    """A summary.xlsx of an ei from before the mark (also saved again by a spreadsheet program: shared
    strings) is recognised by its one sheet and its headers: a nightly batch into that folder goes on
    replacing it instead of being refused after the upgrade. A one-sheet « Synthèse » of the user's with
    other headers is not."""
    from openpyxl import Workbook, load_workbook

    folder = folder_with(tmp_path, {"a.xlsx": good_workbook})
    fixed_checks(monkeypatch, {})
    out = tmp_path / "out"
    out.mkdir()
    monkeypatch.setattr("ei_cli.output.mark_own_workbook", lambda wb, kind: None)
    monkeypatch.setattr(batch, "_about_sheet", lambda *args: None)   # nor its « À propos » sheet then
    batch.write_summary_xlsx(out / "summary.xlsx", [], BatchRequest(2024, lang=lang), [])
    monkeypatch.undo()
    fixed_checks(monkeypatch, {})
    from ei_cli.output import own_workbook_kind

    assert own_workbook_kind(out / "summary.xlsx") is None   # written as before the mark
    load_workbook(out / "summary.xlsx").save(out / "resaved.xlsx")
    assert batch.is_own_result(out / "summary.xlsx")
    (out / "resaved.xlsx").replace(out / "summary.xlsx")
    assert batch.is_own_result(out / "summary.xlsx")
    assert run(capsys, folder, "--year", YEAR, "--out", out, "-q")[0] == ExitCode.OK
    assert load_workbook(out / "summary.xlsx").active.max_row == 2   # replaced: a.xlsx's row

    wb = Workbook()
    wb.active.title = "Synthèse"
    wb.active.append(["Fichier", "Entreprise", "Mes notes"])
    wb.save(out / "summary.xlsx")
    assert not batch.is_own_result(out / "summary.xlsx")
    assert run(capsys, folder, "--year", YEAR, "--out", out, "-q")[0] == ExitCode.BAD_INPUT


# summary.xlsx's headers as ei wrote them before any was renamed (bbc1bc6): scripts read the workbook by
# header, and an unmarked summary.xlsx of those versions is known by them. A column may only be added after.
OLD_SUMMARY_HEADERS = {
    "fr": ["Fichier", "Entreprise", "Régime", "Verdict global", "Éligibilité", "Quota", "Tension salariale",
           "Conditions d'emploi", "Taille / encadrement", "Suivi social", "Part public cible", "Rapport salarial",
           "Subventions (€)", "Subventions complètes", "Problèmes", "Erreurs"],
    "en": ["File", "Enterprise", "Regime", "Overall verdict", "Eligibility", "Quota", "Wage tension", "Employment",
           "Size / supervision", "Follow-up", "Target share", "Wage ratio", "Subsidies (€)", "Subsidies complete",
           "Problems", "Errors"],
}


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_summary_headers_are_never_renamed(tmp_path, capsys, good_workbook, lang):
    """The column of the enterprise check was renamed « Forme, taille / encadrement » (« Form, size /
    supervision ») when the legal form joined it: a script reading summary.xlsx by header lost the column,
    and a summary.xlsx an older ei wrote (unmarked, « Taille / encadrement ») in the --out folder was
    refused as not ei's (exit 2) at the first batch after the upgrade. The old headers are back, first,
    in their order; the column's cells still judge the legal form."""
    from openpyxl import Workbook, load_workbook

    folder = folder_with(tmp_path, {"a.xlsx": good_workbook})
    out = tmp_path / "out"
    assert run(capsys, folder, "--year", YEAR, "--out", out, "-q", "--lang", lang)[0] != ExitCode.BAD_INPUT
    header = [c.value for c in load_workbook(out / "summary.xlsx").active[1]]
    assert header[:len(OLD_SUMMARY_HEADERS[lang])] == OLD_SUMMARY_HEADERS[lang]
    old = Workbook()  # as the versions before the mark wrote it
    old.active.title = {"fr": "Synthèse", "en": "Summary"}[lang]
    old.active.append(OLD_SUMMARY_HEADERS[lang])
    old.save(out / "summary.xlsx")
    assert batch.is_own_result(out / "summary.xlsx")
    assert run(capsys, folder, "--year", YEAR, "--out", out, "-q", "--lang", lang)[0] != ExitCode.BAD_INPUT


def test_jobs_2_gives_the_same_summary(tmp_path, capsys, good_workbook, other_workbook):
    folder = folder_with(tmp_path, {"a.xlsx": good_workbook, "b.xlsx": b"junk", "c.xlsx": other_workbook,
                                    "d.xlsx": good_workbook})
    runs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"out{jobs}"
        code, stdout, _ = run(capsys, folder, "--year", YEAR, "--out", out, "--jobs", jobs, "-f", "json")
        runs.append((code, json.loads(stdout), json.loads((out / "summary.json").read_text()),
                     (out / "a.json").read_text()))
    assert runs[0] == runs[1]
    assert [f["file"] for f in runs[1][1]["files"]] == ["a.xlsx", "b.xlsx", "c.xlsx", "d.xlsx"]


@pytest.mark.skipif("forkserver" not in __import__("multiprocessing").get_all_start_methods(),
                    reason="no forkserver start method here (Windows)")
def test_a_batch_gives_the_same_results_when_the_default_start_method_is_forkserver(tmp_path, capsys):
    """Python 3.14 starts worker processes by default, on Linux, from a « forkserver »: each worker's
    parent is then the forkserver, not ei, and ``_end_with_parent`` ended every worker at once — ``ei batch``
    reported every workbook « reader_crashed », exit 2. The console script is run here with that default
    (as Python 3.14 sets it) over the two samples: exit 0 and the summary of a run in one process."""
    sample = Path(__file__).parent.parent / "sample_data"
    folder = folder_with(tmp_path, {p.name: p for p in sorted(sample.glob("ei-*.xlsx"))})
    code = ("import multiprocessing, sys\n"
            "if __name__ == '__main__':\n"
            "    multiprocessing.set_start_method('forkserver', force=True)\n"
            "    from ei_cli.cli import console_script\n"
            "    sys.argv = ['ei', 'batch', sys.argv[1], '--year', '2025', '--out', sys.argv[2], '-q', '--jobs', '2']\n"
            "    console_script()\n")
    r = subprocess.run([sys.executable, "-c", code, str(folder), str(tmp_path / "out2")], capture_output=True,
                       text=True, timeout=120)
    assert r.returncode == ExitCode.OK, r.stderr
    assert run(capsys, folder, "--year", "2025", "--out", tmp_path / "out1", "-q", "--jobs", "1")[0] == ExitCode.OK
    assert ((tmp_path / "out2" / SUMMARY_JSON).read_text(encoding="utf-8")
            == (tmp_path / "out1" / SUMMARY_JSON).read_text(encoding="utf-8"))


@pytest.mark.parametrize("platform, most", [("win32", 61), ("linux", 64)])
def test_never_more_worker_processes_than_windows_allows(monkeypatch, platform, most):
    """ProcessPoolExecutor takes at most 61 workers on Windows (Python's documentation; more raise
    ValueError): ``--jobs 62`` to ``64`` (the option's maximum), or no --jobs on a 64-CPU machine, ended
    there in « Erreur interne (ValueError) ». The number a run uses is at most 61 on Windows, still at
    most the number of files, and as asked elsewhere."""
    import os
    import sys

    monkeypatch.setattr(sys, "platform", platform)
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: set(range(64)), raising=False)
    monkeypatch.setattr(batch, "_cpus_the_quota_allows", lambda: float("inf"))   # whatever limits the machine testing
    assert [batch.default_jobs(100, jobs) for jobs in (None, 64, 62, 61, 8)] == [most, most, min(62, most), 61, 8]
    assert batch.default_jobs(3, 64) == batch.default_jobs(3) == 3
    used = []
    monkeypatch.setattr(batch, "_run_in_workers", lambda paths, names, request, jobs, *rest: used.append(jobs) or [])
    batch.run_batch([Path(f"{i}.xlsx") for i in range(70)], BatchRequest(2024), jobs=64)
    assert used == [most]


def _cgroups(tmp_path, membership: str, files: dict[str, str]):
    """A fake /sys/fs/cgroup under ``tmp_path`` (``files``: path from it → content) and /proc/self/cgroup."""
    root = tmp_path / "cgroup"
    root.mkdir()
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text)
    (tmp_path / "self-cgroup").write_text(membership)
    return root, tmp_path / "self-cgroup"


@pytest.mark.parametrize("membership, files, cpus", [
    # cgroup v2, a container's own group mounted at the root: 250000 µs of CPU time per 100000 µs = 2.5 CPUs,
    # rounded up to 3 workers.
    ("0::/\n", {"cgroup.controllers": "cpu io memory", "cpu.max": "250000 100000\n"}, 3),
    # v2 on a host: the group allows any time (« max »), its parent 200000 / 100000 = 2 CPUs: 2.
    ("0::/a/b\n", {"cgroup.controllers": "cpu", "a/cpu.max": "200000 100000\n", "a/b/cpu.max": "max 100000\n"}, 2),
    # v2 without any limit, and a quota of a hundredth of a CPU: at least one worker (1000 / 100000, rounded up: 1).
    ("0::/\n", {"cgroup.controllers": "cpu", "cpu.max": "max 100000\n"}, float("inf")),
    ("0::/\n", {"cgroup.controllers": "cpu", "cpu.max": "1000 100000\n"}, 1),
    # cgroup v1 in a container: /proc names the host's path, the container's group is the mount's root:
    # 50000 / 100000 = half a CPU, one worker. -1 is v1's « no limit ».
    ("4:cpu,cpuacct:/docker/abc\n3:memory:/docker/abc\n",
     {"cpu,cpuacct/cpu.cfs_quota_us": "50000\n", "cpu,cpuacct/cpu.cfs_period_us": "100000\n"}, 1),
    ("4:cpu,cpuacct:/\n", {"cpu,cpuacct/cpu.cfs_quota_us": "-1\n", "cpu,cpuacct/cpu.cfs_period_us": "100000\n"},
     float("inf")),
    # A group outside the container's cgroup namespace (« /../.. »): the container's own, at the root, 2 CPUs.
    ("0::/../..\n", {"cgroup.controllers": "cpu", "cpu.max": "200000 100000\n"}, 2),
    # Files that say nothing readable: no cap.
    ("0::/\n", {"cgroup.controllers": "cpu", "cpu.max": "unlimited\n"}, float("inf")),
    ("", {}, float("inf")),
])
def test_a_container_s_cpu_limit_caps_the_default_worker_processes(tmp_path, membership, files, cpus):
    """``docker run --cpus 2`` (or a Kubernetes CPU limit) leaves every CPU of the host listed as usable: the
    default gave one worker per host CPU, 32 forks sharing two CPUs' time. The default now stops at the CPU time
    the control group allows, rounded up (figures in the cases)."""
    root, membership_file = _cgroups(tmp_path, membership, files)
    assert batch._cpus_the_quota_allows(root, membership_file) == cpus


def test_the_default_worker_processes_are_the_usable_cpus_under_the_cpu_limit(monkeypatch, tmp_path):
    """32 CPUs listed, a limit of 3 CPUs' time: 3 workers by default, but ``--jobs 8`` is what the user asked (8);
    without a limit, 32; no /proc/self/cgroup (not Linux): the CPUs listed."""
    import os

    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: set(range(32)), raising=False)
    monkeypatch.setattr(batch, "_cpus_the_quota_allows", lambda: 3)
    assert (batch.default_jobs(114), batch.default_jobs(114, 8), batch.default_jobs(2)) == (3, 8, 2)
    monkeypatch.setattr(batch, "_cpus_the_quota_allows", lambda: float("inf"))
    assert batch.default_jobs(114) == 32
    monkeypatch.undo()
    assert batch._cpus_the_quota_allows(tmp_path / "none", tmp_path / "no-such-file") == float("inf")


def test_never_more_worker_processes_than_the_open_files_allowed(monkeypatch):
    """Each worker keeps two file descriptors in the main process: ``--jobs 64`` under ``ulimit -n 100``
    failed part-way through starting them (« trop de fichiers ouverts »), then hung at exit. With a soft
    limit of 100, 10 files open and 32 kept for the main process: (100 - 10 - 32) // 2 = 29 workers; a
    limit that leaves no room still gives one; no limit, no cap."""
    import os
    import resource

    monkeypatch.setattr(os, "listdir", lambda path: [str(i) for i in range(10)])
    monkeypatch.setattr(resource, "getrlimit", lambda which: (100, resource.RLIM_INFINITY))
    assert batch.default_jobs(114, 64) == 29 and batch.default_jobs(3, 64) == 3
    monkeypatch.setattr(resource, "getrlimit", lambda which: (40, 40))
    assert batch.default_jobs(114, 64) == 1
    monkeypatch.setattr(resource, "getrlimit", lambda which: (resource.RLIM_INFINITY, resource.RLIM_INFINITY))
    assert batch.default_jobs(114, 64) == 64


def test_a_pool_that_fails_to_start_its_workers_ends_those_started_and_does_not_hang(tmp_path, monkeypatch,
                                                                                     good_workbook):
    """The system refuses the third worker (EMFILE, as with too few file descriptors): the error comes
    back at once (« Erreur du système (trop de fichiers ouverts) », exit 2 in the CLI), and the two workers
    already started are ended — they used to wait for work forever, multiprocessing's exit handler waiting
    for them, and outlived even a SIGTERM of the main process."""
    import errno
    import time
    from concurrent.futures import ProcessPoolExecutor

    real, started_workers = ProcessPoolExecutor._spawn_process, []

    def spawn(self):
        if len(self._processes) == 2:
            raise OSError(errno.EMFILE, "Too many open files")
        real(self)
        started_workers.extend(p for p in self._processes.values() if p not in started_workers)

    monkeypatch.setattr(ProcessPoolExecutor, "_spawn_process", spawn)
    folder = folder_with(tmp_path, {f"{c}.xlsx": good_workbook for c in "abcd"})
    (tmp_path / "out").mkdir()
    started = time.monotonic()
    with pytest.raises(OSError) as caught:
        batch.run_batch(batch.find_workbooks(folder), BatchRequest(2024, out_dir=tmp_path / "out"), jobs=4)
    assert caught.value.errno == errno.EMFILE and time.monotonic() - started < 10
    assert len(started_workers) == 2 and not any(p.is_alive() for p in started_workers)
    assert list((tmp_path / "out").iterdir()) == []


def test_month_period_and_table_output(tmp_path, capsys, good_workbook):
    folder = folder_with(tmp_path, {"a.xlsx": good_workbook})
    code, stdout, _ = run(capsys, folder, "--month", "2024-02", "-f", "json")
    doc = json.loads(stdout)
    assert doc["period"] == {"start": "2024-02-01", "end": "2024-02-29"}
    assert doc["year"] == 2024 and doc["subsidy_year"] == 2024 and doc["month"] == "2024-02"
    code2, table, stderr = run(capsys, folder, "--month", "2024-02", "--lang", "en")
    assert code2 == code and "a.xlsx" in table and "1 workbook: " in table
    assert stderr == "" or "Workbooks" not in stderr  # no progress bar when stderr is not a terminal


def test_a_month_begun_is_judged_up_to_today_and_one_not_begun_is_not(tmp_path, capsys):
    """Tests' day 2026-11-30. Worker 4 (TD, production) hired 2026-05-15 on a CDD, Paie to 2026-10, no Suivi
    row: their CDI, bilan and plan fell due on 2026-11-15 (6 months, rules.md). `ei batch --month 2026-11` set
    employment and follow-up aside (« aucune paie connue pour la période ») since November begins after the
    last Paie month, while `ei check --year 2026` reported the breaches: now both are « non conforme », exit 1.
    `--month 2026-12` (not begun) is « indéterminé », data_known false, also for a workbook without any Paie
    row (it read « conforme »)."""
    sheets = valid_sheets()
    sheets["Personnel"].append([4, None, "Exemple", "Dora", date(1995, 4, 4), date(2026, 5, 15), None, "CDD", None,
                                1, "production", "aucun", "oui", 30, "non"])
    sheets["Paie"] += [[4, date(2026, m, 1), 1, 2000, 2800] for m in range(5, 11)]
    late = write_workbook(tmp_path / "late.xlsx", sheets)
    sheets["Paie"] = sheets["Paie"][:1]
    unpaid = write_workbook(tmp_path / "unpaid.xlsx", sheets)

    def lines(path: Path, month: str) -> tuple[int, dict]:
        folder, out = tmp_path / f"in-{path.stem}-{month}", tmp_path / f"out-{path.stem}-{month}"
        folder.mkdir()
        shutil.copyfile(path, folder / path.name)
        code, _, _ = run(capsys, folder, "--month", month, "--out", out, "-q")
        doc = json.loads((out / f"{path.stem}.json").read_text())
        return code, {c["name"]: c for c in doc["checks"]}

    code, checks = lines(late, "2026-11")
    assert code == ExitCode.NOT_COMPLIANT
    assert checks["employment"]["compliant"] is False and checks["follow_up"]["compliant"] is False
    assert any(v["worker_id"] == "4" for v in checks["employment"]["violations"])
    for path in (late, unpaid):
        code, checks = lines(path, "2026-12")
        for name in ("employment", "follow_up"):
            assert checks[name]["compliant"] is None and checks[name]["data_known"] is False, (path.name, name)


def test_batch_does_not_import_pandas_openpyxl_or_jinja2_without_summary_xlsx(tmp_path, good_workbook):
    folder = folder_with(tmp_path, {"a.xlsx": good_workbook})
    code = ("import sys\nfrom ei_cli.cli import main\ntry:\n    main(['batch', sys.argv[1], '--year', '2024', '-q', "
            "'-f', 'json'])\nexcept SystemExit:\n    pass\n"
            "heavy = [m for m in ('pandas', 'openpyxl', 'jinja2', 'docxtpl', 'weasyprint') if m in sys.modules]\n"
            "sys.stderr.write('HEAVY=' + ','.join(heavy))\n")
    r = subprocess.run([sys.executable, "-c", code, str(folder)], capture_output=True, text=True, timeout=60)
    assert "HEAVY=" in r.stderr and r.stderr.rsplit("HEAVY=", 1)[1] == "", r.stderr


# ---------------------------------------------------------------------------------------- same enterprise twice
def enterprise_workbook(tmp_path: Path, file: str, **fields: str | None) -> Path:
    """The valid workbook (``good_workbook``) with some Entreprise ``fields`` changed, e.g. another ``nom`` or
    ``numero_bce`` (None: the cell left empty)."""
    sheets = valid_sheets()
    for field, value in fields.items():
        set_field(sheets, field, value)
    (tmp_path / "wb").mkdir(exist_ok=True)
    return write_workbook(tmp_path / "wb" / file, sheets)


def batch_json(capsys, folder: Path, *args: str) -> tuple[int, dict, str]:
    code, stdout, err = run(capsys, folder, "--year", YEAR, "--format", "json", "--quiet", *args)
    return code, json.loads(stdout), err


def test_two_copies_of_one_workbook_are_one_enterprise_said_once_and_the_total_left_as_it_is(
        tmp_path, capsys, monkeypatch, good_workbook):
    """Last month's workbook kept beside this month's, or a copy: the same BCE number (0403.019.261) in both.
    The old batch summed both in silence. One group now, by enterprise_number, one line on stderr; summary.total
    stays the plain sum, 2 × the file's own total (scripts rely on it); the exit code stays the files' (0), and
    no file's own problems get the warning (they equal its JSON)."""
    fixed_checks(monkeypatch, {})
    folder = folder_with(tmp_path, {"ei-012.xlsx": good_workbook, "ei-012 (1).xlsx": good_workbook})
    code, doc, err = batch_json(capsys, folder)
    sentence = ("ei-012 (1).xlsx et ei-012.xlsx : la même entreprise (BCE 0403.019.261) ; le total des subventions "
                "de la synthèse la compte 2 fois.")
    assert doc["same_enterprise"] == [{"files": ["ei-012 (1).xlsx", "ei-012.xlsx"],
                                       "enterprise": "EI Les Jardins de Test", "enterprise_number": "0403019261",
                                       "by": "enterprise_number", "message": sentence}]
    # On stderr as every warning is (--format json): labelled, with its code.
    assert " ".join(err.split()) == f"attention {sentence} (same_enterprise)"
    assert code == doc["summary"]["exit_code"] == ExitCode.OK
    one, other = doc["files"]
    assert one["enterprise_number"] == other["enterprise_number"] == "0403019261"
    assert one["total_subsidy"] == other["total_subsidy"]
    assert doc["summary"]["total_subsidy"] == 2 * one["total_subsidy"]
    assert all("même entreprise" not in p["message"] for f in doc["files"] for p in f["problems"])


def test_the_same_name_and_one_workbook_without_a_bce_number_are_one_enterprise_by_name(tmp_path, capsys,
                                                                                        monkeypatch, good_workbook):
    """« EI Les Jardins de Test » with its BCE number, and « ei les jardins de tést. » with none (an .ods export
    whose number cell was left empty): the same name once case, accents, punctuation and spaces are left out, and
    no number to tell them apart: one group, by name, with the number the one gives."""
    fixed_checks(monkeypatch, {})
    unnumbered = enterprise_workbook(tmp_path, "b.xlsx", nom=" ei les jardins  de tést.", numero_bce=None)
    folder = folder_with(tmp_path, {"a.xlsx": good_workbook, "b.xlsx": unnumbered})
    _, doc, err = batch_json(capsys, folder)
    [group] = doc["same_enterprise"]
    assert (group["files"], group["by"], group["enterprise_number"]) == (["a.xlsx", "b.xlsx"], "name", "0403019261")
    assert group["message"] == ("a.xlsx et b.xlsx : la même entreprise (même nom, « EI Les Jardins de Test », et pas "
                                "de numéro BCE qui les distingue) ; le total des subventions de la synthèse la compte "
                                "2 fois.")
    assert " ".join(err.split()) == f"attention {group['message']} (same_enterprise)"
    assert [f["enterprise_number"] for f in doc["files"]] == ["0403019261", None]


def test_the_same_name_under_two_bce_numbers_is_two_enterprises(tmp_path, capsys, monkeypatch, good_workbook):
    """Two different BCE numbers are never one enterprise, whatever the names (a common name, « Les Jardins »,
    in two towns): no group, nothing on stderr, summary.json's key there and empty."""
    fixed_checks(monkeypatch, {})
    folder = folder_with(tmp_path, {"a.xlsx": good_workbook,
                                    "b.xlsx": enterprise_workbook(tmp_path, "b.xlsx", numero_bce=OTHER_BCE)})
    _, doc, err = batch_json(capsys, folder)
    assert doc["same_enterprise"] == [] and err == ""


def test_three_files_of_one_enterprise_are_one_group_of_three(tmp_path, capsys, monkeypatch, good_workbook,
                                                              other_workbook):
    """ei-012.xlsx, its copy « Copie de ei-012.xlsx » and this month's « ei-012 octobre.xlsx » beside another
    enterprise (other.xlsx): one group of three, in the folder's order, « compte 3 fois »."""
    fixed_checks(monkeypatch, {})
    folder = folder_with(tmp_path, {"ei-012.xlsx": good_workbook, "Copie de ei-012.xlsx": good_workbook,
                                    "ei-012 octobre.xlsx": good_workbook, "other.xlsx": other_workbook})
    _, doc, err = batch_json(capsys, folder)
    [group] = doc["same_enterprise"]
    assert group["files"] == ["Copie de ei-012.xlsx", "ei-012 octobre.xlsx", "ei-012.xlsx"]
    assert group["message"] == ("Copie de ei-012.xlsx, ei-012 octobre.xlsx et ei-012.xlsx : la même entreprise "
                                "(BCE 0403.019.261) ; le total des subventions de la synthèse la compte 3 fois.")
    assert " ".join(err.split()) == f"attention {group['message']} (same_enterprise)"


def test_the_same_enterprise_is_said_on_stderr_with_format_csv(tmp_path, capsys, monkeypatch, good_workbook):
    """--format csv: stdout is the summary's table alone (spec/cli.md), so the warning goes to stderr, as with
    --format json — the table says it under its total instead. Two copies of one workbook (one BCE number): the
    one line, with its code; the CSV has one row per file and no warning in it."""
    fixed_checks(monkeypatch, {})
    folder = folder_with(tmp_path, {"a.xlsx": good_workbook, "b.xlsx": good_workbook})
    code, stdout, err = run(capsys, folder, "--year", YEAR, "--format", "csv", "--quiet")
    sentence = ("a.xlsx et b.xlsx : la même entreprise (BCE 0403.019.261) ; le total des subventions de la synthèse "
                "la compte 2 fois.")
    assert code == ExitCode.OK and " ".join(err.split()) == f"attention {sentence} (same_enterprise)"
    assert len(stdout.strip().splitlines()) == 3 and "même entreprise" not in stdout


def test_files_in_error_are_not_counted_as_the_same_enterprise(tmp_path, capsys, good_workbook):
    """Two copies given a regime of another region (`--regime bruxelles-2004`): both in error, with their
    enterprise's name and number but no figure in the total: no group. Nor a file the reader refuses."""
    folder = folder_with(tmp_path, {"a.xlsx": good_workbook, "b.xlsx": good_workbook, "c.xlsx": b"junk"})
    code, doc, _ = batch_json(capsys, folder, "--regime", "bruxelles-2004")
    assert code == ExitCode.BAD_INPUT and [f["readable"] for f in doc["files"]] == [False, False, False]
    assert doc["files"][0]["enterprise_number"] == "0403019261" and doc["same_enterprise"] == []


def test_the_same_enterprise_in_english_and_in_the_summary_workbook(tmp_path, capsys, monkeypatch, good_workbook):
    """--lang en: the line in English; summary.xlsx's « About » sheet (« À propos » in French) says it of the
    workbook, the first sheet still one row per workbook. Audit (xlsx, D1): that row said « le total des
    subventions de la synthèse la compte 2 fois » of a workbook with no total row; it now says that adding up the
    column « Subventions (€) » would count it 2 times. The terminal line and the JSON's `message`, where the
    total is (`summary.total_subsidy`), keep their sentence."""
    from openpyxl import load_workbook

    fixed_checks(monkeypatch, {})
    folder = folder_with(tmp_path, {"ei-012.xlsx": good_workbook, "ei-012.ods.xlsx": good_workbook})
    out = tmp_path / "out"
    code, stdout, err = run(capsys, folder, "--year", YEAR, "--out", out, "-q", "--lang", "en")
    sentence = ("ei-012.ods.xlsx and ei-012.xlsx: the same enterprise (BCE 0403.019.261); the summary's subsidy "
                "total counts it 2 times.")
    # The table says it under its subsidy total, on stdout (stderr with --format json or csv).
    lines = " ".join(stdout.split()).split(f"Subsidies {YEAR}: ")[1]
    assert code == ExitCode.OK and err == "" and "Warning: " + sentence in lines
    about = list(load_workbook(out / "summary.xlsx")["About"].iter_rows(values_only=True))
    assert about[-1] == ("Same enterprise", "ei-012.ods.xlsx and ei-012.xlsx: the same enterprise (BCE 0403.019.261); "
                                            "adding up the column “Subsidies (€)” would count it 2 times.")
    run(capsys, folder, "--year", YEAR, "--out", out, "-q")
    wb = load_workbook(out / "summary.xlsx")
    assert wb["À propos"].cell(wb["À propos"].max_row, 1).value == "Même entreprise"
    assert wb["À propos"].cell(wb["À propos"].max_row, 2).value == (
        "ei-012.ods.xlsx et ei-012.xlsx : la même entreprise (BCE 0403.019.261) ; additionner la colonne "
        "« Subventions (€) » la compterait 2 fois.")
    assert wb.active.max_row == 3 and "total" not in [c.value for c in wb.active["A"]]
    summary = json.loads((out / SUMMARY_JSON).read_text(encoding="utf-8"))
    assert summary["same_enterprise"][0]["message"] == (
        "ei-012.ods.xlsx et ei-012.xlsx : la même entreprise (BCE 0403.019.261) ; le total des subventions de la "
        "synthèse la compte 2 fois.")


def test_no_same_enterprise_key_empty_and_no_row_in_the_summary_workbook(tmp_path, capsys, good_workbook,
                                                                          other_workbook):
    """Two enterprises (two BCE numbers): summary.json's `same_enterprise` is there, an empty list; « À propos »
    has its four rows only."""
    from openpyxl import load_workbook

    folder = folder_with(tmp_path, {"a.xlsx": good_workbook, "b.xlsx": other_workbook})
    out = tmp_path / "out"
    run(capsys, folder, "--year", YEAR, "--out", out, "-q")
    assert json.loads((out / SUMMARY_JSON).read_text(encoding="utf-8"))["same_enterprise"] == []
    about = [r[0] for r in load_workbook(out / "summary.xlsx")["À propos"].iter_rows(values_only=True)]
    assert about == ["Document produit par", "Période", "Subventions", "Données"]


def _read(file: str, name: str, number: str | None) -> FileOutcome:
    return FileOutcome(file=file, readable=True, enterprise=name, enterprise_number=number, total_subsidy=1.0)


def test_a_name_two_bce_numbers_carry_attributes_a_workbook_without_one_to_neither():
    """« EI Test » under 0403019261 (a), under 0123456749 (b), and without a number (c, d): c and d cannot be
    told to be a's or b's enterprise — they are grouped with each other only, by name; a and b never."""
    outcomes = [_read("a.xlsx", "EI Test", "0403019261"), _read("b.xlsx", "EI Test", "0123456749"),
                _read("c.xlsx", "EI Test", None), _read("d.xlsx", "E.I. test", None), _read("e.xlsx", "Autre", None)]
    groups = batch.same_enterprise(outcomes)
    assert [(g["files"], g["by"], g["enterprise_number"]) for g in groups] == [(["c.xlsx", "d.xlsx"], "name", None)]
    assert groups[0]["message"].en == ("c.xlsx and d.xlsx: the same enterprise (same name, “EI Test”, and no BCE "
                                       "number telling them apart); the summary's subsidy total counts it 2 times.")


def test_one_bce_number_under_two_names_is_named_by_the_first_file():
    """Same BCE number, two names (« EI Test SRL » in a.xlsx, « EI Test » in b.xlsx: the name changed between two
    months' workbooks): one enterprise, by enterprise_number; `enterprise` is the first file's name in the files'
    order, as `files` lists them (``_same_enterprise_group``: « the first one's enterprise name ») — not the last
    file's, nor the shorter or the first in alphabetical order."""
    outcomes = [_read("a.xlsx", "EI Test SRL", "0403019261"), _read("b.xlsx", "EI Test", "0403019261")]
    [group] = batch.same_enterprise(outcomes)
    assert (group["files"], group["enterprise"], group["by"]) == (["a.xlsx", "b.xlsx"], "EI Test SRL",
                                                                  "enterprise_number")


# ---------------------------------------------------------------------------------------- invariants
BEFORE_AGREMENT = dict(checks={"quota": None, "wages": None, "employment": None, "follow_up": None},
                       not_applicable=["quota", "wages", "employment", "follow_up"])
# A file whose verdict is null may be one whose period ends before its agrément (« non applicable »).
outcomes = st.lists(st.builds(lambda readable, compliant, before: FileOutcome(
    "f.xlsx", readable, compliant=compliant, **(BEFORE_AGREMENT if before and compliant is None else {})),
    st.booleans(), st.sampled_from([True, False, None]), st.booleans()), max_size=8)


@given(outcomes, st.booleans())
def test_exit_code_follows_the_worst_file(items, strict):
    code = batch.batch_exit_code(items, strict)
    read = [o for o in items if o.readable]
    if len(read) < len(items):
        assert code == ExitCode.BAD_INPUT
    elif any(o.compliant is False for o in read) or (strict and any(o.compliant is None and not o.not_applicable
                                                                    for o in read)):
        assert code == ExitCode.NOT_COMPLIANT
    else:
        assert code == ExitCode.OK
    c = batch.counts(items, strict)
    assert c["compliant"] + c["not_compliant"] + c["unknown"] + c["unreadable"] == c["files"] == len(items)
    assert c["not_applicable"] == sum(1 for o in read if o.not_applicable) <= c["unknown"]
    assert c["exit_code"] == code


def test_request_period():
    from ei_cli.periods import Month

    assert BatchRequest(2025).period.to_dict() == {"start": "2025-01-01", "end": "2025-12-31"}
    assert BatchRequest(2025, Month(2025, 2)).period.to_dict() == {"start": "2025-02-01", "end": "2025-02-28"}


def test_per_file_json_is_the_check_document_plus_subsidy(tmp_path, capsys, monkeypatch, good_workbook):
    """The file named from the folder read, as ``ei check`` run in that folder names it (audit D1)."""
    folder = folder_with(tmp_path, {"a.xlsx": good_workbook})
    out = tmp_path / "out"
    run(capsys, folder, "--year", YEAR, "--out", out, "-q")
    monkeypatch.chdir(folder)
    check = json.loads(run_cli(capsys, "check", "a.xlsx", "--year", YEAR, "--format", "json")[1])
    mine = json.loads((out / "a.json").read_text())
    subsidy = json.loads(run_cli(capsys, "subsidy", "a.xlsx", "--year", YEAR, "--format", "json")[1])
    assert mine.pop("subsidy")["total"] == subsidy["total"]
    assert mine == check


# ---------------------------------------------------------------------------------------- publishing
def test_every_json_is_published_when_run_batch_returns(tmp_path, monkeypatch, good_workbook, other_workbook):
    """The workers only stage their JSON; run_batch returns once each is flushed and renamed to its name (both
    paths). Each flush is slowed down, so a run_batch that did not wait for them fails every time."""
    import time

    import ei_cli.output

    real = ei_cli.output.flush_file

    def slow_flush(tmp, path):
        time.sleep(0.2)
        real(tmp, path)

    monkeypatch.setattr(ei_cli.output, "flush_file", slow_flush)
    folder = folder_with(tmp_path, {"a.xlsx": good_workbook, "b.xlsx": other_workbook, "c.xlsx": b"junk"})
    paths = batch.find_workbooks(folder)
    for jobs in (1, 2):
        out = tmp_path / f"out{jobs}"
        out.mkdir()
        outcomes = batch.run_batch(paths, BatchRequest(2024, out_dir=out), jobs)
        assert [o.output for o in outcomes] == ["a.json", "b.json", "c.json"]
        assert sorted(p.name for p in out.iterdir()) == ["a.json", "b.json", "c.json"]  # no temporary file
        assert json.loads((out / "c.json").read_text())["problems"][0]["severity"] == "error"


def test_a_file_that_kills_its_worker_is_reported_and_the_others_still_run(tmp_path, monkeypatch, good_workbook,
                                                                            other_workbook):
    """A crash in compiled code (calamine aborting, say) kills the worker process and, with it, every file
    handed to the pool: each is run again alone; only the one that crashes again is reported (exit 2),
    the others get their results and JSON, and no temporary file is left."""
    import os

    real = batch.evaluate

    def evaluate(path, request):
        if Path(path).name == "b.xlsx":
            os._exit(134)  # as the allocator's abort does
        return real(path, request)

    monkeypatch.setattr(batch, "evaluate", evaluate)
    folder = folder_with(tmp_path, {"a.xlsx": good_workbook, "b.xlsx": good_workbook, "c.xlsx": other_workbook,
                                    "d.xlsx": good_workbook})
    out = tmp_path / "out"
    out.mkdir()
    outcomes = batch.run_batch(batch.find_workbooks(folder), BatchRequest(2024, out_dir=out), 2)
    assert [(o.file, o.readable) for o in outcomes] == [("a.xlsx", True), ("b.xlsx", False), ("c.xlsx", True),
                                                         ("d.xlsx", True)]
    assert [p["code"] for p in outcomes[1].problems] == ["reader_crashed"]
    assert batch.batch_exit_code(outcomes) == ExitCode.BAD_INPUT
    assert sorted(p.name for p in out.iterdir()) == ["a.json", "b.json", "c.json", "d.json"]
    assert json.loads((out / "b.json").read_text())["problems"][0]["code"] == "reader_crashed"


def _threads_at_each_spawn(monkeypatch) -> list[list[str]]:
    """The names of the threads other than the main one alive at each worker process's start (filled as the
    pool spawns them)."""
    import threading
    from concurrent.futures import ProcessPoolExecutor

    real_spawn, seen = ProcessPoolExecutor._spawn_process, []

    def spawn(self):
        seen.append(sorted(t.name for t in threading.enumerate() if t is not threading.main_thread()))
        real_spawn(self)

    monkeypatch.setattr(ProcessPoolExecutor, "_spawn_process", spawn)
    return seen


def test_no_other_thread_is_alive_when_a_worker_process_is_forked(tmp_path, monkeypatch, good_workbook):
    """After a worker crash each file lost is run again in a pool of its own, forked while the publishing
    threads (« ei-publish », ``_Publisher``) were still alive: a lock one of them held stays held for ever in
    the child, and Python 3.12+ warned « This process is multi-threaded, use of fork() may lead to
    deadlocks in the child » (an error under ``-W error::DeprecationWarning``). The publisher now settles
    (its publications done, its threads ended) before each retry: no thread but the main one at any
    worker's start, and every JSON still published."""
    import os

    others_at_spawn = _threads_at_each_spawn(monkeypatch)
    real = batch.evaluate

    def evaluate(path, request):
        if Path(path).name in ("b.xlsx", "c.xlsx"):
            os._exit(134)
        return real(path, request)

    monkeypatch.setattr(batch, "evaluate", evaluate)
    folder = folder_with(tmp_path, {f"{c}.xlsx": good_workbook for c in "abcd"})
    out = tmp_path / "out"
    out.mkdir()
    outcomes = batch.run_batch(batch.find_workbooks(folder), BatchRequest(2024, out_dir=out), 2)
    assert [o.readable for o in outcomes] == [True, False, False, True]
    assert len(others_at_spawn) > 2 and others_at_spawn == [[]] * len(others_at_spawn)
    assert sorted(p.name for p in out.iterdir()) == ["a.json", "b.json", "c.json", "d.json"]


def test_the_progress_bar_runs_no_thread_while_the_workers_are_forked(tmp_path, monkeypatch, good_workbook):
    """On a terminal (no --quiet) the rich progress bar is shown while the pool forks its workers; with its
    default auto_refresh it ran a refresh thread, alive at every fork (the deadlock risk Python 3.12+ warns
    of). It refreshes after each file instead: no thread but the main one at any worker's start, and every
    file is still run (2 workbooks)."""
    import sys

    from ei_cli.commands import batch as batch_command

    others_at_spawn = _threads_at_each_spawn(monkeypatch)
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True, raising=False)
    folder = folder_with(tmp_path, {"a.xlsx": good_workbook, "b.xlsx": good_workbook})
    out = tmp_path / "out"
    out.mkdir()
    outcomes = batch_command._run(batch.find_workbooks(folder), BatchRequest(2024, out_dir=out), 2, False)
    assert [o.readable for o in outcomes] == [True, True]
    assert others_at_spawn and others_at_spawn == [[]] * len(others_at_spawn)


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_failed_publication_raises_and_leaves_the_previous_outputs_as_they_were(tmp_path, monkeypatch, jobs,
                                                                                 good_workbook, other_workbook):
    """The disk full as b.json is flushed: nothing of this run is published (a.json's was flushed, not renamed),
    no temporary file is left, and the previous run's outputs are as they were. The old code had published
    a.json already: a folder mixing two runs."""
    import ei_cli.output

    folder = folder_with(tmp_path, {"a.xlsx": good_workbook, "b.xlsx": other_workbook})
    out = tmp_path / "out"
    out.mkdir()
    for name in ("a.json", "b.json", "summary.json"):
        (out / name).write_text(f"previous run's {name}")
    real = ei_cli.output.flush_file

    def disk_full_for_b(tmp, path):
        if path.name == "b.json":
            raise OSError(28, "No space left on device")
        real(tmp, path)

    monkeypatch.setattr(ei_cli.output, "flush_file", disk_full_for_b)
    with pytest.raises(OSError):
        batch.run_batch(batch.find_workbooks(folder), BatchRequest(2024, out_dir=out), jobs=jobs)
    assert sorted(p.name for p in out.iterdir()) == ["a.json", "b.json", "summary.json"]
    assert [(out / name).read_text() for name in ("a.json", "b.json", "summary.json")] == [
        "previous run's a.json", "previous run's b.json", "previous run's summary.json"]


def test_strays_of_an_interrupted_run_are_removed_and_nothing_else(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    for name in (".a.json.k3j_x9q2.tmp", ".[x].json.abcdefgh.tmp", "a.json", ".other.tmp", "keep.json.tmp"):
        (out / name).write_text("x")
    (out / "s").mkdir()
    for name in (".a.json.k3j_x9q2.tmp", ".b.json.abcdefgh.tmp"):
        (out / "s" / name).write_text("x")
    batch._discard_strays(out, ["a.json", "[x].json", "s/a.json"])
    assert sorted(p.name for p in out.iterdir()) == [".other.tmp", "a.json", "keep.json.tmp", "s"]
    assert [p.name for p in (out / "s").iterdir()] == [".b.json.abcdefgh.tmp"]  # only s/a.json's


def test_a_long_name_is_written_its_strays_swept_and_a_json_refused_is_that_file_s_error(tmp_path, capsys,
                                                                                          good_workbook):
    """Legal names of 250 and 251 bytes. The old code could not stage their JSON (``.<name>.XXXXXXXX.tmp``
    past 255 bytes) and the whole batch stopped on the first: « Impossible d'écrire … (nom de fichier trop
    long) », exit 2, the files after it not processed. Now the JSON of ``<stem 246>.ods`` (``….ods.json``,
    255 bytes) is written; ``<stem 246>.xlsx``'s, ``….xlsx.json`` (256 bytes, its stem being shared), cannot
    be, which is that file's error (``system_error``, exit 2) while the others run and the summaries are
    written. A stray staged under a cut name is still swept (``_discard_strays`` by ``staged_stem``)."""
    from ei_cli.output import stage_file

    stem = "r" * 246
    folder = folder_with(tmp_path, {"a.xlsx": good_workbook, f"{stem}.xlsx": good_workbook,
                                    f"{stem}.ods": b"not a workbook"})
    out = tmp_path / "out"
    code, stdout, err = run(capsys, folder, "--year", YEAR, "--out", str(out), "--format", "json", "--quiet")
    doc = json.loads(stdout)
    assert code == doc["summary"]["exit_code"] == ExitCode.BAD_INPUT
    outputs = {f["file"]: (f["readable"], f["output"]) for f in doc["files"]}
    assert outputs == {"a.xlsx": (True, "a.json"), f"{stem}.ods": (False, f"{stem}.ods.json"),
                       f"{stem}.xlsx": (False, None)}
    refused = [p for p in doc["files"][2]["problems"] if p["code"] == "system_error"]
    # named as files[].json_name, from --out (audit D1: no folder's path as typed in the outputs)
    assert [p["message"] for p in refused] == [f"Impossible d'écrire {stem}.xlsx.json (nom de fichier trop long)."]
    assert sorted(p.name for p in out.iterdir()) == sorted(["a.json", f"{stem}.ods.json", "summary.json",
                                                            "summary.xlsx"])
    stray = stage_file(out / f"{stem}.ods.json", "{}")
    batch._discard_strays(out, [f"{stem}.ods.json"])
    assert not stray.exists()


def test_a_run_sweeps_the_stale_staged_files_of_a_killed_run_and_only_those(tmp_path, good_workbook):
    """SIGKILL (on Windows, the Task Scheduler's « Terminer » or Stop-Process) leaves staged files nobody
    removes; the next run removes those of its own outputs older than STALE_STAGED_SECONDS, the
    summaries' included (the old code swept only the per-file JSONs'). A young one may be another run's,
    writing to the same folder now: kept; so is an old one of a name this run does not write."""
    import os
    import time

    folder = folder_with(tmp_path, {"a.xlsx": good_workbook})
    out = tmp_path / "out"
    out.mkdir()
    old = time.time() - batch.STALE_STAGED_SECONDS - 60
    for name, mtime in ((".a.json.k3j_x9q2.tmp", old), (".a.json.abcdefgh.tmp", None), (".z.json.abcdefgh.tmp", old),
                        (".summary.xlsx.k3j_x9q2.tmp", old), (".summary.json.k3j_x9q2.tmp", old),
                        (".summary.xlsx.abcdefgh.tmp", None)):
        (out / name).write_text("x")
        if mtime is not None:
            os.utime(out / name, (mtime, mtime))
    batch.run_batch(batch.find_workbooks(folder), BatchRequest(2024, out_dir=out), 1)
    assert sorted(p.name for p in out.iterdir()) == [".a.json.abcdefgh.tmp", ".summary.xlsx.abcdefgh.tmp",
                                                     ".z.json.abcdefgh.tmp", "a.json"]


def test_one_collection_restores_the_collector_and_frees_cycles():
    import gc
    import weakref

    class Node:
        pass

    assert gc.isenabled()
    with batch._one_collection():
        assert not gc.isenabled()
        node = Node()
        node.self = node                      # a reference cycle, as an error path may leave one
        alive = weakref.ref(node)
        del node
    assert gc.isenabled() and alive() is None
    gc.disable()
    try:
        with batch._one_collection():
            pass
        assert not gc.isenabled()             # left as found
    finally:
        gc.enable()


def test_a_user_error_in_a_worker_reaches_the_main_process_as_itself(tmp_path, good_workbook, other_workbook):
    """An EiError raised in a worker (here: the output folder has vanished) crosses the process
    boundary intact, so the CLI shows its message (exit 2), not « Erreur interne (BrokenProcessPool) »."""
    import pickle

    from ei_cli.errors import EiError

    error = pickle.loads(pickle.dumps(EiError(t("Dossier absent", "Folder missing"))))
    assert isinstance(error, EiError) and error.message.get("en") == "Folder missing"
    folder = folder_with(tmp_path, {"a.xlsx": good_workbook, "b.xlsx": other_workbook})
    with pytest.raises(EiError) as caught:
        batch.run_batch(batch.find_workbooks(folder), BatchRequest(2024, out_dir=tmp_path / "gone"), jobs=2)
    assert "n'existe pas" in caught.value.message.get("fr")
    assert not (tmp_path / "gone").exists()


def test_an_output_folder_that_is_a_file_is_refused_before_anything_runs(tmp_path, capsys, good_workbook):
    """--out names an existing file: exit 2, « --out doit être un dossier », the JSON failure document
    with --format json, nothing read or written. The old code ran every workbook, then said « Erreur du
    système (le fichier existe déjà) » (not « Erreur interne … signalez-la », which came before), and no
    JSON on stdout."""
    folder = folder_with(tmp_path, {"a.xlsx": good_workbook})
    (tmp_path / "out").write_text("a file, not a folder")
    code, stdout, stderr = run(capsys, folder, "--year", YEAR, "--out", tmp_path / "out", "-q", "-f", "json")
    message = f"--out doit être un dossier : {tmp_path / 'out'} est un fichier."
    assert code == ExitCode.BAD_INPUT and stderr == message + "\n"
    assert [(p["code"], p["message"]) for p in json.loads(stdout)["problems"]] == [("invalid_request", message)]
    assert (tmp_path / "out").read_text() == "a file, not a folder"


def test_a_full_disk_names_the_output_prints_the_json_document_and_leaves_no_empty_folder(
        tmp_path, capsys, monkeypatch, good_workbook):
    """The disk fills up while the batch writes into a new --out folder: exit 2, the one JSON document on
    stdout with the error (``system_error``) naming the file that could not be written, never the hidden
    temporary file; and the folders the run made (``out`` and its parent ``new``) are gone, not left
    empty. The old code printed no JSON, named no file (« Erreur du système (disque plein). ») and left
    the empty folder."""
    import errno
    import os

    folder = folder_with(tmp_path, {"a.xlsx": good_workbook})

    def fsync(fd):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", fsync)
    out = tmp_path / "new" / "out"
    code, stdout, stderr = run(capsys, folder, "--year", YEAR, "--out", out, "-q", "-f", "json", "-j", "1")
    message = f"Impossible d'écrire {out / 'a.json'} (disque plein)."
    assert code == ExitCode.BAD_INPUT and stderr == message + "\n"
    assert [(p["code"], p["message"]) for p in json.loads(stdout)["problems"]] == [("system_error", message)]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in"]


def test_a_second_batch_into_the_same_output_folder_is_refused_and_writes_nothing(tmp_path, capsys, good_workbook,
                                                                                 other_workbook):
    """Two ``ei batch`` runs into one --out mixed their JSONs in silence, and the interruption of one swept
    the other's staged files (« every .<name>.*.tmp ») and made it fail. The first run holds a lock on the
    folder; a second one finding it held stops before writing anything: exit 2, the message, the JSON
    failure document."""
    folder = folder_with(tmp_path, {"a.xlsx": good_workbook, "b.xlsx": other_workbook})
    out = tmp_path / "out"
    out.mkdir()
    (out / "a.json").write_text("the other run's")
    with batch.output_lock(out):
        before = sorted(p.name for p in out.iterdir())
        code, stdout, stderr = run(capsys, folder, "--year", YEAR, "--out", out, "-q", "-f", "json")
        message = (f"Un autre ei batch écrit déjà dans ce dossier ({out}) : attendez qu'il finisse, ou choisissez "
                   "un autre dossier --out.")
        assert code == ExitCode.BAD_INPUT and stderr == message + "\n"
        assert [(p["code"], p["message"]) for p in json.loads(stdout)["problems"]] == [("invalid_request", message)]
        assert sorted(p.name for p in out.iterdir()) == before == [batch.LOCK_NAME, "a.json"]
        assert (out / "a.json").read_text() == "the other run's"
    assert sorted(p.name for p in out.iterdir()) == ["a.json"]   # the lock file goes with its holder


def test_the_output_folder_is_locked_while_the_batch_writes_and_a_lock_left_without_holder_blocks_nothing(
        tmp_path, capsys, monkeypatch, good_workbook):
    """A killed run leaves its lock file (the system drops the lock itself with the process): the next run
    is not blocked, holds the lock while it writes, never reads the lock file as a workbook (--out being the
    folder read) nor sweeps it, and removes it at the end."""
    from ei_cli.errors import EiError

    folder = folder_with(tmp_path, {"a.xlsx": good_workbook})
    (folder / batch.LOCK_NAME).write_text("")   # left by a killed run
    real, held = batch.run_batch, []

    def run_batch(*args, **kwargs):
        with pytest.raises(EiError, match="Un autre ei batch"):
            with batch.output_lock(folder):
                pass
        held.append(True)
        return real(*args, **kwargs)

    monkeypatch.setattr(batch, "run_batch", run_batch)
    code, stdout, _ = run(capsys, folder, "--year", YEAR, "--out", folder, "-q", "-f", "json")
    assert code in (0, 1) and held == [True]
    assert [f["file"] for f in json.loads(stdout)["files"]] == ["a.xlsx"] and json.loads(stdout)["skipped"] == []
    assert sorted(p.name for p in folder.iterdir()) == ["a.json", "a.xlsx", "summary.json", "summary.xlsx"]


# How the run sends itself SIGTERM (or ``SENT``), at a known point of the main process (no timing involved).
_AFTER_FIRST_PUBLICATION = ("real = batch._Publisher.publish\n"
                            "def publish(self, staged, name):\n    real(self, staged, name)\n"
                            "    if not getattr(batch, 'SENT', False):\n        batch.SENT = True\n"
                            "        os.kill(os.getpid(), SENT)\n"
                            "batch._Publisher.publish = publish\n")
# The signal lands where its KeyboardInterrupt would be lost (as it was seen to be inside lxml's import,
# under openpyxl's; while the workers run, the signal only notes the interruption): the batch must stop
# all the same, at the next look.
_SWALLOWED_WHILE_PREFETCHING = ("def prefetch(request):\n    try:\n        os.kill(os.getpid(), SENT)\n"
                                "        time.sleep(0.3)\n    except KeyboardInterrupt:\n        pass\n"
                                "batch._prefetch_writer = prefetch\n")
# Ctrl-Break is SIGBREAK, which only Windows has: here SIGUSR1 (whose default action ends the process)
# plays it, named signal.SIGBREAK before ei is imported.
_CTRL_BREAK = "signal.SIGBREAK = signal.SIGUSR1\nSENT = signal.SIGBREAK\n"


def _signalled_batch(tmp_path, good_workbook, other_workbook, jobs: str, how: str,
                     sent: str = "SENT = signal.SIGTERM\n"):
    """``ei batch`` through the console script over six workbooks, ``how`` sending it the signal ``sent``
    names; the finished process and the output folder."""
    folder = folder_with(tmp_path, {f"{c}.xlsx": good_workbook if c in "ace" else other_workbook
                                    for c in "abcdef"})
    out = tmp_path / "out"
    code = ("import os, signal, sys, time\n" + sent + "from ei_cli import batch\n" + how
            + "from ei_cli.cli import console_script\n"
            f"sys.argv = ['ei', 'batch', sys.argv[1], '--year', '2024', '--out', sys.argv[2], '-q', '--jobs', '{jobs}']\n"
            "console_script()\n")
    return subprocess.run([sys.executable, "-c", code, str(folder), str(out)], capture_output=True, text=True,
                          timeout=120), out


def _ended_like_ctrl_c(r, out) -> None:
    """Exit 130 (cli.md: interrupted, no partial output file left behind), « Interrompu. », no traceback;
    the --out folder, which the run made, is gone with what it wrote there (its first JSON was published
    before the signal: it stayed, one result of six, beside no summary)."""
    assert r.returncode == ExitCode.INTERRUPTED, r.stderr
    assert "Traceback" not in r.stderr and "Interrompu." in r.stderr
    assert not out.exists(), sorted(p.name for p in out.iterdir())


@pytest.mark.parametrize("jobs, how", [("1", _AFTER_FIRST_PUBLICATION), ("2", _AFTER_FIRST_PUBLICATION),
                                       ("2", _SWALLOWED_WHILE_PREFETCHING)],
                         ids=["one-process", "workers", "workers-interrupt-lost"])
def test_sigterm_ends_a_batch_like_ctrl_c(tmp_path, good_workbook, other_workbook, jobs, how):
    """A scheduler's timeout (SIGTERM) while files are being written: exit 130 (cli.md: interrupted, no
    partial output file left behind), even when the KeyboardInterrupt it raises is lost."""
    _ended_like_ctrl_c(*_signalled_batch(tmp_path, good_workbook, other_workbook, jobs, how))


@pytest.mark.parametrize("jobs, how", [("1", _AFTER_FIRST_PUBLICATION), ("2", _SWALLOWED_WHILE_PREFETCHING)],
                         ids=["one-process", "workers-interrupt-lost"])
def test_ctrl_break_ends_a_batch_like_ctrl_c(tmp_path, good_workbook, other_workbook, jobs, how):
    """On Windows Ctrl-Break is SIGBREAK, whose default action ends the process at once: between a
    temporary file and its rename, with no « Interrompu. ». ``cli.console_script`` (and, while the workers
    run, ``batch._interruptions_noted``) now handle it like Ctrl-C."""
    _ended_like_ctrl_c(*_signalled_batch(tmp_path, good_workbook, other_workbook, jobs, how, _CTRL_BREAK))


def test_a_second_ctrl_c_during_the_cleanup_is_ignored(tmp_path, good_workbook, other_workbook):
    """A first Ctrl-C while summary.json is written (summary.xlsx already there), a second one while the
    summaries are removed: the second cut the cleanup short — exit 130 or −2 with a traceback, and once
    summary.xlsx left without summary.json. Now it is only noted: exit 130, « Interrompu. », no traceback,
    no summary, no temporary file."""
    how = ("from ei_cli import output\nreal_atomic, real_drop = output.write_atomic, batch._drop_stale_summaries\n"
           "def write_atomic(path, data, *a, **k):\n"
           "    if path.name == 'summary.json':\n        batch.SECOND = True\n        os.kill(os.getpid(), signal.SIGINT)\n"
           "    return real_atomic(path, data, *a, **k)\n"
           "def drop(out):\n    if getattr(batch, 'SECOND', False):\n        os.kill(os.getpid(), signal.SIGINT)\n"
           "    real_drop(out)\n"
           "output.write_atomic, batch._drop_stale_summaries = write_atomic, drop\n")
    r, out = _signalled_batch(tmp_path, good_workbook, other_workbook, "1", how)
    _ended_like_ctrl_c(r, out)
    assert not (out / "summary.xlsx").exists()


def test_after_an_interruption_the_exit_ignores_further_ones(tmp_path, good_workbook, other_workbook):
    """While Python finalises, it gives a signal handled in Python its default action back: a second
    Ctrl-C landing then killed the process after « Interrompu. » (exit −2; 3 runs in 25 of double Ctrl-C
    at random moments). After a real interruption the exit ignores them (an ignored signal is not reset):
    seen here from an atexit handler, which runs before that reset."""
    how = (_AFTER_FIRST_PUBLICATION + "import atexit\n"
           "atexit.register(lambda: sys.stderr.write(f'ignored={signal.getsignal(signal.SIGINT) == signal.SIG_IGN}'"
           " + f' {signal.getsignal(signal.SIGTERM) == signal.SIG_IGN}\\n'))\n")
    r, out = _signalled_batch(tmp_path, good_workbook, other_workbook, "1", how)
    _ended_like_ctrl_c(r, out)
    assert r.stderr.endswith("ignored=True True\n")


def test_ctrl_c_to_the_whole_group_while_the_workers_start(tmp_path, good_workbook, other_workbook):
    """Ctrl-C reaches every process of the terminal's group. Sent right after the pool forks its workers
    (before they ignore it), it used to raise KeyboardInterrupt inside a starting worker and inside
    concurrent.futures' own code: now and then the batch hung at exit (« OSError: handle is closed »)
    with staged files left — 2 runs in 80 under ``timeout -s INT``. While the pool runs the signal only
    notes the interruption: exit 130, no traceback, no temporary file, and no hang."""
    folder = folder_with(tmp_path, {f"{c}.xlsx": good_workbook if c in "ace" else other_workbook
                                    for c in "abcdefgh"})
    out = tmp_path / "out"
    code = ("import os, signal, sys\nfrom concurrent.futures import ProcessPoolExecutor\n"
            "real = ProcessPoolExecutor.submit\n"
            "def submit(self, *a, **k):\n    f = real(self, *a, **k)\n"
            "    if not getattr(ProcessPoolExecutor, 'SENT', False):\n"
            "        ProcessPoolExecutor.SENT = True\n        os.killpg(0, signal.SIGINT)\n    return f\n"
            "ProcessPoolExecutor.submit = submit\n"
            "from ei_cli.cli import console_script\n"
            "sys.argv = ['ei', 'batch', sys.argv[1], '--year', '2024', '--out', sys.argv[2], '-q', '--jobs', '2']\n"
            "console_script()\n")
    for _ in range(3):
        r = subprocess.run([sys.executable, "-c", code, str(folder), str(out)], capture_output=True, text=True,
                           timeout=60, start_new_session=True)
        assert r.returncode == ExitCode.INTERRUPTED, r.stderr
        assert "Traceback" not in r.stderr and "Interrompu." in r.stderr
        assert not out.exists()  # made by the run: removed with what it wrote


def test_while_the_pool_runs_ctrl_c_only_notes_the_interruption(tmp_path, monkeypatch, good_workbook):
    """The deterministic side of the test above (whose old failure showed only now and then): from the
    workers' fork to the pool's shutdown, Ctrl-C, Ctrl-Break (Windows' SIGBREAK, played by SIGUSR1) and
    SIGTERM go to ``batch._note_interruption`` (a flag, no exception inside concurrent.futures or a
    starting worker); before and after, to the handler that was there."""
    import signal
    from concurrent.futures import ProcessPoolExecutor

    monkeypatch.setattr(signal, "SIGBREAK", signal.SIGUSR1, raising=False)
    signals = (signal.SIGINT, signal.SIGBREAK, signal.SIGTERM)
    seen = []
    real = ProcessPoolExecutor.submit

    def submit(self, *a, **k):
        seen.append(tuple(signal.getsignal(s) for s in signals))
        return real(self, *a, **k)

    monkeypatch.setattr(ProcessPoolExecutor, "submit", submit)
    before = tuple(signal.getsignal(s) for s in signals)
    folder = folder_with(tmp_path, {"a.xlsx": good_workbook, "b.xlsx": good_workbook})
    (tmp_path / "out").mkdir()
    batch.run_batch(batch.find_workbooks(folder), BatchRequest(2024, out_dir=tmp_path / "out"), jobs=2)
    assert seen and all(h == (batch._note_interruption,) * 3 for h in seen)
    assert tuple(signal.getsignal(s) for s in signals) == before


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="prctl(PR_SET_PDEATHSIG) is Linux's")
def test_workers_end_with_a_main_process_killed_outright(tmp_path, good_workbook):
    """SIGKILL of the main process (the OOM killer, ``timeout -s KILL``) left its workers running forever.
    Each worker asks the system for SIGTERM when its parent ends (``_end_with_parent``): here two workers
    busy on a file of 60 s are gone within seconds of the main process's kill. Each worker says its pid in one
    write (two workers' print, unbuffered, interleaved « 12341235\\n\\n »)."""
    import os
    import signal
    import time

    folder = folder_with(tmp_path, {f"{c}.xlsx": good_workbook for c in "abcd"})
    (tmp_path / "out").mkdir()
    code = ("import os, sys, time\nfrom pathlib import Path\nfrom ei_cli import batch\n"
            "def evaluate(path, request):\n    os.write(1, f'{os.getpid()}\\n'.encode())\n    time.sleep(60)\n"
            "batch.evaluate = evaluate\n"
            "batch.run_batch(batch.find_workbooks(Path(sys.argv[1])), batch.BatchRequest(2024, out_dir=Path(sys.argv[2])), 2)\n")
    with subprocess.Popen([sys.executable, "-c", code, str(folder), str(tmp_path / "out")], stdout=subprocess.PIPE,
                          text=True) as main:
        workers = [int(main.stdout.readline()) for _ in range(2)]
        main.send_signal(signal.SIGKILL)
        main.wait(10)

    def alive(pid):
        try:
            with open(f"/proc/{pid}/stat") as stat:
                return stat.read().rpartition(")")[2].split()[0] != "Z"   # a zombie has ended
        except FileNotFoundError:
            return False

    deadline = time.monotonic() + 10
    while any(alive(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    left = [w for w in workers if alive(w)]
    for w in left:
        os.kill(w, signal.SIGKILL)
    assert left == []


def test_workers_leave_ctrl_c_and_ctrl_break_to_the_main_process(monkeypatch):
    """Ctrl-C and Ctrl-Break (Windows' SIGBREAK, played by SIGUSR1) reach every process of the console: a
    worker ignores both (the main process stops the batch); SIGTERM keeps its default action there.
    Before, a Ctrl-Break killed every worker in the middle of its file."""
    import signal

    monkeypatch.setattr(signal, "SIGBREAK", signal.SIGUSR1, raising=False)
    set_to = {}
    monkeypatch.setattr(signal, "signal", lambda sig, handler: set_to.__setitem__(sig, handler))
    batch._worker_signals()
    assert set_to == {signal.SIGINT: signal.SIG_IGN, signal.SIGBREAK: signal.SIG_IGN, signal.SIGTERM: signal.SIG_DFL}


def test_a_file_given_for_the_folder_is_named_as_a_file(tmp_path, capsys, good_workbook):
    """``ei batch staff.xlsx``: the workbook exists, so « Dossier introuvable » misled; the message says
    it is a file and names the single-workbook command. Exit 2."""
    code, stdout, stderr = run(capsys, good_workbook, "--year", YEAR)
    flat = " ".join(stderr.split())
    assert code == ExitCode.BAD_INPUT and "est un fichier" in flat and "ei check" in flat
    assert "introuvable" not in flat


def test_the_commands_batch_suggests_quote_the_path_for_the_users_shell(tmp_path, capsys, monkeypatch,
                                                                        good_workbook):
    """The internal-error hint quoted the workbook with shlex.quote, whose single quotes cmd.exe hands to ei
    (« ei --debug check 'C:\\…\\b.xlsx' »), and « ei batch FILE » named « ei check FILE » unquoted (a
    path with a space ran `ei check` on two files). Both go through output.shell_quote: double quotes on
    Windows, POSIX quotes elsewhere."""
    import shlex

    from ei_cli import output

    folder = folder_with(tmp_path, {"mon classeur.xlsx": good_workbook})
    target = folder / "mon classeur.xlsx"
    monkeypatch.setattr(batch, "_run_checks", lambda *args: 1 / 0)
    code, stdout, _ = run(capsys, folder, "--year", YEAR, "-f", "json")
    message = json.loads(stdout)["files"][0]["problems"][0]["message"]
    check = message.split("« ")[1].split(" »")[0]
    assert shlex.split(check) == ["ei", "--debug", "check", "mon classeur.xlsx", "--year", str(YEAR)]
    code, _, stderr = run(capsys, target, "--year", YEAR)
    flat = " ".join(stderr.split())
    assert code == ExitCode.BAD_INPUT and f"ei check {shlex.quote(str(target))} (ou ei subsidy)" in flat
    monkeypatch.setattr(output, "_windows_shell", lambda: True)
    code, stdout, _ = run(capsys, folder, "--year", YEAR, "-f", "json")
    message = json.loads(stdout)["files"][0]["problems"][0]["message"]
    assert f'« ei --debug check "mon classeur.xlsx" --year {YEAR} »' in message
    code, _, stderr = run(capsys, target, "--year", YEAR)
    assert f'ei check "{target}" (ou ei subsidy)' in " ".join(stderr.split())


def test_the_quick_look_at_the_zip_directory_never_misses_a_mark(tmp_path, good_workbook):
    """``output._may_hold_custom_properties`` reads the zip's central directory from the end record
    instead of opening the archive. It says no only when that directory is read whole and does not
    name docProps/custom.xml: an enterprise workbook → no; a marked result → yes; a mark whose
    directory lies beyond the 64 KB read (200 members of 400-byte names) → yes, by falling back."""
    import zipfile

    from openpyxl import Workbook

    from ei_cli.output import _may_hold_custom_properties, mark_own_workbook, own_workbook_kind

    assert not _may_hold_custom_properties(good_workbook)
    wb = Workbook()
    mark_own_workbook(wb, "claim")
    wb.save(tmp_path / "claim.xlsx")
    assert _may_hold_custom_properties(tmp_path / "claim.xlsx") and own_workbook_kind(tmp_path / "claim.xlsx") == "claim"
    big = tmp_path / "big.xlsx"
    with zipfile.ZipFile(tmp_path / "claim.xlsx") as src, zipfile.ZipFile(big, "w") as dst:
        for info in src.infolist():
            dst.writestr(info, src.read(info))
        for i in range(200):
            dst.writestr(f"xl/media/{'x' * 400}{i}.bin", b"")
    assert _may_hold_custom_properties(big) and own_workbook_kind(big) == "claim"


def test_month_subsidies_are_the_calendar_year_s_under_that_year_s_regime(tmp_path, capsys):
    """`--month` evaluates the checks on the month, and the subsidies of its calendar year
    (interpretations.md, « Traitement par lot »). Walloon agrément 2015-01-01; worker 1 (TD: no
    diploma, registered, 12 months without work) hired 2017-01-01, paid every month of 2017. In May 2017
    the regime in force is wallonie-2003 (wallonie-2016 from 2017-06-30): the year's subsidies were
    computed under it (0 €, the 2003 degressive amounts not claimable since the 2012 reform), in July
    under wallonie-2016. Every month now gives what `ei subsidy --year 2017` gives (wallonie-2016, claim
    from 2017-06-30), while the checks keep the month's regime."""
    from datetime import date

    from helpers_workbook import set_value, valid_sheets, write_workbook

    s = valid_sheets()
    for row in s["Entreprise"]:
        if row[0] == "date_agrement":
            row[1] = date(2015, 1, 1)
    s["Personnel"] = [s["Personnel"][0], s["Personnel"][1]]
    set_value(s, "Personnel", 1, "date_entree", date(2017, 1, 1))
    set_value(s, "Personnel", 1, "diplome", "aucun")
    s["Paie"] = [s["Paie"][0]] + [[1, date(2017, m, 1), 1, 2100, 2900] for m in range(1, 13)]
    s["Suivi"] = [s["Suivi"][0]]
    folder = tmp_path / "in"
    folder.mkdir()
    book = write_workbook(folder / "ei.xlsx", s)
    code, out, err = run_cli(capsys, "subsidy", book, "--year", "2017", "--format", "json")
    year = json.loads(out)
    assert year["regime"] == "wallonie-2016" and year["total"] > 0, err
    for month, regime in (("2017-05", "wallonie-2003"), ("2017-07", "wallonie-2016")):
        out_dir = tmp_path / f"out-{month}"
        code, out, _ = run(capsys, folder, "--month", month, "-q", "--format", "json", "--jobs", "1", "--out", out_dir)
        (entry,) = json.loads(out)["files"]
        assert (entry["regime"], entry["total_subsidy"]) == (regime, year["total"]), month
        # the per-file document says under which regime its subsidies are computed
        per_file = json.loads((out_dir / "ei.json").read_text(encoding="utf-8"))
        assert (per_file["regime"], per_file["subsidy"]["regime"]) == (regime, "wallonie-2016")


def test_an_interrupted_rerun_leaves_the_previous_outputs_as_they_were(tmp_path, capsys, monkeypatch, good_workbook,
                                                                      other_workbook):
    """A first run (2024) writes a.json, b.json, summary.json and summary.xlsx. A re-run (2025) interrupted as
    its second workbook starts leaves them byte for byte as they were, and no temporary file: nothing is
    published before every file is done (issue 7: re-runs replace outputs atomically). The old code had
    published the re-run's a.json and removed the summaries: a folder of two periods' JSONs, no summary."""
    folder = folder_with(tmp_path, {"a.xlsx": good_workbook, "b.xlsx": other_workbook})
    out = tmp_path / "out"
    assert run(capsys, folder, "--year", YEAR, "--out", str(out), "-q", "--jobs", "1")[0] in (0, 1)
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    assert sorted(before) == ["a.json", "b.json", "summary.json", "summary.xlsx"]
    _interrupt_after_the_first_file(monkeypatch)
    code, _, _ = run(capsys, folder, "--year", "2025", "--out", str(out), "-q", "--jobs", "1")
    assert code == ExitCode.INTERRUPTED
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_an_interruption_while_the_jsons_are_renamed_is_acted_on_after_the_last(tmp_path, capsys, monkeypatch,
                                                                               good_workbook, other_workbook):
    """Ctrl-C as the first JSON of a re-run is renamed (simulated: the noting handler called from inside the
    rename, as the signal would land there) is only noted: both JSONs are renamed (the folder holds the
    re-run's a.json and b.json, 2025, never one of each year), then the run stops, exit 130, without the
    summaries: the previous run's are gone, none vouches for JSONs it does not describe."""
    import signal

    import ei_cli.output
    from ei_cli.app import interruption_signals, state

    folder = folder_with(tmp_path, {"a.xlsx": good_workbook, "b.xlsx": other_workbook})
    out = tmp_path / "out"
    assert run(capsys, folder, "--year", YEAR, "--out", str(out), "-q", "--jobs", "1")[0] in (0, 1)
    real = ei_cli.output.commit_file

    def ctrl_c_inside(tmp, path, flushed=False):
        signal.getsignal(signal.SIGINT)(signal.SIGINT, None)
        real(tmp, path, flushed)

    monkeypatch.setattr(ei_cli.output, "commit_file", ctrl_c_inside)
    monkeypatch.setitem(state, "interrupted", False)   # the flag the noting handler sets, back as it was after
    handlers = {sig: signal.getsignal(sig) for sig in interruption_signals()}
    try:
        code, _, _ = run(capsys, folder, "--year", "2025", "--out", str(out), "-q", "--jobs", "1")
    finally:   # after a real interruption, ei ignores the signals until it exits; this process goes on
        for sig, handler in handlers.items():
            signal.signal(sig, handler)
    assert code == ExitCode.INTERRUPTED
    assert sorted(p.name for p in out.iterdir()) == ["a.json", "b.json"]
    for name in ("a.json", "b.json"):
        assert json.loads((out / name).read_text(encoding="utf-8"))["period"]["start"] == "2025-01-01"


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_an_interruption_after_the_last_json_before_the_summaries_leaves_no_previous_summary(
        tmp_path, capsys, monkeypatch, good_workbook, other_workbook, jobs):
    """Ctrl-C after ``run_batch`` has returned (every JSON of the re-run published) and before
    ``write_summaries`` starts — while the summary document is built, 25 to 50 ms for a federation: the
    previous run's summaries were left beside the new JSONs (exit 130). They are removed just before the
    run's JSONs are renamed to their names (``_Publisher._rename_all``)."""
    folder = folder_with(tmp_path, {"a.xlsx": good_workbook, "b.xlsx": other_workbook})
    out = tmp_path / "out"
    assert run(capsys, folder, "--year", YEAR, "--out", out, "-q", "--jobs", "1")[0] in (0, 1)
    assert (out / "summary.json").exists() and (out / "summary.xlsx").exists()

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(batch, "summary_document", interrupted)
    assert run(capsys, folder, "--year", "2025", "--out", out, "-q", "--jobs", jobs)[0] == ExitCode.INTERRUPTED
    assert sorted(p.name for p in out.iterdir()) == ["a.json", "b.json"]
    assert json.loads((out / "a.json").read_text(encoding="utf-8"))["period"]["start"] == "2025-01-01"


def test_a_complete_run_removes_the_jsons_of_workbooks_gone_since_the_previous_run_and_only_those(
        tmp_path, capsys, good_workbook, other_workbook):
    """A workbook removed (c.xlsx) or renamed (d.xlsx → e.xlsx) between two runs left its JSON in --out, not
    listed by summary.json: a script summing the folder's JSONs counted a renamed enterprise twice. A
    complete run removes the JSONs the previous summary listed that it did not write, says so (stderr,
    ``removed_outputs``), and nothing else: a file of the user's, or one the previous summary did not list,
    stays; a name of the previous summary leading out of the folder is never followed."""
    folder = folder_with(tmp_path, {"a.xlsx": good_workbook, "b.xlsx": other_workbook, "c.xlsx": good_workbook,
                                    "d.xlsx": other_workbook})
    out = tmp_path / "out"
    assert run(capsys, folder, "--year", YEAR, "--out", out, "-q")[0] in (0, 1)
    (folder / "c.xlsx").unlink()
    (folder / "d.xlsx").rename(folder / "e.xlsx")
    (out / "notes.json").write_text("the user's")
    (tmp_path / "outside.json").write_text("not ei's")
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    summary["files"].append({"output": "../outside.json"})
    (out / "summary.json").write_text(json.dumps(summary), encoding="utf-8")
    code, stdout, stderr = run(capsys, folder, "--year", YEAR, "--out", out, "-q", "-f", "json")
    assert code in (0, 1)
    assert json.loads(stdout)["removed_outputs"] == ["c.json", "d.json"]
    assert "supprimé : c.json (résultat d'un classeur qui n'est plus dans le dossier lu)." in stderr
    assert sorted(p.name for p in out.iterdir()) == ["a.json", "b.json", "e.json", "notes.json", "summary.json",
                                                     "summary.xlsx"]
    assert (tmp_path / "outside.json").exists()
    assert json.loads((out / "summary.json").read_text(encoding="utf-8"))["removed_outputs"] == ["c.json", "d.json"]


def test_no_json_is_removed_when_a_sub_folder_could_not_be_read(tmp_path, capsys, monkeypatch, good_workbook):
    """A sub-folder that cannot be listed this time: its workbooks were not run, so their JSONs of the
    previous run are not « gone » — nothing is removed."""
    folder = tmp_path / "in"
    for sub in ("client-a", "client-b"):
        (folder / sub).mkdir(parents=True)
        shutil.copyfile(good_workbook, folder / sub / "paie.xlsx")
    out = tmp_path / "out"
    run(capsys, folder, "--year", YEAR, "--out", out, "-q", "-r")
    deny_listing(monkeypatch, folder / "client-b")
    code, stdout, _ = run(capsys, folder, "--year", YEAR, "--out", out, "-q", "-r", "-f", "json")
    assert json.loads(stdout)["removed_outputs"] == [] and (out / "client-b" / "paie.json").exists()


@pytest.mark.parametrize("refused", ["summary.xlsx", "summary.json"])
def test_a_summary_that_cannot_be_written_leaves_no_summary_of_another_run(tmp_path, capsys, monkeypatch,
                                                                          good_workbook, other_workbook, refused):
    """A re-run whose summary cannot be replaced (summary.xlsx open in Excel: on Windows ``os.replace``
    onto it raises PermissionError; or summary.json): every per-file JSON is already this run's, so no
    summary of either run may stay to vouch for the folder — both are removed, as on an interrupted
    run. Exit 2, the error naming the file, and with ``-f json`` the one document on stdout
    (``system_error``). The old code wrote summary.json first: the new summary.json beside the
    previous run's summary.xlsx."""
    import errno
    import os

    folder = folder_with(tmp_path, {"a.xlsx": good_workbook, "b.xlsx": other_workbook})
    out = tmp_path / "out"
    assert run(capsys, folder, "--year", YEAR, "--out", out, "-q", "--jobs", "1")[0] in (0, 1)
    real = os.replace

    def replace(src, dst, *args, **kwargs):
        if Path(dst).name == refused:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(src), None, str(dst))
        return real(src, dst, *args, **kwargs)

    monkeypatch.setattr(os, "replace", replace)
    code, stdout, stderr = run(capsys, folder, "--year", "2025", "--out", out, "-q", "--jobs", "1", "-f", "json")
    message = f"Impossible d'écrire {out / refused} (accès refusé)."
    assert code == ExitCode.BAD_INPUT and stderr == message + "\n"
    assert [(p["code"], p["message"]) for p in json.loads(stdout)["problems"]] == [("system_error", message)]
    assert sorted(p.name for p in out.iterdir()) == ["a.json", "b.json"]   # no summary, no temporary file
    assert json.loads((out / "a.json").read_text(encoding="utf-8"))["period"]["start"] == "2025-01-01"


def test_a_rerun_interrupted_before_any_output_keeps_the_previous_summaries(tmp_path, capsys, monkeypatch,
                                                                           good_workbook, other_workbook):
    """Interrupted before its first JSON is published, a re-run leaves the previous run's outputs as
    they were, summaries included: they still describe the folder."""
    folder = folder_with(tmp_path, {"a.xlsx": good_workbook, "b.xlsx": other_workbook})
    out = tmp_path / "out"
    run(capsys, folder, "--year", YEAR, "--out", out, "-q", "--jobs", "1")
    before = (out / "summary.json").read_bytes()

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(batch, "process_file", interrupted)
    assert run(capsys, folder, "--year", YEAR, "--out", out, "-q", "--jobs", "1")[0] == 130
    assert (out / "summary.json").read_bytes() == before and (out / "summary.xlsx").exists()


def test_the_summary_s_target_share_is_the_share_judged():
    """summary.xlsx's « Part public cible »: Brussels 2004 judges each month, so the share set beside the
    required 30 % is the lowest judged month's (June: 1 / 7 = 14,2 %), not the year's average 38,4 %,
    which the JSON's target_share keeps; a Walloon year averaged: its target_share (0,6278)."""
    monthly = CheckResult("quota", False, t("q", "q"), details={"judged_on": "every_month", "target_share": 0.384,
                                                                "lowest_judged_share": 0.142})
    assert batch._quota_share([monthly]) == 0.142
    averaged = CheckResult("quota", True, t("q", "q"), details={"judged_on": "average", "target_share": 0.6278})
    assert batch._quota_share([averaged]) == 0.6278 and batch._quota_share([]) is None
    # A calendar year over two agrément years, year 1 failing (16,6 % for 20 %), year 2 passing (44,4 % for
    # 30 %): « non conforme » stands beside year 1's 16,6 %, as in the documents (it showed 44,4 %).
    years = [{"agrement_year": 1, "compliant": False, "judged_on": "month_12", "target_share": 0.1666},
             {"agrement_year": 2, "compliant": True, "judged_on": "average", "target_share": 0.4444}]
    two = CheckResult("quota", False, t("q", "q"), details={**years[1], "agrement_years": years})
    assert batch._quota_share([two]) == 0.1666


def test_the_summary_counts_non_applicable_files_among_the_unknown():
    """Three files: one compliant, one « indéterminé », one whose period ends before its agrément (every
    obligation « non applicable », nothing failing, verdict null): counted 1 compliant, 0 not compliant,
    2 unknown — every readable file whose verdict is null, as before `not_applicable` was added (it
    became 1, and compliant + not_compliant + unknown + unreadable no longer made the files) — of which
    1 not_applicable; --strict fails the unknown file only."""
    ok = FileOutcome("a.xlsx", True, compliant=True, checks={"quota": True})
    unknown = FileOutcome("b.xlsx", True, compliant=None, checks={"quota": None})
    before = FileOutcome("c.xlsx", True, compliant=None,
                         checks={"quota": None, "wages": None, "employment": None, "follow_up": None,
                                 "enterprise": True},
                         not_applicable=["quota", "wages", "employment", "follow_up"])
    totals = batch.counts([ok, unknown, before])
    assert (totals["compliant"], totals["not_compliant"], totals["unknown"], totals["not_applicable"]) == (1, 0, 2, 1)
    assert totals["compliant"] + totals["not_compliant"] + totals["unknown"] + totals["unreadable"] == totals["files"]
    assert batch.batch_exit_code([ok, before], strict=True) == ExitCode.OK
    assert batch.batch_exit_code([ok, unknown, before], strict=True) == ExitCode.NOT_COMPLIANT


def test_two_files_before_the_agrement_are_unknown_and_not_applicable(tmp_path, capsys):
    """Two readable workbooks agreed in 2031, --year 2024 (the audit's case): summary `unknown: 2` as before
    `not_applicable` was added (it gave `unknown: 0`), `not_applicable: 2`, and the four counts make the
    2 files; the table line counts each file once (« 0 indéterminé, 2 non applicables », as its rows
    say « non applicable »; each count's word by the French rule, « (s) » before); --strict exits 0 (nothing
    applies: no unknown to fail)."""
    later = write_workbook(tmp_path / "later.xlsx", set_field(valid_sheets(), "date_agrement", date(2031, 1, 1)))
    folder = folder_with(tmp_path, {"a.xlsx": later, "b.xlsx": later})
    code, stdout, _ = run(capsys, folder, "--year", YEAR, "-f", "json", "-q", "--strict")
    s = json.loads(stdout)["summary"]
    assert code == s["exit_code"] == ExitCode.OK
    assert (s["files"], s["compliant"], s["not_compliant"], s["unknown"], s["not_applicable"], s["unreadable"]) == (
        2, 0, 0, 2, 2, 0)
    code, stdout, _ = run(capsys, folder, "--year", YEAR, "-q")
    line = " ".join(stdout.split())
    assert "2 classeurs : 0 conforme, 0 non conforme, 0 indéterminé, 2 non applicables, 0 en erreur" in line, line
    code, stdout, _ = run(capsys, folder, "--year", YEAR, "-q", "--lang", "en")
    assert "0 unknown, 2 not applicable, 0 in error" in " ".join(stdout.split())


def test_results_of_another_folder_in_the_same_out_are_not_removed(tmp_path, capsys, good_workbook, other_workbook):
    """``ei batch A --out res`` then ``ei batch B --out res``: the second run removed res/a.json, « résultat d'un
    classeur qui n'est plus dans le dossier lu » — false, A/a.xlsx is still there; the previous summary did not
    say which folder it read. It says it now (``input_folder_id``, a digest of its absolute path: not the path,
    which often names the person), and only the results of a previous
    run of the same folder can be « gone »."""
    (tmp_path / "A").mkdir()
    (tmp_path / "B").mkdir()
    a = folder_with(tmp_path / "A", {"a.xlsx": good_workbook})
    b = folder_with(tmp_path / "B", {"b.xlsx": other_workbook})
    out = tmp_path / "res"
    assert run(capsys, a, "--year", YEAR, "--out", out, "-q")[0] in (0, 1)
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert summary["input_folder_id"] == batch.folder_identity(a) and len(summary["input_folder_id"]) == 16
    assert "input_folder" not in summary   # the path itself is not written
    code, stdout, stderr = run(capsys, b, "--year", YEAR, "--out", out, "-q", "-f", "json")
    assert code in (0, 1) and json.loads(stdout)["removed_outputs"] == [] and "supprimé" not in stderr
    assert (out / "a.json").exists() and (out / "b.json").exists()


def _refuse_to_write_b_json(monkeypatch) -> None:
    """The system refuses to write b.json (a full disk); every other JSON is written."""
    from ei_cli import output

    real = output.stage_file

    def b_not_written(path, text, *args, name=None, **kwargs):
        if Path(path).name == "b.json":
            raise output.write_error(name or Path(path), OSError(28, "No space left on device"))
        return real(path, text, *args, name=name, **kwargs)

    monkeypatch.setattr(output, "stage_file", b_not_written)


def test_a_json_this_run_could_not_write_is_not_removed_as_gone(tmp_path, capsys, monkeypatch, good_workbook,
                                                               other_workbook):
    """A workbook still in the folder whose new JSON could not be written (a full disk): its outcome has no
    ``output``, and its previous JSON was removed as the result of a workbook « no longer in the folder ». The
    names this run read are kept, written or not."""
    folder = folder_with(tmp_path, {"a.xlsx": good_workbook, "b.xlsx": other_workbook})
    out = tmp_path / "out"
    assert run(capsys, folder, "--year", YEAR, "--out", out, "-q", "--jobs", "1")[0] in (0, 1)
    _refuse_to_write_b_json(monkeypatch)
    code, stdout, _ = run(capsys, folder, "--year", YEAR, "--out", out, "-q", "--jobs", "1", "-f", "json")
    doc = json.loads(stdout)
    assert [f["output"] for f in doc["files"]] == ["a.json", None], doc["files"]
    assert doc["removed_outputs"] == [] and (out / "b.json").exists()


def test_a_json_not_written_is_removed_once_its_workbook_is_gone(tmp_path, capsys, monkeypatch, good_workbook,
                                                                 other_workbook):
    """Run 1 writes a.json and b.json; run 2 cannot write b.json (a full disk): the old one stays, and summary 2
    listed b with `output` null; b.xlsx is then removed: run 3 never removed b.json — a JSON no summary lists,
    what the removal exists for. Summary 2 names it (`json_name`), and run 3 removes it."""
    folder = folder_with(tmp_path, {"a.xlsx": good_workbook, "b.xlsx": other_workbook})
    out = tmp_path / "out"
    run(capsys, folder, "--year", YEAR, "--out", out, "-q", "--jobs", "1")
    with monkeypatch.context() as m:
        _refuse_to_write_b_json(m)
        run(capsys, folder, "--year", YEAR, "--out", out, "-q", "--jobs", "1")
    listed = json.loads((out / "summary.json").read_text(encoding="utf-8"))["files"]
    assert [(f["output"], f["json_name"]) for f in listed] == [("a.json", "a.json"), (None, "b.json")]
    (folder / "b.xlsx").unlink()
    code, stdout, _ = run(capsys, folder, "--year", YEAR, "--out", out, "-q", "--jobs", "1", "-f", "json")
    assert json.loads(stdout)["removed_outputs"] == ["b.json"] and not (out / "b.json").exists()


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="file names are text there")
def test_a_folder_name_that_is_not_utf8_is_told_apart_by_its_digest(tmp_path, capsys, good_workbook):
    """A folder whose name is not UTF-8 (b'Fran\\xe7ois', a Latin-1 name): its path written as such in
    summary.json made the summary fail (« Erreur interne (UnicodeEncodeError) »), exit 2. The summary holds a
    digest of the path's bytes, and two runs of that folder recognise each other."""
    import os

    base = os.fsencode(tmp_path)
    folder = Path(os.fsdecode(base + b"/Fran\xe7ois"))
    folder.mkdir()
    shutil.copyfile(good_workbook, folder / "a.xlsx")
    out = tmp_path / "out"
    code, _, err = run(capsys, folder, "--year", YEAR, "--out", out, "-q")
    assert code in (0, 1), err
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert summary["input_folder_id"] == batch.folder_identity(folder)
    assert batch.previous_outputs(out, folder) == ["a.json"]


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="file names are text there")
def test_an_out_that_is_a_file_with_a_name_that_is_not_utf8_is_named_in_valid_utf8(tmp_path, capsys, good_workbook):
    """--out naming a file « f\\xe7.txt » (a Latin-1 name): the refusal quoted the name as Python holds it (a lone
    surrogate), and the JSON document on stdout held the raw byte 0xE7 — not UTF-8, unreadable by a script. The
    name is said as every other path is (``problems.display_path``: U+FFFD for the byte)."""
    import os

    folder = folder_with(tmp_path, {"a.xlsx": good_workbook})
    out = Path(os.fsdecode(os.fsencode(tmp_path) + b"/f\xe7.txt"))
    out.write_text("a file")
    code, stdout, _ = run(capsys, folder, "--year", YEAR, "--out", out, "-f", "json")
    stdout.encode("utf-8")   # no lone surrogate left
    assert code == ExitCode.BAD_INPUT and json.loads(stdout)["problems"][0]["message"].endswith("f\ufffd.txt est un fichier.")


def test_summary_workbook_counts_the_files_whose_verdict_is_provisional(tmp_path, capsys):
    """Review B (finding 5): the Walloon sample (agrément 2024-03-01, Paie to 2026-10), `--month 2026-10` on the
    tests' day 2026-11-30. October is over, but the quota judges agrément year 3, 2026-03-01 – 2027-02-28 (the
    agrément day + 2 years, its third), on its 8 months so far: provisional. « À propos » read « période terminée :
    chaque fichier est jugé sur toutes ses données » from the period's dates alone. It now counts the files'
    outcomes: « 1 fichier a un verdict provisoire », the file's `provisional` (added to files[]) naming the quota;
    2025 (agrément years 1 and 2, both over by 2026-02-28) has none."""
    from openpyxl import load_workbook

    sample = Path(__file__).parent.parent / "sample_data" / "ei-wallonie.xlsx"
    folder = folder_with(tmp_path, {"ei-wallonie.xlsx": sample})
    out = tmp_path / "out"
    run(capsys, folder, "--year", "2026", "--month", "2026-10", "--out", out, "-q")
    about = {r[0]: r[1] for r in load_workbook(out / "summary.xlsx")["À propos"].iter_rows(values_only=True)}
    assert about["Données"].startswith("période terminée ; 1 fichier a un verdict provisoire (")
    assert "toutes ses données" not in about["Données"] and "paie connue" not in about["Données"]
    assert json.loads((out / "summary.json").read_text(encoding="utf-8"))["files"][0]["provisional"] == ["quota"]
    run(capsys, folder, "--year", "2025", "--out", out, "-q")
    about = {r[0]: r[1] for r in load_workbook(out / "summary.xlsx")["À propos"].iter_rows(values_only=True)}
    assert about["Données"] == "période terminée : chaque fichier est jugé sur toute la période, aucun verdict provisoire"
    assert json.loads((out / "summary.json").read_text(encoding="utf-8"))["files"][0]["provisional"] == []


def test_summary_workbook_says_when_it_was_produced_and_the_period_on_a_sheet_of_its_own(
        tmp_path, capsys, good_workbook, monkeypatch):
    """Audit (repro/07): summary.xlsx's verdicts depend on the day (a year in progress is judged up to today and
    the payroll known) but it carried no production day, period or horizon. A second sheet, « À propos »,
    says them as the claim workbook does (« Document produit par ei … le … », the period, the data); the first
    sheet, whose rows equal the per-file JSONs, is unchanged. Today 2026-09-10, --year 2026: in progress."""
    from openpyxl import load_workbook

    from ei_cli import __version__, periods

    monkeypatch.setattr(periods, "today", lambda: date(2026, 9, 10))
    folder = folder_with(tmp_path, {"a.xlsx": good_workbook})
    out = tmp_path / "out"
    run(capsys, folder, "--year", "2026", "--out", out, "-q")
    wb = load_workbook(out / "summary.xlsx")
    assert wb.sheetnames == ["Synthèse", "À propos"] and wb.active.title == "Synthèse"
    about = {r[0]: r[1] for r in wb["À propos"].iter_rows(values_only=True)}
    assert about["Document produit par"] == f"ei {__version__} le 10 septembre 2026"
    assert about["Période"] == "2026-01-01 → 2026-12-31"
    assert about["Données"].startswith("période en cours au 2026-09-10 (date du jour)")
    run(capsys, folder, "--year", "2025", "--out", out, "-q", "--lang", "en")
    about = {r[0]: r[1] for r in load_workbook(out / "summary.xlsx")["About"].iter_rows(values_only=True)}
    assert about["Produced by"] == f"ei {__version__} on 2026-09-10" and about["Period"] == "2025-01-01 → 2025-12-31"
    assert about["Data"].startswith("period over")


def test_summary_workbook_reads_the_periods_last_day_as_in_progress(tmp_path, capsys, good_workbook, monkeypatch):
    """Audit (provisional flags at date boundaries): on 2026-12-31, the last day of 2026, « À propos » read « période
    terminée » and its « Subventions » row dropped « année en cours », while the same file's JSON judged the year in
    progress (the size « provisoire : année en cours », December « à calculer avec leur paie »): the period is over
    only once its last day is before today (``rules.common.period_over``). On 2027-01-01 it is over."""
    from openpyxl import load_workbook

    from ei_cli import periods

    folder = folder_with(tmp_path, {"a.xlsx": good_workbook})
    out = tmp_path / "out"
    monkeypatch.setattr(periods, "today", lambda: date(2026, 12, 31))
    run(capsys, folder, "--year", "2026", "--out", out, "-q")
    about = {r[0]: r[1] for r in load_workbook(out / "summary.xlsx")["À propos"].iter_rows(values_only=True)}
    assert about["Données"].startswith("période en cours au 2026-12-31 (date du jour)")
    assert "année en cours : un total est provisoire" in about["Subventions"]
    monkeypatch.setattr(periods, "today", lambda: date(2027, 1, 1))
    run(capsys, folder, "--year", "2026", "--out", out, "-q")
    about = {r[0]: r[1] for r in load_workbook(out / "summary.xlsx")["À propos"].iter_rows(values_only=True)}
    assert about["Données"].startswith("période terminée") and "année en cours" not in about["Subventions"]


def test_summary_workbook_says_the_year_its_subsidies_are_of(tmp_path, capsys, monkeypatch, good_workbook):
    """Audit (xlsx, D1): `--month 2026-10` put in « Subventions (€) » the whole calendar year's subsidies (they are
    yearly: summary.json's `subsidy_year`) beside « Période : 2026-10-01 → 2026-10-31 », the year said nowhere.
    « À propos » now has a row « Subventions » after « Période »: « année civile 2026 (2026-01-01 → 2026-12-31) »,
    and with --month that the column is the whole year's, not the month's; --year 2025 (period = the year): the
    year alone. English: « Subsidies », « calendar year … ». The audit's differential read that row, for 2026 still
    running, as final: a year not over adds « année en cours » (or « pas encore commencée ») and that a total is
    provisional where « Subventions complètes » says no."""
    from openpyxl import load_workbook

    fixed_checks(monkeypatch, {})
    folder = folder_with(tmp_path, {"a.xlsx": good_workbook})
    out = tmp_path / "out"

    def about(*args):
        run(capsys, folder, *args, "--out", out, "-q")
        return list(load_workbook(out / "summary.xlsx").worksheets[1].iter_rows(values_only=True))

    rows = about("--month", "2026-10")
    assert rows[1:3] == [("Période", "2026-10-01 → 2026-10-31"),
                         ("Subventions", "année civile 2026 (2026-01-01 → 2026-12-31) : les subventions sont annuelles, "
                                         "la colonne « Subventions (€) » donne celles de toute l'année, pas du seul "
                                         "mois 2026-10 ; année en cours : un total est provisoire là où « Subventions "
                                         "complètes » dit non")]
    assert json.loads((out / SUMMARY_JSON).read_text(encoding="utf-8"))["subsidy_year"] == 2026
    assert about("--year", "2025")[2] == ("Subventions", "année civile 2025 (2025-01-01 → 2025-12-31)")
    # The year not over (today 2026-11-30, conftest) is said so: --month 2026-10 above, and a year not begun.
    assert about("--year", "2027")[2] == ("Subventions", "année civile 2027 (2027-01-01 → 2027-12-31) ; année pas encore "
                                                         "commencée : un total est provisoire là où « Subventions "
                                                         "complètes » dit non")
    assert about("--month", "2025-03", "--lang", "en")[2] == (
        "Subsidies", "calendar year 2025 (2025-01-01 → 2025-12-31): subsidies are yearly, the column “Subsidies (€)” "
                     "gives the whole year's, not the month 2025-03's alone")


def test_summary_workbook_columns_are_as_wide_as_their_values(tmp_path, capsys, monkeypatch, good_workbook):
    """Audit (xlsx, D4): the widths came from the headers alone — « Fichier », « Entreprise », « Régime » 12 wide
    for « ei-les-jardins-octobre.xlsx » (27 characters), « EI Les Jardins de Test » (22), « wallonie-2016 » (13),
    each clipped by the next cell. Now each column is its longest value + 2 (header + 4, its filter button), from
    12 to 60: « Fichier » 27 + 2 = 29, « Régime » 13 + 2 = 15; « Entreprise » holds a name of 70 characters, cut to
    60 wide, which wraps in its cell."""
    from openpyxl import load_workbook

    fixed_checks(monkeypatch, {})
    long_name = "EI " + "Les Jardins Partagés de la Vallée " * 2   # 3 + 2 × 34 = 71 characters, 70 stripped
    sheets = set_field(set_field(valid_sheets(), "nom", long_name.strip()), "numero_bce", OTHER_BCE)
    folder = folder_with(tmp_path, {"ei-les-jardins-octobre.xlsx": good_workbook,
                                    "b.xlsx": write_workbook(tmp_path / "long.xlsx", sheets)})
    out = tmp_path / "out"
    run(capsys, folder, "--year", YEAR, "--out", out, "-q")
    ws = load_workbook(out / "summary.xlsx").active
    width = {ws.cell(1, c).value: ws.column_dimensions[ws.cell(1, c).column_letter].width
             for c in range(1, ws.max_column + 1)}
    assert (width["Fichier"], width["Régime"], width["Entreprise"]) == (29, 15, 60)
    assert width["Verdict global"] == len("Verdict global") + 4 and width["Erreurs"] == 12
    (long_cell,) = [c for c in ws["B"] if c.value == long_name.strip()]
    assert long_cell.alignment.wrap_text and not ws["B3"].alignment.wrap_text


@pytest.mark.parametrize("given", [".", ".."])
def test_an_empty_folder_is_named_so_that_it_cannot_be_misread(tmp_path, capsys, monkeypatch, given):
    """``ei batch .`` in an empty folder said « Aucun classeur (.xlsx, .xlsm, .ods) dans .. » — the folder's
    name and the sentence's full stop read as the parent folder. The folder is named by its absolute path."""
    here = tmp_path / "vide" / "ici"
    here.mkdir(parents=True)
    monkeypatch.chdir(here)
    code, _, stderr = run(capsys, given, "--year", YEAR)
    shown = here if given == "." else here.parent
    assert code == ExitCode.BAD_INPUT and f"Aucun classeur (.xlsx, .xlsm, .ods) dans {shown}." in stderr


_PROCESS_FILE = batch.process_file


def _slow_for_a(path, *args, **kwargs):
    """``batch.process_file``, half a second slower for « a-casse.xlsx »; at module level: the worker pool pickles
    the function it runs (a test's local function cannot be)."""
    import time

    if Path(path).name == "a-casse.xlsx":
        time.sleep(0.5)
    return _PROCESS_FILE(path, *args, **kwargs)


def test_a_scripts_stderr_lists_the_files_in_error_in_the_folders_order(tmp_path, capsys, monkeypatch, good_workbook):
    """Run by a script (stderr not a terminal), with 2 workers: « a-casse.xlsx » is made the slowest file, so it
    finishes last. The ERREUR lines came in the order files finished (a-casse last), so two runs of one folder
    logged them differently; they now come once the run is over, in the folder's order: a, c, d."""
    folder = folder_with(tmp_path, {"a-casse.xlsx": b"junk", "b.xlsx": good_workbook, "c-casse.xlsx": b"junk",
                                    "d-casse.xlsx": b"junk"})
    monkeypatch.setattr(batch, "process_file", _slow_for_a)
    code, _, err = run(capsys, folder, "--year", YEAR, "--jobs", "2", "--format", "json")
    assert code == ExitCode.BAD_INPUT
    named = [line.split()[1] for line in err.splitlines() if line.startswith("ERREUR")]
    assert named == ["a-casse.xlsx", "c-casse.xlsx", "d-casse.xlsx"]
