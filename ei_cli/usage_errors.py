"""click's usage errors (unknown option, missing argument, bad value…) in the user's language.

click writes them in English only. In French (the default) the error is rebuilt from what the
exception holds — its class, the parameter, the option name — and, for a value click refused, from
its message, which has a handful of fixed shapes; a message of any other shape (ei's own, already in
French) is kept as it is. ``--lang en`` says them in English the same way (``_VALUE_MESSAGES``): click's
Python placeholders (« does not match the formats '%Y-%m-%d' », « is not a valid int range ») reworded, and
the French metavars of the usage line and of a missing argument (FICHIER, DOSSIER) said in English.
"""

from __future__ import annotations

import re
import sys

from ei_cli.i18n import english_word, french_word, quoted

# click's DateTime refusal: a date in no accepted format, or a well-formed one the calendar lacks (--at
# 2023-02-29), which click refuses in the same words (``_missing_day`` tells them apart).
_NO_MATCH = re.compile(r"^'(.*)' does not match the formats? (.+)\.$", re.S)
_NOT_INT = re.compile(r"^'(.*)' is not a valid (?:int range|integer range|integer|int)\.$", re.S)
_NOT_FLOAT = re.compile(r"^'(.*)' is not a valid (?:float range|float)\.$", re.S)
_NOT_IN_RANGE = re.compile(r"^(.+) is not in the range (-?[\d.]+)<=x<=(-?[\d.]+)\.$", re.S)
_NOT_ONE_OF = re.compile(r"^'(.*)' is not one of (.+)\.$", re.S)
# click (typer's) writes « argument(s) » whatever the count: the words are said by the count of the arguments
# it quotes, joined by spaces (an argument holding a space counts as two: it only says « arguments »).
_EXTRA_ARGS = re.compile(r"^Got unexpected extra argument(?:\(s\)|s)? \((.*)\)$", re.S)
# click's unknown command, with its guess when it has one: worded in French, and in English with ei's quotes.
_NO_SUCH_COMMAND = re.compile(r"^No such command '(.+?)'\.(?: Did you mean '(.+?)'\?)?$", re.S)
# Each refusal of a value: click's pattern, then the French and the English words (the English worded as the
# French, without Python's placeholders: %Y-%m-%d, int range).
_VALUE_MESSAGES = [
    (_NOT_INT, lambda m: f"{quoted(m[1])} n'est pas un nombre entier.", lambda m: f"{quoted(m[1], 'en')} is not a whole number."),
    (_NOT_FLOAT, lambda m: f"{quoted(m[1])} n'est pas un nombre.", lambda m: f"{quoted(m[1], 'en')} is not a number."),
    (_NOT_IN_RANGE, lambda m: f"{m[1]} n'est pas compris entre {m[2]} et {m[3]}.",
     lambda m: f"{m[1]} is not between {m[2]} and {m[3]}."),
    (_NOT_ONE_OF, lambda m: f"{quoted(m[1])} n'est pas l'une des valeurs {_choices(m[2])}.",
     lambda m: f"{quoted(m[1], 'en')} is not one of {_choices(m[2], 'en')}."),
    (_NO_MATCH, lambda m: f"{quoted(m[1])} : cette date n'existe pas au calendrier." if _missing_day(m[1], m[2]) else
     f"{quoted(m[1])} n'est pas une date au format {_date_formats(m[2])}.",
     lambda m: f"{quoted(m[1], 'en')}: this date does not exist in the calendar." if _missing_day(m[1], m[2]) else
     f"{quoted(m[1], 'en')} is not a date in the format {_date_formats(m[2], 'en')}."),
]

_DATE_FIELDS = {"fr": {"%Y": "AAAA", "%m": "MM", "%d": "JJ"}, "en": {"%Y": "YYYY", "%m": "MM", "%d": "DD"}}
# The metavars of ei's arguments and options (commands/_options.py) are French; in an English usage line or
# error they are said in English. The help stays French (ei's help text is French only).
_METAVARS_EN = {"FICHIER": "FILE", "DOSSIER": "FOLDER", "AAAA-MM-JJ": "YYYY-MM-DD"}
_METAVAR = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, _METAVARS_EN)) + r")(?![\w-])")


def _date_formats(formats: str, lang: str = "fr") -> str:
    fields = _DATE_FIELDS[lang]
    names = [re.sub(r"%[Ymd]", lambda f: fields[f[0]], x.strip().strip("'")) for x in formats.split(",")]
    return (" or " if lang == "en" else " ou ").join(names)


def _choices(listed: str, lang: str = "fr") -> str:
    """click's « 'table', 'json', 'csv' » in the language's quotation marks (``quoted``)."""
    return ", ".join(quoted(choice.strip().strip("'"), lang) for choice in listed.split(","))


def _english_metavars(text: str) -> str:
    """« ei check [OPTIONS] {FICHIER} » → « ei check [OPTIONS] {FILE} »."""
    return _METAVAR.sub(lambda m: _METAVARS_EN[m[1]], text)


def _missing_day(value: str, formats: str) -> bool:
    """``value`` is written as one of click's ``formats`` (« '%Y-%m-%d', '%d/%m/%Y' »), with a month of 1 to
    12 and a day of 1 to 31: a well-formed date the calendar lacks (2023-02-29, 2025-04-31)."""
    fields = {"%Y": r"(?P<Y>\d{4})", "%m": r"(?P<m>\d{1,2})", "%d": r"(?P<d>\d{1,2})"}
    for fmt in formats.split(","):
        pattern = re.sub(r"%[Ymd]|[^%]+", lambda x: fields.get(x[0]) or re.escape(x[0]), fmt.strip().strip("'"))
        m = re.fullmatch(pattern, value.strip())
        if m and {"Y", "m", "d"} <= set(m.groupdict()) and 1 <= int(m["m"]) <= 12 and 1 <= int(m["d"]) <= 31:
            return True
    return False


def _param_name(exc) -> str:
    param = getattr(exc, "param", None)
    if param is None:
        hint = getattr(exc, "param_hint", None)
        return hint if isinstance(hint, str) else " / ".join(hint or ())
    if getattr(param, "param_type_name", "") == "option":
        return " / ".join(param.opts)
    return param.human_readable_name


def _unpacked(exc) -> tuple[str, str]:
    """The exception's class name and message."""
    return type(exc).__name__, getattr(exc, "message", "") or ""


def _missing_option(exc) -> bool:
    """A ``MissingParameter`` names an option (else an argument)."""
    return (exc.param_type or getattr(exc.param, "param_type_name", "parameter")) == "option"


def _refused_value(message: str, lang: str) -> str | None:
    """click's refusal of a value (``message``) in the words of ``_VALUE_MESSAGES``, or None for another shape."""
    for pattern, french, english in _VALUE_MESSAGES:
        if m := pattern.match(message):
            return (english if lang == "en" else french)(m)
    return None


def french_message(exc) -> str:
    """The error of a click usage exception, in French."""
    kind, message = _unpacked(exc)
    if kind == "MissingParameter":
        if _missing_option(exc):
            return f"option {_param_name(exc)} manquante."
        return f"argument {_param_name(exc)} manquant."
    if kind == "NoSuchOption":
        possible = sorted(exc.possibilities or ())
        return f"option inconnue : {exc.option_name}" + (f" (vouliez-vous dire {', '.join(possible)} ?)"
                                                          if possible else "") + "."
    if kind == "BadOptionUsage":
        if re.match(r"^Option '.+' requires an argument\.$", message):
            return f"l'option {exc.option_name} attend une valeur."
        if m := re.match(r"^Option '.+' requires (\d+) arguments\.$", message):
            return f"l'option {exc.option_name} attend {m[1]} valeurs."
        if re.match(r"^Option '.+' does not take a value\.$", message):
            return f"l'option {exc.option_name} ne prend pas de valeur."
        return message
    if kind == "BadParameter":
        return f"valeur invalide pour {_param_name(exc)} : {_refused_value(message, 'fr') or message}"
    if m := _EXTRA_ARGS.match(message):
        return f"{french_word(_extra_count(m[1]), 'argument en trop', 'arguments en trop')} : {m[1]}."
    if m := _NO_SUCH_COMMAND.match(message):
        return f"commande inconnue : {quoted(m[1])}." + (f" Vouliez-vous dire {quoted(m[2])} ?" if m[2] else "")
    if message == "Missing command.":
        return "commande manquante."
    return message


def _extra_count(joined: str) -> int:
    """How many extra arguments click's message names: it joins them with one space each (an empty
    argument counts; one holding a space reads as two, docs/interpretations.md)."""
    return joined.count(" ") + 1


def english_message(exc) -> str:
    """The error of a click usage exception, in English: click's own words, but a refused value worded as
    in French (``_VALUE_MESSAGES``) and the arguments' metavars in English."""
    kind, message = _unpacked(exc)
    if kind == "MissingParameter":
        if _missing_option(exc):
            return f"Missing option {_param_name(exc)}."
        return f"Missing argument {_english_metavars(_param_name(exc))}."
    if kind == "BadParameter" and (words := _refused_value(message, "en")):
        return f"Invalid value for {_param_name(exc)}: {words}"
    if m := _EXTRA_ARGS.match(message):
        return f"Got unexpected extra {english_word(_extra_count(m[1]), 'argument')} ({m[1]})"
    if kind == "BadOptionUsage" and (m := re.match(r"^Option '(.+?)' (requires .+|does not take a value)\.$", message)):
        return f"Option {m[1]} {m[2]}."   # an option is named bare, as in « Missing option --year »
    if m := _NO_SUCH_COMMAND.match(message):
        return f"No such command {quoted(m[1], 'en')}." + (f" Did you mean {quoted(m[2], 'en')}?" if m[2] else "")
    return _english_metavars(exc.format_message())


def show(exc, lang: str) -> None:
    """Print a click usage error on stderr as click does (usage line, where to find help, the error),
    in French unless ``lang`` is ``en``."""
    if type(exc).__name__ == "NoArgsIsHelpError":
        exc.show()
        return
    en = lang == "en"
    ctx = getattr(exc, "ctx", None)
    lines = []
    if ctx is not None:
        lines.append(_english_metavars(ctx.get_usage()) if en else re.sub(r"^Usage:", "Usage :", ctx.get_usage()))
        if ctx.command.get_help_option(ctx) is not None:
            help_command = f"{ctx.command_path} {ctx.help_option_names[0]}"
            lines.append(f"Try {quoted(help_command, 'en')} for help." if en else f"Aide : {help_command}")
        lines.append("")
    lines.append(("Error: " + english_message(exc)) if en else ("Erreur : " + french_message(exc)))
    sys.stderr.write("\n".join(lines) + "\n")
