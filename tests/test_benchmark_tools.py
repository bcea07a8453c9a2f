"""The comparison ``benchmarks/ab.py`` makes of two versions' outputs (not their timing: benchmarks are not tests).

A change made for speed is kept only when ab.py finds the outputs the same; a comparison that missed a
difference, or saw one where there is none, would let a wrong change through or stop a right one."""

from __future__ import annotations

import importlib
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"


@pytest.fixture(scope="module")
def ab():
    sys.path.insert(0, str(BENCHMARKS))   # ab.py imports run.py beside it, as when run as a script
    try:
        yield importlib.import_module("ab")
    finally:
        sys.path.remove(str(BENCHMARKS))
        for name in ("ab", "run"):   # names too common to leave in sys.modules for the other tests
            sys.modules.pop(name, None)


def _done(stdout: bytes, code: int = 1) -> subprocess.CompletedProcess:
    return subprocess.CompletedProcess([], code, stdout, b"")


@pytest.mark.parametrize("a, b, said", [
    ({"x": [1, 2]}, {"x": [1, 2]}, None),
    # A number written as an int by one version and a float by the other is a difference (1 against 1.0 in JSON).
    ({"x": 1}, {"x": 1.0}, "$.x: int against float"),
    ({"x": 1, "y": 2}, {"y": 2, "x": 1}, "$: keys in another order"),
    ({"x": 1}, {"x": 1, "y": 2}, "$.y: only in B"),
    ({"x": 1, "y": 2}, {"x": 1}, "$.y: only in A"),
    ([1, 2], [1, 2, 3], "$: 2 items against 3"),
    ({"f": [{"t": 1.5}]}, {"f": [{"t": 1.25}]}, "$.f[0].t: 1.5 against 1.25"),
    # Two long texts, shown from 20 characters before the first that differs: in the JSON text '"aaa…aX tail"' the
    # X is at index 41 (the opening quote, then 40 a), so from index 21: 20 a, then X.
    ({"m": "a" * 40 + "X tail"}, {"m": "a" * 40 + "Y tail"}, '$.m: …' + "a" * 20 + 'X tail" against …'
     + "a" * 20 + 'Y tail"'),
])
def test_the_first_difference_is_named_by_its_json_path(ab, a, b, said):
    assert ab.first_difference(a, b) == said


def test_identical_outputs_compare_the_same_even_when_the_xlsx_files_differ_by_their_creation_time(ab, tmp_path):
    """summary.xlsx holds its creation time: two runs never write the same bytes; the cells are compared."""
    from openpyxl import Workbook

    for key, created in (("A", datetime(2026, 12, 2, 5)), ("B", datetime(2026, 12, 2, 6))):
        out = tmp_path / key
        (out / "sub").mkdir(parents=True)
        (out / "ei-001.json").write_bytes(b'{"x":1}\n')
        (out / "sub" / "ei-002.json").write_bytes(b'{"y":[1,2]}\n')
        book = Workbook()
        book.active.append(["Fichier", "Verdict"])
        book.active.append(["ei-001.xlsx", "conforme"])
        book.properties.created = created
        book.save(out / "summary.xlsx")
    assert (tmp_path / "A" / "summary.xlsx").read_bytes() != (tmp_path / "B" / "summary.xlsx").read_bytes()
    assert ab.compare_outputs(tmp_path / "A", tmp_path / "B", _done(b"{}"), _done(b"{}")) == []


def test_every_kind_of_difference_is_listed(ab, tmp_path):
    """A and B differ in: the exit code (1 against 2), stdout, a JSON value, a file only one wrote, a cell of
    summary.xlsx — five differences, each named."""
    from openpyxl import Workbook

    for key, value, verdict in (("A", 1, "conforme"), ("B", 2, "non conforme")):
        out = tmp_path / key
        out.mkdir()
        (out / "ei-001.json").write_bytes(b'{"x":%d}\n' % value)
        book = Workbook()
        book.active.append(["ei-001.xlsx", verdict])
        book.save(out / "summary.xlsx")
    (tmp_path / "A" / "ei-002.json").write_bytes(b"{}\n")
    found = ab.compare_outputs(tmp_path / "A", tmp_path / "B", _done(b'{"n":1}', 1), _done(b'{"n":2}', 2))
    assert found == ["exit code: 1 against 2", "stdout (summary JSON): $.n: 1 against 2", "ei-002.json: only in A",
                     "ei-001.json: $.x: 1 against 2", "summary.xlsx: cell values differ"]


def test_the_same_values_written_otherwise_are_still_a_difference(ab, tmp_path):
    """The per-file JSONs are compared byte for byte: the same values with other spacing are a difference, said
    as such (a speed change must write the very same bytes)."""
    for key, text in (("A", b'{"x":1}\n'), ("B", b'{"x": 1}\n')):
        (tmp_path / key).mkdir()
        (tmp_path / key / "ei-001.json").write_bytes(text)
    assert ab.compare_outputs(tmp_path / "A", tmp_path / "B", _done(b"{}"), _done(b"{}")) == [
        "ei-001.json: the same values, other bytes (spacing, number or key writing)"]


def test_without_output_folders_only_stdout_and_the_exit_code_are_compared(ab):
    assert ab.compare_outputs(None, None, _done(b'{"n":1}'), _done(b'{"n":1}')) == []
    assert ab.compare_outputs(None, None, _done(b'{"n":1}'), _done(b'{"n":1}', 0)) == ["exit code: 1 against 0"]
