"""What the terminal shows: a figure is never broken across two lines (output.console)."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ei_cli import batch
from ei_cli.render.batch import summary_table
from ei_cli.batch import BatchRequest, FileOutcome
from ei_cli.output import console
from ei_cli.regimes import get_regime
from ei_cli.terminal import _MASK, fitted
from ei_cli.rules.common import euro_text, number_text, share_text
from helpers_cli import run_cli

SAMPLE = Path(__file__).resolve().parent.parent / "sample_data" / "ei-wallonie.xlsx"


def shown(text, width: int) -> list[str]:
    """The lines ``ei``'s console prints for ``text`` (a string or a table) at ``width`` columns,
    trailing blanks removed."""
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


def test_an_id_ending_in_digits_is_not_taken_for_the_head_of_a_figure():
    """« T0017 100,00 € » at width 8: « 17 100,00 » would read as seventeen thousand one hundred, but
    « 17 » is the end of the id « T0017 », not a figure: the id (5) on line 1, the amount (8) whole on
    line 2. (Found by the property test below: the first mask took any digit, space, three digits.)"""
    assert shown("T0017 100,00 €", 8) == ["T0017", "100,00 €"]


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


def test_french_punctuation_stays_with_its_word():
    """Width 17, « Subventions 2025 : 232 738,76 €. » (the last line of ``ei batch``). rich alone puts
    « Subventions 2025 » (16) on line 1 and starts line 2 with « : » (16 + 1 + 1 = 18 > 17). With the
    space before « : » kept, « 2025 : » is one word of 6: « Subventions » (11) + 1 + 6 = 18 > 17, so
    line 1 is « Subventions »; « 2025 : » (6) + 1 + « 232 738,76 €. » (13) = 20 > 17, so line 2 is
    « 2025 : » and line 3 the amount. Width 12, « le verdict « conforme » reste »: « « conforme » » is
    one word of 12, whole on line 2."""
    assert shown("Subventions 2025 : 232 738,76 €.", 17) == ["Subventions", "2025 :", "232 738,76 €."]
    assert shown("le verdict « conforme » reste", 12) == ["le verdict", "« conforme »", "reste"]
    # Beside a figure the space still breaks: glued, « « 0,00 € » (8) would be folded at width 6,
    # cutting the figure (found by the property test below).
    assert shown("« 0,00 €", 6) == ["«", "0,00 €"]
    # Beside an id too (letters and digits): glued, « « T0017 » (7) was folded at width 5, « « T00 » /
    # « 17 » (found by the property test below).
    assert shown("« T0017", 5) == ["«", "T0017"] and shown("« T0017", 7) == ["« T0017"]


WORDS = st.sampled_from(["coût", "plafond", "dû", "le", "T0017", "ETP-mois", "·", "travailleurs",
                         ":", "?", "«", "»"])
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
    # No line starts with « : », « ? », « » » or ends with « « » unless a word glued to it is wider than
    # the console (it is then folded).
    # (a figure is one word, so a group is tokens joined by the spaces glued to « : ? » » and « « »,
    # never to a figure nor to an id such as « T0017 » (letters and digits): « « T0017 » at 5 columns
    # was folded « « T00 » / « 17 »)
    def is_id(word: str) -> bool:
        return any(c.isdigit() for c in word) and any(c.isalpha() for c in word)

    def glued(token: str) -> bool:
        return " " not in token and not is_id(token)

    groups = [tokens[0]]
    for before, token in zip(tokens, tokens[1:]):
        if (token in (":", "?", "»") and glued(before)) or (before == "«" and glued(token)):
            groups[-1] += " " + token
        else:
            groups.append(token)
    if max(map(len, groups)) <= width:
        for before, after in zip(lines, lines[1:]):
            # (beside a figure — « … 0,00 € » ends with « € » — or an id holding a digit, the space breaks)
            assert after.split()[0] not in (":", "?", "»") or before.split()[-1] in ("€", "%") \
                or is_id(before.split()[-1]), (text, lines)
            assert before.split()[-1] != "«" or after.split()[0][0].isdigit() or is_id(after.split()[0]), (text, lines)


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
    """At 80 columns: 2 edges and 5 separators leave 73, the padding (2 × 6) 61 for the text. The
    figures' columns stay on one line: « Public / cible » 6 (« 40,9 % »), « Tension » 7 (its header),
    « Subventions » 12 (« 169 000,93 € »): 25. rich narrows the widest wrapping column to fit the 36
    left: file 11 (« ei-001.xlsx ») and verdict 12 (« non conforme ») whole, the enterprise
    63 − 36 = 27 narrower, 13. No figure cut or folded, no word of 8 folded: ``terminal.fitted`` keeps
    rich's layout, and each figure is whole on its row's first line."""
    lines = summary_lines(80)
    assert any("ei-001.xlsx" in line and "169 000,93 €" in line and "40,9 %" in line and "2,26" in line
               for line in lines)
    assert any("ei-002.xlsx" in line and "35 037,00 €" in line for line in lines)
    assert all(len(line) <= 80 for line in lines)


def test_on_a_terminal_too_narrow_for_whole_figures_nothing_is_cut():
    """At 40 columns: 40 − 7 borders − 12 padding = 21 for the text. rich alone would keep the three
    figures' columns (25) and draw the table wider than the terminal, which cuts it. ``terminal.fitted``
    wants at least the figures whole — 6 (« 40,9 % »), 4 (« 2,26 », and 4 of « Tension »), 12
    (« 169 000,93 € ») — and 4 characters for each of file, enterprise and verdict: 34 > 21; with one
    space of padding on the left of each cell only 33 − 6 = 27, with none 33: still short of 34. So every
    column folds and rich shares the 21 out: figures folded, but every table line still ends with its
    border."""
    lines = summary_lines(40)
    table = [line for line in lines if line[:1] in "┏┃┡│└"]
    assert table and all(line[-1] in "┓┃┩│┘" for line in table)
    assert all(len(line) <= 40 for line in lines)


def claim_table():
    """The shape of ``ei subsidy``'s table: an id and an amount kept on one line, the basis wrapping
    with a minimum width."""
    from rich.table import Table

    table = Table()
    table.add_column("Trav.", no_wrap=True)
    table.add_column("Base", min_width=14)
    table.add_column("Montant", justify="right", no_wrap=True, min_width=12)
    table.add_row("W05", "coût 5 891,72 € · plafond 3 000,00 €", "2 945,86 €")
    return table


def test_a_table_too_wide_for_its_minimum_widths_is_not_cut_at_the_edge():
    """Width 40: 2 edges + 2 separators leave 36, the padding (2 per column) 30 for the text.

    rich alone: Trav. 5 and Montant 12 (its min_width) stay, Base shrinks to its min_width 14:
    5 + 14 + 12 = 31 > 30, so the table is one column too wide and the terminal cuts its right edge.
    ``fitted`` folds every column at a fixed width instead, at least its figures whole and 4
    characters of its header: Trav. 4 (« W05 » is no figure, « Trav. » gives 4), Base 10 (« 5 891,72 € »
    and « 3 000,00 € », each one word, the figure's spaces masked), Montant 10
    (« 2 945,86 € »): 24, 6 to spare. Then, the cheapest first: the longest words (3, 10, 10) and the one-line cells
    (3, 10) already fit; of the headers' words « Trav. » takes 1 (5 spare), « Base » 4 and « Montant »
    7 fit in 10. The 5 left go by what each column would need more, natural width − floor: Trav. 5 − 5
    = 0, Base 36 − 10 = 26 (the whole text), Montant 12 − 10 = 2: 5 × 26 // 28 = 4 and 5 × 2 // 28 = 0,
    the last 1 to the largest remainder (130 % 28 = 18 against 10 % 28 = 10), Base. Widths 5, 15, 10: the
    basis reads « coût 5 891,72 € » (15), « · plafond », « 3 000,00 € »; the amount is whole.
    """
    assert shown(claim_table(), 40)[3:6] == [
        "│ W05   │ coût 5 891,72 € │ 2 945,86 € │",
        "│       │ · plafond       │            │",
        "│       │ 3 000,00 €      │            │",
    ]


def test_where_words_do_not_fit_the_figures_still_do():
    """Width 24: 21 inside the borders, 17 for the text, two columns that fold. rich alone narrows the
    widest first and gives 8 and 9: « 169 000,93 € » (12) folded into « 169 000,9 » and « 3 € ». Floors:
    the enterprise has no figure, 4 characters (of « Entreprise » too); the subsidy its figure, 12: 16,
    1 to spare. « d'insertion » (11, +7) and the header « Entreprise » (10, +6) do not fit in it; the 1
    goes to the enterprise (22 − 4 = 18 more wanted, the subsidy 12 − 12 = 0). Widths 5 and 12: the
    name folds every 5 characters, the amount stays whole."""
    from rich.table import Table

    table = Table()
    table.add_column("Entreprise", overflow="fold")
    table.add_column("Subventions", justify="right", overflow="fold")
    table.add_row("Entreprise d'insertion", "169 000,93 €")
    assert shown(table, 24)[-7:] == [
        "│ Entre │ 169 000,93 € │",
        "│ prise │              │",
        "│       │              │",   # rich's own fold: « Entreprise » ends exactly at the edge
        "│ d'ins │              │",
        "│ ertio │              │",
        "│ n     │              │",
        "└───────┴──────────────┘",
    ]


def test_a_table_that_fits_is_left_to_rich():
    """Width 60: 56 inside the borders, 50 for the text. rich alone: Trav. 5 + Base 36 + Montant 12 = 53,
    3 too many; only Base may wrap: 33, over its min_width 14 and its longest word 10. Nothing is cut
    (5 + 33 + 12 = 50), so ``fitted`` gives back the very same table; and anything that is not a table
    as it came."""
    from rich.console import Console

    table = claim_table()
    assert fitted(Console(), table, 60) is table
    assert fitted(Console(), "texte", 10) == "texte"


TEXTS = st.lists(st.one_of(WORDS, FIGURES), min_size=1, max_size=6).map(" ".join)


def columns_of(cells):
    """1 to 6 generated columns (no_wrap, min_width, overflow, cells), ``cells`` drawing one column's cells."""
    return st.lists(st.tuples(st.booleans(), st.sampled_from([None, 8, 14]), st.sampled_from(["fold", "ellipsis"]),
                              cells), min_size=1, max_size=6)


COLUMNS = columns_of(st.lists(st.one_of(FIGURES, TEXTS), min_size=1, max_size=3))


def _table_of(columns):
    """A rich table of the generated ``columns`` (no_wrap, min_width, overflow, cells), short columns padded
    with empty cells."""
    from rich.table import Table

    table = Table()
    rows = max(len(cells) for *_, cells in columns)
    for i, (no_wrap, min_width, overflow, _cells) in enumerate(columns):
        table.add_column(f"C{i}", no_wrap=no_wrap, min_width=min_width, overflow=overflow)
    for r in range(rows):
        table.add_row(*[cells[r] if r < len(cells) else "" for *_, cells in columns])
    return table


@given(columns=COLUMNS, width=st.integers(20, 140))
def test_a_table_is_never_cut_when_its_longest_words_fit(columns, width):
    """Any table of one-line and wrapping columns (minimum widths, cut or folded overflow), any width
    where every column's longest word fits (borders and padding included): every line ends with the
    table's border, no cell is cut with « … », and every figure is shown whole on one line."""
    table = _table_of(columns)
    def masked(text: str) -> str:
        """A figure as one word, then « : ; ! ? » » with the word before and « « » with the word after —
        unless that word is a figure — as output.console lays it out."""
        text = re.sub(r"(?<=\d) (?=\d{3}(?!\d)|[€%])", "_", text)
        words = text.split(" ")
        out = words[0]
        for before, word in zip(words, words[1:]):
            glued = (word[:1] in ":;!?»" and "_" not in before) or (before.endswith("«") and "_" not in word)
            out += ("_" if glued else " ") + word
        return out

    words = [max([len(w) for cell in cells for w in masked(cell).split()] + [len(f"C{i}")])
             for i, (*_, cells) in enumerate(columns)]
    if sum(words) + 3 * len(columns) + 1 > width:
        return
    lines = shown(table, width)
    body = [line for line in lines if line[:1] in "┏┃┡│└"]
    assert body and all(line[-1] in "┓┃┩│┘" for line in body), lines
    assert not any("…" in line for line in lines), lines
    figures = [cell for *_, cells in columns for cell in cells if cell[0].isdigit() and " " not in masked(cell)]
    for figure in figures:
        assert any(figure in line for line in lines), (figure, lines)


@pytest.mark.parametrize("columns", ["0", "abc", "-5", "²"])
def test_a_columns_that_is_no_positive_width_is_ignored(capsys, monkeypatch, columns):
    """``COLUMNS=0`` (a failed ``tput cols``, a shell's or an IDE's configuration): rich drew every console 0
    columns wide — a table command printed nothing at all, result and errors alike, with its usual exit code,
    and ``ei --help`` a lone newline; ``COLUMNS=²`` (all digits for Python, no number for ``int``) ended in
    « Erreur interne (ValueError) ». A COLUMNS or LINES that is no positive integer is removed from the
    environment when ``ei`` starts (``cli.main``): rich then takes the terminal's size, else 80 columns."""
    import os

    monkeypatch.setenv("COLUMNS", columns)
    monkeypatch.setenv("LINES", columns)
    code, out, _ = run_cli(capsys, "regimes")
    assert code == 0 and "wallonie-2016" in out
    assert "COLUMNS" not in os.environ and "LINES" not in os.environ
    monkeypatch.setenv("COLUMNS", columns)
    code, _, err = run_cli(capsys, "check", "absent.xlsx")
    assert code == 2 and "absent.xlsx" in err
    monkeypatch.setenv("COLUMNS", columns)
    code, out, _ = run_cli(capsys, "--help")
    assert code == 0 and "check-quota" in out


def printed(capsys, monkeypatch, width: int, *args) -> tuple[list[str], dict]:
    """The lines ``ei ARGS`` prints on a terminal ``width`` columns wide, and its JSON document."""
    monkeypatch.setenv("COLUMNS", str(width))
    code, out, _ = run_cli(capsys, *args)
    assert code == 0, out
    _, doc, _ = run_cli(capsys, *args, "--format", "json")
    assert all(len(line) <= width for line in out.splitlines())
    return out.splitlines(), json.loads(doc)


def first_column_width(lines: list[str]) -> int:
    """The text width of a printed table's first column: its top border's first segment, less the
    padding (one space each side)."""
    top = next(line for line in lines if line.startswith("┏"))
    return len(top[1:].split("┳")[0]) - 2


def test_at_60_columns_the_subsidy_table_keeps_its_amounts_and_dates_whole(capsys, monkeypatch):
    """``ei subsidy`` of the sample at 60 columns: 2 edges and 5 separators leave 53, the padding (2 × 6)
    41. The value columns' figures and words: Aide 7 (« Accomp. »), Trav. 4 (« W05 » 3, 4 of its header),
    Année 4 (« occ. »), Période 10 (« 2025-01-01 »), Montant 11 (« 14 729,30 € »); the « Base » is prose
    (« TGD · 59 jours · … », more than 3 words), its figures 11 (« 29 458,60 € »): 7 + 4 + 4 + 10 + 11 + 11
    = 47 > 41. The old layout then let rich fold every column: « 2 945,8 » over « 6 € », « 2025-01 » over
    « -01 », which read as other figures. With one space of padding, on the left of each cell only:
    53 − 6 = 47, every figure whole — each line's amount on the row of its period's first day, its last
    day, and the wage cost in its basis."""
    lines, doc = printed(capsys, monkeypatch, 60, "subsidy", SAMPLE, "--year", "2025")
    assert doc["lines"]
    for line in doc["lines"]:
        amount, basis = euro_text(Decimal(str(line["amount"]))), line["basis"]
        assert any(amount in row and basis["start"] in row for row in lines), (amount, lines)
        assert any(basis["end"] in row for row in lines)
        if basis.get("wage_cost") is not None:
            assert any(euro_text(Decimal(str(basis["wage_cost"]))) in row for row in lines)


def test_at_60_columns_the_quota_tables_keep_their_fte_and_shares_whole(capsys, monkeypatch):
    """``ei check-quota`` of the sample at 60 columns, two tables of 8 columns: 2 edges and 7 separators
    leave 51, the padding (2 × 8) 35. Every column is of values: Mois 7 (« 2024-04 »), ETP cible 4
    (« 8,47 »), ETP total 5 (« 13,77 »), Part 6 (« 61,5 % »), Exigé 6 (« 20,0 % »), Art. 60 4 (« 0,97 »),
    ETP indét. 4 (« — », 4 of its header), Note 4 (« jugé »): 40 > 35, and the old layout folded every
    column (« 13,7 » over « 7 »). With one space of padding on the left only, 51 − 8 = 43: every month's
    row on one line, its FTE and shares whole."""
    lines, doc = printed(capsys, monkeypatch, 60, "check-quota", SAMPLE, "--year", "2025")
    months = [m for year in doc["agrement_years"] for m in year["months"]]
    assert months and len(months) == sum(year["months_in_year"] for year in doc["agrement_years"])
    for m in months:
        cells = [m["month"], number_text(Decimal(str(m["target_fte"]))), number_text(Decimal(str(m["total_fte"]))),
                 share_text(Decimal(str(m["share"]))), share_text(Decimal(str(m["required_share"])))]
        assert any(all(c in row for c in cells) for row in lines), (cells, lines)


# Words without a digit: beside an id such as « T0017 » a figure is masked alone, which the words counted
# below would not see.
PLAIN_WORDS = st.sampled_from(["coût", "plafond", "dû", "le", "ETP-mois", "·", "travailleurs"])
VALUE_CELLS = st.lists(st.one_of(PLAIN_WORDS, FIGURES), min_size=1, max_size=3).map(" ".join)
SENTENCES = st.lists(st.one_of(PLAIN_WORDS, FIGURES), min_size=4, max_size=10).map(" ".join)
VALUES_OR_PROSE = st.one_of(st.lists(VALUE_CELLS, min_size=1, max_size=3),
                            st.tuples(SENTENCES, st.lists(st.one_of(VALUE_CELLS, SENTENCES), max_size=2))
                            .map(lambda cells: [cells[0], *cells[1]]))


@given(columns=columns_of(VALUES_OR_PROSE), width=st.integers(20, 140))
def test_a_value_columns_figure_is_never_split_while_their_floors_fit(columns, width):
    """Any table of value columns (no line of more than 3 words, a figure being one) and prose columns
    (a sentence of 4 words or more), any width where the floors of ``terminal.fitted`` fit without
    padding — 4 characters a column (fewer if its words and header are shorter), a value column's
    longest figure — borders included: every figure of a value column is shown whole on one line, and
    every line of the table ends with its border, within the width."""
    table = _table_of(columns)

    def words(cell: str) -> list[str]:
        return re.sub(r"(?<=\d) (?=\d{3}(?!\d)|[€%])", "_", cell).split()

    def is_figure(word: str) -> bool:
        return not any(c.isalpha() for c in word)

    value = [all(len(words(cell)) <= 3 for cell in cells) for *_, cells in columns]
    floors = [max([min(len(w), 4) for cell in cells for w in words(cell)] + [len(f"C{i}")]
                  + [len(w) for cell in cells for w in words(cell) if value[i] and is_figure(w)])
              for i, (*_, cells) in enumerate(columns)]
    if sum(floors) + len(columns) + 1 > width:
        return
    lines = shown(table, width)
    body = [line for line in lines if line[:1] in "┏┃┡│└"]
    assert body and all(line[-1] in "┓┃┩│┘" and len(line) <= width for line in body), lines
    for i, (*_, cells) in enumerate(columns):
        for figure in [w.replace("_", " ") for cell in cells for w in words(cell) if value[i] and is_figure(w)]:
            assert any(figure in line for line in lines), (figure, lines)


def test_at_80_columns_the_parameter_ids_are_not_squeezed(capsys, monkeypatch):
    """``ei regimes wallonie-2016`` at 80 columns: 2 edges and 5 separators leave 73, the padding (2 × 6)
    61. Paramètre is the key column; its longest word, the id
    « subsidy.social_accompaniment.accompanier_min_experience_years », 61 characters, cannot fit beside
    the others. The value columns: Unité 9 (its longest word, « personnes »), Depuis 10 (« 2017-06-30 »); the
    prose columns (a line of more than 3 words), their figures and words up to 8: Valeur 10 (« 50 000 000 »),
    Confiance 8, Référence 12 (« 20.10.2016), »); Paramètre 4: 4 + 10 + 9 + 10 + 8 + 12 = 53, 8 to spare. The
    old layout gave them to the Confiance's and Référence's longest words and left the ids 4 characters
    (« agre / ment / .app / lica / tion… »). Now the key column first takes the 11 rich alone would give
    it (7 of the 8): each id reads in pieces of 11."""
    lines, doc = printed(capsys, monkeypatch, 80, "regimes", "wallonie-2016")
    assert first_column_width(lines) == 11
    ids = [p["key"] for p in doc["parameters"]]
    assert ids == sorted(get_regime("wallonie-2016").parameters)
    assert all(any(line.startswith(f"│ {key[:11]} │") for line in lines) for key in ids)


def test_at_80_columns_the_batch_file_names_are_whole(tmp_path, capsys, monkeypatch):
    """``ei batch`` of the two sample workbooks at 80 columns (a cron log's width): 2 edges and 5
    separators leave 73, the padding (2 × 6) 61. The values: Entreprise 10 (« Recyclerie »), Verdict 11
    (« indéterminé »), Public cible 6 (« 57,7 % »), Tension 4 (« 2,30 »), Subventions 12
    (« 116 369,38 € »), and the key column, Fichier, its longest word « ei-bruxelles.xlsx », 17:
    10 + 11 + 6 + 4 + 12 + 17 = 60 ≤ 61. rich alone gave the file 13 (« ei-wallonie.x » over « lsx »),
    which the old layout kept: it spoilt no figure. Now each file name is whole on its row's line."""
    import shutil

    for name in ("ei-wallonie.xlsx", "ei-bruxelles.xlsx"):
        shutil.copy(SAMPLE.parent / name, tmp_path / name)
    monkeypatch.setenv("COLUMNS", "80")
    _code, out, _ = run_cli(capsys, "batch", tmp_path, "--year", "2025", "--quiet")
    lines = out.splitlines()
    assert first_column_width(lines) == 17
    assert any(line.startswith("│ ei-bruxelles.xlsx │") and "0,00 €" in line for line in lines), lines
    assert any(line.startswith("│ ei-wallonie.xlsx  │") and "116 369,38 €" in line for line in lines), lines
