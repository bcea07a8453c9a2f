"""The broken and hostile input corpus (tests/corpus/make_corpus.py) through the real command line.

For every case: `ei validate --format json` gives the expected exit code (2, or 0 when only a
warning is due), one valid JSON document on stdout whose problems name the file, the sheet and the
cell or column, a French message that quotes no personal value and no control character, and no
traceback; a checking command asked to write a file writes nothing and leaves no temporary file.
Bombs and other hostile files are read in a separate process, timed and memory-measured.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "corpus"))

import make_corpus  # noqa: E402
from make_corpus import BAD_NISS, CASES, LONG, STRAY_NISS  # noqa: E402

from helpers_cli import command_exists, run_cli  # noqa: E402

SMALL = [c for c in CASES if not c.bomb]
BOMBS = [c for c in CASES if c.bomb]
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f\u202a-\u202e\u2066-\u2069]")


@pytest.fixture(scope="session")
def corpus(tmp_path_factory) -> dict[str, Path]:
    directory = tmp_path_factory.mktemp("corpus")
    return {c.filename: path for c, path in make_corpus.build(directory)}


def test_corpus_is_big_enough():
    assert len(CASES) >= 40
    assert len({c.code for c in CASES if c.code}) >= 30
    assert sum(1 for c in CASES if c.exit == 2) >= 40


@pytest.mark.parametrize("case", SMALL, ids=[c.filename for c in SMALL])
def test_validate_names_the_place(case, corpus, capsys):
    path = corpus[case.filename]
    code, out, err = run_cli(capsys, "validate", str(path), "--format", "json")
    assert "Traceback" not in out + err and "Erreur interne" not in err, err
    assert code == case.exit, (out, err)
    doc = json.loads(out)
    assert doc["command"] == "validate"
    problems = doc["problems"]
    errors = [p for p in problems if p["severity"] == "error"]
    assert bool(errors) == (case.exit == 2)
    for p in problems:
        assert p["file"] == str(path)
        assert p["message"] and len(p["message"]) < 700, p["message"][:200]
        assert not CONTROL.search(p["message"]), p["message"]
        assert set(p) >= {"code", "severity", "file", "sheet", "cell", "message"}
    if case.code:
        found = [p for p in problems if p["code"] == case.code
                 and p["sheet"] == case.sheet and (case.cell is None or p["cell"] == case.cell)
                 and (case.column is None or p["column"] == case.column)]
        # cli.md: ``cell`` is a cell or null — a missing column or field is named in ``column``
        assert all(p["cell"] is None or re.fullmatch(r"[A-Z]{1,3}[0-9]+", p["cell"]) for p in problems), problems
        assert found, [(p["code"], p["sheet"], p["cell"]) for p in problems]
        # The table form names the same problem on stderr, in French.
        code2, _out2, err2 = run_cli(capsys, "validate", str(path))
        assert code2 == case.exit
        flat = re.sub(r"\s+", "", err2)
        assert f"({case.code})" in flat
        assert re.sub(r"\s+", "", found[0]["message"])[:40] in flat
        assert "Traceback" not in err2
    else:
        assert not problems, problems


@pytest.mark.parametrize("case", [c for c in SMALL if c.exit == 2], ids=lambda c: c.filename)
def test_bad_input_writes_no_file(case, corpus, capsys, tmp_path):
    out_file = tmp_path / "resultat.json"
    commands = ["check-eligibility"] + [c for c in ("check", "check-quota") if command_exists(c)]
    for command in commands:
        code, out, err = run_cli(capsys, command, str(corpus[case.filename]), "-o", str(out_file))
        assert code == 2, (command, out, err)
        assert "Traceback" not in out + err and "Erreur interne" not in err
        assert list(tmp_path.iterdir()) == [], command


def test_messages_quote_no_personal_value(corpus, capsys):
    """NISS, birth date and social-situation values are never quoted (workbook.md, Problems), nor a
    national number typed in another column (v31, v32) or used as the worker id (v33)."""
    checks = {
        "v16-niss-invalide.xlsx": [BAD_NISS, BAD_NISS[:6], f"{BAD_NISS[:6]}-{BAD_NISS[6:9]}"],
        "v10-naissance-apres-entree.xlsx": ["2023-01-01", "01/01/2023", "1/1/2023"],
        "v22-booleen-sensible.xlsx": ["peut-être", "peut-etre"],
        "v31-niss-dans-etp.xlsx": [STRAY_NISS, STRAY_NISS[:6], STRAY_NISS[-5:]],
        "v32-niss-dans-salaire.xlsx": [STRAY_NISS, STRAY_NISS[:6], STRAY_NISS[-5:], "85 100"],
        "v33-id-niss.xlsx": [STRAY_NISS, STRAY_NISS[:6], STRAY_NISS[-5:]],
    }
    for filename, secrets in checks.items():
        for lang in ("fr", "en"):
            _code, out, err = run_cli(capsys, "validate", str(corpus[filename]), "--format", "json",
                                      "--lang", lang)
            for secret in secrets:
                assert secret not in out and secret not in err, (filename, secret)


def test_long_values_are_cut_in_messages(corpus, capsys):
    _code, out, _err = run_cli(capsys, "validate", str(corpus["h05-texte-tres-long.xlsx"]), "--format", "json")
    message = json.loads(out)["problems"][0]["message"]
    assert LONG[:60] in message and LONG[:61] not in message and "…" in message


def test_formula_text_is_kept_as_text(corpus):
    from ei_cli.workbook import read_workbook

    result = read_workbook(corpus["h08-formule-texte.xlsx"])
    assert result.valid and result.enterprise.name.startswith("=HYPERLINK(")


def test_english_messages(corpus, capsys):
    _c, out_fr, _ = run_cli(capsys, "validate", str(corpus["v01-date-invalide.xlsx"]), "--format", "json")
    _c, out_en, _ = run_cli(capsys, "validate", str(corpus["v01-date-invalide.xlsx"]), "--format", "json",
                            "--lang", "en")
    fr, en = json.loads(out_fr)["problems"][0]["message"], json.loads(out_en)["problems"][0]["message"]
    assert "attendu" in fr and "expected" in en


def test_every_corpus_file_through_the_console_script(corpus):
    """A real process (not this one): no traceback, exit 2 or 0, JSON on stdout, for a sample of cases."""
    picks = ["f01-vide.xlsx", "f05-mot-de-passe.xlsx", "s09-feuille-immense.xlsx", "h09-entites-shared-strings.xlsx",
             "v16-niss-invalide.xlsx", "c03-colonne-inconnue.xlsx"]
    r = subprocess.run([sys.executable, "-m", "ei_cli", "validate", *(str(corpus[p]) for p in picks),
                        "--format", "json"], capture_output=True, text=True, timeout=60)
    assert r.returncode == 2 and "Traceback" not in r.stderr
    files = json.loads(r.stdout)["files"]
    assert [f["file"] for f in files] == [str(corpus[p]) for p in picks]


# ----------------------------------------------------------------------------------- bombs
MEASURE = r"""
import json, resource, sys, time
from ei_cli.workbook import read_workbook
from pathlib import Path
out = {}
for name in sys.argv[2:]:
    start = time.perf_counter()
    result = read_workbook(Path(name))
    out[name] = {"seconds": time.perf_counter() - start, "codes": [p.code for p in result.problems],
                 "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}
Path(sys.argv[1]).write_text(json.dumps(out))
"""

HOSTILE = ["h09-entites-shared-strings.xlsx", "h10-entites-feuille.xlsx", "h11-entite-externe.xlsx",
           "s09-feuille-immense.xlsx", "s10-100k-lignes-vides.xlsx", "h16-ligne-lointaine-sans-adresse.xlsx",
           "h19-ods-repete.ods"]


def test_bombs_are_refused_fast_and_small(tmp_path, corpus):
    """Zip bombs (honest and lying directory), entity bombs, huge ranges: < 2 s and < 200 MB each."""
    assert len(BOMBS) >= 2
    paths = [str(path) for _c, path in make_corpus.build(tmp_path / "bombs", bombs=True) if _c.bomb]
    paths += [str(corpus[name]) for name in HOSTILE]
    report = tmp_path / "measure.json"
    r = subprocess.run([sys.executable, "-c", MEASURE, str(report), *paths], capture_output=True, text=True,
                       timeout=120)
    assert r.returncode == 0, r.stderr[-2000:]
    measured = json.loads(report.read_text())
    expected = {c.filename: c for c in CASES}
    for name, m in measured.items():
        case = expected[Path(name).name]
        assert m["seconds"] < 2, (name, m)
        assert m["rss_mb"] < 200, (name, m)
        if case.code:
            assert case.code in m["codes"], (name, m)
        else:
            assert m["codes"] == [], (name, m)


def test_bomb_through_cli_exit_2(tmp_path, capsys):
    case = next(c for c in BOMBS if c.name == "lying_zip_bomb")
    path = tmp_path / case.filename
    case.build(path)
    code, out, err = run_cli(capsys, "validate", str(path), "--format", "json")
    assert code == 2 and json.loads(out)["problems"][0]["code"] == case.code
    assert "Traceback" not in err


def test_inputs_are_never_modified(corpus, capsys, tmp_path):
    """Hash and mtime of every corpus file are the same after validate and a checking command."""
    import hashlib

    before = {}
    for name, path in corpus.items():
        if path.is_file():
            st = path.stat()
            before[name] = (hashlib.sha256(path.read_bytes()).hexdigest(), st.st_mtime_ns, st.st_mode)
    usable = {c.filename for c in SMALL if c.exit == 0} - {"s10-100k-lignes-vides.xlsx"}  # 0.5 s a read
    for name, path in corpus.items():
        run_cli(capsys, "validate", str(path), "--format", "json")
        if name in usable:
            run_cli(capsys, "check-eligibility", str(path), "-o", str(tmp_path / "x.json"))
    for name, (digest, mtime, mode) in before.items():
        path = corpus[name]
        st = path.stat()
        assert (hashlib.sha256(path.read_bytes()).hexdigest(), st.st_mtime_ns, st.st_mode) == (digest, mtime, mode)


def test_hidden_sheet_is_read_with_a_warning(corpus):
    from ei_cli.workbook import read_workbook

    result = read_workbook(corpus["s06-feuille-masquee.xlsx"])
    assert result.valid and len(result.enterprise.follow_ups) == 2
    assert [p.code for p in result.warnings] == ["hidden_sheet"]


def test_valid_twins_stay_valid(corpus):
    """The cases that must stay usable give the same model as the valid fixture workbook."""
    from ei_cli.workbook import read_workbook

    for name in ("c05-alias-anglais.xlsx", "c05b-entete-elision.xlsx", "v03-virgule-decimale.xlsx", "h04-formule-avec-valeur.xlsx",
                 "h12-chemin-zip.xlsx", "s10-100k-lignes-vides.xlsx", "h15-cellules-sans-adresse.xlsx"):
        result = read_workbook(corpus[name])
        assert result.valid, (name, result.problems)
        e = result.enterprise
        assert (len(e.workers), len(e.pay), len(e.follow_ups)) == (3, 6, 2), name
        assert e.workers[0].hire_date == date(2022, 1, 10)
