"""Tables for ``ei regimes``: the list of regimes, and one regime's parameters with references."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from rich.table import Table

from ei_cli.i18n import decimal_text, t
from ei_cli.regimes import CONFIDENCES, UNITS, UNKNOWN, Regime
from ei_cli.rules.common import euro_number, euro_text, number_text, share_text

_STATUS = {"current": ("en vigueur", "current"), "historical": ("historique", "historical"),
           "outline": ("partiel (ébauche)", "outline")}

# A bracket's fields as the table says them, the first one choosing the bracket (« dès 8 travailleurs du public
# cible : 25 000 €, … »), each with the unit its value is written in; a field not listed is « key value ».
_BRACKET_FIELDS = {
    "min_target_workers": (t("dès {} travailleurs du public cible", "from {} target-public workers"), "count"),
    "occupation_year": (t("année d'occupation {}", "occupation year {}"), "years"),
    "agrement_year": (t("année d'agrément {}", "agrément year {}"), "years"),
    "amount": (t("{}", "{}"), "amount"),
    "min_accompanier_fte": (t("accompagnateur d'au moins {} ETP", "accompanier of at least {} FTE"), "fte"),
    "max_accompanier_fte": (t("au plus {} ETP", "at most {} FTE"), "fte"),
}


def _scalar_text(x, lang: str, unit: str = "") -> str:
    """One value as the table says it in ``lang``, as the other commands write such a figure: an amount
    « 50 000 000 » (« 50,000,000 », whole euros unless it has cents) beside its unit « € » (a bracket's
    « 25 000 € », ``unit`` "amount"), a share « 50,0 % », an FTE « 0,50 », oui/non (yes/no), « inconnu » (unknown), another number as written with the language's decimal mark (4 / 1,5)
    — never Python's True, 0.5 or the English word in French."""
    if isinstance(x, bool):
        return t("oui", "yes").get(lang) if x else t("non", "no").get(lang)
    if x == UNKNOWN:
        return t("inconnu", "unknown").get(lang)
    if isinstance(x, date):
        return x.isoformat()
    if isinstance(x, (Decimal, int, float)):
        if unit in ("eur", "amount"):  # a parameter's: the unit column says « € » beside it; a bracket's has it
            return (euro_number if unit == "eur" else euro_text)(x, lang, places=0 if x == int(x) else 2)
        if unit == "share":
            return share_text(Decimal(x), lang)
        if unit == "fte":
            return number_text(Decimal(x), lang)
        return decimal_text(x, lang)
    return str(x)


def _bracket_text(item: dict, lang: str) -> str:
    """One bracket: its first field, which chooses it, then « : » and the others (« from 8 target-public workers:
    €25,000, accompanier of at least 0.50 FTE, at most 0.50 FTE »)."""
    parts = []
    for key, x in item.items():
        words, unit = _BRACKET_FIELDS.get(key, (t(f"{key} {{}}", f"{key} {{}}"), ""))
        parts.append(words.get(lang).format(_scalar_text(x, lang, unit)))
    head, rest = parts[0], ", ".join(parts[1:])
    return f"{head}{':' if lang == 'en' else ' :'} {rest}" if rest else head


def _value_text(v, lang: str = "fr") -> str:
    """A parameter's value in the table: a list of words joined by commas; brackets one after the other,
    separated by " ; " in French typography and "; " in English; a figure in its unit (``_scalar_text``)."""
    if isinstance(v.value, tuple) and all(isinstance(x, str) for x in v.value):
        return ", ".join(v.value)
    if isinstance(v.value, tuple):
        return ("; " if lang == "en" else " ; ").join(_bracket_text(item, lang) for item in v.value)
    return _scalar_text(v.value, lang, v.unit)


def _validity_text(start: date, end: date | None) -> str:
    """The days a dated value applies: its first day, and when it has a last one, « → » and that day under it
    (« 2017-06-30 / → / 2023-12-31 »: three short lines keep the column as narrow as a date, the width the
    table's layout at 80 columns counts on, ``terminal.fitted``)."""
    return start.isoformat() + (f"\n→\n{end.isoformat()}" if end else "")


def regimes_table(console, regimes: list[Regime], lang: str) -> None:
    en = lang == "en"
    table = Table(title="Régimes connus" if not en else "Known regimes", show_lines=True)
    # The id is what the user types (--regime ID): never truncated; the title wraps instead.
    table.add_column("Regime" if en else "Régime", no_wrap=True)
    table.add_column("Status" if en else "Statut", max_width=12)
    table.add_column("Valid" if en else "Validité", no_wrap=True)
    table.add_column("Texts" if en else "Textes", ratio=1, min_width=20)
    for r in regimes:
        until = r.valid_to.isoformat() if r.valid_to else "…"
        table.add_row(r.id, _STATUS[r.status][1 if en else 0], f"{r.valid_from.isoformat()}\n→ {until}",
                      r.title)
    console.print(table)


def parameters_table(console, regime: Regime, lang: str, explain: bool) -> None:
    en = lang == "en"
    console.print(f"[bold]{regime.id}[/] — {regime.title}")
    until = regime.valid_to.isoformat() if regime.valid_to else ("today" if en else "aujourd'hui")
    console.print(f"{'Valid' if en else 'Valable'} {regime.valid_from.isoformat()} → {until} · "
                  f"{'last checked' if en else 'vérifié le'} {regime.last_checked.isoformat()}")
    if regime.summary_text.get(lang):
        console.print(regime.summary_text.get(lang))
    table = Table(show_lines=explain)
    for head in (("Paramètre", "Parameter"), ("Valeur", "Value"), ("Unité", "Unit"), ("Validité", "Validity"),
                 ("Confiance", "Confidence"), ("Référence", "Reference")):
        table.add_column(head[1] if en else head[0], overflow="fold")
    for key in sorted(regime.parameters):
        p = regime.parameters[key]
        ref = p.reference.cite(lang)
        if explain:
            description = p.description_text.get(lang) if p.description else ""
            ref = "\n".join(x for x in (description, ref, p.reference.url, p.reference.note_text(lang)) if x)
        # One row per dated value, with the days it applies (``_validity_text``, its ``from`` and ``to`` as the
        # CSV and JSON give them): the value a verdict of any date used can be found, not only the last one.
        for dated in p.values:
            value = dated.value_en if en and dated.value_en else _value_text(p.at(dated.start), lang)
            table.add_row(key, value, UNITS[p.unit].get(lang),
                          _validity_text(dated.start, dated.end),
                          CONFIDENCES[p.confidence].get(lang), ref)
    console.print(table)
