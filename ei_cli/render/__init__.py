"""Terminal rendering of each command's result (rich is imported by the functions that draw)."""

from __future__ import annotations

from ei_cli.rules.common import VERDICT

VERDICT_STYLE = {True: "green", False: "bold red", None: "yellow"}


def verdict_markup(value: bool | None, lang: str, upper: bool = False, applicable: bool = True) -> str:
    """« conforme » in green, « non conforme » in red, « indéterminé » in yellow, « non applicable » dim
    (rich markup)."""
    if not applicable:
        from ei_cli.rules.common import NOT_APPLICABLE

        return f"[dim]{NOT_APPLICABLE.get(lang)}[/]"
    word = VERDICT[value].get(lang)
    return f"[{VERDICT_STYLE[value]}]{word.upper() if upper else word}[/]"


def reference_text(reason, lang: str) -> str:
    """« Texte, article (confiance) — url » for a reason that cites a parameter ("" when it cites none), the
    citation in ``lang`` (``regimes.cited_in``)."""
    if not reason.reference:
        return ""
    from ei_cli.regimes import CONFIDENCES, cited_in

    confidence = CONFIDENCES[reason.confidence].get(lang) if reason.confidence else ""
    text = f"{cited_in(reason.reference, lang)}" + (f" ({confidence})" if confidence else "")
    return text + (f" — {reason.url}" if reason.url else "")


def reason_text(reason, lang: str) -> str:
    """« Raison [référence (confiance) — url] »: a reason on one line with its reference (``reference_text``), as
    every --explain in a table cell or a CSV column gives it."""
    ref = reference_text(reason, lang)
    return reason.text.get(lang) + (f" [{ref}]" if ref else "")


def print_reasons(con, reasons, lang: str, indent: str = "  ") -> None:
    """Each reason on its line, and under it the legal reference it rests on (``--explain``)."""
    from rich.markup import escape

    for reason in reasons:
        con.print(f"{indent}• {escape(reason.text.get(lang))}")
        ref = reference_text(reason, lang)
        if ref:
            con.print(f"{indent}  [dim]↳ {escape(ref)}[/]")
