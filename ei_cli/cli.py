"""Entry point: registers the command modules and turns expected failures into exit codes.

Commands live in ``ei_cli/commands/`` and stay thin: parse options → read → rules → render → exit.
Nothing here imports pandas, openpyxl or jinja2 (``ei --help`` must stay fast).
"""

from __future__ import annotations

import signal
import sys

# Until ``console_script`` installs its handlers, an interruption (Ctrl-C, SIGTERM, Windows' Ctrl-Break) that
# comes while this module imports Typer, rich and the commands (~100 ms) is only noted: it used to end the
# process with a traceback (KeyboardInterrupt inside an import) or as killed (exit -15). The previous
# handlers come back at the end of the import, so that importing ``ei_cli.cli`` (the tests) changes nothing.
_EARLY_SIGNALS = (signal.SIGINT, signal.SIGTERM, *((signal.SIGBREAK,) if hasattr(signal, "SIGBREAK") else ()))
_early_interruption: list[int] = []


def _note_early(signum, frame) -> None:
    _early_interruption.append(signum)


def _noting_early() -> dict:
    try:
        return {sig: signal.signal(sig, _note_early) for sig in _EARLY_SIGNALS}
    except ValueError:  # not the main thread: nothing to note
        return {}


_handlers_before_import = _noting_early()

import typer  # noqa: E402

from ei_cli import __version__  # noqa: E402
from ei_cli.app import app, state  # noqa: E402
from ei_cli.errors import EiError, ExitCode  # noqa: E402
from ei_cli.i18n import Text, t  # noqa: E402

# Registration of every command (each module only imports light things at top level).
from ei_cli.commands import (  # noqa: F401,E402
    batch,
    checks,
    eligibility,
    init,
    quota,
    regimes,
    report,
    subsidy,
    validate,
    wages,
)


def _reflow_help(typer_app: typer.Typer) -> None:
    """Give each command its docstring with the line breaks of the source joined, paragraph by paragraph.

    In rich markup mode Typer keeps a docstring's single line breaks, so a line wrapped at 100
    columns in the source was broken again by an 80-column terminal (an orphan word per line).
    Paragraphs stay separated by a blank line; an explicit ``help=`` is left as it is.
    """
    import inspect

    def reflow(doc: str) -> str:
        paragraphs = inspect.cleandoc(doc).split("\n\n")
        return "\n\n".join(" ".join(line.strip() for line in p.splitlines()) for p in paragraphs)

    for info in typer_app.registered_commands:
        if info.help is None and info.callback is not None and info.callback.__doc__:
            info.help = reflow(info.callback.__doc__)
    for group in typer_app.registered_groups:
        if group.typer_instance is not None:
            _reflow_help(group.typer_instance)


_reflow_help(app)


def _ei_classes(typer_app: typer.Typer) -> None:
    """Every command gets ``EiCommand``, every group ``EiGroup``: --help framed in French, and ``-o``
    naming one of the files a command reads refused (exit 2, nothing written) in this one place."""
    from ei_cli.commands._options import EiCommand, EiGroup

    typer_app.info.cls = EiGroup
    for info in typer_app.registered_commands:
        info.cls = EiCommand
    for group in typer_app.registered_groups:
        if group.typer_instance is not None:
            _ei_classes(group.typer_instance)


_ei_classes(app)


def _version(value: bool):
    if value:
        typer.echo(f"ei {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    debug: bool = typer.Option(False, "--debug", help="Affiche la trace complète des erreurs internes."),
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Version."),
):
    """ei — entreprises d'insertion : contrôles, subventions et rapports à partir de vos classeurs."""
    state["debug"] = debug


def _click_exception_classes() -> tuple[tuple[type, ...], tuple[type, ...]]:
    """Abort and usage-error classes: recent Typer vendors click (typer._click), older ones use click."""
    import importlib

    aborts: list[type] = [typer.Abort]
    usage: list[type] = []
    for name in ("typer._click.exceptions", "click.exceptions"):
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        usage.append(module.ClickException)
        if hasattr(module, "Abort"):
            aborts.append(module.Abort)
    return tuple(aborts), tuple(usage)


def console_script() -> None:
    """``ei`` and ``python -m ei_cli``: ``main``, then an exit without a last walk over the whole heap.

    At exit Python collects the garbage once more, over every object still alive: all the imported
    modules and, after a batch, every result (~18 ms of a federation batch, docs/performance.md). The
    process is ending, so they are first frozen (``gc.freeze``) and that collection skips them;
    everything else of a normal exit (atexit handlers, flushing stdout and stderr) still happens.
    Tests call ``main`` itself, whose objects stay collectable.

    SIGTERM (a scheduler's timeout, ``kill``) and, on Windows, Ctrl-Break (SIGBREAK) end the command like
    Ctrl-C (``app.interruption_signals``): exit 130 and no partial output file left behind (cli.md),
    instead of dying between a temporary file and its rename.
    """
    from ei_cli.app import interruption_signals

    for sig in interruption_signals():
        signal.signal(sig, _interrupt)
    _encodable_streams()
    _closed_stdout()
    _forgiving_stderr()
    try:
        if _early_interruption:  # interrupted while this module was imported: nothing has been done
            state["lang"] = "en" if _option_value(sys.argv[1:], "--lang") == "en" else "fr"
            state["interrupted"] = True
            _exit_interrupted()
        main()
    finally:
        import gc

        gc.freeze()
        _settle_stdout()


def _drop_unusable_terminal_size() -> None:
    """A COLUMNS or LINES that is no positive integer is removed from the environment, before any console is made
    (ei's, Typer's ``--help``).

    rich reads them as the terminal's size whenever they are all digits: ``COLUMNS=0`` (a failed ``tput cols``,
    a shell's or an IDE's configuration) drew every console 0 columns wide — a table command printed nothing
    at all, result, warnings and errors alike, and ``ei --help`` a lone newline — ``LINES=0`` made it 0 lines
    high, and digits that are no ASCII ones (``COLUMNS=²``) ended in « Erreur interne (ValueError) ». Without
    them rich takes the terminal's size, else 80 columns and 25 lines, as it already did for a value that is
    not all digits (``abc``, ``-5``)."""
    import os

    for name in ("COLUMNS", "LINES"):
        value = os.environ.get(name)
        if value is not None and not (value.isascii() and value.isdigit() and int(value) > 0):
            del os.environ[name]


def _settle_stdout() -> None:
    """After a failure of standard output itself (a full disk, ``> /dev/full``), what stayed in its buffer
    would fail again when Python flushes it at exit, with a traceback (« Exception ignored … ») and exit
    120: it is dropped (``_silence``), the failure having been reported already."""
    try:
        sys.stdout.flush()
    except (OSError, ValueError):
        _silence(sys.stdout)


def _encodable_streams(streams=None, environ=None) -> None:
    """Standard output and error take every character ei prints (« ≤ », « → », « ✓ »), wherever they go.

    On Windows a redirected stream (``ei check … -f json > result.json``, a scheduled task's log, a
    PowerShell pipe) is encoded in the ANSI code page (cp1252), which has no « ≤ »: the command ended in
    « Erreur interne (UnicodeEncodeError) » with nothing on stdout. A redirected stream is therefore
    written in UTF-8 (JSON's own encoding, RFC 8259 §8.1; Python's default from 3.15, PEP 686). A
    terminal, or an encoding the user chose (``PYTHONIOENCODING``), keeps its encoding, and a character
    it cannot show is escaped (``\\u2264``, ``\\xe9``) instead of failing — in text; a JSON document is written
    with JSON's own escapes there (``output.write_json``): ``\\xe9`` is no JSON escape.
    The Windows console itself takes Unicode (PEP 528): nothing changes there, nor on a UTF-8 system."""
    import codecs
    import os

    environ = os.environ if environ is None else environ
    for stream in (sys.stdout, sys.stderr) if streams is None else streams:
        encoding, reconfigure = getattr(stream, "encoding", None), getattr(stream, "reconfigure", None)
        if reconfigure is None or not encoding:
            continue
        try:
            if codecs.lookup(encoding).name == "utf-8":
                continue
            if not stream.isatty() and not environ.get("PYTHONIOENCODING"):
                reconfigure(encoding="utf-8")
            elif stream.errors == "strict":
                reconfigure(errors="backslashreplace")
        except (LookupError, OSError, ValueError):  # an unknown codec, a closed or detached stream
            continue


class _ClosedStream:
    """What ``sys.stdout`` is when the command was started with it closed (``ei … >&-``): Python leaves it None,
    and a JSON document written to it ended in a traceback (« 'NoneType' object has no attribute 'write' », exit
    1). Every write is now the system's refusal (EBADF), which ``main`` reports as any stdout that cannot be
    written (one line on stderr, exit 2); flushing it at exit does nothing."""

    def write(self, text):
        import errno

        raise OSError(errno.EBADF, "Bad file descriptor (stdout closed)", "stdout")

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return False

    def fileno(self) -> int:
        import io

        raise io.UnsupportedOperation("stdout closed")


class _Stderr:
    """``sys.stderr`` while ``ei`` runs: the real one, except that what it cannot take is dropped.

    Warnings, progress and messages go to stderr; a command's outcome is its exit code and its stdout. A stderr
    that could not be written — closed (``2>&-``, cron's habit), a full disk (``2>/dev/full``), a pipe whose
    reader has gone — changed that outcome: a message written from inside ``main``'s ``except`` failed in turn
    (Python's exit 1, which says « non conforme »); ``ei batch`` asked a closed stderr whether it is a
    terminal (exit 1, nothing run); a warning printed with the result failed mid-run (exit 1 after the table);
    rich took an EPIPE on stderr for one on stdout (exit 2 after a complete document). Here, in this one place,
    a write or a flush the system refuses (``OSError``, or ``ValueError`` for a closed file) is dropped — the
    exit code stays the command's — and the stream is sent to the null device (``_silence``): what stays in
    its buffer would fail again when Python flushes it at exit. A non-blocking descriptor that would block (a
    pipe momentarily full: Node's child processes, some CI runners) is no refusal: the text is written whole,
    waiting for room, as on stdout (``output.write_whole``). A character the encoding cannot hold is no
    failure of the stream (``_encodable_streams`` escapes it): that error is not swallowed. Only text is
    taken, as from any text stream (click probes ``write(b"")``); the underlying ``buffer`` is not offered, so
    that nothing writes around this one place."""

    def __init__(self, stream) -> None:
        self._stream = stream

    @property
    def encoding(self) -> str:
        return getattr(self._stream, "encoding", None) or "utf-8"

    @property
    def errors(self) -> str:
        return getattr(self._stream, "errors", None) or "strict"

    def write(self, text: str) -> int:
        if not isinstance(text, str):
            raise TypeError(f"write() argument must be str, not {type(text).__name__}")
        from ei_cli.output import write_whole

        try:
            write_whole(self._stream, text)
        except UnicodeError:
            raise
        except (OSError, ValueError):
            _silence(self._stream)
        return len(text)

    def flush(self) -> None:
        from ei_cli.output import flush_whole

        try:
            flush_whole(self._stream)
        except (OSError, ValueError):
            _silence(self._stream)

    def isatty(self) -> bool:
        try:
            return self._stream.isatty()
        except (OSError, ValueError):
            return False

    def fileno(self) -> int:
        return self._stream.fileno()

    def writable(self) -> bool:
        return True


def _closed_stdout() -> None:
    if sys.stdout is None:
        sys.stdout = _ClosedStream()


def _forgiving_stderr() -> None:
    """``sys.stderr`` becomes ``_Stderr`` around the real one, or around the null device when it was closed
    (``2>&-``, cron's habit).

    Every standard descriptor the command was started without (``<&-``, ``>&-``, ``2>&-``) is first held by
    the null device, for the whole run: left free, it was the first file ei opened (a workbook, a summary being
    written), and what is written to it below Python — a panic of calamine's Rust, a forked worker — went into
    that file. ``sys.stdout`` stays ``_ClosedStream`` all the same: a result that cannot be delivered is still
    told (exit 2)."""
    import os

    for fd, stream in enumerate((sys.__stdin__, sys.__stdout__, sys.__stderr__)):
        if stream is None:   # the system gives the lowest free descriptor: 0, 1, 2 in that order
            os.open(os.devnull, os.O_RDONLY if fd == 0 else os.O_WRONLY)
    stream = sys.stderr
    if stream is None:   # descriptor 2, the null device held above
        stream = open(2, "w", encoding="utf-8", errors="backslashreplace", closefd=False)
    sys.stderr = _Stderr(stream)


def _interrupt(signum, frame) -> None:
    """Ctrl-C, Ctrl-Break or SIGTERM: raise KeyboardInterrupt, and remember it. The exception can be lost when it
    lands inside an import (seen in lxml's, under openpyxl), so ``ei batch`` also checks the flag
    after every file (``batch._stop_if_interrupted``).

    Once the command is stopping, a second one is only noted: raised in the middle of the cleanup (removing
    the staged files, the previous summaries, the folders made), it cut it short — exit −2 with a traceback,
    and once a summary.xlsx left without its summary.json."""
    if state["interrupted"]:
        return
    state["interrupted"] = True
    raise KeyboardInterrupt


def main(argv: list[str] | None = None) -> None:
    """Console script: run the app, map failures to the contract's exit codes, never a traceback."""
    _drop_unusable_terminal_size()
    args = argv if argv is not None else sys.argv[1:]
    debug = "--debug" in args
    # French until the command's --lang is parsed (commands._options); a usage error can come before.
    state["lang"] = "en" if _option_value(args, "--lang") == "en" else "fr"
    state["command"] = state["json_stdout"] = state["parsing"] = None
    try:
        # Without standalone mode an explicit typer.Exit comes back as the return value.
        code = app(args=argv, standalone_mode=False)
        sys.stdout.flush()  # all of the output written, or its failure reported, before the exit code says so
    except typer.Exit as exc:  # normal end with a code chosen by the command
        sys.exit(exc.exit_code)
    except SystemExit as exc:
        # Click (typer.core._main) and rich (Console.on_broken_pipe) turn a broken pipe into exit 1 themselves.
        if _broken_pipe(exc.__context__):
            _exit_broken_pipe()
        raise
    except KeyboardInterrupt:
        _exit_interrupted()
    except EiError as exc:
        from ei_cli.output import WriteRefused, report_error

        report_error(exc, state["lang"])
        # The system refusing to write an output (no permission, full disk) is not the request's fault.
        code = "system_error" if isinstance(exc, WriteRefused) else "invalid_request"
        _json_on_failure(args, exc.message, exc.problems, code)
        sys.exit(ExitCode.BAD_INPUT)
    except Exception as exc:  # click usage errors and real bugs
        if _broken_pipe(exc):
            _exit_broken_pipe()
        aborts, usage_errors = _click_exception_classes()
        if isinstance(exc, aborts):
            _exit_interrupted()
        if isinstance(exc, usage_errors):
            from ei_cli import usage_errors as usage

            # The --lang click keeps (the last one), also when the error came before it was processed.
            state["lang"] = "en" if _given_option(args, "lang", "--lang") == "en" else "fr"
            usage.show(exc, state["lang"])
            if type(exc).__name__ != "NoArgsIsHelpError":
                ctx = getattr(exc, "ctx", None)
                if state["command"] is None:
                    from ei_cli.commands._options import command_name

                    state["command"] = command_name(ctx)
                if ctx is not None and not any(p.name == "format" for p in ctx.command.params):
                    state["json_stdout"] = False  # a command without --format prints no JSON
                _json_on_failure(args, t(usage.french_message(exc), usage.english_message(exc)), (), "usage_error")
            sys.exit(ExitCode.BAD_INPUT)
        if isinstance(exc, (OSError, MemoryError)) and not debug:
            # The system refused a read or a write (disk full, no permission, a file where a folder is
            # expected), or the memory the command needed (a limit such as ``ulimit -v``, a small
            # container): not a bug of ei, and nothing to report.
            from ei_cli.errors import system_reason

            from ei_cli.problems import display_path

            reason = system_reason(exc)
            where = display_path(exc.filename) if getattr(exc, "filename", None) else ""
            message = t(f"Erreur du système ({reason.fr})" + (f" : {where}" if where else "") + ".",
                        f"System error ({reason.en})" + (f": {where}" if where else "") + ".")
            _say(message)
            _json_on_failure(args, message, (), "system_error")  # --format json: still one document on stdout
            sys.exit(ExitCode.BAD_INPUT)
        name = type(exc).__name__
        if debug:
            # The trace asked for, on stderr; the exit code stays 2 (re-raising gave Python's 1, which
            # cli.md keeps for « non conforme »), and a JSON run still prints its one document.
            import traceback

            traceback.print_exc()
            message = t(f"Erreur interne ({name}) : la trace complète est ci-dessus, sur la sortie d'erreur ; "
                        "signalez-la.",
                        f"Internal error ({name}): the full trace is above, on stderr; report it.")
        else:
            message = t(f"Erreur interne ({name}). Relancez avec « ei --debug … » pour la trace complète "
                        "et signalez-la.",
                        f"Internal error ({name}). Run again with 'ei --debug …' for the full trace, and "
                        "report it.")
        _say(message)
        _json_on_failure(args, message, (), "internal_error")  # --format json: still one document on stdout
        sys.exit(ExitCode.BAD_INPUT)
    if code == ExitCode.INTERRUPTED:  # Typer turns Ctrl-C (and our SIGTERM) into this code itself
        _exit_interrupted()
    sys.exit(code if isinstance(code, int) else ExitCode.OK)


def _json_on_failure(args: list[str], message: Text, problems, code: str) -> None:
    """With ``--format json`` (cli.md: exactly one JSON document on stdout), a command that could not
    run still prints one: the common fields, ``compliant`` null, and the error among its ``problems``
    (its message is on stderr too). Nothing is printed when the document would have gone to a file
    (``-o FILE``; ``-o -`` is stdout): exit 2 writes no file.

    Once the command has started, its parsed options say (``EiCommand.invoke``); a usage error comes
    before they are all processed, and the command line is read for them as click reads it
    (``_given_option``).
    """
    to_stdout = state["json_stdout"]
    if to_stdout is None:
        from ei_cli.commands._options import STDOUT_DASH

        to_stdout = (_given_option(args, "format", "--format", "-f") == "json"
                     and _given_option(args, "output", "--output", "-o") in (None, STDOUT_DASH))
    if not to_stdout:
        return
    from ei_cli.output import base_document, write_json
    from ei_cli.problems import error

    doc = base_document(state["command"], problems=[*problems, error(code, message)])
    try:
        write_json(doc, state["lang"])
    except (OSError, ValueError):  # stdout is what failed (full, closed, its reader gone): the message is on stderr
        _silence(sys.stdout)


def _broken_pipe(exc: BaseException | None) -> bool:
    """``exc`` says that the reader of stdout went away (``ei … | head -1``). A broken pipe on stderr never
    comes here (``_Stderr`` drops what stderr cannot take): it was read as stdout's, and a complete output
    ended in exit 2."""
    import errno

    return isinstance(exc, BrokenPipeError) or (isinstance(exc, OSError) and exc.errno == errno.EPIPE)


def _exit_broken_pipe() -> None:
    """The reader of stdout went away (``ei regimes | head -1``): exit 2 without a word — the output was
    not all delivered, and cli.md keeps 1 for « non conforme » (Click and rich exit 1 on their own). Stdout
    is pointed at the null device first, so that Python's last flush at exit does not print « Exception
    ignored … BrokenPipeError » (Python's signal documentation, « Note on SIGPIPE »)."""
    _silence(sys.stdout)
    sys.exit(ExitCode.BAD_INPUT)


def _silence(stream) -> None:
    """A standard stream (stdout, or stderr from ``_Stderr``) that cannot be written, sent to the null device:
    what is still in its buffer is dropped instead of failing again when Python flushes it at exit (a
    traceback, exit 120)."""
    import os

    try:
        fd = stream.fileno()
    except (AttributeError, OSError, ValueError):  # closed (``_ClosedStream``), or not a file (a test's capture)
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, fd)
    finally:
        os.close(devnull)


def _given_option(args: list[str], name: str, *spellings: str) -> str | None:
    """The raw value of the option ``name`` (``spellings``: ``--format``, ``-f``) that click keeps: read by
    click's own parser on the arguments of the command being parsed when that command has the option
    (``given_options``: the last occurrence, bundles such as ``-qf json``); else, before any command is
    reached or for an option it does not have, from the whole command line (``_option_value``)."""
    parsing = state["parsing"]
    if parsing is not None and any(p.name == name for p in parsing[0].command.params):
        from ei_cli.commands._options import given_options

        value = given_options(*parsing).get(name)
        return None if value is None else str(value)
    return _option_value(args, *spellings)


def _option_value(args: list[str], *names: str) -> str | None:
    """The value given to an option on the command line (``--name value``, ``--name=value``, ``-x value``,
    ``-xvalue``), before any command parses it; None when absent. As in click, the last occurrence wins and
    nothing after ``--`` is an option. A bundle of short flags (``-qf json``) needs the command's own
    options to be read: ``_given_option`` has click read it once the command is known."""
    if "--" in args:
        args = args[:args.index("--")]
    value = None
    for i, a in enumerate(args):
        for name in names:
            if a == name:
                value = args[i + 1] if i + 1 < len(args) else ""
            elif a.startswith(name + "=") and name.startswith("--"):
                value = a.split("=", 1)[1]
            elif not name.startswith("--") and a.startswith(name) and len(a) > len(name):
                value = a[len(name):]
    return value


def _exit_interrupted() -> None:
    """« Interrompu. », exit 130. After a real signal, the interruption signals are ignored from here on:
    Python gives back their default action while it finalises (a Python handler is reset, an ignored one
    is not), and a second Ctrl-C landing then killed the process, exit −2 after « Interrompu. »."""
    if state["interrupted"]:
        from ei_cli.app import interruption_signals

        for sig in interruption_signals():
            try:
                signal.signal(sig, signal.SIG_IGN)
            except ValueError:  # not the main thread
                pass
    _say(t("\nInterrompu.", "\nInterrupted."))
    sys.exit(ExitCode.INTERRUPTED)


def _say(text: Text) -> None:
    """One line on stderr in the command's language (``--lang``, French until it is parsed)."""
    sys.stderr.write(text.get(state["lang"]) + "\n")


def _restore_handlers_before_import() -> None:
    """The end of the import: the handlers that were there before come back (``_noting_early``)."""
    for sig, handler in _handlers_before_import.items():
        signal.signal(sig, handler if handler is not None else signal.SIG_DFL)


_restore_handlers_before_import()  # last statement of the module
