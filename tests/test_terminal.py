"""What the terminal shows: a figure is never broken across two lines (output.console)."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from ei_cli import batch
from ei_cli.render.batch import summary_table
from ei_cli.batch import BatchRequest, FileOutcome
from ei_cli.output import _MASK, console
from ei_cli.rules.common import euro_text, share_text


def shown(text: str, width: int) -> list[str]:
    """The lines ``ei``'s console prints for ``text`` at ``width`` columns, trailing blanks removed."""
    con = console()
    con.width = width
    with con.capture() as captured:
        con.print(text)
    return [line.rstrip() for line in captured.get().splitlines()]


def test_a_thousands_group_stays_with_its_figure():
    """Width 12, « plafond 17 951,61 € dû ».

    rich alone breaks at every space: « plafond » (7) + « 17 » = 10 columns, « 951,61 » (6) no longer fits
    in the 2 left, so the first line ends with « plafond 17 » and the second reads « 951,61 € dû » — two
    figures. With the spaces of the figure masked, « 17 951,61 € » is one word of 11 columns: it does not
    fit after « plafond » (7 + 1 + 11 = 19 > 12), goes whole to line 2 (11 ≤ 12), and « dû » (11 + 1 + 2 =
    14 > 12) to line 3.
    """
    assert shown("plafond 17 951,61 € dû", 12) == ["plafond", "17 951,61 €", "dû"]


def test_a_share_keeps_its_percent_sign():
    """Width 10, « quota 47,6 % ok »: « quota » (5) + space + « 47,6 % » (6) = 12 > 10, so the share goes
    to line 2 whole, followed by « ok » (6 + 1 + 2 = 9 ≤ 10). rich alone would end line 1 with « quota
    47,6 » (10 columns) and start line 2 with « % ok »."""
    assert shown("quota 47,6 % ok", 10) == ["quota", "47,6 % ok"]


def test_only_the_spaces_inside_a_figure_are_kept():
    """Years, months and ids side by side are separate words: « 2024 2025 » at width 5 is two lines (a
    group of thousands has exactly three digits), « T0001 2025-12 » at width 8 too."""
    assert shown("2024 2025", 5) == ["2024", "2025"]
    assert shown("T0001 2025-12", 8) == ["T0001", "2025-12"]


def test_a_table_cell_keeps_its_figures_whole_and_prints_no_mask():
    """A « Base » cell 16 columns wide, as ``ei subsidy`` draws it at 80: « coût 35 175,28 € » (16) and
    « plafond 17 951,61 € » (19, so « plafond » then the amount) each keep their amount on one line, and
    the mask never reaches the output."""
    from rich.table import Table

    con = console()
    con.width = 40
    table = Table()
    table.add_column("Aide")
    table.add_column("Base", max_width=16)
    table.add_row("Public cible", "TD · 364 jours · coût 35 175,28 € · plafond 17 951,61 €")
    with con.capture() as captured:
        con.print(table)
    text = captured.get()
    assert _MASK not in text
    lines = text.splitlines()
    assert any("35 175,28 €" in line for line in lines)
    assert any("17 951,61 €" in line for line in lines)


WORDS = st.sampled_from(["coût", "plafond", "dû", "le", "T0017", "ETP-mois", "·", "travailleurs"])
FIGURES = st.one_of(
    st.decimals(min_value=0, max_value=10**9, places=2).map(euro_text),
    st.decimals(min_value=0, max_value=1, places=3).map(lambda x: share_text(Decimal(x))))


@given(tokens=st.lists(st.one_of(WORDS, FIGURES), min_size=1, max_size=12), width=st.integers(4, 60))
def test_nothing_is_lost_and_a_figure_that_fits_is_never_split(tokens, width):
    """Whatever the text and the width: the same characters in the same order (only line breaks move),
    no mask left, and every figure no wider than the console shown whole on one line."""
    text = " ".join(tokens)
    lines = shown(text, width)
    out = "\n".join(lines)
    assert _MASK not in out
    assert "".join(out.split()) == "".join(text.split())
    for token in tokens:
        if any(c.isdigit() for c in token) and len(token) <= width:
            assert any(token in line for line in lines), (token, lines)


def outcome(name: str, amount: float) -> FileOutcome:
    return FileOutcome(file=f"{name}.xlsx", readable=True, output=None,
                       enterprise="Entreprise d'insertion au nom assez long", regime="wallonie-2016",
                       compliant=False, quota_share=0.409, wage_ratio=2.26, total_subsidy=amount)


def summary_lines(width: int) -> list[str]:
    outcomes = [outcome("ei-001", 169000.93), outcome("ei-002", 35037.0)]
    totals = batch.counts(outcomes)
    con = console()
    con.width = width
    with con.capture() as captured:
        summary_table(con, outcomes, totals, BatchRequest(2025))
    return captured.get().splitlines()


def test_the_batch_summary_keeps_each_total_on_one_line_at_80_columns():
    """At 80 columns (68 needed, next test) the file and enterprise names wrap and the figures do not:
    « 169 000,93 € », « 40,9 % » and « 2,26 » each whole on their row's first line."""
    lines = summary_lines(80)
    assert any("ei-001.xlsx" in line and "169 000,93 €" in line and "40,9 %" in line and "2,26" in line
               for line in lines)
    assert any("ei-002.xlsx" in line and "35 037,00 €" in line for line in lines)
    assert all(len(line) <= 80 for line in lines)


def test_on_a_terminal_too_narrow_for_whole_figures_nothing_is_cut():
    """Under 110 columns: file, enterprise and verdict wrap; the figures' columns are « Public / cible »
    (6, « 40,9 % »), « Tension » (7) and « Subventions » (12, « 169 000,93 € »). Whole figures need
    6 + 7 + 12 + 3 × 8 + 3 × 6 columns + 1 border = 68: they fit in 80 (previous test), not in 40, where
    every column folds as before rather than a figure being cut at the terminal's edge: every table
    line still ends with its border."""
    lines = summary_lines(40)
    table = [line for line in lines if line[:1] in "┏┃┡│└"]
    assert table and all(line[-1] in "┓┃┩│┘" for line in table)
    assert all(len(line) <= 40 for line in lines)
