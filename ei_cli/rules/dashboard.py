"""Every check of a regime, in one list: the ``ei check`` dashboard (and ``ei batch``).

Each rule module exposes ``check(enterprise, regime, period, report) -> CheckResult``; this module
only runs them in the contract's order and chooses the default period.
"""

from __future__ import annotations

import importlib
from datetime import date

from ei_cli import periods
from ei_cli.i18n import t
from ei_cli.model import Enterprise
from ei_cli.periods import Period
from ei_cli.regimes import Regime
from ei_cli.rules.common import (CheckResult, because, combine, from_day, not_begun, not_begun_sentence,
                                 not_begun_summary, not_judged, obligations_start)

CHECK_NAMES = ("eligibility", "quota", "wages", "employment", "enterprise", "follow_up")
# The checks whose rules run from the judging regime's first day when it came into force after the agrément:
# wallonie-2016's CDI, half-time and follow-up are not found for 2003 (rules.md §4.3, §4.6), the Brussels
# encadrement CDI is the 2004 ordinance's. The wage tension keeps the agrément day (a 1 : 4 rule exists under
# every decree, §3.4, §4.4); the quota runs by agrément years.
FROM_REGIME_START = ("employment", "follow_up")
# The checks a period not begun leaves unjudged (``_not_begun``): those above, whose deadlines cannot have come,
# and the eligibility, whose count of the workers « occupés pendant la période » would be of a period no one has
# worked in yet (« 16 travailleurs » beside « — ETP moyens »). The quota and the enterprise size say it themselves.
NOT_JUDGED_BEFORE_START = FROM_REGIME_START + ("eligibility",)


class UnknownCheck(ValueError):
    def __init__(self, names: list[str]):
        super().__init__(", ".join(names))
        self.names = names


def parse_only(text: str | None) -> tuple[str, ...] | None:
    """``"quota, wages"`` → ("quota", "wages") in the contract's order; None = every check.

    Raises UnknownCheck with the names that are not check names — none when no name at all was given
    (``""``, ``","``, ``" "``).
    """
    if text is None:
        return None
    asked = [n.strip().lower().replace("-", "_") for n in text.split(",") if n.strip()]
    bad = [n for n in asked if n not in CHECK_NAMES]
    if bad or not asked:
        raise UnknownCheck(bad)
    return tuple(n for n in CHECK_NAMES if n in asked)


def run_checks(enterprise: Enterprise, regime: Regime, period: Period, report=None,
               only: tuple[str, ...] | list[str] | None = None, application: bool = False) -> list[CheckResult]:
    """The results of the checks asked (all by default), in CHECK_NAMES order.

    The employment and follow-up checks rest on Personnel and Suivi, not on the payroll — one rule for what
    they judge, and for the eligibility's count of the workers employed in the period
    (``NOT_JUDGED_BEFORE_START``): a period not begun yet (the first day of its part judged — from the agrément,
    or the regime's start, ``rules.common.from_day`` — after today, ``rules.common.not_begun``) is not
    judged (« période pas encore commencée », ``data_known`` false, ``compliant`` null); one that has begun is
    judged up to ``rules.common.deadline_horizon`` whatever the last Paie month, or without any Paie row.

    ``application``: for an agrément application, whose period may end before the agrément — every check
    is judged, as what the workbook shows of the conditions, not as obligations already owed."""
    if report is None:
        from ei_cli.rules.eligibility import assess_eligibility

        report = assess_eligibility(enterprise, regime)
    names = [n for n in CHECK_NAMES if only is None or n in only]
    # The first day the regime's rules run (the agrément, or the regime's own start): one day for the period
    # judged and for the deadlines of the checks in FROM_REGIME_START.
    start = obligations_start(enterprise, regime, period)
    results = []
    for name in names:
        # Before the agrément, no obligation of it applies: the quota says so itself (no agrément year);
        # the eligibility still tells who belongs to the target public, and the enterprise check (legal
        # form, size) judges conditions for obtaining the agrément, which an application needs.
        if not application and period.end < enterprise.agrement_date \
                and name not in ("eligibility", "quota", "enterprise"):
            results.append(_before_agrement(name, enterprise, regime, period))
            continue
        # Every name of CHECK_NAMES is a module of ei_cli.rules: one that fails to import is a defect, told as
        # an internal error, never passed off as a check « not available yet ».
        check = importlib.import_module(f"ei_cli.rules.{name}").check
        judged = period
        if not application and name != "eligibility":
            # A period that begins before the agrément: the obligations are judged from the agrément day
            # (quarters, months without an accompanier, CDI breaches, pay compared, the Brussels encadrement
            # share the subsidies measure from it too), none before it (docs/interpretations.md, « A
            # period that begins before the agrément »). The quota runs by agrément years already. The
            # rules a regime brought in run from its own start when it came into force after the agrément
            # (``rules.common.obligations_start``). The one place the judged period is chosen: an agrément
            # application judges the whole period (the checks take the deadlines' start themselves).
            judged = from_day(period, start if name in FROM_REGIME_START else enterprise.agrement_date)
        if not application and name in NOT_JUDGED_BEFORE_START and not_begun(judged):
            # A period not begun yet — the part judged, from the agrément (or the regime's start): an agrément
            # after today leaves nothing of 2026 due yet, not « non conforme » from that day. Nothing in it can
            # have fallen due (« not due yet » would read « conforme » for a year not begun). One that has begun
            # is judged up to today whatever the last Paie month (``rules.common.deadline_horizon``): the
            # deadlines rest on Personnel and Suivi, not the payroll.
            results.append(_not_begun(name, enterprise, regime, period, judged))
            continue
        # The checks whose deadlines run from the regime's start are told of an application (their reasons
        # say it judges the whole period; the follow-up cuts no quarter at that day), never left to infer it.
        options = {"application": application, "obligations_from": start} if name in FROM_REGIME_START else {}
        results.append(check(enterprise, regime, judged, report, **options))
    return results


def _not_begun(name: str, enterprise: Enterprise, regime: Regime, period: Period, judged: Period) -> CheckResult:
    """A period whose part judged (``judged``: from the agrément or the regime's start, ``from_day``)
    begins after today: nothing in it has fallen due yet — unknown, not judged. The reason names the day the
    obligations start when it is not the period's first day (an agrément after today)."""
    today = periods.today().isoformat()
    text = not_begun_summary()
    span = f"{period.start.isoformat()} – {period.end.isoformat()}"
    start = judged.start.isoformat()
    if name == "eligibility":   # no deadline: who is employed in the period is not known yet
        reason = because(not_begun_sentence(period, t(
            "qui y sera occupé n'est pas encore connu, le public cible n'y est pas encore compté",
            "who will be employed in it is not known yet, the target public is not counted yet")))
    elif judged.start == period.start:
        reason = because(not_begun_sentence(period, t(
            "aucune de ses échéances n'est encore venue, elle n'est pas encore jugée",
            "none of its deadlines has come yet, it is not judged yet")))
    elif judged.start == enterprise.agrement_date:
        reason = because(t(
            f"Les obligations de l'agrément courent du {start} (date d'agrément), après la date du jour ({today}) : "
            f"aucune échéance de la période {span} n'est encore venue, elle n'est pas encore jugée.",
            f"The agrément's obligations run from {start} (the agrément date), after today ({today}): no deadline "
            f"of the period {span} has come yet, it is not judged yet."))
    else:
        reason = because(t(
            f"Les règles du régime {regime.id} courent du {start} (son premier jour, après l'agrément du "
            f"{enterprise.agrement_date.isoformat()}), après la date du jour ({today}) : aucune échéance de la "
            f"période {span} n'est encore venue, elle n'est pas encore jugée.",
            f"The rules of regime {regime.id} run from {start} (its first day, after the agrément of "
            f"{enterprise.agrement_date.isoformat()}), after today ({today}): no deadline of the period {span} has "
            "come yet, it is not judged yet."))
    return not_judged(name, regime, text, (reason,), own={"data_known": False})


def _before_agrement(name: str, enterprise: Enterprise, regime: Regime, period: Period) -> CheckResult:
    """A period that ends before the agrément: none of the agrément's obligations applies to it (the
    quota and the subsidies say the same); who belongs to the target public (eligibility) is still told."""
    # The verdict (« non applicable ») is shown beside it: the key figure says why, not the verdict again.
    text = t(f"la période se termine avant l'agrément ({enterprise.agrement_date.isoformat()})",
             f"the period ends before the agrément ({enterprise.agrement_date.isoformat()})")
    reason = because(t(
        f"La période {period.start.isoformat()} – {period.end.isoformat()} se termine avant la date d'agrément "
        f"({enterprise.agrement_date.isoformat()}) : aucune obligation de l'agrément ne la concerne.",
        f"The period {period.start.isoformat()} – {period.end.isoformat()} ends before the agrément date "
        f"({enterprise.agrement_date.isoformat()}): no obligation of the agrément applies to it."))
    return not_judged(name, regime, text, (reason,), own={"applicable": False})


# The agrément's obligations. The eligibility is information (never « non conforme »), and the enterprise
# check judges the conditions of *obtaining* the agrément, which apply before it too.
OBLIGATIONS = ("quota", "wages", "employment", "follow_up")


def nothing_applies(checks) -> bool:
    """No obligation of the agrément applies to the period (it ends before the agrément): every obligation
    check run is « non applicable », and no check left (the conditions of obtaining the agrément) fails.
    ``checks``: (check name, applicable, compliant) triples."""
    checks = list(checks)
    obligations = [applicable for name, applicable, _ in checks if name in OBLIGATIONS]
    return bool(obligations) and not any(obligations) and not any(
        compliant is False for _, applicable, compliant in checks if applicable)


def applies(results: list[CheckResult]) -> bool:
    """Some obligation of the agrément applies to the results' period (``nothing_applies`` on check results)."""
    return not nothing_applies((r.name, r.applicable, r.compliant) for r in results)


def overall(results: list[CheckResult]) -> bool | None:
    """The checks that apply, combined (a check not applicable to the period is neither compliant nor
    unknown: ``--strict`` does not count it). None when none applies, or when no obligation of the
    agrément does (a period before it): the information and the conditions of obtaining the agrément
    left would read « conforme » for a year no obligation concerns — the run's verdict is then « non
    applicable » (``nothing_applies``), and ``--strict`` does not fail on it."""
    if not applies(results):
        return None
    applying = [r.compliant for r in results if r.applicable]
    return combine(applying) if applying else None


def period_for(enterprise: Enterprise, year: int | None = None, today: date | None = None) -> Period:
    """The calendar year evaluated: ``year`` if given; else the latest year whose December is in
    ``Paie`` (the last complete year of payroll); else the year of the last payroll month; without
    any payroll, the calendar year before ``today``."""
    if year is not None:
        return Period.calendar_year(year)
    months = [p.month for p in enterprise.pay]
    if months:
        decembers = [m.year for m in months if m.month == 12]
        return Period.calendar_year(max(decembers) if decembers else max(months).year)
    from ei_cli import periods

    return Period.calendar_year((today or periods.today()).year - 1)
