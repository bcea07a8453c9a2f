"""Options shared by the commands, declared once (Typer ``Annotated`` aliases)."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated, Optional

import typer
from typer.core import TyperCommand, TyperGroup


class Format(StrEnum):
    TABLE = "table"
    JSON = "json"
    CSV = "csv"


class Lang(StrEnum):
    FR = "fr"
    EN = "en"


# Every path parameter is declared ``readable=False``: ei's reader says itself, in French and in the JSON
# document, which file cannot be read, and goes on with the others; click's own check stopped the whole
# command with an English usage error (« Path 'x.xlsx' is not readable. »).
FileArg = Annotated[Path, typer.Argument(metavar="FICHIER", help="Classeur de l'entreprise (.xlsx, .xlsm, .ods).", show_default=False,
                                         readable=False)]
FormatOpt = Annotated[Format, typer.Option("--format", "-f", help="table, json ou csv.")]
STDOUT_DASH = "-"


def output_path(text: str) -> Path | None:
    """``-o``'s value: ``-o -`` is standard output, as if -o were not given (the usual meaning of « - »; it
    wrote a file named « - »); a file of that name is still ``-o ./-``. Read from the text typed, which a
    path would make the same (``Path("./-") == Path("-")``)."""
    return None if text == STDOUT_DASH else Path(text)


# No click.Path (whose readability check every path parameter turns off: ``readable=False``): ``output_path``
# reads the text itself.
OutputOpt = Annotated[
    Optional[Path],
    typer.Option("--output", "-o", help="Écrire dans ce fichier (format selon l'extension), de façon atomique ; jamais sur un "
                 "classeur lu. « -o - » : la sortie standard.", parser=output_path, metavar="FICHIER"),
]


def _remember_lang(value: Lang) -> Lang:
    """Keep the chosen language for what ``cli.main`` prints itself when a command stops (its error,
    « Erreur du système », « Interrompu. »), after the command's own options are gone."""
    from ei_cli.app import state

    state["lang"] = str(value)
    return value


LangOpt = Annotated[Lang, typer.Option("--lang", help="Langue de sortie : fr ou en.", callback=_remember_lang)]
ExplainOpt = Annotated[bool, typer.Option("--explain", help="Montrer les raisons et les références légales.")]
StrictOpt = Annotated[bool, typer.Option("--strict", help="Un contrôle indéterminé compte comme non conforme.")]
NamesOpt = Annotated[bool, typer.Option("--names", help="Afficher les noms, et avec --explain les valeurs lues (données personnelles, parfois sensibles : situation sociale, handicap).")]
# ``ei report`` has no --explain: its documents print the names only, never the values read.
DocumentNamesOpt = Annotated[bool, typer.Option("--names", help="Afficher les noms des travailleurs dans le document (données "
                                                "personnelles).")]
# The years ei is asked about: the regimes begin in 2004; 2100 is far enough ahead for any agrément year.
YEAR_MIN, YEAR_MAX = 1990, 2100
YearOpt = Annotated[Optional[int], typer.Option("--year", "-y", help="Année civile évaluée.", min=YEAR_MIN,
                                                max=YEAR_MAX)]


def year_in_range(year: int, param_hint: str | None = None) -> None:
    """A year within those ``--year`` accepts, refused in click's own words for them (``usage_errors`` says them in
    the user's language)."""
    if not YEAR_MIN <= year <= YEAR_MAX:
        raise typer.BadParameter(f"{year} is not in the range {YEAR_MIN}<=x<={YEAR_MAX}.", param_hint=param_hint)


def at_in_range(value):
    """``--at``'s day within the years ``--year`` accepts: 9999-12-31 is refused as ``--year 9999`` is (a usage
    error in the user's language, the same words), not left to fail on an agrément year ending in 10000."""
    if value is not None:
        year_in_range(value.year)
    return value
RegimeOpt = Annotated[Optional[str], typer.Option("--regime", help="Forcer un régime (voir « ei regimes »).")]


# The parameters that name the files a command reads, and the one that names the file it writes;
# ``ei report``'s folder of document templates (its sub-command's option, else the group's).
INPUT_PARAMS = ("file", "files")
OUTPUT_PARAM = "output"
TEMPLATES_PARAM = "templates"


# The frame Typer draws around every --help, in English; ei's help is written in French. These are
# module-level texts of ``typer.rich_utils``, read each time a help is drawn (a later Typer without
# one of them just ignores it).
_HELP_FRAME_FR = {
    "DEFAULT_STRING": "[par défaut : {}]",
    "REQUIRED_LONG_STRING": "[obligatoire]",
    "ENVVAR_STRING": "[variable d'environnement : {}]",
    "DEPRECATED_STRING": "(obsolète) ",
    "COMMANDS_PANEL_TITLE": "Commandes",
}
HELP_OPTION_TEXT = "Afficher cette aide et quitter."


def given_options(ctx, args: list[str]) -> dict:
    """The options of ``ctx``'s command as click's own parser reads them on ``args``, before their types
    and callbacks: the raw text of each, the LAST occurrence winning (``-f table -f json`` is json),
    bundles read as click reads them (``-qf json``, ``-qfjson``: the command's own flags), nothing after
    ``--``. A line click refuses is read up to its error, an unknown option skipped. For what ``cli.main``
    prints when a usage error stops the command before its options are all processed: the language, and
    whether a JSON document goes to stdout."""
    reading = ctx.command.context_class(ctx.command, info_name=ctx.info_name, resilient_parsing=True)
    parser = ctx.command.make_parser(reading)
    parser.ignore_unknown_options = True
    opts, _, _ = parser.parse_args(list(args))
    return opts


class _FrenchHelp:
    """A command or group whose --help is framed in French; the arguments it parses are kept for
    ``cli.main`` (``given_options``), should a usage error stop it."""

    def parse_args(self, ctx, args):
        from ei_cli.app import state

        state["parsing"] = (ctx, list(args))
        return super().parse_args(ctx, args)

    def get_help_option(self, ctx):
        option = super().get_help_option(ctx)
        if option is not None:
            option.help = HELP_OPTION_TEXT
        return option

    def format_help(self, ctx, formatter):
        from typer import rich_utils

        for name, text in _HELP_FRAME_FR.items():
            setattr(rich_utils, name, text)
        return super().format_help(ctx, formatter)


def command_name(ctx) -> str | None:
    """The command a click context runs, as JSON documents name it: « check », « report-annual »
    (None for ``ei`` itself)."""
    names = []
    while ctx is not None and ctx.parent is not None:
        names.append(ctx.info_name)
        ctx = ctx.parent
    return "-".join(reversed(names)) or None


class EiGroup(_FrenchHelp, TyperGroup):
    """``ei`` itself and ``ei report`` (``cli.py`` gives them this class): commands listed in
    ``app.COMMAND_ORDER``, any other (``report``'s own) after them in the order they were registered."""

    def list_commands(self, ctx):
        from ei_cli.app import COMMAND_ORDER

        names = super().list_commands(ctx)
        rank = {name: i for i, name in enumerate(COMMAND_ORDER)}
        return sorted(names, key=lambda name: rank.get(name, len(COMMAND_ORDER)))


class EiCommand(_FrenchHelp, TyperCommand):
    """Every ``ei`` command (``cli.py`` gives them this class): its --help framed in French; once its
    options are parsed and before it reads anything, an output file (``-o``) that is one of its input
    files — or, for a document, one of its templates — is refused."""

    def invoke(self, ctx):
        from ei_cli.app import state
        from ei_cli.output import refuse_output_over_inputs

        # What ``cli.main`` needs should the command stop with an error: its name (« report-annual »), and
        # whether its JSON document goes to stdout (``--format json`` without ``-o``).
        state["command"] = command_name(ctx)
        state["json_stdout"] = str(ctx.params.get("format")) == "json" and ctx.params.get(OUTPUT_PARAM) is None
        inputs = []
        for name in INPUT_PARAMS:
            value = ctx.params.get(name)
            if value is not None:
                inputs += value if isinstance(value, (list, tuple)) else [value]
        templates = []
        if TEMPLATES_PARAM in ctx.params:
            # « ei report --templates DIR annual … »: the group's folder is the sub-command's default.
            if ctx.params[TEMPLATES_PARAM] is None and ctx.parent is not None and isinstance(ctx.parent.obj, dict):
                ctx.params[TEMPLATES_PARAM] = ctx.parent.obj.get(TEMPLATES_PARAM)
            if ctx.params.get(OUTPUT_PARAM) is not None:
                from ei_cli.documents import template_paths

                templates = template_paths(ctx.params[TEMPLATES_PARAM])
        refuse_output_over_inputs(ctx.params.get(OUTPUT_PARAM), inputs, templates)
        return super().invoke(ctx)
