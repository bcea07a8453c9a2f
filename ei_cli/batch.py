"""``ei batch``: every workbook of a folder through every check and the subsidies, never stopping.

The library side of the command (usable from Python without the CLI):

* ``find_workbooks(folder, out_dir, recursive)`` — the workbooks to process, sorted by their path from
  ``folder`` (Office lock files ``~$*``, hidden files and the workbooks ei wrote left out; with
  ``recursive``, the sub-folders' too, each one's JSON in the same sub-folder of the output folder);
* ``process_file(path, request, json_name)`` — one workbook: read → regime → eligibility → checks →
  subsidies → its ``ei check`` document (plus ``subsidy``) staged beside ``<out>/<json_name>``; returns
  a small, picklable ``FileOutcome`` and the staged file (so that ``--jobs N`` can run it in worker
  processes);
* ``run_batch(paths, request, jobs, advance)`` — all of them, in a stable order, every JSON published
  (flushed to disk, then renamed over the previous one) by the main process;
* ``summary_document`` / ``write_summary_xlsx`` / ``batch_exit_code``.

A file that cannot be read (or whose regime cannot be chosen) is an outcome with ``readable=False`` and
its problems; an unexpected bug on one file is recorded the same way, so one bad workbook never costs the
others their results. Nothing here imports pandas, openpyxl or jinja2 at module level: openpyxl is
imported only to write ``summary.xlsx``.
"""

from __future__ import annotations

import sys
from contextlib import contextmanager
from dataclasses import dataclass, field, fields, replace
from decimal import Decimal
from pathlib import Path
from typing import BinaryIO, Callable, Iterable

from ei_cli.errors import EiError, ExitCode
from ei_cli.i18n import Text, plural, t
from ei_cli.periods import Month, Period
from ei_cli.rules.common import NOT_APPLICABLE, VERDICT, not_begun, not_begun_text, period_over

SUMMARY_JSON = "summary.json"
SUMMARY_XLSX = "summary.xlsx"
# Document name of ``ei check`` (each per-file JSON is that document plus ``subsidy``).
CHECK_COMMAND = "check"


@dataclass(frozen=True)
class BatchRequest:
    """What is evaluated for every file: calendar year ``year``, or one month of it with ``month``."""

    year: int
    month: Month | None = None
    regime_id: str | None = None
    lang: str = "fr"
    out_dir: Path | None = None
    folder: Path | None = None   # the folder given: files are named from it (None: by their name alone)
    explain: bool = False        # keep each file's checks that are not compliant (``FileOutcome.explained``)

    @property
    def period(self) -> Period:
        if self.month is not None:
            return Period(self.month.first_day, self.month.last_day)
        return Period.calendar_year(self.year)

    @property
    def subsidy_year(self) -> int:
        """Subsidies are yearly: with ``--month`` they are those of the month's calendar year."""
        return self.month.year if self.month is not None else self.year

    @property
    def subsidy_period(self) -> Period:
        """The calendar year whose subsidies each file gives (``subsidy_year``): the period of a month's too."""
        return Period.calendar_year(self.subsidy_year)


@dataclass(frozen=True)
class FileOutcome:
    """What one workbook gave: the summary row's figures, its problems (JSON dicts), where its JSON went."""

    file: str
    readable: bool
    output: str | None = None
    enterprise: str | None = None
    regime: str | None = None
    compliant: bool | None = None
    checks: dict = field(default_factory=dict)        # check name → True / False / None
    not_applicable: list = field(default_factory=list)  # check names no obligation of which applies (before the agrément)
    quota_share: float | None = None
    wage_ratio: float | None = None
    total_subsidy: float | None = None
    subsidy_complete: bool | None = None              # False: some subsidy could not be computed
    problems: list = field(default_factory=list)      # Problem.to_dict(lang) of every problem
    errors: int = 0
    warnings: int = 0
    # The name of its JSON in --out, written or not (``output`` is null when the system refused it): what a
    # later run removes once the workbook is gone (``previous_outputs``).
    json_name: str | None = None
    # The checks whose verdict is provisional (their ``provisional`` detail: the quota of an agrément year, the size
    # or the Brussels supervision share, the wage tension, measured before their period's end or on a payroll
    # stopping short): what summary.xlsx's « À propos » counts (``_about_sheet``).
    provisional: list = field(default_factory=list)
    # The enterprise's BCE number as the reader normalised it (10 digits, ``cells.to_bce``), None when the workbook
    # gives none: what tells two workbooks of one enterprise in the folder (``same_enterprise``).
    enterprise_number: str | None = None
    # With --explain: the CheckResults not compliant or unknown, for the terminal (their reasons are in
    # the per-file JSON already); not a field of summary.json.
    explained: tuple = ()

    def to_dict(self) -> dict:
        """Its ``files[]`` entry: every field but ``explained``, the values as they are (plain JSON
        values already; ``asdict`` deep-copied every problem of every file, ~20 ms for a federation)."""
        return {name: getattr(self, name) for name in _OUTCOME_FIELDS}


_OUTCOME_FIELDS = tuple(f.name for f in fields(FileOutcome) if f.name != "explained")


# ---------------------------------------------------------------------------------------- files
# A legacy Excel workbook (.xls) is listed too: the reader refuses it with its advice (``legacy_xls``: save
# it as .xlsx), as ``ei validate old.xls`` does, instead of the folder's batch leaving it out in silence.
LEGACY_SUFFIXES = (".xls",)
# A CSV file is most likely a workbook the user meant, saved in a format ei does not read (one sheet): it
# is not read, but left out with the reader's advice (``csv_not_supported``: save it as .xlsx) in skipped[],
# never in silence — nor counted in error: a folder also holds CSV exports that are no workbooks.
NOT_READ_SUFFIXES = (".csv",)


# The reparse tags' « name surrogate » bit (winnt.h, IsReparseTagNameSurrogate): the entry stands for another
# path — a symbolic link, a junction (Documents' legacy « Ma musique », which no one may list), a volume mount
# point. Such a folder is not descended into, as a symbolic link is not: no loop, no folder read twice. Other
# reparse points (a cloud folder's placeholders) are ordinary folders.
_NAME_SURROGATE = 0x20000000


_ON_WINDOWS = sys.platform == "win32"   # a test sets it to read a listing as Windows gives it


def _windows_attributes(entry) -> tuple[int, int]:
    """The entry's own file attributes and reparse tag (``0, 0`` but on Windows, where they come with the
    listing: ``st_file_attributes`` and ``st_reparse_tag`` exist only there; elsewhere no stat is made)."""
    if not _ON_WINDOWS:
        return 0, 0
    try:
        st = entry.stat(follow_symlinks=False)
    except OSError:
        return 0, 0
    return getattr(st, "st_file_attributes", 0), getattr(st, "st_reparse_tag", 0)


def _hidden(entry) -> bool:
    """A dot-name (``.x.xlsx``, LibreOffice's ``.~lock.x.ods#``), or what Windows marks hidden or system
    (``$RECYCLE.BIN`` and its deleted workbooks, ``System Volume Information``, ``desktop.ini``)."""
    import stat

    attributes = _windows_attributes(entry)[0]
    return entry.name.startswith(".") or bool(attributes & (stat.FILE_ATTRIBUTE_HIDDEN | stat.FILE_ATTRIBUTE_SYSTEM))


def _link(entry) -> bool:
    """A symbolic link, or on Windows a junction or mount point (a name-surrogate reparse point)."""
    import stat

    attributes, tag = _windows_attributes(entry)
    return entry.is_symlink() or bool(attributes & stat.FILE_ATTRIBUTE_REPARSE_POINT and tag & _NAME_SURROGATE)


def _skipped(entry) -> bool:
    """The file filter: an Office lock file (``~$x.xlsx``), a hidden file, a file of another kind."""
    from ei_cli.workbook.sniff import LOCK_FILE_PREFIX, SUPPORTED_SUFFIXES

    name = entry.name
    suffix = Path(name).suffix.lower()
    return (name.startswith(LOCK_FILE_PREFIX) or suffix not in (*SUPPORTED_SUFFIXES, *LEGACY_SUFFIXES, *NOT_READ_SUFFIXES)
            or _hidden(entry))


@dataclass(frozen=True)
class LeftOut:
    """An entry ``list_workbooks`` leaves out for what the system said of it, not for its name: ``reason``
    ``unreadable_folder`` (a sub-folder that cannot be listed), ``error`` the system's refusal;
    ``same_file`` (a link to a workbook already listed, ``same_as``); or ``sub_folder`` (without
    ``--recursive``, a sub-folder holding ``workbooks`` workbooks, not read)."""

    path: Path
    reason: str
    error: OSError | None = None
    same_as: Path | None = None
    workbooks: int = 0


def _files(folder: Path, recursive: bool, unreadable: list[LeftOut], sub_folders: list[Path] | None = None) -> list:
    """The entries (``os.DirEntry``) of ``folder`` that are not folders — with ``recursive``, of its
    sub-folders too, but for the hidden ones and the links (``_hidden``, ``_link``); without, those
    sub-folders are added to ``sub_folders`` (when given), not read. A sub-folder that
    cannot be listed (no permission) adds its ``LeftOut`` to ``unreadable`` and the others are read;
    ``folder`` itself unreadable raises it. An entry whose kind the system does not tell (``is_dir``
    raising: a link in a loop, ELOOP, or to a folder it may not look into, EACCES) is taken for a file:
    a link is never descended into anyway, and the file filter then leaves it out by its name, or
    ``list_workbooks`` reports it."""
    import os

    found, pending = [], [folder]
    while pending:
        current = pending.pop()
        try:
            with os.scandir(current) as listing:
                entries = list(listing)
        except OSError as exc:
            if current is folder:
                raise
            exc.filename = os.fspath(current)
            unreadable.append(LeftOut(Path(current), "unreadable_folder", exc))
            continue
        for entry in entries:
            try:
                folder_entry = entry.is_dir()
            except OSError:
                folder_entry = False
            if not folder_entry:
                found.append(entry)
            elif _hidden(entry) or _link(entry):
                continue
            elif recursive:
                pending.append(Path(entry.path))
            elif sub_folders is not None:
                sub_folders.append(Path(entry.path))
    return found


def find_workbooks(folder: Path, out_dir: Path | None = None, recursive: bool = False) -> list[Path]:
    """The workbooks to process (``list_workbooks``, without the files it leaves out)."""
    return list_workbooks(folder, out_dir, recursive)[0]


def list_workbooks(folder: Path, out_dir: Path | None = None, recursive: bool = False,
                   report_sub_folders: bool = True) -> tuple[list[Path], list[Path | LeftOut]]:
    """The workbooks directly in ``folder`` (with ``recursive``, in its sub-folders too), sorted by their
    path from ``folder``: ``.xlsx``, ``.xlsm``, ``.ods``, and ``.xls`` (read as unreadable, with the
    reader's advice to save it as .xlsx).

    Left out in silence: Office lock files (``~$x.xlsx``), hidden files (``.x.xlsx``, LibreOffice's
    ``.~lock.x.ods#``, on Windows those marked hidden or system), with ``recursive`` hidden folders (the
    same, ``$RECYCLE.BIN`` included; symbolic links to folders, and Windows junctions, are not followed:
    no loop), files of other kinds (.txt, .pdf…). Left out and reported (``skipped_entry``): the
    workbooks ei wrote as results (``is_own_result``: a claim workbook of ``ei subsidy -o``, the
    summary.xlsx of an earlier batch), which are not enterprise workbooks, the ``.csv`` files
    (``NOT_READ_SUFFIXES``), the other names of a file already listed (a link to it: ``LeftOut``
    ``same_file``, ``_one_per_file``), and with ``recursive`` the sub-folders that cannot be listed (no
    permission: ``LeftOut`` ``unreadable_folder``); the folder given unreadable stops the batch. Listed, for
    the reader to report in error (exit 2: their workbook was not processed): the workbook names the system
    will not let be looked at (a symbolic link in a loop, or to a place it refuses; the old code stopped the
    whole batch on « liens symboliques en boucle », then left them out without counting them) and the
    symbolic links to nothing (``_dangling_link``; left out without a word before).

    Without ``recursive``, the sub-folders holding workbooks directly are reported too (``LeftOut``
    ``sub_folder``, ``_sub_folders_not_read``), unless ``report_sub_folders`` is false (the look into each).

    Returns ``(workbooks, skipped)``; the second list, for the user to be told they were left out, does
    not hold the summary.xlsx of ``out_dir`` (the one this batch replaces, left out in silence).
    """
    from ei_cli.problems import display_path

    folder = Path(folder)
    shown = display_path(folder)
    if folder.is_file():
        from ei_cli.output import shell_quote

        raise EiError(t(f"{shown} est un fichier : « ei batch » lit un dossier de classeurs. Pour un seul "
                        f"classeur : ei check {shell_quote(folder)} (ou ei subsidy).",
                        f"{shown} is a file: `ei batch` reads a folder of workbooks. For one workbook: "
                        f"ei check {shell_quote(folder)} (or ei subsidy)."))
    if not folder.is_dir():
        raise EiError(t(f"Dossier introuvable : {shown}", f"Folder not found: {shown}"))
    left_out: list[LeftOut] = []
    candidates, sub_folders = [], []
    for entry in _files(folder, recursive, left_out, sub_folders if report_sub_folders else None):
        if _skipped(entry):
            continue
        try:
            listed = entry.is_file() or _dangling_link(entry)
        except OSError:   # a link in a loop, or to a place the system refuses: the reader says so, in error
            listed = True
        if listed:
            candidates.append(Path(entry.path))
    candidates, same = _one_per_file(candidates, folder)
    left_out += same + _sub_folders_not_read(sub_folders, out_dir)
    from ei_cli.output import same_file

    found, skipped = [], []
    for p in candidates:
        if p.suffix.lower() in NOT_READ_SUFFIXES:
            skipped.append(p)
        elif not is_own_result(p):
            found.append(p)
        elif not (out_dir is not None and p.name == SUMMARY_XLSX and same_file(p, Path(out_dir) / SUMMARY_XLSX)):
            skipped.append(p)
    skipped += left_out
    names = {p: _name_order(relative_name(_path_of(p), folder)) for p in found + skipped}
    return tuple(sorted(paths, key=names.__getitem__) for paths in (found, skipped))


def _sub_folders_not_read(sub_folders: list[Path], out_dir: Path | None) -> list[LeftOut]:
    """Without ``--recursive``, the sub-folders that hold workbooks directly (``LeftOut`` ``sub_folder``, with
    how many): an accountant keeping a folder per client, or last month's in « archives », is told they were
    not read rather than seeing fewer enterprises without a word. One level only: ``ei batch`` on a share's
    root must not walk its whole tree to say so (``--recursive`` does that, when asked). A sub-folder without
    workbooks of its own (``--out`` in the folder read: JSONs and ei's own summary.xlsx) or that cannot be
    listed is left out in silence, as before."""
    left_out = []
    for sub in sub_folders:
        try:
            held = len(list_workbooks(sub, out_dir, report_sub_folders=False)[0])
        except (OSError, EiError):
            continue
        if held:
            left_out.append(LeftOut(sub, "sub_folder", workbooks=held))
    return left_out


def _dangling_link(entry) -> bool:
    """``entry`` (an ``os.DirEntry`` under a workbook's name) is a symbolic link to nothing: a workbook moved,
    or on a share not connected. It is listed, and the reader reports it in error (« lien symbolique vers un
    fichier introuvable »), rather than left out without a word: its workbook was not processed. A link to
    a pipe or a device is not one (it exists): it is left out, as before, never opened."""
    import os

    return entry.is_symlink() and not os.path.exists(entry.path)


def _name_order(name: str) -> tuple[str, str]:
    """The key files are listed by: their name from the folder read without its accents, whatever its Unicode
    form, and case-folded (``schema.without_accents``: « Élan.xlsx » between « Beta » and « warn », named by
    Windows, NFC, or by a Mac, NFD; it came after « z », and an NFD name elsewhere than an NFC one); then
    the name itself, so that two names that differ only so keep one order. Spaces and punctuation count, not
    as ``schema.normalize_name`` compares enterprise names: « ei-012 (1).xlsx » stays beside « ei-012.xlsx »."""
    from ei_cli.workbook.schema import without_accents

    return without_accents(name).casefold(), name


def _one_per_file(paths: list[Path], folder: Path) -> tuple[list[Path], list[LeftOut]]:
    """Each file once: a symbolic (or hard) link to a workbook listed elsewhere in the folder
    (``client-b/staff-a.xlsx -> ../client-a/staff.xlsx``) is the same file — the same device and inode —
    and was read twice, its subsidies summed twice in the federation's total. The file is kept under its own
    name rather than a link's (then the first name in the folder's order); each other name is a ``LeftOut``
    ``same_file``. A file whose identity cannot be read (no inode number, as on some network shares) is
    kept."""
    import os

    def order(p: Path):
        return p.is_symlink(), _name_order(relative_name(p, folder))

    kept, same, seen = [], [], {}
    for p in sorted(paths, key=order):
        try:
            st = os.stat(p)
        except OSError:
            st = None
        key = (st.st_dev, st.st_ino) if st is not None and st.st_ino else None
        if key in seen:
            same.append(LeftOut(p, "same_file", same_as=seen[key]))
            continue
        kept.append(p)
        if key is not None:
            seen[key] = p
    return kept, same


def _path_of(item: Path | LeftOut) -> Path:
    """The path of an entry of ``list_workbooks``' lists."""
    return item.path if isinstance(item, LeftOut) else item


def is_own_result(path: Path) -> bool:
    """``path`` is a workbook ei wrote as a result: marked (``output.own_workbook_kind``), or a summary.xlsx
    of an ``ei batch`` from before the mark (``_unmarked_summary``)."""
    from ei_cli.output import own_workbook_kind

    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        return False
    return own_workbook_kind(path) is not None or (path.name == SUMMARY_XLSX and _unmarked_summary(path))


def _unmarked_summary(path: Path) -> bool:
    """A summary.xlsx that ``ei batch`` wrote before its workbooks were marked: one sheet, « Synthèse » or
    « Summary », holding every header of ``SUMMARY_COLUMNS`` in that language (as openpyxl wrote it, or
    as a spreadsheet program saved it again). An enterprise workbook has its Entreprise, Personnel and
    Paie sheets: it never looks like one."""
    import html
    import re
    import zipfile

    from ei_cli.workbook.ooxml import sheet_parts
    from ei_cli.workbook.sniff import ZIP_READ_ERRORS

    try:
        with zipfile.ZipFile(path) as archive:
            parts = sheet_parts(archive)
            if len(parts) != 1:
                return False
            (title, part), = parts.items()
            names = [part] + [n for n in ("xl/sharedStrings.xml",) if n in archive.namelist()]
            infos = [archive.getinfo(n) for n in names]
            if sum(i.file_size for i in infos) > 4 * 1024 * 1024:
                return False
            xml = b"".join(archive.read(i) for i in infos)
    except (KeyError, *ZIP_READ_ERRORS):
        return False
    texts = {html.unescape(m.decode("utf-8", "replace")) for m in re.findall(rb"<(?:\w+:)?t\b[^>]*>([^<]*)<", xml)}
    return any(title == sheet and {c[i] for c in SUMMARY_COLUMNS} <= texts
               for sheet, i in (("Synthèse", 1), ("Summary", 2)))


def refuse_foreign_summary(out_dir: Path | None) -> None:
    """Stop (exit 2, before any file is read or written) when the output folder holds a summary.xlsx
    that ei did not write: the batch would replace it (a workbook of the user's, perhaps one of the
    workbooks to read when the output folder is the input folder)."""
    import os

    if out_dir is None:
        return
    path = Path(out_dir) / SUMMARY_XLSX
    if os.path.lexists(path) and not (path.is_file() and is_own_result(path)):
        from ei_cli.problems import display_path

        path = display_path(path)
        raise EiError(t(
            f"Le dossier de sortie contient un {SUMMARY_XLSX} qu'ei n'a pas écrit ({path}) : ei batch le "
            "remplacerait par sa synthèse. Renommez-le ou déplacez-le, ou choisissez un autre dossier --out.",
            f"The output folder holds a {SUMMARY_XLSX} that ei did not write ({path}): ei batch would replace "
            "it with its summary. Rename or move it, or choose another --out folder."))


# ---------------------------------------------------------------------------------------- one run per folder
# Held by the run writing into an output folder (``output_lock``): a second ``ei batch`` into the same folder
# would mix its JSONs with the first's, and sweep the first's staged files on its own interruption. Hidden
# (a dot-name): never read as a workbook when the output folder is the input folder, nor swept as a stray.
LOCK_NAME = ".ei-batch.lock"
_LOCKED_ERRNOS = frozenset({"EACCES", "EAGAIN", "EWOULDBLOCK", "EDEADLK", "EDEADLOCK"})


class FolderBusy(EiError):
    """Another ``ei batch`` holds the output folder's lock."""


@contextmanager
def output_lock(out_dir: Path | None):
    """Within it, this process alone writes ``ei batch`` outputs into ``out_dir``: an exclusive lock on
    ``out_dir/LOCK_NAME`` (``fcntl.flock`` on POSIX, ``msvcrt.locking`` on Windows), taken without waiting.
    Held by another run: ``FolderBusy`` (exit 2), nothing written. The system drops such a lock when its
    process ends, however it ends: a lock file left by a killed run blocks nothing. The file is removed on
    leaving; a file system that cannot lock (ENOLCK) runs unlocked, as before."""
    import errno
    import os

    from ei_cli.output import discard_file, write_error

    if out_dir is None:
        yield
        return
    path = Path(out_dir) / LOCK_NAME
    while True:
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError as exc:
            raise write_error(path, exc) from exc
        try:
            _lock(fd)
        except OSError as exc:
            os.close(fd)
            if errno.errorcode.get(exc.errno or 0) in _LOCKED_ERRNOS:
                from ei_cli.problems import display_path

                shown = display_path(out_dir)
                raise FolderBusy(t(
                    f"Un autre ei batch écrit déjà dans ce dossier ({shown}) : attendez qu'il finisse, ou "
                    "choisissez un autre dossier --out.",
                    f"Another ei batch is already writing into this folder ({shown}): wait for it to finish, or "
                    "choose another --out folder.")) from None
            yield   # no lock to be had on this file system
            return
        # Locked: still the file under that name? A run that was leaving may have removed it meanwhile.
        try:
            same = os.path.samestat(os.stat(path), os.fstat(fd))
        except OSError:
            same = False
        if same:
            break
        os.close(fd)
    try:
        yield
    finally:
        if sys.platform != "win32":
            discard_file(path)   # still held: no other run can be taking it right now
            os.close(fd)
        else:
            os.close(fd)         # an open file cannot be removed there; one another run opened stays
            discard_file(path)


def _lock(fd: int) -> None:
    """The exclusive lock on ``fd``, without waiting (OSError when held elsewhere)."""
    if sys.platform == "win32":
        import msvcrt

        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
    else:
        import fcntl

        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)


SKIPPED_OWN_RESULT = t("ignoré : {file} est un résultat écrit par ei, pas un classeur d'entreprise.",
                       "skipped: {file} is a result written by ei, not an enterprise workbook.")


def skipped_entry(path: Path | LeftOut, folder: Path | None = None) -> dict:
    """A file ``list_workbooks`` left out and reports: ``{file, reason, message}`` (skipped[] of the
    summary; the message is also the line on stderr). A ``.csv``: the reason and the advice of the
    reader, as ``ei validate notes.csv`` gives them (``csv_not_supported``: save it as .xlsx; or what
    the file turns out to be: an empty file, an old .xls renamed…). A result of ei: ``ei_output``. A
    ``LeftOut``: its reason (``unreadable_folder``, with the system's; ``same_file``, naming the file it
    is; ``sub_folder``, with how many workbooks it holds)."""
    name = relative_name(_path_of(path), folder)
    if isinstance(path, LeftOut) and path.reason == "same_file":
        other = relative_name(path.same_as, folder)
        return {"file": name, "reason": "same_file",
                "message": t(f"ignoré : {name} est le même fichier que {other} (un lien) : il n'est lu qu'une fois.",
                             f"skipped: {name} is the same file as {other} (a link): it is read only once.")}
    if isinstance(path, LeftOut) and path.reason == "sub_folder":
        from ei_cli.i18n import french_word

        held = plural(path.workbooks, "classeur", "workbook")
        return {"file": name, "reason": "sub_folder",
                "message": t(f"ignoré : le sous-dossier {name} contient directement {held.fr}, "
                             f"{french_word(path.workbooks, 'lu')} seulement avec --recursive.",
                             f"skipped: the sub-folder {name} directly holds {held.en}, read only with --recursive.")}
    if isinstance(path, LeftOut):
        from ei_cli.errors import system_reason

        reason = system_reason(path.error)
        return {"file": name, "reason": path.reason,
                "message": t(f"ignoré : le dossier {name} ne peut pas être lu ({reason.fr}) : ses classeurs ne sont "
                             "pas traités.",
                             f"skipped: the folder {name} cannot be read ({reason.en}): its workbooks are not "
                             "processed.")}
    if Path(path).suffix.lower() not in NOT_READ_SUFFIXES:
        return {"file": name, "reason": "ei_output", "message": SKIPPED_OWN_RESULT.format(file=name)}
    from ei_cli.workbook.sniff import sniff

    problem = sniff(Path(path), name).problems[0]
    advice = problem.message
    return {"file": name, "reason": problem.code,
            "message": t(f"ignoré : {name} : {advice.fr[:1].lower()}{advice.fr[1:]}",
                         f"skipped: {name}: {advice.en[:1].lower()}{advice.en[1:]}")}


def _from_folder(path: Path, folder: Path | None) -> Path:
    """``path`` from ``folder`` (``client-a/paie.xlsx``): the real name, to open or to quote in a command
    (``relative_name`` is its text for the outputs); ``path`` itself without a folder or outside it."""
    path = Path(path)
    if folder is not None:
        try:
            return path.relative_to(folder)
        except ValueError:
            pass
    return path


def relative_name(path: Path, folder: Path | None) -> str:
    """How a workbook is named in the outputs: its path from ``folder``, with ``/`` (``client-a/paie.xlsx``
    when the sub-folders are read; its file name for a workbook directly in ``folder``, or without one),
    as text (``problems.display_path``: a name that is not UTF-8 has U+FFFD for its odd bytes, in the
    documents and in its JSON's name alike)."""
    from ei_cli.problems import display_path

    path = Path(path)
    if folder is not None:
        try:
            return display_path(path.relative_to(folder).as_posix())
        except ValueError:
            pass
    return display_path(path.name)


def output_names(paths: Iterable[Path], folder: Path | None = None) -> list[str]:
    """One JSON file name per workbook, in the same sub-folder as the workbook (``relative_name``):
    ``<stem>.json``, or ``<name>.json`` when the stem is shared in that sub-folder (``a.xlsx`` and
    ``a.ods``) or would overwrite ``summary.json``; never the same name twice, even where only the case
    differs (one file on Windows and macOS): the later one then gets ``-2``, ``-3``… (``a.xlsx.xlsx``
    beside ``a.xlsx`` and ``a.ods``)."""
    from collections import Counter

    split = [relative_name(p, folder).rpartition("/")[::2] for p in paths]   # (sub-folder or "", file name)
    stems = Counter((sub.casefold(), Path(file).stem.casefold()) for sub, file in split)
    out, taken = [], set()
    for sub, file in split:
        stem = Path(file).stem
        shared = stems[sub.casefold(), stem.casefold()] > 1 or (not sub and f"{stem}.json".casefold() == SUMMARY_JSON)
        base = file if shared else stem
        name, n = f"{base}.json", 1
        while (sub.casefold(), name.casefold()) in taken:
            n += 1
            name = f"{base}-{n}.json"
        taken.add((sub.casefold(), name.casefold()))
        out.append(f"{sub}/{name}" if sub else name)
    return out


# ---------------------------------------------------------------------------------------- one file
def _run_checks(enterprise, regime, period, report) -> list:
    from ei_cli.rules.dashboard import run_checks

    return list(run_checks(enterprise, regime, period, report, only=None))


def _subsidies(enterprise, regime, year: int, report):
    from ei_cli.rules.subsidy import compute_subsidies

    return compute_subsidies(enterprise, regime, year, report)


def _number(x) -> float | None:
    if x is None or isinstance(x, bool):
        return None
    if isinstance(x, (int, float)):
        return x
    if isinstance(x, Decimal):
        return float(x)
    return None


def _verdicts(checks) -> dict:
    return {c.name: c.compliant for c in checks}


def _quota_share(checks):
    """The quota's share set beside its verdict, as the documents set it (``rules.quota.headline_year``:
    a failing earlier agrément year's; ``judged_share``: Brussels 2004's lowest judged month)."""
    for c in checks:
        if c.name == "quota":
            from ei_cli.rules.quota import headline_year, judged_share

            return judged_share(headline_year(c.details, c.compliant))
    return None


def _detail(checks, name: str, key: str):
    for c in checks:
        if c.name == name:
            return c.details.get(key)
    return None


def evaluate(path: Path, request: BatchRequest):
    """Read and evaluate one workbook (pure apart from reading it).

    Returns ``(document, outcome fields)``: the JSON document (``ei check`` + ``subsidy``; its
    ``problems`` already plain JSON values in ``request.lang``, the rest converted when it is written
    by ``compact_dumps``; only its ``problems`` when there is no output folder) and the figures of its
    summary row.
    """
    from ei_cli.output import base_document, jsonable
    from ei_cli.problems import has_errors, merged
    from ei_cli.regimes import select_regime
    from ei_cli.rules.dashboard import overall as overall_of_checks
    from ei_cli.rules.eligibility import assess_eligibility
    from ei_cli.workbook import read_workbook

    lang = request.lang
    name = relative_name(Path(path), request.folder)   # as files[].file: never the folder's path as typed
    result = read_workbook(Path(path), name)
    problems = list(result.problems)
    if has_errors(problems) or result.enterprise is None:
        return jsonable(base_document(CHECK_COMMAND, problems=problems), lang), {"readable": False}
    enterprise = result.enterprise
    period = request.period
    try:
        regime, regime_warnings = select_regime(enterprise, period, request.regime_id)
    except EiError as exc:
        from ei_cli.problems import error

        problems.append(error("regime_not_applicable", exc.message, file=name))
        doc = base_document(CHECK_COMMAND, enterprise=enterprise, period=period, problems=problems)
        return jsonable(doc, lang), {"readable": False, "enterprise": enterprise.name,
                                     "enterprise_number": enterprise.enterprise_number}
    problems += regime_warnings
    report = assess_eligibility(enterprise, regime)
    checks = _run_checks(enterprise, regime, period, report)
    problems += [p for c in checks for p in c.problems]
    sub_regime, sub_report = regime, report
    if request.month is not None:
        # The subsidies are those of the month's calendar year, as `ei subsidy --year` computes them: under
        # the regime of that year, not the one in force in the month (2017-05 is under wallonie-2003, the
        # year's claim under wallonie-2016).
        sub_regime, year_warnings = select_regime(enterprise, request.subsidy_period, request.regime_id)
        problems = merged(problems, year_warnings)
        if sub_regime.id != regime.id:
            sub_report = assess_eligibility(enterprise, sub_regime)
    subsidy = _subsidies(enterprise, sub_regime, request.subsidy_year, sub_report)
    compliant = overall_of_checks(checks)
    fields = {
        "readable": True,
        "enterprise": enterprise.name,
        "enterprise_number": enterprise.enterprise_number,
        "regime": regime.id,
        "compliant": compliant,
        "checks": _verdicts(checks),
        "not_applicable": [c.name for c in checks if not c.applicable],
        "provisional": [c.name for c in checks if c.details.get("provisional") is True],
        "quota_share": _number(_quota_share(checks)),
        "wage_ratio": _number(_detail(checks, "wages", "ratio")),
        "total_subsidy": _number(subsidy.total),
        "subsidy_complete": getattr(subsidy, "complete", None),
    }
    if request.explain:  # sent back to the main process: without the JSON fields (the quota's are a closure)
        fields["explained"] = tuple(replace(c, details={}, localized=None, problems=())
                                    for c in checks if c.compliant is not True and c.applicable)
    if request.out_dir is None:  # only the summary is wanted: skip building the full document
        return {"problems": jsonable(problems, lang)}, fields
    doc = base_document(CHECK_COMMAND, enterprise=enterprise, regime=regime, period=period, compliant=compliant,
                        problems=jsonable(problems, lang), checks=[c.to_dict(lang) for c in checks],
                        subsidy=subsidy.to_dict(lang))
    return doc, fields


def process_file(path: Path, request: BatchRequest, json_name: str) -> tuple[FileOutcome, Path | None]:
    """One workbook end to end; never raises for a problem of that file (a bug is recorded too).

    Returns its outcome and, with an output folder, its JSON *staged* (``output.stage_file``: written
    beside ``<out>/<json_name>``, not yet flushed nor renamed), for the caller to publish with
    ``output.commit_file`` (``run_batch`` does it while the next files are computed).
    """
    path = Path(path)
    with _one_collection():
        try:
            doc, fields = evaluate(path, request)
        except MemoryError:  # not a bug: the system's limit (``ulimit -v``, a container), this file's error
            return _failed(path, request, json_name, "system_error", t(
                "Mémoire insuffisante pour traiter ce classeur : fermez d'autres programmes, ou relancez avec un "
                "--jobs plus petit.",
                "Out of memory for this workbook: close other programs, or run again with a smaller --jobs."))
        except Exception as exc:  # a bug on one file must not cost the others their results
            from ei_cli.app import state

            if state.get("debug"):
                raise
            # The command that shows the trace: --debug is ei's own option (before the command), the file
            # by its path from the folder read (run from that folder: its path as typed is not written in the
            # outputs, docs/interpretations.md « Noms des résultats »), the period of the batch.
            from ei_cli.output import shell_quote

            options = f"{shell_quote(_from_folder(path, request.folder))} --year {request.subsidy_year}" + (
                f" --regime {request.regime_id}" if request.regime_id else "")
            check, subsidy = f"ei --debug check {options}", f"ei --debug subsidy {options}"
            return _failed(path, request, json_name, "internal_error", t(
                f"Erreur interne ({type(exc).__name__}) sur ce classeur ; depuis le dossier lu, relancez « {check} » "
                f"et « {subsidy} » pour voir la trace, et signalez-la.",
                f"Internal error ({type(exc).__name__}) on this workbook; from the folder read, run “{check}” and "
                f"“{subsidy}” to see the trace, and report it."))
        return _outcome(path, request, json_name, doc, fields)


def _failed(path: Path, request: BatchRequest, json_name: str, code: str, message: Text):
    """The outcome (and staged JSON) of a file that could not be evaluated at all: one error."""
    from ei_cli.output import base_document, jsonable
    from ei_cli.problems import error

    problem = error(code, message, file=relative_name(path, request.folder))
    doc = jsonable(base_document(CHECK_COMMAND, problems=[problem]), request.lang)
    return _outcome(path, request, json_name, doc, {"readable": False})


def _outcome(path: Path, request: BatchRequest, json_name: str, doc: dict, fields: dict):
    """The file's ``FileOutcome`` and its JSON staged. When the system refuses to write that JSON (a name
    too long, no permission in its sub-folder), the refusal becomes the file's error (``system_error``,
    naming the JSON; the file in error, exit 2 at the end) and the other files go on: the old code
    stopped the whole run there. The refusal names the JSON as ``files[].json_name`` does, from --out (never
    the folders' paths as typed)."""
    from ei_cli.output import WriteRefused, compact_dumps, stage_file

    staged = output = None
    problems = doc["problems"]
    if request.out_dir is not None:
        try:
            staged = stage_file(Path(request.out_dir) / json_name, compact_dumps(doc, request.lang),
                                name=Path(json_name))
            output = json_name
        except WriteRefused as exc:
            from ei_cli.problems import error

            problems = [*problems, error("system_error", exc.message,
                                         file=relative_name(path, request.folder)).to_dict(request.lang)]
            fields = {**fields, "readable": False}
    errors = sum(1 for p in problems if p["severity"] == "error")
    outcome = FileOutcome(file=relative_name(path, request.folder), output=output, problems=problems, errors=errors,
                          warnings=len(problems) - errors, json_name=json_name if request.out_dir is not None else None,
                          **fields)
    return outcome, staged


@contextmanager
def _one_collection():
    """No automatic garbage collection while one workbook is processed; one collection after it.

    A workbook makes some 10^5 short-lived objects and, measured on the benchmark's 114 files, not one
    reference cycle: the collections they trigger only walk the rows still being read, again and again
    (a few per cent of a batch). The collection at the end (of the objects made since the last one, so
    it stays cheap) still frees any cycle an error path may leave. Left as found if already disabled.
    """
    import gc

    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
        gc.collect(0)


class _Publisher:
    """Publishes the per-file JSONs of a run all together, once every one is staged and flushed.

    While the workers go on computing, a few threads of the main process flush each staged JSON to disk
    (``output.flush_file``, fsync: it waits for the disk, not for a CPU). On leaving a run that ended
    well, the previous run's summaries are removed and every JSON is renamed to its name
    (``output.commit_file``, already flushed): some 15 ms for a federation, Ctrl-C and SIGTERM only
    noted meanwhile (``_interruptions_noted``) and acted on after the last rename. So a re-run interrupted,
    or failing, while its files are processed leaves the previous run's outputs as they were, JSONs and
    summaries (issue 7: « re-runs replace outputs atomically »; the old code published each JSON as it
    came and, interrupted, left a folder of two runs' JSONs and no summary); from the renames on, the
    folder holds this run's JSONs, and its summaries once written — an interruption in between leaves
    none, never the previous run's vouching for JSONs they do not describe.

    On leaving after an exception (an interruption, a failure), or when a flush failed, nothing is
    renamed: every temporary file is removed, and a flush's failure raised.
    """

    THREADS = 4  # fsyncs in flight at once; more gains nothing measurable on one disk

    def __init__(self, out_dir: Path | None):
        self._out_dir = out_dir
        self._pool = None
        self._pending: list = []   # (future of the flush, temporary file, final path)

    def publish(self, staged: Path | None, name: str) -> None:
        if staged is None:
            return
        from ei_cli.output import flush_file

        if self._pool is None:
            from concurrent.futures import ThreadPoolExecutor

            self._pool = ThreadPoolExecutor(max_workers=self.THREADS, thread_name_prefix="ei-publish")
        path = Path(self._out_dir) / name
        self._pending.append((self._pool.submit(flush_file, staged, path), staged, path))

    def settle(self) -> None:
        """Wait for every flush under way and end the threads; the next ``publish`` starts them again.

        Called before worker processes are forked (``_run_in_workers``): a process forked while other
        threads run gets only the forking thread, and a lock one of them held at that moment (an open
        file's, the allocator's) stays held for ever in the child — Python 3.12 and later warn « This
        process is multi-threaded, use of fork() may lead to deadlocks in the child ». The flushes'
        failures stay noted and are raised on leaving, as before."""
        if self._pool is not None:
            self._pool.shutdown(wait=True)
            self._pool = None

    def _rename_all(self) -> None:
        """Every flushed JSON to its name, the previous run's summaries removed first; an interruption
        meanwhile is acted on after the last rename. A rename refused (rare: the same folder) stops there,
        the other temporary files removed, and raises."""
        from ei_cli.output import commit_file, discard_file

        done = 0
        try:
            with _interruptions_noted():
                _drop_stale_summaries(self._out_dir)
                for _, staged, path in self._pending:
                    commit_file(staged, path, flushed=True)
                    done += 1
        finally:
            for _, staged, _ in self._pending[done:]:
                discard_file(staged)
        _stop_if_interrupted()

    def __enter__(self) -> _Publisher:
        return self

    def __exit__(self, kind, exc, tb) -> None:
        from ei_cli.output import discard_file

        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=kind is not None)
        failure = None
        if kind is None:
            failure = next(filter(None, (f.exception() for f, _, _ in self._pending)), None)
            if failure is None:
                if self._pending:
                    self._rename_all()
                return
        for _, staged, _ in self._pending:
            discard_file(staged)
        if failure is not None:
            raise failure


# On Windows ProcessPoolExecutor takes at most 61 worker processes (it waits on their handles at once,
# WaitForMultipleObjects' limit; Python's documentation of concurrent.futures): more raise ValueError.
WINDOWS_MAX_WORKERS = 61


# File descriptors: each worker process keeps two in the main process (its pipe to it and its sentinel, four
# while it starts); the main process keeps some for itself (the pool's queues, the publishing threads'
# files, summary.xlsx, the standard streams, imports).
FDS_PER_WORKER = 2
FDS_RESERVED = 32


def default_jobs(n_files: int, jobs: int | None = None) -> int:
    """The worker processes of a run: ``jobs`` (``--jobs``) or, when not given, one per CPU the process may use
    (the CPUs it may run on, at most the CPU time a container's limit gives it: ``_cpus_the_quota_allows``);
    never more than there are files, nor on Windows than ``WINDOWS_MAX_WORKERS`` (``--jobs 64`` there, or 64 CPUs,
    ended in « Erreur interne (ValueError) »), nor than the open files allowed take (``_jobs_the_fds_allow``:
    ``--jobs 64`` under ``ulimit -n 100`` failed part-way through starting them, then hung)."""
    import os
    import sys

    if jobs is None:
        jobs = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
        jobs = min(jobs, _cpus_the_quota_allows())
    if sys.platform == "win32":
        jobs = min(jobs, WINDOWS_MAX_WORKERS)
    return max(1, min(jobs, n_files, _jobs_the_fds_allow()))


def _cpus_the_quota_allows(root: Path = Path("/sys/fs/cgroup"), membership: Path = Path("/proc/self/cgroup")
                           ) -> int | float:
    """The CPUs' worth of time a CPU-bandwidth limit gives this process (Linux control groups: ``docker run --cpus
    2``, a Kubernetes CPU limit, systemd's ``CPUQuota=``): its quota over its period, rounded up (2.5 CPUs: 3), the
    smallest of its control group's and its ancestors'; no limit found (none set, another system, files that
    cannot be read): no cap. Under such a limit the host's CPUs are all still listed as usable: on a 32-CPU host a
    ``--cpus 2`` container forked 32 workers that shared two CPUs' time — no faster than two, each its own copy of
    the process in memory, enough to exhaust a small container's. Read as cgroup v2 (``cpu.max``: « 200000
    100000 », or « max 100000 » for none) and v1 (``cpu.cfs_quota_us``, -1 for none, and ``cpu.cfs_period_us``),
    from the process's own group (``membership``) up to the hierarchy's root, and at the root as a container
    mounts its own group there."""
    import math

    try:
        lines = membership.read_text(encoding="utf-8").splitlines()
    except (OSError, ValueError):
        return float("inf")
    limits: list[int] = []
    for line in lines:   # « hierarchy:controllers:path »; cgroup v2's is « 0::/path »
        parts = line.split(":", 2)
        if len(parts) != 3:
            continue
        controllers, group = parts[1], parts[2].strip("/")
        if ".." in group.split("/"):   # a group outside this cgroup namespace: the container's is at the root
            group = ""
        try:
            if controllers == "":
                bases = [root] if (root / "cgroup.controllers").is_file() else []
            elif "cpu" in controllers.split(","):
                bases = [root / controllers, root / "cpu"]   # « cpu,cpuacct », or its usual link « cpu »
            else:
                continue
            for base in dict.fromkeys(b for b in bases if b.is_dir()):
                folder = base / group if group else base
                # The group, then each ancestor up to the hierarchy's root (``base``), never above it.
                for directory in [folder, *folder.parents][:len(folder.relative_to(base).parts) + 1]:
                    quota = _cpu_quota(directory)
                    if quota is not None:
                        limits.append(math.ceil(quota[0] / quota[1]))
        except OSError:   # a folder the system will not show: no limit read there
            continue
    return max(1, min(limits)) if limits else float("inf")


def _cpu_quota(directory: Path) -> tuple[int, int] | None:
    """(quota, period) in microseconds of a control group's CPU bandwidth limit; None for none (or none readable)."""
    try:
        if (directory / "cpu.max").is_file():
            quota, period = (directory / "cpu.max").read_text(encoding="ascii").split()[:2]
        elif (directory / "cpu.cfs_quota_us").is_file():
            quota = (directory / "cpu.cfs_quota_us").read_text(encoding="ascii").strip()
            period = (directory / "cpu.cfs_period_us").read_text(encoding="ascii").strip()
        else:
            return None
        if quota == "max" or int(quota) <= 0 or int(period) <= 0:
            return None
        return int(quota), int(period)
    except (OSError, ValueError):
        return None


def _jobs_the_fds_allow() -> int | float:
    """How many worker processes the limit of open files (``RLIMIT_NOFILE``'s soft limit, POSIX) leaves room
    for, beside the files open now and ``FDS_RESERVED``; no limit known (Windows): no cap. At least 1: one
    worker is the main process itself."""
    import os

    try:
        import resource

        limit = resource.getrlimit(resource.RLIMIT_NOFILE)[0]
    except (ImportError, OSError, ValueError):
        return float("inf")
    if limit == resource.RLIM_INFINITY or limit < 0:
        return float("inf")
    try:
        open_now = len(os.listdir("/proc/self/fd" if os.path.isdir("/proc/self/fd") else "/dev/fd"))
    except OSError:
        open_now = FDS_RESERVED
    return max(1, (limit - open_now - FDS_RESERVED) // FDS_PER_WORKER)


def _load_rules() -> None:
    """Import the reader and the rules, and load the regimes, once, before the workers are started.

    Where processes are forked (Linux, ``_pool_context``) each worker inherits them instead of doing it again.
    """
    import importlib

    import ei_cli.rules.eligibility  # noqa: F401
    import ei_cli.rules.subsidy  # noqa: F401
    import ei_cli.workbook  # noqa: F401
    from ei_cli.regimes import all_regimes
    from ei_cli.rules.dashboard import CHECK_NAMES

    for name in CHECK_NAMES:
        importlib.import_module(f"ei_cli.rules.{name}")
    all_regimes()


def _prefetch_writer(request: BatchRequest) -> None:
    """While the workers read, import and load what summary.xlsx will need: openpyxl, and the « À propos »
    sheet's date as the documents write it (``produced_text``: ei_cli.documents, babel and its French data, ~70 ms).
    Done after the workers, they were a wait at the end of every run (docs/performance.md)."""
    if request.out_dir is not None:
        _import_openpyxl()
        from ei_cli.render.subsidy import produced_text

        produced_text(request.lang)


def _import_openpyxl() -> None:
    """Import openpyxl without numpy, which is 40 % of its import time (docs/performance.md).

    openpyxl imports numpy only to accept numpy numbers in cells, and summary.xlsx holds Python
    values only. A ``None`` in ``sys.modules`` makes ``import numpy`` fail inside openpyxl, which
    then goes without; the entry is removed at once, so numpy can still be imported later. Nothing
    changes when openpyxl or numpy is already imported.
    """
    import sys

    if "openpyxl" in sys.modules or "numpy" in sys.modules:
        return
    sys.modules["numpy"] = None  # type: ignore[assignment]
    try:
        import openpyxl  # noqa: F401
    finally:
        del sys.modules["numpy"]


def run_batch(paths: list[Path], request: BatchRequest, jobs: int | None = None,
              advance: Callable[[FileOutcome], None] | None = None) -> list[FileOutcome]:
    """Every workbook; results in the order of ``paths`` whatever ``jobs`` is (None: one per CPU).

    Every per-file JSON is published (flushed and renamed) before this returns.
    """
    from contextlib import ExitStack

    from ei_cli.output import output_folder

    names = output_names(paths, request.folder)
    jobs = default_jobs(len(paths), jobs)
    with ExitStack() as folders:
        if request.out_dir is not None:
            # The outputs of the sub-folders' workbooks go to the same sub-folders. Those this run makes are
            # removed again, with the JSONs it published there, if it fails or is interrupted while the files
            # are processed (``output_folder``): an interrupted --recursive run into an existing folder left
            # them behind, empty or with a part of the results.
            for sub in sorted({name.rpartition("/")[0] for name in names} - {""}):
                folders.enter_context(output_folder(Path(request.out_dir) / sub))
        return _run_all(paths, names, request, jobs, advance)


def _run_all(paths, names, request, jobs, advance) -> list[FileOutcome]:
    """``run_batch`` once the output sub-folders are made."""
    # Left by a killed run (SIGKILL; on Windows, any end by the Task Scheduler or Stop-Process), summaries too.
    _discard_strays(request.out_dir, [*names, SUMMARY_JSON, SUMMARY_XLSX], older_than=STALE_STAGED_SECONDS)
    publisher = _Publisher(request.out_dir)
    try:
        with publisher:
            if jobs <= 1:
                return _run_here(paths, names, request, publisher, advance)
            return _run_in_workers(paths, names, request, jobs, publisher, advance)
    except BaseException:
        # Interrupted or failed: what was staged and will never be published is removed (a file can
        # be staged and not yet handed to the publisher when the interruption comes). The previous run's
        # outputs are as they were: nothing is published before every file is done (``_Publisher``).
        _discard_strays(request.out_dir, names)
        raise


def _drop_stale_summaries(out_dir: Path | None) -> None:
    """Remove summary.json and ei's own summary.xlsx from ``out_dir`` (``refuse_foreign_summary`` has made
    sure before the run that a summary.xlsx there is ei's)."""
    if out_dir is None:
        return
    for name in (SUMMARY_JSON, SUMMARY_XLSX):
        path = Path(out_dir) / name
        if name == SUMMARY_XLSX and path.exists() and not is_own_result(path):
            continue
        try:
            path.unlink()
        except OSError:  # absent, or not removable: nothing more to do while stopping
            pass


def _run_here(paths, names, request, publisher, advance) -> list[FileOutcome]:
    outcomes = []
    for p, n in zip(paths, names):
        outcome, staged = process_file(p, request, n)
        publisher.publish(staged, n)
        _stop_if_interrupted()
        outcomes.append(outcome)
        if advance:
            advance(outcome)
    return outcomes


def _run_in_workers(paths, names, request, jobs, publisher, advance) -> list[FileOutcome]:
    _load_rules()
    results: list[FileOutcome | None] = [None] * len(paths)

    def collect(i: int, outcome: FileOutcome, staged: Path | None) -> None:
        results[i] = outcome
        publisher.publish(staged, names[i])
        _stop_if_interrupted()
        if advance:
            advance(outcome)

    lost = _run_pool(range(len(paths)), paths, names, request, jobs, collect, prefetch=True)
    if lost:
        # A worker process died: a crash inside the spreadsheet parser (compiled code, nothing Python
        # can catch) takes the files handed to every worker with it. Each is run again alone, in its
        # own process: the others get their results, and only the file that crashes again is reported.
        _discard_strays(request.out_dir, [names[i] for i in lost])
        for i in lost:
            publisher.settle()   # no publishing thread alive when the next pool forks its worker
            if _run_pool([i], paths, names, request, 1, collect, prefetch=False):
                collect(i, *_failed(Path(paths[i]), request, names[i], "reader_crashed", t(
                    "Le lecteur de classeurs s'est arrêté net sur ce fichier : ouvrez-le dans votre tableur, "
                    "enregistrez-le à nouveau en .xlsx et relancez ; si cela se reproduit, signalez-le.",
                    "The workbook reader stopped dead on this file: open it in your spreadsheet program, save it "
                    "again as .xlsx and run again; if it happens again, report it.")))
    return [r for r in results if r is not None]


def _run_pool(indices, paths, names, request, jobs: int, collect, prefetch: bool) -> list[int]:
    """``process_file`` for the files ``indices`` in ``jobs`` worker processes, each result handed to
    ``collect`` as it comes; returns the files lost because a worker process died."""
    from concurrent.futures import ProcessPoolExecutor, as_completed
    from concurrent.futures.process import BrokenProcessPool

    import os

    lost = []
    with _interruptions_noted(), ProcessPoolExecutor(max_workers=jobs, mp_context=_pool_context(),
                                                     initializer=_worker_start, initargs=(os.getpid(),)) as pool:
        try:
            futures = {pool.submit(process_file, paths[i], request, names[i]): i for i in indices}
        except BaseException:
            _stop_workers(pool)
            raise
        try:
            if prefetch:
                _prefetch_writer(request)
            for future in as_completed(futures):
                i = futures[future]
                try:
                    outcome, staged = future.result()
                except BrokenProcessPool:
                    lost.append(i)
                    continue
                collect(i, outcome, staged)   # stops there when interrupted (``_stop_if_interrupted``)
            _stop_if_interrupted()            # (also when the last results came in meanwhile)
        except BaseException:
            # The files not started are dropped; the few already handed to a worker end within
            # milliseconds each (what they stage is then removed by ``run_batch``).
            pool.shutdown(wait=True, cancel_futures=True)
            raise
    return sorted(lost)


def _pool_context():
    """How the worker processes start: forked on Linux, whatever the process-wide default is; elsewhere
    (spawn on macOS and Windows) the platform's default, None.

    The workers are meant to be forked where the platform forks: they inherit the rules loaded once
    (``_load_rules``) and the noting signal handlers (``_interruptions_noted``), and ``_end_with_parent``
    takes ei's process for their parent. Python 3.14 starts them by default, on Linux, from a
    « forkserver », which is then their parent: every worker ended itself at once, and ``ei batch``
    reported every workbook « reader_crashed » (exit 2)."""
    import multiprocessing

    if sys.platform.startswith("linux"):
        return multiprocessing.get_context("fork")
    return None


def _stop_workers(pool) -> None:
    """The pool failed while starting its workers (too many open files, no memory left to fork): those
    already started wait for work that will never come, and multiprocessing's exit handler waited for them
    forever. They are killed (SIGKILL: one that has not yet run ``_worker_signals`` only notes a SIGTERM,
    with the handler it inherited) and the pool shut down; ``run_batch`` removes anything they staged."""
    processes = list((getattr(pool, "_processes", None) or {}).values())
    for process in processes:
        try:
            process.kill()
        except (OSError, ValueError):
            pass
    for process in processes:
        try:
            process.join(5)
        except (OSError, ValueError):
            pass
    pool.shutdown(wait=False, cancel_futures=True)


class _interruptions_noted:
    """While the worker pool runs, Ctrl-C, Ctrl-Break and SIGTERM (``app.interruption_signals``) only note
    the interruption (``state["interrupted"]``); ``_run_pool`` stops at its next look
    (``_stop_if_interrupted``, after each result: a file takes some 10 ms).

    ``cli._interrupt`` raises KeyboardInterrupt wherever the main thread is: inside concurrent.futures'
    own code it could leave the pool's manager thread dead (« OSError: handle is closed ») and the
    workers waiting for work forever, the batch hanging at exit with its staged files left (1 Ctrl-C
    in ~40). The workers, forked inside this block, inherit the noting handler until ``_worker_signals``
    ignores Ctrl-C in them: one landing while they start notes a flag there, harmlessly.
    """

    def __enter__(self):
        import signal
        import threading

        from ei_cli.app import interruption_signals

        self._previous = {}
        if threading.current_thread() is threading.main_thread():
            for sig in interruption_signals():
                self._previous[sig] = signal.signal(sig, _note_interruption)
        return self

    def __exit__(self, *exc) -> None:
        import signal

        for sig, handler in self._previous.items():
            signal.signal(sig, handler)


def _note_interruption(signum, frame) -> None:
    from ei_cli.app import state

    state["interrupted"] = True


def _stop_if_interrupted() -> None:
    """An interruption whose KeyboardInterrupt was lost on the way (``cli._interrupt``) stops the batch
    at the next file."""
    from ei_cli.app import state

    if state["interrupted"]:
        raise KeyboardInterrupt


def _worker_start(parent: int) -> None:
    """The initialiser of every worker process: its signals (``_worker_signals``), and its end with the
    main process (``_end_with_parent``)."""
    _worker_signals()
    _end_with_parent(parent)


# prctl(2)'s option: the signal the process receives when its parent ends (Linux only).
_PR_SET_PDEATHSIG = 1


def _end_with_parent(parent: int) -> None:
    """On Linux, the worker gets SIGTERM (its default action: it ends) when the main process ends, however
    it ends: a SIGKILL (the OOM killer, ``timeout -s KILL``, systemd past its stop timeout) left the workers
    running forever. Where prctl is not to be had (macOS, Windows, no libc), nothing is done. A main process
    already gone before the call (its pid no longer the parent's) ends the worker at once."""
    import os
    import signal

    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        if libc.prctl(_PR_SET_PDEATHSIG, int(signal.SIGTERM), 0, 0, 0) != 0:
            return
    except (OSError, AttributeError, ImportError):
        return
    if os.getppid() != parent:
        os.kill(os.getpid(), signal.SIGTERM)


def _worker_signals() -> None:
    """Ctrl-C (and Ctrl-Break on Windows: ``app.console_signals``) reaches every process of the
    terminal's group: only the main process handles it (it stops the batch), so a worker never dies
    with a traceback in the middle of a file. SIGTERM gets back its default action (the main process
    turns it into an interruption, ``cli.console_script``; a worker is only ever terminated by the pool
    itself)."""
    import signal

    from ei_cli.app import console_signals

    for sig in console_signals():
        signal.signal(sig, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


# A staged file is published within seconds; one older than this was left by a run killed outright
# (SIGKILL, the machine stopping), which nothing can clean up at the time.
STALE_STAGED_SECONDS = 3600


def _discard_strays(out_dir: Path | None, names: list[str], older_than: float | None = None) -> None:
    """The files staged for ``names`` (``.<name>.XXXXXXXX.tmp``, ``output.stage_file``, a long name cut by
    ``output.staged_stem``; in the sub-folder of the output folder a name may hold) that nobody will
    publish: after an interruption, all of them;
    at the start of a run, those older than ``older_than`` seconds (a younger one may belong to another
    run writing to the same folder right now)."""
    import time

    if out_dir is None:
        return
    wanted: dict[str, set[str]] = {}   # sub-folder ("" for the output folder itself) → its outputs
    for full in names:
        sub, _, name = full.rpartition("/")
        wanted.setdefault(sub, set()).add(name)
    limit = None if older_than is None else time.time() - older_than
    for sub, sub_names in wanted.items():
        _discard_strays_in(Path(out_dir) / sub, sub_names, limit)


def _discard_strays_in(folder: Path, names: set[str], limit: float | None) -> None:
    """``_discard_strays`` in one folder: one ``scandir``; ``limit``: only files modified before it."""
    import os

    from ei_cli.output import discard_file, staged_stem

    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    stems = {staged_stem(name) for name in names}
    for entry in entries:
        hidden = entry.name
        if not (hidden.startswith(".") and hidden.endswith(".tmp")):
            continue
        name, _, random_part = hidden[1:-4].rpartition(".")  # mkstemp's 8 characters hold no dot
        if name not in stems or len(random_part) != 8:
            continue
        try:
            if limit is not None and entry.stat(follow_symlinks=False).st_mtime > limit:
                continue
        except OSError:
            continue
        discard_file(Path(entry.path))


# ---------------------------------------------------------------------------------------- summary
def batch_exit_code(outcomes: Iterable[FileOutcome], strict: bool = False) -> ExitCode:
    """2 if any file was unreadable, else 1 if any is not compliant (or unknown with ``strict``), else 0."""
    outcomes = list(outcomes)
    if any(not o.readable for o in outcomes):
        return ExitCode.BAD_INPUT
    if any(o.compliant is False or (o.compliant is None and strict and not nothing_applies_to(o)) for o in outcomes):
        return ExitCode.NOT_COMPLIANT
    return ExitCode.OK


def nothing_applies_to(o: FileOutcome) -> bool:
    """No obligation of the agrément applies to the file's period (``rules.dashboard.nothing_applies``)."""
    from ei_cli.rules.dashboard import nothing_applies

    return nothing_applies((name, name not in o.not_applicable, verdict) for name, verdict in o.checks.items())


def overall(outcomes: Iterable[FileOutcome]) -> bool | None:
    """False if any file is not compliant, else None if any is unknown or unreadable, else True."""
    outcomes = list(outcomes)
    if any(o.readable and o.compliant is False for o in outcomes):
        return False
    if any(not o.readable or o.compliant is None for o in outcomes):
        return None
    return True


def counts(outcomes: Iterable[FileOutcome], strict: bool = False) -> dict:
    outcomes = list(outcomes)
    read = [o for o in outcomes if o.readable]
    known = [Decimal(str(o.total_subsidy)) for o in read if o.total_subsidy is not None]
    return {
        "files": len(outcomes),
        "unreadable": len(outcomes) - len(read),
        "compliant": sum(1 for o in read if o.compliant is True),
        "not_compliant": sum(1 for o in read if o.compliant is False),
        # Every readable file whose verdict is null, as before ``not_applicable`` was added:
        # compliant + not_compliant + unknown + unreadable == files (spec/cli.md).
        "unknown": sum(1 for o in read if o.compliant is None),
        # added: those of the unknown files whose period no obligation of the agrément concerns (« non
        # applicable »), a subset of ``unknown``, never counted twice
        "not_applicable": sum(1 for o in read if o.compliant is None and nothing_applies_to(o)),
        # Sum of the files whose total is known; None when no file has one.
        "total_subsidy": float(sum(known, Decimal(0))) if known else None,
        "exit_code": int(batch_exit_code(outcomes, strict)),
    }


def summary_document(outcomes: list[FileOutcome], request: BatchRequest, strict: bool = False,
                     skipped: Iterable[dict] = (), removed: Iterable[str] = ()) -> dict:
    """The batch document (``summary.json``, and stdout with ``--format json``).

    ``problems`` at the top level are the errors of the unreadable files; ``files[]`` has one entry
    per workbook with every problem of that workbook; ``skipped[]`` the files ``list_workbooks`` left
    out and reports, each ``skipped_entry``: ``{file, reason, message}`` (reason ``ei_output`` for a
    result of ei, the reader's code for a ``.csv``, ``unreadable_folder`` for a sub-folder that could not
    be listed, ``sub_folder`` for one holding workbooks not read without ``--recursive``, ``same_file``
    for a link to a workbook already read); ``removed_outputs`` the per-file JSONs of the previous run
    removed because their workbook is no longer read (``remove_outputs_not_written``); ``input_folder_id`` the
    folder read, as a digest (``folder_identity``: what says whether a later run reads the same one);
    ``same_enterprise`` the workbooks read that are one enterprise (``same_enterprise``), a warning only.
    """
    from ei_cli.output import base_document

    errors = [p for o in outcomes if not o.readable for p in o.problems if p["severity"] == "error"]
    return base_document(
        "batch", period=request.period, compliant=overall(outcomes), problems=errors,
        year=request.year, month=str(request.month) if request.month else None,
        subsidy_year=request.subsidy_year, forced_regime=request.regime_id,
        files=[o.to_dict() for o in outcomes],
        skipped=list(skipped),
        summary=counts(outcomes, strict),
        removed_outputs=list(removed),
        input_folder_id=folder_identity(request.folder),
        same_enterprise=same_enterprise(outcomes))


def same_enterprise(outcomes: Iterable[FileOutcome]) -> list[dict]:
    """The workbooks of the folder that are one enterprise, read more than once (last month's workbook kept
    beside this month's, a copy, an .ods export beside the .xlsx): the summary's total counts its subsidies once
    per file. One group per enterprise, ``{files, enterprise, enterprise_number, by, message}`` (summary.json's
    ``same_enterprise``; the message is also the line on stderr; « À propos » says it of its column, there being no
    total row in summary.xlsx: ``_same_enterprise_message``), in the order of
    the files; only the files read (an unreadable file has no figures to count twice).

    Same enterprise (docs/interpretations.md, « Même entreprise dans le dossier »): the same BCE number
    (``by`` ``enterprise_number``); or, where a workbook gives none, the same name once case, accents,
    punctuation and spaces are left out (``schema.normalize_name``; ``by`` ``name``) — joined to the files
    of the one BCE number that name has in the folder. Two different BCE numbers are never one enterprise:
    a name that two BCE numbers carry attributes a workbook without one to neither (those without one are
    then grouped among themselves). One pass, a dict by key: nothing measurable for a federation."""
    from ei_cli.workbook.schema import normalize_name

    read = [o for o in outcomes if o.readable and o.enterprise is not None]
    by_number: dict[str, list[int]] = {}   # BCE number → the files (indices in ``read``) that give it
    by_name: dict[str, list[int]] = {}     # normalised name → the files of that name
    for i, o in enumerate(read):
        if o.enterprise_number:
            by_number.setdefault(o.enterprise_number, []).append(i)
        key = normalize_name(o.enterprise)
        if key:
            by_name.setdefault(key, []).append(i)
    groups = {number: (files, "enterprise_number") for number, files in by_number.items()}
    for key, files in by_name.items():
        without = [i for i in files if not read[i].enterprise_number]
        if not without:
            continue
        numbers = {read[i].enterprise_number for i in files} - {None, ""}
        if len(numbers) == 1:
            number = numbers.pop()
            groups[number] = (groups[number][0] + without, "name")
        else:
            groups[f"name:{key}"] = (without, "name")
    found = sorted((sorted(files), by) for files, by in groups.values() if len(files) > 1)
    return [_same_enterprise_group([read[i] for i in files], by) for files, by in found]


def _same_enterprise_group(files: list[FileOutcome], by: str) -> dict:
    """One entry of ``same_enterprise``: the files, the first one's enterprise name, the BCE number (None when none
    of them gives one), how they were told to be one (``by``) and the sentence that says it."""
    names = [o.file for o in files]
    name = files[0].enterprise
    number = next((o.enterprise_number for o in files if o.enterprise_number), None)
    return {"files": names, "enterprise": name, "enterprise_number": number, "by": by,
            "message": _same_enterprise_message(names, name, number, by)}


def _same_enterprise_message(files: list[str], name: str, number: str | None, by: str,
                             column: bool = False) -> Text:
    """« a.xlsx et b.xlsx : la même entreprise (BCE 0403.019.261) ; le total des subventions de la synthèse la
    compte 2 fois. » — every file read has its subsidy total (``FileOutcome.total_subsidy``), in the sum. With
    ``column`` (summary.xlsx's « À propos », whose sheet has no total row), what is true of the workbook:
    « … ; additionner la colonne « Subventions (€) » la compterait 2 fois. »"""
    from ei_cli.i18n import enumeration
    from ei_cli.workbook.cells import bce_text, shown

    listed, n = enumeration(files), len(files)
    if by == "enterprise_number":
        why = t(f"BCE {bce_text(number)}", f"BCE {bce_text(number)}")
    else:
        why = t(f"même nom, {shown(name)}, et pas de numéro BCE qui les distingue",
                f"same name, {shown(name, 'en')}, and no BCE number telling them apart")
    if column:
        header = summary_header("total_subsidy")
        counted = t(f"additionner la colonne « {header.fr} » la compterait {n} fois",
                    f"adding up the column “{header.en}” would count it {n} times")
    else:
        counted = t(f"le total des subventions de la synthèse la compte {n} fois",
                    f"the summary's subsidy total counts it {n} times")
    return t(f"{listed.fr} : la même entreprise ({why.fr}) ; {counted.fr}.",
             f"{listed.en}: the same enterprise ({why.en}); {counted.en}.")


IN_ERROR = t("en erreur", "in error")  # a workbook the reader refused (JSON: `unreadable`)
YES_NO = {True: t("oui", "yes"), False: t("non", "no")}

# Columns of summary.xlsx (and of the table): key, French header, English header. Scripts read the workbook
# by its headers, and ``_unmarked_summary`` knows a summary.xlsx from before the mark by them: a header is
# never renamed (« Taille / encadrement » also shows the legal form since it was judged), a column only
# added at the end.
SUMMARY_COLUMNS = (
    ("file", "Fichier", "File"),
    ("enterprise", "Entreprise", "Enterprise"),
    ("regime", "Régime", "Regime"),
    ("compliant", "Verdict global", "Overall verdict"),
    ("eligibility", "Éligibilité", "Eligibility"),
    ("quota", "Quota", "Quota"),
    ("wages", "Tension salariale", "Wage tension"),
    ("employment", "Conditions d'emploi", "Employment"),
    ("enterprise_size", "Taille / encadrement", "Size / supervision"),
    ("follow_up", "Suivi social", "Follow-up"),
    ("quota_share", "Part public cible", "Target share"),
    ("wage_ratio", "Rapport salarial", "Wage ratio"),
    ("total_subsidy", "Subventions (€)", "Subsidies (€)"),
    ("subsidy_complete", "Subventions complètes", "Subsidies complete"),
    ("problems", "Problèmes", "Problems"),
    ("errors", "Erreurs", "Errors"),
)
_CHECK_OF_COLUMN = {"eligibility": "eligibility", "quota": "quota", "wages": "wages",
                    "employment": "employment", "enterprise_size": "enterprise", "follow_up": "follow_up"}


def summary_header(key: str) -> Text:
    """The header of summary.xlsx's column ``key`` (``SUMMARY_COLUMNS``), French and English."""
    return next(t(fr, en) for k, fr, en in SUMMARY_COLUMNS if k == key)


def verdict_text(value: bool | None, lang: str = "fr") -> str:
    return VERDICT[value].get(lang)


def summary_row(o: FileOutcome, lang: str = "fr") -> list:
    """One row of summary.xlsx, in the order of SUMMARY_COLUMNS (verdicts as words, figures as numbers)."""
    row = []
    for key, _, _ in SUMMARY_COLUMNS:
        if key in ("file", "enterprise", "regime"):
            row.append(getattr(o, key))
        elif key == "compliant":
            row.append(IN_ERROR.get(lang) if not o.readable else
                       NOT_APPLICABLE.get(lang) if nothing_applies_to(o) else verdict_text(o.compliant, lang))
        elif key in _CHECK_OF_COLUMN:
            name = _CHECK_OF_COLUMN[key]
            if name in o.not_applicable:
                row.append(NOT_APPLICABLE.get(lang))
            else:
                row.append(verdict_text(o.checks[name], lang) if o.readable and name in o.checks else None)
        elif key == "problems":
            row.append(len(o.problems))
        elif key == "subsidy_complete":
            row.append(None if o.subsidy_complete is None else YES_NO[o.subsidy_complete].get(lang))
        else:
            row.append(getattr(o, key))
    return row


def write_summary_xlsx(path: Path, outcomes: list[FileOutcome], request: BatchRequest,
                       same_enterprise: Iterable[dict]) -> None:
    """summary.xlsx: one row per workbook, header frozen, auto-filter; written atomically (0600).
    ``same_enterprise``: the summary document's (``summary_document``), said in « À propos »."""
    from ei_cli.output import write_with

    def writer(tmp: BinaryIO) -> None:
        _import_openpyxl()
        from openpyxl import Workbook
        from openpyxl.styles import Font

        from ei_cli.output import fit_columns, mark_own_workbook, xlsx_cell

        lang = request.lang
        wb = Workbook()
        ws = wb.active
        ws.title = "Synthèse" if lang != "en" else "Summary"
        ws.append([fr if lang != "en" else en for _, fr, en in SUMMARY_COLUMNS])
        for cell in ws[1]:
            cell.font = Font(bold=True)
        for o in outcomes:
            ws.append([xlsx_cell(v) for v in summary_row(o, lang)])
        keys = [k for k, _, _ in SUMMARY_COLUMNS]
        # The cells hold the JSON's figures (share rounded down, ratio up, to 4 decimals); the formats show
        # them without rounding them again — « 0.0% » made a share of 0,6278 read 62,8 % (62,7 % everywhere
        # else) and « 0.00 » a ratio of 4,0001 read 4,00, the limit it exceeds.
        formats = {"quota_share": "0.0#%", "wage_ratio": "0.00##", "total_subsidy": '#,##0.00 "€"'}
        for key, fmt in formats.items():
            col = keys.index(key) + 1
            for (cell,) in ws.iter_rows(min_row=2, min_col=col, max_col=col):
                cell.number_format = fmt
        fit_columns(ws)
        ws.freeze_panes = "A2"
        ws.auto_filter.ref = ws.dimensions
        _about_sheet(wb, outcomes, request, same_enterprise)
        mark_own_workbook(wb, "summary")  # the next batch replaces it, and never reads it as a workbook
        wb.save(tmp)

    write_with(Path(path), writer)


def _about_sheet(wb, outcomes: list[FileOutcome], request: BatchRequest, same_enterprise: Iterable[dict]) -> None:
    """summary.xlsx's second sheet, « À propos » (« About »): what produced it and when, the period judged, the
    year whose subsidies « Subventions (€) » holds (``_subsidies_text``: a whole year, with ``--month`` too), and
    how far it is judged — its verdicts depend on the day (``periods.today``), as the claim workbook says in its
    « Document produit par » and « Données » rows (``render.subsidy.produced_text``). A sheet of its own: the first
    keeps one row per workbook, equal to the per-file JSONs.

    « Données » says what the files' outcomes show, not what the period's dates suggest: a period not begun or in
    progress (``rules.common.not_begun``, ``period_over``: today its last day at the latest — the deadlines are
    judged up to today), then how
    many files have a provisional verdict (``FileOutcome.provisional``) — a period over can have some (``ei batch
    --month 2026-10``: the agrément year running to 2027-02 is judged on its months so far), and their figures stop
    at each file's own horizon (``data_horizon``: the last Paie month, or the last month over when the payroll is
    behind), said in its JSON."""
    from openpyxl.styles import Font

    from ei_cli import periods
    from ei_cli.output import xlsx_cell
    from ei_cli.render.subsidy import produced_text

    lang, period, today = request.lang, request.period, periods.today().isoformat()
    over = False
    if not_begun(period):
        when = not_begun_text()
    elif not period_over(period):
        when = t(f"période en cours au {today} (date du jour) : les échéances sont jugées jusqu'à ce jour",
                 f"period in progress on {today} (today): the deadlines are judged up to today")
    else:
        when, over = t("période terminée", "period over"), True
    n = sum(1 for o in outcomes if o.provisional)
    if n:
        files = plural(n, "fichier a", "file has", "fichiers ont", "files have")
        data = t(f"{when.fr} ; {files.fr} un verdict provisoire (quota, taille ou part d'encadrement, tension "
                 "salariale mesurés sur une année pas encore terminée ou une paie incomplète, chacun jusqu'à "
                 "l'horizon de ses données : détail dans son JSON)",
                 f"{when.en}; {files.en} a provisional verdict (quota, size or supervision share, wage tension measured "
                 "on a year not over yet or an incomplete payroll, each up to its data's horizon: details in its JSON)")
    elif over:
        data = t("période terminée : chaque fichier est jugé sur toute la période, aucun verdict provisoire",
                 "period over: each file is judged on the whole period, no provisional verdict")
    else:
        data = t(f"{when.fr} ; aucun verdict provisoire", f"{when.en}; no provisional verdict")
    ws = wb.create_sheet("À propos" if lang != "en" else "About")
    for label, value in ((t("Document produit par", "Produced by").get(lang), produced_text(lang)),
                         (t("Période", "Period").get(lang), f"{period.start.isoformat()} → {period.end.isoformat()}"),
                         (t("Subventions", "Subsidies").get(lang), _subsidies_text(request).get(lang)),
                         (t("Données", "Data").get(lang), data.get(lang)),
                         *((t("Même entreprise", "Same enterprise").get(lang),
                            xlsx_cell(_same_enterprise_message(group["files"], group["enterprise"],
                                                               group["enterprise_number"], group["by"],
                                                               column=True).get(lang)))
                           for group in same_enterprise)):
        ws.append([label, value])
        ws.cell(ws.max_row, 1).font = Font(bold=True)
    ws.column_dimensions["A"].width = 22
    ws.column_dimensions["B"].width = 100


def _subsidies_text(request: BatchRequest) -> Text:
    """« année civile 2026 (2026-01-01 → 2026-12-31) », the year whose subsidies « Subventions (€) » holds (JSON:
    ``subsidy_year``): subsidies are yearly (docs/interpretations.md, « Période »), so with ``--month`` they are
    the whole calendar year's, beside a period of one month — said then, lest the column be read as the month's.
    A year not over says so, its totals provisional where « Subventions complètes » says no (a month over, judged
    with ``--month``, can sit in a year still running)."""
    year, span = request.subsidy_year, request.subsidy_period
    fr = f"année civile {year} ({span.start.isoformat()} → {span.end.isoformat()})"
    en = f"calendar year {year} ({span.start.isoformat()} → {span.end.isoformat()})"
    if request.month is not None:
        column = summary_header("total_subsidy")
        fr += (f" : les subventions sont annuelles, la colonne « {column.fr} » donne celles de toute l'année, pas du "
               f"seul mois {request.month}")
        en += (f": subsidies are yearly, the column “{column.en}” gives the whole year's, not the month "
               f"{request.month}'s alone")
    if not period_over(span):   # a year in progress (today its last day at the latest), or not begun
        complete = summary_header("subsidy_complete")
        state = t("pas encore commencée", "not begun yet") if not_begun(span) else t("en cours", "in progress")
        fr += f" ; année {state.fr} : un total est provisoire là où « {complete.fr} » dit non"
        en += f"; a year {state.en}: a total is provisional where “{complete.en}” says no"
    return t(fr, en)


def write_summaries(outcomes: list[FileOutcome], request: BatchRequest, doc: dict, text: str | None = None) -> None:
    """summary.xlsx, then summary.json (``text``: ``doc`` already encoded by ``output.dumps``) in the output
    folder, each replaced atomically: both of this run, or neither.

    Every per-file JSON of the run is published by now, so the previous run's summaries no longer
    describe the folder. When one of them cannot be written (summary.xlsx open in Excel on Windows, a
    full disk, an interruption), both are removed, as on an interrupted run (``_drop_stale_summaries``):
    never a summary vouching for a set it does not describe. summary.xlsx goes first, being the one a
    spreadsheet program holds open: its failure leaves summary.json unwritten."""
    from ei_cli.output import dumps, write_atomic

    out = Path(request.out_dir)
    try:
        write_summary_xlsx(out / SUMMARY_XLSX, outcomes, request, doc["same_enterprise"])
        write_atomic(out / SUMMARY_JSON, dumps(doc, request.lang) if text is None else text)
    except BaseException:
        _drop_stale_summaries(out)
        raise


# ---------------------------------------------------------------------------------------- outputs of workbooks gone
def folder_identity(folder: Path | None) -> str | None:
    """The folder a batch reads, as its summary records it (``input_folder_id``): a digest of its absolute,
    resolved path (its bytes: a name that is not UTF-8 too) — what tells a later run into the same --out
    whether the previous one read the same folder, without writing the user's path (« C:\\Users\\marie.dupont
    \\… ») into a summary that may be passed on."""
    import hashlib
    import os

    if folder is None:
        return None
    try:
        resolved = Path(folder).resolve()
    except (OSError, RuntimeError):
        resolved = Path(folder).absolute()
    return hashlib.sha256(os.fsencode(resolved)).hexdigest()[:16]


def previous_outputs(out_dir: Path | None, folder: Path | None) -> list[str]:
    """The per-file JSONs the output folder's summary.json (an ``ei batch`` document) lists, ``files[].json_name``
    (written or not: for a JSON the system refused to write, an older one of that name may be there): ei's
    own outputs of the previous complete run, read before this run removes that summary — only when that run
    read the same folder (``input_folder_id``): results of another folder written into the same --out are
    not « gone » (a summary without that field, older, lists nothing). Only plain relative names ending in
    ``.json`` are kept (no ``..``, no hidden part, not the summary itself): the file is on disk, and its
    names never lead ``remove_outputs_not_written`` out of the folder."""
    import json

    if out_dir is None or folder is None:
        return []
    try:
        doc = json.loads((Path(out_dir) / SUMMARY_JSON).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    if not isinstance(doc, dict) or doc.get("command") != "batch" or not isinstance(doc.get("files"), list):
        return []
    if doc.get("input_folder_id") != folder_identity(folder):
        return []
    names = (f.get("json_name") for f in doc["files"] if isinstance(f, dict))
    return [name for name in names if _plain_output_name(name)]


def _plain_output_name(name) -> bool:
    if not isinstance(name, str) or not name.lower().endswith(".json") or name.casefold() == SUMMARY_JSON:
        return False
    if "\\" in name or ":" in name or "\0" in name:
        return False
    parts = name.split("/")
    return all(part and not part.startswith(".") for part in parts)


def remove_outputs_not_written(out_dir: Path | None, previous: list[str], outcomes: list[FileOutcome],
                               skipped: Iterable[dict] = ()) -> list[str]:
    """After a complete run (every workbook listed was run, none interrupted), the per-file JSONs the
    previous summary listed (``previous_outputs``) that this run did not write — a workbook removed or
    renamed since — are removed: a script summing the folder's JSONs counted a renamed enterprise twice.
    Only those: ei's own outputs, named in its own previous summary of the same folder; the name of a workbook
    this run read (its outcome's ``json_name``, to the case: one file on Windows and macOS) is kept, written or not (a
    JSON this run could not write belongs to a workbook still there). Nothing is removed when a sub-folder could not be
    listed (``skipped[]`` ``unreadable_folder``): its workbooks were not run.
    Returns the names removed, for the summary (``removed_outputs``)."""
    import os

    if out_dir is None or not previous:
        return []
    if any(entry.get("reason") == "unreadable_folder" for entry in skipped):
        return []
    written = {o.json_name.casefold() for o in outcomes if o.json_name}
    removed = []
    for name in previous:
        if name.casefold() in written:
            continue
        path = Path(out_dir) / name
        try:
            if not path.is_file():
                continue
            os.unlink(path)
        except OSError:   # not removable: it stays, as before
            continue
        removed.append(name)
    return removed


REMOVED_OUTPUT = t("supprimé : {file} (résultat d'un classeur qui n'est plus dans le dossier lu).",
                   "removed: {file} (result of a workbook no longer in the folder read).")


def no_workbook_error(folder: Path, in_sub_folders: bool = False) -> EiError:
    """Nothing to process; ``in_sub_folders``: the sub-folders hold workbooks (read with ``--recursive``).

    The folder is named by its absolute path: ``ei batch .`` said « Aucun classeur … dans .. », which reads as
    the parent folder (and ``ei batch ..`` « dans ... »)."""
    import os

    from ei_cli.problems import display_path

    folder = display_path(os.path.abspath(folder))
    if in_sub_folders:
        return EiError(Text(f"Aucun classeur (.xlsx, .xlsm, .ods) directement dans {folder} ; ses sous-dossiers "
                            "en contiennent : ajoutez --recursive pour les lire.",
                            f"No workbook (.xlsx, .xlsm, .ods) directly in {folder}; its sub-folders hold some: "
                            "add --recursive to read them."))
    return EiError(Text(f"Aucun classeur (.xlsx, .xlsm, .ods) dans {folder}.",
                        f"No workbook (.xlsx, .xlsm, .ods) in {folder}."))
