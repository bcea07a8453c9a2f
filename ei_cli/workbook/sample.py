"""Realistic fictitious workbooks: the two shipped samples and random enterprises for benchmarks.

Every builder returns ``dict(enterprise=…, staff=…, payroll=…, follow_up=…)`` — rows as dicts keyed
by canonical French column names — ready for ``template.write_template(path, **sample)``. The
builders are deterministic: a seeded ``random.Random`` and explicit reference dates, never today's
date. Names are invented; national numbers (NISS) and the BCE number are generated with the real
mod-97 algorithms so that the reader's checks pass.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from ei_cli.periods import Month, Period, add_months, days_between

FULL_TIME_HOURS = Decimal("164.67")  # 38 h/week × 52 / 12

_CENT = Decimal("0.01")

_LAST_NAMES = (
    "Dubois", "Lambert", "Martin", "Peeters", "Janssens", "Dupont", "Leclercq", "Renard", "Lejeune",
    "Mertens", "Goossens", "Lemaire", "Collard", "Hermans", "Claes", "Wouters", "Simon", "Laurent",
    "Denis", "Henrard", "Jacobs", "Maes", "Willems", "Lecomte", "Dumont", "François", "Piron", "Delvaux",
    "Gilson", "Thiry", "El Amrani", "Benali", "Yilmaz", "Kabongo", "Nowak", "Rossi", "Diallo", "Mathieu",
    "Fontaine", "Hubert", "Noël", "Lhoest", "Colson", "Bertrand", "Marchal", "Gérard", "Vandenberghe",
)
_FIRST_NAMES = {
    "M": ("Luc", "Marc", "Thomas", "Kevin", "Mehdi", "Julien", "Nicolas", "Youssef", "Olivier", "Maxime",
          "Jean", "Dylan", "Samir", "Christophe", "Bart", "Arnaud", "Ibrahim", "Pierre", "Damien", "Loïc"),
    "F": ("Marie", "Sophie", "Julie", "Fatima", "Nathalie", "Laura", "Aurélie", "Sarah", "Isabelle", "Amina",
          "Céline", "Émilie", "Anne", "Inès", "Valérie", "Camille", "Nadia", "Charlotte", "Sandra", "Léa"),
}

# Approximate Belgian full-time gross monthly pay in 2024 (joint-committee scales), by function.
_BASE_GROSS = {
    "production": Decimal("2150"),
    "encadrement": Decimal("3000"),
    "accompagnement_social": Decimal("3300"),
    "direction": Decimal("4800"),
    "administration": Decimal("2700"),
}
# Automatic wage indexation: about 2 % each January.
_INDEX_RATE = Decimal("1.02")

_TRAININGS = (16, 24, 32, 8, 40)  # hours of typical trainings: safety, forklift, sorting, first aid…


# ------------------------------------------------------------------------------------ identifiers
def niss_check_digits(birth: date, sequence: int) -> str:
    """Check digits of a national number: 97 − (YYMMDDSSS mod 97), prefixed by 2 if born ≥ 2000."""
    base = f"{birth:%y%m%d}{sequence:03d}"
    number = int(("2" if birth.year >= 2000 else "") + base)
    return f"{97 - number % 97:02d}"


def make_niss(birth: date, sequence: int) -> str:
    """An 11-digit national number (odd sequence = man, even = woman)."""
    if not 1 <= sequence <= 998:
        raise ValueError("sequence must be within 1..998")
    return f"{birth:%y%m%d}{sequence:03d}{niss_check_digits(birth, sequence)}"


def make_bce(rng: random.Random) -> str:
    """A 10-digit BCE/KBO enterprise number: 8 digits (starting 0) + 97 − (those mod 97)."""
    first = "0" + "".join(str(rng.randrange(10)) for _ in range(7))
    if first[1] == "0":
        first = first[0] + "7" + first[2:]
    return f"{first}{97 - int(first) % 97:02d}"


# ------------------------------------------------------------------------------------ people
@dataclass
class Person:
    """One fictitious worker, as the builders describe it before turning it into rows."""

    worker_id: str
    sex: str
    birth: date
    hire: date
    function: str
    contract: str
    etp: Decimal
    diploma: str | None = None
    dei: bool | None = None
    months: int | None = None
    single_parent: bool | None = None
    former_art60: bool | None = None
    aviq: bool | None = None
    underrepresented_sex: bool | None = None
    ethnic_minority: bool | None = None
    ris: bool | None = None
    activation: bool | None = None
    exit: date | None = None
    cdi: date | None = None
    first_ei_hire: date | None = None
    initial_etp: Decimal | None = None  # contractual etp before the first of ``etp_changes``
    etp_changes: list[tuple[Month, Decimal]] = field(default_factory=list)  # (from month, etp)
    seniority: Decimal = Decimal("1")  # multiplies the function's base pay
    cost_rate: Decimal = Decimal("1.32")  # wage cost / gross pay
    followed: bool = False  # in the social-accompaniment mission (target public and art. 60)
    last_name: str = ""
    first_name: str = ""
    niss: str = ""


def _eligibility(full: bool, **values) -> dict:
    """Eligibility fields; ``full`` fills every unknown with False (no unknowns for target workers)."""
    keys = ("single_parent", "former_art60", "aviq", "underrepresented_sex", "ethnic_minority", "ris",
            "activation")
    out = {k: values.pop(k, False if full else None) for k in keys}
    out.update(values)
    return out


def _name(rng: random.Random, person: Person, used: set) -> None:
    """A name whose first and last names are not used yet in the sample (as long as some are left)."""
    lasts = [n for n in _LAST_NAMES if n not in used] or list(_LAST_NAMES)
    firsts = [n for n in _FIRST_NAMES[person.sex] if n not in used] or list(_FIRST_NAMES[person.sex])
    person.last_name, person.first_name = rng.choice(lasts), rng.choice(firsts)
    used.update((person.last_name, person.first_name))


def _identify(rng: random.Random, people: list[Person]) -> None:
    """Names, NISS (unique), seniority and wage-cost rate, drawn from ``rng`` in a fixed order."""
    used_names: set = set()
    used_niss: set = set()
    for p in people:
        _name(rng, p, used_names)
        while True:
            seq = rng.randrange(1, 499) * 2 - (1 if p.sex == "M" else 0)
            niss = make_niss(p.birth, seq)
            if niss not in used_niss:
                used_niss.add(niss)
                p.niss = niss
                break
        p.seniority = Decimal(1) + Decimal(rng.randrange(0, 5)) / 100
        p.cost_rate = Decimal("1.30") + Decimal(rng.randrange(0, 6)) / 100


def _staff_row(p: Person) -> dict:
    return {
        "id_travailleur": p.worker_id,
        "niss": p.niss,
        "nom": p.last_name,
        "prenom": p.first_name,
        "date_naissance": p.birth,
        "date_entree": p.hire,
        "date_premier_engagement_ei": p.first_ei_hire,
        "date_sortie": p.exit,
        "type_contrat": p.contract,
        "date_cdi": p.cdi,
        "etp": p.etp,
        "fonction": p.function,
        "diplome": p.diploma,
        "inscrit_dei": p.dei,
        "mois_sans_emploi": p.months,
        "parent_isole": p.single_parent,
        "ancien_art60": p.former_art60,
        "reconnaissance_aviq": p.aviq,
        "sexe_sous_represente": p.underrepresented_sex,
        "minorite_ethnique": p.ethnic_minority,
        "beneficiaire_ris": p.ris,
        "contrat_activation": p.activation,
    }


# ------------------------------------------------------------------------------------ payroll
def contractual_etp(p: Person, month: Month) -> Decimal:
    """The contract's etp in ``month``: the last change on or before it, else the initial etp."""
    current = p.initial_etp if p.initial_etp is not None else p.etp
    for since, value in p.etp_changes:
        if month >= since:
            current = value
    return current


def _payroll_rows(people: list[Person], first: Month, last: Month) -> list[dict]:
    rows = []
    for p in people:
        for month in Period(first.first_day, last.last_day).months():
            days = days_between(max(p.hire, month.first_day), min(p.exit or date.max, month.last_day))
            if not days:
                continue
            etp = (contractual_etp(p, month) * days / month.days).quantize(_CENT, ROUND_HALF_UP)
            full_time = (_BASE_GROSS[p.function] * _INDEX_RATE ** (month.year - 2024)
                         * p.seniority).quantize(_CENT, ROUND_HALF_UP)
            gross = (full_time * etp).quantize(_CENT, ROUND_HALF_UP)
            rows.append({
                "id_travailleur": p.worker_id,
                "mois": month.first_day,
                "etp": etp,
                "salaire_brut": gross,
                "cout_salarial": (gross * p.cost_rate).quantize(_CENT, ROUND_HALF_UP),
                "heures": (FULL_TIME_HOURS * etp).quantize(_CENT, ROUND_HALF_UP),
            })
    return rows


# ------------------------------------------------------------------------------------ follow-up
def _quarters(start: date, end: date):
    """(first day, last day) of each calendar quarter overlapping start..end."""
    q = date(start.year, 3 * ((start.month - 1) // 3) + 1, 1)
    while q <= end:
        nxt = add_months(q, 3)
        yield q, nxt - timedelta(days=1)
        q = nxt


def _day_between(rng: random.Random, lo: date, hi: date) -> date:
    """A random working day in lo..hi (a weekend day only when the interval has no working day)."""
    d = lo + timedelta(days=rng.randrange((hi - lo).days + 1)) if hi > lo else lo
    for candidate in (d - timedelta(days=d.weekday() - 4), d + timedelta(days=7 - d.weekday())):
        if d.weekday() < 5:
            break
        if lo <= candidate <= hi:
            return candidate
    return d


def _follow_up_rows(rng: random.Random, people: list[Person], since: date, until: date,
                    validations: int = 2) -> list[dict]:
    """Quarterly individual interviews, a bilan and a training plan in the first 3 months, two
    collective interviews a year, trainings, and a few skills validations — for followed workers."""
    rows: list[dict] = []

    def add(p: Person, d: date, kind: str, hours=None):
        rows.append({"id_travailleur": p.worker_id, "date": d, "type": kind, "heures": hours})

    followed = [p for p in people if p.followed]
    for p in followed:
        start = max(p.hire, since)
        end = min(p.exit or until, until)
        if start > end:
            continue
        if p.hire >= since:
            add(p, _day_between(rng, min(p.hire + timedelta(days=8), end),
                                min(p.hire + timedelta(days=21), end)), "bilan")
            add(p, _day_between(rng, min(p.hire + timedelta(days=30), end),
                                min(p.hire + timedelta(days=55), end)), "plan_formation")
        for q_start, q_end in _quarters(start, end):
            lo, hi = max(q_start, start), min(q_end, end)
            add(p, _day_between(rng, lo + timedelta(days=min(10, (hi - lo).days // 2)), hi),
                "entretien_individuel")
        for year in range(start.year, end.year + 1):
            for month, day in ((6, 19), (12, 11)):
                d = date(year, month, day)
                if start <= d <= end:
                    add(p, d, "entretien_collectif")
        n_trainings = 1 + ((end - start).days > 300) + ((end - start).days > 600)
        for i in range(n_trainings):
            lo = start + timedelta(days=60 + 240 * i)
            if lo <= end:
                add(p, _day_between(rng, lo, min(end, lo + timedelta(days=150))), "formation",
                    Decimal(rng.choice(_TRAININGS)))
    veterans = sorted((p for p in followed if (min(p.exit or until, until) - max(p.hire, since)).days > 450),
                      key=lambda p: p.worker_id)
    for p in veterans[:validations]:
        lo = max(p.hire, since) + timedelta(days=400)
        add(p, _day_between(rng, lo, min(p.exit or until, until, lo + timedelta(days=120))),
            "validation_competences")
    rows.sort(key=lambda r: (r["id_travailleur"], r["date"], r["type"]))
    return rows


def _sample(enterprise: dict, people: list[Person], first: Month, last: Month, rng: random.Random,
            follow_since: date) -> dict:
    _identify(rng, people)
    return {
        "enterprise": enterprise,
        "staff": [_staff_row(p) for p in people],
        "payroll": _payroll_rows(people, first, last),
        "follow_up": _follow_up_rows(rng, people, follow_since, last.last_day),
    }


def _d(text: str) -> date:
    return date.fromisoformat(text)


# ------------------------------------------------------------------------------------ Wallonia
WALLOON_FIRST_MONTH = Month(2024, 3)
WALLOON_LAST_MONTH = Month(2026, 10)


def build_walloon_sample(seed: int = 2024, last_month: Month = WALLOON_LAST_MONTH) -> dict:
    """« Recyclerie du Val », a Walloon EI agreed on 01/03/2024 (wallonie-2016), 17 workers.

    Target public (TD/TGD, assessed on the hire date, every eligibility column filled):
    TGD W05 (36 months without work), W06 (48), W07 (27; CDD → CDI on 01/08/2024),
    W08 (30; left on 30/06/2025), W14 (40; hired 17/03/2025, CDD → CDI on 01/09/2025);
    TD W09 (over 50), W10 (aged 21), W11 (14 months), W12 (single parent; part-time 0.5 then 0.8
    from 09/2025), W13 (AVIQ). Not target: W01 direction, W02 social accompaniment, W03
    encadrement, W04 administration (half-time), W15 (holds the CESS), W16 (not registered as
    job seeker), W17 (article 60 §7, from 02/09/2024). Payroll 03/2024 .. ``last_month``.
    """
    rng = random.Random(seed)
    P = Person
    full = lambda **kw: _eligibility(True, **kw)  # noqa: E731
    one = Decimal("1")
    people = [
        P("W01", "M", _d("1976-05-14"), _d("2024-03-01"), "direction", "CDI", one, "superieur"),
        P("W02", "F", _d("1985-10-03"), _d("2024-03-01"), "accompagnement_social", "CDI", one, "superieur"),
        P("W03", "M", _d("1979-02-21"), _d("2024-03-01"), "encadrement", "CDI", one, "cess"),
        P("W04", "F", _d("1990-07-09"), _d("2024-03-01"), "administration", "CDI", Decimal("0.5"), "cess"),
        # TGD: no CESS, registered job seeker, ≥ 24 months without work.
        P("W05", "M", _d("1989-06-17"), _d("2024-03-01"), "production", "CDI", one, "aucun", True, 36,
          **full(), followed=True),
        P("W06", "M", _d("1982-11-30"), _d("2024-03-01"), "production", "CDI", one, "ceb", True, 48,
          **full(ris=True), followed=True),
        P("W07", "F", _d("1994-04-08"), _d("2024-03-01"), "production", "CDD", one, "cesi", True, 27,
          **full(), cdi=_d("2024-08-01"), followed=True),
        P("W08", "M", _d("1996-09-25"), _d("2024-03-01"), "production", "CDI", one, "aucun", True, 30,
          **full(), exit=_d("2025-06-30"), followed=True),
        # TD by one criterion each (months without work < 6 unless the criterion is the months).
        P("W09", "M", _d("1970-08-22"), _d("2024-03-01"), "production", "CDI", one, "ceb", True, 4,
          **full(), followed=True),                                         # over 50 at hire (53)
        P("W10", "M", _d("2002-11-14"), _d("2024-04-02"), "production", "CDI", one, "cesi", True, 3,
          **full(), followed=True),                                         # aged 21 at hire
        P("W11", "M", _d("1986-01-12"), _d("2024-03-01"), "production", "CDI", one, "aucun", True, 14,
          **full(), followed=True),                                         # 14 months without work
        P("W12", "F", _d("1992-03-27"), _d("2024-03-01"), "production", "CDI", Decimal("0.8"), "cesi",
          True, 2, **full(single_parent=True), followed=True,
          initial_etp=Decimal("0.5"), etp_changes=[(Month(2025, 9), Decimal("0.8"))]),  # single parent
        P("W13", "M", _d("1980-12-05"), _d("2024-03-01"), "production", "CDI", one, "ceb", True, 5,
          **full(aviq=True), followed=True),                                # AVIQ recognition
        P("W14", "F", _d("1987-05-02"), _d("2025-03-17"), "production", "CDD", one, "cesi", True, 40,
          **full(), cdi=_d("2025-09-01"), followed=True),                   # TGD hired mid-March 2025
        # Not target public.
        P("W15", "M", _d("1991-02-11"), _d("2024-03-01"), "production", "CDI", one, "cess", True, 10,
          **full()),                                                        # holds the CESS
        P("W16", "M", _d("1984-07-19"), _d("2024-03-01"), "production", "CDI", Decimal("0.8"), "aucun",
          False, 0, **full()),                                              # not a registered job seeker
        P("W17", "M", _d("1993-10-10"), _d("2024-09-02"), "production", "art60", one, "ceb", False, 8,
          **full(ris=True), followed=True),                                 # article 60 §7 (CPAS)
    ]
    enterprise = {
        "nom": "Recyclerie du Val",
        "numero_bce": make_bce(rng),
        "region": "wallonie",
        "regime": None,
        "date_agrement": _d("2024-03-01"),
        "forme_juridique": "SC",
        "finalite_sociale": True,
        "chiffre_affaires": Decimal("1215000"),
        "total_bilan": Decimal("812500"),
    }
    return _sample(enterprise, people, WALLOON_FIRST_MONTH, last_month, rng, WALLOON_FIRST_MONTH.first_day)


# ------------------------------------------------------------------------------------ Brussels
BRUSSELS_FIRST_MONTH = Month(2024, 1)
BRUSSELS_LAST_MONTH = Month(2026, 10)


def build_brussels_sample(seed: int = 2020, last_month: Month = BRUSSELS_LAST_MONTH) -> dict:
    """« Bxl Services Propreté », a Brussels EI agreed on 01/09/2020, 12 workers, payroll from 01/2024.

    Target public (ordonnance 18.03.2004 art. 2, 1°): B05 (B1: 18 months unoccupied, CESI),
    B06 (B1: 30 months, no diploma), B07 (B2: 72 months, CESS; first EI hire 06/05/2019 elsewhere),
    B08 (B3: integration income), B09 (B5: activation contract), B10 (B1: 14 months, CEB; hired
    10/02/2025). Not target: B01 direction, B02 and B03 encadrement (1.5 FTE), B04 administration,
    B11 (CESS, 4 months; left on 31/12/2024), B12 (CESS, not registered).
    """
    rng = random.Random(seed)
    P = Person
    one = Decimal("1")
    bxl = lambda **kw: dict(dict(ris=False, activation=False), **kw)  # noqa: E731
    people = [
        P("B01", "F", _d("1978-03-02"), _d("2020-09-01"), "direction", "CDI", one, "superieur", False, 0, **bxl()),
        P("B02", "M", _d("1975-12-18"), _d("2020-09-01"), "encadrement", "CDI", one, "cess", False, 0, **bxl()),
        P("B03", "F", _d("1983-06-29"), _d("2021-03-01"), "encadrement", "CDI", Decimal("0.5"), "cess", False, 0,
          **bxl()),
        P("B04", "M", _d("1988-09-15"), _d("2020-10-01"), "administration", "CDI", Decimal("0.8"), "superieur", False, 0,
          **bxl()),
        P("B05", "F", _d("1990-01-23"), _d("2021-01-04"), "production", "CDI", Decimal("0.8"), "cesi", True, 18,
          **bxl(), followed=True),
        P("B06", "M", _d("1985-04-11"), _d("2020-09-14"), "production", "CDI", one, "aucun", True, 30,
          **bxl(), followed=True),
        P("B07", "F", _d("1972-07-07"), _d("2022-02-01"), "production", "CDI", Decimal("0.8"), "cess", True, 72,
          **bxl(), first_ei_hire=_d("2019-05-06"), followed=True),
        P("B08", "F", _d("1995-11-30"), _d("2023-05-02"), "production", "CDD", one, "cess", False, 3,
          **bxl(ris=True), cdi=_d("2023-11-01"), followed=True),
        P("B09", "M", _d("1998-02-14"), _d("2023-09-18"), "production", "CDI", one, "cess", True, 8,
          **bxl(activation=True), followed=True),
        P("B10", "M", _d("2001-08-08"), _d("2025-02-10"), "production", "CDD", one, "ceb", True, 14,
          **bxl(), cdi=_d("2025-08-01"), followed=True),
        P("B11", "M", _d("1993-05-19"), _d("2022-06-01"), "production", "CDI", one, "cess", True, 4,
          **bxl(), exit=_d("2024-12-31")),
        P("B12", "F", _d("1986-10-26"), _d("2021-09-01"), "production", "CDI", Decimal("0.8"), "cess", False, 0,
          **bxl()),
    ]
    enterprise = {
        "nom": "Bxl Services Propreté",
        "numero_bce": make_bce(rng),
        "region": "bruxelles",
        "regime": None,
        "date_agrement": _d("2020-09-01"),
        "forme_juridique": "SC",
        "finalite_sociale": True,
        "chiffre_affaires": Decimal("684000"),
        "total_bilan": Decimal("402300"),
    }
    return _sample(enterprise, people, BRUSSELS_FIRST_MONTH, last_month, rng, BRUSSELS_FIRST_MONTH.first_day)


# ------------------------------------------------------------------------------------ benchmarks
def build_random_enterprise(seed: int = 0, n_workers: int = 50, months: int = 12, region: str = "wallonie",
                            end_year: int = 2025) -> dict:
    """A plausible enterprise of ``n_workers`` with ``months`` months of payroll ending in December
    of ``end_year`` — for batch tests and benchmarks (not designed to be compliant)."""
    if region not in ("wallonie", "bruxelles"):
        raise ValueError("region must be wallonie or bruxelles")
    rng = random.Random(seed)
    last = Month(end_year, 12)
    first = Month.of(add_months(last.first_day, -(months - 1)))
    agrement = date(first.year - rng.randrange(0, 6), rng.randrange(1, 13), 1)
    counts = {"direction": 1, "accompagnement_social": max(1, n_workers // 25),
              "encadrement": max(1, n_workers // 10), "administration": max(1, n_workers // 25)}
    functions = [f for f, n in counts.items() for _ in range(n)]
    functions += ["production"] * max(0, n_workers - len(functions))
    functions = functions[:n_workers]
    people = []
    latest_hire = last.last_day - timedelta(days=20)
    for i, function in enumerate(functions, start=1):
        sex = rng.choice("MF")
        hire = _day_between(rng, agrement, latest_hire)
        if rng.random() < 0.7:
            hire = max(agrement, min(latest_hire, date(hire.year, hire.month, 1)))
        age = rng.randrange(19, 60)
        birth = date(hire.year - age, rng.randrange(1, 13), rng.randrange(1, 29))
        etp = Decimal(rng.choice(("1", "1", "1", "0.8", "0.5")))
        p = Person(f"T{i:04d}", sex, birth, hire, function, "CDI", etp, diploma="superieur")
        if function == "production":
            target = rng.random() < 0.65
            p.diploma = rng.choice(("aucun", "ceb", "cesi")) if target else rng.choice(("cess", "cesi"))
            p.dei = target or rng.random() < 0.5
            p.months = rng.choice((2, 5, 8, 14, 26, 40, 70)) if target else rng.randrange(0, 12)
            for name in ("single_parent", "former_art60", "aviq", "underrepresented_sex", "ethnic_minority",
                         "ris", "activation"):
                setattr(p, name, rng.random() < 0.1)
            p.followed = target
            if rng.random() < 0.05:
                p.contract, p.followed = "art60", True
            elif rng.random() < 0.3:
                p.contract, p.cdi = "CDD", hire + timedelta(days=rng.randrange(60, 180))
        if rng.random() < 0.1:
            p.exit = _day_between(rng, max(hire, first.first_day), last.last_day)
        people.append(p)
    enterprise = {
        "nom": f"Entreprise d'insertion test {seed}",
        "numero_bce": make_bce(rng),
        "region": region,
        "regime": None,
        "date_agrement": agrement,
        "forme_juridique": "SC",
        "finalite_sociale": True,
        "chiffre_affaires": Decimal(60000 * n_workers + rng.randrange(0, 100000)),
        "total_bilan": Decimal(40000 * n_workers + rng.randrange(0, 50000)),
    }
    return _sample(enterprise, people, first, last, rng, first.first_day)
