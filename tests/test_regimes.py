"""Regime files: every figure dated and cited; the loader is strict and names file and line."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from ei_cli.errors import EiError
from ei_cli.i18n import Text
from ei_cli.regimes import CONFIDENCES, RegimeFileError, all_regimes, get_regime, load_regime_file, regime_in_force
from helpers_cli import run_cli

GOOD = '''id = "{id}"
title = "t"
region = "wallonie"
valid_from = 2017-06-30
last_checked = 2026-11-22
status = "current"

[references]
r = {{ text = "Décret" }}

[quota.min_target_fte]
unit = "fte"
confidence = "inferred"
reference = {{ ref = "r" }}
values = [{{ from = 2017-06-30, value = 1 }}]
'''


def _write(tmp_path: Path, text: str, name: str = "x-1") -> Path:
    p = tmp_path / f"{name}.toml"
    p.write_text(text.format(id=name), encoding="utf-8")
    return p


def test_minimal_file_loads(tmp_path):
    r = load_regime_file(_write(tmp_path, GOOD))
    assert r.number("quota.min_target_fte", date(2020, 1, 1)) == Decimal(1)


@pytest.mark.parametrize("mutation, line, words", [
    (lambda s: s.replace('unit = "fte"', 'unit = "fte"\nfoo = 1'), 13, "foo"),                  # unknown key
    (lambda s: s.replace('reference = {{ ref = "r" }}\n', ''), 11, "reference"),               # missing reference
    (lambda s: s.replace('value = 1 }}', 'value = 1 }}, {{ from = "2018-01-01", value = 2 }}'), 15, "date"),
    (lambda s: s.replace('ref = "r"', 'ref = "nope"'), 14, "nope"),                             # unknown named ref
    (lambda s: s.replace('confidence = "inferred"', 'confidence = "sure"'), 13, "sure"),
])
def test_strict_loader_names_file_and_line(tmp_path, mutation, line, words):
    path = _write(tmp_path, mutation(GOOD))
    with pytest.raises(RegimeFileError) as exc:
        load_regime_file(path)
    msg = exc.value.message.fr
    assert path.name in msg and f"ligne {line}" in msg and words in msg


def test_a_parameter_s_own_reference_fields_override_the_named_reference_s(tmp_path):
    """``reference = { ref = "r", … }``: a text, article or note the parameter gives replaces the named
    reference's, and its English with it (a French override without ``*_en`` has no English, never the named
    one's English of another French); a field it does not give is the named one's, its English too unless the
    parameter gives that English; the URL is the parameter's, else the named one's."""
    named = ('r = {{ text = "Décret", text_en = "Decree", article = "art. 1", article_en = "s. 1", '
             'url = "https://r.example", note = "Note", note_en = "Note (en)" }}')
    own = {"a": '{{ ref = "r", text = "Arrêté" }}',
           "b": '{{ ref = "r", article = "art. 9", article_en = "s. 9", url = "https://b.example" }}',
           "c": '{{ ref = "r", note_en = "Other note" }}'}
    text = GOOD.replace('r = {{ text = "Décret" }}', named)
    for key, reference in own.items():
        text += (f'\n[quota.{key}]\nunit = "fte"\nconfidence = "inferred"\nreference = {reference}\n'
                 'values = [{{ from = 2017-06-30, value = 1 }}]\n')
    from ei_cli.regimes import Reference

    regime = load_regime_file(_write(tmp_path, text))
    refs = {key: regime.param(f"quota.{key}").reference.to_dict() for key in own}
    assert refs["a"] == {"text": "Arrêté", "text_en": None, "article": "art. 1", "article_en": "s. 1",
                         "url": "https://r.example", "note": "Note", "note_en": "Note (en)"}
    assert refs["b"] == {"text": "Décret", "text_en": "Decree", "article": "art. 9", "article_en": "s. 9",
                         "url": "https://b.example", "note": "Note", "note_en": "Note (en)"}
    assert refs["c"] == {"text": "Décret", "text_en": "Decree", "article": "art. 1", "article_en": "s. 1",
                         "url": "https://r.example", "note": "Note", "note_en": "Other note"}
    assert regime.param("quota.min_target_fte").reference == Reference(    # the named reference alone
        "Décret", "art. 1", "https://r.example", "Note", "Decree", "s. 1", "Note (en)")


def test_a_list_parameter_holds_strings_only(tmp_path):
    """Unit « list » (the legal forms of enterprise.legal_form.*): a list of words, kept in order; a list
    holding a number is refused with the file and the line of its values."""
    good = GOOD.replace('unit = "fte"', 'unit = "list"').replace("value = 1 }}", 'value = ["SA", "SC"] }}')
    r = load_regime_file(_write(tmp_path, good, "x-4"))
    assert r.value("quota.min_target_fte", date(2020, 1, 1)).value == ("SA", "SC")
    bad = GOOD.replace('unit = "fte"', 'unit = "list"').replace("value = 1 }}", 'value = ["SA", 2] }}')
    with pytest.raises(RegimeFileError) as exc:
        load_regime_file(_write(tmp_path, bad, "x-5"))
    assert "x-5.toml" in exc.value.message.fr and "ligne 15" in exc.value.message.fr


def test_duplicate_key_and_bad_date_are_toml_errors_with_line(tmp_path):
    dup = _write(tmp_path, GOOD.replace('unit = "fte"', 'unit = "fte"\nunit = "fte"'), "x-2")
    with pytest.raises(RegimeFileError) as exc:
        load_regime_file(dup)
    assert "x-2.toml" in exc.value.message.fr and "line 13" in exc.value.message.fr
    bad = _write(tmp_path, GOOD.replace("valid_from = 2017-06-30", "valid_from = 2017-13-30"), "x-3")
    with pytest.raises(RegimeFileError) as exc:
        load_regime_file(bad)
    assert "x-3.toml" in exc.value.message.fr and "line 4" in exc.value.message.fr


def test_the_reader_s_bounds_are_parameters_checked_as_a_regime_s(tmp_path):
    """ei_cli/workbook/plausibility.toml holds the staff bounds the reader warns on, each dated and cited: the
    minimum working age 15 (loi du 16 mars 1971 sur le travail, art. 6 et 7, official page) and the highest
    plausible age 80 (the project's bound, inferred). The same strict loader: a parameter without reference
    is refused with the file and its line."""
    from importlib import resources

    from ei_cli.regimes import load_parameter_file

    with resources.as_file(resources.files("ei_cli.workbook") / "plausibility.toml") as path:
        bounds = load_parameter_file(path)
    least, most = (bounds[k].at(date(2024, 1, 1)) for k in ("staff.min_working_age", "staff.max_plausible_age"))
    assert (least.number, least.unit, least.confidence) == (Decimal(15), "years", "official_page")
    assert least.cite() == "Loi du 16 mars 1971 sur le travail, art. 6 et 7" and least.reference.url
    assert (most.number, most.confidence) == (Decimal(80), "inferred")
    bad = tmp_path / "bounds.toml"
    bad.write_text('[staff.x]\nunit = "years"\nconfidence = "inferred"\nvalues = [{ from = 2000-01-01, value = 1 }]\n',
                   encoding="utf-8")
    with pytest.raises(RegimeFileError) as exc:
        load_parameter_file(bad)
    assert "bounds.toml, ligne 1" in exc.value.message.fr and "reference" in exc.value.message.fr


def test_shipped_regimes_are_complete():
    ids = {r.id for r in all_regimes()}
    assert ids == {"wallonie-2016", "wallonie-2003", "bruxelles-2004", "bruxelles-2018"}
    for r in all_regimes():
        assert r.last_checked == date(2026, 11, 22)
        for p in r.parameters.values():
            assert p.reference.text, p.key
            assert p.confidence in CONFIDENCES
            # a parameter marked not_found holds "unknown", never an invented figure
            if p.confidence == "not_found":
                assert all(v.value == "unknown" for v in p.values), p.key


def test_wallonie_2016_cites_the_2003_figures_as_wallonie_2003_does():
    """rules.md §4.2: the 20/30/40 % steps and the 1-FTE minimum are SEED-ONLY (CES ULiège, seed 003), never
    read in the 2003 decree; wallonie-2016 takes them over for want of a 2016 text (§3.2, Q13). It cited
    « Décret du 18 décembre 2003 » (vlex): it cites the source wallonie-2003 cites, marked inferred."""
    w16, w03, on = get_regime("wallonie-2016"), get_regime("wallonie-2003"), date(2025, 1, 1)
    for key in ("quota.required_share.year_1", "quota.required_share.year_2", "quota.required_share.year_3",
                "quota.min_target_fte"):
        v, old = w16.value(key, on), w03.value(key, date(2010, 1, 1))
        assert v.number == old.number and v.confidence == "inferred", key
        assert v.reference.url == old.reference.url == "http://www.ces.uliege.be/entreprise-dinsertion-ei/", key
        assert v.cite().startswith("CES ULiège") and "2003" in v.cite() and "Décret" not in v.cite(), key
        assert "non lu dans le décret" in v.reference.note, key


def test_the_readme_says_the_walloon_quota_sources_as_the_regime_file_cites_them():
    """README said the 50 % was « sourcé (décret du 20.10.2016) » and the 20/30/40 % steps « repris du décret du
    18.12.2003 » (English alike); the regime file, after rules.md §3.2 and §4.2, cites the 50 % to SD Worx ella
    2017, `secondary` (seed 000; the decree's text was not read), and the steps to CES ULiège (seed 003, never
    read in the 2003 decree), `inferred`. Both languages now say so, and neither names a decree as the source
    of those figures."""
    readme = re.sub(r"\s+", " ", (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8"))
    w16, on = get_regime("wallonie-2016"), date(2025, 1, 1)
    assert w16.value("quota.required_share.year_4_and_after", on).confidence == "secondary"
    assert w16.value("quota.required_share.year_4_and_after", on).cite().startswith("SD Worx ella, actualité légale 2017")
    assert w16.value("quota.required_share.year_2", on).cite().startswith("CES ULiège")
    for said in ("sont sourcés (décret du 20.10.2016)", "repris du décret du 18.12.2003",
                 "is sourced (décret of 20.10.2016)", "carried over from the décret of 18.12.2003"):
        assert said not in readme, said
    assert "Seuls les 50 % après 4 ans ont une source, secondaire (SD Worx ella 2017 et document source 000" in readme
    assert "connus par le seul document source du CES ULiège sur le régime de 2003" in readme
    assert "Only the 50 % after four years has a source, a secondary one (SD Worx ella 2017 and source document 000" \
        in readme
    assert "known only from the CES ULiège source document on the 2003 regime" in readme


def test_wallonie_2016_size_rule_is_inferred_and_the_principles_subsidy_date_not_found():
    """rules.md §3.5: « 2016 size rule specifically NOT FOUND (INFERRED unchanged from 2012) » → the four size
    parameters are inferred (they were secondary), their note says so. §0 #7, §3.7: the « principes de
    l'économie sociale » subsidy was added later, date not found: its parameters start with the regime
    (2017-06-30), and their note says that date is not the subsidy's."""
    w16 = get_regime("wallonie-2016")
    for key in ("enterprise.max_staff", "enterprise.max_turnover", "enterprise.max_balance_sheet",
                "enterprise.size_other_routes"):
        p = w16.param(key)
        assert p.confidence == "inferred" and "2016 non trouvée" in p.reference.note, key
    for key in ("subsidy.social_economy_principles.component_amount", "subsidy.social_economy_principles.annual_cap"):
        p = w16.param(key)
        assert p.values[0].start == date(2017, 6, 30) and "date non trouvée" in p.reference.note, key


def test_one_source_prints_one_confidence_and_tgd_24_months_cites_atout_ei():
    """wallonie-2016's `eligibility.tgd.min_months_without_work` (G1, 24 months) cited `seed_000` as `secondary`,
    while `employment.min_fte` cites it `seed_only`: « Atout EI, présentation du décret … (document source 000) »
    printed « (source secondaire) » under ``ei check-eligibility --explain`` and « (documents sources seulement) »
    under ``ei check --explain``. rules.md §3.1 grounds G1 on the Atout EI public-target page (SECONDARY, with
    its URL): G1 cites `atout_public`, its note naming seed 000. A citation prints one confidence of its source
    everywhere: of verified, official page, secondary and seed only, at most one per citation and regime (a
    reading drawn from a source, `inferred`, or a figure it lacks, `not_found`, is said as such beside it)."""
    g1 = get_regime("wallonie-2016").param("eligibility.tgd.min_months_without_work")
    assert g1.confidence == "secondary" and g1.reference.cite() == "Atout EI, « Public cible »"
    assert g1.reference.url == "https://www.atoutei.be/-Public-cible-.html"
    assert "document source 000" in g1.reference.note and "source document 000" in g1.reference.note_en
    sourced = {"verified", "official_page", "secondary", "seed_only"}
    for r in all_regimes():
        seen: dict[str, set[str]] = {}
        for p in r.parameters.values():
            if p.confidence in sourced:
                seen.setdefault(p.reference.cite(), set()).add(p.confidence)
        assert {c: s for c, s in seen.items() if len(s) > 1} == {}, r.id


def test_historical_validity_dates_follow_rules_md():
    """rules.md §1: wallonie-2003 ends 2013-01-30, bruxelles-2004 ends 2019-01-31, 2016 from 2017-06-30."""
    assert get_regime("wallonie-2003").valid_to == date(2013, 1, 30)
    assert get_regime("bruxelles-2004").valid_to == date(2019, 1, 31)
    assert get_regime("wallonie-2016").valid_from == date(2017, 6, 30)
    assert get_regime("bruxelles-2018").valid_from == date(2019, 2, 1)


def test_regime_in_force_by_date():
    assert regime_in_force("wallonie", date(2025, 12, 31)).id == "wallonie-2016"
    assert regime_in_force("wallonie", date(2010, 6, 1)).id == "wallonie-2003"
    assert regime_in_force("bruxelles", date(2018, 12, 31)).id == "bruxelles-2004"
    assert regime_in_force("bruxelles", date(2019, 2, 1)).id == "bruxelles-2018"


def test_the_shipped_regime_in_force_on_a_day_is_found_one_way():
    """shipped_in_force: the region's shipped regime in force that day, None where the regime then in force is
    not shipped (rules.md §1: the 1998 decree before 2004, wallonie-2012 from 2013-01-31 to 2017-06-29) —
    the list regime_in_force, the validity warning and the subsidies' « Non calculée » lines each built.
    regime_in_force then falls back on the nearest (wallonie-2003 for both)."""
    from ei_cli.regimes import shipped_in_force

    on = [date(2003, 7, 1), date(2010, 6, 1), date(2013, 1, 31), date(2017, 6, 29), date(2017, 6, 30)]
    assert [r and r.id for r in (shipped_in_force("wallonie", d) for d in on)] == [
        None, "wallonie-2003", None, None, "wallonie-2016"]
    assert [regime_in_force("wallonie", d).id for d in on] == ["wallonie-2003"] * 4 + ["wallonie-2016"]
    assert shipped_in_force("bruxelles", date(2019, 1, 31)).id == "bruxelles-2004"
    assert shipped_in_force("bruxelles", date(2019, 2, 1)).id == "bruxelles-2018"


def test_a_regime_simulates_only_the_days_it_is_not_in_force_on():
    """One reading, read by obligations_start (a period), agrement_periods and the quota's years (a day):
    wallonie-2016 from 2017-06-30 simulates 2017-06-29 and the year 2016, not 2017-06-30 nor the year 2017
    (partly in force); forced (D4) or not, the same answer."""
    from dataclasses import replace

    from ei_cli.periods import Period

    for regime in (get_regime("wallonie-2016"), replace(get_regime("wallonie-2016"), forced=True)):
        assert regime.simulates(date(2017, 6, 29)) and not regime.simulates(date(2017, 6, 30))
        assert regime.simulates(Period.calendar_year(2016)) and not regime.simulates(Period.calendar_year(2017))


def test_unknown_regime_is_a_user_error():
    with pytest.raises(EiError):
        get_regime("flandre-2020")


def test_key_figures_of_rules_md():
    """Spot-check figures against rules.md: §3.7 caps, §3.6 brackets, §4.7 degressive, §5.7 tranches."""
    on = date(2025, 1, 1)
    w16 = get_regime("wallonie-2016")
    assert w16.number("subsidy.target_worker.cap_td", on) == 18000
    assert w16.number("subsidy.target_worker.cap_tgd", on) == 36000
    assert [b["amount"] for b in w16.value("subsidy.social_accompaniment.brackets", on).value] == [
        25000, 50000, 75000, 100000]
    assert w16.value("subsidy.social_accompaniment.index_factor", on).is_unknown
    w03 = get_regime("wallonie-2003")
    assert [b["amount"] for b in w03.value("subsidy.target_worker.amounts", date(2010, 1, 1)).value] == [
        5000, 3750, 2500, 1250]
    b04 = get_regime("bruxelles-2004")
    assert b04.number("subsidy.supervision.per_tranche", date(2010, 1, 1)) == 15500


def _ei(*args):
    return subprocess.run([sys.executable, "-m", "ei_cli", *args], capture_output=True, text=True)


def test_cli_regimes_json_lists_every_parameter_with_reference_and_dates():
    res = _ei("regimes", "wallonie-2016", "--format", "json")
    assert res.returncode == 0, res.stderr
    doc = json.loads(res.stdout)
    assert doc["command"] == "regimes" and doc["regime"] == "wallonie-2016"
    keys = {p["key"] for p in doc["parameters"]}
    assert keys == set(get_regime("wallonie-2016").parameters)
    for p in doc["parameters"]:
        assert p["reference"]["text"] and p["values"][0]["from"] and p["confidence"]


def test_cli_regimes_lists_the_subsidy_ids_of_the_lines():
    """cli.md: the subsidy ids of lines[].subsidy are listed by ``ei regimes ID`` (the shapes that
    compute them apart, under subsidy_shapes)."""
    doc = json.loads(_ei("regimes", "wallonie-2003", "--format", "json").stdout)
    assert doc["subsidies"] == ["target_worker", "social_accompaniment", "manager"]
    assert doc["subsidy_shapes"] == ["target_worker_degressive", "social_accompaniment_per_fte", "manager"]


def test_the_validity_warning_says_whether_the_period_is_partly_or_wholly_outside():
    """wallonie-2003 ends on 2013-01-30: calendar 2013 lies partly outside it, 2015 wholly; 2015 lies
    wholly before wallonie-2016 (from 2017-06-30, no end) — the old test said « en partie » there."""
    from ei_cli.model import Enterprise, Region
    from ei_cli.periods import Period
    from ei_cli.regimes import select_regime

    e = Enterprise("EI", Region.WALLONIE, date(2010, 1, 1), source="ei.xlsx")
    texts = {}
    for year in (2013, 2015):
        _, warnings = select_regime(e, Period.calendar_year(year), "wallonie-2003")
        (w,) = [w for w in warnings if w.code == "regime_outside_validity"]
        texts[year] = w.message.get("fr")
        assert w.file == "ei.xlsx"  # every problem names its file (cli.md), these too
    assert "en sort en partie" in texts[2013]
    assert "en sort." in texts[2015] and "en partie" not in texts[2015]
    # wallonie-2016 (no end) for 2015, wholly before it: « en sort », not « en partie »
    _, warnings = select_regime(e, Period.calendar_year(2015), "wallonie-2016")
    (w,) = [w for w in warnings if w.code == "regime_outside_validity"]
    assert "en sort." in w.message.fr and "en partie" not in w.message.fr


def test_the_validity_warning_says_when_the_regime_then_in_force_is_not_shipped():
    """interpretations.md: a Walloon period before 2017-06-30 falls back to wallonie-2003, wallonie-2012
    (31.01.2013–29.06.2017, rules.md §1) not being shipped — and the warning says so, in both languages.
    A day covered by another shipped regime is named instead (Brussels, January 2019: bruxelles-2004)."""
    from ei_cli.model import Enterprise, Region
    from ei_cli.periods import Period
    from ei_cli.regimes import select_regime

    e = Enterprise("EI", Region.WALLONIE, date(2010, 1, 1), source="ei.xlsx")
    regime, warnings = select_regime(e, Period.calendar_year(2015))
    assert regime.id == "wallonie-2003"
    (w,) = [w for w in warnings if w.code == "regime_outside_validity"]
    assert ("Le régime en vigueur le 2015-01-01 et le 2015-12-31 n'est pas livré par ei : wallonie-2003, "
            "le régime connu le plus proche, est appliqué à sa place aux contrôles.") in w.message.fr
    assert ("is not shipped with ei: wallonie-2003, the nearest regime it knows, is applied instead to the "
            "checks.") in w.message.en
    # forced: not shipped, without « à sa place »; an open-ended regime reads « à aujourd'hui »
    _, warnings = select_regime(e, Period.calendar_year(2015), "wallonie-2016")
    (w,) = [w for w in warnings if w.code == "regime_outside_validity"]
    assert "du 2017-06-30 à aujourd'hui" in w.message.fr
    assert w.message.fr.endswith("Le régime en vigueur le 2015-01-01 et le 2015-12-31 n'est pas livré par ei.")
    b = Enterprise("EI", Region.BRUXELLES, date(2010, 1, 1), source="ei.xlsx")
    regime, warnings = select_regime(b, Period.calendar_year(2019))
    (w,) = [w for w in warnings if w.code == "regime_outside_validity"]
    assert regime.id == "bruxelles-2018"
    assert "Le 2019-01-01, le régime en vigueur est bruxelles-2004 (--regime bruxelles-2004)." in w.message.fr
    assert "n'est pas livré" not in w.message.fr


def test_the_validity_warning_names_the_regime_then_in_force_once():
    """`--regime bruxelles-2004` for 2025: both ends of the year lie under bruxelles-2018, and the warning said
    « Le 2025-01-01, le régime en vigueur est bruxelles-2018 (…). Le 2025-12-31, le régime en vigueur est
    bruxelles-2018 (…). » — the same sentence twice. It is said once, with the two days."""
    from ei_cli.model import Enterprise, Region
    from ei_cli.periods import Period
    from ei_cli.regimes import select_regime

    b = Enterprise("EI", Region.BRUXELLES, date(2010, 1, 1), source="ei.xlsx")
    _, warnings = select_regime(b, Period.calendar_year(2025), "bruxelles-2004")
    (w,) = [w for w in warnings if w.code == "regime_outside_validity"]
    assert w.message.fr.endswith(" Le 2025-01-01 et le 2025-12-31, le régime en vigueur est bruxelles-2018 "
                                 "(--regime bruxelles-2018).")
    assert w.message.en.endswith(" On 2025-01-01 and on 2025-12-31, the regime in force is bruxelles-2018 "
                                 "(--regime bruxelles-2018).")
    assert w.message.fr.count("bruxelles-2018") == 2 and w.message.en.count("bruxelles-2018") == 2


def test_a_regimes_validity_is_said_one_way_in_every_message():
    """Regime.validity_text: the validity as the warning, the quota's reasons and the subsidies' « Non calculée »
    lines say it — each wrote it again (quota._validity_text, subsidy.py, select_regime's « until »)."""
    from ei_cli.model import Enterprise, Region
    from ei_cli.periods import Period
    from ei_cli.regimes import select_regime

    w03, w16 = get_regime("wallonie-2003"), get_regime("wallonie-2016")
    assert (w03.validity_text("fr"), w03.validity_text("en")) == ("du 2004-01-01 au 2013-01-30",
                                                                  "from 2004-01-01 to 2013-01-30")
    assert (w16.validity_text(), w16.validity_text("en")) == ("du 2017-06-30 à aujourd'hui", "from 2017-06-30 to today")
    e = Enterprise("EI", Region.WALLONIE, date(2010, 1, 1), source="ei.xlsx")
    _, warnings = select_regime(e, Period.calendar_year(2015), "wallonie-2003")
    (w,) = [w for w in warnings if w.code == "regime_outside_validity"]
    assert w.message.fr.startswith("Le régime wallonie-2003 s'applique du 2004-01-01 au 2013-01-30 ; ")
    assert w.message.en.startswith("Regime wallonie-2003 applies from 2004-01-01 to 2013-01-30; ")


def test_cli_unknown_regime_exit_2_without_traceback():
    res = _ei("regimes", "nope")
    assert res.returncode == 2
    assert "Traceback" not in res.stderr and "nope" in res.stderr


@pytest.mark.parametrize("command", [["check-quota"], ["check"], ["check-wages"], ["subsidy"], ["report", "annual"]])
def test_an_empty_regime_option_is_refused_as_an_unknown_regime(capsys, tmp_path, command):
    """`--regime ""` was silently ignored (the workbook's or the region's regime judged, exit 0) while
    `ei regimes ""` refuses it: unknown regime, with the list of the known ones, exit 2, nothing written."""
    sample = Path(__file__).parent.parent / "sample_data" / "ei-wallonie.xlsx"
    out = tmp_path / "r.docx" if command[0] == "report" else tmp_path / "r.json"
    code, _, err = run_cli(capsys, *command, sample, "--year", "2025", "--regime", "", "-o", out)
    assert code == 2 and "Régime inconnu «  ». Régimes connus : bruxelles-2004, " in err and not out.exists()


def test_help_imports_neither_pandas_nor_openpyxl():
    code = ("import sys\nfrom ei_cli.cli import main\ntry:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
            "heavy = [m for m in ('pandas', 'openpyxl', 'jinja2', 'python_calamine', 'docxtpl') if m in sys.modules]\n"
            "print('HEAVY=' + ','.join(heavy))")
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert res.returncode == 0, res.stderr
    assert "HEAVY=\n" in res.stdout + "\n" and res.stdout.strip().endswith("HEAVY="), res.stdout[-200:]


def test_a_period_before_the_agrement_is_flagged():
    """Agrément on 2024-03-01: calendar 2023 ends (2023-12-31) before it → warning period_before_agrement;
    calendar 2024 ends after it (the agrément starts within the year) → no such warning."""
    from ei_cli.model import Enterprise, Region
    from ei_cli.periods import Period
    from ei_cli.regimes import select_regime

    e = Enterprise("EI", Region.WALLONIE, date(2024, 3, 1))
    _, warnings = select_regime(e, Period.calendar_year(2023))
    assert "period_before_agrement" in [w.code for w in warnings]
    _, warnings = select_regime(e, Period.calendar_year(2024))
    assert "period_before_agrement" not in [w.code for w in warnings]


def test_a_dated_value_applies_from_its_first_day(tmp_path):
    """A parameter whose value changes on 2020-01-01 (1 → 2): 1 up to 2019-12-31, 2 from 2020-01-01 itself;
    before the first date, the first value (forced regimes, D4)."""
    text = GOOD.replace("values = [{{ from = 2017-06-30, value = 1 }}]",
                        "values = [{{ from = 2017-06-30, value = 1 }}, {{ from = 2020-01-01, value = 2 }}]")
    r = load_regime_file(_write(tmp_path, text))
    assert r.number("quota.min_target_fte", date(2019, 12, 31)) == 1
    assert r.number("quota.min_target_fte", date(2020, 1, 1)) == 2
    assert r.number("quota.min_target_fte", date(2030, 1, 1)) == 2
    assert r.number("quota.min_target_fte", date(2010, 1, 1)) == 1
    assert r.value("quota.min_target_fte", date(2020, 1, 1)).start == date(2020, 1, 1)


def test_a_period_ending_on_a_regimes_last_day_is_inside_it():
    """bruxelles-2004 applies to 2019-01-31 included (rules.md §1): January 2019 (ei batch --month 2019-01)
    lies wholly inside it → bruxelles-2004, no regime_outside_validity warning; February 2019 is
    bruxelles-2018's first month."""
    from ei_cli.model import Enterprise, Region
    from ei_cli.periods import Period
    from ei_cli.regimes import select_regime

    b = get_regime("bruxelles-2004")
    assert b.valid_on(date(2019, 1, 31)) and not b.valid_on(date(2019, 2, 1))
    e = Enterprise("EI", Region.BRUXELLES, date(2010, 1, 1), source="ei.xlsx")
    regime, warnings = select_regime(e, Period(date(2019, 1, 1), date(2019, 1, 31)))
    assert regime.id == "bruxelles-2004" and "regime_outside_validity" not in [w.code for w in warnings]
    regime, warnings = select_regime(e, Period(date(2019, 2, 1), date(2019, 2, 28)))
    assert regime.id == "bruxelles-2018" and "regime_outside_validity" not in [w.code for w in warnings]


def test_a_period_ending_on_the_agrement_day_is_not_before_it():
    """Agrément on 2024-03-31: March 2024 ends on the agrément day, which the agrément covers → no
    period_before_agrement warning; February 2024 (ends 2024-02-29) does get it."""
    from ei_cli.model import Enterprise, Region
    from ei_cli.periods import Period
    from ei_cli.regimes import select_regime

    e = Enterprise("EI", Region.WALLONIE, date(2024, 3, 31))
    _, warnings = select_regime(e, Period(date(2024, 3, 1), date(2024, 3, 31)))
    assert "period_before_agrement" not in [w.code for w in warnings]
    _, warnings = select_regime(e, Period(date(2024, 2, 1), date(2024, 2, 29)))
    assert "period_before_agrement" in [w.code for w in warnings]


def test_every_parameter_has_an_english_description_that_english_sentences_quote(tmp_path, capsys, monkeypatch):
    """A sentence quoting a parameter's description (bruxelles-2018's target-public reading, an outline subsidy
    « not established », wallonie-2003's DEDP definition) put the file's French ``description`` into the English
    text: « Target public counted this way — Lecture provisoire : les cinq groupes… ». Every parameter of every
    shipped regime now has a ``description_en``; ``description_text`` is the one accessor (fr, en), and the key
    stands in for a missing English one, never the French text. ``ei regimes ID --lang en --explain`` shows it;
    JSON adds ``description_en``."""
    for r in all_regimes():
        for p in r.parameters.values():
            assert p.description and p.description_en, (r.id, p.key)
            assert p.description_text == Text(p.description, p.description_en) == p.at(p.values[0].start).description_text
    bare = load_regime_file(_write(tmp_path, GOOD)).param("quota.min_target_fte")
    assert bare.description_text == Text("quota.min_target_fte", "quota.min_target_fte")
    doc = json.loads(_ei("regimes", "bruxelles-2018", "--format", "json").stdout)
    definition = [p for p in doc["parameters"] if p["key"] == "eligibility.definition"][0]
    assert definition["description_en"].startswith("Provisional reading: the five groups")
    monkeypatch.setenv("COLUMNS", "2000")  # one table row a line
    assert "Provisional reading: the five groups" in run_cli(capsys, "regimes", "bruxelles-2018", "--lang", "en", "--explain")[1]


@pytest.mark.parametrize("args", [
    ("check-quota", "--explain"), ("check", "--only", "eligibility", "--explain"), ("subsidy", "--year", "2025"),
    ("check", "--explain"), ("check-eligibility", "--explain")])
def test_english_outputs_quote_no_french_parameter_description(capsys, monkeypatch, args):
    """The Brussels sample under bruxelles-2018 (outline, D7), in English: none of the regime's French parameter
    descriptions appears (« Lecture provisoire : les cinq groupes… », « Compensation du mandat ESI (formule non
    trouvée) »); their English ones do where the sentences quote them."""
    sample = Path(__file__).resolve().parent.parent / "sample_data" / "ei-bruxelles.xlsx"
    monkeypatch.setenv("COLUMNS", "2000")  # a sentence on one line
    code, out, err = run_cli(capsys, args[0], sample, *args[1:], "--lang", "en")
    text = out + err
    assert code in (0, 1), err
    for p in get_regime("bruxelles-2018").parameters.values():
        assert p.description not in text, p.key
    if args[0] == "subsidy":
        assert "Not computed for want of a known formula for regime bruxelles-2018 (text not found)." in text
    elif args[1] != "--explain" or args[0] == "check-quota":
        assert "Provisional reading: the five groups of the 2004 ordonnance" in text


def test_cli_regimes_table_says_values_in_the_language_and_csv_keeps_them_machine_readable(capsys, monkeypatch):
    """``ei regimes ID`` printed Python values: « True », « 0.5 » with a point and the English « unknown » in the
    French table; its CSV wrote Python reprs (« [{'agrement_year': 1, 'amount': 20000}, …] »). The table now says
    oui/non, 0,5 and « inconnu » in French (yes/no, 0.5, unknown in English); the CSV, for scripts, keeps the
    JSON document's values: numbers with a point, true/false, unknown, a list or brackets as JSON text."""
    import csv
    import io

    monkeypatch.setenv("COLUMNS", "2000")  # one table row a line
    rows = {line.split("│")[1].strip(): [c.strip() for c in line.split("│")[2:]]
            for line in run_cli(capsys, "regimes", "wallonie-2016")[1].splitlines() if line.startswith("│")}
    assert rows["employment.min_fte"][0] == "0,50"
    assert rows["enterprise.legal_form.social_purpose_required"][0] == "oui"
    assert rows["enterprise.legal_form.unlisted_admitted"][0] == "non"
    assert rows["subsidy.social_accompaniment.index_factor"][0] == "inconnu"
    assert rows["subsidy.social_accompaniment.brackets"][0].startswith(
        "dès 8 travailleurs du public cible : 25 000 €, accompagnateur d'au moins 0,50 ETP, au plus 0,50 ETP ; dès 26 ")
    rows_en = {line.split("│")[1].strip(): [c.strip() for c in line.split("│")[2:]]
               for line in run_cli(capsys, "regimes", "wallonie-2016", "--lang", "en")[1].splitlines()
               if line.startswith("│")}
    assert [rows_en[k][0] for k in ("employment.min_fte", "enterprise.legal_form.social_purpose_required",
                                    "enterprise.legal_form.unlisted_admitted",
                                    "subsidy.social_accompaniment.index_factor")] == ["0.50", "yes", "no", "unknown"]
    table = run_cli(capsys, "regimes", "wallonie-2003")[1]
    assert "True" not in table and "False" not in table and "agrement_year" not in table
    assert "année d'agrément 1 : 20 000 € ; année d'agrément 2 : 13 500 €" in table
    for lang in ("fr", "en"):
        data = list(csv.DictReader(io.StringIO(run_cli(capsys, "regimes", "wallonie-2003", "-f", "csv",
                                                       "--lang", lang)[1])))
        by_key = {r["key"]: r["value"] for r in data}
        assert json.loads(by_key["subsidy.manager.amounts"]) == [
            {"agrement_year": 1, "amount": 20000}, {"agrement_year": 2, "amount": 13500},
            {"agrement_year": 3, "amount": 7000}]
        assert json.loads(by_key["enterprise.legal_form.allowed"])[:2] == ["SA", "SPRL"]
        assert by_key["enterprise.legal_form.social_purpose_required"] == "true"
        assert by_key["subsidy.social_accompaniment.brackets"] == "unknown"
        assert by_key["quota.required_share.year_1"] == "0.2"


def test_cli_regimes_table_gives_every_dated_value_with_its_validity(capsys, monkeypatch):
    """``ei regimes wallonie-2016`` showed only a parameter's last dated value (``p.values[-1]``):
    `enterprise.legal_form.allowed` read « SC, depuis 2024-01-01 », and the forms a 2019 verdict used (SA, SCRL,
    GIE, SC, 2017-06-30 → 2023-12-31) could be found nowhere in the table. It now has one row per dated value,
    with the days it applies: « 2017-06-30 / → / 2023-12-31 », then « 2024-01-01 » (open). The CSV and the JSON
    already listed both values with their `from` and `to`: unchanged."""
    import csv
    import io

    monkeypatch.setenv("COLUMNS", "2000")  # a cell's line on one line
    for lang, validity in (("fr", "Validité"), ("en", "Validity")):
        lines = run_cli(capsys, "regimes", "wallonie-2016", "--lang", lang)[1].splitlines()
        assert any(validity in line for line in lines if line.startswith("┃"))
        at = [i for i, line in enumerate(lines) if line.startswith("│ enterprise.legal_form.allowed ")]
        assert len(at) == 2
        cells = [[c.strip() for c in lines[i].split("│")[2:5]] for i in at]
        assert cells == [["SA, SCRL, GIE, SC", "liste" if lang == "fr" else "list", "2017-06-30"],
                         ["SC", "liste" if lang == "fr" else "list", "2024-01-01"]]
        assert [lines[at[0] + k].split("│")[4].strip() for k in (1, 2)] == ["→", "2023-12-31"]
        assert "→" not in lines[at[1] + 1]  # the last value is open-ended
    data = list(csv.DictReader(io.StringIO(run_cli(capsys, "regimes", "wallonie-2016", "-f", "csv")[1])))
    assert [(json.loads(r["value"]), r["from"], r["to"]) for r in data if r["key"] == "enterprise.legal_form.allowed"] \
        == [(["SA", "SCRL", "GIE", "SC"], "2017-06-30", "2023-12-31"), (["SC"], "2024-01-01", "")]
    doc = json.loads(_ei("regimes", "wallonie-2016", "--format", "json").stdout)
    allowed = next(p for p in doc["parameters"] if p["key"] == "enterprise.legal_form.allowed")
    assert [(v["from"], v["to"], v["value"]) for v in allowed["values"]] == [
        ("2017-06-30", "2023-12-31", ["SA", "SCRL", "GIE", "SC"]), ("2024-01-01", None, ["SC"])]


def test_a_references_confidence_is_one_bracket_level(capsys, monkeypatch):
    """A reference prints its confidence in brackets after it (« Texte, article (confiance) »): the label
    « déduit (interprétation) » made every inferred reference end in « (déduit (interprétation)) » (« (inferred
    (interpretation)) »). No confidence label holds a bracket; `--explain` shows « (déduit par interprétation) »."""
    for label in CONFIDENCES.values():
        assert not set("()") & set(label.fr + label.en), label
    sample = Path(__file__).resolve().parent.parent / "sample_data" / "ei-wallonie.xlsx"
    monkeypatch.setenv("COLUMNS", "2000")  # a reference on one line
    for lang, label in (("fr", "(déduit par interprétation)"), ("en", "(inferred by interpretation)")):
        out = run_cli(capsys, "check-quota", sample, "--explain", "--lang", lang)[1]
        assert label in out and "((" not in out and "))" not in out


def test_cli_regimes_table_says_units_in_words_and_figures_as_the_other_commands_do(capsys, monkeypatch):
    """``ei regimes ID`` printed the unit ids of the file (years, share, eur, brackets…) in its « Unité » column and
    the figures as code: « 50000000 » where ``ei check --explain`` writes « 50 000 000 € », « 0,5 » for a share
    other outputs write « 50 % », « min_target_workers=8, amount=25000 » for a bracket. The unit is now said in
    the language (ans, part, €, paliers, ETP / years, share, €, brackets, FTE) and each figure with the helpers of
    the other commands' output: wallonie-2016's turnover ceiling 50 000 000 beside « € » (50,000,000), the year-4 share
    0,50 → 50,0 % (50.0 %), the minimum of 1 FTE « 1,00 » ETP, the first SIEG bracket (8 TD/TGD, 25 000 €, an
    accompanier of 0,5 to 0,5 ETP). The JSON document keeps the file's unit ids and plain values (cli.md)."""
    monkeypatch.setenv("COLUMNS", "2000")  # one table row a line

    def rows(*args):
        return {line.split("│")[1].strip(): [c.strip() for c in line.split("│")[2:]]
                for line in run_cli(capsys, "regimes", "wallonie-2016", *args)[1].splitlines() if line.startswith("│")}

    fr, en = rows(), rows("--lang", "en")
    assert fr["enterprise.max_turnover"][:2] == ["50 000 000", "€"]
    assert en["enterprise.max_turnover"][:2] == ["50,000,000", "€"]
    assert fr["quota.required_share.year_4_and_after"][:2] == ["50,0 %", "part"]
    assert en["quota.required_share.year_4_and_after"][:2] == ["50.0 %", "share"]
    assert fr["quota.min_target_fte"][:2] == ["1,00", "ETP"] and en["quota.min_target_fte"][:2] == ["1.00", "FTE"]
    assert fr["eligibility.td.older_than_age"][:2] == ["50", "ans"] and en["eligibility.td.older_than_age"][1] == "years"
    assert fr["employment.cdi_within_months"][1] == "mois" and fr["wages.equal_scale_seniority"][1] == "oui/non"
    assert fr["subsidy.social_accompaniment.brackets"][1] == "paliers"
    assert en["subsidy.social_accompaniment.brackets"][0].startswith(
        "from 8 target-public workers: €25,000, accompanier of at least 0.50 FTE, at most 0.50 FTE; from 26 ")
    for cells in fr.values():
        assert "=" not in cells[0] and cells[1] not in ("eur", "share", "fte", "bool", "brackets", "years", "months",
                                                        "list", "text", "ratio", "factor", "persons", "days", "count")
    doc = json.loads(_ei("regimes", "wallonie-2016", "--format", "json").stdout)
    turnover = next(p for p in doc["parameters"] if p["key"] == "enterprise.max_turnover")
    assert (turnover["unit"], turnover["values"][0]["value"]) == ("eur", 50000000)


# Reference texts cited as published (a title, a page's name with its publisher), the same in both languages: every
# other text, and every note, article or text value in the project's words, has its English (docs/interpretations.md,
# « Languages »). A new reference is either added here, being a title, or given its ``text_en``.
PUBLISHED = {
    "Ordonnance du 18 mars 2004 relative à l'agrément et au financement des initiatives locales de développement de "
    "l'emploi et des entreprises d'insertion (M.B. 30.03.2004)",
    "AGRBC du 22 décembre 2004 portant exécution de l'ordonnance du 18 mars 2004",
    "Alter Échos, « Économie sociale : un peu d'ordre dans l'ordonnance »",
    "Ordonnance du 23 juillet 2018 relative à l'agrément et au soutien des entreprises sociales (M.B. 18.09.2018)",
    "AGRBC du 16 mai 2019 relatif au mandat et à la compensation des entreprises sociales d'insertion",
    "economie-emploi.brussels, « Entreprise sociale : financement »",
    "economiesociale.be, « Un peu de répit pour les entreprises sociales avec mandat d'insertion bruxelloises »",
    "Décret du 18 décembre 2003 relatif aux conditions auxquelles les entreprises d'insertion sont agréées et "
    "subventionnées",
    "AGW du 27 mai 2004 portant exécution du décret du 18 décembre 2003 (M.B. 24.08.2004)",
    "Décret du 20 octobre 2016 relatif à l'agrément des initiatives d'économie sociale et à l'agrément et au "
    "subventionnement des entreprises d'insertion (M.B. 07.11.2016)",
    "AGW du 24 mai 2017 portant exécution du décret du 20 octobre 2016 (M.B. 23.06.2017)",
    "SPW Économie, page « Entreprise d'insertion » (décret du 20.10.2016)",
    "SPW Économie, « Agrément entreprise sociale » (Code des sociétés et des associations)",
    "Atout EI, « Public cible »", "Atout EI, « Agrément Région wallonne »",
    "Atout EI, « Subvention liée aux principes de l'économie sociale »",
    "Règlement (UE) n° 651/2014 (RGEC), article 32", "Règlement (UE) n° 651/2014 (RGEC)",
    "WISE observatory, « Work integration policy and WISEs in the Walloon Region » (décret du 19.12.2012)",
}
QUOTATION = re.compile(r"« [^»]* »( \(rules\.md [^()]*\))?")  # a note that only quotes its source


def test_every_project_text_of_a_regime_has_its_english():
    """``ei regimes ID --lang en`` printed the French ``summary`` (« Régime wallon en vigueur : public cible TD/TGD,
    objectif de 50 % après 4 ans, … ») and ``--explain --lang en`` the project's own reference texts and notes
    (« Choix du projet ei (docs/interpretations.md), faute de texte publié », « … règle de 2003 reprise faute de
    texte 2016 publié », « source provisoire (public cible de 2018 non trouvé) »). Each shipped regime now gives
    ``summary_en``; every reference text that is not a published title, every article in the project's words
    (« numéro déduit », « et »), every note but a bare quotation, and every French text value has its ``*_en``."""
    for r in all_regimes():
        assert r.summary and r.summary_en, r.id
        for p in r.parameters.values():
            ref = p.reference
            assert ref.text in PUBLISHED or ref.text_en, (r.id, p.key, ref.text)
            assert not ref.article or ref.article_en or (ref.article.startswith("art. ") and " et " not in ref.article), (
                r.id, p.key, ref.article)
            assert not ref.note or ref.note_en or QUOTATION.fullmatch(ref.note), (r.id, p.key, ref.note)
            for v in p.values:
                if p.unit == "text" and " " in v.value and "&" not in v.value:  # a sentence, not a formula
                    assert v.value_en, (r.id, p.key, v.value)
    fr_en = {}
    for r in all_regimes():  # one English per French citation: what ``cited_in`` reads
        for p in r.parameters.values():
            assert fr_en.setdefault(p.reference.cite(), p.reference.cite("en")) == p.reference.cite("en")


@pytest.mark.parametrize("regime_id", ["wallonie-2016", "wallonie-2003", "bruxelles-2004", "bruxelles-2018"])
def test_ei_regimes_in_english_prints_no_french_project_text(capsys, monkeypatch, regime_id):
    """``ei regimes ID --lang en --explain``: the English summary, references, notes and text values; none of the
    French ones that have an English (a title stays as published). French keeps them as they were."""
    monkeypatch.setenv("COLUMNS", "4000")  # a cell on one line
    regime = get_regime(regime_id)
    out = run_cli(capsys, "regimes", regime_id, "--lang", "en", "--explain")[1]
    fr = run_cli(capsys, "regimes", regime_id, "--explain")[1]
    assert regime.summary_en in out and regime.summary not in out and regime.summary in fr
    for p in regime.parameters.values():
        ref = p.reference
        for french, english in ((ref.text, ref.text_en), (ref.note, ref.note_en),
                                (p.values[-1].value, p.values[-1].value_en)):
            if english and english != french:
                assert english in out and f"│ {french}" not in out and f" {french} │" not in out, (p.key, french)
        if ref.text_en or ref.article_en:
            assert ref.cite("en") in out and ref.cite() in fr, p.key


@pytest.mark.parametrize("sample, args", [
    ("ei-wallonie.xlsx", ("check-quota", "--explain")), ("ei-wallonie.xlsx", ("check", "--explain")),
    ("ei-wallonie.xlsx", ("subsidy", "--explain")), ("ei-bruxelles.xlsx", ("check", "--explain")),
    ("ei-bruxelles.xlsx", ("subsidy", "--explain"))])
def test_english_explanations_cite_the_projects_references_in_english(capsys, monkeypatch, sample, args):
    """``--explain --lang en`` printed « Choix du projet ei (docs/interpretations.md), faute de texte publié »,
    « CES ULiège … règle de 2003 reprise faute de texte 2016 publié » and bruxelles-2018's « art. 2, 1°, source
    provisoire (public cible de 2018 non trouvé) » under the English reasons. They are now cited in English
    (``regimes.cited_in``): « Choice of the ei project (docs/interpretations.md), no text being published »; the
    JSON keeps the French citation as its ``reference``."""
    path = Path(__file__).resolve().parent.parent / "sample_data" / sample
    monkeypatch.setenv("COLUMNS", "4000")  # a reference on one line
    out = run_cli(capsys, args[0], path, *args[1:], "--lang", "en")[1]
    for french in ("Choix du projet", "faute de texte", "source provisoire", "document source", "phrase légale",
                   "actualité légale", "montants de base"):
        assert french not in out, french
    if sample == "ei-wallonie.xlsx" and args[0] != "subsidy":
        assert "Choice of the ei project (docs/interpretations.md), no text being published" in out
    if sample == "ei-bruxelles.xlsx" and args[0] == "check":
        assert "art. 2, 1°, provisional source (2018 target public not found)" in out
    if args[0] == "check-quota":  # the JSON keeps the citation as the regime file writes it
        doc = json.loads(run_cli(capsys, args[0], path, *args[1:], "--lang", "en", "--format", "json")[1])
        assert "Choix du projet ei (docs/interpretations.md), faute de texte publié" in json.dumps(doc, ensure_ascii=False)


def test_a_value_cites_its_reference_in_the_language_asked():
    """``Value.cite`` passed no language on, so an English message citing a regime value (the reader's age
    warnings cite plausibility.toml's) got the French citation as soon as its reference had an English text.
    Wallonie 2016's « eligibility.excluding_diploma » cites SPW Économie's page, whose title the file gives
    in both languages: « … » : public cible in French, « … »: target public in English."""
    value = get_regime("wallonie-2016").value("eligibility.excluding_diploma", date(2025, 1, 1))
    assert value.cite() == value.cite("fr") == "SPW Économie, « Entreprise d'insertion » : public cible"
    assert value.cite("en") == "SPW Économie, « Entreprise d'insertion »: target public"
