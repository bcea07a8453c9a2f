"""The clean model every rule works on: small frozen dataclasses built by the workbook reader.

Dates are ``datetime.date``, money ``Decimal`` (euros), working time ``Decimal`` fractions of a
full-time job (etp). Nothing downstream of the reader ever sees a raw cell.
"""

from __future__ import annotations

import re
from dataclasses import MISSING, dataclass, field, fields
from datetime import date, timedelta
from decimal import Decimal
from enum import StrEnum
from functools import cached_property, lru_cache

from ei_cli.periods import Month, Period


class Region(StrEnum):
    WALLONIE = "wallonie"
    BRUXELLES = "bruxelles"


class ContractType(StrEnum):
    CDI = "CDI"
    CDD = "CDD"
    REPLACEMENT = "remplacement"
    ART60 = "art60"
    OTHER = "autre"


class Function(StrEnum):
    PRODUCTION = "production"  # personnel d'exécution
    SUPERVISION = "encadrement"
    SOCIAL_ACCOMPANIMENT = "accompagnement_social"
    MANAGEMENT = "direction"
    ADMINISTRATION = "administration"


class Diploma(StrEnum):
    NONE = "aucun"
    CEB = "ceb"
    CESI = "cesi"
    CESS = "cess"
    HIGHER = "superieur"

    @property
    def rank(self) -> int:
        return _DIPLOMA_RANK[self]


_DIPLOMA_RANK = {d: i for i, d in enumerate(Diploma)}  # declaration order: aucun < ceb < … < superieur


class FollowUpType(StrEnum):
    INDIVIDUAL_INTERVIEW = "entretien_individuel"
    COLLECTIVE_INTERVIEW = "entretien_collectif"
    ASSESSMENT = "bilan"
    TRAINING_PLAN = "plan_formation"
    TRAINING = "formation"
    SKILLS_VALIDATION = "validation_competences"
    # The annual round table with the insertion operators (seed 002, task 10): recorded and reported, never
    # counted by the follow-up check (it is no action with a worker).
    ROUND_TABLE = "table_ronde"
    OTHER = "autre"


def _private(default=None, *, person: bool = True):
    """A field holding personal data (identity, birth date, social situation): left out of ``repr``, so a
    traceback, a log line or an f-string of a record never prints it (cli.md: no national number, name or
    social-situation value in any output without --names). ``person``: a fact about the person before their
    first hire, a criterion's data (``PERSON_FIELDS``), read on the person's first row; not the identity, nor a
    criterion that is the contract's own (Brussels B5, « employed under an employment contract linked to the
    activation » of an allowance, rules.md §5.1), which each row keeps."""
    return field(default=default, repr=False, metadata={"person": person})


def person_key(national_number: str | None, contract_type: ContractType | None, stints: bool = False) -> str | None:
    """What ties the ids of one person (``Enterprise.employments``): the national number of an employment
    contract. None — a person of their own — without a number, or for an art. 60 §7 stint (the CPAS's
    contract, not a hire by the EI: rules.md Q11). ``stints``: the art. 60 §7 stints tied too, as the social
    follow-up reads a person (``Enterprise.followed_contracts``: one accompaniment covers both). The reader
    groups its Personnel rows by it before the model exists (``duplicate_niss``, ``follow_up_outside_employment``):
    one grouping for each."""
    if not national_number or (contract_type == ContractType.ART60 and not stints):
        return None
    return national_number


def _same_person(workers, stints: bool) -> dict[str, tuple[Worker, ...]]:
    """Worker id → the contracts ``person_key`` ties to it (first hire first; hired the same day, the earlier
    Personnel row), for each id of a person under several: ``Enterprise.employments``, ``followed_contracts``."""
    by_niss: dict[str, list[Worker]] = {}
    for w in workers:
        key = person_key(w.national_number, w.contract_type, stints)
        if key is not None:
            by_niss.setdefault(key, []).append(w)
    out: dict[str, tuple[Worker, ...]] = {}
    for same in by_niss.values():
        if len(same) > 1:
            ordered = tuple(sorted(same, key=lambda w: (w.hire_date, w.row or 0)))
            out.update((w.worker_id, ordered) for w in ordered)
    return out


@dataclass(frozen=True)
class Worker:
    worker_id: str
    hire_date: date
    contract_type: ContractType
    fte: Decimal
    function: Function
    national_number: str | None = _private(person=False)
    last_name: str | None = _private(person=False)
    first_name: str | None = _private(person=False)
    birth_date: date | None = _private()
    first_ei_hire_date: date | None = None
    exit_date: date | None = None
    open_ended_since: date | None = None
    diploma: Diploma | None = _private()
    registered_jobseeker: bool | None = _private()
    months_without_work: Decimal | None = _private()
    single_parent: bool | None = _private()
    former_art60: bool | None = _private()
    disability_recognition: bool | None = _private()
    underrepresented_sex: bool | None = _private()
    ethnic_minority: bool | None = _private()
    integration_income: bool | None = _private()
    activation_contract: bool | None = _private(person=False)   # the contract's own (B5)
    row: int | None = None  # source row in the Personnel sheet, for located messages

    @property
    def assessment_date(self) -> date:
        """Day the target-public status is assessed (rules.md D6)."""
        return self.first_ei_hire_date or self.hire_date

    @cached_property
    def employment(self) -> Period:
        """Employment in this enterprise; an open-ended one runs to date.max (built once per worker)."""
        return Period(self.hire_date, self.exit_date or date.max)

    def employed_on(self, d: date) -> bool:
        return self.employment.contains(d)

    def employed_in(self, period: Period) -> bool:
        return self.employment.overlaps(period)

    @property
    def has_employment_contract(self) -> bool:
        """Art. 60 §7 workers are employed by the CPAS, not by the EI (rules.md Q11)."""
        return self.contract_type != ContractType.ART60

    def display_name(self) -> str:
        """First and last name (shown with --names only); a national number typed there is masked as in
        every message (``cells.masked``): --names shows names, never a NISS."""
        from ei_cli.workbook.cells import masked

        return masked(" ".join(p for p in (self.first_name, self.last_name) if p)) or self.worker_id


_DIGIT_RUNS = re.compile(r"(\d+)")


@lru_cache(maxsize=1 << 16)
def worker_order(worker_id: str) -> tuple:
    """The sort key of a worker id, the one order of every list of workers or of per-worker items (subsidy
    lines, problems, follow-up gaps, tables, documents): ids that are whole numbers first, by value (1, 2, 9,
    10, 11, 20 — not the text order 1, 10, 11, 2…), then the others in natural order, casefolded, their digit
    runs by value (W2 before W10, w3 beside W3), the raw id last (007 before 7, W2 before w2). Cached: each id
    is keyed once, not at every comparison (``rows.sort(key=…)`` over the payroll meets an id 12 times a year).

    Digit runs are read with ``int``: the reader refuses an id with 11 digits in a row (a national number,
    ``cells._refuse_niss_id``), so no run is long enough to be slow to convert."""
    if worker_id.isdecimal():
        return 0, int(worker_id), (), worker_id
    parts = _DIGIT_RUNS.split(worker_id.casefold())
    # Text at even places, digit runs at odd ones: two keys never compare a str with an int.
    return 1, 0, tuple(int(p) if i % 2 else p for i, p in enumerate(parts)), worker_id


# The columns describing the person before their first hire (a criterion's data), as opposed to the contract
# and to their identity: read once for a person under several ids (``rules.eligibility._as_person``). A new
# criterion column is a ``_private()`` field of Worker, and is one of them.
PERSON_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(Worker) if f.metadata.get("person"))


@dataclass(frozen=True)
class PayMonth:
    worker_id: str
    month: Month
    fte: Decimal
    gross_pay: Decimal
    wage_cost: Decimal | None = None
    hours: Decimal | None = None
    row: int | None = None


@dataclass(frozen=True)
class FollowUp:
    worker_id: str
    date: date
    type: FollowUpType
    hours: Decimal | None = None
    row: int | None = None


def contract_stretches(rows: tuple[Worker, ...]) -> list[tuple[Worker, ...]]:
    """One person's contracts (``rows``, first hire first: ``Enterprise.employments_of``) grouped by
    uninterrupted stretch of employment: a contract that begins while an earlier one is in force, or on the
    day after the latest of them ends, continues their stretch; one that begins later, after a gap, begins
    a new one. The one grouping of a person's contiguous contracts: the CDI rule's « one breach per stretch »
    (``rules.employment``), the per-worker subsidies' window and occupation years, which run from a stretch's
    first hire (``rules.subsidy``)."""
    out: list[list[Worker]] = []
    until: date | None = None  # the stretch's last day so far (None: open-ended)
    for w in rows:
        if out and (until is None or w.hire_date - timedelta(days=1) <= until):
            out[-1].append(w)
            until = None if until is None or w.exit_date is None else max(until, w.exit_date)
        else:
            out.append([w])
            until = w.exit_date
    return [tuple(s) for s in out]


@dataclass(frozen=True)
class Enterprise:
    name: str
    region: Region
    agrement_date: date
    regime_id: str | None = None
    enterprise_number: str | None = None
    legal_form: str | None = None
    social_purpose: bool | None = None
    turnover: Decimal | None = None
    balance_sheet_total: Decimal | None = None
    workers: tuple[Worker, ...] = ()
    pay: tuple[PayMonth, ...] = ()
    follow_ups: tuple[FollowUp, ...] = ()
    # False when the workbook has no Suivi sheet (optional): the follow-up is then not known, which is
    # not the same as a sheet with no action in it.
    follow_up_sheet: bool = True
    source: str | None = field(default=None, compare=False)  # file the model was read from

    def __post_init__(self) -> None:
        # The one order of workers (``worker_order``), kept here once: every list of workers or of per-worker
        # items a rule builds by walking ``workers`` follows it, whatever the order of the Personnel rows.
        object.__setattr__(self, "workers", tuple(sorted(self.workers, key=lambda w: worker_order(w.worker_id))))

    @cached_property
    def workers_by_id(self) -> dict[str, Worker]:
        return {w.worker_id: w for w in self.workers}

    @cached_property
    def employments(self) -> dict[str, tuple[Worker, ...]]:
        """Worker id → every employment contract of the same person in this EI, first hire first (same
        national number; hired the same day: the earlier Personnel row), for each id of a person employed
        under several ids — worker ids are unique, so a re-hire is a new row (the reader's
        ``duplicate_niss``). Art. 60 §7 stints are the CPAS's contracts, not hires by the EI (rules.md
        Q11): they take no part. An empty ``niss`` says nothing: such ids are different people."""
        return _same_person(self.workers, stints=False)

    def employments_of(self, worker: Worker) -> tuple[Worker, ...]:
        """The person's employment contracts here, first hire first (``employments``; the worker alone
        when they have no other)."""
        return self.employments.get(worker.worker_id, (worker,))

    @cached_property
    def followed_contracts(self) -> dict[str, tuple[Worker, ...]]:
        """Worker id → every contract here of the same person, art. 60 §7 stints included (``person_key`` with
        ``stints``), first hire first, for each id of a person under several: the contracts the social follow-up
        reads one person's actions across — one accompaniment covers the stint and the EI contract that follows
        it (rules.md §3.6; docs/interpretations.md « Interviews per quarter »)."""
        return _same_person(self.workers, stints=True)

    def held_on(self, worker: Worker, d: date) -> tuple[Worker, ...]:
        """The person's contracts here in force on ``d`` (``followed_contracts``: art. 60 §7 stints included),
        whichever of their ids ``worker`` is: those a follow-up action dated ``d`` is one of — none when the person
        is employed here under no contract that day (the follow-up check, the annual report; the reader's
        ``follow_up_outside_employment`` warns of those)."""
        return tuple(w for w in self.followed_contracts.get(worker.worker_id, (worker,)) if w.employed_on(d))

    def person_id(self, worker_id: str, stints: bool = False) -> str:
        """The id a person is known by, their first hire's (``employments``): the same for each of their ids; an
        id without another of the same person (or without a national number) is its own. ``stints``: their art. 60
        §7 stints here tied too (``followed_contracts``), as the documents count people."""
        rows = (self.followed_contracts if stints else self.employments).get(worker_id)
        return rows[0].worker_id if rows else worker_id

    def by_person(self, workers, stints: bool = False) -> list[tuple[Worker, ...]]:
        """``workers`` grouped by person: the ids of one person (``employments``; with ``stints``, their art. 60 §7
        stints too) together, first hire first; ids without a national number are distinct people."""
        groups: dict[str, list[Worker]] = {}
        for w in workers:
            groups.setdefault(self.person_id(w.worker_id, stints), []).append(w)
        return [tuple(sorted(g, key=lambda w: (w.hire_date, w.row or 0))) for g in groups.values()]

    def persons(self, workers, stints: bool = False) -> int:
        """How many people ``workers`` are (as ``by_person`` groups them): the ids of one person count once."""
        return len({self.person_id(w.worker_id, stints) for w in workers})

    @cached_property
    def stretches(self) -> dict[str, tuple[Worker, ...]]:
        """Worker id → the person's contracts of the uninterrupted stretch of employment the worker's contract
        belongs to (``contract_stretches`` of ``employments``), first hire first, for each id of a person
        employed under several ids: a CDD renewed or turned into a CDI under a new id the day after the
        first ends is one employment; a re-hire after a gap begins a stretch of its own."""
        out: dict[str, tuple[Worker, ...]] = {}
        for wid, same in self.employments.items():
            if wid == same[0].worker_id:
                out.update((w.worker_id, stretch) for stretch in contract_stretches(same) for w in stretch)
        return out

    def earlier_contracts(self, worker: Worker, *, stretch: bool = False) -> tuple[Worker, ...]:
        """The person's contracts before ``worker``'s, first hire first: of all their employments here
        (``employments_of``), or of its stretch of employment only (``stretch_of``)."""
        rows = self.stretch_of(worker) if stretch else self.employments_of(worker)
        return rows[:rows.index(worker)]

    def held_beside(self, worker: Worker) -> tuple[Worker, ...]:
        """The person's earlier contracts of ``worker``'s stretch still in force on its hire (``stretch_of``)."""
        return tuple(w for w in self.earlier_contracts(worker, stretch=True) if w.employed_on(worker.hire_date))

    def stretch_of(self, worker: Worker) -> tuple[Worker, ...]:
        """The person's contracts of the stretch of employment ``worker``'s contract belongs to, first hire
        first (``stretches``; the worker alone when they have no other contract here)."""
        return self.stretches.get(worker.worker_id, (worker,))

    @cached_property
    def pay_by_worker_month(self) -> dict[str, dict[int, PayMonth]]:
        """Worker id → month number (``Month.number``) → that month's Paie row: the index of the rules'
        hot loops (an int key is several times cheaper to look up than a Month)."""
        out: dict[str, dict[int, PayMonth]] = {}
        for p in self.pay:
            out.setdefault(p.worker_id, {})[p.month.number] = p
        return out

    @cached_property
    def last_pay_month(self) -> Month | None:
        """The last month with a ``Paie`` row (None without payroll): months after it are not known yet."""
        return max(self.pay, key=lambda p: p.month.number).month if self.pay else None

    @cached_property
    def follow_ups_by_worker(self) -> dict[str, tuple[FollowUp, ...]]:
        out: dict[str, list[FollowUp]] = {}
        for f in sorted(self.follow_ups, key=lambda f: f.date):
            out.setdefault(f.worker_id, []).append(f)
        return {k: tuple(v) for k, v in out.items()}

    def to_dict(self) -> dict:
        """The ``enterprise`` object of every JSON document (no personal data)."""
        return {
            "name": self.name,
            "region": str(self.region),
            "agrement_date": self.agrement_date.isoformat(),
        }


def records(cls: type, rows) -> tuple:
    """``tuple(cls(**values, row=number) for values, number in rows)``, three times faster.

    The reader builds hundreds of ``PayMonth`` per workbook, and the ``__init__`` of a frozen
    dataclass sets each field through ``object.__setattr__``. The models have no ``__post_init__``,
    so filling the instance's ``__dict__`` (defaults, then the values) gives the same object. A row
    with a field the class does not have, or without one it requires, goes through ``__init__``, which
    raises as usual; so does every row of a class given a ``__post_init__``.
    """
    if hasattr(cls, "__post_init__"):
        return tuple(cls(**values, row=number) for values, number in rows)
    names = {f.name for f in fields(cls)}
    defaults = {f.name: f.default for f in fields(cls) if f.default is not MISSING}
    required = names - defaults.keys() - {"row"}
    new = object.__new__
    out = []
    for values, number in rows:
        keys = values.keys()
        if keys >= required and keys <= names:
            obj = new(cls)
            attrs = obj.__dict__
            attrs.update(defaults)
            attrs.update(values)
            attrs["row"] = number
        else:
            obj = cls(**values, row=number)
        out.append(obj)
    return tuple(out)
