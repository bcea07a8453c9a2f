"""Bilingual texts: everything the user reads exists in French (default) and English."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

LANGS = ("fr", "en")


@dataclass(frozen=True)
class Text:
    """A user-facing sentence in French and English."""

    fr: str
    en: str

    def get(self, lang: str = "fr") -> str:
        return self.en if lang == "en" else self.fr

    def format(self, **kwargs) -> "Text":
        return Text(self.fr.format(**kwargs), self.en.format(**kwargs))

    def __str__(self) -> str:  # French by default
        return self.fr


def t(fr: str, en: str) -> Text:
    return Text(fr, en)


def decimal_text(x, lang: str = "fr") -> str:
    """A number as written (no rounding), with a decimal comma in French: 0,68 / 0.68. Never in exponent
    notation: a normalised Decimal 10 is ``1E+1`` to ``str``, « 10 » here."""
    text = format(x, "f") if isinstance(x, Decimal) else str(x)
    return text if lang == "en" else text.replace(".", ",")
