"""Employment conditions of target workers (rules.md §3.3): a CDI at the latest N months after hire,
and at least half-time. Shape ``cdi_half_time`` (Wallonia 2016); ``supervision_cdi_half_time``
(Brussels 2004, §5.3: the encadrement staff); other regimes: not established.

Readings (docs/interpretations.md, « Wage tension, employment conditions, enterprise size, social follow-up »):

- *Last allowed day* = hire date + ``employment.cdi_within_months`` calendar months (``anniversary``:
  hired 15/01 → 15/07; hired 31/08 → 01/03, February having no 31st). A 6-month CDD from 15/01 ends on
  14/07; a CDI starting on 15/07 is on time, one starting on 16/07 is late. A worker still employed on the last allowed day without a CDI
  breaches the rule from that day until the CDI (or the exit); a worker who left before it does not.
  For a worker hired before the agrément, or before the regime applied, the months count from that day
  (``rules.common.obligations_start``), and nothing before it is judged.
- The CDI is the person's: a person employed under several ids (same national number,
  ``Enterprise.employments_of``) owes it N months after their first hire here, as the follow-up's bilan
  (``rules.common.person_deadline``); a chain of short CDDs under new ids does not postpone it.
- The CDI date is ``date_cdi`` when given, else the hire date for a ``CDI`` contract; other contract
  types without ``date_cdi`` never became open-ended.
- Working time: the *contractual* etp (``Personnel.etp``) is the legal one; ``Paie.etp`` varies
  with partial months and unpaid absences. Paid months below the minimum over a whole month of
  employment are reported as notes to check (a contract change not recorded), never as breaches.
- A CDI due after today and not recorded is not due yet (``rules.common.deadline_horizon``); one due by
  today is, whatever the last Paie month (the CDI rests on Personnel, not on the payroll).
- A breach counts for the period when its interval meets the period. Production workers whose target
  status is unknown and who would breach make the check unknown, not failed; staff functions
  (direction, encadrement, …) of unknown status are not presumed target.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta
from decimal import Decimal

from ei_cli.i18n import Text, plural, t
from ei_cli.model import ContractType, Enterprise, Function, Worker, contract_stretches
from ei_cli.periods import Month, Period
from ei_cli.regimes import Regime
from ei_cli.rules.common import (CheckResult, by_shape_from_start, Reason, because, deadline_horizon, decimal_text,
                                 not_judged, not_due_after_reason, obligations_start_reason, person_deadline,
                                 person_hire_text, worker_month_text, worker_text)

NAME = "employment"


@dataclass(frozen=True)
class Violation:
    worker_id: str
    kind: str                 # "cdi_late" | "below_min_fte"
    target_status: bool | None  # True = target worker, None = status unknown (to verify)
    hire_date: date
    since: date               # first day of the breach
    until: date | None        # last day of the breach (None: ongoing at the end of the data)
    deadline: date | None = None
    cdi_date: date | None = None
    fte: Decimal | None = None
    min_fte: Decimal | None = None
    # Brussels 2004 encadrement staff: a CDI from the start of the period, whatever the target status
    # (no deadline, no status to establish).
    supervision: bool = False
    left: bool = False        # left without a CDI by the end of the period (not a CDD's planned end later)
    # A person employed under several ids (same national number): the hire the deadline runs from (worker id,
    # date) when it is another id's, and the id the CDI was recorded under when it is another one.
    # Both in the JSON, null when the line's own (``to_dict``).
    deadline_from: tuple[str, date] | None = None
    cdi_worker_id: str | None = None

    def text(self) -> Text:
        who = worker_text(self.worker_id, capital=True)   # never a bare id: « 2 : engagé… » reads as a count
        unsure = t(" (statut de public cible à établir)", " (target status to establish)") \
            if self.target_status is None and not self.supervision else t("", "")
        if self.kind == "cdi_late" and self.supervision:
            when_fr = f"du {self.since} au {self.until}" if self.until else f"depuis le {self.since}"
            when_en = f"from {self.since} to {self.until}" if self.until else f"since {self.since}"
            # The person's CDI, under another id (« Counts of persons »), said after the hire.
            by = worker_text(self.cdi_worker_id) if self.cdi_worker_id is not None else None
            then = t(f" ; CDI le {self.cdi_date}, {by.fr}", f"; CDI on {self.cdi_date}, {by.en}") if by else t("", "")
            return t(f"{who.fr} : personnel d'encadrement sans CDI {when_fr} (engagé le {self.hire_date}{then.fr}).",
                     f"{who.en}: supervision staff without a CDI {when_en} (hired on {self.hire_date}{then.en}).")
        if self.kind == "cdi_late":
            if self.deadline_from is not None:
                hire = person_hire_text(*self.deadline_from)
                unsure = t(f" ; {hire.fr}{unsure.fr}", f"; {hire.en}{unsure.en}")
            if self.cdi_worker_id is not None:
                cdi_by = worker_text(self.cdi_worker_id)
                cdi_fr, cdi_en = f"CDI le {self.cdi_date} ({cdi_by.fr})", f"CDI on {self.cdi_date} ({cdi_by.en})"
            else:
                cdi_fr, cdi_en = f"CDI le {self.cdi_date}", f"CDI on {self.cdi_date}"
            if self.cdi_date is None and self.left:
                # Left without a CDI after the deadline: not « still » without one.
                return t(f"{who.fr} : engagé le {self.hire_date}, sorti le {self.until} sans CDI ; CDI attendu au "
                         f"plus tard le {self.deadline}{unsure.fr}.",
                         f"{who.en}: hired on {self.hire_date}, left on {self.until} without a CDI; CDI due by "
                         f"{self.deadline}{unsure.en}.")
            if self.cdi_date is None:
                return t(f"{who.fr} : engagé le {self.hire_date}, toujours sans CDI ; CDI attendu au plus tard le "
                         f"{self.deadline}{unsure.fr}.",
                         f"{who.en}: hired on {self.hire_date}, still without a CDI; CDI due by {self.deadline}"
                         f"{unsure.en}.")
            return t(f"{who.fr} : engagé le {self.hire_date}, {cdi_fr} ; attendu au plus tard le "
                     f"{self.deadline}{unsure.fr}.",
                     f"{who.en}: hired on {self.hire_date}, {cdi_en}; due by {self.deadline}{unsure.en}.")
        return t(f"{who.fr} : etp contractuel {decimal_text(self.fte)} < {decimal_text(self.min_fte)} "
                 f"(depuis le {self.since}){unsure.fr}.",
                 f"{who.en}: contractual fte {decimal_text(self.fte, 'en')} < {decimal_text(self.min_fte, 'en')} "
                 f"(since {self.since}){unsure.en}.")

    def to_dict(self, lang: str = "fr") -> dict:
        return {"worker_id": self.worker_id, "kind": self.kind, "target_public": self.target_status,
                "hire_date": self.hire_date, "since": self.since, "until": self.until,
                "deadline": self.deadline, "cdi_date": self.cdi_date, "fte": self.fte, "min_fte": self.min_fte,
                "deadline_from": None if self.deadline_from is None else
                {"worker_id": self.deadline_from[0], "hire_date": self.deadline_from[1]},
                "cdi_worker_id": self.cdi_worker_id,
                "text": self.text()}


@dataclass(frozen=True)
class PaidBelowMin:
    worker_id: str
    month: Month
    fte: Decimal

    def to_dict(self, lang: str = "fr") -> dict:
        return {"worker_id": self.worker_id, "month": self.month, "fte": self.fte}


def cdi_date(worker: Worker) -> date | None:
    """The day the worker's contract became open-ended, or None if it never did — nor when its ``date_cdi`` falls
    after its exit: a contract over cannot turn into a CDI (the reader warns, ``cdi_after_exit``)."""
    if worker.open_ended_since is not None:
        if worker.exit_date is not None and worker.open_ended_since > worker.exit_date:
            return None
        return max(worker.open_ended_since, worker.hire_date)
    return worker.hire_date if worker.contract_type == ContractType.CDI else None


def _cdi_violations(rows: tuple[Worker, ...], months: int, period: Period, status: bool | None,
                    obligations_from: date, horizon: date | None = None) -> list[Violation]:
    """The CDI breaches of one person, ``rows`` being their employment contracts here, first hire first
    (``Enterprise.employments_of``; one row for most workers). The CDI is due N months after the person's
    first hire here, as the follow-up's bilan (``rules.common.person_deadline``: a re-hire under a new id does
    not postpone it; a person away on that day and re-hired after it owes it N months after that re-hire).
    From that day, every day the person is employed here without an open-ended contract is a breach, until
    their CDI (under any id): one breach per stretch of employment, named by the contract it begins under
    (else the stretch's last contract of the period). Once a CDI has ended, the contracts the person is
    re-hired on after it are judged afresh: not on a CDI, they owe one N months after that re-hire.
    ``obligations_from``: the day the obligation runs from for a person hired before it
    (``rules.common.obligations_start``)."""
    ended = next((w.exit_date for w in rows if cdi_date(w) is not None), None)  # the first CDI's contract's end
    if ended is not None and rows[-1].hire_date > ended:
        before = tuple(w for w in rows if w.hire_date <= ended)
        after = tuple(w for w in rows if w.hire_date > ended)
        return (_cdi_violations(before, months, period, status, obligations_from, horizon)
                + _cdi_violations(after, months, period, status, obligations_from, horizon))
    # ``hired_by``: the contract whose hire the deadline runs from.
    deadline, hired_by, owed_by = person_deadline(rows, months, obligations_from)
    if owed_by is None:
        return []  # left before the CDI was due
    # Stretches of employment without a CDI from the deadline: [first contract, last contract, since, until];
    # a contract joins the last one when it is of the same stretch of employment (``contract_stretches``).
    stretch_no = {w.worker_id: i for i, stretch in enumerate(contract_stretches(rows)) for w in stretch}
    stretches: list[list] = []
    cdi, cdi_row = None, None
    for w in rows[rows.index(owed_by):]:
        since = max(w.hire_date, deadline)
        if w.exit_date is not None and w.exit_date < since:
            continue  # a contract over before the deadline
        start_cdi = cdi_date(w)
        if start_cdi is not None and start_cdi <= since:
            cdi, cdi_row = since, w  # open-ended from its first day owed
            break
        until = start_cdi - timedelta(days=1) if start_cdi is not None else w.exit_date
        last = stretches[-1] if stretches else None
        if last is not None and stretch_no[w.worker_id] == stretch_no[last[1].worker_id]:
            last[1], last[3] = w, None if last[3] is None or until is None else max(last[3], until)
        else:
            stretches.append([w, w, since, until])
        if start_cdi is not None:
            cdi, cdi_row = start_cdi, w
            break
    if cdi is not None and stretches:
        last = stretches[-1]
        if last[3] is None or last[3] >= cdi - timedelta(days=1):
            last[3] = cdi - timedelta(days=1)  # the CDI ends the stretch it falls in
            if last[3] < last[2]:
                stretches.pop()  # two contracts on the deadline, one open-ended: on a CDI by then
        else:
            cdi = cdi_row = None  # a CDI after a gap: the stretch before it ended by an exit
    if not stretches:
        return []  # on a CDI by the deadline
    if horizon is not None and deadline > horizon and cdi is None:
        # Due after today (``deadline_horizon``): not due yet, as the follow-up's bilan — whether the person
        # is employed today or hired after it (a hire entered ahead) — unless Personnel already shows the
        # breach (a late date_cdi).
        return []
    out = []
    for i, (first, final, since, until) in enumerate(stretches):
        breach = Period(since, until or date.max)
        shown = breach.intersection(period)
        if shown is None:
            continue
        ended_by_cdi = cdi is not None and i == len(stretches) - 1
        in_period = [w for w in rows[rows.index(first):rows.index(final) + 1] if w.employed_in(shown)]
        named = first if first in in_period else in_period[-1]
        left = not ended_by_cdi and until is not None and until <= period.end
        out.append(Violation(named.worker_id, "cdi_late", status, named.hire_date, since, until, deadline,
                             cdi if ended_by_cdi else None, left=left,
                             deadline_from=None if hired_by is named else (hired_by.worker_id, hired_by.hire_date),
                             cdi_worker_id=cdi_row.worker_id if ended_by_cdi and cdi_row.worker_id != named.worker_id
                             else None))
    return out


def _fte_violation(worker: Worker, minimum: Decimal, period: Period, status: bool | None) -> Violation:
    """The breach of a contractual etp below ``minimum`` (the caller's test), from the hire (or the period's
    start). Not for a contract that starts after today (``_starts_after``: a hire entered ahead): not a breach
    yet, only a note (``_planned_below_note``), as its CDI is not due yet."""
    return Violation(worker.worker_id, "below_min_fte", status, worker.hire_date, max(worker.hire_date, period.start),
                     worker.exit_date, fte=worker.fte, min_fte=minimum)


def _starts_after(worker: Worker, horizon: date | None) -> bool:
    """The worker's contract starts after ``horizon`` (today, in a period running beyond it): not begun yet."""
    return horizon is not None and worker.hire_date > horizon


def _planned_below_note(worker: Worker, minimum: Decimal, horizon: date) -> Text:
    """« Travailleur T2 : contrat prévu à 0,4 etp à partir du 2026-12-10 … »: a contract below ``minimum`` that starts after
    ``horizon``, today (``_starts_after``; the caller's tests), said so that it can be corrected before it
    begins — not a breach yet (``_fte_violation``)."""
    who = worker_text(worker.worker_id, capital=True)
    return t(f"{who.fr} : contrat prévu à {decimal_text(worker.fte)} etp à partir du {worker.hire_date}, "
             f"après la date du jour ({horizon}) : pas encore un manquement, mais sous le minimum de "
             f"{decimal_text(minimum)} etp dès son début.",
             f"{who.en}: contract planned at {decimal_text(worker.fte, 'en')} fte from {worker.hire_date}, "
             f"after today ({horizon}): not a breach yet, but below the minimum of {decimal_text(minimum, 'en')} fte "
             "from its first day.")


def _paid_below(enterprise: Enterprise, worker: Worker, minimum: Decimal,
                months: list[tuple[Month, int, date, date]]) -> list[PaidBelowMin]:
    """Whole months of employment paid below ``minimum`` (``months``: ``_months_of`` the period)."""
    out = []
    pays = enterprise.pay_by_worker_month.get(worker.worker_id)
    if not pays:
        return out
    hired, left = worker.hire_date, worker.exit_date or date.max
    for m, number, first, last in months:
        if hired > first or left < last:
            continue  # not employed over the whole month
        pay = pays.get(number)
        if pay is not None and pay.fte < minimum:
            out.append(PaidBelowMin(worker.worker_id, m, pay.fte))
    return out


def _months_of(period: Period) -> list[tuple[Month, int, date, date]]:
    """The period's months with their number (``Month.number``), first and last days."""
    return [(m, m.number, m.first_day, m.last_day) for m in period.months()]


def _breaches(n: int) -> Text:
    """« 1 manquement », « 3 manquements » / « 1 breach », « 3 breaches »: the count the summaries open with."""
    return plural(n, "manquement", "breach", en_plural="breaches")


def _cdi_half_time(enterprise: Enterprise, regime: Regime, period: Period, report,
                   application: bool, obligations_from: date) -> CheckResult:
    on = period.end
    months_v = regime.value("employment.cdi_within_months", on)
    fte_v = regime.value("employment.min_fte", on)
    reasons: list[Reason] = []
    unknown_params = [v for v in (months_v, fte_v) if v.is_unknown]
    if unknown_params:
        return not_judged(NAME, regime, t("indéterminé : paramètre inconnu", "unknown: parameter unknown"),
                          [because(t(f"Paramètre {v.key} inconnu.", f"Parameter {v.key} unknown."), v)
                           for v in unknown_params])
    months, minimum = int(months_v.number), fte_v.number
    # The deadlines run from the day the regime's rules run (``obligations_from``: the agrément, or the regime's
    # own start, rules.md §1); the period judged is chosen once, by ``rules.dashboard.run_checks`` (none of it
    # before that day, unless for an agrément application, which judges the whole period).
    reasons.append(because(t(
        f"Chaque travailleur du public cible est en CDI au plus tard {months} mois après son engagement "
        f"(dernier jour admis : date d'entrée + {months} mois, date d'agrément + {months} mois pour un travailleur "
        "engagé avant l'agrément ; date_cdi, sinon date d'entrée si type_contrat = CDI).",
        f"Each target worker is on a CDI at the latest {months} months after hire (last allowed day: hire date "
        f"+ {months} months, agrément date + {months} months for a worker hired before the agrément; date_cdi, else "
        "the hire date when type_contrat = CDI)."), months_v))
    started = obligations_start_reason(enterprise, regime, months_v, period, obligations_from, application=application)
    if started is not None:
        reasons.append(started)
    horizon = deadline_horizon(period)
    if horizon is not None:
        reasons.append(not_due_after_reason(period, months_v))
    reasons.append(because(t(
        f"Et travaille au moins à {decimal_text(minimum)} etp : etp contractuel (feuille Personnel), pas l'etp payé du mois.",
        f"And works at least {decimal_text(minimum, 'en')} fte: the contractual fte (Personnel sheet), not the month's paid fte."),
        fte_v))
    concerned: list[tuple[Worker, bool | None]] = []
    for w in enterprise.workers:
        if not w.has_employment_contract or not w.employed_in(period):
            continue
        status = report.is_target(w.worker_id)
        if status is False or (status is None and w.function != Function.PRODUCTION):
            continue  # staff functions of unknown status are not presumed target
        concerned.append((w, status))
    violations: list[Violation] = []
    paid_below: list[PaidBelowMin] = []
    planned_below: list[Text] = []
    period_months = _months_of(period)
    judged: set[str] = set()
    for w, status in concerned:
        # The CDI is the person's (same national number, ``Enterprise.employments_of``): judged once, on all
        # their contracts here; the working time is each contract's own.
        rows = enterprise.employments_of(w)
        if rows[0].worker_id not in judged:
            judged.add(rows[0].worker_id)
            violations.extend(_cdi_violations(rows, months, period, status, obligations_from, horizon))
        # Below the minimum: a breach, or a note for a contract that starts after today (entered ahead).
        if w.fte < minimum:
            if _starts_after(w, horizon):
                planned_below.append(_planned_below_note(w, minimum, horizon))
            else:
                violations.append(_fte_violation(w, minimum, period, status))
        elif status:
            paid_below.extend(_paid_below(enterprise, w, minimum, period_months))
    confirmed = [v for v in violations if v.target_status is True]
    to_verify = [v for v in violations if v.target_status is None]
    # Persons: a target worker re-hired under a new id (same national number) is one (``Enterprise.persons``).
    n_target = enterprise.persons(w for w, s in concerned if s is True)
    targets = plural(n_target, "travailleur du public cible", "target worker", "travailleurs du public cible")
    if confirmed:
        compliant: bool | None = False
        breaches = _breaches(len(confirmed))
        summary = t(f"{breaches.fr} pour {targets.fr}", f"{breaches.en} for {targets.en}")
    elif to_verify:
        compliant = None
        cases = plural(len(to_verify), "cas", "case", "cas")
        summary = t(f"indéterminé : {cases.fr} à vérifier (statut de public cible inconnu)",
                    f"unknown: {cases.en} to verify (target status unknown)")
    else:
        compliant = True
        summary = t(f"{targets.fr} : CDI dans les {months} mois (ou pas encore dû) et "
                    f"{decimal_text(minimum)} etp au moins",
                    f"{targets.en}: CDI within {months} months (or not due yet) and at least "
                    f"{decimal_text(minimum, 'en')} fte")
    for v in violations:
        reasons.append(because(v.text(), months_v if v.kind == "cdi_late" else fte_v))
    notes: list[Text] = []
    if paid_below:
        listed = {lang: ", ".join(f"{worker_month_text(p.worker_id, p.month).get(lang)} "
                                  f"({decimal_text(p.fte, lang)} {'fte' if lang == 'en' else 'etp'})"
                                  for p in paid_below)
                  for lang in ("fr", "en")}
        notes.append(t(f"Mois complets payés sous {decimal_text(minimum)} etp (changement de contrat non reporté ?) : "
                       f"{listed['fr']}.",
                       f"Whole months paid below {decimal_text(minimum, 'en')} fte (contract change not recorded?): "
                       f"{listed['en']}."))
        reasons.append(because(notes[-1]))
    for note in planned_below:
        notes.append(note)
        reasons.append(because(note, fte_v))
    to_fix = []
    for v in violations:
        who = worker_text(v.worker_id, capital=True)
        if v.kind == "cdi_late" and v.left:
            to_fix.append(t(f"{who.fr} : sorti sans CDI après le délai ; si un CDI a été conclu, corrigez "
                            "date_cdi (feuille Personnel).",
                            f"{who.en}: left without a CDI after the deadline; if a CDI was concluded, correct "
                            "date_cdi (Personnel sheet)."))
        elif v.kind == "cdi_late":
            to_fix.append(t(f"{who.fr} : passer en CDI (ou corriger date_cdi, feuille Personnel).",
                            f"{who.en}: move to a CDI (or correct date_cdi, Personnel sheet)."))
        else:
            to_fix.append(t(f"{who.fr} : porter le régime de travail à {decimal_text(minimum)} etp au moins.",
                            f"{who.en}: raise working time to at least {decimal_text(minimum, 'en')} fte."))
    details = {"cdi_within_months": months, "min_fte": minimum, "target_workers": n_target,
               "violations": [v.to_dict() for v in violations],
               "paid_below_min": [p.to_dict() for p in paid_below], "notes": notes}
    return CheckResult(NAME, compliant, summary, tuple(reasons), tuple(to_fix), details)


def _supervision_cdi_half_time(enterprise: Enterprise, regime: Regime, period: Period, report,
                               application: bool, obligations_from: date) -> CheckResult:
    """Brussels 2004 (rules.md §5.3, seed only): the encadrement staff on a CDI, at least half-time.

    Every ``encadrement`` worker employed in the period must be open-ended on every day of that
    employment inside the period (CDI from hire, or ``date_cdi`` at the latest on the first such day)
    and have a contractual etp of at least ``employment.supervision_min_fte``. The CDI is the person's, their
    contracts without a gap one employment (``_supervision_cdi_violations``); the staff is counted in persons.
    """
    fte_v = regime.value("employment.supervision_min_fte", period.end)
    if fte_v.is_unknown:
        text = t(f"Paramètre {fte_v.key} inconnu.", f"Parameter {fte_v.key} unknown.")
        return not_judged(NAME, regime, text, (because(text, fte_v),))
    minimum = fte_v.number
    shown_min = decimal_text(minimum)
    reasons: list[Reason] = [because(t(
        f"Le personnel d'encadrement est engagé sous contrat à durée indéterminée, à {shown_min} etp "
        "contractuel au moins.",
        f"Supervision staff are hired on an open-ended contract, at {decimal_text(minimum, 'en')} contractual fte "
        "at least."),
        fte_v)]
    # Judged from the day the regime's rules run (``rules.dashboard.run_checks``): said when it is not the agrément.
    started = obligations_start_reason(enterprise, regime, fte_v, period, obligations_from, deadlines=False,
                                       application=application)
    if started is not None:
        reasons.append(started)
    violations: list[Violation] = []
    staff = [w for w in enterprise.workers
             if w.function == Function.SUPERVISION and w.has_employment_contract and w.employed_in(period)]
    # The CDI is the person's (same national number, ``Enterprise.by_person``), as the Walloon rule's: a CDD
    # followed without a gap by a CDI under a new id is one stretch of employment, one breach that the CDI ends
    # (« Counts of persons »); the working time is each contract's own.
    for rows in enterprise.by_person(staff):
        for stretch in contract_stretches(rows):
            violations.extend(_supervision_cdi_violations(stretch, period))
        for w in rows:
            if w.fte < minimum:
                violations.append(replace(_fte_violation(w, minimum, period, None), supervision=True))
    for v in violations:
        reasons.append(because(v.text(), fte_v))
    to_fix = []
    # One line per worker and thing to do: a CDD at 0,3 etp breaks both halves of the rule, one CDI to sign at the
    # minimum etp — said once, not once per breach; a breach of one half asks for that half only.
    kinds: dict[str, set[str]] = {}
    for v in violations:
        if not (v.kind == "cdi_late" and v.cdi_date is not None):
            kinds.setdefault(v.worker_id, set()).add(v.kind)
    for v in violations:
        who = worker_text(v.worker_id, capital=True)
        if v.kind == "cdi_late" and v.cdi_date is not None:
            # On a CDI since (under this id or another of the person's): nothing to hire, a date to check.
            by = worker_text(v.cdi_worker_id) if v.cdi_worker_id else None
            by_fr, by_en = (f" ({by.fr})", f" ({by.en})") if by else ("", "")
            to_fix.append(t(f"{who.fr} : en CDI depuis le {v.cdi_date}{by_fr} ; s'il l'était plus tôt, corrigez "
                            "date_cdi (feuille Personnel).",
                            f"{who.en}: on a CDI since {v.cdi_date}{by_en}; if it was earlier, correct date_cdi "
                            "(Personnel sheet)."))
            continue
        both = kinds.pop(v.worker_id, None)
        if both is None:    # said with this worker's first breach
            continue
        if both == {"cdi_late"}:
            to_fix.append(t(f"{who.fr} : personnel d'encadrement à engager en CDI.",
                            f"{who.en}: supervision staff to hire on a CDI."))
        elif both == {"below_min_fte"}:
            to_fix.append(t(f"{who.fr} : personnel d'encadrement, etp contractuel à porter à {shown_min} au moins.",
                            f"{who.en}: supervision staff, contractual fte to raise to {minimum} at least."))
        else:
            to_fix.append(t(f"{who.fr} : personnel d'encadrement à engager en CDI d'au moins {shown_min} etp.",
                            f"{who.en}: supervision staff to hire on a CDI of at least {minimum} fte."))
    # Persons, not ids (« Counts of persons »): a person re-hired under a new id is one member of the staff.
    members = plural(enterprise.persons(staff), "membre du personnel d'encadrement", "supervision staff member",
                     "membres du personnel d'encadrement")
    if violations:
        breaches = _breaches(len(violations))
        summary = t(f"{breaches.fr} pour {members.fr}", f"{breaches.en} for {members.en}")
    else:
        summary = t(f"{members.fr} en CDI à {shown_min} etp au moins",
                    f"{members.en} on a CDI at {minimum} fte or more")
    details = {"min_fte": minimum, "supervision_staff": enterprise.persons(staff),
               "violations": [v.to_dict() for v in violations]}
    return CheckResult(NAME, not violations, summary, tuple(reasons), tuple(to_fix), details)


def _supervision_cdi_violations(stretch: tuple[Worker, ...], period: Period) -> list[Violation]:
    """The CDI breaches of one person's encadrement contracts of one stretch of employment (``contract_stretches``,
    first hire first), Brussels 2004: each day of the stretch inside ``period`` on which none of them is
    open-ended is a breach, from the first day (no deadline). Consecutive such days are one breach, named by the
    contract in force on its first day, until the day before the person's CDI — under any id of the stretch
    (``cdi_date``, ``cdi_worker_id``) — or the stretch's end. Judged contract by contract, a CDD followed by a CDI
    under a new id was a breach « à engager en CDI » of a person on a CDI since (docs/interpretations.md, « Counts
    of persons »)."""
    def open_ended(d: date) -> Worker | None:
        return next((w for w in stretch if w.employed_on(d) and (c := cdi_date(w)) is not None and c <= d), None)

    ends = [w.exit_date for w in stretch]
    stretch_end = None if None in ends else max(ends)
    span = Period(max(stretch[0].hire_date, period.start), min(stretch_end or period.end, period.end))
    if span.end < span.start:
        return []
    runs: list[list[date]] = []
    for i in range(span.days):
        d = span.start + timedelta(days=i)
        if open_ended(d) is not None:
            continue
        if runs and runs[-1][1] == d - timedelta(days=1):
            runs[-1][1] = d
        else:
            runs.append([d, d])
    out = []
    for since, until in runs:
        first = next(w for w in stretch if w.employed_on(since))
        cdi, by = None, None
        if until == period.end:
            # Still without a CDI at the period's end: until the person's next CDI, else the stretch's end.
            later = [(c, w) for w in stretch if (c := cdi_date(w)) is not None and c > period.end
                     and (stretch_end is None or c <= stretch_end)]
            if later:
                cdi, by = min(later, key=lambda x: x[0])
                until = cdi - timedelta(days=1)
            else:
                until = stretch_end
        else:
            by = open_ended(until + timedelta(days=1))
            cdi = until + timedelta(days=1) if by is not None else None
        out.append(Violation(first.worker_id, "cdi_late", None, first.hire_date, since, until, None, cdi,
                             supervision=True,
                             cdi_worker_id=by.worker_id if by is not None and by is not first else None))
    return out


_SHAPES = {"cdi_half_time": _cdi_half_time, "supervision_cdi_half_time": _supervision_cdi_half_time}
# The fields of a judged result, empty: what a result not judged carries (``rules.common.not_judged``).
EMPTY_DETAILS = {
    "cdi_half_time": {"cdi_within_months": None, "min_fte": None, "target_workers": None, "violations": [],
                      "paid_below_min": [], "notes": []},
    "supervision_cdi_half_time": {"min_fte": None, "supervision_staff": None, "violations": []},
}


def check(enterprise: Enterprise, regime: Regime, period: Period, report=None, application: bool = False,
          obligations_from: date | None = None) -> CheckResult:
    """``application``, ``obligations_from``: from ``rules.dashboard.run_checks`` (``by_shape_from_start``)."""
    return by_shape_from_start(NAME, _SHAPES, enterprise, regime, period, report, application, obligations_from)
