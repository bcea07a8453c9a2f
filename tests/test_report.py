"""Documents: `ei report annual|agrement` in html, md, docx and pdf, from the templates in templates/.

The key figures of a document must be those of the other commands: the FTE of the staff, the quota
share of `ei check-quota`, the subsidy total of `ei subsidy --format json`. Rendering uses
StrictUndefined, so a misspelt variable fails; no name or national number appears without --names.
"""

from __future__ import annotations

import functools
import json
import re
import stat
import struct
import sys
import zlib
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path
from xml.etree import ElementTree

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ei_cli import documents
from ei_cli.model import Enterprise, Function, Region, Worker, ContractType, PayMonth
from ei_cli.periods import Month, Period
from helpers_rules import CategoryReport, StatusReport, IN_WORKER_ORDER, SHEET_IDS, one_person
from ei_cli.regimes import get_regime, select_regime
from ei_cli.workbook import read_workbook
from helpers_cli import run_cli
from helpers_rules import regime_with

ROOT = Path(__file__).resolve().parent.parent
WALLONIE = ROOT / "sample_data" / "ei-wallonie.xlsx"
BRUXELLES = ROOT / "sample_data" / "ei-bruxelles.xlsx"
YEAR = 2025


# --------------------------------------------------------------------------------- helpers
def docx_text(path: Path) -> str:
    import docx

    d = docx.Document(str(path))
    parts = [p.text for p in d.paragraphs]
    for table in d.tables:
        for row in table.rows:
            parts.append(" | ".join(c.text for c in row.cells))
    return "\n".join(parts)


def docx_body_text(path: Path) -> str:
    """The paragraphs and table rows of a .docx in the order of its body (``docx_text`` puts the tables
    last), squashed."""
    import docx

    body = docx.Document(str(path)).element.body
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    parts = []
    for child in body:
        if child.tag == w + "p":
            parts.append("".join(t.text or "" for t in child.iter(w + "t")))
        elif child.tag == w + "tbl":
            for row in child.iter(w + "tr"):
                parts.append(" | ".join("".join(t.text or "" for t in c.iter(w + "t")) for c in row.iter(w + "tc")))
    return squash("\n".join(parts))


def html_text(path: Path) -> str:
    import html

    s = path.read_text(encoding="utf-8")
    s = re.sub(r"<style>.*?</style>", " ", s, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", s))


def pdf_text(path: Path) -> str:
    pypdf = pytest.importorskip("pypdf")
    return "\n".join(page.extract_text() or "" for page in pypdf.PdfReader(str(path)).pages)


def squash(text: str) -> str:
    """Whitespace (including the narrow no-break spaces of fr_BE numbers) as one plain space."""
    return re.sub(r"[\s\u00a0\u202f]+", " ", text)


@functools.lru_cache(maxsize=None)
def text_of(path: Path) -> str:
    fmt = path.suffix.lstrip(".")
    raw = {"html": html_text, "md": lambda p: p.read_text(encoding="utf-8"), "docx": docx_text,
           "pdf": pdf_text}[fmt](path)
    return squash(raw)


# --------------------------------------------------------------------------------- fixtures
@pytest.fixture(scope="module")
def sample():
    result = read_workbook(WALLONIE)
    assert result.enterprise is not None
    regime, _ = select_regime(result.enterprise, Period.calendar_year(YEAR))
    return result.enterprise, regime


@pytest.fixture(scope="module")
def annual_ctx(sample):
    enterprise, regime = sample
    return documents.document_context("annual", enterprise, regime, YEAR, generated_on=date(2026, 3, 1))[0]


@pytest.fixture(scope="module")
def agrement_ctx(sample):
    enterprise, regime = sample
    return documents.document_context("agrement", enterprise, regime, YEAR, generated_on=date(2026, 3, 1))[0]


@pytest.fixture(scope="module")
def rendered(tmp_path_factory, annual_ctx, agrement_ctx):
    """Every document in every format, rendered once for the module (PDF is the slow one)."""
    out = tmp_path_factory.mktemp("documents")
    paths = {}
    for kind, ctx in (("annual", annual_ctx), ("agrement", agrement_ctx)):
        for fmt in documents.FORMATS:
            path = out / f"{kind}.{fmt}"
            documents.render_document(kind, ctx, path)
            paths[(kind, fmt)] = path
    return paths


@pytest.fixture(scope="module")
def subsidy_total(sample):
    """The total `ei subsidy --format json` prints (same JSON path: jsonable of the result)."""
    import subprocess

    r = subprocess.run([sys.executable, "-m", "ei_cli", "subsidy", str(WALLONIE), "--year", str(YEAR),
                        "--format", "json"], capture_output=True, text=True, timeout=120)
    assert r.returncode in (0, 1), r.stderr
    return json.loads(r.stdout)["total"]


@pytest.fixture(scope="module")
def quota_doc():
    import subprocess

    r = subprocess.run([sys.executable, "-m", "ei_cli", "check-quota", str(WALLONIE), "--year", str(YEAR),
                        "--format", "json"], capture_output=True, text=True, timeout=120)
    assert r.returncode in (0, 1), r.stderr
    return json.loads(r.stdout)


# --------------------------------------------------------------------------------- key figures
ALL = [(k, f) for k in documents.KINDS for f in documents.FORMATS]


@pytest.mark.parametrize("kind,fmt", ALL)
def test_every_template_renders_in_every_format(rendered, kind, fmt):
    path = rendered[(kind, fmt)]
    assert path.is_file() and path.stat().st_size > 500
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    text = text_of(path)
    assert "Recyclerie du Val" in text
    if kind == "agrement":
        assert "compléter par le demandeur".upper() in text.upper()


@pytest.mark.parametrize("kind,fmt", ALL)
def test_staff_fte_and_quota_share_appear(rendered, annual_ctx, quota_doc, kind, fmt):
    """The FTE (annual average of Paie's etp) and the quota share of `ei check-quota --year 2025`,
    written exactly as `ei check` writes it (rules.common.share_text, rounded down: 62,7 % for
    0,6278…, where the documents used to round to nearest and print 62,8 %)."""
    from ei_cli.rules.common import share_text

    text = text_of(rendered[(kind, fmt)])
    fte = squash(documents.fmt_number(annual_ctx["staff"]["fte"]))
    assert f"{fte} ETP" in text
    share = squash(share_text(Decimal(str(quota_doc["target_share"]))))
    required = squash(share_text(Decimal(str(quota_doc["required_share"]))))
    assert share == "62,7 %"
    phrase = f"{share} de public cible ({required} requis)" if kind == "annual" else f"{share} pour {required} requis"
    assert phrase in text
    assert squash(documents.fmt_share(quota_doc["required_share"])) in text


@pytest.mark.parametrize("fmt", documents.FORMATS)
def test_subsidy_total_equals_ei_subsidy_json(rendered, annual_ctx, subsidy_total, fmt):
    assert annual_ctx["subsidies"]["total"] == subsidy_total
    text = text_of(rendered[("annual", fmt)])
    assert squash(documents.fmt_eur(subsidy_total)) in text


def test_sample_figures_by_hand(annual_ctx):
    """Walloon sample, 2025: 17 workers employed in the year (W08 leaves on 2025-06-30, W14 starts on
    2025-03-17), 16 at 31 December; 10 target workers (5 TGD: W05–W08, W14; 5 TD: W09–W13)."""
    staff = annual_ctx["staff"]
    assert (staff["heads"], staff["heads_at_end"], staff["hires"], staff["exits"]) == (17, 16, 1, 1)
    cats = {c["category"]: c["heads"] for c in staff["categories"]}
    assert cats == {"TGD": 5, "TD": 5, "not_target": 7}
    assert staff["target_heads"] == 10 and staff["art60_heads"] == 1
    assert len(annual_ctx["quota"]["months"]) == 12
    assert [m["month"] for m in annual_ctx["quota"]["months"]][0] == "2025-01"
    assert annual_ctx["deadline"] == "2026-07-15"


def test_docx_has_the_chart_image(rendered):
    import docx

    assert len(docx.Document(str(rendered[("annual", "docx")])).inline_shapes) == 1


def test_html_has_an_inline_svg_chart_and_no_script(rendered):
    html = rendered[("annual", "html")].read_text(encoding="utf-8")
    svg = re.search(r"<svg.*?</svg>", html, flags=re.S).group(0)
    ElementTree.fromstring(svg)  # well-formed
    assert "<script" not in html.lower() and "http://" not in re.sub(r'xmlns="http://[^"]+"', "", html)


# --------------------------------------------------------------------------------- confidence and notes
@pytest.mark.parametrize("kind,fmt", ALL)
def test_quota_reasons_say_which_figures_are_inferred(rendered, kind, fmt):
    """rules.md §3.2, Q13: the Walloon 2016 year-2 share (30 %) is `inferred` — the 2003 regime's step (CES
    ULiège, seed 003, §4.2), no 2016 text being published — and the document must say so, as `--explain`
    does (« … (CES ULiège, « Entreprise d'insertion (EI) » : cadre légal du régime wallon de 2003 …, règle
    de 2003 reprise faute de texte 2016 publié ; déduit par interprétation) », the confidence after a semicolon:
    one bracket level); the documents printed the reason and its reference without its confidence (the annual
    report) or no reason at all (the application). The reference named the 2016 decree, then the 2003 decree:
    neither holds the figure."""
    text = text_of(rendered[(kind, fmt)])
    assert "au moins 30,0 % de public cible en moyenne annuelle." in text
    assert re.search(r"au moins 30,0 % de public cible en moyenne annuelle\. \(CES ULiège, [^()]*"
                     r"\(EI\) »[^()]*\(document source 003\), règle de 2003 reprise faute de texte 2016 publié "
                     r"; déduit par interprétation\)", text)


def test_a_verified_or_official_reason_shows_no_confidence():
    """Only a confidence the reader must be told about is written: not « vérifié » nor « page officielle »."""
    base = {"text": "T.", "reference": "Art. 1", "url": "https://example.org"}
    assert documents._reason_text({**base, "confidence": "verified"}) == "T. (Art. 1)"
    assert documents._reason_text({**base, "confidence": "official_page"}) == "T. (Art. 1)"
    assert documents._reason_text({**base, "confidence": "seed_only"}) == "T. (Art. 1 ; documents sources seulement)"
    assert documents._reason_text({"text": "T.", "reference": None, "confidence": "not_found"}) == "T. (non trouvé)"


@pytest.mark.parametrize("fmt", documents.FORMATS)
def test_subsidy_lines_carry_their_notes_and_claimability(rendered, annual_ctx, tmp_path, fmt):
    """The Walloon sample's lines rest on decision D1 (`inferred`) and its social accompaniment on an
    unknown indexation coefficient (D5: « montant de base », `not_found`): each line points to numbered
    notes listed under the table. A line that is computed but not claimable says « non réclamable »
    with its note. The documents showed only the amounts."""
    text = text_of(rendered[("annual", fmt)])
    notes = {n["text"]: n["number"] for n in annual_ctx["subsidies"]["line_notes"]}
    d5 = next(n for n in notes if n.startswith("Coefficient d'indexation inconnu : montant de base"))
    for note, number in notes.items():
        assert f"({number}) {squash(note)}" in text
    assert "« déduit par interprétation »" in text and "« non trouvé »" in text
    accompaniment = [line for line in annual_ctx["subsidies"]["lines"] if line["subsidy"] == "social_accompaniment"]
    assert accompaniment and all(str(notes[d5]) in line["marks"].split(", ") for line in accompaniment)

    ctx = dict(annual_ctx)
    ctx["subsidies"] = documents._subsidy_view({
        "total": 0, "totals": {"target_worker": 0},
        "lines": [{"subsidy": "target_worker", "worker_id": "A", "basis": None, "amount": 6000,
                   "confidence": "secondary", "claimable": False,
                   "notes": ["Remplacement d'un travailleur sorti : non réclamable en l'état."]}]})
    out = tmp_path / f"r.{fmt}"
    documents.render_document("annual", ctx, out)
    text = text_of(out)
    assert re.search(r"6 000,00 €[ |]*1 — non réclamable", text)
    assert "(1) Remplacement d'un travailleur sorti : non réclamable en l'état." in text
    # the notes are the JSON's: no confidence note the rules did not write (secondary gets none there)
    assert "(2)" not in text


# --------------------------------------------------------------------------------- personal data
def _personal_values(enterprise: Enterprise) -> list[str]:
    values = []
    for w in enterprise.workers:
        values += [v for v in (w.last_name, w.first_name, w.national_number) if v]
        if w.birth_date:
            values.append(w.birth_date.isoformat())
    return values


@pytest.mark.parametrize("kind,fmt", [(k, f) for k in documents.KINDS for f in ("html", "md", "docx")])
def test_no_names_or_niss_without_names(rendered, sample, kind, fmt):
    enterprise, _ = sample
    text = text_of(rendered[(kind, fmt)])
    leaks = [v for v in _personal_values(enterprise) if re.search(rf"\b{re.escape(v)}\b", text)]
    assert leaks == []


def test_names_shown_with_names(sample, tmp_path):
    enterprise, regime = sample
    ctx = documents.document_context("annual", enterprise, regime, YEAR, names=True)[0]
    out = tmp_path / "r.md"
    documents.render_document("annual", ctx, out)
    text = out.read_text(encoding="utf-8")
    assert enterprise.workers_by_id["W05"].last_name in text
    assert enterprise.workers_by_id["W05"].national_number not in text  # names only, never the NISS


# --------------------------------------------------------------------------------- strictness, escaping
def test_undefined_variable_fails(tmp_path, annual_ctx):
    import jinja2

    (tmp_path / "annual.html.j2").write_text("<p>{{ enterprise.nom_mal_orthographie }}</p>", encoding="utf-8")
    with pytest.raises(jinja2.UndefinedError):
        documents.render_text("annual", "html", annual_ctx, tmp_path)
    out = tmp_path / "out.html"
    with pytest.raises(documents.EiError) as exc:
        documents.render_document("annual", annual_ctx, out, tmp_path)
    assert "nom_mal_orthographie" in exc.value.message.fr
    assert not out.exists()


def test_undefined_variable_fails_in_docx(tmp_path, annual_ctx):
    import docx

    d = docx.Document()
    d.add_paragraph("{{ variable_inconnue }}")
    d.save(str(tmp_path / "annual.docx"))
    out = tmp_path / "out.docx"
    with pytest.raises(documents.EiError):
        documents.render_document("annual", annual_ctx, out, tmp_path)
    assert not out.exists() and list(tmp_path.glob(".out.docx*")) == []


def test_every_shipped_template_uses_only_context_variables(annual_ctx, agrement_ctx):
    """Remove one top-level key: every template must then fail (StrictUndefined), none ignores it."""
    import jinja2

    for kind, ctx in (("annual", annual_ctx), ("agrement", agrement_ctx)):
        broken = {k: v for k, v in ctx.items() if k != "staff"}
        for fmt in ("html", "md"):
            with pytest.raises(jinja2.UndefinedError):
                documents.render_text(kind, fmt, broken)


def test_values_are_escaped(sample, tmp_path):
    enterprise, regime = sample
    nasty = replace(enterprise, name="A & <script>x</script> | *B*")
    ctx = documents.document_context("annual", nasty, regime, YEAR)[0]
    html = documents.render_text("annual", "html", ctx)
    assert "<script>x" not in html and "&lt;script&gt;" in html
    md = documents.render_text("annual", "md", ctx)
    assert r"A & \<script\>x\</script\> \| \*B\*" in md
    out = tmp_path / "n.docx"
    documents.render_document("annual", ctx, out)  # docxtpl autoescape: the XML stays valid
    assert "A & <script>x</script> | *B*" in docx_text(out)


# --------------------------------------------------------------------------------- the command
def test_cli_annual_and_agrement(capsys, tmp_path):
    out = tmp_path / "rapport.md"
    code, _, err = run_cli(capsys, "report", "annual", WALLONIE, "--year", YEAR, "-o", out)
    assert code == 0, err
    assert "Rapport d'activité annuel 2025" in out.read_text(encoding="utf-8")
    out = tmp_path / "demande.html"
    code, _, err = run_cli(capsys, "report", "agrement", BRUXELLES, "--year", YEAR, "-o", out)
    assert code == 0, err
    assert "Compétences et expérience du gestionnaire" in html_text(out)


def test_a_report_exits_1_when_a_verdict_it_prints_is_not_compliant(capsys, make_workbook):
    """cli.md, « Exit codes (every command) »: 1 when a check that ran is not compliant. The valid test workbook
    in 2024 fails the employment conditions and the social follow-up (``ei check --year 2024``: exit 1); its
    reports printed them « non conforme » and exited 0. Now 1, the document written all the same; in 2027, a year
    not begun (the tests' day is 2026-11-30), its checks are conforme or « indéterminé » (no payroll, nothing
    due yet): exit 0, an unknown check is no failure."""
    wb = make_workbook()
    for kind in ("annual", "agrement"):
        out = wb.parent / f"{kind}-2024.md"
        code, _, err = run_cli(capsys, "report", kind, wb, "--year", 2024, "-o", out)
        assert code == 1, err
        assert "| non conforme |" in out.read_text(encoding="utf-8")
    code, _, err = run_cli(capsys, "report", "annual", wb, "--year", 2027, "-o", wb.parent / "annual-2027.md")
    assert code == 0, err
    text = (wb.parent / "annual-2027.md").read_text(encoding="utf-8")
    assert "| indéterminé |" in text and "| non conforme |" not in text


def test_the_subsidies_condition_counts_in_a_report_verdict():
    """The annual report prints the subsidies' condition (Brussels 2004: the share of supervision staff) with its
    verdict, on which ``ei subsidy`` exits 1: it counts as a check does; a check not applicable to the period,
    or unknown, does not."""
    def context(condition):
        return {"checks": [{"compliant": True, "applicable": True}, {"compliant": None, "applicable": True},
                           {"compliant": None, "applicable": False}],
                "subsidies": {"conditions": [{"name": "supervision_share", "compliant": condition}]}}

    assert [documents.document_compliant(context(c)) for c in (True, None, False)] == [None, None, False]
    assert documents.document_compliant({"checks": [{"compliant": True, "applicable": True}], "subsidies": None}) is True


def test_documents_say_they_are_in_french_only(capsys):
    """README said every command takes --lang; `ei report annual … --lang en` answered « No such
    option: --lang ». The documents are French only: `ei report --help`, the sub-commands' --help and
    the README say so plainly, and the option is still refused (exit 2)."""
    for words in (("report",), ("report", "annual"), ("report", "agrement")):
        code, out, _ = run_cli(capsys, *words, "--help")
        assert code == 0 and "français" in squash(out), words
    code, out, _ = run_cli(capsys, "report", "--help")
    assert "en français uniquement (pas de --lang)" in squash(out)
    readme = squash((ROOT / "README.md").read_text(encoding="utf-8"))
    assert "`--lang fr|en` (except `ei report`: its documents are in French only, it has no `--lang`;" in readme
    code, _, _ = run_cli(capsys, "report", "annual", WALLONIE, "--year", YEAR, "-o", "r.md", "--lang", "en")
    assert code == 2


@pytest.mark.parametrize("kind", ["annual", "agrement"])
def test_names_help_offers_no_explain_the_report_refuses(capsys, kind):
    """The report commands' --names help said « et avec --explain les valeurs lues », which they refuse
    (« option inconnue : --explain », exit 2): their --names only puts the workers' names in the document."""
    code, out, _ = run_cli(capsys, "report", kind, "--help")
    text = " ".join(out.replace("│", " ").split())
    assert code == 0 and "--explain" not in text
    assert "Afficher les noms des travailleurs dans le document (données personnelles)." in text
    code, _, err = run_cli(capsys, "report", kind, WALLONIE, "-o", "r.md", "--explain")
    assert code == 2 and "option inconnue : --explain" in err


def test_cli_bad_suffix_exits_2(capsys, tmp_path):
    code, _, err = run_cli(capsys, "report", "annual", WALLONIE, "--year", YEAR, "-o", tmp_path / "r.odt")
    assert code == 2 and ".html, .md, .docx ou .pdf" in err
    assert list(tmp_path.iterdir()) == []


def test_cli_year_required(capsys, tmp_path):
    code, _, _ = run_cli(capsys, "report", "annual", WALLONIE, "-o", tmp_path / "r.md")
    assert code == 2


def test_cli_pdf_without_weasyprint(capsys, tmp_path, monkeypatch):
    """Without WeasyPrint, the hint installs the pdf extra's requirement (as pyproject.toml declares it)
    into the Python running this ei. The old hint, « pip install 'ei-cli[pdf]' », fetched from the
    package registry another project named ei-cli, whose own ``ei`` command replaces this one."""
    import shlex
    import tomllib

    monkeypatch.setitem(sys.modules, "weasyprint", None)  # import fails
    code, _, err = run_cli(capsys, "report", "annual", WALLONIE, "--year", YEAR, "-o", tmp_path / "r.pdf")
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["optional-dependencies"]["pdf"]
    assert code == 2 and "ei-cli" not in err
    assert shlex.join([sys.executable, "-m", "pip", "install", *declared]) in " ".join(err.split())
    assert list(tmp_path.iterdir()) == []


def test_the_pdf_install_hint_runs_in_the_windows_shells(monkeypatch):
    """On Windows the hint was list2cmdline's `"C:\\…\\python.exe" -m pip install weasyprint>=60`: `>`
    redirects in cmd.exe and PowerShell, and PowerShell refuses a line starting with a quoted string.
    It is now output.shell_command's: the requirement double-quoted, the program's folders quoted inside."""
    from ei_cli import output

    monkeypatch.setattr(output, "_windows_shell", lambda: True)
    monkeypatch.setattr(sys, "executable", r"C:\Users\Marie Dupont\ei\.venv\Scripts\python.exe")
    monkeypatch.setattr(documents, "pdf_requirements", lambda: ["weasyprint>=60"])
    assert documents.pdf_install_command() == (
        r'C:\Users\"Marie Dupont"\ei\.venv\Scripts\python.exe -m pip install "weasyprint>=60"')


def test_pdf_requirements_come_from_the_distribution_that_holds_ei_cli(monkeypatch):
    """The pdf extra's requirements are read from the metadata of the installed distribution providing
    the ``ei_cli`` package (its other extras left out); with no such distribution (run from a clone),
    from the pyproject.toml of the source tree; with neither, plain « weasyprint ». (The source tree is
    this repository's: an installed ``ei_cli`` — ``pip install '.[test]'``, as CI runs — has no
    pyproject.toml beside it, so the test names the tree rather than finding it from the package.)"""
    import tomllib
    from importlib import metadata

    monkeypatch.setattr(metadata, "packages_distributions", lambda: {"ei_cli": ["our-dist"]})
    monkeypatch.setattr(metadata, "requires", lambda name: {"our-dist": [
        "rich>=13", 'weasyprint>=99; extra == "pdf"', "pytest>=7; extra == 'test'", "pydyf; extra=='pdf'"]}[name])
    assert documents.pdf_requirements() == ["weasyprint>=99", "pydyf"]
    monkeypatch.setattr(metadata, "packages_distributions", lambda: {})
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["optional-dependencies"]["pdf"]
    assert documents._source_tree_extra("pdf", ROOT) == declared
    real = documents._source_tree_extra
    monkeypatch.setattr(documents, "_source_tree_extra", lambda extra: real(extra, ROOT))
    assert documents.pdf_requirements() == declared
    monkeypatch.setattr(documents, "_source_tree_extra", lambda extra: [])
    assert documents.pdf_requirements() == ["weasyprint"]


# ``ei ARGS`` in a process whose disk holds 16 KB more: every file opened for writing in binary gets what
# fits, as the kernel gives it (a short write), then ENOSPC — the document (~40 KB) cannot be written.
_FULL_DISK = """
import io, os
LIMIT = 16 * 1024
real_open = io.open

class FullDisk(io.FileIO):
    written = 0

    def write(self, b):
        room = LIMIT - FullDisk.written
        if room <= 0:
            raise OSError(28, os.strerror(28))
        n = super().write(bytes(b)[:room])
        FullDisk.written += n
        return n

def full_open(file, mode="r", buffering=-1, encoding=None, errors=None, newline=None, closefd=True, opener=None):
    if "b" in mode and any(c in mode for c in "wax+"):
        raw = FullDisk(file, mode.replace("b", ""), closefd=closefd, opener=opener)
        return (io.BufferedRandom if "+" in mode else io.BufferedWriter)(raw)
    return real_open(file, mode, buffering, encoding, errors, newline, closefd, opener)

io.open = __builtins__.open = full_open
from ei_cli.cli import console_script
console_script()
"""


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_a_full_disk_while_writing_a_document_is_one_clean_message(tmp_path, fmt):
    """The disk fills up while the document is written: exit 2, « Impossible d'écrire …/r.docx (disque
    plein). » and nothing else on stderr, no file left. The old code let docxtpl write the .docx to the
    file itself; its zip archive stayed open after the failure, and Python printed « Exception ignored
    in: <function ZipFile.__del__> … Traceback … OSError: [Errno 28] » after the message. The document
    is now made in memory and written by ei's atomic writer (the PDF too)."""
    import subprocess

    if fmt == "pdf":
        pytest.importorskip("weasyprint")
    target = tmp_path / f"r.{fmt}"
    r = subprocess.run([sys.executable, "-B", "-c", _FULL_DISK, "report", "annual", str(WALLONIE), "--year",
                        str(YEAR), "-o", str(target)], capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert (r.returncode, r.stdout, r.stderr) == (2, "", f"Impossible d'écrire {target} (disque plein).\n")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("args, name", [(["init", "--sample", "{dir}/new/deeper"], "new/deeper/ei-modele.xlsx"),
                                        (["subsidy", str(WALLONIE), "--year", str(YEAR), "-o", "{dir}/claim.xlsx"],
                                         "claim.xlsx")])
def test_a_full_disk_while_openpyxl_writes_is_one_clean_message(tmp_path, args, name):
    """The same full disk under the workbooks openpyxl writes (``ei init``, the claim workbook; summary.xlsx
    goes through the same ``output.write_with``): one message, no file left. openpyxl saved to the
    temporary file itself and left its archive open on the failure: « Exception ignored in: <function
    ZipFile.__del__> … Traceback … » followed the message. It now saves into memory. ``ei init`` into a
    folder it makes (new/deeper) removes it again (it was left empty)."""
    import subprocess

    argv = [a.replace("{dir}", str(tmp_path)) for a in args]
    full_disk = _FULL_DISK.replace("16 * 1024", "2 * 1024")  # the claim workbook is ~10 KB
    r = subprocess.run([sys.executable, "-B", "-c", full_disk, *argv], capture_output=True, text=True, timeout=120,
                       cwd=ROOT)
    assert (r.returncode, r.stdout, r.stderr) == (2, "", f"Impossible d'écrire {tmp_path / name} (disque plein).\n")
    assert list(tmp_path.iterdir()) == []


def test_the_package_built_from_a_windows_checkout_holds_every_template(tmp_path):
    """ei_cli/templates was a symbolic link to templates/: a clone with core.symlinks=false (Git for
    Windows' default) or a ZIP download makes it a 12-byte text file « ../templates », and the wheel built
    from there held no template (`ei report --list-templates` exit 2, « Modèle introuvable »). The package
    built from a copy of the sources where every symbolic link is such a text file holds every template
    the report commands name, and every package folder; run from there, ei finds them in the package."""
    import os
    import shutil
    import subprocess

    pytest.importorskip("setuptools")
    checkout = tmp_path / "checkout"
    checkout.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, checkout / name)
    for name in ("ei_cli", "templates"):
        shutil.copytree(ROOT / name, checkout / name, symlinks=True,
                        ignore=shutil.ignore_patterns("__pycache__"))
    for link in [p for p in checkout.rglob("*") if p.is_symlink()]:
        target = os.readlink(link)
        link.unlink()
        link.write_text(target, encoding="utf-8")
    lib = tmp_path / "lib"
    r = subprocess.run([sys.executable, "-c", "from setuptools import setup; setup()", "-q", "build_py",
                        "--build-lib", str(lib)], cwd=checkout, capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    shipped = lib / "ei_cli" / "templates"
    assert {name for name in documents.TEMPLATE_NAMES if (shipped / name).is_file()} == set(documents.TEMPLATE_NAMES)
    assert ({p.parent.relative_to(lib) for p in lib.rglob("__init__.py")}
            == {p.parent.relative_to(ROOT) for p in (ROOT / "ei_cli").rglob("__init__.py")})
    r = subprocess.run([sys.executable, "-c", "from ei_cli import documents; print(documents.builtin_template_dir())"],
                       capture_output=True, text=True, timeout=60, cwd=tmp_path,
                       env={**os.environ, "PYTHONPATH": str(lib)})
    assert r.stdout.strip() == str(shipped.resolve())


def test_the_shipped_templates_are_found_from_where_ei_runs():
    """Installed, ei reads the package's copy; from a source checkout (or `pip install -e .`), which has no
    ei_cli/templates, the top-level templates/ folder: either way, every template the commands name."""
    folder = documents.builtin_template_dir()
    assert all((folder / name).is_file() for name in documents.TEMPLATE_NAMES)
    import ei_cli

    if Path(ei_cli.__file__).resolve().parent.parent == ROOT:
        assert folder == ROOT / "templates"


def test_cli_list_templates(capsys, tmp_path):
    code, out, _ = run_cli(capsys, "report", "--list-templates")
    assert code == 0
    lines = out.strip().splitlines()
    assert any(line.startswith("annual") and "docx" in line and line.endswith("annual.docx") for line in lines)
    assert any(line.startswith("agrement") and "html, pdf" in line for line in lines)
    (tmp_path / "annual.md.j2").write_text("# {{ enterprise.name }}\n", encoding="utf-8")
    code, out, _ = run_cli(capsys, "report", "--list-templates", "--templates", tmp_path)
    assert str(tmp_path / "annual.md.j2") in out


def test_cli_user_templates(capsys, tmp_path):
    (tmp_path / "annual.md.j2").write_text("# {{ enterprise.name }} — {{ staff.fte | nombre }} ETP\n",
                                           encoding="utf-8")
    out = tmp_path / "r.md"
    code, _, err = run_cli(capsys, "report", "annual", WALLONIE, "--year", YEAR, "-o", out, "--templates", tmp_path)
    assert code == 0, err
    assert out.read_text(encoding="utf-8").startswith("# Recyclerie du Val — ")
    code, _, err = run_cli(capsys, "report", "annual", WALLONIE, "--year", YEAR, "-o", out,
                          "--templates", tmp_path / "absent")
    assert code == 2


def test_cli_user_templates_given_to_the_report_group(capsys, tmp_path):
    """« ei report --templates DIR annual … » (both forms are in --help): the group's folder is the
    sub-command's default — it was ignored, the built-in template rendered. The sub-command's own
    --templates still wins."""
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "annual.md.j2").write_text("# mine {{ enterprise.name }}\n", encoding="utf-8")
    out = tmp_path / "r.md"
    code, _, err = run_cli(capsys, "report", "--templates", tmp_path / "mine", "annual", WALLONIE, "--year", YEAR,
                           "-o", out)
    assert code == 0, err
    assert out.read_text(encoding="utf-8").startswith("# mine Recyclerie du Val")
    code, _, err = run_cli(capsys, "report", "--templates", tmp_path / "mine", "annual", WALLONIE, "--year", YEAR,
                           "-o", out, "--templates", tmp_path / "absent")
    assert code == 2


@pytest.mark.parametrize("where,name", [("group", "annual.docx"), ("command", "annual.docx"),
                                        ("command", "agrement.docx"), ("group", "report.css"),
                                        ("command", "annual.html.j2")])
def test_cli_refuses_to_write_over_a_template(capsys, tmp_path, where, name):
    """`ei report --templates t annual FILE --year 2025 -o t/annual.docx` replaced the user's own
    template (exit 0). An output that is a template name in the --templates folder (given to the
    command or to « ei report »), present or not, is refused like an output over the workbook read:
    exit 2, a French message naming both, nothing written, the template untouched."""
    folder = tmp_path / "t"
    folder.mkdir()
    original = (documents.builtin_template_dir() / "annual.docx").read_bytes()
    (folder / "annual.docx").write_bytes(original)
    out = folder / name
    before = sorted(p.name for p in folder.iterdir())
    args = ["report", "annual", WALLONIE, "--year", YEAR, "-o", out]
    args = (["report", "--templates", folder] + args[1:]) if where == "group" else args + ["--templates", folder]
    code, _, err = run_cli(capsys, *args)
    assert code == 2
    assert "est un modèle de document" in squash(err) and name in err
    assert sorted(p.name for p in folder.iterdir()) == before
    assert (folder / "annual.docx").read_bytes() == original


def test_cli_refuses_to_write_over_a_shipped_template(capsys, tmp_path):
    """Without --templates, the shipped templates are the ones read: -o cannot name them either."""
    target = documents.builtin_template_dir() / "agrement.docx"
    original = target.read_bytes()
    code, _, err = run_cli(capsys, "report", "agrement", WALLONIE, "--year", YEAR, "-o", target)
    assert code == 2 and "est un modèle de document" in squash(err)
    assert target.read_bytes() == original


def test_cli_templates_given_a_file_says_it_is_a_file(capsys, tmp_path):
    """`--templates annual.docx` (a file that exists) said « Dossier de modèles introuvable »: it now says
    it is a file, and a folder is expected (exit 2, nothing written)."""
    template = tmp_path / "annual.docx"
    template.write_bytes((documents.builtin_template_dir() / "annual.docx").read_bytes())
    out = tmp_path / "r.md"
    code, _, err = run_cli(capsys, "report", "annual", WALLONIE, "--year", YEAR, "-o", out, "--templates", template)
    assert code == 2 and "c'est un fichier" in err and "introuvable" not in err
    assert not out.exists()
    code, _, err = run_cli(capsys, "report", "--list-templates", "--templates", template)
    assert code == 2 and "c'est un fichier" in err


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="file names are text there")
def test_cli_templates_refusals_name_the_folder_in_valid_text(capsys, tmp_path):
    """`--templates` naming a missing folder « no\\e[31mRED\\xff » (an escape sequence, a Latin-1 byte) or a file
    « tpl\\e[7mX »: the refusal quoted the raw path — the escape sequence turned the terminal red, the byte
    reached stderr as a lone surrogate. It is said as every other path in a refusal (``problems.display_path``:
    U+FFFD for the control character and for the byte)."""
    import os

    missing = Path(os.fsdecode(os.fsencode(tmp_path) + b"/no\x1b[31mRED\xff"))
    a_file = tmp_path / "tpl\x1b[7mX"
    a_file.write_text("not a folder")
    out = tmp_path / "r.md"
    for folder, said in ((missing, "no\ufffd[31mRED\ufffd"), (a_file, "tpl\ufffd[7mX : c'est un fichier")):
        code, _, err = run_cli(capsys, "report", "annual", WALLONIE, "--year", YEAR, "-o", out, "--templates", folder)
        err.encode("utf-8")   # no lone surrogate left
        assert code == 2 and said in err.replace("\n", "") and "\x1b" not in err
    assert not out.exists()


@pytest.mark.parametrize("name,data,fmt,expected", [
    ("annual.md.j2", b"# caf\xe9 {{ year }}\n", "md", "ce n'est pas du texte UTF-8 (octet 0xe9 à la position 5)"),
    ("report.css", b"body { content: 'caf\xe9'; }\n", "html", "ce n'est pas du texte UTF-8"),
    ("annual.docx", b"not a zip", "docx", "ce n'est pas un document Word .docx lisible"),
    ("annual.docx", b"PK\x03\x04 broken", "docx", "ce n'est pas un document Word .docx lisible"),
])
def test_cli_unreadable_user_template_is_named(capsys, tmp_path, name, data, fmt, expected):
    """A Latin-1 template (or style sheet) and a .docx that is not a Word document gave « Erreur interne
    (UnicodeDecodeError) … signalez-la »: now a French message naming the file and what is expected
    (UTF-8 text; a real .docx), exit 2, nothing written."""
    folder = tmp_path / "t"
    folder.mkdir()
    (folder / name).write_bytes(data)
    out = tmp_path / f"r.{fmt}"
    code, _, err = run_cli(capsys, "report", "annual", WALLONIE, "--year", YEAR, "-o", out, "--templates", folder)
    err = squash(err)
    assert code == 2 and f"Modèle {folder / name} : {expected}" in err, err
    assert "Erreur interne" not in err and "Aucun fichier écrit" in err
    assert list(tmp_path.iterdir()) == [folder]


@pytest.mark.parametrize("template,detail", [
    ("# {{ year }}\n\n{{ enterprise.nom_inexistant }}\n", "ligne 3 : 'dict object' has no attribute 'nom_inexistant'."),
    ("# {{ year }}\n{{ year | inconnu }}\n", "ligne 2 : No filter named 'inconnu'. Aucun"),
    ("# {{ year }\n", "ligne 1 : unexpected '}'."),
])
def test_cli_jinja_errors_name_the_template_file_and_line(capsys, tmp_path, template, detail):
    """Jinja's own detail is kept; the French message names the template's path (not only its name)
    and its line, also for an error met while rendering (an undefined value: Jinja puts the line in
    the traceback only)."""
    (tmp_path / "annual.md.j2").write_text(template, encoding="utf-8")
    out = tmp_path / "r.md"
    code, _, err = run_cli(capsys, "report", "annual", WALLONIE, "--year", YEAR, "-o", out, "--templates", tmp_path)
    assert code == 2 and f"Modèle {tmp_path / 'annual.md.j2'}, {detail}" in squash(err), err
    assert not out.exists()


def test_docx_jinja_error_names_the_template_and_paragraph(tmp_path, annual_ctx):
    """In a .docx, Jinja's lines are those of docxtpl's XML: the message gives the paragraph instead."""
    import docx

    d = docx.Document()
    d.add_paragraph("Titre")
    d.add_paragraph("Nom : {{ enterprise.name }")
    d.save(str(tmp_path / "annual.docx"))
    with pytest.raises(documents.EiError) as exc:
        documents.render_document("annual", annual_ctx, tmp_path / "out.docx", tmp_path)
    message = exc.value.message.fr
    assert message.startswith(f"Modèle {tmp_path / 'annual.docx'}, paragraphe « Nom : " + "{{ enterprise.name } » : ")
    assert "unexpected '}'" in message


# --------------------------------------------------------------------------------- PDF without network
def test_pdf_fetcher_refuses_the_network(tmp_path):
    pytest.importorskip("weasyprint")
    (tmp_path / "logo.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"/>', encoding="utf-8")
    fetch = documents._safe_url_fetcher([tmp_path])
    with pytest.raises(ValueError):
        fetch("https://example.org/tracker.png")
    with pytest.raises(ValueError):
        fetch("file:///etc/passwd")
    fetch("data:text/plain,bonjour")
    fetch((tmp_path / "logo.svg").as_uri())


def test_pdf_fetcher_reads_a_file_url_as_the_system_names_it(tmp_path, monkeypatch):
    """On Windows WeasyPrint asks for the logo beside a custom template as
    ``file:///C:/Users/Marie%20Dupont/mes%20modeles/logo.svg``. That URL's path is « /C:/Users/… »: the
    old check (``Path(unquote(path))``) never found it inside the template folder
    ``C:\\Users\\Marie Dupont\\mes modeles`` and refused it, and WeasyPrint dropped the logo in silence.
    The file's path is now the one ``urllib.request.url2pathname`` gives, the one urllib opens
    (``nturl2path`` on Windows: ``C:\\Users\\…``). Here ``url2pathname`` is Windows' own, the Windows
    folder standing for ``tmp_path``; the logo is fetched."""
    pytest.importorskip("weasyprint")
    import nturl2path
    import urllib.request
    from pathlib import PureWindowsPath

    windows = PureWindowsPath(r"C:\Users\Marie Dupont\mes modeles")
    url = "file:" + nturl2path.pathname2url(str(windows / "logo.svg"))
    assert url == "file:///C:/Users/Marie%20Dupont/mes%20modeles/logo.svg"
    svg = '<svg xmlns="http://www.w3.org/2000/svg"/>'
    (tmp_path / "logo.svg").write_text(svg, encoding="utf-8")

    def url2pathname(path):  # Windows' answer, its folder mapped onto tmp_path
        return str(tmp_path.joinpath(*PureWindowsPath(nturl2path.url2pathname(path)).relative_to(windows).parts))

    monkeypatch.setattr(urllib.request, "url2pathname", url2pathname)
    response = documents._safe_url_fetcher([tmp_path])(url)
    assert response.read() == svg.encode()


# --------------------------------------------------------------------------------- pure parts
def test_agrement_periods_wallonie_2016():
    """Agrément 2024-03-01: first agrément 2 years → 2024-03-01 … 2026-02-28; renewal 4 years →
    2026-03-01 … 2030-02-28; then indefinite from 2030-03-01 (agrement.* parameters)."""
    regime = get_regime("wallonie-2016")
    start = date(2024, 3, 1)
    a = documents.agrement_periods(regime, start, date(2025, 12, 31))
    assert a["current"] == {"label": "Premier agrément", "start": "2024-03-01", "end": "2026-02-28", "years": 2,
                            "regime": "wallonie-2016"}
    b = documents.agrement_periods(regime, start, date(2026, 3, 1))
    assert (b["current"]["label"], b["current"]["end"]) == ("Renouvellement", "2030-02-28")
    c = documents.agrement_periods(regime, start, date(2030, 3, 1))
    assert c["current"]["end"] is None and "indéterminée" in c["summary"]
    assert len(c["periods"]) == 3


def test_agrement_periods_from_29_february_are_the_agrement_years():
    """Wallonia 2016, agrément of 2020-02-29 (docs/interpretations.md §Segments: from 29 February, a year ends on
    28 February and the next starts on 1 March). First agrément, 2 years = agrément years 1–2: 2020-02-29 …
    2022-02-28 (it ended 2022-02-27: 29 Feb + 2 years clamped to 28 Feb, minus a day). Renewal, 4 years = years
    3–6: 2022-03-01 … 2026-02-28. Indefinite from year 7: 2026-03-01. Brussels 2004, 4-year agréments from
    2008-02-29: the second is years 5–8, 2012-02-29 … 2016-02-28 (2008-02-29 + 4 years, the day exists), the
    same days as ``periods.anniversary_year``'s agrément years 5 and 8."""
    from ei_cli.periods import anniversary_year

    w = documents.agrement_periods(get_regime("wallonie-2016"), date(2020, 2, 29), date(2026, 3, 1))
    assert [(p["label"], p["start"], p["end"]) for p in w["periods"]] == [
        ("Premier agrément", "2020-02-29", "2022-02-28"), ("Renouvellement", "2022-03-01", "2026-02-28"),
        ("Agrément à durée indéterminée", "2026-03-01", None)]
    b = documents.agrement_periods(get_regime("bruxelles-2004"), date(2008, 2, 29), date(2012, 6, 1))
    assert (b["current"]["start"], b["current"]["end"]) == ("2012-02-29", "2016-02-28")
    origin = date(2008, 2, 29)
    assert (anniversary_year(origin, 5).start, anniversary_year(origin, 8).end) == (date(2012, 2, 29),
                                                                                     date(2016, 2, 28))


def test_agrement_periods_fixed_and_unknown():
    """Brussels 2004: 4-year agréments, 2010-05-01 → second period 2014-05-01 … 2018-04-30 on 2015-01-01.
    Wallonia 2003 has no duration parameter: not established."""
    b = documents.agrement_periods(get_regime("bruxelles-2004"), date(2010, 5, 1), date(2015, 1, 1))
    assert (b["current"]["start"], b["current"]["end"]) == ("2014-05-01", "2018-04-30")
    w = documents.agrement_periods(get_regime("wallonie-2003"), date(2005, 1, 1), date(2006, 1, 1))
    assert w["current"] is None and "non établie" in w["summary"]


def test_agrement_not_yet_started_on_the_day_reported():
    """Brussels 2004, agrément of 2020-09-01, year 2018: the report said « Agrément en cours au 31 décembre
    2018 | Agrément initial (4 ans) : du 1 septembre 2020 … » (the day was moved to the agrément date).
    No period runs before the agrément: none is current, none listed, and the summary says it had not
    started, with the date it starts."""
    b = documents.agrement_periods(get_regime("bruxelles-2004"), date(2020, 9, 1), date(2018, 12, 31))
    assert b["current"] is None and b["periods"] == [] and b["not_started"] is True
    assert b["summary"] == "Agrément pas encore commencé à cette date : il prend cours le 1er septembre 2020."
    w = documents.agrement_periods(get_regime("wallonie-2016"), date(2024, 3, 1), date(2023, 12, 31))
    assert w["current"] is None and "pas encore commencé" in w["summary"]
    forced = replace(get_regime("bruxelles-2004"), forced=True)  # as `--regime bruxelles-2004` passes it (D4)
    on_the_day = documents.agrement_periods(forced, date(2020, 9, 1), date(2020, 9, 1))
    assert on_the_day["current"]["start"] == "2020-09-01" and not on_the_day["not_started"]


def test_agrement_periods_chain_the_brussels_regimes():
    """Brussels, date_agrement 2017-03-01. The report 2020 said « Agrément initial (5 ans) : du 1 mars 2017 au
    28 février 2022 » and the application of 2026 « Renouvellement n° 1 (5 ans) : du 1 mars 2022 au 28 février
    2027 »: bruxelles-2018's 5-year mandate counted from date_agrement. Regime by regime now:
    - bruxelles-2004 (to 2019-01-31), 4-year agrément from date_agrement (rules.md §5.8): 2017-03-01 + 4 years
      − 1 day = 2021-02-28, running on 2018-12-31;
    - bruxelles-2018 (from 2019-02-01), 5-year mandates of one cohort renewed 2025-01-01 (rules.md §6):
      2025-01-01 + 5 years − 1 day = 2029-12-31, running on 2026-06-30;
    - 2019-02-01 … 2024-12-31: the cohort's earlier dates are not found, so no mandate is established on
      2020-12-31; the 2004 period left running (2017-03-01 … 2021-02-28) is said as such, not as current."""
    r04, r18, start = get_regime("bruxelles-2004"), get_regime("bruxelles-2018"), date(2017, 3, 1)
    a = documents.agrement_periods(r04, start, date(2018, 12, 31))
    assert a["current"] == {"label": "Agrément initial", "start": "2017-03-01", "end": "2021-02-28", "years": 4,
                            "regime": "bruxelles-2004"}
    b = documents.agrement_periods(r18, start, date(2020, 12, 31))
    assert b["current"] is None
    assert b["summary"].startswith("Mandat d'insertion non établi à cette date")
    assert "renouvellement du 1er janvier 2025" in b["summary"] and "du 1er mars 2017 au 28 février 2021" in b["summary"]
    assert [(p["start"], p["end"]) for p in b["periods"]] == [("2017-03-01", "2021-02-28")]
    assert "régime bruxelles-2004, en vigueur jusqu'au 31 janvier 2019" in b["periods"][0]["label"]
    c = documents.agrement_periods(r18, start, date(2026, 6, 30))
    assert (c["current"]["start"], c["current"]["end"], c["current"]["years"]) == ("2025-01-01", "2029-12-31", 5)
    assert c["summary"] == ("Mandat d'insertion de la cohorte du 1er janvier 2025 (5 ans) : du 1er janvier 2025 au "
                            "31 décembre 2029")
    assert "2022" not in " ".join(str(p) for p in c["periods"])  # no 5-year period counted from 2017-03-01


def test_agrement_granted_before_the_2016_decree_gets_no_2016_periods():
    """Wallonia, date_agrement 2010-03-15 (under wallonie-2003). The report 2017 read « Premier agrément : du 15 mars
    2010 au 14 mars 2012 · Renouvellement : du 15 mars 2012 au 14 mars 2016 · Agrément à durée indéterminée : du
    15 mars 2016 » (2010-03-15 + 2 years − 1 day, + 4 years − 1 day): the 2/4/indefinite sequence of the 2016
    decree, applicable from 2017-06-30 only (rules.md §1, §3.8), counted from an agrément the 2003 decree granted,
    whose duration is not found (§4) and for which no transitional provision is known. No period is counted; the
    summary names the regime of the grant and says the situation under wallonie-2016 is not established — in the
    report of 2017 (judged by wallonie-2016) and in an application for 2012 (judged by wallonie-2003, the periods
    then running on the day it is produced, 2026). An agrément of 2015-09-01 (Walloon 2013–2017 gap, no shipped
    regime) likewise. One granted on 2017-06-30 keeps its periods (2 years − 1 day: 2019-06-29). A forced
    wallonie-2016 (D4) is a simulation counted from date_agrement only on a day it is not in force (2016-12-31:
    2010-03-15 + 2 years, + 4 years → indefinite from 2016-03-15); on 2017-12-31, in force, it reads as
    unforced (test_agrement_periods_forced_regime_in_force_is_not_a_simulation)."""
    r16, r03, start = get_regime("wallonie-2016"), get_regime("wallonie-2003"), date(2010, 3, 15)
    for regime, on in ((r16, date(2017, 12, 31)), (r03, date(2026, 11, 30))):
        a = documents.agrement_periods(regime, start, on)
        assert a["current"] is None and a["periods"] == []
        assert a["summary"].startswith("Agrément accordé le 15 mars 2010 sous le régime antérieur (wallonie-2003) ; "
                                       "sa durée et sa situation sous le régime wallonie-2016 — Décret du 20 octobre 2016")
        assert "appliqué depuis le 30 juin 2017 — ne sont pas établies" in a["summary"]
    gap = documents.agrement_periods(r16, date(2015, 9, 1), date(2018, 12, 31))
    assert gap["periods"] == [] and "sous un régime antérieur qu'ei ne fournit pas" in gap["summary"]
    on_the_day = documents.agrement_periods(r16, date(2017, 6, 30), date(2018, 12, 31))
    assert (on_the_day["current"]["label"], on_the_day["current"]["end"]) == ("Premier agrément", "2019-06-29")
    forced = documents.agrement_periods(replace(r16, forced=True), start, date(2016, 12, 31))
    assert (forced["current"]["label"], forced["current"]["start"]) == ("Agrément à durée indéterminée", "2016-03-15")


def test_agrement_periods_forced_regime_in_force_is_not_a_simulation():
    """Wallonia, date_agrement 2010-03-15 (under wallonie-2003), report 2017 with the workbook's `regime =
    wallonie-2016` — the regime in force on 2017-12-31 (from 2017-06-30, rules.md §1). It read « Agrément à durée
    indéterminée : du 15 mars 2016 » (2010-03-15 + 2 years + 4 years: the 2016 decree's sequence, §3.8, counted
    from a 2003 agrément) while the same workbook without the field read « Agrément accordé le 15 mars 2010 sous
    le régime antérieur (wallonie-2003) … ne sont pas établies », and its employment checks already judged it as
    unforced (`rules.common.obligations_start`). One reading: a forced regime in force on the day asked is not
    a simulation — the same periods and summary as unforced."""
    r16, start, on = get_regime("wallonie-2016"), date(2010, 3, 15), date(2017, 12, 31)
    forced = documents.agrement_periods(replace(r16, forced=True), start, on)
    assert forced == documents.agrement_periods(r16, start, on)
    assert forced["periods"] == [] and forced["summary"].startswith("Agrément accordé le 15 mars 2010 sous le "
                                                                    "régime antérieur (wallonie-2003)")


def test_agrement_mandate_cohort_is_a_regime_parameter(tmp_path):
    """The cohort date comes from bruxelles-2018's `agrement.mandate_cohort_start` (secondary source, rules.md
    §6), cited under « Durées ». Moved to 2026-01-01, the mandate running on 2026-06-30 is 2026-01-01 + 5
    years − 1 day = 2030-12-31; joined after the cohort's date (date_agrement 2027-04-01), the mandate runs
    from that day to the cohort's end, 2030-12-31."""
    value = get_regime("bruxelles-2018").value("agrement.mandate_cohort_start", date(2025, 1, 1))
    assert (value.value, value.confidence) == (date(2025, 1, 1), "secondary")
    moved = regime_with("bruxelles-2018", tmp_path, {"agrement.mandate_cohort_start": ("2025-01-01", "2026-01-01")})
    a = documents.agrement_periods(moved, date(2017, 3, 1), date(2026, 6, 30))
    assert (a["current"]["start"], a["current"]["end"]) == ("2026-01-01", "2030-12-31")
    assert value.cite() in a["references"]
    late = documents.agrement_periods(moved, date(2027, 4, 1), date(2027, 6, 30))
    assert (late["current"]["start"], late["current"]["end"]) == ("2027-04-01", "2030-12-31")


def test_cli_brussels_reports_say_the_mandate_of_the_cohort(capsys, tmp_path):
    """`ei report annual ei-bruxelles.xlsx` (date_agrement 2020-09-01, under bruxelles-2018): 2025 read
    « Agrément initial (5 ans) : du 1 septembre 2020 au 31 août 2025 »; it is the cohort's mandate,
    2025-01-01 … 2029-12-31. 2021 comes before the cohort's known date: not established."""
    out = tmp_path / "r.md"
    code, _, err = run_cli(capsys, "report", "annual", BRUXELLES, "--year", 2025, "-o", out)
    assert code in (0, 1), err
    text = text_of(out)
    assert "Mandat d'insertion de la cohorte du 1er janvier 2025 (5 ans) : du 1er janvier 2025 au 31 décembre 2029" in text
    assert "31 août 2025" not in text
    out = tmp_path / "r2021.md"
    code, _, err = run_cli(capsys, "report", "annual", BRUXELLES, "--year", 2021, "-o", out)
    assert code in (0, 1), err
    assert "Mandat d'insertion non établi à cette date" in text_of(out)


def test_the_enterprise_check_is_named_after_what_its_regime_judges():
    """Brussels has no size test (rules.md §5.5): bruxelles-2004 judges the 10 % encadrement share (§5.6) and
    the legal form; bruxelles-2018 judges nothing established. Only the Walloon rule is about size."""
    labels = {r: documents.check_labels(get_regime(r))["enterprise"]
              for r in ("wallonie-2016", "wallonie-2003", "bruxelles-2004", "bruxelles-2018")}
    assert labels == {"wallonie-2016": "Taille et forme de l'entreprise",
                      "wallonie-2003": "Taille et forme de l'entreprise",
                      "bruxelles-2004": "Encadrement et forme de l'entreprise",
                      "bruxelles-2018": "Conditions de l'entreprise"}
    assert list(documents.check_labels(get_regime("bruxelles-2004"))) == list(documents.CHECK_LABELS)


@pytest.mark.parametrize("fmt", ["md", "docx"])
def test_cli_brussels_annual_report_has_no_size_row(capsys, tmp_path, fmt):
    """`ei report annual ei-bruxelles.xlsx --year 2025 --regime bruxelles-2004` printed the row and section
    « Taille et forme de l'entreprise : conforme — encadrement … » though Brussels has no size test (rules.md
    §5.5). They read « Encadrement et forme de l'entreprise », the label passed by the code (the shipped .docx
    unchanged); the Walloon report keeps « Taille et forme de l'entreprise »."""
    out = tmp_path / f"b.{fmt}"
    code, _, err = run_cli(capsys, "report", "annual", BRUXELLES, "--year", YEAR, "--regime", "bruxelles-2004",
                           "-o", out)
    assert code in (0, 1), err
    text = text_of(out)
    assert text.count("Encadrement et forme de l'entreprise") >= 2 and "Taille" not in text
    out = tmp_path / f"w.{fmt}"
    code, _, err = run_cli(capsys, "report", "annual", WALLONIE, "--year", YEAR, "-o", out)
    assert code in (0, 1), err
    assert "Taille et forme de l'entreprise" in text_of(out)


@pytest.mark.parametrize("fmt", documents.FORMATS)
def test_cli_annual_report_before_the_agrement(capsys, tmp_path, fmt):
    """The same through `ei report annual ei-bruxelles.xlsx --year 2018 --regime bruxelles-2004`, every format."""
    out = tmp_path / f"r.{fmt}"
    code, _, err = run_cli(capsys, "report", "annual", BRUXELLES, "--year", 2018, "--regime", "bruxelles-2004",
                           "-o", out)
    assert code == 0, err
    text = text_of(out)
    assert "Agrément au 31 décembre 2018" in text and "pas encore commencé à cette date" in text
    assert "Agrément initial" not in text and "Agrément en cours" not in text


@pytest.mark.parametrize("fmt", documents.FORMATS)
def test_checks_before_the_agrement_read_non_applicable(capsys, tmp_path, fmt):
    """A year before the agrément (ei-bruxelles.xlsx 2018, agrément 2020-09-01): the quota, wage tension,
    employment and follow-up checks carry `applicable: false` (`ei check` prints « non applicable »), but
    the documents printed « indéterminé » for them, and « En bref » read « 1 / 6 obligations respectées ».
    They now print « non applicable », and « En bref » says no obligation of the agrément applies
    (`rules.dashboard.nothing_applies`), with no count."""
    out = tmp_path / f"r.{fmt}"
    code, _, err = run_cli(capsys, "report", "annual", BRUXELLES, "--year", 2018, "--regime", "bruxelles-2004",
                           "-o", out)
    assert code == 0, err
    text = squash(text_of(out)).replace("*", "")
    for label in ("Quota de public cible", "Tension salariale", "Conditions d'emploi", "Suivi social"):
        assert re.search(re.escape(label) + r"\W*non applicable", text), label
        assert not re.search(re.escape(label) + r"\W*indéterminé", text), label
    for section in ("Aucune année d'agrément dans la période", "la période se termine avant l'agrément"):
        assert re.search(r"non applicable\W*" + re.escape(section), text), section
    assert "non applicable : la période" not in text  # the verdict once, not in the key figure again
    assert "aucune obligation de l'agrément ne s'applique à cette période" in text
    assert "obligations respectées" not in text
    if fmt == "md":  # the paragraph ends where it did: a block tag at the end of a line ate its newline
        assert "à cette période.\n\n## 1. Identité" in out.read_text(encoding="utf-8")


def test_en_bref_counts_only_the_checks_that_apply():
    """Six checks: eligibility conforme (information, not an obligation: not counted), quota conforme,
    wages not applicable, employment non conforme, enterprise indéterminé, follow-up conforme → 2 respected
    (quota, follow-up) of the 4 obligations that apply, 1 undetermined (enterprise).
    When every obligation (quota, wages, employment, follow-up) is not applicable, none applies, whatever
    the eligibility and enterprise checks say."""
    def view(name, compliant, applicable=True):
        return {"name": name, "compliant": compliant, "applicable": applicable}

    checks = [view("eligibility", True), view("quota", True), view("wages", None, False),
              view("employment", False), view("enterprise", None), view("follow_up", True)]
    assert documents.obligations_summary(checks) == {"respected": 2, "applicable": 4, "undetermined": 1,
                                                     "none_applies": False}
    before = [view("eligibility", True), view("enterprise", True)] + \
        [view(n, None, False) for n in ("quota", "wages", "employment", "follow_up")]
    assert documents.obligations_summary(before)["none_applies"] is True
    assert documents.fmt_verdict(None, False) == "non applicable" and documents.fmt_verdict(None) == "indéterminé"
    assert documents.fmt_verdict(True, True) == "conforme" and documents.fmt_verdict(False) == "non conforme"


def test_application_budget_follows_the_regime():
    """Wallonia: budget of the current year (offset 0); Brussels 2004: business plan of the next year.
    The financial plan covers agrement.application_financial_plan_years = 3 years from that year (rules.md
    §4.8 « plan financier sur 3 ans », seed only; §5.8 AGRBC 22.12.2004 art. 2, 7°, verified), cited."""
    w = documents.application_budget(get_regime("wallonie-2016"), date(2026, 11, 23))
    assert w["year"] == 2026 and w["plan_years"] == [2026, 2027, 2028]
    assert w["plan_title"] == "Plan financier sur trois ans"
    b = documents.application_budget(get_regime("bruxelles-2004"), date(2012, 2, 1))
    assert b["year"] == 2013 and "Plan d'affaires" in b["label"] and b["plan_years"] == [2013, 2014, 2015]
    assert "art. 2, 7°" in b["plan_reference"]
    w03 = documents.application_budget(get_regime("wallonie-2003"), date(2008, 5, 1))
    assert w03["plan_years"] == [2008, 2009, 2010] and "CES ULiège" in w03["plan_reference"]


def test_financial_plan_years_come_from_the_regime_file():
    """The plan's length is the regime parameter, not a figure of documents.py: the same regime with the
    parameter set to 2 gives two years (2026, 2027) and « sur deux ans »; without the parameter (Brussels
    2018, whose application contents rules.md does not give) no year is invented: no plan year, and the
    title says the length is not established."""
    regime = get_regime("wallonie-2016")
    key = "agrement.application_financial_plan_years"
    param = regime.param(key)
    two = replace(param, values=(replace(param.values[0], value=Decimal(2)),))
    shorter = replace(regime, parameters={**regime.parameters, key: two})
    budget = documents.application_budget(shorter, date(2026, 11, 23))
    assert budget["plan_years"] == [2026, 2027] and budget["plan_title"] == "Plan financier sur deux ans"
    outline = documents.application_budget(get_regime("bruxelles-2018"), date(2026, 11, 23))
    assert outline["plan_years"] == [] and "non établie" in outline["plan_title"]
    assert outline["plan_reference"] is None


def test_the_application_shows_the_plan_length_and_its_reference(tmp_path, capsys):
    """`ei report agrement` (Markdown) on the Walloon sample: section 8 is titled from the parameter
    (three years) and cites it; the table has three year columns."""
    out = tmp_path / "demande.md"
    code, _, err = run_cli(capsys, "report", "agrement", str(WALLONIE), "--year", str(YEAR), "-o", str(out))
    assert code == 0, err
    text = out.read_text(encoding="utf-8")
    section = text[text.index("## 8. Plan financier sur trois ans"):text.index("## 9.")]
    assert "Référence : Choix du projet ei" in section
    header = next(line for line in section.splitlines() if line.startswith("| Poste |"))
    assert header.count("|") == 5  # Poste + 3 years


def test_the_documents_date_and_the_applications_default_year_follow_periods_today(sample, tmp_path, capsys,
                                                                                   monkeypatch):
    """One notion of today (``periods.today``, which tests pin): the documents' `generated_on` and `ei report
    agrement`'s default year (the calendar year before today) read `date.today()`, the machine's date, whatever
    today was set to. Today 2028-02-10: generated on 2028-02-10, the application's year 2027."""
    from ei_cli import periods

    monkeypatch.setattr(periods, "today", lambda: date(2028, 2, 10))
    enterprise, regime = sample
    assert documents.document_context("annual", enterprise, regime, YEAR)[0]["document"]["generated_on"] == "2028-02-10"
    assert documents.document_context("agrement", enterprise, regime, YEAR)[0]["document"]["generated_on"] == "2028-02-10"
    out = tmp_path / "demande.md"
    code, _, err = run_cli(capsys, "report", "agrement", str(WALLONIE), "-o", str(out))
    # 2027 is over on 2028-02-10: its deadlines are judged on Personnel and Suivi, which stop in 2026 — the
    # quarters' interviews of 2027 are missing, « non conforme »: exit 1, the document written all the same.
    assert code == 1, err
    text = out.read_text(encoding="utf-8")
    assert "pour l'année 2027 ;" in text and "10 février 2028" in text


def test_staff_summary_by_hand():
    """Two workers in 2025: A full time all year (Paie 12 × 1.0), B half time from July (Paie 6 × 0.5).
    FTE = (12 × 1 + 6 × 0.5) / 12 = 15 / 12 = 1.25; B's average = 3 / 12 = 0.25."""
    a = Worker("A", date(2020, 1, 1), ContractType.CDI, Decimal(1), Function.PRODUCTION)
    b = Worker("B", date(2025, 7, 1), ContractType.CDI, Decimal("0.5"), Function.SUPERVISION)
    pay = [PayMonth("A", Month(2025, m), Decimal(1), Decimal(2000)) for m in range(1, 13)]
    pay += [PayMonth("B", Month(2025, m), Decimal("0.5"), Decimal(1200)) for m in range(7, 13)]
    e = Enterprise("X", Region.WALLONIE, date(2020, 1, 1), workers=(a, b), pay=tuple(pay))

    s = documents.staff_summary(e, Period.calendar_year(2025), CategoryReport({"A": "TD", "B": "not_target"}))
    assert s["fte"] == 1.25 and s["supervision_fte"] == 0.25 and s["target_fte"] == 1
    assert s["hires"] == 1 and s["heads_at_end"] == 2
    assert [w["name"] for w in s["workers"]] == [None, None]



def test_staff_summary_counts_a_person_on_concurrent_contracts_at_most_one_full_time():
    """One person (one national number) on A1 0,6 all 2025 and A2 0,6 from 2025-07-01 (Paie as typed: A1 12 ×
    0,6, A2 6 × 0,6), beside B full time all year (12 × 1). At most one full-time a day (whole months here), the earlier contract
    first (as the quota and the enterprise size): A2 min(1; 0,6 + 0,6) − 0,6 = 0,4 a month → A1 7,2 ÷ 12 =
    0,60, A2 2,4 ÷ 12 = 0,20, FTE = (12 + 7,2 + 2,4) ÷ 12 = 1,80 (added up as typed: (12 + 7,2 + 3,6) ÷ 12 =
    1,90); heads 2 persons."""
    a1, a2 = one_person(Worker("A1", date(2025, 1, 1), ContractType.CDI, Decimal("0.6"), Function.PRODUCTION),
                        Worker("A2", date(2025, 7, 1), ContractType.CDI, Decimal("0.6"), Function.PRODUCTION))
    b = Worker("B", date(2020, 1, 1), ContractType.CDI, Decimal(1), Function.PRODUCTION)
    pay = [PayMonth("B", Month(2025, m), Decimal(1), Decimal(2000)) for m in range(1, 13)]
    pay += [PayMonth("A1", Month(2025, m), Decimal("0.6"), Decimal(1200)) for m in range(1, 13)]
    pay += [PayMonth("A2", Month(2025, m), Decimal("0.6"), Decimal(1200)) for m in range(7, 13)]
    e = Enterprise("X", Region.WALLONIE, date(2020, 1, 1), workers=(a1, a2, b), pay=tuple(pay))
    s = documents.staff_summary(e, Period.calendar_year(2025), CategoryReport({"A1": "TD", "A2": "TD", "B": "TD"}))
    assert s["fte"] == 1.8 and s["heads"] == 2
    assert {w["worker_id"]: w["average_fte"] for w in s["workers"]} == {"A1": 0.6, "A2": 0.2, "B": 1}

def test_staff_summary_lists_the_workers_in_the_one_worker_order():
    """Ids 9, 10, 2, 1, 11 (in that row order), full time all 2025 (Paie 12 × 1.0): the document's list of
    workers goes 1, 2, 9, 10, 11 (``model.worker_order``; as text: 1, 10, 11, 2, 9), each at 12 ÷ 12 = 1 FTE."""
    ids = SHEET_IDS
    workers = tuple(Worker(w, date(2020, 1, 1), ContractType.CDI, Decimal(1), Function.PRODUCTION) for w in ids)
    pay = tuple(PayMonth(w, Month(2025, m), Decimal(1), Decimal(2000)) for w in ids for m in range(1, 13))
    e = Enterprise("X", Region.WALLONIE, date(2020, 1, 1), workers=workers, pay=pay)
    s = documents.staff_summary(e, Period.calendar_year(2025), CategoryReport({w: "TD" for w in ids}))
    assert [w["worker_id"] for w in s["workers"]] == IN_WORKER_ORDER and s["fte"] == 5


@pytest.mark.parametrize("fmt", ["md", "html", "docx"])
def test_the_staff_list_shows_the_contract_in_force_at_the_end_of_the_year(rendered, annual_ctx, fmt):
    """The sample's W07 (TGD, hired 2024-03-01 on a CDD, date_cdi 2024-08-01) read « CDD », the type at
    hire, in the 2025 staff list, beside the employment check saying every target worker is on a CDI within
    6 months. It reads « CDI (depuis le 01/08/2024) »; the type at hire stays in the context."""
    (w07,) = [w for w in annual_ctx["staff"]["workers"] if w["worker_id"] == "W07"]
    assert (w07["contract"], w07["contract_at_hire"], w07["open_ended_since"]) == \
        ("CDI (depuis le 01/08/2024)", "CDD", "2024-08-01")
    cells = re.sub(r"[ |]+", " ", text_of(rendered[("annual", fmt)]).replace("\\", ""))
    assert "W07 production CDI (depuis le 01/08/2024) 1,00 01/03/2024" in cells


def test_the_contract_in_force_is_that_of_the_end_of_the_period_or_of_the_exit():
    """A CDD hired 2025-01-01 turned CDI on 2025-09-01: « CDD » at the end of June, « CDI (depuis le
    01/09/2025) » at the end of 2025; left on 2025-08-31, before it, its staff line for 2025 reads « CDD »;
    a CDI from the hire, « CDI »."""
    cdd = Worker("A", date(2025, 1, 1), ContractType.CDD, Decimal(1), Function.PRODUCTION,
                 open_ended_since=date(2025, 9, 1))
    assert documents.contract_in_force(cdd, date(2025, 6, 30)).fr == "CDD"
    assert documents.contract_in_force(cdd, date(2025, 12, 31)).fr == "CDI (depuis le 01/09/2025)"
    assert documents.contract_in_force(cdd, date(2025, 12, 31)).en == "CDI (since 2025-09-01)"
    left = replace(cdd, worker_id="B", exit_date=date(2025, 8, 31))
    cdi = Worker("C", date(2020, 1, 1), ContractType.CDI, Decimal(1), Function.PRODUCTION)
    e = Enterprise("X", Region.WALLONIE, date(2020, 1, 1), workers=(cdd, left, cdi))
    s = documents.staff_summary(e, Period.calendar_year(2025), CategoryReport({"A": "TD", "B": "TD", "C": "TD"}))
    assert [(w["worker_id"], w["contract"], w["open_ended_since"]) for w in s["workers"]] == \
        [("A", "CDI (depuis le 01/09/2025)", "2025-09-01"), ("B", "CDD", None), ("C", "CDI", "2020-01-01")]


def test_staff_summary_counts_a_person_re_hired_under_a_new_id_once():
    """One person (niss 90040410148) employed as A1 (CDD 2025-01-01 … 06-30) then re-hired as A2 (CDI from
    2025-07-01), both TD production, and B (supervision, all year): 3 ids, 2 persons. The document's columns
    headed « Personnes » say 2 (production 1, TD 1, target 1), as the enterprise check's « 2 personnes
    occupées »; the hires stay contracts begun in 2025: A1 and A2, 2."""
    niss = "90040410148"
    a1 = replace(Worker("A1", date(2025, 1, 1), ContractType.CDD, Decimal(1), Function.PRODUCTION,
                        exit_date=date(2025, 6, 30)), national_number=niss)
    a2 = replace(Worker("A2", date(2025, 7, 1), ContractType.CDI, Decimal(1), Function.PRODUCTION),
                 national_number=niss)
    b = Worker("B", date(2020, 1, 1), ContractType.CDI, Decimal(1), Function.SUPERVISION)
    e = Enterprise("X", Region.WALLONIE, date(2020, 1, 1), workers=(a1, a2, b))

    report = CategoryReport({"A1": "TD", "A2": "TD", "B": "not_target"})
    s = documents.staff_summary(e, Period.calendar_year(2025), report)
    assert (s["heads"], s["heads_at_end"], s["target_heads"], s["supervision_heads"], s["hires"]) == (2, 2, 1, 1, 2)
    assert [f["heads"] for f in s["by_function"]] == [1, 1]  # production, encadrement
    assert [(c["category"], c["heads"]) for c in s["categories"]] == [("TD", 1), ("not_target", 1)]
    assert len(s["workers"]) == 3  # the list keeps every contract


def test_the_documents_count_an_art60_stint_and_the_ei_contract_that_follows_as_one_person():
    """Differential audit (annual report): R on art. 60 §7 as R0 (2024-11-01 … 2025-02-15), then hired by the EI as
    R1 (CDI from 2025-02-16), one national number, both production; D (direction, all year). Two interviews recorded
    under R0: 2025-01-10 (its stint) and 2025-03-10 (R1's contract running: R1 followed through it, the contract in
    force that day). The report read « Travailleurs occupés pendant l'année : 3 »,
    production 2 persons, « 2 » workers met in Q1, while the follow-up check says « 1 travailleur suivi »: the
    stint and the contract are one person (docs/interpretations.md « Interviews per quarter »). Now 2 heads
    (R and D), production 1, art. 60 heads 1, Q1: 2 interviews, 1 person met; the categories count the person
    under each status their rows carry (R0 not target, R1 TD: 1 and 1, D not target: « hors public cible » 2);
    the list keeps the 3 contracts."""
    from ei_cli.model import FollowUp, FollowUpType

    r0, r1 = one_person(Worker("R0", date(2024, 11, 1), ContractType.ART60, Decimal(1), Function.PRODUCTION,
                               exit_date=date(2025, 2, 15)),
                        Worker("R1", date(2025, 2, 16), ContractType.CDI, Decimal(1), Function.PRODUCTION))
    d = Worker("D", date(2020, 1, 1), ContractType.CDI, Decimal(1), Function.MANAGEMENT)
    e = Enterprise("EI", Region.WALLONIE, date(2020, 1, 1), workers=(d, r0, r1), follow_ups=(
        FollowUp("R0", date(2025, 1, 10), FollowUpType.INDIVIDUAL_INTERVIEW),
        FollowUp("R0", date(2025, 3, 10), FollowUpType.INDIVIDUAL_INTERVIEW)))
    year = Period.calendar_year(2025)
    s = documents.staff_summary(e, year, CategoryReport({"D": "not_target", "R0": "not_target", "R1": "TD"}))
    assert (s["heads"], s["heads_at_end"], s["art60_heads"], s["target_heads"]) == (2, 2, 1, 1)
    assert [(f["function"].split(" ")[0], f["heads"]) for f in s["by_function"]] == [("Production", 1),
                                                                                     ("Direction", 1)]
    assert {c["category"]: c["heads"] for c in s["categories"]} == {"TD": 1, "not_target": 2}
    assert len(s["workers"]) == 3
    summary = documents.follow_up_summary(e, year, StatusReport({"D": False, "R0": False}, default=True))
    assert summary["quarters"][0]["individual"] == 2 and summary["quarters"][0]["workers_met"] == 1
    assert (summary["target_workers_followed"], summary["target_workers"]) == (1, 1)


def test_the_follow_up_summary_of_a_year_in_progress_counts_the_staff_tables_target_workers(monkeypatch):
    """Differential audit (annual report): on 2026-12-01 with Paie to 2026-11 (current), the staff table measures
    2026 up to 2026-11-30 (``known_part``): A (TD, all year) is its 1 target worker. W (TGD) is hired on
    2026-12-25, after today: the follow-up section read « suivis : 1 sur 2 », W counted as a target worker not
    followed yet. Now « 1 sur 1 », the staff table's target workers."""
    from ei_cli import periods
    from ei_cli.model import FollowUp, FollowUpType, PayMonth
    from ei_cli.periods import Month

    monkeypatch.setattr(periods, "today", lambda: date(2026, 12, 1))
    a = Worker("A", date(2025, 1, 1), ContractType.CDI, Decimal(1), Function.PRODUCTION)
    w = Worker("W", date(2026, 12, 25), ContractType.CDI, Decimal(1), Function.PRODUCTION)
    pay = tuple(PayMonth("A", Month(2026, m), Decimal(1), Decimal(2000)) for m in range(1, 12))
    e = Enterprise("EI", Region.WALLONIE, date(2020, 1, 1), workers=(a, w), pay=pay, follow_ups=(
        FollowUp("A", date(2026, 3, 10), FollowUpType.INDIVIDUAL_INTERVIEW),))
    year = Period.calendar_year(2026)
    report = CategoryReport({"A": "TD", "W": "TGD"})
    assert documents.staff_summary(e, year, report)["target_heads"] == 1
    summary = documents.follow_up_summary(e, year, report)
    assert (summary["target_workers_followed"], summary["target_workers"]) == (1, 1)


def test_a_subsidy_lines_basis_in_the_documents_is_the_one_ei_subsidy_prints():
    """Wallonia 2003 (agrément 2008-01-01), a target worker hired 2010-01-01 at half time all year: 2010 is
    occupation year 1, 5 000 €/year × 0,5 FTE × 365 ÷ 365 days = 2 500,00 € (rules.md §4.7, D2). ``ei subsidy``'s
    basis reads « 365 jours · 0,50 ETP · taux 5 000,00 €/an »; the annual report's read « 01/01/2010 – 31/12/2010,
    année d'occupation 1 » only: its own labels rendered neither ``fte`` nor ``rate`` (and one, ``fte_years``, no
    rule emits). The document says the terminal's basis (``render.subsidy.basis_text``) after the days and the
    year, the terminal table's own columns."""
    from ei_cli.render.subsidy import basis_text
    from ei_cli.rules.subsidy import compute_subsidies

    w03 = get_regime("wallonie-2003")
    alice = Worker(worker_id="A", hire_date=date(2010, 1, 1), contract_type=ContractType.CDI, fte=Decimal("0.5"),
                   function=Function.PRODUCTION)
    pay = tuple(PayMonth("A", Month(2010, m), Decimal("0.5"), Decimal("1050"), Decimal("1400")) for m in range(1, 13))
    e = Enterprise(name="EI test", region=Region.WALLONIE, agrement_date=date(2008, 1, 1), workers=(alice,), pay=pay)
    result = compute_subsidies(e, w03, 2010, CategoryReport({"A": "target"}))
    (line,) = [x for x in result.lines if x.subsidy == "target_worker"]
    assert line.amount == Decimal("2500.00")
    (shown,) = [x for x in documents._subsidy_view(documents._plain(result.to_dict("fr")))["lines"]
                if x["subsidy"] == "target_worker"]
    assert shown["basis"] == "01/01/2010 – 31/12/2010 · année d'occupation 1 · 365 jours · 0,50 ETP · taux 5 000,00 €/an"
    assert shown["basis"].endswith(basis_text(line.basis, "fr"))


def test_french_formatting():
    assert squash(documents.fmt_eur(116369.38)) == "116 369,38 €"
    assert squash(documents.fmt_share(0.6278)) == "62,7 %"  # down, like rules.common.share_text
    assert documents.fmt_date("2026-07-15") == "15 juillet 2026"
    assert documents.fmt_month("2025-03") == "mars 2025"
    assert documents.fmt_number(None) == "—"


def test_the_first_of_a_month_is_1er_in_the_documents_dates(annual_ctx, tmp_path):
    """French writes the first day of a month as an ordinal: « 1er mars 2024 », « du 1er janvier 2025 »; babel's
    « long » format wrote « 1 mars 2024 » (the sample's agrément 2024-03-01, in the report's « Date d'agrément »
    and agrément period). Other days stay cardinal: « 2 mars 2024 », « 31 décembre 2025 »."""
    assert documents.fmt_date("2024-03-01") == "1er mars 2024"
    assert documents.fmt_date("2025-01-01") == "1er janvier 2025"
    assert documents.fmt_date("2024-03-02") == "2 mars 2024"
    assert documents.fmt_date("2025-12-31") == "31 décembre 2025"
    out = tmp_path / "r.md"
    documents.render_document("annual", annual_ctx, out)
    text = out.read_text(encoding="utf-8")
    assert "| Date d'agrément | 1er mars 2024 |" in text and "du 1er mars 2024 au 28 février 2026" in text
    assert not re.search(r"\b1 (janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|"
                         r"décembre) \d{4}", text)


def test_document_figures_round_half_up_like_ei_check():
    """2,125 average FTE (a full-timer, a 1/8 time, an encadrant: 1 + 0,125 + 1) read « 2,13 » in ``ei
    check-quota`` and the « En bref », « 2,12 » in the annual report's month rows and total: babel rounds
    half to even. Every figure is rounded half up before babel formats it: 2,125 → 2,13; 0,125 € → 0,13 €;
    2,5 heads → 3."""
    assert documents.fmt_number(Decimal("2.125")) == "2,13"
    assert documents.fmt_number(Decimal("2.135")) == "2,14"
    assert squash(documents.fmt_eur(Decimal("0.125"))) == "0,13 €"
    assert squash(documents.fmt_eur(Decimal("1234.565"))) == "1 234,57 €"
    assert documents.fmt_count(Decimal("2.5")) == "3"


@settings(max_examples=200, deadline=None)
@given(st.decimals(min_value=0, max_value=100000, places=4))
def test_document_figures_show_the_digits_of_ei_check(x):
    """One rounding for every figure: the documents' « nombre » and « euros » (babel, fr_BE) show the digits
    of ``number_text`` and ``euro_text`` (half up), grouping apart."""
    from ei_cli.rules.common import euro_text, number_text

    assert squash(documents.fmt_number(x)).replace(" ", "") == number_text(x)
    assert squash(documents.fmt_eur(x)) == squash(euro_text(x))


@settings(max_examples=200, deadline=None)
@given(st.decimals(min_value=0, max_value=3, places=6))
def test_document_shares_round_down_like_ei_check(x):
    """One rounding for every share: the documents' « pourcent » (babel, fr_BE) shows the same digits
    as rules.common.share_text, which rounds *down* (0,4998 → 49,9 %, never 50,0 %)."""
    from ei_cli.rules.common import share_text

    assert squash(documents.fmt_share(x)) == squash(share_text(x))
    assert squash(documents.fmt_share(float(x))) == squash(share_text(x))


@pytest.mark.parametrize("fmt", documents.FORMATS)
def test_a_quota_missed_by_a_hair_never_reads_as_reached(tmp_path_factory, capsys, fmt):
    """A target worker and a supervisor, both full time, except the target worker at 0,99 FTE in June
    2025. The agrément year holding 2025 (2025-03-01 … 2026-02-28, 12 months) requires 50 %: target
    12 − 0,01 = 11,99 FTE-months, total 11,99 + 12 = 23,99 → 11,99 / 23,99 = 0,49979 (JSON 0,4997,
    rounded down), not compliant. `ei check` says 49,9 %; the document said « 50,0 % (50,0 % requis) »
    beside « non conforme » (babel rounds to nearest). Every format now shows 49,9 %, never 50,0 %. The report
    exits 1: the quota it prints is not compliant (cli.md exit codes), the document written all the same."""
    from helpers_workbook import valid_sheets, write_workbook

    out = tmp_path_factory.mktemp("boundary")
    s = valid_sheets()
    s["Personnel"] = [s["Personnel"][0], s["Personnel"][1], s["Personnel"][3]]
    pay = [s["Paie"][0]]
    for y, m in [(2024, m) for m in range(1, 13)] + [(2025, m) for m in range(1, 13)] + [(2026, 1), (2026, 2)]:
        e = 0.99 if (y, m) == (2025, 6) else 1
        pay += [[1, date(y, m, 1), e, 2100 * e, 2900 * e], [3, date(y, m, 1), 1, 3100, 4200]]
    s["Paie"] = pay
    s["Suivi"] = [s["Suivi"][0]] + [[1, date(2025, m, 5), "entretien_individuel", 1] for m in (2, 5, 8, 11)]
    book = write_workbook(out / "boundary.xlsx", s)
    doc = out / f"r.{fmt}"
    code, _, err = run_cli(capsys, "report", "annual", book, "--year", YEAR, "-o", doc)
    assert code == 1, err
    text = text_of(doc)
    assert "49,9 % de public cible (50,0 % requis)" in text
    assert "50,0 % de public cible (50,0 % requis)" not in text
    assert re.search(r"Part atteinte \(public cible / total, en ETP\)\W*49,9 %", text)


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    idat = data.index(b"IDAT")
    length = struct.unpack(">I", data[idat - 4:idat])[0]
    raw = zlib.decompress(data[idat + 4:idat + 4 + length])
    assert len(raw) == height * (1 + 3 * width)
    return width, height


shares = st.one_of(st.none(), st.decimals(min_value=0, max_value=2, places=4).map(float))


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(shares, shares), min_size=0, max_size=14))
def test_charts_are_valid_for_any_months(rows):
    quota = {"months": [{"month": f"2025-{i % 12 + 1:02d}", "share": s, "required_share": r}
                        for i, (s, r) in enumerate(rows)]}
    assert _png_size(documents.quota_chart_png(quota, 300, 120)) == (300, 120)
    ElementTree.fromstring(documents.quota_chart_svg(quota))


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=40))
def test_markdown_escape_never_opens_a_cell_or_tag(value):
    escaped = documents.markdown_escape(value)
    assert "\n" not in escaped
    assert re.search(r"(?<!\\)(\\\\)*[|<>]", escaped) is None


def test_pdf_with_a_remote_image_renders_without_fetching_it(tmp_path, annual_ctx, monkeypatch):
    """A user's template pointing at the network: the fetcher refuses, WeasyPrint renders without it."""
    pytest.importorskip("weasyprint")
    refused = []
    real = documents._safe_url_fetcher

    def spy(allowed):
        fetcher = real(allowed)
        original = fetcher.fetch if hasattr(fetcher, "fetch") else fetcher

        def fetch(url, *args, **kwargs):
            try:
                return original(url, *args, **kwargs)
            except ValueError:
                refused.append(url)
                raise

        if hasattr(fetcher, "fetch"):
            fetcher.fetch = fetch
            return fetcher
        return fetch

    monkeypatch.setattr(documents, "_safe_url_fetcher", spy)
    (tmp_path / "annual.html.j2").write_text(
        '<html><body><img src="http://192.0.2.1/pixel.png"><p>{{ enterprise.name }}</p></body></html>',
        encoding="utf-8")
    out = tmp_path / "r.pdf"
    documents.render_document("annual", annual_ctx, out, tmp_path)
    assert out.read_bytes()[:5] == b"%PDF-"
    assert refused == ["http://192.0.2.1/pixel.png"]


@pytest.mark.parametrize("fmt", ["md", "html", "docx"])
def test_follow_up_counts_are_unknown_without_a_suivi_sheet(tmp_path, capsys, fmt):
    """A workbook without its optional Suivi sheet: the follow-up actions are not known. The annual
    report's follow-up counts show « — », not 0 (which reads as « no interview, no training »).

    The workbook (valid_sheets, Suivi removed): worker 1 (TD, hired 2022-01-10, full time, no exit)
    is the one target worker employed in 2025 — worker 2 left on 2024-06-30, worker 3 is a supervisor
    — so « Travailleurs du public cible suivis : — sur 1 »."""
    from helpers_workbook import valid_sheets, write_workbook

    s = valid_sheets()
    del s["Suivi"]
    book = write_workbook(tmp_path / "sans-suivi.xlsx", s)
    doc = tmp_path / f"r.{fmt}"
    code, _, err = run_cli(capsys, "report", "annual", book, "--year", YEAR, "-o", doc)
    assert code in (0, 1), err
    text = squash(text_of(doc))
    assert re.search(r"Travailleurs du public cible suivis\W*— sur 1", text), text
    assert re.search(r"Bilans personnels et professionnels\W*—", text)
    assert re.search(r"Bilans personnels et professionnels\W*0", text) is None
    assert re.search(r"1er trimestre 2025\W*—\W*—\W*—", text)


def test_quota_headline_takes_the_failing_year_when_the_latest_passes():
    """Agrément year 1 fails (0,0 % for 20 % required, 1,33 FTE missing), year 2 passes (62,7 % for
    30 %): the verdict is « non conforme », and the documents printed « 62,7 % pour 30,0 % requis — non
    conforme » beside it. The headline now holds the failing year's figures and its reasons."""
    quota = {"compliant": False, "summary": "…", "required_share": 0.3, "target_share": 0.627,
             "shortfall_fte": 0, "reasons": [{"text": "année 2"}],
             "agrement_years": [
                 {"agrement_year": 1, "compliant": False, "required_share": 0.2, "target_share": 0.0,
                  "target_fte": 0, "total_fte": 5, "shortfall_fte": 1.33, "reasons": [{"text": "année 1"}]},
                 {"agrement_year": 2, "compliant": True, "required_share": 0.3, "target_share": 0.627,
                  "target_fte": 3, "total_fte": 5, "shortfall_fte": 0, "reasons": [{"text": "année 2"}]}]}
    view = documents._quota_view(quota, Period.calendar_year(2025))
    assert (view["required_share"], view["target_share"], view["shortfall_fte"]) == (0.2, 0.0, 1.33)
    assert view["reasons"][0].startswith("année 1")


def test_a_quota_judged_month_by_month_shows_the_lowest_judged_share_not_the_average():
    """Brussels 2004 judges each month from day 100 (Q10): June at 1 / 7 = 14,2 %, the other months at 4 /
    10 — year average 38,4 %, « non conforme ». The documents printed « 38,4 % de public cible (30,0 %
    requis) » beside « non conforme »; they now show the share judged, the lowest month's 14,2 % (the
    JSON's target_share keeps the average, for information)."""
    year = {"agrement_year": 3, "compliant": False, "judged_on": "every_month", "required_share": 0.3,
            "target_share": 0.384, "lowest_judged_month": "2017-06", "lowest_judged_share": 0.142,
            "target_fte": 3.75, "total_fte": 9.75, "shortfall_fte": 1.58, "reasons": []}
    view = documents._quota_view({**year, "agrement_years": [year]}, Period.calendar_year(2017))
    assert view["target_share"] == 0.142 and view["agrement_years"][0]["target_share"] == 0.142
    averaged = {**year, "judged_on": "average"}
    assert documents._quota_view({**averaged, "agrement_years": [averaged]}, Period.calendar_year(2017))[
        "target_share"] == 0.384


@pytest.mark.parametrize("fmt", ("md", "html", "docx"))
def test_a_quota_judged_month_by_month_gives_that_months_fte_beside_its_share(annual_ctx, agrement_ctx, tmp_path,
                                                                               fmt):
    """Brussels 2004, judged each month from 2010-04-11 (the June-dip case of test_quota): N1, N2 all year, P
    (target) from April, N3 in June only. June: T 1 ÷ D 4 = 25,0 %, the lowest judged month (May, Jul–Dec
    1 ÷ 3 = 33,3 %). The documents printed « Part atteinte 25,0 % » beside the year's FTE, T 9 ÷ 12 = 0,75
    and D 34 ÷ 12 = 2,83 (months not judged included): they now give June's 1,00 / 4,00 and say
    « mois jugé le plus bas : 2010-06 ». The shortfall is June's: x = (0,3 × 4 − 1) ÷ (1 − 0,3) = 0,2 ÷ 0,7
    = 0,2857 → 0,29 (rounded up; the other judged months need none); the year's figures would give
    (0,3 × 2,8333 − 0,75) ÷ 0,7 = 0,14 → 0,15. The month is the document's own words, in its date style
    (review B, finding 7: « mois jugé le plus bas : juin 2010 », as its month table says « juin 2010 »), not
    the JSON's « 2010-06 »; the check's verdict line, quoted, keeps its own."""
    from test_quota import B04, _brussels_2004_june_dip

    from ei_cli.rules.quota import evaluate_quota

    e, statuses = _brussels_2004_june_dip()
    quota = documents._plain(evaluate_quota(e, B04, Period.calendar_year(2010), statuses).to_dict("fr"))
    assert (quota["target_fte"], quota["total_fte"]) == (0.75, 2.8333)  # the year's
    view = documents._quota_view(quota, Period.calendar_year(2010))
    assert (view["target_fte"], view["total_fte"], view["shortfall_fte"]) == (1, 4, 0.29)
    assert (view["target_share"], view["share_month"]) == (0.25, "2010-06")
    assert view["agrement_years"][0]["share_month"] == "2010-06"
    # Paie up to March only: no month judged yet — no share, no month, no FTE (not the year's 0 / 2).
    e, statuses = _brussels_2004_june_dip(until="2010-03", dip=False)
    early = documents._plain(evaluate_quota(e, B04, Period.calendar_year(2010), statuses).to_dict("fr"))
    early_view = documents._quota_view(early, Period.calendar_year(2010))
    assert [early_view[k] for k in ("target_share", "share_month", "target_fte", "total_fte")] == [None] * 4
    out = tmp_path / f"annual.{fmt}"
    documents.render_document("annual", {**annual_ctx, "quota": view}, out)
    text = text_of(out).replace("*", "")
    assert re.search(r"Part atteinte \(public cible / total, en ETP\)\W*25,0 % \(mois jugé le plus bas : juin 2010\)",
                     text)
    assert re.search(r"ETP public cible / ETP total \(juin 2010\)\W*1,00 / 4,00", text)
    assert re.search(r"ETP de public cible manquants \(mois le plus déficitaire\)\W*0,29", text)
    assert re.search(r"31/12/2010\W*30,0 %\W*25,0 % \(mois jugé le plus bas : juin 2010\)", text)  # years table
    assert "0,75 / 2,83" not in text and "le plus bas : 2010-06" not in text
    if fmt == "md":  # each figure on its own line (a block tag at the end of a line eats its newline)
        assert "juin 2010)\n- ETP public cible / ETP total (juin 2010)" in out.read_text(encoding="utf-8")
    assert "25,0 % de public cible (mois jugé le plus bas : juin 2010 ; 30,0 % requis)" in text
    out = tmp_path / f"agrement.{fmt}"
    documents.render_document("agrement", {**agrement_ctx, "quota": view}, out)
    assert "25,0 % (mois jugé le plus bas : juin 2010) pour 30,0 % requis" in text_of(out)


def test_a_quota_judged_otherwise_keeps_the_years_figures_and_names_no_month(sample):
    """Walloon sample 2025 (agrément year judged on its average): the FTE beside the share are the year's,
    as before, and no month is named."""
    from ei_cli.rules.eligibility import assess_eligibility
    from ei_cli.rules.quota import evaluate_quota

    enterprise, regime = sample
    period = Period.calendar_year(YEAR)
    result = evaluate_quota(enterprise, regime, period, assess_eligibility(enterprise, regime))
    quota = documents._plain(result.to_dict("fr"))
    assert quota["judged_on"] != "every_month"
    view = documents._quota_view(quota, period)
    assert view["share_month"] is None and all(y["share_month"] is None for y in view["agrement_years"])
    assert (view["target_fte"], view["total_fte"]) == (quota["target_fte"], quota["total_fte"])


def test_follow_up_counts_only_actions_within_the_employment():
    """T hired 2025-03-01: an interview dated 2025-01-15 and a training dated 2025-02-01 (before the hire)
    were counted in the annual report (T1: 1 interview), while the follow-up check does not count them.
    Only the 2025-05-10 interview counts: T1 0, T2 1."""
    from ei_cli.model import FollowUp, FollowUpType

    t_ = Worker("T", date(2025, 3, 1), ContractType.CDI, Decimal(1), Function.PRODUCTION)
    e = Enterprise("EI", Region.WALLONIE, date(2020, 1, 1), workers=(t_,), follow_ups=(
        FollowUp("T", date(2025, 1, 15), FollowUpType.INDIVIDUAL_INTERVIEW),
        FollowUp("T", date(2025, 2, 1), FollowUpType.TRAINING),
        FollowUp("T", date(2025, 5, 10), FollowUpType.INDIVIDUAL_INTERVIEW)))

    summary = documents.follow_up_summary(e, Period.calendar_year(2025), StatusReport({}, default=True))
    assert [q["individual"] for q in summary["quarters"]] == [0, 1, 0, 0]
    assert summary["trainings"] == 0 and summary["target_workers_followed"] == 1



def test_follow_up_summary_counts_persons_as_the_staff_summary_does():
    """One person under two ids (A1 and A2, same national number, two concurrent contracts from 2025-01-01),
    and B, all target public. An interview for A1 on 2025-02-05 and one for A2 on 2025-03-10; none for B.
    The staff summary counts 2 persons; the follow-up summary counted ids: 3 target workers, 2 followed,
    2 met in Q1 — « 2 » beside « suivis : 2 sur 3 » for two people. By person: 2 target workers (A, B),
    1 followed (A, under either id), Q1: 2 interviews, 1 person met."""
    from ei_cli.model import FollowUp, FollowUpType

    x = "90010110123"
    a1, a2, b = (replace(Worker(wid, date(2025, 1, 1), ContractType.CDI, Decimal("0.5"), Function.PRODUCTION),
                         national_number=n) for wid, n in (("A1", x), ("A2", x), ("B", "91010110245")))
    e = Enterprise("EI", Region.WALLONIE, date(2020, 1, 1), workers=(a1, a2, b), follow_ups=(
        FollowUp("A1", date(2025, 2, 5), FollowUpType.INDIVIDUAL_INTERVIEW),
        FollowUp("A2", date(2025, 3, 10), FollowUpType.INDIVIDUAL_INTERVIEW)))

    period = Period.calendar_year(2025)
    assert e.persons(w for w in e.workers if w.employed_in(period)) == 2
    summary = documents.follow_up_summary(e, period, StatusReport({}, default=True))
    assert (summary["target_workers_followed"], summary["target_workers"]) == (1, 2)
    assert summary["quarters"][0] == {"quarter": "1er trimestre 2025", "individual": 2, "collective": 0, "workers_met": 1}


def test_follow_up_summary_counts_an_action_held_while_the_person_is_employed_under_any_id():
    """A on a CDD as A1 (2025-01-01 … 03-31), then on a CDI as A2 from 2025-04-01 (same national number). An
    interview recorded under A2 on 2025-02-10 (A1's contract running) and one under A1 on 2025-07-10 (A2's):
    the follow-up check counts both (the person is employed under one of their ids); the report judged each
    id alone and counted neither, « as the follow-up check counts them ». Now Q1: 1, Q3: 1, A followed."""
    from ei_cli.model import FollowUp, FollowUpType

    a1, a2 = one_person(Worker("A1", date(2025, 1, 1), ContractType.CDD, Decimal(1), Function.PRODUCTION,
                               exit_date=date(2025, 3, 31)),
                        Worker("A2", date(2025, 4, 1), ContractType.CDI, Decimal(1), Function.PRODUCTION))
    e = Enterprise("EI", Region.WALLONIE, date(2020, 1, 1), workers=(a1, a2), follow_ups=(
        FollowUp("A2", date(2025, 2, 10), FollowUpType.INDIVIDUAL_INTERVIEW),
        FollowUp("A1", date(2025, 7, 10), FollowUpType.INDIVIDUAL_INTERVIEW)))
    summary = documents.follow_up_summary(e, Period.calendar_year(2025), StatusReport({}, default=True))
    assert [q["individual"] for q in summary["quarters"]] == [1, 0, 1, 0]
    assert (summary["target_workers_followed"], summary["target_workers"]) == (1, 1)

def test_an_application_for_a_future_agrement_judges_the_conditions(sample):
    """An application (agrément on 2027-01-01, figures of 2025): the checks read « non applicable : la
    période se termine avant l'agrément », where the applicant needs the verdicts. They are judged, as
    what the workbook shows of the conditions; the wage tension of the Walloon sample is compliant."""
    future = replace(sample[0], agrement_date=date(2027, 1, 1))
    regime, _ = select_regime(future, Period.calendar_year(2025))
    ctx = documents.document_context("agrement", future, regime, 2025, generated_on=date(2026, 11, 30))[0]
    checks = {c["name"]: c for c in ctx["checks"]}
    assert all("non applicable" not in (c.get("summary") or "") for c in ctx["checks"])
    assert checks["wages"]["compliant"] is True
    # The quota has no agrément year then (`applicable: false` in its JSON): the application, which
    # judges the conditions, keeps « indéterminé » for it — no verdict of it reads « non applicable ».
    assert all(c["applicable"] for c in ctx["checks"]) and ctx["quota"]["applicable"]
    assert checks["quota"]["compliant"] is None
    for fmt in ("md", "html"):
        text = documents.render_text("agrement", fmt, ctx)
        assert "non applicable" not in text and "Quota de public cible" in text


def test_an_incomplete_subsidy_total_is_said_under_the_total():
    """`complete: false` (a subsidy not computed, a line not claimable as is): the documents printed
    « 0,00 € de subventions » or a total with no word of it. The view's `incomplete` says the total is
    incomplete (printed right under the Total row), not a note; a complete result has none; the Brussels
    2018 compensation has its label."""
    view = documents._subsidy_view({"complete": False, "total": 0, "totals": {"compensation": 0}, "lines": []})
    assert view["incomplete"].startswith("Total incomplet : une partie des subventions n'a pas pu être calculée")
    assert not view["notes"]
    assert view["totals"][0]["label"] == "Compensation du mandat"
    assert not documents._subsidy_view({"complete": True, "total": 0, "totals": {}, "lines": []})["incomplete"]


# --------------------------------------------------------------------------------- legal basis of every decision
CHECK_SECTIONS = ("eligibility", "quota", "wages", "employment", "enterprise", "follow_up")


def shows(text: str, fmt: str, value: str) -> bool:
    """``value`` is printed in the document's ``text``: Markdown-escaped in a .md (``date\\_cdi``); in a
    PDF, whose extracted lines may break after a « / », whatever the spaces."""
    if fmt == "md":
        value = str(documents.markdown_escape(value))
    if fmt == "pdf":  # a page break inside the value leaves the page's footer (bullets, « page 7 / 8 ») in it
        text = re.sub(r"(?:•\s*)*page \d+ / \d+", "", text)
        return re.sub(r"\s", "", value) in re.sub(r"\s", "", text)
    return squash(value) in text


@pytest.mark.parametrize("kind,fmt", ALL)
def test_every_check_gives_its_reasons_with_their_references(rendered, annual_ctx, agrement_ctx, kind, fmt):
    """Every verdict printed says why and on which text (`ei check --explain`'s reasons, each with its
    reference, ``_reason_text``). Only the quota and the wage tension did: the annual report's employment
    conditions (§6), follow-up (§7), target public and enterprise size (§2) showed a bare verdict in some
    or all formats, the application only the quota's basis. E.g. the Walloon follow-up rests on « SPW
    Économie, « L'accompagnement social » (mandat SIEG, décret du 20.10.2016), tâche 1 »; the CDI within 6
    months on the Atout EI presentation (source documents only); the turnover ceiling on Recommendation
    2003/361/CE (inferred)."""
    ctx = annual_ctx if kind == "annual" else agrement_ctx
    text = text_of(rendered[(kind, fmt)])
    checks = {c["name"]: c for c in ctx["checks"]}
    assert set(checks) == set(CHECK_SECTIONS)
    for name, check in checks.items():
        reasons = ctx["quota"]["reasons"] if name == "quota" else check["reasons"]
        assert reasons, name
        for reason in reasons:
            assert shows(text, fmt, reason), (name, reason)
    assert shows(text, fmt, "Au moins 1 entretien individuel ou collectif par trimestre civil d'occupation, pour "
                 "chaque travailleur TD/TGD et article 60 §7. (SPW Économie, « L'accompagnement social » (mandat "
                 "SIEG, décret du 20.10.2016), tâche 1)")
    assert shows(text, fmt, "Et travaille au moins à 0,5 etp : etp contractuel (feuille Personnel), pas l'etp "
                 "payé du mois. (Atout EI, présentation du décret du 20.10.2016 (document source 000) "
                 "; documents sources seulement)")
    assert re.search(r"Chiffre d'affaires : 1 215 000 € ≤ 50 000 000 €\. \(Recommandation 2003/361/CE "
                     r"\(définition des PME\), annexe I du RGEC ; déduit par interprétation\)", text)
    assert "Durées : Atout EI, « Agrément Région wallonne »" in text  # the agrément periods' basis


@pytest.mark.parametrize("fmt", documents.FORMATS)
def test_each_subsidy_says_which_texts_it_rests_on(rendered, annual_ctx, fmt):
    """The subsidy table showed amounts and notes but no legal reference, and the template data had none
    to show. Each line and unknown entry now carries its reference (and its reasons), and under the table
    « Références » lists, per subsidy, each text its lines rest on once, with the confidence the reader
    must be told about: the Walloon TD/TGD subsidy rests on the SPW Économie page, the AGW of 24 May 2017
    (its periodic rate not found) and, for the net increase in employment of hires since 18.10.2018, on
    GBER art. 32(3) (secondary source). The de minimis note gives its source too."""
    subsidies = annual_ctx["subsidies"]
    target = [line for line in subsidies["lines"] if line["subsidy"] == "target_worker"]
    spw = "SPW Économie, page « Entreprise d'insertion » (décret du 20.10.2016)"
    assert target and all(line["reference"] == spw for line in target)
    assert all(line["reasons"] for line in subsidies["lines"])
    refs = {k["subsidy"]: k["references"] for k in subsidies["references"]}
    assert set(refs) == {"target_worker", "social_accompaniment"}
    assert refs["target_worker"][0] == spw
    assert "Règlement (UE) n° 651/2014 (RGEC), art. 32(3) (source secondaire)" in refs["target_worker"]
    assert any(r.startswith("AGW du 24 mai 2017") and r.endswith("(non trouvé)") for r in refs["target_worker"])
    assert len(refs["target_worker"]) == len(set(refs["target_worker"]))

    text = text_of(rendered[("annual", fmt)])
    assert "Références :" in text
    for k in subsidies["references"]:
        assert shows(text, fmt, f"{k['label']} : {' ; '.join(k['references'])}.")
    assert shows(text, fmt, "Règlement (UE) n° 651/2014 (RGEC), art. 32(3) (source secondaire)")
    assert shows(text, fmt, "pour vérifier le plafond. (Atout EI, « Subvention liée aux principes de l'économie "
                            "sociale » ; source secondaire)")


@pytest.mark.parametrize("fmt", ["md", "html", "docx"])
def test_unknown_subsidies_and_conditions_give_their_references(annual_ctx, tmp_path, fmt):
    """A subsidy not computed (Brussels 2018's mandate compensation, D7) names its text in « Références »;
    a condition every subsidy depends on (Brussels 2004: supervision staff ≥ 10 % of the non-target staff,
    art. 13, §3, 2°) is printed with its verdict and reasons — the documents printed neither."""
    ctx = dict(annual_ctx)
    ctx["subsidies"] = documents._subsidy_view({
        "complete": False, "total": 0, "totals": {},
        "lines": [],
        "unknown": [{"subsidy": "compensation", "worker_id": None, "reason": "Non établi (D7).",
                     "reference": "AGRBC du 16 mai 2019 relatif au mandat"}],
        "conditions": [{"name": "supervision_share", "compliant": False,
                        "summary": "Encadrement : 1,00 ETP pour 12,00 ETP hors public cible (8,3 %, minimum 10,0 %)",
                        "reasons": [{"text": "Subventions octroyées seulement si ce personnel atteint la part "
                                             "minimale.", "reference": "Ordonnance du 18 mars 2004, art. 13, §3, 2",
                                     "confidence": "verified"}]}]})
    assert ctx["subsidies"]["unknown"][0]["reference"] == "AGRBC du 16 mai 2019 relatif au mandat"
    out = tmp_path / f"r.{fmt}"
    documents.render_document("annual", ctx, out)
    text = text_of(out)
    assert "Compensation du mandat : AGRBC du 16 mai 2019 relatif au mandat." in text
    assert re.search(r"Condition des subventions : \**non conforme\** — Encadrement : 1,00 ETP pour 12,00 ETP hors "
                     r"public cible \(8,3 %, minimum 10,0 %\)", text)
    assert ("Subventions octroyées seulement si ce personnel atteint la part minimale. (Ordonnance du 18 mars 2004, "
            "art. 13, §3, 2)") in text


def test_the_shipped_docx_templates_are_those_the_script_writes(tmp_path):
    """templates/*.docx are generated by templates/make_docx_templates.py, never edited by hand: the
    shipped files hold what the script writes now (every part but docProps/core.xml, which is dated)."""
    import importlib.util
    import zipfile

    script = ROOT / "templates" / "make_docx_templates.py"
    spec = importlib.util.spec_from_file_location("make_docx_templates", script)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.main(tmp_path)
    for name in ("annual.docx", "agrement.docx"):
        with zipfile.ZipFile(tmp_path / name) as fresh, zipfile.ZipFile(ROOT / "templates" / name) as shipped:
            assert sorted(fresh.namelist()) == sorted(shipped.namelist()), name
            for part in fresh.namelist():
                if part != "docProps/core.xml":
                    assert fresh.read(part) == shipped.read(part), f"{name}: {part} — rerun {script.name}"


@pytest.mark.parametrize("fmt", ("md", "html", "docx"))
def test_subsidy_notes_have_their_own_heading_and_the_incomplete_total_sits_under_it(capsys, tmp_path, fmt):
    """Section 8 listed the notes (maintien de l'effectif, de minimis) right after the « Références : »
    list, so every renderer made one list of them (markdown-it: 4 items under « Références » for the 2
    references of the Walloon sample 2025). They now follow a « Remarques : » heading; the Brussels sample
    2025 (`complete: false`, compensation not computed) says « Total incomplet » right under the Total row,
    before « Non calculables », not among the notes."""
    out = tmp_path / f"w.{fmt}"
    code, _, err = run_cli(capsys, "report", "annual", WALLONIE, "--year", YEAR, "-o", out)
    assert code == 0, err
    text = text_of(out).replace("*", "")
    refs, remarks = text.index("Références :"), text.index("Remarques :")
    assert refs < remarks < text.index("le maintien de l'effectif") < text.index("Aides de minimis SIEG")
    if fmt == "md":
        from markdown_it import MarkdownIt

        html = MarkdownIt("commonmark").enable("table").render(out.read_text(encoding="utf-8"))
        items = re.search(r"<p>Références :</p>\s*<ul>(.*?)</ul>", html, re.S).group(1)
        assert items.count("<li>") == 2  # the two subsidies' references, no note among them
    out = tmp_path / f"b.{fmt}"
    code, _, err = run_cli(capsys, "report", "annual", BRUXELLES, "--year", YEAR, "-o", out)
    assert code == 0, err
    text = (docx_body_text(out) if fmt == "docx" else text_of(out)).replace("*", "")
    assert re.search(r"Total\W*0,00 €\W*Total incomplet : une partie des subventions", text)
    assert text.index("Total incomplet") < text.index("Compensation du mandat : Non calculée, faute de formule")
    assert "Remarques :" not in text  # no other note


@pytest.mark.parametrize("fmt", ("md", "html", "docx"))
def test_a_subsidy_not_computed_names_its_worker_as_a_worker(capsys, tmp_path, fmt):
    """The test workbook (ids 1, 2, 3), 2024: worker 2's wage cost is missing for 2024-03 … 2024-06, so their
    subsidy is not computed. Its line said « Subvention par travailleur du public cible (2) : … », a bare id
    read as a count (workbook.md allows numeric ids): it names « (travailleur 2) », as ``ei validate`` does."""
    from helpers_workbook import valid_sheets, write_workbook

    book = write_workbook(tmp_path / "ids.xlsx", valid_sheets())
    out = tmp_path / f"r.{fmt}"
    code, _, err = run_cli(capsys, "report", "annual", book, "--year", "2024", "-o", out)
    assert code in (0, 1), err
    text = text_of(out).replace("\\", "")
    assert "Subvention par travailleur du public cible (travailleur 2) : Coût salarial" in text
    assert "cible (2) :" not in text


@pytest.mark.parametrize("fmt", ("md", "html", "docx"))
def test_an_fte_average_just_under_its_minimum_is_not_printed_on_it(annual_ctx, agrement_ctx, tmp_path, fmt):
    """Brussels 2018 (test_quota's case): 47,967742 target FTE-months ÷ 12 = 3,9973 < 4, not compliant. The
    documents printed « 4,00 ETP de public cible (minimum 4,00) » (« En bref », section 4, the agrément-year
    row, the application): the ``nombre`` filter given the minimum prints 3,9973, as ``ei check`` does;
    the supervision's 1 FTE, equal to its minimum, stays 1,00."""
    from test_quota import B18, _brussels_2018_just_under_four
    from ei_cli.rules.quota import evaluate_quota

    e, statuses = _brussels_2018_just_under_four()
    quota = documents._plain(evaluate_quota(e, B18, Period.calendar_year(2024), statuses).to_dict("fr"))
    view = documents._quota_view(quota, Period.calendar_year(2024))
    texts = {}
    for kind, ctx in (("annual", annual_ctx), ("agrement", agrement_ctx)):
        out = tmp_path / f"{kind}.{fmt}"
        documents.render_document(kind, {**ctx, "quota": view}, out)
        texts[kind] = text_of(out).replace("*", "")
    annual = texts["annual"]
    assert re.search(r"3,9973 ETP\W*de public cible \(minimum 4,00\)", annual)  # « En bref »
    assert re.search(r"minimum 4,00 ETP\W*3,9973 ETP\W*non conforme", annual)  # the agrément-year row
    if fmt == "docx":
        assert re.search(r"public cible 3,9973 \(minimum 4,00\) ; encadrement 1,00 \(minimum 1,00\)", annual)
    else:
        assert re.search(r"ETP de public cible \(moyenne\)\W*3,9973 \(minimum 4,00\)", annual)
        assert re.search(r"ETP d'encadrement \(moyenne\)\W*1,00 \(minimum 1,00\)", annual)
    assert re.search(r"ETP public cible / ETP total\W*3,9973 / 5,00", annual)
    assert re.search(r"3,9973 ETP de public cible \(minimum 4,00\), 1,00 ETP d'encadrement", texts["agrement"])
    assert "4,00 ETP de public cible (minimum" not in annual + texts["agrement"]
    assert documents.fmt_number(Decimal("3.9973"), beside=4) == "3,9973"
    assert documents.fmt_number(Decimal("3.994"), beside=4) == "3,99"


@pytest.mark.parametrize("fmt", ("md", "html", "docx"))
def test_months_not_judged_show_no_required_share(annual_ctx, tmp_path, fmt):
    """Brussels 2004 judges each month from the obligation's day 100 (the June-dip case of test_quota:
    agrément 2010-01-01, effective 2010-04-11, so May–Dec judged, Jan–Apr `judged: false`). The month
    table printed « 30,0 % » required beside January's 0,0 % (T 0 ÷ D 2) while the verdict counted 8 judged
    months; a month not judged now reads « — (non jugé) », a judged one keeps 30,0 %, and the chart draws
    no requirement for it."""
    from test_quota import B04, _brussels_2004_june_dip

    from ei_cli.rules.quota import evaluate_quota

    e, statuses = _brussels_2004_june_dip()
    quota = documents._plain(evaluate_quota(e, B04, Period.calendar_year(2010), statuses).to_dict("fr"))
    view = documents._quota_view(quota, Period.calendar_year(2010))
    assert [m["judged"] for m in view["months"]] == [False] * 4 + [True] * 8
    assert [r for _, _, r in documents._chart_rows(view)] == [None] * 4 + [0.3] * 8
    out = tmp_path / f"annual.{fmt}"
    documents.render_document("annual", {**annual_ctx, "quota": view}, out)
    text = text_of(out)
    assert re.search(r"janvier 2010\W*0,00\W*2,00\W*0,0 %\W*— \(non jugé\)", text)
    assert re.search(r"avril 2010\W*1,00\W*3,00\W*33,3 %\W*— \(non jugé\)", text)
    assert re.search(r"mai 2010\W*1,00\W*3,00\W*33,3 %\W*30,0 %", text)
    assert text.count("— (non jugé)") == 4


@pytest.mark.parametrize("fmt", ("md", "html", "docx"))
def test_the_application_says_what_to_fix_as_the_annual_report_does(capsys, make_workbook, workbook_sheets, tmp_path,
                                                                     fmt):
    """`ei report agrement` printed the verdicts and the reasons, never ``checks[].to_fix``, which the annual
    report and `ei check` give. The test workbook in 2023: worker 2 on a CDD past the deadline (« passer en
    CDI ») and the follow-up's missing interviews; the application now prints each under « — à corriger »,
    in the annual report's words."""
    path = make_workbook(workbook_sheets)
    code, stdout, _ = run_cli(capsys, "check", path, "--year", 2023, "-f", "json")
    to_fix = {c["name"]: c["to_fix"] for c in json.loads(stdout)["checks"]}
    cdi = "Travailleur 2 : passer en CDI (ou corriger date_cdi, feuille Personnel)."
    assert cdi in to_fix["employment"]
    texts = {}
    for kind in ("annual", "agrement"):
        out = tmp_path / f"{kind}.{fmt}"
        code, _, err = run_cli(capsys, "report", kind, path, "--year", 2023, "-o", out)
        assert code in (0, 1), err
        texts[kind] = text_of(out).replace("\\", "")
    for text in texts.values():
        assert cdi in text and squash(to_fix["follow_up"][0]) in text
    assert re.search(r"Conditions d'emploi — à corriger :\W*" + re.escape(cdi), texts["agrement"])


@pytest.mark.parametrize("fmt", ("md", "html", "docx"))
def test_the_headline_figures_say_provisional_and_incomplete(capsys, tmp_path, fmt):
    """« En bref » of 2026 (the tests' day 2026-11-30, the sample's Paie up to 2026-10) read « 62,4 % … ·
    44 821,92 € de subventions » while the report said « Total incomplet » and the quota share was that of
    agrément year 3 (2026-03-01 – 2027-02-28) known for March to October 2026: 10 − 3 + 1 = 8 of its 12
    months. It now says « provisoire : 8 mois connus sur 12 de l'année d'agrément 3 » and « (total
    incomplet) »; the application's row « Quota de public cible (2026) » names the agrément year instead. The
    complete year 2025 (agrément year 2 closed, every subsidy computed) says neither."""
    texts = {}
    for kind, year in (("annual", 2026), ("agrement", 2026), ("annual-2025", 2025)):
        out = tmp_path / f"{kind}.{fmt}"
        code, _, err = run_cli(capsys, "report", kind.split("-")[0], WALLONIE, "--year", year, "-o", out)
        assert code in (0, 1), err
        texts[kind] = text_of(out).replace("*", "").replace("\\", "")
    provisional = "provisoire : 8 mois connus sur 12 de l'année d'agrément 3"
    assert re.search(r"62,4 %\W*de public cible \(40,0 % requis\)\W*" + provisional + r"\W*44 821,92 €\W*de "
                     r"subventions (pour 2026 )?\(total incomplet\)", texts["annual"]), texts["annual"][:900]
    assert re.search(r"Quota de public cible \(année d'agrément 3, du 1er mars 2026 au 28 février 2027\)\W*62,4 % "
                     r"pour 40,0 % requis, " + provisional + " — conforme", texts["agrement"])
    assert "Quota de public cible (2026)" not in texts["agrement"]
    brief = texts["annual-2025"][:texts["annual-2025"].index("1. Identité")]
    assert "provisoire" not in brief and "total incomplet" not in brief and "116 369,38 €" in brief, brief


@pytest.mark.parametrize("fmt", ("md", "html", "docx"))
def test_a_quota_judged_on_minimums_shows_the_fte_beside_the_minimums(capsys, tmp_path, fmt):
    """Brussels 2018 (shipped sample, 2025) judges the quota on minimum FTE (`judged_on: average_minimums`,
    no required share): agrément year 6 averages 5,60 target FTE for a minimum of 4,00 and 1,50 FTE of
    supervision for 1,00. « En bref » printed « 57,7 % de public cible (— requis) », section 4 « Part
    requise : — » and the application « 57,7 % pour — requis ». They now print the FTE and the minimums.
    A period before the agrément (the same sample, 2018, agrément 2020-09-01) has no agrément year: « pas
    encore d'année d'agrément », not « — pour — requis »."""
    texts = {}
    for kind in ("annual", "agrement"):
        out = tmp_path / f"{kind}.{fmt}"
        code, _, err = run_cli(capsys, "report", kind, BRUXELLES, "--year", YEAR, "-o", out)
        assert code == 0, err
        texts[kind] = text_of(out).replace("*", "")
    assert re.search(r"5,60 ETP\W*de public cible \(minimum 4,00\)\W*0,00 €", texts["annual"])  # « En bref »
    assert "— requis" not in texts["annual"] and "— requis" not in texts["agrement"]
    if fmt == "docx":
        assert re.search(r"ETP moyens \(minimums\)\W*public cible 5,60 \(minimum 4,00\) ; encadrement 1,50 "
                         r"\(minimum 1,00\)", texts["annual"])
    else:
        assert re.search(r"ETP de public cible \(moyenne\)\W*5,60 \(minimum 4,00\)", texts["annual"])
        assert re.search(r"ETP d'encadrement \(moyenne\)\W*1,50 \(minimum 1,00\)", texts["annual"])
    assert "Part requise : —" not in texts["annual"]
    # The agrément-year row sets the year's FTE beside its minimum (it showed a share: « 53,7 % »).
    assert re.search(r"Année d'agrément 6\W*01/09/2025\W*31/08/2026\W*minimum 4,00 ETP\W*5,60 ETP\W*conforme",
                     texts["annual"])
    # The row names the agrément year judged, not the calendar year (its months are not 2025's).
    assert re.search(r"Quota de public cible \(année d'agrément 6, du 1er septembre 2025 au 31 août 2026\)\W*5,60 ETP "
                     r"de public cible \(minimum 4,00\), 1,50 ETP d'encadrement \(minimum 1,00\) — conforme",
                     texts["agrement"])
    for kind in ("annual", "agrement"):
        out = tmp_path / f"before-{kind}.{fmt}"
        code, _, err = run_cli(capsys, "report", kind, BRUXELLES, "--year", 2018, "--regime", "bruxelles-2004",
                               "-o", out)
        assert code == 0, err
        texts[kind] = text_of(out).replace("*", "")
    assert re.search(r"travailleurs?\)\W*pas encore d'année d'agrément\W*[\d, ]+ €", texts["annual"])
    assert re.search(r"Quota de public cible \(2018\)\W*pas encore d'année d'agrément — indéterminé", texts["agrement"])
    assert "— pour — requis" not in texts["agrement"] and "(— requis)" not in texts["annual"]


@pytest.mark.parametrize("fmt", ("md", "docx"))
def test_quota_reasons_keep_every_failing_years(annual_ctx, tmp_path, fmt):
    """Brussels 2004, calendar year 2017 over agrément years 4 (2016-09 – 2017-08) and 5 (2017-09 –
    2018-08), both failing (the audit's b04_fail.xlsx): the headline is the latest, the top level, and
    section 4 gave only its reasons — year 4's « 3 sous le seuil (2017-06, 2017-07, 2017-08) » was lost.
    Every failing year's reasons are now listed with the latest's, each text once (the rule, shared by
    both years, once)."""
    rule = {"text": "Au moins 30,0 % chaque mois.", "reference": "Ordonnance du 18 mars 2004, art. 5"}
    y4 = {"agrement_year": 4, "compliant": False, "required_share": 0.3, "target_share": 0.654,
          "reasons": [rule, {"text": "12 mois jugés, 3 sous le seuil (2017-06, 2017-07, 2017-08)."}]}
    y5 = {"agrement_year": 5, "compliant": False, "required_share": 0.3, "target_share": 0.329,
          "reasons": [rule, {"text": "12 mois jugés, 5 sous le seuil (2017-09, 2017-10, 2017-11, 2017-12, 2018-01)."}]}
    quota = {**y5, "summary": "…", "reasons": y5["reasons"], "agrement_years": [y4, y5]}
    view = documents._quota_view(quota, Period.calendar_year(2017))
    assert view["reasons"] == ["Au moins 30,0 % chaque mois. (Ordonnance du 18 mars 2004, art. 5)",
                               "12 mois jugés, 3 sous le seuil (2017-06, 2017-07, 2017-08).",
                               "12 mois jugés, 5 sous le seuil (2017-09, 2017-10, 2017-11, 2017-12, 2018-01)."]
    out = tmp_path / f"annual.{fmt}"
    documents.render_document("annual", {**annual_ctx, "quota": view}, out)
    text = text_of(out)
    assert "3 sous le seuil (2017-06, 2017-07, 2017-08)" in text and "5 sous le seuil (2017-09" in text
    # a latest year that passes beside a failing earlier one: both years' reasons (the latest's state too)
    passing = {**y5, "compliant": True, "reasons": [{"text": "12 mois jugés, aucun sous le seuil."}]}
    view = documents._quota_view({**passing, "compliant": False, "agrement_years": [y4, passing]},
                                 Period.calendar_year(2017))
    assert view["reasons"][1:] == ["12 mois jugés, 3 sous le seuil (2017-06, 2017-07, 2017-08).",
                                   "12 mois jugés, aucun sous le seuil."]


@pytest.mark.parametrize("fmt", ("md", "html", "docx"))
def test_en_bref_leaves_eligibility_out_and_tells_undetermined_apart(capsys, tmp_path, fmt):
    """« En bref » counted the eligibility check (section 2: « Information, pas une obligation ») and took
    « indéterminé » for not respected: « 1 / 6 obligations respectées » for the Brussels sample 2025
    (quota conforme; wages, employment, enterprise, follow-up indéterminé; eligibility indéterminé). It
    now reads « 1 / 5 obligations respectées, 4 indéterminée(s) »; the Walloon sample 2025 (all five
    obligations conforme) « 5 / 5 obligations respectées. », with no « indéterminée(s) »."""
    out = tmp_path / f"b.{fmt}"
    code, _, err = run_cli(capsys, "report", "annual", BRUXELLES, "--year", YEAR, "-o", out)
    assert code == 0, err
    assert re.search(r"1 / 5\W*obligations respectées, 4 indéterminées", text_of(out).replace("*", ""))
    out = tmp_path / f"w.{fmt}"
    code, _, err = run_cli(capsys, "report", "annual", WALLONIE, "--year", YEAR, "-o", out)
    assert code == 0, err
    text = text_of(out).replace("*", "")
    assert re.search(r"5 / 5\W*obligations respectées", text) and "indéterminée(s)" not in text


@pytest.mark.parametrize("fmt", ["md", "html", "docx"])
def test_round_tables_are_listed_in_the_follow_up_section_and_follow_no_one(sample, tmp_path, fmt):
    """Suivi `type = table_ronde` (seed 002 task 10): the annual report's section 7 counts the round tables
    of the year as it counts each action type (the sample records none: 0). W02 (the accompanier) holds one
    on 2025-06-10, and W05 (TD) one on 2025-09-15 after all W05's other actions of 2025 are removed: the
    report lists 2 round tables, and « Travailleurs du public cible suivis » reads 9 sur 10 — a round table
    is held with the insertion operators, it follows no one."""
    from ei_cli.model import FollowUp, FollowUpType

    enterprise, regime = sample
    rt = FollowUpType("table_ronde")
    kept = tuple(f for f in enterprise.follow_ups if not (f.worker_id == "W05" and f.date.year == YEAR))
    changed = replace(enterprise, follow_ups=kept + (FollowUp("W02", date(YEAR, 6, 10), rt),
                                                     FollowUp("W05", date(YEAR, 9, 15), rt)))
    before = documents.document_context("annual", enterprise, regime, YEAR, generated_on=date(2026, 3, 1))[0]["follow_up"]
    ctx = documents.document_context("annual", changed, regime, YEAR, generated_on=date(2026, 3, 1))[0]
    assert before["round_tables"] == 0 and before["target_workers_followed"] == 10
    assert ctx["follow_up"]["round_tables"] == 2
    assert (ctx["follow_up"]["target_workers_followed"], ctx["follow_up"]["target_workers"]) == (9, 10)
    out = tmp_path / f"r.{fmt}"
    documents.render_document("annual", ctx, out)
    text = text_of(out)
    assert re.search(r"Tables rondes annuelles \(type table_ronde\)\W*2", text), text
    assert re.search(r"Travailleurs du public cible suivis\W*9 sur 10", text)


@pytest.mark.parametrize("fmt", ["md", "html", "docx"])
def test_annual_report_asks_for_the_round_table_and_the_cpas_conventions_it_cannot_show(sample, annual_ctx,
                                                                                       tmp_path, fmt):
    """Seed 002 tasks 10 and 2: the workbook shows no round table and no CPAS convention, and the report
    said nothing of them. The Walloon sample records no table_ronde in 2025 and employs one art. 60 §7
    worker (W17): section 7 prints both « À compléter », each with its text (the official page, tâche 10 /
    tâche 2). With a round table recorded on 2025-06-10 (W02, the accompanier), only the CPAS line stays."""
    from ei_cli.model import FollowUp, FollowUpType

    items = annual_ctx["follow_up_to_complete"]
    assert len(items) == 2
    assert items[0].startswith("Table ronde annuelle") and "aucune table ronde enregistrée en 2025" in items[0]
    assert items[0].endswith("(SPW Économie, « L'accompagnement social » (mandat SIEG, décret du 20.10.2016), "
                             "tâche 10)")
    assert "1 travailleur sous article 60 §7 en 2025" in items[1] and items[1].endswith("tâche 2)")
    out = tmp_path / f"r.{fmt}"
    documents.render_document("annual", annual_ctx, out)
    text = text_of(out)
    section = text[text.index("7. Suivi social"):text.index("8. Subventions")]
    assert section.upper().count("À COMPLÉTER") == 2
    assert "Convention d'accompagnement social avec le CPAS" in section

    enterprise, regime = sample
    held = replace(enterprise, follow_ups=enterprise.follow_ups + (
        FollowUp("W02", date(YEAR, 6, 10), FollowUpType("table_ronde")),))
    (left,) = documents.document_context("annual", held, regime, YEAR)[0]["follow_up_to_complete"]
    assert left.startswith("Convention d'accompagnement social avec le CPAS")


def test_no_round_table_is_asked_for_under_a_regime_without_the_task(sample):
    """The 11 tasks are those of the Walloon 2016 mandate (rules.md §3.6); no text found gives them for
    wallonie-2003 (§4.6) or Brussels (§5.6): the annual report asks for nothing there."""
    enterprise, _ = sample
    ctx = documents.document_context("annual", enterprise, get_regime("wallonie-2003"), YEAR)[0]
    assert ctx["follow_up_to_complete"] == []


@pytest.mark.parametrize("fmt", ["md", "html", "docx"])
def test_the_application_lists_the_agrement_conditions_the_workbook_does_not_hold(tmp_path, fmt):
    """Seed 003: under Wallonia 2003 the EI concludes a convention with the FOREm (rules.md §4.5); in
    Brussels 2004 it favours the workers' participation in decisions and limits any profit distribution to
    the rate fixed by the King, « actuellement, 6 % » (regime parameter 0.06 → « 6,0 % »). The workbook holds
    none of this, and the application said nothing of it: each is now an « À compléter » line of section 6,
    with its source (document source 003, source documents only). Wallonia 2016 has none of these."""
    wallonia = read_workbook(WALLONIE).enterprise
    brussels = read_workbook(BRUXELLES).enterprise
    on = date(2026, 3, 1)
    w03 = documents.document_context("agrement", wallonia, get_regime("wallonie-2003"), YEAR, generated_on=on)[0]
    b04 = documents.document_context("agrement", brussels, get_regime("bruxelles-2004"), YEAR, generated_on=on)[0]
    w16 = documents.document_context("agrement", wallonia, get_regime("wallonie-2016"), YEAR, generated_on=on)[0]
    source = "(CES ULiège, « Entreprise d'insertion (EI) » : cadre légal (document source 003) ; documents sources seulement)"
    (forem,) = w03["conditions_to_complete"]
    assert forem.startswith("Convention avec l'Office wallon de la Formation professionnelle et de l'Emploi")
    assert forem.endswith(source)
    participation, profit = b04["conditions_to_complete"]
    assert participation.startswith("Favoriser la participation des travailleurs aux décisions")
    assert "au plus 6,0 %" in profit and profit.endswith(source)
    assert w16["conditions_to_complete"] == []
    for ctx, expected in ((w03, [forem]), (b04, [participation, profit])):
        out = tmp_path / f"{ctx['enterprise']['regime_id']}.{fmt}"
        documents.render_document("agrement", ctx, out)
        text = text_of(out)
        section = text[text.index("6. Moyens humains"):text.index("7. Compétences")]
        assert "Autres conditions de l'agrément" in section
        for item in expected:
            assert shows(section, fmt, item), item


def test_staff_summary_of_a_year_in_progress_stops_at_the_payroll_horizon(monkeypatch):
    """Audit (repro/04): on 2026-09-10, Paie to 2026-07. A full time all 2026 (Paie January–July, etp 1), B half
    time from 2026-03-01 (Paie March–July, etp 0,5), L hired 2026-10-01 (not paid). The annual report counted
    August–December on Personnel.etp and L: FTE (12 × 1 + 10 × 0,5 + 3 × 1) ÷ 12 = 20 ÷ 12 = 1,67, 3 workers,
    « en service au 31 décembre 2026 ». Now up to the horizon 2026-07-31 (``rules.common.known_part``): FTE
    (7 × 1 + 5 × 0,5) ÷ 7 = 9,5 ÷ 7 = 1,357 → 1,36, 2 workers, `end` 2026-07-31, `provisional`; the documents
    say « au 31 juillet 2026 ». 2027 has not begun: no figure (None, « — »)."""
    from ei_cli import periods

    monkeypatch.setattr(periods, "today", lambda: date(2026, 9, 10))
    a = Worker("A", date(2020, 1, 1), ContractType.CDI, Decimal(1), Function.PRODUCTION)
    b = Worker("B", date(2026, 3, 1), ContractType.CDI, Decimal("0.5"), Function.PRODUCTION)
    late = Worker("L", date(2026, 10, 1), ContractType.CDI, Decimal(1), Function.PRODUCTION)
    pay = [PayMonth("A", Month(2026, m), Decimal(1), Decimal(2000)) for m in range(1, 8)]
    pay += [PayMonth("B", Month(2026, m), Decimal("0.5"), Decimal(1000)) for m in range(3, 8)]
    e = Enterprise("X", Region.WALLONIE, date(2020, 1, 1), workers=(a, b, late), pay=tuple(pay))
    report = CategoryReport({"A": "TD", "B": "not_target", "L": "TD"})
    s = documents.staff_summary(e, Period.calendar_year(2026), report)
    assert (s["fte"], s["heads"], s["heads_at_end"], s["hires"]) == (1.36, 2, 2, 1)
    assert (s["end"], s["provisional"]) == ("2026-07-31", True)
    assert [w["worker_id"] for w in s["workers"]] == ["A", "B"]
    s = documents.staff_summary(e, Period.calendar_year(2027), report)
    assert (s["fte"], s["heads"], s["provisional"], s["measured"]) == (None, None, False, False)


@pytest.mark.parametrize("kind", ("annual", "agrement"))
@pytest.mark.parametrize("fmt", ("md", "html", "docx"))
def test_a_warning_repeated_row_after_row_is_one_grouped_entry_of_the_documents(capsys, make_workbook,
                                                                              workbook_sheets, tmp_path, kind, fmt):
    """Worker 1 re-hired 8 times (Personnel B5…B12, one ``duplicate_niss`` each): the « Avertissements »
    section listed the 8 messages one by one — on a 1 000-person workbook kept over the years, 4 000
    paragraphs, a 684-page PDF. Now one entry: the count (8), the cells B5…B12, the first message (worker
    101's). The JSON documents of the other commands keep the 8; the document's context keeps ``warnings``."""
    from helpers_workbook import with_rehires

    path = make_workbook(with_rehires(workbook_sheets, 8))
    out = tmp_path / f"{kind}.{fmt}"
    code, _, err = run_cli(capsys, "report", kind, path, "--year", 2023, "-o", out)
    assert code in (0, 1), err
    text = text_of(out).replace("\\", "")
    section = text[text.index("Avertissements"):]
    assert section.count("Le travailleur 10") == 1 and section.count("duplicate_niss") == 1, section
    assert ("8 avertissements « duplicate_niss » (Personnel › B5, B6, B7, B8, B9, B10, B11, B12) ; le premier : "
            "Le travailleur 101 a le même numéro national que la cellule B2 (travailleur 1, ligne 2)") in section


@pytest.mark.parametrize("kind", ("annual", "agrement"))
def test_the_documents_give_the_payroll_warnings_of_ei_check(capsys, make_workbook, workbook_sheets, tmp_path, kind):
    """The documents say « ETP de la feuille Paie, mois par mois » of a quota year read partly from
    Personnel.etp, and printed none of the ``payroll_missing_month`` warnings `ei check` gives: the rules'
    problems (``CheckResult.problems``, the quota's) were dropped. The test workbook for 2024 (see
    test_check_command): workers 1, 2 and 3 without a Paie row for 2023-03 … 2023-12 — three warnings, once
    each (the quota check and the quota the documents show give the same), on stderr and in « Avertissements »."""
    path = make_workbook(workbook_sheets)
    code, stdout, _ = run_cli(capsys, "check", path, "--year", 2024, "-f", "json")
    expected = [p["message"] for p in json.loads(stdout)["problems"] if p["code"] == "payroll_missing_month"]
    assert len(expected) == 3
    out = tmp_path / f"{kind}.md"
    code, _, err = run_cli(capsys, "report", kind, path, "--year", 2024, "-o", out)
    assert code in (0, 1), err
    text = squash(out.read_text(encoding="utf-8")).replace("\\", "")
    assert "Avertissements" in text, text
    section = text[text.index("Avertissements"):]
    assert [m for m in expected if section.count(m) == 1] == expected, section
    assert squash(err).count("(payroll_missing_month)") == 3, err
    assert all(squash(err).count(squash(m)) == 1 for m in expected), err


def test_warning_groups_count_every_warning_of_a_code_and_cap_its_cells():
    """``documents.warning_groups``: 15 ``duplicate_niss`` at B2…B16 → one entry, count 15, the first 10 cells
    then « … et 5 autres » (15 − 10); a warning with no cell (a worker's missing payroll months, whose message
    is its content) and a single located one are entries of their own, their message alone. The context keeps
    ``warnings``, every message one by one, for the user's own templates (--templates)."""
    from ei_cli.i18n import t
    from ei_cli.problems import warning

    rehires = [warning("duplicate_niss", t(f"Le travailleur {row} …", "…"), "x.xlsx", "Personnel", f"B{row}")
               for row in range(2, 17)]
    payroll = warning("payroll_missing_month", t("Travailleur 1 : pas de ligne de paie pour 2024-03.", "…"),
                      "x.xlsx", "Paie")
    single = warning("odd_value", t("Valeur douteuse.", "…"), "x.xlsx", "Paie", "D4")
    groups = documents.warning_groups([rehires[0], payroll, *rehires[1:], single])
    assert [(g["code"], g["count"]) for g in groups] == [("duplicate_niss", 15), ("payroll_missing_month", 1),
                                                          ("odd_value", 1)]
    assert groups[0]["places"] == "Personnel › B2, B3, B4, B5, B6, B7, B8, B9, B10, B11 … et 5 autres"
    assert groups[0]["text"] == ("15 avertissements « duplicate_niss » (Personnel › B2, B3, B4, B5, B6, B7, B8, "
                                 "B9, B10, B11 … et 5 autres) ; le premier : Le travailleur 2 …")
    assert [g["text"] for g in groups[1:]] == ["Travailleur 1 : pas de ligne de paie pour 2024-03.", "Valeur douteuse."]


def test_a_users_template_with_the_old_warnings_list_still_gets_every_message(capsys, make_workbook,
                                                                             workbook_sheets, tmp_path):
    """A template of the user's (--templates) written against ``warnings``, the list of messages: it still
    renders every one of the 8 re-hire warnings, one by one, as before ``warning_groups`` — and the other
    warnings: one person_over_full_time, and the rules' 3 months without a Paie row (workers 1, 2 and 3)."""
    from helpers_workbook import with_rehires

    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "annual.md.j2").write_text("{% for w in warnings %}- {{ w }}\n{% endfor %}", encoding="utf-8")
    out = tmp_path / "r.md"
    code, _, err = run_cli(capsys, "report", "annual", make_workbook(with_rehires(workbook_sheets, 8)), "--year",
                           2023, "-o", out, "--templates", folder)
    assert code in (0, 1), err
    lines = out.read_text(encoding="utf-8").splitlines()
    rehires = [line for line in lines if line.startswith("- Le travailleur")]
    assert [line[:22] for line in rehires] == [f"- Le travailleur {100 + k} a" for k in range(1, 9)]
    # And one person_over_full_time (in row order, after B5's): each re-hire (etp 1) runs beside worker 1's
    # own full-time CDI; then the rules' warnings (the workbook's months without a Paie row), as `ei check`
    # gives them.
    (over,) = [line for line in lines[:9] if line not in rehires]
    assert over.startswith("- Travailleur 101, même personne que le travailleur 1") and lines[1] == over
    assert len(lines[9:]) == 3 and all("pas de ligne de paie" in line for line in lines[9:]), lines


@pytest.mark.parametrize("fmt", ["md", "html", "docx"])
@pytest.mark.parametrize("kind", ["annual", "agrement"])
def test_the_staff_fte_of_a_payroll_behind_says_the_months_counted_on_personnel(tmp_path, kind, fmt):
    """Review B (finding 1): on 2026-11-30 (the tests' day) with Paie to 2026-03 only, more than two months behind,
    2026 is measured up to the last month over, 2026-10-31 (``data_horizon``): 10 months. A full time all year
    (Paie January–March, etp 1), B half time from 2026-03-01 (Paie March, etp 0,5). FTE = (10 × 1 + 8 × 0,5) ÷ 10
    = 14 ÷ 10 = 1,40; April–October have no Paie row for either: 7 + 7 = 14 worker-months on Personnel.etp
    (``fallback_months``). The documents called them « mois connus » (« moyenne des mois connus, au 31 octobre
    2026 ») beside their own note « Pas de ligne de paie pour 2026-04 … »: now « moyenne des mois jusqu'au 31
    octobre 2026, dont 14 mois-travailleurs sur l'etp de la feuille Personnel » (the application: « moyenne 2026
    des mois jusqu'au … »)."""
    a = Worker("A", date(2020, 1, 1), ContractType.CDI, Decimal(1), Function.PRODUCTION)
    b = Worker("B", date(2026, 3, 1), ContractType.CDI, Decimal("0.5"), Function.PRODUCTION)
    pay = [PayMonth("A", Month(2026, m), Decimal(1), Decimal(2000)) for m in range(1, 4)]
    pay += [PayMonth("B", Month(2026, 3), Decimal("0.5"), Decimal(1000))]
    e = Enterprise("X", Region.WALLONIE, date(2020, 1, 1), legal_form="SC", social_purpose=True,
                   workers=(a, b), pay=tuple(pay))
    regime = get_regime("wallonie-2016")
    ctx = documents.document_context(kind, e, regime, 2026, generated_on=date(2026, 11, 30))[0]
    assert (ctx["staff"]["fte"], ctx["staff"]["fallback_months"], ctx["staff"]["end"]) == (1.4, 14, "2026-10-31")
    out = tmp_path / f"{kind}.{fmt}"
    documents.render_document(kind, ctx, out)
    text = text_of(out)
    average = {"annual": "moyenne des mois jusqu'au 31 octobre 2026", "agrement": "moyenne 2026 des mois jusqu'au 31 octobre 2026"}[kind]
    assert shows(text, fmt, f"Équivalents temps plein ({average}, dont 14 mois-travailleurs sur l'etp de la feuille "
                            "Personnel)"), text
    assert "mois connus" not in text[text.index("Équivalents temps plein"):][:200]


def test_counts_in_the_documents_agree_with_their_word():
    """``compte``: « 1 personne », « 2 personnes », « 0 indéterminée » (French: singular below 2), « 1 234
    travailleurs » (grouped as ``entier``), « — personnes » for a count not known — never « personne(s) »,
    which the templates wrote for the direction staff and the undetermined obligations."""
    assert documents.fmt_counted(1, "personne") == "1 personne"
    assert documents.fmt_counted(2, "personne") == "2 personnes"
    assert documents.fmt_counted(0, "indéterminée") == "0 indéterminée"
    assert documents.fmt_counted(1234, "travailleur").replace("\u202f", " ").replace("\xa0", " ") == "1 234 travailleurs"
    assert documents.fmt_counted(None, "personne") == "— personnes"
    assert documents.fmt_counted(3, "mois", "mois") == "3 mois"


@pytest.mark.parametrize("kind", ("annual", "agrement"))
@pytest.mark.parametrize("fmt", ("md", "html", "docx"))
def test_no_document_writes_a_plural_in_brackets(capsys, tmp_path, kind, fmt):
    """The Walloon sample's documents for a year not begun (2027 on the pinned 2026-11-30: its five obligations
    « indéterminée », its staff « — ») and for 2025, a year judged (the checks' summaries and reasons quoted:
    « 10 travailleur(s) du public cible », « 11 travailleur(s) suivi(s) » before): no « (s) » anywhere — every
    count the templates write says its word by the French rule (``compte``): « 5 indéterminées », not « 5
    indéterminée(s) », and every count the checks write by ``i18n.plural``."""
    for year in (2025, 2027):
        out = tmp_path / f"{kind}-{year}.{fmt}"
        code, _, err = run_cli(capsys, "report", kind, WALLONIE, "--year", year, "-o", out)
        assert code in (0, 1), err
        text = text_of(out)
        assert "(s)" not in text, (year, fmt)
        if kind == "annual" and year == 2027:
            assert "5 indéterminées" in text, fmt


def test_the_warning_groups_say_one_more_cell_in_the_singular():
    """11 ``duplicate_niss`` at B2…B12: the first 10 cells named, then « … et 1 autre » (11 − 10 = 1), not
    « et 1 autres »; 12 give « … et 2 autres »."""
    from ei_cli.i18n import t
    from ei_cli.problems import warning

    def groups(n):
        return documents.warning_groups([warning("duplicate_niss", t("m", "m"), "x.xlsx", "Personnel", f"B{row}")
                                         for row in range(2, 2 + n)])

    assert groups(11)[0]["places"].endswith("B11 … et 1 autre")
    assert groups(12)[0]["places"].endswith("B11 … et 2 autres")



def test_the_application_shows_the_agrement_period_running_on_the_day_it_is_produced(sample):
    """Documents audit (2026-12-01): the sample's agrément 2024-03-01 is a first agrément of 2 years, 2024-03-01 …
    2026-02-28, then a renewal of 4, 2026-03-01 … 2030-02-28. An application produced on 2026-01-15 shows the one
    running that day — the first agrément — whatever the year its figures are of (docs/interpretations.md: « the
    application, the one running on the day it is produced »); with ``--year 2026`` it showed the period of
    2026-12-31, « Renouvellement … au 28 février 2030 », a renewal not begun yet. The annual report keeps the period
    of 31 December of the year reported."""
    enterprise, regime = sample
    for year in (2025, 2026):
        ctx = documents.document_context("agrement", enterprise, regime, year, generated_on=date(2026, 1, 15))[0]
        assert (ctx["agrement"]["current"]["label"], ctx["agrement"]["current"]["end"]) == ("Premier agrément",
                                                                                            "2026-02-28")
    annual = documents.document_context("annual", enterprise, regime, 2026, generated_on=date(2026, 1, 15))[0]
    assert (annual["agrement"]["current"]["label"], annual["agrement"]["current"]["end"]) == ("Renouvellement",
                                                                                              "2030-02-28")


def test_the_annual_report_names_the_agrement_year_its_quota_figures_are_of(rendered, annual_ctx):
    """Documents audit (2026-12-01): the quota's figures (« Part requise », « Part atteinte », the FTE) are those of
    one agrément year (``rules.quota.headline_year``: an earlier year that failed, else the latest), and the annual
    report never said which — beside a verdict naming two years, « Part requise 30,0 % » read as the latest
    year's 40 %. Each format prints it first, « Période des chiffres : année d'agrément N, du … au … », as the
    application prints it in its quota line."""
    from docx import Document

    year = annual_ctx["quota"]["headline_year"]
    assert year and year.startswith("année d'agrément ")
    md = rendered[("annual", "md")].read_text(encoding="utf-8")
    assert f"- Période des chiffres : {year}\n- Part requise : " in md
    html = rendered[("annual", "html")].read_text(encoding="utf-8")
    assert f"<tr><th>Période des chiffres</th><td>{year.replace(chr(39), '&#39;')}</td></tr>" in html
    cells = [c.text for t in Document(str(rendered[("annual", "docx")])).tables for r in t.rows for c in r.cells]
    assert year in cells and cells[cells.index(year) - 1] == "Période des chiffres"
