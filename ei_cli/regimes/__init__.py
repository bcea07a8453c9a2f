"""Legal regimes as dated, cited data (one TOML file per regime) and the strict loader.

Code asks "what is this parameter on that date under that regime" — ``regime.value(key, on)`` —
and never holds a legal figure itself. Each value carries its unit, confidence mark (rules.md)
and legal reference, so that every result can say why and on which article.

File shape (see wallonie-2016.toml): top-level metadata, ``[references]`` (named texts reused by
parameters), ``[rules]`` (which implementation each obligation uses when the *shape* of a rule
changes between regimes), and parameters: any table holding ``values`` is a parameter, other
tables are namespaces (``[quota.required_share.year_1]`` is parameter ``quota.required_share.year_1``).
"""

from __future__ import annotations

import re
import tomllib
from bisect import bisect_right
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path

from ei_cli.errors import EiError
from ei_cli.i18n import Text, t

UNKNOWN = "unknown"

CONFIDENCES = {
    "verified": Text("vérifié dans le texte légal", "verified in the legal text"),
    "official_page": Text("page officielle", "official page"),
    "secondary": Text("source secondaire", "secondary source"),
    "seed_only": Text("documents sources seulement", "source documents only"),
    # One bracket level: a reference prints its confidence in brackets (« … (M.B. 07.11.2016) (déduit par
    # interprétation) »), never « (déduit (interprétation)) ».
    "inferred": Text("déduit par interprétation", "inferred by interpretation"),
    "not_found": Text("non trouvé", "not found"),
}
# A parameter's unit: the id the file (and the JSON) holds, and its words in each language (``ei regimes ID``).
UNITS = {
    "share": Text("part", "share"), "ratio": Text("rapport", "ratio"), "eur": Text("€", "€"),
    "months": Text("mois", "months"), "years": Text("ans", "years"), "days": Text("jours", "days"),
    "count": Text("nombre", "count"), "fte": Text("ETP", "FTE"), "persons": Text("personnes", "persons"),
    "factor": Text("facteur", "factor"), "brackets": Text("paliers", "brackets"), "text": Text("texte", "text"),
    "bool": Text("oui/non", "yes/no"), "date": Text("date", "date"), "list": Text("liste", "list"),
}
META_KEYS = {"id", "title", "region", "valid_from", "valid_to", "last_checked", "status", "summary", "summary_en",
             "references", "rules"}
STATUSES = {"current", "historical", "outline"}
PARAM_KEYS = {"values", "unit", "confidence", "reference", "description", "description_en", "note"}
# A reference's ``text``, ``article`` and ``note`` in French; the ``*_en`` ones give their English where they are
# the project's own words (a note, a gloss after a title): a title, an article and a quotation are cited as
# published, in both languages (docs/interpretations.md, « Languages »).
REFERENCE_KEYS = {"ref", "text", "article", "url", "note", "text_en", "article_en", "note_en"}
VALUE_KEYS = {"from", "to", "value", "value_en"}
RULE_OBLIGATIONS = {"eligibility", "quota", "wages", "employment", "enterprise", "follow_up", "subsidies"}


class RegimeFileError(EiError):
    """A regime file breaks the format: names the file and the line."""


@dataclass(frozen=True)
class Reference:
    text: str
    article: str | None = None
    url: str | None = None
    note: str | None = None
    text_en: str | None = None
    article_en: str | None = None
    note_en: str | None = None

    def cite(self, lang: str = "fr") -> str:
        """« Texte, article » in ``lang``: the English text and article where the file gives them, else as
        published. The French one is the ``reference`` of the JSON documents."""
        en = lang == "en"
        text = (self.text_en if en and self.text_en else self.text)
        article = (self.article_en if en and self.article_en else self.article)
        return f"{text}, {article}" if article else text

    def note_text(self, lang: str = "fr") -> str | None:
        """The note in ``lang``: its English where the file gives one (a quotation alone has none: as published)."""
        return self.note_en if lang == "en" and self.note_en else self.note

    def to_dict(self) -> dict:
        return {"text": self.text, "article": self.article, "url": self.url, "note": self.note,
                "text_en": self.text_en, "article_en": self.article_en, "note_en": self.note_en}


@dataclass(frozen=True)
class DatedValue:
    start: date
    end: date | None
    value: object  # Decimal, bool, str, "unknown", a tuple of dicts (brackets) or of str (list)
    value_en: str | None = None  # a text value's English, where it is the project's words

    def to_dict(self) -> dict:
        return {"from": self.start.isoformat(), "to": self.end.isoformat() if self.end else None,
                "value": _plain(self.value), "value_en": self.value_en}


@dataclass(frozen=True)
class Value:
    """One parameter's value on one date, with everything needed to cite it."""

    key: str
    value: object
    unit: str
    confidence: str
    reference: Reference
    start: date
    end: date | None
    description: str = ""
    description_en: str = ""

    @property
    def description_text(self) -> Text:
        """The parameter's description as a sentence quotes it: the file's French ``description`` and its
        ``description_en`` (the key, language-neutral, where the file has no English one — never French text
        in an English sentence). The one accessor every sentence quoting a parameter uses."""
        return _description_text(self.key, self.description, self.description_en)

    @property
    def is_unknown(self) -> bool:
        return self.value == UNKNOWN

    @property
    def number(self) -> Decimal:
        if not isinstance(self.value, Decimal):
            raise TypeError(f"parameter {self.key} is not a known number: {self.value!r}")
        return self.value

    @property
    def number_or_none(self) -> Decimal | None:
        """The number, or None when the regime file says it is unknown."""
        return None if self.is_unknown else self.number

    def cite(self, lang: str = "fr") -> str:
        return self.reference.cite(lang)


def _description_text(key: str, fr: str, en: str) -> Text:
    return Text(fr or key, en or key)


@dataclass(frozen=True)
class Parameter:
    key: str
    unit: str
    confidence: str
    reference: Reference
    values: tuple[DatedValue, ...]
    description: str = ""
    note: str = ""
    description_en: str = ""

    @property
    def description_text(self) -> Text:
        """As ``Value.description_text``."""
        return _description_text(self.key, self.description, self.description_en)

    def at(self, on: date) -> Value:
        """The value in force on ``on``; before the first date, the first value (forced regimes, D4).

        That is the last dated value starting on or before ``on`` (``values`` are in date order: the
        loader sorts them). The Value of each dated value is built once (Values are immutable) and
        found by bisection on the dates.
        """
        starts, built = self._lookup
        return built[max(0, bisect_right(starts, on) - 1)]

    @cached_property
    def _lookup(self) -> tuple[tuple[date, ...], tuple[Value, ...]]:
        return (tuple(v.start for v in self.values),
                tuple(Value(self.key, v.value, self.unit, self.confidence, self.reference, v.start, v.end,
                            self.description, self.description_en) for v in self.values))

    def to_dict(self) -> dict:
        return {"key": self.key, "description": self.description, "description_en": self.description_en or None,
                "unit": self.unit,
                "confidence": self.confidence, "reference": self.reference.to_dict(),
                "values": [v.to_dict() for v in self.values], "note": self.note or None}


@dataclass(frozen=True)
class Regime:
    id: str
    title: str
    region: str
    valid_from: date
    valid_to: date | None
    last_checked: date
    status: str
    summary: str
    rules: dict = field(default_factory=dict)
    parameters: dict[str, Parameter] = field(default_factory=dict)
    source: str = ""
    summary_en: str = ""
    # Chosen by ``--regime`` or the workbook's ``regime`` field (D4), not by the period's dates: it then judges
    # every agrément year of the period, even one begun under another regime (``regime_for_year``).
    forced: bool = field(default=False, compare=False)

    @property
    def summary_text(self) -> Text:
        """The summary in French and English (none in English where the file has no ``summary_en``: never French
        text in English output)."""
        return Text(self.summary, self.summary_en)

    def param(self, key: str) -> Parameter:
        try:
            return self.parameters[key]
        except KeyError:
            raise KeyError(f"regime {self.id} has no parameter {key!r}") from None

    def has(self, key: str) -> bool:
        return key in self.parameters

    def value(self, key: str, on: date) -> Value:
        return self.param(key).at(on)

    def value_or_none(self, key: str, on: date) -> Value | None:
        """The value on ``on``, or None when the regime holds no such parameter (rules.md has no such rule)."""
        return self.param(key).at(on) if key in self.parameters else None

    def number(self, key: str, on: date) -> Decimal | None:
        """The numeric value, or None when the regime file says it is unknown."""
        return self.value(key, on).number_or_none

    def rule(self, obligation: str) -> str | list[str] | None:
        return self.rules.get(obligation)

    def valid_on(self, d: date) -> bool:
        return self.valid_from <= d and (self.valid_to is None or d <= self.valid_to)

    @property
    def validity(self):
        """The days the regime is in force, as a ``Period`` (to ``date.max`` while it has no end)."""
        from ei_cli.periods import Period

        return Period(self.valid_from, self.valid_to or date.max)

    def simulates(self, when) -> bool:
        """Judging ``when`` (a day, or a ``Period``) under this regime is a simulation: the regime is in force
        on none of those days and judges them as if it were. ei's one reading of a regime chosen (D4:
        ``--regime``, the workbook's ``regime`` field) or standing in: a simulation only there — in force on
        them, a chosen regime judges as without the choice (docs/interpretations.md, « A period that begins
        before the agrément », « Current agrément period »). Read by ``rules.common.obligations_start`` (a
        period), ``documents.agrement_periods`` and ``rules.quota._said_judge`` (a day)."""
        if isinstance(when, date):
            return not self.valid_on(when)
        return when.intersection(self.validity) is None

    def validity_text(self, lang: str = "fr") -> str:
        """The days it is in force, as a message says them: « du 2004-01-01 au 2013-01-30 », « du 2017-06-30 à
        aujourd'hui » (« from … to … », « … to today »)."""
        start = self.valid_from.isoformat()
        if lang == "en":
            return f"from {start} to " + (self.valid_to.isoformat() if self.valid_to else "today")
        return f"du {start} " + (f"au {self.valid_to.isoformat()}" if self.valid_to else "à aujourd'hui")

    def to_dict(self) -> dict:
        return {"id": self.id, "title": self.title, "region": self.region,
                "valid_from": self.valid_from.isoformat(),
                "valid_to": self.valid_to.isoformat() if self.valid_to else None,
                "last_checked": self.last_checked.isoformat(), "status": self.status,
                "summary": self.summary, "summary_en": self.summary_en or None, "rules": self.rules}


# ------------------------------------------------------------------------------------ loading
def _plain(v):
    if isinstance(v, Decimal):
        return int(v) if v == v.to_integral_value() else float(v)
    if isinstance(v, tuple):
        return [{k: _plain(x) for k, x in d.items()} if isinstance(d, dict) else d for d in v]
    return v


def _number(x):
    if isinstance(x, bool):
        return x
    if isinstance(x, (int, float)):
        return Decimal(repr(x)) if isinstance(x, float) else Decimal(x)
    return x


def _line_of(text: str, key_path: str, key: str | None = None) -> int | None:
    """1-based line of a table header (and optionally of a key under it) in a TOML text."""
    lines = text.splitlines()
    header = re.compile(r"^\s*\[\s*" + re.escape(key_path).replace(r"\.", r'\s*\.\s*"?') + r'"?\s*\]')
    start = 0
    for i, line in enumerate(lines):
        if header.match(line):
            start = i
            if key is None:
                return i + 1
            break
    if key is not None:
        for i in range(start, len(lines)):
            if re.match(r"^\s*" + re.escape(key) + r"\s*=", lines[i]):
                return i + 1
    return start + 1 if start else None


def load_regime_file(path: Path) -> Regime:
    data, text, name = _parse(path, Text("régime", "regime"))
    return _build(data, text, name)


def load_parameter_file(path: Path) -> dict[str, Parameter]:
    """A file of parameters that belong to no regime (``[references]`` and parameters in a regime file's
    shape, checked alike, no regime metadata): the workbook reader's plausibility bounds
    (``ei_cli/workbook/plausibility.toml``)."""
    data, text, name = _parse(path, Text("paramètres", "parameter"))
    return _parameters(data, _references(data, text, name), text, name, {"references"})


def _parse(path: Path, kind: Text) -> tuple[dict, str, str]:
    """The file's TOML, its text (for the lines of the loader's errors) and its name; a file that is not TOML
    (duplicate keys, bad dates, syntax) refused with the line ``tomllib`` names: « fichier de KIND invalide »."""
    text = Path(path).read_text(encoding="utf-8")
    name = Path(path).name
    try:
        return tomllib.loads(text), text, name
    except tomllib.TOMLDecodeError as exc:
        raise RegimeFileError(t(f"{name} : fichier de {kind.fr} invalide : {exc}",
                                f"{name}: invalid {kind.en} file: {exc}")) from None


def _parameters(data: dict, refs: dict[str, Reference], text: str, name: str, skip) -> dict[str, Parameter]:
    """The parameters of a file's top-level tables but the ``skip`` keys (a table holding ``values`` is a
    parameter, any other a namespace); a top-level key that is no table refused."""
    params: dict[str, Parameter] = {}
    for key, value in data.items():
        if key in skip:
            continue
        if not isinstance(value, dict):
            _fail(name, _line_of(text, "", key), f"clé inconnue « {key} »", f"unknown key “{key}”")
        _collect(value, key, params, refs, text, name)
    return params


def _references(data: dict, text: str, name: str) -> dict[str, Reference]:
    """The file's ``[references]``: named texts its parameters cite by ``ref``."""
    refs: dict[str, Reference] = {}
    for rid, r in data.get("references", {}).items():
        if not isinstance(r, dict) or "text" not in r or set(r) - REFERENCE_KEYS:
            _fail(name, _line_of(text, "references", rid), f"référence « {rid} » mal formée",
                  f"malformed reference “{rid}”")
        refs[rid] = _reference(r)
    return refs


def _reference(r: dict, named: Reference | None = None) -> Reference:
    """The Reference a file's ``reference`` table gives (its keys checked by the caller), over the
    ``named`` one its ``ref`` names: a text, article or note it gives replaces the named one's, its English
    with it (a French override drops the named English); the rest, and the URL, are the named one's unless
    it gives them."""
    fields = {k: v for k, v in r.items() if k != "ref"}
    if named is not None:
        for k in ("text", "article", "note"):
            if k not in fields:
                fields[k] = getattr(named, k)
                fields.setdefault(f"{k}_en", getattr(named, f"{k}_en"))
        fields.setdefault("url", named.url)
    return Reference(**fields)


def _fail(name: str, line: int | None, fr: str, en: str):
    where = f"{name}, ligne {line}" if line else name
    where_en = f"{name}, line {line}" if line else name
    raise RegimeFileError(t(f"{where} : {fr}", f"{where_en}: {en}"))


def _build(data: dict, text: str, name: str) -> Regime:
    for key in ("id", "title", "region", "valid_from", "last_checked", "status"):
        if key not in data:
            _fail(name, None, f"clé obligatoire manquante « {key} »", f"missing required key “{key}”")
    for key in ("valid_from", "valid_to", "last_checked"):
        if key in data and not isinstance(data[key], date):
            _fail(name, _line_of(text, "", key), f"« {key} » doit être une date TOML (AAAA-MM-JJ)",
                  f"“{key}” must be a TOML date (YYYY-MM-DD)")
    if data["status"] not in STATUSES:
        _fail(name, _line_of(text, "", "status"), f"statut inconnu {data['status']!r}",
              f"unknown status {data['status']!r}")
    refs = _references(data, text, name)
    rules = data.get("rules", {})
    for obligation in rules:
        if obligation not in RULE_OBLIGATIONS:
            _fail(name, _line_of(text, "rules", obligation), f"obligation inconnue « {obligation} » dans [rules]",
                  f"unknown obligation “{obligation}” in [rules]")
    params = _parameters(data, refs, text, name, META_KEYS)
    regime = Regime(
        id=data["id"], title=data["title"], region=data["region"], valid_from=data["valid_from"],
        valid_to=data.get("valid_to"), last_checked=data["last_checked"], status=data["status"],
        summary=data.get("summary", ""), rules=rules, parameters=params, source=name,
        summary_en=data.get("summary_en", ""),
    )
    if name.removesuffix(".toml") != regime.id:
        _fail(name, _line_of(text, "", "id"), f"l'id « {regime.id} » ne correspond pas au nom du fichier",
              f"id “{regime.id}” does not match the file name")
    return regime


def _collect(table: dict, path: str, params: dict, refs: dict, text: str, name: str) -> None:
    if "values" not in table:
        for key, sub in table.items():
            if not isinstance(sub, dict):
                _fail(name, _line_of(text, path, key), f"clé inconnue « {key} » dans [{path}]",
                      f"unknown key “{key}” in [{path}]")
            _collect(sub, f"{path}.{key}", params, refs, text, name)
        return
    unknown = set(table) - PARAM_KEYS
    if unknown:
        k = sorted(unknown)[0]
        _fail(name, _line_of(text, path, k), f"clé inconnue « {k} » dans le paramètre {path}",
              f"unknown key “{k}” in parameter {path}")
    for required in ("unit", "confidence", "reference"):
        if required not in table:
            _fail(name, _line_of(text, path), f"le paramètre {path} n'a pas de « {required} »",
                  f"parameter {path} has no “{required}”")
    if table["unit"] not in UNITS:
        _fail(name, _line_of(text, path, "unit"), f"unité inconnue {table['unit']!r}", f"unknown unit {table['unit']!r}")
    if table["confidence"] not in CONFIDENCES:
        _fail(name, _line_of(text, path, "confidence"), f"niveau de confiance inconnu {table['confidence']!r}",
              f"unknown confidence {table['confidence']!r}")
    ref = table["reference"]
    if not isinstance(ref, dict) or set(ref) - REFERENCE_KEYS or not (ref.get("text") or ref.get("ref")):
        _fail(name, _line_of(text, path, "reference"), f"référence manquante ou mal formée pour {path}",
              f"missing or malformed reference for {path}")
    if "ref" in ref and ref["ref"] not in refs:
        _fail(name, _line_of(text, path, "reference"), f"référence nommée inconnue « {ref['ref']} »",
              f"unknown named reference “{ref['ref']}”")
    reference = _reference(ref, refs[ref["ref"]] if "ref" in ref else None)
    values = []
    if not isinstance(table["values"], list) or not table["values"]:
        _fail(name, _line_of(text, path, "values"), f"« values » vide pour {path}", f"empty “values” for {path}")
    for v in table["values"]:
        if not isinstance(v, dict) or set(v) - VALUE_KEYS or "from" not in v or "value" not in v:
            _fail(name, _line_of(text, path, "values"), f"valeur datée mal formée dans {path}",
                  f"malformed dated value in {path}")
        if not isinstance(v["from"], date) or ("to" in v and not isinstance(v["to"], date)):
            _fail(name, _line_of(text, path, "values"), f"date invalide dans {path} (attendu AAAA-MM-JJ)",
                  f"bad date in {path} (expected YYYY-MM-DD)")
        raw = v["value"]
        if table["unit"] == "list":
            # A list of words (legal forms…): strings only, kept in the file's order.
            if raw != UNKNOWN and (not isinstance(raw, list) or not all(isinstance(x, str) for x in raw)):
                _fail(name, _line_of(text, path, "values"), f"liste de textes attendue dans {path}",
                      f"a list of strings expected in {path}")
            value = raw if raw == UNKNOWN else tuple(raw)
        elif isinstance(raw, list):
            value = tuple({k: _number(x) for k, x in item.items()} for item in raw)
        else:
            value = _number(raw)
        if isinstance(value, str) and value != UNKNOWN and table["unit"] != "text":
            _fail(name, _line_of(text, path, "values"), f"valeur texte inattendue {value!r} dans {path}",
                  f"unexpected text value {value!r} in {path}")
        if "value_en" in v and not (table["unit"] == "text" and isinstance(v["value_en"], str)):
            _fail(name, _line_of(text, path, "values"), f"« value_en » est pour une valeur texte, dans {path}",
                  f"“value_en” is for a text value, in {path}")
        values.append(DatedValue(v["from"], v.get("to"), value, v.get("value_en")))
    values.sort(key=lambda dv: dv.start)
    params[path] = Parameter(path, table["unit"], table["confidence"], reference, tuple(values),
                             table.get("description", ""), table.get("note", ""), table.get("description_en", ""))


# ------------------------------------------------------------------------------------ registry
def _regime_dir():
    return resources.files("ei_cli.regimes")


@lru_cache(maxsize=None)
def all_regimes() -> tuple[Regime, ...]:
    out = []
    for entry in sorted(_regime_dir().iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".toml"):
            with resources.as_file(entry) as p:
                out.append(load_regime_file(p))
    return tuple(out)


@lru_cache(maxsize=None)
def _english_citations() -> dict[str, str]:
    """Each shipped citation (``Reference.cite()``, the ``reference`` of reasons, subsidy lines and the JSON) and
    its English, where the regime file gives one."""
    out = {}
    for r in all_regimes():
        for p in r.parameters.values():
            fr, en = p.reference.cite(), p.reference.cite("en")
            if en != fr:
                out[fr] = en
    return out


def cited_in(reference: str | None, lang: str) -> str | None:
    """A citation as a message prints it in ``lang``: the English of a shipped reference's project words under
    ``--lang en`` (« Choice of the ei project (docs/interpretations.md), … »), else as it is (a title as
    published). Results carry the French citation (their JSON ``reference``); printing says it through this."""
    if lang != "en" or not reference:
        return reference
    return _english_citations().get(reference, reference)


def get_regime(regime_id: str) -> Regime:
    for r in all_regimes():
        if r.id == regime_id:
            return r
    from ei_cli.workbook.cells import shown  # the id may come from a workbook: quoted like any user value

    known = ", ".join(r.id for r in all_regimes())
    raise EiError(t(f"Régime inconnu {shown(regime_id)}. Régimes connus : {known}.",
                    f"Unknown regime {shown(regime_id, 'en')}. Known regimes: {known}."))


@lru_cache(maxsize=None)
def _forced(regime_id: str) -> Regime:
    """The regime ``regime_id`` as chosen by ``--regime`` or the workbook (``forced``): one copy per regime,
    made once, so that its cached lookups serve every workbook of a batch (an unknown id raises, uncached)."""
    return replace(get_regime(regime_id), forced=True)


def shipped_in_force(region: str, on: date) -> Regime | None:
    """The region's shipped regime in force on ``on``; None when the regime then in force is one ``ei`` does
    not ship (wallonie-2012, the 1998 decree: rules.md §1)."""
    in_force = [r for r in all_regimes() if r.region == region and r.valid_on(on)]
    return max(in_force, key=lambda r: r.valid_from) if in_force else None


def regime_in_force(region: str, on: date) -> Regime:
    """The region's regime in force on ``on``; outside every validity, the nearest earlier one."""
    candidates = [r for r in all_regimes() if r.region == region]
    if not candidates:
        raise EiError(t(f"Aucun régime connu pour la région « {region} ».", f"No regime known for region “{region}”."))
    in_force = shipped_in_force(region, on)
    if in_force is not None:
        return in_force
    earlier = [r for r in candidates if r.valid_from <= on]
    if earlier:
        return max(earlier, key=lambda r: r.valid_from)
    return min(candidates, key=lambda r: r.valid_from)


def regime_for_year(regime: Regime, start: date) -> Regime:
    """The regime that judges a year of obligations beginning on ``start`` — an agrément year's quota: the
    one in force on its first day (docs/interpretations.md, « Agrément year across a change of regime »).

    ``regime`` itself when it was forced (D4: it judges every year, as a simulation) or when it is in force
    that day; else the region's regime for that day, ``regime_in_force``: the shipped one in force, or —
    when the regime then in force is one ``ei`` does not ship (the Walloon 2013–2017 gap, before 2004) — the
    nearest one it knows, the stand-in a period of such days gets (warning ``regime_outside_validity``).
    One rule, whatever the regime asked for; a stand-in's year says so (``rules.quota._said_judge``).
    """
    if regime.forced or regime.valid_on(start):
        return regime
    return regime_in_force(regime.region, start)


def _regimes_then(regime: Regime, period, forced: bool) -> tuple[str, str]:
    """What governed the period's ends that ``regime`` does not cover: another shipped regime (named), or
    one ``ei`` does not ship (e.g. wallonie-2012, rules.md §1) — said, so that a fallback is never silent.
    Each regime is said once, with the days it concerns (« Le 2025-01-01 et le 2025-12-31, le régime en
    vigueur est bruxelles-2018 »): the same sentence once per end read as a repetition."""
    fr, en, missing = "", "", []
    in_force: dict[str, list[str]] = {}
    for day in dict.fromkeys(d for d in (period.start, period.end) if not regime.valid_on(d)):
        shipped = shipped_in_force(regime.region, day)
        if shipped is not None:
            in_force.setdefault(shipped.id, []).append(day.isoformat())
        else:
            missing.append(day.isoformat())
    for other, days in in_force.items():
        fr += f" Le {' et le '.join(days)}, le régime en vigueur est {other} (--regime {other})."
        en += f" On {' and on '.join(days)}, the regime in force is {other} (--regime {other})."
    if missing:
        fr += f" Le régime en vigueur le {' et le '.join(missing)} n'est pas livré par ei" + (
            "." if forced else f" : {regime.id}, le régime connu le plus proche, est appliqué à sa place aux "
            "contrôles.")
        en += f" The regime in force on {' and on '.join(missing)} is not shipped with ei" + (
            "." if forced else f": {regime.id}, the nearest regime it knows, is applied instead to the checks.")
    return fr, en


def select_regime(enterprise, period, forced: str | None = None):
    """Regime for an evaluation (rules.md D4) and the warnings it brings (about the workbook it was read from).

    Order: ``--regime`` option, then the workbook's ``regime`` field, then the region's regime in
    force at the period's end. A forced regime may be used outside its validity, with a warning.
    """
    from ei_cli.problems import warning

    # An empty --regime "" is refused as an unknown regime (as ``ei regimes ""`` and ``ei batch`` refuse it),
    # not taken for no option at all.
    chosen_id = forced if forced is not None else enterprise.regime_id or None
    problems = []
    if chosen_id is not None:
        regime = _forced(chosen_id)
        if regime.region != str(enterprise.region):
            raise EiError(t(
                f"Le régime « {regime.id} » est celui de la région {regime.region}, "
                f"l'entreprise est en région {enterprise.region}.",
                f"Regime “{regime.id}” belongs to region {regime.region}; the enterprise is in {enterprise.region}."))
    else:
        regime = regime_in_force(str(enterprise.region), period.end)
    if not (regime.valid_on(period.start) and regime.valid_on(period.end)):
        partly = period.intersection(regime.validity) is not None
        then_fr, then_en = _regimes_then(regime, period, forced=chosen_id is not None)
        problems.append(warning("regime_outside_validity", file=enterprise.source, message=t(
            f"Le régime {regime.id} s'applique {regime.validity_text('fr')} ; "
            f"la période {period.start.isoformat()} – {period.end.isoformat()} en sort"
            + (" en partie" if partly else "") + ". Contrôles à lire comme une simulation historique ; "
            "aucune subvention n'est calculée pour les jours hors de ce régime." + then_fr,
            f"Regime {regime.id} applies {regime.validity_text('en')}; the period "
            f"{period.start.isoformat()} – {period.end.isoformat()} lies " + ("partly " if partly else "")
            + "outside it. Checks to be read as a historical simulation; no subsidy is computed for the "
            "days outside this regime." + then_en)))
    if period.end < enterprise.agrement_date:
        problems.append(warning("period_before_agrement", file=enterprise.source, message=t(
            f"La période évaluée ({period.start.isoformat()} – {period.end.isoformat()}) se termine avant la "
            f"date d'agrément ({enterprise.agrement_date.isoformat()}) : aucune obligation ni subvention de "
            "l'agrément ne la concerne. Vérifiez --year ou date_agrement.",
            f"The period evaluated ({period.start.isoformat()} – {period.end.isoformat()}) ends before the "
            f"agrément date ({enterprise.agrement_date.isoformat()}): no obligation or subsidy of the agrément "
            "applies to it. Check --year or date_agrement.")))
    if regime.status == "outline":
        problems.append(warning("regime_outline", file=enterprise.source, message=t(
            f"Le régime {regime.id} n'est connu qu'en partie : la plupart des contrôles et subventions "
            "restent indéterminés.",
            f"Regime {regime.id} is only partly known: most checks and subsidies stay unknown.")))
    return regime, problems
