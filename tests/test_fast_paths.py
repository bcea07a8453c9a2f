"""Fast paths that must give exactly what the plain way gives (docs/performance.md).

* ``ooxml._after_colons``: the namespace-prefix tests of the sheet scans must answer as the substring
  searches they replace.
* ``output._decimal``: a Decimal becomes the same JSON number as with the former expression.
"""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from ei_cli.workbook import ooxml


@given(st.text(alphabet=':cf> <x"', max_size=200), st.integers(0, 8))
def test_after_colons_answers_as_substring_search(text, limit):
    data = text.encode()
    after = ooxml._after_colons(data, limit)
    if after is None:
        assert data.count(b":") > limit
        return
    for probe in (b"c ", b"c>", b"cf", b"x:"):
        assert (probe in after) == (b":" + probe in data)
    assert any(a[:1] == b"f" for a in after) == (b":f" in data)


@given(st.one_of(st.decimals(), st.decimals(places=2), st.integers(-10**17, 10**17).map(Decimal),
                 st.sampled_from([Decimal("1E+15"), Decimal("-1E+15"), Decimal("999999999999999.0"), Decimal("-0"),
                                  Decimal("1E+30"), Decimal("0E-7"), Decimal("Infinity"), Decimal("-Infinity")])))
def test_decimal_json_value_as_before(x):
    from ei_cli.output import _decimal

    def outcome(convert):
        try:
            value = convert(x)
        except Exception as exc:  # sNaN: the same error both ways
            return type(exc)
        return type(value), repr(value)

    assert outcome(lambda x: _decimal(x, "fr")) == outcome(
        lambda x: int(x) if x == x.to_integral_value() and abs(x) < 10**15 else float(x))
