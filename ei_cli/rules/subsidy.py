"""Subsidies claimable for a calendar year, to the cent (rules.md §3.6–3.7, §4.6–4.7, §5.6–5.7; D1–D5, D7).

``compute_subsidies(enterprise, regime, year, report)`` is pure: the regime's ``[rules] subsidies``
list names the *shape* of each subsidy, and each shape is a function of ``SHAPES`` (never an
``if regime.id``). Every figure comes from the regime file; every line cites the parameters it rests
on, with the weakest confidence among them.

Shared readings (docs/interpretations.md, « Subventions »):

* Only days on or after ``date_agrement`` inside calendar year Y are claimed ("claim period").
* Working time (D2): the etp of ``Paie`` is the month's paid working time averaged over the calendar
  month (as the fallback on ``Personnel.etp`` computes it), spread evenly over the days employed that
  month, never more than 1 a day. FTE-days of a segment = Σ daily etp over its days.
* Per-worker annual amounts are pro rata of the occupation year (from ``date_entree``: year k =
  [hire + (k−1) y, hire + k y − 1 day]); enterprise amounts of the agrément year (from
  ``date_agrement``): amount × FTE-days (or days) in the segment ÷ days of that year. A year that
  straddles two calendar years is split: only the part inside Y is claimed.
* Rounded to the cent (half up) once per line, never before.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from decimal import Decimal
from functools import lru_cache
from typing import Callable, Iterable

from ei_cli.i18n import Text, english_word, french_word, plural, t
from ei_cli.model import Enterprise, Function, Worker, worker_order
from ei_cli.periods import Month, Period, anniversary, days_between, years_overlapping
from ei_cli.regimes import CONFIDENCES, Regime, Value, all_regimes, shipped_in_force
from ei_cli.rules.common import (NO_PAY, ONE, ZERO, Reason, basis_figure, because, combine, daily_fte, data_horizon,
                                 horizon_text, paid_to, pay_known_text, worker_text, workers_text,
                                 average_persons, contract_fte_days, person_fte_days, persons_by_day, decimal_text,
                                 denoised,
                                 euro_text, four_places, money, number_text, share_text, shown_beside, spread_fte,
                                 fte_days_beside)

CONFIDENCE_ORDER = tuple(CONFIDENCES)  # strongest first: verified … not_found
SUBSIDY_IDS = ("target_worker", "social_accompaniment", "manager", "supervision")
SUBSIDY_TEXT = {
    "target_worker": t("Travailleur du public cible", "Target-public worker"),
    "social_accompaniment": t("Accompagnement social", "Social accompaniment"),
    "manager": t("Chef d'entreprise", "Manager"),
    "supervision": t("Encadrement", "Supervision"),
    "compensation": t("Compensation du mandat", "Mandate compensation"),
}


def weakest(confidences: Iterable[str]) -> str:
    cs = [c for c in confidences if c]
    return max(cs, key=CONFIDENCE_ORDER.index) if cs else "inferred"


# ------------------------------------------------------------------------------------ results
@dataclass(frozen=True)
class SubsidyLine:
    """One line of the claim: one worker (or the enterprise), one subsidy, one year segment."""

    subsidy: str
    worker_id: str | None
    basis: dict
    amount: Decimal | None            # rounded once; None = cannot be computed (see notes)
    reference: str
    url: str | None
    confidence: str
    claimable: bool
    notes: tuple[Text, ...] = ()
    reasons: tuple[Reason, ...] = ()

    @property
    def is_unknown(self) -> bool:
        return self.amount is None

    def to_dict(self, lang: str = "fr") -> dict:
        return {"subsidy": self.subsidy, "worker_id": self.worker_id, "basis": self.basis,
                "amount": self.amount, "reference": self.reference, "url": self.url,
                "confidence": self.confidence, "claimable": self.claimable,
                "notes": [n.get(lang) for n in self.notes], "reasons": [r.to_dict(lang) for r in self.reasons]}


@dataclass(frozen=True)
class UnknownSubsidy:
    """A subsidy (or a worker's share of it) that cannot be computed, and why."""

    subsidy: str
    worker_id: str | None
    reason: Text
    missing: tuple[str, ...] = ()
    reference: str | None = None
    regime: str | None = None   # the regime the subsidy belongs to, when not the one computed (days outside it)
    # The first day (``basis["start"]``) of the line this entry says is not computed, when it speaks of one: with
    # the subsidy and the worker id, the key that pairs them (``render.subsidy``), never a note's wording.
    line_start: date | None = None
    # The URL and confidence of the parameter the reference cites (``citing``), as a reason's (``because``).
    url: str | None = None
    confidence: str | None = None

    @classmethod
    def citing(cls, subsidy: str, worker_id: str | None, reason: Text, missing: tuple[str, ...], value: Value,
               **kw) -> "UnknownSubsidy":
        """An entry resting on the parameter ``value``: its reference, URL and confidence, as ``because`` gives a
        reason's (``--explain`` prints them alike)."""
        cited = because(reason, value)
        return cls(subsidy, worker_id, reason, missing, cited.reference, url=cited.url, confidence=cited.confidence,
                   **kw)

    def to_dict(self, lang: str = "fr") -> dict:
        out = {"subsidy": self.subsidy, "worker_id": self.worker_id, "reason": self.reason.get(lang),
               "missing": list(self.missing), "reference": self.reference, "url": self.url,
               "confidence": self.confidence}
        if self.regime is not None:
            out["regime"] = self.regime
        return out


@dataclass(frozen=True)
class Condition:
    """A condition every subsidy of the regime depends on (Brussels: a minimum share of supervision staff, §5.6)."""

    name: str
    met: bool | None
    summary: Text
    figures: dict
    reasons: tuple[Reason, ...] = ()

    def to_dict(self, lang: str = "fr") -> dict:
        return {"name": self.name, "compliant": self.met, "summary": self.summary.get(lang),
                **self.figures, "reasons": [r.to_dict(lang) for r in self.reasons]}


@dataclass(frozen=True)
class SubsidyResult:
    regime_id: str
    year: int
    period: Period
    claim_period: Period | None
    lines: tuple[SubsidyLine, ...]
    unknown: tuple[UnknownSubsidy, ...]
    conditions: tuple[Condition, ...] = ()
    notes: tuple[Text, ...] = ()
    de_minimis: dict | None = None
    # The regime's subsidies (``subsidy_ids``): one computed with no line this year (nothing due) is listed in
    # ``totals`` at 0, so a script always finds it, and a reader tells « nothing due » from « not examined ».
    subsidies: tuple[str, ...] = ()

    @property
    def totals(self) -> dict[str, Decimal]:
        """Σ of the claimable lines' amounts, per subsidy: every subsidy of the regime listed — at 0 when computed
        with no line (nothing due), never one that has no line but what cannot be computed (``unknown``: not a
        0)."""
        unknown = {u.subsidy for u in self.unknown}
        out: dict[str, Decimal] = {s: ZERO for s in self.subsidies if s not in unknown}
        for line in self.lines:
            out.setdefault(line.subsidy, ZERO)
            if line.claimable and line.amount is not None:
                out[line.subsidy] += line.amount
        order = {s: i for i, s in enumerate(SUBSIDY_IDS)}
        return dict(sorted(out.items(), key=lambda item: order.get(item[0], len(order))))

    @property
    def total(self) -> Decimal:
        return sum(self.totals.values(), ZERO)

    @property
    def complete(self) -> bool:
        """Every line computed and claimable, nothing unknown."""
        return not self.unknown and all(line.claimable for line in self.lines)

    @property
    def compliant(self) -> bool | None:
        """Verdict of the conditions checked (None when none: computing a subsidy checks nothing)."""
        return combine(c.met for c in self.conditions) if self.conditions else None

    def to_dict(self, lang: str = "fr") -> dict:
        return {
            "regime": self.regime_id,  # in `ei batch --month`, the year's, not always the month's checks'
            "year": self.year,
            "claim_period": self.claim_period.to_dict() if self.claim_period else None,
            "lines": [line.to_dict(lang) for line in self.lines],
            "totals": self.totals,
            "total": self.total,
            "complete": self.complete,
            "unknown": [u.to_dict(lang) for u in self.unknown],
            "conditions": [c.to_dict(lang) for c in self.conditions],
            "de_minimis": _de_minimis_dict(self.de_minimis, lang),
            "notes": [n.get(lang) for n in self.notes],
        }


def _de_minimis_dict(d: dict | None, lang: str) -> dict | None:
    if d is None:
        return None
    return {k: (v.get(lang) if isinstance(v, Text) else v) for k, v in d.items()}


# ------------------------------------------------------------------------------------ working time


def fte_days(enterprise: Enterprise, worker: Worker, period: Period) -> tuple[Decimal, list[Month]]:
    """FTE-days of ``worker`` in ``period`` and the months where Paie had no row (fallback) — beside the person's
    earlier contracts in force on its hire (``Enterprise.held_beside``), counted first: a person is at most one
    full-time a day (``paid_fte_days_beside``), for every subsidy that counts FTE-days (the per-worker lines, the
    accompaniers' and the manager's)."""
    total, fallbacks = ZERO, []
    beside = enterprise.held_beside(worker)
    pays = enterprise.pay_by_worker_month.get(worker.worker_id, NO_PAY)
    # The worker's employment inside the period (empty when start > end).
    start, end = max(worker.hire_date, period.start), min(worker.exit_date or date.max, period.end)
    for month in period.months():
        first, last = month.first_day, month.last_day
        per_day, from_pay, employed_days = daily_fte(pays, worker, month, first, last)
        if not employed_days:
            continue
        part_days = days_between(max(start, first), min(end, last))
        if not part_days:
            continue
        total += paid_fte_days_beside(enterprise, beside, month, max(start, first), min(end, last), per_day)
        if not from_pay:
            fallbacks.append(month)
    return total, fallbacks


def paid_fte_days_beside(enterprise: Enterprise, beside: tuple[Worker, ...], month: Month, first: date, last: date,
                         per_day: Decimal) -> Decimal:
    """FTE-days of a contract on the days ``first`` … ``last`` of ``month``, all employed, at ``per_day`` etp a
    day (``daily_fte``), beside the person's earlier contracts ``beside`` (``_Hire.beside``) at their own paid etp
    a day: a person is at most one full-time a day, their contracts together, the earlier ones counted first
    (``common.fte_days_beside``). So the per-FTE amounts of the person's contracts never add up to more than one
    contract of their summed etp would get: two concurrent 0,6 contracts count 0,6 and 0,4."""
    if not beside:
        return per_day * days_between(first, last)
    pays = enterprise.pay_by_worker_month
    return fte_days_beside(per_day, first, last, (
        (w, daily_fte(pays.get(w.worker_id, NO_PAY), w, month, month.first_day, month.last_day)[0]) for w in beside))


def segments(origin: date, claim: Period) -> list[tuple[int, Period, Period]]:
    """(year number, full anniversary year, its part inside ``claim``) for every year touching it."""
    out = []
    for n, year in years_overlapping(origin, claim):
        part = year.intersection(claim)
        if part is not None:
            out.append((n, year, part))
    return out


def _table(value: Value, key: str) -> dict[int, dict]:
    return {int(item[key]): item for item in value.value}


def _fallback_note(months: list[Month]) -> Text:
    listed = ", ".join(str(m) for m in months)
    return t(f"Pas de ligne de paie pour {listed} : etp contractuel de Personnel utilisé.",
             f"No payroll row for {listed}: contractual fte from Personnel used.")


D1_NOTE = t("Taux périodique non publié : plafond ÷ mois de fenêtre × etp du mois (lecture retenue par ei).",
            "Periodic rate not published: cap ÷ window months × month etp (the reading ei adopts).")
PARTIAL_NOTE = t("Année partielle : prorata journalier (lecture retenue par ei : le texte ne règle pas les années "
                 "partielles).",
                 "Partial year: daily pro rata (the reading ei adopts: the text does not settle partial years).")  # D2: occupation years of the degressive amounts
# An enterprise amount of an agrément year (SIEG, manager, Brussels tranches): not D2, a reading of its own.
AGREMENT_PART_NOTE = t("Partie d'année d'agrément (comptée depuis la date d'agrément) : montant annuel × jours "
                       "de la partie ÷ jours de l'année d'agrément (prorata journalier, déduit : le texte ne règle "
                       "pas les années partielles).",
                       "Part of an agrément year (counted from the agrément date): annual amount × days of the "
                       "part ÷ days of the agrément year (daily pro rata, inferred: the text does not settle partial "
                       "years).")


@lru_cache(maxsize=None)
def _confidence_note(confidence: str) -> Text:
    return t(f"Montant reposant sur un paramètre de confiance « {CONFIDENCES[confidence].fr} ».",
             f"Amount resting on a parameter of confidence '{CONFIDENCES[confidence].en}'.")


# ------------------------------------------------------------------------------------ the run
@dataclass(frozen=True)
class _Hire:
    """How a worker's per-worker subsidy (TD/TGD window and cap, degressive occupation years) counts their hire
    (``_Run.hire_of``): from ``since``, the first hire of the person's stretch of employment; ``beside``, the
    person's earlier contracts in force beside this one (their etp counted first, ``fte_days``); what the
    lines add to their basis, notes and reasons; ``rehire``, the note of a re-hire after a gap (also among
    ``notes``): its lines are not claimable as is."""

    since: date
    beside: tuple[Worker, ...] = ()
    earlier: tuple[Worker, ...] = ()   # the person's contracts of the stretch before this one, first hire first
    basis: dict = field(default_factory=dict)
    notes: tuple[Text, ...] = ()
    reasons: tuple[Reason, ...] = ()
    rehire: Text | None = None

    @property
    def claimable(self) -> bool:
        return self.rehire is None


@dataclass
class _Run:
    enterprise: Enterprise
    regime: Regime
    year: int
    report: object
    period: Period
    claim: Period | None
    lines: list[SubsidyLine] = field(default_factory=list)
    unknown: list[UnknownSubsidy] = field(default_factory=list)
    notes: list[Text] = field(default_factory=list)

    def value(self, key: str, on: date | None = None) -> Value:
        return self.regime.value(key, on or (self.claim or self.period).start)

    def category(self, worker: Worker) -> str:
        return str(self.report.category(worker.worker_id))

    def is_target(self, worker: Worker) -> bool | None:
        return self.report.is_target(worker.worker_id)

    def contract_workers(self) -> list[Worker]:
        # Art. 60 §7 workers are employed by the CPAS, not by the EI (rules.md Q11): never subsidised here.
        return [w for w in self.enterprise.workers if w.has_employment_contract]

    def since(self, worker: Worker) -> date:
        """The day the worker's per-worker subsidy counts from (``_Hire.since``): the first hire of the stretch
        of employment their contract belongs to (``Enterprise.stretch_of``)."""
        return self.enterprise.stretch_of(worker)[0].hire_date

    def hire_of(self, worker: Worker, value: Value) -> _Hire:
        """How the worker's per-worker lines count their hire (``_Hire``); ``value``: the parameter the
        reasons cite. The person's contracts are grouped by stretch of employment (``Enterprise.stretch_of``):
        a contract that begins while an earlier one of the person is in force, or the day after it ends,
        continues it — one employment, counted from the stretch's first hire, claimable; the first contract
        of a stretch begun after a gap is a re-hire, computed but not claimable as is, and so are the
        contracts continuing it (docs/interpretations.md, « A person re-hired under a new id »)."""
        stretch = self.enterprise.stretch_of(worker)
        origin, first = stretch[0], self.enterprise.employments_of(worker)[0]
        if worker.worker_id == origin.worker_id == first.worker_id:
            return _Hire(worker.hire_date)  # a first (or only) hire
        basis: dict = {}
        notes: list[Text] = []
        reasons: list[Reason] = []
        rehire = None
        if origin.worker_id != first.worker_id:
            # A re-hire after a gap: the same person's first employment contract here, under another id.
            since, was = first.hire_date.isoformat(), worker_text(first.worker_id)
            rehire = t(
                f"Même numéro national que le {was.fr} (engagé le {since}) : réengagement de "
                "la même personne ? La subvention par travailleur court par personne depuis son premier engagement "
                "(fenêtre et plafond, ou années d'occupation) et ne repart pas avec un nouvel identifiant sans "
                "justification ; non réclamable en l'état.",
                f"Same national number as {was.en} (hired {since}): a re-hire of the same person? "
                "The per-worker subsidy runs per person from their first hire (window and cap, or occupation "
                "years) and does not start again under a new id without justification; not claimable as is.")
            notes.append(rehire)
            reasons.append(because(t(f"Réengagement de la personne engagée le {since} ({was.fr}) : à justifier.",
                                     f"Re-hire of the person hired on {since} ({was.en}): to be justified."), value))
            basis.update(rehire_of=first.worker_id, first_hire_date=first.hire_date)
        earlier = self.enterprise.earlier_contracts(worker, stretch=True)
        beside: tuple[Worker, ...] = ()
        if earlier:
            ids = [w.worker_id for w in earlier]
            named, since, n = workers_text(ids), origin.hire_date.isoformat(), len(ids)
            of_fr = french_word(n, "du contrat du", "des contrats des")
            of_en = english_word(n, "the contract of", "the contracts of")
            notes.append(t(
                f"Suite {of_fr} {named.fr} (même numéro national) : contrats qui se suivent sans interruption, un "
                f"seul emploi ; la subvention par travailleur court depuis l'engagement du {since} (fenêtre et "
                "plafond, ou années d'occupation).",
                f"Continues {of_en} {named.en} (same national number): contracts following each other without a "
                f"gap, one employment; the per-worker subsidy runs from the hire of {since} (window and cap, or "
                "occupation years)."))
            the = french_word(n, "le", "les")
            reasons.append(because(t(f"Même emploi, sans interruption, que {the} {named.fr} : compté depuis "
                                     f"l'engagement du {since}.",
                                     f"Same employment, without a gap, as {named.en}: counted from the hire of "
                                     f"{since}."), value))
            basis["continues"] = ids
            # The person's contracts in force beside this one: a person is at most one full-time a day.
            beside = self.enterprise.held_beside(worker)
            if beside:
                together = workers_text(w.worker_id for w in beside)
                that_fr = french_word(len(beside), "celui du", "ceux des")
                that_en = english_word(len(beside), "that of", "those of")
                notes.append(t(
                    f"Contrat tenu en même temps que {that_fr} {together.fr} : la personne compte au plus pour un "
                    "temps plein par jour, ses contrats ensemble ; l'etp de ce contrat ne compte que jusqu'à ce "
                    "plein.",
                    f"Contract held together with {that_en} {together.en}: the person counts for at most one "
                    "full-time a day, their contracts together; this contract's etp counts only up to that."))
        return _Hire(origin.hire_date, beside, earlier, basis, tuple(notes), tuple(reasons), rehire)

    def agrement_before_regime(self) -> tuple[Text, Reason] | None:
        """(note, reason) for a line of a subsidy counted in agrément years (the 2003 manager subsidy of years
        1–3, the Brussels 2004 supervision subsidy of years 1–4) when the agrément predates the regime's text
        (``agrement.regime_text_date``: agrément 2002-10-01, décret du 18 décembre 2003 — granted under the 1998
        decree, rules.md §1): whether its amounts, counted in agrément years from ``date_agrement``, apply to an
        agrément granted before that text is not established — rules.md gives no transitional provision, and
        §9/§11 no default — so the line stays claimable, with this said; None when the agrément comes on or
        after the text (a Brussels agrément of 2004-06-01, after the ordinance of 18.03.2004, before its
        financing took effect on 2005-01-01: none). Not for per-worker amounts counted in occupation years."""
        agreed, regime = self.enterprise.agrement_date, self.regime
        text = self.value("agrement.regime_text_date")
        if agreed >= text.value:
            return None
        dated = text.value.isoformat()
        note = t(f"Agrément du {agreed.isoformat()}, antérieur au texte du régime {regime.id} (du {dated}) : que ses "
                 "montants, comptés en années d'agrément, s'appliquent à un agrément accordé avant ce texte n'est pas "
                 "établi (aucune disposition transitoire trouvée) ; montant calculé selon ce régime, à faire "
                 "confirmer par l'administration.",
                 f"Agrément of {agreed.isoformat()}, before the text of regime {regime.id} (of {dated}): whether its "
                 "amounts, counted in agrément years, apply to an agrément granted before that text is not "
                 "established (no transitional provision found); amount computed under this regime, to be confirmed "
                 "by the administration.")
        reason = because(t(f"Agrément antérieur au texte du régime {regime.id} (du {dated}) : application de ses "
                           "montants non établie.",
                           f"Agrément before the text of regime {regime.id} (of {dated}): whether its amounts apply "
                           "is not established."), text)
        return note, reason

    def add(self, subsidy: str, worker_id: str | None, basis: dict, amount: Decimal | None,
            values: list[Value], *, claimable: bool = True, notes: Iterable[Text] = (),
            reasons: Iterable[Reason] = (), extra_confidence: Iterable[str] = ()) -> None:
        main = values[0]
        confidence = weakest([v.confidence for v in values] + list(extra_confidence))
        if any(v.confidence in ("seed_only", "inferred", "not_found") for v in values) or extra_confidence:
            notes = list(notes) + [_confidence_note(confidence)]
        self.lines.append(SubsidyLine(
            subsidy, worker_id, basis, money(amount) if amount is not None else None, main.cite(),
            main.reference.url, confidence, claimable and amount is not None, tuple(notes),
            tuple(reasons) or tuple(because(v.description_text, v) for v in values)))


# ------------------------------------------------------------------------------------ shapes
def _target_worker_wage_cost(run: _Run) -> None:
    """Wallonia 2016 TD/TGD employment subsidy, decision D1.

    For each month of the window [hire, hire + 12 (TD) / 24 (TGD) months − 1 day] inside the claim:
    min(share × wage cost of the month's days in the window, cap ÷ window months × FTE-months in the
    window) — the person's, their contracts of the stretch sharing the month together (``_joint_month``). One line per occupation-year segment. A TD/TGD hired from ``net_increase_from`` on must be a net
    increase in headcount (``_HiringCondition``); if not, its lines stay computed but are not claimable as is.
    """
    share = run.value("subsidy.target_worker.max_wage_cost_share")
    rate = run.value("subsidy.target_worker.monthly_rate")
    # TD and TGD: (cap, window months, window length, monthly cap, reasons), read and written once.
    by_category: dict[str, tuple[Value, Value, int, Decimal, tuple[Reason, ...]]] = {}
    contract_workers = run.contract_workers()
    hiring = _HiringCondition.of(run, contract_workers)
    # Months after the last Paie month are not paid yet: their wage cost is not « missing », they are to
    # come. A line is computed on the months paid (provisional for the year); a window starting after them
    # waits (a run note says so), as the SIEG amount is provisional beyond the payroll.
    # Only in a year in progress (``data_horizon``): a closed year's months without payroll are missing.
    horizon = data_horizon(run.enterprise, run.claim) if run.claim is not None else None
    waiting: list[str] = []

    def params_of(category: str) -> tuple[Value, Value, int, Decimal, tuple[Reason, ...]]:
        params = by_category.get(category)
        if params is None:
            params = by_category[category] = _target_worker_parameters(run, category, share, rate)
        return params

    # One person's contracts of a stretch sharing a month (concurrent, or one continuing another mid-month): the
    # 50 % of the wage cost and the cap per FTE-month are the person's, their contracts together
    # (``_joint_month``). Each month of a line keeps
    # (half, cap, amount) here, keyed (worker id, occupation year, month), for the person's later contracts;
    # None when its wage cost is unknown. The person's earlier contracts are computed first: by rank in the
    # stretch, then in the one worker order (unchanged when nobody holds two contracts).
    # Whatever this loop appends to ``run.unknown`` and ``waiting`` is put back in the worker order after it (the
    # lines are sorted in ``compute_subsidies``): an output added to the loop must be too.
    joint: dict[tuple[str, int, int], tuple[Decimal, Decimal, Decimal] | None] = {}
    rank = {w.worker_id: i for i, w in enumerate(contract_workers)}
    unknown_from = len(run.unknown)
    in_stretch = run.enterprise.earlier_contracts
    for worker in sorted(contract_workers, key=lambda w: (len(in_stretch(w, stretch=True)), rank[w.worker_id])):
        category = run.category(worker)
        if category not in ("TD", "TGD"):
            # Unknown status: said only while a subsidy could still be due, i.e. while the longest window
            # (TGD's) meets the claim — a worker hired years ago makes no claim incomplete (Q12).
            if category == "unknown" and run.claim and _window_meets_claim(
                    run, worker, max(params_of(c)[2] for c in ("TD", "TGD"))):
                run.unknown.append(_status_unknown(run, worker, t(
                    "Statut TD/TGD indéterminé (données manquantes) : subvention non calculée.",
                    "TD/TGD status unknown (data missing): subsidy not computed.")))
            continue
        cap, window_months, window_length, monthly_cap, reasons = params_of(category)
        # The same person's contracts without a gap are one employment: its window and cap run from the
        # stretch's first hire (§3.7 « from hiring »); a re-hire after a gap is computed, to justify.
        hire = run.hire_of(worker, cap)
        # The person's contracts this one continues or is held beside: their months join this one's limits
        # (``_joint_month``); of them, those in force on its hire (``hire.beside``) are the only ones that can share
        # a day with it, so they alone count in its FTE-days (``paid_fte_days_beside``).
        earlier = hire.earlier
        missing = run.report.by_id[worker.worker_id].missing
        if category == "TD" and missing and run.claim:
            _tgd_not_checked(run, worker, missing, params_of("TGD"))
        window = _window(hire.since, window_length)
        # A window starting mid-month ends mid-month: its first and last calendar months are the two
        # parts of one month of the window, so the last is measured against the first's length and a
        # full-time worker's window makes exactly ``window_length`` months (hired 15 Feb 2024: 15/29 +
        # 11 + 14/29 = 12, where 14/28 for Feb 2025 would give 12.017, over the cap). docs/interpretations.md, D1.
        last_month = Month.of(window.end) if window.start.day != 1 else None
        first_month_days = Month.of(window.start).days
        claim = window.intersection(run.claim) if run.claim else None
        claim = claim.intersection(worker.employment) if claim else None
        if claim is None:
            continue
        beyond = horizon is not None and claim.end > horizon
        if beyond and claim.start > horizon:
            waiting.append(worker.worker_id)
            continue
        if beyond:
            claim = Period(claim.start, horizon)
        pays = run.enterprise.pay_by_worker_month.get(worker.worker_id, NO_PAY)
        share_n = share.number
        hired, left = worker.hire_date, worker.exit_date or date.max
        # Recruitment conditions (hires from 18.10.2018): net increase, else a vacancy to justify — of the
        # hiring, the stretch's first, not of a contract continuing it.
        net = hiring.assess(hire.since) if hiring is not None else None
        line_reasons = (*reasons, *(net.reasons if net is not None else ()), *hire.reasons)
        for n, occ_year, part in segments(hire.since, claim):
            months, missing, fallbacks = [], [], []
            wage_part_sum = fte_months = cap_sum = half_sum = amount = complement = ZERO
            known_months = 0
            for month in part.months():
                first, last = month.first_day, month.last_day
                # ``daily_fte`` inlined (the Paie row is needed below too): a call per month costs 4 % of the phase.
                employed_days = days_between(max(hired, first), min(left, last))
                inside_days = days_between(max(part.start, first), min(part.end, last))  # the month's days in ``part``
                if not inside_days or not employed_days:
                    continue
                pay = pays.get(month.number)
                if pay is None:
                    per_day, from_pay = worker.fte, False
                else:
                    per_day, from_pay = spread_fte(pay.fte, month.days, employed_days), True
                # The month's FTE to the 4 places printed (the JSON's ``etp``, the line's « ETP-mois »), the cap
                # computed on it: 1 500 € × 0,2133 = 319,95 €, which the unrounded 0,21333… made 320,00 € beside
                # a printed 0,2133 (docs/interpretations.md, D1).
                fd_m = paid_fte_days_beside(run.enterprise, hire.beside, month, max(part.start, first),
                                       min(part.end, last), per_day)
                fte_m = four_places(fd_m / (first_month_days if month == last_month else month.days))
                cap_m = monthly_cap * fte_m
                if not from_pay:
                    fallbacks.append(month)
                if pay is None or pay.wage_cost is None:
                    if fte_m:
                        missing.append(month)
                    months.append({"month": month, "etp": fte_m, "days": inside_days, "wage_cost": None,
                                   "cap": money(cap_m), "amount": None})
                    joint[worker.worker_id, n, month.number] = None
                    fte_months += fte_m
                    cap_sum += cap_m
                    continue
                wage_m = pay.wage_cost * inside_days / employed_days
                half_m = share_n * wage_m
                amount_m = min(half_m, cap_m)
                row = {"month": month, "etp": fte_m, "days": inside_days, "wage_cost": money(wage_m),
                       "half_wage_cost": money(half_m), "cap": money(cap_m), "amount": money(amount_m),
                       "capped": cap_m < half_m}
                if earlier:
                    amount_m = _joint_month(joint, earlier, n, month, half_m, cap_m, amount_m, row)
                    complement += row.get("joint_complement", ZERO)
                joint[worker.worker_id, n, month.number] = (half_m, cap_m, amount_m)
                months.append(row)
                fte_months += fte_m
                known_months += 1
                wage_part_sum += wage_m
                half_sum += half_m
                cap_sum += cap_m
                amount += amount_m
            _months_add_up(months, money(amount))
            notes = [D1_NOTE]
            if fallbacks:
                notes.append(_fallback_note(fallbacks))
            if beyond and part.end == horizon:
                said = horizon_text(run.enterprise, horizon, run.claim)
                notes.append(t(f"Calculé jusqu'au {said.fr} : montant des mois payés, provisoire ; les mois "
                               "suivants de la fenêtre se calculent avec leur paie.",
                               f"Computed up to {said.en}: amount of the months paid, provisional; the window's "
                               "later months are computed with their payroll."))
            # The wage cost is quoted only when every month's is known; else what is known, and of how many months.
            basis = {"category": category, "occupation_year": n, "start": part.start, "end": part.end,
                     "window_start": window.start, "window_end": window.end, "days": part.days,
                     "fte_months": four_places(fte_months), "wage_cost": None if missing else money(wage_part_sum),
                     "known_wage_cost": money(wage_part_sum), "known_wage_cost_months": known_months,
                     "wage_cost_months": known_months + len(missing),
                     "wage_cost_share": share.number, "half_wage_cost": None if missing else money(half_sum),
                     "cap_full_time": cap.number, "window_months": window_length,
                     "cap": money(cap_sum), "months": months}
            if net is not None:
                basis.update(net.basis)
                if not net.met:
                    notes.insert(0, net.note)
            basis.update(hire.basis)
            notes[:0] = hire.notes
            reasons_of_line = line_reasons
            if complement:
                basis["joint_complement"] = money(complement)
                notes.append(_joint_note(earlier, complement))
                reasons_of_line = (*line_reasons, because(t(
                    "Limites de la personne, ses contrats ensemble : min(50 % de leurs coûts salariaux, leurs "
                    "plafonds) moins ce que ses autres contrats reçoivent.",
                    "The person's limits, their contracts together: min(50 % of their wage costs, their caps) "
                    "less what their other contracts get."), share))
            # The unpublished periodic rate is cited in the reasons, not as the line's confidence (D1: inferred).
            values = [cap, share, window_months]
            if missing:
                listed = ", ".join(str(m) for m in missing)
                basis["months_without_wage_cost"] = [str(m) for m in missing]
                basis["partial_amount"] = money(amount)
                reason = t(f"Coût salarial (Paie.cout_salarial) absent pour {listed} : montant non calculé "
                           "(jamais deviné).",
                           f"Wage cost (Paie.cout_salarial) missing for {listed}: amount not computed "
                           "(never guessed).")
                run.add("target_worker", worker.worker_id, basis, None, values, claimable=False,
                        notes=[reason, *notes], extra_confidence=["inferred"], reasons=reasons_of_line)
                if not hire.claimable:
                    # Filling in the wage cost would not make it claimable: the re-hire is what to justify.
                    reason = t(reason.fr + " " + hire.rehire.fr, reason.en + " " + hire.rehire.en)
                # The missing figure is the wage cost: the entry cites its definition (AGW 24.05.2017 art. 1, 6°).
                run.unknown.append(UnknownSubsidy.citing(
                    "target_worker", worker.worker_id, reason, ("cout_salarial",),
                    run.value("subsidy.target_worker.wage_cost_definition"), line_start=part.start))
                continue
            run.add("target_worker", worker.worker_id, basis, amount, values, notes=notes,
                    extra_confidence=["inferred"], reasons=reasons_of_line,
                    claimable=(net is None or net.met) and hire.claimable)
        if beyond:
            # The claim is not complete yet: the months to come are said, with nothing to fill in now.
            said = horizon_text(run.enterprise, horizon, run.claim)
            run.unknown.append(UnknownSubsidy.citing("target_worker", worker.worker_id, t(
                f"Mois après le {said.fr} : à calculer avec leur paie.",
                f"Months after {said.en}: to compute with their payroll."), (), cap))
    # The unknown entries in the one worker order, as the lines are (``compute_subsidies``).
    run.unknown[unknown_from:] = sorted(run.unknown[unknown_from:], key=lambda u: rank[u.worker_id])
    waiting.sort(key=rank.__getitem__)
    if hiring is not None and hiring.applied:
        run.notes.append(hiring.maintained_note())
    if waiting:
        said, cited = _waiting_text(run, horizon), run.value("subsidy.target_worker.max_wage_cost_share")
        run.unknown.extend(UnknownSubsidy.citing("target_worker", wid, said, (), cited) for wid in waiting)


def _joint_month(joint: dict, earlier: tuple[Worker, ...], n: int, month: Month, half_m: Decimal, cap_m: Decimal,
                 own: Decimal, row: dict) -> Decimal:
    """The month's amount of a contract beside the person's ``earlier`` contracts of the same stretch that share
    the month (held at once, or the contract it continues from mid-month). The subsidy is
    the person's (« par travailleur », rules.md §3.7): at most 50 % of their wage cost and 1 500 € per
    FTE-month, their contracts together, so the month is min(their halves summed, their caps summed) less
    what the earlier contracts' lines already hold for it — never less than this contract's own min(half,
    cap). Two half-time contracts costing 2 000 and 1 000 €: 750 + 500 taken one by one; together min(1 500,
    1 500) = 1 500, so 1 500 − 750 = 750 on the later one. The earlier contracts' own months are those of
    ``joint`` (occupation year ``n``: the person's contracts share their window); one whose wage cost is
    unknown leaves this month at its own amount (never guessed). ``row`` gets the figures when it gains, its
    ``joint_complement`` from the figures shown (to the cent), so that « Mois » adds up: amount = min(half, cap)
    + joint_complement. min(Σ halves, Σ caps) − Σ earlier amounts is never below this contract's own min (min
    is superadditive, and each earlier amount is its own such difference): the comparison is a guard."""
    halves, caps, held = half_m, cap_m, ZERO
    for w in earlier:
        key = (w.worker_id, n, month.number)
        if key not in joint:
            continue   # the earlier contract has no day in this month of its window
        figures = joint[key]
        if figures is None:
            return own
        halves, caps, held = halves + figures[0], caps + figures[1], held + figures[2]
    together = min(halves, caps) - held
    if together <= own:
        return own
    shown = money(together)
    row.update(person_half_wage_cost=money(halves), person_cap=money(caps), beside_amount=money(held),
               joint_complement=shown - min(row["half_wage_cost"], row["cap"]), amount=shown, capped=caps < halves)
    return together


def _joint_note(earlier: tuple[Worker, ...], complement: Decimal) -> Text:
    """The note of a line whose months gain from the person's limits taken together (``_joint_month``)."""
    named = workers_text(w.worker_id for w in earlier)
    that_fr = french_word(len(earlier), "celui du", "ceux des")
    that_en = english_word(len(earlier), "that of", "those of")
    return t(f"Les limites de la subvention (50 % du coût salarial, plafond par ETP-mois) sont celles de la "
             f"personne, ses contrats ensemble (ce contrat et {that_fr} {named.fr}) : ce contrat reçoit "
             f"{euro_text(complement)} de plus que ses propres limites, la part que les autres contrats n'utilisent "
             "pas.",
             f"The subsidy's limits (50 % of the wage cost, cap per FTE-month) are the person's, their contracts "
             f"together (this contract and {that_en} {named.en}): this contract gets {euro_text(complement, 'en')} "
             "more than its own limits, the part the other contracts leave unused.")


def _waiting_text(run: _Run, horizon: date) -> Text:
    """Why a TD/TGD window meeting the claim has no line yet: it began after ``horizon`` (``data_horizon``,
    the year in progress, named by ``horizon_text``), or the claimed period itself does — a year not begun,
    or without any Paie month yet, where a window begun years ago waits too."""
    if run.claim.start > horizon:
        if run.enterprise.last_pay_month is None:
            return t("Période réclamée sans aucune paie saisie : aucun mois de paie connu pour la période, à "
                     "calculer avec la paie de ses mois.",
                     "Claimed period without any payroll entered: no payroll month known for the period, to "
                     "compute with its months' payroll.")
        if run.enterprise.last_pay_month.last_day >= run.claim.start:
            # A payroll entered ahead into the claim, whose months are not begun (``paid_to``). Not ``entered_ahead``
            # alone: a payroll ahead to 2026-12 with a claim for 2027 has no month in it — said below.
            said = horizon_text(run.enterprise, horizon, run.claim)
            return t(f"Période réclamée commençant après le {said.fr} : ses mois ne sont pas encore commencés, à "
                     "calculer avec leur paie une fois venus.",
                     f"Claimed period beginning after {said.en}: its months have not begun yet, to compute with "
                     "their payroll once they have.")
        known = pay_known_text(run.enterprise)
        return t(f"Période réclamée postérieure au dernier mois de paie ({known.fr}) : aucun mois de paie connu "
                 "pour la période, à calculer avec la paie de ses mois.",
                 f"Claimed period after the last payroll month ({known.en}): no payroll month known for the "
                 "period, to compute with its months' payroll.")
    said = horizon_text(run.enterprise, horizon, run.claim)
    return t(f"Fenêtre commencée après le {said.fr} : à calculer avec la paie des mois suivants.",
             f"Window begun after {said.en}: to compute with the following months' payroll.")


@dataclass(frozen=True)
class _NetIncrease:
    """The net-increase test of one hire: met?, the figures for ``basis``, the reasons, the note if not met."""

    met: bool
    basis: dict
    reasons: tuple[Reason, ...]
    note: Text | None


@dataclass
class _HiringCondition:
    """Walloon 2016 TD/TGD recruitment conditions (rules.md §3.3, §3.7; GBER art. 32(3)).

    A TD/TGD hired on or after ``start`` must be a net increase: the FTE under employment contract on
    the hire day (the new worker included, a worker whose last day it is excluded: they leave and the
    newcomer takes the post; ``Personnel`` dates and etp, art. 60 §7 excluded) above their average over
    the ``months`` months before it — a person under several contracts at most one full-time a day, as the
    quota and the size count them. Otherwise the post must have been vacated for
    an accepted reason, which the workbook cannot show: the line is computed but not claimable as is.
    Computed once per hire date (workers hired the same day share it); docs/interpretations.md, D1.
    """

    start: Value
    months: Value
    spans: dict[Decimal, list[tuple[int, int]]]  # etp → (first day, last day) ordinals of the workers under contract
    # The persons under concurrent contracts (``Enterprise.by_person``): counted apart, at most one full-time a day.
    several: list[tuple[Worker, ...]] = field(default_factory=list)
    by_day: dict[date, _NetIncrease] = field(default_factory=dict)

    @property
    def applied(self) -> bool:
        """Some hire fell under the condition."""
        return bool(self.by_day)

    @classmethod
    def of(cls, run: _Run, workers: list[Worker]) -> "_HiringCondition | None":
        if not run.regime.has("subsidy.target_worker.net_increase_from"):
            return None
        spans: dict[Decimal, list[tuple[int, int]]] = {}
        # Only a person with concurrent contracts can count beyond one full-time: a CDD renewed as a CDI stays in the
        # spans (the same figures, the fast path).
        enterprise = run.enterprise
        several = [rows for rows in enterprise.by_person(workers) if len(rows) > 1
                   and any(enterprise.held_beside(w) for w in rows)] if enterprise.employments else []
        apart = {w.worker_id for rows in several for w in rows}
        for w in workers:
            if w.worker_id not in apart:
                spans.setdefault(w.fte, []).append((w.hire_date.toordinal(), (w.exit_date or date.max).toordinal()))
        return cls(run.value("subsidy.target_worker.net_increase_from"),
                   run.value("subsidy.target_worker.net_increase_reference_months"), spans, several)

    def assess(self, hire: date) -> _NetIncrease | None:
        """None for a hire before the condition's start date (no condition, nothing said)."""
        if hire < self.start.value:
            return None
        found = self.by_day.get(hire)
        if found is None:
            found = self.by_day[hire] = self._assess(hire)
        return found

    def _assess(self, hire: date) -> _NetIncrease:
        n = int(self.months.number)
        before = Period(anniversary(hire, -n), hire - timedelta(days=1))
        # Whole days per etp value, then one product per value (a few thousand hire dates in a federation batch).
        day, first, last = hire.toordinal(), before.start.toordinal(), hire.toordinal() - 1
        on_hire, fte_days = ZERO, ZERO
        for fte, spans in self.spans.items():
            heads = days = 0
            for start, end in spans:
                if start == day or start < day < end:  # hired that day: counted; leaving that day: replaced
                    heads += 1
                d = (end if end < last else last) - (start if start > first else first) + 1  # days in ``before``
                if d > 0:
                    days += d
            on_hire += fte * heads
            fte_days += fte * days
        for rows in self.several:   # a person at most one full-time: on the hire day (as above), and each day before
            on_hire += min(ONE, sum((w.fte for w in rows if w.hire_date == hire
                                     or w.hire_date < hire < (w.exit_date or date.max)), ZERO))
            fte_days += person_fte_days(rows, before)
        average = fte_days / before.days
        met = on_hire > average
        x_fr, y_fr, x_en, y_en = _two_figures(on_hire, average)
        span_fr = f"du {before.start.isoformat()} au {before.end.isoformat()}"
        span_en = f"{before.start.isoformat()} to {before.end.isoformat()}"
        basis = {"net_increase": met, "headcount_fte_on_hire": four_places(on_hire),
                 "headcount_fte_average_before": four_places(average)}
        if met:
            return _NetIncrease(True, basis, (because(t(
                f"Création nette d'emploi : {x_fr} ETP le jour de l'engagement ({hire.isoformat()}) contre {y_fr} en "
                f"moyenne sur les {n} mois précédents ({span_fr}).",
                f"Net increase in employment: {x_en} FTE on the hiring day ({hire.isoformat()}) against {y_en} on "
                f"average over the previous {n} months ({span_en})."), self.months),), None)
        since = self.start.value.isoformat()
        reasons = (
            because(t(f"Pas de création nette d'emploi : {x_fr} ETP le jour de l'engagement ({hire.isoformat()}) "
                      f"contre {y_fr} en moyenne sur les {n} mois précédents ({span_fr}).",
                      f"No net increase in employment: {x_en} FTE on the hiring day ({hire.isoformat()}) against "
                      f"{y_en} on average over the previous {n} months ({span_en})."), self.months),
            because(t(f"Engagement depuis le {since} sans création nette : subvention due seulement si le poste a été "
                      "libéré par départ volontaire, incapacité permanente, pension, réduction volontaire du temps de "
                      "travail ou licenciement pour faute grave.",
                      f"Hired since {since} without a net increase: subsidy due only if the post was vacated by "
                      "voluntary departure, permanent incapacity, retirement, voluntary reduction of working time or "
                      "dismissal for serious misconduct."), self.start))
        note = t("Pas de création nette d'emploi à l'engagement : justifiez que le poste a été libéré par départ "
                 "volontaire, incapacité permanente, pension, réduction volontaire du temps de travail ou licenciement "
                 "pour faute grave (le classeur ne donne pas le motif de sortie) ; non réclamable en l'état.",
                 "No net increase in employment at hiring: show that the post was vacated by voluntary departure, "
                 "permanent incapacity, retirement, voluntary reduction of working time or dismissal for serious "
                 "misconduct (the workbook does not give exit reasons); not claimable as is.")
        return _NetIncrease(False, basis, reasons, note)

    def maintained_note(self) -> Text:
        since = self.start.value.isoformat()
        return t(f"Subvention TD/TGD (engagements depuis le {since}) : le maintien de l'effectif des travailleurs "
                 "subventionnés n'est pas vérifié (un classeur ne couvre pas les années suivantes).",
                 f"TD/TGD subsidy (hires since {since}): maintaining the headcount of subsidised workers is not "
                 "checked (a workbook does not cover the following years).")


def _two_figures(x: Decimal, y: Decimal) -> tuple[str, str, str, str]:
    """Two FTE figures to the hundredth (half up, as ``number_text``), or to four places when the
    hundredths would look equal: (x fr, y fr, x en, y en)."""
    places = 4 if shown_beside(x, None) == shown_beside(y, None) and x != y else 2
    a, b = shown_beside(x, None, places), shown_beside(y, None, places)
    return decimal_text(a), decimal_text(b), decimal_text(a, "en"), decimal_text(b, "en")


def _window(hire: date, months: int) -> Period:
    """The TD/TGD window: [hire, hire + ``months`` months − 1 day] (D1)."""
    return Period(hire, anniversary(hire, months) - timedelta(days=1))


def _window_meets_claim(run: _Run, worker: Worker, months: int) -> bool:
    """Some day of the claim, employed, falls in the worker's window of ``months`` months from ``since``
    (``_Run.since``)."""
    overlap = _window(run.since(worker), months).intersection(run.claim)
    return overlap is not None and overlap.intersection(worker.employment) is not None


def _tgd_not_checked(run: _Run, worker: Worker, missing: tuple[str, ...],
                     tgd: tuple[Value, Value, int, Decimal, tuple[Reason, ...]]) -> None:
    """A TD whose TGD criterion cannot be checked (its data missing): the lines are computed as TD — what
    is certain —, and the part a TGD would add (a longer window, a higher cap) is unknown, not silently
    nothing: an ``unknown`` entry when the claim meets that longer window (rules.md §9 Q12)."""
    cap, _, window_length, _, _ = tgd
    if not _window_meets_claim(run, worker, window_length):
        return
    run.unknown.append(UnknownSubsidy.citing("target_worker", worker.worker_id, t(
        f"TGD non vérifiable (renseignez {', '.join(missing)}) : montant calculé comme TD ; TGD, la subvention "
        f"irait jusqu'à {window_length} mois et {euro_text(cap.number)} par temps plein.",
        f"TGD cannot be checked (fill in {', '.join(missing)}): amount computed as TD; as a TGD, the subsidy "
        f"would run up to {window_length} months and {euro_text(cap.number, 'en')} per full-time worker."),
        tuple(missing), cap))


def _target_worker_parameters(run: _Run, category: str, share: Value, rate: Value
                              ) -> tuple[Value, Value, int, Decimal, tuple[Reason, ...]]:
    """TD or TGD: (cap, window months, window length, cap per month of the window, the reasons of
    every line of the category)."""
    suffix = category.lower()
    cap = run.value(f"subsidy.target_worker.cap_{suffix}")
    window_months = run.value(f"subsidy.target_worker.window_months_{suffix}")
    reasons = (
        because(t(f"{category} : plafond {euro_text(cap.number)} par temps plein sur {window_months.number} mois "
                  "à partir de l'engagement.",
                  f"{category}: cap {euro_text(cap.number, 'en')} per full-time worker over {window_months.number} "
                  "months from hiring."), cap),
        because(t(f"Au plus {share_text(share.number)} du coût salarial du mois.",
                  f"At most {share_text(share.number, 'en')} of the month's wage cost."), share),
        because(t("Coût salarial : montant total effectivement à charge de l'entreprise, selon les comptes individuels "
                  "(Paie.cout_salarial).",
                  "Wage cost: the total amount actually borne by the enterprise, per the individual accounts "
                  "(Paie.cout_salarial)."), run.value("subsidy.target_worker.wage_cost_definition")),
        because(t("Montant périodique non publié (calculé à partir des plafonds publiés).",
                  "Periodic amount not published (computed from the published caps)."), rate))
    return cap, window_months, int(window_months.number), cap.number / window_months.number, reasons


def _status_unknown(run: _Run, worker: Worker, reason: Text) -> UnknownSubsidy:
    """A target worker's subsidy not computed for want of their status: the columns missing, and the
    target-public definition the status is assessed under (``eligibility.definition`` on the worker's
    assessment day: its article, URL and confidence, as every other entry cites its parameter)."""
    status = run.report.by_id[worker.worker_id]
    if status.definition is None:
        return UnknownSubsidy("target_worker", worker.worker_id, reason, tuple(status.missing))
    return UnknownSubsidy.citing("target_worker", worker.worker_id, reason, tuple(status.missing), status.definition)


def _degressive_lines(run: _Run, amounts_key: str) -> None:
    """Per target worker, by year of occupation, per full-time worker (2003 art. / Brussels seed, D2)."""
    amounts = run.value(amounts_key)
    table = _table(amounts, "occupation_year")
    for worker in run.contract_workers():
        target = run.is_target(worker)
        if target is False or run.claim is None or not worker.employed_in(run.claim):
            continue
        claim = run.claim.intersection(worker.employment)
        # Only the occupation years of the table give an amount (nothing from the 5th year).
        # The occupation years of the person's stretch of employment: from its first hire (``_Run.hire_of``).
        due = [(n, occ_year, part) for n, occ_year, part in segments(run.since(worker), claim) if n in table]
        if target is None:
            # Unknown status: said only while some occupation year of the table meets the claim (Q12).
            if due:
                run.unknown.append(_status_unknown(run, worker, t(
                    "Statut public cible indéterminé (données manquantes) : subvention non calculée.",
                    "Target-public status unknown (data missing): subsidy not computed.")))
            continue
        # The same person hired before under another id: their occupation years do not start again.
        hire = run.hire_of(worker, amounts) if due else None
        for n, occ_year, part in due:
            annual = Decimal(table[n]["amount"])
            fd, fallbacks = fte_days(run.enterprise, worker, part)
            amount = annual * fd / occ_year.days
            notes = [_fallback_note(fallbacks)] if fallbacks else []
            partial = part != occ_year
            if partial:
                notes.append(PARTIAL_NOTE)
            basis = {"occupation_year": n, "occupation_year_start": occ_year.start,
                     "occupation_year_end": occ_year.end, "start": part.start, "end": part.end,
                     "days": part.days, "year_days": occ_year.days, "fte_days": four_places(fd),
                     "fte": four_places(fd / part.days), "rate": annual}
            reasons = (because(t(
                f"Année d'occupation {n} : {euro_text(annual)} par an pour un temps plein, au prorata des jours "
                "et de l'etp.",
                f"Occupation year {n}: {euro_text(annual, 'en')} a year full-time, pro rata of days and etp."), amounts),)
            basis.update(hire.basis)
            notes[:0] = hire.notes
            run.add("target_worker", worker.worker_id, basis, amount, [amounts], notes=notes,
                    extra_confidence=["inferred"] if partial else [], reasons=(*reasons, *hire.reasons),
                    claimable=hire.claimable)


def _months_add_up(months: list[dict], total: Decimal) -> None:
    """The line is rounded to the cent once (Q4); each month shown to the cent too: the last month with an
    amount carries the rounding remainder, so that the months (claim workbook « Mois », JSON
    ``basis.months``) add up to the line (10 × 1 472,645 = 14 726,45 €, not 10 × 1 472,65 = 14 726,50)."""
    shown = [m for m in months if m.get("amount") is not None]
    if shown:
        shown[-1]["amount"] += total - sum((m["amount"] for m in shown), ZERO)


def _target_worker_degressive(run: _Run) -> None:
    _degressive_lines(run, "subsidy.target_worker.amounts")


def _targets_by_status(run: _Run) -> tuple[list[Worker], list[Worker]]:
    """(the target workers, the workers whose status is unknown) under contract."""
    workers = run.contract_workers()
    status = [run.is_target(w) for w in workers]
    return [w for w, s in zip(workers, status) if s is True], [w for w, s in zip(workers, status) if s is None]


def _targets_split(run: _Run, period: Period) -> tuple[Decimal, Decimal]:
    """(average heads of target workers, of workers whose status is unknown) over ``period``."""
    known, unknown = _targets_by_status(run)
    return average_persons(run.enterprise, known, period), average_persons(run.enterprise, unknown, period)


def _heads_shown(heads: Decimal, thresholds) -> tuple[Decimal, Decimal | None]:
    """(an average head count as printed and in ``basis.target_workers``, the threshold it is printed beside):
    to the hundredth, or to 4 places away from the nearest of ``thresholds`` (a bracket's, a tranche's) when
    the hundredth would read as it (``shown_beside``: 7,997 TD/TGD is not « 8,00 … moins de 8, aucun
    palier »). The bracket and the tranches compare ``heads`` itself."""
    limit = min(thresholds, key=lambda x: abs(heads - x), default=None)
    return shown_beside(heads, limit).normalize(), limit


def _bracket(brackets: tuple, n: Decimal) -> dict | None:
    chosen = None
    for b in sorted(brackets, key=lambda b: b["min_target_workers"]):
        if n >= b["min_target_workers"]:
            chosen = b
    return chosen


def _staffed_bracket(brackets: tuple, reached: dict | None, accompanier_fte: Decimal) -> dict | None:
    """The highest bracket up to ``reached`` (the one the TD/TGD count reaches) whose minimum subsidisable
    accompanier staffing (``min_accompanier_fte``, none: 0) ``accompanier_fte`` meets (rules.md §3.6)."""
    if reached is None:
        return None
    chosen = None
    for b in sorted(brackets, key=lambda b: b["min_target_workers"]):
        if b["min_target_workers"] > reached["min_target_workers"]:
            break
        if accompanier_fte >= b.get("min_accompanier_fte", ZERO):
            chosen = b
    return chosen


def _agrement_segments(run: _Run) -> list[tuple[int, Period, Period]]:
    return segments(run.enterprise.agrement_date, run.claim) if run.claim else []


def _staff_cost(run: _Run, staff: Function, period: Period) -> tuple[Decimal, Decimal, list[Month]]:
    """(wage cost of the ``staff`` workers — the accompaniers, the managers — in ``period`` pro rata of days,
    their FTE-days, months lacking cost)."""
    cost, fd_total, missing = ZERO, ZERO, []
    for w in run.contract_workers():
        if w.function != staff:
            continue
        inside = w.employment.intersection(period)
        if inside is None:
            continue
        fd, _ = fte_days(run.enterprise, w, inside)
        fd_total += fd
        pays = run.enterprise.pay_by_worker_month.get(w.worker_id, NO_PAY)
        hired, left = w.hire_date, w.exit_date or date.max
        for month in inside.months():
            first, last = month.first_day, month.last_day
            pay = pays.get(month.number)
            if pay is None or pay.wage_cost is None:
                missing.append(month)
                continue
            part_days = days_between(max(inside.start, first), min(inside.end, last))  # inside ∩ month
            employed_days = days_between(max(hired, first), min(left, last))          # employment ∩ month
            cost += pay.wage_cost * part_days / employed_days
    return cost, fd_total, missing


def _post_fte(run: _Run, staff: Function, window: Period) -> tuple[Decimal, int]:
    """(the ``staff`` workers' contractual etp — ``Personnel.etp``, the post they hold, a person's concurrent
    contracts summed, at most one full-time a day (``contract_fte_days``) — averaged over the days of ``window``
    on which one of them at least is under contract, those days): the staffing a SIEG bracket's minimum is
    judged on (rules.md §3.6, docs/interpretations.md « Minimum accompanier staffing »). Neither a paid etp
    lowered by an absence nor a vacancy between two of them shrinks the post; nobody under contract on any day
    of ``window``: (0, 0)."""
    workers = [w for w in run.contract_workers() if w.function == staff and w.employed_in(window)]
    fd, staffed = contract_fte_days(run.enterprise, workers, window)
    if not staffed:
        return ZERO, 0
    return denoised(fd / staffed), staffed


def _post_text(post_fte: Decimal, post_days: int, window: Period, beside) -> Text:
    """The accompaniers' post as a SIEG bracket's minimum is judged on it (``_post_fte``): « 0,50 ETP en moyenne
    selon l'etp contractuel (feuille Personnel), sur les 364 jours où un accompagnateur au moins est sous contrat
    (…) », to more places ``beside`` a minimum it would read as (``number_text``)."""
    span = f"{window.start.isoformat()} – {window.end.isoformat()}"
    if not post_days:
        return t(f"aucun accompagnateur sous contrat ({span})", f"no accompanier under contract ({span})")
    days = plural(post_days, "jour", "day")
    return t(f"{number_text(post_fte, beside=beside)} ETP en moyenne selon l'etp contractuel (feuille Personnel), "
             f"sur les {days.fr} où un accompagnateur au moins est sous contrat ({span})",
             f"{number_text(post_fte, 'en', beside)} FTE on average by the contractual fte (Personnel sheet), over "
             f"the {days.en} on which at least one accompanier is under contract ({span})")


# A subsidy meant for some staff (the manager's pay, the encadrement's wages, the Brussels social accompaniment) has
# nothing to cover when none of that staff is employed: the days of the post count (``_days_held``), none here, so
# the part's amount is 0 (docs/interpretations.md, « A post held on some days »). The Walloon SIEG line says so too,
# per calendar part: it covers the accompaniers' wage cost, none in the part, so the part's amount is 0
# (``_social_accompaniment_brackets``).
_NOTHING_TO_COVER = {
    Function.MANAGEMENT: t("Aucun travailleur « direction » occupé : rien à couvrir.",
                           "No “direction” worker employed: nothing to cover."),
    Function.SUPERVISION: t("Aucun travailleur « encadrement » occupé : rien à couvrir.",
                            "No “encadrement” worker employed: nothing to cover."),
    Function.SOCIAL_ACCOMPANIMENT: t("Aucun accompagnateur social occupé : rien à couvrir.",
                                     "No social accompanier employed: nothing to cover."),
}


def _employs(run: _Run, staff: Function, part: Period) -> bool:
    """Some worker under contract with function ``staff`` is employed on a day of ``part``."""
    return any(w.function == staff and w.employed_in(part) for w in run.contract_workers())


def _days_held(run: _Run, staff: tuple[Function, ...], part: Period) -> list[bool]:
    """For each day of ``part`` (index 0: its first day), whether a worker under contract with one of the
    functions ``staff`` is employed then (``Personnel`` dates): the days a subsidy meant for that post pays — the
    2003 manager subsidy, the Brussels 2004 supervision and accompaniment lines, each day the annual amount ÷ days
    of the agrément year (``subsidy.post_days``). One day of the post earns a day's share, none nothing: no cliff
    (docs/interpretations.md, « A post held on some days »)."""
    workers = [w for w in run.contract_workers() if w.function in staff and w.employed_in(part)]
    return [heads > 0 for heads in persons_by_day(run.enterprise, workers, part)]


def _held_reason(staff: tuple[Function, ...], held: int, part: Period, value: Value, formula: Text = t("", "")
                 ) -> Reason:
    """Why a line meant for a post counts ``held`` days of ``part`` (``_days_held`` of ``staff``): « Poste
    « direction » occupé 1 jour sur les 306 de la partie (du … au …) : un travailleur de cette fonction sous
    contrat ; seuls ces jours comptent : 13 500,00 € × 1 ÷ 366 = 36,89 €. » (``formula``), citing the reading
    ``value`` (``subsidy.post_days``)."""
    days = plural(held, "jour", "day")
    span_fr = f"du {part.start.isoformat()} au {part.end.isoformat()}"
    span_en = f"from {part.start.isoformat()} to {part.end.isoformat()}"
    named_fr = " ou ".join(f"« {f} »" for f in staff)
    named_en = " or ".join(f"“{f}”" for f in staff)
    return because(t(f"Poste {named_fr} occupé {days.fr} sur les {part.days} de la partie ({span_fr}) : un "
                     f"travailleur de cette fonction sous contrat ; seuls ces jours comptent{formula.fr}.",
                     f"{named_en} post held on {days.en} of the part's {part.days} ({span_en}): a worker of that "
                     f"function under contract; only those days count{formula.en}."), value)


def _nothing_to_cover(run: _Run, staff: Function, part: Period, value: Value,
                      outcome: Text | None = None) -> tuple[Text, Reason] | None:
    """(note, reason citing ``value``) when no worker under contract with function ``staff`` is employed in
    ``part``, the subsidy being meant for that staff; None when one is. ``outcome`` ends the reason (default:
    nothing for the part, no day of the post being held: ``_days_held``)."""
    if _employs(run, staff, part):
        return None
    span_fr = f"du {part.start.isoformat()} au {part.end.isoformat()}"
    span_en = f"from {part.start.isoformat()} to {part.end.isoformat()}"
    outcome = outcome or t(f"aucun jour du poste : {euro_text(ZERO)} pour cette partie",
                           f"no day of the post: {euro_text(ZERO, 'en')} for this part")
    return _NOTHING_TO_COVER[staff], because(t(
        f"Subvention destinée au personnel « {staff} » : aucun travailleur de cette fonction sous contrat "
        f"{span_fr} ; {outcome.fr}.",
        f"Subsidy meant for “{staff}” staff: no worker of that function under contract {span_en}; {outcome.en}."),
        value)


def _bracket_window(agr_year: Period, part: Period, paid: date | None) -> Period:
    """The days over which the bracket's TD/TGD are averaged (Q8: annual average over the agrément year):
    the whole agrément year, even when the claim covers only part of it; an agrément year not finished
    by the last ``Paie`` month is averaged from its start to the end of that month (at least to the end
    of the claimed part), the amount being provisional (``_social_accompaniment_brackets``) — never past the
    current month (``paid``, ``paid_to``): a payroll entered ahead pays months not begun."""
    known = max(part.end, paid) if paid is not None else part.end
    return Period(agr_year.start, min(agr_year.end, known))


def _has_pay_in(enterprise: Enterprise, period: Period) -> bool:
    """Some ``Paie`` row falls in a month of ``period``."""
    first, last = Month.of(period.start).number, Month.of(period.end).number
    return any(first <= p.month.number <= last for p in enterprise.pay)


def _social_accompaniment_brackets(run: _Run) -> None:
    """Wallonia 2016 SIEG subsidy: bracket by the average heads of TD/TGD over the agrément year (Q8) ×
    index factor (D5), pro rata of the agrément year; capped by the accompaniers' wage cost + operating
    costs over the same days as the bracket (the agrément year) when that cost is known, the claimed part
    taking its share of that ceiling by the accompaniers' FTE-days. A bracket whose minimum subsidisable accompanier
    staffing (§3.6: one half-time, then two half-times from 45 TD/TGD) is not met by the accompaniers' post —
    their contractual etp averaged over the days of the TD/TGD count on which one of them is under contract
    (``_post_fte``) — falls to the highest bracket it meets. A calendar part in which no accompanier is
    employed gets nothing (nothing to cover)."""
    brackets = run.value("subsidy.social_accompaniment.brackets")
    ops = run.value("subsidy.social_accompaniment.operating_costs_share")
    counting = run.regime.value_or_none("subsidy.social_accompaniment.counting", (run.claim or run.period).start)
    ceiling_period = run.regime.value_or_none("subsidy.social_accompaniment.ceiling_period",
                                              (run.claim or run.period).start)
    paid = paid_to(run.enterprise)
    known = pay_known_text(run.enterprise)
    known_fr, known_en = known.fr, known.en
    # The year in progress (``data_horizon``, the horizon of every payroll-based amount): the days after it are
    # to come, as the TD/TGD months are — a part is claimed up to it, on the cost known, and the rest waits in an
    # ``unknown`` entry. Without the cut, the bracket amount of the whole part was claimable with its ceiling
    # « non vérifié » while the months already paid showed it binding.
    horizon = data_horizon(run.enterprise, run.claim) if run.claim is not None else None
    # Payroll expected (an accompanier employed, per Personnel: without one the line has nothing to cover and
    # is complete at 0) but none for the claimed days (in the year in progress, unless every claimed day is
    # still to come: the entries below say so).
    if run.claim and not _has_pay_in(run.enterprise, run.claim) and not (
            horizon is not None and horizon < run.claim.start) and _employs(
            run, Function.SOCIAL_ACCOMPANIMENT, run.claim):
        run.unknown.append(UnknownSubsidy.citing("social_accompaniment", None, t(
            f"Aucune ligne de paie du {run.claim.start.isoformat()} au {run.claim.end.isoformat()} ({known_fr}) : "
            "palier compté sur les seules dates de Personnel ; sans le coût salarial des accompagnateurs, le "
            "montant n'est qu'un plafond, non réclamable en l'état : complétez la paie de l'année.",
            f"No payroll row from {run.claim.start.isoformat()} to {run.claim.end.isoformat()} ({known_en}): "
            "bracket counted on the Personnel dates alone; without the accompaniers' wage cost the amount is "
            "only a ceiling, not claimable as is: complete the year's payroll."), (), brackets))
    for n, agr_year, part in _agrement_segments(run):
        to_come = None
        if horizon is not None and part.end > horizon:
            to_come = Period(max(part.start, horizon + timedelta(days=1)), part.end)
            # Said while someone under contract is employed then (per Personnel), as the TD/TGD months are.
            if any(w.employed_in(to_come) for w in run.contract_workers()):
                said = horizon_text(run.enterprise, horizon, run.claim)
                run.unknown.append(UnknownSubsidy.citing("social_accompaniment", None, t(
                    f"Année d'agrément {n}, du {to_come.start.isoformat()} au {to_come.end.isoformat()} : après le "
                    f"{said.fr}, à calculer avec la paie de ces mois (palier et plafond de l'année d'agrément).",
                    f"Agrément year {n}, from {to_come.start.isoformat()} to {to_come.end.isoformat()}: after "
                    f"{said.en}, to compute with those months' payroll (the agrément year's bracket and ceiling)."),
                    (), brackets))
            if part.start > horizon:
                continue
            part = Period(part.start, horizon)
        index = run.value("subsidy.social_accompaniment.index_factor", part.start)
        factor = ONE if index.is_unknown else index.number
        window = _bracket_window(agr_year, part, paid)
        # Provisional until the payroll reaches the end of the agrément year: the bracket's average may
        # still change (the window runs at least to the end of the claimed part, known or not).
        provisional = paid is None or paid < agr_year.end
        heads, unknown_heads = _targets_split(run, window)
        # The accompaniers' wage cost and paid FTE-days over the bracket's days (their paid mean FTE: the
        # ceiling's, which covers the cost paid).
        cost, window_fd, missing = _staff_cost(run, Function.SOCIAL_ACCOMPANIMENT, window)
        # The staffing the brackets' minima are judged on: the accompaniers' post, their contractual etp over
        # the same days when one of them is under contract — a sick week, an unpaid month or a day's vacancy
        # between two accompaniers is no loss of the bracket (docs/interpretations.md).
        post_fte, post_days = _post_fte(run, Function.SOCIAL_ACCOMPANIMENT, window)
        reached = _bracket(brackets.value, heads)
        chosen = _staffed_bracket(brackets.value, reached, post_fte)
        chosen_hi = _staffed_bracket(brackets.value, _bracket(brackets.value, heads + unknown_heads), post_fte)
        base = Decimal(chosen["amount"]) if chosen else ZERO
        fraction = Decimal(part.days) / agr_year.days
        amount = base * factor * fraction
        notes, claimable = [], True
        # No accompanier employed in the part: the subsidy covers the accompaniers' wage cost (+ operating
        # costs), none there, so the part gets nothing, whatever the agrément year's ceiling leaves to its
        # other part (as the part's own cost gave before that ceiling; as Brussels says of its line).
        nobody = _nothing_to_cover(run, Function.SOCIAL_ACCOMPANIMENT, part, brackets, t(
            f"la subvention couvre leur coût salarial et les frais de fonctionnement : {euro_text(ZERO)} pour "
            "cette partie",
            f"the subsidy covers their wage cost and operating costs: {euro_text(ZERO, 'en')} for this part"))
        if index.is_unknown:
            notes.append(t("Coefficient d'indexation inconnu : montant de base (facteur 1,0).",
                           "Index factor unknown: base amount (factor 1.0)."))
        if chosen is not chosen_hi and nobody is None:
            claimable = False
            notes.append(t("Statut de certains travailleurs indéterminé : la tranche pourrait être plus élevée.",
                           "Some workers' status is unknown: the bracket could be higher."))
        understaffed = None
        if reached is not chosen:
            need = reached.get("min_accompanier_fte", ZERO)
            lower_fr = f"palier ≥ {chosen['min_target_workers']} retenu" if chosen else "aucun palier"
            lower_en = f"bracket ≥ {chosen['min_target_workers']} applied" if chosen else "no bracket"
            post = _post_text(post_fte, post_days, window, need)
            understaffed = t(
                f"Palier ≥ {reached['min_target_workers']} atteint par les TD/TGD, mais accompagnement social : "
                f"{post.fr}, sous le minimum subventionnable de {number_text(need)} ETP de ce palier : {lower_fr}.",
                f"Bracket ≥ {reached['min_target_workers']} reached by the TD/TGD, but social accompaniment: "
                f"{post.en}, below that bracket's subsidisable minimum of {number_text(need, 'en')} FTE: {lower_en}.")
            notes.append(understaffed)
        # The ceiling is the agrément year's, as the bracket is: the accompaniers' wage cost over the same
        # days as the TD/TGD count (the whole agrément year once the payroll covers it) + operating costs,
        # shared between the calendar parts in proportion to the accompaniment each holds (the accompaniers'
        # FTE-days), so the parts' ceilings add up to the year's wherever in the year the cost falls (a
        # December bonus: capping each part by its own cost lost the difference at the seam), a part without
        # any accompaniment gets none, and a part with one day of it one day's share — no cliff
        # (docs/interpretations.md).
        part_cost, part_fd, part_missing = _staff_cost(run, Function.SOCIAL_ACCOMPANIMENT, part)
        acc_fte = part_fd / part.days
        max_fte = Decimal(chosen["max_accompanier_fte"]) if chosen and "max_accompanier_fte" in chosen else None
        ceiling = ceiling_total = None
        # The ceiling is computed from the figures its reason prints, each step giving the next to the cent: the
        # cost and each amount to the cent, the mean FTE and the FTE-days to 4 places (the JSON's
        # ``accompanier_fte_year``, ``accompanier_fte_days``, ``ceiling_fte_days``). The reason used to leave out
        # the factor maximum ÷ mean FTE, which no printed figure gave (the worked example: docs/interpretations.md,
        # « The SIEG ceiling is computed from the figures… »).
        # The accompaniers' paid mean FTE (the ceiling's, not the staffing's: ``post_fte``).
        year_fte = four_places(window_fd / window.days)
        part_fd4, window_fd4 = four_places(part_fd), four_places(window_fd)
        # Limited to the maximum (the cost × maximum ÷ mean FTE, printed) on the mean FTE printed, 4 places: an
        # unrounded mean just over the maximum, printed equal to it, said « limité » beside a cost left whole.
        limited = max_fte is not None and year_fte > max_fte
        eligible_cost = None
        if chosen and not missing and nobody is None:
            # Only the subsidisable accompanier time (the bracket's maximum FTE) counts in the ceiling.
            eligible_cost = money(money(cost) * max_fte / year_fte) if limited else money(cost)
            ceiling_total = money(eligible_cost * (ONE + ops.number))
            ceiling = ceiling_total * part_fd4 / window_fd4 if window_fd4 else ZERO
            if ceiling < amount:
                notes.append(t("Plafonné au coût salarial des accompagnateurs + frais de fonctionnement.",
                               "Capped at the accompaniers' wage cost + operating costs."))
                amount = ceiling
        # Every month of the ceiling's days is due, one rule for both calendar parts of an agrément year: a
        # month falls on or before the horizon (the year in progress) or the claim's end (a closed year, whose
        # payroll stopping early has its data missing, ``data_horizon``), or else within the payroll — the
        # window runs past the claimed part only as far as the last Paie month (``_bracket_window``). A month
        # without its cost is missing, as for a TD/TGD line. Before, a closed year's months after the last Paie
        # month were « plafond non vérifié » and claimable, so the same agrément year with the same payroll was
        # claimable in one calendar part and not in the other (docs/interpretations.md).
        if nobody is not None:
            amount = ceiling = ZERO
            notes.append(nobody[0])
        elif chosen and missing:
            # The subsidy covers the accompaniers' wage cost + operating costs (rules.md §3.6): without that
            # cost, in a month the payroll covers, the bracket amount is only an upper bound — not claimable
            # as is (missing → unknown, Q12, as D1 says of the TD/TGD line).
            claimable = False
            months = sorted(set(missing), key=lambda m: m.number)
            listed = ", ".join(str(m) for m in months)
            said = t(f"Année d'agrément {n} : coût salarial des accompagnateurs (cout_salarial, feuille Paie) "
                     f"inconnu pour {listed} : la subvention couvre ce coût et les frais de fonctionnement, le "
                     "montant n'en est que le plafond ; non réclamable en l'état.",
                     f"Agrément year {n}: accompaniers' wage cost (cout_salarial, Paie sheet) unknown for "
                     f"{listed}: the subsidy covers that cost and operating costs, the amount is only its "
                     "ceiling; not claimable as is.")
            notes.append(said)
            run.unknown.append(UnknownSubsidy.citing("social_accompaniment", None, said, ("cout_salarial",),
                                                     brackets))
        if part != agr_year:
            notes.append(AGREMENT_PART_NOTE)
        if provisional:
            # The payroll may end before the claimed part: the average then still runs to the part's end.
            notes.append(t(f"Année d'agrément {n} pas entièrement couverte par la paie ({known_fr}) : moyenne des "
                           f"TD/TGD du {window.start.isoformat()} au {window.end.isoformat()}, montant provisoire à "
                           f"recalculer quand la paie atteindra la fin de l'année d'agrément "
                           f"({agr_year.end.isoformat()}).",
                           f"Agrément year {n} not wholly covered by the payroll ({known_en}): TD/TGD averaged from "
                           f"{window.start.isoformat()} to {window.end.isoformat()}, provisional amount to recompute "
                           f"once the payroll reaches the end of the agrément year ({agr_year.end.isoformat()})."))
        if to_come is not None:
            said = horizon_text(run.enterprise, horizon, run.claim)
            notes.append(t(f"Partie réclamée jusqu'au {said.fr}, au plus le coût connu + frais de fonctionnement ; du "
                           f"{to_come.start.isoformat()} au {to_come.end.isoformat()}, à calculer avec la paie de ces "
                           "mois.",
                           f"Part claimed up to {said.en}, at most the known cost + operating costs; from "
                           f"{to_come.start.isoformat()} to {to_come.end.isoformat()}, to compute with those months' "
                           "payroll."))
        heads_shown, heads_limit = _heads_shown(heads, [Decimal(b["min_target_workers"]) for b in brackets.value])
        basis = {"agrement_year": n, "agrement_year_start": agr_year.start, "agrement_year_end": agr_year.end,
                 "start": part.start, "end": part.end, "days": part.days, "year_days": agr_year.days,
                 "target_workers": heads_shown, "target_workers_start": window.start,
                 "target_workers_end": window.end, "provisional": provisional,
                 "bracket_min": chosen["min_target_workers"] if chosen else None,
                 "bracket_min_by_target_workers": reached["min_target_workers"] if reached else None,
                 "accompanier_fte_year": year_fte,
                 "min_accompanier_fte": chosen.get("min_accompanier_fte") if chosen else None,
                 "rate": base, "index_factor": factor, "accompanier_fte": four_places(acc_fte),
                 "max_accompanier_fte": max_fte,
                 "accompanier_wage_cost": money(part_cost) if not part_missing else None,
                 "operating_costs_share": ops.number, "ceiling": money(ceiling) if ceiling is not None else None,
                 "ceiling_start": window.start, "ceiling_end": window.end,
                 "ceiling_wage_cost": money(cost) if not missing else None,
                 "ceiling_total": ceiling_total,
                 # The share of the ceiling: basis.ceiling = ceiling_total × these FTE-days of the part ÷ those
                 # of the ceiling's days, to the 4 places the share is computed on.
                 "accompanier_fte_days": part_fd4, "ceiling_fte_days": window_fd4,
                 # The staffing the bracket's minimum is judged on (``accompanier_fte_year`` stays the paid mean
                 # the ceiling is limited on): contractual etp over the days of ``target_workers_start`` …
                 # ``_end`` with an accompanier under contract, and those days.
                 "accompanier_post_fte": four_places(post_fte), "accompanier_post_days": post_days}
        first = min((b["min_target_workers"] for b in brackets.value), default=0)
        over_fr = (f"sur l'année d'agrément {n} ({window.start.isoformat()} – {window.end.isoformat()}"
                   + (f", {known_fr}" if provisional else "") + ")")
        over_en = (f"over agrément year {n} ({window.start.isoformat()} – {window.end.isoformat()}"
                   + (f", {known_en}" if provisional else "") + ")")
        reason = t(f"{number_text(heads, beside=heads_limit)} TD/TGD en moyenne annuelle {over_fr} (têtes, Σ jours occupés ÷ jours), "
                   f"même pour la seule partie {part.start.isoformat()} – {part.end.isoformat()} réclamée : "
                   + (f"palier ≥ {chosen['min_target_workers']}, {euro_text(base)} par an, × {part.days} / "
                      f"{agr_year.days} jours." if chosen else f"moins de {first}, aucun palier."),
                   f"{number_text(heads, 'en', heads_limit)} TD/TGD as the annual average {over_en} (heads, Σ days employed ÷ days"
                   f"), even for the claimed part {part.start.isoformat()} – {part.end.isoformat()} alone: "
                   + (f"bracket ≥ {chosen['min_target_workers']}, {euro_text(base, 'en')} a year, × {part.days} / "
                      f"{agr_year.days} days." if chosen else f"fewer than {first}, no bracket."))
        staff_min = chosen.get("min_accompanier_fte") if chosen else None
        post = _post_text(post_fte, post_days, window, staff_min)
        staffing = understaffed or t(
            f"Accompagnement social : {post.fr}" + (f", minimum subventionnable du palier {number_text(staff_min)} "
                                                   "ETP atteint." if staff_min is not None else "."),
            f"Social accompaniment: {post.en}" + (f", the bracket's subsidisable minimum of "
                                                  f"{number_text(staff_min, 'en')} FTE met."
                                                  if staff_min is not None else "."))
        ceiling_text = t(f"Plafond : coût salarial + {share_text(ops.number)}.",
                         f"Ceiling: wage cost + {share_text(ops.number, 'en')}.")
        if ceiling_total is not None and nobody is None:
            days_fr = f"du {window.start.isoformat()} au {window.end.isoformat()}"
            days_en = f"from {window.start.isoformat()} to {window.end.isoformat()}"
            # The subsidisable share of the cost as computed: × maximum ÷ the mean FTE, to the places used.
            times_fr = (f" × {number_text(max_fte)} / {basis_figure(year_fte, 'fr')} ETP = {euro_text(eligible_cost)}"
                        if limited else "")
            times_en = (f" × {number_text(max_fte, 'en')} / {basis_figure(year_fte, 'en')} FTE = "
                        f"{euro_text(eligible_cost, 'en')}" if limited else "")
            sub_fr = f"{times_fr}, limité à {number_text(max_fte)} ETP subventionnable" if limited else ""
            sub_en = f"{times_en}, limited to the subsidisable {number_text(max_fte, 'en')} FTE" if limited else ""
            share_fr = (f", au prorata de l'accompagnement de la partie : × {basis_figure(part_fd4, 'fr')} / "
                        f"{basis_figure(window_fd4, 'fr')} ETP-jours = {euro_text(ceiling)}" if part != window else "")
            share_en = (f", pro rata of the part's accompaniment: × {basis_figure(part_fd4, 'en')} / "
                        f"{basis_figure(window_fd4, 'en')} FTE-days = {euro_text(ceiling, 'en')}"
                        if part != window else "")
            ceiling_text = t(f"Plafond : coût salarial des accompagnateurs {days_fr} ({euro_text(cost)}{sub_fr}) + "
                             f"{share_text(ops.number)} = {euro_text(ceiling_total)}{share_fr}.",
                             f"Ceiling: accompaniers' wage cost {days_en} ({euro_text(cost, 'en')}{sub_en}) + "
                             f"{share_text(ops.number, 'en')} = {euro_text(ceiling_total, 'en')}{share_en}.")
        ceiling_reading = t("Plafond apprécié sur l'année d'agrément (les jours du palier) et réparti entre ses parties "
                            "au prorata de l'accompagnement qu'elles comptent (ETP-jours des accompagnateurs).",
                            "Ceiling assessed over the agrément year (the bracket's days) and spread over its parts "
                            "pro rata of the accompaniment they hold (the accompaniers' FTE-days).")
        run.add("social_accompaniment", None, basis, amount, [brackets, index, ops], claimable=claimable,
                notes=notes, reasons=(because(reason, brackets), because(staffing, brackets),
                                      because(t("Comptage des TD/TGD pour le palier : têtes, moyenne annuelle de "
                                                "l'année d'agrément.",
                                                "TD/TGD counted for the bracket: heads, annual average of the "
                                                "agrément year."), counting),
                                      because(t(f"Indexation : facteur {decimal_text(factor)}.", f"Indexation: factor {factor}."),
                                              index),
                                      because(ceiling_text, ops), because(ceiling_reading, ceiling_period),
                                      *([nobody[1]] if nobody is not None else [])))


def _social_accompaniment_per_fte(run: _Run) -> None:
    """Wallonia 2003: amount per accompanier FTE-year (D3), one line per accompanier and agrément year."""
    per_fte = run.value("subsidy.social_accompaniment.amount_per_fte")
    brackets = run.value("subsidy.social_accompaniment.brackets")
    for n, agr_year, part in _agrement_segments(run):
        for w in run.contract_workers():
            if w.function != Function.SOCIAL_ACCOMPANIMENT:
                continue
            inside = w.employment.intersection(part)
            if inside is None:
                continue
            fd, fallbacks = fte_days(run.enterprise, w, inside)
            amount = per_fte.number * fd / agr_year.days
            notes = [t("Nombre d'accompagnateurs subventionnés selon les DEDP : paliers non trouvés ; un montant par ETP d'accompagnateur (lecture retenue par ei).",
                       "Number of subsidised accompaniers by DEDP count: brackets not found; an amount per accompanier FTE (the reading ei adopts).")]
            if fallbacks:
                notes.append(_fallback_note(fallbacks))
            basis = {"agrement_year": n, "agrement_year_start": agr_year.start, "agrement_year_end": agr_year.end,
                     "start": inside.start, "end": inside.end, "days": inside.days, "year_days": agr_year.days,
                     "fte_days": four_places(fd), "fte": four_places(fd / inside.days), "rate": per_fte.number}
            run.add("social_accompaniment", w.worker_id, basis, amount, [per_fte, brackets], notes=notes,
                    reasons=(because(t(f"{euro_text(per_fte.number)} par ETP d'accompagnateur et par an.",
                                       f"{euro_text(per_fte.number, 'en')} per accompanier FTE and year."), per_fte),
                             because(t("Paliers non trouvés.", "Brackets not found."), brackets)))


def _manager(run: _Run) -> None:
    """Wallonia 2003 manager start-up subsidy: amount of agrément year 1/2/3, nothing from year 4; each day of a
    part on which a ``direction`` worker is under contract earns the annual amount ÷ the agrément year's days
    (``_days_held``, ``subsidy.post_days``)."""
    amounts = run.value("subsidy.manager.amounts")
    post = run.value("subsidy.post_days")
    table = _table(amounts, "agrement_year")
    before = run.agrement_before_regime()
    for n, agr_year, part in _agrement_segments(run):
        if n not in table:
            continue
        annual = Decimal(table[n]["amount"])
        # The days of the part on which a manager is under contract, each the annual amount ÷ the agrément
        # year's days: one day of a manager earned the whole part, none nothing (a cliff).
        held = sum(_days_held(run, (Function.MANAGEMENT,), part))
        amount = annual * held / agr_year.days
        notes = [AGREMENT_PART_NOTE] if part != agr_year else []
        reasons = [because(t(f"Année d'agrément {n} : {euro_text(annual)} par an.",
                             f"Agrément year {n}: {euro_text(annual, 'en')} a year."), amounts)]
        nobody = _nothing_to_cover(run, Function.MANAGEMENT, part, post)
        if nobody is not None:
            notes.append(nobody[0])
            reasons.append(nobody[1])
        else:
            if held < part.days:
                reasons.append(_held_reason((Function.MANAGEMENT,), held, part, post, t(
                    f" : {euro_text(annual)} × {held} ÷ {agr_year.days} = {euro_text(money(amount))}",
                    f": {euro_text(annual, 'en')} × {held} ÷ {agr_year.days} = {euro_text(money(amount), 'en')}")))
            _above_manager_pay(run, part, money(amount), amounts, notes, reasons)
        if before is not None:
            notes.append(before[0])
            reasons.append(before[1])
        basis = {"agrement_year": n, "agrement_year_start": agr_year.start, "agrement_year_end": agr_year.end,
                 "start": part.start, "end": part.end, "days": part.days, "year_days": agr_year.days,
                 "rate": annual, "post_days": held}
        run.add("manager", None, basis, amount, [amounts], notes=notes,
                extra_confidence=["inferred"] if part != agr_year or held < part.days else [], reasons=reasons)


def _above_manager_pay(run: _Run, part: Period, amount: Decimal, amounts: Value, notes: list[Text],
                       reasons: list[Reason]) -> None:
    """Seed 003: the subsidy « couvre partiellement la rémunération du chef d'entreprise ». When ``amount``
    exceeds the managers' (``direction``) wage cost of ``part``, known for every month, a note and a reason say
    so; the amount is not reduced, no text caps it (docs/interpretations.md, « Subventions »)."""
    cost, _, missing = _staff_cost(run, Function.MANAGEMENT, part)
    if missing or amount <= cost:
        return
    span_fr = f"du {part.start.isoformat()} au {part.end.isoformat()}"
    span_en = f"from {part.start.isoformat()} to {part.end.isoformat()}"
    notes.append(t(f"La subvention couvre partiellement la rémunération du chef d'entreprise : {euro_text(amount)} "
                   f"dépassent le coût salarial enregistré des travailleurs « direction » {span_fr} "
                   f"({euro_text(money(cost))}, feuille Paie) ; montant non réduit, aucun texte ne le plafonne.",
                   f"The subsidy partly covers the manager's pay: {euro_text(amount, 'en')} exceed the wage cost "
                   f"recorded for the “direction” workers {span_en} ({euro_text(money(cost), 'en')}, Paie sheet); "
                   "amount not reduced, no text caps it."))
    reasons.append(because(t("Subvention destinée à couvrir partiellement la rémunération du chef d'entreprise : "
                             "aucun plafond publié (montant non réduit).",
                             "Subsidy meant to partly cover the manager's pay: no published cap (amount not "
                             "reduced)."), amounts))


def tranches(n: Decimal, threshold: Decimal, size: Decimal) -> int:
    """Started tranches of ``size`` target workers from the ``threshold``-th (Q9, reading R1).

    0 below the threshold, then floor((n − threshold) / size) + 1: for whole numbers this is
    ceil((n − 4) / 4) with threshold 5 and size 4 (rules.md §5.7 table), and it keeps the threshold
    meaning for an average (4,6 target workers on average have not reached the fifth).
    """
    if n < threshold:
        return 0
    return math.floor((n - threshold) / size) + 1


def _tranche_days(run: _Run, part: Period, threshold: Decimal, size: Decimal,
                  held: list[bool]) -> tuple[dict, bool, Decimal, int]:
    """Brussels 2004 tranches counted day by day (Q9, heads, started tranches): ({tranches: [days, fewest
    heads, most heads]} over the days of ``part`` on which the line's post is ``held`` (``_days_held``: the days
    that earn), whether such a day's tranches could be higher with the unknown statuses counted as target, the
    average heads over the part (for information), Σ days × their target and unknown heads)."""
    known, unknown = _targets_by_status(run)
    by_day, unsure_by_day = persons_by_day(run.enterprise, known, part), persons_by_day(run.enterprise, unknown, part)
    groups: dict[int, list[int]] = {}
    unsure = False
    for n, u, earns in zip(by_day, unsure_by_day, held):
        if not earns:
            continue
        k = tranches(Decimal(n), threshold, size)
        unsure = unsure or k != tranches(Decimal(n + u), threshold, size)
        g = groups.setdefault(k, [0, n, n])
        g[0], g[1], g[2] = g[0] + 1, min(g[1], n), max(g[2], n)
    # The average heads: the mean of the day counts already made (what ``average_persons`` computes again).
    return (dict(sorted(groups.items())), unsure, Decimal(sum(by_day)) / part.days, sum(by_day) + sum(unsure_by_day))


def tranche_days_text(basis: dict, lang: str = "fr", long: bool = False) -> str | None:
    """« 31 j. à 0 tranche (15 000,00 €/an), 335 j. à 1 tranche (22 500,00 €/an) »: the days at each tranche
    count of a Brussels line whose count changed within it (``basis.days_by_tranches``), each with its annual
    amount, so that the line's amount can be recomputed from its row — Σ annual amount × days ÷ ``year_days``
    (its ``tranches`` and ``rate`` are blank then); None when the count did not change. ``long``: the days
    written out (« 31 jours à 0 tranche … »), as the documents and the claim workbook say them; the short form
    is the terminal table's."""
    groups = basis.get("days_by_tranches") or []
    if len(groups) < 2:
        return None

    def days(n: int) -> Text:
        return plural(n, "jour", "day") if long else t(f"{n} j.", f"{n} d.")

    return ", ".join(t(f"{days(g['days']).fr} à {plural(g['tranches'], 'tranche', 'tranche').fr} "
                       f"({euro_text(g['rate'])}/an)",
                       f"{days(g['days']).en} at {plural(g['tranches'], 'tranche', 'tranche').en} "
                       f"({euro_text(g['rate'], 'en')}/yr)").get(lang) for g in groups)


def _post_holders(staff: Function) -> tuple[Function, ...]:
    """The functions whose contracts hold a Brussels tranche line's post (``_tranche_line``): its ``staff``, and
    for the accompaniment the encadrement staff too, who may accompany (rules.md §5.6: one group of training,
    encadrement and social accompaniment staff)."""
    return (staff,) if staff != Function.SOCIAL_ACCOMPANIMENT else (staff, Function.SUPERVISION)


def _tranche_line(run: _Run, subsidy: str, base_key: str, per_key: str, n: int, agr_year: Period,
                  part: Period, staff: Function, before: tuple[Text, Reason] | None = None) -> None:
    """A Brussels tranche subsidy of one agrément-year segment; meant for the ``staff`` it pays, it pays the days
    on which some of that staff is under contract (``_days_held``, ``subsidy.post_days``) — the accompaniment
    line's encadrement staff too (with encadrement staff only, a note asks who accompanies) —, 0 € when none is.

    Each such day earns (base + per tranche × that day's started tranches) ÷ days of the agrément year, the
    tranches counted on that day's target heads (docs/interpretations.md, « Brussels 2004 tranches (Q9) »):
    no cliff where an average or one day short would lose a whole tranche for the year. ``before``: the note
    and reason of an agrément older than the regime's text (``_Run.agrement_before_regime``), for a subsidy
    counted in agrément years."""
    base = run.value(base_key)
    per = run.value(per_key)
    size = run.value("subsidy.tranches.size")
    threshold = run.value("subsidy.tranches.threshold")
    post = run.value("subsidy.post_days")
    # The days that earn: those on which the staff the line is meant for is under contract — the accompaniment's
    # encadrement staff too, who may accompany (below) — each that day's annual amount ÷ the agrément year's
    # days; one day of an encadrant earned the whole part, none nothing (a cliff).
    held_by = _post_holders(staff)
    days_held = _days_held(run, held_by, part)
    held = sum(days_held)
    groups, unsure, heads, anyone = _tranche_days(run, part, threshold.number, size.number, days_held)
    tranche_days = sum(k * g[0] for k, g in groups.items())
    amount = (base.number * held + per.number * tranche_days) / agr_year.days
    notes, claimable = [], True
    if unsure:
        claimable = False
        notes.append(t("Statut de certains travailleurs indéterminé : le nombre de tranches pourrait être plus élevé.",
                       "Some workers' status is unknown: the number of tranches could be higher."))
    if not anyone:
        # rules.md §5.7: whether the base is due with no target worker at all is NOT FOUND — not paid as fact.
        claimable = False
        notes.append(t("Aucun travailleur du public cible sur la période : le texte ne dit pas si le montant de base "
                       "est dû sans travailleur du public cible (texte non trouvé) ; non réclamable en l'état.",
                       "No target worker over the period: the text does not say whether the base amount is due "
                       "without any target worker (no text found); not claimable as is."))

    def heads_text(g: list[int]) -> Text:
        """« 4 travailleurs du public cible », « 3 à 5 … »: a range's word agrees with its upper bound in French
        (« 0 à 1 travailleur »), is plural in English unless it is one worker exactly."""
        low, high = g[1], g[2]
        fr = french_word(high, "travailleur du public cible", "travailleurs du public cible")
        en = english_word(high if low == high else 2, "target worker")
        return t(f"{high} {fr}" if low == high else f"{low} à {high} {fr}",
                 f"{high} {en}" if low == high else f"{low} to {high} {en}")

    def rate(k: int) -> Decimal:
        return base.number + per.number * k

    each = [(plural(g[0], "jour", "day"), heads_text(g),
             plural(k, "tranche entamée", "started tranche", "tranches entamées", "started tranches"), k)
            for k, g in groups.items()]
    each_fr = " ; ".join(f"{d.fr} avec {h.fr} : {n.fr}, {euro_text(base.number)} + {k} × {euro_text(per.number)} = "
                         f"{euro_text(rate(k))} par an" for d, h, n, k in each)
    each_en = "; ".join(f"{d.en} with {h.en}: {n.en}, {euro_text(base.number, 'en')} + {k} × "
                        f"{euro_text(per.number, 'en')} = {euro_text(rate(k), 'en')} a year" for d, h, n, k in each)
    sum_fr = " + ".join(f"{euro_text(rate(k))} × {g[0]}" for k, g in groups.items())
    sum_en = " + ".join(f"{euro_text(rate(k), 'en')} × {g[0]}" for k, g in groups.items())
    # The average, for information, printed beside the nearest tranche threshold (the last one reached or the
    # next): 4,997 is not « 5,00 ».
    top = max(groups, default=0)
    heads_shown, heads_limit = _heads_shown(heads, [threshold.number + size.number * i for i in range(top + 2)])
    average_fr = (f"en moyenne {number_text(heads, beside=heads_limit)} "
                  f"{french_word(heads, 'travailleur du public cible', 'travailleurs du public cible')}, pour "
                  "information")
    average_en = f"{number_text(heads, 'en', heads_limit)} target workers on average, for information"
    reasons = [because(t(f"Travailleurs du public cible comptés chaque jour (têtes) : {each_fr}. Chaque jour vaut le "
                         f"montant annuel de ce jour ÷ {agr_year.days} jours de l'année d'agrément : ({sum_fr}) ÷ "
                         f"{agr_year.days} ; {average_fr}.",
                         f"Target workers counted every day (heads): {each_en}. Each day earns that day's annual "
                         f"amount ÷ {agr_year.days} days of the agrément year: ({sum_en}) ÷ {agr_year.days}; "
                         f"{average_en}."), base)
               if groups else because(t(f"Aucun jour du poste : rien à compter ; {average_fr}.",
                                        f"No day of the post: nothing to count; {average_en}."), base),
               because(t(f"Tranches de {size.number} à partir du {threshold.number}e.",
                         f"Tranches of {size.number} from the {threshold.number}th."), size)]
    if 0 < held < part.days:
        reasons.append(_held_reason(held_by, held, part, post))
    nobody = _nothing_to_cover(run, staff, part, post)
    # An accompaniment line with no accompanier but days held (``held_by``): an encadrant held them.
    if nobody is not None and staff == Function.SOCIAL_ACCOMPANIMENT and held:
        # rules.md §5.6 groups « formation, encadrement et accompagnement social » staff, and the 10 % measure
        # counts both functions; the workbook gives one fonction per worker, so a small EI's encadrant may do
        # the accompaniment too: a reminder, not a refusal (docs/interpretations.md, « Subventions »).
        span_fr = f"du {part.start.isoformat()} au {part.end.isoformat()}"
        span_en = f"from {part.start.isoformat()} to {part.end.isoformat()}"
        notes.append(t("À vérifier : aucun travailleur « accompagnement_social » ; l'accompagnement est-il assuré "
                       "par le personnel d'encadrement ?",
                       "To check: no “accompagnement_social” worker; is the accompaniment done by the "
                       "encadrement staff?"))
        reasons.append(because(t(
            f"Aucun travailleur « {staff} » sous contrat {span_fr}, mais du personnel « {Function.SUPERVISION} » : "
            "les subventions demandent un personnel capable de mener la formation, l'encadrement et "
            "l'accompagnement social, un seul ensemble (la mesure des 10 % compte les deux fonctions), et le "
            "classeur ne donne qu'une fonction par travailleur ; réclamable, à vérifier.",
            f"No “{staff}” worker under contract {span_en}, but “{Function.SUPERVISION}” staff: the subsidies "
            "require staff able to run training, encadrement and social accompaniment, one group (the 10 % measure "
            "counts both functions), and the workbook gives one function per worker; claimable, to check."), base))
    elif nobody is not None:
        notes.append(nobody[0])
        reasons.append(nobody[1])
    elif staff == Function.SOCIAL_ACCOMPANIMENT and (own := sum(_days_held(run, (staff,), part))) < held:
        # Some days held by the encadrement alone: the same reminder, for those days (an accompanier on a
        # three-month CDD silenced it for the nine months paid on the encadrant).
        alone = plural(held - own, "jour", "day")
        notes.append(t(f"À vérifier : {alone.fr} du poste sans travailleur « accompagnement_social » sous contrat ; "
                       "l'accompagnement y est-il assuré par le personnel d'encadrement ?",
                       f"To check: {alone.en} of the post without an “accompagnement_social” worker under contract; "
                       "is the accompaniment done by the encadrement staff then?"))
        reasons.append(because(t(
            f"{alone.fr.capitalize()} sur {held} avec du personnel « {Function.SUPERVISION} » mais aucun travailleur "
            f"« {staff} » sous contrat : comptés comme les autres (un seul ensemble de personnel de formation, "
            "d'encadrement et d'accompagnement social, la mesure des 10 % comptant les deux fonctions) ; réclamable, "
            "à vérifier.",
            f"{alone.en.capitalize()} out of {held} with “{Function.SUPERVISION}” staff but no “{staff}” worker under "
            "contract: counted as the others (one group of training, encadrement and social accompaniment staff, the "
            "10 % measure counting both functions); claimable, to check."), base))
    if part != agr_year:
        notes.append(AGREMENT_PART_NOTE)
    if before is not None:
        notes.append(before[0])
        reasons.append(before[1])
    # One tranche count over the whole part: its count and annual rate as ever; a count that changed within
    # it has no single one (null), ``days_by_tranches`` gives the days at each.
    single = next(iter(groups)) if len(groups) == 1 else None
    basis = {"agrement_year": n, "agrement_year_start": agr_year.start, "agrement_year_end": agr_year.end,
             "start": part.start, "end": part.end, "days": part.days, "year_days": agr_year.days,
             "target_workers": heads_shown, "tranches": single, "rate": None if single is None else rate(single),
             "days_by_tranches": [{"tranches": k, "days": g[0], "target_workers_min": g[1], "target_workers_max": g[2],
                                   "rate": rate(k)} for k, g in groups.items()],
             "post_days": held}
    run.add(subsidy, None, basis, amount, [base, per, size, threshold], claimable=claimable, notes=notes,
            reasons=reasons, extra_confidence=["inferred"] if held < part.days else [])


def _social_accompaniment_tranches(run: _Run) -> None:
    for n, agr_year, part in _agrement_segments(run):
        _tranche_line(run, "social_accompaniment", "subsidy.social_accompaniment.base",
                      "subsidy.social_accompaniment.per_tranche", n, agr_year, part, Function.SOCIAL_ACCOMPANIMENT)


def _supervision_tranches(run: _Run) -> None:
    """Brussels 2004 supervision subsidy, granted in agrément years 1 to ``subsidy.supervision.years``: counted
    in agrément years, its lines say when the agrément predates the regime's text (``agrement_before_regime``);
    a year past them gets nothing and says so, without that note (no amount to confirm), as ``_manager``."""
    years = run.value("subsidy.supervision.years")
    before = run.agrement_before_regime()
    for n, agr_year, part in _agrement_segments(run):
        if n > years.number:
            run.notes.append(t(f"Encadrement : rien en année d'agrément {n} (octroyé pendant {years.number} ans).",
                               f"Supervision: nothing in agrément year {n} (granted for {years.number} years)."))
            continue
        _tranche_line(run, "supervision", "subsidy.supervision.base", "subsidy.supervision.per_tranche",
                      n, agr_year, part, Function.SUPERVISION, before)


def _outline(run: _Run) -> None:
    """D7: a regime known only in outline computes nothing and says so, per unknown parameter — in one clause,
    after the subsidy's label (« Compensation du mandat : »), which the parameter's description would only repeat
    (``--explain`` cites the parameter)."""
    for key, v in _unknown_subsidy_parameters(run.regime, (run.claim or run.period).start):
        run.unknown.append(UnknownSubsidy.citing(key.split(".")[1], None, t(
            f"Non calculée, faute de formule connue pour le régime {run.regime.id} (texte non trouvé).",
            f"Not computed for want of a known formula for regime {run.regime.id} (text not found)."),
            (), v))


def _unknown_subsidy_parameters(regime: Regime, on: date) -> list[tuple[str, Value]]:
    values = ((key, regime.value(key, on)) for key in sorted(regime.parameters) if key.startswith("subsidy."))
    return [(key, v) for key, v in values if v.is_unknown]


SHAPES: dict[str, Callable[[_Run], None]] = {
    "target_worker_wage_cost": _target_worker_wage_cost,
    "target_worker_degressive": _target_worker_degressive,
    "social_accompaniment_brackets": _social_accompaniment_brackets,
    "social_accompaniment_per_fte": _social_accompaniment_per_fte,
    "social_accompaniment_tranches": _social_accompaniment_tranches,
    "supervision_tranches": _supervision_tranches,
    "manager": _manager,
    "outline": _outline,
}


def _manager_year_meets(run: _Run, regime: Regime, days: Period) -> bool:
    """Whether an agrément year the manager subsidy of ``regime`` pays (its table: 1–3, rules.md §4.7) meets
    ``days``."""
    table = _table(regime.value("subsidy.manager.amounts", days.start), "agrement_year")
    return any(n in table for n, _, _ in segments(run.enterprise.agrement_date, days))


def _occupation_year_meets(run: _Run, regime: Regime, days: Period, workers: list[Worker] | None = None) -> bool:
    """Whether some worker's occupation year the degressive amounts of ``regime`` pay (their table: 1–4,
    rules.md §4.7, §5.7) meets ``days`` — of ``workers``, by default every worker under contract whatever their
    status, as ``_degressive_lines`` walks them."""
    table = _table(regime.value("subsidy.target_worker.amounts", days.start), "occupation_year")
    return any(n in table for w in (run.contract_workers() if workers is None else workers) if w.employed_in(days)
               for n, _, _ in segments(run.since(w), days.intersection(w.employment)))


def _supervision_year_meets(run: _Run, regime: Regime, days: Period) -> bool:
    """Whether an agrément year the Brussels supervision subsidy of ``regime`` is granted in (1 to
    ``subsidy.supervision.years``: 4, rules.md §5.7) meets ``days``; unknown years: it may be due."""
    years = regime.value("subsidy.supervision.years", days.start)
    if years.is_unknown:
        return True
    return any(n <= years.number for n, _, _ in segments(run.enterprise.agrement_date, days))


# Shapes paid only in the years their table lists: on days outside the regime that no such year meets, the
# subsidy cannot be due, so it is not listed as « non calculée » there (``_outside_validity``).
YEARS_MEET: dict[str, Callable[[_Run, Regime, Period], bool]] = {
    "manager": _manager_year_meets,
    "target_worker_degressive": _occupation_year_meets,
    "supervision_tranches": _supervision_year_meets,
}

# The subsidy id (``lines[].subsidy``) each shape computes; an outline regime's are its unknown parameters'.
SHAPE_SUBSIDY = {
    "target_worker_wage_cost": "target_worker",
    "target_worker_degressive": "target_worker",
    "social_accompaniment_brackets": "social_accompaniment",
    "social_accompaniment_per_fte": "social_accompaniment",
    "social_accompaniment_tranches": "social_accompaniment",
    "supervision_tranches": "supervision",
    "manager": "manager",
}


def _may_be_due(run: _Run, regime: Regime, days: Period) -> list[str]:
    """The subsidies of ``regime`` that could be due on ``days`` (outside the regime the claim is computed
    under): all of ``subsidy_ids`` but those whose table pays years none of which meets them (``YEARS_MEET``:
    the 2003 manager subsidy in agrément year 9, the Brussels 2004 supervision subsidy after year 4)."""
    cannot = {SHAPE_SUBSIDY[s] for s in _shapes(regime) if s in YEARS_MEET and not YEARS_MEET[s](run, regime, days)}
    return [s for s in subsidy_ids(regime) if s not in cannot]


def _shapes(regime: Regime) -> list[str]:
    shapes = regime.rule("subsidies") or []
    return [shapes] if isinstance(shapes, str) else list(shapes)


def subsidy_ids(regime: Regime) -> list[str]:
    """The ids of the subsidies of ``regime`` (cli.md: ``lines[].subsidy``, ``totals``; listed by ``ei regimes ID``)."""
    ids = []
    for shape in _shapes(regime):
        if shape == "outline":
            ids += [key.split(".")[1] for key, _ in _unknown_subsidy_parameters(regime, regime.valid_from)]
        else:
            ids.append(SHAPE_SUBSIDY[shape])
    return list(dict.fromkeys(ids))


# ------------------------------------------------------------------------------------ conditions
def supervision_condition(run: _Run) -> Condition | None:
    """Brussels §5.6: supervision + social-accompaniment staff ≥ share × non-target workforce, measured
    as ``ei check`` measures it (``rules.enterprise.supervision_measure``) over the claim period."""
    from ei_cli.rules.enterprise import SUPERVISION_READING, supervision_measure

    if not run.regime.has("enterprise.min_supervision_share") or run.claim is None:
        return None
    share = run.value("enterprise.min_supervision_share")
    m = supervision_measure(run.enterprise, run.claim, run.report)
    met = m.met(share.number)
    sup_fte, nt_fte, unk_fte, ratio = m.supervision, m.non_target, m.unknown, m.share
    # With workers of unknown status, the share lies between two readings (as the enterprise check says it).
    if m.unsure and m.share_low is not None and ratio is not None:
        said_fr = (f"{share_text(m.share_low)} au moins" if met else
                   f"entre {share_text(m.share_low)} et {share_text(ratio)} selon les statuts inconnus")
        said_en = (f"at least {share_text(m.share_low, 'en')}" if met else
                   f"between {share_text(m.share_low, 'en')} and {share_text(ratio, 'en')} depending on the unknown "
                   "statuses")
        unknown_fr, unknown_en = f" (+ {number_text(unk_fte)} ETP de statut inconnu)", \
            f" (+ {number_text(unk_fte, 'en')} FTE of unknown status)"
    elif ratio is None and m.none:  # nobody outside the target public: no staff, no share to speak of
        said_fr, said_en, unknown_fr, unknown_en = "aucun", "none", "", ""
    else:
        said_fr, said_en, unknown_fr, unknown_en = share_text(ratio), share_text(ratio, "en"), "", ""
    summary = t(f"Personnel d'encadrement et d'accompagnement : {number_text(sup_fte)} ETP pour "
                f"{number_text(nt_fte)} ETP hors public cible{unknown_fr} ({said_fr}, minimum {share_text(share.number)})",
                f"Supervision and accompaniment staff: {number_text(sup_fte, 'en')} FTE for {number_text(nt_fte, 'en')} FTE "
                f"not target public{unknown_en} ({said_en}, minimum {share_text(share.number, 'en')})")
    return Condition("supervision_share", met, summary,
                     {"supervision_fte": four_places(sup_fte), "non_target_fte": four_places(nt_fte),
                      "unknown_fte": four_places(unk_fte), "share": four_places(ratio),
                      "required_share": share.number},
                     (because(t("Subventions octroyées seulement si ce personnel atteint la part minimale de "
                                "l'effectif hors public cible.",
                                "Subsidies granted only if this staff reaches the minimum share of the non-target "
                                "workforce."), share),
                      because(SUPERVISION_READING, run.value("enterprise.supervision_measure"))))


ACCOMPANIER_NOTE = t("À vérifier : l'accompagnateur subventionné a le diplôme ou l'expérience requis et n'exerce "
                     "aucune tâche de production ou d'administration (non contrôlé par ei).",
                     "To check: the subsidised accompanier has the required diploma or experience and does no "
                     "production or administration work (not checked by ei).")

ACCOMPANIER_UNKNOWN_NOTE = t("À vérifier auprès de l'administration : les conditions de l'accompagnateur subventionné ne "
                             "sont pas établies pour ce régime (texte non trouvé ; non contrôlé par ei).",
                             "To check with the administration: the subsidised accompanier's conditions are not "
                             "established for this regime (no text found; not checked by ei).")


def _with_accompanier_conditions(run: _Run, lines: list[SubsidyLine]) -> list[SubsidyLine]:
    """Every social-accompaniment line with the note that the accompanier's own conditions (seed 002, rules.md
    §3.6) are not checked — the workbook shows neither diplomas nor experience nor tasks — and a reason
    stating them, citing the regime's parameter (docs/interpretations.md, « Subventions »)."""
    years = run.regime.value_or_none("subsidy.social_accompaniment.accompanier_min_experience_years",
                                     (run.claim or run.period).start)
    if years is None:
        return lines
    if years.is_unknown:
        # Brussels 2004 (rules.md §5.6): the accompanier's conditions were not found; another region's (the
        # Walloon seed 002) are not printed as if they were the law here — not established (§9), to ask.
        reason = because(t(
            f"Accompagnateur social subventionné : ses conditions (diplôme, expérience, tâches) ne sont pas établies "
            f"pour le régime {run.regime.id} (texte non trouvé) ; celles du régime wallon ne s'appliquent pas ici. "
            "Non contrôlé.",
            f"Subsidised social accompanier: their conditions (diploma, experience, tasks) are not established for "
            f"regime {run.regime.id} (no text found); the Walloon regime's do not apply here. Not checked."), years)
        return [replace(line, notes=(*line.notes, ACCOMPANIER_UNKNOWN_NOTE), reasons=(*line.reasons, reason))
                if line.subsidy == "social_accompaniment" else line for line in lines]
    n = int(years.number)
    reason = because(t(
        "Accompagnateur social subventionné : diplôme de l'enseignement supérieur à orientation sociale, "
        f"psychologique ou pédagogique, ou au moins {n} ans d'expérience professionnelle (poste à responsabilité "
        "en gestion des ressources humaines dans le secteur de l'insertion socioprofessionnelle, ou fonction "
        "d'accompagnement psychosocial) ; aucune tâche de production ni d'administration une fois subventionné. "
        "Le classeur ne le montre pas : non contrôlé.",
        "Subsidised social accompanier: a higher-education diploma with a social, psychological or pedagogical "
        f"orientation, or at least {n} years' professional experience (a position of responsibility in "
        "human-resources management in the socio-professional insertion sector, or a psychosocial-accompaniment "
        "function); no production or administration work once subsidised. The workbook does not show it: not "
        "checked."), years)
    return [replace(line, notes=(*line.notes, ACCOMPANIER_NOTE), reasons=(*line.reasons, reason))
            if line.subsidy == "social_accompaniment" else line for line in lines]


def _apply_condition(lines: list[SubsidyLine], cond: Condition) -> list[SubsidyLine]:
    if cond.met is True:
        return lines
    fr, en = share_text(cond.figures["required_share"]), share_text(cond.figures["required_share"], "en")
    out = []
    for line in lines:
        if cond.met is False:
            basis = {**line.basis, "amount_if_condition_met": line.amount}
            note = t(f"Condition des {fr} de personnel d'encadrement non remplie : rien n'est dû.",
                     f"{en} supervision-staff condition not met: nothing is due.")
            out.append(SubsidyLine(line.subsidy, line.worker_id, basis, ZERO if line.amount is not None else None,
                                   line.reference, line.url, line.confidence, False, (note, *line.notes),
                                   (*cond.reasons, *line.reasons)))
        else:
            note = t(f"Condition des {fr} de personnel d'encadrement indéterminée (statuts inconnus) : non réclamable "
                     "en l'état.", f"{en} supervision-staff condition undetermined (unknown statuses): not claimable "
                                   "as is.")
            out.append(SubsidyLine(line.subsidy, line.worker_id, line.basis, line.amount, line.reference, line.url,
                                   line.confidence, False, (note, *line.notes), (*cond.reasons, *line.reasons)))
    return out


# ------------------------------------------------------------------------------------ entry point
def compute_subsidies(enterprise: Enterprise, regime: Regime, year: int, report=None) -> SubsidyResult:
    """Every subsidy of ``regime`` claimable for calendar ``year`` (pure; ``report`` = eligibility)."""
    if report is None:
        from ei_cli.rules.eligibility import assess_eligibility

        report = assess_eligibility(enterprise, regime)
    period = Period.calendar_year(year)
    agreed = period.intersection(Period(enterprise.agrement_date, date.max))
    # A subsidy is claimed under the regime in force: only the agreed days inside its validity count.
    claim = agreed.intersection(regime.validity) if agreed else None
    run = _Run(enterprise, regime, year, report, period, claim)
    if agreed is None:
        run.notes.append(t(f"L'entreprise n'était pas agréée en {year} (agrément du "
                           f"{enterprise.agrement_date.isoformat()}) : aucune subvention.",
                           f"The enterprise had no agrément in {year} (agrément of "
                           f"{enterprise.agrement_date.isoformat()}): no subsidy."))
    else:
        _outside_validity(run, agreed)
    # A claim in progress is computed up to its horizon (``data_horizon``), its later days to come: the wage-cost
    # and SIEG shapes cut it themselves (``_CUT_BY_ITSELF``); the others are given the claim up to it.
    now, to_come, horizon = _claim_up_to_horizon(run)
    until = run if to_come is None else replace(run, claim=now)   # the same lines, unknown and notes lists
    for shape in _shapes(regime):
        if shape in _CUT_BY_ITSELF:
            SHAPES[shape](run)
        else:
            SHAPES[shape](until)
            if to_come is not None:
                _days_to_come(run, shape, to_come, horizon)
    conditions = []
    cond = supervision_condition(until)
    lines = _with_accompanier_conditions(run, run.lines)
    if cond is not None:
        conditions.append(cond)
        lines = _apply_condition(lines, cond)
    order = {s: i for i, s in enumerate(SUBSIDY_IDS)}
    # The enterprise's lines (no worker) first within a subsidy, then the workers' in the one worker order.
    lines = sorted(lines, key=lambda x: (order.get(x.subsidy, 99), worker_order(x.worker_id) if x.worker_id else (),
                                         x.basis.get("start") or date.min))
    result = SubsidyResult(regime.id, year, period, claim, tuple(lines), tuple(run.unknown), tuple(conditions),
                           tuple(run.notes), subsidies=tuple(subsidy_ids(regime)))
    return _with_de_minimis(result, regime)


# The shapes that cut a claim in progress at its horizon themselves (``data_horizon``: the TD/TGD wage-cost months,
# the SIEG part and its days to come); an outline computes nothing.
_CUT_BY_ITSELF = frozenset({"target_worker_wage_cost", "social_accompaniment_brackets", "outline"})


def _claim_up_to_horizon(run: _Run) -> tuple[Period | None, Period | None, date | None]:
    """(the part of the claim computed now, its days to come, the horizon): a claim in progress is computed up to
    its horizon (``data_horizon``, the one horizon of every amount of a year in progress), the days after it are to
    come — a day not begun, or not paid yet, earns nothing yet (docs/interpretations.md, « The year in progress »
    under Subventions); the whole claim for a claim over or paid to its end (nothing to come), the whole to come
    for one not begun (nothing now)."""
    claim = run.claim
    horizon = data_horizon(run.enterprise, claim) if claim is not None else None
    if horizon is None or horizon >= claim.end:
        return claim, None, None
    if horizon < claim.start:
        return None, claim, horizon
    return Period(claim.start, horizon), Period(horizon + timedelta(days=1), claim.end), horizon


# Who holds the post an enterprise line pays (``_days_held``): the 2003 manager, the 2003 accompaniers (a line
# each), the Brussels tranche lines' staff (``_post_holders``).
_POST_STAFF = {"manager": (Function.MANAGEMENT,), "social_accompaniment_per_fte": (Function.SOCIAL_ACCOMPANIMENT,),
               "supervision_tranches": _post_holders(Function.SUPERVISION),
               "social_accompaniment_tranches": _post_holders(Function.SOCIAL_ACCOMPANIMENT)}


def _days_to_come(run: _Run, shape: str, to_come: Period, horizon: date) -> None:
    """The entry of a shape's days to come (``_claim_up_to_horizon``), as the SIEG part's: nothing to fill in,
    the claim not complete yet — while someone whose days could earn is employed then (per Personnel): for a
    per-worker line a target worker (or one of unknown status) in an occupation year its table pays, for an
    enterprise line someone holding its post (``_POST_STAFF``) in an agrément year its table pays (``YEARS_MEET``:
    not the Brussels encadrement after its fourth)."""
    workers = [w for w in run.contract_workers() if w.employed_in(to_come)]
    if shape == "target_worker_degressive":
        workers = [w for w in workers if run.is_target(w) is not False]
        if not _occupation_year_meets(run, run.regime, to_come, workers):
            return
    else:
        meets = YEARS_MEET.get(shape)
        if meets is not None and not meets(run, run.regime, to_come):
            return
        workers = [w for w in workers if w.function in _POST_STAFF.get(shape, ())]
    if not workers:
        return
    said = horizon_text(run.enterprise, horizon, run.claim)
    run.unknown.append(UnknownSubsidy(SHAPE_SUBSIDY[shape], None, t(
        f"Du {to_come.start.isoformat()} au {to_come.end.isoformat()} : après le {said.fr}, jours à calculer une "
        "fois venus, avec la paie de ces mois.",
        f"From {to_come.start.isoformat()} to {to_come.end.isoformat()}: after {said.en}, days to compute once "
        "they have come, with those months' payroll.")))


def _outside_validity(run: _Run, agreed: Period) -> None:
    """The agreed days of the year outside the regime's validity: each of its subsidies is unknown there.

    A regime may be forced, or taken by default, for a period it does not cover (D4: a simulation,
    with the warning ``regime_outside_validity``); its checks still run, but no administration pays
    a subsidy of a regime not in force: those days are not computed (docs/interpretations.md).
    """
    regime = run.regime
    outside = []
    if agreed.start < regime.valid_from:
        outside.append(Period(agreed.start, min(agreed.end, regime.valid_from - timedelta(days=1))))
    if regime.valid_to is not None and agreed.end > regime.valid_to:
        outside.append(Period(max(agreed.start, regime.valid_to + timedelta(days=1)), agreed.end))
    if not outside:
        return
    for days in _pieces_by_regime(regime, outside):
        other = shipped_in_force(regime.region, days.start)   # not ``regime``: these days are outside it
        span_fr = f"du {days.start.isoformat()} au {days.end.isoformat()}"
        span_en = f"from {days.start.isoformat()} to {days.end.isoformat()}"
        applies_fr = f"le régime {regime.id} s'applique {regime.validity_text('fr')}"
        applies_en = f"regime {regime.id} applies {regime.validity_text('en')}"
        if other is None:
            # A regime ei does not ship (Wallonia 2013-01-31 – 2017-06-29): its subsidies are not known, so
            # the entries name the regime asked for, whose subsidies those days cannot carry — but for a subsidy
            # that regime abolished (``subsidy.<id>.abolished_from``: the 2003 manager subsidy, rules.md §0 #2),
            # of which nothing is due then, and that is known.
            for subsidy in _may_be_due(run, regime, days):
                unknown = _unknown_days(run, regime, subsidy, days)
                if unknown is None:
                    continue
                span_fr = f"du {unknown.start.isoformat()} au {unknown.end.isoformat()}"
                span_en = f"from {unknown.start.isoformat()} to {unknown.end.isoformat()}"
                run.unknown.append(UnknownSubsidy(subsidy, None, t(
                    f"Non calculée {span_fr} : {applies_fr} ; ei ne connaît pas le régime alors en vigueur.",
                    f"Not computed {span_en}: {applies_en}; ei does not know the regime then in force.")))
            continue
        # Those days carry the subsidies of the regime then in force (bruxelles-2004's three for January 2019,
        # not the 2018 mandate compensation): one entry per subsidy of that regime, as its own lines would be.
        for subsidy in _may_be_due(run, other, days):
            run.unknown.append(UnknownSubsidy(subsidy, None, t(
                f"Non calculée {span_fr} : subvention du régime {other.id}, en vigueur ces jours-là (relancez avec "
                f"--regime {other.id}) ; {applies_fr}.",
                f"Not computed {span_en}: a subsidy of regime {other.id}, in force on those days (run again with "
                f"--regime {other.id}); {applies_en}."), reference=other.title, regime=other.id))


def _unknown_days(run: _Run, regime: Regime, subsidy: str, days: Period) -> Period | None:
    """The days of ``days`` (outside ``regime``, under a regime ei does not ship) on which ``subsidy`` is not
    known, None when none is: the days from ``subsidy.<id>.abolished_from`` on owe nothing — a run note says so,
    citing the parameter (wallonie-2003's manager subsidy, abolished by the 2012 reform from 2013-01-31: rules.md
    §0 #2) — and do not make the claim incomplete."""
    key = f"subsidy.{subsidy}.abolished_from"
    if not regime.has(key):
        return days
    value = regime.value(key, days.start)
    since = value.value
    if since > days.end:
        return days
    gone = Period(max(days.start, since), days.end)
    reading = value.description_text
    run.notes.append(t(
        f"{SUBSIDY_TEXT[subsidy].fr} : rien n'est dû du {gone.start.isoformat()} au {gone.end.isoformat()}. "
        f"{reading.fr}, le {since.isoformat()} ({value.cite()}).",
        f"{SUBSIDY_TEXT[subsidy].en}: nothing is due from {gone.start.isoformat()} to {gone.end.isoformat()}. "
        f"{reading.en}, on {since.isoformat()} ({value.cite('en')})."))
    return Period(days.start, since - timedelta(days=1)) if since > days.start else None


def _pieces_by_regime(regime: Regime, spans: list[Period]) -> list[Period]:
    """``spans`` cut where the region's shipped regimes begin or end: each piece is under one regime
    (named) or under one ei does not ship (wallonie-2012 between 2013-01-31 and 2017-06-29)."""
    cuts = sorted({d for r in all_regimes() if r.region == regime.region
                   for d in (r.valid_from, (r.valid_to + timedelta(days=1)) if r.valid_to else None) if d})
    pieces = []
    for span in spans:
        start = span.start
        for cut in cuts:
            if start < cut <= span.end:
                pieces.append(Period(start, cut - timedelta(days=1)))
                start = cut
        pieces.append(Period(start, span.end))
    return pieces


def _with_de_minimis(result: SubsidyResult, regime: Regime) -> SubsidyResult:
    if not regime.has("subsidy.de_minimis_sieg.ceiling"):
        return result
    on = (result.claim_period or result.period).start
    ceiling = regime.value("subsidy.de_minimis_sieg.ceiling", on)
    years = regime.value("subsidy.de_minimis_sieg.years", on)
    covered = ("social_accompaniment",)
    if regime.has("subsidy.de_minimis_sieg.covers"):
        covered = tuple(str(regime.value("subsidy.de_minimis_sieg.covers", on).value).split())
    amount = sum((result.totals.get(s, ZERO) for s in covered), ZERO)
    info = {"ceiling": ceiling.number, "years": int(years.number), "subsidies": list(covered),
            "amount_this_year": amount, "reference": ceiling.cite(), "url": ceiling.reference.url,
            "confidence": ceiling.confidence,
            "note": t(f"Aides de minimis SIEG : au plus {euro_text(ceiling.number)} sur {int(years.number)} exercices "
                      f"(règlement (UE) 360/2012). Cette année, calculé ici : {euro_text(amount)}. Ajoutez les autres "
                      "aides SIEG de cette année qu'ei ne calcule pas (subvention liée aux principes de l'économie "
                      f"sociale) et celles des {int(years.number) - 1} exercices précédents (hors classeur) pour "
                      "vérifier le plafond.",
                      f"SIEG de minimis aid: at most {euro_text(ceiling.number, 'en')} over {int(years.number)} fiscal "
                      f"years (Regulation (EU) 360/2012). This year, computed here: {euro_text(amount, 'en')}. Add this "
                      "year's other SIEG aid ei does not compute (the subsidy for the principles of the social "
                      f"economy) and that of the previous {int(years.number) - 1} fiscal years (not in the workbook) "
                      "to check the ceiling.")}
    return replace(result, de_minimis=info)
