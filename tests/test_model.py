"""The model's shared helpers: ``worker_order``, the one order of worker ids (docs/interpretations.md,
« One order of workers »); ``contract_stretches``, a person's contracts by stretch of employment (« A person
re-hired under a new id »)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from ei_cli.model import ContractType, Function, Worker, contract_stretches, worker_order

from helpers_rules import IN_WORKER_ORDER, SHEET_IDS


def test_whole_number_ids_sort_by_value_not_as_text():
    """9, 10, 2, 1, 11 → 1, 2, 9, 10, 11 (as text: 1, 10, 11, 2, 9)."""
    assert sorted(SHEET_IDS, key=worker_order) == IN_WORKER_ORDER


def test_other_ids_come_after_in_natural_order_casefolded_the_raw_id_last():
    """Numbers first (20 before W2); W2 before W10 (digit runs by value); w3 between W2 and W10 (casefolded);
    equal but for case or leading zeros: the raw id decides (W2 before w2, 007 before 7)."""
    ids = ["W10", "w3", "20", "W2", "b", "w2", "A", "7", "007", "W02"]
    assert sorted(ids, key=worker_order) == ["007", "7", "20", "A", "b", "W02", "W2", "w2", "w3", "W10"]


@given(st.lists(st.text(alphabet="0123456789Ww-_ ", max_size=6), max_size=12))
def test_the_order_is_total_and_the_same_whatever_the_order_given(ids):
    """Any ids (digits, letters, signs, spaces): a total order — two orders of the same ids give one list,
    and two different ids never tie (the raw id is the last part of the key)."""
    assert sorted(ids, key=worker_order) == sorted(reversed(ids), key=worker_order)
    assert len({worker_order(i) for i in ids}) == len(set(ids))


def _contract(wid, hire, exit=None):
    return Worker(worker_id=wid, hire_date=hire, contract_type=ContractType.CDD, fte=Decimal(1),
                  function=Function.PRODUCTION, exit_date=exit)


def test_a_persons_contracts_are_one_stretch_until_a_day_without_any():
    """A 2025-01-01 … 03-31, B from 04-01 (the day after: no gap) … 06-30, C 05-01 … 05-31 (begun while B runs),
    D from 07-01 (the day after B's end, the latest): one stretch. E from 2025-09-01 after D's end on 08-30
    (08-31 without a contract) begins another, F open-ended from 2026-01-01 beside E … G from 2027-01-01: F
    never ended, G continues it."""
    a, b = _contract("A", date(2025, 1, 1), date(2025, 3, 31)), _contract("B", date(2025, 4, 1), date(2025, 6, 30))
    c, d = _contract("C", date(2025, 5, 1), date(2025, 5, 31)), _contract("D", date(2025, 7, 1), date(2025, 8, 30))
    e, f = _contract("E", date(2025, 9, 1), date(2026, 3, 31)), _contract("F", date(2026, 1, 1))
    g = _contract("G", date(2027, 1, 1), date(2027, 6, 30))
    assert contract_stretches((a, b, c, d, e, f, g)) == [(a, b, c, d), (e, f, g)]
    assert contract_stretches((a, d)) == [(a,), (d,)]   # 04-01 … 06-30 without a contract
    assert contract_stretches(()) == []
