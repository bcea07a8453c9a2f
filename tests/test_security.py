"""Safety guarantees (issue 8): no personal data out, neutralised cells, atomic 0600 files.

* Every command, in every format, on both sample workbooks: stdout, stderr and every file written
  (xlsx and docx unzipped, their XML scanned) hold none of the samples' national numbers (with and
  without separators), last names, first names or birth dates (ISO and JJ/MM/AAAA) — read from the
  sample workbooks with openpyxl. Commands not written yet are skipped by a ``--help`` probe, so
  the test becomes active as they land. With ``--names`` the names do appear where names are shown.
* ``neutralise``/``csv_text``: text a spreadsheet would run as a formula is defused.
* ``write_atomic``/``write_with`` (and ``stage_file``/``commit_file``, their two halves in ``ei batch``):
  temporary file, flushed to disk, then renamed; mode 0600; nothing left on failure.
* No module logs or prints raw cell values.
"""

from __future__ import annotations

import csv
import functools
import io
import json
import os
import re
import stat
import zipfile
from datetime import date, datetime
from pathlib import Path

import pytest

from ei_cli.errors import EiError
from ei_cli.output import commit_file, csv_text, discard_file, neutralise, stage_file, write_atomic, write_with
from helpers_cli import command_exists, run_cli

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = {"wallonie": ROOT / "sample_data" / "ei-wallonie.xlsx",
           "bruxelles": ROOT / "sample_data" / "ei-bruxelles.xlsx"}
YEAR = "2025"


# ----------------------------------------------------------------------------------- helpers
@functools.lru_cache(maxsize=None)
def personal_data(path: Path) -> dict[str, list[str]]:
    """The identity values of a sample's Personnel sheet, in every spelling an output could use."""
    from openpyxl import load_workbook
    from stdnum.be import nn

    wb = load_workbook(path, read_only=True, data_only=True)
    rows = list(wb["Personnel"].iter_rows(values_only=True))
    wb.close()
    header = [str(h) for h in rows[0]]
    col = {name: header.index(name) for name in ("niss", "nom", "prenom", "date_naissance")}
    niss, last, first, births = set(), set(), set(), set()
    for row in rows[1:]:
        if row[col["niss"]]:
            digits = re.sub(r"\D", "", str(row[col["niss"]]))
            niss |= {digits, nn.format(digits), f"{digits[:6]}-{digits[6:9]}-{digits[9:]}",
                     f"{digits[:6]} {digits[6:9]} {digits[9:]}"}
        if row[col["nom"]]:
            last.add(str(row[col["nom"]]))
        if row[col["prenom"]]:
            first.add(str(row[col["prenom"]]))
        born = row[col["date_naissance"]]
        if isinstance(born, datetime):
            born = born.date()
        if isinstance(born, date):
            births |= {born.isoformat(), born.strftime("%d/%m/%Y"), f"{born.day}/{born.month}/{born.year}",
                       born.strftime("%d.%m.%Y")}
    return {"niss": sorted(niss), "last_name": sorted(last), "first_name": sorted(first),
            "birth_date": sorted(births)}


def leaks(text: str, secrets: dict[str, list[str]]) -> list[str]:
    found = []
    for kind, values in secrets.items():
        for value in values:
            if kind in ("last_name", "first_name"):
                if re.search(rf"(?<!\w){re.escape(value)}(?!\w)", text):
                    found.append(f"{kind}:{value}")
            elif value in text:
                found.append(f"{kind}:{value}")
    return found


def texts_of(path: Path) -> list[tuple[str, str]]:
    """(name, text) of a written file; xlsx/docx are unzipped and every XML member read."""
    data = path.read_bytes()
    if data[:2] == b"PK":
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            return [(f"{path.name}!{n}", z.read(n).decode("utf-8", "replace")) for n in z.namelist()
                    if n.endswith((".xml", ".rels", ".json", ".txt", ".csv"))]
    return [(path.name, data.decode("utf-8", "replace"))]


def outputs(tmp: Path) -> list[Path]:
    return [p for p in sorted(tmp.rglob("*")) if p.is_file()]


# ----------------------------------------------------------------------------------- the matrix
def invocations(sample: Path, out: Path) -> list[tuple[tuple[str, ...], list[str]]]:
    """(command words that must exist, full argv) for every command and format."""
    runs: list[tuple[tuple[str, ...], list[str]]] = []
    f = str(sample)
    for fmt in ("table", "json", "csv"):
        runs.append((("validate",), ["validate", f, "--format", fmt]))
    runs.append((("regimes",), ["regimes", "--format", "json"]))
    checks = [("check-eligibility", []), ("check-quota", ["--year", YEAR]), ("check-wages", ["--year", YEAR]),
              ("check", ["--year", YEAR]), ("subsidy", ["--year", YEAR])]
    for name, extra in checks:
        for fmt in ("table", "json", "csv"):
            runs.append(((name,), [name, f, *extra, "--format", fmt, "--explain"]))
        for suffix in ("json", "csv", "xlsx", "txt"):
            runs.append(((name,), [name, f, *extra, "-o", str(out / f"{name}.{suffix}")]))
    for suffix in ("html", "md", "docx"):
        runs.append((("report", "annual"), ["report", "annual", f, "--year", YEAR, "-o",
                                            str(out / f"annuel.{suffix}")]))
        runs.append((("report", "agrement"), ["report", "agrement", f, "-o", str(out / f"agrement.{suffix}")]))
    for fmt in ("table", "json"):
        runs.append((("batch",), ["batch", str(sample.parent), "--year", YEAR, "--quiet", "--format", fmt,
                                  "--out", str(out / f"batch-{fmt}")]))
    return runs


@pytest.mark.parametrize("region", sorted(SAMPLES))
def test_no_personal_data_in_any_output(region, capsys, tmp_path):
    sample = SAMPLES[region]
    secrets = personal_data(sample)
    assert secrets["niss"] and secrets["last_name"] and secrets["birth_date"]
    ran, problems = 0, []
    for words, argv in invocations(sample, tmp_path):
        if not command_exists(*words):
            continue
        code, out, err = run_cli(capsys, *argv)
        ran += 1
        assert "Traceback" not in out + err, argv
        if "Erreur interne (ModuleNotFoundError)" in err:
            continue  # a command whose rules are still being written by another helper
        assert "Erreur interne" not in err, (argv, err)
        assert code in (0, 1, 2), argv
        for where, text in [("stdout", out), ("stderr", err)]:
            problems += [f"{' '.join(argv[:3])} {where}: {x}" for x in leaks(text, secrets)]
    for path in outputs(tmp_path):
        for name, text in texts_of(path):
            problems += [f"{name}: {x}" for x in leaks(text, secrets)]
    assert ran >= 5
    assert not problems, problems[:20]


def test_written_files_are_private(capsys, tmp_path):
    """Every file a command writes is mode 0600, and no temporary file is left beside it."""
    sample = SAMPLES["wallonie"]
    for words, argv in invocations(sample, tmp_path):
        if "-o" in argv or "--out" in argv:
            if command_exists(*words):
                run_cli(capsys, *argv)
    written = outputs(tmp_path)
    assert written
    for path in written:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
        assert not path.name.startswith(".") and not path.name.endswith(".tmp"), path


@pytest.mark.parametrize("argv", [["check-eligibility", "{f}", "--names", "--format", "json"],
                                  ["check-eligibility", "{f}", "--names"]])
def test_names_shown_with_names_option(argv, capsys):
    if not command_exists(argv[0]):
        pytest.skip(f"{argv[0]} not written yet")
    sample = SAMPLES["wallonie"]
    secrets = personal_data(sample)
    code, out, err = run_cli(capsys, *(a.replace("{f}", str(sample)) for a in argv))
    assert code in (0, 1)
    shown = [x for x in leaks(out, secrets) if x.startswith(("last_name", "first_name"))]
    assert shown, "--names asked, but no name is shown"
    # Never the national number or the birth date, even with --names.
    assert not [x for x in leaks(out + err, secrets) if x.startswith(("niss", "birth_date"))]


def test_workers_are_shown_by_id_without_names(capsys):
    if not command_exists("check-eligibility"):
        pytest.skip("check-eligibility not written yet")
    code, out, _err = run_cli(capsys, "check-eligibility", SAMPLES["wallonie"], "--format", "json")
    doc = json.loads(out)
    assert {w["worker_id"] for w in doc["workers"]} >= {"W01", "W02"}
    keys = json.dumps(doc)
    for field in ("national_number", "niss", "last_name", "first_name", "birth_date", "date_naissance",
                  "nom", "prenom"):
        assert f'"{field}":' not in keys   # as a key holding a value (a column *name* may be cited)


# ----------------------------------------------------------------------------------- neutralise
@pytest.mark.parametrize("text", ["=1+1", "+33 1", "-2+3", "@SUM(A1)", "\t=1", "\r=1",
                                  '=HYPERLINK("http://x","clic")', "=cmd|' /C calc'!A0"])
def test_neutralise_defuses_formula_text(text):
    assert neutralise(text) == "'" + text


@pytest.mark.parametrize("value", ["Alice", "", "1,5", "W01", 5, -5, 2.5, None, True])
def test_neutralise_keeps_plain_values(value):
    assert neutralise(value) == value


def test_csv_text_neutralises_every_cell_but_keeps_numbers():
    text = csv_text(["=h", "b"], [["=1+1", -12.5], ["@x", "ok"], ["-3", 4]])
    rows = list(csv.reader(io.StringIO(text)))
    assert rows == [["'=h", "b"], ["'=1+1", "-12.5"], ["'@x", "ok"], ["'-3", "4"]]


def test_xlsx_writers_neutralise():
    """Every module that writes an .xlsx with openpyxl passes text through ``xlsx_cell`` (``neutralise``,
    and the control characters an xlsx cell cannot hold replaced); the template holds no text read from a
    workbook."""
    offenders = []
    for path in (ROOT / "ei_cli").rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        if re.search(r"\.append\(|\.cell\(.*value=", source) and "openpyxl" in source and "wb.save" in source:
            if "xlsx_cell" not in source and path.name not in {"template.py"}:
                offenders.append(str(path.relative_to(ROOT)))
    assert not offenders, offenders


# ----------------------------------------------------------------------------------- atomic files
def test_write_atomic_mode_0600_even_with_open_umask(tmp_path):
    old = os.umask(0)
    try:
        target = tmp_path / "out.json"
        write_atomic(target, "{}")
    finally:
        os.umask(old)
    assert target.read_text() == "{}"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]


def test_write_atomic_replaces_whole_file(tmp_path):
    target = tmp_path / "out.csv"
    target.write_text("ancien contenu\n" * 1000)
    write_atomic(target, b"nouveau\n")
    assert target.read_bytes() == b"nouveau\n"


def test_write_with_failure_leaves_old_file_and_no_temp(tmp_path):
    target = tmp_path / "out.xlsx"
    target.write_bytes(b"old")

    def broken(out) -> None:
        out.write(b"half")
        raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        write_with(target, broken)
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.xlsx"]


def test_write_with_interrupt_leaves_nothing(tmp_path):
    target = tmp_path / "new.docx"

    def interrupted(out) -> None:
        out.write(b"half")
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        write_with(target, interrupted)
    assert list(tmp_path.iterdir()) == []


def test_a_full_temporary_folder_while_saving_an_xlsx_is_a_write_error_not_a_bug(tmp_path):
    """openpyxl (with lxml) writes each sheet to the system's temporary folder before zipping it: there a
    full disk or a file size limit (here ``ulimit -f 4``, 4 096 bytes: EFBIG) ended in « Erreur interne
    (SerialisationError) … signalez-la ». It is the system's refusal to write the output: exit 2, the
    output and the temporary folder named, the reason in French, no traceback, nothing left."""
    import resource
    import subprocess
    import sys

    sample = Path(__file__).parent.parent / "sample_data" / "ei-wallonie.xlsx"
    target = tmp_path / "out" / "claim.xlsx"
    target.parent.mkdir()
    (tmp_path / "tmp").mkdir()

    def small_files():
        resource.setrlimit(resource.RLIMIT_FSIZE, (4096, resource.getrlimit(resource.RLIMIT_FSIZE)[1]))

    code = "import sys\nfrom ei_cli.cli import console_script\nsys.argv = ['ei', *sys.argv[1:]]\nconsole_script()\n"
    r = subprocess.run([sys.executable, "-c", code, "subsidy", str(sample), "--year", "2025", "-o", str(target)],
                       capture_output=True, text=True, timeout=120, preexec_fn=small_files,
                       env={**os.environ, "TMPDIR": str(tmp_path / "tmp")})
    assert r.returncode == 2 and "Traceback" not in r.stderr, r.stderr
    assert r.stderr == (f"Impossible d'écrire {target} (fichier trop gros, dans le dossier temporaire "
                        f"{tmp_path / 'tmp'}).\n")
    assert list(target.parent.iterdir()) == []


def test_a_write_error_of_the_library_becomes_the_output_s_and_its_own_reads_go_on(tmp_path):
    """lxml names the errno in its SerialisationError (``IO_ENOSPC``); a write's OSError carries no file
    name: both are the refusal to write ``path``. An OSError naming another file than openpyxl's temporary
    one is the library reading its own resource: it goes on as it is."""
    import errno

    from lxml.etree import SerialisationError

    from ei_cli.output import WriteRefused

    target = tmp_path / "out.xlsx"
    for failure, reason in ((SerialisationError("IO_ENOSPC"), "disque plein"),
                            (SerialisationError("IO_WRITE"), "erreur de lecture ou d'écriture du disque"),
                            (OSError(errno.EFBIG, "File too large"), "fichier trop gros"),
                            (OSError(errno.ENOSPC, "No space", "/tmp/openpyxl.x1.xml"), "disque plein")):
        def writer(out, failure=failure):
            raise failure

        with pytest.raises(WriteRefused) as caught:
            write_with(target, writer)
        assert caught.value.message.fr.startswith(f"Impossible d'écrire {target} ({reason}, dans le dossier temporaire")
    missing = FileNotFoundError(errno.ENOENT, "No such file", str(Path(__file__).parent / "no-template.docx"))

    def reads_a_template(out):
        raise missing

    with pytest.raises(FileNotFoundError):
        write_with(target, reads_a_template)
    assert list(tmp_path.iterdir()) == []


def test_write_with_sets_0600(tmp_path):
    target = tmp_path / "t.xlsx"
    write_with(target, lambda out: out.write(b"x"))
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_staged_file_is_hidden_0600_and_published_only_by_commit(tmp_path):
    """``ei batch``'s two halves of an atomic write: stage (in a worker), commit (in the main process)."""
    target = tmp_path / "a.json"
    target.write_text("ancien")
    staged = stage_file(target, "nouveau")
    assert staged.parent == tmp_path and staged.name.startswith(".a.json.") and staged.suffix == ".tmp"
    assert stat.S_IMODE(staged.stat().st_mode) == 0o600
    assert target.read_text() == "ancien"          # not visible under its name before the commit
    commit_file(staged, target)
    assert target.read_text() == "nouveau" and stat.S_IMODE(target.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["a.json"]
    discard_file(stage_file(target, "abandonné"))
    assert [p.name for p in tmp_path.iterdir()] == ["a.json"] and target.read_text() == "nouveau"


@pytest.mark.parametrize("name", ["r" * 250 + ".json", "é" * 125 + ".json"])
def test_a_legal_name_of_255_bytes_is_written_atomically(tmp_path, name):
    """A name of 255 bytes (the most ext4, APFS and NTFS allow) is legal, but its staged file
    ``.<name>.XXXXXXXX.tmp`` had 269: « Impossible d'écrire … (nom de fichier trop long) », though the
    name itself can be created. The staged file keeps the name's first 241 bytes (``staged_stem``: 255 −
    2 dots − 8 random characters − « .tmp »), whole characters only."""
    target = tmp_path / name
    staged = stage_file(target, "{}")
    assert len(os.fsencode(staged.name)) <= 255 and staged.name.startswith("." + name[:100])
    commit_file(staged, target)
    assert [p.name for p in tmp_path.iterdir()] == [name] and target.read_text() == "{}"


def test_every_atomic_write_is_flushed_to_disk_before_the_rename(tmp_path, monkeypatch):
    """fsync, then rename: after a power cut the file is the old one or the whole new one."""
    calls = []
    real_fsync, real_replace = os.fsync, os.replace
    monkeypatch.setattr(os, "fsync", lambda fd: (calls.append("fsync"), real_fsync(fd))[1])
    monkeypatch.setattr(os, "replace", lambda a, b: (calls.append("replace"), real_replace(a, b))[1])
    write_atomic(tmp_path / "a.json", "{}")
    write_with(tmp_path / "b.xlsx", lambda out: out.write(b"x"))
    assert calls == ["fsync", "replace", "fsync", "replace"]


def test_a_special_output_is_written_through_never_replaced(tmp_path):
    """``-o /dev/stdout`` or a named pipe: the bytes go through it; no regular file takes its place
    (a rename over /dev/stdout would, and for root over a device too), no temporary file is left."""
    import tempfile
    import threading

    link = tmp_path / "sortie"
    link.symlink_to(os.devnull)                     # stands for /dev/stdout, without touching it
    before = set(Path(tempfile.gettempdir()).glob(".sortie.*"))
    write_atomic(link, "{}")
    write_with(link, lambda out: out.write(b"xlsx"))
    assert link.is_symlink() and stat.S_ISCHR(os.stat(os.devnull).st_mode)
    assert [p.name for p in tmp_path.iterdir()] == ["sortie"]
    assert set(Path(tempfile.gettempdir()).glob(".sortie.*")) == before

    pipe = tmp_path / "pipe.json"
    os.mkfifo(pipe)
    received = []
    # A daemon: if the pipe were replaced, the reader would wait on it forever; the test must fail, not hang.
    reader = threading.Thread(target=lambda: received.append(pipe.read_bytes()), daemon=True)
    reader.start()
    write_atomic(pipe, '{"a": 1}')
    reader.join(timeout=10)
    assert stat.S_ISFIFO(os.stat(pipe).st_mode), "the named pipe was replaced"
    assert not reader.is_alive() and received == [b'{"a": 1}']


def test_missing_output_folder_is_a_user_error(tmp_path):
    with pytest.raises(EiError):
        write_atomic(tmp_path / "absent" / "x.json", "{}")
    with pytest.raises(EiError):
        write_with(tmp_path / "absent" / "x.xlsx", lambda p: None)


def test_an_output_path_through_a_file_says_it_is_not_a_folder(tmp_path, capsys):
    """``-o afile/x.json``, afile a regular file: « Le dossier de sortie n'existe pas : afile » was wrong, it
    exists; the file on the way is named as not being a folder (English too). A folder truly missing keeps
    its message; nothing is written, exit 2."""
    from helpers_cli import run_cli

    afile = tmp_path / "afile"
    afile.write_text("x")
    sample = Path(__file__).parent.parent / "sample_data" / "ei-wallonie.xlsx"
    for target in (afile / "x.json", afile / "sub" / "x.json"):
        code, _, err = run_cli(capsys, "check", sample, "-o", target)
        assert code == 2 and err.strip().endswith(f"Le chemin de sortie passe par {afile}, qui n'est pas un dossier.")
    code, _, err = run_cli(capsys, "check", sample, "-o", afile / "x.json", "--lang", "en")
    assert code == 2 and err.strip().endswith(f"The output path goes through {afile}, which is not a folder.")
    code, _, err = run_cli(capsys, "check", sample, "-o", tmp_path / "absent" / "x.json")
    assert code == 2 and err.strip().endswith(f"Le dossier de sortie n'existe pas : {tmp_path / 'absent'}")
    assert afile.read_text() == "x" and sorted(p.name for p in tmp_path.iterdir()) == ["afile"]


def _disk_full(*args, **kwargs):
    raise OSError(28, os.strerror(28))  # ENOSPC, as a write or a flush meets it: no file named


def _no_permission(*args, dir=None, **kwargs):
    raise PermissionError(13, os.strerror(13), os.path.join(dir, ".out.json.m3uj_wt7.tmp"))  # as mkstemp says it


@pytest.mark.parametrize("helper, reason", [("write_atomic", "disque plein"), ("write_with", "disque plein"),
                                            ("stage_file", "accès refusé"), ("commit_file", "disque plein")])
def test_a_refused_write_names_the_destination_not_the_temporary_file(tmp_path, monkeypatch, helper, reason):
    """The system refuses (no permission in the folder, a full disk at the flush or while the library
    writes): the error is ei's (``WriteRefused``, exit 2), naming the file asked for, « Impossible
    d'écrire …/out.json (disque plein). ». The old helpers let the OSError through, and ``ei`` named the
    hidden temporary file instead (« Erreur du système (accès refusé) : …/.out.json.m3uj_wt7.tmp. »).
    No temporary file is left."""
    import tempfile

    from ei_cli.output import WriteRefused

    target = tmp_path / "out.json"
    staged = stage_file(target, "{}") if helper == "commit_file" else None
    monkeypatch.setattr(tempfile, "mkstemp", _no_permission) if helper == "stage_file" else \
        monkeypatch.setattr(os, "fsync", _disk_full)
    calls = {"write_atomic": lambda: write_atomic(target, "{}"), "write_with": lambda: write_with(target, lambda out: out.write(b"{}")),
             "stage_file": lambda: stage_file(target, "{}"), "commit_file": lambda: commit_file(staged, target)}
    with pytest.raises(WriteRefused) as refused:
        calls[helper]()
    english = os.strerror(13 if helper == "stage_file" else 28)
    assert refused.value.message.get("fr") == f"Impossible d'écrire {target} ({reason})."
    assert refused.value.message.get("en") == f"Cannot write {target} ({english})."
    if staged is not None:
        discard_file(staged)  # commit_file leaves the staged file to its caller (``ei batch``'s publisher)
    assert list(tmp_path.iterdir()) == []


def test_a_refused_stage_names_the_name_it_is_given(tmp_path, monkeypatch):
    """``ei batch`` stages each JSON under its --out folder but names it as ``files[].json_name`` does
    (never the folders' paths as typed): ``stage_file(..., name=)`` is the name a refusal gives, at the
    temporary file's creation as at its writing; without it, the path (above)."""
    import tempfile

    from ei_cli.output import WriteRefused

    target = tmp_path / "sub" / "out.json"
    target.parent.mkdir()
    monkeypatch.setattr(tempfile, "mkstemp", _no_permission)
    with pytest.raises(WriteRefused) as refused:
        stage_file(target, "{}", name=Path("sub/out.json"))
    assert refused.value.message.get("fr") == f"Impossible d'écrire {Path('sub/out.json')} (accès refusé)."
    monkeypatch.undo()
    monkeypatch.setattr(os, "chmod", _disk_full)
    with pytest.raises(WriteRefused) as refused:
        stage_file(target, "{}", name=Path("sub/out.json"))
    assert refused.value.message.get("en") == f"Cannot write {Path('sub/out.json')} ({os.strerror(28)})."
    assert list(target.parent.iterdir()) == []


class _WindowsError(PermissionError):
    """A PermissionError as Windows raises it: its errno (EACCES) and Windows' own code ``winerror`` (an
    argument of OSError that only Windows keeps, hence set here by hand)."""

    def __init__(self, winerror, *args):
        super().__init__(*args)
        self.winerror = winerror


_OPEN_ELSEWHERE_FR = ("fichier sans doute ouvert dans un autre programme, Excel ou Word par exemple : fermez-le et "
                      "relancez")
_OPEN_ELSEWHERE_EN = "the file is probably open in another program, such as Excel or Word: close it and run again"


@pytest.mark.parametrize("platform, winerror, existing, open_elsewhere", [
    ("linux", 32, True, True),     # ERROR_SHARING_VIOLATION: another program holds the file open
    ("linux", 33, False, True),    # ERROR_LOCK_VIOLATION: it has locked part of it
    ("win32", 5, True, True),      # ERROR_ACCESS_DENIED replacing an existing file: Excel holds it open
    ("win32", 5, False, False),    # ... with no file there to replace: a plain refusal
    ("linux", None, True, False),  # EACCES elsewhere than on Windows: a permission, as before
], ids=["sharing-violation", "lock-violation", "windows-replace", "windows-no-target", "posix"])
def test_a_file_open_in_another_program_says_so(tmp_path, monkeypatch, platform, winerror, existing, open_elsewhere):
    """On Windows, replacing a workbook open in Excel (or a document in Word) is refused: WinError 32/33,
    or WinError 5 on the rename over it, all with errno EACCES. « Impossible d'écrire …/claim.xlsx (accès
    refusé). » sent the user looking for a permission problem: the reason now says the file is probably
    open in another program, to close it and run again (French and English). A refusal on a new file,
    or elsewhere than on Windows, keeps its plain reason."""
    import errno
    import sys

    from ei_cli.output import WriteRefused

    monkeypatch.setattr(sys, "platform", platform)
    target = tmp_path / "claim.xlsx"
    if existing:
        target.write_bytes(b"previous")

    def replace(src, dst, *args, **kwargs):
        exc = PermissionError if winerror is None else functools.partial(_WindowsError, winerror)
        raise exc(errno.EACCES, os.strerror(errno.EACCES), str(src), None, str(dst))

    monkeypatch.setattr(os, "replace", replace)
    with pytest.raises(WriteRefused) as refused:
        write_atomic(target, b"new")
    fr, en = ((_OPEN_ELSEWHERE_FR, _OPEN_ELSEWHERE_EN) if open_elsewhere
              else ("accès refusé", os.strerror(errno.EACCES)))
    assert refused.value.message.get("fr") == f"Impossible d'écrire {target} ({fr})."
    assert refused.value.message.get("en") == f"Cannot write {target} ({en})."
    assert sorted(p.name for p in tmp_path.iterdir()) == (["claim.xlsx"] if existing else [])


def test_a_library_failing_to_read_another_file_is_not_a_refused_write(tmp_path):
    """``write_with``: an OSError of the library naming a file it reads (a template) is not said to be
    the output's: it goes on as it is (``cli.main`` names that file)."""
    def writer(tmp):
        raise FileNotFoundError(2, "No such file", str(tmp_path / "modele.docx"))

    with pytest.raises(FileNotFoundError):
        write_with(tmp_path / "r.docx", writer)
    assert list(tmp_path.iterdir()) == []


def test_an_output_folder_made_by_a_failed_run_is_removed_with_what_it_wrote(tmp_path):
    """``output_folder`` (``ei batch --out``): on failure, the folders it made — the output folder, its
    missing parents, sub-folders made inside — are removed with the files written in them (cli.md, 130:
    no partial output file left behind); a folder that was there before, and what it holds, stays. (The
    old code left an empty --out folder after a full disk, then a folder holding the JSONs published before
    Ctrl-C.)"""
    from ei_cli.output import output_folder

    made = tmp_path / "new" / "out"
    with pytest.raises(OSError):
        with output_folder(made) as folder:
            (folder / "client-a").mkdir()
            _disk_full()
    assert list(tmp_path.iterdir()) == []
    kept = tmp_path / "kept"
    with pytest.raises(KeyboardInterrupt), output_folder(kept / "out") as folder:
        (folder / "client-a").mkdir()
        (folder / "client-a" / "a.json").write_text("{}")
        (folder / "b.json").write_text("{}")
        raise KeyboardInterrupt
    assert list(tmp_path.iterdir()) == []
    kept.mkdir()
    (kept / "theirs.json").write_text("{}")
    with pytest.raises(KeyboardInterrupt), output_folder(kept) as folder:
        (folder / "a.json").write_text("{}")
        raise KeyboardInterrupt
    assert sorted(p.name for p in kept.iterdir()) == ["a.json", "theirs.json"]
    with output_folder(tmp_path / "fine") as folder:
        (folder / "a.json").write_text("{}")
    assert [p.name for p in folder.iterdir()] == ["a.json"]


# ----------------------------------------------------------------------------------- code hygiene
def test_no_logging_or_printing_of_cell_values():
    """The package neither logs nor prints raw cell values (messages go through Problem only)."""
    offenders = []
    for path in (ROOT / "ei_cli").rglob("*.py"):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            code = line.split("#", 1)[0]
            if re.search(r"\bimport logging\b|\blogging\.|getLogger\(", code):
                offenders.append(f"{path.name}:{n}: {line.strip()}")
            if re.search(r"(?<![\w.])print\(", code) or re.search(r"\b(raw|row|cell)\b.*\bfile=sys\.std", code):
                offenders.append(f"{path.name}:{n}: {line.strip()}")
    assert not offenders, offenders


def test_a_worker_s_repr_holds_no_personal_data():
    """A traceback (``ei --debug``), a log line or an f-string of a worker printed every field of the
    dataclass: national number, names, birth date, social situation. Those fields are left out of the repr
    now, in the model and in the reader's rows; the workers read (``model.records``, built without
    ``__init__``) still hold them."""
    from dataclasses import fields

    from ei_cli.model import PERSON_FIELDS, Worker
    from ei_cli.workbook import read_workbook
    from ei_cli.workbook.reader import _Row

    private = {"national_number", "last_name", "first_name", "birth_date", "diploma", "registered_jobseeker",
               "months_without_work", "single_parent", "former_art60", "disability_recognition",
               "underrepresented_sex", "ethnic_minority", "integration_income", "activation_contract"}
    assert {f.name for f in fields(Worker) if not f.repr} == private
    # The criteria's data, read once per person (``rules.eligibility._as_person``): the private fields but
    # the identity and the contract's own criterion (Brussels B5), derived from the model (one place to add a
    # criterion column).
    assert set(PERSON_FIELDS) == private - {"national_number", "last_name", "first_name", "activation_contract"}
    assert [f.name for f in fields(_Row) if not f.repr] == ["values"]
    for path in SAMPLES.values():
        enterprise = read_workbook(path).enterprise
        text = repr(enterprise) + " ".join(f"{w}" for w in enterprise.workers)
        assert not leaks(text, personal_data(path)) and not any(f"{name}=" in text for name in private)
        assert "worker_id=" in text and all(w.national_number and w.last_name for w in enterprise.workers)


def test_a_sensitive_criterion_s_repr_holds_no_verdict():
    """The worker's fields are out of its repr, but a sensitive criterion's verdict (T4 single parent, T6
    ethnic minority, T7 disability under wallonie-2016; B3/B4 integration income under bruxelles-2018) still
    showed as ``met=True`` in the repr of Criterion, WorkerEligibility and EligibilityReport — what a
    traceback (``ei --debug``) or a log line prints. Its verdict now reads ``met=<redacted>``; an open
    criterion keeps its own."""
    from decimal import Decimal

    from ei_cli.model import ContractType, Function, Worker
    from ei_cli.regimes import get_regime
    from ei_cli.rules.eligibility import EligibilityReport, assess_worker

    w = Worker("W1", date(2024, 1, 1), ContractType.CDD, Decimal(1), Function.PRODUCTION, single_parent=True,
               ethnic_minority=True, disability_recognition=True, integration_income=True)
    for regime_id, hidden in (("wallonie-2016", {"T4", "T6", "T7"}), ("bruxelles-2018", {"B3/B4"})):
        status = assess_worker(w, get_regime(regime_id))
        assert {c.id for c in status.criteria if c.sensitive} == hidden
        text = repr(EligibilityReport(regime_id, (status,)))
        assert repr(status) in text and all(repr(c) in text for c in status.criteria)
        for c in status.criteria:
            assert f"id={c.id!r}, " in repr(c)
            if c.id in hidden:
                assert c.met is True and "met=<redacted>" in repr(c) and "met=True" not in repr(c)
            else:
                assert f"met={c.met!r}" in repr(c)


def test_typer_never_shows_locals():
    from ei_cli.app import app

    assert app.pretty_exceptions_show_locals is False


def test_reader_opens_input_read_only(tmp_path, monkeypatch):
    """The workbook is opened once, in binary read mode; the file is never opened for writing."""
    import builtins

    from ei_cli.workbook import read_workbook

    modes = []
    real_open = builtins.open

    def spy(file, mode="r", *a, **kw):
        if str(file) == str(SAMPLES["wallonie"]):
            modes.append(mode)
        return real_open(file, mode, *a, **kw)

    monkeypatch.setattr(builtins, "open", spy)
    before = SAMPLES["wallonie"].stat().st_mtime_ns
    assert read_workbook(SAMPLES["wallonie"]).valid
    assert modes == ["rb"]
    assert SAMPLES["wallonie"].stat().st_mtime_ns == before


def _formula_workbook(path: Path) -> Path:
    """The fixture workbook with formula-looking text as enterprise name and as a worker id (« @SUM(1+1) »: an id
    beginning with « = » is refused since 2026-12-01 as a formula stored as text, ``cells.to_id``; « + », « - »
    and « @ » still begin a formula in a spreadsheet an output is opened in)."""
    import make_corpus

    sheets = make_corpus.valid_sheets()
    sheets["Entreprise"][1][1] = '=HYPERLINK("http://exemple.invalid","clic")'
    for title in ("Personnel", "Paie", "Suivi"):
        for row in sheets[title][1:]:
            if row[0] == 1:
                row[0] = "@SUM(1+1)"
    replace = {make_corpus.PART[t]: make_corpus.sheet_xml(rows) for t, rows in sheets.items()}
    path.write_bytes(make_corpus.rezip(make_corpus.valid_bytes(), replace=replace))
    return path


def test_formula_text_is_neutralised_in_csv_and_xlsx_outputs(capsys, tmp_path):
    from openpyxl import load_workbook

    src = tmp_path / "in"
    src.mkdir()
    book = _formula_workbook(src / "ei-formules.xlsx")
    out = tmp_path / "out"
    out.mkdir()
    csv_texts = []
    for words, argv in [(("check-eligibility",), ["check-eligibility", book, "--format", "csv"]),
                        (("subsidy",), ["subsidy", book, "--year", "2024", "--format", "csv"]),
                        (("subsidy",), ["subsidy", book, "--year", "2024", "-o", out / "s.xlsx"]),
                        (("check",), ["check", book, "--year", "2024", "--format", "csv"]),
                        (("batch",), ["batch", src, "--year", "2024", "--quiet", "--out", out / "batch"])]:
        if command_exists(*words):
            code, stdout, err = run_cli(capsys, *argv)
            assert code in (0, 1), (argv, err)
            if "--format" in argv:
                csv_texts.append(stdout)
    for text in csv_texts:
        for row in csv.reader(io.StringIO(text)):
            for value in row:
                assert not value.startswith(("=", "+", "@", "\t", "\r")), value
                assert not (value.startswith("-") and not re.fullmatch(r"-\d+(\.\d+)?", value)), value
    for path in out.rglob("*.xlsx"):
        wb = load_workbook(path)
        for ws in wb.worksheets:
            for row in ws.iter_rows():
                for cell in row:
                    assert cell.data_type != "f", (path.name, cell.coordinate, cell.value)
                    if isinstance(cell.value, str):
                        assert not cell.value.startswith(("=", "+", "-", "@")), (path.name, cell.value)


def test_ctrl_c_while_writing_exits_130_and_leaves_nothing(capsys, tmp_path, monkeypatch):
    """Interrupted between the temporary file and the rename: exit 130, no output, no temporary file."""
    def interrupted(src, dst):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    code, _out, err = run_cli(capsys, "validate", SAMPLES["wallonie"], "-o", tmp_path / "v.json")
    assert code == 130 and "Traceback" not in err
    assert list(tmp_path.iterdir()) == []
