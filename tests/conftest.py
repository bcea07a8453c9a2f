"""Shared fixtures: valid workbooks written into ``tmp_path``, easy to break one way at a time.

* ``workbook_sheets`` — a fresh ``{sheet: [header, rows...]}`` description of a valid workbook
  (see ``helpers_workbook.valid_sheets``); edit it, then pass it to ``make_workbook``.
* ``make_workbook(sheets=None, name="ei-test.xlsx", *, cells=None, hidden=())`` — writes the
  workbook (the valid one when ``sheets`` is None) and returns its path.

Helpers to edit a description (``set_value``, ``set_field``, ``drop_column``…) live in
``tests/helpers_workbook.py``; import them with ``from helpers_workbook import set_value``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import settings

# No per-example deadline: a property test's examples are judged on what they assert, not on how fast a loaded CI
# host runs them (a terminal-table example took 373 ms once on a 2-core clone, 19 ms on its replay: a
# ``DeadlineExceeded`` « flaky » failure of a correct test). Speed is measured by benchmarks/, not by tests.
settings.register_profile("ei", deadline=None)
settings.load_profile("ei")

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).parent / "corpus"))  # make_corpus

from helpers_workbook import valid_sheets, write_workbook  # noqa: E402


@pytest.fixture
def workbook_sheets():
    return valid_sheets()


@pytest.fixture
def make_workbook(tmp_path):
    def make(sheets=None, name: str = "ei-test.xlsx", *, cells=None, hidden=()) -> Path:
        return write_workbook(tmp_path / name, valid_sheets() if sheets is None else sheets,
                              cells=cells, hidden=hidden)

    return make


@pytest.fixture(autouse=True)
def _a_fixed_today(monkeypatch):
    """Every test runs on the same day: a workbook whose payroll stops within two months of it is read as a
    year in progress (``rules.common.data_horizon``), so the shipped samples (Paie to 2026-10) would give
    other figures for 2026 from January 2027 on. A test that needs another day sets ``periods.today``."""
    from datetime import date

    from ei_cli import periods

    monkeypatch.setattr(periods, "today", lambda: date(2026, 11, 30))
