"""Terminal rendering of each command's result (rich is imported by the functions that draw)."""

from __future__ import annotations


def reference_text(reason, lang: str) -> str:
    """« Texte, article (confiance) — url » for a reason that cites a parameter ("" when it cites none)."""
    if not reason.reference:
        return ""
    from ei_cli.regimes import CONFIDENCES

    confidence = CONFIDENCES[reason.confidence].get(lang) if reason.confidence else ""
    text = f"{reason.reference}" + (f" ({confidence})" if confidence else "")
    return text + (f" — {reason.url}" if reason.url else "")
