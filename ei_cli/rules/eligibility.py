"""Target-public status of each worker, per regime (rules.md §3.1, §4.1, §5.1; Q1, Q2, Q7, D6).

Three-valued: a criterion is met (True), not met (False) or unknown (None, its data is missing).
A status is never guessed: if the missing data could change it, the category is ``unknown`` and
``missing`` names the columns to fill. The shape of the rule differs per regime, so each regime
names its function in ``[rules] eligibility``.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from datetime import date
from decimal import Decimal
from enum import IntEnum, StrEnum
from functools import cached_property, partial
from typing import Callable

from ei_cli.i18n import Text, plural, t
from ei_cli.model import PERSON_FIELDS, Diploma, Enterprise, Worker
from ei_cli.periods import Period, anniversary, completed_years
from ei_cli.problems import Problem, warning
from ei_cli.regimes import Regime, Value, regime_in_force
from ei_cli.rules.common import CheckResult, Reason, any_of, because, combine, worker_text, workers_text
from ei_cli.workbook.schema import STAFF

_FIELD_OF_COLUMN = {c.name: c.field for c in STAFF.columns}
_NEVER_PRINTED = frozenset(c.name for c in STAFF.columns if c.never_printed)
_DIPLOMAS = {d.value: d for d in Diploma}


class Category(StrEnum):
    TGD = "TGD"                # travailleur gravement défavorisé (Wallonia 2016)
    TD = "TD"                  # travailleur défavorisé (Wallonia 2016)
    TARGET = "target"          # target public of a regime without sub-categories (DEDP, Brussels)
    NOT_TARGET = "not_target"
    UNKNOWN = "unknown"


class Redaction(IntEnum):
    """How much of a criterion an output may show (spec/cli.md, spec/workbook.md)."""
    OPEN = 0        # its verdict always; the worker's value with --names
    NAMES = 1       # sensitive: neither verdict nor value without --names
    ALWAYS = 2      # reads a column workbook.md says is « never printed back »: --names does not lift it


@dataclass(slots=True)
class Criterion:
    """One legal criterion for one worker.

    ``reason`` is what every output shows: the verdict, citing the parameter, never the worker's own
    values. ``detail`` adds those values (age, months, column read) and is shown only with
    ``--names``. A ``sensitive`` criterion — family situation (T4), disability recognition (T7, GDPR
    art. 9), integration income (B3/B4) — is not shown at all without ``--names``; ethnic minority (T6,
    workbook.md: "never printed back") is not shown at all, even with ``--names`` (``Redaction``).

    Both sentences are written only when read (``describe(names)``): a batch run never reads them.
    ``values`` holds what they need: ``(function, *arguments)`` giving the Text of the worker's
    values, or, for a group of conditions (Brussels B1, B2), the tuple of its parts. Not frozen
    only because a slotted plain dataclass is five times cheaper to build (about twelve per
    worker); nothing changes a criterion once built.
    """

    id: str                    # M1, M2, T1…T8, G1, DEDP, B1, B2, B3/B4, B5
    label: Text
    met: bool | None
    columns: tuple[str, ...]   # workbook columns it reads (canonical French names)
    value: Value | None = field(default=None, repr=False, compare=False)   # the parameter cited
    values: tuple = field(default=(), repr=False, compare=False)
    redaction: Redaction = Redaction.OPEN
    group: bool = False        # ``values`` are the parts of a group (all must be met)

    def __repr__(self) -> str:
        """The dataclass's repr, save the verdict of a sensitive criterion (``met=<redacted>``): a traceback
        (``ei --debug``), a log line or an f-string of a criterion, a worker's status or a report would
        otherwise print what its redaction hides, as ``model.Worker`` hides the fields themselves."""
        shown = ", ".join(f"{f.name}=<redacted>" if f.name == "met" and self.sensitive
                          else f"{f.name}={getattr(self, f.name)!r}" for f in fields(self) if f.repr)
        return f"{type(self).__name__}({shown})"

    @property
    def sensitive(self) -> bool:
        return self.redaction > Redaction.OPEN

    def redacted(self, names: bool) -> bool:
        """Neither its verdict nor its value may be shown (``names``: under --names)."""
        return self.redaction is Redaction.ALWAYS or (self.redaction is Redaction.NAMES and not names)

    def describe(self, names: bool) -> Text:
        """The sentence shown: with ``names`` (or when the data is missing) the worker's values too."""
        if self.group:
            shown = [p.shown(names).text for p in self.values]
            head = _YES_NO[self.met]
            return Text(f"{self.id} {self.label.fr} : {head.fr} (" + " ; ".join(x.fr for x in shown) + ")",
                        f"{self.id} {self.label.en}: {head.en} (" + "; ".join(x.en for x in shown) + ")")
        if names or self.met is None:
            function, *arguments = self.values
            return _line(self.id, self.label, self.met, function(*arguments))
        return _line(self.id, self.label, self.met, None)

    @property
    def reason(self) -> Reason:
        return because(self.describe(False), self.value)

    @property
    def detail(self) -> Reason:
        return because(self.describe(True), self.value)

    def shown(self, names: bool = False) -> Reason:
        if self.redacted(names):
            # Neither its verdict nor its label (« minorité ethnique… »), but the text it rests on; the same
            # line with or without --names for a column never printed back.
            if self.redaction is Redaction.ALWAYS:
                return because(t(f"{self.id} : donnée sensible, jamais affichée.",
                                 f"{self.id}: sensitive data, never shown."), self.value)
            return because(t(f"{self.id} : donnée sensible, affichée seulement avec --names.",
                             f"{self.id}: sensitive data, shown only with --names."), self.value)
        return self.detail if names else self.reason

    def to_dict(self, lang: str = "fr", names: bool = False) -> dict:
        if self.redacted(names):
            return {"id": self.id, "label": self.label.get(lang), "met": None, "redacted": True,
                    "columns": list(self.columns)}
        return {"id": self.id, "label": self.label.get(lang), "met": self.met, "columns": list(self.columns)}


@dataclass(frozen=True)
class WorkerEligibility:
    worker_id: str
    category: Category
    assessed_on: date
    criteria: tuple[Criterion, ...]
    missing: tuple[str, ...]
    source: str = "date_entree"        # column the assessment day comes from (D6)
    definition: Value | None = field(default=None, repr=False, compare=False)  # eligibility.definition
    # The status rests on a sensitive criterion: the visible ones alone would not give it (a TD through T4,
    # T6 or T7 only; a Brussels target through B3/B4 only). Without --names the output then says that a
    # protected criterion is met, without which, rather than « TD » beside visible criteria all « non rempli ».
    # Worked out when first read (``rests_on_protected``): ei batch never reads it. With --names, only the
    # criteria never printed back stay hidden (``rests_on_hidden(True)``).
    protected_test: Callable[[bool], bool] | None = field(default=None, repr=False, compare=False)
    # A person employed here under several ids (same national number): their first employment contract
    # (worker id, hire date), their other ids, and the other row whose column gives the assessment day, if
    # not this one.
    first_employment: tuple[str, date] | None = None
    same_person: tuple[str, ...] = ()
    day_of: str | None = None

    @cached_property
    def rests_on_protected(self) -> bool:
        return self.protected_test is not None and self.protected_test(False)

    def rests_on_hidden(self, names: bool) -> bool:
        """The status rests on criteria this output hides (without or with --names)."""
        if not names:
            return self.rests_on_protected
        return self.protected_test is not None and self.protected_test(True)

    @cached_property
    def notes(self) -> tuple[Reason, ...]:
        """The verdict line first, then any note (TGD not checkable); written when first read."""
        on = self.assessed_on.isoformat()
        verdict = _VERDICT[self.category]
        # The day is the project's reading (D6), the same for every regime, not the cited text's words
        # (the 2003 decree says « au moment de son engagement dans l'entreprise d'insertion »).
        day_of = None if self.day_of is None else worker_text(self.day_of)
        of = t("", "") if day_of is None else t(f" du {day_of.fr}", f" of {day_of.en}")
        head = because(Text(f"Statut évalué le {on} ({self.source}{of.fr} ; jour arrêté par le projet ei) : "
                            f"{verdict.fr}.",
                            f"Status assessed on {on} ({self.source}{of.en}; day set by the ei project): "
                            f"{verdict.en}."),
                       self.definition)
        notes = [head]
        if self.first_employment is not None:
            first, hired = worker_text(self.first_employment[0]), self.first_employment[1].isoformat()
            others = workers_text(self.same_person)
            notes.append(because(t(
                f"Même personne que : {others.fr} (même numéro national) ; premier engagement dans cette EI : "
                f"{first.fr}, {hired}. Un réengagement ne réévalue pas le statut : un seul statut pour la "
                "personne, critères lus sur la ligne de son premier engagement (à défaut, sur ses lignes suivantes).",
                f"Same person as: {others.en} (same national number); first hire in this EI: {first.en}, {hired}. "
                "A re-hire does not re-test the status: one status for the person, criteria read on the row of "
                "their first hire (failing that, on their later rows)."), self.definition))
        if self.category == Category.TD and self.missing:
            notes.append(because(t("TGD non vérifiable : renseignez " + ", ".join(self.missing) + ".",
                                   "TGD cannot be checked: fill in " + ", ".join(self.missing) + ".")))
        return tuple(notes)

    @property
    def target_public(self) -> bool | None:
        if self.category == Category.UNKNOWN:
            return None
        return self.category != Category.NOT_TARGET

    @property
    def is_severely_disadvantaged(self) -> bool:
        return self.category == Category.TGD

    def reasons_for(self, names: bool = False) -> tuple[Reason, ...]:
        head, *tail = self.notes
        protected = (self.protected_note(names),) if self.rests_on_hidden(names) else ()
        return (head, *(c.shown(names) for c in self.criteria), *protected, *tail)

    def protected_note(self, names: bool = False) -> Reason:
        """« Au moins un critère protégé (T4, T6 ou T7) rempli — détail avec --names. »; with --names (a status
        resting on a column never printed back) that a protected criterion is met, naming none."""
        if names:
            return because(t("Critère protégé rempli — donnée jamais affichée.",
                             "Protected criterion met — data never shown."), self.definition)
        ids = [c.id for c in self.criteria if c.sensitive]
        if len(ids) == 1:
            text = t(f"Critère protégé {ids[0]} rempli — détail avec --names.",
                     f"Protected criterion {ids[0]} met — details with --names.")
        else:
            listed_fr = ", ".join(ids[:-1]) + " ou " + ids[-1]
            listed_en = ", ".join(ids[:-1]) + " or " + ids[-1]
            text = t(f"Au moins un critère protégé ({listed_fr}) rempli — détail avec --names.",
                     f"At least one protected criterion ({listed_en}) met — details with --names.")
        return because(text, self.definition)

    @property
    def reasons(self) -> tuple[Reason, ...]:
        """The reasons safe for any output (no personal value)."""
        return self.reasons_for(False)

    def criteria_ids(self, met: bool | None, names: bool = False) -> list[str]:
        return [c.id for c in self.criteria if c.met is met and not c.redacted(names)]

    def to_dict(self, lang: str = "fr", names: bool = False) -> dict:
        return {"worker_id": self.worker_id, "category": str(self.category), "target_public": self.target_public,
                "assessed_on": self.assessed_on.isoformat(),
                "criteria_met": self.criteria_ids(True, names),
                "criteria_not_met": self.criteria_ids(False, names),
                "criteria_unknown": self.criteria_ids(None, names),
                "criteria": [c.to_dict(lang, names) for c in self.criteria],
                "protected_criterion_met": self.rests_on_protected,
                "reasons": [r.to_dict(lang) for r in self.reasons_for(names)], "missing": list(self.missing),
                "first_employment": None if self.first_employment is None else
                {"worker_id": self.first_employment[0], "hire_date": self.first_employment[1].isoformat()}}


@dataclass(frozen=True)
class EligibilityReport:
    regime_id: str
    workers: tuple[WorkerEligibility, ...]

    @cached_property
    def by_id(self) -> dict[str, WorkerEligibility]:
        return {w.worker_id: w for w in self.workers}

    def category(self, worker_id: str) -> Category:
        return self.by_id[worker_id].category

    def is_target(self, worker_id: str) -> bool | None:
        """True or False; None when unknown: status undetermined, or a worker the report does not hold."""
        status = self.by_id.get(worker_id)
        return None if status is None else status.target_public

    def counts(self, worker_ids=None) -> dict[str, int]:
        """Workers by category (all of them, or those of ``worker_ids``)."""
        out = {str(c): 0 for c in Category}
        for w in self.workers:
            if worker_ids is None or w.worker_id in worker_ids:
                out[str(w.category)] += 1
        return out


# What the assessment day rests on: the project's binding reading (rules.md D6), not the text each
# regime's definition cites — its reason cites ``eligibility.assessment_day`` (the project, inferred).
DAY_READING = t("Jour d'évaluation : le premier engagement en EI (date_premier_engagement_ei), sinon l'entrée "
                "(date_entree), la plus ancienne des lignes d'une personne engagée ici sous plusieurs identifiants "
                "(un réengagement ne réévalue pas le statut) — lecture arrêtée par le projet ei pour tous les régimes.",
                "Assessment day: the first hire in an EI (date_premier_engagement_ei), else the hire here "
                "(date_entree), the earliest of the rows of a person employed here under several ids (a re-hire "
                "does not re-test the status) — the reading the ei project adopts for every regime.")


# ------------------------------------------------------------------------------ criteria
_YES_NO = {True: t("rempli", "met"), False: t("non rempli", "not met"), None: t("inconnu", "unknown")}


def _line(cid: str, label: Text, met: bool | None, detail: Text | None) -> Text:
    verdict = _YES_NO[met]
    fr, en = (f"{cid} {label.fr}", f"{cid} {label.en}") if cid else (label.fr, label.en)
    if detail is None:
        return Text(f"{fr} : {verdict.fr}", f"{en}: {verdict.en}")
    return Text(f"{fr} : {verdict.fr} — {detail.fr}", f"{en}: {verdict.en} — {detail.en}")


def _not_given(column: str) -> Text:
    return t(f"colonne {column} non renseignée", f"column {column} not given")


def _no_diploma_above(worker: Worker, regime: Regime, key: str, inclusive_max: bool, cid: str, label_key: str,
                      on: date) -> Criterion:
    """Diploma test: ``inclusive_max`` → at most the named diploma; else strictly below it."""
    v = regime.value(key, on)
    label = _label(label_key, v)
    limit = _DIPLOMAS.get(v.value) or Diploma(v.value)
    diploma = worker.diploma
    if diploma is None:
        return Criterion(cid, label, None, ("diplome",), v, (_not_given, "diplome"))
    met = diploma.rank <= limit.rank if inclusive_max else diploma.rank < limit.rank
    return Criterion(cid, label, met, ("diplome",), v, (_diploma_detail, diploma, inclusive_max, limit))


def _diploma_detail(diploma: Diploma, inclusive_max: bool, limit: Diploma) -> Text:
    return t(f"diplôme le plus élevé : {diploma.value.upper()} ; "
             f"exigé : {'au plus' if inclusive_max else 'inférieur au'} {limit.value.upper()}",
             f"highest diploma: {diploma.value.upper()}; "
             f"required: {'at most' if inclusive_max else 'below'} {limit.value.upper()}")


def _flag(worker: Worker, definition: Value, attr: str, column: str, cid: str, label: Text,
          sensitive: bool = False) -> Criterion:
    """A yes/no criterion read from one column, citing the regime's definition of the target public
    (``definition``: ``eligibility.definition`` on the worker's assessment day). A column workbook.md says
    is never printed back is hidden even with --names."""
    value = getattr(worker, attr)
    redaction = Redaction.ALWAYS if column in _NEVER_PRINTED else Redaction.NAMES if sensitive else Redaction.OPEN
    return Criterion(cid, label, value, (column,), definition, (_flag_detail, column, value), redaction)


def _flag_detail(column: str, value: bool | None) -> Text:
    if value is None:
        return _not_given(column)
    return t(f"colonne {column} : {'oui' if value else 'non'}", f"column {column}: {'yes' if value else 'no'}")


def _months_at_least(worker: Worker, regime: Regime, key: str, cid: str, label_key: str, on: date) -> Criterion:
    """« depuis au moins N mois » : inclusive (rules.md §3.1 edge rules; Q12: no assimilated periods)."""
    v = regime.value(key, on)
    label = _label(label_key, v)
    need = v.number
    months = worker.months_without_work
    if months is None:
        return Criterion(cid, label, None, ("mois_sans_emploi",), v, (_not_given, "mois_sans_emploi"))
    met = months >= need
    return Criterion(cid, label, met, ("mois_sans_emploi",), v, (_months_detail, months, met, need))


def _months_detail(months: Decimal, met: bool, need: Decimal) -> Text:
    return t(f"{months} mois {'≥' if met else '<'} {need} mois exigés",
             f"{months} months {'≥' if met else '<'} {need} months required")


def _age_text(age: int, on: date) -> Text:
    return t(f"{age} ans accomplis le {on.isoformat()}", f"aged {age} on {on.isoformat()}")


def _age_between(worker: Worker, regime: Regime, on: date) -> Criterion:
    """« âgé de 18 à 24 ans » : completed years on the assessment day, both ends included (§3.1, §9)."""
    lo, hi = regime.value("eligibility.td.young_min_age", on), regime.value("eligibility.td.young_max_age", on)
    label = _label("w16.T2", lo, hi)
    if worker.birth_date is None:
        return Criterion("T2", label, None, ("date_naissance",), hi, (_not_given, "date_naissance"))
    age = completed_years(worker.birth_date, on)
    return Criterion("T2", label, lo.number <= age <= hi.number, ("date_naissance",), hi, (_age_text, age, on))


def _older_than(worker: Worker, regime: Regime, on: date) -> Criterion:
    """« plus de 50 ans » : strictly after the 50th birthday (rules.md Q7)."""
    v = regime.value("eligibility.td.older_than_age", on)
    label = _label("w16.T3", v)
    birth = worker.birth_date
    if birth is None:
        return Criterion("T3", label, None, ("date_naissance",), v, (_not_given, "date_naissance"))
    # The birthday itself is not "over 50": on the 50th birthday the worker is exactly 50. Born on 29 Feb,
    # the birthday of a common year is 1 March, as for the age in completed years and every anniversary.
    met = on > anniversary(birth, 12 * int(v.number))
    return Criterion("T3", label, met, ("date_naissance",), v, (_age_detail, birth, on))


def _age_detail(birth: date, on: date) -> Text:
    return _age_text(completed_years(birth, on), on)


_LABELS: dict[tuple[str, int, int], tuple[Value, Value | None, Text]] = {}


def _label(name: str, value: Value, other: Value | None = None) -> Text:
    """The label ``_L[name]``, its ``{0}`` (and ``{1}``) filled with the regime values it names (an age,
    a number of months, a diploma in capitals): written once per pair of values.

    Keyed by the values' identities (a regime builds each dated Value once); each entry keeps its
    values alive, so an id is never reused for another value while its entry exists.
    """
    key = (name, id(value), id(other))
    try:
        return _LABELS[key][2]
    except KeyError:
        pass
    shown = [v.value.upper() if isinstance(v.value, str) else v.number for v in (value, other) if v is not None]
    template = _L[name]
    entry = _LABELS[key] = (value, other, Text(template.fr.format(*shown), template.en.format(*shown)))
    return entry[2]


# ------------------------------------------------------------------------------ regimes
def _open(criteria) -> list[Criterion]:
    return [c for c in criteria if c.met is None]


_L = {  # criterion labels; {0}, {1}: the regime values they name, filled by ``_label``
    "w16.M1": t("non titulaire du {0}", "no {0}"),
    "w16.M2": t("inscrit comme demandeur d'emploi inoccupé (FOREm)", "registered unemployed job seeker (FOREm)"),
    "w16.months": t("chômage, RIS, aide sociale ou sans revenu depuis au moins {0} mois",  # T1 and G1
                    "benefits, RIS, social aid or no income for at least {0} months"),
    "w16.T2": t("âgé de {0} à {1} ans", "aged {0} to {1}"),
    "w16.T3": t("âgé de plus de {0} ans", "aged over {0}"),
    "w16.T4": t("chef de famille monoparentale", "single-parent head of family"),
    "w16.T5": t("sexe sous-représenté dans le secteur", "under-represented sex in the sector"),
    "w16.T6": t("minorité ethnique ayant besoin d'une formation linguistique",
                "ethnic minority needing language training"),
    "w16.T7": t("décision de l'AVIQ", "AVIQ decision"),
    "w16.T8": t("ancien article 60 §7 ou PTP", "former art. 60 §7 or PTP"),
    "w03.M1": t("non titulaire d'un diplôme du secondaire supérieur", "no upper-secondary diploma"),
    # The 2003 decree asks for a registered job seeker, not an unoccupied one (rules.md §4.1): the column's
    # « oui » means registered, even working a few hours — said in the line, since the column's help of the
    # other regimes says « inoccupé ».
    "w03.M2": t("inscrit comme demandeur d'emploi au FOREm, inoccupé ou non (inscrit_dei = oui)",
                "registered job seeker at FOREm, unoccupied or not (inscrit_dei = yes)"),
    "b04.registered": t("inscrit comme demandeur d'emploi chez Actiris", "registered job seeker at Actiris"),
    "b04.months": t("inoccupé depuis au moins {0} mois", "unoccupied for at least {0} months"),  # B1 and B2
    "b04.diploma": t("au plus le {0}", "at most the {0}"),
    "b04.B1": t("demandeur d'emploi inoccupé ≥ {0} mois et au plus {1}",
                "job seeker unoccupied ≥ {0} months with at most {1}"),
    "b04.B2": t("demandeur d'emploi inoccupé ≥ {0} mois", "job seeker unoccupied ≥ {0} months"),
    "b04.B34": t("bénéficiaire du revenu d'intégration ou de l'aide sociale financière",
                 "entitled to integration income or financial social aid"),
    "b04.B5": t("contrat lié à l'activation d'une allocation", "contract under an activation measure"),
}


def _wallonie_td_tgd(worker: Worker, regime: Regime, definition: Value
                     ) -> tuple[Category, list[Criterion], list[Criterion]]:
    """TD = M1 ∧ M2 ∧ (T1 ∨ … ∨ T8); TGD = M1 ∧ M2 ∧ G1 (rules.md §3.1, Q1). Three-valued."""
    on = worker.assessment_date
    m1 = _no_diploma_above(worker, regime, "eligibility.excluding_diploma", False, "M1", "w16.M1", on)
    m2 = _flag(worker, definition, "registered_jobseeker", "inscrit_dei", "M2", _L["w16.M2"])
    td = [
        _months_at_least(worker, regime, "eligibility.td.min_months_without_work", "T1", "w16.months", on),
        _age_between(worker, regime, on),
        _older_than(worker, regime, on),
        _flag(worker, definition, "single_parent", "parent_isole", "T4", _L["w16.T4"], sensitive=True),
        _flag(worker, definition, "underrepresented_sex", "sexe_sous_represente", "T5", _L["w16.T5"]),
        _flag(worker, definition, "ethnic_minority", "minorite_ethnique", "T6", _L["w16.T6"], sensitive=True),
        _flag(worker, definition, "disability_recognition", "reconnaissance_aviq", "T7", _L["w16.T7"],
              sensitive=True),
        _flag(worker, definition, "former_art60", "ancien_art60", "T8", _L["w16.T8"]),
    ]
    g1 = _months_at_least(worker, regime, "eligibility.tgd.min_months_without_work", "G1", "w16.months", on)
    mandatory = combine([m1.met, m2.met])
    any_td = any_of(c.met for c in td)
    criteria = [m1, m2, *td, g1]
    if mandatory is False:
        return Category.NOT_TARGET, criteria, []
    if any_td is False and g1.met is not True:
        # No alternative holds and G1 cannot hold (G1 implies T1): not target, whatever M1/M2.
        return Category.NOT_TARGET, criteria, []
    if mandatory is True and g1.met is True:
        return Category.TGD, criteria, []
    if mandatory is True and any_td is True:
        # TD established; TGD still open when G1 is unknown (reported as a note, not as unknown).
        return Category.TD, criteria, _open([g1])
    # Undecided: only the data that could change the outcome is asked for.
    wanted = _open([m1, m2]) + (_open(td) if any_td is not True else []) + _open([g1])
    return Category.UNKNOWN, criteria, wanted


def _wallonie_dedp(worker: Worker, regime: Regime, definition: Value
                   ) -> tuple[Category, list[Criterion], list[Criterion]]:
    """DEDP = no upper-secondary diploma ∧ registered job seeker at FOREm (décret 18.12.2003 art. 2, 2°)."""
    on = worker.assessment_date
    m1 = _no_diploma_above(worker, regime, "eligibility.excluding_diploma", False, "M1", "w03.M1", on)
    m2 = _flag(worker, definition, "registered_jobseeker", "inscrit_dei", "M2", _L["w03.M2"])
    both = combine([m1.met, m2.met])
    category = {True: Category.TARGET, False: Category.NOT_TARGET, None: Category.UNKNOWN}[both]
    return category, [m1, m2], _open([m1, m2]) if both is None else []


def _group(cid: str, label: Text, parts: list[Criterion], definition: Value) -> Criterion:
    """A Brussels group made of several conditions (AND), citing the ordinance's definition."""
    met = combine(p.met for p in parts)
    columns = tuple(dict.fromkeys(col for p in parts for col in p.columns))
    return Criterion(cid, label, met, columns, definition, tuple(parts), group=True)


def _bruxelles_2004(worker: Worker, regime: Regime, definition: Value
                    ) -> tuple[Category, list[Criterion], list[Criterion]]:
    """Any of five groups, ord. 18.03.2004 art. 2, 1° (rules.md §5.1); B3 and B4 share one column."""
    on = worker.assessment_date
    registered = _flag(worker, definition, "registered_jobseeker", "inscrit_dei", "", _L["b04.registered"])
    months_b1 = _months_at_least(worker, regime, "eligibility.b1.min_months_unoccupied", "", "b04.months", on)
    diploma = _no_diploma_above(worker, regime, "eligibility.b1.max_diploma", True, "", "b04.diploma", on)
    months_b2 = _months_at_least(worker, regime, "eligibility.b2.min_months_unoccupied", "", "b04.months", on)
    b1 = _group("B1", _label("b04.B1", months_b1.value, diploma.value), [registered, months_b1, diploma],
                definition)
    b2 = _group("B2", _label("b04.B2", months_b2.value), [registered, months_b2], definition)
    b34 = _flag(worker, definition, "integration_income", "beneficiaire_ris", "B3/B4", _L["b04.B34"], sensitive=True)
    b5 = _flag(worker, definition, "activation_contract", "contrat_activation", "B5", _L["b04.B5"])
    criteria = [b1, b2, b34, b5]
    any_met = any_of(c.met for c in criteria)
    category = {True: Category.TARGET, False: Category.NOT_TARGET, None: Category.UNKNOWN}[any_met]
    if any_met is not None:
        return category, criteria, []
    # Only the columns that can change the outcome are asked for: with 70 months, B2 = registered whatever the
    # diploma, and B1 adds nothing to it (registered → B2 met; not registered → neither): diplome is not asked.
    # Each empty column takes every value that matters (months: below, at and above the two thresholds).
    need_b1, need_b2 = months_b1.value.number, months_b2.value.number
    months = ((months_b1.met, months_b2.met),) if months_b1.met is not None else tuple(
        (m >= need_b1, m >= need_b2) for m in sorted({Decimal(0), need_b1, need_b2}))
    options = [(registered, _options(registered.met)), (months_b1, months), (diploma, _options(diploma.met)),
               (b34, _options(b34.met)), (b5, _options(b5.met))]

    def outcome(r, m, d, f34, f5):
        return (r and m[0] and d) or (r and m[1]) or f34 or f5

    return category, criteria, _deciding(options, outcome)


def _options(met: bool | None) -> tuple[bool, ...]:
    """The values an atomic condition may take: its own when its column is given, else both."""
    return (met,) if met is not None else (True, False)


def _deciding(options: list[tuple[Criterion, tuple]], outcome: Callable[..., bool]) -> list[Criterion]:
    """The criteria whose (unknown) value can change ``outcome``: those for which some values of the others
    give two different outcomes as it varies. ``options`` pairs each criterion with the values it may take
    (one when known), in ``outcome``'s argument order; at most a few dozen combinations per worker."""
    from itertools import product

    keys, ranges = [k for k, _ in options], [r for _, r in options]
    deciding = []
    for i, key in enumerate(keys):
        if len(ranges[i]) < 2:
            continue
        others = ranges[:i] + ranges[i + 1:]
        if any(len({bool(outcome(*rest[:i], v, *rest[i:])) for v in ranges[i]}) > 1 for rest in product(*others)):
            deciding.append(key)
    return deciding


_RULES = {
    "wallonie_td_tgd": _wallonie_td_tgd,
    "wallonie_dedp": _wallonie_dedp,
    "bruxelles_2004": _bruxelles_2004,
}

_VERDICT = {
    Category.TGD: t("travailleur gravement défavorisé (TGD)", "severely disadvantaged worker (TGD)"),
    Category.TD: t("travailleur défavorisé (TD)", "disadvantaged worker (TD)"),
    Category.TARGET: t("public cible", "target public"),
    Category.NOT_TARGET: t("hors public cible", "not target public"),
    Category.UNKNOWN: t("indéterminé : données manquantes", "unknown: data missing"),
}


# The fields of a judged ``check``, empty: what a result not judged carries (``rules.common.not_judged``: a period
# not begun yet, ``rules.dashboard._not_begun``).
EMPTY_DETAILS = {shape: {"counts": {}, "persons": None, "unknown_workers": []} for shape in _RULES}


# Categories each rule shape can give to a target worker (the dashboard counts them in this order).
_TARGET_CATEGORIES = {
    "wallonie_td_tgd": (Category.TGD, Category.TD),
    "wallonie_dedp": (Category.TARGET,),
    "bruxelles_2004": (Category.TARGET,),
}


def _as_person(worker: Worker, employments: tuple[Worker, ...]) -> tuple[Worker, Worker]:
    """(the worker as assessed, the row whose column gives the assessment day) for one of the employment
    contracts of a person (``Enterprise.employments_of``, first hire first). A re-hire does not re-test the
    status (rules.md §3.1, D6): every contract of the person is assessed on the person's first hire in an EI —
    the earliest ``date_premier_engagement_ei`` or ``date_entree`` of their rows — with the criteria columns of
    the first employment's row (they describe the person before that hire), each one empty there read from the
    next row that gives it; a criterion that is the contract itself (``contrat_activation``, Brussels B5) is each
    row's own."""
    if len(employments) < 2:
        return worker, worker
    day_row = min(employments, key=lambda w: w.assessment_date)
    person = {f: next((getattr(w, f) for w in employments if getattr(w, f) is not None), None)
              for f in PERSON_FIELDS}
    return replace(worker, first_ei_hire_date=day_row.assessment_date, **person), day_row


def assess_worker(worker: Worker, regime: Regime, employments: tuple[Worker, ...] = ()) -> WorkerEligibility:
    """Status of one worker on the day rules.md D6 names, under ``regime``; ``employments``: all the
    employment contracts of the same person here (``Enterprise.employments_of``), assessed as one."""
    rule = _RULES[regime.rule("eligibility")]
    assessed, day_row = _as_person(worker, employments)
    on = assessed.assessment_date
    definition = regime.value("eligibility.definition", on)
    category, criteria, open_criteria = rule(assessed, regime, definition)
    source = "date_premier_engagement_ei" if day_row.first_ei_hire_date else "date_entree"
    missing = tuple(dict.fromkeys(col for c in open_criteria for col in c.columns
                                  if getattr(assessed, _FIELD_OF_COLUMN[col]) is None)) if open_criteria else ()
    first = employments[0] if len(employments) > 1 else None
    return WorkerEligibility(worker.worker_id, category, on, tuple(criteria), missing, source, definition,
                             partial(_rests_on_protected, assessed, regime, definition, rule, category, criteria),
                             first_employment=first and (first.worker_id, first.hire_date),
                             same_person=tuple(w.worker_id for w in employments if w is not worker),
                             day_of=day_row.worker_id if day_row is not worker else None)


def _rests_on_protected(worker: Worker, regime: Regime, definition: Value, rule, category: Category,
                        criteria, names: bool = False) -> bool:
    """Would the status differ with every criterion hidden (without or with --names) « non »? Only then does
    the output say that a protected criterion is met: a TD through T1 who is also a single parent discloses
    nothing more."""
    hidden = [c for c in criteria if c.redacted(names)]
    if category in (Category.NOT_TARGET, Category.UNKNOWN) or not any(c.met for c in hidden):
        return False
    without = replace(worker, **{_FIELD_OF_COLUMN[col]: False for c in hidden for col in c.columns})
    return rule(without, regime, definition)[0] != category


def assess_eligibility(enterprise: Enterprise, regime: Regime) -> EligibilityReport:
    """Status of every worker of the workbook (art. 60 workers included: they are assessed too).

    Workers in the one worker order (``model.worker_order``, ``Enterprise.workers``), as every other list of
    workers: the order of the Personnel rows changes nothing. Each status depends on that worker's row only — and on the rows of the same
    person's other employment contracts (same national number), assessed as one (``_as_person``).
    """
    return EligibilityReport(regime.id, tuple(assess_worker(w, regime, enterprise.employments_of(w))
                                              for w in enterprise.workers))


def regime_after_staff(enterprise: Enterprise, regime: Regime) -> list[Problem]:
    """The warning ``regime_after_data`` when ``regime`` — the one in force on ``ei check-eligibility``'s
    default day, today — came into force after the last day any worker of the workbook was employed (every
    one has left before its first day), and that day had another regime: the statuses are then judged by
    criteria none of them was hired or employed under, while ``ei check-quota`` and ``ei check`` judge the
    same workers by the regime of their period (docs/interpretations.md, « The regime of a workbook of another
    era »). The reading stays; the warning says it and the option that judges by the regime then in force.

    Nothing when a worker is employed on or after that first day (no ``date_sortie``, or a later one), or when
    the regime was forced (``--regime``, the workbook's ``regime`` field: the user's choice, which ``--at``
    would not change)."""
    exits = [w.exit_date for w in enterprise.workers]
    if regime.forced or not exits or None in exits or max(exits) >= regime.valid_from:
        return []
    last = max(exits)
    then = regime_in_force(regime.region, last)
    if then.id == regime.id:
        return []
    first, day = regime.valid_from.isoformat(), last.isoformat()
    return [warning("regime_after_data", file=enterprise.source, message=t(
        f"Statuts jugés selon les critères de {regime.id}, le régime en vigueur aujourd'hui, qui s'applique "
        f"depuis le {first} : aucun travailleur du classeur n'est occupé ce jour-là ni après (dernier jour "
        f"d'occupation : le {day}). Pour les juger selon le régime appliqué à cette époque ({then.id}), comme "
        f"« ei check » et « ei check-quota » pour leurs périodes : --at {day} (liste les travailleurs occupés "
        "ce jour-là).",
        f"Statuses judged by the criteria of {regime.id}, the regime in force today, which applies from "
        f"{first}: no worker of the workbook is employed on that day or after (last day employed: {day}). To "
        f"judge them by the regime applied at that time ({then.id}), as `ei check` and `ei check-quota` do "
        f"for their periods: --at {day} (lists the workers employed on that day)."))]


# ------------------------------------------------------------------------------ dashboard
NAME = "eligibility"


def summary_text(counts: dict[str, int], categories: tuple[Category, ...], provisional: bool = False) -> Text:
    """« 12 travailleurs : 3 TGD, 6 TD, 3 hors public cible, 0 indéterminé »; ``provisional`` (statuses on a
    provisional reading, D7): « 11 travailleurs (lecture provisoire) : 6 public cible, … » — one colon level."""
    total = sum(counts.values())
    parts = [Text(f"{counts[str(c)]} {c.value}", f"{counts[str(c)]} {c.value}") for c in categories
             if c in (Category.TGD, Category.TD)]
    if Category.TARGET in categories:
        parts.append(t(f"{counts['target']} public cible", f"{counts['target']} target public"))
    parts.append(t(f"{counts['not_target']} hors public cible", f"{counts['not_target']} not target public"))
    parts.append(plural(counts["unknown"], "indéterminé", "unknown", en_plural="unknown"))
    head = plural(total, "travailleur", "worker")
    if provisional:
        head = t(f"{head.fr} (lecture provisoire)", f"{head.en} (provisional reading)")
    return Text(f"{head.fr} : " + ", ".join(p.fr for p in parts), f"{head.en}: " + ", ".join(p.en for p in parts))


def target_categories(regime: Regime) -> tuple[Category, ...]:
    return _TARGET_CATEGORIES[regime.rule("eligibility")]


def summary_for(rows, regime: Regime) -> tuple[bool | None, Text]:
    """(verdict, summary) for a list of statuses (``verdict_for``)."""
    counts = {str(c): 0 for c in Category}
    for w in rows:
        counts[str(w.category)] += 1
    return verdict_for(counts, regime)


def verdict_for(counts: dict[str, int], regime: Regime) -> tuple[bool | None, Text]:
    """(verdict, summary) for the counts of statuses: None (unknown) if any status is unknown, or under a
    regime known only in outline (D7: its statuses rest on a provisional reading, said in the summary);
    else True. ``ei check`` and ``ei check-eligibility`` both judge with it."""
    outline = regime.status == "outline"
    summary = summary_text(counts, target_categories(regime), provisional=outline)
    if outline:
        return None, summary
    return (None if counts["unknown"] else True), summary


def heading_text(on: date | None, n: int) -> Text:
    if on is None:
        return t("Tous les travailleurs du classeur (feuille Personnel).",
                 "Every worker of the workbook (Personnel sheet).")
    return t(f"Travailleurs occupés le {on.isoformat()} : {n}.", f"Workers employed on {on.isoformat()}: {n}.")


def check(enterprise: Enterprise, regime: Regime, period: Period, report: EligibilityReport | None = None
          ) -> CheckResult:
    """Dashboard line for ``ei check``: counts by category of the workers employed in ``period``.

    Eligibility is information, not an obligation: ``compliant`` is True when every status is
    established, None (unknown) when some status depends on data still missing; never False.
    """
    report = report or assess_eligibility(enterprise, regime)
    ids = {w.worker_id for w in enterprise.workers if w.employed_in(period)}
    counts = report.counts(ids)
    unknown = [w for w in report.workers if w.worker_id in ids and w.category == Category.UNKNOWN]
    definition = regime.value("eligibility.definition", period.end)
    outline = regime.status == "outline"
    reasons = [
        because(t("Statut de public cible de chaque travailleur occupé pendant la période.",
                  "Target-public status of every worker employed in the period."), definition),
        because(DAY_READING, regime.value_or_none("eligibility.assessment_day", period.end)),
        because(t("Information, pas une obligation : ce contrôle n'est jamais « non conforme » ; il reste "
                  "indéterminé tant qu'un statut dépend de données manquantes"
                  + (", ainsi que sous un régime connu seulement en partie (ci-dessous)." if outline else "."),
                  "Information, not an obligation: this check is never “not compliant”; it stays unknown "
                  "while a status depends on missing data"
                  + (", as well as under a regime known only in outline (below)." if outline else "."))),
    ]
    employed = [w for w in enterprise.workers if w.worker_id in ids]
    persons = enterprise.persons(employed, stints=True)
    if persons < len(ids):
        # The line counts ids (every row listed, each with its status); the documents' staff tables count
        # persons (docs/interpretations.md « A person re-hired under a new id »): said, so the two agree.
        ids_text, persons_text = plural(len(ids), "travailleur", "worker"), plural(persons, "personne", "person")
        reasons.append(because(t(
            f"Ces {ids_text.fr} (identifiants) sont {persons_text.fr} : les contrats d'une même personne sous "
            "plusieurs identifiants (même NISS, un contrat article 60 §7 du CPAS compris) sont comptés chacun ici, "
            "une seule fois dans les tableaux du personnel des rapports.",
            f"These {ids_text.en} (ids) are {persons_text.en}: the contracts of one person under several ids "
            "(same national number, a CPAS article 60 §7 contract included) are each counted here, once in the "
            "reports' staff tables.")))
    to_fix = []
    for w in unknown:
        who, missing = worker_text(w.worker_id, capital=True), ", ".join(w.missing)
        to_fix.append(t(f"{who.fr} : renseignez {missing} (feuille Personnel).",
                        f"{who.en}: fill in {missing} (Personnel sheet)."))
    to_fix = tuple(to_fix)
    details = {"counts": counts, "persons": persons, "unknown_workers": [w.worker_id for w in unknown]}
    verdict, summary = verdict_for(counts, regime)
    if outline:
        # D7: an outline regime checks its mandate minimums, every other check is unknown. The statuses
        # still count for those minimums, on the provisional reading the regime file states.
        # The definition's description states the provisional reading itself (« Lecture provisoire : … »).
        reasons.append(because(t(
            "Régime connu seulement en partie (lecture retenue par le projet) : statuts non établis "
            f"pour ce régime. {definition.description_text.fr}.",
            "Regime known only in outline (the project's reading): statuses not established for "
            f"this regime. {definition.description_text.en}."), definition))
        details["established"] = False
    return CheckResult(NAME, verdict, summary, tuple(reasons), to_fix, details)
