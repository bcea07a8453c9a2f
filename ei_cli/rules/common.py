"""What every rule module shares: reasons that cite the regime, check results, monthly FTE.

Rules are pure: model + regime + period in, result objects out. No I/O, no printing.
"""

from __future__ import annotations

import copy
import importlib
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Decimal
from typing import Callable, Iterable, Sequence

from ei_cli.i18n import Text, decimal_text, english_word, french_word, t
from ei_cli.model import Enterprise, Worker
from ei_cli import periods
from ei_cli.periods import Month, Period, anniversary, days_between, month_span
from ei_cli.problems import Problem, warning
from ei_cli.regimes import Value
from ei_cli.workdays import fte_allowed

CENT = Decimal("0.01")
ZERO = Decimal(0)


def money(x: Decimal) -> Decimal:
    """Round to the cent, half up — once per result line (README, « Arrondis »)."""
    return (x if type(x) is Decimal else Decimal(x)).quantize(CENT, ROUND_HALF_UP)


def euro_number(x, lang: str = "fr", places: int = 2, beside=None) -> str:
    """An amount without its sign, rounded half up: 1 234,56 in French, 1,234.56 in English (table
    cells headed « (€) »). ``places=0``: whole euros (thresholds). ``beside``: the limit the amount is
    judged against (``shown_beside``: two more places when ``places`` would read as the limit)."""
    if beside is not None:
        q = shown_beside(x, beside, places)
        places = -q.as_tuple().exponent
    else:
        q = money(x) if places == 2 else Decimal(x).quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP)
    text = f"{q:,.{places}f}"
    return text if lang == "en" else text.replace(",", " ").replace(".", ",")


def euro_text(x, lang: str = "fr", places: int = 2, beside=None) -> str:
    """An amount in a sentence: 1 234,56 € in French, €1,234.56 in English; "?" when unknown."""
    if x is None:
        return "?"
    number = euro_number(x, lang, places, beside)
    return f"€{number}" if lang == "en" else f"{number} €"


def number_text(x: Decimal | None, lang: str = "fr", beside=None) -> str:
    """A figure (FTE, average head count) to the hundredth, half up: 1,50 in French, 1.50 in English.
    ``beside``: the limit the figure is judged against (``shown_beside``)."""
    if x is None:
        return "?"
    if beside is not None:
        return decimal_text(shown_beside(x, beside), lang)
    return decimal_text(Decimal(x).quantize(CENT, rounding=ROUND_HALF_UP), lang)


def shown_beside(x, limit, places: int = 2) -> Decimal:
    """``x`` rounded to be printed beside the ``limit`` it is judged against (a minimum, a maximum, a
    bracket's threshold): to ``places`` decimals half up, as every figure — unless that reads as the limit,
    or past it, while ``x`` is on its other side (3,997 target FTE « 4,00 (minimum 4,00) … non conforme »):
    then to two more places, rounded *away* from the limit (3,9970; 4,0000017 beside a maximum of 4 →
    4,0001), which never lands on it. The verdict compares ``x`` itself; only the figure printed is rounded
    — the one way every average or ratio beside its limit is shown (docs/interpretations.md, « Figures
    beside their limit »), in sentences (``number_text``, ``euro_text``) and documents (``nombre``)."""
    value = x if type(x) is Decimal else Decimal(str(x))
    shown = value.quantize(_quantum(places), ROUND_HALF_UP)
    if limit is None:
        return shown
    bound = limit if type(limit) is Decimal else Decimal(str(limit))
    if (shown > bound) == (value > bound) and (shown < bound) == (value < bound):
        return shown
    return value.quantize(_quantum(places + 2), ROUND_CEILING if value > bound else ROUND_FLOOR)


# 1, 0.1, 0.01 … 1E-8: the quantum of a figure rounded to that many places (``Decimal(1).scaleb(-places)``).
_QUANTA = tuple(Decimal(1).scaleb(-n) for n in range(9))


def _quantum(places: int) -> Decimal:
    return _QUANTA[places] if 0 <= places < len(_QUANTA) else Decimal(1).scaleb(-places)


def four_places(x) -> Decimal | None:
    """A figure for the JSON (an FTE, FTE-months, FTE-days, a weight, a basis share): 4 places half up, as every
    figure ``ei`` rounds (``shown_beside``), trailing zeros dropped — 6,12505 FTE-months are 6.1251 (half to even
    made them 6.125), 3,2000 is 3.2. None stays None. The one rounding of the quota's and the subsidy's 4-place
    JSON figures; one judged against a limit is ``shown_beside``'s with that limit."""
    return None if x is None else shown_beside(x, None, 4).normalize()


def basis_figure(x, lang: str) -> str:
    """A basis figure (``fte``, ``fte_months``, ``target_workers``, the SIEG ceiling's FTE and FTE-days) as the rule
    used it: to the hundredth at least, to the places the rule kept beyond it (``four_places``' 4, ``_heads_shown``'s
    beside a threshold) — « 0,6196 ETP », from which the amount can be recomputed, not « 0,62 »; « 1,00 ETP »."""
    value = x if isinstance(x, Decimal) else Decimal(str(x))
    if value.as_tuple().exponent > -2:
        value = value.quantize(Decimal("0.01"))
    return decimal_text(value, lang)


def round_up(x: Decimal) -> Decimal:
    """FTE missing, rounded *up* to the hundredth (0 when nothing is missing).

    First kept to 10 decimal places (``SPREADSHEET_NOISE``): a need that is exactly 3 FTE but computed
    through a mid-month agrément's day shares is 3.000000000000000000000000002 in Decimal's 28 digits,
    and rounded up as it is it said « manque 3,01 ETP »."""
    return ZERO if x <= 0 else denoised(x).quantize(CENT, rounding=ROUND_CEILING)


def share_text(x: Decimal | None, lang: str = "fr") -> str:
    """A fraction as a percentage to one decimal, rounded *down*: 40,0 % in French, 40.0 % in English.

    Every share ``ei`` prints is measured against a minimum (target public, supervision staff): one
    just below it never shows as reaching it (0,19956 → 19,9 %, not 20,0 % « pour 20,0 % exigés »);
    the JSON holds the exact fraction.
    """
    if x is None:
        return "?"
    return decimal_text(f"{share_percent(x)} %", lang)


def share_percent(x, digits: int = 1) -> Decimal:
    """A fraction as a number of per cent, rounded *down* to ``digits`` places (0,19956 → 19.9): the
    one rounding of every share ``ei`` shows — ``share_text`` here, the documents' ``pourcent``.

    Floored once kept to 10 decimal places (``denoised``), as the verdicts compare it: three etp typed
    =1/3 (0.333333333333333 each) out of 5 FTE are 0,1999999999999998, which meets 20 % and must read
    20,0 %, not 19,9 % « pour 20,0 % exigés »."""
    value = x if type(x) is Decimal else Decimal(str(x))
    return (denoised(value) * 100).quantize(Decimal(1).scaleb(-digits), rounding=ROUND_FLOOR)


@dataclass(frozen=True)
class Reason:
    """One step of an explanation, citing the regime value it rests on (if any)."""

    text: Text
    reference: str | None = None
    url: str | None = None
    confidence: str | None = None
    parameter: str | None = None

    def to_dict(self, lang: str = "fr") -> dict:
        return {"text": self.text.get(lang), "reference": self.reference, "url": self.url,
                "confidence": self.confidence, "parameter": self.parameter}


def because(text: Text, value: Value | None = None) -> Reason:
    """A reason; with ``value``, it cites that parameter's legal reference and confidence."""
    if value is None:
        return Reason(text)
    return Reason(text, value.cite(), value.reference.url, value.confidence, value.key)


@dataclass(frozen=True)
class CheckResult:
    """One line of the ``ei check`` dashboard (``checks[]`` in JSON)."""

    name: str                      # eligibility, quota, wages, employment, enterprise, follow_up
    compliant: bool | None         # None = unknown (data missing or rule not established)
    summary: Text                  # the verdict with its key figure, one sentence
    reasons: tuple[Reason, ...] = ()
    to_fix: tuple[Text, ...] = ()  # what the administrator should do
    details: dict = field(default_factory=dict)  # command-specific JSON fields (their texts in French)
    # The same fields in another language, when they hold texts (the quota's agrément years): lang → fields.
    localized: Callable[[str], dict] | None = field(default=None, compare=False)
    # Warnings about the data the check had to work around (the quota's months without a Paie row):
    # the command's ``problems``, not a field of the check's line.
    problems: tuple[Problem, ...] = ()

    @property
    def applicable(self) -> bool:
        """False for a check no obligation of which applies to the period (``details["applicable"]``:
        a period before the agrément); its ``compliant`` is then None, and it is no « unknown »."""
        return self.details.get("applicable", True) is not False

    def to_dict(self, lang: str = "fr") -> dict:
        out = {"name": self.name, "compliant": self.compliant, "summary": self.summary.get(lang),
               "reasons": [r.to_dict(lang) for r in self.reasons],
               "to_fix": [x.get(lang) for x in self.to_fix]}
        out.update(self.details if lang == "fr" or self.localized is None else self.localized(lang))
        return out


# A verdict in words: compliant (True), not compliant (False), unknown (None).
VERDICT = {True: t("conforme", "compliant"), False: t("non conforme", "not compliant"),
           None: t("indéterminé", "unknown")}
NOT_APPLICABLE = t("non applicable", "not applicable")


def combine(verdicts: Iterable[bool | None]) -> bool | None:
    """False if any is False, else None if any is unknown, else True."""
    verdicts = list(verdicts)
    if any(v is False for v in verdicts):
        return False
    if any(v is None for v in verdicts):
        return None
    return True


def any_of(verdicts: Iterable[bool | None]) -> bool | None:
    """True if any is True, else None if any is unknown, else False (the OR of ``combine``)."""
    unknown = False
    for v in verdicts:
        if v is True:
            return True
        if v is None:
            unknown = True
    return None if unknown else False


def by_shape(name: str, shapes: dict, enterprise, regime, period: Period, report=None, **options) -> "CheckResult":
    """Run the check ``name`` with the function the regime's ``[rules]`` shape names (``options``: the check's
    own keyword arguments, e.g. ``application``, passed on to it).

    A shape the code does not know (``"none"``: rules.md found no such rule for this regime) gives an
    unknown, not established result; the eligibility report is computed when not given.
    """
    shape = shapes.get(regime.rule(name) or "none")
    if shape is None:
        return not_established(name, regime)
    if report is None:
        from ei_cli.rules.eligibility import assess_eligibility

        report = assess_eligibility(enterprise, regime)
    return shape(enterprise, regime, period, report, **options)


def by_shape_from_start(name: str, shapes: dict, enterprise, regime, period: Period, report=None,
                        application: bool = False, obligations_from: date | None = None) -> "CheckResult":
    """``by_shape`` for a check whose rules run from the first day of the regime's obligations (the employment and
    follow-up checks, ``rules.dashboard.FROM_REGIME_START``). ``application``: an agrément application, judged
    whole; ``obligations_from``: that day, as ``run_checks`` computed it once (``obligations_start``, computed
    here for a check called alone)."""
    if obligations_from is None:
        obligations_from = obligations_start(enterprise, regime, period)
    return by_shape(name, shapes, enterprise, regime, period, report, application=application,
                    obligations_from=obligations_from)


NOT_ESTABLISHED = t("non établi pour ce régime (texte non trouvé)", "not established for this regime (text not found)")


def not_established(name: str, regime) -> "CheckResult":
    """The unknown result of a check the regime's texts do not establish, citing the regime's texts.

    Two grounds, said in words (the user has no rules.md): under a regime known only in outline, the
    project's decision to check its mandate minimums alone (rules.md D7, bruxelles-2018); under any other
    regime, rules.md found no such rule for it (e.g. §4.3, §4.6 for wallonie-2003, §5.6 for bruxelles-2004),
    and a rule not found is unknown, not absent."""
    if regime.status == "outline":
        text = t(f"Règle non établie pour le régime {regime.id} : ce régime n'est connu qu'en partie, seuls les "
                 "contrôles que ses textes trouvés établissent sont faits (lecture retenue par le projet"
                 ") ; ce contrôle-ci reste indéterminé.",
                 f"Rule not established for regime {regime.id}: the regime is known only in outline, only the checks "
                 "its texts found establish are made (the project's reading); this check stays "
                 "unknown.")
    else:
        text = t(f"Règle non établie pour le régime {regime.id} : aucun texte trouvé ne la donne pour ce régime ; "
                 "faute de texte, ei ne peut dire ni qu'elle s'applique ni qu'elle n'existe pas, et le contrôle "
                 "reste indéterminé.",
                 f"Rule not established for regime {regime.id}: no text found gives it for this regime; without "
                 "a text, ei can say neither that it applies nor that it does not exist, and the check stays "
                 "unknown.")
    reason = Reason(text, regime.title, None, "not_found")
    return not_judged(name, regime, NOT_ESTABLISHED, (reason,), own={"established": False})


def empty_details(name: str, regime) -> dict:
    """Every JSON field check ``name`` gives under ``regime``'s shape, each with its empty value: the
    module's ``EMPTY_DETAILS[shape]`` (None for a figure or an object, [] for a list, {} for a mapping, as
    the judged result has them), a fresh copy; {} for a shape the module does not declare."""
    shape = regime.rule(name)
    declared = getattr(importlib.import_module(f"ei_cli.rules.{name}"), "EMPTY_DETAILS", {})
    return copy.deepcopy(declared.get(shape if isinstance(shape, str) else "none", {}))


def not_judged(name: str, regime, summary: Text, reasons: Sequence[Reason], to_fix: Sequence[Text] = (),
               own: dict | None = None) -> CheckResult:
    """The line of a check that is not judged (a period before the agrément or not begun yet,
    no Suivi sheet, a parameter unknown): null, with every field of the judged check, empty
    (``empty_details``), and the stub's own (``applicable``, ``data_known``, ``follow_up_sheet``). A field
    is never removed from the contract: a script reading ``checks[wages].ratio`` finds it null, not gone
    (docs/interpretations.md, « A check not judged keeps its fields »)."""
    details = {**empty_details(name, regime), **(own or {})}
    return CheckResult(name, None, summary, tuple(reasons), tuple(to_fix), details)


# ------------------------------------------------------------------------------ working time
def days_employed_in(worker: Worker, period: Period) -> int:
    return days_between(max(worker.hire_date, period.start), min(worker.exit_date or date.max, period.end))


def person_stretches(rows: tuple[Worker, ...], extent: Period) -> list[tuple[date, date]]:
    """(first, last day) of each stretch of ``extent`` on which the person is employed under ``rows`` (their
    contracts, first hire first: ``Enterprise.by_person``); a day under two concurrent contracts is in one."""
    out, start = [], extent.start
    for w in rows:
        first, last = max(w.hire_date, start), min(w.exit_date or date.max, extent.end)
        if first <= last:
            out.append((first, last))
            start = last + timedelta(days=1)
    return out


def person_days_in(rows: tuple[Worker, ...], extent: Period) -> int:
    """Days of ``extent`` on which the person is employed under any of ``rows`` (a day counts once)."""
    return sum(days_between(first, last) for first, last in person_stretches(rows, extent))


def within_full_time(taken: Decimal, x: Decimal, full: Decimal = Decimal(1)) -> Decimal:
    """What a contract's ``x`` adds beside the ``taken`` the person's earlier contracts already count, a person
    counting at most ``full`` (one full-time): min(full, taken + x) − min(full, taken) — two concurrent 0,6
    contracts count 0,6 and 0,4. Applied a day at a time (``fte_days_beside``)."""
    return min(full, taken + x) - min(full, taken)


def fte_days_beside(per_day: Decimal, first: date, last: date, earlier: Iterable[tuple[Worker, Decimal]]
                    ) -> Decimal:
    """FTE-days of a contract at ``per_day`` etp on each of the days ``first`` … ``last`` (all employed), beside
    the person's ``earlier`` contracts (each with its etp a day employed), counted first: a person is at most one
    full-time a day, their contracts together (D2) — on a day the earlier make ``taken``, this one adds
    ``within_full_time(taken, per_day)``. The one cap of a person's contracts: the subsidies' FTE-days
    (``subsidy.fte_days``, the TD/TGD lines), the quota's months, the enterprise size and the staff figures
    (``one_full_time``), the quota's boundary months and year-1 point value. Two concurrent 0,6 contracts
    count 0,6 and 0,4; a 0,8 contract beside another 0,8 from the 16th of a 31-day month adds 0,2 for 16 days
    only: 3,2 FTE-days, where a cap on the month's sum (0,8 + 0,8 × 16/31 at most 1) would count 6,2."""
    span = Period(first, last)
    others = [(w, x) for w, x in earlier if x and w.employed_in(span)]
    if not others:
        return per_day * days_between(first, last)
    total, day, one_day = ZERO, first, timedelta(days=1)
    while day <= last:
        total += within_full_time(sum((x for w, x in others if w.employed_on(day)), ZERO), per_day)
        day += one_day
    return total


def month_beside(worker: Worker, earlier: Sequence[Worker], fte: Callable[[Worker], Decimal], month: Month
                 ) -> Decimal:
    """``worker``'s FTE-months in ``month`` (``fte(w)``: a contract's FTE-months of the month, the etp of
    ``fte_rows``, projected in a forecast) beside the person's ``earlier`` contracts, at most one full-time a day
    (``fte_days_beside``, each contract's month spread evenly over its days employed, ``spread_fte``).
    ``fte(worker)`` less what that cap takes: as is when no earlier contract takes the person over one full-time
    on a day."""
    x = fte(worker)
    extent = Period(month.first_day, month.last_day)
    employed = days_employed_in(worker, extent)
    if not x or not employed:
        return x

    def per_day(w: Worker, days: int) -> Decimal:
        return spread_fte(fte(w), month.days, days) if days else ZERO

    own = per_day(worker, employed)
    counted = fte_days_beside(own, max(worker.hire_date, extent.start),
                              min(worker.exit_date or date.max, extent.end),
                              ((w, per_day(w, days_employed_in(w, extent))) for w in earlier))
    # Less only what the cap took: a month paid up to the reader's allowance above its calendar share (a hire on
    # the Monday after a weekend paid 1) keeps that excess beside a small overlap, as it does alone (``fte_rows``).
    return x - (own * employed - counted) / month.days


def one_full_time(enterprise: Enterprise, months: list[Month], fte_row: Callable[[Worker], Sequence[Decimal]]
                  ) -> Callable[[Worker], Sequence[Decimal]]:
    """``fte_row`` with a person employed under several ids counted at most one full-time a day, their contracts
    together, the earlier contracts counted first (``month_beside``; docs/interpretations.md). ``fte_row``
    itself when nobody has two contracts here (the usual workbook)."""
    if not enterprise.employments:
        return fte_row
    by_id = enterprise.workers_by_id
    raw = {wid: fte_row(by_id[wid]) for wid in enterprise.employments}
    capped = {}
    for wid, row in raw.items():
        worker = by_id[wid]
        earlier = enterprise.earlier_contracts(worker)
        capped[wid] = [month_beside(worker, earlier, lambda o, i=i: raw[o.worker_id][i], m) if earlier else row[i]
                       for i, m in enumerate(months)]
    return lambda w: capped[w.worker_id] if w.worker_id in capped else fte_row(w)


def fte_lookup(enterprise: Enterprise, months: Sequence[Month], workers: Iterable[Worker]
               ) -> tuple[Callable[[Worker], Sequence[Decimal]], dict[str, list[Month]]]:
    """``fte_rows`` of ``workers`` as a lookup (a worker not among them: zeros), and its fallback months."""
    workers = list(workers)
    rows, fallbacks = fte_rows(enterprise, months, workers)
    by_id = {w.worker_id: row for w, row in zip(workers, rows)}
    nothing = [ZERO] * len(months)
    return (lambda w: by_id.get(w.worker_id, nothing)), fallbacks


def person_fte_rows(enterprise: Enterprise, months: Sequence[Month], workers: Iterable[Worker]
                    ) -> tuple[list[list[Decimal]], dict[str, list[Month]], list[str]]:
    """``fte_rows`` with a person employed under several ids counted at most one full-time a day, their
    contracts together (``one_full_time``): the staff of the enterprise size and of the documents, which count
    every contract of the period (a person's others among them); and the ids whose FTE that lowered
    (``lowered_by_full_time``, for ``full_time_reason``). The rows of ``workers`` as they are when nobody has
    two contracts here."""
    workers = list(workers)
    raw, fallbacks = fte_lookup(enterprise, months, workers)
    if not enterprise.employments:
        return [list(raw(w)) for w in workers], fallbacks, []
    capped = one_full_time(enterprise, list(months), raw)
    named = {wid for ids in lowered_by_full_time(enterprise, workers, raw, capped).values() for wid in ids}
    return [list(capped(w)) for w in workers], fallbacks, [w.worker_id for w in workers if w.worker_id in named]


def lowered_by_full_time(enterprise: Enterprise, workers: Iterable[Worker],
                         raw: Callable[[Worker], Sequence[Decimal]], capped: Callable[[Worker], Sequence[Decimal]]
                         ) -> dict[int, list[str]]:
    """Month index → the ids among ``workers`` (in their order) whose FTE the one-full-time cap lowered that month
    (``capped`` below ``raw``, the rows of ``one_full_time``): a person's later contracts beside their earlier
    ones. Empty when nobody has two contracts here."""
    out: dict[int, list[str]] = {}
    for w in workers:
        if w.worker_id in enterprise.employments:
            for i, (x, y) in enumerate(zip(capped(w), raw(w))):
                if x < y:
                    out.setdefault(i, []).append(w.worker_id)
    return out


def full_time_reason(worker_ids: Sequence[str]) -> Reason:
    """Why a staff figure counts less than the contracts typed: the one-full-time cap (``one_full_time``) lowered
    ``worker_ids`` — said where the figure is judged (the quota, the enterprise size), as the reader's
    ``person_over_full_time`` warning is said where it is read."""
    named = workers_text(worker_ids)
    counted = "compté" if len(worker_ids) == 1 else "comptés"
    return because(t(
        f"Une personne sous plusieurs contrats à la fois compte au plus pour un temps plein chaque jour, ses "
        f"contrats les plus anciens d'abord ({named.fr}, {counted} en partie) : personne ne travaille plus qu'à "
        "temps plein pour un même employeur (lecture d'ei, docs/interpretations.md).",
        f"A person under several contracts at once counts at most one full-time a day, their earliest contracts "
        f"first ({named.en}, counted in part): nobody works more than full time for one employer (ei's reading, "
        "docs/interpretations.md)."))


def person_fte(rows: tuple[Worker, ...], extent: Period) -> Decimal:
    """The largest contractual etp (Personnel) the person holds on one day of ``extent``: their contracts in
    force that day, summed — two concurrent 0,3 contracts of one person are a 0,6 person (``rows``: their
    contracts, ``Enterprise.by_person``). The sum only changes on a contract's first day: those are tried."""
    starts = {max(w.hire_date, extent.start) for w in rows if w.employed_in(extent)}
    return max((sum((w.fte for w in rows if w.employed_on(d)), ZERO) for d in starts), default=ZERO)


def contract_fte_days(enterprise: Enterprise, workers: Iterable[Worker], window: Period) -> tuple[Decimal, int]:
    """(FTE-days of ``workers``' **contractual** etp over ``window`` — ``Personnel.etp`` × the days each
    contract is in force, a person's concurrent contracts summed and counted at most one full-time a day —,
    the days of ``window`` on which one of them at least is under contract): the post they hold, which
    neither a paid etp lowered by an absence nor a vacancy between two of them shrinks. The one measure of a
    staffing minimum judged on the post (the SIEG accompaniers, the Brussels 10 %, the Brussels 2018
    encadrement; docs/interpretations.md « Minimum accompanier staffing »); ÷ the staffed days, the post's
    mean while staffed; ÷ ``window.days``, its mean over the window."""
    workers = list(workers)
    total = sum((person_fte_days(rows, window) for rows in enterprise.by_person(workers)), ZERO)
    staffed = sum(1 for heads in persons_by_day(enterprise, workers, window) if heads)
    return total, staffed


def person_fte_days(rows: Iterable[Worker], window: Period) -> Decimal:
    """One person's contractual FTE-days over ``window`` (``rows``: their contracts): their etp summed, day by day
    where it changes, at most one full-time a day (a contract's exit day included)."""
    change: dict[date, Decimal] = {}
    for w in rows:
        first, last = max(w.hire_date, window.start), min(w.exit_date or date.max, window.end)
        if first <= last:
            change[first] = change.get(first, ZERO) + w.fte
            nxt = last + timedelta(days=1)
            change[nxt] = change.get(nxt, ZERO) - w.fte
    total, held, since = ZERO, ZERO, None
    for day in sorted(change):
        if since is not None and held > 0:
            total += min(held, ONE) * (day - since).days
        held, since = held + change[day], day
    return total


def persons_by_day(enterprise: Enterprise, workers: Iterable[Worker], period: Period) -> list[int]:
    """How many people ``workers`` are employed on each day of ``period`` (index 0: its first day): a head
    count counts persons, the ids of one person once (``Enterprise.by_person``), a day under two of their
    contracts once (docs/interpretations.md, « A person re-hired under a new id »)."""
    change = [0] * (period.days + 1)
    for rows in enterprise.by_person(workers):
        for first, last in person_stretches(rows, period):
            change[(first - period.start).days] += 1
            change[(last - period.start).days + 1] -= 1
    heads, out = 0, []
    for c in change[:-1]:
        heads += c
        out.append(heads)
    return out


def average_persons(enterprise: Enterprise, workers: Iterable[Worker], period: Period) -> Decimal:
    """Average number of people ``workers`` are, employed over ``period``: Σ days each person is employed
    (``person_days_in``) ÷ days — the mean of ``persons_by_day``, whose days sum to that Σ, without building
    the list. The one average head count (the Brussels tranches, which count each day anyway, take the mean
    of their day counts)."""
    return Decimal(sum(person_days_in(rows, period) for rows in enterprise.by_person(workers))) / period.days


NO_PAY: dict = {}  # the Paie index of a worker without any row (never written to)
ONE = Decimal(1)
# A spreadsheet keeps 15 significant digits: a Paie etp typed as a formula (=0,5*14/30) is read as
# 0.233333333333333, and spread back over the 14 days employed (× 30 / 14) it gives 0.4999999999999993,
# not 0.5 — under a threshold of 0,50 ETP. What is divided back is kept to 10 decimal places: far finer
# than any etp anyone types, far coarser than that noise (docs/interpretations.md, « Figures typed as formulas »).
SPREADSHEET_NOISE = Decimal("1E-10")


def denoised(x: Decimal) -> Decimal:
    """``x`` kept to 10 decimal places: what a division of day shares or of spreadsheet figures leaves
    beyond them is noise (4 FTE averaged over 28/29 + 11 + 1/28 months is 3.999…998 in Decimal's 28
    digits), and a figure compared with a legal threshold must not fail on it."""
    return x.quantize(SPREADSHEET_NOISE)


def spread_fte(fte: Decimal, month_days: int, employed: int) -> Decimal:
    """A month's Paie etp (averaged over the calendar month) as the etp of each of the ``employed``
    days of that ``month_days``-day month, never more than 1 a day (D2)."""
    if employed == month_days:
        return fte if fte < ONE else ONE
    return min(ONE, denoised(fte * month_days / employed))


def daily_fte(pays: dict, worker: Worker, month: Month, first: date, last: date) -> tuple[Decimal, bool, int]:
    """(etp of each employed day of ``month``, from Paie?, days employed that month) — decision D2.

    ``Paie.etp`` is the month's paid working time averaged over the calendar month (as the fallback of
    ``fte_rows`` computes it): spread evenly over the days employed that month, never more than 1 a day
    (hired on the 20th of a 31-day month at etp 12/31 → 1 a day). Without a Paie row, Personnel.etp.
    FTE-days of part of the month = this × the part's days employed; ÷ the month's days, FTE-months.

    ``pays``: the worker's Paie rows by month number (``Enterprise.pay_by_worker_month``); ``first``,
    ``last``: the month's first and last days.
    """
    employed = days_between(max(worker.hire_date, first), min(worker.exit_date or date.max, last))
    if not employed:
        return ZERO, True, 0
    pay = pays.get(month.number)
    if pay is None:
        return worker.fte, False, employed
    return spread_fte(pay.fte, month.days, employed), True, employed


def fallback_warnings(fallbacks: dict[str, tuple[Month, ...] | list[Month]], file: str | None = None
                      ) -> list[Problem]:
    """One warning per worker whose etp fell back on Personnel.etp, in the order given (``fte_rows`` walks the
    workers in the model's one worker order)."""
    out = []
    for wid, months in fallbacks.items():
        listed = ", ".join(str(m) for m in months)
        who = worker_text(wid, capital=True)
        out.append(warning("payroll_missing_month", t(
            f"{who.fr} : pas de ligne de paie pour {listed} ; etp contractuel utilisé "
            "(au prorata des jours d'occupation).",
            f"{who.en}: no payroll row for {listed}; contractual fte used (pro rata of days employed)."),
            file=file, sheet="Paie"))
    return out


def payroll_gaps(enterprise: Enterprise) -> list[Problem]:
    """``ei validate``'s ``payroll_missing_month`` warnings: each worker's months employed without a Paie row
    between the workbook's first and last Paie months — the months every check counts on Personnel.etp
    instead (``fte_rows``, ``fallback_warnings``, the same words). Months before the first Paie month or after
    the last are not missing: the workbook's payroll starts or stops there (the checks call the later ones
    not known). Every worker, Art. 60 §7 ones included: the check of the workbook is not the quota's. No Paie
    row at all: no month to compare with, nothing said here (validate's line counts « 0 ligne de paie »)."""
    if not enterprise.pay:
        return []
    first = min(p.month for p in enterprise.pay)
    last = max(p.month for p in enterprise.pay)
    months = list(Period(first.first_day, last.last_day).months())
    _, fallbacks = fte_rows(enterprise, months, enterprise.workers)
    return fallback_warnings(fallbacks, enterprise.source)


def obligations_start(enterprise: Enterprise, regime, period: Period) -> date:
    """The first day ``regime``'s obligations run for the enterprise over ``period``: the agrément day — or the
    regime's first day when it came into force after it, since its rules did not exist before (the CDI within
    6 months of wallonie-2016 is not found for 2003, rules.md §4.3; applicable from 2017-06-30, §1). A regime
    judging a period that lies wholly outside its validity is a simulation, judging as if it were in force:
    the agrément day. Chosen (D4) or not, a regime is a simulation only there: the workbook's ``regime`` field
    naming the regime in force changes nothing (``Regime.simulates``, docs/interpretations.md).

    Computed once per run by ``rules.dashboard.run_checks``, which cuts the period judged at it and passes it to
    the checks whose rules run from it (``obligations_from``); a check called alone computes it here."""
    if regime.simulates(period):
        return enterprise.agrement_date
    return max(enterprise.agrement_date, regime.valid_from)


def from_day(period: Period, start: date) -> Period:
    """The part of ``period`` from ``start`` when the period begins before it (``period`` itself otherwise, or
    when it ends before that day)."""
    if period.start < start <= period.end:
        return Period(start, period.end)
    return period


def obligation_period(enterprise: Enterprise, period: Period) -> Period:
    """The part of ``period`` the agrément's obligations concern: from the agrément day when the period begins
    before it (``from_day``)."""
    return from_day(period, enterprise.agrement_date)


def obligations_start_reason(enterprise: Enterprise, regime, value: Value, period: Period, start: date,
                             deadlines: bool = True, *, application: bool = False) -> "Reason | None":
    """Why nothing is judged before the regime applied, and the deadlines of a worker hired before run from
    its first day (``start``, its ``obligations_start``); for an agrément application whose period begins before that day,
    that the whole period is judged and the deadlines run from that day; None when they run from the hire or
    the agrément, as usual.
    ``period``: the period judged — cut to begin on that day by ``rules.dashboard.run_checks`` when it began
    before, unless for an agrément application (``application``, run_checks' own flag: judged whole);
    ``deadlines``: whether the rule has any (the Brussels encadrement CDI has none)."""
    if start == enterprise.agrement_date:
        return None
    deadline = t("les délais d'un travailleur engagé avant courent de ce jour",
                 "the deadlines of a worker hired before run from that day")
    head = t(f"Règle du régime {regime.id}, appliqué depuis le {start.isoformat()} (après l'agrément du "
             f"{enterprise.agrement_date.isoformat()}) : ",
             f"Rule of regime {regime.id}, applied since {start.isoformat()} (after the agrément of "
             f"{enterprise.agrement_date.isoformat()}): ")
    if application and period.start < start:
        # An agrément application, judged whole (``run_checks`` cuts every other period at that day): its
        # breaches before that day are printed, so « it did not run before » would contradict them.
        said = [t("la demande d'agrément juge toute la période, comme ce que le classeur montre des conditions",
                  "the agrément application judges the whole period, as what the workbook shows of the "
                  "conditions")] + ([deadline] if deadlines else [])
        return because(t(head.fr + " ; ".join(s.fr for s in said) + ".",
                         head.en + "; ".join(s.en for s in said) + "."), value)
    said = ([t("rien n'est jugé avant ce jour", "nothing is judged before that day")] if period.start == start
            else []) + ([deadline] if deadlines else [])
    if not said:
        return None
    return because(t(
        head.fr + "elle ne courait pas avant ; " + ", et ".join(s.fr for s in said) + ".",
        head.en + "it did not run before; " + ", and ".join(s.en for s in said) + "."), value)


def obligation_deadline(worker: Worker, months: int, start: date) -> date:
    """The last allowed day of an obligation due N calendar months after the hire — after ``start`` for a
    worker hired before it: the agrément (no obligation of the agrément ran before it), or the first day of
    the regime that sets the obligation (``obligations_start``): the CDI, the bilan, the plan."""
    return anniversary(max(worker.hire_date, start), months)


def person_deadline(rows: tuple[Worker, ...], months: int, start: date
                    ) -> tuple[date, Worker, Worker | None]:
    """(last allowed day, the contract whose hire it runs from, the contract under which it falls due — None
    if the person left before) of an obligation due N months after the hire (``obligation_deadline``), for one
    person's employment contracts here, first hire first (``Enterprise.employments_of``): from the person's
    first hire here, a re-hire under a new id does not postpone it. A person not employed on that day but
    re-hired after it owes it N months after that re-hire (the EI could not act while they were away). The
    follow-up's bilan and plan, the CDI (docs/interpretations.md, « A person re-hired under a new id »)."""
    first, due = rows[0], obligation_deadline(rows[0], months, start)
    for w in rows:
        if w.hire_date > due:
            first, due = w, obligation_deadline(w, months, start)
        if w.employed_on(due):
            return due, first, w
    return due, first, None


def worker_text(worker_id: str, capital: bool = False) -> Text:
    """« travailleur 3 » / « worker 3 » (« Travailleur 3 » / « Worker 3 » to begin a sentence): a worker named
    in a sentence. The workbook allows numeric ids (1, 2, 3): bare, they read as figures (« 3 / 2 », « 2 : sorti
    sans CDI »); named so, as ``ei validate`` names them."""
    fr, en = ("Travailleur", "Worker") if capital else ("travailleur", "worker")
    return t(f"{fr} {worker_id}", f"{en} {worker_id}")


def worker_month_text(worker_id: str, month: Month) -> Text:
    """« travailleur 3 en 2025-03 » / « worker 3 in 2025-03 »: one worker's month (``worker_text``), as the months
    a check leaves out or flags are listed."""
    named = worker_text(worker_id)
    return t(f"{named.fr} en {month}", f"{named.en} in {month}")


def workers_text(worker_ids: Iterable[str]) -> Text:
    """« travailleur 3 », « travailleurs 3, 4 » / « worker 3 », « workers 3, 4 »: ``worker_text`` for a list."""
    ids = list(worker_ids)
    listed = ", ".join(ids)
    return t(f"{french_word(len(ids), 'travailleur')} {listed}", f"{english_word(len(ids), 'worker')} {listed}")


def person_hire_text(worker_id: str, hire: date) -> Text:
    """« engagement de la personne : travailleur A1, 2024-01-01 »: the hire a person's deadline runs from
    (``person_deadline``), said where the line names another of their ids."""
    named = worker_text(worker_id)
    return t(f"engagement de la personne : {named.fr}, {hire}", f"the person's hire: {named.en}, {hire}")


def paid_to(enterprise: Enterprise) -> date | None:
    """The last day the payroll is read to for an amount (``data_horizon``, the SIEG bracket's days): the last
    Paie month's end, but never past the current month's (``periods.today``). A Paie row of a month that starts
    after today — a payroll entered ahead, which the reader warns of (``pay_month_in_future``) — pays a month
    not begun: no subsidy is claimed on it yet, it is to come as an unpaid month is. The current month counts
    once paid, as a current payroll's last month always did. None without any Paie row. (The quota still
    measures every month paid, as entered: docs/interpretations.md, « A payroll entered ahead of today ».)"""
    last = enterprise.last_pay_month
    if last is None:
        return None
    return min(last.last_day, Month.of(periods.today()).last_day)


def entered_ahead(enterprise: Enterprise) -> bool:
    """The payroll is entered ahead: its last Paie month ends after the current month, so ``paid_to`` stops short
    of it — the months after the current one are not begun, whatever their Paie rows (``horizon_text``)."""
    paid = paid_to(enterprise)
    return paid is not None and paid < enterprise.last_pay_month.last_day


def data_horizon(enterprise: Enterprise, period: Period) -> date | None:
    """The last day the payroll-based amounts of a year in progress are computed to — the TD/TGD monthly wage
    cost, the SIEG accompaniment line (``rules.subsidy``), the pay owed (``rules.wages``): the last Paie
    month's end, when ``period`` runs beyond it, the workbook is current (its last Paie month at most two
    months before the current month) and ``period`` is not over (its last day not before today); the
    months after it are not paid yet — « à calculer avec leur paie », not missing; a payroll entered ahead
    counts up to the current month's end only (``paid_to``): the months after it are not begun, to come as
    well, whatever their Paie rows say. With a payroll further
    behind, or without any Paie row, the last day of the last month over by today (``last_month_over``): the
    months up to it are missing, the month still running and the later ones are to come — a month not over
    cannot have its payroll yet (the forecast's « mois passés sans paie » are the same months). None
    otherwise: a period over is a closed year, whose payroll stopping early (or absent) has data missing,
    not data to come; a payroll reaching the period's end leaves nothing to come (docs/interpretations.md,
    « The year in progress »). The deadlines of the employment and follow-up checks rest on Personnel and
    Suivi, not on the payroll: ``deadline_horizon``."""
    paid = paid_to(enterprise)
    if period_over(period) or (paid is not None and paid >= period.end):
        return None
    if paid is not None and payroll_current(enterprise):
        return paid
    return last_month_over()


def known_part(enterprise: Enterprise, period: Period) -> Period | None:
    """The part of ``period`` the payroll-based staff figures (the FTE average, the annual work units, the heads
    beside them) measure: up to ``data_horizon`` for a year in progress — « au 2026-07-31 », as the quota's
    known months —, the whole period otherwise; None for a period not begun (``not_begun``) or one whose
    horizon falls before its first day: nothing of it is known yet (docs/interpretations.md, « Staff figures
    of a year in progress »)."""
    if not_begun(period):
        return None
    horizon = data_horizon(enterprise, period)
    if horizon is None:
        return period
    return Period(period.start, horizon) if horizon >= period.start else None


def last_month_over() -> date:
    """The last day of the last calendar month over by today (``periods.today``): the month before the current
    one — the current month is running even on its last day. No payroll can be missing after it."""
    return Month.of(periods.today()).first_day - timedelta(days=1)


def payroll_current(enterprise: Enterprise, last: Month | None = None) -> bool:
    """The workbook's payroll is current: its last Paie month at most two months before the current month
    (``periods.today``) — the months after it are not paid yet, not missing (``data_horizon``). ``last``: the last
    month of the rows a rule reads, when not the whole sheet's (the wage tension's, art. 60 rows left out)."""
    last = enterprise.last_pay_month if last is None else last
    return last is not None and last.number >= Month.of(periods.today()).number - 2


def pay_known_text(enterprise: Enterprise) -> Text:
    """How far the payroll goes, said beside a horizon or a gap: « paie connue jusqu'au 2026-06-30 » (the last
    Paie month's end), « aucune paie saisie » without any Paie row."""
    last = enterprise.last_pay_month
    if last is None:
        return t("aucune paie saisie", "no payroll entered")
    return t(f"paie connue jusqu'au {last.last_day.isoformat()}", f"payroll known to {last.last_day.isoformat()}")


def horizon_text(enterprise: Enterprise, horizon: date, period: Period | None = None) -> Text:
    """A year in progress's ``data_horizon`` said with what it is: « 2026-10-31 (année en cours, paie connue
    jusqu'au 2026-10-31) » when it is the last Paie month's end; « 2026-10-31 (fin du dernier mois terminé,
    année en cours, paie connue jusqu'au 2026-06-30) » when it is the last month over by today
    (``last_month_over``) — a payroll more than two months behind, or none; « 2026-11-30 (fin du mois en cours,
    année en cours, paie saisie d'avance jusqu'au 2026-12-31) » when a payroll entered ahead is read to the
    current month only (``paid_to``). The one way every payroll-based amount names its horizon: never the
    horizon presented as the last Paie month when it is not. ``period``: the period claimed or judged, when it
    may not have begun yet (``not_begun``: ``--year 2027`` on 2026-11-30) — « période pas encore commencée »
    then, never « année en cours »."""
    last, known, day = enterprise.last_pay_month, pay_known_text(enterprise), horizon.isoformat()
    now = (t("période pas encore commencée", "period not begun yet") if period is not None and not_begun(period)
           else t("année en cours", "year in progress"))
    if last is not None and last.last_day == horizon:
        return t(f"{day} ({now.fr}, {known.fr})", f"{day} ({now.en}, {known.en})")
    if entered_ahead(enterprise):
        ahead = last.last_day.isoformat()
        return t(f"{day} (fin du mois en cours, {now.fr}, paie saisie d'avance jusqu'au {ahead})",
                 f"{day} (end of the current month, {now.en}, payroll entered ahead up to {ahead})")
    return t(f"{day} (fin du dernier mois terminé, {now.fr}, {known.fr})",
             f"{day} (end of the last month over, {now.en}, {known.en})")


def deadline_horizon(period: Period) -> date | None:
    """The last day by which an obligation of the employment and follow-up checks can have fallen due —
    the CDI within N months, the bilan, the training plan (due on their deadline day: one after it is not
    due yet), a quarter's interview, a month's accompanier (due once the quarter or month is over by then):
    today, when ``period`` runs beyond it; None for a period over (everything due by its end is due). These
    rest on Personnel and Suivi, not on the payroll: what fell due by today is due whatever the last Paie
    month, or without any Paie row — adding a month of Paie never hides a breach — and nothing after today
    can be due yet, even with a payroll entered ahead (docs/interpretations.md, « Interviews, bilans and
    plans within the employment »). A period not begun yet (``not_begun``) is not judged at all by these
    checks (``rules.dashboard.run_checks``); the last Paie month plays no part in either rule."""
    today = periods.today()
    return today if period.end > today else None


def period_over(period: Period) -> bool:
    """``period`` is over: its last day before today (``periods.today``). A month of it without payroll is missing
    data, not a month to come (no projection, no hire advice for it: the quota); a year not over is in progress,
    its figures provisional even when its payroll, entered ahead, reaches its end (``known_part``)."""
    return period.end < periods.today()


def not_begun(period: Period) -> bool:
    """``period`` begins after today: nothing in it can have fallen due yet (``deadline_horizon``)."""
    return period.start > periods.today()


def not_begun_text() -> Text:
    """« période pas encore commencée au 2026-11-30 (date du jour) »: a period ``not_begun`` said where its outcome
    is described (summary.xlsx's « À propos », the claim workbook's « Données »)."""
    today = periods.today().isoformat()
    return t(f"période pas encore commencée au {today} (date du jour)", f"period not begun yet on {today} (today)")


def not_begun_sentence(period: Period, what: Text) -> Text:
    """« La période 2027-01-01 – 2027-12-31 commence après la date du jour (2026-11-30) : {what}. »: why a check
    does not judge a period ``not_begun`` (the dashboard's, the size's, the supervision share's, the wage
    tension's reasons)."""
    today = periods.today().isoformat()
    span = f"{period.start.isoformat()} – {period.end.isoformat()}"
    return t(f"La période {span} commence après la date du jour ({today}) : {what.fr}.",
             f"The period {span} begins after today ({today}): {what.en}.")


def not_begun_summary() -> Text:
    """The summary of a check not judged on a period not begun (``not_begun``): « indéterminé : période pas encore
    commencée (date du jour : …) » — the dashboard's deadlines and eligibility, the enterprise size."""
    today = periods.today().isoformat()
    return t(f"indéterminé : période pas encore commencée (date du jour : {today})",
             f"unknown: period not begun yet (today: {today})")


def awaited_text(awaited: Sequence[Month]) -> Text:
    """« la paie de 2027-04 », « la paie de 2027-03 à 2027-04 »."""
    if len(awaited) == 1:
        return t(f"la paie de {awaited[0]}", f"the payroll of {awaited[0]}")
    return t(f"la paie de {awaited[0]} à {awaited[-1]}", f"the payroll of {awaited[0]} to {awaited[-1]}")


def provisional_words(provisional: bool, period: Period, awaited: Sequence[Month] = ()) -> Text:
    """« provisoire : année en cours », or for a year that has ended with months unpaid « provisoire : paie
    incomplète » — not « année en cours » for a year long over —, or « provisoire : en attente de la paie de
    2027-04 » when those months' payroll is not due yet (``rules.quota._awaited``) — a year over, ``period_over`` —;
    « provisoire : année pas encore commencée » for ``period`` not begun (``not_begun``), judged on a payroll
    entered ahead of it. Empty when not ``provisional``."""
    if not provisional:
        return t("", "")
    if not_begun(period):
        return t("provisoire : année pas encore commencée", "provisional: year not begun yet")
    if period_over(period) and awaited:
        said = awaited_text(awaited)
        return t(f"provisoire : en attente de {said.fr}", f"provisional: awaiting {said.en}")
    if period_over(period):
        return t("provisoire : paie incomplète", "provisional: payroll incomplete")
    return t("provisoire : année en cours", "provisional: year in progress")


def provisional_label(provisional: bool, period: Period, awaited: Sequence[Month] = ()) -> tuple[str, str]:
    """``provisional_words`` in brackets after a sentence, « (provisoire : année en cours) »; empty when not
    ``provisional``."""
    words = provisional_words(provisional, period, awaited)
    return (f" ({words.fr})", f" ({words.en})") if provisional else ("", "")


def months_runs_text(months: Sequence[Month]) -> str:
    """Months in order said by runs of consecutive months: « 2025-03 », « 2025-01 – 2025-02, 2025-12 »."""
    runs: list[list[Month]] = []
    for m in months:
        if runs and m.number == runs[-1][-1].number + 1:
            runs[-1].append(m)
        else:
            runs.append([m])
    return ", ".join(str(r[0]) if len(r) == 1 else f"{r[0]} – {r[-1]}" for r in runs)


def not_due_after_reason(period: Period, value: Value) -> Reason:
    """The reason a period running beyond today gives for what it does not judge yet (``deadline_horizon``,
    which is today for such a period: the day said), citing the rule's ``value``: « Période en cours au … »
    for a period in progress; a period not begun yet (judged only for an agrément application, ``run_checks``)
    says that instead."""
    today = periods.today().isoformat()
    if not_begun(period):
        begun = not_begun_text()
        return because(t(
            f"{begun.fr[:1].upper()}{begun.fr[1:]} : aucune de ses échéances n'est encore venue, rien n'y est "
            "encore dû.",
            f"{begun.en[:1].upper()}{begun.en[1:]}: none of its deadlines has come yet, nothing in it is due "
            "yet."), value)
    return because(t(
        f"Période en cours au {today} (date du jour) : ce qui vient à échéance après ce jour (délai, "
        "trimestre ou mois pas encore terminé) n'est pas encore dû, quelle que soit la paie saisie ; ce qui est "
        "échu l'est, quel que soit le dernier mois de paie.",
        f"Period in progress on {today} (today): what falls due after this day (a deadline, a quarter "
        "or month not over yet) is not due yet, whatever the payroll entered; what has fallen due is, whatever "
        "the last payroll month."), value)


def fte_rows(enterprise: Enterprise, months: Sequence[Month], workers: Iterable[Worker]
             ) -> tuple[list[list[Decimal]], dict[str, list[Month]]]:
    """The etp of each worker in each of ``months``, as lists aligned with ``months`` (ZERO when
    nothing: not employed, or etp 0), and the months where Paie had no row, by worker.

    Paie's etp is the working time actually paid; in the month of a hire or an exit, at most what the days
    employed allow (``workdays.fte_allowed``: the larger of their calendar-day and working-day shares,
    each rounded up to the hundredth — a hire on the Monday after a weekend paid a whole month counts 1): the
    rest is not counted, and the reader warns of exactly those rows (``pay_fte_beyond_days_employed``). Without a Paie row, a
    worker employed that month counts for Personnel.etp × the share of the month's calendar days employed
    (workbook.md: fall back to Personnel.etp, with a warning). The hot loop of every check.
    """
    bounds = [(m, m.number, m.first_day, m.last_day, Decimal(m.days)) for m in months]
    pay_index = enterprise.pay_by_worker_month
    rows: list[list[Decimal]] = []
    fallbacks: dict[str, list[Month]] = {}
    for w in workers:
        row = []
        pays = pay_index.get(w.worker_id, NO_PAY)
        hired, left, contract_fte = w.hire_date, w.exit_date or date.max, w.fte
        # A Paie row of a month without a day employed is not counted (the reader warns:
        # pay_outside_employment).
        hired_in, left_in = month_span(hired, w.exit_date)
        missing = []
        for m, number, first, last, days in bounds:
            pay = pays.get(number)
            if pay is not None and hired_in < number < left_in:
                row.append(pay.fte or ZERO)
                continue
            start, end = (hired if hired > first else first), (left if left < last else last)
            if pay is not None and start <= end:
                # The month of a hire or an exit: its Paie etp, at most what its days employed allow (the
                # calendar share, rounded up, is enough but for a slip the reader warns of).
                fte = pay.fte or ZERO
                if fte * days > (end - start).days + 1:
                    fte = min(fte, fte_allowed(m, start, end)[0])
                row.append(fte)
                continue
            if start > end:
                row.append(ZERO)  # not employed that month: nothing missing
                continue
            row.append(contract_fte * Decimal((end - start).days + 1) / days or ZERO)
            missing.append(m)
        if missing:
            fallbacks.setdefault(w.worker_id, []).extend(missing)
        rows.append(row)
    return rows, fallbacks


