"""Social follow-up (rules.md §3.6, seed 002): shape ``quarterly_interviews`` (Wallonia 2016).

Who is followed: TD/TGD workers (eligibility report) and art. 60 §7 workers active in the EI.

1. At least ``follow_up.interviews_per_quarter`` individual or collective interview
   (``entretien_individuel`` / ``entretien_collectif``) in each calendar quarter of employment that
   meets the period — a quarter in which the worker is employed fewer than
   ``follow_up.min_days_employed_in_quarter`` calendar days (hired in its last weeks, or left in its
   first weeks) requires none (tasks 1: "au minimum de manière trimestrielle"), nor one in which every
   month employed is paid at etp 0 in Paie (a suspended contract: ``_suspended``).
2. TD/TGD only (tasks 3 and 4 name TD and TGD, not art. 60): a ``bilan`` dated at the latest hire date
   + ``follow_up.assessment_within_months`` and a ``plan_formation`` at the latest hire date +
   ``follow_up.training_plan_within_months``. An obligation whose deadline falls after the period is
   not due yet. One whose deadline has passed is breached in this period when nothing is recorded by
   the period's end, or when the late record falls in the period or after it.
3. The enterprise employs an ``accompagnement_social`` worker in every month of the period in which
   a followed worker is employed.

A period running beyond today is judged up to today (``rules.common.deadline_horizon``): a deadline after
it, a quarter or a month not over by it, is not due yet; what fell due by it is, whatever the last Paie
month — these rest on Personnel and Suivi, not on the payroll.

A person employed under several ids (same national number, ``Enterprise.employments``) is followed as one:
days employed per quarter, interviews, bilan and plan of all their ids, the deadlines from their first hire.

Production workers whose target status is unknown are evaluated too; what they lack makes the check
unknown, not failed (staff functions of unknown status are not presumed target). Readings: docs/interpretations.md, « Wage tension, employment conditions, enterprise size, social follow-up ».
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import cached_property
from itertools import groupby

from ei_cli.i18n import Text, enumeration, plural, t
from ei_cli.model import ContractType, Enterprise, FollowUpType, Function, Worker
from ei_cli.periods import Month, Period, add_months
from ei_cli.regimes import Regime
from ei_cli.rules.common import (NO_PAY, CheckResult, by_shape_from_start, Reason, because, deadline_horizon,
                                 from_day, not_due_after_reason, not_judged, obligations_start_reason,
                                 person_days_in, person_deadline, person_hire_text, worker_text)

NAME = "follow_up"
INTERVIEWS = (FollowUpType.INDIVIDUAL_INTERVIEW, FollowUpType.COLLECTIVE_INTERVIEW)


@dataclass(frozen=True, order=True)
class Quarter:
    year: int
    number: int

    @classmethod
    def of(cls, d: date) -> "Quarter":
        return cls(d.year, (d.month - 1) // 3 + 1)

    @property
    def first_day(self) -> date:
        return date(self.year, 3 * self.number - 2, 1)

    @property
    def period(self) -> Period:
        first = self.first_day
        return Period(first, add_months(first, 3) - timedelta(days=1))

    def next(self) -> "Quarter":
        return Quarter(self.year + 1, 1) if self.number == 4 else Quarter(self.year, self.number + 1)

    def __str__(self) -> str:
        """« 2024-Q2 »: the JSON's value (cli.md), and the English sentences'."""
        return f"{self.year}-Q{self.number}"

    @property
    def text(self) -> Text:
        """« 2e trimestre 2024 » / « 2024-Q2 »: the quarter in a sentence. French writes its quarters in words
        (« T2 » would read as the TD criterion code T2, « Q2 » is English)."""
        return Text(f"{self.number}{'er' if self.number == 1 else 'e'} trimestre {self.year}", str(self))


def quarters_overlapping(period: Period):
    q = Quarter.of(period.start)
    while q.first_day <= period.end:
        yield q
        q = q.next()


def _unknown_status(wid: str) -> Text:
    who = worker_text(wid, capital=True)
    return t(f"{who.fr} (statut indéterminé)", f"{who.en} (status unknown)")


def _gaps_text(enterprise: Enterprise, missing: list["Missing"]) -> Text:
    """« 16 manques pour 3 travailleurs », « 1 manque pour 1 travailleur » — persons (``Enterprise.persons``), a
    gap being named by one of the person's ids."""
    by_id = enterprise.workers_by_id
    gaps = plural(len(missing), "manque", "gap")
    workers = plural(enterprise.persons([by_id[m.worker_id] for m in missing]), "travailleur", "worker")
    return t(f"{gaps.fr} pour {workers.fr}", f"{gaps.en} for {workers.en}")


@dataclass(frozen=True)
class Missing:
    """One thing missing for one worker (``quarter`` set for interviews, ``due`` for deadlines)."""

    worker_id: str
    item: str                       # "interview" | "bilan" | "plan_formation"
    target_status: bool | None      # None: status unknown (to verify)
    quarter: Quarter | None = None
    due: date | None = None
    done: date | None = None        # a late record's date
    found: int = 0                  # interviews found in the quarter
    # The hire the deadline runs from (worker id, date), when it is another id of the same person's: the
    # employment check's ``Violation.deadline_from``, the same fact under the same name.
    deadline_from: tuple[str, date] | None = None

    def text(self) -> Text:
        return self._text

    @cached_property
    def _text(self) -> Text:  # read up to four times per check: written once
        who, what = self.who, self.what
        return Text(f"{who.fr} : {what.fr}", f"{who.en}: {what.en}")

    @cached_property
    def who(self) -> Text:
        """« Travailleur 2 », marked « (statut indéterminé) » when the worker may not be target public: the
        gap is owed only if they are (it makes the check unknown, not failed). It begins a sentence: a bare id
        (« 1 : aucun entretien… ») reads as a count."""
        wid = self.worker_id
        return _unknown_status(wid) if self.target_status is None else worker_text(wid, capital=True)

    @cached_property
    def what(self) -> Text:
        """What is missing, without the worker (read for the line and for what to fix: written once)."""
        if self.item == "interview":
            found = plural(self.found, "entretien", "interview")
            quarter = self.quarter.text
            return t(f"aucun entretien au {quarter.fr}" if not self.found else
                     f"{found.fr} au {quarter.fr}, insuffisant",
                     f"no interview in {quarter.en}" if not self.found else
                     f"{found.en} in {quarter.en}, not enough")
        label = {"bilan": t("bilan personnel et professionnel", "personal and professional assessment"),
                 "plan_formation": t("plan de formation", "training plan")}[self.item]
        named = None if self.deadline_from is None else person_hire_text(*self.deadline_from)
        hire = t("", "") if named is None else t(f" ; {named.fr}", f"; {named.en}")
        if self.done is None:
            return t(f"{label.fr} absent (dû au plus tard le {self.due}{hire.fr})",
                     f"{label.en} missing (due by {self.due}{hire.en})")
        return t(f"{label.fr} tardif, le {self.done} (dû au plus tard le {self.due}{hire.fr})",
                 f"{label.en} late, on {self.done} (due by {self.due}{hire.en})")

    def to_dict(self, lang: str = "fr") -> dict:
        return {"worker_id": self.worker_id, "item": self.item, "target_public": self.target_status,
                "quarter": str(self.quarter) if self.quarter else None, "due": self.due, "done": self.done,
                "interviews_found": self.found if self.item == "interview" else None,
                "deadline_from": None if self.deadline_from is None else
                {"worker_id": self.deadline_from[0], "hire_date": self.deadline_from[1]},
                "text": self.text()}


def _followed(enterprise: Enterprise, report, period: Period) -> list[tuple[Worker, bool | None, bool]]:
    """(worker, target status, is art. 60) for every worker the accompaniment concerns."""
    out = []
    for w in enterprise.workers:
        if not w.employed_in(period):
            continue
        art60 = w.contract_type == ContractType.ART60
        status = report.is_target(w.worker_id)
        if status is None and w.function != Function.PRODUCTION and not art60:
            continue  # staff functions of unknown status: not presumed target (the eligibility line says so)
        if art60 or status is not False:
            out.append((w, status if not art60 else True, art60))
    return out


def _persons_followed(enterprise: Enterprise, followed: list[tuple[Worker, bool | None, bool]]
                      ) -> list[tuple[tuple[Worker, ...], tuple[Worker, ...], bool | None]]:
    """Each person ``followed`` once, in the order met: (the contracts their interviews are judged on, their
    employment contracts here — ``Enterprise.employments_of``, whose hire the bilan and the plan run from; () for
    an art. 60 §7 worker alone —, those contracts' target status). The interviews' contracts are the person's
    employment contracts and, under the same national number, their art. 60 §7 stints here that are followed
    (the accompaniment covers both, rules.md §3.6: a person who goes from an art. 60 contract to an EI contract
    is one person met by one accompanier, and the quarter of the change owes them one interview, not one per
    contract), first hire first — every stint of theirs here (``Enterprise.followed_contracts``), in the period judged
    or not: an action recorded under a stint's id while the EI contract runs counts, as the reader's
    ``follow_up_outside_employment`` and the annual report read it (``Enterprise.held_on``)."""
    cpas: dict[str, tuple[Worker, ...]] = {}   # the person's stints, in the order the persons are met
    hired: dict[str, tuple[tuple[Worker, ...], bool | None]] = {}
    for w, status, art60 in followed:
        key = enterprise.person_id(w.worker_id, stints=True)
        cpas.setdefault(key, tuple(c for c in enterprise.followed_contracts.get(w.worker_id, (w,))
                                   if c.contract_type == ContractType.ART60))
        if not art60 and key not in hired:
            hired[key] = (enterprise.employments_of(w), status)
    out = []
    for key, stints in cpas.items():
        rows, status = hired.get(key, ((), None))
        judged = tuple(sorted(stints + rows, key=lambda w: (w.hire_date, w.row or 0))) if stints else rows
        out.append((judged, rows, status))
    return out


def _horizon(period: Period) -> date:
    """The last day by which a follow-up obligation of ``period`` can have fallen due: today for a period
    running beyond it, else the period's end (``rules.common.deadline_horizon``). A quarter or a month not
    over by then is still running: its interview, its accompanier are not yet missing; a bilan or plan
    due after it is not due yet."""
    return deadline_horizon(period) or period.end


def _months_over(period: Period, horizon: date) -> Period | None:
    """The part of ``period`` whose months are over by ``horizon`` (``_horizon``): the whole period when it
    is over, else up to the end of the last month over — a month still running has no gap yet."""
    if horizon >= period.end:
        return period
    end = Month.of(horizon + timedelta(days=1)).first_day - timedelta(days=1)
    return Period(period.start, end) if end >= period.start else None


def _person_actions(enterprise: Enterprise, rows: tuple[Worker, ...], types,
                    held: tuple[Worker, ...] | None = None) -> list[date]:
    """The dates of the person's actions of ``types`` that count: whichever of ``rows``' ids they are recorded
    under (the person's contracts judged together, ``_persons_followed``: their art. 60 §7 stints here among them),
    held while the person is employed here under any of ``held`` (``rows`` unless given) — the annual report's and
    the reader's ``follow_up_outside_employment``'s rule too (``Enterprise.held_on``): an action recorded under the
    stint's id while the EI contract is in force counts, and the other way round; one dated before the hire or after
    the exit is not one of an EI worker (rules.md §3.6 task 1). The bilan and the plan pass the EI contracts as
    ``held``: they are the EI's accompaniment, dated during its contract, under whichever id."""
    held = rows if held is None else held
    return sorted(f.date for w in rows for f in enterprise.follow_ups_by_worker.get(w.worker_id, ())
                  if f.type in types and any(o.employed_on(f.date) for o in held))


def _suspended(enterprise: Enterprise, rows: tuple[Worker, ...], extent: Period) -> bool:
    """Whether the person is paid at etp 0 in every month of ``extent`` they are employed in: each of their
    contracts employed in the month has its Paie row, at etp 0 — a contract suspended all along (sickness,
    maternity, temporary unemployment), which the quota counts for 0 FTE. A month without its Paie row is
    not a suspension: its pay is not known (docs/interpretations.md, « Interviews per quarter »)."""
    pay = enterprise.pay_by_worker_month
    for m in extent.months():
        month = Period(max(m.first_day, extent.start), min(m.last_day, extent.end))
        for w in rows:
            if w.employed_in(month):
                row = pay.get(w.worker_id, NO_PAY).get(m.number)
                if row is None or row.fte != 0:
                    return False
    return True


def _interviews(enterprise: Enterprise, rows: tuple[Worker, ...], quarters_in: list[tuple[Quarter, Period]],
                per_quarter: int, min_days: int, status: bool | None, horizon: date
                ) -> tuple[list[Missing], list[dict], list[tuple[str, Quarter]]]:
    """``rows``: the person's contracts here (``_persons_followed``: their employment contracts and art. 60 §7
    stints), judged as one — the days employed, the Paie rows and the interviews of all their ids; a quarter's
    line names the id employed last in it, its gap sure when the art. 60 stints' days in it owe the interview on
    their own, else of ``status``, the employment contracts'. ``quarters_in``: the quarters overlapping the period evaluated, with their extents. Also
    returns the quarters that owe no interview because the person was suspended in them (``_suspended``), each
    with the id its line names."""
    missing, quarters, suspended = [], [], []
    records = _person_actions(enterprise, rows, INTERVIEWS)
    for q, extent in quarters_in:
        days = person_days_in(rows, extent)
        if days == 0:
            continue
        start, end = extent.start, extent.end
        present = [w for w in rows if w.employed_in(extent)]
        left = max(w.exit_date or date.max for w in present)
        wid = present[-1].worker_id
        # Art. 60 §7 days enough to owe the interview on their own: surely owed, whatever the status of the person's
        # EI contract (the quarter owed through that contract's days keeps its status).
        stints = tuple(w for w in present if w.contract_type == ContractType.ART60)
        sure = True if stints and person_days_in(stints, extent) >= min_days else status
        found = sum(1 for d in records if start <= d <= end)
        # Due once the quarter (or the worker's employment in it) is over by the horizon (``_horizon``: the
        # period's end, today for a period running beyond it): a period of one month (ei batch --month) does
        # not fail a quarter that is still running, nor a year in progress its running quarter. A quarter
        # the worker is present in too briefly owes none, nor one they spend wholly suspended, paid at etp
        # 0 (no more present than a worker hired in its last week).
        idle = _suspended(enterprise, rows, extent)
        required = days >= min_days and not idle and min(end, left) <= horizon
        quarters.append({"worker_id": wid, "quarter": str(q), "days_employed": days,
                         "required": required, "interviews": found, "suspended": idle})
        if idle and days >= min_days:
            suspended.append((wid, q))
        if required and found < per_quarter:
            missing.append(Missing(wid, "interview", sure, quarter=q, found=found))
    return missing, quarters, suspended


def _suspended_reason(worker_id: str, quarters: list[Quarter], value) -> Reason:
    """« Travailleur T1 : pas d'entretien exigé au 2e trimestre 2025 et au 3e trimestre 2025 (suspendu : payé à
    0 etp chaque mois occupé, feuille Paie). » — the cause of the suspension is not said (personal data)."""
    who = worker_text(worker_id, capital=True)
    fr = enumeration(f"au {q.text.fr}" for q in quarters).fr
    en = enumeration(f"in {q.text.en}" for q in quarters).en
    return because(t(f"{who.fr} : pas d'entretien exigé {fr} (suspendu : payé à 0 etp chaque mois occupé, "
                     "feuille Paie).",
                     f"{who.en}: no interview required {en} (suspended: paid at etp 0 every month employed, "
                     "Paie sheet)."), value)


def _deadline(enterprise: Enterprise, rows: tuple[Worker, ...], item: FollowUpType, months: int, period: Period,
              status: bool | None, horizon: date, obligations_from: date, judged: tuple[Worker, ...] = ()
              ) -> Missing | None:
    """``rows``: the person's employment contracts here, judged as one (``rules.common.person_deadline``); the
    actions of all their ids count, and of their art. 60 §7 stints' (``judged``, ``_persons_followed``) when
    dated during one of ``rows``. ``obligations_from``: the day the obligation runs from for a person hired
    before it (``rules.common.obligations_start``)."""
    # ``hired_by``: the contract whose hire the deadline runs from.
    due, hired_by, owed_by = person_deadline(rows, months, obligations_from)
    if due > horizon:
        return None  # not due yet (``_horizon``)
    dates = [d for d in _person_actions(enterprise, judged or rows, (item,), held=rows) if d <= period.end]
    first = dates[0] if dates else None
    if first is not None and first <= due:
        return None
    if first is not None and first < period.start:
        return None  # late, but remedied before this period
    if owed_by is None:
        return None  # left before it was due
    # Named by the contract it fell due under, else the person's contract of this period.
    named = owed_by if owed_by.employed_in(period) else [w for w in rows if w.employed_in(period)][-1]
    deadline_from = None if hired_by is named else (hired_by.worker_id, hired_by.hire_date)
    return Missing(named.worker_id, str(item), status, due=due, done=first, deadline_from=deadline_from)


def _accompanier_gaps(enterprise: Enterprise, followed, period: Period) -> tuple[list[Month], list[Month]]:
    """The months without any social accompanier employed: (those where a worker who surely needs one —
    TD/TGD, art. 60 — is employed, those where only workers of unknown status are)."""
    accompaniers = [w for w in enterprise.workers if w.function == Function.SOCIAL_ACCOMPANIMENT]
    gaps, unsure = [], []
    for m in period.months():
        month = Period(max(m.first_day, period.start), min(m.last_day, period.end))
        present = [status for w, status, _ in followed if w.employed_in(month)]
        if not present or any(a.employed_in(month) for a in accompaniers):
            continue
        (gaps if True in present else unsure).append(m)
    return gaps, unsure


def _quarterly_interviews(enterprise: Enterprise, regime: Regime, period: Period, report,
                          application: bool, obligations_from: date) -> CheckResult:
    on = period.end
    per_q_v = regime.value("follow_up.interviews_per_quarter", on)
    days_v = regime.value("follow_up.min_days_employed_in_quarter", on)
    bilan_v = regime.value("follow_up.assessment_within_months", on)
    plan_v = regime.value("follow_up.training_plan_within_months", on)
    every_month_v = regime.value("follow_up.accompanier_every_month", on)
    unknown = [v for v in (per_q_v, days_v, bilan_v, plan_v, every_month_v) if v.is_unknown]
    if unknown:
        return not_judged(NAME, regime, t("indéterminé : paramètre inconnu", "unknown: parameter unknown"),
                          [because(t(f"Paramètre {v.key} inconnu.", f"Parameter {v.key} unknown."), v) for v in unknown])
    per_q, min_days = int(per_q_v.number), int(days_v.number)
    if not enterprise.follow_up_sheet:
        # No Suivi sheet at all is not a sheet without actions: the follow-up is not known.
        return not_judged(
            NAME, regime, t("indéterminé : pas de feuille Suivi dans le classeur",
                            "unknown: no Suivi sheet in the workbook"),
            (because(t("Le classeur n'a pas de feuille Suivi : les entretiens, bilans et plans de formation ne "
                       "peuvent pas être vérifiés.",
                       "The workbook has no Suivi sheet: interviews, assessments and training plans cannot be "
                       "checked."), per_q_v),),
            (t("Ajoutez la feuille Suivi (modèle : ei init), une ligne par action ; si aucune action n'a eu lieu, "
               "gardez-la avec ses seuls en-têtes.",
               "Add the Suivi sheet (template: ei init), one row per action; if no action took place, keep it "
               "with its headers only."),),
            {"follow_up_sheet": False})
    # The deadlines run from the day the regime's rules run (``obligations_from``: the agrément, or the regime's
    # own start, rules.md §1); the period judged is chosen once, by ``rules.dashboard.run_checks`` (no quarter or
    # month of it before that day, unless for an agrément application, which judges the whole period).
    followed = _followed(enterprise, report, period)
    missing: list[Missing] = []
    quarters: list[dict] = []
    # The quarter holding that day counts from it: its days before were owed nothing (a worker employed 6 days
    # under the agrément owes no interview for the 81 days before). An agrément application (``application``,
    # from ``run_checks``) judges the whole period: no quarter of it is cut at that day, nor dropped.
    quarters_in = [(q, q.period if application else from_day(q.period, obligations_from))
                   for q in quarters_overlapping(period)]
    horizon = _horizon(period)
    idle: list[tuple[str, list[Quarter]]] = []   # (the id named, the quarters it was suspended in)
    persons = _persons_followed(enterprise, followed)
    for rows, hired, status in persons:
        # One person employed under several ids (same national number) is followed as one: their
        # interviews, bilan and plan count whichever id they are recorded under, and the 6 months run from
        # their first hire here (docs/interpretations.md, « A person re-hired under a new id »); an art. 60 §7
        # stint of theirs here before or beside it too, for the interviews (« Interviews per quarter »).
        gaps, qs, suspended = _interviews(enterprise, rows, quarters_in, per_q, min_days, status, horizon)
        missing += gaps
        quarters += qs
        # Each suspended quarter under the id its line names (the contract employed last in it).
        idle += [(wid, [q for _, q in group]) for wid, group in groupby(suspended, key=lambda s: s[0])]
        if hired:
            for item, value in ((FollowUpType.ASSESSMENT, bilan_v), (FollowUpType.TRAINING_PLAN, plan_v)):
                m = _deadline(enterprise, hired, item, int(value.number), period, status, horizon, obligations_from,
                              rows)
                if m is not None:
                    missing.append(m)
    # An accompanier is owed for TD/TGD and art. 60 workers; a month whose only followed workers are of
    # unknown status makes the verdict unknown, not failed.
    # A month still running today is not judged yet (a replacement may be hired); a month over is, whatever
    # the last Paie month (an accompanier's exit recorded in Personnel says what it says).
    known = _months_over(period, horizon)
    gaps, unsure_gaps = (_accompanier_gaps(enterprise, followed, known)
                         if every_month_v.value is True and known is not None else ([], []))
    reasons: list[Reason] = [
        because(t(f"Au moins {per_q} entretien individuel ou collectif par trimestre civil d'occupation, pour chaque "
                  "travailleur TD/TGD et article 60 §7.",
                  f"At least {per_q} individual or collective interview per calendar quarter of employment, for each "
                  "TD/TGD and article 60 §7 worker."), per_q_v),
        because(t(f"Un trimestre où le travailleur est occupé moins de {min_days} jours (embauche ou sortie en fin "
                  "de trimestre) n'exige pas d'entretien.",
                  f"A quarter in which the worker is employed fewer than {min_days} days (hired or leaving near its "
                  "edge) requires no interview."), days_v),
        because(t(f"Bilan personnel et professionnel au plus tard {bilan_v.value} mois après l'engagement (TD/TGD ; "
                  "après l'agrément pour un travailleur engagé avant).",
                  f"Personal and professional assessment at the latest {bilan_v.value} months after hire (TD/TGD; "
                  "after the agrément for a worker hired before it)."), bilan_v),
        because(t(f"Plan de formation au plus tard {plan_v.value} mois après l'engagement (TD/TGD ; après "
                  "l'agrément pour un travailleur engagé avant).",
                  f"Training plan at the latest {plan_v.value} months after hire (TD/TGD; after the agrément for "
                  "a worker hired before it)."), plan_v),
    ]
    started = obligations_start_reason(enterprise, regime, per_q_v, period, obligations_from, application=application)
    if started is not None:
        reasons.append(started)
    if horizon < period.end:
        reasons.append(not_due_after_reason(period, per_q_v))
    reasons += [_suspended_reason(wid, qs, days_v) for wid, qs in idle]
    for m in missing:
        reasons.append(because(m.text(), per_q_v if m.item == "interview" else
                               (bilan_v if m.item == "bilan" else plan_v)))
    if unsure_gaps:
        listed = ", ".join(str(m) for m in unsure_gaps)
        reasons.append(because(t(f"Aucun accompagnateur social occupé en : {listed} — seuls des travailleurs de statut "
                                 "inconnu y sont suivis : dû s'ils sont du public cible.",
                                 f"No social accompanier employed in: {listed} — only workers of unknown status are "
                                 "followed then: owed if they are target public."), every_month_v))
    if gaps:
        listed = ", ".join(str(m) for m in gaps)
        reasons.append(because(t(f"Aucun accompagnateur social (fonction accompagnement_social) occupé en : {listed}.",
                                 f"No social accompanier (function accompagnement_social) employed in: {listed}."),
                               every_month_v))
    confirmed = [m for m in missing if m.target_status is True]
    unsure = [m for m in missing if m.target_status is None]
    if unsure or unsure_gaps:
        reasons.append(because(t(
            "Un manque marqué « statut indéterminé » n'est dû que si le travailleur est du public cible : à lui seul, "
            "il laisse le contrôle indéterminé, jamais non conforme.",
            "A gap marked « status unknown » is owed only if the worker is target public: on its own it leaves the "
            "check unknown, never not compliant."), per_q_v))
    n = len(persons)   # persons: the ids of one person count once, an art. 60 §7 stint of theirs too
    # The summary counts every gap listed, those of workers of unknown status apart (they decide nothing
    # when a sure gap already fails the check, but they are listed, so they are counted).
    parts = ([_gaps_text(enterprise, confirmed)] if confirmed else []) + (
        [plural(len(gaps), "mois sans accompagnateur social", "month without a social accompanier",
                "mois sans accompagnateur social", "months without a social accompanier")]
        if gaps else [])
    unsure_parts = ([t(f"{_gaps_text(enterprise, unsure).fr} de statut indéterminé",
                       f"{_gaps_text(enterprise, unsure).en} of unknown status")] if unsure else []) + (
        [plural(len(unsure_gaps), "mois sans accompagnateur (travailleurs de statut indéterminé)",
                "month without an accompanier (workers of unknown status)",
                "mois sans accompagnateur (travailleurs de statut indéterminé)",
                "months without an accompanier (workers of unknown status)")] if unsure_gaps else [])
    # « 1 travailleur suivi », the same head whether gaps follow or not (« 1 suivi : 2 manques pour 1 travailleur »
    # read as one follow-up action).
    persons_followed = plural(n, "travailleur suivi", "worker followed", "travailleurs suivis", "workers followed")
    if parts:
        compliant: bool | None = False
        listed = parts + unsure_parts
        summary = t(f"{persons_followed.fr} : " + ", ".join(p.fr for p in listed),
                    f"{persons_followed.en}: " + ", ".join(p.en for p in listed))
    elif unsure_parts:
        compliant = None
        summary = t("indéterminé : " + ", ".join(p.fr for p in unsure_parts),
                    "unknown: " + ", ".join(p.en for p in unsure_parts))
    else:
        compliant = True
        summary = t(f"{persons_followed.fr} : entretiens trimestriels, bilans et plans de formation en ordre",
                    f"{persons_followed.en}: quarterly interviews, assessments and training plans in order")
    to_fix: list[Text] = []
    by_worker: dict[str, list[Missing]] = {}
    for m in missing:
        by_worker.setdefault(m.worker_id, []).append(m)
    for items in by_worker.values():
        who = items[0].who
        what_fr = " ; ".join(m.what.fr for m in items)
        what_en = "; ".join(m.what.en for m in items)
        to_fix.append(t(f"{who.fr} : {what_fr} (feuille Suivi).", f"{who.en}: {what_en} (Suivi sheet)."))
    if gaps:
        to_fix.append(t("Occupez un accompagnateur social tant que l'entreprise occupe des travailleurs TD/TGD ou "
                        "article 60 §7.",
                        "Employ a social accompanier while the enterprise employs TD/TGD or article 60 §7 workers."))
    details = {"followed_workers": [w.worker_id for w, _, _ in followed],
               "interviews_per_quarter": per_q, "min_days_employed_in_quarter": min_days,
               "missing": [m.to_dict() for m in missing], "quarters": quarters,
               "months_without_accompanier": [str(m) for m in gaps],
               "months_without_accompanier_unsure": [str(m) for m in unsure_gaps]}
    return CheckResult(NAME, compliant, summary, tuple(reasons), tuple(to_fix), details)


_SHAPES = {"quarterly_interviews": _quarterly_interviews}
# The fields of a judged result, empty: what a result not judged carries (``rules.common.not_judged``).
EMPTY_DETAILS = {"quarterly_interviews": {
    "followed_workers": [], "interviews_per_quarter": None, "min_days_employed_in_quarter": None, "missing": [],
    "quarters": [], "months_without_accompanier": [], "months_without_accompanier_unsure": []}}


def check(enterprise: Enterprise, regime: Regime, period: Period, report=None, application: bool = False,
          obligations_from: date | None = None) -> CheckResult:
    """``application``, ``obligations_from``: from ``rules.dashboard.run_checks`` (``by_shape_from_start``)."""
    return by_shape_from_start(NAME, _SHAPES, enterprise, regime, period, report, application, obligations_from)
