"""Tables for ``ei regimes``: the list of regimes, and one regime's parameters with references."""

from __future__ import annotations

from rich.table import Table

from decimal import Decimal

from ei_cli.i18n import decimal_text, t
from ei_cli.regimes import CONFIDENCES, UNKNOWN, Regime

_STATUS = {"current": ("en vigueur", "current"), "historical": ("historique", "historical"),
           "outline": ("partiel (ébauche)", "outline")}


def _scalar_text(x, lang: str) -> str:
    """One value as the table says it in ``lang``: oui/non (yes/no), « inconnu » (unknown), a number as written
    with the language's decimal mark (0,5 / 0.5) — never Python's True, 0.5 or the English word in French."""
    if isinstance(x, bool):
        return t("oui", "yes").get(lang) if x else t("non", "no").get(lang)
    if x == UNKNOWN:
        return t("inconnu", "unknown").get(lang)
    if isinstance(x, (Decimal, int, float)):
        return decimal_text(x, lang)
    return str(x)


def _value_text(v, lang: str = "fr") -> str:
    """A parameter's value in the table: a list of words joined by commas; brackets one after the other, each
    as key=value, separated by " ; " in French typography and "; " in English."""
    if isinstance(v.value, tuple) and all(isinstance(x, str) for x in v.value):
        return ", ".join(v.value)
    if isinstance(v.value, tuple):
        return ("; " if lang == "en" else " ; ").join(
            ", ".join(f"{k}={_scalar_text(x, lang)}" for k, x in item.items()) for item in v.value)
    return _scalar_text(v.value, lang)


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
    if regime.summary:
        console.print(regime.summary)
    table = Table(show_lines=explain)
    for head in (("Paramètre", "Parameter"), ("Valeur", "Value"), ("Unité", "Unit"), ("Depuis", "Since"),
                 ("Confiance", "Confidence"), ("Référence", "Reference")):
        table.add_column(head[1] if en else head[0], overflow="fold")
    for key in sorted(regime.parameters):
        p = regime.parameters[key]
        last = p.values[-1]
        ref = p.reference.cite()
        if explain:
            description = p.description_text.get(lang) if p.description else ""
            ref = "\n".join(x for x in (description, ref, p.reference.url, p.reference.note) if x)
        table.add_row(key, _value_text(p.at(last.start), lang), p.unit, last.start.isoformat(),
                      CONFIDENCES[p.confidence].get(lang), ref)
    console.print(table)
