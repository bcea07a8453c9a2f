"""The model's shared helpers: ``worker_order``, the one order of worker ids (docs/interpretations.md,
« One order of workers »)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from ei_cli.model import worker_order

# Personnel ids as a sheet may hold them, in row order.
SHEET_IDS = ["9", "10", "2", "1", "11"]


def test_whole_number_ids_sort_by_value_not_as_text():
    """9, 10, 2, 1, 11 → 1, 2, 9, 10, 11 (as text: 1, 10, 11, 2, 9)."""
    assert sorted(SHEET_IDS, key=worker_order) == ["1", "2", "9", "10", "11"]


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
