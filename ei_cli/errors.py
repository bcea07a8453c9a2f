"""Exit codes of the contract and the one exception type that carries an expected failure."""

from __future__ import annotations

from enum import IntEnum

from ei_cli.i18n import Text


class ExitCode(IntEnum):
    OK = 0
    NOT_COMPLIANT = 1
    BAD_INPUT = 2
    INTERRUPTED = 130


class EiError(Exception):
    """An expected failure the user can fix (bad option, unreadable file, unknown regime).

    The CLI turns it into a French (or English) message and exit code 2, never a traceback.
    """

    def __init__(self, message: Text, problems: tuple = ()):
        super().__init__(message.fr)
        self.message = message
        self.problems = tuple(problems)

    def __reduce__(self):
        # Rebuilt from its own arguments when it crosses from an ``ei batch`` worker to the main
        # process (the default would call ``EiError(message.fr)``, a str, and fail there).
        return (type(self), (self.message, self.problems))


# What the system says when it refuses a read or a write, in French (its own words are English).
_SYSTEM_REASONS_FR = {
    "EACCES": "accès refusé", "EPERM": "opération non permise", "ENOENT": "introuvable",
    "EISDIR": "c'est un dossier", "ENOTDIR": "un élément du chemin n'est pas un dossier",
    "ENOSPC": "disque plein", "EDQUOT": "quota du disque dépassé", "EROFS": "disque en lecture seule",
    "EEXIST": "le fichier existe déjà", "ELOOP": "liens symboliques en boucle",
    "EBADF": "flux fermé",
    "ENAMETOOLONG": "nom de fichier trop long", "EIO": "erreur de lecture ou d'écriture du disque",
    "EMFILE": "trop de fichiers ouverts", "EBUSY": "fichier occupé", "ETXTBSY": "fichier occupé",
    "EFBIG": "fichier trop gros", "ENFILE": "trop de fichiers ouverts sur le système",
    "ENOMEM": "mémoire insuffisante", "EAGAIN": "ressource momentanément indisponible",
    "ESTALE": "fichier réseau périmé", "ETIMEDOUT": "délai dépassé", "EXDEV": "pas sur le même disque",
    "ENOTEMPTY": "dossier non vide", "EINVAL": "argument ou nom invalide", "ENXIO": "périphérique absent",
    "ENODEV": "périphérique absent", "EPIPE": "tube fermé", "ENOLCK": "verrou impossible",
}


# Windows' own codes (``winerror``) for a file another program holds open; errno says only EACCES.
_WINERROR_SHARING_VIOLATION, _WINERROR_LOCK_VIOLATION = 32, 33
_OPEN_ELSEWHERE = Text("fichier sans doute ouvert dans un autre programme, Excel ou Word par exemple : "
                       "fermez-le et relancez",
                       "the file is probably open in another program, such as Excel or Word: close it and run again")


_NO_MEMORY = Text("mémoire insuffisante", "out of memory")


def system_reason(exc: OSError | MemoryError) -> Text:
    """Why the system refused (``exc.strerror``), in French and in English; on Windows, a file another
    program holds open (``_open_elsewhere``) says so, with what to do; a MemoryError, « mémoire
    insuffisante »."""
    import errno

    if isinstance(exc, MemoryError):
        return _NO_MEMORY
    if _open_elsewhere(exc):
        return _OPEN_ELSEWHERE
    en = exc.strerror or type(exc).__name__
    return Text(_SYSTEM_REASONS_FR.get(errno.errorcode.get(exc.errno or 0, ""), en), en)


def _open_elsewhere(exc: OSError) -> bool:
    """The system refused because another program holds the file open: Windows' sharing or lock
    violation, or its access denied (EACCES) when replacing an existing file (``os.replace`` onto a
    workbook open in Excel, a document open in Word, which open it without delete sharing).

    The errno alone (EACCES, « accès refusé ») sent the user looking for a permission problem."""
    import errno
    import os
    import sys

    if getattr(exc, "winerror", None) in (_WINERROR_SHARING_VIOLATION, _WINERROR_LOCK_VIOLATION):
        return True
    replaced = getattr(exc, "filename2", None)  # set by a two-path call: os.replace(source, target)
    return (sys.platform == "win32" and exc.errno == errno.EACCES and replaced is not None
            and os.path.isfile(replaced))
