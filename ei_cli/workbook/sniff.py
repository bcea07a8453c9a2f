"""Look at a file before handing it to calamine, so each common mistake gets its own clear advice.

A spreadsheet parser's error for a renamed CSV, a legacy .xls or a password-protected workbook is
unhelpful ("invalid zip header"); a user who only knows Excel needs to be told what to do instead.
The file is read once, read-only; the bytes are then given to calamine from memory.

Supported: ``.xlsx`` and ``.xlsm`` (Office Open XML), ``.ods`` (OpenDocument). A ``.csv`` is refused
with advice: one CSV holds one sheet, and the contract needs three or four.
"""

from __future__ import annotations

import io
import os
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from ei_cli.errors import system_reason
from ei_cli.i18n import Text
from ei_cli.problems import Problem, error

SUPPORTED_SUFFIXES = (".xlsx", ".xlsm", ".ods")

# No real EI workbook comes near these; a file that does is a mistake or a zip bomb.
MAX_FILE_BYTES = 100 * 1024 * 1024
MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024
# Deflate tops out near 1000:1; XML sheets of repetitive rows reach ~100:1 at most.
MAX_RATIO = 300
RATIO_MIN_BYTES = 1024 * 1024   # small members may have any ratio
# The size check inflates every member; the sheets' XML is kept for the reader up to this total.
KEEP_INFLATED_BYTES = 32 * 1024 * 1024

# Excel's lock (« owner ») file ``~$staff.xlsx``, beside ``staff.xlsx`` while it is open (and left behind when
# Excel ends abruptly): hidden on Windows, yet a glob ``ei validate *.xlsx`` names it. It holds the user's
# name in a record of at most this many bytes, never a zip.
LOCK_FILE_PREFIX = "~$"
LOCK_FILE_MAX_BYTES = 165

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# An encrypted OOXML file is an OLE container with an "EncryptionInfo" stream (names are UTF-16).
ENCRYPTION_STREAM = "EncryptionInfo".encode("utf-16-le")


@dataclass
class Sniffed:
    """The outcome: either ``problems`` (the file cannot be read) or the bytes and their kind."""

    kind: str | None = None            # "xlsx" or "ods"
    data: bytes = b""
    archive: zipfile.ZipFile | None = None
    problems: list[Problem] = field(default_factory=list)
    # Member name → its bytes, for the members the size check already decompressed and kept
    # (worksheets, workbook.xml and content.xml, within KEEP_INFLATED_BYTES): they are not inflated again.
    inflated: dict[str, bytes] = field(default_factory=dict)


# What reading a damaged, truncated, encrypted or hostile zip may raise (the one list every reader of
# an archive catches).
ZIP_READ_ERRORS = (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, ValueError, EOFError, OSError,
                   RuntimeError, zlib.error)


def sniff(path: Path, file: str) -> Sniffed:
    def fail(code: str, fr: str, en: str) -> Sniffed:
        return Sniffed(problems=[error(code, Text(fr, en), file=file)])

    try:
        st = os.stat(path)
    except FileNotFoundError:
        if os.path.islink(path):   # a link to nothing: the workbook moved, or its share is not connected
            return fail("file_not_found", "Ce nom est un lien symbolique vers un fichier introuvable : le classeur a "
                        "été déplacé, ou son disque ou partage réseau n'est pas connecté.",
                        "This name is a symbolic link to a file that does not exist: the workbook was moved, or "
                        "its disk or network share is not connected.")
        return fail("file_not_found", "Fichier introuvable. Vérifiez le nom et le dossier.",
                    "File not found. Check the name and the folder.")
    except OSError as exc:
        reason = system_reason(exc)
        return fail("unreadable_file", f"Impossible d'accéder au fichier ({reason.fr}).",
                    f"Cannot access the file ({reason.en}).")
    if path.is_dir():
        return fail("is_directory",
                    "C'est un dossier, pas un classeur. Donnez un fichier .xlsx (ou utilisez « ei batch » "
                    "pour un dossier).",
                    "This is a folder, not a workbook. Give an .xlsx file (or use “ei batch” for a folder).")
    import stat

    # Only a regular file has a size to judge before reading it. A pipe (``ei check <(cat a.xlsx)``, a named
    # pipe) has st_size 0 whatever it holds — it was called « vide (0 octet) » — and is read like the file.
    regular = stat.S_ISREG(st.st_mode)
    if regular and st.st_size == 0:
        return fail("empty_file", "Le fichier est vide (0 octet) : il a sans doute été mal copié ou mal "
                    "enregistré.", "The file is empty (0 bytes): it was probably badly copied or saved.")
    if regular and st.st_size > MAX_FILE_BYTES:
        return fail("file_too_large",
                    f"Le fichier est trop volumineux ({st.st_size // (1024 * 1024)} Mo) pour un classeur "
                    f"d'entreprise ; limite : {MAX_FILE_BYTES // (1024 * 1024)} Mo.",
                    f"The file is too large ({st.st_size // (1024 * 1024)} MB) for an enterprise workbook; "
                    f"limit: {MAX_FILE_BYTES // (1024 * 1024)} MB.")
    try:
        with open(path, "rb") as fh:
            data = fh.read() if regular else fh.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        reason = system_reason(exc)
        return fail("unreadable_file", f"Impossible de lire le fichier ({reason.fr}).",
                    f"Cannot read the file ({reason.en}).")
    if not regular and not data:
        return fail("empty_file", "Rien n'a été lu : ce tube (ou ce périphérique) n'a donné aucun octet.",
                    "Nothing was read: this pipe (or device) gave no byte.")
    if not regular and len(data) > MAX_FILE_BYTES:
        return fail("file_too_large",
                    f"Le flux lu dépasse {MAX_FILE_BYTES // (1024 * 1024)} Mo, la limite pour un classeur "
                    "d'entreprise.",
                    f"The stream read exceeds {MAX_FILE_BYTES // (1024 * 1024)} MB, the limit for an enterprise "
                    "workbook.")

    if data[:8] == OLE_MAGIC:
        if ENCRYPTION_STREAM in data:
            return fail("password_protected",
                        "Le classeur est protégé par un mot de passe : retirez le mot de passe (Fichier › "
                        "Informations › Protéger le classeur) puis enregistrez-le à nouveau.",
                        "The workbook is password-protected: remove the password (File › Info › Protect "
                        "Workbook) and save it again.")
        return fail("legacy_xls",
                    "C'est un ancien classeur Excel 97-2003 (.xls) : ouvrez-le et enregistrez-le en .xlsx.",
                    "This is a legacy Excel 97-2003 workbook (.xls): open it and save it as .xlsx.")

    suffix = path.suffix.lower()
    if suffix == ".csv":
        return fail("csv_not_supported",
                    "Un fichier CSV ne contient qu'une feuille ; le classeur en demande plusieurs (Entreprise, "
                    "Personnel, Paie, Suivi). Utilisez le modèle de « ei init » et enregistrez-le en .xlsx.",
                    "A CSV file holds one sheet; the workbook needs several (Entreprise, Personnel, Paie, "
                    "Suivi). Use the “ei init” template and save it as .xlsx.")
    is_zip = data[:4] == b"PK\x03\x04"
    if suffix not in SUPPORTED_SUFFIXES and not (is_zip and suffix in (".xls", "")):
        return fail("unsupported_format",
                    f"Format de fichier non pris en charge ({suffix or 'sans extension'}) : donnez un classeur "
                    ".xlsx, .xlsm ou .ods.",
                    f"Unsupported file format ({suffix or 'no extension'}): give an .xlsx, .xlsm or .ods "
                    "workbook.")
    if not data.startswith(b"PK"):
        if path.name.startswith(LOCK_FILE_PREFIX) and len(data) <= LOCK_FILE_MAX_BYTES:
            workbook = path.name[len(LOCK_FILE_PREFIX):]
            return fail("excel_lock_file",
                        f"C'est le fichier de verrou d'Excel, pas un classeur : il signale que le classeur "
                        f"« {workbook} » est ouvert dans Excel (ou qu'Excel s'est fermé brutalement). Ne le donnez "
                        f"pas à ei : donnez {workbook} (ei le lit tel qu'il est enregistré).",
                        f"This is Excel's lock file, not a workbook: it shows that the workbook “{workbook}” is "
                        f"open in Excel (or that Excel closed abruptly). Do not give it to ei: give {workbook} "
                        "(ei reads it as last saved).")
        return fail("not_a_zip",
                    "Le fichier n'est pas un vrai classeur .xlsx (c'est peut-être un fichier texte ou CSV "
                    "renommé) : ouvrez-le dans votre tableur et enregistrez-le au format .xlsx.",
                    "The file is not a real .xlsx workbook (perhaps a text or CSV file renamed): open it in "
                    "your spreadsheet program and save it as .xlsx.")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except ZIP_READ_ERRORS:
        return fail("corrupt_file",
                    "Le classeur est endommagé ou incomplet (copie interrompue ?) : récupérez une copie "
                    "complète ou réenregistrez-le.",
                    "The workbook is damaged or incomplete (interrupted copy?): get a complete copy or save "
                    "it again.")

    total = sum(i.file_size for i in infos)
    if total > MAX_UNCOMPRESSED_BYTES or any(
        i.file_size > RATIO_MIN_BYTES and i.file_size > MAX_RATIO * max(i.compress_size, 1) for i in infos
    ):
        return fail("file_too_large",
                    "Le classeur décompressé serait anormalement volumineux ; il n'est pas lu (protection "
                    "contre les archives piégées).",
                    "The decompressed workbook would be abnormally large; it is not read (protection "
                    "against zip bombs).")
    inflated: dict[str, bytes] = {}
    if not any(i.flag_bits & 0x1 for i in infos):
        verdict = _inflate_all(archive, infos, inflated)
        if verdict == "too_large":
            return fail("file_too_large",
                        "Le classeur décompressé serait anormalement volumineux ; il n'est pas lu (protection "
                        "contre les archives piégées).",
                        "The decompressed workbook would be abnormally large; it is not read (protection "
                        "against zip bombs).")
        if verdict == "corrupt":
            return fail("corrupt_file",
                        "Le classeur est endommagé (contenu compressé incohérent) : récupérez une copie "
                        "complète ou réenregistrez-le.",
                        "The workbook is damaged (inconsistent compressed content): get a complete copy or "
                        "save it again.")
    if any(i.flag_bits & 0x1 for i in infos):
        return fail("password_protected",
                    "Le classeur est chiffré : retirez le mot de passe puis enregistrez-le à nouveau.",
                    "The workbook is encrypted: remove the password and save it again.")

    names = {i.filename for i in infos}
    if "xl/workbook.xml" in names:
        return Sniffed(kind="xlsx", data=data, archive=archive, inflated=inflated)
    if "content.xml" in names and _is_ods(archive, names):
        if "META-INF/manifest.xml" in names and b"encryption-data" in archive.read("META-INF/manifest.xml"):
            return fail("password_protected",
                        "Le classeur est protégé par un mot de passe : retirez-le puis enregistrez-le à nouveau.",
                        "The workbook is password-protected: remove the password and save it again.")
        return Sniffed(kind="ods", data=data, archive=archive, inflated=inflated)
    what_fr, what_en = _what_zip(names)
    return fail("not_a_workbook",
                f"Le fichier est {what_fr}, pas un classeur .xlsx : donnez le bon fichier, ou ouvrez-le dans "
                "votre tableur et enregistrez-le en .xlsx.",
                f"The file is {what_en}, not an .xlsx workbook: give the right file, or open it in your "
                "spreadsheet program and save it as .xlsx.")


def _kept(name: str) -> bool:
    return ((name.startswith("xl/worksheets/") and name.endswith(".xml")) or name == "content.xml"
            or name == "xl/workbook.xml")


def _inflate_all(archive: zipfile.ZipFile, infos, keep: dict[str, bytes]) -> str | None:
    """Decompress every member in chunks, counting the bytes really produced.

    The sizes in the zip directory are only claims: a forged directory can announce 1 KB for a part
    that inflates to gigabytes, and the spreadsheet parser would believe it. Python's zipfile stops
    at the announced size and checks the CRC, so a lie ends as a ``BadZipFile`` after at most
    ``MAX_UNCOMPRESSED_BYTES`` of work. The sheets' XML and workbook.xml are kept in ``keep`` (at most
    ``KEEP_INFLATED_BYTES`` in all, whole members only); other members cost one chunk of memory.
    """
    total = kept = 0
    try:
        for info in infos:
            if info.is_dir():
                continue
            chunks = [] if _kept(info.filename) else None
            with archive.open(info) as fh:
                while True:
                    chunk = fh.read(1 << 20)
                    if not chunk:
                        break
                    total += len(chunk)
                    if total > MAX_UNCOMPRESSED_BYTES:
                        return "too_large"
                    if chunks is not None:
                        kept += len(chunk)
                        if kept > KEEP_INFLATED_BYTES:
                            chunks = None
                        else:
                            chunks.append(chunk)
            if chunks is not None:
                # The last member of a name wins, as ``archive.read(name)`` would read it.
                keep[info.filename] = b"".join(chunks)
            else:
                keep.pop(info.filename, None)
    except ZIP_READ_ERRORS:
        return "corrupt"
    return None


def _is_ods(archive: zipfile.ZipFile, names: set[str]) -> bool:
    if "mimetype" not in names:
        return True  # some writers omit it; calamine will tell if it is not a spreadsheet
    return b"spreadsheet" in archive.read("mimetype")


def _what_zip(names: set[str]) -> tuple[str, str]:
    if any(n.startswith("word/") for n in names):
        return "un document Word (.docx)", "a Word document (.docx)"
    if any(n.startswith("ppt/") for n in names):
        return "une présentation PowerPoint (.pptx)", "a PowerPoint presentation (.pptx)"
    if "xl/workbook.bin" in names:
        return "un classeur Excel binaire (.xlsb)", "a binary Excel workbook (.xlsb)"
    return "une archive zip", "a zip archive"
