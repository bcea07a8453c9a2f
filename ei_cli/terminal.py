"""The console ``ei`` prints with (``output.console``): figures never broken, tables fitted to the terminal.

rich is imported only when a console is made.
"""

from __future__ import annotations

import functools
from dataclasses import replace

_MASK = "\ue000"  # a private-use character: one cell wide, not a space, in no text ei writes


@functools.cache
def console_class():
    """rich's Console, laying out every string it prints (a table cell too) with its figures whole and
    French punctuation kept with its word.

    rich breaks a line at any space, a no-break space too (Textualize/rich#4196): « plafond 17 951,61 € »
    could end a line with « plafond 17 » and start the next with « 951,61 € », which reads as two figures.
    The spaces inside a figure — between groups of thousands, before « € » and « % » — are masked while
    rich lays the text out (a figure is then one word: moved to the next line whole, folded only if it
    is wider than its column), and put back in what is written. So is the space before « : ; ! ? » »
    and after « « » (a French typesetter's no-break space), unless a figure or an id (a word of letters and
    digits: « T0017 ») is on its other side — glued, the two could be wider than a narrow column, which would
    then fold the figure or the id. And
    every table it prints is first
    fitted to the width it is given (``fitted``).
    """
    import re

    from rich.console import Console

    # A figure: groups of thousands (« 17 951,61 », the first of 1 to 3 digits) or a bare number, then
    # an optional « € » or « % » — not glued to a word or a number before it, so that in « T0017 100,00 € »
    # the id and the amount stay two words.
    figure = re.compile(r"(?<![\w.,])-?(?:\d{1,3}(?: \d{3})+(?!\d)(?:[.,]\d+)?(?: [€%])?|\d+(?:[.,]\d+)? [€%])")

    # French typography: no line starts with « : », « ; », « ! », « ? » or « » », nor ends with « « » —
    # except beside a figure (already masked) or an id (letters and digits): the two together could
    # be wider than a narrow column, which would then fold the figure or the id.
    punctuation = re.compile(r" (?=[:;!?»])|(?<=«) ")

    def mask(match) -> str:
        return match.group().replace(" ", _MASK)

    def glue(masked: str) -> str:
        def space(match) -> str:   # the space the pattern found: kept, or glued
            start, end = match.start(), match.end()
            if masked[start - 1:start] == "«":   # « then the next word
                word = masked[end:].split(None, 1)[0] if masked[end:].strip() else ""
            else:                                 # the word before, then « : »
                word = masked[:start].rsplit(None, 1)[-1] if masked[:start].strip() else ""
            is_id = any(c.isdigit() for c in word) and any(c.isalpha() for c in word)
            return " " if _MASK in word or is_id else _MASK
        return punctuation.sub(space, masked)

    class FigureConsole(Console):
        def render_str(self, text, **kwargs):
            rich_text = super().render_str(text, **kwargs)
            masked = glue(figure.sub(mask, rich_text.plain))
            if masked != rich_text.plain:
                rich_text.plain = masked  # same length: the styles' spans stay where they were
            return rich_text

        def render(self, renderable, options=None):
            renderable = fitted(self, renderable, (options or self.options).max_width)
            for segment in super().render(renderable, options):
                yield segment._replace(text=segment.text.replace(_MASK, " ")) if _MASK in segment.text else segment

    return FigureConsole


def console_width(environ=None) -> int | None:
    """The width to give a rich console (``output.console``, Typer's --help): None — rich's own choice, COLUMNS
    else the terminal's size else 80 — unless COLUMNS is no positive integer.

    rich takes ``COLUMNS=0`` (a failed ``tput cols``, a shell's or an IDE's configuration) as a console 0
    columns wide, and printed nothing at all: every table command's result, its warnings and errors, and
    ``ei --help`` a lone newline, with the usual exit code. Such a COLUMNS is ignored: the terminal's size (of
    stdin, stdout or stderr, as rich looks), else 80. rich already ignores one that is not all digits
    (``abc``, ``-5``): None then too."""
    import os

    environ = os.environ if environ is None else environ
    columns = environ.get("COLUMNS", "")
    if not columns.isdigit() or int(columns) > 0:
        return None
    for fd in (0, 1, 2):
        try:
            width = os.get_terminal_size(fd).columns
        except (OSError, ValueError):
            continue
        if width > 0:
            return width
    return 80


# rich's own layout is kept while it folds no word of up to 8 characters; a column made to fit is never
# narrower than 4 characters (of its header's longest word too).
_WRAPPED_WIDTH, _HEADER_FLOOR = 8, 4


def fitted(con, renderable, width: int):
    """A table laid out for ``width`` columns without cutting a figure; any other renderable: itself.

    rich keeps a ``no_wrap`` column (figures, ids, dates) on one line by shrinking the other columns,
    to nothing if need be (a whole column then vanishes); past that it cuts the one-line cells with
    « … », and where minimum widths add up to more than the terminal it cuts the table at its edge.
    A word longer than its column is cut too, unless the column folds. So when rich's layout would do
    any of that, or fold a figure or a word of up to 8 characters, the table is given back as a copy
    whose every column folds, each at a fixed width: at least its figures whole (a figure is one word,
    ``console_class``) and 4 characters; then, the cheapest first while they fit, the longest words,
    the one-line cells whole, the headers' longest words; the width left shared in proportion to what
    each column would need more. Only when even the figures do not fit does rich share the width out
    itself (a figure is then folded).
    """
    from rich.table import Table

    if not isinstance(renderable, Table) or not renderable.columns:
        return renderable
    import copy

    from rich.measure import Measurement

    table = renderable
    options = con.options.update_width(width)
    _top, right, _bottom, left = table.padding
    inside = width - (2 if table.box and table.show_edge else 0) - (len(table.columns) - 1 if table.box else 0)
    available = inside - (left + right) * len(table.columns)
    longest_word, longest_header_word, one_line, natural = [], [], [], []
    for column in table.columns:
        cells = [Measurement.get(con, options, cell) for cell in column.cells]
        header = Measurement.get(con, options, column.header)
        longest_word.append(max([m.minimum for m in cells] or [1]))
        longest_header_word.append(header.minimum)
        one_line.append(max([m.maximum for m in cells] or [1]) if column.no_wrap else 0)
        natural.append(max([m.maximum for m in cells] + [header.maximum, column.min_width or 0]))
    figures = [None] * len(table.columns)

    def longest_figure(i: int) -> int:
        if figures[i] is None:
            figures[i] = _longest_figure(con, table.columns[i].cells)
        return figures[i]

    def spoilt(i: int, w: int) -> bool:
        """Whether rich's layout spoils column ``i`` at ``w`` characters: a one-line column cut; a word
        longer than the column cut, unless the column folds; folded, a figure or a word of up to 8."""
        column = table.columns[i]
        if w >= natural[i]:
            return False
        if column.no_wrap:
            return True
        if column.overflow != "fold":
            return w < max(longest_word[i], longest_header_word[i])
        return w < max(min(longest_word[i], _WRAPPED_WIDTH), longest_figure(i))

    # rich's own layout (its private width calculation, so as to judge exactly what it would draw) is
    # kept when it is not cut at the edge and spoils no column; and whatever rich lays out, should a
    # later release of it rename that calculation.
    try:
        widths = [w - left - right for w in table._calculate_column_widths(con, options.update_width(inside))]
    except AttributeError:
        return table
    if sum(widths) <= available and not any(spoilt(i, w) for i, w in enumerate(widths)):
        return table
    relaxed = copy.copy(table)
    relaxed.columns = [replace(column, no_wrap=False, min_width=None, max_width=None, overflow="fold")
                       for column in table.columns]
    # Every column at least its figures whole and 4 characters (of its header's longest word too):
    floors = [max(longest_figure(i), min(longest_word[i], _HEADER_FLOOR), min(longest_header_word[i], _HEADER_FLOOR))
              for i in range(len(table.columns))]
    spare = available - sum(floors)
    if spare < 0:
        return relaxed
    # then, the cheapest first while they fit: the longest words; the cells meant to stay on one line,
    # whole; the headers' longest words.
    for wanted in (longest_word, one_line, longest_header_word):
        for i in sorted(range(len(floors)), key=lambda i: wanted[i] - floors[i]):
            raise_by = max(wanted[i] - floors[i], 0)
            if raise_by <= spare:
                floors[i] += raise_by
                spare -= raise_by
    more = [max(n - f, 0) for n, f in zip(natural, floors)]
    total = sum(more) or 1
    shares = [spare * m // total for m in more]
    for i in sorted(range(len(more)), key=lambda i: -(spare * more[i] % total))[:spare - sum(shares)]:
        shares[i] += 1   # what the rounding down left, to the largest remainders
    for column, floor, share in zip(relaxed.columns, floors, shares):
        column.width = floor + share
    return relaxed


def _longest_figure(con, cells) -> int:
    """The width of the widest figure (a word without a letter, « 17 951,61 € » being one) in ``cells``."""
    from rich.cells import cell_len
    from rich.text import Text

    widest = 0
    for cell in cells:
        text = con.render_str(cell) if isinstance(cell, str) else cell
        if isinstance(text, Text):
            widest = max([widest] + [cell_len(word) for word in text.plain.split()
                                     if not any(c.isalpha() for c in word)])
    return widest
