"""Property tests of the reader (issue 8 §4).

* Random values of every type (text, numbers, dates, booleans, empty, huge strings, formula-looking
  text, unicode) put in any cell of any column of any sheet never make the reader raise: the
  outcome is a model or located problems (file, sheet, and a cell or column for sheet problems).
* Row order does not change the model (apart from the source row numbers kept for messages).
* The cell converters: numbers written with a comma or a point read the same; whole-number ids
  are the same as text or number; quoted values are short and carry no control character.
"""

from __future__ import annotations

import dataclasses
import random
import re
import sys
import tempfile
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).parent))

from helpers_workbook import set_value, valid_sheets, write_workbook  # noqa: E402

from ei_cli.workbook import read_workbook  # noqa: E402
from ei_cli.workbook.cells import Invalid, shown, to_date, to_id, to_number  # noqa: E402

# openpyxl refuses these characters in cells (the XML cannot hold them).
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")

texts = st.text(max_size=40).map(lambda s: _ILLEGAL.sub("", s))
values = st.one_of(
    st.none(),
    texts,
    st.sampled_from(["oui", "non", "x", "0,5", "1.234,5", "1 234", "12.0", "31/02/2024", "2024-13-01",
                     "13/2024", "CDI", "art60", "production", "#REF!", "#N/A", "€", "-0", "+",
                     "=1+1", "=A1/0", "@SUM(A1)", "-", "\u202eabc", "🙂", "Ünïcödé", " ", "nan", "inf"]),
    st.integers(min_value=-10**12, max_value=10**12),
    st.floats(allow_nan=False, allow_infinity=False, width=64),
    st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)),
    st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(2100, 12, 31)),
    st.booleans(),
    st.just("x" * 2_000),
)


@st.composite
def edits(draw):
    sheets = valid_sheets()
    changes = []
    for _ in range(draw(st.integers(min_value=1, max_value=6))):
        title = draw(st.sampled_from(sorted(sheets)))
        rows = sheets[title]
        r = draw(st.integers(min_value=0, max_value=len(rows)))   # 0 = header, len = a new row
        c = draw(st.integers(min_value=0, max_value=len(rows[0])))
        changes.append((title, r, c, draw(values)))
    return changes


def apply(changes) -> dict:
    sheets = valid_sheets()
    for title, r, c, value in changes:
        rows = sheets[title]
        while len(rows) <= r:
            rows.append([None] * len(rows[0]))
        row = rows[r]
        while len(row) <= c:
            row.append(None)
        row[c] = value
    return sheets


@settings(max_examples=70, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(edits())
def test_any_value_anywhere_gives_a_model_or_located_problems(changes):
    with tempfile.TemporaryDirectory() as tmp:
        path = write_workbook(Path(tmp) / "ei.xlsx", apply(changes))
        result = read_workbook(path)
    assert result.enterprise is not None or result.errors
    for p in result.problems:
        assert p.file == str(path)
        assert p.sheet is not None, p            # every problem here is inside a sheet
        assert p.message.fr and p.message.en
        assert len(p.message.fr) < 700
        if p.is_error and p.code not in {"missing_sheet", "empty_sheet", "duplicate_sheet", "unreadable_sheet"}:
            assert p.cell or p.column, p          # a cell, or a whole column or field that is missing


def _without_rows(obj):
    return dataclasses.replace(obj, row=None)


@settings(max_examples=25, deadline=None)
@given(st.lists(st.dates(min_value=date(2022, 1, 1), max_value=date(2025, 12, 31)), min_size=1, max_size=4),
       st.sampled_from([None, "CDI", "art60"]), st.sampled_from([1, 2]))
def test_a_follow_up_action_is_flagged_exactly_when_the_rules_do_not_count_it(days, earlier, recorded_under):
    """Worker 2 of the valid workbook (hired 01/03/2023, exit 30/06/2024) gets Suivi actions on random
    dates: the reader warns ``follow_up_outside_employment`` exactly when some action is dated on a day
    ``Enterprise.held_on`` (what the follow-up check and the annual report count) says is outside, at the
    earliest-dated such row (the sheet's first of them on a tie: the rows are listed by date). With ``earlier``,
    worker 1 (hired 10/01/2022) leaves on 31/12/2022 and is the same person (worker 2 gets their niss), on a CDI
    or an art. 60 §7 contract of the CPAS (reader C: the reader's grouping with the stints against ``held_on``);
    the actions are recorded under ``recorded_under``."""
    sheets = valid_sheets()
    if earlier is not None:
        number = sheets["Personnel"][1][1]
        sheets = set_value(set_value(set_value(sheets, "Personnel", 1, "date_sortie", date(2022, 12, 31)),
                                     "Personnel", 2, "niss", number), "Personnel", 1, "type_contrat", earlier)
    else:
        recorded_under = 2
    first_new = len(sheets["Suivi"]) + 1
    sheets["Suivi"] += [[recorded_under, d, "entretien_individuel", None] for d in days]
    with tempfile.TemporaryDirectory() as tmp:
        result = read_workbook(write_workbook(Path(tmp) / "x.xlsx", sheets))
    e = result.enterprise
    worker = e.workers_by_id[str(recorded_under)]
    outside = [first_new + i for i, d in sorted(enumerate(days), key=lambda x: (x[1], x[0]))
               if not e.held_on(worker, d)]
    found = [p.cell for p in result.problems if p.code == "follow_up_outside_employment"
             and p.message.fr.startswith(f"Travailleur {recorded_under} ")]
    assert found == ([f"B{outside[0]}"] if outside else [])


@settings(max_examples=25, deadline=None)
@given(st.randoms(use_true_random=False))
def test_row_order_does_not_change_the_model(rnd: random.Random):
    sheets = valid_sheets()
    shuffled = valid_sheets()
    for title in ("Personnel", "Paie", "Suivi"):
        body = shuffled[title][1:]
        rnd.shuffle(body)
        shuffled[title] = [shuffled[title][0]] + body
    entries = list(shuffled["Entreprise"][1:])
    rnd.shuffle(entries)
    shuffled["Entreprise"] = [shuffled["Entreprise"][0]] + entries
    with tempfile.TemporaryDirectory() as tmp:
        a = read_workbook(write_workbook(Path(tmp) / "a.xlsx", sheets)).enterprise
        b = read_workbook(write_workbook(Path(tmp) / "b.xlsx", shuffled)).enterprise
    assert a is not None and b is not None
    key = lambda w: w.worker_id  # noqa: E731
    assert sorted(map(_without_rows, a.workers), key=key) == sorted(map(_without_rows, b.workers), key=key)
    pay = lambda e: sorted((_without_rows(p) for p in e.pay), key=lambda p: (p.worker_id, str(p.month)))  # noqa: E731
    assert pay(a) == pay(b)
    follow = lambda e: sorted((_without_rows(f) for f in e.follow_ups), key=repr)  # noqa: E731
    assert follow(a) == follow(b)
    assert (a.name, a.region, a.agrement_date, a.turnover) == (b.name, b.region, b.agrement_date, b.turnover)


@given(st.decimals(min_value=Decimal("-1e9"), max_value=Decimal("1e9"), places=4, allow_nan=False,
                   allow_infinity=False))
def test_number_text_with_comma_or_point(d):
    text = format(d, "f")
    assert to_number(text) == d
    assert to_number(text.replace(".", ",")) == d


@given(st.integers(min_value=0, max_value=10**9))
def test_whole_number_ids_are_one_id(n):
    assert to_id(n) == to_id(float(n)) == to_id(str(n)) == to_id(f"{n}.0") == str(n)


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31)))
def test_dates_in_every_spelling(d):
    assert to_date(d) == to_date(d.strftime("%d/%m/%Y")) == to_date(d.isoformat()) == d
    assert to_date(datetime(d.year, d.month, d.day, 0, 0)) == d


@given(st.one_of(st.dates(max_value=date(1899, 12, 31)), st.dates(min_value=date(2100, 1, 1))))
def test_dates_outside_1900_2099_are_refused_in_every_spelling(d):
    """A year 1 or 9999 is a typing error (date_agrement 31/12/9999 crashed `check-quota --forecast` and
    `report annual`: its agrément years left the calendar). Every date and month column refuses a year
    outside 1900–2099, whatever the spelling, as invalid_date / invalid_month naming the range."""
    from ei_cli.workbook.cells import Invalid, to_month

    spellings = [d, datetime(d.year, d.month, d.day), d.isoformat()] + ([d.strftime("%d/%m/%Y")] if d.year >= 1000
                                                                        else [])
    for raw in spellings:
        for convert, code in ((to_date, "invalid_date"), (to_month, "invalid_month")):
            try:
                convert(raw)
            except Invalid as exc:
                assert exc.code == code and "entre 1900 et 2099" in exc.expected.fr
            else:
                raise AssertionError((raw, convert.__name__))


@given(st.text())
def test_quoted_values_are_short_and_clean(text):
    quoted = shown(text)
    assert len(quoted) <= 60 + 5
    assert not re.search("[\x00-\x1f\x7f\u202a-\u202e\u2066-\u2069]", quoted)


@given(st.one_of(st.text(max_size=20), st.floats(), st.booleans(), st.none(),
                 st.timedeltas(max_value=timedelta(days=10))))
def test_number_converter_raises_only_invalid(value):
    try:
        number = to_number(value)
    except Invalid:
        return
    assert number.is_finite()


@given(st.integers(min_value=10**10, max_value=10**11 - 1), st.sampled_from(["", "NISS ", "n° "]))
def test_an_eleven_digit_number_is_never_quoted(n, prefix):
    """Any 11-digit value — a number cell, a text, or inside a text, negative or with a decimal separator —
    is described, never quoted: a national number typed in the wrong column must not come back in a message."""
    for raw in (n, float(n), Decimal(n), -n, -float(n), Decimal(-n), Decimal(n).scaleb(-2), f"{prefix}{n}", f"{prefix}{str(n)[:2]}.{str(n)[2:4]}.{str(n)[4:6]}-"
                                                         f"{str(n)[6:9]}.{str(n)[9:]}"):
        for lang in ("fr", "en"):
            assert not re.search(r"\d{4}", shown(raw, lang)), (raw, shown(raw, lang))
