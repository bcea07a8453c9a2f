"""What `ei validate` says about one file: its JSON entry and its one-line summary."""

from __future__ import annotations

from pathlib import Path

from ei_cli.i18n import plural, t
from ei_cli.problems import display_path
from ei_cli.workbook.reader import read_workbook


def validation_entry(path: Path) -> dict:
    """``{file, valid, enterprise, workers, pay_rows, follow_ups, problems}``; the enterprise (the common
    ``enterprise`` object of spec/cli.md) and the counts are null when not valid. The problems are the
    reader's, and the months a worker was employed without a Paie row (``rules.common.payroll_gaps``: the
    warning every check gives for them, so that « valide » before an inspection does not hide it)."""
    result = read_workbook(Path(path))
    e = result.enterprise
    problems = list(result.problems)
    if e is not None:
        from ei_cli.rules.common import payroll_gaps

        problems += payroll_gaps(e)
    return {
        "file": display_path(path),
        "valid": result.valid,
        "enterprise": e.to_dict() if e else None,
        "workers": len(e.workers) if e else None,
        "pay_rows": len(e.pay) if e else None,
        "follow_ups": len(e.follow_ups) if e else None,
        "problems": problems,
    }


def validation_line(entry: dict, lang: str = "fr") -> str:
    """"ei-wallonie.xlsx : valide (15 travailleurs, 180 lignes de paie, 60 actions de suivi)"; each count by
    its language's rule (``i18n.plural``: « 0 action de suivi », « 0 follow-up actions »)."""
    errors = sum(1 for p in entry["problems"] if p.is_error)
    warnings = len(entry["problems"]) - errors
    warned = plural(warnings, "avertissement", "warning")
    colon = t(" : ", ": ").get(lang)
    if entry["valid"]:
        counts = ", ".join(x.get(lang) for x in (
            plural(entry["workers"], "travailleur", "worker"),
            plural(entry["pay_rows"], "ligne de paie", "pay row", "lignes de paie"),
            plural(entry["follow_ups"], "action de suivi", "follow-up action", "actions de suivi")))
        state = t("valide", "valid").get(lang) + (", " + warned.get(lang) if warnings else "")
        return f"{entry['file']}{colon}{state} ({counts})"
    parts = [plural(errors, "erreur", "error").get(lang)] + ([warned.get(lang)] if warnings else [])
    return f"{entry['file']}{colon}{t('non valide', 'not valid').get(lang)}, {', '.join(parts)}"
