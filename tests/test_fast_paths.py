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


@given(st.one_of(
    st.text(alphabet="0123456789 .-/", max_size=16),
    st.text(max_size=14),
    st.integers(0, 1_999_999_999).map(lambda n: f"{n:010d}"),
    # valid numbers, written plainly or with the usual dots
    st.integers(1, 19_999_999).map(lambda n: f"{n:08d}{97 - n % 97:02d}"),
    st.integers(1, 19_999_999).map(lambda n: f"{n:08d}{97 - n % 97:02d}").map(lambda s: f"{s[:4]}.{s[4:7]}.{s[7:]}"),
))
def test_bce_shortcut_agrees_with_stdnum(text):
    """Where the shortcut answers, stdnum gives the same number; a valid plain number always gets one."""
    from stdnum.be import vat

    from ei_cli.workbook.cells import _surely_valid_bce

    got = _surely_valid_bce(text)
    try:
        expected = vat.validate(text)
    except Exception:
        expected = None
    if got is not None:
        assert got == expected
    elif expected is not None:
        # Left to stdnum: only what the shortcut does not claim to read (BE prefix, (0), 9 digits, unicode).
        assert not (text.isascii() and len(text.translate(str.maketrans("", "", " -./"))) == 10
                    and text.translate(str.maketrans("", "", " -./")).isdigit())


def test_bce_shortcut_by_hand():
    """0403.019.261: 04030192 + 61 = 4 030 253 = 97 × 41 549, so valid; ...262 gives 4 030 254, not a
    multiple of 97; 2403019261 starts with 2 (stdnum wants 0 or 1); the BE prefix is left to stdnum."""
    from ei_cli.workbook.cells import _surely_valid_bce

    assert _surely_valid_bce("0403.019.261") == "0403019261"
    assert _surely_valid_bce("0403 019 261") == "0403019261"
    assert _surely_valid_bce("0403.019.262") is None
    assert _surely_valid_bce("2403019261") is None
    assert _surely_valid_bce("BE0403019261") is None
