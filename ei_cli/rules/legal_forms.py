"""Belgian legal forms as users write them: ``S.A.``, ``sa``, ``société anonyme``, ``SCRL FS``, ``SC ES``,
``NV``… → one code (``SA``, ``SCRL``…) and whether the spelling itself states a social purpose.

This is vocabulary, not law: which forms a regime admits is a regime parameter
(``enterprise.legal_form.*``, rules/enterprise.py). Codes: the usual French abbreviations of the Code
des sociétés (2001) and of the Code des sociétés et des associations (CSA, 2019), plus words for
what is not a company (``PERSONNE_PHYSIQUE``, ``ASSOCIATION_DE_FAIT``, ``FONDATION``).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from ei_cli.i18n import Text, t

# code → how it is named in a sentence
NAMES: dict[str, Text] = {
    "SA": t("société anonyme (SA)", "public limited company (SA)"),
    "SCRL": t("société coopérative à responsabilité limitée (SCRL)", "limited-liability cooperative (SCRL)"),
    "SCRI": t("société coopérative à responsabilité illimitée (SCRI)", "unlimited-liability cooperative (SCRI)"),
    "SC": t("société coopérative (SC)", "cooperative company (SC)"),
    "SPRL": t("société privée à responsabilité limitée (SPRL)", "private limited company (SPRL)"),
    "SRL": t("société à responsabilité limitée (SRL)", "limited-liability company (SRL)"),
    "SNC": t("société en nom collectif (SNC)", "general partnership (SNC)"),
    "SCS": t("société en commandite simple (SCS)", "limited partnership (SCS)"),
    "SCA": t("société en commandite par actions (SCA)", "partnership limited by shares (SCA)"),
    "SCOMM": t("société en commandite (SComm)", "limited partnership (SComm)"),
    "GIE": t("groupement d'intérêt économique (GIE)", "economic interest grouping (GIE)"),
    "SOCIETE_SIMPLE": t("société simple (sans personnalité juridique)", "partnership without legal personality (société simple)"),
    "ASBL": t("association sans but lucratif (ASBL)", "non-profit association (ASBL)"),
    "AISBL": t("association internationale sans but lucratif (AISBL)", "international non-profit association (AISBL)"),
    "FONDATION": t("fondation", "foundation"),
    "ASSOCIATION_DE_FAIT": t("association de fait (sans personnalité juridique)", "de facto association (no legal personality)"),
    "PERSONNE_PHYSIQUE": t("personne physique (indépendant, entreprise individuelle)",
                           "natural person (self-employed, sole trader)"),
}

# normalised spelling (see ``_key``) → code. Abbreviations are also matched without their spaces.
_SPELLINGS: dict[str, str] = {
    "sa": "SA", "societe anonyme": "SA", "nv": "SA", "naamloze vennootschap": "SA",
    "scrl": "SCRL", "societe cooperative a responsabilite limitee": "SCRL", "cvba": "SCRL",
    "cooperatieve vennootschap met beperkte aansprakelijkheid": "SCRL",
    "scri": "SCRI", "societe cooperative a responsabilite illimitee": "SCRI", "cvoa": "SCRI",
    "sc": "SC", "societe cooperative": "SC", "cooperative": "SC", "cv": "SC", "cooperatieve vennootschap": "SC",
    "sprl": "SPRL", "sprlu": "SPRL", "sprls": "SPRL", "societe privee a responsabilite limitee": "SPRL",
    "bvba": "SPRL", "besloten vennootschap met beperkte aansprakelijkheid": "SPRL",
    "srl": "SRL", "societe a responsabilite limitee": "SRL", "bv": "SRL", "besloten vennootschap": "SRL",
    "snc": "SNC", "societe en nom collectif": "SNC", "vof": "SNC", "vennootschap onder firma": "SNC",
    "scs": "SCS", "societe en commandite simple": "SCS", "gcv": "SCS",
    "sca": "SCA", "societe en commandite par actions": "SCA", "commva": "SCA",
    "scomm": "SCOMM", "societe en commandite": "SCOMM", "commv": "SCOMM", "commanditaire vennootschap": "SCOMM",
    "gie": "GIE", "groupement d interet economique": "GIE", "esv": "GIE",
    "economisch samenwerkingsverband": "GIE",
    "societe simple": "SOCIETE_SIMPLE", "maatschap": "SOCIETE_SIMPLE",
    "asbl": "ASBL", "association sans but lucratif": "ASBL", "vzw": "ASBL", "vereniging zonder winstoogmerk": "ASBL",
    "aisbl": "AISBL", "association internationale sans but lucratif": "AISBL", "ivzw": "AISBL",
    "fondation": "FONDATION", "fondation privee": "FONDATION", "fondation d utilite publique": "FONDATION",
    "stichting": "FONDATION",
    "association de fait": "ASSOCIATION_DE_FAIT", "feitelijke vereniging": "ASSOCIATION_DE_FAIT",
    "personne physique": "PERSONNE_PHYSIQUE", "independant": "PERSONNE_PHYSIQUE",
    "entreprise individuelle": "PERSONNE_PHYSIQUE", "entreprise en personne physique": "PERSONNE_PHYSIQUE",
    "travailleur independant": "PERSONNE_PHYSIQUE",
    "natuurlijk persoon": "PERSONNE_PHYSIQUE", "eenmanszaak": "PERSONNE_PHYSIQUE", "zelfstandige": "PERSONNE_PHYSIQUE",
}
_COMPACT = {k.replace(" ", ""): v for k, v in _SPELLINGS.items()}

# What, after the form, states a social purpose: « à finalité sociale » (FS, the SFS of the Code des
# sociétés), « agréée comme entreprise sociale » (ES, CSA), « met sociaal oogmerk » (VSO).
_SOCIAL_PHRASES = ("agreee comme entreprise sociale", "agree comme entreprise sociale", "agreee entreprise sociale",
                   "entreprise sociale agreee", "entreprise sociale", "agreee es", "agree es", "agreee comme es",
                   "a finalite sociale", "finalite sociale",
                   "met sociaal oogmerk", "sociaal oogmerk", "erkend als sociale onderneming")
_SOCIAL_SUFFIXES = ("fs", "es", "so", "vso")


@dataclass(frozen=True)
class LegalForm:
    """A workbook's ``forme_juridique`` as read: ``code`` None when not recognised (or only a social
    purpose was written, e.g. « SFS »); ``social`` True when the spelling states a social purpose."""

    given: str
    code: str | None
    social: bool

    @property
    def name(self) -> Text:
        if self.code:
            return NAMES[self.code]
        from ei_cli.workbook.cells import shown

        return t(shown(self.given), shown(self.given, "en"))


def _key(text: str) -> str:
    """Lower case, no accents; dots removed (« S.C.R.L. » → « scrl »); other punctuation → spaces."""
    s = unicodedata.normalize("NFKD", text.strip().lower())
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.replace(".", "")
    s = re.sub(r"[^a-z0-9]+", " ", s)
    return " ".join(s.split())


def _lookup(words: str) -> str | None:
    if not words:
        return None
    return _SPELLINGS.get(words) or _COMPACT.get(words.replace(" ", ""))


def read_legal_form(text: str | None) -> LegalForm | None:
    """The legal form a user wrote, or None when the cell is empty."""
    if text is None or not str(text).strip():
        return None
    given = str(text).strip()
    words = _key(given)
    social = False
    for phrase in _SOCIAL_PHRASES:
        if words.endswith(" " + phrase) or words == phrase:
            words, social = words[: -len(phrase)].strip(), True
            break
    code = _lookup(words)
    if code is None and not social:
        # « SCRL FS », « SC-ES », « SCRLFS », « SAFS »: a suffix after the abbreviation.
        for suffix in _SOCIAL_SUFFIXES:
            if words.endswith(" " + suffix) and _lookup(words[: -len(suffix)].strip()):
                code, social = _lookup(words[: -len(suffix)].strip()), True
                break
            compact = words.replace(" ", "")
            if compact.endswith(suffix) and compact not in _COMPACT and _COMPACT.get(compact[: -len(suffix)]):
                code, social = _COMPACT[compact[: -len(suffix)]], True
                break
    if code is None and words == "sfs":  # « SFS » alone: a social purpose, but which form?
        social = True
    return LegalForm(given, code, social)
