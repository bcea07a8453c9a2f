"""Target-public status of each worker, per regime (rules.md §3.1, §4.1, §5.1; Q1, Q2, Q7, D6).

Three-valued: a criterion is met (True), not met (False) or unknown (None, its data is missing).
A status is never guessed: if the missing data could change it, the category is ``unknown`` and
``missing`` names the columns to fill. The shape of the rule differs per regime, so each regime
names its function in ``[rules] eligibility``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum
from functools import cached_property

from ei_cli.i18n import Text, t
from ei_cli.model import Diploma, Enterprise, Worker
from ei_cli.periods import add_years, completed_years
from ei_cli.regimes import Regime
from ei_cli.rules.common import Reason, because
from ei_cli.workbook.schema import STAFF

_FIELD_OF_COLUMN = {c.name: c.field for c in STAFF.columns}


class Category(StrEnum):
    TGD = "TGD"                # travailleur gravement défavorisé (Wallonia 2016)
    TD = "TD"                  # travailleur défavorisé (Wallonia 2016)
    TARGET = "target"          # target public of a regime without sub-categories (DEDP, Brussels)
    NOT_TARGET = "not_target"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class Criterion:
    id: str                    # M1, M2, T1…T8, G1, DEDP, B1…B5
    label: Text
    met: bool | None
    columns: tuple[str, ...]   # workbook columns it reads (canonical French names)
    reason: Reason

    def to_dict(self, lang: str = "fr") -> dict:
        return {"id": self.id, "label": self.label.get(lang), "met": self.met, "columns": list(self.columns)}


@dataclass(frozen=True)
class WorkerEligibility:
    worker_id: str
    category: Category
    assessed_on: date
    criteria: tuple[Criterion, ...]
    reasons: tuple[Reason, ...]
    missing: tuple[str, ...]

    @property
    def target_public(self) -> bool | None:
        if self.category == Category.UNKNOWN:
            return None
        return self.category != Category.NOT_TARGET

    @property
    def is_severely_disadvantaged(self) -> bool:
        return self.category == Category.TGD

    def to_dict(self, lang: str = "fr") -> dict:
        return {"worker_id": self.worker_id, "category": str(self.category), "target_public": self.target_public,
                "assessed_on": self.assessed_on.isoformat(),
                "criteria_met": [c.id for c in self.criteria if c.met is True],
                "criteria_not_met": [c.id for c in self.criteria if c.met is False],
                "criteria_unknown": [c.id for c in self.criteria if c.met is None],
                "reasons": [r.to_dict(lang) for r in self.reasons], "missing": list(self.missing)}


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
        return self.by_id[worker_id].target_public

    def counts(self) -> dict[str, int]:
        out = {str(c): 0 for c in Category}
        for w in self.workers:
            out[str(w.category)] += 1
        return out


# ------------------------------------------------------------------------------ criteria
def _any3(values) -> bool | None:
    values = list(values)
    if any(v is True for v in values):
        return True
    if any(v is None for v in values):
        return None
    return False


def _all3(values) -> bool | None:
    values = list(values)
    if any(v is False for v in values):
        return False
    if any(v is None for v in values):
        return None
    return True


def _yes_no(met: bool | None) -> Text:
    return {True: t("rempli", "met"), False: t("non rempli", "not met"), None: t("inconnu", "unknown")}[met]


def _crit(cid: str, label: Text, met: bool | None, columns: tuple[str, ...], detail: Text, value=None) -> Criterion:
    verdict = _yes_no(met)
    text = Text(f"{cid} {label.fr} : {verdict.fr} — {detail.fr}", f"{cid} {label.en}: {verdict.en} — {detail.en}")
    return Criterion(cid, label, met, columns, because(text, value))


def _no_diploma_above(worker: Worker, regime: Regime, key: str, inclusive_max: bool, cid: str, label: Text,
                      on: date) -> Criterion:
    """Diploma test: ``inclusive_max`` → at most the named diploma; else strictly below it."""
    v = regime.value(key, on)
    limit = Diploma(v.value)
    if worker.diploma is None:
        met, detail = None, t("diplôme non renseigné", "diploma not given")
    else:
        met = worker.diploma.rank <= limit.rank if inclusive_max else worker.diploma.rank < limit.rank
        detail = t(f"diplôme le plus élevé {'au plus' if inclusive_max else 'inférieur au'} {limit.value.upper()}",
                   f"highest diploma {'at most' if inclusive_max else 'below'} {limit.value.upper()}") if met else \
            t(f"titulaire d'un diplôme {'supérieur au' if inclusive_max else 'au moins égal au'} {limit.value.upper()}",
              f"holds a diploma {'above' if inclusive_max else 'at least'} {limit.value.upper()}")
    return _crit(cid, label, met, ("diplome",), detail, v)


def _flag(worker: Worker, regime: Regime, attr: str, column: str, cid: str, label: Text) -> Criterion:
    """A yes/no criterion read from one column, citing the regime's definition of the target public."""
    value = getattr(worker, attr)
    detail = t(f"colonne {column} non renseignée", f"column {column} not given") if value is None else \
        t(f"colonne {column} : {'oui' if value else 'non'}", f"column {column}: {'yes' if value else 'no'}")
    return _crit(cid, label, value, (column,), detail, regime.value("eligibility.definition", worker.assessment_date))


def _months_at_least(worker: Worker, regime: Regime, key: str, cid: str, label: Text, on: date) -> Criterion:
    v = regime.value(key, on)
    need = v.number
    if worker.months_without_work is None:
        met, detail = None, t("mois_sans_emploi non renseigné", "mois_sans_emploi not given")
    else:
        met = worker.months_without_work >= need
        detail = t(f"{worker.months_without_work} mois {'≥' if met else '<'} {need} mois exigés",
                   f"{worker.months_without_work} months {'≥' if met else '<'} {need} months required")
    return _crit(cid, label, met, ("mois_sans_emploi",), detail, v)


def _age_between(worker: Worker, regime: Regime, on: date) -> Criterion:
    lo, hi = regime.value("eligibility.td.young_min_age", on), regime.value("eligibility.td.young_max_age", on)
    label = t(f"âgé de {lo.number} à {hi.number} ans", f"aged {lo.number} to {hi.number}")
    if worker.birth_date is None:
        return _crit("T2", label, None, ("date_naissance",), t("date de naissance non renseignée",
                                                                  "birth date not given"), hi)
    age = completed_years(worker.birth_date, on)
    met = lo.number <= age <= hi.number
    return _crit("T2", label, met, ("date_naissance",),
                 t(f"{age} ans accomplis le {on.isoformat()}", f"{age} completed years on {on.isoformat()}"), hi)


def _older_than(worker: Worker, regime: Regime, on: date) -> Criterion:
    v = regime.value("eligibility.td.older_than_age", on)
    label = t(f"âgé de plus de {v.number} ans", f"aged over {v.number}")
    if worker.birth_date is None:
        return _crit("T3", label, None, ("date_naissance",), t("date de naissance non renseignée",
                                                                  "birth date not given"), v)
    birthday = add_years(worker.birth_date, int(v.number))
    met = on > birthday
    return _crit("T3", label, met, ("date_naissance",),
                 t(f"{v.number}e anniversaire le {birthday.isoformat()}, évaluation le {on.isoformat()}",
                   f"{v.number}th birthday on {birthday.isoformat()}, assessed on {on.isoformat()}"), v)


# ------------------------------------------------------------------------------ regimes
def _wallonie_td_tgd(worker: Worker, regime: Regime) -> tuple[Category, list[Criterion], list[Criterion]]:
    on = worker.assessment_date
    m1 = _no_diploma_above(worker, regime, "eligibility.excluding_diploma", False, "M1",
                           t("non titulaire du CESS", "no CESS"), on)
    m2 = _flag(worker, regime, "registered_jobseeker", "inscrit_dei", "M2",
               t("inscrit comme demandeur d'emploi inoccupé (FOREm)", "registered unemployed job seeker (FOREm)"))
    td = [
        _months_at_least(worker, regime, "eligibility.td.min_months_without_work", "T1",
                         t("chômage, RIS, aide sociale ou sans revenu depuis au moins 6 mois",
                           "benefits, RIS, social aid or no income for at least 6 months"), on),
        _age_between(worker, regime, on),
        _older_than(worker, regime, on),
        _flag(worker, regime, "single_parent", "parent_isole", "T4",
              t("chef de famille monoparentale", "single-parent head of family")),
        _flag(worker, regime, "underrepresented_sex", "sexe_sous_represente", "T5",
              t("sexe sous-représenté dans le secteur", "under-represented sex in the sector")),
        _flag(worker, regime, "ethnic_minority", "minorite_ethnique", "T6",
              t("minorité ethnique ayant besoin d'une formation linguistique",
                "ethnic minority needing language training")),
        _flag(worker, regime, "disability_recognition", "reconnaissance_aviq", "T7",
              t("décision de l'AVIQ", "AVIQ decision")),
        _flag(worker, regime, "former_art60", "ancien_art60", "T8", t("ancien article 60 §7 ou PTP", "former art. 60 §7 or PTP")),
    ]
    g1 = _months_at_least(worker, regime, "eligibility.tgd.min_months_without_work", "G1",
                          t("chômage, RIS, aide sociale ou sans revenu depuis au moins 24 mois",
                            "benefits, RIS, social aid or no income for at least 24 months"), on)
    mandatory = _all3([m1.met, m2.met])
    criteria = [m1, m2, *td, g1]
    if mandatory is False:
        return Category.NOT_TARGET, criteria, []
    if mandatory is True and g1.met is True:
        return Category.TGD, criteria, []
    any_td = _any3(c.met for c in td)
    if mandatory is True and any_td is True:
        # TD established; TGD still possible if G1 is unknown.
        return Category.TD, criteria, [g1] if g1.met is None else []
    if any_td is False and g1.met is not True:
        # No alternative can hold (G1 false or unknown implies T1 false here): not target.
        if g1.met is None:
            return Category.UNKNOWN, criteria, [c for c in criteria if c.met is None]
        return Category.NOT_TARGET, criteria, []
    return Category.UNKNOWN, criteria, [c for c in criteria if c.met is None]


def _wallonie_dedp(worker: Worker, regime: Regime) -> tuple[Category, list[Criterion], list[Criterion]]:
    on = worker.assessment_date
    m1 = _no_diploma_above(worker, regime, "eligibility.excluding_diploma", False, "M1",
                           t("non titulaire d'un diplôme du secondaire supérieur", "no upper-secondary diploma"), on)
    m2 = _flag(worker, regime, "registered_jobseeker", "inscrit_dei", "M2",
               t("inscrit comme demandeur d'emploi au FOREm", "registered job seeker at FOREm"))
    both = _all3([m1.met, m2.met])
    category = {True: Category.TARGET, False: Category.NOT_TARGET, None: Category.UNKNOWN}[both]
    return category, [m1, m2], [c for c in (m1, m2) if c.met is None] if both is None else []


def _bruxelles_2004(worker: Worker, regime: Regime) -> tuple[Category, list[Criterion], list[Criterion]]:
    on = worker.assessment_date
    registered = worker.registered_jobseeker
    definition = regime.value("eligibility.definition", on)
    months_12 = _months_at_least(worker, regime, "eligibility.b1.min_months_unoccupied", "B1",
                                 t("inoccupé depuis au moins 12 mois", "unoccupied for at least 12 months"), on)
    diploma = _no_diploma_above(worker, regime, "eligibility.b1.max_diploma", True, "B1",
                                t("au plus le CESI", "at most the CESI"), on)
    months_60 = _months_at_least(worker, regime, "eligibility.b2.min_months_unoccupied", "B2",
                                 t("inoccupé depuis au moins 60 mois", "unoccupied for at least 60 months"), on)
    reg_text = t("inscrit chez Actiris", "registered at Actiris")
    b1_met = _all3([registered, months_12.met, diploma.met])
    b2_met = _all3([registered, months_60.met])
    b1 = Criterion("B1", t("demandeur d'emploi inoccupé ≥ 12 mois et au plus CESI",
                           "job seeker unoccupied ≥ 12 months with at most CESI"), b1_met,
                   ("inscrit_dei", "mois_sans_emploi", "diplome"),
                   Reason(Text(f"B1 : {_yes_no(b1_met).fr} — {reg_text.fr} : {_yes_no(registered).fr} ; "
                               f"{months_12.reason.text.fr} ; {diploma.reason.text.fr}",
                               f"B1: {_yes_no(b1_met).en} — {reg_text.en}: {_yes_no(registered).en}; "
                               f"{months_12.reason.text.en}; {diploma.reason.text.en}"),
                          definition.cite(), definition.reference.url, definition.confidence, definition.key))
    b2 = Criterion("B2", t("demandeur d'emploi inoccupé ≥ 60 mois", "job seeker unoccupied ≥ 60 months"), b2_met,
                   ("inscrit_dei", "mois_sans_emploi"),
                   Reason(Text(f"B2 : {_yes_no(b2_met).fr} — {reg_text.fr} : {_yes_no(registered).fr} ; "
                               f"{months_60.reason.text.fr}",
                               f"B2: {_yes_no(b2_met).en} — {reg_text.en}: {_yes_no(registered).en}; "
                               f"{months_60.reason.text.en}"),
                          definition.cite(), definition.reference.url, definition.confidence, definition.key))
    b34 = _flag(worker, regime, "integration_income", "beneficiaire_ris", "B3",
                t("bénéficiaire du revenu d'intégration ou de l'aide sociale financière",
                  "entitled to integration income or financial social aid"))
    b5 = _flag(worker, regime, "activation_contract", "contrat_activation", "B5",
               t("contrat lié à l'activation d'une allocation", "contract under an activation measure"))
    criteria = [b1, b2, b34, b5]
    any_met = _any3(c.met for c in criteria)
    category = {True: Category.TARGET, False: Category.NOT_TARGET, None: Category.UNKNOWN}[any_met]
    return category, criteria, [c for c in criteria if c.met is None] if any_met is None else []


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


def assess_worker(worker: Worker, regime: Regime) -> WorkerEligibility:
    rule = _RULES[regime.rule("eligibility")]
    category, criteria, open_criteria = rule(worker, regime)
    on = worker.assessment_date
    source = "date_premier_engagement_ei" if worker.first_ei_hire_date else "date_entree"
    head = because(Text(f"Statut évalué le {on.isoformat()} ({source}, décision D6) : {_VERDICT[category].fr}.",
                        f"Status assessed on {on.isoformat()} ({source}, decision D6): {_VERDICT[category].en}."))
    missing = tuple(dict.fromkeys(col for c in open_criteria for col in c.columns
                                  if getattr(worker, _FIELD_OF_COLUMN[col]) is None))
    reasons = [head, *(c.reason for c in criteria)]
    if category == Category.TD and missing:
        reasons.append(because(t("TGD non vérifiable : renseignez " + ", ".join(missing) + ".",
                                 "TGD cannot be checked: fill in " + ", ".join(missing) + ".")))
    return WorkerEligibility(worker.worker_id, category, on, tuple(criteria), tuple(reasons), missing)


def assess_eligibility(enterprise: Enterprise, regime: Regime) -> EligibilityReport:
    """Status of every worker of the workbook (art. 60 workers included: they are assessed too)."""
    return EligibilityReport(regime.id, tuple(assess_worker(w, regime) for w in enterprise.workers))


def target_fte_share(target: Decimal, total: Decimal) -> Decimal | None:
    """Share of target FTE in total FTE; None when there is no FTE at all."""
    return None if total == 0 else target / total
