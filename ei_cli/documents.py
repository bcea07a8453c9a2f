"""Documents: the annual activity report and the agrément application, from Jinja templates.

Two steps, kept apart so that a template never depends on a Python class:

* ``document_context`` builds a plain dict (JSON values only: str, numbers,
  lists, dicts, None) from the rule APIs' ``to_dict("fr")`` results;
* ``render_document`` turns that dict into HTML, Markdown, DOCX (docxtpl) or PDF (WeasyPrint from
  the HTML), written atomically.

Templates live in the top-level ``templates/`` folder, shipped inside the package
(``ei_cli/templates``, see ``builtin_template_dir``). ``--templates DIR`` puts the user's own copies first;
a file they did not copy falls back to the shipped one. Jinja runs with ``StrictUndefined``: a misspelt variable fails.

Heavy imports (jinja2, babel, docxtpl, weasyprint) stay inside functions.
"""

from __future__ import annotations

import struct
import zlib
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Iterable

from ei_cli import periods
from ei_cli.errors import EiError
from ei_cli.i18n import Text, t
from ei_cli.model import Enterprise, FollowUpType, Function, Worker
from ei_cli.periods import Month, Period, anniversary_year
from ei_cli.problems import merged
from ei_cli.workbook.cells import masked

KINDS = ("annual", "agrement")
FORMATS = ("html", "md", "docx", "pdf")
LOCALE = "fr_BE"

# The file each (kind, format) is rendered from; PDF is drawn from the HTML template.
TEMPLATE_FILES = {
    ("annual", "html"): "annual.html.j2",
    ("annual", "pdf"): "annual.html.j2",
    ("annual", "md"): "annual.md.j2",
    ("annual", "docx"): "annual.docx",
    ("agrement", "html"): "agrement.html.j2",
    ("agrement", "pdf"): "agrement.html.j2",
    ("agrement", "md"): "agrement.md.j2",
    ("agrement", "docx"): "agrement.docx",
}

TITLES = {
    "annual": "Rapport d'activité annuel",
    "agrement": "Demande d'agrément (ou de renouvellement)",
}

FUNCTION_LABELS = {
    Function.PRODUCTION: "Production (personnel d'exécution)",
    Function.SUPERVISION: "Encadrement",
    Function.SOCIAL_ACCOMPANIMENT: "Accompagnement social",
    Function.MANAGEMENT: "Direction",
    Function.ADMINISTRATION: "Administration",
}

CATEGORY_LABELS = {
    "TGD": "Travailleurs gravement défavorisés (TGD)",
    "TD": "Travailleurs défavorisés (TD)",
    "target": "Public cible",
    "not_target": "Hors public cible",
    "unknown": "Statut indéterminé (données manquantes)",
}

CATEGORY_SHORT = {"TGD": "TGD", "TD": "TD", "target": "public cible", "not_target": "hors cible",
                  "unknown": "indéterminé"}

FUNCTION_SHORT = {
    Function.PRODUCTION: "production",
    Function.SUPERVISION: "encadrement",
    Function.SOCIAL_ACCOMPANIMENT: "accompagnement social",
    Function.MANAGEMENT: "direction",
    Function.ADMINISTRATION: "administration",
}

CHECK_LABELS = {
    "eligibility": "Public cible",
    "quota": "Quota de public cible",
    "wages": "Tension salariale",
    "employment": "Conditions d'emploi",
    "enterprise": "Conditions de l'entreprise",
    "follow_up": "Suivi social",
}
# The enterprise check judges what its regime's rule judges: size and legal form in Wallonia (rules.md §3.5,
# §4.5); Brussels has no size test (§5.5), its 2004 rule judges the 10 % encadrement share (§5.6) and the legal
# form. A rule with no label here (bruxelles-2018: not established) keeps the neutral one above.
ENTERPRISE_CHECK_LABELS = {
    "size_thresholds": "Taille et forme de l'entreprise",
    "supervision_share": "Encadrement et forme de l'entreprise",
}

SUPERVISION_FUNCTIONS = (Function.SUPERVISION, Function.SOCIAL_ACCOMPANIMENT)

TO_COMPLETE = "À compléter par le demandeur"


# ============================================================================ template folders
def builtin_template_dir() -> Path:
    """The shipped templates: ``ei_cli/templates`` in an installed package (the build copies the top-level
    ``templates/`` folder there, pyproject.toml), else — run from a source checkout, or installed with
    ``pip install -e`` — that top-level folder itself, beside the package."""
    package = Path(__file__).resolve().parent
    installed = package / "templates"
    checkout = package.parent / "templates"
    if installed.is_dir() or not (package.parent / "pyproject.toml").is_file() or not checkout.is_dir():
        return installed
    return checkout


# Every file a document is drawn from: the templates, and the style sheet the HTML ones include.
TEMPLATE_NAMES = tuple(dict.fromkeys(TEMPLATE_FILES.values())) + ("report.css",)


def template_dirs(custom: Path | None = None) -> list[Path]:
    """Where templates are looked up, first match wins: the user's folder, then the shipped one."""
    from ei_cli.problems import display_path

    dirs = []
    if custom is not None:
        custom = Path(custom)
        if not custom.is_dir():
            shown = display_path(custom)
            if custom.exists():
                raise EiError(t(f"--templates {shown} : c'est un fichier ; indiquez le dossier qui contient "
                                "vos modèles (voir ei report --list-templates).",
                                f"--templates {shown}: this is a file; give the folder holding your templates "
                                "(see ei report --list-templates)."))
            raise EiError(t(f"Dossier de modèles introuvable : {shown}",
                            f"Templates folder not found: {shown}"))
        dirs.append(custom)
    dirs.append(builtin_template_dir())
    return dirs


def template_paths(custom: Path | None = None) -> list[Path]:
    """Every template name in every folder looked up (present or not): paths ``-o`` must never name."""
    return [d / name for d in template_dirs(custom) for name in TEMPLATE_NAMES]


def find_template(name: str, custom: Path | None = None) -> Path:
    for d in template_dirs(custom):
        if (d / name).is_file():
            return d / name
    raise EiError(t(f"Modèle introuvable : {name}", f"Template not found: {name}"))


def list_templates(custom: Path | None = None) -> list[dict]:
    """Every document and format with the template file that would be used."""
    out = []
    for kind in KINDS:
        by_file: dict[str, list[str]] = {}
        for fmt in FORMATS:
            by_file.setdefault(TEMPLATE_FILES[(kind, fmt)], []).append(fmt)
        for name, formats in by_file.items():
            out.append({"name": kind, "title": TITLES[kind], "formats": formats,
                        "file": name, "path": str(find_template(name, custom))})
    return out


def format_of(path: Path) -> str:
    fmt = Path(path).suffix.lower().lstrip(".")
    if fmt not in FORMATS:
        raise EiError(t(
            f"Format de document inconnu « {Path(path).suffix or '(aucune extension)'} » : "
            "utilisez .html, .md, .docx ou .pdf.",
            f"Unknown document format '{Path(path).suffix or '(no suffix)'}': use .html, .md, .docx or .pdf."))
    return fmt


# ============================================================================ French formatting
def _decimal(x) -> Decimal | None:
    if x is None or x == "":
        return None
    if isinstance(x, Decimal):
        return x
    return Decimal(str(x))


def _as_date(x) -> date | None:
    if x is None or x == "":
        return None
    if isinstance(x, date):
        return x
    return date.fromisoformat(str(x)[:10])


def fmt_number(x, digits: int = 2, beside=None) -> str:
    """1 234,57 — fr_BE grouping and decimal comma (babel), rounded half up as ``ei check`` prints it
    (``rules.common.shown_beside``, behind ``number_text``): 2,125 is « 2,13 » — babel alone rounds half to
    even, « 2,12 ». ``beside``: the limit the figure is judged against
    (``{{ quota.target_fte | nombre(beside=quota.min_target_fte) }}``): 3,9973 beside a minimum of 4 is
    « 3,9973 », not « 4,00 »."""
    from babel.numbers import format_decimal

    from ei_cli.rules.common import shown_beside

    value = _decimal(x)
    if value is None:
        return "—"
    value = shown_beside(value, beside, digits)  # exact: babel has nothing left to round
    digits = -value.as_tuple().exponent
    pattern = "#,##0" + ("." + "0" * digits if digits > 0 else "")
    return format_decimal(value, format=pattern, locale=LOCALE)


def fmt_count(x) -> str:
    return fmt_number(x, 0)


def fmt_counted(x, word: str, word_plural: str | None = None) -> str:
    """``{{ n | compte("personne") }}``: « 1 personne », « 2 personnes », « 0 indéterminée » — the count (as
    ``entier``) and its word by the French rule (``i18n.french_word``), never « personne(s) »; « — personnes »
    for a count not known."""
    from ei_cli.i18n import french_word

    value = _decimal(x)
    return f"{fmt_count(x)} {french_word(2 if value is None else value, word, word_plural)}"


def fmt_eur(x) -> str:
    """1 234,50 € (babel format_currency, EUR, fr_BE), rounded half up to the cent (``rules.common.money``,
    as ``euro_text``): 0,125 € is « 0,13 € », not babel's half-even « 0,12 € »."""
    from babel.numbers import format_currency

    from ei_cli.rules.common import money

    value = _decimal(x)
    if value is None:
        return "—"
    return format_currency(money(value), "EUR", locale=LOCALE)  # exact: babel has nothing left to round


def fmt_share(x, digits: int = 1) -> str:
    """0.4 → 40,0 %; rounded *down* to the tenth of a per cent like every share ``ei`` prints
    (``rules.common.share_percent``): 0.4998 → 49,9 %, never « 50,0 % » beside a missed 50 %."""
    from babel.numbers import format_percent

    from ei_cli.rules.common import share_percent

    value = _decimal(x)
    if value is None:
        return "—"
    pattern = "#,##0" + ("." + "0" * digits if digits else "") + " %"
    floored = share_percent(value, digits) / 100  # exact: babel has nothing left to round
    return format_percent(floored, format=pattern, locale=LOCALE)


def fmt_date(x) -> str:
    """2026-07-15 → 15 juillet 2026; the first of a month in the French ordinal, 2024-03-01 → 1er mars 2024 (babel's
    « long » format writes « 1 mars 2024 »)."""
    from babel.dates import format_date

    value = _as_date(x)
    if value is None:
        return "—"
    return format_date(value, format="d'er' MMMM y" if value.day == 1 else "long", locale=LOCALE)


def fmt_short_date(x) -> str:
    """2024-03-01 → 01/03/2024."""
    from babel.dates import format_date

    value = _as_date(x)
    if value is None:
        return "—"
    return format_date(value, format="dd/MM/y", locale=LOCALE)


def fmt_month(x) -> str:
    """2025-03 → mars 2025."""
    from babel.dates import format_date

    if x is None or x == "":
        return "—"
    month = x if isinstance(x, Month) else Month.parse(str(x)[:7])
    return format_date(month.first_day, format="MMMM y", locale=LOCALE)


def fmt_verdict(x, applicable: bool = True) -> str:
    """conforme / non conforme / indéterminé, as ``ei check`` says them (``rules.common.VERDICT``); « non
    applicable » for a check no obligation of which applies to the period (``applicable`` false: a period
    before the agrément), which is neither compliant nor unknown (as ``render.verdict_markup`` says it)."""
    from ei_cli.rules.common import NOT_APPLICABLE, VERDICT

    if applicable is False:
        return NOT_APPLICABLE.fr
    return VERDICT.get(x if x in (True, False) else None).fr


FILTERS = {
    "nombre": fmt_number,
    "entier": fmt_count,
    "compte": fmt_counted,
    "euros": fmt_eur,
    "pourcent": fmt_share,
    "date_fr": fmt_date,
    "date_courte": fmt_short_date,
    "mois": fmt_month,
    "verdict": fmt_verdict,
}


_MARKDOWN_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*_[]<>|#"} | {"\n": " ", "\r": " "})


def markdown_escape(value):
    """Values printed into a Markdown template cannot open a table cell, a link or HTML."""
    from markupsafe import Markup

    if isinstance(value, str) and not isinstance(value, Markup):
        return value.translate(_MARKDOWN_SPECIAL)
    return value


def _verbatim(value) -> str:
    """``| brut``: Markdown written by the template itself (a macro's output), not escaped again."""
    from markupsafe import Markup

    return Markup(value)


def jinja_env(dirs: Iterable[Path] = (), *, autoescape: bool = True, markdown: bool = False):
    """StrictUndefined everywhere; HTML autoescaped; Markdown values escaped; the French filters."""
    from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

    class Loader(FileSystemLoader):
        """A template that is not UTF-8 text: a French message naming the file, not an internal error."""

        def get_source(self, environment, template):
            try:
                return super().get_source(environment, template)
            except UnicodeDecodeError as exc:
                path = next((Path(d) / template for d in self.searchpath if (Path(d) / template).is_file()),
                            Path(template))
                raise unreadable_template(path, exc) from exc

    env = Environment(
        finalize=markdown_escape if markdown else None,
        loader=Loader([str(d) for d in dirs]),
        undefined=StrictUndefined,
        autoescape=select_autoescape(enabled_extensions=("html", "html.j2", "xml"),
                                     default_for_string=autoescape, default=autoescape)
        if autoescape else False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(FILTERS)
    env.filters["brut"] = _verbatim
    return env


def unreadable_template(path: Path, exc: Exception) -> EiError:
    """The template file cannot be read as what its name says: UTF-8 text, or a Word .docx."""
    from ei_cli.problems import display_path

    path = display_path(path)
    if isinstance(exc, UnicodeDecodeError):
        byte = exc.object[exc.start:exc.start + 1].hex()
        return EiError(t(
            f"Modèle {path} : ce n'est pas du texte UTF-8 (octet 0x{byte} à la position {exc.start}). "
            "Enregistrez-le en UTF-8 (« Enregistrer sous… », encodage UTF-8). Aucun fichier écrit.",
            f"Template {path}: not UTF-8 text (byte 0x{byte} at position {exc.start}). Save it as UTF-8. "
            "Nothing written."))
    return EiError(t(
        f"Modèle {path} : ce n'est pas un document Word .docx lisible ({type(exc).__name__}). Partez d'une "
        "copie du modèle livré (ei report --list-templates) et enregistrez-la au format .docx. Aucun fichier écrit.",
        f"Template {path}: not a readable Word .docx document ({type(exc).__name__}). Start from a copy of "
        "the shipped template (ei report --list-templates) and save it as .docx. Nothing written."))


def _template_error(exc, kind: str, fmt: str, custom: Path | None) -> EiError:
    """A Jinja error, its own detail kept, with the template file it comes from and where in it: the line
    for a text template (from the error, else from the template's frame of the traceback); for a .docx,
    whose lines are docxtpl's XML, the text of the paragraph when docxtpl gives it."""
    import traceback

    name = TEMPLATE_FILES[(kind, fmt)]
    try:
        path = str(find_template(name, custom))
    except EiError:
        path = name
    line = paragraph = None
    if fmt == "docx":
        context = [c.strip() for c in getattr(exc, "docx_context", None) or []]
        lineno = getattr(exc, "lineno", None) or 0
        at = min(lineno, 4) - 1
        if 0 <= at < len(context) and context[at]:
            paragraph = context[at][:120]
    else:
        path = getattr(exc, "filename", None) or path
        line = getattr(exc, "lineno", None)
        frames = [f for f in traceback.extract_tb(exc.__traceback__)
                  if f.filename and Path(f.filename).name in TEMPLATE_NAMES]
        if frames and line is None:
            path, line = frames[-1].filename, frames[-1].lineno
    from ei_cli.problems import display_path

    path = display_path(path)
    detail = str(exc.message or exc).strip().rstrip(".")
    where_fr = f", ligne {line}" if line else (f", paragraphe « {paragraph} »" if paragraph else "")
    where_en = f", line {line}" if line else (f", paragraph '{paragraph}'" if paragraph else "")
    return EiError(t(f"Modèle {path}{where_fr} : {detail}. Aucun fichier écrit.",
                     f"Template {path}{where_en}: {detail}. Nothing written."))


# ============================================================================ pure helpers
def _plain(obj):
    from ei_cli.output import jsonable

    return jsonable(obj, "fr")


def agrement_periods(regime, agrement_date: date, on: date) -> dict:
    """The agrément period running on ``on`` and the ones before it, chained regime by regime.

    Each of the region's regimes in force between ``agrement_date`` and ``on`` gives its own periods, from the
    parameters it holds: a first agrément then one renewal then an indefinite agrément (Wallonia 2016,
    rules.md §3.8); fixed periods renewed from ``agrement_date`` (Brussels 2004: 4 years, §5.8); or mandates
    of one cohort, counted from the cohort's date (Brussels 2018: 5 years, renewal 2025-01-01, §6). A period
    runs on ``on`` only under the regime in force that day; before a cohort's first known date the mandate is
    not established, and the agrément the previous regime left running is said as such. A forced regime
    (``--regime``, the workbook's field: D4) is a simulation only when it is not in force on ``on`` — its own
    periods alone, counted from ``agrement_date``; in force that day, it gives the periods it gives unforced
    (``Regime.simulates``, as ``rules.common.obligations_start`` reads it: choosing the regime in force changes
    nothing).
    Without any duration parameter: not established.
    """
    from ei_cli.regimes import all_regimes, shipped_in_force

    not_started = on < agrement_date
    on = max(on, agrement_date)
    simulated = regime.forced and regime.simulates(on)
    if simulated:
        chain, in_force = [regime], regime
    else:
        chain = [regime if r.id == regime.id else r for r in all_regimes() if r.region == regime.region
                 and r.valid_from <= on and (r.valid_to is None or agrement_date <= r.valid_to)]
        in_force = shipped_in_force(regime.region, on)
        in_force = regime if in_force is not None and in_force.id == regime.id else in_force
    periods: list[dict] = []
    references: list[str] = []
    for r in chain:
        own, cited = _regime_agrement_periods(r, agrement_date, on, simulated=simulated)
        periods += own
        references += cited
    for p in periods:
        if in_force is not None and p["regime"] != in_force.id:
            ended = next(r for r in chain if r.id == p["regime"]).valid_to
            p["label"] += f" (régime {p['regime']}" + (f", en vigueur jusqu'au {fmt_date(ended)})" if ended else ")")
    current = None
    for p in periods:
        if (in_force is not None and p["regime"] == in_force.id and _as_date(p["start"]) <= on
                and (p["end"] is None or on <= _as_date(p["end"]))):
            current = p
    shown = [p for p in periods if _as_date(p["start"]) <= on]
    cohort = _mandate_cohort(in_force, on) if in_force is not None else None
    if not_started:  # the day asked about comes before the agrément: no period runs then
        current, shown = None, []
        summary = (f"Agrément pas encore commencé à cette date : il prend cours le {fmt_date(agrement_date)}.")
    elif current is not None:
        duration = f"{current['years']} ans" if current["years"] else "durée indéterminée"
        summary = (f"{current['label']} ({duration}) : du {fmt_date(current['start'])}"
                   + (f" au {fmt_date(current['end'])}" if current["end"] else ", sans échéance"))
    elif cohort is not None and on < cohort[0].value:
        first, years = cohort
        references += [first.cite(), years.cite()]
        summary = (f"Mandat d'insertion non établi à cette date : sous le régime {in_force.id} (en vigueur depuis le "
                   f"{fmt_date(in_force.valid_from)}), les mandats sont accordés pour {int(years.number)} ans en une "
                   f"seule cohorte, dont seul le renouvellement du {fmt_date(first.value)} est connu.")
        left = [p for p in periods if p["regime"] != in_force.id and _as_date(p["start"]) <= in_force.valid_from
                and (p["end"] is None or in_force.valid_from <= _as_date(p["end"]))]
        if left:
            p = left[-1]
            summary += (f" Période en cours à la fin du régime précédent : {p['label']}, du {fmt_date(p['start'])}"
                        + (f" au {fmt_date(p['end'])}" if p["end"] else ", sans échéance")
                        + " ; sa suite sous le nouveau régime n'est pas établie.")
    elif (in_force is not None and not simulated and agrement_date < in_force.valid_from
          and in_force.has("agrement.first_duration_years")):
        before = shipped_in_force(regime.region, agrement_date)
        references += [in_force.value(k, in_force.valid_from).cite()
                       for k in ("agrement.first_duration_years", "agrement.renewal_duration_years")
                       if in_force.has(k)]
        summary = (f"Agrément accordé le {fmt_date(agrement_date)} "
                   + (f"sous le régime antérieur ({before.id})" if before is not None
                      else "sous un régime antérieur qu'ei ne fournit pas")
                   + f" ; sa durée et sa situation sous le régime {in_force.id} — {in_force.title}, appliqué depuis "
                   f"le {fmt_date(in_force.valid_from)} — ne sont pas établies : aucune disposition transitoire n'a "
                   "été trouvée.")
    else:
        summary = "Durée de l'agrément non établie pour ce régime (texte non trouvé)."
    return {"current": current, "periods": shown, "summary": summary, "not_started": not_started,
            "references": list(dict.fromkeys(references))}


def _mandate_cohort(regime, on: date):
    """(cohort date, mandate years) when ``regime`` grants its mandates in one cohort (Brussels 2018, rules.md §6);
    None when it does not, or when either figure is unknown."""
    first = regime.value_or_none("agrement.mandate_cohort_start", on)
    years = regime.value_or_none("agrement.mandate_years", on)
    if first is None or years is None or first.is_unknown or years.is_unknown:
        return None
    return first, years


def _regime_agrement_periods(regime, agrement_date: date, on: date, simulated: bool) -> tuple[list[dict], list[str]]:
    """The periods one regime gives to an agrément of ``agrement_date``, up to ``on`` (and, unless ``simulated``,
    none beginning after the regime's end), with the references of their durations."""
    periods: list[dict] = []
    references: list[str] = []

    def add(label: str, origin: date, first: int, years: int | None, start: date | None = None):
        # Agrément years ``first`` … ``first + years - 1`` counted from ``origin`` (``None``: no end), cut
        # at ``start``: their days are those of the agrément years of the quota and the subsidies
        # (``periods.anniversary_year``: from 29 February, a year ends on 28 February, the next starts on 1 March).
        periods.append({"label": label, "start": (start or anniversary_year(origin, first).start).isoformat(),
                        "regime": regime.id, "years": years,
                        "end": anniversary_year(origin, first + years - 1).end.isoformat() if years else None})

    last_start = on if simulated or regime.valid_to is None else min(on, regime.valid_to)
    if regime.has("agrement.first_duration_years") and not simulated and agrement_date < regime.valid_from:
        # The first agrément / renewal / indefinite sequence is the Walloon 2016 decree's, applicable from its
        # valid_from (rules.md §1, §3.8). An agrément granted before it was granted under the previous regime,
        # for a duration not found, and no transitional provision is known: none of these periods is counted
        # from its date (agrement_periods says why).
        return periods, references
    if regime.has("agrement.first_duration_years"):
        first = regime.value("agrement.first_duration_years", agrement_date)
        references.append(first.cite())
        steps = [("Premier agrément", first)]
        if regime.has("agrement.renewal_duration_years"):
            renewal = regime.value("agrement.renewal_duration_years", agrement_date)
            references.append(renewal.cite())
            steps.append(("Renouvellement", renewal))
        n = 1  # the period's first agrément year
        for label, value in steps:
            if value.is_unknown:
                break
            years = int(value.number)
            add(label, agrement_date, n, years)
            n += years
        else:
            add("Agrément à durée indéterminée", agrement_date, n, None)
        return periods, references
    cohort = _mandate_cohort(regime, max(agrement_date, regime.valid_from))
    if cohort is not None:
        first, value = cohort
        references += [first.cite(), value.cite()]
        years, n = int(value.number), 1
        while (start := anniversary_year(first.value, n).start) <= on:
            if agrement_date <= anniversary_year(first.value, n + years - 1).end:
                add(f"Mandat d'insertion de la cohorte du {fmt_date(start)}", first.value, n, years,
                    max(start, agrement_date))
            n += years
        return periods, references
    key = next((k for k in ("agrement.duration_years", "agrement.mandate_years") if regime.has(k)), None)
    value = regime.value(key, agrement_date) if key else None
    if value is not None and not value.is_unknown:
        references.append(value.cite())
        years = int(value.number)
        n = 1
        while anniversary_year(agrement_date, n).start <= last_start:
            add("Agrément initial" if n == 1 else f"Renouvellement n° {(n - 1) // years}", agrement_date, n, years)
            n += years
    return periods, references


def activity_report_deadline(regime, year: int) -> str | None:
    """The day the report for ``year`` is due (parameter reporting.activity_report_deadline, 'JJ-MM')."""
    if not regime.has("reporting.activity_report_deadline"):
        return None
    value = regime.value("reporting.activity_report_deadline", date(year + 1, 1, 1))
    if value.is_unknown:
        return None
    day, month = (int(p) for p in str(value.value).split("-"))
    return date(year + 1, month, day).isoformat()


def contract_in_force(worker: Worker, day: date) -> Text:
    """The worker's contract on ``day`` (the end of the period shown, or the exit before it): « CDI (depuis le
    01/08/2024) » for a contract that became open-ended (``date_cdi``, ``rules.employment.cdi_date``) by then —
    the type at hire (« CDD ») read beside an employment check finding every worker on a CDI —, « CDI » for
    one open-ended from the hire, the type at hire otherwise."""
    since = _open_ended_by(worker, day)
    if since is None:
        kind = str(worker.contract_type)
        return t(kind, kind)
    if since == worker.hire_date:
        return t("CDI", "CDI")
    return t(f"CDI (depuis le {fmt_short_date(since)})", f"CDI (since {since.isoformat()})")


def _open_ended_by(worker: Worker, day: date) -> date | None:
    """The day the worker's contract became open-ended (``rules.employment.cdi_date``), if it had by ``day``."""
    from ei_cli.rules.employment import cdi_date

    since = cdi_date(worker)
    return since if since is not None and since <= day else None


def _worker_row(worker: Worker, category: str, names: bool, fte: Decimal, end: date) -> dict:
    """One line of the staff list; ``end``: the last day of the period shown (its known part)."""
    day = min(end, worker.exit_date or end)
    since = _open_ended_by(worker, day)
    return {
        "worker_id": worker.worker_id,
        "name": worker.display_name() if names else None,
        "function": FUNCTION_SHORT.get(worker.function, str(worker.function)),
        "contract": contract_in_force(worker, day).fr,
        "contract_at_hire": str(worker.contract_type),
        "open_ended_since": since.isoformat() if since is not None else None,
        "contract_fte": _plain(worker.fte),
        "average_fte": _plain(fte),
        "hire_date": worker.hire_date.isoformat(),
        "exit_date": worker.exit_date.isoformat() if worker.exit_date else None,
        "category": category,
        "category_label": CATEGORY_SHORT.get(category, category),
    }


def staff_summary(enterprise: Enterprise, period: Period, report, names: bool = False) -> dict:
    """Heads, average FTE (Σ FTE-months ÷ months), by function, target public by category. Heads are persons:
    the ids of one person re-hired under a new id — or hired after an art. 60 §7 stint here — count once
    (``Enterprise.persons`` with ``stints``, docs/interpretations.md
    « A person re-hired under a new id »); hires and exits are contracts begun and ended.

    A year in progress is measured up to the payroll's horizon (``rules.common.known_part``, as the quota and the
    enterprise size): ``end`` is the day the figures stop at, ``provisional`` says the year goes on; a year not
    begun, or none of whose months is known yet, has no figure (None, « — » in the documents)."""
    from ei_cli.rules.common import known_part, period_over, person_fte_rows

    known = known_part(enterprise, period)
    if known is None:
        return {"heads": None, "heads_at_end": None, "fte": None, "by_function": [], "categories": [],
                "target_heads": None, "target_fte": None, "supervision_heads": None, "supervision_fte": None,
                "art60_heads": None, "hires": None, "exits": None, "workers": [], "fallback_months": 0,
                "end": period.end.isoformat(), "provisional": False, "measured": False}
    whole, period = period, known
    employed = [w for w in enterprise.workers if w.employed_in(period)]
    months = list(period.months())
    rows, fallbacks, _ = person_fte_rows(enterprise, months, employed)
    n_months = Decimal(len(months)) or Decimal(1)
    avg = {w.worker_id: sum(row, Decimal(0)) / n_months for w, row in zip(employed, rows)}
    at_end = [w for w in employed if w.employed_on(period.end)]

    # A person: the ids of one person count once, an art. 60 §7 stint and the EI contract that follows it too.
    def persons(workers) -> int:
        return enterprise.persons(workers, stints=True)

    def q(x: Decimal) -> Decimal:
        return x.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)

    by_function = []
    for fn in Function:
        members = [w for w in employed if w.function == fn]
        if members:
            by_function.append({"function": FUNCTION_LABELS[fn], "heads": persons(members),
                                "heads_at_end": persons(w for w in members if w.employed_on(period.end)),
                                "fte": _plain(q(sum((avg[w.worker_id] for w in members), Decimal(0))))})
    ids = {w.worker_id for w in employed}
    counts = report.counts(ids)
    categories = [{"category": c, "label": CATEGORY_LABELS.get(c, c),
                   "heads": persons(w for w in employed if str(report.category(w.worker_id)) == c),
                   "fte": _plain(q(sum((avg[w.worker_id] for w in employed
                                        if str(report.category(w.worker_id)) == c), Decimal(0))))}
                  for c, n in counts.items() if n]
    target_heads = persons(w for w in employed if report.is_target(w.worker_id))
    supervision = [w for w in employed if w.function in SUPERVISION_FUNCTIONS]
    return {
        "heads": persons(employed),
        "heads_at_end": persons(at_end),
        "fte": _plain(q(sum(avg.values(), Decimal(0)))),
        "by_function": by_function,
        "categories": categories,
        "target_heads": target_heads,
        "target_fte": _plain(q(sum((avg[w.worker_id] for w in employed if report.is_target(w.worker_id)),
                                   Decimal(0)))),
        "supervision_heads": persons(supervision),
        "supervision_fte": _plain(q(sum((avg[w.worker_id] for w in supervision), Decimal(0)))),
        "art60_heads": persons(w for w in employed if not w.has_employment_contract),
        "hires": sum(1 for w in employed if period.contains(w.hire_date)),
        "exits": sum(1 for w in employed if w.exit_date and period.contains(w.exit_date)),
        "workers": [_worker_row(w, str(report.category(w.worker_id)), names, q(avg[w.worker_id]), period.end)
                    for w in employed],
        "fallback_months": sum(len(v) for v in fallbacks.values()),
        "end": period.end.isoformat(),
        "provisional": not period_over(whole),
        "measured": True,
    }


def follow_up_summary(enterprise: Enterprise, period: Period, report) -> dict:
    """Interviews per quarter, assessments, training plans, trainings and their hours, round tables.

    Without a Suivi sheet in the workbook the actions are not known: every count is None (« — » in
    the documents, whose follow-up check says why), never 0, which would read as « no follow-up ».
    Workers are persons, as in ``staff_summary``: the ids of one person re-hired under a new id (or hired after an
    art. 60 §7 stint here) count once (``Enterprise.by_person``), followed when an action is held during one of
    their contracts (``Enterprise.held_on``)."""
    from ei_cli.rules.common import known_part
    from ei_cli.rules.follow_up import Quarter

    # The target workers of the staff table (``staff_summary``): of a year in progress, those employed up to its
    # horizon — a worker hired after it is not counted as one not followed yet. (A year none of whose months is
    # known, whose staff table says « — », counts those of the whole year.)
    staff_part = known_part(enterprise, period) or period
    targets = enterprise.by_person((w for w in enterprise.workers if w.employed_in(staff_part)
                                    and report.is_target(w.worker_id)), stints=True)
    # « 1er trimestre 2025 », as the follow-up check says a quarter (« T1 » read as the TD criterion code T1).
    year = period.end.year
    named = {q: Quarter(year, q).text.fr for q in range(1, 5)}
    if not enterprise.follow_up_sheet:
        return {
            "quarters": [{"quarter": named[q], "individual": None, "collective": None, "workers_met": None}
                         for q in range(1, 5)],
            "interviews": None, "assessments": None, "training_plans": None, "trainings": None,
            "training_hours": None, "trainings_without_hours": None, "skills_validations": None, "other": None,
            "round_tables": None, "target_workers": len(targets), "target_workers_followed": None,
        }
    # As the follow-up check counts them: actions of the year held while the worker is employed.
    by_id = enterprise.workers_by_id
    actions = [f for f in enterprise.follow_ups if period.contains(f.date) and f.worker_id in by_id
               and enterprise.held_on(by_id[f.worker_id], f.date)]
    quarters = []
    for q in range(1, 5):
        in_q = [f for f in actions if Month.of(f.date).quarter == q and f.date.year == year]
        individual = [f for f in in_q if f.type == FollowUpType.INDIVIDUAL_INTERVIEW]
        collective = [f for f in in_q if f.type == FollowUpType.COLLECTIVE_INTERVIEW]
        quarters.append({"quarter": named[q], "individual": len(individual), "collective": len(collective),
                         "workers_met": enterprise.persons({f.worker_id: by_id[f.worker_id]
                                                            for f in individual + collective}.values(), stints=True)})

    def of(kind: FollowUpType) -> list:
        return [f for f in actions if f.type == kind]

    trainings = of(FollowUpType.TRAINING)
    hours = sum((f.hours for f in trainings if f.hours is not None), Decimal(0))
    # A round table (task 10) is held with the insertion operators, not with a worker: it is listed, and
    # follows no one (nor does the follow-up check count it).
    # An action follows the person's contract(s) in force on its date, whichever id it is recorded under.
    followed = {w.worker_id for f in actions if f.type != FollowUpType.ROUND_TABLE
                for w in enterprise.held_on(by_id[f.worker_id], f.date)}
    return {
        "quarters": quarters,
        "interviews": sum(q["individual"] + q["collective"] for q in quarters),
        "assessments": len(of(FollowUpType.ASSESSMENT)),
        "training_plans": len(of(FollowUpType.TRAINING_PLAN)),
        "trainings": len(trainings),
        "training_hours": _plain(hours),
        "trainings_without_hours": sum(1 for f in trainings if f.hours is None),
        "skills_validations": len(of(FollowUpType.SKILLS_VALIDATION)),
        "other": len(of(FollowUpType.OTHER)),
        "round_tables": len(of(FollowUpType.ROUND_TABLE)),
        "target_workers": len(targets),
        "target_workers_followed": sum(1 for rows in targets if any(w.worker_id in followed for w in rows)),
    }


# ============================================================================ the rule results
@dataclass(frozen=True)
class RuleResults:
    """What the rule modules say for one period, as plain dicts (``to_dict("fr")``)."""

    checks: dict           # name → CheckResult dict
    quota: dict
    subsidies: dict | None
    # The warnings of the rules (``CheckResult.problems``, the quota's: a worker's months without a Paie row,
    # counted on Personnel.etp), each once — those ``ei check`` adds to the reader's.
    problems: tuple = ()


def rule_results(enterprise: Enterprise, regime, period: Period, report, year: int | None,
                 application: bool = False) -> RuleResults:
    from ei_cli.rules.dashboard import run_checks
    from ei_cli.rules.quota import evaluate_quota

    results = run_checks(enterprise, regime, period, report, application=application)
    checks = {c.name: _plain(c.to_dict("fr")) for c in results}
    evaluated = evaluate_quota(enterprise, regime, period, report)
    quota = _plain(_to_dict(evaluated))
    subsidies = None
    if year is not None:
        from ei_cli.rules.subsidy import compute_subsidies

        subsidies = _plain(_to_dict(compute_subsidies(enterprise, regime, year, report)))
    problems = merged([p for c in results for p in c.problems], evaluated.problems)
    return RuleResults(checks, quota, subsidies, tuple(problems))


def _to_dict(result) -> dict:
    try:
        return result.to_dict("fr")
    except TypeError:
        return result.to_dict()


def _quota_view(quota: dict, period: Period, application: bool = False) -> dict:
    """The quota fields the templates use, whatever else the rule module adds.

    A calendar year overlaps two agrément years: the months of the chart are those of the period,
    taken from every agrément year evaluated (each with its own required share).
    """
    from ei_cli.rules.quota import headline_year, judged_share

    by_month: dict[str, dict] = {}
    sources = [y.get("months") or [] for y in quota.get("agrement_years") or []] or [quota.get("months") or []]
    first, last = str(Month.of(period.start)), str(Month.of(period.end))
    for months in sources:
        for m in months:
            key = str(m.get("month"))
            if first <= key <= last:
                by_month[key] = {"month": key, "target_fte": m.get("target_fte"), "total_fte": m.get("total_fte"),
                                 "share": m.get("share"),
                                 "required_share": m.get("required_share", quota.get("required_share")),
                                 "judged": m.get("judged", True) is not False}
    headline = headline_year(quota, quota.get("compliant"))
    # The reasons of every agrément year that does not pass and of the latest (the top level's), each text
    # once in the years' order: an earlier failing year's months below the threshold were dropped when the
    # latest failed too.
    years = quota.get("agrement_years") or []
    reasons = [r for i, y in enumerate(years) if i == len(years) - 1
               or y.get("compliant") is not True for r in y.get("reasons") or []] or quota.get("reasons") or []
    share_month, target_fte, total_fte = _judged_figures(headline)
    # The agrément year the headline figures are of (its own dict: the top level lacks its extent), and whether
    # they are provisional — a year in progress, measured on the months known so far.
    year = headline if headline in years else next(
        (y for y in years if y.get("agrement_year") == quota.get("agrement_year")), years[-1] if years else {})
    number = year.get("agrement_year", year.get("year"))
    year_text = (f"année d'agrément {number}, du {fmt_date(year['start'])} au {fmt_date(year['end'])}"
                 if number is not None and year.get("start") and year.get("end") else None)
    provisional = headline.get("provisional") is True
    known, in_year = year.get("months_known"), year.get("months_in_year")
    provisional_note = None
    if provisional and known is not None and known == in_year:
        # Every month paid while the year runs (a payroll entered to its end): « 12 mois connus sur 12 » said nothing.
        provisional_note = f"provisoire : année d'agrément {number} en cours, paie saisie jusqu'à sa fin"
    elif provisional:
        provisional_note = (f"provisoire : {fmt_counted(known, 'mois connu', 'mois connus')} sur "
                            f"{fmt_count(in_year)} de l'année d'agrément {number}")
    return {
        "compliant": quota.get("compliant"),
        # the headline's agrément year (« année d'agrément 3, du 1er mars 2026 au 28 février 2027 »), and « provisoire :
        # 8 mois connus sur 12 de l'année d'agrément 3 » for a year in progress (None otherwise)
        "headline_year": year_text,
        "provisional": provisional,
        "months_known": known,
        "months_in_year": in_year,
        "provisional_note": provisional_note,
        "applicable": _applicable(quota, application),
        "summary": quota.get("summary"),
        "required_share": headline.get("required_share"),
        "target_share": judged_share(headline),
        "share_month": share_month,
        "target_fte": target_fte,
        "total_fte": total_fte,
        "shortfall_fte": headline.get("shortfall_fte"),
        # A year judged on minimum FTE (Brussels 2018, `judged_on: average_minimums`) has no required share:
        # the documents print its FTE beside the minimums instead of « — requis ».
        "judged_on": headline.get("judged_on"),
        "min_target_fte": headline.get("min_target_fte"),
        "supervision_fte": headline.get("supervision_fte"),
        "min_supervision_fte": headline.get("min_supervision_fte"),
        # No agrément year in the period (before the agrément): « pas encore d'année d'agrément ».
        "no_agrement_year": "agrement_years" in quota and not quota["agrement_years"],
        "months": [by_month[k] for k in sorted(by_month)],
        "reasons": list(dict.fromkeys(_reason_text(r) for r in reasons)),
        "agrement_years": [{"label": f"Année d'agrément {y.get('agrement_year', y.get('year', ''))}",
                            "start": y.get("start"), "end": y.get("end"),
                            "required_share": y.get("required_share"), "target_share": judged_share(y),
                            "judged_on": y.get("judged_on"), "min_target_fte": y.get("min_target_fte"),
                            # not measured (no payroll month known): « — », never a 0 that reads as measured
                            "target_fte": y.get("target_fte") if y.get("fte_measured", True) else None,
                            "share_month": _judged_figures(y)[0],
                            "compliant": y.get("compliant"), "summary": y.get("summary") or ""}
                           for y in quota.get("agrement_years") or []],
    }


def _judged_figures(year: dict) -> tuple[str | None, object, object]:
    """(month, target FTE, total FTE) to print beside the share judged (``rules.quota.judged_share``). A
    year judged month by month (Brussels 2004) is judged on its lowest judged month: that month and its
    own FTE (``months[]``) — the year's average FTE beside the month's share read as a contradiction
    (« 14,2 % » beside « 3,75 / 9,75 »); no month judged yet: none. Any other year: no month, the year's
    figures — none when they were not measured (``fte_measured`` false: no payroll month known; « — », never
    the 0 the JSON holds). ``shortfall_fte`` is already the most deficient judged month's
    (``rules.quota._monthly_need``)."""
    if year.get("fte_measured") is False:
        return None, None, None
    if year.get("judged_on") != "every_month":
        return None, year.get("target_fte"), year.get("total_fte")
    month = year.get("lowest_judged_month")
    row = next((m for m in year.get("months") or [] if month and str(m.get("month")) == str(month)), None)
    if row is None:
        return None, None, None
    return str(month), row.get("target_fte"), row.get("total_fte")


# Confidences a document does not spell out: the figure is read in the legal text or on an official
# page. Any other (secondary source, source documents only, inferred, not found) is written beside it.
SOURCED = ("verified", "official_page")


def confidence_label(confidence: str | None) -> str:
    """« déduit par interprétation » for a confidence a reader must be told about, "" otherwise."""
    from ei_cli.regimes import CONFIDENCES

    if not confidence or confidence in SOURCED or confidence not in CONFIDENCES:
        return ""
    return CONFIDENCES[confidence].fr


def _reason_text(r) -> str:
    """« texte (référence ; confiance) »: the reference as the results give it (French, already cited), its
    confidence after a semicolon — one bracket level, not « (référence (confiance)) » —, the confidence only
    when it is not verified / an official page."""
    if not isinstance(r, dict):
        return str(r)
    inner = " ; ".join(x for x in (r.get("reference") or "", confidence_label(r.get("confidence"))) if x)
    return r.get("text", "") + (f" ({inner})" if inner else "")


def _applicable(result: dict, application: bool) -> bool:
    """False for a check or quota no obligation of which applies to the period (``applicable: false`` of
    its JSON: a period before the agrément), printed « non applicable ». An agrément application judges
    every check as what the workbook shows of the conditions (``run_checks(application=True)``): none of
    its verdicts reads « non applicable » — the quota, which has no agrément year to judge then, stays
    « indéterminé »."""
    return application or result.get("applicable", True) is not False


def check_labels(regime) -> dict:
    """Each check's title in the documents, in their order: ``CHECK_LABELS``, the enterprise check's named after
    what ``regime``'s rule judges (``ENTERPRISE_CHECK_LABELS``)."""
    rule = regime.rule("enterprise")
    return {**CHECK_LABELS, "enterprise": ENTERPRISE_CHECK_LABELS.get(rule, CHECK_LABELS["enterprise"])}


def _check_view(check: dict | None, name: str, label: str, application: bool = False) -> dict:
    if check is None:
        return {"name": name, "label": label, "compliant": None, "applicable": True,
                "summary": "Contrôle non disponible.", "reasons": [], "to_fix": []}
    return {"name": name, "label": label, "compliant": check.get("compliant"),
            "applicable": _applicable(check, application),
            "summary": check.get("summary") or "", "reasons": [_reason_text(r) for r in check.get("reasons") or []],
            "to_fix": list(check.get("to_fix") or [])}


def document_compliant(context: dict) -> bool | None:
    """The verdicts a document prints, combined for its exit code (cli.md: 1 when a check that ran is not
    compliant, as ``ei check``): each check that applies (``_check_view``; the quota's agrément years are in
    its verdict) and, in the annual report, the subsidies' condition (Brussels 2004: the share of
    supervision staff, on which ``ei subsidy`` exits 1 too). Unknown is no failure (there is no ``--strict``)."""
    from ei_cli.rules.common import combine

    verdicts = [c["compliant"] for c in context.get("checks") or [] if c["applicable"]]
    verdicts += [c["compliant"] for c in (context.get("subsidies") or {}).get("conditions") or []]
    return combine(verdicts)


def obligations_summary(checks: list[dict]) -> dict:
    """« En bref »'s count over the obligations that apply (``_check_view``): ``respected`` of
    ``applicable``, ``undetermined`` of them « indéterminé » (not counted as failing); the eligibility
    check is information, not an obligation (section 2), and is not counted. ``none_applies`` when no
    obligation of the agrément applies to the period (``rules.dashboard.nothing_applies``: the sentence
    then says so instead of a count)."""
    from ei_cli.rules.dashboard import nothing_applies

    applying = [c for c in checks if c["applicable"] and c["name"] != "eligibility"]
    return {"respected": sum(1 for c in applying if c["compliant"] is True), "applicable": len(applying),
            "undetermined": sum(1 for c in applying if c["compliant"] is None),
            "none_applies": nothing_applies((c["name"], c["applicable"], c["compliant"]) for c in checks)}


NOT_CLAIMABLE = "non réclamable"

SUBSIDY_LABELS = {
    "target_worker": "Subvention par travailleur du public cible",
    "social_accompaniment": "Subvention d'accompagnement social",
    "manager": "Subvention de démarrage (chef d'entreprise)",
    "supervision": "Subvention d'encadrement",
}


def _subsidy_label(subsidy: str | None) -> str:
    """A subsidy's name in the documents: their own longer wording, else the rules' (``SUBSIDY_TEXT``)."""
    from ei_cli.rules.subsidy import SUBSIDY_TEXT

    if subsidy in SUBSIDY_LABELS:
        return SUBSIDY_LABELS[subsidy]
    return SUBSIDY_TEXT[subsidy].fr if subsidy in SUBSIDY_TEXT else str(subsidy).replace("_", " ")


def _subsidy_view(subsidies: dict | None) -> dict | None:
    from ei_cli.rules.common import worker_text

    if subsidies is None:
        return None
    totals = subsidies.get("totals") or {}
    notes = [n if isinstance(n, str) else _reason_text(n) for n in subsidies.get("notes") or []]
    # The total is what could be computed: said right under the Total row (``incomplete``), so that no
    # reader takes it for the whole claim; the other notes follow the references under their own heading.
    incomplete = ("Total incomplet : une partie des subventions n'a pas pu être calculée ou n'est pas "
                  "réclamable en l'état (voir « Non calculables » et les lignes « non réclamable ») ; "
                  "le total ne compte que ce qui l'est.") if subsidies.get("complete") is False else None
    de_minimis = subsidies.get("de_minimis")
    if isinstance(de_minimis, dict) and de_minimis.get("note"):
        notes.append(_reason_text({"text": de_minimis["note"], "reference": de_minimis.get("reference"),
                                   "confidence": de_minimis.get("confidence")}))
    line_notes: dict[str, int] = {}  # each distinct line note once, numbered in order of appearance
    # The texts each subsidy rests on, each once: its lines' and unknown entries' references and those of
    # its lines' reasons, each with the confidences the reader must be told about (``confidence_label``).
    references: dict[str, dict[str, dict[str, None]]] = {}

    def cite(subsidy, reference, confidence=None) -> None:
        if reference:
            labels = references.setdefault(subsidy, {}).setdefault(reference, {})
            if confidence_label(confidence):
                labels[confidence_label(confidence)] = None

    lines = []
    for line in subsidies.get("lines") or []:
        # the line's notes as the JSON holds them: the rules decide which confidence needs one (subsidy._Run.add)
        texts = [n if isinstance(n, str) else _reason_text(n) for n in line.get("notes") or []]
        claimable = line.get("claimable", True)
        numbers = [line_notes.setdefault(n, len(line_notes) + 1) for n in texts]
        reasons = line.get("reasons") or []
        cite(line.get("subsidy"), line.get("reference"))
        for r in reasons:
            if isinstance(r, dict):
                cite(line.get("subsidy"), r.get("reference"), r.get("confidence"))
        lines.append({"subsidy": line.get("subsidy"),
                      "label": _subsidy_label(line.get("subsidy")),
                      "worker_id": line.get("worker_id"), "basis": _basis_text(line.get("basis")),
                      "amount": line.get("amount"), "claimable": claimable,
                      "reference": line.get("reference"),
                      "reasons": [_reason_text(r) for r in reasons],
                      "confidence": line.get("confidence"),
                      "confidence_label": confidence_label(line.get("confidence")), "notes": texts,
                      "marks": ", ".join(str(n) for n in numbers) + ("" if claimable else
                                                                       (" — " if numbers else "") + NOT_CLAIMABLE)})
    unknown = []
    for u in subsidies.get("unknown") or []:
        cite(u.get("subsidy"), u.get("reference"))
        # « travailleur 2 » (``worker_text``), as ``ei subsidy`` names the worker; empty for the enterprise's
        who = worker_text(u["worker_id"]).fr if u.get("worker_id") else ""
        unknown.append({"subsidy": u.get("subsidy"), "label": _subsidy_label(u.get("subsidy")),
                        "worker_id": u.get("worker_id"), "who": who, "reason": u.get("reason") or "",
                        "reference": u.get("reference")})
    return {
        "total": subsidies.get("total"),
        "totals": [{"subsidy": k, "label": _subsidy_label(k), "amount": v}
                   for k, v in totals.items()],
        "conditions": [{"name": c.get("name"), "compliant": c.get("compliant"), "summary": c.get("summary") or "",
                        "reasons": [_reason_text(r) for r in c.get("reasons") or []]}
                       for c in subsidies.get("conditions") or []],
        "lines": lines,
        "line_notes": [{"number": n, "text": text} for text, n in line_notes.items()],
        "unknown": unknown,
        "references": [{"subsidy": k, "label": _subsidy_label(k),
                        "references": [ref + (f" ({', '.join(labels)})" if labels else "")
                                       for ref, labels in refs.items()]}
                       for k, refs in references.items()],
        "incomplete": incomplete,
        "notes": notes,
    }


def _basis_text(basis) -> str:
    """What a subsidy line is computed on, as ``ei subsidy`` says it (``render.subsidy.basis_text``: days, FTE,
    rate, cap…) in its long words — a document spells out what the terminal table abbreviates (« travailleurs du
    public cible », « coût salarial », « 31 jours à … ») —, after the days and the year it covers (the terminal
    table's own columns)."""
    from ei_cli.render.subsidy import basis_text

    if basis is None:
        return ""
    if not isinstance(basis, dict):
        return str(basis)
    parts = []
    if basis.get("start") and basis.get("end"):
        parts.append(f"{fmt_short_date(basis['start'])} – {fmt_short_date(basis['end'])}")
    if basis.get("occupation_year") is not None:
        parts.append(f"année d'occupation {basis['occupation_year']}")
    elif basis.get("agrement_year") is not None:
        parts.append(f"année d'agrément {basis['agrement_year']}")
    # The context holds JSON numbers: back to the Decimals the rules gave (as written, ``_decimal``).
    said = basis_text({k: _decimal(v) if isinstance(v, float) else v for k, v in basis.items()}, "fr", long=True)
    return " · ".join(parts + ([said] if said else []))


def _identity(enterprise: Enterprise, regime) -> dict:
    return {
        "name": enterprise.name,
        "region": {"wallonie": "Wallonie", "bruxelles": "Région de Bruxelles-Capitale"}.get(
            str(enterprise.region), str(enterprise.region)),
        "enterprise_number": enterprise.enterprise_number,
        "legal_form": masked(enterprise.legal_form) if enterprise.legal_form else enterprise.legal_form,
        "social_purpose": enterprise.social_purpose,
        "turnover": _plain(enterprise.turnover),
        "balance_sheet_total": _plain(enterprise.balance_sheet_total),
        "agrement_date": enterprise.agrement_date.isoformat(),
        "regime_id": regime.id,
        "regime_title": regime.title,
    }


def _document(kind: str, names: bool, generated_on: date | None) -> dict:
    from ei_cli import __version__

    return {"kind": kind, "title": TITLES[kind], "generated_on": (generated_on or periods.today()).isoformat(),
            "ei_version": __version__, "names": names, "to_complete": TO_COMPLETE}


# ============================================================================ contexts
def document_context(kind: str, enterprise: Enterprise, regime, year: int, *, names: bool = False, problems=(),
                     generated_on: date | None = None) -> tuple[dict, list]:
    """The context of the document ``kind`` (``annual``: the annual activity report, rules.md §3.8; else the
    agrément application, rules.md §4.8, §5.8: the workbook's figures for ``year`` and the sections only the
    applicant can write) and every problem it
    reports: ``problems`` (the reader's, the regime's) then the rules' (a worker's months without a Paie row
    counted on Personnel.etp), each once — what ``ei check`` prints, for stderr and the exit code."""
    build = _annual_context if kind == "annual" else _agrement_context
    return build(enterprise, regime, year, names=names, problems=problems, generated_on=generated_on)


def _annual_context(enterprise: Enterprise, regime, year: int, *, names: bool, problems,
                    generated_on: date | None) -> tuple[dict, list]:
    from ei_cli.rules.eligibility import assess_eligibility

    period = Period.calendar_year(year)
    report = assess_eligibility(enterprise, regime)
    results = rule_results(enterprise, regime, period, report, year)
    problems = merged(problems, results.problems)
    quota = _quota_view(results.quota, period)
    checks = [_check_view(results.checks.get(n), n, label) for n, label in check_labels(regime).items()]
    view = {c["name"]: c for c in checks}
    staff = staff_summary(enterprise, period, report, names)
    follow_up = follow_up_summary(enterprise, period, report)
    follow_up_check = view["follow_up"]
    return ({
        "document": _document("annual", names, generated_on),
        "year": year,
        "period": period.to_dict(),
        "deadline": activity_report_deadline(regime, year),
        "enterprise": _identity(enterprise, regime),
        "agrement": agrement_periods(regime, enterprise.agrement_date, period.end),
        "staff": staff,
        "quota": quota,
        "checks": checks,
        "obligations": obligations_summary(checks),
        "wages": view["wages"],
        "employment": view["employment"],
        "follow_up": follow_up,
        "follow_up_check": follow_up_check,
        "follow_up_to_complete": follow_up_to_complete(regime, period, follow_up, staff,
                                                       follow_up_check["applicable"]),
        "subsidies": _subsidy_view(results.subsidies),
        "warnings": [_problem_text(p) for p in problems],
        "warning_groups": warning_groups(problems),
    }, problems)


def _agrement_context(enterprise: Enterprise, regime, year: int, *, names: bool, problems,
                      generated_on: date | None) -> tuple[dict, list]:
    from ei_cli.rules.eligibility import assess_eligibility

    period = Period.calendar_year(year)
    report = assess_eligibility(enterprise, regime)
    results = rule_results(enterprise, regime, period, report, None, application=True)
    problems = merged(problems, results.problems)
    generated = generated_on or periods.today()
    return ({
        "document": _document("agrement", names, generated_on),
        "year": year,
        "period": period.to_dict(),
        "enterprise": _identity(enterprise, regime),
        "agrement": agrement_periods(regime, enterprise.agrement_date, generated),
        "staff": staff_summary(enterprise, period, report, names),
        "quota": _quota_view(results.quota, period, application=True),
        "checks": [_check_view(results.checks.get(n), n, label, application=True)
                   for n, label in check_labels(regime).items()],
        "budget": application_budget(regime, generated),
        "conditions_to_complete": conditions_to_complete(regime, generated),
        "warnings": [_problem_text(p) for p in problems],
        "warning_groups": warning_groups(problems),
    }, problems)


_YEARS_IN_WORDS = {1: "un an", 2: "deux ans", 3: "trois ans", 4: "quatre ans", 5: "cinq ans"}


def _regime_value(regime, key: str, on: date):
    """The parameter's value on ``on``, or None when the regime does not hold it or holds « unknown »."""
    value = regime.value_or_none(key, on)
    return None if value is None or value.is_unknown else value


def application_budget(regime, on: date) -> dict:
    """Which budget the application joins (rules.md §4.8: current year in Wallonia; §5.8: a business
    plan for the following year in Brussels) and the years of the financial plan
    (``agrement.application_financial_plan_years``: three in both texts), from the budget's year, else
    from the next year. A regime without that parameter has no plan years (not established)."""
    value = _regime_value(regime, "agrement.application_budget_year_offset", on)
    plan = _regime_value(regime, "agrement.application_financial_plan_years", on)
    n = int(plan.number) if plan is not None else 0
    plan_title = (f"Plan financier sur {_YEARS_IN_WORDS.get(n, f'{n} ans')}" if plan is not None
                  else "Plan financier (durée non établie pour ce régime)")
    plan_reference = plan.cite() if plan is not None else None
    if value is None:
        return {"year": None, "label": "Budget de l'année en cours ou plan d'affaires de l'année suivante "
                "(pièce non établie pour ce régime)", "reference": None,
                "plan_years": [on.year + i for i in range(1, n + 1)], "plan_title": plan_title,
                "plan_reference": plan_reference}
    offset = int(value.number)
    year = on.year + offset
    label = (f"Projet détaillé de budget pour l'année civile en cours ({year})" if offset == 0
             else f"Plan d'affaires détaillé pour l'année civile suivante ({year})")
    return {"year": year, "label": label, "reference": value.cite(), "plan_years": [year + i for i in range(n)],
            "plan_title": plan_title, "plan_reference": plan_reference}


# ============================================================================ what ei does not check
# Obligations the workbook holds no data for (docs/interpretations.md, « Conditions et tâches non contrôlées par
# ei »): the regime parameter states the obligation and cites its text; the documents print it « À compléter »,
# with what the applicant or the enterprise has to add. A regime without the parameter prints nothing.
def _to_complete(regime, key: str, on: date, what: str) -> str | None:
    value = _regime_value(regime, key, on)
    if value is None:
        return None
    return _reason_text({"text": f"{value.description} : {what}", "reference": value.cite(),
                         "confidence": value.confidence})


def follow_up_to_complete(regime, period: Period, follow_up: dict, staff: dict, applicable: bool = True) -> list[str]:
    """Section 7 of the annual report: the tasks of the mandate the workbook cannot show — the annual round
    table when none is recorded in the year (``follow_up.round_table``, seed 002 task 10), the CPAS
    conventions when art. 60 §7 workers were employed (``follow_up.cpas_convention``, task 2: no column holds
    them). Nothing for a period no obligation of the agrément applies to (``applicable`` false)."""
    if not applicable:
        return []
    year = period.end.year
    items = []
    if not follow_up.get("round_tables"):
        items.append(_to_complete(
            regime, "follow_up.round_table", period.end,
            f"aucune table ronde enregistrée en {year} (feuille Suivi, type table_ronde). Indiquez sa date, "
            "ses participants et son compte rendu, ou la rencontre de même objet à laquelle l'entreprise a "
            "participé activement."))
    if staff.get("art60_heads"):
        items.append(_to_complete(
            regime, "follow_up.cpas_convention", period.end,
            f"{fmt_counted(staff['art60_heads'], 'travailleur')} sous article 60 §7 en {year} ; le classeur ne "
            "contient pas les conventions. Indiquez, pour chaque CPAS concerné, la date de la convention."))
    return [i for i in items if i]


def conditions_to_complete(regime, on: date) -> list[str]:
    """The agrément application: conditions of the agrément the workbook holds no data for — the convention
    with the FOREm (Wallonia 2003, rules.md §4.5), the workers' participation in decisions and the limit on
    profit distribution (Brussels 2004, seed 003)."""
    rate = _regime_value(regime, "agrement.profit_distribution_max_rate", on)
    items = [
        _to_complete(regime, "agrement.forem_convention", on,
                     "joignez la convention conclue avec le FOREm (date, objet) ou dites où elle en est."),
        _to_complete(regime, "agrement.workers_participation", on,
                     "décrivez comment les travailleurs participent aux décisions de l'entreprise (organes, "
                     "fréquence des réunions, information et consultation)."),
        _to_complete(regime, "agrement.profit_distribution_max_rate", on,
                     f"au plus {fmt_share(rate.number) if rate else '—'} ; indiquez la politique de "
                     "distribution des bénéfices et la clause des statuts qui la limite."),
    ]
    return [i for i in items if i]


def _problem_text(p) -> str:
    message = getattr(p, "message", p)
    return message.get("fr") if hasattr(message, "get") else str(message)


def warning_groups(problems) -> list[dict]:
    """The « Avertissements » section: the problems located in the workbook (``Problem.placed``: the reader's)
    grouped by code — one entry per code, in the order first met, with its ``count``, the ``message`` of its
    first problem, its ``places`` (« Personnel › B5, B6 … et 3 990 autres »: ``problems.compact_locations``,
    never a value) and ``text``, the sentence the shipped templates print; each other problem (a regime's, a
    worker's missing payroll months: its message is its content) an entry of its own. A group of one reads as
    its message alone, as before. Each re-hire row gives a ``duplicate_niss``: a 1 000-person workbook kept
    over the years listed 4 000 paragraphs, a 684-page PDF (docs/interpretations.md, « Repeated warnings »)."""
    from ei_cli.problems import compact_locations

    groups: dict[tuple, list] = {}
    for i, p in enumerate(problems):
        key = (str(p.severity), p.code) if p.placed else i
        groups.setdefault(key, []).append(p)
    entries = []
    for group in groups.values():
        first = group[0]
        count = len(group)
        places = compact_locations(group, with_file=False,
                                   more=lambda n: f" … et {fmt_counted(n, 'autre')}") if count > 1 else ""
        message = _problem_text(first)
        text = message
        if count > 1:
            kind = "erreurs" if first.is_error else "avertissements"
            text = (f"{fmt_count(count)} {kind} « {first.code} »" + (f" ({places})" if places else "")
                    + f" ; le premier : {message}")
        entries.append({"code": first.code, "count": count, "message": message,
                        "places": places, "text": text})
    return entries


# ============================================================================ charts
def _chart_rows(quota: dict) -> list[tuple[str, float | None, float | None]]:
    """(month, share, required share) per month; no required share for a month not judged (``judged``
    false: before day 100 in Brussels 2004, a month before the year's last in a point-judged year)."""
    rows = []
    for m in quota.get("months") or []:
        share = m.get("share")
        req = m.get("required_share") if m.get("judged", True) is not False else None
        rows.append((str(m.get("month")), None if share is None else float(share),
                     None if req is None else float(req)))
    return rows


def quota_chart_svg(quota: dict, width: int = 640, height: int = 210) -> str:
    """Bars of the monthly target share, the required share as a line; plain SVG, no script."""
    from html import escape

    rows = _chart_rows(quota)
    left, right, top, bottom = 44, 10, 12, 28
    w, h = width - left - right, height - top - bottom
    top_value = max([1.0] + [s for _, s, _ in rows if s is not None])
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="100%" style="max-width:{width}px" '
             f'viewBox="0 0 {width} {height}" role="img" aria-label="Part du public cible, mois par mois">',
             '<style>text{font-family:sans-serif;font-size:10px;fill:#333}</style>']
    for i in range(0, 5):
        v = top_value * i / 4
        y = top + h - h * v / top_value
        parts.append(f'<line x1="{left}" y1="{y:.1f}" x2="{left + w}" y2="{y:.1f}" stroke="#ddd"/>')
        parts.append(f'<text x="{left - 4}" y="{y + 3:.1f}" text-anchor="end">{escape(fmt_share(v, 0))}</text>')
    n = max(len(rows), 1)
    slot = w / n
    for i, (month, share, req) in enumerate(rows):
        x = left + i * slot
        if share is not None:
            bh = h * share / top_value
            ok = req is None or share + 1e-9 >= req
            colour = "#2e7d32" if ok else "#e65100"
            parts.append(f'<rect x="{x + slot * 0.15:.1f}" y="{top + h - bh:.1f}" width="{slot * 0.7:.1f}" '
                         f'height="{bh:.1f}" fill="{colour}"><title>{escape(month)} : '
                         f'{escape(fmt_share(share))}</title></rect>')
        if req is not None:
            y = top + h - h * req / top_value
            parts.append(f'<line x1="{x:.1f}" y1="{y:.1f}" x2="{x + slot:.1f}" y2="{y:.1f}" '
                         'stroke="#c62828" stroke-width="2"/>')
        label = month[5:7] if len(month) >= 7 else month
        parts.append(f'<text x="{x + slot / 2:.1f}" y="{top + h + 14}" text-anchor="middle">{escape(label)}</text>')
    parts.append(f'<line x1="{left}" y1="{top + h}" x2="{left + w}" y2="{top + h}" stroke="#333"/>')
    parts.append(f'<text x="{left}" y="{height - 2}">Barres : part du public cible ; trait rouge : part requise.</text>')
    parts.append("</svg>")
    return "".join(parts)


# A 3×5 pixel font, enough for axis labels: digits and the per cent sign.
_GLYPHS = {
    "0": ("111", "101", "101", "101", "111"), "1": ("010", "110", "010", "010", "111"),
    "2": ("111", "001", "111", "100", "111"), "3": ("111", "001", "111", "001", "111"),
    "4": ("101", "101", "111", "001", "001"), "5": ("111", "100", "111", "001", "111"),
    "6": ("111", "100", "111", "101", "111"), "7": ("111", "001", "010", "010", "010"),
    "8": ("111", "101", "111", "101", "111"), "9": ("111", "101", "111", "001", "111"),
    "%": ("101", "001", "010", "100", "101"), " ": ("000", "000", "000", "000", "000"),
}


class _Canvas:
    def __init__(self, width: int, height: int, background=(255, 255, 255)):
        self.width, self.height = width, height
        self.pixels = bytearray(bytes(background) * (width * height))

    def rect(self, x0: int, y0: int, x1: int, y1: int, colour) -> None:
        x0, x1 = max(0, min(x0, x1)), min(self.width, max(x0, x1))
        y0, y1 = max(0, min(y0, y1)), min(self.height, max(y0, y1))
        row = bytes(colour) * (x1 - x0)
        for y in range(y0, y1):
            at = (y * self.width + x0) * 3
            self.pixels[at:at + len(row)] = row

    def text(self, x: int, y: int, text: str, colour=(51, 51, 51), scale: int = 2) -> None:
        for ch in text:
            glyph = _GLYPHS.get(ch)
            if glyph:
                for gy, line in enumerate(glyph):
                    for gx, bit in enumerate(line):
                        if bit == "1":
                            self.rect(x + gx * scale, y + gy * scale, x + (gx + 1) * scale, y + (gy + 1) * scale,
                                      colour)
            x += 4 * scale

    def png(self) -> bytes:
        raw = b"".join(b"\x00" + bytes(self.pixels[y * self.width * 3:(y + 1) * self.width * 3])
                       for y in range(self.height))

        def chunk(kind: bytes, data: bytes) -> bytes:
            return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

        header = struct.pack(">IIBBBBB", self.width, self.height, 8, 2, 0, 0, 0)
        return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9))
                + chunk(b"IEND", b""))


def quota_chart_png(quota: dict, width: int = 960, height: int = 360) -> bytes:
    """The same chart as a PNG, drawn without any imaging library (for the DOCX)."""
    rows = _chart_rows(quota)
    c = _Canvas(width, height)
    left, right, top, bottom = 70, 16, 16, 40
    w, h = width - left - right, height - top - bottom
    top_value = max([1.0] + [s for _, s, _ in rows if s is not None])
    for i in range(5):
        v = top_value * i / 4
        y = top + h - int(h * v / top_value)
        c.rect(left, y, left + w, y + 1, (221, 221, 221))
        label = f"{round(v * 100)}%"
        c.text(left - 8 - len(label) * 8, y - 5, label)
    n = max(len(rows), 1)
    slot = w / n
    for i, (month, share, req) in enumerate(rows):
        x = left + i * slot
        if share is not None:
            bh = int(h * share / top_value)
            ok = req is None or share + 1e-9 >= req
            c.rect(int(x + slot * 0.15), top + h - bh, int(x + slot * 0.85), top + h,
                   (46, 125, 50) if ok else (230, 81, 0))
        if req is not None:
            y = top + h - int(h * req / top_value)
            c.rect(int(x), y - 1, int(x + slot), y + 2, (198, 40, 40))
        label = month[5:7] if len(month) >= 7 else ""
        c.text(int(x + slot / 2) - len(label) * 4, top + h + 10, label)
    c.rect(left, top + h, left + w, top + h + 2, (51, 51, 51))
    return c.png()


# ============================================================================ rendering
def render_text(kind: str, fmt: str, context: dict, custom: Path | None = None) -> str:
    """HTML or Markdown text of a document."""
    name = TEMPLATE_FILES[(kind, "html" if fmt == "pdf" else fmt)]
    find_template(name, custom)  # a clear message when it is missing
    env = jinja_env(template_dirs(custom), autoescape=fmt in ("html", "pdf"), markdown=fmt == "md")
    extra = {}
    if fmt in ("html", "pdf") and "quota" in context:
        from markupsafe import Markup

        extra["quota_chart_svg"] = Markup(quota_chart_svg(context["quota"]))
    return env.get_template(name).render(**context, **extra)


def render_docx(kind: str, context: dict, custom: Path | None = None) -> bytes:
    """The .docx document, in memory: written by ``output.write_atomic``, never by docxtpl to a file
    (on a full disk it left its zip archive open, and Python printed a traceback at exit)."""
    import io

    from docx.shared import Mm
    from docxtpl import DocxTemplate, InlineImage

    from zipfile import BadZipFile

    from docx.opc.exceptions import PackageNotFoundError

    path = find_template(TEMPLATE_FILES[(kind, "docx")], custom)
    tpl = DocxTemplate(str(path))
    try:
        tpl.init_docx()
    except (BadZipFile, PackageNotFoundError, KeyError, ValueError) as exc:
        raise unreadable_template(path, exc) from exc
    extra = {}
    if "quota" in context:
        extra["quota_chart_image"] = InlineImage(tpl, io.BytesIO(quota_chart_png(context["quota"])), width=Mm(160))
    env = jinja_env((), autoescape=True)
    tpl.render({**context, **extra}, jinja_env=env, autoescape=True)
    buffer = io.BytesIO()
    tpl.save(buffer)
    return buffer.getvalue()


def _safe_url_fetcher(allowed: list[Path]):
    """Only data: URLs and files inside the template folders; never the network."""
    import weasyprint

    roots = [p.resolve() for p in allowed]

    def check(url: str) -> None:
        if url.startswith("data:"):
            return
        if url.startswith("file:"):
            from urllib.parse import urlparse
            from urllib.request import url2pathname

            # The URL's path as the system names it, as urllib opens it: on Windows « /C:/Users/… » is
            # C:\Users\… (a plain unquote kept « /C:/… », never inside the template folder: a logo beside
            # the template was refused in silence).
            path = Path(url2pathname(urlparse(url).path)).resolve()
            if any(path == r or r in path.parents for r in roots):
                return
        raise ValueError(f"ressource externe refusée (pas de réseau) : {url[:80]}")

    base = getattr(weasyprint, "URLFetcher", None)
    if isinstance(base, type):  # WeasyPrint ≥ 66: a fetcher class
        class Fetcher(base):
            def fetch(self, url, headers=None):
                check(url)
                return super().fetch(url, headers)

        return Fetcher()

    def fetcher(url, *args, **kwargs):  # older WeasyPrint: a function
        check(url)
        return weasyprint.default_url_fetcher(url, *args, **kwargs)

    return fetcher


def render_pdf(kind: str, context: dict, custom: Path | None = None) -> bytes:
    """The PDF document, in memory (written by ``output.write_atomic``, as the .docx)."""
    _require_weasyprint()
    import weasyprint

    html = render_text(kind, "pdf", context, custom)
    dirs = template_dirs(custom)
    return weasyprint.HTML(string=html, base_url=str(dirs[0]) + "/",
                           url_fetcher=_safe_url_fetcher(dirs)).write_pdf()


def preflight(output: Path, custom: Path | None = None) -> str:
    """Everything that can stop a rendering before the workbook is read: the suffix, the templates
    folder, WeasyPrint for a PDF. Returns the format."""
    fmt = format_of(output)
    template_dirs(custom)
    if fmt == "pdf":
        _require_weasyprint()
    return fmt


def _require_weasyprint() -> None:
    try:
        import weasyprint  # noqa: F401
    except ImportError as exc:
        command = pdf_install_command()
        raise EiError(t(f"Pour produire un PDF, installez WeasyPrint (l'extra pdf d'ei) : {command}",
                        f"To produce a PDF, install WeasyPrint (ei's pdf extra): {command}")) from exc
    except OSError as exc:  # installed, but the system libraries it loads (Pango…) are missing
        raise EiError(t(f"WeasyPrint est installé mais ne peut pas se charger ({exc}) : installez les "
                        "bibliothèques système qu'il demande (Pango), voir « Installation » dans la "
                        "documentation de WeasyPrint.",
                        f"WeasyPrint is installed but cannot load ({exc}): install the system libraries it "
                        "needs (Pango), see 'Installation' in WeasyPrint's documentation.")) from exc


PDF_EXTRA = "pdf"


def pdf_install_command() -> str:
    """The command that installs the pdf extra's requirements into the Python that runs this ``ei``.

    Never ``pip install 'ei-cli[pdf]'``: on the package registry, ``ei-cli`` is another project, with
    an ``ei`` command of its own that would replace this one. The requirements are those declared in
    pyproject.toml, read from the installed distribution that holds ``ei_cli`` (else from the
    pyproject.toml of the source tree it runs from), so that no version is repeated here.
    """
    import sys

    from ei_cli.output import shell_command

    return shell_command([sys.executable or "python", "-m", "pip", "install", *pdf_requirements()])


def pdf_requirements() -> list[str]:
    """The requirements of the pdf extra (pyproject.toml: ``weasyprint>=63``); ``["weasyprint"]`` when they cannot be read."""
    import re
    from importlib import metadata

    declared: list[str] = []
    try:
        for name in metadata.packages_distributions().get("ei_cli", ()):
            declared += metadata.requires(name) or []
    except (metadata.PackageNotFoundError, OSError, ValueError):
        declared = []
    marker = re.compile(r"""\bextra\s*==\s*["']""" + PDF_EXTRA + r"""["']""")
    found = [req.split(";")[0].strip() for req in declared if ";" in req and marker.search(req.split(";", 1)[1])]
    if not found:
        found = _source_tree_extra(PDF_EXTRA)
    return list(dict.fromkeys(found)) or ["weasyprint"]


def _source_tree_extra(extra: str, root: Path | None = None) -> list[str]:
    """The requirements of ``extra`` in the pyproject.toml of ``root``, by default the folder holding the
    ``ei_cli`` package (run from a clone; an installed package has none beside it)."""
    import tomllib

    pyproject = (root or Path(__file__).resolve().parent.parent) / "pyproject.toml"
    try:
        project = tomllib.loads(pyproject.read_text(encoding="utf-8")).get("project", {})
    except (OSError, ValueError):
        return []
    if project.get("name") != "ei-cli":
        return []
    return [str(r) for r in project.get("optional-dependencies", {}).get(extra, [])]


def render_document(kind: str, context: dict, output: Path, custom: Path | None = None) -> str:
    """Render ``kind`` to ``output`` (format from its suffix), atomically, mode 0600."""
    fmt = format_of(output)
    from jinja2 import TemplateError

    try:
        _write(kind, fmt, context, output, custom)
    except TemplateError as exc:
        raise _template_error(exc, kind, fmt, custom) from exc
    return fmt


def _write(kind: str, fmt: str, context: dict, output: Path, custom: Path | None) -> None:
    from ei_cli.output import write_atomic

    if fmt == "pdf":
        data = render_pdf(kind, context, custom)
    elif fmt == "docx":
        data = render_docx(kind, context, custom)
    else:
        data = render_text(kind, fmt, context, custom)
    write_atomic(output, data)
