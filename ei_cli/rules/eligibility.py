"""Target-public status of each worker, per regime (rules.md §3.1, §4.1, §5.1; Q1, Q2, Q7, D6).

Three-valued: a criterion is met (True), not met (False) or unknown (None, its data is missing).
A status is never guessed: if the missing data could change it, the category is ``unknown`` and
``missing`` names the columns to fill. The shape of the rule differs per regime, so each regime
names its function in ``[rules] eligibility``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum
from functools import cached_property

from ei_cli.i18n import Text, t
from ei_cli.model import Diploma, Enterprise, Worker
from ei_cli.periods import Period, add_years, completed_years
from ei_cli.regimes import Regime
from ei_cli.rules.common import CheckResult, Reason, because
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
    """One legal criterion for one worker.

    ``reason`` is what every output shows: the verdict, citing the parameter, never the worker's own
    values. ``detail`` adds those values (age, months, column read) and is shown only with
    ``--names``. A ``sensitive`` criterion — family situation (T4), ethnic minority (T6, workbook.md:
    "never printed back"), disability recognition (T7, GDPR art. 9), integration income (B3/B4) — is
    not shown at all without ``--names``.
    """

    id: str                    # M1, M2, T1…T8, G1, DEDP, B1, B2, B3/B4, B5
    label: Text
    met: bool | None
    columns: tuple[str, ...]   # workbook columns it reads (canonical French names)
    reason: Reason
    detail: Reason | None = None
    sensitive: bool = False

    def shown(self, names: bool = False) -> Reason:
        if names:
            return self.detail or self.reason
        if self.sensitive:
            return Reason(t(f"{self.id} : donnée sensible, affichée seulement avec --names.",
                            f"{self.id}: sensitive data, shown only with --names."))
        return self.reason

    def to_dict(self, lang: str = "fr", names: bool = False) -> dict:
        if self.sensitive and not names:
            return {"id": self.id, "label": self.label.get(lang), "met": None, "redacted": True,
                    "columns": list(self.columns)}
        return {"id": self.id, "label": self.label.get(lang), "met": self.met, "columns": list(self.columns)}


@dataclass(frozen=True)
class WorkerEligibility:
    worker_id: str
    category: Category
    assessed_on: date
    criteria: tuple[Criterion, ...]
    notes: tuple[Reason, ...]          # the verdict line first, then any note (TGD not checkable)
    missing: tuple[str, ...]

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
        return (head, *(c.shown(names) for c in self.criteria), *tail)

    @property
    def reasons(self) -> tuple[Reason, ...]:
        """The reasons safe for any output (no personal value)."""
        return self.reasons_for(False)

    def criteria_ids(self, met: bool | None, names: bool = False) -> list[str]:
        return [c.id for c in self.criteria if c.met is met and (names or not c.sensitive)]

    def to_dict(self, lang: str = "fr", names: bool = False) -> dict:
        return {"worker_id": self.worker_id, "category": str(self.category), "target_public": self.target_public,
                "assessed_on": self.assessed_on.isoformat(),
                "criteria_met": self.criteria_ids(True, names),
                "criteria_not_met": self.criteria_ids(False, names),
                "criteria_unknown": self.criteria_ids(None, names),
                "criteria": [c.to_dict(lang, names) for c in self.criteria],
                "reasons": [r.to_dict(lang) for r in self.reasons_for(names)], "missing": list(self.missing)}


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

    def counts(self, worker_ids=None) -> dict[str, int]:
        """Workers by category (all of them, or those of ``worker_ids``)."""
        out = {str(c): 0 for c in Category}
        for w in self.workers:
            if worker_ids is None or w.worker_id in worker_ids:
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


def _line(cid: str, label: Text, met: bool | None, detail: Text | None) -> Text:
    verdict = _yes_no(met)
    fr, en = (f"{cid} {label.fr}", f"{cid} {label.en}") if cid else (label.fr, label.en)
    if detail is None:
        return Text(f"{fr} : {verdict.fr}", f"{en}: {verdict.en}")
    return Text(f"{fr} : {verdict.fr} — {detail.fr}", f"{en}: {verdict.en} — {detail.en}")


def _crit(cid: str, label: Text, met: bool | None, columns: tuple[str, ...], detail: Text, value=None,
          sensitive: bool = False) -> Criterion:
    """A criterion; ``detail`` (the worker's values) goes only into the ``--names`` reason.

    When the data is missing, ``detail`` only says which column is empty: that is shown everywhere.
    """
    public = _line(cid, label, met, detail if met is None else None)
    return Criterion(cid, label, met, columns, because(public, value), because(_line(cid, label, met, detail), value),
                     sensitive)


def _not_given(column: str) -> Text:
    return t(f"colonne {column} non renseignée", f"column {column} not given")


def _no_diploma_above(worker: Worker, regime: Regime, key: str, inclusive_max: bool, cid: str, label: Text,
                      on: date) -> Criterion:
    """Diploma test: ``inclusive_max`` → at most the named diploma; else strictly below it."""
    v = regime.value(key, on)
    limit = Diploma(v.value)
    if worker.diploma is None:
        met, detail = None, _not_given("diplome")
    else:
        met = worker.diploma.rank <= limit.rank if inclusive_max else worker.diploma.rank < limit.rank
        detail = t(f"diplôme le plus élevé : {worker.diploma.value.upper()} ; "
                   f"exigé : {'au plus' if inclusive_max else 'inférieur au'} {limit.value.upper()}",
                   f"highest diploma: {worker.diploma.value.upper()}; "
                   f"required: {'at most' if inclusive_max else 'below'} {limit.value.upper()}")
    return _crit(cid, label, met, ("diplome",), detail, v)


def _flag(worker: Worker, regime: Regime, attr: str, column: str, cid: str, label: Text,
          sensitive: bool = False) -> Criterion:
    """A yes/no criterion read from one column, citing the regime's definition of the target public."""
    value = getattr(worker, attr)
    detail = _not_given(column) if value is None else \
        t(f"colonne {column} : {'oui' if value else 'non'}", f"column {column}: {'yes' if value else 'no'}")
    return _crit(cid, label, value, (column,), detail, regime.value("eligibility.definition", worker.assessment_date),
                 sensitive)


def _months_at_least(worker: Worker, regime: Regime, key: str, cid: str, label: Text, on: date) -> Criterion:
    """« depuis au moins N mois » : inclusive (rules.md §3.1 edge rules; Q12: no assimilated periods)."""
    v = regime.value(key, on)
    need = v.number
    if worker.months_without_work is None:
        met, detail = None, _not_given("mois_sans_emploi")
    else:
        met = worker.months_without_work >= need
        detail = t(f"{worker.months_without_work} mois {'≥' if met else '<'} {need} mois exigés",
                   f"{worker.months_without_work} months {'≥' if met else '<'} {need} months required")
    return _crit(cid, label, met, ("mois_sans_emploi",), detail, v)


def _age_text(age: int, on: date) -> Text:
    return t(f"{age} ans accomplis le {on.isoformat()}", f"{age} completed years on {on.isoformat()}")


def _age_between(worker: Worker, regime: Regime, on: date) -> Criterion:
    """« âgé de 18 à 24 ans » : completed years on the assessment day, both ends included (§3.1, §9)."""
    lo, hi = regime.value("eligibility.td.young_min_age", on), regime.value("eligibility.td.young_max_age", on)
    label = t(f"âgé de {lo.number} à {hi.number} ans", f"aged {lo.number} to {hi.number}")
    if worker.birth_date is None:
        return _crit("T2", label, None, ("date_naissance",), _not_given("date_naissance"), hi)
    age = completed_years(worker.birth_date, on)
    return _crit("T2", label, lo.number <= age <= hi.number, ("date_naissance",), _age_text(age, on), hi)


def _older_than(worker: Worker, regime: Regime, on: date) -> Criterion:
    """« plus de 50 ans » : strictly after the 50th birthday (rules.md Q7)."""
    v = regime.value("eligibility.td.older_than_age", on)
    label = t(f"âgé de plus de {v.number} ans", f"aged over {v.number}")
    if worker.birth_date is None:
        return _crit("T3", label, None, ("date_naissance",), _not_given("date_naissance"), v)
    # The birthday itself is not "over 50": on the 50th birthday the worker is exactly 50.
    met = on > add_years(worker.birth_date, int(v.number))
    return _crit("T3", label, met, ("date_naissance",), _age_text(completed_years(worker.birth_date, on), on), v)


# ------------------------------------------------------------------------------ regimes
def _open(criteria) -> list[Criterion]:
    return [c for c in criteria if c.met is None]


def _wallonie_td_tgd(worker: Worker, regime: Regime) -> tuple[Category, list[Criterion], list[Criterion]]:
    """TD = M1 ∧ M2 ∧ (T1 ∨ … ∨ T8); TGD = M1 ∧ M2 ∧ G1 (rules.md §3.1, Q1). Three-valued."""
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
              t("chef de famille monoparentale", "single-parent head of family"), sensitive=True),
        _flag(worker, regime, "underrepresented_sex", "sexe_sous_represente", "T5",
              t("sexe sous-représenté dans le secteur", "under-represented sex in the sector")),
        _flag(worker, regime, "ethnic_minority", "minorite_ethnique", "T6",
              t("minorité ethnique ayant besoin d'une formation linguistique",
                "ethnic minority needing language training"), sensitive=True),
        _flag(worker, regime, "disability_recognition", "reconnaissance_aviq", "T7",
              t("décision de l'AVIQ", "AVIQ decision"), sensitive=True),
        _flag(worker, regime, "former_art60", "ancien_art60", "T8",
              t("ancien article 60 §7 ou PTP", "former art. 60 §7 or PTP")),
    ]
    g1 = _months_at_least(worker, regime, "eligibility.tgd.min_months_without_work", "G1",
                          t("chômage, RIS, aide sociale ou sans revenu depuis au moins 24 mois",
                            "benefits, RIS, social aid or no income for at least 24 months"), on)
    mandatory = _all3([m1.met, m2.met])
    any_td = _any3(c.met for c in td)
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


def _wallonie_dedp(worker: Worker, regime: Regime) -> tuple[Category, list[Criterion], list[Criterion]]:
    """DEDP = no upper-secondary diploma ∧ registered job seeker at FOREm (décret 18.12.2003 art. 2, 2°)."""
    on = worker.assessment_date
    m1 = _no_diploma_above(worker, regime, "eligibility.excluding_diploma", False, "M1",
                           t("non titulaire d'un diplôme du secondaire supérieur", "no upper-secondary diploma"), on)
    m2 = _flag(worker, regime, "registered_jobseeker", "inscrit_dei", "M2",
               t("inscrit comme demandeur d'emploi au FOREm", "registered job seeker at FOREm"))
    both = _all3([m1.met, m2.met])
    category = {True: Category.TARGET, False: Category.NOT_TARGET, None: Category.UNKNOWN}[both]
    return category, [m1, m2], _open([m1, m2]) if both is None else []


def _group(cid: str, label: Text, parts: list[Criterion], regime: Regime, on: date) -> Criterion:
    """A Brussels group made of several conditions (AND), citing the ordinance's definition."""
    met = _all3(p.met for p in parts)
    definition = regime.value("eligibility.definition", on)
    columns = tuple(dict.fromkeys(col for p in parts for col in p.columns))

    def text(names: bool) -> Text:
        shown = [p.shown(names).text for p in parts]
        head = _yes_no(met)
        return Text(f"{cid} {label.fr} : {head.fr} (" + " ; ".join(x.fr for x in shown) + ")",
                    f"{cid} {label.en}: {head.en} (" + "; ".join(x.en for x in shown) + ")")

    return Criterion(cid, label, met, columns, because(text(False), definition), because(text(True), definition))


def _bruxelles_2004(worker: Worker, regime: Regime) -> tuple[Category, list[Criterion], list[Criterion]]:
    """Any of five groups, ord. 18.03.2004 art. 2, 1° (rules.md §5.1); B3 and B4 share one column."""
    on = worker.assessment_date
    registered = _flag(worker, regime, "registered_jobseeker", "inscrit_dei", "",
                       t("inscrit comme demandeur d'emploi chez Actiris", "registered job seeker at Actiris"))
    months_12 = _months_at_least(worker, regime, "eligibility.b1.min_months_unoccupied", "",
                                 t("inoccupé depuis au moins 12 mois", "unoccupied for at least 12 months"), on)
    diploma = _no_diploma_above(worker, regime, "eligibility.b1.max_diploma", True, "",
                                t("au plus le CESI", "at most the CESI"), on)
    months_60 = _months_at_least(worker, regime, "eligibility.b2.min_months_unoccupied", "",
                                 t("inoccupé depuis au moins 60 mois", "unoccupied for at least 60 months"), on)
    b1 = _group("B1", t("demandeur d'emploi inoccupé ≥ 12 mois et au plus CESI",
                        "job seeker unoccupied ≥ 12 months with at most CESI"), [registered, months_12, diploma],
                regime, on)
    b2 = _group("B2", t("demandeur d'emploi inoccupé ≥ 60 mois", "job seeker unoccupied ≥ 60 months"),
                [registered, months_60], regime, on)
    b34 = _flag(worker, regime, "integration_income", "beneficiaire_ris", "B3/B4",
                t("bénéficiaire du revenu d'intégration ou de l'aide sociale financière",
                  "entitled to integration income or financial social aid"), sensitive=True)
    b5 = _flag(worker, regime, "activation_contract", "contrat_activation", "B5",
               t("contrat lié à l'activation d'une allocation", "contract under an activation measure"))
    criteria = [b1, b2, b34, b5]
    any_met = _any3(c.met for c in criteria)
    category = {True: Category.TARGET, False: Category.NOT_TARGET, None: Category.UNKNOWN}[any_met]
    wanted = [p for p in (registered, months_12, diploma) if b1.met is None and p.met is None] + \
        [p for p in (registered, months_60) if b2.met is None and p.met is None] + _open([b34, b5])
    return category, criteria, wanted if any_met is None else []


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


# Categories each rule shape can give to a target worker (the dashboard counts them in this order).
_TARGET_CATEGORIES = {
    "wallonie_td_tgd": (Category.TGD, Category.TD),
    "wallonie_dedp": (Category.TARGET,),
    "bruxelles_2004": (Category.TARGET,),
}


def assess_worker(worker: Worker, regime: Regime) -> WorkerEligibility:
    """Status of one worker on the day rules.md D6 names, under ``regime``."""
    rule = _RULES[regime.rule("eligibility")]
    category, criteria, open_criteria = rule(worker, regime)
    on = worker.assessment_date
    source = "date_premier_engagement_ei" if worker.first_ei_hire_date else "date_entree"
    head = because(Text(f"Statut évalué le {on.isoformat()} ({source}, décision D6) : {_VERDICT[category].fr}.",
                        f"Status assessed on {on.isoformat()} ({source}, decision D6): {_VERDICT[category].en}."),
                   regime.value("eligibility.definition", on))
    missing = tuple(dict.fromkeys(col for c in open_criteria for col in c.columns
                                  if getattr(worker, _FIELD_OF_COLUMN[col]) is None))
    notes = [head]
    if category == Category.TD and missing:
        notes.append(because(t("TGD non vérifiable : renseignez " + ", ".join(missing) + ".",
                               "TGD cannot be checked: fill in " + ", ".join(missing) + ".")))
    return WorkerEligibility(worker.worker_id, category, on, tuple(criteria), tuple(notes), missing)


def assess_eligibility(enterprise: Enterprise, regime: Regime) -> EligibilityReport:
    """Status of every worker of the workbook (art. 60 workers included: they are assessed too).

    Workers keep the workbook's order; each status depends on that worker's row only.
    """
    return EligibilityReport(regime.id, tuple(assess_worker(w, regime) for w in enterprise.workers))


# ------------------------------------------------------------------------------ dashboard
NAME = "eligibility"


def _plural(n: int, fr: str, en: str, fr_plural: str | None = None, en_plural: str | None = None) -> Text:
    return t(f"{n} {fr if n < 2 else (fr_plural or fr + 's')}", f"{n} {en if n == 1 else (en_plural or en + 's')}")


def summary_text(counts: dict[str, int], categories: tuple[Category, ...]) -> Text:
    """« 12 travailleurs : 3 TGD, 6 TD, 3 hors public cible, 0 indéterminé »."""
    total = sum(counts.values())
    parts = [Text(f"{counts[str(c)]} {c.value}", f"{counts[str(c)]} {c.value}") for c in categories
             if c in (Category.TGD, Category.TD)]
    if Category.TARGET in categories:
        parts.append(t(f"{counts['target']} public cible", f"{counts['target']} target public"))
    parts.append(t(f"{counts['not_target']} hors public cible", f"{counts['not_target']} not target public"))
    parts.append(_plural(counts["unknown"], "indéterminé", "unknown", en_plural="unknown"))
    head = _plural(total, "travailleur", "worker")
    return Text(f"{head.fr} : " + ", ".join(p.fr for p in parts), f"{head.en}: " + ", ".join(p.en for p in parts))


def _natural(worker_id: str) -> tuple:
    """W2 before W10."""
    return tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in re.split(r"(\d+)", worker_id) if p)


def target_categories(regime: Regime) -> tuple[Category, ...]:
    return _TARGET_CATEGORIES[regime.rule("eligibility")]


def summary_for(rows, regime: Regime) -> tuple[bool | None, Text]:
    """(verdict, summary) for a list of statuses: None (unknown) if any status is unknown, else True."""
    counts = {str(c): 0 for c in Category}
    for w in rows:
        counts[str(w.category)] += 1
    return (None if counts["unknown"] else True), summary_text(counts, target_categories(regime))


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
    # Sorted by worker id so that the order of the Personnel rows changes nothing.
    unknown = sorted((w for w in report.workers if w.worker_id in ids and w.category == Category.UNKNOWN),
                     key=lambda w: _natural(w.worker_id))
    definition = regime.value("eligibility.definition", period.end)
    reasons = [
        because(t("Statut de public cible de chaque travailleur occupé pendant la période, évalué le jour du "
                  "premier engagement en EI (date_premier_engagement_ei, sinon date_entree ; décision D6).",
                  "Target-public status of every worker employed in the period, assessed on the day of the "
                  "first hire in an EI (date_premier_engagement_ei, else date_entree; decision D6)."), definition),
        because(t("Information, pas une obligation : ce contrôle n'est jamais « non conforme » ; il reste "
                  "indéterminé tant qu'un statut dépend de données manquantes.",
                  "Information, not an obligation: this check is never 'not compliant'; it stays unknown "
                  "while a status depends on missing data.")),
    ]
    to_fix = tuple(t(f"Travailleur {w.worker_id} : renseignez " + ", ".join(w.missing) + " (feuille Personnel).",
                     f"Worker {w.worker_id}: fill in " + ", ".join(w.missing) + " (Personnel sheet).")
                   for w in unknown)
    details = {"counts": counts, "unknown_workers": [w.worker_id for w in unknown]}
    return CheckResult(NAME, None if unknown else True, summary_text(counts, target_categories(regime)),
                       tuple(reasons), to_fix, details)


def target_fte_share(target: Decimal, total: Decimal) -> Decimal | None:
    """Share of target FTE in total FTE; None when there is no FTE at all."""
    return None if total == 0 else target / total
