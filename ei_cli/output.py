"""Rendering core: the JSON contract, CSV, rich tables, atomic files, exit codes.

Every command builds a *document* (a plain dict following shared/spec/cli.md) and hands it to
``emit`` with, optionally, a function that draws its table and one that gives its CSV rows.
"""

from __future__ import annotations

import os
import sys
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, Callable, Iterable

from ei_cli import __version__
from ei_cli.errors import EiError, ExitCode
from ei_cli.i18n import Text, t

if TYPE_CHECKING:
    from ei_cli.periods import Period
    from ei_cli.problems import Problem

# json, csv, tempfile, ei_cli.periods and ei_cli.problems are imported where they are used: every
# command module imports this one, and ``ei --help`` should not pay for them (docs/performance.md).

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class RunOptions:
    """What the user asked of the output, passed from the command to the renderers."""

    format: str = "table"
    output: Path | None = None
    lang: str = "fr"
    explain: bool = False
    strict: bool = False
    names: bool = False

    @property
    def effective_format(self) -> str:
        """The format, taken from the output file's suffix where that is unambiguous (spec/cli.md: .json,
        .csv, .xlsx, .html, .md, .docx, .pdf); the suffix of another spreadsheet or document format
        (``FOREIGN_SUFFIXES``: .ods, .xlsm, .xls, .odt, .doc…), which ``emit`` refuses; for any other
        suffix (.txt, none…), the ``--format`` asked."""
        if self.output is not None:
            suffix = self.output.suffix.lower().lstrip(".")
            if suffix in OUTPUT_SUFFIXES or suffix in FOREIGN_SUFFIXES:
                return suffix
        return str(self.format)


# The suffixes that choose the format of ``-o`` (spec/cli.md).
OUTPUT_SUFFIXES = frozenset({"json", "csv", "xlsx", "html", "md", "docx", "pdf"})
# Spreadsheet and document formats ei does not write. ``-o reclamation.ods`` wrote the text table under that
# name, exit 0: the file did not open in the spreadsheet, and the next ``ei batch`` of the folder counted
# it in error. Such a suffix says what the file should be, so it is refused (``emit``), never overridden.
FOREIGN_SUFFIXES = frozenset({"ods", "ots", "fods", "xlsm", "xltx", "xltm", "xlsb", "xls", "odt", "ott", "fodt",
                              "doc", "docm", "dotx", "rtf"})


# ---------------------------------------------------------------------------------------- JSON
def jsonable(obj, lang: str = "fr"):
    """Plain JSON values: Decimal → number, dates ISO, months AAAA-MM, Text in the chosen language."""
    convert = _CONVERTERS.get(type(obj))
    if convert is None:
        convert = _converter_for(type(obj))
    return convert(obj, lang)


def _plain(obj, lang):
    return obj


def _decimal(obj, lang):
    # ``_MINUS_E15 < obj < _E15`` is ``abs(obj) < 10**15`` for any value that gets there (a whole number,
    # or ±Infinity, which both tests refuse), compared Decimal to Decimal without converting an int.
    return int(obj) if obj == obj.to_integral_value() and _MINUS_E15 < obj < _E15 else float(obj)


_E15, _MINUS_E15 = Decimal(10**15), Decimal(-10**15)


def _mapping(obj, lang):
    return {str(k): jsonable(v, lang) for k, v in obj.items()}


def _sequence(obj, lang):
    return [jsonable(v, lang) for v in obj]


def _to_dict(obj, lang):
    try:
        return jsonable(obj.to_dict(lang), lang)
    except TypeError:
        return jsonable(obj.to_dict(), lang)


_CONVERTERS: dict[type, Callable] = {type(None): _plain, bool: _plain, int: _plain, str: _plain, float: _plain,
                                     Decimal: _decimal, dict: _mapping, list: _sequence, tuple: _sequence}


def _converter_for(kind: type) -> Callable:
    """The conversion of a type not met yet, by ``isinstance`` in a fixed order, remembered per type."""
    from ei_cli.periods import Month, Period
    from ei_cli.problems import Problem

    rules = [
        ((bool, int, str, float), _plain),
        (Decimal, _decimal),
        (Enum, lambda obj, lang: obj.value),
        (date, lambda obj, lang: obj.isoformat()),
        (Month, lambda obj, lang: str(obj)),
        (Period, lambda obj, lang: obj.to_dict()),
        (Text, lambda obj, lang: obj.get(lang)),
        (Problem, lambda obj, lang: obj.to_dict(lang)),
        (dict, _mapping),
        ((list, tuple, set, frozenset), _sequence),
    ]
    for types, convert in rules:
        if issubclass(kind, types):
            break
    else:
        if not hasattr(kind, "to_dict"):
            raise TypeError(f"not JSON-serialisable: {kind.__name__}")
        convert = _to_dict
    _CONVERTERS[kind] = convert
    return convert


def base_document(command: str, *, enterprise=None, regime=None, period: Period | None = None,
                  compliant: bool | None = None, problems: Iterable[Problem] = (), **fields) -> dict:
    """The fields every JSON document has (cli.md), then the command's own."""
    doc = {
        "command": command,
        "ei_version": __version__,
        "regime": getattr(regime, "id", regime),
        "enterprise": enterprise.to_dict() if enterprise is not None else None,
        "period": period.to_dict() if period is not None else None,
        "compliant": compliant,
        "problems": list(problems),
    }
    doc.update(fields)
    return doc


def dumps(doc: dict, lang: str = "fr", *, ascii_only: bool = False) -> str:
    """``doc`` as JSON text, indented; ``ascii_only``: every other character as JSON escapes it (``\\u00e9``).

    The text of ``json.dumps(jsonable(doc, lang), ensure_ascii=ascii_only, indent=2)``, byte for byte, written by
    ``_indented``: ``json`` has no C encoder for indented output, and its Python one took ~45 ms for the 1 MB
    summary.json of a federation batch (its conversion by ``jsonable`` included), a wait at the end of the run;
    ``_indented`` takes a third of that. Whatever it does not write as ``json`` would (a key that is not a
    str, a float that is not finite) is left to ``json.dumps``."""
    import json

    try:
        text = _indented(doc, lang, ascii_only)
    except _NotPlain:
        text = json.dumps(jsonable(doc, lang), ensure_ascii=ascii_only, indent=2)
    return text + "\n"


class _NotPlain(Exception):
    """A value ``_indented`` leaves to ``json.dumps``."""


def _indented(doc, lang: str, ascii_only: bool) -> str:
    """``json.dumps(jsonable(doc, lang), ensure_ascii=ascii_only, indent=2)``: each item of a non-empty dict or
    list on its own line, two spaces deeper, « , » after all but the last, « : » after a key; ``{}`` and ``[]``
    when empty; strings by ``json``'s own C escaping, numbers by their ``repr`` as ``json`` writes them. The
    values ``jsonable`` converts (Decimal, dates, Text, tuples…) are converted on the way; ``_NotPlain`` for
    what ``json`` writes otherwise."""
    from itertools import repeat
    from json.encoder import encode_basestring, encode_basestring_ascii

    quote = encode_basestring_ascii if ascii_only else encode_basestring
    parts: list[str] = []
    append = parts.append
    infinite = (float("inf"), float("-inf"))

    def walk(v, pad: str) -> None:
        cls = v.__class__
        if cls is str:
            append(quote(v))
        elif cls is dict or cls is list:
            mapping = cls is dict
            if not v:
                append("{}" if mapping else "[]")
                return
            inner = pad + "  "
            sep = ("{" if mapping else "[") + inner
            for k, x in (v.items() if mapping else zip(repeat(None), v)):   # a list's items have no key
                append(sep)
                if mapping:
                    if k.__class__ is not str:
                        raise _NotPlain
                    append(quote(k))
                    append(": ")
                walk(x, inner)
                sep = "," + inner
            append(pad)
            append("}" if mapping else "]")
        elif v is None:
            append("null")
        elif v is True:
            append("true")
        elif v is False:
            append("false")
        elif cls is int:
            append(int.__repr__(v))
        elif cls is float:
            if v != v or v in infinite:
                raise _NotPlain
            append(float.__repr__(v))
        else:
            converted = jsonable(v, lang)
            if converted is v:   # a value jsonable keeps as it is (an int or str subclass…): json's to write
                raise _NotPlain
            walk(converted, pad)

    walk(doc, "\n")
    return "".join(parts)


def compact_dumps(doc, lang: str = "fr") -> str:
    """The same JSON values as ``dumps``, on one line, encoded by ``json``'s C encoder.

    For the files a batch writes by the hundred: ``json`` uses its C encoder only without ``indent``,
    and walks the plain dicts, lists, strings and numbers itself; only the other values (Decimal,
    dates, Text, Problem...) come back through ``default`` to ``jsonable``. Keys: a str or int key is
    written as ``jsonable`` writes it (``str(key)``); any other key type is a TypeError there, and the
    document is then converted by ``jsonable`` first. (The C encoder would write a bool or None key as
    ``true``/``null``; no document has one.)
    """
    import json

    def default(obj):
        if obj.__class__ is Decimal:  # most of the values sent back here: skip the dispatch of jsonable
            return _decimal(obj, lang)
        return jsonable(obj, lang)

    try:
        text = json.dumps(doc, ensure_ascii=False, separators=(",", ":"), default=default, check_circular=False)
    except (TypeError, ValueError):
        text = json.dumps(jsonable(doc, lang), ensure_ascii=False, separators=(",", ":"))
    return text + "\n"


# ------------------------------------------------------------------------------ commands to copy
# A word holding one of these is double-quoted on Windows: blanks; cmd.exe's & | < > ^ ( ) and its % !
# variables; PowerShell's ; , ' " { } @ # $ ` (statements, arrays, strings, script blocks, splatting,
# comments, variables, escapes).
_WINDOWS_SPECIAL = frozenset(" \t&|<>^()%!;,'\"{}@#$`")


def _windows_shell() -> bool:
    """The user's shell is cmd.exe or PowerShell (tests change this, not ``os.name``, which pathlib reads)."""
    return os.name == "nt"


def shell_quote(word, *, windows: bool | None = None) -> str:
    """``word`` (a path, an argument) written so that the user's shell gives it back whole, in a command ei
    prints for them to copy: ``shlex.quote`` on POSIX; on Windows (``windows`` defaults to ``os.name ==
    "nt"``) double quotes when needed, read the same by cmd.exe and PowerShell — never single quotes,
    which cmd.exe hands to ei as part of the name, nor for a backslash, which is no escape there.

    Inside double quotes, PowerShell still expands ``$name`` and cmd.exe ``%name%``: no quoting serves both
    shells for those (rare in a file name), the word is printed double-quoted all the same. A name that is
    not UTF-8 (``Fran\\xe7ois``, POSIX only: Windows names are text) is written in bash/zsh ANSI-C quoting,
    ``$'Fran\\xe7ois/ei-modele.xlsx'`` (``_ansi_c_quoted``): U+FFFD (``problems.display_path``) would name a
    file that does not exist; so is a name with a control character (an escape sequence), which printed raw
    would drive the terminal. A relative path that starts with « - » gets ``./`` (``.\\`` on Windows) before
    it: no quoting stops ei from reading ``-2025/ei-modele.xlsx`` as options (« option inconnue : -2 »).
    """
    from ei_cli.problems import display_path

    windows = _windows_shell() if windows is None else windows
    if isinstance(word, os.PathLike):
        word = display_path(word) if windows else os.fsdecode(word)
        if word.startswith("-"):
            word = (".\\" if windows else "./") + word
    word = str(word)
    if not windows:
        import shlex

        from ei_cli.problems import INVISIBLE

        return shlex.quote(word) if _utf8(word) and not INVISIBLE.search(word) else _ansi_c_quoted(word)
    if word and not _WINDOWS_SPECIAL.intersection(word):
        return word
    stripped = word.rstrip("\\")  # a backslash before the closing quote would escape it: doubled
    return '"' + stripped + "\\" * (2 * (len(word) - len(stripped))) + '"'


def _utf8(word: str) -> bool:
    try:
        word.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _ansi_c_quoted(word: str) -> str:
    """``$'Fran\\xe7ois/ei-modele.xlsx'``: ``word``, a name read from the file system whose bytes are not all
    UTF-8 (PEP 383 lone surrogates), in bash/zsh ANSI-C quoting — each byte that is not UTF-8 (and each control
    character) as ``\\xHH``, each other invisible character (``problems.INVISIBLE``: C1, bidirectional
    overrides, zero-width) as its UTF-8 bytes, each ``\\xHH`` (``$'x\\xe2\\x80\\xaeabc'`` for U+202E),
    ``\\`` and ``'`` escaped, the rest as it is: the shell gives back the real bytes. Not ``\\uHHHH``: bash
    decodes it only in a locale that can encode the character, and under ``LC_ALL=C`` (cron, ssh without a
    locale, a minimal Docker image) the command copied named a file that does not exist."""
    from ei_cli.problems import INVISIBLE

    try:
        raw = os.fsencode(word)
    except UnicodeEncodeError:  # a lone surrogate no file name gives: nothing to give back
        raw = word.encode("utf-8", "replace")
    out = []
    for ch in raw.decode("utf-8", "surrogateescape"):
        code = ord(ch)
        if 0xDC80 <= code <= 0xDCFF:
            out.append(f"\\x{code - 0xDC00:02x}")
        elif ch in "\\'":
            out.append("\\" + ch)
        elif INVISIBLE.match(ch):   # C1 controls, bidirectional overrides, zero-width: never raw to the terminal
            out.extend(f"\\x{byte:02x}" for byte in ch.encode("utf-8"))
        else:
            out.append(ch)
    return "$'" + "".join(out) + "'"


def shell_command(argv: Iterable, *, windows: bool | None = None) -> str:
    """A command line to copy, each word through ``shell_quote``. On Windows a program path that needs
    quoting is quoted folder by folder (``C:\\Users\\"Marie Dupont"\\…\\python.exe``): PowerShell reads
    a line that starts with a quote as a string, not a command (``"C:\\…\\python.exe" -m pip`` is a syntax
    error there), and its ``& "…"`` is one in cmd.exe."""
    program, *args = [str(word) for word in argv]
    windows = _windows_shell() if windows is None else windows
    if windows:
        program = "\\".join(shell_quote(part, windows=True) if part else part for part in program.split("\\"))
    else:
        program = shell_quote(program, windows=False)
    return " ".join([program, *(shell_quote(word, windows=windows) for word in args)])


# ---------------------------------------------------------------------------------------- files
def same_file(a: Path, b: Path) -> bool:
    """``a`` and ``b`` name one file: the same path once resolved (``./x/../a.xlsx``, symbolic links),
    or, both existing, the same file on disk (a hard link, another case on a case-insensitive disk)."""
    try:
        if Path(a).resolve() == Path(b).resolve():
            return True
    except (OSError, RuntimeError):
        pass
    try:
        return os.path.samefile(a, b)
    except OSError:  # one of them does not exist (or cannot be looked at): not the same existing file
        return False


def refuse_output_over_inputs(output: Path | None, inputs: Iterable[Path], templates: Iterable[Path] = ()) -> None:
    """Stop (exit 2, nothing written) when the output file ``-o`` is one of the files read: the
    input workbook would be replaced by the result; or, for ``ei report``, one of the document
    templates (``templates``: every template name in the user's --templates folder and in the shipped
    one, existing or not — a file written there would be read as a template next time). Called for
    every command before it runs (``commands._options.EiCommand``)."""
    if output is None:
        return
    from ei_cli.problems import display_path

    shown = display_path(output)
    for template in templates:
        if same_file(output, template):
            template = display_path(template)
            raise EiError(t(
                f"Le fichier de sortie (-o {shown}) est un modèle de document ({template}) : il serait "
                "remplacé. Choisissez un autre nom de fichier de sortie, hors des noms de modèles.",
                f"The output file (-o {shown}) is a document template ({template}): it would be replaced. "
                "Choose another output file name, not a template name."))
    for source in inputs:
        if os.path.lexists(source) and same_file(output, source):
            source = display_path(source)
            raise EiError(t(
                f"Le fichier de sortie (-o {shown}) est le classeur lu ({source}) : il serait remplacé. "
                "Choisissez un autre nom de fichier de sortie.",
                f"The output file (-o {shown}) is the workbook read ({source}): it would be replaced. "
                "Choose another output file name."))


def write_atomic(path: Path, data: bytes | str, mode: int = 0o600) -> None:
    """Write to a temporary file beside ``path``, flush it to disk, then rename: no half-written file, ever.

    Every write helper here turns the system's refusal (no permission, full or read-only disk, a folder
    in the way) into the user's error naming ``path`` (``write_error``), not the hidden temporary file."""
    tmp = stage_file(path, data, mode)
    try:
        commit_file(tmp, path)
    except BaseException:
        discard_file(tmp)
        raise


# openpyxl's own temporary files (``openpyxl.worksheet._writer.create_temporary_file``).
_LIBRARY_TEMPORARY_PREFIX = "openpyxl."


def write_with(path: Path, writer: Callable[[BinaryIO], None]) -> None:
    """Atomic write for libraries that save to a file (openpyxl's ``wb.save``): ``writer`` saves into a
    file object in memory, then ``write_atomic`` writes the bytes (saved to a file, openpyxl left its
    archive open on a failure, and Python printed a traceback at exit).

    The library may still use the disk on the way: openpyxl with lxml writes each sheet to a file of the
    system's temporary folder (``$TMPDIR``) before zipping it. A write failing there (that folder's disk
    full, a file size limit) is the system's refusal to write ``path``: ``write_error`` naming ``path`` and
    the temporary folder, exit 2 — not « Erreur interne (SerialisationError) … signalez-la ». lxml raises it
    as ``SerialisationError('IO_ENOSPC')``, the errno's name in its text (``_serialisation_os_error``). A write's
    OSError names no file (or the library's temporary file, ``openpyxl.*``); one naming another file is the
    library's own read (a template, say): it goes on as it is, ``cli.main`` naming that file."""
    import io
    import tempfile

    buffer = io.BytesIO()
    try:
        writer(buffer)
    except Exception as exc:
        refusal = exc if isinstance(exc, OSError) else _serialisation_os_error(exc)
        if refusal is None:
            raise
        named = getattr(refusal, "filename", None)
        if named and not os.path.basename(os.fsdecode(named)).startswith(_LIBRARY_TEMPORARY_PREFIX):
            raise
        temporary = tempfile.gettempdir()
        raise write_error(Path(path), refusal, through=Path(temporary)) from exc
    write_atomic(Path(path), buffer.getvalue())


def _serialisation_os_error(exc: Exception) -> OSError | None:
    """lxml's ``SerialisationError`` for a failed write (``IO_ENOSPC``, ``IO_EFBIG``: libxml2's name of the
    errno; ``IO_WRITE`` when it has none) as the OSError it stands for; None for any other exception."""
    import errno

    if type(exc).__name__ != "SerialisationError" or not str(exc).startswith("IO_"):
        return None
    code = getattr(errno, str(exc)[3:], None)
    code = code if isinstance(code, int) else errno.EIO
    return OSError(code, os.strerror(code))


class WriteRefused(EiError):
    """The system refused to write one of ei's outputs; ``cli.main`` gives it the code ``system_error``
    (a class, not a cause: it crosses from an ``ei batch`` worker as itself, its cause does not)."""


def write_error(path: Path, exc: OSError, through: Path | None = None) -> WriteRefused:
    """The system refused to write ``path``: « Impossible d'écrire PATH (accès refusé). »; ``through``: the
    folder where the refusal came, on the way (the system's temporary folder)."""
    from ei_cli.errors import system_reason

    from ei_cli.problems import display_path

    reason, shown = system_reason(exc), display_path(path)
    if through is not None:
        where = display_path(through)
        return WriteRefused(t(f"Impossible d'écrire {shown} ({reason.fr}, dans le dossier temporaire {where}).",
                              f"Cannot write {shown} ({reason.en}, in the temporary folder {where})."))
    return WriteRefused(t(f"Impossible d'écrire {shown} ({reason.fr}).", f"Cannot write {shown} ({reason.en})."))


@contextmanager
def _writing(path: Path):
    """Within it, an OSError becomes ``write_error(path)``."""
    try:
        yield
    except OSError as exc:
        raise write_error(Path(path), exc) from exc


@contextmanager
def output_folder(path: Path):
    """``path`` made, with its missing parents, for the outputs of a run (``ei batch --out``); when the
    run fails (a full disk, an interruption), the folders it made are removed again with what the run
    wrote in them (cli.md, exit 130: « no partial output file left behind »): nothing in a folder that did
    not exist before the run is anybody else's. A file that cannot be removed (open in Excel under
    Windows) stays, and so do the folders above it. In a folder that existed, the run's own writes are
    the run's to undo (``ei batch``: docs/interpretations.md « Relance interrompue »)."""
    path = Path(path)
    made = [p for p in (path, *path.parents) if not os.path.lexists(p)]
    with _writing(path):
        path.mkdir(parents=True, exist_ok=True)
    try:
        yield path
    except BaseException:
        if made:
            for root, _, files in os.walk(made[-1], topdown=False):  # the deepest first; the topmost made last
                for name in files:  # files and links (never followed) the run wrote
                    with suppress(OSError):
                        os.unlink(os.path.join(root, name))
                try:
                    os.rmdir(root)
                except OSError:  # not empty (or not removable): left as it is
                    pass
        raise


def stage_file(path: Path, data: bytes | str, mode: int = 0o600, name: Path | None = None) -> Path:
    """The first half of ``write_atomic``: ``data`` in a new temporary file beside ``path`` (closed,
    ``mode`` set), not yet flushed to disk nor visible under its name; ``commit_file`` publishes it,
    ``discard_file`` removes it. ``ei batch`` stages in its workers and commits in its main process,
    so that no worker waits for the disk (docs/performance.md). A refusal names ``name`` when given
    (``ei batch``: the JSON as ``files[].json_name`` names it, never the folders' paths), else ``path``."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    with _writing(name or path):
        fd, tmp = _temporary_beside(Path(path))
    try:
        with _writing(name or path):
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            os.chmod(tmp, mode)
    except BaseException:
        discard_file(tmp)
        raise
    return tmp


def commit_file(tmp: Path, path: Path, flushed: bool = False) -> None:
    """The second half: the temporary file flushed to disk (fsync; not again when ``flushed``: ``flush_file``
    did it), then renamed to ``path`` in one step.

    A ``path`` that is neither a regular file nor a folder (``-o /dev/stdout``, a named pipe, a
    device) is written through instead, never replaced: renaming over it would put a regular file in
    the place of ``/dev/stdout`` (or of a device, for root).
    """
    with _writing(path):
        if _is_special(path):
            import shutil

            try:
                with open(tmp, "rb") as source, open(path, "wb") as target:
                    shutil.copyfileobj(source, target)
            finally:
                discard_file(tmp)
            return
        if not flushed:
            _fsync(tmp)
        os.replace(tmp, path)


def flush_file(tmp: Path, path: Path) -> None:
    """The temporary file of ``path`` flushed to disk (fsync), for ``commit_file(..., flushed=True)`` to
    rename later: ``ei batch`` flushes each JSON while the next files are computed and renames them all at
    the end. An OSError becomes ``write_error(path)``, as in ``commit_file``."""
    with _writing(path):
        _fsync(tmp)


def _fsync(tmp: Path) -> None:
    fd = os.open(tmp, os.O_RDWR)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def discard_file(tmp: Path) -> None:
    try:
        os.unlink(tmp)
    except OSError:
        pass


# A file name holds at most 255 bytes (ext4, APFS; NTFS 255 UTF-16 units, never more than as many UTF-8
# bytes); the staged file adds « . », « . », mkstemp's 8 characters and « .tmp » to the name it keeps.
NAME_MAX_BYTES = 255
_STAGED_NAME_BYTES = NAME_MAX_BYTES - len("..") - 8 - len(".tmp")


def staged_stem(name: str) -> str:
    """The part of an output's name its staged file keeps (``.<stem>.XXXXXXXX.tmp``): the whole name or,
    for a legal name too long for that (242 to 255 bytes), its first characters within 241 bytes — the
    old code's ``.<name>.XXXXXXXX.tmp`` went past 255 bytes and such an output could not be written
    (« nom de fichier trop long »). ``batch._discard_strays_in`` sweeps strays by it."""
    while len(os.fsencode(name)) > _STAGED_NAME_BYTES:
        name = name[:-1]
    return name


def _name_max(directory: Path) -> int | float:
    """The longest file name ``directory``'s file system takes, in bytes (``PC_NAME_MAX``); unknown (Windows,
    where NTFS counts UTF-16 units): no limit is assumed, the system says."""
    try:
        limit = os.pathconf(directory, "PC_NAME_MAX")
    except (AttributeError, OSError, ValueError):
        return float("inf")
    return limit if limit > 0 else float("inf")  # -1: no limit the system will tell


def _temporary_beside(path: Path) -> tuple[int, Path]:
    """A new, empty temporary file (``.<staged_stem>.XXXXXXXX.tmp``) in ``path``'s folder: (fd, path)."""
    directory = path.parent if str(path.parent) else Path(".")
    if not directory.is_dir():
        from ei_cli.problems import display_path

        # ``-o afile/x.json``, afile a regular file: the way to the output goes through something that is
        # not a folder — said as such, not as a folder that is missing.
        existing = next((d for d in (directory, *directory.parents) if d.exists()), None)
        if existing is not None and not existing.is_dir():
            raise EiError(t(f"Le chemin de sortie passe par {display_path(existing)}, qui n'est pas un dossier.",
                            f"The output path goes through {display_path(existing)}, which is not a folder."))
        raise EiError(t(f"Le dossier de sortie n'existe pas : {display_path(directory)}",
                        f"The output folder does not exist: {display_path(directory)}"))
    import tempfile

    # Beside a special file (``/dev/stdout``) there is no place for it: the system's temporary folder.
    place = None if _is_special(path) else directory
    if place is not None and len(os.fsencode(path.name)) > _name_max(directory):
        # Refused now, as the rename would refuse it once the file is written: in ``ei batch`` the refusal
        # is then that file's error, where a failed rename stops the run.
        import errno

        raise OSError(errno.ENAMETOOLONG, os.strerror(errno.ENAMETOOLONG), os.fspath(path))
    fd, tmp = tempfile.mkstemp(prefix=f".{staged_stem(path.name)}.", suffix=".tmp", dir=place)
    return fd, Path(tmp)


def _is_special(path: Path) -> bool:
    """An existing ``path`` (links followed) that is neither a regular file nor a folder."""
    import stat

    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


# ---------------------------------------------------------------------------------------- our own workbooks
# Every result workbook ei writes (the claim workbook of ``ei subsidy -o x.xlsx``, ``ei batch``'s
# summary.xlsx) carries this custom document property, its value the kind of result. A spreadsheet program
# keeps custom properties when the file is edited and saved again. ``ei batch`` leaves such a workbook out
# of a folder it reads, and replaces a summary.xlsx only when it carries the mark (``batch``). The blank
# workbook of ``ei init`` does not carry it: it is meant to be filled in and read.
OWN_WORKBOOK_PROPERTY = "ei-output"
_CUSTOM_PROPERTIES = "docProps/custom.xml"
_TAIL_BYTES = 64 * 1024


def _may_hold_custom_properties(path: Path) -> bool:
    """False when the zip's central directory — found through its end record, in the file's last 64 KB —
    does not name the custom-properties part: then the archive has no such part.

    ``ei batch`` asks this of every workbook before its workers start; reading the directory is several
    times cheaper than opening the archive. Whenever the directory cannot be read this way (no end
    record, a directory larger than the tail), True: the archive is opened. A lying end record can
    only make a result of ei look like an ordinary workbook, which the reader then reads as any other.
    """
    import struct

    with open(path, "rb") as fh:
        size = fh.seek(0, 2)
        fh.seek(max(0, size - _TAIL_BYTES))
        tail = fh.read()
    end = tail.rfind(b"PK\x05\x06")
    if end < 0 or len(tail) - end < 22:
        return True
    directory_size, directory_offset = struct.unpack_from("<II", tail, end + 12)
    start = directory_offset - (size - len(tail))
    if start < 0 or start + directory_size > end:
        return True
    return _CUSTOM_PROPERTIES.encode() in tail[start:start + directory_size]


def mark_own_workbook(wb, kind: str) -> None:
    """Mark an openpyxl workbook as a result of ei (``kind``: ``claim``, ``summary``), before it is saved."""
    from openpyxl.packaging.custom import StringProperty

    wb.custom_doc_props.append(StringProperty(name=OWN_WORKBOOK_PROPERTY, value=kind))


def own_workbook_kind(path: Path) -> str | None:
    """The kind of result ``path`` is when ei wrote it (``mark_own_workbook``), else None — also for a
    file that is not an .xlsx at all, or cannot be read (the reader will say why)."""
    import re
    import zipfile

    from ei_cli.workbook.sniff import ZIP_READ_ERRORS

    try:
        if not _may_hold_custom_properties(path):
            return None
        with zipfile.ZipFile(path) as archive:
            info = archive.getinfo(_CUSTOM_PROPERTIES)
            if info.file_size > 1024 * 1024:
                return None
            xml = archive.read(info)
    except (KeyError, *ZIP_READ_ERRORS):
        return None
    match = re.search(rb"""<(?:\w+:)?property\b[^>]*\bname\s*=\s*["']""" + re.escape(OWN_WORKBOOK_PROPERTY.encode())
                      + rb"""["'][^>]*>\s*<(?:\w+:)?lpwstr\b[^>]*>([^<]*)<""", xml)
    return match.group(1).decode("utf-8", "replace") if match else None


def fit_columns(ws, floor: int = 12, cap: int = 60) -> None:
    """Each column of a sheet ei writes (summary.xlsx's rows, the claim workbook's « Détail » and « Mois ») as wide
    as its longest value as shown (``_shown_length``), its header in row 1 included with room for the filter
    button, from ``floor`` to ``cap`` characters; a text longer than the cap (a reference, a line's notes) wraps
    in its cell, top-aligned, instead of being clipped by the next cell. Sized on the header alone, a 12-wide
    « Entreprise » cut « EI Wallonne En Cours ». Call it once the number formats are set (a sum shown with its
    « € » is wider than its value). One pass over the cells: summary.xlsx's 114 rows take a few milliseconds."""
    from openpyxl.styles import Alignment
    from openpyxl.utils import get_column_letter

    wrapped = Alignment(wrap_text=True, vertical="top")
    widths: dict[int, int] = {}
    for r, row in enumerate(ws.iter_rows(), start=1):
        for cell in row:
            if cell.value is None:
                continue
            n = _shown_length(cell) + (4 if r == 1 else 2)
            if n > cap and isinstance(cell.value, str):
                cell.alignment = wrapped
            widths[cell.column] = max(widths.get(cell.column, 0), n)
    for column, n in widths.items():
        ws.column_dimensions[get_column_letter(column)].width = max(floor, min(cap, n))


def _shown_length(cell) -> int:
    """About how many characters a cell shows: a text's longest line; a sum in euros with its digit groups and
    « € » (« 123 456,78 € »), a share as a percentage, a date as AAAA-MM-JJ, a boolean as FALSE."""
    v = cell.value
    if isinstance(v, str):
        return max(map(len, v.split("\n")))
    if isinstance(v, bool):
        return 5
    if isinstance(v, (int, float)):
        if "€" in cell.number_format:
            return len(f"{v:,.2f}") + 2
        if "%" in cell.number_format:
            return len(f"{v * 100:.2f}") + 2
        return len(str(v))
    if isinstance(v, date):
        return 10
    return len(str(v))


# ---------------------------------------------------------------------------------------- CSV
def neutralise(value):
    """A text cell that a spreadsheet would run as a formula gets a leading apostrophe."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def xlsx_cell(value):
    """A value for a cell of a workbook ei writes (summary.xlsx, the claim workbook), text of the user's
    workbook included: every character an xlsx cell cannot hold — the control characters but tab, line
    feed and carriage return, which XML 1.0 forbids (openpyxl's ``ILLEGAL_CHARACTERS_RE``) — becomes a
    space, then ``neutralise``. Excel saves a vertical tab pasted from Word (Shift+Enter) as ``_x000B_``,
    which the reader gives back as the character; openpyxl refused to write it (IllegalCharacterError),
    and the whole summary or claim workbook was lost."""
    if isinstance(value, str):
        from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

        value = ILLEGAL_CHARACTERS_RE.sub(" ", value)
    return neutralise(value)


def csv_text(header: list[str], rows: Iterable[Iterable], lang: str = "fr") -> str:
    import csv
    import io

    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow([neutralise(h) for h in header])
    for row in rows:
        writer.writerow([neutralise(_csv_value(v, lang)) for v in row])
    return buf.getvalue()


def _csv_value(v, lang):
    """A CSV cell as scripts read it: empty for null, true/false, a list or a mapping as JSON text (not a
    Python repr), every other value as in the JSON document."""
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (list, tuple, dict)):
        import json

        return json.dumps(jsonable(v, lang), ensure_ascii=False)
    return jsonable(v, lang)


# ---------------------------------------------------------------------------------------- terminal
def console(stderr: bool = False, record: bool = False, plain: bool = False):
    """A rich console; ``plain`` for text written to a file (no colours, a fixed readable width).

    It never breaks a figure across two lines, and fits its tables to the terminal (``terminal``); a COLUMNS
    that is no positive integer is ignored (``cli.main`` removes it)."""
    from ei_cli.terminal import console_class

    Console = console_class()
    if plain:
        return Console(record=record, highlight=False, soft_wrap=False, color_system=None,
                       force_terminal=False, width=120)
    return Console(stderr=stderr, record=record, highlight=False, soft_wrap=False)


# Warnings of one code printed in full before the rest are summed up on one line (``print_problems``): a
# workbook kept over the years has one ``duplicate_niss`` per re-hire row, six lines each, before every command.
# A choice of presentation, not a legal figure.
WARNINGS_SHOWN_PER_CODE = 3


def print_problems(problems: Iterable[Problem], lang: str = "fr", *, every: bool = False) -> None:
    """Problems to stderr, one per line with their location (never a cell's personal value).

    Every error is printed. A warning located in the workbook (a cell or a column: the reader's, which
    ``ei validate`` lists) is printed in full for the first ``WARNINGS_SHOWN_PER_CODE`` of its code; the
    others of that code are summed up on one line at the end (``_summary_line``: their count, their first
    ``problems.CELLS_NAMED`` cells, the ``ei validate`` command that shows them all). ``every``: all in full
    (``ei validate``, whose task is to list them). A warning not located in a cell (a regime's, a worker's missing payroll months) is always
    printed: ``ei validate`` would not show it."""
    problems = list(problems)
    if not problems:
        return
    from rich.markup import escape

    held = {} if every else _held_back(problems)
    skipped = {i for group in held.values() for i in group}
    err = console(stderr=True)
    for i, p in enumerate(problems):
        if i in skipped:
            continue
        label = _severity_label(p.is_error, lang)
        style = "bold red" if p.is_error else "yellow"
        where = p.location()
        colon = (": " if lang == "en" else " : ") if where else ""
        err.print(f"[{style}]{label}[/] {escape(where)}{colon}{escape(p.message.get(lang))}"
                  f" [dim]({p.code})[/]")
    for code, group in held.items():
        line = _summary_line(code, [problems[i] for i in group], lang)
        err.print(f"[yellow]{_severity_label(False, lang)}[/]{escape(line)}")


def _severity_label(is_error: bool, lang: str) -> str:
    """« ERREUR » / « attention » (ERROR / warning): how the terminal marks a problem's severity."""
    return ("ERROR" if is_error else "warning") if lang == "en" else ("ERREUR" if is_error else "attention")


def _held_back(problems: list[Problem]) -> dict[str, list[int]]:
    """By code, in the order met, the indices of the warnings located in the workbook past the first
    ``WARNINGS_SHOWN_PER_CODE`` of their code."""
    seen: dict[str, int] = {}
    held: dict[str, list[int]] = {}
    for i, p in enumerate(problems):
        if p.is_error or not p.placed:
            continue
        seen[p.code] = seen.get(p.code, 0) + 1
        if seen[p.code] > WARNINGS_SHOWN_PER_CODE:
            held.setdefault(p.code, []).append(i)
    return held


def _summary_line(code: str, group: list[Problem], lang: str) -> str:
    """« : 5 autres avertissements « duplicate_niss » (Personnel › B5, B9, B12, …) — ei validate x.xlsx les
    montre tous. » (after « attention »): the places as ``Problem.location`` writes them, the file named once
    in the command when there is one, never a cell's value."""
    from ei_cli.i18n import plural
    from ei_cli.problems import compact_locations

    files = list(dict.fromkeys(p.file for p in group if p.file))
    places = compact_locations(group, with_file=len(files) > 1, lang=lang)
    command = " ".join(["ei validate", *(shell_quote(f) for f in files)] if files else
                       ["ei validate", t("FICHIER", "FILE").get(lang)])
    count = plural(len(group), "autre avertissement", "more warning", "autres avertissements").get(lang)
    if lang == "en":
        return f": {count} “{code}” ({places}) — {command} shows {'it' if len(group) == 1 else 'them all'}."
    return f" : {count} « {code} » ({places}) — {command} {'le montre' if len(group) == 1 else 'les montre tous'}."


def report_error(exc: EiError, lang: str = "fr") -> None:
    print_problems(exc.problems, lang)
    sys.stderr.write(exc.message.get(lang) + "\n")


# ---------------------------------------------------------------------------------------- emit
def exit_code(compliant: bool | None, strict: bool = False, problems: Iterable[Problem] = ()) -> ExitCode:
    from ei_cli.problems import has_errors

    if has_errors(problems):
        return ExitCode.BAD_INPUT
    if compliant is False or (compliant is None and strict):
        return ExitCode.NOT_COMPLIANT
    return ExitCode.OK


TableFn = Callable[["object", RunOptions], None]       # (rich Console, options) → draws
CsvFn = Callable[[RunOptions], tuple[list[str], list[list]]]
FileFn = Callable[[Path, RunOptions], None]            # writes a binary format to a path


def emit(doc: dict, opts: RunOptions, *, table: TableFn, csv_rows: CsvFn | None = None,
         files: dict[str, FileFn] | None = None, every_problem: bool = False) -> None:
    """Render ``doc`` in the asked format, to stdout or atomically to ``opts.output``; its problems go to
    stderr (``print_problems``: the warnings repeated past a few summed up, unless ``every_problem``).
    ``table`` draws the table format: every command has one."""
    fmt = opts.effective_format
    files = files or {}
    if fmt == "json":
        if opts.output is not None:
            write_atomic(opts.output, dumps(doc, opts.lang))
        else:
            write_json(doc, opts.lang)
    elif fmt == "csv":
        if csv_rows is None:
            raise EiError(t("Ce résultat n'a pas de forme CSV ; utilisez --format json.",
                            "This result has no CSV form; use --format json."))
        header, rows = csv_rows(opts)
        _deliver(csv_text(header, rows, opts.lang), opts)
    elif fmt == "table":
        if opts.output is not None:
            con = console(plain=True)
            with con.capture() as captured:  # capture() swallows the recording: keep its text
                table(con, opts)
            write_atomic(opts.output, captured.get())
        else:
            table(console(), opts)
    elif fmt in files:
        if opts.output is None:
            raise EiError(t(f"Le format {fmt} demande un fichier de sortie (-o).",
                            f"The {fmt} format needs an output file (-o)."))
        files[fmt](opts.output, opts)
    else:
        possible = ", ".join(f".{f}" for f in ("json", *(("csv",) if csv_rows is not None else ()), *files))
        raise EiError(t(f"Format de sortie non disponible pour cette commande : {fmt} (avec -o : {possible} ; tout "
                        "autre nom, .txt par exemple, reçoit le format demandé par --format).",
                        f"Output format not available for this command: {fmt} (with -o: {possible}; any other "
                        "name, .txt for instance, gets the format asked with --format)."))
    # Once, whatever the format and wherever the result went (a table written with -o said them twice).
    print_problems([*_format_not_followed(opts), *doc.get("problems", ())], opts.lang, every=every_problem)


def _format_not_followed(opts: RunOptions) -> list:
    """``-o res.json --format csv``: the suffix chooses the format (``effective_format``), and the csv asked was
    dropped without a word. A warning says so (stderr only; the file is what its name says). The default
    ``table`` is not « asked »: ``-o res.json`` alone says nothing."""
    fmt, asked = opts.effective_format, str(opts.format)
    if opts.output is None or asked in ("table", fmt) or fmt not in OUTPUT_SUFFIXES:
        return []
    from ei_cli.problems import display_path, warning

    name = display_path(opts.output)
    return [warning("format_from_suffix", t(
        f"--format {asked} non suivi : {name} est écrit en {fmt}, le format que dit son extension (un autre nom, "
        f".txt par exemple, reçoit le format demandé).",
        f"--format {asked} not followed: {name} is written as {fmt}, the format its suffix says (another name, "
        f".txt for instance, gets the format asked)."))]


def _deliver(text: str, opts: RunOptions) -> None:
    if opts.output is not None:
        write_atomic(opts.output, text)
    else:
        write_stdout(text)


def write_json(doc: dict, lang: str = "fr", text: str | None = None) -> None:
    """The JSON document ``doc`` on stdout (``write_stdout``): the one way a JSON document reaches it — every
    command's ``--format json``, the document of a command that could not run, ``ei batch``'s summary.
    ``text``: ``dumps(doc, lang)``, when the caller has it already.

    When stdout's encoding cannot hold each of its characters (``PYTHONIOENCODING=ascii`` or ``latin-1``, a
    terminal in ISO-8859-1), the document is written with every character beyond ASCII as JSON escapes it
    (« \\u00e9 », « \\ud83c\\udf31 »): the same data, valid JSON. The stream's own escapes for text
    (``cli._encodable_streams``: « \\xe9 », « \\U0001f331 ») are no JSON: the document did not parse."""
    text = dumps(doc, lang) if text is None else text
    encoding = getattr(sys.stdout, "encoding", None)
    try:
        text.encode(encoding or "utf-8")
    except UnicodeEncodeError:
        text = dumps(doc, lang, ascii_only=True)
    write_stdout(text)


def write_stdout(text: str) -> None:
    """``text`` on stdout and flushed (``write_whole``): all of it, or an ``OSError`` — ``BrokenPipeError`` when
    the reader went away (``ei … -f json | head -c 10``), which ``cli.main`` turns into exit 2 (docs/spec/cli.md)."""
    write_whole(sys.stdout, text)


def write_whole(out, text: str) -> None:
    """``text`` on the standard stream ``out`` (stdout; stderr through ``cli._Stderr``) and flushed: all of it, or
    an ``OSError`` — ``BrokenPipeError`` when the reader went away.

    Unbuffered (``PYTHONUNBUFFERED``, ``python -u``), a text stream hands the text to the file in one write and
    ignores a short count: a pipe whose reader left took its first 64 KiB and the rest was dropped without an
    error — exit 0 for a document cut short. So the bytes are written to the file itself until all are taken,
    buffered or not (the stream's buffered layer is flushed first, ``flush_whole``): a write taking nothing (0)
    is the reader gone; one that returns None is a non-blocking descriptor that would block — a slow reader,
    not a gone one: wait until it can take more (``_wait_writable``) and write again. A buffered writer raised
    ``BlockingIOError`` there and an unbuffered one read None as 0: exit 2 for a reader merely slow, and on
    stderr a message lost (with every later one)."""
    raw = _raw_file(out)
    if raw is None:
        out.write(text)
        out.flush()
        return
    flush_whole(out)
    if os.linesep != "\n":   # what the text layer does to the stream's newlines there (Windows: \r\n)
        text = text.replace("\n", os.linesep)
    data = memoryview(text.encode(out.encoding, out.errors or "strict"))
    while data:
        written = raw.write(data)
        if written is None:
            _wait_writable(raw)
            continue
        if not written:
            import errno

            raise BrokenPipeError(errno.EPIPE, os.strerror(errno.EPIPE))
        data = data[written:]


def flush_whole(out) -> None:
    """The standard stream ``out`` flushed, waiting while its non-blocking descriptor would block
    (``BlockingIOError``: its buffered writer keeps what it could not write) instead of failing."""
    while True:
        try:
            out.flush()
            return
        except BlockingIOError:
            raw = _raw_file(out)
            if raw is None:
                raise
            _wait_writable(raw)


def _raw_file(out):
    """The unbuffered file under the text stream ``out``, or None (a test's capture, a wrapper)."""
    import io

    buffer = getattr(out, "buffer", None)
    raw = buffer if isinstance(buffer, io.RawIOBase) else getattr(buffer, "raw", None)
    return raw if isinstance(raw, io.RawIOBase) else None


def _wait_writable(raw) -> None:
    """Until the non-blocking file ``raw`` can take more bytes: ``select`` on its descriptor, or a short sleep
    where ``select`` does not take one (Windows pipes)."""
    import select
    import time

    try:
        select.select([], [raw.fileno()], [])
    except (OSError, ValueError):
        time.sleep(0.01)
