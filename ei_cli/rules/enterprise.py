"""Enterprise conditions, by regime shape (rules.md §3.5, §4.5, §5.6).

- ``size_thresholds`` (Wallonia 2003 « petite entreprise », Wallonia 2016 SME): staff strictly
  below ``enterprise.max_staff`` AND (turnover ≤ ``enterprise.max_turnover`` OR balance-sheet total
  ≤ ``enterprise.max_balance_sheet``). Staff is counted in *annual work units* (AWU), as both EU
  recommendations (96/280 and 2003/361) count it: the average over the period's months of the
  summed etp of everyone under an employment contract with the EI (art. 60 §7 workers are employed
  by the CPAS and left out). Headcount is reported beside it. Turnover and balance come from the
  ``Entreprise`` sheet (last closed year); when the financial test cannot be decided the check is
  unknown. A year in progress is measured on its months up to the payroll's horizon
  (``rules.common.known_part``, as the quota), its verdict provisional; a year not begun is not judged.
- ``supervision_share`` (Brussels 2004, ord. art. 13 §3, 2): FTE of staff able to train, supervise
  and accompany — functions ``encadrement`` and ``accompagnement_social`` (management is not counted:
  it is not a supervision or accompaniment function) — at least ``enterprise.min_supervision_share``
  of the FTE of the workforce excluding target-public workers; otherwise no subsidy is due. FTE are
  contractual (``contract_fte_days``: Personnel.etp × days under contract, a person at most one full-time a
  day) averaged over the period's days — the posts held, not the hours paid.

Beside the shape, in every regime that sets one (``enterprise.legal_form.allowed``; none: the
criterion is not established), the **legal form** (rules.md §3.5, §4.1, §5.1): ``forme_juridique``
read by ``legal_forms.read_legal_form`` must be in ``enterprise.legal_form.allowed``; a form in
``enterprise.legal_form.excluded`` (not a company) is not compliant; another company form follows
``enterprise.legal_form.unlisted_admitted`` (absent: unknown); an empty or unrecognised form is
unknown. Where ``enterprise.legal_form.social_purpose_required`` is true, ``finalite_sociale`` (or a
spelling such as « SCRL FS », « SC ES ») must say so. The check is the ``combine`` of both criteria.

Readings: docs/interpretations.md, « Enterprise size », « Brussels 2004 supervision staff »,
« Forme juridique ».
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from ei_cli.i18n import Text, french_word, plural, t
from ei_cli.model import Enterprise, Function
from ei_cli.periods import Period, year_ending
from ei_cli.regimes import Regime, Value
from ei_cli.rules.common import (ZERO, CheckResult, Reason, any_of, by_shape, because, combine, contract_fte_days,
                                 decimal_text, denoised, euro_text, full_time_reason, horizon_text, known_part,
                                 not_begun, not_begun_sentence, not_begun_summary, number_text, period_over,
                                 person_fte_rows, provisional_words, round_up, share_text, shown_beside, workers_text)
from ei_cli.rules.legal_forms import read_legal_form
from ei_cli.workbook.cells import masked, shown

NAME = "enterprise"
SUPERVISION_FUNCTIONS = (Function.SUPERVISION, Function.SOCIAL_ACCOMPANIMENT)
# How both sides of the Brussels 10 % are read (``supervision_measure``): who counts on each side, and how much — the
# project's reading, said by ``ei check`` and ``ei subsidy`` citing ``enterprise.supervision_measure`` (inferred),
# not under the ordinance's verified sentence, which names no function.
SUPERVISION_READING = t(
    "La direction ne compte pas comme encadrement (elle compte dans l'effectif hors public cible). Etp lus sur le "
    "contrat (etp de la feuille Personnel × jours sous contrat, une personne au plus à temps plein chaque jour), en "
    "moyenne sur les jours de la période : une absence payée à un etp moindre (maladie) ne réduit pas le personnel "
    "en place.",
    "Management does not count as supervision (it counts in the workforce excluding the target public). Fte read "
    "on the contract (the Personnel sheet's etp × days under contract, a person at most full time on any day), "
    "averaged over the period's days: an absence paid at a lower etp (sick leave) does not reduce the staff in "
    "post.")


def _work_units(enterprise: Enterprise, period: Period) -> tuple[Decimal, int, int, list[str]]:
    """(AWU = mean monthly summed etp over the period — a person's concurrent contracts at most one full-time a
    month, ``person_fte_rows`` —, headcount: persons employed in the period — a person
    re-hired under a new id once, ``Enterprise.persons`` —, the worker-months counted on Personnel.etp for want
    of a Paie row (``fte_rows``'s fallback), which the reason says as the documents' staff figures do (« dont N
    mois-travailleurs sur l'etp de la feuille Personnel »), the ids the one-full-time cap lowered)."""
    workers = [w for w in enterprise.workers if w.has_employment_contract and w.employed_in(period)]
    months = list(period.months())
    rows, fallbacks, lowered = person_fte_rows(enterprise, months, workers)
    return (_fte_sum(rows) / Decimal(len(months)), enterprise.persons(workers),
            sum(len(v) for v in fallbacks.values()), lowered)


def _fte_sum(rows) -> Decimal:
    """Σ etp of the rows (``fte_rows``), worker by worker, month by month."""
    total = ZERO
    for row in rows:
        for x in row:
            total += x
    return total


def _size_route(route: str, staff_v) -> Text:
    """One of the other routes a regime's ``enterprise.size_other_routes`` may list (rules.md §3.5); the
    group case's staff figure is the regime's SME staff threshold (``enterprise.max_staff``)."""
    if route == "local_authorities":
        return t("une entreprise majoritairement détenue par des pouvoirs publics locaux",
                 "an enterprise mainly held by local authorities")
    if route != "group":
        raise ValueError(f"enterprise.size_other_routes: unknown route {route!r}")
    if staff_v.is_unknown:
        return t("une grande entreprise dans les cas de groupe (effectif au-delà du seuil PME par des sociétés à "
                 "finalité sociale, ETA ou ASBL liées)",
                 "a large enterprise in the group cases (staff over the SME threshold through linked social-purpose "
                 "companies, sheltered workshops or non-profits)")
    return t(f"une grande entreprise dans les cas de groupe (plus de {decimal_text(staff_v.number)} ETP par des "
             "sociétés à finalité sociale, ETA ou ASBL liées)",
             f"a large enterprise in the group cases (over {decimal_text(staff_v.number, 'en')} FTE through linked "
             "social-purpose companies, sheltered workshops or non-profits)")


def _size_thresholds(enterprise: Enterprise, regime: Regime, period: Period, report) -> CheckResult:
    on = period.end
    staff_v = regime.value("enterprise.max_staff", on)
    turnover_v = regime.value("enterprise.max_turnover", on)
    balance_v = regime.value("enterprise.max_balance_sheet", on)
    # Shorter than a year (``ei batch --month``): the 12 months ending with it — an AWU is a yearly mean
    # (Rec. 2003/361): one month's staff, summer contracts included, is not the enterprise's size.
    measured = year_ending(period)
    # A year in progress is measured on its months up to the payroll's horizon (``known_part``, as the quota), its
    # verdict provisional — to its last day when a payroll entered ahead reaches it, the year not over yet —; a year
    # not begun, or none of whose months is known yet, is not measured.
    known = known_part(enterprise, measured)
    if known is None:
        return _size_not_measured(enterprise, measured, staff_v, turnover_v, balance_v)
    provisional = not period_over(measured)
    awu, headcount, fallback_months, lowered = _work_units(enterprise, known)
    window_fr = "" if measured == period else f", {measured.start.isoformat()} – {measured.end.isoformat()}"
    window_en = window_fr
    if provisional:
        # The months up to the horizon, not « known » ones: a payroll behind leaves some counted on Personnel.etp
        # (said below), as the documents' staff figures say it (« moyenne des mois jusqu'au … »).
        said = horizon_text(enterprise, known.end)
        months = plural(len(list(known.months())), "mois", "month", "mois", "months")
        window_fr += f", sur {months.fr} jusqu'au {said.fr}"
        window_en += f", over {months.en} up to {said.en}"
    if fallback_months:
        counted = plural(fallback_months, "mois-travailleur", "worker-month")
        window_fr += f", dont {counted.fr} sur l'etp de la feuille Personnel"
        window_en += f", including {counted.en} on the Personnel sheet's etp"
    # Beside its limit as every figure (``shown_beside``): half up to the hundredth, as the documents' FTE
    # (2,125 is 2,13), but never on the limit it is on the other side of — 49,9973 is « 49,9973 », not « 50,00 »
    # beside « strictement sous 50 : conforme »; 50,004 is « 50,0040 » beside « non conforme ».
    awu_shown = shown_beside(awu, None if staff_v.is_unknown else staff_v.number)
    reasons = []
    staff_ok: bool | None = None if staff_v.is_unknown else awu < staff_v.number
    persons = plural(headcount, "personne occupée", "person employed", "personnes occupées", "persons employed")
    reasons.append(because(t(
        f"Effectif : {decimal_text(awu_shown)} unités de travail annuelles (moyenne des etp mensuels{window_fr}, "
        f"{persons.fr}, art. 60 exclus) ; doit rester strictement sous {staff_v.value}"
        + (" ; verdict provisoire sur ces mois." if provisional else "."),
        f"Staff: {awu_shown} annual work units (mean of monthly fte{window_en}, {persons.en}, art. 60 "
        f"excluded); must stay strictly below {staff_v.value}"
        + ("; provisional verdict on these months." if provisional else ".")), staff_v))
    if lowered:
        reasons.append(full_time_reason(lowered))
    tests = []
    for label_fr, label_en, figure, limit in (("chiffre d'affaires", "turnover", enterprise.turnover, turnover_v),
                                              ("total du bilan", "balance-sheet total",
                                               enterprise.balance_sheet_total, balance_v)):
        if figure is None or limit.is_unknown:
            tests.append(None)
            reasons.append(because(t(f"{label_fr.capitalize()} : non renseigné ou plafond inconnu.",
                                     f"{label_en.capitalize()}: not given or ceiling unknown."), limit))
        else:
            ok = figure <= limit.number
            tests.append(ok)
            # In whole euros beside the ceiling, to the cent where whole euros would read as it
            # (``shown_beside``): 50 000 000,40 € is not « 50 000 000 € > 50 000 000 € ».
            reasons.append(because(t(
                f"{label_fr.capitalize()} : {euro_text(figure, places=0, beside=limit.number)} {'≤' if ok else '>'} "
                f"{euro_text(limit.number, places=0)}.",
                f"{label_en.capitalize()}: {euro_text(figure, 'en', 0, limit.number)} {'≤' if ok else '>'} "
                f"{euro_text(limit.number, 'en', 0)}."), limit))
    financial = any_of(tests)
    if staff_ok is False or financial is False:
        compliant: bool | None = False
    elif staff_ok is None or financial is None:
        compliant = None
    else:
        compliant = True
    figures, figures_en = f"{decimal_text(awu_shown)} UTA", f"{awu_shown} AWU"
    if provisional:
        figures += f" (au {known.end.isoformat()}, provisoire : année en cours)"
        figures_en += f" (to {known.end.isoformat()}, provisional: year in progress)"
    summary = {True: t(f"{figures} ; seuils respectés", f"{figures_en}; thresholds met"),
               False: t(f"{figures} ; seuil dépassé", f"{figures_en}; threshold exceeded"),
               None: t(f"indéterminé : {figures}, chiffre d'affaires et total du bilan à renseigner",
                       f"unknown: {figures_en}, turnover and balance-sheet total to fill in")}[compliant]
    to_fix = []
    if financial is None:
        to_fix.append(t("Renseignez chiffre_affaires et total_bilan (feuille Entreprise, dernier exercice clôturé).",
                        "Fill in chiffre_affaires and total_bilan (Entreprise sheet, last closed year)."))
    if compliant is False:
        routes = regime.value_or_none("enterprise.size_other_routes", on)
        if routes is not None and not routes.is_unknown and routes.value:
            listed = [_size_route(r, staff_v) for r in routes.value]
            fr, en = " ; ".join(x.fr for x in listed), "; ".join(x.en for x in listed)
            reasons.append(because(t(
                f"Seuils PME dépassés : le régime admet aussi {fr}. Le classeur ne le montre pas : non conforme "
                "faute de preuve, comme le lirait un contrôle.",
                f"SME thresholds exceeded: the regime also admits {en}. The workbook does not show it: not "
                "compliant without proof, as an inspection would read it."), routes))
            to_fix.append(t(f"L'entreprise dépasse les seuils PME : sauf {fr} (pièces à l'appui), l'agrément est en "
                            "cause.",
                            f"The enterprise exceeds the SME thresholds: unless {en} (with supporting documents), the "
                            "agrément is at stake."))
        else:
            to_fix.append(t("L'entreprise dépasse la taille admise par le régime : l'agrément est en cause.",
                            "The enterprise exceeds the size the regime allows: the agrément is at stake."))
    details = {"annual_work_units": awu_shown, "headcount": headcount,
               "max_staff": staff_v.number_or_none,
               "turnover": enterprise.turnover, "max_turnover": turnover_v.number_or_none,
               "balance_sheet_total": enterprise.balance_sheet_total,
               "max_balance_sheet": balance_v.number_or_none,
               "measured_to": known.end.isoformat(), "provisional": provisional}
    return CheckResult(NAME, compliant, summary, tuple(reasons), tuple(to_fix), details)


def _not_measured(period: Period, what: Text, value: Value) -> tuple[Text, Reason]:
    """(the summary, the reason) of a measure of ``period`` not taken: « indéterminé : période pas encore
    commencée (date du jour : …) » for a period not begun (``not_begun``), else « indéterminé : aucun mois de la
    période encore connu » (its horizon before its first day); the reason says ``what`` is not measured yet,
    citing ``value``."""
    span = f"{period.start.isoformat()} – {period.end.isoformat()}"
    if not_begun(period):
        return not_begun_summary(), because(not_begun_sentence(period, what), value)
    return (t("indéterminé : aucun mois de la période encore connu", "unknown: no month of the period known yet"),
            because(t(f"Aucun mois de la période {span} n'est encore connu : {what.fr}.",
                      f"No month of the period {span} is known yet: {what.en}."), value))


def _size_not_measured(enterprise: Enterprise, measured: Period, staff_v, turnover_v, balance_v) -> CheckResult:
    """The size of a period not begun (« période pas encore commencée », as the employment and follow-up
    checks say it, ``rules.dashboard._not_begun``) or none of whose months is known yet: not judged, its
    figures null (a 0 would read as a measured staff)."""
    summary, reason = _not_measured(measured, t("son effectif n'est pas encore mesuré, la taille n'est pas encore "
                                                "jugée", "its staff is not measured yet, the size is not judged yet"),
                                    staff_v)
    details = {"annual_work_units": None, "headcount": None, "max_staff": staff_v.number_or_none,
               "turnover": enterprise.turnover, "max_turnover": turnover_v.number_or_none,
               "balance_sheet_total": enterprise.balance_sheet_total, "max_balance_sheet": balance_v.number_or_none,
               "measured_to": None, "provisional": False, "data_known": False}
    return CheckResult(NAME, None, summary, (reason,), (), details)


@dataclass(frozen=True)
class SupervisionMeasure:
    """The figures of the Brussels supervision condition over a period, in mean etp (interpretations.md).

    ``supervision``: functions encadrement and accompagnement social, not target public (a staff
    function of unknown status is not presumed target); ``non_target``: workers surely not target
    public, those supervisors included; ``unknown``: the other workers of unknown status. The one
    measure both ``ei check`` (this module) and ``ei subsidy`` (rules/subsidy.py) judge.
    """

    supervision: Decimal
    non_target: Decimal
    unknown: Decimal
    supervisors: tuple[str, ...]
    unsure: tuple[str, ...]        # ids of the workers of unknown status counted in ``unknown``
    target: Decimal = Decimal(0)   # the target-public workers, in mean etp: the ones the staff is for

    @property
    def none(self) -> bool:
        """No supervision or social-accompaniment staff over the period, and target-public workers who would
        need it (a period with nobody employed has nothing to judge)."""
        return not self.supervision and bool(self.target)

    @property
    def share(self) -> Decimal | None:
        """Supervision ÷ non-target workforce, the workers of unknown status left out."""
        return self.supervision / self.non_target if self.non_target else None

    @property
    def share_low(self) -> Decimal | None:
        """The same with every worker of unknown status counted as non-target."""
        whole = self.non_target + self.unknown
        return self.supervision / whole if whole else None

    def met(self, minimum: Decimal | None) -> bool | None:
        """True if met however the unknown statuses turn out, False if met in no case, else None. Without any
        supervision staff for target-public workers it is met in no case (``none``): an EI whose only workers
        are target public has no staff « able to run » the programmes (rules.md §5.6), whatever 10 % of no one
        may be."""
        if minimum is None:
            return None
        if self.none and minimum > 0:
            return False
        if self.share is None:
            return None
        if self.share_low is not None and self.share_low >= minimum:
            return True
        return False if self.share < minimum else None

    def shortfall(self, minimum: Decimal) -> Decimal | None:
        """Supervision etp to add, rounded up to the hundredth, for the share to reach ``minimum``
        (workers of unknown status left out). What is added counts in the non-target workforce too:
        (S + x) ÷ (N + x) ≥ r  ⇔  x ≥ (r·N − S) ÷ (1 − r)."""
        if minimum >= 1:
            return None
        return round_up((minimum * self.non_target - self.supervision) / (1 - minimum))


def supervision_measure(enterprise: Enterprise, period: Period, report) -> SupervisionMeasure:
    """Each side in **contractual** etp (``contract_fte_days``: ``Personnel.etp`` × the days under contract, a
    person at most one full-time a day) averaged over the period's days: the staff « able to run » the
    programmes (rules.md §5.6) is the posts held, not the hours paid — one month of the only encadrant paid at
    etp 0 (sick) turned 1,00 ÷ 10,00 = 10,0 % into 0,92 ÷ 9,92 = 9,2 % and every subsidy of the year into 0
    (docs/interpretations.md, « Brussels 2004 supervision staff »)."""
    workers = [w for w in enterprise.workers if w.has_employment_contract and w.employed_in(period)]
    status = {w.worker_id: report.is_target(w.worker_id) for w in workers}
    supervisors = [w for w in workers if w.function in SUPERVISION_FUNCTIONS and status[w.worker_id] is not True]
    chosen = {w.worker_id for w in supervisors}
    sure = [w for w in workers if status[w.worker_id] is False or w.worker_id in chosen]
    unsure = [w for w in workers if status[w.worker_id] is None and w.worker_id not in chosen]
    target = [w for w in workers if status[w.worker_id] is True and w.worker_id not in chosen]

    def mean(group) -> Decimal:  # Σ contractual FTE-days of the group ÷ the period's days
        return denoised(contract_fte_days(enterprise, group, period)[0] / period.days)

    return SupervisionMeasure(mean(supervisors), mean(sure), mean(unsure), tuple(w.worker_id for w in supervisors),
                              tuple(w.worker_id for w in unsure), mean(target))


def _supervision_share(enterprise: Enterprise, regime: Regime, period: Period, report) -> CheckResult:
    share_v = regime.value("enterprise.min_supervision_share", period.end)
    minimum = share_v.number_or_none
    # A period in progress is measured on its part up to the horizon (``known_part``), as the size is and as
    # ``ei subsidy``'s condition measures the days it claims (``rules.subsidy._claim_up_to_horizon``), its verdict
    # provisional; a period not begun, or none of whose months is known yet, is not judged.
    known = known_part(enterprise, period)
    if known is None:
        return _share_not_measured(period, share_v)
    provisional = not period_over(period)
    m = supervision_measure(enterprise, known, report)
    share, unsure = m.share, m.unsure
    reasons = [because(t(
        f"Personnel d'encadrement et d'accompagnement social (hors public cible) : au moins "
        f"{share_text(minimum)} de l'effectif hors public cible, "
        "en etp moyens de la période ; sinon aucune subvention n'est due.",
        f"Supervision and social-accompaniment staff (not target public): at least "
        f"{share_text(minimum, 'en')} of the workforce excluding the target "
        "public, in mean fte over the period; otherwise no subsidy is due."), share_v)]
    reasons.append(because(t(
        f"Encadrement : {number_text(m.supervision)} etp ; effectif hors public cible : {number_text(m.non_target)} etp"
        + (f" (+ {number_text(m.unknown)} etp de statut inconnu)" if unsure else "")
        + (f" ; part {share_text(share)}." if share is not None else
           " : aucun personnel sûrement hors public cible." if unsure else " : aucun personnel hors public cible."),
        f"Supervision: {number_text(m.supervision, 'en')} fte; workforce excluding target public: "
        f"{number_text(m.non_target, 'en')} fte" + (f" (+ {number_text(m.unknown, 'en')} fte of unknown status)"
                                                    if unsure else "")
        + (f"; share {share_text(share, 'en')}." if share is not None else
           ": no staff surely outside the target public." if unsure else ": no staff outside the target public."))))
    reasons.append(because(SUPERVISION_READING, regime.value("enterprise.supervision_measure", period.end)))
    compliant = m.met(minimum)
    if compliant is True and unsure and m.share_low is not None:
        # Met however the unknown statuses turn out: the low end is what is sure.
        summary = t(f"encadrement {share_text(m.share_low)} au moins de l'effectif hors public cible (min "
                    f"{share_text(minimum)}, statuts inconnus comptés hors public cible)",
                    f"supervision at least {share_text(m.share_low, 'en')} of the non-target workforce (min "
                    f"{share_text(minimum, 'en')}, unknown statuses counted as non-target)")
    elif compliant is True:
        summary = t(f"encadrement {share_text(share)} de l'effectif hors public cible (min {share_text(minimum)})",
                    f"supervision {share_text(share, 'en')} of the non-target workforce (min {share_text(minimum, 'en')})")
    elif compliant is False and m.none:
        summary = t(f"aucun personnel d'encadrement ni d'accompagnement social (min {share_text(minimum)} de "
                    "l'effectif hors public cible) : aucune subvention n'est due",
                    f"no supervision or social-accompaniment staff (min {share_text(minimum, 'en')} of the "
                    "non-target workforce): no subsidy is due")
    elif compliant is False:
        summary = t(f"encadrement {share_text(share)} < {share_text(minimum)} : aucune subvention n'est due",
                    f"supervision {share_text(share, 'en')} < {share_text(minimum, 'en')}: no subsidy is due")
    elif m.share_low is not None and share is not None and unsure:
        # Between the two readings of the unknown statuses: the low end says what may fail.
        summary = t(f"indéterminé : encadrement entre {share_text(m.share_low)} et {share_text(share)} selon les "
                    f"statuts inconnus (min {share_text(minimum)})",
                    f"unknown: supervision between {share_text(m.share_low, 'en')} and {share_text(share, 'en')} "
                    f"depending on the unknown statuses (min {share_text(minimum, 'en')})")
    else:
        summary = t(f"indéterminé : encadrement {share_text(share)} (min {share_text(minimum)})",
                    f"unknown: supervision {share_text(share, 'en')} (min {share_text(minimum, 'en')})")
    to_fix = []
    if compliant is False and not m.non_target:
        # Nobody outside the target public: any supervision etp hired is the whole of that workforce.
        to_fix.append(t("Engagez du personnel d'encadrement ou d'accompagnement social (hors public cible) : "
                        "l'entreprise n'en a aucun.",
                        "Hire supervision or social-accompaniment staff (not target public): the enterprise has "
                        "none."))
    elif compliant is False:
        needed = m.shortfall(minimum)
        to_fix.append(t(f"Engagez ou augmentez l'encadrement d'au moins {number_text(needed)} etp en moyenne.",
                        f"Hire or increase supervision staff by at least {number_text(needed, 'en')} fte on average."))
    if unsure and compliant is None:
        listed = workers_text(unsure)
        to_fix.append(t(f"Établissez le statut de public cible {french_word(len(unsure), 'du', 'des')} {listed.fr}.",
                        f"Establish the target status of {listed.en}."))
    if provisional:
        said = horizon_text(enterprise, known.end)
        reasons.append(because(t(f"Période en cours : mesurée jusqu'au {said.fr} ; verdict provisoire.",
                                 f"Period in progress: measured up to {said.en}; provisional verdict."), share_v))
        words = provisional_words(provisional, period)
        summary = t(f"{summary.fr} (au {known.end.isoformat()}, {words.fr})",
                    f"{summary.en} (to {known.end.isoformat()}, {words.en})")
    details = {"supervision_fte": m.supervision, "non_target_fte": m.non_target, "unknown_status_fte": m.unknown,
               "supervision_share": share, "min_supervision_share": minimum,
               "supervisors": list(m.supervisors), "subsidies_due": compliant,
               "measured_to": known.end.isoformat(), "provisional": provisional}
    return CheckResult(NAME, compliant, summary, tuple(reasons), tuple(to_fix), details)


def _share_not_measured(period: Period, share_v: Value) -> CheckResult:
    """The Brussels supervision share of a period not begun, or none of whose months is known yet: not judged,
    its figures null, as the size's (``_size_not_measured``)."""
    summary, reason = _not_measured(period, t("la part d'encadrement n'est pas encore mesurée",
                                              "the supervision share is not measured yet"), share_v)
    details = {"supervision_fte": None, "non_target_fte": None, "unknown_status_fte": None,
               "supervision_share": None, "min_supervision_share": share_v.number_or_none, "supervisors": [],
               "subsidies_due": None, "measured_to": None, "provisional": False, "data_known": False}
    return CheckResult(NAME, None, summary, (reason,), (), details)


@dataclass(frozen=True)
class _Criterion:
    """One criterion of the check, to combine with the shape's result."""

    compliant: bool | None
    summary: Text
    reasons: tuple
    to_fix: tuple
    details: dict


def _forms_text(codes, lang: str = "fr") -> str:
    """The regime's list of forms as abbreviations (SA, SCRL, GIE, SC)."""
    return ", ".join(codes) if codes else t("aucune", "none").get(lang)


def _formerly_allowed(regime: Regime, code: str, on: date) -> date | None:
    """The last day a form was admitted, when an earlier dated value of the list admitted it."""
    for dv in reversed(regime.param("enterprise.legal_form.allowed").values):
        if dv.start <= on and code in (dv.value if isinstance(dv.value, tuple) else ()):
            return dv.end
    return None


def legal_form_criterion(enterprise: Enterprise, regime: Regime, period: Period) -> _Criterion | None:
    """The legal form and social purpose (module docstring); None when the regime sets no legal form."""
    if not regime.has("enterprise.legal_form.allowed"):
        return None
    on = period.end
    allowed_v = regime.value("enterprise.legal_form.allowed", on)
    excluded_v = regime.value_or_none("enterprise.legal_form.excluded", on)
    social_v = regime.value_or_none("enterprise.legal_form.social_purpose_required", on)
    allowed = () if allowed_v.is_unknown else allowed_v.value
    excluded = () if excluded_v is None or excluded_v.is_unknown else excluded_v.value
    form = read_legal_form(enterprise.legal_form)
    # The form as written is a user value: quoted, like every other, through ``shown`` (a national
    # number typed there is masked).
    given = t(shown(form.given), shown(form.given, "en")) if form is not None else t("", "")
    reasons, to_fix = [], []
    admitted_fr, admitted_en = _forms_text(allowed), _forms_text(allowed, "en")

    # 1. the form
    if allowed_v.is_unknown:
        form_ok: bool | None = None
        reasons.append(because(t("Formes juridiques admises : inconnues pour ce régime.",
                                 "Legal forms admitted: unknown for this regime."), allowed_v))
    elif form is None:
        form_ok = None
        reasons.append(because(t(f"Forme juridique non renseignée ; formes admises : {admitted_fr}.",
                                 f"Legal form not given; forms admitted: {admitted_en}."), allowed_v))
        to_fix.append(t("Renseignez forme_juridique (feuille Entreprise), par exemple SC.",
                        "Fill in forme_juridique (Entreprise sheet), e.g. SC."))
    elif form.code is None:
        form_ok = None
        reasons.append(because(t(f"Forme juridique {given.fr} non reconnue ; formes admises : {admitted_fr}.",
                                 f"Legal form {given.en} not recognised; forms admitted: {admitted_en}."), allowed_v))
        to_fix.append(t(f"Écrivez dans forme_juridique l'abréviation de la forme (formes admises : {admitted_fr}).",
                        f"Write the form's abbreviation in forme_juridique (forms admitted: {admitted_en})."))
    elif form.code in allowed:
        form_ok = True
        reasons.append(because(t(f"Forme juridique {given.fr} : {form.name.fr}, admise (formes admises : {admitted_fr}).",
                                 f"Legal form {given.en}: {form.name.en}, admitted (forms admitted: {admitted_en})."), allowed_v))
    elif form.code in excluded:
        form_ok = False
        reasons.append(because(t(f"Forme juridique {given.fr} : {form.name.fr}, exclue — l'entreprise "
                                 f"d'insertion doit être une société ({admitted_fr}).",
                                 f"Legal form {given.en}: {form.name.en}, excluded — the work-integration "
                                 f"enterprise must be a company ({admitted_en})."), excluded_v))
        to_fix.append(t(f"Cette forme ne permet pas l'agrément : il faut une société ({admitted_fr}).",
                        f"This form cannot obtain the agrément: a company is required ({admitted_en})."))
    else:
        unlisted_v = regime.value_or_none("enterprise.legal_form.unlisted_admitted", on)
        form_ok = None if unlisted_v is None or unlisted_v.is_unknown else bool(unlisted_v.value)
        until = _formerly_allowed(regime, form.code, on)
        since_fr = f" (admise jusqu'au {until.isoformat()})" if until else ""
        since_en = f" (admitted until {until.isoformat()})" if until else ""
        reasons.append(because(t(f"Forme juridique {given.fr} : {form.name.fr}{since_fr}, non citée parmi "
                                 f"les formes admises au {on.isoformat()} ({admitted_fr}).",
                                 f"Legal form {given.en}: {form.name.en}{since_en}, not among the forms "
                                 f"admitted on {on.isoformat()} ({admitted_en})."), allowed_v))
        reading = {False: t("Lecture du projet : une forme non citée n'est pas admise.",
                            "Project reading: a form not listed is not admitted."),
                   True: t("Lecture du projet : une autre forme de société est admise.",
                           "Project reading: another company form is admitted."),
                   None: t("Le texte ne dit pas si cette forme est admise : à vérifier auprès de l'administration.",
                           "The text does not say whether this form is admitted: check with the administration.")}
        reasons.append(because(reading[form_ok], unlisted_v))
        if form_ok is False:
            to_fix.append(t(f"Forme non admise pour l'agrément : transformez la société ({admitted_fr}).",
                            f"Form not admitted for the agrément: convert the company ({admitted_en})."))
        elif form_ok is None:
            to_fix.append(t("Vérifiez auprès de l'administration que cette forme est admise.",
                            "Check with the administration that this form is admitted."))

    # 2. the social purpose
    required = None if social_v is None or social_v.is_unknown else bool(social_v.value)
    stated = enterprise.social_purpose
    spelled = form is not None and form.social
    if required is False:
        social_ok: bool | None = True
        reasons.append(because(t("Finalité sociale des statuts : pas exigée par ce régime.",
                                 "Social purpose in the statutes: not required by this regime."), social_v))
    elif required is None:
        social_ok = None if social_v is not None else True
        if social_v is not None:
            reasons.append(because(t("Finalité sociale : exigence inconnue pour ce régime.",
                                     "Social purpose: requirement unknown for this regime."), social_v))
    elif stated is True or (stated is None and spelled):
        social_ok = True
        how_fr = "finalite_sociale = oui" if stated else f"forme {given.fr}"
        how_en = "finalite_sociale = yes" if stated else f"form {given.en}"
        reasons.append(because(t(f"Finalité sociale exigée : présente ({how_fr}).",
                                 f"Social purpose required: present ({how_en})."), social_v))
    elif stated is False and spelled:
        social_ok = None
        reasons.append(because(t(f"Finalité sociale exigée : finalite_sociale = non, mais la forme {given.fr} "
                                 "l'annonce ; à vérifier.",
                                 f"Social purpose required: finalite_sociale = no, but the form {given.en} "
                                 "states one; to check."), social_v))
        to_fix.append(t("Corrigez finalite_sociale ou forme_juridique (feuille Entreprise) : ils se contredisent.",
                        "Correct finalite_sociale or forme_juridique (Entreprise sheet): they contradict each other."))
    elif stated is False:
        social_ok = False
        reasons.append(because(t("Finalité sociale exigée : absente des statuts (finalite_sociale = non).",
                                 "Social purpose required: not in the statutes (finalite_sociale = no)."), social_v))
        to_fix.append(t("Inscrivez la finalité sociale dans les statuts (depuis le CSA : agrément comme entreprise "
                        "sociale) : l'agrément est en cause.",
                        "Put the social purpose in the statutes (since the CSA: approval as a social enterprise): "
                        "the agrément is at stake."))
    else:
        social_ok = None
        reasons.append(because(t("Finalité sociale exigée : non renseignée.",
                                 "Social purpose required: not given."), social_v))
        to_fix.append(t("Renseignez finalite_sociale (feuille Entreprise) : oui si les statuts ont une finalité "
                        "sociale (agrément comme entreprise sociale).",
                        "Fill in finalite_sociale (Entreprise sheet): yes if the statutes have a social purpose "
                        "(approval as a social enterprise)."))

    compliant = combine((form_ok, social_ok))
    if form is None:
        named = t("?", "?")
    else:
        named = t(form.code, form.code) if form.code else given
    social_fr = " à finalité sociale" if required and social_ok else ""
    social_en = " with a social purpose" if required and social_ok else ""
    if compliant is True:
        summary = t(f"forme {named.fr}{social_fr} admise", f"form {named.en}{social_en} admitted")
    elif compliant is False:
        why_fr = "finalité sociale absente" if form_ok is not False else f"forme {named.fr} non admise"
        why_en = "no social purpose" if form_ok is not False else f"form {named.en} not admitted"
        summary = t(why_fr, why_en)
    elif form is None:
        summary = t("forme juridique à renseigner", "legal form to fill in")
    elif required and social_ok is None and form_ok is True:
        summary = t(f"forme {named.fr} ; finalité sociale à renseigner", f"form {named.en}; social purpose to fill in")
    else:
        summary = t(f"forme {named.fr} à vérifier", f"form {named.en} to check")
    details = {"legal_form": masked(enterprise.legal_form) if enterprise.legal_form else enterprise.legal_form,
               "legal_form_code": form.code if form else None,
               "legal_form_admitted": form_ok, "allowed_legal_forms": list(allowed),
               "social_purpose": stated if stated is not None else (True if spelled else None),
               "social_purpose_required": required, "legal_form_compliant": compliant}
    return _Criterion(compliant, summary, tuple(reasons), tuple(to_fix), details)


_SHAPES = {"size_thresholds": _size_thresholds, "supervision_share": _supervision_share}


def check(enterprise: Enterprise, regime: Regime, period: Period, report=None) -> CheckResult:
    """The regime's shape (size or supervision) and the legal form, combined (False wins, then unknown)."""
    shaped = by_shape(NAME, _SHAPES, enterprise, regime, period, report)
    form = legal_form_criterion(enterprise, regime, period)
    if form is None:
        return shaped
    established = shaped.details.get("established", True) is not False
    if not established:  # the shape is not established: the form alone decides, with the shape's unknown
        parts = (form.compliant, None)
        summary = t(f"{form.summary.fr} ; taille non établie", f"{form.summary.en}; size not established")
    else:
        parts = (shaped.compliant, form.compliant)
        summary = t(f"{shaped.summary.fr} ; {form.summary.fr}", f"{shaped.summary.en}; {form.summary.en}")
    return CheckResult(NAME, combine(parts), summary, shaped.reasons + form.reasons, shaped.to_fix + form.to_fix,
                       {**shaped.details, **form.details})
