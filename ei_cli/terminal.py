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


# rich's own layout is kept while it folds no word of up to 8 characters; a column made to fit is never
# narrower than 4 characters (of its header's longest word too); a cell line of more than 3 words (a figure
# being one) is prose.
_WRAPPED_WIDTH, _HEADER_FLOOR, _PROSE_WORDS = 8, 4, 3


def fitted(con, renderable, width: int):
    """A table laid out for ``width`` columns without cutting a figure; any other renderable: itself.

    rich keeps a ``no_wrap`` column (figures, ids, dates) on one line by shrinking the other columns,
    to nothing if need be (a whole column then vanishes); past that it cuts the one-line cells with
    « … », and where minimum widths add up to more than the terminal it cuts the table at its edge.
    A word longer than its column is cut too, unless the column folds. So when rich's layout would do
    any of that, fold a figure or a word of up to 8 characters, or fold the key column's longest word
    where it fits (below), the table is given back as a copy whose every column folds, each at a fixed
    width.

    A column is of prose (a basis, a reason, a reference, a note) when a line of one of its cells has
    more than 3 words (a figure is one word, ``console_class``), else of values (amounts, FTE, shares,
    dates, months, ids, verdict words): a figure folded inside a sentence is still read as part of it,
    while a part of a value alone on its line reads as a whole value (« 2 945,8 » over « 6 € »). The key
    column is the first (a parameter id, a file name, a worker id, a month): what a row is read by.
    Every column gets 4 characters (fewer if its words and header are shorter) and every value column its
    figures whole; then, in this order, raised the cheapest first while they fit: the value columns'
    words, the key column's longest word (if it fits beside all these wants even without padding), the
    prose columns' figures and words of up to 8 characters. The cells keep their padding, else one space
    on the left only, else none (the borders still part the cells): the widest that meets whole the
    first of those wants. Then, the cheapest first while they fit, the width rich alone would give the
    key column (if its longest word did not fit), the longest words, the one-line cells whole, the
    headers' longest words; the width left shared in proportion to what each column would need more.
    Only when even the value columns' figures do not fit without padding does rich share the width out
    itself (a figure is then folded).
    """
    from rich.table import Table

    if not isinstance(renderable, Table) or not renderable.columns:
        return renderable
    import copy

    from rich.measure import Measurement

    table = renderable
    options = con.options.update_width(width)
    top, right, bottom, left = table.padding
    inside = width - (2 if table.box and table.show_edge else 0) - (len(table.columns) - 1 if table.box else 0)
    columns = range(len(table.columns))
    # The room for the cells with their padding, else one space on the left of each cell only, else none (the
    # borders still part the cells): ``room[0]``, with the table's own padding, is what the columns have.
    paddings = [(left, right)] + ([(min(left, 1), 0), (0, 0)] if table.box else [])
    room = [inside - (pad_left + pad_right) * len(columns) for pad_left, pad_right in paddings]
    available = room[0]
    longest_word, longest_header_word, one_line, natural = [], [], [], []
    for column in table.columns:
        cells = [Measurement.get(con, options, cell) for cell in column.cells]
        header = Measurement.get(con, options, column.header)
        longest_word.append(max([m.minimum for m in cells] or [1]))
        longest_header_word.append(header.minimum)
        one_line.append(max([m.maximum for m in cells] or [1]) if column.no_wrap else 0)
        natural.append(max([m.maximum for m in cells] + [header.maximum, column.min_width or 0]))

    @functools.cache
    def words(i: int) -> tuple[int, int]:
        """Column ``i``'s widest figure and most words on a line of a cell (``_words``), measured when first asked."""
        return _words(con, table.columns[i].cells)

    def longest_figure(i: int) -> int:
        return words(i)[0]

    def prose(i: int) -> bool:
        return words(i)[1] > _PROSE_WORDS

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
    # kept when it is not cut at the edge, spoils no column and does not fold the key column's longest word
    # where it fits; and whatever rich lays out, should a later release of it rename that calculation.
    try:
        widths = [w - left - right for w in table._calculate_column_widths(con, options.update_width(inside))]
    except AttributeError:
        return table
    # Every column at least 4 characters (of its header's longest word too); then what ``wants`` lists, in
    # the first of the ``room``s it fits.
    floors = [max(min(longest_word[i], _HEADER_FLOOR), min(longest_header_word[i], _HEADER_FLOOR)) for i in columns]
    key_word = [longest_word[0]] + [0] * (len(columns) - 1)

    @functools.cache
    def wants() -> tuple:
        """A value column's figures; its words (an id, a verdict); the key column's (the first: a parameter
        id, a file name, a worker id, a month) longest word, if it fits beside the others even without
        padding; a prose column's figures and its words of up to 8 characters; and the width all of them
        need, the key's word included."""
        value_figures = [0 if prose(i) else longest_figure(i) for i in columns]
        value_words = [0 if prose(i) or i == 0 else longest_word[i] for i in columns]
        prose_words = [max(longest_figure(i), min(longest_word[i], _WRAPPED_WIDTH)) if prose(i) else 0 for i in columns]
        need = sum(map(max, floors, value_figures, value_words, key_word, prose_words))
        key = key_word if need <= room[-1] else [0] * len(columns)
        return value_figures, value_words, key, prose_words, need

    def key_folded() -> bool:
        """rich's layout folds the key column's longest word, where it fits beside what the others want
        with the cells' padding."""
        if widths[0] >= longest_word[0] or table.columns[0].no_wrap:
            return False
        return wants()[-1] <= available

    if sum(widths) <= available and not any(spoilt(i, w) for i, w in enumerate(widths)) and not key_folded():
        return table
    relaxed = copy.copy(table)
    relaxed.columns = [replace(column, no_wrap=False, min_width=None, max_width=None, overflow="fold")
                       for column in table.columns]
    value_figures, *tiers, _need = wants()

    def raised(floors: list[int], wanted: list[int], spare: int) -> tuple[list[int], int]:
        """``floors`` raised to ``wanted``, the cheapest first while they fit in ``spare``; and what is left."""
        floors = list(floors)
        for i in sorted(columns, key=lambda i: wanted[i] - floors[i]):
            raise_by = max(wanted[i] - floors[i], 0)
            if raise_by <= spare:
                floors[i] += raise_by
                spare -= raise_by
        return floors, spare

    def plan(k: int):
        """With the ``k``-th padding: which of the other wants are met whole, and the widths, or None when
        the value columns' figures do not fit."""
        planned = list(map(max, floors, value_figures))
        if sum(planned) > room[k]:
            return None
        whole = []
        for wanted in tiers:
            whole.append(sum(map(max, planned, wanted)) <= room[k])
            planned, _spare = raised(planned, wanted, room[k] - sum(planned))
        return whole, k, planned

    # The padding that meets whole the most important of the wants, the widest of those.
    plans = [p for p in map(plan, range(len(paddings))) if p is not None]
    if not plans:
        return relaxed
    _whole, k, floors = max(plans, key=lambda p: (p[0], -p[1]))
    if k:
        relaxed.padding = (top, paddings[k][1], bottom, paddings[k][0])
    spare = room[k] - sum(floors)
    # then, the cheapest first while they fit: the width rich alone would give the key column, if its
    # longest word did not fit; the longest words; the cells meant to stay on one line, whole; the headers'
    # longest words.
    key_share = [min(longest_word[0], widths[0])] + [0] * (len(columns) - 1)
    for wanted in (key_share, longest_word, one_line, longest_header_word):
        floors, spare = raised(floors, wanted, spare)
    more = [max(n - f, 0) for n, f in zip(natural, floors)]
    total = sum(more) or 1
    shares = [spare * m // total for m in more]
    for i in sorted(range(len(more)), key=lambda i: -(spare * more[i] % total))[:spare - sum(shares)]:
        shares[i] += 1   # what the rounding down left, to the largest remainders
    for column, floor, share in zip(relaxed.columns, floors, shares):
        column.width = floor + share
    return relaxed


def _words(con, cells) -> tuple[int, int]:
    """The width of the widest figure (a word without a letter, « 17 951,61 € » being one) in ``cells``,
    and the most words on one of their lines."""
    from rich.cells import cell_len
    from rich.text import Text

    widest = most = 0
    for cell in cells:
        text = con.render_str(cell) if isinstance(cell, str) else cell
        if isinstance(text, Text):
            for line in text.plain.splitlines():
                line_words = line.split()
                most = max(most, len(line_words))
                widest = max([widest] + [cell_len(word) for word in line_words if not any(c.isalpha() for c in word)])
    return widest, most
