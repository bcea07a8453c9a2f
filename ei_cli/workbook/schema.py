"""The workbook contract (shared/spec/workbook.md) as data: sheets, columns, aliases, kinds.

The reader, the blank template written by ``ei init``, the sample-data generator and the
``Lisez-moi`` sheet all read this one description. Names are matched after ``normalize_name``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property, lru_cache

from ei_cli.model import ContractType, Diploma, FollowUpType, Function, Region

_NON_ALNUM = re.compile(r"[^0-9a-z]+")
_NON_WORD = re.compile(r"[\W_]+")   # neither a letter nor a digit, of any script
# A French elision before a word — d', l', qu', jusqu'… with a straight or typographic apostrophe
# (’ ‘ ʼ ′ ´ `) — is left out with its apostrophe: « Date d'entrée » is ``date_entree`` (workbook.md),
# « Chiffre d’affaires » is ``chiffre_affaires``. Only at the start of a word (« aujourd'hui » keeps
# its « d ») and only before a letter.
_APOSTROPHES = "'\u2019\u2018\u02bc\u02b9\u02bb\u2032\u00b4`"
_ELISION = re.compile(rf"(?<![^\W\d_])(?:jusqu|lorsqu|puisqu|quoiqu|qu|[cdjlmnst])[{_APOSTROPHES}](?=[^\W\d_])",
                      re.IGNORECASE)


def normalize_name(name: object) -> str:
    """Case-, accent-, space-, underscore-, hyphen- and apostrophe-insensitive key; French elisions
    (``d'``, ``l'``, ``qu'``…) before a word are left out.

    Only accents (combining marks, once decomposed) and what is neither a letter nor a digit (spaces,
    punctuation, invisible characters) are left out: other letters and digits, of any script, are kept,
    so « Personnel Дюпон Алиса » or « Personnel ٨٧١١٢٣٧٧٧٤٩ » is not the sheet « Personnel » (the
    non-ASCII characters used to be dropped, and the title, name or national number in it, was then
    printed in every problem of that sheet).
    """
    if name.__class__ is str:
        return _normalize_text(name)
    return _normalize(str(name))


def _normalize(text: str) -> str:
    if any(a in text for a in _APOSTROPHES):
        text = _ELISION.sub("", text)
    if text.isascii():
        return _NON_ALNUM.sub("", text.lower())
    return _NON_WORD.sub("", without_accents(text).lower())


def without_accents(text: str) -> str:
    """``text`` decomposed (NFKD) without its accents (the combining marks): one text whatever the Unicode form —
    « É » as typed on Windows (NFC, one character) and as a Mac names a file (NFD, « E » and a combining
    accent) both become « E ». ``normalize_name``'s first step; ``ei batch`` orders its files by it."""
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c))


# Headers, enum and boolean cells repeat the same few words on every row: remember them (bounded,
# so a hostile sheet of unique strings cannot grow it without limit).
_normalize_text = lru_cache(maxsize=4096)(_normalize)


# Column kinds, each converted by the reader: text, id, date, month, bool, number (a Decimal),
# integer-valued number, money (Decimal, € accepted), enum (one of ``choices``), niss, bce.
TEXT, ID, DATE, MONTH, BOOL, NUMBER, MONEY, ENUM, NISS, BCE = (
    "text", "id", "date", "month", "bool", "number", "money", "enum", "niss", "bce",
)


# The articles and prepositions a French header puts between its words and the contract's names leave out
# (« Date de sortie » for date_sortie, « Date du passage en CDI » is not date_cdi: « passage » stays), as
# whole words only. Tried only for a header that is no name or alias as it is (docs/interpretations.md).
_LINK_WORDS = re.compile(r"(?<![^\W_])(?:de|du|des|la|le|les|en|au|aux|à)(?![^\W_])", re.IGNORECASE)


def _keys(name: str, aliases: tuple[str, ...]) -> frozenset[str]:
    """The normalised name and aliases of a column or a sheet (computed once per object)."""
    return frozenset(normalize_name(n) for n in (name,) + aliases)


@dataclass(frozen=True)
class Column:
    name: str                 # canonical French name, as written in the template
    field: str                # attribute of the model dataclass
    kind: str
    required: bool
    help_fr: str
    help_en: str
    aliases: tuple[str, ...] = ()   # English first, then Dutch
    choices: tuple[str, ...] = ()   # for ENUM
    sensitive: bool = False         # identity or social-situation value: never quoted in a message
    # workbook.md « never printed back » (niss, minorite_ethnique): no output shows it, not even with --names.
    never_printed: bool = False
    # An optional column whose empty cell has a meaning of its own (French, English) rather than « not known »
    # (still employed, no change to a CDI, the status assessed at hire): without the column, verdicts change
    # in silence.
    empty_means: tuple[str, str] = ()

    @property
    def english(self) -> str:
        return self.aliases[0] if self.aliases else self.name

    @cached_property
    def keys(self) -> frozenset[str]:
        return _keys(self.name, self.aliases)


@dataclass(frozen=True)
class Sheet:
    name: str                 # canonical French name
    aliases: tuple[str, ...]
    columns: tuple[Column, ...]
    key_value: bool = False   # Entreprise: two columns champ/valeur, one field per row
    required: bool = True
    help_fr: str = ""

    @cached_property
    def keys(self) -> frozenset[str]:
        return _keys(self.name, self.aliases)

    @cached_property
    def by_key(self) -> dict[str, Column]:
        """Normalised header → its column (the first column listing it, as a scan in order would find)."""
        out: dict[str, Column] = {}
        for column in self.columns:
            for key in column.keys:
                out.setdefault(key, column)
        return out

    def matches(self, title: object) -> bool:
        return normalize_name(title) in self.keys

    def find_column(self, header: object) -> Column | None:
        """The column whose name or alias matches ``header``, or None — a French header written with its
        little words (« Date de sortie », « Date du CDI ») is the column without them (``date_sortie``)."""
        found = self.by_key.get(normalize_name(header))
        if found is None and header.__class__ is str and _LINK_WORDS.search(header):
            found = self.by_key.get(normalize_name(_LINK_WORDS.sub(" ", header)))
        return found


def _enum(e) -> tuple[str, ...]:
    return tuple(str(v) for v in e)


OUI_NON = ("oui", "non")

ENTERPRISE = Sheet(
    "Entreprise", ("Enterprise", "Onderneming"), key_value=True,
    help_fr="Une ligne par champ : colonne « champ » (le nom) et colonne « valeur ».",
    columns=(
        Column("nom", "name", TEXT, True, "Nom de l'entreprise", "Name of the enterprise", ("name", "naam")),
        Column("numero_bce", "enterprise_number", BCE, False,
               "Numéro d'entreprise BCE (10 chiffres, contrôle modulo 97)",
               "BCE/KBO enterprise number (10 digits, mod 97 check)", ("enterprise_number", "ondernemingsnummer")),
        Column("region", "region", ENUM, True, "Région : wallonie ou bruxelles", "Region: wallonie or bruxelles",
               ("region", "gewest"), _enum(Region)),
        Column("regime", "regime_id", TEXT, False,
               "Régime légal (voir « ei regimes ») ; vide = celui en vigueur pour la période",
               "Legal regime id (see “ei regimes”); empty = the one in force for the period", ("regime", "regeling")),
        Column("date_agrement", "agrement_date", DATE, True,
               "Date de notification de l'agrément (début de l'année d'agrément 1)",
               "Date the agrément was notified (start of agrément year 1)", ("approval_date", "erkenningsdatum")),
        Column("forme_juridique", "legal_form", TEXT, False, "Forme juridique (SC, SRL, SA, ASBL…)",
               "Legal form (SC, SRL, SA, ASBL…)", ("legal_form", "rechtsvorm")),
        Column("finalite_sociale", "social_purpose", BOOL, False,
               "oui/non : clause de finalité sociale dans les statuts",
               "yes/no: social-purpose clause in the statutes", ("social_purpose", "sociaal_oogmerk")),
        Column("chiffre_affaires", "turnover", MONEY, False,
               "Chiffre d'affaires annuel du dernier exercice clôturé (€)",
               "Annual turnover of the last closed year (€)", ("turnover", "omzet")),
        Column("total_bilan", "balance_sheet_total", MONEY, False,
               "Total du bilan du dernier exercice clôturé (€)",
               "Balance-sheet total of the last closed year (€)", ("balance_sheet_total", "balanstotaal")),
    ),
)

STAFF = Sheet(
    "Personnel", ("Staff", "Personeel"),
    help_fr="Une ligne par travailleur.",
    columns=(
        Column("id_travailleur", "worker_id", ID, True,
               "Identifiant unique du travailleur dans le classeur : un numéro interne, jamais le numéro national",
               "Unique worker id within the workbook: an internal number, never the national number",
               ("worker_id", "werknemer_id")),
        Column("niss", "national_number", NISS, False,
               "Numéro de registre national ou BIS (contrôlé, jamais réimprimé)",
               "National register or BIS number (checked, never printed back)",
               ("national_number", "rijksregisternummer", "insz"), sensitive=True, never_printed=True),
        Column("nom", "last_name", TEXT, False, "Nom (affiché seulement avec --names)",
               "Last name (shown only with --names)", ("last_name", "achternaam"), sensitive=True),
        Column("prenom", "first_name", TEXT, False, "Prénom (affiché seulement avec --names)",
               "First name (shown only with --names)", ("first_name", "voornaam"), sensitive=True),
        Column("date_naissance", "birth_date", DATE, False, "Date de naissance (critères d'âge)",
               "Birth date (age criteria)", ("birth_date", "geboortedatum"), sensitive=True),
        Column("date_entree", "hire_date", DATE, True, "Premier jour de travail dans l'entreprise",
               "First day of employment in this enterprise", ("hire_date", "datum_indiensttreding")),
        Column("date_premier_engagement_ei", "first_ei_hire_date", DATE, False,
               "Premier engagement dans une EI agréée, s'il est antérieur (date d'évaluation du statut)",
               "First hire in any agreed EI, when earlier (the status is assessed that day)",
               ("first_ei_hire_date",),
               empty_means=("statut évalué à la date d'entrée", "status assessed on the hire date")),
        Column("date_sortie", "exit_date", DATE, False, "Dernier jour de travail ; vide = toujours en service",
               "Last day of employment; empty = still employed", ("exit_date", "datum_uitdiensttreding"),
               empty_means=("toujours en service", "still employed")),
        Column("type_contrat", "contract_type", ENUM, True,
               "CDI, CDD, remplacement, art60 (article 60 §7) ou autre",
               "CDI, CDD, remplacement, art60 (article 60 §7) or autre", ("contract_type", "contracttype"),
               _enum(ContractType)),
        Column("date_cdi", "open_ended_since", DATE, False,
               "Date de passage en CDI, si le contrat n'était pas un CDI dès le départ",
               "Date the contract became a CDI, if not CDI from the start", ("open_ended_since",),
               empty_means=("pas de passage en CDI", "no change to a CDI")),
        Column("etp", "fte", NUMBER, True, "Régime de travail contractuel en fraction de temps plein (0 < etp ≤ 1)",
               "Contractual working time as a fraction of full time (0 < fte ≤ 1)", ("fte", "vte")),
        Column("fonction", "function", ENUM, True,
               "production (personnel d'exécution), encadrement, accompagnement_social, direction, administration",
               "production (execution staff), encadrement, accompagnement_social, direction, administration",
               ("function", "functie"), _enum(Function)),
        Column("diplome", "diploma", ENUM, False,
               "Diplôme le plus élevé à l'engagement : aucun, ceb, cesi, cess, superieur",
               "Highest diploma at hire: aucun, ceb, cesi, cess, superieur", ("diploma", "diploma_nl"),
               _enum(Diploma), sensitive=True),
        Column("inscrit_dei", "registered_jobseeker", BOOL, False,
               "Inscrit comme demandeur d'emploi inoccupé (FOREm / Actiris) à l'engagement ; régime "
               "wallonie-2003 : oui pour tout demandeur d'emploi inscrit au FOREm, inoccupé ou non (même "
               "occupé quelques heures : le décret de 2003 ne demande que l'inscription)",
               "Registered as unemployed job seeker (FOREm / Actiris) at hire; regime wallonie-2003: yes for "
               "any job seeker registered at FOREm, unoccupied or not (even working a few hours: the 2003 "
               "decree asks only for the registration)",
               ("registered_jobseeker", "ingeschreven_werkzoekende"), sensitive=True),
        Column("mois_sans_emploi", "months_without_work", NUMBER, False,
               "Mois, juste avant l'engagement, au chômage, au RIS ou sans revenu",
               "Months, just before hire, on unemployment benefit, integration income or without income",
               ("months_without_work", "maanden_zonder_werk"), sensitive=True),
        Column("parent_isole", "single_parent", BOOL, False, "Chef de famille monoparentale à l'engagement",
               "Single adult heading a family with dependent children, at hire", ("single_parent",), sensitive=True),
        Column("ancien_art60", "former_art60", BOOL, False,
               "Occupé sous article 60 §7 (CPAS) ou PTP avant l'inscription comme demandeur d'emploi",
               "Employed under article 60 §7 (CPAS) or PTP before registering as job seeker",
               ("former_art60",), sensitive=True),
        Column("reconnaissance_aviq", "disability_recognition", BOOL, False,
               "Reconnu par l'AVIQ (Wallonie) / PHARE (Bruxelles)",
               "Recognised by AVIQ (Wallonia) / PHARE (Brussels)", ("disability_recognition",), sensitive=True),
        Column("sexe_sous_represente", "underrepresented_sex", BOOL, False,
               "Du sexe sous-représenté dans le secteur de l'entreprise",
               "Of the sex under-represented in the enterprise's sector", ("underrepresented_sex",), sensitive=True),
        Column("minorite_ethnique", "ethnic_minority", BOOL, False,
               "Minorité ethnique ayant besoin d'une formation linguistique (donnée sensible, facultative)",
               "Ethnic minority needing language training (sensitive, optional)", ("ethnic_minority",),
               sensitive=True, never_printed=True),
        Column("beneficiaire_ris", "integration_income", BOOL, False,
               "Bénéficiaire du revenu d'intégration ou de l'aide sociale financière (critère bruxellois)",
               "Entitled to integration income or financial social aid (Brussels criterion)",
               ("integration_income", "leefloon"), sensitive=True),
        Column("contrat_activation", "activation_contract", BOOL, False,
               "Occupé dans le cadre d'une mesure d'activation (critère bruxellois)",
               "Employed under an activation measure (Brussels criterion)", ("activation_contract",),
               sensitive=True),
    ),
)

PAYROLL = Sheet(
    "Paie", ("Payroll", "Loon", "Loonlijst"),
    help_fr="Une ligne par travailleur et par mois payé.",
    columns=(
        Column("id_travailleur", "worker_id", ID, True, "Doit exister dans la feuille Personnel",
               "Must exist in the Personnel sheet", ("worker_id", "werknemer_id")),
        Column("mois", "month", MONTH, True, "Mois payé (MM/AAAA, AAAA-MM ou une date du mois)",
               "Month paid (MM/AAAA, AAAA-MM or any date in the month)", ("month", "maand")),
        Column("etp", "fte", NUMBER, True, "Temps de travail réellement payé ce mois (0 ≤ etp ≤ 1)",
               "Working time actually paid that month (0 ≤ fte ≤ 1)", ("fte", "vte")),
        Column("salaire_brut", "gross_pay", MONEY, True,
               "Salaire brut du mois, avantages légaux et extralégaux compris (€)",
               "Gross pay of the month including legal and extra-legal benefits (€)", ("gross_pay", "brutoloon")),
        Column("cout_salarial", "wage_cost", MONEY, False,
               "Coût salarial total employeur du mois, selon le compte individuel (€) ; nécessaire pour la "
               "subvention TD/TGD et pour l'accompagnement social (Wallonie)",
               "Employer's total wage cost of the month, per the individual account (€); needed for the TD/TGD "
               "subsidy and for social accompaniment (Wallonia)",
               ("wage_cost", "loonkost")),
        Column("heures", "hours", NUMBER, False, "Heures payées ce mois", "Hours paid that month", ("hours", "uren")),
    ),
)

FOLLOW_UP = Sheet(
    "Suivi", ("Follow-up", "Followup", "Social follow-up", "Opvolging"), required=False,
    help_fr="Une ligne par action d'accompagnement social. Sans cette feuille, le suivi social n'est pas "
            "contrôlé (indéterminé) ; si aucune action n'a eu lieu, gardez-la avec ses seuls en-têtes.",
    columns=(
        Column("id_travailleur", "worker_id", ID, True, "Doit exister dans la feuille Personnel",
               "Must exist in the Personnel sheet", ("worker_id", "werknemer_id")),
        Column("date", "date", DATE, True, "Date de l'action", "Date of the action", ("date", "datum")),
        Column("type", "type", ENUM, True,
               "entretien_individuel, entretien_collectif, bilan, plan_formation, formation, "
               "validation_competences, table_ronde, autre ; table_ronde : la table ronde annuelle avec les "
               "opérateurs d'insertion, sur la ligne de l'accompagnateur social qui l'organise ou y participe "
               "(reprise au rapport annuel, elle ne compte pas dans le contrôle du suivi social)",
               "entretien_individuel, entretien_collectif, bilan, plan_formation, formation, "
               "validation_competences, table_ronde, autre; table_ronde: the annual round table with the "
               "insertion operators, on the row of the social accompanier who organises or attends it "
               "(listed in the annual report, it does not count in the follow-up check)",
               ("type",), _enum(FollowUpType)),
        Column("heures", "hours", NUMBER, False, "Durée, pour les formations (heures)",
               "Duration, for trainings (hours)", ("hours", "uren")),
    ),
)

SHEETS: tuple[Sheet, ...] = (ENTERPRISE, STAFF, PAYROLL, FOLLOW_UP)

# Spelling of booleans accepted in any boolean cell (normalised); empty = not known.
TRUE_WORDS = frozenset({"oui", "o", "yes", "y", "true", "vrai", "1", "x", "ja", "j"})
FALSE_WORDS = frozenset({"non", "n", "no", "false", "faux", "0", "nee"})

# The label of a totals row (an Excel table's « Ligne des totaux », a SUM row typed under the data), normalised:
# such a row is no worker, and its errors say so.
TOTAL_WORDS = frozenset({"total", "totaux", "totals", "totaal", "totalen", "somme", "sum", "totalgeneral",
                         "grandtotal"})

# Header of the key/value sheet (Entreprise): the column naming the field, then the value column
# (French, English, Dutch).
KEY_HEADERS = ("champ", "field", "veld")
VALUE_HEADERS = ("valeur", "value", "waarde")
