"""Bilingual texts: everything the user reads exists in French (default) and English."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal


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


def quoted(text: str, lang: str = "fr") -> str:
    """``text`` between the quotation marks of the message's language: « … » in French, “…” in English — the
    marks the English messages mostly used (a column's name, a refused option value), where « », '…', "…" and
    `…` had been mixed (« Column “hire_date” (worker 2): « 31/02/2023 » is not valid »)."""
    return f"“{text}”" if lang == "en" else f"« {text} »"


def plural(n: int, fr: str, en: str, fr_plural: str | None = None, en_plural: str | None = None) -> Text:
    """« 1 travailleur comparé », « 2 travailleurs comparés » / « 1 worker compared », « 2 workers compared »: the
    count and its words, singular or plural by each language's rule (French: singular below 2, « 0 mois
    jugé »; English: singular for 1 only). The plural adds an « s » unless given (« mois connus », « unknown »)."""
    return Text(f"{n} {french_word(n, fr, fr_plural)}", f"{n} {english_word(n, en, en_plural)}")


def others(n: int) -> Text:
    """« 1 autre », « 3 autres » / « 1 more », « 3 more »: what a list cut short says of the rest."""
    return plural(n, "autre", "more", en_plural="more")


def enumeration(items) -> Text:
    """« a, b et c » / « a, b and c »: a list of names said as a sentence says it (one name alone as it is)."""
    items = list(items)
    if len(items) < 2:
        return Text("".join(items), "".join(items))
    head = ", ".join(items[:-1])
    return Text(f"{head} et {items[-1]}", f"{head} and {items[-1]}")


def french_word(n, word: str, word_plural: str | None = None) -> str:
    """The French word for a count of ``n``: singular below 2 (« 0 mois jugé », « 1,5 ETP »), else plural
    (an « s » added unless given). ``plural`` and the documents' ``compte`` filter say counts through it."""
    return word if n < 2 else (word_plural or word + "s")


def english_word(n, word: str, word_plural: str | None = None) -> str:
    """The English word for a count of ``n``: singular for 1 only (« 0 months », « 1 month »), else plural (an
    « s » added unless given). ``french_word``'s twin, for a word away from its count (« Rows 1 to 2 »)."""
    return word if n == 1 else (word_plural or word + "s")


def decimal_text(x, lang: str = "fr") -> str:
    """A number as written (no rounding), with a decimal comma in French: 0,68 / 0.68. Never in exponent
    notation: a normalised Decimal 10 is ``1E+1`` to ``str``, « 10 » here."""
    text = format(x, "f") if isinstance(x, Decimal) else str(x)
    return text if lang == "en" else text.replace(".", ",")
